"""The first sync of a collection that .apkg imports filled: no record of what ccpkit wrote yet, so
a note's modification time (after the ledger's time for it) tells that the student edited it."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from ccpkit.export.anki import notes
from ccpkit.export.anki.notes import AnkiPart
from ccpkit.model import Module
from tests.export.anki.student import Student
from tests.sync.course import TITLE, Course, fargate_moved_to_storage

LAMBDA, EBS = "02-compute/card/aws-lambda", "03-storage/card/amazon-ebs"
SPOT = "02-compute/table/instance-purchase-options/spot"
PACKAGE = "anki/aws-certified-cloud-practitioner.apkg"
LAST_WEEK = 1_700_000_000


def imported(tmp_path: Path) -> tuple[Course, Student]:
    """The course built last week, and the student's collection that imported its package."""
    course = Course.fresh(tmp_path)
    built(course)
    student = course.student()
    student.import_package(course.out / PACKAGE)
    return course, student


def built(course: Course, at: int = LAST_WEEK) -> None:
    """`ccpkit build --format anki` of the course, its clock at ``at``."""
    course.build(at)


def rebuilt_before_the_import(tmp_path: Path) -> tuple[Course, Student]:
    """The course imported and studied; then EBS reworded in the notes and built an hour later, its
    package not imported yet: the student's collection open."""
    course, student = imported(tmp_path)
    student.study_everything()
    student.close()
    ebs_reworded(course)
    built(course, at=LAST_WEEK + 3600)
    return course, course.student()


def ebs_reworded(course: Course) -> None:
    """The notes change EBS's definition (the student edited it in Anki too, in the tests below)."""
    course.edit(
        "03-storage/cram-sheet.md", "attached to one EC2 instance", "attached to one EC2 instance in one AZ"
    )


def test_first_sync_after_imports_keeps_edits_and_reports_both_sided_changes(tmp_path: Path) -> None:
    course, student = imported(tmp_path)
    student.study_everything()
    student.edit(LAMBDA, "Definition", "Mine: serverless")
    student.edit(EBS, "Definition", "Mine: a disk for one instance")
    student.close()
    ebs_reworded(course)

    result = course.sync()

    assert result.exit_code == 0, result.output
    assert "0 added, 1 updated, 0 moved, 0 retired, 0 restored, 1 conflict, 10 unchanged" in result.output
    assert f"kept your edits: {LAMBDA} (Definition)" in result.output
    student = course.student()
    try:
        assert student.note(LAMBDA)["Definition"] == "Mine: serverless"  # the notes did not change it
        assert "in one AZ" in student.note(EBS)["Definition"]  # both did: the notes win …
        assert all(student.reviews_of(note) == 1 for note in student.notes())
    finally:
        student.close()
    [saved] = course.out.glob("sync-conflicts-*.md")
    assert "Mine: a disk for one instance" in saved.read_text(encoding="utf-8")  # … Anki's text is kept here
    again = course.sync()
    assert "0 added, 0 updated, 0 moved, 0 retired, 0 restored, 0 conflicts, 11 unchanged" in again.output


def test_first_sync_after_imports_leaves_cards_in_the_students_own_decks(tmp_path: Path) -> None:
    course, student = imported(tmp_path)
    decks = student.collection.decks
    mine, hard = decks.id("Mine"), decks.id(f"{TITLE}::02 Compute::Hard ones")
    assert mine is not None and hard is not None
    student.collection.set_deck([card.id for card in student.note(LAMBDA).cards()], mine)
    student.collection.set_deck([card.id for card in student.note(EBS).cards()], hard)
    student.close()

    result = course.sync()

    assert result.exit_code == 0, result.output
    assert "0 moved" in result.output and "empty deck removed" not in result.output
    student = course.student()
    try:
        assert student.decks_of(student.note(LAMBDA)) == {"Mine"}
        assert student.decks_of(student.note(EBS)) == {f"{TITLE}::02 Compute::Hard ones"}
    finally:
        student.close()


