r"""
Exact polyhedra over `\QQ`: constraint rows, the counting box, interior points

The shared polyhedral primitives of ``sage_tropnet``. Constraint rows follow
Sage's convention (see the glossary in ``ARCHITECTURE.md``):

- ``ieqs`` -- exact inequalities ``[c, a_1, ..., a_n]`` over `\QQ`, meaning
  `c + a \cdot x \ge 0` (as ``Polyhedron(ieqs=...)``); ``eqns`` likewise with
  `= 0`;
- ``cons`` -- floating-point constraints ``(A, b)`` meaning `A x \le b`
  (the opposite sign, as :func:`scipy.optimize.linprog`), see
  :func:`float_constraints`.

This module provides:

- :func:`polyhedron` -- the polyhedron of ``ieqs`` and ``eqns`` in `\QQ^n`
  (PPL backend), all of `\QQ^n` when there is no constraint;
- :func:`box_inequalities` -- the inequalities of a counting box (a
  half-width `R` for the cube `[-R, R]^n`, or a polyhedron);
- :func:`float_constraints` -- ``ieqs`` as float ``cons``;
- :func:`relint_point` -- a random rational point of the relative interior of
  a polyhedron;
- :data:`FLOAT_MARGIN` -- the relative margin of floating-point sign
  decisions that are settled exactly when they are not clear.

EXAMPLES::

    sage: from sage_tropnet.misc.polyhedra import polyhedron, box_inequalities
    sage: P = polyhedron(box_inequalities(1, 2) + [[0, 1, -1]], 2); P
    A 2-dimensional polyhedron in QQ^2 defined as the convex hull of 3 vertices
    sage: sorted(P.vertices_list())
    [[-1, -1], [1, -1], [1, 1]]
    sage: polyhedron([], 2)
    A 2-dimensional polyhedron in QQ^2 defined as the convex hull of 1 vertex and 2 lines

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

from sage.modules.free_module_element import vector
from sage.rings.rational_field import QQ

#: The relative margin of the float-then-exact sign decisions. A floating-point
#: value ``v`` of an expression ``sum(t_i)`` (for example ``c + a . x``
#: evaluated in float64) is trusted to have the sign of the exact value only if
#: ``|v| > FLOAT_MARGIN * sum(|t_i|)`` (plus ``1e-300`` against underflow);
#: otherwise the expression is evaluated exactly over `\QQ`. The rounding error
#: of such a sum of products of float64 numbers (each rounded once from an
#: exact rational) is below `10^{-14}` of ``sum(|t_i|)`` for the sizes met
#: here, so the margin leaves a factor of about 1000. Used by the certified
#: upper hulls (:mod:`sage_tropnet.hull`) and the facet certificates
#: (:mod:`sage_tropnet.certify`, its ``MARGIN``).
FLOAT_MARGIN = 1e-11


def polyhedron(ieqs, n, eqns=()):
    r"""
    Return the polyhedron `\{x \in \QQ^n : c + a \cdot x \ge 0\}` of the
    inequalities ``ieqs`` and the equations ``eqns``, over `\QQ` (PPL backend).

    INPUT:

    - ``ieqs`` -- a list of inequalities ``[c, a_1, ..., a_n]`` (meaning
      `c + a \cdot x \ge 0`)
    - ``n`` -- the ambient dimension
    - ``eqns`` -- (default: ``()``) a list of equations ``[c, a_1, ..., a_n]``
      (meaning `c + a \cdot x = 0`)

    OUTPUT: a Sage ``Polyhedron`` over `\QQ` with the PPL backend; without
    constraints, all of `\QQ^n`

    EXAMPLES::

        sage: from sage_tropnet.misc.polyhedra import polyhedron
        sage: sorted(polyhedron([[1, 1], [1, -1]], 1).vertices_list())
        [[-1], [1]]
        sage: polyhedron([[0, 1, 0]], 2, eqns=[[-1, 1, 1]])
        A 1-dimensional polyhedron in QQ^2 defined as the convex hull of 1 vertex and 1 ray
        sage: polyhedron([], 3).lines_list()
        [[0, 0, 1], [0, 1, 0], [1, 0, 0]]
        sage: polyhedron([[-1, 0], [0, 0]], 1).is_empty()
        True
        sage: polyhedron([(1/2, 1)], 1).backend()
        'ppl'
    """
    from sage.geometry.polyhedron.constructor import Polyhedron
    ieqs = [list(t) for t in ieqs]
    eqns = [list(t) for t in eqns]
    if not ieqs and not eqns:
        return Polyhedron(lines=[[int(i == j) for j in range(n)] for i in range(n)],
                          vertices=[[0] * n], base_ring=QQ, backend='ppl')
    return Polyhedron(ieqs=ieqs, eqns=eqns, base_ring=QQ, backend='ppl', ambient_dim=n)


def box_inequalities(box, n, full_dimensional=False):
    r"""
    Return the inequalities of the counting box ``box`` in `\RR^n`.

    INPUT:

    - ``box`` -- the counting domain: ``None`` (all of `\RR^n`), a positive
      rational `R` (the box half-width: the cube `[-R, R]^n`; a float is
      converted with ``QQ``) or a Sage polyhedron in `\RR^n`
    - ``n`` -- the dimension
    - ``full_dimensional`` -- boolean (default: ``False``); if ``True``, a
      polyhedron that is not full-dimensional is refused

    OUTPUT: a list of inequalities ``[c, a_1, ..., a_n]`` (meaning
    `c + a \cdot x \ge 0`): for the cube `x_i \ge -R` then `x_i \le R` for
    every `i`; for a polyhedron its inequalities, then each of its equations
    as two opposite inequalities

    EXAMPLES::

        sage: from sage_tropnet.misc.polyhedra import box_inequalities
        sage: box_inequalities(2, 2)
        [[2, 1, 0], [2, -1, 0], [2, 0, 1], [2, 0, -1]]
        sage: box_inequalities(None, 2)
        []
        sage: box_inequalities(Polyhedron(vertices=[(0, 0), (1, 0), (0, 1)]), 2)
        [[0, 1, 0], [0, 0, 1], [1, -1, -1]]
        sage: box_inequalities(Polyhedron(vertices=[(0, 0), (1, 1)]), 2)
        [[0, 0, 1], [1, 0, -1], [0, 1, -1], [0, -1, 1]]

    TESTS::

        sage: box_inequalities(-1, 2)
        Traceback (most recent call last):
        ...
        ValueError: the box half-width must be positive, got -1
        sage: box_inequalities(Polyhedron(vertices=[(0, 0)]), 3)
        Traceback (most recent call last):
        ...
        ValueError: the box lives in dimension 2, the map in 3
        sage: box_inequalities(Polyhedron(vertices=[(0, 0), (1, 1)]), 2, full_dimensional=True)
        Traceback (most recent call last):
        ...
        ValueError: the counting domain must be full-dimensional
    """
    if box is None:
        return []
    if hasattr(box, 'inequalities_list'):
        if box.ambient_dim() != n:
            raise ValueError("the box lives in dimension %s, the map in %s"
                             % (box.ambient_dim(), n))
        if full_dimensional and box.dim() < n:
            raise ValueError("the counting domain must be full-dimensional")
        rows = [list(r) for r in box.inequalities_list()]
        for e in box.equations_list():
            rows.append(list(e))
            rows.append([-a for a in e])
        return rows
    R = QQ(box)
    if R <= 0:
        raise ValueError("the box half-width must be positive, got %s" % R)
    out = []
    for i in range(n):
        e = [0] * n
        e[i] = 1
        out.append([R] + e)
        out.append([R] + [-a for a in e])
    return out


def float_constraints(ieqs, n=None):
    r"""
    Return the exact inequalities ``ieqs`` as floating-point constraints
    ``(A, b)`` meaning `A x \le b`.

    An inequality ``[c, a_1, ..., a_n]`` (`c + a \cdot x \ge 0`) becomes the
    row `-a` of `A` and the entry `c` of `b`.

    INPUT:

    - ``ieqs`` -- a list of inequalities ``[c, a_1, ..., a_n]``
    - ``n`` -- (default: read from ``ieqs``) the dimension; needed when
      ``ieqs`` is empty

    OUTPUT: a pair of numpy arrays ``(A, b)`` of shapes ``(m, n)`` and ``(m,)``

    EXAMPLES::

        sage: from sage_tropnet.misc.polyhedra import box_inequalities, float_constraints
        sage: A, b = float_constraints(box_inequalities(1/2, 2)); A, b
        (array([[-1., -0.],
                [ 1., -0.],
                [-0., -1.],
                [-0.,  1.]]),
         array([0.5, 0.5, 0.5, 0.5]))
        sage: float_constraints([], 3)[0].shape
        (0, 3)
    """
    import numpy as np
    if n is None:
        if not ieqs:
            raise ValueError("the dimension n is needed for an empty list of inequalities")
        n = len(ieqs[0]) - 1
    A = np.array([[-float(a) for a in r[1:]] for r in ieqs], dtype=float).reshape(len(ieqs), n)
    b = np.array([float(r[0]) for r in ieqs], dtype=float)
    return A, b


def relint_point(P, rng=None):
    r"""
    Return a random rational point of the relative interior of a polyhedron.

    The point is a convex combination of the vertices with random positive
    weights, plus random positive multiples of the rays and random multiples
    of the lines.

    INPUT:

    - ``P`` -- a nonempty Sage polyhedron, or its V-representation as a
      triple ``(vertices, rays, lines)`` of lists of vectors over `\QQ`
      (faster when many points of one polyhedron are drawn)
    - ``rng`` -- (default: Sage's current random state, see
      :func:`set_random_seed`) a :class:`random.Random` instance or any
      object with a ``randint`` method

    OUTPUT: a vector over `\QQ`

    EXAMPLES::

        sage: import random
        sage: from sage_tropnet.misc.polyhedra import relint_point
        sage: P = Polyhedron(vertices=[(0, 0), (1, 0), (0, 1)], rays=[(1, 1)])
        sage: x = relint_point(P, random.Random(int(1))); x
        (12261367291/2827124736, 40561165123/10366124032)
        sage: P.relative_interior_contains(x)
        True
        sage: L = Polyhedron(vertices=[(0, 0, 0)], lines=[(1, 0, 0)], rays=[(0, 1, 1)])
        sage: all(L.relative_interior_contains(relint_point(L)) for _ in range(5))
        True
        sage: V = [vector(QQ, v) for v in P.vertices_list()]
        sage: R = [vector(QQ, r) for r in P.rays_list()]
        sage: relint_point((V, R, []), random.Random(int(1))) == x
        True
    """
    if rng is None:
        from sage.misc import prandom as rng
    if isinstance(P, tuple):
        vertices, rays, lines = P
    else:
        vertices = [v.vector() for v in P.vertices()]
        rays = [r.vector() for r in P.rays()]
        lines = [l.vector() for l in P.lines()]
    w = [QQ(rng.randint(1, 1 << 20)) for _ in vertices]
    s = sum(w)
    pt = sum((wi / s * v for wi, v in zip(w, vertices)), vector(QQ, len(vertices[0])))
    for r in rays:
        pt += QQ(rng.randint(1, 1 << 20)) / (1 << 16) * r
    for l in lines:
        pt += QQ(rng.randint(-(1 << 20), 1 << 20)) / (1 << 16) * l
    return pt
