"""Model importers (PyTorch, TorchScript, ONNX) against the frameworks' own
forward passes at random points. Skipped when the framework is missing."""
import warnings

import numpy as np
import pytest

from sage.all import QQ

from sage_tropnet.importers.chain import ModelError


def _check(net, forward, shape, points=12, seed=0, scale=2.0, rtol=1e-9):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(points,) + tuple(shape)) * scale
    Y = np.asarray(forward(X), dtype=np.float64).reshape(points, -1)
    for x, y in zip(X, Y):
        z = np.array([float(a) for a in net([QQ(float(t)) for t in x.ravel()])])
        assert z.shape == y.shape
        assert np.allclose(z, y, rtol=rtol, atol=rtol * (1 + np.abs(y).max())), (z, y)


# ---------------------------------------------------------------------------
# PyTorch
# ---------------------------------------------------------------------------

try:
    import torch  # noqa: F811
    nn = torch.nn
except ImportError:  # pragma: no cover
    torch = None

needs_torch = pytest.mark.skipif(torch is None, reason="PyTorch is not installed")


def _torch_forward(model):
    model = model.double().eval()

    def f(X):
        with torch.no_grad():
            return model(torch.tensor(X, dtype=torch.float64)).numpy()
    return f


def _randomise_bn(model, seed=0):
    g = torch.Generator().manual_seed(seed)
    for m in model.modules():
        if isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)):
            m.running_mean.copy_(torch.randn(m.running_mean.shape, generator=g))
            m.running_var.copy_(torch.rand(m.running_var.shape, generator=g) + 0.5)
            with torch.no_grad():
                m.weight.copy_(torch.randn(m.weight.shape, generator=g))
                m.bias.copy_(torch.randn(m.bias.shape, generator=g))
    return model


def _torch_cases():
    if torch is None:
        return []
    return [
        ("mlp", lambda: nn.Sequential(nn.Linear(3, 6), nn.ReLU(), nn.Linear(6, 5), nn.ReLU(),
                                      nn.Linear(5, 2)), (3,)),
        ("leaky-identity-dropout", lambda: nn.Sequential(
            nn.Flatten(), nn.Linear(4, 5), nn.LeakyReLU(0.1), nn.Identity(), nn.Dropout(0.5),
            nn.Linear(5, 3), nn.LeakyReLU(0.3), nn.Linear(3, 1)), (4,)),
        ("relu-output", lambda: nn.Sequential(nn.Linear(2, 4), nn.ReLU(), nn.Linear(4, 2),
                                              nn.ReLU()), (2,)),
        ("batchnorm1d", lambda: nn.Sequential(nn.Linear(3, 5), nn.BatchNorm1d(5), nn.ReLU(),
                                              nn.Linear(5, 2)), (3,)),
        ("conv1d", lambda: nn.Sequential(nn.Conv1d(2, 3, 3, stride=2, padding=1), nn.ReLU(),
                                         nn.Conv1d(3, 2, 2, dilation=2), nn.Flatten(),
                                         nn.Linear(6, 1)), (2, 9)),
        ("conv1d-bn-avgpool", lambda: nn.Sequential(
            nn.Conv1d(1, 4, 3, padding=2), nn.BatchNorm1d(4), nn.ReLU(),
            nn.AvgPool1d(3, stride=2, padding=1, ceil_mode=True, count_include_pad=False),
            nn.Flatten(), nn.Linear(20, 2)), (1, 7)),
        ("conv2d-maxpool", lambda: nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
            nn.Linear(12, 3)), (1, 4, 4)),
        ("conv2d-groups-overlapping-maxpool", lambda: nn.Sequential(
            nn.Conv2d(2, 4, (2, 3), stride=(1, 2), padding=(1, 1), groups=2),
            nn.MaxPool2d(3, stride=2, padding=1, ceil_mode=True), nn.ReLU(), nn.Flatten(),
            nn.Linear(32, 2)), (2, 5, 6)),
        ("conv2d-bn2d-avgpool2d", lambda: nn.Sequential(
            nn.Conv2d(1, 2, 2), nn.BatchNorm2d(2), nn.AvgPool2d(2, stride=1, padding=1),
            nn.ReLU(), nn.AvgPool2d(2, divisor_override=3), nn.Flatten(), nn.Linear(8, 1)),
         (1, 4, 4)),
        ("maxpool1d", lambda: nn.Sequential(
            nn.Conv1d(1, 2, 2), nn.MaxPool1d(3, stride=2, dilation=2, padding=1), nn.Flatten(),
            nn.Linear(6, 1)), (1, 9)),
        ("maxpool-at-the-end", lambda: nn.Sequential(nn.Conv1d(1, 2, 2), nn.MaxPool1d(2)),
         (1, 5)),
        ("nested", lambda: nn.Sequential(nn.Sequential(nn.Linear(2, 3), nn.ReLU()),
                                         nn.Sequential(nn.Linear(3, 1))), (2,)),
    ]


