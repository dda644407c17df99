"""Run ccpkit the way a user does (``check``, ``build`` of every format, ``dump --json``) and judge it."""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner, Result

from ccpkit.cli import cli
from tests.conftest import NO_SETTINGS, REPO

PROBLEM_LINE = re.compile(r"^(?P<path>[^\n:]+):(?P<line>\d+): (?:warning: )?\S")
"""``path:line: message``, the shape of every problem ccpkit reports."""


@dataclass(frozen=True)
class Commands:
    """One notes folder and one output folder, with the three commands that read them."""

    notes: Path
    out: Path

    def invoke(self, *args: str) -> Result:
        return CliRunner().invoke(cli, ["--config", str(NO_SETTINGS), *args])  # not the developer's own

    def check(self) -> Result:
        return self.invoke("check", "--notes", str(self.notes))

    def build(self, *formats: str) -> Result:
        """``build`` of ``formats`` (all of them when none is named)."""
        return self.build_with(*(arg for name in formats for arg in ("--format", name)))

    def build_with(self, *args: str) -> Result:
        """``build`` with more options; a repeated option overrides the default one given here."""
        templates = str(REPO / "templates")
        return self.invoke(
            "build", "--notes", str(self.notes), "--out", str(self.out), "--templates", templates, *args
        )

    def dump(self) -> Result:
        return self.invoke("dump", "--json", "--notes", str(self.notes))


def assert_clean_exit(result: Result, expected: int) -> None:
    """The documented exit code, and no traceback: an exception must have been a ``SystemExit``."""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        trace = "".join(traceback.format_exception(result.exception))
        raise AssertionError(f"ccpkit crashed:\n{trace}")
    assert "Traceback" not in result.output
    assert result.exit_code == expected, result.output


def problem_lines(text: str) -> list[str]:
    """The lines of ``text`` that report a problem."""
    return [line for line in text.splitlines() if PROBLEM_LINE.match(line)]
