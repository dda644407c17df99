"""``ccpkit sync`` on a real Anki collection that a student has studied and edited.

Every card was studied; the student rewrote one definition, tagged a note (``marked`` and one of
their own) and added a field to the Term note type. After each kind of edit to the notes a sync must
keep all of that, keep every card's history, move cards where their items went, and duplicate nothing.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from anki.collection import AddNoteRequest
from click.testing import CliRunner
from PIL import Image

from ccpkit.build import build
from ccpkit.cli import cli
from ccpkit.export import ExportOptions
from ccpkit.sync.locate import Located
from ccpkit.sync.run import SyncOptions
from ccpkit.sync.run import sync as run_sync
from tests.export.anki.student import Student, visible_text
from tests.sync.course import TITLE, Course, fargate_moved_to_storage

LAMBDA = "02-compute/card/aws-lambda"
EC2 = "02-compute/card/amazon-ec2"
FARGATE = "02-compute/card/aws-fargate"
S3 = "03-storage/card/amazon-s3"
SPOT = "02-compute/table/instance-purchase-options/spot"
STUDENT_WORDS = "My words: my code runs, AWS owns the servers"
MNEMONIC = "EC2 = Elastic Compute Cloud"
COMPUTE, STORAGE = f"{TITLE}::02 Compute", f"{TITLE}::03 Storage"


@dataclass(frozen=True)
class Studied:
    """What the student's collection held before the notes changed: per GUID, reviews, interval and
    when its cards were last reviewed."""

    course: Course
    history: dict[str, tuple[int, int, list[int | None]]]


def history(student: Student) -> dict[str, tuple[int, int, list[int | None]]]:
    return {
        note.guid: (
            student.reviews_of(note),
            max(card.ivl for card in note.cards()),
            [card.last_review_time for card in sorted(note.cards(), key=lambda card: card.ord)],
        )
        for note in student.notes()
    }


@pytest.fixture
def studied(tmp_path: Path) -> Iterator[Studied]:
    course = Course.fresh(tmp_path)
    first = course.sync()
    assert first.exit_code == 0, first.output
    student = course.student()
    assert student.study_everything() == 11
    student.edit(LAMBDA, "Definition", STUDENT_WORDS)
    collection = student.collection
    term = collection.models.by_name("ccpkit Term v1")
    collection.models.add_field(term, collection.models.new_field("Mnemonic"))
    collection.models.update_dict(term)
    ec2 = student.note(EC2)
    ec2["Mnemonic"] = MNEMONIC
    ec2.tags += ["marked", "my-own-tag"]
    collection.update_note(ec2)
    before = history(student)
    student.close()
    yield Studied(course, before)


def sync_and_open(studied: Studied, *options: str, title: str = TITLE) -> tuple[str, Student]:
    result = studied.course.sync(*options, title=title)
    assert result.exit_code == 0, result.output
    return result.output, studied.course.student()


def assert_student_work_kept(
    student: Student, studied: Studied, *, lambda_edited_in_notes: bool = False
) -> None:
    """No duplicates, every history kept, the student's tags, field and (untouched) edit still there."""
    guids = [note.guid for note in student.notes()]
    assert len(guids) == len(set(guids))
    now = history(student)
    for guid, before in studied.history.items():
        assert guid in now, f"note {guid} is gone"
        assert now[guid] == before
    ec2 = student.note(EC2)
    assert {"marked", "my-own-tag"} <= set(ec2.tags)
    assert ec2["Mnemonic"] == MNEMONIC
    assert "Mnemonic" in [
        field["name"] for field in student.collection.models.by_name("ccpkit Term v1")["flds"]
    ]
    if not lambda_edited_in_notes:
        assert student.note(LAMBDA)["Definition"] == STUDENT_WORDS
    ours = [name for name in student.note_type_names() if name.startswith("ccpkit")]
    assert ours == ["ccpkit Comparison v1", "ccpkit MCQ v1", "ccpkit Term v1"]  # no copies
    problems, clean = student.collection.fix_integrity()  # Anki's Check Database finds nothing to fix
    assert clean, problems


def deck_of(student: Student, item_id: str) -> str:
    note = student.note(item_id)
    names = {student.collection.decks.name(card.did) for card in note.cards()}
    assert len(names) == 1
    return names.pop()


def deck_names(student: Student) -> set[str]:
    return {deck.name for deck in student.collection.decks.all_names_and_ids()}


def test_a_second_sync_of_unchanged_notes_changes_nothing(studied: Studied) -> None:
    before = studied.course.collection_hash()
    result = studied.course.sync()
    assert result.exit_code == 0, result.output
    assert studied.course.collection_hash() == before  # not a byte written
    assert "0 added, 0 updated, 0 moved, 0 retired, 0 restored, 0 conflicts, 11 unchanged" in result.output
    assert f"kept your edits: {LAMBDA} (Definition)" in result.output
    student = studied.course.student()
    try:
        assert_student_work_kept(student, studied)
    finally:
        student.close()


def test_an_edit_kept_is_listed_at_the_sync_that_keeps_it_then_counted_until_edited_anew(
    studied: Studied,
) -> None:
    """The report says what is new: the student's edit is listed when first kept, later syncs count it
    (``-v`` lists it), and a new edit of that field is listed again."""
    course = studied.course
    assert f"kept your edits: {LAMBDA} (Definition)" in course.sync().output
    course.edit(
        "03-storage/cram-sheet.md", "eleven nines of durability", "eleven nines of durability (99.999999999%)"
    )

    output = course.sync().output

    assert "kept your edits" not in output and "1 note keeps your edits from earlier syncs" in output
    assert f"kept your edits at earlier syncs: {LAMBDA} (Definition)" in course.sync("-v").output
    student = course.student()
    student.edit(LAMBDA, "Definition", "My words again: functions on demand")
    student.close()
    output = course.sync().output
    assert f"kept your edits: {LAMBDA} (Definition)" in output and "from earlier syncs" not in output


def test_course_title_change_moves_every_card_and_removes_the_old_decks(studied: Studied) -> None:
    output, student = sync_and_open(studied, title="AWS CCP 2026")
    try:
        assert deck_of(student, EC2) == "AWS CCP 2026::02 Compute"
        assert deck_of(student, S3) == "AWS CCP 2026::03 Storage"
        assert not {TITLE, COMPUTE, STORAGE} & deck_names(student)
        assert f"moved: {COMPUTE} → AWS CCP 2026::02 Compute (8)" in output
        assert "0 added, 0 updated, 11 moved" in output  # Context names the module, not the course
        assert_student_work_kept(student, studied)
    finally:
        student.close()
    course = studied.course
    options = ExportOptions(templates=course.templates)
    report = build(course.notes, course.out, formats=("anki",), options=options, title="AWS CCP 2026")
    assert report.changes is not None
    assert (report.changes.moved, report.changes.pending) == ((), ())  # the ledger knows what sync did


def test_a_note_the_student_wrote_in_a_course_deck_stays_there_when_the_course_is_renamed(
    studied: Studied,
) -> None:
    """docs/sync.md: a new title moves ccpkit's cards, never a note the student wrote by hand in the
    course's decks, so it stays in the old title's deck, which stays (with its parent) around it; the
    old title's decks left empty go."""
    student = studied.course.student()
    collection = student.collection
    own = collection.new_note(collection.models.by_name("Basic"))  # type: ignore[arg-type]
    own["Front"], own["Back"] = "My exam date", "14 March"
    collection.add_note(own, collection.decks.id(COMPUTE))  # type: ignore[arg-type]
    student.close()

    output, student = sync_and_open(studied, title="AWS CCP 2026")

    try:
        assert student.decks_of(student.collection.get_note(own.id)) == {COMPUTE}
        assert {TITLE, COMPUTE, "AWS CCP 2026::02 Compute"} <= deck_names(student)
        assert STORAGE not in deck_names(student)
    finally:
        student.close()
    assert "11 moved" in output, output


@pytest.mark.parametrize("added", [False, True], ids=["moved-only", "with-a-new-card"])
def test_decks_renamed_with_the_course_keep_the_students_options_and_descriptions(
    studied: Studied, added: bool
) -> None:
    """A new title moves the cards to new decks: they take the options preset and the description the
    student gave the old ones (a course deck's, a module deck's), also where a card new in the notes
    made the deck first."""
    if added:
        line = "- **AWS Fargate:** Runs containers without managing servers or clusters."
        studied.course.edit("02-compute/cram-sheet.md", line, f"{line}\n- **AWS Batch:** Runs batch jobs.")
    student = studied.course.student()
    decks = student.collection.decks
    slow = decks.add_config_returning_id("Slow")
    for name, said in ((TITLE, "My exam in May"), (COMPUTE, "Hard module")):
        deck = decks.by_name(name)
        assert deck is not None
        deck["conf"], deck["desc"] = slow, said
        decks.save(deck)
    student.close()

    _, student = sync_and_open(studied, title="AWS CCP 2026")

    try:
        for name, said in (("AWS CCP 2026", "My exam in May"), ("AWS CCP 2026::02 Compute", "Hard module")):
            deck = student.collection.decks.by_name(name)
            assert deck is not None and (deck["conf"], deck["desc"]) == (slow, said)
        storage = student.collection.decks.by_name("AWS CCP 2026::03 Storage")
        assert storage is not None and storage["conf"] != slow  # its old deck kept the default
    finally:
        student.close()


def test_a_card_moving_module_after_the_student_renamed_the_course_deck_in_anki_moves(
    studied: Studied,
) -> None:
    """The student renamed the course's deck in Anki and gave the notes that title: the module decks
    under it are still ccpkit's, so a card whose item moved module moves between them."""
    student = studied.course.student()
    deck = student.collection.decks.by_name(TITLE)
    assert deck is not None
    deck["name"] = "AWS CCP 2026"
    student.collection.decks.save(deck)
    student.close()
    fargate_moved_to_storage(studied.course)

    output, student = sync_and_open(studied, title="AWS CCP 2026")

    try:
        assert deck_of(student, "03-storage/card/aws-fargate") == "AWS CCP 2026::03 Storage"
        assert deck_of(student, EC2) == "AWS CCP 2026::02 Compute"
        assert "1 moved" in output, output
    finally:
        student.close()


