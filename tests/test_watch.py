"""Watch mode notices saved files, ignores dot-files, and keeps calling back."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from ccpkit.watch import snapshot, watch


def test_snapshot_sees_files_and_skips_dot_files(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("x")
    (tmp_path / ".ccpkit-ledger.json").write_text("{}")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("y")
    assert set(snapshot([tmp_path, tmp_path / "missing"])) == {tmp_path / "a.md", tmp_path / "sub" / "b.md"}


def test_watch_rebuilds_once_at_start_and_after_each_save(tmp_path: Path) -> None:
    note = tmp_path / "a.md"
    note.write_text("one")
    calls: list[float] = []

    def edit_later() -> None:
        time.sleep(0.15)
        note.write_text("two, longer")
        os.utime(note, ns=(time.time_ns(), time.time_ns()))

    editor = threading.Thread(target=edit_later)
    editor.start()
    watch([tmp_path], lambda: calls.append(time.monotonic()), interval=0.05, rounds=10)
    editor.join()
    assert len(calls) == 2
