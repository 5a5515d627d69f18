"""Sampling estimates: lower bounds of the exact counts, exact Jacobians, determinism."""
import numpy as np
import pytest

from sage.rings.rational_field import QQ
from sage.modules.free_module_element import vector

from sage_tropnet.network import ReLUNetwork, random_network
from sage_tropnet.regions import (count_linear_regions, count_activation_regions,
                                  ActivationOracle)
from sage_tropnet.sampling import (activation_patterns, exact_jacobian,
                                   estimate_linear_regions, estimate_vs_exact,
                                   SamplingEstimate, exact_pattern, sample_points)

SMALL = [([2, 3, 1], 'paper'), ([2, 5, 1], 'paper'), ([3, 4, 1], 'integer'),
         ([2, 3, 3, 1], 'paper'), ([2, 4, 2, 1], 'integer'), ([3, 3, 2, 1], 'paper')]


def _flat_key(net, key):
    """The regions oracle's key (one tuple of unit states per layer) as a flat pattern."""
    return tuple(s for st in key for s in st)


@pytest.mark.parametrize("dims,init", SMALL)
def test_estimate_is_a_lower_bound(dims, init):
    for seed in range(3):
        net = random_network(dims, seed=seed, init=init)
        exact = count_linear_regions(net, box=5)
        est = estimate_linear_regions(net, radius=5, samples=3000, seed=seed,
                                      method="jacobian", key="affine", midpoint=True)
        assert est["mode"] == "float-sampling"
        assert est["dropped"] == 0
        assert est["estimate"] <= exact
        pat = estimate_linear_regions(net, radius=5, samples=3000, seed=seed, method="pattern")
        assert pat["estimate"] <= count_activation_regions(net, box=5)
        # a map is a function of the pattern; pieces are unions of cells
        assert pat["estimate"] >= est["estimate"]
        jac = estimate_linear_regions(net, radius=5, samples=3000, seed=seed)
        grad = estimate_linear_regions(net, radius=5, samples=3000, seed=seed, key="gradient")
        assert pat["estimate"] >= jac["estimate"] >= grad["estimate"]
        assert est["estimate"] >= jac["estimate"]


def test_other_activations_lower_bound():
    for ha in [('leaky_relu', QQ(1) / 10), ('maxout', 2), ('maxout', 3)]:
        for oa in ['linear', 'relu']:
            net = random_network([2, 3, 2, 2], seed=1, hidden_activation=ha,
                                 output_activation=oa)
            for out in (0, 1):
                est = estimate_linear_regions(net, radius=4, samples=3000, seed=0,
                                              midpoint=True, output=out)
                assert est["estimate"] <= count_linear_regions(net, box=4, output=out)
            pat = estimate_linear_regions(net, radius=4, samples=3000, seed=0, method="pattern")
            assert pat["estimate"] <= count_activation_regions(net, box=4)


@pytest.mark.parametrize("seed", range(6))
def test_converges_on_easy_nets(seed):
    net = random_network([2, 3, 1], seed=seed)
    est = estimate_linear_regions(net, radius=5, samples=20000, seed=seed, midpoint=True)
    assert est["estimate"] == count_linear_regions(net, box=5)
    d = estimate_vs_exact(net, radius=5, samples=20000, seed=seed)
    assert d["estimate"] == d["exact"] and d["missed"] == 0 and d["ratio"] == 1.0


def test_midpoint_separates_disconnected_pieces():
    # |x| on [-1, 1] and 1 outside: the constant map has two pieces
    net = ReLUNetwork([([[1], [-1], [1], [-1]], [0, 0, -1, -1]), ([[1, 1, -1, -1]], [0])])
    kw = dict(radius=3, samples=2000, seed=0)
    assert estimate_linear_regions(net, **kw)["estimate"] == 3
    assert estimate_linear_regions(net, key="gradient", **kw)["estimate"] == 3
    assert estimate_linear_regions(net, midpoint=True, **kw)["estimate"] == 4
    assert count_linear_regions(net, box=3) == 4


def test_gradient_key_merges_parallel_maps():
    # max(x, 0) + max(x - 1, 0) - max(x - 2, 0) * 2: slopes 0, 1, 2, 0 on R
    net = ReLUNetwork([([[1], [1], [1]], [0, -1, -2]), ([[1, 1, -2]], [0])])
    kw = dict(radius=4, samples=3000, seed=1)
    assert estimate_linear_regions(net, key="gradient", **kw)["estimate"] == 3
    assert estimate_linear_regions(net, **kw)["estimate"] == 4
    assert count_linear_regions(net, box=4) == 4


@pytest.mark.parametrize("dims,init,ha", [([2, 3, 1], 'paper', 'relu'),
                                          ([3, 4, 3, 1], 'paper', 'relu'),
                                          ([2, 4, 3, 2], 'integer', 'relu'),
                                          ([2, 3, 2, 1], 'paper', ('leaky_relu', QQ(1) / 5)),
                                          ([3, 3, 2, 1], 'paper', ('maxout', 3))])
