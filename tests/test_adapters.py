"""Adapters: NumPy / state dict / Keras / files to exact networks; validation messages."""
import os
import pickle
import sys
from collections import OrderedDict
from pathlib import Path

import numpy as np
import pytest

from sage.rings.rational_field import QQ

from sage_tropnet.adapters import (WeightsError, from_keras, from_numpy, from_state_dict,
                                   load_network)
from sage_tropnet.network import ReLUNetwork

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

T3 = [([[1, 0], [0, 1], [-1, -1]], [0, 0, 0]), ([[1, 1, 1]], [0])]


def t3_arrays(dtype=np.float64):
    return OrderedDict([("W0", np.array(T3[0][0], dtype=dtype)), ("b0", np.zeros(3, dtype)),
                        ("W1", np.array(T3[1][0], dtype=dtype)), ("b1", np.zeros(1, dtype))])


def assert_one_line(err, *parts):
    msg = str(err.value)
    assert "\n" not in msg
    for p in parts:
        assert p in msg, (p, msg)
    return msg


# --------------------------------------------------------------------------- basics

def test_from_numpy_t3():
    a = t3_arrays()
    net = from_numpy([(a["W0"], a["b0"]), (a["W1"], a["b1"])])
    assert net == ReLUNetwork(T3)
    assert net([1, 2]) == net([QQ(1), QQ(2)])
    assert net([1, 2])[0] == 3
    assert net.tropicalize().monomial_count() == [(6, 1)]


def test_output_activation():
    net = from_numpy([(np.array([[1.0]]), np.array([-1.0]))], output_activation="relu")
    assert net.output_activation() == "relu"
    assert net([0])[0] == 0
    with pytest.raises(ValueError, match="output_activation"):
        from_numpy([(np.array([[1.0]]), np.array([-1.0]))], output_activation="tanh")


def test_weights_error_is_value_error():
    assert issubclass(WeightsError, ValueError)
    err = WeightsError("bad\nthing", source="f.npz", layer=2, key="W2")
    assert str(err) == "f.npz: layer 2 (key 'W2'): bad thing"
    assert (err.source, err.layer, err.key) == ("f.npz", 2, "W2")


# --------------------------------------------------------------------------- rationalisation

def test_float32_exact_value():
    W = np.array([[0.1]], dtype=np.float32)
    b = np.array([0.1], dtype=np.float32)
    net = from_numpy([(W, b)])
    W_, b_, _ = net.layers()[0]
    assert W_[0, 0] == QQ((13421773, 134217728))
    assert b_[0] == QQ((13421773, 134217728))
    # the exact value of the float32, widened exactly -- not QQ(0.1) == 1/10
    assert W_[0, 0] == QQ(float(np.float32(0.1)).as_integer_ratio())
    assert W_[0, 0] != QQ((1, 10))


def test_float64_exact_value():
    net = from_numpy([(np.array([[0.1]]), np.array([1 / 3]))])
    W_, b_, _ = net.layers()[0]
    assert W_[0, 0] == QQ((3602879701896397, 36028797018963968))
    assert b_[0] == QQ((1 / 3).as_integer_ratio())


def test_digits_and_max_denominator():
    W = np.array([[0.1, 0.333]], dtype=np.float32)
    b = np.array([2 / 3], dtype=np.float32)
    net = from_numpy([(W, b)], digits=2)
    W_, b_, _ = net.layers()[0]
    assert list(W_.row(0)) == [QQ((1, 10)), QQ((33, 100))]
    assert b_[0] == QQ((67, 100))
    net = from_numpy([(W, b)], max_denominator=3)
    W_, b_, _ = net.layers()[0]
    assert list(W_.row(0)) == [QQ(0), QQ((1, 3))]
    assert b_[0] == QQ((2, 3))
    net = from_numpy([(W, b)], rationalize="max_denominator", max_denominator=10)
    assert net.layers()[0][0][0, 0] == QQ((1, 10))


