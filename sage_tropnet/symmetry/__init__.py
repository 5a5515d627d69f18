r"""
Symmetric networks: group actions, fundamental domains and orbit counting

A piecewise-linear function `f` is *invariant* under a finite group `G`
acting linearly on `\RR^n` if `f \circ g = f` for all `g \in G`
([LWCBM2024]_, Def. 4.1). Then `G` permutes the linear regions of `f`, and a
fundamental domain `\Delta` (Def. 4.2: the tiles `g\Delta` cover `\RR^n` and
have pairwise disjoint interiors) carries all the information. This module
provides:

- group actions: permutation groups (``SymmetricGroup(n)``,
  ``PermutationGroup``), the hyperoctahedral group of signed permutations
  (:func:`~sage_tropnet.symmetry.groups.signed_permutation_group`), Sage
  matrix groups, and any finite group given by a list of exact matrices
  (:func:`~sage_tropnet.symmetry.groups.group_matrices`);
- an exact invariance test with a rational counterexample
  (:func:`~sage_tropnet.symmetry.invariance.is_invariant`);
- fundamental domains: the Weyl chambers of `S_n` and of the signed
  permutations, and Dirichlet domains of arbitrary finite groups
  (:func:`~sage_tropnet.symmetry.domains.fundamental_domain`,
  :func:`~sage_tropnet.symmetry.domains.dirichlet_domain`);
- DeepSets networks ([ZKRPSS2017]_; [LWCBM2024]_, Lemma 4.4) and the
  symmetrisation of an arbitrary network;
- the **exact** number of linear regions of an invariant function computed on
  the fundamental domain only, with the bounds of [LWCBM2024]_, Thm 4.3
  (:func:`~sage_tropnet.symmetry.orbits.symmetric_region_count`,
  :func:`~sage_tropnet.symmetry.orbits.region_orbits`);
- the paper's sampling estimate on the fundamental domain ("Algorithm 2",
  :func:`~sage_tropnet.symmetry.estimates.fundamental_domain_estimate`) and the
  plain sampling estimate (:func:`~sage_tropnet.symmetry.estimates.regular_estimate`).

One topic per module, every public name re-exported here:

- :mod:`sage_tropnet.symmetry.groups` -- group actions as exact matrices;
- :mod:`sage_tropnet.symmetry.domains` -- fundamental domains and their walls;
- :mod:`sage_tropnet.symmetry.invariance` -- the invariance test;
- :mod:`sage_tropnet.symmetry.library` -- DeepSets and symmetrised networks;
- :mod:`sage_tropnet.symmetry.orbits` -- orbits of regions, exact counting;
- :mod:`sage_tropnet.symmetry.estimates` -- sampling estimates.

EXAMPLES:

A DeepSets network is invariant under permutations of its inputs; its regions
are counted on the chamber `x_1 \ge x_2 \ge x_3` and agree with the plain
count::

    sage: from sage_tropnet.symmetry import (deepset_network, is_invariant,
    ....:     symmetric_region_count, fundamental_domain)
    sage: from sage_tropnet.regions import count_linear_regions
    sage: net = deepset_network(3, 1/2, -1/3); net
    ReLU network [3, 3, 1] (output activation: linear)
    sage: G = SymmetricGroup(3)
    sage: is_invariant(net, G)
    (True, None)
    sage: fundamental_domain(G, 3).inequalities_list()
    [[0, 0, 1, -1], [0, 1, -1, 0]]
    sage: symmetric_region_count(net, G), count_linear_regions(net)
    (8, 8)

AUTHORS:

- sage_tropnet developers (2026-11): initial version

REFERENCES:

- [LWCBM2024]_ §4 (Def. 4.1, 4.2, Thm 4.3, Lemma 4.4, Algorithm 2)
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


from sage_tropnet.symmetry.groups import (CLOSURE_LIMIT, FiniteLinearGroup,  # noqa: F401
                                          GeneratedSubgroup, finite_linear_group,
                                          element_matrix, permutation_matrix,
                                          is_permutation_matrix, is_signed_permutation_matrix,
                                          group_matrices, signed_permutation_group)
from sage_tropnet.symmetry.domains import (dirichlet_domain, fundamental_domain,  # noqa: F401
                                           fundamental_domain_walls)
from sage_tropnet.symmetry.invariance import is_invariant  # noqa: F401
from sage_tropnet.symmetry.library import (deepset_network, random_deepset,  # noqa: F401
                                           symmetrize_network)
from sage_tropnet.symmetry.orbits import (RegionOrbit, region_orbits,  # noqa: F401
                                          symmetric_region_count)
from sage_tropnet.symmetry.estimates import (orbit_multiplicity,  # noqa: F401
                                             fundamental_domain_estimate, regular_estimate)
