r"""
What the commands of ``sage-tropnet`` share: input, output, errors

Every command of :mod:`sage_tropnet.cli` reads its input through this module
and writes its results in one format:

- :func:`add_input_arguments` -- the one argument group for the input file
  and the options of loading a network (``--output-activation`` and one of
  ``--digits`` / ``--max-denominator``);
- :func:`load_input` -- the input as a network, a tropical rational map
  (``.json``, see :func:`load_tropical_map`) or a matrix (``.npy``, see
  :func:`load_matrix`), as the command accepts;
- :func:`write_json` -- one JSON object on one line; exact rationals are
  strings ``"p/q"`` (:func:`~sage_tropnet.misc.formatting.json_number`).

Errors in the input raise :class:`ValueError` naming the file (and the key),
which :func:`sage_tropnet.cli.main` prints as one line on stderr.

EXAMPLES::

    sage: import argparse
    sage: from sage_tropnet.cli.common import add_input_arguments, load_input
    sage: p = argparse.ArgumentParser(); add_input_arguments(p, ("network", "map"))
    sage: f = tmp_filename(ext=".json")
    sage: _ = open(f, "w").write('{"variables": 1, "numerator": [[0, [0]], ["1/2", [1]]]}')
    sage: load_input(p.parse_args([f]), ("network", "map"))
    max(0, 1/2 + x) - max(0)

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
import os

from sage.rings.rational_field import QQ

from sage_tropnet.rational import to_rational

#: The name of the command.
PROG = "sage-tropnet"

#: The kinds of input a command may accept, with their description.
INPUT_KINDS = {"network": "network weights (.npz, .pt)",
               "map": "a tropical rational map (.json)",
               "matrix": "a matrix (.npy)"}


def add_input_arguments(parser, kinds=("network",)):
    r"""
    Add the input file argument and the options of loading a network to
    ``parser``.

    Adds the positional input, ``--output-activation`` and one of
    ``--digits`` / ``--max-denominator``; :func:`load_input` reads them.

    INPUT:

    - ``parser`` -- an :class:`argparse.ArgumentParser`
    - ``kinds`` -- (default: ``("network",)``) the kinds of input the command
      accepts, among ``"network"``, ``"map"`` and ``"matrix"`` (see
      :data:`INPUT_KINDS`). A network-only input is the argument ``network``
      (metavar ``NET``), any other the argument ``input`` (``INPUT``)

    EXAMPLES::

        sage: import argparse
        sage: from sage_tropnet.cli.common import add_input_arguments
        sage: p = argparse.ArgumentParser()
        sage: add_input_arguments(p)
        sage: a = p.parse_args(["net.npz", "--digits", "3"])
        sage: a.network, a.output_activation, a.digits, a.max_denominator
        ('net.npz', 'linear', 3, None)
        sage: p = argparse.ArgumentParser(); add_input_arguments(p, ("matrix", "network"))
        sage: p.parse_args(["A.npy"]).input
        'A.npy'
    """
    if tuple(kinds) == ("network",):
        parser.add_argument("network", metavar="NET",
                            help="weights file: .npz (keys W0, b0, W1, b1, ... or "
                                 "<prefix>.weight/<prefix>.bias) or a PyTorch .pt/.pth "
                                 "state dict")
    else:
        what = [INPUT_KINDS[k] for k in kinds]
        parser.add_argument("input", metavar="INPUT",
                            help=", ".join(what[:-1]) + " or " + what[-1])
    parser.add_argument("--output-activation", choices=("linear", "relu"), default="linear",
                        help="activation of the network's output layer (default: linear)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--digits", type=int, metavar="K", default=None,
                       help="round every weight to K decimal digits "
                            "(default: the exact binary value)")
    group.add_argument("--max-denominator", type=int, metavar="D", default=None,
                       help="replace every weight by the nearest rational with "
                            "denominator at most D")


def add_output_argument(parser):
    r"""
    Add the option ``--output N``, the output coordinate of a network, to
    ``parser``.

    EXAMPLES::

        sage: import argparse
        sage: from sage_tropnet.cli.common import add_output_argument
        sage: p = argparse.ArgumentParser(); add_output_argument(p)
        sage: p.parse_args([]).output, p.parse_args(["--output", "2"]).output
        (0, 2)
    """
    parser.add_argument("--output", type=int, default=0, metavar="N",
                        help="output coordinate of a network (default: 0)")


def _number(x, where):
    r"""
    Return the number ``x`` of a JSON file (a JSON number, taken exactly, or a
    string ``"p/q"``) as an exact rational; errors name ``where``.
    """
    if isinstance(x, bool) or not isinstance(x, (str, int, float)):
        raise ValueError("%s: expected a number, got %r" % (where, x))
    try:
        return to_rational(x)
    except ValueError as err:
        raise ValueError("%s: %s" % (where, err))


def load_tropical_map(path):
    r"""
    Return the tropical rational map stored in the JSON file ``path``.

    The file holds one object::

        {"variables": n,
         "numerator":   [[coef, [e_1, ..., e_n]], ...],
         "denominator": [[coef, [e_1, ..., e_n]], ...]}

    where numbers are JSON numbers (taken exactly, as float64 values) or
    strings ``"p/q"``; the denominator is optional (default: the constant
    ``0``). Every error names the file and the key.

    EXAMPLES::

        sage: from sage_tropnet.cli.common import load_tropical_map
        sage: f = tmp_filename(ext=".json")
        sage: _ = open(f, "w").write('{"variables": 2, '
        ....:                        '"numerator": [[0, [1, 0]], ["1/2", [0, "1/3"]]]}')
        sage: load_tropical_map(f)
        max(1/2 + 1/3*y, x) - max(0)
        sage: _ = open(f, "w").write('{"variables": 2, "numerator": [[0, [1]]]}')
        sage: load_tropical_map(f)
        Traceback (most recent call last):
        ...
        ValueError: ...json: key 'numerator', term 0: exponent has 1 entries, expected 2
    """
    from sage_tropnet.puiseux import TropicalPuiseuxPolynomial, TropicalRationalMap
    name = os.path.basename(path)
    try:
        with open(path) as fh:
            data = json.load(fh)
    except json.JSONDecodeError as err:
        raise ValueError("%s: not valid JSON (%s)" % (name, err))
    if not isinstance(data, dict):
        raise ValueError("%s: expected a JSON object with keys 'variables', 'numerator'" % name)
    if "variables" not in data:
        raise ValueError("%s: missing key 'variables'" % name)
    n = data["variables"]
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise ValueError("%s: key 'variables' must be a positive integer" % name)
    if "numerator" not in data:
        raise ValueError("%s: missing key 'numerator'" % name)
    polys = []
    for key in ("numerator", "denominator"):
        if key not in data:
            polys.append(TropicalPuiseuxPolynomial.constant(0, n))
            continue
        terms = data[key]
        if not isinstance(terms, list) or not terms:
            raise ValueError("%s: key '%s' must be a non-empty list of [coef, exponent]"
                             % (name, key))
        out = []
        for t, term in enumerate(terms):
            where = "%s: key '%s', term %s" % (name, key, t)
            if not (isinstance(term, list) and len(term) == 2 and isinstance(term[1], list)):
                raise ValueError("%s: expected [coef, [e_1, ..., e_n]]" % where)
            if len(term[1]) != n:
                raise ValueError("%s: exponent has %s entries, expected %s"
                                 % (where, len(term[1]), n))
            out.append((tuple(_number(e, where) for e in term[1]), _number(term[0], where)))
        polys.append(TropicalPuiseuxPolynomial(out, nvars=n))
    return TropicalRationalMap(*polys)


def load_matrix(path):
    r"""
    Return the matrix over `\QQ` stored in a ``.npy`` file (float64 values
    taken exactly).

    EXAMPLES::

        sage: import numpy as np
        sage: from sage_tropnet.cli.common import load_matrix
        sage: f = tmp_filename(ext=".npy")
        sage: np.save(f, np.array([[0.5, 1.0]]))
        sage: load_matrix(f)
        [1/2   1]
        sage: np.save(f, np.array([[np.nan]]))
        sage: load_matrix(f)
        Traceback (most recent call last):
        ...
        ValueError: ...npy: matrix entry (0, 0) is not finite
    """
    import numpy as np
    from sage.matrix.constructor import matrix
    name = os.path.basename(path)
    try:
        A = np.load(path, allow_pickle=False)
    except ValueError:
        raise ValueError("%s: pickled content is refused" % name)
    if A.dtype.kind not in "iuf":
        raise ValueError("%s: matrix has non-numeric dtype %s" % (name, A.dtype))
    if A.ndim != 2 or A.size == 0:
        raise ValueError("%s: expected a non-empty 2-D matrix, got shape %s" % (name, A.shape))
    bad = np.argwhere(~np.isfinite(A))
    if len(bad):
        raise ValueError("%s: matrix entry %s is not finite"
                         % (name, tuple(int(i) for i in bad[0])))
    return matrix(QQ, [[to_rational(float(a)) for a in row] for row in A])


def load_input(args, kinds=("network",)):
    r"""
    Return the input named by the parsed arguments (see
    :func:`add_input_arguments`).

    A ``.json`` file is a tropical rational map (:func:`load_tropical_map`)
    and a ``.npy`` file a matrix (:func:`load_matrix`) when the command
    accepts them; anything else is a network, read by
    :func:`~sage_tropnet.adapters.load_network` with the rounding options and
    the output activation of ``args``.

    INPUT:

    - ``args`` -- the parsed arguments
    - ``kinds`` -- (default: ``("network",)``) the kinds of input accepted

    EXAMPLES::

        sage: import argparse, numpy as np
        sage: from sage_tropnet.cli.common import add_input_arguments, load_input
        sage: f = tmp_filename(ext=".npz")
        sage: np.savez(f, W0=np.array([[0.1]]), b0=np.zeros(1))
        sage: p = argparse.ArgumentParser(); add_input_arguments(p)
        sage: load_input(p.parse_args([f, "--max-denominator", "10"])).layers()[0][0]
        [1/10]
        sage: A = tmp_filename(ext=".npy"); np.save(A, np.eye(2))
        sage: p = argparse.ArgumentParser(); add_input_arguments(p, ("matrix", "network"))
        sage: load_input(p.parse_args([A]), ("matrix", "network"))
        [1 0]
        [0 1]
    """
    from sage_tropnet.adapters import load_network
    path = args.input if hasattr(args, "input") else args.network
    suffix = str(path).lower()
    if "map" in kinds and suffix.endswith(".json"):
        return load_tropical_map(path)
    if "matrix" in kinds and suffix.endswith(".npy"):
        return load_matrix(path)
    return load_network(path, digits=args.digits, max_denominator=args.max_denominator,
                        output_activation=args.output_activation)


def write_json(out, obj):
    r"""
    Write ``obj`` to the text stream ``out`` as one JSON object on one line.

    Exact numbers should be converted first with
    :func:`~sage_tropnet.misc.formatting.json_number`.

    EXAMPLES::

        sage: import sys
        sage: from sage_tropnet.cli.common import write_json
        sage: from sage_tropnet.misc.formatting import json_number
        sage: write_json(sys.stdout, {"value": json_number(7/2), "agree": True})
        {"value": "7/2", "agree": true}
    """
    out.write(json.dumps(obj))
    out.write("\n")
