#!/usr/bin/env bash
# Build the HTML documentation of sage_tropnet into doc/_build/html.
#
# Run from anywhere with the Python that has Sage (passagemath) and the doc
# extra, i.e. after
#     pip install -e ".[passagemath,doc]"
# (passagemath-docbuild, furo, sphinx-mathjax-offline).
# Steps: regenerate the API stubs (doc/api/*.rst) from the modules present,
# check that every citation key used in a docstring or page is defined in
# doc/references.rst, run Sphinx with warnings as errors, then check that the
# HTML loads no remote resource (MathJax is shipped in _static/mathjax, so the
# pages render formulas without network).
#
# Extra arguments are passed on to Sphinx (e.g. ``-E`` for a clean build,
# ``-j auto``). Environment: PYTHON (default: python), SPHINXOPTS (more options),
# SAGE_SKIP_PLOT_DIRECTIVE=yes (do not render the ``.. PLOT::`` blocks).
# Exits non-zero if a step fails or Sphinx reports a warning.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python}"
export MPLBACKEND=Agg

echo "== API stubs =="
"$PYTHON" doc/make_api_stubs.py

echo "== citation keys =="
"$PYTHON" doc/check_citations.py

echo "== sphinx =="
start=$(date +%s)
# shellcheck disable=SC2086
"$PYTHON" -m sphinx -W --keep-going -b html ${SPHINXOPTS:-} "$@" doc doc/_build/html
echo "== documentation built in $(( $(date +%s) - start )) s: doc/_build/html/index.html =="

echo "== offline check (no remote script) =="
"$PYTHON" tools/check_offline_html.py doc/_build/html
