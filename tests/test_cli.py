"""The sage-tropnet command line: output formats, exactness, one-line errors with exit 2."""
import json
import pickle
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from sage.modules.free_module_element import vector

from sage_tropnet import cli
from sage_tropnet.cli import SUBCOMMANDS, add_network_arguments, add_subcommand, main
from sage_tropnet.network import ReLUNetwork

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
T3 = str(EXAMPLES / "t3_unit.npz")
PTS = str(EXAMPLES / "points_2d.npy")


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *argv):
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    assert err == ""
    assert out.endswith("\n") and out.count("\n") == 1  # exactly one JSON object, one line
    return json.loads(out)


def assert_usage_error(code, out, err, *parts):
    """Exit 2, nothing on stdout, one line 'sage-tropnet: error: ...' on stderr."""
    assert code == 2
    assert out == ""
    assert err.endswith("\n")
    assert err.count("\n") == 1, err
    assert err.startswith("sage-tropnet: error: "), err
    for p in parts:
        assert p in err, (p, err)


# --------------------------------------------------------------------------- tropicalize

def test_tropicalize_json_t3(capsys):
    d = run_json(capsys, "tropicalize", T3, "--json")
    assert set(d) == {"outputs", "input_dimension", "widths", "convention", "pruned",
                      "output_activation"}
    assert d["outputs"] == [{"numerator_monomials": 6, "denominator_monomials": 1}]
    assert d["input_dimension"] == 2
    assert d["widths"] == [2, 3, 1]
    assert d["convention"] == "zhang"
    assert d["pruned"] is True
    assert d["output_activation"] == "linear"


def test_tropicalize_json_no_prune(capsys):
    d = run_json(capsys, "tropicalize", T3, "--json", "--no-prune")
    assert d["outputs"] == [{"numerator_monomials": 7, "denominator_monomials": 1}]
    assert d["pruned"] is False


@pytest.mark.parametrize("convention", ["zhang", "merge", "quicksum"])
def test_tropicalize_conventions_match_library(capsys, convention):
    path = str(EXAMPLES / "net_3_3_2_1.npz")
    d = run_json(capsys, "tropicalize", path, "--json", "--convention", convention,
                 "--output-activation", "relu")
    assert d["convention"] == convention
    assert d["output_activation"] == "relu"
    from sage_tropnet.adapters import load_network
    net = load_network(path, output_activation="relu")
    counts = net.tropicalize(convention=convention).monomial_count()
    assert [(o["numerator_monomials"], o["denominator_monomials"]) for o in d["outputs"]] \
        == [tuple(int(c) for c in nd) for nd in counts]


def test_tropicalize_text(capsys):
    code, out, err = run(capsys, "tropicalize", T3)
    assert code == 0 and err == ""
    assert "ReLU network [2, 3, 1]" in out
    assert "output 0: 6 numerator monomials, 1 denominator monomials" in out


def test_tropicalize_rounding_options(capsys, tmp_path):
    f = tmp_path / "tenth.npz"
    np.savez(f, W0=np.array([[0.1, 0.2], [0.3, -0.1]], dtype=np.float32),
             b0=np.array([0.0, 0.1], dtype=np.float32),
             W1=np.array([[1.0, 1.0]]), b1=np.zeros(1))
    for opts in (["--digits", "1"], ["--max-denominator", "10"], []):
        d = run_json(capsys, "tropicalize", f, "--json", *opts)
        assert d["widths"] == [2, 2, 1]
    code, out, err = run(capsys, "tropicalize", f, "--digits", "1", "--max-denominator", "3")
    assert_usage_error(code, out, err, "not allowed with")
    code, out, err = run(capsys, "tropicalize", f, "--max-denominator", "0")
    assert_usage_error(code, out, err, "max_denominator")


def test_torch_style_example(capsys):
    d = run_json(capsys, "tropicalize", EXAMPLES / "torch_style.npz", "--json")
    assert d["outputs"] == [{"numerator_monomials": 6, "denominator_monomials": 1}]


