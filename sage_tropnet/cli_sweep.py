r"""
Former module of the ``sage-tropnet sweep`` command (deprecated)

Deprecated: this was the module of the command before the command line became
the package :mod:`sage_tropnet.cli` (one module per command); its names are
re-exported here for one release. Use :mod:`sage_tropnet.cli.sweep` instead.

EXAMPLES::

    sage: from sage_tropnet.cli_sweep import configure_sweep, run_sweep, SHOWN_COLUMNS
    sage: import sage_tropnet.cli.sweep as S
    sage: run_sweep is S.run
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

from sage_tropnet.cli.sweep import SHOWN_COLUMNS  # noqa: F401
from sage_tropnet.cli.sweep import add_arguments as configure_sweep  # noqa: F401
from sage_tropnet.cli.sweep import run as run_sweep  # noqa: F401


def register():
    r"""
    Do nothing: the command is registered by :mod:`sage_tropnet.cli` itself
    (kept for one release; it used to register the command).

    EXAMPLES::

        sage: from sage_tropnet.cli_sweep import register
        sage: register()
        sage: from sage_tropnet.cli import SUBCOMMANDS
        sage: "sweep" in SUBCOMMANDS
        True
    """
