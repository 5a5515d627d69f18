"""Networks: the tropical map equals the exact forward pass; known monomial counts."""
import random

import pytest
from hypothesis import given, settings, strategies as st

from sage.rings.rational_field import QQ

from sage_tropnet.network import ReLUNetwork, random_network


def _random_point(rng, n):
    return [QQ(rng.randint(-40, 40)) / rng.randint(1, 7) for _ in range(n)]


def _nets(count, seed):
    """Varied shapes: input 1-5, 1-4 hidden layers of width 1-8, all activations."""
    rng = random.Random(seed)
    for s in range(count):
        n0 = rng.randint(1, 5)
        depth = rng.randint(1, 4)
        widths = [rng.randint(1, 8 if depth <= 2 else 4) for _ in range(depth)]
        arch = [n0] + widths + [rng.randint(1, 2)]
        hidden = rng.choice(['relu', 'relu', ('leaky_relu', QQ(rng.randint(0, 4)) / 5),
                             ('maxout', 2)])
        if hidden != 'relu' and depth > 2:
            arch = [n0] + widths[:2] + [1]
        if n0 >= 4 or hidden != 'relu':
            # exact upper hulls in dimension n0 + 1 >= 5 grow fast: keep these small
            arch = [n0] + [min(w, 4) for w in arch[1:-1]][:2] + [arch[-1]]
            if n0 >= 4 and hidden != 'relu':
                arch = [3] + arch[1:]
        init = rng.choice(['paper', 'he', 'integer'])
        yield random_network(arch, seed=s, init=init, denominator=rng.choice([1, 2]),
                             output_activation=rng.choice(['linear', 'relu']),
                             hidden_activation=hidden)


@pytest.mark.parametrize("prune", [True, False])
def test_tropical_map_equals_forward_pass(prune):
    """Acceptance 2: 200 random networks with pruning and 200 without."""
    rng = random.Random(11)
    count = 0
    for net in _nets(400, seed=7 + prune):
        if not prune and (sum(net.hidden_widths()) > 7 or len(net.hidden_widths()) > 3):
            continue  # unpruned expansions grow exponentially; keep CI fast
        F = net.tropicalize(prune=prune)
        for _ in range(3):
            x = _random_point(rng, net.input_dimension())
            assert tuple(F(x)) == tuple(net(x)), (net, x)
        count += 1
        if count == 200:
            break
    assert count == 200


@pytest.mark.parametrize("convention", ['merge', 'quicksum'])
def test_conventions_agree_as_functions(convention):
    rng = random.Random(3)
    for s in range(25):
        net = random_network([2, 3, 2, 1], seed=s, init='integer',
                             output_activation=rng.choice(['linear', 'relu']))
        for prune in (True, False):
            F = net.tropicalize(prune=prune, convention=convention)
            for _ in range(3):
                x = _random_point(rng, 2)
                assert F(x)[0] == net(x)[0]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(-3, 3), min_size=6, max_size=6),
       st.lists(st.integers(-3, 3), min_size=3, max_size=3),
       st.lists(st.integers(-3, 3), min_size=3, max_size=3),
       st.integers(-3, 3),
       st.tuples(st.integers(-9, 9), st.integers(-9, 9)))
def test_property_small_nets(w, b, v, c, x):
    net = ReLUNetwork([([w[0:2], w[2:4], w[4:6]], b), ([v], [c])], output_activation='relu')
    assert net.tropicalize()[0](x) == net(x)[0]
    assert net.tropicalize(prune=False, convention='quicksum')[0](x) == net(x)[0]


def test_known_counts_T3():
    """Acceptance 5: TropicalNN's unit example."""
    net = ReLUNetwork([([[1, 0], [0, 1], [-1, -1]], [0, 0, 0]), ([[1, 1, 1]], [0])])
    assert net.monomial_count(prune=False) == [(7, 1)]
    assert net.monomial_count() == [(6, 1)]
    # 'merge' equals zhang here (no negative weights after layer 1), quicksum keeps
    # the repeated x*y of (0+x)(0+y)(0+xy): 8 terms before pruning
    assert net.monomial_count(prune=False, convention='merge') == [(7, 1)]
    assert net.monomial_count(prune=False, convention='quicksum') == [(8, 1)]
    assert net.monomial_count(convention='quicksum') == [(6, 1)]


def test_conventions_hand_example():
    """h = relu(-x), out = relu(1 - h): computed by hand in the docstring."""
    net = ReLUNetwork([([[-1]], [0]), ([[-1]], [1])], output_activation='relu')
    assert net.monomial_count(prune=False) == [(2, 2)]
    assert net.monomial_count(prune=False, convention='merge') == [(2, 2)]
    assert net.monomial_count(prune=False, convention='quicksum') == [(3, 2)]
    f = net.tropicalize(prune=False, convention='merge')[0]
    assert dict(f.numerator().terms()) == {(1,): 0, (2,): 1}


def test_random_network_is_exact_float64():
    import numpy as np
    net = random_network([3, 4, 1], seed=5, init='paper')
    rng = np.random.default_rng(5)
    sd = float(np.sqrt(2.0 / 3))
    W0 = rng.normal(0, sd, size=(4, 3))
    assert net.layers()[0][0][0, 0] == QQ(float(W0[0, 0]).as_integer_ratio())


def test_leaky_and_maxout_by_hand():
    leaky = ReLUNetwork([([[1]], [0]), ([[1]], [0])], hidden_activation=('leaky_relu', QQ(1) / 4))
    F = leaky.tropicalize()[0]
    assert F(-8) == -2 and F(8) == 8
    mo = ReLUNetwork([([[1], [-1], [2], [0]], [0, 0, -1, 1]), ([[1, 1]], [0])],
                     hidden_activation=('maxout', 2))
    # max(x, -x) + max(2x - 1, 1)
    G = mo.tropicalize()[0]
    for x in (-3, 0, 1, 5):
        assert G(x) == abs(x) + max(2 * x - 1, 1)


def test_shape_errors_name_the_layer():
    with pytest.raises(ValueError, match="layer 1"):
        ReLUNetwork([([[1, 2]], [0]), ([[1, 2]], [0])])
    with pytest.raises(ValueError, match="layer 0"):
        ReLUNetwork([([[1, 2]], [0, 1])])
    with pytest.raises(ValueError, match="activation"):
        ReLUNetwork([([[1]], [0])], output_activation='tanh')


def test_repr_and_latex_of_every_activation():
    for hidden, kind in [('relu', "ReLU"), (('leaky_relu', QQ(1) / 10), "leaky_relu(1/10)"),
                         (('maxout', 2), "maxout(2)"), ('linear', "linear")]:
        rows = 2 if hidden == ('maxout', 2) else 1
        net = ReLUNetwork([([[1]] * rows, [0] * rows), ([[1]], [0])], hidden_activation=hidden)
        assert repr(net).startswith(kind + " network [1, 1, 1]")
        assert ("sigma" in net._latex_()) == (hidden != 'linear')
    with pytest.raises(ValueError, match="output activation"):
        ReLUNetwork([([[1]], [0])], output_activation=('leaky_relu', 0))
