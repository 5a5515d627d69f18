"""sage-tropnet tropicalize --out (the map that regions, hoffman, radius read) and the
decimals of evaluate."""
import json
from pathlib import Path

import numpy as np
import pytest

from sage.rings.rational_field import QQ

from sage_tropnet.adapters import load_network
from sage_tropnet.cli import main
from sage_tropnet.cli.common import load_tropical_map
from sage_tropnet.regions import count_linear_regions

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("name, convention, prune", [
    ("t3_unit.npz", "zhang", True), ("net_2_6_1.npz", "quicksum", False),
    ("net_3_3_2_1.npz", "merge", True)])
def test_out_round_trip(capsys, tmp_path, name, convention, prune):
    path = tmp_path / "map.json"
    argv = ["tropicalize", EXAMPLES / name, "--out", path, "--convention", convention]
    if not prune:
        argv.append("--no-prune")
    code, out, err = run(capsys, *argv)
    assert code == 0 and err == ""
    assert "tropical map of output 0 written to" in out
    f = load_tropical_map(str(path))
    F = load_network(EXAMPLES / name).tropicalize(prune=prune, convention=convention)[0]
    data = json.loads(path.read_text())
    # the file holds the expression as computed (unmerged quicksum terms included) ...
    assert len(data["numerator"]) == F.numerator().number_of_terms()
    assert len(data["denominator"]) == F.denominator().number_of_terms()
    # ... and the reader (cli.common) merges equal exponents, which keeps the function
    for a, b in ((f.numerator(), F.numerator().merged()),
                 (f.denominator(), F.denominator().merged())):
        assert dict(zip(a.exponents(), a.coefficients())) == \
            dict(zip(b.exponents(), b.coefficients()))
    # every number is an exact string
    assert all(isinstance(c, str) and all(isinstance(e, str) for e in exps)
               for key in ("numerator", "denominator") for c, exps in data[key])


def test_out_is_read_by_regions_hoffman_radius(capsys, tmp_path):
    path = tmp_path / "map.json"
    assert run(capsys, "tropicalize", EXAMPLES / "net_2_6_1.npz", "--out", path)[0] == 0
    code, out, err = run(capsys, "regions", path, "--json")
    assert code == 0, err
    exact = count_linear_regions(load_network(EXAMPLES / "net_2_6_1.npz"))
    assert json.loads(out)["linear_regions"] == exact
    for command in ("hoffman", "radius"):
        code, out, err = run(capsys, command, path, "--json")
        assert code == 0, (command, err)


def test_out_output_option_and_json(capsys, tmp_path):
    net = tmp_path / "two.npz"
    np.savez(net, W0=np.array([[1., 0.], [0., 1.]]), b0=np.zeros(2),
             W1=np.array([[1., 1.], [1., -1.]]), b1=np.array([0., 0.5]))
    path = tmp_path / "m.json"
    code, out, err = run(capsys, "tropicalize", net, "--out", path, "--output", 1, "--json")
    assert code == 0 and err == ""
    d = json.loads(out)
    assert d["map_file"] == str(path) and d["map_output"] == 1
    f = load_tropical_map(str(path))
    assert f(QQ(3), QQ(1)) == QQ(3) - QQ(1) + QQ(1) / 2
    code, out, err = run(capsys, "tropicalize", net, "--out", path, "--output", 2)
    assert code == 2 and out == "" and "out of range" in err


def test_out_bad_directory(capsys, tmp_path):
    code, out, err = run(capsys, "tropicalize", EXAMPLES / "t3_unit.npz", "--out",
                         tmp_path / "missing" / "map.json")
    assert code == 2 and out == "" and err.startswith("sage-tropnet: error:")


def test_shipped_example_map(capsys):
    """examples/map.json is the map of the CLI page: 4 linear regions."""
    code, out, err = run(capsys, "regions", EXAMPLES / "map.json", "--json")
    assert code == 0, err
    assert json.loads(out)["linear_regions"] == 4


def test_evaluate_decimals(capsys, tmp_path):
    p = tmp_path / "pts.npy"
    np.save(p, np.array([[0.1, 0.0], [1.0, 2.0]]))
    code, out, err = run(capsys, "evaluate", EXAMPLES / "t3_unit.npz", "--points", p)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "point 0: (3602879701896397/36028797018963968, 0)  ~ (0.1, 0)"
    assert lines[1].endswith("~ (0.1)")
    assert lines[3] == "point 1: (1, 2)"  # integers: no decimals
