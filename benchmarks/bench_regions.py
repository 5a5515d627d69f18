#!/usr/bin/env python
r"""
Benchmarks (b), (c), (d) of the regions issue: counting linear and activation regions.

Sections (select them on the command line, default: all; each is bounded in time):

- ``b`` -- the paper's architectures [2,6,1], [3,5,1], [4,4,1], [5,3,1],
  [6,2,1], [3,2,2,1], [3,3,2,1], 25 random networks each (``init='paper'``,
  output activation ``relu`` as in the paper's symbolic runs, and ``linear``):
  mean number of linear regions by the tropical and the activation route
  (checked equal, network by network), mean number of activation regions, and
  the mean time per network of each route (the tropical route's time includes
  the tropicalisation).
- ``c`` -- our tropical route versus our activation route versus a naive
  exact all-pairs counter written here (for `f = p \oslash q` pruned: every
  pair `(i, j)` of monomials is tested for a full-dimensional `U_i \cap V_j`
  with an exact Sage ``Polyhedron`` (backend ``'ppl'``), then cells with the
  same affine map sharing a facet are glued by pairwise exact intersection
  dimension checks). The three counts are checked equal.
- ``d`` -- the largest networks each route handles within a time limit
  (default 60 s): the width ``w`` of [2,w,w,1] and [3,w,w,1] grows until a
  count takes longer than the limit; routes (``--d-routes``): linear regions
  by the exact tropical (``trop``), exact activation (``act``) and float
  activation (``float``) routes, and activation regions, exact
  (``act_regions``) and float (``float_act``; the issue's aim is at least
  10^5 of them in 60 s). Every count runs in a forked child that is killed
  at the limit.

These are benchmarks, not tests: they print tables and are not run in CI.
A count that differs between routes is printed with its seed and
architecture, to reproduce it.

Usage::

    python benchmarks/bench_regions.py [b] [c] [d]
        [--nets 25] [--seeds 5] [--limit 60] [--budget 600]
        [--d-archs 2,3,4] [--d-routes trop,act,float,act_regions,float_act]
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
import multiprocessing
import sys
import time

import sage_tropnet  # noqa: F401  -- initialises Sage first
from sage.geometry.polyhedron.constructor import Polyhedron
from sage.rings.rational_field import QQ

from sage_tropnet.network import random_network
from sage_tropnet.regions import count_activation_regions, count_linear_regions

PAPER_ARCHS = [[2, 6, 1], [3, 5, 1], [4, 4, 1], [5, 3, 1], [6, 2, 1], [3, 2, 2, 1], [3, 3, 2, 1]]
NAIVE_ARCHS = [[2, 4, 1], [2, 6, 1], [3, 4, 1], [2, 3, 3, 1], [2, 10, 1], [3, 8, 1], [2, 5, 5, 1], [3, 4, 4, 1]]

DISAGREEMENTS = []


def arch_str(dims):
    return "[" + ",".join(str(d) for d in dims) + "]"


def timed(fn, *args, **kwds):
    t = time.perf_counter()
    res = fn(*args, **kwds)
    return res, time.perf_counter() - t


def disagree(section, dims, seed, out_act, what):
    msg = ("DISAGREEMENT (%s): random_network(%s, seed=%s, init='paper', "
           "output_activation=%r): %s" % (section, dims, seed, out_act, what))
    DISAGREEMENTS.append(msg)
    print("  " + msg, flush=True)


def ratio(a, b):
    return "%.2f" % (a / b) if b > 0 else "-"


# ---------------------------------------------------------------------------
# (b) the paper's architectures
# ---------------------------------------------------------------------------

def warm_up():
    r"""
    One small count per route, so that lazy imports and caches are not timed.
    """
    net = random_network([2, 3, 1], seed=0)
    count_linear_regions(net, method='tropical', progress=False)
    count_linear_regions(net, method='activation', progress=False)
    count_linear_regions(net, method='activation', mode='float', progress=False)
    count_activation_regions(net, progress=False)
    naive_count(net.tropicalize()[0])


def section_b(nets, budget):
    print("\n(b) the paper's architectures, %d random networks each (init='paper'), exact mode"
          % nets)
    print("    LR = linear regions, AR = activation regions; times are means per network "
          "(tropical route includes tropicalisation)")
    head = ("%-10s %-6s %4s %9s %9s %6s %9s %10s %10s %10s %10s"
            % ("arch", "output", "nets", "LR trop", "LR act", "equal", "AR",
               "t trop(s)", "t actLR(s)", "t AR(s)", "trop/act"))
    print(head)
    print("-" * len(head))
    deadline = time.perf_counter() + budget
    for out_act in ("relu", "linear"):
        for dims in PAPER_ARCHS:
            rows = []
            for seed in range(nets):
                if time.perf_counter() > deadline:
                    break
                net = random_network(dims, seed=seed, init='paper', output_activation=out_act)
                lt, tt = timed(count_linear_regions, net, method='tropical', progress=False)
                la, ta = timed(count_linear_regions, net, method='activation', progress=False)
                ar, tr = timed(count_activation_regions, net, progress=False)
                if lt != la:
                    disagree('b', dims, seed, out_act, "tropical route %s != activation route %s"
                             % (lt, la))
                if ar < la:
                    disagree('b', dims, seed, out_act, "activation regions %s < linear regions %s"
                             % (ar, la))
                rows.append((lt, la, ar, tt, ta, tr))
            if not rows:
                print("%-10s %-6s   (time budget exhausted)" % (arch_str(dims), out_act))
                continue
            k = len(rows)
            m = [sum(r[i] for r in rows) / k for i in range(6)]
            eq = sum(1 for r in rows if r[0] == r[1])
            print("%-10s %-6s %4d %9.2f %9.2f %6s %9.2f %10.4f %10.4f %10.4f %10s"
                  % (arch_str(dims), out_act, k, m[0], m[1], "%d/%d" % (eq, k), m[2],
                     m[3], m[4], m[5], ratio(m[3], m[4])), flush=True)
            if k < nets:
                print("    (time budget of %ds exhausted after %d networks)" % (budget, k))


# ---------------------------------------------------------------------------
# (c) naive all-pairs exact counter
# ---------------------------------------------------------------------------

def _monomial_ieqs(exps, coeffs):
    r"""
    For each monomial `i`, the inequalities (Sage format ``[b, a_1..a_n]``,
    meaning `b + a\cdot x \ge 0`) of its region `c_i + e_i x \ge c_k + e_k x`.
    """
    out = []
    for i in range(len(exps)):
        rows = []
        for k in range(len(exps)):
            if k != i:
                rows.append([QQ(coeffs[i]) - QQ(coeffs[k])]
                            + [QQ(a) - QQ(b) for a, b in zip(exps[i], exps[k])])
        out.append(rows)
    return out


class _UF:
    def __init__(self, n):
        self.p = list(range(n))

    def find(self, a):
        while self.p[a] != a:
            self.p[a] = self.p[self.p[a]]
            a = self.p[a]
        return a

    def union(self, a, b):
        self.p[self.find(a)] = self.find(b)


def naive_count(f):
    r"""
    Count the linear regions of the tropical rational map ``f`` (pruned) by
    testing all pairs of monomials, then gluing same-map cells sharing a facet.

    Returns ``(count, number of pairs, number of cells)``.
    """
    f = f.prune()
    p, q = f.numerator().merged(), f.denominator().merged()
    n = p.nvariables()
    pe, pc = p.exponents(), p.coefficients()
    qe, qc = q.exponents(), q.coefficients()
    U = _monomial_ieqs(pe, pc)
    V = _monomial_ieqs(qe, qc)
    cells, labels = [], []
    for i in range(len(pe)):
        for j in range(len(qe)):
            ieqs = U[i] + V[j]
            if ieqs:
                P = Polyhedron(ieqs=ieqs, base_ring=QQ, backend='ppl')
            else:
                P = Polyhedron(lines=[[QQ(int(a == b)) for a in range(n)] for b in range(n)],
                               base_ring=QQ, backend='ppl')
            if P.dim() == n:
                cells.append(P)
                labels.append((tuple(QQ(a) - QQ(b) for a, b in zip(pe[i], qe[j])),
                               QQ(pc[i]) - QQ(qc[j])))
    uf = _UF(len(cells))
    for s in range(len(cells)):
        for t in range(s + 1, len(cells)):
            if labels[s] == labels[t] and uf.find(s) != uf.find(t):
                if cells[s].intersection(cells[t]).dim() == n - 1:
                    uf.union(s, t)
    count = len(set(uf.find(s) for s in range(len(cells))))
    return count, len(pe) * len(qe), len(cells)


def section_c(seeds, budget):
    print("\n(c) tropical route vs activation route vs naive all-pairs exact counter, "
          "%d random networks each (init='paper', linear output), exact mode" % seeds)
    print("    |p|,|q| = monomials of the pruned numerator / denominator (means); times are means "
          "per network; naive includes tropicalisation and pruning, like the tropical route")
    head = ("%-10s %4s %11s %7s %7s %8s %8s %8s %7s %9s %9s %9s %10s %10s"
            % ("arch", "nets", "|p|,|q|", "pairs", "cells", "LR trop", "LR act", "LR naive",
               "agree", "t trop(s)", "t act(s)", "t naive(s)", "naive/trop", "naive/act"))
    print(head)
    print("-" * len(head))
    deadline = time.perf_counter() + budget
    for dims in NAIVE_ARCHS:
        rows = []
        for seed in range(seeds):
            if time.perf_counter() > deadline:
                break
            net = random_network(dims, seed=seed, init='paper', output_activation='linear')
            lt, tt = timed(count_linear_regions, net, method='tropical', progress=False)
            la, ta = timed(count_linear_regions, net, method='activation', progress=False)
            t0 = time.perf_counter()
            f = net.tropicalize()[0]
            (ln, npairs, ncells) = naive_count(f)
            tn = time.perf_counter() - t0
            fp = f.prune()
            mp, mq = fp.numerator().number_of_terms(), fp.denominator().number_of_terms()
            ok = lt == la == ln
            if not ok:
                disagree('c', dims, seed, 'linear', "tropical %s, activation %s, naive %s"
                         % (lt, la, ln))
            rows.append((mp, mq, npairs, ncells, lt, la, ln, ok, tt, ta, tn))
        if not rows:
            print("%-10s   (time budget exhausted)" % arch_str(dims))
            continue
        k = len(rows)
        m = [sum(r[i] for r in rows) / k for i in range(11)]
        print("%-10s %4d %11s %7.1f %7.1f %8.2f %8.2f %8.2f %7s %9.3f %9.3f %9.3f %10s %10s"
              % (arch_str(dims), k, "%.1f,%.1f" % (m[0], m[1]), m[2], m[3], m[4], m[5], m[6],
                 "%d/%d" % (sum(r[7] for r in rows), k), m[8], m[9], m[10],
                 ratio(m[10], m[8]), ratio(m[10], m[9])), flush=True)
        if k < seeds:
            print("    (time budget of %ds exhausted after %d networks)" % (budget, k))


# ---------------------------------------------------------------------------
# (d) largest networks within a time limit
# ---------------------------------------------------------------------------

ROUTES = {
    'trop': ("exact tropical", dict(method='tropical', mode='exact')),
    'act': ("exact activation", dict(method='activation', mode='exact')),
    'float': ("float activation", dict(method='activation', mode='float')),
    'act_regions': ("exact act. regions", dict(what='activation', mode='exact')),
    'float_act': ("float act. regions", dict(what='activation', mode='float')),
}


def _child(conn, dims, kwds):
    try:
        net = random_network(dims, seed=0, init='paper', output_activation='linear')
        kwds = dict(kwds)
        what = kwds.pop('what', 'linear')
        t = time.perf_counter()
        if what == 'activation':
            c = count_activation_regions(net, progress=False, **kwds)
        else:
            c = count_linear_regions(net, progress=False, **kwds)
        conn.send(("ok", int(c), time.perf_counter() - t))
    except Exception as err:  # reported, not raised: the benchmark goes on
        conn.send(("error", "%s: %s" % (type(err).__name__, err), 0.0))
    conn.close()


def run_limited(dims, kwds, limit):
    r"""
    Count in a forked child; kill it after ``limit`` seconds.
    Return ``(status, count or message, seconds)``.
    """
    ctx = multiprocessing.get_context('fork')
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, dims, kwds))
    t = time.perf_counter()
    proc.start()
    child.close()
    if parent.poll(limit):
        res = parent.recv()
        proc.join()
        if res[0] == "ok" and res[2] > limit:
            return ("timeout", None, res[2])
        return res
    proc.kill()
    proc.join()
    return ("timeout", None, time.perf_counter() - t)


def largest_width(n, route, limit, log):
    r"""
    Grow ``w`` in ``[n, w, w, 1]`` until a count exceeds ``limit`` seconds.

    The next width is predicted from the last two times (a power law in
    ``w``), aiming at 70% of the limit, so few slow counts are run; a gap
    left between the last success and the failure is bisected.
    Returns ``(best, fail)``: ``(w, count, seconds)`` and ``(w, status, message)``.
    """
    import math
    kwds = ROUTES[route][1]
    best = None
    fail = None
    w = 2
    pts = []
    while True:
        st, val, sec = run_limited([n, w, w, 1], kwds, limit)
        log.append((n, route, w, st, val, sec))
        if st != "ok":
            fail = (w, st, val)
            break
        best = (w, val, sec)
        pts.append((w, sec))
        if w >= 200:
            break
        if len(pts) < 2 or sec < 0.5:
            w = max(w + 1, int(w * 1.3))
            continue
        (w1, t1), (w2, t2) = pts[-2], pts[-1]
        a = math.log(max(t2, 1e-3) / max(t1, 1e-3)) / math.log(w2 / w1)
        a = min(max(a, 2.0), 12.0)
        target = (0.7 * limit / t2) ** (1.0 / a) * w2
        w = max(w2 + 1, int(target))
    # bisect a gap between the last success and the failure
    while best is not None and fail is not None and fail[0] - best[0] > 1:
        mid = (best[0] + fail[0]) // 2
        st, val, sec = run_limited([n, mid, mid, 1], kwds, limit)
        log.append((n, route, mid, st, val, sec))
        if st == "ok":
            best = (mid, val, sec)
        else:
            fail = (mid, st, val)
    return best, fail


def section_d(limit, archs, routes):
    print("\n(d) largest [n,w,w,1] (seed 0, init='paper', linear output) whose linear-region "
          "count takes at most %gs, per route" % limit)
    head = ("%-8s %-18s %6s %10s %9s %8s %s"
            % ("arch", "route", "max w", "regions", "time(s)", "fail w", "widths tried (s)"))
    print(head)
    print("-" * len(head))
    counts = {}
    for n in archs:
        for route in routes:
            log = []
            best, fail = largest_width(n, route, limit, log)
            tried = " ".join("%d:%s" % (w, ("%.1f" % sec) if st == "ok" else
                                        (">%g" % limit if st == "timeout" else "err"))
                             for (_, _, w, st, _, sec) in sorted(log, key=lambda r: r[2]))
            if best is None:
                print("%-8s %-18s %6s %10s %9s %8s %s" % ("[%d,w,w,1]" % n, ROUTES[route][0],
                                                          "-", "-", "-", fail[0], tried))
            else:
                print("%-8s %-18s %6d %10d %9.1f %8s %s"
                      % ("[%d,w,w,1]" % n, ROUTES[route][0], best[0], best[1], best[2],
                         fail[0] if fail else "-", tried), flush=True)
            if fail and fail[1] == "error":
                print("    error at w=%d: %s" % (fail[0], fail[2]))
            for (_, _, w, st, val, _) in log:
                if st == "ok":
                    counts.setdefault((n, w), {})[route] = val
    # the routes count the same networks: compare where several finished
    checked = 0
    for (n, w), by_route in sorted(counts.items()):
        if len(by_route) > 1:
            checked += 1
            if len(set(by_route.values())) > 1:
                disagree('d', [n, w, w, 1], 0, 'linear', ", ".join(
                    "%s %s" % (ROUTES[r][0], c) for r, c in sorted(by_route.items())))
    print("    counts compared between routes on %d networks counted by two or more routes"
          % checked)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("sections", nargs="*", default=[], help="b, c, d (default: all)")
    parser.add_argument("--nets", type=int, default=25, help="networks per architecture in (b)")
    parser.add_argument("--seeds", type=int, default=5, help="networks per architecture in (c)")
    parser.add_argument("--limit", type=float, default=60.0, help="time limit of (d), seconds")
    parser.add_argument("--budget", type=float, default=600.0,
                        help="time budget of each of (b) and (c), seconds")
    parser.add_argument("--d-archs", default="2,3", help="input dimensions n of [n,w,w,1] in (d)")
    parser.add_argument("--d-routes", default="trop,act,float", help="routes of (d)")
    args = parser.parse_args()
    sections = args.sections or ["b", "c", "d"]
    for s in sections:
        if s not in ("b", "c", "d"):
            parser.error("unknown section %r" % s)
    t0 = time.perf_counter()
    warm_up()
    if "b" in sections:
        section_b(args.nets, args.budget)
    if "c" in sections:
        section_c(args.seeds, args.budget)
    if "d" in sections:
        section_d(args.limit, [int(a) for a in args.d_archs.split(",")],
                  [r for r in args.d_routes.split(",")])
    print("\ntotal %.1fs" % (time.perf_counter() - t0))
    if DISAGREEMENTS:
        print("\n%d counting disagreement(s):" % len(DISAGREEMENTS))
        for m in DISAGREEMENTS:
            print("  " + m)
    else:
        print("no counting disagreement")


if __name__ == "__main__":
    sys.exit(main())
