"""Cross-check against regioncam (an independent 2-D partition tool): the same
face counts in a box on random slices. Skipped when regioncam is not installed."""
import numpy as np
import pytest

regioncam = pytest.importorskip("regioncam")

from sage_tropnet.adapters import from_numpy  # noqa: E402
from sage_tropnet.regions import count_activation_regions  # noqa: E402
from sage_tropnet.slices import plane_through  # noqa: E402
from sage_tropnet.network import random_network  # noqa: E402


def _faces(layers, R):
    rc = regioncam.Regioncam(size=float(R))
    for i, (W, b) in enumerate(layers):
        rc.linear(np.ascontiguousarray(W.T.astype(np.float32)), b.astype(np.float32))
        if i < len(layers) - 1:
            rc.relu()
    return rc.num_faces


@pytest.mark.parametrize("seed", range(6))
def test_same_face_counts_on_random_slices(seed):
    rng = np.random.default_rng(seed)
    widths = [[2, 8, 8, 1], [2, 12, 10, 3], [2, 16, 16, 16, 1]][seed % 3]
    n = 10
    dims = [n] + widths[1:]
    layers = [(rng.normal(0, np.sqrt(2 / a), size=(b, a)).astype(np.float32),
               rng.normal(0, 0.5, size=b).astype(np.float32)) for a, b in zip(dims[:-1], dims[1:])]
    p = rng.normal(size=(3, n))
    # the slice, restricted exactly, then rounded to float32 so that both tools
    # see the same network
    S = plane_through(*p)
    net = S.restrict(from_numpy(layers))
    W1, b1, _ = net.layers()[0]
    first = (np.array([[float(a) for a in r] for r in W1.rows()], dtype=np.float32),
             np.array([float(a) for a in b1], dtype=np.float32))
    L = [first] + layers[1:]
    ours = from_numpy(L)
    for R in (1, 2):
        assert count_activation_regions(ours, box=R, progress=False) == _faces(L, R)
        assert count_activation_regions(ours, box=R, mode="float", progress=False) == \
            _faces(L, R)


def test_a_plane_of_a_random_network():
    net = random_network([2, 6, 6, 1], seed=3)
    L = [(np.array([[float(a) for a in r] for r in W.rows()], dtype=np.float64),
          np.array([float(a) for a in b])) for W, b, _ in net.layers()]
    L32 = [(W.astype(np.float32), b.astype(np.float32)) for W, b in L]
    assert count_activation_regions(from_numpy(L32), box=3, progress=False) == _faces(L32, 3)
