"""The notes folder is swapped in whole: never half-written, with the user's usual permissions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ccpkit.errors import CcpkitError
from ccpkit.importer import import_export
from tests.importer.conftest import FIXTURES


def test_a_failure_while_writing_leaves_the_old_notes_and_no_staging_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "mine.md").write_text("my edits\n")
    (notes / ".ccpkit-ledger.json").write_text("{}\n")
    real_write = Path.write_text

    def failing_write(self: Path, *args: object, **kwargs: object) -> int:
        if self.name == "cram-sheet.md":
            raise OSError("disk full")
        return real_write(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "write_text", failing_write)
    with pytest.raises(CcpkitError, match=r"could not write the notes .*disk full.*; nothing was changed"):
        import_export(FIXTURES / "far-away-keys.txt", notes, force=True, report=tmp_path / "report.txt")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes"]
    assert sorted(p.name for p in notes.iterdir()) == [".ccpkit-ledger.json", "mine.md"]


def test_the_notes_folder_gets_the_usual_permissions(tmp_path: Path) -> None:
    umask = os.umask(0)
    os.umask(umask)
    import_export(FIXTURES / "split-header.txt", tmp_path / "notes", report=tmp_path / "report.txt")
    assert (tmp_path / "notes").stat().st_mode & 0o777 == 0o777 & ~umask


def test_a_failure_while_swapping_puts_the_old_notes_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "mine.md").write_text("my edits\n")
    real_rename = Path.rename

    def failing_rename(self: Path, target: Path) -> Path:
        if self.name == ".notes.importing":
            raise OSError("device busy")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", failing_rename)
    with pytest.raises(CcpkitError, match="device busy"):
        import_export(FIXTURES / "split-header.txt", notes, force=True, report=tmp_path / "report.txt")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes"]
    assert (notes / "mine.md").read_text() == "my edits\n"
