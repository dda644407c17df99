"""Anki notes → Anki text-import files: one CSV per note type, led by the header lines Anki reads.

The rows carry exactly what the ``.apkg`` carries (GUID, note type, deck, field HTML, tags), so a
student can import either format, then the other, and Anki matches every note by its GUID instead of
adding a copy. Two choices guard against Anki's reader:

- Every cell is quoted. Anki's reader takes any record whose first byte is ``#`` for a comment and
  drops it silently, and a GUID may start with ``#``; a quoted record starts with ``"``.
- The note type comes from a ``#notetype column``, never a ``#notetype:`` header. When our note type
  is missing from the collection, Anki skips such rows as "missing note type"; a ``#notetype:`` header
  would instead fall back to Basic and plant our GUIDs on Basic notes, which every later ``.apkg``
  import would then refuse to update ("conflicting").
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import PurePosixPath

from ccpkit.export import Output
from ccpkit.export.anki.notes import AnkiNote
from ccpkit.export.anki.notetypes import NOTE_TYPES, NoteType
from ccpkit.model import Picture

FOLDER = PurePosixPath("csv/anki")
MEDIA_FOLDER = FOLDER / "media"
"""The pictures the rows show: a student copies these files into Anki's ``collection.media`` folder."""
DELIMITER = ","
"""Anki's ``#separator:Comma``; also separates the ``#columns`` labels."""
LEADING_COLUMNS = ("Guid", "Note type", "Deck")
"""Columns before the note's fields, in the order Anki's own "Notes in Plain Text" export uses."""
TRAILING_COLUMNS = ("Tags",)


def anki_csv_files(notes: Iterable[AnkiNote]) -> tuple[Output, ...]:
    """``csv/anki/<note type key>.csv`` for every note type, in notes order; a type without notes
    still gets its file (headers only), so a rebuild never leaves an earlier build's rows behind."""
    grouped: dict[str, list[AnkiNote]] = {note_type.key: [] for note_type in NOTE_TYPES}
    for note in notes:
        grouped[note.note_type.key].append(note)
    return tuple(
        Output(FOLDER / f"{note_type.key}.csv", anki_csv(note_type, grouped[note_type.key]))
        for note_type in NOTE_TYPES
    )


def media_files(pictures: Iterable[Picture]) -> tuple[Output, ...]:
    """``csv/anki/media/<name>`` for each picture the rows show (Anki's text import brings no media)."""
    return tuple(Output(MEDIA_FOLDER / picture.name, picture.data) for picture in pictures)


def anki_csv(note_type: NoteType, notes: Sequence[AnkiNote]) -> bytes:
    """One text-import file: header lines, then one fully quoted row per note."""
    stream = io.StringIO(newline="")
    stream.writelines(f"#{key}:{value}\n" for key, value in header_lines(note_type))
    writer = csv.writer(stream, delimiter=DELIMITER, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerows(_row(note_type, note) for note in notes)
    return stream.getvalue().encode("utf-8")


def header_lines(note_type: NoteType) -> tuple[tuple[str, str], ...]:
    """Anki's ``#key:value`` headers; column numbers are 1-based, the update rule is Anki's default."""
    columns = column_names(note_type)
    return (
        ("separator", "Comma"),
        ("html", "true"),
        ("guid column", str(columns.index("Guid") + 1)),
        ("notetype column", str(columns.index("Note type") + 1)),
        ("deck column", str(columns.index("Deck") + 1)),
        ("tags column", str(columns.index("Tags") + 1)),
        ("if matches", "update current"),
        ("match scope", "notetype"),
        ("columns", DELIMITER.join(columns)),
    )


def column_names(note_type: NoteType) -> tuple[str, ...]:
    """Every column's label; the note type's field names sit between the GUID/type/deck and the tags."""
    return (*LEADING_COLUMNS, *note_type.fields, *TRAILING_COLUMNS)


def _row(note_type: NoteType, note: AnkiNote) -> tuple[str, ...]:
    if note.note_type != note_type:
        raise ValueError(f"note {note.id} is a {note.note_type.name}, not a {note_type.name}")
    return (note.guid, note_type.name, note.deck, *note.fields, " ".join(note.tags))
