"""The ``sage-tropnet sample`` command."""
import json
import os

import numpy as np

from sage_tropnet.cli import main

EXAMPLES = os.path.join(os.path.dirname(__file__), os.pardir, "examples")


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_estimate_is_labelled_and_below_exact(capsys):
    code, out, _ = run(capsys, "sample", os.path.join(EXAMPLES, "net_2_6_1.npz"), "--radius", 20,
                       "--samples", 3000, "--json", "--exact")
    d = json.loads(out)
    assert code == 0 and d["mode"] == "float-sampling"
    assert 0 < d["estimate"] <= d["exact"]


def test_t3_converges(capsys):
    code, out, _ = run(capsys, "sample", os.path.join(EXAMPLES, "t3_unit.npz"), "--radius", 1,
                       "--samples", 4000, "--json")
    assert json.loads(out)["estimate"] == 6   # six cones at the origin


def test_bad_arguments(capsys):
    t3 = os.path.join(EXAMPLES, "t3_unit.npz")
    for argv, needle in [(["--radius", -1, "--samples", 10], "positive"),
                         (["--radius", 1, "--samples", 0], "positive"),
                         (["--radius", 1, "--samples", 10, "--symmetric", "S_5"], "S_2"),
                         (["--samples", 10], "required")]:
        code, out, err = run(capsys, "sample", t3, *argv)
        assert code == 2 and out == "" and needle in err, (argv, err)
