r"""
Sampling radii: a ball that meets every linear region

For a tropical polynomial `f`, Lemma 3.3 of [LWCBM2024]_ gives a radius
`R = H(f) \cdot (f(x_0) - \check f(x_0))` such that the `\ell_\infty` ball of
radius `R` around `x_0` meets every linear region of `f`; for a rational map
`p \oslash q`, Proposition 3.4 gives
`R = H(p \oslash q) \cdot \max\{p(x_0) - \check p(x_0),\ q(x_0) - \check q(x_0)\}`.
The Hoffman constants `H` come from :mod:`sage_tropnet.hoffman.tropical`.
This module computes that radius (:func:`sampling_radius`), the exact
smallest such radius (:func:`minimal_radius`, one LP per cell of the exact
regions of :mod:`sage_tropnet.regions`) and checks a given radius
(:func:`verify_radius`).

EXAMPLES::

    sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
    sage: from sage_tropnet.hoffman.radius import sampling_radius, minimal_radius, verify_radius
    sage: x, y = TP.gens(2)
    sage: g = (x**2 + y**2 + 0) / (x + y * 1)
    sage: sampling_radius(g, center=[1, -1]), minimal_radius(g, center=[1, -1])
    (6, 1)
    sage: verify_radius(g, 1, center=[1, -1]), verify_radius(g, 1/2, center=[1, -1])
    (True, False)

AUTHORS:

- sage_tropnet developers (2026-11): initial version

REFERENCES:

- [LWCBM2024]_
- [Hof1952]_
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

from sage.modules.free_module_element import vector
from sage.rings.rational_field import QQ

from sage_tropnet.hoffman.matrix import ALGORITHMS, TimeBudgetExceeded
from sage_tropnet.hoffman.tropical import hoffman_regions, tropical_input
from sage_tropnet.lp import exact_lp_minimize
from sage_tropnet.misc.formatting import json_number
from sage_tropnet.misc.inputs import as_list, is_exact_mode
from sage_tropnet.misc.union_find import UnionFind
from sage_tropnet.rational import to_rational

#: Relative margin by which :func:`sampling_radius` inflates a radius computed
#: from the floating-point upper bound of the Hoffman constant, to absorb the
#: rounding of the singular values (without it, 1-D examples where the bound
#: is attained give a radius one ulp too small).
UPPER_BOUND_MARGIN = 1e-9


class SamplingRadius(namedtuple("SamplingRadius", ["value", "hoffman", "spread", "center"])):
    r"""
    The certificate of :func:`sampling_radius`: ``value = hoffman.value * spread``.

    - ``value`` -- the radius `R`
    - ``hoffman`` -- the :class:`~sage_tropnet.hoffman.tropical.TropicalHoffmanResult` used
    - ``spread`` -- `\max\{p(x_0) - \check p(x_0),\ q(x_0) - \check q(x_0)\}`
      (for a polynomial `f`: `f(x_0) - \check f(x_0)`), exact
    - ``center`` -- the centre `x_0`, a tuple of rationals

    EXAMPLES::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.hoffman.radius import sampling_radius
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
            sage: from sage_tropnet.hoffman.radius import sampling_radius
            sage: x, = TP.gens(1)
            sage: d = sampling_radius(0 + x * (-1) + x**2, certificate=True,
            ....:                     full_dimensional_only=False).as_dict()
            sage: d["value"], d["spread"], d["center"], d["hoffman"]["value"]
            ('1', '1', ['0'], '1')
        """
        return {"value": json_number(self.value),
                "hoffman": self.hoffman.as_dict(),
                "spread": json_number(self.spread),
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
        sage: from sage_tropnet.hoffman.radius import minimal_radius
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
            sage: from sage_tropnet.hoffman.radius import minimal_radius
            sage: x, = TP.gens(1)
            sage: minimal_radius(x + 1, certificate=True).as_dict()
            {'center': ['0'],
             'distances': ['0', '1'],
             'points': [['0'], ['1']],
             'value': '1'}
        """
        return {"value": json_number(self.value),
                "distances": [json_number(d) for d in self.distances],
                "points": [[str(a) for a in p] for p in self.points],
                "center": [str(a) for a in self.center]}


def _center(center, n):
    r"""
    Return the centre as a tuple of ``n`` exact rationals (default: the origin).
    """
    if center is None:
        return (QQ(0),) * n
    if isinstance(center, (str, bytes)):
        raise TypeError("center must be a sequence of %s numbers, got %r" % (n, center))
    try:
        c = tuple(to_rational(a) for a in as_list(center))
    except (TypeError, ValueError) as err:
        raise ValueError("center: %s" % err)
    if len(c) != n:
        raise ValueError("the center has %s coordinates, the map has %s variables"
                         % (len(c), n))
    return c


