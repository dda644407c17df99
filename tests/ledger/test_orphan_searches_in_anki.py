"""An orphan's search, pasted into a real Anki collection, finds its note wherever the student moved
its cards (a deck of their own at any level, a subdeck of the course's), and never another course's
live note of the same id, in that course's decks or in a course nested under this one's deck."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ccpkit.build import build
from ccpkit.export import ExportOptions
from ccpkit.orphans import find_orphans
from tests.conftest import REPO
from tests.export.anki.student import Student
from tests.export.anki.test_two_courses import EC2, FIXTURE, course

OURS = "Solutions Architect"
EC2_LINE = "- **EC2 (Elastic Compute Cloud):**"


@pytest.mark.parametrize(
    "moved_to",
    [
        "Mine::Hard",
        "Mine::Cloud::Hard",
        "Hard cards",
        f"{OURS}::Hard",
        f"{OURS}::02 Compute in the Cloud::Hard",
        "",
    ],
)
def test_an_orphans_search_finds_its_note_where_the_student_moved_it_and_not_the_other_courses(
    tmp_path: Path, moved_to: str
) -> None:
    student = Student.with_fresh_collection(tmp_path)
    try:
        student.import_package(course(tmp_path / "ccp", "Cloud Practitioner", "Virtual servers."))
        student.import_package(course(tmp_path / "saa", OURS, "Virtual servers."))
        if moved_to:
            student.collection.set_deck([_our_ec2_card(student)], student.collection.decks.id(moved_to))

        search = _orphaned_ec2_search(tmp_path / "saa")
        found = [student.collection.get_note(note_id) for note_id in student.collection.find_notes(search)]

        assert [note["Id"] for note in found] == [EC2]
        assert student.decks_of(found[0]) == {moved_to or f"{OURS}::02 Compute in the Cloud"}
    finally:
        student.close()


def test_an_orphans_search_leaves_a_course_nested_under_its_deck_alone(tmp_path: Path) -> None:
    """Another course filed under ours (``[course] deck = "<ours>::Advanced"``) holds a live EC2 too."""
    student = Student.with_fresh_collection(tmp_path)
    try:
        student.import_package(course(tmp_path / "saa", OURS, "Virtual servers."))
        nested = _nested_course(tmp_path / "adv", f"{OURS}::Advanced")
        student.import_package(nested)
        student.collection.set_deck([_our_ec2_card(student)], student.collection.decks.id("Mine::Hard"))

        search = _orphaned_ec2_search(tmp_path / "saa")
        found = [student.collection.get_note(note_id) for note_id in student.collection.find_notes(search)]

        assert [student.decks_of(note) for note in found] == [{"Mine::Hard"}]
    finally:
        student.close()


def _our_ec2_card(student: Student) -> int:
    """The id of the EC2 card in our course's module deck."""
    [card] = [
        card
        for card in student.cards()
        if card.note()["Id"] == EC2 and student.collection.decks.name(card.did).startswith(f"{OURS}::02")
    ]
    return card.id


def _orphaned_ec2_search(root: Path) -> str:
    """EC2 removed from the course's notes at ``root`` and built: the search ``find_orphans`` gives."""
    notes = root / "notes"
    cram = notes / "02-compute" / "cram-sheet.md"
    text = cram.read_text(encoding="utf-8")
    start = text.index(EC2_LINE)
    cram.write_text(text[:start] + text[text.index("\n", start) + 1 :], encoding="utf-8")
    options = ExportOptions(templates=REPO / "templates")
    build(notes, root / "build", formats=("anki",), options=options, title=OURS)
    [orphan] = find_orphans(notes).listed
    assert orphan.id == EC2
    return orphan.search.search


def _nested_course(root: Path, deck: str) -> Path:
    """The fixture course ``Advanced`` filed under the deck ``deck``; built, its package path."""
    shutil.copytree(FIXTURE, root / "notes")
    options = ExportOptions(templates=REPO / "templates", deck_name=deck)
    build(root / "notes", root / "build", formats=("anki",), options=options, title="Advanced")
    return next((root / "build").glob("anki/*.apkg"))
