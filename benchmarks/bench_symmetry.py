#!/usr/bin/env python
r"""
Benchmark: exact region counting on the fundamental domain versus the plain count.

For each n (default 3..7) one random DeepSets network ([LWCBM2024]_ Lemma 4.4,
``random_deepset(n, seed)``, lambda and gamma ~ U(-1, 1), bias 0) is counted
exactly twice per route:

- plain: ``count_linear_regions`` on all of R^n;
- symmetric: ``symmetric_region_count`` with the group S_n and the Weyl
  chamber x_1 >= ... >= x_n (regions of f on the chamber, glued across its
  walls, orbit sizes |S_n| / |stabiliser|).

Two routes are timed: the activation route (cells = activation regions) and the
tropical route (cells = U_i cap V_j of the tropical rational map; the network is
tropicalised once, that time is printed separately and counted in neither
column). A plain count that exceeds the time limit (default 120 s) is
interrupted and reported as skipped. The script also prints the Thm 4.3 bounds
and checks that both exact counts agree.

Usage::

    python benchmarks/bench_symmetry.py [--nmin 3] [--nmax 7]
        [--seed 0] [--limit 120] [--routes activation,tropical]
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
import time

import sage_tropnet  # noqa: F401  -- initialises Sage first
from sage.groups.perm_gps.permgroup_named import SymmetricGroup
from cysignals.alarm import alarm, cancel_alarm, AlarmInterrupt

from sage_tropnet.regions import count_linear_regions
from sage_tropnet.symmetry import random_deepset, symmetric_region_count


def timed(fun, limit=None):
    """Return ``(value, seconds)``, or ``(None, seconds)`` after ``limit`` seconds."""
    start = time.perf_counter()
    try:
        if limit:
            alarm(limit)
        value = fun()
    except AlarmInterrupt:
        value = None
    finally:
        cancel_alarm()
    return value, time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--nmin", type=int, default=3)
    parser.add_argument("--nmax", type=int, default=7)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--limit", type=float, default=120.0,
                        help="time limit of a plain count in seconds")
    parser.add_argument("--routes", default="activation,tropical")
    args = parser.parse_args()
    routes = args.routes.split(",")

    head = "%3s %8s %8s" % ("n", "regions", "bounds")
    for r in routes:
        head += " | %-10s %9s %9s %8s" % (r, "plain s", "sym s", "ratio")
    head += " | %9s" % "trop. s"
    print(head)
    skipped = []
    # warm-up (first calls into PPL and GAP), not timed
    symmetric_region_count(random_deepset(3, seed=0), SymmetricGroup(3))
    count_linear_regions(random_deepset(3, seed=0), progress=False)
    for n in range(args.nmin, args.nmax + 1):
        net = random_deepset(n, seed=args.seed)
        G = SymmetricGroup(n)
        row = ""
        count = None
        bounds = None
        t_trop = None
        for r in routes:
            if r == "tropical":
                obj, t_trop = timed(lambda: net.tropicalize()[0])
            else:
                obj = net
            (sym, lo, up), t_sym = timed(lambda: symmetric_region_count(obj, G, method=r,
                                                                        bounds=True))
            plain, t_plain = timed(lambda: count_linear_regions(obj, method=r, progress=False),
                                   args.limit)
            if plain is None:
                skipped.append((n, r))
                row += " | %-10s %9s %9.3f %8s" % ("", "> %d" % args.limit, t_sym, "-")
            else:
                if plain != sym:
                    raise AssertionError("n = %s, %s route: symmetric %s != plain %s"
                                         % (n, r, sym, plain))
                row += " | %-10s %9.3f %9.3f %7.1fx" % ("", t_plain, t_sym, t_plain / t_sym)
            if count is not None and count != sym:
                raise AssertionError("the routes disagree: %s != %s" % (count, sym))
            count, bounds = sym, "%s..%s" % (lo, up)
        print("%3d %8d %8s%s | %9s" % (n, count, bounds, row,
                                       "-" if t_trop is None else "%.2f" % t_trop), flush=True)
    for n, r in skipped:
        print("n = %d, %s route: plain count skipped (longer than %d s)" % (n, r, args.limit))


if __name__ == "__main__":
    main()