def test_a_course_title_changed_in_case_only_moves_nothing(studied: Studied) -> None:
    output, student = sync_and_open(studied, title=TITLE.upper())
    try:
        assert deck_of(student, EC2) == COMPUTE  # Anki's deck names ignore case: the same deck
        assert_student_work_kept(student, studied)
    finally:
        student.close()
    assert "0 moved" in output and "moved:" not in output


def test_a_card_moved_to_another_module_moves_its_card_and_keeps_its_history(studied: Studied) -> None:
    course = studied.course
    fargate_moved_to_storage(course)
    fargate_before = _guid(course, FARGATE)
    output, student = sync_and_open(studied)
    try:
        moved = student.note("03-storage/card/aws-fargate")
        assert moved.guid == fargate_before
        assert deck_of(student, "03-storage/card/aws-fargate") == STORAGE
        assert "module::03-storage" in moved.tags and "module::02-compute" not in moved.tags
        assert f"moved: {COMPUTE} → {STORAGE} (1)" in output
        assert "0 added" in output and "0 retired" in output
        assert_student_work_kept(student, studied)
    finally:
        student.close()


def test_tags_the_student_nested_under_ccpkits_own_stay_through_syncs_and_a_move(studied: Studied) -> None:
    """Anki's sidebar shows ``module::02-compute`` as a folder: a tag the student files under it is
    theirs (their weak cards of that module), not one ccpkit wrote."""
    student = studied.course.student()
    nested = ["module::02-compute::weak", "kind::card::exam-day", "part::cram-sheet::redo"]
    try:
        for item in (FARGATE, LAMBDA):
            note = student.note(item)
            note.tags += nested
            student.collection.update_note(note)
    finally:
        student.close()
    fargate_moved_to_storage(studied.course)
    output, student = sync_and_open(studied)
    try:
        moved, stayed = student.note("03-storage/card/aws-fargate"), student.note(LAMBDA)
        assert "module::03-storage" in moved.tags and "module::02-compute" not in moved.tags
        assert set(nested) <= set(moved.tags) and set(nested) <= set(stayed.tags)
        assert f"{LAMBDA} (tags)" not in output
    finally:
        student.close()
    output, student = sync_and_open(studied)
    try:
        assert set(nested) <= set(student.note(LAMBDA).tags)
        assert "0 updated" in output
    finally:
        student.close()


def test_a_notes_tag_whose_case_the_student_or_the_notes_change_stays_one_tag_through_syncs(
    studied: Studied,
) -> None:
    """The notes tag EC2 ``#aws/compute`` (Anki's ``aws::compute``); the student renames the tag tree
    ``AWS`` in Anki and files a tag of their own under it; then the notes write ``#AWS/Compute``. Anki
    tells tags apart by their letters, not their case: sync neither doubles the tag nor drops theirs."""
    course = studied.course
    course.edit("02-compute/cram-sheet.md", "billed per second.", "billed per second. #aws/compute")
    sync_and_open(studied)[1].close()
    student = studied.course.student()
    student.collection.tags.rename("aws", "AWS")
    ec2 = student.note(EC2)
    ec2.tags.append("AWS::compute::weak")
    student.collection.update_note(ec2)
    student.close()
    course.edit("02-compute/cram-sheet.md", "#aws/compute", "#AWS/Compute")

    output, student = sync_and_open(studied)

    try:
        tags = [tag.casefold() for tag in student.note(EC2).tags]
        assert tags.count("aws::compute") == 1 and "aws::compute::weak" in tags
        assert "0 updated" in output
    finally:
        student.close()


def test_a_file_moved_to_another_module_moves_all_its_cards(studied: Studied) -> None:
    course = studied.course
    summary = (course.notes / "02-compute/summary.md").read_text(encoding="utf-8")
    (course.notes / "02-compute/summary.md").unlink()
    moved = summary.replace("module: 2\nmodule_title: Compute", "module: 3\nmodule_title: Storage")
    (course.notes / "03-storage/summary.md").write_text(moved, encoding="utf-8")
    output, student = sync_and_open(studied)
    try:
        assert deck_of(student, "03-storage/table/instance-purchase-options/spot") == STORAGE
        assert f"moved: {COMPUTE} → {STORAGE} (3)" in output
        assert "0 added" in output and "0 retired" in output
        assert_student_work_kept(student, studied)
    finally:
        student.close()


def test_a_heading_rename_updates_context_in_place(studied: Studied) -> None:
    studied.course.edit("02-compute/cram-sheet.md", "## Core services", "## Compute services")
    output, student = sync_and_open(studied)
    try:
        assert "Compute services" in visible_text(student.note(EC2)["Context"])
        assert "Compute services" in visible_text(student.note(LAMBDA)["Context"])
        assert f"updated: {EC2} (Context)" in output
        assert "0 moved" in output
        assert_student_work_kept(student, studied)
    finally:
        student.close()


def test_a_table_retitle_keeps_its_row_notes(studied: Studied) -> None:
    studied.course.edit(
        "02-compute/summary.md", "## Instance purchase options", "## Instance purchasing options"
    )
    guid = _guid(studied.course, SPOT)
    output, student = sync_and_open(studied)
    try:
        spot = student.note("02-compute/table/instance-purchasing-options/spot")
        assert spot.guid == guid
        assert "Instance purchasing options" in visible_text(spot["Table"])
        assert "0 added" in output and "0 retired" in output
        assert_student_work_kept(student, studied)
    finally:
        student.close()


def test_a_row_that_makes_a_table_read_as_groups_leaves_the_other_rows_notes(studied: Studied) -> None:
    """A second ``Reserved`` row makes the first column the rows' groups: every card asks from another
    cell now, and each row keeps its note, its history and what the student did to it."""
    reserved = "| Reserved | Steady use for 1 or 3 years | up to 72% |\n"
    convertible = "| Reserved | Convertible, can change family | up to 66% |\n"
    studied.course.edit("02-compute/summary.md", reserved, reserved + convertible)
    guid = _guid(studied.course, SPOT)
    output, student = sync_and_open(studied)
    try:
        assert "1 added" in output and "0 retired" in output
        (spot,) = [note for note in student.notes() if note.guid == guid]
        assert visible_text(spot["Row"]).startswith("Spot")
        assert_student_work_kept(student, studied)
    finally:
        student.close()


RECORDS = pytest.mark.parametrize("record", ["kept", "gone"])
FARGATE_LINE = "- **AWS Fargate:** Runs containers without managing servers or clusters.\n"


def fargate_removed(course: Course) -> None:
    course.edit("02-compute/cram-sheet.md", FARGATE_LINE, "")


def fargate_put_back(course: Course) -> None:
    course.edit("02-compute/cram-sheet.md", "- **AWS Lambda:", f"{FARGATE_LINE}- **AWS Lambda:")


def efs_removed(course: Course) -> None:
    course.edit(
        "03-storage/cram-sheet.md",
        "- **Amazon EFS:** A shared file system many instances mount at once.\n",
        "",
    )


@pytest.mark.parametrize(
    ("record", "unsuspended"), [("kept", True), ("gone", True), ("gone, and the collection's list", False)]
)
def test_a_removed_item_is_tagged_and_suspended_then_restored_when_it_returns(
    studied: Studied, record: str, unsuspended: bool
) -> None:
    """With no record of the sync that retired it, the collection's list says which cards sync
    suspended; with neither (retired by a ccpkit that kept no list), its cards stay suspended (some
    may be the student's) and the report names it, to unsuspend by hand."""
    course = studied.course
    fargate_removed(course)
    output, student = sync_and_open(studied)
    try:
        fargate = student.note(FARGATE)
        assert "ccpkit::orphan" in fargate.tags
        assert all(card.queue == -1 for card in fargate.cards())  # suspended
        assert f"retired (tagged ccpkit::orphan, suspended): {FARGATE}" in output
        assert_student_work_kept(student, studied)
        if record.endswith("list"):
            student.collection.remove_config("ccpkitSuspended")
    finally:
        student.close()
    if record.startswith("gone"):
        course.lose_records()
    fargate_put_back(course)
    output, student = sync_and_open(studied)
    try:
        fargate = student.note(FARGATE)
        assert "ccpkit::orphan" not in fargate.tags
        assert all((card.queue != -1) is unsuspended for card in fargate.cards())
        assert f"restored: {FARGATE}" in output
        left = "restored, its cards left suspended (no record tells which sync suspended"
        assert (left in output) is not unsuspended
        assert_student_work_kept(student, studied)
    finally:
        student.close()


@RECORDS
def test_a_card_the_student_suspended_stays_suspended_when_its_retired_item_returns(
    studied: Studied, record: str
) -> None:
    course = studied.course
    student = course.student()
    student.collection.sched.suspend_cards([card.id for card in student.note(FARGATE).cards()])
    student.close()
    fargate_removed(course)
    assert course.sync().exit_code == 0
    if record == "gone":
        course.lose_records()
    fargate_put_back(course)
    output, student = sync_and_open(studied)
    try:
        fargate = student.note(FARGATE)
        assert f"restored: {FARGATE}" in output and "ccpkit::orphan" not in fargate.tags
        assert all(card.queue == -1 for card in fargate.cards())  # sync did not suspend it: not its to undo
    finally:
        student.close()


def fargate_retired_and_taken_back(
    course: Course, *, unsuspended: bool = True, untagged: bool = True
) -> None:
    """Fargate removed from the notes and retired by a sync; then, in Anki, the student unsuspends its
    cards and removes its ``ccpkit::orphan`` tag (or does one of the two)."""
    fargate_removed(course)
    assert course.sync().exit_code == 0
    student = course.student()
    fargate = student.note(FARGATE)
    if unsuspended:
        student.collection.sched.unsuspend_cards(list(fargate.card_ids()))
    if untagged:
        fargate.remove_tag("ccpkit::orphan")
        student.collection.update_note(fargate)
    student.close()


