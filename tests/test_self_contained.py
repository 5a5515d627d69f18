"""The repository stands alone: no citation of material that its users do not have (private
notes, their numbered pitfalls, sections and experiment names, style-rule numbers) and no path
of one particular machine. Conventions are explained in doc/reproducing.rst, results cited from
the paper or the literature (doc/references.rst)."""
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: what points outside the repository
FORBIDDEN = [
    (r"reference\s+notes?", "cites the reference notes"),
    (r"\bthe\s+notes\b", "cites 'the notes'"),
    (r"\bnotes?\s*(,\s*)?§", "cites a section of notes"),
    (r"\bpitfalls?\s+P\d", "cites a numbered pitfall"),
    (r"\b(paper|experiment)\s+[VE]\d\b", "cites an experiment by the notes' name"),
    (r"\([VE]\d\)", "cites an experiment by the notes' name"),
    (r"\bstyle\s+rules?\s+\d", "cites a numbered style rule"),
    (r"/work/(venv|main|wt)\b", "names a path of one machine"),
]


def tracked_files():
    out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True)
    if out.returncode == 0 and out.stdout.strip():
        names = out.stdout.split()
    else:  # not a git checkout: every file
        names = [str(p.relative_to(ROOT)) for p in ROOT.rglob("*") if p.is_file()]
    skip = {"tests/test_self_contained.py"}
    for name in names:
        if name in skip or name.startswith((".git/", "doc/_build/")):
            continue
        if name.endswith((".py", ".pyx", ".rst", ".md", ".ipynb", ".toml", ".sh", ".txt",
                          ".cfg", ".json")) or "/" not in name or name.startswith(".ci/"):
            yield ROOT / name


def test_no_reference_to_material_outside_the_repository():
    problems = []
    for path in tracked_files():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        for k, line in enumerate(text.splitlines(), 1):
            for pattern, why in FORBIDDEN:
                if re.search(pattern, line, re.IGNORECASE):
                    problems.append("%s:%s: %s: %s" % (path.relative_to(ROOT), k, why,
                                                        line.strip()[:100]))
    assert not problems, "\n".join(problems)


def test_the_conventions_page_exists_and_is_cited():
    page = ROOT / "doc" / "reproducing.rst"
    assert page.exists()
    text = page.read_text()
    for label in ("reproducing-output-relu", "reproducing-initialisation", "reproducing-expansions",
                  "reproducing-adjacency", "reproducing-estimator", "reproducing-hoffman",
                  "reproducing-radius", "reproducing-symmetry"):
        assert ".. _%s:" % label in text
    assert "reproducing" in (ROOT / "doc" / "index.rst").read_text()
