"""Cram sheet content of one module: a title band, then its parts in study order (see ``contents``),
each section whole under its heading, tables as grids or records, link tables as a compact list."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import assert_never

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether

from ccpkit.export.pdf import module_label
from ccpkit.export.pdf.contents import Contents, Entry, Part
from ccpkit.export.pdf.flowables import MOVABLE_CHARS, Blocks
from ccpkit.export.pdf.paging import Anchor, Heading
from ccpkit.export.pdf.paragraph import Paragraph
from ccpkit.item_ids import slug
from ccpkit.markup import to_text
from ccpkit.model import Card, Cloze, ComparisonTable, Module, Passage

_SECTION_SEPARATOR = " \u203a "
"""Between the last two heading levels shown above a section (a right-pointing angle quote)."""
_HEADING_ROOM = 3
"""Body lines that must fit below a heading in its column, else the heading starts the next column:
a heading stays with the first lines of its block, never with the whole block."""


def module_story(module: Module, blocks: Blocks, contents: Contents) -> list[Flowable]:
    """Flowables for one module; bookmarks: the module, its parts, their sections, their tables."""
    first = module.items[0].source if module.items else None
    label = blocks.short(module_label(module), first)
    band = Paragraph(f"<b>{label}</b>", blocks.ty.band)
    story: list[Flowable] = [Heading(band, title=module_label(module), key=module.slug, level=0, label=label)]
    keys = _Keys(module.slug)
    for index, part in enumerate(contents.parts):
        story += _part(part, blocks, keys, barred=not _says_the_band_again(module, contents, index))
    if contents.left_out:
        note = "Left out here (lecture transcript; see the notes): " + "; ".join(contents.left_out)
        story.append(Paragraph(blocks.setter.plain(note), blocks.ty.tag))
    return story


def _says_the_band_again(module: Module, contents: Contents, index: int) -> bool:
    """Whether the part at ``index`` is printed first and titled as its module (a module of one file,
    ``# Course Summary`` in the module Course Summary): its bar would only say the band again."""
    title = contents.parts[index].title
    return index == 0 and bool(title) and slug(to_text(title)) == slug(to_text(module.title))


def _part(part: Part, blocks: Blocks, keys: _Keys, *, barred: bool) -> list[Flowable]:
    """A part's bar (only its bookmark if not ``barred``), then its sections and entries."""
    ty = blocks.ty
    level = 1 if part.title else 0  # the bookmark level of the innermost heading so far
    story: list[Flowable] = []
    if part.title and barred:
        story = _heading(blocks, part.title, None, ty.part, 1, keys.new(part.title))
    elif part.title:
        story = [Anchor(title=to_text(part.title), key=keys.new(part.title), level=1)]
    if part.links:
        return story + _link_lines(part, blocks)
    section: tuple[str, ...] = ()
    listed: list[Flowable] = []  # what the list being printed has printed so far
    widest = _widest(part.entries)
    for index, entry in enumerate(part.entries):
        headed = bool(entry.section) and entry.section != section and not _titled_table(entry)
        if headed:
            shown = _shown_section(section, entry.section)
            key = keys.new(part.title, *entry.section)
            level = 2 if part.title else 1
            story += _heading(blocks, shown, entry, ty.section, level, key)
        section = entry.section
        following = part.entries[index + 1] if index + 1 < len(part.entries) else None
        if isinstance(entry, Passage) and _is_caption(entry, following):
            continue  # the table's own title row says it
        printed = _entry(entry, blocks, keys, part.title, level + 1, widest[index])
        if isinstance(printed[0], CondPageBreak) and story and isinstance(story[-1], Heading):
            _hold(story[-2], printed[0], blocks)
        item = _is_item(entry)
        if headed or not item:
            _companion(listed)
            listed = []
        listed += printed if item else []
        story += printed
    _companion(listed)
    return story


def _shown_section(before: tuple[str, ...], section: tuple[str, ...]) -> str:
    """The heading line of a ``section`` printed after the ``before`` one: its last two levels, and
    every level above them that ``before`` did not share, which no heading line has named yet (an
    outline's `## Harbors` over `### Breakwaters` over the notes is context the sheet must keep)."""
    shared = len(
        list(itertools.takewhile(lambda pair: pair[0] == pair[1], zip(before, section, strict=False)))
    )
    return _SECTION_SEPARATOR.join(section[min(shared, max(len(section) - 2, 0)) :])


def _widest(entries: Sequence[Entry]) -> list[str]:
    """Per entry, the longest marker of its list (items one after another in one section; "" for
    what is no item): every item's text hangs as far in as the list's widest number needs."""
    widest: list[str] = []
    for (_, listed), group in itertools.groupby(entries, lambda e: (e.section, _is_item(e))):
        run = list(group)
        markers = [entry.marker for entry in run if listed and isinstance(entry, Passage)]
        widest += [max(markers, key=len, default="")] * len(run)
    return widest


def _is_item(entry: Entry) -> bool:
    return isinstance(entry, Passage) and bool(entry.marker)


def _companion(items: Sequence[Flowable]) -> None:
    """A list's last item never starts a column alone: the paragraph above it (an item's, or its
    parent's) goes along with it, when it is short enough to move (a long one would leave a column
    of white under its heading). A stray item under a column's top reads as a widow does."""
    if len(items) >= 2 and all(isinstance(flowable, Paragraph) for flowable in items[-2:]):
        items[-2].keepWithNext = int(len(items[-2].text) <= MOVABLE_CHARS)


def _hold(room: CondPageBreak, opening: CondPageBreak, blocks: Blocks) -> None:
    """A heading's ``room`` holds the table right under it (its title and first rows), not just three
    lines: a table moving on to the next column never leaves its heading behind."""
    room.height = max(room.height, room.height + opening.height - blocks.ty.body.leading * _HEADING_ROOM)


def _link_lines(part: Part, blocks: Blocks) -> list[Flowable]:
    """A links part as a compact list: a line per link of a table, and what else it holds under its
    heading, in bold on a line of the same size (``## Free content`` over a link names it)."""
    lines: list[Flowable] = []
    section: tuple[str, ...] = ()
    for entry in part.entries:
        flowables = blocks.links(entry)
        headed = entry.section != section and not isinstance(entry, ComparisonTable)
        if entry.section and headed and flowables:
            shown = blocks.short(_shown_section(section, entry.section), entry.source)
            named = Paragraph(f"<b>{shown}</b>", blocks.ty.link)
            flowables[0] = KeepTogether([named, flowables[0]])  # never a name alone at a column's foot
        section = entry.section
        lines += flowables
    return lines


def _entry(entry: Entry, blocks: Blocks, keys: _Keys, part: str, level: int, widest: str) -> list[Flowable]:
    match entry:
        case Passage():
            return blocks.passage(entry, widest)
        case Card():
            return blocks.card(entry)
        case Cloze():
            return blocks.cloze(entry)
        case ComparisonTable():
            key = keys.new(part, *entry.section, entry.title)
            anchor = Anchor(title=to_text(entry.title), key=key, level=level)
            table = blocks.table(entry, captioned=bool(entry.section) or entry.title != part)
            return [CondPageBreak(blocks.opening(table)), anchor, *table]
        case _:
            assert_never(entry)


def _titled_table(entry: Entry) -> bool:
    """A table whose title row already names its section needs no heading above it."""
    return isinstance(entry, ComparisonTable) and bool(entry.section) and entry.title == entry.section[-1]


def _is_caption(passage: Passage, following: Entry | None) -> bool:
    """``**Instance families:**`` right above the table it titles."""
    if not isinstance(following, ComparisonTable) or passage.marker:
        return False
    return to_text(passage.text).strip().rstrip(":").strip() == to_text(following.title).strip()


def _heading(
    blocks: Blocks, text: str, entry: Entry | None, style: ParagraphStyle, level: int, key: str
) -> list[Flowable]:
    markup = blocks.short(text, entry.source if entry else None)
    heading = Heading(Paragraph(f"<b>{markup}</b>", style), title=to_text(text), key=key, level=level)
    return [_room(blocks, style), heading]


def _room(blocks: Blocks, style: ParagraphStyle) -> CondPageBreak:
    """Start the next column unless the heading and a few lines below it fit in this one."""
    body = blocks.ty.body
    return CondPageBreak(style.leading * 2 + style.spaceBefore + body.leading * _HEADING_ROOM)


def part_key(module: Module, title: str) -> str:
    """The bookmark key of a part's heading in a module's story (parts come first in it, each once)."""
    return _Keys(module.slug).new(title)


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