# --------------------------------------------------------------------------- evaluate

def test_evaluate_json_t3(capsys):
    d = run_json(capsys, "evaluate", T3, "--points", PTS, "--json")
    assert set(d) == {"points", "network", "tropical", "agree"}
    assert d["agree"] is True
    assert d["points"][0] == ["1", "2"]
    assert d["network"][0] == ["3"]
    assert d["tropical"][0] == ["3"]
    assert d["network"] == d["tropical"]
    assert len(d["points"]) == 5
    # exact rationals as "p/q": (1/4, -3/4) -> 1/4 + 0 + 1/2
    assert d["points"][3] == ["1/4", "-3/4"]
    assert d["network"][3] == ["3/4"]


def test_evaluate_exact_random_network(capsys):
    d = run_json(capsys, "evaluate", EXAMPLES / "net_2_6_1.npz", "--points", PTS, "--json")
    assert d["agree"] is True
    from sage.rings.rational_field import QQ
    from sage_tropnet.adapters import load_network
    net = load_network(EXAMPLES / "net_2_6_1.npz")
    pts = np.load(PTS)
    for x, v in zip(pts, d["network"]):
        exact = net([QQ(float(a).as_integer_ratio()) for a in x])
        assert [QQ(s) for s in v] == list(exact)
        assert "/" in v[0]  # float weights: a genuine dyadic rational, not rounded


def test_evaluate_exact_points(capsys, tmp_path):
    p = tmp_path / "pts.npy"
    np.save(p, np.array([[0.1, 0.0]]))
    d = run_json(capsys, "evaluate", T3, "--points", p, "--json")
    assert d["points"] == [["3602879701896397/36028797018963968", "0"]]
    assert d["network"] == [["3602879701896397/36028797018963968"]]


def test_evaluate_text(capsys):
    code, out, err = run(capsys, "evaluate", T3, "--points", PTS)
    assert code == 0 and err == ""
    assert "point 0: (1, 2)" in out
    assert "network:  (3)" in out
    assert out.rstrip().endswith("agree: yes")


def test_evaluate_disagreement_exits_1(capsys, monkeypatch):
    orig = ReLUNetwork.__call__
    monkeypatch.setattr(ReLUNetwork, "__call__", lambda self, x: orig(self, x) + vector([1]))
    code, out, err = run(capsys, "evaluate", T3, "--points", PTS, "--json")
    assert code == 1
    d = json.loads(out)
    assert d["agree"] is False


@pytest.mark.parametrize("make, parts", [
    (lambda p: np.save(p, np.ones((5, 3))), ["(n_points, 2)", "(5, 3)"]),
    (lambda p: np.save(p, np.ones(2)), ["2-D"]),
    (lambda p: np.save(p, np.array([[0.0, np.nan]])), ["not finite"]),
    (lambda p: np.save(p, np.array([["a", "b"]])), ["non-numeric"]),
    (lambda p: np.save(p, np.zeros((0, 2))), ["no points"]),
    (lambda p: np.save(p, np.array([[1, "x"]], dtype=object), allow_pickle=True),
     ["pickled content is refused"]),
])
def test_evaluate_bad_points(capsys, tmp_path, make, parts):
    p = tmp_path / "bad_points.npy"
    make(p)
    code, out, err = run(capsys, "evaluate", T3, "--points", p, "--json")
    assert_usage_error(code, out, err, str(p), *parts)


def test_evaluate_points_npz_and_missing(capsys, tmp_path):
    p = tmp_path / "pts.npz"
    np.savez(p, x=np.ones((2, 2)))
    code, out, err = run(capsys, "evaluate", T3, "--points", p)
    assert_usage_error(code, out, err, str(p), ".npy")
    code, out, err = run(capsys, "evaluate", T3, "--points", tmp_path / "nope.npy")
    assert_usage_error(code, out, err, "nope.npy")
    code, out, err = run(capsys, "evaluate", T3)
    assert_usage_error(code, out, err, "--points")


