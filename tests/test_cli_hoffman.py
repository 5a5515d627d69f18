"""The ``hoffman`` and ``radius`` commands: published values, JSON contract, bad input."""
import json
import os

import numpy as np
import pytest

from sage.rings.rational_field import QQ

from sage_tropnet.cli import main

EXAMPLES = os.path.join(os.path.dirname(__file__), os.pardir, "examples")


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("A, H", [
    (np.eye(3), "1"),                                      # H(I_3) = 1
    (np.vstack([np.eye(3), -np.ones((1, 3))]), "3"),       # H([I_3; -1 -1 -1]) = 3
    (np.vstack([np.eye(3), -np.eye(3)]), "1"),             # H([I_3; -I_3]) = 1
    (np.array([[1., 0.], [-1., 0.], [0., 1.]]), "1"),
    (np.array([[1., 0.], [0., 1.], [-1., -1.]]), "2"),
])
def test_published_matrix_values(tmp_path, capsys, A, H):
    f = tmp_path / "A.npy"
    np.save(f, A)
    for alg in ("pvz", "brute_force"):
        code, out, _ = run(capsys, "hoffman", f, "--json", "--algorithm", alg)
        d = json.loads(out)
        assert code == 0 and d["hoffman_constant"] == H and d["kind"] == "exact"
        assert d["certificate"]["J"] is not None


def test_bounds_bracket(tmp_path, capsys):
    f = tmp_path / "A.npy"
    np.save(f, np.array([[1., 0.], [0., 1.], [1., 0.]]))
    d = json.loads(run(capsys, "hoffman", f, "--json", "--bound", "upper")[1])
    assert abs(d["hoffman_constant"] - 2 ** 0.5) < 1e-12 and d["mode"] == "float"
    lo = json.loads(run(capsys, "hoffman", f, "--json", "--bound", "lower")[1])
    ex = json.loads(run(capsys, "hoffman", f, "--json")[1])
    assert QQ(lo["hoffman_constant"]) <= QQ(ex["hoffman_constant"]) <= d["hoffman_constant"]


def test_tropical_map_values(tmp_path, capsys):
    # max(0, x - 1, 2x): H = 1/2 on the full-dimensional monomials (regions of 0 and 2x only)
    f = tmp_path / "m.json"
    f.write_text(json.dumps({"variables": 1, "numerator": [[0, [0]], [-1, [1]], [0, [2]]]}))
    d = json.loads(run(capsys, "hoffman", f, "--json")[1])
    assert d["hoffman_constant"] == "1/2" and d["input"] == "map"
    r = json.loads(run(capsys, "radius", f, "--json")[1])
    assert r["radius"] == "0" and r["minimal_radius"] == "0"


def test_radius_contains_all_regions(capsys):
    r = json.loads(run(capsys, "radius", os.path.join(EXAMPLES, "net_2_6_1.npz"), "--json")[1])
    assert QQ(r["minimal_radius"]) <= QQ(r["radius"])
    r2 = json.loads(run(capsys, "radius", os.path.join(EXAMPLES, "t3_unit.npz"), "--json",
                        "--center", "1,1")[1])
    # T3's regions are cones at the origin: the unit ball at (1,1) meets all six? the
    # farthest cone {x <= 0, y <= 0}... is at distance 1 from (1,1)
    assert r2["minimal_radius"] == "1"


@pytest.mark.parametrize("content, needle", [
    (np.array([[np.inf, 1.0]]), "not finite"),
    (np.array(["a", "b"]), "non-numeric"),
    (np.zeros((0, 3)), "non-empty"),
])
def test_bad_matrices(tmp_path, capsys, content, needle):
    f = tmp_path / "bad.npy"
    np.save(f, content)
    code, out, err = run(capsys, "hoffman", f)
    assert code == 2 and out == "" and needle in err and "bad.npy" in err


def test_bad_radius_input(tmp_path, capsys):
    code, out, err = run(capsys, "radius", os.path.join(EXAMPLES, "t3_unit.npz"), "--center", "1")
    assert code == 2 and "coordinates" in err and out == ""
    f = tmp_path / "A.npy"
    np.save(f, np.eye(2))
    code, out, err = run(capsys, "radius", f)
    assert code == 2 and "not a matrix" in err
