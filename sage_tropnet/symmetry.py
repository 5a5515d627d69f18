r"""
Symmetric networks: group actions, fundamental domains and orbit counting

A piecewise-linear function `f` is *invariant* under a finite group `G`
acting linearly on `\RR^n` if `f \circ g = f` for all `g \in G`
([LWCBM2024]_, Def. 4.1). Then `G` permutes the linear regions of `f`, and a
fundamental domain `\Delta` (Def. 4.2: the tiles `g\Delta` cover `\RR^n` and
have pairwise disjoint interiors) carries all the information. This module
provides:

- group actions: permutation groups (``SymmetricGroup(n)``,
  ``PermutationGroup``), the hyperoctahedral group of signed permutations
  (:func:`signed_permutation_group`), Sage matrix groups, and any finite group
  given by a list of exact matrices (:func:`group_matrices`);
- an exact invariance test with a rational counterexample
  (:func:`is_invariant`);
- fundamental domains: the Weyl chambers of `S_n` and of the signed
  permutations, and Dirichlet domains of arbitrary finite groups
  (:func:`fundamental_domain`, :func:`dirichlet_domain`);
- DeepSets networks ([ZKRPSS2017]_; [LWCBM2024]_, Lemma 4.4) and the
  symmetrisation of an arbitrary network;
- the **exact** number of linear regions of an invariant function computed on
  the fundamental domain only, with the bounds of [LWCBM2024]_, Thm 4.3
  (:func:`symmetric_region_count`, :func:`region_orbits`);
- the paper's sampling estimate on the fundamental domain ("Algorithm 2",
  :func:`fundamental_domain_estimate`) and the plain sampling estimate
  (:func:`regular_estimate`).

EXAMPLES:

A DeepSets network is invariant under permutations of its inputs; its regions
are counted on the chamber `x_1 \ge x_2 \ge x_3` and agree with the plain
count::

    sage: from sage_tropnet.symmetry import (deepset_network, is_invariant,
    ....:     symmetric_region_count, fundamental_domain)
    sage: from sage_tropnet.regions import count_linear_regions
    sage: net = deepset_network(3, 1/2, -1/3); net
    ReLU network [3, 3, 1] (output activation: linear)
    sage: G = SymmetricGroup(3)
    sage: is_invariant(net, G)
    (True, None)
    sage: fundamental_domain(G, 3).inequalities_list()
    [[0, 0, 1, -1], [0, 1, -1, 0]]
    sage: symmetric_region_count(net, G), count_linear_regions(net)
    (8, 8)

AUTHORS:

- sage_tropnet developers (2026-11): initial version

REFERENCES:

- [LWCBM2024]_ §4 (Def. 4.1, 4.2, Thm 4.3, Lemma 4.4, Algorithm 2)
- [ZKRPSS2017]_ (DeepSets)
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

import itertools
import random as _random
from collections import Counter

from sage.structure.sage_object import SageObject
from sage.rings.rational_field import QQ
from sage.rings.integer_ring import ZZ
from sage.matrix.constructor import matrix
from sage.modules.free_module_element import vector

from sage_tropnet.network import ReLUNetwork
from sage_tropnet.rational import to_rational
from sage_tropnet.certify import normalize as _normalize

#: closures of more elements than this are refused (the group is infinite or huge)
CLOSURE_LIMIT = 10 ** 6


# ---------------------------------------------------------------------------
# group elements as exact matrices
# ---------------------------------------------------------------------------

def _immutable(M):
    M = matrix(QQ, M)
    M.set_immutable()
    return M


def _identity(n):
    return _immutable(matrix.identity(QQ, n))


def _perm_matrix(images, n):
    r"""
    Return the matrix of `e_i \mapsto e_{\pi(i)}` (0-based images, identity
    beyond ``len(images)``).
    """
    M = matrix(QQ, n, n)
    for i in range(n):
        M[images[i] if i < len(images) else i, i] = 1
    M.set_immutable()
    return M


def _element_matrix(g, n):
    """
    Return the matrix (over `\\QQ`, immutable) of a group element acting on `\\QQ^n`.
    """
    from sage.groups.perm_gps.permgroup_element import PermutationGroupElement
    if isinstance(g, PermutationGroupElement):
        P = g.parent()
        dom = list(P.domain())
        if dom != list(range(1, len(dom) + 1)):
            raise ValueError("permutation groups must act on {1, ..., d}, got domain %s" % (dom,))
        if n is None:
            n = len(dom)
        if len(dom) > n:
            raise ValueError("a permutation of degree %s does not act on QQ^%s" % (len(dom), n))
        return _perm_matrix([g(i) - 1 for i in range(1, len(dom) + 1)], n)
    if hasattr(g, 'matrix') and not hasattr(g, 'nrows'):
        g = g.matrix()
    M = _immutable(g)
    if not M.is_square() or (n is not None and M.nrows() != n):
        raise ValueError("expected a %s x %s matrix, got %s x %s" % (n, n, M.nrows(), M.ncols()))
    if M.det() == 0:
        raise ValueError("a group element must be invertible:\n%s" % M)
    return M


def _has_finite_order(M):
    r"""
    Return whether a rational matrix has finite order (diagonalisable with
    roots of unity as eigenvalues).
    """
    return (all(f.is_cyclotomic() for f, _ in M.charpoly().factor())
            and M.minpoly().is_squarefree())


def _closure(gens, n, limit=CLOSURE_LIMIT):
    r"""
    Return the elements of the group generated by ``gens`` (identity first).

    Unless all generators are signed permutations, every new element is
    checked to have finite order, so infinite groups are detected early.
    """
    I = _identity(n)
    seen = {I: None}
    frontier = [I]
    check = not all(_is_signed_permutation(g) for g in gens)
    while frontier:
        new = []
        for a in frontier:
            for g in gens:
                b = a * g
                b.set_immutable()
                if b not in seen:
                    if check and not _has_finite_order(b):
                        raise ValueError("the group generated is infinite: it contains the "
                                         "element of infinite order\n%s" % b)
                    seen[b] = None
                    new.append(b)
        if len(seen) > limit:
            raise ValueError("the group generated has more than %s elements "
                             "(it may be infinite)" % limit)
        frontier = new
    return list(seen)


def _is_signed_permutation(M):
    n = M.nrows()
    nz = M.nonzero_positions()
    return (len(nz) == n and len(set(i for i, _ in nz)) == n and len(set(j for _, j in nz)) == n
            and all(M[i, j] in (1, -1) for i, j in nz))


def _is_permutation(M):
    return _is_signed_permutation(M) and all(M[i, j] == 1 for i, j in M.nonzero_positions())


class _Group:
    r"""
    A finite group acting linearly on `\QQ^n`, stored by exact generators.
    """

    def __init__(self, gens, n, order=None, elements=None, name=None):
        self.n = n
        self.identity = _identity(n)
        self.gens = [g for g in gens if g != self.identity]
        self._order = None if order is None else ZZ(order)
        self._elements = elements
        self.name = name

    def elements(self):
        if self._elements is None:
            self._elements = _closure(self.gens, self.n)
            if self._order is not None and len(self._elements) != self._order:
                raise ValueError("the matrices generate %s elements, the group has order %s"
                                 % (len(self._elements), self._order))
        return self._elements

    def order(self):
        if self._order is None:
            self._order = ZZ(len(self.elements()))
        return self._order

    def kind(self):
        n = self.n
        if all(_is_permutation(g) for g in self.gens) and self.order() == ZZ(n).factorial():
            return 'symmetric'
        if all(_is_signed_permutation(g) for g in self.gens) and \
                self.order() == 2 ** n * ZZ(n).factorial():
            return 'hyperoctahedral'
        return 'general'

    def is_orthogonal(self):
        return all(g.transpose() * g == self.identity for g in self.gens)

    def permutation_representation(self):
        if not hasattr(self, '_perm_rep'):
            self._perm_rep = _permutation_representation(self)
        return self._perm_rep


def _as_group(G, n=None):
    r"""
    Normalise a group specification to a :class:`_Group`.
    """
    if isinstance(G, _Group):
        if n is not None and G.n != n:
            raise ValueError("the group acts on QQ^%s, the map lives in QQ^%s" % (G.n, n))
        return G
    from sage.groups.perm_gps.permgroup import PermutationGroup_generic
    if isinstance(G, PermutationGroup_generic):
        if n is None:
            n = G.degree()
        gens = [_element_matrix(g, n) for g in G.gens()]
        return _Group(gens, n, order=G.order(), name=repr(G))
    if hasattr(G, 'gens') and hasattr(G, 'is_finite') and not isinstance(G, (list, tuple)):
        gens = [_element_matrix(g, n) for g in G.gens()]
        if not gens:
            raise ValueError("the group has no generators")
        return _Group(gens, gens[0].nrows(), name=repr(G))
    mats = [_element_matrix(g, n) for g in G]
    if not mats:
        if n is None:
            raise ValueError("an empty list of matrices needs the dimension n")
        return _Group([], n, order=1, elements=[_identity(n)])
    n = mats[0].nrows()
    if any(M.nrows() != n for M in mats):
        raise ValueError("the matrices have different sizes")
    # a small generating set, greedily
    gens = []
    els = [_identity(n)]
    H = set(els)
    for M in mats:
        if M not in H:
            gens.append(M)
            els = _closure(gens, n)
            H = set(els)
    return _Group(gens, n, order=len(els), elements=els)


class _Subgroup:
    r"""
    The subgroup of a :class:`_Group` generated by some of its elements:
    order and membership, through GAP on a faithful permutation
    representation (the action on the orbits of the basis vectors), or by
    enumerating the elements if GAP is not available.
    """

    def __init__(self, group, gens):
        self.group = group
        self.gens = []
        for g in gens:
            if g != group.identity and g not in self.gens:
                self.gens.append(g)
        self._gap = None
        self._elements = None
        rep = group.permutation_representation()
        if rep is not None and self.gens:
            from sage.libs.gap.libgap import libgap
            self._gap = libgap.Group([rep(g) for g in self.gens])
        elif self.gens:
            self._elements = set(_closure(self.gens, group.n))

    def order(self):
        if not self.gens:
            return ZZ(1)
        if self._gap is not None:
            return ZZ(self._gap.Size())
        return ZZ(len(self._elements))

    def __contains__(self, g):
        if g == self.group.identity:
            return True
        if not self.gens:
            return False
        if self._gap is not None:
            return self.group.permutation_representation()(g) in self._gap
        return g in self._elements

    def elements(self):
        return _closure(self.gens, self.group.n)


def _permutation_representation(group):
    r"""
    Return a function mapping a group element to a GAP permutation of the
    union of the orbits of the basis vectors (a faithful action), or ``None``
    if GAP is not available.
    """
    try:
        from sage.libs.gap.libgap import libgap
    except ImportError:  # pragma: no cover - modular installs without GAP
        return None
    n = group.n
    points = []
    index = {}
    for j in range(n):
        e = tuple(QQ(int(i == j)) for i in range(n))
        if e in index:
            continue
        index[e] = len(points)
        points.append(e)
        queue = [e]
        while queue:
            v = vector(QQ, queue.pop())
            for g in group.gens:
                w = tuple(g * v)
                if w not in index:
                    index[w] = len(points)
                    points.append(w)
                    queue.append(w)
                    if len(points) > CLOSURE_LIMIT:
                        raise ValueError("the group is infinite or too large")
    P = matrix(QQ, points).transpose()

    def rep(g):
        Q = g * P
        return libgap.PermList([index[tuple(c)] + 1 for c in Q.columns()])
    return rep


def group_matrices(G, n=None):
    r"""
    Return all elements of a finite group as exact matrices acting on `\QQ^n`.

    A permutation `\pi` acts by `e_i \mapsto e_{\pi(i)}`, i.e.
    `(\pi x)_{\pi(i)} = x_i`.

    INPUT:

    - ``G`` -- a Sage permutation group (acting on `\{1, \dots, d\}`,
      `d \le n`, identity on the remaining coordinates), a finite Sage matrix
      group, or a list of square matrices (or permutations); a list stands for
      the group it generates
    - ``n`` -- integer (default: the degree of ``G``); the dimension

    OUTPUT: a list of immutable matrices over `\QQ`, the identity first

    EXAMPLES::

        sage: from sage_tropnet.symmetry import group_matrices
        sage: M = group_matrices(SymmetricGroup(3)); len(M)
        6
        sage: M[0]
        [1 0 0]
        [0 1 0]
        [0 0 1]
        sage: len(group_matrices(PermutationGroup([(1, 2)]), 4))
        2
        sage: r = matrix(QQ, [[0, -1], [1, 0]])
        sage: len(group_matrices([r])), len(group_matrices(MatrixGroup([r])))
        (4, 4)

    TESTS::

        sage: group_matrices([matrix(QQ, [[2]])])
        Traceback (most recent call last):
        ...
        ValueError: the group generated is infinite: it contains the element of infinite order
        [2]
        sage: group_matrices([matrix([[-1, 0], [0, 1]]), matrix([[3, -4], [4, 3]]) / 5])
        Traceback (most recent call last):
        ...
        ValueError: the group generated is infinite: ...
    """
    return list(_as_group(G, n).elements())


def signed_permutation_group(n):
    r"""
    Return the hyperoctahedral group `B_n` of signed permutation matrices.

    OUTPUT: a list of the `2^n n!` matrices, the identity first

    EXAMPLES::

        sage: from sage_tropnet.symmetry import signed_permutation_group
        sage: B = signed_permutation_group(2); len(B)
        8
        sage: B[1]
        [ 1  0]
        [ 0 -1]
        sage: len(signed_permutation_group(3))
        48
    """
    out = []
    for perm in itertools.permutations(range(n)):
        for signs in itertools.product((1, -1), repeat=n):
            M = matrix(QQ, n, n)
            for i in range(n):
                M[perm[i], i] = signs[i]
            M.set_immutable()
            out.append(M)
    return out


# ---------------------------------------------------------------------------
# fundamental domains
# ---------------------------------------------------------------------------

def _polyhedron(ieqs, n, eqns=()):
    from sage.geometry.polyhedron.constructor import Polyhedron
    if not ieqs and not eqns:
        return Polyhedron(lines=[[int(i == j) for j in range(n)] for i in range(n)],
                          vertices=[[0] * n], base_ring=QQ, backend='ppl')
    return Polyhedron(ieqs=[list(t) for t in ieqs], eqns=[list(t) for t in eqns],
                      base_ring=QQ, backend='ppl', ambient_dim=n)


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
        walls.append((_normalize([0] + a), _perm_matrix(images, n)))
    if signed:
        s = matrix.identity(QQ, n)
        s[n - 1, n - 1] = -1
        s.set_immutable()
        walls.append((_normalize([0] * n + [1]), s))
    return _polyhedron([w for w, _ in walls], n), walls


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
        key = _normalize([0] + list(M * (x0 - gx)))
        origin[key] = g
    P = _polyhedron(list(origin), n)
    walls = [(_normalize(h.vector()), origin[_normalize(h.vector())])
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

    - ``G`` -- a group, as for :func:`group_matrices`
    - ``x0`` -- a point with trivial stabiliser (default: `(n, \dots, 1)` if
      that works, otherwise a pseudo-random integer point)
    - ``n`` -- the dimension (default: the degree of ``G``)

    OUTPUT: a full-dimensional Sage polyhedron over `\QQ` (a cone)

    EXAMPLES:

    For `S_3` this is the Weyl chamber::

        sage: from sage_tropnet.symmetry import dirichlet_domain
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
    group = _as_group(G, n)
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

    - ``G`` -- a group, as for :func:`group_matrices`
    - ``n`` -- the dimension (default: the degree of ``G``)

    OUTPUT: a full-dimensional Sage polyhedron over `\QQ`

    EXAMPLES::

        sage: from sage_tropnet.symmetry import fundamental_domain, signed_permutation_group
        sage: D = fundamental_domain(SymmetricGroup(3)); D
        A 3-dimensional polyhedron in QQ^3 defined as the convex hull of 1 vertex, 2 rays, 1 line
        sage: D.inequalities_list()
        [[0, 0, 1, -1], [0, 1, -1, 0]]
        sage: fundamental_domain(signed_permutation_group(2)).rays_list()
        [[1, 0], [1, 1]]
        sage: fundamental_domain(PermutationGroup([(1, 2)]), 3).inequalities_list()
        [[0, 1, -1, 0]]
    """
    return _domain_data(_as_group(G, n))[0]