def test_exact_jacobian_finite_differences(dims, init, ha):
    net = random_network(dims, seed=4, init=init, hidden_activation=ha)
    n = net.input_dimension()
    rng = np.random.default_rng(0)
    X = rng.uniform(-3, 3, size=(30, n))
    P, amb = activation_patterns(net, X)
    h = QQ(1) / 2 ** 40
    checked = 0
    for x, p, a in zip(X, P, amb):
        if a:
            continue
        xq = vector(QQ, [QQ(float(t).as_integer_ratio()) for t in x])
        for out in range(net.output_dimension()):
            g, c = exact_jacobian(net, p, output=out)
            assert all(t.parent() is QQ for t in g) and c.parent() is QQ
            fx = net(xq)[out]
            assert fx == sum(gi * xi for gi, xi in zip(g, xq)) + c
            for i in range(n):
                e = vector(QQ, [h if j == i else 0 for j in range(n)])
                if exact_pattern(net, xq + e) != tuple(p):
                    continue  # the step left the cell (boundary closer than 2^-40)
                assert net(xq + e)[out] - fx == h * g[i]
                checked += 1
    assert checked > 20


def test_exact_jacobian_cache_and_types():
    net = random_network([2, 3, 1], seed=0)
    P, _ = activation_patterns(net, [[0.5, -0.25]])
    a = exact_jacobian(net, P[0])
    b = exact_jacobian(net, list(P[0]))
    assert a == b and isinstance(a[0], tuple)
    assert exact_jacobian(net, tuple(int(s) for s in P[0])) is a or \
        exact_jacobian(net, tuple(int(s) for s in P[0])) == a
    with pytest.raises(ValueError):
        exact_jacobian(net, (1, 0))
    with pytest.raises(ValueError):
        exact_jacobian(net, P[0], output=3)


@pytest.mark.parametrize("ha", ['relu', ('maxout', 2), ('leaky_relu', QQ(1) / 3)])
def test_patterns_match_exact_convention(ha):
    """Undecided rows are flagged; decided rows agree with the exact search's keys."""
    for seed in range(3):
        net = random_network([2, 4, 3, 1], seed=seed, init='integer', hidden_activation=ha)
        # an integer grid: many points on hyperplanes, degenerate neurons
        X = np.array([(a, b) for a in np.arange(-4, 4.5, 0.5) for b in np.arange(-4, 4.5, 0.5)])
        P, amb = activation_patterns(net, X)
        assert P.shape[0] == len(X) and amb.shape == (len(X),)
        assert P.dtype.kind == 'i' and amb.dtype == bool
        oracle = ActivationOracle(net, 0)
        for x, p, a in zip(X, P, amb):
            xq = vector(QQ, [QQ(float(t).as_integer_ratio()) for t in x])
            ep = exact_pattern(net, xq)
            if ep is None:
                assert a
                assert oracle.key_at(xq, None) is None
                continue
            assert _flat_key(net, oracle.key_at(xq, None)) == ep
            if not a:
                assert tuple(p) == ep


def test_pattern_columns():
    net = ReLUNetwork([([[1, 0], [0, 1]], [0, 0]), ([[1, 1]], [0])], output_activation='relu')
    P, amb = activation_patterns(net, np.array([[1.0, -1.0], [-2.0, 1.0]]))
    assert P.tolist() == [[1, 0, 1], [0, 1, 1]] and not amb.any()
    lin = ReLUNetwork([([[1, 0], [0, 1]], [0, 0]), ([[1, 1]], [0])],
                      activations=['linear', 'linear'])
    assert activation_patterns(lin, [[1.0, 2.0]])[0].shape == (1, 0)
    assert estimate_linear_regions(lin, samples=100, seed=0)["estimate"] == 1


def test_deterministic_given_seed():
    net = random_network([3, 5, 4, 1], seed=7)
    for kw in (dict(), dict(method="pattern"), dict(midpoint=True), dict(domain="l2ball")):
        a = estimate_linear_regions(net, radius=5, samples=5000, seed=11, **kw)
        b = estimate_linear_regions(net, radius=5, samples=5000, seed=11, **kw)
        assert a["estimate"] == b["estimate"] and a["patterns"] == b["patterns"]
    # chunked sampling is deterministic too
    a = estimate_linear_regions(net, radius=5, samples=40000, seed=3, method="pattern")
    b = estimate_linear_regions(net, radius=5, samples=40000, seed=3, method="pattern")
    assert a["estimate"] == b["estimate"]


def test_domains_and_result():
    net = random_network([2, 4, 1], seed=3)
    box = estimate_linear_regions(net, radius=5, samples=4000, seed=0)
    ball = estimate_linear_regions(net, radius=5, samples=4000, seed=0, domain="ball")
    assert box["estimate"] == ball["estimate"]
    l2 = estimate_linear_regions(net, radius=5, samples=4000, seed=0, domain="l2ball")
    assert l2["estimate"] <= count_linear_regions(net, box=5)
    assert isinstance(box, SamplingEstimate) and int(box) == box["estimate"]
    for k in ("estimate", "samples", "radius", "method", "seconds", "mode"):
        assert k in box
    assert box["samples"] == 4000 and box["radius"] == 5 and box["method"] == "jacobian"
    assert "float-sampling" in repr(box)
    with pytest.raises(ValueError):
        estimate_linear_regions(net, method="pattern", midpoint=True)
    with pytest.raises(ValueError):
        estimate_linear_regions(net, key="slope")
    with pytest.raises(ValueError):
        estimate_vs_exact(net, radius=5, samples=10, seed=0, domain="l2ball")


def test_l2ball_points_are_in_the_ball():
    X = sample_points(np.random.default_rng(0), 5000, 3, 2.0, "l2ball")
    r = np.linalg.norm(X, axis=1)
    assert r.max() <= 2.0 and r.min() >= 0
    # uniform in the ball: P(|x| <= R/2) = 1/8
    assert abs((r <= 1.0).mean() - 1 / 8) < 0.02
