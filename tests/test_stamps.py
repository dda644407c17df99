"""Stamps: a file is read again whenever its bytes may have changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ccpkit import stamps
from ccpkit.digest import content_digest
from ccpkit.stamps import Stamps


def test_a_stamped_file_is_known_by_its_stamp_and_read_again_when_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stamps, "_SETTLED_NS", -1_000_000_000)  # stamp files written just now
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


def test_a_file_changed_just_now_is_not_stamped(tmp_path: Path) -> None:
    """Within its timestamps' resolution it may change again without its stamp showing it."""
    note = tmp_path / "note.md"
    note.write_bytes(b"fresh")
    seen = Stamps({})
    assert seen.file_digest(note) == content_digest(b"fresh")
    assert str(note) not in seen.seen
