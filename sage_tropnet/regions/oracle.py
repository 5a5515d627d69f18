r"""
The cell-oracle protocol of the region engine

The region engine enumerates the full-dimensional cells of a polyhedral
subdivision of `\RR^n` (or of a domain in it) without knowing the
subdivision in advance. All it needs is a **cell oracle**, an object that
answers questions about cells identified by hashable **keys**:

==========================  =================================================
method                      answer
==========================  =================================================
``n``                       the ambient dimension (attribute)
``key_at(y, d)``            the key of the cell containing `y + \varepsilon d`
                            for all small `\varepsilon > 0` (``d = None``: the
                            cell containing `y` in its interior), or ``None``
                            when this is not decided (a tie)
``ieqs(key)``               the inequalities of the cell: rows
                            ``(c, a_1, ..., a_n)`` meaning `c + a \cdot x \ge 0`
                            (exact rationals); redundant rows are allowed
``label(key)``              the affine map carried by the cell (hashable;
                            two cells are glued into one linear region when
                            their labels are equal and they share a facet)
``neighbour(key, row)``     *optional*: the key of the cell across the facet
                            of ``key`` on the hyperplane of ``row`` (a
                            primitive integer row), or ``None`` if the oracle
                            cannot tell without a point; the default returns
                            ``None``
``subdivide(domain, ...)``  *optional*: a faster enumeration of all cells
                            (the network oracles subdivide layer by layer);
                            the default raises ``NotImplementedError``
==========================  =================================================

Three oracles implement it: :class:`~sage_tropnet.regions.tropical.TropicalOracle`
(cells `U_i \cap V_j` of a tropical rational map `p \oslash q`),
:class:`~sage_tropnet.regions.activation.ActivationOracle` (activation
regions of a network) and :class:`PullbackOracle` (the common refinement of
the cells of `f` and of `f \circ g` for a linear map `g`, used to decide
invariance under a group).

EXAMPLES:

A minimal oracle: the two half-lines of `\max(0, x)`::

    sage: from sage_tropnet.regions.oracle import CellOracle
    sage: class HalfLines(CellOracle):
    ....:     n = 1
    ....:     def key_at(self, y, d=None):
    ....:         v = y[0] if y[0] != 0 or d is None else d[0]
    ....:         return None if v == 0 else int(v > 0)
    ....:     def ieqs(self, key):
    ....:         return [(0, 1)] if key else [(0, -1)]
    ....:     def label(self, key):
    ....:         return ((key,), 0)
    sage: from sage_tropnet.regions.explore import explore
    sage: explore(HalfLines()).number_of_cells()
    2

AUTHORS:

- sage_tropnet developers (2026-12): initial version
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
from sage.modules.free_module_element import vector


class CellOracle(SageObject):
    r"""
    Abstract base class of the cell oracles (see the module documentation).

    Subclasses must set ``n`` and implement :meth:`key_at`, :meth:`ieqs`
    and :meth:`label`.

    EXAMPLES::

        sage: from sage_tropnet.regions.oracle import CellOracle
        sage: CellOracle().key_at([0])
        Traceback (most recent call last):
        ...
        NotImplementedError: a cell oracle must implement key_at
    """
    #: the ambient dimension
    n = None

    def key_at(self, y, d=None):
        r"""
        Return the key of the cell containing `y + \varepsilon d` for small
        `\varepsilon > 0`, or ``None`` on a tie.

        EXAMPLES::

            sage: from sage_tropnet.regions.tropical import TropicalOracle
            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, = TP.gens(1)
            sage: o = TropicalOracle(x + 0)
            sage: o.key_at([1]), o.key_at([0], [-1]), o.key_at([0])
            ((1, 0), (0, 0), None)
        """
        raise NotImplementedError("a cell oracle must implement key_at")

    def ieqs(self, key):
        r"""
        Return the inequalities ``(c, a_1, ..., a_n)`` (`c + a \cdot x \ge 0`)
        of the cell ``key``.

        EXAMPLES::

            sage: from sage_tropnet.regions.tropical import TropicalOracle
            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, = TP.gens(1)
            sage: TropicalOracle(x + 0).ieqs((1, 0))
            [(0, 1)]
        """
        raise NotImplementedError("a cell oracle must implement ieqs")

    def label(self, key):
        r"""
        Return the affine map carried by the cell ``key`` (hashable).

        EXAMPLES::

            sage: from sage_tropnet.regions.tropical import TropicalOracle
            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, = TP.gens(1)
            sage: TropicalOracle(x + 0).label((1, 0))
            ((1,), 0)
        """
        raise NotImplementedError("a cell oracle must implement label")

    def neighbour(self, key, row):
        r"""
        Return the cell across the facet of ``key`` on the hyperplane of
        ``row`` (a primitive integer row), or ``None`` if the oracle needs a
        point to tell (the default).

        EXAMPLES::

            sage: from sage_tropnet.regions.oracle import CellOracle
            sage: CellOracle().neighbour((0,), (0, 1)) is None
            True
        """
        return None

    def subdivide(self, domain=None, **options):
        r"""
        Enumerate all cells at once (optional; see
        :mod:`sage_tropnet.regions.subdivide`).

        EXAMPLES::

            sage: from sage_tropnet.regions.oracle import CellOracle
            sage: CellOracle().subdivide()
            Traceback (most recent call last):
            ...
            NotImplementedError: this oracle has no layer-wise subdivision
        """
        raise NotImplementedError("this oracle has no layer-wise subdivision")

    def _repr_(self):
        return "%s in dimension %s" % (type(self).__name__, self.n)


class PullbackOracle(CellOracle):
    r"""
    Cells of the common refinement of the cells of an oracle and of their
    pull-backs by a linear map `g`: a key is the pair (cell of `x`, cell of
    `g x`).

    Used to decide whether `f \circ g = f`: the two affine maps of a cell
    are compared by :meth:`agree`.

    INPUT:

    - ``base`` -- a cell oracle
    - ``g`` -- a square matrix over `\QQ`

    EXAMPLES::

        sage: from sage_tropnet.regions.tropical import TropicalOracle
        sage: from sage_tropnet.regions.oracle import PullbackOracle
        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: x, y = TP.gens(2)
        sage: o = PullbackOracle(TropicalOracle(x + y), matrix(QQ, [[0, 1], [1, 0]]))
        sage: k = o.key_at([2, 1]); k
        ((1, 0), (0, 0))
        sage: o.agree(k)
        True
    """

    def __init__(self, base, g):
        self.base = base
        self.g = g
        self.n = base.n
        self._cache = {}

    def key_at(self, y, d=None):
        r"""
        Return the pair of cells of `y + \varepsilon d` and of `g (y + \varepsilon d)`.

        EXAMPLES::

            sage: from sage_tropnet.regions.tropical import TropicalOracle
            sage: from sage_tropnet.regions.oracle import PullbackOracle
            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, = TP.gens(1)
            sage: PullbackOracle(TropicalOracle(x + 0), matrix(QQ, [[-1]])).key_at([2])
            ((1, 0), (0, 0))
        """
        k1 = self.base.key_at(y, d)
        if k1 is None:
            return None
        y = vector(QQ, y)
        k2 = self.base.key_at(self.g * y, None if d is None else self.g * vector(QQ, d))
        if k2 is None:
            return None
        return (k1, k2)

    def ieqs(self, key):
        r"""
        Return the inequalities of both cells, the second pulled back by `g`.

        EXAMPLES::

            sage: from sage_tropnet.regions.tropical import TropicalOracle
            sage: from sage_tropnet.regions.oracle import PullbackOracle
            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, = TP.gens(1)
            sage: PullbackOracle(TropicalOracle(x + 0), matrix(QQ, [[-1]])).ieqs(((1, 0), (0, 0)))
            [(0, 1), (0, 1)]
        """
        if key not in self._cache:
            k1, k2 = key
            pulled = [tuple([t[0]] + list(vector(QQ, t[1:]) * self.g)) for t in self.base.ieqs(k2)]
            self._cache[key] = list(self.base.ieqs(k1)) + pulled
        return self._cache[key]

    def label(self, key):
        r"""
        Return the pair of affine maps of the two cells.

        EXAMPLES::

            sage: from sage_tropnet.regions.tropical import TropicalOracle
            sage: from sage_tropnet.regions.oracle import PullbackOracle
            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, = TP.gens(1)
            sage: PullbackOracle(TropicalOracle(x + 0), matrix(QQ, [[-1]])).label(((1, 0), (0, 0)))
            (((1,), 0), ((0,), 0))
        """
        return (self.base.label(key[0]), self.base.label(key[1]))

    def agree(self, key):
        r"""
        Return whether `f` and `f \circ g` have the same affine map on the
        cell ``key``.

        EXAMPLES::

            sage: from sage_tropnet.regions.tropical import TropicalOracle
            sage: from sage_tropnet.regions.oracle import PullbackOracle
            sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
            sage: x, y = TP.gens(2)
            sage: o = PullbackOracle(TropicalOracle(x + y * 2), matrix(QQ, [[0, 1], [1, 0]]))
            sage: o.agree(o.key_at([2, 1]))
            False
        """
        k1, k2 = key
        a1, c1 = self.base.label(k1)
        a2, c2 = self.base.label(k2)
        return tuple(a1) == tuple(vector(QQ, a2) * self.g) and c1 == c2
