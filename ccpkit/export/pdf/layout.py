"""Page geometry: column frames, the running header and footer, and the document build itself."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from reportlab import rl_config
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER, landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    ActionFlowable,
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    LayoutError,
    PageTemplate,
    Paragraph,
    Table,
)

from ccpkit import __version__
from ccpkit.errors import UsageError
from ccpkit.export import Paper
from ccpkit.export.pdf.chunks import in_chunks
from ccpkit.export.pdf.paging import Heading, Mark, PagedCanvas
from ccpkit.export.pdf.paragraph import Paragraph as Line
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
    notes: str
    """A short digest of the notes the file was built from (``plan.notes_digest``), in the footer,
    so two printouts of different notes can be told apart."""


@dataclass(frozen=True, slots=True)
class Laid:
    """A laid-out document: its PDF, page count, and bookmarks."""

    pdf: bytes
    pages: int
    marks: tuple[Mark, ...] = ()
    fill: float = 1.0
    """How much of its last page's columns the text fills, 0 to 1."""


def page_size(paper: Paper, orientation: Orientation) -> tuple[float, float]:
    size = A4 if paper == "A4" else LETTER
    turned: tuple[float, float] = landscape(size) if orientation == "landscape" else portrait(size)
    return turned


@contextmanager
def room_for(name: str) -> Iterator[None]:
    """Laying out the PDF ``name``: a style whose sizes, margins, padding or column count leave too
    little room for some flowable is a usage error, not a crash."""
    try:
        yield
    except LayoutError:
        raise UsageError(
            f"PDF {name}: something in it is taller than a whole column; a size, margin or "
            "column count in the PDF style (pdf/style.toml) leaves too little room"
        ) from None
    except ValueError as error:
        if "negative availWidth" not in str(error):
            raise
        raise UsageError(
            f"PDF {name}: a column is narrower than what must fit in it; a column count, margin or "
            "padding in the PDF style (pdf/style.toml) leaves too little room"
        ) from None


def render(
    story: Sequence[Flowable],
    *,
    ty: Typography,
    size: tuple[float, float],
    columns: Sequence[int],
    meta: Meta,
    balance_last_page: bool = False,
) -> Laid:
    """Lay the story out on pages of ``columns[0]`` column frames; a ``NextPageTemplate(template_id(n))``
    in the story switches to ``n`` columns.

    With ``balance_last_page`` the last page's columns are balanced: they end at about the same
    height instead of one full column and empty ones. As each page begins, the rest of the story is
    measured; once it fits, that page gets columns as tall as its share. Should the measure fall
    short, the story is laid out again with taller ones: the same flowables (each layout undoes its
    edits to them), whose paragraphs keep their lines for the width they were wrapped to."""
    balance = balance_last_page and len(columns) == 1 and columns[0] >= 2
    story = in_chunks(story, *_column_widths(ty, size, columns))
    try:
        laid, doc = _build(story, ty, size, columns, meta, balance=balance)
        if not balance_last_page or doc.short_at in (0, laid.pages):  # balanced, or full to its last page
            return laid
    except LayoutError:
        if not balance:
            raise
    plain, doc = _build(story, ty, size, columns, meta)
    used = sum(height for (page, _), height in doc.used.items() if page == plain.pages)
    for slack in (2, 4, 8):  # lines: columns break between paragraphs and rows, not anywhere
        height = used / columns[0] + ty.style.text.leading * slack
        if height >= doc.height:
            break
        try:
            balanced, _ = _build(story, ty, size, columns, meta, short=(plain.pages, height))
        except LayoutError:  # something taller than the shorter columns: try them taller
            continue
        if balanced.pages == plain.pages:
            return balanced
    return plain


def _column_widths(
    ty: Typography, size: tuple[float, float], columns: Sequence[int]
) -> tuple[float, dict[str, float]]:
    """The width of the first page's columns, and of each template's by its id (``template_id``)."""
    widths = {template_id(count): column_width(ty, size, count) for count in columns}
    return widths[template_id(columns[0])], widths


_SLACK_LINES = 2
"""Lines added to each balanced column: a column breaks between paragraphs and rows, not anywhere."""


_FEWEST_LINES = 4
"""Balance a last page only if each column gets this many lines: a blurb split from its name over
three columns of one line each reads worse than a few lines in the first."""


