r"""
The ``sage-tropnet tropicalize`` command

``sage-tropnet tropicalize NET [--json] [--convention C] [--no-prune]`` prints,
for every output neuron, the number of monomials of the numerator and of the
denominator of its tropical rational map `F \oslash G`.

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

from sage_tropnet.cli.common import (add_input_arguments, load_input, write_json,
                                     add_max_monomials_argument)
from sage_tropnet.network import CONVENTIONS, TropicalizationTooLarge

#: The name of the command.
NAME = "tropicalize"

#: One line for ``sage-tropnet --help``.
HELP = "count the monomials of the tropical rational map of each output"

#: The description of ``sage-tropnet tropicalize --help``.
DESCRIPTION = ("Write every output of the network as a tropical rational map F - G "
               "(max-plus) and print the number of monomials of F and G.")


def add_arguments(parser):
    r"""
    Add the arguments of ``sage-tropnet tropicalize`` to ``parser``.

    EXAMPLES::

        sage: import argparse
        sage: from sage_tropnet.cli.tropicalize import add_arguments
        sage: p = argparse.ArgumentParser(); add_arguments(p)
        sage: a = p.parse_args(["net.npz", "--convention", "merge"]); a.convention, a.no_prune
        ('merge', False)
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
                             "pruned, output_activation}")


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
    try:
        F = net.tropicalize(prune=prune, convention=args.convention,
                            max_monomials=args.max_monomials or None,
                            progress=False if args.json else None)
    except TropicalizationTooLarge as err:
        raise ValueError("%s: %s (--max-monomials; 0 lifts the limit)" % (args.network, err))
    counts = F.monomial_count()
    if args.json:
        write_json(out, {
            "outputs": [{"numerator_monomials": int(n), "denominator_monomials": int(d)}
                        for n, d in counts],
            "input_dimension": int(net.input_dimension()),
            "widths": [int(w) for w in net.widths()],
            "convention": args.convention,
            "pruned": prune,
            "output_activation": net.output_activation(),
        })
        return 0
    out.write("network: %s\n" % net)
    out.write("tropicalization: convention %s, %s\n"
              % (args.convention, "pruned" if prune else "not pruned"))
    for i, (n, d) in enumerate(counts):
        out.write("output %s: %s numerator monomials, %s denominator monomials\n" % (i, n, d))
    return 0
