"""Orphans: notes whose item left the notes but which stay in Anki, as an import never deletes.

The build reports each orphan once, when it arises, then only counts them; this lists them with a
search that finds each in Anki's browser, and forgets them once the student has deleted them there
(their entries stay, marked: an item put back takes its note again).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from ccpkit.errors import UsageError
from ccpkit.ledger import LEDGER_NAME, Ledger, load_ledger, record_ledger
from ccpkit.ledger.browser_search import NoteSearch, note_searches
from ccpkit.scope import require_listable


@dataclass(frozen=True, slots=True)
class Orphan:
    id: str
    name: str
    """The term, stem or table and row it was known by."""
    search: NoteSearch
    """What to type in Anki's browser to find it."""


@dataclass(frozen=True, slots=True)
class Orphans:
    listed: tuple[Orphan, ...]
    """The orphans to list, by id."""
    forgotten: int
    """How many more ``forget_orphans`` took off the list."""


def find_orphans(notes: Path) -> Orphans:
    """The orphans the last build recorded in the notes folder's ledger."""
    ledger = _ledger(notes)
    orphaned = [(key, entry) for key, entry in ledger.notes.items() if entry.orphaned]
    searches = note_searches(ledger, (key for key, entry in orphaned if not entry.forgotten))
    listed = tuple(Orphan(key, ledger.notes[key].key[0], search) for key, search in searches.items())
    return Orphans(listed, len(orphaned) - len(listed))


def forget_orphans(notes: Path) -> int:
    """Mark the orphans forgotten: no list or count names them again, and an item that comes back
    still finds its note. How many were forgotten."""
    ledger = _ledger(notes)
    forgotten = {
        key: replace(entry, forgotten=True)
        for key, entry in ledger.notes.items()
        if entry.orphaned and not entry.forgotten
    }
    if forgotten:
        record_ledger(notes, replace(ledger, notes={**ledger.notes, **forgotten}))
    return len(forgotten)


def _ledger(notes: Path) -> Ledger:
    """The ledger; without one (a wrong folder, or never built) there is nothing to list: say so."""
    path = notes / LEDGER_NAME
    require_listable(notes)
    if not os.path.lexists(path):
        raise UsageError(
            f"no ledger at {path}: pass the notes folder with --notes, or run `ccpkit build` first"
        )
    return load_ledger(path)
