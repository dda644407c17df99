"""Pins that did not take: a ``{#…}`` line the attributes plugin could not read stays a paragraph.

Markdown shows it as text and the item below keeps its derived id, so without a word from ``check``
the author believes the id is pinned until a rename orphans the note in Anki.
"""

from __future__ import annotations

from collections.abc import Iterator

from ccpkit.errors import Problem
from ccpkit.model import Item
from ccpkit.parse.context import Context
from ccpkit.regex import regex

_LOOKS_PINNED = regex(r"^\{\s*(?:#|id\s*=)[^{}\n]*\}$")


def check_pins(ctx: Context) -> Iterator[Item | Problem]:
    """A warning at each paragraph that is only a ``{#…}`` or ``{id=…}`` the parser did not accept."""
    for node in ctx.doc.nodes:
        if node.type == "paragraph" and _LOOKS_PINNED.match(node.children[0].content.strip()):
            message = (
                "this pin was not read, so the item below keeps its derived id: write {#words-and-dashes}, "
                'or {id="any/other.id"} in quotes'
            )
            yield Problem(ctx.at(node), message, "warning")
