"""Exact linear regions: published values, the two routes agree, bounds hold."""
import random

import pytest

from sage.rings.rational_field import QQ

from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP, TropicalRationalMap
from sage_tropnet.network import ReLUNetwork, random_network
from sage_tropnet.regions import (count_linear_regions, count_activation_regions,
                                  linear_regions, activation_regions)
from sage_tropnet.bounds import bounds


def both(obj, **kw):
    return (count_linear_regions(obj, method='tropical', **kw),
            count_linear_regions(obj, method='activation', **kw))


# -- the unit tests of TropicalNN.jl, the authors' code of [LWCBM2024] ------

def test_tropicalnn_examples():
    x, y = TP.gens(2)
    u, = TP.gens(1)
    assert count_linear_regions(x + y) == 2
    assert count_linear_regions(0 + u + u ** 2) == 2                 # max(0, x, 2x)
    assert count_linear_regions(0 + u ** 2 + u * (-1)) == 2          # max(0, 2x, x - 1)
    num = 0 + u + u ** 2 * (-2)
    den = 0 + u ** 2 * (-2)
    assert count_linear_regions(num / den) == 4
    f = x + y
    assert count_linear_regions(f / f) == 1
    assert count_linear_regions((x ** 2 * y + x * y ** 2) / (x + y)) == 1
    f6 = sum((u ** k * (-k * k) for k in range(1, 6)), TP.constant(0, 1))
    R = linear_regions(f6 / f6)
    assert len(R) == 1 and R[0].number_of_cells() == 6
    assert count_linear_regions(0 + x + y) == 3
    assert count_linear_regions(TropicalRationalMap(TP.constant(0, 2))) == 1


def test_tropicalnn_network_examples():
    # W1 = [[0,1],[1,0]], b1 = [1,1], ReLU, W2 = [[1,-1]]: maps {y-x, y+1, -x-1, 0}
    net = ReLUNetwork([([[0, 1], [1, 0]], [1, 1]), ([[1, -1]], [0])])
    R = linear_regions(net)
    maps = sorted((tuple(r.gradient), r.constant) for r in R)
    assert maps == [((-1, 0), -1), ((-1, 1), 0), ((0, 0), 0), ((0, 1), 1)]
    # relu(relu(x) - relu(y)): 3 regions with maps {0, x - y, x}
    net = ReLUNetwork([([[1, 0], [0, 1]], [0, 0]), ([[1, -1]], [0])], output_activation='relu')
    R = linear_regions(net)
    assert sorted((tuple(r.gradient), r.constant) for r in R) == \
        [((0, 0), 0), ((1, -1), 0), ((1, 0), 0)]
    assert count_linear_regions(net, method='activation') == 3


def test_sage_p1_six_regions():
    p1 = TP({(0, 0): 3, (1, 0): 2, (0, 1): 2, (1, 1): 3, (2, 0): 0, (0, 2): 0})
    assert count_linear_regions(p1) == 6
    assert p1.prune().number_of_terms() == 6


# -- examples T1-T4 of doc/comparison.rst and Serra's Fig. 2 ----------------

T1 = ReLUNetwork([([[1, 0], [0, 1], [1, 1], [1, -2]], [0, 0, -1, QQ(1) / 3]),
                  ([[1, 1, 1, 1]], [0])])
T2 = ReLUNetwork([([[1, 0], [1, 0]], [0, 0]), ([[1, -1]], [0])])
T3 = ReLUNetwork([([[1, 0], [0, 1], [-1, -1]], [0, 0, 0]), ([[1, 1, 1]], [0])])
T4 = ReLUNetwork([([[1, 0], [0, 1], [1, 1]], [0, 0, -1]),
                  ([[1, -1, 1], [-1, 1, 1]], [0, QQ(1) / 2]),
                  ([[1, -2]], [0])])
SERRA = ReLUNetwork([([[1], [-1]], [0, 1]), ([[4, 2]], [-3])], output_activation='relu')


@pytest.mark.parametrize("net, act, lin", [(T1, 11, 11), (T2, 2, 1), (T3, 6, 6), (T4, 12, 12),
                                           (SERRA, 5, 4)])
def test_reference_examples(net, act, lin):
    assert count_activation_regions(net) == act
    assert both(net) == (lin, lin)


