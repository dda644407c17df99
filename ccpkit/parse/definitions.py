"""The definition blocks of the tools lecture notes are written with, as the run-in definition the
term rules read (``**Definition (Group).** A group is …``):

- Pandoc and bookdown: ``::: {.definition name="Group"}`` … ``:::``;
- MyST and Jupyter Book: ``:::{prf:definition} Group`` … ``:::``, or the same as a fence (```` ``` ````);
- LaTeX in Markdown: ``\\begin{definition}[Group]`` … ``\\end{definition}``;
- MkDocs: ``!!! definition "Group"`` over its indented body.

A definition that names no term is left as its tool would show it: words with no card."""

from __future__ import annotations

from collections.abc import Container

from ccpkit.regex import regex

_OPTION = regex(r"^[ \t]*(?::[\w-]+:(?:[ \t].*)?|\\label\{[^{}\n]*\})[ \t]*$")
"""A MyST directive's option line at the top of its body (``:label: def-group``, ``:class: dropdown``),
or LaTeX's ``\\label{def:group}``."""
_LEADING_LABEL = regex(r"^\\label\{[^{}\n]*\}[ \t]*")
_NAME = regex(r"[^()\[\]\n]{1,60}")
"""A term as a run-in definition can name it: short, no brackets."""
_OPENS_BLOCK = regex(r"^[ \t]*(?:[-*+>|#]|\d{1,9}[.)]|```|~~~|\$\$)")
"""A first line that opens a list, quote, table, heading, code or formula: no words to run into."""
_LATEX = regex(
    r"^[ \t]*\\(?P<edge>begin|end)\{definition\}(?:\[(?P<name>[^\]\n]*)\])?(?:\\label\{[^{}\n]*\})?[ \t]*$"
)


def is_definition(kind: str) -> bool:
    """Whether a block's kind (a class, a directive, an admonition's type) is a definition."""
    return kind.lower().removeprefix("prf:") == "definition"


def as_run_in(body: list[str], name: str) -> list[str] | None:
    """The ``body`` of a definition of ``name`` as a run-in definition, line for line: its directive
    options blanked, its first line of words opened by the bold head. ``None`` when ``name`` cannot
    head one or the body opens with no words (a list, a formula)."""
    name = name.strip()
    if not _NAME.fullmatch(name):
        return None
    lines = list(body)
    first = 0
    while first < len(lines) and (not lines[first].strip() or _OPTION.match(lines[first])):
        lines[first] = ""
        first += 1
    if first == len(lines) or _OPENS_BLOCK.match(lines[first]):
        return None
    words = _LEADING_LABEL.sub("", lines[first].strip())
    lines[first] = f"**Definition ({name}).** {words}"
    return lines


def latex_definitions(lines: list[str], code: Container[int]) -> list[str]:
    """``lines`` with each ``\\begin{definition}[Group]`` … ``\\end{definition}`` outside code as a run-in
    definition; an unnamed or unclosed one stays as written."""
    lines = list(lines)
    opened: tuple[int, str] | None = None
    for number, line in enumerate(lines):
        found = None if number in code else _LATEX.match(line)
        if found is None:
            continue
        if found["edge"] == "begin":
            opened = (number, found["name"]) if found["name"] else None
            continue
        if opened is not None:
            start, name = opened
            body = as_run_in(lines[start + 1 : number], name)
            if body is not None:
                lines[start : number + 1] = ["", *body, ""]
        opened = None
    return lines