@RECORDS
@pytest.mark.parametrize("untagged", [True, False], ids=["untagged", "tag-kept"])
def test_a_retired_note_the_student_took_back_to_study_stays_as_they_left_it(
    studied: Studied, record: str, untagged: bool
) -> None:
    """The student unsuspended a retired note's cards (and maybe removed its ``ccpkit::orphan`` tag) to
    go on studying it: later syncs, for other edits of the notes, neither suspend nor tag it again."""
    course = studied.course
    fargate_retired_and_taken_back(course, untagged=untagged)
    if record == "gone":
        course.lose_records()
    efs_removed(course)

    output, student = sync_and_open(studied)

    try:
        fargate = student.note(FARGATE)
        assert all(card.queue != -1 for card in fargate.cards())
        assert ("ccpkit::orphan" in fargate.tags) is not untagged
        assert FARGATE not in output
    finally:
        student.close()
    fargate_put_back(course)  # back in the notes, then gone again: retired anew
    assert f"restored: {FARGATE}" in course.sync().output
    fargate_removed(course)
    output, student = sync_and_open(studied)
    try:
        assert f"retired (tagged ccpkit::orphan, suspended): {FARGATE}" in output
        assert all(card.queue == -1 for card in student.note(FARGATE).cards())
    finally:
        student.close()


def test_a_retired_note_untagged_but_left_suspended_is_unsuspended_when_its_item_returns(
    studied: Studied,
) -> None:
    """Only the tag removed by the student: the cards sync suspended are still sync's to unsuspend."""
    course = studied.course
    fargate_retired_and_taken_back(course, unsuspended=False)

    assert_fargate_restored(studied)


def test_delete_orphans_never_deletes_a_retired_note_the_student_took_back_to_study(studied: Studied) -> None:
    course = studied.course
    fargate_retired_and_taken_back(course)
    efs_removed(course)

    output, student = sync_and_open(studied, "--delete-orphans")

    try:
        ids = {note["Id"] for note in student.notes()}
        assert FARGATE in ids and "03-storage/card/amazon-efs" not in ids
        assert "deleting 1 orphaned note" in output
    finally:
        student.close()


def test_the_collection_forgets_which_cards_sync_suspended_once_their_note_is_gone(
    studied: Studied,
) -> None:
    """What a retired note's entry in the collection's ``ccpkitSuspended`` setting is for (unsuspending
    only sync's suspensions, with no record) ends with the note: deleted in Anki, its entry goes too."""
    course = studied.course
    fargate_removed(course)
    assert course.sync().exit_code == 0
    student = course.student()
    fargate = student.note(FARGATE)
    assert student.collection.get_config("ccpkitSuspended") == {fargate.guid: list(fargate.card_ids())}
    student.collection.remove_notes([fargate.id])
    student.close()
    efs_removed(course)

    assert course.sync().exit_code == 0

    student = course.student()
    try:
        (efs,) = [note for note in student.notes() if note["Id"] == "03-storage/card/amazon-efs"]
        assert student.collection.get_config("ccpkitSuspended") == {efs.guid: list(efs.card_ids())}
    finally:
        student.close()


def test_delete_orphans_deletes_them_after_saying_how_many(studied: Studied) -> None:
    course = studied.course
    efs_removed(course)
    result = course.sync("--delete-orphans")
    assert result.exit_code == 0, result.output
    assert "deleting 1 orphaned note (--delete-orphans)" in result.output
    assert result.output.index("deleting 1") < result.output.index("synced")  # said before it is done
    student = course.student()
    try:
        assert not [note for note in student.notes() if note["Id"] == "03-storage/card/amazon-efs"]
        assert len(list(student.notes())) == 10
    finally:
        student.close()
    listed = CliRunner().invoke(cli, ["orphans", "--notes", str(course.notes)])
    assert "amazon-efs" not in listed.output  # deleted, so no orphan still in Anki to list


def test_delete_orphans_saves_the_deleted_notes_words_the_student_wrote_in_anki_first(
    studied: Studied,
) -> None:
    """Lambda's definition holds the student's own words and a picture they pasted, and its item left
    the notes (or was renamed past recognition): ``--delete-orphans`` deletes the note, and neither
    must go with it. They are saved beside the build, as a conflict's losing side is, before the
    collection is touched."""
    course = studied.course
    student = course.student()
    drawn = b"\x89PNG\r\n\x1a\n my sketch of a Lambda function"
    name = student.collection.media.write_data("lambda-sketch.png", drawn)
    student.edit(LAMBDA, "Definition", f'{STUDENT_WORDS}<br><img src="{name}">')
    student.close()
    course.edit(
        "02-compute/cram-sheet.md",
        "- **AWS Lambda:** Runs your code without servers; you pay per request.\n",
        "",
    )

    result = course.sync("--delete-orphans")

    assert result.exit_code == 0, result.output
    [saved] = course.out.glob("sync-deleted-*.md")
    assert f"deleted notes saved in {saved}" in result.output
    text = saved.read_text(encoding="utf-8")
    assert LAMBDA in text and STUDENT_WORDS in text
    shown = re.findall(r"!\[[^\]]*\]\(<([^>]+)>\)", text)
    assert [(saved.parent / path).read_bytes() for path in shown] == [drawn]


@pytest.mark.parametrize("dry_run", [(), ("--dry-run",)], ids=["sync", "dry run"])
def test_delete_orphans_deletes_nothing_when_the_notes_give_no_note_at_all(
    studied: Studied, dry_run: tuple[str, ...]
) -> None:
    """Every notes file emptied (a cloud folder's failed copy, a bad checkout): the notes give no note,
    and deleting every note of the course would take all its history. Sync refuses, writing nothing."""
    course = studied.course
    for path in course.notes.rglob("*.md"):
        path.write_text("", "utf-8")
    result = course.sync("--delete-orphans", *dry_run)
    assert result.exit_code == 1
    assert "--delete-orphans would delete all 11 notes of this course in Anki" in result.output
    assert "Nothing was written" in result.output
    student = course.student()
    try:
        assert_student_work_kept(student, studied)
        assert not any("ccpkit::orphan" in note.tags for note in student.notes())
    finally:
        student.close()


def test_an_orphan_the_student_deleted_in_anki_is_listed_no_more(studied: Studied) -> None:
    course = studied.course
    student = course.student()
    student.collection.remove_notes([student.note("03-storage/card/amazon-efs").id])
    student.close()
    efs_removed(course)
    assert course.sync().exit_code == 0
    listed = CliRunner().invoke(cli, ["orphans", "--notes", str(course.notes)])
    assert "amazon-efs" not in listed.output and "no orphans" in listed.output


def test_a_note_type_css_change_updates_it_in_place_and_keeps_the_students_field(studied: Studied) -> None:
    style = studied.course.templates / "anki" / "style.css"
    style.write_text(
        style.read_text(encoding="utf-8") + "\n.card { letter-spacing: 0.01em; }\n", encoding="utf-8"
    )
    output, student = sync_and_open(studied)
    try:
        for name in ("ccpkit Term v1", "ccpkit Comparison v1", "ccpkit MCQ v1"):
            assert student.collection.models.by_name(name)["css"].endswith("letter-spacing: 0.01em; }\n")
        assert "note type updated: ccpkit Term v1 (css)" in output
        assert_student_work_kept(student, studied)
    finally:
        student.close()


def test_the_students_own_styling_in_anki_stays_until_the_notes_templates_change(studied: Studied) -> None:
    student = studied.course.student()
    terms = student.collection.models.by_name("ccpkit Term v1")
    assert terms is not None
    terms["css"] += "\n.card { background: #fffbe6; }\n"
    student.collection.models.update_dict(terms)
    student.close()
    studied.course.edit("02-compute/cram-sheet.md", "Resizable virtual servers", "Resizable virtual machines")

    output, student = sync_and_open(studied)
    try:
        assert student.collection.models.by_name("ccpkit Term v1")["css"].endswith("background: #fffbe6; }\n")
        assert "kept your styling: ccpkit Term v1 (css)" in output and "note type updated" not in output
    finally:
        student.close()
    studied.course.edit("02-compute/cram-sheet.md", "Resizable virtual machines", "Resizable virtual servers")
    again = studied.course.sync().output  # listed once: counted after, as edits kept are
    assert (
        "kept your styling" not in again and "1 note type part keeps your styling from earlier syncs" in again
    )

    style = studied.course.templates / "anki" / "style.css"
    style.write_text(
        style.read_text(encoding="utf-8") + "\n.card { letter-spacing: 0.01em; }\n", encoding="utf-8"
    )
    output, student = sync_and_open(studied)
    try:  # the notes' templates changed: theirs is written, as a template change always is
        assert student.collection.models.by_name("ccpkit Term v1")["css"].endswith(
            "letter-spacing: 0.01em; }\n"
        )
        assert "note type updated: ccpkit Term v1 (css)" in output
    finally:
        student.close()
    # … and the student's styling it replaced is saved, as a field's text that lost a conflict is
    replaced = [line for line in output.splitlines() if "replaced your styling" in line]
    assert replaced == ["  replaced your styling, as the notes' templates changed: ccpkit Term v1 (css)"]
    [saved] = studied.course.out.glob("sync-conflicts-*.md")
    assert f"conflicts saved in {saved}" in output
    assert "background: #fffbe6;" in saved.read_text(encoding="utf-8")


def test_a_definition_changed_on_both_sides_is_a_conflict_the_notes_win(studied: Studied) -> None:
    course = studied.course
    course.edit(
        "02-compute/cram-sheet.md", "you pay per request.", "you pay per request and per millisecond."
    )
    output, student = sync_and_open(studied)
    try:
        assert "per millisecond" in student.note(LAMBDA)["Definition"]
        assert_student_work_kept(student, studied, lambda_edited_in_notes=True)
    finally:
        student.close()
    assert f"02-compute/cram-sheet.md:12 {LAMBDA} (Definition)" in output
    [saved] = course.out.glob("sync-conflicts-*.md")
    text = saved.read_text(encoding="utf-8")
    assert STUDENT_WORDS in text and "per millisecond" in text
    assert f"{course.notes}/02-compute/cram-sheet.md:12" in text
    again = course.sync()
    assert "0 added, 0 updated, 0 moved, 0 retired, 0 restored, 0 conflicts, 11 unchanged" in again.output