def test_a_build_never_imported_makes_an_edit_in_anki_a_conflict_not_an_overwrite(tmp_path: Path) -> None:
    course, student = imported(tmp_path)
    student.edit(EBS, "Definition", "Mine: a disk for one instance")
    student.close()
    ebs_reworded(course)
    built(course, at=int(time.time()) + 60)  # the notes edited a minute after the edit in Anki

    result = course.sync()  # the package of that build was never imported

    assert result.exit_code == 0, result.output
    assert f"{EBS} (Definition)" in result.output and "1 conflict" in result.output
    [saved] = course.out.glob("sync-conflicts-*.md")
    assert "Mine: a disk for one instance" in saved.read_text(encoding="utf-8")


def test_the_first_sync_writes_a_field_the_notes_restyled_and_keeps_the_students_edit_of_another(
    tmp_path: Path,
) -> None:
    course, student = imported(tmp_path)
    student.study_everything()
    student.edit(EBS, "Definition", "Mine: a disk for one instance")
    student.close()
    course.edit("03-storage/cram-sheet.md", "**Amazon EBS:**", "**Amazon `EBS`:**")  # the front restyled

    result = course.sync()

    assert result.exit_code == 0, result.output
    assert f"updated: {EBS} (Term)" in result.output and "0 conflicts" in result.output
    assert f"kept your edits: {EBS} (Definition)" in result.output
    student = course.student()
    try:
        note = student.note(EBS)
        assert note["Term"] == "Amazon <code>EBS</code>"
        assert note["Definition"] == "Mine: a disk for one instance"
        assert student.reviews_of(note) == 1
    finally:
        student.close()
    assert not list(course.out.glob("sync-conflicts-*.md"))


def test_a_fix_an_import_skipped_as_the_note_was_marked_in_anki_reaches_it_by_the_first_sync(
    tmp_path: Path,
) -> None:
    course, student = rebuilt_before_the_import(tmp_path)
    marked = student.note(EBS)
    marked.add_tag("marked")  # the student marks the card (Anki's leech tag does the same): no field edited
    student.collection.update_note(marked)
    student.import_package(course.out / PACKAGE)  # Anki skips the note, touched after the package
    assert "in one AZ" not in student.note(EBS)["Definition"]
    student.close()

    result = course.sync()

    assert result.exit_code == 0, result.output
    assert "1 updated" in result.output and "0 conflicts" in result.output
    assert "kept your edits" not in result.output
    student = course.student()
    try:
        assert "in one AZ" in student.note(EBS)["Definition"]
        assert "marked" in student.note(EBS).tags and student.reviews_of(student.note(EBS)) == 1
    finally:
        student.close()


def test_a_fix_an_import_skipped_as_the_student_edited_another_field_reaches_it_and_their_edit_stays(
    tmp_path: Path,
) -> None:
    course, student = rebuilt_before_the_import(tmp_path)
    student.edit(EBS, "Term", "Amazon EBS (block storage)")  # after the build, before importing it
    student.import_package(course.out / PACKAGE)  # Anki skips the note, touched after the package
    assert "in one AZ" not in student.note(EBS)["Definition"]
    student.close()

    result = course.sync()

    assert result.exit_code == 0, result.output
    assert "1 updated" in result.output and "0 conflicts" in result.output, result.output
    assert f"kept your edits: {EBS} (Term)" in result.output
    student = course.student()
    try:
        note = student.note(EBS)
        assert "in one AZ" in note["Definition"]  # the notes' fix, which the import skipped
        assert note["Term"] == "Amazon EBS (block storage)"  # the student's own edit
        assert student.reviews_of(note) == 1
    finally:
        student.close()
    assert not list(course.out.glob("sync-conflicts-*.md"))


def test_a_sync_of_one_module_leaves_the_others_to_the_next_sync_with_no_false_conflict(
    tmp_path: Path,
) -> None:
    course, student = imported(tmp_path)
    student.study_everything()
    student.close()
    course.edit("02-compute/cram-sheet.md", "you pay per request", "you pay per request and duration")
    ebs_reworded(course)

    one = course.sync("--module", "3")
    rest = course.sync()

    assert one.exit_code == 0 and rest.exit_code == 0, one.output + rest.output
    assert "0 added, 1 updated, 0 moved, 0 retired, 0 restored, 0 conflicts" in rest.output
    assert f"updated: {LAMBDA} (Definition)" in rest.output
    assert not list(course.out.glob("sync-conflicts-*.md"))
    student = course.student()
    try:
        assert student.note(LAMBDA)["Definition"].endswith("you pay per request and duration.")
    finally:
        student.close()


