"""Package-level checks: the module list, one-way data flow, no import cycle,
no cross-module use of private names, a doctest for every public name, import time.

The module list is ``sage_tropnet/misc/layout.py`` (one line per module with
its rank and concept); everything here is generated from it.
"""
import ast
import importlib
import importlib.util
import inspect
import os
import re
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir))
PKG = os.path.join(ROOT, "sage_tropnet")
PACKAGE = "sage_tropnet"

#: the name of the package itself (``sage_tropnet/__init__.py``) in the import graph
TOP = "__init__"


def _load_layout():
    # read the module list without importing the package (it imports nothing)
    spec = importlib.util.spec_from_file_location("_layout", os.path.join(PKG, "misc", "layout.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


LAYOUT = _load_layout()
MODULES = LAYOUT.modules()
COMPILED = LAYOUT.COMPILED
RANK = {name: rank for rank, name, _ in LAYOUT.MODULES}

#: Cross-module uses of private names (``from sage_tropnet.M import _x`` or
#: ``M._x`` outside ``M``) that remain, as ``(file, module, name)``; remove
#: the entries as they go (an entry that is no longer used fails
#: :func:`test_allowlist_is_not_stale`).
UNDERSCORE_ALLOWLIST = set()

#: directories outside the package whose Python files are checked too
OTHER_DIRS = ("tests", "tools", "benchmarks", "doc")


# ---------------------------------------------------------------------------
# reading the sources
# ---------------------------------------------------------------------------

def _module_of_path(path):
    r"""
    Return the dotted name (relative to the package) of the module in ``path``.
    """
    rel = os.path.relpath(path, PKG).rsplit(".", 1)[0].replace(os.sep, ".")
    if rel == "__init__":
        return TOP
    if rel.endswith(".__init__"):
        return rel[:-len(".__init__")]
    return rel


def _package_files(compiled=False):
    r"""
    Yield the Python files of the package (and the Cython sources if
    ``compiled``: those are not parsed by :mod:`ast`).
    """
    for dirpath, dirnames, filenames in os.walk(PKG):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "__pycache__")))
        for f in sorted(filenames):
            if f.endswith(".py") or (compiled and f.endswith(".pyx")):
                yield os.path.join(dirpath, f)


def _other_files():
    for d in OTHER_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(ROOT, d)):
            dirnames[:] = sorted(x for x in dirnames
                                 if not x.startswith((".", "_build", "__pycache__")))
            for f in sorted(filenames):
                if f.endswith(".py"):
                    yield os.path.join(dirpath, f)


def _tree(path):
    with open(path, encoding="utf-8") as f:
        return ast.parse(f.read(), filename=path)


def _target(module, name=None):
    r"""
    Return the package module (dotted, relative) that ``from module import
    name`` (or ``import module``) uses, or ``None`` outside the package.
    """
    if module == PACKAGE:
        rel = None
    elif module.startswith(PACKAGE + "."):
        rel = module[len(PACKAGE) + 1:]
    else:
        return None
    if name is not None:
        sub = name if rel is None else rel + "." + name
        if sub in RANK:
            return sub  # a submodule
    return TOP if rel is None else rel


def _imports(tree):
    r"""
    Yield ``(target module, imported name or None, node)`` for every import of
    the package in ``tree``: ``import``, ``from ... import`` (at any depth)
    and ``lazy_import("module", [names])``.
    """
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for a in node.names:
                t = _target(node.module, a.name)
                if t is not None:
                    yield t, a.name, node
        elif isinstance(node, ast.Import):
            for a in node.names:
                t = _target(a.name)
                if t is not None:
                    yield t, None, node
        elif (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "lazy_import"
              and node.args and isinstance(node.args[0], ast.Constant)):
            names = []
            if len(node.args) > 1:
                try:
                    names = ast.literal_eval(node.args[1])
                except ValueError:
                    names = []
            if isinstance(names, str):
                names = [names]
            for name in names:
                t = _target(node.args[0].value, name)
                if t is not None:
                    yield t, name, node


def _import_graph():
    graph = {}
    for path in _package_files():
        me = _module_of_path(path)
        graph[me] = sorted({t for t, _, _ in _imports(_tree(path)) if t != me})
    return graph


# ---------------------------------------------------------------------------
# the module list
# ---------------------------------------------------------------------------

def test_module_list_matches_the_files():
    files = {_module_of_path(p) for p in _package_files(compiled=True)} - {TOP}
    listed = set(MODULES)
    assert len(listed) == len(MODULES), "a module is listed twice in misc/layout.py"
    missing = sorted(files - listed)
    stale = sorted(listed - files)
    assert not missing, "add these modules to sage_tropnet/misc/layout.py: %s" % missing
    assert not stale, "these modules of sage_tropnet/misc/layout.py do not exist: %s" % stale
    for name in MODULES:
        assert os.path.exists(os.path.join(PKG, LAYOUT.path(name))), name


def test_architecture_module_table_agrees_with_the_layout():
    with open(os.path.join(ROOT, "ARCHITECTURE.md"), encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"<!-- module table: begin .*?-->\n(.*?)\n<!-- module table: end -->",
                  text, re.S)
    assert m, "ARCHITECTURE.md has no module table between the markers"
    assert m.group(1).strip() == LAYOUT.markdown_table(), \
        "ARCHITECTURE.md is out of date: paste the output of python sage_tropnet/misc/layout.py"


