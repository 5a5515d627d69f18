r"""
Piecewise-linear activations: one place for the semantics of a layer

A layer of a network is an affine map `z = W x + b` followed by an
activation applied unit by unit. This module holds everything that depends
on the kind of activation, so that a new kind touches only this file:

- the exact and the (batched) float forward pass;
- the **state** of a unit at a point (which affine piece is active), with
  ties broken along a direction `y + \varepsilon d`, and the canonical state
  of a unit whose pre-activation vanishes identically on a cell;
- the **local affine map** of a cell: the post-activation rows given the
  pre-activation rows and the states;
- the inequalities of a cell contributed by a unit in a given state;
- one step of the **tropicalisation** (the layer recursion of [ZNL2018]_);
- the description passed to the compiled region kernel.

Rows are kept in *homogeneous* form: a pre-activation `z_k = c_k + a_k \cdot x`
is the vector `(c_k, a_k)`, and an inequality `(c, a)` means
`c + a \cdot x \ge 0`.

Kinds:

=====================  =================================  ==================
activation             unit output                        states
=====================  =================================  ==================
``Linear()``           `z`                                one (``()``)
``ReLU()``             `\max(z, 0)`                       0 (off), 1 (on)
``LeakyReLU(alpha)``   `z` if `z > 0`, else `\alpha z`    0, 1
``Maxout(k)``          `\max(z_1, \dots, z_k)`            `0, \dots, k-1`
=====================  =================================  ==================

A unit whose pre-activation is identically zero on a cell is canonically off
(for ReLU and leaky ReLU; both states give the same function there); among
maxout rows that coincide on a cell the first one wins. A leaky ReLU of slope
`1` is linear: its units are always on.

EXAMPLES::

    sage: from sage_tropnet.layers import activation
    sage: relu = activation('relu'); relu
    ReLU
    sage: relu([3, -1/2, 0])
    [3, 0, 0]
    sage: activation(('leaky_relu', 1/10))([-10, 2])
    [-1, 2]
    sage: activation(('maxout', 2))([1, 5, -2, -3])
    [5, -2]

The states at a point, with a tie broken along a direction::

    sage: relu.states_at([1, 0, -2], [0, -1, 0])
    (1, 0, 0)
    sage: relu.states_at([1, 0, -2], [0, 0, 0]) is None
    True

AUTHORS:

- sage_tropnet developers (2026-12): initial version (collected from the
  network, region and sampling modules)

REFERENCES:

- [ZNL2018]_ (the layer recursion)
- [CM2018]_ (maxout networks as tropical rational maps)
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

from sage.structure.sage_object import SageObject
from sage.rings.rational_field import QQ
from sage.matrix.constructor import matrix
from sage.modules.free_module_element import vector

from sage_tropnet.rational import to_rational

_U = 2.0 ** -53  # unit roundoff of float64


def _hyperplane(row):
    r"""
    Return the hyperplane `\{a \cdot x + c = 0\}` of the row ``(a, c)`` as a
    canonical tuple (scaled to a first nonzero entry of absolute value 1 and
    a positive sign).

    EXAMPLES::

        sage: from sage_tropnet.layers import _hyperplane
        sage: _hyperplane((-2, 4, 6)) == _hyperplane((1, -2, -3))
        True
    """
    lead = next(x for x in row if x != 0)
    return tuple(x / abs(lead) * (1 if lead > 0 else -1) for x in row)


def _lex_argmax(vals, ders):
    r"""
    Return the unique index maximising ``(vals[k], ders[k])`` lexicographically,
    or ``None`` on a tie.

    EXAMPLES::

        sage: from sage_tropnet.layers import lex_argmax
        sage: lex_argmax([1, 3, 3], [0, 1, 2]), lex_argmax([1, 3, 3], [0, 1, 1])
        (2, None)
    """
    best = None
    tie = False
    for k, (v, d) in enumerate(zip(vals, ders)):
        if best is None or v > vals[best] or (v == vals[best] and d > ders[best]):
            best, tie = k, False
        elif v == vals[best] and d == ders[best]:
            tie = True
    return None if tie else best


lex_argmax = _lex_argmax


class Activation(SageObject):
    r"""
    Base class of the activations (see the module documentation).

    Subclasses implement :meth:`__call__`, :meth:`forward_float`,
    :meth:`states_at`, :meth:`post_rows`, :meth:`cell_rows`,
    :meth:`tropical_units` and :meth:`kernel_spec`.

    EXAMPLES::

        sage: from sage_tropnet.layers import Activation, ReLU
        sage: isinstance(ReLU(), Activation)
        True
    """
    #: rows of `W` per unit
    rows_per_unit = 1
    #: whether the activation is affine (no states)
    is_linear = False
    #: whether a layer of this activation keeps the dimension of its input
    #: in the region bound of ``monomial_bound`` (a leaky ReLU is injective
    #: on every cell, so only the rank of its first layer counts)
    keeps_rank = False
    #: whether the activation may be the output activation of a network
    allowed_as_output = False

    def label(self):
        r"""
        Return a short name of the activation: its kind, followed by its
        parameter in parentheses when it has one.

        EXAMPLES::

            sage: from sage_tropnet.layers import activation
            sage: [activation(a).label() for a in ['relu', 'linear', ('leaky_relu', 1/10), ('maxout', 2)]]
            ['relu', 'linear', 'leaky_relu(1/10)', 'maxout(2)']
        """
        spec = self.spec()
        return spec[0] if len(spec) == 1 else "%s(%s)" % spec

    def spec(self):
        r"""
        Return the activation as a tuple (``('relu',)``, ``('maxout', 2)``, ...).

        EXAMPLES::

            sage: from sage_tropnet.layers import LeakyReLU
            sage: LeakyReLU(1/10).spec()
            ('leaky_relu', 1/10)
        """
        raise NotImplementedError

    def units(self, nrows):
        r"""
        Return the number of units of a layer with ``nrows`` rows.

        EXAMPLES::

            sage: from sage_tropnet.layers import Maxout, ReLU
            sage: Maxout(3).units(6), ReLU().units(6)
            (2, 6)
        """
        return nrows // self.rows_per_unit

    def number_of_states(self):
        r"""
        Return the number of states of a unit.

        EXAMPLES::

            sage: from sage_tropnet.layers import Linear, ReLU, Maxout
            sage: Linear().number_of_states(), ReLU().number_of_states(), Maxout(3).number_of_states()
            (1, 2, 3)
        """
        return 2

    def __eq__(self, other):
        return type(self) is type(other) and self.spec() == other.spec()

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(self.spec())

    def __reduce__(self):
        return (activation, (self.spec(),))

    def _latex_(self):
        r"""
        EXAMPLES::

            sage: from sage_tropnet.layers import ReLU
            sage: latex(ReLU())
            \mathrm{ReLU}
        """
        return r"\mathrm{%s}" % self._repr_()


class Linear(Activation):
    r"""
    The identity activation (an affine layer).

    EXAMPLES::

        sage: from sage_tropnet.layers import Linear
        sage: L = Linear(); L([1, -2]), L.units(3), L.states_at([1], [0])
        ([1, -2], 0, ())
    """
    is_linear = True
    allowed_as_output = True

    def spec(self):
        r"""
        Return ``('linear',)``.

        EXAMPLES::

            sage: from sage_tropnet.layers import Linear
            sage: Linear().spec()
            ('linear',)
        """
        return ('linear',)

    def _repr_(self):
        return "Linear"

    def units(self, nrows):
        r"""
        Return ``0``: a linear layer has no units with states.

        EXAMPLES::

            sage: from sage_tropnet.layers import Linear
            sage: Linear().units(4)
            0
        """
        return 0

    def number_of_states(self):
        r"""
        Return ``1``.

        EXAMPLES::

            sage: from sage_tropnet.layers import Linear
            sage: Linear().number_of_states()
            1
        """
        return 1

    def __call__(self, z):
        return list(z)

    def forward_float(self, Z):
        r"""
        Return the float forward pass of the rows of ``Z`` (a batch).

        EXAMPLES::

            sage: import numpy as np
            sage: from sage_tropnet.layers import Linear
            sage: Linear().forward_float(np.array([[1.0, -2.0]]))
            array([[ 1., -2.]])
        """
        return Z

    def float_states(self, Z):
        r"""
        Return ``(states, outputs)`` for a batch ``Z`` of pre-activations (one
        row per point): no states for a linear layer.

        EXAMPLES::

            sage: import numpy as np
            sage: from sage_tropnet.layers import Linear
            sage: Linear().float_states(np.array([[1.0, -2.0]]))
            (None, array([[ 1., -2.]]))
        """
        return None, Z

    def states_at(self, z, dz=None, zero=None):
        r"""
        Return the states (none for a linear layer).

        EXAMPLES::

            sage: from sage_tropnet.layers import Linear
            sage: Linear().states_at([1, 2])
            ()
        """
        return ()

    def post_rows(self, A, states):
        r"""
        Return the post-activation rows (here: ``A`` itself).

        EXAMPLES::

            sage: from sage_tropnet.layers import Linear
            sage: Linear().post_rows(matrix(QQ, [[1, 2]]), ())
            [1 2]
        """
        return A

    def cell_rows(self, A, states):
        r"""
        Return the inequalities of the cell contributed by this layer (none).

        EXAMPLES::

            sage: from sage_tropnet.layers import Linear
            sage: Linear().cell_rows(matrix(QQ, [[1, 2]]), ())
            ([], False)
        """
        return [], False

    def tropical_units(self, pieces, one, merge):
        r"""
        Return the tropical numerators and denominators of the units, from
        the pre-activations ``pieces = [(H_r, G_r)]`` (`z_r = H_r \oslash G_r`).

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.layers import Linear
            sage: x, = TP.gens(1); one = TP.constant(0, 1)
            sage: Linear().tropical_units([(x, one, one)], one, True)
            ([max(x)], [max(0)])
        """
        return [H for H, _, _ in pieces], [G for _, G, _ in pieces]

    def kernel_spec(self):
        r"""
        Return the description of this activation for the compiled kernel.

        EXAMPLES::

            sage: from sage_tropnet.layers import Linear
            sage: Linear().kernel_spec()
            {'kind': 'linear'}
        """
        return {'kind': 'linear'}

    def certified_float_step(self, z, E, S, Zpre, tol_rel):
        r"""
        Return one layer of the certified float forward pass: here the
        pre-activations themselves.

        INPUT:

        - ``z`` -- float array of shape ``(N, r)``: the pre-activations
          computed in floating point (one row per point)
        - ``E`` -- float array of shape ``(N, r)``: a rigorous bound on the
          rounding error of ``z``
        - ``S`` -- float array of shape ``(N, r)``: the scale
          `|W||h| + |b|` of the pre-activations
        - ``Zpre`` -- boolean array of shape ``(N, r)``: the pre-activations
          known to vanish identically on the cell
        - ``tol_rel`` -- float; the relative threshold of the ambiguity test

        OUTPUT: a tuple ``(states, unsure, h, err, zero)``, see
        :meth:`LeakyReLU.certified_float_step`; ``states`` is ``None`` (no
        pattern columns) and no row is unsure

        EXAMPLES::

            sage: import numpy as np
            sage: from sage_tropnet.layers import Linear
            sage: z = np.array([[1.0, -2.0]]); E = np.array([[1e-16, 1e-16]])
            sage: Linear().certified_float_step(z, E, abs(z), z == 0, 1e-12)
            (None, array([False]), array([[ 1., -2.]]), array([[1.e-16, 1.e-16]]),
             array([[False, False]]))
        """
        return None, np.zeros(z.shape[0], dtype=bool), z, E, Zpre

    def exact_states(self, A, c, z):
        r"""
        Return the states of the units at a point (none for a linear layer).

        INPUT:

        - ``A``, ``c`` -- the pre-activations `x \mapsto A x + c` on the
          cell (a matrix and a vector over `\QQ`)
        - ``z`` -- the exact pre-activations at the point

        EXAMPLES::

            sage: from sage_tropnet.layers import Linear
            sage: Linear().exact_states(matrix(QQ, [[1]]), vector(QQ, [0]), vector(QQ, [0]))
            ()
        """
        return ()

    def post_values(self, z, states):
        r"""
        Return the post-activation values of the pre-activation values
        ``z`` (here: ``z`` itself).

        EXAMPLES::

            sage: from sage_tropnet.layers import Linear
            sage: Linear().post_values(vector(QQ, [1, -2]), ())
            (1, -2)
        """
        return z

    def hyperplane_count(self, W, b, first_layer=False):
        r"""
        Return the number of (bent) hyperplanes of a layer ``(W, b)`` in the
        region bound of ``monomial_bound``: none for a linear layer.

        EXAMPLES::

            sage: from sage_tropnet.layers import Linear
            sage: Linear().hyperplane_count(matrix(QQ, [[1, 2]]), vector(QQ, [0]))
            0
        """
        return 0


class LeakyReLU(Activation):
    r"""
    The leaky ReLU `z \mapsto \max(z, \alpha z)` for `0 \le \alpha \le 1`
    (`z \mapsto z` if `z > 0`, else `\alpha z`, for any rational `\alpha`);
    `\alpha = 0` is the ReLU.

    INPUT:

    - ``alpha`` -- a rational (floats are taken exactly)

    EXAMPLES::

        sage: from sage_tropnet.layers import LeakyReLU
        sage: f = LeakyReLU(1/10); f
        LeakyReLU(1/10)
        sage: f([-10, 0, 3])
        [-1, 0, 3]
        sage: LeakyReLU(2)([-1, 1])
        [-2, 1]
    """

    keeps_rank = True

    def __init__(self, alpha=0):
        self.alpha = to_rational(alpha)

    def spec(self):
        r"""
        Return ``('leaky_relu', alpha)``.

        EXAMPLES::

            sage: from sage_tropnet.layers import LeakyReLU
            sage: LeakyReLU(1/3).spec()
            ('leaky_relu', 1/3)
        """
        return ('leaky_relu', self.alpha)

    def _repr_(self):
        return "LeakyReLU(%s)" % self.alpha

    def __call__(self, z):
        al = self.alpha
        return [a if a > 0 else al * a if al else 0 * a for a in z]

    def forward_float(self, Z):
        r"""
        Return the float forward pass of the rows of ``Z`` (a batch).

        EXAMPLES::

            sage: import numpy as np
            sage: from sage_tropnet.layers import ReLU, LeakyReLU
            sage: ReLU().forward_float(np.array([[1.0, -2.0]]))
            array([[1., 0.]])
            sage: LeakyReLU(1/2).forward_float(np.array([[1.0, -2.0]]))
            array([[ 1., -1.]])
        """
        al = float(self.alpha)
        return np.where(Z > 0, Z, al * Z) + 0.0

    def float_states(self, Z):
        r"""
        Return ``(states, outputs)`` for a batch ``Z`` of pre-activations (one
        row per point, floating point; a unit exactly at zero is off).

        EXAMPLES::

            sage: import numpy as np
            sage: from sage_tropnet.layers import ReLU
            sage: ReLU().float_states(np.array([[1.0, -2.0]]))
            (array([[1, 0]]), array([[1., 0.]]))
        """
        if self.alpha == 1:
            return np.ones(Z.shape, dtype=np.int64), Z
        s = Z > 0
        return s.astype(np.int64), np.where(s, Z, float(self.alpha) * Z) + 0.0

    def states_at(self, z, dz=None, zero=None):
        r"""
        Return the states of the units at `y + \varepsilon d`, from the
        pre-activations ``z`` at `y` and their derivatives ``dz`` along `d`;
        ``None`` if a unit's value and derivative both vanish (unless ``zero``
        says that its pre-activation vanishes identically: canonical state 0).

        EXAMPLES::

            sage: from sage_tropnet.layers import ReLU
            sage: ReLU().states_at([2, 0, 0], [0, 1, -1])
            (1, 1, 0)
            sage: ReLU().states_at([0], [0], zero=[True])
            (0,)
        """
        if self.alpha == 1:
            return tuple(1 for _ in z)
        out = []
        for k, a in enumerate(z):
            if zero is not None and zero[k]:
                out.append(0)
                continue
            d = dz[k] if dz is not None else 0
            if a > 0 or (a == 0 and d > 0):
                out.append(1)
            elif a < 0 or d < 0:
                out.append(0)
            else:
                return None
        return tuple(out)

    def slopes(self, states):
        r"""
        Return the slope of each unit in the given states.

        EXAMPLES::

            sage: from sage_tropnet.layers import LeakyReLU
            sage: LeakyReLU(1/4).slopes((1, 0))
            [1, 1/4]
        """
        return [QQ(1) if s else self.alpha for s in states]

    def post_rows(self, A, states):
        r"""
        Return the post-activation rows: row `k` of ``A`` (a matrix of
        pre-activation rows) scaled by the slope of unit `k`.

        EXAMPLES::

            sage: from sage_tropnet.layers import ReLU
            sage: ReLU().post_rows(matrix(QQ, [[1, 2], [3, 4]]), (1, 0))
            [1 2]
            [0 0]
        """
        return matrix.diagonal(QQ, self.slopes(states)) * A

    def cell_rows(self, A, states):
        r"""
        Return ``(rows, zero)``: the inequalities ``(row, (unit, other state))``
        contributed by the units in the given states, and whether some unit's
        pre-activation vanishes identically (those units give no row, and
        must be in state 0).

        Return ``None`` if the states are not canonical (a unit that
        vanishes identically is on).

        EXAMPLES::

            sage: from sage_tropnet.layers import ReLU
            sage: ReLU().cell_rows(matrix(QQ, [[1, 2], [0, 0]]), (0, 0))
            ([((-1, -2), (0, 1))], True)
            sage: ReLU().cell_rows(matrix(QQ, [[1, 2], [0, 0]]), (0, 1)) is None
            True
        """
        if self.alpha == 1:
            return [], False
        rows, zero = [], False
        for k, s in enumerate(states):
            a = A.row(k)
            if a.is_zero():
                if s:
                    return None
                zero = True
                continue
            rows.append((tuple(a if s else -a), (k, 1 - s)))
        return rows, zero

    def tropical_units(self, pieces, one, merge):
        r"""
        Return the tropical numerators and denominators of the units, from
        ``pieces = [(H, G', P)]`` with `z = H \oslash G'` (``P`` is the factor
        of the ``'merge'`` convention, applied by the caller).

        A ReLU gives `F' = H \oplus G'`, `G'`; a leaky ReLU of slope
        `0 \le \alpha \le 1` gives `H G'^{\alpha} \oplus H^{\alpha} G'` over
        `G'^{1+\alpha}`; a slope `\alpha > 1` gives `H^{1+\alpha}` over
        `H G'^{\alpha} \oplus H^{\alpha} G'`, and `\alpha < 0` gives
        `H^{1-\alpha} \oplus G'^{1-\alpha}` over `G' H^{-\alpha}`.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.layers import ReLU
            sage: x, = TP.gens(1); one = TP.constant(0, 1)
            sage: ReLU().tropical_units([(x, one, one)], one, True)
            ([max(0, x)], [max(0)])
        """
        F, G = [], []
        al = self.alpha
        for H, Gp, _ in pieces:
            if al == 0:
                F.append(H.add(Gp, merge=merge))
                G.append(Gp)
            elif 0 < al <= 1:
                R = H.base_ring()
                a = R(al)
                F.append(H.mul(Gp ** a, merge=merge).add((H ** a).mul(Gp, merge=merge),
                                                         merge=merge))
                G.append(Gp ** (1 + a))
            elif al > 1:
                # z if z > 0 else a z  is  min(z, a z) = (1 + a) H - max(H G'^a, H^a G')
                R = H.base_ring()
                a = R(al)
                F.append(H ** (1 + a))
                G.append(H.mul(Gp ** a, merge=merge).add((H ** a).mul(Gp, merge=merge),
                                                         merge=merge))
            else:
                R = H.base_ring()
                a = R(al)
                F.append((H ** (1 - a)).add(Gp ** (1 - a), merge=merge))
                G.append(Gp.mul(H ** (-a), merge=merge))
        return F, G

    def kernel_spec(self):
        r"""
        Return the description of this activation for the compiled kernel.

        EXAMPLES::

            sage: from sage_tropnet.layers import ReLU
            sage: sorted(ReLU().kernel_spec().items())
            [('alpha', 0.0), ('alpha_err', 0.0), ('kind', 'relu')]
        """
        al = float(self.alpha)
        exact = QQ(al.as_integer_ratio()) == self.alpha
        return {'kind': 'relu', 'alpha': al,
                'alpha_err': 0.0 if exact else 2.0 ** -52 * abs(al)}

    def _certified_on(self, z, E, S, Zpre, tol_rel):
        r"""
        Return ``(on, unsure)``: the float states of the units (a unit whose
        pre-activation vanishes identically is off; all units are on for a
        slope `1`) and the units whose state the float pass does not decide
        (`|z| \le \max(\mathrm{tol\_rel} \cdot S, 2E)`).

        EXAMPLES::

            sage: import numpy as np
            sage: from sage_tropnet.layers import ReLU
            sage: z = np.array([[1.0, 0.0, -1.0]])
            sage: ReLU()._certified_on(z, 0 * z, abs(z), z != z, 1e-12)
            (array([[ True, False, False]]), array([[False,  True, False]]))
        """
        if self.alpha == 1:
            on = np.ones(z.shape, dtype=bool)  # canonical: the state does not matter
            unsure = np.zeros(z.shape, dtype=bool)
        else:
            tol = np.maximum(tol_rel * S, 2 * E)
            on = (z > 0) & ~Zpre
            unsure = ~Zpre & (np.abs(z) <= tol)
        return on, unsure

    def certified_float_step(self, z, E, S, Zpre, tol_rel):
        r"""
        Return one layer of the certified float forward pass: the states,
        the outputs and a rigorous bound on their rounding error.

        A unit is *unsure* when `|z| \le \max(\mathrm{tol\_rel} \cdot S, 2E)`,
        unless its pre-activation vanishes identically on the cell (then it
        is canonically off); all units of a leaky ReLU of slope `1` are on.
        A pre-activation exactly `0` is off. The error bound of an output is
        `\max(1, |\alpha|) E + 2 u |h|` (`u` the unit roundoff: the product by
        the float slope), and the outputs known to vanish identically are
        those of the input.

        INPUT:

        - ``z`` -- float array of shape ``(N, r)``: the pre-activations
          computed in floating point (one row per point)
        - ``E`` -- float array of shape ``(N, r)``: a rigorous bound on the
          rounding error of ``z``
        - ``S`` -- float array of shape ``(N, r)``: the scale
          `|W||h| + |b|` of the pre-activations
        - ``Zpre`` -- boolean array of shape ``(N, r)``: the pre-activations
          known to vanish identically on the cell
        - ``tol_rel`` -- float; the relative threshold of the ambiguity test

        OUTPUT: a tuple ``(states, unsure, h, err, zero)``:

        - ``states`` -- integer array of shape ``(N, units)``: the pattern
          columns of this layer (``None`` for a layer without states)
        - ``unsure`` -- boolean array of shape ``(N,)``: the rows whose
          states are not decided by the float pass
        - ``h``, ``err`` -- float arrays: the outputs and a rigorous bound on
          their rounding error
        - ``zero`` -- boolean array: the outputs known to vanish identically
          on the cell

        EXAMPLES::

            sage: import numpy as np
            sage: from sage_tropnet.layers import LeakyReLU
            sage: z = np.array([[2.0, -4.0, 1e-20]]); E = np.full((1, 3), 1e-16)
            sage: st, unsure, h, err, zero = LeakyReLU(1/2).certified_float_step(
            ....:     z, E, abs(z), z != z, 1e-12)
            sage: st, unsure, h
            (array([[1, 0, 1]]), array([ True]), array([[ 2.e+00, -2.e+00,  1.e-20]]))
        """
        on, unsure = self._certified_on(z, E, S, Zpre, tol_rel)
        alpha = float(self.alpha)
        h = np.where(on, z, alpha * z)
        err = max(1.0, abs(alpha)) * E + 2 * _U * np.abs(h)
        return on.astype(np.int64), unsure.any(axis=1), h, err, Zpre

    def exact_states(self, A, c, z):
        r"""
        Return the canonical states of the units at a point, or ``None`` if
        the point lies on the boundary of its cell.

        A unit whose pre-activation vanishes identically on the cell is off;
        the units of a leaky ReLU of slope `1` are on.

        INPUT:

        - ``A``, ``c`` -- the pre-activations `x \mapsto A x + c` on the
          cell (a matrix and a vector over `\QQ`)
        - ``z`` -- the exact pre-activations at the point

        OUTPUT: a tuple of states, or ``None``

        EXAMPLES::

            sage: from sage_tropnet.layers import ReLU, LeakyReLU
            sage: A = matrix(QQ, [[1], [0], [-1]]); c = vector(QQ, [0, 0, 1])
            sage: ReLU().exact_states(A, c, vector(QQ, [2, 0, -1]))
            (1, 0, 0)
            sage: ReLU().exact_states(A, c, vector(QQ, [1, 0, 0])) is None
            True
            sage: LeakyReLU(1).exact_states(A, c, vector(QQ, [1, 0, 0]))
            (1, 1, 1)
        """
        zero = [A.row(i).is_zero() and c[i] == 0 for i in range(A.nrows())]
        return self.states_at(z, None, zero=zero)

    def post_values(self, z, states):
        r"""
        Return the post-activation values of the pre-activation values
        ``z``: entry `k` scaled by the slope of unit `k`.

        EXAMPLES::

            sage: from sage_tropnet.layers import LeakyReLU
            sage: LeakyReLU(1/4).post_values(vector(QQ, [4, -4]), (1, 0))
            (4, -1)
        """
        return vector(QQ, [s * a for s, a in zip(self.slopes(states), z)])

    def hyperplane_count(self, W, b, first_layer=False):
        r"""
        Return the number of (bent) hyperplanes of a layer ``(W, b)`` in the
        region bound of ``monomial_bound``: the units whose weights are not
        all zero, counted once per distinct hyperplane in the first layer.

        INPUT:

        - ``W``, ``b`` -- the weights and biases of the layer
        - ``first_layer`` -- boolean (default: ``False``); whether the layer
          acts on the input (its hyperplanes are then true hyperplanes, and
          repeated ones are counted once)

        EXAMPLES::

            sage: from sage_tropnet.layers import ReLU
            sage: W = matrix(QQ, [[1, 0], [2, 0], [0, 0]]); b = vector(QQ, [1, 2, 5])
            sage: ReLU().hyperplane_count(W, b), ReLU().hyperplane_count(W, b, first_layer=True)
            (2, 1)
        """
        rows = [tuple(W.row(r)) + (b[r],) for r in range(W.nrows()) if W.row(r) != 0]
        if first_layer:
            return len(set(_hyperplane(r) for r in rows))
        return len(rows)


class ReLU(LeakyReLU):
    r"""
    The rectified linear unit `z \mapsto \max(z, 0)`.

    EXAMPLES::

        sage: from sage_tropnet.layers import ReLU
        sage: ReLU()([-1, 2]), ReLU().spec()
        ([0, 2], ('relu',))
    """

    keeps_rank = False
    allowed_as_output = True

    def __init__(self):
        LeakyReLU.__init__(self, 0)

    def spec(self):
        r"""
        Return ``('relu',)``.

        EXAMPLES::

            sage: from sage_tropnet.layers import ReLU
            sage: ReLU().spec()
            ('relu',)
        """
        return ('relu',)

    def _repr_(self):
        return "ReLU"

    def certified_float_step(self, z, E, S, Zpre, tol_rel):
        r"""
        Return one layer of the certified float forward pass (see
        :meth:`LeakyReLU.certified_float_step`).

        The outputs of the units that are surely off are exactly `0`: their
        error bound is `0` and they vanish identically on the cell; the
        other outputs keep the error bound of their pre-activation.

        EXAMPLES::

            sage: import numpy as np
            sage: from sage_tropnet.layers import ReLU
            sage: z = np.array([[2.0, -4.0, 1e-20]]); E = np.full((1, 3), 1e-16)
            sage: st, unsure, h, err, zero = ReLU().certified_float_step(z, E, abs(z), z != z, 1e-12)
            sage: st, unsure
            (array([[1, 0, 1]]), array([ True]))
            sage: h, err
            (array([[2.e+00, 0.e+00, 1.e-20]]), array([[1.e-16, 0.e+00, 1.e-16]]))
            sage: zero
            array([[False,  True, False]])
        """
        on, unsure = self._certified_on(z, E, S, Zpre, tol_rel)
        off_sure = ~on & ~unsure
        h = np.where(on, z, 0.0)
        err = np.where(off_sure, 0.0, E)
        return on.astype(np.int64), unsure.any(axis=1), h, err, off_sure


class Maxout(Activation):
    r"""
    A maxout activation of rank `k`: unit `u` outputs the maximum of the rows
    `uk, \dots, uk + k - 1`. Its state is the index (within the unit) of the
    winning row.

    EXAMPLES::

        sage: from sage_tropnet.layers import Maxout
        sage: m = Maxout(3); m
        Maxout(3)
        sage: m([1, 4, 2, 0, 0, -1])
        [4, 0]
        sage: m.states_at([1, 4, 2, 0, 0, -1], [0, 0, 0, 1, 2, 0])
        (1, 1)
    """

    def __init__(self, k):
        k = int(k)
        if k < 1:
            raise ValueError("maxout needs a rank k >= 1, got %s" % k)
        self.k = k
        self.rows_per_unit = k

    def spec(self):
        r"""
        Return ``('maxout', k)``.

        EXAMPLES::

            sage: from sage_tropnet.layers import Maxout
            sage: Maxout(3).spec()
            ('maxout', 3)
        """
        return ('maxout', self.k)

    def _repr_(self):
        return "Maxout(%s)" % self.k

    def number_of_states(self):
        r"""
        Return the rank `k` (a unit's state is its winning row).

        EXAMPLES::

            sage: from sage_tropnet.layers import Maxout
            sage: Maxout(3).number_of_states()
            3
        """
        return self.k

    def __call__(self, z):
        k = self.k
        return [max(z[u * k:(u + 1) * k]) for u in range(len(z) // k)]

    def forward_float(self, Z):
        r"""
        Return the float forward pass of the rows of ``Z`` (a batch).

        EXAMPLES::

            sage: import numpy as np
            sage: from sage_tropnet.layers import Maxout
            sage: Maxout(2).forward_float(np.array([[1.0, -2.0, 0.0, 3.0]]))
            array([[1., 3.]])
        """
        N, r = Z.shape
        return Z.reshape(N, r // self.k, self.k).max(axis=2)

    def float_states(self, Z):
        r"""
        Return ``(states, outputs)`` for a batch ``Z`` of pre-activations: the
        winning row of each unit (the first on a tie) and its value.

        EXAMPLES::

            sage: import numpy as np
            sage: from sage_tropnet.layers import Maxout
            sage: Maxout(2).float_states(np.array([[1.0, 3.0, 0.0, -1.0]]))
            (array([[1, 0]]), array([[3., 0.]]))
        """
        N, r = Z.shape
        ZZ = Z.reshape(N, r // self.k, self.k)
        return ZZ.argmax(axis=2).astype(np.int64), ZZ.max(axis=2)

    def states_at(self, z, dz=None, zero=None):
        r"""
        Return the winning row of every unit at `y + \varepsilon d`
        (``None`` on a tie between rows that differ). ``zero`` (optional) is
        the list of pairs of rows known to coincide on the cell: the first
        of two coinciding rows wins.

        EXAMPLES::

            sage: from sage_tropnet.layers import Maxout
            sage: Maxout(2).states_at([1, 1], [0, 1]), Maxout(2).states_at([1, 1], [0, 0])
            ((1,), None)
        """
        k = self.k
        out = []
        for u in range(len(z) // k):
            idx = list(range(u * k, (u + 1) * k))
            if zero is not None:
                idx = [r for r in idx if not any((s, r) in zero for s in idx if s < r)]
            vals = [z[r] for r in idx]
            ders = [dz[r] if dz is not None else 0 for r in idx]
            a = _lex_argmax(vals, ders)
            if a is None:
                return None
            out.append(idx[a] - u * k)
        return tuple(out)

    def post_rows(self, A, states):
        r"""
        Return the post-activation rows (the winning row of each unit).

        EXAMPLES::

            sage: from sage_tropnet.layers import Maxout
            sage: Maxout(2).post_rows(matrix(QQ, [[1, 2], [3, 4]]), (1,))
            [3 4]
        """
        k = self.k
        return A.matrix_from_rows([u * k + s for u, s in enumerate(states)])

    def cell_rows(self, A, states):
        r"""
        Return ``(rows, zero)``: the inequalities ``(row, (unit, other state))``
        saying that the winning row of each unit is at least the others, and
        ``False``; ``None`` if the states are not canonical (a winning row
        coincides on the cell with an earlier row).

        EXAMPLES::

            sage: from sage_tropnet.layers import Maxout
            sage: Maxout(2).cell_rows(matrix(QQ, [[1, 2], [3, 4]]), (1,))
            ([((2, 2), (0, 0))], False)
            sage: Maxout(2).cell_rows(matrix(QQ, [[1, 2], [1, 2]]), (1,)) is None
            True
        """
        k = self.k
        rows = []
        for u, s in enumerate(states):
            win = A.row(u * k + s)
            for t in range(k):
                if t == s:
                    continue
                diff = win - A.row(u * k + t)
                if diff.is_zero():
                    if t < s:
                        return None
                    continue
                rows.append((tuple(diff), (u, t)))
        return rows, False

    def tropical_units(self, pieces, one, merge):
        r"""
        Return the tropical numerators and denominators of the units:
        `\max_r (H_r \oslash G_r) = \bigoplus_r H_r \bigodot_{s \ne r} G_s
        \oslash \bigodot_s G_s` ([CM2018]_).

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.layers import Maxout
            sage: x, = TP.gens(1); one = TP.constant(0, 1)
            sage: Maxout(2).tropical_units([(x, one, one), (one, x, one)], one, True)
            ([max(0, 2*x)], [max(x)])
        """
        k = self.k
        F, G = [], []
        for u in range(len(pieces) // k):
            P = pieces[u * k:(u + 1) * k]
            num = None
            for r in range(k):
                term = P[r][0]
                for s in range(k):
                    if s != r:
                        term = term.mul(P[s][1], merge=merge)
                num = term if num is None else num.add(term, merge=merge)
            den = one
            for s in range(k):
                den = den.mul(P[s][1], merge=merge)
            F.append(num)
            G.append(den)
        return F, G

    def kernel_spec(self):
        r"""
        Return the description of this activation for the compiled kernel.

        EXAMPLES::

            sage: from sage_tropnet.layers import Maxout
            sage: sorted(Maxout(2).kernel_spec().items())
            [('k', 2), ('kind', 'maxout')]
        """
        return {'kind': 'maxout', 'k': self.k}

    def certified_float_step(self, z, E, S, Zpre, tol_rel):
        r"""
        Return one layer of the certified float forward pass: the winning
        row of every unit, its value and a rigorous bound on its rounding
        error.

        The winner is the first maximal row; a unit whose rows all vanish
        identically on the cell is in state `0` and its output vanishes
        identically. A row is *unsure* when, in some other unit of rank
        `k > 1`, the two largest values are within
        `\max(\mathrm{tol\_rel} \cdot \max S, 4 \max E)` of each other (maxima
        over the rows of the unit). The error bound of an output is the
        largest error bound of the rows of its unit.

        INPUT and OUTPUT: as in :meth:`LeakyReLU.certified_float_step`

        EXAMPLES::

            sage: import numpy as np
            sage: from sage_tropnet.layers import Maxout
            sage: z = np.array([[1.0, 3.0, 2.0, 2.0], [0.0, 0.0, 5.0, -1.0]])
            sage: E = np.full(z.shape, 1e-16)
            sage: Zpre = np.array([[False] * 4, [True, True, False, False]])
            sage: st, unsure, h, err, zero = Maxout(2).certified_float_step(z, E, abs(z), Zpre, 1e-12)
            sage: st, unsure, h, zero
            (array([[1, 0],
                    [0, 0]]), array([ True, False]), array([[3., 2.],
                    [0., 5.]]), array([[False, False],
                    [ True, False]]))
        """
        N, r = z.shape
        k = self.k
        U = r // k
        z3 = z.reshape(N, U, k)
        allzero = Zpre.reshape(N, U, k).all(axis=2)
        idx = np.argmax(z3, axis=2)
        idx[allzero] = 0
        top = np.take_along_axis(z3, idx[:, :, None], axis=2)[:, :, 0]
        Emax = E.reshape(N, U, k).max(axis=2)
        unsure = np.zeros(N, dtype=bool)
        if k > 1:
            second = np.partition(z3, k - 2, axis=2)[:, :, k - 2]
            tolu = np.maximum(tol_rel * S.reshape(N, U, k).max(axis=2), 4 * Emax)
            unsure = (~allzero & (top - second <= tolu)).any(axis=1)
        return idx.astype(np.int64), unsure, top, Emax, allzero

    def exact_states(self, A, c, z):
        r"""
        Return the winning row of every unit at a point, or ``None`` if the
        point lies on the boundary of its cell (a tie between rows that
        differ on the cell).

        Rows that coincide on the cell (same ``A`` row and ``c`` entry) are
        one piece: the first of them wins.

        INPUT:

        - ``A``, ``c`` -- the pre-activations `x \mapsto A x + c` on the
          cell (a matrix and a vector over `\QQ`)
        - ``z`` -- the exact pre-activations at the point

        OUTPUT: a tuple of states, or ``None``

        EXAMPLES::

            sage: from sage_tropnet.layers import Maxout
            sage: A = matrix(QQ, [[1], [1], [-1], [0]]); c = vector(QQ, [0, 0, 0, 0])
            sage: Maxout(2).exact_states(A, c, vector(QQ, [1, 1, -1, 0]))
            (0, 1)
            sage: Maxout(2).exact_states(A, c, vector(QQ, [0, 0, 0, 0])) is None
            True
        """
        k = self.k
        same = set()
        for u in range(A.nrows() // k):
            for r in range(u * k, (u + 1) * k):
                for s in range(u * k, r):
                    if A.row(r) == A.row(s) and c[r] == c[s]:
                        same.add((s, r))
        return self.states_at(z, None, zero=same)

    def post_values(self, z, states):
        r"""
        Return the post-activation values of the pre-activation values
        ``z``: the value of the winning row of each unit.

        EXAMPLES::

            sage: from sage_tropnet.layers import Maxout
            sage: Maxout(2).post_values(vector(QQ, [1, 5, -2, -3]), (1, 0))
            (5, -2)
        """
        k = self.k
        return vector(QQ, [z[u * k + s] for u, s in enumerate(states)])

    def hyperplane_count(self, W, b, first_layer=False):
        r"""
        Return the number of (bent) hyperplanes of a layer ``(W, b)`` in the
        region bound of ``monomial_bound``: `\binom{k}{2}` per unit whose
        rows are not all equal.

        EXAMPLES::

            sage: from sage_tropnet.layers import Maxout
            sage: W = matrix(QQ, [[1, 0], [0, 1], [2, 2], [2, 2]])
            sage: Maxout(2).hyperplane_count(W, vector(QQ, [0, 0, 1, 2]))
            1
        """
        k = self.k
        units = sum(1 for u in range(W.nrows() // k)
                    if any(W.row(u * k + j) != W.row(u * k) for j in range(1, k)))
        return units * k * (k - 1) // 2


def activation(a):
    r"""
    Return the activation object described by ``a``.

    INPUT:

    - ``a`` -- an :class:`Activation`, or ``'relu'``, ``'linear'``,
      ``('leaky_relu', alpha)``, ``('maxout', k)`` (or a one-element tuple)

    EXAMPLES::

        sage: from sage_tropnet.layers import activation
        sage: activation('relu'), activation(('leaky_relu', 0.5)), activation(('maxout', 3))
        (ReLU, LeakyReLU(1/2), Maxout(3))
        sage: activation('tanh')
        Traceback (most recent call last):
        ...
        ValueError: unsupported activation 'tanh' (supported: 'relu', 'linear', ('leaky_relu', alpha), ('maxout', k))
    """
    if isinstance(a, Activation):
        return a
    if isinstance(a, str):
        if a == 'relu':
            return ReLU()
        if a == 'linear':
            return Linear()
        if a == 'maxout':
            raise ValueError("maxout needs a rank: use ('maxout', k)")
        raise ValueError("unsupported activation %r (supported: 'relu', 'linear', "
                         "('leaky_relu', alpha), ('maxout', k))" % (a,))
    try:
        a = tuple(a)
    except TypeError:
        raise ValueError("unsupported activation %r" % (a,))
    if len(a) == 1:
        return activation(a[0])
    if len(a) == 2 and a[0] == 'leaky_relu':
        return LeakyReLU(a[1])
    if len(a) == 2 and a[0] == 'maxout':
        try:
            k = int(a[1])
        except (TypeError, ValueError):
            raise ValueError("unsupported activation %r" % (a,))
        if k < 1 or k != a[1]:
            raise ValueError("unsupported activation %r" % (a,))
        return Maxout(k)
    raise ValueError("unsupported activation %r" % (a,))


# ---------------------------------------------------------------------------
# composition along a pattern (used by the oracles, sampling, symmetry)
# ---------------------------------------------------------------------------

def homogeneous_rows(W, b):
    r"""
    Return the pre-activation rows `(b_k, W_k)` of an affine layer as a matrix.

    EXAMPLES::

        sage: from sage_tropnet.layers import homogeneous_rows
        sage: homogeneous_rows(matrix(QQ, [[1, 2]]), vector(QQ, [3]))
        [3 1 2]
    """
    return matrix(QQ, W.nrows(), 1, list(b)).augment(W)


def compose_rows(W, b, P):
    r"""
    Return the pre-activation rows of the layer `(W, b)` applied to the
    post-activation rows ``P`` of the previous layer (homogeneous rows).

    EXAMPLES::

        sage: from sage_tropnet.layers import compose_rows
        sage: P = matrix(QQ, [[1, 1, 0], [0, 0, 1]])     # 1 + x, y
        sage: compose_rows(matrix(QQ, [[2, -1]]), vector(QQ, [5]), P)
        [ 7  2 -1]
    """
    A = W * P
    e0 = matrix(QQ, A.nrows(), A.ncols(), {(i, 0): b[i] for i in range(A.nrows())})
    return A + e0


def local_maps(layers, pattern):
    r"""
    Return the pre-activation rows (homogeneous) of every layer on the cell
    of ``pattern`` (one tuple of states per layer), and the output rows.

    INPUT:

    - ``layers`` -- list of triples ``(W, b, activation)``
    - ``pattern`` -- list of tuples of states (``()`` for linear layers)

    OUTPUT: ``(pre, out)``: the list of pre-activation row matrices, and the
    matrix of output rows

    EXAMPLES::

        sage: from sage_tropnet.layers import local_maps, ReLU, Linear
        sage: L = [(matrix(QQ, [[1], [-1]]), vector(QQ, [0, 1]), ReLU()),
        ....:      (matrix(QQ, [[4, 2]]), vector(QQ, [-3]), Linear())]
        sage: pre, out = local_maps(L, [(1, 0), ()]); out
        [-3  4]
    """
    pre = []
    P = None
    for (W, b, act), st in zip(layers, pattern):
        A = homogeneous_rows(W, b) if P is None else compose_rows(W, b, P)
        pre.append(A)
        P = activation(act).post_rows(A, st)
    return pre, P
