#!/usr/bin/env python3
r"""
Make the student worksheets of the course from the worksheets with solutions.

The source of every course worksheet is its version with the solutions filled
in, ``worksheets/course/solutions/NN_name.ipynb`` (run by the continuous
integration). The student version ``worksheets/course/NN_name.ipynb`` is
made from it by

- replacing every line ending in ``# SOLUTION`` by its left-hand side
  followed by ``= ...   # your answer`` (so ``answer_1_2 = 7  # SOLUTION``
  becomes ``answer_1_2 = ...   # your answer``), and every block between
  the lines ``# BEGIN SOLUTION`` and ``# END SOLUTION`` by ``...   # your
  code``;
- dropping the cells tagged ``solution`` (worked solutions, the final
  ``assert report().all_right()``);
- clearing outputs, execution counts and widget state.

Usage::

    python tools/make_course.py            # write the student worksheets
    python tools/make_course.py --check    # exit 1 if one is out of date

``tests/test_worksheets.py`` runs the check.
"""
import argparse
import copy
import glob
import os
import re
import sys

import nbformat

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COURSE = os.path.join(ROOT, "worksheets", "course")
SOLUTIONS = os.path.join(COURSE, "solutions")

ONE_LINE = re.compile(r"^(?P<indent>\s*)(?P<lhs>[^=#]+?)\s*=(?!=).*#\s*SOLUTION\s*$")


def strip_source(source):
    r"""
    Return the student version of the source of a code cell.

    EXAMPLES::

        >>> strip_source("answer_1 = 7  # SOLUTION\ncheck(answer_1, 7)")
        'answer_1 = ...   # your answer\ncheck(answer_1, 7)'
        >>> strip_source("x = 1\n# BEGIN SOLUTION\ny = 2\n# END SOLUTION")
        'x = 1\n...   # your code'
    """
    out, skipping = [], False
    for line in source.split("\n"):
        stripped = line.strip()
        if stripped == "# BEGIN SOLUTION":
            skipping = True
            indent = line[:len(line) - len(line.lstrip())]
            out.append(indent + "...   # your code")
            continue
        if stripped == "# END SOLUTION":
            skipping = False
            continue
        if skipping:
            continue
        m = ONE_LINE.match(line)
        if m:
            out.append("%s%s = ...   # your answer" % (m.group("indent"), m.group("lhs")))
        else:
            out.append(line)
    return "\n".join(out)


def student_version(nb):
    r"""
    Return the student version of a notebook with solutions.
    """
    nb = copy.deepcopy(nb)
    cells = []
    for cell in nb.cells:
        if "solution" in cell.get("metadata", {}).get("tags", []):
            continue
        if cell.cell_type == "code":
            cell.source = strip_source(cell.source)
            cell.outputs = []
            cell.execution_count = None
        cells.append(cell)
    nb.cells = cells
    nb.metadata.pop("widgets", None)
    return nb


def targets():
    r"""
    Return the pairs ``(solution path, student path)``.
    """
    for path in sorted(glob.glob(os.path.join(SOLUTIONS, "*.ipynb"))):
        yield path, os.path.join(COURSE, os.path.basename(path))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if a student worksheet is out of date")
    args = parser.parse_args(argv)
    stale = []
    for src, dst in targets():
        text = nbformat.writes(student_version(nbformat.read(src, as_version=4))) + "\n"
        old = open(dst, encoding="utf-8").read() if os.path.exists(dst) else None
        if old != text:
            stale.append(os.path.relpath(dst, ROOT))
            if not args.check:
                with open(dst, "w", encoding="utf-8") as fh:
                    fh.write(text)
    if args.check:
        if stale:
            print("make_course: out of date (run python tools/make_course.py): %s"
                  % ", ".join(stale))
            return 1
        print("make_course: the student worksheets are up to date")
        return 0
    print("make_course: %s worksheet(s) written" % len(stale))
    return 0


if __name__ == "__main__":
    sys.exit(main())
