"""The worksheets: saved clean, the course in sync with its solutions, every exercise checked,
and (on the executed copies made by tools/test.sh) every figure cell drew a picture."""
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
WORKSHEETS = sorted((ROOT / "worksheets").glob("**/*.ipynb"))
COURSE = sorted((ROOT / "worksheets" / "course").glob("*.ipynb"))
SOLUTIONS = sorted((ROOT / "worksheets" / "course" / "solutions").glob("*.ipynb"))
#: executed copies of the worksheets (tools/test.sh sets it after running nbmake)
EXECUTED = os.environ.get("SAGE_TROPNET_EXECUTED_WORKSHEETS")

#: a figure: a Sage or matplotlib picture drawn by the cell
FIGURE = re.compile(r"\.show\(|plt\.show\(|plot_\w+\(|list_plot\(|graphics_array\(")


def ids(paths):
    return [str(p.relative_to(ROOT / "worksheets")) for p in paths]


def test_there_is_a_course():
    assert len(SOLUTIONS) == 6
    assert [p.name for p in COURSE] == [p.name for p in SOLUTIONS]


@pytest.mark.parametrize("path", WORKSHEETS, ids=ids(WORKSHEETS))
def test_saved_without_outputs_or_widgets(path):
    """Saved worksheets hold no outputs, no execution counts and no widget state (no stale
    progress bars or sliders)."""
    nb = nbformat.read(str(path), as_version=4)
    assert nb.metadata.get("kernelspec", {}).get("name") == "sagemath"
    assert "widgets" not in nb.metadata
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


def test_student_worksheets_are_made_from_the_solutions():
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "make_course.py"), "--check"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.parametrize("path", SOLUTIONS, ids=ids(SOLUTIONS))
def test_course_structure(path):
    """Learning goals, exercises each followed by a hidden check cell, a score, the assertion
    that every solution is right; figure cells are tagged."""
    nb = nbformat.read(str(path), as_version=4)
    assert "Learning goals" in nb.cells[0].source
    assert "runs in about" in nb.cells[0].source
    cells = nb.cells
    exercises = [k for k, c in enumerate(cells) if "exercise" in c.metadata.get("tags", [])]
    assert len(exercises) >= 4
    for k in exercises:
        assert "# SOLUTION" in cells[k].source
        name = cells[k].source.split("=")[0].strip()
        check = cells[k + 1]
        assert "check" in check.metadata.get("tags", []), name
        assert check.metadata.get("jupyter", {}).get("source_hidden") is True
        assert "check(%s" % name in check.source
    assert any("assert report().all_right()" in c.source for c in cells
               if "solution" in c.metadata.get("tags", []))
    for c in cells:
        if c.cell_type == "code" and "check" not in c.metadata.get("tags", []) \
                and "widget" not in c.metadata.get("tags", []) and FIGURE.search(c.source):
            assert "figure" in c.metadata.get("tags", []), c.source[:80]


@pytest.mark.parametrize("path", COURSE, ids=ids(COURSE))
def test_student_version_has_no_solution(path):
    text = path.read_text()
    assert "# SOLUTION" not in text and "all_right()" not in text
    nb = nbformat.read(str(path), as_version=4)
    answers = [c for c in nb.cells if "exercise" in c.metadata.get("tags", [])]
    assert answers and all("= ...   # your answer" in c.source for c in answers)


def _executed(path):
    if not EXECUTED:
        pytest.skip("set SAGE_TROPNET_EXECUTED_WORKSHEETS to the executed copies "
                    "(tools/test.sh does)")
    executed = Path(EXECUTED) / path.relative_to(ROOT / "worksheets")
    if not executed.exists():
        pytest.skip("%s was not executed" % executed)
    return nbformat.read(str(executed), as_version=4)


@pytest.mark.parametrize("path", SOLUTIONS, ids=ids(SOLUTIONS))
def test_course_figures_and_answers(path):
    """Run with figures on: every figure cell of the course produced a PNG; every check said
    right; the widget cell produced a widget (or its note without widgets)."""
    nb = _executed(path)
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        if cell.cell_type != "code":
            continue
        kinds = set(k for o in cell.outputs for k in o.get("data", {}))
        if "figure" in tags:
            assert "image/png" in kinds, cell.source[:80]
        if "check" in tags:
            # the answer's verdict (stdout or the value; a progress bar may be on stderr)
            text = "".join(o.get("text", "") or o.get("data", {}).get("text/plain", "")
                           for o in cell.outputs if o.get("name") != "stderr")
            assert text.startswith("right"), (cell.source[:60], text)
        if "widget" in tags:
            text = "".join(o.get("text", "") for o in cell.outputs)
            assert "application/vnd.jupyter.widget-view+json" in kinds \
                or "widgets are not available" in text


FIGURE_WORKSHEETS = [p for p in WORKSHEETS if p.parent.name == "worksheets"]


@pytest.mark.parametrize("path", FIGURE_WORKSHEETS, ids=ids(FIGURE_WORKSHEETS))
def test_paper_worksheets_draw_their_figures(path):
    """The reproduction worksheets 01-07: every cell that shows a picture produced a PNG
    (matplotlib's Agg backend would swallow them)."""
    nb = _executed(path)
    for cell in nb.cells:
        if cell.cell_type == "code" and re.search(r"\.show\(|plt\.show\(", cell.source):
            kinds = set(k for o in cell.outputs for k in o.get("data", {}))
            assert "image/png" in kinds, cell.source[:80]
