r"""
sage_tropnet: tropical geometry of ReLU neural networks, exactly

Sage must be initialised before any deep Sage module is imported, so this
file imports ``sage.all__sagemath_polyhedra`` first, then re-exports the
main names of every concept of the package (see ``ARCHITECTURE.md``): the
objects (networks, tropical maps, weights in), their polyhedral geometry, the
exact linear and activation regions, bounds, Hoffman constants and sampling
radii, pictures, sampling estimates, region statistics, symmetry and sweeps.
The modules that are not needed to count regions (sampling, statistics,
symmetry, sweeps) are imported on first use, with Sage's
:func:`~sage.misc.lazy_import.lazy_import`, so that ``import sage_tropnet``
stays fast.

EXAMPLES::

    sage: from sage_tropnet import load_network, count_linear_regions, ReLUNetwork
    sage: net = ReLUNetwork([([[1, 0], [0, 1], [-1, -1]], [0, 0, 0]), ([[1, 1, 1]], [0])])
    sage: count_linear_regions(net)
    6

Every concept has its main names here; the heavier ones are imported when
first used::

    sage: from sage_tropnet import deepset_network, symmetric_region_count
    sage: symmetric_region_count(deepset_network(3, 1/2, -1/3), SymmetricGroup(3))
    8
    sage: from sage_tropnet import estimate_linear_regions
    sage: estimate_linear_regions(net, radius=5, samples=500, seed=0)["estimate"]
    6
"""
try:
    import sage.all__sagemath_polyhedra  # noqa: F401
except ImportError:  # pragma: no cover - a classic Sage install
    import sage.all  # noqa: F401

from sage.misc.lazy_import import lazy_import  # noqa: E402

# the objects
from sage_tropnet.rational import to_rational  # noqa: E402
from sage_tropnet.puiseux import (TropicalPuiseuxPolynomial, TropicalRationalMap,  # noqa: E402
                                  TropicalRationalMapVector)
from sage_tropnet.network import ReLUNetwork, random_network  # noqa: E402
from sage_tropnet.adapters import (load_network, from_numpy, from_state_dict,  # noqa: E402
                                   from_keras, WeightsError)
# polyhedral geometry and regions
from sage_tropnet.geometry import (newton_polytope, extended_newton_polytope,  # noqa: E402
                                   dual_subdivision, normal_fan, tropical_hypersurface,
                                   monomial_regions)
from sage_tropnet.regions import (linear_regions, count_linear_regions,  # noqa: E402
                                  activation_regions, count_activation_regions)
from sage_tropnet.bounds import bounds  # noqa: E402
# Hoffman constants and sampling radii
from sage_tropnet.hoffman.matrix import (hoffman_constant, hoffman_lower_bound,  # noqa: E402
                                         hoffman_upper_bound)
from sage_tropnet.hoffman.tropical import tropical_hoffman_constant  # noqa: E402
from sage_tropnet.hoffman.radius import (sampling_radius, minimal_radius,  # noqa: E402
                                         verify_radius)
# pictures
from sage_tropnet.plot import (plot_linear_regions, plot_dual_subdivision,  # noqa: E402
                               plot_tropical_hypersurface, plot_duality, default_box)
# imported on first use
lazy_import("sage_tropnet.sampling", ["estimate_linear_regions", "estimate_vs_exact"])
lazy_import("sage_tropnet.stats", ["region_statistics", "complex_statistics",
                                   "statistics_table", "statistics_json"])
lazy_import("sage_tropnet.symmetry.groups", ["group_matrices", "signed_permutation_group"])
lazy_import("sage_tropnet.symmetry.domains", ["fundamental_domain"])
lazy_import("sage_tropnet.symmetry.invariance", ["is_invariant"])
lazy_import("sage_tropnet.symmetry.library", ["deepset_network", "random_deepset",
                                              "symmetrize_network"])
lazy_import("sage_tropnet.symmetry.orbits", ["region_orbits", "symmetric_region_count"])
lazy_import("sage_tropnet.symmetry.estimates", ["fundamental_domain_estimate",
                                                "regular_estimate"])
lazy_import("sage_tropnet.experiments", ["Sweep", "sweep"])
# research workflows: models in, slices and lines through data, training dynamics
lazy_import("sage_tropnet.importers", ["from_torch", "from_onnx", "load_model"])
lazy_import("sage_tropnet.slices", ["plane_through", "line_through", "slice_regions",
                                    "local_complexity"])
lazy_import("sage_tropnet.lines", ["along_segment", "along_segments"])
lazy_import("sage_tropnet.slice_plot", ["plot_slice"])
lazy_import("sage_tropnet.tracking", ["track", "plot_tracking"])

__all__ = [
    # the objects
    "to_rational", "TropicalPuiseuxPolynomial", "TropicalRationalMap",
    "TropicalRationalMapVector", "ReLUNetwork", "random_network", "load_network", "from_numpy",
    "from_state_dict", "from_keras", "WeightsError",
    # polyhedral geometry and regions
    "newton_polytope", "extended_newton_polytope", "dual_subdivision", "normal_fan",
    "tropical_hypersurface", "monomial_regions", "linear_regions", "count_linear_regions",
    "activation_regions", "count_activation_regions", "bounds",
    # Hoffman constants and sampling radii
    "hoffman_constant", "hoffman_lower_bound", "hoffman_upper_bound",
    "tropical_hoffman_constant", "sampling_radius", "minimal_radius", "verify_radius",
    # pictures
    "plot_linear_regions", "plot_dual_subdivision", "plot_tropical_hypersurface",
    "plot_duality", "default_box",
    # sampling estimates and statistics
    "estimate_linear_regions", "estimate_vs_exact", "region_statistics", "complex_statistics",
    "statistics_table", "statistics_json",
    # symmetry
    "group_matrices", "signed_permutation_group", "fundamental_domain", "is_invariant",
    "deepset_network", "random_deepset", "symmetrize_network", "region_orbits",
    "symmetric_region_count", "fundamental_domain_estimate", "regular_estimate",
    # sweeps
    "Sweep", "sweep",
    # research workflows
    "from_torch", "from_onnx", "load_model", "plane_through", "line_through", "slice_regions",
    "local_complexity", "along_segment", "along_segments", "plot_slice", "track",
    "plot_tracking",
]
