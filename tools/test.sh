#!/usr/bin/env bash
# The test command of sage_tropnet: Sage doctests of every module and of the
# tutorial, the worksheets (nbmake, kernel sagemath), then pytest. pytest runs
# last so that its summary line closes the output.
set -euo pipefail
cd "$(dirname "$0")/.."
export MPLBACKEND=Agg
echo "== Sage doctests (sage -t) =="
PYTHONPATH=. sage -t --force-lib --long --environment=_doctest_environment sage_tropnet/ \
    doc/tutorial.rst doc/index.rst
if ls worksheets/*.ipynb >/dev/null 2>&1; then
    echo "== worksheets (nbmake) =="
    python -m pytest -q -p no:cacheprovider --nbmake --nbmake-kernel=sagemath \
        --nbmake-timeout=600 worksheets/
fi
echo "== pytest =="
python -m pytest -q tests/ "$@"
