r"""
Finite groups acting linearly on `\QQ^n`, as exact matrices

A group acting on the inputs of a network is given by exact matrices: a Sage
permutation group (``SymmetricGroup(n)``, ``PermutationGroup``), the
hyperoctahedral group of signed permutations
(:func:`signed_permutation_group`), a finite Sage matrix group, or any list of
matrices (the group they generate). :func:`finite_linear_group` turns each of
these into a :class:`FiniteLinearGroup` (generators, elements, order, kind);
:class:`GeneratedSubgroup` decides membership in a subgroup (through GAP).

A permutation `\pi` acts by `e_i \mapsto e_{\pi(i)}`, i.e.
`(\pi x)_{\pi(i)} = x_i`.

EXAMPLES::

    sage: from sage_tropnet.symmetry.groups import group_matrices, finite_linear_group
    sage: len(group_matrices(SymmetricGroup(3)))
    6
    sage: G = finite_linear_group([matrix(QQ, [[0, -1], [1, 0]])]); G.order(), G.kind()
    (4, 'general')

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


import itertools

from sage.rings.rational_field import QQ
from sage.rings.integer_ring import ZZ
from sage.matrix.constructor import matrix
from sage.modules.free_module_element import vector

#: closures of more elements than this are refused (the group is infinite or huge)
CLOSURE_LIMIT = 10 ** 6


def _immutable(M):
    M = matrix(QQ, M)
    M.set_immutable()
    return M


def _identity(n):
    return _immutable(matrix.identity(QQ, n))


def permutation_matrix(images, n):
    r"""
    Return the matrix of the permutation `e_i \mapsto e_{\pi(i)}` of the
    coordinates of `\QQ^n`.

    INPUT:

    - ``images`` -- the list of the 0-based images `\pi(0), \pi(1), \dots`;
      the coordinates beyond ``len(images)`` are fixed
    - ``n`` -- the dimension

    OUTPUT: an immutable `n \times n` matrix over `\QQ`

    EXAMPLES::

        sage: from sage_tropnet.symmetry.groups import permutation_matrix
        sage: M = permutation_matrix([1, 2, 0], 4); M
        [0 0 1 0]
        [1 0 0 0]
        [0 1 0 0]
        [0 0 0 1]
        sage: M * vector([1, 2, 3, 4])
        (3, 1, 2, 4)
    """
    M = matrix(QQ, n, n)
    for i in range(n):
        M[images[i] if i < len(images) else i, i] = 1
    M.set_immutable()
    return M


def element_matrix(g, n=None):
    r"""
    Return the matrix (over `\QQ`, immutable) of a group element acting on `\QQ^n`.

    A permutation `\pi` acts by `e_i \mapsto e_{\pi(i)}`, i.e.
    `(\pi x)_{\pi(i)} = x_i`.

    INPUT:

    - ``g`` -- a permutation (of `\{1, \dots, d\}`, `d \le n`), an element
      of a matrix group or an invertible square matrix
    - ``n`` -- (default: the degree of ``g``) the dimension

    OUTPUT: an immutable invertible matrix over `\QQ`

    EXAMPLES::

        sage: from sage_tropnet.symmetry.groups import element_matrix
        sage: M = element_matrix(SymmetricGroup(3)("(1,2,3)")); M
        [0 0 1]
        [1 0 0]
        [0 1 0]
        sage: M * vector([1, 2, 3])
        (3, 1, 2)
        sage: element_matrix(matrix([[0, -1], [1, 0]])).is_immutable()
        True
        sage: element_matrix(matrix([[1, 1], [1, 1]]))
        Traceback (most recent call last):
        ...
        ValueError: a group element must be invertible:
        [1 1]
        [1 1]
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
        return permutation_matrix([g(i) - 1 for i in range(1, len(dom) + 1)], n)
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
    check = not all(is_signed_permutation_matrix(g) for g in gens)
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


def is_signed_permutation_matrix(M):
    r"""
    Return whether the square matrix ``M`` is a signed permutation matrix.

    EXAMPLES::

        sage: from sage_tropnet.symmetry.groups import is_signed_permutation_matrix
        sage: is_signed_permutation_matrix(matrix([[0, -1], [1, 0]]))
        True
        sage: is_signed_permutation_matrix(matrix([[0, 2], [1, 0]]))
        False
    """
    n = M.nrows()
    nz = M.nonzero_positions()
    return (len(nz) == n and len(set(i for i, _ in nz)) == n and len(set(j for _, j in nz)) == n
            and all(M[i, j] in (1, -1) for i, j in nz))


