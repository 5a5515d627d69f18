r"""
Exact integer linear algebra: primitive rows, determinants, adjugates

Constraint rows and small square matrices of Python integers appear in every
exact step of the region search and of the hull certificates. This module is
their one home:

- :func:`primitive_row` -- the primitive integer form of a rational row (the
  canonical key of a hyperplane or an inequality);
- :func:`integer_determinant` -- the determinant of a square integer matrix by
  fraction-free (Bareiss) elimination;
- :func:`integer_adjugate` -- the adjugate and the determinant together, so
  that `M \cdot \mathrm{adj}(M) = \det(M) I` (Cramer's rule without
  division).

All three work on plain Python integers (no Sage parents), which is much faster
than Sage matrices for the tiny sizes met here (up to `5 \times 5`).

EXAMPLES::

    sage: from sage_tropnet.misc.linear_algebra import (primitive_row,
    ....:     integer_determinant, integer_adjugate)
    sage: primitive_row([1/2, 3/4, -1])
    (2, 3, -4)
    sage: integer_determinant([[2, 1], [1, 3]])
    5
    sage: integer_adjugate([[2, 1], [1, 3]])
    ([[3, -1], [-1, 2]], 5)

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

from sage.rings.integer_ring import ZZ
from sage.rings.rational_field import QQ
from sage.rings.integer import Integer
from sage.rings.rational import Rational



def primitive_row(row):
    r"""
    Return the primitive integer form of the rational row ``row``.

    The row is scaled by a positive rational so that its entries are coprime
    integers; the sign is kept. For an inequality ``[c, a_1, ..., a_n]``
    (meaning `c + a \cdot x \ge 0`) this is a canonical key of the halfspace;
    it is what :func:`sage_tropnet.certify.normalize` computes.

    INPUT:

    - ``row`` -- an iterable of rationals (Python or Sage integers, rationals)

    OUTPUT: a tuple of Python integers (the zero row stays zero)

    EXAMPLES::

        sage: from sage_tropnet.misc.linear_algebra import primitive_row
        sage: primitive_row([1/2, 3/4, -1])
        (2, 3, -4)
        sage: primitive_row([0, 6, -4])
        (0, 3, -2)
        sage: primitive_row([0, 0])
        (0, 0)
        sage: type(primitive_row([QQ(2)])[0])
        <class 'int'>
    """
    # fast path: integral entries (Python ints, Sage integers, integral Sage
    # rationals)
    row = tuple(row)
    v = []
    for t in row:
        ty = type(t)
        if ty is int:
            v.append(t)
        elif (ty is Integer or ty is Rational) and t.is_integral():
            v.append(int(t))
        else:
            v = None
            break
    if v is not None:
        g = math.gcd(*v)
        return tuple(v) if g in (0, 1) else tuple(t // g for t in v)
    nums, dens = [], []
    for t in row:
        if type(t) is int:
            nums.append(t)
            dens.append(1)
        else:
            t = QQ(t)
            nums.append(int(t.numerator()))
            dens.append(int(t.denominator()))
    d = math.lcm(*dens)
    v = [p * (d // q) for p, q in zip(nums, dens)]
    g = math.gcd(*v)
    if g == 0:
        return tuple(v)
    return tuple(t // g for t in v)


def integer_determinant(M):
    r"""
    Return the determinant of a square matrix of integers.

    INPUT:

    - ``M`` -- a list of rows of Python integers (a square matrix; the empty
      matrix has determinant 1)

    OUTPUT: a Python integer

    EXAMPLES::

        sage: from sage_tropnet.misc.linear_algebra import integer_determinant
        sage: integer_determinant([[2, 1], [1, 3]])
        5
        sage: integer_determinant([[0, 1, 2], [1, 0, 3], [4, -3, 8]])
        -2
        sage: integer_determinant([[1, 2], [2, 4]]), integer_determinant([])
        (0, 1)
        sage: M = random_matrix(ZZ, 5, 5)
        sage: integer_determinant([[int(a) for a in r] for r in M]) == M.det()
        True

    ALGORITHM:

    Bareiss' fraction-free Gaussian elimination: every intermediate entry is
    a minor of ``M``, so all divisions are exact.
    """
    M = [list(r) for r in M]
    n = len(M)
    if n == 0:
        return 1
    sign, prev = 1, 1
    for k in range(n - 1):
        if M[k][k] == 0:
            for i in range(k + 1, n):
                if M[i][k] != 0:
                    M[k], M[i] = M[i], M[k]
                    sign = -sign
                    break
            else:
                return 0
        mk = M[k][k]
        for i in range(k + 1, n):
            mi = M[i][k]
            Mi, Mk = M[i], M[k]
            for j in range(k + 1, n):
                Mi[j] = (Mi[j] * mk - mi * Mk[j]) // prev
        prev = mk
    return sign * M[n - 1][n - 1]


def _adjugate4(M):
    r"""
    Return ``(adj, det)`` of a `4 \times 4` integer matrix by complementary
    `2 \times 2` minors.
    """
    (a0, a1, a2, a3), (b0, b1, b2, b3), (c0, c1, c2, c3), (d0, d1, d2, d3) = M
    s0 = a0 * b1 - b0 * a1
    s1 = a0 * b2 - b0 * a2
    s2 = a0 * b3 - b0 * a3
    s3 = a1 * b2 - b1 * a2
    s4 = a1 * b3 - b1 * a3
    s5 = a2 * b3 - b2 * a3
    t5 = c2 * d3 - d2 * c3
    t4 = c1 * d3 - d1 * c3
    t3 = c1 * d2 - d1 * c2
    t2 = c0 * d3 - d0 * c3
    t1 = c0 * d2 - d0 * c2
    t0 = c0 * d1 - d0 * c1
    det = s0 * t5 - s1 * t4 + s2 * t3 + s3 * t2 - s4 * t1 + s5 * t0
    adj = [[b1 * t5 - b2 * t4 + b3 * t3, -a1 * t5 + a2 * t4 - a3 * t3,
            d1 * s5 - d2 * s4 + d3 * s3, -c1 * s5 + c2 * s4 - c3 * s3],
           [-b0 * t5 + b2 * t2 - b3 * t1, a0 * t5 - a2 * t2 + a3 * t1,
            -d0 * s5 + d2 * s2 - d3 * s1, c0 * s5 - c2 * s2 + c3 * s1],
           [b0 * t4 - b1 * t2 + b3 * t0, -a0 * t4 + a1 * t2 - a3 * t0,
            d0 * s4 - d1 * s2 + d3 * s0, -c0 * s4 + c1 * s2 - c3 * s0],
           [-b0 * t3 + b1 * t1 - b2 * t0, a0 * t3 - a1 * t1 + a2 * t0,
            -d0 * s3 + d1 * s1 - d2 * s0, c0 * s3 - c1 * s1 + c2 * s0]]
    return adj, det


def integer_adjugate(M):
    r"""
    Return the adjugate and the determinant of a square integer matrix.

    INPUT:

    - ``M`` -- a nonempty list of rows of Python integers (a square matrix)

    OUTPUT: a pair ``(adj, det)``: ``adj`` a list of rows of Python integers
    with `M \cdot \mathrm{adj} = \mathrm{adj} \cdot M = \det(M) I`, and
    ``det`` the determinant

    EXAMPLES::

        sage: from sage_tropnet.misc.linear_algebra import integer_adjugate
        sage: integer_adjugate([[5]])
        ([[1]], 5)
        sage: adj, det = integer_adjugate([[1, 2, 0], [0, 1, 3], [2, 0, 1]]); adj, det
        ([[1, -2, 6], [6, 1, -3], [-2, 4, 1]], 13)
        sage: for k in range(1, 7):
        ....:     A = random_matrix(ZZ, k, k)
        ....:     adj, det = integer_adjugate([[int(a) for a in r] for r in A])
        ....:     assert det == A.det() and A * matrix(ZZ, adj) == det * identity_matrix(k)

    ALGORITHM:

    Cofactors by :func:`integer_determinant` up to size 3, complementary
    `2 \times 2` minors (Laplace expansion) for size 4, Sage's
    ``adjugate()`` over `\ZZ` beyond.
    """
    n = len(M)
    if n == 1:
        return [[1]], M[0][0]
    if n == 4:
        return _adjugate4(M)
    if n <= 4:
        adj = [[0] * n for _ in range(n)]
        for i in range(n):
            rows = M[:i] + M[i + 1:]
            for j in range(n):
                c = integer_determinant([r[:j] + r[j + 1:] for r in rows])
                adj[j][i] = -c if (i + j) % 2 else c
        det = sum(M[0][j] * adj[j][0] for j in range(n))
        return adj, det
    from sage.matrix.constructor import matrix
    A = matrix(ZZ, M)
    return [[int(t) for t in r] for r in A.adjugate().rows()], int(A.det())
