"""Anki notes → ``.apkg`` bytes with genanki, with per-note mtimes and a byte-reproducible zip.

genanki stamps one time on every note, card and note type; Anki's default import ("update if newer")
compares those times, so we give each note its own (from the ledger) and each note type the time its
templates last changed. The database is built in a scratch file and zipped with fixed dates, so the same
notes and ledger give the same bytes.

What genanki writes for a note is recorded once, with its module's part (``recorded_notes``): a package
assembled from kept parts replays those rows, putting in the values that change from build to build
(ids, GUID, mtime, deck, position), instead of having genanki check and lay out every note again.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import genanki
from genanki.apkg_col import APKG_COL
from genanki.apkg_schema import APKG_SCHEMA

from ccpkit.errors import WriteError
from ccpkit.export.anki.card_templates import AnkiTemplates
from ccpkit.export.anki.notes import AnkiNote, Recorded, RenderedNote, Statement
from ccpkit.export.anki.notetypes import NOTE_TYPES, NoteType
from ccpkit.model import Picture

EARLIEST_ID = 1_600_000_000
"""Note and card ids count up from the newest mtime (in ms), never from before 2020."""
_HEADER_COUNTS = ((24, 4), (92, 8))
"""Where SQLite's file header counts writes and names its version (change counter, version-valid-for
number, library version): zeroed, as an in-memory database leaves them, so the same notes give the
same bytes on every machine."""
_TABLES, _, _AFTER_TABLES = APKG_SCHEMA.partition("CREATE INDEX")
_INDEXES = f"CREATE INDEX{_AFTER_TABLES}" if _AFTER_TABLES else ""
"""genanki's schema, its indexes apart: built over the rows once they are in, not row by row as
they go in (a quarter faster, and a smaller file)."""
_DEFLATE_LEVEL = 1
"""zlib's fastest level: on a 28 MB collection (50,000 notes) it deflates 3.4 times faster than the
default level 6, for a package 9 % larger."""


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

    def write_to_db(self, cursor: _Rows, timestamp: float, deck_id: int, id_gen: Any) -> None:
        super().write_to_db(cursor, self.modified, deck_id, id_gen)


class _KeptNote:
    """A note whose rows genanki recorded with its module's part: written again with this build's
    ids, GUID, mtime, deck and position, in the columns of Anki's ``notes`` and ``cards`` tables."""

    __slots__ = ("due", "guid", "model", "modified", "recorded")

    def __init__(self, model: _NoteType, recorded: Recorded, note: AnkiNote, position: int) -> None:
        self.model = model
        self.recorded = recorded
        self.guid = note.guid
        self.modified = note.modified
        self.due = position

    def write_to_db(self, cursor: _Rows, timestamp: float, deck_id: int, id_gen: Any) -> None:
        fields, _, _, (note_sql, row), cards = self.recorded
        note_id = next(id_gen)  # id, guid, mid, mod, usn, tags, flds, sfld, then csum, flags, data
        text = "\x1f".join(fields) if row[6] is None else row[6]
        sort = fields[0] if row[7] is None else row[7]
        values = (note_id, self.guid, row[2], self.modified, row[4], row[5], text, sort, *row[8:])
        cursor.execute(note_sql, values)
        for card_sql, card in cards:  # id, nid, did, ord, mod, usn, type, queue, due, then the rest
            values = (next(id_gen), note_id, deck_id, card[3], self.modified, *card[5:8], self.due, *card[9:])
            cursor.execute(card_sql, values)


class _Recorder:
    """A cursor that keeps genanki's statements (of one note) instead of running them."""

    def __init__(self) -> None:
        self.statements: list[Statement] = []
        self.lastrowid = 0

    def execute(self, sql: str, values: tuple[Any, ...]) -> None:
        self.statements.append((sql, values))
        self.lastrowid = values[0]


