"""The region engine v2: layer-wise subdivision and facet crossing on the compiled
kernel, checked against independent computations (PPL-only search, exact point
queries, affinitree when installed), on generic and degenerate networks."""
import random

import numpy as np
import pytest

from sage.rings.integer import Integer
from sage.rings.rational_field import QQ
from sage.modules.free_module_element import vector
from sage.geometry.polyhedron.constructor import Polyhedron

from sage_tropnet.network import ReLUNetwork, random_network
from sage_tropnet.regions import (regions, explore, cell_oracle, subdivide,
                                  count_linear_regions, count_activation_regions,
                                  ActivationOracle)
from sage_tropnet.regions.subdivide import pieces
from sage_tropnet.misc.union_find import UnionFind


def _nets(count, seed):
    rng = random.Random(seed)
    for s in range(count):
        n = rng.randint(1, 4)
        depth = rng.randint(1, 3)
        cap = {1: 7, 2: 6, 3: 4, 4: 3}[n] if depth > 1 else 7
        dims = [n] + [rng.randint(1, cap) for _ in range(depth)] + [1]
        act = rng.choice(['relu', 'relu', ('leaky_relu', QQ(1) / 3), ('maxout', 2)])
        yield random_network(dims, seed=500 + s, init=rng.choice(['paper', 'integer']),
                             hidden_activation=act, denominator=rng.choice([1, 2]),
                             output_activation=rng.choice(['linear', 'relu']))


def test_interior_points_lie_in_their_cells():
    """Every recorded cell's interior point (float) has, read exactly, the cell's
    pattern: an independent exact forward pass confirms each cell."""
    for net in _nets(40, 1):
        try:
            S = subdivide(net, record=True)
        except ValueError:
            continue  # a maxout network the layer-wise search does not start
        o = ActivationOracle(net, None)
        for key, pt in zip(S.keys, S.points):
            y = vector(QQ, [QQ(float(t).as_integer_ratio()) for t in pt])
            assert o.key_at(y) == key, (net.layers(), key)
        assert len(set(S.keys)) == S.count


def test_pieces_add_up():
    """The pieces of a parallel search are disjoint and cover the domain; the
    linear regions merge exactly through the glue pairs."""
    for i, net in enumerate(_nets(30, 2)):
        if len(net.layers()) < 2 or net.layers()[0][2][0] == 'maxout':
            continue
        box = None if i % 2 else 3
        whole = subdivide(net, domain=box, glue=True)
        try:
            P = pieces(net, domain=box, target=8)
        except ValueError:
            continue      # too few units to split: counted serially
        uf, merges, total = UnionFind(), 0, 0
        for p in P:
            S = subdivide(net, domain=box, glue=True, piece=p, glue_pairs=True)
            total += S.count
            merges += sum(uf.union(a, b) for a, b in S.glue_pairs)
        assert total == whole.count, net.layers()
        assert total - merges == whole.linear_count, net.layers()


@pytest.mark.parametrize("weights", [
    ([[1e308, -1e308], [1e-310, 1.0]], [1e308, 0.0], [[1.0, 1e300]]),
    ([[5e-324, 1.0], [1.0, 2.0]], [0.0, 1e-320], [[1.0, 1.0]]),
    ([[1e-300, 1.0], [1.0, 1e300]], [1e300, -1.0], [[1e-300, 1e300]]),
])
def test_extreme_weights_exact(weights):
    """Finite weights near the ends of the double range: exact mode counts them
    (both routes, and the PPL-only search agrees); float mode refuses in one line."""
    W1, b1, W2 = weights
    net = ReLUNetwork([(W1, b1), (W2, [0.0])])
    ref = explore(cell_oracle(net), facets='ppl', progress=False)
    assert count_activation_regions(net) == ref.number_of_cells()
    assert count_linear_regions(net) == count_linear_regions(net, method='tropical') == \
        ref.number_of_linear_regions()
    with pytest.raises(ValueError, match="float mode cannot hold these numbers"):
        count_activation_regions(net, mode='float')


def test_sage_numbers_accepted():
    """Sage Integer and Rational arguments (the preparser's) work like Python ones."""
    net = random_network([2, 4, 4, 1], seed=Integer(3))
    assert count_linear_regions(net, seed=Integer(1), box=Integer(2), output=Integer(0)) == \
        count_linear_regions(net, seed=1, box=2, output=0)
    assert count_activation_regions(net, box=QQ(3) / 2, seed=Integer(5)) == \
        count_activation_regions(net, box=1.5)
    assert regions(net, box=Integer(1), seed=Integer(2)).number_of_cells() == \
        count_activation_regions(net, box=1)


def test_polytope_domains_and_fundamental_domain():
    """Counting in a polytope and in an unbounded cone (a Weyl chamber with a
    lineality direction) agrees with the PPL-only search."""
    net = random_network([3, 5, 4, 1], seed=4)
    chamber = Polyhedron(ieqs=[[0, 1, -1, 0], [0, 0, 1, -1]])        # x >= y >= z
    simplex = Polyhedron(vertices=[(0, 0, 0), (3, 0, 0), (0, 3, 0), (0, 0, 3)])
    for dom in (chamber, simplex):
        ref = explore(cell_oracle(net), box=dom, facets='ppl', progress=False)
        assert count_activation_regions(net, box=dom) == ref.number_of_cells()
        assert count_linear_regions(net, box=dom) == ref.number_of_linear_regions()


def test_against_affinitree_when_installed():
    """Activation counts equal those of affinitree (an independent Rust tool) on
    random He-initialised networks."""
    pytest.importorskip("affinitree")
    import contextlib
    import io
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from affinitree import AffFunc, Architecture, builder
    rng = np.random.default_rng(7)
    for dims in ([2, 6, 6, 1], [3, 5, 5, 1], [4, 6, 6, 1], [2, 8, 8, 8, 1]):
        layers = [(rng.normal(0, np.sqrt(2.0 / dims[i]), (dims[i + 1], dims[i])),
                   rng.normal(0, 0.1, dims[i + 1])) for i in range(len(dims) - 1)]
        arch = Architecture(dims[0])
        for i, (W, b) in enumerate(layers):
            arch.linear(AffFunc.from_mats(W, b))
            if i < len(layers) - 1:
                arch.relu()
        with contextlib.redirect_stdout(io.StringIO()):
            theirs = builder.from_layers(arch, None, None).num_terminals()
        net = ReLUNetwork([(W.tolist(), b.tolist()) for W, b in layers])
        assert count_activation_regions(net) == count_activation_regions(net, mode='float') \
            == theirs, dims
