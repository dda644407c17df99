"""The command line: every command is listed with help, and user mistakes never show a traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from ccpkit.cli import cli
from tests.conftest import REPO

FIXTURE_NOTES = Path(__file__).parent / "fixtures" / "notes"

COMMANDS = ("init", "import", "check", "dump", "build", "watch", "orphans", "sync")


def test_help_lists_every_command() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for command in COMMANDS:
        assert f"  {command} " in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_explains_itself(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage: " in result.output


def test_python_dash_m_runs_the_same_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ccpkit", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert "Commands:" in result.stdout


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full to stand for a full disk")
def test_standard_output_on_a_full_disk_is_one_line_of_error_not_a_traceback() -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "ccpkit", "dump", "--json", "--notes", str(REPO / "source_notes")],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert result.returncode == 1
    assert result.stderr.endswith("\nerror: cannot write to standard output (No space left on device)\n")
    assert "Traceback" not in result.stderr


def test_unknown_option_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["build", "--format", "docx"])
    assert result.exit_code == 2
    assert "docx" in result.output


def test_an_output_folder_inside_the_notes_folder_is_a_usage_error(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    shutil.copytree(FIXTURE_NOTES, notes)
    result = CliRunner().invoke(cli, ["build", "--notes", str(notes), "--out", str(notes / "build")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"output folder {notes / 'build'} is inside the notes folder {notes}: choose one" in result.output
    assert not (notes / "build").exists()


def test_watch_reports_a_broken_save_and_keeps_watching(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = tmp_path / "notes"
    shutil.copytree(FIXTURE_NOTES, notes)
    ledger = notes / ".ccpkit-ledger.json"
    rounds: list[str] = []

    def two_saves(_roots: object, on_change: Callable[[], None], **_options: object) -> None:
        on_change()
        ledger.write_text("{ half-saved", encoding="utf-8")  # a save that breaks the build
        on_change()
        ledger.unlink()
        on_change()
        rounds.append("done")

    monkeypatch.setattr("ccpkit.watch.watch", two_saves)
    args = ["watch", "--notes", str(notes), "--out", str(tmp_path / "build"), "--format", "csv"]
    result = CliRunner().invoke(cli, [*args, "--templates", str(REPO / "templates")])
    assert result.exit_code == 0
    assert rounds == ["done"]
    assert result.output.count("wrote ") >= 2
    assert "error: " in result.output and "ledger" in result.output


@pytest.mark.parametrize(("folder", "exit_code"), [("missing", 2), ("empty", 1)])
def test_watch_stops_at_once_on_a_notes_folder_it_cannot_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str, exit_code: int
) -> None:
    (tmp_path / "empty").mkdir()
    monkeypatch.setattr("ccpkit.watch.watch", lambda *_args, **_kwargs: pytest.fail("watched"))
    result = CliRunner().invoke(
        cli, ["watch", "--notes", str(tmp_path / folder), "--out", str(tmp_path / "b")]
    )
    assert result.exit_code == exit_code
    assert "Traceback" not in result.output


@pytest.mark.parametrize("seconds", ["-1", "nan", "inf", "1e10"])
def test_watch_takes_no_interval_but_a_number_of_seconds_within_reach(seconds: str) -> None:
    result = CliRunner().invoke(cli, ["watch", "--interval", seconds])
    assert result.exit_code == 2
    assert "--interval" in result.output and "Traceback" not in result.output


def test_watch_builds_with_the_settings_file_as_last_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(FIXTURE_NOTES, tmp_path / "notes")
    config = tmp_path / "ccpkit.toml"
    config.write_text('[course]\ntitle = "First title"\n', encoding="utf-8")

    def a_settings_save(_roots: object, on_change: Callable[[], None], **_options: object) -> None:
        on_change()
        config.write_text('[course]\ntitle = "Second title"\n', encoding="utf-8")
        on_change()

    monkeypatch.setattr("ccpkit.watch.watch", a_settings_save)
    paths = ["--notes", str(tmp_path / "notes"), "--out", str(tmp_path / "b")]
    args = ["--config", str(config), "watch", *paths]
    result = CliRunner().invoke(cli, [*args, "--format", "json", "--templates", str(REPO / "templates")])
    assert result.exit_code == 0, result.output
    assert "Second title" in (tmp_path / "b" / "json" / "deck.json").read_text(encoding="utf-8")


def test_a_settings_file_named_on_the_command_line_must_exist(tmp_path: Path) -> None:
    """A mistyped --config would otherwise build with defaults: another course title, other decks."""
    result = CliRunner().invoke(cli, ["--config", str(tmp_path / "missing.toml"), "check"])
    assert result.exit_code == 2
    assert "missing.toml does not exist" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("command", ["build", "sync"])
def test_a_templates_folder_named_on_the_command_line_must_exist(tmp_path: Path, command: str) -> None:
    """A mistyped --templates would otherwise send ccpkit's default card templates over the course's."""
    result = CliRunner().invoke(cli, [command, "--templates", str(tmp_path / "my_tempaltes")])
    assert result.exit_code == 2
    assert "my_tempaltes' does not exist" in result.output and "Traceback" not in result.output


def test_config_file_values_are_used_and_errors_name_the_key(tmp_path: Path) -> None:
    config = tmp_path / "ccpkit.toml"
    config.write_text('[course]\ntitel = "x"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(config), "check"])
    assert result.exit_code == 2
    assert "ccpkit.toml:2: unknown key `titel` in [course]" in result.output
    assert "Traceback" not in result.output


def test_the_paper_size_is_understood_in_any_case(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE_NOTES, tmp_path / "notes")
    out = tmp_path / "build"
    args = ["build", "--notes", str(tmp_path / "notes"), "--out", str(out), "--format", "pdf"]
    result = CliRunner().invoke(cli, [*args, "--paper", "letter", "--templates", str(REPO / "templates")])
    assert result.exit_code == 0, result.output
    page = PdfReader(out / "pdf" / "course.pdf").pages[0].mediabox
    assert (round(page.width), round(page.height)) == (612, 792)


def test_the_paper_sizes_are_offered_as_they_are_written() -> None:
    help_text = CliRunner().invoke(cli, ["build", "--help"]).output
    assert "--paper [A4|Letter]" in help_text
