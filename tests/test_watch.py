"""Watch mode notices saved files, ignores dot-files, and keeps calling back."""

from __future__ import annotations

from pathlib import Path

from ccpkit.watch import snapshot, watch


def test_snapshot_sees_files_and_skips_dot_files(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("x")
    (tmp_path / ".ccpkit-ledger.json").write_text("{}")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("y")
    assert set(snapshot([tmp_path, tmp_path / "missing"])) == {tmp_path / "a.md", tmp_path / "sub" / "b.md"}


def test_watch_rebuilds_once_at_start_and_after_each_save(tmp_path: Path) -> None:
    """Each build saves the note again, as a student would between builds: every save is built once,
    and polling with nothing saved builds nothing."""
    note = tmp_path / "a.md"
    note.write_text("one")
    saves = ["two, longer", "three, longer still"]
    builds: list[str] = []

    def build() -> None:
        builds.append(note.read_text())
        if saves:
            note.write_text(saves.pop(0))

    watch([tmp_path], build, interval=0, rounds=6)
    assert builds == ["one", "two, longer", "three, longer still"]