# --------------------------------------------------------------------------- bad networks

def _t3(**changes):
    a = {"W0": np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, -1.0]]), "b0": np.zeros(3),
         "W1": np.ones((1, 3)), "b1": np.zeros(1)}
    a.update(changes)
    return {k: v for k, v in a.items() if v is not None}


def _write_pickle(p):
    with open(p, "wb") as fh:
        pickle.dump({"W0": [[1.0]]}, fh)


BAD_NETWORKS = {
    "missing_bias": (lambda p: np.savez(p, **_t3(b1=None)), ["'b1'", "layer 1", "missing"]),
    "missing_weight": (lambda p: np.savez(p, **_t3(W1=None)), ["'W1'", "layer 1", "missing"]),
    "shape_chain": (lambda p: np.savez(p, **_t3(W1=np.ones((1, 4)))),
                    ["'W1'", "layer 1", "'W0'", "4 columns", "3 rows"]),
    "bias_length": (lambda p: np.savez(p, **_t3(b0=np.zeros(2))),
                    ["'b0'", "layer 0", "2 entries"]),
    "nan": (lambda p: np.savez(p, **_t3(W1=np.array([[1.0, np.nan, 1.0]]))),
            ["'W1'", "layer 1", "nan"]),
    "inf": (lambda p: np.savez(p, **_t3(b0=np.array([0.0, np.inf, 0.0]))),
            ["'b0'", "layer 0", "inf"]),
    "empty": (lambda p: np.savez(p, **_t3(W1=np.ones((0, 3)), b1=np.zeros(0))),
              ["'W1'", "layer 1", "empty"]),
    "strings": (lambda p: np.savez(p, **_t3(W0=np.array([["1", "0"]] * 3))),
                ["'W0'", "layer 0", "non-numeric"]),
    "complex": (lambda p: np.savez(p, **_t3(b1=np.zeros(1, dtype=complex))),
                ["'b1'", "layer 1", "complex"]),
    "object": (lambda p: np.savez(p, **_t3(W0=np.array([[1, 0]] * 3, dtype=object))),
               ["'W0'", "layer 0", "pickled content is refused"]),
    "pickle_file": (_write_pickle, ["pickled content is refused"]),
    "no_layers": (lambda p: np.savez(p), ["no layers"]),
    "W_not_2d": (lambda p: np.savez(p, **_t3(W0=np.ones(6), b0=np.zeros(6))),
                 ["'W0'", "layer 0", "2-D"]),
    "b_not_1d": (lambda p: np.savez(p, **_t3(b1=np.zeros((1, 1)))),
                 ["'b1'", "layer 1", "1-D"]),
    "torch_missing_bias": (lambda p: np.savez(p, **{"0.weight": np.ones((3, 2)),
                                                    "0.bias": np.zeros(3),
                                                    "2.weight": np.ones((1, 3))}),
                           ["'2.bias'", "layer 1"]),
    "unexpected_key": (lambda p: np.savez(p, notes=np.zeros(1), **_t3()), ["'notes'"]),
}


@pytest.mark.parametrize("name", sorted(BAD_NETWORKS))
@pytest.mark.parametrize("command", ["tropicalize", "evaluate"])
def test_bad_network_one_line_exit_2(capsys, tmp_path, name, command):
    make, parts = BAD_NETWORKS[name]
    p = tmp_path / ("bad_%s.npz" % name)
    make(str(p))
    argv = [command, p, "--json"] + (["--points", PTS] if command == "evaluate" else [])
    code, out, err = run(capsys, *argv)
    assert_usage_error(code, out, err, str(p), *parts)


