r"""
The ``sage-tropnet sample`` command

``sage-tropnet sample NET.npz --radius R --samples N`` estimates the number of
linear regions in the box `[-R, R]^n` by sampling (the numerical baseline of
[LWCBM2024]_ §5.2): the maps found are exact (rational Jacobians of the
sampled activation patterns), the count is an *estimate* (a lower bound up to
the midpoint heuristic) and is labelled ``"mode": "float-sampling"``. With
``--exact`` the exact count in the same box is printed beside it. With
``--symmetric S_n`` the paper's fundamental-domain estimator is used for an
`S_n`-invariant network.

EXAMPLES::

    sage: import numpy as np
    sage: from sage_tropnet.cli import main
    sage: f = tmp_filename(ext=".npz")
    sage: np.savez(f, W0=np.array([[1., 0.], [0., 1.], [-1., -1.]]), b0=np.zeros(3),
    ....:          W1=np.ones((1, 3)), b1=np.zeros(1))
    sage: main(["sample", f, "--radius", "5", "--samples", "2000", "--seed", "1", "--exact"])
    estimate: 6 linear regions (sampling 2000 points in [-5, 5]^2; an estimate)
    exact: 6 linear regions in the same box
    0

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


import re
import sys
import time

from sage_tropnet.cli.common import (PROG, add_input_arguments, add_output_argument, load_input,
                                     write_json, check_output, count, non_negative_integer,
                                     positive_rational)
from sage_tropnet.misc.formatting import json_number

#: The name of the command.
NAME = "sample"

#: One line for ``sage-tropnet --help``.
HELP = "estimate linear regions by sampling (numerical baseline)"

#: The description of ``sage-tropnet sample --help``.
DESCRIPTION = ("Estimate the number of linear regions in a box by sampling points and "
               "counting distinct exact affine maps (an estimate, labelled as such); --exact "
               "adds the exact count.")


def add_arguments(parser):
    r"""
    Add the arguments of ``sage-tropnet sample`` to ``parser``.

    EXAMPLES::

        sage: import argparse
        sage: from sage_tropnet.cli.sample import add_arguments
        sage: p = argparse.ArgumentParser(); add_arguments(p)
        sage: a = p.parse_args(["n.npz", "--radius", "5", "--samples", "10"])
        sage: a.radius, a.samples, a.method
        (5, 10, 'jacobian')
    """
    add_input_arguments(parser)
    parser.add_argument("--radius", type=positive_rational, required=True,
                        help="half-width R of the box (a rational, e.g. 5, 1/2 or 0.5, read "
                             "exactly for --exact)")
    parser.add_argument("--samples", type=count, required=True,
                        help="number of sample points N (e.g. 2000, 10^6 or 1e6)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--seed", type=non_negative_integer, default=0,
                        help="random seed, a non-negative integer (default: 0)")
    parser.add_argument("--method", choices=("jacobian", "pattern"), default="jacobian",
                        help="count distinct exact affine maps (default) or activation patterns")
    parser.add_argument("--no-midpoint", action="store_true",
                        help="do not separate disconnected pieces with the same map")
    add_output_argument(parser)
    parser.add_argument("--exact", action="store_true",
                        help="also count exactly in the same box, for comparison")
    parser.add_argument("--symmetric", default=None, metavar="S_n",
                        help="the network is invariant under S_n (n = input dimension): use "
                             "the fundamental-domain estimator")


#: Above this many samples, ``sample`` first times a small sample and, if
#: the whole run should take more than :data:`NOTE_SECONDS`, says how long
#: on the standard error.
TIMED_SAMPLES = 10 ** 6

#: See :data:`TIMED_SAMPLES`.
NOTE_SECONDS = 30


def _duration(seconds):
    r"""
    Return ``seconds`` in words, roughly.

    EXAMPLES::

        sage: from sage_tropnet.cli.sample import _duration
        sage: _duration(42), _duration(4000), _duration(10**6)
        ('42 s', '1 h 7 min', '11.6 days')
    """
    seconds = float(seconds)
    if seconds < 120:
        return "%d s" % round(seconds)
    if seconds < 3600:
        return "%d min" % round(seconds / 60)
    if seconds < 86400 * 2:
        return "%d h %d min" % (seconds // 3600, round((seconds % 3600) / 60))
    return "%.1f days" % (seconds / 86400)


def _note_duration(net, args):
    r"""
    Time a small sample; print one line on stderr if the run will be long.
    """
    import time as _time
    from sage_tropnet.sampling import estimate_linear_regions
    if args.samples <= TIMED_SAMPLES:
        return
    probe = 50000
    t = _time.perf_counter()
    estimate_linear_regions(net, radius=args.radius, samples=probe, seed=args.seed,
                            method=args.method, midpoint=False, output=args.output,
                            progress=False)
    rate = probe / max(_time.perf_counter() - t, 1e-6)
    expected = args.samples / rate
    if expected > NOTE_SECONDS:
        sys.stderr.write("%s: note: sampling %s points takes about %s (%.3g points/s); the "
                         "progress bar shows what is left, Ctrl-C stops\n"
                         % (PROG, args.samples, _duration(expected), rate))


def configure(subparsers):
    r"""
    Add the command ``sample`` to ``subparsers`` and return its parser.

    EXAMPLES::

        sage: import argparse
        sage: from sage_tropnet.cli import sample
        sage: sub = argparse.ArgumentParser().add_subparsers()
        sage: sample.configure(sub).prog
        '... sample'
    """
    parser = subparsers.add_parser(NAME, help=HELP, description=DESCRIPTION)
    add_arguments(parser)
    return parser


def run(args, out=None):
    r"""
    Run ``sage-tropnet sample``.

    EXAMPLES::

        sage: import numpy as np, io, argparse, json
        sage: from sage_tropnet.cli.sample import add_arguments, run
        sage: f = tmp_filename(ext=".npz")
        sage: np.savez(f, W0=np.array([[1.], [-1.]]), b0=np.array([0., 1.]),
        ....:          W1=np.array([[4., 2.]]), b1=np.array([-3.]))
        sage: p = argparse.ArgumentParser(); add_arguments(p); s = io.StringIO()
        sage: run(p.parse_args([f, "--radius", "2", "--samples", "500", "--json"]), s)
        0
        sage: d = json.loads(s.getvalue()); d["estimate"], d["mode"]
        (3, 'float-sampling')
    """
    out = sys.stdout if out is None else out
    net = load_input(args)
    check_output(net, args.output, args.network)
    n = net.input_dimension()
    if args.symmetric:
        m = re.fullmatch(r"S_?(\d+)", args.symmetric.strip())
        if not m or int(m.group(1)) != n:
            raise ValueError("--symmetric: expected S_%s (the input dimension), got %r"
                             % (n, args.symmetric))
    t0 = time.perf_counter()
    if args.symmetric:
        from sage_tropnet.symmetry.estimates import fundamental_domain_estimate
        est = fundamental_domain_estimate(net, box=args.radius, samples=args.samples,
                                          seed=args.seed)
        res = {"estimate": int(est), "estimator": "fundamental-domain (S_%s)" % n}
    else:
        from sage_tropnet.sampling import estimate_linear_regions
        _note_duration(net, args)
        est = estimate_linear_regions(net, radius=args.radius, samples=args.samples,
                                      seed=args.seed, method=args.method,
                                      midpoint=not args.no_midpoint and args.method == "jacobian",
                                      output=args.output, progress=False if args.json else None)
        res = {"estimate": int(est["estimate"]), "estimator": args.method,
               "dropped": int(est.get("dropped", 0))}
    res.update({"samples": args.samples, "radius": json_number(args.radius), "seed": args.seed,
                "mode": "float-sampling"})
    if args.exact:
        from sage_tropnet.regions import count_linear_regions
        res["exact"] = int(count_linear_regions(net, box=args.radius, output=args.output,
                                                progress=False))
    res["seconds"] = round(time.perf_counter() - t0, 4)
    if args.json:
        write_json(out, res)
        return 0
    out.write("estimate: %s linear regions (sampling %s points in [-%s, %s]^%s; an estimate)\n"
              % (res["estimate"], args.samples, args.radius, args.radius, n))
    if "exact" in res:
        out.write("exact: %s linear regions in the same box\n" % res["exact"])
    return 0
