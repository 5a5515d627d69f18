#!/usr/bin/env bash
# The test command of sage_tropnet: Sage doctests of every module, then pytest.
# pytest runs last so that its summary line closes the output.
set -euo pipefail
cd "$(dirname "$0")/.."
export MPLBACKEND=Agg
echo "== Sage doctests (sage -t) =="
PYTHONPATH=. sage -t --force-lib --long --environment=_doctest_environment sage_tropnet/
echo "== pytest =="
python -m pytest -q tests/ "$@"