def test_an_item_moved_into_a_module_not_synced_waits_for_its_sync_with_no_false_conflict(
    tmp_path: Path,
) -> None:
    course, student = imported(tmp_path)
    student.study_everything()
    student.close()
    fargate_moved_to_storage(course)
    course.edit("03-storage/cram-sheet.md", "Runs containers", "Runs each container")

    one = course.sync("--module", "2")
    rest = course.sync()

    assert one.exit_code == 0 and rest.exit_code == 0, one.output + rest.output
    assert "0 conflicts" in rest.output and not list(course.out.glob("sync-conflicts-*.md"))
    student = course.student()
    try:
        fargate = student.note("03-storage/card/aws-fargate")
        assert fargate["Definition"].startswith("Runs each container")
        assert {student.collection.decks.name(card.did) for card in fargate.cards()} == {
            f"{TITLE}::03 Storage"
        }
    finally:
        student.close()


def test_a_ledger_lost_before_the_first_sync_comes_back_from_the_build_folder(tmp_path: Path) -> None:
    """The build folder keeps the last ledger written: a ledger file deleted between the imports and
    the first sync leaves the student's decks and words as they were, with no conflict."""
    course, student = imported(tmp_path)
    student.study_everything()
    mine = student.collection.decks.id("Mine")
    assert mine is not None
    student.collection.set_deck([card.id for card in student.note(EBS).cards()], mine)
    student.edit(LAMBDA, "Definition", "Mine: serverless")
    student.close()
    (course.notes / ".ccpkit-ledger.json").unlink()

    result = course.sync()

    assert result.exit_code == 0, result.output
    assert "0 added, 0 updated, 0 moved, 0 retired, 0 restored, 0 conflicts, 11 unchanged" in result.output
    student = course.student()
    try:
        assert student.decks_of(student.note(EBS)) == {"Mine"}
        assert student.note(LAMBDA)["Definition"] == "Mine: serverless"
    finally:
        student.close()


def test_a_renamed_note_moved_to_a_top_level_deck_of_the_students_own_survives_a_lost_ledger(
    tmp_path: Path,
) -> None:
    """Imported, renamed and imported again, never synced: with the ledger and the build folder gone, the
    first sync finds the renamed note by its Id in the student's own top-level deck (no course puts cards
    there), not a second note beside it."""
    course, student = imported(tmp_path)
    student.close()
    course.edit("03-storage/cram-sheet.md", "**Amazon EBS:**", "**Amazon Elastic Block Store:**")
    built(course, at=LAST_WEEK + 3600)
    student = course.student()
    student.import_package(course.out / PACKAGE)
    renamed = student.note("03-storage/card/amazon-elastic-block-store")
    student.collection.set_deck([card.id for card in renamed.cards()], student.collection.decks.id("Mine"))
    notes = len(list(student.notes()))
    student.close()
    (course.notes / ".ccpkit-ledger.json").unlink()
    shutil.rmtree(course.out)

    result = course.sync()

    assert result.exit_code == 0, result.output
    assert "0 added" in result.output
    student = course.student()
    try:
        assert len(list(student.notes())) == notes
        kept = student.note("03-storage/card/amazon-elastic-block-store")
        assert kept.id == renamed.id and student.decks_of(kept) == {"Mine"}
    finally:
        student.close()


