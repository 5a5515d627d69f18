r"""
Exact linear regions and activation regions

Definitions (they change the counts, see [STR2018]_ Def. 1–2 and the
reference notes §2.1):

- A **linear region** of a continuous piecewise-linear function `f` is a
  maximal connected open set on which `f` is affine. Operationally: the
  full-dimensional cells of a polyhedral subdivision on which `f` is affine,
  labelled by their affine map, glued when two cells with the same map share a
  facet (a codimension-1 intersection). With ``adjacency="nonempty"`` cells with
  the same map are glued as soon as their closures meet (the 2024 code of
  [LWCBM2024]_); this can only lower the count.
- An **activation region** of a network is the set of inputs sharing one
  activation pattern, when it is full-dimensional. A neuron whose pre-activation
  is identically zero on a cell does not split it (both states give the same
  function): it is given the canonical state "off", so degenerate neurons are
  not double counted (reference example T4).

Two independent exact routes compute them:

1. **tropical route** (``method="tropical"``): for `f = p \oslash q` (pruned),
   the cells are the full-dimensional intersections `U_i \cap V_j` of the
   regions of the monomials of `p` and `q`, labelled by the affine map
   `(c_i - d_j) + \langle e_i - f_j, x\rangle`.
2. **activation route** (``method="activation"``): the cells are the activation
   regions of a network, labelled by the affine map of the chosen output.

Both are explored by the same output-sensitive search: starting from the cell
of a random point, every facet of the current cell is crossed and the cell on
the other side is read off, so no `|p| \cdot |q|` pairs and no `2^N`
patterns are ever enumerated: the cost follows the number of cells. Cells
never get lost: the graph of facet-adjacent full-dimensional cells of a
polyhedral subdivision of a convex set is connected.

For the cells of a network (and of `p \oslash q`) the far side of a facet `F`
is *one* cell: by induction over the layers, a pre-activation that is
affine with a constant sign on the cell `C` and vanishes at one point of the
relative interior of `F` vanishes on all of `F` (an affine function `\ge 0`
on a convex set with a zero in its relative interior is identically zero
there); so every neuron is either nonzero on all of `\mathrm{relint}\, F`
or zero on `F` with the sign across `F` set by its derivative, the same
all along `F`.

The facets of each cell are exact (over `\QQ`) but found fast: floating
point proposes them around an interior point and
:mod:`sage_tropnet.certify` certifies them with integer arithmetic (every
other inequality is proven redundant; a facet that glues two cells with the
same map gets an exact point in its relative interior); a cell without a
certificate is handled by PPL. The cell across a facet is read off
combinatorially: from the upper-hull graph for the tropical route, and by
the *flip rule* for the activation route (the neurons whose inequality is the
facet's change state, see :meth:`_ActivationOracle.flip_neighbour`); when
the flip rule does not apply, at `y + \varepsilon n` for an exact point `y`
of the facet (values and directional derivatives compared
lexicographically). The PPL fallback covers a facet shared with several
cells piece by piece, as a safeguard.

EXAMPLES:

The examples of TropicalNN and of the reference notes::

    sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
    sage: from sage_tropnet.regions import count_linear_regions
    sage: x, y = TP.gens(2)
    sage: count_linear_regions(x + y)
    2
    sage: u, = TP.gens(1)
    sage: f = (0 + u + u**2 * (-2)) / (0 + u**2 * (-2))
    sage: count_linear_regions(f)
    4
    sage: count_linear_regions(f / f)
    1
    sage: count_linear_regions((x**2 * y + x * y**2) / (x + y))
    1

Serra et al.'s Fig. 2 network, 5 activation regions but 4 linear regions::

    sage: from sage_tropnet.network import ReLUNetwork
    sage: from sage_tropnet.regions import count_activation_regions
    sage: net = ReLUNetwork([([[1], [-1]], [0, 1]), ([[4, 2]], [-3])],
    ....:                   output_activation='relu')
    sage: count_activation_regions(net), count_linear_regions(net)
    (5, 4)
    sage: count_linear_regions(net, method='tropical')
    4

AUTHORS:

- sage_tropnet developers (2026-11): initial version

REFERENCES:

- [LWCBM2024]_ §5.1 (Algorithm 3)
- [STR2018]_
- [ZNL2018]_
- [HR2019]_ (activation regions)
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
import random as _random

from sage.structure.sage_object import SageObject
from sage.rings.rational_field import QQ
from sage.rings.integer_ring import ZZ
from sage.matrix.constructor import matrix
from sage.modules.free_module_element import vector

from sage_tropnet.puiseux import (TropicalPuiseuxPolynomial, TropicalRationalMap,
                                  TropicalRationalMapVector)
from sage_tropnet.network import ReLUNetwork
from sage_tropnet.hull import upper_hull_graph, cube_inequalities
from sage_tropnet.certify import (normalize, certified_facets, certified_facet_point,
                                  as_rational_point)

METHODS = ('tropical', 'activation')
ADJACENCIES = ('facet', 'nonempty')


# ---------------------------------------------------------------------------
# small exact helpers
# ---------------------------------------------------------------------------

def _box_ieqs(box, n):
    """
    Return the inequalities of the counting domain (``None`` for all of `\\RR^n`).
    """
    if box is None:
        return []
    if hasattr(box, 'inequalities_list'):
        if box.ambient_dim() != n:
            raise ValueError("the domain lives in dimension %s, the map in %s" % (box.ambient_dim(), n))
        if box.dim() < n:
            raise ValueError("the counting domain must be full-dimensional")
        return [list(r) for r in box.inequalities_list()]
    return cube_inequalities(box, n)


def _random_relint_point(vertices, rays, lines, rng):
    """
    Return a random rational point of the relative interior of a polyhedron
    given by its V-representation.
    """
    w = [QQ(rng.randint(1, 1 << 20)) for _ in vertices]
    s = sum(w)
    pt = sum((wi / s * v for wi, v in zip(w, vertices)), vector(QQ, len(vertices[0])))
    for r in rays:
        pt += QQ(rng.randint(1, 1 << 20)) / (1 << 16) * r
    for l in lines:
        pt += QQ(rng.randint(-(1 << 20), 1 << 20)) / (1 << 16) * l
    return pt


def _satisfies(ieqs, vertices, rays, lines, fieqs=None):
    """
    Return whether the polyhedron with this V-representation lies in ``ieqs``.

    ``fieqs`` (optional) is ``ieqs`` as a float matrix: clear cases are settled
    in floating point with a rigorous margin, the others exactly.
    """
    import numpy as np
    if fieqs is None or not ieqs:
        todo = [(ie, g, kind) for ie in ieqs for kind, gens in ((0, vertices), (1, rays), (2, lines))
                for g in gens]
    else:
        todo = []
        for kind, gens in ((0, vertices), (1, rays), (2, lines)):
            if not gens:
                continue
            G = np.array([[0.0 if kind else 1.0] + [float(a) for a in g] for g in gens])
            V = fieqs @ G.T
            margin = 1e-9 * (np.abs(fieqs) @ np.abs(G).T) + 1e-300
            if kind == 2:
                near = np.abs(V) <= margin
                if not near.all() and (np.abs(V) > margin).any():
                    return False
                rows, cols = np.nonzero(near)
            else:
                if (V < -margin).any():
                    return False
                rows, cols = np.nonzero(V <= margin)
            todo.extend((ieqs[r], gens[c], kind) for r, c in zip(rows.tolist(), cols.tolist()))
    for ie, g, kind in todo:
        val = sum(a * x for a, x in zip(ie[1:], g))
        if kind == 0:
            val += ie[0]
        if (kind < 2 and val < 0) or (kind == 2 and val != 0):
            return False
    return True


def _polyhedron(ieqs, n, eqns=()):
    from sage.geometry.polyhedron.constructor import Polyhedron
    if not ieqs and not eqns:
        return Polyhedron(lines=[[int(i == j) for j in range(n)] for i in range(n)],
                          vertices=[[0] * n], base_ring=QQ, backend='ppl')
    return Polyhedron(ieqs=ieqs, eqns=list(eqns), base_ring=QQ, backend='ppl', ambient_dim=n)


# ---------------------------------------------------------------------------
# oracles: what a cell is, and which cell contains y + eps * d
# ---------------------------------------------------------------------------

def _lex_argmax(vals, ders):
    """
    Return the unique index maximising ``(vals[k], ders[k])`` lexicographically,
    or ``None`` on a tie.
    """
    best = None
    tie = False
    for k, (v, d) in enumerate(zip(vals, ders)):
        if best is None or v > vals[best] or (v == vals[best] and d > ders[best]):
            best, tie = k, False
        elif v == vals[best] and d == ders[best]:
            tie = True
    return None if tie else best


class _TropicalOracle:
    r"""
    Cells `U_i \cap V_j` of a tropical rational map `p \oslash q`.
    """

    def __init__(self, f):
        p = f.numerator().merged()
        q = f.denominator().merged()
        self.n = p.nvariables()
        self.polys = []
        for g in (p, q):
            exps, coeffs = g.exponents(), g.coefficients()
            keep, adj = upper_hull_graph(exps, coeffs)
            E = [vector(QQ, exps[k]) for k in keep]
            C = [QQ(coeffs[k]) for k in keep]
            self.polys.append((E, C, adj))
        import numpy as np
        self._float = [(np.array([[float(a) for a in e] for e in E]).reshape(len(E), self.n),
                        np.array([float(c) for c in C])) for E, C, _ in self.polys]
        # the same data as Python integers over one common denominator per side
        self._rows_cache = {}
        self._label_cache = {}
        self._int = []
        for E, C, _ in self.polys:
            den = ZZ(1)
            for e, c in zip(E, C):
                den = den.lcm(QQ(c).denominator())
                for t in e:
                    den = den.lcm(t.denominator())
            self._int.append([tuple(int(t * den) for t in [c] + list(e)) for e, c in zip(E, C)])

    def int_cell(self, key):
        r"""
        Return ``{primitive integer row: neighbouring cell}`` for the cell
        ``key`` (the rows are its constraints, see :meth:`facet_neighbours`).
        """
        out = {}
        for side, i in enumerate(key):
            for r, k in self._side_rows(side, i):
                new = list(out.get(r, key))
                new[side] = k
                out[r] = tuple(new)
        return out

    def _side_rows(self, side, i):
        c = self._rows_cache.get((side, i))
        if c is None:
            E, C, adj = self.polys[side]
            Z = self._int[side]
            zi = Z[i]
            c = []
            for k in adj[i]:
                r = [x - y for x, y in zip(zi, Z[k])]
                g = math.gcd(*r)
                c.append((tuple(x // g for x in r), k))
            self._rows_cache[(side, i)] = c
        return c

    def ieqs(self, key):
        out = []
        for (E, C, adj), i in zip(self.polys, key):
            for k in adj[i]:
                out.append([C[i] - C[k]] + list(E[i] - E[k]))
        return out

    def label(self, key):
        lab = self._label_cache.get(key)
        if lab is None:
            (Ep, Cp, _), (Eq, Cq, _) = self.polys
            i, j = key
            lab = self._label_cache[key] = (tuple(Ep[i] - Eq[j]), Cp[i] - Cq[j])
        return lab

    def facet_neighbours(self, key):
        r"""
        Return ``{normalised facet inequality: neighbouring cell}``.

        For pruned, merged `p` and `q` the neighbour across a facet is known
        combinatorially: at most one constraint `p_i \ge p_k` of `p` (and at
        most one of `q`) defines a given hyperplane, because three collinear
        lifted points cannot all be upper-hull vertices; across the facet the
        maximum of `p` passes from `i` to that `k` on the whole facet (and
        likewise for `q`). So no point needs to be sampled.
        """
        out = {}
        for side, ((E, C, adj), i) in enumerate(zip(self.polys, key)):
            for k in adj[i]:
                hn = normalize([C[i] - C[k]] + list(E[i] - E[k]))
                new = list(out.get(hn, key))
                new[side] = k
                out[hn] = tuple(new)
        return out

    def key_at(self, y, d):
        import numpy as np
        key = []
        yf = np.array([float(a) for a in y])
        for (E, C, _), (Ef, Cf) in zip(self.polys, self._float):
            # float filter: every exact maximiser is within 2 * margin of the float maximum
            fv = Ef @ yf + Cf
            margin = 1e-9 * (np.abs(Ef) @ np.abs(yf) + np.abs(Cf)).max() + 1e-300
            cand = np.nonzero(fv >= fv.max() - 2 * margin)[0].tolist()
            vals = [C[k] + E[k] * y for k in cand]
            ders = [E[k] * d for k in cand] if d is not None else [0] * len(cand)
            k = _lex_argmax(vals, ders)
            if k is None:
                return None
            key.append(cand[k])
        return tuple(key)

    def pattern(self, key):
        return tuple(key)


class _ActivationOracle:
    r"""
    Activation cells of a network (canonical patterns).
    """

    def __init__(self, net, output):
        self.n = net.input_dimension()
        self.layers = net.layers()
        self.output = output
        self._net = net
        self._cache = {}
        self._extra = {}
        self._norm = {}

    def canonical(self, key):
        r"""
        Return the canonical form of the pattern ``key`` (neurons identically
        zero on the cell set to their canonical state).
        """
        self._data(key)
        return self._extra[key][2]

    def int_rows(self, key):
        r"""
        Return the distinct primitive integer rows of the cell ``key``.
        """
        return list(dict.fromkeys(self._normalized(key)))

    def _normalized(self, key):
        if key not in self._norm:
            self._norm[key] = [normalize(r) for r in self.ieqs(key)]
        return self._norm[key]

    def flip_neighbour(self, key, hn):
        r"""
        Return the cell across the facet ``hn`` (a primitive row) of the cell
        ``key`` when the flip rule decides it, else ``None``.

        Flip rule: if the neurons whose row is ``hn`` all lie in one layer
        `L` and no neuron after layer `L` vanishes identically on the cell,
        the cell across is ``key`` with these neurons flipped (then made
        canonical). Valid because the cell across a facet is the same all
        along it (see the module documentation): a neuron that is nonzero on
        the relative interior of the facet keeps its sign, the neurons that
        vanish there are exactly those whose row is the facet's, and the
        affine maps of layers up to `L` do not change across it.
        """
        rows = self._normalized(key)
        owners, zero_layer = self._extra[key][:2]
        flips = []
        for r, o in zip(rows, owners):
            if r == hn:
                if o is None:
                    return None
                flips.append(o)
        if not flips or len(set(li for li, _ in flips)) > 1 or zero_layer > flips[0][0]:
            return None
        new = [list(t) for t in key]
        for li, k in flips:
            new[li][k] = 1 - new[li][k]
        return self.canonical(tuple(tuple(t) for t in new))

    def _walk(self, key=None, y=None, d=None):
        r"""
        Propagate the affine map layer by layer. With ``key``: return
        (constraints, output affine map). With a point ``y``: return the key of
        the cell containing `y + \varepsilon d` (``None`` on a tie).
        """
        n = self.n
        M = matrix.identity(QQ, n)
        v = vector(QQ, n)
        ieqs = []
        states = []
        owners = []       # (layer, neuron) of the rows of ReLU neurons
        zero_layer = -1   # last layer with a neuron vanishing identically
        flip_ok = not any(act[0] == 'maxout' for _, _, act in self.layers)
        for li, (W, b, act) in enumerate(self.layers):
            A = W * M
            c = W * v + b
            kind = act[0]
            if kind == 'linear':
                M, v = A, c
                states.append(())
                continue
            rows = [A.row(k) for k in range(A.nrows())]
            if kind == 'maxout':
                k_ = act[1]
                st, newM, newv = [], [], []
                for u in range(A.nrows() // k_):
                    idx = list(range(u * k_, (u + 1) * k_))
                    distinct = []
                    for r in idx:
                        if not any(rows[r] == rows[s] and c[r] == c[s] for s in distinct):
                            distinct.append(r)
                    if key is not None:
                        r = key[li][len(st)]
                    else:
                        vals = [c[r] + rows[r] * y for r in distinct]
                        ders = [rows[r] * d if d is not None else 0 for r in distinct]
                        a = _lex_argmax(vals, ders)
                        if a is None:
                            return None
                        r = distinct[a]
                    for s in distinct:
                        if s != r:
                            ieqs.append([c[r] - c[s]] + list(rows[r] - rows[s]))
                            owners.append(None)
                    st.append(r)
                    newM.append(rows[r])
                    newv.append(c[r])
                M = matrix(QQ, newM)
                v = vector(QQ, newv)
                states.append(tuple(st))
                continue
            alpha = act[1] if kind == 'leaky_relu' else QQ(0)
            st = []
            scale = []
            for k in range(A.nrows()):
                a, c0 = rows[k], c[k]
                if (a.is_zero() and c0 == 0) or alpha == 1:
                    s = 0 if alpha != 1 else 1  # canonical: the state does not matter
                elif key is not None:
                    s = key[li][k]
                else:
                    val = c0 + a * y
                    der = a * d if d is not None else 0
                    if val == 0 and der == 0:
                        return None
                    s = 1 if (val > 0 or (val == 0 and der > 0)) else 0
                if not ((a.is_zero() and c0 == 0) or alpha == 1):
                    sign = 1 if s else -1
                    ieqs.append([sign * c0] + list(sign * a))
                    owners.append((li, k) if flip_ok else None)
                elif alpha != 1:
                    zero_layer = li
                st.append(s)
                scale.append(QQ(1) if s else alpha)
            D = matrix.diagonal(QQ, scale)
            M, v = D * A, D * c
            states.append(tuple(st))
        if key is None:
            return tuple(states)
        self._extra[key] = (owners, zero_layer, tuple(states))
        return ieqs, (M, v)

    def key_at(self, y, d):
        key = self._fast_key(y, d)
        if key is False:  # a neuron vanishes to first order along the ray: full walk
            return self._walk(y=y, d=d)
        return key

    def _fast_key(self, y, d):
        r"""
        Return the pattern at `y + \varepsilon d` from an exact forward pass of
        the point and the direction only (no affine maps), or ``False`` when a
        neuron's value and derivative both vanish (then the full walk decides).
        """
        val = vector(QQ, y)
        der = vector(QQ, d) if d is not None else vector(QQ, len(val))
        states = []
        for W, b, act in self.layers:
            z = W * val + b
            dz = W * der
            kind = act[0]
            if kind == 'linear':
                val, der = z, dz
                states.append(())
                continue
            if kind == 'maxout':
                k_ = act[1]
                st, nv, nd = [], [], []
                for u in range(len(z) // k_):
                    idx = range(u * k_, (u + 1) * k_)
                    a = _lex_argmax([z[r] for r in idx], [dz[r] for r in idx])
                    if a is None:
                        return False
                    r = u * k_ + a
                    st.append(r)
                    nv.append(z[r])
                    nd.append(dz[r])
                val, der = vector(QQ, nv), vector(QQ, nd)
                states.append(tuple(st))
                continue
            alpha = act[1] if kind == 'leaky_relu' else QQ(0)
            st, nv, nd = [], [], []
            for zk, dk in zip(z, dz):
                if alpha == 1:
                    s = 1
                elif zk > 0 or (zk == 0 and dk > 0):
                    s = 1
                elif zk < 0 or dk < 0:
                    s = 0
                else:
                    return False
                st.append(s)
                f = 1 if s else alpha
                nv.append(f * zk)
                nd.append(f * dk)
            val, der = vector(QQ, nv), vector(QQ, nd)
            states.append(tuple(st))
        return tuple(states)

    def _data(self, key):
        if key not in self._cache:
            self._cache[key] = self._walk(key=key)
        return self._cache[key]

    def ieqs(self, key):
        return self._data(key)[0]

    def label(self, key):
        M, v = self._data(key)[1]
        if self.output is None:
            return (tuple(M.list()), tuple(v))
        return (tuple(M.row(self.output)), v[self.output])

    def pattern(self, key):
        return key


# ---------------------------------------------------------------------------
# the search
# ---------------------------------------------------------------------------

class _UnionFind:
    def __init__(self):
        self.parent = {}

    def find(self, a):
        self.parent.setdefault(a, a)
        root = a
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[a] != root:
            self.parent[a], a = root, self.parent[a]
        return root

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[ra] = rb


def _ppl_facets(ieqs, n):
    r"""
    Return the normalised facet inequalities of ``{x : c + a.x >= 0}`` (PPL,
    exact), or ``None`` if it is not full-dimensional.
    """
    from ppl import Constraint_System, C_Polyhedron, Linear_Expression
    if not ieqs:
        return []
    cs = Constraint_System()
    for t in ieqs:
        t = normalize(t)
        cs.insert(Linear_Expression([int(a) for a in t[1:]], int(t[0])) >= 0)
    P = C_Polyhedron(cs)
    if P.affine_dimension() < n:
        return None
    return [normalize([c.inhomogeneous_term()] + list(c.coefficients()))
            for c in P.minimized_constraints()]


def _certified_step(oracle, key, rows, nb, A, b, x0, box_norm):
    r"""
    Facets of the cell ``key`` with exact certificates, and the cell across
    each: a list of ``(neighbour, float facet point, outward normal)``, or
    ``None`` when some certificate fails (the caller then uses PPL).

    ``rows`` are its primitive integer rows, ``nb`` the tropical neighbour
    map (``None`` for the activation route), ``A x <= b`` the same rows in
    floats, ``x0`` a float interior point or ``None``.
    """
    import numpy as np
    from sage_tropnet.float_regions import _chebyshev
    if not rows:
        return []  # the whole space
    F = certified_facets(rows, x0) if x0 is not None else None
    if F is None:
        # no (good) interior point: a Chebyshev centre in floats (HiGHS)
        x0, rad = _chebyshev(A, b)
        if x0 is None or rad <= 1e-9 * (1.0 + np.abs(x0).max()):
            return None
        F = certified_facets(rows, x0)
        if F is None:
            return None
    found = []
    for idx, yf in F.items():
        hn = rows[idx]
        if hn in box_norm:
            continue
        if nb is not None:
            other = nb.get(hn)
        elif hasattr(oracle, 'flip_neighbour'):
            other = oracle.flip_neighbour(key, hn)
        else:
            other = None
        if other is None:
            # read the neighbour off at an exact point of the facet
            pt = certified_facet_point(rows, idx, yf)
            if pt is None:
                return None
            other = oracle.key_at(vector(QQ, as_rational_point(pt)), -vector(QQ, hn[1:]))
            if other is None:
                return None
        elif oracle.label(other) == oracle.label(key):
            # this edge glues two cells: the row must be a facet
            if certified_facet_point(rows, idx, yf) is None:
                return None
        found.append((other, yf, A[idx]))
    return found


def _explore(oracle, box, seed=0, progress=None, polyhedra=True, certify=True):
    r"""
    Return ``(cells, edges)``: every full-dimensional cell (key -> polyhedron,
    or key -> its inequalities when ``polyhedra`` is ``False``) and the pairs
    of cells sharing a facet (within the counting domain).

    With ``certify`` (default) each cell's facets are proposed in floating
    point around a float interior point and certified exactly
    (:func:`~sage_tropnet.certify.certified_facets`: every other row is
    proven redundant); the interior point of a new cell is a chord midpoint
    from the facet it was entered by. Cells without a certificate are
    handled by PPL. Crossing a proposed row that is not a facet can only
    lead to an empty cell (discarded by PPL) or to a real cell; an edge
    between two cells with the same affine map, the only edges that glue,
    is kept only with an exact point in the relative interior of the facet
    (:func:`~sage_tropnet.certify.certified_facet_point`).
    """
    n = oracle.n
    rng = _random.Random(seed)
    box_ieqs = _box_ieqs(box, n)
    box_norm = set(normalize(b) for b in box_ieqs)
    # start
    if box_ieqs:
        B = _polyhedron(box_ieqs, n)
        bv, br, bl = [v.vector() for v in B.vertices()], [r.vector() for r in B.rays()], \
            [l.vector() for l in B.lines()]
    start = None
    for attempt in range(100):
        if box_ieqs:
            y = _random_relint_point(bv, br, bl, rng)
        else:
            y = vector(QQ, [QQ(rng.randint(-(1 << 20), 1 << 20)) / (1 << 20) for _ in range(n)])
        start = oracle.key_at(y, None)
        if start is not None:
            break
    if start is None:
        raise RuntimeError("could not find a generic starting point")

    from tqdm.auto import tqdm
    bar = tqdm(desc="cells", unit="cell", disable=True if progress is False else None,
               leave=False)
    cells = {}
    ieq_cache = {}
    edges = set()

    def ieqs_of(key):
        if key not in ieq_cache:
            import numpy as np
            ie = oracle.ieqs(key) + box_ieqs
            ieq_cache[key] = (ie, np.array([[float(a) for a in r] for r in ie]).reshape(len(ie), n + 1))
        return ieq_cache[key]

    import numpy as np
    from sage_tropnet.float_regions import _centre
    nrng = np.random.default_rng(seed)
    box_rows = [normalize(b) for b in box_ieqs]
    tropical = hasattr(oracle, 'facet_neighbours')
    hint = {start: np.array([float(t) for t in y])} if certify else {}
    rows_cache = {}

    def rows_of(key):
        r"""
        (primitive integer rows, tropical neighbour map, float rows ``A x <= b``)
        """
        if key not in rows_cache:
            if tropical and hasattr(oracle, 'int_cell'):
                nb = oracle.int_cell(key)
                rows = list(dict.fromkeys(list(nb) + box_rows))
            else:
                nb = oracle.facet_neighbours(key) if tropical else None
                own = oracle.int_rows(key) if hasattr(oracle, 'int_rows') else \
                    [normalize(r) for r in oracle.ieqs(key)]
                rows = list(dict.fromkeys(own + box_rows))
            R = np.array([[float(t) for t in r] for r in rows]).reshape(len(rows), n + 1)
            nr = np.sqrt((R[:, 1:] ** 2).sum(axis=1))
            nr[nr == 0] = 1.0
            rows_cache[key] = (rows, nb, -R[:, 1:] / nr[:, None], R[:, 0] / nr)
        return rows_cache[key]

    queue = [start]
    seen = {start}
    while queue:
        key = queue.pop()
        if certify:
            rows, nb, A, b = rows_of(key)
            found = _certified_step(oracle, key, rows, nb, A, b, hint.pop(key, None), box_norm)
            if found is not None:
                cells[key] = rows
                bar.update(1)
                for other, yf, d in found:
                    edges.add((key, other) if key <= other else (other, key))
                    if other not in seen:
                        seen.add(other)
                        queue.append(other)
                        oA, ob = rows_of(other)[2:]
                        x1 = _centre(oA, ob, yf, d, nrng) if len(ob) else yf + d
                        if x1 is not None:
                            hint[other] = x1
                continue
        facet_map = oracle.facet_neighbours(key) if tropical else None
        if facet_map is not None and not polyhedra:
            # combinatorial neighbours: only the facets are needed (PPL directly)
            facets = _ppl_facets(ieqs_of(key)[0], n)
            if facets is None:
                continue  # not full-dimensional (reached through a non-facet row)
            cells[key] = ieqs_of(key)[0]
            bar.update(1)
            for hn in facets:
                if hn in box_norm:
                    continue
                other = facet_map[hn]
                edges.add((key, other) if key <= other else (other, key))
                if other not in seen:
                    seen.add(other)
                    queue.append(other)
            continue
        P = _polyhedron(ieqs_of(key)[0], n)
        if P.dim() < n:
            continue  # not full-dimensional (reached through a non-facet row)
        cells[key] = P
        bar.update(1)
        for h in P.inequality_generator():
            hn = normalize(h.vector())
            if hn in box_norm:
                continue
            if facet_map is not None and hn in facet_map:
                others = [facet_map[hn]]
            else:
                inc = list(h.incident())
                verts = [g.vector() for g in inc if g.is_vertex()]
                rays = [g.vector() for g in inc if g.is_ray()]
                lines = [g.vector() for g in P.lines()]
                d = -vector(QQ, h.A())  # outward normal
                others = _cross(oracle, ieqs_of, verts, rays, lines, d, h, n, rng)
            for other in others:
                edges.add((key, other) if key <= other else (other, key))
                if other not in seen:
                    seen.add(other)
                    queue.append(other)
    bar.close()
    # drop edges to keys that turned out not to be full-dimensional
    edges = set(e for e in edges if e[0] in cells and e[1] in cells)
    if polyhedra:
        cells = {k: (_polyhedron(v, n) if isinstance(v, list) else v) for k, v in cells.items()}
    return cells, edges


def _cross(oracle, ieqs_of, verts, rays, lines, d, h, n, rng, depth=0):
    """
    Return the keys of the cells on the far side of a facet (given by its
    V-representation), covering the facet piece by piece.
    """
    if depth > 50:
        raise RuntimeError("facet covering did not terminate")
    other = None
    for attempt in range(50):
        y = _random_relint_point(verts, rays, lines, rng)
        other = oracle.key_at(y, d)
        if other is not None:
            break
    if other is None:
        raise RuntimeError("no generic point found on a facet")
    found = [other]
    oi, foi = ieqs_of(other)
    if _satisfies(oi, verts, rays, lines, foi):
        return found
    # the facet is shared with several cells: cover the rest of it exactly
    from sage.geometry.polyhedron.constructor import Polyhedron
    F = Polyhedron(vertices=verts, rays=rays, lines=lines, base_ring=QQ, backend='ppl')
    D = _polyhedron(oi, n)
    prev = []
    for g in D.inequality_generator():
        gv = list(g.vector())
        neg = [-t for t in gv]
        piece = F.intersection(_polyhedron(prev + [neg], n)) if True else None
        prev.append(gv)
        if piece.dim() < n - 1:
            continue
        pv = [v.vector() for v in piece.vertices()]
        pr = [r.vector() for r in piece.rays()]
        pl = [l.vector() for l in piece.lines()]
        found.extend(_cross(oracle, ieqs_of, pv, pr, pl, d, h, n, rng, depth + 1))
    return found


# ---------------------------------------------------------------------------
# public API
# ---------------------------------------------------------------------------

class LinearRegion(SageObject):
    r"""
    A linear region: a connected union of full-dimensional cells carrying one
    affine map.

    Attributes: ``cells`` (list of Sage polyhedra over `\QQ`), ``patterns``
    (the cell keys: pairs of monomial indices for the tropical route,
    activation patterns for the activation route), ``gradient`` and
    ``constant`` (the affine map `x \mapsto \langle g, x\rangle + c`).

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
    """

    def __init__(self, cells, patterns, gradient, constant):
        self.cells = list(cells)
        self.patterns = list(patterns)
        self.gradient = gradient
        self.constant = constant

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
        P = self.cells[0]
        return P.representative_point()

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

    def _repr_(self):
        g = self.gradient
        return "Linear region with affine map %s*x + %s (%s cell%s)" % (
            g, self.constant, len(self.cells), "" if len(self.cells) == 1 else "s")


def _as_map_and_oracle(obj, method, output):
    if isinstance(obj, ReLUNetwork):
        if output is not None and not 0 <= output < obj.output_dimension():
            raise ValueError("output %s out of range: the network has %s outputs"
                             % (output, obj.output_dimension()))
        if method == 'activation':
            return _ActivationOracle(obj, output)
        if output is None:
            if obj.output_dimension() != 1:
                raise ValueError("the tropical route needs one output: pass output=k")
            output = 0
        obj = obj.tropicalize()[output]
    if method == 'activation':
        raise ValueError("the activation route needs a network, not %s" % type(obj).__name__)
    if isinstance(obj, TropicalRationalMapVector):
        obj = obj[output or 0]
    if isinstance(obj, TropicalPuiseuxPolynomial):
        obj = TropicalRationalMap(obj)
    if not isinstance(obj, TropicalRationalMap):
        raise TypeError("expected a network or a tropical map, got %s" % type(obj).__name__)
    if obj.base_ring() is not QQ:
        obj = obj.change_ring(QQ)  # float data are exact rationals
    return _TropicalOracle(obj)


def _float_box(box, n):
    import numpy as np
    if hasattr(box, 'inequalities_list'):
        if not box.is_compact():
            raise ValueError("float mode needs a bounded counting domain")
        rows = box.inequalities_list()
        return (np.array([[-float(a) for a in r[1:]] for r in rows]),
                np.array([float(r[0]) for r in rows]))
    R = float(box)
    if R <= 0:
        raise ValueError("the box half-width must be positive, got %s" % box)
    return np.vstack([np.eye(n), -np.eye(n)]), np.full(2 * n, R)


def _float_count(oracle_f, box, seed, progress, return_cells=False):
    r"""
    Count in float mode (see :mod:`sage_tropnet.float_regions`): one search,
    in the box if one is given, else in all of `\RR^n`.
    """
    from sage_tropnet.float_regions import explore_float
    n = oracle_f.n
    if box is None:
        cells, edges = explore_float(oracle_f, seed=seed, progress=progress)
    else:
        A, b = _float_box(box, n)
        cells, edges = explore_float(oracle_f, A, b, seed=seed, progress=progress)
    labels = {k: oracle_f.label(k) for k in cells}
    uf = _UnionFind()
    for k in cells:
        uf.find(k)
    for a, c in edges:
        if a in cells and c in cells and labels[a] == labels[c]:
            uf.union(a, c)
    count = len(set(uf.find(k) for k in cells))
    return (cells, count) if return_cells else count


def _regions(obj, method, adjacency, box, output, seed, progress, polyhedra=True):
    if method not in METHODS:
        raise ValueError("method must be one of %s, got %r" % (METHODS, method))
    if adjacency not in ADJACENCIES:
        raise ValueError("adjacency must be one of %s, got %r" % (ADJACENCIES, adjacency))
    oracle = _as_map_and_oracle(obj, method, output)
    cells, edges = _explore(oracle, box, seed=seed, progress=progress, polyhedra=polyhedra)
    if adjacency == 'nonempty':
        cells = {k: (_polyhedron(v, oracle.n) if isinstance(v, list) else v)
                 for k, v in cells.items()}
    labels = {k: oracle.label(k) for k in cells}
    uf = _UnionFind()
    for k in cells:
        uf.find(k)
    for a, b in edges:
        if labels[a] == labels[b]:
            uf.union(a, b)
    if adjacency == 'nonempty':
        groups = {}
        for k in cells:
            groups.setdefault(labels[k], []).append(k)
        for ks in groups.values():
            for s in range(len(ks)):
                for t in range(s + 1, len(ks)):
                    if uf.find(ks[s]) != uf.find(ks[t]) and \
                            not cells[ks[s]].intersection(cells[ks[t]]).is_empty():
                        uf.union(ks[s], ks[t])
    comps = {}
    for k in sorted(cells):
        comps.setdefault(uf.find(k), []).append(k)
    return cells, labels, comps


def linear_regions(obj, method='tropical', adjacency='facet', box=None, output=0,
                   seed=0, progress=None):
    r"""
    Return the linear regions of a tropical map or of a network, exactly.

    INPUT:

    - ``obj`` -- a :class:`~sage_tropnet.network.ReLUNetwork`, a tropical
      rational map, a tropical polynomial, or a vector of maps
    - ``method`` -- ``'tropical'`` (default) or ``'activation'`` (networks only)
    - ``adjacency`` -- ``'facet'`` (default: glue cells with the same map that
      share a facet) or ``'nonempty'`` (glue as soon as the closures meet)
    - ``box`` -- ``None`` (all of `\RR^n`, default), a positive number `R`
      (the box `[-R, R]^n`) or a full-dimensional Sage polyhedron: count
      inside this domain
    - ``output`` -- which output coordinate (default: ``0``); ``None`` with
      the activation route labels cells by the whole output vector
    - ``seed`` -- seed for the random points of the search (the result does
      not depend on it)
    - ``progress`` -- show a progress bar (default: only on a terminal)

    OUTPUT: a list of :class:`LinearRegion`

    EXAMPLES::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.regions import linear_regions
        sage: net = ReLUNetwork([([[0, 1], [1, 0]], [1, 1]), ([[1, -1]], [0])])
        sage: R = linear_regions(net)
        sage: sorted((r.gradient, r.constant) for r in R)
        [((-1, 0), -1), ((-1, 1), 0), ((0, 0), 0), ((0, 1), 1)]
        sage: len(linear_regions(net, method='activation'))
        4

    ALGORITHM: see the module documentation.
    """
    cells, labels, comps = _regions(obj, method, adjacency, box, output, seed, progress)
    out = []
    for ks in comps.values():
        g, c = labels[ks[0]]
        out.append(LinearRegion([cells[k] for k in ks], ks, vector(QQ, g) if output is not None
                                or method == 'tropical' else g, c))
    return out


def count_linear_regions(obj, method='tropical', adjacency='facet', box=None, output=0,
                         seed=0, progress=None, mode='exact'):
    r"""
    Return the number of linear regions (exact).

    INPUT: as for :func:`linear_regions`

    EXAMPLES::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.regions import count_linear_regions
        sage: T3 = ReLUNetwork([([[1, 0], [0, 1], [-1, -1]], [0, 0, 0]), ([[1, 1, 1]], [0])])
        sage: count_linear_regions(T3), count_linear_regions(T3, method='activation')
        (6, 6)
        sage: T2 = ReLUNetwork([([[1, 0], [1, 0]], [0, 0]), ([[1, -1]], [0])])
        sage: count_linear_regions(T2), count_linear_regions(T2, method='activation')
        (1, 1)

    Float mode (double precision LPs and qhull; an estimate, labelled as such
    by the CLI), here on a generic network in the box `[-10, 10]^3`::

        sage: from sage_tropnet.network import random_network
        sage: net = random_network([3, 5, 1], seed=2)
        sage: count_linear_regions(net, box=10, mode='float'), count_linear_regions(net, box=10)
        (25, 25)
    """
    if mode == 'float':
        if adjacency not in ADJACENCIES:
            raise ValueError("adjacency must be one of %s, got %r" % (ADJACENCIES, adjacency))
        if adjacency != 'facet':
            raise ValueError("float mode glues facet-adjacent cells only: use adjacency='facet' "
                             "or mode='exact'")
        return _float_count(_float_oracle(obj, method, output), box, seed, progress)
    if mode != 'exact':
        raise ValueError("mode must be 'exact' or 'float', got %r" % (mode,))
    return len(_regions(obj, method, adjacency, box, output, seed, progress,
                        polyhedra=False)[2])


def _float_oracle(obj, method, output):
    from sage_tropnet.float_regions import FloatTropicalOracle, FloatActivationOracle
    if method not in METHODS:
        raise ValueError("method must be one of %s, got %r" % (METHODS, method))
    if isinstance(obj, ReLUNetwork) and method == 'activation':
        return FloatActivationOracle(obj, output)
    oracle = _as_map_and_oracle(obj, method, output)
    return FloatTropicalOracle(oracle.polys)


def activation_regions(net, box=None, seed=0, progress=None):
    r"""
    Return the activation regions of a network as a dictionary
    ``{pattern: polyhedron}`` (exact).

    EXAMPLES::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.regions import activation_regions
        sage: net = ReLUNetwork([([[1], [-1]], [0, 1]), ([[4, 2]], [-3])],
        ....:                   output_activation='relu')
        sage: A = activation_regions(net); len(A)
        5
        sage: A[((1, 0), (1,))]
        A 1-dimensional polyhedron in QQ^1 defined as the convex hull of 1 vertex and 1 ray
    """
    if not isinstance(net, ReLUNetwork):
        raise TypeError("activation regions are defined for networks")
    return _explore(_ActivationOracle(net, None), box, seed=seed, progress=progress)[0]


def count_activation_regions(net, box=None, seed=0, progress=None, mode='exact'):
    r"""
    Return the number of activation regions of a network (exact).

    Neurons whose pre-activation is identically zero on a cell do not split it.

    EXAMPLES:

    Reference example T4 (a naive sign split gives 13)::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.regions import count_activation_regions, count_linear_regions
        sage: T4 = ReLUNetwork([([[1, 0], [0, 1], [1, 1]], [0, 0, -1]),
        ....:                   ([[1, -1, 1], [-1, 1, 1]], [0, 1/2]),
        ....:                   ([[1, -2]], [0])])
        sage: count_activation_regions(T4), count_linear_regions(T4)
        (12, 12)
        sage: count_activation_regions(T4, mode='float')
        12
    """
    if mode == 'float':
        from sage_tropnet.float_regions import FloatActivationOracle
        cells, _ = _float_count(FloatActivationOracle(net, None), box, seed, progress,
                                return_cells=True)
        return len(cells)
    if mode != 'exact':
        raise ValueError("mode must be 'exact' or 'float', got %r" % (mode,))
    if not isinstance(net, ReLUNetwork):
        raise TypeError("activation regions are defined for networks")
    return len(_explore(_ActivationOracle(net, None), box, seed=seed, progress=progress,
                        polyhedra=False)[0])
