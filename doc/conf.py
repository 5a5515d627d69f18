# Sphinx configuration of the sage_tropnet documentation.
#
# Build with ``bash tools/build_docs.sh`` (or, from the repository root,
# ``python -m sphinx -W --keep-going -b html doc doc/_build/html``) in a Python
# that has Sage (passagemath) and the documentation extras:
#
#     pip install -e ".[doc]"      # passagemath-docbuild, furo, sphinx-mathjax-offline
#
# The configuration follows Sage's own reference manual:
# Sage's autodoc (``sage_docbuild.ext.sage_autodoc``), MathJax (shipped with the
# build by ``sphinx-mathjax-offline``, so the pages render without network) with
# Sage's LaTeX macros (``\QQ``, ``\RR``, ...), ``default_role = "math"`` (so `x^2` is math,
# as in Sage docstrings), ``TESTS::`` blocks hidden, ``sage:`` prompts
# highlighted, and ``.. PLOT::`` blocks rendered with ``sphinx_plot``.
#
# Environment variables:
#
# - ``SAGE_SKIP_PLOT_DIRECTIVE=yes`` -- do not run the ``.. PLOT::`` blocks (they
#   become empty); the build is faster and needs no matplotlib
# - ``SAGE_TROPNET_DOC_THEME=alabaster`` -- force a theme (default: furo if
#   installed, else alabaster)
# - ``SAGE_TROPNET_DOC_STRICT=yes`` -- also fail on the known docstring warnings
#   listed in ``KNOWN_DOCSTRING_WARNINGS`` below

import os
import sys

DOC = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(DOC)

# Document the working tree, also when the package is not installed (an
# editable install points here anyway).
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(DOC, "_ext"))

# -- Project information -----------------------------------------------------

project = "sage_tropnet"
author = "sage_tropnet developers"
copyright = "2026, sage_tropnet developers (GPL-2.0-or-later)"

with open(os.path.join(ROOT, "VERSION"), encoding="utf-8") as _f:
    release = _f.read().strip()
version = ".".join(release.split(".")[:2])

# -- Sage --------------------------------------------------------------------

# ``import sage_tropnet`` initialises Sage in the order the package needs
# (``sage.all__sagemath_polyhedra`` first, ``sage.all`` in a classic Sage);
# ``sage.all`` is then imported as in Sage's own conf.py, for sage_autodoc
# (``sage.misc.sageinspect``) and for the code of ``.. PLOT::`` blocks.
import sage_tropnet  # noqa: E402,F401
import sage.all  # noqa: E402,F401

# Regenerate the API stubs (doc/api/*.rst) from the modules present, so that a
# plain ``sphinx-build`` is always complete; tools/build_docs.sh runs the same
# script first. Files are only rewritten when they change.
import importlib.util  # noqa: E402

_spec = importlib.util.spec_from_file_location(
    "make_api_stubs", os.path.join(DOC, "make_api_stubs.py"))
_stubs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_stubs)
_stubs.main(["--quiet"])

# -- General configuration ---------------------------------------------------

extensions = []

# Sage's autodoc: sphinx.ext.autodoc adapted to Sage objects (signatures of
# cached methods, lazy imports, Cython functions, class aliases). It ships with
# passagemath-docbuild and is rebased on Sphinx 8.2.3, the Sphinx that
# passagemath 10.8 installs. Fall back to Sphinx's autodoc when it is missing
# (then ``pip install passagemath-docbuild``); our modules are plain Python, so
# the pages come out the same apart from signatures of Sage-specific objects.
try:
    import sage_docbuild.ext.sage_autodoc  # noqa: F401
    extensions.append("sage_docbuild.ext.sage_autodoc")
    SAGE_AUTODOC = True
except ImportError:
    extensions.append("sphinx.ext.autodoc")
    SAGE_AUTODOC = False

extensions += [
    "sphinx.ext.mathjax",
    "sphinx.ext.todo",      # Sage's ``.. TODO::`` blocks
    "sphinx.ext.extlinks",  # Sage's roles :arxiv:, :doi:, :wikipedia:, :issue:, ...
    "tropnet_cli",          # doc/_ext: the ``sage-tropnet`` reference from its parser
]

