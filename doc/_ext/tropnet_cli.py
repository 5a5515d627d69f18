r"""
Sphinx directive documenting the ``sage-tropnet`` command line from its parser

``.. tropnet-cli::`` builds the argument parser of ``sage-tropnet``
(:func:`sage_tropnet.cli.build_parser`) at documentation build time and writes,
for every registered subcommand, a section with its description, its usage
line and one ``.. option::`` entry per argument (so that ``:option:`` roles
link to them). Commands added to :data:`sage_tropnet.cli.COMMANDS` or
registered with :func:`sage_tropnet.cli.add_subcommand` therefore appear in
the documentation without editing ``doc/``.

Options of the directive:

- ``:commands:`` -- comma-separated subcommands to document (default: all)
- ``:top-level:`` -- flag; document the options of ``sage-tropnet`` itself
  instead of the subcommands
- ``:summary:`` -- flag; only a table of the subcommands with their one-line
  help, each linking to its section
"""
import argparse
import os
import re

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

_SPECIAL = "\\*`_|"
_OPTION = re.compile(r"(?<![\w-])(--?[A-Za-z][\w-]*)")


def rst_escape(text):
    r"""
    Return ``text`` with the inline markup characters of reST escaped, and
    option names such as ``--json`` set as inline literals (so that Sphinx's
    smart quotes do not turn ``--`` into a dash).
    """
    parts = _OPTION.split(text)
    out = []
    for k, part in enumerate(parts):
        if k % 2:
            out.append("``%s``" % part)
        else:
            out.append("".join("\\" + c if c in _SPECIAL else c for c in part))
    # an inline literal must be followed by whitespace or punctuation
    return re.sub(r"``(?=[A-Za-z0-9])", "``\\ ", "".join(out))


def _help(formatter, action):
    if not action.help or action.help == argparse.SUPPRESS:
        return ""
    try:
        return formatter._expand_help(action)
    except Exception:  # a help string with a bad %-format: show it raw
        return action.help


def _invocation(formatter, action):
    try:
        return formatter._format_action_invocation(action)
    except Exception:
        return ", ".join(action.option_strings) or (action.metavar or action.dest)


def _usage(parser):
    return parser.format_usage().strip()


def _exclusive(parser):
    r"""
    Return ``{dest: [other option strings]}`` for mutually exclusive options.
    """
    out = {}
    for group in parser._mutually_exclusive_groups:
        acts = group._group_actions
        for a in acts:
            out[a.dest] = [o.option_strings[-1] if o.option_strings else (o.metavar or o.dest)
                           for o in acts if o is not a]
    return out


def _sentence(text):
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def options_rst(parser, program, skip_help=False):
    r"""
    Return reST lines documenting the arguments of ``parser`` as ``.. option::``.

    With ``skip_help``, ``-h/--help`` is left out (it is the same for every
    subcommand and documented once, for ``sage-tropnet`` itself).
    """
    formatter = parser._get_formatter()
    excl = _exclusive(parser)
    lines = [".. program:: %s" % program, ""]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            continue
        if action.help == argparse.SUPPRESS:
            continue
        if skip_help and isinstance(action, argparse._HelpAction):
            continue
        sig = _invocation(formatter, action)
        text = rst_escape(_sentence(_help(formatter, action)))
        notes = []
        if not action.option_strings:
            notes.append("Required positional argument.")
        elif action.required:
            notes.append("Required.")
        if action.dest in excl:
            notes.append("Cannot be combined with %s."
                         % ", ".join("``%s``" % o for o in excl[action.dest]))
        body = " ".join(s for s in [text] + notes if s)
        lines += [".. option:: %s" % sig, ""]
        if body:
            lines += ["   " + body, ""]
    return lines


def command_rst(name, parser, help_line, prog):
    r"""
    Return reST lines for the subcommand ``name``: a section with its options.
    """
    title = "``%s %s``" % (prog, name)
    lines = [".. _cli-%s:" % name, "", title, "~" * len(title), ""]
    description = parser.description or help_line or ""
    if description:
        lines += [rst_escape(description), ""]
    lines += [".. code-block:: text", ""]
    lines += ["   " + line for line in _usage(parser).splitlines()]
    lines += [""]
    lines += options_rst(parser, "%s %s" % (prog, name), skip_help=True)
    return lines


class TropnetCLI(SphinxDirective):
    has_content = False
    option_spec = {"commands": directives.unchanged, "top-level": directives.flag,
                   "summary": directives.flag}

    def run(self):
        import sage_tropnet  # noqa: F401  (initialises Sage first)
        from sage_tropnet import cli

        # rebuild the page when the command line (the package sage_tropnet.cli,
        # one module per command) or this extension changes
        pkg = os.path.dirname(os.path.abspath(cli.__file__))
        for name in sorted(os.listdir(pkg)):
            if name.endswith(".py"):
                self.env.note_dependency(os.path.join(pkg, name))
        self.env.note_dependency(os.path.abspath(__file__))
        parser = cli.build_parser()
        prog = parser.prog
        if "top-level" in self.options:
            lines = [".. code-block:: text", ""]
            lines += ["   " + line for line in _usage(parser).splitlines()] + [""]
            lines += options_rst(parser, prog)
        else:
            sub = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
            choices = sub[0].choices if sub else {}
            helps = {}
            if sub:
                for ca in sub[0]._choices_actions:
                    helps[ca.dest] = ca.help
            wanted = list(choices)
            if self.options.get("commands"):
                wanted = [c.strip() for c in self.options["commands"].split(",") if c.strip()]
            wanted = [name for name in wanted if name in choices]  # registered ones only
            lines = []
            if "summary" in self.options:
                lines += [".. list-table::", "   :header-rows: 1", "",
                          "   * - command", "     - purpose"]
                for name in wanted:
                    lines += ["   * - :ref:`%s %s <cli-%s>`" % (prog, name, name),
                              "     - %s" % rst_escape(helps.get(name) or "")]
                lines.append("")
            else:
                for name in wanted:
                    lines += command_rst(name, choices[name], helps.get(name), prog)
        node = nodes.container()
        content = StringList(lines, source="<sage-tropnet --help>")
        nested_parse_with_titles(self.state, content, node)
        return node.children


def setup(app):
    app.add_directive("tropnet-cli", TropnetCLI)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
