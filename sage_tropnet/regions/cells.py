r"""
Cell complexes and linear regions: the results of the region engine

A :class:`CellComplex` holds the full-dimensional cells found by a search
(their keys, their facet adjacency, interior points when known) together
with the cell oracle that defined them, so that everything else is computed
on request: the exact affine map of a cell, its inequalities, a Sage
``Polyhedron``, the adjacency graph, and the **linear regions** (connected
components of cells with equal affine maps, glued along facets or, with
``adjacency='nonempty'``, as soon as their closures meet).

EXAMPLES::

    sage: from sage_tropnet.network import ReLUNetwork
    sage: from sage_tropnet.regions import regions
    sage: net = ReLUNetwork([([[1], [-1]], [0, 1]), ([[4, 2]], [-3])],
    ....:                   output_activation='relu')
    sage: C = regions(net, method='activation'); C
    Cell complex of 5 cells in R^1 (exact)
    sage: C.number_of_linear_regions()
    4
    sage: C.polyhedron(((1, 1), (0,)))
    A 1-dimensional polyhedron in QQ^1 defined as the convex hull of 2 vertices
    sage: C.adjacency_graph()
    Graph on 5 vertices

AUTHORS:

- sage_tropnet developers (2026-12): initial version
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
from sage.matrix.constructor import matrix
from sage.modules.free_module_element import vector

from sage_tropnet.misc.linear_algebra import primitive_row
from sage_tropnet.misc.polyhedra import box_inequalities
from sage_tropnet.misc.union_find import UnionFind


def domain_rows(box, n):
    r"""
    Return the primitive integer rows of the counting domain (``[]`` for
    all of `\RR^n`).

    INPUT:

    - ``box`` -- ``None``, a positive number `R` (the box `[-R, R]^n`) or a
      full-dimensional Sage polyhedron in `\RR^n`

    EXAMPLES::

        sage: from sage_tropnet.regions.cells import domain_rows
        sage: domain_rows(1/2, 1)
        [(1, 2), (1, -2)]
        sage: domain_rows(None, 3)
        []
    """
    return [primitive_row(r) for r in box_inequalities(box, n, full_dimensional=True)]


class _Projected:
    r"""
    An oracle seen in coordinates `y` with `x = B y` (the orthogonal
    complement of a lineality space shared by all cells).
    """

    def __init__(self, base, B):
        self.base = base
        self.B = B
        self.n = B.ncols()

    def key_at(self, y, d=None):
        return self.base.key_at(self.B * vector(QQ, y),
                                None if d is None else self.B * vector(QQ, d))

    def ieqs(self, key):
        return [tuple([r[0]] + list(vector(QQ, r[1:]) * self.B)) for r in self.base.ieqs(key)]

    def label(self, key):
        return self.base.label(key)

    def neighbour(self, key, row):
        return None


def projected_oracle(oracle, key, dom):
    r"""
    Return ``(oracle', B)``: if the cell ``key`` (intersected with the
    domain rows ``dom``) has a lineality space `L \neq 0`, the oracle in
    coordinates of `L^\perp` (``x = B y``); else ``(oracle, None)``.

    EXAMPLES::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.regions.tropical import TropicalOracle
        sage: from sage_tropnet.regions.cells import projected_oracle
        sage: x, y = TP.gens(2)
        sage: o = TropicalOracle(x + 0)
        sage: o2, B = projected_oracle(o, (1, 0), []); o2.n
        1
        sage: B
        [1]
        [0]
    """
    rows = [r[1:] for r in oracle.ieqs(key)] + [r[1:] for r in dom]
    n = oracle.n
    if not rows:
        M = matrix(QQ, 0, n)
    else:
        M = matrix(QQ, rows)
    if M.rank() == n:
        return oracle, None
    B = M.row_space().basis_matrix().transpose() if M.rank() else matrix(QQ, n, 0)
    return _Projected(oracle, B), B


class LinearRegion(SageObject):
    r"""
    A linear region: a connected union of full-dimensional cells carrying one
    affine map.

    Attributes: ``cells`` (list of Sage polyhedra over `\QQ`), ``keys`` (the
    cell keys: pairs of monomial indices for the tropical route, activation
    patterns for the activation route; ``patterns`` is an alias), ``gradient``
    and ``constant`` (the affine map `x \mapsto \langle g, x\rangle + c`).

    EXAMPLES::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.regions import linear_regions
        sage: x, y = TP.gens(2)
        sage: R = linear_regions(x + y + 0); R[0]
        Linear region with affine map (0, 0)*x + 0 (1 cell)
        sage: R[0].interior_point() in R[0].cells[0].interior()
        True
        sage: R[0].is_bounded()
        False
        sage: latex(R[0])
        x \mapsto \left(0,\,0\right) \cdot x + 0
        sage: R[0] == linear_regions(x + y + 0)[0]
        True
    """

    def __init__(self, cells, keys, gradient, constant):
        self.cells = list(cells)
        self.keys = list(keys)
        self.gradient = gradient
        self.constant = constant

    @property
    def patterns(self):
        r"""
        The keys of the cells (an alias of ``keys``).

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.regions import linear_regions
            sage: x, = TP.gens(1)
            sage: linear_regions(x + 0)[0].patterns
            [(0, 0)]
        """
        return self.keys

    def number_of_cells(self):
        """
        Return the number of cells glued into this region.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.regions import linear_regions
            sage: x, = TP.gens(1)
            sage: f = (x + 0) / (x + 0)
            sage: [r.number_of_cells() for r in linear_regions(f)]
            [2]
        """
        return len(self.cells)

    def interior_point(self):
        """
        Return a point in the interior of the first cell.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.regions import linear_regions
            sage: x, = TP.gens(1)
            sage: [r.interior_point() for r in linear_regions(x + 0, box=4)]
            [(-2), (2)]
        """
        return self.cells[0].representative_point()

    def is_bounded(self):
        """
        Return whether the region is bounded.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.regions import linear_regions
            sage: x, = TP.gens(1)
            sage: [r.is_bounded() for r in linear_regions(0 + x + x**2 * (-1))]
            [False, True, False]
        """
        return all(P.is_compact() for P in self.cells)

    def __eq__(self, other):
        return (isinstance(other, LinearRegion) and self.gradient == other.gradient
                and self.constant == other.constant and
                sorted(map(repr, self.keys)) == sorted(map(repr, other.keys)))

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash((repr(self.gradient), repr(self.constant), len(self.keys)))

    def _repr_(self):
        return "Linear region with affine map %s*x + %s (%s cell%s)" % (
            self.gradient, self.constant, len(self.cells), "" if len(self.cells) == 1 else "s")

    def _latex_(self):
        from sage.misc.latex import latex
        return r"x \mapsto %s \cdot x + %s" % (latex(self.gradient), latex(self.constant))


class CellComplex(SageObject):
    r"""
    The full-dimensional cells of a subdivision found by the region engine,
    with their facet adjacency (see the module documentation).

    INPUT:

    - ``oracle`` -- the cell oracle that defines the cells
    - ``keys`` -- list of cell keys
    - ``edges`` -- set of pairs of keys of cells sharing a facet
    - ``mode`` -- ``'exact'`` or ``'float'``
    - ``box`` -- the counting domain (``None``, a number or a polyhedron)
    - ``points`` -- optional list of float interior points
    - ``glued`` -- optional set of pairs of keys with the same affine map
      (when the search decided it)
    - ``projection`` -- optional matrix `B`: the search ran in coordinates `y`
      with `x = B y` (keys and labels are those of the original oracle)

    EXAMPLES::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.regions import regions
        sage: x, = TP.gens(1)
        sage: C = regions((0 + x + x**2 * (-2)) / (0 + x**2 * (-2)))
        sage: sorted(C.keys())
        [(0, 0), (1, 0), (1, 1), (2, 1)]
        sage: sorted(C.edges())
        [((0, 0), (1, 0)), ((1, 0), (1, 1)), ((1, 1), (2, 1))]
        sage: C.label((1, 1))
        ((-1,), 2)
    """

    def __init__(self, oracle, keys, edges, mode='exact', box=None, points=None, glued=None,
                 projection=None, linear_count=None, route=None, stats=None):
        self.oracle = oracle
        self._keys = list(keys)
        self._index = {k: i for i, k in enumerate(self._keys)}
        self._edges = set(edges)
        self.mode = mode
        self.box = box
        self._points = points
        self._glued = glued
        self.projection = projection
        self._linear_count = linear_count
        self.route = route
        self.stats = stats or {}
        self._polyhedra = {}

    def _repr_(self):
        return "Cell complex of %s cells in R^%s (%s)" % (len(self._keys), self.oracle.n, self.mode)

    def ambient_dim(self):
        r"""
        Return the dimension of the ambient space.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.regions import regions
            sage: x, y = TP.gens(2)
            sage: regions(x + y).ambient_dim()
            2
        """
        return self.oracle.n

    def number_of_cells(self):
        r"""
        Return the number of full-dimensional cells.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.regions import regions
            sage: x, y = TP.gens(2)
            sage: regions(x + y + 0).number_of_cells()
            3
        """
        return len(self._keys)

    def __len__(self):
        return len(self._keys)

    def keys(self):
        r"""
        Return the list of cell keys.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.regions import regions
            sage: x, = TP.gens(1)
            sage: sorted(regions(x + 0).keys())
            [(0, 0), (1, 0)]
        """
        return list(self._keys)

    def edges(self):
        r"""
        Return the set of pairs of keys of cells sharing a facet.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.regions import regions
            sage: x, = TP.gens(1)
            sage: regions(x + 0).edges()
            {((0, 0), (1, 0))}
        """
        return set(self._edges)

    def label(self, key):
        r"""
        Return the affine map ``(gradient, constant)`` of the cell ``key``
        (exact, in the original coordinates).

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.regions import regions
            sage: x, = TP.gens(1)
            sage: regions(x * 3 + 1).label((0, 0))
            ((0,), 1)
        """
        return self.oracle.label(key)

    def ieqs(self, key):
        r"""
        Return the inequalities of the cell ``key`` within the domain
        (primitive integer rows ``(c, a)`` meaning `c + a \cdot x \ge 0`).

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.regions import regions
            sage: x, = TP.gens(1)
            sage: regions(x + 0, box=2).ieqs((1, 0))
            [(0, 1), (2, 1), (2, -1)]
        """
        own = list(dict.fromkeys(primitive_row(r) for r in self.oracle.ieqs(key)))
        return own + [r for r in domain_rows(self.box, self.oracle.n) if r not in own]

    def polyhedron(self, i):
        r"""
        Return the cell ``i`` (an index or a key) as a Sage polyhedron over `\QQ`.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.regions import regions
            sage: x, = TP.gens(1)
            sage: regions(x + 0, box=2).polyhedron((1, 0)).vertices()
            (A vertex at (2), A vertex at (0))
        """
        key = self._keys[i] if isinstance(i, (int,)) or hasattr(i, 'is_integer') and \
            not isinstance(i, tuple) else i
        P = self._polyhedra.get(key)
        if P is None:
            from sage.geometry.polyhedron.constructor import Polyhedron
            P = Polyhedron(ieqs=[list(r) for r in self.ieqs(key)], base_ring=QQ, backend='ppl',
                           ambient_dim=self.oracle.n)
            self._polyhedra[key] = P
        return P

    def polyhedra(self):
        r"""
        Return the dictionary ``{key: polyhedron}`` of all cells.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.regions import regions
            sage: x, = TP.gens(1)
            sage: sorted(regions(x + 0).polyhedra())
            [(0, 0), (1, 0)]
        """
        return {k: self.polyhedron(k) for k in self._keys}

    def interior_point(self, i):
        r"""
        Return an exact point in the interior of the cell ``i`` (index or key).

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.regions import regions
            sage: x, = TP.gens(1)
            sage: regions(x + 0, box=2).interior_point(1)
            (1)
        """
        return self.polyhedron(i).representative_point()

    def float_points(self):
        r"""
        Return float interior points of the cells (one row per cell), when
        the search recorded them, else ``None``.

        EXAMPLES::

            sage: from sage_tropnet.network import random_network
            sage: from sage_tropnet.regions import regions
            sage: C = regions(random_network([2, 3, 1], seed=1), method='activation')
            sage: C.float_points().shape
            (7, 2)
        """
        return self._points

    def adjacency_graph(self):
        r"""
        Return the graph of facet-adjacent cells (vertices: keys).

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.regions import regions
            sage: x, y = TP.gens(2)
            sage: regions(x + y + 0).adjacency_graph().is_clique()
            True
        """
        from sage.graphs.graph import Graph
        G = Graph()
        G.add_vertices(self._keys)
        G.add_edges(self._edges)
        return G

    def _components(self, adjacency='facet'):
        if adjacency not in ('facet', 'nonempty'):
            raise ValueError("adjacency must be 'facet' or 'nonempty', got %r" % (adjacency,))
        uf = UnionFind()
        for k in self._keys:
            uf.find(k)
        if self._glued is not None and adjacency == 'facet':
            for a, b in self._glued:
                uf.union(a, b)
        else:
            lab = {k: self.label(k) for k in self._keys}
            for a, b in self._edges:
                if lab[a] == lab[b]:
                    uf.union(a, b)
            if adjacency == 'nonempty':
                groups = {}
                for k in self._keys:
                    groups.setdefault(lab[k], []).append(k)
                for ks in groups.values():
                    for s in range(len(ks)):
                        for t in range(s + 1, len(ks)):
                            if uf.find(ks[s]) != uf.find(ks[t]) and \
                                    not self.polyhedron(ks[s]).intersection(
                                        self.polyhedron(ks[t])).is_empty():
                                uf.union(ks[s], ks[t])
        comps = {}
        for k in sorted(self._keys, key=repr):
            comps.setdefault(uf.find(k), []).append(k)
        return list(comps.values())

    def number_of_linear_regions(self, adjacency='facet'):
        r"""
        Return the number of linear regions (cells with equal affine maps
        glued along facets, or with ``adjacency='nonempty'`` as soon as their
        closures meet).

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.regions import regions
            sage: x, = TP.gens(1)
            sage: f = x + 0
            sage: regions(f / f).number_of_linear_regions()
            1
        """
        if adjacency == 'facet' and self._linear_count is not None:
            return self._linear_count
        return len(self._components(adjacency))

    def linear_regions(self, adjacency='facet'):
        r"""
        Return the linear regions as a list of :class:`LinearRegion`, in the
        order of their affine maps (gradient, then constant), so that both
        routes list the regions of a network in the same order.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.regions import regions
            sage: x, = TP.gens(1)
            sage: regions(x + 0).linear_regions()
            [Linear region with affine map (0)*x + 0 (1 cell),
             Linear region with affine map (1)*x + 0 (1 cell)]
        """
        out = []
        for ks in self._components(adjacency):
            g, c = self.label(ks[0])
            if isinstance(c, tuple):      # all outputs: matrix and vector
                out.append(LinearRegion([self.polyhedron(k) for k in ks], ks, g, c))
            else:
                out.append(LinearRegion([self.polyhedron(k) for k in ks], ks, vector(QQ, g), c))
        out.sort(key=lambda r: (tuple(r.gradient), r.constant,
                                tuple(r.cells[0].representative_point())))
        return out
