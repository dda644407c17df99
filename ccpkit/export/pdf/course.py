"""The whole-course cram sheet: a title block and contents, then each module from a fresh page.

Each module is laid out as a part of its own and kept in the build's memo, so after an edit to one
module only that module's pages are laid out again; the parts are then bound into one numbered,
bookmarked file. A fresh page per module also lets a student reprint just the module they changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate

from reportlab.platypus import Flowable

from ccpkit.errors import Problem
from ccpkit.export import ExportOptions
from ccpkit.export.pdf.binding import bind
from ccpkit.export.pdf.blocks import Blocks
from ccpkit.export.pdf.cram import module_story
from ccpkit.export.pdf.glyphs import Typesetter
from ccpkit.export.pdf.layout import Laid, Meta, column_width, page_numbers, page_size, render
from ccpkit.export.pdf.paging import PagedCanvas
from ccpkit.export.pdf.paragraph import Paragraph
from ccpkit.export.pdf.plan import COURSE_PARTS, has_cram_content, module_label, part_context
from ccpkit.export.pdf.typography import Typography
from ccpkit.markup import to_text
from ccpkit.model import Deck, Module


@dataclass(frozen=True, slots=True)
class Course:
    """The bound course PDF, its page count, and the characters no font could print."""

    pdf: bytes
    pages: int
    problems: tuple[Problem, ...]


@dataclass(frozen=True, slots=True)
class _Part:
    """One module's pages as laid out alone (unnumbered), with what its typesetting reported."""

    laid: Laid
    problems: tuple[Problem, ...]


def course_pdf(deck: Deck, ty: Typography, options: ExportOptions) -> Course:
    """Every module with something to cram, each from a fresh page, after a title and contents page."""
    style, size, meta = ty.style, page_size(options.paper, ty.style.course.orientation), _meta(deck, ty)
    modules = [module for module in deck.modules if has_cram_content(module)]
    parts = [module_part(deck, module, ty, options) for module in modules]
    starts = [0, *accumulate(part.laid.pages for part in parts)][:-1]
    setter = Typesetter(ty.fonts)
    blocks = Blocks(ty, setter, column_width(ty, size, style.course.columns))
    front = render(
        front_story(deck, modules, starts, blocks),
        ty=ty,
        size=size,
        columns=[style.course.columns],
        meta=meta,
        numbered=False,
    )
    pages = front.pages + sum(part.laid.pages for part in parts)
    pdf = bind(front, [part.laid for part in parts], page_numbers(ty, size, pages))
    problems = dict.fromkeys((*setter.problems, *(p for part in parts for p in part.problems)))
    return Course(pdf, pages, tuple(problems))


def module_part(deck: Deck, module: Module, ty: Typography, options: ExportOptions) -> _Part:
    """The module's pages of the course: from the memo when the module and its context are
    unchanged (``plan.part_context``), else laid out now and kept."""
    size, meta = page_size(options.paper, ty.style.course.orientation), _meta(deck, ty)

    def lay_out(module: Module) -> _Part:
        setter = Typesetter(ty.fonts)
        blocks = Blocks(ty, setter, column_width(ty, size, ty.style.course.columns))
        story = module_story(module, blocks)
        laid = render(story, ty=ty, size=size, columns=[ty.style.course.columns], meta=meta, numbered=False)
        return _Part(laid, setter.problems)

    return options.memo.per_module(COURSE_PARTS, module, lay_out, _Part, *part_context(deck, options))


def _meta(deck: Deck, ty: Typography) -> Meta:
    course = to_text(deck.title)
    return Meta(course, "Whole-course cram sheet", course, Typesetter(ty.fonts).plain(course), "Cram sheet")


def front_story(deck: Deck, modules: list[Module], starts: list[int], blocks: Blocks) -> list[Flowable]:
    """Title, counts, and contents: each module's first page, counted from the end of this front matter."""
    ty, setter = blocks.ty, blocks.setter
    counts = f"{len(modules)} modules · {len(deck.cards)} cards · {len(deck.tables)} comparison tables"
    story: list[Flowable] = [
        Paragraph(f"<b>{setter.plain(deck.title)}</b>", ty.title),
        Paragraph(setter.plain(f"Whole-course cram sheet · {counts}"), ty.tag),
        Paragraph(f"<b>{setter.plain('Contents')}</b>", ty.part),
    ]
    story += [
        TocLine(blocks.short(module_label(module), None), start, blocks)
        for module, start in zip(modules, starts, strict=True)
    ]
    return story


class TocLine(Flowable):  # type: ignore[misc]
    """A contents line with dot leaders; its number is drawn at save, once the front's length is known."""

    def __init__(self, markup: str, start: int, blocks: Blocks) -> None:
        super().__init__()
        self.start = start
        """Pages between the end of the front matter and the module's first page."""
        self.paragraph = Paragraph(markup, blocks.ty.toc)
        self.number_room = blocks.ty.toc.fontSize * 2.5

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        _, self.height = self.paragraph.wrap(avail_width - self.number_room, avail_height)
        return avail_width, self.height

    def getSpaceAfter(self) -> float:  # noqa: N802 (reportlab's name)
        return float(self.paragraph.getSpaceAfter())

    def draw(self) -> None:
        self.paragraph.drawOn(self.canv, 0, 0)
        if isinstance(self.canv, PagedCanvas):
            self.canv.later(self._number)

    def _number(self, canvas: PagedCanvas, front_pages: int) -> None:
        style = self.paragraph.style
        canvas.setFont(style.fontName, style.fontSize)
        canvas.setFillColor(style.textColor)
        canvas.drawRightString(self.width, style.fontSize * 0.25, str(front_pages + self.start + 1))
