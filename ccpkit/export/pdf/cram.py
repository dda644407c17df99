"""Cram sheet content of one module: a title band, then cards and tables under part and section headings."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from ccpkit.export.pdf.blocks import Blocks
from ccpkit.export.pdf.paging import Heading
from ccpkit.export.pdf.paragraph import Paragraph
from ccpkit.export.pdf.plan import module_label
from ccpkit.ids import slug
from ccpkit.markup import to_text
from ccpkit.model import MCQ, Card, ComparisonTable, Item, Module

_SECTION_SEPARATOR = " \u203a "
"""Between the last two heading levels shown above a group of cards (a right-pointing angle quote)."""


def module_story(module: Module, blocks: Blocks) -> list[Flowable]:
    """Flowables for one module; bookmarks: the module, then its parts, then their sections."""
    first = module.items[0].source if module.items else None
    label = blocks.short(module_label(module), first)
    band = Paragraph(f"<b>{label}</b>", blocks.ty.band)
    story: list[Flowable] = [Heading(band, title=module_label(module), key=module.slug, level=0, label=label)]
    headings = _Headings(module.slug, blocks)
    cards: list[Flowable] = []  # consecutive cards share one box
    for item in module.items:
        if isinstance(item, MCQ):
            continue  # questions go to the practice exam; a cram sheet reminds, it does not quiz
        before = headings.before(item)
        if cards and (before or isinstance(item, ComparisonTable)):
            story.append(blocks.box(cards))
            cards = []
        story += before
        if isinstance(item, Card):
            cards.append(blocks.card(item))
        else:
            story.append(blocks.table(item))
    if cards:
        story.append(blocks.box(cards))
    return story


class _Headings:
    """Emits a part heading when the notes part changes, and a section heading when the section does."""

    def __init__(self, prefix: str, blocks: Blocks) -> None:
        self.blocks, self.keys = blocks, _Keys(prefix)
        self.part = ""
        self.section: tuple[str, ...] = ()

    def before(self, item: Card | ComparisonTable) -> list[Flowable]:
        out: list[Flowable] = []
        if item.part and item.part != self.part:
            self.part, self.section = item.part, ()
            out.append(self._heading(item.part, item, self.blocks.ty.part, 1, (item.part,)))
        if item.section and item.section != self.section:
            self.section = item.section
            repeated = isinstance(item, ComparisonTable) and item.title == item.section[-1]
            if not repeated:  # a table's title row already names its section
                shown = _SECTION_SEPARATOR.join(item.section[-2:])
                level = 2 if self.part else 1
                out.append(
                    self._heading(shown, item, self.blocks.ty.section, level, (self.part, *item.section))
                )
        return out

    def _heading(
        self, text: str, item: Item, style: ParagraphStyle, level: int, path: tuple[str, ...]
    ) -> Heading:
        markup = self.blocks.short(text, item.source)
        return Heading(
            Paragraph(f"<b>{markup}</b>", style), title=to_text(text), key=self.keys.new(*path), level=level
        )


class _Keys:
    """Bookmark keys from headings: readable, stable, unique within one PDF."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.used: set[str] = set()

    def new(self, *path: str) -> str:
        key = ".".join([self.prefix, *(slug(part) for part in path)])
        unique, number = key, 1
        while unique in self.used:
            number += 1
            unique = f"{key}.{number}"
        self.used.add(unique)
        return unique
