#!/usr/bin/env bash
# The test command of sage_tropnet: Sage doctests of every module and of the
# tutorial, the worksheets (nbmake, kernel sagemath), then pytest. pytest runs
# last so that its summary line closes the output.
#
# The worksheets run with figures on (no MPLBACKEND=Agg, which would swallow
# matplotlib's pictures) on a copy of worksheets/ and examples/, saved with
# their outputs (nbmake --overwrite); tests/test_worksheets.py then checks
# that every figure cell of the executed copies produced a picture and that
# every exercise of the course (worksheets/course/solutions/, the versions
# with the solutions filled in) was checked right. The student versions of the
# course are made from the solutions (tools/make_course.py) and are not run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
echo "== Sage doctests (sage -t) =="
MPLBACKEND=Agg PYTHONPATH=. sage -t --force-lib --long --environment=_doctest_environment \
    sage_tropnet/ doc/tutorial.rst doc/index.rst
EXECUTED="$(mktemp -d)"
trap 'rm -rf "$EXECUTED"' EXIT
if ls worksheets/*.ipynb >/dev/null 2>&1; then
    echo "== worksheets (nbmake, figures on) =="
    cp -r worksheets examples "$EXECUTED/"
    rm -f "$EXECUTED"/worksheets/course/*.ipynb          # the student versions
    start=$(date +%s)
    # the kernel imports this checkout's package
    (unset MPLBACKEND; cd "$EXECUTED" && \
     PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}" python -m pytest -q -p no:cacheprovider \
        --nbmake --nbmake-kernel=sagemath --nbmake-timeout=600 --overwrite \
        worksheets/*.ipynb worksheets/course/solutions/*.ipynb)
    echo "== worksheets ran in $(( $(date +%s) - start )) s =="
fi
echo "== pytest =="
export MPLBACKEND=Agg
SAGE_TROPNET_EXECUTED_WORKSHEETS="$EXECUTED/worksheets" python -m pytest -q tests/ "$@"
