r"""
Safe files: NumPy arrays and text read with limits, output written atomically

Every file that ``sage_tropnet`` reads or writes on behalf of a user goes
through this module, so that hostile or damaged files give one clear message
and an interrupted program never leaves a partial file behind:

- :func:`read_npy` and :class:`NpzReader` read ``.npy`` files and ``.npz``
  archives without unpickling. The header is read first and the declared
  shape is checked against :data:`MAX_ARRAY_ENTRIES` *before* anything is
  allocated; a file that is not what its name says (empty, truncated, a ZIP
  archive named ``.npy``, a pickle, random bytes) is described in the
  message (:func:`describe_content`); a damaged archive member (bad CRC,
  broken deflate stream, bad member header) raises :class:`FileContentError`
  naming the key.
- :func:`read_text` reads a UTF-8 text file of at most :data:`MAX_TEXT_BYTES`
  (optionally refusing symbolic links); :func:`parse_json` and
  :func:`parse_toml` parse it, turning deep nesting, integers of more than
  4300 digits and other parser failures into :class:`FileContentError`.
- :func:`atomic_write` and :func:`atomic_path` write an output file under a
  fresh temporary name made with :func:`tempfile.mkstemp` in the target
  directory (``O_EXCL``: never a planted file or symbolic link) and rename it
  over the target only when it is complete; on any exception, ``Ctrl-C``
  included, the temporary file is removed. :func:`remove_partial_files`
  removes the temporary files still open (for a signal handler that must
  exit at once).
- :func:`check_output_path` checks an output path before any work is done.

The messages of :class:`FileContentError` do not name the file; the callers
add the file name (and the layer, the key, the option).

EXAMPLES::

    sage: import numpy as np
    sage: from sage_tropnet.misc.files import read_npy, atomic_write, describe_content
    sage: f = tmp_filename(ext=".npy")
    sage: np.save(f, np.arange(6).reshape(2, 3))
    sage: read_npy(f)
    array([[0, 1, 2],
           [3, 4, 5]])
    sage: with atomic_write(f) as fh:
    ....:     _ = fh.write("no longer an array")
    sage: read_npy(f)
    Traceback (most recent call last):
    ...
    FileContentError: not a NumPy .npy file: found text starting with 'no longer an array'
    sage: describe_content(b"PK\x03\x04...")
    'a ZIP archive (an .npz file?)'

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

import contextlib
import os
import sys
import tempfile
import threading

#: The largest number of entries an array read from a file may declare
#: (``.npy`` files and the members of ``.npz`` archives: weights, matrices,
#: points). Ten million entries (80 MB of float64) are far beyond what the
#: exact algorithms can use; the check is made on the declared shape, before
#: anything is allocated.
MAX_ARRAY_ENTRIES = 10 ** 7

#: The largest text file (JSON tropical maps, TOML sweeps, part files) read,
#: in bytes: 64 MiB.
MAX_TEXT_BYTES = 64 * 2 ** 20

_NPY_MAGIC = b"\x93NUMPY"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


class FileContentError(ValueError):
    r"""
    A file whose content cannot be used: what was found, in one line.

    The message does not name the file (the caller does); ``key`` is the
    member of an archive, when known.

    EXAMPLES::

        sage: from sage_tropnet.misc.files import FileContentError
        sage: e = FileContentError("truncated", key="W0"); e, e.key
        (FileContentError('truncated'), 'W0')
        sage: isinstance(e, ValueError)
        True
    """

    def __init__(self, message, key=None):
        ValueError.__init__(self, " ".join(str(message).split()))
        self.key = key


# ---------------------------------------------------------------------------
# what a file holds
# ---------------------------------------------------------------------------

def describe_content(head, size=None):
    r"""
    Return a short description of a file from its first bytes.

    INPUT:

    - ``head`` -- bytes; the beginning of the file (a few hundred bytes)
    - ``size`` -- integer (optional); the size of the file in bytes

    OUTPUT: a string such as ``"an empty file"``, ``"a ZIP archive (an .npz
    file?)"``, ``"a Python pickle"``, ``"text starting with '...'"`` or
    ``"binary data (300 bytes)"``

    EXAMPLES::

        sage: from sage_tropnet.misc.files import describe_content
        sage: describe_content(b"")
        'an empty file'
        sage: describe_content(b"\x80\x04\x95...")
        'a Python pickle'
        sage: describe_content(b"\x93NUMPY\x01\x00")
        'a NumPy .npy file'
        sage: describe_content(b'{"variables": 1}')
        'text starting with \'{"variables": 1}\''
        sage: describe_content(bytes(range(200, 256)), size=300)
        'binary data (300 bytes, starting with c8c9cacbcccdcecf)'
    """
    if not head:
        return "an empty file"
    if head.startswith(_NPY_MAGIC):
        return "a NumPy .npy file"
    if head.startswith(_ZIP_MAGICS):
        return "a ZIP archive (an .npz file?)"
    if head[:1] == b"\x80" and len(head) > 1 and head[1] <= 5:
        return "a Python pickle"
    try:
        text = head[:200].decode("utf-8")
    except UnicodeDecodeError as err:
        text = head[:err.start].decode("utf-8") if err.start >= 8 else None
    if text is not None and text and all(c.isprintable() or c in "\t\r\n" for c in text):
        short = " ".join(text.split())[:40]
        return "text starting with %r" % short
    n = size if size is not None else len(head)
    return "binary data (%s bytes, starting with %s)" % (n, head[:8].hex())


def _not_a(what, found):
    if found == "a Python pickle":
        return FileContentError("pickled content is refused (found a Python pickle, not %s; "
                                "save plain numeric arrays with numpy.save or numpy.savez)"
                                % what)
    return FileContentError("not %s: found %s" % (what, found))


def _describe_path(path):
    with open(path, "rb") as fh:
        head = fh.read(256)
        size = os.fstat(fh.fileno()).st_size
    return describe_content(head, size)


# ---------------------------------------------------------------------------
# NumPy arrays
# ---------------------------------------------------------------------------

def _read_header(fh, limit, key=None, available=None):
    r"""
    Read the magic string and the header of a ``.npy`` stream; check the
    declared size. Return ``(shape, fortran_order, dtype)``.
    """
    import numpy as np
    fmt = np.lib.format
    try:
        version = fmt.read_magic(fh)
        if version == (1, 0):
            shape, fortran, dtype = fmt.read_array_header_1_0(fh)
        elif version == (2, 0):
            shape, fortran, dtype = fmt.read_array_header_2_0(fh)
        else:
            raise FileContentError("unsupported .npy format version %s.%s" % version, key)
    except FileContentError:
        raise
    except (ValueError, EOFError, SyntaxError, TypeError) as err:
        msg = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise FileContentError("damaged .npy header (%s)" % msg, key)
    if dtype.hasobject:
        raise FileContentError("pickled content is refused (object array)", key)
    count = 1
    for s in shape:
        count *= int(s)
    if count > limit:
        raise FileContentError("the header declares an array of shape %s (%s entries), more "
                               "than the limit of %s entries (MAX_ARRAY_ENTRIES)"
                               % (tuple(int(s) for s in shape), count, limit), key)
    nbytes = count * dtype.itemsize
    if available is not None:
        left = available - fh.tell()
        if left < nbytes:
            raise FileContentError("truncated: the header declares shape %s of %s (%s bytes of "
                                   "data) but only %s bytes follow"
                                   % (tuple(int(s) for s in shape), dtype, nbytes,
                                      max(left, 0)), key)
    return tuple(int(s) for s in shape), fortran, dtype


def _read_data(fh, shape, fortran, dtype, key=None):
    import numpy as np
    count = 1
    for s in shape:
        count *= s
    nbytes = count * dtype.itemsize
    data = fh.read(nbytes)
    if len(data) < nbytes:
        raise FileContentError("truncated: the header declares shape %s of %s (%s bytes of data) "
                               "but only %s bytes follow" % (shape, dtype, nbytes, len(data)),
                               key)
    a = np.frombuffer(data, dtype=dtype, count=count)
    return a.reshape(shape, order="F" if fortran else "C")


def read_npy(path, max_entries=MAX_ARRAY_ENTRIES):
    r"""
    Return the array stored in the ``.npy`` file ``path``, read safely.

    Nothing is unpickled; the declared shape is checked against
    ``max_entries`` before the data are read, and a file that is not a
    ``.npy`` file is described.

    INPUT:

    - ``path`` -- string or path
    - ``max_entries`` -- integer (default: :data:`MAX_ARRAY_ENTRIES`)

    OUTPUT: a NumPy array (read-only)

    Errors raise :class:`FileContentError` (a :class:`ValueError`) saying
    what was found; a missing file raises :class:`OSError`.

    EXAMPLES::

        sage: import numpy as np
        sage: from sage_tropnet.misc.files import read_npy
        sage: f = tmp_filename(ext=".npy")
        sage: np.save(f, np.array([[2**60 + 1]], dtype=np.int64))
        sage: int(read_npy(f)[0, 0]) == 2**60 + 1
        True
        sage: read_npy(f, max_entries=0)
        Traceback (most recent call last):
        ...
        FileContentError: the header declares an array of shape (1, 1) (1 entries), more than
        the limit of 0 entries (MAX_ARRAY_ENTRIES)
        sage: np.savez(f, a=np.eye(2))
        sage: import os; os.rename(f + ".npz", f)
        sage: read_npy(f)
        Traceback (most recent call last):
        ...
        FileContentError: not a NumPy .npy file: found a ZIP archive (an .npz file?)
        sage: _ = open(f, "wb").write(b"")
        sage: read_npy(f)
        Traceback (most recent call last):
        ...
        FileContentError: not a NumPy .npy file: found an empty file
    """
    path = os.fspath(path)
    with open(path, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        head = fh.read(len(_NPY_MAGIC))
        if head != _NPY_MAGIC:
            head += fh.read(256)
            raise _not_a("a NumPy .npy file", describe_content(head, size))
        fh.seek(0)
        shape, fortran, dtype = _read_header(fh, max_entries, available=size)
        return _read_data(fh, shape, fortran, dtype)


class NpzReader:
    r"""
    A ``.npz`` archive read safely: keys listed at once, arrays read on
    demand with their declared size checked first.

    INPUT:

    - ``path`` -- string or path of the archive
    - ``max_entries`` -- integer (default: :data:`MAX_ARRAY_ENTRIES`); the
      limit of the declared size of every array

    The keys are the names of the members without the suffix ``.npy`` (as
    :func:`numpy.load`). A file that is not a ZIP archive is described; a
    damaged member (bad CRC, broken deflate stream, bad member header,
    truncated data) raises :class:`FileContentError` with the attribute
    ``key``. Use it as a context manager (or call :meth:`close`).

    EXAMPLES::

        sage: import numpy as np
        sage: from sage_tropnet.misc.files import NpzReader
        sage: f = tmp_filename(ext=".npz")
        sage: np.savez_compressed(f, W0=np.eye(2), b0=np.zeros(2))
        sage: with NpzReader(f) as z:
        ....:     print(z.files, z["W0"].shape)
        ['W0', 'b0'] (2, 2)
        sage: data = bytearray(open(f, "rb").read())
        sage: data[70:74] = bytes(4)
        sage: _ = open(f, "wb").write(data)
        sage: with NpzReader(f) as z:
        ....:     z["W0"]
        Traceback (most recent call last):
        ...
        FileContentError: damaged archive member (...)
    """

    def __init__(self, path, max_entries=MAX_ARRAY_ENTRIES):
        import zipfile
        self.path = os.fspath(path)
        self.max_entries = max_entries
        with open(self.path, "rb") as fh:
            head = fh.read(4)
        if not head.startswith(_ZIP_MAGICS) and not zipfile.is_zipfile(self.path):
            raise _not_a("a NumPy .npz archive", _describe_path(self.path))
        try:
            self._zip = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as err:
            raise FileContentError("not a valid ZIP archive (%s)" % _first_line(err))
        self._members = {}
        for info in self._zip.infolist():
            name = info.filename
            key = name[:-4] if name.endswith(".npy") else name
            self._members[key] = info
        self.files = list(self._members)

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def close(self):
        r"""
        Close the archive.

        EXAMPLES::

            sage: import numpy as np
            sage: from sage_tropnet.misc.files import NpzReader
            sage: f = tmp_filename(ext=".npz"); np.savez(f, a=np.eye(1))
            sage: z = NpzReader(f); z.close()
        """
        self._zip.close()

    def __contains__(self, key):
        return key in self._members

    def __iter__(self):
        return iter(self.files)

    def __len__(self):
        return len(self.files)

    def __getitem__(self, key):
        import zipfile
        import zlib
        info = self._members[key]
        if not info.filename.endswith(".npy"):
            raise FileContentError("not an array (the member %r is not a .npy file)"
                                   % info.filename, key)
        try:
            with self._zip.open(info) as fh:
                shape, fortran, dtype = _read_header(fh, self.max_entries, key,
                                                     available=info.file_size)
                a = _read_data(fh, shape, fortran, dtype, key)
                if fh.read(1 << 16):  # to the end of the member: checks its CRC
                    raise FileContentError("damaged archive member (data after the array)", key)
                return a
        except FileContentError:
            raise
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError,
                RuntimeError, ValueError) as err:
            raise FileContentError("damaged archive member (%s)" % _first_line(err), key)


def _first_line(err):
    s = str(err)
    return s.splitlines()[0] if s else type(err).__name__


# ---------------------------------------------------------------------------
# text
# ---------------------------------------------------------------------------

def read_text(path, max_bytes=MAX_TEXT_BYTES, follow_symlinks=True):
    r"""
    Return the content of the UTF-8 text file ``path``.

    INPUT:

    - ``path`` -- string or path
    - ``max_bytes`` -- integer (default: :data:`MAX_TEXT_BYTES`)
    - ``follow_symlinks`` -- boolean (default: ``True``); with ``False`` a
      symbolic link is refused (``O_NOFOLLOW``)

    OUTPUT: a string

    Errors: :class:`FileContentError` for a file that is too large or not
    UTF-8 (the message says where), :class:`OSError` for a missing file.

    EXAMPLES::

        sage: from sage_tropnet.misc.files import read_text
        sage: f = tmp_filename(ext=".json")
        sage: _ = open(f, "wb").write(b'{"a": "caf\xe9"}')
        sage: read_text(f)
        Traceback (most recent call last):
        ...
        FileContentError: not UTF-8 text (byte 0xe9 at position 10)
        sage: _ = open(f, "w").write("[1, 2]")
        sage: read_text(f)
        '[1, 2]'
        sage: read_text(f, max_bytes=3)
        Traceback (most recent call last):
        ...
        FileContentError: too large: more than 3 bytes
    """
    flags = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0)
    if not follow_symlinks:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(os.fspath(path), flags)
    with os.fdopen(fd, "rb") as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise FileContentError("too large: more than %s bytes" % max_bytes)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise FileContentError("not UTF-8 text (byte 0x%02x at position %s)"
                               % (data[err.start], err.start))


#: The most digits of an integer in a JSON or TOML file (Python's default
#: limit, enforced here also when Sage has lifted it for the session).
MAX_INT_DIGITS = 4300


class _DigitLimit:
    r"""
    Context: Python's limit on integer digits set to :data:`MAX_INT_DIGITS`
    while a file is parsed (``sage.all`` lifts it for the whole session).
    """

    def __enter__(self):
        self.old = sys.get_int_max_str_digits() if hasattr(sys, "get_int_max_str_digits") \
            else None
        if self.old is not None:
            sys.set_int_max_str_digits(MAX_INT_DIGITS)
        return self

    def __exit__(self, *exc):
        if self.old is not None:
            sys.set_int_max_str_digits(self.old)
        return False


def _parse_error(err):
    msg = _first_line(err)
    if "integer string conversion" in msg or "Exceeds the limit" in msg:
        return FileContentError("an integer has more than 4300 digits")
    return FileContentError(msg)


def parse_json(text):
    r"""
    Return the JSON value of the string ``text``.

    Deep nesting and integers of more than 4300 digits raise
    :class:`FileContentError`, as do syntax errors (with line and column).

    EXAMPLES::

        sage: from sage_tropnet.misc.files import parse_json
        sage: parse_json('{"a": [1, 2]}')
        {'a': [1, 2]}
        sage: parse_json("[" * 100000 + "]" * 100000)
        Traceback (most recent call last):
        ...
        FileContentError: not valid JSON (nested too deeply)
        sage: parse_json("[" + "9" * 5000 + "]")
        Traceback (most recent call last):
        ...
        FileContentError: not valid JSON (an integer has more than 4300 digits)
        sage: parse_json("[1,")
        Traceback (most recent call last):
        ...
        FileContentError: not valid JSON (Expecting value: line 1 column 4 (char 3))
    """
    import json
    try:
        with _DigitLimit():
            return json.loads(text)
    except RecursionError:
        raise FileContentError("not valid JSON (nested too deeply)")
    except ValueError as err:
        raise FileContentError("not valid JSON (%s)" % _parse_error(err))


def parse_toml(text):
    r"""
    Return the TOML document ``text`` as a dictionary.

    Deep nesting, integers of more than 4300 digits and syntax errors raise
    :class:`FileContentError`.

    EXAMPLES::

        sage: from sage_tropnet.misc.files import parse_toml
        sage: parse_toml("seeds = 3")
        {'seeds': 3}
        sage: parse_toml("a = " + "[" * 100000 + "]" * 100000)
        Traceback (most recent call last):
        ...
        FileContentError: not a valid TOML file (nested too deeply)
        sage: parse_toml("a = " + "9" * 5000)
        Traceback (most recent call last):
        ...
        FileContentError: not a valid TOML file (an integer has more than 4300 digits)
    """
    try:
        import tomllib
    except ImportError:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        with _DigitLimit():
            return tomllib.loads(text)
    except RecursionError:
        raise FileContentError("not a valid TOML file (nested too deeply)")
    except (ValueError, TypeError) as err:  # TOMLDecodeError is a ValueError
        raise FileContentError("not a valid TOML file (%s)" % _parse_error(err))


# ---------------------------------------------------------------------------
# output
# ---------------------------------------------------------------------------

_PENDING = set()
_LOCK = threading.Lock()


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_path(path):
    r"""
    Context manager: a fresh temporary path next to ``path``, renamed to
    ``path`` when the block ends without an exception.

    For writers that take a file name (``pandas.DataFrame.to_parquet``,
    ``matplotlib`` ``savefig``). The temporary file is created by
    :func:`tempfile.mkstemp` in the directory of ``path`` (exclusively: a
    planted file or symbolic link is never opened) with the name
    ``.<name>.<random>.tmp``, keeping the extension of ``path`` at its end
    so that writers choosing the format by extension still work. On any
    exception (``KeyboardInterrupt`` included) it is removed and the
    exception propagates; ``path`` is then untouched.

    EXAMPLES::

        sage: import os
        sage: from sage_tropnet.misc.files import atomic_path
        sage: f = tmp_filename(ext=".txt")
        sage: with atomic_path(f) as tmp:
        ....:     _ = open(tmp, "w").write("done")
        ....:     os.path.dirname(tmp) == os.path.dirname(f), tmp.endswith(".txt")
        (True, True)
        sage: open(f).read()
        'done'
        sage: try:
        ....:     with atomic_path(f) as tmp:
        ....:         _ = open(tmp, "w").write("partial")
        ....:         raise KeyboardInterrupt
        ....: except KeyboardInterrupt:
        ....:     pass
        sage: open(f).read(), os.path.exists(tmp)
        ('done', False)
    """
    path = os.path.abspath(os.fspath(path))
    d, name = os.path.split(path)
    ext = os.path.splitext(name)[1]
    fd, tmp = tempfile.mkstemp(prefix="." + name + ".", suffix=".tmp" + ext, dir=d)
    os.close(fd)
    with _LOCK:
        _PENDING.add(tmp)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    finally:
        with _LOCK:
            _PENDING.discard(tmp)
        with contextlib.suppress(OSError):
            if os.path.lexists(tmp):
                os.unlink(tmp)


@contextlib.contextmanager
def atomic_write(path, mode="w", encoding="utf-8"):
    r"""
    Context manager: a file object writing to a temporary file that replaces
    ``path`` when the block ends without an exception.

    See :func:`atomic_path` (the same guarantees: ``mkstemp`` in the target
    directory, rename at the end, removal on any exception).

    INPUT:

    - ``path`` -- string or path
    - ``mode`` -- ``"w"`` (default, text) or ``"wb"``
    - ``encoding`` -- (default: ``"utf-8"``) for text mode

    EXAMPLES::

        sage: from sage_tropnet.misc.files import atomic_write
        sage: f = tmp_filename(ext=".json")
        sage: with atomic_write(f) as fh:
        ....:     _ = fh.write('{"ok": true}')
        sage: open(f).read()
        '{"ok": true}'
    """
    if mode not in ("w", "wb"):
        raise ValueError("mode must be 'w' or 'wb', got %r" % (mode,))
    with atomic_path(path) as tmp:
        fd = os.open(tmp, os.O_WRONLY | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
                     | getattr(os, "O_CLOEXEC", 0))
        if mode == "wb":
            fh = os.fdopen(fd, "wb")
        else:
            fh = os.fdopen(fd, "w", encoding=encoding)
        with fh:
            yield fh


def remove_partial_files():
    r"""
    Remove the temporary files of the :func:`atomic_write` and
    :func:`atomic_path` blocks still open; return how many were removed.

    For a handler that must end the process at once (``os._exit``), when
    the ``finally`` clauses will not run.

    EXAMPLES::

        sage: from sage_tropnet.misc.files import remove_partial_files
        sage: remove_partial_files()
        0
    """
    with _LOCK:
        pending = list(_PENDING)
        _PENDING.clear()
    n = 0
    for tmp in pending:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
            n += 1
    return n


def check_output_path(path, extensions=None):
    r"""
    Check that a file can be written at ``path``, before any work is done.

    INPUT:

    - ``path`` -- string or path
    - ``extensions`` -- (optional) the allowed extensions, such as
      ``(".png", ".pdf")`` (case-insensitive)

    OUTPUT: the path as a string; a :class:`ValueError` says what is wrong
    (unknown extension, missing directory, not writable, a directory)

    EXAMPLES::

        sage: from sage_tropnet.misc.files import check_output_path
        sage: check_output_path("/nonexistent-dir/x.png", (".png",))
        Traceback (most recent call last):
        ...
        ValueError: the directory '/nonexistent-dir' does not exist
        sage: check_output_path("x.foo", (".png", ".pdf"))
        Traceback (most recent call last):
        ...
        ValueError: unknown extension '.foo' (use .png or .pdf)
        sage: check_output_path(tmp_dir(), (".png",))
        Traceback (most recent call last):
        ...
        ValueError: unknown extension '' (use .png)
    """
    path = os.fspath(path)
    ext = os.path.splitext(path)[1].lower()
    if extensions is not None and ext not in [e.lower() for e in extensions]:
        allowed = [e for e in extensions]
        alts = ", ".join(allowed[:-1]) + " or " + allowed[-1] if len(allowed) > 1 \
            else allowed[0]
        raise ValueError("unknown extension %r (use %s)" % (ext, alts))
    d = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(d):
        raise ValueError("the directory %r does not exist" % (os.path.dirname(path) or d))
    if os.path.isdir(path):
        raise ValueError("%r is a directory" % path)
    if not os.access(d, os.W_OK | os.X_OK):
        raise ValueError("the directory %r is not writable" % d)
    return path