def _find_walls(P, group):
    r"""
    Return the walls ``[(ieq, s)]`` of a user-given fundamental domain: ``s``
    is the element with `s \Delta` on the far side of the facet.
    """
    n = group.n
    ieqs = [list(h.vector()) for h in P.inequality_generator()]
    walls = []
    for h in ieqs:
        F = _polyhedron([t for t in ieqs if t is not h], n, eqns=[h])
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
        walls.append((_normalize(h), _immutable(~found[0])))
    return walls


def _domain_data(group, domain=None):
    r"""
    Return ``(Delta, walls)`` with ``walls`` a list of tuples
    ``(ieq, s, s^{-1}, partner)``; ``partner`` is the index of the wall
    `s^{-1} F`.
    """
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
        partner = index.get(_normalize([-h[0]] + list(-(a * s))))
        if partner is None:
            raise ValueError("the wall %s is not mapped to a wall by\n%s" % (h, s))
        sinv = ~s
        sinv.set_immutable()
        out.append((h, s, sinv, partner))
    return P, out


# ---------------------------------------------------------------------------
# invariance
# ---------------------------------------------------------------------------

def _input_dimension(obj):
    if isinstance(obj, ReLUNetwork):
        return obj.input_dimension()
    if hasattr(obj, 'nvariables'):
        return obj.nvariables()
    raise TypeError("expected a network or a tropical map, got %s" % type(obj).__name__)


