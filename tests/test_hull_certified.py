"""The certified qhull upper hull against PPL (exact double description)."""
import random

import numpy as np

from sage.rings.rational_field import QQ

from sage_tropnet.hull import certified_hull, upper_hull_polyhedron, upper_hull_vertices, \
    upper_hull_graph


def _ppl(pts):
    P = upper_hull_polyhedron([p[:-1] for p in pts], [p[-1] for p in pts])
    index = {p: i for i, p in enumerate(pts)}
    verts = set(index[tuple(v)] for v in P.vertex_generator())
    adj = {index[tuple(v)]: set(index[tuple(w)] for w in v.neighbors() if w.is_vertex())
           for v in P.vertex_generator()}
    return verts, adj


def test_certified_hull_agrees_with_ppl():
    rng = np.random.default_rng(3)
    done = 0
    for trial in range(60):
        d = int(rng.integers(2, 5))
        m = int(rng.integers(d + 3, 120))
        if trial % 3 == 0:   # integer data: coplanar and degenerate configurations
            pts = set(tuple(QQ(int(a)) for a in rng.integers(0, 4, d)) + (QQ(int(rng.integers(0, 3))),)
                      for _ in range(m))
            pts = list({p[:-1]: p for p in pts}.values())
        else:                # float data, taken exactly
            pts = [tuple(QQ(float(a).as_integer_ratio()) for a in rng.random(d + 1)) for _ in range(m)]
        if len(pts) <= d + 1:
            continue
        cert = certified_hull(pts)
        if cert is None:
            continue
        done += 1
        verts, adj = _ppl(pts)
        assert cert[0] == verts
        if cert[1] is not None:
            assert {i: cert[1].get(i, set()) for i in verts} == adj
    assert done >= 20


def test_upper_hull_vertices_large_inputs():
    """Vertices and graph through the certified path equal the PPL ones."""
    rng = np.random.default_rng(7)
    pts = [tuple(float(a) for a in rng.random(4)) for _ in range(300)]
    E, C = [p[:3] for p in pts], [p[3] for p in pts]
    keep = upper_hull_vertices(E, C)
    exact = [tuple(QQ(a.as_integer_ratio()) for a in p) for p in pts]
    verts, adj = _ppl(exact)
    assert keep == sorted(verts)
    k2, A = upper_hull_graph([E[i] for i in keep], [C[i] for i in keep])
    pos = {v: i for i, v in enumerate(keep)}
    assert {i: set(A[i]) for i in A} == {pos[v]: set(pos[w] for w in adj[v]) for v in keep}
