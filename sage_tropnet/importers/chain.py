r"""
Exact affine chains: the common back end of the model importers

A model made of affine operations (fully connected, convolution, average
pooling, batch normalisation in inference mode, flattening) and
piecewise-linear activations (ReLU, leaky ReLU, max pooling) is an exact
:class:`~sage_tropnet.network.ReLUNetwork`: consecutive affine operations
are composed exactly over `\QQ`, every activation closes a layer, and a
max pooling becomes a maxout layer whose units are the pooling windows (the
rows of a window are consecutive; a window cut by the padding repeats one
of its entries, which does not change the maximum). Tensors are flattened
in C order (the order of ``numpy.reshape`` and ``torch.flatten``), the batch
dimension left out.

:class:`ChainBuilder` does the bookkeeping; the functions
:func:`linear_matrix`, :func:`conv_matrix`, :func:`avgpool_matrix`,
:func:`maxpool_windows` unroll the operations into exact matrices (PyTorch
semantics; ONNX uses the same). The importers of
:mod:`sage_tropnet.importers.pytorch` and
:mod:`sage_tropnet.importers.onnx_graph` only read the frameworks' objects.

EXAMPLES::

    sage: import numpy as np
    sage: from sage_tropnet.importers.chain import ChainBuilder
    sage: B = ChainBuilder((1, 3, 3))
    sage: B.conv(np.ones((2, 1, 2, 2)), np.array([0.0, -1.0]), stride=(1, 1),
    ....:        padding=((0, 0), (0, 0)))
    sage: B.shape
    (2, 2, 2)
    sage: B.activation('relu'); B.maxpool((2, 2), (2, 2), ((0, 0), (0, 0)))
    sage: B.flatten(); B.linear(np.array([[1.0, -1.0]]), np.zeros(1))
    sage: net = B.network(); net
    maxout(4), relu network [9, 8, 2, 1] (output activation: linear)
    sage: net(list(range(9)))
    (1)

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

import itertools
import math

import numpy as np

from sage.rings.rational_field import QQ
from sage.matrix.constructor import matrix
from sage.matrix.special import identity_matrix
from sage.modules.free_module_element import vector

from sage_tropnet.rational import to_rational
from sage_tropnet.network import ReLUNetwork


class ModelError(ValueError):
    r"""
    A model that cannot be imported: an unsupported module or operator, or a
    shape that does not chain. The message is one line naming the file (when
    known) and the position and name of the layer.

    Attributes: ``source``, ``position``, ``name`` (``None`` when unknown),
    ``detail``.

    EXAMPLES::

        sage: from sage_tropnet.importers.chain import ModelError
        sage: print(ModelError("unsupported module Tanh", source="m.pt", position=2, name="2"))
        m.pt: position 2 ('2'): unsupported module Tanh
    """

    def __init__(self, message, source=None, position=None, name=None):
        self.source, self.position, self.name, self.detail = source, position, name, message
        where = []
        if source is not None:
            where.append("%s:" % source)
        if position is not None:
            where.append("position %s%s:" % (position, "" if name is None else " (%r)" % (name,)))
        ValueError.__init__(self, " ".join(" ".join(where + [str(message)]).split()))


class _Rationals:
    r"""
    Exact values of float arrays (cached per value: kernels repeat).
    """

    def __init__(self, digits=None, max_denominator=None):
        self.digits, self.max_denominator = digits, max_denominator
        self.cache = {}

    def __call__(self, x):
        x = float(x)
        q = self.cache.get(x)
        if q is None:
            if not math.isfinite(x):
                raise ValueError("a weight is not finite (%r)" % x)
            q = to_rational(x, digits=self.digits, max_denominator=self.max_denominator)
            self.cache[x] = q
        return q


def _pairs(padding, d):
    if padding is None:
        return ((0, 0),) * d
    out = []
    for p in padding:
        if isinstance(p, (tuple, list)):
            out.append((int(p[0]), int(p[1])))
        else:
            out.append((int(p), int(p)))
    if len(out) != d:
        raise ValueError("padding for %s dimensions, the tensor has %s" % (len(out), d))
    return tuple(out)


def _tuple(x, d, name):
    if isinstance(x, (tuple, list)):
        t = tuple(int(a) for a in x)
    else:
        t = (int(x),) * d
    if len(t) == 1 and d > 1:
        t = t * d
    if len(t) != d:
        raise ValueError("%s has %s entries for %s spatial dimensions" % (name, len(t), d))
    return t


def pool_output_size(L, k, s, pad, d=1, ceil_mode=False):
    r"""
    Return the output length of a pooling or convolution window of size
    ``k``, stride ``s``, padding ``pad = (begin, end)`` and dilation ``d`` on
    an input of length ``L`` (PyTorch's rule, also for ``ceil_mode``: the last
    window must start inside the input or the left padding).

    EXAMPLES::

        sage: from sage_tropnet.importers.chain import pool_output_size
        sage: pool_output_size(5, 2, 2, (0, 0)), pool_output_size(5, 2, 2, (0, 0), ceil_mode=True)
        (2, 3)
    """
    span = L + pad[0] + pad[1] - d * (k - 1) - 1
    if span < 0:
        raise ValueError("the window (size %s, dilation %s) is larger than the padded input "
                         "(%s)" % (k, d, L + pad[0] + pad[1]))
    out = (-(-span // s) if ceil_mode else span // s) + 1
    if ceil_mode and (out - 1) * s >= L + pad[0]:
        out -= 1
    return out


def _index(shape):
    return np.arange(int(np.prod(shape))).reshape(shape)


def linear_matrix(W, shape):
    r"""
    Return the exact matrix of ``x -> x @ W.T`` applied along the last axis
    of a tensor of ``shape`` (an array ``W`` of shape (out, in)), and the new
    shape, as ``(entries, rows, cols, new shape)`` with ``entries`` a list of
    ``(row, col, float value)``.

    EXAMPLES::

        sage: import numpy as np
        sage: from sage_tropnet.importers.chain import linear_matrix
        sage: linear_matrix(np.array([[1.0, 2.0]]), (2, 2))[1:]
        (2, 4, (2, 1))
    """
    W = np.asarray(W, dtype=float)
    out, inn = W.shape
    if shape[-1] != inn:
        raise ValueError("a linear map with %s inputs applied to a tensor of shape %s"
                         % (inn, tuple(shape)))
    prefix = int(np.prod(shape[:-1]))
    entries = []
    for p in range(prefix):
        for i in range(out):
            for j in range(inn):
                if W[i, j]:
                    entries.append((p * out + i, p * inn + j, W[i, j]))
    return entries, prefix * out, prefix * inn, tuple(shape[:-1]) + (out,)


def conv_matrix(weight, shape, stride, padding, dilation=None, groups=1):
    r"""
    Return the unrolled convolution (cross-correlation, as PyTorch and ONNX)
    of a tensor of ``shape`` `(C, L_1, \dots, L_d)` by ``weight`` of shape
    `(C_{out}, C / g, k_1, \dots, k_d)`: ``(entries, rows, cols, new shape)``
    as :func:`linear_matrix` (zero padding).

    EXAMPLES::

        sage: import numpy as np
        sage: from sage_tropnet.importers.chain import conv_matrix
        sage: E, m, n, s = conv_matrix(np.array([[[1.0, -1.0]]]), (1, 3), (1,), ((0, 0),))
        sage: sorted(E), s
        ([(0, 0, 1.0), (0, 1, -1.0), (1, 1, 1.0), (1, 2, -1.0)], (1, 2))
    """
    weight = np.asarray(weight, dtype=float)
    C = shape[0]
    sp = tuple(shape[1:])
    d = len(sp)
    cout = weight.shape[0]
    cg = weight.shape[1]
    ks = tuple(weight.shape[2:])
    if len(ks) != d:
        raise ValueError("a %s-D kernel on a tensor of shape %s" % (len(ks), tuple(shape)))
    if C != cg * groups:
        raise ValueError("the kernel expects %s input channels, the tensor has %s"
                         % (cg * groups, C))
    if cout % groups:
        raise ValueError("%s output channels are not divisible into %s groups" % (cout, groups))
    stride = _tuple(stride, d, "stride")
    dilation = _tuple(1 if dilation is None else dilation, d, "dilation")
    pads = _pairs(padding, d)
    outs = tuple(pool_output_size(sp[i], ks[i], stride[i], pads[i], dilation[i])
                 for i in range(d))
    inidx = _index(shape)
    outidx = _index((cout,) + outs)
    per = cout // groups
    entries = []
    for co in range(cout):
        g = co // per
        for pos in itertools.product(*[range(o) for o in outs]):
            row = outidx[(co,) + pos]
            for ci in range(cg):
                c = g * cg + ci
                for kk in itertools.product(*[range(k) for k in ks]):
                    w = weight[(co, ci) + kk]
                    if not w:
                        continue
                    src = []
                    for i in range(d):
                        x = pos[i] * stride[i] - pads[i][0] + kk[i] * dilation[i]
                        if x < 0 or x >= sp[i]:
                            break
                        src.append(x)
                    else:
                        entries.append((row, inidx[(c,) + tuple(src)], w))
    return entries, int(outidx.size), int(inidx.size), (cout,) + outs


def avgpool_matrix(shape, kernel, stride, padding, ceil_mode=False, count_include_pad=True,
                   divisor_override=None):
    r"""
    Return the unrolled average pooling of a tensor of ``shape``
    `(C, L_1, \dots, L_d)` (PyTorch semantics), as exact entries
    ``(row, col, divisor)`` (the weight is ``1/divisor``), the sizes and the
    new shape.

    EXAMPLES::

        sage: from sage_tropnet.importers.chain import avgpool_matrix
        sage: E, m, n, s = avgpool_matrix((1, 4), (2,), (2,), ((0, 0),)); E, s
        ([(0, 0, 2), (0, 1, 2), (1, 2, 2), (1, 3, 2)], (1, 2))
    """
    C = shape[0]
    sp = tuple(shape[1:])
    d = len(sp)
    ks = _tuple(kernel, d, "kernel size")
    stride = _tuple(ks if stride is None else stride, d, "stride")
    pads = _pairs(padding, d)
    outs = tuple(pool_output_size(sp[i], ks[i], stride[i], pads[i], 1, ceil_mode)
                 for i in range(d))
    inidx = _index(shape)
    outidx = _index((C,) + outs)
    entries = []
    for pos in itertools.product(*[range(o) for o in outs]):
        ranges, size = [], 1
        for i in range(d):
            start = pos[i] * stride[i] - pads[i][0]
            end = min(start + ks[i], sp[i] + pads[i][1])
            size *= end - start
            ranges.append(range(max(start, 0), min(end, sp[i])))
        cells = list(itertools.product(*ranges))
        if divisor_override:
            div = int(divisor_override)
        elif count_include_pad:
            div = size
        else:
            div = len(cells)
        for c in range(C):
            row = outidx[(c,) + pos]
            for cell in cells:
                entries.append((row, inidx[(c,) + cell], div))
    return entries, int(outidx.size), int(inidx.size), (C,) + outs


def maxpool_windows(shape, kernel, stride, padding, dilation=None, ceil_mode=False):
    r"""
    Return the windows of a max pooling of a tensor of ``shape``
    `(C, L_1, \dots, L_d)`: a list of lists of input indices (one per
    output, in C order; all of length `k_1 \cdots k_d`, a window cut by the
    padding repeating its first entry), and the new shape.

    EXAMPLES::

        sage: from sage_tropnet.importers.chain import maxpool_windows
        sage: maxpool_windows((1, 5), (2,), (2,), ((0, 0),), ceil_mode=True)
        ([[0, 1], [2, 3], [4, 4]], (1, 3))
    """
    C = shape[0]
    sp = tuple(shape[1:])
    d = len(sp)
    ks = _tuple(kernel, d, "kernel size")
    stride = _tuple(ks if stride is None else stride, d, "stride")
    dil = _tuple(1 if dilation is None else dilation, d, "dilation")
    pads = _pairs(padding, d)
    outs = tuple(pool_output_size(sp[i], ks[i], stride[i], pads[i], dil[i], ceil_mode)
                 for i in range(d))
    inidx = _index(shape)
    k = int(np.prod(ks))
    windows = []
    for c in range(C):
        for pos in itertools.product(*[range(o) for o in outs]):
            win = []
            for kk in itertools.product(*[range(a) for a in ks]):
                src = []
                for i in range(d):
                    x = pos[i] * stride[i] - pads[i][0] + kk[i] * dil[i]
                    if x < 0 or x >= sp[i]:
                        break
                    src.append(x)
                else:
                    win.append(int(inidx[(c,) + tuple(src)]))
            if not win:
                raise ValueError("a pooling window lies in the padding only")
            windows.append(win + [win[0]] * (k - len(win)))
    return windows, (C,) + outs


class ChainBuilder:
    r"""
    Build an exact network from a chain of affine operations and
    piecewise-linear activations (see the module documentation).

    INPUT:

    - ``input_shape`` -- the shape of one input (without the batch
      dimension), e.g. ``(784,)`` or ``(1, 28, 28)``
    - ``digits``, ``max_denominator`` -- the rounding of the weights (see
      :func:`~sage_tropnet.rational.to_rational`; default: exact binary
      values)

    The methods :meth:`linear`, :meth:`conv`, :meth:`avgpool`,
    :meth:`batchnorm`, :meth:`affine`, :meth:`flatten`, :meth:`reshape`,
    :meth:`activation`, :meth:`maxpool` apply one operation;
    :meth:`network` returns the result.

    EXAMPLES::

        sage: import numpy as np
        sage: from sage_tropnet.importers.chain import ChainBuilder
        sage: B = ChainBuilder((2,))
        sage: B.linear(np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([0.0, 0.5]))
        sage: B.linear(np.array([[2.0, 0.0], [0.0, 2.0]]), None)
        sage: B.activation('relu')
        sage: B.network()
        ReLU network [2, 2] (output activation: relu)
        sage: B.network().layers()[0][:2]
        (
        [2 0]
        [0 2], (0, 1)
        )
    """

    def __init__(self, input_shape, digits=None, max_denominator=None):
        self.shape = tuple(int(a) for a in input_shape)
        if not self.shape or any(a < 1 for a in self.shape):
            raise ValueError("invalid input shape %s" % (self.shape,))
        self.input_dimension = int(np.prod(self.shape))
        self.q = _Rationals(digits, max_denominator)
        self.pending = None        # (A, c): the affine map since the last activation
        self.layers = []           # (W, b, activation)
        self.last = None           # the kind of the last operation

    def size(self):
        r"""
        Return the number of entries of the current tensor.

        EXAMPLES::

            sage: from sage_tropnet.importers.chain import ChainBuilder
            sage: ChainBuilder((3, 4)).size()
            12
        """
        return int(np.prod(self.shape))

    def affine(self, A, c, shape):
        r"""
        Apply the exact affine map `x \mapsto A x + c` (Sage matrix and
        vector over `\QQ`) and set the new shape.

        EXAMPLES::

            sage: from sage_tropnet.importers.chain import ChainBuilder
            sage: B = ChainBuilder((1,)); B.affine(matrix(QQ, [[2]]), vector(QQ, [1]), (1,))
            sage: B.network()([3])
            (7)
        """
        if A.ncols() != self.size():
            raise ValueError("an affine map with %s inputs applied to a tensor of shape %s"
                             % (A.ncols(), self.shape))
        if self.pending is None:
            self.pending = (A, c)
        else:
            P, d = self.pending
            self.pending = (A * P, A * d + c)
        self.shape = tuple(int(a) for a in shape)
        self.last = 'affine'

    def _from_entries(self, entries, m, n, shape, bias=None, inverse=False):
        data = {}
        for i, j, w in entries:
            data[(int(i), int(j))] = QQ(1) / int(w) if inverse else self.q(w)
        A = matrix(QQ, m, n, data)
        c = vector(QQ, m) if bias is None else bias
        self.affine(A, c, shape)

    def _bias(self, b, shape, per_channel):
        r"""
        Return the exact bias vector of ``shape`` from ``b`` (one entry per
        channel if ``per_channel``, else per entry of the last axis).
        """
        if b is None:
            return vector(QQ, int(np.prod(shape)))
        b = [self.q(x) for x in np.asarray(b, dtype=float).ravel()]
        if per_channel:
            rep = int(np.prod(shape[1:]))
            return vector(QQ, [x for x in b for _ in range(rep)])
        return vector(QQ, b * int(np.prod(shape[:-1])))

    def linear(self, W, b):
        r"""
        Apply ``x @ W.T + b`` along the last axis (``W`` of shape (out, in)).

        EXAMPLES::

            sage: import numpy as np
            sage: from sage_tropnet.importers.chain import ChainBuilder
            sage: B = ChainBuilder((2,)); B.linear(np.array([[1.0, 1.0]]), np.array([0.25]))
            sage: B.network()([1, 2])
            (13/4)
        """
        entries, m, n, shape = linear_matrix(W, self.shape)
        self._from_entries(entries, m, n, shape, self._bias(b, shape, False))

    def conv(self, weight, bias, stride, padding, dilation=None, groups=1):
        r"""
        Apply a convolution (see :func:`conv_matrix`) and its bias (one per
        output channel).

        EXAMPLES::

            sage: import numpy as np
            sage: from sage_tropnet.importers.chain import ChainBuilder
            sage: B = ChainBuilder((1, 3))
            sage: B.conv(np.array([[[1.0, 1.0]]]), np.array([0.5]), (1,), ((0, 0),))
            sage: B.network()([1, 2, 3])
            (7/2, 11/2)
        """
        entries, m, n, shape = conv_matrix(weight, self.shape, stride, padding, dilation,
                                           groups)
        self._from_entries(entries, m, n, shape, self._bias(bias, shape, True))

    def avgpool(self, kernel, stride, padding, ceil_mode=False, count_include_pad=True,
                divisor_override=None):
        r"""
        Apply an average pooling (see :func:`avgpool_matrix`), exactly.

        EXAMPLES::

            sage: from sage_tropnet.importers.chain import ChainBuilder
            sage: B = ChainBuilder((1, 3)); B.avgpool((3,), (1,), ((1, 1),))
            sage: B.network()([3, 6, 9])
            (3, 6, 5)
        """
        entries, m, n, shape = avgpool_matrix(self.shape, kernel, stride, padding, ceil_mode,
                                              count_include_pad, divisor_override)
        self._from_entries(entries, m, n, shape, None, inverse=True)

    def batchnorm(self, mean, var, eps, weight=None, bias=None):
        r"""
        Apply a batch normalisation in inference mode, folded into an affine
        map: `y = \gamma (x - \mu) / \sqrt{\sigma^2 + \varepsilon} + \beta`
        per channel (axis 0 of the tensor). The scale
        `\gamma / \sqrt{\sigma^2 + \varepsilon}` is computed in double
        precision and taken exactly (the only rounding of an import).

        EXAMPLES::

            sage: import numpy as np
            sage: from sage_tropnet.importers.chain import ChainBuilder
            sage: B = ChainBuilder((2,))
            sage: B.batchnorm(np.array([1.0, 0.0]), np.array([4.0, 0.25]), 0.0,
            ....:             np.array([1.0, 1.0]), np.array([0.0, 1.0]))
            sage: B.network()([5, 1])
            (2, 3)
        """
        mean = np.asarray(mean, dtype=np.float64).ravel()
        var = np.asarray(var, dtype=np.float64).ravel()
        C = self.shape[0]
        if len(mean) != C or len(var) != C:
            raise ValueError("batch normalisation of %s channels on a tensor of shape %s"
                             % (len(mean), self.shape))
        gamma = np.ones(C) if weight is None else np.asarray(weight, dtype=np.float64).ravel()
        beta = np.zeros(C) if bias is None else np.asarray(bias, dtype=np.float64).ravel()
        scale = gamma / np.sqrt(var + float(eps))
        shift = beta - mean * scale
        rep = self.size() // C
        s = [self.q(a) for a in scale]
        t = [self.q(a) for a in shift]
        n = self.size()
        A = matrix(QQ, n, n, {(i, i): s[i // rep] for i in range(n)})
        self.affine(A, vector(QQ, [t[i // rep] for i in range(n)]), self.shape)

    def flatten(self, start=0, end=-1):
        r"""
        Flatten the axes ``start`` to ``end`` of the tensor (without the batch
        axis); nothing changes in the flattened vector (C order).

        EXAMPLES::

            sage: from sage_tropnet.importers.chain import ChainBuilder
            sage: B = ChainBuilder((2, 3, 4)); B.flatten(); B.shape
            (24,)
            sage: B = ChainBuilder((2, 3, 4)); B.flatten(1); B.shape
            (2, 12)
        """
        d = len(self.shape)
        start = start % d
        end = end % d
        if end < start:
            return
        self.shape = self.shape[:start] + (int(np.prod(self.shape[start:end + 1])),) + \
            self.shape[end + 1:]

    def reshape(self, shape):
        r"""
        Reshape the tensor (C order; the number of entries must not change).

        EXAMPLES::

            sage: from sage_tropnet.importers.chain import ChainBuilder
            sage: B = ChainBuilder((6,)); B.reshape((2, 3)); B.shape
            (2, 3)
        """
        shape = tuple(int(a) for a in shape)
        if int(np.prod(shape)) != self.size():
            raise ValueError("cannot reshape a tensor of shape %s to %s" % (self.shape, shape))
        self.shape = shape

    def _close(self, W, b, act):
        self.layers.append((W, b, act))
        self.pending = None

    def _pending_or_identity(self):
        if self.pending is not None:
            return self.pending
        n = self.size()
        return identity_matrix(QQ, n), vector(QQ, n)

    def activation(self, act):
        r"""
        Apply an activation unit by unit: ``'relu'`` or ``('leaky_relu', alpha)``
        (a float slope is taken exactly).

        EXAMPLES::

            sage: from sage_tropnet.importers.chain import ChainBuilder
            sage: B = ChainBuilder((1,)); B.activation(('leaky_relu', 0.25))
            sage: B.network()([-4])
            (-1)
        """
        if isinstance(act, tuple) and act[0] == 'leaky_relu':
            act = ('leaky_relu', self.q(act[1]))
        A, c = self._pending_or_identity()
        self._close(A, c, act)
        self.last = 'activation'

    def maxpool(self, kernel, stride, padding, dilation=None, ceil_mode=False):
        r"""
        Apply a max pooling (see :func:`maxpool_windows`) as a maxout layer.

        EXAMPLES::

            sage: from sage_tropnet.importers.chain import ChainBuilder
            sage: B = ChainBuilder((1, 4)); B.maxpool((2,), (1,), ((0, 0),))
            sage: B.network()([1, 5, 2, 0])
            (5, 5, 2)
        """
        windows, shape = maxpool_windows(self.shape, kernel, stride, padding, dilation,
                                         ceil_mode)
        k = len(windows[0])
        A, c = self._pending_or_identity()
        rows = [i for w in windows for i in w]
        self._close(A.matrix_from_rows(rows), vector(QQ, [c[i] for i in rows]),
                    ('maxout', k))
        self.shape = shape
        self.last = 'activation'

    def network(self):
        r"""
        Return the exact network (the output activation is ReLU if the chain
        ends with a ReLU, else linear).

        EXAMPLES::

            sage: import numpy as np
            sage: from sage_tropnet.importers.chain import ChainBuilder
            sage: B = ChainBuilder((1, 2)); B.maxpool((2,), (2,), ((0, 0),))
            sage: B.network()
            maxout(2) network [2, 1, 1] (output activation: linear)
            sage: ChainBuilder((2,)).network()
            ReLU network [2, 2] (output activation: linear)
        """
        layers = list(self.layers)
        if self.pending is not None or not layers:
            A, c = self._pending_or_identity()
            layers.append((A, c, 'linear'))
        elif layers[-1][2] != 'relu':
            n = layers[-1][0].nrows() // _rows_per_unit(layers[-1][2])
            layers.append((identity_matrix(QQ, n), vector(QQ, n), 'linear'))
        return ReLUNetwork([(W, b) for W, b, _ in layers],
                           activations=[a for _, _, a in layers])


def _rows_per_unit(act):
    return act[1] if isinstance(act, tuple) and act[0] == 'maxout' else 1