class _Document(BaseDocTemplate):  # type: ignore[misc]
    """Records how much of each column the text used; can give one page shorter columns."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.used: dict[tuple[int, int], float] = {}
        """(page, column) → points of the column's height holding text."""
        self.short_page: tuple[int, PageTemplate] | None = None
        """A page given shorter columns, and the template with them."""
        self.shorter: Callable[[float], PageTemplate] | None = None
        """Makes a template of columns this tall: set to balance the page the rest of the story fits on."""
        self.short_at = 0
        """The page that got shorter columns (0: none)."""
        self.leading = 0.0
        self._story: list[Flowable] = []

    def build(self, flowables: list[Flowable], *args: object, **kwargs: object) -> None:
        """Lay the flowables out, and leave them as they were, to be laid out again (as reportlab's
        ``multiBuild`` does: its build notes each change it makes to one, a kept-with-next flag
        cleared or a flowable marked as put off to the next frame, where ``multiBuild`` reads them)."""
        self._story = flowables  # the build consumes this list: what is left is the rest of the story
        edits: list[tuple[Any, ...]] = []  # (setattr, flowable, name, value) or (delattr, flowable, name)
        self._multiBuildEdits = edits.append
        try:
            super().build(flowables, *args, **kwargs)
        finally:
            del self._multiBuildEdits
            for undo, *change in reversed(edits):  # the earliest change saw the flowable as it was
                undo(*change)

    def handle_pageBegin(self) -> None:  # noqa: N802 (reportlab's name)
        if self.short_page is not None and self.page + 1 == self.short_page[0]:
            self.pageTemplate, self.short_at = self.short_page[1], self.page + 1
        elif self.shorter is not None and not self.short_at:
            height = self._balanced_height()
            if height:
                self.pageTemplate, self.short_at = self.shorter(height), self.page + 1
        super().handle_pageBegin()

    def _balanced_height(self) -> float:
        """The columns' height for the rest of the story on this page, or 0 if it does not fit."""
        frames = self.pageTemplate.frames
        width, full = frames[0]._width, frames[0]._height
        room, total, tallest = full * len(frames), 0.0, 0.0
        above: tuple[Flowable | None, float] = (None, 0.0)  # the last flowable measured, and its height
        for flowable in self._story:
            if isinstance(flowable, CondPageBreak) and isinstance(above[0], Heading):
                tallest = max(tallest, above[1] + flowable.height)  # a heading over the next one's room
            if isinstance(flowable, ActionFlowable | CondPageBreak):
                continue  # moves, does not fill (and measuring a CondPageBreak would act on it)
            # A group kept together is measured by its parts (its own wrap says "too tall" for what
            # does not fit here); paragraphs and tables split, anything else must fit a column whole.
            parts = flowable._content if isinstance(flowable, KeepTogether) else [flowable]
            height = 0.0
            for part in parts:
                _, tall = part.wrapOn(self.canv, width, full)
                height += tall + part.getSpaceBefore() + part.getSpaceAfter()
            total += height
            above = (flowable, height)
            if not isinstance(flowable, Paragraph | Table):
                tallest = max(tallest, height)
            if total > room:
                return 0.0
        if total < self.leading * _FEWEST_LINES * len(frames):
            return 0.0  # a few lines read best together in the first column
        height = max(total / len(frames), tallest) + self.leading * _SLACK_LINES
        return height if height < full else 0.0

    def handle_frameEnd(self, resume: int = 0) -> None:  # noqa: N802 (reportlab's name)
        self._record()
        super().handle_frameEnd(resume)

    def handle_pageEnd(self) -> None:  # noqa: N802 (reportlab's name)
        self._record()
        super().handle_pageEnd()

    def _record(self) -> None:
        frame = getattr(self, "frame", None)
        if frame is not None and frame in self.pageTemplate.frames:
            column = self.pageTemplate.frames.index(frame)
            self.used[(self.page, column)] = frame._y2 - frame._y


def _build(
    story: Sequence[Flowable],
    ty: Typography,
    size: tuple[float, float],
    columns: Sequence[int],
    meta: Meta,
    *,
    balance: bool = False,
    short: tuple[int, float] | None = None,
) -> tuple[Laid, _Document]:
    """One layout pass. ``balance``: shorter columns on the page the rest of the story fits on;
    ``short``: shorter columns on this page number, this tall."""
    rl_config.useA85 = 0  # binary streams: ASCII85 text encoding made every stream a quarter larger
    buffer = io.BytesIO()
    doc = _document(buffer, ty, size, meta)
    doc.leading = ty.style.text.leading

    def shorter(height: float) -> PageTemplate:
        decorations = _Decorations(ty, meta, _frames(doc, ty, columns[0], height))
        ends = {"onPage": decorations.rules, "onPageEnd": decorations.header_footer}
        return PageTemplate("short", decorations.frames, **ends)

    if short is not None:
        doc.short_page = (short[0], shorter(short[1]))
    elif balance:
        doc.shorter = shorter
    decorations = [_Decorations(ty, meta, _frames(doc, ty, count)) for count in columns]
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
    pages = made[-1].pages
    room = sum(frame._height for frame in doc.pageTemplates[0].frames)
    used = sum(height for (page, _), height in doc.used.items() if page == pages)
    fill = min(1.0, used / room) if room else 1.0
    return Laid(buffer.getvalue(), pages, tuple(made[-1].marks), fill), doc