def _default_method(obj, method):
    if method is None:
        return 'activation' if isinstance(obj, ReLUNetwork) else 'tropical'
    return method


def _evaluate(obj, x, output=0):
    x = list(x)
    if isinstance(obj, ReLUNetwork):
        return obj(x)[output]
    from sage_tropnet.puiseux import TropicalRationalMapVector
    if isinstance(obj, TropicalRationalMapVector):
        return obj[output](x)
    return obj(x)


class _PullbackOracle:
    r"""
    Cells of the common refinement of the cells of `f` and of `f \circ g`:
    a key is the pair (cell of `x`, cell of `g x`).
    """

    def __init__(self, base, g):
        self.base = base
        self.g = g
        self.n = base.n
        self._cache = {}

    def key_at(self, y, d):
        k1 = self.base.key_at(y, d)
        if k1 is None:
            return None
        k2 = self.base.key_at(self.g * y, None if d is None else self.g * d)
        if k2 is None:
            return None
        return (k1, k2)

    def ieqs(self, key):
        if key not in self._cache:
            k1, k2 = key
            pulled = [[t[0]] + list(vector(QQ, t[1:]) * self.g) for t in self.base.ieqs(k2)]
            self._cache[key] = list(self.base.ieqs(k1)) + pulled
        return self._cache[key]

    def agree(self, key):
        k1, k2 = key
        a1, c1 = self.base.label(k1)
        a2, c2 = self.base.label(k2)
        return tuple(a1) == tuple(vector(QQ, a2) * self.g) and c1 == c2


