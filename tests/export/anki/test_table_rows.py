"""A comparison table's rows in a real Anki collection when the notes only move them: sorting a
table's rows re-sends no note, so what the student wrote on a row's note and its tags stay."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from ccpkit.cli import cli
from tests.conftest import REPO
from tests.export.anki.student import Student

FIXTURE = Path(__file__).parent / "fixtures" / "planets"
NOTES_FILE = "01-planets/notes.md"
EARTH = "01-planets/table/inner-planets/earth"
ROWS = "| Mercury | 0 | Grey |\n| Venus | 0 | Yellow |\n| Earth | 1 | Blue |\n"
MINE = " — the only one with liquid water"


def build(root: Path) -> str:
    arguments = ["build", "--notes", str(root / "notes"), "--out", str(root / "build"), "--title", "Planets"]
    result = CliRunner().invoke(cli, [*arguments, "--templates", str(REPO / "templates"), "--format=anki"])
    assert result.exit_code == 0, result.output
    return result.output


def studied_planets(tmp_path: Path) -> Student:
    """The planets course built, imported into a fresh collection and studied once."""
    shutil.copytree(FIXTURE, tmp_path / "notes")
    return studied(tmp_path)


def studied(tmp_path: Path) -> Student:
    """The notes in ``tmp_path`` built, imported into a fresh collection and studied once."""
    build(tmp_path)
    student = Student.with_fresh_collection(tmp_path)
    student.import_package(tmp_path / "build" / "anki" / "planets.apkg")
    student.study_everything()
    return student


def test_rows_sorted_in_the_notes_leave_the_students_edits_and_tags_on_every_row(tmp_path: Path) -> None:
    student = studied_planets(tmp_path)
    try:
        earth = student.note(EARTH)
        earth["Answer"] += MINE
        earth.tags.append("my-favourite")
        student.collection.update_note(earth)
        notes_file = tmp_path / "notes" / NOTES_FILE
        text = notes_file.read_text(encoding="utf-8")
        notes_file.write_text(text.replace(ROWS, "".join(sorted(ROWS.splitlines(keepends=True)))), "utf-8")
        assert "0 updated" in build(tmp_path)
        log = student.import_package(tmp_path / "build" / "anki" / "planets.apkg")
        assert len(log.new) == 0 and len(log.updated) == 0
        earth = student.note(EARTH)
        assert earth["Answer"].endswith(MINE) and "my-favourite" in earth.tags
        assert student.reviews_of(earth) == 1
    finally:
        student.close()


STATIONS = Path(__file__).parent / "fixtures" / "stations"


def test_rows_of_a_long_table_reversed_leave_every_rows_edits(tmp_path: Path) -> None:
    """A card's back shows the 30 rows around its own: reversing 40 rows moves those windows, and
    still no row is re-sent."""
    shutil.copytree(STATIONS, tmp_path / "notes")
    build(tmp_path)
    package = tmp_path / "build" / "anki" / "planets.apkg"
    student = Student.with_fresh_collection(tmp_path)
    try:
        student.import_package(package)
        student.study_everything()
        for note in student.notes():
            note["Answer"] += MINE
            note.tags.append("my-favourite")
            student.collection.update_note(note)
        notes_file = tmp_path / "notes" / "01-stations" / "notes.md"
        head, _, rows = notes_file.read_text(encoding="utf-8").partition("|---|---|\n")
        reversed_rows = "".join(reversed(rows.splitlines(keepends=True)))
        notes_file.write_text(f"{head}|---|---|\n{reversed_rows}", encoding="utf-8")
        assert "0 updated" in build(tmp_path)
        assert len(student.import_package(package).updated) == 0
        notes = list(student.notes())
        assert len(notes) == 40
        assert all(note["Answer"].endswith(MINE) and "my-favourite" in note.tags for note in notes)
    finally:
        student.close()


def test_a_row_relabelled_with_its_cells_unchanged_keeps_its_note_and_history(tmp_path: Path) -> None:
    student = studied_planets(tmp_path)
    try:
        guid = student.note(EARTH).guid
        notes_file = tmp_path / "notes" / NOTES_FILE
        notes_file.write_text(
            notes_file.read_text(encoding="utf-8").replace("| Earth |", "| Terra |"), "utf-8"
        )
        output = build(tmp_path)
        assert "0 added" in output and "0 orphaned" in output
        log = student.import_package(tmp_path / "build" / "anki" / "planets.apkg")
        assert len(log.new) == 0
        terra = student.note("01-planets/table/inner-planets/terra")
        assert terra.guid == guid and terra["Row"] == "Terra" and student.reviews_of(terra) == 1
        assert len(list(student.notes())) == 3
    finally:
        student.close()


SERVICES = """# Cloud