def test_rationalize_policy_errors():
    pair = [(np.ones((1, 1)), np.zeros(1))]
    with pytest.raises(ValueError, match="at most one"):
        from_numpy(pair, digits=2, max_denominator=3)
    with pytest.raises(ValueError, match="rationalize must be one of"):
        from_numpy(pair, rationalize="simplest")
    with pytest.raises(ValueError, match="needs digits"):
        from_numpy(pair, rationalize="digits")
    with pytest.raises(ValueError, match="max_denominator must be a positive"):
        from_numpy(pair, max_denominator=0)


def test_integer_and_float16_and_longdouble_exact():
    big = 2 ** 62 + 1
    net = from_numpy([(np.array([[big]], dtype=np.int64), np.array([-3], dtype=np.int32))])
    assert net.layers()[0][0][0, 0] == big
    assert net.layers()[0][1][0] == -3
    h = np.array([[0.1]], dtype=np.float16)
    assert from_numpy([(h, np.zeros(1, np.float16))]).layers()[0][0][0, 0] == \
        QQ(float(h[0, 0]).as_integer_ratio())
    ld = np.array([[1]], dtype=np.longdouble) / 3
    got = from_numpy([(ld, np.zeros(1))]).layers()[0][0][0, 0]
    assert got == QQ(ld[0, 0].as_integer_ratio())


# --------------------------------------------------------------------------- state dicts

def test_state_dict_numeric_order():
    rng = np.random.default_rng(3)
    W = {0: rng.integers(-3, 4, (3, 2)), 2: rng.integers(-3, 4, (4, 3)),
         10: rng.integers(-3, 4, (1, 4))}
    sd = OrderedDict()
    for i in (0, 10, 2):  # lexicographic order, as sorted(str keys) would give
        sd["%d.weight" % i] = W[i].astype(np.float64)
        sd["%d.bias" % i] = np.arange(W[i].shape[0], dtype=np.float64)
    net = from_state_dict(sd)
    assert net.widths() == [2, 3, 4, 1]
    ref = ReLUNetwork([(W[i].tolist(), list(range(W[i].shape[0]))) for i in (0, 2, 10)])
    assert net == ref


def test_state_dict_nested_and_named():
    sd = OrderedDict([("layers.10.weight", np.ones((1, 2))), ("layers.10.bias", np.zeros(1)),
                      ("layers.0.weight", np.ones((2, 1))), ("layers.0.bias", np.zeros(2))])
    assert from_state_dict(sd).widths() == [1, 2, 1]
    sd = OrderedDict([("net.fc1.weight", np.ones((2, 1))), ("net.fc1.bias", np.zeros(2)),
                      ("net.fc2.weight", np.ones((3, 2))), ("net.fc2.bias", np.zeros(3)),
                      ("net.out.weight", np.ones((1, 3))), ("net.out.bias", np.zeros(1))])
    assert from_state_dict(sd).widths() == [1, 2, 3, 1]
    # a bare nn.Linear
    assert from_state_dict({"weight": np.ones((2, 3)), "bias": np.zeros(2)}).widths() == [3, 2]


def test_state_dict_missing_bias_is_error():
    sd = {"0.weight": np.ones((2, 2)), "0.bias": np.zeros(2), "2.weight": np.ones((1, 2))}
    with pytest.raises(WeightsError) as err:
        from_state_dict(sd, source="model.pt")
    assert_one_line(err, "model.pt", "'2.bias'", "layer 1", "missing bias")


def test_state_dict_missing_weight_and_unsupported_key():
    with pytest.raises(WeightsError) as err:
        from_state_dict({"0.bias": np.zeros(2)})
    assert_one_line(err, "'0.weight'", "layer 0")
    sd = {"0.weight": np.ones((2, 2)), "0.bias": np.zeros(2), "1.running_mean": np.zeros(2)}
    with pytest.raises(WeightsError) as err:
        from_state_dict(sd)
    assert_one_line(err, "'1.running_mean'", "unsupported")


