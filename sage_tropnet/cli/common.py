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
  strings ``"p/q"`` (:func:`~sage_tropnet.misc.formatting.json_number`);
- the types of the options (:func:`rational_number`,
  :func:`positive_rational`, :func:`non_negative_integer`,
  :func:`positive_integer`, :func:`count`), so that a bad value is refused
  before any work, with a message naming the option;
- :func:`load_matrix`, :func:`load_points` (``.npy`` files read by
  :func:`~sage_tropnet.misc.files.read_npy`, every dtype exactly),
  :func:`check_output` (``--output`` in range), :func:`check_output_file`
  (an output file can be written, checked before the work) and
  :func:`float_mode_problem` (input that double precision cannot handle).

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

import argparse
import json
import os
import re

from sage.rings.rational_field import QQ

from sage_tropnet.misc.files import (FileContentError, check_output_path, parse_json, read_npy,
                                     read_text)
from sage_tropnet.rational import to_rational, to_rational_array

#: The name of the command.
PROG = "sage-tropnet"

#: The kinds of input a command may accept, with their description.
INPUT_KINDS = {"network": "network weights (.npz, .pt)",
               "map": "a tropical rational map (.json)",
               "matrix": "a matrix (.npy)"}


# ---------------------------------------------------------------------------
# the types of the options (argparse ``type=``): refused before any work
# ---------------------------------------------------------------------------

_DECIMAL = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


def rational_number(text):
    r"""
    Return the rational number written in ``text``, exactly.

    Accepted: integers (``5``), fractions ``p/q`` (``1/3``) and decimals
    (``0.5``, ``-2.25e-3``), each read exactly (``0.1`` is `1/10`, not the
    nearest float).

    EXAMPLES::

        sage: from sage_tropnet.cli.common import rational_number
        sage: rational_number("0.5"), rational_number("1/3"), rational_number("-2e-3")
        (1/2, 1/3, -1/500)
        sage: rational_number("0.1") == 1/10
        True
        sage: rational_number("nan")
        Traceback (most recent call last):
        ...
        ArgumentTypeError: 'nan' is not a rational number (examples: 5, 1/2, 0.25)
    """
    t = str(text).strip()
    try:
        if _DECIMAL.match(t):
            from fractions import Fraction
            if len(t) > 1000:
                raise ValueError
            fr = Fraction(t)
            return QQ((fr.numerator, fr.denominator))
        if "/" in t and len(t) <= 1000:
            p, q = t.split("/")
            if re.match(r"^[+-]?\d+$", p.strip()) and re.match(r"^\+?\d+$", q.strip()) \
                    and int(q) != 0:
                return QQ((int(p), int(q)))
    except (ValueError, ZeroDivisionError, OverflowError):
        pass
    raise argparse.ArgumentTypeError("%r is not a rational number (examples: 5, 1/2, 0.25)"
                                     % (text,))


def positive_rational(text):
    r"""
    Return the positive rational number written in ``text`` (see
    :func:`rational_number`).

    EXAMPLES::

        sage: from sage_tropnet.cli.common import positive_rational
        sage: positive_rational("0.5")
        1/2
        sage: positive_rational("0")
        Traceback (most recent call last):
        ...
        ArgumentTypeError: expected a positive number, got '0'
    """
    q = rational_number(text)
    if q <= 0:
        raise argparse.ArgumentTypeError("expected a positive number, got %r" % (text,))
    return q


def non_negative_rational(text):
    r"""
    Return the non-negative rational number written in ``text`` (see
    :func:`rational_number`), such as a time budget.

    EXAMPLES::

        sage: from sage_tropnet.cli.common import non_negative_rational
        sage: non_negative_rational("0"), non_negative_rational("2.5")
        (0, 5/2)
        sage: non_negative_rational("-1")
        Traceback (most recent call last):
        ...
        ArgumentTypeError: expected a non-negative number, got '-1'
    """
    q = rational_number(text)
    if q < 0:
        raise argparse.ArgumentTypeError("expected a non-negative number, got %r" % (text,))
    return q