@needs_torch
@pytest.mark.parametrize("name,make,shape", _torch_cases(), ids=[c[0] for c in _torch_cases()])
def test_torch_conversion_matches_the_forward_pass(name, make, shape):
    from sage_tropnet.importers import from_torch
    torch.manual_seed(hash(name) % 1000)
    model = _randomise_bn(make()).eval()
    net = from_torch(model, input_shape=shape)
    _check(net, _torch_forward(model), shape)


@needs_torch
def test_torch_fx_traced_module():
    from sage_tropnet.importers import from_torch
    import torch.nn.functional as F

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv = nn.Conv2d(1, 2, 3)
            self.fc1 = nn.Linear(4, 4)
            self.fc2 = nn.Linear(4, 2)

        def forward(self, x):
            x = F.relu(self.conv(x))
            x = x.view(x.size(0), -1)
            x = F.leaky_relu(self.fc1(x), 0.2)
            return self.fc2(x)

    torch.manual_seed(1)
    model = Net().eval()
    net = from_torch(model, input_shape=(1, 4, 3))
    _check(net, _torch_forward(model), (1, 4, 3))


@needs_torch
def test_torch_refusals_name_the_module_and_its_position():
    from sage_tropnet.importers import from_torch
    with pytest.raises(ModelError, match=r"position 2 \('2'\): unsupported module Tanh"):
        from_torch(nn.Sequential(nn.Linear(2, 2), nn.ReLU(), nn.Tanh()))
    with pytest.raises(ModelError, match=r"position 1 \('1.0'\): unsupported module Sigmoid"):
        from_torch(nn.Sequential(nn.Linear(2, 2), nn.Sequential(nn.Sigmoid())))
    with pytest.raises(ModelError, match="input_shape"):
        from_torch(nn.Sequential(nn.Conv1d(1, 1, 2)))
    with pytest.raises(ModelError, match="padding_mode"):
        from_torch(nn.Sequential(nn.Conv1d(1, 1, 2, padding=1, padding_mode="reflect")),
                   input_shape=(1, 4))


@needs_torch
def test_torchscript_files_through_load_network_and_the_cli(tmp_path):
    import io
    import json
    from sage_tropnet.adapters import load_network, WeightsError
    from sage_tropnet.cli import main
    torch.manual_seed(2)
    model = nn.Sequential(nn.Linear(2, 5), nn.ReLU(), nn.Linear(5, 1)).eval()
    f = str(tmp_path / "model.pt")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.jit.save(torch.jit.script(model), f)
    net = load_network(f)
    _check(net, _torch_forward(model), (2,))
    # a state dict still loads as before
    g = str(tmp_path / "sd.pt")
    torch.save(model.state_dict(), g)
    assert load_network(g) == net
    bad = str(tmp_path / "bad.pt")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.jit.save(torch.jit.script(nn.Sequential(nn.Linear(2, 2), nn.Tanh())), bad)
    with pytest.raises(WeightsError, match=r"bad.pt: layer 1 \(key '1'\): unsupported module Tanh"):
        load_network(bad)
    import contextlib
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["regions", f, "--json"]) == 0
    assert json.loads(out.getvalue())["agree"] is True


# ---------------------------------------------------------------------------
# ONNX
# ---------------------------------------------------------------------------

try:
    import onnx
    from onnx import helper, numpy_helper, TensorProto
    from onnx.reference import ReferenceEvaluator
except ImportError:  # pragma: no cover
    onnx = None

needs_onnx = pytest.mark.skipif(onnx is None, reason="onnx is not installed")


def _onnx_model(nodes, shape, inits):
    g = helper.make_graph(nodes, "g",
                          [helper.make_tensor_value_info("x", TensorProto.FLOAT,
                                                         [1] + list(shape))],
                          [helper.make_tensor_value_info(nodes[-1].output[0],
                                                         TensorProto.FLOAT, None)],
                          [numpy_helper.from_array(v.astype(np.float32), k)
                           for k, v in inits.items()])
    return helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)])


def _onnx_forward(model):
    ev = ReferenceEvaluator(model)

    def f(X):
        return np.concatenate([np.asarray(ev.run(None, {"x": x[None].astype(np.float32)})[0],
                                          dtype=np.float64).reshape(1, -1) for x in X])
    return f


