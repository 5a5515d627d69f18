r"""
Hoffman constants of matrices and tropical maps; sampling radii

The Hoffman constant of a matrix bounds the distance to a polyhedron by the
residual of its inequalities [Hof1952]_. ``sage_tropnet`` computes it exactly
over `\QQ` (the algorithm of Peña, Vera and Zuluaga [PVZ2021]_, brute force,
bounds), lifts it to tropical maps and networks ([LWCBM2024]_, §3) and
derives the radius of a ball that meets every linear region. One topic per
module:

- :mod:`sage_tropnet.hoffman.matrix` -- Hoffman constants of matrices
  (:func:`~sage_tropnet.hoffman.matrix.hoffman_constant`, the surjectivity
  LP, lower and upper bounds);
- :mod:`sage_tropnet.hoffman.tropical` -- Hoffman constants of tropical
  maps and networks
  (:func:`~sage_tropnet.hoffman.tropical.tropical_hoffman_constant`);
- :mod:`sage_tropnet.hoffman.radius` -- sampling radii
  (:func:`~sage_tropnet.hoffman.radius.sampling_radius`,
  :func:`~sage_tropnet.hoffman.radius.minimal_radius`,
  :func:`~sage_tropnet.hoffman.radius.verify_radius`).

Every public name is re-exported here, so ``from sage_tropnet.hoffman import
hoffman_constant`` works as before the split.

EXAMPLES::

    sage: from sage_tropnet.hoffman import (hoffman_constant, tropical_hoffman_constant,
    ....:     sampling_radius, minimal_radius)
    sage: hoffman_constant([[1, 0], [0, 1], [-1, -1]]).value
    2
    sage: from sage_tropnet.network import ReLUNetwork
    sage: net = ReLUNetwork([([[1, 0], [0, 1], [-1, -1]], [0, 0, 0]), ([[1, 1, 1]], [0])])
    sage: tropical_hoffman_constant(net).value, sampling_radius(net, center=[1, 1])
    (2, 8)
    sage: minimal_radius(net, center=[1, 1])
    1

AUTHORS:

- sage_tropnet developers (2026-11): initial version

REFERENCES:

- [Hof1952]_
- [PVZ2021]_
- [LWCBM2024]_
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
from sage_tropnet.hoffman.matrix import (FLOAT_TOLERANCE, NORMS, ALGORITHMS,  # noqa: F401
                                         INDEPENDENT_LIMIT, HoffmanResult, TimeBudgetExceeded,
                                         surjectivity_lp, hoffman_constant, hoffman_lower_bound,
                                         hoffman_upper_bound, paper_upper_estimate,
                                         independent_candidates, resolve_algorithm)
from sage_tropnet.hoffman.tropical import (TropicalHoffmanResult, HoffmanRegions,  # noqa: F401
                                           tropical_hoffman_constant, hoffman_regions,
                                           tropical_input)
from sage_tropnet.hoffman.radius import (UPPER_BOUND_MARGIN, SamplingRadius,  # noqa: F401
                                         MinimalRadius, sampling_radius, minimal_radius,
                                         verify_radius)
