r"""
Plots of linear regions, dual subdivisions and tropical curves

All functions return Sage graphics objects: ``Graphics`` in dimension 1 and
2, ``Graphics3d`` for three variables, and a ``GraphicsArray`` for the linked
picture :func:`plot_duality`. They can be combined with ``+``, shown with
``.show()`` and saved with ``.save('file.png')``; extra keyword arguments go
to the graphics primitives, and display options (``title``, ``figsize``,
``axes_labels``, ...) given to ``show``/``save`` override the defaults.

Conventions shared by all pictures of one object, so that pictures drawn
together line up and match:

- **one window**: without ``box``, every 2-D (and 3-D) picture of an object
  is clipped to the same square `[-R, R]^n` with `R` =
  :func:`default_box` of the object: all vertices of the bounded cells are
  visible, and the vertices of unbounded cells that are not far beyond them
  (all vertices, if no cell is bounded), with a margin, rounded to a
  readable number. Pass the same ``box`` to draw several objects in
  one window;
- **one colour per monomial**: the region of the `i`-th monomial of a
  tropical polynomial (in the order of ``p.merged().terms()``) and the
  vertex `e_i` of its dual subdivision get the same colour and, with
  ``labels=True``, the same label `i`; for networks and rational maps every
  linear region gets its own colour. Colours are distinct hues taken by a
  golden-ratio walk on the hue circle;
- **legible defaults**: a title, axis labels `x_1, x_2` (`x, y` for a
  polynomial in `x, y`), a frame with at most five ticks per axis, and the
  tropical curve drawn on top of the regions.

EXAMPLES::

    sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
    sage: from sage_tropnet.plot import (plot_linear_regions, plot_dual_subdivision,
    ....:     plot_tropical_hypersurface, plot_duality, default_box)
    sage: p = TP({(0, 0): 3, (1, 0): 2, (0, 1): 2, (1, 1): 3, (2, 0): 0, (0, 2): 0})
    sage: default_box(p)
    5/2
    sage: G = plot_linear_regions(p) + plot_tropical_hypersurface(p); G                 # needs sage.plot
    Graphics object consisting of 15 graphics primitives
    sage: plot_duality(p)                                                           # needs sage.plot
    Graphics Array of size 1 x 2

.. PLOT::

    from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
    from sage_tropnet.plot import plot_duality
    p = TP({(0, 0): 3, (1, 0): 2, (0, 1): 2, (1, 1): 3, (2, 0): 0, (0, 2): 0})
    sphinx_plot(plot_duality(p), figsize=[8, 4])

AUTHORS:

- sage_tropnet developers (2026-11): initial version; (2026-12) one window
  and one colour per monomial for all pictures of an object, titles and
  labels, linked pictures, three variables
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

import math

from sage.rings.rational_field import QQ
from sage.rings.integer_ring import ZZ

from sage_tropnet.misc.inputs import input_dimension
from sage_tropnet.misc.polyhedra import polyhedron, box_inequalities

#: golden-ratio conjugate, for well separated hues
_GOLDEN = 0.6180339887498949

#: drawing order: regions, cell outlines, curve, points, labels
_Z_REGIONS, _Z_CELLS, _Z_CURVE, _Z_POINTS, _Z_LABELS = 1, 3, 5, 6, 7


def _colors(k, colors=None):
    r"""
    Return ``k`` colours: ``colors`` (cycled) when given, else distinct hues.

    TESTS::

        sage: from sage_tropnet.plot import _colors
        sage: len(_colors(5)), _colors(3, ['red'])
        (5, ['red', 'red', 'red'])
    """
    if colors:
        colors = list(colors)
        return [colors[i % len(colors)] for i in range(k)]
    from sage.plot.colors import hue
    return [hue((0.05 + i * _GOLDEN) % 1, (0.55, 0.35, 0.75)[i % 3], (0.95, 0.85)[(i // 3) % 2])
            for i in range(k)]


def _nice(m):
    r"""
    Return the smallest number of the form `a \cdot 10^k` with
    `a \in \{1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8\}` that is at least ``m``
    (a rational), as an exact rational.

    TESTS::

        sage: from sage_tropnet.plot import _nice
        sage: [_nice(QQ(a)) for a in (1/3, 1, 11/10, 2.6, 7, 13, 63)]
        [2/5, 1, 6/5, 3, 7, 15, 70]
    """
    m = QQ(m)
    if m <= 0:
        return QQ(1)
    k = ZZ(math.floor(math.log10(float(m))))
    for a in (1, QQ((6, 5)), QQ((3, 2)), 2, QQ((5, 2)), 3, 4, 5, 6, 7, 8, 10):
        c = QQ(a) * QQ(10) ** k
        if c >= m:
            return c
    return QQ(10) ** (k + 1)  # pragma: no cover


def _window(points, distances=()):
    r"""
    Return the half-width of a square window showing ``points`` (and the
    hyperplanes at `\ell_\infty` ``distances`` from the origin) with a margin.

    TESTS::

        sage: from sage_tropnet.plot import _window
        sage: _window([(3, -1)]), _window([]), _window([], [QQ(1)/2]), _window([(0, 0)])
        (4, 1, 1, 1)
        sage: _window([(55, 2)])
        70
    """
    m = QQ(0)
    for v in points:
        m = max([m] + [abs(QQ(a)) for a in v])
    for d in distances:
        m = max(m, QQ(d))
    return max(QQ(1), _nice(m * QQ((5, 4))))


def _hyperplane_distances(polyhedra):
    r"""
    Return the `\ell_\infty` distances from the origin to the facet
    hyperplanes of ``polyhedra``: `|b| / \|a\|_1` for `b + a x \ge 0`.
    """
    out = []
    for P in polyhedra:
        for ie in P.inequality_generator():
            a = [QQ(t) for t in ie.A()]
            s = sum(abs(t) for t in a)
            if s:
                out.append(abs(QQ(ie.b())) / s)
    return out


def _window_of_cells(cells):
    r"""
    Return the default half-width for a list of full-dimensional cells.

    The window shows every vertex of the bounded cells, and every other
    vertex that is not more than four times as far from the origin (so that
    far-away vertices of unbounded cells do not shrink the picture to a dot);
    without bounded cells, all vertices; without vertices, the facet
    hyperplanes.

    TESTS::

        sage: from sage_tropnet.plot import _window_of_cells
        sage: far = Polyhedron(vertices=[(70, 0)], rays=[(1, 0), (0, 1)])
        sage: near = Polyhedron(vertices=[(0, 0), (1, 0), (0, 1)])
        sage: mid = Polyhedron(vertices=[(3, 0)], rays=[(1, 0), (0, 1)])
        sage: _window_of_cells([far, near]), _window_of_cells([far, near, mid])
        (3/2, 4)
        sage: _window_of_cells([far])
        100
        sage: _window_of_cells([Polyhedron(ieqs=[(3, 1, 0)])])
        4
    """
    cells = list(cells)
    bounded = [P for P in cells if P.is_compact()]
    verts = [v for P in bounded for v in P.vertex_generator()]
    if verts:
        core = max(max(abs(QQ(a)) for a in v) for v in verts)
        reach = 4 * max(core, QQ(1))
        verts += [v for P in cells if not P.is_compact() for v in P.vertex_generator()
                  if max(abs(QQ(a)) for a in v) <= reach]
    else:
        verts = [v for P in cells for v in P.vertex_generator()]
    if verts:
        return _window(verts)
    return _window([], _hyperplane_distances(cells))


def _is_polynomial(obj):
    from sage_tropnet.puiseux import TropicalPuiseuxPolynomial
    return isinstance(obj, TropicalPuiseuxPolynomial)


def default_box(obj, method='auto', output=0):
    r"""
    Return the half-width `R` of the default window `[-R, R]^n` of every
    picture of ``obj``.

    The window shows all vertices of the bounded linear regions (or cells) of
    ``obj``, and the vertices of unbounded ones that are at most four times as
    far from the origin, with a margin of a quarter, rounded up to a round
    number (`1, 1.2, 1.5, 2, 2.5, 3, \ldots, 8` times a power of ten); if no
    region is bounded, all vertices; if there is no vertex at all (parallel
    hyperplanes), every boundary hyperplane. It is at least `1`. All plot
    functions of this module use it when ``box`` is not given, so the
    pictures of one object line up; pass ``box=default_box(f)`` to draw
    other objects (the curve of the numerator of `f`, ...) in the same window.

    For a tropical polynomial the regions are the monomial regions, whose
    vertices are the vertices of its tropical curve; for a rational map
    `p \oslash q` the vertices of the curves of `p` and `q` are included.

    INPUT:

    - ``obj`` -- a network, a tropical rational map or a tropical polynomial
    - ``method``, ``output`` -- as in :func:`~sage_tropnet.regions.regions`

    OUTPUT: a positive rational

    EXAMPLES::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.plot import default_box
        sage: from sage_tropnet.geometry import monomial_regions
        sage: x, y = TP.gens(2)
        sage: default_box(x + y + 0), default_box(x * 4 + y + 0)
        (1, 5)
        sage: default_box((x + y + 0) / (x * 4 + 0))
        5
        sage: net = ReLUNetwork([([[1, 0], [0, 1], [-1, -1]], [0, 0, 1]), ([[1, 1, 1]], [0])])
        sage: default_box(net)
        3/2

    Far-away vertices of unbounded regions do not blow the window up::

        sage: p = (0 + x * 50 + y * 50 + x * y * 51 + x**2 * 49 + y**2 * 49
        ....:      + x**2 * y**2 * 48 + x**2 * y * 50 + x * y**2 * 50)
        sage: [P.vertices_list() for P in monomial_regions(p).values() if P.is_compact()]
        [[[1, -1], [1, 1], [-1, 1], [-1, -1]]]
        sage: sorted(V for P in monomial_regions(p).values() for V in P.vertices_list())[0]
        [-50, -50]
        sage: default_box(p)
        5/2
    """
    from sage_tropnet.geometry import monomial_regions, as_merged_polynomial
    from sage_tropnet.puiseux import TropicalRationalMap
    if _is_polynomial(obj):
        return _window_of_cells(monomial_regions(as_merged_polynomial(obj)).values())
    from sage_tropnet.regions import regions
    cells = list(regions(obj, method=method, output=output, progress=False).polyhedra().values())
    R = _window_of_cells(cells)
    if isinstance(obj, TropicalRationalMap):
        for P in (obj.numerator(), obj.denominator()):
            R = max(R, _window_of_cells(monomial_regions(as_merged_polynomial(P)).values()))
    return R


def _polygon_points(P):
    r"""
    Return the vertices of a bounded polygon in cyclic order, as float pairs.

    TESTS::

        sage: from sage_tropnet.plot import _polygon_points
        sage: _polygon_points(Polyhedron(vertices=[(0, 0), (1, 1), (1, 0), (0, 1)]))
        [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)]
    """
    pts = [tuple(float(a) for a in v) for v in P.vertex_generator()]
    if len(pts) <= 2:
        return pts
    cx = sum(p[0] for p in pts) / len(pts)
    cy = sum(p[1] for p in pts) / len(pts)
    return sorted(pts, key=lambda p: math.atan2(p[1] - cy, p[0] - cx))


def _centroid(P):
    r"""
    Return the mean of the vertices of a polytope (a point of its relative
    interior), as floats.
    """
    vs = [tuple(float(a) for a in v) for v in P.vertex_generator()]
    return tuple(sum(c) / len(vs) for c in zip(*vs))


def _cell_outline(P, **options):
    r"""
    Return the outline of a bounded 2-dimensional cell as a closed line.
    """
    from sage.plot.line import line2d
    pts = _polygon_points(P)
    return line2d(pts + pts[:1], **options)


def _names(obj, n):
    r"""
    Return the variable names of ``obj`` for the axis labels.

    TESTS::

        sage: from sage_tropnet.plot import _names
        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: _names(TP.gens(2)[0], 2), _names(None, 3)
        (('x', 'y'), ('x_1', 'x_2', 'x_3'))
    """
    names = getattr(obj, 'variable_names', None)
    if callable(names) and _is_polynomial(obj):
        return tuple(names())
    return tuple("x_%s" % (i + 1) for i in range(n))


def _decorate(G, title, names, R, kwds=None):
    r"""
    Set the default display options of a 2-D picture: title, axis labels, a
    frame with at most five ticks per axis, the window `[-R, R]^2`, equal
    scales.
    """
    step = float(_nice(QQ(R) / 2)) if R is not None else None
    opts = dict(frame=True, axes=False, fontsize=9)
    if names is not None:
        opts["axes_labels"] = ["$%s$" % a for a in names]
    if title:
        opts["title"] = title
    if R is not None:
        opts.update(xmin=-float(R), xmax=float(R), ymin=-float(R), ymax=float(R),
                    ticks=[step, step])
    opts.update(kwds or {})
    G._set_extra_kwds(opts)
    G.set_aspect_ratio(1)
    return G


def _box_and_cube(box, n, cells):
    r"""
    Return ``(R, cube)``: the half-width of the window (``None`` for a
    polyhedron) and the clipping polyhedron, for ``box`` or the default.
    """
    if box is None:
        box = _window_of_cells(cells)
    cube = polyhedron(box_inequalities(box, n), n)
    if box in QQ:
        return QQ(box), cube
    return None, cube


def _clip(P, cube, n):
    Q = P.intersection(cube)
    return Q if Q.dim() == n else None


def plot_linear_regions(obj, box=None, method='auto', output=0, show_cells=False,
                        colors=None, alpha=0.8, labels=False, title=True, curve=False, **kwds):
    r"""
    Return a plot of the linear regions of a network or of a tropical map.

    - input dimension 2: every linear region is filled with its own colour
      (each of its cells as a polygon clipped to the window); for a tropical
      polynomial the region of monomial `i` gets colour `i`, as the vertex
      `e_i` in :func:`plot_dual_subdivision`;
    - input dimension 1: the graph of the function, one colour per region,
      with dashed vertical lines at the region boundaries;
    - input dimension 3: the cells clipped to the window as translucent
      polytopes, one colour per region (a ``Graphics3d`` object).

    INPUT:

    - ``obj`` -- a :class:`~sage_tropnet.network.ReLUNetwork` or a tropical
      map/polynomial (anything :func:`~sage_tropnet.regions.linear_regions`
      accepts)
    - ``box`` -- ``None`` (default: the window of :func:`default_box`), a
      positive number `R` (the window `[-R, R]^n`), or a full-dimensional Sage
      polyhedron
    - ``method``, ``output`` -- as in
      :func:`~sage_tropnet.regions.linear_regions`
    - ``show_cells`` -- boolean (default: ``False``); in dimension 2, also
      outline the cells (dashed): the activation regions when ``obj`` is a
      network, the cells `U_i \cap V_j` of the regions otherwise; in
      dimension 1, mark the cell endpoints and draw the boundaries between
      two cells of one region dotted
    - ``colors`` -- optional list of colours (cycled); default: distinct hues
    - ``alpha`` -- opacity of the regions (default: ``0.8``)
    - ``labels`` -- boolean (default: ``False``); in dimension 2, write a
      label in every region: the index `i` of its monomial for a tropical
      polynomial, the number of the region otherwise
    - ``title`` -- ``True`` (default: the number of regions, and how many are
      in the window if not all), a string, or ``False``
    - ``curve`` -- boolean (default: ``False``); for a tropical polynomial or
      rational map in 2 variables, also draw its tropical curve(s) on top
      (:func:`plot_tropical_hypersurface`, same window)
    - ``**kwds`` -- passed to the graphics primitives (e.g. ``thickness``);
      display options such as ``figsize`` are kept for ``show``

    OUTPUT: a ``Graphics`` object (``Graphics3d`` in dimension 3)

    EXAMPLES:

    A network with two inputs, four linear regions::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.plot import plot_linear_regions
        sage: net = ReLUNetwork([([[0, 1], [1, 0]], [1, 1]), ([[1, -1]], [0])])
        sage: plot_linear_regions(net, box=3)                                           # needs sage.plot
        Graphics object consisting of 4 graphics primitives
        sage: plot_linear_regions(net, box=3, show_cells=True, labels=True)             # needs sage.plot
        Graphics object consisting of 12 graphics primitives

    A tropical polynomial with its curve on top, as ``plot_linear_regions(p) +
    plot_tropical_hypersurface(p)`` but with the title of the regions::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: x, y = TP.gens(2)
        sage: G = plot_linear_regions(x + y + 0, curve=True, labels=True); G            # needs sage.plot
        Graphics object consisting of 9 graphics primitives
        sage: G._extra_kwds["title"]                                                    # needs sage.plot
        '3 linear regions and the tropical curve'

        sage: G = plot_linear_regions(net); G.save(tmp_filename(ext='.png'))            # needs sage.plot

    .. PLOT::

        from sage_tropnet.network import ReLUNetwork
        from sage_tropnet.plot import plot_linear_regions
        net = ReLUNetwork([([[0, 1], [1, 0]], [1, 1]), ([[1, -1]], [0])])
        sphinx_plot(plot_linear_regions(net, box=3, show_cells=True, labels=True))

    Serra et al.'s Fig. 2 network in dimension 1: four linear regions (four
    segments and three boundaries); the activation route has five cells, two of
    them glued into one region::

        sage: net = ReLUNetwork([([[1], [-1]], [0, 1]), ([[4, 2]], [-3])],
        ....:                   output_activation='relu')
        sage: plot_linear_regions(net, box=2)                                           # needs sage.plot
        Graphics object consisting of 8 graphics primitives
        sage: plot_linear_regions(net, box=2, method='activation')                      # needs sage.plot
        Graphics object consisting of 8 graphics primitives

    .. PLOT::

        from sage_tropnet.network import ReLUNetwork
        from sage_tropnet.plot import plot_linear_regions
        net = ReLUNetwork([([[1], [-1]], [0, 1]), ([[4, 2]], [-3])],
                          output_activation='relu')
        sphinx_plot(plot_linear_regions(net, box=2, method='activation'))

    A tropical polynomial in three variables, and a network with three inputs::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: x, y, z = TP.gens(3)
        sage: plot_linear_regions(x + y + z + 0, box=1)                                 # needs sage.plot
        Graphics3d Object
        sage: from sage_tropnet.network import random_network
        sage: plot_linear_regions(random_network([3, 3, 1], seed=1))                    # needs sage.plot
        Graphics3d Object

    TESTS::

        sage: plot_linear_regions(TP.gens(4)[0])
        Traceback (most recent call last):
        ...
        ValueError: plots need input dimension 1, 2 or 3, got 4
    """
    from sage.plot.graphics import Graphics
    from sage_tropnet.regions import regions as cell_complex, activation_regions
    from sage_tropnet.network import ReLUNetwork
    from sage_tropnet.geometry import monomial_regions, as_merged_polynomial
    n = input_dimension(obj)
    if n not in (1, 2, 3):
        raise ValueError("plots need input dimension 1, 2 or 3, got %s" % n)
    if n == 1 and output is None:
        raise ValueError("the graph of a function needs one output: pass output=k")

    # the regions in all of R^n, each with its colour index and its label
    if _is_polynomial(obj) and n >= 2:
        p = as_merged_polynomial(obj)
        U = monomial_regions(p)
        terms = p.terms()
        regions = [([P], i, terms[i][0], terms[i][1]) for i, P in sorted(U.items())]
        ncolors = len(terms)
    else:
        C = cell_complex(obj, method=method, output=output, progress=False)
        regions = [(r.cells, k, r.gradient, r.constant)
                   for k, r in enumerate(C.linear_regions())]
        ncolors = len(regions)
    all_cells = [P for r in regions for P in r[0]]
    R, cube = _box_and_cube(box, n, all_cells)
    clipped = [[Q for Q in (_clip(P, cube, n) for P in cells) if Q is not None]
               for cells, _, _, _ in regions]
    cols = _colors(ncolors, colors)
    G = Graphics()
    visible = sum(1 for cells in clipped if cells)
    if title is True:
        title = "%s linear region%s" % (len(regions), "" if len(regions) == 1 else "s")
        if visible < len(regions):
            title += " (%s in this window)" % visible

    if n == 2:
        from sage.plot.polygon import polygon2d
        from sage.plot.text import text
        for cells, (_, k, _, _) in zip(clipped, regions):
            col = cols[k]
            for P in cells:
                opts = dict(color=col, alpha=alpha, edgecolor=col, thickness=0.5,
                            zorder=_Z_REGIONS)
                opts.update(kwds)
                G += polygon2d(_polygon_points(P), **opts)
            if labels and cells:
                big = max(cells, key=lambda P: P.volume())
                G += text(str(k), _centroid(big), color='black', fontsize=10,
                          fontweight='bold', zorder=_Z_LABELS)
        if show_cells:
            if isinstance(obj, ReLUNetwork):
                outlines = [_clip(P, cube, n)
                            for P in activation_regions(obj, progress=False).values()]
                outlines = [P for P in outlines if P is not None]
            else:
                outlines = [P for cells in clipped for P in cells]
            for P in outlines:
                G += _cell_outline(P, color='black', linestyle='--', thickness=0.8,
                                   zorder=_Z_CELLS)
        if curve and not isinstance(obj, ReLUNetwork):
            G += plot_tropical_hypersurface(obj, box=box if box is not None else R,
                                            title=False)
            if isinstance(title, str) and title.endswith("regions"):
                title += " and the tropical curve"
        return _decorate(G, title, _names(obj, 2), R)

    if n == 1:
        from sage.plot.line import line2d
        from sage.plot.point import point2d
        ys, bounds, ends = [], set(), set()
        xs_all = [QQ(v[0]) for cells in clipped for P in cells for v in P.vertex_generator()]
        lo, hi = min(xs_all), max(xs_all)
        for (_, k, g, c), cells in zip(regions, clipped):
            g, c = QQ(g[0]), QQ(c)
            xs = []
            for P in cells:
                a, b = sorted(QQ(v[0]) for v in P.vertex_generator())
                xs += [a, b]
                ends.update((a, b))
                pts = [(float(t), float(g * t + c)) for t in (a, b)]
                ys += [q[1] for q in pts]
                opts = dict(color=cols[k], thickness=2)
                opts.update(kwds)
                G += line2d(pts, **opts)
            if xs:
                for t in (min(xs), max(xs)):
                    if lo < t < hi:
                        bounds.add(t)
        ymin, ymax = min(ys), max(ys)
        if ymin == ymax:
            ymin, ymax = ymin - 1, ymax + 1
        for t in sorted(bounds):
            G += line2d([(float(t), ymin), (float(t), ymax)], color='gray',
                        linestyle='--', thickness=0.8)
        if show_cells:
            # boundaries between cells of one region: dotted
            for t in sorted(ends):
                if lo < t < hi and t not in bounds:
                    G += line2d([(float(t), ymin), (float(t), ymax)], color='red',
                                linestyle=':', thickness=1.2)
            G += point2d([(float(t), 0) for t in sorted(ends)], color='black', size=15)
        opts = dict(axes_labels=["$x$", "$f(x)$"], fontsize=9, frame=True, axes=False)
        if title:
            opts["title"] = title
        G._set_extra_kwds(opts)
        return G

    # n == 3
    for cells, (_, k, _, _) in zip(clipped, regions):
        for P in cells:
            opts = dict(point=False, line='black', polygon=cols[k], alpha=alpha)
            opts.update(kwds)
            G += P.plot(**opts)
    return G


def _check_variables(p, allowed=(2,)):
    from sage_tropnet.geometry import as_merged_polynomial
    p = as_merged_polynomial(p)
    if p.nvariables() not in allowed:
        raise ValueError("this plot needs a polynomial in %s variables, got %s"
                         % (" or ".join(str(a) for a in allowed), p.nvariables()))
    return p


def plot_dual_subdivision(p, labels=False, color='lightgray', colors=None, title=True, **kwds):
    r"""
    Return a plot of the Newton polytope of ``p`` with its dual subdivision.

    The cells of the regular subdivision (see
    :func:`~sage_tropnet.geometry.dual_subdivision`) are filled and outlined;
    the exponents are marked: filled for the vertices of the upper hull (the
    monomials with a full-dimensional region), in the colour of their region
    in :func:`plot_linear_regions`, hollow for the others.

    INPUT:

    - ``p`` -- a tropical polynomial in 2 or 3 variables (merged first)
    - ``labels`` -- what to write next to each exponent `e_i` (default:
      ``False``, nothing): ``True`` or ``'index'`` (the index `i` of the
      monomial, as in ``plot_linear_regions(p, labels=True)``),
      ``'coefficient'`` (the coefficient `c_i`, the height of the lifted
      point `(e_i, c_i)`), or ``'both'``
    - ``color`` -- fill colour of the cells (default: ``'lightgray'``)
    - ``colors`` -- optional list of colours of the monomials (cycled);
      default: the colours of :func:`plot_linear_regions`
    - ``title`` -- ``True`` (default), a string or ``False``
    - ``**kwds`` -- passed to the graphics primitives of the cells

    OUTPUT: a ``Graphics`` object (``Graphics3d`` for 3 variables)

    EXAMPLES::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.plot import plot_dual_subdivision
        sage: p1 = TP({(0, 0): 3, (1, 0): 2, (0, 1): 2, (1, 1): 3, (2, 0): 0, (0, 2): 0})
        sage: plot_dual_subdivision(p1)                                                 # needs sage.plot
        Graphics object consisting of 10 graphics primitives
        sage: x, y = TP.gens(2)
        sage: q = p1 + (x * y)**(1/2) * (-5)
        sage: plot_dual_subdivision(q, labels='both')                                   # needs sage.plot
        Graphics object consisting of 18 graphics primitives

    .. PLOT::

        from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        from sage_tropnet.plot import plot_dual_subdivision
        p1 = TP({(0, 0): 3, (1, 0): 2, (0, 1): 2, (1, 1): 3, (2, 0): 0, (0, 2): 0})
        sphinx_plot(plot_dual_subdivision(p1, labels='both'))

    A one-dimensional Newton polytope, and a polynomial in three variables::

        sage: plot_dual_subdivision(0 + x * y + x**2 * y**2)                            # needs sage.plot
        Graphics object consisting of 4 graphics primitives
        sage: u, v, w = TP.gens(3)
        sage: plot_dual_subdivision(u + v + w + 0 + u * v * w * 1)                      # needs sage.plot
        Graphics3d Object

    TESTS::

        sage: plot_dual_subdivision(TP.gens(4)[0])
        Traceback (most recent call last):
        ...
        ValueError: this plot needs a polynomial in 2 or 3 variables, got 4
        sage: plot_dual_subdivision(p1, labels='foo')
        Traceback (most recent call last):
        ...
        ValueError: labels must be False, True, 'index', 'coefficient' or 'both', got 'foo'
    """
    from sage.plot.graphics import Graphics
    from sage_tropnet.geometry import dual_subdivision_cells
    from sage_tropnet.hull import upper_hull_vertices
    if labels not in (False, True, 'index', 'coefficient', 'both', None):
        raise ValueError("labels must be False, True, 'index', 'coefficient' or 'both', got %r"
                         % (labels,))
    p = _check_variables(p, (2, 3))
    n = p.nvariables()
    exps, coeffs = p.exponents(), p.coefficients()
    keep = set(upper_hull_vertices(exps, coeffs))
    cols = _colors(len(exps), colors)
    pts = [tuple(float(a) for a in e) for e in exps]

    def label(i):
        if labels in (True, 'index'):
            return str(i)
        if labels == 'coefficient':
            return str(coeffs[i])
        return "%s: %s" % (i, coeffs[i])

    if n == 3:
        from sage.plot.plot3d.shapes2 import point3d, text3d
        G = Graphics()
        for _, P in dual_subdivision_cells(p):
            opts = dict(point=False, line='black', alpha=0.35,
                        polygon='lightblue' if color == 'lightgray' else color)
            opts.update(kwds)
            G += P.plot(**opts)
        for i, q in enumerate(pts):
            G += point3d(q, size=14 if i in keep else 8,
                         color=cols[i] if i in keep else 'gray')
            if labels:
                G += text3d(label(i), tuple(a + 0.08 for a in q), color='black')
        return G

    from sage.plot.polygon import polygon2d
    from sage.plot.line import line2d
    from sage.plot.point import point2d
    from sage.plot.text import text
    G = Graphics()
    for _, P in dual_subdivision_cells(p):
        if P.dim() == 2:
            opts = dict(color=color, edgecolor='black', thickness=1.5, alpha=0.6,
                        zorder=_Z_REGIONS)
            opts.update(kwds)
            G += polygon2d(_polygon_points(P), **opts)
        elif P.dim() == 1:
            opts = dict(color='black', thickness=1.5, zorder=_Z_CURVE)
            opts.update(kwds)
            G += line2d(_polygon_points(P), **opts)
    for i, q in enumerate(pts):
        if i in keep:
            G += point2d([q], color=cols[i], faceted=True, markeredgecolor='black', size=70,
                         zorder=_Z_POINTS)
        else:
            G += point2d([q], color='white', faceted=True, markeredgecolor='black', size=40,
                         zorder=_Z_POINTS)
    if labels:
        for i, q in enumerate(pts):
            G += text(label(i), (q[0] + 0.07, q[1] + 0.07), color='black', fontsize=10,
                      horizontal_alignment='left', vertical_alignment='bottom',
                      zorder=_Z_LABELS)
    if title is True:
        title = "dual subdivision: %s cells, %s vertices" % (len(dual_subdivision_cells(p)),
                                                             len(keep))
    # a square window around the exponents, at least 3 wide, with integer ticks
    xs = [q[0] for q in pts]
    ys = [q[1] for q in pts]
    # (matplotlib through Sage needs three multiples of the tick step in the window)
    half = max(max(xs) - min(xs), max(ys) - min(ys), 3) / 2 + 0.35
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    step = max(1, int(2 * half / 4))
    opts = dict(frame=True, axes=False, fontsize=9, axes_labels=["$e_1$", "$e_2$"],
                xmin=cx - half, xmax=cx + half, ymin=cy - half, ymax=cy + half,
                ticks=[step, step])
    if title:
        opts["title"] = title
    G._set_extra_kwds(opts)
    G.set_aspect_ratio(1)
    return G


def plot_tropical_hypersurface(p, box=None, color='black', thickness=2.5, title=True, **kwds):
    r"""
    Return a plot of the tropical curve of a polynomial in 2 variables (the
    tropical surface of a polynomial in 3 variables).

    The curve (the set where the maximum is attained at least twice, see
    :func:`~sage_tropnet.geometry.tropical_hypersurface`) is clipped to the
    window and drawn with one segment per maximal cell, on top of anything it
    is added to (regions, axes). For a rational map `p \oslash q` the curves
    of `p` (solid) and `q` (dashed) are drawn.

    INPUT:

    - ``p`` -- a tropical polynomial in 2 or 3 variables (merged first), or a
      tropical rational map in 2 variables
    - ``box`` -- ``None`` (default: the window of :func:`default_box` of
      ``p``, the same as for ``plot_linear_regions(p)``), a positive number
      `R`, or a Sage polyhedron
    - ``color``, ``thickness`` -- of the segments (defaults: ``'black'``,
      ``2.5``)
    - ``title`` -- ``True`` (default), a string or ``False``
    - ``**kwds`` -- passed to the segments

    OUTPUT: a ``Graphics`` object (``Graphics3d`` for 3 variables)

    EXAMPLES::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.plot import plot_tropical_hypersurface
        sage: p1 = TP({(0, 0): 3, (1, 0): 2, (0, 1): 2, (1, 1): 3, (2, 0): 0, (0, 2): 0})
        sage: plot_tropical_hypersurface(p1)                                            # needs sage.plot
        Graphics object consisting of 9 graphics primitives
        sage: plot_tropical_hypersurface(p1, box=2)                                     # needs sage.plot
        Graphics object consisting of 7 graphics primitives

    .. PLOT::

        from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        from sage_tropnet.plot import plot_tropical_hypersurface
        p1 = TP({(0, 0): 3, (1, 0): 2, (0, 1): 2, (1, 1): 3, (2, 0): 0, (0, 2): 0})
        sphinx_plot(plot_tropical_hypersurface(p1))

    A single monomial has an empty tropical curve; the tropical plane of a
    linear form in three variables has six 2-dimensional cells; a rational map
    shows both curves::

        sage: x, y = TP.gens(2)
        sage: plot_tropical_hypersurface(x * y)                                         # needs sage.plot
        Graphics object consisting of 0 graphics primitives
        sage: u, v, w = TP.gens(3)
        sage: plot_tropical_hypersurface(u + v + w + 0)                                 # needs sage.plot
        Graphics3d Object
        sage: plot_tropical_hypersurface((x + y + 0) / (x * 2 + 1))                     # needs sage.plot
        Graphics object consisting of 4 graphics primitives
    """
    from sage.plot.graphics import Graphics
    from sage.plot.line import line2d
    from sage_tropnet.geometry import tropical_hypersurface
    from sage_tropnet.puiseux import TropicalRationalMap
    if isinstance(p, TropicalRationalMap):
        if box is None:
            box = default_box(p)
        opts = dict(color=color, thickness=thickness, title=False)
        opts.update(kwds)
        G = plot_tropical_hypersurface(p.numerator(), box=box, **opts)
        opts["linestyle"] = "--"
        G += plot_tropical_hypersurface(p.denominator(), box=box, **opts)
        if title is True:
            title = "tropical curves of the numerator (solid) and denominator (dashed)"
        return _decorate(G, title, _names(p.numerator(), 2), box if box in QQ else None)
    p = _check_variables(p, (2, 3))
    n = p.nvariables()
    if box is None:
        box = default_box(p)
    cells = tropical_hypersurface(p, box=box)
    G = Graphics()
    if n == 3:
        for _, P in cells:
            opts = dict(point=False, line='black', polygon=color if color != 'black'
                        else 'steelblue', alpha=0.6)
            opts.update(kwds)
            G += P.plot(**opts)
        return G
    for _, P in cells:
        opts = dict(color=color, thickness=thickness, zorder=_Z_CURVE)
        opts.update(kwds)
        G += line2d(_polygon_points(P), **opts)
    if title is True:
        title = "tropical curve: %s edge%s" % (len(cells), "" if len(cells) == 1 else "s")
    return _decorate(G, title, _names(p, 2), box if box in QQ else None)


def plot_duality(p, box=None, labels=None, colors=None, figsize=None):
    r"""
    Return the linked pictures of a tropical polynomial in two variables: its
    Newton polygon with the dual subdivision (left) and its linear regions
    with its tropical curve (right), side by side.

    The vertex `e_i` of the subdivision and the region of monomial `i` have
    the same colour and the same label `i`: the duality between the cells
    of the subdivision and the cells of the curve is read off by matching
    colours (a vertex `\leftrightarrow` a region, an edge `\leftrightarrow`
    an edge of the curve perpendicular to it, a polygon `\leftrightarrow` a
    vertex of the curve).

    INPUT:

    - ``p`` -- a tropical polynomial in 2 variables
    - ``box`` -- the window of the regions (default: :func:`default_box`)
    - ``labels`` -- boolean (default: ``True`` when ``p`` has at most 12
      monomials); write the index `i` in both pictures
    - ``colors`` -- optional list of colours of the monomials
    - ``figsize`` -- optional figure size of the array, as for ``show``

    OUTPUT: a ``GraphicsArray``; ``show()`` it, or take its pictures with
    ``G[0]``, ``G[1]``

    EXAMPLES::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.plot import plot_duality
        sage: x, y = TP.gens(2)
        sage: G = plot_duality(x**2 + y**2 + x * y * 1 + x + y + 0); G                  # needs sage.plot
        Graphics Array of size 1 x 2
        sage: G[0], G[1]                                                                # needs sage.plot
        (Graphics object consisting of 14 graphics primitives,
         Graphics object consisting of 13 graphics primitives)

    .. PLOT::

        from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        from sage_tropnet.plot import plot_duality
        x, y = TP.gens(2)
        sphinx_plot(plot_duality(x**2 + y**2 + x * y * 1 + x + y + 0), figsize=[8, 4])
    """
    from sage.plot.multigraphics import GraphicsArray
    p = _check_variables(p, (2,))
    if labels is None:
        labels = p.number_of_terms() <= 12
    if box is None:
        box = default_box(p)
    left = plot_dual_subdivision(p, labels=bool(labels), colors=colors,
                                 title="Newton polygon, dual subdivision")
    right = plot_linear_regions(p, box=box, labels=bool(labels), colors=colors,
                                title="regions and tropical curve")
    right += plot_tropical_hypersurface(p, box=box, title=False)
    A = GraphicsArray([left, right])
    if figsize is not None:
        A._set_extra_kwds({"figsize": figsize})
    return A
