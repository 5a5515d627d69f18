r"""
Adapters: network weights from NumPy, PyTorch state dicts, Keras and files

Thin, framework-free functions that turn trained weights into an exact
:class:`~sage_tropnet.network.ReLUNetwork`. Every layer is a pair ``(W, b)``
with ``W`` of shape (out, in) (the PyTorch convention; Keras kernels are
transposed). Nothing framework-specific leaks past this module: PyTorch and
Keras are imported only inside the functions that need them, and only if they
are installed.

Floats become exact rationals through the rationalisation policy of
:mod:`sage_tropnet.rational`: by default the **exact** binary value
(``rationalize="exact"``; a ``float32`` is widened to ``float64`` exactly),
or rounded on request (``digits=k`` or ``max_denominator=d``).

Bad input raises :class:`WeightsError` (a :class:`ValueError`) with a
single-line message naming the file (when known), the key and the layer.
Files are read without unpickling: ``.npz`` archives by
:class:`~sage_tropnet.misc.files.NpzReader` (declared shapes checked against
:data:`~sage_tropnet.misc.files.MAX_ARRAY_ENTRIES` before anything is
allocated; damaged members named by their key) and PyTorch files by
``torch.load(..., weights_only=True)``.

EXAMPLES::

    sage: import numpy as np
    sage: from sage_tropnet.adapters import from_numpy, from_state_dict
    sage: W0 = np.array([[1, 0], [0, 1], [-1, -1]], dtype=np.float64)
    sage: net = from_numpy([(W0, np.zeros(3)), (np.ones((1, 3)), np.zeros(1))]); net
    ReLU network [2, 3, 1] (output activation: linear)
    sage: net([1, 2])
    (3)

A PyTorch-style state dict (here a plain dict of NumPy arrays)::

    sage: sd = {"0.weight": W0, "0.bias": np.zeros(3),
    ....:       "2.weight": np.ones((1, 3)), "2.bias": np.zeros(1)}
    sage: from_state_dict(sd) == net
    True

Errors name the key and the layer::

    sage: del sd["2.bias"]
    sage: from_state_dict(sd)
    Traceback (most recent call last):
    ...
    WeightsError: layer 1 (key '2.bias'): missing bias (found '2.weight' but not '2.bias')

AUTHORS:

- sage_tropnet developers (2026-11): initial version
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
import re
from collections.abc import Mapping

from sage.rings.rational_field import QQ

from sage_tropnet.misc.files import MAX_ARRAY_ENTRIES, FileContentError, NpzReader, read_npy
from sage_tropnet.rational import to_rational_array

OUTPUT_ACTIVATIONS = ('linear', 'relu')
RATIONALIZE_POLICIES = ('exact', 'digits', 'max_denominator')

_WB_KEY = re.compile(r'^([Wb])([0-9]+)$')
_DIGITS = re.compile(r'^[0-9]+$')
_EXPECTED_KEYS = ("expected keys W0, b0, W1, b1, ... or <prefix>.weight and "
                  "<prefix>.bias")


class WeightsError(ValueError):
    r"""
    Invalid network weights: missing keys, bad shapes, non-finite or
    non-numeric entries, pickled content.

    The message is a single line that starts with the file, the layer and the
    key when they are known; they are also available as the attributes
    ``source``, ``layer`` and ``key``.

    INPUT:

    - ``message`` -- string; what is wrong
    - ``source`` -- string (default: ``None``); the file name
    - ``layer`` -- integer (default: ``None``); the layer index, from 0
    - ``key`` -- string (default: ``None``); the offending key

    EXAMPLES::

        sage: from sage_tropnet.adapters import WeightsError
        sage: err = WeightsError("bias has 2 entries", source="net.npz", layer=1, key="b1")
        sage: print(err)
        net.npz: layer 1 (key 'b1'): bias has 2 entries
        sage: isinstance(err, ValueError), err.layer, err.key
        (True, 1, 'b1')
    """

    def __init__(self, message, source=None, layer=None, key=None):
        self.source = source
        self.layer = layer
        self.key = key
        self.detail = message
        where = []
        if source is not None:
            where.append("%s:" % source)
        if layer is not None and key is not None:
            where.append("layer %s (key %r):" % (layer, key))
        elif layer is not None:
            where.append("layer %s:" % layer)
        elif key is not None:
            where.append("key %r:" % key)
        text = " ".join(where + [str(message)])
        ValueError.__init__(self, " ".join(text.split()))


# ---------------------------------------------------------------------------
# rationalisation policy
# ---------------------------------------------------------------------------

def _optional_integer(x, name, least):
    """
    Return ``x`` (``None`` or an integer at least ``least``: Python, Sage or
    NumPy integers) as a Python integer; errors name the argument ``name``.
    """
    import numbers
    if x is None:
        return None
    if isinstance(x, bool) or not isinstance(x, numbers.Integral):
        try:
            ok = not isinstance(x, (bool, str, float)) and x == int(x)
        except (TypeError, ValueError, OverflowError):
            ok = False
        if not ok:
            raise TypeError("%s must be an integer, got %r" % (name, x))
    x = int(x)
    if x < least:
        raise ValueError("%s must be %s integer, got %s"
                         % (name, "a non-negative" if least == 0 else "a positive", x))
    return x


def _policy(rationalize, digits, max_denominator):
    """
    Check the rationalisation arguments; return ``(digits, max_denominator)``.

    TESTS::

        sage: from sage_tropnet.adapters import _policy
        sage: _policy("exact", None, None), _policy("exact", 3, None)
        ((None, None), (3, None))
        sage: _policy("digits", None, None)
        Traceback (most recent call last):
        ...
        ValueError: rationalize='digits' needs digits=k
        sage: _policy("round", None, None)
        Traceback (most recent call last):
        ...
        ValueError: rationalize must be one of ('exact', 'digits', 'max_denominator'), ...
        sage: _policy("exact", "x", None)
        Traceback (most recent call last):
        ...
        TypeError: digits must be an integer, got 'x'
        sage: _policy("exact", None, 0)
        Traceback (most recent call last):
        ...
        ValueError: max_denominator must be a positive integer, got 0
        sage: _policy("exact", Integer(3), None), _policy("exact", 3/1, None)
        ((3, None), (3, None))
    """
    if not isinstance(rationalize, str) or rationalize not in RATIONALIZE_POLICIES:
        raise ValueError("rationalize must be one of %s, got %r"
                         % (RATIONALIZE_POLICIES, rationalize))
    digits = _optional_integer(digits, "digits", 0)
    max_denominator = _optional_integer(max_denominator, "max_denominator", 1)
    if digits is not None and max_denominator is not None:
        raise ValueError("give at most one of digits and max_denominator")
    if rationalize == 'digits' and digits is None:
        raise ValueError("rationalize='digits' needs digits=k")
    if rationalize == 'max_denominator' and max_denominator is None:
        raise ValueError("rationalize='max_denominator' needs max_denominator=d")
    return digits, max_denominator


# ---------------------------------------------------------------------------
# validation
# ---------------------------------------------------------------------------

def _to_numpy(value, source=None, layer=None, key=None):
    """
    Return ``value`` as a NumPy array (tensors via ``.detach().cpu().numpy()``).
    """
    import numpy as np
    if hasattr(value, 'detach') and hasattr(value, 'cpu'):
        t = value.detach().cpu()
        try:
            return t.numpy()
        except (TypeError, RuntimeError):  # bfloat16 has no NumPy dtype
            return t.float().numpy()
    try:
        return np.asarray(value)
    except (ValueError, TypeError) as err:
        raise WeightsError("not a rectangular numeric array (%s)" % err,
                           source, layer, key)


def _check_array(a, ndim, what, source, layer, key):
    """
    Check dtype, dimension, size and finiteness of one weight array.
    """
    import numpy as np
    kind = a.dtype.kind
    if kind == 'O':
        raise WeightsError("object array refused (pickled content is refused; "
                           "expected integers or real floats)", source, layer, key)
    if kind not in 'iuf':
        raise WeightsError("non-numeric dtype %s (expected integers or real floats)"
                           % a.dtype, source, layer, key)
    if a.ndim != ndim:
        raise WeightsError("%s must be a %s-D array%s, got shape %s"
                           % (what, ndim, " (out x in)" if ndim == 2 else "",
                              tuple(a.shape)), source, layer, key)
    if a.size == 0:
        raise WeightsError("empty %s of shape %s" % (what, tuple(a.shape)),
                           source, layer, key)
    if kind == 'f':
        bad = ~np.isfinite(a)
        if bad.any():
            idx = tuple(int(i) for i in np.argwhere(bad)[0])
            pos = idx[0] if len(idx) == 1 else idx
            raise WeightsError("%s entry %s is not finite (%s)" % (what, pos, a[idx]),
                               source, layer, key)


def _network_from_named(named, source, rationalize, digits, max_denominator,
                        output_activation):
    """
    Validate ``named = [(wkey, W, bkey, b), ...]`` and build the network.
    """
    from sage_tropnet.network import ReLUNetwork
    digits, max_denominator = _policy(rationalize, digits, max_denominator)
    if output_activation not in OUTPUT_ACTIVATIONS:
        raise ValueError("output_activation must be 'linear' or 'relu', got %r"
                         % (output_activation,))
    if not named:
        raise WeightsError("no layers found (%s)" % _EXPECTED_KEYS, source)
    arrays = []
    prev = None
    for i, (wkey, W, bkey, b) in enumerate(named):
        W = _to_numpy(W, source, i, wkey)
        b = _to_numpy(b, source, i, bkey)
        _check_array(W, 2, "weight", source, i, wkey)
        _check_array(b, 1, "bias", source, i, bkey)
        if b.shape[0] != W.shape[0]:
            raise WeightsError("bias has %s entries but weight %r has %s rows"
                               % (b.shape[0], wkey, W.shape[0]), source, i, bkey)
        if prev is not None and W.shape[1] != prev[1].shape[0]:
            raise WeightsError("weight has %s columns but layer %s (key %r) has %s rows "
                               "(outputs); shapes %s and %s do not chain"
                               % (W.shape[1], i - 1, prev[0], prev[1].shape[0],
                                  tuple(prev[1].shape), tuple(W.shape)), source, i, wkey)
        prev = (wkey, W)
        arrays.append((W, b))
    layers = [(to_rational_array(W, digits, max_denominator),
               to_rational_array(b, digits, max_denominator)) for W, b in arrays]
    return ReLUNetwork(layers, output_activation=output_activation)


# ---------------------------------------------------------------------------
# key discovery
# ---------------------------------------------------------------------------

def _order_prefixes(prefixes):
    r"""
    Return the layer prefixes in network order.

    The prefixes are the nodes of a module tree (split at dots). Siblings
    whose names are all integers are ordered by value (so ``10`` comes after
    ``2``); other siblings keep the order in which they first appear.

    TESTS::

        sage: from sage_tropnet.adapters import _order_prefixes
        sage: _order_prefixes(["0", "10", "2"])
        ['0', '2', '10']
        sage: _order_prefixes(["layers.10", "layers.0", "layers.2"])
        ['layers.0', 'layers.2', 'layers.10']
        sage: _order_prefixes(["net.fc2", "net.fc1", "net.out"])
        ['net.fc2', 'net.fc1', 'net.out']
        sage: _order_prefixes(["enc.0", "enc.10", "enc.2", "dec.1", "dec.0"])
        ['enc.0', 'enc.2', 'enc.10', 'dec.0', 'dec.1']
    """
    paths = {p: (p.split('.') if p else []) for p in prefixes}
    children = {}
    for path in paths.values():
        for j, name in enumerate(path):
            sib = children.setdefault(tuple(path[:j]), [])
            if name not in sib:
                sib.append(name)
    numeric = {parent: all(_DIGITS.match(s) for s in sib)
               for parent, sib in children.items()}

    def rank(path):
        out = []
        for j, name in enumerate(path):
            parent = tuple(path[:j])
            out.append(int(name) if numeric[parent] else children[parent].index(name))
        return tuple(out)
    return sorted(prefixes, key=lambda p: rank(paths[p]))


def _layer_keys(keys, source=None):
    r"""
    Return the ordered list of ``(weight_key, bias_key)`` pairs.

    Two naming schemes are recognised: ``W0, b0, W1, b1, ...`` and
    ``<prefix>.weight, <prefix>.bias`` (a PyTorch ``state_dict``).

    TESTS::

        sage: from sage_tropnet.adapters import _layer_keys
        sage: _layer_keys(["b1", "W0", "W1", "b0"])
        [('W0', 'b0'), ('W1', 'b1')]
        sage: _layer_keys(["fc.bias", "fc.weight"])
        [('fc.weight', 'fc.bias')]
        sage: _layer_keys(["weight", "bias"])
        [('weight', 'bias')]
        sage: _layer_keys(["W0", "b0", "W2", "b2"], "f.npz")
        Traceback (most recent call last):
        ...
        WeightsError: f.npz: layer 1 (key 'W1'): missing keys 'W1' and 'b1' (layers ...
        sage: _layer_keys(["W0", "b0", "extra"])
        Traceback (most recent call last):
        ...
        WeightsError: key 'extra': unexpected key (expected keys W0, b0, W1, b1, ... or ...
        sage: _layer_keys(["bn.running_mean", "fc.weight", "fc.bias"])
        Traceback (most recent call last):
        ...
        WeightsError: key 'bn.running_mean': unsupported parameter: only fully ...
        sage: _layer_keys([], "f.npz")
        Traceback (most recent call last):
        ...
        WeightsError: f.npz: no layers found (expected keys W0, b0, W1, b1, ... or ...
    """
    keys = [str(k) for k in keys]
    if not keys:
        raise WeightsError("no layers found (%s)" % _EXPECTED_KEYS, source)
    if any(_WB_KEY.match(k) for k in keys):
        found = {'W': {}, 'b': {}}
        for k in keys:
            m = _WB_KEY.match(k)
            if not m:
                raise WeightsError("unexpected key (%s)" % _EXPECTED_KEYS, source, key=k)
            kind, i = m.group(1), int(m.group(2))
            if i in found[kind]:
                raise WeightsError("duplicate key for layer %s (also %r)"
                                   % (i, found[kind][i]), source, i, k)
            found[kind][i] = k
        n = max(list(found['W']) + list(found['b'])) + 1
        pairs = []
        for i in range(n):
            w, b = found['W'].get(i), found['b'].get(i)
            if w is None and b is None:
                raise WeightsError("missing keys 'W%s' and 'b%s' (layers must be numbered "
                                   "0, 1, 2, ... without gaps)" % (i, i), source, i, "W%s" % i)
            if w is None:
                raise WeightsError("missing weight (found %r but not 'W%s')" % (b, i),
                                   source, i, "W%s" % i)
            if b is None:
                raise WeightsError("missing bias (found %r but not 'b%s')" % (w, i),
                                   source, i, "b%s" % i)
            pairs.append((w, b))
        return pairs
    prefixes = []
    params = {}
    for k in keys:
        head, _, tail = k.rpartition('.')
        if tail not in ('weight', 'bias'):
            if k.endswith(('running_mean', 'running_var', 'num_batches_tracked')) or '.' in k:
                raise WeightsError("unsupported parameter: only fully connected "
                                   "(Linear/Dense) layers with <prefix>.weight and "
                                   "<prefix>.bias are supported", source, key=k)
            raise WeightsError("unexpected key (%s)" % _EXPECTED_KEYS, source, key=k)
        if head not in params:
            prefixes.append(head)
            params[head] = {}
        params[head][tail] = k
    pairs = []
    for i, p in enumerate(_order_prefixes(prefixes)):
        dot = p + '.' if p else ''
        if 'weight' not in params[p]:
            raise WeightsError("missing weight (found %r but not %r)"
                               % (params[p]['bias'], dot + 'weight'),
                               source, i, dot + 'weight')
        if 'bias' not in params[p]:
            raise WeightsError("missing bias (found %r but not %r)"
                               % (params[p]['weight'], dot + 'bias'), source, i, dot + 'bias')
        pairs.append((params[p]['weight'], params[p]['bias']))
    return pairs


def _network_from_mapping(get, keys, source, rationalize, digits, max_denominator,
                          output_activation):
    """
    Build a network from keyed arrays; ``get(key, layer)`` returns one array.
    """
    pairs = _layer_keys(keys, source)
    named = [(wk, get(wk, i), bk, get(bk, i)) for i, (wk, bk) in enumerate(pairs)]
    return _network_from_named(named, source, rationalize, digits, max_denominator,
                               output_activation)


# ---------------------------------------------------------------------------
# public adapters
# ---------------------------------------------------------------------------

def from_numpy(layers, rationalize="exact", digits=None, max_denominator=None,
               output_activation="linear", source=None):
    r"""
    Return the exact network with the given NumPy layers.

    INPUT:

    - ``layers`` -- list of pairs ``(W, b)`` of NumPy arrays (or anything
      :func:`numpy.asarray` accepts); ``W`` has shape (out, in) and ``b``
      shape (out,). Entries must be integers or real floats
    - ``rationalize`` -- string (default: ``"exact"``); the rationalisation
      policy: ``"exact"`` keeps the exact binary value of every float (a
      ``float32`` is widened exactly); ``"digits"`` and ``"max_denominator"``
      round, and need the next arguments
    - ``digits`` -- integer (default: ``None``); if given, round every entry
      to this many decimal digits
    - ``max_denominator`` -- integer (default: ``None``); if given, replace
      every entry by the nearest rational with at most this denominator
    - ``output_activation`` -- ``"linear"`` (default) or ``"relu"``
    - ``source`` -- string (default: ``None``); a file name for error messages

    OUTPUT: a :class:`~sage_tropnet.network.ReLUNetwork` (hidden layers ReLU)

    For exact input that NumPy cannot hold (Sage rationals), call
    :class:`~sage_tropnet.network.ReLUNetwork` directly: object arrays are
    refused here.

    EXAMPLES::

        sage: import numpy as np
        sage: from sage_tropnet.adapters import from_numpy
        sage: net = from_numpy([(np.array([[1.5, -2.0]]), np.array([0.25]))],
        ....:                  output_activation="relu"); net
        ReLU network [2, 1] (output activation: relu)
        sage: net.layers()[0][:2]
        ([3/2  -2], (1/4))

    Float32 weights keep their exact binary value unless rounding is asked
    for; the float32 nearest to `0.1` is `13421773/134217728`::

        sage: W = np.array([[0.1]], dtype=np.float32); b = np.zeros(1, dtype=np.float32)
        sage: from_numpy([(W, b)]).layers()[0][0]
        [13421773/134217728]
        sage: from_numpy([(W, b)], digits=3).layers()[0][0]
        [1/10]
        sage: from_numpy([(W, b)], max_denominator=7).layers()[0][0]
        [1/7]
        sage: from_numpy([(np.array([[0.1]]), b)]).layers()[0][0]  # float64
        [3602879701896397/36028797018963968]

    Shapes are checked, and errors name the layer and the key (``W<i>`` and
    ``b<i>`` for a list of layers)::

        sage: from_numpy([(np.ones((3, 2)), np.zeros(3)), (np.ones((1, 4)), np.zeros(1))])
        Traceback (most recent call last):
        ...
        WeightsError: layer 1 (key 'W1'): weight has 4 columns but layer 0 (key 'W0') ...

    REFERENCES:

    - [ZNL2018]_ (exact rational weights for the tropical recursion)

    TESTS::

        sage: from_numpy([(np.ones((2, 2)), np.zeros(3))], source="net.npz")
        Traceback (most recent call last):
        ...
        WeightsError: net.npz: layer 0 (key 'b0'): bias has 3 entries but weight 'W0' ...
        sage: from_numpy([(np.array([[1.0, np.nan]]), np.zeros(1))])
        Traceback (most recent call last):
        ...
        WeightsError: layer 0 (key 'W0'): weight entry (0, 1) is not finite (nan)
        sage: from_numpy([(np.array([["a"]]), np.zeros(1))])
        Traceback (most recent call last):
        ...
        WeightsError: layer 0 (key 'W0'): non-numeric dtype <U1 (expected integers or ...
        sage: from_numpy([(np.ones((1, 1)), np.ones(1, dtype=complex))])
        Traceback (most recent call last):
        ...
        WeightsError: layer 0 (key 'b0'): non-numeric dtype complex128 (expected ...
        sage: from_numpy([(np.ones(2), np.zeros(1))])
        Traceback (most recent call last):
        ...
        WeightsError: layer 0 (key 'W0'): weight must be a 2-D array (out x in), got shape (2,)
        sage: from_numpy([(np.ones((0, 2)), np.zeros(0))])
        Traceback (most recent call last):
        ...
        WeightsError: layer 0 (key 'W0'): empty weight of shape (0, 2)
        sage: from_numpy([])
        Traceback (most recent call last):
        ...
        WeightsError: no layers found (expected keys W0, b0, W1, b1, ... or ...
        sage: from_numpy([(np.ones((1, 1)),)])
        Traceback (most recent call last):
        ...
        WeightsError: layer 0: expected a pair (W, b), got a tuple of length 1
        sage: from_numpy([(np.ones((1, 1)), np.zeros(1))], output_activation="tanh")
        Traceback (most recent call last):
        ...
        ValueError: output_activation must be 'linear' or 'relu', got 'tanh'
        sage: from_numpy([(np.array([[2**60]]), np.zeros(1, dtype=int))]).layers()[0][0]
        [1152921504606846976]
        sage: from_numpy(5)
        Traceback (most recent call last):
        ...
        TypeError: layers must be a list of pairs (W, b) of arrays, got Integer
        sage: from_numpy([(np.ones((1, 1)), np.zeros(1))], digits="x")
        Traceback (most recent call last):
        ...
        TypeError: digits must be an integer, got 'x'
    """
    if isinstance(layers, (str, bytes, Mapping)) or not hasattr(layers, '__iter__'):
        raise TypeError("layers must be a list of pairs (W, b) of arrays, got %s"
                        % type(layers).__name__)
    named = []
    for i, pair in enumerate(layers):
        try:
            W, b = pair
        except (TypeError, ValueError):
            n = len(pair) if hasattr(pair, '__len__') else None
            raise WeightsError("expected a pair (W, b), got %s"
                               % ("a %s of length %s" % (type(pair).__name__, n)
                                  if n is not None else type(pair).__name__),
                               source, i)
        named.append(("W%s" % i, W, "b%s" % i, b))
    return _network_from_named(named, source, rationalize, digits, max_denominator,
                               output_activation)


def from_state_dict(sd, rationalize="exact", digits=None, max_denominator=None,
                    output_activation="linear", source=None):
    r"""
    Return the exact network stored in a PyTorch-style state dict.

    INPUT:

    - ``sd`` -- a mapping from ``"<prefix>.weight"`` and ``"<prefix>.bias"``
      to arrays of shape (out, in) and (out,) (NumPy arrays, PyTorch tensors,
      nested lists); the naming ``W0, b0, W1, b1, ...`` is accepted too
    - ``rationalize``, ``digits``, ``max_denominator``,
      ``output_activation``, ``source`` -- as in :func:`from_numpy`

    OUTPUT: a :class:`~sage_tropnet.network.ReLUNetwork`

    Layers are ordered along the module tree given by the dotted prefixes:
    siblings whose names are all integers are ordered by value (``"10.weight"``
    comes after ``"2.weight"``, as in ``nn.Sequential``, whose indices also
    count the ReLU modules), other siblings (``"fc1"``, ``"out"``) keep the
    order of the mapping. Every weight needs its bias: a missing bias is an
    error naming the expected key, never a silent zero. Tensors are converted
    with ``.detach().cpu().numpy()``; PyTorch itself is not imported.

    EXAMPLES::

        sage: import numpy as np
        sage: from sage_tropnet.adapters import from_state_dict
        sage: sd = {"10.weight": np.array([[1.0, 1.0]]), "10.bias": np.array([0.0]),
        ....:       "2.weight": np.array([[1.0], [-1.0]]), "2.bias": np.array([0.0, 0.0])}
        sage: net = from_state_dict(sd); net
        ReLU network [1, 2, 1] (output activation: linear)
        sage: [net([x])[0] for x in (-2, 3)]
        [2, 3]

    Named submodules keep the order of the mapping::

        sage: sd = {"net.fc1.weight": np.array([[2.0]]), "net.fc1.bias": np.array([-1.0]),
        ....:       "net.out.weight": np.array([[1.0]]), "net.out.bias": np.array([0.5])}
        sage: from_state_dict(sd)([1])
        (3/2)

    REFERENCES:

    - PyTorch documentation of ``nn.Linear`` and ``Module.state_dict``

    TESTS::

        sage: from_state_dict({"0.weight": np.ones((2, 2)), "0.bias": np.zeros(2),
        ....:                  "2.weight": np.ones((1, 2))}, source="m.pt")
        Traceback (most recent call last):
        ...
        WeightsError: m.pt: layer 1 (key '2.bias'): missing bias (found '2.weight' but ...
        sage: from_state_dict({"0.bias": np.zeros(2)})
        Traceback (most recent call last):
        ...
        WeightsError: layer 0 (key '0.weight'): missing weight (found '0.bias' but not ...
        sage: from_state_dict({"0.weight": [[1, 2], [3]], "0.bias": [0, 0]})
        Traceback (most recent call last):
        ...
        WeightsError: layer 0 (key '0.weight'): not a rectangular numeric array (...)
    """
    if not isinstance(sd, Mapping):
        raise TypeError("expected a mapping (state dict), got %s" % type(sd).__name__)
    return _network_from_mapping(lambda k, i: sd[k], list(sd.keys()), source,
                                 rationalize, digits, max_denominator, output_activation)


def _keras_activation(layer):
    """
    Return the name of the activation of a Keras layer, or ``None``.
    """
    act = None
    try:
        act = layer.get_config().get('activation')
    except (AttributeError, TypeError, NotImplementedError):
        pass
    if isinstance(act, Mapping):  # a serialised activation object
        act = act.get('config', {}).get('name') or act.get('class_name')
    if act is None:
        fn = getattr(layer, 'activation', None)
        act = getattr(fn, '__name__', None) if fn is not None else None
    return None if act is None else str(act).lower()


def from_keras(model, rationalize="exact", digits=None, max_denominator=None,
               source=None):
    r"""
    Return the exact network of a Keras model made of ``Dense`` layers.

    INPUT:

    - ``model`` -- a Keras model (``Sequential`` or functional) whose layers
      are ``Dense`` layers (``InputLayer`` is skipped); hidden layers must
      use the ``relu`` activation, the last one ``linear`` (the network's
      output activation is then ``"linear"``) or ``relu``
    - ``rationalize``, ``digits``, ``max_denominator``, ``source`` -- as in
      :func:`from_numpy`

    OUTPUT: a :class:`~sage_tropnet.network.ReLUNetwork`

    Keras kernels have shape (in, out) and are transposed. A layer built with
    ``use_bias=False`` (explicit in its configuration) gets a zero bias. Any
    other layer type, or another activation, is a :class:`ValueError` naming
    the layer. Keras is not imported: the layers are read through
    ``get_config()`` and ``get_weights()``.

    EXAMPLES:

    A stand-in with the Keras interface (the real thing is tested in
    ``tests/test_adapters.py`` when Keras is installed)::

        sage: import numpy as np
        sage: from sage_tropnet.adapters import from_keras
        sage: class Dense:
        ....:     def __init__(self, name, kernel, bias, activation):
        ....:         self.name, self._w, self._act = name, [kernel, bias], activation
        ....:     def get_config(self):
        ....:         return {"name": self.name, "activation": self._act}
        ....:     def get_weights(self):
        ....:         return self._w
        sage: class Model:
        ....:     layers = [Dense("dense", np.array([[1.0, -1.0]]), np.zeros(2), "relu"),
        ....:               Dense("dense_1", np.array([[1.0], [1.0]]), np.zeros(1), "linear")]
        sage: net = from_keras(Model()); net
        ReLU network [1, 2, 1] (output activation: linear)
        sage: net([-3])
        (3)

    REFERENCES:

    - Keras documentation of ``Dense``

    TESTS::

        sage: class Conv2D(Dense): pass
        sage: class Bad:
        ....:     layers = [Conv2D("conv", np.ones((1, 1)), np.zeros(1), "relu")]
        sage: from_keras(Bad())
        Traceback (most recent call last):
        ...
        WeightsError: layer 0 (key 'conv'): unsupported layer type Conv2D (only Dense ...
        sage: class Bad:
        ....:     layers = [Dense("d", np.ones((1, 1)), np.zeros(1), "tanh"),
        ....:               Dense("d1", np.ones((1, 1)), np.zeros(1), "linear")]
        sage: from_keras(Bad())
        Traceback (most recent call last):
        ...
        WeightsError: layer 0 (key 'd'): unsupported activation 'tanh' (hidden Dense ...
    """
    layers = getattr(model, 'layers', None)
    if layers is None:
        raise TypeError("expected a Keras model with a .layers attribute, got %s"
                        % type(model).__name__)
    dense = []
    for layer in layers:
        cls = type(layer).__name__
        if cls == 'InputLayer':
            continue
        name = getattr(layer, 'name', cls)
        if cls != 'Dense':
            raise WeightsError("unsupported layer type %s (only Dense layers are supported)"
                               % cls, source, len(dense), name)
        dense.append((name, layer))
    if not dense:
        raise WeightsError("no Dense layers found", source)
    named = []
    output_activation = 'linear'
    for i, (name, layer) in enumerate(dense):
        act = _keras_activation(layer)
        last = i == len(dense) - 1
        if act not in (('relu', 'linear') if last else ('relu',)):
            raise WeightsError("unsupported activation %r (%s)"
                               % (act, "the last Dense layer must be linear or relu" if last
                                  else "hidden Dense layers must use relu"),
                               source, i, name)
        if last:
            output_activation = act
        weights = list(layer.get_weights())
        kernel = _to_numpy(weights[0], source, i, name + "/kernel") if weights else None
        if kernel is None:
            raise WeightsError("layer has no weights (not built?)", source, i, name)
        if len(weights) == 1:
            cfg = layer.get_config() if hasattr(layer, 'get_config') else {}
            if cfg.get('use_bias', True):
                raise WeightsError("missing bias", source, i, name + "/bias")
            import numpy as np
            bias = np.zeros(kernel.shape[-1], dtype=kernel.dtype if kernel.dtype.kind in 'iuf'
                            else np.float64)
        else:
            bias = weights[1]
        if kernel.ndim == 2:
            kernel = kernel.T
        named.append((name + "/kernel", kernel, name + "/bias", bias))
    return _network_from_named(named, source, rationalize, digits, max_denominator,
                               output_activation)


def _npz_getter(data, source):
    def get(key, layer):
        try:
            return data[key]
        except FileContentError as err:
            raise WeightsError(str(err), source, layer, key)
    return get


def _open_weights_archive(source, ext):
    """
    Return the :class:`~sage_tropnet.misc.files.NpzReader` of a ``.npz``
    file (or of a ``.npz`` archive named ``.npy``), with clear errors.
    """
    try:
        return NpzReader(source)
    except FileContentError as err:
        if ext == '.npy' and str(err).endswith("a NumPy .npy file"):
            try:
                shape = read_npy(source).shape
            except FileContentError as err2:
                raise WeightsError(str(err2), source)
            raise WeightsError("a .npy file holds a single array of shape %s, not a network "
                               "(save the layers with numpy.savez as W0, b0, W1, b1, ...)"
                               % (tuple(shape),), source)
        raise WeightsError(str(err), source)


def load_network(path, rationalize="exact", digits=None, max_denominator=None,
                 output_activation="linear"):
    r"""
    Return the exact network stored in a weights file.

    INPUT:

    - ``path`` -- string or path; the file:

      - ``.npz`` with keys ``W0, b0, W1, b1, ...`` (``W<i>`` of shape
        (out, in)) or PyTorch-style keys ``<prefix>.weight``,
        ``<prefix>.bias`` (see :func:`from_state_dict`); read by
        :class:`~sage_tropnet.misc.files.NpzReader`: object arrays and
        pickles are refused, every array may declare at most
        :data:`~sage_tropnet.misc.files.MAX_ARRAY_ENTRIES` entries (checked
        before it is read), a damaged member (bad CRC, broken deflate
        stream) is an error naming its key;
      - ``.pt`` or ``.pth``: a state dict saved by ``torch.save``, read with
        ``torch.load(path, weights_only=True)`` (needs PyTorch);
      - ``.npy`` is refused (a single array is not a network)
      - ``.onnx`` (needs ``onnx``) or a TorchScript archive ``.pt``, ``.pth``,
        ``.ts`` (``torch.jit.save``; needs PyTorch): a whole model, read by
        :func:`~sage_tropnet.importers.load_model` (its output activation
        is the model's own; ``output_activation`` is ignored)

    - ``rationalize``, ``digits``, ``max_denominator``,
      ``output_activation`` -- as in :func:`from_numpy`

    OUTPUT: a :class:`~sage_tropnet.network.ReLUNetwork`

    Errors are :class:`WeightsError` (a :class:`ValueError`) whose message
    starts with the file name; a missing file raises :class:`OSError`.

    EXAMPLES::

        sage: import numpy as np
        sage: from sage_tropnet.adapters import load_network
        sage: f = tmp_filename(ext=".npz")
        sage: np.savez(f, W0=np.array([[1., 0.], [0., 1.], [-1., -1.]]), b0=np.zeros(3),
        ....:          W1=np.ones((1, 3)), b1=np.zeros(1))
        sage: net = load_network(f); net
        ReLU network [2, 3, 1] (output activation: linear)
        sage: net.tropicalize().monomial_count()
        [(6, 1)]

    A PyTorch-style state dict saved with NumPy::

        sage: g = tmp_filename(ext=".npz")
        sage: np.savez(g, **{"0.weight": np.array([[1., 0.], [0., 1.], [-1., -1.]]),
        ....:                "0.bias": np.zeros(3), "2.weight": np.ones((1, 3)),
        ....:                "2.bias": np.zeros(1)})
        sage: load_network(g) == net
        True

    REFERENCES:

    - NumPy documentation of ``numpy.savez`` and ``numpy.load``
    - PyTorch documentation of ``torch.load`` (``weights_only``)

    TESTS::

        sage: np.savez(f, W0=np.ones((3, 2)), b0=np.zeros(3), W1=np.ones((1, 3)))
        sage: load_network(f)
        Traceback (most recent call last):
        ...
        WeightsError: ...npz: layer 1 (key 'b1'): missing bias (found 'W1' but not 'b1')
        sage: np.savez(f, W0=np.array([[1, "x"]], dtype=object), b0=np.zeros(1))
        sage: load_network(f)
        Traceback (most recent call last):
        ...
        WeightsError: ...npz: layer 0 (key 'W0'): pickled content is refused (object array)
        sage: h = tmp_filename(ext=".npy")
        sage: np.save(h, np.ones((2, 2)))
        sage: load_network(h)
        Traceback (most recent call last):
        ...
        WeightsError: ...npy: a .npy file holds a single array of shape (2, 2), not a ...
        sage: load_network(tmp_filename(ext=".txt"))
        Traceback (most recent call last):
        ...
        WeightsError: ...txt: unsupported file type '.txt' (expected .npz, .pt, .pth or .onnx)
        sage: _ = open(h, "wb").write(b"\x00\x01 random bytes")
        sage: load_network(h)
        Traceback (most recent call last):
        ...
        WeightsError: ...npy: not a NumPy .npz archive: found binary data (15 bytes, ...)
        sage: load_network(f, digits="x")
        Traceback (most recent call last):
        ...
        TypeError: digits must be an integer, got 'x'

    A damaged archive names the key::

        sage: np.savez(f, W0=np.ones((3, 2)), b0=np.zeros(3))
        sage: data = bytearray(open(f, "rb").read())
        sage: i = data.index(b"W0.npy") + 200
        sage: data[i:i + 8] = bytes(8)
        sage: _ = open(f, "wb").write(data)
        sage: load_network(f)
        Traceback (most recent call last):
        ...
        WeightsError: ...npz: layer 0 (key 'W0'): damaged archive member (Bad CRC-32 ...)
    """
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError("path must be a string or a path, got %s" % type(path).__name__)
    source = os.fspath(path)
    ext = os.path.splitext(source)[1].lower()
    _policy(rationalize, digits, max_denominator)
    if output_activation not in OUTPUT_ACTIVATIONS:
        raise ValueError("output_activation must be 'linear' or 'relu', got %r"
                         % (output_activation,))
    opts = dict(rationalize=rationalize, digits=digits, max_denominator=max_denominator,
                output_activation=output_activation)
    if ext in ('.npz', '.npy'):
        data = _open_weights_archive(source, ext)
        with data:
            return _network_from_mapping(_npz_getter(data, source), list(data.files),
                                         source, **opts)
    from sage_tropnet.importers import is_model_file, load_model, ModelError
    if is_model_file(source):   # .onnx, TorchScript: whole models (sage_tropnet.importers)
        try:
            return load_model(source, digits=digits, max_denominator=max_denominator)
        except ModelError as err:
            raise WeightsError(err.detail, source, err.position, err.name)
    if ext in ('.pt', '.pth'):
        try:
            import torch
        except ImportError:
            raise WeightsError("reading %s files needs PyTorch (pip install torch); "
                               "or save the state dict with numpy.savez as .npz" % ext,
                               source)
        import pickle
        try:
            obj = torch.load(source, map_location='cpu', weights_only=True)
        except pickle.UnpicklingError as err:
            msg = str(err).splitlines()[0] if str(err) else type(err).__name__
            raise WeightsError("pickled content is refused: torch.load(weights_only=True) "
                               "failed; save model.state_dict(), not the model (%s)"
                               % msg, source)
        except (RuntimeError, EOFError) as err:
            msg = str(err).splitlines()[0] if str(err) else type(err).__name__
            raise WeightsError("could not read the PyTorch file (%s)" % msg, source)
        if isinstance(obj, Mapping):
            for k in ('state_dict', 'model_state_dict'):
                if isinstance(obj.get(k), Mapping):
                    obj = obj[k]
                    break
            return from_state_dict(obj, source=source, **opts)
        raise WeightsError("expected a state dict (a mapping of tensors), got %s"
                           % type(obj).__name__, source)
    raise WeightsError("unsupported file type %r (expected .npz, .pt, .pth or .onnx)" % ext,
                       source)
