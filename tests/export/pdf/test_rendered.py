"""Rendered pages, as a printer would put them on paper: the right shape, inked, no black boxes.

Pages are rasterised with poppler's ``pdftoppm`` (``.ci/run`` installs it) into greyscale PGM,
which needs no image library to read.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from tests.export.pdf.conftest import Built

DPI = 100
BOX = 6
"""Pixels: at 100 dpi a 7 pt missing-glyph box is 7 wide; our thickest strokes are 4."""


def first_page(pdf: bytes, tmp_path: Path) -> tuple[int, int, bytes]:
    """Width, height and grey pixels (0 black … 255 white) of page 1."""
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm is missing: install poppler-utils (.ci/run does) to check rendered pages")
    (tmp_path / "in.pdf").write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-gray",
            "-r",
            str(DPI),
            "-f",
            "1",
            "-l",
            "1",
            str(tmp_path / "in.pdf"),
            str(tmp_path / "p"),
        ],
        check=True,
    )
    (page,) = tmp_path.glob("p-*.pgm")
    magic, width, height, depth, pixels = page.read_bytes().split(maxsplit=4)
    assert (magic, depth) == (b"P5", b"255")
    return int(width), int(height), pixels


def ink(pixels: bytes) -> float:
    return sum(1 for value in pixels if value < 128) / len(pixels)


def longest_dark_run(pixels: bytes, width: int) -> int:
    """The longest horizontal run of near-black pixels: a missing glyph printed as a box is one."""
    longest = 0
    for start in range(0, len(pixels), width):
        run = 0
        for value in pixels[start : start + width]:
            run = run + 1 if value < 40 else 0
            longest = max(longest, run)
    return longest


@pytest.mark.parametrize(
    ("name", "landscape"),
    [("pdf/01-topic-1.pdf", True), ("pdf/course.pdf", False), ("pdf/practice-exam.pdf", False)],
)
def test_first_pages_have_the_papers_shape_and_carry_text(
    large: Built, tmp_path: Path, name: str, landscape: bool
) -> None:
    width, height, pixels = first_page(large.files[name], tmp_path)
    assert (width > height) is landscape
    assert 0.01 < ink(pixels) < 0.35  # printed text, neither blank nor a black slab


def test_no_glyph_prints_as_a_solid_box(sample: Built, tmp_path: Path) -> None:
    width, _, pixels = first_page(sample.files["pdf/09-security.pdf"], tmp_path)
    assert longest_dark_run(pixels, width) < BOX


def test_the_box_check_sees_a_box_when_there_is_one(tmp_path: Path) -> None:
    page = canvas.Canvas(str(tmp_path / "boxed.pdf"))
    page.setFont("Helvetica", 7)  # a base-14 font: characters it lacks print as black boxes
    page.drawString(100, 700, "target \U0001f3af missing")
    page.save()
    width, _, pixels = first_page((tmp_path / "boxed.pdf").read_bytes(), tmp_path)
    assert longest_dark_run(pixels, width) >= BOX
