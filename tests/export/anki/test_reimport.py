"""The student's loop, in a real Anki collection: build, import, study, edit the notes, rebuild, re-import.

Anki's default import options throughout. What must hold: no duplicate notes, no new note types,
edits arrive, fixed typos keep their review history, untouched notes (and the student's own edits to
them inside Anki) stay as they are, and a removed item is reported as an orphan still in Anki.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ccpkit.export.anki.notes import anki_notes
from ccpkit.report import BuildReport
from tests.export.anki.course import (
    FIXED_STEM,
    FIXED_TERM,
    TEMPLATES,
    build_deck,
    first_version,
    second_version,
)
from tests.export.anki.student import Student, visible_text

FIRST_BUILD, SECOND_BUILD = 1_700_000_000, 1_700_086_400
STUDENT_WORDS = "My own mnemonic: Lambda = functions, no servers"
PACKAGE = "anki/aws-certified-cloud-practitioner.apkg"


class Loop:
    """State shared by the assertions: the student, and what they saw before the rebuild."""

    def __init__(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.notes, self.out = tmp_path / "notes", tmp_path / "build"
        self.notes.mkdir()
        self.student = Student.with_fresh_collection(tmp_path)
        self.monkeypatch = monkeypatch

    def build(self, version: str, at: int) -> BuildReport:
        deck = first_version() if version == "first" else second_version()
        return build_deck(self.monkeypatch, deck, self.notes, self.out, at=at)


@pytest.fixture
def loop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Loop]:
    state = Loop(tmp_path, monkeypatch)
    state.build("first", FIRST_BUILD)
    state.student.import_package(state.out / PACKAGE)
    state.student.study_everything()
    state.student.edit("02-compute/card/aws-lambda", "Definition", STUDENT_WORDS)
    yield state
    state.student.close()


def test_first_import_has_one_note_per_item_and_every_card_studied(loop: Loop) -> None:
    expected = len(anki_notes(first_version()))
    assert len(list(loop.student.notes())) == expected == 12
    assert all(loop.student.reviews_of(note) == 1 for note in loop.student.notes())
    assert all(card.type != 0 for card in loop.student.cards())  # none is new any more


def test_reimport_after_edits_duplicates_nothing_and_adds_no_note_type(loop: Loop) -> None:
    note_types = loop.student.note_type_names()
    report = loop.build("second", SECOND_BUILD)
    log = loop.student.import_package(loop.out / PACKAGE)
    assert (len(log.new), len(log.conflicting)) == (2, 0)
    unchanged = {note.fields[-1] for note in log.duplicate}  # Anki's word for "already there, not newer"
    assert unchanged == {
        "02-compute/card/aws-lambda",
        "09-security/mcq/which-two-are-customer-responsibilities",
    }
    assert loop.student.note_type_names() == note_types
    assert len(list(loop.student.notes())) == 12 + 2  # the removed note stays: import never deletes
    guids = [note.guid for note in loop.student.notes()]
    assert len(set(guids)) == len(guids)
    assert report.changes is not None and len(report.changes.added) == 2


def test_edited_notes_show_the_new_text(loop: Loop) -> None:
    loop.build("second", SECOND_BUILD)
    loop.student.import_package(loop.out / PACKAGE)
    student = loop.student
    assert (
        visible_text(student.note("02-compute/card/ec2")["Definition"])
        == "Virtual servers, billed per second"
    )
    assert "\\(y^3\\)" in student.note("09-security/card/hash-term")["Definition"]
    assert (
        student.note("02-compute/card/auto-scaling")["Definition"]
        == "Adds or removes instances to match demand"
    )
    assert (
        "RDS credentials"
        in student.note("09-security/mcq/which-service-rotates-database-credentials")["Explanation"]
    )
    assert "off On-Demand" in student.note("02-compute/table/ec2-pricing/spot")["Answer"]


def test_fixed_typos_keep_their_notes_and_review_history(loop: Loop) -> None:
    before = {
        "term": loop.student.note("02-compute/card/elastic-load-balacner"),
        "stem": loop.student.note("02-compute/mcq/which-aws-service-is-a-managed-serverless-compute-servcie"),
    }
    report = loop.build("second", SECOND_BUILD)
    loop.student.import_package(loop.out / PACKAGE)
    term = loop.student.note("02-compute/card/elastic-load-balancer")
    stem = loop.student.note("02-compute/mcq/which-aws-service-is-a-managed-serverless-compute-service")
    assert (term.id, stem.id) == (before["term"].id, before["stem"].id)
    assert (term["Term"], visible_text(stem["Stem"])) == (FIXED_TERM, FIXED_STEM)
    assert loop.student.reviews_of(term) == loop.student.reviews_of(stem) == 1
    assert report.changes is not None and len(report.changes.renamed) == 2


def test_unchanged_notes_are_untouched_including_the_students_own_edit(loop: Loop) -> None:
    lambda_before = loop.student.note("02-compute/card/aws-lambda")
    on_demand_before = loop.student.note("02-compute/card/ec2").mod
    loop.build("second", SECOND_BUILD)
    loop.student.import_package(loop.out / PACKAGE)
    lambda_after = loop.student.note("02-compute/card/aws-lambda")
    assert lambda_after["Definition"] == STUDENT_WORDS
    assert lambda_after.mod == lambda_before.mod
    assert loop.student.note("02-compute/card/ec2").mod != on_demand_before  # edited: updated


def test_removed_item_is_reported_as_an_orphan_still_in_anki(loop: Loop) -> None:
    report = loop.build("second", SECOND_BUILD)
    loop.student.import_package(loop.out / PACKAGE)
    assert report.changes is not None and report.changes.orphaned == ("02-compute/card/amazon-s3",)
    assert "02-compute/card/amazon-s3" in report.summary() and "orphaned" in report.summary()
    assert loop.student.note("02-compute/card/amazon-s3")["Definition"] == "Object storage"


def test_restyled_templates_reach_anki_without_touching_notes(
    loop: Loop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES / "anki", templates / "anki")
    with (templates / "anki" / "style.css").open("a", encoding="utf-8") as css:
        css.write(".prompt { color: teal; }\n")
    build_deck(monkeypatch, first_version(), loop.notes, loop.out, at=SECOND_BUILD, templates=templates)
    log = loop.student.import_package(loop.out / PACKAGE)
    assert (len(log.new), len(log.updated)) == (0, 0)
    term = loop.student.collection.models.by_name("ccpkit Term v1")
    assert term is not None and ".prompt { color: teal; }" in term["css"]
    assert loop.student.note("02-compute/card/aws-lambda")["Definition"] == STUDENT_WORDS


def test_restyled_templates_tell_a_student_who_chose_a_sort_field_to_sync_instead(
    loop: Loop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Anki's import of a restyled note type puts the package's sort field in place of the student's,
    a change of schema (AnkiWeb then asks for a one-way sync), and stamps every note of the type, so
    that import skips their updates: the build that restyles says so, and what to run instead."""
    models = loop.student.collection.models
    term = models.by_name("ccpkit Term v1")
    assert term is not None
    models.set_sort_index(term, 1)
    models.update_dict(term)
    unstyled = loop.build("second", SECOND_BUILD).summary()
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES / "anki", templates / "anki")
    with (templates / "anki" / "style.css").open("a", encoding="utf-8") as css:
        css.write(".prompt { color: teal; }\n")
    restyled = build_deck(
        monkeypatch, second_version(), loop.notes, loop.out, at=int(time.time()) + 60, templates=templates
    )
    assert "card templates changed" not in unstyled
    assert "card templates changed since the last build" in restyled.summary()
    assert "sort field in Anki, `ccpkit sync` instead" in restyled.summary()
    loop.student.import_package(loop.out / PACKAGE)
    term = models.by_name("ccpkit Term v1")
    assert term is not None and term["sortf"] == 0  # as the report warned: put back