def test_a_picture_the_student_pasted_into_a_field_the_notes_win_is_saved_beside_the_conflicts_file(
    studied: Studied,
) -> None:
    """The notes' text replaces a definition the student illustrated in Anki: the picture is then shown
    by no note, and Anki's *Check Media* offers to delete it (its backups hold no media). The conflicts
    file keeps the student's text, so it keeps the picture too, as a file beside it that it shows."""
    student = studied.course.student()
    drawn = b"\x89PNG\r\n\x1a\n my sketch of a Lambda function"
    name = student.collection.media.write_data("lambda-sketch.png", drawn)
    student.edit(LAMBDA, "Definition", f'{STUDENT_WORDS}<br><img src="{name}">')
    student.close()
    studied.course.edit(
        "02-compute/cram-sheet.md", "you pay per request.", "you pay per request and per millisecond."
    )

    _, student = sync_and_open(studied)

    try:
        assert student.collection.media.check().unused == [name]  # shown by no note any more
    finally:
        student.close()
    [saved] = studied.course.out.glob("sync-conflicts-*.md")
    shown = re.findall(r"!\[[^\]]*\]\(<([^>]+)>\)", saved.read_text(encoding="utf-8"))
    assert [(saved.parent / path).read_bytes() for path in shown] == [drawn]


def test_two_syncs_in_one_second_each_keep_their_own_conflicts_file(studied: Studied) -> None:
    """``sync --module 2`` then ``--module 3`` from a script, in one second, each replacing an edit of the
    student's: the second file must not replace the first, the only copy of the student's Lambda text."""
    course = studied.course
    student = course.student()
    student.edit("03-storage/card/amazon-ebs", "Definition", "Mine: a disk for one instance")
    student.close()
    course.edit(
        "02-compute/cram-sheet.md", "you pay per request.", "you pay per request and per millisecond."
    )
    course.edit(
        "03-storage/cram-sheet.md", "attached to one EC2 instance", "attached to one EC2 instance in one AZ"
    )
    located = Located(course.collection, course.collection.parent / "backups")
    options = ExportOptions(templates=course.templates)
    second = int(time.time())
    for module in (2, 3):
        settings = SyncOptions(modules=(module,))
        run_sync(
            course.notes,
            course.out,
            located,
            options=options,
            title=TITLE,
            settings=settings,
            clock=lambda: second,
        )

    saved = " ".join(path.read_text(encoding="utf-8") for path in course.out.glob("sync-conflicts-*.md"))
    assert STUDENT_WORDS in saved and "Mine: a disk for one instance" in saved


def test_words_the_student_added_to_a_context_line_or_table_title_stay_until_the_notes_change_it(
    studied: Studied,
) -> None:
    """The Context line and a table's title follow the notes, but what the student wrote there in Anki
    is theirs while the notes leave that line alone, as an import leaves it; once the notes change it
    too, the notes win and the student's words are saved with the conflicts."""
    student = studied.course.student()
    ec2, spot = student.note(EC2), student.note(SPOT)
    ec2["Context"] += " (mine: the exam loves per-second billing)"
    spot["Table"] += " (mine: Spot for batch jobs)"
    student.collection.update_notes([ec2, spot])
    student.close()
    output, student = sync_and_open(studied)
    try:
        assert student.note(EC2)["Context"].endswith("(mine: the exam loves per-second billing)")
        assert student.note(SPOT)["Table"].endswith("(mine: Spot for batch jobs)")
        assert_student_work_kept(student, studied)
    finally:
        student.close()
    assert f"kept your edits: {EC2} (Context)" in output and f"kept your edits: {SPOT} (Table)" in output
    assert "0 conflicts" in output
    studied.course.edit("02-compute/cram-sheet.md", "## Core services", "## Core compute services")
    output, student = sync_and_open(studied)
    try:
        assert student.note(EC2)["Context"].endswith("Core compute services")  # the notes' line
        assert student.note(SPOT)["Table"].endswith("(mine: Spot for batch jobs)")
    finally:
        student.close()
    assert f"{EC2} (Context)" in output and "1 conflict," in output
    [saved] = studied.course.out.glob("sync-conflicts-*.md")
    assert "(mine: the exam loves per-second billing)" in saved.read_text(encoding="utf-8")


def test_a_definition_only_rewrapped_in_the_notes_keeps_the_students_edit_without_a_conflict(
    studied: Studied,
) -> None:
    studied.course.edit(
        "02-compute/cram-sheet.md", "without servers; you pay", "without  servers;\n  you pay"
    )
    output, student = sync_and_open(studied)
    try:
        assert_student_work_kept(student, studied)
    finally:
        student.close()
    assert "0 conflicts" in output and not list(studied.course.out.glob("sync-conflicts-*.md"))


def test_a_sync_with_nothing_to_change_in_anki_makes_no_backup_yet_remembers_what_the_notes_now_say(
    studied: Studied,
) -> None:
    """The notes now say what the student typed in Anki: nothing to write there, so no backup (and no
    backup line beside "already up to date"); sync's record of the note follows all the same, so the
    notes' next change of it is an update, no conflict with the student's old edit."""
    course = studied.course
    assert course.sync().exit_code == 0
    backups = sorted((course.collection.parent / "backups").iterdir())
    course.edit(
        "02-compute/cram-sheet.md", "Runs your code without servers; you pay per request.", STUDENT_WORDS
    )

    output, student = sync_and_open(studied)
    student.close()

    assert "backup:" not in output and "the collection was already up to date" in output
    assert sorted((course.collection.parent / "backups").iterdir()) == backups
    course.edit("02-compute/cram-sheet.md", STUDENT_WORDS, "Runs functions on demand, billed per request.")
    output, student = sync_and_open(studied)
    try:
        assert student.note(LAMBDA)["Definition"] == "Runs functions on demand, billed per request."
        assert f"updated: {LAMBDA} (Definition)" in output and "conflict (" not in output
    finally:
        student.close()


def test_keep_anki_keeps_the_students_text_on_a_conflict(studied: Studied) -> None:
    course = studied.course
    course.edit(
        "02-compute/cram-sheet.md", "you pay per request.", "you pay per request and per millisecond."
    )
    output, student = sync_and_open(studied, "--keep-anki")
    try:
        assert student.note(LAMBDA)["Definition"] == STUDENT_WORDS
    finally:
        student.close()
    assert "conflict (Anki's text kept)" in output
    assert "the conflicts above kept Anki's text" in output and "already up to date" not in output
    [saved] = course.out.glob("sync-conflicts-*.md")
    assert "per millisecond" in saved.read_text(encoding="utf-8")
    again, student = sync_and_open(studied)  # settled: the next sync keeps the student's text quietly
    try:
        assert student.note(LAMBDA)["Definition"] == STUDENT_WORDS
        assert "0 conflicts" in again and f"kept your edits: {LAMBDA} (Definition)" in again
    finally:
        student.close()


def test_text_kept_by_keep_anki_stays_kept_on_a_computer_without_the_sync_record(studied: Studied) -> None:
    """The collection travels through AnkiWeb to a computer whose notes were pulled with git: no
    record of what sync wrote is there, and the text the student kept stays theirs."""
    course = studied.course
    course.edit(
        "02-compute/cram-sheet.md", "you pay per request.", "you pay per request and per millisecond."
    )
    sync_and_open(studied, "--keep-anki")[1].close()
    for record in course.collection.parent.glob("*.ccpkit-sync-*.json"):
        record.unlink()  # the other computer

    again, student = sync_and_open(studied)

    try:
        assert student.note(LAMBDA)["Definition"] == STUDENT_WORDS
        assert "0 conflicts" in again
    finally:
        student.close()


@pytest.mark.parametrize("built_between", [False, True], ids=["synced", "built-then-synced-elsewhere"])
def test_text_kept_by_keep_anki_survives_the_next_package_import(tmp_path: Path, built_between: bool) -> None:
    """After ``--keep-anki``, a build with nothing new re-sends nothing newer than Anki's copy: an import
    with Anki's default options leaves the student's chosen text and tags alone; also when a build ran
    between the edit and a sync whose ``--out`` is another folder (that build's ledger is older)."""
    course = Course.fresh(tmp_path)
    options = ExportOptions(templates=course.templates)
    assert course.sync().exit_code == 0
    student = course.student()
    try:
        student.study_everything()
        student.edit(LAMBDA, "Definition", STUDENT_WORDS)
        note = student.note(LAMBDA)
        note.tags += ["my-own-tag"]
        student.collection.update_note(note)  # an hour ago: the sync and the build happen now
        student.collection.db.execute("update notes set mod = mod - 3600 where id = ?", note.id)
    finally:
        student.close()
    course.edit(
        "02-compute/cram-sheet.md", "you pay per request.", "you pay per request and per millisecond."
    )
    if built_between:
        build(course.notes, course.out, formats=("anki",), options=options, title=TITLE)
    elsewhere = ("--out", str(tmp_path / "elsewhere")) if built_between else ()
    assert "conflict (Anki's text kept)" in course.sync("--keep-anki", *elsewhere).output
    report = build(course.notes, course.out, formats=("anki",), options=options, title=TITLE)
    assert report.changes is not None and report.changes.updated == ()
    student = course.student()
    try:
        log = student.import_package(next(course.out.glob("anki/*.apkg")))
        assert not log.updated and len(log.duplicate) == 11
        assert student.note(LAMBDA)["Definition"] == STUDENT_WORDS
        assert "my-own-tag" in student.note(LAMBDA).tags
    finally:
        student.close()


def test_a_definition_changed_only_in_the_notes_is_written(studied: Studied) -> None:
    studied.course.edit(
        "03-storage/cram-sheet.md", "attached to one EC2 instance", "attached to one EC2 instance in one AZ"
    )
    output, student = sync_and_open(studied)
    try:
        assert "in one AZ" in student.note("03-storage/card/amazon-ebs")["Definition"]
        assert "updated: 03-storage/card/amazon-ebs (Definition)" in output
        assert_student_work_kept(student, studied)
    finally:
        student.close()


def ebs_shows_a_picture(course: Course) -> Path:
    """A picture added to the notes' EBS definition: its file."""
    picture = course.notes / "03-storage" / "ebs.png"
    Image.new("RGB", (40, 20), (10, 20, 30)).save(picture)
    course.edit(
        "03-storage/cram-sheet.md",
        "attached to one EC2 instance",
        "attached to one EC2 instance ![a volume](ebs.png)",
    )
    return picture


