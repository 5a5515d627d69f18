r"""
Bounds on the number of linear regions of ReLU networks

Closed-form upper and lower bounds on the number of linear regions of a
fully connected ReLU network, computed from its architecture only. Here
`n_0` is the input dimension and `n_1, \ldots, n_L` are the hidden widths;
the output layer is linear and does not count. All values are exact Sage
integers.

EXAMPLES::

    sage: from sage_tropnet.bounds import bounds
    sage: b = bounds([2, 6, 6, 1]); b["montufar2017"], b["serra2018"], b["trivial"]
    (484, 484, 4096)

AUTHORS:

- sage_tropnet developers (2026-11): initial version

REFERENCES:

- [Zas1975]_, [MPCB2014]_, [Mon2017]_, [STR2018]_
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
from sage.arith.misc import binomial
from sage.misc.misc_c import prod
from sage.rings.integer import Integer


def _check(widths, input_dim):
    r"""
    Return ``widths`` and ``input_dim`` as non-negative Sage integers.

    TESTS::

        sage: from sage_tropnet.bounds import _check
        sage: _check((2, 3), 4)
        ([2, 3], 4)
        sage: _check([2, -1], 4)
        Traceback (most recent call last):
        ...
        ValueError: widths and input dimension must be non-negative integers,
        got [2, -1], 4
    """
    ws, n0 = [Integer(n) for n in widths], Integer(input_dim)
    if n0 < 0 or any(n < 0 for n in ws):
        raise ValueError("widths and input dimension must be non-negative "
                         f"integers, got {list(widths)}, {input_dim}")
    return ws, n0


def zaslavsky_bound(n_hyperplanes, dim):
    r"""
    Return the number of regions of `n` generic hyperplanes in `\RR^d`.

    This is `\sum_{s=0}^{d} \binom{n}{s}`, the exact maximal number of linear
    regions of a network with one hidden layer of `n` ReLUs and input dimension `d`.

    INPUT:

    - ``n_hyperplanes`` -- non-negative integer `n`
    - ``dim`` -- non-negative integer `d`

    OUTPUT: an :class:`Integer`

    EXAMPLES::

        sage: from sage_tropnet.bounds import zaslavsky_bound
        sage: [zaslavsky_bound(n, 2) for n in range(8)]
        [1, 2, 4, 7, 11, 16, 22, 29]
        sage: zaslavsky_bound(3, 5)
        8

    REFERENCES: [Zas1975]_, [STR2018]_
    """
    (n,), d = _check([n_hyperplanes], dim)
    return sum((binomial(n, s) for s in range(min(n, d) + 1)), Integer(0))


def montufar_bound(widths, input_dim):
    r"""
    Return Montúfar's 2017 upper bound on the number of linear regions.

    The bound is `\prod_{l=1}^{L} \sum_{j=0}^{d_l} \binom{n_l}{j}` with
    `d_l = \min\{n_0, n_1, \ldots, n_l\}`.

    INPUT:

    - ``widths`` -- list of hidden widths `n_1, \ldots, n_L`
    - ``input_dim`` -- the input dimension `n_0`

    OUTPUT: an :class:`Integer`

    EXAMPLES::

        sage: from sage_tropnet.bounds import montufar_bound
        sage: montufar_bound([6, 6], 2), montufar_bound([2, 2], 3)
        (484, 16)

    REFERENCES: [Mon2017]_
    """
    widths, d = _check(widths, input_dim)
    factors = []
    for n in widths:
        d = min(d, n)
        factors.append(zaslavsky_bound(n, d))
    return prod(factors, Integer(1))


def serra_upper_bound(widths, input_dim):
    r"""
    Return the upper bound of Serra, Tjandraatmadja and Ramalingam (Theorem 1).

    The bound is `\sum_{(j_1,\ldots,j_L) \in J} \prod_{l} \binom{n_l}{j_l}`
    where `J` is the set of tuples with `0 \le j_l \le \min\{n_0, n_1 - j_1,
    \ldots, n_{l-1} - j_{l-1}, n_l\}`. It is tight for one hidden layer.

    INPUT:

    - ``widths`` -- list of hidden widths `n_1, \ldots, n_L`
    - ``input_dim`` -- the input dimension `n_0`

    OUTPUT: an :class:`Integer`

    ALGORITHM:

    Dynamic programming over layers: the admissible `j_{l+1}` depend on
    `(j_1, \ldots, j_l)` only through `m_l = \min\{n_0, n_1 - j_1, \ldots,
    n_l - j_l\}`, so one keeps the total weight of the tuples for each `m_l`.

    EXAMPLES::

        sage: from sage_tropnet.bounds import serra_upper_bound
        sage: serra_upper_bound([2, 2], 3), serra_upper_bound([10], 784)
        (11, 1024)
        sage: serra_upper_bound([1, 6, 6], 1)  # a width-1 layer is a bottleneck
        50
        sage: serra_upper_bound([10, 10, 10, 10], 10)
        216643797580

    REFERENCES: [STR2018]_
    """
    widths, n0 = _check(widths, input_dim)
    states = {n0: Integer(1)}
    for n in widths:
        new = {}
        for m, weight in states.items():
            for j in range(min(m, n) + 1):
                key = min(m, n - j)
                new[key] = new.get(key, 0) + weight * binomial(n, j)
        states = new
    return sum(states.values(), Integer(0))


def serra_dim_one_maximum(widths):
    r"""
    Return the exact maximal number of regions for input dimension one.

    By Serra et al., Theorem 5, a network with `n_0 = 1` and all `n_l \ge 3`
    has at most, and can attain, `\prod_{l=1}^{L} (n_l + 1)` linear regions.

    INPUT:

    - ``widths`` -- list of hidden widths `n_1, \ldots, n_L`, each at least 3

    OUTPUT: an :class:`Integer`

    EXAMPLES::

        sage: from sage_tropnet.bounds import serra_dim_one_maximum
        sage: serra_dim_one_maximum([3, 3, 3])
        64
        sage: serra_dim_one_maximum([3, 2])
        Traceback (most recent call last):
        ...
        ValueError: Serra's Theorem 5 needs every hidden width >= 3, got [3, 2]

    REFERENCES: [STR2018]_
    """
    widths, _ = _check(widths, 1)
    if any(n < 3 for n in widths):
        raise ValueError("Serra's Theorem 5 needs every hidden width >= 3, "
                         f"got {widths}")
    return prod((n + 1 for n in widths), Integer(1))


def trivial_bound(widths):
    r"""
    Return the trivial upper bound `2^N`, with `N` the number of hidden ReLUs.

    INPUT:

    - ``widths`` -- list of hidden widths

    OUTPUT: an :class:`Integer`

    EXAMPLES::

        sage: from sage_tropnet.bounds import trivial_bound
        sage: trivial_bound([10, 10])
        1048576

    REFERENCES: [MPCB2014]_
    """
    widths, _ = _check(widths, 0)
    return Integer(2) ** sum(widths, Integer(0))


def montufar2014_lower_bound(widths, input_dim):
    r"""
    Return the lower bound of Montúfar, Pascanu, Cho and Bengio (2014).

    The bound `(\prod_{l=1}^{L-1} \lfloor n_l/n_0 \rfloor^{n_0}) \cdot
    \sum_{j=0}^{n_0} \binom{n_L}{j}` is the region count of an explicit
    construction; it needs `n_l \ge n_0` for every `l`.

    INPUT:

    - ``widths`` -- list of hidden widths `n_1, \ldots, n_L`
    - ``input_dim`` -- the input dimension `n_0`

    OUTPUT: an :class:`Integer`, or ``None`` if some `n_l < n_0`, if
    `n_0 = 0` or if there is no hidden layer

    EXAMPLES::

        sage: from sage_tropnet.bounds import montufar2014_lower_bound
        sage: montufar2014_lower_bound([6, 6], 2), montufar2014_lower_bound([3], 5)
        (198, None)

    REFERENCES: [MPCB2014]_
    """
    widths, n0 = _check(widths, input_dim)
    if not widths or n0 == 0 or any(n < n0 for n in widths):
        return None
    head = prod(((n // n0) ** n0 for n in widths[:-1]), Integer(1))
    return head * zaslavsky_bound(widths[-1], n0)


def serra_lower_bound(widths, input_dim):
    r"""
    Return the lower bound of Serra et al., Theorem 6.

    The bound `(\prod_{l=1}^{L-1} (\lfloor n_l/n_0 \rfloor + 1)^{n_0}) \cdot
    \sum_{j=0}^{n_0} \binom{n_L}{j}` needs `n_l \ge 3 n_0` for every `l`.

    INPUT:

    - ``widths`` -- list of hidden widths `n_1, \ldots, n_L`
    - ``input_dim`` -- the input dimension `n_0`

    OUTPUT: an :class:`Integer`, or ``None`` if some `n_l < 3 n_0`, if
    `n_0 = 0` or if there is no hidden layer

    EXAMPLES::

        sage: from sage_tropnet.bounds import serra_lower_bound
        sage: serra_lower_bound([6, 6], 2), serra_lower_bound([5], 3)
        (352, None)

    REFERENCES: [STR2018]_
    """
    widths, n0 = _check(widths, input_dim)
    if not widths or n0 == 0 or any(n < 3 * n0 for n in widths):
        return None
    head = prod(((n // n0 + 1) ** n0 for n in widths[:-1]), Integer(1))
    return head * zaslavsky_bound(widths[-1], n0)


def maxout_bound(widths, input_dim, rank):
    r"""
    Return the upper bound of Serra et al., Theorem 8, for rank-`k` maxout networks.

    The bound is `\prod_{l=1}^{L} \sum_{j=0}^{d_l} \binom{k(k-1)/2 \cdot n_l}{j}`
    with `d_l = \min\{n_0, \ldots, n_l\}`. For `k = 2` it is :func:`montufar_bound`.

    INPUT:

    - ``widths`` -- list of hidden widths (numbers of maxout units) `n_1, \ldots, n_L`
    - ``input_dim`` -- the input dimension `n_0`
    - ``rank`` -- positive integer `k`, the number of affine pieces per unit

    OUTPUT: an :class:`Integer`

    EXAMPLES::

        sage: from sage_tropnet.bounds import maxout_bound, montufar_bound
        sage: maxout_bound([6, 6], 2, 2) == montufar_bound([6, 6], 2)
        True
        sage: maxout_bound([2], 2, 3)
        22

    REFERENCES: [STR2018]_
    """
    widths, d = _check(widths, input_dim)
    k = Integer(rank)
    if k < 1:
        raise ValueError(f"the maxout rank must be a positive integer, got {k}")
    factors = []
    for n in widths:
        d = min(d, n)
        factors.append(zaslavsky_bound(k * (k - 1) // 2 * n, d))
    return prod(factors, Integer(1))


def bounds(arch_or_net):
    r"""
    Return a dictionary of region-count bounds for an architecture or a network.

    INPUT:

    - ``arch_or_net`` -- either a list ``[n_0, n_1, ..., n_L, out]`` (the last
      entry, the output width, is ignored), or an object with attributes
      ``input_dimension`` and ``hidden_widths`` (preferred) or ``widths``
      (the hidden widths only)

    OUTPUT: a dictionary with keys

    - ``"zaslavsky"`` -- for one hidden layer, the exact maximum
      :func:`zaslavsky_bound`; otherwise the maximum of a *shallow* network with the
      same number `N` of ReLUs, ``zaslavsky_bound(N, n_0)`` (a comparison value,
      not a bound for the deep network)
    - ``"montufar2017"`` -- :func:`montufar_bound`
    - ``"serra2018"`` -- :func:`serra_upper_bound`
    - ``"serra_dim1"`` -- :func:`serra_dim_one_maximum` if `n_0 = 1` and all
      `n_l \ge 3`, else ``None``
    - ``"trivial"`` -- :func:`trivial_bound`

    EXAMPLES::

        sage: from sage_tropnet.bounds import bounds
        sage: sorted(bounds([1, 3, 3, 3, 1]).items())
        [('montufar2017', 64), ('serra2018', 64), ('serra_dim1', 64),
         ('trivial', 512), ('zaslavsky', 10)]
        sage: class Net:
        ....:     input_dimension = 784
        ....:     widths = [10, 10]
        sage: bounds(Net())["serra2018"]
        616666
        sage: from sage_tropnet.network import random_network
        sage: bounds(random_network([2, 6, 1], seed=0))["zaslavsky"]
        22

    REFERENCES: [Zas1975]_, [MPCB2014]_, [Mon2017]_, [STR2018]_
    """
    if hasattr(arch_or_net, "input_dimension"):
        n0 = arch_or_net.input_dimension
        n0 = n0() if callable(n0) else n0
        widths = getattr(arch_or_net, "hidden_widths", None)
        if widths is None:
            widths = arch_or_net.widths
        widths = list(widths() if callable(widths) else widths)
    else:
        arch = list(arch_or_net)
        if len(arch) < 2:
            raise ValueError("an architecture is a list [n_0, n_1, ..., n_L, out] "
                             f"with at least two entries, got {arch}")
        n0, widths = arch[0], arch[1:-1]
    widths, n0 = _check(widths, n0)
    dim1 = None
    if n0 == 1 and all(n >= 3 for n in widths):
        dim1 = serra_dim_one_maximum(widths)
    return {"zaslavsky": zaslavsky_bound(sum(widths, Integer(0)), n0),
            "montufar2017": montufar_bound(widths, n0),
            "serra2018": serra_upper_bound(widths, n0),
            "serra_dim1": dim1,
            "trivial": trivial_bound(widths)}
