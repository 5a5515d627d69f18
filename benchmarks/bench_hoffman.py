#!/usr/bin/env python
r"""
Benchmark: PVZ versus brute force for the Hoffman constant.

For each m = 6..14 one random m x 4 integer matrix (entries in [-5, 5]) is
drawn, and the Hoffman constant is computed with both algorithms of
:func:`sage_tropnet.hoffman.matrix.hoffman_constant` (exact arithmetic by default).
The script prints one table with the time and number of LPs of each
algorithm, the time ratio brute force / PVZ, and whether the values agree.

Usage::

    python benchmarks/bench_hoffman.py [--seed 0] [--n 4]
        [--mmin 6] [--mmax 14] [--norm inf|l1] [--float]
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
import sage_tropnet.hoffman.matrix as hoffman

#: the LP solvers called by the surjectivity LPs of sage_tropnet.hoffman.matrix
_SOLVERS = ("exact_lp_minimize", "float_lp_minimize")


class _LPCounter:
    """Count the surjectivity LPs solved by sage_tropnet.hoffman.matrix (one LP each)."""

    def __init__(self):
        self.count = 0
        self._orig = {name: getattr(hoffman, name) for name in _SOLVERS}

    def __enter__(self):
        for name, solver in self._orig.items():
            def counted(*args, _solver=solver, **kwds):
                self.count += 1
                return _solver(*args, **kwds)
            setattr(hoffman, name, counted)
        return self

    def __exit__(self, *exc):
        for name, solver in self._orig.items():
            setattr(hoffman, name, solver)


def run(algorithm, A, norm, exact):
    with _LPCounter() as counter:
        start = time.perf_counter()
        res = hoffman.hoffman_constant(A, algorithm=algorithm, norm=norm,
                                       mode="exact" if exact else "float")
        elapsed = time.perf_counter() - start
    return res, elapsed, counter.count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--n", type=int, default=4, help="number of columns")
    parser.add_argument("--mmin", type=int, default=6)
    parser.add_argument("--mmax", type=int, default=14)
    parser.add_argument("--norm", choices=["inf", "l1"], default="inf")
    parser.add_argument("--float", action="store_true",
                        help="floating-point LPs (HiGHS) instead of exact ones")
    args = parser.parse_args()
    exact = not args.float
    rng = random.Random(args.seed)
    # warm up (imports of scipy / numerical backends) outside the timings
    hoffman.hoffman_constant([[1, 0], [0, 1], [-1, -1]], norm=args.norm,
                             mode="exact" if exact else "float")

    print("Hoffman constant of random m x %d integer matrices (entries in [-5, 5]), "
          "norm=%s, %s LPs, seed %d"
          % (args.n, args.norm, "exact" if exact else "float", args.seed))
    header = ("%3s  %-10s  %9s %7s  %9s %7s  %8s  %s"
              % ("m", "H(A)", "PVZ [s]", "#LP", "brute [s]", "#LP", "ratio", "agree"))
    print(header)
    print("-" * len(header))
    total_pvz = total_bf = 0.0
    for m in range(args.mmin, args.mmax + 1):
        A = [[rng.randint(-5, 5) for _ in range(args.n)] for _ in range(m)]
        pvz, t_pvz, lp_pvz = run("pvz", A, args.norm, exact)
        bf, t_bf, lp_bf = run("brute_force", A, args.norm, exact)
        total_pvz += t_pvz
        total_bf += t_bf
        if exact:
            agree = pvz.value == bf.value
            value = str(pvz.value)
        else:
            agree = abs(pvz.value - bf.value) <= 1e-7 * max(1, abs(bf.value))
            value = "%.6g" % pvz.value
        print("%3d  %-10s  %9.4f %7d  %9.4f %7d  %8.1f  %s"
              % (m, value, t_pvz, lp_pvz, t_bf, lp_bf, t_bf / t_pvz, agree))
    print("-" * len(header))
    print("total: PVZ %.3f s, brute force %.3f s, ratio %.1f"
          % (total_pvz, total_bf, total_bf / total_pvz))


if __name__ == "__main__":
    main()
