r"""
Hoffman constants of tropical maps and networks

For a tropical polynomial `f(x) = \max_i (a_i x + b_i)` the region of the
monomial `i` is `U_i = \{x : \tilde A_i x \le \tilde b_i\}` with
`\tilde A_i = A - \mathbf{1} a_i`, and the Hoffman constant of `f` is the
maximum of the Hoffman constants of the matrices `\tilde A_i` over the
monomials with a full-dimensional region ([LWCBM2024]_, Def. 3.1); for a
rational map `p \oslash q` the regions are the full-dimensional intersections
`U_{i_p} \cap V_{i_q}` (Def. 3.2). The constants of the matrices come from
:mod:`sage_tropnet.hoffman.matrix`; the realised pairs of a rational map from
the exact region search of :mod:`sage_tropnet.regions`.

- :func:`tropical_hoffman_constant` -- the constant (or a bound), with a
  certificate (:class:`TropicalHoffmanResult`);
- :func:`hoffman_regions` -- the regions over which the maximum is taken
  (:class:`HoffmanRegions`), used by the sampling radii of
  :mod:`sage_tropnet.hoffman.radius`;
- :func:`tropical_input` -- a network or a map as an exact tropical
  polynomial or rational map.

EXAMPLES::

    sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
    sage: from sage_tropnet.hoffman.tropical import tropical_hoffman_constant
    sage: x, y = TP.gens(2)
    sage: tropical_hoffman_constant((x**2 + y**2 + 0) / (x + y * 1)).value
    3/2
    sage: tropical_hoffman_constant(0 + x * (-1) + x**2, full_dimensional_only=False).value
    1

AUTHORS:

- sage_tropnet developers (2026-11): initial version

REFERENCES:

- [LWCBM2024]_
- [PVZ2021]_
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

from sage.rings.rational_field import QQ
from sage.rings.real_double import RDF

from sage_tropnet.hoffman.matrix import (ALGORITHMS, NORMS, hoffman_constant,
                                         hoffman_lower_bound, hoffman_upper_bound,
                                         TimeBudgetExceeded)
from sage_tropnet.misc.formatting import json_number
from sage_tropnet.misc.inputs import is_exact_mode

_BOUNDS = (None, "lower", "upper")


class TropicalHoffmanResult(namedtuple("TropicalHoffmanResult",
                                       ["value", "indices", "monomials", "matrix",
                                        "J", "v", "kind", "regions"])):
    r"""
    The result of :func:`tropical_hoffman_constant`.

    A named tuple ``(value, indices, monomials, matrix, J, v, kind, regions)``:

    - ``value`` -- the Hoffman constant (or bound) of the tropical map: an
      element of ``QQ`` (exact), or of ``RDF`` (``mode="float"`` or
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
    - ``J``, ``v`` -- the certificate of :class:`~sage_tropnet.hoffman.matrix.HoffmanResult` for
      ``matrix``: row indices of ``matrix`` and LP weights with
      ``value`` `= 1/\|\tilde A_J^T v\|_*`; ``()`` when ``value`` is zero,
      ``None`` for ``bound="upper"`` (no certificate)
    - ``kind`` -- ``"exact"``, ``"float"`` (``mode="float"``: floating-point
      LPs, not certified), ``"lower"`` or ``"upper"``
    - ``regions`` -- the number of regions (monomials, or pairs of
      monomials) over which the maximum was taken

    EXAMPLES::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.hoffman.tropical import tropical_hoffman_constant
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
            sage: from sage_tropnet.hoffman.tropical import tropical_hoffman_constant
            sage: x, y = TP.gens(2)
            sage: import json
            sage: d = tropical_hoffman_constant((x + y + 0) / (x + 0)).as_dict()
            sage: json.loads(json.dumps(d))["value"]
            '2'
        """
        return {
            "value": json_number(self.value),
            "kind": self.kind,
            "indices": [int(i) for i in self.indices],
            "monomials": [{"exponent": [str(QQ(a)) for a in e],
                           "coefficient": str(QQ(c))} for e, c in self.monomials],
            "matrix": [[str(a) for a in row] for row in self.matrix.rows()],
            "J": None if self.J is None else [int(j) for j in self.J],
            "v": None if self.v is None else [json_number(a) for a in self.v],
            "regions": int(self.regions),
        }


class HoffmanRegions(namedtuple("HoffmanRegions", ["sides", "candidates", "nvariables"])):
    r"""
    The regions of a tropical map over which its Hoffman constant is
    maximised (see :func:`hoffman_regions`).

    A named tuple ``(sides, candidates, nvariables)``:

    - ``sides`` -- one pair ``(P, rows)`` for a polynomial, two (numerator,
      denominator) for a rational map: the polynomial and the indices (into
      ``P.exponents()``) of the monomials that are the rows of the Hoffman
      matrices
    - ``candidates`` -- the regions: tuples of positions in the ``rows`` (one
      per side), ``(i,)`` for the monomial region `U_i`, ``(i_p, i_q)`` for
      `U_{i_p} \cap V_{i_q}`
    - ``nvariables`` -- the number of variables

    EXAMPLES::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.hoffman.tropical import hoffman_regions
        sage: x, = TP.gens(1)
        sage: R = hoffman_regions(0 + x * (-1) + x**2); R.candidates
        [(0,), (1,)]
        sage: R.hoffman_constant().value, R.spread([3])
        (1/2, 6)
    """
    __slots__ = ()

    def hoffman_constant(self, algorithm="auto", norm="inf", mode="exact", bound=None,
                         samples=100, seed=None, progress=False, max_seconds=None):
        r"""
        Return the maximum of the Hoffman constants (or bounds) of the regions.

        INPUT: as for :func:`tropical_hoffman_constant` (not checked here)

        OUTPUT: a :class:`TropicalHoffmanResult`

        Each region's matrix only has to be compared with the best value so
        far (``above=`` of
        :func:`~sage_tropnet.hoffman.matrix.hoffman_constant`), which the
        independent-set algorithm decides much faster than computing it.
        With ``max_seconds``, :class:`~sage_tropnet.hoffman.matrix.TimeBudgetExceeded`
        carries in ``lower`` the best :class:`TropicalHoffmanResult` so far
        (``kind="lower"``: a certified lower bound) and in ``done``/``total``
        the regions done.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.hoffman.tropical import hoffman_regions
            sage: x, y = TP.gens(2)
            sage: R = hoffman_regions((x**2 + y**2 + 0) / (x + y * 1))
            sage: R.hoffman_constant().value, R.hoffman_constant(mode="float").value
            (3/2, 1.5)
            sage: R.hoffman_constant(algorithm="pvz").value
            3/2
        """
        import time
        from sage.matrix.constructor import matrix
        from tqdm.auto import tqdm
        from sage_tropnet.misc.formatting import PROGRESS_DELAY
        kind = bound if bound is not None else ("exact" if mode == "exact" else "float")
        deadline = None if max_seconds is None else time.monotonic() + float(max_seconds)
        data = []
        for P, rows in self.sides:
            exps, coeffs = P.exponents(), P.coefficients()
            data.append(([tuple(QQ(a) for a in exps[k]) for k in rows],
                         [QQ(coeffs[k]) for k in rows], rows))
        zero = RDF(0) if (bound == "upper" or mode == "float") else QQ(0)
        if not self.candidates:
            M = matrix(QQ, 0, self.nvariables)
            M.set_immutable()
            return TropicalHoffmanResult(zero, (), (), M, None if bound == "upper" else (),
                                         None if bound == "upper" else (), kind, 0)
        best = None
        done = {}

        def result(best, kind):
            value, cand, rows, J, v = best
            if value == 0 and J is not None:
                J, v = (), ()
            M = matrix(QQ, len(rows), self.nvariables, rows)
            M.set_immutable()
            indices = tuple(data[s][2][a] for s, a in enumerate(cand))
            monomials = tuple((data[s][0][a], data[s][1][a]) for s, a in enumerate(cand))
            return TropicalHoffmanResult(value, indices, monomials, M, J, v, kind, len(done))

        bar = tqdm(delay=PROGRESS_DELAY, total=len(self.candidates), desc="Hoffman constant", unit=" regions",
                   leave=False, disable=(not progress) if progress is not None else None,
                   mininterval=0.5)
        try:
            for k, cand in enumerate(self.candidates):
                bar.update(1)
                rows = []
                for (E, _, _), a in zip(data, cand):
                    ea = E[a]
                    rows.extend(tuple(x - y for x, y in zip(e, ea)) for e in E)
                key = tuple(data[s][0][a] for s, a in enumerate(cand))
                if key in done:
                    continue
                distinct, index = _reduced(rows)
                remaining = None
                if deadline is not None:
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        raise TimeBudgetExceeded(
                            "time budget exhausted after %s of %s regions"
                            % (k, len(self.candidates)),
                            result(best, "lower") if best is not None and bound is None and
                            mode == "exact" else None, k, len(self.candidates))
                if bound == "upper":
                    value, J, v = (RDF(hoffman_upper_bound(distinct)) if distinct else zero,
                                   None, None)
                else:
                    if bound == "lower":
                        res = hoffman_lower_bound(distinct, samples=samples,
                                                  seed=None if seed is None else int(seed) + k,
                                                  norm=norm, mode=mode)
                    else:
                        A = matrix(QQ, len(distinct), self.nvariables, distinct)
                        try:
                            res = hoffman_constant(
                                A, algorithm=algorithm, norm=norm, mode=mode, progress=False,
                                max_seconds=remaining,
                                above=best[0] if best is not None else None)
                        except TimeBudgetExceeded as err:
                            lower = best
                            if err.lower is not None and (best is None or
                                                          err.lower.value > best[0]):
                                lower = (err.lower.value, cand, rows,
                                         tuple(index[j] for j in err.lower.J), err.lower.v)
                            raise TimeBudgetExceeded(
                                "time budget exhausted in region %s of %s"
                                % (k + 1, len(self.candidates)),
                                result(lower, "lower") if lower is not None and
                                mode == "exact" else None, k, len(self.candidates))
                        if res is None:  # not above the best so far
                            done[key] = None
                            continue
                    value = res.value
                    J = tuple(index[j] for j in res.J)
                    v = res.v
                done[key] = value
                if best is None or value > best[0]:
                    best = (value, cand, rows, J, v)
                    bar.set_postfix_str("H >= %.6g" % float(value), refresh=False)
        finally:
            bar.close()
        return result(best, kind)

    def spread(self, center):
        r"""
        Return the spread of the rows at ``center``: the largest difference
        between the values of two monomials of one side.

        For a polynomial `f` this is `f(x_0) - \check f(x_0)`, for a rational
        map `p \oslash q` it is
        `\max\{p(x_0) - \check p(x_0),\ q(x_0) - \check q(x_0)\}`, the
        maximum and minimum running over the monomials of the rows; ``0`` if
        there is no region.

        INPUT:

        - ``center`` -- the point `x_0`, a sequence of ``nvariables`` rationals

        OUTPUT: an element of ``QQ``

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: from sage_tropnet.hoffman.tropical import hoffman_regions
            sage: x, y = TP.gens(2)
            sage: hoffman_regions((x**2 + y**2 + 0) / (x + y * 1)).spread([1, -1])
            4
        """
        spread = QQ(0)
        if self.candidates:
            for P, rows in self.sides:
                exps, coeffs = P.exponents(), P.coefficients()
                vals = [QQ(coeffs[k]) + sum(QQ(a) * b for a, b in zip(exps[k], center))
                        for k in rows]
                spread = max(spread, max(vals) - min(vals))
        return spread


def tropical_input(f, output=0):
    r"""
    Return the tropical polynomial or rational map of ``f``, over `\QQ`.

    Networks are tropicalised (pruned, Zhang's convention) and the output
    ``output`` is taken; so is the entry ``output`` of a vector of maps.

    INPUT:

    - ``f`` -- a network, a tropical Puiseux polynomial, a tropical rational
      map or a vector of maps
    - ``output`` -- integer (default: 0); the output of a network or a vector

    OUTPUT: a pair ``(kind, g)``: ``("polynomial", P)`` or
    ``("rational", F)``, with exact data over `\QQ`

    EXAMPLES::

        sage: from sage_tropnet.hoffman.tropical import tropical_input
        sage: from sage_tropnet.network import ReLUNetwork
        sage: net = ReLUNetwork([([[1], [-1]], [0, 0]), ([[1, 1]], [0])])
        sage: tropical_input(net)
        ('rational', max(0, 2*x) - max(x))
        sage: tropical_input(net.tropicalize()[0].numerator())
        ('polynomial', max(0, 2*x))
        sage: tropical_input(net, output=1)
        Traceback (most recent call last):
        ...
        ValueError: output 1 out of range: the network has 1 outputs
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


def hoffman_regions(f, full_dimensional_only=True, realised_only=True, output=0, cells=None):
    r"""
    Return the regions of ``f`` over which its Hoffman constant is maximised.

    INPUT:

    - ``f`` -- a network, a tropical polynomial, a tropical rational map or a
      vector of maps (see :func:`tropical_input`)
    - ``full_dimensional_only``, ``realised_only``, ``output`` -- as in
      :func:`tropical_hoffman_constant`
    - ``cells`` -- (default: ``None``) the
      :class:`~sage_tropnet.regions.cells.CellComplex` of ``f`` by the
      tropical route over all of `\RR^n` (``regions(f, method="tropical")``),
      to reuse instead of a new region search

    OUTPUT: a :class:`HoffmanRegions` ``(sides, candidates, nvariables)``

    EXAMPLES::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.hoffman.tropical import hoffman_regions
        sage: x, y = TP.gens(2)
        sage: R = hoffman_regions((x**2 + y**2 + 0) / (x + y * 1))
        sage: [rows for _, rows in R.sides], R.candidates, R.nvariables
        ([[0, 1, 2], [0, 1]], [(0, 0), (0, 1), (1, 0), (2, 0), (2, 1)], 2)
        sage: len(hoffman_regions((x**2 + y**2 + 0) / (x + y * 1), realised_only=False).candidates)
        6
    """
    kind, g = tropical_input(f, output)
    polys = [g] if kind == "polynomial" else [g.numerator(), g.denominator()]
    n = g.nvariables()
    sides = []
    fulls = []
    for P in polys:
        rows, full = _row_set(P, full_dimensional_only)
        sides.append((P, rows))
        fulls.append(full)
    if any(not rows for _, rows in sides):
        return HoffmanRegions(sides, [], n)  # the tropical zero
    if kind == "polynomial":
        cands = fulls[0] if realised_only else sides[0][1]
        pos = {k: a for a, k in enumerate(sides[0][1])}
        return HoffmanRegions(sides, [(pos[k],) for k in cands], n)
    (p, rows_p), (q, rows_q) = sides
    pos_p = {k: a for a, k in enumerate(rows_p)}
    pos_q = {k: a for a, k in enumerate(rows_q)}
    if not realised_only:
        return HoffmanRegions(sides, [(a, b) for a in range(len(rows_p))
                                      for b in range(len(rows_q))], n)
    if len(fulls[0]) == 1 and len(fulls[1]) == 1:
        return HoffmanRegions(sides, [(pos_p[fulls[0][0]], pos_q[fulls[1][0]])], n)
    # the full-dimensional cells U_i \cap V_j, read off the exact region search
    from sage_tropnet.puiseux import TropicalRationalMap
    from sage_tropnet.regions import TropicalOracle, explore
    if cells is not None and getattr(cells, "route", None) == "tropical" and \
            cells.box is None:
        oracle = cells.oracle
        cells = cells.keys()
    else:
        oracle = TropicalOracle(TropicalRationalMap(p, q))
        cells = explore(oracle, seed=0, progress=False).keys()
    exps_p, exps_q = p.exponents(), q.exponents()
    by_exp_p = {exps_p[k]: pos_p[k] for k in fulls[0]}
    by_exp_q = {exps_q[k]: pos_q[k] for k in fulls[1]}
    (Ep, _, _), (Eq, _, _) = oracle.polys
    cands = sorted((by_exp_p[tuple(Ep[i])], by_exp_q[tuple(Eq[j])]) for i, j in cells)
    return HoffmanRegions(sides, cands, n)


def tropical_hoffman_constant(f, algorithm="auto", norm="inf", mode="exact", realised_only=True,
                              bound=None, full_dimensional_only=True, samples=100, seed=None,
                              output=0, exact=None, progress=None, max_seconds=None):
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
    - ``algorithm`` -- (default: ``"auto"``) ``"auto"``, ``"pvz"``,
      ``"brute_force"`` or ``"independent"``, as in
      :func:`~sage_tropnet.hoffman.matrix.hoffman_constant`; ``"auto"`` takes
      the independent-set algorithm when it applies (exact mode,
      ``norm="inf"``, few variables), and every region's matrix is only
      compared with the best value so far
    - ``norm`` -- (default: ``"inf"``) ``"inf"`` or ``"l1"``, the norm on
      `x`, as in :func:`~sage_tropnet.hoffman.matrix.hoffman_constant`
    - ``mode`` -- (default: ``"exact"``) ``"exact"``: exact LPs over `\QQ`;
      ``"float"``: floating-point ones
    - ``realised_only`` -- boolean (default: ``True``); take the maximum only
      over the regions that are full-dimensional: for a rational map the
      pairs `(i_p, i_q)` with `U_{i_p} \cap V_{i_q}` full-dimensional (read
      off the exact region search of :mod:`sage_tropnet.regions`), for a
      polynomial the monomials with a full-dimensional region. With
      ``False``, all pairs of monomials of the row sets (the paper's code)
    - ``bound`` -- (default: ``None``) ``None`` for the Hoffman constant,
      ``"lower"`` for the maximum of
      :func:`~sage_tropnet.hoffman.matrix.hoffman_lower_bound` over the
      regions (certified), ``"upper"`` for the maximum of
      :func:`~sage_tropnet.hoffman.matrix.hoffman_upper_bound`
      (``norm="inf"`` only; a floating-point value whose singular values are
      not rounded upwards, so it may fall below `H` by a few ulps when the
      bound is attained)
    - ``full_dimensional_only`` -- boolean (default: ``True``); the rows of
      the matrices are the monomials with a full-dimensional region, one
      per exponent (the upper-hull vertices). With ``False`` every monomial
      of the expression is a row, as in TropicalNN when an unpruned
      polynomial is passed; this can only increase `H`
    - ``samples``, ``seed`` -- passed to
      :func:`~sage_tropnet.hoffman.matrix.hoffman_lower_bound` (the region
      number `k` uses the seed ``seed + k``)
    - ``output`` -- integer (default: 0); the output of a network or a vector
    - ``exact`` -- deprecated; ``exact=False`` means ``mode="float"``
    - ``progress`` -- (default: ``None``: on a terminal only) a progress bar
      over the regions, with the best value so far
    - ``max_seconds`` -- (default: ``None``) a time budget: when it runs out,
      :class:`~sage_tropnet.hoffman.matrix.TimeBudgetExceeded` is raised; its
      ``lower`` is the best result so far (``kind="lower"``, a certified
      lower bound) or ``None``

    OUTPUT:

    A :class:`TropicalHoffmanResult` ``(value, indices, monomials, matrix,
    J, v, kind, regions)``: the value, the maximising region and its matrix
    `\tilde A` with the certificate ``(J, v)`` of
    :func:`~sage_tropnet.hoffman.matrix.hoffman_constant` (so ``value``
    `= 1/\|\tilde A_J^T v\|_*`). A single monomial (or a
    single pair) and the tropical zero give the value `0`.

    EXAMPLES:

    The published values of TropicalNN: `\max(0, x - 1, 2x)`, where the
    monomial `x - 1` never attains the maximum on an open set. Over all
    monomials (as TropicalNN computes on the unpruned polynomial) `H = 1`;
    over the monomials with a full-dimensional region `H = 1/2`::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.hoffman.tropical import tropical_hoffman_constant
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
        ((((0,), 0),), [(0), (1), (2)], (1,), (1,))

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
        ((1, 4), (1/3, 2/3))
        sage: r = tropical_hoffman_constant(g, algorithm="pvz"); r.value, r.J, r.v
        (3/2, (1, 2, 4), (1/3, 0, 2/3))
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
    formed and :func:`~sage_tropnet.hoffman.matrix.hoffman_constant` is
    called on its distinct nonzero rows (zero and repeated rows do not change
    a Hoffman constant), and the certificate is mapped back to the rows of `\tilde A`. The realised pairs
    of a rational map are the keys of the cells found by the
    output-sensitive search of :mod:`sage_tropnet.regions` (the tropical
    route), so no pair is tested separately; see :func:`hoffman_regions`.

    Lower bounds: for a rational map the maximum over the pairs of the
    per-pair lower bounds is a valid lower bound of the maximum (4).
    The 2024 code of [LWCBM2024]_ reported the *minimum* over the pairs,
    which is smaller still (see :ref:`reproducing-hoffman`).

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
        sage: from sage_tropnet.hoffman.matrix import surjectivity_lp
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
    mode = "exact" if is_exact_mode(mode, exact) else "float"
    if algorithm not in ALGORITHMS:
        raise ValueError("algorithm must be one of %s, not %r"
                         % (", ".join(repr(a) for a in ALGORITHMS), algorithm))
    if norm not in NORMS:
        raise ValueError("norm must be 'inf' or 'l1', not %r" % (norm,))
    if bound not in _BOUNDS:
        raise ValueError("bound must be None, 'lower' or 'upper', not %r" % (bound,))
    if bound == "upper" and norm != "inf":
        raise ValueError("the upper bound is only available for norm='inf'")
    regions = hoffman_regions(f, full_dimensional_only, realised_only, output)
    return regions.hoffman_constant(algorithm, norm, mode, bound, samples, seed, progress,
                                    max_seconds)
