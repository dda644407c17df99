"""Pins that did not take: a ``{#…}`` line the attributes plugin could not read stays a paragraph.

Markdown shows it as text and the item below keeps its derived id, so without a word from ``check``
the author believes the id is pinned until a rename orphans the note in Anki.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ccpkit.errors import Problem
from ccpkit.model import Item
from ccpkit.parse.context import Context
from ccpkit.regex import regex

_LOOKS_PINNED = regex(r"^\{\s*(?:#|id\s*=)[^{}\n]*\}$")
_PINS_NOTHING = regex(r"\{\s*(?:#|id\s*=\s*(?:\"\"|'')?)\s*\}")
"""A pin with no id, which the attributes plugin takes (the line is hidden) and sets none."""


def check_pins(ctx: Context) -> Iterator[Item | Problem]:
    """A warning at each paragraph that is only a ``{#…}`` or ``{id=…}`` the parser did not accept, and
    at each such line inside a paragraph (``- **Alpha:** …`` then ``{#beta}`` then ``- **Beta:** …``:
    Markdown reads it as Alpha's text); and at each pin that names no id (``{#}``, ``{id=""}``),
    which Markdown hides."""
    told: set[int] = set()
    for node in ctx.doc.nodes:
        above = node.line - 1  # where the attributes plugin reads a block's pin
        if (
            above not in told
            and node.map
            and above
            and _PINS_NOTHING.fullmatch(ctx.doc.lines[above - 1].strip())
        ):
            told.add(above)
            message = (
                "this pin names no id, so the item below keeps its derived id: write {#words-and-dashes}"
            )
            yield Problem(replace(ctx.at(node), line=above), message, "warning")
        if node.type != "paragraph":
            continue
        lines = node.children[0].content.split("\n")
        if len(lines) == 1 and _LOOKS_PINNED.match(lines[0].strip()):
            message = (
                "this pin was not read, so the item below keeps its derived id: write {#words-and-dashes}, "
                'or {id="any/other.id"} in quotes'
            )
            yield Problem(ctx.at(node), message, "warning")
        for number, line in enumerate(lines[1:], start=1):
            if _LOOKS_PINNED.match(line.strip()):
                where = ctx.at(node)
                message = (
                    "this pin was read as the text above it, so no item is pinned: leave a blank line "
                    "above it (and none between it and the item it pins)"
                )
                yield Problem(replace(where, line=where.line + number), message, "warning")
