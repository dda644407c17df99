"""Anki browser searches that find one of our notes by its ``Id`` field, whatever characters it holds.

In Anki's search syntax ``_`` matches any one character and ``*`` any run of them, so an id holding
them, searched as typed, could find other notes too; a backslash makes them (and ``"``, ``\\``) literal.
The field holds the id HTML-escaped, so the search looks for the same entities. Another course in the
same collection may hold a note of the same id: the search keeps to the deck our note's cards went to,
and to the decks no course puts cards in, where the student may have moved them (``Mine``,
``Mine::Hard``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from ccpkit.ledger.entries import Ledger
from ccpkit.regex import regex

_SPECIAL = regex(r'([\\"*_])')


_MODULE_DECK = " OR ".join(f'"deck:*::{digit}_ *"' for digit in "0123456789")
"""Cards in a course's module deck or below it: a course puts its cards only there, in a level below its
own deck named by the module's number and title (``<course>::02 Compute``), which Anki's deck search,
knowing no digit class, matches as a level that opens with a digit, any character and a space. A deck
of the student's own so named (``Mine::01 Hard``) counts as a module's; a 100th module's does not."""

_OWN_DECK = f"-({_MODULE_DECK})"
"""Cards in a deck of the student's own, at any level (``Mine``, ``Mine::Hard``): in no course's module
deck, so not where another course's note of the same id is (while it stays in its decks)."""


def id_search(note_id: str, deck: str = "") -> str:
    """The search (quoted, ready to paste into Anki's browser) matching the note whose Id is ``note_id``
    with cards in ``deck`` (or its subdecks; empty: any deck) or moved by the student into a deck of
    their own, where another course's note of that id is not while it stays in its decks."""
    in_deck = f'("deck:{_literal(deck)}" OR {_OWN_DECK}) ' if deck else ""
    return f'{in_deck}"Id:{_literal(escape(note_id))}"'  # the Id field stores the id HTML-escaped


@dataclass(frozen=True, slots=True)
class NoteSearch:
    """What to type in Anki's browser to find one of our notes: by the id Anki's copy holds (the one it
    was last sent with), among the cards of the deck an import put them in."""

    search: str
    shared: bool = False
    """Anki's copy of another note holds that id too (twins of one term whose ids swapped and were sent
    again): the search finds both, and only their words tell them apart."""

    def __str__(self) -> str:
        """The search, and the caution when it finds another note too."""
        caution = "; another note in Anki holds that id too: check the words before deleting"
        return f"{self.search}{caution if self.shared else ''}"


def note_searches(ledger: Ledger, keys: Iterable[str]) -> dict[str, NoteSearch]:
    """The search for each of the ledger's entries ``keys`` (see ``NoteSearch``)."""
    held = Counter(entry.sent or key for key, entry in ledger.notes.items())
    searches = {}
    for key in keys:
        entry = ledger.notes[key]
        searched = entry.sent or key
        searches[key] = NoteSearch(id_search(searched, entry.home or entry.deck), held[searched] > 1)
    return searches


def _literal(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)
