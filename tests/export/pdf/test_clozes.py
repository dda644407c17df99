"""Clozes in the printed sheets: the whole sentence, its hidden parts in bold, no Anki markers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from ccpkit.cli import cli
from tests.export.pdf.reading import assert_in_order, reader, squashed, text

CLOZES = Path(__file__).parents[1] / "fixtures" / "clozes"


@pytest.fixture(scope="module")
def cram_sheet(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    root = tmp_path_factory.mktemp("clozes")
    shutil.copytree(CLOZES, root / "notes")
    arguments = ["build", "--notes", str(root / "notes"), "--out", str(root / "out"), "--format", "pdf"]
    result = CliRunner().invoke(cli, arguments)
    assert result.exit_code == 0, result.output
    return (root / "out" / "pdf" / "01-storage.pdf").read_bytes()


def bold_runs(data: bytes) -> str:
    """The text drawn in a bold font, run after run."""
    runs: list[str] = []
    for page in reader(data).pages:

        def visit(chunk: str, _cm: object, _tm: object, font: object, _size: object) -> None:
            if font is not None and "Bold" in str(font.get("/BaseFont", "")):  # type: ignore[attr-defined]
                runs.append(chunk)

        page.extract_text(visitor_text=visit)
    return "".join(runs)


def test_the_sentences_print_whole_with_the_hints_and_markers_left_out(cram_sheet: bytes) -> None:
    printed = text(cram_sheet)
    assert_in_order(
        printed,
        [
            "Amazon S3 stores objects in buckets.",
            "EBS volumes attach to one EC2 instance at a time.",
            "S3 Glacier Deep Archive is the cheapest class, restores take up to 12 hours.",
            "EFS: a shared file system for Linux instances",
            "lost when the instance stops",
            "Snowball moves data offline",
            "a rugged device shipped to you",
            "Durability of S3 is eleven nines.",
        ],
    )
    for marker in ("{{", "}}", "::", "==", "how many"):
        assert marker not in printed


def test_the_hidden_parts_are_bold_and_the_rest_of_the_sentence_is_not(cram_sheet: bytes) -> None:
    bold = squashed(bold_runs(cram_sheet))
    for answer in (
        "Amazon S3",
        "one EC2 instance",
        "S3 Glacier Deep Archive",
        "up to 12 hours",
        "eleven nines",
    ):
        assert squashed(answer) in bold
    for plain in ("stores objects in buckets", "volumes attach to", "is the cheapest class"):
        assert squashed(plain) not in bold
