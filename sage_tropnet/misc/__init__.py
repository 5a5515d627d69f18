r"""
Shared primitives of ``sage_tropnet``

The one home of the small exact tools that several parts of the package need
(as ``misc/`` in Sage and in surface_dynamics). Each lives in its own module
and is re-exported here:

- :mod:`~sage_tropnet.misc.polyhedra` -- :func:`polyhedron`,
  :func:`box_inequalities`, :func:`float_constraints`, :func:`relint_point`,
  :data:`FLOAT_MARGIN`;
- :mod:`~sage_tropnet.misc.linear_algebra` -- :func:`primitive_row`,
  :func:`integer_determinant`, :func:`integer_adjugate`;
- :mod:`~sage_tropnet.misc.union_find` -- :class:`UnionFind`;
- :mod:`~sage_tropnet.misc.formatting` -- :func:`json_number`;
- :mod:`~sage_tropnet.misc.inputs` -- :func:`input_dimension`,
  :func:`is_network`, :func:`default_route`, :func:`as_list`,
  :func:`is_exact_mode`, :func:`as_seed`;
- :mod:`~sage_tropnet.misc.files` -- :func:`read_npy`, :class:`NpzReader`,
  :func:`read_text`, :func:`atomic_write`, :func:`atomic_path`,
  :func:`check_output_path`, :data:`MAX_ARRAY_ENTRIES`;
- :mod:`~sage_tropnet.misc.layout` -- the module list of the package.

Converting floats to exact rationals is the job of
:func:`sage_tropnet.rational.to_rational`.

EXAMPLES::

    sage: from sage_tropnet.misc import polyhedron, box_inequalities, primitive_row
    sage: P = polyhedron(box_inequalities(1, 1), 1); sorted(P.vertices_list())
    [[-1], [1]]
    sage: primitive_row([2/3, -4/3])
    (1, -2)

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

from sage_tropnet.misc.polyhedra import (FLOAT_MARGIN, polyhedron, box_inequalities,  # noqa: F401
                                         float_constraints, relint_point)
from sage_tropnet.misc.linear_algebra import (primitive_row, integer_determinant,  # noqa: F401
                                              integer_adjugate)
from sage_tropnet.misc.union_find import UnionFind  # noqa: F401
from sage_tropnet.misc.formatting import json_number  # noqa: F401
from sage_tropnet.misc.files import (MAX_ARRAY_ENTRIES, MAX_TEXT_BYTES,  # noqa: F401
                                     FileContentError, read_npy, NpzReader, read_text,
                                     parse_json, parse_toml, atomic_write, atomic_path,
                                     remove_partial_files, check_output_path)
from sage_tropnet.misc.inputs import (MODES, is_exact_mode, as_list, input_dimension,  # noqa: F401
                                      is_network, default_route, as_seed)
