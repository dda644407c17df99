"""Rendered pages, as a printer would put them on paper: the right shape, and text on them.

Pages are rasterised by PDFium (pypdfium2) into greyscale pixels, read without an image library.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from tests.export.pdf.conftest import Built

DPI = 40


def first_page(pdf: bytes) -> tuple[int, int, bytes]:
    """Width, height and grey pixels (0 black … 255 white) of page 1, rendered by PDFium."""
    page = pdfium.PdfDocument(pdf)[0]
    bitmap = page.render(scale=DPI / 72, grayscale=True)
    assert bitmap.n_channels == 1 and bitmap.stride == bitmap.width
    return bitmap.width, bitmap.height, bytes(bitmap.buffer)


def ink(pixels: bytes) -> float:
    return sum(1 for value in pixels if value < 128) / len(pixels)


@pytest.mark.parametrize(
    ("name", "landscape"),
    [("pdf/01-topic-1.pdf", True), ("pdf/course.pdf", False), ("pdf/practice-exam.pdf", False)],
)
def test_first_pages_have_the_papers_shape_and_carry_text(large: Built, name: str, landscape: bool) -> None:
    width, height, pixels = first_page(large.files[name])
    assert (width > height) is landscape
    assert 0.01 < ink(pixels) < 0.35  # printed text, neither blank nor a black slab