def _footer_corner(ty: Typography, size: tuple[float, float]) -> tuple[float, float]:
    """Where the footer's right-aligned page number ends: the right margin, the bottom margin."""
    page = ty.style.page
    return size[0] - page.binding_mm * mm, page.margin_mm * mm


def template_id(columns: int) -> str:
    return f"columns{columns}"


def _frames(doc: BaseDocTemplate, ty: Typography, columns: int, height: float = 0) -> list[Frame]:
    """Column frames filling the page's text area; ``height``: shorter ones, hanging from its top."""
    gutter = ty.style.page.gutter_mm * mm
    width = (doc.width - gutter * (columns - 1)) / columns
    height = height or doc.height
    return [
        Frame(
            doc.leftMargin + i * (width + gutter),
            doc.bottomMargin + doc.height - height,
            width,
            height,
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
    text_width = size[0] - 2 * page.binding_mm * mm
    width: float = (text_width - page.gutter_mm * mm * (columns - 1)) / columns
    return width


def _document(buffer: io.BytesIO, ty: Typography, size: tuple[float, float], meta: Meta) -> _Document:
    page = ty.style.page
    return _Document(
        buffer,
        pagesize=size,
        leftMargin=page.binding_mm * mm,
        rightMargin=page.binding_mm * mm,
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

    def __init__(self, ty: Typography, meta: Meta, frames: list[Frame]) -> None:
        self.ty, self.meta, self.frames = ty, meta, frames

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
        canvas.drawString(left, bottom, f"{self.meta.kind} · ccpkit {__version__} · notes {self.meta.notes}")
        if isinstance(canvas, PagedCanvas):
            number = canvas.getPageNumber()
            canvas.later(lambda late, total: _page_of(late, ty, right, bottom, number, total))
        canvas.restoreState()

    def _labels(self, canvas: Canvas) -> str:
        if not isinstance(canvas, PagedCanvas) or not canvas.labels:
            return ""
        shown = list(dict.fromkeys(canvas.labels[canvas.first_label :]))
        return shown[0] if len(shown) == 1 else f"{shown[0]} … {shown[-1]}"


def _line(canvas: Canvas, markup: str, style: ParagraphStyle, x: float, y: float, width: float) -> None:
    """One header line as a paragraph, so emoji in a title print from the fallback font too (and
    Hebrew from the right); a title too long for it prints its first line and an ellipsis (a second
    line would cross the rule)."""
    paragraph = Line(markup, style)
    _, height = paragraph.wrapOn(canvas, width, style.leading * 4)
    if height > style.leading * 1.5:
        mark = stringWidth("\u2026", style.fontName, style.fontSize)
        cut = Line(markup, ParagraphStyle("cut", parent=style, allowOrphans=1, allowWidows=1))
        cut.wrapOn(canvas, width - mark, style.leading * 4)
        paragraph = cut.split(width - mark, style.leading)[0]
        _, height = paragraph.wrapOn(canvas, width - mark, style.leading)
        line = paragraph.blPara.lines[0]
        extra = line.extraSpace if hasattr(line, "extraSpace") else line[0]
        end = x + width - mark - (extra if style.alignment != TA_RIGHT else 0)
        canvas.setFont(style.fontName, style.fontSize)
        canvas.drawString(end, y - style.fontSize * 1.2 + style.leading, "\u2026")  # on the line's baseline
    paragraph.flush_right_when_right_to_left = False  # the header's halves stay where they are
    paragraph.drawOn(canvas, x, y - height + style.leading - style.fontSize * 0.2)


def _page_of(canvas: Canvas, ty: Typography, right: float, bottom: float, number: int, total: int) -> None:
    canvas.setFillColor(ty.palette.muted)
    canvas.setFont(ty.fonts.body, ty.style.text.running_size)
    canvas.drawRightString(right, bottom, f"Page {number} of {total}")
