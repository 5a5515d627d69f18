r"""
Networks along lines and segments: exact breakpoints and linear pieces

Along a segment `a + t (b - a)`, `t \in [0, 1]` (or the whole line,
`t \in \RR`), a piecewise-linear network is a piecewise-linear function of
one variable. This module computes its pieces exactly: the **activation
pieces** (maximal intervals with one activation pattern; their endpoints
are the *activation breakpoints*, where some unit changes state) and the
**linear pieces** (maximal intervals on which the chosen output is affine
in `t`; their endpoints are the *breakpoints* proper, the kinks of the
function). The number of linear pieces along lines through data is the
measure of Hanin and Rolnick ([HR2019]_).

Many segments are processed together, layer by layer: the affine maps of
all intervals are stacked into one matrix per layer (exact products over
`\QQ` by FLINT, or NumPy products with ``mode="float"``), and an interval is
split at the roots of the pre-activations that change sign inside it
(ReLU, leaky ReLU) or at the kinks of the upper envelope of a maxout unit.
A unit whose pre-activation vanishes identically on an interval is off (the
canonical state of :mod:`sage_tropnet.layers`), so the activation pieces of
a segment are the activation regions of the restricted network
(:meth:`~sage_tropnet.network.ReLUNetwork.restrict`) in the segment.

EXAMPLES::

    sage: from sage_tropnet.network import ReLUNetwork
    sage: from sage_tropnet.lines import along_segment
    sage: net = ReLUNetwork([([[1, 0], [0, 1], [-1, -1]], [0, 0, 0]),
    ....:                    ([[1, 1, 1]], [0])])
    sage: P = along_segment(net, [-1, -2], [3, 2]); P
    Segment with 4 linear pieces and 4 activation pieces (exact)
    sage: P.breakpoints()
    [1/4, 3/8, 1/2]
    sage: P.points()
    [(0, -1), (1/2, -1/2), (1, 0)]
    sage: P.pieces()
    [(0, 1/4, -8, 3), (1/4, 3/8, -4, 2), (3/8, 1/2, 4, -1), (1/2, 1, 8, -3)]

Where a unit switches without changing the output, the activation pieces
outnumber the linear pieces (Serra et al.'s example)::

    sage: serra = ReLUNetwork([([[1], [-1]], [0, 1]), ([[4, 2]], [-3])],
    ....:                     output_activation='relu')
    sage: S = along_segment(serra, [-1], [2])
    sage: S.breakpoints(), S.breakpoints('activation')
    ([1/6, 1/2, 2/3], [1/6, 1/3, 1/2, 2/3])

Thousands of segments at once (here in floating point)::

    sage: from sage_tropnet.network import random_network
    sage: from sage_tropnet.lines import along_segments
    sage: import numpy as np
    sage: rng = np.random.default_rng(int(0))
    sage: net = random_network([4, 16, 16, 1], seed=0)
    sage: segs = [(rng.normal(size=4), rng.normal(size=4)) for _ in range(1000)]
    sage: F = along_segments(net, segs, mode='float')
    sage: E = along_segments(net, segs[:50])
    sage: [p.number_of_linear_pieces() for p in F[:50]] == [p.number_of_linear_pieces() for p in E]
    True

AUTHORS:

- sage_tropnet developers (2026-12): initial version

REFERENCES:

- [HR2019]_
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

import bisect

import numpy as np

from sage.structure.sage_object import SageObject
from sage.rings.rational_field import QQ
from sage.matrix.constructor import matrix
from sage.modules.free_module_element import vector

from sage_tropnet.rational import to_rational
from sage_tropnet.layers import activation
from sage_tropnet.network import ReLUNetwork

#: the kinds of pieces
KINDS = ('linear', 'activation')

#: relative tolerance of the float mode (roots, equal affine maps)
FLOAT_TOLERANCE = 1e-9


class LinePieces(SageObject):
    r"""
    The pieces of a network along one segment or line (the result of
    :func:`along_segment` and :func:`along_segments`).

    The segment is `t \mapsto a + t d` with `t \in [0, 1]` (a segment) or
    `t \in \RR` (a line). An *activation piece* is a tuple
    ``(t0, t1, pattern, slopes, constants)``: on `(t_0, t_1)` (``None`` for
    an infinite end) the units have the states ``pattern`` (one tuple per
    layer) and the outputs are ``constants + t * slopes`` (one entry per
    output). Exact rationals, or floats with ``mode="float"``.

    EXAMPLES::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.lines import along_segment
        sage: net = ReLUNetwork([([[1], [-1]], [0, 1]), ([[4, 2]], [-3])],
        ....:                   output_activation='relu')
        sage: P = along_segment(net, [0], [1], line=True); P
        Line with 4 linear pieces and 5 activation pieces (exact)
        sage: P.activation_pieces()[0]
        (None, -1/2, ((0, 1), (1,)), (-2,), (-1,))
        sage: P.number_of_activation_pieces(), P.number_of_linear_pieces()
        (5, 4)
    """

    def __init__(self, origin, direction, bounded, pieces, output=0, mode='exact'):
        self.origin = origin
        self.direction = direction
        self.bounded = bounded
        self._pieces = pieces     # the float mode keeps the states of a layer as bytes
        self.output = output
        self.mode = mode
        self._linear = None

    def _repr_(self):
        return "%s with %s linear pieces and %s activation pieces (%s)" % (
            "Segment" if self.bounded else "Line", self.number_of_linear_pieces(),
            self.number_of_activation_pieces(), self.mode)

    def _map(self, piece):
        _, _, _, s, c = piece
        if self.output is None:
            return tuple(s), tuple(c)
        return s[self.output], c[self.output]

    def _same(self, m1, m2):
        if self.mode == 'exact':
            return m1 == m2
        a = np.array(m1, dtype=float).ravel()
        b = np.array(m2, dtype=float).ravel()
        scale = max(1.0, float(np.abs(a).max(initial=0)), float(np.abs(b).max(initial=0)))
        return bool(np.all(np.abs(a - b) <= FLOAT_TOLERANCE * scale))

    def activation_pieces(self):
        r"""
        Return the activation pieces ``(t0, t1, pattern, slopes, constants)``.

        EXAMPLES::

            sage: from sage_tropnet.network import ReLUNetwork
            sage: from sage_tropnet.lines import along_segment
            sage: P = along_segment(ReLUNetwork([([[1]], [0]), ([[1]], [0])]), [-1], [1])
            sage: P.activation_pieces()
            [(0, 1/2, ((0,), ()), (0,), (0,)), (1/2, 1, ((1,), ()), (2,), (-1,))]
        """
        return [(a, b, tuple(tuple(x) if isinstance(x, bytes) else x for x in pat), s, c)
                for a, b, pat, s, c in self._pieces]

    def pieces(self):
        r"""
        Return the linear pieces ``(t0, t1, slope, constant)`` of the output
        (the output is ``constant + t * slope`` on `(t_0, t_1)`; tuples for
        ``output=None``).

        EXAMPLES::

            sage: from sage_tropnet.network import ReLUNetwork
            sage: from sage_tropnet.lines import along_segment
            sage: net = ReLUNetwork([([[1], [1]], [0, 0]), ([[1, -1]], [0])])
            sage: along_segment(net, [-1], [1]).pieces()
            [(0, 1, 0, 0)]
        """
        if self._linear is None:
            out = []
            for p in self._pieces:
                m = self._map(p)
                if out and self._same(out[-1][2:], m):
                    out[-1] = (out[-1][0], p[1]) + out[-1][2:]
                else:
                    out.append((p[0], p[1]) + m)
            self._linear = out
        return list(self._linear)

    def number_of_linear_pieces(self):
        r"""
        Return the number of linear pieces of the output.

        EXAMPLES::

            sage: from sage_tropnet.network import random_network
            sage: from sage_tropnet.lines import along_segment
            sage: along_segment(random_network([2, 5, 1], seed=1), [-5, -5], [5, 5],
            ....:               line=True).number_of_linear_pieces()
            6
        """
        return len(self.pieces())

    def number_of_activation_pieces(self):
        r"""
        Return the number of activation pieces.

        EXAMPLES::

            sage: from sage_tropnet.network import random_network
            sage: from sage_tropnet.lines import along_segment
            sage: along_segment(random_network([2, 5, 1], seed=1), [-5, -5], [5, 5],
            ....:               line=True).number_of_activation_pieces()
            6
        """
        return len(self._pieces)

    def breakpoints(self, kind='linear'):
        r"""
        Return the parameters `t` of the breakpoints, in increasing order:
        where the output's affine map changes (``kind='linear'``, default)
        or where the activation pattern changes (``kind='activation'``).

        EXAMPLES::

            sage: from sage_tropnet.network import ReLUNetwork
            sage: from sage_tropnet.lines import along_segment
            sage: net = ReLUNetwork([([[1], [1]], [0, -1]), ([[1, -1]], [0])])
            sage: P = along_segment(net, [-1], [3])
            sage: P.breakpoints(), P.breakpoints('activation')
            ([1/4, 1/2], [1/4, 1/2])
        """
        if kind not in KINDS:
            raise ValueError("kind must be 'linear' or 'activation', got %r" % (kind,))
        src = self.pieces() if kind == 'linear' else self._pieces
        return [p[0] for p in src[1:]]

    def points(self, kind='linear'):
        r"""
        Return the breakpoints as points of the input space.

        EXAMPLES::

            sage: from sage_tropnet.network import ReLUNetwork
            sage: from sage_tropnet.lines import along_segment
            sage: net = ReLUNetwork([([[1, 1]], [-1]), ([[1]], [0])])
            sage: along_segment(net, [0, 0], [2, 0]).points()
            [(1, 0)]
        """
        if self.mode == 'exact':
            return [self.origin + t * self.direction for t in self.breakpoints(kind)]
        return [np.asarray(self.origin) + t * np.asarray(self.direction)
                for t in self.breakpoints(kind)]


# ---------------------------------------------------------------------------
# the layer-wise split, exact
# ---------------------------------------------------------------------------

def _inside(r, lo, hi):
    return (lo is None or r > lo) and (hi is None or r < hi)


def _envelope(lines, lo, hi):
    r"""
    Return ``(cuts, winners)``: the upper envelope of the affine functions
    ``lines = [(s, c)]`` of `t` on `(lo, hi)` (``None`` for infinite ends):
    the winner on `(lo, cuts[0])` is ``winners[0]``, and so on. Among equal
    functions the first wins.

    TESTS::

        sage: from sage_tropnet.lines import envelope
        sage: envelope([(QQ(1), QQ(0)), (QQ(-1), QQ(0)), (QQ(0), QQ(1))], None, None)
        ([-1, 1], [1, 2, 0])
        sage: envelope([(QQ(1), QQ(0)), (QQ(1), QQ(0))], QQ(0), QQ(1))
        ([], [0])
    """
    k = len(lines)
    if lo is None:
        # at -infinity: smallest slope, then largest constant, then first
        cur = min(range(k), key=lambda r: (lines[r][0], -lines[r][1], r))
        t = None
    else:
        # just right of lo: largest value, then largest slope, then first
        vals = [lines[r][1] + lo * lines[r][0] for r in range(k)]
        cur = min(range(k), key=lambda r: (-vals[r], -lines[r][0], r))
        t = lo
    cuts, winners = [], [cur]
    while True:
        s0, c0 = lines[cur]
        best, bt = None, None
        for q in range(k):
            s, c = lines[q]
            if s <= s0:
                continue
            tq = (c0 - c) / (s - s0)
            if t is not None and tq <= t:
                continue
            if bt is None or tq < bt or (tq == bt and (s, -q) > (lines[best][0], -best)):
                best, bt = q, tq
        if best is None or (hi is not None and bt >= hi):
            return cuts, winners
        cuts.append(bt)
        winners.append(best)
        cur, t = best, bt


envelope = _envelope


def _split_exact(act, zs, zc, w, lo, hi):
    r"""
    Return ``(cuts, states_of_piece)`` for one interval: the sorted cut
    points inside ``(lo, hi)`` and a function giving the states of piece `j`.
    ``zs``, ``zc``: slopes and constants of the pre-activations (lists).
    """
    if act.rows_per_unit == 1:
        alpha = act.alpha
        if alpha == 1:
            st = (1,) * w
            return [], lambda j: st
        fixed = [0] * w
        varying = []
        cutset = set()
        for u in range(w):
            s, c = zs[u], zc[u]
            if not s:
                fixed[u] = 1 if c > 0 else 0
                continue
            r = -c / s
            if _inside(r, lo, hi):
                cutset.add(r)
                varying.append((u, r, s > 0))
            elif hi is not None and r >= hi:
                fixed[u] = 1 if s < 0 else 0
            else:
                fixed[u] = 1 if s > 0 else 0
        if not varying:
            st = tuple(fixed)
            return [], lambda j: st
        cuts = sorted(cutset)
        pos = {r: i for i, r in enumerate(cuts)}
        vary = [(u, pos[r], up) for u, r, up in varying]

        def states(j):
            st = list(fixed)
            for u, p, up in vary:
                st[u] = 1 if (j > p) == up else 0
            return tuple(st)
        return cuts, states
    k = act.k
    units = w // k
    env = []
    cutset = set()
    for u in range(units):
        lines = [(zs[u * k + r], zc[u * k + r]) for r in range(k)]
        cu, wi = _envelope(lines, lo, hi)
        env.append((cu, wi))
        cutset.update(cu)
    cuts = sorted(cutset)

    def states(j):
        # piece j is (cuts[j-1], cuts[j]); its left end is cuts[j-1]
        st = []
        for cu, wi in env:
            if not cu:
                st.append(wi[0])
            else:
                left = cuts[j - 1] if j > 0 else None
                i = 0 if left is None else bisect.bisect_right(cu, left)
                st.append(wi[i])
        return tuple(st)
    return cuts, states


def _post_exact(act, zs, zc, states):
    r"""
    Return the slopes and constants of the post-activations of one piece.
    """
    if act.rows_per_unit == 1:
        if act.alpha == 0:
            return ([a if s else 0 for a, s in zip(zs, states)],
                    [a if s else 0 for a, s in zip(zc, states)])
        al = act.alpha
        return ([a if s else al * a for a, s in zip(zs, states)],
                [a if s else al * a for a, s in zip(zc, states)])
    k = act.k
    return ([zs[u * k + s] for u, s in enumerate(states)],
            [zc[u * k + s] for u, s in enumerate(states)])


def _run_exact(layers, rows, S, C):
    r"""
    Push the intervals ``rows = [(segment, lo, hi, pattern)]`` with the
    input maps ``S`` (slopes) and ``C`` (constants) through the layers.
    """
    for W, b, act in layers:
        act = activation(act)
        Wt = W.transpose()
        M = len(rows)
        w = W.nrows()
        ZS = S * Wt
        ZC = C * Wt + matrix(QQ, M, w, list(b) * M)
        if act.is_linear:
            rows = [(g, lo, hi, pat + ((),)) for g, lo, hi, pat in rows]
            S, C = ZS, ZC
            continue
        zs_all, zc_all = ZS.list(), ZC.list()
        new_rows, Sl, Cl = [], [], []
        for i, (g, lo, hi, pat) in enumerate(rows):
            zs = zs_all[i * w:(i + 1) * w]
            zc = zc_all[i * w:(i + 1) * w]
            cuts, states = _split_exact(act, zs, zc, w, lo, hi)
            ends = [lo] + cuts + [hi]
            for j in range(len(cuts) + 1):
                st = states(j)
                new_rows.append((g, ends[j], ends[j + 1], pat + (st,)))
                s, c = _post_exact(act, zs, zc, st)
                Sl.extend(s)
                Cl.extend(c)
        rows = new_rows
        wu = act.units(w)
        S = matrix(QQ, len(rows), wu, Sl)
        C = matrix(QQ, len(rows), wu, Cl)
    return rows, S, C


# ---------------------------------------------------------------------------
# the float mode
# ---------------------------------------------------------------------------

def _float_layers(net):
    return [(np.array([float(a) for a in W.list()], dtype=float).reshape(W.nrows(), W.ncols()),
             np.array([float(a) for a in b], dtype=float), activation(act))
            for W, b, act in net.layers()]


def _run_float(layers, rows, S, C):
    r"""
    The float version of :func:`_run_exact` (``S``, ``C`` NumPy arrays).
    """
    for W, b, act in layers:
        ZS = S @ W.T
        ZC = C @ W.T + b
        if act.is_linear:
            rows = [(g, lo, hi, pat + (b'',)) for g, lo, hi, pat in rows]
            S, C = ZS, ZC
            continue
        M, w = ZS.shape
        lo = np.array([-np.inf if r[1] is None else r[1] for r in rows])
        hi = np.array([np.inf if r[2] is None else r[2] for r in rows])
        span = np.where(np.isfinite(hi - lo), hi - lo, 1.0)
        tol = FLOAT_TOLERANCE * np.maximum(span, 1e-300)[:, None]
        new_rows, Sn, Cn = [], [], []
        if act.rows_per_unit == 1:
            al = float(act.alpha)
            if al == 1.0:
                rows = [(g, a, z, pat + (bytes([1] * w),)) for g, a, z, pat in rows]
                S, C = ZS, ZC
                continue
            scale = np.maximum(np.abs(ZS) * np.maximum(np.abs(lo), np.abs(hi))[:, None]
                               .clip(max=1e300), np.abs(ZC))
            tiny = np.abs(ZS) <= 1e-300
            with np.errstate(divide='ignore', invalid='ignore'):
                r = np.where(tiny, np.nan, -ZC / np.where(tiny, 1.0, ZS))
            inside = (r > lo[:, None] + tol) & (r < hi[:, None] - tol)
            right = ~tiny & (r <= lo[:, None] + tol)       # the interval is right of the root
            on = np.where(tiny, ZC > 1e-12 * np.maximum(scale, 1.0),
                          np.where(right, ZS > 0, ZS < 0))
            counts = inside.sum(axis=1)
            onb = on.astype(np.int8)
            for i in range(M):
                g, a, z, pat = rows[i]
                if not counts[i]:
                    new_rows.append((g, a, z, pat + (onb[i].tobytes(),)))
                    m = np.where(onb[i] > 0, 1.0, al)
                    Sn.append((ZS[i] * m)[None])
                    Cn.append((ZC[i] * m)[None])
                    continue
                us = np.nonzero(inside[i])[0]
                rs = r[i, us]
                cuts = np.unique(rs)
                if len(cuts) > 1:
                    # merge cuts closer than the tolerance
                    keep = np.concatenate([[True], np.diff(cuts) > tol[i, 0]])
                    cuts = cuts[keep]
                posu = np.searchsorted(cuts, rs - tol[i, 0])
                up = ZS[i, us] > 0
                j = np.arange(len(cuts) + 1)
                st = np.repeat(onb[i][None], len(j), axis=0)
                st[:, us] = ((j[:, None] > posu[None, :]) == up[None, :])
                ends = [a] + cuts.tolist() + [z]
                for q in range(len(j)):
                    new_rows.append((g, ends[q], ends[q + 1], pat + (st[q].tobytes(),)))
                m = np.where(st > 0, 1.0, al)
                Sn.append(ZS[i][None] * m)
                Cn.append(ZC[i][None] * m)
        else:
            for i in range(M):
                g, a, z, pat = rows[i]
                cuts, states = _split_float_maxout(act.k, ZS[i], ZC[i], a, z, tol[i, 0])
                ends = [a] + cuts + [z]
                for j in range(len(cuts) + 1):
                    st = states(j)
                    new_rows.append((g, ends[j], ends[j + 1], pat + (st,)))
                    idx = [u * act.k + s for u, s in enumerate(st)]
                    Sn.append(ZS[i, idx][None])
                    Cn.append(ZC[i, idx][None])
        rows = new_rows
        S = np.concatenate(Sn, axis=0)
        C = np.concatenate(Cn, axis=0)
    return rows, S, C


def _split_float_maxout(k, zs, zc, lo, hi, tol):
    units = len(zs) // k
    env = []
    cutset = []
    for u in range(units):
        lines = [(float(zs[u * k + r]), float(zc[u * k + r])) for r in range(k)]
        cu, wi = _envelope_float(lines, lo, hi, tol)
        env.append((cu, wi))
        cutset.extend(cu)
    cuts = []
    for t in sorted(cutset):
        if not cuts or t - cuts[-1] > tol:
            cuts.append(t)

    def states(j):
        st = []
        for cu, wi in env:
            left = cuts[j - 1] if j > 0 else None
            i = 0 if left is None else bisect.bisect_right(cu, left + tol)
            st.append(wi[min(i, len(wi) - 1)])
        return tuple(st)
    return cuts, states


def _envelope_float(lines, lo, hi, tol):
    k = len(lines)
    if lo is None:
        cur = min(range(k), key=lambda r: (lines[r][0], -lines[r][1], r))
        t = None
    else:
        vals = [lines[r][1] + lo * lines[r][0] for r in range(k)]
        top = max(vals)
        eps = tol * max(1.0, abs(top))
        cur = min(range(k), key=lambda r: (vals[r] < top - eps, -lines[r][0], r))
        t = lo
    cuts, winners = [], [cur]
    while True:
        s0, c0 = lines[cur]
        best, bt = None, None
        for q in range(k):
            s, c = lines[q]
            if s <= s0 + 1e-300:
                continue
            tq = (c0 - c) / (s - s0)
            if t is not None and tq <= t + tol:
                continue
            if bt is None or tq < bt - tol or (abs(tq - bt) <= tol and s > lines[best][0]):
                best, bt = q, tq
        if best is None or (hi is not None and bt >= hi - tol):
            return cuts, winners
        cuts.append(bt)
        winners.append(best)
        cur, t = best, bt


# ---------------------------------------------------------------------------
# the front door
# ---------------------------------------------------------------------------

def _check(net, output, mode):
    if not isinstance(net, ReLUNetwork):
        raise TypeError("expected a ReLUNetwork, got %s" % type(net).__name__)
    if mode not in ('exact', 'float'):
        raise ValueError("mode must be 'exact' or 'float', got %r" % (mode,))
    if output is not None:
        if int(output) != output or not 0 <= output < net.output_dimension():
            raise ValueError("output %s out of range: the network has %s outputs"
                             % (output, net.output_dimension()))
        output = int(output)
    return output


def along_segments(net, segments, line=False, output=0, mode='exact'):
    r"""
    Return the pieces of ``net`` along many segments (or lines) at once.

    INPUT:

    - ``net`` -- a :class:`~sage_tropnet.network.ReLUNetwork`
    - ``segments`` -- a list of pairs of points ``(a, b)`` of the input
      space (floats are taken as their exact binary values); the segment is
      `a + t (b - a)`, `t \in [0, 1]`
    - ``line`` -- boolean (default: ``False``); the whole lines through
      ``a`` and ``b`` (`t \in \RR`) instead of the segments
    - ``output`` -- integer (default: ``0``) or ``None`` (all outputs): the
      output whose linear pieces are counted
    - ``mode`` -- ``'exact'`` (default: over `\QQ`) or ``'float'`` (double
      precision with the relative tolerance :data:`FLOAT_TOLERANCE`; much
      faster, an estimate)

    OUTPUT: a list of :class:`LinePieces`, one per segment

    EXAMPLES::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.lines import along_segments
        sage: net = ReLUNetwork([([[1], [-1]], [0, 1]), ([[4, 2]], [-3])],
        ....:                   output_activation='relu')
        sage: P = along_segments(net, [([-1], [2]), ([0], [1/4])]); P
        [Segment with 4 linear pieces and 5 activation pieces (exact),
         Segment with 1 linear pieces and 1 activation pieces (exact)]
        sage: P[0].breakpoints()
        [1/6, 1/2, 2/3]
        sage: [p.breakpoints() for p in along_segments(net, [([-1], [2])], mode='float')]
        [[0.1666666666666666..., 0.5, 0.666666666666666...]]

    A maxout network (rank 3), whose upper envelopes are split exactly::

        sage: mo = ReLUNetwork([([[1], [0], [-1]], [0, 1, 0]), ([[1]], [0])],
        ....:                  hidden_activation=('maxout', 3))
        sage: P1 = along_segments(mo, [([-3], [3])])[0]
        sage: P1.pieces()
        [(0, 1/3, -6, 3), (1/3, 2/3, 0, 1), (2/3, 1, 6, -3)]

    ALGORITHM: see the module documentation.
    """
    output = _check(net, output, mode)
    segments = list(segments)
    n = net.input_dimension()
    if not segments:
        return []
    exact = mode == 'exact'
    starts, dirs, rows = [], [], []
    for g, seg in enumerate(segments):
        try:
            a, b = seg
        except (TypeError, ValueError):
            raise ValueError("segment %s: expected a pair of points (a, b)" % g)
        if exact:
            a = vector(QQ, [to_rational(x) for x in a])
            b = vector(QQ, [to_rational(x) for x in b])
        else:
            a = np.asarray(a, dtype=float).ravel()
            b = np.asarray(b, dtype=float).ravel()
        if len(a) != n or len(b) != n:
            raise ValueError("segment %s: the points have %s and %s coordinates, the network "
                             "has %s inputs" % (g, len(a), len(b), n))
        starts.append(a)
        dirs.append(b - a)
        if line:
            rows.append((g, None, None, ()))
        else:
            rows.append((g, QQ(0) if exact else 0.0, QQ(1) if exact else 1.0, ()))
    if exact:
        S = matrix(QQ, dirs)
        C = matrix(QQ, starts)
        rows, S, C = _run_exact(net.layers(), rows, S, C)
        Sl = [tuple(r) for r in S.rows()]
        Cl = [tuple(r) for r in C.rows()]
    else:
        S = np.array(dirs, dtype=float)
        C = np.array(starts, dtype=float)
        rows, S, C = _run_float(_float_layers(net), rows, S, C)
        Sl = [tuple(r) for r in S.tolist()]
        Cl = [tuple(r) for r in C.tolist()]
    per = [[] for _ in segments]
    for (g, lo, hi, pat), s, c in zip(rows, Sl, Cl):
        if not exact:
            lo = None if lo is None or lo == -np.inf else float(lo)
            hi = None if hi is None or hi == np.inf else float(hi)
        per[g].append((lo, hi, pat, s, c))
    return [LinePieces(starts[g], dirs[g], not line, per[g], output=output, mode=mode)
            for g in range(len(segments))]


def along_segment(net, a, b, line=False, output=0, mode='exact'):
    r"""
    Return the pieces of ``net`` along the segment from ``a`` to ``b`` (or
    the line through them).

    INPUT: as for :func:`along_segments`, with one segment ``(a, b)``

    OUTPUT: a :class:`LinePieces`

    EXAMPLES::

        sage: from sage_tropnet.network import random_network
        sage: from sage_tropnet.lines import along_segment
        sage: net = random_network([3, 8, 8, 2], seed=4)
        sage: P = along_segment(net, [-1, 0, 2], [2, 1, -1], output=None); P
        Segment with 13 linear pieces and 13 activation pieces (exact)
        sage: along_segment(net, [-1, 0, 2], [2, 1, -1], output=1).number_of_linear_pieces()
        13

    The breakpoints are exact: the network is affine between them::

        sage: t = P.breakpoints()
        sage: x = lambda s: vector(QQ, [-1, 0, 2]) + s * vector(QQ, [3, 1, -3])
        sage: u, v = t[0], t[1]
        sage: net(x((u + v) / 2)) == (net(x(u)) + net(x(v))) / 2
        True
    """
    return along_segments(net, [(a, b)], line=line, output=output, mode=mode)[0]


def count_pieces(net, segments, kind='linear', line=False, output=0, mode='exact'):
    r"""
    Return the number of linear (or activation) pieces along each segment.

    INPUT:

    - ``kind`` -- ``'linear'`` (default) or ``'activation'``
    - the other arguments as for :func:`along_segments`

    OUTPUT: a list of integers

    EXAMPLES::

        sage: from sage_tropnet.network import random_network
        sage: from sage_tropnet.lines import count_pieces
        sage: net = random_network([2, 6, 6, 1], seed=2)
        sage: segs = [([-1, -1], [1, 1]), ([-1, 1], [1, -1]), ([0, 0], [0, 1])]
        sage: count_pieces(net, segs), count_pieces(net, segs, kind='activation')
        ([12, 11, 3], [12, 11, 3])
    """
    if kind not in KINDS:
        raise ValueError("kind must be 'linear' or 'activation', got %r" % (kind,))
    P = along_segments(net, segments, line=line, output=output, mode=mode)
    if kind == 'linear':
        return [p.number_of_linear_pieces() for p in P]
    return [p.number_of_activation_pieces() for p in P]
