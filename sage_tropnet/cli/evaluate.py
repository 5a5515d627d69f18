r"""
The ``sage-tropnet evaluate`` command

``sage-tropnet evaluate NET --points PTS.npy [--json]`` evaluates the network
and its tropical rational map exactly at every point and checks that they
agree (exit code 1 if they do not). The text output writes every value as an
exact fraction and, when some value of a line is not an integer, the same
values in decimal after ``~`` (10 significant digits, see
:func:`decimal_tuple`); the JSON output has the exact values only.

EXAMPLES::

    sage: import numpy as np
    sage: from sage_tropnet.cli import main
    sage: f = tmp_filename(ext=".npz")
    sage: np.savez(f, W0=np.array([[1., 0.], [0., 1.], [-1., -1.]]), b0=np.zeros(3),
    ....:          W1=np.ones((1, 3)), b1=np.zeros(1))
    sage: p = tmp_filename(ext=".npy")
    sage: np.save(p, np.array([[1.0, 2.0], [-0.5, 0.25]]))
    sage: main(["evaluate", f, "--points", p])
    point 0: (1, 2)
      network:  (3)
      tropical: (3)
    point 1: (-1/2, 1/4)  ~ (-0.5, 0.25)
      network:  (1/2)  ~ (0.5)
      tropical: (1/2)  ~ (0.5)
    agree: yes
    0

Points given in decimal are binary fractions with long denominators; the
decimal beside them reads as the point that was typed::

    sage: np.save(p, np.array([[0.1, 0.0]]))
    sage: main(["evaluate", f, "--points", p])
    point 0: (3602879701896397/36028797018963968, 0)  ~ (0.1, 0)
      network:  (3602879701896397/36028797018963968)  ~ (0.1)
      tropical: (3602879701896397/36028797018963968)  ~ (0.1)
    agree: yes
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

from sage.rings.rational_field import QQ

from sage_tropnet.cli.common import add_input_arguments, load_input, write_json
from sage_tropnet.cli.common import load_points
from sage_tropnet.misc.formatting import json_number

#: The name of the command.
NAME = "evaluate"

#: One line for ``sage-tropnet --help``.
HELP = "evaluate the network and its tropical map exactly at points"

#: The description of ``sage-tropnet evaluate --help``.
DESCRIPTION = ("Evaluate the network and its tropical rational map exactly at every point "
               "of a .npy file and check that they agree (exit code 1 if they do not).")


def decimal_tuple(values, digits=10):
    r"""
    Return the exact values as ``"(a, b, ...)"`` and, if one of them is not
    an integer, the same values in decimal after ``"  ~ "``.

    INPUT:

    - ``values`` -- a list of rationals
    - ``digits`` -- integer (default: ``10``); significant digits of the
      decimals

    OUTPUT: a string

    EXAMPLES::

        sage: from sage_tropnet.cli.evaluate import decimal_tuple
        sage: decimal_tuple([1, 2])
        '(1, 2)'
        sage: decimal_tuple([1/3, -2])
        '(1/3, -2)  ~ (0.3333333333, -2)'
        sage: decimal_tuple([1/3], digits=3)
        '(1/3)  ~ (0.333)'
        sage: decimal_tuple([QQ(2)**-60])
        '(1/1152921504606846976)  ~ (8.67361738e-19)'
    """
    values = [QQ(a) for a in values]
    exact = "(%s)" % ", ".join(json_number(a) for a in values)
    if all(a.is_integer() for a in values):
        return exact
    return "%s  ~ (%s)" % (exact, ", ".join(
        json_number(a) if a.is_integer() else "%.*g" % (int(digits), float(a))
        for a in values))


def add_arguments(parser):
    r"""
    Add the arguments of ``sage-tropnet evaluate`` to ``parser``.

    EXAMPLES::

        sage: import argparse
        sage: from sage_tropnet.cli.evaluate import add_arguments
        sage: p = argparse.ArgumentParser(); add_arguments(p)
        sage: p.parse_args(["net.npz", "--points", "x.npy"]).points
        'x.npy'
    """
    add_input_arguments(parser)
    parser.add_argument("--points", required=True, metavar="PTS.npy",
                        help="float64 array of shape (n_points, input_dimension), "
                             "saved with numpy.save; taken exactly")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object: {points, network, tropical, agree} "
                             "with exact rationals as \"p/q\" strings")


def configure(subparsers):
    r"""
    Add the command ``evaluate`` to ``subparsers`` and return its parser.

    EXAMPLES::

        sage: import argparse
        sage: from sage_tropnet.cli import evaluate
        sage: sub = argparse.ArgumentParser().add_subparsers()
        sage: evaluate.configure(sub).prog
        '... evaluate'
    """
    parser = subparsers.add_parser(NAME, help=HELP, description=DESCRIPTION)
    add_arguments(parser)
    return parser


def run(args, out=None):
    r"""
    Run ``sage-tropnet evaluate``: the network and its tropical map at points.

    INPUT:

    - ``args`` -- the parsed arguments
    - ``out`` -- (default: ``sys.stdout``) a text stream

    OUTPUT: the exit code: ``0`` if the network and its tropical map agree at
    every point, ``1`` otherwise

    EXAMPLES::

        sage: import numpy as np
        sage: from sage_tropnet.cli import main
        sage: f = tmp_filename(ext=".npz")
        sage: np.savez(f, W0=np.array([[1., -1.]]), b0=np.array([0.5]))
        sage: p = tmp_filename(ext=".npy")
        sage: np.save(p, np.array([[1.0, 2.0]]))
        sage: main(["evaluate", f, "--points", p, "--json", "--output-activation", "relu"])
        {"points": [["1", "2"]], "network": [["0"]], "tropical": [["0"]], "agree": true}
        0
    """
    out = sys.stdout if out is None else out
    net = load_input(args)
    points = load_points(args.points, net.input_dimension())
    F = net.tropicalize()
    net_values = [[QQ(v) for v in net(x)] for x in points]
    trop_values = [[QQ(v) for v in F(x)] for x in points]
    agree = net_values == trop_values
    if args.json:
        write_json(out, {
            "points": json_number(points),
            "network": json_number(net_values),
            "tropical": json_number(trop_values),
            "agree": agree,
        })
    else:
        for i, (x, v, t) in enumerate(zip(points, net_values, trop_values)):
            out.write("point %s: %s\n" % (i, decimal_tuple(x)))
            out.write("  network:  %s\n" % decimal_tuple(v))
            out.write("  tropical: %s\n" % decimal_tuple(t))
        out.write("agree: %s\n" % ("yes" if agree else "NO"))
    return 0 if agree else 1
