"""reportlab paragraph styles derived from the style file, so no size or colour is written in code."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from ccpkit.export.pdf.fonts import FontSet
from ccpkit.export.pdf.style import Exam, Style, Text


@dataclass(frozen=True, slots=True)
class Palette:
    """The style file's colours, as reportlab colours."""

    text: Color
    muted: Color
    accent: Color
    band: Color
    band_text: Color
    rule: Color
    tint: Color
    zebra: Color
    grid: Color


@dataclass(frozen=True, slots=True)
class Typography:
    """Every paragraph style the PDFs use; ``bulletFontName`` is set too (it defaults to Helvetica)."""

    style: Style
    fonts: FontSet
    palette: Palette
    body: ParagraphStyle
    item: ParagraphStyle
    """A list item: the text hangs from its marker."""
    band: ParagraphStyle
    part: ParagraphStyle
    section: ParagraphStyle
    caption: ParagraphStyle
    cell: ParagraphStyle
    record: ParagraphStyle
    """One row of a wide table, as ``Column: value`` lines in a thin box."""
    link: ParagraphStyle
    """The compact list of link tables."""
    head_cell: ParagraphStyle
    title: ParagraphStyle
    toc: ParagraphStyle
    toc_part: ParagraphStyle
    question: ParagraphStyle
    stem: ParagraphStyle
    """A question's words after a table in it: part of the question, set close under the table."""
    option: ParagraphStyle
    tag: ParagraphStyle
    key: ParagraphStyle
    running_left: ParagraphStyle
    running_right: ParagraphStyle


def typography(style: Style, fonts: FontSet) -> Typography:
    """Build the paragraph styles for one export."""
    c = style.colours
    palette = Palette(*(HexColor(getattr(c, name)) for name in Palette.__dataclass_fields__))
    t = style.text
    body = ParagraphStyle(
        "body",
        fontName=fonts.body,
        bulletFontName=fonts.body,
        fontSize=t.size,
        leading=t.leading,
        textColor=palette.text,
        alignment=TA_LEFT,
        spaceAfter=t.size * 0.25,
        splitLongWords=1,
        allowWidows=0,
        allowOrphans=0,
    )
    return Typography(
        style=style,
        fonts=fonts,
        palette=palette,
        body=body,
        item=_derive(
            body,
            "item",
            t.size,
            leftIndent=t.size * 1.5,
            bulletIndent=0,
            bulletFontSize=t.size,
            spaceAfter=t.size * 0.15,
        ),
        **_headings(body, t, palette),
        **_small(body, style, palette),
        **_exam(body, style.exam),
    )


def _headings(body: ParagraphStyle, t: Text, palette: Palette) -> dict[str, ParagraphStyle]:
    pad = t.band_size * 0.3
    return {
        "band": _derive(
            body,
            "band",
            t.band_size,
            textColor=palette.band_text,
            backColor=palette.band,
            borderPadding=pad,
            leftIndent=pad,  # the fill, which reaches out by the padding, stays in the column
            rightIndent=pad,
            spaceBefore=pad,
            spaceAfter=pad * 2.5,
        ),
        "part": _derive(
            body,
            "part",
            t.heading_size,
            textColor=palette.accent,
            backColor=palette.tint,
            borderPadding=(1.5, 2, 1.5, 2),
            leftIndent=2,
            rightIndent=2,
            spaceBefore=t.size * 0.9,
            spaceAfter=t.size * 0.6,
        ),
        "section": _derive(body, "section", t.size, spaceBefore=t.size * 0.6, spaceAfter=t.size * 0.2),
        "title": _derive(body, "title", t.title_size, textColor=palette.band, spaceAfter=t.title_size * 0.4),
        "toc": _derive(body, "toc", t.size * 1.1, spaceBefore=t.size * 0.4, endDots=" ."),
        "toc_part": _derive(body, "toc_part", t.size, leftIndent=t.size * 1.5, endDots=" ."),
    }


def _small(body: ParagraphStyle, style: Style, palette: Palette) -> dict[str, ParagraphStyle]:
    t = style.text
    return {
        "caption": _derive(body, "caption", t.size, textColor=palette.accent, spaceAfter=0),
        "cell": _derive(body, "cell", t.table_size, spaceAfter=0),
        "record": _derive(
            body,
            "record",
            t.table_size,
            borderWidth=style.tables.border_pt / 2,
            borderColor=palette.grid,
            borderPadding=style.tables.padding_pt,
            spaceBefore=style.tables.padding_pt,
            spaceAfter=style.tables.padding_pt * 2,
            leftIndent=style.tables.padding_pt,
            rightIndent=style.tables.padding_pt,
        ),
        "link": _derive(body, "link", t.table_size, spaceAfter=t.size * 0.1),
        "head_cell": _derive(body, "head_cell", t.table_size, textColor=palette.band_text, spaceAfter=0),
        "tag": _derive(body, "tag", t.running_size, textColor=palette.muted, spaceAfter=0),
        "running_left": _derive(body, "running_left", t.running_size),
        "running_right": _derive(body, "running_right", t.running_size, alignment=TA_RIGHT),
    }


def _exam(body: ParagraphStyle, e: Exam) -> dict[str, ParagraphStyle]:
    return {
        "question": _derive(
            body, "question", e.size, leading=e.leading, spaceBefore=e.size * 0.8, spaceAfter=e.size * 0.3
        ),
        "stem": _derive(body, "stem", e.size, leading=e.leading, spaceAfter=e.size * 0.3),
        "option": _derive(
            body,
            "option",
            e.size,
            leading=e.leading,
            leftIndent=e.size * 1.6,
            firstLineIndent=-e.size * 1.1,
            spaceAfter=e.size * 0.1,
        ),
        "key": _derive(
            body,
            "key",
            e.key_size,
            leading=e.key_size * 1.2,
            spaceAfter=e.key_size * 0.35,
        ),
    }


def _derive(parent: ParagraphStyle, name: str, size: float, **changes: object) -> ParagraphStyle:
    """A child style; leading follows the size in the same ratio as the body text unless given."""
    changes.setdefault("leading", size * parent.leading / parent.fontSize)
    return ParagraphStyle(name, parent=parent, fontSize=size, **changes)
