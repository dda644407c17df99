"""Regenerating never costs a student their Anki work, in a real Anki collection with default options.

The student studied every card, added a mnemonic to every note and marked it. Then the notes change
in ways that leave what is studied alone (the course title or deck, a module folder, a heading, a
file split or merge), sometimes along with an edit to what is studied. After ``ccpkit build`` and a
re-import: no duplicate note, no lost history, the student's words and tags kept on every note whose
study text did not change, and a build report that agrees with Anki's import log note for note.
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

import pytest
from anki.import_export_pb2 import ImportResponse

from ccpkit import digest
from ccpkit.ledger import LEDGER_NAME
from ccpkit.report import BuildReport
from ccpkit.stamps import Stamps
from tests.export.anki.course import Course
from tests.export.anki.student import Student, visible_text

if TYPE_CHECKING:  # anki.notes imported before anki.collection is a circular import
    from anki.notes import NoteId

MNEMONIC = " <i>Mnemonic: mine, keep it</i>"
FIRST_BUILD = int(time.time()) - 86_400
"""Yesterday: the student imported, studied and annotated since."""
OLD_DECK = "AWS Certified Cloud Practitioner::02 Compute in the Cloud"
CARDS = ("ec2-elastic-compute-cloud", "elastic-load-balacner", "aws-lambda", "amazon-s3")
CRAM_SHEET_HEADER = "---\nmodule: 2\nmodule_title: Compute in the Cloud\npart: {part}\n---\n\n# {part}\n\n"


@dataclass(frozen=True)
class Seen:
    """A note as the student left it before the rebuild."""

    guid: str
    fields: tuple[str, ...]
    tags: tuple[str, ...]
    reviews: int
    decks: frozenset[str]


class Session:
    def __init__(self, tmp_path: Path) -> None:
        self.course = Course(tmp_path)
        self.student = Student.with_fresh_collection(tmp_path)
        first = self.course.build(FIRST_BUILD)
        self.student.import_package(_package(first))
        self.student.study_everything()
        for note in self.student.notes():
            self.student.annotate(note, MNEMONIC)
        self.seen = {note.id: self._seen(note.id) for note in self.student.notes()}

    def _seen(self, note_id: NoteId) -> Seen:
        note = self.student.collection.get_note(note_id)
        reviews = self.student.reviews_of(note)
        return Seen(
            note.guid, tuple(note.fields), tuple(note.tags), reviews, frozenset(self.student.decks_of(note))
        )

    def rebuild(self, *, title: str | None = None, deck: str = "") -> tuple[BuildReport, ImportResponse.Log]:
        """Build an hour after the student's last edit, then import with Anki's default options."""
        report = self.course.build(int(time.time()) + 3_600, title=title, deck=deck)
        return report, self.student.import_package(_package(report))

    def guids(self, logged: Iterable[ImportResponse.Note]) -> set[str]:
        return self.student.guids(logged)


def _package(report: BuildReport) -> Path:
    return next(path for path in (*report.written, *report.unchanged) if path.suffix == ".apkg")


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    state = Session(tmp_path)
    yield state
    state.student.close()


def assert_nothing_lost(session: Session, report: BuildReport, log: ImportResponse.Log) -> set[str]:
    """The four promises; gives back the GUIDs of the notes the rebuild re-sent."""
    changes = report.changes
    assert changes is not None
    guid_of = {key: entry.guid for key, entry in changes.ledger.notes.items()}
    resent = {guid_of[key] for key in changes.updated}
    # the report agrees with Anki's import log, note for note
    assert session.guids(log.new) == {guid_of[key] for key in changes.added}
    assert session.guids(log.updated) == resent
    assert len(log.duplicate) == changes.unchanged and len(log.conflicting) == 0
    # no duplicate note, no lost history
    notes = {note.id: note for note in session.student.notes()}
    assert len(notes) == len(session.seen) + len(changes.added)
    assert len({note.guid for note in notes.values()}) == len(notes)
    for note_id, seen in session.seen.items():
        note = notes[note_id]
        assert note.guid == seen.guid and session.student.reviews_of(note) == seen.reviews >= 1
        assert session.student.decks_of(note) == seen.decks  # an import never moves a card
        if note.guid in resent:  # the notes win: the new study text replaced the student's copy
            assert MNEMONIC not in "".join(note.fields) and "marked" not in note.tags
        else:  # the student's words and tags are kept
            assert (tuple(note.fields), tuple(note.tags)) == (seen.fields, seen.tags)
            assert MNEMONIC in "".join(note.fields) and "marked" in note.tags
    return resent


def test_a_new_course_title_rewrites_no_note_and_says_the_cards_stay_in_their_decks(session: Session) -> None:
    report, log = session.rebuild(title="Cloud Practitioner Exam Prep")
    assert_nothing_lost(session, report, log)
    assert report.changes is not None and report.changes.updated == () and len(log.duplicate) == 8
    summary = report.summary()
    assert "8 notes moved to another deck: Anki never moves an existing card" in summary
    assert f"moved: 8 from {OLD_DECK!r} to 'Cloud Practitioner Exam Prep::02 Compute in the Cloud'" in summary
    assert (
        "8 notes with a new context, id, tag or deck" in summary and "`ccpkit sync` applies them" in summary
    )


def test_a_course_title_changed_in_case_only_moves_nothing_and_waits_for_nothing(session: Session) -> None:
    report, log = session.rebuild(title="AWS CERTIFIED Cloud Practitioner")
    assert_nothing_lost(session, report, log)
    assert report.changes is not None and (report.changes.moved, report.changes.pending) == ((), ())
    assert "moved" not in report.summary()


def test_a_deck_setting_behaves_as_the_title_does(session: Session) -> None:
    report, log = session.rebuild(deck="My AWS deck")
    assert_nothing_lost(session, report, log)
    assert report.changes is not None and report.changes.updated == ()
    assert [move.deck for move in report.changes.moved] == ["My AWS deck::02 Compute in the Cloud"] * 8
    session.course.edit("summary.md", "| up to 90% |", "| up to 90% off On-Demand |")
    again, log = session.rebuild(deck="My AWS deck")  # the moves stand: counted, not listed again
    assert again.changes is not None and again.changes.moved == () and len(again.changes.updated) == 2
    assert len(again.changes.pending) == 8  # the two re-sent rows' cards stay in the old deck too
    assert "moved" not in again.summary() and len(log.updated) == 2


Change = Callable[[Course], None]


def rename_module_folder(course: Course) -> None:
    course.rename_module("02-compute-services")


def rename_a_heading(course: Course) -> None:
    course.edit("cram-sheet.md", "## Core services", "## The core compute services")


def split_a_file(course: Course) -> None:
    lambda_line = course.cut(
        "cram-sheet.md", "- **AWS Lambda:** Runs code without servers; pay per request.\n"
    )
    course.write(
        "serverless.md", CRAM_SHEET_HEADER.format(part="Serverless") + "## Core services\n\n" + lambda_line
    )


def merge_two_files(course: Course) -> None:
    table = (course.module / "summary.md").read_text(encoding="utf-8").split("# Summary\n", 1)[1]
    course.remove("summary.md")
    course.edit("cram-sheet.md", "## Core services", table.strip() + "\n\n## Core services")


@pytest.mark.parametrize(
    ("change", "renamed", "pending"),
    [
        (rename_module_folder, 8, 8),
        (rename_a_heading, 0, 4),
        (split_a_file, 0, 1),
        (merge_two_files, 0, 2),
    ],
    ids=["module-folder-renamed", "heading-renamed", "file-split", "files-merged"],
)
def test_metadata_edits_rewrite_no_note(session: Session, change: Change, renamed: int, pending: int) -> None:
    change(session.course)
    report, log = session.rebuild()
    assert_nothing_lost(session, report, log)
    changes = report.changes
    assert changes is not None and (changes.added, changes.updated, changes.orphaned) == ((), (), ())
    assert (len(changes.renamed), len(changes.pending), changes.unchanged) == (renamed, pending, 8)
    assert f"{pending} note{'s' * (pending > 1)} with a new context, id, tag or deck" in report.summary()


def test_an_item_moved_to_another_module_keeps_its_note_and_names_both_decks(session: Session) -> None:
    lambda_line = session.course.cut(
        "cram-sheet.md", "- **AWS Lambda:** Runs code without servers; pay per request.\n"
    )
    serverless = session.course.notes / "03-serverless"
    serverless.mkdir()
    header = CRAM_SHEET_HEADER.replace("module: 2", "module: 3").replace("Compute in the Cloud", "Serverless")
    (serverless / "cram-sheet.md").write_text(
        header.format(part="Cram Sheet") + lambda_line, encoding="utf-8"
    )
    report, log = session.rebuild()
    assert_nothing_lost(session, report, log)
    changes = report.changes
    assert changes is not None and changes.renamed == (
        ("02-compute/card/aws-lambda", "03-serverless/card/aws-lambda"),
    )
    assert changes.updated == () and changes.added == ()
    new_deck = "AWS Certified Cloud Practitioner::03 Serverless"
    assert f"moved: 1 from {OLD_DECK!r} to {new_deck!r}" in report.summary()
    assert session.student.decks_of(session.student.note("02-compute/card/aws-lambda")) == {OLD_DECK}


def test_lines_rewrapped_or_spaced_anew_in_the_notes_rewrite_no_note(session: Session) -> None:
    session.course.edit("cram-sheet.md", "without servers; pay", "without servers;\n  pay")
    session.course.edit("cram-sheet.md", "virtual servers**, billed per", "virtual  servers**,  billed\tper")
    session.course.edit("practice-questions.md", "Lambda is serverless.", "Lambda is\nserverless.")
    report, log = session.rebuild()
    assert_nothing_lost(session, report, log)  # the student's words and tags kept on every note
    assert report.changes is not None and report.changes.updated == () and log.updated == []


def test_options_reordered_or_relettered_in_the_notes_rewrite_no_note(session: Session) -> None:
    session.course.edit("practice-questions.md", "- A) Amazon EC2", "- A) Amazon Lightsail")
    session.course.edit("practice-questions.md", "- C) Amazon Lightsail", "- C) Amazon EC2")
    session.course.edit(
        "practice-questions.md",
        "- A) Spot Instances\n- B) Savings Plans\n- C) Reserved Instances\n\n**Answer:** B, C",
        "- A) Reserved Instances\n- B) Spot Instances\n- C) Savings Plans\n\n**Answer:** A, C",
    )
    report, log = session.rebuild()
    assert_nothing_lost(session, report, log)  # the student's words and tags kept on both questions
    assert report.changes is not None and report.changes.updated == () and log.updated == []
    session.course.edit("practice-questions.md", "**Answer:** A, C", "**Answer:** A, B")  # another answer
    report, log = session.rebuild()
    assert report.changes is not None and len(report.changes.updated) == len(log.updated) == 1


def test_a_study_edit_sends_that_note_with_its_pending_metadata(session: Session) -> None:
    rename_a_heading(session.course)
    session.course.edit("cram-sheet.md", "billed per second", "billed per second or per hour")
    report, log = session.rebuild()
    resent = assert_nothing_lost(session, report, log)
    assert report.changes is not None and report.changes.updated == (
        "02-compute/card/ec2-elastic-compute-cloud",
    )
    assert len(resent) == 1 and len(report.changes.pending) == 3
    assert all(f"  waiting: {note_id}" in report.summary() for note_id in report.changes.pending)
    ec2 = session.student.note("02-compute/card/ec2-elastic-compute-cloud")
    assert "The core compute services" in ec2["Context"] and "per hour" in ec2["Definition"]
    assert "but skips any you touch there after this build" in report.summary()


def test_a_picture_the_student_pasted_into_a_note_an_import_updates_is_left_unused_in_anki(
    session: Session,
) -> None:
    """Anki's choice, as docs/anki.md says: an import replaces a changed note whole, so a picture the
    student pasted into it stays in the media folder, shown by no note, for Check Media to delete."""
    ec2_id = "02-compute/card/ec2-elastic-compute-cloud"
    collection = session.student.collection
    name = collection.media.write_data("my-ec2-sketch.png", b"\x89PNG\r\n\x1a\n a sketch of servers")
    ec2 = session.student.note(ec2_id)
    ec2["Definition"] += f'<img src="{name}">'
    collection.update_note(ec2)
    session.course.edit("cram-sheet.md", "billed per second", "billed per second or per hour")

    session.rebuild()

    assert name not in session.student.note(ec2_id)["Definition"]
    assert collection.media.check().unused == [name]


def test_a_renamed_folder_with_a_fixed_typo_sends_only_the_fixed_note(session: Session) -> None:
    rename_module_folder(session.course)
    session.course.edit("cram-sheet.md", "Balacner", "Balancer")
    report, log = session.rebuild()
    resent = assert_nothing_lost(session, report, log)
    assert report.changes is not None and len(report.changes.renamed) == 8 and len(resent) == 1
    fixed = session.student.note("02-compute-services/card/elastic-load-balancer")
    assert fixed["Term"] == "Elastic Load Balancer"


def test_an_update_is_skipped_for_a_note_touched_in_anki_after_the_build_as_the_report_warns(
    tmp_path: Path,
) -> None:
    course, student = Course(tmp_path), Student.with_fresh_collection(tmp_path)
    try:
        student.import_package(_package(course.build(FIRST_BUILD)))
        student.study_everything()
        course.edit("cram-sheet.md", "billed per second", "billed per second or per hour")
        report = course.build(int(time.time()) - 60)  # built a minute ago …
        ec2 = student.note("02-compute/card/ec2-elastic-compute-cloud")
        ec2.add_tag("marked")  # … and the student marked the note since
        student.collection.update_note(ec2)
        log = student.import_package(_package(report))
        assert report.changes is not None and report.changes.updated == (
            "02-compute/card/ec2-elastic-compute-cloud",
        )
        assert len(log.updated) == 0 and "per hour" not in student.note(ec2["Id"])["Definition"]
        assert "notes changed since the last build: importing the package replaces them" in report.summary()
        assert "`ccpkit sync` keeps your edits and brings such updates in" in report.summary()
    finally:
        student.close()


def test_a_note_the_student_gave_another_note_type_stays_theirs_through_an_import(tmp_path: Path) -> None:
    """Anki decides it (docs/anki.md): a note put on a note type of the student's (*Change Note Type*,
    say for a reverse card) is never updated by an import again, nor added a second time."""
    course, student = Course(tmp_path), Student.with_fresh_collection(tmp_path)
    try:
        student.import_package(_package(course.build(FIRST_BUILD)))
        student.study_everything()
        collection, ec2 = student.collection, student.note("02-compute/card/ec2-elastic-compute-cloud")
        both_ways = collection.models.by_name("Basic (and reversed card)")
        assert both_ways is not None
        change = collection.models.change_notetype_info(
            old_notetype_id=ec2.mid, new_notetype_id=both_ways["id"]
        )
        change.input.note_ids.append(ec2.id)
        collection.models.change_notetype_of_notes(change.input)
        theirs, notes_before = collection.get_note(ec2.id), len(list(student.notes()))
        course.edit("cram-sheet.md", "billed per second", "billed per second or per hour")
        log = student.import_package(_package(course.build(int(time.time()) + 3_600)))
        assert [entry.fields[-1] for entry in log.conflicting] == [ec2["Id"]]  # the package's copy
        assert len(list(student.notes())) == notes_before  # no second EC2 note
        kept = collection.get_note(ec2.id)
        assert (kept.mid, kept.fields) == (both_ways["id"], theirs.fields)  # "per hour" never arrives
        assert student.reviews_of(kept) == 1 and len(kept.cards()) == 2
    finally:
        student.close()


def test_a_lead_in_written_above_a_list_reaches_its_studied_cards_as_an_update(session: Session) -> None:
    """The lead-in is part of what a card asks, so it rides in a study field: the notes already studied
    are re-sent with it (same notes, history kept), not left asking without it."""
    session.course.edit(
        "cram-sheet.md", "## Core services\n\n", "## Core services\n\nReach for these first:\n\n"
    )
    report, log = session.rebuild()
    resent = assert_nothing_lost(session, report, log)
    assert len(resent) == 4 and not log.new
    lambda_card = next(iter(session.student.note("02-compute/card/aws-lambda").cards()))
    assert "Reach for these first: AWS Lambda" in visible_text(lambda_card.question())


def test_a_file_saved_again_decomposed_sends_no_note(session: Session) -> None:
    """Some macOS tools save ``é`` as ``e`` and a combining accent (NFD): the text reads the same, so
    no note is re-sent and every note stays as the student left it."""
    session.course.edit("cram-sheet.md", "billed per second", "billed per second, like a café's meter")
    session.rebuild()
    before = {note.guid: (tuple(note.fields), tuple(note.tags)) for note in session.student.notes()}
    assert any("café" in fields[1] for fields, _ in before.values())
    for path in session.course.module.glob("*.md"):
        path.write_text(unicodedata.normalize("NFD", path.read_text(encoding="utf-8")), encoding="utf-8")
    report, log = session.rebuild()
    assert report.changes is not None and report.changes.updated == () and report.changes.added == ()
    assert not log.updated and not log.new
    after = {note.guid: (tuple(note.fields), tuple(note.tags)) for note in session.student.notes()}
    assert after == before


def test_files_saved_again_with_windows_line_endings_send_no_note(session: Session) -> None:
    """A Windows editor (or git's autocrlf) saves every line ending as CR LF: the notes read the same,
    so no note is re-sent, nothing is orphaned or added, and every note stays as the student left it."""
    before = {note.guid: (tuple(note.fields), tuple(note.tags)) for note in session.student.notes()}
    for path in session.course.module.glob("*.md"):
        path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    report, log = session.rebuild()
    assert report.changes is not None
    assert (report.changes.updated, report.changes.added, report.changes.orphaned) == ((), (), ())
    assert not log.updated and not log.new
    after = {note.guid: (tuple(note.fields), tuple(note.tags)) for note in session.student.notes()}
    assert after == before


def test_an_edit_reverted_with_its_ledger_is_sent_again(session: Session) -> None:
    """``git revert`` puts back the notes and the ledger as they were: the ledger then dates the note's
    text before the copy Anki holds, and the build must send the old text again all the same."""
    cram_sheet, ledger = session.course.module / "cram-sheet.md", session.course.notes / LEDGER_NAME
    before = cram_sheet.read_bytes(), ledger.read_bytes()
    session.course.edit("cram-sheet.md", "billed per second", "billed per hour")
    _, log = session.rebuild()
    ec2 = "02-compute/card/ec2-elastic-compute-cloud"
    assert len(log.updated) == 1 and "per hour" in session.student.note(ec2)["Definition"]
    cram_sheet.write_bytes(before[0])  # the revert: both files as they were
    ledger.write_bytes(before[1])
    report, log = session.rebuild()
    assert report.changes is not None and report.changes.updated == (ec2,)
    assert len(log.updated) == 1 and "per second" in session.student.note(ec2)["Definition"]


def test_a_notes_line_cut_from_the_ledger_by_hand_comes_back_from_the_build_folder(session: Session) -> None:
    """The build folder remembers the ledger it wrote: a line cut from the file (a slip in an editor,
    a bad merge) is no new note, and the import leaves the student's words and tags alone."""
    ledger = session.course.notes / LEDGER_NAME
    lines = ledger.read_text(encoding="utf-8").splitlines(keepends=True)
    ec2 = "02-compute/card/ec2-elastic-compute-cloud"
    ledger.write_text("".join(line for line in lines if f'"id": "{ec2}"' not in line), encoding="utf-8")
    report, log = session.rebuild()
    assert_nothing_lost(session, report, log)
    assert report.changes is not None and report.changes.added == () and not log.updated


def test_a_ledger_file_lost_whole_comes_back_with_its_course_and_no_new_note(session: Session) -> None:
    """Deleting the ledger file, with the build folder kept, costs nothing: every note, the course
    its GUIDs are made in and the templates' stamp come back from the last ledger written here."""
    ledger = session.course.notes / LEDGER_NAME
    header = ledger.read_text(encoding="utf-8").splitlines()[:2]
    ledger.unlink()
    report, log = session.rebuild()
    assert_nothing_lost(session, report, log)
    assert report.changes is not None and report.changes.added == () and not log.updated
    assert ledger.read_text(encoding="utf-8").splitlines()[:2] == header


def a_newer_ccpkit(monkeypatch: pytest.MonkeyPatch) -> None:
    """What upgrading ccpkit does to the build folder: none of the parts an older one cached is read."""
    monkeypatch.setattr(digest, "_code", lambda: b"a newer ccpkit")


def test_a_ledger_file_lost_after_ccpkit_was_upgraded_still_comes_back_from_the_build_folder(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build folder keeps the last ledger written as the ledger file's own bytes, which any version
    reads: an upgrade between the loss and the next build costs nothing either."""
    (session.course.notes / LEDGER_NAME).unlink()
    a_newer_ccpkit(monkeypatch)
    report, log = session.rebuild()
    assert_nothing_lost(session, report, log)
    assert report.changes is not None and report.changes.added == () and not log.updated


def test_an_edit_reverted_with_its_ledger_after_an_upgrade_is_sent_again(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    cram_sheet, ledger = session.course.module / "cram-sheet.md", session.course.notes / LEDGER_NAME
    before = cram_sheet.read_bytes(), ledger.read_bytes()
    session.course.edit("cram-sheet.md", "billed per second", "billed per hour")
    session.rebuild()
    cram_sheet.write_bytes(before[0])  # the revert: both files as they were
    ledger.write_bytes(before[1])
    a_newer_ccpkit(monkeypatch)
    report, log = session.rebuild()
    ec2 = "02-compute/card/ec2-elastic-compute-cloud"
    assert report.changes is not None and report.changes.updated == (ec2,)
    assert len(log.updated) == 1 and "per second" in session.student.note(ec2)["Definition"]


def test_a_rename_reverted_with_its_ledger_is_sent_again(session: Session) -> None:
    """A renamed term keeps its note under its new id; reverting the rename and the ledger together
    puts the old id back with the old date, and the old name must reach Anki all the same."""
    cram_sheet, ledger = session.course.module / "cram-sheet.md", session.course.notes / LEDGER_NAME
    before = cram_sheet.read_bytes(), ledger.read_bytes()
    session.course.edit("cram-sheet.md", "**AWS Lambda:**", "**AWS Lambda functions:**")
    session.rebuild()
    renamed = session.student.note("02-compute/card/aws-lambda-functions")
    assert "AWS Lambda functions" in renamed["Term"]
    cram_sheet.write_bytes(before[0])
    ledger.write_bytes(before[1])
    report, log = session.rebuild()
    back = session.student.collection.get_note(renamed.id)
    assert len(log.updated) == 1 and "functions" not in back["Term"]
    assert report.changes is not None and report.changes.added == ()


def test_a_pinned_item_turned_into_a_cloze_and_back_is_a_new_note_then_its_old_one_again(
    session: Session,
) -> None:
    """Anki turns no note into another note type on import (it logs a conflict and skips it): an item
    that keeps its pinned id but changes kind gets a note of its own, and the old note, an orphan with
    its history, is its note again when the item turns back."""
    term = "- **AWS Lambda:** Runs code without servers; pay per request.\n"
    cloze = "{{c1::AWS Lambda}} runs code without servers; pay per request.\n"
    session.course.edit("cram-sheet.md", term, "\n{#lambda}\n" + term + "\n")  # a list of its own
    session.rebuild()  # a rename: Anki's copy keeps the id it came with
    lambda_term = session.student.note("02-compute/card/aws-lambda")
    reviews = session.student.reviews_of(lambda_term)

    session.course.edit("cram-sheet.md", "{#lambda}\n" + term, "{#lambda}\n" + cloze)
    as_cloze, log = session.rebuild()
    assert as_cloze.changes is not None and as_cloze.changes.added == ("lambda",)
    assert as_cloze.changes.orphaned == ("lambda (ccpkit Term v1)",)
    assert (len(log.new), len(log.conflicting)) == (1, 0)
    assert session.student.note("lambda").note_type()["name"] == "ccpkit Cloze v1"
    assert session.student.collection.get_note(lambda_term.id).note_type()["name"] == "ccpkit Term v1"

    session.course.edit("cram-sheet.md", "{#lambda}\n" + cloze, "{#lambda}\n" + term)
    back, log = session.rebuild()
    assert back.changes is not None and back.changes.restored == ("lambda",) and back.changes.added == ()
    assert back.changes.orphaned == ("lambda (ccpkit Cloze v1)",)
    assert (len(log.new), len(log.conflicting)) == (0, 0)
    assert session.student.reviews_of(session.student.collection.get_note(lambda_term.id)) == reviews


def test_a_build_cut_short_after_its_package_sends_no_note_again_on_the_next(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C after the package is written but before the ledger: the student imports that package and
    edits the note in Anki; the next build must not date the note anew (its import would wipe the edit)."""
    ec2 = "02-compute/card/ec2-elastic-compute-cloud"
    session.course.edit("cram-sheet.md", "billed per second", "billed per second or per hour")
    written = Stamps.write

    def cut_short(stamps: Stamps, folder: Path, path: PurePosixPath, *rest: Any) -> Path | None:
        if path.name == LEDGER_NAME and folder == session.course.notes:
            raise KeyboardInterrupt  # the package is written, the ledger not yet
        return written(stamps, folder, path, *rest)

    with monkeypatch.context() as patched:
        patched.setattr(Stamps, "write", cut_short)
        with pytest.raises(KeyboardInterrupt):
            session.course.build(FIRST_BUILD + 3_600)
    (package,) = (session.course.out / "anki").glob("*.apkg")
    session.student.import_package(package)
    edited = session.student.note(ec2)["Definition"] + " (mine)"
    session.student.edit(ec2, "Definition", edited)

    report, log = session.rebuild()

    assert report.changes is not None and report.changes.updated == ()
    assert len(log.updated) == 0 and session.student.note(ec2)["Definition"] == edited


def test_a_new_card_named_like_one_removed_from_another_module_starts_afresh(session: Session) -> None:
    """``Billing`` removed from the compute module as a new module's ``Billing`` (another fact) is added:
    the new card must not take the studied one's history, which would hide it for days as if learned."""
    lines = "- **Amazon S3:** Object storage with 11 nines of durability.\n"
    session.course.edit("cram-sheet.md", lines, lines + "- **Billing:** Pay per second of instance time.\n")
    session.rebuild()
    session.student.study_everything()
    studied = session.student.note("02-compute/card/billing")
    assert session.student.reviews_of(studied) >= 1

    session.course.cut("cram-sheet.md", "- **Billing:** Pay per second of instance time.\n")
    serverless = session.course.notes / "03-serverless"
    serverless.mkdir()
    lambda_billing = "- **Billing:** Pay per request and per GB-second.\n"
    (serverless / "notes.md").write_text(f"# Serverless\n\n{lambda_billing}")
    report, log = session.rebuild()

    assert report.changes is not None
    assert report.changes.added == ("03-serverless/card/billing",) and report.changes.renamed == ()
    assert report.changes.orphaned == ("02-compute/card/billing",)
    new = session.student.note("03-serverless/card/billing")
    assert new.guid != studied.guid and session.student.reviews_of(new) == 0
    kept = session.student.collection.get_note(studied.id)
    assert session.student.reviews_of(kept) >= 1 and "Pay per second" in kept["Definition"]
    assert len(log.new) == 1


def test_a_change_left_out_of_a_build_of_other_modules_reaches_anki_with_the_next_full_build(
    session: Session,
) -> None:
    """``build --module 3`` while module 2's Lambda was edited sends only module 3: the ledger must not
    date Lambda's change then, or the student's mark made since would make Anki skip it for good."""
    storage = session.course.notes / "03-storage"
    storage.mkdir()
    (storage / "notes.md").write_text("# Storage\n\n- **Amazon EBS:** Block storage for one instance.\n")
    session.rebuild()
    lambda_id = "02-compute/card/aws-lambda"
    session.course.edit("cram-sheet.md", "pay per request.", "pay per request and per GB-second.")
    partial_build = session.course.build(int(time.time()) - 60, modules=(3,))
    session.student.import_package(_package(partial_build))
    lambda_note = session.student.note(lambda_id)
    lambda_note.add_tag("marked")  # after that build: newer than its package
    session.student.collection.update_note(lambda_note)

    report, log = session.rebuild()

    assert report.changes is not None and report.changes.updated == (lambda_id,)
    assert len(log.updated) == 1
    assert "per GB-second" in session.student.note(lambda_id)["Definition"]


def test_a_term_two_modules_share_reads_apart_in_anki_after_a_build_of_one_module_then_a_full_one(
    session: Session,
) -> None:
    """Module 3 gains an ``AWS Lambda`` card answered otherwise than module 2's: the course asks each
    under its heading. ``build --module 3`` must send that front, not the bare term: the ledger records
    the front the whole course gives, so the full build after it sends the note as unchanged, and its
    import would leave the bare front, two cards reading alike, for good."""
    storage = session.course.notes / "03-storage"
    storage.mkdir()
    (storage / "notes.md").write_text(
        "---\nmodule: 3\nmodule_title: Storage\n---\n\n# Storage\n\n## Events\n\n"
        "- **AWS Lambda:** Runs a function on each object S3 receives.\n",
        encoding="utf-8",
    )
    one_module = session.course.build(int(time.time()) - 60, modules=(3,))
    session.student.import_package(_package(one_module))

    session.rebuild()

    fronts = {
        session.student.note(f"{module}/card/aws-lambda")["Term"] for module in ("02-compute", "03-storage")
    }
    assert fronts == {"AWS Lambda · Core services", "AWS Lambda · Events"}


def test_a_card_renamed_as_a_new_card_takes_its_old_name_keeps_its_own_history(session: Session) -> None:
    """``AWS Lambda`` renamed ``AWS Lambda functions`` (same answer) while a new ``AWS Lambda`` card
    with another answer is added: the studied note follows its answer, the new card starts fresh."""
    lambda_id, renamed_id = "02-compute/card/aws-lambda", "02-compute/card/aws-lambda-functions"
    studied = session.student.note(lambda_id)
    reviews = session.student.reviews_of(studied)
    line = "- **AWS Lambda:** Runs code without servers; pay per request.\n"
    session.course.edit(
        "cram-sheet.md",
        line,
        "- **AWS Lambda functions:** Runs code without servers; pay per request.\n"
        "- **AWS Lambda:** Billed per millisecond of run time.\n",
    )

    report, log = session.rebuild()

    assert report.changes is not None and report.changes.renamed == ((lambda_id, renamed_id),)
    assert report.changes.added == (lambda_id,)
    kept = session.student.collection.get_note(studied.id)
    assert kept["Term"] == "AWS Lambda functions" and session.student.reviews_of(kept) == reviews
    new = session.student.note(lambda_id)
    assert new.guid != studied.guid and session.student.reviews_of(new) == 0
    assert "millisecond" in new["Definition"] and len(log.new) == 1
