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
from sage_tropnet.misc.inputs import is_exact_mode
from sage_tropnet.rational import to_rational_rows

#: In floating-point mode, optimal values `t` and weights `v_i` below this
#: threshold are treated as zero.
FLOAT_TOLERANCE = 1e-9

#: The norms on `x`: ``"inf"`` (`\ell_\infty`) and ``"l1"`` (`\ell_1`).
NORMS = ("inf", "l1")

#: The exact algorithms of :func:`hoffman_constant`.
ALGORITHMS = ("pvz", "brute_force")


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


def hoffman_constant(A, algorithm="pvz", norm="inf", mode="exact", exact=None):
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
    - ``mode`` -- (default: ``"exact"``) ``"exact"``: exact linear programs
      over `\QQ`; ``"float"``: floating-point ones (HiGHS)
    - ``exact`` -- deprecated; ``exact=False`` means ``mode="float"``

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
        sage: hoffman_constant([[2]], exact=False)
        doctest:warning...
        DeprecationWarning: the keyword exact=False is deprecated; use mode='float'
        HoffmanResult(value=0.5, J=(0,), v=(1.0,))
        sage: from sage_tropnet.hoffman.matrix import surjectivity_lp
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
    exact = is_exact_mode(mode, exact)
    if algorithm not in ALGORITHMS:
        raise ValueError("algorithm must be 'pvz' or 'brute_force', not %r" % (algorithm,))
    _check_norm(norm)
    rows, n = _prepare(A, exact)
    if algorithm == "pvz":
        return _hoffman_pvz(rows, n, norm, exact)
    return _hoffman_brute_force(rows, n, norm, exact)


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
