"""Tests of sage_tropnet.hoffman (and of the LP layer it uses).

Reference values: TropicalNN.jl unit tests and the box / simplex / l1-ball
table of regions-bounds-hoffman.md section 4.4 (both norm conventions).
"""
import itertools
import math
import random
import statistics
import time

import sage_tropnet  # noqa: F401  -- initialises Sage first

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sage.matrix.constructor import matrix
from sage.rings.rational_field import QQ

from sage_tropnet.hoffman import (HoffmanResult, hoffman_constant,
                                  hoffman_lower_bound, hoffman_upper_bound,
                                  paper_upper_estimate, surjectivity_lp)
from sage_tropnet.lp import exact_lp_minimize, float_lp_minimize


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

def identity(n):
    return [[int(i == j) for j in range(n)] for i in range(n)]


def box(n):
    return identity(n) + [[-a for a in row] for row in identity(n)]


def simplex(n):
    return identity(n) + [[-1] * n]


def l1_ball(n):
    return [list(s) for s in itertools.product([1, -1], repeat=n)]


def dual_norm(w, norm):
    return sum(abs(a) for a in w) if norm == "inf" else max(abs(a) for a in w)


def check_certificate(A, res, norm):
    """The certificate (J, v) of a HoffmanResult reproduces its value."""
    A = [[QQ(a) for a in row] for row in A]
    if res.value == 0:
        assert res.J == () and res.v == ()
        return
    assert len(res.J) == len(res.v)
    assert all(a >= 0 for a in res.v) and sum(res.v) == 1
    n = len(A[0])
    w = [sum(v * A[i][j] for i, v in zip(res.J, res.v)) for j in range(n)]
    assert dual_norm(w, norm) == 1 / res.value
    t, _ = surjectivity_lp([A[i] for i in res.J], norm=norm)
    assert t == 1 / res.value


SEEDED = random.Random(20261129)


def random_matrix_rows(rng, max_m=8, max_n=5, rational=False, degenerate=True):
    """A random small integer or rational matrix, sometimes degenerate."""
    m = rng.randint(1, max_m)
    n = rng.randint(1, max_n)
    if rational:
        A = [[QQ(rng.randint(-3, 3)) / rng.randint(1, 3) for _ in range(n)]
             for _ in range(m)]
    else:
        A = [[QQ(rng.randint(-2, 2)) for _ in range(n)] for _ in range(m)]
    if degenerate and m >= 2:
        kind = rng.randint(0, 5)
        i, k = rng.randrange(m), rng.randrange(m)
        if kind == 0:
            A[i] = [-a for a in A[k]]          # opposite rows
        elif kind == 1:
            A[i] = [2 * a for a in A[k]]       # parallel rows
        elif kind == 2:
            A[i] = [QQ(0)] * n                 # zero row
        elif kind == 3 and m >= 3:
            j = rng.randrange(m)               # dependent row
            A[i] = [a + b for a, b in zip(A[k], A[j])]
    return A


# ---------------------------------------------------------------------------
# published values
# ---------------------------------------------------------------------------

PUBLISHED = [
    (identity(3), 1),
    (simplex(3), 3),
    (box(3), 1),
    ([[1, 0], [-1, 0], [0, 1]], 1),
    ([[1, 0], [0, 1], [-1, -1]], 2),
    ([[1, 1], [1, -1]], 1),
]


@pytest.mark.parametrize("A, expected", PUBLISHED)
@pytest.mark.parametrize("algorithm", ["pvz", "brute_force"])
def test_published_values(A, expected, algorithm):
    res = hoffman_constant(A, algorithm=algorithm)
    assert isinstance(res, HoffmanResult)
    assert res.value == expected
    assert res.value.parent() is QQ
    check_certificate(A, res, "inf")


TABLE = (
    [(box(n), "inf", 1) for n in (2, 3, 4)]
    + [(box(n), "l1", n) for n in (2, 3, 4)]
    + [(simplex(n), "inf", n) for n in (2, 3, 4, 6)]
    + [(simplex(n), "l1", 2 * n - 1) for n in (2, 3, 4, 6)]
    + [(l1_ball(2), "inf", 1), (l1_ball(3), "inf", 1),
       (l1_ball(2), "l1", 1), (l1_ball(3), "l1", 3)]
)


@pytest.mark.parametrize("A, norm, expected", TABLE)
def test_box_simplex_l1ball_table(A, norm, expected):
    res = hoffman_constant(A, norm=norm)
    assert res.value == expected
    check_certificate(A, res, norm)
    if len(A) <= 8:
        assert hoffman_constant(A, algorithm="brute_force", norm=norm).value == expected


def test_upper_bound_published():
    assert math.isclose(float(hoffman_upper_bound([[1, 0], [0, 1], [1, 0]])),
                        math.sqrt(2), rel_tol=1e-12)


def test_paper_estimate_is_not_a_bound():
    A = [[1, 1], [1, -1]]
    assert math.isclose(float(paper_upper_estimate(A)), 1 / math.sqrt(2), rel_tol=1e-12)
    assert hoffman_constant(A).value == 1
    assert float(hoffman_upper_bound(A)) >= 1 - 1e-12


