"""What ccpkit last wrote into a collection, per note: how sync tells a student's edit from ours.

A field whose text in Anki still hashes to what ccpkit wrote was not edited in Anki; a field whose
text in the notes still hashes to it did not change in the notes. The record is too large for Anki's
collection config (sent on every AnkiWeb sync), so it is a JSON file next to the collection, named
with a fresh generation on every sync; the collection's config holds only that name, and is written
in the same transaction as the notes. A crash therefore leaves the collection naming the record that
matches it: the old file (deleted only after the commit) or the new one (written before it).
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
import uuid
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ccpkit.export import Output
from ccpkit.write import write_atomically

CONFIG_KEY = "ccpkitSync"
"""Collection config key naming the current record file (a few bytes, synced with the collection)."""
SUSPENDED_KEY = "ccpkitSuspended"
"""Collection config key: GUID → the cards sync suspended when it retired that note (travels with the
collection, so a restore on another computer, with no record, unsuspends those and no others)."""
FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class Written:
    """What ccpkit last wrote to one note."""

    id: str
    """The note's ccpkit id (``module/kind/slug``) at that time."""
    fields: Mapping[str, str]
    """Field name → hash of the text ccpkit wrote (the notes' text at that sync)."""
    tags: tuple[str, ...] = ()
    """The notes' own tags ccpkit added (outside its namespaces): removed when the notes drop them."""
    deck: str = ""
    """The deck ccpkit put the note's cards in; a card found elsewhere was moved by the student."""
    suspended: tuple[int, ...] = ()
    """Cards ccpkit suspended when it retired the note (unsuspended if the item comes back)."""
    clozes: tuple[int, ...] = ()
    """A cloze note's numbers in the notes' text at that sync (empty: not a cloze note, or a record of
    an older ccpkit): a number in Anki past these is the student's own cloze."""
    kept: Mapping[str, str] = field(default_factory=dict)
    """Field name → hash of the student's text sync kept there (their edit, the notes unchanged): the
    report lists an edit at the sync that first keeps it, and counts it after, until edited anew."""


@dataclass(frozen=True, slots=True)
class SyncRecord:
    notes: Mapping[str, Written] = field(default_factory=dict)
    """GUID → what ccpkit last wrote to that note."""
    decks: tuple[str, ...] = ()
    """Every deck ccpkit has put cards in: these may be removed once empty."""
    styles: Mapping[str, str] = field(default_factory=dict)
    """``<note type id>/front`` (``back``, ``css``) → hash of what ccpkit's templates held at the
    last sync: a copy in Anki that differs while they are unchanged is the student's restyling."""
    kept_styles: Mapping[str, str] = field(default_factory=dict)
    """``<note type id>/css`` (``front``, ``back``) → hash of the student's restyling sync kept there:
    the report lists it at the sync that first keeps it, and counts it after, until restyled anew."""


def text_hash(text: str) -> str:
    """The hash recorded per field; texts are compared the way Anki stores them (NFC)."""
    return hashlib.sha256(unicodedata.normalize("NFC", text).encode()).hexdigest()[:16]


def record_path(collection: Path, generation: str) -> Path:
    return collection.with_name(f"{collection.stem}.ccpkit-sync-{generation}.json")


def new_generation() -> str:
    return uuid.uuid4().hex[:12]


def named_generation(generation: object) -> str | None:
    """The generation a collection's config names, if it names one (``None``: never synced)."""
    return generation if isinstance(generation, str) and generation.isalnum() else None


def load_record(collection: Path, generation: object) -> SyncRecord | None:
    """The record the collection names; an empty one if it names none (never synced); ``None`` if the
    file is gone or damaged (another computer's collection, a backup older than the records kept, a
    deleted file): sync then compares modification times."""
    if (named := named_generation(generation)) is None:
        return SyncRecord()
    try:
        data = json.loads(record_path(collection, named).read_text(encoding="utf-8"))
        return _parsed(data)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def _parsed(data: Any) -> SyncRecord:
    if data["version"] != FORMAT_VERSION:
        raise ValueError("unknown record version")
    notes = {
        str(guid): Written(
            id=str(entry["id"]),
            fields={str(name): str(value) for name, value in entry["fields"].items()},
            tags=tuple(str(tag) for tag in entry.get("tags", ())),
            deck=str(entry.get("deck", "")),
            suspended=tuple(int(card) for card in entry.get("suspended", ())),
            clozes=tuple(int(number) for number in entry.get("clozes", ())),
            kept={str(name): str(value) for name, value in entry.get("kept", {}).items()},
        )
        for guid, entry in data["notes"].items()
    }
    styles = {str(key): str(value) for key, value in data.get("styles", {}).items()}
    kept = {str(key): str(value) for key, value in data.get("kept_styles", {}).items()}
    return SyncRecord(notes, tuple(str(deck) for deck in data.get("decks", ())), styles, kept)


def dump_record(record: SyncRecord) -> bytes:
    notes = {
        guid: {
            "id": written.id,
            "fields": dict(written.fields),
            "tags": list(written.tags),
            "deck": written.deck,
            "suspended": list(written.suspended),
            **({"clozes": list(written.clozes)} if written.clozes else {}),
            **({"kept": dict(written.kept)} if written.kept else {}),
        }
        for guid, written in sorted(record.notes.items())
    }
    data = {
        "version": FORMAT_VERSION,
        "decks": sorted(record.decks),
        "styles": dict(record.styles),
        **({"kept_styles": dict(record.kept_styles)} if record.kept_styles else {}),
        "notes": notes,
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def save_record(collection: Path, record: SyncRecord) -> str:
    """Write the record under a new generation (before the collection names it); returns the name."""
    generation = new_generation()
    path = record_path(collection, generation)
    write_atomically(path.parent, Output(PurePosixPath(path.name), dump_record(record)))
    return generation


def resave_record(collection: Path, generation: str, record: SyncRecord) -> None:
    """Replace the record the collection names, for a sync that changes nothing in the collection: it
    still holds what that record says sync wrote (the notes' text Anki already reads as, a conflict
    whose Anki text was kept), so the collection needs no new name, and no backup to write it."""
    path = record_path(collection, generation)
    write_atomically(path.parent, Output(PurePosixPath(path.name), dump_record(record)))


KEPT_RECORDS = 5
"""Records of the syncs before the last one kept beside it: a collection put back from one of Anki's
backups (each sync makes one first) names one of them, and the next sync reads what it wrote."""


def remove_other_records(collection: Path, keep: str) -> None:
    """After the commit: delete the records the collection no longer names (older syncs, crashes) but
    the latest few, which a backup put back may name."""
    current = record_path(collection, keep)
    others = [
        path for path in collection.parent.glob(f"{collection.stem}.ccpkit-sync-*.json") if path != current
    ]
    others.sort(key=_modified, reverse=True)
    for path in others[KEPT_RECORDS:]:
        with suppress(OSError):
            path.unlink()


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
