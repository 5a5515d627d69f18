#!/usr/bin/env python
r"""
Counting one network's regions in pieces on Dask: equality, speed-up, scale.

Three measurements, each printed as a table (``--json FILE`` also saves
them):

``--check``
    exact counts (activation and linear regions) of 20 random networks,
    degenerate ones included (integer weights with ties, repeated and dead
    units, a rank-one first layer, leaky ReLU, maxout, several outputs),
    counted in pieces on a ``LocalCluster`` of two workers and by the serial
    search: they must be equal.

``--speedup``
    one network with at least 10^5 activation regions, counted serially and
    on a ``LocalCluster`` of ``--workers`` processes (the cluster started
    before the clock, as in a session that counts several networks; the
    start-up time is printed too).

``--simulate``
    the per-piece log of a parallel count (time and size of every piece, the
    client's merge time, the boundary cells), and a projection to a network
    with 10^8 regions on 64 workers:

    .. MATH::

        T_{64} \approx T_{\text{split}}
            + \frac{N}{N_0}\,\frac{\sum_P t_P}{64}\,(1 + \text{imbalance})
            + \frac{N}{N_0}\,T_{\text{merge}},

    where `N_0` is the measured count, `t_P` the measured piece times, and
    the merge (on the client, serial) scales with the number of pieces and
    boundary cells, proportional to `N` at fixed pieces per region.

Usage::

    sage -python benchmarks/bench_distributed.py --check --speedup --simulate

Run on an otherwise idle machine: the times are wall clock.
"""
import argparse
import json
import logging
import statistics
import sys
import time

import sage.all  # noqa: F401  (Sage first)

from sage_tropnet.network import ReLUNetwork, random_network
from sage_tropnet.regions import count_linear_regions, count_activation_regions
from sage_tropnet.regions.parallel import count_regions_parallel


def networks():
    r"""
    The 20 networks of the equality check: name -> network.
    """
    N = {}
    for s in range(6):
        N["he [3,8,8,1] seed %s" % s] = random_network([3, 8, 8, 1], seed=s, init="he")
    for s in range(4):
        N["integer [3,6,6,1] seed %s" % s] = random_network([3, 6, 6, 1], seed=s,
                                                            init="integer",
                                                            output_activation="relu")
    for s in range(2):
        N["integer/2 [2,5,5,5,1] seed %s" % s] = random_network(
            [2, 5, 5, 5, 1], seed=s, init="integer", denominator=2, output_activation="relu")
    N["paper [4,6,6,1]"] = random_network([4, 6, 6, 1], seed=3)
    N["he [2,10,10,10,1]"] = random_network([2, 10, 10, 10, 1], seed=1, init="he")
    N["rank one first layer"] = ReLUNetwork([([[1, 1], [2, 2], [-1, -1]], [0, -1, 3]),
                                             ([[1, -1, 2], [1, 1, -1]], [0, 1]),
                                             ([[1, 1]], [0])], output_activation="relu")
    N["repeated and dead units"] = ReLUNetwork(
        [([[1, 0], [1, 0], [0, 1], [0, 0], [1, 1]], [0, 0, 1, 0, -1]),
         ([[1, -1, 1, 5, 0], [-1, 1, 1, 0, 1], [0, 0, 0, 0, 0]], [0, 1 / 2, 0]),
         ([[1, -2, 3]], [0])], output_activation="relu")
    N["leaky [2,6,6,1]"] = random_network([2, 6, 6, 1], seed=1,
                                          hidden_activation=("leaky_relu", 0.25))
    N["maxout [2,3,3,1] rank 3"] = random_network([2, 3, 3, 1], seed=1,
                                                  hidden_activation=("maxout", 3))
    N["two outputs [2,5,5,2]"] = random_network([2, 5, 5, 2], seed=7, init="integer")
    N["he [5,8,8,1]"] = random_network([5, 8, 8, 1], seed=0, init="he")
    assert len(N) == 20
    return N


def local_client(workers):
    from distributed import Client, LocalCluster
    t = time.perf_counter()
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=logging.ERROR)
    client = Client(cluster)
    return client, cluster, time.perf_counter() - t


