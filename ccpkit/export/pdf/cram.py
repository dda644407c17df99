"""Cram sheet content of one module: a title band, then cards and tables under part and section headings."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from ccpkit.export.pdf.blocks import Blocks
from ccpkit.export.pdf.layout import Heading
from ccpkit.ids import slug
from ccpkit.markup import to_text
from ccpkit.model import MCQ, Card, Module

_SECTION_SEPARATOR = " \u203a "
"""Between the last two heading levels shown above a group of cards (a right-pointing angle quote)."""


def module_label(module: Module) -> str:
    """How a module is named in bands, headers and bookmarks: ``Module 2 · Compute in the Cloud``."""
    title = to_text(module.title)
    return f"Module {module.number} · {title}" if module.number else title


def module_story(module: Module, blocks: Blocks) -> list[Flowable]:
    """Flowables for one module; bookmarks: the module, then its parts, then their sections."""
    ty, setter = blocks.ty, blocks.setter
    first = module.items[0].source if module.items else None
    label = setter.markdown(module_label(module), first)
    story: list[Flowable] = [
        Heading(
            Paragraph(f"<b>{label}</b>", ty.band),
            title=module_label(module),
            key=module.slug,
            level=0,
            label=label,
        )
    ]
    part, keys = "", _Keys(module.slug)
    section: tuple[str, ...] = ()
    for item in module.items:
        if isinstance(item, MCQ):
            continue  # questions go to the practice exam; a cram sheet reminds, it does not quiz
        if item.part and item.part != part:
            part, section = item.part, ()
            text = blocks.short(part, item.source)
            story.append(
                Heading(
                    Paragraph(f"<b>{text}</b>", ty.part), title=to_text(part), key=keys.new(part), level=1
                )
            )
        if item.section and item.section != section:
            section = item.section
            shown = _SECTION_SEPARATOR.join(section[-2:])
            text = blocks.short(shown, item.source)
            story.append(
                Heading(
                    Paragraph(f"<b>{text}</b>", ty.section),
                    title=to_text(shown),
                    key=keys.new(part, *section),
                    level=2 if part else 1,
                )
            )
        story.append(blocks.card(item) if isinstance(item, Card) else blocks.table(item))
    if len(story) == 1:
        story.append(Paragraph(setter.plain("No cards or tables in this module yet."), ty.body))
    return story


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
