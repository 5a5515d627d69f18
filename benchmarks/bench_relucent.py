#!/usr/bin/env python
r"""
Benchmark (e) of the regions issue: activation regions, sage_tropnet versus Relucent.

Relucent (PyPI ``relucent``; needs ``torch`` and ``gurobipy``) enumerates the
activation regions (sign sequences, [STR2018]_ Def. 2) of a ReLU network by a
breadth-first search over its polyhedral complex (``Complex(net).bfs()``; the
number of regions is ``len(complex)``), with Gurobi LPs and float64 rows.

For each architecture and seed the same network is built on both sides: ours
by :func:`sage_tropnet.network.random_network` (``init='paper'``, exact
rationals), Relucent's as a ``torch.nn.Sequential`` of ``Linear``/``ReLU`` with
our weights copied as float64 (``torch.set_default_dtype(torch.float64)``; the
binary64 values are exactly our rationals). Output conventions match: with
``output_activation='relu'`` the torch model ends with a ``ReLU`` and both
sides count the output neuron in the pattern; with ``'linear'`` neither does.

Printed: the three counts (ours exact, ours float, Relucent) and whether they
agree, wall-clock times (imports, Gurobi start and pool start-up excluded on
both sides by a warm-up), CPU times (Relucent's include its worker processes),
and the ratios ours / Relucent. Then non-generic networks: a repeated
hyperplane (duplicate neuron, ``W = [[1, 0], [1, 0], [0, 1]]``) and random
integer networks (``init='integer'``: zeros, repeated hyperplanes), where
Relucent raises ``NonGenericArrangementError`` and ours returns the exact count.

If relucent, torch or gurobipy cannot be imported, or Gurobi has no usable
license, the script says so and exits with status 0.

Install: ``pip install torch==2.13.0 relucent gurobipy``

Usage::

    python benchmarks/bench_relucent.py [--seeds 2] [--workers 1]
        [--outputs relu,linear] [--budget 900] [--integer-nets 10] [--archs 2-8-1,2-8-8-1]
"""
# ****************************************************************************
#       Copyright (C) 2026 sage_tropnet developers
#
# This program is free software: you can redistribute it and/or modify
# it under the terms of the GNU General Public License as published by
# the Free Software Foundation, either version 2 of the License, or
# (at your option) any later version.
#                  https://www.gnu.org/licenses/
# ****************************************************************************
import argparse
import os
import resource
import sys
import time
import warnings

ARCHS = [[2, 8, 1], [2, 8, 8, 1], [3, 8, 8, 1], [4, 6, 6, 1], [2, 16, 16, 1]]

DISAGREEMENTS = []


def _cpu():
    """CPU seconds of this process and of its reaped children (Relucent's workers)."""
    s = resource.getrusage(resource.RUSAGE_SELF)
    c = resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


def timed(fn, *args, **kwds):
    c, t = _cpu(), time.perf_counter()
    res = fn(*args, **kwds)
    return res, time.perf_counter() - t, _cpu() - c


def load_relucent():
    r"""
    Import torch, gurobipy and relucent and start Gurobi; return the modules,
    or print what failed and return ``None``.
    """
    try:
        import torch
    except Exception as err:
        print("SKIPPED: cannot import torch (%s: %s)" % (type(err).__name__, err))
        return None
    try:
        import gurobipy
    except Exception as err:
        print("SKIPPED: cannot import gurobipy (%s: %s)" % (type(err).__name__, err))
        return None
    try:
        import relucent
        from relucent.core.errors import NonGenericArrangementError  # noqa: F401
    except Exception as err:
        print("SKIPPED: cannot import relucent (%s: %s)" % (type(err).__name__, err))
        return None
    try:
        from relucent._internal.gurobi import get_env
        get_env()
    except Exception as err:
        print("SKIPPED: Gurobi cannot start (no usable license?) (%s: %s)"
              % (type(err).__name__, err))
        return None
    return torch, gurobipy, relucent


def to_torch(torch, net):
    r"""
    The network as a float64 ``nn.Sequential`` of ``Linear``/``ReLU`` layers.
    """
    nn = torch.nn
    mods = []
    for W, b, act in net.layers():
        lin = nn.Linear(W.ncols(), W.nrows())
        with torch.no_grad():
            lin.weight.copy_(torch.tensor([[float(a) for a in row] for row in W.rows()],
                                          dtype=torch.float64))
            lin.bias.copy_(torch.tensor([float(a) for a in b], dtype=torch.float64))
        mods.append(lin)
        if act[0] == 'relu':
            mods.append(nn.ReLU())
        elif act[0] != 'linear':
            raise ValueError("activation %s has no torch counterpart here" % (act,))
    return nn.Sequential(*mods)


