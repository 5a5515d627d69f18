r"""
Counting one network's regions on a Dask cluster

The layer-wise subdivision (:mod:`sage_tropnet.regions.subdivide`) splits
into independent **pieces**: the cells whose units up to a cutoff unit have
given states (:func:`~sage_tropnet.regions.subdivide.pieces`). The pieces are
disjoint and cover the counting domain, so

- the **activation regions** of the network are the disjoint union of those
  of the pieces: every pattern has exactly one *owner*, the piece named by
  its prefix, and the count is the sum of the pieces' counts (no set of
  patterns is ever gathered);
- the **linear regions** are the classes of the activation regions glued
  across facets with equal affine maps. Each piece glues its own cells with
  a union-find on the worker and sends only what crosses its boundary: the
  glued pairs ``(a, b)`` whose cell ``b`` has another owner, and which of
  its boundary cells ``a`` its local union-find put in one class. The client
  merges these with a union-find over boundary cells only:

  .. MATH::

      \#\text{linear} = \#\text{activation} - \sum_P m_P - (m - i),

  where `m_P` counts the merges inside piece `P`, `m` the merges of the
  client's union-find and `i` those that only re-join cells of one local
  class. The merge is exact when every cell at the far end of a crossing
  pair is reported as a boundary cell by its owner (the pairs are
  symmetric); this is checked at the end, and if it failed the count would
  be redone serially, with a warning.

A Dask task counts one piece, or a batch of pieces, on a worker (the
network is sent once to every worker); the client merges the results as
they arrive (streamed: a bounded window of tasks is in flight), shows the
pieces done and the regions so far, and with ``state=DIR`` saves every
finished piece at once, atomically, with its definition and a SHA-256
checksum: a count that was interrupted resumes from the pieces whose
definition and checksum match.

``scheduler`` is ``'local'`` (a local cluster of ``workers`` processes,
started and closed for the count), the address of a running Dask scheduler
(``'tcp://HOST:PORT'``; its workers must import this package), a
:class:`distributed.Client` (left open), ``'synchronous'`` (the pieces one
after the other in this process, without Dask: the same merge, for tests) or
``'serial'`` (one search in this process: the count of
:mod:`sage_tropnet.regions`). Networks that do not split (one layer; some
maxout networks whose first-layer cells are not pointed) are counted
serially and the result says so. Results are identical to the serial search
in exact mode.

EXAMPLES::

    sage: from sage_tropnet.network import random_network
    sage: from sage_tropnet.regions.parallel import count_regions_parallel
    sage: from sage_tropnet.regions import count_linear_regions, count_activation_regions
    sage: net = random_network([3, 6, 6, 1], seed=2, output_activation='relu')
    sage: R = count_regions_parallel(net, scheduler='synchronous', pieces=16, progress=False)
    sage: R
    Parallel count of 333 activation regions and 94 linear regions in 26 pieces (exact)
    sage: count_activation_regions(net), count_linear_regions(net)
    (333, 94)

On a local cluster of two worker processes (a few seconds to start)::

    sage: from sage_tropnet.regions.parallel import count_linear_regions_parallel
    sage: count_linear_regions_parallel(net, scheduler='local', workers=2,  # long time
    ....:                               progress=False)
    94

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

import hashlib
import itertools
import json
import os
import sys
import time
import warnings

from sage.structure.sage_object import SageObject
from sage.rings.rational_field import QQ

from sage_tropnet.network import ReLUNetwork
from sage_tropnet.layers import activation
from sage_tropnet.misc.files import FileContentError, atomic_write, parse_json, read_text
from sage_tropnet.misc.union_find import UnionFind
from sage_tropnet.regions.subdivide import subdivide, pieces as engine_pieces, NotPointedError
from sage_tropnet.regions.activation import ActivationOracle
from sage_tropnet.regions.explore import explore

#: the values of ``scheduler`` that are not an address
SCHEDULERS = ('serial', 'synchronous', 'local')

#: the format of the files of ``state=DIR`` (one per finished piece)
PIECE_FORMAT = "sage_tropnet-piece-1"

#: default number of pieces per worker
PIECES_PER_WORKER = 16

#: most tasks in flight per worker (the client submits more as results come)
WINDOW_PER_WORKER = 8


# ---------------------------------------------------------------------------
# keys and owners
# ---------------------------------------------------------------------------

def _units(net):
    return [activation(a).units(W.nrows()) for W, b, a in net.layers()]


def _encode(key):
    r"""
    Return a key (a tuple of per-layer tuples of unit states) as bytes: the
    states of all units, layer after layer (a bijection, the widths being
    fixed).
    """
    return bytes(itertools.chain.from_iterable(key))


def _offset(units, cutoff):
    r"""
    Return the number of units before ``cutoff = (layer, unit)``: the length
    of the owner prefix of an encoded key.
    """
    l0, u0 = cutoff
    return sum(units[:l0]) + u0


def piece_id(net, piece):
    r"""
    Return the name of ``piece`` as bytes: the states of the units before its
    cutoff. The owner of an activation region is the piece whose name
    begins its pattern (its states, as bytes).

    EXAMPLES::

        sage: from sage_tropnet.network import random_network
        sage: from sage_tropnet.regions.subdivide import pieces
        sage: from sage_tropnet.regions.parallel import piece_id
        sage: net = random_network([2, 4, 4, 1], seed=1)
        sage: P = pieces(net); P[0]
        Piece of the cells with states ((1, 1, 1, 1), (1,)) before unit 1 of layer 1
        sage: piece_id(net, P[0])
        b'\x01\x01\x01\x01\x01'
    """
    off = _offset(_units(net), piece.cutoff)
    return b"".join(bytes(s) for s in piece.prefix)[:off]


# ---------------------------------------------------------------------------
# the partition
# ---------------------------------------------------------------------------

class Partition(SageObject):
    r"""
    The pieces of a parallel count: a list of distinct
    :class:`~sage_tropnet.regions.subdivide.Piece` s at one cutoff, with their
    names (see :func:`piece_id`).

    Built by :func:`partition`.

    EXAMPLES::

        sage: from sage_tropnet.network import random_network
        sage: from sage_tropnet.regions.parallel import partition
        sage: P = partition(random_network([3, 8, 8, 1], seed=2), target=20); P
        Partition into 26 pieces before unit 5 of layer 0
        sage: len(P.pieces), len(set(P.ids)), P.offset
        (26, 26, 5)
    """

    def __init__(self, pieces, cutoff, ids, offset):
        self.pieces = list(pieces)
        self.cutoff = tuple(cutoff)
        self.ids = list(ids)
        self.offset = int(offset)

    def __len__(self):
        r"""
        Return the number of pieces.

        EXAMPLES::

            sage: from sage_tropnet.network import random_network
            sage: from sage_tropnet.regions.parallel import partition
            sage: len(partition(random_network([2, 5, 5, 1], seed=0), target=4))
            4
        """
        return len(self.pieces)

    def _repr_(self):
        return "Partition into %s pieces before unit %s of layer %s" % (
            len(self.pieces), self.cutoff[1], self.cutoff[0])


def _cutoffs(net):
    r"""
    Yield the candidate cutoffs, shallowest first: units of the first layer
    (when the first ``u`` units already have the rank of the layer, so that
    the pieces are pointed), then every unit of the later layers.
    """
    layers = net.layers()
    units = _units(net)
    W1, _, a1 = layers[0]
    act1 = activation(a1)
    if act1.rows_per_unit == 1 and not act1.is_linear and len(layers) > 1:
        r = W1.rank()
        for u in range(1, units[0]):       # not units[0]: that is (1, 0)
            if u >= r and W1.matrix_from_rows(range(u)).rank() == r:
                yield (0, u)
    for l in range(1, len(layers)):
        for u in range(units[l]):
            yield (l, u)


def partition(net, box=None, mode='exact', target=16):
    r"""
    Return a :class:`Partition` of the search of ``net`` into at least
    ``target`` pieces when there are that many (at the shallowest cutoff
    giving that many; fewer if the network has fewer cells).

    INPUT:

    - ``net`` -- a :class:`~sage_tropnet.network.ReLUNetwork` with at least
      two layers
    - ``box`` -- the counting domain, as for
      :func:`~sage_tropnet.regions.count_linear_regions`
    - ``mode`` -- ``'exact'`` (default) or ``'float'``
    - ``target`` -- integer (default: ``16``)

    Raises ``ValueError`` for a network of one layer and
    :class:`~sage_tropnet.regions.subdivide.NotPointedError` when the cells
    of the first layer are not pointed.

    EXAMPLES::

        sage: from sage_tropnet.network import random_network
        sage: from sage_tropnet.regions.subdivide import subdivide
        sage: from sage_tropnet.regions.parallel import partition
        sage: net = random_network([4, 10, 10, 1], seed=1)
        sage: P = partition(net, target=40); P
        Partition into 57 pieces before unit 6 of layer 0
        sage: sum(subdivide(net, piece=p).count for p in P.pieces) == subdivide(net).count
        True
        sage: partition(net, target=10**9)
        Partition into 5330 pieces before unit 9 of layer 1

    TESTS::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: partition(ReLUNetwork([([[1, 2]], [3])]))
        Traceback (most recent call last):
        ...
        ValueError: a network with one layer is not split into pieces
    """
    if not isinstance(net, ReLUNetwork):
        raise TypeError("pieces are defined for networks, not %s" % type(net).__name__)
    if len(net.layers()) < 2:
        raise ValueError("a network with one layer is not split into pieces")
    units = _units(net)
    best = None
    for cutoff in _cutoffs(net):
        found = engine_pieces(net, domain=box, mode=mode, cutoff=cutoff)
        if not isinstance(found, list):
            # a first layer without rank: the network is constant, one cell
            raise ValueError("a constant network is not split into pieces")
        off = _offset(units, cutoff)
        distinct = {}
        for p in found:
            # the engine may return a piece once per start cone: keep one
            distinct.setdefault(b"".join(bytes(s) for s in p.prefix)[:off], p)
        best = Partition(distinct.values(), cutoff, distinct.keys(), off)
        if len(best) >= target:
            break
    if best is None:
        raise ValueError("a network with one layer is not split into pieces")
    return best


# ---------------------------------------------------------------------------
# one piece (on a worker)
# ---------------------------------------------------------------------------

def count_piece(net, piece, box=None, mode='exact', output=0, linear=True):
    r"""
    Count the activation regions of one piece and glue its linear regions
    locally; return what the merge needs (a dictionary).

    The keys are the piece's name ``id`` (bytes), ``count`` (its activation
    regions), ``local_merges`` (merges of the union-find of the glued pairs
    inside the piece), ``cross`` (the glued pairs ``(a, b)``, patterns as
    bytes, whose cell ``b`` is in another piece), ``groups`` (the boundary
    cells ``a`` that the piece glued into one class, as lists of at least two;
    every other boundary cell is alone in its class), ``seconds`` and
    ``worker`` (the address of the Dask worker, or ``None``).

    INPUT:

    - ``net`` -- a network; ``piece`` -- a
      :class:`~sage_tropnet.regions.subdivide.Piece` of it
    - ``box``, ``mode``, ``output`` -- as for
      :func:`~sage_tropnet.regions.count_linear_regions`
    - ``linear`` -- boolean (default: ``True``); also glue (for the linear
      regions)

    EXAMPLES::

        sage: from sage_tropnet.network import random_network
        sage: from sage_tropnet.regions.parallel import partition, count_piece
        sage: net = random_network([2, 4, 4, 1], seed=1, output_activation='relu')
        sage: P = partition(net)
        sage: r = count_piece(net, P.pieces[6])
        sage: r['id'] == P.ids[6], r['count'], r['local_merges'], len(r['cross'])
        (True, 3, 1, 2)
        sage: r['cross'][0]
        (b'\x00\x01\x01\x00\x00\x00\x00\x00\x00', b'\x00\x01\x00\x00\x00\x00\x00\x00\x00')
        sage: r['groups']
        [[b'\x00\x01\x01\x00\x00\x00\x00\x00\x00', b'\x00\x01\x01\x00\x00\x00\x01\x00\x00']]
    """
    t0 = time.perf_counter()
    units = _units(net)
    off = _offset(units, piece.cutoff)
    me = b"".join(bytes(s) for s in piece.prefix)[:off]
    S = subdivide(net, domain=box, mode=mode, output=output, glue=linear, piece=piece,
                  glue_pairs=linear)
    local = 0
    cross = set()
    groups = []
    if linear:
        uf = UnionFind()
        for a, b in S.glue_pairs:
            a, b = _encode(a), _encode(b)
            if a[:off] != me:
                raise RuntimeError("a cell of %s has the pattern %r outside it" % (piece, a))
            if b[:off] == me:
                if uf.union(a, b):
                    local += 1
            else:
                cross.add((a, b))
        classes = {}
        for a in sorted({a for a, _ in cross}):
            classes.setdefault(uf.find(a), []).append(a)
        groups = [g for g in classes.values() if len(g) > 1]
    worker = None
    try:
        from distributed import get_worker
        worker = get_worker().address
    except (ImportError, ValueError):
        pass
    return dict(id=me, count=int(S.count), local_merges=local, cross=sorted(cross),
                groups=groups, seconds=time.perf_counter() - t0, worker=worker)


def _count_batch(net, batch, box, mode, output, linear):
    r"""
    Return the results of :func:`count_piece` for a list of pieces.
    """
    return [count_piece(net, p, box=box, mode=mode, output=output, linear=linear)
            for p in batch]


# ---------------------------------------------------------------------------
# the merge (on the client)
# ---------------------------------------------------------------------------

class PieceMerge:
    r"""
    The streamed exact merge of the pieces' results (see the module
    documentation): a sum for the activation regions, a union-find over the
    boundary cells only for the linear regions.

    INPUT:

    - ``linear`` -- boolean (default: ``True``); merge the gluing too

    EXAMPLES::

        sage: from sage_tropnet.network import random_network
        sage: from sage_tropnet.regions.parallel import partition, count_piece, PieceMerge
        sage: net = random_network([3, 6, 6, 1], seed=2, output_activation='relu')
        sage: M = PieceMerge()
        sage: for p in partition(net).pieces:
        ....:     M.add(count_piece(net, p))
        sage: M.activation_regions, M.linear_regions(), M.boundary_cells()
        (333, 94, 238)
        sage: M.is_consistent()
        True
    """

    def __init__(self, linear=True):
        self.linear = bool(linear)
        self.activation_regions = 0
        self.pieces = 0
        self._seen = set()
        self._uf = UnionFind()
        self._local = 0      # merges inside the pieces
        self._merges = 0     # merges of the client's union-find
        self._rejoin = 0     # of which re-joining cells of one local class
        self._near = 0       # boundary cells reported by their owners

    def add(self, result):
        r"""
        Merge the result of one piece (a dictionary of :func:`count_piece`).

        EXAMPLES::

            sage: from sage_tropnet.regions.parallel import PieceMerge
            sage: M = PieceMerge()
            sage: M.add(dict(id=b'\x00', count=3, local_merges=1, cross=[], groups=[]))
            sage: M.activation_regions, M.linear_regions()
            (3, 2)
            sage: M.add(dict(id=b'\x00', count=3, local_merges=1, cross=[], groups=[]))
            Traceback (most recent call last):
            ...
            ValueError: the piece b'\x00' was merged twice
        """
        pid = bytes(result["id"])
        if pid in self._seen:
            raise ValueError("the piece %r was merged twice" % (pid,))
        self._seen.add(pid)
        self.pieces += 1
        self.activation_regions += int(result["count"])
        if not self.linear:
            return
        self._local += int(result["local_merges"])
        uf = self._uf
        near = set()
        for a, b in result["cross"]:
            near.add(a)
            if uf.union(a, b):
                self._merges += 1
        self._near += len(near)
        for g in result["groups"]:
            self._rejoin += len(g) - 1
            for x in g[1:]:
                if uf.union(g[0], x):
                    self._merges += 1

    def boundary_cells(self):
        r"""
        Return the number of cells in the client's union-find (the memory
        of the merge grows with it, not with the number of regions).

        EXAMPLES::

            sage: from sage_tropnet.regions.parallel import PieceMerge
            sage: M = PieceMerge()
            sage: M.add(dict(id=b'\x00', count=2, local_merges=0,
            ....:            cross=[(b'\x00\x01', b'\x01\x01')], groups=[]))
            sage: M.boundary_cells()
            2
        """
        return len(self._uf)

    def is_consistent(self):
        r"""
        Return whether every cell at the far end of a crossing pair was
        reported as a boundary cell by its owner (the condition under which
        the merged count is exact; true once all pieces are merged).

        EXAMPLES::

            sage: from sage_tropnet.regions.parallel import PieceMerge
            sage: M = PieceMerge()
            sage: M.add(dict(id=b'\x00', count=1, local_merges=0,
            ....:            cross=[(b'\x00\x01', b'\x01\x01')], groups=[]))
            sage: M.is_consistent()
            False
            sage: M.add(dict(id=b'\x01', count=1, local_merges=0,
            ....:            cross=[(b'\x01\x01', b'\x00\x01')], groups=[]))
            sage: M.is_consistent(), M.linear_regions()
            (True, 1)
        """
        return not self.linear or len(self._uf) == self._near

    def linear_regions(self):
        r"""
        Return the number of linear regions of the pieces merged so far
        (with their gluing to one another).

        EXAMPLES::

            sage: from sage_tropnet.regions.parallel import PieceMerge
            sage: M = PieceMerge()
            sage: M.add(dict(id=b'\x00', count=4, local_merges=1,
            ....:            cross=[(b'\x00\x00', b'\x01\x00'), (b'\x00\x01', b'\x01\x00')],
            ....:            groups=[[b'\x00\x00', b'\x00\x01']]))
            sage: M.add(dict(id=b'\x01', count=2, local_merges=0,
            ....:            cross=[(b'\x01\x00', b'\x00\x00'), (b'\x01\x00', b'\x00\x01')],
            ....:            groups=[]))
            sage: M.activation_regions, M.linear_regions()
            (6, 4)
        """
        if not self.linear:
            return None
        return self.activation_regions - self._local - (self._merges - self._rejoin)


# ---------------------------------------------------------------------------
# saved pieces (resumption)
# ---------------------------------------------------------------------------

def fingerprint(net):
    r"""
    Return a SHA-256 hex digest of the exact weights and activations of a
    network (equal networks have equal fingerprints).

    EXAMPLES::

        sage: from sage_tropnet.network import random_network
        sage: from sage_tropnet.regions.parallel import fingerprint
        sage: fingerprint(random_network([2, 3, 1], seed=1)) == \
        ....:     fingerprint(random_network([2, 3, 1], seed=1))
        True
        sage: fingerprint(random_network([2, 3, 1], seed=1)) == \
        ....:     fingerprint(random_network([2, 3, 1], seed=2))
        False
    """
    h = hashlib.sha256()
    for W, b, act in net.layers():
        h.update(repr((W.nrows(), W.ncols(), [str(x) for x in W.list()],
                       [str(x) for x in b], act)).encode())
    return h.hexdigest()


def _domain_string(box):
    if box is None:
        return "R^n"
    if hasattr(box, 'inequalities_list'):
        return "polyhedron %s %s" % (sorted(map(str, box.inequalities_list())),
                                     sorted(map(str, box.equations_list())))
    return "box %s" % QQ(box)


def piece_definition(net, piece_name, cutoff, box=None, mode='exact', output=0,
                     linear=True):
    r"""
    Return the definition of a piece's result (a dictionary of strings and
    integers): what a saved result must match to be reused.

    EXAMPLES::

        sage: from sage_tropnet.network import random_network
        sage: from sage_tropnet.regions.parallel import piece_definition
        sage: d = piece_definition(random_network([2, 3, 1], seed=1), b'\x01\x00', (0, 2), box=1)
        sage: d['piece'], d['cutoff'], d['domain'], d['mode'], d['linear']
        ('0100', [0, 2], 'box 1', 'exact', True)
    """
    return {"format": PIECE_FORMAT, "network": fingerprint(net), "domain": _domain_string(box),
            "mode": mode, "output": output, "linear": bool(linear),
            "cutoff": [int(t) for t in cutoff], "piece": bytes(piece_name).hex()}


def _digest(obj):
    return hashlib.sha256(json.dumps(obj, sort_keys=True).encode()).hexdigest()


def _to_json(result):
    return {"id": result["id"].hex(), "count": result["count"],
            "local_merges": result["local_merges"],
            "cross": [[a.hex(), b.hex()] for a, b in result["cross"]],
            "groups": [[a.hex() for a in g] for g in result["groups"]],
            "seconds": result["seconds"], "worker": result["worker"]}


def _from_json(data):
    return dict(id=bytes.fromhex(data["id"]), count=int(data["count"]),
                local_merges=int(data["local_merges"]),
                cross=[(bytes.fromhex(a), bytes.fromhex(b)) for a, b in data["cross"]],
                groups=[[bytes.fromhex(a) for a in g] for g in data["groups"]],
                seconds=float(data["seconds"]), worker=data["worker"])


def _state_path(state, definition):
    return os.path.join(state, _digest(definition)[:40] + ".json")


def save_piece(state, definition, result):
    r"""
    Save the result of a piece in the directory ``state`` (atomically: a
    temporary file in that directory, then renamed), with its definition and
    a SHA-256 checksum; return the path.

    EXAMPLES::

        sage: from sage_tropnet.network import random_network
        sage: from sage_tropnet.regions.parallel import (partition, count_piece, piece_definition,
        ....:                                    save_piece, load_piece)
        sage: net = random_network([2, 4, 4, 1], seed=1)
        sage: P = partition(net); r = count_piece(net, P.pieces[0])
        sage: d = piece_definition(net, P.ids[0], P.cutoff)
        sage: state = tmp_dir()
        sage: path = save_piece(state, d, r)
        sage: load_piece(state, d) == r
        True
    """
    data = _to_json(result)
    content = {"definition": definition, "result": data, "checksum": _digest(data)}
    path = _state_path(state, definition)
    with atomic_write(path) as f:
        json.dump(content, f, sort_keys=True)
    return path


def load_piece(state, definition):
    r"""
    Return the saved result of the piece of ``definition`` in the directory
    ``state``, or ``None`` if there is none, or if its definition or its
    checksum does not match.

    EXAMPLES::

        sage: from sage_tropnet.network import random_network
        sage: from sage_tropnet.regions.parallel import (partition, count_piece, piece_definition,
        ....:                                    save_piece, load_piece)
        sage: net = random_network([2, 4, 4, 1], seed=1)
        sage: P = partition(net); r = count_piece(net, P.pieces[0])
        sage: d = piece_definition(net, P.ids[0], P.cutoff)
        sage: state = tmp_dir(); path = save_piece(state, d, r)
        sage: import json
        sage: c = json.load(open(path)); c['result']['count'] += int(1)
        sage: _ = open(path, 'w').write(json.dumps(c))
        sage: load_piece(state, d) is None                 # the checksum does not match
        True
        sage: load_piece(state, dict(d, mode='float')) is None
        True
    """
    path = _state_path(state, definition)
    try:
        if os.path.islink(path) or not os.path.isfile(path):
            return None
        content = parse_json(read_text(path, follow_symlinks=False))
        if not isinstance(content, dict) or content.get("definition") != definition:
            return None
        data = content["result"]
        if content.get("checksum") != _digest(data):
            return None
        result = _from_json(data)
    except (OSError, FileContentError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if result["id"].hex() != definition["piece"]:
        return None
    return result


# ---------------------------------------------------------------------------
# the result
# ---------------------------------------------------------------------------

class ParallelCount(SageObject):
    r"""
    The result of :func:`count_regions_parallel`.

    Attributes: ``activation_regions``, ``linear_regions`` (``None`` if not
    asked for), ``mode``, ``pieces`` (their number), ``cutoff``, ``tasks``,
    ``computed`` and ``reused`` (pieces computed now and read from
    ``state``), ``rejected`` (saved pieces not reused: definition or
    checksum mismatch), ``workers``, ``seconds`` (wall clock),
    ``split_seconds`` (making the pieces), ``merge_seconds`` (the client's
    merge), ``boundary_cells`` (the size of the client's union-find),
    ``log`` (one dictionary per piece: ``piece``, ``count``, ``cross``,
    ``seconds``, ``worker``) and ``fallback`` (``None``, or why the count was
    serial).

    EXAMPLES::

        sage: from sage_tropnet.network import random_network
        sage: from sage_tropnet.regions.parallel import count_regions_parallel
        sage: R = count_regions_parallel(random_network([2, 5, 5, 1], seed=0),
        ....:                            scheduler='synchronous', progress=False)
        sage: R.activation_regions, R.linear_regions, R.pieces, R.computed, R.fallback
        (64, 62, 16, 16, None)
        sage: sorted(R.log[0])
        ['count', 'cross', 'piece', 'seconds', 'worker']
    """

    def __init__(self, **data):
        self.__dict__.update(data)

    def _repr_(self):
        s = "Parallel count of %s activation regions" % self.activation_regions
        if self.linear_regions is not None:
            s += " and %s linear regions" % self.linear_regions
        if self.fallback:
            s += " (serial: %s)" % self.fallback
        else:
            s += " in %s pieces" % self.pieces
        return s + " (%s)" % self.mode


# ---------------------------------------------------------------------------
# running
# ---------------------------------------------------------------------------

def _check_scheduler(scheduler):
    if isinstance(scheduler, str):
        if scheduler in SCHEDULERS or "://" in scheduler or ":" in scheduler:
            return
        raise ValueError("scheduler must be 'serial', 'local', 'synchronous' or the address of "
                         "a dask scheduler such as 'tcp://HOST:PORT', got %r" % (scheduler,))
    if type(scheduler).__name__ != "Client":
        raise TypeError("scheduler must be a string or a distributed.Client, got %r"
                        % (scheduler,))


def _positive(name, value):
    if value is None:
        return None
    try:
        v = int(value)
    except (TypeError, ValueError):
        v = None
    if v is None or v != value or v < 1:
        raise ValueError("%s must be a positive integer, got %r" % (name, value))
    return v


def _serial(net, box, mode, output, linear, seed):
    r"""
    Return ``(activation regions, linear regions or None)`` by one serial
    search (the facet-crossing search when the cells are not pointed), as
    :mod:`sage_tropnet.regions.api` counts.
    """
    try:
        S = subdivide(net, domain=box, mode=mode, output=output, glue=linear)
        return S.count, S.linear_count
    except NotPointedError:
        C = explore(ActivationOracle(net, output), box=box, mode=mode, seed=seed,
                    progress=False)
        return C.number_of_cells(), (C.number_of_linear_regions('facet') if linear else None)


class _Progress:
    r"""
    Progress of a parallel count: a bar of pieces (with the regions so far)
    on a terminal, or a callable ``progress(done, total, regions so far)``.
    """

    def __init__(self, progress, total, done, regions):
        self.call = progress if callable(progress) else None
        self.bar = None
        if self.call is None and progress is not False:
            from tqdm.auto import tqdm
            from sage_tropnet.misc.formatting import PROGRESS_DELAY
            self.bar = tqdm(delay=PROGRESS_DELAY, total=total, initial=done, desc="pieces", unit=" piece",
                            disable=None if progress is None else not progress,
                            mininterval=0.5)
            self.bar.set_postfix(regions=regions, refresh=False)
        self.total = total
        self.done = done

    def __call__(self, regions):
        self.done += 1
        if self.bar is not None:
            self.bar.set_postfix(regions=regions, refresh=False)
            self.bar.update(1)
        if self.call is not None:
            self.call(self.done, self.total, regions)

    def close(self):
        if self.bar is not None:
            self.bar.close()


#: seconds to wait for a dask scheduler, and for the workers asked for
CONNECT_TIMEOUT = 30
WAIT_FOR_WORKERS = 120


def _connect(scheduler, workers):
    r"""
    Return ``(client, number of workers, close)`` for a scheduler that is
    ``'local'``, an address or a client.
    """
    import logging
    from distributed import Client, LocalCluster
    if isinstance(scheduler, str) and scheduler == 'local':
        n = workers or os.cpu_count() or 1
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        try:
            client = Client(cluster)
        except BaseException:
            cluster.close()
            raise

        def close():
            client.close()
            cluster.close()
        return client, n, close
    if isinstance(scheduler, str):
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as err:
            raise ValueError("cannot reach the dask scheduler at %s (%s)"
                             % (scheduler, str(err).splitlines()[0] if str(err) else
                                type(err).__name__)) from None
        close = client.close
    else:
        client, close = scheduler, (lambda: None)
    try:
        if workers:
            try:
                client.wait_for_workers(workers, timeout=WAIT_FOR_WORKERS)
            except (OSError, TimeoutError):
                raise ValueError("the dask scheduler at %s has %s of the %s workers asked for "
                                 "after %s s" % (scheduler,
                                                 len(client.scheduler_info().get("workers", {})),
                                                 workers, WAIT_FOR_WORKERS)) from None
        n = max(1, len(client.scheduler_info().get("workers", {})))
    except BaseException:
        close()
        raise
    return client, n, close


def _run_dask(client, nworkers, net, batches, args, merge_one):
    r"""
    Submit the batches to ``client`` (a window of them in flight) and merge
    the results as they complete.
    """
    from distributed import as_completed
    remote = client.scatter(net, broadcast=True, hash=False)
    todo = iter(batches)
    window = WINDOW_PER_WORKER * nworkers
    futures = set()

    def submit():
        batch = next(todo, None)
        if batch is None:
            return None
        f = client.submit(_count_batch, remote, batch, *args, pure=False)
        futures.add(f)
        return f

    try:
        queue = as_completed([f for f in (submit() for _ in range(window)) if f is not None])
        for fut in queue:
            results = fut.result()
            futures.discard(fut)
            fut.release()
            f = submit()
            if f is not None:
                queue.add(f)
            for r in results:
                merge_one(r)
    finally:
        if futures:
            client.cancel(list(futures))
        remote.release()


def count_regions_parallel(net, box=None, output=0, mode='exact', linear=True,
                           scheduler='local', workers=None, pieces=None, state=None,
                           resume=True, progress=None, seed=0):
    r"""
    Count the activation regions (and the linear regions) of a network in
    pieces, on a Dask cluster; return a :class:`ParallelCount`.

    INPUT:

    - ``net`` -- a :class:`~sage_tropnet.network.ReLUNetwork`
    - ``box``, ``output``, ``mode``, ``seed`` -- as for
      :func:`~sage_tropnet.regions.count_linear_regions` (facet adjacency)
    - ``linear`` -- boolean (default: ``True``); also count the linear
      regions
    - ``scheduler`` -- ``'local'`` (default: a local cluster of ``workers``
      processes with one thread each, closed at the end), the address of a
      running dask scheduler (``'tcp://HOST:PORT'``), a
      :class:`distributed.Client` (left open), ``'synchronous'`` (the
      pieces one after the other in this process) or ``'serial'`` (one
      search, no pieces)
    - ``workers`` -- positive integer or ``None``: the size of the local
      cluster (default: the number of cores); with an address or a client,
      wait until that many workers are connected
    - ``pieces`` -- positive integer or ``None`` (default: 16 per worker): the
      wanted number of pieces; a partition with many more pieces is sent as
      about that many tasks
    - ``state`` -- ``None`` (default) or a directory: every finished piece is
      saved there at once, and with ``resume`` (default: ``True``) the pieces
      saved by an earlier (interrupted) count of the same network, domain,
      mode and output are reused when their checksum matches
    - ``progress`` -- ``None`` (default: a bar of the pieces on a terminal),
      ``True``, ``False``, or a callable ``progress(done, total, regions)``
      called after every piece

    EXAMPLES::

        sage: from sage_tropnet.network import random_network
        sage: from sage_tropnet.regions.parallel import count_regions_parallel
        sage: net = random_network([3, 6, 6, 1], seed=4, init='integer',
        ....:                      output_activation='relu')
        sage: state = tmp_dir()
        sage: R = count_regions_parallel(net, scheduler='synchronous', state=state,
        ....:                            progress=False); R
        Parallel count of 288 activation regions and 137 linear regions in 25 pieces (exact)
        sage: R = count_regions_parallel(net, scheduler='synchronous', state=state,
        ....:                            progress=False)
        sage: R.computed, R.reused, R.linear_regions
        (0, 25, 137)
        sage: from sage_tropnet.regions import count_linear_regions
        sage: count_linear_regions(net)
        137

    Networks that do not split are counted serially, with a warning::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: mo = ReLUNetwork([([[1, 0], [0, 1]], [0, 0]), ([[1], [2]], [0, 1]), ([[1]], [0])],
        ....:                  hidden_activation=('maxout', 2))
        sage: count_regions_parallel(mo, scheduler='synchronous', progress=False)
        doctest:warning...
        UserWarning: the cells of the first layer are not pointed: counted serially
        Parallel count of 4 activation regions and 4 linear regions (serial: the cells of the first layer are not pointed) (exact)
    """
    t0 = time.perf_counter()
    if not isinstance(net, ReLUNetwork):
        raise TypeError("a parallel count needs a network, not %s" % type(net).__name__)
    if mode not in ('exact', 'float'):
        raise ValueError("mode must be 'exact' or 'float', got %r" % (mode,))
    if output is not None:
        try:
            out = int(output)
        except (TypeError, ValueError):
            out = None
        if out is None or out != output:
            raise TypeError("output must be an integer or None, got %r" % (output,))
        output = out
        if not 0 <= output < net.output_dimension():
            raise ValueError("output %s out of range: the network has %s outputs"
                             % (output, net.output_dimension()))
    _check_scheduler(scheduler)
    workers = _positive("workers", workers)
    target = _positive("pieces", pieces)
    linear = bool(linear)
    info = dict(mode=mode, pieces=0, cutoff=None, tasks=0, computed=0, reused=0, rejected=0,
                workers=0, split_seconds=0.0, merge_seconds=0.0, boundary_cells=0, log=[],
                fallback=None)

    def serial(reason):
        if reason is not None:
            warnings.warn("%s: counted serially" % reason, UserWarning, stacklevel=2)
        a, lin = _serial(net, box, mode, output, linear, seed)
        info.update(activation_regions=a, linear_regions=lin, fallback=reason,
                    seconds=time.perf_counter() - t0)
        return ParallelCount(**info)

    if isinstance(scheduler, str) and scheduler == 'serial':
        return serial(None)
    local = isinstance(scheduler, str) and scheduler == 'local'
    synchronous = isinstance(scheduler, str) and scheduler == 'synchronous'
    client = None
    close = None
    try:
        if local:
            nworkers = workers or os.cpu_count() or 1
        elif synchronous:
            nworkers = 1
        else:
            # a running cluster: connect now, to size the partition by its workers
            client, nworkers, close = _connect(scheduler, workers)
        return _count(net, box, output, mode, linear, scheduler, workers, target, state,
                      resume, progress, info, nworkers, client, serial, t0)
    finally:
        if close is not None:
            close()


def _count(net, box, output, mode, linear, scheduler, workers, target, state, resume,
           progress, info, nworkers, client, serial, t0):
    r"""
    The body of :func:`count_regions_parallel` once the options are checked.
    """
    t = time.perf_counter()
    ntasks = target or PIECES_PER_WORKER * nworkers
    try:
        P = partition(net, box=box, mode=mode, target=ntasks)
    except NotPointedError:
        return serial("the cells of the first layer are not pointed")
    except ValueError as err:
        if "not split" in str(err):
            return serial(str(err))
        raise
    info.update(split_seconds=time.perf_counter() - t, pieces=len(P), cutoff=P.cutoff)
    # the pieces saved earlier
    merge = PieceMerge(linear)
    todo = list(range(len(P)))
    definitions = None
    if state is not None:
        os.makedirs(state, exist_ok=True)
        definitions = [piece_definition(net, pid, P.cutoff, box=box, mode=mode, output=output,
                                        linear=linear) for pid in P.ids]
        todo = []
        for i, d in enumerate(definitions):
            r = load_piece(state, d) if resume else None
            if r is None:
                if resume and os.path.exists(_state_path(state, d)):
                    info["rejected"] += 1
                todo.append(i)
            else:
                merge.add(r)
                info["log"].append(_log(r))
        info["reused"] = len(P) - len(todo)
    index = {pid: i for i, pid in enumerate(P.ids)}
    bar = _Progress(progress, len(P), info["reused"], merge.activation_regions)

    def merge_one(r):
        tm = time.perf_counter()
        if definitions is not None:
            save_piece(state, definitions[index[r["id"]]], r)
        merge.add(r)
        info["merge_seconds"] += time.perf_counter() - tm
        info["computed"] += 1
        info["log"].append(_log(r))
        bar(merge.activation_regions)

    args = (box, mode, output, linear)
    close = None
    try:
        if todo and isinstance(scheduler, str) and scheduler == 'synchronous':
            info["workers"] = 1
            info["tasks"] = len(todo)
            for i in todo:
                merge_one(count_piece(net, P.pieces[i], *args))
        elif todo:
            if client is None:
                client, nworkers, close = _connect(scheduler, workers)
            info["workers"] = nworkers
            n = max(1, min(len(todo), ntasks))
            batches = [[P.pieces[i] for i in todo[j::n]] for j in range(n)]
            info["tasks"] = len(batches)
            _run_dask(client, nworkers, net, batches, args, merge_one)
    except NotPointedError:
        bar.close()
        return serial("a piece is not pointed")
    finally:
        bar.close()
        if close is not None:
            close()
    if not merge.is_consistent():
        return serial("the gluing pairs of the pieces are not symmetric (please report)")
    info.update(activation_regions=merge.activation_regions,
                linear_regions=merge.linear_regions(), boundary_cells=merge.boundary_cells(),
                seconds=time.perf_counter() - t0)
    return ParallelCount(**info)


def _log(r):
    return dict(piece=r["id"].hex(), count=r["count"], cross=len(r["cross"]),
                seconds=r["seconds"], worker=r["worker"])


def count_linear_regions_parallel(net, box=None, output=0, mode='exact', scheduler='local',
                                  workers=None, pieces=None, state=None, resume=True,
                                  progress=None, seed=0):
    r"""
    Return the number of linear regions of a network (facet adjacency),
    counted in pieces on a Dask cluster.

    INPUT: as for :func:`count_regions_parallel`

    EXAMPLES::

        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.regions.parallel import count_linear_regions_parallel
        sage: T4 = ReLUNetwork([([[1, 0], [0, 1], [1, 1]], [0, 0, -1]),
        ....:                   ([[1, -1, 1], [-1, 1, 1]], [0, 1/2]), ([[1, -2]], [0])])
        sage: count_linear_regions_parallel(T4, scheduler='synchronous', progress=False)
        12
    """
    return count_regions_parallel(net, box=box, output=output, mode=mode, linear=True,
                                  scheduler=scheduler, workers=workers, pieces=pieces,
                                  state=state, resume=resume, progress=progress,
                                  seed=seed).linear_regions


def count_activation_regions_parallel(net, box=None, mode='exact', scheduler='local',
                                      workers=None, pieces=None, state=None, resume=True,
                                      progress=None, seed=0):
    r"""
    Return the number of activation regions of a network, counted in pieces
    on a Dask cluster.

    INPUT: as for :func:`count_regions_parallel`

    EXAMPLES::

        sage: from sage_tropnet.network import random_network
        sage: from sage_tropnet.regions.parallel import count_activation_regions_parallel
        sage: net = random_network([4, 8, 8, 1], seed=1)
        sage: count_activation_regions_parallel(net, box=1, scheduler='synchronous',
        ....:                                   progress=False)
        332
        sage: from sage_tropnet.regions import count_activation_regions
        sage: count_activation_regions(net, box=1)
        332
    """
    return count_regions_parallel(net, box=box, output=0, mode=mode, linear=False,
                                  scheduler=scheduler, workers=workers, pieces=pieces,
                                  state=state, resume=resume, progress=progress,
                                  seed=seed).activation_regions


def scheduled_counters(count_linear_regions, count_activation_regions, scheduler='local',
                       workers=None, pieces=None, state=None, note=None):
    r"""
    Return the pair of functions ``count_linear_regions``,
    ``count_activation_regions`` (with the signatures of those of
    :mod:`sage_tropnet.regions`) that count a network's regions on the
    cluster ``scheduler`` and hand everything else (tropical maps, the
    tropical route, ``adjacency='nonempty'``) to the given serial functions.
    One search on the cluster gives both counts of a network: the second
    call reuses it.

    This is how the command line's ``--scheduler`` is wired.

    INPUT:

    - ``count_linear_regions``, ``count_activation_regions`` -- the serial
      functions
    - ``scheduler``, ``workers``, ``pieces``, ``state`` -- as for
      :func:`count_regions_parallel`
    - ``note`` -- a callable receiving a line when a count falls back to the
      serial search (default: write it to ``sys.stderr``)

    EXAMPLES::

        sage: from sage_tropnet.network import random_network
        sage: from sage_tropnet import regions
        sage: from sage_tropnet.regions.parallel import scheduled_counters
        sage: lin, act = scheduled_counters(regions.count_linear_regions,
        ....:                               regions.count_activation_regions,
        ....:                               scheduler='synchronous')
        sage: net = random_network([3, 6, 6, 1], seed=2, output_activation='relu')
        sage: lin(net, progress=False), lin(net, method='tropical'), act(net, progress=False)
        (94, 94, 333)
        sage: [R for _, R in lin.runs]
        [Parallel count of 333 activation regions and 94 linear regions in 26 pieces (exact)]
    """
    _check_scheduler(scheduler)
    workers = _positive("workers", workers)
    pieces = _positive("pieces", pieces)
    runs = []
    note = note or (lambda line: print(line, file=sys.stderr))

    def run(net, box, output, mode, linear, progress, seed):
        for (n, b, o, m, lin), R in runs:
            if n is net and b == box and m == mode and (lin or not linear) and \
                    (o == output or not linear):
                return R
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            R = count_regions_parallel(net, box=box, output=output, mode=mode, linear=linear,
                                       scheduler=scheduler, workers=workers, pieces=pieces,
                                       state=state, progress=progress, seed=seed)
        if R.fallback:
            note("note: %s: counted serially" % R.fallback)
        runs.append(((net, box, output, mode, linear), R))
        return R

    def linear_count(obj, method='auto', adjacency='facet', box=None, output=0, seed=0,
                     progress=None, mode='exact'):
        if isinstance(obj, ReLUNetwork) and method in ('auto', 'activation') and \
                adjacency == 'facet':
            return run(obj, box, output, mode, True, progress, seed).linear_regions
        return count_linear_regions(obj, method=method, adjacency=adjacency, box=box,
                                    output=output, seed=seed, progress=progress, mode=mode)

    def activation_count(net, box=None, seed=0, progress=None, mode='exact'):
        if isinstance(net, ReLUNetwork):
            return run(net, box, 0, mode, False, progress, seed).activation_regions
        return count_activation_regions(net, box=box, seed=seed, progress=progress, mode=mode)

    # the counts done on the cluster, for a report (a list of ((net, box,
    # output, mode, linear), ParallelCount))
    linear_count.runs = activation_count.runs = runs
    return linear_count, activation_count
