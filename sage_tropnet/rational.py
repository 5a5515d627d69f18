r"""
Rationalisation policy: from floating-point weights to exact rationals

Trained weights are floats. Every float is a dyadic rational, and the default
policy keeps **exactly** that value (the float64 value of the number; a float32
is first widened to float64, which is exact). :func:`to_rational` is the one
converter of the package: floats of every kind (Python, numpy, ``RDF``,
``RR`` and other MPFR reals, :class:`~fractions.Fraction`,
:class:`~decimal.Decimal`) give the rational they store, integers and
rationals stay, strings ``"p/q"`` are parsed. Rounding is opt-in:

- ``rationalize="exact"`` (default): the exact binary value;
- ``digits=k``: round to `k` decimal digits (a denominator dividing `10^k`);
- ``max_denominator=d``: the nearest rational with denominator at most `d`
  (continued fractions, as :meth:`fractions.Fraction.limit_denominator`).

.. WARNING::

    ``QQ(x)`` for a Python float ``x`` does *not* give its exact value (Sage
    returns a nearby simple rational), and for a numpy ``float32`` it gives a
    huge dyadic denominator. Always go through :func:`to_rational`.

EXAMPLES::

    sage: from sage_tropnet.rational import to_rational
    sage: to_rational(0.1)
    3602879701896397/36028797018963968
    sage: to_rational(0.1, digits=3)
    1/10
    sage: to_rational(0.1, max_denominator=100)
    1/10
    sage: import numpy as np
    sage: to_rational(np.float32(0.1))
    13421773/134217728
    sage: to_rational("-2/3")
    -2/3

Vectors and matrices::

    sage: from sage_tropnet.rational import to_rational_vector, to_rational_rows
    sage: to_rational_vector([0.5, 1])
    (1/2, 1)
    sage: to_rational_rows(np.array([[0.25, 2]]))
    ([[1/4, 2]], 2)

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

import math
import numbers
from fractions import Fraction

from sage.rings.integer import Integer
from sage.rings.rational import Rational
from sage.rings.rational_field import QQ

from sage_tropnet.misc.inputs import as_list


def _exact_value(x):
    r"""
    Return the rational number that ``x`` represents exactly (no rounding).

    See :func:`to_rational`; the fast cases (Sage integers and rationals,
    Python ints) are handled there.
    """
    if isinstance(x, int):  # bool and other int subclasses
        return QQ(int(x))
    if isinstance(x, str):
        try:
            return QQ(x)
        except (TypeError, ValueError, ArithmeticError):
            raise ValueError("%r is not a rational 'p/q'" % (x,))
    parent = getattr(x, 'parent', None)
    if parent is not None and callable(parent):
        try:
            exact = parent().is_exact()
        except (AttributeError, TypeError):
            exact = False
        if exact:
            return QQ(x)
    ratio = getattr(x, 'as_integer_ratio', None)
    if ratio is not None:
        # float, numpy floating types (float32 included), RDF, Fraction, Decimal
        try:
            p, q = ratio()
        except (OverflowError, ValueError):
            raise ValueError("not a finite number: %s" % (x,))
        return QQ((p, q))
    exact_rational = getattr(x, 'exact_rational', None)
    if exact_rational is not None:
        # RR and the other MPFR real fields
        try:
            return exact_rational()
        except (ArithmeticError, ValueError, TypeError):
            raise ValueError("not a finite number: %s" % (x,))
    if isinstance(x, numbers.Integral):  # numpy integers
        return QQ(int(x))
    try:
        f = float(x)
    except (TypeError, ValueError):
        raise ValueError("not a number: %r" % (x,))
    if not math.isfinite(f):
        raise ValueError("not a finite number: %s" % f)
    return QQ(f.as_integer_ratio())


def to_rational(x, digits=None, max_denominator=None):
    r"""
    Return ``x`` as an exact rational according to the rationalisation policy.

    INPUT:

    - ``x`` -- an integer, a rational, a string ``"p/q"``, a Python or numpy
      float, a Sage real (``RDF``, ``RR``, ...), a
      :class:`~fractions.Fraction` or a :class:`~decimal.Decimal`; floats
      are read as the binary fraction they store (never rounded to a "nice"
      nearby rational), Sage reals as the exact value of their mantissa
    - ``digits`` -- integer (optional); round to this many decimal digits
    - ``max_denominator`` -- integer (optional); nearest rational with at most
      this denominator

    OUTPUT: an element of ``QQ``

    EXAMPLES::

        sage: from sage_tropnet.rational import to_rational
        sage: to_rational(1/3)
        1/3
        sage: to_rational(float(1/3))
        6004799503160661/18014398509481984
        sage: to_rational(RDF(0.5))
        1/2
        sage: to_rational(float('nan'))
        Traceback (most recent call last):
        ...
        ValueError: not a finite number: nan

    Every kind of float gives the value it stores; strings are exact
    rationals::

        sage: to_rational(RR(0.1)) == to_rational(float(0.1))
        True
        sage: to_rational(RealField(100)(1/3))
        845100400152152934331135470251/2535301200456458802993406410752
        sage: from fractions import Fraction; from decimal import Decimal
        sage: to_rational(Fraction(int(1), int(3))), to_rational(Decimal("0.1"))
        (1/3, 1/10)
        sage: import numpy as np
        sage: to_rational(np.int64(2**62 + 1)) == 2**62 + 1
        True
        sage: to_rational("2/3"), to_rational(" 7 "), to_rational(True)
        (2/3, 7, 1)

    TESTS::

        sage: to_rational(float('inf'))
        Traceback (most recent call last):
        ...
        ValueError: not a finite number: inf
        sage: to_rational(RR('inf'))
        Traceback (most recent call last):
        ...
        ValueError: not a finite number: +infinity
        sage: to_rational("x")
        Traceback (most recent call last):
        ...
        ValueError: 'x' is not a rational 'p/q'
        sage: to_rational([1])
        Traceback (most recent call last):
        ...
        ValueError: not a number: [1]
        sage: to_rational(0.5, digits=1, max_denominator=2)
        Traceback (most recent call last):
        ...
        ValueError: give at most one of digits and max_denominator
    """
    if digits is not None and max_denominator is not None:
        raise ValueError("give at most one of digits and max_denominator")
    cls = x.__class__
    if cls is Rational:
        q = x
    elif cls is Integer or cls is int:
        q = QQ(x)
    elif cls is float:
        if not math.isfinite(x):
            raise ValueError("not a finite number: %s" % x)
        q = QQ(x.as_integer_ratio())
    else:
        q = _exact_value(x)
    if digits is not None:
        s = 10 ** int(digits)
        return QQ((q * s).round()) / s
    if max_denominator is not None:
        fr = Fraction(int(q.numerator()), int(q.denominator())).limit_denominator(int(max_denominator))
        return QQ((fr.numerator, fr.denominator))
    return q


def to_rational_vector(v):
    r"""
    Return the vector over `\QQ` of the exact values of the entries of ``v``.

    INPUT:

    - ``v`` -- a list, tuple, vector or 1-D numpy array of numbers (see
      :func:`to_rational`)

    OUTPUT: a vector over `\QQ`

    EXAMPLES::

        sage: from sage_tropnet.rational import to_rational_vector
        sage: import numpy as np
        sage: to_rational_vector(np.array([0.1, -2]))
        (3602879701896397/36028797018963968, -2)
        sage: to_rational_vector(("1/3", 0.25))
        (1/3, 1/4)
    """
    from sage.modules.free_module_element import vector
    return vector(QQ, [to_rational(a) for a in as_list(v)])


def to_rational_rows(A):
    r"""
    Return ``(rows, n)``: the rows of the matrix ``A`` as lists of exact
    rationals, and its number of columns.

    INPUT:

    - ``A`` -- a Sage matrix, a list of rows or a 2-D numpy array (floats are
      read exactly, see :func:`to_rational`)

    OUTPUT: a pair ``(rows, n)``; a matrix without rows keeps its number of
    columns when it has one (a Sage matrix or a numpy array)

    EXAMPLES::

        sage: from sage_tropnet.rational import to_rational_rows
        sage: to_rational_rows([[1, 0.5], ["1/3", -2]])
        ([[1, 1/2], [1/3, -2]], 2)
        sage: to_rational_rows(matrix(QQ, 0, 3))
        ([], 3)
        sage: import numpy as np
        sage: to_rational_rows(np.zeros((0, 2)))
        ([], 2)
        sage: to_rational_rows([[1, 2], [3]])
        Traceback (most recent call last):
        ...
        ValueError: the rows of A must all have the same length
        sage: to_rational_rows(np.zeros(3))
        Traceback (most recent call last):
        ...
        ValueError: A must be two-dimensional, got shape (3,)
    """
    if hasattr(A, "nrows") and hasattr(A, "ncols"):
        n = A.ncols()
        rows = [[to_rational(a) for a in row] for row in A.rows()]
        return rows, n
    shape = getattr(A, "shape", None)
    if shape is not None:
        if len(shape) != 2:
            raise ValueError("A must be two-dimensional, got shape %s" % (shape,))
        n = shape[1]
    rows = [[to_rational(a) for a in as_list(row)] for row in as_list(A)]
    if shape is None:
        n = len(rows[0]) if rows else 0
    if any(len(row) != n for row in rows):
        raise ValueError("the rows of A must all have the same length")
    return rows, n


def to_rational_array(a, digits=None, max_denominator=None):
    r"""
    Return the entries of the real NumPy array ``a`` as nested lists of
    exact rationals.

    Every dtype is read exactly: integers (``int64``, ``uint64``, ...) as
    Python integers, never through ``float``; ``float16``/``float32`` widened
    to ``float64`` (exact); ``longdouble`` with all its bits. The optional
    rounding is that of :func:`to_rational`.

    INPUT:

    - ``a`` -- a NumPy array of integers or real floats (finite)
    - ``digits``, ``max_denominator`` -- as in :func:`to_rational`

    OUTPUT: nested lists (of the shape of ``a``) of elements of ``QQ``; a
    0-dimensional array gives one rational

    EXAMPLES::

        sage: import numpy as np
        sage: from sage_tropnet.rational import to_rational_array
        sage: to_rational_array(np.array([[2**60 + 1]], dtype=np.int64))
        [[1152921504606846977]]
        sage: to_rational_array(np.array([0.1], dtype=np.float32))
        [13421773/134217728]
        sage: x = np.longdouble(1) / 3
        sage: to_rational_array(np.array([x]))[0] == QQ(x.as_integer_ratio())
        True
        sage: to_rational_array(np.array([0.1, 2.5]), digits=1)
        [1/10, 5/2]
        sage: to_rational_array(np.array(["a"]))
        Traceback (most recent call last):
        ...
        ValueError: expected an array of integers or real floats, got dtype <U1
    """
    import numpy as np
    a = np.asarray(a)
    kind = a.dtype.kind
    if kind == 'b':
        values = a.astype(np.int64).tolist()
    elif kind in 'iu':
        values = a.tolist()  # Python ints: exact
    elif kind == 'f' and a.dtype.itemsize <= 8:
        values = a.astype(np.float64).tolist()  # float16/32 widen exactly
    elif kind == 'f':  # long double: keep every bit
        flat = [QQ(x.as_integer_ratio()) for x in a.reshape(-1)]
        values = np.array(flat, dtype=object).reshape(a.shape).tolist()
    else:
        raise ValueError("expected an array of integers or real floats, got dtype %s" % a.dtype)

    def conv(v):
        if isinstance(v, list):
            return [conv(x) for x in v]
        return to_rational(v, digits=digits, max_denominator=max_denominator)
    return conv(values)
