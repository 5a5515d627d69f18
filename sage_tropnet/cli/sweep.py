r"""
The ``sage-tropnet sweep`` command

``sage-tropnet sweep CONFIG.toml`` runs the declarative sweep described by a
TOML file (architectures `\times` seeds `\times` methods on random networks,
see :mod:`sage_tropnet.experiments`) and prints its table. Options:

- ``--scheduler ADDRESS|serial`` -- run on the dask scheduler at ``ADDRESS``,
  or serially in this process (default: a local cluster of worker processes)
- ``--workers N`` -- the number of worker processes of the local cluster
  (default: 2)
- ``--out FILE`` -- save the table to ``FILE`` (``.parquet`` or ``.csv``);
  finished tasks are kept in ``FILE.parts/``, so an interrupted sweep resumes
  where it stopped when run again
- ``--no-resume`` -- recompute every task even if ``FILE.parts/`` has it
- ``--json`` -- print one JSON object ``{tasks, computed, reused, rejected,
  out, seconds, rows}`` (rows as in the table; counts are integers, exact
  values strings)

Saved parts that do not match their task (edited, damaged, written by
another version) are recomputed and reported (``rejected``). Estimates are
labelled: the column ``mode`` (``float`` for the counting methods in float
mode, ``float-sampling`` for ``estimate``) is printed whenever a row is not
exact, with a line saying so. A sweep of more than
:data:`~sage_tropnet.experiments.MAX_TASKS` tasks is refused.

A bad configuration (a missing or unknown key, a bad value, invalid TOML)
prints one line ``sage-tropnet: error: FILE: key 'KEY': ...`` and exits with
code 2.

EXAMPLES::

    sage: from sage_tropnet.cli import main
    sage: toml = tmp_filename(ext=".toml")
    sage: _ = open(toml, "w").write('architectures = [[2, 3, 1], [2, 4, 1]]\n'
    ....:     'seeds = 2\nmethods = ["tropical", "monomials"]\n')
    sage: main(["sweep", toml, "--scheduler", "serial"])
    sweep: ....toml: 8 tasks (8 computed, 0 reused) in ... s
         arch  seed     method  value  numerator_monomials  denominator_monomials
    [2, 3, 1]     0   tropical      7                 <NA>                   <NA>
    [2, 3, 1]     0  monomials      6                    2                      4
    [2, 3, 1]     1   tropical      7                 <NA>                   <NA>
    [2, 3, 1]     1  monomials      8                    7                      1
    [2, 4, 1]     0   tropical     11                 <NA>                   <NA>
    [2, 4, 1]     0  monomials     12                    1                     11
    [2, 4, 1]     1   tropical     11                 <NA>                   <NA>
    [2, 4, 1]     1  monomials      9                    2                      7
    0
    sage: _ = open(toml, "w").write('architectures = [[2, 3, 1]]\nmethods = ["exact"]\n')
    sage: main(["sweep", toml, "--scheduler", "serial"])
    sage-tropnet: error: ....toml: key 'methods': unknown method 'exact' (expected a subset
    of tropical, activation, monomials, estimate, bounds)
    2

(the error line goes to the standard error).

AUTHORS:

- sage_tropnet developers (2026-11): initial version
"""
# ****************************************************************************
#       Copyright (C) 2026 sage_tropnet developers
#
# This program is free software: you can redistribute it and/or modify
# it under the terms of the GNU General Public License as published by
# the Free Software Foundation, either version 2 of the License, or
# (at your option) any later version.
#                  https://www.gnu.org/licenses/
# ****************************************************************************


import sys

from sage_tropnet.cli.common import check_output_file, positive_integer, write_json

#: The name of the command.
NAME = "sweep"

#: One line for ``sage-tropnet --help``.
HELP = "run a declarative sweep (architectures x seeds x methods)"

#: The description of ``sage-tropnet sweep --help``.
DESCRIPTION = ("Run the sweep described by a TOML file: every architecture, seed and method "
               "on random networks, on a local dask cluster, a dask scheduler or serially; "
               "print or save the table (resumable with --out).")

#: The columns printed by ``sage-tropnet sweep`` (without ``--json``), when present.
SHOWN_COLUMNS = ("arch", "seed", "method", "value", "numerator_monomials",
                 "denominator_monomials", "activation_regions", "bound_montufar2017",
                 "bound_serra2018", "bound_trivial")


def add_arguments(parser):
    r"""
    Add the arguments of ``sage-tropnet sweep`` to ``parser``.

    EXAMPLES::

        sage: import argparse
        sage: from sage_tropnet.cli.sweep import add_arguments
        sage: p = argparse.ArgumentParser(); add_arguments(p)
        sage: a = p.parse_args(["sweep.toml", "--out", "r.csv"])
        sage: a.config, a.scheduler, a.out, a.workers, a.json, a.no_resume
        ('sweep.toml', None, 'r.csv', 2, False, False)
    """
    parser.add_argument("config", metavar="CONFIG.toml",
                        help="the sweep: keys architectures, seeds, methods (tropical, "
                             "activation, monomials, estimate, bounds), init, "
                             "output_activation, mode, box, samples, radius")
    parser.add_argument("--scheduler", default=None, metavar="ADDRESS|serial",
                        help="address of a running dask scheduler, or 'serial' "
                             "(default: a local cluster of --workers processes)")
    parser.add_argument("--out", default=None, metavar="FILE",
                        help="save the table (.parquet or .csv); finished tasks are kept in "
                             "FILE.parts/ and not recomputed when the sweep is run again")
    parser.add_argument("--workers", type=positive_integer, default=2, metavar="N",
                        help="worker processes of the local cluster (default: 2)")
    parser.add_argument("--no-resume", action="store_true",
                        help="recompute the tasks already saved in FILE.parts/")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object {tasks, computed, reused, out, seconds, rows}")


