r"""
The ``sage-tropnet hoffman`` command

``sage-tropnet hoffman INPUT`` computes a Hoffman constant (see
:mod:`sage_tropnet.hoffman`): of a matrix (``.npy`` float64, taken exactly),
of a tropical rational map (``.json``, see
:func:`~sage_tropnet.cli.common.load_tropical_map`) or of a network
(``.npz``), exactly by default, with a certificate; with ``--bound`` a
sampled lower bound or a singular-value upper bound instead.

EXAMPLES::

    sage: import numpy as np
    sage: from sage_tropnet.cli import main
    sage: f = tmp_filename(ext=".npy")
    sage: np.save(f, np.array([[1., 0.], [0., 1.], [-1., -1.]]))
    sage: main(["hoffman", f])
    Hoffman constant: 2 (exact, pvz, norm inf)
    certificate: J = (1, 2)
    0
    sage: main(["hoffman", f, "--json", "--bound", "upper"])
    {"input": "matrix", "kind": "upper", "norm": "inf", "hoffman_constant": 2.288245611..., ...}
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


import sys
import time

from sage_tropnet.cli.common import (PROG, add_input_arguments, add_output_argument, load_input,
                                     write_json, add_max_monomials_argument,
                                     tropicalize_within_limit, check_output, count,
                                     non_negative_integer, float_mode_problem,
                                     non_negative_rational)
from sage_tropnet.misc.formatting import json_number
from sage_tropnet.misc.inputs import is_network


#: The name of the command.
NAME = "hoffman"

#: One line for ``sage-tropnet --help``.
HELP = "Hoffman constant of a matrix, tropical map or network"

#: The description of ``sage-tropnet hoffman --help``.
DESCRIPTION = ("Compute the Hoffman constant (exact by default, PVZ algorithm) of a matrix "
               "(.npy), a tropical rational map (.json) or a network, with a certificate.")

#: The kinds of input of the command.
KINDS = ("matrix", "map", "network")

#: Matrices with at most this many rows use PVZ by default, larger ones
#: ``--algorithm auto``.
SMALL_MATRIX = 12

#: The largest ``--samples`` of ``--bound lower`` (one LP per sample).
MAX_LOWER_BOUND_SAMPLES = 10 ** 6


def add_arguments(parser):
    r"""
    Add the arguments of ``sage-tropnet hoffman`` to ``parser``.

    EXAMPLES::

        sage: import argparse
        sage: from sage_tropnet.cli.hoffman import add_arguments
        sage: p = argparse.ArgumentParser(); add_arguments(p)
        sage: p.parse_args(["A.npy", "--bound", "lower"]).bound
        'lower'
    """
    add_input_arguments(parser, KINDS)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    add_output_argument(parser)
    add_max_monomials_argument(parser)
    parser.add_argument("--algorithm", choices=("auto", "pvz", "brute_force", "independent"),
                        default=None,
                        help="exact algorithm (default: auto -- the independent row sets when "
                             "they are few, else pvz -- and pvz for matrices of at most %s rows)"
                             % SMALL_MATRIX)
    parser.add_argument("--bound", choices=("lower", "upper"), default=None,
                        help="a sampled lower bound or the sqrt(|J|)/sigma_min upper bound "
                             "instead of the exact value")
    parser.add_argument("--norm", choices=("inf", "l1"), default="inf",
                        help="inf: l-infinity on x and residual (paper); l1: l1 on x (Pena)")
    parser.add_argument("--mode", choices=("exact", "float"), default="exact",
                        help="exact LPs over QQ (default) or float LPs (HiGHS)")
    parser.add_argument("--samples", type=count, default=100,
                        help="random subsets for --bound lower (default: 100, at most %s)"
                             % MAX_LOWER_BOUND_SAMPLES)
    parser.add_argument("--max-seconds", type=non_negative_rational, default=None, metavar="T",
                        help="a time budget for the exact value: when it runs out, print the "
                             "certified lower bound found so far, labelled as a bound")
    parser.add_argument("--seed", type=non_negative_integer, default=0,
                        help="seed for --bound lower (a non-negative integer, default: 0)")


def _note_cost(A, algorithm, args):
    r"""
    Print one line on the standard error before an exact computation that
    may take long (a matrix with many rows for PVZ, or many candidates).
    """
    from sage_tropnet.hoffman.matrix import INDEPENDENT_LIMIT, independent_candidates
    m, n = A.nrows(), A.ncols()
    if algorithm in ("auto", "independent") and args.norm == "inf" and args.mode == "exact" \
            and (algorithm == "independent" or independent_candidates(m, n) <= INDEPENDENT_LIMIT):
        if independent_candidates(m, n) <= 10 ** 7:
            return
        what = "%s candidate row sets" % independent_candidates(m, n)
    elif algorithm == "brute_force":
        if m <= 16:
            return
        what = "2^%s - 1 row sets, one LP each (--algorithm brute_force)" % m
    else:
        if m <= 20:
            return
        what = ("up to 2^%s - 1 row sets; the PVZ algorithm usually solves far fewer LPs, but "
                "their number is not known in advance" % m)
    sys.stderr.write("%s: note: exact Hoffman constant of a %s x %s matrix: %s; the progress "
                     "bar shows the best lower bound so far (use --max-seconds T for a "
                     "certified lower bound within T seconds, or --bound)\n"
                     % (PROG, m, n, what))


def configure(subparsers):
    r"""
    Add the command ``hoffman`` to ``subparsers`` and return its parser.

    EXAMPLES::

        sage: import argparse
        sage: from sage_tropnet.cli import hoffman
        sage: sub = argparse.ArgumentParser().add_subparsers()
        sage: hoffman.configure(sub).prog
        '... hoffman'
    """
    parser = subparsers.add_parser(NAME, help=HELP, description=DESCRIPTION)
    add_arguments(parser)
    return parser


def run(args, out=None):
    r"""
    Run ``sage-tropnet hoffman``.

    EXAMPLES::

        sage: import numpy as np, io, argparse, json
        sage: from sage_tropnet.cli.hoffman import add_arguments, run
        sage: f = tmp_filename(ext=".npy")
        sage: np.save(f, np.vstack([np.eye(3), -np.ones((1, 3))]))
        sage: p = argparse.ArgumentParser(); add_arguments(p); s = io.StringIO()
        sage: run(p.parse_args([f, "--json"]), s)
        0
        sage: json.loads(s.getvalue())["hoffman_constant"]
        '3'
    """
    from sage_tropnet import hoffman as H
    out = sys.stdout if out is None else out
    if args.bound == "lower" and args.samples > MAX_LOWER_BOUND_SAMPLES:
        raise ValueError("--samples: at most %s random subsets (one LP each), got %s"
                         % (MAX_LOWER_BOUND_SAMPLES, args.samples))
    obj = load_input(args, KINDS)
    check_output(obj, args.output, args.input)
    is_matrix = hasattr(obj, "nrows")
    algorithm = args.algorithm
    if algorithm is None:  # small matrices: PVZ (as before); else the fastest that applies
        algorithm = "pvz" if is_matrix and obj.nrows() <= SMALL_MATRIX else "auto"
    if is_matrix and args.bound is None:
        m = len(set(tuple(r) for r in obj.rows() if not r.is_zero()))
        algorithm = H.resolve_algorithm(algorithm, m, obj.ncols(), args.norm, args.mode)
    if algorithm == "independent" and (args.norm != "inf" or args.mode != "exact"):
        raise ValueError("--algorithm independent needs --norm inf and --mode exact")
    progress = False if args.json else None
    if args.mode == "float" or args.bound == "upper":
        problem = float_mode_problem(obj)
        if problem is not None:
            raise ValueError("%s: %s; use exact mode%s" % (
                args.input, problem, "" if args.bound != "upper" else " without --bound upper"))
    t0 = time.perf_counter()
    if hasattr(obj, "nrows"):
        res = {"input": "matrix"}
        if args.bound == "upper":
            value, cert = H.hoffman_upper_bound(obj), None
            res["kind"] = "upper"
        elif args.bound == "lower":
            r = H.hoffman_lower_bound(obj, samples=args.samples, seed=args.seed,
                                      norm=args.norm, mode=args.mode)
            value = r.value
            cert = {"J": [int(j) for j in r.J] if r.J is not None else None,
                    "v": [json_number(a) for a in r.v] if r.v is not None else None}
            res["kind"] = "lower"
        else:
            _note_cost(obj, algorithm, args)
            try:
                r = H.hoffman_constant(obj, algorithm=algorithm, norm=args.norm, mode=args.mode,
                                       progress=progress, max_seconds=args.max_seconds)
                res["kind"] = "exact" if args.mode == "exact" else "float"
            except H.TimeBudgetExceeded as err:
                r = err.lower or H.HoffmanResult(0, (), ())
                res["kind"] = "lower"
                res["note"] = ("time budget of %s s exhausted after %s LPs: the value is a "
                               "certified lower bound, not the Hoffman constant"
                               % (args.max_seconds, err.done))
            value = r.value
            cert = {"J": [int(j) for j in r.J] if r.J is not None else None,
                    "v": [json_number(a) for a in r.v] if r.v is not None else None}
        res.update({"norm": args.norm, "hoffman_constant": json_number(value),
                    "certificate": cert})
    else:
        f = tropicalize_within_limit(obj, args, progress=False if args.json else None) \
            if is_network(obj) else obj
        note = None
        try:
            r = H.tropical_hoffman_constant(f, algorithm=algorithm, norm=args.norm,
                                            mode=args.mode, bound=args.bound,
                                            samples=args.samples, seed=args.seed,
                                            output=args.output, progress=progress,
                                            max_seconds=args.max_seconds)
        except H.TimeBudgetExceeded as err:
            if err.lower is None:
                raise ValueError("%s: the time budget of %s s ran out before any region was "
                                 "done (no bound to report)" % (args.input, args.max_seconds))
            r = err.lower
            note = ("time budget of %s s exhausted after %s of %s regions: the value is a "
                    "certified lower bound, not the Hoffman constant"
                    % (args.max_seconds, err.done, err.total))
        d = r.as_dict()
        res = {"input": "network" if is_network(obj) else "map", "kind": d["kind"],
               "norm": args.norm, "hoffman_constant": d["value"], "certificate": d}
        if note:
            res["note"] = note
    res["mode"] = args.mode if args.bound != "upper" else "float"
    res["seconds"] = round(time.perf_counter() - t0, 4)
    if args.json:
        write_json(out, res)
        return 0
    label = {"exact": "exact, %s" % algorithm,
             "float": "FLOAT MODE (an estimate with tolerances, not exact), %s" % algorithm,
             "lower": "sampled lower bound, %s subsets%s"
                      % (args.samples, "" if args.mode == "exact" else ", FLOAT MODE"),
             "upper": "upper bound sqrt(|J|)/sigma_min, float"}[res["kind"]]
    if "note" in res:
        label = "LOWER BOUND ONLY (not exact): %s" % res["note"]
    value = res["hoffman_constant"]
    if isinstance(value, str) and "/" in value:
        # a long exact fraction: a decimal first, the exact value on its own line
        from sage.rings.rational_field import QQ
        out.write("Hoffman constant: ~%.6g (%s, norm %s)\n  exact: %s\n"
                  % (float(QQ(value)), label, args.norm, value))
    else:
        out.write("Hoffman constant: %s (%s, norm %s)\n" % (value, label, args.norm))
    cert = res.get("certificate")
    if res["input"] == "matrix" and cert and cert.get("J") is not None:
        out.write("certificate: J = %s\n" % (tuple(cert["J"]),))
    elif res["input"] != "matrix" and cert and cert.get("indices") is not None:
        out.write("maximising cell: monomials %s\n" % (tuple(cert["indices"]),))
    return 0
