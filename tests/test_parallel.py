"""Counting one network's regions in pieces (sage_tropnet.regions.parallel): the exact
merge against the serial search, a LocalCluster, a real dask scheduler with two
dask worker processes on 127.0.0.1, resumption after a crash, the command line.
"""
import json
import logging
import os
import signal
import subprocess
import sys
import time
import warnings

import numpy as np
import pytest

from sage.all import QQ, Polyhedron

from sage_tropnet.network import ReLUNetwork, random_network
from sage_tropnet.regions import count_linear_regions, count_activation_regions
from sage_tropnet.regions.parallel import (count_regions_parallel, count_linear_regions_parallel,
                                   count_activation_regions_parallel, partition, count_piece,
                                   PieceMerge, scheduled_counters)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def serial(net, box=None, output=0, mode="exact"):
    return (count_activation_regions(net, box=box, mode=mode, progress=False),
            count_linear_regions(net, box=box, output=output, mode=mode, progress=False))


def counts(R):
    return R.activation_regions, R.linear_regions


#: networks with glued cells, degenerate units and odd first layers
NETWORKS = {
    "random relu output": lambda: random_network([3, 6, 6, 1], seed=2, output_activation="relu"),
    "integer": lambda: random_network([3, 6, 6, 1], seed=4, init="integer"),
    "integer relu output": lambda: random_network([2, 6, 6, 1], seed=3, init="integer",
                                                  output_activation="relu"),
    "integer halves, 3 hidden": lambda: random_network([2, 5, 5, 5, 1], seed=4, init="integer",
                                                       denominator=2,
                                                       output_activation="relu"),
    "rank 1 first layer": lambda: ReLUNetwork([([[1, 1], [2, 2], [-1, -1]], [0, -1, 3]),
                                              ([[1, -1, 2], [1, 1, -1]], [0, 1]),
                                              ([[1, 1]], [0])], output_activation="relu"),
    "repeated and dead units": lambda: ReLUNetwork(
        [([[1, 0], [1, 0], [0, 1], [0, 0], [1, 1]], [0, 0, 1, 0, -1]),
         ([[1, -1, 1, 5, 0], [-1, 1, 1, 0, 1], [0, 0, 0, 0, 0]], [0, 1 / 2, 0]),
         ([[1, -2, 3]], [0])], output_activation="relu"),
    "leaky": lambda: random_network([2, 5, 5, 1], seed=1, hidden_activation=("leaky_relu", 0.25)),
    "maxout": lambda: random_network([2, 3, 3, 1], seed=1, hidden_activation=("maxout", 3)),
    "two outputs": lambda: random_network([2, 5, 5, 2], seed=7, init="integer"),
    "one hidden layer": lambda: random_network([3, 8, 1], seed=0),
}


@pytest.mark.parametrize("name", sorted(NETWORKS))
def test_pieces_merge_to_the_serial_counts(name):
    net = NETWORKS[name]()
    for box in (None, QQ(3) / 2):
        R = count_regions_parallel(net, box=box, scheduler="synchronous", pieces=12,
                                   progress=False)
        assert R.fallback is None and R.pieces >= 2, (name, R)
        assert counts(R) == serial(net, box=box), (name, box)
        assert sum(e["count"] for e in R.log) == R.activation_regions


def test_every_cutoff_and_output():
    net = random_network([2, 5, 5, 5, 1], seed=4, init="integer", output_activation="relu")
    expected = serial(net)
    for target in (1, 4, 10, 30, 60, 10 ** 6):
        R = count_regions_parallel(net, scheduler="synchronous", pieces=target, progress=False)
        assert counts(R) == expected, (target, R.cutoff)
    two = NETWORKS["two outputs"]()
    for output in (0, 1, None):
        R = count_regions_parallel(two, output=output, scheduler="synchronous", progress=False)
        assert R.linear_regions == count_linear_regions(two, output=output), output


def test_polyhedral_domain_and_float_mode():
    net = random_network([2, 6, 6, 1], seed=3, init="integer", output_activation="relu")
    P = Polyhedron(vertices=[(-3, -1), (4, -2), (0, 5)], base_ring=QQ)
    R = count_regions_parallel(net, box=P, scheduler="synchronous", progress=False)
    assert counts(R) == serial(net, box=P)
    net = random_network([3, 7, 7, 1], seed=5)
    R = count_regions_parallel(net, mode="float", scheduler="synchronous", progress=False)
    assert counts(R) == serial(net, mode="float")


def test_pieces_are_disjoint_and_owned():
    net = random_network([3, 6, 6, 1], seed=2, output_activation="relu")
    P = partition(net, target=20)
    assert len(set(P.ids)) == len(P) >= 20
    for p, pid in zip(P.pieces, P.ids):
        r = count_piece(net, p)
        assert r["id"] == pid
        assert all(a[:P.offset] == pid and b[:P.offset] != pid for a, b in r["cross"])