def sampling_radius(f, center=None, mode="exact", full_dimensional_only=True, realised_only=True,
                    algorithm="auto", bound=None, output=0, certificate=False, exact=None,
                    cells=None, progress=None, max_seconds=None):
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
    - ``mode`` -- (default: ``"exact"``) ``"exact"``: exact LPs (the radius
      is in ``QQ``); ``"float"``: floating-point ones (``RDF``)
    - ``full_dimensional_only``, ``realised_only``, ``algorithm``,
      ``output`` -- as in :func:`~sage_tropnet.hoffman.tropical.tropical_hoffman_constant`
    - ``bound`` -- (default: ``None``) ``None`` or ``"upper"``: use the
      singular-value upper bound of the Hoffman constant (a larger radius,
      in ``RDF``, inflated by the relative margin ``UPPER_BOUND_MARGIN``
      `= 10^{-9}` against the rounding of the singular values); a lower
      bound gives no valid radius
    - ``certificate`` -- boolean (default: ``False``); return a
      :class:`SamplingRadius` instead of the number
    - ``exact`` -- deprecated; ``exact=False`` means ``mode="float"``
    - ``cells`` -- (default: ``None``) the tropical
      :class:`~sage_tropnet.regions.cells.CellComplex` of ``f`` to reuse
      (see :func:`~sage_tropnet.hoffman.tropical.hoffman_regions`)
    - ``progress`` -- (default: ``None``: on a terminal only) a progress bar
    - ``max_seconds`` -- (default: ``None``) a time budget: when it runs out,
      :class:`~sage_tropnet.hoffman.matrix.TimeBudgetExceeded` is raised with
      ``lower`` a certified lower bound of `R` (or ``None``); never a value
      labelled exact

    OUTPUT: the radius `R` (in ``QQ`` by default), or a
    :class:`SamplingRadius` ``(value, hoffman, spread, center)``

    EXAMPLES:

    The published effective radii of TropicalNN for `\max(0, x - 1, 2x)`,
    centre `0`: `1` over all monomials, `0` after pruning (the regions of
    `0` and `2x` meet at the origin)::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.hoffman.radius import sampling_radius, minimal_radius
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
        sage: sampling_radius(f, center=[3], mode="float")  # abs tol 1e-9
        3.0
    """
    mode = "exact" if is_exact_mode(mode, exact) else "float"
    if bound not in (None, "upper"):
        raise ValueError("bound must be None or 'upper' for a radius, not %r" % (bound,))
    if algorithm not in ALGORITHMS:
        raise ValueError("algorithm must be one of %s, not %r"
                         % (", ".join(repr(a) for a in ALGORITHMS), algorithm))
    regions = hoffman_regions(f, full_dimensional_only, realised_only, output, cells=cells)
    x0 = _center(center, regions.nvariables)
    spread = regions.spread(x0)
    try:
        H = regions.hoffman_constant(algorithm, "inf", mode, bound, 100, None, progress,
                                     max_seconds)
    except TimeBudgetExceeded as err:
        lower = err.lower.value * spread if err.lower is not None else None
        raise TimeBudgetExceeded(str(err), lower, err.done, err.total)
    R = H.value * spread
    if bound == "upper":
        R = R * (1 + UPPER_BOUND_MARGIN)
    if certificate:
        return SamplingRadius(R, H, spread, x0)
    return R


def _cell_distance(ieqs, x0):
    r"""
    Return ``(d, x)``: the `\ell_\infty` distance from ``x0`` to the
    polyhedron ``{x : c + a . x >= 0}`` of the rows ``ieqs = [(c, a_1, ...,
    a_n)]`` and a nearest point, by one exact LP.

    The variables are `(x, t)`: minimise `t` subject to the inequalities and
    `x_0 - t \le x \le x_0 + t`.
    """
    n = len(x0)
    A_ub, b_ub = [], []
    for ie in ieqs:
        A_ub.append([-QQ(a) for a in ie[1:]] + [QQ(0)])
        b_ub.append(QQ(ie[0]))
    for j in range(n):
        e = [QQ(0)] * n
        e[j] = QQ(1)
        A_ub.append(e + [QQ(-1)])
        b_ub.append(x0[j])
        A_ub.append([-a for a in e] + [QQ(-1)])
        b_ub.append(-x0[j])
    c = [QQ(0)] * n + [QQ(1)]
    d, point = exact_lp_minimize(c, A_ub, b_ub, lower_bounds=[None] * n + [QQ(0)])
    return d, point[:n]


def _distance_upper_bound(C, key, x0):
    r"""
    Return an upper bound of the `\ell_\infty` distance from ``x0`` to the
    cell ``key`` of ``C``: the exact distance to a point of the cell, found
    by a floating-point LP on the slightly shrunk cell and checked exactly
    (else an exact interior point of the cell).
    """
    from sage_tropnet.lp import float_lp_minimize
    n = len(x0)
    ieqs = C.ieqs(key)
    scale = 1.0 + max([abs(float(a)) for a in x0] + [0.0])
    A_ub, b_ub = [], []
    for ie in ieqs:
        a = [float(t) for t in ie[1:]]
        norm = max(abs(t) for t in a) or 1.0
        A_ub.append([-t / norm for t in a] + [0.0])
        b_ub.append(float(ie[0]) / norm - 1e-6 * scale)
    for j in range(n):
        e = [0.0] * (n + 1)
        e[j], e[n] = 1.0, -1.0
        A_ub.append(e)
        b_ub.append(float(x0[j]))
        e = [0.0] * (n + 1)
        e[j], e[n] = -1.0, -1.0
        A_ub.append(e)
        b_ub.append(-float(x0[j]))
    point = None
    try:
        _, sol = float_lp_minimize([0.0] * n + [1.0], A_ub, b_ub,
                                   lower_bounds=[None] * n + [0.0])
        cand = [to_rational(t) for t in sol[:n]]
        if all(QQ(ie[0]) + sum(QQ(a) * x for a, x in zip(ie[1:], cand)) >= 0 for ie in ieqs):
            point = cand
    except (ValueError, RuntimeError, OverflowError):
        point = None
    if point is None:
        point = C.interior_point(key)
    return max(abs(QQ(a) - b) for a, b in zip(point, x0))


def _components(C):
    r"""
    Return the linear regions of the cell complex ``C`` as lists of keys:
    cells with the same affine map glued across their shared facets (in the
    order of :meth:`~sage_tropnet.regions.cells.CellComplex.linear_regions`).
    """
    keys = C.keys()
    labels = {k: C.label(k) for k in keys}
    uf = UnionFind()
    for k in keys:
        uf.find(k)
    for a, b in C.edges():
        if labels[a] == labels[b]:
            uf.union(a, b)
    comps = {}
    for k in sorted(keys, key=repr):
        comps.setdefault(uf.find(k), []).append(k)
    return list(comps.values())


def _complex_or_none(f, box, output, cells=None):
    r"""
    Return ``(n, C)``: the number of variables and the tropical cell complex
    of ``f`` in ``box`` (``cells`` if given; ``None`` for the tropical zero,
    which has no regions).
    """
    from sage_tropnet.regions import regions
    kind, g = tropical_input(f, output)
    n = g.nvariables()
    P = g if kind == "polynomial" else g.numerator()
    if P.is_zero():
        return n, None
    if cells is not None and cells.box == box:
        return n, cells
    return n, regions(g, method="tropical", box=box, progress=False)


def minimal_radius(f, center=None, box=None, output=0, certificate=False, cells=None,
                   progress=None, max_seconds=None):
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
    - ``cells`` -- (default: ``None``) the tropical
      :class:`~sage_tropnet.regions.cells.CellComplex` of ``f`` in ``box``,
      to reuse instead of a new region search
    - ``progress`` -- (default: ``None``: on a terminal only) a progress bar
      over the regions
    - ``max_seconds`` -- (default: ``None``) a time budget: when it runs out,
      :class:`~sage_tropnet.hoffman.matrix.TimeBudgetExceeded` is raised with
      certified bounds ``lower`` (the largest distance found so far) and
      ``upper`` (the distances to exact interior points of the regions left)

    OUTPUT: an element of ``QQ``, or a :class:`MinimalRadius`

    EXAMPLES::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.hoffman.radius import minimal_radius, verify_radius
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

    The regions come from the tropical cell complex of
    :func:`~sage_tropnet.regions.regions` (cells glued across facets with
    equal affine maps); for each cell one exact LP
    (:func:`~sage_tropnet.lp.exact_lp_minimize`, on the cell's inequalities)
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
    import time
    from tqdm.auto import tqdm
    from sage_tropnet.misc.formatting import PROGRESS_DELAY
    n, C = _complex_or_none(f, box, output, cells)
    x0 = _center(center, n)
    comps = _components(C) if C is not None else []
    deadline = None if max_seconds is None else time.monotonic() + float(max_seconds)
    distances, points = [], []
    bar = tqdm(delay=PROGRESS_DELAY, total=len(comps), desc="minimal radius", unit=" regions", leave=False,
               disable=(not progress) if progress is not None else None, mininterval=0.5)
    try:
        for k, keys in enumerate(comps):
            if deadline is not None and time.monotonic() > deadline:
                lower = max(distances, default=QQ(0))
                upper = lower
                for rest in comps[k:]:
                    upper = max(upper, min(_distance_upper_bound(C, key, x0) for key in rest))
                raise TimeBudgetExceeded("time budget exhausted after %s of %s regions"
                                         % (k, len(comps)), lower, k, len(comps), upper)
            best = None
            for key in keys:
                d, pt = _cell_distance(C.ieqs(key), x0)
                if best is None or d < best[0]:
                    best = (d, pt)
            distances.append(best[0])
            points.append(vector(QQ, best[1]))
            bar.update(1)
    finally:
        bar.close()
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
        sage: from sage_tropnet.hoffman.radius import verify_radius, sampling_radius
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
    n, C = _complex_or_none(f, box, output)
    x0 = _center(center, n)
    for keys in (_components(C) if C is not None else []):
        if not any(_cell_distance(C.ieqs(key), x0)[0] <= r for key in keys):
            return False
    return True
