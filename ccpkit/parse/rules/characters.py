"""Invisible characters pasted in with the text: terminal colour codes, other control characters,
zero-width spaces and bidirectional overrides. They print as boxes or nothing, and can make text read
differently from what it says, so ``check`` names the first one in each file."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from ccpkit.errors import Problem
from ccpkit.model import Item, SourceLocation
from ccpkit.parse.context import Context
from ccpkit.regex import regex

_INVISIBLE = regex("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 controls (but tab and line ends), DEL, zero-width spaces (web pages' ``&#8203;``, a
word joiner, a byte-order mark inside the text), and the bidirectional embeddings and isolates: a
term holding one reads like, but is not, the same term without it."""


def check_characters(ctx: Context) -> Iterator[Item | Problem]:
    """One warning per file: how many invisible characters it holds, and where the first one is."""
    found = [
        (number, match) for number, line in enumerate(ctx.doc.lines, 1) for match in _INVISIBLE.finditer(line)
    ]
    if found:
        line, first = found[0]
        name = unicodedata.name(first[0], "a control character").lower()
        more = f"; {len(found)} in this file" if len(found) > 1 else ""
        where = f"U+{ord(first[0]):04X} ({name}) at column {first.start() + 1}"
        message = f"invisible character {where}{more}: delete it"
        yield Problem(SourceLocation(path=ctx.doc.path, line=line), message, "warning")
