r"""
sage_tropnet: tropical geometry of ReLU neural networks, exactly

Sage must be initialised before any deep Sage module is imported, so this
file imports ``sage.all__sagemath_polyhedra`` first, then re-exports the
public API.

EXAMPLES::

    sage: from sage_tropnet import load_network, count_linear_regions, ReLUNetwork
    sage: net = ReLUNetwork([([[1, 0], [0, 1], [-1, -1]], [0, 0, 0]), ([[1, 1, 1]], [0])])
    sage: count_linear_regions(net)
    6
"""
try:
    import sage.all__sagemath_polyhedra  # noqa: F401
except ImportError:  # pragma: no cover - a classic Sage install
    import sage.all  # noqa: F401

from sage_tropnet.rational import to_rational  # noqa: E402
from sage_tropnet.puiseux import (TropicalPuiseuxPolynomial, TropicalRationalMap,  # noqa: E402
                                  TropicalRationalMapVector)
from sage_tropnet.network import ReLUNetwork, random_network  # noqa: E402
from sage_tropnet.adapters import (load_network, from_numpy, from_state_dict,  # noqa: E402
                                   from_keras, WeightsError)
from sage_tropnet.geometry import (newton_polytope, extended_newton_polytope,  # noqa: E402
                                   dual_subdivision, normal_fan, tropical_hypersurface,
                                   monomial_regions)
from sage_tropnet.regions import (linear_regions, count_linear_regions,  # noqa: E402
                                  activation_regions, count_activation_regions)
from sage_tropnet.bounds import bounds  # noqa: E402
from sage_tropnet.hoffman import (hoffman_constant, hoffman_lower_bound,  # noqa: E402
                                  hoffman_upper_bound, tropical_hoffman_constant,
                                  sampling_radius, minimal_radius, verify_radius)
from sage_tropnet.plot import (plot_linear_regions, plot_dual_subdivision,  # noqa: E402
                               plot_tropical_hypersurface)

__all__ = [
    "to_rational", "TropicalPuiseuxPolynomial", "TropicalRationalMap",
    "TropicalRationalMapVector", "ReLUNetwork", "random_network", "load_network", "from_numpy",
    "from_state_dict", "from_keras", "WeightsError", "newton_polytope",
    "extended_newton_polytope", "dual_subdivision", "normal_fan", "tropical_hypersurface",
    "monomial_regions", "linear_regions", "count_linear_regions", "activation_regions",
    "count_activation_regions", "bounds", "hoffman_constant", "hoffman_lower_bound",
    "hoffman_upper_bound", "tropical_hoffman_constant", "sampling_radius", "minimal_radius",
    "verify_radius", "plot_linear_regions", "plot_dual_subdivision", "plot_tropical_hypersurface",
]
