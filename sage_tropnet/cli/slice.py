r"""
The ``sage-tropnet slice`` command

``sage-tropnet slice NET --through a.npy b.npy [c.npy]`` restricts the
network to the line through two data points or the plane through three
(or ``--origin O --directions D1 [D2]``) and counts its linear and
activation regions there, exactly. On a line, the count is along the segment
between the two points (``--box R``: `t \in [-R, R]`; ``--line``: the whole
line) and the exact breakpoints are listed; on a plane, in the box
``[-R, R]^2`` of slice coordinates (default: the whole plane). ``--plot``
saves the picture (PNG, PDF or SVG, by the file name). Points are ``.npy``
files (one vector; a file of several rows gives several points) or
comma-separated numbers (``"0.5,1,-2"``; one that starts with a minus sign
needs a leading space, ``" -1,2"``, or it reads as an option).

EXAMPLES::

    sage: import numpy as np
    sage: from sage_tropnet.cli import main
    sage: f = tmp_filename(ext=".npz")
    sage: np.savez(f, W0=np.array([[1., 0., 1.], [0., 1., -1.], [-1., -1., 0.]]),
    ....:          b0=np.zeros(3), W1=np.ones((1, 3)), b1=np.zeros(1))
    sage: main(["slice", f, "--through", "0,0,0", "1,0,0", "0,1,0"])
    network: ReLU network [3, 3, 1] (output activation: linear)
    slice: plane through (0, 0, 0) in R^3, in all of the plane
    linear regions: 6 (exact)
    activation regions: 6 (exact)
    time: ... s
    0
    sage: main(["slice", f, "--through", " -1,-2,0", "3,2,0", "--json"])
    {"input": ..., "dimension": 1, ..., "linear_regions": 4, "activation_regions": 4,
     "breakpoints": ["1/4", "3/8", "1/2"], ...}
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

import os
import sys
import time

from sage.rings.rational_field import QQ

from sage_tropnet.cli.common import (add_input_arguments, add_output_argument, load_input,
                                     write_json)
from sage_tropnet.misc.formatting import json_number

#: The name of the command.
NAME = "slice"

#: One line for ``sage-tropnet --help``.
HELP = "count regions on a line or plane through data points (exact)"

#: The description of ``sage-tropnet slice --help``.
DESCRIPTION = ("Restrict the network to the line through two points or the plane through "
               "three (--through), or to origin + span(directions), and count its linear and "
               "activation regions there exactly; on a line, list the exact breakpoints "
               "along the segment. --plot saves a picture (PNG, PDF or SVG).")

#: The file types of ``--plot``.
PLOT_FORMATS = (".png", ".pdf", ".svg")


def add_arguments(parser):
    r"""
    Add the arguments of ``sage-tropnet slice`` to ``parser``.

    EXAMPLES::

        sage: import argparse
        sage: from sage_tropnet.cli.slice import add_arguments
        sage: p = argparse.ArgumentParser(); add_arguments(p)
        sage: p.parse_args(["net.npz", "--through", "a.npy", "b.npy"]).through
        ['a.npy', 'b.npy']
    """
    add_input_arguments(parser)
    add_slice_arguments(parser)
    parser.add_argument("--box", default=None, metavar="R",
                        help="count in the box [-R, R]^k of slice coordinates")
    parser.add_argument("--line", action="store_true",
                        help="on a line: the whole line instead of the segment")
    parser.add_argument("--mode", choices=("exact", "float"), default="exact",
                        help="exact (default) or float (an estimate)")
    add_output_argument(parser)
    parser.add_argument("--all-outputs", action="store_true",
                        help="linear regions of the whole output vector (instead of --output)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--plot", default=None, metavar="OUT.png",
                        help="save a picture (.png, .pdf or .svg)")
    parser.add_argument("--color", choices=("gradient", "region"), default="gradient",
                        help="colour regions by gradient norm (default) or one colour each")


def add_slice_arguments(parser, through="--through"):
    r"""
    Add the options naming a slice (``--through`` or ``--origin`` and
    ``--directions``, and ``--labels``) to ``parser``.

    EXAMPLES::

        sage: import argparse
        sage: from sage_tropnet.cli.slice import add_slice_arguments
        sage: p = argparse.ArgumentParser(); add_slice_arguments(p, "--slice")
        sage: p.parse_args(["--slice", "0,0", "1,1"]).through
        ['0,0', '1,1']
    """
    parser.add_argument(through, nargs="+", metavar="POINT", default=None, dest="through",
                        help="two points (a line) or three (a plane): .npy files or "
                             "comma-separated numbers")
    parser.add_argument("--origin", metavar="POINT", default=None,
                        help="the origin of the slice (with --directions)")
    parser.add_argument("--directions", nargs="+", metavar="VECTOR", default=None,
                        help="one or two directions of the slice (with --origin)")
    parser.add_argument("--labels", nargs="+", default=None,
                        help="labels of the points (for --plot)")


def configure(subparsers):
    r"""
    Add the command ``slice`` to ``subparsers`` and return its parser.

    EXAMPLES::

        sage: import argparse
        sage: from sage_tropnet.cli import slice
        sage: sub = argparse.ArgumentParser().add_subparsers()
        sage: slice.configure(sub).prog
        '... slice'
    """
    parser = subparsers.add_parser(NAME, help=HELP, description=DESCRIPTION)
    add_arguments(parser)
    return parser


def slice_from_args(args, n):
    r"""
    Return the :class:`~sage_tropnet.slices.Slice` named by the parsed
    arguments, for an input space of dimension ``n``.

    EXAMPLES::

        sage: import argparse
        sage: from sage_tropnet.cli.slice import add_arguments, slice_from_args
        sage: p = argparse.ArgumentParser(); add_arguments(p)
        sage: slice_from_args(p.parse_args(["n.npz", "--through", "0,0", "1,1"]), 2)
        Line through (0, 0) in R^2
        sage: slice_from_args(p.parse_args(["n.npz", "--origin", "0,0", "--directions",
        ....:                               "1,0", "0,1"]), 2)
        Plane through (0, 0) in R^2
        sage: slice_from_args(p.parse_args(["n.npz", "--through", "0,0"]), 2)
        Traceback (most recent call last):
        ...
        ValueError: --through/--slice needs two points (a line) or three (a plane), got 1
    """
    from sage_tropnet.slices import Slice, line_through, plane_through, read_points
    if (args.through is None) == (args.origin is None):
        raise ValueError("give either --through POINTS (--slice POINTS) or --origin O "
                         "--directions D...")
    if args.through is not None:
        pts = [p for spec in args.through for p in read_points(spec)]
        if len(pts) not in (2, 3):
            raise ValueError("--through/--slice needs two points (a line) or three (a plane), got %s"
                             % len(pts))
        for i, p in enumerate(pts):
            if len(p) != n:
                raise ValueError("point %s has %s coordinates, the network has %s "
                                 "inputs" % (i, len(p), n))
        labels = args.labels
        if labels is not None and len(labels) != len(pts):
            raise ValueError("--labels: %s labels for %s points" % (len(labels), len(pts)))
        if labels is None:
            labels = ["p%s" % i for i in range(len(pts))]
        if len(pts) == 2:
            return line_through(*pts, labels=labels)
        return plane_through(*pts, labels=labels)
    if not args.directions:
        raise ValueError("--origin needs --directions")
    o = read_points(args.origin, "origin")[0]
    dirs = [d for spec in args.directions for d in read_points(spec, "direction")]
    if len(dirs) not in (1, 2):
        raise ValueError("--directions: give one or two directions, got %s" % len(dirs))
    for i, d in enumerate([o] + dirs):
        if len(d) != n:
            raise ValueError("%s has %s coordinates, the network has %s inputs"
                             % ("--origin" if i == 0 else "direction %s" % (i - 1), len(d), n))
    return Slice(o, dirs)


def run(args, out=None):
    r"""
    Run ``sage-tropnet slice``; return the exit code.

    EXAMPLES::

        sage: import numpy as np, io, argparse, json
        sage: from sage_tropnet.cli.slice import add_arguments, run
        sage: f = tmp_filename(ext=".npz")
        sage: np.savez(f, W0=np.array([[1.], [-1.]]), b0=np.array([0., 1.]),
        ....:          W1=np.array([[4., 2.]]), b1=np.array([-3.]))
        sage: p = argparse.ArgumentParser(); add_arguments(p)
        sage: s = io.StringIO()
        sage: png = tmp_filename(ext=".png")
        sage: run(p.parse_args([f, "--through", "-1", "2", "--output-activation", "relu",
        ....:                   "--json", "--plot", png]), s)
        0
        sage: d = json.loads(s.getvalue())
        sage: d["linear_regions"], d["activation_regions"], d["breakpoints"]
        (4, 5, ['1/6', '1/2', '2/3'])
    """
    out = sys.stdout if out is None else out
    net = load_input(args)
    n = net.input_dimension()
    S = slice_from_args(args, n)
    k = S.dimension()
    box = None
    if args.box is not None:
        try:
            box = QQ(args.box)
        except (TypeError, ValueError):
            raise ValueError("--box: %r is not a rational number" % args.box)
        if box <= 0:
            raise ValueError("--box: the half-width must be positive")
    output = None if args.all_outputs else args.output
    if output is not None and not 0 <= output < net.output_dimension():
        raise ValueError("--output %s out of range (the network has %s outputs)"
                         % (output, net.output_dimension()))
    if args.plot and os.path.splitext(args.plot)[1].lower() not in PLOT_FORMATS:
        raise ValueError("--plot: unknown picture format %r (use .png, .pdf or .svg)"
                         % os.path.splitext(args.plot)[1])
    t0 = time.perf_counter()
    res = {"input": getattr(args, "network", None), "widths": [int(w) for w in net.widths()],
           "dimension": int(k), "origin": json_number(list(S.origin)),
           "directions": [json_number(list(d)) for d in S.directions],
           "points": None if S.points is None else
           [json_number(list(S.coordinates(p))) for p in S.points],
           "mode": args.mode, "output": "all" if output is None else int(output)}
    if k == 1:
        from sage_tropnet.lines import along_segment
        if args.line:
            a, b, dom = S.origin, S.origin + S.directions[0], "the whole line"
        elif box is not None:
            a, b = S.origin - box * S.directions[0], S.origin + box * S.directions[0]
            dom = "t in [-%s, %s]" % (box, box)
        else:
            a, b, dom = S.origin, S.origin + S.directions[0], "the segment t in [0, 1]"
        P = along_segment(net, a, b, line=args.line, output=output, mode=args.mode)
        if box is not None and not args.line:
            tr = lambda t: -box + 2 * box * t  # noqa: E731  (back to slice coordinates)
        else:
            tr = lambda t: t  # noqa: E731
        res["domain"] = dom
        res["linear_regions"] = P.number_of_linear_pieces()
        res["activation_regions"] = P.number_of_activation_pieces()
        res["breakpoints"] = [json_number(tr(t)) for t in P.breakpoints()]
        res["activation_breakpoints"] = [json_number(tr(t)) for t in
                                         P.breakpoints('activation')]
    else:
        from sage_tropnet.slices import slice_regions
        d = slice_regions(net, S, box=box, output=output, mode=args.mode)
        res["domain"] = "all of the plane" if box is None else "[-%s, %s]^2" % (box, box)
        res["linear_regions"] = d["linear_regions"]
        res["activation_regions"] = d["activation_regions"]
    if args.plot:
        if k == 1:
            from sage_tropnet.slice_plot import plot_line
            fig = plot_line(net, S, box=box, output=output, mode=args.mode)
        else:
            from sage_tropnet.slice_plot import plot_slice
            fig = plot_slice(net, S, box=box, output=output, color=args.color,
                             mode=args.mode)
        fig.savefig(args.plot, dpi=150)
        res["plot"] = args.plot
    res["seconds"] = round(time.perf_counter() - t0, 4)
    if args.json:
        write_json(out, res)
        return 0
    label = "exact" if args.mode == "exact" else "FLOAT MODE (estimate with tolerances)"
    out.write("network: %s\n" % net)
    out.write("slice: %s, in %s\n" % (str(S)[0].lower() + str(S)[1:], res["domain"]))
    out.write("linear regions: %s (%s)\n" % (res["linear_regions"], label))
    out.write("activation regions: %s (%s)\n" % (res["activation_regions"], label))
    if k == 1:
        out.write("breakpoints: %s\n" % ", ".join(res["breakpoints"]))
    if args.plot:
        out.write("picture: %s\n" % args.plot)
    out.write("time: %.3f s\n" % res["seconds"])
    return 0
