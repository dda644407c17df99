"""Golden files: a reviewable text form of an output, committed, compared on every run.

``pytest --update-golden`` rewrites them from what the code makes now instead of comparing, so a
deliberate change in an output is reviewed as the diff of its golden files.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

UPDATE_OPTION = "--update-golden"


@dataclass(frozen=True, slots=True)
class GoldenFiles:
    """Compares (or, with ``--update-golden``, rewrites) a folder of golden files."""

    update: bool

    def check(self, folder: Path, made: Mapping[str, bytes]) -> None:
        """``folder`` must hold exactly ``made`` (path relative to ``folder`` → bytes)."""
        if self.update:
            _rewrite(folder, made)
            return
        golden = _read(folder)
        problems = [
            f"missing golden file {folder / name} (made now)" for name in sorted(made.keys() - golden)
        ]
        problems += [
            f"golden file {folder / name} is no longer made" for name in sorted(golden.keys() - made)
        ]
        problems += [
            _diff(folder / name, golden[name], made[name])
            for name in sorted(made.keys() & golden.keys())
            if made[name] != golden[name]
        ]
        if problems:
            hint = f"If the change is deliberate, run pytest {UPDATE_OPTION} and review the diff of {folder}."
            pytest.fail("\n".join([*problems, hint]), pytrace=False)


def _read(folder: Path) -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()
    }


def _rewrite(folder: Path, made: Mapping[str, bytes]) -> None:
    for name in _read(folder).keys() - made.keys():
        (folder / name).unlink()
    for name, data in made.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)


def _diff(path: Path, golden: bytes, made: bytes) -> str:
    """A unified diff, golden → made; line ends shown, since CSV files end lines in CRLF."""
    before = golden.decode("utf-8", "backslashreplace").replace("\r\n", "\\r\n").splitlines(keepends=True)
    after = made.decode("utf-8", "backslashreplace").replace("\r\n", "\\r\n").splitlines(keepends=True)
    lines = difflib.unified_diff(before, after, f"{path} (golden)", f"{path} (made now)")
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )
