r"""
Sampling estimates of the number of linear regions of symmetric functions

The paper's numerical estimate on a fundamental domain ([LWCBM2024]_,
"Algorithm 2"): for an `S_n`-invariant function, sample points in the chamber
`x_1 \le \dots \le x_n` of the box `[-R, R]^n` only, collect the distinct
exact gradients and weight each by the size of its `S_n`-orbit
(:func:`fundamental_domain_estimate`); and the plain estimate, the number of
distinct gradients at uniform samples of the box (:func:`regular_estimate`).
These are estimates; the exact count is
:func:`~sage_tropnet.symmetry.orbits.symmetric_region_count`.

EXAMPLES::

    sage: from sage_tropnet.symmetry.library import random_deepset
    sage: from sage_tropnet.symmetry.estimates import fundamental_domain_estimate
    sage: fundamental_domain_estimate(random_deepset(3, seed=0), box=20, seed=0)
    8

AUTHORS:

- sage_tropnet developers (2026-11): initial version

REFERENCES:

- [LWCBM2024]_ §4 (Algorithm 2), §5.2
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


from collections import Counter

from sage.rings.rational_field import QQ
from sage.rings.integer_ring import ZZ
from sage.matrix.constructor import matrix
from sage.modules.free_module_element import vector

from sage_tropnet.misc.inputs import as_seed, input_dimension, is_network
from sage_tropnet.layers import activation


def _float_patterns(net, X):
    r"""
    Return the activation patterns of the rows of ``X`` (float forward pass)
    as an integer array, one row per point.
    """
    import numpy as np
    a = np.asarray(X, dtype=float)
    cols = []
    for W, b, act in net.layers():
        Wf = np.array([[float(t) for t in row] for row in W.rows()])
        bf = np.array([float(t) for t in b])
        st, a = activation(act).float_states(a @ Wf.T + bf)
        if st is not None:
            cols.append(st)
    if not cols:
        return np.zeros((a.shape[0], 0), dtype=np.int64)
    return np.hstack(cols)


def _pattern_gradient(net, pattern, output=0):
    r"""
    Return the exact gradient (a tuple over `\QQ`) of an output on the cell
    of an activation pattern.
    """
    n = net.input_dimension()
    J = matrix.identity(QQ, n)
    pos = 0
    for W, b, act in net.layers():
        act = activation(act)
        u = act.units(W.nrows())
        J = act.post_rows(W * J, tuple(int(t) for t in pattern[pos:pos + u]))
        pos += u
    return tuple(J.row(output))


def _unique_gradients(obj, X, output=0):
    r"""
    Return the set of exact gradients of ``obj`` at the rows of ``X`` (the
    cell of each point is found in floating point).
    """
    import numpy as np
    if is_network(obj):
        P = _float_patterns(obj, X)
        if len(P) == 0:
            return set()
        U = np.unique(P, axis=0)
        return set(_pattern_gradient(obj, row, output) for row in U)
    from sage_tropnet.puiseux import (TropicalPuiseuxPolynomial, TropicalRationalMap,
                                      TropicalRationalMapVector)
    if isinstance(obj, TropicalRationalMapVector):
        obj = obj[output]
    if isinstance(obj, TropicalPuiseuxPolynomial):
        obj = TropicalRationalMap(obj)
    X = np.asarray(X, dtype=float)
    idx = []
    exps = []
    for p in (obj.numerator().merged(), obj.denominator().merged()):
        E = [vector(QQ, e) for e in p.exponents()]
        Ef = np.array([[float(t) for t in e] for e in E]).reshape(len(E), X.shape[1])
        cf = np.array([float(t) for t in p.coefficients()])
        idx.append((X @ Ef.T + cf).argmax(axis=1))
        exps.append(E)
    pairs = np.unique(np.stack(idx, axis=1), axis=0)
    return set(tuple(exps[0][i] - exps[1][j]) for i, j in pairs)


def orbit_multiplicity(J):
    r"""
    Return the number of distinct permutations of the tuple `J`: `n! /
    \prod_c c!` over the multiplicities `c` of its entries.

    This is the size of the `S_n`-orbit of a gradient `J`, the weight of `J`
    in :func:`fundamental_domain_estimate`.

    EXAMPLES::

        sage: from sage_tropnet.symmetry.estimates import orbit_multiplicity
        sage: orbit_multiplicity((1, 1, 0)), orbit_multiplicity((1/2, 2, 3))
        (3, 6)
        sage: orbit_multiplicity((0, 0, 0, 0))
        1
    """
    m = ZZ(len(J)).factorial()
    for c in Counter(J).values():
        m //= ZZ(c).factorial()
    return m


def _box_half_width(box, radius):
    r"""
    Return the box half-width, accepting the deprecated keyword ``radius``.
    """
    if radius is not None:
        import warnings
        warnings.warn("the keyword radius is deprecated; use box (the half-width R of [-R, R]^n)",
                      DeprecationWarning, stacklevel=3)
        return radius
    return box


def fundamental_domain_estimate(obj, box=20, samples=None, seed=None, output=0, radius=None):
    r"""
    Return the fundamental-domain sampling estimate of the number of linear
    regions of an `S_n`-invariant function ([LWCBM2024]_, Algorithm 2).

    Draw `\lfloor N / n! \rfloor` points uniformly in `[-R, R]^n`, sort
    each one ascending (so they lie in the chamber
    `x_1 \le \dots \le x_n`, see :ref:`reproducing-symmetry`), collect the distinct gradients
    `J`, and return `\sum_J n! / \prod_{c \in C(J)} c!`, where `C(J)` are
    the multiplicities of the entries of `J`.

    INPUT:

    - ``obj`` -- a network or a tropical map
    - ``box`` -- the box half-width `R` (default: ``20``, the paper's
      setting)
    - ``samples`` -- `N` (default: `10^n`, the paper's ``base_num_points ** n``)
    - ``seed`` -- seed of numpy's generator (default: ``None``: fresh
      randomness); the estimate is deterministic given the seed
    - ``output`` -- the output coordinate (default: ``0``)
    - ``radius`` -- deprecated name of ``box``

    OUTPUT: an integer (an estimate)

    .. NOTE::

        The gradients are exact: the cell of each point is found with a float
        forward pass and its affine map is computed over `\QQ`, instead of
        rounding float Jacobians to 10 decimals as in the paper's code.

    EXAMPLES::

        sage: from sage_tropnet.symmetry.library import random_deepset
        sage: from sage_tropnet.symmetry.estimates import (fundamental_domain_estimate,
        ....:     regular_estimate)
        sage: net = random_deepset(3, seed=0)
        sage: fundamental_domain_estimate(net, seed=0)
        8
        sage: regular_estimate(net, seed=0)
        8
        sage: fundamental_domain_estimate(net, samples=6, seed=1)
        3

    TESTS::

        sage: fundamental_domain_estimate(net, radius=20, seed=0)
        doctest:warning...
        DeprecationWarning: the keyword radius is deprecated; use box (the half-width R of [-R, R]^n)
        8
    """
    import numpy as np
    box = _box_half_width(box, radius)
    n = input_dimension(obj)
    N = 10 ** n if samples is None else int(samples)
    m = N // int(ZZ(n).factorial())
    rng = np.random.default_rng(as_seed(seed))
    X = np.sort(rng.uniform(-float(box), float(box), size=(m, n)), axis=1)
    return ZZ(sum(orbit_multiplicity(J) for J in _unique_gradients(obj, X, output)))


def regular_estimate(obj, box=20, samples=None, seed=None, output=0, radius=None):
    r"""
    Return the number of distinct exact gradients at `N` uniform samples of
    `[-R, R]^n` (the plain sampling estimate of [LWCBM2024]_, §4 and §5.2).

    INPUT: as for :func:`fundamental_domain_estimate`

    OUTPUT: an integer (an estimate; a lower bound for the number of
    distinct gradients, hence in general not for the number of regions)

    EXAMPLES::

        sage: from sage_tropnet.symmetry.library import random_deepset
        sage: from sage_tropnet.symmetry.estimates import regular_estimate
        sage: regular_estimate(random_deepset(2, seed=0), samples=1000, seed=0)
        4
    """
    import numpy as np
    box = _box_half_width(box, radius)
    n = input_dimension(obj)
    N = 10 ** n if samples is None else int(samples)
    rng = np.random.default_rng(as_seed(seed))
    X = rng.uniform(-float(box), float(box), size=(N, n))
    return ZZ(len(_unique_gradients(obj, X, output)))
