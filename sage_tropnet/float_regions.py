r"""
Float mode for region counting

The same facet-crossing search as :mod:`sage_tropnet.regions`, with every
geometric primitive in double precision: a Chebyshev-centre LP (HiGHS) per
cell and a halfspace intersection (qhull) for its facets and vertices. It is
much faster than exact mode on larger networks and is an *estimate with
tolerances*: every output of float mode is labelled ``mode = "float"``. Tests
cross-check it against exact mode.

Float mode needs bounded cells. Without a user box it counts inside an
automatically grown box `[-R, R]^n`, `R = 16, 64, 256, \dots`, until the
numbers of cells and of regions are both unchanged twice in a row. Once the
box contains every vertex of the complex the count inside it equals the count
in `\RR^n`; the stopping rule is a heuristic for that (another reason float
mode is labelled as an estimate).

EXAMPLES::

    sage: from sage_tropnet.network import random_network
    sage: from sage_tropnet.regions import count_linear_regions
    sage: net = random_network([2, 5, 1], seed=1)
    sage: count_linear_regions(net, method='activation', mode='float')
    16
    sage: count_linear_regions(net, method='activation')
    16

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

import numpy as np

#: relative tolerance of float mode
TOL = 1e-9


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
            for k in adj[i]:
                rows.append(E[k] - E[i])
                rhs.append(C[i] - C[k])
        return np.array(rows).reshape(len(rows), self.n), np.array(rhs)

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
        y = np.asarray(y, dtype=float)
        key = []
        for E, C, _ in self.polys:
            vals = E @ y + C
            k = _lex_argmax(vals, E @ d if d is not None else np.zeros(len(C)))
            if k is None:
                return None
            key.append(k)
        return tuple(key)


def _lex_argmax(vals, ders):
    scale = 1.0 + np.abs(vals).max()
    top = vals.max()
    cand = np.nonzero(vals >= top - TOL * scale)[0]
    if len(cand) == 1:
        return int(cand[0])
    dd = ders[cand]
    dscale = 1.0 + np.abs(dd).max()
    best = dd.max()
    win = cand[dd >= best - TOL * dscale]
    return int(win[0]) if len(win) == 1 else None


class FloatActivationOracle:
    r"""
    Float activation cells of a network (canonical patterns as in exact mode).

    EXAMPLES::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.float_regions import FloatActivationOracle
        sage: o = FloatActivationOracle(ReLUNetwork([([[1], [-1]], [0, 1]), ([[4, 2]], [-3])]), 0)
        sage: o.key_at([0.25], None)
        ((1, 1), ())
    """

    def __init__(self, net, output):
        self.n = net.input_dimension()
        self.layers = [(np.array([[float(a) for a in row] for row in W.rows()]),
                        np.array([float(a) for a in b]), act) for W, b, act in net.layers()]
        self.output = output
        self._cache = {}

    def _walk(self, key=None, y=None, d=None):
        n = self.n
        M = np.eye(n)
        v = np.zeros(n)
        rows, rhs, states = [], [], []
        for li, (W, b, act) in enumerate(self.layers):
            A = W @ M
            c = W @ v + b
            kind = act[0]
            if kind == 'linear':
                M, v = A, c
                states.append(())
                continue
            scale = 1.0 + np.abs(A).sum(axis=1) + np.abs(c)
            zero = (np.abs(A).max(axis=1) <= TOL * scale) & (np.abs(c) <= TOL * scale)
            if kind == 'maxout':
                k_ = act[1]
                st, newM, newv = [], [], []
                for u in range(A.shape[0] // k_):
                    idx = list(range(u * k_, (u + 1) * k_))
                    distinct = []
                    for r in idx:
                        if not any(np.allclose(A[r], A[s], atol=TOL) and abs(c[r] - c[s]) <= TOL
                                   for s in distinct):
                            distinct.append(r)
                    if key is not None:
                        r = key[li][len(st)]
                    else:
                        vals = np.array([c[r] + A[r] @ y for r in distinct])
                        ders = np.array([A[r] @ d if d is not None else 0.0 for r in distinct])
                        a = _lex_argmax(vals, ders)
                        if a is None:
                            return None
                        r = distinct[a]
                    for s in distinct:
                        if s != r:
                            rows.append(A[s] - A[r])
                            rhs.append(c[r] - c[s])
                    st.append(r)
                    newM.append(A[r])
                    newv.append(c[r])
                M, v = np.array(newM), np.array(newv)
                states.append(tuple(st))
                continue
            alpha = float(act[1]) if kind == 'leaky_relu' else 0.0
            st = []
            for k in range(A.shape[0]):
                if zero[k] or alpha == 1:
                    s = 0 if alpha != 1 else 1
                elif key is not None:
                    s = key[li][k]
                else:
                    val = c[k] + A[k] @ y
                    der = A[k] @ d if d is not None else 0.0
                    if abs(val) <= TOL * scale[k]:
                        if abs(der) <= TOL * scale[k]:
                            return None
                        s = 1 if der > 0 else 0
                    else:
                        s = 1 if val > 0 else 0
                if not (zero[k] or alpha == 1):
                    sign = 1.0 if s else -1.0
                    rows.append(-sign * A[k])
                    rhs.append(sign * c[k])
                st.append(s)
            D = np.array([1.0 if s else alpha for s in st])
            M, v = D[:, None] * A, D * c
            states.append(tuple(st))
        if key is None:
            return tuple(states)
        return (np.array(rows).reshape(len(rows), n), np.array(rhs)), (M, v)

    def key_at(self, y, d):
        r"""
        Return the activation pattern at `y + \varepsilon d` (``None`` on a tie).

        EXAMPLES::

            sage: from sage_tropnet.network import ReLUNetwork
            sage: from sage_tropnet.float_regions import FloatActivationOracle
            sage: o = FloatActivationOracle(ReLUNetwork([([[1]], [0]), ([[1]], [0])]), 0)
            sage: o.key_at([0.0], [-1.0]), o.key_at([0.0], None)
            (((0,), ()), None)
        """
        return self._walk(y=np.asarray(y, dtype=float),
                          d=None if d is None else np.asarray(d, dtype=float))

    def _data(self, key):
        if key not in self._cache:
            self._cache[key] = self._walk(key=key)
        return self._cache[key]

    def cons(self, key):
        r"""
        Return the constraints ``(A, b)``, `A x \le b`, of the activation cell ``key``.

        EXAMPLES::

            sage: from sage_tropnet.network import ReLUNetwork
            sage: from sage_tropnet.float_regions import FloatActivationOracle
            sage: o = FloatActivationOracle(ReLUNetwork([([[2]], [1]), ([[1]], [0])]), 0)
            sage: o.cons(((1,), ()))
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
            sage: o.label(((1,), ())), o.label(((0,), ()))
            ((2.0, 1.0), (0.0, 0.0))
        """
        M, v = self._data(key)[1]
        if self.output is None:
            return tuple(np.round(np.append(M.ravel(), v), 9))
        return tuple(np.round(np.append(M[self.output], v[self.output]), 9))


def _chebyshev(A, b):
    """
    Return (centre, radius) of the largest inscribed ball of ``A x <= b``.
    """
    from scipy.optimize import linprog
    norms = np.linalg.norm(A, axis=1)
    n = A.shape[1]
    c = np.zeros(n + 1)
    c[-1] = -1.0
    res = linprog(c, A_ub=np.hstack([A, norms[:, None]]), b_ub=b,
                  bounds=[(None, None)] * n + [(0, None)], method='highs')
    if res.status != 0:
        return None, 0.0
    return res.x[:n], res.x[-1]


def _cell_facets(A, b, nbox, rng):
    """
    Return the list of ``(row, vertices)`` of the non-box facets of a bounded cell,
    or ``None`` if the cell is not full-dimensional.
    """
    norms = np.linalg.norm(A, axis=1)
    keep = norms > 0
    if np.any(~keep & (b < 0)):
        return None
    A, b = A[keep] / norms[keep, None], b[keep] / norms[keep]
    idx = np.nonzero(keep)[0]
    x0, r = _chebyshev(A, b)
    if x0 is None or r <= 1e-9 * (1.0 + np.abs(x0).max()):
        return None
    n = A.shape[1]
    if n == 1:
        a = A[:, 0]
        lo_i = [t for t in range(len(a)) if a[t] < 0]
        hi_i = [t for t in range(len(a)) if a[t] > 0]
        lo = max(b[t] / a[t] for t in lo_i)
        hi = min(b[t] / a[t] for t in hi_i)
        out = []
        for group, val in ((lo_i, lo), (hi_i, hi)):
            tight = [t for t in group if abs(b[t] / a[t] - val) <= 1e-12 * (1 + abs(val))]
            t = next((t for t in tight if idx[t] >= nbox), tight[0])
            out.append((idx[t], np.array([[val]]), A[t]))
        return [(i, V, a_) for i, V, a_ in out if i >= nbox]
    from scipy.spatial import HalfspaceIntersection
    hs = HalfspaceIntersection(np.hstack([A, -b[:, None]]), x0)
    verts = hs.intersections
    by_row = {}
    for vi, rows in enumerate(hs.dual_facets):
        for t in rows:
            by_row.setdefault(t, []).append(vi)
    out = []
    seen = set()
    for t, vs in by_row.items():
        if len(vs) < n:
            continue
        key = tuple(np.round(np.append(A[t], b[t]), 9))
        if key in seen:
            continue
        seen.add(key)
        if idx[t] < nbox:
            continue
        out.append((idx[t], verts[vs], A[t]))
    return out


def explore_float(oracle, box_A, box_b, seed=0, progress=None):
    r"""
    Return ``(cells, edges)`` of the float search: ``cells`` maps keys to
    Chebyshev centres, ``edges`` lists facet-adjacent pairs.

    INPUT: a float oracle and the counting box ``box_A x <= box_b`` (bounded)

    EXAMPLES::

        sage: import numpy as np
        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.float_regions import FloatActivationOracle, explore_float
        sage: o = FloatActivationOracle(ReLUNetwork([([[1, 0], [0, 1]], [0, 0]), ([[1, 1]], [0])]), 0)
        sage: A = np.vstack([np.eye(2), -np.eye(2)]); b = np.full(4, 5.0)
        sage: cells, edges = explore_float(o, A, b)
        sage: len(cells), len(edges)
        (4, 4)
    """
    import random as _random
    rng = _random.Random(seed)
    n = oracle.n
    nbox = len(box_b)
    lo = -box_b[n:] if nbox == 2 * n else None
    start = None
    x0, _ = _chebyshev(box_A, box_b)
    for _ in range(200):
        y = x0 + (np.array([rng.uniform(-1, 1) for _ in range(n)]) *
                  (0.5 * (box_b[:n] + box_b[n:]) if lo is not None else 1.0))
        start = oracle.key_at(y, None)
        if start is not None:
            break
    if start is None:
        raise RuntimeError("no generic starting point found")
    from tqdm.auto import tqdm
    bar = tqdm(desc="cells (float)", unit="cell", disable=True if progress is False else None,
               leave=False)
    cells, edges = {}, set()
    queue, seen = [start], {start}
    while queue:
        key = queue.pop()
        A, b = oracle.cons(key)
        facets = _cell_facets(np.vstack([box_A, A]) if len(A) else box_A,
                              np.concatenate([box_b, b]) if len(b) else box_b, nbox, rng)
        if facets is None:
            continue
        cells[key] = True
        bar.update(1)
        for t, V, a in facets:
            found = []
            for attempt in range(30):
                w = np.array([rng.random() + 0.05 for _ in range(len(V))])
                y = (w / w.sum()) @ V
                other = oracle.key_at(y, a)
                if other is not None and other != key:
                    found.append(other)
                    oA, ob = oracle.cons(other)
                    if len(oA) == 0 or np.all(V @ oA.T <= ob + 1e-7 * (1 + np.abs(ob))):
                        break  # the whole facet borders this cell
                    if len(found) >= 12:
                        break
            for other in found:
                edges.add((key, other) if key <= other else (other, key))
                if other not in seen:
                    seen.add(other)
                    queue.append(other)
    bar.close()
    return cells, edges