def test_surjectivity_lp_values():
    assert surjectivity_lp([[1, 0], [0, 1], [-1, -1]]) == (0, (QQ(1) / 3,) * 3)
    t, v = surjectivity_lp([[1, 0], [-1, -1]])
    assert t == QQ(1) / 2 and v == (QQ(1) / 2, QQ(1) / 2)
    t, v = surjectivity_lp([[1, 0], [-1, -1]], norm="l1")
    assert t == QQ(1) / 3 and sum(v) == 1
    tf, vf = surjectivity_lp([[1, 0], [-1, -1]], mode="float")
    assert abs(tf - 0.5) < 1e-9


# ---------------------------------------------------------------------------
# degenerate input and input types
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("A", [[], matrix(QQ, 0, 3), matrix(QQ, 3, 0), np.zeros((0, 2)),
                               [[0, 0], [0, 0]], np.zeros((3, 2))])
@pytest.mark.parametrize("algorithm", ["pvz", "brute_force"])
def test_degenerate_zero(A, algorithm):
    for mode in ("exact", "float"):
        res = hoffman_constant(A, algorithm=algorithm, mode=mode)
        assert res.value == 0 and res.J == () and res.v == ()
    assert hoffman_upper_bound(A) == 0
    assert paper_upper_estimate(A) == 0


def test_zero_rows_do_not_matter():
    A = simplex(3)
    assert hoffman_constant(A + [[0, 0, 0]]).value == 3
    assert hoffman_constant([[0, 0, 0]] + A).J in [(1, 2, 4), (1, 3, 4), (2, 3, 4)]


def test_input_types_agree():
    rows = [[0.5, -1.0, 0.25], [1.0, 2.0, -0.5], [-1.5, 0.0, 1.0], [0.0, -0.75, -1.0]]
    expected = hoffman_constant([[QQ(a) for a in r] for r in rows]).value
    assert hoffman_constant(np.array(rows)).value == expected
    assert hoffman_constant(np.array(rows, dtype=np.float32)).value == expected
    assert hoffman_constant(matrix(QQ, rows)).value == expected
    assert hoffman_constant(rows).value == expected


def test_float32_is_read_exactly():
    x = np.float32(0.1)
    res = hoffman_constant(np.array([[x]], dtype=np.float32))
    assert res.value == 1 / QQ(float(x).as_integer_ratio())
    assert res.value != 10


def test_bad_arguments():
    with pytest.raises(ValueError, match="algorithm"):
        hoffman_constant([[1]], algorithm="milp")
    with pytest.raises(ValueError, match="norm"):
        hoffman_constant([[1]], norm="l2")
    with pytest.raises(ValueError, match="same length"):
        hoffman_constant([[1, 2], [3]])
    with pytest.raises(ValueError, match="at least one row"):
        surjectivity_lp([])
    with pytest.raises(ValueError, match="samples"):
        hoffman_lower_bound([[1]], samples=0)


# ---------------------------------------------------------------------------
# PVZ versus brute force on random matrices
# ---------------------------------------------------------------------------

RANDOM_CASES = [(random_matrix_rows(SEEDED, rational=(k % 3 == 2)), k) for k in range(220)]


def test_pvz_equals_brute_force_random_inf():
    for A, k in RANDOM_CASES:
        pvz = hoffman_constant(A, algorithm="pvz")
        bf = hoffman_constant(A, algorithm="brute_force")
        assert pvz.value == bf.value, (k, A)
        check_certificate(A, pvz, "inf")


def test_pvz_equals_brute_force_larger():
    rng = random.Random(4)
    for m, n in [(10, 2), (11, 3), (12, 3)]:
        A = [[rng.randint(-3, 3) for _ in range(n)] for _ in range(m)]
        for norm in ("inf", "l1"):
            assert (hoffman_constant(A, norm=norm).value
                    == hoffman_constant(A, algorithm="brute_force", norm=norm).value)


def test_pvz_equals_brute_force_random_l1():
    for A, k in RANDOM_CASES[::2]:
        pvz = hoffman_constant(A, algorithm="pvz", norm="l1")
        bf = hoffman_constant(A, algorithm="brute_force", norm="l1")
        assert pvz.value == bf.value, (k, A)
        check_certificate(A, pvz, "l1")


# ---------------------------------------------------------------------------
# property tests (hypothesis)
# ---------------------------------------------------------------------------

@st.composite
def small_matrices(draw, max_m=7, max_n=4):
    m = draw(st.integers(1, max_m))
    n = draw(st.integers(1, max_n))
    entries = st.integers(-3, 3)
    return [[draw(entries) for _ in range(n)] for _ in range(m)]


@st.composite
def rational_matrices(draw, max_m=6, max_n=3):
    m = draw(st.integers(1, max_m))
    n = draw(st.integers(1, max_n))
    entries = st.fractions(min_value=-3, max_value=3, max_denominator=4)
    return [[QQ(draw(entries)) for _ in range(n)] for _ in range(m)]


