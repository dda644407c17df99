"""Anki browser searches that find one of our notes by its ``Id`` field, whatever characters it holds.

In Anki's search syntax ``_`` matches any one character and ``*`` any run of them, so an id holding
them, searched as typed, could find other notes too; a backslash makes them (and ``"``, ``\\``) literal.
The field holds the id HTML-escaped, so the search looks for the same entities.
"""

from __future__ import annotations

import re
from html import escape

_SPECIAL = re.compile(r'([\\"*_])')


def id_search(note_id: str) -> str:
    """The search (quoted, ready to paste into Anki's browser) matching the note whose Id is ``note_id``."""
    literal = _SPECIAL.sub(r"\\\1", escape(note_id))  # as the Id field stores it
    return f'"Id:{literal}"'
