"""Declarative sweeps (:mod:`sage_tropnet.experiments`) and ``sage-tropnet sweep``."""
import json
import logging
import os

import pandas as pd
import pytest

from sage_tropnet import experiments
from sage_tropnet.cli import main
from sage_tropnet.experiments import (Sweep, drop_timing, parts_directory, read_results,
                                      sweep)

EXAMPLES = os.path.join(os.path.dirname(__file__), os.pardir, "examples")

# 2 architectures x 2 seeds x 5 methods = 20 tiny tasks
SPEC = {"architectures": [[2, 3, 1], [2, 2, 2, 1]], "seeds": 2,
        "methods": ["tropical", "activation", "monomials", "estimate", "bounds"],
        "samples": 200, "radius": 5}
N = 20


class Killed(Exception):
    """Stands for the sweep being killed."""


def kill_after(monkeypatch, k):
    """Make the sweep die right after it has saved ``k`` finished tasks."""
    real = experiments.write_part
    saved = []

    def write_part(parts, row):
        if len(saved) == k:
            raise Killed
        real(parts, row)
        saved.append(row["task_id"])
    monkeypatch.setattr(experiments, "write_part", write_part)
    return saved


def count_runs(monkeypatch):
    """Record the tasks actually run (serial mode runs ``experiments.run_task``)."""
    real = experiments.run_task
    ran = []

    def run_task(task):
        ran.append(task["task_id"])
        return real(task)
    monkeypatch.setattr(experiments, "run_task", run_task)
    return ran


def snapshot(parts):
    return {f: os.stat(os.path.join(parts, f)).st_mtime_ns for f in os.listdir(parts)}


@pytest.fixture(scope="module")
def reference():
    return sweep(SPEC, scheduler="serial", progress=False)


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.ERROR) as c:
        yield c


def test_reference_table(reference):
    df = reference
    assert len(df) == N and df.attrs["computed"] == N
    assert list(df.columns[:5]) == ["task_id", "arch", "seed", "method", "value"]
    assert df["seconds"].dtype == "float64" and df["value"].dtype == "Int64"
    # both exact routes agree; the sampling estimate stays below the exact count
    by = df.set_index(["arch", "seed", "method"])["value"]
    for arch in ("[2, 3, 1]", "[2, 2, 2, 1]"):
        for seed in (0, 1):
            assert by[arch, seed, "tropical"] == by[arch, seed, "activation"]
            assert 0 < by[arch, seed, "estimate"] <= by[arch, seed, "tropical"]
    bounds = df[df["method"] == "bounds"]
    assert set(bounds["bound_trivial"]) == {"8", "16"}   # exact integers as strings
    assert (df["radius"].dropna() == "5").all()
    # the order is that of the tasks, stable across runs
    assert list(df["task_id"]) == [t["task_id"] for t in Sweep(SPEC).tasks()]


def test_local_cluster_matches_serial(reference, tmp_path):
    out = tmp_path / "results.parquet"
    df = sweep(SPEC, out=out, n_workers=2, progress=False)   # its own LocalCluster
    assert df.attrs["computed"] == N
    pd.testing.assert_frame_equal(drop_timing(df), drop_timing(reference))
    pd.testing.assert_frame_equal(drop_timing(read_results(out)), drop_timing(reference))
    assert not (df["seconds"] == reference["seconds"]).all()   # timings are really excluded


def test_killed_cluster_sweep_resumes(reference, cluster, tmp_path, monkeypatch):
    out = tmp_path / "results.csv"
    parts = parts_directory(out)
    saved = kill_after(monkeypatch, 7)
    with pytest.raises(Killed):
        sweep(SPEC, scheduler=cluster.scheduler_address, out=out, progress=False)
    assert not out.exists() and len(saved) == 7
    before = snapshot(parts)
    assert sorted(before) == sorted(t + ".json" for t in saved)
    monkeypatch.undo()
    df = sweep(SPEC, scheduler=cluster.scheduler_address, out=out, progress=False)
    assert (df.attrs["computed"], df.attrs["reused"]) == (N - 7, 7)
    after = snapshot(parts)
    assert len(after) == N
    assert all(after[f] == before[f] for f in before)   # finished parts were not rewritten
    pd.testing.assert_frame_equal(drop_timing(df), drop_timing(reference))
    pd.testing.assert_frame_equal(drop_timing(read_results(out)), drop_timing(reference))


