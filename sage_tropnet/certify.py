r"""
Exact facets of a cell from a floating-point guess

The exact region search needs, for each cell `P = \{x : c_k + a_k x \ge 0\}`
(integer rows), its facets. Computing them with an exact double description
(PPL) costs milliseconds per cell on the 100-bit integers that float64 weights
give. Here floating point *proposes* and exact integer arithmetic *certifies*
("filter in floats, then certify exactly"):

1. the float polar hull of :mod:`sage_tropnet.float_regions` around an interior
   point proposes the facet rows `S`, the vertices of `P` and, for each vertex,
   `n` rows tight at it;
2. every row `r \notin S` gets a **redundancy certificate**: `n` rows `T` (the
   tight rows of the vertex minimising `r`) with linearly independent normals
   such that `a_r = \sum_{t \in T} \lambda_t a_t` with `\lambda \ge 0` and
   `r(v_T) \ge 0` at the apex `v_T` of the cone `\{t \ge 0, t \in T\}`. Then
   `r \ge 0` on that cone, which contains `P`: the row is implied by the
   others. Signs of `\lambda` and `r(v_T)` are signs of integer expressions in
   the adjugate of `A_T` (Cramer's rule), evaluated in floating point with a
   rigorous error bound and exactly (Python integers) when the bound does not
   decide. At a degenerate vertex (more than `n` tight rows) the simplicial
   cones of the polar triangulation at that vertex cover its normal cone, and
   they are tried in turn;
3. a row `s \in S` gets, on demand, a **facet certificate**: an exact
   rational point on `s = 0` where all other rows are strictly positive (the
   float facet point, projected exactly onto the hyperplane).

So every facet of `P` is among the returned rows, and a returned row with a
facet certificate is a facet, with an exact point in its relative interior.
When a certificate cannot be produced (``x0`` not interior, cells with a
lineality space, numerically hard cells) the function returns ``None``
and the caller falls back to PPL: the result never depends on floating point.

EXAMPLES::

    sage: import numpy as np
    sage: from sage_tropnet.certify import (certified_facets, certified_facet_point,
    ....:                                   as_rational_point)
    sage: rows = [(0, 1, 0), (0, 0, 1), (1, -1, -1), (5, 1, 1)]   # x, y >= 0, x + y <= 1
    sage: F = certified_facets(rows, np.array([0.2, 0.3]))
    sage: sorted(F)
    [0, 1, 2]
    sage: y = as_rational_point(certified_facet_point(rows, 2, F[2]))
    sage: 1 - y[0] - y[1], y[0] > 0, y[1] > 0      # on x + y = 1, inside the others
    (0, True, True)

AUTHORS:

- sage_tropnet developers (2026-11): initial version

REFERENCES:

- [Zie1995]_ Ch. 1-2 (Farkas' lemma, polarity)
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
from fractions import Fraction

import numpy as np

from sage.rings.rational_field import QQ
from sage.rings.integer_ring import ZZ

from sage_tropnet.hull import _idet
from sage_tropnet.float_regions import _polar_facets

#: relative error bound used for floating-point sign decisions (the true
#: rounding error of the expressions below is below 1e-14 relative)
MARGIN = 1e-11


def normalize(ieq):
    r"""
    Return the primitive integer form of an inequality ``[c, a_1, ..., a_n]``
    (meaning `c + a \cdot x \ge 0`), as a tuple of Python integers.

    EXAMPLES::

        sage: from sage_tropnet.certify import normalize
        sage: normalize([1/2, 3/4, -1])
        (2, 3, -4)
        sage: normalize([0, 0])
        (0, 0)
    """
    nums, dens = [], []
    for t in ieq:
        if type(t) is int:
            nums.append(t)
            dens.append(1)
        else:
            t = QQ(t)
            nums.append(int(t.numerator()))
            dens.append(int(t.denominator()))
    d = math.lcm(*dens)
    v = [p_ * (d // q) for p_, q in zip(nums, dens)]
    g = math.gcd(*v)
    if g == 0:
        return tuple(v)
    return tuple(t // g for t in v)


def _adjugate4(M):
    r"""
    ``(adj, det)`` of a `4 \times 4` integer matrix by complementary `2 \times 2` minors.
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


