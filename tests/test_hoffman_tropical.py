"""Tests of the Hoffman constants of tropical maps and of the sampling radii
(sage_tropnet.hoffman: tropical_hoffman_constant, sampling_radius,
minimal_radius, verify_radius).

Reference values: TropicalNN.jl unit tests as quoted in
regions-bounds-hoffman.md section 4.4 (max(0, x - 1, 2x): H = 1 unpruned,
1/2 pruned; effective radius 1 and 0; single monomial / tropical zero: 0).
Everything else is checked against independent computations: realised
pairs from exact polyhedra, brute-force matrix Hoffman constants, and the
exact minimal radius from the linear regions.
"""
import json
import random

import sage_tropnet  # noqa: F401  -- initialises Sage first

import pytest

from sage.geometry.polyhedron.constructor import Polyhedron
from sage.matrix.constructor import matrix
from sage.rings.rational_field import QQ
from sage.rings.real_double import RDF

from sage_tropnet.hoffman import (TropicalHoffmanResult, hoffman_constant,
                                  minimal_radius, sampling_radius, surjectivity_lp,
                                  tropical_hoffman_constant, verify_radius)
from sage_tropnet.network import ReLUNetwork, random_network
from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP, TropicalRationalMap


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

def published_poly():
    x, = TP.gens(1)
    return 0 + x * (-1) + x**2          # max(0, x - 1, 2x)


def random_poly(rng, n, kmin=2, kmax=5):
    terms = {}
    for _ in range(rng.randint(kmin, kmax)):
        e = tuple(rng.randint(0, 3) for _ in range(n))
        terms[e] = QQ(rng.randint(-6, 6)) / rng.choice([1, 1, 2, 3])
    return TP(terms, nvars=n)


def random_map(rng):
    n = rng.choice([1, 2, 2])
    return TropicalRationalMap(random_poly(rng, n), random_poly(rng, n))


def full_dimensional(P):
    """Indices of the monomials of a merged polynomial with a full-dimensional
    region, computed with one exact polyhedron per monomial."""
    E, C = P.exponents(), P.coefficients()
    n = P.nvariables()
    out = []
    for i in range(len(E)):
        ieqs = [[C[i] - C[j]] + [a - b for a, b in zip(E[i], E[j])]
                for j in range(len(E)) if j != i]
        if not ieqs or Polyhedron(ieqs=ieqs, base_ring=QQ).dim() == n:
            out.append(i)
    return out


def independent_hoffman(f, realised_only=True):
    """Eq. (4) of the paper, by exact polyhedra and brute-force matrix Hoffman
    constants (no code shared with tropical_hoffman_constant)."""
    p, q = f.numerator(), f.denominator()
    Fp, Fq = full_dimensional(p), full_dimensional(q)
    Ep, Cp, Eq, Cq = p.exponents(), p.coefficients(), q.exponents(), q.coefficients()
    n = f.nvariables()
    best = QQ(0)
    for i in Fp:
        for j in Fq:
            if realised_only:
                ieqs = [[Cp[i] - Cp[k]] + [a - b for a, b in zip(Ep[i], Ep[k])]
                        for k in Fp if k != i]
                ieqs += [[Cq[j] - Cq[k]] + [a - b for a, b in zip(Eq[j], Eq[k])]
                         for k in Fq if k != j]
                if ieqs and Polyhedron(ieqs=ieqs, base_ring=QQ).dim() < n:
                    continue
            M = [[a - b for a, b in zip(Ep[k], Ep[i])] for k in Fp] \
                + [[a - b for a, b in zip(Eq[k], Eq[j])] for k in Fq]
            best = max(best, hoffman_constant(M, algorithm="brute_force").value)
    return best


