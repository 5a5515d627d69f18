"""Tropical Puiseux algebra: laws, evaluation homomorphism, Sage bridge, published values."""
import pytest
from hypothesis import given, settings, strategies as st

from sage.rings.rational_field import QQ
from sage.rings.semirings.tropical_semiring import TropicalSemiring
from sage.rings.polynomial.polynomial_ring_constructor import PolynomialRing

from sage_tropnet.puiseux import (TropicalPuiseuxPolynomial as TP, TropicalRationalMap)

rationals = st.fractions(min_value=-5, max_value=5, max_denominator=6).map(
    lambda f: QQ((f.numerator, f.denominator)))
exps = st.fractions(min_value=0, max_value=3, max_denominator=4).map(
    lambda f: QQ((f.numerator, f.denominator)))


def polys(n=2, max_terms=5):
    term = st.tuples(st.tuples(*[exps] * n), rationals)
    return st.lists(term, min_size=1, max_size=max_terms).map(lambda ts: TP(ts, nvars=n))


points = st.tuples(rationals, rationals)


@settings(max_examples=60, deadline=None)
@given(polys(), polys(), polys())
def test_semiring_laws(p, q, r):
    assert p + q == q + p
    assert (p + q) + r == p + (q + r)
    assert p * q == q * p
    assert (p * q) * r == p * (q * r)
    assert p * (q + r) == p * q + p * r          # distributivity of odot over oplus
    assert p + p == p                            # idempotence of oplus


@settings(max_examples=60, deadline=None)
@given(polys(), polys(), points, st.fractions(min_value=0, max_value=3, max_denominator=5))
def test_evaluation_is_a_homomorphism(p, q, x, r):
    r = QQ((r.numerator, r.denominator))
    assert (p + q)(x) == max(p(x), q(x))
    assert (p * q)(x) == p(x) + q(x)
    assert (p ** r)(x) == r * p(x)
    f = p / q
    assert f(x) == p(x) - q(x)
    assert (f + f)(x) == f(x)
    assert (f * f)(x) == 2 * f(x)
    assert (f / (q / p))(x) == 2 * f(x)


@settings(max_examples=40, deadline=None)
@given(polys(n=2, max_terms=8), st.lists(points, min_size=5, max_size=5))
def test_prune_keeps_function(p, pts):
    pp = p.prune()
    assert pp.number_of_terms() <= p.number_of_terms()
    for x in pts:
        assert pp(x) == p(x)


@settings(max_examples=40, deadline=None)
@given(polys(n=2))
def test_sage_bridge_round_trip(p):
    P, s = p.to_sage()
    assert TP.from_sage(P, s) == p
    T = P.parent().base()
    # P(x / s) = p(x)
    x = (QQ(3) / 7, QQ(-2))
    assert P(T(x[0] / s), T(x[1] / s)).lift() == p(x)


def test_rational_exponent_never_truncated():
    x, y = TP.gens(2)
    p = x ** QQ((1, 3)) * y + 1
    with pytest.raises(ValueError, match="refusing to truncate"):
        p.to_sage(scale=1)
    with pytest.raises(ValueError, match="refusing to truncate"):
        p.to_sage(scale=2)
    P, s = p.to_sage()
    assert s == 3
    assert TP.from_sage(P, s) == p


def test_sage_bridge_rejects_negative_exponents():
    p = TP({(-1, 0): 0, (0, 0): 1})
    with pytest.raises(ValueError, match="non-negative"):
        p.to_sage()


def test_published_algebra_values():
    # the unit tests of TropicalNN.jl, the authors' code of [LWCBM2024]
    f = TP({(1, 0): 1, (0, 1): 2, (1, 1): 3})
    g = TP({(1, 7): 0, (0, 1): 4, (9, 1): -5})
    assert dict((f + g).terms()) == {(0, 1): 4, (1, 0): 1, (1, 1): 3, (1, 7): 0, (9, 1): -5}
    assert dict((f * g).terms()) == {(0, 2): 6, (1, 1): 5, (1, 2): 7, (1, 8): 2, (2, 7): 1,
                                     (2, 8): 3, (9, 2): -3, (10, 1): -4, (10, 2): -2}
    assert f(2, 3) == 8
    h = TP({(1, 0): 1, (0, 1): 2}) ** 2
    assert dict(h.terms()) == {(2, 0): 2, (0, 2): 4}
    # composition max(u, v) with u = 1 + y1, v = 2 + y2
    m = TP({(1, 0): 0, (0, 1): 0})
    u = TP({(1, 0): 1})
    v = TP({(0, 1): 2})
    comp = m.compose([u / 0, v / 0])
    for pt, val in [((3, 5), 7), ((10, 0), 11), ((0, 0), 2), ((5, 2), 6), ((-1, 5), 7),
                    ((100, 100), 102)]:
        assert comp(pt) == val


def test_sage_semiring_is_max_plus():
    T = TropicalSemiring(QQ, use_min=False)
    R = PolynomialRing(T, 'x,y')
    x, y = R.gens()
    p = TP.from_sage(x * y + R(3))
    assert p(1, 1) == 3 and p(2, 2) == 4


def test_unmerged_terms_and_counts():
    x, = TP.gens(1)
    p = (x + 0).add(x + 0, merge=False)
    assert p.number_of_terms() == 4 and not p.is_merged()
    assert p.merged().number_of_terms() == 2
    assert (p * p).number_of_terms() == 3  # products merge by default: 0, x, 2x
    assert p.mul(p, merge=False).number_of_terms() == 16


def test_float_mode_coefficients():
    from sage.rings.real_double import RDF
    x, = TP.gens(1)
    p = (x ** QQ((1, 2)) + 1).change_ring(RDF)
    assert p.base_ring() is RDF
    assert abs(p(4.0) - 2.0) < 1e-12


def test_zero_and_errors():
    z = TP({}, nvars=2)
    assert z.is_zero()
    with pytest.raises(ZeroDivisionError):
        TropicalRationalMap(TP.gens(2)[0], z)
    with pytest.raises(ValueError):
        TP({(1,): 0, (1, 2): 0})