def test_state_dict_duck_typed_tensors():
    class Tensor:
        def __init__(self, a):
            self.a = np.asarray(a, dtype=np.float32)

        def detach(self):
            return self

        def cpu(self):
            return self

        def numpy(self):
            return self.a

    sd = {"0.weight": Tensor([[0.1]]), "0.bias": Tensor([0.0])}
    assert from_state_dict(sd).layers()[0][0][0, 0] == QQ((13421773, 134217728))


# --------------------------------------------------------------------------- validation

def test_shape_mismatch_names_layer_and_keys():
    with pytest.raises(WeightsError) as err:
        from_numpy([(np.ones((3, 2)), np.zeros(3)), (np.ones((1, 4)), np.zeros(1))],
                   source="net.npz")
    assert_one_line(err, "net.npz", "layer 1", "'W1'", "4 columns", "'W0'", "3 rows")


def test_bias_length_mismatch():
    with pytest.raises(WeightsError) as err:
        from_numpy([(np.ones((3, 2)), np.zeros(2))])
    assert_one_line(err, "layer 0", "'b0'", "2 entries", "3 rows")


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite(bad):
    W = np.ones((2, 2))
    W[1, 0] = bad
    with pytest.raises(WeightsError) as err:
        from_numpy([(np.ones((2, 2)), np.zeros(2)), (W, np.zeros(2))])
    assert_one_line(err, "layer 1", "'W1'", "(1, 0)", "not finite")
    b = np.zeros(2)
    b[1] = bad
    with pytest.raises(WeightsError) as err:
        from_numpy([(np.ones((2, 2)), b)])
    assert_one_line(err, "layer 0", "'b0'", "entry 1", "not finite")


@pytest.mark.parametrize("W, words", [
    (np.array([["1", "2"]]), ["non-numeric", "<U1"]),
    (np.array([[1 + 2j, 0]]), ["non-numeric", "complex128"]),
    (np.array([[1, 2]], dtype=object), ["pickled content is refused"]),
    (np.array([[True, False]]), ["non-numeric", "bool"]),
])
def test_non_numeric_dtypes(W, words):
    with pytest.raises(WeightsError) as err:
        from_numpy([(W, np.zeros(1))])
    assert_one_line(err, "layer 0", "'W0'", *words)


def test_dimensions_and_empty():
    with pytest.raises(WeightsError) as err:
        from_numpy([(np.ones(3), np.zeros(3))])
    assert_one_line(err, "'W0'", "2-D")
    with pytest.raises(WeightsError) as err:
        from_numpy([(np.ones((3, 2)), np.zeros((3, 1)))])
    assert_one_line(err, "'b0'", "1-D")
    with pytest.raises(WeightsError) as err:
        from_numpy([(np.ones((0, 2)), np.zeros(0))])
    assert_one_line(err, "'W0'", "empty")
    with pytest.raises(WeightsError) as err:
        from_numpy([(np.ones((2, 2)), np.zeros(2)), (np.ones((1, 2)), np.zeros(0))])
    assert_one_line(err, "layer 1", "'b1'")
    with pytest.raises(WeightsError, match="no layers"):
        from_numpy([])


# --------------------------------------------------------------------------- files

def test_load_examples():
    t3 = load_network(EXAMPLES / "t3_unit.npz")
    assert t3 == ReLUNetwork(T3)
    assert load_network(str(EXAMPLES / "torch_style.npz")) == t3
    assert load_network(EXAMPLES / "net_2_6_1.npz").widths() == [2, 6, 1]
    assert load_network(EXAMPLES / "net_3_3_2_1.npz").widths() == [3, 3, 2, 1]
    assert load_network(EXAMPLES / "t3_unit.npz", output_activation="relu").output_activation() \
        == "relu"


def test_examples_are_reproducible(tmp_path):
    import subprocess
    subprocess.run([sys.executable, str(EXAMPLES / "make_examples.py"), "--outdir",
                    str(tmp_path)], check=True, capture_output=True)
    for name in ("t3_unit.npz", "net_2_6_1.npz", "net_3_3_2_1.npz", "points_2d.npy",
                 "torch_style.npz"):
        assert (tmp_path / name).read_bytes() == (EXAMPLES / name).read_bytes(), name
    pts = np.load(EXAMPLES / "points_2d.npy", allow_pickle=False)
    assert pts.shape == (5, 2) and pts.dtype == np.float64


