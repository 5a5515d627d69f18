r"""
Float mode for region counting

The same facet-crossing search as :mod:`sage_tropnet.regions`, with every
geometric primitive in double precision and no linear programme in the common
case. For a cell `\{x : Ax \le b\}` with an interior point `x_0`, the facets
are read off the *polar*: the convex hull (qhull) of the origin and the points
`a_k / s_k` (`s_k = b_k - a_k x_0` the slacks). Its vertices other than the
origin are the facets of the cell; its hull facets not through the origin
give the vertices `x_0 + u/\beta` of the cell, those through the origin its
rays. So one small convex hull per cell gives every facet with the vertices
and rays on it, for bounded and unbounded cells alike: float mode counts in
all of `\RR^n` directly. A point in the relative interior of each facet is
crossed (all facets of a cell in one vectorised forward pass), and the far
cell gets an interior point by two chord midpoints. A Chebyshev-centre LP
(HiGHS) is only a fallback for badly placed points.

If the cells have a lineality space (the first layer has rank `r < n`, or
the Newton polytopes are not full-dimensional), the search runs in the
orthogonal complement of it (`\RR^r`), where the cells are pointed.

Float mode is an *estimate with tolerances*: every output of float mode is
labelled ``mode = "float"``; tests cross-check it against exact mode.

EXAMPLES::

    sage: from sage_tropnet.network import random_network
    sage: from sage_tropnet.regions import count_linear_regions
    sage: net = random_network([2, 5, 1], seed=1)
    sage: count_linear_regions(net, method='activation', mode='float')
    16
    sage: count_linear_regions(net, method='activation')
    16

AUTHORS:

- sage_tropnet developers (2026-11): initial version; polar-hull search
  without LPs (2026-11)

REFERENCES:

- [Zie1995]_ Ch. 2 (polarity: facets of `P` are vertices of `P^\circ`)
- [STR2018]_ (activation regions)
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

import numpy as np

#: relative tolerance of float mode
TOL = 1e-9


def _lex_argmax_rows(vals, ders, scale, dscale):
    r"""
    Row-wise lexicographic argmax of ``(vals, ders)`` with tolerances; ``-1``
    marks a tie.
    """
    top = vals.max(axis=1)
    cand = vals >= (top - TOL * scale)[:, None]
    out = np.argmax(vals, axis=1)
    multi = cand.sum(axis=1) > 1
    if multi.any():
        if ders is None:
            out[multi] = -1
        else:
            dd = np.where(cand, ders, -np.inf)
            best = dd.max(axis=1)
            win = cand & (dd >= (best - TOL * dscale)[:, None])
            one = win.sum(axis=1) == 1
            arg = np.argmax(win, axis=1)
            out[multi] = np.where(one[multi], arg[multi], -1)
    return out


class FloatTropicalOracle:
    r"""
    Float cells `U_i \cap V_j` of `p \oslash q` (data of the exact oracle).

    INPUT: ``polys`` -- list of two triples ``(E, C, adj)`` (exponent vectors,
    coefficients, upper-hull adjacency), as in the exact oracle

    EXAMPLES::

        sage: from sage_tropnet.float_regions import FloatTropicalOracle
        sage: o = FloatTropicalOracle([([(0,), (1,)], [0, 0], {0: [1], 1: [0]}),
        ....:                          ([(0,)], [0], {0: []})])
        sage: o.key_at([2.0], None), o.key_at([-2.0], None)
        ((1, 0), (0, 0))
    """

    def __init__(self, polys):
        self.polys = [(np.array([[float(a) for a in e] for e in E], dtype=float).reshape(len(E), -1),
                       np.array([float(c) for c in C]), adj) for E, C, adj in polys]
        self.n = self.polys[0][0].shape[1]

    def cons(self, key):
        r"""
        Return the constraints ``(A, b)``, `A x \le b`, of the cell ``key``.

        EXAMPLES::

            sage: from sage_tropnet.float_regions import FloatTropicalOracle
            sage: o = FloatTropicalOracle([([(0,), (1,)], [0, 0], {0: [1], 1: [0]}),
            ....:                          ([(0,)], [0], {0: []})])
            sage: o.cons((1, 0))
            (array([[-1.]]), array([0.]))
        """
        rows, rhs = [], []
        for (E, C, adj), i in zip(self.polys, key):
            k = list(adj[i])
            if k:
                rows.append(E[k] - E[i])
                rhs.append(C[i] - C[k])
        if not rows:
            return np.zeros((0, self.n)), np.zeros(0)
        return np.vstack(rows), np.concatenate(rhs)

    def label(self, key):
        r"""
        Return the affine map (gradient, constant) of the cell ``key``, rounded.

        EXAMPLES::

            sage: from sage_tropnet.float_regions import FloatTropicalOracle
            sage: o = FloatTropicalOracle([([(0,), (1,)], [0, 0], {0: [1], 1: [0]}),
            ....:                          ([(0,)], [0], {0: []})])
            sage: o.label((1, 0))
            (1.0, 0.0)
        """
        (Ep, Cp, _), (Eq, Cq, _) = self.polys
        i, j = key
        return tuple(np.round(np.append(Ep[i] - Eq[j], Cp[i] - Cq[j]), 9))

    def keys_at(self, Y, D):
        r"""
        Return the cells containing `y + \varepsilon d` for the rows `y` of
        ``Y`` and `d` of ``D`` (``None`` on a numerical tie).

        EXAMPLES::

            sage: import numpy as np
            sage: from sage_tropnet.float_regions import FloatTropicalOracle
            sage: o = FloatTropicalOracle([([(0,), (1,)], [0, 0], {0: [1], 1: [0]}),
            ....:                          ([(0,)], [0], {0: []})])
            sage: o.keys_at(np.array([[0.0], [0.0], [3.0]]), np.array([[1.0], [-1.0], [0.0]]))
            [(1, 0), (0, 0), (1, 0)]
        """
        Y = np.asarray(Y, dtype=float)
        idx = []
        for E, C, _ in self.polys:
            V = Y @ E.T + C
            scale = 1.0 + np.abs(V).max(axis=1)
            if D is None:
                ders, dscale = None, None
            else:
                ders = np.asarray(D, dtype=float) @ E.T
                dscale = 1.0 + np.abs(ders).max(axis=1)
            idx.append(_lex_argmax_rows(V, ders, scale, dscale))
        return [None if (i < 0 or j < 0) else (int(i), int(j)) for i, j in zip(*idx)]

    def key_at(self, y, d):
        r"""
        Return the cell containing `y + \varepsilon d` (``None`` on a numerical tie).

        EXAMPLES::

            sage: from sage_tropnet.float_regions import FloatTropicalOracle
            sage: o = FloatTropicalOracle([([(0,), (1,)], [0, 0], {0: [1], 1: [0]}),
            ....:                          ([(0,)], [0], {0: []})])
            sage: o.key_at([0.0], [1.0]), o.key_at([0.0], None)
            ((1, 0), None)
        """
        return self.keys_at(np.asarray(y, dtype=float)[None, :],
                            None if d is None else np.asarray(d, dtype=float)[None, :])[0]


class FloatActivationOracle:
    r"""
    Float activation cells of a network (canonical patterns as in exact mode).

    Keys are activation patterns packed into bytes (one ``int16`` per
    neuron, or per maxout unit: the index of the winning row); use
    :meth:`pattern` to unpack them.

    EXAMPLES::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.float_regions import FloatActivationOracle
        sage: o = FloatActivationOracle(ReLUNetwork([([[1], [-1]], [0, 1]), ([[4, 2]], [-3])]), 0)
        sage: o.pattern(o.key_at([0.25], None))
        ((1, 1), ())
    """

    def __init__(self, net, output):
        self.n = net.input_dimension()
        self.layers = []
        self._sizes = []
        for W, b, act in net.layers():
            Wf = np.array([[float(a) for a in row] for row in W.rows()]).reshape(W.nrows(), W.ncols())
            bf = np.array([float(a) for a in b])
            kind = act[0]
            if kind == 'linear':
                units = 0
            elif kind == 'maxout':
                units = Wf.shape[0] // act[1]
            else:
                units = Wf.shape[0]
            self.layers.append((Wf, bf, np.abs(Wf), np.abs(bf), kind,
                                act[1] if len(act) > 1 else None))
            self._sizes.append(units)
        self.output = output
        self._cache = {}

    # keys ----------------------------------------------------------------

    def pattern(self, key):
        r"""
        Return the activation pattern of ``key`` as a tuple of per-layer tuples.

        EXAMPLES::

            sage: from sage_tropnet.network import ReLUNetwork
            sage: from sage_tropnet.float_regions import FloatActivationOracle
            sage: o = FloatActivationOracle(ReLUNetwork([([[1]], [0]), ([[1]], [0])]), 0)
            sage: o.pattern(o.key_at([1.0], None))
            ((1,), ())
        """
        flat = np.frombuffer(key, dtype=np.int16).tolist()
        out, pos = [], 0
        for s in self._sizes:
            out.append(tuple(flat[pos:pos + s]))
            pos += s
        return tuple(out)

    def _walk_point(self, y, d):
        r"""
        Pattern at `y + \varepsilon d` for one point, deciding neurons whose
        value and derivative both vanish from the affine map on the cell
        (canonical state for neurons identically zero; ``None`` on a tie).
        """
        n = self.n
        M = np.eye(n)
        v = np.zeros(n)
        states = []
        for W, b, _, _, kind, par in self.layers:
            A = W @ M
            c = W @ v + b
            if kind == 'linear':
                M, v = A, c
                continue
            scale = 1.0 + np.abs(A).sum(axis=1) + np.abs(c)
            zero = (np.abs(A).max(axis=1) <= TOL * scale) & (np.abs(c) <= TOL * scale)
            if kind == 'maxout':
                k_ = par
                st = []
                for u in range(A.shape[0] // k_):
                    distinct = []
                    for r in range(u * k_, (u + 1) * k_):
                        if not any(np.allclose(A[r], A[s], atol=TOL) and abs(c[r] - c[s]) <= TOL
                                   for s in distinct):
                            distinct.append(r)
                    vals = np.array([[c[r] + A[r] @ y for r in distinct]])
                    ders = None if d is None else np.array([[A[r] @ d for r in distinct]])
                    a = _lex_argmax_rows(vals, ders, 1.0 + np.abs(vals).max(axis=1),
                                         None if d is None else 1.0 + np.abs(ders).max(axis=1))[0]
                    if a < 0:
                        return None
                    st.append(distinct[a])
                M, v = A[st], c[st]
                states.append(st)
                continue
            alpha = float(par) if kind == 'leaky_relu' else 0.0
            st = []
            for k in range(A.shape[0]):
                if zero[k] or alpha == 1:
                    s = 0 if alpha != 1 else 1
                else:
                    val = c[k] + A[k] @ y
                    der = A[k] @ d if d is not None else 0.0
                    if abs(val) <= TOL * scale[k]:
                        if abs(der) <= TOL * scale[k]:
                            return None
                        s = 1 if der > 0 else 0
                    else:
                        s = 1 if val > 0 else 0
                st.append(s)
            f = np.array([1.0 if s else alpha for s in st])
            M, v = f[:, None] * A, f * c
            states.append(st)
        return np.array([s for st in states for s in st], dtype=np.int16).tobytes()

    def keys_at(self, Y, D):
        r"""
        Return the patterns at `y + \varepsilon d` for the rows `y` of ``Y``
        and `d` of ``D`` (one vectorised forward pass; ``None`` on a tie).

        EXAMPLES::

            sage: import numpy as np
            sage: from sage_tropnet.network import ReLUNetwork
            sage: from sage_tropnet.float_regions import FloatActivationOracle
            sage: o = FloatActivationOracle(ReLUNetwork([([[1]], [0]), ([[1]], [0])]), 0)
            sage: [o.pattern(k) for k in o.keys_at(np.array([[0.0], [0.0], [2.0]]),
            ....:                                  np.array([[-1.0], [1.0], [0.0]]))]
            [((0,), ()), ((1,), ()), ((1,), ())]
        """
        Y = np.asarray(Y, dtype=float)
        F = Y.shape[0]
        val = Y
        der = np.zeros_like(Y) if D is None else np.asarray(D, dtype=float)
        mag = np.abs(Y)
        dmag = np.abs(der)
        states = []
        bad = np.zeros(F, dtype=bool)
        for W, b, aW, ab, kind, par in self.layers:
            z = val @ W.T + b
            dz = der @ W.T
            tz = TOL * (1.0 + mag @ aW.T + ab)
            td = TOL * (1.0 + dmag @ aW.T)
            if kind == 'linear':
                val, der, mag, dmag = z, dz, np.abs(z), np.abs(dz)
                continue
            if kind == 'maxout':
                k_ = par
                U = z.shape[1] // k_
                Z = z.reshape(F * U, k_)
                DZ = dz.reshape(F * U, k_)
                a = _lex_argmax_rows(Z, DZ, tz.reshape(F * U, k_).max(axis=1) / TOL,
                                     td.reshape(F * U, k_).max(axis=1) / TOL).reshape(F, U)
                bad |= (a < 0).any(axis=1)
                a = np.maximum(a, 0)
                val = np.take_along_axis(z.reshape(F, U, k_), a[:, :, None], 2)[:, :, 0]
                der = np.take_along_axis(dz.reshape(F, U, k_), a[:, :, None], 2)[:, :, 0]
                mag, dmag = np.abs(val), np.abs(der)
                states.append(a + np.arange(U) * k_)
                continue
            alpha = float(par) if kind == 'leaky_relu' else 0.0
            if alpha == 1:
                s = np.ones(z.shape, dtype=bool)
            else:
                pos = z > tz
                amb = ~pos & (z >= -tz)
                s = pos | (amb & (dz > td))
                bad |= (amb & (np.abs(dz) <= td)).any(axis=1)
            f = np.where(s, 1.0, alpha)
            val, der = f * z, f * dz
            mag, dmag = np.abs(val), np.abs(der)
            states.append(s)
        flat = (np.hstack(states) if states else np.zeros((F, 0))).astype(np.int16)
        out = [row.tobytes() for row in flat]
        for i in np.nonzero(bad)[0]:
            out[i] = self._walk_point(Y[i], None if D is None else np.asarray(D[i], dtype=float))
        return out

    def key_at(self, y, d):
        r"""
        Return the activation pattern at `y + \varepsilon d` (``None`` on a tie).

        EXAMPLES::

            sage: from sage_tropnet.network import ReLUNetwork
            sage: from sage_tropnet.float_regions import FloatActivationOracle
            sage: o = FloatActivationOracle(ReLUNetwork([([[1]], [0]), ([[1]], [0])]), 0)
            sage: o.pattern(o.key_at([0.0], [-1.0])), o.key_at([0.0], None)
            (((0,), ()), None)
        """
        return self.keys_at(np.asarray(y, dtype=float)[None, :],
                            None if d is None else np.asarray(d, dtype=float)[None, :])[0]

    # cells ---------------------------------------------------------------

    def _data(self, key):
        if key in self._cache:
            return self._cache[key]
        flat = np.frombuffer(key, dtype=np.int16)
        n = self.n
        M = np.eye(n)
        v = np.zeros(n)
        rows, rhs = [], []
        pos = 0
        for (W, b, _, _, kind, par), size in zip(self.layers, self._sizes):
            A = W @ M
            c = W @ v + b
            if kind == 'linear':
                M, v = A, c
                continue
            st = flat[pos:pos + size]
            pos += size
            if kind == 'maxout':
                k_ = par
                r = st.astype(int)
                Ar, cr = A[r], c[r]
                rows.append((A.reshape(size, k_, n) - Ar[:, None, :]).reshape(-1, n))
                rhs.append((cr[:, None] - c.reshape(size, k_)).ravel())
                M, v = Ar, cr
                continue
            alpha = float(par) if kind == 'leaky_relu' else 0.0
            if alpha != 1:
                scale = 1.0 + np.abs(A).sum(axis=1) + np.abs(c)
                live = ~((np.abs(A).max(axis=1) <= TOL * scale) & (np.abs(c) <= TOL * scale))
                sign = np.where(st > 0, 1.0, -1.0)
                rows.append((-sign[:, None] * A)[live])
                rhs.append((sign * c)[live])
            f = np.where(st > 0, 1.0, alpha)
            M, v = f[:, None] * A, f * c
        if rows:
            data = (np.vstack(rows), np.concatenate(rhs)), (M, v)
        else:
            data = (np.zeros((0, n)), np.zeros(0)), (M, v)
        self._cache[key] = data
        return data

    def cons(self, key):
        r"""
        Return the constraints ``(A, b)``, `A x \le b`, of the activation cell ``key``.

        EXAMPLES::

            sage: from sage_tropnet.network import ReLUNetwork
            sage: from sage_tropnet.float_regions import FloatActivationOracle
            sage: o = FloatActivationOracle(ReLUNetwork([([[2]], [1]), ([[1]], [0])]), 0)
            sage: o.cons(o.key_at([1.0], None))
            (array([[-2.]]), array([1.]))
        """
        return self._data(key)[0]

    def label(self, key):
        r"""
        Return the (rounded) affine map of the chosen output on the cell ``key``.

        EXAMPLES::

            sage: from sage_tropnet.network import ReLUNetwork
            sage: from sage_tropnet.float_regions import FloatActivationOracle
            sage: o = FloatActivationOracle(ReLUNetwork([([[2]], [1]), ([[1]], [0])]), 0)
            sage: o.label(o.key_at([1.0], None)), o.label(o.key_at([-1.0], None))
            ((2.0, 1.0), (0.0, 0.0))
        """
        M, v = self._data(key)[1]
        if self.output is None:
            return tuple(np.round(np.append(M.ravel(), v), 9))
        return tuple(np.round(np.append(M[self.output], v[self.output]), 9))


# ---------------------------------------------------------------------------
# geometry of one cell
# ---------------------------------------------------------------------------

def _chebyshev(A, b, cap=1.0):
    """
    Return (centre, radius) of a largest inscribed ball of ``A x <= b``
    (radius capped at ``cap``; ``(None, 0)`` if empty).
    """
    from scipy.optimize import linprog
    norms = np.linalg.norm(A, axis=1)
    n = A.shape[1]
    c = np.zeros(n + 1)
    c[-1] = -1.0
    res = linprog(c, A_ub=np.hstack([A, norms[:, None]]), b_ub=b,
                  bounds=[(None, None)] * n + [(0, cap)], method='highs')
    if res.status != 0:
        return None, 0.0
    return res.x[:n], res.x[-1]


def _normalise(A, b):
    """
    Scale the rows of ``A x <= b`` to unit length; return ``(A, b, ok)``
    with ``ok`` False if a zero row is violated.
    """
    norms = np.sqrt((A * A).sum(axis=1))
    big = norms.max() if len(norms) else 0.0
    live = norms > 1e-13 * (1.0 + big)
    if np.any(~live & (b < -TOL * (1.0 + np.abs(b)))):
        return None, None, None, False
    return A[live] / norms[live, None], b[live] / norms[live], np.nonzero(live)[0], True


class _Facets:
    r"""
    The facets of one cell: ``rows`` (indices into the constraint rows),
    ``points`` (one point in the relative interior of each) and
    :meth:`generators` (the vertices and rays on a facet); ``simplices``
    lists, for each generator (vertex ``_V[g]`` or ray ``_U[g]``), ``n`` rows
    tight at it (``-1`` for the origin of the polar, i.e. a ray).
    """

    def __init__(self, rows, points, V, U, ray, fs, starts, simplices):
        self.rows, self.points, self.simplices = rows, points, simplices
        self._V, self._U, self._ray, self._fs, self._starts = V, U, ray, fs, starts

    def generators(self, i):
        f = self._fs[self._starts[i]:self._starts[i + 1]]
        r = self._ray[f]
        return self._V[f[~r]], self._U[f[r]]


def _polar_facets(A, b, x0):
    r"""
    Facets of the pointed cell `\{x : Ax \le b\}` (rows of unit length) from
    the convex hull of its polar around the interior point ``x0``.

    OUTPUT: ``None`` if ``x0`` is not interior or the hull is degenerate;
    otherwise a :class:`_Facets`.
    """
    from scipy.spatial import ConvexHull
    from scipy.spatial import QhullError
    n = A.shape[1]
    s = b - A @ x0
    if len(s) < n or (s <= TOL * (1.0 + np.abs(A @ x0) + np.abs(b))).any():
        return None
    if n == 1:
        rows, pts = [], []
        a = A[:, 0]
        for sgn in (1, -1):
            idx = np.nonzero(sgn * a > 0)[0]
            if len(idx):
                t = idx[np.argmin(s[idx])]
                rows.append(t)
                pts.append(x0 + s[t] * A[t])
        V = np.array(pts).reshape(len(pts), 1)
        return _Facets(np.array(rows, dtype=int), V, V, np.zeros((0, 1)),
                       np.zeros(len(pts), dtype=bool), np.arange(len(pts)),
                       np.arange(len(pts) + 1), np.array(rows, dtype=int).reshape(-1, 1))
    Q = A / s[:, None]
    try:
        hull = ConvexHull(np.vstack([np.zeros((1, n)), Q]))
    except (QhullError, ValueError):
        return None
    eq = hull.equations
    simp = hull.simplices
    U = eq[:, :-1]
    beta = -eq[:, -1]
    ray = (simp == 0).any(axis=1) | (beta <= 1e-12 * np.abs(Q).max())
    V = x0 + U / np.where(ray, 1.0, beta)[:, None]
    # incidences (point p of the polar = row p - 1, hull facet f = generator)
    fs = np.repeat(np.arange(len(simp)), simp.shape[1])
    pts = simp.ravel()
    keep = pts > 0
    fs, pts = fs[keep], pts[keep] - 1
    order = np.argsort(pts, kind='stable')
    pts, fs = pts[order], fs[order]
    rows = np.unique(pts)
    starts = np.searchsorted(pts, np.append(rows, len(A)))
    m = len(A)
    isv = ~ray[fs]
    cv = np.bincount(pts, weights=isv, minlength=m)[rows]
    cr = np.bincount(pts, weights=~isv, minlength=m)[rows]
    Vf = V[~ray]
    L = 1.0 + 2.0 * (np.abs(Vf - x0).max() if len(Vf) else 0.0)
    P = np.empty((len(rows), n))
    for j in range(n):
        sv = np.bincount(pts, weights=np.where(isv, V[fs, j], 0.0), minlength=m)[rows]
        sr = np.bincount(pts, weights=np.where(isv, 0.0, U[fs, j]), minlength=m)[rows]
        P[:, j] = sv / np.maximum(cv, 1) + L * sr / np.maximum(cr, 1)
    novert = cv == 0
    if novert.any():  # numerically degenerate facet: project x0 onto it
        t = rows[novert]
        P[novert] = x0 + s[t, None] * A[t]
    return _Facets(rows, P, V, U, ray, fs, starts, simp - 1)


def _facet_point(verts, rays, rng):
    """
    A random point in the relative interior of a facet from its vertices and rays.
    """
    if not len(verts):
        return None
    w = rng.random(len(verts)) + 0.05
    y = (w / w.sum()) @ verts
    if len(rays):
        L = 1.0 + np.abs(verts - y).max()
        w = rng.random(len(rays)) + 0.05
        y = y + L * (w / w.sum()) @ rays
    return y


def _chord_midpoint(A, b, y, d):
    r"""
    Midpoint of the chord of `\{Ax \le b\}` from ``y`` in direction ``d``
    (``None`` if the chord is degenerate; a unit step if it is unbounded).
    """
    s = b - A @ y
    ad = A @ d
    pos = ad > TOL * (1.0 + np.abs(ad).max())
    if pos.any():
        t = (s[pos] / ad[pos]).min()
        if t <= 0:
            return None
        return y + 0.5 * t * d
    return y + (1.0 + np.abs(y).max()) * d


def _centre(A, b, y, d, rng):
    """
    An interior point of ``A x <= b`` near the facet point ``y`` entered in
    direction ``d``: chord midpoints along ``d`` and a random direction.
    """
    x = _chord_midpoint(A, b, y, d)
    if x is None:
        return None
    r = rng.standard_normal(len(y))
    r /= np.linalg.norm(r)
    s = b - A @ x
    ar = A @ r
    tol = TOL * (1.0 + np.abs(ar).max())
    up = (s[ar > tol] / ar[ar > tol]).min() if (ar > tol).any() else np.inf
    dn = (s[ar < -tol] / -ar[ar < -tol]).min() if (ar < -tol).any() else np.inf
    if np.isfinite(up) and np.isfinite(dn):
        x = x + 0.5 * (up - dn) * r
    return x


def _lineality_basis(A):
    """
    Orthonormal basis (columns) of the row space of ``A`` and its rank.
    """
    if len(A) == 0:
        return np.zeros((A.shape[1], 0)), 0
    _, sv, vt = np.linalg.svd(A, full_matrices=False)
    r = int((sv > 1e-10 * max(1.0, sv[0])).sum())
    return vt[:r].T, r


def explore_float(oracle, box_A=None, box_b=None, seed=0, progress=None):
    r"""
    Return ``(cells, edges)`` of the float search: ``cells`` maps keys to
    interior points, ``edges`` lists facet-adjacent pairs.

    INPUT:

    - ``oracle`` -- a float oracle (:class:`FloatActivationOracle` or
      :class:`FloatTropicalOracle`)
    - ``box_A``, ``box_b`` -- the counting domain ``box_A x <= box_b``
      (default: all of `\RR^n`)

    EXAMPLES::

        sage: import numpy as np
        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.float_regions import FloatActivationOracle, explore_float
        sage: o = FloatActivationOracle(ReLUNetwork([([[1, 0], [0, 1]], [0, 0]), ([[1, 1]], [0])]), 0)
        sage: A = np.vstack([np.eye(2), -np.eye(2)]); b = np.full(4, 5.0)
        sage: cells, edges = explore_float(o, A, b)
        sage: len(cells), len(edges)
        (4, 4)
        sage: len(explore_float(o)[0])
        4
    """
    rng = np.random.default_rng(seed)
    n = oracle.n
    nfix = 0 if box_A is None else len(box_b)
    # start
    if nfix:
        x0, _ = _chebyshev(box_A, box_b, cap=np.inf)
        span = 0.5 * (np.abs(box_b[:n]) + np.abs(box_b[n:2 * n])) if nfix == 2 * n else np.ones(n)
    else:
        x0, span = np.zeros(n), np.ones(n)
    start = None
    for _ in range(200):
        y = x0 + rng.uniform(-0.9, 0.9, n) * span
        start = oracle.key_at(y, None)
        if start is not None:
            break
    if start is None:
        raise RuntimeError("no generic starting point found")
    # lineality space: search in its orthogonal complement
    B = None
    if not nfix:
        B, r = _lineality_basis(oracle.cons(start)[0])
        if r == 0:
            return {start: y}, set()
        if r == n:
            B = None

    def cons(key):
        A, b = oracle.cons(key)
        if B is not None:
            A = A @ B
        if nfix:
            A, b = np.vstack([box_A, A]), np.concatenate([box_b, b])
        return A, b

    if B is not None:
        y = B.T @ y

        def keys_at(Y, D):
            return oracle.keys_at(Y @ B.T, D @ B.T)
    else:
        keys_at = oracle.keys_at

    from tqdm.auto import tqdm
    bar = tqdm(desc="cells (float)", unit="cell", disable=True if progress is False else None,
               leave=False, mininterval=0.5)
    cells, edges = {}, set()
    queue, seen = [(start, y)], {start}
    norm_cache = {}

    def ncons(key):
        if key not in norm_cache:
            A, b = cons(key)
            norm_cache[key] = _normalise(A, b)
        return norm_cache[key]

    while queue:
        key, x0 = queue.pop()
        A, b, live, ok = ncons(key)
        if not ok:
            continue
        fac = _polar_facets(A, b, x0) if x0 is not None else None
        if fac is None:
            # badly placed point: Chebyshev centre (also decides full-dimensionality)
            x0, rad = _chebyshev(A, b)
            if x0 is None or rad <= 1e-9 * (1.0 + np.abs(x0).max()):
                continue
            fac = _polar_facets(A, b, x0)
            if fac is None:
                continue
        cells[key] = x0
        bar.update(1)
        sel = [i for i, t in enumerate(fac.rows) if live[t] >= nfix]
        if not sel:
            continue
        Y = fac.points[sel]
        Dn = A[fac.rows[sel]]
        others = keys_at(Y, Dn)
        for i, y, d, other in zip(sel, Y, Dn, others):
            # the cell across a facet is the same all along the facet (see
            # the module documentation of :mod:`sage_tropnet.regions`), so
            # one crossing point suffices; retry elsewhere on numerical ties
            if other is None or other == key:
                verts, rays = fac.generators(i)
                for attempt in range(30):
                    y = _facet_point(verts, rays, rng)
                    if y is None:
                        break
                    other = keys_at(y[None, :], d[None, :])[0]
                    if other is not None and other != key:
                        break
                else:
                    other = None
                if other is None or other == key:
                    continue
            edges.add((key, other) if key <= other else (other, key))
            if other not in seen:
                seen.add(other)
                oA, ob, _, ook = ncons(other)
                queue.append((other, _centre(oA, ob, y, d, rng) if ook else None))
    bar.close()
    if B is not None:
        cells = {k: B @ x for k, x in cells.items()}
    return cells, edges
