"""``ccpkit sync`` brings cloze notes into a real collection: the Cloze note type, a card per number."""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from anki.collection import Collection
from click.testing import CliRunner

from ccpkit.build import build
from ccpkit.cli import cli
from ccpkit.export import ExportOptions
from tests.conftest import REPO
from tests.export.anki.student import Student, visible_text
from tests.sync.course import TITLE, Course

CLOZES = Path(__file__).parents[1] / "export" / "fixtures" / "clozes"
EBS = "01-storage/cloze/ebs-volumes-attach-to-one-ec2-instance-at-a-time"
T = TypeVar("T")


def cloze_course(root: Path) -> Course:
    course = Course(root)
    shutil.copytree(CLOZES, course.notes)
    shutil.copytree(REPO / "templates", course.templates)
    course.collection.parent.mkdir(parents=True)
    Collection(str(course.collection)).close()
    return course


def test_sync_creates_the_cloze_note_type_and_a_card_per_cloze_number(tmp_path: Path) -> None:
    course = cloze_course(tmp_path)
    result = course.sync()
    assert result.exit_code == 0, result.output
    student = course.student()
    try:
        cloze_type = student.collection.models.by_name("ccpkit Cloze v1")
        assert cloze_type is not None and cloze_type["type"] == 1  # Anki's cloze kind
        assert [field["name"] for field in cloze_type["flds"]] == ["Text", "Extra", "Context", "Id"]
        clozes = [note for note in student.notes() if "kind::cloze" in note.tags]
        assert len(clozes) == 7 and sum(len(note.cards()) for note in clozes) == 10
        fronts = [visible_text(card.question()) for card in student.note(EBS).cards()]
        assert [front.split("Object storage ")[1] for front in fronts] == [
            "[...] volumes attach to one EC2 instance at a time.",
            "EBS volumes attach to [how many?] at a time.",
        ]
        assert student.study_everything() == 11
    finally:
        student.close()


def study(course: Course, look: Callable[[Student], T]) -> T:
    """Sync the course, study every card, and return what ``look`` sees then."""
    assert course.sync().exit_code == 0
    student = course.student()
    try:
        student.study_everything()
        return look(student)
    finally:
        student.close()


def sync_edited(course: Course, old: str, new: str) -> Student:
    """The student's collection after the cram sheet's ``old`` words become ``new`` and a sync."""
    course.edit("01-storage/cram-sheet.md", old, new)
    result = course.sync()
    assert result.exit_code == 0, result.output
    return course.student()


def test_a_reworded_cloze_is_updated_in_place_by_the_next_sync(tmp_path: Path) -> None:
    course = cloze_course(tmp_path)
    guid = study(course, lambda student: student.note(EBS).guid)
    student = sync_edited(course, "attach to", "connect to")
    try:
        note = student.note("01-storage/cloze/ebs-volumes-connect-to-one-ec2-instance-at-a-time")
        assert note.guid == guid and student.reviews_of(note) == 2
        assert "connect to" in note["Text"]
        assert len(list(student.notes())) == 8
    finally:
        student.close()


def test_a_cloze_reworded_as_a_part_is_added_keeps_its_note_and_history_through_sync(tmp_path: Path) -> None:
    course = cloze_course(tmp_path)
    guid = study(course, lambda student: student.note(EBS).guid)
    student = sync_edited(course, "at a time.", "at a time, and both live in {{c3::one Availability Zone}}.")
    try:
        (grown,) = [note for note in student.notes() if note.guid == guid]
        assert len(grown.cards()) == 3 and student.reviews_of(grown) == 2
        assert len(list(student.notes())) == 8
    finally:
        student.close()


EFS = "01-storage/cloze/efs-a-shared-file-system-for-linux-instances"


def fronts_by_card(student: Student) -> dict[int, str]:
    return {card.id: visible_text(card.question()) for card in student.note(EFS).cards()}


