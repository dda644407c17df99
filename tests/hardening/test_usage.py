"""Usage mistakes (paths that are files, folders that do not exist, outputs that cannot be written)
are one line and exit 2 (or 1 when the system refuses a write), never a traceback."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import NO_SETTINGS, REPO
from tests.hardening.commands import Commands, assert_clean_exit

CRLF = Path(__file__).parent / "corpus" / "crlf"


@pytest.fixture
def commands(tmp_path: Path) -> Commands:
    shutil.copytree(CRLF, tmp_path / "notes")
    (tmp_path / "a-file").write_text("not a folder\n", encoding="utf-8")
    return Commands(tmp_path / "notes", tmp_path / "build")


@pytest.mark.parametrize(
    ("option", "said"),
    [
        ("--notes", "Invalid value for '--notes': Directory"),
        ("--out", "Invalid value for '--out': Directory"),
        ("--templates", "Invalid value for '--templates': Directory"),
    ],
)
def test_a_file_where_a_folder_belongs_is_a_usage_error(commands: Commands, option: str, said: str) -> None:
    result = commands.build_with(option, str(commands.out.parent / "a-file"))
    assert_clean_exit(result, 2)
    assert said in result.stderr


def test_a_templates_folder_given_but_missing_is_a_usage_error(commands: Commands) -> None:
    result = commands.invoke(
        "build", "--notes", str(commands.notes), "--out", str(commands.out), "--templates", "nowhere"
    )
    assert_clean_exit(result, 2)
    assert "Invalid value for '--templates': Directory 'nowhere' does not exist" in result.stderr
    assert not commands.out.exists()


def test_an_unknown_module_number_is_a_usage_error(commands: Commands) -> None:
    result = commands.build_with("--module", "7")
    assert_clean_exit(result, 2)
    assert "error: no module numbered 7; the notes have 1\n" in result.stderr


def test_an_output_folder_that_cannot_be_created_is_one_line(commands: Commands) -> None:
    result = commands.build_with("--out", str(commands.out.parent / "a-file" / "build"))
    assert_clean_exit(result, 1)
    assert "a-file" in result.stderr


def test_an_output_folder_inside_the_notes_is_refused(commands: Commands) -> None:
    result = commands.build_with("--out", str(commands.notes / "build"))
    assert_clean_exit(result, 2)
    assert not (commands.notes / "build").exists()


@pytest.mark.parametrize("title", ["", "   "])
def test_an_empty_course_title_is_a_usage_error(commands: Commands, title: str) -> None:
    result = commands.build_with("--title", title)
    assert_clean_exit(result, 2)
    assert "error: the course title is empty: pass --title TEXT" in result.stderr
    assert not commands.out.exists()


@pytest.mark.parametrize("title", ["::", "AWS::", "::Cloud", "AWS:: ::CCP", "Biology:", "AWS:::CCP"])
def test_a_course_title_naming_a_deck_with_no_name_is_a_usage_error(commands: Commands, title: str) -> None:
    result = commands.build_with("--title", title)
    assert_clean_exit(result, 2)
    assert f"error: the course title {title!r} has an empty part between `::`" in result.stderr
    assert not commands.out.exists()


def test_ctrl_c_ends_a_build_with_130_not_the_1_of_notes_with_errors(tmp_path: Path) -> None:
    """Ctrl-C while the cram sheets are laid out: exit 130, as shells report an interrupted command."""
    notes, out = tmp_path / "notes", tmp_path / "build"
    shutil.copytree(REPO / "source_notes", notes)
    command = [sys.executable, "-m", "ccpkit", "--config", str(NO_SETTINGS), "build", "--notes", str(notes)]
    child = subprocess.Popen([*command, "--out", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not (out / ".ccpkit-cache").is_dir() and time.monotonic() < deadline:  # the build is under way
        time.sleep(0.01)
    child.send_signal(signal.SIGINT)
    _, errors = child.communicate(timeout=60)
    assert child.returncode == 130 and b"Traceback" not in errors


_FINALIZER_MEETS = """
import signal, time
from ccpkit.cli import handle_interrupts

class Closing:
    def __del__(self):
        {what}
        time.sleep(0.05)

handle_interrupts()
try:
    Closing()
    time.sleep(5)
    print("ran on")
except KeyboardInterrupt:
    print("interrupted")
"""


def test_ctrl_c_that_lands_in_a_finalizer_still_interrupts() -> None:
    """Python drops an exception raised in a finalizer (a file or pool being closed) and goes on: the
    Ctrl-C is raised again once the finalizer is over, with no traceback."""
    script = _FINALIZER_MEETS.format(what="signal.raise_signal(signal.SIGINT)")
    ran = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=30)
    assert ran.stdout == "interrupted\n" and "Traceback" not in ran.stderr


def test_other_errors_in_a_finalizer_are_shown_as_python_shows_them() -> None:
    script = _FINALIZER_MEETS.format(what="raise ValueError('closing failed')")
    ran = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=30)
    assert ran.stdout == "ran on\n" and "ValueError: closing failed" in ran.stderr


@pytest.mark.parametrize("option", ["--out", "--notes", "--templates"])
def test_an_empty_folder_path_is_a_usage_error(commands: Commands, option: str) -> None:
    """`--out ""` would write every output into the folder ccpkit runs in."""
    result = commands.build_with(option, "")
    assert_clean_exit(result, 2)
    assert "an empty path names no folder" in result.output
