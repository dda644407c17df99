"""A build writes only into its output folder (and the ledger beside the notes), and nothing in the
notes is run or fetched: no network connection is opened, whatever links and images the notes hold."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from ccpkit.cli import cli
from tests.conftest import REPO
from tests.hardening.commands import assert_clean_exit

CORPUS = Path(__file__).parent / "corpus"
CASES = ("hostile", "odd-names", "path-ids", "csv-formula")


def no_network(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("ccpkit tried to open a network connection")


@pytest.mark.parametrize("case", CASES)
def test_a_build_writes_only_its_outputs_and_the_ledger_and_opens_no_connection(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    work = tmp_path / "work"
    shutil.copytree(CORPUS / case, work / "notes")
    monkeypatch.chdir(work)  # relative paths, as a user types them
    before = set(tmp_path.rglob("*"))

    templates = str(REPO / "templates")
    result = CliRunner().invoke(
        cli, ["build", "--notes", "notes", "--out", "build", "--templates", templates]
    )

    assert_clean_exit(result, 1 if case == "path-ids" else 0)
    created = set(tmp_path.rglob("*")) - before
    outside = {path for path in created if not path.is_relative_to(work / "build")}
    assert outside == {work / "notes" / ".ccpkit-ledger.json"}
    assert all(path.resolve().is_relative_to(work / "build") for path in created - outside)