def _relint_points(P, rng):
    r"""
    Yield rational points of the interior of a full-dimensional polyhedron.
    """
    yield P.representative_point()
    V = [v.vector() for v in P.vertices()]
    R = [r.vector() for r in P.rays()]
    L = [l.vector() for l in P.lines()]
    while True:
        w = [QQ(rng.randint(1, 1 << 20)) for _ in V]
        s = sum(w)
        pt = sum((wi / s * v for wi, v in zip(w, V)), vector(QQ, P.ambient_dim()))
        for r in R:
            pt += QQ(rng.randint(1, 1 << 20)) / (1 << 16) * r
        for l in L:
            pt += QQ(rng.randint(-(1 << 20), 1 << 20)) / (1 << 16) * l
        yield pt


def _simplify_witness(obj, g, x, output):
    r"""
    Return a point with small denominators near ``x`` that is still a
    counterexample (``x`` itself if none is found).
    """
    for k in range(31):
        y = vector(QQ, [(t * 2 ** k).round() / 2 ** k for t in x])
        if _evaluate(obj, g * y, output) != _evaluate(obj, y, output):
            return y
    return x


def is_invariant(obj, G, output=0, method=None, seed=0):
    r"""
    Decide exactly whether `f \circ g = f` for every `g \in G`.

    INPUT:

    - ``obj`` -- a :class:`~sage_tropnet.network.ReLUNetwork` or a tropical
      rational map (or polynomial, or vector of maps)
    - ``G`` -- a group, as for :func:`group_matrices`
    - ``output`` -- integer (default: ``0``); the output coordinate
    - ``method`` -- ``'activation'`` or ``'tropical'`` (default: activation
      for networks, tropical for maps); the cells used, as in
      :func:`~sage_tropnet.regions.linear_regions`
    - ``seed`` -- seed for the random points of the search (the answer does
      not depend on it)

    OUTPUT: ``(True, None)``, or ``(False, x)`` with an exact rational point
    `x` such that `f(g x) \ne f(x)` for some generator `g` of `G` (checked
    with the exact forward pass)

    ALGORITHM:

    It suffices to test the generators. For a generator `g`, `f \circ g` is
    again piecewise linear; its cells are the preimages `g^{-1} C'` of the
    cells `C'` of `f`. The full-dimensional cells `C \cap g^{-1} C'` of the
    common refinement are enumerated by the output-sensitive facet-crossing
    search of :mod:`sage_tropnet.regions` (a cell is a pair of keys: the cell
    of `x` and the cell of `g x`), and on each of them the affine maps of `f`
    (gradient `a`, constant `c`) and of `f \circ g` (gradient `g^T a'`,
    constant `c'`) are compared exactly. A cell where they differ yields a
    counterexample: a rational interior point (the representative point, or a
    random interior point if the two maps happen to agree there), replaced by
    a dyadic point with the smallest denominator `2^k \le 2^{30}` near it
    that is still a counterexample (any point `x` with `f(g x) \ne f(x)` is
    one, inside the cell or not).

    EXAMPLES::

        sage: from sage_tropnet.symmetry import deepset_network, is_invariant
        sage: from sage_tropnet.network import ReLUNetwork
        sage: net = deepset_network(3, 1, -1/2)
        sage: is_invariant(net, SymmetricGroup(3))
        (True, None)

    Changing one weight breaks the symmetry; the counterexample is checked::

        sage: (W, b, _), (W2, b2, _) = net.layers()
        sage: W = copy(W); W[0, 1] += 1/10
        sage: bad = ReLUNetwork([(W, b), (W2, b2)])
        sage: ok, x = is_invariant(bad, SymmetricGroup(3)); ok, x
        (False, (46, 6, 43))
        sage: bad(x), bad([43, 46, 6])
        ((0), (1/10))
        sage: from sage_tropnet.symmetry import group_matrices
        sage: any(bad(g * x) != bad(x) for g in group_matrices(SymmetricGroup(3)))
        True

    Tropical maps, and signed permutations::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.symmetry import signed_permutation_group
        sage: x, y = TP.gens(2)
        sage: f = (x + y) / 0
        sage: is_invariant(f, SymmetricGroup(2))
        (True, None)
        sage: is_invariant(f, signed_permutation_group(2))[0]
        False
        sage: is_invariant(f * x**(-1) * y**(-1) + x * y, signed_permutation_group(2))[0]
        False
    """
    n = _input_dimension(obj)
    group = _as_group(G, n)
    method = _default_method(obj, method)
    from sage_tropnet.regions import _as_map_and_oracle, _explore
    base = _as_map_and_oracle(obj, method, output)
    rng = _random.Random(seed)
    for g in group.gens:
        oracle = _PullbackOracle(base, g)
        cells, _ = _explore(oracle, None, seed=seed, progress=False)
        for key in sorted(cells, key=repr):
            if oracle.agree(key):
                continue
            for count, x in enumerate(_relint_points(cells[key], rng)):
                if _evaluate(obj, g * x, output) != _evaluate(obj, x, output):
                    return (False, _simplify_witness(obj, g, x, output))
                if count > 1000:
                    raise RuntimeError("no witness found in a cell where the maps differ")
    return (True, None)


# ---------------------------------------------------------------------------
# invariant networks
# ---------------------------------------------------------------------------

