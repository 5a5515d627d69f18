"""Hostile inputs (issue 14): no traceback ever, exact never silently lost, safe files,
bounded cost.

Every refusal is checked the same way (:func:`refused`): exit code 2 (130 for
Ctrl-C), one line ``sage-tropnet: error: ...`` on stderr naming the file, key,
layer or option, nothing on stdout, and no file left behind in the working
directory. Most commands run in this process through ``cli.main``; what needs
a real process (signals, a closed or full standard output) runs
``python -m sage_tropnet``. No test depends on timing.
"""
import io
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from sage.rings.integer import Integer
from sage.rings.rational_field import QQ

from sage_tropnet.adapters import WeightsError, from_numpy, load_network
from sage_tropnet.cli import main
from sage_tropnet.cli.common import count, rational_number
from sage_tropnet.experiments import (MAX_TASKS, Sweep, parts_directory, read_part,
                                      read_results, sweep)
from sage_tropnet.hoffman import (hoffman_constant, minimal_radius, sampling_radius,
                                  tropical_hoffman_constant)
from sage_tropnet.misc.files import MAX_ARRAY_ENTRIES
from sage_tropnet.network import ReLUNetwork, TropicalizationTooLarge, random_network

ROOT = Path(__file__).resolve().parent.parent
T3 = str(ROOT / "examples" / "t3_unit.npz")
ENV = dict(os.environ, PYTHONPATH=str(ROOT), MPLBACKEND="Agg")

