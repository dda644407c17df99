"""What sync reads from a collection, as plain values: planning never touches Anki itself."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class FoundCard:
    id: int
    deck: str
    """The card's home deck (for a card in a filtered deck, the deck it returns to)."""
    suspended: bool
    filtered: bool
    """In a filtered deck now: moving it changes the deck it returns to, not the filtered deck."""
    reset: bool = False
    """Its last change was Anki's *Reset* (*Forget*), which unsuspends the cards it puts back among the
    new ones: no choice of the student's to study a retired note's card."""


@dataclass(frozen=True, slots=True, kw_only=True)
class FoundNote:
    id: int
    guid: str
    note_type: int
    """The id of ccpkit's note type it is a note of (also when on Anki's copy of it, ``… v1+``)."""
    fields: Mapping[str, str]
    """Field name → text, in the note's own note type (which may have a field the student added)."""
    tags: tuple[str, ...]
    modified: int
    """Epoch seconds of the note's last change in Anki."""
    cards: tuple[FoundCard, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class FoundNoteType:
    id: int
    name: str
    fields: tuple[str, ...]
    front: str
    back: str
    css: str
    modified: int = 0
    """Epoch seconds of its last change in Anki."""


@dataclass(frozen=True, slots=True, kw_only=True)
class CollectionState:
    notes: Mapping[str, FoundNote] = field(default_factory=dict)
    """GUID → note, for the GUIDs sync asked about (this build's notes and known orphans)."""
    note_types: Mapping[int, FoundNoteType] = field(default_factory=dict)
    """ccpkit's note types present in the collection, by id."""
    note_type_copies: Mapping[int, tuple[FoundNoteType, ...]] = field(default_factory=dict)
    """Anki's copies of ccpkit's note types (``ccpkit Term v1+``), by the id of the one each copies."""
    decks: Mapping[str, int] = field(default_factory=dict)
    """Every deck name → its id."""
    filtered_decks: frozenset[str] = frozenset()
    cards_in: Mapping[str, int] = field(default_factory=dict)
    """Deck name → cards in it or returning to it (directly, not counting subdecks)."""
    suspended_by_sync: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    """GUID → the cards a sync suspended when it retired that note, as the collection remembers them."""


@dataclass(frozen=True, slots=True)
class PicturesCopied:
    """What a sync put into ``collection.media``, and what it could not."""

    copied: int = 0
    left: int = 0
    """Pictures the system refused (a full disk): the next sync copies them."""
    reason: str = ""
