r"""
sage_tropnet: tropical geometry of ReLU neural networks

Sage must be initialised before any deep Sage module is imported, so this
file imports ``sage.all__sagemath_polyhedra`` first.
"""
try:
    import sage.all__sagemath_polyhedra  # noqa: F401
except ImportError:  # pragma: no cover - a classic Sage install
    import sage.all  # noqa: F401