def check(client):
    rows = []
    print("%-28s %10s %10s %10s %10s %6s %5s" % ("network", "act serial", "act dask",
                                                  "lin serial", "lin dask", "pieces", "ok"))
    for name, net in networks().items():
        a = count_activation_regions(net, progress=False)
        lin = count_linear_regions(net, progress=False)
        R = count_regions_parallel(net, scheduler=client, pieces=12, progress=False)
        ok = (R.activation_regions, R.linear_regions) == (a, lin)
        rows.append(dict(network=name, activation_serial=a, activation_dask=R.activation_regions,
                         linear_serial=lin, linear_dask=R.linear_regions, pieces=R.pieces,
                         fallback=R.fallback, equal=ok))
        print("%-28s %10s %10s %10s %10s %6s %5s%s" % (name, a, R.activation_regions, lin,
                                                       R.linear_regions, R.pieces, ok,
                                                       "  (%s)" % R.fallback if R.fallback
                                                       else ""))
    print("equal on %s of %s networks" % (sum(r["equal"] for r in rows), len(rows)))
    return rows


def speedup(client, dims, seed, workers, startup):
    net = random_network(dims, seed=seed, init="he")
    t = time.perf_counter()
    a = count_activation_regions(net, progress=False)
    lin = count_linear_regions(net, progress=False)
    serial = time.perf_counter() - t
    t = time.perf_counter()
    R = count_regions_parallel(net, scheduler=client, progress=False)
    par = time.perf_counter() - t
    ok = (R.activation_regions, R.linear_regions) == (a, lin)
    print("network %s (He, seed %s): %s activation regions, %s linear regions"
          % (dims, seed, a, lin))
    print("serial (activation + linear count, two searches): %.1f s" % serial)
    print("LocalCluster(%s workers), one search for both counts: %.1f s (start-up %.1f s "
          "not included; pieces %s, tasks %s, split %.2f s, merge %.2f s) -> speed-up %.2fx%s"
          % (workers, par, startup, R.pieces, R.tasks, R.split_seconds, R.merge_seconds,
             serial / par, "" if ok else "  COUNTS DIFFER"))
    t = time.perf_counter()
    count_linear_regions(net, progress=False)
    lin_only = time.perf_counter() - t
    print("serial, one search giving the linear count (as the parallel search): %.1f s "
          "-> speed-up %.2fx" % (lin_only, lin_only / par))
    return dict(network=dims, seed=seed, activation_regions=a, linear_regions=lin,
                serial_seconds=serial, serial_linear_seconds=lin_only, parallel_seconds=par,
                startup_seconds=startup, pieces=R.pieces, tasks=R.tasks,
                split_seconds=R.split_seconds, merge_seconds=R.merge_seconds,
                speedup=serial / par, speedup_one_search=lin_only / par, equal=ok), R


def simulate(R, target=10 ** 8, workers=64):
    times = [e["seconds"] for e in R.log]
    sizes = [e["count"] for e in R.log]
    cross = [e["cross"] for e in R.log]
    total = sum(times)
    N0 = R.activation_regions
    scale = target / N0
    # imbalance: the slowest worker's share over the mean, by a greedy
    # longest-first assignment of the measured pieces to `workers` bins
    # replicated `scale` times (pieces of the big network ~ the same shapes)
    mean_piece = statistics.mean(times)
    imbalance = max(times) / (mean_piece * max(1.0, scale * len(times) / workers))
    compute = scale * total / workers
    merge = scale * R.merge_seconds
    split = R.split_seconds
    T = split + compute * (1 + imbalance) + merge
    print("per piece: %s pieces; regions min/median/max %s/%s/%s; seconds min/median/max "
          "%.3f/%.3f/%.3f; crossing pairs median %s; boundary cells on the client %s"
          % (len(times), min(sizes), int(statistics.median(sizes)), max(sizes), min(times),
             statistics.median(times), max(times), int(statistics.median(cross)),
             R.boundary_cells))
    print("measured: %s regions, %.2f s of piece work (%.1f us per region), client merge "
          "%.3f s (%.2f us per region), split %.2f s"
          % (N0, total, 1e6 * total / N0, R.merge_seconds, 1e6 * R.merge_seconds / N0, split))
    print("projection for %.0e regions on %s workers: compute %.0f s x (1 + %.3f imbalance) "
          "+ merge %.0f s (client, serial) = %.0f s (%.1f h); the merge is %.0f%% of it"
          % (target, workers, compute, imbalance, merge, T, T / 3600, 100 * merge / T))
    return dict(pieces=len(times), piece_seconds=times, piece_regions=sizes,
                piece_crossings=cross, boundary_cells=R.boundary_cells,
                merge_seconds=R.merge_seconds, split_seconds=split, regions=N0,
                projected_regions=target, projected_workers=workers,
                projected_seconds=T, projected_merge_seconds=merge)


