r"""
Former module of the ``sage-tropnet regions`` command (deprecated)

Deprecated: this was the module of the command before the command line became
the package :mod:`sage_tropnet.cli` (one module per command); its names are
re-exported here for one release. Use :mod:`sage_tropnet.cli.regions` and :mod:`sage_tropnet.cli.common` instead.

EXAMPLES::

    sage: from sage_tropnet.cli_regions import load_tropical_map, configure_regions, run_regions
    sage: import sage_tropnet.cli.regions as R
    sage: configure_regions is R.add_arguments and run_regions is R.run
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

from sage_tropnet.cli.common import load_input as _load_input_of_kinds
from sage_tropnet.cli.common import load_tropical_map  # noqa: F401
from sage_tropnet.cli.regions import KINDS
from sage_tropnet.cli.regions import add_arguments as configure_regions  # noqa: F401
from sage_tropnet.cli.regions import run as run_regions  # noqa: F401


def load_input(args):
    r"""
    Return the network or tropical map named by ``args.input``: see
    :func:`sage_tropnet.cli.common.load_input`.

    EXAMPLES::

        sage: import argparse
        sage: from sage_tropnet.cli_regions import load_input
        sage: import numpy as np
        sage: f = tmp_filename(ext=".npz")
        sage: np.savez(f, W0=np.ones((3, 2)), b0=np.zeros(3), W1=np.ones((1, 3)), b1=np.zeros(1))
        sage: load_input(argparse.Namespace(input=f, digits=None,
        ....:     max_denominator=None, output_activation="linear"))
        ReLU network [2, 3, 1] (output activation: linear)
    """
    return _load_input_of_kinds(args, KINDS)


def register():
    r"""
    Do nothing: the command is registered by :mod:`sage_tropnet.cli` itself
    (kept for one release; it used to register the command).

    EXAMPLES::

        sage: from sage_tropnet.cli_regions import register
        sage: register()
        sage: from sage_tropnet.cli import SUBCOMMANDS
        sage: "regions" in SUBCOMMANDS
        True
    """