SETTINGS = settings(max_examples=25, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

def files(d):
    return sorted(str(p.relative_to(d)) for p in Path(d).rglob("*"))


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def refused(capsys, workdir, *argv, names=(), code=2):
    """Run the command: it must be refused cleanly; return the error line."""
    before = files(workdir)
    got, out, err = run(capsys, *argv)
    assert got == code, (argv, got, err)
    assert out == "", out
    assert err.count("\n") == 1 and err.startswith("sage-tropnet: "), err
    for n in names:
        assert str(n) in err, (n, err)
    assert files(workdir) == before, "files left behind"
    return err


def ok(capsys, *argv):
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    return out, err


def ok_json(capsys, *argv):
    out, err = ok(capsys, *argv, "--json")
    assert out.count("\n") == 1
    return json.loads(out)


def cli(*argv, **kw):
    """Run ``python -m sage_tropnet``; return (code, stdout, stderr)."""
    p = subprocess.run([sys.executable, "-m", "sage_tropnet"] + [str(a) for a in argv],
                       capture_output=True, text=True, env=ENV, **kw)
    return p.returncode, p.stdout, p.stderr


def save_net(path, layers):
    d = {}
    for i, (W, b) in enumerate(layers):
        d["W%d" % i], d["b%d" % i] = np.asarray(W, dtype=float), np.asarray(b, dtype=float)
    np.savez(path, **d)
    return str(path)


def npy_header(shape, descr="<f8"):
    buf = io.BytesIO()
    np.lib.format.write_array_header_1_0(buf, {"descr": descr, "fortran_order": False,
                                               "shape": shape})
    return buf.getvalue()


# ---------------------------------------------------------------------------
# security and data: sweeps
# ---------------------------------------------------------------------------

SPEC = {"architectures": [[2, 3, 1]], "seeds": 2, "methods": ["bounds", "tropical"]}


def write_toml(path, text):
    path.write_text(text)
    return str(path)


def test_sweep_never_writes_through_a_planted_link(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    out = tmp_path / "r.csv"
    os.symlink(victim, out)                                 # planted at the table
    sweep(SPEC, scheduler="serial", out=out, progress=False)
    assert victim.read_text() == "precious" and not out.is_symlink()
    parts = Path(parts_directory(out))
    part = sorted(parts.iterdir())[0]
    part.unlink()
    os.symlink(victim, part)                                # planted at a part
    df = sweep(SPEC, scheduler="serial", out=out, progress=False)
    assert victim.read_text() == "precious" and not part.is_symlink()
    assert df.attrs["rejected"] == 1 and df.attrs["computed"] == 1
    assert not [p for p in parts.iterdir() if p.name.startswith(".")]   # no temporary file


def test_sweep_refuses_a_foreign_parts_directory(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    toml = write_toml(tmp_path / "s.toml", 'architectures = [[2, 3, 1]]\nmethods = ["bounds"]\n')
    (tmp_path / "r.csv.parts").mkdir()
    (tmp_path / "r.csv.parts" / "notes.txt").write_text("mine")
    refused(capsys, tmp_path, "sweep", toml, "--scheduler", "serial", "--out", "r.csv",
            names=("r.csv.parts", "notes.txt", "not made by a sweep"))
    os.symlink(tmp_path / "elsewhere", tmp_path / "q.csv.parts")
    refused(capsys, tmp_path, "sweep", toml, "--scheduler", "serial", "--out", "q.csv",
            names=("q.csv.parts", "symbolic link"))


def test_resumed_sweep_recomputes_edited_and_foreign_parts(tmp_path, capsys):
    out = tmp_path / "r.parquet"
    ref = sweep(SPEC, scheduler="serial", out=out, progress=False)
    parts = Path(parts_directory(out))
    tasks = Sweep(SPEC).tasks()
    edited, not_object, foreign = (parts / (t["task_id"] + ".json") for t in tasks[:3])
    data = json.loads(edited.read_text())
    data["row"]["value"] = 999
    edited.write_text(json.dumps(data))
    not_object.write_text("[1, 2]")
    other = json.loads(foreign.read_text())
    other["task"]["seed"] = 7                                # another task's definition
    foreign.write_text(json.dumps(other))
    assert read_part(parts, tasks[0]) == (None, "checksum mismatch (edited or damaged)")
    toml = write_toml(tmp_path / "s.toml", 'architectures = [[2, 3, 1]]\nseeds = 2\n'
                                          'methods = ["bounds", "tropical"]\n')
    d = ok_json(capsys, "sweep", toml, "--scheduler", "serial", "--out", out)
    assert (d["computed"], d["reused"], d["rejected"]) == (3, 1, 3)
    assert [r["value"] for r in d["rows"]] == [int(v) for v in ref["value"]]   # never 999
    d = ok_json(capsys, "sweep", toml, "--scheduler", "serial", "--out", out)
    assert (d["computed"], d["reused"], d["rejected"]) == (0, 4, 0)   # the next resume works
    text, _ = ok(capsys, "sweep", toml, "--scheduler", "serial", "--out", out, "--no-resume")
    assert "rejected" not in text


def test_sweep_size_limit(tmp_path, capsys):
    toml = write_toml(tmp_path / "big.toml", 'architectures = [[2, 3, 1]]\n'
                                            'seeds = 300000000\nmethods = ["bounds"]\n')
    refused(capsys, tmp_path, "sweep", toml, "--scheduler", "serial",
            names=("big.toml", "key 'seeds'", str(MAX_TASKS)))


# ---------------------------------------------------------------------------
# exactness and labels
# ---------------------------------------------------------------------------

def test_int64_and_long_double_read_exactly(tmp_path, capsys):
    A = tmp_path / "A.npy"
    np.save(A, np.array([[2 ** 60 + 1]], dtype=np.int64))
    d = ok_json(capsys, "hoffman", A)
    assert d["hoffman_constant"] == "1/%s" % (2 ** 60 + 1) and d["kind"] == "exact"
    x = np.longdouble(1) / 3
    np.save(A, np.array([[x]]))
    d = ok_json(capsys, "hoffman", A)
    assert QQ(d["hoffman_constant"]) == 1 / QQ(x.as_integer_ratio())
    pts = tmp_path / "p.npy"
    np.save(pts, np.array([[2 ** 62 + 1, -(2 ** 61)]], dtype=np.int64))
    d = ok_json(capsys, "evaluate", T3, "--points", pts)
    assert d["points"] == [[str(2 ** 62 + 1), str(-(2 ** 61))]]


def test_float_results_are_labelled_float(tmp_path, capsys):
    A = tmp_path / "A.npy"
    np.save(A, np.array([[1., 0.], [0., 1.], [-1., -1.]]))
    d = ok_json(capsys, "hoffman", A, "--mode", "float")
    assert d["kind"] == "float" and d["mode"] == "float"
    text, _ = ok(capsys, "hoffman", A, "--mode", "float")
    assert "FLOAT MODE" in text and "(exact" not in text
    assert tropical_hoffman_constant(random_network([2, 3, 1], seed=0), mode="float").kind \
        == "float"
    toml = write_toml(tmp_path / "f.toml", 'architectures = [[2, 3, 1]]\nmethods = '
                                          '["tropical", "estimate"]\nmode = "float"\n'
                                          'samples = 100\n')
    out = tmp_path / "f.csv"
    text, _ = ok(capsys, "sweep", toml, "--scheduler", "serial", "--out", out)
    assert "NOT EXACT" in text and " mode" in text.splitlines()[2]
    assert list(read_results(out)["mode"]) == ["float", "float-sampling"]   # the saved file


def test_extreme_weights_sampling_and_float_mode(tmp_path, capsys):
    big = save_net(tmp_path / "big.npz", [([[1e308], [-1e308]], [1e308, 0.]),
                                          ([[1., 1.]], [0.])])
    tiny = save_net(tmp_path / "tiny.npz", [([[5e-324], [-5e-324]], [5e-324, 0.]),
                                            ([[1., 1e-320]], [0.])])
    for f in (big, tiny):
        d = ok_json(capsys, "sample", f, "--radius", 3, "--samples", 500)
        assert 1 <= d["estimate"] <= 3 and d["mode"] == "float-sampling"
        refused(capsys, tmp_path, "regions", f, "--mode", "float",
                names=(Path(f).name, "layer 0", "W0", "--mode exact"))
        refused(capsys, tmp_path, "hoffman", f, "--mode", "float", names=(Path(f).name,))
    # a weight below the double range must not make a neuron "identically zero"
    s = QQ(2) ** -1200
    net = ReLUNetwork([([[s], [-s], [1]], [s, 0, -s]), ([[1, 1, -1]], [0])])
    from sage_tropnet.sampling import estimate_linear_regions
    assert estimate_linear_regions(net, radius=3, samples=2000, seed=0)["estimate"] == 3


# ---------------------------------------------------------------------------
# crashes with tracebacks: damaged files
# ---------------------------------------------------------------------------

def damaged_npz(tmp_path, how):
    f = tmp_path / ("%s.npz" % how)
    np.savez_compressed(f, W0=np.random.default_rng(0).normal(size=(20, 2)), b0=np.zeros(20))
    data = bytearray(f.read_bytes())
    start = data.index(b"W0.npy") + len("W0.npy")
    if how == "crc":       # flip data bytes: the CRC check fails
        data[start + 120:start + 124] = bytes(4)
    elif how == "deflate":  # break the deflate stream right at its start
        data[start + 20:start + 24] = b"\xff\xff\xff\xff"
    else:                   # the member's local header
        data[0:4] = b"PK\x03\x05"
    f.write_bytes(data)
    return f


@pytest.mark.parametrize("how, what", [("crc", "Bad CRC-32"), ("deflate", "decompressing"),
                                       ("header", "Bad magic number for file header")])
def test_corrupt_npz(tmp_path, capsys, how, what):
    f = damaged_npz(tmp_path, how)
    refused(capsys, tmp_path, "regions", f, names=(f.name, "layer 0 (key 'W0')", what))
    with pytest.raises(WeightsError) as e:
        load_network(f)
    assert e.value.key == "W0" and "\n" not in str(e.value)


def test_declared_shape_limit(tmp_path, capsys):
    hdr = npy_header((40000, 40000))
    f = tmp_path / "huge.npz"
    with zipfile.ZipFile(f, "w") as z:
        z.writestr("W0.npy", hdr + bytes(10))
        z.writestr("b0.npy", npy_header((40000,)) + bytes(10))
    assert f.stat().st_size < 1000
    refused(capsys, tmp_path, "regions", f,
            names=("huge.npz", "key 'W0'", "(40000, 40000)", str(MAX_ARRAY_ENTRIES)))
    m = tmp_path / "huge.npy"
    m.write_bytes(hdr + bytes(10))
    refused(capsys, tmp_path, "hoffman", m, names=("huge.npy", "(40000, 40000)"))
    refused(capsys, tmp_path, "evaluate", T3, "--points", m, names=("huge.npy", "40000"))


@pytest.mark.parametrize("make, found", [
    (lambda p: p.write_bytes(b""), "an empty file"),
    (lambda p: (np.savez(str(p) + ".npz", a=np.eye(2)), os.rename(str(p) + ".npz", p)),
     "ZIP archive"),
    (lambda p: (np.save(p, np.eye(3)), p.write_bytes(p.read_bytes()[:-10])), "truncated"),
    (lambda p: p.write_bytes(bytes(range(7, 250))), "binary data"),
    (lambda p: p.write_text("1 2 3\n4 5 6\n"), "text starting with"),
])
def test_matrix_loader_says_what_was_found(tmp_path, capsys, make, found):
    f = tmp_path / "A.npy"
    make(f)
    err = refused(capsys, tmp_path, "hoffman", f, names=("A.npy", found))
    assert "pickled" not in err


@given(data=st.binary(min_size=0, max_size=400))
@SETTINGS
def test_random_bytes_anywhere_are_one_line(tmp_path_factory, data):
    d = tmp_path_factory.mktemp("bytes")
    for name, argv in (("x.npy", ["hoffman"]), ("x.npz", ["regions"]), ("x.json", ["regions"]),
                       ("x.toml", ["sweep", "--scheduler", "serial"])):
        f = d / name
        f.write_bytes(data)
        err = io.StringIO()
        import contextlib
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main(argv[:1] + [str(f)] + argv[1:])
        line = err.getvalue()
        assert code == 2 and line.count("\n") == 1 and name in line, line
        assert "internal error" not in line, line


def test_json_and_toml_damage_names_the_file(tmp_path, capsys):
    cases = [("deep.json", '{"variables": 1, "numerator": ' + "[" * 100000 + "]" * 100000 + "}",
              "nested too deeply"),
             ("bigint.json", '{"variables": 1, "numerator": [[' + "9" * 5000 + ', [1]]]}',
              "4300 digits"),
             ("latin1.json", b'{"variables": 1, "numerator": [[0, [1]]], "x": "\xe9"}',
              "not UTF-8")]
    for name, text, what in cases:
        f = tmp_path / name
        f.write_bytes(text if isinstance(text, bytes) else text.encode())
        refused(capsys, tmp_path, "regions", f, names=(name, what))
    for name, text, what in [("deep.toml", "a = " + "[" * 100000 + "]" * 100000,
                              "nested too deeply"),
                             ("big.toml", "architectures = [[2, 3, 1]]\nseeds = " + "9" * 5000,
                              "4300 digits"),
                             ("latin1.toml", b"architectures = [[2, 3, 1]]\n# \xe9\n",
                              "not UTF-8")]:
        f = tmp_path / name
        f.write_bytes(text if isinstance(text, bytes) else text.encode())
        refused(capsys, tmp_path, "sweep", f, "--scheduler", "serial", names=(name, what))


# ---------------------------------------------------------------------------
# crashes with tracebacks: output, signals, internal errors
# ---------------------------------------------------------------------------

@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_full_disk_stdout():
    with open("/dev/full", "w") as full:
        p = subprocess.run([sys.executable, "-m", "sage_tropnet", "regions", T3], env=ENV,
                           stdout=full, stderr=subprocess.PIPE, text=True)
    assert p.returncode == 2 and p.stderr == ("sage-tropnet: error: cannot write the standard "
                                              "output (No space left on device)\n"), p.stderr


def test_closed_stdout():
    p = subprocess.run("exec %s -m sage_tropnet regions %s >&-" % (sys.executable, T3),
                       shell=True, env=ENV, stderr=subprocess.PIPE, text=True)
    assert p.returncode == 2 and p.stderr == ("sage-tropnet: error: cannot write the standard "
                                              "output: it is closed\n"), p.stderr


def interrupt(argv, cwd, wait_for):
    """Start ``sage-tropnet argv``, send SIGINT once ``wait_for(p)`` holds (the
    command is running: the interrupt must not come during Python's start-up)."""
    p = subprocess.Popen([sys.executable, "-m", "sage_tropnet"] + [str(a) for a in argv],
                         cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
    while not wait_for(p) and p.poll() is None:
        time.sleep(0.1)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=120)
    return p.returncode, out, err


def test_ctrl_c_is_one_line_and_130_with_no_partial_files(tmp_path):
    toml = write_toml(tmp_path / "slow.toml", 'architectures = [[3, 12, 12, 1]]\nseeds = 500\n'
                                             'methods = ["activation"]\n')
    parts = tmp_path / "r.csv.parts"
    code, out, err = interrupt(["sweep", toml, "--scheduler", "serial", "--out", "r.csv"],
                               tmp_path, lambda p: parts.exists() and any(parts.iterdir()))
    assert code == 130 and out == "" and err == "sage-tropnet: interrupted\n", err
    assert not (tmp_path / "r.csv").exists()
    assert not [f for f in files(tmp_path) if ".tmp" in f]
    # a sampling run: a note on its duration first, then the interrupt
    note = []
    code, out, err = interrupt(["sample", T3, "--radius", 1, "--samples", "10^12"], tmp_path,
                               lambda p: note.append(p.stderr.readline()) or True)
    assert note[0].startswith("sage-tropnet: note: sampling 1000000000000 points takes about")
    assert code == 130 and out == "" and err == "sage-tropnet: interrupted\n", err
    assert files(tmp_path) == ["r.csv.parts"] + sorted(
        "r.csv.parts/" + f for f in os.listdir(parts)) + ["slow.toml"]


def test_ctrl_c_inside_a_long_c_call(tmp_path):
    # a registered command stuck in qhull (which releases the GIL): the watchdog
    # ends the process with one line and 130, and removes the partial file
    script = tmp_path / "stuck.py"
    script.write_text(
        "import sys\n"
        "from sage_tropnet.cli import add_subcommand, main\n"
        "from sage_tropnet.misc.files import atomic_path\n"
        "def run(args, out):\n"
        "    import numpy as np\n"
        "    from scipy.spatial import ConvexHull\n"
        "    X = np.random.default_rng(0).random((4000000, 5))\n"
        "    with atomic_path('result.txt') as tmp:\n"
        "        open(tmp, 'w').write('partial')\n"
        "        print('started', file=sys.stderr, flush=True)\n"
        "        ConvexHull(X)\n"
        "    return 0\n"
        "add_subcommand('stuck', lambda p: None, run)\n"
        "sys.exit(main(['stuck']))\n")
    p = subprocess.Popen([sys.executable, str(script)], cwd=tmp_path, env=ENV,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert p.stderr.readline() == "started\n"
    time.sleep(0.5)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=120)
    assert p.returncode == 130 and out == "" and err == "sage-tropnet: interrupted\n", err
    assert files(tmp_path) == ["stuck.py"]


def test_internal_errors_are_one_line_unless_debug(capsys, monkeypatch):
    import sage_tropnet.cli.regions as R
    monkeypatch.setattr(R, "load_input", lambda *a: {}["boom"])
    code, out, err = run(capsys, "regions", T3)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "internal error (KeyError: 'boom')" in err and "--debug" in err
    code, out, err = run(capsys, "regions", T3, "--debug")
    assert code == 2 and "Traceback" in err and err.rstrip().endswith("with --debug")


# ---------------------------------------------------------------------------
# bounded cost with feedback
# ---------------------------------------------------------------------------

def test_tropicalisation_is_estimated_before_expanding(tmp_path, capsys):
    big = random_network([6, 40, 40, 1], seed=0)
    with pytest.raises(TropicalizationTooLarge, match="more than the limit of 20000"):
        big.tropicalize(max_monomials=20000)
    f = save_net(tmp_path / "big.npz",
                 [(np.array([[float(a) for a in r] for r in W.rows()]),
                   np.array([float(a) for a in b])) for W, b, _ in big.layers()])
    for cmd in ("tropicalize", "hoffman", "radius"):
        refused(capsys, tmp_path, cmd, f, names=("big.npz", "--max-monomials", "20000"))
    refused(capsys, tmp_path, "regions", T3, "--method", "tropical", "--max-monomials", 2,
            names=("t3_unit.npz", "--max-monomials", "--method activation"))
    # the default --method both skips the hopeless tropical route and says why
    d = ok_json(capsys, "regions", T3, "--max-monomials", 2)
    assert d["agree"] is None and "tropical" in d["skipped"] and d["linear_regions"] == 6
    text, _ = ok(capsys, "regions", T3, "--max-monomials", 2)
    assert "tropical route skipped" in text and "--max-monomials 2" in text
    # during the expansion (a convention without the a priori bound)
    with pytest.raises(TropicalizationTooLarge, match="tropicalisation stopped"):
        random_network([2, 6, 6, 1], seed=0).tropicalize(convention="merge", max_monomials=5)


@given(seed=st.integers(0, 10 ** 6), dims=st.sampled_from([[1, 3, 1], [2, 3, 1], [2, 3, 2, 1],
                                                           [2, 2, 2, 2]]),
       init=st.sampled_from(["paper", "integer"]), act=st.sampled_from(["relu", "leaky"]))
@settings(max_examples=20, deadline=None)
def test_monomial_bound_is_an_upper_bound(seed, dims, init, act):
    net = random_network(dims, seed=seed, init=init,
                         hidden_activation="relu" if act == "relu" else ("leaky_relu", QQ(1) / 3))
    bound = net.monomial_bound()
    assert all(max(c) <= bound for c in net.tropicalize().monomial_count())


@given(m=st.integers(1, 7), n=st.integers(1, 3), seed=st.integers(0, 10 ** 6),
       kind=st.sampled_from(["int", "float", "scaled"]))
@settings(max_examples=40, deadline=None)
def test_independent_sets_equal_pvz(m, n, seed, kind):
    rng = np.random.default_rng(seed)
    if kind == "int":
        A = rng.integers(-2, 3, size=(m, n)).astype(float)
    elif kind == "float":
        A = rng.normal(size=(m, n))
    else:
        A = rng.integers(-2, 3, size=(m, n)) * 2.0 ** float(rng.integers(-60, 60))
    a = hoffman_constant(A, algorithm="independent")
    assert a.value == hoffman_constant(A, algorithm="pvz").value
    if a.value:
        from sage_tropnet.hoffman import surjectivity_lp
        t, _ = surjectivity_lp([list(A[i]) for i in a.J])
        assert 1 / t == a.value


def test_radius_exact_and_anytime_bounds(tmp_path, capsys):
    net = random_network([2, 3, 3, 1], seed=2)
    f = save_net(tmp_path / "n.npz", [(np.array([[float(a) for a in r] for r in W.rows()]),
                                       np.array([float(a) for a in b]))
                                      for W, b, _ in net.layers()])
    d = ok_json(capsys, "radius", f)
    assert d["complete"] is True
    assert QQ(d["radius"]) == sampling_radius(net, algorithm="pvz")
    assert QQ(d["minimal_radius"]) == minimal_radius(net)
    d = ok_json(capsys, "radius", f, "--max-seconds", "0")
    assert d["complete"] is False and d["radius"] is None and d["minimal_radius"] is None
    assert QQ(d["minimal_radius_lower"]) <= minimal_radius(net) <= QQ(d["minimal_radius_upper"])
    text, _ = ok(capsys, "radius", f, "--max-seconds", "0")
    assert text.count("BOUNDS ONLY (not exact)") == 2


def test_long_exact_hoffman_says_so(tmp_path, capsys):
    A = tmp_path / "A.npy"
    np.save(A, np.random.default_rng(0).normal(size=(22, 22)))
    out, err = ok(capsys, "hoffman", A, "--json", "--max-seconds", "0")
    d = json.loads(out)
    assert err.startswith("sage-tropnet: note: exact Hoffman constant of a 22 x 22 matrix")
    assert d["kind"] == "lower" and "lower bound" in d["note"]


def test_options_are_checked_before_the_work(tmp_path, capsys):
    # the input files do not exist: the options are refused before they are read
    for plot, what in (("/nonexistent-dir/r.png", "does not exist"), ("r.gif", "extension")):
        refused(capsys, tmp_path, "regions", tmp_path / "never-read.npz", "--plot", plot,
                names=("--plot", what))
    refused(capsys, tmp_path, "sweep", tmp_path / "never-read.toml", "--out",
            "/nonexistent-dir/r.csv", names=("--out", "does not exist"))


# ---------------------------------------------------------------------------
# Sage sessions
# ---------------------------------------------------------------------------

def test_sage_integers_and_rationals_are_accepted():
    from sage_tropnet.sampling import estimate_linear_regions
    from sage_tropnet.symmetry import (fundamental_domain_estimate, is_invariant,
                                       random_deepset)
    from sage_tropnet.hoffman import hoffman_lower_bound
    from sage.groups.perm_gps.permgroup_named import SymmetricGroup
    net = random_network([Integer(2), Integer(3), Integer(1)], seed=Integer(1),
                         init="integer", bound=Integer(2), denominator=Integer(3))
    assert estimate_linear_regions(net, radius=QQ(1) / 2, samples=Integer(200),
                                   seed=Integer(3))["samples"] == 200
    ds = random_deepset(Integer(2), seed=Integer(0))
    fundamental_domain_estimate(ds, box=QQ(5) / 2, samples=Integer(100), seed=Integer(1))
    assert is_invariant(ds, SymmetricGroup(2), seed=Integer(3))
    hoffman_lower_bound([[1, 0], [0, 1]], samples=Integer(3), seed=Integer(1))
    sweep({"architectures": [[Integer(2), Integer(3), Integer(1)]], "seeds": Integer(2),
           "methods": ["bounds"], "radius": QQ(1) / 2}, scheduler="serial", progress=False)
    assert net.tropicalize(max_monomials=Integer(1000)) is not None
    with pytest.raises(ValueError, match="seed must be a non-negative integer"):
        estimate_linear_regions(net, seed=-1)


# ---------------------------------------------------------------------------
# messages
# ---------------------------------------------------------------------------

def test_decimal_and_fraction_options_are_exact(tmp_path, capsys):
    m = tmp_path / "m.json"
    m.write_text('{"variables": 1, "numerator": [[0, [0]], [0, [2]]]}')
    for box in ("0.5", "1/2", "5e-1"):
        assert ok_json(capsys, "regions", m, "--box", box)["domain"] == "[-1/2, 1/2]^1"
    assert ok_json(capsys, "sample", T3, "--radius", "0.1", "--samples", 50)["radius"] == "1/10"
    assert ok_json(capsys, "radius", m, "--center", "0.25")["center"] == ["1/4"]
    refused(capsys, tmp_path, "regions", m, "--box", "0.5x", names=("--box", "0.5x"))


@given(text=st.text(max_size=30))
@SETTINGS
def test_option_parsers_never_crash(text):
    import argparse
    for parse in (rational_number, count):
        try:
            parse(text)
        except argparse.ArgumentTypeError as err:
            assert "\n" not in str(err)


def test_out_of_range_output_and_negative_seeds(tmp_path, capsys):
    m = tmp_path / "m.json"
    m.write_text('{"variables": 1, "numerator": [[0, [0]], [0, [2]]]}')
    for cmd in ("regions", "hoffman", "radius"):
        refused(capsys, tmp_path, cmd, m, "--output", 99, names=("m.json", "--output 99"))
    refused(capsys, tmp_path, "hoffman", T3, "--bound", "lower", "--seed", -1,
            names=("--seed", "-1"))
    refused(capsys, tmp_path, "sample", T3, "--radius", 1, "--samples", 10, "--seed", -1,
            names=("--seed", "-1"))


def test_python_api_names_the_argument():
    with pytest.raises(TypeError, match="digits must be an integer, got 'x'"):
        load_network(T3, digits="x")
    with pytest.raises(TypeError, match="layers must be a list of pairs"):
        from_numpy(5)
    net = ReLUNetwork([([[1, -1]], [0])])
    for bad in (float("nan"), float("inf")):
        with pytest.raises(ValueError, match="coordinate 1 is not finite"):
            net([1.0, bad])
    with pytest.raises(TypeError, match="coordinate 0 is not a number"):
        net("ab")
    from sage_tropnet.sampling import estimate_linear_regions
    for kw, name in ((dict(radius="x"), "radius"), (dict(samples=2.5), "samples"),
                     (dict(seed=-1), "seed")):
        with pytest.raises((TypeError, ValueError), match=name):
            estimate_linear_regions(net, **kw)
    with pytest.raises(ValueError, match="^A: "):
        hoffman_constant("x")
    with pytest.raises(TypeError, match="center"):
        sampling_radius(net, center="x")
    with pytest.raises(ValueError, match="dims"):
        random_network(5)
    with pytest.raises(TypeError, match="max_monomials"):
        net.tropicalize(max_monomials="x")
    with pytest.raises(TypeError, match="out must be a path"):
        sweep({"architectures": [[2, 3, 1]]}, out=5, scheduler="serial")
