"""Sync sends exactly the notes the .apkg sends: same GUIDs, the same link tables in or out of the deck."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from ccpkit.cli import cli
from tests.export.anki.student import Student
from tests.sync.course import TITLE, Course

LINK_TABLE = """

## Read more

| Resource | What it covers |
| --- | --- |
| S3 user guide | Buckets, objects and storage classes |
| EBS user guide | Volume types and snapshots |
"""


@pytest.mark.parametrize("link_tables", [False, True])
def test_sync_adds_the_notes_the_apkg_holds(tmp_path: Path, link_tables: bool) -> None:
    course = Course.fresh(tmp_path / "course")
    cram_sheet = course.notes / "03-storage" / "cram-sheet.md"
    cram_sheet.write_text(cram_sheet.read_text(encoding="utf-8") + LINK_TABLE, encoding="utf-8")
    config = tmp_path / "ccpkit.toml"
    config.write_text(f"[anki]\nlink_tables = {str(link_tables).lower()}\n", encoding="utf-8")
    paths = ["--notes", str(course.notes), "--out", str(course.out), "--templates", str(course.templates)]
    for command in (["build", "--format", "anki"], ["sync", "--collection", str(course.collection)]):
        result = CliRunner().invoke(cli, ["--config", str(config), *command, *paths, "--title", TITLE])
        assert result.exit_code == 0, result.output

    (package,) = (course.out / "anki").glob("*.apkg")
    imported = Student.with_fresh_collection(tmp_path)
    student = course.student()
    try:
        imported.import_package(package)
        assert {note.guid for note in student.notes()} == {note.guid for note in imported.notes()}
        synced_text = " ".join(field for note in student.notes() for field in note.fields)
        assert ("S3 user guide" in synced_text) is link_tables
    finally:
        imported.close()
        student.close()
