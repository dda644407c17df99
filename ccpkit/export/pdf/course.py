"""The whole-course cram sheet: a title block and table of contents, then every module in turn."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable

from ccpkit.export.pdf.blocks import Blocks
from ccpkit.export.pdf.cram import has_cram_content, module_label, module_story
from ccpkit.export.pdf.paging import PagedCanvas
from ccpkit.export.pdf.paragraph import Paragraph
from ccpkit.model import Deck

_MODULE_ROOM = 40 * mm
"""A module starts in the next column rather than leave its band stranded at a column's foot."""


def course_story(deck: Deck, blocks: Blocks) -> list[Flowable]:
    """Title, counts, contents with page numbers, then each module's cram content."""
    ty, setter = blocks.ty, blocks.setter
    modules = [module for module in deck.modules if has_cram_content(module)]
    counts = f"{len(modules)} modules · {len(deck.cards)} cards · {len(deck.tables)} comparison tables"
    story: list[Flowable] = [
        Paragraph(f"<b>{setter.plain(deck.title)}</b>", ty.title),
        Paragraph(setter.plain(f"Whole-course cram sheet · {counts}"), ty.tag),
        Paragraph(f"<b>{setter.plain('Contents')}</b>", ty.part),
    ]
    story += [TocLine(blocks.short(module_label(module), None), module.slug, blocks) for module in modules]
    for module in modules:
        story += [CondPageBreak(_MODULE_ROOM), *module_story(module, blocks)]
    return story


class TocLine(Flowable):  # type: ignore[misc]
    """A contents line with dot leaders; its page number is drawn at save, when it is known."""

    def __init__(self, markup: str, key: str, blocks: Blocks) -> None:
        super().__init__()
        self.key = key
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

    def _number(self, canvas: PagedCanvas, _total: int) -> None:
        style = self.paragraph.style
        canvas.setFont(style.fontName, style.fontSize)
        canvas.setFillColor(style.textColor)
        page = canvas.anchors.get(self.key)
        canvas.drawRightString(self.width, style.fontSize * 0.25, str(page) if page else "")