def count(text):
    r"""
    Return the positive integer written in ``text``: digits, or a power
    written ``10^6``, ``10**6`` or ``1e6``.

    EXAMPLES::

        sage: from sage_tropnet.cli.common import count
        sage: count("2000"), count("10^10"), count("1e6"), count("2**5")
        (2000, 10000000000, 1000000, 32)
        sage: count("0")
        Traceback (most recent call last):
        ...
        ArgumentTypeError: expected a positive integer, got '0'
        sage: count("1.5")
        Traceback (most recent call last):
        ...
        ArgumentTypeError: expected a positive integer, got '1.5'
    """
    t = str(text).strip()
    m = re.match(r"^(\d{1,6})\s*(?:\^|\*\*)\s*(\d{1,3})$", t)
    value = None
    if m:
        value = int(m.group(1)) ** int(m.group(2))
    elif re.match(r"^\d{1,100}$", t):
        value = int(t)
    else:
        m = re.match(r"^(\d{1,6})[eE]\+?(\d{1,3})$", t)
        if m:
            value = int(m.group(1)) * 10 ** int(m.group(2))
    if value is None or value < 1:
        raise argparse.ArgumentTypeError("expected a positive integer, got %r" % (text,))
    return value


def non_negative_integer(text):
    r"""
    Return the non-negative integer written in ``text`` (a seed, an index).

    EXAMPLES::

        sage: from sage_tropnet.cli.common import non_negative_integer
        sage: non_negative_integer("3")
        3
        sage: non_negative_integer("-1")
        Traceback (most recent call last):
        ...
        ArgumentTypeError: expected a non-negative integer, got '-1'
    """
    t = str(text).strip()
    if not re.match(r"^\+?\d{1,100}$", t):
        raise argparse.ArgumentTypeError("expected a non-negative integer, got %r" % (text,))
    return int(t)


def positive_integer(text):
    r"""
    Return the positive integer written in ``text``.

    EXAMPLES::

        sage: from sage_tropnet.cli.common import positive_integer
        sage: positive_integer("7")
        7
        sage: positive_integer("0")
        Traceback (most recent call last):
        ...
        ArgumentTypeError: expected a positive integer, got '0'
    """
    value = None
    t = str(text).strip()
    if re.match(r"^\+?\d{1,100}$", t):
        value = int(t)
    if not value:
        raise argparse.ArgumentTypeError("expected a positive integer, got %r" % (text,))
    return value


def scheduler_address(text, allowed=("serial", "local", "synchronous")):
    r"""
    Return the scheduler named in ``text``: one of ``allowed`` or the address
    of a Dask scheduler (``tcp://HOST:PORT``, ``tls://HOST:PORT`` or
    ``HOST:PORT``).

    EXAMPLES::

        sage: from sage_tropnet.cli.common import scheduler_address
        sage: scheduler_address("local"), scheduler_address("tcp://127.0.0.1:8786")
        ('local', 'tcp://127.0.0.1:8786')
        sage: scheduler_address("10.0.0.2:8786")
        'tcp://10.0.0.2:8786'
        sage: scheduler_address("bogus")
        Traceback (most recent call last):
        ...
        ArgumentTypeError: expected serial, local, synchronous or the address of a dask
        scheduler (tcp://HOST:PORT), got 'bogus'
    """
    t = str(text).strip()
    if t in allowed:
        return t
    m = re.match(r"^(?:(tcp|tls|inproc|ucx)://)?([A-Za-z0-9_.\-\[\]:]+):(\d{1,5})$", t)
    if m is None or not 0 < int(m.group(3)) < 65536:
        raise argparse.ArgumentTypeError(
            "expected %s or the address of a dask scheduler (tcp://HOST:PORT), got %r"
            % (", ".join(allowed), text))
    return t if m.group(1) else "tcp://" + t


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
    parser.add_argument("--output", type=non_negative_integer, default=0, metavar="N",
                        help="output coordinate of a network (default: 0)")


