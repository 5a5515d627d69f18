#!/usr/bin/env python3
r"""
Activation regions side by side with affinitree (PyPI ``affinitree``, Rust).

For each network (He initialisation: ``W ~ N(0, 2/fan_in)``, ``b ~ N(0, 0.1^2)``,
float64 weights, taken exactly), the same weights go to

- affinitree: ``Architecture(n).linear(AffFunc.from_mats(W, b)); .relu()`` per
  hidden layer, then ``builder.from_layers(arch, None, None).num_terminals()``
  (only ``from_layers`` and ``num_terminals`` are timed);
- ``count_activation_regions(net)`` (exact) and ``count_activation_regions(net,
  mode='float')`` of sage_tropnet, timed on a fresh network object (the
  conversion of the weights is included).

Each time is the best of ``--repeat`` runs. The script prints, per network,
the count of each tool (they must agree), the times and the ratios ours /
affinitree, then the geometric means of the ratios. With ``--fixed`` it also
measures the fixed cost of one call on a network of about 100 regions, and with
``--scale`` the largest counts within 60 s (exact and float, with the bytes
per region of the streaming count).

Usage::

    python benchmarks/bench_affinitree.py [--repeat 3] [--fixed] [--scale] [--seed 0]

affinitree is an optional extra (``pip install -e .[peers]``); without it only
our times are printed.
"""
import argparse
import math
import os
import resource
import sys
import time
import warnings

import numpy as np

NETS = [[2, 6, 6, 1], [3, 6, 6, 1], [4, 8, 8, 1], [3, 12, 12, 1], [5, 8, 8, 1],
        [4, 10, 10, 10, 1], [2, 8, 8, 1], [2, 16, 16, 1], [4, 10, 10, 1]]


def he_weights(dims, seed):
    rng = np.random.default_rng(seed)
    return [(rng.normal(0, math.sqrt(2.0 / dims[i]), (dims[i + 1], dims[i])),
             rng.normal(0, 0.1, dims[i + 1])) for i in range(len(dims) - 1)]


def affinitree_count(layers):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from affinitree import AffFunc, Architecture, builder
    arch = Architecture(layers[0][0].shape[1])
    for i, (W, b) in enumerate(layers):
        arch.linear(AffFunc.from_mats(W, b))
        if i < len(layers) - 1:
            arch.relu()
    import contextlib
    import io
    with contextlib.redirect_stdout(io.StringIO()):
        t = time.perf_counter()
        tree = builder.from_layers(arch, None, None)
        count = tree.num_terminals()
        t = time.perf_counter() - t
    return count, t


def ours(layers, mode):
    from sage_tropnet import from_numpy, count_activation_regions
    net = from_numpy(layers)
    t = time.perf_counter()
    count = count_activation_regions(net, mode=mode, progress=False)
    return count, time.perf_counter() - t


def best(f, repeat):
    out = [f() for _ in range(repeat)]
    counts = set(c for c, _ in out)
    assert len(counts) == 1, counts
    return out[0][0], min(t for _, t in out)


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float('nan')


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--fixed", action="store_true", help="measure the fixed cost per call")
    p.add_argument("--scale", action="store_true", help="largest counts in 60 s")
    p.add_argument("--nets", default=None, help="e.g. 2-6-6-1,3-6-6-1")
    args = p.parse_args(argv)
    import sage_tropnet  # noqa: F401  (import time excluded)
    if args.scale:
        return scale(args)
    try:
        affinitree_count(he_weights([2, 2, 1], 0))
        have_peer = True
    except ImportError:
        have_peer = False
        print("affinitree is not installed: only our times are printed")
    nets = NETS if args.nets is None else [[int(t) for t in s.split("-")]
                                            for s in args.nets.split(",")]
    print("%-18s %8s %8s %8s | %9s %9s %9s | %7s %7s" % (
        "net", "regions", "exact", "float", "affini s", "exact s", "float s", "ex/aff", "fl/aff"))
    rex, rfl = [], []
    for dims in nets:
        L = he_weights(dims, args.seed)
        ce, te = best(lambda: ours(L, 'exact'), args.repeat)
        cf, tf = best(lambda: ours(L, 'float'), args.repeat)
        if have_peer:
            ca, ta = best(lambda: affinitree_count(L), args.repeat)
            rex.append(te / ta)
            rfl.append(tf / ta)
            agree = "" if ca == ce == cf else "  COUNTS DIFFER"
            print("%-18s %8d %8d %8d | %9.4f %9.4f %9.4f | %7.3f %7.3f%s" % (
                dims, ca, ce, cf, ta, te, tf, te / ta, tf / ta, agree))
        else:
            print("%-18s %8s %8d %8d | %9s %9.4f %9.4f |" % (dims, "-", ce, cf, "-", te, tf))
        sys.stdout.flush()
    if have_peer:
        print("geometric mean of ours/affinitree: exact %.3f, float %.3f (over %d networks)"
              % (geomean(rex), geomean(rfl), len(rex)))
    if args.fixed:
        fixed_cost(args)


def fixed_cost(args):
    r"""
    The fixed cost of one call: many fresh networks of about 100 regions.
    """
    from sage_tropnet import from_numpy, count_activation_regions
    dims = [2, 8, 8, 1]
    nets = [from_numpy(he_weights(dims, s)) for s in range(200)]
    for mode in ('exact', 'float'):
        counts = []
        t = time.perf_counter()
        for net in nets:
            counts.append(count_activation_regions(net, mode=mode, progress=False))
        t = (time.perf_counter() - t) / len(nets)
        print("fixed cost, %s mode: %.2f ms per call on fresh %s networks "
              "(mean %.0f regions)" % (mode, 1000 * t, dims, np.mean(counts)))
        if have_affinitree():
            t = time.perf_counter()
            for s in range(len(nets)):
                affinitree_count(he_weights(dims, s))
            ta = (time.perf_counter() - t) / len(nets)
            print("   affinitree: %.2f ms per call (weights conversion included)" % (1000 * ta))


def have_affinitree():
    try:
        import affinitree  # noqa: F401
        return True
    except ImportError:
        return False


_SCALE_CHILD = r"""
import resource, sys, time, json
import numpy as np
import sage.all
from sage_tropnet import from_numpy, count_activation_regions
sys.path.insert(0, %r)
from bench_affinitree import he_weights
mode, dims, seed = %r, %r, %r
net = from_numpy(he_weights(dims, seed))
count_activation_regions(net, mode=mode, progress=False, box=1)   # warm up
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
c = count_activation_regions(net, mode=mode, progress=False)
t = time.perf_counter() - t
rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps([int(c), t, rss0, rss1]))
"""


def scale(args):
    r"""
    The largest counts found within 60 s, with the peak memory: every count
    runs in a fresh process, whose peak resident memory is read before and
    after the count (streaming: nothing is kept per region).
    """
    import json
    import subprocess
    here = os.path.dirname(os.path.abspath(__file__))
    for mode, dims in (('float', [4, 24, 24, 24, 1]), ('exact', [4, 18, 18, 18, 1]),
                       ('float', [5, 18, 18, 18, 1]), ('exact', [5, 16, 16, 16, 1])):
        code = _SCALE_CHILD % (here, mode, dims, args.seed)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True).stdout.strip().splitlines()[-1]
        c, t, rss0, rss1 = json.loads(out)
        print("scale, %s mode: %s: %d activation regions in %.1f s (%.0f regions/s); "
              "peak memory %.0f MB before the count, %.0f MB after (%.1f bytes per region)"
              % (mode, dims, c, t, c / t, rss0 / 1024, rss1 / 1024, 1024 * (rss1 - rss0) / c))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
