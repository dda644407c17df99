"""The whole-course cram sheet: a title block and clickable contents, then each module from a
right-hand page, all laid out as one document so every font is embedded once (a file bound from
separately laid-out modules carried one copy of each font per module)."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable

from ccpkit.errors import Problem
from ccpkit.export import ExportOptions
from ccpkit.export.pdf import has_cram_content, module_label, notes_digest
from ccpkit.export.pdf.contents import Contents, contents
from ccpkit.export.pdf.cram import module_story, part_key
from ccpkit.export.pdf.flowables import Blocks, cut_title
from ccpkit.export.pdf.glyphs import Typesetter
from ccpkit.export.pdf.layout import Meta, column_width, page_size, render
from ccpkit.export.pdf.paging import PagedCanvas, RectoBreak
from ccpkit.export.pdf.paragraph import Paragraph
from ccpkit.export.pdf.typography import Typography
from ccpkit.markup import to_text
from ccpkit.model import Deck, Module
from ccpkit.report import counted


@dataclass(frozen=True, slots=True)
class Course:
    """The course PDF, its page count, and the characters no font could print."""

    pdf: bytes
    pages: int
    problems: tuple[Problem, ...]


def course_pdf(deck: Deck, ty: Typography, options: ExportOptions) -> Course:
    """Every module with something to cram, each from a right-hand page, after a title and contents."""
    style, size = ty.style, page_size(options.paper, ty.style.course.orientation)
    setter = Typesetter(ty.fonts)
    blocks = Blocks(ty, setter, column_width(ty, size, style.course.columns), deck.pictures)
    modules = [module for module in deck.modules if has_cram_content(module)]
    planned = [(module, contents(module, style.course)) for module in modules]
    story = front_story(deck, planned, blocks)
    for module, plan in planned:
        story += [RectoBreak(), *module_story(module, blocks, plan)]
    course = to_text(deck.title)
    meta = Meta(
        course,
        "Whole-course cram sheet",
        course,
        setter.plain(cut_title(course)),  # the running header shows a line of it
        "Cram sheet",
        notes_digest(*modules),
    )
    laid = render(story, ty=ty, size=size, columns=[style.course.columns], meta=meta)
    return Course(laid.pdf, laid.pages, setter.problems)


def front_story(deck: Deck, planned: list[tuple[Module, Contents]], blocks: Blocks) -> list[Flowable]:
    """Title, counts, and contents: a line per module and one per part, each a link to its page."""
    ty, setter = blocks.ty, blocks.setter
    counts = " · ".join(
        (
            counted(len(planned), "module"),
            counted(len(deck.cards), "card"),
            counted(len(deck.tables), "comparison table"),
        )
    )
    story: list[Flowable] = [
        Paragraph(f"<b>{setter.plain(cut_title(deck.title))}</b>", ty.title),
        Paragraph(setter.plain(f"Whole-course cram sheet · {counts}"), ty.tag),
        Paragraph(f"<b>{setter.plain('Contents')}</b>", ty.part),
    ]
    for module, plan in planned:
        story.append(TocLine(f"<b>{blocks.short(module_label(module), None)}</b>", module.slug, blocks))
        story += [
            TocLine(blocks.short(part.title, None), part_key(module, part.title), blocks, indent=1)
            for part in plan.parts
            if part.title
        ]
    return story


class TocLine(Flowable):  # type: ignore[misc]
    """A contents line with dot leaders and its page number, drawn at save (once every page is
    known); the whole line is a link to the bookmark ``key``."""

    def __init__(self, markup: str, key: str, blocks: Blocks, *, indent: int = 0) -> None:
        super().__init__()
        self.key = key
        style = blocks.ty.toc if not indent else blocks.ty.toc_part
        self.paragraph = Paragraph(markup, style)
        self.paragraph.flush_right_when_right_to_left = False  # dot leaders lead any title to its page
        self.number_room = style.fontSize * 2.5

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        _, self.height = self.paragraph.wrap(avail_width - self.number_room, avail_height)
        return avail_width, self.height

    def getSpaceAfter(self) -> float:  # noqa: N802 (reportlab's name)
        return float(self.paragraph.getSpaceAfter())

    def draw(self) -> None:
        self.paragraph.drawOn(self.canv, 0, 0)
        self.canv.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)
        if isinstance(self.canv, PagedCanvas):
            self.canv.later(self._number, in_place=True)

    def _number(self, canvas: PagedCanvas, _total: int) -> None:
        style = self.paragraph.style
        canvas.setFont(style.fontName, style.fontSize)
        canvas.setFillColor(style.textColor)
        page = canvas.key_pages.get(self.key)
        canvas.drawRightString(self.width, style.fontSize * 0.25, str(page) if page else "")
