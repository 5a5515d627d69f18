r"""
Piecewise-linear neural networks as exact value objects

A :class:`ReLUNetwork` is a fully connected network
`x \mapsto \sigma_L(W_L \cdots \sigma_1(W_1 x + b_1) \cdots + b_L)` with weights
and biases over `\QQ` (immutable Sage matrices and vectors). Hidden layers use
ReLU by default; leaky ReLU with a rational slope and rank-`k` maxout are also
supported. The output layer is linear by default (as in machine-learning
practice) or ReLU (the convention of [LWCBM2024]_, see
:ref:`reproducing-output-relu`).

:meth:`ReLUNetwork.tropicalize` writes the network as a vector of tropical
Puiseux rational maps `F \oslash G`, one per output neuron.

EXAMPLES::

    sage: from sage_tropnet.network import ReLUNetwork
    sage: net = ReLUNetwork([([[1, 0], [0, 1], [-1, -1]], [0, 0, 0]),
    ....:                    ([[1, 1, 1]], [0])])
    sage: net
    ReLU network [2, 3, 1] (output activation: linear)
    sage: net([1, 2])
    (3)
    sage: f = net.tropicalize(prune=False)[0]; f
    max(0, y, x, x + y, x + 2*y, 2*x + y, 2*x + 2*y) - max(x + y)
    sage: f(1, 2)
    3
    sage: net.tropicalize()[0].monomial_count()
    (6, 1)

AUTHORS:

- sage_tropnet developers (2026-11): initial version

REFERENCES:

- [ZNL2018]_ (Thm 5.2 and the layer recursion)
- [LWCBM2024]_ §2
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

import math

from sage.structure.sage_object import SageObject
from sage.rings.rational_field import QQ
from sage.rings.real_double import RDF
from sage.matrix.constructor import matrix
from sage.modules.free_module_element import vector

from sage_tropnet.misc.inputs import as_seed
from sage_tropnet.rational import to_rational
from sage_tropnet.layers import activation as _as_activation
from sage_tropnet.puiseux import (TropicalPuiseuxPolynomial, TropicalRationalMap,
                                  TropicalRationalMapVector)

CONVENTIONS = ('zhang', 'merge', 'quicksum')

#: The default limit of the number of monomials of a tropicalisation (see
#: :meth:`ReLUNetwork.tropicalize` and :meth:`ReLUNetwork.monomial_bound`):
#: the command line refuses a network whose bound exceeds it (the
#: tropicalisations of the examples measured below this limit take about a
#: minute at most; the cost grows much faster than the count).
MAX_MONOMIALS = 20000

#: A product of two polynomials is expanded (before it is pruned) only if
#: it has at most ``PRODUCT_FACTOR * max_monomials`` terms.
PRODUCT_FACTOR = 50


class TropicalizationTooLarge(ValueError):
    r"""
    A tropicalisation that would exceed its monomial limit (see
    :meth:`ReLUNetwork.tropicalize`).

    The attributes ``bound`` (the estimate, or the size reached) and
    ``limit`` say by how much.

    EXAMPLES::

        sage: from sage_tropnet.network import random_network, TropicalizationTooLarge
        sage: net = random_network([3, 16, 16, 1], seed=0)
        sage: try:
        ....:     net.tropicalize(max_monomials=1000)
        ....: except TropicalizationTooLarge as err:
        ....:     print(err.bound, err.limit)
        485809 1000
    """

    def __init__(self, message, bound=None, limit=None):
        ValueError.__init__(self, message)
        self.bound = bound
        self.limit = limit


class _SizeGuard:
    r"""
    The limit of :meth:`ReLUNetwork.tropicalize` during the expansion.
    """

    def __init__(self, limit):
        self.limit = limit

    def product(self, a, b):
        if self.limit is None:
            return
        size = a.number_of_terms() * b.number_of_terms()
        if size > PRODUCT_FACTOR * self.limit:
            raise TropicalizationTooLarge(
                "tropicalisation stopped: a product of %s by %s monomials would exceed %s "
                "terms (%s times the limit of %s monomials)"
                % (a.number_of_terms(), b.number_of_terms(), PRODUCT_FACTOR * self.limit,
                   PRODUCT_FACTOR, self.limit), size, self.limit)

    def kept(self, p):
        if self.limit is None:
            return
        k = p.number_of_terms()
        if k > self.limit:
            raise TropicalizationTooLarge(
                "tropicalisation stopped: a polynomial of %s monomials exceeds the limit of %s"
                % (k, self.limit), k, self.limit)


def _activation(a):
    """
    Normalise an activation specification to a tuple (see
    :func:`sage_tropnet.layers.activation`).
    """
    return _as_activation(a).spec()


class ReLUNetwork(SageObject):
    r"""
    An exact fully connected piecewise-linear network.

    INPUT:

    - ``layers`` -- list of pairs ``(W, b)``; ``W`` has shape (out, in); entries
      are rationals (floats are taken as their exact binary values)
    - ``output_activation`` -- ``'linear'`` (default) or ``'relu'``
    - ``hidden_activation`` -- ``'relu'`` (default), ``('leaky_relu', alpha)``
      with rational `\alpha \ge 0`, or ``('maxout', k)``; for a maxout layer
      ``W`` has `k` rows per unit (unit `u` uses rows `uk, \dots, uk + k - 1`)
    - ``activations`` -- optional list with one activation per layer,
      overriding the two previous arguments

    EXAMPLES::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: net = ReLUNetwork([([[1], [-1]], [0, 1]), ([[4, 2]], [-3])],
        ....:                   output_activation='relu'); net
        ReLU network [1, 2, 1] (output activation: relu)
        sage: [net([x])[0] for x in (-1, 0, 1/2, 1)]
        [1, 0, 0, 1]
        sage: net.widths(), net.hidden_widths(), net.input_dimension()
        ([1, 2, 1], [2], 1)
        sage: TestSuite(net).run()

    A leaky ReLU and a maxout network::

        sage: leaky = ReLUNetwork([([[1]], [0]), ([[1]], [0])],
        ....:                     hidden_activation=('leaky_relu', 1/10))
        sage: leaky([-10]), leaky([10])
        ((-1), (10))
        sage: mo = ReLUNetwork([([[1], [-1]], [0, 0]), ([[1]], [0])],
        ....:                  hidden_activation=('maxout', 2))
        sage: mo([-3]), mo.widths()
        ((3), [1, 1, 1])
    """

    def __init__(self, layers, output_activation='linear', hidden_activation='relu',
                 activations=None):
        layers = list(layers)
        if not layers:
            raise ValueError("a network needs at least one layer")
        Ws, bs = [], []
        for i, (W, b) in enumerate(layers):
            try:
                W = matrix(QQ, [[to_rational(a) for a in row] for row in W])
                b = vector(QQ, [to_rational(a) for a in b])
            except (TypeError, ValueError) as err:
                raise ValueError("layer %s: weights are not a finite numeric matrix (%s)" % (i, err))
            W.set_immutable()
            b.set_immutable()
            Ws.append(W)
            bs.append(b)
        if activations is None:
            activations = [hidden_activation] * (len(layers) - 1) + [output_activation]
        activations = [_activation(a) for a in activations]
        if len(activations) != len(layers):
            raise ValueError("%s activations for %s layers" % (len(activations), len(layers)))
        objects = tuple(_as_activation(a) for a in activations)
        if not objects[-1].allowed_as_output:
            raise ValueError("the output activation must be 'linear' or 'relu'")
        # shapes
        widths = [Ws[0].ncols()]
        for i, (W, b, a) in enumerate(zip(Ws, bs, objects)):
            if W.ncols() != widths[-1]:
                raise ValueError("layer %s: weight matrix has %s columns but the previous "
                                 "layer has %s outputs" % (i, W.ncols(), widths[-1]))
            if W.nrows() != len(b):
                raise ValueError("layer %s: weight matrix has %s rows but the bias has %s "
                                 "entries" % (i, W.nrows(), len(b)))
            if W.nrows() == 0 or W.ncols() == 0:
                raise ValueError("layer %s: empty weight matrix" % i)
            k = a.rows_per_unit
            if W.nrows() % k:
                raise ValueError("layer %s: maxout of rank %s needs a multiple of %s rows, "
                                 "got %s" % (i, k, k, W.nrows()))
            widths.append(W.nrows() // k)
        self._W = tuple(Ws)
        self._b = tuple(bs)
        self._act = tuple(activations)
        self._activations = objects
        self._widths = widths
        self._cache = {}

    # -- access ---------------------------------------------------------------

    def layers(self):
        """
        Return the list of triples ``(W, b, activation)``.

        EXAMPLES::

            sage: from sage_tropnet.network import ReLUNetwork
            sage: ReLUNetwork([([[2]], [1])]).layers()
            [([2], (1), ('linear',))]
        """
        return list(zip(self._W, self._b, self._act))

    def activations(self):
        """
        Return the activation of every layer, as objects of
        :mod:`sage_tropnet.layers`.

        EXAMPLES::

            sage: from sage_tropnet.network import ReLUNetwork
            sage: ReLUNetwork([([[2]], [1]), ([[1]], [0])]).activations()
            [ReLU, Linear]
        """
        return list(self._activations)

    def input_dimension(self):
        """
        Return the input dimension.

        EXAMPLES::

            sage: from sage_tropnet.network import ReLUNetwork
            sage: ReLUNetwork([([[2, 1]], [1])]).input_dimension()
            2
        """
        return self._widths[0]

    def output_dimension(self):
        """
        Return the number of outputs.

        EXAMPLES::

            sage: from sage_tropnet.network import ReLUNetwork
            sage: ReLUNetwork([([[2, 1]], [1])]).output_dimension()
            1
        """
        return self._widths[-1]

    def widths(self):
        """
        Return the architecture ``[n_0, n_1, ..., n_L]`` (input, hidden, output widths).

        EXAMPLES::

            sage: from sage_tropnet.network import random_network
            sage: random_network([3, 5, 2, 1], seed=0).widths()
            [3, 5, 2, 1]
        """
        return list(self._widths)

    architecture = widths

    def hidden_widths(self):
        """
        Return the widths of the hidden layers.

        EXAMPLES::

            sage: from sage_tropnet.network import random_network
            sage: random_network([3, 5, 2, 1], seed=0).hidden_widths()
            [5, 2]
        """
        return list(self._widths[1:-1])

    def output_activation(self):
        """
        Return ``'linear'`` or ``'relu'``.

        EXAMPLES::

            sage: from sage_tropnet.network import random_network
            sage: random_network([2, 2, 1], seed=0).output_activation()
            'linear'
        """
        return self._act[-1][0]

    def with_output_activation(self, act):
        """
        Return the same network with another output activation.

        EXAMPLES::

            sage: from sage_tropnet.network import random_network
            sage: random_network([2, 2, 1], seed=0).with_output_activation('relu')
            ReLU network [2, 2, 1] (output activation: relu)
        """
        return ReLUNetwork(list(zip(self._W, self._b)),
                           activations=list(self._act[:-1]) + [act])

    def restrict(self, origin, directions):
        r"""
        Return the network `t \mapsto` ``self`` `(o + D t)` on `\RR^k`, exactly.

        The restriction of the network to the affine subspace through the
        point `o` spanned by the columns of `D` (a slice through the input
        space): the first layer becomes `(W_1 D, b_1 + W_1 o)`, the other
        layers are unchanged. See :mod:`sage_tropnet.slices` for planes and
        lines through data points.

        INPUT:

        - ``origin`` -- a point `o` of `\RR^n` (rationals; floats are taken
          as their exact binary values)
        - ``directions`` -- a list of `k \ge 1` vectors of `\RR^n` (the
          columns of `D`)

        OUTPUT: a :class:`ReLUNetwork` with input dimension `k`

        EXAMPLES::

            sage: from sage_tropnet.network import ReLUNetwork
            sage: net = ReLUNetwork([([[1, 0], [0, 1], [-1, -1]], [0, 0, 0]),
            ....:                    ([[1, 1, 1]], [0])])
            sage: L = net.restrict([1, 2], [[1, -1]]); L
            ReLU network [1, 3, 1] (output activation: linear)
            sage: all(L([t]) == net([1 + t, 2 - t]) for t in (-3, 0, 1/2, 5))
            True
            sage: P = net.restrict([0, 0], [[1, 0], [0, 1]]); P == net
            True

        TESTS::

            sage: net.restrict([0, 0, 0], [[1, 0]])
            Traceback (most recent call last):
            ...
            ValueError: the origin has 3 coordinates, the network has 2 inputs
            sage: net.restrict([0, 0], [[1]])
            Traceback (most recent call last):
            ...
            ValueError: direction 0 has 1 coordinates, the network has 2 inputs
            sage: net.restrict([0, 0], [])
            Traceback (most recent call last):
            ...
            ValueError: give at least one direction
        """
        n = self.input_dimension()
        o = vector(QQ, [to_rational(a) for a in origin])
        if len(o) != n:
            raise ValueError("the origin has %s coordinates, the network has %s inputs"
                             % (len(o), n))
        dirs = [[to_rational(a) for a in d] for d in directions]
        if not dirs:
            raise ValueError("give at least one direction")
        for i, d in enumerate(dirs):
            if len(d) != n:
                raise ValueError("direction %s has %s coordinates, the network has %s inputs"
                                 % (i, len(d), n))
        D = matrix(QQ, dirs).transpose()
        W0, b0 = self._W[0], self._b[0]
        layers = [(W0 * D, b0 + W0 * o)] + list(zip(self._W[1:], self._b[1:]))
        return ReLUNetwork(layers, activations=list(self._act))

    # -- evaluation -----------------------------------------------------------

    def __call__(self, x):
        r"""
        Return the exact output at ``x`` (a vector over `\QQ`; floats give ``RDF``).

        EXAMPLES::

            sage: from sage_tropnet.network import ReLUNetwork
            sage: net = ReLUNetwork([([[1, -1]], [1/3])])
            sage: net([1, 1/2])
            (5/6)
            sage: net([1.0, 0.5])
            (0.8333333333333333)
            sage: net([float('nan'), 0])
            Traceback (most recent call last):
            ...
            ValueError: x: coordinate 0 is not finite (nan)
        """
        x = list(x)
        if len(x) != self.input_dimension():
            raise ValueError("expected %s inputs, got %s" % (self.input_dimension(), len(x)))
        floats = any(isinstance(a, float) or (hasattr(a, 'parent') and
                                              not a.parent().is_exact()) for a in x)
        for i, a in enumerate(x):
            if isinstance(a, (str, bytes)):
                raise TypeError("x: coordinate %s is not a number (%r)" % (i, a))
            try:
                finite = not floats or math.isfinite(float(a))
            except (TypeError, ValueError, OverflowError):
                finite = True  # not a float: the conversion below decides
            if not finite:
                raise ValueError("x: coordinate %s is not finite (%s)" % (i, a))
        R = RDF if floats else QQ
        v = vector(R, x)
        for W, b, act in zip(self._W, self._b, self._activations):
            z = list(W.change_ring(R) * v + b.change_ring(R)) if R is not QQ else list(W * v + b)
            v = vector(R, act(z))
        return v

    # -- tropicalization ------------------------------------------------------

    def tropicalize(self, prune=True, convention='zhang', base_ring=QQ, progress=False,
                    max_monomials=None):
        r"""
        Return the vector of tropical Puiseux rational maps computed by the network.

        INPUT:

        - ``prune`` -- boolean (default: ``True``); prune numerator and
          denominator of every neuron after every layer (drop monomials without
          a full-dimensional region; the function is unchanged). With merged
          conventions the partial products inside a layer are pruned as well,
          which gives the same polynomials much faster
        - ``convention`` -- ``'zhang'`` (default), ``'merge'`` or ``'quicksum'``;
          see ALGORITHM
        - ``base_ring`` -- ``QQ`` (default, exact) or ``RDF`` (float mode)
        - ``progress`` -- boolean or ``None`` (default: ``False``); show a
          progress bar, one step per neuron (``None``: only on a terminal)
        - ``max_monomials`` -- positive integer or ``None`` (default: no
          limit); refuse to expand beyond this many monomials: before any
          work when :meth:`monomial_bound` exceeds it (pruned Zhang
          convention), and during the work when a polynomial kept, or a
          product about to be expanded (limit ``PRODUCT_FACTOR`` times
          larger), would exceed it. Raises :class:`TropicalizationTooLarge`
          (a :class:`ValueError`) saying why

        OUTPUT: a :class:`~sage_tropnet.puiseux.TropicalRationalMapVector`

        ALGORITHM:

        With the previous layer's outputs `x_j = F_j \oslash G_j` and
        `W = W^+ - W^-`, the Zhang–Naitzat–Lim recursion ([ZNL2018]_) sets

        .. MATH::

            H_i = b_i \odot \bigodot_j F_j^{W^+_{ij}} \odot \bigodot_j G_j^{W^-_{ij}},\qquad
            G'_i = \bigodot_j G_j^{W^+_{ij}} \odot \bigodot_j F_j^{W^-_{ij}},

        so that `(W x + b)_i = H_i \oslash G'_i`, and ReLU gives
        `F'_i = H_i \oplus G'_i`. A leaky ReLU of slope `\alpha \ge 0` gives
        `F'_i = H_i G_i'^{\alpha} \oplus H_i^{\alpha} G'_i` over `G_i'^{1+\alpha}`;
        a maxout unit `\max_r (H_r \oslash G_r)` gives
        `\bigoplus_r H_r \bigodot_{s \ne r} G_s` over `\bigodot_s G_s` ([CM2018]_).

        The convention ``'merge'`` reproduces the expansion of the first
        version of the paper's code (``mlp_to_trop`` of [LWCBM2024]_): it composes single-layer maps
        with generic rational arithmetic, which multiplies numerator and
        denominator of every ReLU neuron by the common factor
        `\bigodot_j G_j^{W^-_{ij}}` (never cancelled). ``'quicksum'`` (its
        later version) is ``'merge'`` with term lists concatenated instead of
        merged, so repeated exponents are counted. All three give the same
        function; only the monomial counts differ (see
        :ref:`reproducing-expansions`).

        EXAMPLES:

        The unit example of TropicalNN (example T3 of the comparison page)::

            sage: from sage_tropnet.network import ReLUNetwork
            sage: net = ReLUNetwork([([[1, 0], [0, 1], [-1, -1]], [0, 0, 0]),
            ....:                    ([[1, 1, 1]], [0])])
            sage: net.tropicalize(prune=False).monomial_count()
            [(7, 1)]
            sage: net.tropicalize().monomial_count()
            [(6, 1)]

        How the conventions differ, on `h = \max(-x, 0)` followed by the output
        `\max(1 - h, 0)`. By hand: the first layer gives `h = (0 \oplus x)
        \oslash x`; the second gives, in Zhang's recursion,
        `(1 \odot x \oplus 0 \oplus x) \oslash (0 \oplus x)`, whose numerator
        merges to `0 \oplus 1 x`. ``'merge'`` multiplies numerator and
        denominator by the factor `G_1 = x`; ``'quicksum'`` does the same
        without merging the repeated constant::

            sage: net3 = ReLUNetwork([([[-1]], [0]), ([[-1]], [1])], output_activation='relu')
            sage: for c in ['zhang', 'merge', 'quicksum']:
            ....:     f = net3.tropicalize(prune=False, convention=c)[0]
            ....:     print(c, f.monomial_count(), f)
            zhang (2, 2) max(0, 1 + x) - max(0, x)
            merge (2, 2) max(x, 1 + 2*x) - max(x, 2*x)
            quicksum (3, 2) max(1 + 2*x, x, 2*x) - max(x, 2*x)

        All agree as functions::

            sage: [net3.tropicalize(convention=c)[0](x) for c in ['zhang', 'merge', 'quicksum']
            ....:  for x in (-3, 0)]
            [0, 1, 0, 1, 0, 1]

        A limit on the size, checked before any work against
        :meth:`monomial_bound`::

            sage: from sage_tropnet.network import random_network
            sage: random_network([6, 40, 40, 1], seed=0).tropicalize(max_monomials=20000)
            Traceback (most recent call last):
            ...
            TropicalizationTooLarge: the tropical map may have up to 21146009113441
            monomials (a bound from the architecture and weights of the network
            [6, 40, 40, 1]), more than the limit of 20000
        """
        if convention not in CONVENTIONS:
            raise ValueError("convention must be one of %s, got %r" % (CONVENTIONS, convention))
        if max_monomials is not None:
            import numbers
            if isinstance(max_monomials, bool) or \
                    not isinstance(max_monomials, numbers.Integral):
                raise TypeError("max_monomials must be a positive integer or None, got %r"
                                % (max_monomials,))
            max_monomials = int(max_monomials)
            if max_monomials < 1:
                raise ValueError("max_monomials must be a positive integer or None, got %s"
                                 % max_monomials)
            if prune and convention == 'zhang':
                bound = self.monomial_bound()
                if bound > max_monomials:
                    raise TropicalizationTooLarge(
                        "the tropical map may have up to %s monomials (a bound from the "
                        "architecture and weights of the network %s), more than the limit of %s"
                        % (bound, self.widths(), max_monomials), bound, max_monomials)
        merge = convention != 'quicksum'
        n = self.input_dimension()
        R = base_ring
        one = TropicalPuiseuxPolynomial.constant(0, n, R)
        F = list(TropicalPuiseuxPolynomial.gens(n, R))
        G = [one] * n
        layers = list(zip(self._W, self._b, self._act))
        from tqdm.auto import tqdm
        from sage_tropnet.misc.formatting import PROGRESS_DELAY
        bar = tqdm(delay=PROGRESS_DELAY, total=sum(W.nrows() for W in self._W), desc="tropicalize", unit=" neurons",
                   disable=(not progress) if progress is not None else None, leave=False)
        guard = _SizeGuard(max_monomials)
        try:
            for i, (W, b, act) in enumerate(layers):
                bar.set_description("tropicalize layer %s/%s" % (i + 1, len(layers)))
                # partial products are pruned too when terms are merged (same
                # result: the upper-hull vertices of a product are sums of
                # vertices of the factors); quicksum counts repeated copies, so
                # there only whole layers are pruned, as in the paper's code
                F, G = self._tropical_layer(W, b, act, F, G, one, convention, merge, R,
                                            prune and merge, guard, bar)
                if prune:
                    F = [f.prune() for f in F]
                    G = [g.prune() for g in G]
                for p in F + G:
                    guard.kept(p)
        finally:
            bar.close()
        return TropicalRationalMapVector([TropicalRationalMap(f, g) for f, g in zip(F, G)])

    def monomial_bound(self):
        r"""
        Return an upper bound on the number of monomials of the numerator and
        of the denominator of every output of the pruned tropical rational map
        (Zhang's convention, see :meth:`tropicalize`), computed from the
        architecture and the weights without expanding anything.

        OUTPUT: a positive integer

        The numerator `F` and the denominator `G` of a pruned output are
        convex piecewise-linear functions whose breakpoints lie on the bent
        hyperplanes of the hidden neurons (and of a ReLU output), so each of
        their monomials owns a union of activation regions: the count is at
        most the number of activation regions, bounded as in [STR2018]_ by
        `\prod_l \sum_{j=0}^{d_l} \binom{m_l}{j}`, where `m_l` is the number of
        neurons of layer `l` whose weights are not all zero (distinct
        hyperplanes in the first layer; `\binom{k}{2}` hyperplanes per maxout
        unit of rank `k`) and `d_l = \min(n_0, r_1, \dots, r_l)` with `r_i`
        the rank of the weight matrix of layer `i` (`n_0` for a leaky ReLU
        layer, which keeps the dimension).

        EXAMPLES::

            sage: from sage_tropnet.network import ReLUNetwork, random_network
            sage: T3 = ReLUNetwork([([[1, 0], [0, 1], [-1, -1]], [0, 0, 0]), ([[1, 1, 1]], [0])])
            sage: T3.monomial_bound(), T3.tropicalize().monomial_count()
            (7, [(6, 1)])
            sage: net = random_network([3, 4, 4, 1], seed=0)
            sage: net.monomial_bound() >= max(max(c) for c in net.tropicalize().monomial_count())
            True
            sage: random_network([6, 40, 40, 1], seed=0).monomial_bound()
            21146009113441

        Zero rows and repeated hyperplanes do not count::

            sage: net = ReLUNetwork([([[1, 0], [2, 0], [0, 0]], [1, 2, 5]), ([[1, 1, 1]], [0])])
            sage: net.monomial_bound()
            2
        """
        from sage_tropnet.bounds import zaslavsky_bound
        bound = 1
        dim = self.input_dimension()
        for i, (W, b, act) in enumerate(zip(self._W, self._b, self._activations)):
            m = act.hyperplane_count(W, b, first_layer=(i == 0))
            if not act.keeps_rank or i == 0:
                dim = min(dim, W.rank())
            if not act.is_linear:
                bound *= int(zaslavsky_bound(m, dim))
        return bound

    @staticmethod
    def _prod(polys, exps, one, merge, prune=False, guard=None):
        out = one
        for p, e in zip(polys, exps):
            if e:
                if guard is not None:
                    guard.product(out, p)
                out = out.mul(p if e == 1 else p ** e, merge=merge)
                if prune:
                    out = out.prune()
        return out

    def _affine(self, w, b, F, G, one, merge, R, prune=False, guard=None):
        r"""
        Return `(H, G')` with `w \cdot x + b = H \oslash G'`, and the
        products `\Pi F^{w^-}`, `\Pi G^{w^-}` for the merge convention.
        """
        wp = [R(a) if a > 0 else R(0) for a in w]
        wm = [R(-a) if a < 0 else R(0) for a in w]
        PFp = self._prod(F, wp, one, merge, prune, guard)
        PGm = self._prod(G, wm, one, merge, prune, guard)
        PGp = self._prod(G, wp, one, merge, prune, guard)
        PFm = self._prod(F, wm, one, merge, prune, guard)
        if guard is not None:
            guard.product(PFp, PGm)
            guard.product(PGp, PFm)
        H = PFp.mul(PGm, merge=merge).mul(R(b), merge=merge)
        Gp = PGp.mul(PFm, merge=merge)
        if prune:
            H, Gp = H.prune(), Gp.prune()
        return H, Gp, PGm

    def _tropical_layer(self, W, b, act, F, G, one, convention, merge, R, prune=False,
                        guard=None, bar=None):
        act = _as_activation(act)
        pieces = []
        for i in range(W.nrows()):
            pieces.append(self._affine(W.row(i), b[i], F, G, one, merge, R, prune, guard))
            if bar is not None:
                bar.update(1)
        if act.is_linear:
            return [H for H, _, _ in pieces], [Gp for _, Gp, _ in pieces]
        newF, newG = act.tropical_units(pieces, one, merge)
        if convention != 'zhang' and act.spec() == ('relu',):
            # the paper's code multiplies by the never cancelled factor
            newF = [f.mul(P, merge=merge) for f, (_, _, P) in zip(newF, pieces)]
            newG = [g.mul(P, merge=merge) for g, (_, _, P) in zip(newG, pieces)]
        return newF, newG

    def monomial_count(self, prune=True, convention='zhang'):
        """
        Return the list of (numerator, denominator) term counts per output.

        EXAMPLES::

            sage: from sage_tropnet.network import ReLUNetwork
            sage: net = ReLUNetwork([([[1, 0], [0, 1], [-1, -1]], [0, 0, 0]),
            ....:                    ([[1, 1, 1]], [0])])
            sage: net.monomial_count(prune=False), net.monomial_count()
            ([(7, 1)], [(6, 1)])
        """
        return self.tropicalize(prune=prune, convention=convention).monomial_count()

    # -- comparison, printing -------------------------------------------------

    def __eq__(self, other):
        """
        EXAMPLES::

            sage: from sage_tropnet.network import random_network
            sage: random_network([2, 3, 1], seed=1) == random_network([2, 3, 1], seed=1)
            True
        """
        return (isinstance(other, ReLUNetwork) and self._W == other._W and self._b == other._b
                and self._act == other._act)

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash((self._W, self._b, self._act))

    def __reduce__(self):
        return (ReLUNetwork, ([(W, b) for W, b in zip(self._W, self._b)], 'linear', 'relu',
                              list(self._act)))

    def _repr_(self):
        hidden = set(self._activations[:-1])
        kind = "ReLU" if hidden <= {_as_activation('relu')} else ", ".join(
            sorted(a.label() for a in hidden))
        return "%s network %s (output activation: %s)" % (kind, self._widths, self._act[-1][0])

    def _latex_(self):
        r"""
        EXAMPLES::

            sage: from sage_tropnet.network import ReLUNetwork
            sage: latex(ReLUNetwork([([[1, 0]], [1/2])]))
            \left(\begin{array}{rr} 1 & 0 \end{array}\right) x + \left(\frac{1}{2}\right)
        """
        from sage.misc.latex import latex
        s = "x"
        for W, b, act in zip(self._W, self._b, self._activations):
            s = r"%s %s + %s" % (latex(W), s, latex(b))
            if not act.is_linear:
                s = r"\sigma\left(%s\right)" % s
        return s


def random_network(dims, seed=None, init='paper', output_activation='linear',
                   hidden_activation='relu', bound=3, denominator=1, zero_probability=0.2):
    r"""
    Return a random network with architecture ``dims = [n_0, n_1, ..., n_L]``.

    INPUT:

    - ``dims`` -- list of widths, input first
    - ``seed`` -- integer seed for numpy's generator
    - ``init`` -- one of

      - ``'paper'`` (default): weights **and** biases i.i.d.
        `N(0, \sqrt{2/n_0})` in every layer, as ``random_mlp`` of the paper's
        code ([LWCBM2024]_, see :ref:`reproducing-initialisation`);
      - ``'he'``: per layer, weights and biases `N(0, \sqrt{2/\text{fan-in}})`;
      - ``'integer'``: integers uniform in `[-\text{bound}, \text{bound}]`
        divided by ``denominator``, each entry zero with probability
        ``zero_probability`` (degenerate cases on purpose: dead neurons,
        repeated hyperplanes)

    - ``output_activation``, ``hidden_activation`` -- as in :class:`ReLUNetwork`

    Floats become the exact rationals of their float64 values.

    EXAMPLES::

        sage: from sage_tropnet.network import random_network
        sage: net = random_network([2, 3, 1], seed=0); net
        ReLU network [2, 3, 1] (output activation: linear)
        sage: w = net.layers()[0][0][0, 0]; w
        4529908614923329/36028797018963968
        sage: w == QQ(float(w).as_integer_ratio())
        True
        sage: random_network([2, 2, 1], seed=1, init='integer', denominator=2).layers()[0][0]
        [  0   0]
        [  1 3/2]
    """
    import numbers
    import numpy as np
    if isinstance(dims, (str, bytes)) or not hasattr(dims, '__len__') or len(dims) < 2 or \
            not all(isinstance(d, numbers.Integral) and not isinstance(d, bool) and d >= 1
                    for d in dims):
        raise ValueError("dims must be a list of at least two positive integers (input, "
                         "hidden and output widths), got %r" % (dims,))
    dims = [int(d) for d in dims]
    rng = np.random.default_rng(as_seed(seed))
    k = _as_activation(hidden_activation).rows_per_unit
    layers = []
    for i in range(len(dims) - 1):
        fan_in, fan_out = dims[i], dims[i + 1]
        rows = fan_out * (k if i < len(dims) - 2 else 1)
        if init == 'paper':
            sd = float(np.sqrt(2.0 / dims[0]))
            W = rng.normal(0, sd, size=(rows, fan_in))
            b = rng.normal(0, sd, size=rows)
        elif init == 'he':
            sd = float(np.sqrt(2.0 / fan_in))
            W = rng.normal(0, sd, size=(rows, fan_in))
            b = rng.normal(0, sd, size=rows)
        elif init == 'integer':
            W = rng.integers(-bound, bound + 1, size=(rows, fan_in))
            b = rng.integers(-bound, bound + 1, size=rows)
            W = W * (rng.random(size=W.shape) >= zero_probability)
            b = b * (rng.random(size=b.shape) >= zero_probability)
            W = [[QQ(int(a)) / denominator for a in row] for row in W]
            b = [QQ(int(a)) / denominator for a in b]
            layers.append((W, b))
            continue
        else:
            raise ValueError("init must be 'paper', 'he' or 'integer', got %r" % (init,))
        layers.append(([[to_rational(a) for a in row] for row in W], [to_rational(a) for a in b]))
    return ReLUNetwork(layers, output_activation=output_activation,
                       hidden_activation=hidden_activation)
