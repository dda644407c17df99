"""A build that dies half-way (full disk, crash, Ctrl-C) leaves the previous outputs and the ledger
exactly as they were, and no temporary files behind."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from ccpkit.build import build
from ccpkit.errors import WriteError
from ccpkit.export import ExportOptions
from ccpkit.ledger import LEDGER_NAME
from ccpkit.store import FOLDER_NAME as STORE_FOLDER
from tests.conftest import REPO
from tests.hardening.commands import Commands, assert_clean_exit

HOSTILE = Path(__file__).parent / "corpus" / "hostile"
OPTIONS = ExportOptions(templates=REPO / "templates")


def snapshot(*folders: Path) -> dict[Path, bytes]:
    """Every output and the ledger. Not the store: its entries are filed under their inputs' digest, so
    one written before a failure is only ever read for those same inputs (see tests/test_incremental.py)."""
    return {
        path: path.read_bytes()
        for folder in folders
        for path in folder.rglob("*")
        if path.is_file() and STORE_FOLDER not in path.parts
    }


@pytest.fixture
def built(tmp_path: Path) -> Commands:
    """A notes folder built once, then edited so that every output and the ledger would change."""
    shutil.copytree(HOSTILE, tmp_path / "notes")
    commands = Commands(tmp_path / "notes", tmp_path / "build")
    build(commands.notes, commands.out, options=OPTIONS, clock=lambda: 1_700_000_000)
    sheet = commands.notes / "01-hostile" / "cram-sheet.md"
    sheet.write_text(
        sheet.read_text(encoding="utf-8") + "\n## Later\n\n- **New term:** Added later.\n", encoding="utf-8"
    )
    return commands


def failing_on(call: int, error: BaseException, target_name: str = "") -> Callable[[str, str], None]:
    """An ``os.replace`` that raises ``error`` on its ``call``-th rename of an output or the ledger
    (counting only renames onto ``target_name`` when given) and works otherwise."""
    calls = []
    real = os.replace

    def replace(source: str, target: str) -> None:
        counted = STORE_FOLDER not in Path(target).parts and target_name in ("", Path(target).name)
        if counted:
            calls.append(target)
            if len(calls) == call:
                raise error
        real(source, target)

    return replace


@pytest.mark.parametrize("call", [1, 3, 6])
@pytest.mark.parametrize(
    "error",
    [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()],
    ids=["disk-full", "ctrl-c"],
)
def test_a_failed_rename_keeps_every_previous_output_and_the_ledger(
    built: Commands, monkeypatch: pytest.MonkeyPatch, call: int, error: BaseException
) -> None:
    before = snapshot(built.out, built.notes)
    monkeypatch.setattr(os, "replace", failing_on(call, error))
    with pytest.raises(WriteError if isinstance(error, OSError) else type(error)):
        build(built.notes, built.out, options=OPTIONS, clock=lambda: 1_700_086_400)
    after = snapshot(built.out, built.notes)
    changed = {path for path in before if after.get(path) != before[path]}
    assert len(changed) < call  # only outputs renamed into place before the failure changed …
    assert built.notes / LEDGER_NAME not in changed  # … never the ledger, written last
    assert set(after) == set(before)  # no temporary file left behind, none deleted


def test_a_failed_ledger_write_keeps_the_old_ledger_and_the_next_build_records_what_its_package_sent(
    built: Commands, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The package was written before the ledger failed: the next build records its new note as that
    package sent it (from the build folder's copy), not as a note to add again."""
    ledger = built.notes / LEDGER_NAME
    old = ledger.read_bytes()
    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", failing_on(1, OSError(errno.EIO, "I/O error"), LEDGER_NAME))
        with pytest.raises(WriteError, match="I/O error") as failed:
            build(built.notes, built.out, options=OPTIONS, clock=lambda: 1_700_086_400)
    assert "the build's outputs were written (import them as usual)" in str(failed.value)
    assert ledger.read_bytes() == old
    assert [path.name for path in built.notes.iterdir() if path.name.endswith(".tmp")] == []

    report = build(built.notes, built.out, options=OPTIONS, clock=lambda: 1_700_186_400)
    assert report.changes is not None and (report.changes.added, report.changes.updated) == ((), ())
    assert b"01-hostile/card/new-term" in ledger.read_bytes()
    assert b'"modified": 1700086400' in ledger.read_bytes()  # as the package of the failed build dated it