def test_a_picture_the_notes_now_show_is_put_into_the_collection_media(studied: Studied) -> None:
    picture = ebs_shows_a_picture(studied.course)
    _output, student = sync_and_open(studied)
    try:
        (name,) = re.findall(r'<img src="([^"]+)"', student.note("03-storage/card/amazon-ebs")["Definition"])
        assert (Path(student.collection.media.dir()) / name).read_bytes() == picture.read_bytes()
    finally:
        student.close()


def test_a_picture_a_cut_short_sync_never_copied_is_copied_by_the_next_one(studied: Studied) -> None:
    picture = ebs_shows_a_picture(studied.course)
    sync_and_open(studied)[1].close()
    student = studied.course.student()
    media = Path(student.collection.media.dir())
    student.close()
    (copied,) = media.glob("ccpkit-*.png")
    copied.unlink()  # as a sync killed after its transaction, before the pictures, leaves it

    output, student = sync_and_open(studied)
    student.close()

    assert "pictures copied into collection.media: 1" in output  # no note to change, one picture
    assert "already up to date" not in output
    assert copied.read_bytes() == picture.read_bytes()


def test_a_picture_a_full_disk_kept_out_of_the_media_folder_is_said_and_the_ledger_still_written(
    studied: Studied, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pictures go into collection.media after the transaction: one the disk refuses leaves the
    synced collection and the ledger written together, says which failed, and the next sync copies it."""
    from anki.errors import BackendIOError
    from anki.media import MediaManager

    picture = ebs_shows_a_picture(studied.course)

    def full_disk(*_args: object, **_kwargs: object) -> str:
        raise BackendIOError("No space left on device (os error 28)", None, None, None)

    monkeypatch.setattr(MediaManager, "write_data", full_disk)
    result = studied.course.sync()
    assert result.exit_code == 1, result.output
    assert "updated: 03-storage/card/amazon-ebs (Definition)" in result.output
    assert (
        "1 picture not copied into collection.media (No space left on device (os error 28))" in result.output
    )
    assert f"wrote {studied.course.notes / '.ccpkit-ledger.json'}" in result.output
    monkeypatch.undo()
    output, student = sync_and_open(studied)
    try:
        assert "pictures copied into collection.media: 1" in output and "0 updated" in output
        (name,) = re.findall(r'<img src="([^"]+)"', student.note("03-storage/card/amazon-ebs")["Definition"])
        assert (Path(student.collection.media.dir()) / name).read_bytes() == picture.read_bytes()
    finally:
        student.close()


@pytest.mark.parametrize("change", ["renamed", "removed"])
def test_a_field_the_student_renamed_or_removed_in_anki_comes_back_and_every_card_shows_it(
    studied: Studied, change: str
) -> None:
    student = studied.course.student()
    terms = student.collection.models.by_name("ccpkit Term v1")
    assert terms is not None
    (definition,) = [field for field in terms["flds"] if field["name"] == "Definition"]
    if change == "renamed":  # Anki rewrites the templates that name it, as it does on removing it
        student.collection.models.rename_field(terms, definition, "Back")
    else:
        student.collection.models.remove_field(terms, definition)
    student.collection.models.update_dict(terms)
    student.close()
    studied.course.edit("02-compute/cram-sheet.md", "Resizable virtual servers", "Resizable virtual machines")

    output, student = sync_and_open(studied)
    try:
        assert "Resizable virtual machines" in visible_text(student.note(EC2).cards()[0].answer())
        fargate = student.note(FARGATE)  # unchanged in the notes: its definition is back, not blanked
        assert "Runs containers" in visible_text(fargate.cards()[0].answer())
        assert f"kept your edits: {FARGATE}" not in output and "kept your styling" not in output
    finally:
        student.close()


def rename_definition_in_anki(studied: Studied, *, restyle: bool = False) -> None:
    """The Term note type's ``Definition`` renamed ``Back`` in Anki (which rewrites the templates
    naming it); with ``restyle``, the student's own CSS and back template first."""
    student = studied.course.student()
    terms = student.collection.models.by_name("ccpkit Term v1")
    assert terms is not None
    if restyle:
        terms["css"] += "\n.card { background: #fffbe6; }\n"
        terms["tmpls"][0]["afmt"] += "\n<!-- my back -->"
        student.collection.models.update_dict(terms)
        student.close()
        assert studied.course.sync().exit_code == 0  # "kept your styling"
        student = studied.course.student()
        terms = student.collection.models.by_name("ccpkit Term v1")
        assert terms is not None
    (definition,) = [field for field in terms["flds"] if field["name"] == "Definition"]
    student.collection.models.rename_field(terms, definition, "Back")
    student.collection.models.update_dict(terms)
    student.close()


def test_a_field_renamed_in_anki_comes_back_on_the_notes_a_sync_of_one_module_left_out(
    studied: Studied,
) -> None:
    rename_definition_in_anki(studied)
    assert studied.course.sync("--module", "3").exit_code == 0  # the storage terms only

    output, student = sync_and_open(studied)
    try:
        assert "Resizable virtual servers" in visible_text(student.note(EC2).cards()[0].answer())
        assert f"kept your edits: {EC2}" not in output
    finally:
        student.close()


def test_a_field_renamed_in_anki_replaces_only_the_restyled_template_that_showed_it_and_says_so(
    studied: Studied,
) -> None:
    rename_definition_in_anki(studied, restyle=True)

    output, student = sync_and_open(studied)
    try:
        terms = student.collection.models.by_name("ccpkit Term v1")
        assert terms["css"].endswith("background: #fffbe6; }\n")  # names no field: stays
        assert "my back" not in terms["tmpls"][0]["afmt"]  # showed Definition: ccpkit's again
        assert "1 note type part keeps your styling from earlier syncs" in output  # listed by the last
        assert "field of ours renamed or removed in Anki: ccpkit Term v1 (back)" in output  # replaced
        assert "Resizable virtual servers" in visible_text(student.note(EC2).cards()[0].answer())
    finally:
        student.close()


def retype(studied: Studied, item_id: str, note_type: str = "Basic") -> int:
    """*Change Note Type* in Anki: the note becomes a Basic one (or of ``note_type``), keeping its
    GUID and cards; its id."""
    student = studied.course.student()
    note = student.note(item_id)
    other = student.collection.models.by_name(note_type)
    assert other is not None
    change = student.collection.models.change_notetype_info(
        old_notetype_id=note.mid, new_notetype_id=other["id"]
    )
    change.input.note_ids.extend([note.id])
    student.collection.models.change_notetype_of_notes(change.input)
    student.close()
    return note.id


@pytest.mark.parametrize("note_type", ["Basic", "ccpkit MCQ v1"])
@pytest.mark.parametrize("option", [(), ("--delete-orphans",)], ids=["retire", "delete"])
def test_a_note_the_student_gave_another_note_type_is_never_retired_nor_deleted(
    studied: Studied, option: tuple[str, ...], note_type: str
) -> None:
    note_id = retype(studied, EC2, note_type)
    studied.course.edit(
        "02-compute/cram-sheet.md",
        "- **Amazon EC2:** Resizable virtual servers in the cloud, billed per second.\n",
        "",
    )

    output, student = sync_and_open(studied, *option)
    try:
        note = student.collection.get_note(note_id)  # still there, still studied, not suspended
        assert "ccpkit::orphan" not in note.tags and all(card.queue != -1 for card in note.cards())
        assert "0 retired" in output and "deleted" not in output
    finally:
        student.close()


def test_a_note_the_student_gave_another_note_type_is_left_alone_and_said_so(studied: Studied) -> None:
    note_id = retype(studied, EC2)
    student = studied.course.student()
    fields = dict(student.collection.get_note(note_id).items())
    student.close()
    studied.course.edit("02-compute/cram-sheet.md", "Resizable virtual servers", "Resizable virtual machines")

    first = studied.course.sync()
    second = studied.course.sync()

    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    for result in (first, second):
        assert f"left alone, as you changed its note type in Anki: {EC2}" in result.output
        assert f"updated: {EC2}" not in result.output and "conflict (" not in result.output
    assert "the collection was already up to date" in second.output
    student = studied.course.student()
    try:
        assert dict(student.collection.get_note(note_id).items()) == fields
    finally:
        student.close()


def _guid(course: Course, item_id: str) -> str:
    student = course.student()
    try:
        return str(student.note(item_id).guid)
    finally:
        student.close()


def test_a_card_the_student_moved_to_their_own_deck_stays_there(studied: Studied) -> None:
    student = studied.course.student()
    own_deck = student.collection.decks.id("My weak spots")
    assert own_deck is not None
    student.collection.set_deck([card.id for card in student.note(EC2).cards()], own_deck)
    student.close()
    _, student = sync_and_open(studied, title="AWS CCP 2026")
    try:
        assert deck_of(student, EC2) == "My weak spots"
        assert deck_of(student, LAMBDA) == "AWS CCP 2026::02 Compute"
        assert_student_work_kept(student, studied)
    finally:
        student.close()
    course = studied.course
    options = ExportOptions(templates=course.templates)
    report = build(course.notes, course.out, formats=("anki",), options=options, title="AWS CCP 2026")
    assert report.changes is not None  # the student's deck is where sync leaves it: nothing waits
    assert (report.changes.moved, report.changes.pending) == ((), ())


def test_notes_with_errors_sync_the_rest_and_retire_nothing(studied: Studied) -> None:
    course = studied.course
    efs_removed(course)
    course.edit(
        "03-storage/cram-sheet.md", "attached to one EC2 instance", "attached to one EC2 instance in one AZ"
    )
    questions = course.notes / "02-compute" / "practice-questions.md"
    questions.write_text(
        questions.read_text(encoding="utf-8")
        + "\n### Question 2\n\nWhich one is a database?\n\n- A) Amazon RDS\n- B) Amazon S3\n",
        encoding="utf-8",
    )
    result = course.sync()
    assert result.exit_code == 1
    assert "02-compute/practice-questions.md:" in result.output
    said = "1 orphan(s) not retired: the notes hold errors (or warnings that may hide notes: a block"
    assert f"{said} left open, notes read into a question), fix them and sync again" in result.output
    student = course.student()
    try:
        assert "in one AZ" in student.note("03-storage/card/amazon-ebs")["Definition"]
        efs = student.note("03-storage/card/amazon-efs")
        assert "ccpkit::orphan" not in efs.tags
        assert all(card.queue != -1 for card in efs.cards())
    finally:
        student.close()


