"""Helpers for importer tests: run an import of a fixture export into a temporary folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from ccpkit.cli import cli
from ccpkit.importer import import_export

FIXTURES = Path(__file__).parent / "fixtures"

Imported = Callable[[str], dict[str, str]]


@pytest.fixture
def imported(tmp_path: Path) -> Imported:
    """Import ``fixtures/<name>.txt`` and return ``{relative path: text}`` of the notes written."""

    def run(name: str) -> dict[str, str]:
        out = tmp_path / name / "notes"
        import_export(FIXTURES / f"{name}.txt", out, report=tmp_path / name / "report.txt")
        return {
            path.relative_to(out).as_posix(): path.read_text("utf-8") for path in sorted(out.rglob("*.md"))
        }

    return run


def run_import(tmp_path: Path, export: Path, *extra: str) -> tuple[int, str]:
    """Run ``ccpkit import`` into ``tmp_path/notes`` (report ``tmp_path/report.txt``): exit code, output."""
    args = ["import", str(export), "--out", str(tmp_path / "notes"), "--report", str(tmp_path / "report.txt")]
    result = CliRunner().invoke(cli, [*args, *extra])
    return result.exit_code, result.output
