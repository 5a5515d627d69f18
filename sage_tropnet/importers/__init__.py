r"""
Models in: PyTorch modules and ONNX graphs as exact networks

Trained models come in as exact
:class:`~sage_tropnet.network.ReLUNetwork` objects:

- :func:`~sage_tropnet.importers.pytorch.from_torch` -- a PyTorch
  ``nn.Module`` (``Sequential``, TorchScript, or a traceable chain);
- :func:`~sage_tropnet.importers.onnx_graph.from_onnx` -- an ONNX model
  (from any framework);
- :func:`load_model` -- a file: ``.onnx``, or a TorchScript archive
  (``torch.jit.save``); :func:`~sage_tropnet.adapters.load_network`, and so
  every command of ``sage-tropnet``, hands such files to it.

Convolutions and average pooling are unrolled into exact affine maps, batch
normalisation is folded, max pooling becomes maxout
(:mod:`sage_tropnet.importers.chain`). PyTorch and ``onnx`` are optional
extras, imported only when a model is converted.

EXAMPLES::

    sage: from sage_tropnet.importers import load_model, MODEL_SUFFIXES
    sage: MODEL_SUFFIXES
    ('.onnx', '.pt', '.pth', '.ts')
    sage: load_model(tmp_filename(ext=".txt"))
    Traceback (most recent call last):
    ...
    ModelError: ...txt: not a model file (expected .onnx, or a TorchScript archive .pt/.pth/.ts)

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

from sage_tropnet.importers.chain import ModelError, ChainBuilder  # noqa: F401
from sage_tropnet.importers.pytorch import (from_torch, is_torchscript,  # noqa: F401
                                            load_torchscript)
from sage_tropnet.importers.onnx_graph import from_onnx, load_onnx  # noqa: F401

#: the suffixes of model files
MODEL_SUFFIXES = ('.onnx', '.pt', '.pth', '.ts')


def is_model_file(path):
    r"""
    Return whether ``path`` is a model file for :func:`load_model`: a
    ``.onnx`` file or a TorchScript archive (a ``.pt`` state dict is not).

    EXAMPLES::

        sage: from sage_tropnet.importers import is_model_file
        sage: is_model_file("model.onnx"), is_model_file(tmp_filename(ext=".pt"))
        (True, False)
    """
    ext = os.path.splitext(os.fspath(path))[1].lower()
    return ext == '.onnx' or (ext in MODEL_SUFFIXES and is_torchscript(path))


def load_model(path, input_shape=None, digits=None, max_denominator=None):
    r"""
    Return the exact network of a model file: ``.onnx`` (needs ``onnx``) or a
    TorchScript archive ``.pt``/``.pth``/``.ts`` (needs PyTorch).

    INPUT:

    - ``path`` -- the file
    - ``input_shape`` -- the input shape without the batch axis, for a
      TorchScript model that starts with a convolution (default: read from the
      model; ONNX files record it)
    - ``digits``, ``max_denominator`` -- round the weights (default: exact)

    Refusals raise :class:`~sage_tropnet.importers.chain.ModelError` (a
    :class:`ValueError`) naming the file, the position and the layer.

    EXAMPLES::

        sage: # optional - onnx
        sage: import numpy as np, onnx
        sage: from onnx import helper, numpy_helper, TensorProto
        sage: from sage_tropnet.importers import load_model
        sage: W = numpy_helper.from_array(np.array([[2.0], [-1.0]], dtype=np.float32), "W")
        sage: g = helper.make_graph([helper.make_node("MatMul", ["x", "W"], ["h"]),
        ....:                        helper.make_node("Relu", ["h"], ["y"])], "g",
        ....:     [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1r, 2r])],
        ....:     [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1r, 1r])], [W])
        sage: f = tmp_filename(ext=".onnx"); onnx.save(helper.make_model(g), f)
        sage: load_model(f)([3, 1])
        (5)
    """
    source = os.fspath(path)
    ext = os.path.splitext(source)[1].lower()
    if ext == '.onnx':
        return load_onnx(source, digits=digits, max_denominator=max_denominator)
    if ext in MODEL_SUFFIXES and is_torchscript(source):
        return load_torchscript(source, input_shape=input_shape, digits=digits,
                                max_denominator=max_denominator)
    raise ModelError("not a model file (expected .onnx, or a TorchScript archive "
                     ".pt/.pth/.ts)", source)
