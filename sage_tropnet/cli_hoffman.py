r"""
Former module of the ``sage-tropnet hoffman`` and ``sage-tropnet radius`` commands (deprecated)

Deprecated: this was the module of the command before the command line became
the package :mod:`sage_tropnet.cli` (one module per command); its names are
re-exported here for one release. Use :mod:`sage_tropnet.cli.hoffman`, :mod:`sage_tropnet.cli.radius` and
:mod:`sage_tropnet.cli.common` instead.

EXAMPLES::

    sage: from sage_tropnet.cli_hoffman import load_matrix, run_hoffman, run_radius
    sage: import sage_tropnet.cli.hoffman as H
    sage: run_hoffman is H.run
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

from sage_tropnet.cli.common import load_matrix  # noqa: F401
from sage_tropnet.cli.hoffman import add_arguments as configure_hoffman  # noqa: F401
from sage_tropnet.cli.hoffman import run as run_hoffman  # noqa: F401
from sage_tropnet.cli.radius import add_arguments as configure_radius  # noqa: F401
from sage_tropnet.cli.radius import run as run_radius  # noqa: F401


def register():
    r"""
    Do nothing: the command is registered by :mod:`sage_tropnet.cli` itself
    (kept for one release; it used to register the command).

    EXAMPLES::

        sage: from sage_tropnet.cli_hoffman import register
        sage: register()
        sage: from sage_tropnet.cli import SUBCOMMANDS
        sage: "hoffman" in SUBCOMMANDS and "radius" in SUBCOMMANDS
        True
    """
