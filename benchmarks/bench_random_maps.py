"""
Benchmark (a) of the regions issue: random tropical rational maps in 4 variables.

The paper's experiment ([LWCBM2024]_, §5.1, random rational maps): numerator and denominator with k
monomials each, exponents and coefficients uniform in [0, 1) (float64 values,
taken exactly). Prints, side by side, our exact tropical-route count and time,
and the time the paper reports for its own code (12.6 s at k = 20, 5442 s at
k = 1000), with the ratio.

Usage: python benchmarks/bench_random_maps.py [k ...] [--seeds S]

The count is exact (certified facets, see :mod:`sage_tropnet.certify`);
the issue's target is at most 5 s at k = 1000.
"""
import sys
import time

import numpy as np

import sage_tropnet  # noqa: F401  (initialises Sage)
from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP, TropicalRationalMap
from sage_tropnet.regions import count_linear_regions

PAPER_SECONDS = {20: 12.6, 1000: 5442.0}


def random_map(k, n=4, seed=0):
    rng = np.random.default_rng(seed)
    num = TP([(tuple(rng.random(n)), rng.random()) for _ in range(k)], nvars=n)
    den = TP([(tuple(rng.random(n)), rng.random()) for _ in range(k)], nvars=n)
    return TropicalRationalMap(num, den)


def main(ks, seeds):
    print("%6s %5s %10s %12s %12s %10s %12s %10s" % ("k", "seed", "regions", "prune (s)",
                                                    "count (s)", "total (s)", "paper (s)",
                                                    "speed-up"))
    for k in ks:
        for seed in range(seeds):
            f = random_map(k, seed=seed)
            t = time.perf_counter()
            g = f.prune()
            t_prune = time.perf_counter() - t
            t = time.perf_counter()
            r = count_linear_regions(g, progress=False)
            t_count = time.perf_counter() - t
            paper = PAPER_SECONDS.get(k)
            total = t_prune + t_count
            print("%6d %5d %10d %12.2f %12.2f %10.2f %12s %10s" % (
                k, seed, r, t_prune, t_count, total, "%.1f" % paper if paper else "-",
                "%.0fx" % (paper / total) if paper else "-"), flush=True)


if __name__ == "__main__":
    args = sys.argv[1:]
    seeds = 1
    if "--seeds" in args:
        i = args.index("--seeds")
        seeds = int(args[i + 1])
        del args[i:i + 2]
    main([int(a) for a in args] or [20, 200, 1000], seeds)
