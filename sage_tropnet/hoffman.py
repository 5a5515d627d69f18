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
over `\QQ` by default; ``exact=False`` uses floating-point linear programs
(HiGHS) instead. The module also provides a sampled lower bound and
singular-value upper bounds.

EXAMPLES:

The simplex `\{x \in \RR^3 : x \le 1,\ -x_1 - x_2 - x_3 \le 1\}`::

    sage: from sage_tropnet.hoffman import hoffman_constant
    sage: A = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [-1, -1, -1]]
    sage: hoffman_constant(A).value
    3
    sage: hoffman_constant(A, norm="l1").value
    5
    sage: hoffman_constant(A, algorithm="brute_force").value
    3

The bounds::

    sage: from sage_tropnet.hoffman import hoffman_lower_bound, hoffman_upper_bound
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

from sage.modules.free_module_element import vector
from sage.rings.integer import Integer
from sage.rings.rational import Rational
from sage.rings.rational_field import QQ
from sage.rings.real_double import RDF

from sage_tropnet.lp import exact_lp_minimize, float_lp_minimize
from sage_tropnet.misc.inputs import as_list
from sage_tropnet.rational import to_rational, to_rational_rows

# In floating-point mode, optimal values t and weights v_i below this
# threshold are treated as zero.
FLOAT_TOLERANCE = 1e-9

_NORMS = ("inf", "l1")


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

        sage: from sage_tropnet.hoffman import hoffman_constant
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
    if norm not in _NORMS:
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
        t, x = exact_lp_minimize(c, A_ub, b_ub, A_eq, [one], lower_bounds=zero)
        return t, tuple(x[:k])
    t, x = float_lp_minimize(c, A_ub, b_ub, A_eq, [one], lower_bounds=zero)
    t = RDF(0) if t < FLOAT_TOLERANCE else RDF(t)
    v = tuple(RDF(0) if a < FLOAT_TOLERANCE else RDF(a) for a in x[:k])
    return t, v


def _prepare(A, exact):
    r"""
    Return ``(rows, n)`` with the rows of ``A`` as rationals or floats.
    """
    rows, n = to_rational_rows(A)
    if not exact:
        rows = [[float(a) for a in row] for row in rows]
    return rows, n


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

def surjectivity_lp(A_J, norm="inf", exact=True):
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
    - ``exact`` -- boolean (default: ``True``); solve the LP exactly over
      `\QQ` or in floating point

    OUTPUT:

    A pair ``(t, v)``: the optimal value (in ``QQ``, or ``RDF`` if
    ``exact=False``) and an optimal `v` as a tuple, one entry per row. In
    floating-point mode values below ``FLOAT_TOLERANCE`` (`10^{-9}`) are set
    to zero.

    EXAMPLES:

    The identity is surjective, with `t = 1`::

        sage: from sage_tropnet.hoffman import surjectivity_lp
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
        sage: surjectivity_lp([[1, 0], [-1, -1]], exact=False)  # abs tol 1e-9
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


def _hoffman_pvz(rows, n, norm, exact):
    r"""
    Return the :class:`HoffmanResult` computed by the combinatorial algorithm
    of Peña, Vera and Zuluaga.

    Row sets are encoded as bit masks.
    """
    best = HoffmanResult(_zero(exact), (), ())
    m = len(rows)
    if m == 0:
        return best
    F = []          # surjective sets found so far
    I = []          # supports of non-surjectivity certificates
    cands = set()   # candidate sets, an antichain

    def insert(K):
        stack = [K]
        while stack:
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
        J = max(cands, key=lambda K: (bin(K).count("1"), K))
        cands.remove(J)
        idx = _bits(J)
        t, v = _surjectivity([rows[i] for i in idx], n, norm, exact)
        if t > 0:
            F.append(J)
            if 1 / t > best.value:
                best = HoffmanResult(1 / t, idx, v)
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


