"""Binding documents laid out apart into one PDF: their pages in order, numbered, and bookmarked."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import cast

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, Fit, IndirectObject, NameObject

from ccpkit.export.pdf.layout import PAGE_NUMBER, Laid


def bind(front: Laid, parts: Sequence[Laid], numbers: bytes) -> bytes:
    """``front`` (whose metadata the result keeps), then every part, all laid out unnumbered;
    ``numbers`` holds each page's number (see ``layout.page_numbers``). Each part's bookmarks point
    into its own pages. The pages' own content is copied as it is, never decoded."""
    writer = PdfWriter(clone_from=_reader(front.pdf))
    for part in parts:
        first = len(writer.pages)
        for page in _reader(part.pdf).pages:
            writer.add_page(page)
        open_levels: list[IndirectObject] = []  # the latest bookmark of each level above this one
        for mark in part.marks:
            del open_levels[mark.level :]
            parent = open_levels[-1] if open_levels else None
            item = writer.add_outline_item(
                title=mark.title,
                page_number=first + mark.page - 1,
                parent=parent,
                fit=Fit.xyz(left=0, top=mark.top),
                is_open=mark.level == 0,
            )
            open_levels.append(item)
    slot = _form_name(PAGE_NUMBER)
    for number, (page, stamp) in enumerate(zip(writer.pages, _reader(numbers).pages, strict=True), 1):
        form = _forms(stamp).raw_get(_form_name(f"{PAGE_NUMBER}{number}"))
        _forms(page)[slot] = form.clone(writer)
    writer.page_mode = "/UseOutlines"
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _forms(page: PageObject) -> DictionaryObject:
    """The page's named forms (XObjects)."""
    resources = cast(DictionaryObject, page["/Resources"].get_object())
    return cast(DictionaryObject, resources["/XObject"].get_object())


def _form_name(name: str) -> NameObject:
    """A reportlab form's name in the PDF."""
    return NameObject(f"/FormXob.{name}")


def _reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))