def check_output(obj, output, path):
    r"""
    Check that ``output`` (the option ``--output``) is an output of ``obj``.

    A network has ``output_dimension()`` outputs, a single tropical map one.

    INPUT:

    - ``obj`` -- the input (network, tropical map or matrix)
    - ``output`` -- integer
    - ``path`` -- the input file, for the message

    EXAMPLES::

        sage: from sage_tropnet.cli.common import check_output
        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: x, = TP.gens(1)
        sage: check_output(x + 0, 0, "m.json")
        sage: check_output(x + 0, 99, "m.json")
        Traceback (most recent call last):
        ...
        ValueError: m.json: --output 99 out of range (the input has 1 output)
    """
    if hasattr(obj, "output_dimension"):
        k = obj.output_dimension()
    elif hasattr(obj, "nrows"):
        k = 1
    else:
        try:
            k = len(obj) if hasattr(obj, "__getitem__") and not hasattr(obj, "nvariables") \
                else 1
        except TypeError:
            k = 1
    if not 0 <= output < k:
        raise ValueError("%s: --output %s out of range (the input has %s output%s)"
                         % (os.path.basename(str(path)), output, k, "" if k == 1 else "s"))


def add_max_monomials_argument(parser):
    r"""
    Add the option ``--max-monomials N`` (the limit of a tropicalisation, see
    :func:`tropicalize_within_limit`) to ``parser``.

    EXAMPLES::

        sage: import argparse
        sage: from sage_tropnet.cli.common import add_max_monomials_argument
        sage: p = argparse.ArgumentParser(); add_max_monomials_argument(p)
        sage: p.parse_args([]).max_monomials, p.parse_args(["--max-monomials", "0"]).max_monomials
        (20000, 0)
    """
    from sage_tropnet.network import MAX_MONOMIALS
    parser.add_argument("--max-monomials", type=non_negative_integer, default=MAX_MONOMIALS,
                        metavar="N",
                        help="refuse to tropicalise a network whose tropical map may have more "
                             "than N monomials: an upper bound from the architecture and the "
                             "weights, computed before any work (default: %s; 0: no limit)"
                             % MAX_MONOMIALS)


def tropicalize_within_limit(net, args, progress=None, hint=None):
    r"""
    Return the tropical rational maps of the network ``net``, within the
    limit ``args.max_monomials`` (see
    :meth:`~sage_tropnet.network.ReLUNetwork.tropicalize`), with a progress
    bar on a terminal.

    A network whose bound exceeds the limit raises a :class:`ValueError`
    naming the file, the bound and the option (and ending with ``hint``, if
    given), before any work.

    EXAMPLES::

        sage: import argparse
        sage: from sage_tropnet.cli.common import tropicalize_within_limit
        sage: from sage_tropnet.network import random_network
        sage: args = argparse.Namespace(max_monomials=1000, network="big.npz")
        sage: tropicalize_within_limit(random_network([2, 3, 1], seed=0), args).monomial_count()
        [(2, 4)]
        sage: tropicalize_within_limit(random_network([3, 16, 16, 1], seed=0), args)
        Traceback (most recent call last):
        ...
        ValueError: big.npz: the tropical map may have up to 485809 monomials (a bound from the
        architecture and weights of the network [3, 16, 16, 1]), more than the limit of 1000
        (--max-monomials; 0 lifts the limit)
    """
    from sage_tropnet.network import TropicalizationTooLarge
    limit = args.max_monomials or None
    try:
        return net.tropicalize(max_monomials=limit, progress=progress)
    except TropicalizationTooLarge as err:
        path = getattr(args, "input", None) or getattr(args, "network", None)
        raise ValueError("%s: %s (--max-monomials; 0 lifts the limit)%s"
                         % (os.path.basename(str(path)), err, "; " + hint if hint else ""))


def check_output_file(path, option, extensions=None):
    r"""
    Check, before any work, that the output file ``path`` of ``option`` can
    be written (see :func:`~sage_tropnet.misc.files.check_output_path`).

    EXAMPLES::

        sage: from sage_tropnet.cli.common import check_output_file
        sage: check_output_file("/nonexistent/r.png", "--plot", (".png",))
        Traceback (most recent call last):
        ...
        ValueError: --plot: the directory '/nonexistent' does not exist
        sage: check_output_file("r.gif", "--plot", (".png", ".pdf"))
        Traceback (most recent call last):
        ...
        ValueError: --plot: unknown extension '.gif' (use .png or .pdf)
    """
    try:
        return check_output_path(path, extensions)
    except ValueError as err:
        raise ValueError("%s: %s" % (option, err))


