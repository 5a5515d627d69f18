"""Tests of sage_tropnet.bounds against tables computed by hand (Zaslavsky's r(n, d)) and the
bounds of the architectures of [LWCBM2024] (the table of doc/comparison.rst)."""
import random

import pytest

import sage_tropnet  # noqa: F401  (initialises Sage before any deep import)
import importlib
B = importlib.import_module("sage_tropnet.bounds")  # the package re-exports the function bounds()
from sage.rings.integer import Integer

# Zaslavsky's r(n, d) = sum_{s <= d} binomial(n, s) for d = 1..4 (rows), n = 0..7 (columns).
ZASLAVSKY_TABLE = {
    1: [1, 2, 3, 4, 5, 6, 7, 8],
    2: [1, 2, 4, 7, 11, 16, 22, 29],
    3: [1, 2, 4, 8, 15, 26, 42, 64],
    4: [1, 2, 4, 8, 16, 31, 57, 99],
}

# the table "Bounds" of doc/comparison.rst: n0, hidden widths, Zaslavsky(N, n0), Montufar 2017, Serra 2018,
# Montufar 2014 LB, Serra 2018 LB, 2^N  (None = n/a).
TABLE = [
    (2, [6], 22, 22, 22, 22, 22, 64),
    (3, [5], 26, 26, 26, 26, None, 32),
    (4, [4], 16, 16, 16, 16, None, 16),
    (5, [3], 8, 8, 8, None, None, 8),
    (6, [2], 4, 4, 4, None, None, 4),
    (3, [2, 2], 15, 16, 11, None, None, 16),
    (3, [3, 2], 26, 32, 26, None, None, 32),
    (2, [4, 2], 22, 44, 44, 16, None, 64),
    (2, [3, 3], 22, 49, 40, 7, None, 64),
    (2, [6, 6], 79, 484, 484, 198, 352, 4096),
    (2, [8, 8], 137, 1369, 1369, 592, 925, 65536),
    (1, [3, 3, 3], 10, 64, 64, 36, 64, 512),
    (2, [10, 10, 10], 466, 175616, 175616, 35000, 72576, 2**30),
    (784, [10, 10], 2**20, 2**20, 616666, None, None, 2**20),
    (10, [10, 10, 10, 10], 1221246132, 2**40, 216643797580, 1024, None, 2**40),
]


@pytest.mark.parametrize("d", sorted(ZASLAVSKY_TABLE))
def test_zaslavsky_table(d):
    values = [B.zaslavsky_bound(n, d) for n in range(8)]
    assert values == ZASLAVSKY_TABLE[d]
    assert all(isinstance(v, Integer) for v in values)


@pytest.mark.parametrize("row", TABLE, ids=lambda r: f"{r[0]}-{r[1]}")
def test_reference_table(row):
    n0, widths, zas, mon, serra, mlb, slb, triv = row
    N = sum(widths)
    assert B.zaslavsky_bound(N, n0) == zas
    assert B.montufar_bound(widths, n0) == mon
    assert B.serra_upper_bound(widths, n0) == serra
    assert B.montufar2014_lower_bound(widths, n0) == mlb
    assert B.serra_lower_bound(widths, n0) == slb
    assert B.trivial_bound(widths) == triv
    b = B.bounds([n0] + widths + [1])
    assert (b["zaslavsky"], b["montufar2017"], b["serra2018"], b["trivial"]) == (
        zas, mon, serra, triv)
    assert all(isinstance(b[k], Integer) for k in ("zaslavsky", "montufar2017",
                                                   "serra2018", "trivial"))


def test_named_rows():
    assert B.serra_upper_bound([2, 2], 3) == 11
    assert B.montufar_bound([2, 2], 3) == 16
    assert B.serra_dim_one_maximum([3, 3, 3]) == 64
    assert B.bounds([1, 3, 3, 3, 1])["serra_dim1"] == 64
    assert B.bounds([2, 6, 6, 1])["serra_dim1"] is None
    assert B.serra_upper_bound([10, 10], 784) == 616666
    assert B.serra_upper_bound([10, 10, 10, 10], 10) == 216643797580


def test_serra_dim1_hypothesis():
    with pytest.raises(ValueError, match="width >= 3"):
        B.serra_dim_one_maximum([3, 2, 4])
    assert B.bounds([1, 3, 2, 1])["serra_dim1"] is None


def test_bounds_accepts_network_objects():
    class WithHidden:
        input_dimension = 784
        hidden_widths = [10, 10]
        widths = [10, 10, 1]  # must be ignored in favour of hidden_widths

    class WithWidths:
        input_dimension = 784
        widths = [10, 10]

    for net in (WithHidden(), WithWidths()):
        assert B.bounds(net) == B.bounds([784, 10, 10, 1])
    with pytest.raises(ValueError):
        B.bounds([3])


@pytest.mark.parametrize("n0", range(1, 6))
def test_serra_equals_zaslavsky_one_layer(n0):
    for n1 in range(9):
        z = B.zaslavsky_bound(n1, n0)
        assert B.serra_upper_bound([n1], n0) == z
        assert B.bounds([n0, n1, 1])["zaslavsky"] == z


def test_serra_dimension_one():
    # For n0 = 1 and all n_l >= 2 the Serra bound is prod(n_l + 1); a width-1
    # layer can collapse the input (e.g. [1, 6, 6] gives 50 < 98).
    rng = random.Random(2026)
    for _ in range(40):
        widths = [rng.randint(2, 9) for _ in range(rng.randint(1, 4))]
        expected = 1
        for n in widths:
            expected *= n + 1
        assert B.serra_upper_bound(widths, 1) == expected
        if min(widths) >= 3:
            assert B.serra_dim_one_maximum(widths) == expected


def test_random_architecture_ordering():
    rng = random.Random(1)
    for _ in range(60):
        n0 = rng.randint(1, 8)
        widths = [rng.randint(1, 10) for _ in range(rng.randint(1, 4))]
        s = B.serra_upper_bound(widths, n0)
        m = B.montufar_bound(widths, n0)
        assert 1 <= s <= m <= B.trivial_bound(widths)
        assert B.maxout_bound(widths, n0, 2) == m
        for lb in (B.montufar2014_lower_bound(widths, n0),
                   B.serra_lower_bound(widths, n0)):
            assert lb is None or lb <= s
