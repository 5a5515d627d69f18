#!/usr/bin/env python3
r"""
Check that the built HTML documentation works without network.

Every page of ``doc/_build/html`` (or the directory given) is parsed; the
check fails if a page loads a **remote resource**: a ``<script src>``, a
``<link href>`` (style sheets, fonts, preloads), an ``<img src>``, an
``<iframe src>`` or a CSS ``@import``/``url(...)`` whose address starts with
``http:``, ``https:`` or ``//``. Ordinary hyperlinks (``<a href>``, e.g. to
arXiv) are allowed: they are links, not parts of the page. It also checks
that every local script a page loads exists in the build, and that the
MathJax renderer is among them when a page contains mathematics.

Exits with code 1 and lists the offending pages otherwise.

Usage::

    python tools/check_offline_html.py [doc/_build/html]
"""
import os
import re
import sys
from html.parser import HTMLParser

REMOTE = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)
CSS_URL = re.compile(r"""(?:@import\s+|url\()\s*['"]?((?:https?:)?//[^'")\s]+)""",
                     re.IGNORECASE)
#: (tag, attribute) pairs that load a resource into the page
LOADING = {("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
           ("source", "src"), ("video", "src"), ("audio", "src"), ("embed", "src"),
           ("object", "data")}


class _Resources(HTMLParser):
    r"""Collect the addresses of the resources that a page loads."""

    def __init__(self):
        super().__init__()
        self.loaded = []
        self.scripts = []
        self.inline = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for (t, a) in LOADING:
            if tag == t and attrs.get(a):
                if tag == "link" and (attrs.get("rel") or "").lower() in (
                        "canonical", "next", "prev", "index", "search", "author", "help",
                        "license", "top", "up", "copyright"):
                    continue  # navigation, not a resource
                self.loaded.append((tag, attrs[a]))
                if tag == "script":
                    self.scripts.append(attrs[a])
        if tag == "style":
            self._in_style = True
        if attrs.get("style"):
            self.inline.append(attrs["style"])

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.inline.append(data)


def check_page(path, root):
    r"""
    Return the list of problems of one HTML page (empty if none).
    """
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    parser = _Resources()
    parser.feed(text)
    problems = []
    for tag, url in parser.loaded:
        if REMOTE.match(url):
            problems.append("remote <%s>: %s" % (tag, url))
    for css in parser.inline:
        for url in CSS_URL.findall(css):
            problems.append("remote CSS resource: %s" % url)
    for src in parser.scripts:
        if REMOTE.match(src) or src.startswith("data:"):
            continue
        local = os.path.normpath(os.path.join(os.path.dirname(path), src.split("?")[0]))
        if not os.path.exists(local):
            problems.append("missing local script: %s" % src)
    has_math = 'class="math' in text
    if has_math and not any("mathjax" in s.lower() for s in parser.scripts):
        problems.append("mathematics on the page but no local MathJax script")
    return problems


def check_css(path):
    r"""
    Return the remote resources that a CSS file imports.
    """
    with open(path, encoding="utf-8", errors="replace") as fh:
        return ["remote CSS resource: %s" % u for u in CSS_URL.findall(fh.read())]


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    root = argv[0] if argv else os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                             "..", "doc", "_build", "html")
    root = os.path.abspath(root)
    if not os.path.isdir(root):
        print("check_offline_html: no built documentation in %s" % root)
        return 1
    bad, pages, math_pages = {}, 0, 0
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in ("_sources",)]
        for name in filenames:
            path = os.path.join(dirpath, name)
            if name.endswith(".html"):
                pages += 1
                problems = check_page(path, root)
                with open(path, encoding="utf-8") as fh:
                    math_pages += 'class="math' in fh.read()
            elif name.endswith(".css") and "mathjax" not in dirpath:
                problems = check_css(path)
            else:
                continue
            if problems:
                bad[os.path.relpath(path, root)] = problems
    mathjax = os.path.join(root, "_static", "mathjax", "tex-chtml.js")
    if not os.path.exists(mathjax):
        bad["_static/mathjax"] = ["the MathJax renderer was not copied into the build"]
    if bad:
        print("check_offline_html: %s file(s) load remote resources or miss local ones:"
              % len(bad))
        for page in sorted(bad):
            for p in bad[page]:
                print("  %s: %s" % (page, p))
        return 1
    print("check_offline_html: %s pages (%s with mathematics), no remote resource; "
          "MathJax served from _static/mathjax" % (pages, math_pages))
    return 0


if __name__ == "__main__":
    sys.exit(main())