class _Rows:
    """A cursor that keeps the rows of a deck's notes by statement, in order, to insert each
    statement's at once; every row holds its own id, so none depends on being inserted before
    another's."""

    def __init__(self) -> None:
        self.by_statement: dict[str, list[tuple[Any, ...]]] = {}
        self.lastrowid = 0

    def execute(self, sql: str, values: tuple[Any, ...]) -> None:
        self.lastrowid = values[0]
        rows = self.by_statement.get(sql)
        if rows is None:
            rows = self.by_statement[sql] = []
        rows.append(values)


def recorded_notes(
    notes: Iterable[tuple[RenderedNote, tuple[str, ...]]], templates: AnkiTemplates
) -> tuple[Recorded, ...]:
    """What genanki writes for each of a module's notes (given with their tags), made with its part."""
    models = {note_type.key: _NoteType(note_type, templates, 0) for note_type in NOTE_TYPES}
    recorded = []
    # Equal statements of different notes are kept as one object: without their fields (put back
    # when replayed, with the values that change from build to build), a part's notes of one kind
    # and tags write the same rows.
    alike: dict[object, Any] = {}
    for (_, note_type, fields, *_), tags in notes:
        recorder = _Recorder()
        note = genanki.Note(model=models[note_type.key], fields=list(fields), tags=list(tags), guid="")
        note.write_to_db(recorder, 0, 0, itertools.count())
        ((sql, row), *cards) = recorder.statements
        statement = (sql, _shared(row, fields))
        card_statements = tuple(cards)
        recorded.append(
            (
                fields,
                tags,
                note_type.key,
                alike.setdefault(statement, statement),
                alike.setdefault(card_statements, card_statements),
            )
        )
    return tuple(recorded)


def _shared(row: tuple[Any, ...], fields: tuple[str, ...]) -> tuple[Any, ...]:
    """A recorded ``notes`` row without the copies of the note's text it holds (``flds``, the fields
    joined; ``sfld``, the first field) where they are just that: ``None`` stands for them, so a
    part does not hold every field twice."""
    text = None if row[6] == "\x1f".join(fields) else row[6]
    sort = None if row[7] == fields[0] else row[7]
    return (*row[:6], text, sort, *row[8:])


def deck_id(name: str) -> int:
    """A stable id per deck name in genanki's recommended range; Anki matches decks by name anyway."""
    digest = int.from_bytes(hashlib.sha256(name.encode()).digest()[:4], "big")
    return (1 << 30) + digest % (1 << 30)


def write_package(
    notes: Iterable[AnkiNote],
    templates: AnkiTemplates,
    templates_modified: int,
    pictures: Sequence[Picture] = (),
    recorded: Mapping[str, Recorded] | None = None,
) -> bytes:
    """The ``.apkg`` holding ``notes`` in their decks, in notes order, and ``pictures`` as its media
    files (Anki copies them into ``collection.media`` under their names). ``recorded`` (by note id)
    is what genanki wrote for notes of the same fields, tags and note type (``recorded_notes``)."""
    try:
        with tempfile.TemporaryDirectory(prefix="ccpkit-apkg-") as folder:
            database = Path(folder) / "collection.anki2"
            _write_notes(database, notes, templates, templates_modified, recorded or {})
            return _zipped(database, pictures)
    except (OSError, sqlite3.OperationalError) as error:  # the temporary folder is full or read-only
        fix = (
            "the Anki package is laid out in this temporary folder: free space there, or set TMPDIR to a "
            "folder with room"
        )
        raise WriteError(Path(tempfile.gettempdir()), OSError(str(error)), fix=fix) from None


def _write_notes(
    database: Path,
    notes: Iterable[AnkiNote],
    templates: AnkiTemplates,
    templates_modified: int,
    recorded: Mapping[str, Recorded],
) -> None:
    """The collection of ``notes`` (``write_package``), written into ``database``; the notes laid out
    in decks are freed as it returns, before the package is zipped (5 MB less at 50,000 notes)."""
    models = {note_type.key: _NoteType(note_type, templates, templates_modified) for note_type in NOTE_TYPES}
    decks: dict[str, genanki.Deck] = {}
    newest = templates_modified
    for position, note in enumerate(notes, start=1):  # new cards come up in notes order
        deck = decks.get(note.deck)
        if deck is None:
            deck = decks[note.deck] = genanki.Deck(deck_id(note.deck), note.deck)
        model = models[note.note_type.key]
        written = recorded.get(note.id)
        if written is not None and _written_alike(written, note):
            deck.add_note(_KeptNote(model, written, note, position))
        else:
            deck.add_note(_Note(model, note, position))
        newest = max(newest, note.modified)
    _write_database(database, list(decks.values()), max(newest, EARLIEST_ID))


