r"""
Activation cells of a network

An **activation region** of a network is the set of inputs sharing one
activation pattern, when it is full-dimensional ([STR2018]_ Def. 2,
[HR2019]_). A key is the pattern: one tuple of unit states per layer
(``()`` for a linear layer; see :mod:`sage_tropnet.layers`). A unit whose
pre-activation vanishes identically on a cell does not split it and takes
its canonical state, so degenerate units are not counted twice.

The cell across a facet is the same all along the facet: by induction over
the layers, a pre-activation that is affine with a constant sign on the cell
`C` and vanishes at one point of the relative interior of a facet `F`
vanishes on all of `F`. Hence the **flip rule**: if the units whose
inequality defines the facet all lie in one layer `L` and no unit after
layer `L` vanishes identically on the cell, the cell across is the pattern
with these units switched to their other state (:meth:`ActivationOracle.neighbour`).

EXAMPLES:

Serra et al.'s Fig. 2 network::

    sage: from sage_tropnet.network import ReLUNetwork
    sage: from sage_tropnet.regions.activation import ActivationOracle
    sage: net = ReLUNetwork([([[1], [-1]], [0, 1]), ([[4, 2]], [-3])],
    ....:                   output_activation='relu')
    sage: o = ActivationOracle(net)
    sage: k = o.key_at([1/4]); k
    ((1, 1), (0,))
    sage: o.ieqs(k)
    [(0, 1), (1, -1), (1, -2)]
    sage: o.label(k)
    ((0,), 0)
    sage: o.neighbour(k, (1, -2))
    ((1, 1), (1,))

AUTHORS:

- sage_tropnet developers (2026-11): initial version; (2026-12) layers
  module, the cell-oracle protocol

REFERENCES:

- [STR2018]_
- [HR2019]_
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

import numpy as np

from sage.rings.rational_field import QQ
from sage.matrix.constructor import matrix
from sage.modules.free_module_element import vector

from sage_tropnet.network import ReLUNetwork
from sage_tropnet.layers import activation, homogeneous_rows, compose_rows
from sage_tropnet.misc.linear_algebra import primitive_row
from sage_tropnet.regions.oracle import CellOracle

#: relative tolerance of float mode
TOL = 1e-9


class ActivationOracle(CellOracle):
    r"""
    Activation cells of a network (see the module documentation).

    INPUT:

    - ``net`` -- a :class:`~sage_tropnet.network.ReLUNetwork`
    - ``output`` -- integer (default: ``0``) or ``None``: the output whose
      affine map labels a cell (``None``: all outputs)

    EXAMPLES::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.regions.activation import ActivationOracle
        sage: o = ActivationOracle(ReLUNetwork([([[1, 0], [0, 1]], [0, 0]), ([[1, 1]], [0])]))
        sage: o.key_at([1, -1]), o.key_at([0, 1], [-1, 0])
        (((1, 0), ()), ((0, 1), ()))
    """

    def __init__(self, net, output=0):
        if not isinstance(net, ReLUNetwork):
            raise TypeError("activation regions are defined for networks, not %s"
                            % type(net).__name__)
        if output is not None and not 0 <= output < net.output_dimension():
            raise ValueError("output %s out of range: the network has %s outputs"
                             % (output, net.output_dimension()))
        self.net = net
        self.n = net.input_dimension()
        self.layers = [(W, b, activation(act)) for W, b, act in net.layers()]
        self.output = None if output is None else int(output)
        self._cache = {}

    # -- cells -------------------------------------------------------------

    def walk(self, key):
        r"""
        Return the data of the cell ``key``: ``(rows, owners, zero_layer, out)``
        with its inequalities (homogeneous rows), their owners ``(layer, unit,
        other state)``, the last layer with a unit vanishing identically on
        the cell (``-1`` if none) and the matrix of output rows; ``None`` if
        ``key`` is not canonical.

        EXAMPLES::

            sage: from sage_tropnet.network import ReLUNetwork
            sage: from sage_tropnet.regions.activation import ActivationOracle
            sage: o = ActivationOracle(ReLUNetwork([([[1], [0]], [0, 0]), ([[1, 1]], [0])]))
            sage: o.walk(((1, 0), ()))
            ([(0, 1)], [(0, 0, 0)], 0, [0 1])
            sage: o.walk(((1, 1), ())) is None
            True
        """
        if key in self._cache:
            return self._cache[key]
        rows, owners = [], []
        zl = -1
        P = None
        for li, ((W, b, act), st) in enumerate(zip(self.layers, key)):
            A = homogeneous_rows(W, b) if P is None else compose_rows(W, b, P)
            res = act.cell_rows(A, st)
            if res is None:
                self._cache[key] = None
                return None
            r, zero = res
            for row, (u, other) in r:
                rows.append(row)
                owners.append((li, u, other))
            if zero:
                zl = li
            P = act.post_rows(A, st)
        data = (rows, owners, zl, P)
        self._cache[key] = data
        return data

    def ieqs(self, key):
        r"""
        Return the inequalities of the cell ``key`` (homogeneous rows).

        EXAMPLES::

            sage: from sage_tropnet.network import ReLUNetwork
            sage: from sage_tropnet.regions.activation import ActivationOracle
            sage: ActivationOracle(ReLUNetwork([([[2]], [1]), ([[1]], [0])])).ieqs(((0,), ()))
            [(-1, -2)]
        """
        data = self.walk(key)
        if data is None:
            raise ValueError("%r is not a canonical pattern" % (key,))
        return [tuple(r) for r in data[0]]

    def label(self, key):
        r"""
        Return the affine map of the selected output on the cell ``key``:
        ``(gradient, constant)`` (all outputs: the matrix and the vector, as tuples).

        EXAMPLES::

            sage: from sage_tropnet.network import ReLUNetwork
            sage: from sage_tropnet.regions.activation import ActivationOracle
            sage: ActivationOracle(ReLUNetwork([([[2]], [1]), ([[1]], [0])])).label(((1,), ()))
            ((2,), 1)
        """
        P = self.walk(key)[3]
        if self.output is None:
            return (tuple(P.matrix_from_columns(range(1, P.ncols())).list()),
                    tuple(P.column(0)))
        row = P.row(self.output)
        return (tuple(row[1:]), row[0])

    def neighbour(self, key, row):
        r"""
        Return the cell across the facet ``row`` (a primitive row) of the
        cell ``key`` when the flip rule decides it, else ``None``.

        EXAMPLES::

            sage: from sage_tropnet.network import ReLUNetwork
            sage: from sage_tropnet.regions.activation import ActivationOracle
            sage: o = ActivationOracle(ReLUNetwork([([[1], [-1]], [0, 1]), ([[1, 1]], [0])]))
            sage: o.neighbour(((1, 1), ()), (0, 1))
            ((0, 1), ())
        """
        rows, owners, zl, _ = self.walk(key)
        row = tuple(row)
        flips = [o for r, o in zip(rows, owners) if primitive_row(r) == row]
        if not flips or len(set(o[0] for o in flips)) > 1 or zl > flips[0][0]:
            return None
        if len(set(o[1] for o in flips)) != len(flips):
            return None  # one unit owns two rows of this facet (maxout ties)
        new = [list(t) for t in key]
        for li, u, other in flips:
            new[li][u] = other
        new = tuple(tuple(t) for t in new)
        return new if self.walk(new) is not None else None

    # -- points ------------------------------------------------------------

    def key_at(self, y, d=None):
        r"""
        Return the pattern at `y + \varepsilon d` (exact; ``None`` on a tie).

        EXAMPLES::

            sage: from sage_tropnet.network import ReLUNetwork
            sage: from sage_tropnet.regions.activation import ActivationOracle
            sage: o = ActivationOracle(ReLUNetwork([([[2]], [1]), ([[1]], [0])]))
            sage: o.key_at([-1/2], [1]), o.key_at([-1/2], [-1]), o.key_at([-1/2])
            (((1,), ()), ((0,), ()), None)
        """
        y = vector(QQ, y)
        d = vector(QQ, d) if d is not None else None
        val, der = y, (d if d is not None else vector(QQ, len(y)))
        key = []
        for W, b, act in self.layers:
            z = W * val + b
            dz = W * der
            st = act.states_at(list(z), list(dz) if d is not None else None)
            if st is None:
                return self._walk_point(y, d)
            key.append(st)
            if act.is_linear:
                val, der = z, dz
            else:
                val, der = act.post_values(z, st), act.post_values(dz, st)
        key = tuple(key)
        if self.walk(key) is None:
            return self._walk_point(y, d)
        return key

    def _walk_point(self, y, d):
        r"""
        The pattern at `y + \varepsilon d` when a unit's value and
        derivative both vanish: decide from the affine maps on the cell
        (units vanishing identically take their canonical state).
        """
        key = []
        P = None
        for W, b, act in self.layers:
            A = homogeneous_rows(W, b) if P is None else compose_rows(W, b, P)
            yh = vector(QQ, [1] + list(y))
            dh = vector(QQ, [0] + list(d)) if d is not None else None
            z = list(A * yh)
            dz = list(A * dh) if dh is not None else None
            if act.is_linear:
                st = ()
            elif act.rows_per_unit == 1:
                zero = [A.row(k).is_zero() for k in range(A.nrows())]
                st = act.states_at(z, dz, zero=zero)
            else:
                k = act.k
                same = set()
                for u in range(A.nrows() // k):
                    for r in range(u * k, (u + 1) * k):
                        for s in range(u * k, r):
                            if A.row(r) == A.row(s):
                                same.add((s, r))
                st = act.states_at(z, dz, zero=same)
            if st is None:
                return None
            key.append(st)
            P = act.post_rows(A, st)
        return tuple(key)

    def float_key_at(self, y, d=None):
        r"""
        Return the pattern at `y + \varepsilon d` in floating point (a tie
        within the relative tolerance gives ``None``; a unit whose affine
        map vanishes on the cell, within the tolerance, is canonically off).

        EXAMPLES::

            sage: from sage_tropnet.network import ReLUNetwork
            sage: from sage_tropnet.regions.activation import ActivationOracle
            sage: o = ActivationOracle(ReLUNetwork([([[1], [-1]], [0, 1]), ([[1, 1]], [0])]))
            sage: o.float_key_at([0.5]), o.float_key_at([0.0], [-1.0]), o.float_key_at([0.0])
            (((1, 1), ()), ((0, 1), ()), None)
        """
        y = np.asarray(y, dtype=float)
        yh = np.concatenate([[1.0], y])
        dh = None if d is None else np.concatenate([[0.0], np.asarray(d, dtype=float)])
        key = []
        P = None
        for W, b, act in self.layers:
            Wf, bf = self._float_layer(W, b)
            if P is None:
                A = np.hstack([bf[:, None], Wf])
                S = np.abs(A)
            else:
                A = Wf @ P
                A[:, 0] += bf
                S = np.abs(Wf) @ np.abs(P)
                S[:, 0] += np.abs(bf)
            scale = 1.0 + S.max(axis=1)
            zero = np.abs(A).max(axis=1) <= TOL * scale
            z = A @ yh
            dz = A @ dh if dh is not None else np.zeros(len(z))
            tz = TOL * (scale * (1.0 + np.abs(yh).max()))
            td = TOL * (scale * (1.0 + (np.abs(dh).max() if dh is not None else 0.0)))
            if act.is_linear:
                key.append(())
                P = A
                continue
            if act.rows_per_unit == 1:
                if act.alpha == 1:
                    st = [1] * len(z)
                else:
                    st = []
                    for k in range(len(z)):
                        if zero[k]:
                            st.append(0)
                        elif abs(z[k]) > tz[k]:
                            st.append(1 if z[k] > 0 else 0)
                        elif dh is not None and abs(dz[k]) > td[k]:
                            st.append(1 if dz[k] > 0 else 0)
                        else:
                            return None
                P = np.array([1.0 if s else float(act.alpha) for s in st])[:, None] * A
            else:
                k = act.k
                st = []
                for u in range(len(z) // k):
                    idx = [r for r in range(u * k, (u + 1) * k)
                           if not any(np.abs(A[r] - A[q]).max() <= TOL * max(scale[r], scale[q])
                                      for q in range(u * k, r))]
                    vals = z[idx]
                    cand = [r for r, v in zip(idx, vals) if v >= vals.max() - tz[idx].max()]
                    if len(cand) > 1:
                        if dh is None:
                            return None
                        dv = dz[cand]
                        cand = [r for r, v in zip(cand, dv) if v >= dv.max() - td[cand].max()]
                        if len(cand) > 1:
                            return None
                    st.append(cand[0] - u * k)
                P = A[[u * k + s for u, s in enumerate(st)]]
            key.append(tuple(st))
        return tuple(key)

    def _float_layer(self, W, b):
        c = self._cache.get(('float', id(W)))
        if c is None:
            c = (np.array([[float(a) for a in r] for r in W.rows()]).reshape(W.nrows(), W.ncols()),
                 np.array([float(a) for a in b]))
            self._cache[('float', id(W))] = c
        return c

    def float_label(self, key):
        r"""
        Return the affine map of the cell ``key``, rounded (float mode).

        EXAMPLES::

            sage: from sage_tropnet.network import ReLUNetwork
            sage: from sage_tropnet.regions.activation import ActivationOracle
            sage: o = ActivationOracle(ReLUNetwork([([[2]], [1]), ([[1]], [0])]))
            sage: o.float_label(((1,), ())), o.float_label(((0,), ()))
            ((2.0, 1.0), (0.0, 0.0))
        """
        P = None
        for (W, b, act), st in zip(self.layers, key):
            Wf, bf = self._float_layer(W, b)
            A = np.hstack([bf[:, None], Wf]) if P is None else Wf @ P + np.hstack(
                [bf[:, None], np.zeros((len(bf), P.shape[1] - 1))])
            if act.is_linear:
                P = A
            elif act.rows_per_unit == 1:
                P = np.array([1.0 if s else float(act.alpha) for s in st])[:, None] * A
            else:
                P = A[[u * act.k + s for u, s in enumerate(st)]]
        rows = P if self.output is None else P[self.output:self.output + 1]
        return tuple(np.round(np.hstack([rows[:, 1:].ravel(), rows[:, 0]]), 9).tolist())

    def pattern(self, key):
        r"""
        Return the pattern of ``key`` as a flat tuple of unit states.

        EXAMPLES::

            sage: from sage_tropnet.network import ReLUNetwork
            sage: from sage_tropnet.regions.activation import ActivationOracle
            sage: o = ActivationOracle(ReLUNetwork([([[2], [1]], [1, 0]), ([[1, 1]], [0])]))
            sage: o.pattern(((1, 0), ()))
            (1, 0)
        """
        return tuple(s for st in key for s in st)

    def key_of_pattern(self, flat):
        r"""
        Return the key (one tuple per layer) of a flat pattern.

        EXAMPLES::

            sage: from sage_tropnet.network import ReLUNetwork
            sage: from sage_tropnet.regions.activation import ActivationOracle
            sage: o = ActivationOracle(ReLUNetwork([([[2], [1]], [1, 0]), ([[1, 1]], [0])]))
            sage: o.key_of_pattern(b'\x01\x00')
            ((1, 0), ())
        """
        out, pos = [], 0
        for W, b, act in self.layers:
            u = act.units(W.nrows())
            out.append(tuple(flat[pos:pos + u]))
            pos += u
        return tuple(out)
