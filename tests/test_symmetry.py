"""
Tests of sage_tropnet.symmetry: exact counting on a fundamental domain agrees
with the plain count, exact invariance tests, Thm 4.3 bounds, estimates.
"""
from copy import copy

import pytest

import sage_tropnet  # noqa: F401  (initialises Sage)
from sage.rings.rational_field import QQ
from sage.matrix.constructor import matrix
from sage.modules.free_module_element import vector
from sage.groups.perm_gps.permgroup_named import SymmetricGroup, CyclicPermutationGroup

from sage_tropnet.network import ReLUNetwork, random_network
from sage_tropnet.regions import count_linear_regions
from sage_tropnet.symmetry import (deepset_network, random_deepset, symmetrize_network,
                                   signed_permutation_group, group_matrices,
                                   fundamental_domain, dirichlet_domain, is_invariant,
                                   region_orbits, symmetric_region_count,
                                   fundamental_domain_estimate, regular_estimate)

ROT4 = matrix(QQ, [[0, -1], [1, 0]])          # rotation by 90 degrees
ROT3 = matrix(QQ, [[0, -1], [1, -1]])         # order 3, not orthogonal
SWAP = matrix(QQ, [[0, 1], [1, 0]])


def perturb(net, i=0, j=1, eps=QQ(1) / 7):
    """Return ``net`` with one first-layer weight changed."""
    L = net.layers()
    W = copy(L[0][0])
    W[i, j] += eps
    return ReLUNetwork([(W, L[0][1])] + [(Wk, bk) for Wk, bk, _ in L[1:]],
                       activations=[a for _, _, a in L])


def check_count(f, G, **kw):
    """Symmetric count == plain count, and the Thm 4.3 bounds bracket it."""
    count, lower, upper = symmetric_region_count(f, G, bounds=True, **kw)
    plain = count_linear_regions(f, box=kw.get('box'), progress=False)
    assert count == plain
    assert lower <= plain <= upper
    return count


# -- groups and domains ------------------------------------------------------

def test_group_orders():
    assert len(group_matrices(SymmetricGroup(4))) == 24
    assert len(signed_permutation_group(3)) == 48
    assert len(group_matrices([ROT4])) == 4
    assert len(group_matrices([ROT3, SWAP])) == 6
    with pytest.raises(ValueError):
        group_matrices([matrix(QQ, [[1, 1], [0, 1]])])


def test_permutation_convention():
    # (pi x)_{pi(i)} = x_i
    G = SymmetricGroup(3)
    g = G("(1,2,3)")
    from sage_tropnet.symmetry import element_matrix
    M = element_matrix(g, 3)
    assert M * vector(QQ, [1, 2, 3]) == vector(QQ, [3, 1, 2])


def test_fundamental_domains_tile():
    """Generic points lie in exactly one tile g * Delta."""
    import random
    rng = random.Random(1)
    cases = [(SymmetricGroup(3), 3), (signed_permutation_group(2), 2), ([ROT4], 2),
             ([ROT3, SWAP], 2), (CyclicPermutationGroup(4), 4)]
    for G, n in cases:
        D = fundamental_domain(G, n)
        assert D.dim() == n
        els = group_matrices(G, n)
        for _ in range(20):
            x = vector(QQ, [rng.randint(-10 ** 6, 10 ** 6) for _ in range(n)])
            inside = [g for g in els if D.interior_contains(~g * x)]
            assert len(inside) == 1, (G, x, D)


def test_weyl_chambers():
    D = fundamental_domain(SymmetricGroup(4))
    assert D.lines_list() == [[1, 1, 1, 1]]
    assert D.contains([4, 3, 2, 1]) and not D.contains([1, 2, 3, 4])
    B = fundamental_domain(signed_permutation_group(3))
    assert B.contains([3, 2, 1]) and not B.contains([3, 2, -1])
    assert not B.lines()


def test_dirichlet_stabiliser_check():
    with pytest.raises(ValueError, match="nontrivial stabiliser"):
        dirichlet_domain([ROT4], x0=[0, 0])
    D = dirichlet_domain([ROT4], x0=[2, 1])
    assert D.dim() == 2


# -- exact counting ------------------------------------------------------------

@pytest.mark.parametrize("n", [2, 3, 4, 5, 6])
def test_deepsets_exact_count(n):
    for seed in range(2):
        net = random_deepset(n, seed=seed)
        assert check_count(net, SymmetricGroup(n)) == count_linear_regions(
            net, method='activation', progress=False)
    check_count(random_deepset(n, seed=7, bias=True), SymmetricGroup(n))


def test_deepsets_exact_count_n7():
    net = random_deepset(7, seed=0)
    count, lower, upper = symmetric_region_count(net, SymmetricGroup(7), bounds=True)
    assert count == count_linear_regions(net, method='activation', progress=False) == 128
    assert lower <= count <= upper


def test_deepsets_tropical_route():
    net = random_deepset(4, seed=3)
    f = net.tropicalize()[0]
    assert symmetric_region_count(f, SymmetricGroup(4)) == count_linear_regions(f)
    assert symmetric_region_count(net, SymmetricGroup(4), method='tropical') == \
        symmetric_region_count(net, SymmetricGroup(4), method='activation')


@pytest.mark.parametrize("n,seed", [(2, 0), (2, 1), (2, 2), (3, 0), (3, 1)])
def test_symmetrised_networks(n, seed):
    G = SymmetricGroup(n)
    f = symmetrize_network(random_network([n, 2, 1], seed=seed), G)
    assert is_invariant(f, G) == (True, None)
    check_count(f, G)
    check_count(f, G, box=1)