def merge_cost():
    r"""
    The client's merge on networks that glue many cells across pieces
    (integer weights, ReLU output): crossing pairs, boundary cells and merge
    time per crossing pair, for the projection's worst case.
    """
    rows = []
    for dims in ([4, 10, 10, 10, 1], [3, 12, 12, 12, 1]):
        net = random_network(dims, seed=0, init="integer", output_activation="relu")
        R = count_regions_parallel(net, scheduler="synchronous", pieces=64, progress=False)
        cross = sum(e["cross"] for e in R.log)
        per = R.merge_seconds / max(cross, 1)
        print("merge, integer %s: %s activation / %s linear regions, %s pieces, %s crossing "
              "pairs, %s boundary cells, merge %.3f s (%.1f us per crossing pair)"
              % (dims, R.activation_regions, R.linear_regions, R.pieces, cross,
                 R.boundary_cells, R.merge_seconds, 1e6 * per))
        rows.append(dict(network=dims, activation_regions=R.activation_regions,
                         linear_regions=R.linear_regions, pieces=R.pieces, crossing_pairs=cross,
                         boundary_cells=R.boundary_cells, merge_seconds=R.merge_seconds))
    worst = max(r["crossing_pairs"] / r["activation_regions"] for r in rows)
    per = max(r["merge_seconds"] / max(r["crossing_pairs"], 1) for r in rows)
    print("worst case for 1e8 regions: %.2f crossing pairs per region x %.1f us = %.0f s of "
          "client merge, %.0e boundary cells held by the client"
          % (worst, 1e6 * per, 1e8 * worst * per,
             1e8 * max(r["boundary_cells"] / r["activation_regions"] for r in rows)))
    return rows


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[1],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--check", action="store_true", help="counts of 20 networks vs serial")
    p.add_argument("--speedup", action="store_true", help="LocalCluster vs serial")
    p.add_argument("--simulate", action="store_true",
                   help="per-piece log and a projection to 1e8 regions on 64 workers")
    p.add_argument("--merge", action="store_true",
                   help="merge cost on networks that glue many cells across pieces")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--dims", default="5,14,14,14,1",
                   help="the network of --speedup/--simulate (He init)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--json", default=None, metavar="FILE")
    a = p.parse_args(argv)
    if not (a.check or a.speedup or a.simulate or a.merge):
        a.check = a.speedup = a.simulate = a.merge = True
    out = {}
    if a.merge:
        out["merge"] = merge_cost()
        if not (a.check or a.speedup or a.simulate):
            return 0
    client, cluster, startup = local_client(a.workers)
    print("LocalCluster of %s workers started in %.1f s" % (a.workers, startup))
    try:
        if a.check:
            out["check"] = check(client)
        if a.speedup or a.simulate:
            dims = [int(x) for x in a.dims.split(",")]
            out["speedup"], R = speedup(client, dims, a.seed, a.workers, startup)
            if a.simulate:
                out["simulate"] = simulate(R)
    finally:
        client.close()
        cluster.close()
    if a.json:
        with open(a.json, "w") as fh:
            json.dump(out, fh, indent=1, default=str)
    return 0 if all(r["equal"] for r in out.get("check", [])) else 1


if __name__ == "__main__":
    sys.exit(main())
