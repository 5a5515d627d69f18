"""Package-level checks: import time, one-way data flow between modules."""
import ast
import os
import subprocess
import sys
import time

PKG = os.path.join(os.path.dirname(__file__), os.pardir, "sage_tropnet")

#: data flows one way: a module may import only modules of a lower rank
RANK = {
    "rational": 0, "hull": 0, "lp": 0, "bounds": 0,
    "puiseux": 1,
    "network": 2,
    "adapters": 3, "geometry": 3,
    "float_regions": 4, "certify": 4.5,
    "regions": 5,
    "hoffman": 6, "sampling": 6, "stats": 6, "plot": 6,
    "symmetry": 7,
    "experiments": 8,
    "cli": 9, "cli_regions": 9, "cli_hoffman": 9, "cli_sample": 9, "cli_sweep": 9, "__main__": 10,
}


def _imports(path):
    tree = ast.parse(open(path).read())
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "sage_tropnet":
                for a in node.names:
                    yield a.name
            elif node.module.startswith("sage_tropnet."):
                yield node.module.split(".")[1]


def test_every_module_has_a_rank():
    mods = [f[:-3] for f in os.listdir(PKG) if f.endswith(".py") and f != "__init__.py"]
    missing = [m for m in mods if m not in RANK]
    assert not missing, "add these modules to RANK (and to ARCHITECTURE.md): %s" % missing


def test_data_flows_one_way():
    bad = []
    for f in os.listdir(PKG):
        if not f.endswith(".py") or f == "__init__.py":
            continue
        me = f[:-3]
        for other in _imports(os.path.join(PKG, f)):
            if other == me:
                continue
            same_layer_cli = me.startswith("cli") and other.startswith("cli")
            if RANK.get(other, 99) >= RANK[me] and not same_layer_cli:
                bad.append("%s imports %s" % (me, other))
    assert not bad, bad


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
    import importlib
    import inspect
    for f in sorted(os.listdir(PKG)):
        if not f.endswith(".py") or f.startswith("_"):
            continue
        mod = importlib.import_module("sage_tropnet." + f[:-3])
        assert mod.__doc__ and "EXAMPLES" in mod.__doc__, "module %s has no EXAMPLES" % f
        for name, obj in vars(mod).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != mod.__name__:
                continue
            if inspect.isfunction(obj):
                yield "%s.%s" % (f, name), obj
            elif inspect.isclass(obj):
                yield "%s.%s" % (f, name), obj
                for mname, meth in vars(obj).items():
                    if mname.startswith("_") or not inspect.isfunction(meth):
                        continue
                    yield "%s.%s.%s" % (f, name, mname), meth


def test_every_public_callable_has_a_doctest():
    missing = [name for name, obj in _public_callables()
               if not (obj.__doc__ and "sage: " in obj.__doc__)]
    assert not missing, missing
