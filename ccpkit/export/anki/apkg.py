"""Anki notes → ``.apkg`` bytes with genanki, with per-note mtimes and a byte-reproducible zip.

genanki stamps one time on every note, card and note type; Anki's default import ("update if newer")
compares those times, so we give each note its own (from the ledger) and each note type the time its
templates last changed. The database is built in memory and zipped with fixed dates, so the same notes
and ledger give the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import sqlite3
import zipfile
from collections.abc import Iterable, Sequence
from typing import Any

import genanki

from ccpkit.export.anki.card_templates import AnkiTemplates
from ccpkit.export.anki.notes import AnkiNote
from ccpkit.export.anki.notetypes import NOTE_TYPES, NoteType
from ccpkit.model import Picture

EARLIEST_ID = 1_600_000_000
"""Note and card ids count up from the newest mtime (in ms), never from before 2020."""
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


class _NoteType(genanki.Model):  # type: ignore[misc]
    """A genanki model whose ``mod`` is the templates' change time, not the export time."""

    def __init__(self, note_type: NoteType, templates: AnkiTemplates, modified: int) -> None:
        card = templates.cards[note_type.key]
        super().__init__(
            note_type.id,
            note_type.name,
            fields=[{"name": name} for name in note_type.fields],
            templates=[
                {"name": note_type.name.removeprefix("ccpkit "), "qfmt": card.front, "afmt": card.back}
            ],
            css=templates.css,
            model_type=genanki.Model.CLOZE if note_type.cloze else genanki.Model.FRONT_BACK,
            sort_field_index=0,
        )
        self.modified = modified

    def to_json(self, timestamp: float, deck_id: int) -> dict[str, Any]:
        data: dict[str, Any] = super().to_json(self.modified, deck_id)
        return data


class _Note(genanki.Note):  # type: ignore[misc]
    """A genanki note written with its own mtime (the ledger's), not the export time."""

    def __init__(self, model: _NoteType, note: AnkiNote, position: int) -> None:
        super().__init__(
            model=model, fields=list(note.fields), tags=list(note.tags), guid=note.guid, due=position
        )
        self.modified = note.modified

    def write_to_db(self, cursor: sqlite3.Cursor, timestamp: float, deck_id: int, id_gen: Any) -> None:
        super().write_to_db(cursor, self.modified, deck_id, id_gen)


def deck_id(name: str) -> int:
    """A stable id per deck name in genanki's recommended range; Anki matches decks by name anyway."""
    digest = int.from_bytes(hashlib.sha256(name.encode()).digest()[:4], "big")
    return (1 << 30) + digest % (1 << 30)


def write_package(
    notes: Iterable[AnkiNote],
    templates: AnkiTemplates,
    templates_modified: int,
    pictures: Sequence[Picture] = (),
) -> bytes:
    """The ``.apkg`` holding ``notes`` in their decks, in notes order, and ``pictures`` as its media
    files (Anki copies them into ``collection.media`` under their names)."""
    models = {note_type.key: _NoteType(note_type, templates, templates_modified) for note_type in NOTE_TYPES}
    decks: dict[str, genanki.Deck] = {}
    newest = templates_modified
    for position, note in enumerate(notes, start=1):  # new cards come up in notes order
        deck = decks.setdefault(note.deck, genanki.Deck(deck_id(note.deck), note.deck))
        deck.add_note(_Note(models[note.note_type.key], note, position))
        newest = max(newest, note.modified)
    return _zipped(_database(list(decks.values()), max(newest, EARLIEST_ID)), pictures)


def _database(decks: list[genanki.Deck], timestamp: int) -> bytes:
    connection = sqlite3.connect(":memory:")
    try:
        package = genanki.Package(decks)
        package.write_to_db(connection.cursor(), timestamp, itertools.count(timestamp * 1000))
        connection.commit()
        return connection.serialize()
    finally:
        connection.close()


def _zipped(database: bytes, pictures: Sequence[Picture]) -> bytes:
    """The legacy package layout: the database, media files as ``0``, ``1`` … and a ``media`` map
    from those numbers to the names the fields use."""
    media = json.dumps({str(number): picture.name for number, picture in enumerate(pictures)}).encode()
    entries = [("collection.anki2", database), *((str(n), p.data) for n, p in enumerate(pictures))]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in (*entries, ("media", media)):
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()
