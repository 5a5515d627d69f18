"""Region and complex statistics: published values, exact invariants, JSON shape."""
import itertools
import json

import pytest

from sage.rings.rational_field import QQ
from sage.modules.free_module_element import vector
from sage.geometry.polyhedron.constructor import Polyhedron

from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
from sage_tropnet.network import ReLUNetwork, random_network
from sage_tropnet.regions import linear_regions, count_linear_regions
from sage_tropnet.stats import (region_statistics, complex_statistics, statistics_table,
                                plot_statistics, statistics_json, chebyshev_ball)

T3 = ReLUNetwork([([[1, 0], [0, 1], [-1, -1]], [0, 0, 1]), ([[1, 1, 1]], [0])])


def tropicalnn_1d():
    x, = TP.gens(1)
    return 0 + x * 1 + x ** 2 * 1          # max(0, 1 + x, 1 + 2x)


def nets_2d():
    return [T3] + [random_network([2, 4, 1], seed=s, init='integer') for s in (1, 2)] \
        + [random_network([2, 3, 2, 1], seed=5)]


# -- TropicalNN.jl published 1-D values -------------------------------------------

def test_tropicalnn_1d():
    f = tropicalnn_1d()
    S = sorted(region_statistics(f), key=lambda s: s["gradient"])   # left to right
    assert [s["bounded"] for s in S] == [False, True, False]
    assert [s["volume"] for s in S] == [None, 1, None]                # lengths inf, 1, inf
    assert [s["chebyshev_radius"] for s in S] == [None, QQ(1) / 2, None]
    assert S[1]["chebyshev_center"] == vector(QQ, [-QQ(1) / 2])
    C = complex_statistics(f)
    assert set(tuple(v) for v in C["vertices"]) == {(-1,), (0,)}
    lengths = sorted((float('inf') if e["length"] is None else e["length"])
                     for e in C["edges"])
    assert lengths == [1.0, float('inf'), float('inf')]
    assert C["f_vector"] == (2, 3) and C["euler_characteristic"] == -1
    assert len(C["facets"]) == 2 and C["n_glued_facets"] == 0
    assert all(j["jump_squared"] == 1 for j in C["facets"])


def test_glued_region_counts():
    u, = TP.gens(1)
    f6 = sum((u ** k * (-k * k) for k in range(1, 6)), TP.constant(0, 1))
    [s] = region_statistics(f6 / f6)
    assert (s["cells"], s["n_vertices"], s["n_facets"], s["bounded"]) == (6, 5, 0, False)
    [s] = region_statistics(f6 / f6, box=100)
    assert (s["cells"], s["n_facets"], s["volume"], s["bounded"]) == (6, 2, 200, False)
    C = complex_statistics(f6 / f6)
    assert C["n_glued_facets"] == 5 and C["facets"] == []


def test_lineality():
    x, y = TP.gens(2)
    C = complex_statistics(x + y)
    assert C["f_vector"] == (0, 1, 2) and C["euler_characteristic"] == 1
    [e] = C["edges"]
    assert not e["bounded"] and tuple(e["direction"]) == (1, 1)
    assert all(s["chebyshev_radius"] is None for s in region_statistics(x + y))


# -- exact invariants -------------------------------------------------------------

@pytest.mark.parametrize("net", nets_2d())
def test_volumes_sum_to_box(net):
    S = region_statistics(net, box=3)
    assert sum(s["volume"] for s in S) == 36
    assert len(S) == count_linear_regions(net, box=3)
    P = Polyhedron(vertices=[(-3, -2), (4, -1), (1, 5)], base_ring=QQ)
    assert sum(s["volume"] for s in region_statistics(net, box=P,
                                                      check_bounded=False)) == P.volume()


def test_volumes_3d_and_activation_route():
    net = random_network([3, 3, 1], seed=3, init='integer')
    S = region_statistics(net, box=2, check_bounded=False)
    assert sum(s["volume"] for s in S) == 64
    A = region_statistics(net, box=2, method='activation', check_bounded=False)
    assert sorted(s["volume"] for s in A) == sorted(s["volume"] for s in S)
    C = complex_statistics(net, box=2)
    assert C["euler_characteristic"] == 1 and len(C["f_vector"]) == 4


@pytest.mark.parametrize("net", nets_2d())
def test_chebyshev_centre_in_interior(net):
    regions = linear_regions(net, box=3, progress=False)
    for R, s in zip(regions, region_statistics(net, box=3, check_bounded=False)):
        c, r = s["chebyshev_center"], s["chebyshev_radius"]
        assert r > 0
        assert any(P.interior_contains(c) for P in R.cells)
        # the whole ball c + [-r, r]^n lies in one cell, and it is maximal there
        cell = [P for P in R.cells if P.interior_contains(c)][0]
        assert all(cell.contains(c + r * vector(QQ, e))
                   for e in itertools.product([-1, 1], repeat=2))
        assert max(chebyshev_ball(P)[1] for P in R.cells) == r


