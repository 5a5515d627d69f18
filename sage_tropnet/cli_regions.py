r"""
The ``sage-tropnet regions`` command

``sage-tropnet regions INPUT`` counts the linear regions (and, for networks,
the activation regions) exactly. ``INPUT`` is a network weights file (see
:func:`~sage_tropnet.adapters.load_network`) or a tropical rational map in
JSON::

    {"variables": n,
     "numerator":   [[coef, [e_1, ..., e_n]], ...],
     "denominator": [[coef, [e_1, ..., e_n]], ...]}

where numbers are JSON numbers (taken exactly, as float64 values) or strings
``"p/q"``; the denominator is optional (default: the constant ``0``).

EXAMPLES::

    sage: from sage_tropnet.cli import main
    sage: f = tmp_filename(ext=".json")
    sage: _ = open(f, "w").write('{"variables": 1, '
    ....:     '"numerator": [[0, [0]], [0, [1]], ["-2", [2]]], '
    ....:     '"denominator": [[0, [0]], [-2, [2]]]}')
    sage: main(["regions", f])
    input: tropical rational map in 1 variable
    linear regions: 4 (exact, tropical route, facet adjacency, all of R^1)
    time: ... s
    0
    sage: main(["regions", f, "--json"])
    {"input": "map", "input_dimension": 1, "mode": "exact", "method": "tropical", ..."linear_regions": 4, "seconds": ...}
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
from sage_tropnet.puiseux import TropicalPuiseuxPolynomial, TropicalRationalMap


def _number(x, where):
    if isinstance(x, bool):
        raise ValueError("%s: expected a number, got %r" % (where, x))
    if isinstance(x, str):
        try:
            return QQ(x)
        except (TypeError, ValueError):
            raise ValueError("%s: %r is not a rational 'p/q'" % (where, x))
    if isinstance(x, (int, float)):
        try:
            return to_rational(x)
        except ValueError as err:
            raise ValueError("%s: %s" % (where, err))
    raise ValueError("%s: expected a number, got %r" % (where, x))


def load_tropical_map(path):
    r"""
    Return the tropical rational map stored in the JSON file ``path``.

    Every error names the file and the key.

    EXAMPLES::

        sage: from sage_tropnet.cli_regions import load_tropical_map
        sage: f = tmp_filename(ext=".json")
        sage: _ = open(f, "w").write('{"variables": 2, '
        ....:                        '"numerator": [[0, [1, 0]], ["1/2", [0, "1/3"]]]}')
        sage: load_tropical_map(f)
        max(1/2 + 1/3*y, x) - max(0)
        sage: _ = open(f, "w").write('{"variables": 2, "numerator": [[0, [1]]]}')
        sage: load_tropical_map(f)
        Traceback (most recent call last):
        ...
        ValueError: ...json: key 'numerator', term 0: exponent has 1 entries, expected 2
    """
    name = os.path.basename(path)
    try:
        with open(path) as fh:
            data = json.load(fh)
    except json.JSONDecodeError as err:
        raise ValueError("%s: not valid JSON (%s)" % (name, err))
    if not isinstance(data, dict):
        raise ValueError("%s: expected a JSON object with keys 'variables', 'numerator'" % name)
    if "variables" not in data:
        raise ValueError("%s: missing key 'variables'" % name)
    n = data["variables"]
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise ValueError("%s: key 'variables' must be a positive integer" % name)
    if "numerator" not in data:
        raise ValueError("%s: missing key 'numerator'" % name)
    polys = []
    for key in ("numerator", "denominator"):
        if key not in data:
            polys.append(TropicalPuiseuxPolynomial.constant(0, n))
            continue
        terms = data[key]
        if not isinstance(terms, list) or not terms:
            raise ValueError("%s: key '%s' must be a non-empty list of [coef, exponent]" % (name, key))
        out = []
        for t, term in enumerate(terms):
            where = "%s: key '%s', term %s" % (name, key, t)
            if not (isinstance(term, list) and len(term) == 2 and isinstance(term[1], list)):
                raise ValueError("%s: expected [coef, [e_1, ..., e_n]]" % where)
            if len(term[1]) != n:
                raise ValueError("%s: exponent has %s entries, expected %s" % (where, len(term[1]), n))
            out.append((tuple(_number(e, where) for e in term[1]), _number(term[0], where)))
        polys.append(TropicalPuiseuxPolynomial(out, nvars=n))
    return TropicalRationalMap(*polys)


def load_input(args):
    r"""
    Return the network or tropical map named by ``args.input``.

    EXAMPLES::

        sage: import argparse
        sage: from sage_tropnet.cli_regions import load_input
        sage: import numpy as np
        sage: f = tmp_filename(ext=".npz")
        sage: np.savez(f, W0=np.ones((3, 2)), b0=np.zeros(3), W1=np.ones((1, 3)), b1=np.zeros(1))
        sage: load_input(argparse.Namespace(input=f, digits=None,
        ....:     max_denominator=None, output_activation="linear"))
        ReLU network [2, 3, 1] (output activation: linear)
    """
    from sage_tropnet.adapters import load_network
    if str(args.input).lower().endswith(".json"):
        return load_tropical_map(args.input)
    return load_network(args.input, digits=args.digits, max_denominator=args.max_denominator,
                        output_activation=args.output_activation)


def configure_regions(parser):
    r"""
    Add the arguments of ``sage-tropnet regions``.

    EXAMPLES::

        sage: import argparse
        sage: from sage_tropnet.cli_regions import configure_regions
        sage: p = argparse.ArgumentParser(); configure_regions(p)
        sage: p.parse_args(["net.npz", "--method", "both"]).method
        'both'
    """
    parser.add_argument("input", metavar="INPUT",
                        help="network weights (.npz, .pt) or a tropical rational map (.json)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--mode", choices=("exact", "float"), default="exact",
                        help="exact (default: over QQ, certified) or float (qhull, an estimate)")
    parser.add_argument("--method", choices=("tropical", "activation", "both"), default=None,
                        help="tropical route, activation route, or both (checked to agree); "
                             "default: tropical for maps, both for networks")
    parser.add_argument("--adjacency", choices=("facet", "nonempty"), default="facet",
                        help="glue cells with the same affine map sharing a facet (default) "
                             "or meeting anywhere")
    parser.add_argument("--output", type=int, default=0, metavar="N",
                        help="output coordinate of the network (default: 0)")
    parser.add_argument("--output-activation", choices=("linear", "relu"), default="linear",
                        help="activation of the network's output layer (default: linear)")
    parser.add_argument("--box", default=None, metavar="R",
                        help="count inside the box [-R, R]^n (a rational, e.g. 5 or 1/2)")
    parser.add_argument("--stats", action="store_true",
                        help="add region statistics (exact volumes in the box, centres, ...)")
    parser.add_argument("--plot", default=None, metavar="OUT.png",
                        help="save a picture of the regions (input dimension 1, 2 or 3)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--digits", type=int, metavar="K", default=None,
                       help="round every weight to K decimal digits")
    group.add_argument("--max-denominator", type=int, metavar="D", default=None,
                       help="nearest rational with denominator at most D")


def run_regions(args, out):
    r"""
    Run ``sage-tropnet regions``; return the exit code (1 if the routes disagree).

    EXAMPLES::

        sage: import numpy as np, io, argparse
        sage: from sage_tropnet.cli_regions import configure_regions, run_regions
        sage: f = tmp_filename(ext=".npz")
        sage: np.savez(f, W0=np.array([[1.], [-1.]]), b0=np.array([0., 1.]),
        ....:          W1=np.array([[4., 2.]]), b1=np.array([-3.]))
        sage: p = argparse.ArgumentParser(); configure_regions(p)
        sage: s = io.StringIO()
        sage: run_regions(p.parse_args([f, "--output-activation", "relu", "--json"]), s)
        0
        sage: import json; d = json.loads(s.getvalue())
        sage: d["linear_regions"], d["activation_regions"], d["agree"]
        (4, 5, True)
    """
    from sage_tropnet.network import ReLUNetwork
    from sage_tropnet.regions import count_linear_regions, count_activation_regions
    obj = load_input(args)
    is_net = isinstance(obj, ReLUNetwork)
    method = args.method or ("both" if is_net else "tropical")
    if not is_net and method != "tropical":
        raise ValueError("%s: the %s route needs a network" % (args.input, method))
    box = None
    if args.box is not None:
        try:
            box = QQ(args.box)
        except (TypeError, ValueError):
            raise ValueError("--box: %r is not a rational number" % args.box)
        if box <= 0:
            raise ValueError("--box: the half-width must be positive")
    n = obj.input_dimension() if is_net else obj.nvariables()
    if is_net and not 0 <= args.output < obj.output_dimension():
        raise ValueError("%s: --output %s out of range (the network has %s outputs)"
                         % (args.input, args.output, obj.output_dimension()))
    kw = dict(adjacency=args.adjacency, box=box, output=args.output, mode=args.mode,
              progress=None if not args.json else False)
    t0 = time.perf_counter()
    res = {"input": "network" if is_net else "map", "input_dimension": int(n),
           "mode": args.mode, "method": method, "adjacency": args.adjacency,
           "domain": "R^%s" % n if box is None else "[-%s, %s]^%s" % (box, box, n)}
    if is_net:
        res["widths"] = [int(w) for w in obj.widths()]
        res["output"] = args.output
        res["output_activation"] = obj.output_activation()
    routes = ("tropical", "activation") if method == "both" else (method,)
    counts = {}
    for r in routes:
        counts[r] = int(count_linear_regions(obj, method=r, **kw))
    res["linear_regions"] = counts[routes[0]]
    code = 0
    if method == "both":
        res["tropical_linear_regions"] = counts["tropical"]
        res["activation_linear_regions"] = counts["activation"]
        res["agree"] = counts["tropical"] == counts["activation"]
        code = 0 if res["agree"] else 1
    if is_net:
        res["activation_regions"] = int(count_activation_regions(
            obj, box=box, mode=args.mode, progress=kw["progress"]))
    if args.stats:
        from sage_tropnet.stats import statistics_json
        res["stats"] = statistics_json(obj, box=box, output=args.output)
    if args.plot:
        if args.mode == "float":
            raise ValueError("--plot needs exact mode")
        from sage_tropnet.plot import plot_linear_regions
        G = plot_linear_regions(obj, box=box if box is not None else None, output=args.output)
        G.save(args.plot)
        res["plot"] = args.plot
    res["seconds"] = round(time.perf_counter() - t0, 4)
    if args.json:
        out.write(json.dumps(res) + "\n")
        return code
    what = ("%s" % obj) if is_net else "tropical rational map in %s variable%s" % (
        n, "" if n == 1 else "s")
    out.write("input: %s\n" % what)
    dom = "all of R^%s" % n if box is None else "box [-%s, %s]^%s" % (box, box, n)
    label = "exact" if args.mode == "exact" else "FLOAT MODE (estimate with tolerances)"
    for r in routes:
        out.write("linear regions: %s (%s, %s route, %s adjacency, %s)\n"
                  % (counts[r], label, r, args.adjacency, dom))
    if is_net:
        out.write("activation regions: %s (%s)\n" % (res["activation_regions"], label))
    if method == "both":
        out.write("routes agree: %s\n" % ("yes" if res["agree"] else "NO"))
    if "stats" in res:
        out.write("statistics: %s regions described (use --json for the table)\n"
                  % len(res["stats"].get("regions", [])))
    if args.plot:
        out.write("picture: %s\n" % args.plot)
    out.write("time: %.3f s\n" % res["seconds"])
    return code


def register():
    r"""
    Register the ``regions`` subcommand with :mod:`sage_tropnet.cli`.

    EXAMPLES::

        sage: from sage_tropnet.cli import SUBCOMMANDS
        sage: "regions" in SUBCOMMANDS
        True
    """
    from sage_tropnet.cli import add_subcommand
    add_subcommand("regions", configure_regions, run_regions,
                   help="count linear and activation regions exactly",
                   description="Count the linear regions of a network or tropical rational map "
                               "(and the activation regions of a network), exactly over QQ by "
                               "default; with --method both the tropical and activation routes "
                               "are both run and must agree (exit code 1 otherwise).")