def test_a_field_typed_back_to_an_earlier_text_after_a_sync_is_the_students_edit(tmp_path: Path) -> None:
    course, student = imported(tmp_path)
    first = student.note(EBS)["Definition"]
    student.close()
    ebs_reworded(course)
    built(course, at=LAST_WEEK + 3600)
    student = course.student()
    student.import_package(course.out / PACKAGE)
    student.close()
    assert course.sync().exit_code == 0  # the sync's record of what Anki holds
    student = course.student()
    student.edit(EBS, "Definition", first)  # the student prefers the old wording
    student.close()

    result = course.sync()

    assert result.exit_code == 0, result.output
    assert f"kept your edits: {EBS} (Definition)" in result.output
    student = course.student()
    try:
        assert student.note(EBS)["Definition"] == first
    finally:
        student.close()


def test_an_edit_dated_the_second_its_note_was_built_is_still_the_students(tmp_path: Path) -> None:
    """Imported and edited within the second the build dated the note (or on a computer whose clock
    runs behind the build's): the dates agree, but Anki's text is none that ccpkit sent, so it is an
    edit, kept as a conflict when the notes change it too."""
    course, student = imported(tmp_path)
    student.edit(EBS, "Definition", "Mine: a disk for one instance")
    note = student.note(EBS)
    student.collection.db.execute("update notes set mod = ? where id = ?", LAST_WEEK, note.id)
    student.close()
    ebs_reworded(course)

    result = course.sync()

    assert result.exit_code == 0, result.output
    assert "1 conflict" in result.output
    [saved] = course.out.glob("sync-conflicts-*.md")
    assert "Mine: a disk for one instance" in saved.read_text(encoding="utf-8")


def restyled_in_anki(student: Student) -> None:
    """The student's own CSS on the term note type, added in Anki after the import."""
    terms = student.collection.models.by_name("ccpkit Term v1")
    assert terms is not None
    terms["css"] += "\n.card { background: #fffbe6; }\n"
    student.collection.models.update_dict(terms)


def test_the_first_sync_keeps_styling_the_student_added_after_importing_unchanged_templates(
    tmp_path: Path,
) -> None:
    course, student = imported(tmp_path)
    restyled_in_anki(student)
    student.close()
    ebs_reworded(course)

    result = course.sync()

    assert result.exit_code == 0, result.output
    assert "kept your styling: ccpkit Term v1 (css)" in result.output
    assert "note type updated" not in result.output
    student = course.student()
    try:
        terms = student.collection.models.by_name("ccpkit Term v1")
        assert terms is not None and terms["css"].endswith("background: #fffbe6; }\n")
        assert "in one AZ" in student.note(EBS)["Definition"]
    finally:
        student.close()


def test_the_first_sync_sends_templates_changed_since_the_import_over_the_students_styling(
    tmp_path: Path,
) -> None:
    course, student = imported(tmp_path)
    restyled_in_anki(student)
    student.close()
    style = course.templates / "anki" / "style.css"
    style.write_text(
        style.read_text(encoding="utf-8") + "\n.ccp { letter-spacing: 0.01em; }\n", encoding="utf-8"
    )

    result = course.sync()

    assert result.exit_code == 0, result.output
    assert "note type updated: ccpkit Term v1 (css)" in result.output
    student = course.student()
    try:
        terms = student.collection.models.by_name("ccpkit Term v1")
        assert terms is not None and terms["css"].endswith("letter-spacing: 0.01em; }\n")
    finally:
        student.close()


def a_field_added_to_the_term_type(student: Student) -> None:
    """The student adds a field of their own (``Mnemonic``) to ccpkit's Term note type."""
    terms = student.collection.models.by_name("ccpkit Term v1")
    assert terms is not None
    student.collection.models.add_field(terms, student.collection.models.new_field("Mnemonic"))
    student.collection.models.update_dict(terms)


def backup_on_ankis_copy(tmp_path: Path) -> tuple[Course, Student]:
    """The student added a field to ``ccpkit Term v1``; a package adding AWS Backup was then imported,
    which put its note on Anki's copy, ``ccpkit Term v1+``. The student's collection is left open."""
    course, student = imported(tmp_path)
    a_field_added_to_the_term_type(student)
    student.close()
    course.edit(
        "03-storage/cram-sheet.md",
        "- **Amazon EFS:**",
        "- **AWS Backup:** Backs up many services.\n- **Amazon EFS:**",
    )
    built(course, at=LAST_WEEK + 3600)
    student = course.student()
    student.import_package(course.out / PACKAGE)
    return course, student


