r"""
Cells of a tropical rational map

For `f = p \oslash q` with `p = \max_i (c_i + e_i \cdot x)` and
`q = \max_j (d_j + f_j \cdot x)` (merged and pruned), the cells are the
full-dimensional intersections `U_i \cap V_j` of the regions of the monomials,
labelled by the affine map `(c_i - d_j) + \langle e_i - f_j, x \rangle`
([LWCBM2024]_, §5.1). A key is the pair ``(i, j)``.

Only the monomials adjacent to `i` on the upper hull of the lifted points
`(e_k, c_k)` bound `U_i`, and the neighbour across a facet is known
combinatorially: at most one constraint `p_i \ge p_k` of `p` (and at most one
of `q`) defines a given hyperplane, because three collinear lifted points
cannot all be upper-hull vertices; across the facet the maximum of `p`
passes from `i` to that `k` all along the facet.

EXAMPLES::

    sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
    sage: from sage_tropnet.regions.tropical import TropicalOracle
    sage: x, y = TP.gens(2)
    sage: o = TropicalOracle((x + y + 0) / (x + 0))
    sage: k = o.key_at([1, -2]); k, o.label(k)
    ((2, 1), ((0, 0), 0))
    sage: o.ieqs(k)
    [(0, 1, 0), (0, 1, -1), (0, 1, 0)]
    sage: o.neighbour(k, (0, 1, -1))
    (1, 1)

AUTHORS:

- sage_tropnet developers (2026-11): initial version; (2026-12) the cell-oracle
  protocol

REFERENCES:

- [LWCBM2024]_ §5.1
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

import numpy as np

from sage.rings.rational_field import QQ
from sage.rings.integer_ring import ZZ
from sage.modules.free_module_element import vector

from sage_tropnet.puiseux import (TropicalPuiseuxPolynomial, TropicalRationalMap,
                                  TropicalRationalMapVector)
from sage_tropnet.layers import lex_argmax
from sage_tropnet.regions.oracle import CellOracle


def as_tropical_map(obj, output=0):
    r"""
    Return ``obj`` (a tropical polynomial, rational map or vector of maps) as
    a :class:`~sage_tropnet.puiseux.TropicalRationalMap` over `\QQ`.

    EXAMPLES::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.regions.tropical import as_tropical_map
        sage: x, = TP.gens(1)
        sage: as_tropical_map(x + 0)
        max(0, x) - max(0)
    """
    if isinstance(obj, TropicalRationalMapVector):
        obj = obj[output or 0]
    if isinstance(obj, TropicalPuiseuxPolynomial):
        obj = TropicalRationalMap(obj)
    if not isinstance(obj, TropicalRationalMap):
        raise TypeError("expected a network or a tropical map, got %s" % type(obj).__name__)
    if obj.base_ring() is not QQ:
        obj = obj.change_ring(QQ)  # float data are exact rationals
    return obj


class TropicalOracle(CellOracle):
    r"""
    Cells `U_i \cap V_j` of a tropical rational map `p \oslash q` (see the
    module documentation).

    INPUT:

    - ``f`` -- a tropical polynomial or rational map (over `\QQ`, or floats
      taken exactly)

    EXAMPLES::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.regions.tropical import TropicalOracle
        sage: x, = TP.gens(1)
        sage: TropicalOracle(x + 0 + x**2 * (-1))
        TropicalOracle in dimension 1
    """

    def __init__(self, f):
        f = as_tropical_map(f)
        p = f.numerator().merged()
        q = f.denominator().merged()
        self.n = p.nvariables()
        self.polys = []
        for g in (p, q):
            exps, coeffs = g.exponents(), g.coefficients()
            keep, adj = g.hull_graph()
            E = [vector(QQ, exps[k]) for k in keep]
            C = [QQ(coeffs[k]) for k in keep]
            self.polys.append((E, C, adj))
        self._float = [(np.array([[float(a) for a in e] for e in E]).reshape(len(E), self.n),
                        np.array([float(c) for c in C])) for E, C, _ in self.polys]
        # the same data as Python integers over one common denominator per side
        self._int = []
        for E, C, _ in self.polys:
            den = ZZ(1)
            for e, c in zip(E, C):
                den = den.lcm(QQ(c).denominator())
                for t in e:
                    den = den.lcm(t.denominator())
            self._int.append([tuple(int(t * den) for t in [c] + list(e)) for e, c in zip(E, C)])
        self._rows_cache = {}
        self._label_cache = {}
        self._map_cache = {}
        self._float_cache = {}

    def side_rows(self, side, i):
        r"""
        Return the list of ``(primitive integer row, k)`` of the constraints
        `p_i \ge p_k` (``side = 0``) or `q_i \ge q_k` (``side = 1``), one per
        upper-hull neighbour `k` of `i`.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.regions.tropical import TropicalOracle
            sage: x, = TP.gens(1)
            sage: TropicalOracle(x * 2 + 0).side_rows(0, 0)
            [((-2, -1), 1)]
        """
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

    def int_cell(self, key):
        r"""
        Return ``{primitive integer row: neighbouring cell}`` for the cell
        ``key`` (its rows, each with the cell across it).

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.regions.tropical import TropicalOracle
            sage: x, = TP.gens(1)
            sage: TropicalOracle(x + 0).int_cell((1, 0))
            {(0, 1): (0, 0)}
        """
        out = {}
        for side, i in enumerate(key):
            for r, k in self.side_rows(side, i):
                new = list(out.get(r, key))
                new[side] = k
                out[r] = tuple(new)
        return out

    def ieqs(self, key):
        r"""
        Return the inequalities of the cell ``key = (i, j)``: `p_i \ge p_k`
        and `q_j \ge q_l` for the upper-hull neighbours (primitive rows).

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.regions.tropical import TropicalOracle
            sage: x, = TP.gens(1)
            sage: TropicalOracle(x + 0).ieqs((0, 0))
            [(0, -1)]
        """
        out = []
        for side, i in enumerate(key):
            out.extend(r for r, _ in self.side_rows(side, i))
        return out

    def label(self, key):
        r"""
        Return the affine map ``(e_i - f_j, c_i - d_j)`` of the cell ``(i, j)``.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.regions.tropical import TropicalOracle
            sage: x, = TP.gens(1)
            sage: TropicalOracle((x * 2 + 1) / (x + 0)).label((0, 0))
            ((0,), 1)
        """
        lab = self._label_cache.get(key)
        if lab is None:
            (Ep, Cp, _), (Eq, Cq, _) = self.polys
            i, j = key
            lab = self._label_cache[key] = (tuple(Ep[i] - Eq[j]), Cp[i] - Cq[j])
        return lab

    def neighbour(self, key, row):
        r"""
        Return the cell across the facet ``row`` (known combinatorially).

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.regions.tropical import TropicalOracle
            sage: x, = TP.gens(1)
            sage: TropicalOracle(x + 0).neighbour((1, 0), (0, 1))
            (0, 0)
        """
        row = tuple(row)
        new = list(key)
        found = False
        for side, i in enumerate(key):
            k = self._side_map(side, i).get(row)
            if k is not None:
                new[side] = k
                found = True
        return tuple(new) if found else None

    def _side_map(self, side, i):
        m = self._map_cache.get((side, i))
        if m is None:
            m = self._map_cache[(side, i)] = {r: k for r, k in self.side_rows(side, i)}
        return m

    def kernel_rows(self, key):
        r"""
        Return ``(rows, floats, k, block)``: the distinct primitive rows of
        the cell ``key`` with their float versions ``(coordinates, error
        bound, integer flag)`` (cached per monomial); the first ``k`` rows are
        those of the region ``block`` of the numerator's monomial, shared by
        many cells (the search caches its cone).

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.regions.tropical import TropicalOracle
            sage: x, = TP.gens(1)
            sage: TropicalOracle(x + 0).kernel_rows((1, 0))
            ([(0, 1)], [([0.0, 1.0], 0.0, 1)], 1, (0, 1))
        """
        from sage_tropnet.regions.kernel import float_row
        rows, fl = [], []
        seen = set()
        first = 0
        for side, i in enumerate(key):
            c = self._float_cache.get((side, i))
            if c is None:
                rs = [r for r, _ in self.side_rows(side, i)]
                c = self._float_cache[(side, i)] = (rs, [float_row(r) for r in rs])
            if side == 0:
                rows, fl = list(c[0]), list(c[1])
                seen = set(rows)
                first = len(rows)
                continue
            for r, f in zip(*c):
                if r not in seen:
                    seen.add(r)
                    rows.append(r)
                    fl.append(f)
        return rows, fl, first, (0, key[0])

    def key_at(self, y, d=None):
        r"""
        Return the cell ``(i, j)`` at `y + \varepsilon d` (exact; ``None`` on a tie).

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.regions.tropical import TropicalOracle
            sage: x, = TP.gens(1)
            sage: TropicalOracle(x + 0).key_at([0], [1])
            (1, 0)
        """
        key = []
        yq = vector(QQ, y)
        dq = None if d is None else vector(QQ, d)
        yf = np.array([float(a) for a in yq])
        for (E, C, _), (Ef, Cf) in zip(self.polys, self._float):
            # float filter: every exact maximiser is within 2 * margin of the float maximum
            with np.errstate(all='ignore'):
                fv = Ef @ yf + Cf
                margin = 1e-9 * (np.abs(Ef) @ np.abs(yf) + np.abs(Cf)).max() + 1e-300
                if np.isfinite(fv).all() and np.isfinite(margin):
                    cand = np.nonzero(fv >= fv.max() - 2 * margin)[0].tolist()
                else:
                    cand = list(range(len(E)))  # beyond floats: decide exactly
            vals = [C[k] + E[k] * yq for k in cand]
            ders = [E[k] * dq for k in cand] if dq is not None else [0] * len(cand)
            k = lex_argmax(vals, ders)
            if k is None:
                return None
            key.append(cand[k])
        return tuple(key)

    def float_key_at(self, y, d=None, tol=1e-9):
        r"""
        Return the cell at `y + \varepsilon d` in floating point (``None`` on
        a numerical tie).

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.regions.tropical import TropicalOracle
            sage: x, = TP.gens(1)
            sage: o = TropicalOracle(x + 0)
            sage: o.float_key_at([0.5]), o.float_key_at([0.0], [-1.0]), o.float_key_at([0.0])
            ((1, 0), (0, 0), None)
        """
        y = np.asarray(y, dtype=float)
        key = []
        for Ef, Cf in self._float:
            v = Ef @ y + Cf
            scale = 1.0 + np.abs(v).max()
            top = v.max()
            cand = np.nonzero(v >= top - tol * scale)[0]
            if len(cand) > 1:
                if d is None:
                    return None
                dv = Ef[cand] @ np.asarray(d, dtype=float)
                dtop = dv.max()
                win = cand[dv >= dtop - tol * (1.0 + np.abs(dv).max())]
                if len(win) > 1:
                    return None
                key.append(int(win[0]))
            else:
                key.append(int(cand[0]))
        return tuple(key)

    def float_label(self, key):
        r"""
        Return the affine map of the cell ``key``, rounded (float mode).

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.regions.tropical import TropicalOracle
            sage: x, = TP.gens(1)
            sage: TropicalOracle(x + 0).float_label((1, 0))
            ((1.0,), 0.0)
        """
        (Ep, Cp), (Eq, Cq) = self._float
        i, j = key
        return (tuple(np.round(Ep[i] - Eq[j], 9).tolist()), round(float(Cp[i] - Cq[j]), 9))
