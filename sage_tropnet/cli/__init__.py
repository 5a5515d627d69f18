r"""
The ``sage-tropnet`` command line

``sage-tropnet`` (also ``python -m sage_tropnet``) works on a trained network
(see :func:`~sage_tropnet.adapters.load_network`: ``.npz`` with keys ``W0, b0,
W1, b1, ...`` or PyTorch-style keys, or a PyTorch ``.pt``/``.pth`` state
dict), a tropical rational map (``.json``) or a matrix (``.npy``), exactly
over `\QQ`. As Sage's own ``sage.cli``, this package holds :func:`main` and
one module per command, listed in :data:`COMMANDS`:

- :mod:`~sage_tropnet.cli.tropicalize` -- the monomial counts of the tropical
  rational map of every output;
- :mod:`~sage_tropnet.cli.evaluate` -- the network and its tropical map at
  points, exactly (exit code 1 if they disagree);
- :mod:`~sage_tropnet.cli.regions` -- linear and activation regions;
- :mod:`~sage_tropnet.cli.hoffman` -- Hoffman constants;
- :mod:`~sage_tropnet.cli.radius` -- sampling radii;
- :mod:`~sage_tropnet.cli.sample` -- sampling estimates;
- :mod:`~sage_tropnet.cli.sweep` -- declarative sweeps;
- :mod:`~sage_tropnet.cli.slice` -- regions on lines and planes through data;
- :mod:`~sage_tropnet.cli.track` -- regions and constants over training checkpoints.

Each command module exports ``configure(subparsers)`` (adds the command and
its arguments, returns its parser) and ``run(args, out=None)`` (returns the
exit code); none imports this package. What they share (the input argument
group, :func:`~sage_tropnet.cli.common.load_input`, the JSON output) is in
:mod:`sage_tropnet.cli.common`.

Every command accepts ``--output-activation linear|relu`` and one rounding
option ``--digits K`` or ``--max-denominator D`` (default: the exact binary
value of every weight). With ``--json`` the standard output is exactly one
JSON object; rationals are strings ``"p/q"`` (integers ``"3"``).

Errors in the input (a missing key, shapes that do not chain, NaN, pickled
content, a missing file, ...) print one line ``sage-tropnet: error: ...`` on
the standard error, nothing on the standard output, and exit with code 2.
So does any other failure: an output that cannot be written (a full disk, a
closed standard output), a lack of memory, and even an unexpected internal
error (a bug), which is reported as ``internal error`` in one line; the
option ``--debug`` (anywhere on the command line) shows the traceback
instead. ``Ctrl-C`` (``SIGINT``) stops every command within about a second
with the line ``sage-tropnet: interrupted`` and the exit code 130; output
files are written under a temporary name and renamed when complete, so an
interrupted command leaves no partial file behind.

Further subcommands can be registered with :func:`add_subcommand`.

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
    sage: main(["regions", f, "--json"])
    {"input": "network", ..., "linear_regions": 6, ...}
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
import os
import signal
import sys
import threading
import warnings
from collections import OrderedDict, namedtuple

from sage_tropnet.cli import (tropicalize, evaluate, regions, hoffman, radius, sample,
                              sweep)
from sage_tropnet.cli import slice, track  # noqa: A004  (research workflows)
from sage_tropnet.cli.common import PROG, add_input_arguments, load_input
from sage_tropnet.cli.common import load_points  # noqa: F401  (former home)
from sage_tropnet.misc.files import remove_partial_files
from sage_tropnet.misc.formatting import json_number

#: The commands of ``sage-tropnet``, in the order of ``--help``: one module
#: each, exporting ``NAME``, ``HELP``, ``configure(subparsers)`` and
#: ``run(args, out=None)``.
COMMANDS = (tropicalize, evaluate, regions, hoffman, radius, sample, sweep,
            slice, track)


class Subcommand(namedtuple("Subcommand", ["name", "help", "configure", "run", "description"])):
    r"""
    A subcommand of ``sage-tropnet`` (see :data:`SUBCOMMANDS`).

    ``configure`` adds the arguments to the parser of the subcommand and
    ``run(args, out)`` runs it.

    EXAMPLES::

        sage: from sage_tropnet.cli import SUBCOMMANDS
        sage: SUBCOMMANDS["regions"].name
        'regions'
    """
    __slots__ = ()


#: The subcommands by name, in the order of ``--help``: those of
#: :data:`COMMANDS`, then those registered with :func:`add_subcommand`.
SUBCOMMANDS = OrderedDict(
    (m.NAME, Subcommand(m.NAME, m.HELP, m.add_arguments, m.run, m.DESCRIPTION))
    for m in COMMANDS)


def add_subcommand(name, configure, run, help="", description=None):
    r"""
    Register the subcommand ``name`` of ``sage-tropnet``.

    INPUT:

    - ``name`` -- string; the subcommand (for example ``"widths"``)
    - ``configure`` -- function taking an :class:`argparse.ArgumentParser`
      and adding the subcommand's arguments (use
      :func:`~sage_tropnet.cli.common.add_input_arguments` for the network
      file and its options)
    - ``run`` -- function ``run(args, out)`` returning the exit code (an
      integer); it writes its results to the text stream ``out`` (never to
      ``sys.stdout``: the output is only shown if no error occurs) and raises
      :class:`ValueError` or :class:`OSError` for bad input (reported as one
      line on stderr, exit code 2)
    - ``help`` -- string (default: ``""``); one line for ``sage-tropnet --help``
    - ``description`` -- string (default: ``help``); for ``sage-tropnet NAME --help``

    OUTPUT: the registered :class:`Subcommand`

    EXAMPLES::

        sage: from sage_tropnet.cli import add_subcommand, main, SUBCOMMANDS
        sage: from sage_tropnet.cli.common import add_input_arguments, load_input
        sage: def run(args, out):
        ....:     out.write("%s\n" % load_input(args).widths())
        ....:     return 0
        sage: _ = add_subcommand("widths", add_input_arguments, run, help="print the widths")
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


