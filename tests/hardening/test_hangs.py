"""Inputs that make naive parsers and layout engines loop or go quadratic, run as a real process with a
timeout: a hang fails the test instead of stalling the suite."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ccpkit.parse import parse_notes
from tests.conftest import NO_SETTINGS, REPO

N = 5_000
PATHOLOGICAL = {
    "brackets.md": "- **Brackets:** " + "[" * N,
    "links.md": "- **Links:** " + "[a](" * N,
    "emphasis.md": "- **Emphasis:** " + "*a _b " * N,
    "backticks.md": "- **Ticks:** " + "`a" * N,
    "tick-runs.md": "- **Run:** " + "`" * N + "\n\nA paragraph " + "`" * N + " ends.",
    "dollars.md": "- **Dollars:** " + "$a" * N,
    "autolinks.md": "- **Autolinks:** " + "<http://a" * N,
    "quotes.md": ">" * N + " deep",
    "bullets.md": "- " * N + "deep",
    "details.md": "<details>\n" * N,
    "folds.md": "<details>\n\n" * N,
    "options.md": "### Question 1\n\nWhich?\n\n" + "".join(f"- A) x{n}\n" for n in range(2000)),
    "key.md": "## Answers\n\n" + "".join(f"{n}. B\n" for n in range(1, 5000)),
}
TIMEOUT = 60


def ccpkit(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "ccpkit", "--config", str(NO_SETTINGS), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, cwd=cwd, check=False)


def test_pathological_markdown_builds_every_format_without_hanging(tmp_path: Path) -> None:
    module = tmp_path / "notes" / "01-nasty"
    module.mkdir(parents=True)
    for name, text in PATHOLOGICAL.items():
        (module / name).write_text(f"# {name}\n\n{text}\n", encoding="utf-8")
    os.symlink("..", module / "loop")

    templates = str(REPO / "templates")
    built = ccpkit("build", "--notes", "notes", "--out", "build", "--templates", templates, cwd=tmp_path)

    assert "Traceback" not in built.stderr + built.stdout
    assert built.returncode == 1, built.stdout  # the repeated option letter A is an error
    assert "01-nasty/options.md:7: option letter A is used twice" in built.stdout
    assert (tmp_path / "build" / "pdf" / "01-nasty.pdf").is_file()


def test_a_line_of_tens_of_thousands_of_tex_openings_is_checked_without_hanging(tmp_path: Path) -> None:
    """Each ``\\[`` looked for its closing to the line's end, and then read the whole line again: 40,000
    of them took minutes."""
    module = tmp_path / "notes" / "01-tex"
    module.mkdir(parents=True)
    (module / "notes.md").write_text("# Tex\n\n- **Display:** " + "\\[" * 40_000 + "\n", encoding="utf-8")

    checked = ccpkit("check", "--notes", "notes", cwd=tmp_path)

    assert "Traceback" not in checked.stderr + checked.stdout
    assert "1 card" in checked.stdout, checked.stdout


def test_a_table_of_thousands_of_rows_grows_linearly(tmp_path: Path) -> None:
    rows = "".join(f"| row {n} | value {n} |\n" for n in range(3000))
    module = tmp_path / "notes" / "01-long"
    module.mkdir(parents=True)
    (module / "table.md").write_text(f"# Long\n\n| Name | Value |\n|---|---|\n{rows}", encoding="utf-8")
    templates = str(REPO / "templates")
    args = ("build", "--notes", "notes", "--out", "build", "--templates", templates, "--format", "anki")

    built = ccpkit(*args, "--format", "csv", cwd=tmp_path)

    assert built.returncode == 0, built.stderr
    assert (tmp_path / "build" / "anki" / "notes.apkg").stat().st_size < 3_000_000
    assert (tmp_path / "build" / "csv" / "anki" / "comparison.csv").stat().st_size < 20_000_000
    assert parse_notes(tmp_path / "notes").deck.tables[0].rows[-1] == ("row 2999", "value 2999")


NOTES = "# Pipes\n\n- **Spot:** spare capacity.\n\n![Diagram](diagram.png)\n"
FIFO = "a pipe or a device"


def pipes_course(tmp_path: Path) -> Path:
    """A course of one module whose picture is a pipe, with templates of ccpkit's own."""
    module = tmp_path / "notes" / "01-pipes"
    module.mkdir(parents=True)
    (module / "notes.md").write_text(NOTES, encoding="utf-8")
    os.mkfifo(module / "diagram.png")
    return tmp_path / "notes"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("command", ["check", "build"])
def test_a_picture_that_is_a_pipe_is_a_problem_at_its_line_not_a_hang(tmp_path: Path, command: str) -> None:
    notes = pipes_course(tmp_path)
    out = ("--out", str(tmp_path / "build"), "--format", "json") if command == "build" else ()
    result = ccpkit(command, "--notes", str(notes), *out, cwd=tmp_path)
    assert result.returncode == 1
    assert f"01-pipes/notes.md:5: picture diagram.png cannot be read: not a regular file ({FIFO})" in (
        result.stdout + result.stderr
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize(
    "pipe",
    [".ccpkit-ledger.json", "templates/anki/term.front.html", "templates/pdf/style.toml", "build/json"],
)
def test_a_pipe_in_place_of_a_file_ccpkit_reads_is_one_line_of_error_not_a_hang(
    tmp_path: Path, pipe: str
) -> None:
    notes = pipes_course(tmp_path)
    (notes / "01-pipes" / "diagram.png").unlink()
    (notes / "01-pipes" / "notes.md").write_text(NOTES.replace("![Diagram](diagram.png)\n", ""), "utf-8")
    (tmp_path / "templates" / "anki").mkdir(parents=True)
    (tmp_path / "templates" / "pdf").mkdir()
    arguments = ["build", "--notes", str(notes), "--out", str(tmp_path / "build"), "--templates", "templates"]
    if pipe == "build/json":
        assert ccpkit(*arguments, "--format", "json", cwd=tmp_path).returncode == 0
        (tmp_path / "build" / "json" / "deck.json").unlink()
        os.mkfifo(tmp_path / "build" / "json" / "deck.json")
    else:
        os.mkfifo(notes / pipe if pipe.startswith(".") else tmp_path / pipe)
    result = ccpkit(*arguments, cwd=tmp_path)
    assert "Traceback" not in result.stderr
    if pipe == "build/json":  # an output is written over, whatever stood there
        assert result.returncode == 0, result.stderr
        assert (tmp_path / "build" / "json" / "deck.json").is_file()
    else:
        assert result.returncode in (1, 2) and FIFO in result.stderr