## Services by category

| Category | Service | Use |
| --- | --- | --- |
| Storage | Amazon S3 | Object storage |
| Storage | Amazon EBS | Block volumes |
| Compute | Amazon EC2 | Virtual servers |
| Database | Amazon RDS | Managed SQL |
"""


def studied_services(tmp_path: Path, notes: str) -> Student:
    """A course of one table, built, imported into a fresh collection and studied once."""
    (tmp_path / "notes" / "01-cloud").mkdir(parents=True)
    (tmp_path / "notes" / "01-cloud" / "notes.md").write_text(notes, encoding="utf-8")
    return studied(tmp_path)


def test_rows_of_a_table_read_another_way_after_a_row_is_deleted_keep_their_notes(tmp_path: Path) -> None:
    """Deleting the one row that made ``Storage`` a group leaves the first column naming each row: the
    cards ask from another cell now, and the rows left keep their notes and history."""
    student = studied_services(tmp_path, SERVICES)
    try:
        s3 = next(note.guid for note in student.notes() if "Amazon S3" in note["Row"])
        notes_file = tmp_path / "notes" / "01-cloud" / "notes.md"
        notes_file.write_text(SERVICES.replace("| Storage | Amazon EBS | Block volumes |\n", ""), "utf-8")
        output = build(tmp_path)
        assert "0 added" in output and "1 orphaned" in output
        log = student.import_package(tmp_path / "build" / "anki" / "planets.apkg")
        assert len(log.new) == 0 and len(log.updated) == 3
        rows = {note["Row"]: note for note in student.notes() if "Amazon EBS" not in note["Row"]}
        assert set(rows) == {"Storage", "Compute", "Database"}
        assert rows["Storage"].guid == s3
        assert all(student.reviews_of(note) == 1 for note in rows.values())
    finally:
        student.close()


def test_rows_of_a_table_read_as_groups_after_a_row_is_added_keep_their_notes(tmp_path: Path) -> None:
    table = SERVICES.replace("| Storage | Amazon EBS | Block volumes |\n", "")
    student = studied_services(tmp_path, table)
    try:
        notes_file = tmp_path / "notes" / "01-cloud" / "notes.md"
        added = "| Compute | AWS Lambda | Functions |\n"
        notes_file.write_text(table.replace("| Database |", f"{added}| Database |"), "utf-8")
        output = build(tmp_path)
        assert "1 added" in output and "0 orphaned" in output
        student.import_package(tmp_path / "build" / "anki" / "planets.apkg")
        notes = {note["Row"]: note for note in student.notes()}
        assert len(notes) == 4
        studied = [notes[row] for row in notes if "Lambda" not in row]
        assert all(student.reviews_of(note) == 1 for note in studied)
        assert student.reviews_of(next(notes[row] for row in notes if "Lambda" in row)) == 0
    finally:
        student.close()


WIDE = """# Cloud

## Services by category

| Category | Service | Use | Since | Pricing |
| --- | --- | --- | --- | --- |
| Storage | Amazon S3 | Object storage | 2006 | Per GB stored |
| Storage | Amazon EBS | Block volumes | 2013 | Hourly |
| Compute | Amazon EC2 | Virtual servers | 2006 | Per second |
| Database | Amazon RDS | Managed SQL | 2009 | Per instance hour |
"""


def test_a_row_asked_in_several_notes_gives_none_of_them_another_question_when_read_another_way(
    tmp_path: Path,
) -> None:
    """A row of many columns is asked in several notes, two cells each; read another way, its notes ask
    other cells. None takes the history of a note that asked something else."""
    student = studied_services(tmp_path, WIDE)
    try:
        asked = {note.guid: note["Asks"] for note in student.notes()}
        notes_file = tmp_path / "notes" / "01-cloud" / "notes.md"
        notes_file.write_text(
            WIDE.replace("| Storage | Amazon EBS | Block volumes | 2013 | Hourly |\n", ""), "utf-8"
        )
        build(tmp_path)
        student.import_package(tmp_path / "build" / "anki" / "planets.apkg")
        for note in student.notes():
            if note.guid in asked and student.reviews_of(note):
                assert note["Asks"] == asked[note.guid], note["Row"]
    finally:
        student.close()