@pytest.mark.parametrize("net", nets_2d())
def test_euler_and_jumps(net):
    C = complex_statistics(net, box=3)
    V, E, F = C["f_vector"]
    assert V - E + F == 1                     # the complex in the box is a disc
    assert F == sum(s["cells"] for s in region_statistics(net, box=3, check_bounded=False))
    assert complex_statistics(net)["euler_characteristic"] == 1    # (-1)^2 in R^2
    # every bounded edge: exact squared length agrees with the endpoints
    for e in C["edges"]:
        assert e["bounded"]
        a, b = e["vertices"]
        assert (b - a) * (b - a) == e["squared_length"] > 0
    # gradient jumps: positive, and f is continuous across the shared facet
    regions = linear_regions(net, box=3, progress=False)
    cells = [P for R in regions for P in R.cells]
    for j in C["facets"]:
        assert j["jump_squared"] > 0 and j["jump"] > 0
        a, b = j["regions"]
        assert a != b
        piece = cells[j["cells"][0]].intersection(cells[j["cells"][1]])
        assert piece.dim() == 1
        dc = regions[a].constant - regions[b].constant
        assert all(j["gradient_jump"] * v.vector() + dc == 0 for v in piece.vertices())
    # every edge off the boundary of the box is shared by exactly two cells
    assert len(C["facets"]) + C["n_glued_facets"] == E - sum(
        1 for e in C["edges"] if _on_box(e, 3))


def _on_box(e, R):
    a, b = e["vertices"]
    return any(a[i] == b[i] == s * R for i in range(2) for s in (-1, 1))


def test_bounded_is_a_property_of_rn():
    S = region_statistics(T3, box=2)
    assert [s["bounded"] for s in S].count(True) == 1
    [tri] = [s for s in S if s["bounded"]]
    [tri_rn] = [s for s in region_statistics(T3) if s["bounded"]]
    assert tri["volume"] == tri_rn["volume"] == QQ(1) / 2


# -- table, plot, JSON ------------------------------------------------------------

def test_table_and_plot():
    T = statistics_table(T3, box=2)
    assert T.shape[0] == 7
    assert abs(T["volume"].sum() - 16.0) < 1e-12
    assert set(["cells", "bounded", "volume", "chebyshev_radius", "gradient",
                "n_vertices", "n_facets"]) <= set(T.columns)
    G = plot_statistics(T3, box=2, bins=4)
    assert type(G).__name__ == "Graphics"


def test_statistics_json():
    J = statistics_json(T3, box=2)
    J2 = json.loads(json.dumps(J))
    assert J2 == J
    assert J["number_of_regions"] == 7 and J["number_of_bounded_regions"] == 1
    assert J["box"] == "2" and J["input_dimension"] == 2
    assert QQ(J["total_volume"]) == 16 and J["total_volume_float"] == 16.0
    assert sum(QQ(r["volume"]) for r in J["regions"]) == 16
    r = J["regions"][0]
    assert set(r) == {"index", "cells", "bounded", "volume", "volume_float",
                      "chebyshev_center", "chebyshev_radius", "chebyshev_radius_float",
                      "gradient", "constant", "n_vertices", "n_facets"}
    assert all(isinstance(t, str) for t in r["gradient"])
    C = J["complex"]
    assert C["f_vector"] == [13, 19, 7] and C["euler_characteristic"] == 1
    assert all(QQ(f["jump_squared"]) > 0 for f in C["facets"])
    e = C["edges"][0]
    assert set(e) == {"bounded", "vertices", "direction", "squared_length", "length_float"}
    # without a box: infinite volumes are null
    J = statistics_json(T3, complex=False)
    assert "complex" not in J and J["total_volume"] is None and J["box"] is None
    assert sorted(r["volume"] is None for r in J["regions"]) == [False] + [True] * 6
    P = Polyhedron(vertices=[(0, 0), (1, 0), (0, 1)], base_ring=QQ)
    J = statistics_json(T3, box=P, complex=False)
    assert QQ(J["total_volume"]) == QQ(1) / 2
    assert len(J["box"]["inequalities"]) == 3


def test_errors():
    with pytest.raises(ValueError, match="single output"):
        region_statistics(T3, method='activation', output=None)
    x, = TP.gens(1)
    with pytest.raises(ValueError, match="finite volume"):
        plot_statistics(x + 0)
