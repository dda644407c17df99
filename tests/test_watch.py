"""Watch mode notices saved files, ignores dot-files, and keeps calling back."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

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


def test_a_save_still_being_written_is_built_once_whole_never_cut_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A save written in two goes (an editor writing in chunks, a cloud client filling the file) seen
    half-way by a poll is built once it is whole: a deck built from half a definition would send that
    note to Anki again, and its next import would replace the student's edits on it for nothing."""
    note = tmp_path / "a.md"
    note.write_text("- **EBS:** Block storage for one instance.")
    writes = ["- **EBS:** Block sto", "- **EBS:** Block storage for one instance, in one AZ."]
    builds: list[str] = []

    def one_poll_later(_: float) -> None:
        if writes:
            note.write_text(writes.pop(0))

    monkeypatch.setattr(time, "sleep", one_poll_later)
    watch([tmp_path], lambda: builds.append(note.read_text()), interval=0.5, rounds=4)

    assert builds == [
        "- **EBS:** Block storage for one instance.",
        "- **EBS:** Block storage for one instance, in one AZ.",
    ]


def test_a_file_that_never_stops_changing_is_built_all_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Waiting for a save to finish is bounded: a file rewritten at every poll (a log kept in the notes
    folder, say) still has the notes rebuilt, a few polls late, rather than never."""
    note = tmp_path / "a.md"
    note.write_text("0")
    builds: list[str] = []

    def one_poll_later(_: float) -> None:
        note.write_text(str(int(note.read_text()) * 10 + 1))  # longer at every poll

    monkeypatch.setattr(time, "sleep", one_poll_later)
    watch([tmp_path], lambda: builds.append(note.read_text()), interval=0.5, rounds=2)

    assert len(builds) == 3 and builds[1] != builds[2]
