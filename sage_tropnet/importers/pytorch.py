r"""
PyTorch models in: ``nn.Module`` to an exact network

:func:`from_torch` converts a PyTorch model -- an ``nn.Sequential`` (nested
ones are flattened), a TorchScript module saved with ``torch.jit.save``, or
any module whose ``forward`` is a chain of supported modules and functions
(read with ``torch.fx``) -- into an exact
:class:`~sage_tropnet.network.ReLUNetwork`, in inference mode:

==========================================  =================================
module                                      becomes
==========================================  =================================
``Linear``                                  an affine map
``Conv1d``, ``Conv2d``                      an affine map (unrolled, zero
                                            padding, strides, dilation, groups)
``AvgPool1d``, ``AvgPool2d``                an affine map (unrolled, exact
                                            divisors)
``BatchNorm1d``, ``BatchNorm2d``            an affine map (running statistics,
                                            folded)
``Flatten``, ``Identity``, ``Dropout``      nothing
``ReLU``, ``LeakyReLU``                     the activation of a layer
``MaxPool1d``, ``MaxPool2d``                a maxout layer (one unit per window)
==========================================  =================================

Consecutive affine maps are composed exactly. Weights become the exact
rationals of their binary values (the scale of a batch normalisation is
computed in double precision first). Anything else is refused with one line
naming the module and its position. PyTorch is imported only when a model
is converted.

The input shape is read from the first ``Linear`` layer; a model that starts
with a convolution needs ``input_shape`` (without the batch dimension), or an
attribute ``input_shape`` of the model (which TorchScript keeps).

EXAMPLES:

A stand-in with the interface of ``torch.nn`` is used here; the real thing is
tested against PyTorch's own forward pass in ``tests/test_importers.py``::

    sage: from sage_tropnet.importers.pytorch import from_torch, SUPPORTED
    sage: 'Conv2d' in SUPPORTED and 'MaxPool1d' in SUPPORTED
    True

AUTHORS:

- sage_tropnet developers (2026-12): initial version
"""
# ****************************************************************************
#       Copyright (C) 2026 sage_tropnet developers
#
# This program is free software: you can redistribute it and/or modify
# it under the terms of the GNU General Public License as published by
# the Free Software Foundation, either version 2 of the License, or
# (at your option) any later version.
#                  https://www.gnu.org/licenses/
# ****************************************************************************

import os
import zipfile

import numpy as np

from sage_tropnet.importers.chain import ChainBuilder, ModelError

#: the supported module types (class names of ``torch.nn``)
SUPPORTED = ("Linear", "Conv1d", "Conv2d", "AvgPool1d", "AvgPool2d", "BatchNorm1d",
             "BatchNorm2d", "Flatten", "Identity", "Dropout", "Dropout1d", "Dropout2d",
             "AlphaDropout", "ReLU", "LeakyReLU", "MaxPool1d", "MaxPool2d", "Sequential")

_FUNCTIONS = {"relu": "ReLU", "leaky_relu": "LeakyReLU", "flatten": "Flatten",
              "dropout": "Dropout"}


def _kind(m):
    r"""
    Return the supported class name of the module ``m`` (TorchScript modules
    keep it as ``original_name``), or its own class name.
    """
    import torch.nn as nn
    orig = getattr(m, "original_name", None)
    if isinstance(orig, str) and not isinstance(m, tuple(getattr(nn, k) for k in SUPPORTED)):
        return orig
    for k in SUPPORTED:
        if isinstance(m, getattr(nn, k)):
            return k
    return type(m).__name__


def _array(t):
    if t is None:
        return None
    return t.detach().cpu().to(dtype=__import__("torch").float64).numpy()


def _modules(model):
    r"""
    Return the list of ``(name, kind, module or function arguments)`` in the
    order of the forward pass.
    """
    kind = _kind(model)
    if kind == "Sequential":
        out = []
        for name, child in model.named_children():
            for sub in _modules(child):
                out.append(((name + "." + sub[0]) if sub[0] else name, sub[1], sub[2]))
        return out
    if kind in SUPPORTED or not list(model.children()):
        return [("", kind, model)]      # refused later, with its position, if unsupported
    return _traced(model)


