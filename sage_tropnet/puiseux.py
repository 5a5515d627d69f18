r"""
Tropical Puiseux polynomials and rational maps (max-plus, exact)

A *tropical Puiseux polynomial* in `n` variables is a finite formal max-plus
sum

.. MATH::

    p = \bigoplus_i c_i \odot x^{e_i}, \qquad p(x) = \max_i (c_i + \langle e_i, x\rangle),

with coefficients `c_i \in \QQ` and exponent vectors `e_i \in \QQ^n` (rational
exponents: this is what distinguishes it from Sage's tropical polynomials,
whose exponents are integers). A *tropical Puiseux rational map* is a formal
quotient `p \oslash q`, the function `p(x) - q(x)`.

We work in the max-plus semiring `T = ` ``TropicalSemiring(QQ, use_min=False)``
throughout: `a \oplus b = \max(a, b)`, `a \odot b = a + b`, tropical zero
`-\infty` (a polynomial with no terms), tropical one `0`.

.. WARNING::

    Sage's ``TropicalSemiring(QQ)`` is **min-plus** by default. Everything here
    is max-plus, and the bridge :meth:`TropicalPuiseuxPolynomial.to_sage`
    builds ``TropicalSemiring(QQ, use_min=False)``.

Terms are normally *merged* (equal exponents keep the larger coefficient).
Passing ``merge=False`` to :meth:`~TropicalPuiseuxPolynomial.add` and
:meth:`~TropicalPuiseuxPolynomial.mul` keeps repeated exponents as separate
terms; this reproduces the "quicksum" expansion of the paper's code, whose
monomial counts include repeats.

EXAMPLES::

    sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
    sage: x, y = TP.gens(2)

In Python syntax ``+`` is `\oplus` (max), ``*`` is `\odot` (plus), ``**`` a
tropical power and ``/`` builds a rational map `\oslash`::

    sage: p = x + y + 3; p
    max(3, y, x)
    sage: (p * p)(1, 2)
    6
    sage: q = x**(1/2) * y
    sage: q
    max(1/2*x + y)
    sage: (p / q)(4, 0)
    2

AUTHORS:

- sage_tropnet developers (2026-11): initial version

REFERENCES:

- [LWCBM2024]_ (Def. 2.1, 2.2)
- [ZNL2018]_
- [MS2015]_
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

from sage.structure.sage_object import SageObject
from sage.rings.rational_field import QQ
from sage.rings.integer_ring import ZZ
from sage.rings.real_double import RDF
from sage.arith.functions import lcm


_RATIONAL = type(QQ(0))
_RDF_ELEMENT = type(RDF(0))


def _as_scalar(c, R):
    """
    Convert ``c`` (a number or a tropical semiring element) into ``R``.
    """
    t = type(c)
    if (t is _RATIONAL and R is QQ) or (t is _RDF_ELEMENT and R is RDF):
        return c  # already there (the common case, kept fast)
    if hasattr(c, 'lift') and hasattr(c, 'parent') and 'ropical' in type(c).__name__:
        c = c.lift()
    if R is QQ and not isinstance(c, int) and not (hasattr(c, 'parent') and c.parent().is_exact()):
        from sage_tropnet.rational import to_rational
        return to_rational(c)  # exact value of the double
    return R(c)


def _point(args, n, R=None):
    """
    Normalise an evaluation point given as ``f(x)`` or ``f(x1, ..., xn)``.
    """
    if len(args) == 1 and n != 1 or (len(args) == 1 and hasattr(args[0], '__len__')):
        args = tuple(args[0])
    if len(args) != n:
        raise ValueError("expected a point with %s coordinates, got %s" % (n, len(args)))
    out = []
    for a in args:
        if 'ropical' in type(a).__name__:
            a = a.lift()
        if isinstance(a, float):
            a = RDF(a)
        out.append(a)
    return out


class TropicalPuiseuxPolynomial(SageObject):
    r"""
    A max-plus tropical Puiseux polynomial `\bigoplus_i c_i \odot x^{e_i}`.

    INPUT:

    - ``terms`` -- a dictionary ``{exponent: coefficient}`` or an iterable of
      pairs ``(exponent, coefficient)``; exponents are vectors of rationals,
      coefficients are numbers or elements of ``TropicalSemiring(QQ, use_min=False)``
    - ``nvars`` -- number of variables (needed when ``terms`` is empty)
    - ``base_ring`` -- ``QQ`` (default, exact) or ``RDF`` (float mode)
    - ``merge`` -- boolean (default: ``True``); whether to merge equal exponents
    - ``names`` -- variable names (default: ``x0, x1, ...``; ``x, y, z`` for
      up to three variables)

    EXAMPLES::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: p = TP({(0, 0): 0, (1, 0): 1, (1/2, 2): -3}); p
        max(0, -3 + 1/2*x + 2*y, 1 + x)
        sage: p.number_of_terms()
        3
        sage: p(2, 1)
        3
        sage: TP([((1,), 2), ((1,), 5)], merge=False).number_of_terms()
        2
        sage: TP({}, nvars=2)
        -infinity
        sage: TestSuite(p).run()
    """

    def __init__(self, terms, nvars=None, base_ring=QQ, merge=True, names=None):
        R = base_ring
        if isinstance(terms, dict):
            items = list(terms.items())
        else:
            items = list(terms)
        exps, coeffs = [], []
        for e, c in items:
            if 'ropical' in type(c).__name__ and c.is_zero():
                continue  # tropical zero: no term
            exps.append(tuple(_as_scalar(a, R) for a in e))
            coeffs.append(_as_scalar(c, R))
        if nvars is None:
            if not exps:
                raise ValueError("nvars is needed for a polynomial without terms")
            nvars = len(exps[0])
        if any(len(e) != nvars for e in exps):
            raise ValueError("all exponent vectors must have length %s" % nvars)
        if merge:
            best = {}
            for e, c in zip(exps, coeffs):
                if e not in best or c > best[e]:
                    best[e] = c
            keys = sorted(best)
            exps, coeffs = keys, [best[e] for e in keys]
        self._n = int(nvars)
        self._R = R
        self._exps = tuple(exps)
        self._coeffs = tuple(coeffs)
        self._merged = bool(merge) or len(set(self._exps)) == len(self._exps)
        if names is None:
            names = ('x', 'y', 'z') if self._n <= 3 else tuple('x%s' % i for i in range(self._n))
            names = tuple(names[:self._n])
        self._names = tuple(names)

    # -- constructors ---------------------------------------------------------

    @classmethod
    def gens(cls, n, base_ring=QQ, names=None):
        r"""
        Return the ``n`` variables `x_1, \dots, x_n` as tropical polynomials.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: TP.gens(2)
            (max(x), max(y))
        """
        return tuple(cls({tuple(int(i == j) for j in range(n)): 0}, nvars=n,
                         base_ring=base_ring, names=names) for i in range(n))

    @classmethod
    def constant(cls, c, n, base_ring=QQ, names=None):
        r"""
        Return the constant tropical polynomial `c` in ``n`` variables.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: TP.constant(0, 2)
            max(0)
        """
        return cls({(0,) * n: c}, nvars=n, base_ring=base_ring, names=names)

    def _new(self, exps, coeffs, merge=True):
        return TropicalPuiseuxPolynomial(list(zip(exps, coeffs)), nvars=self._n,
                                         base_ring=self._R, merge=merge, names=self._names)

    # -- access ---------------------------------------------------------------

    def nvariables(self):
        """
        Return the number of variables.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: TP.gens(3)[0].nvariables()
            3
        """
        return self._n

    def base_ring(self):
        """
        Return the ring of coefficients and exponents (``QQ`` or ``RDF``).

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: TP.gens(1)[0].base_ring()
            Rational Field
        """
        return self._R

    def variable_names(self):
        """
        Return the variable names.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: TP.gens(2)[0].variable_names()
            ('x', 'y')
        """
        return self._names

    def exponents(self):
        """
        Return the list of exponent vectors (as tuples).

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, y = TP.gens(2)
            sage: (x + y).exponents()
            [(0, 1), (1, 0)]
        """
        return list(self._exps)

    def coefficients(self):
        """
        Return the list of coefficients, as plain numbers (classical values).

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, y = TP.gens(2)
            sage: (x + y + 2).coefficients()
            [2, 0, 0]
        """
        return list(self._coeffs)

    def terms(self):
        """
        Return the list of pairs ``(exponent, coefficient)``.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, = TP.gens(1)
            sage: (x**(2/3) + 1).terms()
            [((0,), 1), ((2/3,), 0)]
        """
        return list(zip(self._exps, self._coeffs))

    def monomials(self):
        r"""
        Return the list of pairs ``(exponent, coefficient)`` with coefficients in
        ``TropicalSemiring(base_ring, use_min=False)``.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, = TP.gens(1)
            sage: m = (x + 1).monomials(); m
            [((0,), 1), ((1,), 0)]
            sage: m[0][1].parent()
            Tropical semiring over Rational Field
        """
        from sage.rings.semirings.tropical_semiring import TropicalSemiring
        T = TropicalSemiring(self._R, use_min=False)
        return [(e, T(c)) for e, c in zip(self._exps, self._coeffs)]

    def number_of_terms(self):
        """
        Return the number of terms (repeated exponents counted when unmerged).

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, y = TP.gens(2)
            sage: ((x + 0) * (y + 0)).number_of_terms()
            4
        """
        return len(self._exps)

    monomial_count = number_of_terms
    __len__ = number_of_terms

    def is_zero(self):
        r"""
        Return whether this is the tropical zero `-\infty` (no terms).

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: TP({}, nvars=1).is_zero()
            True
        """
        return not self._exps

    def is_merged(self):
        """
        Return whether all exponents are distinct.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, = TP.gens(1)
            sage: x.add(x, merge=False).is_merged()
            False
        """
        return self._merged

    def merged(self):
        """
        Return the polynomial with equal exponents merged (larger coefficient wins).

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, = TP.gens(1)
            sage: x.add(x * 1, merge=False).merged()
            max(1 + x)
            sage: x.merged() is x
            True
        """
        if self._merged:
            return self
        return self._new(self._exps, self._coeffs, merge=True)

    def change_ring(self, R):
        """
        Return this polynomial with coefficients and exponents in ``R``.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, = TP.gens(1)
            sage: (x**(1/4) + 1).change_ring(RDF)
            max(1.0, 0.25*x)
        """
        return TropicalPuiseuxPolynomial(
            [(tuple(R(a) for a in e), R(c)) for e, c in zip(self._exps, self._coeffs)],
            nvars=self._n, base_ring=R, merge=self._merged, names=self._names)

    # -- arithmetic -----------------------------------------------------------

    def _coerce_other(self, other):
        if isinstance(other, TropicalPuiseuxPolynomial):
            if other._n != self._n:
                raise ValueError("polynomials in %s and %s variables" % (self._n, other._n))
            return other
        return TropicalPuiseuxPolynomial.constant(other, self._n, self._R, self._names)

    def add(self, other, merge=True):
        r"""
        Return the tropical sum `p \oplus q` (pointwise maximum).

        INPUT:

        - ``other`` -- a tropical Puiseux polynomial or a constant
        - ``merge`` -- boolean (default: ``True``); if ``False`` the term lists
          are concatenated and repeated exponents kept

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, y = TP.gens(2)
            sage: (x * 1).add(x * 2)
            max(2 + x)
            sage: (x * 1).add(x * 2, merge=False).number_of_terms()
            2
        """
        other = self._coerce_other(other)
        return self._new(self._exps + other._exps, self._coeffs + other._coeffs,
                         merge=merge)

    def __add__(self, other):
        return self.add(other)

    __radd__ = __add__

    def mul(self, other, merge=True):
        r"""
        Return the tropical product `p \odot q` (pointwise sum).

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, y = TP.gens(2)
            sage: (x + 0).mul(y + 0)
            max(0, y, x, x + y)
            sage: (x + 0).mul(x + 0, merge=False).number_of_terms()
            4
        """
        if isinstance(other, TropicalRationalMap):
            return TropicalRationalMap(self, TropicalPuiseuxPolynomial.constant(0, self._n, self._R)) * other
        other = self._coerce_other(other)
        exps, coeffs = [], []
        for e, c in zip(self._exps, self._coeffs):
            for f, d in zip(other._exps, other._coeffs):
                exps.append(tuple(a + b for a, b in zip(e, f)))
                coeffs.append(c + d)
        return self._new(exps, coeffs, merge=merge)

    def __mul__(self, other):
        return self.mul(other)

    def __rmul__(self, other):
        return self.mul(other)

    def __pow__(self, r):
        r"""
        Return the tropical power `p^{\odot r}` for a rational `r \geq 0`.

        Since `\max` is positively homogeneous, `r \cdot p(x) = \max_i (r c_i +
        \langle r e_i, x\rangle)`: exponents and coefficients are scaled by `r`
        (exact as a function, see [LWCBM2024]_ §1.2). A negative `r` gives a
        rational map `0 \oslash p^{|r|}`.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, y = TP.gens(2)
            sage: (x + y + 1)**(1/2)
            max(1/2, 1/2*y, 1/2*x)
            sage: (x + 0)**0
            max(0)
            sage: (x + 0)**-1
            max(0) - max(0, x)
        """
        r = self._R(r) if self._R is not QQ else QQ(r)
        if r < 0:
            return TropicalRationalMap(TropicalPuiseuxPolynomial.constant(0, self._n, self._R, self._names),
                                       self ** (-r))
        if r == 0:
            if self.is_zero():
                raise ZeroDivisionError("tropical zero to the power 0")
            return TropicalPuiseuxPolynomial.constant(0, self._n, self._R, self._names)
        return self._new([tuple(r * a for a in e) for e in self._exps],
                         [r * c for c in self._coeffs], merge=self._merged)

    def __truediv__(self, other):
        r"""
        Return the tropical quotient `p \oslash q` as a :class:`TropicalRationalMap`.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, = TP.gens(1)
            sage: (x + 0) / x
            max(0, x) - max(x)
        """
        return TropicalRationalMap(self, TropicalPuiseuxPolynomial.constant(0, self._n, self._R, self._names)) / other

    def __call__(self, *args):
        r"""
        Evaluate `\max_i (c_i + \langle e_i, x\rangle)` at a point.

        The point is given as coordinates or as one vector; its entries may be
        rationals, floats or tropical semiring elements. The tropical zero
        evaluates to ``-Infinity``.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: p = TP({(1, 0): 1, (0, 1): 2, (1, 1): 3})
            sage: p(2, 3)
            8
            sage: p([2, 3])
            8
            sage: p(0.5, 0.25)
            3.75000000000000
        """
        x = _point(args, self._n)
        if not self._exps:
            from sage.rings.infinity import minus_infinity
            return minus_infinity
        return max(c + sum(a * b for a, b in zip(e, x) if a)
                   for e, c in zip(self._exps, self._coeffs))

    def evaluate_many(self, X):
        r"""
        Evaluate at every row of ``X`` in floating point (numpy, vectorised).

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: import numpy as np
            sage: p = TP({(1, 0): 1, (0, 1): 2})
            sage: p.evaluate_many(np.array([[0., 0.], [3., 0.]]))
            array([2., 4.])
        """
        import numpy as np
        E = np.array([[float(a) for a in e] for e in self._exps]).reshape(len(self._exps), self._n)
        c = np.array([float(a) for a in self._coeffs])
        return (np.asarray(X, dtype=float) @ E.T + c).max(axis=1)

    def compose(self, maps):
        r"""
        Return the composition `p(F_1, \dots, F_n)` for tropical rational maps `F_j`.

        Computed term by term, `\bigoplus_k c_k \odot \bigodot_j F_j^{e_{kj}}`,
        with the rational-map operations of :class:`TropicalRationalMap`.
        Exponents must be non-negative.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: y1, y2 = TP.gens(2)
            sage: f = (y1 + 1) + (y2 + 2)
            sage: u = TP({(1, 0): 1, (0, 1): 2}); v = TP({(1, 1): 0})
            sage: h = f.compose([u / 0, v / 0])
            sage: h(3, 5) == max(f(u(3, 5), v(3, 5)), 0)
            True
        """
        maps = [m if isinstance(m, TropicalRationalMap) else TropicalRationalMap(m) for m in maps]
        if len(maps) != self._n:
            raise ValueError("need %s maps to compose, got %s" % (self._n, len(maps)))
        m = maps[0].nvariables()
        R = self._R
        result = None
        for e, c in zip(self._exps, self._coeffs):
            if any(a < 0 for a in e):
                raise ValueError("composition needs non-negative exponents")
            term = TropicalRationalMap(TropicalPuiseuxPolynomial.constant(c, m, R))
            for a, F in zip(e, maps):
                if a:
                    term = term * (F ** a)
            result = term if result is None else result + term
        if result is None:
            return TropicalRationalMap(TropicalPuiseuxPolynomial({}, nvars=m, base_ring=R))
        return result

    # -- pruning --------------------------------------------------------------

    def prune(self):
        r"""
        Return the polynomial restricted to the monomials with a full-dimensional region.

        A monomial `c_i x^{e_i}` is kept exactly when `(e_i, c_i)` is a vertex
        of the upper hull of the lifted exponents, i.e. when it is the strict
        maximum on an open set. The function is unchanged. Exact over `\QQ`
        (float data is converted exactly).

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, = TP.gens(1)
            sage: p = 0 + x * (-1) + x**2; p
            max(0, -1 + x, 2*x)
            sage: p.prune()
            max(0, 2*x)
            sage: x, y = TP.gens(2)
            sage: q = (x + 0) * (y + 0) * (x * y + 0)
            sage: q.number_of_terms(), q.prune().number_of_terms()
            (7, 6)

        ALGORITHM: :func:`sage_tropnet.hull.upper_hull_vertices`.
        """
        from sage_tropnet.hull import (upper_hull_vertices, upper_hull_graph,
                                       FLOAT_FILTER_THRESHOLD)
        if len(self._exps) <= 1:
            return self
        if self._merged and len(self._exps) > FLOAT_FILTER_THRESHOLD:
            # the certified hull gives the edges with the vertices: keep them
            # for the region search (see :meth:`hull_graph`)
            keep, adj = upper_hull_graph(self._exps, self._coeffs)
            new = self._new([self._exps[i] for i in keep], [self._coeffs[i] for i in keep])
            if new._exps == tuple(self._exps[i] for i in keep):
                new._hull_graph = adj
            return new
        keep = upper_hull_vertices(self._exps, self._coeffs)
        return self._new([self._exps[i] for i in keep], [self._coeffs[i] for i in keep],
                         merge=self._merged)

    def hull_graph(self):
        r"""
        Return ``(keep, adj)``: the indices of the monomials that are vertices
        of the upper hull of the lifted exponents, and the edges between them
        (see :func:`~sage_tropnet.hull.upper_hull_graph`); the polynomial must
        have distinct exponents. Computed once (a pruned polynomial keeps the
        graph found while pruning).

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, = TP.gens(1)
            sage: (0 + x * (-1) + x**2).hull_graph()
            ([0, 2], {0: [1], 1: [0]})
        """
        from sage_tropnet.hull import upper_hull_graph
        adj = getattr(self, '_hull_graph', None)
        if adj is not None:
            return list(range(len(self._exps))), adj
        keep, adj = upper_hull_graph(self._exps, self._coeffs)
        if len(keep) == len(self._exps):
            self._hull_graph = adj
        return keep, adj

    # -- comparison, printing -------------------------------------------------

    def _key(self):
        return (self._n, tuple(sorted(zip(self._exps, self._coeffs))))

    def __eq__(self, other):
        """
        Equality as formal expressions (same terms).

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, y = TP.gens(2)
            sage: x + y == y + x
            True
            sage: x + 0 == (x + 0) + x * (-1)
            True
            sage: x + 0 == x + 1
            False
        """
        if not isinstance(other, TropicalPuiseuxPolynomial):
            return False
        return self._key() == other._key()

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(self._key())

    def __reduce__(self):
        return (TropicalPuiseuxPolynomial,
                (list(zip(self._exps, self._coeffs)), self._n, self._R, self._merged, self._names))

    def _monomial_str(self, e, latex=False):
        parts = []
        for a, name in zip(e, self._names):
            if not a:
                continue
            if latex:
                parts.append(name if a == 1 else "%s^{%s}" % (name, a))
            else:
                parts.append(name if a == 1 else "%s*%s" % (a, name))
        return parts

    def _repr_(self):
        if not self._exps:
            return "-infinity"
        out = []
        for e, c in zip(self._exps, self._coeffs):
            parts = self._monomial_str(e)
            if not parts:
                out.append(str(c))
            elif c == 0:
                out.append(" + ".join(parts))
            else:
                out.append(" + ".join([str(c)] + parts))
        return "max(" + ", ".join(out) + ")"

    def _latex_(self):
        r"""
        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, y = TP.gens(2)
            sage: latex(x**(1/2) * y + 3)
            3 \oplus x^{1/2} y
        """
        if not self._exps:
            return r"-\infty"
        out = []
        for e, c in zip(self._exps, self._coeffs):
            parts = self._monomial_str(e, latex=True)
            if not parts:
                out.append(str(c))
            elif c == 0:
                out.append(" ".join(parts))
            else:
                out.append(r"%s \odot %s" % (c, " ".join(parts)))
        return r" \oplus ".join(out)

    # -- bridge to Sage -------------------------------------------------------

    def exponent_scale(self):
        r"""
        Return the least positive integer `s` with `s \cdot e_i \in \ZZ^n` for all exponents.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, y = TP.gens(2)
            sage: (x**(1/2) + y**(2/3)).exponent_scale()
            6
        """
        if self._R is not QQ:
            raise ValueError("exponent scale needs exact (QQ) exponents")
        return ZZ(lcm([ZZ(1)] + [a.denominator() for e in self._exps for a in e]))

    def to_sage(self, scale=None, names=None):
        r"""
        Return this polynomial in Sage's max-plus tropical polynomial semiring.

        Sage's tropical polynomials have integer exponents, so the exponents are
        multiplied by ``scale`` (default: :meth:`exponent_scale`). The result
        `P` satisfies `P(x / s) = p(x)` for the scale `s`. A ``scale`` that leaves
        a non-integer exponent raises ``ValueError``: exponents are never
        truncated.

        OUTPUT: a pair ``(P, s)``

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, y = TP.gens(2)
            sage: p = x**(1/2) * y + 3
            sage: P, s = p.to_sage(); P, s
            (0*x*y^2 + 3, 2)
            sage: T = P.parent().base()
            sage: P(T(1/2), T(5/2)) == T(p(1, 5))
            True
            sage: p.to_sage(scale=1)
            Traceback (most recent call last):
            ...
            ValueError: exponent 1/2 * 1 is not an integer: refusing to truncate it (use scale=2)
        """
        from sage.rings.semirings.tropical_semiring import TropicalSemiring
        from sage.rings.polynomial.polynomial_ring_constructor import PolynomialRing
        if self._R is not QQ:
            raise ValueError("the Sage bridge needs exact (QQ) coefficients")
        s = self.exponent_scale() if scale is None else ZZ(scale)
        d = {}
        for e, c in zip(self._exps, self._coeffs):
            E = []
            for a in e:
                b = a * s
                if b not in ZZ:
                    raise ValueError("exponent %s * %s is not an integer: refusing to truncate it "
                                     "(use scale=%s)" % (a, s, self.exponent_scale()))
                if b < 0:
                    raise ValueError("Sage's tropical polynomials need non-negative exponents")
                E.append(ZZ(b))
            E = tuple(E)
            d[E] = max(d[E], c) if E in d else c
        T = TropicalSemiring(QQ, use_min=False)
        names = names or self._names
        R = PolynomialRing(T, names) if self._n > 1 else PolynomialRing(T, names[0])
        if self._n == 1:
            return R({E[0]: T(c) for E, c in d.items()}), s
        return R({E: T(c) for E, c in d.items()}), s

    @classmethod
    def from_sage(cls, P, scale=1):
        r"""
        Return the tropical Puiseux polynomial of a Sage max-plus tropical polynomial.

        The exponents are divided by ``scale``, inverting :meth:`to_sage`.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: T = TropicalSemiring(QQ, use_min=False)
            sage: R.<x,y> = PolynomialRing(T)
            sage: p = TP.from_sage(x^2*y + R(3)); p
            max(3, 2*x + y)
            sage: u, v = TP.gens(2)
            sage: q = u**(1/3) * v + 1
            sage: TP.from_sage(*q.to_sage()) == q
            True
        """
        T = P.parent().base()
        if getattr(T, 'use_min', lambda: False)() if callable(getattr(T, 'use_min', None)) \
                else getattr(T, '_use_min', False):
            raise ValueError("min-plus tropical polynomials are not supported: use "
                             "TropicalSemiring(QQ, use_min=False)")
        scale = QQ(scale)
        n = P.parent().ngens()
        terms = []
        for E, c in P.dict().items():
            E = (E,) if n == 1 else tuple(E)
            terms.append((tuple(QQ(a) / scale for a in E), c.lift()))
        return cls(terms, nvars=n, names=tuple(P.parent().variable_names()))


class TropicalRationalMap(SageObject):
    r"""
    A tropical Puiseux rational map `F \oslash G`, the function `F(x) - G(x)`.

    No common factor is ever cancelled: the formal numerator and denominator
    are kept as computed (their monomial counts are what the paper reports).

    INPUT:

    - ``numerator`` -- a :class:`TropicalPuiseuxPolynomial`
    - ``denominator`` -- a :class:`TropicalPuiseuxPolynomial` (default: the
      constant `0`, the tropical one)

    EXAMPLES::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP, TropicalRationalMap
        sage: x, y = TP.gens(2)
        sage: f = TropicalRationalMap(x + y, x + 0); f
        max(y, x) - max(0, x)
        sage: f(1, 5)
        4
        sage: f * 1
        max(1 + y, 1 + x) - max(0, x)
        sage: f + 1
        max(1, y, 1 + x) - max(0, x)
        sage: TestSuite(f).run()
    """

    def __init__(self, numerator, denominator=None):
        if not isinstance(numerator, TropicalPuiseuxPolynomial):
            raise TypeError("the numerator must be a TropicalPuiseuxPolynomial")
        if denominator is None:
            denominator = TropicalPuiseuxPolynomial.constant(0, numerator.nvariables(),
                                                             numerator.base_ring(),
                                                             numerator.variable_names())
        if denominator.nvariables() != numerator.nvariables():
            raise ValueError("numerator and denominator have different numbers of variables")
        if denominator.is_zero():
            raise ZeroDivisionError("the denominator is the tropical zero")
        self._num = numerator
        self._den = denominator

    def numerator(self):
        """
        Return the numerator.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, = TP.gens(1)
            sage: ((x + 0) / x).numerator()
            max(0, x)
        """
        return self._num

    def denominator(self):
        """
        Return the denominator.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, = TP.gens(1)
            sage: ((x + 0) / x).denominator()
            max(x)
        """
        return self._den

    def nvariables(self):
        """
        Return the number of variables.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: ((TP.gens(2)[0] + 0) / 0).nvariables()
            2
        """
        return self._num.nvariables()

    def base_ring(self):
        """
        Return ``QQ`` (exact) or ``RDF`` (float mode).

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: ((TP.gens(2)[0] + 0) / 0).base_ring()
            Rational Field
        """
        return self._num.base_ring()

    def monomial_count(self):
        """
        Return the pair (numerator terms, denominator terms).

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, y = TP.gens(2)
            sage: ((x + y + 0) / (x + 0)).monomial_count()
            (3, 2)
        """
        return (self._num.number_of_terms(), self._den.number_of_terms())

    def _coerce_other(self, other):
        if isinstance(other, TropicalRationalMap):
            return other
        if isinstance(other, TropicalPuiseuxPolynomial):
            return TropicalRationalMap(other)
        return TropicalRationalMap(TropicalPuiseuxPolynomial.constant(
            other, self.nvariables(), self.base_ring(), self._num.variable_names()))

    def __add__(self, other):
        r"""
        Return `f/g \oplus h/k = (f \odot k \oplus g \odot h) / (g \odot k)`.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, = TP.gens(1)
            sage: f = (x + 0) / x
            sage: (f + f)(3) == max(f(3), f(3))
            True
        """
        o = self._coerce_other(other)
        return TropicalRationalMap(self._num * o._den + self._den * o._num, self._den * o._den)

    __radd__ = __add__

    def __mul__(self, other):
        r"""
        Return `(f/g) \odot (h/k) = (f h)/(g k)`.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, = TP.gens(1)
            sage: ((x + 0) / x * 2)(5)
            2
        """
        o = self._coerce_other(other)
        return TropicalRationalMap(self._num * o._num, self._den * o._den)

    __rmul__ = __mul__

    def __truediv__(self, other):
        r"""
        Return `(f/g) \oslash (h/k) = (f k)/(g h)`.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, = TP.gens(1)
            sage: ((x + 0) / (x * 1))(4)
            -1
        """
        o = self._coerce_other(other)
        return TropicalRationalMap(self._num * o._den, self._den * o._num)

    def __pow__(self, r):
        r"""
        Return `(f/g)^{\odot r}` for rational `r` (negative `r` swaps the roles).

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, = TP.gens(1)
            sage: ((x + 0) / x)**(-2)
            max(2*x) - max(0, 2*x)
        """
        r = QQ(r)
        if r < 0:
            return TropicalRationalMap(self._den ** (-r), self._num ** (-r))
        return TropicalRationalMap(self._num ** r, self._den ** r)

    def __call__(self, *args):
        r"""
        Evaluate `F(x) - G(x)`.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, y = TP.gens(2)
            sage: ((x + y) / (x + 0))(-1, 2)
            2
        """
        return self._num(*args) - self._den(*args)

    def evaluate_many(self, X):
        """
        Evaluate at every row of ``X`` in floating point.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, = TP.gens(1)
            sage: ((x + 0) / x).evaluate_many([[1.], [-1.]])
            array([0., 1.])
        """
        return self._num.evaluate_many(X) - self._den.evaluate_many(X)

    def compose(self, maps):
        r"""
        Return `(F \circ H) \oslash (G \circ H)` for a vector of rational maps `H`.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: y, = TP.gens(1)
            sage: x, = TP.gens(1)
            sage: f = (y + 0) / 0
            sage: g = f.compose([(x + 1) / x])
            sage: g(-5), g(5)
            (6, 0)
        """
        N = self._num.compose(maps)
        D = self._den.compose(maps)
        return N / D

    def prune(self):
        r"""
        Return `\mathrm{prune}(F) \oslash \mathrm{prune}(G)` (same function).

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, = TP.gens(1)
            sage: ((0 + x * (-1) + x**2) / 0).prune()
            max(0, 2*x) - max(0)
        """
        return TropicalRationalMap(self._num.prune(), self._den.prune())

    def change_ring(self, R):
        """
        Return the map with coefficients and exponents in ``R``.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, = TP.gens(1)
            sage: ((x + 0) / 0).change_ring(RDF)
            max(0.0, x) - max(0.0)
        """
        return TropicalRationalMap(self._num.change_ring(R), self._den.change_ring(R))

    def __eq__(self, other):
        """
        Equality as formal expressions.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, = TP.gens(1)
            sage: (x + 0) / x == (x + 0) / x
            True
        """
        return (isinstance(other, TropicalRationalMap) and self._num == other._num
                and self._den == other._den)

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash((self._num, self._den))

    def __reduce__(self):
        return (TropicalRationalMap, (self._num, self._den))

    def _repr_(self):
        return "%s - %s" % (self._num, self._den)

    def _latex_(self):
        r"""
        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, = TP.gens(1)
            sage: latex((x + 0) / x)
            \left(0 \oplus x\right) \oslash \left(x\right)
        """
        return r"\left(%s\right) \oslash \left(%s\right)" % (self._num._latex_(), self._den._latex_())


class TropicalRationalMapVector(SageObject):
    r"""
    A vector of tropical rational maps, one per output neuron.

    EXAMPLES::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP, TropicalRationalMapVector
        sage: x, y = TP.gens(2)
        sage: V = TropicalRationalMapVector([(x + 0) / 0, (y + 0) / 0]); V
        Vector of 2 tropical rational maps in 2 variables
        sage: V(-1, 3)
        (0, 3)
        sage: V.monomial_count()
        [(2, 1), (2, 1)]
        sage: len(V), V[1]
        (2, max(0, y) - max(0))
    """

    def __init__(self, maps):
        self._maps = tuple(maps)
        if not self._maps:
            raise ValueError("a vector of maps needs at least one map")

    def __len__(self):
        return len(self._maps)

    def __getitem__(self, i):
        return self._maps[i]

    def __iter__(self):
        return iter(self._maps)

    def __call__(self, *args):
        return tuple(f(*args) for f in self._maps)

    def __eq__(self, other):
        return isinstance(other, TropicalRationalMapVector) and self._maps == other._maps

    def __hash__(self):
        return hash(self._maps)

    def nvariables(self):
        """
        Return the number of variables.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP, TropicalRationalMapVector
            sage: TropicalRationalMapVector([TP.gens(3)[0] / 0]).nvariables()
            3
        """
        return self._maps[0].nvariables()

    def monomial_count(self):
        """
        Return the list of (numerator, denominator) term counts per output.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP, TropicalRationalMapVector
            sage: x, = TP.gens(1)
            sage: TropicalRationalMapVector([(x + 0) / x]).monomial_count()
            [(2, 1)]
        """
        return [f.monomial_count() for f in self._maps]

    def prune(self):
        """
        Return the vector of pruned maps.

        EXAMPLES::

            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP, TropicalRationalMapVector
            sage: x, = TP.gens(1)
            sage: TropicalRationalMapVector([(0 + x * (-1) + x**2) / 0]).prune().monomial_count()
            [(2, 1)]
        """
        return TropicalRationalMapVector([f.prune() for f in self._maps])

    def _repr_(self):
        return "Vector of %s tropical rational maps in %s variables" % (len(self), self.nvariables())
