"""Slices through data and local complexity, against the exact region list in a box."""
import random

import numpy as np
import pytest

from sage.all import QQ, Polyhedron, vector

from sage_tropnet.network import random_network
from sage_tropnet.slices import (Slice, plane_through, line_through, slice_regions,
                                 local_complexity)
from sage_tropnet.regions import linear_regions, activation_regions


def _ball(x, r):
    n = len(x)
    ieqs = []
    for i in range(n):
        e = [0] * n
        e[i] = 1
        ieqs.append([r + x[i]] + [-a for a in e])
        ieqs.append([r - x[i]] + e)
    return Polyhedron(ieqs=ieqs, base_ring=QQ)


@pytest.mark.parametrize("seed", range(4))
def test_local_complexity_against_the_region_list_in_a_box(seed):
    rng = random.Random(seed)
    net = random_network([2, 6, 5, 2], seed=seed)
    pts = [[QQ(rng.randint(-8, 8)) / 4 for _ in range(2)] for _ in range(4)]
    r = QQ(rng.randint(1, 6)) / 4
    got = local_complexity(net, pts, r, kind="both", output=None)
    for x, (lin, act) in zip(pts, got):
        B = _ball(x, r)
        assert lin == len(linear_regions(net, box=B, output=None))
        assert act == len(activation_regions(net, box=B))
    assert local_complexity(net, pts, r, kind="both", output=None, mode="float") == got


def test_local_complexity_on_slices_through_the_points():
    net = random_network([6, 8, 8, 1], seed=5)
    rng = np.random.default_rng(3)
    X = rng.normal(size=(3, 6))
    D = rng.normal(size=(2, 6))
    got = local_complexity(net, X, QQ(1) / 2, directions=D)
    for x, c in zip(X, got):
        S = Slice(x, [[QQ(1) / 2 * QQ(a) for a in d] for d in D])
        assert c == slice_regions(net, S, box=1, kinds="linear")["linear_regions"]


def test_plane_through_data_points():
    net = random_network([4, 6, 6, 3], seed=2)
    p = [[1, 0, 2, 0], [0, 1, 0, -1], [QQ(1) / 2, 3, 1, 1]]
    S = plane_through(*p, labels=["a", "b", "c"])
    r = S.restrict(net)
    assert [S.coordinates(q) for q in p] == [vector(QQ, [0, 0]), vector(QQ, [1, 0]),
                                            vector(QQ, [0, 1])]
    for t in ([0, 0], [1, 0], [0, 1], [QQ(1) / 3, QQ(-2) / 7]):
        assert r(t) == net(S(t))
    Sc = plane_through(*p, centered=True)
    assert Sc.coordinates(p[0]) == vector(QQ, [QQ(-1) / 3, QQ(-1) / 3])
    L = line_through(p[0], p[1])
    assert L.restrict(net)([QQ(1) / 2]) == net((vector(QQ, p[0]) + vector(QQ, p[1])) / 2)
    assert Slice.from_dict(S.to_dict()) == S


def test_slice_regions_equals_counting_the_restricted_network():
    from sage_tropnet.regions import count_linear_regions, count_activation_regions
    net = random_network([3, 6, 6, 2], seed=4)
    S = plane_through([0, 0, 1], [1, 0, 0], [0, 1, 0])
    d = slice_regions(net, S, box=2, output=1)
    r = S.restrict(net)
    assert d["linear_regions"] == count_linear_regions(r, box=2, output=1)
    assert d["activation_regions"] == count_activation_regions(r, box=2)


def test_errors():
    net = random_network([3, 4, 1], seed=0)
    with pytest.raises(ValueError, match="positive"):
        local_complexity(net, [[0, 0, 0]], 0)
    with pytest.raises(ValueError, match="coordinates"):
        local_complexity(net, [[0, 0]], 1)
    with pytest.raises(ValueError, match="R\\^2"):
        line_through([0, 0], [1, 1]).restrict(net)
