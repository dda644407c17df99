"""Two courses synced into one collection (a student's second exam after the first): each sync keeps
to its own course. The second one adds its notes beside the first's, and retires none of them."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from ccpkit.cli import cli
from tests.sync.course import TITLE, Course

SECOND = "AWS Solutions Architect"


def test_a_second_courses_sync_adds_its_notes_and_retires_none_of_the_first(tmp_path: Path) -> None:
    first = Course.fresh(tmp_path / "first")
    assert first.sync().exit_code == 0
    student = first.student()
    studied = student.study_everything()
    before = {note.guid: tuple(note.fields) for note in student.notes()}
    student.close()
    notes = tmp_path / "second" / "notes"
    shutil.copytree(first.notes, notes)
    (notes / ".ccpkit-ledger.json").unlink()  # the same module and term names, a course of its own
    arguments = ["sync", "--notes", str(notes), "--out", str(tmp_path / "second" / "build")]
    arguments += ["--templates", str(first.templates), "--collection", str(first.collection)]

    result = CliRunner().invoke(cli, [*arguments, "--title", SECOND])

    assert result.exit_code == 0, result.output
    assert f"{len(before)} added" in result.output and "0 retired" in result.output
    student = first.student()
    try:
        after = {note.guid: tuple(note.fields) for note in student.notes()}
        assert {guid: after[guid] for guid in before} == before
        assert not [note for note in student.notes() if "ccpkit::orphan" in note.tags]
        assert sum(student.reviews_of(note) for note in student.notes()) == studied
        assert {name.split("::")[0] for name in student.collection.decks.all_names()} >= {TITLE, SECOND}
    finally:
        student.close()
    again = first.sync()  # and the first course's next sync leaves the second's notes alone
    assert again.exit_code == 0 and "0 retired" in again.output, again.output


def test_a_course_whose_decks_sit_under_anothers_is_never_retired_nor_deleted_by_it(tmp_path: Path) -> None:
    """A second course filed under the first's deck (``[course] deck = "<first>::Advanced"``): the first
    course's sync, ``--delete-orphans`` too, leaves every note of the second alone."""
    first = Course.fresh(tmp_path / "first")
    assert first.sync().exit_code == 0
    notes = tmp_path / "second" / "notes"
    shutil.copytree(first.notes, notes)
    (notes / ".ccpkit-ledger.json").unlink()
    arguments = ["sync", "--notes", str(notes), "--out", str(tmp_path / "second" / "build")]
    arguments += ["--templates", str(first.templates), "--collection", str(first.collection)]
    nested = tmp_path / "second" / "ccpkit.toml"
    nested.write_text(f'[course]\ntitle = "{SECOND}"\ndeck = "{TITLE}::Advanced"\n', encoding="utf-8")
    second = CliRunner().invoke(cli, ["--config", str(nested), *arguments])
    assert second.exit_code == 0, second.output
    student = first.student()
    theirs = {note.guid for note in student.notes() if any("::Advanced" in d for d in student.decks_of(note))}
    student.close()
    assert theirs

    again = first.sync("--delete-orphans")

    assert again.exit_code == 0 and "0 retired" in again.output and "deleted" not in again.output, (
        again.output
    )
    student = first.student()
    try:
        assert theirs <= {note.guid for note in student.notes()}
        assert not [note for note in student.notes() if "ccpkit::orphan" in note.tags]
    finally:
        student.close()
