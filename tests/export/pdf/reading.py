"""Reading our PDFs back the way a student's viewer would: text, fonts, bookmarks, pages."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from pypdf import PdfReader


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
