"""The real course (``source_notes/``) through a real Anki collection: renders cleanly, rebuilds stably."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ccpkit.build import build
from ccpkit.export import ExportOptions
from ccpkit.ledger import LEDGER_NAME
from tests.conftest import COURSE_TITLE, REPO
from tests.export.anki.student import Student, visible_text
from tests.export.anki.test_anki_export import MARKDOWN_LEFTOVERS

NOTES = REPO / "source_notes"
PACKAGE = "anki/aws-certified-cloud-practitioner.apkg"
FIRST_BUILD = 1_700_000_000


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    """A copy of the course notes (and their committed ledger, if any), so the repository is untouched."""
    if not NOTES.is_dir():
        pytest.fail(f"the course notes are missing: expected them at {NOTES}")
    return Path(shutil.copytree(NOTES, tmp_path / "notes"))


@pytest.fixture
def student(tmp_path: Path) -> Iterator[Student]:
    student = Student.with_fresh_collection(tmp_path)
    yield student
    student.close()


def build_at(notes: Path, out: Path, at: int) -> None:
    options = ExportOptions(templates=REPO / "templates")
    build(notes, out, formats=("anki",), options=options, title=COURSE_TITLE, clock=lambda: at)


@pytest.mark.slow
def test_whole_course_imports_and_every_card_reads_cleanly(
    notes: Path, tmp_path: Path, student: Student
) -> None:
    build_at(notes, tmp_path / "build", FIRST_BUILD)
    log = student.import_package(tmp_path / "build" / PACKAGE)
    assert len(log.conflicting) == 0 and len(log.new) + len(log.updated) > 1_000
    names = {note.note_type()["name"] for note in student.notes()}
    assert names == {"ccpkit Term v1", "ccpkit Comparison v1", "ccpkit MCQ v1"}
    for card in student.cards():
        question, answer = visible_text(card.question()), visible_text(card.answer())
        assert question and answer, card.note()["Id"]
        assert not MARKDOWN_LEFTOVERS.search(question + " " + answer), card.note()["Id"]


@pytest.mark.slow
def test_rebuilding_unchanged_notes_changes_nothing_in_anki(
    notes: Path, tmp_path: Path, student: Student
) -> None:
    out = tmp_path / "build"
    build_at(notes, out, FIRST_BUILD)
    student.import_package(out / PACKAGE)
    student.study_everything()
    package, ledger = (out / PACKAGE).read_bytes(), (notes / LEDGER_NAME).read_bytes()
    build_at(notes, out, FIRST_BUILD + 86_400)
    assert (out / PACKAGE).read_bytes() == package and (notes / LEDGER_NAME).read_bytes() == ledger
    log = student.import_package(out / PACKAGE)
    assert (len(log.new), len(log.updated), len(log.conflicting)) == (0, 0, 0)


@pytest.mark.slow
def test_a_new_title_a_renamed_folder_and_heading_keep_every_students_edit_and_tag(
    notes: Path, tmp_path: Path, student: Student
) -> None:
    """The three changes that used to rewrite 1,199, 92 and 3 notes of the course now rewrite none.

    (A heading that qualifies an alike front, ``Public Subnet · VPC Basics``, is part of that front:
    renaming it re-sends those cards, so the renamed heading here is one that qualifies none.)"""
    out, title = tmp_path / "build", "Cloud Practitioner Prep"
    build_at(notes, out, FIRST_BUILD)
    student.import_package(out / PACKAGE)
    student.study_everything()
    for note in student.notes():
        student.annotate(note, " (my own mnemonic)")
    before = {note.id: (note.fields, note.tags) for note in student.notes()}
    (notes / "05-networking").rename(notes / "05-networking-basics")
    cram_sheet = notes / "05-networking-basics" / "cram-sheet.md"
    cram_sheet.write_text(
        cram_sheet.read_text(encoding="utf-8").replace("## Global Traffic", "## Global traffic")
    )
    options = ExportOptions(templates=REPO / "templates")
    report = build(
        notes, out, formats=("anki",), options=options, title=title, clock=lambda: int(time.time()) + 60
    )
    log = student.import_package(out / "anki" / "cloud-practitioner-prep.apkg")
    assert report.changes is not None and report.changes.updated == report.changes.added == ()
    assert len(report.changes.renamed) > 0 and len(report.changes.moved) == len(before)
    assert (len(log.new), len(log.updated), len(log.conflicting), len(log.duplicate)) == (
        0,
        0,
        0,
        len(before),
    )
    assert {note.id: (note.fields, note.tags) for note in student.notes()} == before