def hoffman_constant(A, algorithm="pvz", norm="inf", exact=True):
    r"""
    Return the Hoffman constant of the matrix ``A``, with a certificate.

    INPUT:

    - ``A`` -- an `m \times n` matrix: a Sage matrix, a list of rows or a
      numpy array. Floating-point entries are read as the binary fractions
      they store (numpy ``float32`` included)
    - ``algorithm`` -- (default: ``"pvz"``) ``"pvz"`` (the combinatorial
      algorithm of Peña, Vera and Zuluaga) or ``"brute_force"`` (all
      `2^m - 1` nonempty row sets)
    - ``norm`` -- (default: ``"inf"``) the norm on `x`: ``"inf"``
      (`\ell_\infty`, TropicalNN convention) or ``"l1"`` (`\ell_1`,
      HoffmanCode convention); the residual is always measured in
      `\ell_\infty`
    - ``exact`` -- boolean (default: ``True``); exact linear programs over
      `\QQ`, or floating-point ones (HiGHS)

    OUTPUT:

    A :class:`HoffmanResult` ``(value, J, v)``: the Hoffman constant `H(A)`
    (in ``QQ``, or ``RDF`` if ``exact=False``), a maximising `A`-surjective
    row set `J` (a tuple of row indices starting at 0) and the minimiser `v`
    of the surjectivity LP of `A_J`, so that ``value`` `= 1/\|A_J^T v\|_*`.
    A matrix without rows, or without surjective row sets (e.g. a zero
    matrix), has `H(A) = 0`, and then ``J = v = ()``.

    EXAMPLES:

    Published values (TropicalNN unit tests)::

        sage: from sage_tropnet.hoffman import hoffman_constant
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
        sage: hoffman_constant(A, exact=False).value  # abs tol 1e-9
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

    TESTS::

        sage: hoffman_constant([[1]], algorithm="milp")
        Traceback (most recent call last):
        ...
        ValueError: algorithm must be 'pvz' or 'brute_force', not 'milp'
        sage: hoffman_constant(matrix(QQ, 3, 0))
        HoffmanResult(value=0, J=(), v=())
        sage: from sage_tropnet.hoffman import surjectivity_lp
        sage: set_random_seed(3)
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
    if algorithm not in ("pvz", "brute_force"):
        raise ValueError("algorithm must be 'pvz' or 'brute_force', not %r" % (algorithm,))
    _check_norm(norm)
    rows, n = _prepare(A, exact)
    if algorithm == "pvz":
        return _hoffman_pvz(rows, n, norm, exact)
    return _hoffman_brute_force(rows, n, norm, exact)


def hoffman_lower_bound(A, samples=100, seed=None, norm="inf", exact=True):
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
    - ``exact`` -- boolean (default: ``True``); exact or floating-point LPs

    OUTPUT:

    A :class:`HoffmanResult` ``(value, J, v)``: the largest `1/t_J` over the
    sampled surjective sets `J`, with its set and LP solution. It is a
    certified lower bound: `H(A) \ge` ``value``.

    EXAMPLES::

        sage: from sage_tropnet.hoffman import hoffman_lower_bound, hoffman_constant
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
        rng = random.Random(int(seed))
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
    F = np.array([[float(a) for a in row] for row in rows], dtype=float)
    best = 0.0
    for J in combinations(range(len(rows)), r):
        if M.matrix_from_rows(J).rank() != r:
            continue
        sigma = np.linalg.svd(F[list(J), :], compute_uv=False)[-1]
        best = max(best, weight(r, float(sigma)))
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

        sage: from sage_tropnet.hoffman import hoffman_upper_bound, hoffman_constant
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

        sage: from sage_tropnet.hoffman import (paper_upper_estimate,
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


# ---------------------------------------------------------------------------
# Hoffman constants of tropical maps and sampling radii
# ---------------------------------------------------------------------------

_BOUNDS = (None, "lower", "upper")

# Relative margin by which :func:`sampling_radius` inflates a radius computed
# from the floating-point upper bound of the Hoffman constant, to absorb the
# rounding of the singular values (without it, 1-D examples where the bound
# is attained give a radius one ulp too small).
UPPER_BOUND_MARGIN = 1e-9


def _json_number(a):
    r"""
    Return ``a`` as a JSON-friendly value: a string ``"p/q"`` for an exact
    rational, a Python float otherwise.
    """
    if a is None:
        return None
    if a.__class__ is Rational or a.__class__ is Integer:
        return str(QQ(a))
    return float(a)


class TropicalHoffmanResult(namedtuple("TropicalHoffmanResult",
                                       ["value", "indices", "monomials", "matrix",
                                        "J", "v", "kind", "regions"])):
    r"""
    The result of :func:`tropical_hoffman_constant`.

    A named tuple ``(value, indices, monomials, matrix, J, v, kind, regions)``:

    - ``value`` -- the Hoffman constant (or bound) of the tropical map: an
      element of ``QQ`` (exact), or of ``RDF`` (``exact=False`` or
      ``bound="upper"``)
    - ``indices`` -- the maximising region: ``(i,)`` for a tropical
      polynomial, ``(i_p, i_q)`` for a rational map `p \oslash q`; the
      indices are positions in ``exponents()`` of the polynomial (of the
      numerator and the denominator); ``()`` for the tropical zero
    - ``monomials`` -- the maximising monomials, one pair
      ``(exponent, coefficient)`` per entry of ``indices``
    - ``matrix`` -- the certificate matrix `\tilde A` over `\QQ`
      (immutable): `A - \mathbf{1} a_i`, or
      `[A_p - \mathbf{1} a_{i_p};\ A_q - \mathbf{1} a_{i_q}]`, one row per
      monomial of the row set (numerator rows first)
    - ``J``, ``v`` -- the certificate of :class:`HoffmanResult` for
      ``matrix``: row indices of ``matrix`` and LP weights with
      ``value`` `= 1/\|\tilde A_J^T v\|_*`; ``()`` when ``value`` is zero,
      ``None`` for ``bound="upper"`` (no certificate)
    - ``kind`` -- ``"exact"``, ``"lower"`` or ``"upper"``
    - ``regions`` -- the number of regions (monomials, or pairs of
      monomials) over which the maximum was taken

    EXAMPLES::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.hoffman import tropical_hoffman_constant
        sage: x, = TP.gens(1)
        sage: r = tropical_hoffman_constant(0 + x * (-1) + x**2)
        sage: r.value, r.indices, r.monomials, r.J, r.v, r.kind, r.regions
        (1/2, (0,), (((0,), 0),), (1,), (1,), 'exact', 2)
        sage: r.matrix
        [0]
        [2]
        sage: r.as_dict()
        {'J': [1],
         'indices': [0],
         'kind': 'exact',
         'matrix': [['0'], ['2']],
         'monomials': [{'coefficient': '0', 'exponent': ['0']}],
         'regions': 2,
         'v': ['1'],
         'value': '1/2'}
    """
    __slots__ = ()

    def as_dict(self):
        r"""
        Return this result as a JSON-friendly dictionary.

        Exact rationals become strings ``"p/q"``, floating-point values
        Python floats.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.hoffman import tropical_hoffman_constant
            sage: x, y = TP.gens(2)
            sage: import json
            sage: d = tropical_hoffman_constant((x + y + 0) / (x + 0)).as_dict()
            sage: json.loads(json.dumps(d))["value"]
            '2'
        """
        return {
            "value": _json_number(self.value),
            "kind": self.kind,
            "indices": [int(i) for i in self.indices],
            "monomials": [{"exponent": [str(QQ(a)) for a in e],
                           "coefficient": str(QQ(c))} for e, c in self.monomials],
            "matrix": [[str(a) for a in row] for row in self.matrix.rows()],
            "J": None if self.J is None else [int(j) for j in self.J],
            "v": None if self.v is None else [_json_number(a) for a in self.v],
            "regions": int(self.regions),
        }


class SamplingRadius(namedtuple("SamplingRadius", ["value", "hoffman", "spread", "center"])):
    r"""
    The certificate of :func:`sampling_radius`: ``value = hoffman.value * spread``.

    - ``value`` -- the radius `R`
    - ``hoffman`` -- the :class:`TropicalHoffmanResult` used
    - ``spread`` -- `\max\{p(x_0) - \check p(x_0),\ q(x_0) - \check q(x_0)\}`
      (for a polynomial `f`: `f(x_0) - \check f(x_0)`), exact
    - ``center`` -- the centre `x_0`, a tuple of rationals

    EXAMPLES::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.hoffman import sampling_radius
        sage: x, = TP.gens(1)
        sage: c = sampling_radius((x + 0) / (x * 2 + 0), center=[1], certificate=True)
        sage: c.value, c.hoffman.value, c.spread, c.center
        (3, 1, 3, (1,))
        sage: sorted(c.as_dict())
        ['center', 'hoffman', 'spread', 'value']
    """
    __slots__ = ()

    def as_dict(self):
        r"""
        Return this certificate as a JSON-friendly dictionary.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.hoffman import sampling_radius
            sage: x, = TP.gens(1)
            sage: d = sampling_radius(0 + x * (-1) + x**2, certificate=True,
            ....:                     full_dimensional_only=False).as_dict()
            sage: d["value"], d["spread"], d["center"], d["hoffman"]["value"]
            ('1', '1', ['0'], '1')
        """
        return {"value": _json_number(self.value),
                "hoffman": self.hoffman.as_dict(),
                "spread": _json_number(self.spread),
                "center": [str(a) for a in self.center]}


class MinimalRadius(namedtuple("MinimalRadius", ["value", "distances", "points", "center"])):
    r"""
    The certificate of :func:`minimal_radius`.

    - ``value`` -- the minimal radius `r = \max_k d_k`
    - ``distances`` -- the list of the `\ell_\infty` distances `d_k` from the
      centre to the (closed) linear regions, in the order of
      :func:`~sage_tropnet.regions.linear_regions`
    - ``points`` -- for every region a point of it (of one of its cells) at
      distance `d_k` from the centre, exact
    - ``center`` -- the centre, a tuple of rationals

    EXAMPLES::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.hoffman import minimal_radius
        sage: x, = TP.gens(1)
        sage: m = minimal_radius(0 + x + (x**2) * (-4), certificate=True); m
        MinimalRadius(value=4, distances=[0, 0, 4], points=[(0), (0), (4)], center=(0,))
        sage: m.as_dict()["points"]
        [['0'], ['0'], ['4']]
    """
    __slots__ = ()

    def as_dict(self):
        r"""
        Return this certificate as a JSON-friendly dictionary.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.hoffman import minimal_radius
            sage: x, = TP.gens(1)
            sage: minimal_radius(x + 1, certificate=True).as_dict()
            {'center': ['0'],
             'distances': ['0', '1'],
             'points': [['0'], ['1']],
             'value': '1'}
        """
        return {"value": _json_number(self.value),
                "distances": [_json_number(d) for d in self.distances],
                "points": [[str(a) for a in p] for p in self.points],
                "center": [str(a) for a in self.center]}


def _tropical_input(f, output):
    r"""
    Return ``(kind, g)``: ``("polynomial", P)`` or ``("rational", F)``, with
    exact data over `\QQ`.

    Networks are tropicalised (pruned, Zhang's convention) and the output
    ``output`` is taken; so is the entry ``output`` of a vector of maps.
    """
    from sage_tropnet.network import ReLUNetwork
    from sage_tropnet.puiseux import (TropicalPuiseuxPolynomial, TropicalRationalMap,
                                      TropicalRationalMapVector)
    if isinstance(f, ReLUNetwork):
        if not 0 <= output < f.output_dimension():
            raise ValueError("output %s out of range: the network has %s outputs"
                             % (output, f.output_dimension()))
        f = f.tropicalize()[output]
    if isinstance(f, TropicalRationalMapVector):
        f = f[output]
    if isinstance(f, TropicalPuiseuxPolynomial):
        kind = "polynomial"
    elif isinstance(f, TropicalRationalMap):
        kind = "rational"
    else:
        raise TypeError("expected a network, a tropical polynomial or a tropical rational "
                        "map, got %s" % type(f).__name__)
    if f.base_ring() is not QQ:
        f = f.change_ring(QQ)  # float data are exact binary rationals
    return kind, f


def _row_set(P, full_dimensional_only):
    r"""
    Return the indices (into ``P.exponents()``) of the monomials that form
    the rows of the Hoffman matrices of ``P``, and the indices of those
    with a full-dimensional region (one per exponent: the first copy with
    the largest coefficient).
    """
    from sage_tropnet.hull import upper_hull_vertices
    exps, coeffs = P.exponents(), P.coefficients()
    seen = set()
    full = []
    for k in upper_hull_vertices(exps, coeffs):
        if exps[k] not in seen:
            seen.add(exps[k])
            full.append(k)
    if full_dimensional_only:
        return full, full
    return list(range(len(exps))), full


def _reduced(rows):
    r"""
    Return ``(distinct, index)``: the distinct nonzero rows of ``rows`` and
    the position in ``rows`` of the first copy of each.

    Zero rows and repeated rows never change a Hoffman constant: a set `J`
    containing a zero row is not surjective, and the surjectivity LP of a set
    with repeated rows has the optimal value of the set without repetitions.
    """
    seen = set()
    distinct, index = [], []
    for k, r in enumerate(rows):
        if r in seen or not any(r):
            continue
        seen.add(r)
        distinct.append(r)
        index.append(k)
    return distinct, index


def _tropical_data(f, full_dimensional_only, realised_only, output):
    r"""
    Return the data of the Hoffman constant of a tropical map.

    OUTPUT: a tuple ``(sides, candidates, n)``: ``sides`` is a list of one
    (polynomial) or two (numerator, denominator) pairs
    ``(polynomial, row indices)``, ``candidates`` the list of tuples of
    positions in the row sets (one per side) over which the maximum is
    taken, and ``n`` the number of variables.
    """
    kind, g = _tropical_input(f, output)
    polys = [g] if kind == "polynomial" else [g.numerator(), g.denominator()]
    n = g.nvariables()
    sides = []
    fulls = []
    for P in polys:
        rows, full = _row_set(P, full_dimensional_only)
        sides.append((P, rows))
        fulls.append(full)
    if any(not rows for _, rows in sides):
        return sides, [], n  # the tropical zero
    if kind == "polynomial":
        cands = fulls[0] if realised_only else sides[0][1]
        pos = {k: a for a, k in enumerate(sides[0][1])}
        return sides, [(pos[k],) for k in cands], n
    (p, rows_p), (q, rows_q) = sides
    pos_p = {k: a for a, k in enumerate(rows_p)}
    pos_q = {k: a for a, k in enumerate(rows_q)}
    if not realised_only:
        return sides, [(a, b) for a in range(len(rows_p)) for b in range(len(rows_q))], n
    if len(fulls[0]) == 1 and len(fulls[1]) == 1:
        return sides, [(pos_p[fulls[0][0]], pos_q[fulls[1][0]])], n
    # the full-dimensional cells U_i \cap V_j, read off the exact region search
    from sage_tropnet.puiseux import TropicalRationalMap
    from sage_tropnet.regions import _TropicalOracle, _explore
    oracle = _TropicalOracle(TropicalRationalMap(p, q))
    cells, _ = _explore(oracle, None, seed=0, progress=False)
    exps_p, exps_q = p.exponents(), q.exponents()
    by_exp_p = {exps_p[k]: pos_p[k] for k in fulls[0]}
    by_exp_q = {exps_q[k]: pos_q[k] for k in fulls[1]}
    (Ep, _, _), (Eq, _, _) = oracle.polys
    cands = sorted((by_exp_p[tuple(Ep[i])], by_exp_q[tuple(Eq[j])]) for i, j in cells)
    return sides, cands, n


def tropical_hoffman_constant(f, algorithm="pvz", norm="inf", exact=True, realised_only=True,
                              bound=None, full_dimensional_only=True, samples=100, seed=None,
                              output=0):
    r"""
    Return the Hoffman constant of a tropical Puiseux polynomial, of a
    tropical rational map or of a network, with a certificate.

    For a tropical polynomial `f(x) = \max_i (a_i x + b_i)` the region of the
    monomial `i` is `U_i = \{x : \tilde A_i x \le \tilde b_i\}` with
    `\tilde A_i = A - \mathbf{1} a_i` and
    `\tilde b_i = b_i \mathbf{1} - b`, and ([LWCBM2024]_, Def. 3.1)

    .. MATH::

        H(f) = \max_{i} H(A - \mathbf{1} a_i),

    the maximum over the monomials with a full-dimensional region. For a
    rational map `p \oslash q` the regions are the intersections
    `U_{i_p} \cap V_{i_q}` and ([LWCBM2024]_, Def. 3.2, eq. (4))

    .. MATH::

        H(p \oslash q) = \max_{(i_p, i_q)}
        H\begin{pmatrix} A_p - \mathbf{1} a_{i_p} \\
        A_q - \mathbf{1} a_{i_q} \end{pmatrix}.

    INPUT:

    - ``f`` -- a :class:`~sage_tropnet.puiseux.TropicalPuiseuxPolynomial`, a
      :class:`~sage_tropnet.puiseux.TropicalRationalMap`, a vector of maps,
      or a :class:`~sage_tropnet.network.ReLUNetwork` (replaced by
      ``f.tropicalize()[output]``)
    - ``algorithm`` -- (default: ``"pvz"``) ``"pvz"`` or ``"brute_force"``,
      as in :func:`hoffman_constant`
    - ``norm`` -- (default: ``"inf"``) ``"inf"`` or ``"l1"``, the norm on
      `x`, as in :func:`hoffman_constant`
    - ``exact`` -- boolean (default: ``True``); exact LPs over `\QQ` or
      floating-point ones
    - ``realised_only`` -- boolean (default: ``True``); take the maximum only
      over the regions that are full-dimensional: for a rational map the
      pairs `(i_p, i_q)` with `U_{i_p} \cap V_{i_q}` full-dimensional (read
      off the exact region search of :mod:`sage_tropnet.regions`), for a
      polynomial the monomials with a full-dimensional region. With
      ``False``, all pairs of monomials of the row sets (the paper's code)
    - ``bound`` -- (default: ``None``) ``None`` for the Hoffman constant,
      ``"lower"`` for the maximum of :func:`hoffman_lower_bound` over the
      regions (certified), ``"upper"`` for the maximum of
      :func:`hoffman_upper_bound` (``norm="inf"`` only; a floating-point
      value whose singular values are not rounded upwards, so it may fall
      below `H` by a few ulps when the bound is attained)
    - ``full_dimensional_only`` -- boolean (default: ``True``); the rows of
      the matrices are the monomials with a full-dimensional region, one
      per exponent (the upper-hull vertices). With ``False`` every monomial
      of the expression is a row, as in TropicalNN when an unpruned
      polynomial is passed; this can only increase `H`
    - ``samples``, ``seed`` -- passed to :func:`hoffman_lower_bound` (the
      region number `k` uses the seed ``seed + k``)
    - ``output`` -- integer (default: 0); the output of a network or a vector

    OUTPUT:

    A :class:`TropicalHoffmanResult` ``(value, indices, monomials, matrix,
    J, v, kind, regions)``: the value, the maximising region and its matrix
    `\tilde A` with the certificate ``(J, v)`` of :func:`hoffman_constant`
    (so ``value`` `= 1/\|\tilde A_J^T v\|_*`). A single monomial (or a
    single pair) and the tropical zero give the value `0`.

    EXAMPLES:

    The published values of TropicalNN: `\max(0, x - 1, 2x)`, where the
    monomial `x - 1` never attains the maximum on an open set. Over all
    monomials (as TropicalNN computes on the unpruned polynomial) `H = 1`;
    over the monomials with a full-dimensional region `H = 1/2`::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.hoffman import tropical_hoffman_constant
        sage: x, = TP.gens(1)
        sage: f = 0 + x * (-1) + x**2; f
        max(0, -1 + x, 2*x)
        sage: tropical_hoffman_constant(f).value
        1/2
        sage: tropical_hoffman_constant(f, full_dimensional_only=False).value
        1
        sage: tropical_hoffman_constant(f.prune(), full_dimensional_only=False).value
        1/2

    The certificate: the matrix of the region of the monomial `0`, and a
    surjective row set::

        sage: r = tropical_hoffman_constant(f, full_dimensional_only=False)
        sage: r.monomials, r.matrix.rows(), r.J, r.v
        ((((0,), 0),), [(0), (1), (2)], (1, 2), (1, 0))

    A rational map in two variables: with the matrix of the region
    `U_{i_p} \cap V_{i_q}`, the realised pairs, and all pairs::

        sage: x, y = TP.gens(2)
        sage: g = (x**2 + y**2 + 0) / (x + y * 1)
        sage: r = tropical_hoffman_constant(g); r.value, r.regions
        (3/2, 5)
        sage: r.monomials
        (((0, 0), 0), ((0, 1), 1))
        sage: r.matrix
        [ 0  0]
        [ 0  2]
        [ 2  0]
        [ 0  0]
        [ 1 -1]
        sage: r.J, r.v
        ((1, 2, 4), (1/3, 0, 2/3))
        sage: tropical_hoffman_constant(g, realised_only=False).regions
        6

    Bounds; the upper bound is a float::

        sage: tropical_hoffman_constant(g, bound="lower", seed=1).value <= 3/2
        True
        sage: tropical_hoffman_constant(g, bound="upper").value  # abs tol 1e-9
        1.618033988749895

    A network, through its tropical rational map::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: net = ReLUNetwork([([[1, 0], [0, 1], [-1, -1]], [0, 0, 0]),
        ....:                    ([[1, 1, 1]], [0])])
        sage: tropical_hoffman_constant(net).value
        2

    ALGORITHM:

    The rows are the exponent vectors of the monomials (see
    ``full_dimensional_only``); for every region the matrix `\tilde A` is
    formed and :func:`hoffman_constant` is called on its distinct nonzero
    rows (zero and repeated rows do not change a Hoffman constant), and the
    certificate is mapped back to the rows of `\tilde A`. The realised pairs
    of a rational map are the keys of the cells found by the
    output-sensitive search of :mod:`sage_tropnet.regions` (the tropical
    route), so no pair is tested separately.

    Lower bounds: for a rational map the maximum over the pairs of the
    per-pair lower bounds is a valid lower bound of the maximum (4).
    The 2024 code of [LWCBM2024]_ reported the *minimum* over the pairs,
    which is smaller still (pitfall P7 of the reference notes).

    .. NOTE::

        [LWCBM2024]_ define the Hoffman constant of a function as the
        minimum over all its expressions `p \oslash q`; this function
        returns the constant of the given expression.

    REFERENCES:

    - [LWCBM2024]_
    - [Hof1952]_
    - [PVZ2021]_

    TESTS::

        sage: x, = TP.gens(1)
        sage: r = tropical_hoffman_constant(x * 3)
        sage: r.value, r.indices, r.monomials, r.matrix, r.J, r.v, r.regions
        (0, (0,), (((1,), 3),), [0], (), (), 1)
        sage: r = tropical_hoffman_constant(TP({}, nvars=2))
        sage: r.value, r.indices, r.monomials, r.matrix.dimensions(), r.J, r.v, r.regions
        (0, (), (), (0, 2), (), (), 0)
        sage: tropical_hoffman_constant(TP({}, nvars=2), bound="upper").J is None
        True
        sage: tropical_hoffman_constant(x * 2 / x).value
        0
        sage: from sage_tropnet.hoffman import surjectivity_lp
        sage: tropical_hoffman_constant(f, bound="middle")
        Traceback (most recent call last):
        ...
        ValueError: bound must be None, 'lower' or 'upper', not 'middle'
        sage: tropical_hoffman_constant(f, bound="upper", norm="l1")
        Traceback (most recent call last):
        ...
        ValueError: the upper bound is only available for norm='inf'
        sage: tropical_hoffman_constant(matrix(QQ, [[1]]))
        Traceback (most recent call last):
        ...
        TypeError: expected a network, a tropical polynomial or a tropical rational map, got ...

    Both algorithms and both routes to the realised pairs agree::

        sage: from sage_tropnet.network import random_network
        sage: for s in range(4):
        ....:     net = random_network([2, 3, 1], seed=s, init='integer')
        ....:     a = tropical_hoffman_constant(net)
        ....:     b = tropical_hoffman_constant(net, algorithm="brute_force")
        ....:     c = tropical_hoffman_constant(net, realised_only=False)
        ....:     assert a.value == b.value <= c.value
        ....:     if a.value:
        ....:         t, _ = surjectivity_lp(a.matrix.matrix_from_rows(a.J))
        ....:         assert 1 / t == a.value
    """
    if algorithm not in ("pvz", "brute_force"):
        raise ValueError("algorithm must be 'pvz' or 'brute_force', not %r" % (algorithm,))
    _check_norm(norm)
    if bound not in _BOUNDS:
        raise ValueError("bound must be None, 'lower' or 'upper', not %r" % (bound,))
    if bound == "upper" and norm != "inf":
        raise ValueError("the upper bound is only available for norm='inf'")
    sides, cands, n = _tropical_data(f, full_dimensional_only, realised_only, output)
    return _tropical_hoffman(sides, cands, n, algorithm, norm, exact, bound, samples, seed)


def _tropical_hoffman(sides, cands, n, algorithm, norm, exact, bound, samples, seed):
    r"""
    Return the :class:`TropicalHoffmanResult` of the maximum over ``cands``
    (see :func:`_tropical_data`).
    """
    from sage.matrix.constructor import matrix
    kind = "exact" if bound is None else bound
    data = []
    for P, rows in sides:
        exps, coeffs = P.exponents(), P.coefficients()
        data.append(([tuple(QQ(a) for a in exps[k]) for k in rows],
                     [QQ(coeffs[k]) for k in rows], rows))
    zero = RDF(0) if (bound == "upper" or not exact) else QQ(0)
    if not cands:
        M = matrix(QQ, 0, n)
        M.set_immutable()
        return TropicalHoffmanResult(zero, (), (), M, None if bound == "upper" else (),
                                     None if bound == "upper" else (), kind, 0)
    best = None
    done = {}
    for k, cand in enumerate(cands):
        rows = []
        for (E, _, _), a in zip(data, cand):
            ea = E[a]
            rows.extend(tuple(x - y for x, y in zip(e, ea)) for e in E)
        key = tuple(data[s][0][a] for s, a in enumerate(cand))
        if key in done:
            continue
        distinct, index = _reduced(rows)
        if bound == "upper":
            value, J, v = RDF(hoffman_upper_bound(distinct)) if distinct else zero, None, None
        else:
            if bound == "lower":
                res = hoffman_lower_bound(distinct, samples=samples,
                                          seed=None if seed is None else int(seed) + k,
                                          norm=norm, exact=exact)
            else:
                res = hoffman_constant(matrix(QQ, len(distinct), n, distinct),
                                       algorithm=algorithm, norm=norm, exact=exact)
            value = res.value
            J = tuple(index[j] for j in res.J)
            v = res.v
        done[key] = value
        if best is None or value > best[0]:
            best = (value, cand, rows, J, v)
    value, cand, rows, J, v = best
    if value == 0 and J is not None:
        J, v = (), ()
    M = matrix(QQ, len(rows), n, rows)
    M.set_immutable()
    indices = tuple(data[s][2][a] for s, a in enumerate(cand))
    monomials = tuple((data[s][0][a], data[s][1][a]) for s, a in enumerate(cand))
    return TropicalHoffmanResult(value, indices, monomials, M, J, v, kind, len(done))


def _center(center, n):
    r"""
    Return the centre as a tuple of ``n`` exact rationals (default: the origin).
    """
    if center is None:
        return (QQ(0),) * n
    c = tuple(to_rational(a) for a in as_list(center))
    if len(c) != n:
        raise ValueError("the center has %s coordinates, the map has %s variables"
                         % (len(c), n))
    return c


def sampling_radius(f, center=None, exact=True, full_dimensional_only=True, realised_only=True,
                    algorithm="pvz", bound=None, output=0, certificate=False):
    r"""
    Return a radius `R` such that the `\ell_\infty` ball of radius `R`
    around ``center`` meets every linear region of ``f``.

    For a tropical polynomial `f` this is Lemma 3.3 of [LWCBM2024]_,

    .. MATH::

        R = H(f) \cdot \max_i \|(\tilde A_i x_0 - \tilde b_i)_+\|_\infty
          = H(f) \cdot (f(x_0) - \check f(x_0)),

    and for a rational map `p \oslash q` Proposition 3.4,

    .. MATH::

        R = H(p \oslash q) \cdot \max\{p(x_0) - \check p(x_0),\
        q(x_0) - \check q(x_0)\},

    where `\check p(x) = \min_j (a_j x + b_j)` is the min-conjugate of
    `p(x) = \max_j (a_j x + b_j)`. Maximum and minimum run over the same
    monomials as the rows of the Hoffman matrices: with
    ``full_dimensional_only=True`` (default) the monomials with a
    full-dimensional region, otherwise every monomial of the expression.
    Both give valid radii; the first is never larger.

    INPUT:

    - ``f`` -- a tropical polynomial, a tropical rational map, a vector of
      maps or a :class:`~sage_tropnet.network.ReLUNetwork` (through
      ``f.tropicalize()[output]``)
    - ``center`` -- (default: the origin) the centre `x_0`; floats are read
      exactly
    - ``exact`` -- boolean (default: ``True``); exact LPs (the radius is in
      ``QQ``) or floating-point ones (``RDF``)
    - ``full_dimensional_only``, ``realised_only``, ``algorithm``,
      ``output`` -- as in :func:`tropical_hoffman_constant`
    - ``bound`` -- (default: ``None``) ``None`` or ``"upper"``: use the
      singular-value upper bound of the Hoffman constant (a larger radius,
      in ``RDF``, inflated by the relative margin ``UPPER_BOUND_MARGIN``
      `= 10^{-9}` against the rounding of the singular values); a lower
      bound gives no valid radius
    - ``certificate`` -- boolean (default: ``False``); return a
      :class:`SamplingRadius` instead of the number

    OUTPUT: the radius `R` (in ``QQ`` by default), or a
    :class:`SamplingRadius` ``(value, hoffman, spread, center)``

    EXAMPLES:

    The published effective radii of TropicalNN for `\max(0, x - 1, 2x)`,
    centre `0`: `1` over all monomials, `0` after pruning (the regions of
    `0` and `2x` meet at the origin)::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.hoffman import sampling_radius, minimal_radius
        sage: x, = TP.gens(1)
        sage: f = 0 + x * (-1) + x**2
        sage: sampling_radius(f, full_dimensional_only=False)
        1
        sage: sampling_radius(f)
        0

    Elsewhere the radius is positive, and at least the minimal radius::

        sage: sampling_radius(f, center=[3]), minimal_radius(f, center=[3])
        (3, 3)
        sage: x, y = TP.gens(2)
        sage: g = (x**2 + y**2 + 0) / (x + y * 1)
        sage: sampling_radius(g, center=[1, -1]), minimal_radius(g, center=[1, -1])
        (6, 1)
        sage: sampling_radius(g, center=[1, -1], bound="upper")  # rel tol 1e-8
        6.47213595499958

    A network::

        sage: from sage_tropnet.network import random_network
        sage: net = random_network([2, 3, 1], seed=0, init='integer')
        sage: R = sampling_radius(net); R
        12
        sage: minimal_radius(net) <= R
        True

    ALGORITHM:

    By Hoffman's bound every nonempty cell `U` of ``f`` (a full-dimensional
    intersection of monomial regions) satisfies
    `d_\infty(x_0, U) \le H(\tilde A) \|(\tilde A x_0 - \tilde b)_+\|_\infty`,
    and the residual of the cell of `(i_p, i_q)` is
    `\max\{p(x_0) - m_{i_p}(x_0), q(x_0) - m_{i_q}(x_0)\}`, at most the
    spread above. Every linear region contains such a cell.

    REFERENCES:

    - [LWCBM2024]_
    - [Hof1952]_

    TESTS::

        sage: x, = TP.gens(1)
        sage: sampling_radius(x * 5), sampling_radius(TP({}, nvars=1))
        (0, 0)
        sage: sampling_radius(f, bound="lower")
        Traceback (most recent call last):
        ...
        ValueError: bound must be None or 'upper' for a radius, not 'lower'
        sage: sampling_radius(f, center=[1, 2])
        Traceback (most recent call last):
        ...
        ValueError: the center has 2 coordinates, the map has 1 variables
        sage: sampling_radius(f, center=[3], exact=False)  # abs tol 1e-9
        3.0
    """
    if bound not in (None, "upper"):
        raise ValueError("bound must be None or 'upper' for a radius, not %r" % (bound,))
    if algorithm not in ("pvz", "brute_force"):
        raise ValueError("algorithm must be 'pvz' or 'brute_force', not %r" % (algorithm,))
    sides, cands, n = _tropical_data(f, full_dimensional_only, realised_only, output)
    x0 = _center(center, n)
    H = _tropical_hoffman(sides, cands, n, algorithm, "inf", exact, bound, 100, None)
    spread = QQ(0)
    if cands:
        for P, rows in sides:
            exps, coeffs = P.exponents(), P.coefficients()
            vals = [QQ(coeffs[k]) + sum(QQ(a) * b for a, b in zip(exps[k], x0))
                    for k in rows]
            spread = max(spread, max(vals) - min(vals))
    R = H.value * spread
    if bound == "upper":
        R = R * (1 + UPPER_BOUND_MARGIN)
    if certificate:
        return SamplingRadius(R, H, spread, x0)
    return R


def _cell_distance(P, x0):
    r"""
    Return ``(d, x)``: the `\ell_\infty` distance from ``x0`` to the
    polyhedron ``P`` and a nearest point, by one exact LP.

    The variables are `(x, t)`: minimise `t` subject to the constraints of
    ``P`` and `x_0 - t \le x \le x_0 + t`.
    """
    n = len(x0)
    A_ub, b_ub, A_eq, b_eq = [], [], [], []
    for ie in P.inequalities_list():
        # ie[0] + ie[1:] . x >= 0
        A_ub.append([-QQ(a) for a in ie[1:]] + [QQ(0)])
        b_ub.append(QQ(ie[0]))
    for eq in P.equations_list():
        A_eq.append([QQ(a) for a in eq[1:]] + [QQ(0)])
        b_eq.append(-QQ(eq[0]))
    for j in range(n):
        e = [QQ(0)] * n
        e[j] = QQ(1)
        A_ub.append(e + [QQ(-1)])
        b_ub.append(x0[j])
        A_ub.append([-a for a in e] + [QQ(-1)])
        b_ub.append(-x0[j])
    c = [QQ(0)] * n + [QQ(1)]
    d, point = exact_lp_minimize(c, A_ub, b_ub, A_eq or None, b_eq or None,
                                 lower_bounds=[None] * n + [QQ(0)])
    return d, point[:n]


def _regions_or_none(f, box, output):
    r"""
    Return ``(n, regions)``: the number of variables and the linear regions
    of ``f`` (``None`` for the tropical zero, which has no regions).
    """
    from sage_tropnet.regions import linear_regions
    kind, g = _tropical_input(f, output)
    n = g.nvariables()
    P = g if kind == "polynomial" else g.numerator()
    if P.is_zero():
        return n, None
    return n, linear_regions(g, box=box, progress=False)


def minimal_radius(f, center=None, box=None, output=0, certificate=False):
    r"""
    Return the smallest `r` such that the closed `\ell_\infty` ball of
    radius `r` around ``center`` meets every linear region of ``f``,
    exactly.

    This is the minimal effective radius `R_f(x_0)` of [LWCBM2024]_, §3.2,
    for the closed linear regions of the function ``f``.

    INPUT:

    - ``f`` -- a tropical polynomial, a tropical rational map, a vector of
      maps or a :class:`~sage_tropnet.network.ReLUNetwork` (through
      ``f.tropicalize()[output]``)
    - ``center`` -- (default: the origin) the centre `x_0`
    - ``box`` -- (default: ``None``) a counting domain, as in
      :func:`~sage_tropnet.regions.linear_regions`: only the parts of the
      regions inside the domain count
    - ``output`` -- integer (default: 0); the output of a network or a vector
    - ``certificate`` -- boolean (default: ``False``); return a
      :class:`MinimalRadius` with the distance to every region and a nearest
      point of it

    OUTPUT: an element of ``QQ``, or a :class:`MinimalRadius`

    EXAMPLES::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.hoffman import minimal_radius, verify_radius
        sage: x, y = TP.gens(2)
        sage: f = x + y + 3
        sage: minimal_radius(f)
        3
        sage: minimal_radius(f, center=[3, 3])
        0
        sage: verify_radius(f, 3), verify_radius(f, 5/2)
        (True, False)
        sage: minimal_radius(f, center=[10, 0], box=4)
        7

    ALGORITHM:

    The regions come from :func:`~sage_tropnet.regions.linear_regions`; for
    each cell one exact LP (:func:`~sage_tropnet.lp.exact_lp_minimize`)
    computes `\min\{t : x \in \text{cell},\ x_0 - t \le x \le x_0 + t\}`.
    The distance to a region is the minimum over its cells; `r` is the
    maximum over the regions.

    REFERENCES:

    - [LWCBM2024]_

    TESTS::

        sage: minimal_radius(TP({}, nvars=2)), minimal_radius(x * 2)
        (0, 0)
        sage: minimal_radius(TP({}, nvars=2), certificate=True)
        MinimalRadius(value=0, distances=[], points=[], center=(0, 0))
    """
    n, regions = _regions_or_none(f, box, output)
    x0 = _center(center, n)
    distances, points = [], []
    for R in regions or []:
        best = None
        for P in R.cells:
            d, pt = _cell_distance(P, x0)
            if best is None or d < best[0]:
                best = (d, pt)
        distances.append(best[0])
        points.append(vector(QQ, best[1]))
    r = max(distances, default=QQ(0))
    if certificate:
        return MinimalRadius(r, distances, points, x0)
    return r


def verify_radius(f, r, center=None, box=None, output=0):
    r"""
    Return whether the closed `\ell_\infty` ball of radius ``r`` around
    ``center`` meets every linear region of ``f``.

    INPUT:

    - ``f`` -- a tropical polynomial, a tropical rational map, a vector of
      maps or a :class:`~sage_tropnet.network.ReLUNetwork`
    - ``r`` -- a non-negative number (floats are read exactly)
    - ``center``, ``box``, ``output`` -- as in :func:`minimal_radius`

    OUTPUT: boolean

    EXAMPLES::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.hoffman import verify_radius, sampling_radius
        sage: x, = TP.gens(1)
        sage: f = (x + 0) / (x**2 + 2); f
        max(0, x) - max(2, 2*x)
        sage: R = sampling_radius(f, center=[5]); R
        8
        sage: verify_radius(f, R, center=[5]), verify_radius(f, 5, center=[5])
        (True, True)
        sage: verify_radius(f, 4.99, center=[5])
        False

    ALGORITHM:

    One exact LP per cell of each region, stopping at the first cell within
    distance ``r`` (see :func:`minimal_radius`).

    TESTS::

        sage: verify_radius(f, -1)
        Traceback (most recent call last):
        ...
        ValueError: the radius must be non-negative, got -1
    """
    r = to_rational(r)
    if r < 0:
        raise ValueError("the radius must be non-negative, got %s" % r)
    n, regions = _regions_or_none(f, box, output)
    x0 = _center(center, n)
    for R in regions or []:
        if not any(_cell_distance(P, x0)[0] <= r for P in R.cells):
            return False
    return True
