r"""
Training dynamics: regions, monomials and Hoffman constants over checkpoints

A training run saves one checkpoint per epoch; :func:`track` computes, for
each of them, exactly:

- ``linear_regions``, ``activation_regions`` -- in all of `\RR^n`, in a box,
  or in a slice through data (:mod:`sage_tropnet.slices`);
- ``monomials`` -- the numerator and denominator monomials of the pruned
  tropical rational map of the output;
- ``hoffman`` -- the Hoffman constant of the tropical map
  (:func:`~sage_tropnet.hoffman.tropical.tropical_hoffman_constant`);
- ``radius`` -- the sampling radius around the origin (of the slice)
  (:func:`~sage_tropnet.hoffman.radius.sampling_radius`);
- ``statistics`` -- region statistics (bounded regions, volumes and
  Chebyshev radii in the box, vertices and edges of the complex;
  :func:`~sage_tropnet.stats.statistics_json`);
- ``bounds`` -- the upper bound of Serra et al. for the architecture.

Checkpoints are files read by :func:`~sage_tropnet.adapters.load_network`
(``.npz``, PyTorch state dicts, TorchScript, ONNX), ordered naturally
(``epoch_2`` before ``epoch_10``); the epoch of a checkpoint is the last
number in its file name (else its position). Every checkpoint is one task of
the sweep machinery of :mod:`sage_tropnet.experiments`: serial, or on a Dask
cluster, with the same results; with an output table the finished
checkpoints are saved as they come and a new run resumes (a checkpoint file
that changed is recomputed: its hash is part of the task).
:func:`plot_tracking` draws every quantity against the epoch.

EXAMPLES::

    sage: import numpy as np, os
    sage: from sage_tropnet.network import random_network
    sage: from sage_tropnet.tracking import track
    sage: d = tmp_dir()
    sage: for e in (1, 2, 10):
    ....:     net = random_network([2, 4, 1], seed=e)
    ....:     np.savez(os.path.join(d, "epoch_%s.npz" % e),
    ....:              **{"%s%s" % (k, i): np.array([[float(a) for a in r] for r in W.rows()]
    ....:                 if k == "W" else [float(a) for a in b])
    ....:                 for i, (W, b, _) in enumerate(net.layers()) for k in "Wb"})
    sage: files = [os.path.join(d, f) for f in ("epoch_10.npz", "epoch_1.npz", "epoch_2.npz")]
    sage: df = track(files, quantities=["linear_regions", "activation_regions", "monomials"],
    ....:            progress=False)
    sage: df[["epoch", "checkpoint", "linear_regions", "activation_regions"]]
       epoch    checkpoint  linear_regions  activation_regions
    0      1   epoch_1.npz              11                  11
    1      2   epoch_2.npz              11                  11
    2     10  epoch_10.npz              11                  11
    sage: df[["numerator_monomials", "denominator_monomials"]].values.tolist()
    [[2, 7], [2, 7], [1, 11]]

AUTHORS:

- sage_tropnet developers (2026-12): initial version

REFERENCES:

- [LWCBM2024]_ (the training-dynamics experiments)
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
import os
import re
import time

from sage.rings.rational_field import QQ

from sage_tropnet.misc.formatting import json_number
from sage_tropnet.experiments import sweep, task_id

#: the quantities :func:`track` can compute
QUANTITIES = ("linear_regions", "activation_regions", "monomials", "hoffman", "radius",
              "statistics", "bounds")

#: the quantities computed by default: the Hoffman constant and the sampling
#: radius (exact LPs for every region, expensive beyond small networks or
#: low-dimensional slices) are asked for explicitly
DEFAULT_QUANTITIES = ("linear_regions", "activation_regions", "monomials", "statistics",
                      "bounds")

#: the version of the rows (part of every task id)
TRACK_FORMAT = 1

_NUMBER = re.compile(r"(\d+)")


def natural_key(path):
    r"""
    Return the key ordering file names naturally (numbers by value).

    EXAMPLES::

        sage: from sage_tropnet.tracking import natural_key
        sage: sorted(["e10.npz", "e2.npz", "e1.npz"], key=natural_key)
        ['e1.npz', 'e2.npz', 'e10.npz']
    """
    name = os.path.basename(os.fspath(path))
    return [(0, int(t), "") if t.isdigit() else (1, 0, t.lower())
            for t in _NUMBER.split(name) if t]


def sort_checkpoints(paths):
    r"""
    Return the checkpoint files in natural order, with their epochs: a list
    of ``(epoch, path)``; the epoch is the last number in the file name, or
    the position when a name has none (or two names share a number).

    EXAMPLES::

        sage: from sage_tropnet.tracking import sort_checkpoints
        sage: sort_checkpoints(["run/epoch_10.pt", "run/epoch_9.pt", "run/epoch_0.pt"])
        [(0, 'run/epoch_0.pt'), (9, 'run/epoch_9.pt'), (10, 'run/epoch_10.pt')]
        sage: sort_checkpoints(["b.npz", "a.npz"])
        [(0, 'a.npz'), (1, 'b.npz')]
    """
    paths = sorted((os.fspath(p) for p in paths), key=natural_key)
    nums = []
    for p in paths:
        found = _NUMBER.findall(os.path.splitext(os.path.basename(p))[0])
        nums.append(int(found[-1]) if found else None)
    if None in nums or len(set(nums)) < len(nums):
        return list(enumerate(paths))
    return list(zip(nums, paths))


def _file_hash(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()[:16]


def checkpoint_tasks(checkpoints, quantities=None, box=None, slice=None, output=0,
                     mode="exact", digits=None, max_denominator=None,
                     output_activation="linear"):
    r"""
    Return the tasks of :func:`track` (one per checkpoint, in natural order).

    A task is a dictionary of JSON values: ``method`` (``"checkpoint"``),
    ``path``, ``epoch``, ``sha`` (a hash of the file), the quantities and the
    options; ``task_id`` hashes all of them.

    EXAMPLES::

        sage: import numpy as np
        sage: from sage_tropnet.tracking import checkpoint_tasks
        sage: f = tmp_filename(ext=".npz"); np.savez(f, W0=np.ones((1, 1)), b0=np.zeros(1))
        sage: t = checkpoint_tasks([f], quantities=["linear_regions"], box=2)[0]
        sage: t["method"], t["box"], t["quantities"], len(t["task_id"])
        ('checkpoint', '2', ['linear_regions'], 16)
    """
    quantities = list(DEFAULT_QUANTITIES if quantities is None else quantities)
    for q in quantities:
        if q not in QUANTITIES:
            raise ValueError("unknown quantity %r (expected some of %s)"
                             % (q, ", ".join(QUANTITIES)))
    if mode not in ("exact", "float"):
        raise ValueError("mode must be 'exact' or 'float', got %r" % (mode,))
    if box is not None:
        box = QQ(box)
        if box <= 0:
            raise ValueError("the box half-width must be positive, got %s" % box)
    tasks = []
    for epoch, path in sort_checkpoints(checkpoints):
        if not os.path.exists(path):
            raise OSError("%s: no such file" % path)
        t = {"method": "checkpoint", "path": os.path.abspath(path), "epoch": int(epoch),
             "sha": _file_hash(path), "quantities": quantities,
             "box": None if box is None else str(box),
             "slice": None if slice is None else slice.to_dict(),
             "output": None if output is None else int(output), "mode": mode,
             "digits": digits, "max_denominator": max_denominator,
             "output_activation": output_activation, "track_format": TRACK_FORMAT}
        t["task_id"] = task_id(t)
        tasks.append(dict(sorted(t.items())))
    return tasks


def _summary(stats, box):
    r"""
    Return the summary columns of the region statistics.
    """
    regs = stats["regions"]
    vols = [r["volume_float"] for r in regs if r["volume_float"] is not None]
    radii = [r["chebyshev_radius_float"] for r in regs
             if r["chebyshev_radius_float"] is not None]
    out = {"bounded_regions": int(stats["number_of_bounded_regions"]),
           "mean_volume": (sum(vols) / len(vols)) if vols else None,
           "min_volume": min(vols) if vols else None,
           "mean_chebyshev_radius": (sum(radii) / len(radii)) if radii else None,
           "min_chebyshev_radius": min(radii) if radii else None}
    cx = stats.get("complex")
    if cx is not None:
        out["vertices"] = int(cx["n_vertices"])
        out["edges"] = int(cx["n_edges"])
    return out


def run_checkpoint(task):
    r"""
    Compute the row of one checkpoint task (see :func:`checkpoint_tasks`).

    A pure function of the task (up to ``seconds``), importable by Dask
    workers.

    EXAMPLES::

        sage: import numpy as np
        sage: from sage_tropnet.tracking import checkpoint_tasks, run_checkpoint, QUANTITIES
        sage: f = tmp_filename(ext=".npz")
        sage: np.savez(f, W0=np.array([[1.], [-1.]]), b0=np.array([0., 1.]),
        ....:          W1=np.array([[4., 2.]]), b1=np.array([-3.]))
        sage: t = checkpoint_tasks([f], box=2, output_activation="relu",
        ....:                      quantities=QUANTITIES)[0]
        sage: r = run_checkpoint(t)
        sage: r["linear_regions"], r["activation_regions"], r["hoffman"], r["sampling_radius"]
        (4, 5, '1/2', '3/2')
        sage: r["numerator_monomials"], r["denominator_monomials"], r["bound_serra2018"]
        (4, 1, '3')
        sage: r["bounded_regions"], r["mean_volume"]
        (2, 1.0)
    """
    from sage_tropnet.adapters import load_network
    t0 = time.perf_counter()
    net = load_network(task["path"], digits=task.get("digits"),
                       max_denominator=task.get("max_denominator"),
                       output_activation=task.get("output_activation", "linear"))
    row = {"task_id": task["task_id"], "epoch": int(task["epoch"]),
           "checkpoint": os.path.basename(task["path"]),
           "widths": "[%s]" % ", ".join(str(w) for w in net.widths())}
    if task.get("slice") is not None:
        from sage_tropnet.slices import Slice
        net = Slice.from_dict(task["slice"]).restrict(net)
    box = None if task.get("box") is None else QQ(task["box"])
    output = task.get("output")
    mode = task.get("mode", "exact")
    q = task["quantities"]
    out0 = 0 if output is None else int(output)
    if "linear_regions" in q:
        from sage_tropnet.regions import count_linear_regions
        row["linear_regions"] = int(count_linear_regions(net, box=box, output=output,
                                                         mode=mode, progress=False))
    if "activation_regions" in q:
        from sage_tropnet.regions import count_activation_regions
        row["activation_regions"] = int(count_activation_regions(net, box=box, mode=mode,
                                                                 progress=False))
    if "monomials" in q:
        num, den = net.tropicalize().monomial_count()[out0]
        row["numerator_monomials"] = int(num)
        row["denominator_monomials"] = int(den)
    if "hoffman" in q:
        from sage_tropnet.hoffman.tropical import tropical_hoffman_constant
        H = tropical_hoffman_constant(net, output=out0, mode=mode).value
        row["hoffman"] = json_number(H)
        row["hoffman_float"] = float(H)
    if "radius" in q:
        from sage_tropnet.hoffman.radius import sampling_radius
        R = sampling_radius(net, output=out0, mode=mode)
        row["sampling_radius"] = json_number(R)
        row["sampling_radius_float"] = float(R)
    if "statistics" in q:
        from sage_tropnet.stats import statistics_json
        row.update(_summary(statistics_json(net, box=box, output=out0, check_bounded=True),
                            box))
    if "bounds" in q:
        from sage_tropnet.bounds import bounds
        b = bounds(net)
        row["bound_serra2018"] = None if b.get("serra2018") is None else str(b["serra2018"])
    for k in ("box", "mode", "output"):
        row[k] = task.get(k)
    row["sliced"] = task.get("slice") is not None
    row["seconds"] = time.perf_counter() - t0
    return row


#: the order of the columns of a tracking table
COLUMNS = ("epoch", "checkpoint", "widths", "linear_regions", "activation_regions",
           "numerator_monomials", "denominator_monomials", "hoffman", "hoffman_float",
           "sampling_radius", "sampling_radius_float", "bounded_regions", "mean_volume",
           "min_volume", "mean_chebyshev_radius", "min_chebyshev_radius", "vertices", "edges",
           "bound_serra2018", "box", "mode", "output", "sliced", "seconds", "task_id")


def track(checkpoints, quantities=None, box=None, slice=None, output=0, mode="exact",
          scheduler="serial", out=None, resume=True, progress=None, n_workers=2, digits=None,
          max_denominator=None, output_activation="linear"):
    r"""
    Return the table of tracked quantities over training checkpoints.

    INPUT:

    - ``checkpoints`` -- a list of files (any order: they are sorted
      naturally), read by :func:`~sage_tropnet.adapters.load_network`
    - ``quantities`` -- a list among :data:`QUANTITIES` (default:
      :data:`DEFAULT_QUANTITIES`; add ``"hoffman"`` and ``"radius"`` for the
      Hoffman constant and the sampling radius, whose exact computation
      solves LPs for every region: cheap on a line or for small networks,
      expensive beyond)
    - ``box`` -- ``None`` (all of the input space or slice) or a half-width
      `R` (the box `[-R, R]^k`; needed for volumes)
    - ``slice`` -- ``None`` or a :class:`~sage_tropnet.slices.Slice`:
      compute everything for the network restricted to it
    - ``output`` -- integer (default: ``0``) or ``None`` (the regions of the
      whole output vector; monomials and constants of output 0)
    - ``mode`` -- ``'exact'`` (default) or ``'float'``
    - ``scheduler``, ``n_workers``, ``out``, ``resume``, ``progress`` -- as
      in :func:`~sage_tropnet.experiments.sweep`, except that the default
      scheduler is ``"serial"``; ``None`` starts a local Dask cluster
    - ``digits``, ``max_denominator``, ``output_activation`` -- as in
      :func:`~sage_tropnet.adapters.load_network`

    OUTPUT: a :class:`pandas.DataFrame`, one row per checkpoint in epoch
    order (the columns of :data:`COLUMNS` that were computed; exact
    rationals as strings, with ``*_float`` companions)

    EXAMPLES::

        sage: import numpy as np, os
        sage: from sage_tropnet.tracking import track
        sage: d = tmp_dir()
        sage: for e, s in enumerate([1.0, 2.0, -1.0]):
        ....:     np.savez(os.path.join(d, "ckpt%s.npz" % e), W0=np.array([[1., 0.], [0., s]]),
        ....:              b0=np.array([0., 1.]), W1=np.array([[1., 1.]]), b1=np.zeros(1))
        sage: files = [os.path.join(d, "ckpt%s.npz" % e) for e in range(3)]
        sage: out = os.path.join(d, "track.csv")
        sage: df = track(files, box=2, out=out, progress=False,
        ....:            quantities=["linear_regions", "hoffman", "radius", "statistics"])
        sage: df[["epoch", "linear_regions", "hoffman", "sampling_radius", "mean_volume"]]
           epoch  linear_regions hoffman sampling_radius  mean_volume
        0      0               4       1               1          4.0
        1      1               4       1               1          4.0
        2      2               4       1               1          4.0
        sage: track(files, box=2, out=out, progress=False,
        ....:       quantities=["linear_regions", "hoffman", "radius", "statistics"]).attrs["reused"]
        3

    The same on a local Dask cluster (it takes a few seconds to start)::

        sage: from sage_tropnet.experiments import drop_timing
        sage: df2 = track(files, box=2, scheduler=None, progress=False,       # long time
        ....:             quantities=["linear_regions", "hoffman", "radius", "statistics"])
        sage: drop_timing(df2).equals(drop_timing(df))                      # long time
        True
    """
    tasks = checkpoint_tasks(checkpoints, quantities, box, slice, output, mode, digits,
                             max_denominator, output_activation)
    df = sweep(tasks, scheduler=scheduler, out=out, resume=resume, progress=progress,
               n_workers=n_workers, runner=run_checkpoint)
    attrs = dict(df.attrs)
    cols = [c for c in COLUMNS if c in df.columns] + sorted(c for c in df.columns
                                                            if c not in COLUMNS)
    df = df[cols].sort_values("epoch", kind="stable").reset_index(drop=True)
    import pandas as pd
    for c in ("epoch", "linear_regions", "activation_regions", "numerator_monomials",
              "denominator_monomials", "bounded_regions", "vertices", "edges", "output"):
        if c in df.columns:
            df[c] = pd.array([None if pd.isna(v) else int(v) for v in df[c]], dtype="Int64")
    for c in ("hoffman_float", "sampling_radius_float", "mean_volume", "min_volume",
              "mean_chebyshev_radius", "min_chebyshev_radius"):
        if c in df.columns:
            df[c] = df[c].astype("float64")
    for c in ("hoffman", "sampling_radius", "bound_serra2018", "box"):
        if c in df.columns:
            df[c] = pd.Series([None if pd.isna(v) else str(v) for v in df[c]],
                              index=df.index, dtype=object)
    if "sliced" in df.columns:
        df["sliced"] = df["sliced"].astype(bool)
    df.attrs = attrs
    return df


#: the panels of :func:`plot_tracking`: (title, columns)
PANELS = (("regions", ("linear_regions", "activation_regions")),
          ("monomials", ("numerator_monomials", "denominator_monomials")),
          ("Hoffman constant", ("hoffman_float",)),
          ("sampling radius", ("sampling_radius_float",)),
          ("region volume", ("mean_volume", "min_volume")),
          ("Chebyshev radius", ("mean_chebyshev_radius", "min_chebyshev_radius")))


def plot_tracking(df, title=None, figsize=None):
    r"""
    Return a Matplotlib figure of every tracked quantity of ``df`` (a table
    of :func:`track`) against the epoch, one panel per kind.

    EXAMPLES::

        sage: import pandas as pd
        sage: from sage_tropnet.tracking import plot_tracking
        sage: df = pd.DataFrame({"epoch": [0, 1, 2], "linear_regions": [5, 9, 12],
        ....:                    "activation_regions": [5, 10, 14],
        ....:                    "hoffman_float": [1.0, 2.5, 2.0]})
        sage: fig = plot_tracking(df)
        sage: [ax.get_title() for ax in fig.axes]
        ['regions', 'Hoffman constant']
        sage: fig.savefig(tmp_filename(ext=".png"))
    """
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator
    panels = [(t, [c for c in cols if c in df.columns and df[c].notna().any()])
              for t, cols in PANELS]
    panels = [(t, cols) for t, cols in panels if cols]
    if not panels:
        raise ValueError("nothing to plot: the table has no tracked quantity")
    k = len(panels)
    ncols = 2 if k > 1 else 1
    nrows = (k + ncols - 1) // ncols
    fig = Figure(figsize=figsize or (5.5 * ncols, 3.2 * nrows))
    x = [int(e) for e in df["epoch"]]
    for i, (t, cols) in enumerate(panels):
        ax = fig.add_subplot(nrows, ncols, i + 1)
        for c in cols:
            ax.plot(x, [float("nan") if v is None or v != v else float(v) for v in df[c]],
                    marker="o", ms=3, label=c.replace("_", " "))
        ax.set_title(t)
        ax.set_xlabel("epoch")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        if len(cols) > 1:
            ax.legend(fontsize=8)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig
