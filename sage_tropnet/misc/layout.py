r"""
The module list of ``sage_tropnet``: ranks and concepts

The single source of truth for the layout of the package. Every module is
listed once in :data:`MODULES` as ``(rank, dotted name, concept)``:

- ``rank`` -- a number; data flow goes one way: a module imports only
  modules of a strictly lower rank (checked by ``tests/test_package.py``,
  which also checks that the import graph has no cycle);
- ``dotted name`` -- the module relative to the package (``"hoffman.matrix"``
  is ``sage_tropnet/hoffman/matrix.py``, ``"hoffman"`` is
  ``sage_tropnet/hoffman/__init__.py``);
- ``concept`` -- one line: what the module is the home of.

From this list are generated: the layering test and the module test of
``tests/test_package.py`` (every ``.py`` file of the package is listed, and
nothing else), the API stubs of the documentation (``doc/make_api_stubs.py``,
in this order) and the module table of ``ARCHITECTURE.md`` (checked to agree
with :func:`markdown_table`). To add a module, add one line here and run
``python sage_tropnet/misc/layout.py`` to print the new table.

This module imports nothing, so that scripts can read it without Sage.

EXAMPLES::

    sage: from sage_tropnet.misc.layout import MODULES, rank, modules
    sage: rank("rational") < rank("puiseux") < rank("network")
    True
    sage: modules()[:3]
    ['misc.layout', 'misc.formatting', 'misc.inputs']
    sage: "hoffman.matrix" in modules() and "cli.common" in modules()
    True

AUTHORS:

- sage_tropnet developers (2026-11): initial version
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

#: ``(rank, dotted module name, concept)`` for every module of the package
#: (``__init__`` of the package itself excluded), in the order of the
#: documentation. A module imports only modules of a strictly lower rank.
MODULES = (
    # shared primitives (no import of the package)
    (0, "misc.layout", "this list: ranks and concepts of the modules"),
    (0, "misc.formatting", "the JSON number format (`json_number`)"),
    (0, "misc.inputs", "networks and tropical maps seen uniformly (`input_dimension`)"),
    (0, "misc.linear_algebra",
     "integer rows and matrices: `primitive_row`, `integer_determinant`, `integer_adjugate`"),
    (0, "misc.polyhedra",
     "polyhedra over QQ: `polyhedron`, `box_inequalities`, `relint_point`, `FLOAT_MARGIN`"),
    (0, "misc.union_find", "disjoint sets (`UnionFind`)"),
    (0, "misc.files", "safe files: NumPy arrays and text read with limits (`read_npy`, "
                      "`NpzReader`), atomic output (`atomic_write`)"),
    (1, "misc", "re-exports of the shared primitives"),
    (1, "rational", "rationalisation policy: floats, strings, reals to exact rationals "
                    "(`to_rational`)"),
    (0, "bounds", "Zaslavsky, Montúfar, Serra bounds (`bounds`)"),
    (2, "lp", "exact LP (own rational simplex; PPL for cross-checks) and float LP (HiGHS)"),
    (1, "hull", "exact upper hulls of lifted points (certified qhull; PPL fallback), "
                "hull graph"),
    # the objects
    (2, "puiseux", "tropical Puiseux polynomials and rational maps (max-plus, QQ exponents)"),
    (2, "layers", "activations (ReLU, leaky ReLU, maxout, linear): forward pass, states, "
                  "local maps, cell rows, tropicalisation step, kernel description"),
    (3, "network", "exact networks (ReLU, leaky ReLU, maxout), forward pass, tropicalisation"),
    (3.2, "importers.chain", "exact affine chains: unrolled convolutions and pooling, "
                             "folded batch norm, max pooling as maxout (`ChainBuilder`)"),
    (3.4, "importers.pytorch", "PyTorch `nn.Module` and TorchScript in (`from_torch`)"),
    (3.4, "importers.onnx_graph", "ONNX models in (`from_onnx`)"),
    (3.6, "importers", "models in: `load_model` for .onnx and TorchScript files"),
    (4, "adapters", "weights in: npz / npy / PyTorch / Keras (`load_network`)"),
    (4, "geometry", "Newton polytopes, dual subdivisions, normal fans, tropical hypersurfaces"),
    # the region engine
    (0, "regions.kernel", "compiled certified double description: layer-wise `Subdivider`, "
                          "`CellFacets` (Cython)"),
    (5, "regions.oracle", "the cell-oracle protocol (`CellOracle`), `PullbackOracle`"),
    (5, "regions.cells", "results: `CellComplex`, `LinearRegion`; domain rows, lineality"),
    (5.2, "regions.tropical", "cells U_i ∩ V_j of a tropical rational map (`TropicalOracle`)"),
    (5.2, "regions.activation", "activation cells of a network (`ActivationOracle`), flip rule"),
    (5.4, "regions.explore", "the facet-crossing search for any oracle (`explore`)"),
    (5.4, "regions.subdivide", "layer-wise subdivision of a network (`subdivide`)"),
    (5.5, "regions.parallel", "one network's regions counted in pieces on a Dask cluster, "
                              "exact streamed merge, resumable (`count_regions_parallel`)"),
    (5.6, "regions.api", "front door: `regions`, `count_linear_regions`, "
                         "`count_activation_regions`, routes and modes"),
    (6, "regions", "re-exports of the region engine"),
    # what is computed from regions
    (7, "hoffman.matrix", "Hoffman constants of matrices (PVZ, brute force, bounds)"),
    (8, "hoffman.tropical", "Hoffman constants of tropical maps and networks"),
    (9, "hoffman.radius", "sampling radii: Hoffman radius, exact minimal radius"),
    (10, "hoffman", "re-exports of the Hoffman constants and radii"),
    (7, "sampling", "numerical estimators (exact Jacobians of sampled patterns)"),
    (7, "stats", "region statistics (volumes, centres, edges, gradient jumps)"),
    (7, "plot", "pictures of regions, subdivisions, tropical curves"),
    (7, "exercises", "checked answers of the course worksheets (`check`, `report`)"),
    (7, "lines", "networks along segments and lines: exact breakpoints, linear pieces "
                 "(`along_segments`)"),
    (7, "slices", "planes and lines through data (`plane_through`), counts in a slice, "
                  "local complexity"),
    (8, "slice_plot", "pictures of slices as published: regions, activation boundaries, "
                      "decision boundary, data points (`plot_slice`)"),
    # symmetry
    (11, "symmetry.groups", "finite groups acting linearly on QQ^n, as exact matrices"),
    (12, "symmetry.domains", "fundamental domains: Weyl chambers, Dirichlet domains, walls"),
    (12, "symmetry.library", "invariant networks: DeepSets, symmetrisation"),
    (13, "symmetry.invariance", "exact invariance test with a rational counterexample"),
    (13, "symmetry.estimates", "sampling estimates on the fundamental domain (Algorithm 2)"),
    (14, "symmetry.orbits", "orbits of linear regions; exact counting on a fundamental domain"),
    (15, "symmetry", "re-exports of the symmetry tools"),
    # experiments and the command line
    (16, "experiments", "declarative sweeps (Dask) used by the worksheets (`sweep`)"),
    (16.5, "tracking", "training dynamics: regions, monomials, Hoffman constants over "
                       "checkpoints (`track`)"),
    (17, "cli.common", "the command line's network input, `load_input` and JSON output"),
    (18, "cli.tropicalize", "`sage-tropnet tropicalize`"),
    (18, "cli.evaluate", "`sage-tropnet evaluate`"),
    (18, "cli.regions", "`sage-tropnet regions`"),
    (18, "cli.hoffman", "`sage-tropnet hoffman`"),
    (18, "cli.radius", "`sage-tropnet radius`"),
    (18, "cli.sample", "`sage-tropnet sample`"),
    (18, "cli.sweep", "`sage-tropnet sweep`"),
    (18, "cli.slice", "`sage-tropnet slice`"),
    (18.5, "cli.track", "`sage-tropnet track`"),
    (19, "cli", "the `sage-tropnet` command: `main` and the tuple of commands"),
    (20, "__main__", "`python -m sage_tropnet`"),
    # deprecated import paths (thin re-exports, to be removed)
    (20, "cli_regions", "deprecated: use `sage_tropnet.cli.regions`"),
    (20, "cli_hoffman", "deprecated: use `sage_tropnet.cli.hoffman`, `sage_tropnet.cli.radius`"),
    (20, "cli_sample", "deprecated: use `sage_tropnet.cli.sample`"),
    (20, "cli_sweep", "deprecated: use `sage_tropnet.cli.sweep`"),
)


#: the modules compiled with Cython (their source is a ``.pyx`` file)
COMPILED = ("regions.kernel",)


def modules():
    r"""
    Return the dotted names of the modules, in the order of :data:`MODULES`.

    EXAMPLES::

        sage: from sage_tropnet.misc.layout import modules
        sage: modules()[-1]
        'cli_sweep'
    """
    return [name for _, name, _ in MODULES]


def rank(name):
    r"""
    Return the rank of the module ``name`` (a dotted name relative to the
    package), or ``None`` if it is not listed.

    EXAMPLES::

        sage: from sage_tropnet.misc.layout import rank
        sage: rank("regions.explore"), rank("cli.regions"), rank("nowhere")
        (5.4, 18, None)
    """
    for r, n, _ in MODULES:
        if n == name:
            return r
    return None


def path(name):
    r"""
    Return the path of the module ``name`` relative to the package directory.

    A dotted name is a module file, unless a subpackage of that name exists
    (then its ``__init__.py``): the subpackages are the names that are a
    prefix of another name.

    EXAMPLES::

        sage: from sage_tropnet.misc.layout import path
        sage: path("hoffman.matrix"), path("hoffman"), path("rational")
        ('hoffman/matrix.py', 'hoffman/__init__.py', 'rational.py')
        sage: path("regions.kernel")
        'regions/kernel.pyx'
    """
    if any(n.startswith(name + ".") for _, n, _ in MODULES):
        return name.replace(".", "/") + "/__init__.py"
    if name in COMPILED:
        return name.replace(".", "/") + ".pyx"
    return name.replace(".", "/") + ".py"


def markdown_table():
    r"""
    Return the module table of ``ARCHITECTURE.md`` (Markdown).

    EXAMPLES::

        sage: from sage_tropnet.misc.layout import markdown_table
        sage: print(markdown_table())
        | rank | module | concept |
        |---|---|---|
        | 0 | `misc/layout.py` | this list: ranks and concepts of the modules |
        ...
        | 7 | `hoffman/matrix.py` | Hoffman constants of matrices (PVZ, brute force, bounds) |
        ...
    """
    lines = ["| rank | module | concept |", "|---|---|---|"]
    for r, name, concept in MODULES:
        lines.append("| %s | `%s` | %s |" % (r, path(name), concept))
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown_table())