def test_fallbacks_say_so():
    mo = ReLUNetwork([([[1, 0], [0, 1]], [0, 0]), ([[1], [2]], [0, 1]), ([[1]], [0])],
                     hidden_activation=("maxout", 2))
    with pytest.warns(UserWarning, match="not pointed: counted serially"):
        R = count_regions_parallel(mo, scheduler="synchronous", progress=False)
    assert R.fallback and counts(R) == serial(mo)
    one = ReLUNetwork([([[1, 2], [3, -1]], [0, 1])], output_activation="relu")
    with pytest.warns(UserWarning, match="one layer"):
        R = count_regions_parallel(one, scheduler="synchronous", progress=False)
    assert counts(R) == serial(one)
    R = count_regions_parallel(one, scheduler="serial", progress=False)
    assert R.fallback is None and counts(R) == serial(one)


def test_an_inconsistent_merge_is_detected():
    M = PieceMerge()
    M.add(dict(id=b"\x00", count=2, local_merges=0, cross=[(b"\x00\x01", b"\x01\x01")],
               groups=[]))
    M.add(dict(id=b"\x01", count=2, local_merges=0, cross=[], groups=[]))
    assert not M.is_consistent()


def test_arguments_are_checked():
    net = random_network([2, 3, 3, 1], seed=0)
    with pytest.raises(ValueError, match="scheduler"):
        count_regions_parallel(net, scheduler="cluster")
    with pytest.raises(ValueError, match="workers"):
        count_regions_parallel(net, scheduler="synchronous", workers=0)
    with pytest.raises(ValueError, match="pieces"):
        count_regions_parallel(net, scheduler="synchronous", pieces=2.5)
    with pytest.raises(ValueError, match="out of range"):
        count_regions_parallel(net, scheduler="synchronous", output=3)
    with pytest.raises(TypeError):
        count_regions_parallel(net.tropicalize()[0], scheduler="synchronous")


# ---------------------------------------------------------------------------
# resumption
# ---------------------------------------------------------------------------

class Crash(Exception):
    pass


def crash_after(k):
    def progress(done, total, regions):
        if done >= k:
            raise Crash
    return progress


def test_resumes_after_a_crash(tmp_path):
    net = random_network([3, 6, 6, 1], seed=4, init="integer", output_activation="relu")
    expected = serial(net)
    state = str(tmp_path / "state")
    with pytest.raises(Crash):
        count_regions_parallel(net, scheduler="synchronous", state=state, progress=crash_after(9))
    files = sorted(os.listdir(state))
    assert len(files) == 9 and all(f.endswith(".json") for f in files)   # no temporary file
    R = count_regions_parallel(net, scheduler="synchronous", state=state, progress=False)
    assert (R.reused, R.computed, R.rejected) == (9, R.pieces - 9, 0)
    assert counts(R) == expected
    # a damaged piece and an edited count are recomputed, never trusted
    paths = [os.path.join(state, f) for f in sorted(os.listdir(state))]
    with open(paths[0], "w") as f:
        f.write("{not json")
    c = json.load(open(paths[1]))
    c["result"]["count"] += 1
    json.dump(c, open(paths[1], "w"))
    R = count_regions_parallel(net, scheduler="synchronous", state=state, progress=False)
    assert (R.reused, R.computed, R.rejected) == (R.pieces - 2, 2, 2)
    assert counts(R) == expected
    # another network, domain or mode in the same directory reuses nothing
    other = random_network([3, 6, 6, 1], seed=5, init="integer", output_activation="relu")
    R = count_regions_parallel(other, scheduler="synchronous", state=state, progress=False)
    assert R.reused == 0 and counts(R) == serial(other)
    R = count_regions_parallel(net, box=2, scheduler="synchronous", state=state, progress=False)
    assert R.reused == 0 and counts(R) == serial(net, box=2)
    # resume=False recomputes everything
    R = count_regions_parallel(net, scheduler="synchronous", state=state, resume=False,
                               progress=False)
    assert R.reused == 0 and counts(R) == expected


# ---------------------------------------------------------------------------
# on clusters
# ---------------------------------------------------------------------------

#: a network of a few thousand regions, many pieces and glued cells across them
CLUSTER_NET = dict(dims=[3, 10, 10, 1], seed=3, init="integer", output_activation="relu")


@pytest.fixture(scope="module")
def cluster_net():
    net = random_network(**CLUSTER_NET)
    return net, serial(net)


def test_local_cluster(cluster_net, tmp_path):
    net, expected = cluster_net
    t = time.perf_counter()
    R = count_regions_parallel(net, scheduler="local", workers=2, pieces=24, progress=False)
    assert counts(R) == expected and R.fallback is None
    assert R.workers == 2 and R.computed == R.pieces >= 24
    assert len({e["worker"] for e in R.log}) == 2     # both workers counted pieces
    assert time.perf_counter() - t < 120
    # a crash on the cluster, then resumption on another local cluster
    state = str(tmp_path / "state")
    with pytest.raises(Crash):
        count_regions_parallel(net, scheduler="local", workers=2, pieces=24, state=state,
                               progress=crash_after(5))
    R = count_regions_parallel(net, scheduler="local", workers=2, pieces=24, state=state,
                               progress=False)
    assert R.reused >= 5 and R.reused + R.computed == R.pieces and counts(R) == expected


