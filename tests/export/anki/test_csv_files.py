"""Anki text-import files, read by Python's csv module and imported by the real Anki library.

What must hold: the files carry the .apkg's GUIDs, note types, decks, tags and field HTML; a GUID
starting with ``#`` is data, never a comment; importing them next to the .apkg (in either order)
neither adds nor duplicates a note; and a collection that lacks our note types gets nothing at all,
rather than Basic notes that would block every later .apkg update.
"""

from __future__ import annotations

import csv
import io
import itertools
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

import pytest
from anki.import_export_pb2 import ImportCsvRequest, ImportResponse
from hypothesis import given, settings
from hypothesis import strategies as st

from ccpkit.export import ExportOptions, NoteIdentity
from ccpkit.export.anki.csv_files import anki_csv, anki_csv_files, column_names
from ccpkit.export.anki.notes import AnkiNote, anki_notes
from ccpkit.export.anki.notetypes import COMPARISON, MULTIPLE_CHOICE, TERM
from ccpkit.export.formats import export
from ccpkit.model import Card, Deck, Module, SourceLocation
from tests.conftest import REPO
from tests.export.anki.student import Student

if TYPE_CHECKING:  # importing anki.notes before anki.collection is a circular import
    from anki.notes import Note

HASH_GUID = "#x<y&z!1"
"""A GUID Anki's reader would take for a comment line if the row were not quoted."""
IDENTITIES = {"02-compute/card/ec2": NoteIdentity(HASH_GUID, 1_700_000_000)}
TRICKY_FRONT = '#2 "quoted", comma'
TRICKY_BACK = "line one\r\n#not a comment, tab\there; emoji 🎯 ⌚; 5 < 6 & 7 > 3; 'single' \"double\""
FIELD_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\t\n"))
"""Any text a rendered field can hold: no control characters but TAB and LF. (Anki's text import drops
CR; our HTML never holds one, as markdown-it turns every line end into LF.)"""


def split_file(data: bytes) -> tuple[list[str], str]:
    """The leading ``#key:value`` header lines, and the CSV after them (where a line may start with #)."""
    lines = data.decode("utf-8").splitlines(keepends=True)
    count = next((index for index, line in enumerate(lines) if not line.startswith("#")), len(lines))
    return [line.rstrip("\n") for line in lines[:count]], "".join(lines[count:])


def notes_in_file(data: bytes) -> list[list[str]]:
    """The data rows, read with Python's csv module."""
    return list(csv.reader(io.StringIO(split_file(data)[1], newline="")))


def headers_of(data: bytes) -> dict[str, str]:
    parts = (line[1:].partition(":") for line in split_file(data)[0])
    return {key: value for key, _, value in parts}


def write_csv(deck: Deck, folder: Path, identities: Mapping[str, NoteIdentity] = IDENTITIES) -> list[Path]:
    """The files a student imports: those with rows (Anki refuses a file of header lines as empty)."""
    folder.mkdir(exist_ok=True)
    paths = []
    for output in anki_csv_files(anki_notes(deck, identities)):
        path = folder / output.path.name
        path.write_bytes(output.data)
        if notes_in_file(output.data):
            paths.append(path)
    return paths


def write_apkg(deck: Deck, folder: Path, identities: Mapping[str, NoteIdentity] = IDENTITIES) -> Path:
    exported = export("anki", deck, ExportOptions(templates=REPO / "templates", identities=identities))
    path = folder / "deck.apkg"
    path.write_bytes(exported.outputs[0].data)
    return path


def import_csv(student: Student, paths: list[Path]) -> ImportResponse.Log:
    """Import each file as Anki's import dialog would, with the options its header lines set."""
    merged = ImportResponse.Log()
    for path in paths:
        metadata = student.collection.get_csv_metadata(str(path), None)
        merged.MergeFrom(
            student.collection.import_csv(ImportCsvRequest(path=str(path), metadata=metadata)).log
        )
    return merged


def snapshot(student: Student) -> list[tuple[object, ...]]:
    """Each note as Anki holds it: GUID, note type, fields, tags and its cards' decks."""
    return sorted(
        (
            note.guid,
            note_type_name(note),
            tuple(note.fields),
            tuple(sorted(note.tags)),
            tuple(sorted(student.collection.decks.name(card.did) for card in note.cards())),
        )
        for note in student.notes()
    )


def note_type_name(note: Note) -> str:
    note_type = note.note_type()
    assert note_type is not None
    return str(note_type["name"])


@pytest.fixture
def student(tmp_path: Path) -> Iterator[Student]:
    student = Student.with_fresh_collection(tmp_path)
    yield student
    student.close()


@pytest.fixture
def with_apkg(student: Student, deck: Deck, tmp_path: Path) -> Student:
    """A student who imported the .apkg: our note types and notes are in the collection."""
    log = student.import_package(write_apkg(deck, tmp_path))
    assert len(log.new) == len(anki_notes(deck))
    return student


