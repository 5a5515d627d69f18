"""Breakpoints along segments and lines, against brute-force evaluation and
against the region engine on the restricted network; restriction to slices."""
import random

import pytest

from sage.all import QQ, Polyhedron, vector

from sage_tropnet.network import ReLUNetwork, random_network
from sage_tropnet.lines import along_segment, along_segments, count_pieces
from sage_tropnet.regions import count_linear_regions, count_activation_regions

SEGMENT = Polyhedron(ieqs=[[0, 1], [1, -1]], base_ring=QQ)

NETS = [
    ("relu", lambda s: random_network([3, 6, 5, 2], seed=s)),
    ("integer", lambda s: random_network([3, 5, 4, 2], seed=s, init="integer")),
    ("leaky", lambda s: random_network([3, 5, 4, 2], seed=s,
                                        hidden_activation=("leaky_relu", QQ(1) / 5))),
    ("maxout", lambda s: random_network([3, 4, 3, 2], seed=s, init="integer",
                                         hidden_activation=("maxout", 3))),
    ("relu-out", lambda s: random_network([2, 5, 5, 1], seed=s, output_activation="relu")),
]


def _rand_point(rng, n):
    return [QQ(rng.randint(-12, 12)) / 4 for _ in range(n)]


def _segments(n, k, seed):
    rng = random.Random(seed)
    out = []
    while len(out) < k:
        a, b = _rand_point(rng, n), _rand_point(rng, n)
        if a != b:
            out.append((a, b))
    return out


def _value(net, a, d, t, output):
    v = net(vector(QQ, a) + t * d)
    return tuple(v) if output is None else v[output]


@pytest.mark.parametrize("name,make", NETS)
@pytest.mark.parametrize("seed", range(4))
def test_pieces_against_brute_force(name, make, seed):
    net = make(seed)
    n = net.input_dimension()
    for a, b in _segments(n, 3, seed):
        d = vector(QQ, b) - vector(QQ, a)
        for output in (0, None):
            P = along_segment(net, a, b, output=output)
            pieces = P.pieces()
            assert pieces[0][0] == 0 and pieces[-1][1] == 1
            for t0, t1, s, c in pieces:
                assert t0 < t1
                # the output is the reported affine map at three points of the piece
                for t in (t0, (2 * t0 + t1) / 3, (t0 + 2 * t1) / 3, t1):
                    val = _value(net, a, d, t, output)
                    if output is None:
                        assert val == tuple(ci + t * si for si, ci in zip(s, c))
                    else:
                        assert val == c + t * s
            # consecutive pieces have different maps: a real breakpoint
            for p, q in zip(pieces, pieces[1:]):
                assert p[1] == q[0] and p[2:] != q[2:]


@pytest.mark.parametrize("name,make", NETS)
@pytest.mark.parametrize("seed", range(3))
def test_counts_agree_with_the_engine_on_the_restricted_network(name, make, seed):
    net = make(seed)
    n = net.input_dimension()
    for a, b in _segments(n, 2, 100 + seed):
        d = vector(QQ, b) - vector(QQ, a)
        r = net.restrict(a, [d])
        P = along_segment(net, a, b, output=None)
        assert P.number_of_activation_pieces() == count_activation_regions(r, box=SEGMENT)
        assert P.number_of_linear_pieces() == count_linear_regions(r, box=SEGMENT, output=None)
        L = along_segment(net, a, b, line=True, output=0)
        assert L.number_of_activation_pieces() == count_activation_regions(r)
        assert L.number_of_linear_pieces() == count_linear_regions(r, output=0)


@pytest.mark.parametrize("seed", range(3))
def test_activation_patterns_are_constant_on_pieces(seed):
    from sage_tropnet.regions import cell_oracle
    net = random_network([3, 6, 6, 1], seed=seed)
    oracle = cell_oracle(net, method="activation", output=None)
    for a, b in _segments(3, 3, seed):
        d = vector(QQ, b) - vector(QQ, a)
        for t0, t1, pat, s, c in along_segment(net, a, b).activation_pieces():
            x = vector(QQ, a) + (t0 + t1) / 2 * d
            assert oracle.key_at(x) == pat


def test_float_mode_agrees_with_exact_mode():
    import numpy as np
    net = random_network([5, 12, 12, 3], seed=7)
    rng = np.random.default_rng(1)
    segs = [(rng.normal(size=5), rng.normal(size=5)) for _ in range(40)]
    E = along_segments(net, segs, output=None)
    F = along_segments(net, segs, output=None, mode="float")
    for e, f in zip(E, F):
        assert e.number_of_linear_pieces() == f.number_of_linear_pieces()
        assert e.number_of_activation_pieces() == f.number_of_activation_pieces()
        assert np.allclose([float(t) for t in e.breakpoints()], f.breakpoints(), atol=1e-9)
        assert [p[2] for p in e.activation_pieces()] == [p[2] for p in f.activation_pieces()]


def test_count_pieces_and_errors():
    net = ReLUNetwork([([[1], [-1]], [0, 1]), ([[4, 2]], [-3])], output_activation="relu")
    assert count_pieces(net, [([-1], [2])]) == [4]
    assert count_pieces(net, [([-1], [2])], kind="activation") == [5]
    with pytest.raises(ValueError, match="kind"):
        count_pieces(net, [([-1], [2])], kind="nope")
    with pytest.raises(ValueError, match="coordinates"):
        along_segment(net, [0, 0], [1, 1])
    with pytest.raises(ValueError, match="out of range"):
        along_segment(net, [0], [1], output=3)


# ---------------------------------------------------------------------------
# restriction to slices
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("seed", range(5))
def test_restricted_network_equals_the_original_on_the_plane(seed):
    rng = random.Random(seed)
    net = random_network([4, 7, 5, 3], seed=seed,
                         hidden_activation=[("relu",), ("leaky_relu", QQ(1) / 3),
                                            ("relu",), ("relu",), ("relu",)][seed % 5])
    o = _rand_point(rng, 4)
    D = [_rand_point(rng, 4) for _ in range(2)]
    r = net.restrict(o, D)
    assert r.input_dimension() == 2
    for _ in range(20):
        t = [QQ(rng.randint(-50, 50)) / rng.randint(1, 9) for _ in range(2)]
        x = vector(QQ, o) + t[0] * vector(QQ, D[0]) + t[1] * vector(QQ, D[1])
        assert r(t) == net(x)


def test_restricted_maxout_network():
    net = random_network([3, 4, 2], seed=3, init="integer", hidden_activation=("maxout", 2))
    r = net.restrict([1, 0, -1], [[1, 2, 3]])
    for t in (-2, QQ(1) / 3, 5):
        assert r([t]) == net([1 + t, 2 * t, -1 + 3 * t])
