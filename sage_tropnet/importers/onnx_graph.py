r"""
ONNX models in: a chain of operators to an exact network

:func:`from_onnx` converts an ONNX model (``onnx.ModelProto`` or a
``.onnx`` file, from any framework) whose graph is a chain of the operators
``Gemm``, ``MatMul``, ``Add``, ``Sub``, ``Mul``, ``Div`` (with constant
operands), ``Conv``, ``AveragePool``, ``BatchNormalization`` (inference),
``Flatten``, ``Reshape``, ``Identity``, ``Dropout`` (affine maps, composed
exactly), ``Relu``, ``LeakyRelu`` and ``MaxPool`` (a maxout layer) into an
exact :class:`~sage_tropnet.network.ReLUNetwork` (see
:mod:`sage_tropnet.importers.chain`). Anything else is refused with one line
naming the node and its position. The ``onnx`` package is imported only
when a model is converted; the input shape is read from the graph.

EXAMPLES::

    sage: # optional - onnx
    sage: import numpy as np
    sage: from onnx import helper, numpy_helper, TensorProto
    sage: from sage_tropnet.importers.onnx_graph import from_onnx
    sage: W = numpy_helper.from_array(np.array([[1, -1], [2, 0]], dtype=np.float32), "W")
    sage: b = numpy_helper.from_array(np.array([0.5, 0], dtype=np.float32), "b")
    sage: g = helper.make_graph(
    ....:     [helper.make_node("Gemm", ["x", "W", "b"], ["h"], transB=1),
    ....:      helper.make_node("Relu", ["h"], ["y"])], "g",
    ....:     [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 2r])],
    ....:     [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 2r])], [W, b])
    sage: net = from_onnx(helper.make_model(g)); net
    ReLU network [2, 2] (output activation: relu)
    sage: net([1, 3])
    (0, 2)

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

import numpy as np

from sage.rings.rational_field import QQ
from sage.matrix.constructor import matrix
from sage.modules.free_module_element import vector

from sage_tropnet.importers.chain import ChainBuilder, ModelError

#: the supported operators
SUPPORTED = ("Gemm", "MatMul", "Add", "Sub", "Mul", "Div", "Conv", "AveragePool",
             "BatchNormalization", "Flatten", "Reshape", "Identity", "Dropout", "Relu",
             "LeakyRelu", "MaxPool")


def _attrs(node):
    from onnx import helper
    return {a.name: helper.get_attribute_value(a) for a in node.attribute}


def _onnx_pads(attrs, d, op):
    auto = attrs.get("auto_pad", b"NOTSET")
    auto = auto.decode() if isinstance(auto, bytes) else str(auto)
    if auto not in ("NOTSET", "VALID"):
        raise ModelError("%s with auto_pad=%s is not supported (use explicit pads)" % (op, auto))
    pads = list(attrs.get("pads", [0] * (2 * d)))
    if auto == "VALID":
        pads = [0] * (2 * d)
    return tuple((int(pads[i]), int(pads[i + d])) for i in range(d))


def _broadcast(B, arr):
    r"""
    Return the constant ``arr`` broadcast to the current tensor (with a batch
    axis of size one in front), flattened.
    """
    arr = np.asarray(arr, dtype=np.float64)
    full = np.broadcast_to(arr, (1,) + B.shape) if arr.ndim <= len(B.shape) + 1 else None
    if full is None or full.shape[1:] != B.shape:
        raise ModelError("a constant of shape %s does not broadcast to the tensor shape %s"
                         % (arr.shape, B.shape))
    return full.reshape(-1)


def from_onnx(model, digits=None, max_denominator=None, source=None):
    r"""
    Return the exact network computed by an ONNX model.

    INPUT:

    - ``model`` -- an ``onnx.ModelProto`` or the path of a ``.onnx`` file;
      its graph is a chain of the operators of :data:`SUPPORTED` from one
      input (of static shape, the first axis the batch) to one output
    - ``digits``, ``max_denominator`` -- round the weights (default: their
      exact binary values)
    - ``source`` -- string (default: the file name); for messages

    OUTPUT: a :class:`~sage_tropnet.network.ReLUNetwork` on the flattened
    input (C order)

    EXAMPLES:

    A convolution, a ReLU and a max pooling (compared with ONNX's reference
    evaluator in ``tests/test_importers.py``)::

        sage: # optional - onnx
        sage: import numpy as np
        sage: from onnx import helper, numpy_helper, TensorProto
        sage: from sage_tropnet.importers.onnx_graph import from_onnx
        sage: K = numpy_helper.from_array(np.ones((1, 1, 2), dtype=np.float32), "K")
        sage: g = helper.make_graph(
        ....:     [helper.make_node("Conv", ["x", "K"], ["c"]),
        ....:      helper.make_node("Relu", ["c"], ["r"]),
        ....:      helper.make_node("MaxPool", ["r"], ["y"], kernel_shape=[2r], strides=[1r])],
        ....:     "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1r, 1r, 4r])],
        ....:     [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1r, 1r, 2r])], [K])
        sage: net = from_onnx(helper.make_model(g)); net
        maxout(2), relu network [4, 3, 2, 2] (output activation: linear)
        sage: net([1, -5, 2, 0])
        (0, 2)
        sage: _ = g.node.append(helper.make_node("Tanh", ["y"], ["z"]))
        sage: from_onnx(helper.make_model(g))
        Traceback (most recent call last):
        ...
        ModelError: position 3 ('Tanh'): unsupported operator Tanh (supported: Gemm, ...)
    """
    import onnx
    from onnx import numpy_helper
    if isinstance(model, (str, os.PathLike)):
        source = source or os.fspath(model)
        try:
            model = onnx.load(os.fspath(model))
        except Exception as err:
            raise ModelError("not a valid ONNX file (%s)" % str(err).splitlines()[0], source)
    graph = model.graph
    consts = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    inputs = [i for i in graph.input if i.name not in consts]
    if len(inputs) != 1:
        raise ModelError("expected one input, the graph has %s" % len(inputs), source)
    dims = inputs[0].type.tensor_type.shape.dim
    shape = []
    for k, d in enumerate(dims[1:]):
        if not d.HasField("dim_value"):
            raise ModelError("the input %r has a symbolic dimension %s (axis %s): export "
                             "with a static input shape" % (inputs[0].name, d.dim_param, k + 1),
                             source)
        shape.append(int(d.dim_value))
    if not shape:
        raise ModelError("the input %r has no shape" % inputs[0].name, source)
    B = ChainBuilder(tuple(shape), digits=digits, max_denominator=max_denominator)
    current = inputs[0].name
    pos = 0
    for node in graph.node:
        op = node.op_type
        name = node.name or op
        if op == "Constant":
            a = _attrs(node)
            if "value" in a:
                consts[node.output[0]] = numpy_helper.to_array(a["value"])
                continue
            raise ModelError("unsupported Constant (only tensor values)", source, pos, name)
        data = [i for i in node.input if i and i not in consts]
        if data != [current]:
            raise ModelError("the graph is not a chain: %s %s takes %s, expected the output "
                             "of the previous operator (%r)" % (op, name, list(node.input),
                                                                current), source, pos, name)
        try:
            _apply(B, op, node, consts)
        except ModelError as err:
            raise ModelError(err.detail, source, pos, name)
        except (ValueError, KeyError, IndexError) as err:
            raise ModelError("%s: %s" % (op, err), source, pos, name)
        current = node.output[0]
        pos += 1
    outs = [o.name for o in graph.output]
    if outs != [current]:
        raise ModelError("the graph output %s is not the end of the chain (%r)"
                         % (outs, current), source)
    return B.network()


def _apply(B, op, node, consts):
    a = _attrs(node)
    ins = list(node.input)
    if op in ("Identity", "Dropout"):
        return
    if op == "Relu":
        B.activation("relu")
    elif op == "LeakyRelu":
        B.activation(("leaky_relu", float(a.get("alpha", 0.01))))
    elif op == "Gemm":
        if a.get("transA", 0):
            raise ModelError("Gemm with transA=1 is not supported")
        Bm = np.asarray(consts[ins[1]], dtype=np.float64)
        W = (Bm if a.get("transB", 0) else Bm.T) * float(a.get("alpha", 1.0))
        B.linear(W, None)
        if len(ins) > 2 and ins[2]:
            c = np.asarray(consts[ins[2]], dtype=np.float64) * float(a.get("beta", 1.0))
            _add(B, c, 1)
    elif op == "MatMul":
        if ins[0] in consts:
            raise ModelError("MatMul with a constant left operand is not supported")
        Bm = np.asarray(consts[ins[1]], dtype=np.float64)
        if Bm.ndim != 2:
            raise ModelError("MatMul with a %s-D constant is not supported" % Bm.ndim)
        B.linear(Bm.T, None)
    elif op in ("Add", "Sub", "Mul", "Div"):
        ci = [i for i in ins if i in consts]
        if len(ci) != 1:
            raise ModelError("%s needs one constant operand" % op)
        c = np.asarray(consts[ci[0]], dtype=np.float64)
        first_const = ins[0] in consts
        if op == "Add":
            _add(B, c, 1)
        elif op == "Sub":
            if first_const:     # c - x
                _scale(B, -np.ones_like(c))
                _add(B, c, 1)
            else:
                _add(B, c, -1)
        elif op == "Mul":
            _scale(B, c)
        else:
            if first_const:
                raise ModelError("Div of a constant by the tensor is not affine")
            _scale(B, 1.0 / c)
    elif op == "Conv":
        W = np.asarray(consts[ins[1]], dtype=np.float64)
        d = W.ndim - 2
        bias = np.asarray(consts[ins[2]], dtype=np.float64) if len(ins) > 2 and ins[2] else None
        B.conv(W, bias, a.get("strides", [1] * d), _onnx_pads(a, d, op),
               a.get("dilations", [1] * d), int(a.get("group", 1)))
    elif op == "AveragePool":
        d = len(a["kernel_shape"])
        B.avgpool(tuple(a["kernel_shape"]), tuple(a.get("strides", [1] * d)),
                  _onnx_pads(a, d, op), bool(a.get("ceil_mode", 0)),
                  bool(a.get("count_include_pad", 0)))
    elif op == "MaxPool":
        if len(node.output) > 1 and node.output[1]:
            raise ModelError("MaxPool with an Indices output is not supported")
        d = len(a["kernel_shape"])
        B.maxpool(tuple(a["kernel_shape"]), tuple(a.get("strides", [1] * d)),
                  _onnx_pads(a, d, op), tuple(a.get("dilations", [1] * d)),
                  bool(a.get("ceil_mode", 0)))
    elif op == "BatchNormalization":
        if a.get("training_mode", 0):
            raise ModelError("BatchNormalization in training mode is not supported")
        scale, bias, mean, var = [np.asarray(consts[i], dtype=np.float64) for i in ins[1:5]]
        B.batchnorm(mean, var, float(a.get("epsilon", 1e-5)), scale, bias)
    elif op == "Flatten":
        axis = int(a.get("axis", 1))
        if axis < 0:
            axis += len(B.shape) + 1
        if axis == 0:
            B.reshape((B.size(),))
        else:
            lead = int(np.prod(B.shape[:axis - 1])) if axis > 1 else 1
            B.reshape((lead, B.size() // lead) if axis > 1 else (B.size(),))
    elif op == "Reshape":
        target = [int(x) for x in np.asarray(consts[ins[1]]).ravel()]
        if not target:
            raise ModelError("Reshape to a scalar")
        rest = target[1:]
        if target[0] not in (0, -1, 1):
            raise ModelError("Reshape must keep the batch axis first, got %s" % target)
        if target[0] == -1 and -1 in rest:
            raise ModelError("Reshape with two unknown axes")
        rest = [B.shape[i] if x == 0 and i < len(B.shape) else x for i, x in enumerate(rest)]
        if -1 in rest:
            known = int(np.prod([x for x in rest if x != -1]))
            rest = [B.size() // known if x == -1 else x for x in rest]
        B.reshape(tuple(rest) if rest else (B.size(),))
    else:
        raise ModelError("unsupported operator %s (supported: %s)" % (op, ", ".join(SUPPORTED)))


def _add(B, c, sign):
    v = _broadcast(B, c) * sign
    n = B.size()
    A = matrix(QQ, n, n, {(i, i): 1 for i in range(n)})
    B.affine(A, vector(QQ, [B.q(x) for x in v]), B.shape)


def _scale(B, c):
    v = _broadcast(B, c)
    n = B.size()
    A = matrix(QQ, n, n, {(i, i): B.q(v[i]) for i in range(n)})
    B.affine(A, vector(QQ, n), B.shape)


def load_onnx(path, digits=None, max_denominator=None):
    r"""
    Return the exact network of a ``.onnx`` file (see :func:`from_onnx`).

    EXAMPLES::

        sage: # optional - onnx
        sage: import numpy as np, onnx
        sage: from onnx import helper, numpy_helper, TensorProto
        sage: from sage_tropnet.importers.onnx_graph import load_onnx
        sage: W = numpy_helper.from_array(np.eye(2, dtype=np.float32), "W")
        sage: g = helper.make_graph([helper.make_node("MatMul", ["x", "W"], ["y"])], "g",
        ....:     [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1r, 2r])],
        ....:     [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1r, 2r])], [W])
        sage: f = tmp_filename(ext=".onnx"); onnx.save(helper.make_model(g), f)
        sage: load_onnx(f)
        ReLU network [2, 2] (output activation: linear)
    """
    source = os.fspath(path)
    try:
        import onnx  # noqa: F401
    except ImportError:
        raise ModelError("reading .onnx files needs the onnx package (pip install onnx)",
                         source)
    return from_onnx(source, digits=digits, max_denominator=max_denominator, source=source)
