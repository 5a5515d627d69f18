#!/usr/bin/env python3
r"""
Check that every citation key used in sage_tropnet is defined in doc/references.rst

A citation is used as ``[KEY]_`` (reST citation reference) in a docstring of
``sage_tropnet/**/*.py`` (and ``*.pyx``) or in a page ``doc/**/*.rst``; it is defined in
``doc/references.rst`` as ``.. [KEY] ...``. Sage's master bibliography is not
available to a separate package, so all keys live in that one file.

Exits with code 1, listing every undefined key with the files that use it,
if a key is undefined or defined twice. Keys that are defined but used
nowhere are reported as a note only (Sphinx itself warns about unreferenced
citations, so the build catches them; ``references.rst`` cites every key in
its reading guide).

Usage::

    python doc/check_citations.py [-v]
"""
import argparse
import os
import re
import sys

DOC = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(DOC)
PACKAGE_DIR = os.path.join(ROOT, "sage_tropnet")
REFERENCES = os.path.join(DOC, "references.rst")

#: A citation reference ``[KEY]_``: the key starts with a letter (``[1]_``,
#: ``[#]_`` and ``[*]_`` are footnotes) and is not preceded by a word
#: character or a bracket (``a[i]_`` is code, not a citation).
USE = re.compile(r"(?<![\w\]\[])\[([A-Za-z][\w.+-]*)\]_(?![\w])")
#: A citation definition ``.. [KEY] text``.
DEFINITION = re.compile(r"^\s*\.\.\s+\[([A-Za-z][\w.+-]*)\]\s", re.MULTILINE)


def files(top, ext, skip_dirs=("_build", "__pycache__")):
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = sorted(d for d in dirnames if d not in skip_dirs and not d.startswith("."))
        for name in sorted(filenames):
            if name.endswith(ext):
                yield os.path.join(dirpath, name)


def used_keys():
    r"""
    Return ``{key: [file, ...]}`` for every citation reference outside ``references.rst``.
    """
    uses = {}
    sources = (list(files(PACKAGE_DIR, ".py")) + list(files(PACKAGE_DIR, ".pyx"))
               + list(files(DOC, ".rst")))
    for path in sources:
        if os.path.abspath(path) == REFERENCES:
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for m in USE.finditer(text):
            uses.setdefault(m.group(1), []).append(os.path.relpath(path, ROOT))
    return uses


def defined_keys():
    r"""
    Return the list of keys defined in ``references.rst`` (with repetitions).
    """
    if not os.path.exists(REFERENCES):
        return []
    with open(REFERENCES, encoding="utf-8") as f:
        return DEFINITION.findall(f.read())


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="list every key with the files that cite it")
    args = parser.parse_args(argv)

    uses = used_keys()
    defined = defined_keys()
    ok = True
    dups = sorted({k for k in defined if defined.count(k) > 1})
    for k in dups:
        print("check_citations: [%s] is defined %d times in doc/references.rst"
              % (k, defined.count(k)))
        ok = False
    for k in sorted(set(uses) - set(defined)):
        where = sorted(set(uses[k]))
        print("check_citations: [%s]_ is cited in %s but not defined in doc/references.rst"
              % (k, ", ".join(where)))
        ok = False
    unused = sorted(set(defined) - set(uses))
    if unused:
        print("check_citations: note: defined but not cited outside references.rst: %s"
              % ", ".join(unused))
    if args.verbose:
        for k in sorted(uses):
            print("  [%s]_: %s" % (k, ", ".join(sorted(set(uses[k])))))
    if ok:
        print("check_citations: %d keys cited, all %d defined"
              % (len(uses), len(set(defined))))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
