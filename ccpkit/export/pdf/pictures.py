"""Pictures in the PDFs: one flowable for every place a picture prints (below a card or a paragraph,
in a table cell, under a question, an option or an explanation), which fits itself to the room it is
given there. A raster picture is an image object; an SVG is a form object drawn from its vectors.
Either is stored once per PDF however often it prints."""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.lib.fonts import tt2ps
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from ccpkit.markup import picture_names
from ccpkit.model import Picture
from ccpkit.svg import SvgFaces, svg_drawing

BELOW_TEXT = 90 * mm
"""The tallest a picture below a text prints: a tall diagram must not push a page's notes away."""
IN_CELL = 30 * mm
"""The tallest a picture in a table cell or under an option prints: a row stays a row."""
_PIXEL = 0.75
"""Points per pixel: a picture prints at its own size at 96 pixels an inch, as a browser shows it."""


@dataclass(frozen=True, slots=True)
class _Raster:
    reader: Any  # a reportlab ImageReader
    width: float
    height: float

    def draw(self, canvas: Canvas, x: float, width: float, height: float) -> None:
        canvas.drawImage(self.reader, x, 0, width, height)


@dataclass(frozen=True, slots=True)
class _Vector:
    drawing: Any  # a reportlab Drawing
    form: str
    width: float
    height: float

    def draw(self, canvas: Canvas, x: float, width: float, height: float) -> None:
        if not canvas.hasForm(self.form):
            canvas.beginForm(self.form, 0, 0, self.width, self.height)
            renderPDF.draw(self.drawing, canvas, 0, 0)
            canvas.endForm()
        canvas.saveState()
        canvas.translate(x, 0)
        canvas.scale(width / self.width, height / self.height)
        canvas.doForm(self.form)
        canvas.restoreState()


_Art = _Raster | _Vector


class FittedPicture(Flowable):  # type: ignore[misc]
    """A picture at its own size, shrunk (aspect kept) to the width it is given and to ``tallest``."""

    def __init__(self, art: _Art, *, tallest: float, indent: float = 0.0) -> None:
        super().__init__()
        self.art, self.tallest, self.indent = art, tallest, indent

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Sets ``width`` and ``height`` as reportlab's own flowables do: a table splitting a row
        reads them to tell what fits above the split."""
        room = max(avail_width - self.indent, 1.0)
        scale = min(1.0, room / self.art.width, self.tallest / self.art.height)
        self.width, self.height = self.indent + self.art.width * scale, self.art.height * scale
        return self.width, self.height

    def draw(self) -> None:
        self.art.draw(self.canv, self.indent, self.width - self.indent, self.height)


class Pictures:
    """The pictures one PDF may print, by content name; each read (decoded or parsed) once."""

    def __init__(self, pictures: Iterable[Picture], body_font: str) -> None:
        self._data = {picture.name: picture.data for picture in pictures}
        faces = [tt2ps(body_font, bold, italic) for bold in (0, 1) for italic in (0, 1)]
        self._fonts = SvgFaces(regular=faces[0], italic=faces[1], bold=faces[2], bold_italic=faces[3])
        self._art: dict[str, _Art | None] = {}

    def shown(
        self,
        markdown: str,
        *,
        tallest: float = BELOW_TEXT,
        indent: float = 0.0,
        before: float = 0.0,
        after: float = 0.0,
    ) -> list[Flowable]:
        """A flowable for each picture ``markdown`` shows, in order (its text keeps their alt text).
        A picture that cannot be drawn (an SVG the parser warned about) is left to its alt text."""
        flowables: list[Flowable] = []
        for name in picture_names(markdown):
            if name not in self._art:
                self._art[name] = self._read(name)
            art = self._art[name]
            if art is not None:
                picture = FittedPicture(art, tallest=tallest, indent=indent)
                picture.spaceBefore, picture.spaceAfter = before, after
                flowables.append(picture)
        return flowables

    def _read(self, name: str) -> _Art | None:
        data = self._data.get(name)
        if data is None:
            return None
        if name.endswith(".svg"):
            drawing = svg_drawing(data, self._fonts)
            if drawing is None:
                return None
            return _Vector(drawing, "picture" + name.removesuffix(".svg"), drawing.width, drawing.height)
        try:
            reader = ImageReader(io.BytesIO(data))
            pixels_wide, pixels_high = reader.getSize()
            if not name.endswith(".jpg"):  # a JPEG goes in undecoded; the rest is decoded once, now
                reader.getRGBData()
        except Exception:  # a damaged file (the parser said so, and left its item out): the alt text stays
            return None
        return _Raster(reader, pixels_wide * _PIXEL, pixels_high * _PIXEL)