def test_serra_boundaries_are_disconnected():
    R = linear_regions(SERRA, method='activation')
    zero = [r for r in R if r.gradient == 0 and r.constant == 0]
    assert len(zero) == 1 and zero[0].number_of_cells() == 2


# -- Zaslavsky counts for generic one-hidden-layer nets ------------------------

@pytest.mark.parametrize("arch, expected", [([2, 4, 1], 11), ([2, 6, 1], 22), ([3, 5, 1], 26),
                                            ([3, 7, 1], 64), ([4, 6, 1], 57)])
def test_zaslavsky_generic(arch, expected):
    net = random_network(arch, seed=1, init='he')
    assert both(net) == (expected, expected)
    assert count_activation_regions(net) == expected


# -- boxes -------------------------------------------------------------------

def test_box_counts():
    x, = TP.gens(1)
    f = 0 + x + x ** 2 * (-1)          # breakpoints at 0 and 1
    assert count_linear_regions(f, box=QQ(1) / 2) == 2
    assert count_linear_regions(f, box=2) == 3
    assert count_linear_regions(SERRA, box=QQ(1) / 4) == 1
    assert count_activation_regions(SERRA, box=QQ(1) / 4) == 2
    from sage.geometry.polyhedron.constructor import Polyhedron
    tri = Polyhedron(vertices=[(-5, -5), (5, -5), (-5, 5)])
    assert count_linear_regions(T3, box=tri) == count_linear_regions(T3, box=tri,
                                                                     method='activation')


def test_box_splits_nonconvex_region():
    # f = |x| - |x - 2| + ... a region that a box cuts in two pieces:
    # T2-like zero map on two cells touching only outside the box is still 1 region in R^n
    net = ReLUNetwork([([[1], [-1]], [0, 1]), ([[4, 2]], [-3])], output_activation='relu')
    # in [-1/4, 1/4] the zero region is one piece; in a box avoiding 0 it is counted per piece
    from sage.geometry.polyhedron.constructor import Polyhedron
    I = Polyhedron(vertices=[(-QQ(1) / 4,), (QQ(1) / 4,)])
    assert count_linear_regions(net, box=I) == 1


# -- cross-check of the two routes on random networks --------------------------

def _random_nets(count, seed):
    rng = random.Random(seed)
    for s in range(count):
        n0 = rng.randint(1, 4)
        depth = rng.randint(1, 3)
        cap = {1: 8, 2: 6, 3: 4, 4: 3}[n0] if depth > 1 else 8
        arch = [n0] + [rng.randint(1, cap) for _ in range(depth)] + [1]
        init = rng.choice(['integer', 'integer', 'paper'])
        yield random_network(arch, seed=1000 + s, init=init, bound=2,
                             denominator=rng.choice([1, 2]),
                             zero_probability=rng.choice([0.0, 0.3]),
                             output_activation=rng.choice(['relu', 'linear']))


def test_routes_agree_on_random_networks():
    """Acceptance 2: at least 300 random networks, including degenerate ones."""
    n = 0
    for net in _random_nets(300, seed=2024):
        t, a = both(net)
        assert t == a, net.layers()
        assert t <= count_activation_regions(net)
        b = bounds(net)
        if net.output_activation() == 'linear':
            # the bounds count hidden ReLUs: they hold for a linear output layer
            assert count_activation_regions(net) <= b['serra2018'] <= b['montufar2017'] \
                <= b['trivial'], net.layers()
            if len(net.hidden_widths()) == 1:
                assert t <= b['zaslavsky']
        else:
            # an output ReLU is one more neuron
            assert count_activation_regions(net) <= 2 * b['trivial']
        n += 1
    assert n == 300


def test_nonempty_adjacency_routes_agree():
    for net in _random_nets(40, seed=77):
        t, a = both(net, adjacency='nonempty')
        assert t == a
        assert t <= count_linear_regions(net)


def test_activation_regions_partition():
    # the cells returned are full-dimensional, disjoint interiors, and cover a box
    net = random_network([2, 3, 2, 1], seed=4, init='integer')
    A = activation_regions(net, box=3)
    assert all(P.dim() == 2 for P in A.values())
    total = sum(P.volume() for P in A.values())
    assert total == 36