def _written_alike(written: Recorded, note: AnkiNote) -> bool:
    """Whether genanki's rows were recorded from this note's fields, tags and note type."""
    fields, tags, note_type, _, _ = written
    return fields == note.fields and tags == note.tags and note_type == note.note_type.key


def _write_database(path: Path, decks: list[genanki.Deck], timestamp: int) -> None:
    """The collection genanki's ``Package`` writes, with the decks and note types written once: it
    reads, updates and writes back both as JSON for every deck, which at hundreds of module decks
    cost more than the notes. Written to a scratch file, not memory: a copy of a large collection
    in memory, and another as bytes, would be most of a large build's peak memory."""
    connection = sqlite3.connect(path)
    try:
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode = OFF")  # a scratch file: nothing to roll back or sync
        cursor.execute("PRAGMA synchronous = OFF")
        cursor.executescript(_TABLES)
        cursor.executescript(APKG_COL)
        _write_decks_and_note_types(cursor, decks, timestamp)
        ids = itertools.count(timestamp * 1000)
        for deck in decks:  # a deck's rows in one statement per table: many times faster than a row each
            rows = _Rows()
            for note in deck.notes:
                note.write_to_db(rows, timestamp, deck.deck_id, ids)
            for sql, values in rows.by_statement.items():
                cursor.executemany(sql, values)
        cursor.executescript(_INDEXES)
        connection.commit()
    finally:
        connection.close()
    with path.open("r+b") as database:
        for offset, size in _HEADER_COUNTS:
            database.seek(offset)
            database.write(bytes(size))


def _write_decks_and_note_types(cursor: sqlite3.Cursor, decks: list[genanki.Deck], timestamp: int) -> None:
    """The ``col`` row's decks and note types as genanki leaves them after writing deck by deck: each
    note type's ``did`` is the last deck holding its notes. genanki keys note types by a number and
    reads them back as text between decks, so the last deck's appear twice in the JSON (Anki keeps the
    later); that is reproduced, so the package is what genanki alone would make."""
    (decks_json, models_json) = cursor.execute("SELECT decks, models FROM col").fetchone()
    deck_entries, note_types = json.loads(decks_json), json.loads(models_json)
    latest: dict[int, Any] = {}
    for deck in decks:
        deck_entries[str(deck.deck_id)] = deck.to_json()
        for model_id, entry in latest.items():  # read back between decks: one key each, as text
            note_types[str(model_id)] = entry
        deck.models.update({note.model.model_id: note.model for note in deck.notes})  # as add_model does
        latest = {model.model_id: model.to_json(timestamp, deck.deck_id) for model in deck.models.values()}
    note_types.update(latest)
    cursor.execute("UPDATE col SET decks = ?, models = ?", (json.dumps(deck_entries), json.dumps(note_types)))


def _zipped(database: Path, pictures: Sequence[Picture]) -> bytes:
    """The legacy package layout: the database (read from its file a block at a time), media files
    as ``0``, ``1`` … and a ``media`` map from those numbers to the names the fields use. Members
    opened by name are dated 1980-01-01 (``ZipInfo``'s default), so the same notes zip alike."""
    media = json.dumps({str(number): picture.name for number, picture in enumerate(pictures)}).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=_DEFLATE_LEVEL) as archive:
        with database.open("rb") as source, archive.open("collection.anki2", "w") as target:
            shutil.copyfileobj(source, target)
        for name, data in (*((str(n), p.data) for n, p in enumerate(pictures)), ("media", media)):
            with archive.open(name, "w") as target:
                target.write(data)
    return buffer.getvalue()
