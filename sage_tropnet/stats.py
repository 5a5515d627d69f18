r"""
Statistics of linear regions and of their polyhedral complex

For a tropical map or a network (one output), this module reports, exactly
over `\QQ` wherever possible:

- per linear region (:func:`region_statistics`): number of cells,
  boundedness in `\RR^n`, volume, an inscribed `\ell_\infty` ball of maximal
  radius (Chebyshev centre and radius), the affine map, the number of
  vertices and facets;
- for the polyhedral complex of the cells (:func:`complex_statistics`): the
  `f`-vector and Euler characteristic, the vertices, the edges with their
  lengths and directions, and the gradient jump across every facet between
  two different linear regions;
- the same as a pandas table (:func:`statistics_table`), a histogram of
  volumes (:func:`plot_statistics`) and a JSON-serialisable dictionary
  (:func:`statistics_json`, used by ``sage-tropnet regions --stats``).

The regions come from :func:`~sage_tropnet.regions.linear_regions`: cells are
exact polyhedra, already cut by the box when one is given. Boundedness is a
property of the region in `\RR^n`: with a box, the regions of `\RR^n` are
computed as well and every region of the box inherits the boundedness of the
region of `\RR^n` it is part of (a region of `\RR^n` may fall apart into
several regions of the box). Volumes, Chebyshev balls, vertices, facets and
edges are those of the cells inside the box (in `\RR^n` when there is no
box; an unbounded region then has volume ``None``, meaning `+\infty`).

The cells of the tropical route (common refinements of two regular
subdivisions) and of the activation route form a polyhedral complex: two
cells meet in a common face. Faces are identified across cells by an exact
canonical key, so every face of the complex is counted once. Facets shared
by two cells are found by their supporting hyperplane, and a facet that is
only partly shared (which cannot happen in a polyhedral complex) is still
handled, by exact intersection.

EXAMPLES:

The 1-dimensional example of TropicalNN.jl, `f = \max(0, 1 + x, 1 + 2x)`::

    sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
    sage: from sage_tropnet.stats import region_statistics, complex_statistics
    sage: x, = TP.gens(1)
    sage: f = 0 + x*1 + x**2*1
    sage: S = sorted(region_statistics(f), key=lambda s: s["gradient"])
    sage: [(s["gradient"], s["bounded"], s["volume"]) for s in S]
    [((0), False, None), ((1), True, 1), ((2), False, None)]
    sage: C = complex_statistics(f)
    sage: C["vertices"], C["f_vector"], C["euler_characteristic"]
    ([(-1), (0)], (2, 3), -1)

In the box `[-2, 2]` the volumes add up to the length of the box::

    sage: S = region_statistics(f, box=2)
    sage: sorted(s["volume"] for s in S), sum(s["volume"] for s in S)
    ([1, 1, 2], 4)

AUTHORS:

- sage_tropnet developers (2026-11): initial version

REFERENCES:

- [LWCBM2024]_ (TropicalNN.jl: region statistics)
- [STR2018]_
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

from sage.rings.rational_field import QQ
from sage.matrix.constructor import matrix
from sage.modules.free_module_element import vector

from sage_tropnet.network import ReLUNetwork
from sage_tropnet.regions import linear_regions
from sage_tropnet.misc.linear_algebra import primitive_row
from sage_tropnet.misc.formatting import json_number
from sage_tropnet.lp import exact_lp_minimize


# ---------------------------------------------------------------------------
# computing the regions (once)
# ---------------------------------------------------------------------------

def _compute(obj, box, method, output, adjacency, seed, progress, check_bounded):
    r"""
    Return ``(regions, bounded)``: the linear regions (in the box if given)
    and, for each of them, whether its region of `\RR^n` is bounded
    (``None`` if not computed).
    """
    if output is None:
        raise ValueError("statistics need a single output: pass output=k")
    if (box is not None and check_bounded and method == 'tropical'
            and isinstance(obj, ReLUNetwork) and 0 <= output < obj.output_dimension()):
        obj, output = obj.tropicalize()[output], 0  # tropicalize once, not twice
    kw = dict(method=method, adjacency=adjacency, output=output, seed=seed,
              progress=progress)
    regions = linear_regions(obj, box=box, **kw)
    if box is None:
        return regions, [r.is_bounded() for r in regions]
    if not check_bounded:
        return regions, [None] * len(regions)
    # the cells of the box are the cells of R^n met by the box, with the same keys
    whole = {}
    for r in linear_regions(obj, box=None, **kw):
        b = r.is_bounded()
        for key in r.patterns:
            whole[key] = b
    return regions, [whole[r.patterns[0]] for r in regions]


# ---------------------------------------------------------------------------
# exact faces
# ---------------------------------------------------------------------------

def _face_key(vertices, rays, lines):
    r"""
    Return a canonical key of the polyhedron with this V-representation.

    The lineality space is put in reduced echelon form; vertices and rays are
    projected orthogonally onto its complement (rays scaled to primitive
    integer vectors), which makes them unique.

    TESTS::

        sage: from sage_tropnet.stats import _face_key
        sage: _face_key([vector(QQ, [0, 0])], [vector(QQ, [2, 0])], []) == \
        ....:     _face_key([vector(QQ, [0, 0])], [vector(QQ, [1/3, 0])], [])
        True
        sage: _face_key([vector(QQ, [1, 0])], [], [vector(QQ, [1, 1])]) == \
        ....:     _face_key([vector(QQ, [3, 2])], [], [vector(QQ, [-2, -2])])
        True
    """
    if lines:
        B = matrix(QQ, lines).echelon_form()
        B = B.matrix_from_rows([i for i in range(B.nrows()) if not B.row(i).is_zero()])
        G = (B * B.transpose()).inverse()

        def proj(v):
            return v - B.transpose() * (G * (B * v))
        lkey = tuple(tuple(r) for r in B.rows())
    else:
        def proj(v):
            return v
        lkey = ()
    return (lkey, frozenset(tuple(proj(v)) for v in vertices),
            frozenset(primitive_row(list(proj(r))) for r in rays))


def _faces(P, k):
    r"""
    Return the ``k``-dimensional faces of ``P`` as ``(key, vertices, rays, lines)``.
    """
    out = []
    for F in P.faces(k):
        vs = [v.vector() for v in F.vertices()]
        rs = [r.vector() for r in F.rays()]
        ls = [l.vector() for l in F.lines()]
        out.append((_face_key(vs, rs, ls), vs, rs, ls))
    return out


def _facets(P):
    r"""
    Return the facets of a full-dimensional polyhedron ``P`` as
    ``(oriented inequality, key, vertices, rays, lines)``.
    """
    lines = [l.vector() for l in P.lines()]
    out = []
    for h in P.inequality_generator():
        inc = list(h.incident())
        vs = [g.vector() for g in inc if g.is_vertex()]
        rs = [g.vector() for g in inc if g.is_ray()]
        out.append((primitive_row(h.vector()), _face_key(vs, rs, lines), vs, rs, lines))
    return out


def _facet_pairs(cells):
    r"""
    Return the pairs of cells sharing an `(n-1)`-dimensional piece of facet.

    OUTPUT: a list of ``(i, fi, j, fj)``: facet ``fi`` of ``cells[i]`` and
    facet ``fj`` of ``cells[j]`` (lists as in :func:`_facets`) overlap in
    dimension `n - 1`; and the list of the facets of every cell.

    TESTS::

        sage: from sage_tropnet.stats import _facet_pairs
        sage: A = Polyhedron(vertices=[(0, 0), (2, 0), (0, 1), (2, 1)], base_ring=QQ)
        sage: B = Polyhedron(vertices=[(0, 1), (1, 1), (0, 2), (1, 2)], base_ring=QQ)
        sage: C = Polyhedron(vertices=[(1, 1), (2, 1), (1, 2), (2, 2)], base_ring=QQ)
        sage: sorted((i, j) for i, _, j, _ in _facet_pairs([A, B, C])[0])
        [(0, 1), (0, 2), (1, 2)]
    """
    from sage.geometry.polyhedron.constructor import Polyhedron
    facets = [_facets(P) for P in cells]
    n = cells[0].ambient_dim() if cells else 0
    by_plane = {}
    for i, fs in enumerate(facets):
        for fi, (h, key, _, _, _) in enumerate(fs):
            neg = tuple(-t for t in h)
            plane = max(h, neg)
            by_plane.setdefault(plane, ([], []))[0 if h == plane else 1].append((i, fi, key))
    pairs = []
    for side0, side1 in by_plane.values():
        if not side0 or not side1:
            continue
        # polyhedral complex: the facet of the other side is the same face
        keys1 = {key: (j, fj) for j, fj, key in side1}
        left0, matched1 = [], set()
        for i, fi, key in side0:
            if key in keys1:
                j, fj = keys1[key]
                matched1.add((j, fj))
                pairs.append((i, fi, j, fj) if i < j else (j, fj, i, fi))
            else:
                left0.append((i, fi))
        left1 = [(j, fj) for j, fj, _ in side1 if (j, fj) not in matched1]
        # otherwise: exact overlap of the remaining facets
        for i, fi in left0:
            Fi = Polyhedron(vertices=facets[i][fi][2], rays=facets[i][fi][3],
                            lines=facets[i][fi][4], base_ring=QQ, backend='ppl')
            for j, fj in left1:
                Fj = Polyhedron(vertices=facets[j][fj][2], rays=facets[j][fj][3],
                                lines=facets[j][fj][4], base_ring=QQ, backend='ppl')
                if Fi.intersection(Fj).dim() == n - 1:
                    pairs.append((i, fi, j, fj) if i < j else (j, fj, i, fi))
    pairs.sort()
    return pairs, facets


# ---------------------------------------------------------------------------
# per region
# ---------------------------------------------------------------------------

def chebyshev_ball(P):
    r"""
    Return the centre and the radius of a largest `\ell_\infty` ball inside
    the polyhedron ``P``, exactly.

    With ``P`` `= \{x : b_i + \langle a_i, x\rangle \ge 0\}`, the ball
    `x + [-r, r]^n` lies in ``P`` if and only if
    `-\langle a_i, x\rangle + r \|a_i\|_1 \le b_i` for all `i`, so the radius
    is the optimum of one linear program over `\QQ` (the Euclidean ball
    would need `\|a_i\|_2`, which is irrational in general).

    INPUT:

    - ``P`` -- a full-dimensional polyhedron over `\QQ`

    OUTPUT: a pair ``(center, radius)`` (a vector and a rational); ``(None,
    None)`` if balls of every radius fit (for instance in a half-space). The
    centre lies in the interior of ``P``.

    EXAMPLES::

        sage: from sage_tropnet.stats import chebyshev_ball
        sage: T = Polyhedron(vertices=[(0, 0), (4, 0), (0, 4)], base_ring=QQ)
        sage: chebyshev_ball(T)
        ((1, 1), 1)
        sage: chebyshev_ball(Polyhedron(ieqs=[(1, 1, 0), (1, -1, 0)], base_ring=QQ))[1]
        1
        sage: chebyshev_ball(Polyhedron(ieqs=[(0, 1, 0)], base_ring=QQ))
        (None, None)

    TESTS::

        sage: chebyshev_ball(Polyhedron(vertices=[(0, 0), (1, 0)], base_ring=QQ))
        Traceback (most recent call last):
        ...
        ValueError: the polyhedron must be full-dimensional
    """
    n = P.ambient_dim()
    if P.dim() < n:
        raise ValueError("the polyhedron must be full-dimensional")
    A_ub, b_ub = [], []
    for ie in P.inequalities_list():
        a = [QQ(t) for t in ie[1:]]
        A_ub.append([-t for t in a] + [sum(abs(t) for t in a)])
        b_ub.append(QQ(ie[0]))
    try:
        value, point = exact_lp_minimize([0] * n + [-1], A_ub, b_ub,
                                         lower_bounds=[None] * n + [0])
    except ValueError as e:
        if "unbounded" in str(e):
            return None, None
        raise
    return vector(QQ, point[:n]), -value


def _region_record(index, region, bounded, n, have_box):
    r"""
    Return the statistics of one region (see :func:`region_statistics`).
    """
    cells = region.cells
    if have_box or bounded:
        volume = sum((P.volume() for P in cells), QQ(0))
    else:
        volume = None
    center, radius = None, QQ(-1)
    for P in cells:
        c, r = chebyshev_ball(P)
        if r is None:
            center, radius = None, None
            break
        if r > radius:
            center, radius = c, r
    vertices = set()
    for P in cells:
        vertices.update(key for key, _, _, _ in _faces(P, 0))
    pairs, facets = _facet_pairs(cells)
    shared = set((i, fi) for i, fi, _, _ in pairs) | set((j, fj) for _, _, j, fj in pairs)
    return {"index": index,
            "cells": len(cells),
            "bounded": bounded,
            "volume": volume,
            "chebyshev_center": center,
            "chebyshev_radius": radius,
            "gradient": region.gradient,
            "constant": region.constant,
            "n_vertices": len(vertices),
            "n_facets": sum(len(fs) for fs in facets) - len(shared)}


def region_statistics(obj, box=None, method='auto', output=0, adjacency='facet',
                      check_bounded=True, seed=0, progress=False):
    r"""
    Return statistics of every linear region of ``obj``, exactly.

    INPUT:

    - ``obj`` -- a network or a tropical map, as for
      :func:`~sage_tropnet.regions.linear_regions`
    - ``box`` -- (default: ``None``) ``None`` (all of `\RR^n`), a positive
      number `R` (the box `[-R, R]^n`) or a full-dimensional polyhedron
    - ``method``, ``output``, ``adjacency``, ``seed``, ``progress`` -- as for
      :func:`~sage_tropnet.regions.linear_regions` (``output`` must be an
      integer)
    - ``check_bounded`` -- boolean (default: ``True``); with a box, also
      compute the regions of `\RR^n` to tell which regions are bounded
      (otherwise ``"bounded"`` is ``None``)

    OUTPUT: a list of dictionaries, one per region (in the order of
    :func:`~sage_tropnet.regions.linear_regions`), with keys

    - ``"index"`` -- the position of the region in that list
    - ``"cells"`` -- the number of cells glued into the region
    - ``"bounded"`` -- whether the region (of `\RR^n`, see the module
      documentation) is bounded
    - ``"volume"`` -- the exact volume of its cells (inside the box);
      ``None`` (infinite) for an unbounded region without a box
    - ``"chebyshev_center"``, ``"chebyshev_radius"`` -- a largest
      `\ell_\infty` ball `c + [-r, r]^n` inside one cell of the region, over
      all its cells (see :func:`chebyshev_ball`); ``None`` if it is infinite
    - ``"gradient"``, ``"constant"`` -- the affine map
      `x \mapsto \langle g, x\rangle + c` on the region
    - ``"n_vertices"`` -- the number of distinct vertices of its cells
    - ``"n_facets"`` -- the number of facets of its cells not shared with
      another cell of the region (so, with a box, facets on the boundary of
      the box count)

    EXAMPLES::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.stats import region_statistics
        sage: net = ReLUNetwork([([[1, 0], [0, 1], [-1, -1]], [0, 0, 1]), ([[1, 1, 1]], [0])])
        sage: S = region_statistics(net, box=2)
        sage: len(S), sum(s["volume"] for s in S)
        (7, 16)
        sage: [s for s in S if s["bounded"]]
        [{'bounded': True,
          'cells': 1,
          'chebyshev_center': (1/4, 1/4),
          'chebyshev_radius': 1/4,
          'constant': 1,
          'gradient': (0, 0),
          'index': 3,
          'n_facets': 3,
          'n_vertices': 3,
          'volume': 1/2}]

    Without a box, unbounded regions have no volume::

        sage: S = region_statistics(net)
        sage: sorted((s["bounded"], s["volume"]) for s in S)
        [(False, None), (False, None), (False, None), (False, None), (False, None),
         (False, None), (True, 1/2)]

    TESTS::

        sage: region_statistics(net, box=2, check_bounded=False)[0]["bounded"] is None
        True
        sage: region_statistics(net, method='activation', output=None)
        Traceback (most recent call last):
        ...
        ValueError: statistics need a single output: pass output=k
    """
    regions, bounded = _compute(obj, box, method, output, adjacency, seed, progress,
                                check_bounded)
    n = regions[0].cells[0].ambient_dim()
    return [_region_record(k, r, b, n, box is not None)
            for k, (r, b) in enumerate(zip(regions, bounded))]


# ---------------------------------------------------------------------------
# the complex
# ---------------------------------------------------------------------------

def _complex_record(regions):
    r"""
    Return the statistics of the complex of the cells of ``regions`` (see
    :func:`complex_statistics`).
    """
    cells, owner = [], []
    for k, r in enumerate(regions):
        cells.extend(r.cells)
        owner.extend([k] * len(r.cells))
    n = cells[0].ambient_dim()
    faces = [dict() for _ in range(n + 1)]
    for P in cells:
        for k in range(n + 1):
            for key, vs, rs, ls in _faces(P, k):
                faces[k].setdefault(key, (vs, rs, ls))
    f_vector = tuple(len(faces[k]) for k in range(n + 1))
    vertices = sorted(vs[0] for vs, _, _ in faces[0].values())
    edges = []
    for key, (vs, rs, ls) in faces[1].items():
        if len(vs) == 2:
            vs = sorted(vs)
            d = vs[1] - vs[0]
            sq = d * d
            edges.append({"bounded": True, "vertices": tuple(vs),
                          "direction": vector(QQ, _primitive(d)),
                          "squared_length": sq, "length": math.sqrt(float(sq))})
        else:
            if rs:
                d = _primitive(rs[0])
            else:  # a line: canonical point and direction
                vs = [vector(QQ, v) for v in key[1]]
                d = _primitive(ls[0])
                d = [-t for t in d] if next(t for t in d if t) < 0 else d
            edges.append({"bounded": False, "vertices": tuple(vs),
                          "direction": vector(QQ, d),
                          "squared_length": None, "length": None})
    edges.sort(key=lambda e: (not e["bounded"], e["vertices"], tuple(e["direction"])))
    pairs, _ = _facet_pairs(cells)
    jumps = []
    glued = 0
    for i, _, j, _ in pairs:
        a, b = owner[i], owner[j]
        if a == b:
            glued += 1
            continue
        g = regions[a].gradient - regions[b].gradient
        sq = g * g
        jumps.append({"cells": (i, j), "regions": (a, b), "gradient_jump": g,
                      "jump_squared": sq, "jump": math.sqrt(float(sq))})
    return {"dimension": n,
            "f_vector": f_vector,
            "euler_characteristic": sum((-1) ** k * f for k, f in enumerate(f_vector)),
            "n_vertices": f_vector[0],
            "n_edges": f_vector[1] if n >= 1 else 0,
            "n_bounded_edges": sum(1 for e in edges if e["bounded"]),
            "vertices": vertices,
            "edges": edges,
            "facets": jumps,
            "n_glued_facets": glued}


def _primitive(d):
    r"""
    Return the primitive integer vector with the direction of ``d``.
    """
    return primitive_row([0] + list(d))[1:]


def complex_statistics(obj, box=None, method='auto', output=0, adjacency='facet',
                       seed=0, progress=False):
    r"""
    Return statistics of the polyhedral complex formed by the cells of the
    linear regions of ``obj``.

    INPUT: as for :func:`region_statistics`

    OUTPUT: a dictionary with keys

    - ``"dimension"`` -- the input dimension `n`
    - ``"f_vector"`` -- `(f_0, \dots, f_n)`: the number of distinct
      `k`-dimensional faces of the cells (`f_n` is the number of cells)
    - ``"euler_characteristic"`` -- `\sum_k (-1)^k f_k`; it is `1` inside a
      box (the complex is a ball) and `(-1)^n` in `\RR^n` (each face is an
      open cell `\cong \RR^k`, compactly supported Euler characteristic)
    - ``"n_vertices"``, ``"n_edges"``, ``"n_bounded_edges"``
    - ``"vertices"`` -- the sorted list of vertices
    - ``"edges"`` -- one dictionary per edge: ``"bounded"``, ``"vertices"``
      (its endpoints; one for a ray), ``"direction"`` (primitive integer
      vector), ``"squared_length"`` (exact) and ``"length"`` (float), both
      ``None`` for an unbounded edge
    - ``"facets"`` -- one dictionary per facet shared by two cells of
      different regions: ``"cells"`` (indices in the list of all cells,
      region by region), ``"regions"`` (indices in
      :func:`~sage_tropnet.regions.linear_regions`), ``"gradient_jump"``
      `\nabla f_A - \nabla f_B` (exact; it is normal to the facet),
      ``"jump_squared"`` `\|\nabla f_A - \nabla f_B\|_2^2` (exact) and
      ``"jump"`` (its square root, float)
    - ``"n_glued_facets"`` -- the number of facets shared by two cells of
      the same region

    EXAMPLES:

    The example of TropicalNN.jl: the edges of a 1-dimensional complex are
    its cells, with lengths `\infty, 1, \infty`::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.stats import complex_statistics
        sage: x, = TP.gens(1)
        sage: C = complex_statistics(0 + x*1 + x**2*1)
        sage: C["vertices"]
        [(-1), (0)]
        sage: [e["length"] for e in C["edges"]]
        [1.0, None, None]
        sage: sorted(j["gradient_jump"] for j in C["facets"])
        [(-1), (-1)]

    A network in the plane, inside the box `[-2, 2]^2`::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: net = ReLUNetwork([([[1, 0], [0, 1], [-1, -1]], [0, 0, 1]), ([[1, 1, 1]], [0])])
        sage: C = complex_statistics(net, box=2)
        sage: C["f_vector"], C["euler_characteristic"]
        ((13, 19, 7), 1)
        sage: sorted(j["jump_squared"] for j in C["facets"])
        [1, 1, 1, 1, 1, 1, 2, 2, 2]
        sage: C["edges"][0]
        {'bounded': True,
         'direction': (0, 1),
         'length': 2.0,
         'squared_length': 4,
         'vertices': ((-2, -2), (-2, 0))}
        sage: complex_statistics(net)["euler_characteristic"]
        1
    """
    regions, _ = _compute(obj, box, method, output, adjacency, seed, progress, False)
    return _complex_record(regions)


# ---------------------------------------------------------------------------
# table, plot, JSON
# ---------------------------------------------------------------------------

def _float_or_inf(q):
    return float('inf') if q is None else float(q)


def statistics_table(obj, box=None, exact=False, **kwds):
    r"""
    Return the statistics of the regions as a pandas ``DataFrame``.

    INPUT:

    - ``obj``, ``box`` -- as for :func:`region_statistics`
    - ``exact`` -- boolean (default: ``False``); keep the exact Sage numbers
      instead of floats (with ``inf`` for an infinite volume or radius)
    - further keyword arguments are passed to :func:`region_statistics`

    OUTPUT: a ``DataFrame`` with one row per region and the columns of
    :func:`region_statistics`

    EXAMPLES::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.stats import statistics_table
        sage: x, = TP.gens(1)
        sage: T = statistics_table(0 + x*1 + x**2*1)
        sage: T.sort_values("constant")[["bounded", "volume", "chebyshev_radius"]]
           bounded  volume  chebyshev_radius
        0    False     inf               inf
        1     True     1.0               0.5
        2    False     inf               inf
        sage: list(statistics_table(0 + x*1, box=2, exact=True)["volume"])
        [1, 3]
    """
    import pandas as pd
    rows = region_statistics(obj, box=box, **kwds)
    if not exact:
        for r in rows:
            r["volume"] = _float_or_inf(r["volume"])
            r["chebyshev_radius"] = _float_or_inf(r["chebyshev_radius"])
            if r["chebyshev_center"] is not None:
                r["chebyshev_center"] = tuple(float(t) for t in r["chebyshev_center"])
            r["gradient"] = tuple(float(t) for t in r["gradient"])
            r["constant"] = float(r["constant"])
    table = pd.DataFrame(rows).set_index("index")
    table.index.name = None
    return table


def plot_statistics(obj, box=None, bins=10, **kwds):
    r"""
    Return a histogram of the volumes of the regions.

    Without a box only the bounded regions are shown.

    INPUT:

    - ``obj``, ``box`` -- as for :func:`region_statistics`
    - ``bins`` -- integer (default: `10`); the number of bins
    - further keyword arguments are passed to :func:`region_statistics`

    OUTPUT: a Sage ``Graphics`` object

    EXAMPLES::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.stats import plot_statistics
        sage: net = ReLUNetwork([([[1, 0], [0, 1], [-1, -1]], [0, 0, 1]), ([[1, 1, 1]], [0])])
        sage: plot_statistics(net, box=2, bins=5)                                       # needs sage.plot
        Graphics object consisting of 1 graphics primitive

    TESTS::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: x, = TP.gens(1)
        sage: plot_statistics(x + 0)
        Traceback (most recent call last):
        ...
        ValueError: no region has a finite volume: give a box
    """
    from sage.plot.histogram import histogram
    vols = [float(s["volume"]) for s in region_statistics(obj, box=box, **kwds)
            if s["volume"] is not None]
    if not vols:
        raise ValueError("no region has a finite volume: give a box")
    G = histogram(vols, bins=bins)
    G.axes_labels(["volume", "regions"])
    return G


def statistics_json(obj, box=None, method='auto', output=0, adjacency='facet',
                    complex=True, check_bounded=True, seed=0, progress=False):
    r"""
    Return the region and complex statistics as a JSON-serialisable dictionary.

    Exact rationals are written as strings ``"p/q"`` (``"3"`` for integers);
    floating-point values sit under keys ending in ``"_float"``; ``null``
    stands for an infinite value (volume, radius, length) or a value not
    computed.

    INPUT:

    - as for :func:`region_statistics`
    - ``complex`` -- boolean (default: ``True``); include the statistics of
      :func:`complex_statistics` under the key ``"complex"``

    OUTPUT: a dictionary of the shape::

        {"input_dimension": n, "method": ..., "output": k,
         "box": null | "R" | {"inequalities": [["b", "a_1", ...], ...]},
         "number_of_regions": m, "number_of_bounded_regions": m_b,
         "total_volume": "p/q" | null, "total_volume_float": float | null,
         "regions": [{"index", "cells", "bounded", "volume", "volume_float",
                      "chebyshev_center", "chebyshev_radius",
                      "chebyshev_radius_float", "gradient", "constant",
                      "n_vertices", "n_facets"}, ...],
         "complex": {"f_vector", "euler_characteristic", "n_vertices",
                     "n_edges", "n_bounded_edges", "n_glued_facets",
                     "vertices": [["p/q", ...], ...],
                     "edges": [{"bounded", "vertices", "direction",
                                "squared_length", "length_float"}, ...],
                     "facets": [{"cells", "regions", "gradient_jump",
                                 "jump_squared", "jump_float"}, ...]}}

    ``"total_volume"`` is the sum of the volumes (``null`` if one is
    infinite).

    EXAMPLES::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.stats import statistics_json
        sage: import json
        sage: x, = TP.gens(1)
        sage: J = statistics_json(0 + x*1 + x**2*1, box=3/2)
        sage: J["total_volume"], J["regions"][0]
        ('3',
         {'bounded': False,
          'cells': 1,
          'chebyshev_center': ['-5/4'],
          'chebyshev_radius': '1/4',
          'chebyshev_radius_float': 0.25,
          'constant': '0',
          'gradient': ['0'],
          'index': 0,
          'n_facets': 2,
          'n_vertices': 2,
          'volume': '1/2',
          'volume_float': 0.5})
        sage: J["complex"]["vertices"], J["complex"]["facets"][0]
        ([['-3/2'], ['-1'], ['0'], ['3/2']],
         {'cells': [0, 1],
          'gradient_jump': ['-1'],
          'jump_float': 1.0,
          'jump_squared': '1',
          'regions': [0, 1]})
        sage: len(json.dumps(J)) > 0
        True
        sage: statistics_json(x + 0, complex=False)["total_volume"] is None
        True
    """
    regions, bounded = _compute(obj, box, method, output, adjacency, seed, progress,
                                check_bounded)
    n = regions[0].cells[0].ambient_dim()
    recs = [_region_record(k, r, b, n, box is not None)
            for k, (r, b) in enumerate(zip(regions, bounded))]
    vols = [s["volume"] for s in recs]
    total = None if any(v is None for v in vols) else sum(vols, QQ(0))
    if box is None:
        jbox = None
    elif hasattr(box, 'inequalities_list'):
        jbox = {"inequalities": [json_number(r) for r in box.inequalities_list()]}
    else:
        jbox = json_number(QQ(box))
    out = {"input_dimension": int(n),
           "method": method,
           "output": int(output),
           "box": jbox,
           "number_of_regions": len(recs),
           "number_of_bounded_regions": sum(1 for s in recs if s["bounded"]),
           "total_volume": json_number(total),
           "total_volume_float": json_number(total, as_float=True),
           "regions": [{"index": s["index"],
                        "cells": s["cells"],
                        "bounded": s["bounded"],
                        "volume": json_number(s["volume"]),
                        "volume_float": json_number(s["volume"], as_float=True),
                        "chebyshev_center": json_number(s["chebyshev_center"]),
                        "chebyshev_radius": json_number(s["chebyshev_radius"]),
                        "chebyshev_radius_float": json_number(s["chebyshev_radius"],
                                                              as_float=True),
                        "gradient": json_number(s["gradient"]),
                        "constant": json_number(s["constant"]),
                        "n_vertices": int(s["n_vertices"]),
                        "n_facets": int(s["n_facets"])} for s in recs]}
    if complex:
        C = _complex_record(regions)
        out["complex"] = {
            "f_vector": [int(f) for f in C["f_vector"]],
            "euler_characteristic": int(C["euler_characteristic"]),
            "n_vertices": int(C["n_vertices"]),
            "n_edges": int(C["n_edges"]),
            "n_bounded_edges": int(C["n_bounded_edges"]),
            "n_glued_facets": int(C["n_glued_facets"]),
            "vertices": [json_number(v) for v in C["vertices"]],
            "edges": [{"bounded": e["bounded"],
                       "vertices": [json_number(v) for v in e["vertices"]],
                       "direction": json_number(e["direction"]),
                       "squared_length": json_number(e["squared_length"]),
                       "length_float": e["length"]} for e in C["edges"]],
            "facets": [{"cells": [int(i) for i in j["cells"]],
                        "regions": [int(i) for i in j["regions"]],
                        "gradient_jump": json_number(j["gradient_jump"]),
                        "jump_squared": json_number(j["jump_squared"]),
                        "jump_float": j["jump"]} for j in C["facets"]]}
    return out