def test_a_card_in_a_filtered_deck_stays_there_and_returns_to_its_new_deck(studied: Studied) -> None:
    student = studied.course.student()
    collection = student.collection
    cram = collection.sched.get_or_create_filtered_deck(deck_id=0)  # type: ignore[arg-type]
    cram.name = "Cram tonight"
    cram.config.search_terms[0].search = f'"Id:{EC2}"'
    cram.config.reschedule = True
    collection.sched.add_or_update_filtered_deck(cram)
    student.close()
    output, student = sync_and_open(studied, title="AWS CCP 2026")
    try:
        [card] = student.note(EC2).cards()
        assert student.collection.decks.name(card.did) == "Cram tonight"
        assert student.collection.decks.name(card.odid) == "AWS CCP 2026::02 Compute"
        assert "0 added, 0 updated, 11 moved" in output
        student.collection.sched.empty_filtered_deck(card.did)
        assert deck_of(student, EC2) == "AWS CCP 2026::02 Compute"
        assert_student_work_kept(student, studied)
    finally:
        student.close()


def test_a_retired_card_studied_in_a_filtered_deck_is_suspended_there_and_goes_home_when_emptied(
    studied: Studied,
) -> None:
    """Anki's choice: suspending a card leaves it in the filtered deck it is in. Retired while the
    student crams it there, it stays, suspended, history kept, and goes back to its module's deck when
    they empty (or rebuild) the filtered deck; its item put back, it is studied again."""
    student = studied.course.student()
    cram = student.collection.sched.get_or_create_filtered_deck(deck_id=0)  # type: ignore[arg-type]
    cram.name = "Cram tonight"
    cram.config.search_terms[0].search = f'"Id:{FARGATE}"'
    student.collection.sched.add_or_update_filtered_deck(cram)
    student.close()
    fargate_removed(studied.course)

    output, student = sync_and_open(studied)

    try:
        [card] = student.note(FARGATE).cards()
        assert "1 retired" in output and card.queue == -1
        assert student.collection.decks.name(card.did) == "Cram tonight"
        student.collection.sched.empty_filtered_deck(card.did)
        assert deck_of(student, FARGATE) == COMPUTE
        assert student.note(FARGATE).cards()[0].queue == -1
        assert_student_work_kept(student, studied)
    finally:
        student.close()
    assert_fargate_restored(studied)


def test_flags_and_buried_cards_stay_through_syncs_that_update_move_retire_and_restore(
    studied: Studied,
) -> None:
    """Card flags and buries are the student's: syncs that rewrite EC2, move every card to the course's
    new title, retire EFS and then bring it back, and leave S3's text alone, change none of them."""
    efs = "03-storage/card/amazon-efs"
    flags = {EC2: 1, FARGATE: 3, efs: 4, S3: 7}
    student = studied.course.student()
    for item, flag in flags.items():
        student.collection.set_user_flag_for_cards(flag, student.note(item).card_ids())
    student.collection.sched.bury_cards(student.note(S3).card_ids())
    student.close()
    studied.course.edit("02-compute/cram-sheet.md", "billed per second", "billed by the second")
    efs_removed(studied.course)
    sync_and_open(studied, title="AWS CCP 2026")[1].close()
    efs_line = "- **Amazon EFS:** A shared file system many instances mount at once.\n"
    studied.course.edit("03-storage/cram-sheet.md", "- **Amazon EBS:**", f"{efs_line}- **Amazon EBS:**")

    output, student = sync_and_open(studied, title="AWS CCP 2026")

    try:
        assert f"restored: {efs}" in output and "by the second" in student.note(EC2)["Definition"]
        assert deck_of(student, FARGATE) == "AWS CCP 2026::02 Compute"
        for item, flag in flags.items():
            assert [card.user_flag() for card in student.note(item).cards()] == [flag], item
        assert [card.queue for card in student.note(S3).cards()] == [-3]  # buried by the student
    finally:
        student.close()


def test_notes_the_student_added_by_hand_in_the_courses_decks_are_never_touched_nor_deleted(
    studied: Studied,
) -> None:
    """A Basic note and a term of ccpkit's own note type that the student wrote in Anki, in the compute
    deck: no ledger holds them, so no sync counts, retires, moves or deletes them, and their deck stays."""
    student = studied.course.student()
    collection = student.collection
    compute = collection.decks.id(COMPUTE)
    assert compute is not None
    basic = collection.new_note(collection.models.by_name("Basic"))  # type: ignore[arg-type]
    basic["Front"], basic["Back"] = "My exam date", "14 March"
    term = collection.new_note(collection.models.by_name("ccpkit Term v1"))  # type: ignore[arg-type]
    term["Term"], term["Definition"] = "Savings Plans", "My words: a commitment in $/hour"
    collection.add_notes([AddNoteRequest(basic, compute), AddNoteRequest(term, compute)])
    own = {note.id: (note.fields, note.card_ids()) for note in (basic, term)}
    student.close()
    cram = studied.course.notes / "02-compute" / "cram-sheet.md"  # its four terms removed
    lines = cram.read_text(encoding="utf-8").splitlines(keepends=True)
    cram.write_text("".join(line for line in lines if not line.startswith("- **")), encoding="utf-8")

    output, student = sync_and_open(studied, "--delete-orphans")

    try:
        assert "deleting 4 orphaned notes" in output
        for note_id, (fields, cards) in own.items():
            note = student.collection.get_note(note_id)
            assert (note.fields, note.card_ids()) == (fields, cards)
            assert {student.collection.decks.name(card.did) for card in note.cards()} == {COMPUTE}
    finally:
        student.close()


def test_module_option_syncs_only_that_module(studied: Studied) -> None:
    course = studied.course
    course.edit(
        "03-storage/cram-sheet.md", "attached to one EC2 instance", "attached to one EC2 instance in one AZ"
    )
    course.edit(
        "02-compute/cram-sheet.md",
        "- **AWS Fargate:** Runs containers without managing servers or clusters.\n",
        "",
    )
    output, student = sync_and_open(studied, "--module", "3")
    try:
        assert "in one AZ" in student.note("03-storage/card/amazon-ebs")["Definition"]
        fargate = student.note(FARGATE)  # module 2 was not synced: its removed item is not retired yet
        assert "ccpkit::orphan" not in fargate.tags
        assert "0 added, 1 updated, 0 moved, 0 retired, 0 restored, 0 conflicts, 2 unchanged" in output
        assert "Compute" not in output and "not synced: 1 other module" in output  # counts: what it synced
        assert_student_work_kept(student, studied)
    finally:
        student.close()


def test_module_option_does_not_retire_an_item_moved_to_a_module_not_synced(studied: Studied) -> None:
    course = studied.course
    fargate_moved_to_storage(course)
    output, student = sync_and_open(studied, "--module", "2")
    try:
        fargate = student.note(FARGATE)
        assert "0 retired" in output and "ccpkit::orphan" not in fargate.tags
        assert all(card.queue != -1 for card in fargate.cards())  # still studied: it lives in module 3
    finally:
        student.close()


def test_sync_shows_warnings_but_leaves_the_info_lines_to_check(tmp_path: Path) -> None:
    course = Course.fresh(tmp_path)
    course.edit(  # a term defined twice in a cram sheet: merged, with a warning
        "03-storage/cram-sheet.md",
        "## Object and block storage\n",
        "## Object and block storage\n\n- **Amazon S3:** Buckets hold objects.\n",
    )
    (course.notes / "03-storage" / "lecture.md").write_text(  # one label under two headings: an info
        "# Lecture\n\n## Durability\n\n- **Principles:** Keep copies.\n\n"
        "## Cost\n\n- **Principles:** Pay for what you store.\n",
        encoding="utf-8",
    )
    result = course.sync()
    assert result.exit_code == 0, result.output
    checked = CliRunner().invoke(cli, ["check", "--notes", str(course.notes)])
    infos = [line for line in checked.output.splitlines() if ": info: " in line]
    warnings = [line for line in checked.output.splitlines() if ": warning: " in line]
    assert infos and warnings
    assert not [line for line in infos if line in result.output]
    assert all(line in result.output for line in warnings)


def _warned_course(tmp_path: Path) -> tuple[Course, str, str]:
    """A course with one warning in each module's notes: (course, the storage one, the compute one)."""
    course = Course.fresh(tmp_path)
    course.edit(  # a term defined twice in a cram sheet: merged, with a warning
        "03-storage/cram-sheet.md",
        "## Object and block storage\n",
        "## Object and block storage\n\n- **Amazon S3:** Buckets hold objects.\n",
    )
    course.edit(  # and in another
        "02-compute/cram-sheet.md",
        "## Core services\n",
        "## Core services\n\n- **AWS Fargate:** Serverless containers.\n",
    )
    checked = CliRunner().invoke(cli, ["check", "--notes", str(course.notes)])
    warnings = [line for line in checked.output.splitlines() if ": warning: " in line]
    (storage,) = [line for line in warnings if line.startswith("03-storage/")]
    (compute,) = [line for line in warnings if line.startswith("02-compute/")]
    return course, storage, compute


def test_a_sync_shows_the_warnings_of_the_notes_it_changes_and_counts_the_others(tmp_path: Path) -> None:
    course, storage, compute = _warned_course(tmp_path)
    first = course.sync()  # every note is new: every warning is news
    assert first.exit_code == 0, first.output
    assert storage in first.output and compute in first.output

    again = course.sync()  # nothing changed: the warnings were shown already
    assert ": warning: " not in again.output
    assert "2 warnings in unchanged notes — `-v` lists them" in again.output

    course.edit("03-storage/cram-sheet.md", "many instances mount", "many EC2 instances mount")
    edited = course.sync()  # the storage notes changed: their warning again, the other counted
    assert storage in edited.output and compute not in edited.output
    assert "1 warning in unchanged notes — `-v` lists them" in edited.output

    listed = course.sync("--verbose")
    assert storage in listed.output and compute in listed.output
    assert "in unchanged notes" not in listed.output


