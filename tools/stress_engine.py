#!/usr/bin/env python3
r"""
Stress test of the region engine against an independent exact search.

On random networks (ReLU, leaky ReLU, maxout; integer, half-integer, paper and
He weights, so degenerate ones too; linear and ReLU outputs; in R^n, in a box
and in a polytope), compares

- the layer-wise subdivision on the compiled kernel (exact and float mode):
  activation and linear counts, cells and gluing;
- the facet-crossing search on the compiled kernel (both routes);

with the facet-crossing search whose facets all come from PPL (no kernel,
exact rational arithmetic): the same cells, the same gluing edges, the same
counts. Prints every mismatch and a summary; exit code 1 on any mismatch.

Usage::

    python tools/stress_engine.py [--count 200] [--seed 0]
"""
import argparse
import random
import sys
import time


def random_case(rng):
    from sage.rings.rational_field import QQ
    from sage_tropnet.network import random_network
    n = rng.randint(1, 4)
    depth = rng.randint(1, 3)
    cap = {1: 7, 2: 6, 3: 4, 4: 3}[n] if depth > 1 else 7
    dims = [n] + [rng.randint(1, cap) for _ in range(depth)] + [1]
    init = rng.choice(['paper', 'he', 'integer', 'integer'])
    act = rng.choice(['relu', 'relu', 'relu', ('leaky_relu', QQ(1) / rng.choice([2, 3, 10])),
                      ('maxout', 2), ('maxout', 3)])
    net = random_network(dims, seed=rng.randint(0, 10 ** 6), init=init, hidden_activation=act,
                         output_activation=rng.choice(['linear', 'relu']),
                         denominator=rng.choice([1, 1, 2]), bound=rng.choice([2, 3]),
                         zero_probability=rng.choice([0.0, 0.2]))
    box = rng.choice([None, None, 2, QQ(1) / 2, 'polytope'])
    if box == 'polytope':
        from sage.geometry.polyhedron.constructor import Polyhedron
        pts = [[QQ(rng.randint(-6, 6)) / 2 for _ in range(n)] for _ in range(n + 3)]
        P = Polyhedron(vertices=pts, base_ring=QQ)
        box = P if P.dim() == n else None
    return net, box


def check(net, box):
    from sage_tropnet.regions import (regions, explore, cell_oracle, count_linear_regions,
                                      count_activation_regions)
    bad = []
    ref = {}
    for method in ('activation', 'tropical'):
        P = explore(cell_oracle(net, method), box=box, facets='ppl', progress=False)
        lab = P.label
        glued = {frozenset(e) for e in P.edges() if lab(e[0]) == lab(e[1])}
        ref[method] = (set(P.keys()), glued, P.number_of_linear_regions())
        C = regions(net, method=method, box=box, progress=False)
        got = (set(C.keys()), {frozenset(e) for e in C.edges() if lab(e[0]) == lab(e[1])},
               C.number_of_linear_regions())
        if got != ref[method]:
            bad.append("%s cells/gluing differ (%s vs PPL %s cells)"
                       % (method, len(got[0]), len(ref[method][0])))
    if ref['activation'][2] != ref['tropical'][2]:
        bad.append("the routes differ: %s vs %s" % (ref['activation'][2], ref['tropical'][2]))
    for mode in ('exact', 'float'):
        a = count_activation_regions(net, box=box, mode=mode, progress=False)
        lin = count_linear_regions(net, box=box, mode=mode, progress=False)
        if (a, lin) != (len(ref['activation'][0]), ref['activation'][2]):
            bad.append("%s counts (%s, %s) vs PPL (%s, %s)" % (
                mode, a, lin, len(ref['activation'][0]), ref['activation'][2]))
    return bad


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    p.add_argument("--count", type=int, default=200)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    import sage_tropnet  # noqa: F401
    rng = random.Random(args.seed)
    t = time.time()
    failures = 0
    for i in range(args.count):
        net, box = random_case(rng)
        bad = check(net, box)
        if bad:
            failures += 1
            print("case %s: %s, box %s: %s" % (i, net, box, "; ".join(bad)))
            print("   layers:", net.layers())
        sys.stdout.flush()
    print("%s random networks, %s with a mismatch (%.0f s)" % (args.count, failures, time.time() - t))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