def test_killed_serial_sweep_runs_only_the_remaining_tasks(reference, tmp_path, monkeypatch):
    out = tmp_path / "results.parquet"
    parts = parts_directory(out)
    saved = kill_after(monkeypatch, 5)
    with pytest.raises(Killed):
        sweep(SPEC, scheduler="serial", out=out, progress=False)
    monkeypatch.undo()
    # a part cut short by the kill is not trusted: that task runs again
    with open(os.path.join(parts, saved[-1] + ".json"), "r+") as f:
        f.truncate(10)
    ran = count_runs(monkeypatch)
    df = sweep(SPEC, scheduler="serial", out=out, progress=False)
    ids = [t["task_id"] for t in Sweep(SPEC).tasks()]
    assert sorted(ran) == sorted(set(ids) - set(saved[:-1])) and len(ran) == N - 4
    pd.testing.assert_frame_equal(drop_timing(df), drop_timing(reference))
    # nothing is left to run; resume=False recomputes everything
    ran.clear()
    sweep(SPEC, scheduler="serial", out=out, progress=False)
    assert ran == []
    sweep(SPEC, scheduler="serial", out=out, resume=False, progress=False)
    assert sorted(ran) == sorted(ids)


def test_cli_example_and_json(tmp_path, capsys):
    out = tmp_path / "small.parquet"
    example = os.path.join(EXAMPLES, "sweep_small.toml")
    code = main(["sweep", example, "--scheduler", "serial", "--out", str(out), "--json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    d = json.loads(captured.out)
    assert (d["tasks"], d["computed"], d["reused"]) == (12, 12, 0)
    assert {r["method"] for r in d["rows"]} == {"tropical", "activation", "monomials"}
    assert all(isinstance(r["value"], int) for r in d["rows"])
    code = main(["sweep", example, "--scheduler", "serial", "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 0 and "12 tasks (0 computed, 12 reused)" in captured.out
    assert len(read_results(out)) == 12


BAD = [
    ('seeds = 2\n', "architectures", "missing"),
    ('architectures = [[2, 3, 1]]\nseed = 2\n', "seed", "unknown key"),
    ('architectures = [[2, 3, 1]]\nmethods = ["tropical", "exact"]\n', "methods", "'exact'"),
    ('architectures = [[2, 3, 1]]\nmethods = "tropical"\n', "methods", "list"),
    ('architectures = [[2, 3.5, 1]]\n', "architectures", "positive integers"),
    ('architectures = [[2, 3, 1]]\nseeds = -1\n', "seeds", "positive"),
    ('architectures = [[2, 3, 1]]\nseeds = [0, 0]\n', "seeds", "duplicate"),
    ('architectures = [[2, 3, 1]]\ninit = "xavier"\n', "init", "paper"),
    ('architectures = [[2, 3, 1]]\nbox = -2\n', "box", "positive"),
    ('architectures = [[2, 3, 1]]\nradius = "1/0"\n', "radius", "positive"),
    ('architectures = [[2, 3, 1]]\nsamples = 0\n', "samples", "positive"),
]


@pytest.mark.parametrize("text, key, needle", BAD)
def test_bad_config(tmp_path, capsys, text, key, needle):
    config = tmp_path / "bad.toml"
    config.write_text(text)
    with pytest.raises(ValueError, match="bad.toml: key '%s': .*%s" % (key, needle)):
        Sweep.from_toml(config)
    code = main(["sweep", str(config), "--scheduler", "serial"])
    out, err = capsys.readouterr()
    assert code == 2 and out == "", err
    assert err.startswith("sage-tropnet: error: ") and err.count("\n") == 1
    assert "bad.toml: key '%s'" % key in err and needle in err


def test_bad_files_and_options(tmp_path, capsys):
    config = tmp_path / "broken.toml"
    config.write_text("architectures = [[2, 3, 1]\n")
    for argv, needle in [([str(config)], "broken.toml: not a valid TOML file"),
                         ([str(tmp_path / "missing.toml")], "missing.toml"),
                         ([os.path.join(EXAMPLES, "sweep_small.toml"), "--out", "r.json"],
                          "unknown output format"),
                         ([os.path.join(EXAMPLES, "sweep_small.toml"), "--workers", "0"],
                          "--workers")]:
        code = main(["sweep", "--scheduler", "serial"] + argv)
        out, err = capsys.readouterr()
        assert code == 2 and out == "" and needle in err, (argv, err)
    with pytest.raises(ValueError, match="sweep spec: key 'mode'"):
        Sweep({"architectures": [[1, 1]], "mode": "fast"})
    with pytest.raises(TypeError):
        sweep(3, scheduler="serial")
