"""Rendered pages, as a printer would put them on paper: the right shape, and text on them.

Pages are rasterised by PDFium (pypdfium2) into greyscale pixels, read without an image library.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from tests.export.pdf.conftest import Built

DPI = 40


def rendered(pdf: bytes, index: int = 0) -> tuple[int, int, bytes]:
    """Width, height and grey pixels (0 black … 255 white) of a page (from 0), rendered by PDFium."""
    page = pdfium.PdfDocument(pdf)[index]
    bitmap = page.render(scale=DPI / 72, grayscale=True)
    assert bitmap.n_channels == 1 and bitmap.stride == bitmap.width
    return bitmap.width, bitmap.height, bytes(bitmap.buffer)


def ink(pixels: bytes) -> float:
    return sum(1 for value in pixels if value < 128) / len(pixels)


@pytest.mark.parametrize(
    ("name", "page", "landscape"),
    [
        ("pdf/01-topic-1.pdf", 0, True),
        ("pdf/course.pdf", 2, False),  # page 1: title and contents; page 2: the blank back
        ("pdf/practice-exam.pdf", 0, False),
    ],
)
def test_first_pages_of_content_have_the_papers_shape_and_carry_text(
    large: Built, name: str, page: int, landscape: bool
) -> None:
    width, height, pixels = rendered(large.files[name], page)
    assert (width > height) is landscape
    assert 0.01 < ink(pixels) < 0.35  # printed text, neither blank nor a black slab


def test_the_course_opens_with_a_printed_contents_page(large: Built) -> None:
    _, _, pixels = rendered(large.files["pdf/course.pdf"])
    assert 0.005 < ink(pixels) < 0.05  # a title and contents lines for modules and their parts