def configure(subparsers):
    r"""
    Add the command ``sweep`` to ``subparsers`` and return its parser.

    EXAMPLES::

        sage: import argparse
        sage: from sage_tropnet.cli import sweep
        sage: sub = argparse.ArgumentParser().add_subparsers()
        sage: sweep.configure(sub).prog
        '... sweep'
    """
    parser = subparsers.add_parser(NAME, help=HELP, description=DESCRIPTION)
    add_arguments(parser)
    return parser


def _records(df):
    import pandas as pd
    from sage_tropnet.experiments import SCHEMA
    kinds = dict(SCHEMA)
    rows = []
    for rec in df.to_dict("records"):
        row = {}
        for c, v in rec.items():
            if v is None or (not isinstance(v, str) and pd.isna(v)):
                row[c] = None
            elif kinds.get(c) == "int":
                row[c] = int(v)
            elif kinds.get(c) == "float":
                row[c] = float(v)
            else:
                row[c] = str(v) if kinds.get(c) == "str" else v
        rows.append(row)
    return rows


def run(args, out=None):
    r"""
    Run ``sage-tropnet sweep``.

    INPUT:

    - ``args`` -- the parsed arguments
    - ``out`` -- (default: ``sys.stdout``) a text stream

    OUTPUT: the exit code ``0``

    EXAMPLES::

        sage: import argparse, io, json
        sage: from sage_tropnet.cli.sweep import add_arguments, run
        sage: toml = tmp_filename(ext=".toml")
        sage: _ = open(toml, "w").write('architectures = [[2, 3, 1]]\nseeds = [0, 1]\n'
        ....:                           'methods = ["bounds"]\n')
        sage: res = tmp_filename(ext=".parquet")
        sage: p = argparse.ArgumentParser(); add_arguments(p); s = io.StringIO()
        sage: run(p.parse_args([toml, "--scheduler", "serial", "--out", res, "--json"]), s)
        0
        sage: d = json.loads(s.getvalue())
        sage: d["tasks"], d["computed"], d["reused"], d["out"] == res
        (2, 2, 0, True)
        sage: r = d["rows"][0]; r["arch"], r["method"], r["value"], r["bound_trivial"]
        ('[2, 3, 1]', 'bounds', 7, '8')

    A bad configuration names the file and the key::

        sage: _ = open(toml, "w").write('architectures = [[2, 0, 1]]\n')
        sage: run(p.parse_args([toml, "--scheduler", "serial"]), s)
        Traceback (most recent call last):
        ...
        ValueError: ....toml: key 'architectures': an architecture is a list [n_0, ..., n_L] of
        at least two positive integers, got [2, 0, 1]
    """
    from sage_tropnet.experiments import Sweep, sweep, TIMING_COLUMNS
    out = sys.stdout if out is None else out
    if args.workers < 1:
        raise ValueError("--workers must be a positive integer, got %s" % args.workers)
    if args.out is not None:  # checked before any work
        check_output_file(args.out, "--out")  # the directory; sweep() checks the format
    spec = Sweep.from_toml(args.config)
    df = sweep(spec, scheduler=args.scheduler, out=args.out, resume=not args.no_resume,
               progress=False if args.json else None, n_workers=args.workers)
    info = df.attrs
    if args.json:
        write_json(out, {"tasks": info["tasks"], "computed": info["computed"],
                         "reused": info["reused"], "rejected": info.get("rejected", 0),
                         "out": args.out, "seconds": round(info["seconds"], 4),
                         "rows": _records(df)})
        return 0
    out.write("sweep: %s: %s tasks (%s computed, %s reused) in %.2f s\n"
              % (args.config, info["tasks"], info["computed"], info["reused"], info["seconds"]))
    if info.get("rejected"):
        reasons = sorted(set(info["rejected_parts"].values()))
        out.write("saved parts recomputed: %s (they did not match their task: %s)\n"
                  % (info["rejected"], "; ".join(reasons)))
    modes = set(df["mode"].dropna()) if "mode" in df.columns else set()
    estimates = sorted(m for m in modes if m != "exact")
    if estimates:
        out.write("NOT EXACT: the rows of mode %s are estimates (float mode: tolerances; "
                  "float-sampling: a sampling estimate)\n" % ", ".join(estimates))
    shown = [c for c in SHOWN_COLUMNS if c in df.columns and c not in TIMING_COLUMNS]
    if estimates:
        shown.insert(shown.index("value") + 1, "mode")
    out.write(df[shown].to_string(index=False))
    out.write("\n")
    if args.out:
        out.write("saved: %s\n" % args.out)
    return 0
