r"""
The ``sage-tropnet track`` command

``sage-tropnet track CHECKPOINT...`` computes, for every checkpoint of a
training run (``.npz``, PyTorch, TorchScript or ONNX files, sorted
naturally: ``epoch_2`` before ``epoch_10``), the linear and activation
regions (in all of the input space, in ``--box R``, or on ``--slice`` through
two or three data points), the monomial counts, region statistics, and on
request (``--quantities ... hoffman radius``) the Hoffman constant and the
sampling radius (see
:func:`sage_tropnet.tracking.track`). ``--out results.parquet`` (or
``.csv``) saves the table and makes the run resumable; ``--workers N`` runs
the checkpoints on a local Dask cluster; ``--plot`` saves the quantities
against the epoch (PNG, PDF or SVG).

EXAMPLES::

    sage: import numpy as np, os
    sage: from sage_tropnet.cli import main
    sage: d = tmp_dir()
    sage: for e in (1, 2):
    ....:     np.savez(os.path.join(d, "epoch_%s.npz" % e), W0=np.array([[1., 0.], [0., e]]),
    ....:              b0=np.array([0., -1.]), W1=np.ones((1, 2)), b1=np.zeros(1))
    sage: main(["track", os.path.join(d, "epoch_2.npz"), os.path.join(d, "epoch_1.npz"),
    ....:       "--box", "2", "--quantities", "linear_regions", "activation_regions"])
    epoch  checkpoint   linear regions  activation regions
    1      epoch_1.npz  4               4
    2      epoch_2.npz  4               4
    time: ... s
    0
    sage: main(["track", os.path.join(d, "epoch_1.npz"), "--slice", "0,0", "2,2", "--json",
    ....:       "--quantities", "linear_regions"])
    {"checkpoints": 1, ..., "rows": [{"epoch": 1, "checkpoint": "epoch_1.npz", ...,
     "linear_regions": 3, ...}], ...}
    0

AUTHORS:

- sage_tropnet developers (2026-12): initial version
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

import math
import os
import sys
import time

from sage.rings.rational_field import QQ

from sage_tropnet.cli.common import write_json
from sage_tropnet.cli.slice import add_slice_arguments, slice_from_args, PLOT_FORMATS

#: The name of the command.
NAME = "track"

#: One line for ``sage-tropnet --help``.
HELP = "follow regions, monomials and Hoffman constants over training checkpoints"

#: The description of ``sage-tropnet track --help``.
DESCRIPTION = ("For every checkpoint (sorted naturally), count the linear and activation "
               "regions (whole space, --box, or --slice through data points), the monomials, "
               "the Hoffman constant and sampling radius, and region statistics, exactly; "
               "--out saves a resumable table, --workers runs on a local Dask cluster, --plot "
               "draws every quantity against the epoch.")

#: The columns of the text table.
TEXT_COLUMNS = (("epoch", "epoch"), ("checkpoint", "checkpoint"),
                ("linear_regions", "linear regions"), ("activation_regions", "activation regions"),
                ("numerator_monomials", "num. monomials"), ("denominator_monomials",
                                                           "den. monomials"),
                ("hoffman", "Hoffman"), ("sampling_radius", "radius"),
                ("bounded_regions", "bounded regions"), ("mean_volume", "mean volume"))


def add_arguments(parser):
    r"""
    Add the arguments of ``sage-tropnet track`` to ``parser``.

    EXAMPLES::

        sage: import argparse
        sage: from sage_tropnet.cli.track import add_arguments
        sage: p = argparse.ArgumentParser(); add_arguments(p)
        sage: a = p.parse_args(["e1.pt", "e2.pt", "--box", "3", "--workers", "2"])
        sage: a.checkpoints, a.box, a.workers
        (['e1.pt', 'e2.pt'], '3', 2)
    """
    from sage_tropnet.tracking import QUANTITIES
    parser.add_argument("checkpoints", nargs="+", metavar="CHECKPOINT",
                        help="network files, one per epoch (.npz, .pt, .onnx)")
    add_slice_arguments(parser, "--slice")
    parser.add_argument("--box", default=None, metavar="R",
                        help="count in the box [-R, R]^k (of slice coordinates with --slice)")
    parser.add_argument("--quantities", nargs="+", choices=QUANTITIES, default=None,
                        help="what to compute (default: all but hoffman and radius, which "
                             "are expensive beyond small networks or lines)")
    parser.add_argument("--mode", choices=("exact", "float"), default="exact",
                        help="exact (default) or float (an estimate)")
    parser.add_argument("--output", type=int, default=0, metavar="N",
                        help="output coordinate of the networks (default: 0)")
    parser.add_argument("--output-activation", choices=("linear", "relu"), default="linear",
                        help="activation of the output layer of weight files (default: linear)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--digits", type=int, metavar="K", default=None,
                       help="round weights to K decimal digits (default: exact)")
    group.add_argument("--max-denominator", type=int, metavar="D", default=None,
                       help="round weights to denominators at most D (default: exact)")
    parser.add_argument("--out", default=None, metavar="TABLE.parquet",
                        help="save the table (.parquet or .csv); a new run resumes from it")
    parser.add_argument("--no-resume", action="store_true",
                        help="recompute every checkpoint even if --out has it")
    parser.add_argument("--workers", type=int, default=None, metavar="N",
                        help="run on a local Dask cluster of N workers (default: serially)")
    parser.add_argument("--scheduler", default=None, metavar="ADDRESS",
                        help="run on the Dask scheduler at ADDRESS")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--plot", default=None, metavar="OUT.png",
                        help="save the quantities against the epoch (.png, .pdf or .svg)")


def configure(subparsers):
    r"""
    Add the command ``track`` to ``subparsers`` and return its parser.

    EXAMPLES::

        sage: import argparse
        sage: from sage_tropnet.cli import track
        sage: sub = argparse.ArgumentParser().add_subparsers()
        sage: track.configure(sub).prog
        '... track'
    """
    parser = subparsers.add_parser(NAME, help=HELP, description=DESCRIPTION)
    add_arguments(parser)
    return parser


def _json_value(v):
    if v is None:
        return None
    try:
        import pandas as pd
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(v, bool):
        return v
    if isinstance(v, (int,)) or type(v).__name__.startswith("int"):
        return int(v)
    if isinstance(v, float) or type(v).__name__.startswith("float"):
        f = float(v)
        return f if math.isfinite(f) else None
    return str(v)


def run(args, out=None):
    r"""
    Run ``sage-tropnet track``; return the exit code.

    EXAMPLES::

        sage: import numpy as np, io, argparse, json
        sage: from sage_tropnet.cli.track import add_arguments, run
        sage: f = tmp_filename(ext=".npz")
        sage: np.savez(f, W0=np.array([[1.], [-1.]]), b0=np.array([0., 1.]),
        ....:          W1=np.array([[4., 2.]]), b1=np.array([-3.]))
        sage: p = argparse.ArgumentParser(); add_arguments(p)
        sage: s = io.StringIO()
        sage: run(p.parse_args([f, "--output-activation", "relu", "--json",
        ....:                   "--plot", tmp_filename(ext=".pdf"), "--quantities",
        ....:                   "linear_regions", "activation_regions", "hoffman", "radius"]), s)
        0
        sage: r = json.loads(s.getvalue())["rows"][0]
        sage: r["linear_regions"], r["activation_regions"], r["hoffman"], r["sampling_radius"]
        (4, 5, '1/2', '3/2')
    """
    from sage_tropnet.tracking import track, plot_tracking
    out = sys.stdout if out is None else out
    box = None
    if args.box is not None:
        try:
            box = QQ(args.box)
        except (TypeError, ValueError):
            raise ValueError("--box: %r is not a rational number" % args.box)
        if box <= 0:
            raise ValueError("--box: the half-width must be positive")
    for f in args.checkpoints:
        if not os.path.exists(f):
            raise OSError("%s: no such file" % f)
    if args.plot and os.path.splitext(args.plot)[1].lower() not in PLOT_FORMATS:
        raise ValueError("--plot: unknown picture format %r (use .png, .pdf or .svg)"
                         % os.path.splitext(args.plot)[1])
    if args.workers is not None and args.workers < 1:
        raise ValueError("--workers must be positive")
    S = None
    if args.through is not None or args.origin is not None:
        from sage_tropnet.adapters import load_network
        n = load_network(args.checkpoints[0], digits=args.digits,
                         max_denominator=args.max_denominator,
                         output_activation=args.output_activation).input_dimension()
        S = slice_from_args(args, n)
    scheduler = "serial"
    if args.scheduler:
        scheduler = args.scheduler
    elif args.workers:
        scheduler = None
    t0 = time.perf_counter()
    df = track(args.checkpoints, quantities=args.quantities, box=box, slice=S,
               output=args.output, mode=args.mode, scheduler=scheduler, out=args.out,
               resume=not args.no_resume, progress=False if args.json else None,
               n_workers=args.workers or 2, digits=args.digits,
               max_denominator=args.max_denominator,
               output_activation=args.output_activation)
    if args.plot:
        plot_tracking(df).savefig(args.plot, dpi=150)
    seconds = round(time.perf_counter() - t0, 4)
    rows = [{c: _json_value(v) for c, v in zip(df.columns, r)}
            for r in df.itertuples(index=False, name=None)]
    if args.json:
        write_json(out, {"checkpoints": len(rows), "box": None if box is None else str(box),
                         "slice": None if S is None else S.to_dict(), "mode": args.mode,
                         "output": args.output, "rows": rows, "table": args.out,
                         "plot": args.plot, "computed": int(df.attrs.get("computed", 0)),
                         "reused": int(df.attrs.get("reused", 0)), "seconds": seconds})
        return 0
    cols = [(c, h) for c, h in TEXT_COLUMNS if c in df.columns]
    cells = [[h for _, h in cols]]
    for r in rows:
        cells.append(["-" if r[c] is None else ("%.4g" % r[c] if isinstance(r[c], float)
                                               else str(r[c])) for c, _ in cols])
    widths = [max(len(row[i]) for row in cells) for i in range(len(cols))]
    for row in cells:
        out.write("  ".join(x.ljust(w) for x, w in zip(row, widths)).rstrip() + "\n")
    if args.out:
        out.write("table: %s\n" % args.out)
    if args.plot:
        out.write("picture: %s\n" % args.plot)
    out.write("time: %.3f s\n" % seconds)
    return 0