#: Former name of :func:`~sage_tropnet.cli.common.add_input_arguments`.
add_network_arguments = add_input_arguments


def network_from_args(args):
    r"""
    Return the network named by parsed arguments (see
    :func:`~sage_tropnet.cli.common.add_input_arguments`).

    This is :func:`~sage_tropnet.cli.common.load_input` for a command that
    reads a network only.

    EXAMPLES::

        sage: import argparse, numpy as np
        sage: from sage_tropnet.cli import add_network_arguments, network_from_args
        sage: f = tmp_filename(ext=".npz")
        sage: np.savez(f, W0=np.array([[0.1]]), b0=np.zeros(1))
        sage: p = argparse.ArgumentParser(); add_network_arguments(p)
        sage: network_from_args(p.parse_args([f, "--max-denominator", "10"])).layers()[0][0]
        [1/10]
    """
    return load_input(args)


#: Former name of :func:`~sage_tropnet.misc.formatting.json_number` (for
#: exact rationals: the string ``"p/q"``).
format_rational = json_number

#: Former names of the ``run`` functions of the commands.
run_tropicalize = tropicalize.run
run_evaluate = evaluate.run


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
    Return the argument parser of ``sage-tropnet`` with every subcommand.

    The commands of :data:`COMMANDS` configure themselves; the subcommands
    registered with :func:`add_subcommand` follow.

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
                     epilog="Errors print one line on stderr and exit with code 2 (Ctrl-C: "
                            "exit code 130). Run '%s COMMAND --help' for the options of a "
                            "command." % PROG)
    parser.add_argument("--version", action="version", version=version())
    parser.add_argument("--debug", action="store_true",
                        help="show the traceback of an error (may be given anywhere on the "
                             "command line)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands",
                                parser_class=_Parser)
    modules = {m.NAME: m for m in COMMANDS}
    for sc in SUBCOMMANDS.values():
        module = modules.get(sc.name)
        if module is not None and sc.run is module.run:
            p = module.configure(sub)
        else:
            p = sub.add_parser(sc.name, help=sc.help, description=sc.description)
            sc.configure(p)
        p.set_defaults(_run=sc.run)
    return parser


