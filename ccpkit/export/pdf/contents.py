"""What a cram sheet prints, and in which order, decided without laying anything out.

A sheet prints the notes as written: every passage (paragraph, list item) and every table of a part,
in notes order, so a section is never a fragment. Parts come in study order: the terse Cram Sheet
first, then the Summary, then the other parts (lecture notes, case studies) in notes order, and link
tables (a "Resources" part, or a table whose first column names links or resources) last, as a
compact list. A part whose passages are longer than the sheet's ``transcript_chars``, mostly prose, is a
lecture transcript (never the Cram Sheet or the Summary); what a sheet does with one is its
``transcripts`` setting (see ``style.Transcripts``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import assert_never

from ccpkit.export.pdf.style import Sheet
from ccpkit.item_ids import slug
from ccpkit.markup import to_text
from ccpkit.model import MCQ, Card, Cloze, ComparisonTable, Module, Passage, SourceLocation

Entry = Passage | Card | Cloze | ComparisonTable
"""What prints: a passage; a table; a card or cloze only when its file has no passages (a deck built
in code). A cloze's passage prints its hidden parts in bold (``Blocks.passage``)."""

_FIRST = ("cram-sheet", "summary")
_LINKS = ("resource", "link")


@dataclass(frozen=True, slots=True)
class Part:
    """One part of the notes as printed: its title and entries in notes order."""

    title: str
    entries: tuple[Entry, ...]
    links: bool = False
    """A part of link tables (with what else it holds): printed last, as a compact list."""


@dataclass(frozen=True, slots=True)
class Contents:
    """A sheet's parts in study order, and the transcript parts (or sections) it leaves out."""

    parts: tuple[Part, ...]
    left_out: tuple[str, ...] = ()
    """Titles of the parts left out whole, or ``Part \u203a Section`` of sections left out."""


def contents(module: Module, sheet: Sheet) -> Contents:
    """The parts of ``module`` a sheet prints, in study order."""
    parts: dict[str, list[Entry]] = {}
    written = {passage.source.path for passage in module.passages}
    for entry in _entries(module, written):
        parts.setdefault(entry.part, []).append(entry)
    printed: list[Part] = []
    links: list[Entry] = []
    left_out: list[str] = []
    for title, entries in parts.items():
        ordered = sorted(entries, key=lambda e: (e.source.path, e.source.line))
        if _is_link_part(title) or all(isinstance(e, ComparisonTable) and is_link_table(e) for e in ordered):
            links += ordered
            continue
        if _is_transcript(title, ordered, sheet) and sheet.transcripts != "whole":
            if sheet.transcripts == "omit":
                left_out.append(title)
                continue
            ordered, dropped = _structured_sections(ordered, module)
            left_out += [f"{title} \u203a {name}" for name in dropped]
        kept_links = [e for e in ordered if isinstance(e, ComparisonTable) and is_link_table(e)]
        links += kept_links
        printed.append(Part(title, tuple(e for e in ordered if e not in kept_links)))
    printed.sort(key=lambda part: _rank(part.title))
    if links:
        printed.append(Part(links[0].part or "Resources", tuple(links), links=True))
    return Contents(tuple(printed), tuple(left_out))


def is_link_table(table: ComparisonTable) -> bool:
    """A table of links with blurbs ("Resource link | Description"): reference, printed as a list."""
    first = table.columns[0].lower()
    return any(word in first for word in _LINKS) or any(word in slug(table.part) for word in ("resources",))


def _entries(module: Module, written: set[str]) -> list[Entry]:
    asked = {item.source for item in module.items if isinstance(item, MCQ)}
    entries: list[Entry] = [passage for passage in module.passages if passage.source not in asked]
    for item in module.items:
        match item:
            case ComparisonTable():
                entries.append(item)
            case Card() | Cloze():
                if item.source.path not in written:
                    entries.append(item)
            case MCQ():
                pass  # questions print in the practice exam, and so do their stems' passages
            case _:
                assert_never(item)
    return entries


def _is_link_part(title: str) -> bool:
    name = slug(title)
    return name in ("resources", "useful-links") or name.endswith("-resources")


def _rank(title: str) -> int:
    name = slug(title)
    return _FIRST.index(name) if name in _FIRST else len(_FIRST)


def _size(entries: Sequence[Entry]) -> int:
    """Characters of the notes as written (a deck built in code, without passages, has no transcripts)."""
    return sum(len(entry.text) for entry in entries if isinstance(entry, Passage))


def _is_transcript(title: str, entries: Sequence[Entry], sheet: Sheet) -> bool:
    """A part longer than the sheet's ``transcript_chars`` of prose: not the Cram Sheet or the Summary,
    whatever their length, nor a part of lists for a third or more (notes kept long)."""
    return _size(entries) > sheet.transcript_chars and _rank(title) == len(_FIRST) and not _lists(entries)


def _listed(group: list[Entry]) -> bool:
    """A table, or list items that make up a third of the text or more: notes, not a transcript."""
    return any(not isinstance(entry, Passage) for entry in group) or _lists(group)


def _lists(entries: Sequence[Entry]) -> bool:
    """Whether list items make up a third of the text or more."""
    listed = sum(len(entry.text) for entry in entries if isinstance(entry, Passage) and entry.marker)
    return listed * 3 >= _size(entries)


def _structured_sections(entries: list[Entry], module: Module) -> tuple[list[Entry], list[str]]:
    """A transcript's sections that hold a table or a card's source, or are lists for a third or
    more, print whole; its sections of prose are left out whole (their names are returned)."""
    cards = [c.source for c in module.items if isinstance(c, Card | Cloze)]
    groups: list[list[Entry]] = []
    for entry in entries:
        head = groups[-1][0] if groups else None
        if head is not None and (head.section, head.source.path) == (entry.section, entry.source.path):
            groups[-1].append(entry)
        else:
            groups.append([entry])
    kept: list[Entry] = []
    dropped: list[str] = []
    previous: SourceLocation | None = None
    for group in groups:
        first, last = group[0].source, group[-1].source
        # a card's source (a list item, or the heading above label lines) since the previous group
        after = previous.line if previous is not None and previous.path == first.path else 0
        carded = any(c.path == first.path and after < c.line <= last.line for c in cards)
        if carded or _listed(group):
            kept += group
        elif group[0].section:
            dropped.append(to_text(group[0].section[-1]))
        previous = last
    return kept, dropped