def is_permutation_matrix(M):
    r"""
    Return whether the square matrix ``M`` is a permutation matrix.

    EXAMPLES::

        sage: from sage_tropnet.symmetry.groups import is_permutation_matrix
        sage: is_permutation_matrix(matrix([[0, 1], [1, 0]]))
        True
        sage: is_permutation_matrix(matrix([[0, -1], [1, 0]]))
        False
    """
    return is_signed_permutation_matrix(M) and all(M[i, j] == 1 for i, j in M.nonzero_positions())


class FiniteLinearGroup:
    r"""
    A finite group acting linearly on `\QQ^n`, stored by exact generators.

    Build it with :func:`finite_linear_group` from a permutation group, a
    matrix group or a list of matrices. Attributes: ``n`` (the dimension),
    ``gens`` (the generators other than the identity, immutable matrices over
    `\QQ`), ``identity``, ``name``.

    INPUT:

    - ``gens`` -- a list of immutable invertible matrices over `\QQ`
    - ``n`` -- the dimension
    - ``order`` -- (optional) the order of the group, checked against the
      enumeration of its elements
    - ``elements`` -- (optional) the list of all elements, identity first
    - ``name`` -- (optional) a string

    EXAMPLES::

        sage: from sage_tropnet.symmetry.groups import finite_linear_group
        sage: G = finite_linear_group(SymmetricGroup(3))
        sage: G.n, G.order(), G.kind(), len(G.gens)
        (3, 6, 'symmetric', 2)
    """

    def __init__(self, gens, n, order=None, elements=None, name=None):
        self.n = n
        self.identity = _identity(n)
        self.gens = [g for g in gens if g != self.identity]
        self._order = None if order is None else ZZ(order)
        self._elements = elements
        self.name = name

    def elements(self):
        r"""
        Return the list of the elements of the group (the identity first).

        EXAMPLES::

            sage: from sage_tropnet.symmetry.groups import finite_linear_group
            sage: E = finite_linear_group([matrix([[0, -1], [1, 0]])]).elements()
            sage: len(E), E[0] == 1
            (4, True)
        """
        if self._elements is None:
            self._elements = _closure(self.gens, self.n)
            if self._order is not None and len(self._elements) != self._order:
                raise ValueError("the matrices generate %s elements, the group has order %s"
                                 % (len(self._elements), self._order))
        return self._elements

    def order(self):
        r"""
        Return the order of the group.

        EXAMPLES::

            sage: from sage_tropnet.symmetry.groups import finite_linear_group
            sage: finite_linear_group(CyclicPermutationGroup(5)).order()
            5
        """
        if self._order is None:
            self._order = ZZ(len(self.elements()))
        return self._order

    def kind(self):
        r"""
        Return ``"symmetric"`` (all permutations of the coordinates),
        ``"hyperoctahedral"`` (all signed permutations) or ``"general"``.

        EXAMPLES::

            sage: from sage_tropnet.symmetry.groups import (finite_linear_group,
            ....:     signed_permutation_group)
            sage: finite_linear_group(signed_permutation_group(2)).kind()
            'hyperoctahedral'
            sage: finite_linear_group(PermutationGroup([(1, 2)]), 3).kind()
            'general'
        """
        n = self.n
        if all(is_permutation_matrix(g) for g in self.gens) and self.order() == ZZ(n).factorial():
            return 'symmetric'
        if all(is_signed_permutation_matrix(g) for g in self.gens) and \
                self.order() == 2 ** n * ZZ(n).factorial():
            return 'hyperoctahedral'
        return 'general'

    def is_orthogonal(self):
        r"""
        Return whether every element is an orthogonal matrix.

        EXAMPLES::

            sage: from sage_tropnet.symmetry.groups import finite_linear_group
            sage: finite_linear_group([matrix(QQ, [[0, -1], [1, 0]])]).is_orthogonal()
            True
            sage: finite_linear_group([matrix(QQ, [[0, -1], [1, -1]])]).is_orthogonal()
            False
        """
        return all(g.transpose() * g == self.identity for g in self.gens)

    def permutation_representation(self):
        r"""
        Return a function mapping an element to a GAP permutation of the
        union of the orbits of the basis vectors (a faithful action), or
        ``None`` if GAP is not available.

        EXAMPLES::

            sage: from sage_tropnet.symmetry.groups import finite_linear_group
            sage: G = finite_linear_group([matrix(QQ, [[0, -1], [1, 0]])])
            sage: rep = G.permutation_representation()
            sage: rep(G.gens[0])  # needs sage.libs.gap
            (1,2,3,4)
        """
        if not hasattr(self, '_perm_rep'):
            self._perm_rep = _permutation_representation(self)
        return self._perm_rep