def _traced(model):
    r"""
    Return the chain of a module with its own ``forward``, read by ``torch.fx``.
    """
    import operator
    import torch
    import torch.fx
    try:
        gm = torch.fx.symbolic_trace(model)
    except Exception as err:
        raise ModelError("unsupported module %s (not a Sequential of supported modules, and "
                         "torch.fx cannot trace it: %s)" % (type(model).__name__,
                                                           str(err).splitlines()[0]),
                         position=0, name=type(model).__name__)
    mods = dict(gm.named_modules())
    out = []
    current = None
    sizes = set()
    for node in gm.graph.nodes:
        if node.op == "placeholder":
            if current is not None:
                raise ModelError("a model with several inputs", position=0, name=node.name)
            current = node
            continue
        if node.op == "output":
            break
        if node.op == "call_method" and node.target == "size":
            sizes.add(node)
            continue
        if node.op == "call_function" and node.target is operator.getitem \
                and node.args[0] in sizes:
            sizes.add(node)
            continue
        data = [a for a in node.args if isinstance(a, torch.fx.Node) and a not in sizes]
        pos = len(out)
        if len(data) != 1 or data[0] is not current:
            raise ModelError("the forward pass is not a chain (node %s uses %s)"
                             % (node.name, [str(a) for a in node.args]),
                             position=pos, name=node.name)
        if node.op == "call_module":
            m = mods[node.target]
            k = _kind(m)
            if k == "Sequential":
                for sub in _modules(m):
                    out.append((node.target + "." + sub[0], sub[1], sub[2]))
            else:
                out.append((node.target, k, m))
        elif node.op in ("call_function", "call_method"):
            fname = getattr(node.target, "__name__", str(node.target))
            if fname in _FUNCTIONS:
                out.append((node.name, _FUNCTIONS[fname], dict(node.kwargs, args=node.args[1:])))
            elif fname in ("view", "reshape") and node.args[-1] == -1 and len(node.args) == 3:
                out.append((node.name, "Flatten", {"args": (1,)}))
            else:
                raise ModelError("unsupported function %s (supported: %s, x.view(x.size(0), "
                                 "-1))" % (fname, ", ".join(sorted(_FUNCTIONS))),
                                 position=pos, name=node.name)
        else:
            raise ModelError("unsupported node %s" % node.op, position=pos, name=node.name)
        current = node
    return out


def _pads(padding, d, name):
    if isinstance(padding, str):
        if padding == "valid":
            return ((0, 0),) * d
        raise ValueError("%s: padding=%r is not supported (use explicit padding)"
                         % (name, padding))
    p = padding if isinstance(padding, (tuple, list)) else (padding,) * d
    return tuple((int(a), int(a)) for a in p)


def _input_shape(model, items, input_shape):
    if input_shape is not None:
        return tuple(int(a) for a in input_shape)
    shape = getattr(model, "input_shape", None)
    if shape is not None:
        return tuple(int(a) for a in shape)
    for pos, (name, kind, m) in enumerate(items):
        if kind == "Linear":
            return (int(m.in_features),)
        if kind in ("Conv1d", "Conv2d", "BatchNorm2d", "AvgPool1d", "AvgPool2d", "MaxPool1d",
                    "MaxPool2d"):
            raise ModelError("the model starts with %s: give input_shape=(channels, ...) "
                             "without the batch dimension" % kind, position=pos, name=name)
    raise ModelError("cannot infer the input shape: give input_shape")


def from_torch(model, input_shape=None, digits=None, max_denominator=None, source=None):
    r"""
    Return the exact network computed by a PyTorch model in inference mode.

    INPUT:

    - ``model`` -- a ``torch.nn.Module``: an ``nn.Sequential`` of the
      modules of :data:`SUPPORTED` (nested ``Sequential`` allowed), a
      TorchScript module, or a module whose ``forward`` chains such modules
      and the functions ``relu``, ``leaky_relu``, ``flatten`` (traced with
      ``torch.fx``)
    - ``input_shape`` -- the shape of one input without the batch dimension
      (default: read from the first ``Linear`` layer, or the attribute
      ``model.input_shape``)
    - ``digits``, ``max_denominator`` -- round the weights (default: their
      exact binary values; see :func:`~sage_tropnet.rational.to_rational`)
    - ``source`` -- string (default: ``None``); the file name, for messages

    OUTPUT: a :class:`~sage_tropnet.network.ReLUNetwork` on the flattened
    input (C order); its output activation is ReLU if the model ends with a
    ReLU, else linear

    A refused model raises :class:`~sage_tropnet.importers.chain.ModelError`
    (a :class:`ValueError`) naming the module and its position.

    EXAMPLES::

        sage: # optional - torch
        sage: import torch
        sage: from sage_tropnet.importers.pytorch import from_torch
        sage: _ = torch.manual_seed(0r)
        sage: model = torch.nn.Sequential(torch.nn.Linear(2r, 4r), torch.nn.ReLU(),
        ....:                             torch.nn.Linear(4r, 1r))
        sage: net = from_torch(model); net
        ReLU network [2, 4, 1] (output activation: linear)
        sage: x = torch.tensor([[0.5, -1.0]], dtype=torch.float64)
        sage: y = model.double()(x).detach()
        sage: abs(float(y) - float(net([0.5, -1.0])[0])) < 1e-12
        True
        sage: from_torch(torch.nn.Sequential(torch.nn.Linear(2r, 2r), torch.nn.Tanh()))
        Traceback (most recent call last):
        ...
        ModelError: position 1 ('1'): unsupported module Tanh (supported: Linear, Conv1d, ...)
    """
    items = _modules(model)
    shape = _input_shape(model, items, input_shape)
    B = ChainBuilder(shape, digits=digits, max_denominator=max_denominator)
    for pos, (name, kind, m) in enumerate(items):
        try:
            _apply(B, kind, m)
        except ModelError as err:
            raise ModelError(err.detail, source, pos, name)
        except (ValueError, AttributeError, TypeError) as err:
            raise ModelError("%s: %s" % (kind, err), source, pos, name)
    try:
        return B.network()
    except ValueError as err:
        raise ModelError(str(err), source)


