r"""
The ``sage-tropnet`` command line

``sage-tropnet`` (also ``python -m sage_tropnet``) reads a trained network
from a weights file (see :func:`~sage_tropnet.adapters.load_network`: ``.npz``
with keys ``W0, b0, W1, b1, ...`` or PyTorch-style keys, or a PyTorch
``.pt``/``.pth`` state dict) and works on it exactly over `\QQ`:

- ``sage-tropnet tropicalize NET.npz [--json] [--convention C] [--no-prune]``
  prints, for every output neuron, the number of monomials of the numerator
  and of the denominator of its tropical rational map `F \oslash G`;
- ``sage-tropnet evaluate NET.npz --points PTS.npy [--json]`` evaluates the
  network and its tropical map at every point, exactly, and checks that they
  agree (exit code 1 if they do not).

Both accept ``--output-activation linear|relu`` and one rounding option
``--digits K`` or ``--max-denominator D`` (default: the exact binary value of
every weight). With ``--json`` the standard output is exactly one JSON object;
rationals are strings ``"p/q"`` (integers ``"3"``).

Errors in the input (a missing key, shapes that do not chain, NaN, pickled
content, a missing file, ...) print one line ``sage-tropnet: error: ...`` on
the standard error, nothing on the standard output, and exit with code 2.

Further subcommands are registered with :func:`add_subcommand`.

EXAMPLES::

    sage: import numpy as np
    sage: from sage_tropnet.cli import main
    sage: f = tmp_filename(ext=".npz")
    sage: np.savez(f, W0=np.array([[1., 0.], [0., 1.], [-1., -1.]]), b0=np.zeros(3),
    ....:          W1=np.ones((1, 3)), b1=np.zeros(1))
    sage: main(["tropicalize", f])
    network: ReLU network [2, 3, 1] (output activation: linear)
    tropicalization: convention zhang, pruned
    output 0: 6 numerator monomials, 1 denominator monomials
    0
    sage: p = tmp_filename(ext=".npy")
    sage: np.save(p, np.array([[1.0, 2.0], [-0.5, 0.25]]))
    sage: main(["evaluate", f, "--points", p])
    point 0: (1, 2)
      network:  (3)
      tropical: (3)
    point 1: (-1/2, 1/4)
      network:  (1/2)
      tropical: (1/2)
    agree: yes
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

import argparse
import io
import json
import sys
from collections import OrderedDict, namedtuple

from sage.rings.rational_field import QQ

from sage_tropnet.adapters import load_network
from sage_tropnet.network import CONVENTIONS
from sage_tropnet.rational import to_rational

PROG = "sage-tropnet"

class Subcommand(namedtuple("Subcommand", ["name", "help", "configure", "run", "description"])):
    r"""
    A registered subcommand of ``sage-tropnet`` (see :func:`add_subcommand`).

    EXAMPLES::

        sage: from sage_tropnet.cli import SUBCOMMANDS
        sage: SUBCOMMANDS["regions"].name
        'regions'
    """
    __slots__ = ()

#: The registered subcommands, in the order of ``--help``. Add to it with
#: :func:`add_subcommand`.
SUBCOMMANDS = OrderedDict()


def add_subcommand(name, configure, run, help="", description=None):
    r"""
    Register the subcommand ``name`` of ``sage-tropnet``.

    INPUT:

    - ``name`` -- string; the subcommand (for example ``"regions"``)
    - ``configure`` -- function taking an :class:`argparse.ArgumentParser`
      and adding the subcommand's arguments (use
      :func:`add_network_arguments` for the network file and its options)
    - ``run`` -- function ``run(args, out)`` returning the exit code (an
      integer); it writes its results to the text stream ``out`` (never to
      ``sys.stdout``: the output is only shown if no error occurs) and raises
      :class:`ValueError` or :class:`OSError` for bad input (reported as one
      line on stderr, exit code 2)
    - ``help`` -- string (default: ``""``); one line for ``sage-tropnet --help``
    - ``description`` -- string (default: ``help``); for ``sage-tropnet NAME --help``

    OUTPUT: the registered :class:`Subcommand`

    EXAMPLES::

        sage: from sage_tropnet.cli import add_subcommand, add_network_arguments, \
        ....:     network_from_args, main, SUBCOMMANDS
        sage: def run(args, out):
        ....:     out.write("%s\n" % network_from_args(args).widths())
        ....:     return 0
        sage: _ = add_subcommand("widths", add_network_arguments, run, help="print the widths")
        sage: import numpy as np
        sage: f = tmp_filename(ext=".npz")
        sage: np.savez(f, W0=np.ones((3, 2)), b0=np.zeros(3))
        sage: main(["widths", f])
        [2, 3]
        0
        sage: del SUBCOMMANDS["widths"]
    """
    sc = Subcommand(name, help, configure, run, description or help)
    SUBCOMMANDS[name] = sc
    return sc


def add_network_arguments(parser):
    r"""
    Add the network file argument and its loading options to ``parser``.

    Adds ``NET``, ``--output-activation`` and one of ``--digits`` /
    ``--max-denominator``; :func:`network_from_args` reads them.

    INPUT:

    - ``parser`` -- an :class:`argparse.ArgumentParser`

    EXAMPLES::

        sage: import argparse
        sage: from sage_tropnet.cli import add_network_arguments
        sage: p = argparse.ArgumentParser()
        sage: add_network_arguments(p)
        sage: a = p.parse_args(["net.npz", "--digits", "3"])
        sage: a.network, a.output_activation, a.digits, a.max_denominator
        ('net.npz', 'linear', 3, None)
    """
    parser.add_argument("network", metavar="NET",
                        help="weights file: .npz (keys W0, b0, W1, b1, ... or "
                             "<prefix>.weight/<prefix>.bias) or a PyTorch .pt/.pth state dict")
    parser.add_argument("--output-activation", choices=("linear", "relu"), default="linear",
                        help="activation of the output layer (default: linear)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--digits", type=int, metavar="K", default=None,
                       help="round every weight to K decimal digits "
                            "(default: the exact binary value)")
    group.add_argument("--max-denominator", type=int, metavar="D", default=None,
                       help="replace every weight by the nearest rational with "
                            "denominator at most D")


def network_from_args(args):
    r"""
    Return the network named by parsed arguments (see :func:`add_network_arguments`).

    EXAMPLES::

        sage: import argparse, numpy as np
        sage: from sage_tropnet.cli import add_network_arguments, network_from_args
        sage: f = tmp_filename(ext=".npz")
        sage: np.savez(f, W0=np.array([[0.1]]), b0=np.zeros(1))
        sage: p = argparse.ArgumentParser(); add_network_arguments(p)
        sage: network_from_args(p.parse_args([f, "--max-denominator", "10"])).layers()[0][0]
        [1/10]
    """
    return load_network(args.network, digits=args.digits,
                        max_denominator=args.max_denominator,
                        output_activation=args.output_activation)


def format_rational(q):
    r"""
    Return the exact rational ``q`` as a string ``"p/q"`` (``"3"`` for integers).

    EXAMPLES::

        sage: from sage_tropnet.cli import format_rational
        sage: format_rational(3), format_rational(-7/2), format_rational(QQ(0))
        ('3', '-7/2', '0')
    """
    return str(QQ(q))


def _write_json(out, obj):
    out.write(json.dumps(obj))
    out.write("\n")


# ---------------------------------------------------------------------------
# tropicalize
# ---------------------------------------------------------------------------

def _configure_tropicalize(parser):
    add_network_arguments(parser)
    parser.add_argument("--convention", choices=CONVENTIONS, default="zhang",
                        help="tropicalisation convention (default: zhang); all give the "
                             "same function, only the monomial counts differ")
    parser.add_argument("--no-prune", action="store_true",
                        help="keep monomials without a full-dimensional region")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object: {outputs: [{numerator_monomials, "
                             "denominator_monomials}], input_dimension, widths, convention, "
                             "pruned, output_activation}")


def run_tropicalize(args, out):
    r"""
    Run ``sage-tropnet tropicalize``: print the monomial counts per output.

    INPUT:

    - ``args`` -- the parsed arguments
    - ``out`` -- a text stream

    OUTPUT: the exit code ``0``

    EXAMPLES::

        sage: import numpy as np
        sage: from sage_tropnet.cli import main
        sage: f = tmp_filename(ext=".npz")
        sage: np.savez(f, W0=np.array([[1., 0.], [0., 1.], [-1., -1.]]), b0=np.zeros(3),
        ....:          W1=np.ones((1, 3)), b1=np.zeros(1))
        sage: main(["tropicalize", f, "--json"])
        {"outputs": [{"numerator_monomials": 6, "denominator_monomials": 1}], ...}
        0

    The JSON object is one line; parsed::

        sage: import contextlib, io, json
        sage: buf = io.StringIO()
        sage: with contextlib.redirect_stdout(buf):
        ....:     rc = main(["tropicalize", f, "--json", "--no-prune"])
        sage: rc, buf.getvalue().count("\n")
        (0, 1)
        sage: json.loads(buf.getvalue())
        {'convention': 'zhang',
         'input_dimension': 2,
         'output_activation': 'linear',
         'outputs': [{'denominator_monomials': 1, 'numerator_monomials': 7}],
         'pruned': False,
         'widths': [2, 3, 1]}
    """
    net = network_from_args(args)
    prune = not args.no_prune
    counts = net.tropicalize(prune=prune, convention=args.convention).monomial_count()
    if args.json:
        _write_json(out, {
            "outputs": [{"numerator_monomials": int(n), "denominator_monomials": int(d)}
                        for n, d in counts],
            "input_dimension": int(net.input_dimension()),
            "widths": [int(w) for w in net.widths()],
            "convention": args.convention,
            "pruned": prune,
            "output_activation": net.output_activation(),
        })
        return 0
    out.write("network: %s\n" % net)
    out.write("tropicalization: convention %s, %s\n"
              % (args.convention, "pruned" if prune else "not pruned"))
    for i, (n, d) in enumerate(counts):
        out.write("output %s: %s numerator monomials, %s denominator monomials\n" % (i, n, d))
    return 0


# ---------------------------------------------------------------------------
# evaluate
# ---------------------------------------------------------------------------

def load_points(path, dimension):
    r"""
    Return the points stored in a ``.npy`` file as lists of exact rationals.

    INPUT:

    - ``path`` -- string; a ``.npy`` file holding a 2-D real array of shape
      (number of points, ``dimension``), read with ``allow_pickle=False``;
      every entry is taken as its exact binary value
    - ``dimension`` -- integer; the input dimension of the network

    OUTPUT: a list of lists of elements of ``QQ``

    EXAMPLES::

        sage: import numpy as np
        sage: from sage_tropnet.cli import load_points
        sage: p = tmp_filename(ext=".npy")
        sage: np.save(p, np.array([[0.5, 0.1]]))
        sage: load_points(p, 2)
        [[1/2, 3602879701896397/36028797018963968]]
        sage: load_points(p, 3)
        Traceback (most recent call last):
        ...
        ValueError: ...npy: points must be a 2-D array of shape (n_points, 3), got shape (1, 2)
    """
    import numpy as np
    try:
        pts = np.load(path, allow_pickle=False)
    except ValueError as err:
        if 'pickle' in str(err) or 'bject arrays' in str(err):
            raise ValueError("%s: pickled content is refused (save the points with "
                             "numpy.save as a float64 array)" % path)
        raise ValueError("%s: not a NumPy .npy file (%s)" % (path, err))
    except EOFError as err:
        raise ValueError("%s: not a NumPy .npy file (%s)" % (path, err))
    if not isinstance(pts, np.ndarray):
        pts.close()
        raise ValueError("%s: the points file must be a .npy array, not an .npz archive"
                         % path)
    if pts.dtype.kind not in 'iuf':
        raise ValueError("%s: points have non-numeric dtype %s (expected float64)"
                         % (path, pts.dtype))
    if pts.ndim != 2 or pts.shape[1] != dimension:
        raise ValueError("%s: points must be a 2-D array of shape (n_points, %s), got shape %s"
                         % (path, dimension, tuple(pts.shape)))
    if pts.shape[0] == 0:
        raise ValueError("%s: no points (shape %s)" % (path, tuple(pts.shape)))
    if pts.dtype.kind == 'f':
        bad = ~np.isfinite(pts)
        if bad.any():
            i, j = (int(a) for a in np.argwhere(bad)[0])
            raise ValueError("%s: point %s, coordinate %s is not finite (%s)"
                             % (path, i, j, pts[i, j]))
    values = pts.tolist() if pts.dtype.kind in 'iu' else pts.astype(np.float64).tolist()
    return [[to_rational(a) for a in row] for row in values]


def _configure_evaluate(parser):
    add_network_arguments(parser)
    parser.add_argument("--points", required=True, metavar="PTS.npy",
                        help="float64 array of shape (n_points, input_dimension), "
                             "saved with numpy.save; taken exactly")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object: {points, network, tropical, agree} "
                             "with exact rationals as \"p/q\" strings")


def run_evaluate(args, out):
    r"""
    Run ``sage-tropnet evaluate``: the network and its tropical map at points.

    INPUT:

    - ``args`` -- the parsed arguments
    - ``out`` -- a text stream

    OUTPUT: the exit code: ``0`` if the network and its tropical map agree at
    every point, ``1`` otherwise

    EXAMPLES::

        sage: import numpy as np
        sage: from sage_tropnet.cli import main
        sage: f = tmp_filename(ext=".npz")
        sage: np.savez(f, W0=np.array([[1., -1.]]), b0=np.array([0.5]))
        sage: p = tmp_filename(ext=".npy")
        sage: np.save(p, np.array([[1.0, 2.0]]))
        sage: main(["evaluate", f, "--points", p, "--json", "--output-activation", "relu"])
        {"points": [["1", "2"]], "network": [["0"]], "tropical": [["0"]], "agree": true}
        0
    """
    net = network_from_args(args)
    points = load_points(args.points, net.input_dimension())
    F = net.tropicalize()
    net_values = [[QQ(v) for v in net(x)] for x in points]
    trop_values = [[QQ(v) for v in F(x)] for x in points]
    agree = net_values == trop_values
    if args.json:
        _write_json(out, {
            "points": [[format_rational(a) for a in x] for x in points],
            "network": [[format_rational(a) for a in v] for v in net_values],
            "tropical": [[format_rational(a) for a in v] for v in trop_values],
            "agree": agree,
        })
    else:
        for i, (x, v, t) in enumerate(zip(points, net_values, trop_values)):
            out.write("point %s: (%s)\n" % (i, ", ".join(format_rational(a) for a in x)))
            out.write("  network:  (%s)\n" % ", ".join(format_rational(a) for a in v))
            out.write("  tropical: (%s)\n" % ", ".join(format_rational(a) for a in t))
        out.write("agree: %s\n" % ("yes" if agree else "NO"))
    return 0 if agree else 1


add_subcommand("tropicalize", _configure_tropicalize, run_tropicalize,
               help="count the monomials of the tropical rational map of each output",
               description="Write every output of the network as a tropical rational map "
                           "F - G (max-plus) and print the number of monomials of F and G.")
add_subcommand("evaluate", _configure_evaluate, run_evaluate,
               help="evaluate the network and its tropical map exactly at points",
               description="Evaluate the network and its tropical rational map exactly at "
                           "every point of a .npy file and check that they agree "
                           "(exit code 1 if they do not).")
# Further subcommands live in their own modules and register here with
# add_subcommand(name, configure, run, help=...).
from sage_tropnet import cli_regions, cli_hoffman, cli_sample, cli_sweep  # noqa: E402

cli_regions.register()
cli_hoffman.register()
cli_sample.register()
cli_sweep.register()


# ---------------------------------------------------------------------------
# the parser and main
# ---------------------------------------------------------------------------

class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """
    An argument parser whose usage errors are one line (raised, not printed).
    """

    def error(self, message):
        raise _UsageError("%s (see '%s --help')" % (message, self.prog))


def version():
    r"""
    Return the version string of ``sage-tropnet --version``.

    EXAMPLES::

        sage: from sage_tropnet.cli import version
        sage: version()
        'sage-tropnet ... (passagemath ...)'
    """
    try:
        from importlib.metadata import version as _v, PackageNotFoundError
        try:
            ours = _v("sage_tropnet")
        except PackageNotFoundError:
            ours = "unknown"
    except ImportError:  # pragma: no cover
        ours = "unknown"
    try:
        from sage.version import version as sage_version
    except ImportError:  # pragma: no cover
        sage_version = "unknown"
    return "%s %s (passagemath %s)" % (PROG, ours, sage_version)


def build_parser():
    r"""
    Return the argument parser of ``sage-tropnet`` with every registered subcommand.

    EXAMPLES::

        sage: from sage_tropnet.cli import build_parser
        sage: build_parser().prog
        'sage-tropnet'
    """
    parser = _Parser(prog=PROG,
                     description="Tropical geometry of ReLU networks, exactly over QQ. "
                                 "Networks are read from .npz files (keys W0, b0, W1, b1, "
                                 "... with W of shape (out, in), or PyTorch-style "
                                 "<prefix>.weight/<prefix>.bias) or PyTorch .pt/.pth "
                                 "state dicts.",
                     epilog="Errors in the input print one line on stderr and exit with "
                            "code 2. Run '%s COMMAND --help' for the options of a command."
                            % PROG)
    parser.add_argument("--version", action="version", version=version())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands",
                                parser_class=_Parser)
    for sc in SUBCOMMANDS.values():
        p = sub.add_parser(sc.name, help=sc.help, description=sc.description)
        sc.configure(p)
        p.set_defaults(_run=sc.run)
    return parser


def _error(message):
    sys.stderr.write("%s: error: %s\n" % (PROG, " ".join(str(message).split())))
    return 2


def main(argv=None):
    r"""
    Run ``sage-tropnet`` with the arguments ``argv`` and return the exit code.

    INPUT:

    - ``argv`` -- list of strings (default: ``sys.argv[1:]``)

    OUTPUT: an integer: ``0`` on success, ``2`` for bad input (one line
    ``sage-tropnet: error: ...`` on stderr, nothing on stdout), ``1`` when
    ``evaluate`` finds a disagreement

    EXAMPLES::

        sage: from sage_tropnet.cli import main
        sage: main(["--version"])
        sage-tropnet ... (passagemath ...)
        0
        sage: main(["--help"])
        usage: sage-tropnet [-h] [--version] COMMAND ...
        ...
        commands:
          COMMAND
            tropicalize...count the monomials of the tropical rational map of each output
            evaluate ...evaluate the network and its tropical map exactly at points
        ...
        0
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except _UsageError as err:
        return _error(err)
    except SystemExit as err:  # --help, --version
        return err.code if isinstance(err.code, int) else (0 if err.code is None else 2)
    if getattr(args, "_run", None) is None:
        return _error("a command is required: %s (see '%s --help')"
                      % (", ".join(SUBCOMMANDS), PROG))
    out = io.StringIO()
    try:
        code = args._run(args, out)
    except (ValueError, OSError) as err:
        return _error(err if str(err) else type(err).__name__)
    sys.stdout.write(out.getvalue())
    sys.stdout.flush()
    return int(code or 0)
