"""Inputs that make naive parsers and layout engines loop or go quadratic, run as a real process with a
timeout: a hang fails the test instead of stalling the suite."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
