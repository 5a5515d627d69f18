"""Write the example weights and points of sage_tropnet (NumPy only, deterministic).

Run from anywhere::

    python examples/make_examples.py            # writes next to this script
    python examples/make_examples.py --outdir D

Files (every ``W`` has shape (out, in), the PyTorch convention):

- ``t3_unit.npz`` -- reference example T3: ``W0 = [[1, 0], [0, 1], [-1, -1]]``,
  ``b0 = 0``, ``W1 = [[1, 1, 1]]``, ``b1 = [0]``; the function
  ``relu(x) + relu(y) + relu(-x - y)`` (6 / 1 monomials after pruning)
- ``net_2_6_1.npz`` -- random [2, 6, 1] network, float64, seed 0
- ``net_3_3_2_1.npz`` -- random [3, 3, 2, 1] network, float64, seed 1
- ``points_2d.npy`` -- 5 points in the plane (exact binary fractions), float64
- ``torch_style.npz`` -- the T3 network as a PyTorch ``nn.Sequential(Linear,
  ReLU, Linear)`` state dict in float32: keys ``0.weight``, ``0.bias``,
  ``2.weight``, ``2.bias``

Random weights and biases are i.i.d. normal with standard deviation
``sqrt(2 / n_0)`` (the initialisation of the paper's code). The archives are
written with a fixed zip timestamp, so running the script again reproduces
the files byte for byte.
"""
import argparse
import io
import os
import zipfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def savez_deterministic(path, arrays):
    """Write ``arrays`` (an ordered dict) like ``numpy.savez``, byte-reproducibly."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as zf:
        for name, arr in arrays.items():
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.asarray(arr), allow_pickle=False)
            info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            zf.writestr(info, buf.getvalue())


def random_layers(dims, seed):
    """Return ``{"W0": ..., "b0": ..., ...}`` for the architecture ``dims``."""
    rng = np.random.default_rng(seed)
    sd = float(np.sqrt(2.0 / dims[0]))
    out = {}
    for i in range(len(dims) - 1):
        out["W%d" % i] = rng.normal(0.0, sd, size=(dims[i + 1], dims[i]))
        out["b%d" % i] = rng.normal(0.0, sd, size=dims[i + 1])
    return out


def t3_layers(dtype=np.float64):
    """Return the weights of the reference example T3."""
    return {
        "W0": np.array([[1, 0], [0, 1], [-1, -1]], dtype=dtype),
        "b0": np.zeros(3, dtype=dtype),
        "W1": np.array([[1, 1, 1]], dtype=dtype),
        "b1": np.zeros(1, dtype=dtype),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--outdir", default=HERE)
    args = parser.parse_args(argv)
    os.makedirs(args.outdir, exist_ok=True)

    def path(name):
        return os.path.join(args.outdir, name)

    savez_deterministic(path("t3_unit.npz"), t3_layers())
    savez_deterministic(path("net_2_6_1.npz"), random_layers([2, 6, 1], seed=0))
    savez_deterministic(path("net_3_3_2_1.npz"), random_layers([3, 3, 2, 1], seed=1))
    t3 = t3_layers(np.float32)
    savez_deterministic(path("torch_style.npz"), {
        "0.weight": t3["W0"], "0.bias": t3["b0"],
        "2.weight": t3["W1"], "2.bias": t3["b1"],
    })
    points = np.array([[1.0, 2.0], [0.0, 0.0], [-1.0, 0.5], [0.25, -0.75], [-2.0, -1.5]],
                      dtype=np.float64)
    with open(path("points_2d.npy"), "wb") as f:
        np.lib.format.write_array(f, points, allow_pickle=False)
    for name in sorted(os.listdir(args.outdir)):
        if name.endswith((".npz", ".npy")):
            print(name)


if __name__ == "__main__":
    main()
