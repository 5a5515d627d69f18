#!/usr/bin/env python
"""
Stress test (not run in CI, ~8 minutes): the certified exact search equals the
PPL-only exact search (same cells, same gluing edges) on 250 random networks:
input dimension 1-4, 1-3 hidden layers, ReLU / leaky ReLU / maxout, integer,
'paper' and 'he' weights, ReLU or linear output, in R^n and in a box; the
activation route (output 0 and the whole output) and, for small networks, the
tropical route.

Usage: python tools/stress_certified_search.py   (prints mismatches, then a summary)
"""
import random, sys, time
import sage_tropnet
from sage_tropnet.network import random_network
from sage_tropnet.regions import _explore, _ActivationOracle, _as_map_and_oracle
rng = random.Random(5)
bad = 0
t0 = time.time()
for s in range(250):
    n0 = rng.randint(1, 4)
    depth = rng.randint(1, 3)
    arch = [n0] + [rng.randint(1, 7) for _ in range(depth)] + [1]
    init = rng.choice(['integer', 'paper', 'he'])
    act = rng.choice(['relu', 'relu', ('leaky_relu', 1/4), ('maxout', 2)])
    if act == ('maxout', 2):
        arch = [n0] + [2 * rng.randint(1, 3) for _ in range(depth)] + [1]
    try:
        net = random_network(arch, seed=5000 + s, init=init, output_activation=rng.choice(['relu', 'linear']),
                             hidden_activation=act)
    except Exception as e:
        print('skip', arch, init, act, e); continue
    box = None if s % 4 else 3
    oracles = [_ActivationOracle(net, 0), _ActivationOracle(net, None)]
    if act == 'relu' and sum(arch[1:-1]) <= 12:
        oracles.append(_as_map_and_oracle(net, 'tropical', 0))
    for o in oracles:
        c1, e1 = _explore(o, box, polyhedra=False, certify=True, progress=False)
        c0, e0 = _explore(o, box, polyhedra=False, certify=False, progress=False)
        g1 = {e for e in e1 if o.label(e[0]) == o.label(e[1])}
        g0 = {e for e in e0 if o.label(e[0]) == o.label(e[1])}
        if set(c1) != set(c0) or g1 != g0:
            bad += 1
            print('MISMATCH', s, arch, init, act, box, type(o).__name__, len(c1), len(c0), flush=True)
print('done, mismatches', bad, 'time', time.time() - t0)