def test_one_file_per_note_type_even_without_notes(deck: Deck) -> None:
    no_questions = replace(deck, modules=deck.modules[:1])
    files = {output.path: output.data for output in anki_csv_files(anki_notes(no_questions))}
    assert set(files) == {
        PurePosixPath(f"csv/anki/{key}.csv") for key in ("term", "comparison", "mcq", "cloze")
    }
    assert notes_in_file(files[PurePosixPath("csv/anki/mcq.csv")]) == []
    assert len(notes_in_file(files[PurePosixPath("csv/anki/comparison.csv")])) == 3


def test_header_lines_tell_anki_the_separator_html_and_the_meta_columns(deck: Deck) -> None:
    data = anki_csv(TERM, [note for note in anki_notes(deck) if note.note_type == TERM])
    assert data.decode("utf-8").split("\n")[:9] == [
        "#separator:Comma",
        "#html:true",
        "#guid column:1",
        "#notetype column:2",
        "#deck column:3",
        "#tags column:8",
        "#if matches:update current",
        "#match scope:notetype",
        "#columns:Guid,Note type,Deck,Term,Definition,Context,Id,Tags",
    ]
    for note_type in (COMPARISON, MULTIPLE_CHOICE):
        headers = headers_of(anki_csv(note_type, []))
        assert headers["tags column"] == str(len(note_type.fields) + 4)
        assert headers["columns"].split(",") == list(column_names(note_type))


def test_every_row_is_quoted_so_a_guid_starting_with_hash_is_not_a_comment(deck: Deck) -> None:
    data = anki_csv(TERM, [note for note in anki_notes(deck, IDENTITIES) if note.note_type == TERM])
    first_row = data.decode("utf-8").split("\n")[9]
    assert first_row.startswith(f'"{HASH_GUID}","ccpkit Term v1",')
    assert notes_in_file(data)[0][0] == HASH_GUID


def test_rows_carry_the_apkg_notes_guid_type_deck_fields_and_tags(deck: Deck) -> None:
    notes = anki_notes(deck, IDENTITIES)
    for output in anki_csv_files(notes):
        expected = [
            [note.guid, note.note_type.name, note.deck, *note.fields, " ".join(note.tags)]
            for note in notes
            if f"{note.note_type.key}.csv" == output.path.name
        ]
        assert notes_in_file(output.data) == expected
    assert sum(len(notes_in_file(output.data)) for output in anki_csv_files(notes)) == len(notes) == 8


def test_a_note_of_another_type_is_refused(deck: Deck) -> None:
    (question, *_) = [note for note in anki_notes(deck) if note.note_type == MULTIPLE_CHOICE]
    with pytest.raises(ValueError, match="ccpkit MCQ v1, not a ccpkit Term v1"):
        anki_csv(TERM, [question])


def test_anki_imports_nothing_into_a_collection_without_our_note_types(
    student: Student, deck: Deck, tmp_path: Path
) -> None:
    log = import_csv(student, write_csv(deck, tmp_path / "csv"))
    assert len(log.missing_notetype) == len(anki_notes(deck))
    assert len(log.new) == 0 and list(student.notes()) == []


def test_a_notetype_header_instead_of_a_column_would_make_basic_notes_that_block_the_apkg(
    student: Student, deck: Deck, tmp_path: Path
) -> None:
    """Why the files name the note type per row: Anki's silent fallback, shown on a hand-made file."""
    path = tmp_path / "header.csv"
    path.write_text(
        f'#separator:Comma\n#html:true\n#notetype:ccpkit Term v1\n#guid column:1\n"{HASH_GUID}","EC2","x"\n'
    )
    log = import_csv(student, [path])
    assert len(log.new) == 1
    assert [note_type_name(note) for note in student.notes()] == ["Basic"]

    log = student.import_package(write_apkg(deck, tmp_path))
    assert len(log.conflicting) == 1  # the .apkg's EC2 note (same GUID) is refused, never updated
    assert [note_type_name(note) for note in student.notes() if note.guid == HASH_GUID] == ["Basic"]


def test_csv_gives_the_same_notes_as_the_apkg_once_our_note_types_exist(
    with_apkg: Student, deck: Deck, tmp_path: Path
) -> None:
    from_apkg = snapshot(with_apkg)
    with_apkg.collection.remove_notes(list(with_apkg.collection.find_notes("")))
    assert list(with_apkg.notes()) == []

    log = import_csv(with_apkg, write_csv(deck, tmp_path / "csv"))
    assert len(log.new) == len(from_apkg) == 8
    assert snapshot(with_apkg) == from_apkg
    assert HASH_GUID in {note[0] for note in from_apkg}


def test_csv_after_the_apkg_adds_nothing_and_duplicates_nothing(
    with_apkg: Student, deck: Deck, tmp_path: Path
) -> None:
    before = snapshot(with_apkg)
    log = import_csv(with_apkg, write_csv(deck, tmp_path / "csv"))
    assert len(log.new) == len(log.updated) == len(log.conflicting) == 0
    assert len(log.duplicate) == len(before)  # Anki's word for "found, already the same"
    assert snapshot(with_apkg) == before


