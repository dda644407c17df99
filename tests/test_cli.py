"""The command line: every command is listed with help, and user mistakes never show a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from ccpkit.cli import cli

COMMANDS = ("import", "check", "dump", "build", "watch")


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


def test_unknown_option_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["build", "--format", "docx"])
    assert result.exit_code == 2
    assert "docx" in result.output
