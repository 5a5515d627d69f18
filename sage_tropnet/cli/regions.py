r"""
The ``sage-tropnet regions`` command

``sage-tropnet regions INPUT`` counts the linear regions (and, for networks,
the activation regions) exactly. ``INPUT`` is a network weights file (see
:func:`~sage_tropnet.adapters.load_network`) or a tropical rational map in
JSON (see :func:`~sage_tropnet.cli.common.load_tropical_map`).

EXAMPLES::

    sage: from sage_tropnet.cli import main
    sage: f = tmp_filename(ext=".json")
    sage: _ = open(f, "w").write('{"variables": 1, '
    ....:     '"numerator": [[0, [0]], [0, [1]], ["-2", [2]]], '
    ....:     '"denominator": [[0, [0]], [-2, [2]]]}')
    sage: main(["regions", f])
    input: tropical rational map in 1 variable
    linear regions: 4 (exact, tropical route, facet adjacency, all of R^1)
    time: ... s
    0
    sage: main(["regions", f, "--json"])
    {"input": "map", "input_dimension": 1, "mode": "exact", "method": "tropical", ..."linear_regions": 4, "seconds": ...}
    0

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
import time

from sage.rings.rational_field import QQ

from sage_tropnet.cli.common import (add_input_arguments, add_output_argument, load_input,
                                     write_json, positive_rational, check_output,
                                     check_output_file, float_mode_problem,
                                     add_max_monomials_argument, tropicalize_within_limit,
                                     scheduler_address, positive_integer)
from sage_tropnet.misc.inputs import input_dimension, is_network

#: The name of the command.
NAME = "regions"

#: One line for ``sage-tropnet --help``.
HELP = "count linear and activation regions exactly"

#: The description of ``sage-tropnet regions --help``.
DESCRIPTION = ("Count the linear regions of a network or tropical rational map (and the "
               "activation regions of a network), exactly over QQ by default; with --method "
               "both the tropical and activation routes are both run and must agree (exit "
               "code 1 otherwise).")

#: The kinds of input of the command.
KINDS = ("network", "map")


def add_arguments(parser):
    r"""
    Add the arguments of ``sage-tropnet regions`` to ``parser``.

    EXAMPLES::

        sage: import argparse
        sage: from sage_tropnet.cli.regions import add_arguments
        sage: p = argparse.ArgumentParser(); add_arguments(p)
        sage: p.parse_args(["net.npz", "--method", "both"]).method
        'both'
    """
    add_input_arguments(parser, KINDS)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--mode", choices=("exact", "float"), default="exact",
                        help="exact (default: over QQ, certified) or float (qhull, an estimate)")
    parser.add_argument("--method", choices=("tropical", "activation", "both"), default=None,
                        help="tropical route, activation route, or both (checked to agree); "
                             "default: tropical for maps, both for networks (the tropical route "
                             "is skipped, with a note, when the tropical map may exceed "
                             "--max-monomials)")
    add_max_monomials_argument(parser)
    parser.add_argument("--adjacency", choices=("facet", "nonempty"), default="facet",
                        help="glue cells with the same affine map sharing a facet (default) "
                             "or meeting anywhere")
    add_output_argument(parser)
    parser.add_argument("--box", default=None, metavar="R", type=positive_rational,
                        help="count inside the box [-R, R]^n (a rational, e.g. 5, 1/2 or 0.5, "
                             "read exactly)")
    parser.add_argument("--stats", action="store_true",
                        help="add region statistics (exact volumes in the box, centres, ...)")
    parser.add_argument("--plot", default=None, metavar="OUT.png",
                        help="save a picture of the regions (input dimension 1, 2 or 3; "
                             "extension %s)" % ", ".join(PLOT_EXTENSIONS))
    # -- counting in pieces on a Dask cluster (issue 13; sage_tropnet.regions.parallel) --
    parser.add_argument("--scheduler", default="serial", metavar="local|serial|tcp://HOST:PORT",
                        type=scheduler_address,
                        help="count a network's regions in pieces on a Dask cluster: 'local' "
                             "(a local cluster of --workers processes), the address of a "
                             "running dask scheduler, or 'serial' (default: one search here; "
                             "'synchronous': the pieces one after the other here)")
    parser.add_argument("--workers", type=positive_integer, default=None, metavar="N",
                        help="with --scheduler local: the number of worker processes "
                             "(default: the number of cores); with an address: wait for N "
                             "workers")
    parser.add_argument("--pieces", type=positive_integer, default=None, metavar="K",
                        help="with --scheduler: split the search into about K pieces "
                             "(default: 16 per worker)")
    # -- end of counting in pieces --


#: The extensions of ``--plot`` (the formats of Sage's ``Graphics.save``).
PLOT_EXTENSIONS = (".png", ".pdf", ".svg", ".eps", ".ps", ".pgf")


def stats_table(J):
    r"""
    Return the text table of region statistics ``J`` (as made by
    :func:`~sage_tropnet.stats.statistics_json`): one line per linear
    region, exact values with a decimal beside long fractions.

    EXAMPLES::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.stats import statistics_json
        sage: from sage_tropnet.cli.regions import stats_table
        sage: T3 = ReLUNetwork([([[1, 0], [0, 1], [-1, -1]], [0, 0, 0]), ([[1, 1, 1]], [0])])
        sage: print(stats_table(statistics_json(T3, box=2)))
        statistics of 6 linear regions (0 bounded; volumes in the box), total volume 16
          region  cells  bounded  volume  chebyshev radius  gradient  constant
               0      1       no       4                 1  (-1, -1)  0
               1      1       no       2         1/2 ~ 0.5  (-1, 0)   0
               2      1       no       2         1/2 ~ 0.5  (0, -1)   0
               3      1       no       2         1/2 ~ 0.5  (0, 1)    0
               4      1       no       2         1/2 ~ 0.5  (1, 0)    0
               5      1       no       4                 1  (1, 1)    0
        <BLANKLINE>
    """
    def num(x, flt=None):
        if x is None:
            return "-"
        x = str(x)
        if flt is not None and ("/" in x or len(x) > 12):
            return "%s ~ %.4g" % (x if len(x) <= 12 else "...", flt)
        return x

    rows = [("region", "cells", "bounded", "volume", "chebyshev radius", "gradient",
             "constant")]
    for r in J.get("regions", []):
        rows.append((str(r["index"]), str(r["cells"]), "yes" if r["bounded"] else "no",
                     num(r.get("volume"), r.get("volume_float")),
                     num(r.get("chebyshev_radius"), r.get("chebyshev_radius_float")),
                     "(%s)" % ", ".join(r.get("gradient") or ()), num(r.get("constant"))))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    head = "statistics of %s linear regions (%s bounded%s)" % (
        J.get("number_of_regions"), J.get("number_of_bounded_regions"),
        "; volumes in the box" if J.get("box") else "")
    if J.get("total_volume") is not None:
        head += ", total volume %s" % num(J["total_volume"], J.get("total_volume_float"))
    lines = [head]
    for row in rows:
        lines.append("  " + "  ".join(c.rjust(w) if i < 5 else c.ljust(w)
                                      for i, (c, w) in enumerate(zip(row, widths))).rstrip())
    return "\n".join(lines) + "\n"


def configure(subparsers):
    r"""
    Add the command ``regions`` to ``subparsers`` and return its parser.

    EXAMPLES::

        sage: import argparse
        sage: from sage_tropnet.cli import regions
        sage: sub = argparse.ArgumentParser().add_subparsers()
        sage: regions.configure(sub).prog
        '... regions'
    """
    parser = subparsers.add_parser(NAME, help=HELP, description=DESCRIPTION)
    add_arguments(parser)
    return parser


def run(args, out=None):
    r"""
    Run ``sage-tropnet regions``; return the exit code (1 if the routes disagree).

    EXAMPLES::

        sage: import numpy as np, io, argparse
        sage: from sage_tropnet.cli.regions import add_arguments, run
        sage: f = tmp_filename(ext=".npz")
        sage: np.savez(f, W0=np.array([[1.], [-1.]]), b0=np.array([0., 1.]),
        ....:          W1=np.array([[4., 2.]]), b1=np.array([-3.]))
        sage: p = argparse.ArgumentParser(); add_arguments(p)
        sage: s = io.StringIO()
        sage: run(p.parse_args([f, "--output-activation", "relu", "--json"]), s)
        0
        sage: import json; d = json.loads(s.getvalue())
        sage: d["linear_regions"], d["activation_regions"], d["agree"]
        (4, 5, True)
    """
    from sage_tropnet.regions import count_linear_regions, count_activation_regions
    out = sys.stdout if out is None else out
    if args.plot:  # checked before any work
        check_output_file(args.plot, "--plot", PLOT_EXTENSIONS)
        if args.mode == "float":
            raise ValueError("--plot needs exact mode")
    obj = load_input(args, KINDS)
    is_net = is_network(obj)
    method = args.method or ("both" if is_net else "tropical")
    if not is_net and method != "tropical":
        raise ValueError("%s: the %s route needs a network" % (args.input, method))
    box = None if args.box is None else QQ(args.box)
    n = input_dimension(obj)
    check_output(obj, args.output, args.input)
    if args.plot and n not in (1, 2, 3):
        raise ValueError("--plot: pictures need input dimension 1, 2 or 3, not %s" % n)
    if args.mode == "float":
        problem = float_mode_problem(obj)
        if problem is not None:
            raise ValueError("%s: %s; use --mode exact" % (args.input, problem))
    kw = dict(adjacency=args.adjacency, box=box, output=args.output, mode=args.mode,
              progress=None if not args.json else False)
    # -- counting in pieces on a Dask cluster (issue 13): one search on the cluster
    # gives both counts of a network; maps and the tropical route stay serial
    if is_net and getattr(args, "scheduler", "serial") != "serial":
        from sage_tropnet.regions.parallel import scheduled_counters
        count_linear_regions, count_activation_regions = scheduled_counters(
            count_linear_regions, count_activation_regions, scheduler=args.scheduler,
            workers=args.workers, pieces=args.pieces)
    # -- end of counting in pieces --
    t0 = time.perf_counter()
    res = {"input": "network" if is_net else "map", "input_dimension": int(n),
           "mode": args.mode, "method": method, "adjacency": args.adjacency,
           "domain": "R^%s" % n if box is None else "[-%s, %s]^%s" % (box, box, n)}
    if is_net:
        res["widths"] = [int(w) for w in obj.widths()]
        res["output"] = args.output
        res["output_activation"] = obj.output_activation()
    routes = ("tropical", "activation") if method == "both" else (method,)
    tropical = obj
    skipped = None
    if is_net and "tropical" in routes:
        # the tropical route expands the tropical map: bounded by --max-monomials
        if method == "both":
            from sage_tropnet.network import TropicalizationTooLarge
            try:
                tropical = obj.tropicalize(max_monomials=args.max_monomials or None,
                                           progress=kw["progress"])
            except TropicalizationTooLarge as err:
                skipped = ("%s (--max-monomials %s); counted by the activation route only"
                           % (err, args.max_monomials))
                routes = ("activation",)
        else:
            tropical = tropicalize_within_limit(
                obj, args, progress=kw["progress"],
                hint="--method activation counts the regions without tropicalising")
    counts = {}
    for r in routes:
        counts[r] = int(count_linear_regions(tropical if r == "tropical" else obj, method=r,
                                             **kw))
    res["linear_regions"] = counts[routes[0]]
    code = 0
    if method == "both":
        res["tropical_linear_regions"] = counts.get("tropical")
        res["activation_linear_regions"] = counts["activation"]
        res["agree"] = counts["tropical"] == counts["activation"] if skipped is None else None
        code = 0 if res["agree"] is not False else 1
        if skipped is not None:
            res["skipped"] = {"tropical": skipped}
    if is_net:
        res["activation_regions"] = int(count_activation_regions(
            obj, box=box, mode=args.mode, progress=kw["progress"]))
    if args.stats:
        from sage_tropnet.stats import statistics_json
        res["stats"] = statistics_json(obj, box=box, output=args.output)
    if args.plot:
        from sage_tropnet.misc.files import atomic_path
        from sage_tropnet.plot import plot_linear_regions
        G = plot_linear_regions(obj, box=box, output=args.output)
        with atomic_path(args.plot) as tmp:
            G.save(tmp)
        res["plot"] = args.plot
    runs = getattr(count_linear_regions, "runs", None)
    if runs:
        R = runs[-1][1]
        res["parallel"] = {"scheduler": str(args.scheduler), "pieces": int(R.pieces),
                           "tasks": int(R.tasks), "workers": int(R.workers),
                           "serial_fallback": R.fallback}
    res["seconds"] = round(time.perf_counter() - t0, 4)
    if args.json:
        write_json(out, res)
        return code
    what = ("%s" % obj) if is_net else "tropical rational map in %s variable%s" % (
        n, "" if n == 1 else "s")
    out.write("input: %s\n" % what)
    dom = "all of R^%s" % n if box is None else "box [-%s, %s]^%s" % (box, box, n)
    label = "exact" if args.mode == "exact" else "FLOAT MODE (estimate with tolerances)"
    for r in routes:
        out.write("linear regions: %s (%s, %s route, %s adjacency, %s)\n"
                  % (counts[r], label, r, args.adjacency, dom))
    if is_net:
        out.write("activation regions: %s (%s)\n" % (res["activation_regions"], label))
    if skipped is not None:
        out.write("tropical route skipped: %s\n" % skipped)
    elif method == "both":
        out.write("routes agree: %s\n" % ("yes" if res["agree"] else "NO"))
    if "stats" in res:
        out.write(stats_table(res["stats"]))
    if args.plot:
        out.write("picture: %s\n" % args.plot)
    if "parallel" in res:
        p = res["parallel"]
        if p["serial_fallback"]:
            out.write("counted serially: %s\n" % p["serial_fallback"])
        else:
            out.write("counted in %s pieces (%s tasks) on %s worker%s (scheduler %s)\n"
                      % (p["pieces"], p["tasks"], p["workers"], "" if p["workers"] == 1 else "s",
                         p["scheduler"]))
    out.write("time: %.3f s\n" % res["seconds"])
    return code