def test_an_exporter_crash_mid_build_leaves_outputs_and_ledger_untouched(
    built: Commands, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(built.out, built.notes)

    def crash(*_args: object) -> None:
        raise RuntimeError("exporter bug")

    monkeypatch.setattr("ccpkit.export.anki.Anki.assemble", crash)  # the first format a build assembles
    with pytest.raises(RuntimeError):
        build(built.notes, built.out, options=OPTIONS)
    assert snapshot(built.out, built.notes) == before


def test_a_full_disk_is_a_one_line_error_not_a_traceback(
    built: Commands, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "replace", failing_on(1, OSError(errno.ENOSPC, "No space left on device")))
    result = built.build()
    assert_clean_exit(result, 1)
    assert "No space left on device" in result.stderr


KILLED_AT_FIRST_OUTPUT = """
import os, signal, sys
from pathlib import Path
from ccpkit.build import build
from ccpkit.export import ExportOptions
from ccpkit.store import FOLDER_NAME
notes, out, templates = (Path(arg) for arg in sys.argv[1:])
rename = os.replace
def replace(source, target):
    if FOLDER_NAME not in Path(target).parts:  # the parts are stored: the outputs come next
        os.kill(os.getpid(), signal.SIGKILL)
    rename(source, target)
os.replace = replace
build(notes, out, options=ExportOptions(templates=templates), clock=lambda: 1_700_086_400)
"""


def test_a_build_killed_mid_way_leaves_the_outputs_and_ledger_and_the_next_build_is_whole(
    built: Commands, tmp_path: Path
) -> None:
    before = snapshot(built.out, built.notes)
    command = [
        sys.executable,
        "-c",
        KILLED_AT_FIRST_OUTPUT,
        str(built.notes),
        str(built.out),
        str(REPO / "templates"),
    ]
    killed = subprocess.run(command, capture_output=True, timeout=600)
    assert killed.returncode == -signal.SIGKILL
    after = snapshot(built.out, built.notes)
    assert {path: after[path] for path in before} == before
    assert all(path.name.startswith(".") and path.name.endswith(".tmp") for path in set(after) - set(before))

    shutil.copytree(built.notes, tmp_path / "fresh")
    for notes, out in ((built.notes, built.out), (tmp_path / "fresh", tmp_path / "fresh-build")):
        build(notes, out, options=OPTIONS, title="Notes", clock=lambda: 1_700_086_400)  # "notes": its folder
    assert outputs(built.out) == outputs(tmp_path / "fresh-build")


def outputs(out: Path) -> dict[str, bytes]:
    """The files a build wrote, by path: not its records or an interrupted write's temporary file."""
    return {
        path.relative_to(out).as_posix(): data
        for path, data in snapshot(out).items()
        if not path.name.startswith(".")
    }


def test_a_temporary_folder_that_cannot_be_written_is_named_and_nothing_changes(
    built: Commands, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The Anki collection is laid out in a scratch file of the system's temporary folder."""
    before = snapshot(built.out, built.notes)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-folder"))
    with pytest.raises(WriteError, match=r"cannot write .*no-such-folder.*set TMPDIR to a folder with room"):
        build(built.notes, built.out, options=OPTIONS, clock=lambda: 1_700_086_400)
    assert snapshot(built.out, built.notes) == before


def test_a_file_where_an_output_folder_should_be_is_named(tmp_path: Path) -> None:
    shutil.copytree(HOSTILE, tmp_path / "notes")
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "json").write_text("a note to self\n", encoding="utf-8")
    commands = Commands(tmp_path / "notes", tmp_path / "build")

    result = commands.build("json")

    assert_clean_exit(result, 1)
    assert f"{tmp_path / 'build' / 'json'} is no folder (a file, or a link to nothing): move it away" in (
        result.stderr
    )
    assert (tmp_path / "build" / "json").read_text(encoding="utf-8") == "a note to self\n"


def test_a_ledger_linked_from_elsewhere_is_written_through_its_link(tmp_path: Path) -> None:
    """A student keeps the ledger in a synced folder and links it from the notes: a build updates that
    file, and the link stays a link (replacing it with a file would leave the synced copy behind)."""
    shutil.copytree(HOSTILE, tmp_path / "notes")
    commands = Commands(tmp_path / "notes", tmp_path / "build")
    assert_clean_exit(commands.build("anki"), 0)
    kept = tmp_path / "synced" / "ledger.json"
    kept.parent.mkdir()
    shutil.move(tmp_path / "notes" / LEDGER_NAME, kept)
    (tmp_path / "notes" / LEDGER_NAME).symlink_to(kept)
    before = kept.read_bytes()
    notes_file = next((tmp_path / "notes").rglob("*.md"))
    notes_file.write_text(
        notes_file.read_text(encoding="utf-8") + "\n\n## Added\n\n- **Added term:** a new card\n", "utf-8"
    )

    assert_clean_exit(commands.build("anki"), 0)

    assert (tmp_path / "notes" / LEDGER_NAME).is_symlink()
    assert kept.read_bytes() != before and b"added-term" in kept.read_bytes()