def test_a_highlight_added_before_studied_ones_leaves_each_card_hiding_what_it_hid(tmp_path: Path) -> None:
    """Anki keeps a card's history by its cloze number: the sync must not shift the numbers of the
    parts already hidden when a new one comes before them."""
    course = cloze_course(tmp_path)
    studied = study(course, fronts_by_card)
    student = sync_edited(course, "a ==shared== file system", "a ==shared== ==file system==")
    try:
        now = fronts_by_card(student)
        assert {card: now[card] for card in studied} == studied
        (added,) = set(now) - set(studied)
        assert now[added].endswith("EFS: a shared [...] for Linux instances")
    finally:
        student.close()


def decks_of(student: Student, note_id: str) -> dict[int, str]:
    return {card.id: student.collection.decks.name(card.did) for card in student.note(note_id).cards()}


def test_a_new_cloze_number_gets_its_card_in_the_notes_deck_and_a_moved_card_stays_where_it_was_put(
    tmp_path: Path,
) -> None:
    course = cloze_course(tmp_path)
    studied = study(course, lambda student: decks_of(student, EFS))
    (module_deck,) = set(studied.values())
    student = course.student()
    own = student.collection.decks.id("My own deck")
    assert own is not None
    moved = min(studied)
    student.collection.set_deck([moved], own)
    student.close()

    student = sync_edited(course, "a ==shared== file system", "a ==shared== ==file system==")
    try:
        now = decks_of(student, EFS)
        (added,) = set(now) - set(studied)
        assert now[added] == module_deck  # not Anki's Default deck
        assert now[moved] == "My own deck"
    finally:
        student.close()


def test_a_new_course_title_counts_each_moved_cloze_note_once_however_many_cards_it_has(
    tmp_path: Path,
) -> None:
    course = cloze_course(tmp_path)
    assert course.sync().exit_code == 0
    moved = course.sync(title="Another course")
    assert moved.exit_code == 0, moved.output
    student = course.student()
    try:
        notes, cards = len(list(student.notes())), len(list(student.cards()))
    finally:
        student.close()
    assert cards > notes  # cloze notes hold a card per number
    assert f"0 updated, {notes} moved," in moved.output
    listed = [line for line in moved.output.splitlines() if "→ Another course::" in line]
    assert sum(int(line.rsplit("(", 1)[1].rstrip(")")) for line in listed) == notes


@pytest.mark.parametrize(
    ("built_first", "record"),
    [(False, "kept"), (True, "kept"), (True, "gone")],
    ids=["synced", "built-then-synced", "built-then-synced-without-record"],
)
def test_a_part_the_notes_add_never_takes_the_card_of_a_cloze_the_student_added_in_anki(
    tmp_path: Path, built_first: bool, record: str
) -> None:
    """The student hid one more word of a sentence in Anki (``{{c3::…}}``) and studied its card; the
    notes then highlight another: the new part gets a number of its own, and the student's card keeps
    what it asked and its history; also when a build (which cannot see Anki) numbered the new part
    before the sync, with or without the record of what sync last sent (another computer's collection)."""
    course = cloze_course(tmp_path)
    study(course, fronts_by_card)
    student = course.student()
    note = student.note(EFS)
    assert "{{c3::" not in note["Text"]
    student.edit(EFS, "Text", note["Text"].replace("instances", "{{c3::instances}}", 1))
    assert student.study_everything() == 1  # the student's own card
    student.close()

    course.edit("01-storage/cram-sheet.md", "a ==shared== file system", "a ==shared== ==file system==")
    if record == "gone":
        course.lose_records()
    if built_first:  # the build numbers the new part without seeing the student's
        options = ExportOptions(templates=course.templates)
        later = time.time() + 60  # the student edited a minute before
        build(course.notes, course.out, formats=("anki",), options=options, title=TITLE, clock=lambda: later)
    result = course.sync()
    assert result.exit_code == 0, result.output
    student = course.student()
    try:
        asked = {
            visible_text(card.question()): student.collection.db.scalar(
                "select count() from revlog where cid = ?", card.id
            )
            for card in student.note(EFS).cards()
        }
        (new_part,) = (
            reviews
            for front, reviews in asked.items()
            if front.endswith("a shared [...] for Linux instances")
        )
        assert new_part == 0  # the notes' new part: a card of its own, not yet studied
        assert (
            sum(asked.values()) == 3
        )  # the two parts studied before and the student's, each on its own card
    finally:
        student.close()