def test_notes_an_import_put_on_ankis_copy_of_a_note_type_the_student_changed_are_synced(
    tmp_path: Path,
) -> None:
    course, student = backup_on_ankis_copy(tmp_path)
    backup = "03-storage/card/aws-backup"
    assert student.note(backup).note_type()["name"] == "ccpkit Term v1+"
    student.close()
    course.edit("03-storage/cram-sheet.md", "Backs up many services.", "Backs up many services centrally.")

    edited = course.sync()

    assert edited.exit_code == 0, edited.output
    assert "left alone" not in edited.output and "1 updated" in edited.output
    student = course.student()
    try:
        assert student.note(backup)["Definition"] == "Backs up many services centrally."
    finally:
        student.close()
    course.edit("03-storage/cram-sheet.md", "- **AWS Backup:** Backs up many services centrally.\n", "")
    removed = course.sync()
    assert "1 retired" in removed.output, removed.output
    student = course.student()
    try:
        assert all(card.queue == -1 for card in student.note(backup).cards())
    finally:
        student.close()


def test_cards_an_import_put_on_ankis_copy_of_a_note_type_show_the_notes_new_templates_after_a_sync(
    tmp_path: Path,
) -> None:
    """The student added a field to the Term note type, so an import put the new AWS Backup note on
    Anki's copy, ``ccpkit Term v1+``. When the notes' card templates change, sync restyles that copy
    too: its cards must read as every other term card does, not as the templates of months ago."""
    course, student = backup_on_ankis_copy(tmp_path)
    student.close()
    front = course.templates / "anki" / "term.front.html"
    front.write_text(front.read_text(encoding="utf-8") + '\n<p class="exam-tip">Say it aloud.</p>\n')

    result = course.sync()

    assert result.exit_code == 0, result.output
    student = course.student()
    try:
        backup, ebs = student.note("03-storage/card/aws-backup"), student.note(EBS)
        assert backup.note_type()["name"] == "ccpkit Term v1+"
        assert "Say it aloud." in backup.cards()[0].question()
        assert "Say it aloud." in ebs.cards()[0].question()
    finally:
        student.close()


def test_an_import_restyles_ankis_copy_of_a_note_type_not_the_one_the_student_changed_and_sync_does(
    tmp_path: Path,
) -> None:
    """Anki's choice, as docs/anki.md says: once the student added a field to the Term note type, a
    package with new card templates restyles Anki's copy (``ccpkit Term v1+``, whose fields match the
    package's) and leaves the cards of the note type they changed as they were, until a sync."""
    course, student = imported(tmp_path)
    a_field_added_to_the_term_type(student)
    student.close()
    course.edit(
        "03-storage/cram-sheet.md", "- **Amazon EFS:**", "- **AWS Backup:** Backs up.\n- **Amazon EFS:**"
    )
    front = course.templates / "anki" / "term.front.html"
    front.write_text(front.read_text(encoding="utf-8") + '\n<p class="exam-tip">Say it aloud.</p>\n')
    built(course, at=int(time.time()) + 60)  # after the field the student added
    student = course.student()
    student.import_package(course.out / PACKAGE)
    try:
        backup, ebs = student.note("03-storage/card/aws-backup"), student.note(EBS)
        assert backup.note_type()["name"] == "ccpkit Term v1+"
        assert "Say it aloud." in backup.cards()[0].question()
        assert "Say it aloud." not in ebs.cards()[0].question()
    finally:
        student.close()

    assert course.sync().exit_code == 0

    student = course.student()
    try:
        assert "Say it aloud." in student.note(EBS).cards()[0].question()
    finally:
        student.close()