#: Nonzero weights, coefficients and matrix entries whose absolute value lies
#: outside ``[FLOAT_RANGE[0], FLOAT_RANGE[1]]`` are refused in float mode:
#: their products overflow or underflow double precision.
FLOAT_RANGE = (1e-100, 1e100)


def float_mode_problem(obj):
    r"""
    Return why float mode cannot be trusted on ``obj`` (a string naming the
    entry), or ``None``.

    Float mode works in double precision: a nonzero weight, coefficient or
    entry outside :data:`FLOAT_RANGE` (`10^{-100}` to `10^{100}` in absolute
    value) makes its products overflow or underflow, so the command refuses
    float mode and asks for exact mode.

    EXAMPLES::

        sage: from sage_tropnet.cli.common import float_mode_problem
        sage: from sage_tropnet.network import ReLUNetwork
        sage: float_mode_problem(ReLUNetwork([([[1, 2]], [0])])) is None
        True
        sage: float_mode_problem(ReLUNetwork([([[1, 10^308]], [0])]))
        'layer 0, weight W0[0, 1] = 1.0e308 is outside the range 1e-100 to 1e+100 of float mode'
        sage: float_mode_problem(matrix(QQ, [[2^-2000]]))
        'entry (0, 0) = 8.7e-603 is outside the range 1e-100 to 1e+100 of float mode'
    """
    lo, hi = to_rational(FLOAT_RANGE[0]), to_rational(FLOAT_RANGE[1])

    def bad(q):
        q = abs(QQ(q))
        return q != 0 and (q < lo or q > hi)

    def show(q):
        from sage.rings.real_mpfr import RealField
        return RealField(53)(q).str(digits=2)

    where = "outside the range %g to %g of float mode" % FLOAT_RANGE
    if hasattr(obj, "layers") and hasattr(obj, "input_dimension"):
        for i, (W, b, _) in enumerate(obj.layers()):
            for (r, c), a in W.dict().items():
                if bad(a):
                    return "layer %s, weight W%s[%s, %s] = %s is %s" % (i, i, r, c, show(a), where)
            for r, a in enumerate(b):
                if bad(a):
                    return "layer %s, bias b%s[%s] = %s is %s" % (i, i, r, show(a), where)
        return None
    if hasattr(obj, "nrows"):
        for (r, c), a in obj.dict().items():
            if bad(a):
                return "entry (%s, %s) = %s is %s" % (r, c, show(a), where)
        return None
    polys = [obj.numerator(), obj.denominator()] if hasattr(obj, "numerator") else [obj]
    for P in polys:
        for e, c in zip(P.exponents(), P.coefficients()):
            if bad(c) or any(bad(a) for a in e):
                return "the monomial with exponent %s is %s" % (tuple(e), where)
    return None


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

    Damaged files name the file and say what is wrong::

        sage: _ = open(f, "w").write('{"variables": 1, "numerator": ' + "[" * 10**5)
        sage: load_tropical_map(f)
        Traceback (most recent call last):
        ...
        ValueError: ...json: not valid JSON (nested too deeply)
        sage: _ = open(f, "wb").write(b'{"variables": 1, "x": "caf\xe9"}')
        sage: load_tropical_map(f)
        Traceback (most recent call last):
        ...
        ValueError: ...json: not UTF-8 text (byte 0xe9 at position 26)
    """
    from sage_tropnet.puiseux import TropicalPuiseuxPolynomial, TropicalRationalMap
    name = os.path.basename(path)
    try:
        data = parse_json(read_text(path))
    except FileContentError as err:
        raise ValueError("%s: %s" % (name, err))
    if not isinstance(data, dict):
        raise ValueError("%s: expected a JSON object with keys 'variables', 'numerator'" % name)
    if "variables" not in data:
        raise ValueError("%s: missing key 'variables'" % name)
    n = data["variables"]
    if not isinstance(n, int) or isinstance(n, bool) or n < 1 or n > 10 ** 6:
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


def _read_array(path, what, name):
    r"""
    Return the array of the ``.npy`` file ``path`` (see
    :func:`~sage_tropnet.misc.files.read_npy`) and the index of its first
    non-finite entry (or ``None``); errors name the file as ``name``.
    """
    import numpy as np
    try:
        A = read_npy(path)
    except FileContentError as err:
        raise ValueError("%s: %s" % (name, err))
    if A.dtype.kind not in "iuf":
        raise ValueError("%s: %s have non-numeric dtype %s (expected integers or real floats)"
                         % (name, what, A.dtype))
    if A.dtype.kind == "f":
        bad = np.argwhere(~np.isfinite(A))
        if len(bad):
            return A, tuple(int(i) for i in bad[0])
    return A, None


def load_matrix(path):
    r"""
    Return the matrix over `\QQ` stored in a ``.npy`` file, read exactly.

    Every dtype is read exactly (``int64`` without rounding through float,
    ``longdouble`` with all its bits); the file is read by
    :func:`~sage_tropnet.misc.files.read_npy` (no unpickling, declared size
    at most :data:`~sage_tropnet.misc.files.MAX_ARRAY_ENTRIES`, a file that
    is not a ``.npy`` file described).

    EXAMPLES::

        sage: import numpy as np
        sage: from sage_tropnet.cli.common import load_matrix
        sage: f = tmp_filename(ext=".npy")
        sage: np.save(f, np.array([[0.5, 1.0]]))
        sage: load_matrix(f)
        [1/2   1]
        sage: np.save(f, np.array([[2**60 + 1]], dtype=np.int64))
        sage: load_matrix(f)
        [1152921504606846977]
        sage: np.save(f, np.array([[np.nan]]))
        sage: load_matrix(f)
        Traceback (most recent call last):
        ...
        ValueError: ...npy: matrix entry (0, 0) is not finite
        sage: _ = open(f, "wb").write(b"")
        sage: load_matrix(f)
        Traceback (most recent call last):
        ...
        ValueError: ...npy: not a NumPy .npy file: found an empty file
    """
    from sage.matrix.constructor import matrix
    name = os.path.basename(str(path))
    A, bad = _read_array(path, "matrix entries", name)
    if A.ndim != 2 or A.size == 0:
        raise ValueError("%s: expected a non-empty 2-D matrix, got shape %s" % (name, A.shape))
    if bad is not None:
        raise ValueError("%s: matrix entry %s is not finite" % (name, bad))
    return matrix(QQ, A.shape[0], A.shape[1], to_rational_array(A))


def load_points(path, dimension):
    r"""
    Return the points stored in a ``.npy`` file as lists of exact rationals.

    INPUT:

    - ``path`` -- string; a ``.npy`` file holding a 2-D real array of shape
      (number of points, ``dimension``), read by
      :func:`~sage_tropnet.misc.files.read_npy` (no unpickling, declared
      size checked first); every entry is taken exactly (``int64`` and
      ``longdouble`` included)
    - ``dimension`` -- integer; the input dimension of the network

    OUTPUT: a list of lists of elements of ``QQ``

    EXAMPLES::

        sage: import numpy as np
        sage: from sage_tropnet.cli.common import load_points
        sage: p = tmp_filename(ext=".npy")
        sage: np.save(p, np.array([[0.5, 0.1]]))
        sage: load_points(p, 2)
        [[1/2, 3602879701896397/36028797018963968]]
        sage: load_points(p, 3)
        Traceback (most recent call last):
        ...
        ValueError: ...npy: points must be a 2-D array of shape (n_points, 3), got shape (1, 2)
        sage: np.save(p, np.array([[2**62 + 1]], dtype=np.int64))
        sage: load_points(p, 1)
        [[4611686018427387905]]
    """
    A, bad = _read_array(path, "points", path)
    if A.ndim != 2 or A.shape[1] != dimension:
        raise ValueError("%s: points must be a 2-D array of shape (n_points, %s), got shape %s"
                         % (path, dimension, tuple(A.shape)))
    if A.shape[0] == 0:
        raise ValueError("%s: no points (shape %s)" % (path, tuple(A.shape)))
    if bad is not None:
        raise ValueError("%s: point %s, coordinate %s is not finite (%s)"
                         % (path, bad[0], bad[1], A[bad]))
    return to_rational_array(A)


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
