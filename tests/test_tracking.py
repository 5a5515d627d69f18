"""Training dynamics: track over checkpoints (serial and Dask give the same
table, resuming), and the slice and track commands."""
import io
import json
import os
import contextlib

import numpy as np
import pytest

from sage_tropnet.network import random_network
from sage_tropnet.tracking import track, sort_checkpoints, plot_tracking
from sage_tropnet.experiments import drop_timing


def _save(net, path):
    arrays = {}
    for i, (W, b, _) in enumerate(net.layers()):
        arrays["W%s" % i] = np.array([[float(a) for a in r] for r in W.rows()])
        arrays["b%s" % i] = np.array([float(a) for a in b])
    np.savez(path, **arrays)


@pytest.fixture
def run_dir(tmp_path):
    files = []
    for e in (0, 1, 2, 10):
        f = tmp_path / ("epoch_%s.npz" % e)
        _save(random_network([2, 5, 4, 1], seed=e), f)
        files.append(str(f))
    return tmp_path, files


def test_natural_order():
    assert [e for e, _ in sort_checkpoints(["a/e10.pt", "a/e2.pt", "a/e1.pt"])] == [1, 2, 10]


def test_track_serial_resume_and_dask(run_dir):
    d, files = run_dir
    out = str(d / "t.parquet")
    df = track(files[::-1], box=2, out=out, progress=False)
    assert list(df["epoch"]) == [0, 1, 2, 10]
    from sage_tropnet.regions import count_linear_regions, count_activation_regions
    from sage_tropnet.adapters import load_network
    for f, r in zip(files, df.itertuples()):
        net = load_network(f)
        assert r.linear_regions == count_linear_regions(net, box=2)
        assert r.activation_regions == count_activation_regions(net, box=2)
        assert r.linear_regions == count_linear_regions(net, box=2, method="tropical")
    again = track(files, box=2, out=out, progress=False)
    assert again.attrs["reused"] == 4 and again.attrs["computed"] == 0
    assert drop_timing(again).equals(drop_timing(df))
    # a changed checkpoint is recomputed
    _save(random_network([2, 5, 4, 1], seed=99), files[1])
    third = track(files, box=2, out=out, progress=False)
    assert third.attrs["computed"] == 1
    par = track(files, box=2, scheduler=None, n_workers=2, progress=False)
    assert drop_timing(par).equals(drop_timing(third))
    fig = plot_tracking(df)
    fig.savefig(str(d / "t.svg"))


def test_track_on_a_slice(run_dir):
    from sage_tropnet.slices import line_through, slice_regions
    from sage_tropnet.adapters import load_network
    d, files = run_dir
    S = line_through([0, 0], [1, 2])
    df = track(files, slice=S, quantities=["linear_regions", "activation_regions",
                                           "monomials"], progress=False)
    for f, r in zip(files, df.itertuples()):
        c = slice_regions(load_network(f), S)
        assert (r.linear_regions, r.activation_regions) == (c["linear_regions"],
                                                            c["activation_regions"])


def _main(*args):
    from sage_tropnet.cli import main
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def test_track_command(run_dir):
    d, files = run_dir
    code, out, err = _main("track", *files, "--box", "1", "--json", "--quantities",
                           "linear_regions", "activation_regions", "--plot", d / "t.png",
                           "--out", d / "t.csv")
    assert code == 0, err
    res = json.loads(out)
    assert [r["epoch"] for r in res["rows"]] == [0, 1, 2, 10]
    assert os.path.exists(d / "t.png") and os.path.exists(d / "t.csv")
    code, out, err = _main("track", *files, "--slice", "0,0", "1,1", "0,1", "--box", "2",
                           "--quantities", "linear_regions")
    assert code == 0 and "epoch" in out
    code, out, err = _main("track", d / "missing.npz")
    assert code == 2 and "missing.npz" in err


def test_slice_command(tmp_path):
    net = random_network([4, 6, 6, 3], seed=1)
    f = tmp_path / "net.npz"
    _save(net, f)
    pts = np.random.default_rng(0).normal(size=(3, 4))
    for i, p in enumerate(pts):
        np.save(tmp_path / ("p%s.npy" % i), p)
    args = [tmp_path / ("p%s.npy" % i) for i in range(3)]
    code, out, err = _main("slice", f, "--through", *args, "--box", "2", "--all-outputs",
                           "--json", "--plot", tmp_path / "s.pdf", "--labels", "a", "b", "c")
    assert code == 0, err
    res = json.loads(out)
    from sage_tropnet.slices import plane_through, slice_regions
    from sage_tropnet.adapters import load_network
    S = plane_through(*pts)
    c = slice_regions(load_network(str(f)), S, box=2, output=None)
    assert (res["linear_regions"], res["activation_regions"]) == (c["linear_regions"],
                                                                  c["activation_regions"])
    assert os.path.getsize(tmp_path / "s.pdf") > 0
    # a line: exact breakpoints
    code, out, err = _main("slice", f, "--through", *args[:2], "--json")
    res = json.loads(out)
    from sage_tropnet.lines import along_segment
    P = along_segment(load_network(str(f)), pts[0], pts[1])
    assert res["breakpoints"] == [str(t) for t in P.breakpoints()]
    # errors: one line
    code, out, err = _main("slice", f, "--through", args[0])
    assert code == 2 and "two points" in err and out == ""
    code, out, err = _main("slice", f, "--through", *args, "--plot", tmp_path / "s.gif")
    assert code == 2 and "picture format" in err