def _savez(path, **arrays):
    np.savez(path, **arrays)
    return str(path)


def test_npz_missing_bias(tmp_path):
    a = t3_arrays()
    del a["b1"]
    f = _savez(tmp_path / "nob1.npz", **a)
    with pytest.raises(WeightsError) as err:
        load_network(f)
    assert_one_line(err, f, "layer 1", "'b1'", "'W1'", "missing")


def test_npz_gap_and_extra_key(tmp_path):
    a = t3_arrays()
    f = _savez(tmp_path / "gap.npz", W0=a["W0"], b0=a["b0"], W2=a["W1"], b2=a["b1"])
    with pytest.raises(WeightsError) as err:
        load_network(f)
    assert_one_line(err, f, "layer 1", "'W1'")
    f = _savez(tmp_path / "extra.npz", meta=np.zeros(1), **a)
    with pytest.raises(WeightsError) as err:
        load_network(f)
    assert_one_line(err, f, "'meta'", "unexpected key")


def test_npz_shape_mismatch(tmp_path):
    a = t3_arrays()
    a["W1"] = np.ones((1, 4))
    f = _savez(tmp_path / "shape.npz", **a)
    with pytest.raises(WeightsError) as err:
        load_network(f)
    assert_one_line(err, f, "layer 1", "'W1'", "'W0'")


def test_npz_object_array_refused(tmp_path):
    a = t3_arrays()
    a["W1"] = np.array([[1, 1, "x"]], dtype=object)
    f = _savez(tmp_path / "obj.npz", **a)
    with pytest.raises(WeightsError) as err:
        load_network(f)
    assert_one_line(err, f, "layer 1", "'W1'", "pickled content is refused")


def test_pickle_file_refused(tmp_path):
    p = tmp_path / "pickled.npz"
    with open(p, "wb") as fh:
        pickle.dump({"W0": [[1.0]], "b0": [0.0]}, fh)
    with pytest.raises(WeightsError) as err:
        load_network(p)
    assert_one_line(err, str(p), "pickled content is refused")


def test_npy_files(tmp_path):
    p = tmp_path / "obj.npy"
    np.save(p, np.array([np.ones((2, 2)), np.ones(3)], dtype=object), allow_pickle=True)
    with pytest.raises(WeightsError) as err:
        load_network(p)
    assert_one_line(err, str(p), "pickled content is refused")
    q = tmp_path / "single.npy"
    np.save(q, np.ones((2, 2)))
    with pytest.raises(WeightsError) as err:
        load_network(q)
    assert_one_line(err, str(q), "single array")


def test_empty_and_corrupt_files(tmp_path):
    f = _savez(tmp_path / "empty.npz")
    with pytest.raises(WeightsError) as err:
        load_network(f)
    assert_one_line(err, f, "no layers")
    g = tmp_path / "garbage.npz"
    g.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(WeightsError) as err:
        load_network(g)
    assert_one_line(err, str(g), "not a valid")
    h = tmp_path / "text.npz"
    h.write_text("W0 = 1\n")
    with pytest.raises(WeightsError) as err:
        load_network(h)
    assert_one_line(err, str(h))
    with pytest.raises(OSError):
        load_network(tmp_path / "missing.npz")
    with pytest.raises(WeightsError, match="unsupported file type"):
        load_network(tmp_path / "net.h5")


def test_npz_nan_and_strings(tmp_path):
    a = t3_arrays()
    a["b0"] = np.array([0.0, np.nan, 0.0])
    f = _savez(tmp_path / "nan.npz", **a)
    with pytest.raises(WeightsError) as err:
        load_network(f)
    assert_one_line(err, f, "layer 0", "'b0'", "nan")
    a = t3_arrays()
    a["W0"] = np.array([["a", "b"]] * 3)
    f = _savez(tmp_path / "str.npz", **a)
    with pytest.raises(WeightsError) as err:
        load_network(f)
    assert_one_line(err, f, "layer 0", "'W0'", "non-numeric")


