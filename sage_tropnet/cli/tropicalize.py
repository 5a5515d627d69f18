r"""
The ``sage-tropnet tropicalize`` command

``sage-tropnet tropicalize NET [--json] [--convention C] [--no-prune]
[--out MAP.json [--output N]]`` prints, for every output neuron, the number of
monomials of the numerator and of the denominator of its tropical rational
map `F \oslash G`. With ``--out`` it also writes the map of one output
(``--output N``, default ``0``) to a JSON file in the format that
``regions``, ``hoffman`` and ``radius`` read
(:func:`~sage_tropnet.cli.common.load_tropical_map`; written by
:func:`tropical_map_to_json`).

EXAMPLES::

    sage: import numpy as np
    sage: from sage_tropnet.cli import main
    sage: f = tmp_filename(ext=".npz")
    sage: np.savez(f, W0=np.array([[1., 0.], [0., 1.], [-1., -1.]]), b0=np.zeros(3),
    ....:          W1=np.ones((1, 3)), b1=np.zeros(1))
    sage: main(["tropicalize", f])
    network: ReLU network [2, 3, 1] (output activation: linear)
    tropicalization: convention zhang, pruned
    output 0: 6 numerator monomials, 1 denominator monomials
    0

The map written with ``--out`` is read back by the other commands::

    sage: m = tmp_filename(ext=".json")
    sage: main(["tropicalize", f, "--out", m])
    network: ReLU network [2, 3, 1] (output activation: linear)
    tropicalization: convention zhang, pruned
    output 0: 6 numerator monomials, 1 denominator monomials
    tropical map of output 0 written to ...json
    0
    sage: main(["regions", m])
    input: tropical rational map in 2 variables
    linear regions: 6 (exact, tropical route, facet adjacency, all of R^2)
    time: ... s
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

import json
import sys

from sage_tropnet.cli.common import (add_input_arguments, add_output_argument, load_input,
                                     write_json, add_max_monomials_argument, check_output,
                                     check_output_file)
from sage_tropnet.misc.files import atomic_write
from sage_tropnet.misc.formatting import json_number
from sage_tropnet.network import CONVENTIONS, TropicalizationTooLarge

#: The name of the command.
NAME = "tropicalize"

#: One line for ``sage-tropnet --help``.
HELP = "count the monomials of the tropical rational map of each output"

#: The description of ``sage-tropnet tropicalize --help``.
DESCRIPTION = ("Write every output of the network as a tropical rational map F - G "
               "(max-plus) and print the number of monomials of F and G.")


def tropical_map_to_json(f):
    r"""
    Return the tropical rational map ``f`` as the JSON object that
    :func:`~sage_tropnet.cli.common.load_tropical_map` reads.

    The object is ``{"variables": n, "numerator": [[coef, [e_1, ..., e_n]],
    ...], "denominator": [...]}`` with every number an exact rational written
    as a string ``"p/q"`` (``"3"`` for an integer), so that no precision is
    lost. The terms are written as they are in ``f`` (pruned or not, merged or
    not).

    INPUT:

    - ``f`` -- a :class:`~sage_tropnet.puiseux.TropicalRationalMap` or a
      :class:`~sage_tropnet.puiseux.TropicalPuiseuxPolynomial` (denominator
      the constant `0`)

    OUTPUT: a dictionary

    EXAMPLES::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.cli.tropicalize import tropical_map_to_json
        sage: u, = TP.gens(1)
        sage: f = (0 + u + u**2 * (-2)) / (0 + u**2 * (-2))
        sage: d = tropical_map_to_json(f); d
        {'denominator': [['0', ['0']], ['-2', ['2']]],
         'numerator': [['0', ['0']], ['0', ['1']], ['-2', ['2']]],
         'variables': 1}

    Written to a file and read back, the map is the same expression::

        sage: import json
        sage: from sage_tropnet.cli.common import load_tropical_map
        sage: path = tmp_filename(ext=".json")
        sage: with open(path, "w") as fh:
        ....:     json.dump(d, fh)
        sage: g = load_tropical_map(path); g
        max(0, x, -2 + 2*x) - max(0, -2 + 2*x)
        sage: g.numerator() == f.numerator() and g.denominator() == f.denominator()
        True
        sage: tropical_map_to_json(u * (1/3))
        {'denominator': [['0', ['0']]], 'numerator': [['1/3', ['1']]], 'variables': 1}
    """
    from sage_tropnet.puiseux import TropicalPuiseuxPolynomial, TropicalRationalMap
    if isinstance(f, TropicalPuiseuxPolynomial):
        f = TropicalRationalMap(f, TropicalPuiseuxPolynomial.constant(0, f.nvariables()))
    if not isinstance(f, TropicalRationalMap):
        raise TypeError("expected a tropical rational map, got %s" % type(f).__name__)

    def terms(p):
        return [[json_number(c), [json_number(a) for a in e]]
                for e, c in zip(p.exponents(), p.coefficients())]

    return {"variables": int(f.nvariables()),
            "numerator": terms(f.numerator()),
            "denominator": terms(f.denominator())}


def add_arguments(parser):
    r"""
    Add the arguments of ``sage-tropnet tropicalize`` to ``parser``.

    EXAMPLES::

        sage: import argparse
        sage: from sage_tropnet.cli.tropicalize import add_arguments
        sage: p = argparse.ArgumentParser(); add_arguments(p)
        sage: a = p.parse_args(["net.npz", "--convention", "merge"]); a.convention, a.no_prune
        ('merge', False)
        sage: a = p.parse_args(["net.npz", "--out", "map.json", "--output", "1"]); a.out, a.output
        ('map.json', 1)
    """
    add_input_arguments(parser)
    parser.add_argument("--convention", choices=CONVENTIONS, default="zhang",
                        help="tropicalisation convention (default: zhang); all give the "
                             "same function, only the monomial counts differ")
    parser.add_argument("--no-prune", action="store_true",
                        help="keep monomials without a full-dimensional region")
    add_max_monomials_argument(parser)
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object: {outputs: [{numerator_monomials, "
                             "denominator_monomials}], input_dimension, widths, convention, "
                             "pruned, output_activation} (and map_file with --out)")
    parser.add_argument("--out", metavar="MAP.json", default=None,
                        help="also write the tropical rational map of one output (see "
                             "--output) to this JSON file, with exact numbers \"p/q\"; "
                             "regions, hoffman and radius read it")
    add_output_argument(parser)


def configure(subparsers):
    r"""
    Add the command ``tropicalize`` to ``subparsers`` and return its parser.

    EXAMPLES::

        sage: import argparse
        sage: from sage_tropnet.cli import tropicalize
        sage: sub = argparse.ArgumentParser().add_subparsers()
        sage: tropicalize.configure(sub).prog
        '... tropicalize'
    """
    parser = subparsers.add_parser(NAME, help=HELP, description=DESCRIPTION)
    add_arguments(parser)
    return parser


def run(args, out=None):
    r"""
    Run ``sage-tropnet tropicalize``: print the monomial counts per output.

    INPUT:

    - ``args`` -- the parsed arguments
    - ``out`` -- (default: ``sys.stdout``) a text stream

    OUTPUT: the exit code ``0``

    EXAMPLES::

        sage: import numpy as np
        sage: from sage_tropnet.cli import main
        sage: f = tmp_filename(ext=".npz")
        sage: np.savez(f, W0=np.array([[1., 0.], [0., 1.], [-1., -1.]]), b0=np.zeros(3),
        ....:          W1=np.ones((1, 3)), b1=np.zeros(1))
        sage: main(["tropicalize", f, "--json"])
        {"outputs": [{"numerator_monomials": 6, "denominator_monomials": 1}], ...}
        0

    The JSON object is one line; parsed::

        sage: import contextlib, io, json
        sage: buf = io.StringIO()
        sage: with contextlib.redirect_stdout(buf):
        ....:     rc = main(["tropicalize", f, "--json", "--no-prune"])
        sage: rc, buf.getvalue().count("\n")
        (0, 1)
        sage: json.loads(buf.getvalue())
        {'convention': 'zhang',
         'input_dimension': 2,
         'output_activation': 'linear',
         'outputs': [{'denominator_monomials': 1, 'numerator_monomials': 7}],
         'pruned': False,
         'widths': [2, 3, 1]}
    """
    out = sys.stdout if out is None else out
    net = load_input(args)
    prune = not args.no_prune
    output = getattr(args, "output", 0)
    map_file = getattr(args, "out", None)
    if map_file is not None:
        check_output(net, output, args.network)
        check_output_file(map_file, "--out", (".json",))
    try:
        F = net.tropicalize(prune=prune, convention=args.convention,
                            max_monomials=args.max_monomials or None,
                            progress=False if args.json else None)
    except TropicalizationTooLarge as err:
        raise ValueError("%s: %s (--max-monomials; 0 lifts the limit)" % (args.network, err))
    counts = F.monomial_count()
    if map_file is not None:
        with atomic_write(map_file) as fh:
            json.dump(tropical_map_to_json(F[output]), fh)
            fh.write("\n")
    if args.json:
        result = {
            "outputs": [{"numerator_monomials": int(n), "denominator_monomials": int(d)}
                        for n, d in counts],
            "input_dimension": int(net.input_dimension()),
            "widths": [int(w) for w in net.widths()],
            "convention": args.convention,
            "pruned": prune,
            "output_activation": net.output_activation(),
        }
        if map_file is not None:
            result["map_file"] = str(map_file)
            result["map_output"] = int(output)
        write_json(out, result)
        return 0
    out.write("network: %s\n" % net)
    out.write("tropicalization: convention %s, %s\n"
              % (args.convention, "pruned" if prune else "not pruned"))
    for i, (n, d) in enumerate(counts):
        out.write("output %s: %s numerator monomials, %s denominator monomials\n" % (i, n, d))
    if map_file is not None:
        out.write("tropical map of output %s written to %s\n" % (output, map_file))
    return 0
