"""Chat-made decks wrap each card in HTML comments, ``<!-- Card Start -->`` over its ``### Front`` and
``### Back`` and ``<!-- Card End -->`` under them. The comments are no study content (the parser drops
every comment), so a Start left without its End loses nothing; it still says the deck was cut or
edited by hand there, and the student is told where, to end the card as the others are."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from markdown_it.token import Token

from ccpkit.regex import regex

_CARD_WRAPPER = regex(r"[ \t]*<!--[ \t]*card[ \t]+(?P<mark>start|end)[ \t]*-->[ \t]*\n?", re.I)
"""A comment of its own that opens or closes a chat-made card: ``<!-- Card Start -->``."""
_MENTIONS_WRAPPERS = regex(r"<!--[ \t]*card[ \t]+(?:start|end)", re.I)
"""What each wrapper holds, from its first character: looked for alone, it passes over a file of none
several times as fast."""

UNENDED = (
    "`<!-- Card Start -->` has no `<!-- Card End -->` before {where}: add `<!-- Card End -->` under "
    "this card's back (the card is read all the same)"
)


def unended_card_starts(text: str, tokens: Sequence[Token]) -> Iterator[tuple[int, str]]:
    """The (0-based) line of each ``<!-- Card Start -->`` of the text followed by another Start, or by
    the end of the file, before its End, with where its End was looked for up to."""
    if not _MENTIONS_WRAPPERS.search(text):
        return
    opened: int | None = None
    for token in tokens:
        wrapper = _CARD_WRAPPER.fullmatch(token.content) if token.type == "html_block" else None
        if wrapper is None or token.map is None:
            continue
        if opened is not None and wrapper["mark"].lower() == "start":
            yield opened, "the next card's Start"
        opened = token.map[0] if wrapper["mark"].lower() == "start" else None
    if opened is not None:
        yield opened, "the end of the file"
