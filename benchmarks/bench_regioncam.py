"""Regions on 2-D slices: sage_tropnet against regioncam (an independent Rust tool).

For random networks restricted to random planes through three random points
(the restricted first layer rounded to float32, so that both tools see the
same network), count the activation regions (regioncam's faces) in the box
[-R, R]^2 with regioncam, with our float mode and with our exact mode, and
print the counts and the time ratios (ours / regioncam). The goal: our
float mode no slower than regioncam on slices with up to 10^5 regions.

Run: python benchmarks/bench_regioncam.py [--quick]
"""
import sys
import time

import numpy as np

import sage_tropnet  # noqa: F401
from sage_tropnet.adapters import from_numpy
from sage_tropnet.regions import count_activation_regions, count_linear_regions


def random_slice_layers(widths, seed, n=20):
    """The float32 layers of a random network on R^n restricted to a random
    plane through three random points (first layer (w, 2))."""
    rng = np.random.default_rng(seed)
    dims = [n] + list(widths[1:])
    layers = [(rng.normal(0, np.sqrt(2 / a), size=(b, a)).astype(np.float32),
               rng.normal(0, 0.5, size=b).astype(np.float32)) for a, b in zip(dims[:-1], dims[1:])]
    p = rng.normal(size=(3, n))
    D = np.stack([p[1] - p[0], p[2] - p[0]], axis=1)
    W1, b1 = layers[0]
    first = ((W1.astype(np.float64) @ D).astype(np.float32),
             (b1.astype(np.float64) + W1.astype(np.float64) @ p[0]).astype(np.float32))
    return [first] + layers[1:]


def regioncam_faces(layers, R):
    import regioncam
    rc = regioncam.Regioncam(size=float(R))
    for i, (W, b) in enumerate(layers):
        rc.linear(np.ascontiguousarray(W.T), b)
        if i < len(layers) - 1:
            rc.relu()
    return rc.num_faces


def timed(f, repeat=1):
    best, out = None, None
    for _ in range(repeat):
        t = time.perf_counter()
        out = f()
        s = time.perf_counter() - t
        best = s if best is None else min(best, s)
    return out, best


CASES = [([2, 8, 8, 1], 1), ([2, 16, 16, 1], 2), ([2, 32, 32, 32, 1], 2),
         ([2, 64, 64, 64, 1], 3), ([2, 128, 128, 128, 1], 4), ([2, 160, 160, 160, 1], 5)]


def main(quick=False):
    cases = CASES[:4] if quick else CASES
    print("%-22s %4s %8s %8s %8s %9s %9s %9s %7s %7s" % (
        "widths (slice)", "R", "rc faces", "float", "exact", "rc s", "float s", "exact s",
        "float/rc", "exact/rc"))
    for widths, R in cases:
        net_layers = random_slice_layers(widths, seed=len(widths) * 100 + widths[1])
        net = from_numpy(net_layers)
        rep = 3 if widths[1] <= 32 else 1
        n_rc, t_rc = timed(lambda: regioncam_faces(net_layers, R), rep)
        n_f, t_f = timed(lambda: count_activation_regions(net, box=R, mode="float",
                                                          progress=False), rep)
        n_e, t_e = timed(lambda: count_activation_regions(net, box=R, progress=False), rep)
        print("%-22s %4s %8d %8d %8d %9.4f %9.4f %9.4f %7.2f %7.2f" % (
            widths, R, n_rc, n_f, n_e, t_rc, t_f, t_e, t_f / t_rc, t_e / t_rc), flush=True)
        assert n_rc == n_f == n_e, "counts differ"
    # linear regions need our gluing (regioncam counts activation regions)
    net = from_numpy(random_slice_layers([2, 32, 32, 1], seed=7))
    print("linear regions of a [2, 32, 32, 1] slice in [-2, 2]^2: %s (activation: %s)"
          % (count_linear_regions(net, box=2, progress=False),
             count_activation_regions(net, box=2, progress=False)))


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