def deepset_network(n, lam, gamma, beta=0, output_activation='linear'):
    r"""
    Return the DeepSets network `x \mapsto \sum_i \mathrm{ReLU}(W x + \beta)_i`
    with `W = \lambda I + \gamma \mathbf{1}\mathbf{1}^T`.

    `W` commutes with every permutation matrix ([LWCBM2024]_, Lemma 4.4;
    [ZKRPSS2017]_), so the network is invariant under `S_n`. The paper uses
    the bias `\beta = 0`; a constant bias vector keeps the symmetry.

    INPUT:

    - ``n`` -- the input dimension
    - ``lam``, ``gamma`` -- rationals (floats are taken exactly)
    - ``beta`` -- rational (default: ``0``); the bias of every hidden neuron
    - ``output_activation`` -- ``'linear'`` (default) or ``'relu'``

    OUTPUT: a :class:`~sage_tropnet.network.ReLUNetwork` of architecture
    ``[n, n, 1]``

    EXAMPLES::

        sage: from sage_tropnet.symmetry import deepset_network
        sage: net = deepset_network(3, 2, -1); net.layers()[0][0]
        [ 1 -1 -1]
        [-1  1 -1]
        [-1 -1  1]
        sage: net([3, 0, 1]), net([0, 1, 3])
        ((2), (2))
    """
    lam, gamma, beta = to_rational(lam), to_rational(gamma), to_rational(beta)
    W = lam * matrix.identity(QQ, n) + gamma * matrix(QQ, n, n, [1] * (n * n))
    return ReLUNetwork([(W, [beta] * n), ([[1] * n], [0])], output_activation=output_activation)


def random_deepset(n, seed=None, bias=False, output_activation='linear'):
    r"""
    Return a random DeepSets network: `\lambda, \gamma \sim U(-1, 1)`.

    As ``DeepSetNetwork`` of the paper's notebook ([LWCBM2024]_, §4): the
    float64 values are taken exactly. With ``bias=True`` the hidden bias
    `\beta` is drawn from `U(-1, 1)` too (the paper has `\beta = 0`).

    EXAMPLES::

        sage: from sage_tropnet.symmetry import random_deepset
        sage: net = random_deepset(4, seed=1); net
        ReLU network [4, 4, 1] (output activation: linear)
        sage: net == random_deepset(4, seed=1)
        True
        sage: lam = net.layers()[0][0][0, 0] - net.layers()[0][0][0, 1]
        sage: lam == QQ(float(lam).as_integer_ratio())
        True
    """
    import numpy as np
    rng = np.random.default_rng(None if seed is None else int(seed))
    lam, gamma, beta = (float(t) for t in rng.uniform(-1, 1, 3))
    return deepset_network(n, lam, gamma, beta if bias else 0,
                           output_activation=output_activation)


def symmetrize_network(net, G):
    r"""
    Return a network computing `x \mapsto \sum_{g \in G} f(g x)`.

    The first layer stacks the copies `W_1 g`, the hidden layers are block
    diagonal, and the output layer sums the copies (with a linear output
    layer; with a ReLU output layer the outputs of the copies are rectified
    and then summed by an extra linear layer). The result is `G`-invariant.

    EXAMPLES::

        sage: from sage_tropnet.symmetry import symmetrize_network, is_invariant
        sage: from sage_tropnet.network import random_network
        sage: h = random_network([2, 2, 1], seed=3)
        sage: f = symmetrize_network(h, SymmetricGroup(2)); f
        ReLU network [2, 4, 1] (output activation: linear)
        sage: f([1, 1/3]) == h([1, 1/3]) + h([1/3, 1])
        True
        sage: is_invariant(f, SymmetricGroup(2))
        (True, None)
        sage: g = symmetrize_network(h.with_output_activation('relu'), SymmetricGroup(2)); g
        ReLU network [2, 4, 2, 1] (output activation: linear)
    """
    from sage.matrix.special import block_matrix, block_diagonal_matrix
    n = net.input_dimension()
    els = _as_group(G, n).elements()
    k = len(els)
    L = net.layers()
    last_linear = L[-1][2][0] == 'linear'
    body = L[:-1] if last_linear else L
    layers, acts = [], []
    for i, (W, b, act) in enumerate(body):
        if i == 0:
            Wn = block_matrix([[W * g] for g in els], subdivide=False)
        else:
            Wn = block_diagonal_matrix([W] * k, subdivide=False)
        layers.append((Wn, list(b) * k))
        acts.append(act)
    m = net.output_dimension()
    if last_linear:
        W, b, act = L[-1]
        if body:
            Wn = block_matrix([[W] * k], subdivide=False)
        else:
            Wn = sum((W * g for g in els), matrix(QQ, m, n))
        layers.append((Wn, [k * t for t in b]))
    else:
        layers.append((block_matrix([[matrix.identity(QQ, m)] * k], subdivide=False), [0] * m))
    acts.append('linear')
    return ReLUNetwork(layers, activations=acts)


# ---------------------------------------------------------------------------
# exact counting on the fundamental domain
# ---------------------------------------------------------------------------

class RegionOrbit(SageObject):
    r"""
    An orbit of linear regions of a `G`-invariant function, seen from a
    fundamental domain `\Delta`.

    Attributes:

    - ``pieces`` -- the linear regions of `f|_\Delta`
      (:class:`~sage_tropnet.regions.LinearRegion`) lying in the regions of
      this orbit
    - ``classes`` -- ``pieces`` grouped by the global region they belong to
      (one list per region of the orbit that meets `\Delta`)
    - ``stabilizer_generators`` -- matrices generating the stabiliser `G_A`
      of the region `A` containing ``pieces[0]``
    - ``stabilizer_order`` -- `|G_A|`
    - ``orbit_size`` -- `|G| / |G_A|`, the number of regions in the orbit
    - ``inside`` -- whether the regions of the orbit lie in a single tile
      (`A \subseteq \Delta` for the region meeting `\Delta`)

    EXAMPLES::

        sage: from sage_tropnet.symmetry import deepset_network, region_orbits
        sage: O = region_orbits(deepset_network(3, 1, -1/2), SymmetricGroup(3))
        sage: O[0]
        Orbit of 1 linear region (stabilizer of order 6, 1 piece in the domain)
        sage: sorted(o.orbit_size for o in O), sum(o.orbit_size for o in O)
        ([1, 1, 3, 3], 8)
        sage: len(O[0].stabilizer()), O[0].stabilizer_generators
        (6,
         [
         [0 1 0]  [1 0 0]
         [1 0 0]  [0 0 1]
         [0 0 1], [0 1 0]
         ])
    """

    def __init__(self, pieces, classes, stabilizer, group_order, inside):
        self.pieces = pieces
        self.classes = classes
        self._stabilizer = stabilizer
        self.stabilizer_generators = list(stabilizer.gens)
        self.stabilizer_order = stabilizer.order()
        self.group_order = ZZ(group_order)
        self.orbit_size = self.group_order // self.stabilizer_order
        self.inside = inside

    def stabilizer(self):
        r"""
        Return the list of elements of the stabiliser `G_A` (enumerated).

        EXAMPLES::

            sage: from sage_tropnet.symmetry import deepset_network, region_orbits
            sage: O = region_orbits(deepset_network(2, 1, 0), SymmetricGroup(2))
            sage: [len(o.stabilizer()) for o in O]
            [2, 1, 2]
        """
        return self._stabilizer.elements()

    def regions_meeting_domain(self):
        r"""
        Return the number of regions of this orbit that meet `\Delta`.

        EXAMPLES::

            sage: from sage_tropnet.symmetry import deepset_network, region_orbits
            sage: O = region_orbits(deepset_network(2, 1, 0), SymmetricGroup(2))
            sage: [(o.regions_meeting_domain(), o.orbit_size) for o in O]
            [(1, 1), (1, 2), (1, 1)]
        """
        return len(self.classes)

    def _repr_(self):
        r = self.orbit_size
        p = len(self.pieces)
        return "Orbit of %s linear region%s (stabilizer of order %s, %s piece%s in the domain)" % (
            r, "" if r == 1 else "s", self.stabilizer_order, p, "" if p == 1 else "s")


