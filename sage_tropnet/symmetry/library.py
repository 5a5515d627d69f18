r"""
Library of invariant networks: DeepSets and symmetrisation

Constructors of networks that are invariant under a finite group (as Sage's
``hyperplane_arrangement/library.py`` for arrangements):

- :func:`deepset_network` -- the DeepSets network
  `x \mapsto \sum_i \mathrm{ReLU}(W x + \beta)_i` with
  `W = \lambda I + \gamma \mathbf{1}\mathbf{1}^T`, invariant under `S_n`
  ([ZKRPSS2017]_; [LWCBM2024]_, Lemma 4.4);
- :func:`random_deepset` -- a random one, as in the paper's notebook;
- :func:`symmetrize_network` -- `x \mapsto \sum_{g \in G} f(g x)` for any
  network `f` and finite group `G`.

EXAMPLES::

    sage: from sage_tropnet.symmetry.library import deepset_network, symmetrize_network
    sage: deepset_network(3, 1/2, -1/3)
    ReLU network [3, 3, 1] (output activation: linear)
    sage: from sage_tropnet.network import random_network
    sage: symmetrize_network(random_network([2, 2, 1], seed=3), SymmetricGroup(2))
    ReLU network [2, 4, 1] (output activation: linear)

AUTHORS:

- sage_tropnet developers (2026-11): initial version

REFERENCES:

- [LWCBM2024]_ §4 (Lemma 4.4)
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


from sage.rings.rational_field import QQ
from sage.matrix.constructor import matrix

from sage_tropnet.misc.inputs import as_seed
from sage_tropnet.network import ReLUNetwork
from sage_tropnet.rational import to_rational
from sage_tropnet.symmetry.groups import finite_linear_group


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

        sage: from sage_tropnet.symmetry.library import deepset_network
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

        sage: from sage_tropnet.symmetry.library import random_deepset
        sage: net = random_deepset(4, seed=1); net
        ReLU network [4, 4, 1] (output activation: linear)
        sage: net == random_deepset(4, seed=1)
        True
        sage: lam = net.layers()[0][0][0, 0] - net.layers()[0][0][0, 1]
        sage: lam == QQ(float(lam).as_integer_ratio())
        True
    """
    import numpy as np
    rng = np.random.default_rng(as_seed(seed))
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

        sage: from sage_tropnet.symmetry.library import symmetrize_network
        sage: from sage_tropnet.symmetry.invariance import is_invariant
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
    els = finite_linear_group(G, n).elements()
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
