"""Stamps: a file is read again whenever its bytes may have changed."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from ccpkit import stamps
from ccpkit.digest import content_digest
from ccpkit.stamps import Stamps


def test_a_stamped_file_is_known_by_its_stamp_and_read_again_when_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stamp_at_once(monkeypatch)
    note = tmp_path / "note.md"
    note.write_bytes(b"first")
    old = 1_600_000_000_000_000_000
    os.utime(note, ns=(old, old))
    first = Stamps({})
    assert first.file_digest(note) == content_digest(b"first")
    stamp = first.seen[str(note)]
    again = Stamps({str(note): (*stamp[:4], "the digest the stamp recorded")})
    assert again.file_digest(note) == "the digest the stamp recorded"
    note.write_bytes(b"other")
    os.utime(note, ns=(old, old))  # size and modification time as stamped; its change time is new
    assert again.file_digest(note) == content_digest(b"other")


def stamp_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stamp files written just now as files written long ago."""
    monkeypatch.setattr(stamps, "_FINE_NS", -1_000_000_000)
    monkeypatch.setattr(stamps, "_COARSE_NS", -1_000_000_000)


def test_a_file_changed_just_now_is_not_stamped(tmp_path: Path) -> None:
    """Within its timestamps' resolution it may change again without its stamp showing it."""
    note = tmp_path / "note.md"
    note.write_bytes(b"fresh")
    seen = Stamps({})
    assert seen.file_digest(note) == content_digest(b"fresh")
    assert str(note) not in seen.seen


def test_a_file_unchanged_for_longer_than_its_clock_ticks_is_stamped(tmp_path: Path) -> None:
    """Timestamps with a fraction of a second (as here) need no two-second wait."""
    note = tmp_path / "note.md"
    note.write_bytes(b"written a moment ago")
    time.sleep(2 * stamps._FINE_NS / 1e9)
    seen = Stamps({})
    seen.file_digest(note)
    assert str(note) in seen.seen


def test_a_file_the_build_wrote_is_known_by_its_stamp_at_once(tmp_path: Path) -> None:
    output = tmp_path / "deck.json"
    output.write_bytes(b"{}")
    written = Stamps({})
    written.wrote(output, "the digest of the bytes written")
    assert Stamps(written.seen).file_digest(output) == "the digest of the bytes written"
