"""Newton polytopes, dual subdivisions, tropical hypersurfaces and plots.

The dual subdivision is checked against Sage's own (slow) ``dual_subdivision()``
of the max-plus tropical polynomial ``p.to_sage()``; the monomial regions against
the exact region search of :mod:`sage_tropnet.regions`.
"""
import random

import pytest

from sage.rings.rational_field import QQ
from sage.modules.free_module_element import vector

from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
from sage_tropnet.network import ReLUNetwork
from sage_tropnet.geometry import (newton_polytope, extended_newton_polytope,
                                   dual_subdivision, normal_fan, monomial_regions,
                                   tropical_hypersurface)
from sage_tropnet.regions import count_linear_regions

P1 = TP({(0, 0): 3, (1, 0): 2, (0, 1): 2, (1, 1): 3, (2, 0): 0, (0, 2): 0})
P2 = TP({(0, 0): 3, (2, 0): 0, (0, 1): -2, (2, 1): QQ((1, 2)), (1, 3): 2, (3, 4): -1})


def random_poly(rng, n, m, maxdeg=3, den=1, full=True, integer_coeffs=False):
    """A random polynomial in ``n`` variables with ``m`` distinct exponents
    (entries in ``{0, 1/den, ..., maxdeg/den}``); full-dimensional Newton
    polytope when ``full``."""
    while True:
        exps = set()
        while len(exps) < m:
            exps.add(tuple(rng.randint(0, maxdeg) for _ in range(n)))
        if integer_coeffs:
            coeffs = [QQ(rng.randint(-4, 4)) for _ in exps]
        else:
            coeffs = [QQ(rng.randint(-6, 6)) / rng.randint(1, 3) for _ in exps]
        p = TP({tuple(QQ(a) / den for a in e): c for e, c in zip(sorted(exps), coeffs)})
        if not full or newton_polytope(p).dim() == n:
            return p


def cell_set(pc, scale=1):
    """The maximal cells of a polyhedral complex as sorted vertex tuples."""
    return sorted(tuple(sorted(tuple(QQ(a) / scale for a in v) for v in c.vertices()))
                  for c in pc.maximal_cell_iterator())


def sage_cells(p):
    P, s = p.to_sage()
    return cell_set(P.dual_subdivision(), s)


# ---------------------------------------------------------------------------
# dual subdivision against Sage
# ---------------------------------------------------------------------------

def test_dual_subdivision_sage_doc_examples():
    pc = dual_subdivision(P1)
    assert len(pc.maximal_cells_sorted()) == 4
    assert cell_set(pc) == sage_cells(P1)
    assert cell_set(pc) == [((0, 0), (0, 1), (1, 1)), ((0, 0), (1, 0), (1, 1)),
                            ((0, 1), (0, 2), (1, 1)), ((1, 0), (1, 1), (2, 0))]
    assert len(monomial_regions(P1)) == 6
    assert P1.prune() == P1
    # the pentagon of Sage's documentation (5 cells), with a rational height
    assert cell_set(dual_subdivision(P2)) == sage_cells(P2)
    assert len(cell_set(dual_subdivision(P2))) == 5


RANDOM_2VARS = [random_poly(random.Random(seed), 2, 4 + seed % 3, den=2 if seed % 4 == 3 else 1,
                            integer_coeffs=seed % 5 == 4)
                for seed in range(10)]


@pytest.mark.parametrize("p", RANDOM_2VARS, ids=[str(i) for i in range(len(RANDOM_2VARS))])
def test_dual_subdivision_agrees_with_sage(p):
    ours = dual_subdivision(p)
    assert ours.is_pure() and ours.dimension() == 2
    assert ours.union_as_polyhedron() == newton_polytope(p)
    assert cell_set(ours) == sage_cells(p)


def test_dual_subdivision_three_variables_faces():
    # Sage's surface example is min-plus; its 7 triangles are our 2-cells
    x, y, z = TP.gens(3)
    pc = dual_subdivision(x + y + z + x**2 + (-1))
    assert len(pc.maximal_cells_sorted()) == 2 and pc.dimension() == 3
    assert len(pc.cells()[2]) == 7