def test_symmetrised_relu_output_and_deeper():
    G = SymmetricGroup(2)
    f = symmetrize_network(random_network([2, 2, 2, 1], seed=4, output_activation='relu'), G)
    assert is_invariant(f, G)[0]
    check_count(f, G)


@pytest.mark.parametrize("G", [signed_permutation_group(2), [ROT4], [ROT3], [ROT3, SWAP]],
                         ids=["B2", "C4", "C3-nonorthogonal", "D3-nonorthogonal"])
def test_other_groups(G):
    for seed in range(2):
        f = symmetrize_network(random_network([2, 2, 1], seed=seed), G)
        assert is_invariant(f, G)[0]
        check_count(f, G)
    if len(G) == 8:
        check_count(f, G, box=QQ(1) / 2)


def test_permutation_subgroup_on_larger_space():
    G = CyclicPermutationGroup(3)
    f = symmetrize_network(random_network([3, 1, 1], seed=2), G)
    check_count(f, G)
    H = group_matrices(SymmetricGroup(2), 3)
    g = symmetrize_network(random_network([3, 2, 1], seed=2), H)
    check_count(g, H)


def test_orbit_data():
    O = region_orbits(deepset_network(3, 1, -QQ(1) / 2), SymmetricGroup(3))
    assert sum(o.orbit_size for o in O) == 8
    for o in O:
        assert o.orbit_size * o.stabilizer_order == 6
        assert len(o.stabilizer()) == o.stabilizer_order
        for g in o.stabilizer_generators:
            # a stabiliser element preserves the affine map of the region
            r = o.classes[0][0]
            assert r.gradient * g == r.gradient


def test_bounds_with_regions_inside():
    # a generic symmetrised net has many bounded regions strictly inside chambers
    G = SymmetricGroup(2)
    f = symmetrize_network(random_network([2, 3, 1], seed=0), G)
    count, lower, upper = symmetric_region_count(f, G, bounds=True)
    assert lower > 0 and lower <= count <= upper


def test_custom_domain():
    G = SymmetricGroup(3)
    from sage.geometry.polyhedron.constructor import Polyhedron
    D = Polyhedron(ieqs=[[0, -1, 1, 0], [0, 0, -1, 1]], base_ring=QQ)   # x1 <= x2 <= x3
    net = random_deepset(3, seed=5, bias=True)
    assert symmetric_region_count(net, G, domain=D) == count_linear_regions(net)


# -- invariance ----------------------------------------------------------------

@pytest.mark.parametrize("n", [2, 3, 4])
def test_is_invariant_deepsets(n):
    G = SymmetricGroup(n)
    net = random_deepset(n, seed=n, bias=True)
    assert is_invariant(net, G) == (True, None)
    assert is_invariant(net.tropicalize()[0], G) == (True, None)
    bad = perturb(net)
    ok, x = is_invariant(bad, G)
    assert not ok
    assert x.base_ring() is QQ
    assert any(bad(g * x) != bad(x) for g in group_matrices(G))


def test_is_invariant_counterexample_symmetrised():
    G = SymmetricGroup(3)
    f = symmetrize_network(random_network([3, 2, 1], seed=1), G)
    bad = perturb(f, 3, 2)
    for obj in (bad, bad.tropicalize()[0]):
        ok, x = is_invariant(obj, G)
        assert not ok
        assert any(bad(g * x)[0] != bad(x)[0] for g in group_matrices(G))
    with pytest.raises(ValueError, match="not invariant"):
        region_orbits(bad, G, check=True)


def test_is_invariant_signed():
    B2 = signed_permutation_group(2)
    f = symmetrize_network(random_network([2, 1, 1], seed=3), SymmetricGroup(2))
    ok, x = is_invariant(f, B2)
    assert not ok
    assert any(f(g * x) != f(x) for g in B2)


# -- estimates -------------------------------------------------------------------

def test_estimates():
    net = random_deepset(3, seed=0)
    exact = count_linear_regions(net)
    e1 = fundamental_domain_estimate(net, box=20, samples=6000, seed=2)
    assert e1 == fundamental_domain_estimate(net, box=20, samples=6000, seed=2)
    e2 = regular_estimate(net, box=20, samples=6000, seed=2)
    assert 0 < e1 and 0 < e2 <= exact
    # a DeepSets net without bias: every region is a cone through 0, found by sampling
    assert e1 == exact == e2


def test_estimate_multiplicity():
    from sage_tropnet.symmetry import orbit_multiplicity
    assert orbit_multiplicity((1, 1, 0)) == 3
    assert orbit_multiplicity((QQ(1) / 2, 2, 3)) == 6
    assert orbit_multiplicity((0, 0, 0, 0)) == 1


def test_estimate_tropical_map():
    net = random_deepset(4, seed=1)
    f = net.tropicalize()[0]
    assert fundamental_domain_estimate(f, samples=2400, seed=0) == \
        fundamental_domain_estimate(net, samples=2400, seed=0)
    assert regular_estimate(f, samples=2000, seed=0) == regular_estimate(net, samples=2000,
                                                                         seed=0)


def test_estimate_deprecated_radius_keyword():
    """``radius=`` still works (the box half-width), with a DeprecationWarning."""
    import pytest
    net = random_deepset(3, seed=0)
    with pytest.warns(DeprecationWarning, match="use box"):
        assert fundamental_domain_estimate(net, radius=20, seed=0) == \
            fundamental_domain_estimate(net, box=20, seed=0)
    with pytest.warns(DeprecationWarning, match="use box"):
        assert regular_estimate(net, radius=5, seed=1) == regular_estimate(net, box=5, seed=1)