PROPERTY = settings(max_examples=120, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(small_matrices(max_m=8, max_n=5))
def test_property_pvz_equals_brute_force(A):
    assert (hoffman_constant(A).value
            == hoffman_constant(A, algorithm="brute_force").value)


@PROPERTY
@given(small_matrices())
def test_property_lower_exact_upper(A):
    exact = hoffman_constant(A).value
    lower = hoffman_lower_bound(A, samples=10, seed=0).value
    upper = float(hoffman_upper_bound(A))
    assert lower <= exact
    assert float(exact) <= upper * (1 + 1e-9) + 1e-12


@PROPERTY
@given(rational_matrices())
def test_property_rational_lower_exact_upper(A):
    exact = hoffman_constant(A).value
    assert hoffman_lower_bound(A, samples=5).value <= exact
    assert float(exact) <= float(hoffman_upper_bound(A)) * (1 + 1e-9) + 1e-12


@settings(max_examples=40, deadline=None, derandomize=True)
@given(small_matrices(max_m=6, max_n=4), st.sampled_from(["inf", "l1"]))
def test_property_float_agrees_with_exact(A, norm):
    exact = hoffman_constant(A, norm=norm).value
    approx = hoffman_constant(A, norm=norm, mode="float").value
    assert abs(float(approx) - float(exact)) <= 1e-7 * max(1, float(exact))


def test_lower_bound_seed_and_exhaustive():
    rng = random.Random(7)
    for _ in range(10):
        A = random_matrix_rows(rng, max_m=7, max_n=4)
        exact = hoffman_constant(A).value
        lb1 = hoffman_lower_bound(A, samples=6, seed=3)
        assert lb1 == hoffman_lower_bound(A, samples=6, seed=3)
        assert lb1.value <= exact
        assert hoffman_lower_bound(A, samples=2 ** len(A)).value == exact


# ---------------------------------------------------------------------------
# the LP layer
# ---------------------------------------------------------------------------

def test_lp_exact_float_ppl_agree():
    rng = random.Random(11)
    for _ in range(40):
        n, m = rng.randint(1, 6), rng.randint(1, 7)
        A = [[rng.randint(-3, 3) for _ in range(n)] for _ in range(m)]
        b = [rng.randint(-2, 5) for _ in range(m)]
        c = [rng.randint(-3, 3) for _ in range(n)]
        lb = [rng.choice([None, 0, -1]) for _ in range(n)]
        results = []
        for solve in (exact_lp_minimize, float_lp_minimize,
                      lambda *a, **k: exact_lp_minimize(*a, solver="PPL", **k)):
            try:
                results.append(solve(c, A, b, lower_bounds=lb)[0])
            except ValueError as e:
                results.append(str(e))
        if isinstance(results[0], str):
            assert results[0] == results[1] == results[2]
        else:
            assert results[0] == results[2]
            assert abs(results[1] - float(results[0])) <= 1e-7 * max(1, abs(float(results[0])))


def test_lp_errors():
    for solve in (exact_lp_minimize, float_lp_minimize):
        with pytest.raises(ValueError, match="infeasible"):
            solve([1], [[1]], [-1], lower_bounds=0)
        with pytest.raises(ValueError, match="unbounded"):
            solve([-1, 0], [[1, -1]], [0], lower_bounds=0)


def test_exact_lp_speed_20x20():
    rng = random.Random(5)
    times = []
    for _ in range(7):
        A = [[rng.randint(-5, 5) for _ in range(20)] for _ in range(20)]
        b = [rng.randint(1, 10) for _ in range(20)]
        c = [rng.randint(-5, 5) for _ in range(20)]
        start = time.perf_counter()
        try:
            exact_lp_minimize(c, A, b, lower_bounds=[-10] * 20)
        except ValueError:  # unbounded
            pass
        times.append(time.perf_counter() - start)
    assert statistics.median(times) < 0.05


def test_deprecated_exact_keyword():
    """``exact=False`` still means ``mode="float"``, with a DeprecationWarning."""
    from sage.rings.real_double import RDF
    from sage_tropnet.hoffman import hoffman_lower_bound, sampling_radius, tropical_hoffman_constant
    from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
    A = [[1, 0], [0, 1], [-1, -1]]
    with pytest.warns(DeprecationWarning, match="mode='float'"):
        assert hoffman_constant(A, exact=False).value.parent() is RDF
    with pytest.warns(DeprecationWarning, match="mode='exact'"):
        assert hoffman_constant(A, exact=True).value == 2
    with pytest.warns(DeprecationWarning):
        assert surjectivity_lp(A, exact=False)[0] == 0
    with pytest.warns(DeprecationWarning):
        assert hoffman_lower_bound(A, samples=7, exact=False).value.parent() is RDF
    x, = TP.gens(1)
    f = 0 + x * (-1) + x**2
    with pytest.warns(DeprecationWarning):
        assert tropical_hoffman_constant(f, exact=False).value.parent() is RDF
    with pytest.warns(DeprecationWarning):
        assert sampling_radius(f, center=[3], exact=False).parent() is RDF
