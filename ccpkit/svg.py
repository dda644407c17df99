"""SVG pictures as reportlab drawings (svglib): the parser asks whether one can be drawn, to warn
at its ``path:line``; the PDFs draw it. Nothing is fetched or looked up: a reference to another file
is refused (the picture is read from its bytes, not from a path), and every text prints in the PDF's
own embedded fonts (svglib would otherwise ask fontconfig, which differs between machines).

svglib is imported only when an SVG is met: most notes have none, and it takes a third of a second.
"""

from __future__ import annotations

import io
import logging
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ccpkit.regex import regex

_CHECK_FONTS = ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique")
"""Fonts for the parser's trial drawing: reportlab knows them without any file, and it is never drawn."""
_BOLD_WEIGHT = regex(r"bold|bolder|[6-9]00")

logging.getLogger("svglib").setLevel(logging.CRITICAL + 1)
"""svglib logs what it skips to stderr, in the middle of a build's output; the parser's warning
(the one thing the student can act on) says it instead."""


@dataclass(frozen=True, slots=True)
class SvgFaces:
    """The four faces an SVG's text may ask for, as registered reportlab font names."""

    regular: str
    bold: str
    italic: str
    bold_italic: str

    def find_font(self, _family: str, weight: str = "normal", style: str = "normal") -> tuple[str, bool]:
        """svglib's font-map interface: every family is ours, in the weight and style asked for."""
        bold = _BOLD_WEIGHT.fullmatch(weight.strip().lower()) is not None
        italic = style.strip().lower() in ("italic", "oblique")
        faces = ((self.regular, self.italic), (self.bold, self.bold_italic))
        return faces[bold][italic], True


@lru_cache(maxsize=64)
def svg_problem(data: bytes) -> str | None:
    """Why the PDFs cannot draw this SVG (said after "the picture …"), or None if they can."""
    malformed = _xml_error(data)
    if malformed:
        return f"is not well-formed SVG ({malformed})"
    if svg_drawing(data, SvgFaces(*_CHECK_FONTS)) is None:
        return (
            "has no size to draw at (no width and height, nor a viewBox) or one too large to draw (an "
            "infinite or huge size, shape or scale)"
        )
    return None


@lru_cache(maxsize=64)
def svg_drawing(data: bytes, fonts: SvgFaces) -> Any:  # a reportlab Drawing (reportlab has no types)
    """The SVG as a reportlab ``Drawing`` in points (96 SVG pixels an inch), or None if it cannot
    be drawn. A file that is not well-formed is not drawn even where svglib could guess at it: a
    browser (and so Anki) shows none of it either. Drawing it does not change it, so it is shared."""
    if _xml_error(data):
        return None
    from svglib.svglib import svg2rlg

    try:
        drawing = svg2rlg(io.BytesIO(data), font_map=fonts)
    except Exception:  # svglib raises what its parts raise on odd input; any of it means "cannot draw"
        return None
    if drawing is None or not _drawable(drawing):
        return None
    drawing.initialFontName = fonts.regular  # else reportlab's renderer starts from Helvetica, unembedded
    return drawing


_LARGEST = 1e7
"""Points (about 3.5 km): a size or shape beyond it, or an infinite one (``width="inf"``,
``scale(1e309)``), is no drawing; reportlab cannot even write its numbers."""


def _drawable(drawing: Any) -> bool:
    """Whether the drawing has a size, and it and every shape in it fits in numbers a PDF can hold."""
    sizes = (drawing.width, drawing.height, *(drawing.getBounds() or ()))  # no shapes: no bounds
    return drawing.width > 0 and drawing.height > 0 and all(abs(size) < _LARGEST for size in sizes)


def _xml_error(data: bytes) -> str | None:
    try:
        ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        return str(error)
    return None