def _box_polyhedron(box, n, group):
    if box is None:
        return None
    if hasattr(box, 'inequalities_list'):
        B = box
    else:
        from sage_tropnet.hull import cube_inequalities
        B = _polyhedron(cube_inequalities(box, n), n)
        if all(_is_signed_permutation(g) for g in group.gens):
            return B
    for g in group.gens:
        if B.linear_transformation(g) != B:
            raise ValueError("the box is not invariant under the group")
    return B


def region_orbits(obj, G, domain=None, box=None, output=0, method=None, seed=0, check=False):
    r"""
    Return the orbits of the linear regions of a `G`-invariant function,
    computed on a fundamental domain.

    INPUT:

    - ``obj`` -- a network or a tropical map, invariant under ``G``
    - ``G`` -- a group, as for :func:`group_matrices`
    - ``domain`` -- a fundamental domain (default:
      :func:`fundamental_domain`); a user-given domain must be a polyhedron
      whose tiles `g \Delta` meet face to face
    - ``box`` -- ``None`` (all of `\RR^n`, default), a half-width `R` (the
      cube `[-R, R]^n`) or a polyhedron; it must be `G`-invariant
    - ``output``, ``method``, ``seed`` -- as for :func:`is_invariant`
    - ``check`` -- boolean (default: ``False``); first verify the invariance
      with :func:`is_invariant` (as expensive as a plain count)

    OUTPUT: a list of :class:`RegionOrbit`

    ALGORITHM: see :func:`symmetric_region_count`.

    EXAMPLES::

        sage: from sage_tropnet.symmetry import deepset_network, region_orbits
        sage: O = region_orbits(deepset_network(3, 1, -1/2, beta=1), SymmetricGroup(3))
        sage: [(o.orbit_size, o.stabilizer_order, o.inside) for o in O]
        [(1, 6, False), (3, 2, False), (3, 2, False), (1, 6, False)]

    TESTS::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: region_orbits(ReLUNetwork([([[1, 0]], [0])]), SymmetricGroup(2), check=True)
        Traceback (most recent call last):
        ...
        ValueError: the function is not invariant: f(g x) != f(x) at x = ...
    """
    from sage_tropnet.regions import linear_regions
    n = _input_dimension(obj)
    group = _as_group(G, n)
    method = _default_method(obj, method)
    if check:
        ok, x = is_invariant(obj, group, output=output, method=method, seed=seed)
        if not ok:
            raise ValueError("the function is not invariant: f(g x) != f(x) at x = %s" % (x,))
    Delta, walls = _domain_data(group, domain)
    B = _box_polyhedron(box, n, group)
    D = Delta if B is None else Delta.intersection(B)
    pieces = linear_regions(obj, method=method, box=D, output=output, seed=seed,
                            progress=False)
    # cells touching each wall
    cell_ieqs = []
    touching = [[] for _ in walls]
    wall_index = {h: i for i, (h, _, _, _) in enumerate(walls)}
    for p, reg in enumerate(pieces):
        rows = []
        for c, C in enumerate(reg.cells):
            ieqs = [list(h.vector()) for h in C.inequality_generator()]
            rows.append(ieqs)
            for h in ieqs:
                w = wall_index.get(_normalize(h))
                if w is not None:
                    touching[w].append((p, c))
        cell_ieqs.append(rows)
    labels = [(tuple(r.gradient), r.constant) for r in pieces]
    # edges (p, s, q): the piece p of Delta and the piece s q of s Delta are
    # facet-adjacent across a wall and carry the same affine map
    adj = {p: [] for p in range(len(pieces))}
    for wi, (h, s, sinv, pi) in enumerate(walls):
        if pi < wi:
            continue
        bylabel = {}
        for q, c in touching[pi]:
            bylabel.setdefault(labels[q], []).append((q, c))
        # if s fixes the wall pointwise, a cell is adjacent to its own image
        fixes_wall = pi == wi and all(s * v == v for v in
                                      matrix(QQ, [h[1:]]).right_kernel().basis())
        found = set()
        for p, c in touching[wi]:
            g, k = labels[p]
            key = (tuple(vector(QQ, g) * s), k)
            for q, cq in bylabel.get(key, ()):
                if (p, q) in found:
                    continue
                if fixes_wall and (p, c) == (q, cq):
                    found.add((p, q))
                    continue
                moved = [[t[0]] + list(vector(QQ, t[1:]) * sinv) for t in cell_ieqs[q][cq]]
                if _polyhedron(cell_ieqs[p][c] + moved, n).dim() == n - 1:
                    found.add((p, q))
        for p, q in sorted(found):
            adj[p].append((s, q))
            adj[q].append((sinv, p))
    # components of the quotient graph = orbits; Schreier generators = stabilisers
    I = group.identity
    order = group.order()
    orbits = []
    seen = set()
    for root in range(len(pieces)):
        if root in seen:
            continue
        t = {root: I}
        queue = [root]
        schreier = []
        has_edge = False
        while queue:
            p = queue.pop()
            for s, q in adj[p]:
                has_edge = True
                if q not in t:
                    t[q] = t[p] * s
                    t[q].set_immutable()
                    queue.append(q)
                else:
                    k = t[p] * s * ~t[q]
                    k.set_immutable()
                    if k != I:
                        schreier.append(k)
        H = _Subgroup(group, schreier)
        comp = sorted(t)
        seen.update(comp)
        classes = []
        for q in comp:
            for cl in classes:
                m = t[cl[0]] * ~t[q]
                m.set_immutable()
                if m in H:
                    cl.append(q)
                    break
            else:
                classes.append([q])
        orbits.append(RegionOrbit([pieces[q] for q in comp],
                                  [[pieces[q] for q in cl] for cl in classes],
                                  H, order, not has_edge))
    return orbits