# ``.. PLOT::`` blocks: rendered with matplotlib's plot
# directive and a ``sphinx_plot`` function, like Sage's reference manual;
# replaced by a directive that outputs nothing when SAGE_SKIP_PLOT_DIRECTIVE=yes
# or when matplotlib's extension cannot be imported (registered in setup()).
SKIP_PLOTS = os.environ.get("SAGE_SKIP_PLOT_DIRECTIVE", "no") == "yes"
if not SKIP_PLOTS:
    try:
        import matplotlib  # noqa: F401
        import matplotlib.sphinxext.plot_directive  # noqa: F401
    except ImportError:
        SKIP_PLOTS = True
if not SKIP_PLOTS:
    extensions.append("matplotlib.sphinxext.plot_directive")

# No intersphinx: the CI has no network. References to Sage's classes are
# therefore shown as text (the build does not use ``-n``).

master_doc = root_doc = "index"
source_suffix = {".rst": "restructuredtext"}
exclude_patterns = ["_build", "_ext", "Thumbs.db", ".DS_Store"]
templates_path = []

# Sage docstring conventions.
default_role = "math"
add_module_names = False
toc_object_entries_show_parents = "hide"
autodoc_member_order = "bysource"
autoclass_content = "class"  # the ``__init__`` docstrings of Sage classes hold TestSuite calls
autodoc_typehints = "none"

todo_include_todos = True

# Sage's external-link roles (pure URL templates, no network access).
try:
    from sage.misc.sagedoc import extlinks  # noqa: E402
except ImportError:
    extlinks = {}

# -- Highlighting ------------------------------------------------------------

# ``sage:`` / ``....:`` prompts are highlighted as an IPython console, as in
# Sage's manual; plain Python console highlighting if IPython is missing.
try:
    from IPython.lib.lexers import IPythonConsoleLexer
    from sphinx import highlighting

    highlighting.lexers["ipycon"] = IPythonConsoleLexer(
        in1_regex=r"(sage:|>>>)", in2_regex=r"([.][.][.][.]:|[.][.][.])")
    highlight_language = "ipycon"
except ImportError:
    highlight_language = "pycon"
pygments_style = "sphinx"

# -- Math --------------------------------------------------------------------

# MathJax 3 ships with the documentation: the extension ``sphinx-mathjax-offline``
# (the ``doc`` extra; its module name has hyphens) copies MathJax into
# ``_static/mathjax`` and points ``mathjax_path`` there, so the HTML renders
# formulas on a machine without network. Without it Sphinx would load MathJax
# from a CDN: the build then fails (``tools/check_offline_html.py`` also checks
# that the built HTML loads no remote script).
try:
    importlib.import_module("sphinx-mathjax-offline")
except ImportError:
    raise ImportError("the documentation needs the MathJax renderer shipped with it: "
                      "pip install sphinx-mathjax-offline (or pip install -e \".[doc]\")")
extensions.append("sphinx-mathjax-offline")
mathjax_path = "mathjax/tex-chtml.js"

# Sage's LaTeX macros (``\QQ``, ``\RR``, ``\ZZ``, ``\Bold``, ...), which the
# docstrings use as in Sage.
try:
    from sage.misc.latex_macros import sage_mathjax_macros
    _macros = sage_mathjax_macros()
except ImportError:
    _macros = {"Bold": ["{\\mathbf{#1}}", 1], "QQ": "{\\Bold{Q}}",
               "RR": "{\\Bold{R}}", "ZZ": "{\\Bold{Z}}", "NN": "{\\Bold{N}}"}
mathjax3_config = {
    "tex": {
        "macros": _macros,
        "inlineMath": [["\\(", "\\)"]],
    },
}

# -- Plots (``.. PLOT::``) ---------------------------------------------------

