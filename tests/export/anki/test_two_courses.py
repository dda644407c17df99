"""Two courses in one Anki collection, as a student who passes one exam and starts the next keeps
them: both have a module ``02-compute`` with a term ``EC2``, so the same ids. Each course's
notes must stay its own: importing the second course adds its notes and touches none of the first's."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from anki.cards import Card
from click.testing import CliRunner

from ccpkit.build import build
from ccpkit.cli import cli
from ccpkit.export import ExportOptions
from ccpkit.export.anki.notes import default_guid
from ccpkit.ledger import LEDGER_NAME, load_ledger
from ccpkit.ledger.storage import dump_ledger
from tests.conftest import REPO
from tests.export.anki.student import Student

FIXTURE = Path(__file__).parent / "fixtures" / "notes"
EC2 = "02-compute/card/ec2-elastic-compute-cloud"


def course(root: Path, title: str, definition: str) -> Path:
    """The fixture notes under ``title``, with EC2 defined as ``definition``; built, its package path."""
    notes, out = root / "notes", root / "build"
    shutil.copytree(FIXTURE, notes)
    cram = notes / "02-compute" / "cram-sheet.md"
    text = cram.read_text(encoding="utf-8")
    start = text.index("- **EC2 (Elastic Compute Cloud):**")
    end = text.index("\n", start)
    cram.write_text(
        f"{text[:start]}- **EC2 (Elastic Compute Cloud):** {definition}{text[end:]}", encoding="utf-8"
    )
    options = ExportOptions(templates=REPO / "templates")
    build(notes, out, formats=("anki",), options=options, title=title, clock=lambda: 1_700_000_000)
    return next(out.glob("anki/*.apkg"))


def test_a_second_course_with_the_same_ids_adds_its_notes_and_leaves_the_first_ones_alone(
    tmp_path: Path,
) -> None:
    first = course(tmp_path / "ccp", "Cloud Practitioner", "Virtual servers, as the first exam asks.")
    second = course(tmp_path / "saa", "Solutions Architect", "Virtual servers, as the second exam asks.")
    student = Student.with_fresh_collection(tmp_path)
    try:
        student.import_package(first)
        studied = student.study_everything()
        before = {note.guid: tuple(note.fields) for note in student.notes()}

        log = student.import_package(second)

        assert (len(log.updated), len(log.duplicate)) == (0, 0)
        assert len(log.new) == len(before)
        after = {note.guid: tuple(note.fields) for note in student.notes()}
        assert {guid: after[guid] for guid in before} == before  # the first course's text, untouched
        assert sum(student.reviews_of(note) for note in student.notes()) == studied
        ec2 = [note for note in student.notes() if note["Id"] == EC2]
        assert sorted(note["Definition"] for note in ec2) == [
            "Virtual servers, as the first exam asks.",
            "Virtual servers, as the second exam asks.",
        ]
    finally:
        student.close()


def test_a_new_ledger_names_its_course_and_an_older_one_keeps_its_guids(tmp_path: Path) -> None:
    course(tmp_path / "new", "Cloud Practitioner", "Virtual servers.")
    started = tmp_path / "new" / "notes" / LEDGER_NAME
    assert started.read_text(encoding="utf-8").splitlines()[0] == (
        '{"ccpkit ledger": 2, "guid scope": "Cloud Practitioner"}'
    )
    assert load_ledger(started).guid_scope == "Cloud Practitioner"

    notes = tmp_path / "old" / "notes"  # a ledger started before courses scoped GUIDs: ids alone
    shutil.copytree(FIXTURE, notes)
    older = load_ledger(started)
    (notes / LEDGER_NAME).write_bytes(dump_ledger(replace(older, guid_scope="")))
    (notes / "02-compute" / "cram-sheet.md").write_text(
        (notes / "02-compute" / "cram-sheet.md").read_text(encoding="utf-8")
        + "\n- **AWS Batch:** Runs batch jobs.\n",
        encoding="utf-8",
    )
    options = ExportOptions(templates=REPO / "templates")
    build(notes, tmp_path / "old" / "build", formats=("anki",), options=options, title="Cloud Practitioner")
    kept = load_ledger(notes / LEDGER_NAME)
    assert kept.guid_scope == ""
    assert {key: entry.guid for key, entry in kept.notes.items() if key in older.notes} == {
        key: entry.guid for key, entry in older.notes.items()
    }
    assert kept.notes["02-compute/card/aws-batch"].guid == default_guid("02-compute/card/aws-batch")


def test_an_orphans_search_finds_its_own_course_note_not_the_other_courses_live_one(tmp_path: Path) -> None:
    student = Student.with_fresh_collection(tmp_path)
    try:
        search = ec2_orphaned_in_the_second_course(tmp_path, student)

        found = [student.collection.get_note(note_id) for note_id in student.collection.find_notes(search)]

        assert [note["Id"] for note in found] == [EC2]  # the other course's live EC2 is not found
        decks = {student.collection.decks.name(card.did) for card in found[0].cards()}
        assert decks == {"Solutions Architect::02 Compute in the Cloud"}
    finally:
        student.close()


def test_an_orphans_search_finds_its_note_moved_to_a_deck_of_the_students_own_not_the_other_courses(
    tmp_path: Path,
) -> None:
    """The student moved the second course's EC2 card into their own deck before its item left the
    notes: the search still finds it there, and still not the first course's live EC2 of the same id."""
    student = Student.with_fresh_collection(tmp_path)
    try:
        search = ec2_orphaned_in_the_second_course(tmp_path, student, moved_to="Hard cards")

        found = [student.collection.get_note(note_id) for note_id in student.collection.find_notes(search)]

        assert [note["Id"] for note in found] == [EC2]
        assert student.decks_of(found[0]) == {"Hard cards"}
    finally:
        student.close()


def ec2_orphaned_in_the_second_course(tmp_path: Path, student: Student, moved_to: str = "") -> str:
    """Both courses imported (the second's EC2 card moved to the deck ``moved_to``, if given), then EC2
    removed from the second course's notes and built: the search ``ccpkit orphans`` gives for it."""
    student.import_package(course(tmp_path / "ccp", "Cloud Practitioner", "Virtual servers."))
    student.import_package(course(tmp_path / "saa", "Solutions Architect", "Virtual servers."))
    if moved_to:
        [card] = [
            card
            for card in student.cards()
            if card.note()["Id"] == EC2 and "Solutions" in deck(student, card)
        ]
        student.collection.set_deck([card.id], student.collection.decks.id(moved_to))
    cram = tmp_path / "saa" / "notes" / "02-compute" / "cram-sheet.md"
    text = cram.read_text(encoding="utf-8")
    start = text.index("- **EC2 (Elastic Compute Cloud):**")
    cram.write_text(text[:start] + text[text.index("\n", start) + 1 :], encoding="utf-8")
    options = ExportOptions(templates=REPO / "templates")
    notes = tmp_path / "saa" / "notes"
    report = build(
        notes, tmp_path / "saa" / "build", formats=("anki",), options=options, title="Solutions Architect"
    )
    assert report.changes is not None and report.changes.orphaned == (EC2,)
    listed = CliRunner().invoke(cli, ["orphans", "--notes", str(notes)]).output
    search = listed.split("(find it in Anki: ", 1)[1].rsplit(")", 1)[0]
    assert search in report.summary()
    return search


def deck(student: Student, card: Card) -> str:
    return student.collection.decks.name(card.did)