def _error(message):
    try:
        sys.stderr.write("%s: error: %s\n" % (PROG, " ".join(str(message).split())))
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):  # no usable stderr: the exit code says it
        pass
    return 2


#: The exit code of an interrupted command (``Ctrl-C``), as a shell reports
#: a process killed by ``SIGINT``.
INTERRUPTED = 130


class _InterruptWatchdog:
    r"""
    Make ``Ctrl-C`` effective within about a second.

    Python raises ``KeyboardInterrupt`` only when the main thread runs
    Python code again; a long call into a C library (qhull, a solver) can
    delay it for many seconds. The signal also writes a byte to a pipe
    (:func:`signal.set_wakeup_fd`) read by a daemon thread: if the main
    thread has not reported the interrupt :data:`GRACE` seconds later, the
    thread prints the one line, removes the partial output files
    (:func:`~sage_tropnet.misc.files.remove_partial_files`) and ends the
    process with exit code 130. Installed only in the main thread.
    """

    GRACE = 1.0

    def __init__(self):
        self.lock = threading.Lock()
        self.reported = False
        self.handled = threading.Event()
        self.installed = False

    def __enter__(self):
        if threading.current_thread() is not threading.main_thread():
            return self
        try:
            r, w = os.pipe()
            os.set_blocking(w, False)
            self.old = signal.set_wakeup_fd(w, warn_on_full_buffer=False)
        except (ValueError, OSError, AttributeError):
            return self
        self.r, self.w = r, w
        self.installed = True
        threading.Thread(target=self._watch, name="sage-tropnet-interrupt", daemon=True).start()
        return self

    def _watch(self):
        sigint = bytes([int(signal.SIGINT)])
        try:
            while True:
                data = os.read(self.r, 64)
                if not data:
                    return  # the pipe was closed: the command is over
                if sigint in data and not self.handled.wait(self.GRACE):
                    if self.report():
                        remove_partial_files()
                        os._exit(INTERRUPTED)
        except OSError:
            return
        finally:
            try:
                os.close(self.r)
            except OSError:
                pass

    def report(self):
        r"""
        Print the line ``interrupted`` once; return whether this call printed it.
        """
        with self.lock:
            if self.reported:
                return False
            self.reported = True
        self.handled.set()
        try:
            sys.stderr.write("%s: interrupted\n" % PROG)
            sys.stderr.flush()
        except (OSError, ValueError, AttributeError):
            pass
        return True

    def __exit__(self, *args):
        self.handled.set()
        if self.installed:
            try:
                signal.set_wakeup_fd(self.old)
            except (ValueError, OSError):
                pass
            try:
                os.close(self.w)
            except OSError:
                pass
        return False


def _write_stdout(text):
    r"""
    Write ``text`` to the standard output; return ``None`` or an error message.
    """
    if sys.stdout is None:
        return "cannot write the standard output: it is closed"
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except (OSError, ValueError) as err:
        # nothing more can be written there: send the rest to /dev/null so
        # that the interpreter's final flush does not print a traceback
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
            pass
        reason = getattr(err, "strerror", None) or str(err) or type(err).__name__
        return "cannot write the standard output (%s)" % reason
    return None


def _debug_requested(argv):
    r"""
    Return ``(argv without --debug, whether --debug was given)``.
    """
    if "--" in argv:
        i = argv.index("--")
        head, tail = argv[:i], argv[i:]
    else:
        head, tail = argv, []
    debug = "--debug" in head or os.environ.get("SAGE_TROPNET_DEBUG", "") not in ("", "0")
    return [a for a in head if a != "--debug"] + tail, debug


