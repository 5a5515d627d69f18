# Environment in which ``sage -t`` runs the doctests of sage_tropnet.
from sage.all__sagemath_polyhedra import *  # noqa: F401,F403