def test_npz_float32_exact(tmp_path):
    f = _savez(tmp_path / "f32.npz", W0=np.array([[0.1]], dtype=np.float32),
               b0=np.zeros(1, np.float32))
    assert load_network(f).layers()[0][0][0, 0] == QQ((13421773, 134217728))
    assert load_network(f, digits=1).layers()[0][0][0, 0] == QQ((1, 10))


def test_npz_torch_style_keys(tmp_path):
    f = _savez(tmp_path / "ts.npz", **{"0.weight": np.ones((2, 2)), "0.bias": np.zeros(2),
                                       "10.weight": np.ones((1, 3)), "10.bias": np.zeros(1),
                                       "2.weight": np.ones((3, 2)), "2.bias": np.zeros(3)})
    assert load_network(f).widths() == [2, 2, 3, 1]
    g = _savez(tmp_path / "ts_nobias.npz", **{"0.weight": np.ones((2, 2)),
                                               "0.bias": np.zeros(2),
                                               "2.weight": np.ones((1, 2))})
    with pytest.raises(WeightsError) as err:
        load_network(g)
    assert_one_line(err, g, "layer 1", "'2.bias'")


def test_pt_without_torch(tmp_path, monkeypatch):
    p = tmp_path / "model.pt"
    p.write_bytes(b"")
    monkeypatch.setitem(sys.modules, "torch", None)  # import torch -> ImportError
    with pytest.raises(WeightsError) as err:
        load_network(p)
    assert_one_line(err, str(p), "needs PyTorch")


# --------------------------------------------------------------------------- torch

def test_torch_state_dict_and_pt(tmp_path):
    torch = pytest.importorskip("torch")
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(2, 4), torch.nn.ReLU(),
                                torch.nn.Linear(4, 3), torch.nn.ReLU(),
                                torch.nn.Linear(3, 1))
    net = from_state_dict(model.state_dict())
    assert net.widths() == [2, 4, 3, 1]
    # exact weights: the float32 values, widened exactly
    w = model[0].weight.detach().numpy()
    assert net.layers()[0][0][1, 1] == QQ(float(w[1, 1]).as_integer_ratio())
    # the exact forward pass agrees with torch in float64
    x = [0.5, -1.25]
    m64 = model.double()
    with torch.no_grad():
        y = float(m64(torch.tensor([x], dtype=torch.float64))[0, 0])
    assert abs(float(net([QQ(a) for a in x])[0]) - y) < 1e-12
    model = model.float()
    p = tmp_path / "model.pt"
    torch.save(model.state_dict(), p)
    assert load_network(p) == net
    q = tmp_path / "ckpt.pth"
    torch.save({"model_state_dict": model.state_dict(), "epoch": 3}, q)
    assert load_network(q) == net


def test_torch_full_model_pickle_refused(tmp_path):
    torch = pytest.importorskip("torch")
    model = torch.nn.Sequential(torch.nn.Linear(2, 1))
    p = tmp_path / "whole.pt"
    torch.save(model, p)
    with pytest.raises(WeightsError) as err:
        load_network(p)
    assert_one_line(err, str(p), "pickled content is refused")


def test_torch_missing_bias(tmp_path):
    torch = pytest.importorskip("torch")
    model = torch.nn.Sequential(torch.nn.Linear(2, 3), torch.nn.ReLU(),
                                torch.nn.Linear(3, 1, bias=False))
    p = tmp_path / "nobias.pt"
    torch.save(model.state_dict(), p)
    with pytest.raises(WeightsError) as err:
        load_network(p)
    assert_one_line(err, str(p), "layer 1", "'2.bias'")


def test_torch_bfloat16():
    torch = pytest.importorskip("torch")
    lin = torch.nn.Linear(2, 1).to(torch.bfloat16)
    net = from_state_dict(lin.state_dict())
    w = float(lin.weight.detach().float()[0, 0])
    assert net.layers()[0][0][0, 0] == QQ(w.as_integer_ratio())


# --------------------------------------------------------------------------- keras

