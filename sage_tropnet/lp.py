r"""
Linear programming: exact over `\QQ` and in floating point

Every linear program that ``sage_tropnet`` solves goes through this module.
Two functions with the same signature are provided:

- :func:`exact_lp_minimize` solves the problem exactly over the rationals
  with a small dense two-phase simplex method in integer (fraction-free)
  arithmetic;
- :func:`float_lp_minimize` solves it in double precision with the HiGHS
  solver of :func:`scipy.optimize.linprog`.

Both solve

.. MATH::

    \min\ c^T x \quad\text{subject to}\quad
    A_{ub} x \le b_{ub},\ A_{eq} x = b_{eq},\ x \ge \ell,

where a variable without a lower bound is free (it is *not* assumed to be
non-negative, unlike :func:`scipy.optimize.linprog`). Infeasible and
unbounded problems raise :class:`ValueError`.

Floating-point input of :func:`exact_lp_minimize` is converted to the
rational number it represents exactly (a binary fraction); the conversion
never rounds to a "nice" nearby rational.

EXAMPLES::

    sage: from sage_tropnet.lp import exact_lp_minimize, float_lp_minimize
    sage: c = [-1, -1]
    sage: A_ub = [[1, 2], [3, 1]]
    sage: b_ub = [4, 6]
    sage: exact_lp_minimize(c, A_ub, b_ub, lower_bounds=0)
    (-14/5, (8/5, 6/5))
    sage: value, point = float_lp_minimize(c, A_ub, b_ub, lower_bounds=0)
    sage: value  # abs tol 1e-9
    -2.8

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

from math import lcm

from sage.rings.integer import Integer
from sage.rings.rational_field import QQ

from sage_tropnet.misc.inputs import as_list
from sage_tropnet.rational import to_rational

# After this many consecutive degenerate pivots the exact simplex switches
# from Dantzig's rule to Bland's rule (which cannot cycle) until the next
# non-degenerate pivot.
_BLAND_AFTER = 8


# ---------------------------------------------------------------------------
# Input conversion
# ---------------------------------------------------------------------------

def _vector(v, name, length, conv):
    r"""
    Convert ``v`` to a list of ``length`` numbers with ``conv``.
    """
    if v is None:
        v = []
    v = as_list(v)
    if len(v) != length:
        raise ValueError("%s has length %s, expected %s" % (name, len(v), length))
    return [conv(a) for a in v]


def _matrix(A, name, ncols, conv):
    r"""
    Convert ``A`` to a list of rows of length ``ncols`` with ``conv``.
    """
    if A is None:
        return []
    rows = as_list(A)
    out = []
    for i, row in enumerate(rows):
        row = as_list(row)
        if len(row) != ncols:
            raise ValueError("row %s of %s has length %s, expected %s"
                             % (i, name, len(row), ncols))
        out.append([conv(a) for a in row])
    return out


def _parse(c, A_ub, b_ub, A_eq, b_eq, lower_bounds, conv):
    r"""
    Check and convert the data of a linear program.

    Return ``(c, A_ub, b_ub, A_eq, b_eq, lower)`` where ``lower`` is a list
    whose entries are numbers or ``None`` (free variable).
    """
    c = _vector(c, "c", len(as_list(c)), conv)
    n = len(c)
    A_ub = _matrix(A_ub, "A_ub", n, conv)
    b_ub = _vector(b_ub, "b_ub", len(A_ub), conv)
    A_eq = _matrix(A_eq, "A_eq", n, conv)
    b_eq = _vector(b_eq, "b_eq", len(A_eq), conv)
    if lower_bounds is None:
        lower = [None] * n
    elif not hasattr(lower_bounds, "__iter__") or isinstance(lower_bounds, str):
        lower = [conv(lower_bounds)] * n
    else:
        lower = as_list(lower_bounds)
        if len(lower) != n:
            raise ValueError("lower_bounds has length %s, expected %s" % (len(lower), n))
        lower = [None if a is None else conv(a) for a in lower]
    return c, A_ub, b_ub, A_eq, b_eq, lower


# ---------------------------------------------------------------------------
# Exact simplex method in integer (fraction-free) arithmetic
# ---------------------------------------------------------------------------

def _integer_row(coeffs, rhs):
    r"""
    Scale a rational row ``coeffs . y (<=, =) rhs`` to integers.

    Return ``(list of int, int)``.
    """
    den = 1
    for a in coeffs:
        if a:
            den = lcm(den, int(a.denominator()))
    den = lcm(den, int(rhs.denominator()))
    return [int(a * den) for a in coeffs], int(rhs * den)


def _pivot(T, obj, basis, r, col, d):
    r"""
    Pivot the integer tableau ``T`` (and objective row ``obj``) on ``(r, col)``.

    The tableau is stored fraction-free: every entry equals ``d`` times the
    entry of the usual rational tableau, where ``d`` is the absolute value of
    the determinant of the current basis. The divisions below are exact
    (Edmonds' integer pivoting). Return the new ``d``.
    """
    Tr = T[r]
    p = Tr[col]
    for i, Ti in enumerate(T):
        if i == r:
            continue
        f = Ti[col]
        if f:
            T[i] = [(x * p - f * y) // d for x, y in zip(Ti, Tr)]
        elif p != d:
            T[i] = [(x * p) // d for x in Ti]
    f = obj[col]
    if f:
        obj[:] = [(x * p - f * y) // d for x, y in zip(obj, Tr)]
    elif p != d:
        obj[:] = [(x * p) // d for x in obj]
    basis[r] = col
    if p < 0:
        # keep d > 0 so that signs of entries are the true signs
        for i, Ti in enumerate(T):
            T[i] = [-x for x in Ti]
        obj[:] = [-x for x in obj]
        p = -p
    return p


def _run_simplex(T, obj, basis, d, ncols):
    r"""
    Run primal simplex iterations on columns ``0 .. ncols-1``.

    Return ``(status, d)`` where ``status`` is ``"optimal"`` or
    ``"unbounded"``. The tableau is modified in place.
    """
    streak = 0
    while True:
        col = -1
        if streak < _BLAND_AFTER:
            best = 0
            for j in range(ncols):
                if obj[j] < best:
                    best = obj[j]
                    col = j
        else:
            for j in range(ncols):
                if obj[j] < 0:
                    col = j
                    break
        if col < 0:
            return "optimal", d
        r = -1
        for i, Ti in enumerate(T):
            a = Ti[col]
            if a > 0:
                if r < 0:
                    r, num, den = i, Ti[-1], a
                else:
                    lhs = Ti[-1] * den
                    rhs = num * a
                    if lhs < rhs or (lhs == rhs and basis[i] < basis[r]):
                        r, num, den = i, Ti[-1], a
        if r < 0:
            return "unbounded", d
        streak = streak + 1 if num == 0 else 0
        d = _pivot(T, obj, basis, r, col, d)


def _exact_simplex(cost, ub_rows, eq_rows):
    r"""
    Solve ``min cost . y`` s.t. ``ub_rows``, ``eq_rows`` and ``y >= 0``.

    INPUT:

    - ``cost`` -- list of rationals of length `N`
    - ``ub_rows`` -- list of pairs ``(coefficients, rhs)`` meaning
      ``coefficients . y <= rhs``
    - ``eq_rows`` -- list of pairs meaning ``coefficients . y == rhs``

    OUTPUT: a pair ``(status, y)`` with ``status`` one of ``"optimal"``,
    ``"infeasible"``, ``"unbounded"`` and ``y`` a list of rationals (or
    ``None``).

    EXAMPLES::

        sage: from sage_tropnet.lp import _exact_simplex
        sage: _exact_simplex([QQ(-1)], [([QQ(2)], QQ(3))], [])
        ('optimal', [3/2])
        sage: _exact_simplex([QQ(-1)], [], [])
        ('unbounded', None)
        sage: _exact_simplex([QQ(1)], [([QQ(1)], QQ(-1))], [])
        ('infeasible', None)
    """
    N = len(cost)
    mu = len(ub_rows)
    rows = []
    needs_art = []
    for k, (a, b) in enumerate(ub_rows):
        a, b = _integer_row(a, b)
        slack = [0] * mu
        if b >= 0:
            slack[k] = 1
            rows.append((a + slack, b))
            needs_art.append(False)
        else:
            slack[k] = -1
            rows.append(([-x for x in a] + slack, -b))
            needs_art.append(True)
    for a, b in eq_rows:
        a, b = _integer_row(a, b)
        if b < 0:
            a, b = [-x for x in a], -b
        rows.append((a + [0] * mu, b))
        needs_art.append(True)
    nart = sum(needs_art)
    W = N + mu
    T = []
    basis = []
    k = 0
    for i, (a, b) in enumerate(rows):
        art = [0] * nart
        if needs_art[i]:
            art[k] = 1
            basis.append(W + k)
            k += 1
        else:
            basis.append(N + i)
        T.append(a + art + [b])
    d = 1

    # Phase 1: minimise the sum of the artificial variables.
    if nart:
        obj = [0] * (W + nart + 1)
        for i, Ti in enumerate(T):
            if needs_art[i]:
                for j in range(W):
                    obj[j] -= Ti[j]
                obj[-1] -= Ti[-1]
        _, d = _run_simplex(T, obj, basis, d, W)
        if obj[-1] != 0:
            return "infeasible", None
        # drive the artificial variables (all at level 0) out of the basis
        i = 0
        while i < len(T):
            if basis[i] >= W:
                Ti = T[i]
                col = next((j for j in range(W) if Ti[j]), -1)
                if col < 0:
                    # redundant equation
                    del T[i]
                    del basis[i]
                    continue
                d = _pivot(T, obj, basis, i, col, d)
            i += 1
        T = [Ti[:W] + [Ti[-1]] for Ti in T]

    # Phase 2: the real objective.
    cden = 1
    for a in cost:
        if a:
            cden = lcm(cden, int(a.denominator()))
    c = [int(a * cden) for a in cost] + [0] * mu + [0]
    obj = [d * cj for cj in c]
    for i, Ti in enumerate(T):
        cb = c[basis[i]]
        if cb:
            obj = [x - cb * y for x, y in zip(obj, Ti)]
    status, d = _run_simplex(T, obj, basis, d, W)
    if status == "unbounded":
        return status, None
    y = [QQ(0)] * N
    D = Integer(d)
    for i, Ti in enumerate(T):
        if basis[i] < N:
            y[basis[i]] = Integer(Ti[-1]) / D
    return "optimal", y


def _ppl_minimize(c, A_ub, b_ub, A_eq, b_eq, lower):
    r"""
    Solve the linear program with Sage's ``MixedIntegerLinearProgram`` and
    the exact ``PPL`` backend.
    """
    from sage.numerical.mip import MixedIntegerLinearProgram, MIPSolverException
    n = len(c)
    p = MixedIntegerLinearProgram(solver="PPL", maximization=False)
    x = p.new_variable(real=True, nonnegative=False)
    xs = [x[j] for j in range(n)]
    for j in range(n):
        p.set_min(xs[j], lower[j])
    for a, b in zip(A_ub, b_ub):
        p.add_constraint(p.sum(a[j] * xs[j] for j in range(n) if a[j]) <= b)
    for a, b in zip(A_eq, b_eq):
        p.add_constraint(p.sum(a[j] * xs[j] for j in range(n) if a[j]) == b)
    p.set_objective(p.sum(c[j] * xs[j] for j in range(n) if c[j]))
    try:
        p.solve()
    except MIPSolverException as e:
        msg = str(e).lower()
        if "unbounded" in msg:
            raise ValueError("the linear program is unbounded")
        if "no feasible" in msg or "infeasible" in msg:
            raise ValueError("the linear program is infeasible")
        raise
    point = tuple(QQ(a) for a in p.get_values(xs))
    return sum((c[j] * point[j] for j in range(n)), QQ(0)), point


def exact_lp_minimize(c, A_ub, b_ub, A_eq=None, b_eq=None, lower_bounds=None,
                      *, solver="simplex"):
    r"""
    Return the exact optimal value and an optimal point of a linear program.

    The problem is `\min c^T x` subject to `A_{ub} x \le b_{ub}`,
    `A_{eq} x = b_{eq}` and `x \ge \ell`, over `\QQ`.

    INPUT:

    - ``c`` -- list of numbers of length `n`; the objective
    - ``A_ub`` -- list of rows (or matrix, or numpy array) with `n` columns,
      or ``None``; the inequality constraints
    - ``b_ub`` -- list of numbers, or ``None``; the right-hand sides of the
      inequalities
    - ``A_eq`` -- (default: ``None``) rows of the equality constraints
    - ``b_eq`` -- (default: ``None``) right-hand sides of the equalities
    - ``lower_bounds`` -- (default: ``None``) ``None`` (all variables free),
      a number (the same lower bound for all variables) or a list of numbers
      and ``None`` (free variable)
    - ``solver`` -- keyword only (default: ``"simplex"``); ``"simplex"``
      (the exact simplex method of this module) or ``"PPL"`` (Sage's
      ``MixedIntegerLinearProgram(solver="PPL")``, exact but slower)

    Numbers may be integers, rationals, strings such as ``"1/3"`` or
    floating-point numbers; floats are read as the binary fraction they
    store exactly.

    OUTPUT:

    A pair ``(value, point)``: the optimal value in ``QQ`` and an optimal
    point as a tuple of elements of ``QQ``. A :class:`ValueError` is raised if
    the problem is infeasible or unbounded.

    EXAMPLES:

    A small problem in the non-negative orthant::

        sage: from sage_tropnet.lp import exact_lp_minimize
        sage: exact_lp_minimize([-1, -1], [[1, 2], [3, 1]], [4, 6], lower_bounds=0)
        (-14/5, (8/5, 6/5))

    Without ``lower_bounds`` the variables are free; here the minimum of
    `|x - 1/3|` is computed with an auxiliary variable `s \ge |x - 1/3|`::

        sage: exact_lp_minimize([0, 1], [[1, -1], [-1, -1]], ["1/3", "-1/3"])
        (0, (1/3, 0))

    Equality constraints and floating-point data (read exactly)::

        sage: exact_lp_minimize([1, 2, 3], None, None, A_eq=[[1, 1, 1]], b_eq=[0.5],
        ....:                   lower_bounds=[0, 0, 0])
        (1/2, (1/2, 0, 0))

    The PPL backend gives the same value::

        sage: exact_lp_minimize([-1, -1], [[1, 2], [3, 1]], [4, 6], lower_bounds=0,
        ....:                   solver="PPL")
        (-14/5, (8/5, 6/5))

    Infeasible and unbounded problems::

        sage: exact_lp_minimize([1], [[1]], [-1], lower_bounds=0)
        Traceback (most recent call last):
        ...
        ValueError: the linear program is infeasible
        sage: exact_lp_minimize([-1, 0], [[1, -1]], [0], lower_bounds=0)
        Traceback (most recent call last):
        ...
        ValueError: the linear program is unbounded

    .. SEEALSO::

        :func:`float_lp_minimize`

    ALGORITHM:

    Free variables are split as `x = x^+ - x^-` and bounded ones shifted to
    `x - \ell \ge 0`. Each constraint is scaled to integer coefficients and
    the standard form is solved by the two-phase primal simplex method in
    Edmonds' fraction-free integer pivoting: every tableau entry is an
    integer (a minor of the constraint matrix), so no gcd computations are
    needed. Dantzig's pivoting rule is used, switching to Bland's rule after
    a run of degenerate pivots, which rules out cycling. A dense problem with
    20 variables and 20 constraints takes a few milliseconds.

    TESTS::

        sage: exact_lp_minimize([1, 1], [[1, 0]], [1, 2])
        Traceback (most recent call last):
        ...
        ValueError: b_ub has length 2, expected 1
        sage: exact_lp_minimize([1], [[1, 1]], [1])
        Traceback (most recent call last):
        ...
        ValueError: row 0 of A_ub has length 2, expected 1
        sage: exact_lp_minimize([1], None, None, lower_bounds=[0], solver="GLPK")
        Traceback (most recent call last):
        ...
        ValueError: solver must be 'simplex' or 'PPL', not 'GLPK'

    Redundant equalities, a zero objective and no constraints at all::

        sage: exact_lp_minimize([1, 1], None, None, A_eq=[[1, 1], [2, 2]], b_eq=[1, 2],
        ....:                   lower_bounds=0)
        (1, (1, 0))
        sage: exact_lp_minimize([0, 0], [], [], lower_bounds=[None, 3])
        (0, (0, 3))
        sage: exact_lp_minimize([], [], [])
        (0, ())

    Random problems agree with the PPL backend::

        sage: set_random_seed(1)
        sage: for _ in range(20):
        ....:     n, m = randint(1, 5), randint(1, 6)
        ....:     A = [[randint(-3, 3) for j in range(n)] for i in range(m)]
        ....:     b = [randint(-2, 5) for i in range(m)]
        ....:     c = [randint(-3, 3) for j in range(n)]
        ....:     lb = [choice([None, 0, -1]) for j in range(n)]
        ....:     try:
        ....:         v1 = exact_lp_minimize(c, A, b, lower_bounds=lb)[0]
        ....:     except ValueError as e:
        ....:         v1 = str(e)
        ....:     try:
        ....:         v2 = exact_lp_minimize(c, A, b, lower_bounds=lb, solver="PPL")[0]
        ....:     except ValueError as e:
        ....:         v2 = str(e)
        ....:     assert v1 == v2, (A, b, c, lb, v1, v2)
    """
    if solver not in ("simplex", "PPL"):
        raise ValueError("solver must be 'simplex' or 'PPL', not %r" % (solver,))
    c, A_ub, b_ub, A_eq, b_eq, lower = _parse(c, A_ub, b_ub, A_eq, b_eq,
                                              lower_bounds, to_rational)
    if solver == "PPL":
        return _ppl_minimize(c, A_ub, b_ub, A_eq, b_eq, lower)
    n = len(c)
    # column map: x_j = shift_j + y_{pos_j} - y_{neg_j}
    pos = []
    neg = []
    N = 0
    for j in range(n):
        pos.append(N)
        N += 1
        if lower[j] is None:
            neg.append(N)
            N += 1
        else:
            neg.append(None)
    shift = [QQ(0) if l is None else l for l in lower]
    zero = QQ(0)

    def transform(a, b):
        coeffs = [zero] * N
        for j in range(n):
            aj = a[j]
            if aj:
                coeffs[pos[j]] = aj
                if neg[j] is not None:
                    coeffs[neg[j]] = -aj
                b = b - aj * shift[j]
        return coeffs, b

    cost = transform(c, zero)[0]
    ub_rows = [transform(a, b) for a, b in zip(A_ub, b_ub)]
    eq_rows = [transform(a, b) for a, b in zip(A_eq, b_eq)]
    status, y = _exact_simplex(cost, ub_rows, eq_rows)
    if status != "optimal":
        raise ValueError("the linear program is %s" % status)
    point = tuple(shift[j] + y[pos[j]] - (y[neg[j]] if neg[j] is not None else 0)
                  for j in range(n))
    value = sum((c[j] * point[j] for j in range(n)), zero)
    return value, point


def float_lp_minimize(c, A_ub, b_ub, A_eq=None, b_eq=None, lower_bounds=None):
    r"""
    Return the optimal value and an optimal point of a linear program,
    computed in floating point.

    The problem is `\min c^T x` subject to `A_{ub} x \le b_{ub}`,
    `A_{eq} x = b_{eq}` and `x \ge \ell`; it is solved with
    :func:`scipy.optimize.linprog` (``method="highs"``).

    INPUT:

    - ``c`` -- list of numbers of length `n`; the objective
    - ``A_ub`` -- list of rows (or matrix, or numpy array) with `n` columns,
      or ``None``; the inequality constraints
    - ``b_ub`` -- list of numbers, or ``None``
    - ``A_eq`` -- (default: ``None``) rows of the equality constraints
    - ``b_eq`` -- (default: ``None``) right-hand sides of the equalities
    - ``lower_bounds`` -- (default: ``None``) ``None`` (all variables free),
      a number, or a list of numbers and ``None`` (free variable). Note that
      this differs from the default of :func:`scipy.optimize.linprog`, which
      takes `x \ge 0`.

    OUTPUT:

    A pair ``(value, point)`` of a Python float and a tuple of Python floats.
    A :class:`ValueError` is raised if the problem is infeasible or
    unbounded, and a :class:`RuntimeError` if HiGHS fails for another
    reason.

    EXAMPLES::

        sage: from sage_tropnet.lp import float_lp_minimize
        sage: value, point = float_lp_minimize([-1, -1], [[1, 2], [3, 1]], [4, 6],
        ....:                                  lower_bounds=0)
        sage: value  # abs tol 1e-9
        -2.8
        sage: point  # abs tol 1e-9
        (1.6, 1.2)

    Free variables (the default)::

        sage: float_lp_minimize([0, 1], [[1, -1], [-1, -1]], [1/3, -1/3])  # abs tol 1e-9
        (0.0, (0.333333333333, 0.0))

    Infeasible and unbounded problems::

        sage: float_lp_minimize([1], [[1]], [-1], lower_bounds=0)
        Traceback (most recent call last):
        ...
        ValueError: the linear program is infeasible
        sage: float_lp_minimize([-1, 0], [[1, -1]], [0], lower_bounds=0)
        Traceback (most recent call last):
        ...
        ValueError: the linear program is unbounded

    .. SEEALSO::

        :func:`exact_lp_minimize`

    ALGORITHM:

    The HiGHS dual simplex / interior point solver through
    :func:`scipy.optimize.linprog`.

    TESTS::

        sage: float_lp_minimize([], [], [])
        (0.0, ())
        sage: float_lp_minimize([1, 1], None, None, A_eq=[[1, 1]], b_eq=[1],
        ....:                   lower_bounds=[0, 0])[0]  # abs tol 1e-9
        1.0
    """
    import numpy as np
    from scipy.optimize import linprog
    c, A_ub, b_ub, A_eq, b_eq, lower = _parse(c, A_ub, b_ub, A_eq, b_eq,
                                              lower_bounds, float)
    n = len(c)
    if n == 0:
        if any(b < 0 for b in b_ub) or any(b != 0 for b in b_eq):
            raise ValueError("the linear program is infeasible")
        return 0.0, ()
    res = linprog(np.array(c, dtype=float),
                  A_ub=np.array(A_ub, dtype=float).reshape(len(A_ub), n) if A_ub else None,
                  b_ub=np.array(b_ub, dtype=float) if A_ub else None,
                  A_eq=np.array(A_eq, dtype=float).reshape(len(A_eq), n) if A_eq else None,
                  b_eq=np.array(b_eq, dtype=float) if A_eq else None,
                  bounds=[(l, None) for l in lower], method="highs")
    if res.status == 2:
        raise ValueError("the linear program is infeasible")
    if res.status == 3:
        raise ValueError("the linear program is unbounded")
    if res.status != 0:
        raise RuntimeError("HiGHS failed to solve the linear program: %s" % res.message)
    return float(res.fun), tuple(float(a) for a in res.x)