def test_words_the_student_wrote_into_a_context_line_after_imports_stay_through_the_first_sync(
    tmp_path: Path,
) -> None:
    """No record yet, but the ledger knows each note's context line as the last package sent it: where
    the notes' line is that one still, Anki's other words there are the student's. A line the notes
    changed since (a heading renamed, which an import leaves waiting) is written, as before."""
    course, student = imported(tmp_path)
    student.study_everything()
    ec2, spot = student.note("02-compute/card/amazon-ec2"), student.note(SPOT)
    ec2["Context"] += " (mine: per-second billing)"
    spot["Table"] += " (mine: for batch jobs)"
    student.collection.update_notes([ec2, spot])
    student.close()
    course.edit("03-storage/cram-sheet.md", "## Object and block storage", "## Storage services")

    result = course.sync()

    assert result.exit_code == 0, result.output
    assert "kept your edits: 02-compute/card/amazon-ec2 (Context)" in result.output
    assert f"kept your edits: {SPOT} (Table)" in result.output and "0 conflicts" in result.output
    student = course.student()
    try:
        assert student.note("02-compute/card/amazon-ec2")["Context"].endswith("(mine: per-second billing)")
        assert student.note(SPOT)["Table"].endswith("(mine: for batch jobs)")
        assert student.note(EBS)["Context"].endswith("Storage services")  # the waiting line, written
    finally:
        student.close()


def half_saved_then_whole(course: Course, at: int) -> None:
    """The storage cram sheet saved cut off inside EBS's definition, built (as ``ccpkit watch`` does on
    every save), then saved whole again a minute later and built: EBS's words are what they were."""
    sheet = course.notes / "03-storage" / "cram-sheet.md"
    whole = sheet.read_text(encoding="utf-8")
    sheet.write_text(whole[: whole.index("attached to one EC2 instance")], encoding="utf-8")
    built(course, at=at)
    sheet.write_text(whole, encoding="utf-8")
    built(course, at=at + 60)


def test_words_a_sync_kept_stay_through_the_next_package_when_the_notes_changed_and_changed_back(
    tmp_path: Path,
) -> None:
    """The half-saved file went to the ledger as a change and its fix as another, EBS's words as they
    were: the sync keeps the student's words and mark, and the next build's package, whose EBS holds
    what Anki held before them, is no newer than Anki's copy, so importing it keeps them too."""
    course, student = imported(tmp_path)
    student.close()
    assert course.sync().exit_code == 0
    student = course.student()
    student.annotate(student.note(EBS), " Mine: one AZ only")
    mine = student.note(EBS)["Definition"]
    student.close()
    later = int(time.time()) + 60
    half_saved_then_whole(course, at=later)

    synced = course.sync()
    built(course, at=later + 3600)

    assert f"kept your edits: {EBS} (Definition)" in synced.output and "0 conflicts" in synced.output
    student = course.student()
    try:
        student.import_package(course.out / PACKAGE)
        ebs = student.note(EBS)
        assert ebs["Definition"] == mine and "marked" in ebs.tags
    finally:
        student.close()


def test_a_first_sync_that_finds_every_imported_note_as_the_notes_say_says_what_it_wrote(
    tmp_path: Path,
) -> None:
    """Nothing to change in the notes, yet the collection now names sync's record (a backup first): the
    report says the notes were up to date and what was written, not that the collection was."""
    course, student = imported(tmp_path)
    student.close()

    result = course.sync()

    assert result.exit_code == 0, result.output
    assert "0 added, 0 updated, 0 moved, 0 retired, 0 restored, 0 conflicts, 11 unchanged" in result.output
    assert "backup: " in result.output and "the collection was already up to date" not in result.output
    assert (
        "the collection's notes were already up to date: sync wrote only its record's name" in result.output
    )


def test_a_term_two_modules_share_reads_apart_after_a_sync_of_one_module_as_after_a_full_sync(
    tmp_path: Path,
) -> None:
    """Module 3 gains its own ``AWS Lambda`` card, answered otherwise than module 2's: the course asks
    each under its heading. A sync of module 3 alone must send that front too: sent bare, the two
    cards read alike until the next full sync (and a package imported meanwhile leaves it bare, the
    ledger recording the heading's front as sent)."""
    course = Course.fresh(tmp_path)
    course.edit(
        "03-storage/cram-sheet.md",
        "- **Amazon EFS:**",
        "- **AWS Lambda:** Can run code on each object S3 receives.\n- **Amazon EFS:**",
    )

    one = course.sync("--module", "3")

    assert one.exit_code == 0, one.output
    student = course.student()
    try:
        assert student.note("03-storage/card/aws-lambda")["Term"] == "AWS Lambda · Object and block storage"
    finally:
        student.close()
    rest = course.sync()
    assert rest.exit_code == 0, rest.output
    assert "0 updated" in rest.output, rest.output
    student = course.student()
    try:
        assert student.note(LAMBDA)["Term"] == "AWS Lambda · Core services"
    finally:
        student.close()


