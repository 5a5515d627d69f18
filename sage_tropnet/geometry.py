r"""
Newton polytopes, dual subdivisions and tropical hypersurfaces

The combinatorics of a max-plus tropical (Puiseux) polynomial

.. MATH::

    p(x) = \max_i \bigl(c_i + \langle e_i, x\rangle\bigr)

is read off its *extended Newton polytope*, the upper hull
`\widetilde{N}(p) = \mathrm{conv}\{(e_i, c_i)\} + \RR_{\ge 0}\,(0, \dots, 0, -1)`:

- the *Newton polytope* `N(p) = \mathrm{conv}\{e_i\}` is its projection;
- the *dual subdivision* (the regular subdivision of `N(p)` induced by the
  heights `c_i`) consists of the projections of its bounded faces (upper
  faces);
- its vertices are the monomials owning a full-dimensional *monomial region*
  `U_i = \{x : p(x) = c_i + \langle e_i, x\rangle\}`, and its bounded edges are
  the pairs of monomials whose regions share a facet, i.e. the maximal cells
  of the *tropical hypersurface* (the non-differentiability locus of `p`);
- the recession cones of the regions form the outer normal fan of `N(p)`.

Everything is exact over `\QQ` and computed from the upper hull directly
(:mod:`sage_tropnet.hull`, PPL), never through Sage's
``tropical_variety()``, which solves every pair of monomials symbolically and
is slow (see ``benchmarks/bench_dual_subdivision.py``). Rational (Puiseux)
exponents are allowed; Sage's own tropical polynomials are accepted too and
converted with
:meth:`~sage_tropnet.puiseux.TropicalPuiseuxPolynomial.from_sage`.

Indices of monomials (in :func:`tropical_hypersurface` and
:func:`monomial_regions`) refer to ``p.merged().terms()``.

EXAMPLES:

The conic of Sage's documentation, `3 \oplus 2x \oplus 2y \oplus 3xy \oplus
x^2 \oplus y^2` (max-plus)::

    sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
    sage: from sage_tropnet.geometry import (newton_polytope, dual_subdivision,
    ....:     monomial_regions, tropical_hypersurface)
    sage: p1 = TP({(0, 0): 3, (1, 0): 2, (0, 1): 2, (1, 1): 3, (2, 0): 0, (0, 2): 0})
    sage: newton_polytope(p1)
    A 2-dimensional polyhedron in QQ^2 defined as the convex hull of 3 vertices
    sage: dual_subdivision(p1)
    Polyhedral complex with 4 maximal cells
    sage: len(monomial_regions(p1)), len(tropical_hypersurface(p1))
    (6, 9)

AUTHORS:

- sage_tropnet developers (2026-11): initial version

REFERENCES:

- [MS2015]_ (§2.3, §3.1: regular subdivisions and tropical hypersurfaces)
- [Zie1995]_ (Ch. 5 and 7: normal fans, regular subdivisions)
- [ZNL2018]_
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
from sage.modules.free_module_element import vector

from sage_tropnet.puiseux import TropicalPuiseuxPolynomial
from sage_tropnet.hull import upper_hull_polyhedron, upper_hull_graph
from sage_tropnet.misc.polyhedra import polyhedron, box_inequalities


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

def as_merged_polynomial(p):
    r"""
    Return ``p`` as a merged tropical Puiseux polynomial over `\QQ`.

    Sage's max-plus tropical polynomials are converted; the zero polynomial
    (no terms) is rejected. Every function of this module starts with it.

    EXAMPLES::

        sage: from sage_tropnet.geometry import as_merged_polynomial
        sage: T = TropicalSemiring(QQ, use_min=False)
        sage: R.<x,y> = PolynomialRing(T)
        sage: as_merged_polynomial(x^2 + R(1)*y)
        max(1 + y, 2*x)
        sage: as_merged_polynomial(3)
        Traceback (most recent call last):
        ...
        TypeError: expected a tropical polynomial, got Integer
    """
    if not isinstance(p, TropicalPuiseuxPolynomial):
        try:
            base = p.parent().base()
        except AttributeError:
            base = None
        if base is None or 'ropical' not in type(base).__name__:
            raise TypeError("expected a tropical polynomial, got %s" % type(p).__name__)
        p = TropicalPuiseuxPolynomial.from_sage(p)
    if p.base_ring() is not QQ:
        p = p.change_ring(QQ)  # float data are exact rationals
    if not p.is_merged():
        p = p.merged()
    if p.is_zero():
        raise ValueError("the tropical zero polynomial has no Newton polytope")
    return p


def _region_data(p):
    r"""
    Return ``(keep, E, C, adj)``: the upper-hull vertices (indices into the
    terms of ``p``), their exponents and coefficients as vectors/rationals, and
    the adjacency of the upper hull (positions into ``keep``).
    """
    exps, coeffs = p.exponents(), p.coefficients()
    keep, adj = upper_hull_graph(exps, coeffs)
    E = [vector(QQ, exps[k]) for k in keep]
    C = [QQ(coeffs[k]) for k in keep]
    return keep, E, C, adj


def _region_ieqs(E, C, adj, a):
    r"""
    Return the inequalities of the region of the ``a``-th upper-hull vertex
    (comparison with its neighbours suffices).
    """
    return [[C[a] - C[b]] + list(E[a] - E[b]) for b in adj[a]]


# ---------------------------------------------------------------------------
# polytopes and subdivisions
# ---------------------------------------------------------------------------

def newton_polytope(p):
    r"""
    Return the Newton polytope of ``p``, the convex hull of its exponents.

    INPUT:

    - ``p`` -- a :class:`~sage_tropnet.puiseux.TropicalPuiseuxPolynomial`
      (or a Sage max-plus tropical polynomial); merged first

    OUTPUT: a ``Polyhedron`` over `\QQ` (PPL backend)

    EXAMPLES::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.geometry import newton_polytope
        sage: x, y = TP.gens(2)
        sage: P = newton_polytope(x**2 + x * y + y**(1/2) + x**(1/2) * y**(1/4) + 1); P
        A 2-dimensional polyhedron in QQ^2 defined as the convex hull of 4 vertices
        sage: P.vertices_list()
        [[0, 0], [0, 1/2], [1, 1], [2, 0]]

    It agrees with Sage's method on integer exponents::

        sage: p1 = TP({(0, 0): 3, (1, 0): 2, (0, 1): 2, (1, 1): 3, (2, 0): 0, (0, 2): 0})
        sage: newton_polytope(p1) == p1.to_sage()[0].newton_polytope()
        True
    """
    from sage.geometry.polyhedron.constructor import Polyhedron
    p = as_merged_polynomial(p)
    return Polyhedron(vertices=p.exponents(), base_ring=QQ, backend='ppl')


def extended_newton_polytope(p):
    r"""
    Return the extended Newton polytope (upper hull) of ``p``.

    This is `\mathrm{conv}\{(e_i, c_i)\} + \RR_{\ge 0}\,(0, \dots, 0, -1)`
    in `\QQ^{n+1}`: the lifted exponents with a downward ray (max-plus
    convention). Its vertices are the monomials with a full-dimensional
    region, its bounded faces project to the dual subdivision.

    INPUT:

    - ``p`` -- a tropical polynomial (merged first)

    OUTPUT: a ``Polyhedron`` over `\QQ` (PPL backend), see
    :func:`sage_tropnet.hull.upper_hull_polyhedron`

    EXAMPLES::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.geometry import extended_newton_polytope
        sage: x, = TP.gens(1)
        sage: L = extended_newton_polytope(0 + x * (-1) + x**2); L
        A 2-dimensional polyhedron in QQ^2 defined as the convex hull of 2 vertices and 1 ray
        sage: L.vertices_list()
        [[0, 0], [2, 0]]
    """
    p = as_merged_polynomial(p)
    return upper_hull_polyhedron(p.exponents(), p.coefficients())


def dual_subdivision_cells(p):
    r"""
    Return the cells of the dual subdivision as a list of pairs
    ``(indices, polyhedron)``: the indices (into the terms of ``p``) of the
    lifted points on the upper face (vertices and non-vertices), and the
    projected cell.

    INPUT:

    - ``p`` -- a merged tropical Puiseux polynomial over `\QQ` (see
      :func:`as_merged_polynomial`)

    OUTPUT: a list of pairs ``(indices, polyhedron)``, one per maximal cell
    of :func:`dual_subdivision`

    EXAMPLES::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.geometry import dual_subdivision_cells
        sage: x, = TP.gens(1)
        sage: sorted((on, P.vertices_list()) for on, P in dual_subdivision_cells(0 + x * 1 + x**2))
        [((0, 1), [[0], [1]]), ((1, 2), [[1], [2]])]
    """
    from sage.geometry.polyhedron.constructor import Polyhedron
    exps, coeffs = p.exponents(), p.coefficients()
    L = upper_hull_polyhedron(exps, coeffs)
    lifted = [vector(QQ, tuple(e) + (c,)) for e, c in zip(exps, coeffs)]
    cells = []
    for ie in L.inequality_generator():
        A = ie.A()
        if A[-1] >= 0:
            continue  # a vertical face: it contains the downward ray
        verts = [tuple(v)[:-1] for v in ie.incident() if v.is_vertex()]
        on = tuple(k for k, w in enumerate(lifted) if A * w + ie.b() == 0)
        cells.append((on, Polyhedron(vertices=verts, base_ring=QQ, backend='ppl')))
    return cells


def dual_subdivision(p):
    r"""
    Return the dual subdivision of ``p`` as a polyhedral complex.

    This is the regular subdivision of the Newton polytope `N(p)` induced by
    the coefficients (heights), in the max-plus convention: its maximal cells
    are the projections of the bounded facets of the extended Newton polytope
    (the *upper faces*, seen from above).

    When the Newton polytope is lower-dimensional, of dimension `d < n`, the
    extended Newton polytope has dimension `d + 1` and the cells are the
    projections of its bounded faces of dimension `d`; the complex then lives
    in the affine hull of `N(p)` inside `\QQ^n`. A single monomial gives one
    point.

    INPUT:

    - ``p`` -- a :class:`~sage_tropnet.puiseux.TropicalPuiseuxPolynomial`
      (or a Sage max-plus tropical polynomial); merged first

    OUTPUT: a ``PolyhedralComplex`` of polytopes over `\QQ`

    EXAMPLES:

    The example of Sage's ``TropicalMPolynomial.dual_subdivision`` (same
    cells, computed without the tropical variety)::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.geometry import dual_subdivision
        sage: p1 = TP({(0, 0): 3, (1, 0): 2, (0, 1): 2, (1, 1): 3, (2, 0): 0, (0, 2): 0})
        sage: pc = dual_subdivision(p1); pc
        Polyhedral complex with 4 maximal cells
        sage: [c.Vrepresentation() for c in pc.maximal_cells_sorted()]
        [(A vertex at (0, 0), A vertex at (0, 1), A vertex at (1, 1)),
         (A vertex at (0, 0), A vertex at (1, 0), A vertex at (1, 1)),
         (A vertex at (0, 1), A vertex at (0, 2), A vertex at (1, 1)),
         (A vertex at (1, 0), A vertex at (1, 1), A vertex at (2, 0))]
        sage: pc.is_pure(), pc.is_convex()
        (True, True)

    Sage's pentagon example (the coefficient `1/2` is fine here)::

        sage: p2 = TP({(0, 0): 3, (2, 0): 0, (0, 1): -2, (2, 1): 1/2, (1, 3): 2, (3, 4): -1})
        sage: dual_subdivision(p2)
        Polyhedral complex with 5 maximal cells

    A surface in `\QQ^3`: Sage's example ``x + y + z + x^2 + 1`` is min-plus,
    so it becomes ``x + y + z + x^2 + (-1)`` here. The subdivision has two
    tetrahedra; Sage's ``dual_subdivision()`` lists instead the 7 triangles
    dual to the edges of the tropical surface, which are the 2-dimensional
    cells of our complex::

        sage: x, y, z = TP.gens(3)
        sage: pc = dual_subdivision(x + y + z + x**2 + (-1)); pc
        Polyhedral complex with 2 maximal cells
        sage: len(pc.cells()[2])
        7

    Puiseux exponents are allowed::

        sage: dual_subdivision(x**(1/2) + y + z + x**2 + (-1))
        Polyhedral complex with 2 maximal cells

    A lower-dimensional Newton polytope (a segment in `\QQ^2`)::

        sage: x, y = TP.gens(2)
        sage: pc = dual_subdivision(0 + x * y * (-1) + x**2 * y**2); pc
        Polyhedral complex with 1 maximal cell
        sage: pc = dual_subdivision(0 + x * y * 1 + x**2 * y**2); pc
        Polyhedral complex with 2 maximal cells
        sage: pc.dimension()
        1

    TESTS::

        sage: dual_subdivision(x * 5)
        Polyhedral complex with 1 maximal cell
        sage: dual_subdivision(TP({}, nvars=2))
        Traceback (most recent call last):
        ...
        ValueError: the tropical zero polynomial has no Newton polytope

    .. SEEALSO::

        :func:`newton_polytope`, :func:`extended_newton_polytope`,
        :func:`sage_tropnet.plot.plot_dual_subdivision`

    ALGORITHM:

    The extended Newton polytope is built exactly with PPL. Its inequalities
    whose normal has a negative last coordinate are exactly its bounded
    facets (the others contain the downward ray); the vertices incident to
    such an inequality, projected to `\QQ^n`, span a cell. The last
    coordinate of a normal is well defined modulo the equations of a
    lower-dimensional polytope, since these are orthogonal to the ray. The
    cost is one convex hull, against one symbolic system per pair of
    monomials in Sage's ``dual_subdivision()``. The cells are maximal by
    construction, so the complex is built without Sage's maximality check
    (which computes the whole face poset).

    REFERENCES:

    - [MS2015]_ Prop. 3.1.6
    - [Zie1995]_ §5.1 (regular subdivisions)
    """
    from sage.geometry.polyhedral_complex import PolyhedralComplex
    p = as_merged_polynomial(p)
    # the cells are distinct facets of one polyhedron, all of the same
    # dimension: maximal by construction (Sage's check builds the face poset)
    return PolyhedralComplex([P for _, P in dual_subdivision_cells(p)], maximality_check=False)


def normal_fan(p, direction='outer', return_projection=False):
    r"""
    Return the normal fan of the Newton polytope of ``p``.

    With the default ``direction='outer'`` this is the fan matching the
    max-plus convention: the cone of a vertex `e_i` is the recession cone of
    the region of a monomial with exponent `e_i` (the set of directions along
    which it eventually wins), so the fan is the tropical hypersurface "seen
    from infinity".

    Sage's fans must be strictly convex, so a Newton polytope that is not
    full-dimensional (dimension `d < n`) is first mapped bijectively onto
    `\QQ^d` by ``affine_hull_projection()`` (a coordinate projection), and
    **the returned fan lives in this affine hull**, in a `d`-dimensional
    lattice. The normal fan in `\QQ^n` is the product of the returned fan
    (in the coordinates kept by the projection) with the lineality space,
    the orthogonal complement of the direction of the affine hull. Pass
    ``return_projection=True`` to get the projection data as well.

    INPUT:

    - ``p`` -- a tropical polynomial (merged first)
    - ``direction`` -- ``'outer'`` (default) or ``'inner'``
    - ``return_projection`` -- boolean (default: ``False``); whether to also
      return the ``AffineHullProjectionData`` of the Newton polytope

    OUTPUT: a ``RationalPolyhedralFan``, or a pair ``(fan, data)``

    EXAMPLES::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.geometry import normal_fan
        sage: p1 = TP({(0, 0): 3, (1, 0): 2, (0, 1): 2, (1, 1): 3, (2, 0): 0, (0, 2): 0})
        sage: F = normal_fan(p1); F
        Rational polyhedral fan in 2-d lattice N
        sage: F.ngenerating_cones(), F.is_complete()
        (3, True)
        sage: sorted(F.rays())
        [N(-1, 0), N(0, -1), N(1, 1)]

    Tropical multiplication is the Minkowski sum of Newton polytopes, hence
    the common refinement of normal fans::

        sage: x, y = TP.gens(2)
        sage: f, g = x + y + 0, (x + 0) * (y + 0)
        sage: normal_fan(f * g).ngenerating_cones()
        5
        sage: normal_fan(f).common_refinement(normal_fan(g)).ngenerating_cones()
        5

    A segment in `\QQ^2`: the fan lives in its affine hull, a line::

        sage: F, data = normal_fan(0 + x * y + x**2 * y**2, return_projection=True); F
        Rational polyhedral fan in 1-d lattice N
        sage: sorted(F.rays())
        [N(-1), N(1)]
        sage: data.projection_linear_map.matrix()
        [1]
        [0]

    TESTS::

        sage: normal_fan(x * 2)
        Rational polyhedral fan in 0-d lattice N
        sage: normal_fan(f, direction='up')
        Traceback (most recent call last):
        ...
        ValueError: direction must be 'outer' or 'inner', got 'up'

    REFERENCES:

    - [Zie1995]_ §7.1
    - [MS2015]_ Prop. 3.1.10
    """
    if direction not in ('outer', 'inner'):
        raise ValueError("direction must be 'outer' or 'inner', got %r" % (direction,))
    N = newton_polytope(p)
    data = None
    if return_projection or not N.is_full_dimensional():
        data = N.affine_hull_projection(return_all_data=True)
        Q = data.image
    else:
        Q = N
    if Q.dim() == 0:
        from sage.geometry.fan import Fan
        from sage.geometry.cone import Cone
        from sage.geometry.toric_lattice import ToricLattice
        F = Fan([Cone([], lattice=ToricLattice(0))])
    else:
        F = Q.normal_fan(direction=direction)
    return (F, data) if return_projection else F


# ---------------------------------------------------------------------------
# regions and the tropical hypersurface
# ---------------------------------------------------------------------------

def monomial_regions(p, box=None):
    r"""
    Return the full-dimensional regions of the monomials of ``p``.

    The region of the monomial `c_i x^{e_i}` is `U_i = \{x : c_i + \langle
    e_i, x\rangle \ge c_l + \langle e_l, x\rangle \text{ for all } l\}`; it is
    full-dimensional exactly when `(e_i, c_i)` is a vertex of the extended
    Newton polytope. These regions are the linear regions of `p`.

    INPUT:

    - ``p`` -- a tropical polynomial (merged first)
    - ``box`` -- ``None`` (default: all of `\RR^n`), a positive number `R`
      (the cube `[-R, R]^n`) or a Sage polyhedron; when given, the regions are
      intersected with it and those that do not meet its interior are dropped

    OUTPUT: a dictionary ``{i: polyhedron}``, where ``i`` indexes
    ``p.merged().terms()``

    EXAMPLES::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.geometry import monomial_regions
        sage: from sage_tropnet.regions import count_linear_regions
        sage: p1 = TP({(0, 0): 3, (1, 0): 2, (0, 1): 2, (1, 1): 3, (2, 0): 0, (0, 2): 0})
        sage: U = monomial_regions(p1); len(U) == count_linear_regions(p1) == 6
        True
        sage: p1.terms()[4], U[4]
        (((1, 1), 3),
         A 2-dimensional polyhedron in QQ^2 defined as the convex hull of 4 vertices and 1 ray)

    A dominated monomial has no region; a box can cut regions away::

        sage: x, = TP.gens(1)
        sage: q = 0 + x * (-1) + x**2
        sage: monomial_regions(q)
        {0: A 1-dimensional polyhedron in QQ^1 defined as the convex hull of 1 vertex and 1 ray,
         2: A 1-dimensional polyhedron in QQ^1 defined as the convex hull of 1 vertex and 1 ray}
        sage: sorted(monomial_regions(q, box=Polyhedron(vertices=[(1,), (2,)])))
        [2]

    REFERENCES:

    - [MS2015]_ §3.1, [ZNL2018]_
    """
    p = as_merged_polynomial(p)
    n = p.nvariables()
    bieqs = box_inequalities(box, n)
    keep, E, C, adj = _region_data(p)
    out = {}
    for a, i in enumerate(keep):
        P = polyhedron(_region_ieqs(E, C, adj, a) + bieqs, n)
        if box is not None and P.dim() < n:
            continue
        out[i] = P
    return out


def tropical_hypersurface(p, box=None):
    r"""
    Return the maximal cells of the tropical hypersurface of ``p``.

    The tropical hypersurface is the set where the maximum in
    `p(x) = \max_i (c_i + \langle e_i, x\rangle)` is attained at least
    twice. Its maximal cells are `(n-1)`-dimensional: one for each bounded
    edge `\{i, k\}` of the extended Newton polytope, the polyhedron

    .. MATH::

        \{x : c_i + \langle e_i, x\rangle = c_k + \langle e_k, x\rangle
        \ge c_l + \langle e_l, x\rangle \text{ for all } l\},

    which is dual to the edge `[e_i, e_k]` of the dual subdivision. (The
    lower-dimensional cells are faces of these.)

    INPUT:

    - ``p`` -- a tropical polynomial (merged first)
    - ``box`` -- ``None`` (default), a positive number `R` (the cube
      `[-R, R]^n`) or a Sage polyhedron; when given, the cells are clipped to
      it and the cells whose intersection is not `(n-1)`-dimensional are
      dropped

    OUTPUT: a list of pairs ``((i, k), cell)``, with ``i < k`` indices into
    ``p.merged().terms()`` (the two monomials that tie on the cell) and
    ``cell`` a ``Polyhedron`` over `\QQ`

    EXAMPLES:

    The tropical line has three rays::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.geometry import tropical_hypersurface
        sage: x, y = TP.gens(2)
        sage: line = x + y + 0; line.terms()
        [((0, 0), 0), ((0, 1), 0), ((1, 0), 0)]
        sage: for (i, k), C in tropical_hypersurface(line):
        ....:     print((i, k), C.vertices_list(), C.rays_list())
        (0, 1) [[0, 0]] [[-1, 0]]
        (0, 2) [[0, 0]] [[0, -1]]
        (1, 2) [[0, 0]] [[1, 1]]

    Sage's conic has 9 edges (as Sage's ``tropical_variety()`` has 9
    components), 3 of them bounded::

        sage: p1 = TP({(0, 0): 3, (1, 0): 2, (0, 1): 2, (1, 1): 3, (2, 0): 0, (0, 2): 0})
        sage: H = tropical_hypersurface(p1); len(H)
        9
        sage: sum(C.is_compact() for _, C in H)
        3
        sage: len(tropical_hypersurface(p1, box=2))
        7

    In one variable the hypersurface is the set of breakpoints::

        sage: u, = TP.gens(1)
        sage: [C.vertices_list() for _, C in tropical_hypersurface(0 + u + u**2 * (-2))]
        [[[0]], [[2]]]

    TESTS::

        sage: tropical_hypersurface(x * y)
        []

    REFERENCES:

    - [MS2015]_ Prop. 3.1.6
    """
    p = as_merged_polynomial(p)
    n = p.nvariables()
    bieqs = box_inequalities(box, n)
    keep, E, C, adj = _region_data(p)
    out = []
    for a in range(len(keep)):
        for b in adj[a]:
            if b <= a:
                continue
            ieqs = _region_ieqs(E, C, adj, a) + _region_ieqs(E, C, adj, b) + bieqs
            eqn = [C[a] - C[b]] + list(E[a] - E[b])
            P = polyhedron(ieqs, n, [eqn])
            if box is not None and P.dim() < n - 1:
                continue
            i, k = sorted((keep[a], keep[b]))
            out.append(((i, k), P))
    out.sort(key=lambda t: t[0])
    return out
