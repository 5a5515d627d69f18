r"""
The ``sage-tropnet radius`` command

``sage-tropnet radius INPUT`` computes the Hoffman sampling radius of a
tropical map (``.json``) or of a network (``.npz``): every linear region meets
the `\infty`-ball of that radius around the centre (see
:func:`~sage_tropnet.hoffman.radius.sampling_radius`); and the exact minimal
such radius (:func:`~sage_tropnet.hoffman.radius.minimal_radius`).

EXAMPLES::

    sage: from sage_tropnet.cli import main
    sage: f = tmp_filename(ext=".json")
    sage: _ = open(f, "w").write('{"variables": 1, "numerator": [[0, [0]], [0, [2]]]}')
    sage: main(["radius", f, "--center", "5"])
    sampling radius: ~5 (Hoffman constant ~0.5 x spread ~10)
      exact: 5
    minimal radius: ~5 (the smallest ball meeting every linear region)
      exact: 5
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


import argparse
import os
import sys
import time

from sage.rings.rational_field import QQ

from sage_tropnet.cli.common import (add_input_arguments, add_output_argument, load_input,
                                     write_json, add_max_monomials_argument,
                                     tropicalize_within_limit, check_output, rational_number,
                                     non_negative_rational)
from sage_tropnet.misc.formatting import json_number
from sage_tropnet.misc.inputs import input_dimension, is_network


#: The name of the command.
NAME = "radius"

#: One line for ``sage-tropnet --help``.
HELP = "sampling radius meeting every linear region, and the minimal one"

#: The description of ``sage-tropnet radius --help``.
DESCRIPTION = ("Compute the Hoffman sampling radius of a tropical map or network (Lemma 3.3 "
               "/ Prop. 3.4 of the paper) and the exact minimal radius.")

#: The kinds of input of the command (a matrix is refused with a message).
KINDS = ("matrix", "map", "network")


def add_arguments(parser):
    r"""
    Add the arguments of ``sage-tropnet radius`` to ``parser``.

    EXAMPLES::

        sage: import argparse
        sage: from sage_tropnet.cli.radius import add_arguments
        sage: p = argparse.ArgumentParser(); add_arguments(p)
        sage: p.parse_args(["net.npz", "--center", "1,1/2"]).center
        '1,1/2'
    """
    add_input_arguments(parser, KINDS)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    add_output_argument(parser)
    add_max_monomials_argument(parser)
    parser.add_argument("--center", default=None, metavar="x1,...,xn",
                        help="centre of the ball (default: the origin)")
    parser.add_argument("--no-minimal", action="store_true",
                        help="skip the exact minimal radius (one LP per region)")
    parser.add_argument("--max-seconds", type=non_negative_rational, default=None, metavar="T",
                        help="a time budget: when it runs out, print certified lower and "
                             "upper bounds (labelled as bounds) instead of the exact values")


def configure(subparsers):
    r"""
    Add the command ``radius`` to ``subparsers`` and return its parser.

    EXAMPLES::

        sage: import argparse
        sage: from sage_tropnet.cli import radius
        sage: sub = argparse.ArgumentParser().add_subparsers()
        sage: radius.configure(sub).prog
        '... radius'
    """
    parser = subparsers.add_parser(NAME, help=HELP, description=DESCRIPTION)
    add_arguments(parser)
    return parser


def run(args, out=None):
    r"""
    Run ``sage-tropnet radius``.

    EXAMPLES::

        sage: import numpy as np, io, argparse, json
        sage: from sage_tropnet.cli.radius import add_arguments, run
        sage: f = tmp_filename(ext=".json")
        sage: _ = open(f, "w").write('{"variables": 1, "numerator": [[0, [0]], [0, [2]]]}')
        sage: p = argparse.ArgumentParser(); add_arguments(p); s = io.StringIO()
        sage: run(p.parse_args([f, "--json", "--center", "5"]), s)
        0
        sage: d = json.loads(s.getvalue()); d["radius"], d["minimal_radius"]
        ('5', '5')
    """
    from sage_tropnet import hoffman as H
    out = sys.stdout if out is None else out
    obj = load_input(args, KINDS)
    if hasattr(obj, "nrows"):
        raise ValueError("%s: a radius needs a tropical map or a network, not a matrix"
                         % os.path.basename(args.input))
    check_output(obj, args.output, args.input)
    center = None
    if args.center is not None:
        try:
            center = [rational_number(c) for c in args.center.split(",")]
        except argparse.ArgumentTypeError:
            raise ValueError("--center: %r is not a list of rationals (such as 1,1/2,0.25)"
                             % args.center)
        n = input_dimension(obj)
        if len(center) != n:
            raise ValueError("--center: %s coordinates given, the input dimension is %s"
                             % (len(center), n))
    t0 = time.perf_counter()
    deadline = None if args.max_seconds is None else time.monotonic() + float(args.max_seconds)
    progress = False if args.json else None
    if is_network(obj):
        obj = tropicalize_within_limit(obj, args, progress=progress)
    from sage_tropnet.hoffman.tropical import tropical_input
    from sage_tropnet.regions import regions
    kind, g = tropical_input(obj, args.output)
    P = g if kind == "polynomial" else g.numerator()
    cells = None if P.is_zero() else regions(g, method="tropical", progress=progress)

    def remaining():
        return None if deadline is None else max(0.0, deadline - time.monotonic())
    res = {"center": [str(c) for c in (center or [])] or "origin", "mode": "exact",
           "complete": True}
    notes = []
    try:
        R = H.sampling_radius(g, center=center, certificate=True, cells=cells,
                              progress=progress, max_seconds=remaining())
        res.update({"radius": json_number(R.value),
                    "hoffman_constant": json_number(getattr(R.hoffman, "value", R.hoffman)),
                    "spread": json_number(R.spread)})
    except H.TimeBudgetExceeded as err:
        res["complete"] = False
        res.update({"radius": None, "radius_lower": json_number(err.lower)
                    if err.lower is not None else "0", "radius_upper": None})
        notes.append("the time budget of %s s ran out after %s of %s regions of the Hoffman "
                     "constant" % (args.max_seconds, err.done, err.total))
    if not args.no_minimal:
        try:
            res["minimal_radius"] = json_number(H.minimal_radius(
                g, center=center, cells=cells, progress=progress, max_seconds=remaining()))
        except H.TimeBudgetExceeded as err:
            res["complete"] = False
            res.update({"minimal_radius": None, "minimal_radius_lower": json_number(err.lower),
                        "minimal_radius_upper": json_number(err.upper)})
            notes.append("the time budget of %s s ran out after %s of %s regions of the "
                         "minimal radius" % (args.max_seconds, err.done, err.total))
    res["seconds"] = round(time.perf_counter() - t0, 4)
    if args.json:
        write_json(out, res)
        return 0
    if res["radius"] is not None:
        out.write("sampling radius: ~%s (Hoffman constant ~%s x spread ~%s)\n"
                  % (_approx(res["radius"]), _approx(res["hoffman_constant"]),
                     _approx(res["spread"])))
        out.write("  exact: %s\n" % res["radius"])
    else:
        lo = res["radius_lower"]
        out.write("sampling radius: BOUNDS ONLY (not exact): at least ~%s, no upper bound "
                  "within the time budget\n" % _approx(lo))
        out.write("  lower bound: %s\n" % lo)
    if res.get("minimal_radius") is not None:
        out.write("minimal radius: ~%s (the smallest ball meeting every linear region)\n"
                  % _approx(res["minimal_radius"]))
        out.write("  exact: %s\n" % res["minimal_radius"])
    elif "minimal_radius_lower" in res:
        out.write("minimal radius: BOUNDS ONLY (not exact): between ~%s and ~%s (every linear "
                  "region meets the ball of the upper bound)\n"
                  % (_approx(res["minimal_radius_lower"]), _approx(res["minimal_radius_upper"])))
        out.write("  lower bound: %s\n" % res["minimal_radius_lower"])
        out.write("  upper bound: %s\n" % res["minimal_radius_upper"])
    for note in notes:
        out.write("note: %s\n" % note)
    return 0


def _approx(text):
    r"""
    Return a short decimal approximation of the exact number ``text``
    (``"p/q"``), even far beyond the float range.

    EXAMPLES::

        sage: from sage_tropnet.cli.radius import _approx
        sage: _approx("1/3"), _approx(str(10**400))
        ('0.333333', '1.00000e400')
    """
    from sage.rings.real_mpfr import RealField
    q = QQ(text)
    if q == 0 or QQ(10) ** -300 < abs(q) < QQ(10) ** 300:
        return "%.6g" % float(q)
    return RealField(53)(q).str(digits=6)
