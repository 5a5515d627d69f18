r"""
Upper hulls of lifted point configurations

The monomial `c \odot x^e` of a max-plus polynomial owns a full-dimensional
linear region exactly when the lifted point `(e, c)` is a vertex of the
*upper hull*, the polyhedron `\mathrm{conv}\{(e_i, c_i)\} + \mathbb{R}_{\ge 0}
\cdot (0, \dots, 0, -1)`. This module computes those vertices exactly.

ALGORITHM:

Filter in floating point, then certify exactly. scipy's qhull proposes the
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

#: below this many distinct points the exact computation is used directly
FLOAT_FILTER_THRESHOLD = 40


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
    Return the set of indices (into ``pts``) that are vertices of the upper hull.
    """
    P = upper_hull_polyhedron([p[:-1] for p in pts], [p[-1] for p in pts])
    index = {p: i for i, p in enumerate(pts)}
    return set(index[tuple(v)] for v in P.vertex_generator()), P


def _float_candidates(pts):
    """
    Return candidate vertex indices from qhull, or ``None`` when qhull cannot
    handle the configuration (lower-dimensional, too few points).
    """
    import numpy as np
    try:
        from scipy.spatial import ConvexHull
    except ImportError:  # pragma: no cover
        return None
    X = np.array([[float(a) for a in p] for p in pts])
    m, d = X.shape
    if d == 1 or m <= d + 1:
        return None
    lo, hi = X[:, -1].min(), X[:, -1].max()
    floor = X.copy()
    floor[:, -1] = lo - 1.0 - (hi - lo)
    try:
        hull = ConvexHull(np.vstack([X, floor]))
    except Exception:
        return None
    return set(int(i) for i in hull.vertices if i < m)


def _violators(ieqs, pts):
    r"""
    Return the indices of the points violating one of the inequalities
    ``r[0] + r[1:] . p >= 0``, decided exactly.

    A float evaluation settles every pair whose value is clearly positive
    (beyond a rigorous bound on the rounding error); the others are evaluated
    over `\QQ`.
    """
    import numpy as np
    if not ieqs or not pts:
        return []
    R = np.array([[float(a) for a in r] for r in ieqs])
    scale = np.abs(R).max(axis=1)
    scale[scale == 0] = 1.0
    R /= scale[:, None]
    Y = np.array([[1.0] + [float(a) for a in p] for p in pts])
    V = R @ Y.T
    err = (np.abs(R) @ np.abs(Y).T) * 1e-9 + 1e-300
    rows, cols = np.nonzero(V <= err)
    bad = set()
    for r, k in zip(rows.tolist(), cols.tolist()):
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
        verts, P = _exact_vertices([pts[i] for i in cand_list])
        verts = set(cand_list[i] for i in verts)
        others = [i for i in range(len(pts)) if i not in cands]
        if not others:
            return verts
        ieqs = P.inequalities_list() + P.equations_list() \
            + [[-a for a in e] for e in P.equations_list()]
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
        cands = None
        if len(pts) > FLOAT_FILTER_THRESHOLD:
            cands = _float_candidates(pts)
        if cands is None:
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

    EXAMPLES::

        sage: from sage_tropnet.hull import cube_inequalities
        sage: cube_inequalities(2, 2)
        [[2, 1, 0], [2, -1, 0], [2, 0, 1], [2, 0, -1]]
        sage: cube_inequalities(-1, 2)
        Traceback (most recent call last):
        ...
        ValueError: the box half-width must be positive, got -1
    """
    R = QQ(R)
    if R <= 0:
        raise ValueError("the box half-width must be positive, got %s" % R)
    out = []
    for i in range(n):
        e = [0] * n
        e[i] = 1
        out.append([R] + e)
        out.append([R] + [-a for a in e])
    return out
