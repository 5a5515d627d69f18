r"""
Declarative experiment sweeps

A *sweep* runs every combination of architectures, seeds and methods on the
random networks :func:`~sage_tropnet.network.random_network` ``(arch, seed=seed)``
and collects one row per task in a tidy :class:`pandas.DataFrame`. It is
described by a :class:`Sweep` -- built from a dictionary or read from a TOML
file -- with the keys

- ``architectures`` -- list of architectures ``[n_0, n_1, ..., n_L]`` (required)
- ``seeds`` -- list of non-negative integer seeds, or an integer `k` meaning
  ``0, 1, ..., k - 1`` (default: ``1``)
- ``methods`` -- list of methods among ``"tropical"``, ``"activation"``,
  ``"monomials"``, ``"estimate"``, ``"bounds"`` (default: ``["tropical"]``)
- ``init`` -- ``"paper"`` (default), ``"he"`` or ``"integer"``: the
  initialisation of :func:`~sage_tropnet.network.random_network`
- ``output_activation`` -- ``"linear"`` (default) or ``"relu"``
- ``mode`` -- ``"exact"`` (default) or ``"float"``, for the two counting methods
- ``box`` -- positive number `R`: count in the box `[-R, R]^{n_0}` (default:
  all of `\RR^{n_0}`)
- ``samples``, ``radius`` -- for ``"estimate"``: the number of sample points
  (default: ``1000``) and the half-width of the sampled box (default: ``box``
  if given, else ``10``)

Numbers are taken exactly: integers, strings ``"p/q"``, or floats (their exact
binary value). The methods, on output `0` of each network:

- ``"tropical"`` -- the number of linear regions by the tropical route,
  :func:`~sage_tropnet.regions.count_linear_regions` (``method="tropical"``)
- ``"activation"`` -- the number of linear regions by the activation route
  (``method="activation"``), and in column ``activation_regions`` the number
  of activation regions (:func:`~sage_tropnet.regions.count_activation_regions`)
- ``"monomials"`` -- the monomials of the pruned tropical rational map
  `F \oslash G` (columns ``numerator_monomials``, ``denominator_monomials``;
  the value is their sum)
- ``"estimate"`` -- the sampling estimate
  :func:`~sage_tropnet.sampling.estimate_linear_regions` (sampling seed ``0``;
  an estimate, not an exact count)
- ``"bounds"`` -- the closed-form bounds :func:`~sage_tropnet.bounds.bounds` of
  the architecture (columns ``bound_*``, exact integers as decimal strings;
  the value is ``serra2018`` if it fits in 64 bits); they do not depend on the
  seed

Every row has the columns ``task_id`` (a stable hash of the task), ``arch``
(the architecture as a string such as ``"[2, 3, 1]"``), ``seed``, ``method``,
``value`` (a count, an integer), the method's extra columns, its parameters
(exact rationals such as ``box`` as strings ``"p/q"``) and ``seconds`` (the
wall-clock time of the task). Timing columns (:data:`TIMING_COLUMNS`) differ
from run to run; :func:`drop_timing` removes them before tables are compared.

:func:`sweep` runs the tasks serially (``scheduler="serial"``) or on
``dask.distributed``: a local cluster of worker processes by default, or the
scheduler at a given address. With an output file, every finished task is
saved at once as a small JSON file in the directory ``<out>.parts/``, so a
sweep that is killed resumes where it stopped and never recomputes a finished
task; the parts are kept, so a sweep extended by more seeds or methods only
runs the new tasks. A part holds the task's full definition and a checksum
of its row: a part that does not match its task (edited, damaged, another
version, not a JSON object) is recomputed and counted in
``attrs["rejected"]``, never reused. Files are written under fresh temporary
names (``mkstemp`` in the target directory) and renamed, so a planted
symbolic link is never written through; an existing ``<out>.parts`` that was
not made by a sweep is refused (:func:`prepare_parts_directory`). A sweep of
more than :data:`MAX_TASKS` tasks is refused; the tasks are streamed to the
dask scheduler (:data:`DASK_WINDOW` at a time).

The values of the counting methods in float mode (``mode = "float"``) and of
``"estimate"`` (``mode = "float-sampling"``) are estimates: the column
``mode`` says so in every table and saved file.

EXAMPLES::

    sage: from sage_tropnet.experiments import Sweep, sweep, drop_timing, read_results
    sage: spec = Sweep({"architectures": [[2, 3, 1], [2, 4, 1]], "seeds": 2,
    ....:               "methods": ["tropical", "activation", "monomials"]})
    sage: spec
    Sweep of 12 tasks: 2 architectures x 2 seeds x 3 methods (tropical, activation, monomials)
    sage: df = sweep(spec, scheduler="serial", progress=False)
    sage: df[["arch", "seed", "method", "value", "activation_regions"]]
             arch  seed      method  value  activation_regions
    0   [2, 3, 1]     0    tropical      7                <NA>
    1   [2, 3, 1]     0  activation      7                   7
    2   [2, 3, 1]     0   monomials      6                <NA>
    3   [2, 3, 1]     1    tropical      7                <NA>
    4   [2, 3, 1]     1  activation      7                   7
    5   [2, 3, 1]     1   monomials      8                <NA>
    6   [2, 4, 1]     0    tropical     11                <NA>
    7   [2, 4, 1]     0  activation     11                  11
    8   [2, 4, 1]     0   monomials     12                <NA>
    9   [2, 4, 1]     1    tropical     11                <NA>
    10  [2, 4, 1]     1  activation     11                  11
    11  [2, 4, 1]     1   monomials      9                <NA>

The same sweep from a TOML file, saved to Parquet; running it again
recomputes nothing::

    sage: toml = tmp_filename(ext=".toml")
    sage: _ = open(toml, "w").write('architectures = [[2, 3, 1], [2, 4, 1]]\n'
    ....:     'seeds = 2\nmethods = ["tropical", "activation", "monomials"]\n')
    sage: out = tmp_filename(ext=".parquet")
    sage: df1 = sweep(toml, scheduler="serial", out=out, progress=False)
    sage: df1.attrs["computed"], df1.attrs["reused"]
    (12, 0)
    sage: df2 = sweep(toml, scheduler="serial", out=out, progress=False)
    sage: df2.attrs["computed"], df2.attrs["reused"]
    (0, 12)
    sage: drop_timing(df2).equals(drop_timing(df))
    True
    sage: drop_timing(read_results(out)).equals(drop_timing(df))
    True

On a local cluster of two worker processes (it takes a few seconds to start)::

    sage: df3 = sweep(spec, n_workers=2, progress=False)      # long time
    sage: drop_timing(df3).equals(drop_timing(df))              # long time
    True

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

import hashlib
import json
import math
import numbers
import os
import re
import time

from sage.structure.sage_object import SageObject
from sage.rings.rational_field import QQ

from sage_tropnet.rational import to_rational

#: The methods a sweep task can run, in their canonical order (the values of
#: the key ``methods`` and of the column ``method``; not the routes of
#: :mod:`sage_tropnet.regions` nor the estimators of :mod:`sage_tropnet.sampling`).
SWEEP_METHODS = ("tropical", "activation", "monomials", "estimate", "bounds")

#: The keys of a sweep specification (TOML file or dictionary).
SPEC_KEYS = ("architectures", "seeds", "methods", "init", "output_activation", "mode", "box",
             "samples", "radius")

#: Former names of :data:`SWEEP_METHODS` and :data:`SPEC_KEYS`.
METHODS, KEYS = SWEEP_METHODS, SPEC_KEYS

#: Columns that differ from run to run (excluded when tables are compared).
TIMING_COLUMNS = ("seconds",)

#: The columns of a result table, in order, with their kind (``"str"``,
#: ``"int"`` or ``"float"``); a table only has the columns its methods fill.
SCHEMA = (("task_id", "str"), ("arch", "str"), ("seed", "int"), ("method", "str"),
          ("value", "int"),
          ("numerator_monomials", "int"), ("denominator_monomials", "int"),
          ("activation_regions", "int"),
          ("bound_zaslavsky", "str"), ("bound_montufar2017", "str"),
          ("bound_serra2018", "str"), ("bound_serra_dim1", "str"), ("bound_trivial", "str"),
          ("init", "str"), ("output_activation", "str"), ("mode", "str"), ("box", "str"),
          ("samples", "int"), ("radius", "str"),
          ("seconds", "float"))

_KIND = dict(SCHEMA)

#: Version of the task and row format; part of every task id, so that parts
#: written by an incompatible version are never reused.
FORMAT = 1

#: Version of the part files (``<out>.parts/<task_id>.json``): since version
#: 2 a part holds the task's full definition, its row and a SHA-256 checksum
#: of both; a part that does not match its task is recomputed, never reused.
PART_FORMAT = 2

#: The largest number of tasks of a sweep (architectures x seeds x methods);
#: a larger specification is refused before anything is built.
MAX_TASKS = 100000

#: The largest part file read back, in bytes.
MAX_PART_BYTES = 2 ** 20

_INITS = ("paper", "he", "integer")
_OUTPUT_ACTIVATIONS = ("linear", "relu")
_MODES = ("exact", "float")
_PARAMETERS = {"tropical": ("init", "output_activation", "mode", "box"),
               "activation": ("init", "output_activation", "mode", "box"),
               "monomials": ("init", "output_activation"),
               "estimate": ("init", "output_activation", "samples", "radius"),
               "bounds": ()}
_INT64_MAX = 2**63 - 1


# ---------------------------------------------------------------------------
# the specification
# ---------------------------------------------------------------------------

def _is_int(x):
    return isinstance(x, numbers.Integral) and not isinstance(x, bool)


def _positive_rational(x, error, key):
    if isinstance(x, bool) or x is None:
        raise error(key, "expected a positive number, got %r" % (x,))
    if isinstance(x, str):
        try:
            q = QQ(x.strip())
        except (TypeError, ValueError, ArithmeticError):
            raise error(key, "expected a positive number, got %r" % (x,))
    elif isinstance(x, float):
        if not math.isfinite(x):
            raise error(key, "expected a positive number, got %r" % (x,))
        q = to_rational(x)
    else:
        try:
            q = QQ(x)
        except (TypeError, ValueError, ArithmeticError):
            raise error(key, "expected a positive number, got %r" % (x,))
    if q <= 0:
        raise error(key, "expected a positive number, got %s" % q)
    return q


def _choice(x, allowed, error, key):
    if x not in allowed:
        raise error(key, "expected one of %s, got %r" % (", ".join(allowed), x))
    return str(x)


def architecture_string(arch):
    r"""
    Return the architecture ``arch`` as the string used in result tables.

    EXAMPLES::

        sage: from sage_tropnet.experiments import architecture_string
        sage: architecture_string((2, 3, 1))
        '[2, 3, 1]'
    """
    return "[%s]" % ", ".join(str(int(a)) for a in arch)


def _json_value(x):
    # Sage integers and rationals in a task: integers as ints, rationals as strings
    if _is_int(x):
        return int(x)
    try:
        return str(QQ(x))
    except (TypeError, ValueError):
        raise TypeError("%r is not a valid task parameter" % (x,))


def task_id(task):
    r"""
    Return the stable identifier of a task: a hash of its parameters.

    The identifier depends only on the parameters that the task's method uses
    (and on :data:`FORMAT`), so it is the same across runs, machines and
    Python processes.

    INPUT:

    - ``task`` -- a task dictionary (see :meth:`Sweep.tasks`); its key
      ``"task_id"``, if any, is ignored

    OUTPUT: a string of 16 hexadecimal digits

    EXAMPLES::

        sage: from sage_tropnet.experiments import task_id, run_task
        sage: t = {"method": "bounds", "arch": [2, 3, 1], "seed": 0}
        sage: task_id(t) == task_id(dict(reversed(list(t.items()))))
        True
        sage: len(task_id(t)), task_id(t) == task_id(dict(t, seed=1))
        (16, False)
    """
    data = {k: v for k, v in task.items() if k != "task_id"}
    data["format"] = FORMAT
    blob = json.dumps(data, sort_keys=True, separators=(",", ":"), default=_json_value)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


class Sweep(SageObject):
    r"""
    The specification of a sweep: architectures `\times` seeds `\times` methods.

    See the module documentation for the keys. Unknown keys and bad values
    raise a :class:`ValueError` naming the source (file) and the key.

    INPUT:

    - ``spec`` -- dictionary (default: empty) of the keys
    - ``source`` -- string (default: ``"sweep spec"``); names the origin of
      the specification (a file name) in error messages
    - further keyword arguments are keys too (they override ``spec``)

    EXAMPLES::

        sage: from sage_tropnet.experiments import Sweep
        sage: S = Sweep({"architectures": [[2, 3, 1]], "seeds": [4, 7]},
        ....:           methods=["bounds", "estimate"], box="1/2"); S
        Sweep of 4 tasks: 1 architecture x 2 seeds x 2 methods (bounds, estimate)
        sage: S.seeds, S.box, S.radius, S.samples
        ((4, 7), 1/2, 1/2, 1000)
        sage: TestSuite(S).run()
        sage: Sweep(architectures=[[1, 2, 1]], methods=["tropical", "nope"])
        Traceback (most recent call last):
        ...
        ValueError: sweep spec: key 'methods': unknown method 'nope' (expected a subset of
        tropical, activation, monomials, estimate, bounds)
    """

    def __init__(self, spec=None, source=None, **keys):
        spec = dict(spec or {}, **keys)
        self._source = source or "sweep spec"

        def error(key, message):
            return ValueError("%s: key %r: %s" % (self._source, key, message))

        unknown = sorted(str(k) for k in spec if k not in SPEC_KEYS)
        if unknown:
            raise error(unknown[0], "unknown key (expected some of %s)" % ", ".join(SPEC_KEYS))
        # architectures
        if "architectures" not in spec:
            raise error("architectures", "missing (a list of architectures such as "
                                         "[[2, 3, 1], [2, 4, 1]])")
        archs = spec["architectures"]
        if isinstance(archs, (str, bytes)) or not isinstance(archs, (list, tuple)) or not archs:
            raise error("architectures", "expected a non-empty list of architectures such as "
                                         "[[2, 3, 1]], got %r" % (archs,))
        architectures = []
        for a in archs:
            if (isinstance(a, (str, bytes)) or not isinstance(a, (list, tuple)) or len(a) < 2
                    or not all(_is_int(n) and n >= 1 for n in a)):
                raise error("architectures", "an architecture is a list [n_0, ..., n_L] of at "
                                             "least two positive integers, got %r" % (a,))
            a = tuple(int(n) for n in a)
            if a in architectures:
                raise error("architectures", "duplicate architecture %s" % architecture_string(a))
            architectures.append(a)
        # seeds
        seeds = spec.get("seeds", 1)
        methods = spec.get("methods", ["tropical"])
        per_seed = len(architectures) * (len(methods) if isinstance(methods, (list, tuple))
                                         else 1)
        if _is_int(seeds):
            if seeds < 1:
                raise error("seeds", "a number of seeds must be positive, got %s" % seeds)
            if seeds * max(per_seed, 1) > MAX_TASKS:
                raise error("seeds", "%s seeds make %s tasks, more than the limit of %s tasks "
                                     "(MAX_TASKS); split the sweep"
                            % (seeds, seeds * per_seed, MAX_TASKS))
            seeds = tuple(range(int(seeds)))
        elif isinstance(seeds, (list, tuple)) and seeds:
            if not all(_is_int(s) and s >= 0 for s in seeds):
                raise error("seeds", "seeds must be non-negative integers, got %r" % (seeds,))
            seeds = tuple(int(s) for s in seeds)
            if len(set(seeds)) < len(seeds):
                raise error("seeds", "duplicate seeds in %r" % (list(seeds),))
        else:
            raise error("seeds", "expected a positive integer (the number of seeds) or a "
                                 "non-empty list of seeds, got %r" % (seeds,))
        # methods
        if (isinstance(methods, (str, bytes)) or not isinstance(methods, (list, tuple))
                or not methods):
            raise error("methods", "expected a non-empty list of methods among %s, got %r"
                                   % (", ".join(SWEEP_METHODS), methods))
        for m in methods:
            if m not in SWEEP_METHODS:
                raise error("methods", "unknown method %r (expected a subset of %s)"
                                       % (m, ", ".join(SWEEP_METHODS)))
        if len(set(methods)) < len(methods):
            raise error("methods", "duplicate methods in %r" % (list(methods),))
        total = len(architectures) * len(seeds) * len(methods)
        if total > MAX_TASKS:
            raise error("seeds" if len(seeds) > 1 else "architectures",
                        "the sweep has %s tasks, more than the limit of %s tasks (MAX_TASKS); "
                        "split the sweep" % (total, MAX_TASKS))
        # the other keys
        init = _choice(spec.get("init", "paper"), _INITS, error, "init")
        act = _choice(spec.get("output_activation", "linear"), _OUTPUT_ACTIVATIONS, error,
                      "output_activation")
        mode = _choice(spec.get("mode", "exact"), _MODES, error, "mode")
        box = spec.get("box")
        box = None if box is None else _positive_rational(box, error, "box")
        samples = spec.get("samples", 1000)
        if not _is_int(samples) or samples < 1:
            raise error("samples", "expected a positive integer, got %r" % (samples,))
        radius = spec.get("radius")
        if radius is None:
            radius = box if box is not None else QQ(10)
        else:
            radius = _positive_rational(radius, error, "radius")
        self.architectures = tuple(architectures)
        self.seeds = seeds
        self.methods = tuple(str(m) for m in methods)
        self.init = init
        self.output_activation = act
        self.mode = mode
        self.box = box
        self.samples = int(samples)
        self.radius = radius

    @classmethod
    def from_toml(cls, path):
        r"""
        Return the sweep specified by the TOML file ``path``.

        The keys are at the top level of the file (see the module
        documentation).

        INPUT:

        - ``path`` -- string or path of a ``.toml`` file

        EXAMPLES::

            sage: from sage_tropnet.experiments import Sweep
            sage: f = tmp_filename(ext=".toml")
            sage: _ = open(f, "w").write('architectures = [[2, 3, 1]]\nseeds = [0, 3]\n'
            ....:                        'methods = ["tropical", "bounds"]\nbox = 5\n')
            sage: Sweep.from_toml(f)
            Sweep of 4 tasks: 1 architecture x 2 seeds x 2 methods (tropical, bounds)
            sage: _ = open(f, "w").write('architectures = [[2, 3, 1]]\nsamples = 0\n')
            sage: Sweep.from_toml(f)
            Traceback (most recent call last):
            ...
            ValueError: ....toml: key 'samples': expected a positive integer, got 0
            sage: _ = open(f, "w").write('architectures = [[2, 3, 1]\n')
            sage: Sweep.from_toml(f)
            Traceback (most recent call last):
            ...
            ValueError: ....toml: not a valid TOML file (...)
            sage: _ = open(f, "w").write('architectures = [[2, 3, 1]]\nseeds = 300000000\n')
            sage: Sweep.from_toml(f)
            Traceback (most recent call last):
            ...
            ValueError: ....toml: key 'seeds': 300000000 seeds make 300000000 tasks, more than the
            limit of 100000 tasks (MAX_TASKS); split the sweep
            sage: _ = open(f, "wb").write(b'architectures = [[2, 3, 1]]\n# caf\xe9\n')
            sage: Sweep.from_toml(f)
            Traceback (most recent call last):
            ...
            ValueError: ....toml: not UTF-8 text (byte 0xe9 at position 33)
        """
        from sage_tropnet.misc.files import FileContentError, parse_toml, read_text
        path = os.fspath(path)
        try:
            data = parse_toml(read_text(path))
        except FileContentError as err:
            raise ValueError("%s: %s" % (path, err))
        return cls(data, source=path)

    def tasks(self):
        r"""
        Return the list of tasks of this sweep, in the order of the result table.

        The order is: architectures, then seeds, then methods, each as given.
        A task is a dictionary of JSON values: ``task_id`` (see
        :func:`task_id`), ``method``, ``arch`` (a list), ``seed`` and the
        parameters the method uses (exact rationals as strings).

        EXAMPLES::

            sage: from sage_tropnet.experiments import Sweep
            sage: T = Sweep(architectures=[[2, 3, 1]], methods=["tropical", "bounds"],
            ....:           box=5).tasks()
            sage: T[0]
            {'arch': [2, 3, 1], 'box': '5', 'init': 'paper', 'method': 'tropical',
             'mode': 'exact', 'output_activation': 'linear', 'seed': 0, 'task_id': '...'}
            sage: T[1]
            {'arch': [2, 3, 1], 'method': 'bounds', 'seed': 0, 'task_id': '...'}
        """
        values = {"init": self.init, "output_activation": self.output_activation,
                  "mode": self.mode, "box": None if self.box is None else str(self.box),
                  "samples": self.samples, "radius": str(self.radius)}
        out = []
        for arch in self.architectures:
            for seed in self.seeds:
                for method in self.methods:
                    t = {"method": method, "arch": list(arch), "seed": seed}
                    for k in _PARAMETERS[method]:
                        t[k] = values[k]
                    t["task_id"] = task_id(t)
                    out.append(dict(sorted(t.items())))
        return out

    def number_of_tasks(self):
        r"""
        Return the number of tasks of this sweep.

        EXAMPLES::

            sage: from sage_tropnet.experiments import Sweep
            sage: Sweep(architectures=[[2, 3, 1], [3, 3, 1]], seeds=5).number_of_tasks()
            10
        """
        return len(self.architectures) * len(self.seeds) * len(self.methods)

    def to_dict(self):
        r"""
        Return the specification as a dictionary of the keys.

        EXAMPLES::

            sage: from sage_tropnet.experiments import Sweep
            sage: S = Sweep(architectures=[[2, 3, 1]], seeds=2, radius=3)
            sage: S.to_dict()
            {'architectures': [[2, 3, 1]], 'box': None, 'init': 'paper', 'methods': ['tropical'],
             'mode': 'exact', 'output_activation': 'linear', 'radius': '3', 'samples': 1000,
             'seeds': [0, 1]}
            sage: Sweep(S.to_dict()) == S
            True
        """
        return {"architectures": [list(a) for a in self.architectures],
                "box": None if self.box is None else str(self.box),
                "init": self.init, "methods": list(self.methods), "mode": self.mode,
                "output_activation": self.output_activation, "radius": str(self.radius),
                "samples": self.samples, "seeds": list(self.seeds)}

    def __eq__(self, other):
        return isinstance(other, Sweep) and self.to_dict() == other.to_dict()

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(json.dumps(self.to_dict(), sort_keys=True))

    def _repr_(self):
        def plural(k, word):
            return "%s %s%s" % (k, word, "" if k == 1 else "s")
        return "Sweep of %s: %s x %s x %s (%s)" % (
            plural(self.number_of_tasks(), "task"), plural(len(self.architectures), "architecture"),
            plural(len(self.seeds), "seed"), plural(len(self.methods), "method"),
            ", ".join(self.methods))


def as_sweep(spec):
    r"""
    Return ``spec`` as a :class:`Sweep`.

    INPUT:

    - ``spec`` -- a :class:`Sweep`, a dictionary of keys, or the path of a
      TOML file

    EXAMPLES::

        sage: from sage_tropnet.experiments import as_sweep
        sage: as_sweep({"architectures": [[1, 2, 1]]})
        Sweep of 1 task: 1 architecture x 1 seed x 1 method (tropical)
        sage: as_sweep(42)
        Traceback (most recent call last):
        ...
        TypeError: a sweep is a Sweep, a dictionary or the path of a TOML file, got 42
    """
    if isinstance(spec, Sweep):
        return spec
    if isinstance(spec, dict):
        return Sweep(spec)
    if isinstance(spec, (str, os.PathLike)):
        return Sweep.from_toml(spec)
    raise TypeError("a sweep is a Sweep, a dictionary or the path of a TOML file, got %r"
                    % (spec,))


# ---------------------------------------------------------------------------
# one task
# ---------------------------------------------------------------------------

def run_task(task):
    r"""
    Run one task and return its row.

    A pure function of the task (up to the ``seconds`` column): it builds the
    random network, runs the method and returns a flat dictionary of JSON
    values. It imports :mod:`sage_tropnet` first, so it runs in a fresh worker
    process too.

    INPUT:

    - ``task`` -- a task dictionary (see :meth:`Sweep.tasks`)

    OUTPUT: a dictionary with the keys ``task_id``, ``arch`` (a string),
    ``seed``, ``method``, ``value`` (an integer, or ``None`` for a bound
    that does not fit in 64 bits), the method's extra columns, its parameters
    and ``seconds`` (see the module documentation)

    EXAMPLES::

        sage: from sage_tropnet.experiments import Sweep, run_task
        sage: T = Sweep(architectures=[[2, 3, 1]], seeds=[1],
        ....:           methods=["monomials", "estimate", "bounds"], samples=500).tasks()
        sage: r = run_task(T[0]); list(r)
        ['task_id', 'arch', 'seed', 'method', 'value', 'numerator_monomials',
         'denominator_monomials', 'init', 'output_activation', 'seconds']
        sage: r["arch"], r["value"], r["numerator_monomials"], r["denominator_monomials"]
        ('[2, 3, 1]', 8, 7, 1)
        sage: r = run_task(T[1]); r["value"], r["samples"], r["radius"]
        (6, 500, '10')
        sage: r = run_task(T[2]); r["value"], r["bound_trivial"], r["bound_serra_dim1"]
        (7, '8', None)

    TESTS::

        sage: run_task({"method": "nope", "arch": [1, 1], "seed": 0})
        Traceback (most recent call last):
        ...
        ValueError: unknown method 'nope' (expected one of tropical, activation, monomials,
        estimate, bounds)
    """
    method = task["method"]
    if method not in SWEEP_METHODS:
        raise ValueError("unknown method %r (expected one of %s)"
                         % (method, ", ".join(SWEEP_METHODS)))
    arch = [int(a) for a in task["arch"]]
    seed = int(task["seed"])
    row = {"task_id": task.get("task_id") or task_id(task), "arch": architecture_string(arch),
           "seed": seed, "method": method}
    t0 = time.perf_counter()
    if method == "bounds":
        from sage_tropnet.bounds import bounds
        b = bounds(arch)
        serra = b["serra2018"]
        row["value"] = int(serra) if serra <= _INT64_MAX else None
        for k in ("zaslavsky", "montufar2017", "serra2018", "serra_dim1", "trivial"):
            row["bound_" + k] = None if b.get(k) is None else str(b[k])
    else:
        from sage_tropnet.network import random_network
        net = random_network(arch, seed=seed, init=task["init"],
                             output_activation=task["output_activation"])
        if method in ("tropical", "activation"):
            from sage_tropnet.regions import count_linear_regions, count_activation_regions
            box = None if task.get("box") is None else QQ(task["box"])
            row["value"] = int(count_linear_regions(net, method=method, box=box,
                                                    mode=task["mode"], progress=False))
            if method == "activation":
                row["activation_regions"] = int(count_activation_regions(
                    net, box=box, mode=task["mode"], progress=False))
        elif method == "monomials":
            num, den = net.tropicalize(prune=True).monomial_count()[0]
            row["value"] = int(num) + int(den)
            row["numerator_monomials"] = int(num)
            row["denominator_monomials"] = int(den)
        else:  # estimate
            from sage_tropnet.sampling import estimate_linear_regions
            est = estimate_linear_regions(net, radius=QQ(task["radius"]),
                                          samples=int(task["samples"]), seed=0,
                                          progress=False)
            row["value"] = int(est["estimate"])
            row["mode"] = "float-sampling"  # an estimate, labelled as such
    seconds = time.perf_counter() - t0
    for k in _PARAMETERS[method]:
        row[k] = task[k]
    row["seconds"] = seconds
    return row


# ---------------------------------------------------------------------------
# tables
# ---------------------------------------------------------------------------

def _apply_schema(df):
    import pandas as pd
    for c in df.columns:
        kind = _KIND.get(c)
        if kind == "int":
            df[c] = pd.array([None if pd.isna(v) else int(v) for v in df[c]], dtype="Int64")
        elif kind == "str":
            df[c] = pd.Series([None if pd.isna(v) else str(v) for v in df[c]],
                              index=df.index, dtype=object)
        elif kind == "float":
            df[c] = df[c].astype("float64")
    return df


def results_table(rows):
    r"""
    Return the tidy table of the result rows ``rows``, in their order.

    The columns are those of :data:`SCHEMA` that some row fills, in that
    order (then any others, sorted). Counts are nullable integers
    (``Int64``), exact values strings, ``seconds`` floats.

    INPUT:

    - ``rows`` -- list of rows as returned by :func:`run_task`

    OUTPUT: a :class:`pandas.DataFrame`

    EXAMPLES::

        sage: from sage_tropnet.experiments import results_table
        sage: df = results_table([{"arch": "[1, 1]", "seed": 0, "method": "bounds", "value": None},
        ....:                     {"arch": "[1, 1]", "seed": 0, "method": "tropical", "value": 2}])
        sage: df
             arch  seed    method  value
        0  [1, 1]     0    bounds   <NA>
        1  [1, 1]     0  tropical      2
        sage: print(df.dtypes)
        arch      object
        seed       Int64
        method    object
        value      Int64
        dtype: object
    """
    import pandas as pd
    present = set()
    for r in rows:
        present.update(r)
    cols = [c for c, _ in SCHEMA if c in present] + sorted(c for c in present if c not in _KIND)
    df = pd.DataFrame([[r.get(c) for c in cols] for r in rows], columns=cols, dtype=object)
    return _apply_schema(df)


def drop_timing(df):
    r"""
    Return the table ``df`` without its timing columns (for comparisons).

    EXAMPLES::

        sage: from sage_tropnet.experiments import results_table, drop_timing
        sage: list(drop_timing(results_table([{"seed": 1, "seconds": 0.5}])).columns)
        ['seed']
    """
    out = df.drop(columns=[c for c in TIMING_COLUMNS if c in df.columns])
    out.attrs = {}
    return out.reset_index(drop=True)


def _format_of(path):
    ext = os.path.splitext(os.fspath(path))[1].lower()
    if ext in (".parquet", ".pq"):
        return "parquet"
    if ext == ".csv":
        return "csv"
    raise ValueError("%s: unknown output format %r (use .parquet or .csv)" % (path, ext))


def write_results(df, path):
    r"""
    Save the table ``df`` to ``path``: Parquet (``.parquet``, ``.pq``) or CSV (``.csv``).

    The file is written to a fresh temporary file in the same directory
    (:func:`~sage_tropnet.misc.files.atomic_path`: created exclusively, so a
    planted file or symbolic link is never written through) and then renamed,
    so ``path`` never holds a partial table.

    EXAMPLES::

        sage: from sage_tropnet.experiments import results_table, write_results, read_results
        sage: df = results_table([{"arch": "[1, 1]", "seed": 0, "value": 2, "box": "1/2"}])
        sage: f = tmp_filename(ext=".csv")
        sage: write_results(df, f); read_results(f).equals(df)
        True
        sage: write_results(df, "results.txt")
        Traceback (most recent call last):
        ...
        ValueError: results.txt: unknown output format '.txt' (use .parquet or .csv)
    """
    from sage_tropnet.misc.files import atomic_path
    fmt = _format_of(path)
    with atomic_path(path) as tmp:
        if fmt == "parquet":
            df.to_parquet(tmp, index=False)
        else:
            df.to_csv(tmp, index=False)


def read_results(path):
    r"""
    Return the table saved by :func:`write_results` (or :func:`sweep`) at ``path``.

    The column types of :data:`SCHEMA` are restored (also from CSV, where
    large integers and strings such as ``"5"`` are read exactly).

    EXAMPLES::

        sage: from sage_tropnet.experiments import results_table, write_results, read_results
        sage: df = results_table([{"seed": 0, "value": 2**62, "radius": "10"},
        ....:                     {"seed": 1, "value": None, "radius": "1/3"}])
        sage: for ext in (".parquet", ".csv"):
        ....:     f = tmp_filename(ext=ext); write_results(df, f)
        ....:     print(read_results(f).equals(df))
        True
        True
    """
    import pandas as pd
    fmt = _format_of(path)
    if fmt == "parquet":
        df = pd.read_parquet(path)
    else:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    return _apply_schema(df)


# ---------------------------------------------------------------------------
# parts (resuming)
# ---------------------------------------------------------------------------

def parts_directory(out):
    r"""
    Return the directory holding the finished tasks of the sweep saved to ``out``.

    EXAMPLES::

        sage: from sage_tropnet.experiments import parts_directory
        sage: parts_directory("runs/results.parquet")
        'runs/results.parquet.parts'
    """
    return os.fspath(out) + ".parts"


def task_of_row(row):
    r"""
    Return the definition of the task that computed ``row``: its method,
    architecture, seed and parameters (see :meth:`Sweep.tasks`).

    EXAMPLES::

        sage: from sage_tropnet.experiments import Sweep, run_task, task_of_row
        sage: t = Sweep(architectures=[[2, 3, 1]], methods=["bounds"]).tasks()[0]
        sage: task_of_row(run_task(t)) == t
        True
    """
    method = row["method"]
    task = {"method": method, "arch": json.loads(row["arch"]), "seed": row["seed"]}
    for k in _PARAMETERS.get(method, ()):
        task[k] = row.get(k)
    task["task_id"] = row["task_id"]
    return dict(sorted(task.items()))


def _checksum(task, row):
    blob = json.dumps({"task": task, "row": row}, sort_keys=True, separators=(",", ":"),
                      default=_json_value)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _definition(task):
    r"""
    The task as it reads back from JSON (tuples become lists, keys sorted).
    """
    return json.loads(json.dumps(dict(task), sort_keys=True, default=_json_value))


def write_part(parts, row, task=None):
    r"""
    Save one finished row as ``<parts>/<task_id>.json`` (atomically).

    The sweep calls it for every finished task, so that an interrupted sweep
    resumes where it stopped. The part holds the task's full definition
    (:func:`task_of_row`), the row and a SHA-256 checksum of both; it is
    written to a fresh temporary file in ``parts`` (created exclusively) and
    renamed, so a planted file or symbolic link is replaced, never written
    through.

    INPUT:

    - ``parts`` -- the directory of the parts (see :func:`parts_directory`)
    - ``row`` -- a result row (see :func:`run_task`)
    - ``task`` -- (default: :func:`task_of_row` of ``row``) the task that
      computed the row, for rows of another runner

    EXAMPLES::

        sage: import os, json
        sage: from sage_tropnet.experiments import write_part
        sage: d = tmp_dir()
        sage: row = {"task_id": "abc", "arch": "[1, 1]", "seed": 0, "method": "bounds",
        ....:        "value": "7"}
        sage: write_part(d, row)
        sage: os.listdir(d)
        ['abc.json']
        sage: data = json.load(open(os.path.join(d, "abc.json")))
        sage: data["row"], data["task"], data["format"]
        ({'arch': '[1, 1]', 'method': 'bounds', 'seed': 0, 'task_id': 'abc', 'value': '7'},
         {'arch': [1, 1], 'method': 'bounds', 'seed': 0, 'task_id': 'abc'},
         2)
    """
    from sage_tropnet.misc.files import atomic_write
    task = task_of_row(row) if task is None else _definition(task)
    path = os.path.join(parts, row["task_id"] + ".json")
    with atomic_write(path) as f:
        json.dump({"format": PART_FORMAT, "task": task, "row": row,
                   "checksum": _checksum(task, row)}, f, sort_keys=True, default=_json_value)


def read_part(parts, task, check_row=True):
    r"""
    Return ``(row, problem)``: the saved row of ``task`` in the directory
    ``parts`` and ``None``, or ``None`` and why the part cannot be reused
    (``None`` too when there is no part).

    A part is reused only if it is a JSON object of the current
    :data:`PART_FORMAT` whose task is exactly ``task`` and whose checksum
    matches its task and row. Symbolic links are not followed. With
    ``check_row`` (default), the row must also name its task (rows of
    :func:`run_task`; rows of another runner are checked by their saved
    task and checksum only).

    EXAMPLES::

        sage: import os, json
        sage: from sage_tropnet.experiments import Sweep, run_task, write_part, read_part
        sage: t = Sweep(architectures=[[2, 3, 1]], methods=["bounds"]).tasks()[0]
        sage: d = tmp_dir(); write_part(d, run_task(t))
        sage: read_part(d, t)[0]["value"]
        7
        sage: f = os.path.join(d, t["task_id"] + ".json")
        sage: data = json.load(open(f)); data["row"]["value"] = int(999)
        sage: _ = open(f, "w").write(json.dumps(data))
        sage: read_part(d, t)
        (None, 'checksum mismatch (edited or damaged)')
        sage: _ = open(f, "w").write("[1, 2]")
        sage: read_part(d, t)
        (None, 'not a JSON object')
    """
    from sage_tropnet.misc.files import FileContentError, parse_json, read_text
    tid = task["task_id"]
    task = _definition(task)
    path = os.path.join(parts, tid + ".json")
    if not os.path.lexists(path):
        return None, None
    if os.path.islink(path):
        return None, "a symbolic link"
    try:
        data = parse_json(read_text(path, max_bytes=MAX_PART_BYTES, follow_symlinks=False))
    except (OSError, FileContentError) as err:
        return None, "unreadable (%s)" % (getattr(err, "strerror", None) or err)
    if not isinstance(data, dict):
        return None, "not a JSON object"
    if data.get("format") != PART_FORMAT:
        return None, "written by another version (format %r)" % (data.get("format"),)
    row = data.get("row")
    if not isinstance(row, dict) or row.get("task_id") != tid:
        return None, "no row of this task"
    if data.get("task") != dict(task) or data.get("checksum") != _checksum(data["task"], row):
        if data.get("task") != dict(task):
            return None, "another task's definition"
        return None, "checksum mismatch (edited or damaged)"
    if not check_row:
        return row, None
    try:
        if task_of_row(row) != dict(task):
            return None, "the row does not match its task"
    except (KeyError, TypeError, ValueError):
        return None, "the row does not match its task"
    return row, None


_PART_NAME = re.compile(r"^[0-9a-f]{16}\.json$")
_PART_TEMP = re.compile(r"^\.[0-9a-f]{16}\.json\..+\.tmp\.json$")


def prepare_parts_directory(parts):
    r"""
    Create the parts directory ``parts`` of a sweep, or check that an
    existing one was made by a sweep; return the list of leftover
    temporary files removed.

    An existing ``parts`` is refused (:class:`ValueError`) if it is a
    symbolic link, not a directory, not owned by the current user, or
    holds anything but part files ``<task_id>.json`` (and temporary files
    of an interrupted sweep, which are removed). A part that is a symbolic
    link is never followed: :func:`read_part` rejects it and the task is
    recomputed (its new part replaces the link).

    EXAMPLES::

        sage: import os
        sage: from sage_tropnet.experiments import prepare_parts_directory
        sage: d = os.path.join(tmp_dir(), "r.csv.parts")
        sage: prepare_parts_directory(d); os.path.isdir(d)
        []
        True
        sage: _ = open(os.path.join(d, "notes.txt"), "w").write("mine")
        sage: prepare_parts_directory(d)
        Traceback (most recent call last):
        ...
        ValueError: ...r.csv.parts exists and was not made by a sweep (it holds 'notes.txt');
        remove it or choose another --out
    """
    parts = os.fspath(parts)
    if os.path.islink(parts):
        raise ValueError("%s is a symbolic link: refused as the parts directory of a sweep; "
                         "remove it or choose another --out" % parts)
    if not os.path.lexists(parts):
        os.mkdir(parts, 0o700)
        return []
    if not os.path.isdir(parts):
        raise ValueError("%s exists and is not a directory; remove it or choose another --out"
                         % parts)
    st = os.stat(parts)
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        raise ValueError("%s belongs to another user: refused as the parts directory of a "
                         "sweep; choose another --out" % parts)
    removed = []
    for name in sorted(os.listdir(parts)):
        full = os.path.join(parts, name)
        if _PART_TEMP.match(name) and not os.path.islink(full):
            os.unlink(full)  # a temporary file of an interrupted sweep
            removed.append(name)
        elif not (_PART_NAME.match(name) or _PART_TEMP.match(name)) or \
                not (os.path.islink(full) or os.path.isfile(full)):
            raise ValueError("%s exists and was not made by a sweep (it holds %r); remove it "
                             "or choose another --out" % (parts, name))
    return removed


# ---------------------------------------------------------------------------
# running
# ---------------------------------------------------------------------------

def _run_serial(todo, done, runner=None):
    runner = runner or run_task
    for t in todo:
        done(runner(t))


#: The largest number of tasks submitted to dask and not finished yet (the
#: tasks are streamed to the scheduler, not submitted all at once).
DASK_WINDOW = 256


def _run_dask(todo, done, scheduler, n_workers, runner=None):
    import logging
    from distributed import Client, LocalCluster, as_completed
    cluster = None
    if isinstance(scheduler, Client):
        client, own = scheduler, False
    elif scheduler is None:
        cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        client, own = Client(cluster), True
    else:
        client, own = Client(scheduler), True
    futures = []
    todo = iter(todo)

    def submit():
        t = next(todo, None)
        if t is None:
            return None
        fut = client.submit(runner or run_task, t,
                            key="sage_tropnet-%s-%s" % (t["method"], t["task_id"]))
        futures.append(fut)
        return fut
    try:
        window = as_completed([])
        for _ in range(DASK_WINDOW):
            fut = submit()
            if fut is None:
                break
            window.add(fut)
        for fut in window:
            row = fut.result()
            done(row)
            fut.release()
            nxt = submit()
            if nxt is not None:
                window.add(nxt)
    except BaseException:
        # interrupted (Ctrl-C) or failed: cancel and stop the cluster quickly
        quick = 2
        raise
    else:
        quick = None
    finally:
        pending = [f for f in futures if not f.done()]
        try:
            if pending:
                client.cancel(pending)
            if own:
                client.close(timeout=quick)
            if cluster is not None:
                cluster.close(timeout=quick)
        except Exception:  # a cluster that cannot be stopped cleanly: the error above matters
            if quick is None:
                raise


def sweep(spec, scheduler=None, out=None, resume=True, progress=None, n_workers=2,
          runner=None):
    r"""
    Run a sweep and return its table of results.

    INPUT:

    - ``spec`` -- a :class:`Sweep`, a dictionary of keys or the path of a
      TOML file
    - ``scheduler`` -- where to run the tasks:

      - ``None`` (default): a local ``dask.distributed`` cluster of
        ``n_workers`` worker processes with one thread each (started for
        this sweep, closed at the end; not started if nothing is left to do)
      - a string such as ``"tcp://host:8786"``: the address of a running
        dask scheduler (its workers need :mod:`sage_tropnet` installed)
      - a :class:`distributed.Client` (left open)
      - ``"serial"``: one after the other in this process

    - ``out`` -- path (default: ``None``) of the table to write: Parquet
      (``.parquet``) or CSV (``.csv``); every finished task is also saved in
      the directory ``<out>.parts`` (kept afterwards)
    - ``resume`` -- boolean (default: ``True``); reuse the tasks finished in
      ``<out>.parts`` by an earlier (possibly killed) run instead of
      recomputing them
    - ``progress`` -- ``None`` (default: a progress bar on a terminal only),
      ``True`` or ``False``
    - ``n_workers`` -- integer (default: ``2``); the size of the local cluster
    - ``runner`` -- (default: :func:`run_task`) the function computing the
      row of a task; with another runner, ``spec`` may also be a list of
      task dictionaries, each with the keys ``task_id`` and ``method`` (for
      example the checkpoints of :func:`sage_tropnet.tracking.track`); the
      runner must be importable by the workers (a module-level function)

    OUTPUT: a :class:`pandas.DataFrame` with one row per task, in the order
    of :meth:`Sweep.tasks` (see :func:`results_table`); its ``attrs`` record
    the numbers of ``tasks``, of ``computed`` and of ``reused`` tasks, the
    number of saved parts ``rejected`` (recomputed because they did not match
    their task; ``rejected_parts`` maps their task ids to the reason) and
    the total ``seconds``

    If a task fails or the run is interrupted, the error propagates; the
    tasks finished so far stay saved and a new run resumes from them.

    EXAMPLES::

        sage: from sage_tropnet.experiments import sweep, parts_directory
        sage: spec = {"architectures": [[2, 3, 1]], "seeds": 3, "methods": ["bounds"]}
        sage: out = tmp_filename(ext=".csv")
        sage: df = sweep(spec, scheduler="serial", out=out, progress=False)
        sage: df[["seed", "value", "bound_trivial"]]
           seed  value bound_trivial
        0     0      7             8
        1     1      7             8
        2     2      7             8
        sage: import os; len(os.listdir(parts_directory(out)))
        3

    A larger sweep reuses the finished tasks; ``resume=False`` recomputes::

        sage: spec["seeds"] = 4
        sage: a = sweep(spec, scheduler="serial", out=out, progress=False).attrs
        sage: a["tasks"], a["computed"], a["reused"]
        (4, 1, 3)
        sage: a = sweep(spec, scheduler="serial", out=out, resume=False, progress=False).attrs
        sage: a["tasks"], a["computed"], a["reused"]
        (4, 4, 0)

    Tasks of another runner (a module-level function returning a row)::

        sage: from sage_tropnet.experiments import task_id, run_task
        sage: T = [{"method": "bounds", "arch": [2, k, 1], "seed": 0} for k in (3, 4)]
        sage: T = [dict(t, task_id=task_id(t)) for t in T]
        sage: sweep(T, scheduler="serial", runner=run_task, progress=False)[["arch", "value"]]
                arch  value
        0  [2, 3, 1]      7
        1  [2, 4, 1]     11

    An edited part is recomputed, and said so::

        sage: import json
        sage: f = os.path.join(parts_directory(out), os.listdir(parts_directory(out))[0])
        sage: data = json.load(open(f)); data["row"]["value"] = int(999)
        sage: _ = open(f, "w").write(json.dumps(data))
        sage: a = sweep(spec, scheduler="serial", out=out, progress=False).attrs
        sage: a["computed"], a["reused"], a["rejected"], list(a["rejected_parts"].values())
        (1, 3, 1, ['checksum mismatch (edited or damaged)'])

    TESTS::

        sage: sweep(spec, scheduler="serial", out="results.json")
        Traceback (most recent call last):
        ...
        ValueError: results.json: unknown output format '.json' (use .parquet or .csv)
        sage: sweep(spec, scheduler="serial", n_workers=0)
        Traceback (most recent call last):
        ...
        ValueError: n_workers must be a positive integer, got 0
    """
    start = time.perf_counter()
    if runner is not None and isinstance(spec, (list, tuple)):
        if len(spec) > MAX_TASKS:
            raise ValueError("%s tasks: a sweep runs at most %s tasks" % (len(spec), MAX_TASKS))
        tasks = [dict(t) for t in spec]     # ready-made tasks of another runner
        spec = None
    else:
        spec = as_sweep(spec)
        tasks = None
    if out is not None and not isinstance(out, (str, os.PathLike)):
        raise TypeError("out must be a path or None, got %s" % type(out).__name__)
    if out is not None:
        from sage_tropnet.misc.files import check_output_path
        _format_of(out)
        check_output_path(out)
    if not _is_int(n_workers) or n_workers < 1:
        raise ValueError("n_workers must be a positive integer, got %r" % (n_workers,))
    if tasks is None:
        tasks = spec.tasks()
    rows = {}
    parts = None
    rejected = {}
    if out is not None:
        parts = parts_directory(out)
        prepare_parts_directory(parts)
        if resume:
            for t in tasks:
                row, problem = read_part(parts, t, check_row=runner is None)
                if row is not None:
                    rows[t["task_id"]] = row
                elif problem is not None:
                    rejected[t["task_id"]] = problem
    reused = len(rows)
    todo = (t for t in tasks if t["task_id"] not in rows)
    computed = len(tasks) - reused

    from tqdm.auto import tqdm
    from sage_tropnet.misc.formatting import PROGRESS_DELAY
    disable = None if progress is None else not progress
    with tqdm(delay=PROGRESS_DELAY, total=len(tasks), initial=reused, desc="sweep", unit="task",
              disable=disable) as bar:
        by_id = {t["task_id"]: t for t in tasks} if runner is not None else None

        def done(row):
            if parts is not None:
                if by_id is None:
                    write_part(parts, row)
                else:
                    write_part(parts, row, by_id[row["task_id"]])
            rows[row["task_id"]] = row
            bar.update(1)

        if computed:
            if isinstance(scheduler, str) and scheduler == "serial":
                _run_serial(todo, done, runner)
            else:
                _run_dask(todo, done, scheduler, int(n_workers), runner)

    df = results_table([rows[t["task_id"]] for t in tasks])
    if out is not None:
        write_results(df, out)
    df.attrs = {"tasks": len(tasks), "computed": computed, "reused": reused,
                "rejected": len(rejected), "rejected_parts": rejected,
                "seconds": time.perf_counter() - start}
    return df
