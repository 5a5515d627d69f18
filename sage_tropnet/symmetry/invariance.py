r"""
Exact invariance of a network or tropical map under a finite group

A piecewise-linear function `f` is *invariant* under a finite group `G`
acting linearly on `\RR^n` if `f \circ g = f` for all `g \in G`
([LWCBM2024]_, Def. 4.1). :func:`is_invariant` decides it exactly and returns
a rational counterexample when there is one.

EXAMPLES::

    sage: from sage_tropnet.symmetry.invariance import is_invariant
    sage: from sage_tropnet.network import ReLUNetwork
    sage: is_invariant(ReLUNetwork([([[1, 1]], [0])]), SymmetricGroup(2))
    (True, None)
    sage: is_invariant(ReLUNetwork([([[1, 0]], [0])]), SymmetricGroup(2))
    (False, (-13, 11))

AUTHORS:

- sage_tropnet developers (2026-11): initial version

REFERENCES:

- [LWCBM2024]_ §4 (Def. 4.1)
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


import random as _random

from sage.rings.rational_field import QQ
from sage.modules.free_module_element import vector

from sage_tropnet.misc.inputs import as_seed, default_route, input_dimension, is_network
from sage_tropnet.misc.polyhedra import relint_point
from sage_tropnet.symmetry.groups import finite_linear_group


def _evaluate(obj, x, output=0):
    x = list(x)
    if is_network(obj):
        return obj(x)[output]
    from sage_tropnet.puiseux import TropicalRationalMapVector
    if isinstance(obj, TropicalRationalMapVector):
        return obj[output](x)
    return obj(x)


def _relint_points(P, rng):
    r"""
    Yield rational points of the interior of a full-dimensional polyhedron:
    its representative point, then random ones.
    """
    yield P.representative_point()
    V = [v.vector() for v in P.vertices()]
    R = [r.vector() for r in P.rays()]
    L = [l.vector() for l in P.lines()]
    while True:
        yield relint_point((V, R, L), rng)


def _simplify_witness(obj, g, x, output):
    r"""
    Return a point with small denominators near ``x`` that is still a
    counterexample (``x`` itself if none is found).
    """
    for k in range(31):
        y = vector(QQ, [(t * 2 ** k).round() / 2 ** k for t in x])
        if _evaluate(obj, g * y, output) != _evaluate(obj, y, output):
            return y
    return x


def is_invariant(obj, G, output=0, method=None, seed=0):
    r"""
    Decide exactly whether `f \circ g = f` for every `g \in G`.

    INPUT:

    - ``obj`` -- a :class:`~sage_tropnet.network.ReLUNetwork` or a tropical
      rational map (or polynomial, or vector of maps)
    - ``G`` -- a group, as for :func:`~sage_tropnet.symmetry.groups.group_matrices`
    - ``output`` -- integer (default: ``0``); the output coordinate
    - ``method`` -- ``'activation'`` or ``'tropical'`` (default: activation
      for networks, tropical for maps); the cells used, as in
      :func:`~sage_tropnet.regions.linear_regions`
    - ``seed`` -- (default: ``0``) seed for the random points of the search
      (the answer does not depend on it)

    OUTPUT: ``(True, None)``, or ``(False, x)`` with an exact rational point
    `x` such that `f(g x) \ne f(x)` for some generator `g` of `G` (checked
    with the exact forward pass)

    ALGORITHM:

    It suffices to test the generators. For a generator `g`, `f \circ g` is
    again piecewise linear; its cells are the preimages `g^{-1} C'` of the
    cells `C'` of `f`. The full-dimensional cells `C \cap g^{-1} C'` of the
    common refinement are enumerated by the output-sensitive facet-crossing
    search of :mod:`sage_tropnet.regions` (a cell is a pair of keys: the cell
    of `x` and the cell of `g x`), and on each of them the affine maps of `f`
    (gradient `a`, constant `c`) and of `f \circ g` (gradient `g^T a'`,
    constant `c'`) are compared exactly. A cell where they differ yields a
    counterexample: a rational interior point (the representative point, or a
    random interior point if the two maps happen to agree there), replaced by
    a dyadic point with the smallest denominator `2^k \le 2^{30}` near it
    that is still a counterexample (any point `x` with `f(g x) \ne f(x)` is
    one, inside the cell or not).

    EXAMPLES::

        sage: from sage_tropnet.symmetry.library import deepset_network
        sage: from sage_tropnet.symmetry.invariance import is_invariant
        sage: from sage_tropnet.network import ReLUNetwork
        sage: net = deepset_network(3, 1, -1/2)
        sage: is_invariant(net, SymmetricGroup(3))
        (True, None)

    Changing one weight breaks the symmetry; the counterexample is checked::

        sage: (W, b, _), (W2, b2, _) = net.layers()
        sage: W = copy(W); W[0, 1] += 1/10
        sage: bad = ReLUNetwork([(W, b), (W2, b2)])
        sage: ok, x = is_invariant(bad, SymmetricGroup(3)); ok, x
        (False, (46, 6, 43))
        sage: bad(x), bad([43, 46, 6])
        ((0), (1/10))
        sage: from sage_tropnet.symmetry.groups import group_matrices
        sage: any(bad(g * x) != bad(x) for g in group_matrices(SymmetricGroup(3)))
        True

    Tropical maps, and signed permutations::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.symmetry.groups import signed_permutation_group
        sage: x, y = TP.gens(2)
        sage: f = (x + y) / 0
        sage: is_invariant(f, SymmetricGroup(2))
        (True, None)
        sage: is_invariant(f, signed_permutation_group(2))[0]
        False
        sage: is_invariant(f * x**(-1) * y**(-1) + x * y, signed_permutation_group(2))[0]
        False
    """
    n = input_dimension(obj)
    group = finite_linear_group(G, n)
    method = default_route(obj) if method is None else method
    from sage_tropnet.regions import cell_oracle, explore, PullbackOracle
    base = cell_oracle(obj, method, output)
    rng = _random.Random(as_seed(seed))
    for g in group.gens:
        oracle = PullbackOracle(base, g)
        C = explore(oracle, seed=0 if seed is None else seed, progress=False)
        for key in sorted(C.keys(), key=repr):
            if oracle.agree(key):
                continue
            for count, x in enumerate(_relint_points(C.polyhedron(key), rng)):
                if _evaluate(obj, g * x, output) != _evaluate(obj, x, output):
                    return (False, _simplify_witness(obj, g, x, output))
                if count > 1000:
                    raise RuntimeError("no witness found in a cell where the maps differ")
    return (True, None)