def test_a_sync_shows_every_error_even_in_notes_it_does_not_change(tmp_path: Path) -> None:
    course = Course.fresh(tmp_path)
    course.edit("02-compute/practice-questions.md", "**Answer:** B\n", "")
    first = course.sync()
    error = next(line for line in first.output.splitlines() if "question has no answer" in line)
    again = course.sync()
    assert again.exit_code == 1
    assert error in again.output.splitlines()


def test_a_note_deleted_in_anki_but_still_in_the_notes_is_added_again_and_said_so(studied: Studied) -> None:
    student = studied.course.student()
    try:
        student.collection.remove_notes([student.note(S3).id])
    finally:
        student.close()
    output, student = sync_and_open(studied)
    try:
        assert student.reviews_of(student.note(S3)) == 0  # a fresh card: its history went with the note
    finally:
        student.close()
    assert "1 added" in output
    assert (
        f"added again, deleted in Anki but still in the notes (remove it there to keep it out): {S3}"
        in output
    )
    assert f"  added: {S3}" not in output


def test_text_an_apkg_brought_between_two_syncs_is_no_edit_of_the_students(tmp_path: Path) -> None:
    """Sync, then a build's .apkg imported, then the notes change again: Anki's copy is what the last
    build sent, so the sync writes the new text with no conflict, even with ``--keep-anki``."""
    course = Course.fresh(tmp_path)
    assert course.sync().exit_code == 0
    course.edit("03-storage/cram-sheet.md", "attached to one EC2 instance", "attached to one instance")
    options = ExportOptions(templates=course.templates)
    build(course.notes, course.out, formats=("anki",), options=options, title=TITLE)
    student = course.student()
    try:
        assert len(student.import_package(next(course.out.glob("anki/*.apkg"))).updated) == 1
    finally:
        student.close()
    course.edit("03-storage/cram-sheet.md", "attached to one instance", "attached to one instance in one AZ")
    output, student = sync_and_open(Studied(course, {}), "--keep-anki")
    try:
        assert "in one AZ" in student.note("03-storage/card/amazon-ebs")["Definition"]
    finally:
        student.close()
    assert "0 conflicts" in output and "updated: 03-storage/card/amazon-ebs (Definition)" in output
    assert not list(course.out.glob("sync-conflicts-*.md"))


def assert_the_reverted_definition_reaches_anki(course: Course) -> None:
    """The package built after the revert updates the EBS note in Anki: its old definition is back."""
    student = course.student()
    try:
        assert len(student.import_package(next(course.out.glob("anki/*.apkg"))).updated) == 1
        assert "attached to one EC2 instance" in student.note("03-storage/card/amazon-ebs")["Definition"]
    finally:
        student.close()


@pytest.mark.parametrize("first", ["built", "synced"])
def test_an_edit_synced_then_reverted_with_its_ledger_reaches_anki_with_the_next_package(
    tmp_path: Path, first: str
) -> None:
    """Build (or sync, in a build folder no build has used), sync an edit, then ``git revert`` it
    (notes and ledger as they were): a sync wrote the last ledger, so the build sends the old text
    again."""
    course = Course.fresh(tmp_path)
    options = ExportOptions(templates=course.templates)
    if first == "built":
        build(course.notes, course.out, formats=("anki",), options=options, title=TITLE)
        student = course.student()
        try:
            student.import_package(next(course.out.glob("anki/*.apkg")))
        finally:
            student.close()
    else:
        assert course.sync().exit_code == 0
    cram_sheet, ledger = course.notes / "03-storage" / "cram-sheet.md", course.notes / ".ccpkit-ledger.json"
    before = cram_sheet.read_bytes(), ledger.read_bytes()
    course.edit("03-storage/cram-sheet.md", "attached to one EC2 instance", "attached to one instance")
    assert course.sync().exit_code == 0
    cram_sheet.write_bytes(before[0])  # the revert
    ledger.write_bytes(before[1])
    report = build(course.notes, course.out, formats=("anki",), options=options, title=TITLE)
    assert report.changes is not None and report.changes.updated == ("03-storage/card/amazon-ebs",)
    assert_the_reverted_definition_reaches_anki(course)


def test_an_edit_synced_slowly_then_reverted_reaches_anki_with_a_package_built_the_second_it_was_written(
    tmp_path: Path,
) -> None:
    """A sync reads the clock before it writes: on a large collection, its backup and its writes come
    seconds later, and Anki dates each note it writes then. A package built that very second (a
    script reverting the notes right after the sync) must still be newer than Anki's copy, or the
    import skips the text put back."""
    course = Course.fresh(tmp_path)
    course.build(at=1_700_000_000)  # imported last week
    student = course.student()
    try:
        student.import_package(next(course.out.glob("anki/*.apkg")))
    finally:
        student.close()
    cram_sheet, ledger = course.notes / "03-storage" / "cram-sheet.md", course.notes / ".ccpkit-ledger.json"
    before = cram_sheet.read_bytes(), ledger.read_bytes()
    course.edit("03-storage/cram-sheet.md", "attached to one EC2 instance", "attached to one instance")
    options = ExportOptions(templates=course.templates)
    started = time.time() - 5  # the sync's reading and backup took five seconds
    located = Located(course.collection, course.collection.parent / "backups")
    run_sync(course.notes, course.out, located, options=options, title=TITLE, clock=lambda: started)
    student = course.student()
    try:
        written = student.note("03-storage/card/amazon-ebs").mod
    finally:
        student.close()
    cram_sheet.write_bytes(before[0])  # the revert
    ledger.write_bytes(before[1])

    build(course.notes, course.out, formats=("anki",), options=options, title=TITLE, clock=lambda: written)

    assert_the_reverted_definition_reaches_anki(course)


def test_rows_only_reordered_in_the_notes_are_no_edit_either_way(studied: Studied) -> None:
    """A table whose rows the notes swap reads the same on each row's card: sync neither sends the new
    order nor calls the rows no one touched the student's edits; a row the student edited stays theirs."""
    student = studied.course.student()
    reserved = "02-compute/table/instance-purchase-options/reserved"
    mine = student.note(reserved)["Answer"] + " (my note)"
    student.edit(reserved, "Answer", mine)
    student.close()
    reserved_row = "| Reserved | Steady use for 1 or 3 years | up to 72% |"
    spot_row = "| Spot | Jobs that can be interrupted | up to 90% |"
    studied.course.edit("02-compute/summary.md", f"{reserved_row}\n{spot_row}", f"{spot_row}\n{reserved_row}")

    output, student = sync_and_open(studied)

    try:
        assert "Whole table" not in output and "0 conflicts" in output
        assert f"kept your edits: {reserved} (Answer)" in output
        assert student.note(reserved)["Answer"] == mine
    finally:
        student.close()


def test_rows_reordered_then_a_cell_changed_update_the_whole_table_with_no_conflict(studied: Studied) -> None:
    """The sync of the reordered rows leaves each card's whole table as Anki holds it; the next change
    of a cell must update it, not read that older order as the student's edit, on a note whose other
    field they edited too."""
    student = studied.course.student()
    reserved = "02-compute/table/instance-purchase-options/reserved"
    student.edit(reserved, "Answer", student.note(reserved)["Answer"] + " (my note)")
    student.close()
    reserved_row = "| Reserved | Steady use for 1 or 3 years | up to 72% |"
    spot_row = "| Spot | Jobs that can be interrupted | up to 90% |"
    studied.course.edit("02-compute/summary.md", f"{reserved_row}\n{spot_row}", f"{spot_row}\n{reserved_row}")
    first, student = sync_and_open(studied)
    student.close()
    studied.course.edit("02-compute/summary.md", "up to 90%", "up to 90% off")

    output, student = sync_and_open(studied)

    try:
        assert "Whole table" not in first and "0 conflicts" in output, output
        assert "up to 90% off" in student.note(reserved)["Whole table"]
        assert student.note(reserved)["Answer"].endswith(" (my note)")
    finally:
        student.close()


def test_options_only_reordered_in_the_notes_are_no_edit_either_way(studied: Studied) -> None:
    """A question whose options the notes swap (its answer re-lettered) asks the same on a card that
    shuffles them: sync neither rewrites it nor calls its fields the student's edits, sync after sync."""
    studied.course.edit(
        "02-compute/practice-questions.md",
        "- A) Amazon EC2\n- B) AWS Lambda\n- C) Amazon Lightsail\n\n**Answer:** B",
        "- A) AWS Lambda\n- B) Amazon EC2\n- C) Amazon Lightsail\n\n**Answer:** A",
    )
    question = "02-compute/mcq/which-service-runs-code-without-provisioning-servers"
    student = studied.course.student()
    before = student.note(question)
    sent = list(before.fields)
    student.close()

    for _ in range(2):
        output, student = sync_and_open(studied)
        try:
            assert question not in output, output
            assert list(student.note(question).fields) == sent
        finally:
            student.close()


@pytest.mark.parametrize("field", ["Explanation", "Options"])
def test_options_only_reordered_leave_a_question_alone_the_student_edited_in_anki(
    studied: Studied, field: str
) -> None:
    """The student wrote their own explanation in Anki, or a remark on an option; the notes only swap
    the options: the card asks the same, so sync writes nothing, and the student's words stay."""
    question = "02-compute/mcq/which-service-runs-code-without-provisioning-servers"
    student = studied.course.student()
    if field == "Explanation":
        student.edit(question, field, "Mine: Lambda runs code on events, no servers to manage.")
    else:
        options = student.note(question)[field]
        student.edit(question, field, options.replace("Amazon Lightsail", "Amazon Lightsail (mine: a VPS)"))
    sent = list(student.note(question).fields)
    student.close()
    studied.course.edit(
        "02-compute/practice-questions.md",
        "- A) Amazon EC2\n- B) AWS Lambda\n- C) Amazon Lightsail\n\n**Answer:** B",
        "- A) AWS Lambda\n- B) Amazon EC2\n- C) Amazon Lightsail\n\n**Answer:** A",
    )

    output, student = sync_and_open(studied)
    try:
        assert f"updated: {question}" not in output, output
        assert list(student.note(question).fields) == sent
    finally:
        student.close()


