"""Reading our PDFs back the way a student's viewer would: text, fonts, bookmarks, pages."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
from pypdf import PdfReader
from pypdf.generic import ContentStream


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in reader(data).pages]


def text(data: bytes) -> str:
    return "\n".join(page_texts(data))


def squashed(value: str) -> str:
    """Whitespace removed: line breaks fall anywhere in extracted text, so compare without them."""
    return "".join(value.split())


def assert_in_order(haystack: str, needles: list[str]) -> None:
    """Every needle occurs in ``haystack``, each after the previous one (whitespace ignored)."""
    flat, position = squashed(haystack), 0
    for needle in needles:
        found = flat.find(squashed(needle), position)
        assert found >= 0, f"{needle!r} missing (or out of order) after position {position}"
        position = found + len(squashed(needle))


def fonts(data: bytes) -> dict[str, bool]:
    """Every font used on any page or in any form: base font name → embedded (has a font file)."""
    found: dict[str, bool] = {}
    for page in reader(data).pages:
        for font in _fonts_in(page.get("/Resources")):
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found[str(font["/BaseFont"])] = embedded
    return found


def _fonts_in(resources: Any) -> Iterator[Any]:
    if resources is None:
        return
    resources = resources.get_object()
    for font in (resources.get("/Font") or {}).values():
        yield font.get_object()
    for xobject in (resources.get("/XObject") or {}).values():
        yield from _fonts_in(xobject.get_object().get("/Resources"))


def outline(data: bytes) -> list[tuple[int, str, int]]:
    """Bookmarks as (level, title, page index), in document order."""
    pdf = reader(data)
    entries: list[tuple[int, str, int]] = []

    def walk(items: list[Any], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                entries.append((level, str(item.title), pdf.get_destination_page_number(item)))

    walk(pdf.outline, 0)
    return entries


def text_colours(data: bytes) -> set[tuple[float, ...]]:
    """The fill colour of every piece of text drawn, on every page and in every form (grey and RGB
    as RGB triples)."""
    pdf = reader(data)
    found: set[tuple[float, ...]] = set()
    for page in pdf.pages:
        _text_colours(page.get_contents(), page.get("/Resources"), pdf, found)
    return found


def _text_colours(contents: Any, resources: Any, pdf: PdfReader, found: set[tuple[float, ...]]) -> None:
    if contents is None:
        return
    resources = resources.get_object() if resources is not None else {}
    forms = (resources.get("/XObject") or {}) if resources else {}
    colour: tuple[float, ...] = (0.0, 0.0, 0.0)
    saved: list[tuple[float, ...]] = []
    for operands, operator in ContentStream(contents, pdf).operations:
        match operator:
            case b"q":
                saved.append(colour)
            case b"Q":
                colour = saved.pop() if saved else colour
            case b"rg":
                colour = tuple(round(float(value), 3) for value in operands)
            case b"g":
                colour = (round(float(operands[0]), 3),) * 3
            case b"k" | b"sc" | b"scn":
                colour = tuple(round(float(value), 3) for value in operands if not isinstance(value, str))
            case b"Tj" | b"TJ" | b"'" | b'"':
                found.add(colour)
            case b"Do":
                form = forms.get(operands[0])
                if form is not None and form.get_object().get("/Subtype") == "/Form":
                    stream = form.get_object()
                    _text_colours(stream, stream.get("/Resources"), pdf, found)


MM = 72 / 25.4


def rendered(data: bytes, index: int, dpi: int = 40) -> tuple[int, int, bytes]:
    """Width, height and grey pixels (0 black … 255 white) of a page (from 0), rendered by PDFium."""
    page = pdfium.PdfDocument(data)[index]
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    assert bitmap.n_channels == 1 and bitmap.stride == bitmap.width
    return bitmap.width, bitmap.height, bytes(bitmap.buffer)


def ink_at_sides(data: bytes, index: int, side_mm: float, dpi: int = 40) -> bool:
    """Whether anything dark is printed within ``side_mm`` of the left or right edge of a page."""
    width, height, pixels = rendered(data, index, dpi)
    band = int(side_mm * MM * dpi / 72)
    xs = [*range(band), *range(width - band, width)]
    return any(pixels[row * width + x] < 160 for row in range(height) for x in xs)


def column_fill(
    data: bytes, index: int, frames: list[tuple[float, float, float, float]], dpi: int = 50
) -> list[float]:
    """How far down each column frame (left, top, width, height in points from the top left) the
    page's ink reaches, as a share of the frame's height."""
    width, _, pixels = rendered(data, index, dpi)
    scale = dpi / 72
    fills = []
    for left, top, frame_width, frame_height in frames:
        x0, x1 = int(left * scale) + 1, int((left + frame_width) * scale) - 1
        y0, y1 = int(top * scale), int((top + frame_height) * scale)
        lowest = next(
            (y for y in range(y1 - 1, y0 - 1, -1) if any(pixels[y * width + x] < 160 for x in range(x0, x1))),
            y0,
        )
        fills.append((lowest - y0 + 1) / (y1 - y0))
    return fills


@dataclass(frozen=True)
class Placed:
    """A picture as drawn on a page: an image (its pixel size) or a picture form (an SVG, drawn from
    vectors: its box in points), where it lands and how big it prints (points, from the bottom left)."""

    page: int
    kind: str
    """``image`` or ``form``."""
    name: str
    """The object drawn: one name per stored picture, however often it prints."""
    size: tuple[float, float]
    """Pixels of an image, the box of a form."""
    x: float
    y: float
    width: float
    height: float


def placed_pictures(data: bytes) -> list[Placed]:
    """Every image and picture form drawn on any page, in drawing order, with the transformation in
    force when it was drawn (a table cell's, a column's …). Page-number forms are not pictures."""
    pdf = reader(data)
    placed: list[Placed] = []
    for index, page in enumerate(pdf.pages):
        xobjects = (page["/Resources"].get("/XObject") or {}) if "/Resources" in page else {}
        objects = {str(name): ref.get_object() for name, ref in xobjects.items()}
        matrix, saved = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), []
        for operands, operator in ContentStream(page.get_contents(), pdf).operations:
            if operator == b"q":
                saved.append(matrix)
            elif operator == b"Q":
                matrix = saved.pop()
            elif operator == b"cm":
                matrix = _times(tuple(float(value) for value in operands), matrix)
            elif operator == b"Do":
                drawn = _placed(index, str(operands[0]), objects.get(str(operands[0])), matrix)
                if drawn is not None:
                    placed.append(drawn)
    return placed


def _placed(page: int, name: str, xobject: Any, matrix: tuple[float, ...]) -> Placed | None:
    a, _, _, d, e, f = matrix
    if xobject is None:
        return None
    if xobject.get("/Subtype") == "/Image":
        size = (float(xobject["/Width"]), float(xobject["/Height"]))
        return Placed(page, "image", name, size, e, f, a, d)
    if xobject.get("/Subtype") == "/Form" and name.startswith("/FormXob.picture"):
        left, bottom, right, top = (float(value) for value in xobject["/BBox"])
        size = (right - left, top - bottom)
        return Placed(page, "form", name, size, e + left * a, f + bottom * d, size[0] * a, size[1] * d)
    return None


def _times(first: tuple[float, ...], second: tuple[float, ...]) -> tuple[float, ...]:
    """The matrix product ``first * second`` of two PDF matrices ``[a b c d e f]``."""
    a, b, c, d, e, f = first
    p, q, r, s, t, u = second
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def char_boxes(data: bytes, index: int) -> list[tuple[str, float, float]]:
    """Each printed character of a page (from 0) with its left and right edge, in points."""
    return [(char, left, right) for char, left, right, _ in char_places(data, index)]


def char_places(data: bytes, index: int) -> list[tuple[str, float, float, float]]:
    """Each printed character of a page (from 0) with its left and right edge and its baseline's
    height above the page's foot, in points."""
    page = pdfium.PdfDocument(data)[index]
    chars = page.get_textpage()
    found = []
    for at in range(chars.count_chars()):
        left, bottom, right, _ = chars.get_charbox(at)
        found.append((chars.get_text_range(at, 1), left, right, bottom))
    return found