def main(argv=None):
    r"""
    Run ``sage-tropnet`` with the arguments ``argv`` and return the exit code.

    INPUT:

    - ``argv`` -- list of strings (default: ``sys.argv[1:]``)

    OUTPUT: an integer: ``0`` on success, ``2`` for any error (one line
    ``sage-tropnet: error: ...`` on stderr, nothing on stdout), ``1`` when
    ``evaluate`` finds a disagreement (or ``regions`` a disagreement of the
    routes), ``130`` when interrupted (``Ctrl-C``)

    With ``--debug`` anywhere in ``argv`` (or the environment variable
    ``SAGE_TROPNET_DEBUG=1``) an unexpected error shows its traceback.

    EXAMPLES::

        sage: from sage_tropnet.cli import main
        sage: main(["--version"])
        sage-tropnet ... (passagemath ...)
        0
        sage: main(["--help"])
        usage: sage-tropnet [-h] [--version] [--debug] COMMAND ...
        ...
        commands:
          COMMAND
            tropicalize...count the monomials of the tropical rational map of each output
            evaluate ...evaluate the network and its tropical map exactly at points
        ...
        0

    An unexpected error (here a bug planted in a registered command) is one
    line, unless ``--debug`` is given::

        sage: from sage_tropnet.cli import add_subcommand, SUBCOMMANDS
        sage: def broken(args, out):
        ....:     return {}["no such key"]
        sage: _ = add_subcommand("broken", lambda p: None, broken)
        sage: import contextlib, io
        sage: err = io.StringIO()
        sage: with contextlib.redirect_stderr(err):
        ....:     code = main(["broken"])
        sage: code, err.getvalue()
        (2, "sage-tropnet: error: internal error (KeyError: 'no such key'); please report it,
        with the output of the same command with --debug\n")
        sage: with contextlib.redirect_stderr(err):
        ....:     code = main(["broken", "--debug"])
        sage: code, "Traceback" in err.getvalue()
        (2, True)
        sage: del SUBCOMMANDS["broken"]
    """
    console = argv is None
    argv = list(sys.argv[1:] if argv is None else argv)
    argv, debug = _debug_requested(argv)
    if console and not debug:
        # no warnings from the worker processes either (dask, multiprocessing)
        os.environ.setdefault("PYTHONWARNINGS", "ignore")
    with _InterruptWatchdog() as watchdog:
        try:
            try:
                parser = build_parser()
            except Exception as err:  # a broken registered command: still one line
                return _error(_internal(err, debug))
            try:
                args = parser.parse_args(argv)
            except _UsageError as err:
                return _error(err)
            except SystemExit as err:  # --help, --version
                return err.code if isinstance(err.code, int) else \
                    (0 if err.code is None else 2)
            if getattr(args, "_run", None) is None:
                return _error("a command is required: %s (see '%s --help')"
                              % (", ".join(SUBCOMMANDS), PROG))
            out = io.StringIO()
            with warnings.catch_warnings():
                if not debug:
                    warnings.simplefilter("ignore")
                code = _run_command(args, out, debug)
            if isinstance(code, str):  # an error message
                return _error(code)
            problem = _write_stdout(out.getvalue())
            if problem is not None:
                return _error(problem)
            return int(code or 0)
        except KeyboardInterrupt:
            if debug:
                import traceback
                traceback.print_exc()
            watchdog.report()
            remove_partial_files()
            return INTERRUPTED


def _internal(err, debug):
    r"""
    Return the one-line message of an unexpected error (printing its
    traceback first if ``debug``).
    """
    if debug:
        import traceback
        traceback.print_exc()
    detail = " ".join(str(err).split())
    if len(detail) > 300:
        detail = detail[:300] + "..."
    return ("internal error (%s%s); please report it, with the output of the same command "
            "with --debug" % (type(err).__name__, ": " + detail if detail else ""))


def _run_command(args, out, debug):
    r"""
    Run the command of ``args``; return its exit code, or an error message.
    """
    try:
        return args._run(args, out)
    except (ValueError, OSError) as err:
        if debug:
            import traceback
            traceback.print_exc()
        if isinstance(err, OSError) and getattr(err, "filename", None) and err.strerror:
            return "%s: %s" % (err.filename, err.strerror)
        return str(err) if str(err) else type(err).__name__
    except MemoryError:
        if debug:
            import traceback
            traceback.print_exc()
        return ("out of memory: the computation is too large for this machine (try a smaller "
                "input, a bound or another route)")
    except RecursionError:
        if debug:
            import traceback
            traceback.print_exc()
        return "the input is nested too deeply (recursion limit reached)"
    except SystemExit as err:
        return err.code if isinstance(err.code, int) else (0 if err.code is None else 2)
    except Exception as err:
        return _internal(err, debug)