def symmetric_region_count(obj, G, domain=None, box=None, output=0, method=None, seed=0,
                           check=False, bounds=False):
    r"""
    Return the exact number of linear regions of a `G`-invariant function,
    computed on a fundamental domain.

    INPUT:

    - ``obj`` -- a network or a tropical map, invariant under ``G`` (this is
      not checked unless ``check=True``; for a function that is not
      invariant the answer is meaningless)
    - ``G`` -- a group, as for :func:`group_matrices`
    - ``domain``, ``box``, ``output``, ``method``, ``seed``, ``check`` -- as
      for :func:`region_orbits`
    - ``bounds`` -- boolean (default: ``False``); also return the bounds of
      [LWCBM2024]_, Thm 4.3

    OUTPUT: an integer, equal to
    ``count_linear_regions(obj, box=box, output=output)``; with
    ``bounds=True`` the triple ``(count, lower, upper)`` with

    .. MATH::

        |G|\,|\mathcal U_c| \le |\mathcal U| \le |G|\,|\mathcal U_c|
        + \sum_{A \in \mathcal U_n \setminus \mathcal U_c} |G| / |G_A|,

    where `\mathcal U_c` are the regions contained in `\Delta` and
    `\mathcal U_n` those meeting `\Delta`.

    ALGORITHM:

    1. Compute the linear regions of `f|_\Delta` ("pieces") exactly with
       :func:`~sage_tropnet.regions.linear_regions` and ``box=Delta``. Every
       global region `A` is cut by the walls of the tiling
       `\{g \Delta\}` into pieces `g P`, and since `f \circ g^{-1} = f`
       the pieces in the tile `g\Delta` are exactly the images `g P` of the
       pieces `P` in `\Delta`. So the global regions are the connected
       components of the graph on `G \times \mathcal P` (node `(g, P)`
       stands for `g P`) whose edges join facet-adjacent pieces of
       neighbouring tiles that carry the same affine map.
    2. Each wall `F` of `\Delta` has a unique neighbour tile `s\Delta`
       (`s` is the adjacent transposition for the Weyl chamber, the sign
       change of `x_n` for signed permutations, the element defining the
       facet for a Dirichlet domain), and `s^{-1} F` is again a wall. For
       pieces `P` touching `F` and `Q` touching `s^{-1} F`, `P` and `s Q`
       are adjacent iff a cell of `P` and the image of a cell of `Q` meet in
       dimension `n - 1`, and they carry the same map iff
       `\nabla_Q = s^T \nabla_P` and the constants agree. This gives an edge
       `P \xrightarrow{s} Q`, i.e. `(g, P) \sim (g s, Q)` for every `g`
       (the graph is `G`-equivariant).
    3. `G` permutes the components, and the orbits of components correspond
       to the connected components of the quotient graph on `\mathcal P`.
       For a quotient component with root `P_0`, a spanning tree assigns
       `t_Q \in G` with `(t_Q, Q)` in the component `A` of `(1, P_0)`; the
       stabiliser `G_A` is generated by the Schreier elements
       `t_P s t_Q^{-1}` of the non-tree edges (covering-space argument) and
       is enumerated exactly. The orbit has `|G| / |G_A|` regions, and the
       count is the sum over the quotient components.
    4. For the bounds: the regions meeting `\Delta` in an orbit are the
       components of the `(1, Q)`, which coincide iff `t_Q t_{Q'}^{-1}
       \in G_A` (right cosets); an orbit whose quotient component has no
       edge is a region inside `\Delta` (`\mathcal U_c`).

    Cost: one region computation on `\Delta` (about `1/|G|` of the
    cells), a few polyhedra per pair of pieces with the same map on
    matching walls, and the enumeration of the stabilisers (at most `|G|`
    elements each). The plain count is never needed.

    EXAMPLES::

        sage: from sage_tropnet.symmetry import random_deepset, symmetric_region_count
        sage: from sage_tropnet.regions import count_linear_regions
        sage: net = random_deepset(4, seed=0)
        sage: symmetric_region_count(net, SymmetricGroup(4), bounds=True)
        (16, 0, 16)
        sage: count_linear_regions(net)
        16

    A network symmetrised over the signed permutations of the plane, counted
    on the chamber `x_1 \ge x_2 \ge 0`, on all of `\RR^2` and in a box::

        sage: from sage_tropnet.symmetry import symmetrize_network, signed_permutation_group
        sage: from sage_tropnet.network import random_network
        sage: B2 = signed_permutation_group(2)
        sage: f = symmetrize_network(random_network([2, 1, 1], seed=5), B2)
        sage: symmetric_region_count(f, B2, check=True), count_linear_regions(f)
        (33, 33)
        sage: symmetric_region_count(f, B2, box=1/4), count_linear_regions(f, box=1/4)
        (25, 25)

    A Dirichlet domain for a rotation group (a quarter of the plane)::

        sage: r = matrix(QQ, [[0, -1], [1, 0]])
        sage: f = symmetrize_network(random_network([2, 2, 1], seed=1), [r])
        sage: symmetric_region_count(f, [r]), count_linear_regions(f)
        (33, 33)
    """
    orbits = region_orbits(obj, G, domain=domain, box=box, output=output, method=method,
                           seed=seed, check=check)
    count = ZZ(sum(o.orbit_size for o in orbits))
    if not bounds:
        return count
    order = orbits[0].group_order if orbits else ZZ(1)
    lower = order * sum(1 for o in orbits if o.inside)
    upper = lower + sum(o.regions_meeting_domain() * o.orbit_size
                        for o in orbits if not o.inside)
    return count, lower, upper


# ---------------------------------------------------------------------------
# sampling estimates ("Algorithm 2")
# ---------------------------------------------------------------------------

