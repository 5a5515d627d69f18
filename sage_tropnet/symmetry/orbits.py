r"""
Orbits of linear regions; exact counting on a fundamental domain

Let `f` be invariant under a finite group `G` acting linearly on `\RR^n`.
Then `G` permutes the linear regions of `f`, and they can be counted exactly
from the linear regions of `f` restricted to a fundamental domain `\Delta`
only ([LWCBM2024]_, Thm 4.3): :func:`region_orbits` returns the orbits
(:class:`RegionOrbit`, with stabilisers), :func:`symmetric_region_count` the
number of regions and the bounds of the theorem. The algorithm is described
in :func:`symmetric_region_count`.

EXAMPLES::

    sage: from sage_tropnet.symmetry.library import deepset_network
    sage: from sage_tropnet.symmetry.orbits import symmetric_region_count
    sage: from sage_tropnet.regions import count_linear_regions
    sage: net = deepset_network(3, 1/2, -1/3)
    sage: symmetric_region_count(net, SymmetricGroup(3)), count_linear_regions(net)
    (8, 8)

AUTHORS:

- sage_tropnet developers (2026-11): initial version

REFERENCES:

- [LWCBM2024]_ §4 (Thm 4.3)
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


from sage.structure.sage_object import SageObject
from sage.rings.rational_field import QQ
from sage.rings.integer_ring import ZZ
from sage.matrix.constructor import matrix
from sage.modules.free_module_element import vector

from sage_tropnet.misc.inputs import default_route, input_dimension
from sage_tropnet.misc.linear_algebra import primitive_row
from sage_tropnet.misc.polyhedra import box_inequalities, polyhedron
from sage_tropnet.symmetry.domains import fundamental_domain_walls
from sage_tropnet.symmetry.groups import (GeneratedSubgroup, finite_linear_group,
                                          is_signed_permutation_matrix)
from sage_tropnet.symmetry.invariance import is_invariant


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

        sage: from sage_tropnet.symmetry.library import deepset_network
        sage: from sage_tropnet.symmetry.orbits import region_orbits
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

            sage: from sage_tropnet.symmetry.library import deepset_network
            sage: from sage_tropnet.symmetry.orbits import region_orbits
            sage: O = region_orbits(deepset_network(2, 1, 0), SymmetricGroup(2))
            sage: [len(o.stabilizer()) for o in O]
            [2, 1, 2]
        """
        return self._stabilizer.elements()

    def regions_meeting_domain(self):
        r"""
        Return the number of regions of this orbit that meet `\Delta`.

        EXAMPLES::

            sage: from sage_tropnet.symmetry.library import deepset_network
            sage: from sage_tropnet.symmetry.orbits import region_orbits
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
    r"""
    Return the counting box as a polyhedron (``None`` for all of `\RR^n`),
    checked to be invariant under ``group``.
    """
    if box is None:
        return None
    if hasattr(box, 'inequalities_list'):
        B = box
    else:
        B = polyhedron(box_inequalities(box, n), n)
        if all(is_signed_permutation_matrix(g) for g in group.gens):
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
    - ``G`` -- a group, as for :func:`~sage_tropnet.symmetry.groups.group_matrices`
    - ``domain`` -- a fundamental domain (default:
      :func:`~sage_tropnet.symmetry.domains.fundamental_domain`); a
      user-given domain must be a polyhedron whose tiles `g \Delta` meet face
      to face
    - ``box`` -- ``None`` (all of `\RR^n`, default), a half-width `R` (the
      cube `[-R, R]^n`) or a polyhedron; it must be `G`-invariant
    - ``output``, ``method``, ``seed`` -- as for
      :func:`~sage_tropnet.symmetry.invariance.is_invariant`
    - ``check`` -- boolean (default: ``False``); first verify the invariance
      with :func:`~sage_tropnet.symmetry.invariance.is_invariant` (as
      expensive as a plain count)

    OUTPUT: a list of :class:`RegionOrbit`

    ALGORITHM: see :func:`symmetric_region_count`.

    EXAMPLES::

        sage: from sage_tropnet.symmetry.library import deepset_network
        sage: from sage_tropnet.symmetry.orbits import region_orbits
        sage: O = region_orbits(deepset_network(3, 1, -1/2, beta=1), SymmetricGroup(3))
        sage: [(o.orbit_size, o.stabilizer_order, o.inside) for o in O]
        [(1, 6, False), (3, 2, False), (1, 6, False), (3, 2, False)]

    TESTS::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: region_orbits(ReLUNetwork([([[1, 0]], [0])]), SymmetricGroup(2), check=True)
        Traceback (most recent call last):
        ...
        ValueError: the function is not invariant: f(g x) != f(x) at x = ...
    """
    from sage_tropnet.regions import linear_regions
    n = input_dimension(obj)
    group = finite_linear_group(G, n)
    method = default_route(obj) if method is None else method
    if check:
        ok, x = is_invariant(obj, group, output=output, method=method, seed=seed)
        if not ok:
            raise ValueError("the function is not invariant: f(g x) != f(x) at x = %s" % (x,))
    Delta, walls = fundamental_domain_walls(group, domain)
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
                w = wall_index.get(primitive_row(h))
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
                if polyhedron(cell_ieqs[p][c] + moved, n).dim() == n - 1:
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
        H = GeneratedSubgroup(group, schreier)
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
    - ``G`` -- a group, as for :func:`~sage_tropnet.symmetry.groups.group_matrices`
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

        sage: from sage_tropnet.symmetry.library import random_deepset
        sage: from sage_tropnet.symmetry.orbits import symmetric_region_count
        sage: from sage_tropnet.regions import count_linear_regions
        sage: net = random_deepset(4, seed=0)
        sage: symmetric_region_count(net, SymmetricGroup(4), bounds=True)
        (16, 0, 16)
        sage: count_linear_regions(net)
        16

    A network symmetrised over the signed permutations of the plane, counted
    on the chamber `x_1 \ge x_2 \ge 0`, on all of `\RR^2` and in a box::

        sage: from sage_tropnet.symmetry.library import symmetrize_network
        sage: from sage_tropnet.symmetry.groups import signed_permutation_group
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
