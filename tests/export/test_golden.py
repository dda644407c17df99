"""Every exporter's output on a small fixture deck matches its committed golden files.

The fixture notes (``golden/notes``: cards of several forms, two kinds of comparison table, single- and
multi-answer questions) are built by the real CLI with the default templates and the committed ledger,
so every output is the same on every run. A change in field HTML, CSV layout, JSON or PDF text fails here
with a diff; after a deliberate one, ``pytest tests/export/test_golden.py --update-golden`` rewrites
``golden/expected/`` and the diff is reviewed with the change.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.export.readable import readable_outputs
from tests.golden import UPDATE_OPTION, GoldenFiles

GOLDEN = Path(__file__).parent / "golden"
FORMATS = ("anki", "csv", "json", "pdf")
LEDGER = ".ccpkit-ledger.json"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    """The output folder of one ``ccpkit build`` of the fixture notes, run where no ccpkit.toml or
    templates folder is, so only the defaults and the options given here count.

    The committed ledger fixes every note's GUID and change time; a build that has to change it fails
    here (``--update-golden`` commits the new one instead)."""
    folder = tmp_path_factory.mktemp("golden")
    shutil.copytree(GOLDEN / "notes", folder / "notes")
    command = [sys.executable, "-m", "ccpkit", "build", "--notes", "notes", "--out", "out"]
    command += ["--title", "Golden Course", "--exam-seed", "7", "--quiet"]
    subprocess.run(command, cwd=folder, check=True)
    settled = (folder / "notes" / LEDGER).read_bytes()
    if request.config.getoption(UPDATE_OPTION):
        (GOLDEN / "notes" / LEDGER).write_bytes(settled)
    assert settled == (GOLDEN / "notes" / LEDGER).read_bytes(), (
        f"the build changed the committed ledger {GOLDEN / 'notes' / LEDGER}: the fixture notes' "
        f"identities moved; run pytest {UPDATE_OPTION} and review its diff"
    )
    return folder / "out"


def test_the_build_makes_each_format_in_its_own_folder(built: Path) -> None:
    assert sorted(path.name for path in built.iterdir() if not path.name.startswith(".")) == sorted(FORMATS)


@pytest.mark.parametrize("output_format", FORMATS)
def test_each_output_matches_its_golden_files(built: Path, output_format: str, golden: GoldenFiles) -> None:
    made = readable_outputs(built / output_format)
    assert made, f"the build made no {output_format} output"
    golden.check(GOLDEN / "expected" / output_format, made)


@pytest.mark.parametrize(
    "earlier", sorted((GOLDEN / "earlier-ledgers").glob("*.jsonl")), ids=lambda p: p.stem
)
def test_a_ledger_an_earlier_ccpkit_wrote_finds_every_note_unchanged(tmp_path: Path, earlier: Path) -> None:
    """A new ccpkit may digest the study text anew (white space as it reads, options in any order),
    but never re-sends a note for it: an update would wipe the student's edits in Anki. The ledgers
    are the fixture notes' as ccpkit wrote them before each such change."""
    shutil.copytree(GOLDEN / "notes", tmp_path / "notes")
    shutil.copy(earlier, tmp_path / "notes" / LEDGER)
    command = [
        sys.executable,
        "-m",
        "ccpkit",
        "build",
        "--notes",
        "notes",
        "--out",
        "out",
        "--format",
        "anki",
    ]
    done = subprocess.run(
        [*command, "--title", "Golden Course"], cwd=tmp_path, check=True, capture_output=True, text=True
    )
    assert "0 added, 0 updated" in done.stdout, done.stdout
    assert _note_lines(tmp_path / "notes" / LEDGER) == _note_lines(GOLDEN / "notes" / LEDGER)


def _note_lines(ledger: Path) -> list[str]:
    """A ledger's lines of notes; its templates' line dates the card templates' last change, which the
    earlier ledgers predate."""
    return [line for line in ledger.read_text().splitlines() if line.startswith('{"id"')]
