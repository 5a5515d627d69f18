"""Certified facets (float proposal, exact certificate) against PPL."""
import random

import numpy as np

from sage.rings.rational_field import QQ

from sage_tropnet.certify import certified_facets, normalize, as_rational_point, \
    certified_facet_point


def _ppl_facets(rows, n):
    from ppl import Constraint_System, C_Polyhedron, Linear_Expression
    cs = Constraint_System()
    for t in rows:
        cs.insert(Linear_Expression([int(a) for a in t[1:]], int(t[0])) >= 0)
    P = C_Polyhedron(cs)
    return set(normalize([c.inhomogeneous_term()] + list(c.coefficients()))
               for c in P.minimized_constraints())


def _random_rows(rng, n, m, big):
    rows = set()
    for _ in range(50 * m):
        if len(rows) >= m:
            break
        a = [rng.randint(-big, big) for _ in range(n)]
        if any(a):
            rows.add(normalize([rng.randint(1, big)] + a))   # the origin is interior
    return sorted(rows)


def test_certified_facets_agree_with_ppl():
    rng = random.Random(1)
    certified = 0
    for trial in range(300):
        n = rng.randint(1, 5)
        m = rng.randint(n + 1, 30)
        big = rng.choice([3, 1000, 2 ** 60])
        rows = _random_rows(rng, n, m, big)
        F = certified_facets(rows, np.zeros(n))
        if F is None:
            continue
        certified += 1
        truth = _ppl_facets(rows, n)
        assert set(rows[k] for k in F) == truth, (n, rows)
        for k, y in F.items():
            y = as_rational_point(certified_facet_point(rows, k, y))
            # the point is on facet k and strictly inside every other row
            vals = [r[0] + sum(QQ(ai) * yi for ai, yi in zip(r[1:], y)) for r in rows]
            assert vals[k] == 0 and all(v > 0 for j, v in enumerate(vals) if j != k)
    assert certified >= 250


def test_not_interior_or_degenerate_gives_none():
    square = [(1, 1, 0), (1, -1, 0), (1, 0, 1), (1, 0, -1)]
    assert certified_facets(square, np.array([1.0, 0.0])) is None   # on the boundary
    assert certified_facets(square, np.array([3.0, 0.0])) is None   # outside
    # a pyramid apex where four facets meet: still certified (the vertex is
    # degenerate, but every row is a facet)
    pyr = [(1, 0, 0, 1), (1, 1, 0, -1), (1, -1, 0, -1), (1, 0, 1, -1), (1, 0, -1, -1)]
    F = certified_facets(pyr, np.array([0.0, 0.0, 0.0]))
    assert F is not None and len(F) == 5
    # a redundant row whose minimum is at that degenerate apex (z <= 2, apex z = 1):
    # certified by one of the simplicial cones at the apex
    F = certified_facets(pyr + [(2, 0, 0, -1)], np.array([0.0, 0.0, 0.0]))
    assert F is not None and sorted(F) == [0, 1, 2, 3, 4]


def test_huge_integers_fall_back_instead_of_crashing():
    big = 2 ** 1100
    rows = [(big, 1, 0), (big, -1, 0), (big, 0, 1), (big, 0, -1)]
    assert certified_facets(rows, np.zeros(2)) is None
    assert certified_facet_point(rows, 0, np.array([-1.0, 0.0])) is None


def test_rows_without_normal():
    square = [(1, 1, 0), (1, -1, 0), (3, 0, 0), (1, 0, 1), (1, 0, -1)]
    F = certified_facets(square, np.array([0.1, 0.2]))
    assert sorted(F) == [0, 1, 3, 4]
    assert certified_facets([(1, 1, 0), (0, 0, 0)], np.array([0.1, 0.2])) is None
    assert certified_facets([(2, 0, 0)], np.array([0.1, 0.2])) == {}
