"""The ``sage-tropnet regions`` command: counts, JSON contract, bad input."""
import json
import os
import subprocess
import sys

import numpy as np
import pytest

from sage_tropnet.cli import main

EXAMPLES = os.path.join(os.path.dirname(__file__), os.pardir, "examples")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_t3_json(capsys):
    code, out, err = run(capsys, "regions", os.path.join(EXAMPLES, "t3_unit.npz"), "--json")
    assert code == 0 and err == ""
    d = json.loads(out)
    # hand count: the three lines x=0, y=0, x+y=0 cut R^2 into 6 regions (example T3)
    assert d["linear_regions"] == 6 and d["activation_regions"] == 6
    assert d["tropical_linear_regions"] == d["activation_linear_regions"] == 6
    assert d["agree"] is True and d["mode"] == "exact" and d["method"] == "both"
    assert isinstance(d["seconds"], float)


def test_float_mode_is_labelled(capsys):
    code, out, _ = run(capsys, "regions", os.path.join(EXAMPLES, "t3_unit.npz"), "--mode", "float")
    assert code == 0 and "FLOAT MODE" in out
    code, out, _ = run(capsys, "regions", os.path.join(EXAMPLES, "t3_unit.npz"), "--mode", "float",
                       "--json")
    d = json.loads(out)
    assert d["mode"] == "float" and d["linear_regions"] == 6


def test_serra_relu_output_and_box(tmp_path, capsys):
    f = tmp_path / "serra.npz"
    np.savez(f, W0=np.array([[1.], [-1.]]), b0=np.array([0., 1.]), W1=np.array([[4., 2.]]),
             b1=np.array([-3.]))
    code, out, _ = run(capsys, "regions", str(f), "--output-activation", "relu", "--json")
    d = json.loads(out)
    assert (d["linear_regions"], d["activation_regions"]) == (4, 5)
    code, out, _ = run(capsys, "regions", str(f), "--output-activation", "relu", "--json",
                       "--box", "1/4")
    d = json.loads(out)
    assert (d["linear_regions"], d["activation_regions"]) == (1, 2)
    assert d["domain"] == "[-1/4, 1/4]^1"


def test_map_json_input(tmp_path, capsys):
    f = tmp_path / "map.json"
    f.write_text(json.dumps({"variables": 1, "numerator": [[0, [0]], [0, [1]], ["-2", [2]]],
                             "denominator": [[0, [0]], [-2, [2]]]}))
    code, out, _ = run(capsys, "regions", str(f), "--json")
    assert code == 0 and json.loads(out)["linear_regions"] == 4   # TropicalNN value
    f.write_text(json.dumps({"variables": 2, "numerator": [[0, [1, 0]], [0, [0, 1]]]}))
    code, out, _ = run(capsys, "regions", str(f), "--json")
    assert json.loads(out)["linear_regions"] == 2                 # max(x, y)


@pytest.mark.parametrize("content, needle", [
    ('{"numerator": [[0, [1]]]}', "missing key 'variables'"),
    ('{"variables": 1}', "missing key 'numerator'"),
    ('{"variables": 2, "numerator": [[0, [1]]]}', "key 'numerator', term 0"),
    ('{"variables": 1, "numerator": [["x", [1]]]}', "not a rational"),
    ('[1, 2', "not valid JSON"),
])
def test_bad_map_json(tmp_path, capsys, content, needle):
    f = tmp_path / "bad.json"
    f.write_text(content)
    code, out, err = run(capsys, "regions", str(f), "--json")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and needle in err and "bad.json" in err


def test_bad_options(capsys):
    t3 = os.path.join(EXAMPLES, "t3_unit.npz")
    for argv, needle in [(["--box", "-1"], "positive"), (["--box", "abc"], "rational"),
                         (["--output", "3"], "out of range")]:
        code, out, err = run(capsys, "regions", t3, *argv)
        assert code == 2 and out == "" and needle in err


def test_plot_option(tmp_path, capsys):
    png = tmp_path / "regions.png"
    code, out, _ = run(capsys, "regions", os.path.join(EXAMPLES, "t3_unit.npz"), "--box", "3",
                       "--plot", str(png))
    assert code == 0 and png.exists() and png.stat().st_size > 1000


def test_readme_main_job_command():
    """The README's main-job command, as a user runs it."""
    readme = open(os.path.join(os.path.dirname(__file__), os.pardir, "README.rst")).read()
    assert "sage-tropnet regions examples/net_2_6_1.npz" in readme
    r = subprocess.run([sys.executable, "-m", "sage_tropnet", "regions",
                        os.path.join(EXAMPLES, "net_2_6_1.npz"), "--json"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    # a generic [2, 6, 1] network reaches Zaslavsky's maximum r(6, 2) = 22
    assert d["linear_regions"] == 22 and d["agree"]


def test_stats_option(capsys):
    code, out, _ = run(capsys, "regions", os.path.join(EXAMPLES, "t3_unit.npz"), "--json",
                       "--box", "2", "--stats")
    d = json.loads(out)
    s = d["stats"]
    # six cones from the origin, cut by the box [-2, 2]^2 of area 16
    assert s["number_of_regions"] == 6 and s["total_volume"] == "16"
    assert sorted(r["volume"] for r in s["regions"]) == ["2", "2", "2", "2", "4", "4"]
