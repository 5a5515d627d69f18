#!/usr/bin/env python
r"""
Benchmark: Sage's ``dual_subdivision()`` versus :func:`sage_tropnet.geometry.dual_subdivision`.

For each number of monomials m in 4, 6, 8, 10 one random max-plus polynomial
in 2 variables is drawn (m distinct integer exponents in ``[0, deg]^2`` with a
two-dimensional Newton polygon, rational coefficients in ``[-6, 6]``). Sage's
method goes through ``tropical_variety()`` (symbolic solving for every pair
of monomials); ours reads the upper faces of the extended Newton polytope
(one exact convex hull). The script prints, side by side, both times (one
run each), the ratio Sage / ours, the number of maximal cells and whether
the two subdivisions have the same cells. Both sides are warmed up once on
a tiny polynomial first, so that start-up costs (Maxima, PPL) are not timed.

Usage::

    python benchmarks/bench_dual_subdivision.py [--seed 0]
        [--sizes 4 6 8 10] [--deg 4]
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
import random
import time

import sage_tropnet  # noqa: F401  -- initialises Sage first
from sage.rings.rational_field import QQ

from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
from sage_tropnet.geometry import dual_subdivision, newton_polytope


def random_poly(rng, m, deg):
    """A random polynomial in 2 variables with ``m`` monomials and a 2-d Newton polygon."""
    while True:
        exps = set()
        while len(exps) < m:
            exps.add((rng.randint(0, deg), rng.randint(0, deg)))
        p = TP({e: QQ(rng.randint(-6, 6)) / rng.randint(1, 3) for e in sorted(exps)})
        if newton_polytope(p).dim() == 2:
            return p


def cells(pc, scale=1):
    return sorted(tuple(sorted(tuple(QQ(a) / scale for a in v) for v in c.vertices()))
                  for c in pc.maximal_cell_iterator())


def main():
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sizes", type=int, nargs="+", default=[4, 6, 8, 10])
    parser.add_argument("--deg", type=int, default=4,
                        help="exponents are drawn from [0, deg]^2")
    args = parser.parse_args()
    rng = random.Random(args.seed)

    # warm up both sides (Maxima, PPL, caches) on a tiny polynomial
    x, y = TP.gens(2)
    warm = x + y + 0
    warm.to_sage()[0].dual_subdivision()
    dual_subdivision(warm)

    header = "%9s  %10s  %10s  %9s  %6s  %6s" % ("monomials", "Sage (s)", "ours (s)",
                                                 "Sage/ours", "cells", "agree")
    print(header)
    print("-" * len(header))
    for m in args.sizes:
        p = random_poly(rng, m, args.deg)
        P, s = p.to_sage()
        start = time.perf_counter()
        theirs = P.dual_subdivision()
        t_sage = time.perf_counter() - start
        start = time.perf_counter()
        ours = dual_subdivision(p)
        t_ours = time.perf_counter() - start
        agree = cells(theirs, s) == cells(ours)
        print("%9d  %10.3f  %10.4f  %9.1f  %6d  %6s" % (m, t_sage, t_ours, t_sage / t_ours,
                                                        len(cells(ours)), agree))


if __name__ == "__main__":
    main()