def _apply(B, kind, m):
    if kind in ("Flatten",):
        if isinstance(m, dict):
            args = list(m.get("args", ())) + [m[k] for k in ("start_dim", "end_dim") if k in m]
            start = int(args[0]) if args else 0
            end = int(args[1]) if len(args) > 1 else -1
        else:
            start, end = int(m.start_dim), int(m.end_dim)
        # the batch axis is not part of the shape
        if start == 0:
            raise ModelError("Flatten(start_dim=0) merges the batch axis")
        B.flatten(start - 1 if start > 0 else start, end - 1 if end > 0 else end)
    elif kind in ("Identity", "Dropout", "Dropout1d", "Dropout2d", "AlphaDropout"):
        return
    elif kind == "Linear":
        B.linear(_array(m.weight), _array(m.bias))
    elif kind in ("Conv1d", "Conv2d"):
        d = 1 if kind == "Conv1d" else 2
        if getattr(m, "padding_mode", "zeros") != "zeros":
            raise ModelError("padding_mode=%r is not supported (only zero padding)"
                             % m.padding_mode)
        B.conv(_array(m.weight), _array(m.bias), m.stride, _pads(m.padding, d, kind),
               m.dilation, int(m.groups))
    elif kind in ("AvgPool1d", "AvgPool2d"):
        d = 1 if kind == "AvgPool1d" else 2
        B.avgpool(m.kernel_size, m.stride, _pads(m.padding, d, kind), bool(m.ceil_mode),
                  bool(m.count_include_pad), getattr(m, "divisor_override", None))
    elif kind in ("MaxPool1d", "MaxPool2d"):
        d = 1 if kind == "MaxPool1d" else 2
        B.maxpool(m.kernel_size, m.stride, _pads(m.padding, d, kind), m.dilation,
                  bool(m.ceil_mode))
    elif kind in ("BatchNorm1d", "BatchNorm2d"):
        if m.running_mean is None:
            raise ModelError("%s without running statistics (track_running_stats=False)" % kind)
        B.batchnorm(_array(m.running_mean), _array(m.running_var), float(m.eps),
                    _array(m.weight) if m.weight is not None else None,
                    _array(m.bias) if m.bias is not None else None)
    elif kind == "ReLU":
        B.activation("relu")
    elif kind == "LeakyReLU":
        if isinstance(m, dict):
            args = list(m.get("args", ()))
            slope = m.get("negative_slope", args[0] if args else 0.01)
        else:
            slope = m.negative_slope
        B.activation(("leaky_relu", float(slope)))
    else:
        raise ModelError("unsupported module %s (supported: %s)"
                         % (kind, ", ".join(k for k in SUPPORTED if k != "Sequential")))


def is_torchscript(path):
    r"""
    Return whether the file ``path`` is a TorchScript archive (saved by
    ``torch.jit.save``), without PyTorch: a zip archive with a
    ``constants.pkl`` entry and code.

    EXAMPLES::

        sage: from sage_tropnet.importers.pytorch import is_torchscript
        sage: f = tmp_filename(ext=".pt")
        sage: import zipfile
        sage: with zipfile.ZipFile(f, "w") as z:
        ....:     z.writestr("m/constants.pkl", b""); z.writestr("m/code/__torch__.py", b"")
        sage: is_torchscript(f)
        True
        sage: _ = open(f, "wb").write(b"not a zip"); is_torchscript(f)
        False
    """
    try:
        with zipfile.ZipFile(os.fspath(path)) as z:
            names = z.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return (any(n.endswith("constants.pkl") for n in names)
            and any("/code/" in n for n in names))


def load_torchscript(path, input_shape=None, digits=None, max_denominator=None):
    r"""
    Return the exact network of a TorchScript file (``torch.jit.save``; no
    unpickling of Python objects).

    EXAMPLES::

        sage: # optional - torch
        sage: import torch
        sage: from sage_tropnet.importers.pytorch import load_torchscript
        sage: model = torch.nn.Sequential(torch.nn.Linear(3r, 2r), torch.nn.ReLU())
        sage: f = tmp_filename(ext=".pt")
        sage: import warnings
        sage: with warnings.catch_warnings():    # TorchScript is deprecated in PyTorch 2.13
        ....:     warnings.simplefilter("ignore")
        ....:     torch.jit.save(torch.jit.script(model), f)
        sage: load_torchscript(f)
        ReLU network [3, 2] (output activation: relu)
    """
    source = os.fspath(path)
    try:
        import torch
    except ImportError:
        raise ModelError("reading a TorchScript file needs PyTorch (pip install torch)",
                         source)
    import warnings
    try:
        with warnings.catch_warnings():     # deprecated in favour of torch.export
            warnings.simplefilter("ignore", DeprecationWarning)
            model = torch.jit.load(source, map_location="cpu")
    except (RuntimeError, ValueError) as err:
        raise ModelError("could not read the TorchScript file (%s)"
                         % str(err).splitlines()[0], source)
    return from_torch(model, input_shape=input_shape, digits=digits,
                      max_denominator=max_denominator, source=source)
