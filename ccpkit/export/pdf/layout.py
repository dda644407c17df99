"""Page geometry: column frames, the running header and footer, and the document build itself."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, LETTER, landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from ccpkit import __version__
from ccpkit.export import Paper
from ccpkit.export.pdf.paging import Mark, PagedCanvas
from ccpkit.export.pdf.style import Orientation
from ccpkit.export.pdf.typography import Typography


@dataclass(frozen=True, slots=True)
class Meta:
    """Document metadata and the fixed part of the running header."""

    title: str
    subject: str
    course: str
    course_markup: str
    """The course title as paragraph markup (glyphs routed), for the running header."""
    kind: str
    """What this file is ("Cram sheet", "Practice exam"): shown in the footer."""


@dataclass(frozen=True, slots=True)
class Laid:
    """A laid-out document: its PDF, page count, and bookmarks (to bind it into another)."""

    pdf: bytes
    pages: int
    marks: tuple[Mark, ...] = ()


def page_size(paper: Paper, orientation: Orientation) -> tuple[float, float]:
    size = A4 if paper == "A4" else LETTER
    turned: tuple[float, float] = landscape(size) if orientation == "landscape" else portrait(size)
    return turned


def render(
    story: Sequence[Flowable],
    *,
    ty: Typography,
    size: tuple[float, float],
    columns: Sequence[int],
    meta: Meta,
    numbered: bool = True,
) -> Laid:
    """Lay the story out on pages of ``columns[0]`` column frames; a ``NextPageTemplate(template_id(n))``
    in the story switches to ``n`` columns. Unnumbered pages are for binding (see ``page_numbers``)."""
    buffer = io.BytesIO()
    doc = _document(buffer, ty, size, meta)
    decorations = [_Decorations(ty, meta, _frames(doc, ty, count), numbered) for count in columns]
    doc.addPageTemplates(
        [
            PageTemplate(id=template_id(count), frames=d.frames, onPage=d.rules, onPageEnd=d.header_footer)
            for count, d in zip(columns, decorations, strict=True)
        ]
    )
    made: list[PagedCanvas] = []

    def canvas_maker(*args: object, **kwargs: object) -> PagedCanvas:
        made.append(PagedCanvas(*args, **kwargs))
        return made[-1]

    doc.build(list(story), canvasmaker=canvas_maker)
    return Laid(buffer.getvalue(), made[-1].pages, tuple(made[-1].marks))


PAGE_NUMBER = "pagenumber"
"""The form an unnumbered page leaves empty where its number goes; see ``page_numbers``."""


def page_numbers(ty: Typography, size: tuple[float, float], count: int) -> bytes:
    """``count`` pages, page N holding form ``pagenumberN`` that draws "Page N of M" where ``render``
    puts it: what binding puts in the ``PAGE_NUMBER`` form of each page of a bound file."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=size, invariant=1, initialFontName=ty.fonts.body)
    right, bottom = _footer_corner(ty, size)
    for number in range(1, count + 1):
        canvas.beginForm(f"{PAGE_NUMBER}{number}")
        _page_of(canvas, ty, right, bottom, number, count)
        canvas.endForm()
        canvas.doForm(f"{PAGE_NUMBER}{number}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _footer_corner(ty: Typography, size: tuple[float, float]) -> tuple[float, float]:
    """Where the footer's right-aligned page number ends: the right margin, the bottom margin."""
    margin = ty.style.page.margin_mm * mm
    return size[0] - margin, margin


def template_id(columns: int) -> str:
    return f"columns{columns}"


def _frames(doc: BaseDocTemplate, ty: Typography, columns: int) -> list[Frame]:
    gutter = ty.style.page.gutter_mm * mm
    width = (doc.width - gutter * (columns - 1)) / columns
    return [
        Frame(
            doc.leftMargin + i * (width + gutter),
            doc.bottomMargin,
            width,
            doc.height,
            id=f"column{i}",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        for i in range(columns)
    ]


def column_width(ty: Typography, size: tuple[float, float], columns: int) -> float:
    """The width of one column frame, which tables need before layout starts."""
    page = ty.style.page
    text_width = size[0] - 2 * page.margin_mm * mm
    width: float = (text_width - page.gutter_mm * mm * (columns - 1)) / columns
    return width


def _document(buffer: io.BytesIO, ty: Typography, size: tuple[float, float], meta: Meta) -> BaseDocTemplate:
    page = ty.style.page
    return BaseDocTemplate(
        buffer,
        pagesize=size,
        leftMargin=page.margin_mm * mm,
        rightMargin=page.margin_mm * mm,
        topMargin=(page.margin_mm + page.header_mm) * mm,
        bottomMargin=(page.margin_mm + page.footer_mm) * mm,
        title=meta.title,
        author=meta.course,
        subject=meta.subject,
        keywords=["ccpkit", meta.kind, meta.course],
        creator=f"ccpkit {__version__}",
        lang="en-US",
        displayDocTitle=1,
        invariant=1,
        initialFontName=ty.fonts.body,
        initialFontSize=ty.style.text.size,
        showBoundary=0,
    )


class _Decorations:
    """Draws what every page carries: column rules, header (course, modules on the page), footer."""

    def __init__(self, ty: Typography, meta: Meta, frames: list[Frame], numbered: bool) -> None:
        self.ty, self.meta, self.frames, self.numbered = ty, meta, frames, numbered

    def rules(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setStrokeColor(self.ty.palette.grid)
        canvas.setLineWidth(self.ty.style.page.column_rule_pt)
        for left, right in zip(self.frames, self.frames[1:], strict=False):
            x = (left._x1 + left._width + right._x1) / 2
            canvas.line(x, right._y1, x, right._y1 + right._height)
        canvas.restoreState()
        if isinstance(canvas, PagedCanvas):
            first = self.frames[0]
            canvas.top_left = (first._x1, first._y1 + first._height)

    def header_footer(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        ty, page = self.ty, self.ty.style.page
        size = ty.style.text.running_size
        left, (right, bottom) = doc.leftMargin, _footer_corner(ty, doc.pagesize)
        top = doc.pagesize[1] - page.margin_mm * mm - size
        canvas.saveState()
        half = (right - left) / 2
        _line(canvas, self.meta.course_markup, ty.running_left, left, top, half)
        _line(canvas, self._labels(canvas), ty.running_right, left + half, top, half)
        canvas.setStrokeColor(ty.palette.rule)
        canvas.setLineWidth(page.header_rule_pt)
        canvas.line(left, top - size * 0.6, right, top - size * 0.6)
        canvas.setFillColor(ty.palette.muted)
        canvas.setFont(ty.fonts.body, size)
        canvas.drawString(left, bottom, f"{self.meta.kind} · ccpkit")
        if isinstance(canvas, PagedCanvas) and self.numbered:
            number = canvas.getPageNumber()
            canvas.later(lambda late, total: _page_of(late, ty, right, bottom, number, total))
        elif isinstance(canvas, PagedCanvas):
            canvas.slot(PAGE_NUMBER)  # numbered when bound (see page_numbers)
        canvas.restoreState()

    def _labels(self, canvas: Canvas) -> str:
        if not isinstance(canvas, PagedCanvas) or not canvas.labels:
            return ""
        shown = list(dict.fromkeys(canvas.labels[canvas.first_label :]))
        return shown[0] if len(shown) == 1 else f"{shown[0]} … {shown[-1]}"


def _line(canvas: Canvas, markup: str, style: ParagraphStyle, x: float, y: float, width: float) -> None:
    """One header line as a paragraph, so emoji in a title print from the fallback font too."""
    paragraph = Paragraph(markup, style)
    _, height = paragraph.wrapOn(canvas, width, style.leading * 4)
    paragraph.drawOn(canvas, x, y - height + style.leading - style.fontSize * 0.2)


def _page_of(canvas: Canvas, ty: Typography, right: float, bottom: float, number: int, total: int) -> None:
    canvas.setFillColor(ty.palette.muted)
    canvas.setFont(ty.fonts.body, ty.style.text.running_size)
    canvas.drawRightString(right, bottom, f"Page {number} of {total}")
