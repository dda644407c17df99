"""Anki browser searches that find one of our notes by its ``Id`` field, whatever characters it holds.

In Anki's search syntax ``_`` matches any one character and ``*`` any run of them, so an id holding
them, searched as typed, could find other notes too; a backslash makes them (and ``"``, ``\\``) literal.
The field holds the id HTML-escaped, so the search looks for the same entities. Another course in the
same collection may hold a note of the same id: the search keeps to the deck our note's cards went to.
"""

from __future__ import annotations

import re
from html import escape

from ccpkit.ledger.entries import Ledger

_SPECIAL = re.compile(r'([\\"*_])')


def id_search(note_id: str, deck: str = "") -> str:
    """The search (quoted, ready to paste into Anki's browser) matching the note whose Id is ``note_id``
    with cards in ``deck`` (or its subdecks; empty: any deck)."""
    in_deck = f'"deck:{_literal(deck)}" ' if deck else ""
    return f'{in_deck}"Id:{_literal(escape(note_id))}"'  # the Id field stores the id HTML-escaped


def note_search(ledger: Ledger, key: str) -> str:
    """The search finding the note Anki holds for the ledger's entry ``key``: by the id Anki's copy
    holds (the one it was last sent with), among the cards of the deck an import put them in."""
    entry = ledger.notes[key]
    return id_search(entry.sent or key, entry.home or entry.deck)


def shares_its_id(ledger: Ledger, key: str) -> bool:
    """Whether Anki's copy of another note holds the id this one's does (twins of one term whose ids
    swapped and were sent again): the search finds both, and only their words tell them apart."""
    held = ledger.notes[key].sent or key
    return any((entry.sent or other) == held for other, entry in ledger.notes.items() if other != key)


SHARED_ID = "another note in Anki holds that id too: check the words before deleting"


def _literal(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)
