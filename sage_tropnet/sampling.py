r"""
Sampling estimates of the number of linear regions

The numerical counterpart of the exact counters of
:mod:`sage_tropnet.regions` ([LWCBM2024]_ §5.2; the conventions that change
the estimate are listed in :ref:`reproducing-estimator`):
sample points uniformly in the box `[-R, R]^n` (or the Euclidean ball of
radius `R`), read off the activation pattern of every point in vectorised
double precision, and count

- ``method="pattern"``: distinct activation patterns (activation regions met
  by the sample, [HR2019]_);
- ``method="jacobian"``: distinct affine maps of the chosen output. Every map
  is computed **exactly** over `\QQ` from the pattern and the exact weights
  (:func:`exact_jacobian`), so, unlike the paper's code, nothing is rounded
  to 10 decimals. With ``key="gradient"`` only the gradients are compared (what
  the paper counts); with ``key="affine"`` (default) the gradient and the
  constant. With ``midpoint=True`` two cells with the same map are glued only
  when an exact midpoint test says they form one piece, which separates
  disconnected pieces of one map (the de-duplication of the later version of
  the paper's code, but in exact arithmetic).

Every result is an *estimate*: a sample can only meet regions that exist, so
(up to the midpoint heuristic, see :func:`estimate_linear_regions`) the count
is a lower bound of the exact count inside the same domain, which it reaches
when the sample is large enough. Results are labelled
``mode = "float-sampling"``.

The patterns themselves are certified: the float forward pass carries a
rigorous bound on its rounding error, the rare points whose pattern is not
decided by it are redone in exact arithmetic, and points lying exactly on a
boundary are dropped.

EXAMPLES::

    sage: from sage_tropnet.network import random_network
    sage: from sage_tropnet.sampling import estimate_linear_regions
    sage: from sage_tropnet.regions import count_linear_regions
    sage: net = random_network([2, 3, 1], seed=1)
    sage: est = estimate_linear_regions(net, radius=5, samples=5000, seed=0, midpoint=True)
    sage: est
    Sampling estimate: 7 linear regions (jacobian, key=affine, midpoint; 5000 samples
    in the box [-5, 5]^2; float-sampling)
    sage: est["estimate"], count_linear_regions(net, box=5)
    (7, 7)

AUTHORS:

- sage_tropnet developers (2026-11): initial version

REFERENCES:

- [LWCBM2024]_ §5.2 (numerical estimates of the number of linear regions)
- [HR2019]_ (activation regions; counting them by sampling)
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

import time
import weakref

import numpy as np

from sage.rings.rational_field import QQ
from sage.matrix.constructor import matrix
from sage.modules.free_module_element import vector

from sage_tropnet.misc.inputs import as_seed
from sage_tropnet.layers import activation

#: relative threshold of the ambiguity test: a pre-activation ``z`` is
#: ambiguous when ``|z| <= TOL_REL * scale`` (``scale = |W||h| + |b|``) or
#: when it is within twice the rigorous rounding-error bound
TOL_REL = 1e-12

#: number of points sampled per vectorised chunk
CHUNK = 16384

#: number of sample points kept per activation pattern for the midpoint test
MIDPOINT_REPRESENTATIVES = 3

_U = 2.0 ** -53  # unit roundoff of float64
_ETA = 2.0 ** -1074  # the smallest subnormal float64: absolute error of an underflow

METHODS = ('jacobian', 'pattern')
KEYS = ('affine', 'gradient')
DOMAINS = ('box', 'ball', 'l2ball')


# ---------------------------------------------------------------------------
# per-network data (float weights, layout, cache of exact maps)
# ---------------------------------------------------------------------------

class _NetData:
    """
    Float copies of the weights, the layout of the pattern columns and the
    cache of exact affine maps of one network.
    """

    def __init__(self, net):
        self.n = net.input_dimension()
        self.layers = net.layers()
        self.acts = [activation(act) for _, _, act in self.layers]
        self.flayers = []
        self.layout = []  # (layer index, activation, number of columns)
        for li, ((W, b, _), act) in enumerate(zip(self.layers, self.acts)):
            Wf = np.array([[float(a) for a in row] for row in W.rows()],
                          dtype=np.float64).reshape(W.nrows(), W.ncols())
            bf = np.array([float(a) for a in b], dtype=np.float64)
            # which weights and biases are zero: from the exact values (a tiny
            # weight may round to 0.0)
            nz = np.array([[a != 0 for a in row] for row in W.rows()],
                          dtype=np.float64).reshape(W.nrows(), W.ncols())
            info = dict(W=Wf, b=bf, absW=np.abs(Wf), absb=np.abs(bf), nzW=nz,
                        bzero=np.array([a == 0 for a in b], dtype=bool), fanin=W.ncols(),
                        act=act)
            self.flayers.append(info)
            self.layout.append((li, act, act.units(W.nrows())))
        self.ncols = sum(c for _, _, c in self.layout)
        self.maps = {}  # pattern tuple -> (M, v), exact affine map of all outputs


_DATA = weakref.WeakKeyDictionary()


def _data(net):
    try:
        d = _DATA.get(net)
    except TypeError:  # not weak-referenceable: no cache
        return _NetData(net)
    if d is None:
        d = _NetData(net)
        _DATA[net] = d
    return d


# ---------------------------------------------------------------------------
# float forward pass with certified patterns
# ---------------------------------------------------------------------------

def _forward(data, X, want_patterns=True):
    r"""
    Vectorised float64 forward pass.

    Return ``(patterns, ambiguous, out, err)``: the pattern array (``None``
    unless ``want_patterns``), the mask of rows whose pattern the float pass
    does not decide, the outputs and a rigorous bound on their rounding error
    (the rows of ``X`` are taken as exact).

    The error bound ``E`` of a pre-activation ``z = W h + b`` is
    ``|W| err(h) + (m + 3) u (|W||h| + |b|)`` (``m`` the fan-in, ``u`` the unit
    roundoff; the ``+3`` covers the bias and the rounding of the rational
    weights), plus ``(|h|_1 + m + 3) eta`` for results and weights in the
    subnormal range (``eta`` the smallest subnormal); the activations are
    Lipschitz. A row whose values overflow (weights near ``1e308``) is
    decided in exact arithmetic. A neuron is flagged when
    ``|z| <= max(TOL_REL * scale, 2 E)``, unless its pre-activation is known
    to vanish identically on the cell (zero bias, and every input with a
    nonzero weight identically zero), in which case it is canonically off.
    """
    with np.errstate(all='ignore'):  # overflow and NaN are detected below
        return _forward_float(data, X, want_patterns)


def _forward_float(data, X, want_patterns):
    X = np.asarray(X, dtype=np.float64)
    N = X.shape[0]
    h = X
    err = np.zeros_like(X)
    Z = np.zeros(X.shape, dtype=bool)  # h_j vanishes identically on the cell
    amb = np.zeros(N, dtype=bool)
    cols = []
    for L in data.flayers:
        W, b, absW = L['W'], L['b'], L['absW']
        z = h @ W.T + b
        S = np.abs(h) @ absW.T + L['absb']
        # rounding: relative (m + 3) u, and absolute for results (and weights)
        # in the subnormal range
        E = err @ absW.T + (L['fanin'] + 3) * _U * S + \
            (np.abs(h).sum(axis=1, keepdims=True) + L['fanin'] + 3) * _ETA
        # an overflow (inf) or an invalid operation (NaN): decided exactly
        amb |= ~(np.isfinite(z) & np.isfinite(E)).all(axis=1)
        Zpre = L['bzero'][None, :] & (((~Z).astype(np.float64) @ L['nzW'].T) == 0)
        # the activation: states, ambiguous rows, outputs and their error bound
        states, unsure, h, err, Z = L['act'].certified_float_step(z, E, S, Zpre, TOL_REL)
        amb |= unsure
        if want_patterns and states is not None:
            cols.append(states)
    P = None
    if want_patterns:
        P = np.concatenate(cols, axis=1) if cols else np.zeros((N, 0), dtype=np.int64)
    return P, amb, h, err


def activation_patterns(net, X):
    r"""
    Return the activation patterns of the rows of ``X`` and the mask of the
    rows whose pattern is numerically ambiguous.

    The forward pass is vectorised in float64. One column per neuron of
    every layer with a nonlinear activation (hidden layers, and the output
    layer when its activation is ReLU), in order; linear layers have no
    column. The state of a ReLU or leaky ReLU neuron is ``1`` (on) or ``0``
    (off); a pre-activation exactly ``0`` is off, and so is a neuron whose
    pre-activation vanishes identically on the cell (it does not split it).
    The state of a maxout unit of rank `k` is the index in `0, \dots, k - 1`
    of its maximal piece (the first one on a tie). This is the convention of
    the activation route of :mod:`sage_tropnet.regions`.

    INPUT:

    - ``net`` -- a :class:`~sage_tropnet.network.ReLUNetwork`
    - ``X`` -- array of shape ``(N, n)`` (one input point per row)

    OUTPUT: a pair ``(P, ambiguous)``: an integer array of shape
    ``(N, number of neurons)`` and a boolean array of shape ``(N,)``. A row
    is flagged ambiguous when some pre-activation is within
    ``max(1e-12 * scale, 2 * error bound)`` of zero (``scale`` is
    `|W||h| + |b|`, the error bound is a rigorous bound on the rounding error
    of the float pass), or when the two largest pieces of a maxout unit are
    that close. The patterns of the rows not flagged are exact for the inputs
    taken as exact binary numbers.

    EXAMPLES::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.sampling import activation_patterns
        sage: net = ReLUNetwork([([[1, 0], [0, 1], [-1, -1]], [0, 0, 0]),
        ....:                    ([[1, 1, 1]], [0])])
        sage: P, amb = activation_patterns(net, [[1.0, 2.0], [-1.0, 0.5], [0.0, 3.0]])
        sage: P
        array([[1, 1, 0],
               [0, 1, 1],
               [0, 1, 0]])
        sage: amb
        array([False, False,  True])

    The third point lies on the hyperplane `x = 0`: its first neuron is off by
    convention, and the point is flagged. Maxout units report the index of the
    maximal piece::

        sage: mo = ReLUNetwork([([[1], [-1], [2], [0]], [0, 0, 0, 1]), ([[1, 1]], [0])],
        ....:                  hidden_activation=('maxout', 2))
        sage: activation_patterns(mo, [[-3.0], [3.0]])[0]
        array([[1, 1],
               [0, 0]])

    TESTS::

        sage: activation_patterns(net, [[1.0, 2.0, 3.0]])
        Traceback (most recent call last):
        ...
        ValueError: expected points of dimension 2, got shape (1, 3)
    """
    data = _data(net)
    X = _as_points(X, data.n)
    P, amb, _, _ = _forward(data, X)
    return P, amb


def _as_points(X, n):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim == 1 and n == 1:
        X = X.reshape(-1, 1)
    if X.ndim != 2 or X.shape[1] != n:
        raise ValueError("expected points of dimension %s, got shape %s" % (n, X.shape))
    if not np.all(np.isfinite(X)):
        raise ValueError("the points must be finite")
    return X


# ---------------------------------------------------------------------------
# exact arithmetic: patterns and affine maps
# ---------------------------------------------------------------------------

def _to_qq(row):
    """
    Return the exact rational vector of a row of floats (binary values).
    """
    return vector(QQ, [QQ(float(a).as_integer_ratio()) for a in row])


def exact_pattern(net, x):
    r"""
    Return the activation pattern of ``net`` at the point ``x``, computed
    exactly (the flat convention of :func:`activation_patterns`), or
    ``None`` if ``x`` lies on the boundary of its activation region.

    Floats in ``x`` are taken at their exact binary value.

    EXAMPLES::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.sampling import exact_pattern
        sage: net = ReLUNetwork([([[1, 0], [0, 1], [1, 1]], [0, 0, -1]), ([[1, 1, 1]], [0])])
        sage: exact_pattern(net, [1/2, 3]), exact_pattern(net, [0.25, -1.0])
        ((1, 1, 1), (1, 0, 0))
        sage: exact_pattern(net, [0, 3]) is None
        True
    """
    x = vector(QQ, [QQ(float(a).as_integer_ratio()) if isinstance(a, float) else QQ(a)
                    for a in x])
    return _exact_pattern(_data(net), x)


def _exact_pattern(data, x):
    r"""
    Return the canonical pattern of the exact point ``x`` (a vector over
    `\QQ`), or ``None`` if ``x`` lies on the boundary of its cell.
    """
    n = data.n
    M = matrix.identity(QQ, n)
    v = vector(QQ, n)
    h = x
    pattern = []
    for (W, b, _), act in zip(data.layers, data.acts):
        A = W * M
        c = W * v + b
        z = W * h + b
        states = act.exact_states(A, c, z)
        if states is None:
            return None
        pattern.extend(states)
        M, v, h = act.post_rows(A, states), act.post_values(c, states), act.post_values(z, states)
    return tuple(pattern)


def _check_pattern(data, pattern):
    try:
        pattern = tuple(int(s) for s in pattern)
    except (TypeError, ValueError):
        raise ValueError("a pattern is a sequence of integers, got %r" % (pattern,))
    if len(pattern) != data.ncols:
        raise ValueError("the pattern has %s entries, the network has %s neurons with a "
                         "nonlinear activation" % (len(pattern), data.ncols))
    pos = 0
    for li, act, ncol in data.layout:
        top = act.number_of_states()
        for s in pattern[pos:pos + ncol]:
            if not 0 <= s < top:
                raise ValueError("invalid state %s in layer %s (expected 0..%s)"
                                 % (s, li, top - 1))
        pos += ncol
    return pattern


def _affine_map(data, pattern):
    r"""
    Return the exact affine map ``(M, v)`` of all outputs on the cell of
    ``pattern`` (a tuple of Python integers), cached.
    """
    res = data.maps.get(pattern)
    if res is not None:
        return res
    n = data.n
    M = matrix.identity(QQ, n)
    v = vector(QQ, n)
    pos = 0
    for (W, b, _), act, (_, _, ncol) in zip(data.layers, data.acts, data.layout):
        A = W * M
        c = W * v + b
        states = pattern[pos:pos + ncol]
        pos += ncol
        M, v = act.post_rows(A, states), act.post_values(c, states)
    M.set_immutable()
    v.set_immutable()
    data.maps[pattern] = (M, v)
    return M, v


def exact_jacobian(net, pattern, output=0):
    r"""
    Return the exact gradient and constant of one output on the cell of an
    activation pattern.

    On the cell of ``pattern`` the chosen output is the affine function
    `x \mapsto g \cdot x + c`; `g` and `c` are computed over `\QQ` from the
    exact weights (no rounding), and cached per network and pattern.

    INPUT:

    - ``net`` -- a :class:`~sage_tropnet.network.ReLUNetwork`
    - ``pattern`` -- a sequence of integers in the format of
      :func:`activation_patterns` (for instance a row of its array)
    - ``output`` -- integer (default: ``0``); the output coordinate

    OUTPUT: a pair ``(g, c)``: a tuple of `n` rationals and a rational

    EXAMPLES::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.sampling import activation_patterns, exact_jacobian
        sage: net = ReLUNetwork([([[1, 0], [0, 1], [-1, -1]], [0, 0, 0]),
        ....:                    ([[1, 1/3, 1]], [1/2])])
        sage: P, _ = activation_patterns(net, [[1.0, -2.0]])
        sage: P[0]
        array([1, 0, 1])
        sage: g, c = exact_jacobian(net, P[0]); g, c
        ((0, -1), 1/2)
        sage: net([1, -2])[0] == sum(a * b for a, b in zip(g, (1, -2))) + c
        True

    A leaky ReLU network and an output ReLU that is off::

        sage: leaky = ReLUNetwork([([[1]], [0]), ([[2]], [1])], hidden_activation=('leaky_relu', 1/10))
        sage: exact_jacobian(leaky, (0,)), exact_jacobian(leaky, (1,))
        (((1/5,), 1), ((2,), 1))
        sage: relu_out = leaky.with_output_activation('relu')
        sage: exact_jacobian(relu_out, (1, 0))
        ((0,), 0)

    TESTS::

        sage: exact_jacobian(net, (1, 0))
        Traceback (most recent call last):
        ...
        ValueError: the pattern has 2 entries, the network has 3 neurons with a nonlinear activation
        sage: exact_jacobian(net, (1, 0, 2))
        Traceback (most recent call last):
        ...
        ValueError: invalid state 2 in layer 0 (expected 0..1)
        sage: exact_jacobian(net, (1, 0, 1), output=1)
        Traceback (most recent call last):
        ...
        ValueError: output 1 out of range: the network has 1 outputs
    """
    data = _data(net)
    _check_output(net, output)
    M, v = _affine_map(data, _check_pattern(data, pattern))
    return tuple(M.row(output)), v[output]


def _check_output(net, output):
    if not 0 <= output < net.output_dimension():
        raise ValueError("output %s out of range: the network has %s outputs"
                         % (output, net.output_dimension()))


# ---------------------------------------------------------------------------
# the estimate
# ---------------------------------------------------------------------------

class SamplingEstimate(dict):
    r"""
    The result of :func:`estimate_linear_regions`: a dictionary with a short
    description.

    Keys: ``estimate`` (the count), ``samples`` (points drawn), ``used``
    (points with a decided pattern), ``dropped`` (points lying exactly on a
    boundary), ``ambiguous`` (points redone in exact arithmetic),
    ``patterns`` (distinct activation patterns met), ``maps`` (distinct keys
    before the midpoint test, ``None`` for ``method="pattern"``), ``radius``,
    ``domain``, ``method``, ``key``, ``midpoint``, ``output``, ``seed``,
    ``seconds`` and ``mode`` (always ``"float-sampling"``).

    EXAMPLES::

        sage: from sage_tropnet.network import random_network
        sage: from sage_tropnet.sampling import estimate_linear_regions
        sage: est = estimate_linear_regions(random_network([2, 3, 1], seed=2), radius=5,
        ....:                               samples=2000, seed=1, method="pattern")
        sage: est
        Sampling estimate: 7 activation patterns (pattern; 2000 samples in the box
        [-5, 5]^2; float-sampling)
        sage: int(est), est["mode"], est["patterns"]
        (7, 'float-sampling', 7)
    """

    def __repr__(self):
        if self['method'] == 'pattern':
            what = "activation patterns (pattern"
        else:
            what = "linear regions (jacobian, key=%s%s" % (
                self['key'], ", midpoint" if self['midpoint'] else "")
        dom = {'box': "the box [-{R}, {R}]^{n}", 'ball': "the box [-{R}, {R}]^{n}",
               'l2ball': "the Euclidean ball of radius {R} in R^{n}"}[self['domain']]
        dom = dom.format(R=self['radius'], n=self['dimension'])
        return ("Sampling estimate: %s %s; %s samples\nin %s; %s)"
                % (self['estimate'], what, self['samples'], dom, self['mode']))

    def __int__(self):
        return int(self['estimate'])


class _UnionFind:
    def __init__(self, n):
        self.parent = list(range(n))

    def find(self, a):
        p = self.parent
        while p[a] != a:
            p[a] = p[p[a]]
            a = p[a]
        return a

    def union(self, a, b):
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def sample_points(rng, m, n, R, domain='box'):
    r"""
    Return ``m`` points of `\RR^n` drawn uniformly from the sampling domain
    of half-width ``R`` (an array of shape ``(m, n)``).

    INPUT:

    - ``rng`` -- a NumPy ``Generator``, or a seed (a non-negative integer,
      Python, Sage or NumPy) or ``None``
    - ``m``, ``n`` -- positive integers
    - ``R`` -- positive number
    - ``domain`` -- ``'box'`` (default; the cube `[-R, R]^n`, also
      ``'ball'``, the sup-norm ball) or ``'l2ball'`` (the Euclidean ball of
      radius ``R``)

    EXAMPLES::

        sage: import numpy as np
        sage: from sage_tropnet.sampling import sample_points
        sage: X = sample_points(0, 1000, 3, 2.0, 'l2ball')
        sage: X.shape, bool(np.linalg.norm(X, axis=1).max() <= 2)
        ((1000, 3), True)
        sage: bool(abs(sample_points(np.random.default_rng(int(1)), 1000, 2, 1)).max() <= 1)
        True
    """
    if not isinstance(rng, np.random.Generator):
        rng = np.random.default_rng(as_seed(rng))
    m, n = int(m), int(n)
    R = float(R)
    if domain in ('box', 'ball'):
        return rng.uniform(-R, R, size=(m, n))
    g = rng.standard_normal(size=(m, n))
    nr = np.linalg.norm(g, axis=1)
    nr[nr == 0] = 1.0
    r = R * rng.random(m) ** (1.0 / n)
    return g * (r / nr)[:, None]


def _midpoint_components(data, net, output, reps, maps, labels):
    r"""
    Return the number of pieces: the patterns are grouped by label, and two
    patterns with the same label are glued when, for some pair of their
    representative points `p, q`, the exact network value at `(p + q)/2`
    equals `(L_p(p) + L_q(q))/2` (union-find; a float screen with a rigorous
    error bound avoids the exact evaluation for pairs that clearly fail).
    """
    groups = {}
    for i, lab in enumerate(labels):
        groups.setdefault(lab, []).append(i)
    pieces = 0
    for members in groups.values():
        k = len(members)
        if k == 1:
            pieces += 1
            continue
        K = MIDPOINT_REPRESENTATIVES if k <= 200 else 1
        uf = _UnionFind(k)
        # float data of the maps of the members
        G = np.array([[float(a) for a in maps[members[i]][0]] for i in range(k)])
        C = np.array([float(maps[members[i]][1]) for i in range(k)])
        cand = []  # (i, j, a, b)
        for i in range(k):
            for j in range(i + 1, k):
                for a in range(min(K, len(reps[members[i]]))):
                    for b_ in range(min(K, len(reps[members[j]]))):
                        cand.append((i, j, a, b_))
        cand = np.array(cand, dtype=np.int64)
        for start in range(0, len(cand), CHUNK):
            block = cand[start:start + CHUNK]
            Pp = np.array([reps[members[i]][a] for i, _, a, _ in block])
            Qq = np.array([reps[members[j]][b_] for _, j, _, b_ in block])
            mid = (Pp + Qq) / 2  # exact in binary (no overflow for sane inputs)
            _, _, out, err = _forward(data, mid, want_patterns=False)
            f = out[:, output]
            ef = err[:, output]
            gi, gj = G[block[:, 0]], G[block[:, 1]]
            ci, cj = C[block[:, 0]], C[block[:, 1]]
            tp = np.sum(gi * Pp, axis=1) + ci
            tq = np.sum(gj * Qq, axis=1) + cj
            target = (tp + tq) / 2
            scale = (np.sum(np.abs(gi * Pp), axis=1) + np.abs(ci)
                     + np.sum(np.abs(gj * Qq), axis=1) + np.abs(cj))
            et = (data.n + 4) * _U * scale
            ok = np.abs(f - target) <= 2 * (ef + et) + TOL_REL * (scale + np.abs(f))
            for (i, j, a, b_), passed in zip(block, ok):
                if not passed or uf.find(i) == uf.find(j):
                    continue
                p = _to_qq(reps[members[i]][a])
                q = _to_qq(reps[members[j]][b_])
                gp, cp = maps[members[i]]
                gq, cq = maps[members[j]]
                lhs = net((p + q) / 2)[output]
                rhs = (sum(x * y for x, y in zip(gp, p)) + cp
                       + sum(x * y for x, y in zip(gq, q)) + cq) / 2
                if lhs == rhs:
                    uf.union(i, j)
        pieces += len(set(uf.find(i) for i in range(k)))
    return pieces


def estimate_linear_regions(net, radius=10, samples=1000, seed=None, method="jacobian",
                            domain="box", midpoint=False, output=0, key="affine",
                            progress=None):
    r"""
    Return a sampling estimate of the number of linear regions of a network.

    Points are drawn uniformly in the sampling domain, in chunks; their
    activation patterns are computed in vectorised float64 and certified (the
    few ambiguous points are redone in exact arithmetic; points lying exactly
    on a boundary are dropped). Then

    - ``method="pattern"`` counts the distinct activation patterns;
    - ``method="jacobian"`` (default) counts the distinct exact affine maps
      `x \mapsto g \cdot x + c` of output ``output`` (see
      :func:`exact_jacobian`): with ``key="affine"`` (default) a map is the
      pair (gradient `g`, constant `c`); with ``key="gradient"`` only `g` is
      compared, as in the paper ([LWCBM2024]_ §5.2, see
      :ref:`reproducing-estimator`), which merges regions with parallel maps.

    With ``midpoint=True`` (``method="jacobian"`` only) the cells that share a
    key are split into pieces: two cells are in one piece when, for a pair of
    sample points `p, q` of the two cells (up to three per cell), the exact
    value of the network at `(p + q)/2` equals `(L_p(p) + L_q(q))/2`, i.e. the
    common affine map there (union-find over the cells met; the test runs in
    exact arithmetic, using ``net(midpoint)`` over `\QQ`). This separates
    disconnected pieces of one map, which the exact counters of
    :mod:`sage_tropnet.regions` count separately; it is a heuristic, since a
    connected but non-convex region whose representatives see each other only
    through other regions could be split.

    INPUT:

    - ``net`` -- a :class:`~sage_tropnet.network.ReLUNetwork`
    - ``radius`` -- positive number `R` (default: ``10``, the paper's box)
    - ``samples`` -- number of points (default: ``1000``)
    - ``seed`` -- seed of numpy's generator (default: ``None``, random); the
      result is deterministic given the seed
    - ``method`` -- ``"jacobian"`` (default) or ``"pattern"``
    - ``domain`` -- ``"box"`` (default: `[-R, R]^n`), ``"ball"`` (the ball
      of radius `R` of the `\infty`-norm, the same box) or ``"l2ball"``
      (the Euclidean ball of radius `R`)
    - ``midpoint`` -- boolean (default: ``False``); see above
    - ``output`` -- integer (default: ``0``); the output coordinate
    - ``key`` -- ``"affine"`` (default) or ``"gradient"``
    - ``progress`` -- ``None`` (default: a progress bar on a terminal only),
      ``True`` or ``False``

    OUTPUT: a :class:`SamplingEstimate` (a dictionary with keys
    ``"estimate"``, ``"samples"``, ``"radius"``, ``"method"``,
    ``"seconds"``, ``"mode"`` (``"float-sampling"``) and more)

    EXAMPLES::

        sage: from sage_tropnet.network import ReLUNetwork, random_network
        sage: from sage_tropnet.sampling import estimate_linear_regions
        sage: T3 = ReLUNetwork([([[1, 0], [0, 1], [-1, -1]], [0, 0, 0]),
        ....:                   ([[1, 1, 1]], [0])])
        sage: estimate_linear_regions(T3, radius=2, samples=500, seed=0)["estimate"]
        6

    The function below is `|x|` on `[-1, 1]` and `1` outside: its map
    `x \mapsto 1` has two disjoint pieces, which only the midpoint test
    separates (and counting gradients only would also merge any two parallel
    maps)::

        sage: net = ReLUNetwork([([[1], [-1], [1], [-1]], [0, 0, -1, -1]),
        ....:                    ([[1, 1, -1, -1]], [0])])
        sage: [net([x])[0] for x in (-3, -2, 0, 2, 3)]
        [1, 1, 0, 1, 1]
        sage: def est(**kw):
        ....:     return estimate_linear_regions(net, radius=3, samples=2000, seed=0, **kw)
        sage: est(method="pattern")["estimate"], est(key="gradient")["estimate"]
        (4, 3)
        sage: est()["estimate"], est(midpoint=True)["estimate"]
        (3, 4)
        sage: from sage_tropnet.regions import count_linear_regions
        sage: count_linear_regions(net, box=3)
        4

    In the Euclidean ball::

        sage: net = random_network([2, 4, 1], seed=3)
        sage: est = estimate_linear_regions(net, radius=5, samples=3000, seed=2,
        ....:                               domain="l2ball"); est
        Sampling estimate: 8 linear regions (jacobian, key=affine; 3000 samples
        in the Euclidean ball of radius 5 in R^2; float-sampling)
        sage: sorted(k for k in est)
        ['ambiguous', 'dimension', 'domain', 'dropped', 'estimate', 'key', 'maps',
         'method', 'midpoint', 'mode', 'output', 'patterns', 'radius', 'samples',
         'seconds', 'seed', 'used']

    TESTS::

        sage: estimate_linear_regions(net, method="pattern", midpoint=True)
        Traceback (most recent call last):
        ...
        ValueError: the midpoint test needs method='jacobian'
        sage: estimate_linear_regions(net, radius=0)
        Traceback (most recent call last):
        ...
        ValueError: the radius must be positive, got 0
        sage: estimate_linear_regions(net, domain="sphere")
        Traceback (most recent call last):
        ...
        ValueError: domain must be one of ('box', 'ball', 'l2ball'), got 'sphere'
    """
    t0 = time.time()
    if method not in METHODS:
        raise ValueError("method must be one of %s, got %r" % (METHODS, method))
    if key not in KEYS:
        raise ValueError("key must be one of %s, got %r" % (KEYS, key))
    if domain not in DOMAINS:
        raise ValueError("domain must be one of %s, got %r" % (DOMAINS, domain))
    if midpoint and method != 'jacobian':
        raise ValueError("the midpoint test needs method='jacobian'")
    try:
        R = float(radius)
    except (TypeError, ValueError, OverflowError):
        raise TypeError("radius must be a positive number, got %r" % (radius,))
    if not R > 0 or not np.isfinite(R):
        raise ValueError("the radius must be positive, got %s" % (radius,))
    import numbers
    if isinstance(samples, bool) or not (isinstance(samples, numbers.Integral) or
                                         (isinstance(samples, numbers.Rational) and
                                          samples == int(samples))):
        raise TypeError("samples must be a positive integer, got %r" % (samples,))
    samples = int(samples)
    if samples < 1:
        raise ValueError("the number of samples must be positive, got %s" % samples)
    _check_output(net, output)
    data = _data(net)
    n = data.n
    rng = np.random.default_rng(as_seed(seed))

    from tqdm.auto import tqdm
    from sage_tropnet.misc.formatting import PROGRESS_DELAY
    bar = tqdm(delay=PROGRESS_DELAY, total=samples, desc="sampling", unit="pt", leave=False,
               disable=None if progress is None else not progress)
    order = {}   # pattern tuple -> index (first-seen order)
    reps = []    # index -> list of representative points (float rows)
    K = MIDPOINT_REPRESENTATIVES if midpoint else 0
    n_amb = n_drop = 0
    done = 0
    while done < samples:
        m = min(CHUNK, samples - done)
        X = sample_points(rng, m, n, R, domain)
        P, amb, _, _ = _forward(data, X)
        keep = np.ones(m, dtype=bool)
        for r in np.nonzero(amb)[0]:
            n_amb += 1
            pat = _exact_pattern(data, _to_qq(X[r]))
            if pat is None:
                keep[r] = False
                n_drop += 1
            else:
                P[r] = pat
        X, P = X[keep], P[keep]
        if len(P):
            uniq, first, inv = np.unique(P, axis=0, return_index=True, return_inverse=True)
            inv = inv.reshape(-1)
            groups = None
            if K:
                srt = np.argsort(inv, kind='stable')
                bounds_ = np.searchsorted(inv[srt], np.arange(len(uniq) + 1))
                groups = [srt[bounds_[j]:bounds_[j + 1]] for j in range(len(uniq))]
            for j in np.argsort(first, kind='stable'):
                pat = tuple(int(s) for s in uniq[j])
                idx = order.get(pat)
                if idx is None:
                    idx = order[pat] = len(order)
                    reps.append([])
                if K and len(reps[idx]) < K:
                    reps[idx].extend(X[i] for i in groups[j][:K - len(reps[idx])])
        done += m
        bar.update(m)
    bar.close()

    patterns = list(order)
    nmaps = None
    if method == 'pattern':
        estimate = len(patterns)
    else:
        maps = []
        for pat in patterns:
            M, v = _affine_map(data, pat)
            maps.append((tuple(M.row(output)), v[output]))
        labels = [g if key == 'gradient' else (g, c) for g, c in maps]
        nmaps = len(set(labels))
        if midpoint:
            estimate = _midpoint_components(data, net, output, reps, maps, labels)
        else:
            estimate = nmaps
    return SamplingEstimate(estimate=estimate, samples=samples, used=samples - n_drop,
                            dropped=n_drop, ambiguous=n_amb, patterns=len(patterns),
                            maps=nmaps, radius=radius, domain=domain, dimension=n,
                            method=method, key=key, midpoint=bool(midpoint), output=output,
                            seed=seed, seconds=time.time() - t0, mode="float-sampling")


def estimate_vs_exact(net, radius=10, samples=1000, seed=None, midpoint=True, **kwds):
    r"""
    Return a sampling estimate and the exact count in the same box.

    The exact count is :func:`~sage_tropnet.regions.count_linear_regions`
    with ``box=radius`` (connected regions, facet adjacency). The estimate is
    :func:`estimate_linear_regions` in the box `[-R, R]^n`, by default with
    exact affine maps and the midpoint test (so that disconnected pieces of
    one map are counted separately, as in the exact count).

    INPUT:

    - ``net``, ``radius``, ``samples``, ``seed`` -- as in
      :func:`estimate_linear_regions`
    - ``midpoint`` -- boolean (default: ``True``)
    - further keywords (``method``, ``key``, ``output``, ``progress``) are
      passed to :func:`estimate_linear_regions`

    OUTPUT: a dictionary with keys ``"estimate"``, ``"exact"``,
    ``"missed"`` (``exact - estimate``), ``"ratio"`` (``estimate / exact``
    as a float), ``"samples"``, ``"radius"``, ``"method"``, ``"key"``,
    ``"midpoint"``, ``"seconds_estimate"``, ``"seconds_exact"`` and
    ``"mode"`` (``"float-sampling vs exact"``)

    EXAMPLES::

        sage: from sage_tropnet.network import random_network
        sage: from sage_tropnet.sampling import estimate_vs_exact
        sage: d = estimate_vs_exact(random_network([2, 3, 1], seed=3), radius=5,
        ....:                       samples=2000, seed=0)
        sage: d["estimate"], d["exact"], d["missed"], d["ratio"]
        (6, 6, 0, 1.0)

    TESTS::

        sage: estimate_vs_exact(random_network([2, 3, 1], seed=3), domain="l2ball")
        Traceback (most recent call last):
        ...
        ValueError: the exact comparison needs the box domain
    """
    from sage_tropnet.regions import count_linear_regions
    if kwds.get('domain', 'box') not in ('box', 'ball'):
        raise ValueError("the exact comparison needs the box domain")
    est = estimate_linear_regions(net, radius=radius, samples=samples, seed=seed,
                                  midpoint=midpoint, **kwds)
    t0 = time.time()
    exact = count_linear_regions(net, box=radius, output=est['output'])
    t_exact = time.time() - t0
    e = int(est['estimate'])
    return dict(estimate=e, exact=int(exact), missed=int(exact) - e,
                ratio=e / float(exact) if exact else float('nan'),
                samples=est['samples'], radius=radius, method=est['method'],
                key=est['key'], midpoint=est['midpoint'],
                seconds_estimate=est['seconds'], seconds_exact=t_exact,
                mode="float-sampling vs exact")