def test_errors():
    with pytest.raises(ValueError, match="method"):
        count_linear_regions(T3, method='foo')
    with pytest.raises(ValueError, match="adjacency"):
        count_linear_regions(T3, adjacency='foo')
    with pytest.raises(ValueError, match="activation route needs a network"):
        count_linear_regions(TP.gens(2)[0] + 0, method='activation')
    with pytest.raises(ValueError, match="positive"):
        count_linear_regions(T3, box=-1)
    with pytest.raises(ValueError, match="float mode glues facet-adjacent"):
        count_linear_regions(T3, adjacency='nonempty', mode='float')


def test_float_mode_agrees_with_exact():
    """Acceptance 2: exact and float modes agree (in R^n and in a box)."""
    for i, net in enumerate(_random_nets(300, seed=99)):
        box = None if i % 2 else 7
        e = count_linear_regions(net, method='activation', box=box)
        assert count_linear_regions(net, method='activation', box=box, mode='float') == e
        assert count_linear_regions(net, method='tropical', box=box, mode='float') == e
        assert count_activation_regions(net, box=box, mode='float') == \
            count_activation_regions(net, box=box)


def test_float_mode_on_tropical_maps():
    x, y = TP.gens(2)
    u, = TP.gens(1)
    assert count_linear_regions((0 + u + u ** 2 * (-2)) / (0 + u ** 2 * (-2)), mode='float') == 4
    p1 = TP({(0, 0): 3, (1, 0): 2, (0, 1): 2, (1, 1): 3, (2, 0): 0, (0, 2): 0})
    assert count_linear_regions(p1, mode='float') == 6
    with pytest.raises(ValueError, match="mode"):
        count_linear_regions(p1, mode='approximate')


def test_float_activation_count_constant_function():
    """Regression (found by the Relucent benchmark): the output ReLU is always off, so
    the function has one region at every box size while far cells keep appearing."""
    net = random_network([2, 8, 8, 1], seed=0, init='paper', output_activation='relu')
    assert count_activation_regions(net, mode='float') == count_activation_regions(net) == 113


def test_float_mode_lineality_and_larger_nets():
    """Float mode searches in R^n directly; rank-deficient first layers (cells
    with a lineality space) are searched in the orthogonal complement."""
    # relu(x + y) + relu(2x + 2y - 1): three stripes, no vertex anywhere
    net = ReLUNetwork([([[1, 1], [2, 2]], [0, -1]), ([[1, 1]], [0])])
    assert count_activation_regions(net, mode='float') == count_activation_regions(net) == 3
    assert count_linear_regions(net, mode='float') == count_linear_regions(net) == 3
    # a constant network: one region
    net0 = ReLUNetwork([([[0, 0]], [-1]), ([[1]], [0])])
    assert count_activation_regions(net0, mode='float') == 1
    # a maxout and a leaky network in R^3
    for act in [('maxout', 2), ('leaky_relu', QQ(1) / 10)]:
        net = random_network([3, 4, 1], seed=5, hidden_activation=act)
        assert count_activation_regions(net, mode='float') == count_activation_regions(net)
        assert count_linear_regions(net, method='activation', mode='float') == \
            count_linear_regions(net, method='activation')
    net = random_network([2, 16, 16, 1], seed=0)
    assert count_activation_regions(net, mode='float') == count_activation_regions(net) == 442


def test_kernel_searches_equal_ppl_search():
    """The two searches on the compiled kernel (layer-wise subdivision with
    certified signs; facet crossing with certified facets) find exactly the
    cells and the gluing edges of the facet-crossing search with PPL facets
    (no kernel at all), on generic and degenerate networks, in R^n and in a
    box, by both routes."""
    from sage_tropnet.regions import regions, explore, cell_oracle
    for i, net in enumerate(_random_nets(60, seed=77)):
        box = None if i % 3 else 5
        for method in ('activation', 'tropical'):
            C = regions(net, method=method, box=box, progress=False)
            P = explore(cell_oracle(net, method), box=box, facets='ppl', progress=False)
            assert set(C.keys()) == set(P.keys()), net.layers()
            lab = P.label
            glue = lambda E: {frozenset(e) for e in E if lab(e[0]) == lab(e[1])}
            assert glue(C.edges()) == glue(P.edges()), net.layers()
            assert C.number_of_linear_regions() == P.number_of_linear_regions()

