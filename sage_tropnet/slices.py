r"""
Slices through the input space: planes and lines through data, local complexity

Researchers look at a network on low-dimensional slices of its input space:
planes through three data points (SplineCam, regioncam), lines through two
(Hanin–Rolnick), small balls around each data point (local complexity). A
:class:`Slice` is an affine map `t \mapsto o + D t` from `\RR^k` into the
input space; the network restricted to it
(:meth:`~sage_tropnet.network.ReLUNetwork.restrict`) is again an exact
network, so the whole region engine applies to it unchanged.

- :func:`plane_through`, :func:`line_through` -- slices through data points;
- :func:`slice_regions` -- exact linear and activation region counts in a
  slice (in a box of slice coordinates);
- :func:`local_complexity` -- the number of regions meeting the
  `\ell_\infty` ball of radius `r` around each of many points, exactly (or
  in floating point).

EXAMPLES::

    sage: from sage_tropnet.network import random_network
    sage: from sage_tropnet.slices import plane_through, slice_regions
    sage: net = random_network([5, 8, 8, 3], seed=1)
    sage: S = plane_through([1, 0, 0, 0, 0], [0, 1, 0, 0, 0], [0, 0, 1, 0, 0]); S
    Plane through (1, 0, 0, 0, 0) in R^5
    sage: S.coordinates([0, 1, 0, 0, 0])
    (1, 0)
    sage: r = S.restrict(net); r
    ReLU network [2, 8, 8, 3] (output activation: linear)
    sage: r([1/2, 1/3]) == net(S([1/2, 1/3]))
    True
    sage: slice_regions(net, S, box=2, output=None)
    {'activation_regions': 132,
     'box': 2,
     'dimension': 2,
     'linear_regions': 132,
     'mode': 'exact'}

Local complexity around data points::

    sage: from sage_tropnet.slices import local_complexity
    sage: net = random_network([2, 8, 8, 1], seed=2)
    sage: local_complexity(net, [[0, 0], [1, 1], [5, 5]], 1/2)
    [32, 12, 1]

AUTHORS:

- sage_tropnet developers (2026-12): initial version

REFERENCES:

- [HR2019]_
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

import os

from sage.structure.sage_object import SageObject
from sage.rings.rational_field import QQ
from sage.matrix.constructor import matrix
from sage.modules.free_module_element import vector

from sage_tropnet.rational import to_rational
from sage_tropnet.network import ReLUNetwork
from sage_tropnet.regions import count_linear_regions, count_activation_regions

#: the largest dimension of a ball (or slice box) counted by :func:`local_complexity`:
#: the box alone has `2^k` vertices
MAX_BALL_DIMENSION = 12

#: the kinds of regions
KINDS = ('linear', 'activation', 'both')


def _point(p, what="point"):
    try:
        return vector(QQ, [to_rational(a) for a in p])
    except (TypeError, ValueError) as err:
        raise ValueError("%s: not a finite numeric vector (%s)" % (what, err))


class Slice(SageObject):
    r"""
    An affine slice `t \mapsto o + D t` of the input space `\RR^n`, with
    `t \in \RR^k`.

    INPUT:

    - ``origin`` -- the point `o` (exact; floats are taken as their binary
      values)
    - ``directions`` -- `k` linearly independent vectors (the columns of `D`)
    - ``points`` -- optional list of data points lying on the slice (kept
      for pictures; see :meth:`coordinates`)
    - ``labels`` -- optional list of their labels

    EXAMPLES::

        sage: from sage_tropnet.slices import Slice
        sage: S = Slice([1, 1, 1], [[1, 0, 0], [0, 1, -1]]); S
        Plane through (1, 1, 1) in R^3
        sage: S([2, 3])
        (3, 4, -2)
        sage: S.coordinates([3, 4, -2])
        (2, 3)
        sage: S.dimension(), S.ambient_dimension()
        (2, 3)
        sage: TestSuite(S).run()
    """

    def __init__(self, origin, directions, points=None, labels=None):
        self.origin = _point(origin, "origin")
        dirs = [_point(d, "direction %s" % i) for i, d in enumerate(directions)]
        if not dirs:
            raise ValueError("a slice needs at least one direction")
        n = len(self.origin)
        for i, d in enumerate(dirs):
            if len(d) != n:
                raise ValueError("direction %s has %s coordinates, the origin %s"
                                 % (i, len(d), n))
        D = matrix(QQ, dirs)
        if D.rank() < len(dirs):
            raise ValueError("the directions of a slice must be linearly independent "
                             "(are the points distinct and not collinear?)")
        self.directions = tuple(dirs)
        self.points = None if points is None else [_point(p) for p in points]
        self.labels = None if labels is None else [str(a) for a in labels]

    def _repr_(self):
        k = len(self.directions)
        kind = {1: "Line", 2: "Plane"}.get(k, "%s-dimensional slice" % k)
        return "%s through %s in R^%s" % (kind, self.origin, len(self.origin))

    def __eq__(self, other):
        return (isinstance(other, Slice) and self.origin == other.origin
                and self.directions == other.directions)

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash((tuple(self.origin), tuple(tuple(d) for d in self.directions)))

    def __reduce__(self):
        return (Slice, (self.origin, self.directions, self.points, self.labels))

    def dimension(self):
        r"""
        Return `k`, the dimension of the slice.

        EXAMPLES::

            sage: from sage_tropnet.slices import line_through
            sage: line_through([0, 0], [1, 2]).dimension()
            1
        """
        return len(self.directions)

    def ambient_dimension(self):
        r"""
        Return `n`, the dimension of the input space.

        EXAMPLES::

            sage: from sage_tropnet.slices import line_through
            sage: line_through([0, 0], [1, 2]).ambient_dimension()
            2
        """
        return len(self.origin)

    def matrix(self):
        r"""
        Return the matrix `D` (`n \times k`, the directions as columns).

        EXAMPLES::

            sage: from sage_tropnet.slices import line_through
            sage: line_through([0, 0], [1, 2]).matrix()
            [1]
            [2]
        """
        return matrix(QQ, self.directions).transpose()

    def __call__(self, t):
        r"""
        Return the point `o + D t` of the input space.

        EXAMPLES::

            sage: from sage_tropnet.slices import line_through
            sage: line_through([0, 0], [1, 2])([1/2])
            (1/2, 1)
        """
        t = _point(t, "slice coordinates")
        if len(t) != self.dimension():
            raise ValueError("expected %s slice coordinates, got %s" % (self.dimension(), len(t)))
        return self.origin + self.matrix() * t

    def coordinates(self, x):
        r"""
        Return the slice coordinates `t` of the orthogonal projection of the
        point ``x`` onto the slice (exact least squares; `x = o + D t` when
        ``x`` lies on the slice).

        EXAMPLES::

            sage: from sage_tropnet.slices import line_through
            sage: L = line_through([0, 0], [2, 0])
            sage: L.coordinates([1, 5])
            (1/2)
        """
        D = self.matrix()
        G = D.transpose() * D
        return G.solve_right(D.transpose() * (_point(x) - self.origin))

    def restrict(self, net):
        r"""
        Return the network restricted to the slice (see
        :meth:`~sage_tropnet.network.ReLUNetwork.restrict`).

        EXAMPLES::

            sage: from sage_tropnet.network import ReLUNetwork
            sage: from sage_tropnet.slices import line_through
            sage: net = ReLUNetwork([([[1, -1]], [0]), ([[1]], [0])])
            sage: line_through([0, 0], [1, 1]).restrict(net).layers()[0]
            ([0], (0), ('relu',))
        """
        if not isinstance(net, ReLUNetwork):
            raise TypeError("expected a ReLUNetwork, got %s" % type(net).__name__)
        if net.input_dimension() != self.ambient_dimension():
            raise ValueError("the slice lives in R^%s, the network has %s inputs"
                             % (self.ambient_dimension(), net.input_dimension()))
        return net.restrict(self.origin, self.directions)

    def to_dict(self):
        r"""
        Return the slice as a dictionary of JSON values (exact rationals as
        strings ``"p/q"``).

        EXAMPLES::

            sage: from sage_tropnet.slices import Slice, line_through
            sage: d = line_through([0, 1/2], [1, 1]).to_dict(); d
            {'directions': [['1', '1/2']], 'origin': ['0', '1/2']}
            sage: Slice.from_dict(d) == line_through([0, 1/2], [1, 1])
            True
        """
        return {"origin": [str(a) for a in self.origin],
                "directions": [[str(a) for a in d] for d in self.directions]}

    @staticmethod
    def from_dict(data):
        r"""
        Return the slice described by a dictionary of :meth:`to_dict`.

        EXAMPLES::

            sage: from sage_tropnet.slices import Slice
            sage: Slice.from_dict({"origin": [0, 0], "directions": [[1, 0], [0, 1]]})
            Plane through (0, 0) in R^2
        """
        return Slice([QQ(a) for a in data["origin"]],
                     [[QQ(a) for a in d] for d in data["directions"]])


def read_points(spec, what="point"):
    r"""
    Return the points named by ``spec``: a ``.npy`` file (a vector, or one
    point per row) or comma-separated numbers, as lists of exact rationals.

    EXAMPLES::

        sage: import numpy as np
        sage: from sage_tropnet.slices import read_points
        sage: read_points("1/2, 3, -1")
        [[1/2, 3, -1]]
        sage: f = tmp_filename(ext=".npy"); np.save(f, np.array([[0.5, 1.0], [2.0, 0.0]]))
        sage: read_points(f)
        [[1/2, 1], [2, 0]]
        sage: read_points("1,x")
        Traceback (most recent call last):
        ...
        ValueError: point '1,x': not a .npy file nor comma-separated numbers
    """
    if str(spec).lower().endswith(".npy"):
        import numpy as np
        if not os.path.exists(spec):
            raise OSError("%s: no such file" % spec)
        try:
            A = np.load(spec, allow_pickle=False)
        except ValueError as err:
            raise ValueError("%s: not a numeric .npy file (%s)" % (spec, err))
        if A.dtype.kind not in "iuf" or A.ndim not in (1, 2) or A.size == 0:
            raise ValueError("%s: expected a non-empty numeric vector or matrix, got %s of "
                             "shape %s" % (spec, A.dtype, A.shape))
        if not np.all(np.isfinite(A)):
            raise ValueError("%s: the %s has non-finite entries" % (spec, what))
        rows = A[None] if A.ndim == 1 else A
        return [[to_rational(float(a)) for a in r] for r in rows]
    try:
        return [[QQ(a.strip()) for a in str(spec).split(",")]]
    except (TypeError, ValueError, ArithmeticError):
        raise ValueError("%s %r: not a .npy file nor comma-separated numbers" % (what, spec))


def line_through(p0, p1, labels=None):
    r"""
    Return the line through the points ``p0`` (at `t = 0`) and ``p1`` (at
    `t = 1`).

    EXAMPLES::

        sage: from sage_tropnet.slices import line_through
        sage: L = line_through([1, 2], [3, 2]); L
        Line through (1, 2) in R^2
        sage: L([0]), L([1])
        ((1, 2), (3, 2))
    """
    p0, p1 = _point(p0), _point(p1)
    return Slice(p0, [p1 - p0], points=[p0, p1], labels=labels)


def plane_through(p0, p1, p2, labels=None, centered=False):
    r"""
    Return the plane through three points: ``p0``, ``p1``, ``p2`` at slice
    coordinates `(0, 0)`, `(1, 0)`, `(0, 1)` (the directions are
    `p_1 - p_0`, `p_2 - p_0`).

    INPUT:

    - ``p0``, ``p1``, ``p2`` -- points of the input space, not collinear
    - ``labels`` -- optional labels of the three points (for pictures)
    - ``centered`` -- boolean (default: ``False``); put the origin at the
      centroid of the three points (they are then at `(-1/3, -1/3)`,
      `(2/3, -1/3)`, `(-1/3, 2/3)`)

    EXAMPLES::

        sage: from sage_tropnet.slices import plane_through
        sage: P = plane_through([0, 0, 0], [1, 0, 0], [0, 1, 1]); P
        Plane through (0, 0, 0) in R^3
        sage: [P.coordinates(p) for p in P.points]
        [(0, 0), (1, 0), (0, 1)]
        sage: plane_through([0, 0, 0], [1, 0, 0], [0, 1, 1], centered=True).origin
        (1/3, 1/3, 1/3)
        sage: plane_through([0, 0], [1, 1], [2, 2])
        Traceback (most recent call last):
        ...
        ValueError: the directions of a slice must be linearly independent (are the points
        distinct and not collinear?)
    """
    p0, p1, p2 = _point(p0), _point(p1), _point(p2)
    o = (p0 + p1 + p2) / 3 if centered else p0
    return Slice(o, [p1 - p0, p2 - p0], points=[p0, p1, p2], labels=labels)


def _box(box, k):
    if box is None or hasattr(box, 'inequalities_list'):
        return box
    R = QQ(to_rational(box))
    if R <= 0:
        raise ValueError("the box half-width must be positive, got %s" % R)
    return R


def slice_regions(net, slice, box=None, output=0, mode='exact', kinds='both'):
    r"""
    Return the numbers of linear and activation regions of ``net`` in a
    slice.

    INPUT:

    - ``net`` -- a :class:`~sage_tropnet.network.ReLUNetwork`
    - ``slice`` -- a :class:`Slice` (or ``None``: the whole input space)
    - ``box`` -- ``None`` (the whole slice), a positive half-width `R` (the
      box `[-R, R]^k` of slice coordinates) or a Sage polyhedron in slice
      coordinates
    - ``output`` -- integer (default: ``0``) or ``None`` (all outputs): the
      output whose linear regions are counted
    - ``mode`` -- ``'exact'`` (default) or ``'float'``
    - ``kinds`` -- ``'both'`` (default), ``'linear'`` or ``'activation'``

    OUTPUT: a dictionary with the keys ``linear_regions`` and/or
    ``activation_regions``, and ``dimension``, ``box``, ``mode``

    EXAMPLES::

        sage: from sage_tropnet.network import random_network
        sage: from sage_tropnet.slices import line_through, slice_regions
        sage: net = random_network([3, 6, 6, 1], seed=3)
        sage: slice_regions(net, line_through([0, 0, 0], [1, 1, 1]))
        {'activation_regions': 11,
         'box': None,
         'dimension': 1,
         'linear_regions': 11,
         'mode': 'exact'}
        sage: slice_regions(net, None, box=1, kinds='activation')
        {'activation_regions': 79, 'box': 1, 'dimension': 3, 'mode': 'exact'}
    """
    if kinds not in KINDS:
        raise ValueError("kinds must be one of %s, got %r" % (KINDS, kinds))
    r = net if slice is None else slice.restrict(net)
    k = r.input_dimension()
    box = _box(box, k)
    out = {"dimension": int(k), "box": box, "mode": mode}
    if kinds in ('linear', 'both'):
        out["linear_regions"] = int(count_linear_regions(r, box=box, output=output,
                                                         mode=mode, progress=False))
    if kinds in ('activation', 'both'):
        out["activation_regions"] = int(count_activation_regions(r, box=box, mode=mode,
                                                                 progress=False))
    return dict(sorted(out.items()))


def local_complexity(net, points, radius, kind='linear', output=0, mode='exact',
                     directions=None, progress=False):
    r"""
    Return the number of regions meeting the `\ell_\infty` ball of radius
    ``radius`` around each point (the *local complexity* of the network at
    the data).

    The ball `x_0 + [-r, r]^n` is the image of the box `[-1, 1]^n` under
    `y \mapsto x_0 + r y`; the network restricted to it is counted in that
    box by the region engine, exactly (the pieces of the regions inside the
    ball: a region meeting the ball in two components counts twice).

    INPUT:

    - ``net`` -- a :class:`~sage_tropnet.network.ReLUNetwork`
    - ``points`` -- a list of points of the input space (or a 2-D NumPy
      array, one point per row; floats are taken as their binary values)
    - ``radius`` -- a positive number `r`
    - ``kind`` -- ``'linear'`` (default: linear regions of ``output``),
      ``'activation'`` (activation regions) or ``'both'`` (pairs)
    - ``output`` -- integer (default: ``0``) or ``None`` (all outputs)
    - ``mode`` -- ``'exact'`` (default) or ``'float'``
    - ``directions`` -- optional list of `k` vectors: count in the
      `k`-dimensional ball `x_0 + r D [-1, 1]^k` of the slice through each
      point spanned by them (for high-dimensional inputs, where the full ball
      is out of reach: its box has `2^n` vertices; at most
      :data:`MAX_BALL_DIMENSION` dimensions)
    - ``progress`` -- boolean (default: ``False``); a progress bar over the
      points

    OUTPUT: a list of integers (pairs ``(linear, activation)`` for
    ``kind='both'``), one per point

    EXAMPLES::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.slices import local_complexity
        sage: net = ReLUNetwork([([[1, 0], [0, 1], [-1, -1]], [0, 0, 0]),
        ....:                    ([[1, 1, 1]], [0])])
        sage: local_complexity(net, [[0, 0], [1, 1], [1, 0]], 1/2)
        [6, 1, 2]
        sage: local_complexity(net, [[0, 0]], 1/2, kind='both', mode='float')
        [(6, 6)]

    In 784 dimensions, on a random plane through each point::

        sage: import numpy as np
        sage: from sage_tropnet.network import random_network
        sage: big = random_network([784, 16, 10], seed=0)
        sage: X = np.random.default_rng(int(0)).normal(size=(3, 784))
        sage: D = np.random.default_rng(int(1)).normal(size=(2, 784))
        sage: local_complexity(big, X, 1/10, directions=D, output=None)
        [4, 6, 8]

    TESTS::

        sage: local_complexity(big, X, 1/10)
        Traceback (most recent call last):
        ...
        ValueError: an exact count in a ball of dimension 784 is out of reach (its box has
        2^784 vertices): pass directions= (a slice through each point, at most 12 of them)
    """
    if kind not in KINDS:
        raise ValueError("kind must be one of %s, got %r" % (KINDS, kind))
    r = to_rational(radius)
    if r <= 0:
        raise ValueError("the radius must be positive, got %s" % r)
    n = net.input_dimension()
    if directions is None:
        dirs = [[r if i == j else 0 for j in range(n)] for i in range(n)]
    else:
        dirs = [[r * to_rational(a) for a in d] for d in directions]
    k = len(dirs)
    if k > MAX_BALL_DIMENSION:
        raise ValueError("an exact count in a ball of dimension %s is out of reach (its box "
                         "has 2^%s vertices): pass directions= (a slice through each point, "
                         "at most %s of them)" % (k, k, MAX_BALL_DIMENSION))
    from tqdm.auto import tqdm
    from sage_tropnet.misc.formatting import PROGRESS_DELAY
    out = []
    for x in tqdm(list(points), delay=PROGRESS_DELAY, desc="local complexity", unit=" points",
                  disable=not progress):
        x = _point(x)
        if len(x) != n:
            raise ValueError("a point has %s coordinates, the network has %s inputs"
                             % (len(x), n))
        rn = net.restrict(x, dirs)
        lin = act = None
        if kind in ('linear', 'both'):
            lin = int(count_linear_regions(rn, box=1, output=output, mode=mode,
                                           progress=False))
        if kind in ('activation', 'both'):
            act = int(count_activation_regions(rn, box=1, mode=mode, progress=False))
        out.append(lin if kind == 'linear' else act if kind == 'activation' else (lin, act))
    return out
