r"""
Linear regions and activation regions: the front door

Definitions (they change the counts, see [STR2018]_ Def. 1–2):

- A **linear region** of a continuous piecewise-linear function `f` is a
  maximal connected open set on which `f` is affine. Operationally: the
  full-dimensional cells of a polyhedral subdivision on which `f` is affine,
  labelled by their affine map, glued when two cells with the same map share a
  facet (a codimension-1 intersection). With ``adjacency="nonempty"`` cells with
  the same map are glued as soon as their closures meet (the 2024 code of
  [LWCBM2024]_); this can only lower the count.
- An **activation region** of a network is the set of inputs sharing one
  activation pattern, when it is full-dimensional. A unit whose pre-activation
  is identically zero on a cell does not split it (both states give the same
  function): it takes its canonical state, so degenerate units are not double
  counted.

Two independent exact **routes** compute the cells:

1. **tropical route** (``method="tropical"``): for `f = p \oslash q` (pruned),
   the cells are the full-dimensional intersections `U_i \cap V_j` of the
   regions of the monomials of `p` and `q`, labelled by the affine map
   `(c_i - d_j) + \langle e_i - f_j, x\rangle`; they are found by the
   facet-crossing search (:mod:`sage_tropnet.regions.explore`).
2. **activation route** (``method="activation"``): the cells are the
   activation regions of a network, labelled by the affine map of the chosen
   output; they are found by the layer-wise subdivision
   (:mod:`sage_tropnet.regions.subdivide`).

The default ``method="auto"`` takes the activation route for networks (it is
much faster and needs no tropicalisation) and the tropical route for tropical
maps. Every count is exact unless ``mode="float"`` is asked for.

EXAMPLES:

The examples of TropicalNN::

    sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
    sage: from sage_tropnet.regions import count_linear_regions
    sage: x, y = TP.gens(2)
    sage: count_linear_regions(x + y)
    2
    sage: u, = TP.gens(1)
    sage: f = (0 + u + u**2 * (-2)) / (0 + u**2 * (-2))
    sage: count_linear_regions(f)
    4
    sage: count_linear_regions(f / f)
    1
    sage: count_linear_regions((x**2 * y + x * y**2) / (x + y))
    1

Serra et al.'s Fig. 2 network, 5 activation regions but 4 linear regions,
by both routes::

    sage: from sage_tropnet.network import ReLUNetwork
    sage: from sage_tropnet.regions import count_activation_regions
    sage: net = ReLUNetwork([([[1], [-1]], [0, 1]), ([[4, 2]], [-3])],
    ....:                   output_activation='relu')
    sage: count_activation_regions(net), count_linear_regions(net)
    (5, 4)
    sage: count_linear_regions(net, method='tropical')
    4

AUTHORS:

- sage_tropnet developers (2026-11): initial version; (2026-12) region
  engine v2 (layer-wise subdivision, compiled kernel, one search)

REFERENCES:

- [LWCBM2024]_ §5.1 (Algorithm 3)
- [STR2018]_
- [ZNL2018]_
- [HR2019]_ (activation regions)
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

from sage_tropnet.network import ReLUNetwork
from sage_tropnet.regions.activation import ActivationOracle
from sage_tropnet.regions.tropical import TropicalOracle, as_tropical_map
from sage_tropnet.regions.subdivide import subdivide, NotPointedError
from sage_tropnet.regions.explore import explore
from sage_tropnet.regions.cells import CellComplex

#: the routes
ROUTES = ('auto', 'tropical', 'activation')
#: the gluing rules of cells with equal affine maps
ADJACENCIES = ('facet', 'nonempty')
#: the modes
MODES = ('exact', 'float')


def _check(method, adjacency, mode):
    if method not in ROUTES:
        raise ValueError("method must be one of %s, got %r" % (ROUTES, method))
    if adjacency not in ADJACENCIES:
        raise ValueError("adjacency must be one of %s, got %r" % (ADJACENCIES, adjacency))
    if mode not in MODES:
        raise ValueError("mode must be 'exact' or 'float', got %r" % (mode,))
    if mode == 'float' and adjacency != 'facet':
        raise ValueError("float mode glues facet-adjacent cells only: use adjacency='facet' "
                         "or mode='exact'")


def _is_serial(scheduler):
    r"""
    Whether ``scheduler`` asks for the search in this process, in one piece.
    """
    return isinstance(scheduler, str) and scheduler == 'serial'


#: the largest ratio of nonzero magnitudes float mode accepts within a layer
FLOAT_RANGE = 1e100


def _check_float_range(obj):
    r"""
    Refuse float mode, in one line, on data whose magnitudes double precision
    cannot hold together (exact mode handles them).
    """
    from sage.rings.rational_field import QQ
    cache = getattr(obj, '_cache', None) if isinstance(obj, ReLUNetwork) else None
    if cache is not None and cache.get('float range'):
        return      # checked before (networks are immutable)
    if isinstance(obj, ReLUNetwork):
        groups = [list(W.list()) + list(b) for W, b, _ in obj.layers()]
    else:
        try:
            f = as_tropical_map(obj)
        except TypeError:
            return
        groups = [[t for e in g.exponents() for t in e] + list(g.coefficients())
                  for g in (f.numerator(), f.denominator())]
    for i, g in enumerate(groups):
        mags = [abs(QQ(t)) for t in g if t]
        if not mags:
            continue
        hi, lo = max(mags), min(mags)
        if hi > QQ(2) ** 1000 or lo < QQ(2) ** -1000 or hi / lo > FLOAT_RANGE:
            raise ValueError("float mode cannot hold these numbers (magnitudes from %.1e to "
                             "%.1e in %s %s): use mode='exact'"
                             % (float(lo) if lo > QQ(2) ** -1070 else 0.0,
                                float(hi) if hi < QQ(2) ** 1024 else float('inf'),
                                'layer' if isinstance(obj, ReLUNetwork) else 'part', i))
    if cache is not None:
        cache['float range'] = True


def _seed(seed):
    try:
        return int(seed)
    except (TypeError, ValueError):
        raise TypeError("seed must be an integer, got %r" % (seed,))


def _output(obj, output):
    if output is None:
        return None
    try:
        out = int(output)
    except (TypeError, ValueError):
        raise TypeError("output must be an integer or None, got %r" % (output,))
    if out != output:
        raise TypeError("output must be an integer or None, got %r" % (output,))
    return out


class _Bar:
    r"""
    A progress bar fed with the number of cells found so far (cells and
    cells per second); it is created at the first report of the search, so
    that short calls pay nothing for it.
    """

    def __init__(self, progress, desc):
        self.progress = progress
        self.desc = desc
        self.bar = None
        self.done = 0

    def __call__(self, count):
        if self.progress is False:
            return
        if self.bar is None:
            from tqdm.auto import tqdm
            from sage_tropnet.misc.formatting import PROGRESS_DELAY
            self.bar = tqdm(delay=PROGRESS_DELAY, desc=self.desc, unit=" cells", leave=False, mininterval=0.5,
                            disable=None)
        self.bar.update(count - self.done)
        self.done = count

    def close(self):
        if self.bar is not None:
            self.bar.close()


def _tropical_oracle(obj, output):
    if isinstance(obj, ReLUNetwork):
        if output is None:
            if obj.output_dimension() != 1:
                raise ValueError("the tropical route needs one output: pass output=k")
            output = 0
        if not 0 <= output < obj.output_dimension():
            raise ValueError("output %s out of range: the network has %s outputs"
                             % (output, obj.output_dimension()))
        obj = obj.tropicalize()[output]
    return TropicalOracle(as_tropical_map(obj, output))


def cell_oracle(obj, method='auto', output=0):
    r"""
    Return the cell oracle of a network or tropical map for a route (see
    :mod:`sage_tropnet.regions.oracle`).

    INPUT:

    - ``obj`` -- a network, a tropical rational map, a tropical polynomial, or
      a vector of maps
    - ``method`` -- ``'auto'`` (default), ``'tropical'`` or ``'activation'``
    - ``output`` -- integer (default: ``0``) or ``None`` (activation route:
      all outputs)

    EXAMPLES::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.regions import cell_oracle
        sage: net = ReLUNetwork([([[1], [-1]], [0, 1]), ([[1, 1]], [0])])
        sage: cell_oracle(net), cell_oracle(net, method='tropical')
        (ActivationOracle in dimension 1, TropicalOracle in dimension 1)
    """
    _check(method, 'facet', 'exact')
    output = _output(obj, output)
    if isinstance(obj, ReLUNetwork) and method in ('auto', 'activation'):
        return ActivationOracle(obj, output)
    if method == 'activation':
        raise ValueError("the activation route needs a network, not %s" % type(obj).__name__)
    return _tropical_oracle(obj, output)


def regions(obj, method='auto', box=None, output=0, mode='exact', seed=0, progress=None):
    r"""
    Return the full-dimensional cells of a network or of a tropical map, with
    their adjacency, as a :class:`~sage_tropnet.regions.cells.CellComplex`.

    INPUT:

    - ``obj`` -- a :class:`~sage_tropnet.network.ReLUNetwork`, a tropical
      rational map, a tropical polynomial, or a vector of maps
    - ``method`` -- ``'auto'`` (default: activation route for networks,
      tropical route for maps), ``'tropical'`` or ``'activation'``
    - ``box`` -- ``None`` (all of `\RR^n`, default), a positive number `R`
      (the box `[-R, R]^n`) or a full-dimensional Sage polyhedron
    - ``output`` -- integer (default: ``0``) or ``None`` (activation route:
      cells labelled by the whole output vector)
    - ``mode`` -- ``'exact'`` (default) or ``'float'``
    - ``seed`` -- seed of random points (the result does not depend on it)
    - ``progress`` -- show a progress bar (default: only on a terminal)

    EXAMPLES::

        sage: from sage_tropnet.network import random_network
        sage: from sage_tropnet.regions import regions
        sage: net = random_network([2, 4, 1], seed=3)
        sage: C = regions(net); C
        Cell complex of 11 cells in R^2 (exact)
        sage: C.number_of_linear_regions()
        11
        sage: regions(net, method='tropical').number_of_cells()
        11
    """
    _check(method, 'facet', mode)
    seed = _seed(seed)
    output = _output(obj, output)
    if mode == 'float':
        _check_float_range(obj)
    if isinstance(obj, ReLUNetwork) and method in ('auto', 'activation'):
        oracle = ActivationOracle(obj, output)
        bar = _Bar(progress, "cells" + (" (float)" if mode == 'float' else ""))
        try:
            S = subdivide(obj, domain=box, mode=mode, output=output, glue=True, record=True,
                          progress=bar)
        except NotPointedError:
            return explore(oracle, box=box, mode=mode, seed=seed, progress=progress)
        finally:
            bar.close()
        keys = S.keys
        edges = set((keys[i], keys[j]) for i, j in S.edges)
        glued = set((keys[i], keys[j]) for i, j in S.glued)
        return CellComplex(oracle, keys, edges, mode=mode, box=box, points=S.points,
                           glued=glued, projection=S.projection, linear_count=S.linear_count,
                           route='activation', stats=S.stats)
    if method == 'activation':
        raise ValueError("the activation route needs a network, not %s" % type(obj).__name__)
    C = explore(_tropical_oracle(obj, output), box=box, mode=mode, seed=seed, progress=progress)
    C.route = 'tropical'
    return C


def linear_regions(obj, method='auto', adjacency='facet', box=None, output=0, seed=0,
                   progress=None, mode='exact'):
    r"""
    Return the linear regions of a tropical map or of a network, exactly.

    INPUT:

    - ``obj`` -- a :class:`~sage_tropnet.network.ReLUNetwork`, a tropical
      rational map, a tropical polynomial, or a vector of maps
    - ``method`` -- ``'auto'`` (default), ``'tropical'`` or ``'activation'``
      (networks only)
    - ``adjacency`` -- ``'facet'`` (default: glue cells with the same map that
      share a facet) or ``'nonempty'`` (glue as soon as the closures meet)
    - ``box`` -- ``None`` (all of `\RR^n`, default), a positive number `R`
      (the box `[-R, R]^n`) or a full-dimensional Sage polyhedron: count
      inside this domain
    - ``output`` -- which output coordinate (default: ``0``); ``None`` with
      the activation route labels cells by the whole output vector
    - ``seed`` -- seed for the random points of the search (the result does
      not depend on it)
    - ``progress`` -- show a progress bar (default: only on a terminal)
    - ``mode`` -- ``'exact'`` (default) or ``'float'``

    OUTPUT: a list of :class:`~sage_tropnet.regions.cells.LinearRegion`

    EXAMPLES::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.regions import linear_regions
        sage: net = ReLUNetwork([([[0, 1], [1, 0]], [1, 1]), ([[1, -1]], [0])])
        sage: R = linear_regions(net)
        sage: sorted((r.gradient, r.constant) for r in R)
        [((-1, 0), -1), ((-1, 1), 0), ((0, 0), 0), ((0, 1), 1)]
        sage: len(linear_regions(net, method='tropical'))
        4

    ALGORITHM: see the module documentation.
    """
    _check(method, adjacency, mode)
    return regions(obj, method=method, box=box, output=output, mode=mode, seed=seed,
                   progress=progress).linear_regions(adjacency)


def count_linear_regions(obj, method='auto', adjacency='facet', box=None, output=0,
                         seed=0, progress=None, mode='exact', scheduler='serial',
                         workers=None, pieces=None, state=None):
    r"""
    Return the number of linear regions (exact unless ``mode='float'``).

    INPUT: as for :func:`linear_regions`, and

    - ``scheduler`` -- ``'serial'`` (default: one search in this process),
      ``'local'`` (a local Dask cluster of ``workers`` processes), the
      address ``'tcp://HOST:PORT'`` of a running Dask scheduler, or a
      ``distributed.Client``: a network's count by the activation route is
      then done in about ``pieces`` independent pieces, merged exactly (see
      :mod:`sage_tropnet.regions.parallel`; ``state`` -- a directory where
      finished pieces are saved, so that an interrupted count resumes)

    For a network by the activation route (the default), nothing is kept per
    cell: the memory does not grow with the number of regions.

    EXAMPLES::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.regions import count_linear_regions
        sage: T3 = ReLUNetwork([([[1, 0], [0, 1], [-1, -1]], [0, 0, 0]), ([[1, 1, 1]], [0])])
        sage: count_linear_regions(T3), count_linear_regions(T3, method='tropical')
        (6, 6)
        sage: T2 = ReLUNetwork([([[1, 0], [1, 0]], [0, 0]), ([[1, -1]], [0])])
        sage: count_linear_regions(T2), count_linear_regions(T2, method='tropical')
        (1, 1)

    Float mode (double precision with tolerances; an estimate, labelled as
    such by the CLI), here on a generic network in the box `[-10, 10]^3`::

        sage: from sage_tropnet.network import random_network
        sage: net = random_network([3, 5, 1], seed=2)
        sage: count_linear_regions(net, box=10, mode='float'), count_linear_regions(net, box=10)
        (25, 25)

    In pieces (here one after the other in this process; ``scheduler='local'``
    or a scheduler's address runs them on a Dask cluster)::

        sage: count_linear_regions(net, box=10, scheduler='synchronous', progress=False)
        25
    """
    _check(method, adjacency, mode)
    seed = _seed(seed)
    output = _output(obj, output)
    if mode == 'float':
        _check_float_range(obj)
    if isinstance(obj, ReLUNetwork) and method in ('auto', 'activation') and \
            adjacency == 'facet' and not _is_serial(scheduler):
        from sage_tropnet.regions.parallel import count_regions_parallel
        return count_regions_parallel(obj, box=box, output=output, mode=mode, linear=True,
                                      scheduler=scheduler, workers=workers, pieces=pieces,
                                      state=state, progress=progress,
                                      seed=seed).linear_regions
    if isinstance(obj, ReLUNetwork) and method in ('auto', 'activation') and \
            adjacency == 'facet':
        bar = _Bar(progress, "cells" + (" (float)" if mode == 'float' else ""))
        try:
            return subdivide(obj, domain=box, mode=mode, output=output, glue=True,
                             progress=bar).linear_count
        except NotPointedError:
            pass
        finally:
            bar.close()
    return regions(obj, method=method, box=box, output=output, mode=mode, seed=seed,
                   progress=progress).number_of_linear_regions(adjacency)


def activation_regions(net, box=None, seed=0, progress=None, mode='exact'):
    r"""
    Return the activation regions of a network as a dictionary
    ``{pattern: polyhedron}`` (exact).

    A pattern has one tuple of unit states per layer (see
    :mod:`sage_tropnet.layers`).

    EXAMPLES::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.regions import activation_regions
        sage: net = ReLUNetwork([([[1], [-1]], [0, 1]), ([[4, 2]], [-3])],
        ....:                   output_activation='relu')
        sage: A = activation_regions(net); len(A)
        5
        sage: A[((1, 0), (1,))]
        A 1-dimensional polyhedron in QQ^1 defined as the convex hull of 1 vertex and 1 ray
    """
    if not isinstance(net, ReLUNetwork):
        raise TypeError("activation regions are defined for networks")
    return regions(net, method='activation', box=box, output=None, mode=mode, seed=seed,
                   progress=progress).polyhedra()


def count_activation_regions(net, box=None, seed=0, progress=None, mode='exact',
                             scheduler='serial', workers=None, pieces=None, state=None):
    r"""
    Return the number of activation regions of a network (exact unless
    ``mode='float'``).

    ``scheduler``, ``workers``, ``pieces``, ``state``: count in pieces on a
    Dask cluster, as for :func:`count_linear_regions`.

    Units whose pre-activation is identically zero on a cell do not split it.
    Nothing is kept per cell: the memory does not grow with the count.

    EXAMPLES:

    A network with a degenerate cell (a naive sign split gives 13)::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.regions import count_activation_regions, count_linear_regions
        sage: T4 = ReLUNetwork([([[1, 0], [0, 1], [1, 1]], [0, 0, -1]),
        ....:                   ([[1, -1, 1], [-1, 1, 1]], [0, 1/2]),
        ....:                   ([[1, -2]], [0])])
        sage: count_activation_regions(T4), count_linear_regions(T4)
        (12, 12)
        sage: count_activation_regions(T4, mode='float')
        12

    Weights beyond what double precision can hold together: exact mode
    counts, float mode says why it cannot::

        sage: big = ReLUNetwork([([[10^308, -10^308], [10^-310, 1]], [10^308, 0]),
        ....:                    ([[1, 10^300]], [0])])
        sage: count_activation_regions(big)
        4
        sage: count_activation_regions(big, mode='float')
        Traceback (most recent call last):
        ...
        ValueError: float mode cannot hold these numbers (magnitudes from 1.0e-310 to 1.0e+308 in layer 0): use mode='exact'
    """
    if not isinstance(net, ReLUNetwork):
        raise TypeError("activation regions are defined for networks")
    if mode not in MODES:
        raise ValueError("mode must be 'exact' or 'float', got %r" % (mode,))
    seed = _seed(seed)
    if mode == 'float':
        _check_float_range(net)
    if not _is_serial(scheduler):
        from sage_tropnet.regions.parallel import count_regions_parallel
        return count_regions_parallel(net, box=box, mode=mode, linear=False,
                                      scheduler=scheduler, workers=workers, pieces=pieces,
                                      state=state, progress=progress,
                                      seed=seed).activation_regions
    bar = _Bar(progress, "cells" + (" (float)" if mode == 'float' else ""))
    try:
        return subdivide(net, domain=box, mode=mode, output=0, progress=bar).count
    except NotPointedError:
        pass
    finally:
        bar.close()
    return regions(net, method='activation', box=box, output=None, mode=mode, seed=seed,
                   progress=progress).number_of_cells()
