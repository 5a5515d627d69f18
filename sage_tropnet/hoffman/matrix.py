r"""
Hoffman constants of matrices

For a real `m \times n` matrix `A` the Hoffman constant `H(A)` is the
smallest constant such that

.. MATH::

    \operatorname{dist}(x, P_A(b)) \le H(A)\, \|(Ax - b)_+\|,
    \qquad P_A(b) = \{x : Ax \le b\},

for all `x \in \RR^n` and all `b` with `P_A(b) \neq \emptyset` [Hof1952]_.
By the characterisation of Peña, Vera and Zuluaga [PVZ2021]_,

.. MATH::

    H(A) = \max_{J \in \mathcal{S}(A)} \frac{1}{t_J},\qquad
    t_J = \min\{\|A_J^T v\|_* : v \ge 0,\ \|v\|_* = 1\},

where `\mathcal{S}(A)` is the set of `A`-surjective row sets `J`, i.e. the
sets with `t_J > 0` (by Gordan's theorem, those with `A_J x < 0` for some
`x`). The residual is measured in the `\ell_\infty` norm, so `v` ranges over
the standard simplex of `\RR^J`. Two conventions for the norm on `x` are
supported:

- ``norm="inf"`` -- `\ell_\infty` on `x` (the convention of TropicalNN and
  of the Hoffman constants of tropical maps); the dual norm of `A_J^T v` is
  `\ell_1`;
- ``norm="l1"`` -- `\ell_1` on `x` (the convention of Peña's HoffmanCode);
  the dual norm of `A_J^T v` is `\ell_\infty`.

The two conventions give different numbers. Everything is computed exactly
over `\QQ` by default; ``mode="float"`` uses floating-point linear programs
(HiGHS) instead (the former keyword ``exact=False`` still works, with a
deprecation warning). The module also provides a sampled lower bound and
singular-value upper bounds.

The Hoffman constants of tropical maps are in
:mod:`sage_tropnet.hoffman.tropical`, the sampling radii in
:mod:`sage_tropnet.hoffman.radius`; everything is re-exported by
:mod:`sage_tropnet.hoffman`.

EXAMPLES:

The simplex `\{x \in \RR^3 : x \le 1,\ -x_1 - x_2 - x_3 \le 1\}`::

    sage: from sage_tropnet.hoffman.matrix import hoffman_constant
    sage: A = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [-1, -1, -1]]
    sage: hoffman_constant(A).value
    3
    sage: hoffman_constant(A, norm="l1").value
    5
    sage: hoffman_constant(A, algorithm="brute_force").value
    3

The bounds::

    sage: from sage_tropnet.hoffman.matrix import hoffman_lower_bound, hoffman_upper_bound
    sage: hoffman_lower_bound(A, samples=5, seed=0).value <= 3
    True
    sage: hoffman_upper_bound(A) >= 3
    True

AUTHORS:

- sage_tropnet developers (2026-11): initial version

REFERENCES:

- [Hof1952]_
- [PVZ2021]_
- [GHR1995]_
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

from collections import namedtuple
from itertools import combinations

from sage.rings.rational_field import QQ
from sage.rings.real_double import RDF

from sage_tropnet.lp import exact_lp_minimize, float_lp_minimize
from sage_tropnet.misc.inputs import as_seed, is_exact_mode
from sage_tropnet.rational import to_rational, to_rational_rows

#: In floating-point mode, optimal values `t` and weights `v_i` below this
#: threshold are treated as zero.
FLOAT_TOLERANCE = 1e-9

#: The norms on `x`: ``"inf"`` (`\ell_\infty`) and ``"l1"`` (`\ell_1`).
NORMS = ("inf", "l1")

#: The exact algorithms of :func:`hoffman_constant`: ``"pvz"`` (Peña, Vera
#: and Zuluaga), ``"brute_force"`` (all row sets), ``"independent"`` (the
#: linearly independent row sets of at most `n` rows, float-filtered and
#: certified exactly; ``norm="inf"`` only) and ``"auto"`` (``"independent"``
#: when it is applicable and its enumeration has at most
#: :data:`INDEPENDENT_LIMIT` candidates, else ``"pvz"``).
ALGORITHMS = ("pvz", "brute_force", "independent", "auto")

#: The largest number of candidates (row sets and coordinate sets, see
#: :func:`independent_candidates`) for which ``algorithm="auto"`` uses the
#: independent-set enumeration.
INDEPENDENT_LIMIT = 2 * 10 ** 7


class TimeBudgetExceeded(RuntimeError):
    r"""
    The time budget (``max_seconds``) of a computation ran out.

    The attribute ``lower`` holds a certified lower bound found so far (a
    :class:`HoffmanResult` for a Hoffman constant, a number for a radius, or
    ``None``), ``upper`` a certified upper bound when one is known (else
    ``None``), ``done`` and ``total`` how much of the work was done
    (``total`` may be ``None``).

    EXAMPLES::

        sage: from sage_tropnet.hoffman.matrix import TimeBudgetExceeded, hoffman_constant
        sage: A = random_matrix(ZZ, 12, 3, x=-9, y=10)
        sage: try:
        ....:     hoffman_constant(A, algorithm="pvz", max_seconds=0)
        ....: except TimeBudgetExceeded as err:
        ....:     print(err.lower is None or err.lower.value <= hoffman_constant(A).value)
        True
    """

    def __init__(self, message, lower=None, done=None, total=None, upper=None):
        RuntimeError.__init__(self, message)
        self.lower = lower
        self.upper = upper
        self.done = done
        self.total = total


class HoffmanResult(namedtuple("HoffmanResult", ["value", "J", "v"])):
    r"""
    The result of a Hoffman constant computation.

    A named triple ``(value, J, v)``:

    - ``value`` -- the Hoffman constant (or bound), in ``QQ`` in exact mode
      and in ``RDF`` in floating-point mode
    - ``J`` -- a tuple of row indices (starting at 0); an `A`-surjective set
      with ``value`` `= 1/t_J`, or ``()`` if ``value`` is zero
    - ``v`` -- a tuple of non-negative weights indexed like ``J`` with sum 1
      and `\|A_J^T v\|_* = t_J` (the minimiser of :func:`surjectivity_lp`)

    EXAMPLES::

        sage: from sage_tropnet.hoffman.matrix import hoffman_constant
        sage: r = hoffman_constant([[1, 0], [0, 1], [-1, -1]]); r
        HoffmanResult(value=2, J=(1, 2), v=(1/2, 1/2))
        sage: value, J, v = r
        sage: value, r.J
        (2, (1, 2))
    """
    __slots__ = ()


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

def _check_norm(norm):
    if norm not in NORMS:
        raise ValueError("norm must be 'inf' or 'l1', not %r" % (norm,))


def _surjectivity(rows, n, norm, exact):
    r"""
    Solve the surjectivity LP for the matrix with the given ``rows``.

    ``rows`` are lists of rationals (``exact=True``) or of floats.
    Return ``(t, v)``.
    """
    k = len(rows)
    if exact:
        zero, one = QQ(0), QQ(1)
    else:
        zero, one = 0.0, 1.0
    cols = [[row[j] for row in rows] for j in range(n)]
    A_ub = []
    if norm == "inf":
        # min sum_j s_j  s.t.  -s_j <= (A^T v)_j <= s_j,  sum v = 1,  v, s >= 0
        c = [zero] * k + [one] * n
        for j in range(n):
            e = [zero] * n
            e[j] = -one
            A_ub.append(cols[j] + e)
            A_ub.append([-a for a in cols[j]] + e)
        A_eq = [[one] * k + [zero] * n]
    else:
        # min t  s.t.  -t <= (A^T v)_j <= t,  sum v = 1,  v, t >= 0
        c = [zero] * k + [one]
        for j in range(n):
            A_ub.append(cols[j] + [-one])
            A_ub.append([-a for a in cols[j]] + [-one])
        A_eq = [[one] * k + [zero]]
    b_ub = [zero] * len(A_ub)
    if exact:
        if norm == "inf" and k >= CERTIFIED_LP_ROWS:
            got = _surjectivity_certified(rows, n)
            if got is not None:
                return got
        t, x = exact_lp_minimize(c, A_ub, b_ub, A_eq, [one], lower_bounds=zero)
        return t, tuple(x[:k])
    # t(cA) = c t(A): solve for the rows scaled by a power of two to a largest
    # entry near 1 (HiGHS misjudges problems with entries near 1e18)
    import math
    big = max([abs(a) for r in rows for a in r] + [0.0])
    e = math.frexp(big)[1] if big and math.isfinite(big) else 0
    if e:
        A_ub = [[math.ldexp(a, -e) if i < k else a for i, a in enumerate(r)] for r in A_ub]
    t, x = float_lp_minimize(c, A_ub, b_ub, A_eq, [one], lower_bounds=zero)
    t = math.ldexp(t, e)
    t = RDF(0) if t < FLOAT_TOLERANCE else RDF(t)
    v = tuple(RDF(0) if a < FLOAT_TOLERANCE else RDF(a) for a in x[:k])
    return t, v


#: Exact surjectivity LPs of at least this many rows (``norm="inf"``) are
#: solved in floating point first and certified exactly (see
#: :func:`_surjectivity_certified`); the exact simplex method is the
#: fallback.
CERTIFIED_LP_ROWS = 10


def _surjectivity_certified(rows, n):
    r"""
    Return ``(t, v)`` of the surjectivity LP (``norm="inf"``) of the rational
    ``rows``, certified exactly from a floating-point solution, or ``None``.

    The float optimum (HiGHS) suggests the support `S` of `v` and the
    coordinates `Z` where `w = A^T v` vanishes. Then exactly: `v` solves
    `\sum_S v = 1`, `w_Z = 0` with `v \ge 0`, and the dual `u` (`u_j` the
    sign of `w_j` off `Z`, `a_i \cdot u = \|w\|_1` for `i \in S`) must
    satisfy `\|u\|_\infty \le 1` and `a_i \cdot u \ge \|w\|_1` for every
    row: then `t = \|w\|_1` is optimal by weak duality
    (`\|w\|_1 \ge u \cdot w = \sum_i v_i a_i \cdot u \ge \min_i a_i \cdot u`).
    """
    import numpy as np
    from sage.matrix.constructor import matrix
    from sage.modules.free_module_element import vector
    k = len(rows)
    try:
        F = np.array([[float(a) for a in r] for r in rows], dtype=float).reshape(k, n)
    except (OverflowError, ValueError):
        return None
    if not np.isfinite(F).all():
        return None
    scale = float(np.abs(F).max()) or 1.0
    Fs = F / scale
    c = [0.0] * k + [1.0] * n
    A_ub = []
    for j in range(n):
        e = [0.0] * n
        e[j] = -1.0
        A_ub.append(list(Fs[:, j]) + e)
        A_ub.append(list(-Fs[:, j]) + e)
    try:
        _, x = float_lp_minimize(c, A_ub, [0.0] * len(A_ub), [[1.0] * k + [0.0] * n], [1.0],
                                 lower_bounds=0.0)
    except (ValueError, RuntimeError):
        return None
    vf = np.array(x[:k])
    wf = Fs.T @ vf
    A = matrix(QQ, k, n, rows)
    for tol in (1e-9, 1e-7, 1e-11):
        S = [i for i in range(k) if vf[i] > tol]
        Z = [j for j in range(n) if abs(wf[j]) <= tol * (1 + np.abs(Fs).sum(axis=0)[j])]
        if not S:
            continue
        M = matrix(QQ, [[1] * len(S)] + [[A[i, j] for i in S] for j in Z])
        if M.rank() < len(S):
            # a degenerate vertex: keep the rows of largest weight that are independent
            keep, cols = [], []
            for pos in sorted(range(len(S)), key=lambda p: -vf[S[p]]):
                if M.matrix_from_columns(cols + [pos]).rank() == len(cols) + 1:
                    cols.append(pos)
                    keep.append(S[pos])
            S = keep
            M = M.matrix_from_columns(cols)
        AS = A.matrix_from_rows(S)
        rhs = vector(QQ, [1] + [0] * len(Z))
        try:
            vS = M.solve_right(rhs)
        except ValueError:
            continue
        if any(a < 0 for a in vS):
            continue
        w = AS.transpose() * vS
        t = sum(abs(a) for a in w)
        v = [QQ(0)] * k
        for i, a in zip(S, vS):
            v[i] = a
        if t == 0:
            return QQ(0), tuple(v)
        Zw = [j for j in range(n) if w[j] == 0]
        off = [j for j in range(n) if w[j] != 0]
        sign = {j: (1 if w[j] > 0 else -1) for j in off}
        u = [QQ(0)] * n
        for j in off:
            u[j] = QQ(sign[j])
        if Zw:
            MZ = matrix(QQ, [[AS[i, j] for j in Zw] for i in range(len(S))])
            b = vector(QQ, [t - sum(AS[i, j] * sign[j] for j in off) for i in range(len(S))])
            try:
                uZ = MZ.solve_right(b)
            except ValueError:
                continue
            for j, a in zip(Zw, uZ):
                u[j] = a
        if any(abs(a) > 1 for a in u):
            continue
        uv = vector(QQ, u)
        if all(A.row(i) * uv >= t for i in range(k)):
            return t, tuple(v)
    return None


def _prepare(A, exact):
    r"""
    Return ``(rows, n)`` with the rows of ``A`` as rationals or floats.
    """
    try:
        rows, n = to_rational_rows(A)
    except (ValueError, TypeError) as err:
        raise ValueError("A: %s" % err)
    if not exact:
        rows = [[float(a) for a in row] for row in rows]
    return rows, n


def _check_algorithm(algorithm):
    if algorithm not in ALGORITHMS:
        raise ValueError("algorithm must be one of %s, not %r"
                         % (", ".join(repr(a) for a in ALGORITHMS), algorithm))


def _deadline(max_seconds):
    r"""
    Return the :func:`time.monotonic` time of a budget of ``max_seconds``
    seconds (``None``: no budget).
    """
    if max_seconds is None:
        return None
    import time
    try:
        seconds = float(max_seconds)
    except (TypeError, ValueError):
        raise TypeError("max_seconds must be a number or None, got %r" % (max_seconds,))
    if not seconds >= 0:
        raise ValueError("max_seconds must be non-negative, got %s" % (max_seconds,))
    return time.monotonic() + seconds


def resolve_algorithm(algorithm, m, n, norm="inf", mode="exact"):
    r"""
    Return the algorithm :func:`hoffman_constant` runs for ``algorithm`` on
    a matrix with ``m`` distinct nonzero rows and ``n`` columns (``"auto"``
    resolved).

    EXAMPLES::

        sage: from sage_tropnet.hoffman.matrix import resolve_algorithm
        sage: resolve_algorithm("auto", 40, 3), resolve_algorithm("auto", 40, 40)
        ('independent', 'pvz')
        sage: resolve_algorithm("auto", 40, 3, norm="l1"), resolve_algorithm("pvz", 4, 2)
        ('pvz', 'pvz')
    """
    _check_algorithm(algorithm)
    if algorithm != "auto":
        return algorithm
    if norm == "inf" and mode == "exact" and independent_candidates(m, n) <= INDEPENDENT_LIMIT:
        return "independent"
    return "pvz"


def _choose(algorithm, rows, n, norm, exact):
    r"""
    Return the algorithm to run: ``"auto"`` resolved, ``"independent"``
    checked.
    """
    if algorithm == "independent":
        if norm != "inf" or not exact:
            raise ValueError("algorithm='independent' needs norm='inf' and mode='exact'")
        return algorithm
    if algorithm == "auto":
        if norm == "inf" and exact:
            m = len(set(tuple(r) for r in rows if any(r)))
            if independent_candidates(m, n) <= INDEPENDENT_LIMIT:
                return "independent"
        return "pvz"
    return algorithm


def _zero(exact):
    return QQ(0) if exact else RDF(0)


def _bits(mask):
    r"""
    Return the sorted tuple of positions of the bits set in ``mask``.
    """
    out = []
    i = 0
    while mask:
        if mask & 1:
            out.append(i)
        mask >>= 1
        i += 1
    return tuple(out)


# ---------------------------------------------------------------------------
# Public functions
# ---------------------------------------------------------------------------

def surjectivity_lp(A_J, norm="inf", mode="exact", exact=None):
    r"""
    Return the optimal value and solution of the surjectivity LP of ``A_J``.

    This is `t = \min\{\|A_J^T v\|_* : v \ge 0,\ \sum_i v_i = 1\}`, with
    `\|\cdot\|_* = \ell_1` for ``norm="inf"`` and `\ell_\infty` for
    ``norm="l1"``. The row set is `A`-surjective if and only if `t > 0`, and
    then the Hoffman constant of this row set is `H_J(A) = 1/t`. If `t = 0`,
    the optimal `v` is a certificate of non-surjectivity (`A_J^T v = 0`).

    INPUT:

    - ``A_J`` -- a matrix with at least one row (Sage matrix, list of rows or
      numpy array; floats are read exactly)
    - ``norm`` -- (default: ``"inf"``) ``"inf"`` (`\ell_\infty` on `x`,
      TropicalNN convention: minimise `\|A_J^T v\|_1`) or ``"l1"``
      (`\ell_1` on `x`, HoffmanCode convention: minimise
      `\|A_J^T v\|_\infty`)
    - ``mode`` -- (default: ``"exact"``) ``"exact"``: solve the LP exactly
      over `\QQ`; ``"float"``: in floating point
    - ``exact`` -- deprecated; ``exact=False`` means ``mode="float"``

    OUTPUT:

    A pair ``(t, v)``: the optimal value (in ``QQ``, or ``RDF`` if
    ``mode="float"``) and an optimal `v` as a tuple, one entry per row. In
    floating-point mode values below ``FLOAT_TOLERANCE`` (`10^{-9}`) are set
    to zero.

    EXAMPLES:

    The identity is surjective, with `t = 1`::

        sage: from sage_tropnet.hoffman.matrix import surjectivity_lp
        sage: surjectivity_lp([[1, 0], [0, 1]])
        (1, (1, 0))

    The rows of the 2-simplex are not: `v = (1/3, 1/3, 1/3)` certifies
    `A_J^T v = 0`::

        sage: surjectivity_lp([[1, 0], [0, 1], [-1, -1]])
        (0, (1/3, 1/3, 1/3))
        sage: t, v = surjectivity_lp([[1, 0], [-1, -1]]); t, v
        (1/2, (1/2, 1/2))
        sage: surjectivity_lp([[1, 0], [-1, -1]], norm="l1")
        (1/3, (2/3, 1/3))
        sage: surjectivity_lp([[1, 0], [-1, -1]], mode="float")  # abs tol 1e-9
        (0.5, (0.5, 0.5))

    ALGORITHM:

    For ``norm="inf"`` the LP `\min \sum_j s_j` subject to
    `-s \le A_J^T v \le s`, `\sum_i v_i = 1`, `v, s \ge 0`; for
    ``norm="l1"`` the LP `\min t` subject to `-t \le A_J^T v \le t`,
    `\sum_i v_i = 1`, `v \ge 0` ([PVZ2021]_, Proposition 2). Solved with
    :func:`~sage_tropnet.lp.exact_lp_minimize` or
    :func:`~sage_tropnet.lp.float_lp_minimize`.

    REFERENCES:

    - [PVZ2021]_

    TESTS::

        sage: surjectivity_lp([[0, 0]])
        (0, (1,))
        sage: surjectivity_lp(matrix(QQ, 0, 2))
        Traceback (most recent call last):
        ...
        ValueError: A_J must have at least one row
        sage: surjectivity_lp([[1]], norm="l2")
        Traceback (most recent call last):
        ...
        ValueError: norm must be 'inf' or 'l1', not 'l2'
    """
    exact = is_exact_mode(mode, exact)
    _check_norm(norm)
    rows, n = _prepare(A_J, exact)
    if not rows:
        raise ValueError("A_J must have at least one row")
    return _surjectivity(rows, n, norm, exact)


def _hoffman_brute_force(rows, n, norm, exact):
    r"""
    Return the :class:`HoffmanResult` of the maximum of `1/t_J` over all
    nonempty row sets `J`.
    """
    best = HoffmanResult(_zero(exact), (), ())
    m = len(rows)
    for mask in range(1, 1 << m):
        J = _bits(mask)
        t, v = _surjectivity([rows[i] for i in J], n, norm, exact)
        if t > 0 and 1 / t > best.value:
            best = HoffmanResult(1 / t, J, v)
    return best


def _hoffman_pvz(rows, n, norm, exact, progress=False, deadline=None):
    r"""
    Return the :class:`HoffmanResult` computed by the combinatorial algorithm
    of Peña, Vera and Zuluaga.

    Row sets are encoded as bit masks. The progress bar counts the LPs solved
    and shows the candidate sets left and the best value so far (a certified
    lower bound in exact mode); past ``deadline`` (a :func:`time.monotonic`
    time) :class:`TimeBudgetExceeded` is raised with that lower bound.
    """
    import time
    best = HoffmanResult(_zero(exact), (), ())
    m = len(rows)
    if m == 0:
        return best
    from tqdm.auto import tqdm
    from sage_tropnet.misc.formatting import PROGRESS_DELAY
    bar = tqdm(delay=PROGRESS_DELAY, desc="Hoffman (PVZ, %s rows)" % m, unit=" LPs", leave=False, mininterval=0.5,
               disable=(not progress) if progress is not None else None)
    try:
        return _pvz_loop(rows, n, norm, exact, best, bar, deadline, time.monotonic)
    finally:
        bar.close()


def _pvz_loop(rows, n, norm, exact, best, bar, deadline, clock):
    m = len(rows)
    lps = 0
    F = []          # surjective sets found so far
    I = []          # supports of non-surjectivity certificates
    cands = set()   # candidate sets, an antichain

    def insert(K):
        stack = [K]
        steps = 0
        while stack:
            steps += 1
            if deadline is not None and not steps % 256 and clock() > deadline:
                raise TimeBudgetExceeded("time budget exhausted after %s LPs" % lps,
                                         best if best.value > 0 else None, lps, None)
            K = stack.pop()
            if not K or any(not (K & ~f) for f in F):
                continue  # empty, or covered by a surjective set
            S = next((s for s in I if not (s & ~K)), None)
            if S is not None:
                # K contains a certificate support: K is not surjective,
                # every surjective subset of K misses an element of S
                stack.extend(K & ~(1 << i) for i in _bits(S))
                continue
            if any(not (K & ~C) for C in cands):
                continue  # already below a candidate
            for C in [C for C in cands if not (C & ~K)]:
                cands.remove(C)
            cands.add(K)

    cands.add((1 << m) - 1)
    while cands:
        if deadline is not None and clock() > deadline:
            raise TimeBudgetExceeded("time budget exhausted after %s LPs" % lps,
                                     best if best.value > 0 else None, lps, None)
        lps += 1  # noqa: SIM113
        J = max(cands, key=lambda K: (bin(K).count("1"), K))
        cands.remove(J)
        idx = _bits(J)
        t, v = _surjectivity([rows[i] for i in idx], n, norm, exact)
        bar.update(1)
        if t > 0:
            F.append(J)
            if 1 / t > best.value:
                best = HoffmanResult(1 / t, idx, v)
                bar.set_postfix_str("%s candidate sets, H >= %.6g" % (len(cands),
                                                                     float(best.value)),
                                    refresh=False)
            cands = {C for C in cands if C & ~J}
        else:
            S = 0
            for i, vi in zip(idx, v):
                if vi > 0:
                    S |= 1 << i
            I.append(S)
            affected = [C for C in cands if not (S & ~C)]
            for C in affected:
                cands.remove(C)
            for C in affected + [J]:
                insert(C)
    return best


# ---------------------------------------------------------------------------
# The independent row sets (norm "inf"): float filter, exact certificate
# ---------------------------------------------------------------------------

_U = 2.0 ** -53          # unit roundoff of float64
_CHUNK = 1 << 16         # row sets per vectorised step


def independent_candidates(m, n):
    r"""
    Return the number of candidates of the independent-set algorithm for a
    matrix with ``m`` distinct nonzero rows and ``n`` columns:
    `\sum_{k=1}^{\min(m, n)} \binom{m}{k} \binom{n}{k-1}`.

    EXAMPLES::

        sage: from sage_tropnet.hoffman.matrix import independent_candidates
        sage: independent_candidates(72, 3), independent_candidates(40, 40) > 10^20
        (186660, True)
    """
    from math import comb
    return sum(comb(m, k) * comb(n, k - 1) for k in range(1, min(m, n) + 1))


def _distinct_rows(rows):
    seen = {}
    for i, r in enumerate(rows):
        t = tuple(r)
        if any(t) and t not in seen:
            seen[t] = i
    return [list(t) for t in seen], list(seen.values())


def _dets(M):
    r"""
    Return ``(det, perm)`` for a stack of square float matrices ``M`` (shape
    ``(c, d, d)``): the determinants by Laplace expansion, and the same
    expansion with absolute values (for the error bound).
    """
    import numpy as np
    d = M.shape[1]
    if d == 0:
        one = np.ones(M.shape[0])
        return one, one
    if d == 1:
        return M[:, 0, 0].copy(), np.abs(M[:, 0, 0])
    if d == 2:
        a, b, c, e = M[:, 0, 0], M[:, 0, 1], M[:, 1, 0], M[:, 1, 1]
        return a * e - b * c, np.abs(a * e) + np.abs(b * c)
    det = np.zeros(M.shape[0])
    perm = np.zeros(M.shape[0])
    for i in range(d):
        minor = np.delete(np.delete(M, i, axis=1), 0, axis=2)
        md, mp = _dets(minor)
        det += (-1) ** i * M[:, i, 0] * md
        perm += np.abs(M[:, i, 0]) * mp
    return det, perm


_COMBINATIONS = {}


def _combinations(m, k):
    r"""
    Yield the ``k``-subsets of ``range(m)`` as integer arrays of at most
    ``_CHUNK`` rows (small tables are cached).
    """
    import itertools
    from math import comb
    import numpy as np
    if comb(m, k) <= 4 * 10 ** 6:
        key = (m, k)
        table = _COMBINATIONS.get(key)
        if table is None:
            if len(_COMBINATIONS) > 64:
                _COMBINATIONS.clear()
            table = np.fromiter(itertools.chain.from_iterable(itertools.combinations(range(m), k)),
                                dtype=np.intp, count=comb(m, k) * k).reshape(-1, k)
            _COMBINATIONS[key] = table
        for i in range(0, len(table), _CHUNK):
            yield table[i:i + _CHUNK]
        return
    combos = itertools.combinations(range(m), k)
    while True:
        chunk = list(itertools.islice(combos, _CHUNK))
        if not chunk:
            return
        yield np.array(chunk, dtype=np.intp)


class _Independent:
    r"""
    The minimum `r^*` of `\|y\|_1` over the candidate points `y` of the
    linearly independent row sets `T` (see :func:`hoffman_constant`,
    algorithm ``"independent"``): `H(A) = 1/r^*`.

    Everything exact is done on the integer rows ``B`` (the rows times the
    common denominator ``L``); the float pass works on ``F``, the rows ``B``
    times a power of two (``scale``).
    """

    def __init__(self, rows, n):
        import math
        from fractions import Fraction
        import numpy as np
        self.n = n
        self.rows, self.index = _distinct_rows(rows)
        m = self.m = len(self.rows)
        self.dependent_cache = {}
        if not m:
            return
        L = 1
        for r in self.rows:
            for a in r:
                L = math.lcm(L, int(QQ(a).denominator()))
        self.L = L
        self.B = [[int(QQ(a) * L) for a in r] for r in self.rows]
        bmax = max(abs(x) for r in self.B for x in r)
        e = bmax.bit_length()
        # integers small enough that every sum of products below is exact
        self.exact_floats = bmax ** min(m, n) * math.factorial(min(m, n)) * (n + 1) < 2 ** 52
        if self.exact_floats:
            self.F = np.array(self.B, dtype=float).reshape(m, n)
            self.scale = QQ(1)
            self.usable = True
        else:
            self.F = np.array([[x / (1 << e) if e < 1000 else float(Fraction(x, 1 << e))
                                for x in r] for r in self.B], dtype=float).reshape(m, n)
            self.scale = QQ(2) ** -e  # F = B * scale, up to one rounding per entry
            nz = np.abs(self.F[self.F != 0])
            # float64 must hold every entry with a relative error <= u
            self.usable = bool(len(nz) == 0 or nz.min() > 2.0 ** -900)
        self.minors = {}
        self.columns = [np.ascontiguousarray(self.F[:, j]) for j in range(n)]

    def dependent(self, T):
        r"""
        Return whether the rows ``T`` are linearly dependent (exactly).
        """
        d = self.dependent_cache.get(T)
        if d is None:
            from sage.matrix.constructor import matrix
            from sage.rings.integer_ring import ZZ
            rows = [self.B[t] for t in T]
            if len(T) == self.n:
                from sage_tropnet.misc.linear_algebra import integer_determinant
                d = integer_determinant(rows) == 0
            else:
                d = matrix(ZZ, rows).rank() < len(T)
            self.dependent_cache[T] = d
        return d

    def exact(self, T, Z):
        r"""
        Return ``(value, weights)`` of the candidate ``(T, Z)`` in exact
        arithmetic (``value`` `= \|N\|_1/|D|` in the integer coordinates), or
        ``None`` if it is not valid or its point is zero.
        """
        from sage_tropnet.misc.linear_algebra import integer_determinant
        k = len(T)
        C = []
        for i in range(k):
            sub = [[self.B[T[j]][z] for z in Z] for j in range(k) if j != i]
            C.append((-1) ** i * integer_determinant(sub))
        D = sum(C)
        if D == 0:
            return None
        if any(c * D < 0 for c in C):
            return None
        N = [sum(C[i] * self.B[T[i]][j] for i in range(k)) for j in range(self.n)]
        if not any(N):
            return None
        return QQ((sum(abs(x) for x in N), abs(D))), tuple(QQ((c, D)) for c in C)

    def _pair_minors(self, Z):
        r"""
        The `2 \times 2` minors of all pairs of rows on the columns ``Z``,
        and their absolute counterparts, flattened (cached).
        """
        import numpy as np
        got = self.minors.get(Z)
        if got is None:
            a, b = self.F[:, Z[0]], self.F[:, Z[1]]
            ab, ba = np.multiply.outer(a, b), np.multiply.outer(b, a)
            got = ((ab - ba).ravel(), (np.abs(ab) + np.abs(ba)).ravel())
            self.minors[Z] = got
        return got

    def chunk(self, idx):
        r"""
        Return the data of the row sets ``idx`` shared by all column sets:
        the entries of the rows (``rows[i][j]``: column `j` of the `i`-th
        rows) and, for three rows, the flat indices of their pairs.
        """
        k = idx.shape[1]
        cols = self.columns
        rows = [[cols[j].take(idx[:, i]) for j in range(self.n)] for i in range(k)]
        data = {"idx": idx, "k": k, "rows": rows}
        if k == 3:
            m = self.m
            p, q, r = idx[:, 0], idx[:, 1], idx[:, 2]
            data["pairs"] = (q * m + r, p * m + r, p * m + q)
        return data

    def _cofactors(self, data, Z, absolute=True, sel=None):
        r"""
        Return ``(C, P)``: the lists of the cofactors `C_i` of the candidates of
        the row sets of ``data`` (those at the positions ``sel``, if given)
        with the columns ``Z``, and of their absolute counterparts (``None``
        unless ``absolute``).
        """
        import numpy as np
        k, rows = data["k"], data["rows"]
        if sel is not None:
            rows = [[c[sel] for c in r] for r in rows]
        if k == 2:
            C = [rows[1][Z[0]], -rows[0][Z[0]]]
            return C, ([np.abs(c) for c in C] if absolute else None)
        if k == 3:
            Mz, Pz = self._pair_minors(Z)
            pairs = data["pairs"] if sel is None else [x[sel] for x in data["pairs"]]
            qr, pr, pq = pairs
            C = [Mz.take(qr), -Mz.take(pr), Mz.take(pq)]
            return C, ([Pz.take(qr), Pz.take(pr), Pz.take(pq)] if absolute else None)
        M = np.stack([np.stack([rows[i][z] for z in Z], axis=1) for i in range(k)],
                     axis=1)                     # (c, k, k - 1)
        C, P = [], []
        for i in range(k):
            keep = [j for j in range(k) if j != i]
            det, perm = _dets(M[:, keep, :])
            C.append((-1) ** i * det)
            P.append(perm)
        return C, P

    def _lower_bounds(self, C, P, rows, Z, k):
        r"""
        Return ``(lo, val)``: certified lower bounds of the values of the
        candidates with cofactors ``C`` (``inf`` when certainly invalid) and
        float estimates. With ``P = None`` the error bounds are the global
        ones (``|F| <= 1``, so every absolute counterpart is at most
        `(k-1)!`), else those of the absolute counterparts ``P``.
        """
        import math
        import numpy as np
        D = C[0] + C[1]
        for i in range(2, k):
            D = D + C[i]
        sN = 0
        PNs = 0
        for j in range(self.n):
            if j in Z:
                continue  # y_z = 0 exactly for z in Z
            Nj = C[0] * rows[0][j]
            for i in range(1, k):
                Nj += C[i] * rows[i][j]
            sN = sN + np.abs(Nj)
            if P is not None and not self.exact_floats:
                PNj = P[0] * np.abs(rows[0][j])
                for i in range(1, k):
                    PNj += P[i] * np.abs(rows[i][j])
                PNs = PNs + PNj
        absD = np.abs(D)
        sign = np.sign(D)
        if self.exact_floats:
            invalid = (D == 0) | (sN == 0)       # singular, or the point 0 (dependent rows)
            for i in range(k):
                invalid |= C[i] * sign < 0
            num, den = sN, absD
        else:
            g = (k * k + k + 4) * _U * 1.01
            if P is None:
                f = math.factorial(k - 1)
                eC, eD = g * f, g * k * f
                eN = g * (self.n - k + 1) * k * f + (self.n + 1) * _U * sN
            else:
                eC = [g * p for p in P]
                eD = g * sum(P)
                eN = g * PNs + (self.n + 1) * _U * sN
            certain = absD > eD
            wrong = np.zeros(len(D), dtype=bool)
            for i in range(k):
                wrong |= (C[i] * sign < 0) & (np.abs(C[i]) > (eC if P is None else eC[i]))
            invalid = certain & wrong
            num = np.maximum(sN - eN, 0.0)
            den = absD + eD
        with np.errstate(divide='ignore', invalid='ignore'):
            lo = num / den * (1 - 8 * _U)
            val = sN / absD
        lo[den == 0] = 0.0
        lo[invalid] = np.inf
        return lo, val

    def float_step(self, data, Z, cut):
        r"""
        Return ``(sel, lo, val)``: the positions (in the row sets of
        ``data``, see :meth:`chunk`) of the candidates with the columns ``Z``
        whose value may be below ``cut``, certified lower bounds of their
        values and float estimates (in the coordinates of ``F``).

        A first pass keeps the candidates whose value may be below ``cut``
        by global error bounds (``|F| < 1``: every absolute counterpart of a
        cofactor is at most `(k-1)!`); those few are bounded again with their
        own error bounds, and their validity is decided.
        """
        import math
        import numpy as np
        k, rows = data["k"], data["rows"]
        C, _ = self._cofactors(data, Z, absolute=False)
        D = C[0] + C[1]
        for i in range(2, k):
            D += C[i]
        sN = None
        for j in range(self.n):
            if j in Z:
                continue  # y_z = 0 exactly for z in Z
            Nj = C[0] * rows[0][j]
            for i in range(1, k):
                Nj += C[i] * rows[i][j]
            np.abs(Nj, out=Nj)
            sN = Nj if sN is None else sN + Nj
        if self.exact_floats:
            maybe = sN < cut * np.abs(D)
        else:
            g = (k * k + k + 4) * _U * 1.01
            f = math.factorial(k - 1)
            eD = g * k * f
            eN = g * (self.n - k + 1) * k * f
            maybe = sN * (1 - (self.n + 1) * _U) - eN < cut * (np.abs(D) + eD)
        sel = np.nonzero(maybe)[0]
        if not len(sel):
            return sel, np.zeros(0), np.zeros(0)
        C, P = self._cofactors(data, Z, absolute=not self.exact_floats, sel=sel)
        sub_rows = [[c[sel] for c in r] for r in rows]
        lo, val = self._lower_bounds(C, P, sub_rows, Z, k)
        keep = lo < cut
        return sel[keep], lo[keep], val[keep]

    def search(self, threshold=None, progress=None, deadline=None):
        r"""
        Return ``(r, T, weights)`` with `r` in the integer coordinates, or
        ``None`` if no candidate is below ``threshold`` (in the original
        coordinates).
        """
        import itertools
        import time
        import numpy as np
        from tqdm.auto import tqdm
        from sage_tropnet.misc.formatting import PROGRESS_DELAY
        n, m = self.n, self.m
        best = None
        limit = None if threshold is None else QQ(threshold) * self.L   # integer coordinates
        # the single rows: exact at once
        for i, r in enumerate(self.B):
            v = QQ(sum(abs(x) for x in r))
            if (limit is None or v < limit) and (best is None or v < best[0]):
                best = (v, (i,), (QQ(1),))
        bound = best[0] if best is not None else limit
        total = independent_candidates(m, n)
        bar = tqdm(delay=PROGRESS_DELAY, total=total, desc="Hoffman (independent sets)", unit=" sets", leave=False,
                   disable=(not progress) if progress is not None else None, mininterval=0.5)
        bar.update(m)

        cache = {}

        def cut():
            if bound is None:
                return np.inf
            c = cache.get(bound)
            if c is None:
                cache.clear()
                c = cache[bound] = float(bound * self.scale) * (1 + 16 * _U)
            return c
        try:
            for k in range(2, min(m, n) + 1):
                Zs = list(itertools.combinations(range(n), k - 1))
                for idx in _combinations(m, k):
                    data = self.chunk(idx)
                    for Z in Zs:
                        if deadline is not None and time.monotonic() > deadline:
                            raise TimeBudgetExceeded("time budget exhausted", best)
                        sel, lo, val = self.float_step(data, Z, cut())
                        for j in np.argsort(val, kind='stable'):
                            if lo[j] >= cut():
                                continue
                            T = tuple(int(t) for t in idx[sel[j]])
                            if self.dependent(T):
                                continue
                            res = self.exact(T, Z)
                            if res is None:
                                continue
                            v, w = res
                            if (bound is None or v < bound) and (limit is None or v < limit):
                                best = (v, T, w)
                                bound = v
                                bar.set_postfix_str("H >= %.6g" % float(QQ(self.L) / v),
                                                    refresh=False)
                        bar.update(len(idx))
        finally:
            bar.close()
        return best

    def result(self, best):
        r"""
        Return the :class:`HoffmanResult` of ``best`` (in the original rows).
        """
        v, T, w = best
        value = QQ(self.L) / v
        J = tuple(self.index[t] for t in T)
        order = sorted(range(len(J)), key=lambda i: J[i])
        return HoffmanResult(value, tuple(J[i] for i in order), tuple(w[i] for i in order))


def _hoffman_independent(rows, n, progress=None, deadline=None, threshold=None):
    r"""
    Return the :class:`HoffmanResult` of the independent-set algorithm (or
    ``None`` when a ``threshold`` `r` is given and `H(A) \le 1/r`).
    """
    S = _Independent(rows, n)
    if not S.m:
        return None if threshold is not None else HoffmanResult(QQ(0), (), ())
    if not S.usable:
        return NotImplemented  # entries beyond the float range: the caller uses PVZ
    try:
        best = S.search(threshold, progress, deadline)
    except TimeBudgetExceeded as err:
        err.lower = S.result(err.lower) if err.lower is not None else None
        raise
    if best is None:
        return None
    return S.result(best)


def hoffman_constant(A, algorithm="pvz", norm="inf", mode="exact", exact=None, progress=None,
                     max_seconds=None, above=None):
    r"""
    Return the Hoffman constant of the matrix ``A``, with a certificate.

    INPUT:

    - ``A`` -- an `m \times n` matrix: a Sage matrix, a list of rows or a
      numpy array. Floating-point entries are read as the binary fractions
      they store (numpy ``float32`` included)
    - ``algorithm`` -- (default: ``"pvz"``) ``"pvz"`` (the combinatorial
      algorithm of Peña, Vera and Zuluaga), ``"brute_force"`` (all
      `2^m - 1` nonempty row sets), ``"independent"`` (the linearly
      independent row sets of at most `n` rows, see ALGORITHM; exact mode and
      ``norm="inf"`` only) or ``"auto"`` (``"independent"`` when it applies
      and has at most :data:`INDEPENDENT_LIMIT` candidates, else ``"pvz"``)
    - ``norm`` -- (default: ``"inf"``) the norm on `x`: ``"inf"``
      (`\ell_\infty`, TropicalNN convention) or ``"l1"`` (`\ell_1`,
      HoffmanCode convention); the residual is always measured in
      `\ell_\infty`
    - ``mode`` -- (default: ``"exact"``) ``"exact"``: exact linear programs
      over `\QQ`; ``"float"``: floating-point ones (HiGHS)
    - ``exact`` -- deprecated; ``exact=False`` means ``mode="float"``
    - ``progress`` -- (default: ``None``: on a terminal only) show a progress
      bar with the best value so far (a certified lower bound)
    - ``max_seconds`` -- (default: ``None``) a time budget; when it runs out
      :class:`TimeBudgetExceeded` is raised, carrying the certified lower
      bound found so far (never a value labelled exact)
    - ``above`` -- (default: ``None``) a number `h`: return ``None`` when
      `H(A) \le h` (the independent-set algorithm then only certifies that
      no row set beats `h`, which is much faster than computing `H(A)`)

    OUTPUT:

    A :class:`HoffmanResult` ``(value, J, v)``: the Hoffman constant `H(A)`
    (in ``QQ``, or ``RDF`` if ``mode="float"``), a maximising `A`-surjective
    row set `J` (a tuple of row indices starting at 0) and the minimiser `v`
    of the surjectivity LP of `A_J`, so that ``value`` `= 1/\|A_J^T v\|_*`.
    A matrix without rows, or without surjective row sets (e.g. a zero
    matrix), has `H(A) = 0`, and then ``J = v = ()``.

    EXAMPLES:

    Published values (TropicalNN unit tests)::

        sage: from sage_tropnet.hoffman.matrix import hoffman_constant
        sage: hoffman_constant(identity_matrix(3)).value
        1
        sage: hoffman_constant([[1, 0, 0], [0, 1, 0], [0, 0, 1], [-1, -1, -1]])
        HoffmanResult(value=3, J=(1, 2, 3), v=(1/3, 1/3, 1/3))
        sage: hoffman_constant(identity_matrix(3).stack(-identity_matrix(3))).value
        1
        sage: hoffman_constant([[1, 0], [-1, 0], [0, 1]]).value
        1
        sage: hoffman_constant([[1, 0], [0, 1], [-1, -1]]).value
        2

    The two norm conventions differ; for the box `[I_n; -I_n]` the
    `\ell_1` value is `n`::

        sage: box = identity_matrix(4).stack(-identity_matrix(4))
        sage: hoffman_constant(box).value, hoffman_constant(box, norm="l1").value
        (1, 4)

    The brute force algorithm gives the same value; floating-point mode
    agrees::

        sage: A = matrix(QQ, [[2, -1, 0], [1, 1, 1], [0, -3, 1], [-1, 0, -2], [1, 2, -1]])
        sage: hoffman_constant(A, algorithm="brute_force").value == hoffman_constant(A).value
        True
        sage: hoffman_constant(A).value
        6
        sage: hoffman_constant(A, mode="float").value  # abs tol 1e-9
        6.0

    Numpy input; ``float32`` entries are read exactly::

        sage: import numpy as np
        sage: hoffman_constant(np.array([[0.5, 0], [0, 0.25]])).value
        4
        sage: hoffman_constant(np.array([[0.1]], dtype=np.float32)).value
        134217728/13421773

    Degenerate cases::

        sage: hoffman_constant(matrix(QQ, 2, 2))
        HoffmanResult(value=0, J=(), v=())
        sage: hoffman_constant([])
        HoffmanResult(value=0, J=(), v=())

    ALGORITHM:

    Both algorithms use the characterisation
    `H(A) = \max_{J \in \mathcal{S}(A)} 1/t_J` of [PVZ2021]_, where `t_J` is
    the optimal value of :func:`surjectivity_lp` and `J` is `A`-surjective
    iff `t_J > 0`. Since `t_J` decreases when `J` grows, only maximal
    surjective sets matter.

    ``"brute_force"`` solves one LP for each of the `2^m - 1` nonempty row
    sets.

    ``"independent"`` (``norm="inf"``): `1/H(A) = \min_J t_J` over the
    surjective `J`, and `t_J` is the `\ell_1` distance from the origin to the
    convex hull of the rows of `J`. The nearest point lies in a face spanned
    by linearly independent rows (a face whose affine hull contains the
    origin would let the distance decrease inside it), so the minimum may be
    taken over the linearly independent sets `T` of at most `n` rows (all
    surjective), and there over the vertices of the simplex
    `\mathrm{conv}(A_T)` cut by the coordinate hyperplanes: the points
    `y = A_T^T \lambda`, `\lambda \ge 0`, `\sum \lambda = 1`, with
    `y_z = 0` for `|T| - 1` coordinates `z \in Z`; `\lambda` is a column of
    cofactors over their sum. A vectorised floating-point pass computes every
    candidate `(T, Z)` with a rigorous bound on its rounding error; only the
    candidates that may beat the best exact value so far are evaluated
    exactly (integer cofactors), so the result is exact. The number of
    candidates is :func:`independent_candidates`, polynomial in `m` for a
    fixed `n`; this is fast for few columns (the matrices of tropical maps
    of networks with small input dimension) and hopeless for many (use
    ``"pvz"``).
    ``"pvz"`` keeps a collection `\mathcal{F}` of surjective sets, a
    collection `\mathcal{I}` of supports of non-surjectivity certificates
    and an antichain of candidate sets, initially `\{\{1, \dots, m\}\}`. It
    repeatedly solves the LP for a largest candidate `J`. If `t_J > 0`, `J`
    joins `\mathcal{F}` and all candidates inside `J` are dropped. If
    `t_J = 0`, the optimal `v` satisfies `A_J^T v = 0`, so no set containing
    `I(v) = \{i : v_i > 0\}` is surjective; `I(v)` joins `\mathcal{I}` and
    every candidate `K \supseteq I(v)` (and `J` itself) is replaced by the
    sets `K \setminus \{i\}`, `i \in I(v)`, except those contained in a set
    of `\mathcal{F}` or in another candidate; sets that contain an older
    support are branched again at once. Every surjective set stays inside a
    set of `\mathcal{F}` or a candidate, so the maximum over `\mathcal{F}`
    is `H(A)`. See [PVZ2021]_ and the TropicalNN description of the same
    algorithm.

    REFERENCES:

    - [Hof1952]_
    - [PVZ2021]_

    Only decide whether the constant exceeds a value::

        sage: A = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [-1, -1, -1]]
        sage: hoffman_constant(A, algorithm="auto", above=3) is None
        True
        sage: hoffman_constant(A, algorithm="auto", above=5/2).value
        3

    TESTS::

        sage: hoffman_constant([[1]], algorithm="milp")
        Traceback (most recent call last):
        ...
        ValueError: algorithm must be one of 'pvz', 'brute_force', 'independent', 'auto', not
        'milp'
        sage: hoffman_constant(matrix(QQ, 3, 0))
        HoffmanResult(value=0, J=(), v=())
        sage: hoffman_constant([[2]], exact=False)
        doctest:warning...
        DeprecationWarning: the keyword exact=False is deprecated; use mode='float'
        HoffmanResult(value=0.5, J=(0,), v=(1.0,))
        sage: from sage_tropnet.hoffman.matrix import surjectivity_lp
        sage: set_random_seed(3)
        sage: for _ in range(30):
        ....:     A = random_matrix(ZZ, randint(1, 7), randint(1, 3), x=-2, y=3)
        ....:     r = hoffman_constant(A, algorithm="independent")
        ....:     assert r.value == hoffman_constant(A).value, A
        ....:     if r.value:
        ....:         t, _ = surjectivity_lp(A.matrix_from_rows(r.J))
        ....:         assert 1 / t == r.value and sum(r.v) == 1
        sage: A = matrix(QQ, 9, 3, [QQ(randint(-99, 99)) / randint(1, 99) for _ in range(27)])
        sage: hoffman_constant(A, algorithm="auto").value == hoffman_constant(A).value
        True
        sage: for _ in range(10):
        ....:     A = random_matrix(ZZ, randint(1, 6), randint(1, 3), x=-2, y=3)
        ....:     for norm in ["inf", "l1"]:
        ....:         r = hoffman_constant(A, norm=norm)
        ....:         b = hoffman_constant(A, algorithm="brute_force", norm=norm)
        ....:         assert r.value == b.value, (A, norm)
        ....:         if r.value:
        ....:             t, _ = surjectivity_lp(A.matrix_from_rows(r.J), norm=norm)
        ....:             assert 1 / t == r.value
    """
    exact = is_exact_mode(mode, exact)
    _check_algorithm(algorithm)
    _check_norm(norm)
    rows, n = _prepare(A, exact)
    deadline = _deadline(max_seconds)
    algorithm = _choose(algorithm, rows, n, norm, exact)
    if algorithm == "independent":
        threshold = None
        if above is not None and above > 0:
            threshold = 1 / to_rational(above)
        res = _hoffman_independent(rows, n, progress, deadline, threshold)
        if res is not NotImplemented:
            if res is not None and above is not None and res.value <= above:
                return None
            return res
        algorithm = "pvz"
    if algorithm == "pvz":
        res = _hoffman_pvz(rows, n, norm, exact, progress, deadline)
    else:
        res = _hoffman_brute_force(rows, n, norm, exact)
    if above is not None and res.value <= above:
        return None
    return res


def hoffman_lower_bound(A, samples=100, seed=None, norm="inf", mode="exact", exact=None):
    r"""
    Return a lower bound on the Hoffman constant of ``A`` from random row
    sets.

    INPUT:

    - ``A`` -- an `m \times n` matrix (Sage matrix, list of rows or numpy
      array)
    - ``samples`` -- positive integer (default: 100); the number of distinct
      random row sets to test. If it is at least `2^m - 1`, all row sets are
      tested and the result is exact
    - ``seed`` -- (default: ``None``) an integer seed for a private random
      generator; if ``None``, Sage's current random state is used (see
      :func:`set_random_seed`)
    - ``norm`` -- (default: ``"inf"``) ``"inf"`` or ``"l1"``, as in
      :func:`hoffman_constant`
    - ``mode`` -- (default: ``"exact"``) ``"exact"`` or ``"float"``: exact
      or floating-point LPs
    - ``exact`` -- deprecated; ``exact=False`` means ``mode="float"``

    OUTPUT:

    A :class:`HoffmanResult` ``(value, J, v)``: the largest `1/t_J` over the
    sampled surjective sets `J`, with its set and LP solution. It is a
    certified lower bound: `H(A) \ge` ``value``.

    EXAMPLES::

        sage: from sage_tropnet.hoffman.matrix import hoffman_lower_bound, hoffman_constant
        sage: A = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [-1, -1, -1]]
        sage: lb = hoffman_lower_bound(A, samples=4, seed=1)
        sage: lb.value <= hoffman_constant(A).value
        True
        sage: hoffman_lower_bound(A, samples=15)
        HoffmanResult(value=3, J=(0, 1, 3), v=(1/3, 1/3, 1/3))

    ALGORITHM:

    Each sample draws a size `k` uniformly from `\{1, \dots, m\}` and then
    `k` distinct rows uniformly; repeated sets are discarded (up to
    ``20 * samples`` draws). For each set the LP of
    :func:`surjectivity_lp` is solved and `1/t_J` is kept if `t_J > 0`;
    this is a lower bound by the characterisation of [PVZ2021]_.

    REFERENCES:

    - [PVZ2021]_

    TESTS::

        sage: hoffman_lower_bound([], samples=3)
        HoffmanResult(value=0, J=(), v=())
        sage: hoffman_lower_bound([[1]], samples=0)
        Traceback (most recent call last):
        ...
        ValueError: samples must be a positive integer
        sage: A = random_matrix(ZZ, 7, 3, x=-3, y=4)
        sage: hoffman_lower_bound(A, samples=30, seed=5) == hoffman_lower_bound(A, samples=30, seed=5)
        True
    """
    exact = is_exact_mode(mode, exact)
    _check_norm(norm)
    samples = int(samples)
    if samples < 1:
        raise ValueError("samples must be a positive integer")
    rows, n = _prepare(A, exact)
    m = len(rows)
    if m == 0:
        return HoffmanResult(_zero(exact), (), ())
    if samples >= (1 << m) - 1:
        return _hoffman_brute_force(rows, n, norm, exact)
    if seed is None:
        from sage.misc.prandom import randint, sample
    else:
        import random
        rng = random.Random(as_seed(seed))
        randint, sample = rng.randint, rng.sample
    seen = set()
    draws = 0
    while len(seen) < samples and draws < 20 * samples:
        draws += 1
        seen.add(tuple(sorted(sample(range(m), randint(1, m)))))
    best = HoffmanResult(_zero(exact), (), ())
    for J in sorted(seen):
        t, v = _surjectivity([rows[i] for i in J], n, norm, exact)
        if t > 0 and 1 / t > best.value:
            best = HoffmanResult(1 / t, J, v)
    return best


def _max_over_bases(A, weight):
    r"""
    Return the maximum of ``weight(|J|, sigma_min(A_J))`` over the sets `J`
    of ``rank(A)`` linearly independent rows, as an element of ``RDF``.
    """
    import numpy as np
    from sage.matrix.constructor import matrix
    rows, n = to_rational_rows(A)
    if not rows or not n:
        return RDF(0)
    M = matrix(QQ, len(rows), n, rows)
    r = M.rank()
    if r == 0:
        return RDF(0)
    # the rows scaled by 2^-e to a largest entry near 1 (no overflow or
    # underflow in the SVD): sigma(A_J) = 2^e sigma(F_J)
    import math
    big = max(abs(QQ(a)) for row in rows for a in row)
    e = big.numerator().nbits() - big.denominator().nbits()
    F = np.array([[float(QQ(a) / QQ(2) ** e) for a in row] for row in rows], dtype=float)
    best = 0.0
    for J in combinations(range(len(rows)), r):
        if M.matrix_from_rows(J).rank() != r:
            continue
        sigma = float(np.linalg.svd(F[list(J), :], compute_uv=False)[-1])
        if sigma <= 0 or not math.isfinite(sigma):
            return RDF(math.inf)  # full rank, but beyond double precision
        try:
            best = max(best, weight(r, math.ldexp(sigma, e)))
        except (OverflowError, ZeroDivisionError):
            return RDF(math.inf)
    return RDF(best)


def hoffman_upper_bound(A):
    r"""
    Return an upper bound on the Hoffman constant of ``A`` from singular
    values (norm convention ``"inf"``).

    INPUT:

    - ``A`` -- an `m \times n` matrix (Sage matrix, list of rows or numpy
      array)

    OUTPUT:

    An element of ``RDF``: the maximum of `\sqrt{|J|}/\sigma_{\min}(A_J)` over
    the row sets `J` for which `A_J` has full row rank (it suffices to take
    the `J` with `|J| = \operatorname{rank} A`). It bounds the Hoffman
    constant for `\ell_\infty` on both `x` and the residual
    (``norm="inf"`` in :func:`hoffman_constant`).

    EXAMPLES::

        sage: from sage_tropnet.hoffman.matrix import hoffman_upper_bound, hoffman_constant
        sage: hoffman_upper_bound([[1, 0], [0, 1], [1, 0]])  # abs tol 1e-12
        1.4142135623730951
        sage: A = [[1, 0], [0, 1], [-1, -1]]
        sage: hoffman_upper_bound(A)  # abs tol 1e-12
        2.288245611270737
        sage: hoffman_constant(A).value
        2

    .. SEEALSO::

        :func:`paper_upper_estimate`

    ALGORITHM:

    By [GHR1995]_, Theorem 4.2, in the Euclidean norm `H(A)` is at most the
    maximum of `1/\sigma_{\min}(A_J)` over the maximal sets `J` of linearly
    independent rows. Passing to the `\ell_\infty` norms costs a factor
    `\sqrt{|J|}`: for `v \ge 0` with `\|v\|_1 = 1`,
    `\|A_J^T v\|_1 \ge \|A_J^T v\|_2 \ge \sigma_{\min}(A_J)\|v\|_2 \ge
    \sigma_{\min}(A_J)/\sqrt{|J|}`. The rank of each `A_J` is tested
    exactly; `\sigma_{\min}` comes from :func:`numpy.linalg.svd`. The
    number of sets is `\binom{m}{\operatorname{rank} A}`.

    REFERENCES:

    - [GHR1995]_

    TESTS::

        sage: hoffman_upper_bound(matrix(QQ, 2, 3))
        0.0
        sage: hoffman_upper_bound([])
        0.0
    """
    return _max_over_bases(A, lambda k, sigma: k ** 0.5 / sigma)


def paper_upper_estimate(A):
    r"""
    Return the singular-value estimate `\max_J 1/\sigma_{\min}(A_J)` of the
    Hoffman constant used in the 2024 paper on tropical expressivity.

    .. WARNING::

        This is **not** a guaranteed upper bound on the `\ell_\infty`
        Hoffman constant (``norm="inf"``): the factor `\sqrt{|J|}` of
        :func:`hoffman_upper_bound` is missing. It is kept only to reproduce
        the published numbers. For `A = [[1, 1], [1, -1]]` it gives
        `1/\sqrt{2} \approx 0.707` while `H(A) = 1`.

    INPUT:

    - ``A`` -- an `m \times n` matrix (Sage matrix, list of rows or numpy
      array)

    OUTPUT:

    An element of ``RDF``: the maximum of `1/\sigma_{\min}(A_J)` over the
    row sets `J` of ``rank(A)`` linearly independent rows.

    EXAMPLES::

        sage: from sage_tropnet.hoffman.matrix import (paper_upper_estimate,
        ....:                                   hoffman_upper_bound, hoffman_constant)
        sage: A = [[1, 1], [1, -1]]
        sage: paper_upper_estimate(A)  # abs tol 1e-12
        0.7071067811865475
        sage: hoffman_constant(A).value
        1
        sage: hoffman_upper_bound(A)  # abs tol 1e-12
        1.0

    .. SEEALSO::

        :func:`hoffman_upper_bound`

    ALGORITHM:

    Enumerate the sets of ``rank(A)`` rows, keep those of full rank (tested
    exactly) and take `1/\sigma_{\min}` with :func:`numpy.linalg.svd`. This
    is the Euclidean-norm bound of [GHR1995]_, Theorem 4.2.

    REFERENCES:

    - [GHR1995]_

    TESTS::

        sage: paper_upper_estimate(matrix(QQ, 1, 2))
        0.0
    """
    return _max_over_bases(A, lambda k, sigma: 1 / sigma)