# Code run before every ``.. PLOT::`` block: Sage's own ``sphinx_plot``
# (sage_docbuild/conf.py), which draws a Sage Graphics object through
# matplotlib into the figure the plot directive saves.
plot_pre_code = r"""
import os
import locale
locale.setlocale(locale.LC_NUMERIC, 'C')
import sage.all
import sage.plot.graphics
import sage.plot.multigraphics
from sage.all import *

def sphinx_plot(graphics, **kwds):
    import matplotlib.pyplot as plt
    from sage.plot.graphics import _parse_figsize
    options = dict()
    if isinstance(graphics, sage.plot.graphics.Graphics):
        options.update(sage.plot.graphics.Graphics.SHOW_OPTIONS)
        options.update(graphics._extra_kwds)
        options.update(kwds)
    elif isinstance(graphics, sage.plot.multigraphics.MultiGraphics):
        options.update(kwds)
    else:
        import matplotlib.image as mpimg
        from sage.misc.temporary_file import tmp_filename
        fn = tmp_filename(ext=".png")
        graphics.save(fn, **kwds)
        plt.figure()
        plt.imshow(mpimg.imread(fn))
        plt.axis("off")
        return
    dpi = options.pop('dpi', None)
    transparent = options.pop('transparent', None)
    fig_tight = options.pop('fig_tight', None)
    figsize = options.pop('figsize', None)
    if figsize is not None:
        figsize = _parse_figsize(figsize)
    plt.figure(figsize=figsize)
    figure = plt.gcf()
    graphics.matplotlib(figure=figure, figsize=figsize, **options)
    if isinstance(graphics, (sage.plot.graphics.Graphics,
                             sage.plot.multigraphics.GraphicsArray)):
        figure.tight_layout()
    plt.margins(0)
"""
plot_html_show_source_link = False
plot_html_show_formats = False
plot_formats = [("png", 100)]
plot_rcparams = {"figure.max_open_warning": 0}

# -- HTML --------------------------------------------------------------------

_theme = os.environ.get("SAGE_TROPNET_DOC_THEME")
if not _theme:
    try:
        import furo  # noqa: F401
        _theme = "furo"
    except ImportError:
        _theme = "alabaster"
html_theme = _theme
html_title = "sage_tropnet %s" % release
html_static_path = ["_static"]
html_css_files = ["tropnet.css"]
html_last_updated_fmt = None
html_show_sourcelink = False
if html_theme == "furo":
    html_theme_options = {"navigation_with_keys": True}

# -- Known docstring warnings ------------------------------------------------

# Warnings caused by docstrings of modules that doc/ does not own and cannot fix.
# Each entry is (regular expression on the object of the warning's location,
# regular expression on the message). A matching warning is reported as
# "tolerated" and does not fail the ``-W`` build; every other warning does.
# Remove an entry as soon as the module is fixed: entries that match nothing
# are listed at the end of the build. ``SAGE_TROPNET_DOC_STRICT=yes`` ignores
# this list (to check a fix).
KNOWN_DOCSTRING_WARNINGS = []
if os.environ.get("SAGE_TROPNET_DOC_STRICT", "no") == "yes":
    KNOWN_DOCSTRING_WARNINGS = []


class _KnownWarningFilter:
    r"""
    A logging filter, placed first on Sphinx's warning handler, that turns the
    warnings listed in ``KNOWN_DOCSTRING_WARNINGS`` into notes.
    """

    def __init__(self, known):
        import re
        self.known = [(re.compile(loc), re.compile(msg)) for loc, msg in known]
        self.hits = [0] * len(self.known)
        self.seen = []

    def filter(self, record):
        import logging
        if record.levelno < logging.WARNING:
            return True
        try:
            message = record.getMessage()
        except Exception:
            message = str(record.msg)
        location = str(getattr(record, "location", "") or "")
        for k, (loc, msg) in enumerate(self.known):
            if loc.search(location) and msg.search(message):
                self.hits[k] += 1
                self.seen.append("%s: %s" % (location, message))
                return False
        return True


_known_filter = _KnownWarningFilter(KNOWN_DOCSTRING_WARNINGS)


def _note_full_read(app, env, docnames):
    _known_filter.full_read = set(docnames) >= set(env.found_docs)