def test_missing_file_and_bad_suffix(capsys, tmp_path):
    code, out, err = run(capsys, "tropicalize", tmp_path / "nothere.npz")
    assert_usage_error(code, out, err, "nothere.npz")
    q = tmp_path / "net.h5"
    q.write_bytes(b"x")
    code, out, err = run(capsys, "tropicalize", q)
    assert_usage_error(code, out, err, str(q), "unsupported file type")
    r = tmp_path / "single.npy"
    np.save(r, np.ones((2, 2)))
    code, out, err = run(capsys, "tropicalize", r)
    assert_usage_error(code, out, err, str(r))


def test_pt_without_torch_cli(capsys, tmp_path, monkeypatch):
    p = tmp_path / "model.pt"
    p.write_bytes(b"")
    monkeypatch.setitem(sys.modules, "torch", None)
    code, out, err = run(capsys, "tropicalize", p)
    assert_usage_error(code, out, err, str(p), "needs PyTorch")


# --------------------------------------------------------------------------- parser

def test_help_lists_subcommands(capsys):
    code, out, err = run(capsys, "--help")
    assert code == 0
    for name in ("tropicalize", "evaluate"):
        assert name in out
    assert "COMMAND" in out


@pytest.mark.parametrize("sub", ["tropicalize", "evaluate"])
def test_subcommand_help(capsys, sub):
    code, out, err = run(capsys, sub, "--help")
    assert code == 0 and "--output-activation" in out and "--json" in out


def test_version(capsys):
    code, out, err = run(capsys, "--version")
    assert code == 0
    assert out.startswith("sage-tropnet ")


@pytest.mark.parametrize("argv, part", [
    ([], "a command is required"),
    (["frobnicate"], "invalid choice"),
    (["tropicalize"], "NET"),
    (["tropicalize", T3, "--convention", "fast"], "invalid choice"),
    (["tropicalize", T3, "--digits", "two"], "invalid int"),
    (["tropicalize", T3, "--output-activation", "tanh"], "invalid choice"),
])
def test_usage_errors_are_one_line(capsys, argv, part):
    code, out, err = run(capsys, *argv)
    assert_usage_error(code, out, err, part)


def test_add_subcommand_registration(capsys):
    def run_widths(args, out):
        out.write("%s\n" % cli.network_from_args(args).widths())
        return 0

    def run_fail(args, out):
        out.write("partial output\n")
        raise ValueError("boom\nsecond line")

    add_subcommand("widths", add_network_arguments, run_widths, help="print the widths")
    add_subcommand("fails", add_network_arguments, run_fail, help="always fails")
    try:
        code, out, err = run(capsys, "--help")
        assert "widths" in out and "print the widths" in out
        code, out, err = run(capsys, "widths", T3)
        assert (code, out, err) == (0, "[2, 3, 1]\n", "")
        code, out, err = run(capsys, "fails", T3)
        assert_usage_error(code, out, err, "boom second line")
    finally:
        del SUBCOMMANDS["widths"]
        del SUBCOMMANDS["fails"]
    assert list(SUBCOMMANDS)[:2] == ["tropicalize", "evaluate"]


def test_python_dash_m_subprocess(tmp_path):
    """The one out-of-process test: ``python -m sage_tropnet`` on a bad file, then a good one."""
    p = tmp_path / "bad.npz"
    np.savez(p, **_t3(b1=None))
    bad = subprocess.run([sys.executable, "-m", "sage_tropnet", "tropicalize", str(p), "--json"],
                         capture_output=True, text=True, timeout=300)
    assert bad.returncode == 2
    assert bad.stdout == ""
    assert bad.stderr.count("\n") == 1
    assert bad.stderr.startswith("sage-tropnet: error: %s: layer 1 (key 'b1')" % p)
    good = subprocess.run([sys.executable, "-m", "sage_tropnet", "tropicalize", T3, "--json"],
                          capture_output=True, text=True, timeout=300)
    assert good.returncode == 0, good.stderr
    assert json.loads(good.stdout)["outputs"] == [{"numerator_monomials": 6,
                                                   "denominator_monomials": 1}]
