"""Pictures: one window per object, one colour per monomial, titles, labels, the curve on
top, linked pictures, three variables."""
import pytest

from sage.rings.rational_field import QQ

from sage_tropnet.network import ReLUNetwork, random_network
from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
from sage_tropnet.plot import (default_box, plot_linear_regions, plot_dual_subdivision,
                               plot_tropical_hypersurface, plot_duality)

P1 = TP({(0, 0): 3, (1, 0): 2, (0, 1): 2, (1, 1): 3, (2, 0): 0, (0, 2): 0})
T3 = ReLUNetwork([([[1, 0], [0, 1], [-1, -1]], [0, 0, 1]), ([[1, 1, 1]], [0])])


def extent(G):
    """The bounding box of the primitives of a 2-D picture."""
    d = G.get_minmax_data()
    return d["xmin"], d["xmax"], d["ymin"], d["ymax"]


def test_one_window_for_regions_and_curve():
    R = float(default_box(P1))
    G, H = plot_linear_regions(P1), plot_tropical_hypersurface(P1)
    assert extent(G) == (-R, R, -R, R)
    xmin, xmax, ymin, ymax = extent(H)
    assert -R <= xmin and xmax <= R and -R <= ymin and ymax <= R
    # the display window is the same square, set on both
    for K in (G, H):
        opts = K._extra_kwds
        assert (opts["xmin"], opts["xmax"], opts["ymin"], opts["ymax"]) == (-R, R, -R, R)


def test_window_shows_the_bounded_cells_only():
    x, y = TP.gens(2)
    p = (0 + x * 50 + y * 50 + x * y * 51 + x**2 * 49 + y**2 * 49
         + x**2 * y**2 * 48 + x**2 * y * 50 + x * y**2 * 50)
    assert 1 <= default_box(p) <= 3          # not 50: (-50, -50) is a vertex of unbounded cells
    assert default_box(x + y + 0) == 1       # no bounded cell: all vertices
    assert default_box(x + 0) >= QQ(0)       # no vertex at all: the boundary line x = 0


def test_titles_labels_ticks():
    G = plot_linear_regions(T3)
    opts = G._extra_kwds
    assert opts["title"] == "7 linear regions"   # x = 0, y = 0, x + y = -1: 7 regions
    assert opts["axes_labels"] == ["$x_1$", "$x_2$"]
    R = float(default_box(T3))
    assert 2 * R / opts["ticks"][0] <= 4     # at most five ticks per axis
    assert plot_linear_regions(P1)._extra_kwds["axes_labels"] == ["$x$", "$y$"]
    assert "title" not in plot_linear_regions(P1, title=False)._extra_kwds
    # a window that cuts regions away says so
    far = ReLUNetwork([([[1, 0], [1, 0]], [0, -10]), ([[1, 1]], [0])])
    assert "in this window" in plot_linear_regions(far, box=1)._extra_kwds["title"]


def test_curve_on_top_of_regions():
    G = plot_linear_regions(P1) + plot_tropical_hypersurface(P1)
    z_regions = {g.options()["zorder"] for g in G if type(g).__name__ == "Polygon"}
    z_curve = {g.options()["zorder"] for g in G if type(g).__name__ == "Line"}
    assert max(z_regions) < min(z_curve)
    assert min(z_curve) > 2.5               # above matplotlib's axes and grid lines


def test_matching_colours_and_labels():
    """Vertex e_i of the subdivision and the region of monomial i: one colour, one label."""
    S = plot_dual_subdivision(P1, labels=True)
    G = plot_linear_regions(P1, labels=True)
    terms = P1.terms()
    vertex_color = {}
    for g in S:
        if type(g).__name__ == "Point":
            pt = (QQ(g.xdata[0]), QQ(g.ydata[0]))
            vertex_color[pt] = g.options()["rgbcolor"]
    region_color = {}
    for g in G:
        if type(g).__name__ == "Polygon":
            region_color.setdefault(g.options()["rgbcolor"], []).append(g)
    assert len(region_color) == 6
    for i, (e, c) in enumerate(terms):
        assert vertex_color[tuple(QQ(a) for a in e)] in region_color
    labels_S = sorted(g.string for g in S if type(g).__name__ == "Text")
    labels_G = sorted(g.string for g in G if type(g).__name__ == "Text")
    assert labels_S == labels_G == [str(i) for i in range(6)]


def test_duality_array_and_png(tmp_path):
    pytest.importorskip("matplotlib")
    A = plot_duality(P1)
    assert A.nrows() == 1 and A.ncols() == 2
    path = tmp_path / "duality.png"
    A.save(str(path), figsize=[8, 4])
    assert path.stat().st_size > 10000


def test_three_variables():
    from sage.plot.plot3d.base import Graphics3d
    u, v, w = TP.gens(3)
    p = u + v + w + 0
    assert isinstance(plot_dual_subdivision(p), Graphics3d)
    assert isinstance(plot_tropical_hypersurface(p), Graphics3d)
    assert isinstance(plot_linear_regions(random_network([3, 3, 1], seed=1)), Graphics3d)
    with pytest.raises(ValueError):
        plot_duality(p)


def test_small_figure_ticks_do_not_overlap(tmp_path):
    """At figsize 3 the tick labels of the default window do not overlap."""
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    G = plot_linear_regions(random_network([2, 6, 1], seed=0))
    fig = G.matplotlib(figsize=3, **{k: v for k, v in G._extra_kwds.items()
                                      if k not in ("aspect_ratio",)})
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    ax = fig.axes[0]
    renderer = canvas.get_renderer()
    for labels in (ax.get_xticklabels(), ax.get_yticklabels()):
        boxes = [t.get_window_extent(renderer) for t in labels if t.get_text()]
        for a, b in zip(boxes, boxes[1:]):
            assert not a.overlaps(b)


@pytest.mark.parametrize("p", [TP({(0, 0): 0, (1, 0): 1, (2, 0): 0}),          # a segment
                               TP({(0, 0): 0, (QQ(1) / 2, QQ(1) / 2): 1}),      # a short one
                               P1, TP({(0, 0): 0, (9, 0): 1, (0, 9): 2})])      # a big one
def test_dual_subdivision_ticks_render(tmp_path, p):
    """The window of the subdivision always has room for two ticks (a flat Newton polygon
    used to make matplotlib refuse the tick locator)."""
    pytest.importorskip("matplotlib")
    plot_dual_subdivision(p, labels=True).save(str(tmp_path / "s.png"), figsize=3)
    plot_duality(p).save(str(tmp_path / "d.png"), figsize=[6, 3])
