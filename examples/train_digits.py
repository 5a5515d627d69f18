"""Train a [64, 4, 10] ReLU network on scikit-learn's ``load_digits`` (NumPy only).

This stands in for the MNIST experiment of the paper ([LWCBM2024]_, the MNIST experiment):
MNIST cannot be downloaded here, while ``load_digits`` (1797 grey-scale
images of 8x8 pixels with values 0..16, ten classes) ships inside
scikit-learn. It is **not** MNIST (28x28 = 784 pixels).

Run from anywhere (needs numpy and scikit-learn)::

    python examples/train_digits.py              # writes examples/digits_64_4_10.npz
    python examples/train_digits.py --out F.npz

Model: ``Dense(64 -> 4, relu)``, ``Dense(4 -> 10)``, softmax cross-entropy,
as the paper's ``Chain(Dense(784 => 4, relu), Dense(4 => 10), softmax)``.
Training: float64 NumPy; He-normal weights, hidden biases 0.5 (with zero biases
and Glorot weights two of the four ReLUs die during training) and output biases
0; Adam (learning rate 0.01; the paper's 3e-4 is for 60 000 MNIST images),
mini-batches of 64, 60 epochs, on a fixed 80 % / 20 % train / test split;
everything is seeded with 0, so the run is deterministic. It reaches about
96 % train and 92 % test accuracy.

The saved weights act on the **raw** pixel values 0..16: the network is
trained on ``x / 16`` and the factor ``1/16`` (a power of two, so exact in
binary) is folded into ``W0``. Keys: ``W0`` (4, 64), ``b0`` (4,), ``W1``
(10, 4), ``b1`` (10,), float64, the PyTorch (out, in) convention read by
``sage_tropnet.load_network``. The archive has a fixed zip timestamp, so a
second run reproduces the file byte for byte (on the same NumPy/BLAS).
"""
import argparse
import io
import os
import zipfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 0
HIDDEN = 4
EPOCHS = 60
BATCH = 64
LR = 0.01
HIDDEN_BIAS = 0.5


def savez_deterministic(path, arrays):
    """Write ``arrays`` (an ordered dict) like ``numpy.savez``, byte-reproducibly."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as zf:
        for name, arr in arrays.items():
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.asarray(arr), allow_pickle=False)
            info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            zf.writestr(info, buf.getvalue())


def split(n, rng, test_fraction=0.2):
    """Return (train indices, test indices) of a seeded permutation."""
    perm = rng.permutation(n)
    k = int(round(n * test_fraction))
    return perm[k:], perm[:k]


def forward(params, X):
    """Return (hidden pre-activations, hidden activations, logits)."""
    W0, b0, W1, b1 = params
    z = X @ W0.T + b0
    h = np.maximum(z, 0.0)
    return z, h, h @ W1.T + b1


def loss_and_grads(params, X, y):
    """Mean softmax cross-entropy and its gradients."""
    W0, b0, W1, b1 = params
    z, h, logits = forward(params, X)
    logits = logits - logits.max(axis=1, keepdims=True)
    p = np.exp(logits)
    p /= p.sum(axis=1, keepdims=True)
    m = X.shape[0]
    loss = -np.log(p[np.arange(m), y] + 1e-12).mean()
    d = p
    d[np.arange(m), y] -= 1.0
    d /= m
    gW1 = d.T @ h
    gb1 = d.sum(axis=0)
    dh = (d @ W1) * (z > 0)
    gW0 = dh.T @ X
    gb0 = dh.sum(axis=0)
    return loss, [gW0, gb0, gW1, gb1]


def accuracy(params, X, y):
    return float((forward(params, X)[2].argmax(axis=1) == y).mean())


def train(X, y, rng, hidden=HIDDEN, epochs=EPOCHS, batch=BATCH, lr=LR):
    """Adam on mini-batches; returns [W0, b0, W1, b1] (for inputs X)."""
    n_in, n_out = X.shape[1], int(y.max()) + 1

    def he(fan_out, fan_in):
        return rng.normal(0.0, np.sqrt(2.0 / fan_in), size=(fan_out, fan_in))

    params = [he(hidden, n_in), np.full(hidden, HIDDEN_BIAS), he(n_out, hidden), np.zeros(n_out)]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    b1, b2, eps, t = 0.9, 0.999, 1e-8, 0
    for epoch in range(epochs):
        order = rng.permutation(len(X))
        for s in range(0, len(X), batch):
            idx = order[s:s + batch]
            _, grads = loss_and_grads(params, X[idx], y[idx])
            t += 1
            for i, g in enumerate(grads):
                m[i] = b1 * m[i] + (1 - b1) * g
                v[i] = b2 * v[i] + (1 - b2) * g * g
                mhat = m[i] / (1 - b1 ** t)
                vhat = v[i] / (1 - b2 ** t)
                params[i] = params[i] - lr * mhat / (np.sqrt(vhat) + eps)
    return params


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(HERE, "digits_64_4_10.npz"))
    args = parser.parse_args(argv)
    from sklearn.datasets import load_digits
    digits = load_digits()
    X = digits.data.astype(np.float64) / 16.0
    y = digits.target.astype(np.int64)
    rng = np.random.default_rng(SEED)
    tr, te = split(len(X), rng)
    params = train(X[tr], y[tr], rng)
    print("train accuracy %.3f, test accuracy %.3f" % (accuracy(params, X[tr], y[tr]),
                                                       accuracy(params, X[te], y[te])))
    W0, b0, W1, b1 = params
    savez_deterministic(args.out, {"W0": W0 / 16.0, "b0": b0, "W1": W1, "b1": b1})
    print("wrote", args.out)


if __name__ == "__main__":
    main()