def test_a_sync_of_one_module_renders_each_module_of_the_course_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole course is rendered to settle identities and read fronts apart; the module's notes
    are taken from that rendering, so a module sync waits for no second rendering of the course."""
    course = Course.fresh(tmp_path)
    assert course.sync().exit_code == 0
    rendered: list[str] = []
    render = notes.render_module

    def counted(module: Module, title: str, **options: Any) -> AnkiPart:
        rendered.append(module.slug)
        return render(module, title, **options)

    monkeypatch.setattr(notes, "render_module", counted)

    one = course.sync("--module", "3")

    assert one.exit_code == 0, one.output
    assert sorted(rendered) == ["02-compute", "03-storage"]


def test_a_picture_in_a_conflict_on_ankis_copy_is_saved_once_the_student_deleted_ccpkits_note_type(
    tmp_path: Path,
) -> None:
    """The student added a field to the Term note type, so an import put AWS Backup on Anki's copy,
    ``ccpkit Term v1+``; then they deleted ``ccpkit Term v1`` (and its notes) and illustrated AWS
    Backup. The notes rewording it is a conflict whose losing side shows the picture: sync reads the
    picture as Anki's own note type does and saves it beside the conflicts file, where it ended in a
    traceback, asking Anki about the note type gone."""
    course, drawn = illustrated_on_the_copy_alone(tmp_path)
    course.edit("03-storage/cram-sheet.md", "Backs up many services.", "Backs up many services centrally.")

    result = course.sync()

    assert result.exit_code == 0, result.output
    assert "1 conflict" in result.output, result.output
    assert pictures_beside(next(course.out.glob("sync-conflicts-*.md"))) == [drawn]


def test_a_picture_in_a_note_deleted_on_ankis_copy_is_saved_once_the_student_deleted_ccpkits_note_type(
    tmp_path: Path,
) -> None:
    """As above, but AWS Backup leaves the notes and ``--delete-orphans`` deletes it: its picture is
    saved beside the deleted notes' file, where sync ended in a traceback."""
    course, drawn = illustrated_on_the_copy_alone(tmp_path)
    course.edit("03-storage/cram-sheet.md", "- **AWS Backup:** Backs up many services.\n", "")

    result = course.sync("--delete-orphans")

    assert result.exit_code == 0, result.output
    assert pictures_beside(next(course.out.glob("sync-deleted-*.md"))) == [drawn]


def illustrated_on_the_copy_alone(tmp_path: Path) -> tuple[Course, bytes]:
    """AWS Backup imported onto ``ccpkit Term v1+`` (the student had added a field to ``ccpkit Term
    v1``), ``ccpkit Term v1`` then deleted, and a picture pasted into AWS Backup's definition."""
    course, student = backup_on_ankis_copy(tmp_path)
    student.collection.models.remove(student.collection.models.id_for_name("ccpkit Term v1"))
    drawn = b"\x89PNG\r\n\x1a\n my sketch of a backup plan"
    name = student.collection.media.write_data("backup-sketch.png", drawn)
    student.edit("03-storage/card/aws-backup", "Definition", f'Backs up many services.<img src="{name}">')
    student.close()
    return course, drawn


def pictures_beside(saved: Path) -> list[bytes]:
    """The files the Markdown file ``saved`` shows, as read from beside it."""
    shown = re.findall(r"!\[[^\]]*\]\(<([^>]+)>\)", saved.read_text(encoding="utf-8"))
    return [(saved.parent / path).read_bytes() for path in shown]
