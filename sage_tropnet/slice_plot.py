r"""
Pictures of networks on slices, as published

:func:`plot_slice` draws a network on a 2-D slice of its input space (a
plane through data points, see :mod:`sage_tropnet.slices`) the way papers
show it: the linear regions filled (coloured by the norm of their gradient,
with a colour bar, or one colour per region), the boundaries of the linear
regions solid and the boundaries between activation regions inside one
linear region dashed, the decision boundary (where the arg-max of the
outputs changes; for one output, its zero level) on top, the data points
marked and labelled, a title and axes. :func:`plot_line` draws a network
along a line or segment with its breakpoints. Both return a Matplotlib
figure (``fig.savefig("out.pdf")`` writes PNG, PDF or SVG; made without
``pyplot``, so nothing stays open).

Polygons are drawn in floating point from the exact inequalities of the cells.

EXAMPLES::

    sage: from sage_tropnet.network import random_network
    sage: from sage_tropnet.slices import plane_through
    sage: from sage_tropnet.slice_plot import plot_slice
    sage: net = random_network([4, 8, 8, 3], seed=1)
    sage: S = plane_through([1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], labels=["a", "b", "c"])
    sage: fig = plot_slice(net, S, box=2)
    sage: fig.axes[0].get_title()
    'ReLU network [4, 8, 8, 3]: 40 linear regions, 40 activation regions'
    sage: f = tmp_filename(ext=".svg"); fig.savefig(f)

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

import numpy as np

from sage.rings.rational_field import QQ

from sage_tropnet.misc.union_find import UnionFind
from sage_tropnet.regions import regions, cell_oracle

#: the colourings of :func:`plot_slice`
COLORINGS = ('gradient', 'region')


def clip_polygon(poly, a, c):
    r"""
    Return the part of the convex polygon ``poly`` (a list of 2-D points)
    where `c + a \cdot x \ge 0` (Sutherland–Hodgman), as a list of points.

    EXAMPLES::

        sage: from sage_tropnet.slice_plot import clip_polygon
        sage: P = clip_polygon([(0, 0), (2, 0), (2, 2), (0, 2)], (float(1), float(0)), float(-1))
        sage: [(float(x), float(y)) for x, y in P]
        [(1.0, 0.0), (2.0, 0.0), (2.0, 2.0), (1.0, 2.0)]
    """
    out = []
    n = len(poly)
    for i in range(n):
        p, q = poly[i], poly[(i + 1) % n]
        vp = c + a[0] * p[0] + a[1] * p[1]
        vq = c + a[0] * q[0] + a[1] * q[1]
        if vp >= 0:
            out.append(p)
        if (vp >= 0) != (vq >= 0):
            s = vp / (vp - vq)
            out.append((p[0] + s * (q[0] - p[0]), p[1] + s * (q[1] - p[1])))
    return out


def _box_square(box):
    if box is None:
        raise ValueError("a picture needs a bounded box: give box=R")
    if hasattr(box, 'bounding_box'):
        lo, hi = box.bounding_box()
        return [float(a) for a in lo], [float(a) for a in hi]
    R = float(box)
    return [-R, -R], [R, R]


def _default_box(slice, points):
    pts = []
    if slice is not None and slice.points is not None:
        pts = [slice.coordinates(p) for p in slice.points]
    pts += list(points or [])
    if not pts:
        return QQ(1)
    m = max(abs(QQ(a)) for p in pts for a in p)
    return max(QQ(1), (QQ(5) / 4 * m).ceil() if m > 1 else QQ(5) / 4 * m + QQ(1) / 4)


def _cells(net2, box, mode):
    r"""
    Return the cells of the network on the plane: keys, float polygons,
    region ids, full affine maps and the glued pairs.
    """
    C = regions(net2, box=box, output=None, mode=mode, progress=False)
    keys = C.keys()
    lo, hi = _box_square(box)
    square = [(lo[0], lo[1]), (hi[0], lo[1]), (hi[0], hi[1]), (lo[0], hi[1])]
    polys = {}
    for k in keys:
        P = square
        for r in C.ieqs(k):
            P = clip_polygon(P, (float(r[1]), float(r[2])), float(r[0]))
            if not P:
                break
        polys[k] = P
    labels = {k: C.label(k) for k in keys}
    return C, keys, polys, labels


def _affine(label, nout):
    g, c = label
    G = np.array([float(a) for a in g]).reshape(nout, -1)
    return G, np.array([float(a) for a in c])


def _inside(P, x, eps=1e-12):
    n = len(P)
    s = None
    for i in range(n):
        p, q = P[i], P[(i + 1) % n]
        cross = (q[0] - p[0]) * (x[1] - p[1]) - (q[1] - p[1]) * (x[0] - p[0])
        if abs(cross) <= eps:
            continue
        if s is None:
            s = cross > 0
        elif s != (cross > 0):
            return False
    return True


def plot_slice(net, slice=None, box=None, output=None, color='gradient', points=None,
               labels=None, decision_boundary=True, title=None, mode='exact', cmap='viridis',
               figsize=(6, 5.2), region_boundaries=True, activation_boundaries=True):
    r"""
    Return a Matplotlib figure of ``net`` on a 2-D slice.

    INPUT:

    - ``net`` -- a :class:`~sage_tropnet.network.ReLUNetwork`
    - ``slice`` -- a 2-D :class:`~sage_tropnet.slices.Slice` (default:
      ``None``, the input space itself, which must be `\RR^2`); its data
      points are marked
    - ``box`` -- the half-width `R` of the square `[-R, R]^2` of slice
      coordinates (or a Sage polyhedron); default: enough to show the data
      points, at least `1`
    - ``output`` -- ``None`` (default: regions of the whole output vector) or
      an integer (regions of one output)
    - ``color`` -- ``'gradient'`` (default: the norm of the gradient on the
      slice, Frobenius norm of the Jacobian for ``output=None``, with a colour
      bar) or ``'region'`` (one colour per linear region)
    - ``points`` -- optional further points in slice coordinates, marked;
      ``labels`` their labels
    - ``decision_boundary`` -- boolean (default: ``True``); draw where the
      arg-max of the outputs changes (the zero level for one output)
    - ``title`` -- string (default: the network and the counts)
    - ``mode`` -- ``'exact'`` (default) or ``'float'``: how the cells are found
    - ``cmap``, ``figsize`` -- Matplotlib options
    - ``region_boundaries``, ``activation_boundaries`` -- booleans (default:
      ``True``); draw the boundaries of the linear regions (solid) and of the
      activation regions inside them (dashed)

    EXAMPLES::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.slice_plot import plot_slice
        sage: serra = ReLUNetwork([([[1, 0], [-1, 0]], [0, 1]), ([[4, 2]], [-3])],
        ....:                     output_activation='relu')
        sage: fig = plot_slice(serra, box=2, points=[[0, 0], [1, 1]], labels=["p", "q"],
        ....:                  color='region')
        sage: fig.axes[0].get_title()
        'ReLU network [2, 2, 1]: 4 linear regions, 5 activation regions'
        sage: [t.get_text() for t in fig.axes[0].texts]
        ['p', 'q']
    """
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.collections import LineCollection, PolyCollection
    from matplotlib import cm, colors as mcolors
    if color not in COLORINGS:
        raise ValueError("color must be one of %s, got %r" % (COLORINGS, color))
    net2 = net if slice is None else slice.restrict(net)
    if net2.input_dimension() != 2:
        raise ValueError("a picture of a slice needs a 2-D slice (the network restricted to it "
                         "has %s inputs)" % net2.input_dimension())
    if box is None:
        box = _default_box(slice, points)
    elif not hasattr(box, 'bounding_box'):
        box = QQ(box)
    nout = net2.output_dimension()
    C, keys, polys, labels_ = _cells(net2, box, mode)
    full = {k: _affine(labels_[k], nout) for k in keys}
    # linear regions: glue facet-adjacent cells with the same map (of `output`)
    if output is None:
        lab = labels_
    else:
        oracle = cell_oracle(net2, method='activation', output=int(output))
        lab = {k: oracle.label(k) for k in keys}
    uf = UnionFind()
    for k in keys:
        uf.find(k)
    nbrs = {k: [] for k in keys}
    for a, b in C.edges():
        nbrs[a].append(b)
        nbrs[b].append(a)
        if lab[a] == lab[b]:
            uf.union(a, b)
    roots = {}
    region = {k: roots.setdefault(uf.find(k), len(roots)) for k in keys}
    nreg = len(roots)
    # colours
    fig = Figure(figsize=figsize)
    ax = fig.add_subplot()
    verts = [polys[k] for k in keys if len(polys[k]) >= 3]
    ks = [k for k in keys if len(polys[k]) >= 3]
    if color == 'gradient':
        if output is None:
            vals = [float(np.linalg.norm(full[k][0])) for k in ks]
        else:
            vals = [float(np.linalg.norm(full[k][0][int(output)])) for k in ks]
        norm = mcolors.Normalize(vmin=min(vals, default=0), vmax=max(max(vals, default=1),
                                                                     min(vals, default=0) + 1e-12))
        cmap_ = matplotlib.colormaps[cmap]
        faces = [cmap_(norm(v)) for v in vals]
    else:
        rng = np.random.default_rng(0)
        palette = rng.random((max(nreg, 1), 3)) * 0.6 + 0.35
        faces = [tuple(palette[region[k]]) for k in ks]
    ax.add_collection(PolyCollection(verts, facecolors=faces, edgecolors='none', zorder=1))
    # boundaries: solid between linear regions, dashed inside one
    solid, dashed = [], []
    for k in ks:
        P = polys[k]
        for i in range(len(P)):
            p, q = P[i], P[(i + 1) % len(P)]
            m = ((p[0] + q[0]) / 2, (p[1] + q[1]) / 2)
            d = (q[0] - p[0], q[1] - p[1])
            L = (d[0] ** 2 + d[1] ** 2) ** 0.5
            if L == 0:
                continue
            # outward normal of a counter-clockwise polygon
            eps = 1e-7 * max(1.0, abs(m[0]), abs(m[1]))
            x = (m[0] + eps * d[1] / L, m[1] - eps * d[0] / L)
            other = None
            for b in nbrs[k]:
                if len(polys[b]) >= 3 and _inside(polys[b], x):
                    other = b
                    break
            if other is None:
                continue        # the box boundary
            if repr(k) > repr(other):
                continue        # draw each shared edge once
            (solid if region[other] != region[k] else dashed).append([p, q])
    if activation_boundaries and dashed:
        ax.add_collection(LineCollection(dashed, colors='0.25', linewidths=0.5,
                                         linestyles=(0, (3, 3)), zorder=2))
    if region_boundaries and solid:
        ax.add_collection(LineCollection(solid, colors='black', linewidths=0.8, zorder=3))
    # decision boundary
    if decision_boundary:
        segs = []
        for k in ks:
            G, c = full[k]
            P = polys[k]
            if nout == 1:
                pieces = [clip_polygon(P, (G[0, 0], G[0, 1]), c[0])]
                tie = lambda x, G=G, c=c: abs(G[0] @ x + c[0])  # noqa: E731
            else:
                pieces = []
                for j in range(nout):
                    Q = P
                    for i in range(nout):
                        if i != j and Q:
                            Q = clip_polygon(Q, tuple(G[j] - G[i]), c[j] - c[i])
                    pieces.append(Q)

                def tie(x, G=G, c=c):
                    v = np.sort(G @ x + c)
                    return v[-1] - v[-2]
            scale = 1e-9 * (1 + float(np.abs(G).max(initial=0)) + float(np.abs(c).max(initial=0)))
            for Q in pieces:
                for i in range(len(Q)):
                    p, q = Q[i], Q[(i + 1) % len(Q)]
                    m = np.array([(p[0] + q[0]) / 2, (p[1] + q[1]) / 2])
                    if tie(m) <= scale * (1 + np.abs(m).max()):
                        segs.append([p, q])
        if segs:
            ax.add_collection(LineCollection(segs, colors='red', linewidths=2.0, zorder=4,
                                             label="decision boundary"))
    # data points
    marks, names = [], []
    if slice is not None and slice.points is not None:
        marks += [[float(a) for a in slice.coordinates(p)] for p in slice.points]
        names += list(slice.labels or [None] * len(slice.points))
    if points is not None:
        pts = [[float(a) for a in p] for p in points]
        marks += pts
        names += list(labels or [None] * len(pts))
    if marks:
        M = np.array(marks)
        ax.scatter(M[:, 0], M[:, 1], s=36, c='white', edgecolors='black', zorder=5)
        for (x, y), nm in zip(marks, names):
            if nm is not None:
                ax.annotate(str(nm), (x, y), xytext=(5, 5), textcoords='offset points',
                            fontsize=10, zorder=6,
                            bbox=dict(boxstyle='round,pad=0.2', fc='white', alpha=0.8))
    lo, hi = _box_square(box)
    ax.set_xlim(lo[0], hi[0])
    ax.set_ylim(lo[1], hi[1])
    ax.set_aspect('equal')
    names_ = ("t_1", "t_2") if slice is not None else ("x_1", "x_2")
    ax.set_xlabel("$%s$" % names_[0])
    ax.set_ylabel("$%s$" % names_[1])
    nact = len(keys)
    if title is None:
        title = "%s: %s linear regions, %s activation regions" % (
            str(net).split(" (")[0], nreg, nact)
    ax.set_title(title)
    if color == 'gradient':
        sm = cm.ScalarMappable(norm=norm, cmap=cmap)
        fig.colorbar(sm, ax=ax, label="gradient norm" + ("" if output is None
                                                         else " (output %s)" % output))
    fig.tight_layout()
    return fig


def plot_line(net, slice, box=None, output=None, title=None, mode='exact', figsize=(6, 4)):
    r"""
    Return a Matplotlib figure of ``net`` along a 1-D slice (a line or the
    segment `t \in [-R, R]`, default `[0, 1]` with the two data points at
    its ends): the outputs, the breakpoints (solid) and the activation
    breakpoints that are not kinks (dashed).

    EXAMPLES::

        sage: from sage_tropnet.network import random_network
        sage: from sage_tropnet.slices import line_through
        sage: from sage_tropnet.slice_plot import plot_line
        sage: fig = plot_line(random_network([3, 6, 6, 2], seed=0),
        ....:                 line_through([0, 0, 0], [1, 1, 1], labels=["a", "b"]))
        sage: fig.axes[0].get_title()
        'ReLU network [3, 6, 6, 2]: 5 linear pieces, 5 activation pieces'
    """
    from matplotlib.figure import Figure
    from sage_tropnet.lines import along_segment
    if slice.dimension() != 1:
        raise ValueError("plot_line needs a 1-D slice")
    a, b = (QQ(0), QQ(1)) if box is None else (-QQ(box), QQ(box))
    d = slice.directions[0]
    P = along_segment(net, slice.origin + a * d, slice.origin + b * d, output=output,
                      mode=mode)
    fig = Figure(figsize=figsize)
    ax = fig.add_subplot()
    pieces = P.activation_pieces()
    nout = net.output_dimension()
    outs = range(nout) if output is None else [int(output)]
    for j in outs:
        ts, ys = [], []
        for t0, t1, _, s, c in pieces:
            for t in (t0, t1):
                ts.append(float(a + (b - a) * t))
                ys.append(float(c[j] + t * s[j]))
        ax.plot(ts, ys, label="output %s" % j)
    kinks = set(P.breakpoints())
    for t in P.breakpoints('activation'):
        ax.axvline(float(a + (b - a) * t), color='0.3', lw=0.8 if t in kinks else 0.5,
                   ls='-' if t in kinks else '--', zorder=0)
    if slice.points is not None:
        for p, nm in zip(slice.points, slice.labels or [None] * len(slice.points)):
            t = float(slice.coordinates(p)[0])
            ax.axvline(t, color='red', lw=1.2)
            if nm is not None:
                ax.annotate(str(nm), (t, 1), xycoords=('data', 'axes fraction'),
                            xytext=(3, -12), textcoords='offset points', color='red')
    ax.set_xlabel("$t$")
    ax.set_ylabel("output")
    if nout > 1 and output is None:
        ax.legend(fontsize=8)
    if title is None:
        title = "%s: %s linear pieces, %s activation pieces" % (
            str(net).split(" (")[0], P.number_of_linear_pieces(),
            P.number_of_activation_pieces())
    ax.set_title(title)
    fig.tight_layout()
    return fig