def test_dual_subdivision_lower_dimensional():
    x, y = TP.gens(2)
    pc = dual_subdivision(0 + x * y * 1 + x**2 * y**2 + x**3 * y**3 * (-5))
    assert pc.dimension() == 1
    assert cell_set(pc) == [((0, 0), (1, 1)), ((1, 1), (2, 2)), ((2, 2), (3, 3))]
    assert cell_set(dual_subdivision(0 + x * y * (-1) + x**2 * y**2)) == [((0, 0), (2, 2))]
    assert cell_set(dual_subdivision(x * y + 4)) == [((0, 0), (1, 1))]
    assert cell_set(dual_subdivision(x * 7)) == [((1, 0),)]


# ---------------------------------------------------------------------------
# regions, pruning, hypersurface, fan
# ---------------------------------------------------------------------------

RANDOM_SMALL = [random_poly(random.Random(100 + seed), 2 + seed % 2, 3 + seed % 5,
                            maxdeg=2 + seed % 2, full=False,
                            integer_coeffs=seed % 3 == 0)
                for seed in range(14)]


@pytest.mark.parametrize("p", RANDOM_SMALL, ids=[str(i) for i in range(len(RANDOM_SMALL))])
def test_monomial_regions_count_and_pruning(p):
    U = monomial_regions(p)
    assert len(U) == count_linear_regions(p)
    n = p.nvariables()
    assert all(P.dim() == n for P in U.values())
    # pruning keeps exactly the monomials with a region, i.e. the upper-hull vertices
    exps = p.exponents()
    assert p.prune().exponents() == [exps[i] for i in sorted(U)]
    L = extended_newton_polytope(p)
    assert sorted(tuple(v)[:-1] for v in L.vertices()) == sorted(exps[i] for i in U)
    # ... which are also exactly the vertices of the cells of the dual subdivision
    verts = set(tuple(v) for c in dual_subdivision(p).maximal_cell_iterator()
                for v in c.vertices())
    assert verts == set(exps[i] for i in U)
    # on a point of its region, a monomial attains the maximum strictly
    coeffs = p.coefficients()
    for i, P in U.items():
        x = P.representative_point()
        vals = [c + vector(QQ, e) * x for e, c in zip(exps, coeffs)]
        assert vals[i] == max(vals) and vals.count(max(vals)) == 1


@pytest.mark.parametrize("p", RANDOM_SMALL + [P1, P2],
                         ids=[str(i) for i in range(len(RANDOM_SMALL))] + ["p1", "p2"])
def test_tropical_hypersurface(p):
    n = p.nvariables()
    H = tropical_hypersurface(p)
    pc = dual_subdivision(p)
    d = newton_polytope(p).dim()
    # one (n-1)-cell per edge of the dual subdivision (when d >= 1)
    assert len(H) == (len(pc.cells().get(1, ())) if d >= 1 else 0)
    exps, coeffs = p.exponents(), p.coefficients()
    for (i, k), C in H:
        assert C.dim() == n - 1
        x = C.representative_point()
        vals = [c + vector(QQ, e) * x for e, c in zip(exps, coeffs)]
        top = max(vals)
        assert vals[i] == vals[k] == top
        # at a generic point of the cell only monomials on the dual edge tie
        assert all(v < top or e in pc_edge_points(exps[i], exps[k], exps)
                   for e, v in zip(exps, vals))


def pc_edge_points(a, b, exps):
    """The exponents on the segment [a, b]."""
    a, b = vector(QQ, a), vector(QQ, b)
    out = set()
    for e in exps:
        w = vector(QQ, e) - a
        d = b - a
        t = (w * d) / (d * d)
        if 0 <= t <= 1 and w == t * d:
            out.add(e)
    return out


def test_tropical_hypersurface_box():
    H = tropical_hypersurface(P1, box=2)
    assert len(H) == 7
    assert all(C.is_compact() and C.dim() == 1 for _, C in H)
    assert len(tropical_hypersurface(P1, box=1)) == 1
    assert tropical_hypersurface(TP.gens(2)[0]) == []