def _onnx_cases():
    if onnx is None:
        return []
    r = np.random.default_rng(5)
    N = lambda *s: r.normal(size=s)  # noqa: E731
    mk = helper.make_node
    return [
        ("gemm-relu-leaky", [mk("Gemm", ["x", "W", "b"], ["h"], transB=1),
                             mk("Relu", ["h"], ["r"]),
                             mk("Gemm", ["r", "W2", "b2"], ["h2"], alpha=0.5, beta=2.0),
                             mk("LeakyRelu", ["h2"], ["l"], alpha=0.2),
                             mk("MatMul", ["l", "W3"], ["m"]), mk("Add", ["m", "b3"], ["y"])],
         (3,), {"W": N(4, 3), "b": N(4), "W2": N(4, 3), "b2": N(3), "W3": N(3, 2), "b3": N(2)}),
        ("conv-bn-avgpool-flatten", [
            mk("Conv", ["x", "K", "kb"], ["c"], pads=[1, 0, 1, 1], strides=[1, 2]),
            mk("BatchNormalization", ["c", "s", "bb", "mu", "var"], ["n"], epsilon=1e-3),
            mk("Relu", ["n"], ["r"]),
            mk("AveragePool", ["r"], ["a"], kernel_shape=[2, 2], strides=[1, 1],
               pads=[0, 1, 0, 1], count_include_pad=1),
            mk("Flatten", ["a"], ["f"]), mk("Gemm", ["f", "W", "b"], ["y"], transB=1)],
         (2, 4, 5), {"K": N(3, 2, 3, 2), "kb": N(3), "s": N(3), "bb": N(3), "mu": N(3),
                     "var": r.random(3) + 0.5, "W": N(2, 36), "b": N(2)}),
        ("maxpool-dropout-reshape-sub-mul", [
            mk("Conv", ["x", "K"], ["c"], dilations=[2]),
            mk("MaxPool", ["c"], ["p"], kernel_shape=[3], strides=[2], pads=[1, 1]),
            mk("Dropout", ["p"], ["d"]), mk("Reshape", ["d", "shape"], ["f"]),
            mk("Sub", ["f", "c1"], ["s"]), mk("Mul", ["s", "c2"], ["m"]),
            mk("Relu", ["m"], ["y"])],
         (1, 9), {"K": N(2, 1, 2), "shape": np.array([1, -1]), "c1": N(8), "c2": N(8)}),
    ]


@needs_onnx
@pytest.mark.parametrize("name,nodes,shape,inits", _onnx_cases(),
                         ids=[c[0] for c in _onnx_cases()])
def test_onnx_conversion_matches_the_reference_evaluator(name, nodes, shape, inits, tmp_path):
    from sage_tropnet.importers import from_onnx
    from sage_tropnet.adapters import load_network
    if "shape" in inits:
        inits = dict(inits)
        shape_init = inits.pop("shape")
        model = _onnx_model(nodes, shape, inits)
        model.graph.initializer.append(numpy_helper.from_array(shape_init.astype(np.int64),
                                                               "shape"))
    else:
        model = _onnx_model(nodes, shape, inits)
    net = from_onnx(model)
    _check(net, _onnx_forward(model), shape, rtol=1e-5)
    f = str(tmp_path / "m.onnx")
    onnx.save(model, f)
    assert load_network(f) == net


@needs_onnx
def test_onnx_refusals():
    from sage_tropnet.importers import from_onnx
    mk = helper.make_node
    model = _onnx_model([mk("MatMul", ["x", "W"], ["h"]), mk("Sigmoid", ["h"], ["y"])], (2,),
                        {"W": np.ones((2, 2))})
    with pytest.raises(ModelError, match=r"position 1 \('Sigmoid'\): unsupported operator"):
        from_onnx(model)


@needs_onnx
@needs_torch
def test_torch_export_to_onnx_round_trip(tmp_path):
    from sage_tropnet.adapters import load_network
    torch.manual_seed(3)
    model = nn.Sequential(nn.Conv2d(1, 2, 2), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                          nn.Linear(2, 1)).eval()
    f = str(tmp_path / "m.onnx")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(model, (torch.zeros(1, 1, 3, 3),), f, dynamo=False)
    except Exception as err:  # pragma: no cover - exporter not available
        pytest.skip("torch.onnx.export failed: %s" % err)
    net = load_network(f)
    _check(net, _torch_forward(model), (1, 3, 3), rtol=1e-6)