class _FakeDense:
    def __init__(self, name, kernel, bias, activation, use_bias=True):
        self.name = name
        self._w = [kernel] if bias is None else [kernel, bias]
        self._cfg = {"name": name, "activation": activation, "use_bias": use_bias}

    def get_config(self):
        return dict(self._cfg)

    def get_weights(self):
        return list(self._w)


class Dense(_FakeDense):
    pass


class InputLayer:
    name = "input"


class Dropout(_FakeDense):
    pass


class _FakeModel:
    def __init__(self, layers):
        self.layers = layers


def test_keras_duck_typed_transposes_kernel():
    k0 = np.array([[1.0, 0.0, -1.0], [0.0, 1.0, -1.0]])  # (in, out) = (2, 3)
    model = _FakeModel([InputLayer(), Dense("d0", k0, np.zeros(3), "relu"),
                        Dense("d1", np.ones((3, 1)), np.zeros(1), "linear")])
    assert from_keras(model) == ReLUNetwork(T3)
    model = _FakeModel([Dense("d0", k0, np.zeros(3), "relu"),
                        Dense("d1", np.ones((3, 1)), None, "relu", use_bias=False)])
    net = from_keras(model)
    assert net.output_activation() == "relu" and net.widths() == [2, 3, 1]


def test_keras_duck_typed_errors():
    model = _FakeModel([Dense("d0", np.ones((2, 3)), np.zeros(3), "relu"),
                        Dropout("dropout", np.ones((3, 3)), np.zeros(3), "linear")])
    with pytest.raises(ValueError) as err:
        from_keras(model)
    assert_one_line(err, "layer 1", "'dropout'", "Dropout")
    model = _FakeModel([Dense("d0", np.ones((2, 3)), np.zeros(3), "sigmoid"),
                        Dense("d1", np.ones((3, 1)), np.zeros(1), "linear")])
    with pytest.raises(ValueError) as err:
        from_keras(model)
    assert_one_line(err, "layer 0", "'d0'", "sigmoid")
    model = _FakeModel([Dense("d0", np.ones((2, 3)), np.zeros(3), "relu"),
                        Dense("d1", np.ones((3, 1)), np.zeros(1), "softmax")])
    with pytest.raises(ValueError) as err:
        from_keras(model)
    assert_one_line(err, "layer 1", "'d1'", "softmax")
    model = _FakeModel([Dense("d0", np.ones((2, 3)), np.zeros(3), "relu"),
                        Dense("d1", np.ones((4, 1)), np.zeros(1), "linear")])
    with pytest.raises(WeightsError) as err:
        from_keras(model)
    assert_one_line(err, "layer 1", "d1/kernel")
    model = _FakeModel([Dense("d0", np.ones((2, 3)), None, "relu")])
    with pytest.raises(WeightsError) as err:
        from_keras(model)
    assert_one_line(err, "layer 0", "d0/bias", "missing bias")


def test_keras_real():
    keras = pytest.importorskip("keras")
    model = keras.Sequential([keras.Input(shape=(2,)),
                              keras.layers.Dense(3, activation="relu"),
                              keras.layers.Dense(1)])
    model.layers[0].set_weights([np.array([[1.0, 0.0, -1.0], [0.0, 1.0, -1.0]]),
                                 np.zeros(3)])
    model.layers[1].set_weights([np.ones((3, 1)), np.zeros(1)])
    net = from_keras(model)
    assert net == ReLUNetwork(T3)
    bad = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(3, activation="tanh"),
                            keras.layers.Dense(1)])
    with pytest.raises(ValueError, match="tanh"):
        from_keras(bad)
    bad = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dropout(0.5),
                            keras.layers.Dense(1)])
    with pytest.raises(ValueError, match="Dropout"):
        from_keras(bad)


def test_no_framework_imported_at_module_import():
    import subprocess
    code = ("import sys, sage_tropnet.adapters, sage_tropnet.cli; "
            "print('torch' in sys.modules, 'keras' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env=dict(os.environ))
    assert out.stdout.split() == ["False", "False"]
