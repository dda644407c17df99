"""No course is built into ccpkit: the title comes from ccpkit.toml or the notes folder's name, and a
folder without notes is an error, not an empty deck."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from ccpkit.cli import cli
from ccpkit.config import Config
from tests.conftest import COURSE_TITLE, REPO

FIXTURE_NOTES = Path(__file__).parent / "fixtures" / "notes"


def ccpkit(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_without_settings_the_course_is_named_after_its_notes_folder(here: Path) -> None:
    shutil.copytree(FIXTURE_NOTES, here / "cloud_security-notes")
    assert ccpkit("build", "--notes", "cloud_security-notes", "--format", "anki").exit_code == 0
    assert [path.name for path in (here / "build" / "anki").iterdir()] == ["cloud-security-notes.apkg"]
    dumped = ccpkit("dump", "--json", "--notes", "cloud_security-notes").output
    assert '"title": "Cloud security notes"' in dumped


def test_a_folder_name_with_an_empty_deck_part_names_a_course_anki_can_hold(here: Path) -> None:
    """``x::`` would name a deck with no name: the empty part is left out, as ``ccpkit init x::`` writes."""
    shutil.copytree(FIXTURE_NOTES, here / "aws::")
    dumped = ccpkit("dump", "--json", "--notes", "aws::")
    assert dumped.exit_code == 0 and '"title": "Aws"' in dumped.output


def test_the_title_in_ccpkit_toml_names_the_course(here: Path) -> None:
    shutil.copytree(FIXTURE_NOTES, here / "notes")
    (here / "ccpkit.toml").write_text('[course]\ntitle = "Storage Deep Dive"\n', encoding="utf-8")
    assert ccpkit("build", "--notes", "notes", "--format", "anki").exit_code == 0
    assert [path.name for path in (here / "build" / "anki").iterdir()] == ["storage-deep-dive.apkg"]


def test_a_build_run_away_from_its_ccpkit_toml_is_refused_before_anything_moves_deck(here: Path) -> None:
    """The course's folder names it `Storage Deep Dive`; a build run from elsewhere would name it after
    its notes folder and send every new card to a deck of that name."""
    course = here / "course"
    shutil.copytree(FIXTURE_NOTES, course / "notes")
    (course / "ccpkit.toml").write_text('[course]\ntitle = "Storage Deep Dive"\n', encoding="utf-8")
    with pytest.MonkeyPatch.context() as patched:
        patched.chdir(course)
        assert ccpkit("build", "--notes", "notes", "--format", "anki").exit_code == 0
    package = course / "build" / "anki" / "storage-deep-dive.apkg"
    built = package.read_bytes()

    away = ccpkit("build", "--notes", "course/notes", "--out", "course/build", "--format", "anki")

    assert away.exit_code == 2 and "Traceback" not in away.output
    assert (
        "names this course 'Storage Deep Dive'" in away.output
        and "--title 'Storage Deep Dive'" in away.output
    )
    assert sorted(path.name for path in (course / "build" / "anki").iterdir()) == [package.name]
    assert package.read_bytes() == built
    titled = ccpkit(
        "build", "--notes", "course/notes", "--out", "course/build", "--title", "Storage Deep Dive"
    )
    assert titled.exit_code == 0, titled.output


def test_no_course_title_is_a_default_and_this_course_names_its_own() -> None:
    assert Config().title is None
    assert COURSE_TITLE == "AWS Certified Cloud Practitioner"  # from the committed ccpkit.toml
    assert (REPO / "ccpkit.toml").is_file()


@pytest.mark.parametrize("command", ["check", "build", "dump"])
def test_a_notes_folder_without_markdown_notes_is_an_error_and_nothing_is_written(
    here: Path, command: str
) -> None:
    empty = here / "notes"
    (empty / "01-empty-module").mkdir(parents=True)
    (empty / "readme.txt").write_text("not a Markdown note\n", encoding="utf-8")
    args = ["--json"] if command == "dump" else []
    result = ccpkit(command, "--notes", str(empty), *args)
    assert result.exit_code == 1
    assert f"no Markdown notes found in {empty}" in result.output
    assert sorted(path.relative_to(here).as_posix() for path in here.rglob("*")) == [
        "notes",
        "notes/01-empty-module",
        "notes/readme.txt",
    ]