def test_a_part_added_to_a_cloze_the_student_marked_after_the_build_reaches_its_card_by_the_next_sync(
    tmp_path: Path,
) -> None:
    """Anki skips a note touched after the package was built, yet adds the package's card for the
    note's new cloze number: until the note's text comes, that card asks nothing (Anki shows "No cloze
    3 found" on it). The next sync brings the text; the student's mark and history stay."""
    course = cloze_course(tmp_path)
    package = course.out / "anki" / "aws-certified-cloud-practitioner.apkg"
    course.build(at=1_700_000_000)
    student = course.student()
    student.import_package(package)
    student.study_everything()
    course.edit("01-storage/cram-sheet.md", "a ==shared== file system", "a ==shared== ==file system==")
    course.build(at=1_700_003_600)
    marked = student.note(EFS)
    marked.add_tag("marked")  # after the build: Anki's copy is now the newer one
    student.collection.update_note(marked)
    student.import_package(package)
    assert any("No cloze" in front for front in fronts_by_card(student).values())
    student.close()

    result = course.sync()

    assert result.exit_code == 0, result.output
    student = course.student()
    try:
        note = student.note(EFS)
        assert "{{c3::file system}}" in note["Text"] and "marked" in note.tags
        fronts = fronts_by_card(student).values()
        assert len(fronts) == 3 and all(front.count("[...]") == 1 for front in fronts)  # each asks a part
        assert student.reviews_of(note) == 2
    finally:
        student.close()


def test_a_pinned_term_turned_into_a_cloze_and_back_names_each_retired_note_by_its_kind(
    tmp_path: Path,
) -> None:
    """Anki turns no note into another note type: the cloze is a new note and the term's note is
    retired, with its history, until the item turns back. The report says which of the two notes of one
    id it retired, as a build names its orphan, not "added: fsx" beside "retired: fsx"."""
    course = cloze_course(tmp_path)
    term = "- **FSx:** managed Windows and Lustre file systems\n"
    cloze = "{{c1::FSx}} manages Windows and Lustre file systems.\n"
    course.edit("01-storage/cram-sheet.md", term, "\n{#fsx}\n" + term + "\n")
    reviews = study(course, lambda student: student.reviews_of(student.note("fsx")))

    course.edit("01-storage/cram-sheet.md", "{#fsx}\n" + term, "{#fsx}\n" + cloze)
    as_cloze = course.sync()

    assert as_cloze.exit_code == 0, as_cloze.output
    assert "  added: fsx\n" in as_cloze.output
    assert "suspended): fsx (ccpkit Term v1)\n" in as_cloze.output
    course.edit("01-storage/cram-sheet.md", "{#fsx}\n" + cloze, "{#fsx}\n" + term)
    back = course.sync()

    assert back.exit_code == 0, back.output
    assert "  restored: fsx\n" in back.output
    assert "suspended): fsx (ccpkit Cloze v1)\n" in back.output
    student = course.student()
    try:
        (restored,) = [
            note for note in student.notes() if note["Id"] == "fsx" and "ccpkit::orphan" not in note.tags
        ]
        assert restored.note_type()["name"] == "ccpkit Term v1"  # type: ignore[index]
        assert student.reviews_of(restored) == reviews == 1
        assert not any(card.queue == -1 for card in restored.cards())
    finally:
        student.close()


def test_a_cloze_answer_the_student_rewrote_is_kept_by_a_sync_without_record(tmp_path: Path) -> None:
    """With no record of the numbers sync sent, a part the student rewrote in Anki, the notes unchanged
    since, is their edit of ours: kept, on the card that holds its history."""
    course = cloze_course(tmp_path)
    studied = study(course, fronts_by_card)
    student = course.student()
    note = student.note(EFS)
    student.edit(EFS, "Text", note["Text"].replace("{{c2::Linux}}", "{{c2::Unix-like}}"))
    student.close()
    course.lose_records()

    result = course.sync()

    assert result.exit_code == 0, result.output
    assert f"kept your edits: {EFS} (Text)" in result.output
    student = course.student()
    try:
        now = fronts_by_card(student)
        assert set(now) == set(studied)  # no card added: the rewritten part kept its number
        assert "{{c2::Unix-like}}" in student.note(EFS)["Text"]
    finally:
        student.close()


