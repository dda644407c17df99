"""The real course (``source_notes/``), built and imported into a real Anki collection: every card a
student meets is worth studying — no link-table filler, no two fronts alike with different answers."""

from __future__ import annotations

import shutil
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

from ccpkit.build import build
from ccpkit.export import ExportOptions
from ccpkit.export.anki.notes import card_problems
from ccpkit.parse import parse_notes
from tests.conftest import COURSE_TITLE, REPO
from tests.export.anki.student import Student, visible_text

NOTES = REPO / "source_notes"
PACKAGE = "anki/aws-certified-cloud-practitioner.apkg"


@pytest.fixture(scope="module")
def student(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Student]:
    """A student who imported the course's package, built from a copy of the notes."""
    folder = tmp_path_factory.mktemp("real-course")
    notes = Path(shutil.copytree(NOTES, folder / "notes"))
    options = ExportOptions(templates=REPO / "templates")
    build(notes, folder / "build", formats=("anki",), options=options, title=COURSE_TITLE)
    student = Student.with_fresh_collection(folder)
    student.import_package(folder / "build" / PACKAGE)
    yield student
    student.close()


@pytest.mark.slow
def test_no_link_table_filler_by_default(student: Student) -> None:
    ids = [note["Id"] for note in student.notes()]
    assert ids and not [note_id for note_id in ids if "/table/resources/" in note_id]


@pytest.mark.slow
def test_no_two_term_fronts_read_alike_with_different_answers(student: Student) -> None:
    answers: dict[str, set[str]] = defaultdict(set)
    for note in student.notes():
        if note.note_type()["name"] == "ccpkit Term v1":  # type: ignore[index]
            answers[visible_text(note["Term"]).casefold()].add(visible_text(note["Definition"]))
    assert {front: backs for front, backs in answers.items() if len(backs) > 1} == {}


@pytest.mark.slow
def test_the_four_storage_cards_read_apart(student: Student) -> None:
    fronts = [visible_text(note["Term"]) for note in student.notes() if note["Id"].endswith("/card/storage")]
    assert len(fronts) >= 4 and len(set(fronts)) == len(fronts)
    # each says which storage it asks about: by its list's lead-in, else by its heading
    assert all(front.startswith("Storage \N{MIDDLE DOT} ") or front.endswith(": Storage") for front in fronts)


def test_check_finds_no_alike_fronts_left_and_names_the_sets_and_the_one_unlabelled_table() -> None:
    problems = [str(problem) for problem in card_problems(parse_notes(NOTES).deck)]
    sets = [problem.split(": warning: ")[0] for problem in problems if "asks to recall a set" in problem]
    # glossed members, a plural with words around it over bullets, a count before its members
    # (`Checks 5 Pillars: …`), examples a plural's sentence ends on
    assert sets == [
        "01-introduction-to-the-cloud/summary.md:81",
        "01-introduction-to-the-cloud/summary.md:85",
        "01-introduction-to-the-cloud/summary.md:173",
        "07-databases/lecture-notes.md:392",
        "07-databases/lecture-notes.md:544",
        "07-databases/summary.md:19",
        "08-ai-ml-and-data-analytics/summary.md:51",
        "10-monitoring-compliance-and-governance-in-the-aws-cloud/cram-sheet.md:29",
        "case-study-medivault-eu.md:12",
    ]
    assert (
        "07-databases/summary.md:19: warning: the card 'Supported Engines' asks to recall a set of 6"
        in problems[5]
    )
    (table,) = [problem for problem in problems if "asks to recall a set" not in problem]
    assert table.startswith("11-pricing-and-support/lecture-notes.md:240: warning: table 'AWS Support Plans")


@pytest.mark.slow
def test_every_table_card_asks_at_most_two_facts_and_none_lists_compared_things_as_its(
    student: Student,
) -> None:
    tables = [card for card in student.cards() if card.note_type()["name"] == "ccpkit Comparison v1"]
    assert len(tables) > 300
    for card in tables:
        note = card.note()
        assert note["Answer"].count("<dt>") <= 2, note["Id"]
        assert "Recall its" not in visible_text(card.question()), note["Id"]


@pytest.mark.slow
def test_a_feature_first_table_asks_about_each_compared_service(student: Student) -> None:
    batch = student.note(
        "03-exploring-compute-services/table/comparison-table-purpose-build-compute-services/primary-purpose/aws-batch"
    )
    assert (visible_text(batch["Row"]), visible_text(batch["Asks"])) == ("AWS Batch", "Primary Purpose?")