def test_api_stubs_follow_the_layout():
    out = subprocess.run([sys.executable, os.path.join(ROOT, "doc", "make_api_stubs.py"),
                          "--list"], capture_output=True, text=True, check=True).stdout.split()
    assert out == [PACKAGE + "." + m for m in MODULES if m != "__main__"]


# ---------------------------------------------------------------------------
# the import graph
# ---------------------------------------------------------------------------

def test_data_flows_one_way():
    bad = []
    for me, others in sorted(_import_graph().items()):
        for other in others:
            if other == TOP or RANK[other] >= RANK.get(me, float("inf")):
                bad.append("%s (rank %s) imports %s (rank %s)"
                           % (me, RANK.get(me), other, RANK.get(other, "package")))
    assert not bad, bad


def test_no_import_cycles():
    graph = _import_graph()
    state = {}
    cycles = []

    def visit(node, stack):
        state[node] = 1
        stack.append(node)
        for nxt in graph.get(node, ()):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, stack)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    assert not cycles, ["  ->  ".join(c) for c in cycles]


# ---------------------------------------------------------------------------
# private names
# ---------------------------------------------------------------------------

def _is_private(name):
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


_DOCTEST_IMPORT = re.compile(r"(?:sage:|\.\.\.\.:|>>>)\s+from\s+(sage_tropnet[\w.]*)\s+import\s+"
                             r"\(?([\w\s,\\]+)")


def _private_uses(path):
    r"""
    Yield ``(module, name)`` for every use, in ``path``, of a private name of
    another module of the package: imports (also in doctests) and attributes
    of imported modules.
    """
    tree = _tree(path)
    me = _module_of_path(path) if path.startswith(PKG + os.sep) else None
    for target, name, _ in _imports(tree):
        if name is not None and _is_private(name) and target != me:
            yield target, name
    # the names bound to modules of the package
    aliases = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                t = _target(a.name)
                if t is None:
                    continue
                if a.asname:
                    aliases[a.asname] = t
                else:
                    aliases[PACKAGE] = TOP
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for a in node.names:
                t = _target(node.module, a.name)
                if t is not None and t != TOP and (t == a.name or t.endswith("." + a.name)):
                    aliases[a.asname or a.name] = t

    def resolve(expr):
        if isinstance(expr, ast.Name):
            return aliases.get(expr.id)
        if isinstance(expr, ast.Attribute):
            base = resolve(expr.value)
            if base is not None:
                sub = expr.attr if base == TOP else base + "." + expr.attr
                return sub if sub in RANK else None
        return None

    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _is_private(node.attr):
            target = resolve(node.value)
            if target is not None and target != me:
                yield target, node.attr
    # doctests
    with open(path, encoding="utf-8") as f:
        source = f.read()
    for m in _DOCTEST_IMPORT.finditer(source):
        target = _target(m.group(1))
        for name in re.split(r"[\s,\\()]+", m.group(2)):
            name = name.split(" as ")[0]
            if name and _is_private(name) and target != me:
                yield target, name


def _all_private_uses():
    uses = set()
    for path in list(_package_files()) + list(_other_files()):
        rel = os.path.relpath(path, ROOT).replace(os.sep, "/")
        for target, name in _private_uses(path):
            uses.add((rel, target, name))
    return uses


def test_no_cross_module_underscore_imports():
    bad = sorted(_all_private_uses() - UNDERSCORE_ALLOWLIST)
    assert not bad, "private names used outside their module (make them public): %s" % bad


def test_allowlist_is_not_stale():
    stale = sorted(UNDERSCORE_ALLOWLIST - _all_private_uses())
    assert not stale, "remove these entries from UNDERSCORE_ALLOWLIST: %s" % stale


# ---------------------------------------------------------------------------
# import time and doctests
# ---------------------------------------------------------------------------

def test_import_time_under_3_seconds():
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import sage_tropnet"], check=True)
    assert time.perf_counter() - t < 3.0


def test_public_api():
    import sage_tropnet
    for name in sage_tropnet.__all__:
        obj = getattr(sage_tropnet, name)
        assert obj.__doc__ and "EXAMPLES" in obj.__doc__, name


def _public_callables():
    for name in MODULES:
        mod = importlib.import_module(PACKAGE + "." + name)
        assert mod.__doc__ and "EXAMPLES" in mod.__doc__, "module %s has no EXAMPLES" % name
        for attr, obj in vars(mod).items():
            if attr.startswith("_") or getattr(obj, "__module__", None) != mod.__name__:
                continue
            if inspect.isfunction(obj) or (inspect.isroutine(obj) and name in COMPILED):
                yield "%s.%s" % (name, attr), obj
            elif inspect.isclass(obj):
                yield "%s.%s" % (name, attr), obj
                for mname, meth in vars(obj).items():
                    if mname.startswith("_"):
                        continue
                    if inspect.isfunction(meth) or (inspect.isroutine(meth) and name in COMPILED):
                        yield "%s.%s.%s" % (name, attr, mname), meth


def test_every_public_name_has_a_doctest():
    names = list(_public_callables())
    assert len(names) > 200
    missing = [name for name, obj in names if not (obj.__doc__ and "sage: " in obj.__doc__)]
    assert not missing, missing


def test_compiled_modules_import_nothing_of_the_package():
    for name in COMPILED:
        with open(os.path.join(PKG, LAYOUT.path(name)), encoding="utf-8") as f:
            source = f.read()
        assert not re.search(r"^\s*(from|import)\s+" + PACKAGE, source, re.M), name