def test_an_edited_note_updates_in_place_keeping_reviews_and_the_deck_the_student_chose(
    with_apkg: Student, deck: Deck, tmp_path: Path
) -> None:
    with_apkg.study_everything()
    (card,) = with_apkg.note("02-compute/card/ec2").cards()
    own_deck = with_apkg.collection.decks.id("My own deck")
    assert own_deck is not None
    card.did = own_deck
    with_apkg.collection.update_card(card)
    edited = edit_card(deck, "02-compute/card/ec2", back="Virtual servers, **now edited**")

    log = import_csv(with_apkg, write_csv(edited, tmp_path / "csv"))
    assert (len(log.new), len(log.updated), len(log.duplicate)) == (0, 1, 7)
    note = with_apkg.note("02-compute/card/ec2")
    assert note.id == card.nid and note["Definition"] == "Virtual servers, <strong>now edited</strong>"
    assert with_apkg.reviews_of(note) == 1
    assert [with_apkg.collection.decks.name(moved.did) for moved in note.cards()] == ["My own deck"]

    log = with_apkg.import_package(write_apkg(edited, tmp_path))
    assert len(log.new) == 0 and len(list(with_apkg.notes())) == 8


def test_unlike_the_apkg_the_csv_replaces_the_students_own_edit_of_a_note(
    with_apkg: Student, deck: Deck, tmp_path: Path
) -> None:
    with_apkg.edit("02-compute/card/ec2", "Definition", "my own mnemonic")
    with_apkg.import_package(write_apkg(deck, tmp_path))
    assert with_apkg.note("02-compute/card/ec2")["Definition"] == "my own mnemonic"

    log = import_csv(with_apkg, write_csv(deck, tmp_path / "csv"))
    assert len(log.updated) == 1
    assert "my own mnemonic" not in with_apkg.note("02-compute/card/ec2")["Definition"]


def test_tricky_cells_reach_anki_exactly_as_rendered(with_apkg: Student, deck: Deck, tmp_path: Path) -> None:
    tricky = add_card(deck, front=TRICKY_FRONT, back=TRICKY_BACK)
    identities = {**IDENTITIES, "09-security/card/tricky": NoteIdentity("#tricky\tguid", 0)}
    rendered = note_with_id(anki_notes(tricky, identities), "09-security/card/tricky")

    paths = write_csv(tricky, tmp_path / "csv", identities)
    assert "\n#not a comment" in paths[0].read_text(encoding="utf-8")  # a line inside a quoted field
    assert notes_in_file(paths[0].read_bytes())[-1][3:5] == list(rendered.fields[:2])
    log = import_csv(with_apkg, paths)
    assert (len(log.new), len(log.duplicate)) == (1, 8)
    note = with_apkg.note("09-security/card/tricky")
    assert note.guid == "#tricky\tguid"
    assert tuple(note.fields) == rendered.fields
    assert "\n#not a comment, tab\there" in note["Definition"] and "5 &lt; 6 &amp; 7" in note["Definition"]
    assert note["Term"] == "#2 &quot;quoted&quot;, comma"


def test_any_field_text_and_hash_guid_reach_anki_unchanged(
    deck: Deck, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("anki")
    student = Student.with_fresh_collection(folder)
    student.import_package(write_apkg(deck, folder))
    template = next(note for note in anki_notes(deck) if note.note_type == TERM)
    numbers = itertools.count()

    @settings(max_examples=100, deadline=None)
    @given(st.tuples(FIELD_TEXT.filter(str.strip), FIELD_TEXT, FIELD_TEXT, FIELD_TEXT))
    def survives(fields: tuple[str, str, str, str]) -> None:
        note = replace(template, guid=f"#{next(numbers)}", fields=fields)
        path = folder / "note.csv"
        path.write_bytes(anki_csv(TERM, [note]))
        (new,) = import_csv(student, [path]).new
        imported = student.collection.get_note(new.id.nid)
        assert imported.guid == note.guid
        assert imported.fields == [unicodedata.normalize("NFC", field) for field in fields]  # Anki's NFC

    try:
        survives()
    finally:
        student.close()


def edit_card(deck: Deck, item_id: str, *, back: str) -> Deck:
    def edited(module: Module) -> Module:
        items = tuple(
            replace(item, back=back) if isinstance(item, Card) and item.id == item_id else item
            for item in module.items
        )
        return replace(module, items=items)

    return replace(deck, modules=tuple(edited(module) for module in deck.modules))


def add_card(deck: Deck, *, front: str, back: str) -> Deck:
    at = SourceLocation("09-security/cram-sheet.md", 20)
    card = Card(id="09-security/card/tricky", module="09-security", source=at, front=front, back=back)
    last = deck.modules[-1]
    return replace(deck, modules=(*deck.modules[:-1], replace(last, items=(*last.items, card))))


def note_with_id(notes: tuple[AnkiNote, ...], note_id: str) -> AnkiNote:
    (note,) = [note for note in notes if note.id == note_id]
    return note