@pytest.mark.parametrize("p", RANDOM_SMALL[:8] + [P1],
                         ids=[str(i) for i in range(8)] + ["p1"])
def test_normal_fan(p):
    N = newton_polytope(p)
    F, data = normal_fan(p, return_projection=True)
    assert F.lattice_dim() == N.dim()
    assert F.is_complete()
    assert F.ngenerating_cones() == N.n_vertices()
    if N.is_full_dimensional():
        # outer normal cones = recession cones of the regions (max-plus): a ray
        # inside a generating cone selects exactly one vertex of N
        exps = [vector(QQ, e) for e in p.exponents()]
        U = monomial_regions(p)
        winners = set()
        for cone in F.generating_cones():
            r = sum((vector(QQ, ray) for ray in cone.rays()), vector(QQ, N.dim()))
            vals = [e * r for e in exps]
            i = vals.index(max(vals))
            assert vals.count(max(vals)) == 1 and i in U
            winners.add(tuple(exps[i]))
        assert winners == set(tuple(v) for v in N.vertices())
        inner = normal_fan(p, direction='inner')
        assert sorted(inner.rays()) == sorted(-r for r in F.rays())


def test_normal_fan_minkowski():
    x, y = TP.gens(2)
    f, g = x + y + 0, (x + 0) * (y + 0)
    assert normal_fan(f * g).ngenerating_cones() == 5
    assert normal_fan(f).common_refinement(normal_fan(g)).ngenerating_cones() == 5


def test_sage_polynomial_input():
    P, s = P1.to_sage()
    assert cell_set(dual_subdivision(P)) == cell_set(dual_subdivision(P1))
    with pytest.raises(ValueError):
        dual_subdivision(TP({}, nvars=2))
    with pytest.raises(TypeError):
        dual_subdivision(3)


# ---------------------------------------------------------------------------
# plots
# ---------------------------------------------------------------------------

NET2 = ReLUNetwork([([[1, 0], [0, 1], [1, -1]], [0, -1, 1]), ([[1, -2, 1]], [0])])


def _saved(G, path):
    G.save(str(path))
    assert path.exists() and path.stat().st_size > 1000
    with open(path, 'rb') as f:
        assert f.read(8) == b'\x89PNG\r\n\x1a\n'


def test_plots_save_png(tmp_path):
    pytest.importorskip("matplotlib")
    from sage_tropnet.plot import (plot_linear_regions, plot_dual_subdivision,
                                   plot_tropical_hypersurface)
    G = plot_linear_regions(NET2, box=3, show_cells=True)
    assert len(G) >= count_linear_regions(NET2, box=3)
    _saved(G, tmp_path / "net.png")
    _saved(plot_linear_regions(NET2, method='activation'), tmp_path / "net_auto.png")
    G = plot_linear_regions(P1)
    assert len(G) == 6
    _saved(G, tmp_path / "poly.png")
    x, y = TP.gens(2)
    _saved(plot_dual_subdivision(P1 + (x * y)**QQ((1, 2)) * (-5), labels=True),
           tmp_path / "dual.png")
    G = plot_tropical_hypersurface(P1)
    assert len(G) == 9
    _saved(G, tmp_path / "curve.png")
    u, = TP.gens(1)
    _saved(plot_linear_regions((0 + u + u**2 * (-2)) / (0 + u**2 * (-2)), box=4),
           tmp_path / "graph.png")


def test_plot_errors():
    from sage_tropnet.plot import plot_linear_regions, plot_tropical_hypersurface
    with pytest.raises(ValueError):
        plot_linear_regions(TP.gens(4)[0])
    with pytest.raises(ValueError):
        plot_tropical_hypersurface(TP.gens(4)[0])


def test_plot_three_dimensional():
    from sage_tropnet.plot import plot_linear_regions
    from sage.plot.plot3d.base import Graphics3d
    x, y, z = TP.gens(3)
    assert isinstance(plot_linear_regions(x + y + z + 0, box=1), Graphics3d)
