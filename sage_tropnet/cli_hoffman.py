r"""
The ``sage-tropnet hoffman`` and ``sage-tropnet radius`` commands

``sage-tropnet hoffman INPUT`` computes a Hoffman constant: of a matrix
(``.npy`` float64, taken exactly), of a tropical rational map (``.json``, see
:mod:`sage_tropnet.cli_regions`) or of a network (``.npz``). ``sage-tropnet
radius INPUT`` computes the Hoffman sampling radius (every linear region meets
the `\infty`-ball of that radius) and the exact minimal such radius.

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

import json
import os
import time

from sage.rings.rational_field import QQ

from sage_tropnet.rational import to_rational


def load_matrix(path):
    r"""
    Return the matrix over `\QQ` stored in a ``.npy`` file (float64 values taken exactly).

    EXAMPLES::

        sage: import numpy as np
        sage: from sage_tropnet.cli_hoffman import load_matrix
        sage: f = tmp_filename(ext=".npy")
        sage: np.save(f, np.array([[0.5, 1.0]]))
        sage: load_matrix(f)
        [1/2   1]
        sage: np.save(f, np.array([[np.nan]]))
        sage: load_matrix(f)
        Traceback (most recent call last):
        ...
        ValueError: ...npy: matrix entry (0, 0) is not finite
    """
    import numpy as np
    from sage.matrix.constructor import matrix
    name = os.path.basename(path)
    try:
        A = np.load(path, allow_pickle=False)
    except ValueError:
        raise ValueError("%s: pickled content is refused" % name)
    if A.dtype.kind not in "iuf":
        raise ValueError("%s: matrix has non-numeric dtype %s" % (name, A.dtype))
    if A.ndim != 2 or A.size == 0:
        raise ValueError("%s: expected a non-empty 2-D matrix, got shape %s" % (name, A.shape))
    bad = np.argwhere(~np.isfinite(A))
    if len(bad):
        raise ValueError("%s: matrix entry %s is not finite" % (name, tuple(int(i) for i in bad[0])))
    return matrix(QQ, [[to_rational(float(a)) for a in row] for row in A])


def _load(args):
    if str(args.input).lower().endswith(".npy"):
        return load_matrix(args.input)
    from sage_tropnet.cli_regions import load_input
    return load_input(args)


def _number(x):
    if x is None:
        return None
    if getattr(x, 'parent', None) is not None and x.parent() is QQ:
        return str(x)
    return float(x)


def _common(parser):
    parser.add_argument("input", metavar="INPUT",
                        help="matrix (.npy), tropical rational map (.json) or network (.npz, .pt)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--output", type=int, default=0, metavar="N",
                        help="output coordinate of a network (default: 0)")
    parser.add_argument("--output-activation", choices=("linear", "relu"), default="linear",
                        help="activation of the network's output layer (default: linear)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--digits", type=int, metavar="K", default=None,
                       help="round every weight to K decimal digits")
    group.add_argument("--max-denominator", type=int, metavar="D", default=None,
                       help="nearest rational with denominator at most D")


def configure_hoffman(parser):
    r"""
    Add the arguments of ``sage-tropnet hoffman``.

    EXAMPLES::

        sage: import argparse
        sage: from sage_tropnet.cli_hoffman import configure_hoffman
        sage: p = argparse.ArgumentParser(); configure_hoffman(p)
        sage: p.parse_args(["A.npy", "--bound", "lower"]).bound
        'lower'
    """
    _common(parser)
    parser.add_argument("--algorithm", choices=("pvz", "brute_force"), default="pvz",
                        help="exact algorithm (default: pvz)")
    parser.add_argument("--bound", choices=("lower", "upper"), default=None,
                        help="a sampled lower bound or the sqrt(|J|)/sigma_min upper bound "
                             "instead of the exact value")
    parser.add_argument("--norm", choices=("inf", "l1"), default="inf",
                        help="inf: l-infinity on x and residual (paper); l1: l1 on x (Pena)")
    parser.add_argument("--mode", choices=("exact", "float"), default="exact",
                        help="exact LPs over QQ (default) or float LPs (HiGHS)")
    parser.add_argument("--samples", type=int, default=100,
                        help="random subsets for --bound lower (default: 100)")
    parser.add_argument("--seed", type=int, default=0, help="seed for --bound lower")


def run_hoffman(args, out):
    r"""
    Run ``sage-tropnet hoffman``.

    EXAMPLES::

        sage: import numpy as np, io, argparse, json
        sage: from sage_tropnet.cli_hoffman import configure_hoffman, run_hoffman
        sage: f = tmp_filename(ext=".npy")
        sage: np.save(f, np.vstack([np.eye(3), -np.ones((1, 3))]))
        sage: p = argparse.ArgumentParser(); configure_hoffman(p); s = io.StringIO()
        sage: run_hoffman(p.parse_args([f, "--json"]), s)
        0
        sage: json.loads(s.getvalue())["hoffman_constant"]
        '3'
    """
    from sage_tropnet import hoffman as H
    obj = _load(args)
    exact = args.mode == "exact"
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
                    "v": [_number(a) for a in r.v] if r.v is not None else None}
            res["kind"] = "lower"
        else:
            r = H.hoffman_constant(obj, algorithm=args.algorithm, norm=args.norm, mode=args.mode)
            value = r.value
            cert = {"J": [int(j) for j in r.J] if r.J is not None else None,
                    "v": [_number(a) for a in r.v] if r.v is not None else None}
            res["kind"] = "exact"
        res.update({"norm": args.norm, "hoffman_constant": _number(value), "certificate": cert})
    else:
        r = H.tropical_hoffman_constant(obj, algorithm=args.algorithm, norm=args.norm,
                                        mode=args.mode, bound=args.bound, samples=args.samples,
                                        seed=args.seed, output=args.output)
        d = r.as_dict()
        res = {"input": "network" if hasattr(obj, "layers") else "map", "kind": d["kind"],
               "norm": args.norm, "hoffman_constant": d["value"], "certificate": d}
    res["mode"] = args.mode if args.bound != "upper" else "float"
    res["seconds"] = round(time.perf_counter() - t0, 4)
    if args.json:
        out.write(json.dumps(res) + "\n")
        return 0
    label = {"exact": "%s, %s" % ("exact" if exact else "FLOAT MODE", args.algorithm),
             "lower": "sampled lower bound, %s subsets" % args.samples,
             "upper": "upper bound sqrt(|J|)/sigma_min, float"}[res["kind"]]
    out.write("Hoffman constant: %s (%s, norm %s)\n" % (res["hoffman_constant"], label, args.norm))
    cert = res.get("certificate")
    if res["input"] == "matrix" and cert and cert.get("J") is not None:
        out.write("certificate: J = %s\n" % (tuple(cert["J"]),))
    elif res["input"] != "matrix" and cert and cert.get("indices") is not None:
        out.write("maximising cell: monomials %s\n" % (tuple(cert["indices"]),))
    return 0


def configure_radius(parser):
    r"""
    Add the arguments of ``sage-tropnet radius``.

    EXAMPLES::

        sage: import argparse
        sage: from sage_tropnet.cli_hoffman import configure_radius
        sage: p = argparse.ArgumentParser(); configure_radius(p)
        sage: p.parse_args(["net.npz", "--center", "1,1/2"]).center
        '1,1/2'
    """
    _common(parser)
    parser.add_argument("--center", default=None, metavar="x1,...,xn",
                        help="centre of the ball (default: the origin)")
    parser.add_argument("--no-minimal", action="store_true",
                        help="skip the exact minimal radius (one LP per region)")


def run_radius(args, out):
    r"""
    Run ``sage-tropnet radius``.

    EXAMPLES::

        sage: import numpy as np, io, argparse, json
        sage: from sage_tropnet.cli_hoffman import configure_radius, run_radius
        sage: f = tmp_filename(ext=".json")
        sage: _ = open(f, "w").write('{"variables": 1, "numerator": [[0, [0]], [0, [2]]]}')
        sage: p = argparse.ArgumentParser(); configure_radius(p); s = io.StringIO()
        sage: run_radius(p.parse_args([f, "--json", "--center", "5"]), s)
        0
        sage: d = json.loads(s.getvalue()); d["radius"], d["minimal_radius"]
        ('5', '5')
    """
    from sage_tropnet import hoffman as H
    obj = _load(args)
    if hasattr(obj, "nrows"):
        raise ValueError("%s: a radius needs a tropical map or a network, not a matrix"
                         % os.path.basename(args.input))
    center = None
    if args.center is not None:
        try:
            center = [QQ(c) for c in args.center.split(",")]
        except (TypeError, ValueError):
            raise ValueError("--center: %r is not a list of rationals" % args.center)
        n = obj.input_dimension() if hasattr(obj, "layers") else obj.nvariables()
        if len(center) != n:
            raise ValueError("--center: %s coordinates given, the input dimension is %s"
                             % (len(center), n))
    t0 = time.perf_counter()
    R = H.sampling_radius(obj, center=center, output=args.output, certificate=True)
    res = {"radius": _number(R.value), "hoffman_constant": _number(getattr(R.hoffman, "value", R.hoffman)),
           "spread": _number(R.spread), "center": [str(c) for c in (center or [])] or "origin",
           "mode": "exact"}
    if not args.no_minimal:
        res["minimal_radius"] = _number(H.minimal_radius(obj, center=center, output=args.output))
    res["seconds"] = round(time.perf_counter() - t0, 4)
    if args.json:
        out.write(json.dumps(res) + "\n")
        return 0
    approx = lambda s: "%.6g" % float(QQ(s)) if isinstance(s, str) else "%.6g" % s
    out.write("sampling radius: ~%s (Hoffman constant ~%s x spread ~%s)\n"
              % (approx(res["radius"]), approx(res["hoffman_constant"]), approx(res["spread"])))
    out.write("  exact: %s\n" % res["radius"])
    if "minimal_radius" in res:
        out.write("minimal radius: ~%s (the smallest ball meeting every linear region)\n"
                  % approx(res["minimal_radius"]))
        out.write("  exact: %s\n" % res["minimal_radius"])
    return 0


def register():
    r"""
    Register ``hoffman`` and ``radius`` with :mod:`sage_tropnet.cli`.

    EXAMPLES::

        sage: from sage_tropnet.cli import SUBCOMMANDS
        sage: "hoffman" in SUBCOMMANDS and "radius" in SUBCOMMANDS
        True
    """
    from sage_tropnet.cli import add_subcommand
    add_subcommand("hoffman", configure_hoffman, run_hoffman,
                   help="Hoffman constant of a matrix, tropical map or network",
                   description="Compute the Hoffman constant (exact by default, PVZ algorithm) "
                               "of a matrix (.npy), a tropical rational map (.json) or a "
                               "network, with a certificate.")
    add_subcommand("radius", configure_radius, run_radius,
                   help="sampling radius meeting every linear region, and the minimal one",
                   description="Compute the Hoffman sampling radius of a tropical map or network "
                               "(Lemma 3.3 / Prop. 3.4 of the paper) and the exact minimal radius.")
