r"""
Layer-wise subdivision: the activation regions of a network, fast and exact

The activation regions are enumerated depth first: a start cell (the domain,
or the `2^n` simplicial cones cut out by `n` independent units of the first
layer) is split by the hyperplane of every unit of the first layer, each
piece by every unit of the second layer (whose pre-activation is affine on
the piece), and so on; the leaves are the activation regions. Every cell is
kept as its generators (vertices and rays) with their tight constraints, and
a split is one double description step, done by the compiled kernel
:mod:`sage_tropnet.regions.kernel` with certified signs: the search never
solves a linear programme and keeps only one cell per depth in memory.

For **linear regions** every leaf also computes its facets (constraints
whose tight generators form a maximal set); the cell across a facet is read
off by the flip rule (:mod:`sage_tropnet.regions.activation`) and the two
cells are glued when flipping the facet's unit does not change the output
map, i.e. when the derivative of the output with respect to that unit
vanishes on the cell (certified; an undecided case, or a facet where the
flip rule does not apply, is settled exactly by the activation oracle).
Glued cells are merged with a union-find.

If the first layer has rank `r < n`, every cell contains the kernel of the
first layer: the search runs in `\RR^r` (coordinates along the rows of the
first layer) and interior points are mapped back.

EXAMPLES::

    sage: from sage_tropnet.network import random_network
    sage: from sage_tropnet.regions.subdivide import subdivide
    sage: net = random_network([3, 6, 6, 1], seed=2)
    sage: S = subdivide(net, glue=True); S
    Subdivision of R^3 into 261 activation regions and 261 linear regions (exact)
    sage: subdivide(net, mode='float').count
    261
    sage: subdivide(net, domain=1).count
    117

AUTHORS:

- sage_tropnet developers (2026-12): initial version

REFERENCES:

- [FP1996]_ (double description)
- [STR2018]_, [HR2019]_ (activation regions)
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

import itertools
import math
import time
from fractions import Fraction

import numpy as np

from sage.structure.sage_object import SageObject
from sage.rings.rational_field import QQ
from sage.rings.integer_ring import ZZ
from sage.matrix.constructor import matrix
from sage.modules.free_module_element import vector

from sage_tropnet.network import ReLUNetwork
from sage_tropnet.misc.union_find import UnionFind
from sage_tropnet.layers import activation, homogeneous_rows, compose_rows
from sage_tropnet.misc.linear_algebra import primitive_row
from sage_tropnet.regions.kernel import (Subdivider, float_row, K_DOMAIN, K_INFINITY, K_UNIT,
                                         K_MAXOUT)
from sage_tropnet.regions.activation import ActivationOracle

#: unit roundoff of double precision
U = 2.0 ** -53


# ---------------------------------------------------------------------------
# float data of a network for the kernel
# ---------------------------------------------------------------------------

def _float_entry(num, den):
    r"""
    Return ``(float, bound on its error, is an exact integer)`` of the
    rational ``num/den`` (Python integers, ``den > 0``, in lowest terms).
    """
    f = num / den                     # correctly rounded
    if not math.isfinite(f) or (f == 0.0 and num != 0):
        raise OverflowError("a weight is beyond the range of double precision")
    if den & (den - 1) == 0 and -(1 << 53) < num < (1 << 53):
        return f, 0.0, den == 1
    return f, 2 * U * abs(f) + 1e-300, False


def _scaled_entry(n, d, sn, sd, scale):
    r"""
    Return ``(float, error bound, is an exact integer)`` of `(n/d) (sn/sd)`
    where ``sn/sd`` is a power of two (equal to the float ``scale``).

    The float is the correctly rounded value; a value below the range of
    doubles becomes ``0.0`` with an error bound covering it.
    """
    if n == 0:
        return 0.0, 0.0, True
    f = (n * sn) / (d * sd)             # correctly rounded (integers of any size)
    if not math.isfinite(f):
        raise OverflowError("a weight is beyond the range of double precision")
    if f == 0.0:
        return 0.0, 1e-300, False       # |value| < 2^-1074
    if d & (d - 1) == 0:
        # a dyadic rational: exact iff the odd part of n has at most 53 bits
        # (and the value is a normal double)
        m = n if n >= 0 else -n
        odd = m >> ((m & -m).bit_length() - 1)
        if odd < (1 << 53) and abs(f) >= 2.2250738585072014e-308:
            return f, 0.0, (n * sn) % (d * sd) == 0
    return f, 2 * U * abs(f) + 1e-300, False


def _ratios(v):
    r"""
    Return the list of ``(numerator, denominator)`` of the entries of ``v``
    (Python integers).
    """
    return [(int(a.numer()), int(a.denom())) for a in v]


def kernel_layers(net):
    r"""
    Return the float description of the layers of ``net`` for the kernel
    (cached on the network): weights and biases with bounds on their
    errors, per-row integer flags, and the activation.

    Every layer is scaled by a power of two (exact): to make its entries
    integers when they are dyadic with a small common denominator (then the
    kernel computes exactly in floating point), else so that its largest
    weight is about one; the bias of a layer is scaled by the product of the
    scales so far. Scaling by positive numbers changes no activation pattern
    and no equality of affine maps.

    EXAMPLES::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.regions.subdivide import kernel_layers
        sage: L = kernel_layers(ReLUNetwork([([[1, 2]], [1/3]), ([[4]], [0])]))
        sage: L[0]['W'], L[0]['int'], L[0]['eb'][0] > 0
        ([[0.5, 1.0]], [0], True)
        sage: L[1]['kind']
        'linear'
        sage: kernel_layers(ReLUNetwork([([[1/2, -3/4]], [1/4])]))[0]['W']
        [[2.0, -3.0]]
    """
    cache = getattr(net, '_cache', None)
    if cache is not None and 'kernel' in cache:
        return cache['kernel']
    specs = []
    tnum, tden = 1, 1                      # the product of the scales so far
    for W, b, act in net.layers():
        act = activation(act)
        rows = [_ratios(W.row(i)) for i in range(W.nrows())]
        bias = [(n * tnum, d * tden) for n, d in _ratios(b)]
        den = 1
        mx = Fraction(0)
        for r in rows:
            for n, d in r:
                den = math.lcm(den, d)
                if abs(n) * mx.denominator > mx.numerator * d:
                    mx = Fraction(abs(n), d)
        bx = Fraction(0)
        for n, d in bias:
            g = math.gcd(n, d)
            den = math.lcm(den, d // g)
            if abs(n) * bx.denominator > bx.numerator * d:
                bx = Fraction(abs(n), d)
        if den & (den - 1) == 0 and max(mx, bx) * den < 2 ** 40:
            sn, sd = den, 1                 # integral after scaling: exact integers
        elif mx or bx:
            # the largest entry (weight or bias) about one: nothing overflows
            big = max(mx, bx)
            k = big.numerator.bit_length() - big.denominator.bit_length()
            sn, sd = (1, 1 << k) if k >= 0 else (1 << -k, 1)
        else:
            sn, sd = 1, 1
        tnum, tden = tnum * sn, tden * sd
        scale = sn / sd                     # a power of two: exact
        Wl, eW, bl, eb, isint = [], [], [], [], []
        for r, (bn, bd) in zip(rows, bias):
            row, erow, ok = [], [], True
            for n, d in r:
                f, e, z = _scaled_entry(n, d, sn, sd, scale)
                row.append(f)
                erow.append(e)
                ok = ok and z
            f, e, z = _scaled_entry(bn, bd, sn, sd, scale)
            Wl.append(row)
            eW.append(erow)
            bl.append(f)
            eb.append(e)
            isint.append(1 if (ok and z) else 0)
        spec = dict(W=Wl, eW=eW, b=bl, eb=eb, int=isint)
        spec.update(act.kernel_spec())
        specs.append(spec)
    if cache is not None:
        cache['kernel'] = specs
    return specs


def _int_vector(v):
    r"""
    Return a primitive integer vector on the ray of the rational vector ``v``.
    """
    return list(primitive_row(v))


def _float_generator(w):
    r"""
    Return ``(coordinates, error bound, integer flag)`` of the integer
    vector ``w`` in floating point (scaled by a power of two).
    """
    return float_row(w)


def _float_row(r):
    r"""
    Return ``(float row, error bound, integer flag)`` of an exact row,
    scaled by a power of two.
    """
    return float_row(_int_vector(r))


# ---------------------------------------------------------------------------
# exact rows and the fallback of the kernel
# ---------------------------------------------------------------------------

class ExactRows:
    r"""
    Exact rows of the constraints of the kernel's cells, and the exact sign
    of a row at a generator given by its tight rows (the fallback of the
    kernel for signs its error bounds do not decide).

    INPUT:

    - ``layers`` -- list of triples ``(W, b, activation)``
    - ``domain`` -- dictionary ``{index: exact homogeneous row}`` of the
      domain rows of the start cells

    EXAMPLES::

        sage: from sage_tropnet.layers import ReLU, Linear
        sage: from sage_tropnet.regions.subdivide import ExactRows
        sage: E = ExactRows([(matrix(QQ, [[1, 1]]), vector(QQ, [0]), ReLU()),
        ....:                (matrix(QQ, [[1]]), vector(QQ, [0]), Linear())], {})
        sage: E.row((2, 0, 0, -1, 0), [b'\x00', b''])
        (0, -1, -1)
    """

    def __init__(self, layers, domain):
        self.layers = layers
        self.domain = domain
        self._cache = {}

    def pre(self, l, states):
        r"""
        Return the pre-activation rows of layer ``l`` for the states of the
        earlier layers (homogeneous rows).

        EXAMPLES::

            sage: from sage_tropnet.layers import ReLU, Linear
            sage: from sage_tropnet.regions.subdivide import ExactRows
            sage: E = ExactRows([(matrix(QQ, [[1, 1]]), vector(QQ, [2]), ReLU()),
            ....:                (matrix(QQ, [[3]]), vector(QQ, [0]), Linear())], {})
            sage: E.pre(1, [b'\x01', b''])
            [6 3 3]
        """
        key = (l, tuple(bytes(s) for s in states[:l]))
        A = self._cache.get(key)
        if A is None:
            W, b, act = self.layers[l]
            if l == 0:
                A = homogeneous_rows(W, b)
            else:
                P = self.layers[l - 1][2].post_rows(self.pre(l - 1, states), tuple(states[l - 1]))
                A = compose_rows(W, b, P)
            self._cache[key] = A
        return A

    def row(self, desc, states):
        r"""
        Return the exact row of a path entry ``desc = (kind, layer, unit, a, b)``.

        EXAMPLES::

            sage: from sage_tropnet.layers import Maxout, Linear
            sage: from sage_tropnet.regions.subdivide import ExactRows
            sage: E = ExactRows([(matrix(QQ, [[1], [2]]), vector(QQ, [0, 1]), Maxout(2)),
            ....:                (matrix(QQ, [[1]]), vector(QQ, [0]), Linear())], {})
            sage: E.row((3, 0, 0, 1, 0), [b'\x01', b''])
            (1, 1)
        """
        kind, l, u, a, b = [int(t) for t in desc]
        if kind in (K_DOMAIN, K_INFINITY):
            return vector(QQ, self.domain[u])
        A = self.pre(l, states)
        if kind == K_UNIT:
            return a * A.row(u)
        k = self.layers[l][2].k
        return A.row(u * k + a) - A.row(u * k + b)

    def exact_sign(self, states, path, tight, hdesc):
        r"""
        Return ``(sign, generator)``: the sign of the row ``hdesc`` at the
        generator tight on the path positions ``tight`` (exactly), and that
        generator in floating point.

        EXAMPLES::

            sage: from sage_tropnet.layers import ReLU, Linear
            sage: from sage_tropnet.regions.subdivide import ExactRows
            sage: E = ExactRows([(matrix(QQ, [[1, 0], [1, 1]]), vector(QQ, [0, 0]), ReLU()),
            ....:                (matrix(QQ, [[1, 1]]), vector(QQ, [0]), Linear())],
            ....:               {0: [1, 0, 0]})
            sage: path = [(1, -1, 0, 0, 0), (2, 0, 0, 1, 0), (2, 0, 1, 1, 0)]
            sage: E.exact_sign([b'\x01\x01', b''], path, [0, 1], (2, 0, 1, 1, 0))
            (1, [0.0, 0.0, 1.0])
        """
        states = [bytes(s) for s in states]
        R = matrix(QQ, [self.row(path[p], states) for p in tight])
        K = R.right_kernel_matrix()
        if K.nrows() != 1:
            raise RuntimeError("the tight rows of a generator have rank %s" % (R.rank(),))
        g = K.row(0)
        for p in range(len(path)):
            if p in tight:
                continue
            v = self.row(path[p], states) * g
            if v:
                if v < 0:
                    g = -g
                break
        else:
            raise RuntimeError("a generator with no strictly satisfied row")
        s = self.row(hdesc, states) * g
        f, _, _ = _float_generator(_int_vector(g))
        return (1 if s > 0 else (-1 if s < 0 else 0)), f


# ---------------------------------------------------------------------------
# start cells
# ---------------------------------------------------------------------------

def _fraction_rows(M):
    r"""
    Return the rows of the Sage matrix ``M`` as lists of :class:`Fraction`.
    """
    return [[Fraction(n, d) for n, d in _ratios(M.row(i))] for i in range(M.nrows())]


def _pivots(W, n, floats=None):
    r"""
    Return the indices of `n` linearly independent rows of the Sage matrix
    ``W`` (exactly), chosen greedily along a float Gram-Schmidt (on the rows
    ``floats`` if given), or ``None`` if there are none.
    """
    import numpy as _np
    if W.nrows() < n:
        return None
    if floats is None:
        floats = [[float(t) for t in r] for r in W.rows()]
    F = _np.array(floats, dtype=float).reshape(W.nrows(), n)
    with _np.errstate(all='ignore'):
        mx = _np.abs(F).max(axis=1)
        F = F / _np.where(mx > 0, mx, 1.0)[:, None]      # rows of max norm 1
    if not _np.isfinite(F).all():
        piv = W.pivot_rows()
        return list(piv) if len(piv) == n else None
    order = list(_np.argsort(-mx, kind='stable'))
    basis, piv = [], []
    for i in order:
        v = F[i].copy()
        nv = _np.abs(v).max()
        if nv == 0.0:
            continue
        for q in basis:
            v -= (v @ q) * q
        if _np.linalg.norm(v) > 1e-8 * _np.linalg.norm(F[i]):
            basis.append(v / _np.linalg.norm(v))
            piv.append(int(i))
            if len(piv) == n:
                break
    if len(piv) < n:
        piv = W.pivot_rows()         # exact, when floats cannot tell
        return list(piv) if len(piv) == n else None
    piv.sort()
    if _fraction_det(_fraction_rows(W.matrix_from_rows(piv))) == 0:
        piv = W.pivot_rows()
        return list(piv) if len(piv) == n else None
    return piv


def _fraction_det(M):
    r"""
    Return the determinant of a square matrix of fractions (Gaussian elimination).
    """
    M = [list(r) for r in M]
    n = len(M)
    det = Fraction(1)
    for c in range(n):
        p = next((r for r in range(c, n) if M[r][c] != 0), None)
        if p is None:
            return Fraction(0)
        if p != c:
            M[c], M[p] = M[p], M[c]
            det = -det
        det *= M[c][c]
        for r in range(c + 1, n):
            if M[r][c]:
                f = M[r][c] / M[c][c]
                M[r] = [a - f * b for a, b in zip(M[r], M[c])]
    return det


def _fraction_inverse_columns(M):
    r"""
    Return the columns of the inverse of an invertible square matrix of
    fractions (Gauss-Jordan).
    """
    n = len(M)
    A = [list(r) + [Fraction(int(i == j)) for j in range(n)] for i, r in enumerate(M)]
    for c in range(n):
        p = next(r for r in range(c, n) if A[r][c] != 0)
        A[c], A[p] = A[p], A[c]
        piv = A[c][c]
        A[c] = [a / piv for a in A[c]]
        for r in range(n):
            if r != c and A[r][c]:
                f = A[r][c]
                A[r] = [a - f * b for a, b in zip(A[r], A[c])]
    return [[A[i][n + j] for i in range(n)] for j in range(n)]


def _int_fractions(v):
    r"""
    Return a primitive integer vector on the ray of a vector of fractions.
    """
    den = 1
    for t in v:
        den = math.lcm(den, t.denominator)
    w = [int(t * den) for t in v]
    g = math.gcd(*w)
    return [t // g for t in w] if g > 1 else w



class NotPointedError(ValueError):
    r"""
    Raised when the cells of the first layer have a lineality space that the
    layer-wise subdivision cannot remove (maxout networks whose first layer
    compares fewer than `n` directions); the facet-crossing search handles
    such networks.

    EXAMPLES::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.regions.subdivide import subdivide
        sage: net = ReLUNetwork([([[1, 0], [0, 1]], [0, 0]), ([[1]], [0])],
        ....:                   hidden_activation=('maxout', 2))
        sage: subdivide(net)
        Traceback (most recent call last):
        ...
        NotPointedError: the cells of the first layer are not pointed
    """

def _domain_polyhedron(domain, n):
    r"""
    Return the counting domain as a Sage polyhedron over `\QQ` (``None``
    for all of `\RR^n`).
    """
    from sage.geometry.polyhedron.constructor import Polyhedron
    if domain is None:
        return None
    if hasattr(domain, 'inequalities_list'):
        if domain.ambient_dim() != n:
            raise ValueError("the domain lives in dimension %s, the network in %s"
                             % (domain.ambient_dim(), n))
        if domain.dim() < n:
            raise ValueError("the counting domain must be full-dimensional")
        return domain
    R = QQ(domain)
    if R <= 0:
        raise ValueError("the box half-width must be positive, got %s" % domain)
    ieqs = []
    for i in range(n):
        e = [0] * n
        e[i] = 1
        ieqs.append([R] + [-t for t in e])
        ieqs.append([R] + e)
    return Polyhedron(ieqs=ieqs, base_ring=QQ, backend='ppl')


def _cell_start(P, path, extra, n):
    r"""
    Return a start cell from the exact polyhedron ``P`` (full-dimensional,
    pointed): its generators in homogeneous coordinates with their tight
    path positions. ``path`` holds ``(exact row, desc)``.
    """
    gens = [[1] + list(v.vector()) for v in P.vertices()] + \
        [[0] + list(r.vector()) for r in P.rays()]
    return _generators_start(gens, path, extra)


def _generators_start(gens, path, extra):
    r"""
    Return a start cell with the homogeneous generators ``gens`` (exact) and
    the path rows ``path`` (see :func:`_cell_start`).
    """
    G, E, X, Z = [], [], [], []
    # primitive integer rows and generators: the tight sets by integer dot
    # products (a generator is tight on a row iff their integer forms are)
    rows = [_int_vector(r) for r, _ in path]
    for g in gens:
        w = _int_vector(g)
        f, e, x = _float_generator(w)
        G.append(f)
        E.append(e)
        X.append(x)
        Z.append([p for p, r in enumerate(rows) if not sum(a * b for a, b in zip(r, w))])
    fpath = []
    for r, (_, desc) in zip(rows, path):
        f, e, x = float_row(r)
        fpath.append((f, e, x, desc))
    return (G, E, X, Z, fpath, extra)


def _unit_rows(A, act, u, state):
    r"""
    Return the rows ``(row, desc)`` of unit ``u`` of the first layer in
    ``state``, or ``None`` if the state is not canonical.
    """
    if act.rows_per_unit == 1:
        r = A.row(u)
        if r[1:].is_zero():
            if r[0] == 0:
                return None if state else []
            return [] if (r[0] > 0) == bool(state) else None
        sign = 1 if state else -1
        return [(list(sign * r), (K_UNIT, 0, u, sign, 0))]
    k = act.k
    out = []
    win = A.row(u * k + state)
    for t in range(k):
        if t == state:
            continue
        diff = win - A.row(u * k + t)
        if diff.is_zero():
            if t < state:
                return None
            continue
        out.append((list(diff), (K_MAXOUT, 0, u, state, t)))
    return out


def start_cells(layers, domain, n, pivots=None):
    r"""
    Return ``(starts, domain_rows, extra)``: the start cells of the
    subdivision of ``domain`` (``None``, a box half-width or a
    polyhedron) for a network with these layers, the exact domain rows by
    index, and the number of path rows of the start cells.

    In `\RR^n` with a ReLU-type first layer of rank `n` the start cells are
    the `2^n` simplicial cones of `n` independent units, computed in closed
    form; a bounded (or pointed) domain is one start cell; otherwise the
    domain is cut exactly by units of the first layer until every piece is
    pointed.

    EXAMPLES::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.regions.subdivide import start_cells
        sage: net = ReLUNetwork([([[1, 0], [0, 1], [1, 1]], [0, 0, -1]), ([[1, 1, 1]], [0])])
        sage: starts, dom, extra = start_cells(net.layers(), None, 2)
        sage: len(starts), extra
        (4, 3)
        sage: starts, dom, extra = start_cells(net.layers(), 1, 2)
        sage: len(starts), len(starts[0][0]), extra
        (1, 4, 4)
    """
    W1, b1, act1 = layers[0]
    act1 = activation(act1)
    if domain is not None and not hasattr(domain, 'inequalities_list'):
        if QQ(domain) <= 0:
            raise ValueError("the box half-width must be positive, got %s" % domain)
        P = None
    else:
        P = _domain_polyhedron(domain, n)
    if domain is None and act1.rows_per_unit == 1 and not act1.is_linear and act1.alpha != 1:
        piv = pivots if pivots is not None else _pivots(W1, n)
        if piv is None:
            raise ValueError("the first layer has rank < %s: project first" % n)
        rows1 = _fraction_rows(W1.matrix_from_rows(piv))
        bias1 = [Fraction(nn, dd) for nn, dd in _ratios([b1[i] for i in piv])]
        Mh = [[Fraction(1)] + [Fraction(0)] * n] + [[bias1[k]] + rows1[k] for k in range(n)]
        cols = [_float_generator(_int_fractions(col)) for col in _fraction_inverse_columns(Mh)]
        rows = [_float_generator(_int_fractions(Mh[i + 1])) for i in range(n)]
        dom = {0: [1] + [0] * n}
        starts = []
        for signs in itertools.product((1, -1), repeat=n):
            G, E, X, Z = [], [], [], []
            for j in range(n + 1):
                f, e, x = cols[j]
                sg = 1 if j == 0 else signs[j - 1]
                G.append([sg * t for t in f])
                E.append(e)
                X.append(x)
                Z.append([p for p in range(n + 1) if p != j])
            path = [([1.0] + [0.0] * n, 0.0, 1, (K_INFINITY, -1, 0, 0, 0))]
            for i in range(n):
                f, e, x = rows[i]
                path.append(([signs[i] * t for t in f], e, x, (K_UNIT, 0, piv[i], signs[i], 0)))
            fixed = {piv[i]: (1 if signs[i] > 0 else 0) for i in range(n)}
            starts.append((G, E, X, Z, path, fixed))
        return starts, dom, n + 1
    if P is None and domain is not None and not hasattr(domain, 'inequalities_list'):
        # a box [-R, R]^n: its vertices are known, no polyhedron is built
        R = QQ(domain)
        dom, path = {}, []
        for i in range(n):
            for sg in (-1, 1):
                r = [R] + [sg if j == i else 0 for j in range(n)]
                dom[len(path)] = r
                path.append((r, (K_DOMAIN, -1, len(path), 0, 0)))
        gens = [[1] + [sg * R for sg in signs] for signs in itertools.product((1, -1), repeat=n)]
        return [_generators_start(gens, path, {})], dom, len(path)
    from sage.geometry.polyhedron.constructor import Polyhedron
    if P is None:
        P = Polyhedron(lines=[[int(i == j) for j in range(n)] for i in range(n)],
                       vertices=[[0] * n], base_ring=QQ, backend='ppl')
    ieqs = [list(r) for r in P.inequalities_list()]
    eqns = [list(r) for r in P.equations_list()]
    dom = {}
    path = []
    for i, r in enumerate(ieqs):
        dom[i] = r
        path.append((r, (K_DOMAIN, -1, i, 0, 0)))
    if not P.is_compact():
        dom[len(ieqs)] = [1] + [0] * n
        path.append(([1] + [0] * n, (K_INFINITY, -1, len(ieqs), 0, 0)))
    if P.n_lines() == 0:
        return [_cell_start(P, path, {}, n)], dom, len(path)
    # cut by units of the first layer until the pieces are pointed
    A = homogeneous_rows(W1, b1)
    lin = matrix(QQ, [l.vector() for l in P.lines()])
    normals = matrix(QQ, 0, lin.nrows())
    chosen = []
    for u in range(act1.units(W1.nrows())):
        rows = []
        for st in range(act1.number_of_states()):
            r = _unit_rows(A, act1, u, st)
            rows.extend(vector(QQ, x[1:]) for x, _ in (r or []))
        if not rows:
            continue
        M2 = normals.stack(matrix(QQ, [lin * r for r in rows]))
        if M2.rank() > normals.rank():
            normals, chosen = M2, chosen + [u]
        if normals.rank() == lin.nrows():
            break
    if normals.rank() < lin.nrows():
        raise NotPointedError("the cells of the first layer are not pointed")
    starts = []
    extra = len(path)
    for states in itertools.product(*[range(act1.number_of_states()) for _ in chosen]):
        cut = []
        ok = True
        for u, st in zip(chosen, states):
            r = _unit_rows(A, act1, u, st)
            if r is None:
                ok = False
                break
            cut.extend(r)
        if not ok:
            continue
        Q = Polyhedron(ieqs=ieqs + [r for r, _ in cut], eqns=eqns, base_ring=QQ, backend='ppl')
        if Q.dim() < n:
            continue
        starts.append(_cell_start(Q, path + cut, dict(zip(chosen, states)), n))
        extra = max(extra, len(path) + len(cut))
    return starts, dom, extra


def _projection(net):
    r"""
    Return ``(net', B)``: if the first layer of ``net`` has rank `r < n`,
    the network `x' \mapsto` ``net`` `(B x')` on `\RR^r` with `B` a basis
    of the row space of the first layer (every cell is the preimage of a
    cell of ``net'``); else ``(net, None)``.
    """
    W1 = net.layers()[0][0]
    r = W1.rank()
    if r == W1.ncols():
        return net, None
    B = W1.matrix_from_rows(W1.pivot_rows()).transpose()
    if r == 0:
        return net, B
    layers = net.layers()
    new = [(layers[0][0] * B, layers[0][1])] + [(W, b) for W, b, _ in layers[1:]]
    return ReLUNetwork(new, activations=[a for _, _, a in layers]), B


# ---------------------------------------------------------------------------
# pieces: independent parts of one search (for a parallel search)
# ---------------------------------------------------------------------------

class Piece(SageObject):
    r"""
    An independent part of the layer-wise subdivision: the cells whose units
    up to ``cutoff = (layer, unit)`` (excluded) have the states ``prefix``.

    Pieces are disjoint and cover the domain: the activation regions of a
    network are the disjoint union of those of its pieces. A piece is a
    small picklable value (the prefix of a pattern), so it can be sent to
    another process.

    EXAMPLES::

        sage: from sage_tropnet.network import random_network
        sage: from sage_tropnet.regions.subdivide import pieces, subdivide
        sage: net = random_network([2, 4, 4, 1], seed=1)
        sage: P = pieces(net); P[0]
        Piece of the cells with states ((1, 1, 1, 1), (1,)) before unit 1 of layer 1
        sage: sum(subdivide(net, piece=p).count for p in P) == subdivide(net).count
        True
    """

    def __init__(self, prefix, cutoff, zero_layer=-1):
        self.prefix = tuple(bytes(x) for x in prefix)
        self.cutoff = tuple(int(t) for t in cutoff)
        self.zero_layer = int(zero_layer)

    def __eq__(self, other):
        return isinstance(other, Piece) and (self.prefix, self.cutoff) == (other.prefix,
                                                                          other.cutoff)

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash((self.prefix, self.cutoff))

    def __reduce__(self):
        return (Piece, (self.prefix, self.cutoff, self.zero_layer))

    def states(self):
        r"""
        Return the fixed states as a dictionary ``{(layer, unit): state}``.

        EXAMPLES::

            sage: from sage_tropnet.regions.subdivide import Piece
            sage: Piece([b'\x01\x00', b''], (1, 0)).states()
            {(0, 0): 1, (0, 1): 0}
        """
        l0, u0 = self.cutoff
        out = {}
        for l, st in enumerate(self.prefix):
            if l > l0:
                break
            for u, x in enumerate(st):
                if l == l0 and u >= u0:
                    break
                out[(l, u)] = x
        return out

    def _repr_(self):
        l0, u0 = self.cutoff
        shown = [tuple(st) for st in self.prefix[:l0]]
        if l0 < len(self.prefix):
            shown.append(tuple(self.prefix[l0][:u0]))
        return "Piece of the cells with states %s before unit %s of layer %s" % (
            tuple(shown), u0, l0)


def pieces(net, domain=None, mode='exact', target=16, cutoff=None):
    r"""
    Return a partition of the subdivision of ``net`` into independent
    :class:`Piece` s (at least ``target`` of them when the first layers
    have that many cells), for a parallel search.

    INPUT:

    - ``net``, ``domain``, ``mode`` -- as for :func:`subdivide`
    - ``target`` -- integer (default: ``16``); the wanted number of pieces
    - ``cutoff`` -- optional ``(layer, unit)``; by default the end of the
      first layer, moved deeper until there are ``target`` pieces

    EXAMPLES::

        sage: from sage_tropnet.network import random_network
        sage: from sage_tropnet.regions.subdivide import pieces, subdivide
        sage: net = random_network([3, 6, 6, 1], seed=2)
        sage: P = pieces(net, target=30); len(P) >= 30
        True
        sage: sum(subdivide(net, piece=p).count for p in P)
        261
    """
    if not isinstance(net, ReLUNetwork):
        raise TypeError("pieces are defined for networks")
    layers = net.layers()
    units = [activation(a).units(W.nrows()) for W, b, a in layers]
    if cutoff is not None:
        return subdivide(net, domain=domain, mode=mode, cutoff=tuple(cutoff))
    positions = [(l, u) for l in range(1, len(layers)) for u in range(units[l])]
    W1 = layers[0][0]
    if activation(layers[0][2]).rows_per_unit == 1:
        # cuts inside the first layer, once its first units span the input space
        # (then every piece is pointed)
        n = W1.ncols()
        first = [(0, u) for u in range(n, units[0]) if W1.matrix_from_rows(range(u)).rank() == n]
        positions = first + positions if not positions else positions
    if not positions:
        raise ValueError("this network is not split into pieces (too few units)")
    for pos in positions:
        P = subdivide(net, domain=domain, mode=mode, cutoff=pos)
        if len(P) >= target:
            return P
    return P


def piece_start(layers, domain, n, piece):
    r"""
    Return the start cell of ``piece`` (computed exactly) as
    :func:`start_cells` does.

    EXAMPLES::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.regions.subdivide import Piece, piece_start
        sage: net = ReLUNetwork([([[1, 0], [0, 1]], [0, 0]), ([[1, 1]], [0])])
        sage: starts, dom, extra = piece_start(net.layers(), None, 2,
        ....:                                  Piece([b'\x01\x01', b''], (1, 0)))
        sage: len(starts), len(starts[0][0])
        (1, 3)
    """
    from sage.geometry.polyhedron.constructor import Polyhedron
    layers = [(W, b, activation(a)) for W, b, a in layers]
    rows_of = ExactRows(layers, {})
    states = list(piece.prefix) + [b''] * (len(layers) - len(piece.prefix))
    P = _domain_polyhedron(domain, n)
    path, dom = [], {}
    if P is not None:
        for i, r in enumerate(P.inequalities_list()):
            dom[i] = list(r)
            path.append((list(r), (K_DOMAIN, -1, i, 0, 0)))
    if P is None or not P.is_compact():
        k = len(dom)
        dom[k] = [1] + [0] * n
        path.append(([1] + [0] * n, (K_INFINITY, -1, k, 0, 0)))
    rows_of.domain = dom
    fixed = piece.states()
    l0, u0 = piece.cutoff
    for l, (W, b, act) in enumerate(layers):
        if l > l0 or act.is_linear:
            continue
        A = rows_of.pre(l, states)
        st = tuple(states[l])
        res = act.cell_rows(A, st)
        if res is None:
            raise ValueError("the prefix of %s is not canonical" % (piece,))
        for row, (u, other) in res[0]:
            if l == l0 and u >= u0:
                continue
            if act.rows_per_unit == 1:
                desc = (K_UNIT, l, u, 1 if st[u] else -1, 0)
            else:
                desc = (K_MAXOUT, l, u, st[u], other)
            path.append((list(row), desc))
    ieqs = [r for r, _ in path]
    Q = Polyhedron(ieqs=ieqs, base_ring=QQ, backend='ppl', ambient_dim=n)
    if Q.dim() < n:
        return [], dom, len(path)
    if Q.n_lines():
        raise NotPointedError("the cells of the piece are not pointed")
    start = _cell_start(Q, path, fixed, n) + (piece.zero_layer,)
    return [start], dom, len(path)


# ---------------------------------------------------------------------------
# the result
# ---------------------------------------------------------------------------

class Subdivision(SageObject):
    r"""
    The result of :func:`subdivide`.

    Attributes: ``count`` (activation regions), ``linear_count`` (linear
    regions, with ``glue=True``), ``mode``, ``seconds``, ``stats`` (splits,
    exact fallbacks, refreshes); with ``record=True`` also ``keys`` (the
    patterns, one tuple per layer), ``points`` (float interior points),
    ``edges`` (pairs of indices of facet-adjacent cells) and ``glued``
    (the pairs with the same affine map).

    EXAMPLES::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.regions.subdivide import subdivide
        sage: T4 = ReLUNetwork([([[1, 0], [0, 1], [1, 1]], [0, 0, -1]),
        ....:                   ([[1, -1, 1], [-1, 1, 1]], [0, 1/2]), ([[1, -2]], [0])])
        sage: S = subdivide(T4, glue=True, record=True); S.count, S.linear_count
        (12, 12)
        sage: len(S.keys), len(S.edges)
        (12, 17)
    """

    def __init__(self, **data):
        self.__dict__.update(data)

    def _repr_(self):
        dom = "R^%s" % self.n if self.domain is None else "the domain"
        s = "Subdivision of %s into %s activation regions" % (dom, self.count)
        if self.linear_count is not None:
            s += " and %s linear regions" % self.linear_count
        return s + " (%s)" % self.mode


def _flip(pattern, pos, nstates=2):
    b = bytearray(pattern)
    b[pos] = 1 - b[pos]
    return bytes(b)


def subdivide(net, domain=None, mode='exact', output=0, glue=False, record=False,
              progress=None, piece=None, cutoff=None, glue_pairs=False):
    r"""
    Return the activation regions (and with ``glue`` the linear regions) of a
    network by layer-wise subdivision.

    INPUT:

    - ``net`` -- a :class:`~sage_tropnet.network.ReLUNetwork`
    - ``domain`` -- ``None`` (all of `\RR^n`, default), a positive number `R`
      (the box `[-R, R]^n`) or a full-dimensional Sage polyhedron
    - ``mode`` -- ``'exact'`` (default: certified signs, exact fallback) or
      ``'float'`` (double precision with a relative tolerance)
    - ``output`` -- integer (default: ``0``) or ``None`` (all outputs): the
      output whose affine map labels the cells, for the linear regions
    - ``glue`` -- boolean (default: ``False``); also count the linear regions
    - ``record`` -- boolean (default: ``False``); keep the cells (patterns,
      interior points, adjacency); without it nothing per cell is kept
      (bounded memory)
    - ``progress`` -- a callable receiving the number of cells so far, or
      ``None``
    - ``cutoff`` -- optional ``(layer, unit)``: stop the search there and
      return the pieces reached (see :func:`pieces`)
    - ``piece`` -- optional :class:`Piece`: subdivide only the cells of this
      piece (see :func:`pieces`)
    - ``glue_pairs`` -- boolean (default: ``False``); with ``glue``, also
      return the pairs of cells glued (``Subdivision.glue_pairs``), to merge
      the linear regions of several pieces

    OUTPUT: a :class:`Subdivision`

    EXAMPLES::

        sage: from sage_tropnet.network import ReLUNetwork, random_network
        sage: from sage_tropnet.regions.subdivide import subdivide
        sage: serra = ReLUNetwork([([[1], [-1]], [0, 1]), ([[4, 2]], [-3])],
        ....:                     output_activation='relu')
        sage: S = subdivide(serra, glue=True); S.count, S.linear_count
        (5, 4)
        sage: subdivide(random_network([4, 8, 8, 1], seed=1)).count
        2642

    A first layer of rank one in the plane::

        sage: subdivide(ReLUNetwork([([[1, 1], [2, 2]], [0, -1]), ([[1, 1]], [0])])).count
        3

    ALGORITHM: see the module documentation.
    """
    if not isinstance(net, ReLUNetwork):
        raise TypeError("the layer-wise subdivision needs a network, not %s" % type(net).__name__)
    if mode not in ('exact', 'float'):
        raise ValueError("mode must be 'exact' or 'float', got %r" % (mode,))
    if output is not None and not 0 <= output < net.output_dimension():
        raise ValueError("output %s out of range: the network has %s outputs"
                         % (output, net.output_dimension()))
    t0 = time.perf_counter()
    n = net.input_dimension()
    B = None
    work = net
    piv = None
    if domain is None:
        cache = getattr(net, '_cache', {})
        if 'pivots' not in cache:
            W1 = net.layers()[0][0]
            cache['pivots'] = _pivots(W1, n, kernel_layers(net)[0]['W'])
        piv = cache['pivots']
        if piv is None:
            work, B = _projection(net)
    nw = work.input_dimension() if B is None else B.ncols()
    if nw == 0:
        # a first layer without rank: the network is constant
        key = ActivationOracle(net, output).key_at([0] * n)
        return Subdivision(n=n, domain=domain, mode=mode, count=1, linear_count=1 if glue else None,
                           keys=[key] if record else None,
                           points=np.zeros((1, n)) if record else None,
                           edges=set() if record else None, glued=set() if record else None,
                           seconds=time.perf_counter() - t0, projection=B, network=net,
                           stats=dict(splits=0, fallbacks=0, refreshes=0, events=0))
    layers = [(W, b, activation(a)) for W, b, a in work.layers()]
    if piece is not None:
        starts, dom, extra = piece_start(layers, domain, nw, piece)
    else:
        starts, dom, extra = start_cells(layers, domain, nw, pivots=piv if B is None else None)
    fallback = ExactRows(layers, dom) if mode == 'exact' else None
    K = Subdivider(nw, kernel_layers(work), exact=(mode == 'exact'), output=-1 if output is None
                   else int(output), record=record, glue=glue, fallback=fallback,
                   progress=progress, extra_rows=extra, cutoff=cutoff)
    K.run(starts)
    if cutoff is not None:
        return [Piece(tuple(bytes(x) for x in st), tuple(cutoff), zl) for st, zl in K.pieces]
    oracle = None
    nunits = [act.units(W.nrows()) for W, b, act in layers]
    offsets = [0]
    for u in nunits:
        offsets.append(offsets[-1] + u)
    width = offsets[-1]

    def key_of(pat):
        return tuple(tuple(pat[offsets[i]:offsets[i + 1]]) for i in range(len(nunits)))

    keys = points = edges = glued = None
    linear = None
    if record:
        pats = bytes(K.patterns)
        keys = [key_of(pats[i * width:(i + 1) * width]) for i in range(K.leaves)]
        pts = np.array(K.points, dtype=float).reshape(K.leaves, nw)
        if B is not None:
            Bf = np.array([[float(t) for t in r] for r in B.rows()]).reshape(n, nw)
            pts = pts @ Bf.T
        points = pts
    pairs = [] if glue_pairs else None
    if glue or record:
        uf = UnionFind()
        index = {k: i for i, k in enumerate(keys)} if record else None
        merges = 0
        edges = set() if record else None
        glued = set() if record else None
        pats = bytes(K.patterns) if record else None

        def pattern_of(leaf):
            return pats[leaf * width:(leaf + 1) * width]

        if record:
            for leaf, pos in K.facet_edges:
                p = pattern_of(leaf)
                q = _flip(p, pos)
                j = index.get(key_of(q))
                if j is not None:
                    edges.add((min(leaf, j), max(leaf, j)))
        for p, pos in K.glue_edges:
            q = _flip(p, pos)
            a, b = key_of(p), key_of(q)
            if record:
                i, j = index.get(a), index.get(b)
                if i is not None and j is not None:
                    glued.add((min(i, j), max(i, j)))
            if uf.union(a, b):
                merges += 1
            if pairs is not None:
                pairs.append((a, b))
        if K.complex_events:
            oracle = ActivationOracle(work, output)
            rows_of = ExactRows(layers, dom)
            for leaf, states, owners, (fpt, fout) in K.complex_events:
                a = tuple(tuple(s) for s in states)
                nb, same = _resolve(oracle, rows_of, a, states, owners, fpt, fout, mode)
                if nb is None:
                    continue
                if record:
                    j = index.get(nb)
                    i = index.get(a)
                    if i is not None and j is not None:
                        edges.add((min(i, j), max(i, j)))
                        if same:
                            glued.add((min(i, j), max(i, j)))
                if same and uf.union(a, nb):
                    merges += 1
                if same and pairs is not None:
                    pairs.append((a, nb))
        if glue:
            linear = K.leaves - merges
    return Subdivision(n=n, domain=domain, mode=mode, count=K.leaves, linear_count=linear,
                       keys=keys, points=points, edges=edges, glued=glued, glue_pairs=pairs,
                       seconds=time.perf_counter() - t0, projection=B, network=work,
                       stats=dict(splits=K.splits, fallbacks=K.fallbacks,
                                  refreshes=K.refreshes, events=len(K.complex_events)))


def _resolve(oracle, rows_of, key, states, owners, fpt, fout, mode):
    r"""
    Return ``(neighbour, same affine map)`` across a facet the kernel did
    not settle (``(None, False)`` if the facet is on the boundary).
    """
    if mode == 'float':
        y = np.asarray(fpt, dtype=float)
        d = np.asarray(fout, dtype=float)
        nb = oracle.float_key_at(y, d)
        if nb is None:
            nb = oracle.float_key_at(y + 1e-7 * (1 + np.abs(y).max()) * d / np.linalg.norm(d))
        if nb is None or nb == key:
            return None, False
        return nb, oracle.float_label(nb) == oracle.float_label(key)
    row = primitive_row(rows_of.row(owners[0], [bytes(s) for s in states]))
    nb = oracle.neighbour(key, row)
    if nb is None:
        y = _exact_facet_point(oracle, key, row, fpt)
        nb = oracle.key_at(y, [-t for t in row[1:]])
        if nb is None or nb == key:
            return None, False
    return nb, oracle.label(nb) == oracle.label(key)


def _exact_facet_point(oracle, key, row, fpt):
    r"""
    Return an exact point in the relative interior of the facet ``row`` of
    the cell ``key`` (the float point projected onto the hyperplane if that
    works, else from PPL).

    The projection and the test are done in integers: the float point is
    `Y / D` with `D` a power of two, its projection `(n_2 Y - s a) / (D
    n_2)` with `s = c D + a \cdot Y` and `n_2 = a \cdot a`.
    """
    from sage.geometry.polyhedron.constructor import Polyhedron
    rows = oracle.ieqs(key)
    c, a = int(row[0]), [int(t) for t in row[1:]]
    ratios = [float(t).as_integer_ratio() for t in fpt]
    D = max(q for _, q in ratios)                      # powers of two: the lcm
    Y = [p * (D // q) for p, q in ratios]
    s = c * D + sum(ai * yi for ai, yi in zip(a, Y))
    n2 = sum(ai * ai for ai in a)
    Yp = [n2 * yi - s * ai for yi, ai in zip(Y, a)]
    Dp = D * n2
    ok = True
    for r in rows:
        if any(type(t) is not int for t in r):
            r = primitive_row(r)
        if r[0] * Dp + sum(ri * yi for ri, yi in zip(r[1:], Yp)) > 0:
            continue
        if primitive_row(r) == tuple(row):
            continue
        ok = False
        break
    if ok:
        return vector(QQ, [QQ(yi) / Dp for yi in Yp])
    rows = [primitive_row(r) for r in rows]
    others = [list(r) for r in rows if r != tuple(row)]
    F = Polyhedron(ieqs=others, eqns=[list(row)], base_ring=QQ, backend='ppl')
    return F.representative_point()
