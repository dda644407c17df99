"""Formulas left open: a ``\\(`` or ``\\[`` whose paragraph has no ``\\)`` or ``\\]``, and TeX that
MathJax cannot read: a ``{`` or ``\\begin{…}`` never closed, a ``}`` or ``\\end{…}`` that closes nothing.

The card would show the backslash and the formula's source as text (MathJax leaves a lone opening
alone), or MathJax's error in red, so ``check`` says where, and what to write.
"""

from __future__ import annotations

from collections.abc import Iterator

from ccpkit.errors import Problem
from ccpkit.markup import formulas, unclosed_formulas
from ccpkit.model import Item
from ccpkit.parse.context import Context
from ccpkit.regex import regex

_CLOSING = {"\\(": ("\\)", "("), "\\[": ("\\]", "[")}


def check_formulas(ctx: Context) -> Iterator[Item | Problem]:
    """A warning at each paragraph, list item or cell with a formula opened and never closed in it, or
    one whose TeX MathJax could not read."""
    for node in ctx.doc.nodes:
        if node.type != "inline":
            continue
        for opening in unclosed_formulas(node.content):
            closing, bracket = _CLOSING[opening]
            message = (
                f"formula {opening} is never closed in this paragraph: add {closing} after it, "
                f"or write {bracket} without the backslash"
            )
            yield Problem(ctx.at(node), message, "warning")
        for tex in formulas(node.content):
            mistake = tex_mistake(tex)
            if mistake:
                shown = " ".join(tex.split())
                shown = shown if len(shown) <= _SHOWN else shown[: _SHOWN - 1] + "…"
                message = f"formula `{shown}` {mistake}: the card would show MathJax's error instead"
                yield Problem(ctx.at(node), message, "warning")


_SHOWN = 40
"""A formula's characters that a message quotes."""
_GROUPING = regex(r"\\[\\{}]|\\(?P<side>begin|end)\s*\{(?P<name>[^{}]*)\}|(?P<brace>[{}])")
_NEVER_CLOSED = "has a { never closed: add }"


def tex_mistake(tex: str) -> str:
    """What stops MathJax reading ``tex``: a brace or environment left open or closing nothing; "" if
    none. ``\\{`` and ``\\}`` are braces shown, no grouping."""
    opened: list[str] = []
    for found in _GROUPING.finditer(tex):
        if found["brace"] == "{" or found["side"] == "begin":
            opened.append("{" if found["brace"] else found["name"])
        elif found["brace"] == "}" or found["side"] == "end":
            closes = "{" if found["brace"] else found["name"]
            if not opened or opened[-1] != closes:
                return _closes_nothing(closes, opened)
            opened.pop()
    if not opened:
        return ""
    return _NEVER_CLOSED if opened[-1] == "{" else f"has \\begin{{{opened[-1]}}} never ended"


def _closes_nothing(closes: str, opened: list[str]) -> str:
    """What is wrong where a ``}`` or ``\\end{closes}`` meets ``opened`` (innermost last)."""
    if opened and opened[-1] == "{":
        return _NEVER_CLOSED
    if opened and closes != "{":
        return f"ends \\begin{{{opened[-1]}}} with \\end{{{closes}}}: make the two names agree"
    return (
        "has a } that closes nothing: remove it"
        if closes == "{"
        else f"has \\end{{{closes}}} with no \\begin"
    )
