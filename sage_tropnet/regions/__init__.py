r"""
The region engine: linear and activation regions, exactly and fast

The public names of the engine:

- :func:`count_linear_regions`, :func:`linear_regions`,
  :func:`count_activation_regions`, :func:`activation_regions`,
  :func:`regions`, :func:`cell_oracle` (the front door,
  :mod:`sage_tropnet.regions.api`);
- :class:`CellComplex`, :class:`LinearRegion` (results,
  :mod:`sage_tropnet.regions.cells`);
- :class:`CellOracle`, :class:`PullbackOracle` (the cell-oracle protocol,
  :mod:`sage_tropnet.regions.oracle`), :class:`TropicalOracle`,
  :class:`ActivationOracle`;
- :func:`explore` (the facet-crossing search, any oracle) and
  :func:`subdivide` (the layer-wise subdivision of a network), both running
  on the compiled kernel :mod:`sage_tropnet.regions.kernel`.

EXAMPLES::

    sage: from sage_tropnet.regions import count_linear_regions, count_activation_regions
    sage: from sage_tropnet.network import random_network
    sage: net = random_network([2, 6, 6, 1], seed=1)
    sage: count_activation_regions(net), count_linear_regions(net)
    (56, 56)
"""
from sage_tropnet.regions.oracle import CellOracle, PullbackOracle
from sage_tropnet.regions.tropical import TropicalOracle
from sage_tropnet.regions.activation import ActivationOracle
from sage_tropnet.regions.cells import CellComplex, LinearRegion
from sage_tropnet.regions.explore import explore
from sage_tropnet.regions.subdivide import subdivide
from sage_tropnet.regions.api import (regions, cell_oracle, linear_regions,
                                      count_linear_regions, activation_regions,
                                      count_activation_regions)

__all__ = ["CellOracle", "PullbackOracle", "TropicalOracle", "ActivationOracle",
           "CellComplex", "LinearRegion", "explore", "subdivide", "regions", "cell_oracle",
           "linear_regions", "count_linear_regions", "activation_regions",
           "count_activation_regions"]
