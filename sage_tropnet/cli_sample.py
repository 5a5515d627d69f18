r"""
Former module of the ``sage-tropnet sample`` command (deprecated)

Deprecated: this was the module of the command before the command line became
the package :mod:`sage_tropnet.cli` (one module per command); its names are
re-exported here for one release. Use :mod:`sage_tropnet.cli.sample` instead.

EXAMPLES::

    sage: from sage_tropnet.cli_sample import configure_sample, run_sample
    sage: import sage_tropnet.cli.sample as S
    sage: run_sample is S.run
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

from sage_tropnet.cli.sample import add_arguments as configure_sample  # noqa: F401
from sage_tropnet.cli.sample import run as run_sample  # noqa: F401


def register():
    r"""
    Do nothing: the command is registered by :mod:`sage_tropnet.cli` itself
    (kept for one release; it used to register the command).

    EXAMPLES::

        sage: from sage_tropnet.cli_sample import register
        sage: register()
        sage: from sage_tropnet.cli import SUBCOMMANDS
        sage: "sample" in SUBCOMMANDS
        True
    """
