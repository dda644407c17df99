"""A damaged ledger stops the build before anything is written, and says how to recover; the damaged
file itself is left for the user to restore (guessing would give notes fresh GUIDs and lose history)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ccpkit.ledger import LEDGER_NAME
from tests.hardening.commands import Commands, assert_clean_exit

CRLF = Path(__file__).parent / "corpus" / "crlf"


@pytest.fixture
def commands(tmp_path: Path) -> Commands:
    shutil.copytree(CRLF, tmp_path / "notes")
    return Commands(tmp_path / "notes", tmp_path / "build")


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        (b"", "the file is empty"),
        (b'{"version": 1, "notes": {', "line 1: not valid JSON"),
        (b"\xff\xfe{}", "not UTF-8 text"),
        (b"[]", "not a ccpkit ledger"),
        (b'{"version": 1, "notes": {"a": {"guid": 1}}}', "entry 'a' is damaged"),
        (b'{"version": 2, "notes": {}}', "not a ccpkit ledger"),
        (b'{"ccpkit ledger": 3}\n{"id": "a"}\n', 'line 1: a ledger of another format ({"ccpkit ledger": 3})'),
        (
            b'{"ccpkit ledger": 2}\n{"id": "a", "guid": 1}\n',
            'line 2: note a is damaged: "note_type" is missing',
        ),
        (b'{"ccpkit ledger": 2}\n<<<<<<< HEAD\n', "line 2: git left a merge conflict here"),
        (
            b'{"ccpkit ledger": 2}\n' + b"[" * 100_000 + b"\n",
            "line 2: not a ledger line (its JSON nests too deep)",
        ),
        (b"[" * 100_000, "not a ccpkit ledger (its JSON nests too deep)"),
    ],
    ids=[
        "empty",
        "truncated",
        "not-utf8",
        "a-list",
        "wrong-types",
        "unknown-version",
        "newer-format",
        "format-2-wrong-types",
        "conflict-markers",
        "nested-too-deep",
        "format-1-nested-too-deep",
    ],
)
def test_a_damaged_ledger_builds_nothing_and_says_how_to_recover(
    commands: Commands, damage: bytes, said: str
) -> None:
    ledger = commands.notes / LEDGER_NAME
    ledger.write_bytes(damage)
    result = commands.build()
    assert_clean_exit(result, 1)
    assert f"error: {ledger}: {said}" in result.stderr
    assert "Restore it from git" in result.stderr
    assert not commands.out.exists()
    assert ledger.read_bytes() == damage


def test_a_folder_in_place_of_the_ledger_is_a_one_line_error(commands: Commands) -> None:
    (commands.notes / LEDGER_NAME).mkdir()
    result = commands.build()
    assert_clean_exit(result, 1)
    assert "Restore it from git" in result.stderr


def test_a_ledger_linked_to_nothing_stops_the_build_rather_than_starting_afresh(tmp_path: Path) -> None:
    """A link to a ledger on a drive not mounted: a new ledger would give every note a new GUID."""
    shutil.copytree(CRLF, tmp_path / "notes")
    (tmp_path / "notes" / LEDGER_NAME).symlink_to(tmp_path / "unmounted" / "ledger.json")
    commands = Commands(tmp_path / "notes", tmp_path / "build")

    result = commands.build("anki")

    assert_clean_exit(result, 1)
    assert "which does not exist" in result.stderr
    assert (tmp_path / "notes" / LEDGER_NAME).is_symlink() and not (tmp_path / "build" / "anki").exists()
