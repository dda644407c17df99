"""``ccpkit init``: a new course that builds straight away, its example showing every item kind."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from ccpkit.cli import cli
from ccpkit.ledger.merge import GIT_ATTRIBUTES, GIT_CONFIG
from tests.export.anki.student import Student, visible_text


def ccpkit(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``ccpkit init "Networking Basics"`` then ``cd`` into it, as the README says."""
    monkeypatch.chdir(tmp_path)
    result = ccpkit("init", "Networking Basics")
    assert result.exit_code == 0, result.output
    monkeypatch.chdir(tmp_path / "Networking Basics")
    return tmp_path / "Networking Basics"


@pytest.fixture
def student(course: Path) -> Iterator[Student]:
    """The student who imports the deck built right after ``init``."""
    result = ccpkit("build")
    assert result.exit_code == 0, result.output
    student = Student.with_fresh_collection(course.parent)
    student.import_package(course / "build" / "anki" / "networking-basics.apkg")
    yield student
    student.close()


def test_init_writes_settings_titled_after_the_folder_and_an_example_module(course: Path) -> None:
    settings = tomllib.loads((course / "ccpkit.toml").read_text("utf-8"))
    assert settings["course"]["title"] == "Networking Basics"
    assert settings["paths"]["notes"] == "notes"
    assert [path.name for path in (course / "notes").iterdir()] == ["01-getting-started"]


def test_the_example_notes_are_clean(course: Path) -> None:
    result = ccpkit("check", "--strict")
    assert result.exit_code == 0, result.output
    *_, total, closing = result.output.splitlines()
    assert total.split() == ["total", "2", "cards", "1", "table", "2", "MCQs", "1", "cloze"]
    assert closing == "0 errors, 0 warnings"


def test_a_build_right_after_init_makes_every_output(course: Path) -> None:
    result = ccpkit("build")
    assert result.exit_code == 0, result.output
    built = course / "build"
    assert (built / "anki" / "networking-basics.apkg").is_file()
    assert (built / "csv" / "cards.csv").is_file() and (built / "csv" / "mcqs.csv").is_file()
    assert (built / "pdf" / "course.pdf").is_file() and (built / "pdf" / "01-getting-started.pdf").is_file()


HIDDEN = (
    "A card you answer well comes back after a [...] interval; one you miss comes back sooner.",
    "A card you answer well comes back after a longer interval; one you miss comes back [...].",
)
"""The example cloze's two cards as a student sees their fronts (after the breadcrumb): each hides the
words of its number."""


def test_the_deck_holds_a_term_a_table_both_kinds_of_question_and_a_cloze(student: Student) -> None:
    by_type: dict[str, list[dict[str, str]]] = {}
    for note in student.notes():
        fields = {name: visible_text(value) for name, value in note.items()}
        by_type.setdefault(note.note_type()["name"], []).append(fields)
    assert {note["Term"] for note in by_type["ccpkit Term v1"]} == {"Spaced repetition", "Active recall"}
    assert {note["Row"] for note in by_type["ccpkit Comparison v1"]} == {
        "Flashcards",
        "Practice questions",
        "Cram sheet",
    }
    questions = {note["Answers"]: note["Choose"] for note in by_type["ccpkit MCQ v1"]}
    assert questions == {"B": "", "A C": "Choose 2"}  # one single-answer question, one "Choose TWO"
    (cloze,) = [note for note in student.notes() if note.note_type()["name"] == "ccpkit Cloze v1"]  # type: ignore[index]
    # One card per cloze number; ``visible_text`` puts a space where a tag was: ``[...] .`` reads ``[...].``
    fronts = [visible_text(card.question()).replace(" .", ".") for card in cloze.cards()]
    assert [front.split(" Clozes ")[1] for front in fronts] == list(HIDDEN)
    decks = {student.collection.decks.name(card.did) for card in student.cards()}
    assert decks == {"Networking Basics::01 Getting Started"}


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "my-notes.md").write_text("- **Mine:** keep me\n", "utf-8")
    result = ccpkit("init", str(tmp_path))
    assert result.exit_code == 2  # a usage error: another folder is what was meant
    assert "folder is not empty" in result.output
    assert [path.name for path in tmp_path.iterdir()] == ["my-notes.md"]


def test_init_without_a_folder_starts_the_course_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "cloud-101").mkdir()
    monkeypatch.chdir(tmp_path / "cloud-101")
    assert ccpkit("init").exit_code == 0
    assert tomllib.loads(Path("ccpkit.toml").read_text("utf-8"))["course"]["title"] == "Cloud 101"
    assert ccpkit("build").exit_code == 0
    assert Path("build/anki/cloud-101.apkg").is_file()


def test_init_names_the_ledgers_merge_driver_and_says_how_to_install_it(tmp_path: Path) -> None:
    result = ccpkit("init", str(tmp_path / "course"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "course" / ".gitattributes").read_text("utf-8") == GIT_ATTRIBUTES
    assert all(f"  {command}\n" in result.output for command in GIT_CONFIG)
