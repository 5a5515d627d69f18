r"""
Fundamental domains of finite groups acting on `\RR^n`

A fundamental domain `\Delta` of a finite group `G` acting linearly on
`\RR^n` ([LWCBM2024]_, Def. 4.2) is a polyhedron whose tiles `g\Delta` cover
`\RR^n` and have pairwise disjoint interiors. This module provides the Weyl
chambers of the symmetric group and of the signed permutations, Dirichlet
domains of arbitrary finite groups (:func:`dirichlet_domain`), the default
choice among them (:func:`fundamental_domain`) and the walls of a domain with
the elements gluing neighbouring tiles (:func:`fundamental_domain_walls`),
which the exact orbit counting of :mod:`sage_tropnet.symmetry.orbits` walks
across.

EXAMPLES::

    sage: from sage_tropnet.symmetry.domains import fundamental_domain, dirichlet_domain
    sage: fundamental_domain(SymmetricGroup(3)).inequalities_list()
    [[0, 0, 1, -1], [0, 1, -1, 0]]
    sage: dirichlet_domain([matrix(QQ, [[0, -1], [1, 0]])], x0=[2, 1]).rays_list()
    [[3, -1], [1, 3]]

AUTHORS:

- sage_tropnet developers (2026-11): initial version

REFERENCES:

- [LWCBM2024]_ §4 (Def. 4.2, Lemma 4.4)
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


import random as _random

from sage.rings.rational_field import QQ
from sage.matrix.constructor import matrix
from sage.modules.free_module_element import vector

from sage_tropnet.misc.linear_algebra import primitive_row
from sage_tropnet.misc.polyhedra import polyhedron
from sage_tropnet.symmetry.groups import finite_linear_group, permutation_matrix


def _chamber(n, signed):
    r"""
    Return the Weyl chamber and its walls ``[(ieq, s)]``: ``s`` maps the
    chamber to its neighbour across the wall.
    """
    walls = []
    for i in range(n - 1):
        a = [0] * n
        a[i], a[i + 1] = 1, -1
        images = list(range(n))
        images[i], images[i + 1] = i + 1, i
        walls.append((primitive_row([0] + a), permutation_matrix(images, n)))
    if signed:
        s = matrix.identity(QQ, n)
        s[n - 1, n - 1] = -1
        s.set_immutable()
        walls.append((primitive_row([0] * n + [1]), s))
    return polyhedron([w for w, _ in walls], n), walls


def _default_x0(group):
    r"""
    Return a point with trivial stabiliser: `(n, n-1, \dots, 1)` if it works,
    else a pseudo-random integer point.
    """
    n = group.n
    els = group.elements()
    rng = _random.Random(0)
    cands = [vector(QQ, range(n, 0, -1))]
    cands += [vector(QQ, [rng.randint(-1000, 1000) for _ in range(n)]) for _ in range(20)]
    for x0 in cands:
        if all(g * x0 != x0 for g in els[1:]):
            return x0
    raise ValueError("no point with trivial stabiliser found: does the group act faithfully?")


def _dirichlet(group, x0):
    n = group.n
    els = group.elements()
    I = group.identity
    if group.is_orthogonal():
        M = I
    else:
        M = sum((g.transpose() * g for g in els), matrix(QQ, n, n))
    x0 = vector(QQ, x0)
    if len(x0) != n:
        raise ValueError("x0 must have %s coordinates" % n)
    origin = {}
    for g in els:
        if g == I:
            continue
        gx = g * x0
        if gx == x0:
            raise ValueError("x0 = %s has a nontrivial stabiliser (it is fixed by\n%s)" % (x0, g))
        key = primitive_row([0] + list(M * (x0 - gx)))
        origin[key] = g
    P = polyhedron(list(origin), n)
    walls = [(primitive_row(h.vector()), origin[primitive_row(h.vector())])
             for h in P.inequality_generator()]
    return P, walls


def dirichlet_domain(G, x0=None, n=None):
    r"""
    Return the Dirichlet domain `\{x : \|x - x_0\| \le \|x - g x_0\|\ \forall g\}`.

    For an orthogonal group the inequalities are the linear inequalities
    `\langle x, x_0 - g x_0\rangle \ge 0`. A finite group that is not
    orthogonal preserves the averaged inner product
    `\langle x, y\rangle_M = x^T M y`, `M = \sum_g g^T g`, and the domain is
    taken for that inner product. If `x_0` has a trivial stabiliser, this is
    a fundamental domain: its images `g\Delta` are the Voronoi cells of the
    orbit `G x_0`.

    INPUT:

    - ``G`` -- a group, as for :func:`~sage_tropnet.symmetry.groups.group_matrices`
    - ``x0`` -- a point with trivial stabiliser (default: `(n, \dots, 1)` if
      that works, otherwise a pseudo-random integer point)
    - ``n`` -- the dimension (default: the degree of ``G``)

    OUTPUT: a full-dimensional Sage polyhedron over `\QQ` (a cone)

    EXAMPLES:

    For `S_3` this is the Weyl chamber::

        sage: from sage_tropnet.symmetry.domains import dirichlet_domain
        sage: D = dirichlet_domain(SymmetricGroup(3), x0=[3, 2, 1])
        sage: D.inequalities_list(), D.lines_list()
        ([[0, 0, 1, -1], [0, 1, -1, 0]], [[1, 1, 1]])

    The rotations by multiples of `90^\circ` (a quarter plane), and a rotation
    of order `3` that is not orthogonal (a third of the plane for the
    averaged inner product)::

        sage: r = matrix(QQ, [[0, -1], [1, 0]])
        sage: dirichlet_domain([r], x0=[2, 1]).rays_list()
        [[3, -1], [1, 3]]
        sage: t = matrix(QQ, [[0, -1], [1, -1]])
        sage: dirichlet_domain([t]).rays_list()
        [[1, -1], [1, 2]]

    TESTS::

        sage: dirichlet_domain(SymmetricGroup(3), x0=[1, 1, 0])
        Traceback (most recent call last):
        ...
        ValueError: x0 = (1, 1, 0) has a nontrivial stabiliser (it is fixed by
        [0 1 0]
        [1 0 0]
        [0 0 1])
    """
    group = finite_linear_group(G, n)
    if x0 is None:
        x0 = _default_x0(group)
    return _dirichlet(group, x0)[0]


def fundamental_domain(G, n=None):
    r"""
    Return a fundamental domain of a finite group acting on `\RR^n`.

    - For the symmetric group `S_n` (all permutations of the coordinates):
      the Weyl chamber `\{x_1 \ge x_2 \ge \dots \ge x_n\}`, a polyhedron
      with lineality space `\RR (1, \dots, 1)` ([LWCBM2024]_, Lemma 4.4).
    - For the signed permutations `B_n`:
      `\{x_1 \ge \dots \ge x_n \ge 0\}`.
    - Otherwise: the Dirichlet domain of a point with trivial stabiliser
      (:func:`dirichlet_domain`).

    INPUT:

    - ``G`` -- a group, as for :func:`~sage_tropnet.symmetry.groups.group_matrices`
    - ``n`` -- the dimension (default: the degree of ``G``)

    OUTPUT: a full-dimensional Sage polyhedron over `\QQ`

    EXAMPLES::

        sage: from sage_tropnet.symmetry.domains import fundamental_domain
        sage: from sage_tropnet.symmetry.groups import signed_permutation_group
        sage: D = fundamental_domain(SymmetricGroup(3)); D
        A 3-dimensional polyhedron in QQ^3 defined as the convex hull of 1 vertex, 2 rays, 1 line
        sage: D.inequalities_list()
        [[0, 0, 1, -1], [0, 1, -1, 0]]
        sage: fundamental_domain(signed_permutation_group(2)).rays_list()
        [[1, 0], [1, 1]]
        sage: fundamental_domain(PermutationGroup([(1, 2)]), 3).inequalities_list()
        [[0, 1, -1, 0]]
    """
    return fundamental_domain_walls(G, n=n)[0]


def _find_walls(P, group):
    r"""
    Return the walls ``[(ieq, s)]`` of a user-given fundamental domain: ``s``
    is the element with `s \Delta` on the far side of the facet.
    """
    n = group.n
    ieqs = [list(h.vector()) for h in P.inequality_generator()]
    walls = []
    for h in ieqs:
        F = polyhedron([t for t in ieqs if t is not h], n, eqns=[h])
        y = F.representative_point()
        d = -vector(QQ, h[1:])
        found = []
        for k in group.elements():
            z, w = k * y, k * d
            ok = True
            for t in ieqs:
                a = vector(QQ, t[1:])
                v = t[0] + a * z
                if v < 0 or (v == 0 and a * w <= 0):
                    ok = False
                    break
            if ok:
                found.append(k)
        if len(found) != 1:
            raise ValueError("the domain is not a face-to-face fundamental domain of the group "
                             "(%s tiles across the facet %s)" % (len(found), h))
        s = ~found[0]
        s.set_immutable()
        walls.append((primitive_row(h), s))
    return walls


def fundamental_domain_walls(G, domain=None, n=None):
    r"""
    Return a fundamental domain of ``G`` and its walls, with the elements
    that glue the tile `\Delta` to its neighbours.

    INPUT:

    - ``G`` -- a group, as for :func:`~sage_tropnet.symmetry.groups.group_matrices`
    - ``domain`` -- (default: :func:`fundamental_domain`) a fundamental
      domain whose tiles `g \Delta` meet face to face
    - ``n`` -- the dimension (default: the degree of ``G``)

    OUTPUT: a pair ``(Delta, walls)``: the domain, and one tuple
    ``(ieq, s, s^{-1}, partner)`` per facet `F` of `\Delta`: its primitive
    inequality (see :func:`~sage_tropnet.misc.linear_algebra.primitive_row`),
    the element `s` with `s \Delta` the neighbour tile across `F`, its
    inverse, and the index ``partner`` of the wall `s^{-1} F`

    EXAMPLES::

        sage: from sage_tropnet.symmetry.domains import fundamental_domain_walls
        sage: D, walls = fundamental_domain_walls(SymmetricGroup(3))
        sage: [(ieq, partner) for ieq, s, sinv, partner in walls]
        [((0, 1, -1, 0), 0), ((0, 0, 1, -1), 1)]
        sage: walls[0][1]
        [0 1 0]
        [1 0 0]
        [0 0 1]
    """
    group = finite_linear_group(G, n)
    n = group.n
    if domain is not None:
        if domain.ambient_dim() != n or domain.dim() != n:
            raise ValueError("the domain must be a full-dimensional polyhedron in QQ^%s" % n)
        P = domain
        walls = _find_walls(P, group)
    else:
        kind = group.kind()
        if kind == 'symmetric':
            P, walls = _chamber(n, False)
        elif kind == 'hyperoctahedral':
            P, walls = _chamber(n, True)
        else:
            P, walls = _dirichlet(group, _default_x0(group))
    index = {h: i for i, (h, _) in enumerate(walls)}
    out = []
    for h, s in walls:
        a = vector(QQ, h[1:])
        partner = index.get(primitive_row([-h[0]] + list(-(a * s))))
        if partner is None:
            raise ValueError("the wall %s is not mapped to a wall by\n%s" % (h, s))
        sinv = ~s
        sinv.set_immutable()
        out.append((h, s, sinv, partner))
    return P, out
