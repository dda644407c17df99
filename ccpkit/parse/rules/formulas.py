"""Formulas left open: a ``\\(`` or ``\\[`` whose paragraph has no ``\\)`` or ``\\]``.

The card then shows the backslash and the formula's source as text (MathJax leaves a lone opening
alone), so ``check`` says where, and how to close it or write a plain bracket instead.
"""

from __future__ import annotations

from collections.abc import Iterator

from ccpkit.errors import Problem
from ccpkit.markup import unclosed_formulas
from ccpkit.model import Item
from ccpkit.parse.context import Context

_CLOSING = {"\\(": ("\\)", "("), "\\[": ("\\]", "[")}


def check_formulas(ctx: Context) -> Iterator[Item | Problem]:
    """A warning at each paragraph, list item or cell with a formula opened and never closed in it."""
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
