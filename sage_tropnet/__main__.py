r"""
Entry point of ``python -m sage_tropnet``

Runs the ``sage-tropnet`` command line, see :mod:`sage_tropnet.cli`.

EXAMPLES::

    sage: from sage_tropnet.__main__ import main
    sage: main(["--version"])
    sage-tropnet ... (passagemath ...)
    0

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

import sys

from sage_tropnet.cli import main

if __name__ == "__main__":
    sys.exit(main())