@pytest.mark.parametrize(
    ("opening", "warned"),
    [("```", "code fence is never closed"), ("<!-- reword this", "HTML comment is never closed")],
)
def test_a_block_left_open_retires_none_of_the_notes_it_hides_and_says_why(
    studied: Studied, opening: str, warned: str
) -> None:
    """A stray ``` (or an HTML comment never closed) above the Lambda line hides the rest of the file:
    the notes below it are missing, not removed, so sync keeps them as they are (``--delete-orphans``
    deletes none) and shows the warning at the opening line."""
    studied.course.edit(
        "02-compute/cram-sheet.md",
        "- **AWS Lambda:**",
        f"{opening}\n\n- **AWS Lambda:**",
    )

    output, student = sync_and_open(studied, "--delete-orphans")

    try:
        assert f"02-compute/cram-sheet.md:12: warning: {warned}" in output
        assert "0 retired" in output and "3 orphan(s) not retired" in output
        assert not any("ccpkit::orphan" in note.tags for note in student.notes())
        assert all(card.queue != -1 for note in student.notes() for card in note.cards())
        assert_student_work_kept(student, studied)
    finally:
        student.close()


def test_a_module_folder_linked_from_a_drive_not_mounted_deletes_nothing(studied: Studied) -> None:
    """The module's folder is a link into a drive that is not there: its notes are held, not orphaned,
    so even ``--delete-orphans`` deletes none of them, and they are the same notes once it is back."""
    course = studied.course
    away = course.root / "drive" / "03-storage"
    away.parent.mkdir()
    shutil.move(course.notes / "03-storage", away)
    (course.notes / "03-storage").symlink_to(away)
    assert course.sync().exit_code == 0
    away.rename(course.root / "drive" / "unmounted")
    result = course.sync("--delete-orphans")
    assert result.exit_code == 1
    assert "03-storage:1: a link to" in result.output and "which is not there" in result.output
    (course.root / "drive" / "unmounted").rename(away)
    assert course.sync().exit_code == 0
    student = course.student()
    try:
        assert_student_work_kept(student, studied)
    finally:
        student.close()


def test_a_notes_file_icloud_drive_moved_to_the_cloud_deletes_nothing(studied: Studied) -> None:
    """macOS's Optimize Storage leaves ``.cram-sheet.md.icloud`` in place of a file: its notes are held,
    not orphaned, so even ``--delete-orphans`` deletes none, and they are the same notes once it is back."""
    folder = studied.course.notes / "03-storage"
    (folder / "cram-sheet.md").rename(folder / ".cram-sheet.md.icloud")
    result = studied.course.sync("--delete-orphans")
    assert result.exit_code == 1
    assert "03-storage/.cram-sheet.md.icloud:1: iCloud Drive keeps this file in the cloud" in result.output
    (folder / ".cram-sheet.md.icloud").rename(folder / "cram-sheet.md")
    assert studied.course.sync().exit_code == 0
    student = studied.course.student()
    try:
        assert_student_work_kept(student, studied)
    finally:
        student.close()


def test_card_templates_anki_refuses_are_named_and_the_collection_is_left_as_it_was(
    studied: Studied, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rule of Anki's own that the build's check of the templates does not know (a newer Anki's)."""
    from anki.errors import CardTypeError  # after the collection module, which imports these in its order
    from anki.models import ModelManager

    style = studied.course.templates / "anki" / "style.css"
    style.write_text(style.read_text(encoding="utf-8") + "\n.card { color: #123; }\n", encoding="utf-8")
    studied.course.edit("02-compute/cram-sheet.md", "Resizable virtual servers", "Resizable virtual machines")

    def refuse(_models: object, _notetype: object) -> None:
        said = "Card template \u20681\u2069 in note type '\u2068ccpkit Term v1\u2069' has a problem."
        raise CardTypeError(f"{said}<br>See the preview.", None, None, None)

    with monkeypatch.context() as patched:
        patched.setattr(ModelManager, "update_dict", refuse)
        result = studied.course.sync()

    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert (
        "Anki refuses the card templates of 'ccpkit Term v1' (Card template 1 in note type 'ccpkit Term v1' "
        "has a problem. See the preview.); nothing was written: fix templates/anki/term.front.html"
    ) in result.output
    student = studied.course.student()
    try:
        assert not student.collection.models.by_name("ccpkit Term v1")["css"].endswith("color: #123; }\n")
        assert "Resizable virtual machines" not in student.note(EC2)["Definition"]
        assert_student_work_kept(student, studied)
    finally:
        student.close()


def test_a_question_written_above_a_studied_table_holds_its_rows_even_with_delete_orphans(
    studied: Studied,
) -> None:
    """The question's explanation runs to the next heading, so the table is read into it, with a
    warning: the rows are held with their history for the student to fix, never deleted."""
    studied.course.edit(
        "02-compute/summary.md",
        "## Instance purchase options\n",
        "## Instance purchase options\n\nWhich runs code without servers?\n\n"
        "- A) Amazon EC2\n- B) AWS Lambda\n\n**Answer:** B\n",
    )
    output, student = sync_and_open(studied, "--delete-orphans")
    try:
        assert "02-compute/summary.md:18: warning: table is read into the explanation" in output
        assert "deleted" not in output and "3 orphan(s) not retired" in output
        spot = student.note(SPOT)
        assert "ccpkit::orphan" not in spot.tags and student.reviews_of(spot) == 1
        assert_student_work_kept(student, studied)
    finally:
        student.close()


@RECORDS
def test_a_retired_note_anki_reset_back_among_new_cards_is_suspended_again_but_not_one_unsuspended_by_hand(
    studied: Studied, record: str
) -> None:
    """Anki's *Reset* (*Forget*) on the whole course unsuspends the cards it resets, a retired note's too,
    its tag kept: no choice of the student's to study it, so sync suspends it again and says so (the
    other cards stay reset). Unsuspended by hand after that, it is the student's: left as they left it."""
    course = studied.course
    fargate_removed(course)
    assert course.sync().exit_code == 0
    student = course.student()
    every_card = list(student.collection.find_cards(f'"deck:{TITLE}"'))
    student.collection.sched.schedule_cards_as_new(every_card, restore_position=True, reset_counts=True)
    student.close()
    if record == "gone":  # another computer: the collection remembers which cards sync suspended
        course.lose_records()
    efs_removed(course)

    output, student = sync_and_open(studied)

    try:
        fargate = student.note(FARGATE)
        assert all(card.queue == -1 for card in fargate.cards()) and "ccpkit::orphan" in fargate.tags
        assert f"Reset put it back among your new cards (to study it, unsuspend it): {FARGATE}" in output
        assert [(card.queue, card.type) for card in student.note(S3).cards()] == [(0, 0)]  # reset, new
        student.collection.sched.unsuspend_cards(list(fargate.card_ids()))
    finally:
        student.close()
    course.edit("03-storage/cram-sheet.md", "- **Amazon S3:", "- **Amazon S3 (objects):")

    output, student = sync_and_open(studied)

    try:
        assert all(card.queue == 0 for card in student.note(FARGATE).cards())
        assert FARGATE not in output
    finally:
        student.close()


def test_a_module_deck_the_student_renamed_keeps_its_cards_and_new_ones_go_to_the_modules_own(
    studied: Studied,
) -> None:
    """docs/sync.md, "What sync owns": a deck renamed in Anki is the student's; the course is split,
    never shuffled behind their back (rename modules with ``module_title`` in the notes instead)."""
    student = studied.course.student()
    deck = student.collection.decks.by_name(COMPUTE)
    assert deck is not None
    deck["name"] = f"{TITLE}::Compute, hard ones"
    student.collection.decks.save(deck)
    student.close()
    fargate_moved_to_storage(studied.course)
    studied.course.edit(
        "02-compute/cram-sheet.md", "- **AWS Lambda:", "- **Amazon ECS:** Runs containers.\n- **AWS Lambda:"
    )

    output, student = sync_and_open(studied)

    try:
        assert deck_of(student, "03-storage/card/aws-fargate") == f"{TITLE}::Compute, hard ones"
        assert deck_of(student, EC2) == f"{TITLE}::Compute, hard ones"
        assert deck_of(student, "02-compute/card/amazon-ecs") == COMPUTE
        assert "0 moved" in output
    finally:
        student.close()


def test_a_question_reworded_as_its_options_are_reordered_keeps_its_note_and_history(
    studied: Studied,
) -> None:
    """The card shuffles a question's options, so their order (and the letter of the right one) is no
    part of what it asks: its stem's wording fixed in the same edit is the same question, studied."""
    studied.course.edit(
        "02-compute/practice-questions.md",
        "Which service runs code without provisioning servers?\n\n"
        "- A) Amazon EC2\n- B) AWS Lambda\n- C) Amazon Lightsail\n\n**Answer:** B",
        "Which service runs code without provisioning a server?\n\n"
        "- A) AWS Lambda\n- B) Amazon EC2\n- C) Amazon Lightsail\n\n**Answer:** A",
    )

    output, student = sync_and_open(studied)

    try:
        assert "0 added" in output and "0 retired" in output
        question = student.note("02-compute/mcq/which-service-runs-code-without-provisioning-a-server")
        assert "provisioning a server?" in question["Stem"]
        answers = question["Answers"]  # the options' order as Anki holds them (the card shuffles them)
        assert (
            f'data-label="{answers}"><span class="label">{answers}</span> <span class="text">AWS Lambda'
            in (question["Options"])
        )
        assert_student_work_kept(student, studied)
    finally:
        student.close()


def assert_fargate_restored(studied: Studied) -> None:
    """Fargate put back in the notes: the next sync restores its note and studies its cards again."""
    fargate_put_back(studied.course)
    output, student = sync_and_open(studied)
    try:
        assert f"restored: {FARGATE}" in output
        assert all(card.queue != -1 for card in student.note(FARGATE).cards())
    finally:
        student.close()
