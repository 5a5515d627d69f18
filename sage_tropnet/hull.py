r"""
Upper hulls of lifted point configurations

The monomial `c \odot x^e` of a max-plus polynomial owns a full-dimensional
linear region exactly when the lifted point `(e, c)` is a vertex of the
*upper hull*, the polyhedron `\mathrm{conv}\{(e_i, c_i)\} + \mathbb{R}_{\ge 0}
\cdot (0, \dots, 0, -1)`. This module computes those vertices exactly.

ALGORITHM:

Filter in floating point, then certify exactly. First choice: qhull's whole
triangulated hull is certified (exact integer hyperplanes, closedness; see
:func:`certified_hull`), which gives the vertices and the edges at once.
Otherwise scipy's qhull proposes the
vertex set of the lifted points (together with a floor copy of every point, so
that the downward ray is represented); the exact polyhedron of the candidates
is built over `\QQ` with PPL, and every discarded point is checked to lie in
it (a float evaluation with a rigorous error margin settles the clear cases,
the rest are evaluated over `\QQ`). A point that fails is added back and the
certification repeats. Small or degenerate (lower-dimensional) inputs go
straight to PPL. The answer is therefore always exact; floats only speed it
up.

EXAMPLES::

    sage: from sage_tropnet.hull import upper_hull_vertices
    sage: upper_hull_vertices([(0,), (1,), (2,)], [0, -1, 0])
    [0, 2]
    sage: upper_hull_vertices([(0, 0), (2, 0), (0, 2), (1, 1)], [0, 0, 0, -1])
    [0, 1, 2]
    sage: upper_hull_vertices([(0, 0), (2, 0), (0, 2), (1, 1)], [0, 0, 0, 1])
    [0, 1, 2, 3]

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

from sage.rings.rational_field import QQ

from sage_tropnet.misc.linear_algebra import integer_determinant
from sage_tropnet.misc.polyhedra import FLOAT_MARGIN, box_inequalities

#: below this many distinct points the exact computation is used directly
FLOAT_FILTER_THRESHOLD = 40

#: the largest number of (inequality, point) pairs evaluated at once in
#: floating point by the certification of the vertices
VIOLATORS_CHUNK = 4 * 10 ** 6

#: the determinant of :func:`~sage_tropnet.misc.linear_algebra.integer_determinant`
#: under its former name (imported by :mod:`sage_tropnet.certify`)
_idet = integer_determinant


def upper_hull_polyhedron(points, heights):
    r"""
    Return the exact upper hull `\mathrm{conv}\{(e_i, c_i)\} + \mathrm{ray}(-e_{n+1})`.

    INPUT:

    - ``points`` -- list of exponent vectors (rationals)
    - ``heights`` -- list of rationals, one per point

    OUTPUT: a Sage ``Polyhedron`` over `\QQ` (PPL backend)

    EXAMPLES::

        sage: from sage_tropnet.hull import upper_hull_polyhedron
        sage: P = upper_hull_polyhedron([(0,), (1,), (2,)], [0, -1, 0]); P
        A 2-dimensional polyhedron in QQ^2 defined as the convex hull of 2 vertices and 1 ray
    """
    from sage.geometry.polyhedron.constructor import Polyhedron
    pts = [tuple(QQ(a) for a in e) + (QQ(c),) for e, c in zip(points, heights)]
    if not pts:
        raise ValueError("the upper hull of no points is empty")
    ray = [0] * (len(pts[0]) - 1) + [-1]
    return Polyhedron(vertices=pts, rays=[ray], base_ring=QQ, backend='ppl')


def _exact_vertices(pts):
    """
    Return ``(vertices, ieqs)``: the set of indices (into ``pts``) of the
    vertices of the upper hull, and its inequalities ``[c, a...]``
    (equations given as two inequalities). PPL directly (pplpy), exact.
    """
    import math
    from ppl import Generator_System, C_Polyhedron, Linear_Expression, point, ray
    D = len(pts[0])
    gs = Generator_System()
    for p_ in pts:
        den = 1
        for t in p_:
            den = math.lcm(den, int(t.denominator()))
        gs.insert(point(Linear_Expression([int(t * den) for t in p_], 0), den))
    gs.insert(ray(Linear_Expression([0] * (D - 1) + [-1], 0)))
    P = C_Polyhedron(gs)
    index = {p_: i for i, p_ in enumerate(pts)}
    verts = set()
    for g in P.minimized_generators():
        if g.is_point():
            d = QQ(g.divisor())
            verts.add(index[tuple(QQ(c) / d for c in g.coefficients())])
    ieqs = []
    for c in P.minimized_constraints():
        row = [QQ(c.inhomogeneous_term())] + [QQ(a) for a in c.coefficients()]
        ieqs.append(row)
        if c.is_equality():
            ieqs.append([-a for a in row])
    return verts, ieqs


def _float_candidates(pts):
    """
    Return candidate vertex indices from qhull, or ``None`` when qhull cannot
    handle the configuration (lower-dimensional, too few points).
    """
    import numpy as np
    try:
        from scipy.spatial import ConvexHull, QhullError
    except ImportError:  # pragma: no cover
        return None
    X = np.array([[float(a) for a in p] for p in pts])
    m, d = X.shape
    if d == 1 or m <= d + 1:
        return None
    if not np.isfinite(X).all() or np.abs(X).max() > 1e150:
        return None  # beyond the float range (or squares overflow): exact only
    lo, hi = X[:, -1].min(), X[:, -1].max()
    floor = X.copy()
    floor[:, -1] = lo - 1.0 - (hi - lo)
    try:
        hull = ConvexHull(np.vstack([X, floor]))
    except (QhullError, ValueError):  # qhull failed (flat, degenerate); NaN coordinates
        return None
    return set(int(i) for i in hull.vertices if i < m)


def _normal5(rows):
    r"""
    The signed maximal minors `N_j = (-1)^j \det(M \setminus \text{column } j)`
    of a `4 \times 5` integer matrix (a normal of the hyperplane through the
    origin and its rows), by Laplace expansion along complementary
    `2 \times 2` minors.
    """
    a, b, c, d = rows
    P = [a[i] * b[j] - a[j] * b[i] for i, j in _PAIRS5]
    Q = [c[i] * d[j] - c[j] * d[i] for i, j in _PAIRS5]
    return [P[4] * Q[9] - P[5] * Q[8] + P[6] * Q[7] + P[7] * Q[6] - P[8] * Q[5] + P[9] * Q[4],
            -(P[1] * Q[9] - P[2] * Q[8] + P[3] * Q[7] + P[7] * Q[3] - P[8] * Q[2] + P[9] * Q[1]),
            P[0] * Q[9] - P[2] * Q[6] + P[3] * Q[5] + P[5] * Q[3] - P[6] * Q[2] + P[9] * Q[0],
            -(P[0] * Q[8] - P[1] * Q[6] + P[3] * Q[4] + P[4] * Q[3] - P[6] * Q[1] + P[8] * Q[0]),
            P[0] * Q[7] - P[1] * Q[5] + P[2] * Q[4] + P[4] * Q[2] - P[5] * Q[1] + P[7] * Q[0]]


_PAIRS5 = [(0, 1), (0, 2), (0, 3), (0, 4), (1, 2), (1, 3), (1, 4), (2, 3), (2, 4), (3, 4)]


def certified_hull(pts):
    r"""
    Return ``(vertices, adjacency)`` of the upper hull of the distinct lifted
    points ``pts`` (tuples of rationals, the last coordinate the height),
    found by qhull and certified exactly, or ``None`` when the certificate
    cannot be made (the callers then use PPL).

    See :func:`_certified_hull_impl` for the certificate; ``None`` also when
    the numbers overflow floats.

    EXAMPLES:

    The lifted points of `\max(0, x, y, xy - 5, x^2y^2 - 1)`: the point of
    `xy` is below the upper hull, the others are vertices; the hull graph
    joins them::

        sage: from sage_tropnet.hull import certified_hull
        sage: pts = [(0, 0, 0), (1, 0, 0), (0, 1, 0), (1, 1, -5), (2, 2, -1)]
        sage: V, adj = certified_hull([tuple(QQ(t) for t in p) for p in pts])
        sage: sorted(V), sorted(adj[4])
        ([0, 1, 2, 4], [1, 2])
    """
    try:
        return _certified_hull_impl(pts)
    except OverflowError:  # integers beyond the float range: use PPL
        return None


def _certified_hull_impl(pts):
    r"""
    Return ``(vertices, adjacency)`` of the upper hull of the distinct lifted
    points ``pts`` from qhull with an exact certificate, or ``None``.

    Certificate: qhull's triangulated hull of the points and of an apex far
    below their centroid (below every upper facet) is checked exactly: (1) the
    hyperplane of every simplex, computed exactly over the integers, has all
    points on one side; (2) every ridge lies in exactly two simplices. The
    simplices then form a closed pseudomanifold inside the boundary of the
    polytope `\Pi` cut out by their halfspaces, so (as a mod-2 cycle that is
    nonzero: (3) some simplex is alone on its hyperplane, so a point of its
    interior is covered once) they cover that boundary, and `\Pi` is the
    convex hull of the points. An upper simplex (normal pointing up) alone on
    its hyperplane is a whole facet of the upper hull: its vertices are
    vertices and its edges are edges. A point only on non-simplicial upper
    facets is a vertex iff the exact normals of the simplices through it have
    full rank; the edges are then not returned (``adj`` is ``None``). If a
    check fails (degenerate or numerically hard input) ``None`` is returned
    and the caller uses PPL.
    """
    import math
    import numpy as np
    try:
        from scipy.spatial import ConvexHull, QhullError
    except ImportError:  # pragma: no cover
        return None
    m, D = len(pts), len(pts[0])
    if D < 3 or m <= D:
        return None
    dens = [1] * D
    for p in pts:
        for j, t in enumerate(p):
            dens[j] = math.lcm(dens[j], int(t.denominator()))
    # exact integer coordinates, scaled by the column denominators and by m
    # (computed only for the points that need them)
    hmin = int(min(p[-1] for p in pts) * dens[-1]) * m
    hmax = int(max(p[-1] for p in pts) * dens[-1]) * m
    L = hmin - m - (hmax - hmin)
    # one apex below the centroid
    apex_z = [int(sum(p[j] for p in pts) * dens[j]) for j in range(D - 1)] + [L]
    zcache = {m: apex_z}

    def zrow(i):
        z = zcache.get(i)
        if z is None:
            z = zcache[i] = [int(t * dens[j]) * m for j, t in enumerate(pts[i])]
        return z
    X = np.array([[float(a) for a in p] for p in pts])
    if not np.isfinite(X).all() or np.abs(X).max() > 1e150:
        return None  # beyond the float range: exact only
    try:
        if max(dens) > 2 ** 200:
            return None  # keep every float below of the overflow range
        apex = np.append(X[:, :-1].mean(axis=0), float(QQ(L) / (m * dens[-1])))
        hull = ConvexHull(np.vstack([X, apex]))
    except (QhullError, ValueError):  # qhull failed (flat, degenerate); NaN coordinates
        return None
    simp = hull.simplices
    F = len(simp)
    # (2) closed: every ridge in exactly two simplices
    S = np.sort(simp, axis=1)
    ridges = np.vstack([np.delete(S, k, axis=1) for k in range(D)])
    _, counts = np.unique(ridges, axis=0, return_counts=True)
    if not (counts == 2).all():
        return None
    # (1) exact hyperplanes, oriented like qhull's outward normals
    dens_f = np.array([float(d) for d in dens])
    normals, offsets = [], []
    for f in range(F):
        q = [zrow(int(i)) for i in simp[f]]
        q0 = q[0]
        rows = [[a - b for a, b in zip(qk, q0)] for qk in q[1:]]
        N = _normal5(rows) if D == 5 else \
            [(-1) ** j * integer_determinant([r[:j] + r[j + 1:] for r in rows]) for j in range(D)]
        if not any(N):
            return None
        if float(np.dot([float(t) for t in N], hull.equations[f, :D] / dens_f)) < 0:
            N = [-t for t in N]
        normals.append(N)
        offsets.append(sum(a * b for a, b in zip(N, q0)))
    Zf = np.vstack([X * (np.array([float(d) for d in dens]) * m),
                    [float(t) for t in apex_z]])
    absZ = np.abs(Zf)
    Nf = np.array([[float(t) for t in N] for N in normals])
    Of = np.array([float(o) for o in offsets])
    Nobj = np.empty((F, D), dtype=object)
    Nobj[:] = normals
    Oobj = np.empty(F, dtype=object)
    Oobj[:] = offsets
    member = np.zeros((F, m + 1), dtype=bool)
    member[np.repeat(np.arange(F), D), simp.ravel()] = True
    chunk = max(1, 4000000 // (m + 1))
    for f0 in range(0, F, chunk):
        f1 = min(F, f0 + chunk)
        V = Nf[f0:f1] @ Zf.T - Of[f0:f1, None]
        err = FLOAT_MARGIN * (np.abs(Nf[f0:f1]) @ absZ.T + np.abs(Of[f0:f1, None])) + 1e-300
        if (V > err).any():
            return None
        near = (np.abs(V) <= err) & ~member[f0:f1]
        fs, ids = np.nonzero(near)
        if len(fs):
            # exact values, vectorised over Python integers (object arrays)
            Zobj = np.empty((len(ids), D), dtype=object)
            Zobj[:] = [zrow(int(i)) for i in ids]
            vals = (Zobj * Nobj[fs + f0]).sum(axis=1) - Oobj[fs + f0]
            if (vals > 0).any():
                return None
    # (3) hyperplanes: a simplex alone on its hyperplane is a whole facet
    keys = []
    for f in range(F):
        g = 0
        for t in normals[f]:
            g = math.gcd(g, t)
        keys.append(tuple(t // g for t in normals[f]) + (offsets[f] // g,))
    count = {}
    for k in keys:
        count[k] = count.get(k, 0) + 1
    if 1 not in count.values():
        return None  # the covering argument needs one facet that is a single simplex
    upper = [f for f in range(F) if normals[f][-1] > 0]
    verts = set()
    adj = {}
    merged = set()
    for f in upper:
        vs = [int(i) for i in simp[f]]
        if max(vs) >= m:
            return None  # an upper simplex through the apex: impossible
        if count[keys[f]] > 1:
            merged.update(vs)
            continue
        verts.update(vs)
        for i in vs:
            adj.setdefault(i, set()).update(j for j in vs if j != i)
    if merged:
        adj = None  # edges of non-simplicial facets: not computed here
    merged -= verts
    if merged:
        # points only on non-simplicial facets: a vertex iff the hyperplanes of
        # the facets through it span (the normal cone is full-dimensional)
        from sage.matrix.constructor import matrix
        from sage.rings.integer_ring import ZZ
        through = {}
        for f in range(F):
            for i in simp[f]:
                if int(i) in merged:
                    through.setdefault(int(i), set()).add(keys[f][:-1])
        for i, ns in through.items():
            if len(ns) >= D and matrix(ZZ, sorted(ns)).rank() == D:
                verts.add(i)
    return verts, adj


def _violators(ieqs, pts):
    r"""
    Return the indices of the points violating one of the inequalities
    ``r[0] + r[1:] . p >= 0``, decided exactly.

    A float evaluation settles every pair whose value is clearly positive
    (beyond a rigorous bound on the rounding error); the others (and every
    pair whose float value overflows or is not a number) are evaluated over
    `\QQ`. The points are taken in chunks, so that the float arrays stay
    bounded (at most :data:`VIOLATORS_CHUNK` pairs at a time).
    """
    import numpy as np
    if not ieqs or not pts:
        return []
    with np.errstate(all='ignore'):
        R = np.array([[float(a) for a in r] for r in ieqs])
        scale = np.abs(R).max(axis=1)
        scale[(scale == 0) | ~np.isfinite(scale)] = 1.0
        R /= scale[:, None]
        absR = np.abs(R)
        step = max(1, VIOLATORS_CHUNK // len(ieqs))
        bad = set()
        for k0 in range(0, len(pts), step):
            chunk = pts[k0:k0 + step]
            Y = np.array([[1.0] + [float(a) for a in p] for p in chunk])
            V = R @ Y.T
            err = (absR @ np.abs(Y).T) * 1e-9 + 1e-300
            rows, cols = np.nonzero(~(V > err) | ~np.isfinite(V) | ~np.isfinite(err))
            for r, k in zip(rows.tolist(), cols.tolist()):
                k += k0
                if k in bad:
                    continue
                ie = ieqs[r]
                p = pts[k]
                if ie[0] + sum(a * x for a, x in zip(ie[1:], p)) < 0:
                    bad.add(k)
    return sorted(bad)


def _certify(pts, cands):
    """
    Return the exact upper-hull vertex set, starting from a candidate set.
    """
    while True:
        cand_list = sorted(cands)
        verts, ieqs = _exact_vertices([pts[i] for i in cand_list])
        verts = set(cand_list[i] for i in verts)
        others = [i for i in range(len(pts)) if i not in cands]
        if not others:
            return verts
        bad = _violators(ieqs, [pts[i] for i in others])
        bad = [others[k] for k in bad]
        if not bad:
            return verts
        cands = set(cands) | set(bad)


def upper_hull_vertices(points, heights):
    r"""
    Return the indices of the points whose lift is a vertex of the upper hull.

    Repeated exponents are allowed: among the copies of one exponent only those
    with the largest height can be vertices, and all of those copies are
    returned (this is the "strong elimination" of [LWCBM2024]_, which keeps
    every copy whose region is full-dimensional).

    INPUT:

    - ``points`` -- list of exponent vectors with rational entries
    - ``heights`` -- list of rationals (the tropical coefficients)

    OUTPUT: sorted list of indices

    EXAMPLES::

        sage: from sage_tropnet.hull import upper_hull_vertices
        sage: upper_hull_vertices([(0, 0), (1, 0), (1, 0), (2, 0)], [0, 1, 1, 0])
        [0, 1, 2, 3]
        sage: upper_hull_vertices([(0, 0), (1, 0), (1, 0), (2, 0)], [0, 0, -1, 0])
        [0, 3]
        sage: upper_hull_vertices([], [])
        []

    ALGORITHM: see the module documentation.

    REFERENCES:

    - [Zie1995]_ (regular subdivisions), [ZNL2018]_
    """
    points = [tuple(QQ(a) for a in e) for e in points]
    heights = [QQ(c) for c in heights]
    if not points:
        return []
    best = {}
    for i, (e, c) in enumerate(zip(points, heights)):
        if e not in best or c > best[e]:
            best[e] = c
    distinct = sorted(best)
    if len(distinct) == 1:
        verts = {0}
    else:
        pts = [e + (best[e],) for e in distinct]
        cands = cert = None
        if len(pts) > FLOAT_FILTER_THRESHOLD:
            cert = certified_hull(pts)
            if cert is None:
                cands = _float_candidates(pts)
        if cert is not None:
            verts = cert[0]
        elif cands is None:
            verts = _exact_vertices(pts)[0]
        else:
            verts = _certify(pts, cands)
    keep = set(distinct[i] for i in verts)
    return [i for i, (e, c) in enumerate(zip(points, heights))
            if e in keep and c == best[e]]


def upper_hull_graph(points, heights):
    r"""
    Return the upper-hull vertices and their adjacency (the edges of the upper hull).

    The lifted points must have distinct exponents. Two vertices are adjacent
    exactly when the linear regions of their monomials share a facet.

    OUTPUT: a pair ``(keep, adj)``: ``keep`` is the sorted list of indices of
    the vertices, and ``adj[i]`` lists the positions (in ``keep``) adjacent to
    position ``i``

    EXAMPLES::

        sage: from sage_tropnet.hull import upper_hull_graph
        sage: upper_hull_graph([(0,), (1,), (2,), (3,)], [0, 1, -5, 0])
        ([0, 1, 3], {0: [1], 1: [0, 2], 2: [1]})
        sage: upper_hull_graph([(0, 0)], [4])
        ([0], {0: []})
    """
    allpts = [tuple(QQ(a) for a in e) + (QQ(c),) for e, c in zip(points, heights)]
    if len(set(p[:-1] for p in allpts)) == len(allpts) and len(allpts) > FLOAT_FILTER_THRESHOLD:
        # one certified hull gives the vertices and the edges at once
        cert = certified_hull(allpts)
        if cert is not None and cert[1] is not None:
            verts, A = cert
            keep = sorted(verts)
            pos = {k: i for i, k in enumerate(keep)}
            return keep, {pos[k]: sorted(pos[j] for j in A.get(k, ())) for k in keep}
    keep = upper_hull_vertices(points, heights)
    if len(keep) <= 1:
        return keep, {i: [] for i in range(len(keep))}
    pts = [tuple(QQ(a) for a in points[k]) + (QQ(heights[k]),) for k in keep]
    if len(set(pts)) != len(pts):
        raise ValueError("upper_hull_graph needs distinct exponents (merge the polynomial first)")
    P = upper_hull_polyhedron([p[:-1] for p in pts], [p[-1] for p in pts])
    index = {p: i for i, p in enumerate(pts)}
    adj = {i: [] for i in range(len(pts))}
    for v in P.vertex_generator():
        i = index[tuple(v)]
        adj[i] = sorted(index[tuple(w)] for w in v.neighbors() if w.is_vertex())
    return keep, adj


def cube_inequalities(R, n):
    r"""
    Return the inequalities ``[c, a_1, ..., a_n]`` (meaning `c + a \cdot x \ge 0`)
    of the box `[-R, R]^n`.

    This is :func:`~sage_tropnet.misc.polyhedra.box_inequalities` for a
    half-width `R`, under its former name.

    EXAMPLES::

        sage: from sage_tropnet.hull import cube_inequalities
        sage: cube_inequalities(2, 2)
        [[2, 1, 0], [2, -1, 0], [2, 0, 1], [2, 0, -1]]
        sage: cube_inequalities(-1, 2)
        Traceback (most recent call last):
        ...
        ValueError: the box half-width must be positive, got -1
    """
    return box_inequalities(QQ(R), n)