def _free_scheduler(tmp_path, env):
    """Start ``dask scheduler`` on 127.0.0.1 (a free port), return (process, address)."""
    info = tmp_path / "scheduler.json"
    proc = subprocess.Popen(
        [sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
         "--port", "0", "--no-dashboard", "--scheduler-file", str(info)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        if info.exists():
            try:
                return proc, json.loads(info.read_text())["address"]
            except (ValueError, KeyError):
                pass
        if proc.poll() is not None:
            raise RuntimeError("dask scheduler exited with %s" % proc.returncode)
        time.sleep(0.2)
    raise RuntimeError("dask scheduler did not start")


def _stop(proc):
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def test_dask_scheduler_and_two_worker_processes(cluster_net, tmp_path):
    net, expected = cluster_net
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    procs = []
    try:
        sched, address = _free_scheduler(tmp_path, env)
        procs.append(sched)
        assert address.startswith("tcp://127.0.0.1:")
        for _ in range(2):
            procs.append(subprocess.Popen(
                [sys.executable, "-m", "distributed.cli.dask_worker", address,
                 "--host", "127.0.0.1", "--nthreads", "1", "--no-dashboard", "--no-nanny"],
                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                start_new_session=True))
        R = count_regions_parallel(net, scheduler=address, workers=2, pieces=24,
                                   progress=False)
        assert counts(R) == expected and R.fallback is None and R.workers == 2
        used = {e["worker"] for e in R.log}
        assert len(used) == 2 and all(w.startswith("tcp://127.0.0.1:") for w in used)
        # the same cluster through the command line
        f = tmp_path / "net.npz"
        arrays = {}
        for i, (W, b, _) in enumerate(net.layers()):
            arrays["W%s" % i] = np.array([[float(x) for x in r] for r in W.rows()])
            arrays["b%s" % i] = np.array([float(x) for x in b])
        np.savez(f, **arrays)
        out = subprocess.run(
            [sys.executable, "-m", "sage_tropnet", "regions", str(f), "--method", "activation",
             "--output-activation", "relu", "--json", "--scheduler", address, "--pieces", "8"],
            env=env, capture_output=True, text=True, timeout=300)
        assert out.returncode == 0, out.stderr
        d = json.loads(out.stdout)
        assert (d["activation_regions"], d["linear_regions"]) == expected
    finally:
        for p in reversed(procs):
            _stop(p)


# ---------------------------------------------------------------------------
# the command line and the wiring of the serial functions
# ---------------------------------------------------------------------------

def test_scheduled_counters_hand_other_counts_to_the_serial_functions():
    calls = []

    def lin(obj, **kw):
        calls.append(("linear", kw.get("method"), kw.get("adjacency")))
        return count_linear_regions(obj, **kw)

    def act(net, **kw):
        calls.append(("activation",))
        return count_activation_regions(net, **kw)

    notes = []
    L, A = scheduled_counters(lin, act, scheduler="synchronous", note=notes.append)
    net = random_network([2, 5, 5, 1], seed=3, init="integer", output_activation="relu")
    expected = serial(net)
    assert (A(net, progress=False), L(net, progress=False)) == expected
    assert calls == []
    assert L(net, method="tropical") == expected[1]
    assert L(net, adjacency="nonempty") == count_linear_regions(net, adjacency="nonempty")
    assert [c[1:] for c in calls] == [("tropical", "facet"), ("auto", "nonempty")]
    one = ReLUNetwork([([[1, 2], [3, -1]], [0, 1])], output_activation="relu")
    assert L(one) == count_linear_regions(one)
    assert notes and "counted serially" in notes[0]


def test_cli_scheduler_options(tmp_path):
    from sage_tropnet.cli import main
    import io
    import contextlib
    f = tmp_path / "net.npz"
    np.savez(f, W0=np.array([[1., 0.], [0., 1.], [1., 1.], [1., -1.]]),
             b0=np.array([0., 0., -1., 0.5]),
             W1=np.array([[1., -1., 1., 1.], [-1., 1., 1., 0.], [2., 0., -1., 1.]]),
             b1=np.array([0., 0.5, -1.]), W2=np.array([[1., -2., 1.]]), b2=np.array([0.]))
    results = []
    for extra in ([], ["--scheduler", "synchronous", "--pieces", "5"]):
        s = io.StringIO()
        with contextlib.redirect_stdout(s):
            assert main(["regions", str(f), "--json", "--output-activation", "relu"] + extra) == 0
        d = json.loads(s.getvalue())
        results.append((d["linear_regions"], d["activation_regions"], d["agree"]))
    assert results[0] == results[1] and results[0][2] is True
    import argparse
    from sage_tropnet.cli.regions import add_arguments
    p = argparse.ArgumentParser()
    add_arguments(p)
    a = p.parse_args(["net.npz"])
    assert (a.scheduler, a.workers, a.pieces) == ("serial", None, None)
    a = p.parse_args(["net.npz", "--scheduler", "tcp://127.0.0.1:8786", "--workers", "4",
                      "--pieces", "64"])
    assert (a.scheduler, a.workers, a.pieces) == ("tcp://127.0.0.1:8786", 4, 64)
