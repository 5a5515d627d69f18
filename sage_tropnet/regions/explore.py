r"""
The facet-crossing search

For any cell oracle (:mod:`sage_tropnet.regions.oracle`) the full-dimensional
cells are found by an output-sensitive search: starting from the cell of a
random point, every facet of the current cell is crossed and the cell on the
other side is read off, so no product of monomials and no `2^N` patterns are
ever enumerated. Cells never get lost: the graph of facet-adjacent
full-dimensional cells of a polyhedral subdivision of a convex set is
connected.

The facets of a cell are computed by the compiled double description of
:class:`~sage_tropnet.regions.kernel.CellFacets` with certified signs (in
float mode with a tolerance); a cell the kernel cannot decide (an
uncertain sign) is handled exactly by PPL. The cell across a facet comes
from the oracle's :meth:`~sage_tropnet.regions.oracle.CellOracle.neighbour`
when it knows it (the tropical oracle always does, the activation oracle by
the flip rule), else from a point query at an exact point of the facet's
relative interior. If all cells share a lineality space (a rank-deficient
first layer, lower-dimensional Newton polytopes), the search runs in its
orthogonal complement.

EXAMPLES::

    sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
    sage: from sage_tropnet.regions.tropical import TropicalOracle
    sage: from sage_tropnet.regions.explore import explore
    sage: x, y = TP.gens(2)
    sage: C = explore(TropicalOracle((x + y + 0) / (x * y + 0))); C
    Cell complex of 5 cells in R^2 (exact)
    sage: C.number_of_linear_regions()
    5
    sage: explore(TropicalOracle(x + y), box=1).number_of_cells()
    2

AUTHORS:

- sage_tropnet developers (2026-11): initial version; (2026-12) compiled
  facets, one search for exact and float mode

REFERENCES:

- [LWCBM2024]_ §5.1
- [FP1996]_
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
import random

from sage.rings.rational_field import QQ
from sage.matrix.constructor import matrix
from sage.modules.free_module_element import vector

from sage_tropnet.misc.linear_algebra import primitive_row
from sage_tropnet.regions.kernel import CellFacets, float_row as _float_row
from sage_tropnet.regions.cells import CellComplex, domain_rows, projected_oracle

def ppl_facets(rows, n):
    r"""
    Return the facets of ``{x : c + a.x >= 0}`` (primitive integer rows) as
    a list of lists of row indices, or ``None`` if the cell is not
    full-dimensional (exact, PPL).

    EXAMPLES::

        sage: from sage_tropnet.regions.explore import ppl_facets
        sage: ppl_facets([(1, 1, 0), (1, -1, 0), (3, 1, 1)], 2)
        [[0], [1], [2]]
        sage: ppl_facets([(0, 1), (0, -1)], 1) is None
        True
    """
    from ppl import Constraint_System, C_Polyhedron, Linear_Expression
    if not rows:
        return []
    cs = Constraint_System()
    for t in rows:
        cs.insert(Linear_Expression([int(a) for a in t[1:]], int(t[0])) >= 0)
    P = C_Polyhedron(cs)
    if P.affine_dimension() < n:
        return None
    facets = set(primitive_row([c.inhomogeneous_term()] + list(c.coefficients()))
                 for c in P.minimized_constraints())
    groups = {}
    for i, r in enumerate(rows):
        if r in facets:
            groups.setdefault(r, []).append(i)
    return list(groups.values())


def facet_point(rows, s, hint=None):
    r"""
    Return an exact point in the relative interior of the facet ``rows[s]``
    of ``{x : c + a.x >= 0}``: the float ``hint`` projected onto the
    hyperplane if all other rows are strictly positive there, else a point
    from PPL.

    EXAMPLES::

        sage: from sage_tropnet.regions.explore import facet_point
        sage: facet_point([(1, 1, 0), (1, -1, 0), (1, 0, 1), (1, 0, -1)], 0, [-0.9, 0.2])
        (-1, 3602879701896397/18014398509481984)
        sage: facet_point([(1, 1, 0), (1, -1, 0), (1, 0, 1), (1, 0, -1)], 0)
        (-1, 0)
    """
    row = rows[s]
    c, a = QQ(row[0]), vector(QQ, row[1:])
    if hint is not None:
        y = vector(QQ, [QQ(float(t).as_integer_ratio()) for t in hint])
        y = y - (c + a * y) / (a * a) * a
        if all(r == row or QQ(r[0]) + vector(QQ, r[1:]) * y > 0 for r in rows):
            return y
    from sage.geometry.polyhedron.constructor import Polyhedron
    others = [list(r) for r in rows if r != row]
    F = Polyhedron(ieqs=others, eqns=[list(row)], base_ring=QQ, backend='ppl',
                   ambient_dim=len(a))
    return F.representative_point()


def _start_point(n, dom, rng):
    r"""
    Yield random rational points of the domain.
    """
    if not dom:
        while True:
            yield vector(QQ, [QQ(rng.randint(-(1 << 20), 1 << 20)) / (1 << 20) for _ in range(n)])
    from sage.geometry.polyhedron.constructor import Polyhedron
    P = Polyhedron(ieqs=[list(r) for r in dom], base_ring=QQ, backend='ppl')
    V = [v.vector() for v in P.vertices()]
    R = [r.vector() for r in P.rays()]
    L = [l.vector() for l in P.lines()]
    while True:
        w = [QQ(rng.randint(1, 1 << 20)) for _ in V]
        s = sum(w)
        pt = sum((wi / s * v for wi, v in zip(w, V)), vector(QQ, n))
        for r in R:
            pt += QQ(rng.randint(1, 1 << 20)) / (1 << 16) * r
        for l in L:
            pt += QQ(rng.randint(-(1 << 20), 1 << 20)) / (1 << 16) * l
        yield pt


def explore(oracle, box=None, mode='exact', seed=0, progress=None, facets='kernel'):
    r"""
    Return the full-dimensional cells of ``oracle`` in a domain, with their
    facet adjacency, by the facet-crossing search.

    INPUT:

    - ``oracle`` -- a cell oracle (see :mod:`sage_tropnet.regions.oracle`)
    - ``box`` -- ``None`` (all of `\RR^n`, default), a positive number `R`
      (the box `[-R, R]^n`) or a full-dimensional Sage polyhedron
    - ``mode`` -- ``'exact'`` (default) or ``'float'``
    - ``seed`` -- seed of the random start point (the result does not
      depend on it)
    - ``progress`` -- ``None`` (a progress bar on a terminal), ``True`` or
      ``False``
    - ``facets`` -- ``'kernel'`` (default: the compiled double description,
      PPL only for undecided cells) or ``'ppl'`` (PPL for every cell: slow,
      an independent check of the kernel; exact mode only)

    OUTPUT: a :class:`~sage_tropnet.regions.cells.CellComplex`

    EXAMPLES::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.regions.activation import ActivationOracle
        sage: from sage_tropnet.regions.explore import explore
        sage: T4 = ReLUNetwork([([[1, 0], [0, 1], [1, 1]], [0, 0, -1]),
        ....:                   ([[1, -1, 1], [-1, 1, 1]], [0, 1/2]), ([[1, -2]], [0])])
        sage: C = explore(ActivationOracle(T4)); C.number_of_cells(), len(C.edges())
        (12, 17)
        sage: explore(ActivationOracle(T4), mode='float').number_of_cells()
        12
        sage: D = explore(ActivationOracle(T4), facets='ppl')
        sage: set(D.keys()) == set(C.keys()) and D.edges() == C.edges()
        True

    ALGORITHM: see the module documentation.
    """
    if mode not in ('exact', 'float'):
        raise ValueError("mode must be 'exact' or 'float', got %r" % (mode,))
    if facets not in ('kernel', 'ppl'):
        raise ValueError("facets must be 'kernel' or 'ppl', got %r" % (facets,))
    n0 = oracle.n
    rng = random.Random(int(seed))
    dom0 = domain_rows(box, n0)
    # lineality shared by every cell: search in its orthogonal complement
    start0 = None
    pts0 = _start_point(n0, dom0, rng)
    for _ in range(200):
        y = next(pts0)
        start0 = oracle.key_at(y)
        if start0 is not None:
            break
    if start0 is None:
        raise RuntimeError("could not find a generic starting point")
    work, B = projected_oracle(oracle, start0, dom0)
    n = work.n
    dom = domain_rows(box, n0) if B is None else [
        primitive_row([r[0]] + list(vector(QQ, r[1:]) * B)) for r in dom0]
    dom = [r for r in dom if any(r[1:])]
    if n == 0:
        return CellComplex(oracle, [start0], set(), mode=mode, box=box, projection=B)
    start = start0
    fdom = [_float_row(r) for r in dom]
    finf = ([1.0] + [0.0] * n, 0.0, 1)
    kern = CellFacets(n, exact=(mode == 'exact'))
    neighbour = getattr(work, 'neighbour', None)
    from tqdm.auto import tqdm
    from sage_tropnet.misc.formatting import PROGRESS_DELAY
    bar = tqdm(delay=PROGRESS_DELAY, desc="cells" + (" (float)" if mode == 'float' else ""), unit=" cells",
               disable=True if progress is False else None, leave=False, mininterval=0.5)
    cells = []
    seen = {start}
    edges = set()
    queue = [start]
    inf_row = tuple([1] + [0] * n)
    kernel_rows = getattr(work, 'kernel_rows', None)
    try:
        while queue:
            key = queue.pop()
            block, first = None, 0
            if kernel_rows is not None:
                own, fown, first, block = kernel_rows(key)
            else:
                own = list(dict.fromkeys(primitive_row(r) for r in work.ieqs(key)))
                fown = [_float_row(r) for r in own]
            if dom:
                ownset = set(own)
                rows = own + [r for r in dom if r not in ownset]
                fl = fown + [f for f, r in zip(fdom, dom) if r not in ownset]
            else:
                rows, fl = own, fown
            # the row t >= 0 of the homogenisation comes first (index -1 below)
            fl = [finf] + fl
            if facets == 'ppl':
                status = -1
            else:
                status, groups, point, centres = kern.facets(
                    [f for f, _, _ in fl], [e for _, e, _ in fl], [x for _, _, x in fl],
                    exact=[inf_row] + rows, cache_key=block, cache_rows=first + 1)
            if status == -1:
                groups = ppl_facets(rows, n)
                status = 0 if groups is None else 1
                centres = [None] * len(groups or [])
            else:
                groups = [[i - 1 for i in g] for g in groups]
            if status == 0:
                continue
            cells.append(key)
            bar.update(1)
            nown = len(own)
            for g, centre in zip(groups, centres):
                if any(i >= nown or i < 0 for i in g):
                    continue  # a facet of the domain, or at infinity
                row = rows[g[0]]
                other = neighbour(key, row) if neighbour is not None else None
                if other is None:
                    y = facet_point(rows, g[0], centre)
                    other = work.key_at(y, [-t for t in row[1:]])
                    if other is None or other == key:
                        continue
                edges.add((key, other) if repr(key) <= repr(other) else (other, key))
                if other not in seen:
                    seen.add(other)
                    queue.append(other)
    finally:
        bar.close()
    cellset = set(cells)
    edges = set(e for e in edges if e[0] in cellset and e[1] in cellset)
    return CellComplex(oracle, cells, edges, mode=mode, box=box, projection=B)