@pytest.mark.parametrize("record", ["kept", "gone", "an older ccpkit's"])
def test_a_part_the_notes_reword_keeps_its_card_when_a_build_ran_before_the_sync(
    tmp_path: Path, record: str
) -> None:
    """Anki's copy is the text ccpkit sent, older than the notes' reworded part: no cloze of the
    student's is in it, so the part keeps its number and its card's history, whatever the record."""
    course = cloze_course(tmp_path)
    guid, studied = study(course, lambda student: (student.note(EFS).guid, fronts_by_card(student)))
    course.edit("01-storage/cram-sheet.md", "==Linux==", "==Unix==")
    for kept in course.collection.parent.glob("collection.ccpkit-sync-*.json"):
        if record == "gone":
            kept.unlink()
        elif record == "an older ccpkit's":  # written before the record held each note's cloze numbers
            data = json.loads(kept.read_text(encoding="utf-8"))
            for note in data["notes"].values():
                note.pop("clozes", None)
            kept.write_text(json.dumps(data), encoding="utf-8")
    later = time.time() + 60
    options = ExportOptions(templates=course.templates)
    build(course.notes, course.out, formats=("anki",), options=options, title=TITLE, clock=lambda: later)

    result = course.sync()

    assert result.exit_code == 0, result.output
    student = course.student()
    try:
        (note,) = [note for note in student.notes() if note.guid == guid]
        now = {card.id: visible_text(card.question()) for card in note.cards()}
        assert set(now) == set(studied)  # no card added, none left empty
        assert "{{c2::Unix}}" in note["Text"]
    finally:
        student.close()


def test_a_part_another_clone_synced_keeps_its_card_from_the_part_this_clone_adds(tmp_path: Path) -> None:
    """Two clones of the notes, each with its ledger, sync into one collection. One highlights a part
    and its card is studied; the other, not yet pulled, highlights another: that one gets a card of
    its own, never the studied card (and history) of the part it never saw."""
    course = cloze_course(tmp_path)
    assert course.sync().exit_code == 0
    other = Course(tmp_path / "other")
    shutil.copytree(course.notes, other.notes)
    course.edit("01-storage/cram-sheet.md", "a ==shared== file system", "a ==shared== ==file system==")
    studied = study(course, fronts_by_card)
    other.edit("01-storage/cram-sheet.md", "for ==Linux== instances", "for ==Linux== ==instances==")
    arguments = ["sync", "--notes", str(other.notes), "--out", str(other.out), "--title", TITLE]
    arguments += ["--templates", str(course.templates), "--collection", str(course.collection)]
    result = CliRunner().invoke(cli, arguments)
    assert result.exit_code == 0, result.output
    student = course.student()
    try:
        now = fronts_by_card(student)
        hiding_instances = [card for card, front in now.items() if front.endswith("for Linux [...]")]
        assert len(hiding_instances) == 1 and hiding_instances[0] not in studied
        (file_system,) = [card for card, front in studied.items() if "shared [...] for" in front]
        assert student.collection.get_card(file_system).reps >= 1
    finally:
        student.close()


def test_parts_anki_holds_as_html_keep_their_numbers_through_syncs(tmp_path: Path) -> None:
    """Anki's copy says ``&lt;`` and ``&amp;&amp;`` where the notes say ``<`` and ``&&``: the same parts,
    whose cards keep their numbers and history sync after sync."""
    course = cloze_course(tmp_path)
    line = "\n- Less-than is {{c1::<}} and logical and is {{c2::&&}}.\n"
    course.edit("01-storage/cram-sheet.md", "- **EFS:**", f"{line}\n- **EFS:**")
    studied = study(
        course, lambda student: {card.id: card.ord for note in student.notes() for card in note.cards()}
    )
    course.edit("01-storage/cram-sheet.md", "- Less-than is", "- In C, less-than is")
    for _ in range(2):
        assert course.sync().exit_code == 0
    student = course.student()
    try:
        now = {card.id: card.ord for note in student.notes() for card in note.cards()}
        assert now == studied  # no card added, none renumbered
    finally:
        student.close()