def _adjugate(M):
    r"""
    Return ``(adj, det)`` of a square integer matrix (lists of Python ints),
    with `M \cdot \mathrm{adj} = \det(M) I`.
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
                c = _idet([r[:j] + r[j + 1:] for r in rows])
                adj[j][i] = -c if (i + j) % 2 else c
        det = sum(M[0][j] * adj[j][0] for j in range(n))
        return adj, det
    from sage.matrix.constructor import matrix
    A = matrix(ZZ, M)
    return [[int(t) for t in r] for r in A.adjugate().rows()], int(A.det())


def _bound(absA, absx):
    return MARGIN * (absA @ absx) + 1e-300


def certified_facets(rows, x0):
    r"""
    Return the facets of `P = \{x : c + a \cdot x \ge 0\}` with a certificate,
    or ``None`` if no certificate was found.

    INPUT:

    - ``rows`` -- list of distinct primitive integer tuples ``(c, a_1, ..., a_n)``
    - ``x0`` -- a float point (numpy array), meant to be interior

    OUTPUT: ``None``, or a dictionary ``{row index: float point}`` over the
    facet rows. Every row *not* returned is certified redundant, so the facets
    are among the returned rows; each returned row comes with a float point
    near the relative interior of its facet, which
    :func:`certified_facet_point` turns into an exact certificate that the
    row is a facet. ``None`` means "not certified" (for
    instance: ``x0`` not interior, a degenerate vertex), not "empty".

    EXAMPLES:

    A square with a redundant row and an unbounded strip::

        sage: import numpy as np
        sage: from sage_tropnet.certify import certified_facets
        sage: sq = [(1, 1, 0), (1, -1, 0), (1, 0, 1), (1, 0, -1), (3, 1, 1)]
        sage: sorted(certified_facets(sq, np.array([0.1, 0.2])))
        [0, 1, 2, 3]
        sage: F = certified_facets([(1, 1, 0), (1, -1, 0), (0, 0, 1), (7, 1, 1)],
        ....:                      np.array([0.0, 1.0]))
        sage: from sage_tropnet.certify import as_rational_point, certified_facet_point
        sage: rows = [(1, 1, 0), (1, -1, 0), (0, 0, 1), (7, 1, 1)]
        sage: P = {k: as_rational_point(certified_facet_point(rows, k, y)) for k, y in F.items()}
        sage: sorted(P), P[0][0], P[1][0], P[2][1]
        ([0, 1, 2], -1, 1, 0)
        sage: certified_facets(sq, np.array([5.0, 0.0])) is None     # not interior
        True

    ALGORITHM: see the module documentation.
    """
    try:
        return _certified_facets(rows, x0)
    except OverflowError:  # integers beyond the float range: no certificate
        return None


def _certified_facets(rows, x0):
    rows = [r if all(type(t) is int for t in r) else tuple(int(t) for t in r) for r in rows]
    # rows without a normal: c >= 0 holds everywhere (redundant) or nowhere
    flat = [k for k, r in enumerate(rows) if not any(r[1:])]
    if flat:
        if any(rows[k][0] <= 0 for k in flat):
            return None
        keep = [k for k, r in enumerate(rows) if any(r[1:])]
        if not keep:
            return {}
        F = _certified_facets([rows[k] for k in keep], x0)
        return None if F is None else {keep[k]: y for k, y in F.items()}
    m = len(rows)
    n = len(rows[0]) - 1
    R = np.array([[float(t) for t in r] for r in rows])
    c, a = R[:, 0], R[:, 1:]
    x0 = np.asarray(x0, dtype=float)
    # 1. x0 interior (exactly: x0 is a dyadic rational)
    vals = c + a @ x0
    err = _bound(np.abs(R), np.append(1.0, np.abs(x0)))
    if (vals <= err).any():
        xq = [Fraction(t) for t in x0.tolist()]
        for k in np.nonzero(vals <= err)[0]:
            r = rows[k]
            if r[0] + sum(int(ak) * xk for ak, xk in zip(r[1:], xq)) <= 0:
                return None
    # 2. float facets and vertices
    norms = np.sqrt((a * a).sum(axis=1))
    if (norms == 0).any():
        return None
    fac = _polar_facets(-a / norms[:, None], c / norms, x0)
    if fac is None:
        return None
    facets = set(int(t) for t in fac.rows)
    rest = [k for k in range(m) if k not in facets]
    if rest:
        if n == 1:
            if not _certify_1d(rows, facets, rest):
                return None
        elif not _certify_redundant(rows, R, fac, rest, n):
            return None
    return {int(t): fac.points[i] for i, t in enumerate(fac.rows)}


def _certify_1d(rows, facets, rest):
    r"""
    In dimension one a row is redundant if a facet row with the same sign of
    `a` is at least as tight.
    """
    for k in rest:
        ck, ak = rows[k]
        ok = False
        for t in facets:
            ct, at = rows[t]
            # constraint x >= -c/a (a > 0) or x <= -c/a (a < 0)
            if (ak > 0) == (at > 0) and ((ak > 0 and Fraction(-ct, at) >= Fraction(-ck, ak)) or
                                        (ak < 0 and Fraction(-ct, at) <= Fraction(-ck, ak))):
                ok = True
                break
        if not ok:
            return False
    return True


def _certify_redundant(rows, R, fac, rest, n):
    r"""
    Give every row of ``rest`` a redundancy certificate (see the module
    documentation); return whether all succeeded.
    """
    V, U, ray, simp = fac._V, fac._U, fac._ray, fac.simplices
    a = R[:, 1:]
    rest = np.array(rest)
    ar = a[rest]
    # rays of P must not decrease a redundant row
    if ray.any():
        dec = ar @ U[ray].T
        if (dec < -1e-9 * np.abs(ar).sum(axis=1)[:, None]).any():
            return False
    verts = np.nonzero(~ray)[0]
    if not len(verts):
        return False
    Vv = V[verts]
    slack = (R[rest, 0][:, None] + ar @ Vv.T) / np.sqrt((ar * ar).sum(axis=1))[:, None]
    best = verts[np.argmin(slack, axis=1)]
    ok = _check_cones(rows, R, rest, best, simp, n)
    if ok.all():
        return True
    # a degenerate vertex (more than n tight rows): the cones of the other
    # simplices at the same vertex cover its normal cone; try them in turn
    scale = 1.0 + np.abs(Vv).max()
    for k in np.nonzero(~ok)[0]:
        same = verts[np.abs(V[verts] - V[best[k]]).max(axis=1) <= 1e-9 * scale]
        if not any(_check_cones(rows, R, rest[k:k + 1], np.array([g]), simp, n)[0]
                   for g in same if g != best[k]):
            return False
    return True


def _check_cones(rows, R, idx, gens, simp, n):
    r"""
    For each row ``idx[k]``, whether the cone of the ``n`` rows tight at the
    generator ``gens[k]`` certifies it (`\lambda \ge 0` and `r(v_T) \ge 0`).
    """
    a = R[:, 1:]
    ar = a[idx]
    groups, gi = np.unique(gens, return_inverse=True)
    G = len(groups)
    ok = np.ones(len(idx), dtype=bool)
    ADJ, W, DET, SGN = np.zeros((G, n, n)), np.zeros((G, n)), np.ones(G), np.ones(G)
    exact = []
    for q, g in enumerate(groups):
        T = [int(t) for t in simp[g]]
        adj = det = None
        if len(T) == n and min(T) >= 0:
            adj, det = _adjugate([list(rows[t][1:]) for t in T])
        if not det:
            ok[gi == q] = False
            exact.append(None)
            continue
        cT = [rows[t][0] for t in T]
        w = [-sum(adj[i][j] * cT[j] for j in range(n)) for i in range(n)]   # v_T = w / det
        exact.append((adj, det, w))
        ADJ[q] = [[float(t) for t in r] for r in adj]
        W[q] = [float(t) for t in w]
        DET[q] = float(det)
        SGN[q] = 1.0 if det > 0 else -1.0
    # lambda_i * det = (a_r . adj[:, i]);  r(v_T) * det = c_r det + a_r . w
    sg = SGN[gi]
    lam = np.einsum('rj,rji->ri', ar, ADJ[gi]) * sg[:, None]
    lam_err = MARGIN * np.einsum('rj,rji->ri', np.abs(ar), np.abs(ADJ[gi])) + 1e-300
    cr = R[idx, 0]
    val = (cr * DET[gi] + (ar * W[gi]).sum(axis=1)) * sg
    val_err = MARGIN * (np.abs(cr * DET[gi]) + (np.abs(ar) * np.abs(W[gi])).sum(axis=1)) + 1e-300
    ok &= ~((lam < -lam_err).any(axis=1) | (val < -val_err))
    near = ok & ((np.abs(lam) <= lam_err).any(axis=1) | (np.abs(val) <= val_err))
    for q in np.nonzero(near)[0]:
        r = rows[int(idx[q])]
        adj, det, w = exact[gi[q]]
        sgn = 1 if det > 0 else -1
        if any(sgn * sum(r[1 + j] * adj[j][i] for j in range(n)) < 0 for i in range(n)) or \
                sgn * (r[0] * det + sum(r[1 + j] * w[j] for j in range(n))) < 0:
            ok[q] = False
    return ok


def certified_facet_point(rows, s, y):
    r"""
    Project the float point ``y`` exactly onto the hyperplane of row ``s`` and
    check that every other row is strictly positive there: then row ``s`` is
    a facet and the point lies in its relative interior.

    INPUT: ``rows`` as for :func:`certified_facets`, a row index ``s`` and a
    float point ``y`` (for instance the one :func:`certified_facets` returns)

    OUTPUT: the point as integers ``(Y, D)`` (it is `Y/D`, see
    :func:`as_rational_point`), or ``None`` if the check fails

    EXAMPLES::

        sage: import numpy as np
        sage: from sage_tropnet.certify import certified_facet_point, as_rational_point
        sage: sq = [(1, 1, 0), (1, -1, 0), (1, 0, 1), (1, 0, -1), (3, 1, 1)]
        sage: as_rational_point(certified_facet_point(sq, 0, np.array([-0.9, 0.5])))
        (-1, 1/2)
        sage: certified_facet_point(sq, 0, np.array([-0.9, 1.0])) is None   # a vertex
        True
    """
    rows = [tuple(int(t) for t in r) for r in rows]
    try:
        return _facet_point(rows, np.array([[float(t) for t in r] for r in rows]), s, y)
    except OverflowError:  # integers beyond the float range
        return None


def _facet_point(rows, R, s, y):
    # y = Y / D exactly (dyadic)
    ratios = [t.as_integer_ratio() for t in np.asarray(y, dtype=float).tolist()]
    D = max(q for _, q in ratios)
    Y = [p_ * (D // q) for p_, q in ratios]
    cs, as_ = rows[s][0], rows[s][1:]
    sigma = cs * D + sum(x * y_ for x, y_ in zip(as_, Y))
    N = sum(x * x for x in as_)
    Yp = [N * y_ - sigma * x for y_, x in zip(Y, as_)]
    Dp = D * N
    # float filter around the float point, then exact checks
    a = R[:, 1:]
    yf = np.asarray(y, dtype=float)
    vals = R[:, 0] + a @ yf
    shift = abs(float(sigma) / float(D)) / np.sqrt(float(N)) * (1 + 1e-9)
    err = _bound(np.abs(R), np.append(1.0, np.abs(yf))) + np.sqrt((a * a).sum(axis=1)) * shift
    for k in np.nonzero(vals <= err)[0]:
        if k == s:
            continue
        r = rows[k]
        if r[0] * Dp + sum(x * y_ for x, y_ in zip(r[1:], Yp)) <= 0:
            return None
    return Yp, Dp


def as_rational_point(pt):
    r"""
    Return the point ``(Y, D)`` (integers) of :func:`certified_facets` as a
    tuple of rationals `Y/D`.

    EXAMPLES::

        sage: from sage_tropnet.certify import as_rational_point
        sage: as_rational_point(([2, -3], 4))
        (1/2, -3/4)
    """
    Y, D = pt
    return tuple(QQ((int(t), int(D))) for t in Y)