def _report_known_warnings(app, exception):
    from sphinx.util import logging as sphinx_logging
    logger = sphinx_logging.getLogger("sage_tropnet.doc")
    for line in _known_filter.seen:
        logger.info("tolerated known docstring warning (fix it in the module): %s", line)
    if getattr(_known_filter, "full_read", False):  # else unchanged pages were not re-read
        for (loc, msg), hits in zip(_known_filter.known, _known_filter.hits):
            if not hits:
                logger.info("KNOWN_DOCSTRING_WARNINGS entry matched nothing, remove it "
                            "from doc/conf.py: %s / %s", loc.pattern, msg.pattern)


def _install_known_warning_filter():
    import logging
    from sphinx.util.logging import NAMESPACE, WarningStreamHandler
    for handler in logging.getLogger(NAMESPACE).handlers:
        if isinstance(handler, WarningStreamHandler) and _known_filter not in handler.filters:
            handler.filters.insert(0, _known_filter)


# -- Sage's docstring processing ---------------------------------------------


class _AnyOptions(dict):
    r"""An ``option_spec`` accepting every option (for the no-op PLOT directive)."""

    def __contains__(self, key):
        return True

    def __getitem__(self, key):
        return lambda arg: arg


def _sage_docstring_hooks():
    r"""
    Return the ``autodoc-process-docstring`` handlers of Sage's doc build that
    this Sage provides, in Sage's order.

    ``skip_TESTS_block`` is the Sphinx-event version from
    ``sage.misc.sagedoc_conf``; the one in ``sage.misc.sagedoc`` takes a string
    and must not be connected.
    """
    names = ["process_docstring_cython", "process_directives",
             "process_docstring_module_title", "process_dollars", "process_inherited",
             "process_docstring_aliases", "skip_TESTS_block"]
    try:
        import sage.misc.sagedoc_conf as sdc
    except ImportError:
        return []
    return [getattr(sdc, n) for n in names if hasattr(sdc, n)]


def _skip_member(app, what, name, obj, skip, options):
    r"""
    Skip members that are only names of other modules' objects (Sage's
    ``skip_member``: builtins, nested-class pickling aliases).
    """
    if getattr(obj, "__module__", None) in ("__builtin__", "builtins"):
        return True
    objname = getattr(obj, "__name__", None)
    if objname is not None and "." in name and "." in objname:
        if objname.split(".")[-1] == name.split(".")[-1]:
            return True
    return skip


def setup(app):
    from sphinx.util import logging as sphinx_logging
    sphinx_logging.getLogger("sage_tropnet.doc").info(
        "sage_tropnet %s docs: autodoc = %s, .. PLOT:: %s", release,
        "sage_docbuild.ext.sage_autodoc" if SAGE_AUTODOC else "sphinx.ext.autodoc (fallback)",
        "skipped" if SKIP_PLOTS else "rendered")
    _install_known_warning_filter()
    # MathJax on every page, not only on pages with formulas: titles in the
    # navigation (e.g. "Exact polyhedra over `\QQ`") are formulas on every page
    app.set_html_assets_policy("always")
    app.connect("env-before-read-docs", _note_full_read)
    app.connect("build-finished", _report_known_warnings)
    for hook in _sage_docstring_hooks():
        app.connect("autodoc-process-docstring", hook)
    app.connect("autodoc-skip-member", _skip_member)
    try:
        from sage.misc.sagedoc_conf import SagemathTransform
        app.add_transform(SagemathTransform)  # ``sage:`` blocks: IPython lexer, no <BLANKLINE>
    except ImportError:
        pass
    if SKIP_PLOTS:
        from sphinx.util.docutils import SphinxDirective

        class NoPlot(SphinxDirective):
            r"""``.. PLOT::`` that outputs nothing (SAGE_SKIP_PLOT_DIRECTIVE=yes)."""
            has_content = True
            optional_arguments = 1
            final_argument_whitespace = True
            option_spec = _AnyOptions()  # accept and ignore any option

            def run(self):
                return []

        app.add_directive("plot", NoPlot, override=True)
    return {"parallel_read_safe": True}