def _float_patterns(net, X):
    r"""
    Return the activation patterns of the rows of ``X`` (float forward pass)
    as an integer array, one row per point.
    """
    import numpy as np
    a = np.asarray(X, dtype=float)
    cols = []
    for W, b, act in net.layers():
        Wf = np.array([[float(t) for t in row] for row in W.rows()])
        bf = np.array([float(t) for t in b])
        z = a @ Wf.T + bf
        kind = act[0]
        if kind == 'linear':
            a = z
        elif kind == 'relu':
            s = z > 0
            cols.append(s.astype(np.int64))
            a = np.where(s, z, 0.0)
        elif kind == 'leaky_relu':
            s = z > 0
            cols.append(s.astype(np.int64))
            a = np.where(s, z, float(act[1]) * z)
        else:  # maxout
            k = act[1]
            zz = z.reshape(z.shape[0], -1, k)
            idx = zz.argmax(axis=2)
            cols.append(idx.astype(np.int64))
            a = zz.max(axis=2)
    if not cols:
        return np.zeros((a.shape[0], 0), dtype=np.int64)
    return np.hstack(cols)


def _pattern_gradient(net, pattern, output=0):
    r"""
    Return the exact gradient (a tuple over `\QQ`) of an output on the cell
    of an activation pattern.
    """
    n = net.input_dimension()
    J = matrix.identity(QQ, n)
    pos = 0
    for W, b, act in net.layers():
        A = W * J
        kind = act[0]
        if kind == 'linear':
            J = A
            continue
        if kind == 'maxout':
            k = act[1]
            u = A.nrows() // k
            J = matrix(QQ, [A.row(i * k + int(pattern[pos + i])) for i in range(u)])
            pos += u
            continue
        m = A.nrows()
        alpha = act[1] if kind == 'leaky_relu' else QQ(0)
        J = matrix.diagonal(QQ, [QQ(1) if pattern[pos + i] else alpha for i in range(m)]) * A
        pos += m
    return tuple(J.row(output))


def _unique_gradients(obj, X, output=0):
    r"""
    Return the set of exact gradients of ``obj`` at the rows of ``X`` (the
    cell of each point is found in floating point).
    """
    import numpy as np
    if isinstance(obj, ReLUNetwork):
        P = _float_patterns(obj, X)
        if len(P) == 0:
            return set()
        U = np.unique(P, axis=0)
        return set(_pattern_gradient(obj, row, output) for row in U)
    from sage_tropnet.puiseux import (TropicalPuiseuxPolynomial, TropicalRationalMap,
                                      TropicalRationalMapVector)
    if isinstance(obj, TropicalRationalMapVector):
        obj = obj[output]
    if isinstance(obj, TropicalPuiseuxPolynomial):
        obj = TropicalRationalMap(obj)
    X = np.asarray(X, dtype=float)
    idx = []
    exps = []
    for p in (obj.numerator().merged(), obj.denominator().merged()):
        E = [vector(QQ, e) for e in p.exponents()]
        Ef = np.array([[float(t) for t in e] for e in E]).reshape(len(E), X.shape[1])
        cf = np.array([float(t) for t in p.coefficients()])
        idx.append((X @ Ef.T + cf).argmax(axis=1))
        exps.append(E)
    pairs = np.unique(np.stack(idx, axis=1), axis=0)
    return set(tuple(exps[0][i] - exps[1][j]) for i, j in pairs)


def _multiplicity(J):
    r"""
    Return `n! / \prod_c c!` over the multiplicities `c` of the entries of `J`.
    """
    m = ZZ(len(J)).factorial()
    for c in Counter(J).values():
        m //= ZZ(c).factorial()
    return m


def fundamental_domain_estimate(obj, radius=20, samples=None, seed=0, output=0):
    r"""
    Return the fundamental-domain sampling estimate of the number of linear
    regions of an `S_n`-invariant function ([LWCBM2024]_, Algorithm 2).

    Draw `\lfloor N / n! \rfloor` points uniformly in `[-R, R]^n`, sort
    each one ascending (so they lie in the chamber
    `x_1 \le \dots \le x_n`, pitfall P9), collect the distinct gradients
    `J`, and return `\sum_J n! / \prod_{c \in C(J)} c!`, where `C(J)` are
    the multiplicities of the entries of `J`.

    INPUT:

    - ``obj`` -- a network or a tropical map
    - ``radius`` -- `R` (default: ``20``, the paper's v2 notebook)
    - ``samples`` -- `N` (default: `10^n`, the paper's ``base_num_points ** n``)
    - ``seed`` -- seed of numpy's generator (default: ``0``: the estimate is
      deterministic)
    - ``output`` -- the output coordinate (default: ``0``)

    OUTPUT: an integer (an estimate)

    .. NOTE::

        The gradients are exact: the cell of each point is found with a float
        forward pass and its affine map is computed over `\QQ`, instead of
        rounding float Jacobians to 10 decimals as in the paper's code.

    EXAMPLES::

        sage: from sage_tropnet.symmetry import (random_deepset,
        ....:     fundamental_domain_estimate, regular_estimate)
        sage: net = random_deepset(3, seed=0)
        sage: fundamental_domain_estimate(net)
        8
        sage: regular_estimate(net)
        8
        sage: fundamental_domain_estimate(net, samples=6, seed=1)
        3
    """
    import numpy as np
    n = _input_dimension(obj)
    N = 10 ** n if samples is None else int(samples)
    m = N // int(ZZ(n).factorial())
    rng = np.random.default_rng(None if seed is None else int(seed))
    X = np.sort(rng.uniform(-float(radius), float(radius), size=(m, n)), axis=1)
    return ZZ(sum(_multiplicity(J) for J in _unique_gradients(obj, X, output)))


def regular_estimate(obj, radius=20, samples=None, seed=0, output=0):
    r"""
    Return the number of distinct exact gradients at `N` uniform samples of
    `[-R, R]^n` (the plain sampling estimate of [LWCBM2024]_, §4 and §5.2).

    INPUT: as for :func:`fundamental_domain_estimate`

    OUTPUT: an integer (an estimate; a lower bound for the number of
    distinct gradients, hence in general not for the number of regions)

    EXAMPLES::

        sage: from sage_tropnet.symmetry import random_deepset, regular_estimate
        sage: regular_estimate(random_deepset(2, seed=0), samples=1000)
        4
    """
    import numpy as np
    n = _input_dimension(obj)
    N = 10 ** n if samples is None else int(samples)
    rng = np.random.default_rng(None if seed is None else int(seed))
    X = rng.uniform(-float(radius), float(radius), size=(N, n))
    return ZZ(len(_unique_gradients(obj, X, output)))
