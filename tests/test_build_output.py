"""What ``ccpkit build`` prints: what a person needs to read, like make or cargo, and little when
nothing changed. Every error in full; the warnings of the notes this build re-read in full, the
others counted; one line per format of files written; ``-v`` lists everything, ``-q`` errors only."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from ccpkit.cli import cli
from tests.conftest import NO_SETTINGS

NOISY = Path(__file__).parent / "fixtures" / "noisy_notes"
"""Two modules with a merged-duplicate warning each."""
ALPHA_WARNING = "01-alpha/summary.md:3: warning: merged duplicate term 'Region'"
BETA_WARNING = "02-beta/summary.md:3: warning: merged duplicate term 'Bucket'"
UNANSWERED = "# Practice\n\n### Question 1\n\nWhich one?\n\n- A) This\n- B) That\n"


class Project:
    def __init__(self, base: Path) -> None:
        self.base, self.notes, self.out = base, base / "notes", base / "build"
        shutil.copytree(NOISY, self.notes)

    def build(self, *options: str) -> Result:
        args = ["--config", str(NO_SETTINGS), "build", "--notes", str(self.notes), "--out", str(self.out)]
        return CliRunner().invoke(cli, [*args, *options])

    def write(self, name: str, text: str) -> None:
        (self.notes / name).write_text(text, encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path)


def lines(result: Result) -> list[str]:
    return result.output.splitlines()


def outputs(out: Path) -> Counter[str]:
    """The files in the output folder per format folder (the build's own records left out)."""
    files = [path.relative_to(out) for path in out.rglob("*") if path.is_file()]
    return Counter(path.parts[0] for path in files if not path.parts[0].startswith("."))


def per_format(out: Path) -> str:
    """``anki 1 file, csv 6, pdf 4, json 1``, counted on disk."""
    counts = outputs(out)
    return f"anki {counts['anki']} file, csv {counts['csv']}, pdf {counts['pdf']}, json {counts['json']}"


def test_a_first_build_shows_its_warnings_and_one_line_per_format(project: Project) -> None:
    result = project.build()
    assert result.exit_code == 0, result.output
    shown = lines(result)
    assert any(line.startswith(ALPHA_WARNING) for line in shown)
    assert any(line.startswith(BETA_WARNING) for line in shown)
    assert "2 modules, 5 cards, 1 table, 0 MCQs" in shown
    assert not any(line.startswith(f"wrote {project.out}") for line in shown)
    assert shown[-1] == f"{per_format(project.out)} → {project.out}/"
    assert outputs(project.out)["anki"] == 1 and outputs(project.out)["pdf"] == 4  # two sheets, course, exam


def test_a_second_build_with_nothing_changed_says_so_in_a_few_lines(project: Project) -> None:
    project.build()
    result = project.build()
    assert result.exit_code == 0
    assert lines(result) == [
        "2 warnings in unchanged notes — `-v` lists them",
        "2 modules, 5 cards, 1 table, 0 MCQs",
        f"up to date: {per_format(project.out)} in {project.out}/",
    ]


def test_after_an_edit_the_edited_modules_warnings_are_shown_and_the_others_counted(project: Project) -> None:
    project.build()
    with (project.notes / "02-beta" / "summary.md").open("a", encoding="utf-8") as stream:
        stream.write("- **Lifecycle rule:** Moves objects to cheaper classes over time.\n")
    shown = lines(project.build())
    assert any(line.startswith(BETA_WARNING) for line in shown)
    assert not any(line.startswith(ALPHA_WARNING) for line in shown)
    assert "1 warning in unchanged notes — `-v` lists them" in shown
    assert shown[-1].startswith("anki 1 file, csv ") and shown[-1].endswith(" up to date)")


def test_errors_are_printed_in_full_even_when_their_notes_did_not_change(project: Project) -> None:
    project.write("01-alpha/practice.md", UNANSWERED)
    for _ in range(2):
        result = project.build()
        assert result.exit_code == 1
        assert any(
            line.startswith("01-alpha/practice.md:3: question has no answer") for line in lines(result)
        )


def test_verbose_lists_every_file_written_and_every_warning(project: Project) -> None:
    written = [line for line in lines(project.build("-v")) if line.startswith(f"wrote {project.out}")]
    assert len(written) == outputs(project.out).total()
    assert f"wrote {project.out / 'pdf' / 'course.pdf'}" in written
    again = lines(project.build("--verbose"))
    assert any(line.startswith(ALPHA_WARNING) for line in again)
    assert any(line.startswith(BETA_WARNING) for line in again)
    assert any(line.split()[:2] == ["1", "Alpha"] for line in again)  # the counts per module


def test_an_id_ccpkit_made_distinct_is_left_to_check_and_verbose(project: Project) -> None:
    project.write(
        "01-alpha/lecture.md",
        "# Lecture\n\n## Cost\n\n- **Tags:** Tag it.\n\n## Speed\n\n- **Tags:** Cache it.\n",
    )
    info = "01-alpha/lecture.md:9: info: id 01-alpha/card/tags is taken by the card at 01-alpha/lecture.md:5"
    first, again, verbose = (lines(project.build(*options)) for options in ((), (), ("--verbose",)))
    assert not any(": info: " in line for line in first + again)  # nothing to fix: not in every build
    assert again[0] == "2 warnings in unchanged notes — `-v` lists them"  # nor counted as one
    assert any(line.startswith(info) for line in verbose)


def test_quiet_prints_errors_only(project: Project) -> None:
    result = project.build("-q")
    assert (result.exit_code, result.output) == (0, "")
    project.write("01-alpha/practice.md", UNANSWERED)
    result = project.build("--quiet")
    assert result.exit_code == 1
    assert [line.split(": ")[1] for line in lines(result)] == ["question has no answer"]


def test_verbose_and_quiet_together_is_a_usage_error(project: Project) -> None:
    result = project.build("-v", "-q")
    assert result.exit_code == 2
    assert "choose one of -v/--verbose and -q/--quiet" in result.output
    assert not project.out.exists()


def test_a_first_build_shows_a_warning_at_a_module_folder_in_full(project: Project) -> None:
    """A warning at a folder (two modules numbered alike) is in notes this build read: not "unchanged"."""
    twin = project.notes / "01-gamma"
    twin.mkdir()
    (twin / "notes.md").write_text("- **Zone:** an isolated place within a region.\n", encoding="utf-8")
    shown = lines(project.build())
    assert any(line.startswith("01-gamma:1: warning: 01-alpha/ is numbered 1 too") for line in shown), shown
    assert not any("in unchanged notes" in line for line in shown)


def test_a_build_warns_of_a_card_that_asks_for_a_set_as_check_does(project: Project) -> None:
    project.write(
        "01-alpha/sets.md", "# Rocks\n\n- **Types of rock:** igneous, sedimentary and metamorphic\n"
    )
    check = CliRunner().invoke(cli, ["--config", str(NO_SETTINGS), "check", "--notes", str(project.notes)])
    (warning,) = [line for line in lines(check) if "asks to recall a set of 3" in line]
    assert warning.startswith("01-alpha/sets.md:3: warning: the card 'Types of rock'")
    assert warning in lines(project.build())