def finite_linear_group(G, n=None):
    r"""
    Return the group specification ``G`` as a :class:`FiniteLinearGroup`.

    INPUT:

    - ``G`` -- a :class:`FiniteLinearGroup`, a Sage permutation group (acting
      on `\{1, \dots, d\}`, `d \le n`), a finite Sage matrix group, or a
      list of square matrices (or permutations) standing for the group they
      generate
    - ``n`` -- (default: the degree of ``G``) the dimension

    OUTPUT: a :class:`FiniteLinearGroup`

    EXAMPLES::

        sage: from sage_tropnet.symmetry.groups import finite_linear_group
        sage: G = finite_linear_group([matrix(QQ, [[-1, 0], [0, 1]]),
        ....:                          matrix(QQ, [[1, 0], [0, -1]])])
        sage: G.order(), G.n
        (4, 2)
        sage: finite_linear_group(G) is G
        True
        sage: finite_linear_group(G, 3)
        Traceback (most recent call last):
        ...
        ValueError: the group acts on QQ^2, the map lives in QQ^3
    """
    if isinstance(G, FiniteLinearGroup):
        if n is not None and G.n != n:
            raise ValueError("the group acts on QQ^%s, the map lives in QQ^%s" % (G.n, n))
        return G
    from sage.groups.perm_gps.permgroup import PermutationGroup_generic
    if isinstance(G, PermutationGroup_generic):
        if n is None:
            n = G.degree()
        gens = [element_matrix(g, n) for g in G.gens()]
        return FiniteLinearGroup(gens, n, order=G.order(), name=repr(G))
    if hasattr(G, 'gens') and hasattr(G, 'is_finite') and not isinstance(G, (list, tuple)):
        gens = [element_matrix(g, n) for g in G.gens()]
        if not gens:
            raise ValueError("the group has no generators")
        return FiniteLinearGroup(gens, gens[0].nrows(), name=repr(G))
    mats = [element_matrix(g, n) for g in G]
    if not mats:
        if n is None:
            raise ValueError("an empty list of matrices needs the dimension n")
        return FiniteLinearGroup([], n, order=1, elements=[_identity(n)])
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
    return FiniteLinearGroup(gens, n, order=len(els), elements=els)


class GeneratedSubgroup:
    r"""
    The subgroup of a :class:`FiniteLinearGroup` generated by some of its
    elements: order and membership, through GAP on a faithful permutation
    representation (the action on the orbits of the basis vectors), or by
    enumerating the elements if GAP is not available.

    INPUT:

    - ``group`` -- a :class:`FiniteLinearGroup`
    - ``gens`` -- a list of immutable elements of ``group``

    EXAMPLES::

        sage: from sage_tropnet.symmetry.groups import (finite_linear_group,
        ....:     GeneratedSubgroup, element_matrix)
        sage: G = finite_linear_group(SymmetricGroup(4))
        sage: H = GeneratedSubgroup(G, [element_matrix(SymmetricGroup(4)("(1,2)"), 4)])
        sage: H.order(), G.gens[0] in H
        (2, False)
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
        r"""
        Return the order of the subgroup.

        EXAMPLES::

            sage: from sage_tropnet.symmetry.groups import finite_linear_group, GeneratedSubgroup
            sage: G = finite_linear_group(SymmetricGroup(3))
            sage: GeneratedSubgroup(G, G.gens).order(), GeneratedSubgroup(G, []).order()
            (6, 1)
        """
        if not self.gens:
            return ZZ(1)
        if self._gap is not None:
            return ZZ(self._gap.Size())
        return ZZ(len(self._elements))

    def __contains__(self, g):
        r"""
        Return whether the element ``g`` of the group is in the subgroup.

        EXAMPLES::

            sage: from sage_tropnet.symmetry.groups import finite_linear_group, GeneratedSubgroup
            sage: G = finite_linear_group(SymmetricGroup(3))
            sage: H = GeneratedSubgroup(G, [G.gens[0]])
            sage: G.identity in H, G.gens[0] in H
            (True, True)
        """
        if g == self.group.identity:
            return True
        if not self.gens:
            return False
        if self._gap is not None:
            return self.group.permutation_representation()(g) in self._gap
        return g in self._elements

    def elements(self):
        r"""
        Return the list of the elements of the subgroup (enumerated, the
        identity first).

        EXAMPLES::

            sage: from sage_tropnet.symmetry.groups import finite_linear_group, GeneratedSubgroup
            sage: G = finite_linear_group(SymmetricGroup(3))
            sage: len(GeneratedSubgroup(G, [G.gens[1]]).elements())
            2
        """
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

        sage: from sage_tropnet.symmetry.groups import group_matrices
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
    return list(finite_linear_group(G, n).elements())


def signed_permutation_group(n):
    r"""
    Return the hyperoctahedral group `B_n` of signed permutation matrices.

    OUTPUT: a list of the `2^n n!` matrices, the identity first

    EXAMPLES::

        sage: from sage_tropnet.symmetry.groups import signed_permutation_group
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