def check_certificate(r):
    if r.value == 0:
        assert r.J == () and r.v == ()
        return
    t, _ = surjectivity_lp(r.matrix.matrix_from_rows(r.J))
    assert 1 / t == r.value
    # the certificate v is feasible and optimal: ||A_J^T v||_1 = 1/value
    AJ = r.matrix.matrix_from_rows(r.J)
    w = AJ.transpose() * matrix(QQ, len(r.v), 1, list(r.v))
    assert sum(abs(a) for a in w.list()) == 1 / r.value
    assert sum(r.v) == 1 and all(a >= 0 for a in r.v)


def random_maps(count, seed):
    rng = random.Random(seed)
    return [random_map(rng) for _ in range(count)]


def random_nets():
    nets = []
    for dims in ([2, 3, 1], [2, 2, 2, 1], [1, 4, 1]):
        for init in ("integer", "paper"):
            for s in range(6):
                nets.append(random_network(dims, seed=s, init=init))
    return nets


# ---------------------------------------------------------------------------
# published values (TropicalNN unit tests)
# ---------------------------------------------------------------------------

def test_published_unpruned_and_pruned():
    f = published_poly()
    assert str(f) == "max(0, -1 + x, 2*x)"
    # over all monomials of the expression (TropicalNN on the unpruned polynomial)
    assert tropical_hoffman_constant(f, full_dimensional_only=False).value == 1
    assert tropical_hoffman_constant(f, full_dimensional_only=False,
                                     realised_only=False).value == 1
    assert sampling_radius(f, full_dimensional_only=False) == 1          # exact_er = 1.0
    assert sampling_radius(f, full_dimensional_only=False, realised_only=False) == 1
    # full-dimensional monomials only (the default), and the pruned polynomial
    assert tropical_hoffman_constant(f).value == QQ((1, 2))
    assert tropical_hoffman_constant(f.prune()).value == QQ((1, 2))
    assert tropical_hoffman_constant(f.prune(), full_dimensional_only=False).value == QQ((1, 2))
    assert sampling_radius(f) == 0                                        # exact_er = 0.0
    assert sampling_radius(f.prune(), full_dimensional_only=False) == 0
    # hand check of the certificate: the region of monomial 0, A~ = [0; 1; 2]
    r = tropical_hoffman_constant(f, full_dimensional_only=False)
    assert isinstance(r, TropicalHoffmanResult) and r.kind == "exact"
    assert r.matrix == matrix(QQ, [[0], [1], [2]])
    check_certificate(r)
    # as a rational map with denominator 0 the numbers are the same
    g = TropicalRationalMap(f)
    assert tropical_hoffman_constant(g).value == QQ((1, 2))
    assert tropical_hoffman_constant(g, full_dimensional_only=False).value == 1
    assert sampling_radius(g, full_dimensional_only=False) == 1
    assert sampling_radius(g) == 0


def test_single_monomial_and_zero():
    x, y = TP.gens(2)
    zero = TP({}, nvars=2)
    for f in (x * 3, TP.constant(5, 2), x * y * (-1), (x * 2) / (y * 1), zero):
        r = tropical_hoffman_constant(f)
        assert r.value == 0 and r.J == ()
        assert sampling_radius(f) == 0
        assert sampling_radius(f, center=[7, -3]) == 0
        assert minimal_radius(f) == 0
        assert verify_radius(f, 0)
    assert tropical_hoffman_constant(zero).indices == ()
    assert tropical_hoffman_constant(zero, bound="upper").value == 0
    assert tropical_hoffman_constant(zero, bound="lower").value == 0


def test_matrix_published_value_through_a_polynomial():
    # f = max(0, x - 1, y - 1, -x - y - 1) (Puiseux: negative exponents allowed).
    # The region of the constant monomial has A~ = [0; (1,0); (0,1); (-1,-1)],
    # whose Hoffman constant is the published H([[1,0],[0,1],[-1,-1]]) = 2.
    f = TP({(0, 0): 0, (1, 0): -1, (0, 1): -1, (-1, -1): -1})
    assert hoffman_constant([[1, 0], [0, 1], [-1, -1]]).value == 2
    assert hoffman_constant([[0, 0], [1, 0], [0, 1], [-1, -1]]).value == 2
    r = tropical_hoffman_constant(f)
    assert r.value >= 2 and r.regions == 4
    check_certificate(r)
    nonzero = [row for row in r.matrix.rows() if row]
    assert r.value == hoffman_constant(matrix(QQ, nonzero)).value