def test_unchanged_templates_leave_the_students_own_styling_alone(loop: Loop) -> None:
    models = loop.student.collection.models
    term = models.by_name("ccpkit Term v1")
    assert term is not None
    term["css"] += "\n.card { font-size: 30px; }"
    models.update_dict(term)
    loop.build("second", SECOND_BUILD)
    loop.student.import_package(loop.out / PACKAGE)
    after = models.by_name("ccpkit Term v1")
    assert after is not None and after["css"].endswith(".card { font-size: 30px; }")


def test_an_older_package_imported_after_a_newer_one_takes_no_note_back(
    loop: Loop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Anki decides it (docs/anki.md, "Importing"): an old build's package, left on a phone say, is no
    newer than any note or template the later one updated; only a note deleted in Anki since comes back."""
    older = shutil.copy(loop.out / PACKAGE, tmp_path / "older.apkg")
    restyled = tmp_path / "templates"
    shutil.copytree(TEMPLATES / "anki", restyled / "anki")
    with (restyled / "anki" / "style.css").open("a", encoding="utf-8") as css:
        css.write(".prompt { color: teal; }\n")
    build_deck(monkeypatch, second_version(), loop.notes, loop.out, at=SECOND_BUILD, templates=restyled)
    loop.student.import_package(loop.out / PACKAGE)
    s3 = loop.student.note("02-compute/card/amazon-s3")  # orphaned by the second build …
    loop.student.collection.remove_notes([s3.id])  # … and deleted in Anki, as the report says to
    after_newer = {note.guid: (note.fields, note.mod) for note in loop.student.notes()}
    log = loop.student.import_package(older)
    assert (len(log.updated), len(log.conflicting)) == (0, 0)
    back = [note for note in loop.student.notes() if note.guid not in after_newer]
    assert [note["Id"] for note in back] == ["02-compute/card/amazon-s3"]
    assert [card.type for card in back[0].cards()] == [0]  # new: its schedule went when it was deleted
    kept = {note.guid: (note.fields, note.mod) for note in loop.student.notes() if note.guid in after_newer}
    assert kept == after_newer  # "billed per second", the fixed typos: nothing went back
    term = loop.student.collection.models.by_name("ccpkit Term v1")
    assert term is not None and ".prompt { color: teal; }" in term["css"]


def test_a_note_deleted_in_anki_comes_back_with_every_import_as_a_new_card(loop: Loop) -> None:
    """Anki decides it (docs/anki.md, "What a re-import does"): a package holds every note of the course,
    and an import adds each one the collection lacks; the history went with the deleted note."""
    lambda_note = loop.student.note("02-compute/card/aws-lambda")
    loop.student.collection.remove_notes([lambda_note.id])
    loop.build("second", SECOND_BUILD)  # Lambda's words are the same: nothing about it re-sent

    log = loop.student.import_package(loop.out / PACKAGE)

    back = loop.student.note("02-compute/card/aws-lambda")
    assert back.guid == lambda_note.guid and back.guid in loop.student.guids(log.new)
    assert [card.type for card in back.cards()] == [0] and loop.student.reviews_of(back) == 0