def relucent_count(relucent, tnet, n, workers, seed=0):
    r"""
    Relucent's number of activation regions: ``len(Complex(net))`` after a
    BFS from a generic start point. Returns ``(count or error text, wall, cpu)``.
    """
    import numpy as np
    start = np.random.default_rng(1000 + seed).normal(0, 0.1, size=n)

    def go():
        cx = relucent.Complex(tnet)
        res = cx.bfs(start=start, nworkers=workers)
        out = len(cx)
        if not (res.complete and res.verified):
            return "%d (complete=%s, verified=%s)" % (out, res.complete, res.verified)
        return out
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return timed(go)
    except Exception as err:
        return ("raised %s" % type(err).__name__, str(err)), 0.0, 0.0


def fmt_count(c):
    if isinstance(c, tuple):
        return c[0]
    return str(c)


def ratio(a, b):
    return "%.2f" % (a / b) if b > 0 else "-"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--seeds", type=int, default=2, help="networks per architecture")
    parser.add_argument("--workers", type=int, default=1,
                        help="Relucent worker processes (ours is single-threaded; default 1)")
    parser.add_argument("--outputs", default="relu,linear", help="output activations to compare")
    parser.add_argument("--budget", type=float, default=900.0,
                        help="time budget of the main table, seconds")
    parser.add_argument("--integer-nets", type=int, default=10,
                        help="random integer (non-generic) networks [2,4,4,1]")
    parser.add_argument("--archs", default=None,
                        help="architectures, e.g. 2-8-1,2-8-8-1 (default: %s)"
                        % ",".join("-".join(map(str, a)) for a in ARCHS))
    args = parser.parse_args()
    archs = ARCHS if not args.archs else [[int(x) for x in a.split("-")]
                                          for a in args.archs.split(",")]

    mods = load_relucent()
    if mods is None:
        return 0
    torch, gurobipy, relucent = mods
    torch.set_default_dtype(torch.float64)
    relucent.update_settings(VERBOSE=0)

    import sage_tropnet  # noqa: F401  -- initialises Sage
    from sage_tropnet.network import random_network, ReLUNetwork
    from sage_tropnet.regions import count_activation_regions

    print("relucent %s, gurobipy %s, torch %s; Relucent workers: %d; load average at start: %s"
          % (relucent.__version__, gurobipy.__version__, torch.__version__, args.workers,
             " ".join("%.2f" % x for x in os.getloadavg())))

    # warm-up: imports, Gurobi environment, worker pool, lazy Sage imports
    w = random_network([2, 3, 1], seed=0, output_activation='relu')
    count_activation_regions(w, progress=False)
    count_activation_regions(w, progress=False, mode='float')
    relucent_count(relucent, to_torch(torch, w), 2, args.workers)

    print("\n(e) activation regions (Def. 2), random networks init='paper'; times are wall-clock "
          "seconds per network, cpu = CPU seconds (Relucent's include its workers)")
    head = ("%-11s %-6s %4s %7s %7s %9s %6s %9s %9s %9s %9s %9s %11s %11s"
            % ("arch", "output", "seed", "exact", "float", "relucent", "agree",
               "t exact", "t float", "t reluc.", "cpu exact", "cpu reluc.",
               "exact/rel.", "float/rel."))
    print(head)
    print("-" * len(head))
    deadline = time.perf_counter() + args.budget
    sums = {}
    stopped = False
    for out_act in args.outputs.split(","):
        for dims in archs:
            for seed in range(args.seeds):
                if time.perf_counter() > deadline:
                    stopped = True
                    break
                net = random_network(dims, seed=seed, init='paper', output_activation=out_act)
                tnet = to_torch(torch, net)
                ce, te, ue = timed(count_activation_regions, net, progress=False)
                cf, tf, uf = timed(count_activation_regions, net, progress=False, mode='float')
                cr, tr, ur = relucent_count(relucent, tnet, dims[0], args.workers, seed)
                agree = "yes" if ce == cf == cr else "NO"
                if ce != cr or ce != cf:
                    msg = ("random_network(%s, seed=%d, init='paper', output_activation=%r): "
                           "ours exact %s, ours float %s, relucent %s"
                           % (dims, seed, out_act, ce, cf, fmt_count(cr)))
                    DISAGREEMENTS.append(msg)
                print("%-11s %-6s %4d %7d %7d %9s %6s %9.3f %9.3f %9.3f %9.3f %9.3f %11s %11s"
                      % ("[" + ",".join(map(str, dims)) + "]", out_act, seed, ce, cf,
                         fmt_count(cr), agree, te, tf, tr, ue, ur,
                         ratio(te, tr) if isinstance(cr, int) else "-",
                         ratio(tf, tr) if isinstance(cr, int) else "-"), flush=True)
                if isinstance(cr, tuple):
                    print("    relucent: %s" % cr[1][:300])
                if isinstance(cr, int):
                    s = sums.setdefault(out_act, [0.0, 0.0, 0.0, 0])
                    s[0] += te
                    s[1] += tf
                    s[2] += tr
                    s[3] += 1
    if stopped:
        print("    (time budget of %ds exhausted)" % args.budget)
    for out_act, (a, b, c, k) in sums.items():
        print("total over %d %s-output networks: exact %.2fs, float %.2fs, relucent %.2fs; "
              "ratios ours/relucent: exact %s, float %s"
              % (k, out_act, a, b, c, ratio(a, c), ratio(b, c)))

    # -- non-generic networks --------------------------------------------------
    print("\nnon-generic: repeated hyperplane (duplicate neuron), W1 = [[1,0],[1,0],[0,1]], "
          "W2 = [[1,1,1]], b2 = [-1]")
    head = ("%-24s %-6s %7s %7s %-60s" % ("b1", "output", "exact", "float", "relucent"))
    print(head)
    print("-" * len(head))
    for b1 in ([1/2, 1/2, -1/4], [0, 0, 0]):
        for out_act in ("linear", "relu"):
            net = ReLUNetwork([([[1, 0], [1, 0], [0, 1]], b1), ([[1, 1, 1]], [-1])],
                              output_activation=out_act)
            ce = count_activation_regions(net, progress=False)
            cf = count_activation_regions(net, progress=False, mode='float')
            cr, _, _ = relucent_count(relucent, to_torch(torch, net), 2, args.workers)
            text = fmt_count(cr) if not isinstance(cr, tuple) else "%s: %s" % (cr[0], cr[1][:120])
            print("%-24s %-6s %7d %7d %s" % (b1, out_act, ce, cf, text), flush=True)

    if args.integer_nets:
        print("\nnon-generic: random integer networks [2,4,4,1] (init='integer', entries in "
              "[-3,3], 20%% zeros), linear output, %d seeds" % args.integer_nets)
        head = ("%4s %7s %7s %-60s" % ("seed", "exact", "float", "relucent"))
        print(head)
        print("-" * len(head))
        tally = {"agree": 0, "raised": 0, "differ": 0}
        for seed in range(args.integer_nets):
            net = random_network([2, 4, 4, 1], seed=seed, init='integer')
            ce = count_activation_regions(net, progress=False)
            try:
                cf = count_activation_regions(net, progress=False, mode='float')
            except Exception as err:
                cf = "err"
                print("    ours float raised %s: %s" % (type(err).__name__, err))
            cr, _, _ = relucent_count(relucent, to_torch(torch, net), 2, args.workers, seed)
            if isinstance(cr, tuple):
                tally["raised"] += 1
                text = "%s: %s" % (cr[0], cr[1][:100])
            else:
                tally["agree" if cr == ce else "differ"] += 1
                text = str(cr)
            print("%4d %7d %7s %s" % (seed, ce, cf, text), flush=True)
        print("relucent on %d integer networks: %d agree with our exact count, %d raised, "
              "%d returned a different count"
              % (args.integer_nets, tally["agree"], tally["raised"], tally["differ"]))

    print("\nload average at end: %s" % " ".join("%.2f" % x for x in os.getloadavg()))
    if DISAGREEMENTS:
        print("\n%d count disagreement(s) on generic networks:" % len(DISAGREEMENTS))
        for m in DISAGREEMENTS:
            print("  " + m)
    else:
        print("no count disagreement on generic networks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