def test_network_T3():
    net = ReLUNetwork([([[1, 0], [0, 1], [-1, -1]], [0, 0, 0]), ([[1, 1, 1]], [0])])
    r = tropical_hoffman_constant(net)
    assert r.value == 2
    check_certificate(r)
    f = net.tropicalize()[0]
    assert tropical_hoffman_constant(f).value == r.value
    assert sampling_radius(net) == sampling_radius(f)
    assert minimal_radius(net) == minimal_radius(f) == 0


# ---------------------------------------------------------------------------
# against independent computations
# ---------------------------------------------------------------------------

def test_against_independent_eq4():
    for f in random_maps(30, seed=11):
        for realised in (True, False):
            r = tropical_hoffman_constant(f, realised_only=realised)
            assert r.value == independent_hoffman(f, realised), (f, realised)
            check_certificate(r)
        # realised pairs are a subset of all pairs
        assert tropical_hoffman_constant(f).value <= \
            tropical_hoffman_constant(f, realised_only=False).value
        # every monomial as a row can only increase H
        assert tropical_hoffman_constant(f).value <= \
            tropical_hoffman_constant(f, full_dimensional_only=False).value


def test_algorithms_and_float_agree():
    for f in random_maps(12, seed=5):
        a = tropical_hoffman_constant(f)
        b = tropical_hoffman_constant(f, algorithm="brute_force")
        c = tropical_hoffman_constant(f, mode="float")
        assert a.value == b.value
        assert c.value.parent() is RDF
        assert abs(float(c.value) - float(a.value)) <= 1e-7 * max(1, float(a.value))


def test_lower_exact_upper():
    maps = random_maps(15, seed=23) + [published_poly()]
    maps += [random_network([2, 3, 1], seed=s, init="integer") for s in range(3)]
    for f in maps:
        ex = tropical_hoffman_constant(f).value
        lo = tropical_hoffman_constant(f, bound="lower", samples=5, seed=1)
        up = tropical_hoffman_constant(f, bound="upper")
        assert lo.kind == "lower" and up.kind == "upper" and up.J is None
        assert lo.value <= ex <= up.value + 1e-9, f
        check_certificate(lo)
        # with enough samples the lower bound is exact
        assert tropical_hoffman_constant(f, bound="lower", samples=10**6).value == ex
        # all pairs (the paper's code) give bounds of the larger number
        ex_all = tropical_hoffman_constant(f, realised_only=False).value
        up_all = tropical_hoffman_constant(f, realised_only=False, bound="upper").value
        assert ex <= ex_all <= up_all + 1e-9


def test_l1_norm_and_errors():
    f = published_poly()
    assert tropical_hoffman_constant(f, norm="l1").value == QQ((1, 2))
    with pytest.raises(ValueError):
        tropical_hoffman_constant(f, bound="upper", norm="l1")
    with pytest.raises(ValueError):
        tropical_hoffman_constant(f, algorithm="milp")
    with pytest.raises(ValueError):
        sampling_radius(f, bound="lower")
    with pytest.raises(ValueError):
        verify_radius(f, -1)
    with pytest.raises(TypeError):
        tropical_hoffman_constant([[1, 0]])
    with pytest.raises(ValueError):
        tropical_hoffman_constant(random_network([2, 2, 1], seed=0), output=1)


