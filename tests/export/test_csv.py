"""The CSV exporter: what it writes, and that a real build gives Anki CSVs and a .apkg that agree."""

from __future__ import annotations

import csv
import io
import shutil
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

import pytest

from ccpkit.build import build
from ccpkit.export import ExportOptions, NoteIdentity
from ccpkit.export.anki.notes import anki_notes
from ccpkit.export.formats import export
from ccpkit.export.spreadsheet import restore
from ccpkit.markup import to_text
from ccpkit.model import Deck
from ccpkit.parse import parse_notes
from tests.conftest import COURSE_TITLE, REPO
from tests.export.anki.student import Student
from tests.export.anki.test_csv_files import import_csv, notes_in_file, snapshot

TEMPLATES = REPO / "templates"
NOTES = REPO / "source_notes"
PACKAGE = "anki/aws-certified-cloud-practitioner.apkg"


def test_writes_anki_files_per_note_type_and_the_plain_files(deck: Deck) -> None:
    exported = export("csv", deck, ExportOptions(templates=TEMPLATES))
    assert [str(output.path) for output in exported.outputs] == [
        "csv/anki/term.csv",
        "csv/anki/comparison.csv",
        "csv/anki/mcq.csv",
        "csv/anki/cloze.csv",
        "csv/cards.csv",
        "csv/mcqs.csv",
        "csv/clozes.csv",
        "csv/tables/02-compute--table--ec2-pricing.csv",
    ]
    assert exported.problems == ()


def test_anki_rows_take_their_guids_from_the_ledgers_identities(deck: Deck) -> None:
    identities = {
        note.id: NoteIdentity(f"guid-{number}", 1_700_000_000) for number, note in enumerate(anki_notes(deck))
    }
    exported = export("csv", deck, ExportOptions(templates=TEMPLATES, identities=identities))
    files = {output.path: output.data for output in exported.outputs}
    guids = [row[0] for key in ("term", "comparison", "mcq") for row in rows(files, f"csv/anki/{key}.csv")]
    assert sorted(guids) == sorted(identity.guid for identity in identities.values())


def rows(files: dict[PurePosixPath, bytes], path: str) -> list[list[str]]:
    return notes_in_file(files[PurePosixPath(path)])


@pytest.fixture
def built(tmp_path: Path) -> Path:
    """The real course built into ``build/`` with both Anki formats, as ``ccpkit build`` does."""
    if not NOTES.is_dir():
        pytest.fail(f"the course notes are missing: expected them at {NOTES}")
    notes = Path(shutil.copytree(NOTES, tmp_path / "notes"))
    out = tmp_path / "build"
    options = ExportOptions(templates=TEMPLATES)
    build(
        notes, out, formats=("anki", "csv"), options=options, title=COURSE_TITLE, clock=lambda: 1_700_000_000
    )
    return out


@pytest.fixture
def student(tmp_path: Path) -> Iterator[Student]:
    student = Student.with_fresh_collection(tmp_path)
    yield student
    student.close()


def anki_files(out: Path) -> list[Path]:
    """The files a student imports: those with rows (Anki refuses one of header lines as empty)."""
    return [path for path in sorted((out / "csv" / "anki").glob("*.csv")) if notes_in_file(path.read_bytes())]


@pytest.mark.slow
def test_real_course_csv_carries_exactly_the_apkgs_guids(built: Path) -> None:
    with zipfile.ZipFile(built / PACKAGE) as package:
        database = built / "collection.anki2"
        database.write_bytes(package.read("collection.anki2"))
    with sqlite3.connect(database) as connection:
        apkg_guids = sorted(guid for (guid,) in connection.execute("select guid from notes"))
    csv_guids = sorted(row[0] for path in anki_files(built) for row in notes_in_file(path.read_bytes()))
    assert csv_guids == apkg_guids and len(csv_guids) > 1_000


@pytest.mark.slow
def test_real_course_csv_next_to_the_apkg_adds_nothing_and_alone_gives_the_same_notes(
    built: Path, student: Student
) -> None:
    log = student.import_package(built / PACKAGE)
    from_apkg = snapshot(student)
    assert len(log.new) == len(from_apkg)

    log = import_csv(student, anki_files(built))
    assert len(log.new) == len(log.updated) == len(log.conflicting) == len(log.missing_notetype) == 0
    assert len(log.duplicate) == len(from_apkg)

    student.collection.remove_notes(list(student.collection.find_notes("")))
    log = import_csv(student, anki_files(built))
    assert len(log.new) == len(from_apkg)
    assert snapshot(student) == from_apkg


@pytest.mark.slow
def test_real_course_plain_files_read_back_as_the_models_text(built: Path) -> None:
    deck = parse_notes(built.parent / "notes").deck
    header, *data = read_plain(built / "csv" / "cards.csv")
    assert header == ["term", "definition", "module", "tags", "id", "section"]
    assert [[restore(cell) for cell in row[:5]] for row in data] == [
        [to_text(card.prompt), to_text(card.back), card.module, " ".join(card.tags), card.id]
        for card in deck.cards
    ]
    assert len(data) > 100
    assert len(read_plain(built / "csv" / "mcqs.csv")) == 1 + len(deck.mcqs)
    assert len(list((built / "csv" / "tables").glob("*.csv"))) == len(deck.tables)


def read_plain(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
