r"""
Plots of linear regions, dual subdivisions and tropical curves

All functions return Sage ``Graphics`` objects (``Graphics3d`` for
three-dimensional inputs), so they can be combined with ``+``, shown with
``.show()`` and saved with ``.save('file.png')``. Extra keyword arguments
are passed on to the graphics primitives; as everywhere in Sage, display
options such as ``figsize`` or ``axes_labels`` are kept for ``show``/``save``.

Regions get distinct colours through a golden-ratio walk on the hue circle,
so neighbouring regions (found one after the other by the search in
:mod:`sage_tropnet.regions`) do not get similar colours.

EXAMPLES::

    sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
    sage: from sage_tropnet.plot import (plot_linear_regions, plot_dual_subdivision,
    ....:     plot_tropical_hypersurface)
    sage: p1 = TP({(0, 0): 3, (1, 0): 2, (0, 1): 2, (1, 1): 3, (2, 0): 0, (0, 2): 0})
    sage: plot_linear_regions(p1) + plot_tropical_hypersurface(p1)                      # needs sage.plot
    Graphics object consisting of 15 graphics primitives

.. PLOT::

    from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
    from sage_tropnet.plot import plot_linear_regions, plot_tropical_hypersurface
    p1 = TP({(0, 0): 3, (1, 0): 2, (0, 1): 2, (1, 1): 3, (2, 0): 0, (0, 2): 0})
    sphinx_plot(plot_linear_regions(p1) + plot_tropical_hypersurface(p1))

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

import math

from sage.rings.rational_field import QQ
from sage.rings.integer_ring import ZZ

from sage_tropnet.misc.inputs import input_dimension
from sage_tropnet.misc.polyhedra import polyhedron, box_inequalities

#: golden-ratio conjugate, for well separated hues
_GOLDEN = 0.6180339887498949


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


def _auto_box(polyhedra):
    r"""
    Return a half-width `R` such that `[-R, R]^n` contains all vertices of
    ``polyhedra`` in its interior, with a margin.

    TESTS::

        sage: from sage_tropnet.plot import _auto_box
        sage: _auto_box([Polyhedron(vertices=[(3, -1)], rays=[(1, 0)])])
        5
        sage: _auto_box([])
        1
    """
    m = QQ(0)
    for P in polyhedra:
        for v in P.vertex_generator():
            m = max([m] + [abs(QQ(a)) for a in v])
    return ZZ((m * QQ((5, 4))).ceil()) + 1


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


def _cell_outline(P, **options):
    r"""
    Return the outline of a bounded 2-dimensional cell as a closed line.
    """
    from sage.plot.line import line2d
    pts = _polygon_points(P)
    return line2d(pts + pts[:1], **options)


def plot_linear_regions(obj, box=None, method='auto', output=0, show_cells=False,
                        colors=None, alpha=0.8, **kwds):
    r"""
    Return a plot of the linear regions of a network or of a tropical map.

    - input dimension 2: every linear region is filled with its own colour
      (each of its cells as a polygon clipped to the box);
    - input dimension 1: the graph of the function, one colour per region,
      with dashed vertical lines at the region boundaries;
    - input dimension 3: the cells clipped to the box as solid polytopes, one
      colour per region (a ``Graphics3d`` object).

    INPUT:

    - ``obj`` -- a :class:`~sage_tropnet.network.ReLUNetwork` or a tropical
      map/polynomial (anything :func:`~sage_tropnet.regions.linear_regions`
      accepts)
    - ``box`` -- ``None`` (default: a cube `[-R, R]^n` large enough to show
      every vertex of every cell), a positive number `R`, or a
      full-dimensional Sage polyhedron
    - ``method``, ``output`` -- as in
      :func:`~sage_tropnet.regions.linear_regions`
    - ``show_cells`` -- boolean (default: ``False``); in dimension 2, also
      outline the cells (dashed): the activation regions when ``obj`` is a
      network, the cells `U_i \cap V_j` of the regions otherwise; in
      dimension 1, mark the cell endpoints
    - ``colors`` -- optional list of colours (cycled); default: distinct hues
    - ``alpha`` -- opacity of the regions (default: ``0.8``)
    - ``**kwds`` -- passed to the graphics primitives (e.g. ``figsize``)

    OUTPUT: a ``Graphics`` object (``Graphics3d`` in dimension 3)

    EXAMPLES:

    A network with two inputs, four linear regions::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.plot import plot_linear_regions
        sage: net = ReLUNetwork([([[0, 1], [1, 0]], [1, 1]), ([[1, -1]], [0])])
        sage: plot_linear_regions(net, box=3)                                           # needs sage.plot
        Graphics object consisting of 4 graphics primitives
        sage: plot_linear_regions(net, box=3, show_cells=True)                          # needs sage.plot
        Graphics object consisting of 8 graphics primitives
        sage: G = plot_linear_regions(net); G.save(tmp_filename(ext='.png'))            # needs sage.plot

    .. PLOT::

        from sage_tropnet.network import ReLUNetwork
        from sage_tropnet.plot import plot_linear_regions
        net = ReLUNetwork([([[0, 1], [1, 0]], [1, 1]), ([[1, -1]], [0])])
        sphinx_plot(plot_linear_regions(net, box=3, show_cells=True))

    Serra et al.'s Fig. 2 network in dimension 1: four linear regions (four
    segments and three boundaries); the activation route has five cells, two of
    them glued into one region::

        sage: net = ReLUNetwork([([[1], [-1]], [0, 1]), ([[4, 2]], [-3])],
        ....:                   output_activation='relu')
        sage: plot_linear_regions(net, box=2)                                           # needs sage.plot
        Graphics object consisting of 7 graphics primitives
        sage: plot_linear_regions(net, box=2, method='activation')                      # needs sage.plot
        Graphics object consisting of 8 graphics primitives

    .. PLOT::

        from sage_tropnet.network import ReLUNetwork
        from sage_tropnet.plot import plot_linear_regions
        net = ReLUNetwork([([[1], [-1]], [0, 1]), ([[4, 2]], [-3])],
                          output_activation='relu')
        sphinx_plot(plot_linear_regions(net, box=2, method='activation'))

    A tropical polynomial in three variables::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: x, y, z = TP.gens(3)
        sage: plot_linear_regions(x + y + z + 0, box=1)                                 # needs sage.plot
        Graphics3d Object

    TESTS::

        sage: plot_linear_regions(TP.gens(4)[0])
        Traceback (most recent call last):
        ...
        ValueError: plots need input dimension 1, 2 or 3, got 4
    """
    from sage.plot.graphics import Graphics
    from sage_tropnet.regions import linear_regions, activation_regions
    from sage_tropnet.network import ReLUNetwork
    n = input_dimension(obj)
    if n not in (1, 2, 3):
        raise ValueError("plots need input dimension 1, 2 or 3, got %s" % n)
    if n == 1 and output is None:
        raise ValueError("the graph of a function needs one output: pass output=k")
    if box is None:
        regions = linear_regions(obj, method=method, output=output)
        box = _auto_box([P for r in regions for P in r.cells])
        cube = polyhedron(box_inequalities(box, n), n)
        clipped = [[P.intersection(cube) for P in r.cells] for r in regions]
    else:
        regions = linear_regions(obj, method=method, output=output, box=box)
        clipped = [list(r.cells) for r in regions]
    cols = _colors(len(regions), colors)
    G = Graphics()

    if n == 2:
        from sage.plot.polygon import polygon2d
        for cells, col in zip(clipped, cols):
            for P in cells:
                opts = dict(color=col, alpha=alpha, edgecolor=col, thickness=0.5)
                opts.update(kwds)
                G += polygon2d(_polygon_points(P), **opts)
        if show_cells:
            if isinstance(obj, ReLUNetwork):
                outlines = list(activation_regions(obj, box=box).values())
            else:
                outlines = [P for cells in clipped for P in cells]
            for P in outlines:
                G += _cell_outline(P, color='black', linestyle='--', thickness=0.8,
                                   zorder=3)
        G.set_aspect_ratio(1)
        return G

    if n == 1:
        from sage.plot.line import line2d
        from sage.plot.point import point2d
        ys, bounds, ends = [], set(), set()
        xs_all = [QQ(v[0]) for cells in clipped for P in cells for v in P.vertex_generator()]
        lo, hi = min(xs_all), max(xs_all)
        for r, cells, col in zip(regions, clipped, cols):
            g, c = QQ(r.gradient[0]), QQ(r.constant)
            xs = []
            for P in cells:
                a, b = sorted(QQ(v[0]) for v in P.vertex_generator())
                xs += [a, b]
                ends.update((a, b))
                pts = [(float(t), float(g * t + c)) for t in (a, b)]
                ys += [q[1] for q in pts]
                opts = dict(color=col, thickness=2)
                opts.update(kwds)
                G += line2d(pts, **opts)
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
            G += point2d([(float(t), 0) for t in sorted(ends)], color='black', size=15)
        return G

    # n == 3
    for cells, col in zip(clipped, cols):
        for P in cells:
            opts = dict(point=False, line='black', polygon=col, alpha=alpha)
            opts.update(kwds)
            G += P.plot(**opts)
    return G


def _check_two_variables(p):
    from sage_tropnet.geometry import as_merged_polynomial
    p = as_merged_polynomial(p)
    if p.nvariables() != 2:
        raise ValueError("this plot needs a polynomial in 2 variables, got %s"
                         % p.nvariables())
    return p


def plot_dual_subdivision(p, labels=False, color='lightblue', **kwds):
    r"""
    Return a plot of the Newton polygon of ``p`` with its dual subdivision.

    The cells of the regular subdivision (see
    :func:`~sage_tropnet.geometry.dual_subdivision`) are filled and outlined;
    the exponents are marked: filled black for the vertices of the upper hull
    (the monomials with a full-dimensional region), hollow for the others.

    INPUT:

    - ``p`` -- a tropical polynomial in 2 variables (merged first)
    - ``labels`` -- boolean (default: ``False``); whether to write the
      coefficient next to each exponent
    - ``color`` -- fill colour of the cells (default: ``'lightblue'``)
    - ``**kwds`` -- passed to the graphics primitives of the cells

    OUTPUT: a ``Graphics`` object

    EXAMPLES::

        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: from sage_tropnet.plot import plot_dual_subdivision
        sage: p1 = TP({(0, 0): 3, (1, 0): 2, (0, 1): 2, (1, 1): 3, (2, 0): 0, (0, 2): 0})
        sage: plot_dual_subdivision(p1)                                                 # needs sage.plot
        Graphics object consisting of 5 graphics primitives
        sage: x, y = TP.gens(2)
        sage: q = p1 + (x * y)**(1/2) * (-5)
        sage: plot_dual_subdivision(q, labels=True)                                     # needs sage.plot
        Graphics object consisting of 13 graphics primitives

    .. PLOT::

        from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        from sage_tropnet.plot import plot_dual_subdivision
        p1 = TP({(0, 0): 3, (1, 0): 2, (0, 1): 2, (1, 1): 3, (2, 0): 0, (0, 2): 0})
        sphinx_plot(plot_dual_subdivision(p1, labels=True))

    A one-dimensional Newton polytope::

        sage: plot_dual_subdivision(0 + x * y + x**2 * y**2)                            # needs sage.plot
        Graphics object consisting of 3 graphics primitives

    TESTS::

        sage: plot_dual_subdivision(TP.gens(3)[0])
        Traceback (most recent call last):
        ...
        ValueError: this plot needs a polynomial in 2 variables, got 3
    """
    from sage.plot.graphics import Graphics
    from sage.plot.polygon import polygon2d
    from sage.plot.line import line2d
    from sage.plot.point import point2d
    from sage.plot.text import text
    from sage_tropnet.geometry import dual_subdivision_cells
    from sage_tropnet.hull import upper_hull_vertices
    p = _check_two_variables(p)
    G = Graphics()
    for _, P in dual_subdivision_cells(p):
        if P.dim() == 2:
            opts = dict(color=color, edgecolor='black', thickness=1.5, alpha=0.6)
            opts.update(kwds)
            G += polygon2d(_polygon_points(P), **opts)
        elif P.dim() == 1:
            opts = dict(color='black', thickness=1.5)
            opts.update(kwds)
            G += line2d(_polygon_points(P), **opts)
    exps, coeffs = p.exponents(), p.coefficients()
    keep = set(upper_hull_vertices(exps, coeffs))
    pts = [tuple(float(a) for a in e) for e in exps]
    G += point2d([pts[i] for i in sorted(keep)], color='black', size=40, zorder=5)
    others = [pts[i] for i in range(len(pts)) if i not in keep]
    if others:
        G += point2d(others, color='white', faceted=True, size=40, zorder=5)
    if labels:
        for q, c in zip(pts, coeffs):
            G += text(str(c), (q[0] + 0.08, q[1] + 0.08), color='darkred',
                      horizontal_alignment='left', vertical_alignment='bottom', zorder=6)
    G.set_aspect_ratio(1)
    return G


def plot_tropical_hypersurface(p, box=None, color='blue', thickness=2, **kwds):
    r"""
    Return a plot of the tropical curve of a polynomial in 2 variables.

    The curve (the set where the maximum is attained at least twice, see
    :func:`~sage_tropnet.geometry.tropical_hypersurface`) is clipped to a
    square and drawn with one segment per maximal cell.

    INPUT:

    - ``p`` -- a tropical polynomial in 2 variables (merged first)
    - ``box`` -- ``None`` (default: a square `[-R, R]^2` showing every vertex
      of the curve), a positive number `R`, or a Sage polyhedron
    - ``color``, ``thickness`` -- of the segments (defaults: ``'blue'``, ``2``)
    - ``**kwds`` -- passed to the segments

    OUTPUT: a ``Graphics`` object

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

    A single monomial has an empty tropical curve::

        sage: x, y = TP.gens(2)
        sage: plot_tropical_hypersurface(x * y)                                         # needs sage.plot
        Graphics object consisting of 0 graphics primitives
    """
    from sage.plot.graphics import Graphics
    from sage.plot.line import line2d
    from sage_tropnet.geometry import tropical_hypersurface
    p = _check_two_variables(p)
    if box is None:
        cells = tropical_hypersurface(p)
        box = _auto_box([P for _, P in cells])
    cells = tropical_hypersurface(p, box=box)
    G = Graphics()
    for _, P in cells:
        opts = dict(color=color, thickness=thickness)
        opts.update(kwds)
        G += line2d(_polygon_points(P), **opts)
    G.set_aspect_ratio(1)
    return G