def test_json_shapes():
    x, y = TP.gens(2)
    f = (x**2 + y**2 + 0) / (x + y * 1)
    d = json.loads(json.dumps(tropical_hoffman_constant(f).as_dict()))
    assert d["value"] == "3/2" and d["kind"] == "exact" and len(d["indices"]) == 2
    assert len(d["matrix"]) == 5 and d["regions"] == 5
    u = json.loads(json.dumps(tropical_hoffman_constant(f, bound="upper").as_dict()))
    assert isinstance(u["value"], float) and u["J"] is None
    s = json.loads(json.dumps(sampling_radius(f, center=[1, -1], certificate=True).as_dict()))
    assert s["value"] == "6" and s["spread"] == "4" and s["center"] == ["1", "-1"]
    m = json.loads(json.dumps(minimal_radius(f, center=[1, -1], certificate=True).as_dict()))
    assert m["value"] == "1" and len(m["points"]) == len(m["distances"])


# ---------------------------------------------------------------------------
# the radius guarantee (Lemma 3.3 / Prop. 3.4) on >= 100 random maps and nets
# ---------------------------------------------------------------------------

def _check_radius(f, center=None):
    R = sampling_radius(f, center=center)
    assert R.parent() is QQ
    assert verify_radius(f, R, center=center), (f, center, R)
    m = minimal_radius(f, center=center, certificate=True)
    assert m.value <= R, (f, center, m.value, R)
    # the minimal radius is attained and is minimal
    assert verify_radius(f, m.value, center=center)
    if m.value > 0:
        assert not verify_radius(f, m.value * QQ((999, 1000)), center=center)
    # every witness point lies in the ball
    for p in m.points:
        assert max(abs(a - b) for a, b in zip(p, m.center)) <= m.value
    # all monomials / all pairs give valid (larger) radii as well
    R_all = sampling_radius(f, center=center, full_dimensional_only=False,
                            realised_only=False)
    assert R <= R_all
    return m.value, R


def test_radius_random_maps():
    rng = random.Random(2024)
    count = 0
    for f in random_maps(70, seed=7):
        n = f.nvariables()
        _check_radius(f)
        if rng.random() < 0.5:
            center = [QQ(rng.randint(-8, 8)) / 2 for _ in range(n)]
            _check_radius(f, center)
        count += 1
    assert count == 70


def test_radius_random_networks():
    nets = random_nets()
    assert len(nets) == 36
    positive = 0
    for net in nets:
        m, R = _check_radius(net)
        positive += m > 0
        # the upper-bound radius (float) is valid too
        Ru = sampling_radius(net, bound="upper")
        assert verify_radius(net, Ru)
    assert positive >= 5  # the test is not vacuous


def test_radius_polynomials():
    rng = random.Random(99)
    for _ in range(20):
        f = random_poly(rng, rng.choice([1, 2]), 2, 6)
        _check_radius(f)
        _check_radius(f, [QQ(rng.randint(-5, 5)) for _ in range(f.nvariables())])
        # Lemma 3.3 in its matrix form equals the spread form at x0 = 0
        c = sampling_radius(f, certificate=True)
        P = f.prune()
        vals = P.coefficients()
        assert c.spread == max(vals) - min(vals)


def test_unmerged_expressions():
    # quicksum / merge conventions, unpruned: repeated exponents and monomials
    # without a full-dimensional region; every combination of the options
    # gives a valid radius, and the defaults give the smallest H
    for s in range(4):
        net = random_network([2, 2, 1], seed=s, init="integer")
        for conv in ("quicksum", "merge"):
            f = net.tropicalize(prune=False, convention=conv)[0]
            base = tropical_hoffman_constant(f).value
            for fd in (True, False):
                for realised in (True, False):
                    r = tropical_hoffman_constant(f, full_dimensional_only=fd,
                                                  realised_only=realised)
                    check_certificate(r)
                    assert r.value >= base
                    R = sampling_radius(f, full_dimensional_only=fd, realised_only=realised)
                    assert verify_radius(f, R)
                    # indices point into the expression's own exponent lists
                    for side, (i, (e, c)) in zip((f.numerator(), f.denominator()),
                                                 zip(r.indices, r.monomials)):
                        assert side.exponents()[i] == e and side.coefficients()[i] == c
