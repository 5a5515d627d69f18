r"""
The region engine: linear and activation regions, exactly and fast

The public names of the engine:

- :func:`count_linear_regions`, :func:`linear_regions`,
  :func:`count_activation_regions`, :func:`activation_regions`,
  :func:`regions` (the front door, :mod:`sage_tropnet.regions.api`);
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
from sage_tropnet.regions.api import (regions, linear_regions, count_linear_regions,
                                      activation_regions, count_activation_regions)

__all__ = ["CellOracle", "PullbackOracle", "TropicalOracle", "ActivationOracle",
           "CellComplex", "LinearRegion", "explore", "subdivide", "regions",
           "linear_regions", "count_linear_regions", "activation_regions",
           "count_activation_regions"]


# -- temporary compatibility for modules not yet moved to the public API --

_TropicalOracle = TropicalOracle
_ActivationOracle = ActivationOracle


def _explore(oracle, box, seed=0, progress=None, polyhedra=True):
    C = explore(oracle, box=box, seed=seed, progress=progress)
    cells = C.polyhedra() if polyhedra else {k: C.ieqs(k) for k in C.keys()}
    return cells, C.edges()


def _as_map_and_oracle(obj, method, output):
    from sage_tropnet.network import ReLUNetwork
    from sage_tropnet.regions.api import _tropical_oracle
    if method == 'activation':
        if not isinstance(obj, ReLUNetwork):
            raise ValueError("the activation route needs a network, not %s" % type(obj).__name__)
        return ActivationOracle(obj, output)
    return _tropical_oracle(obj, output)
