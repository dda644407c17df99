"""inka's sections of Anki cards (inka, inka2): a ``---`` line over a ``Deck: Geography::Rivers`` line
(and maybe ``Tags: rivers europe``), then numbered items, up to the next ``---`` line or the file's end.

An item over a quote (``> The Danube``) is a basic card; an item without one is a cloze note, its
clozes written with one brace (``{Rhine}``, ``{1::Rhine}``, ``{c1::Rhine}``). One brace hides words in
these sections only: elsewhere it is text (LaTeX, code, a set, JSON), and ``{c1::…}`` a mistake.
"""

from __future__ import annotations

import itertools
from collections.abc import Container, Iterator, Sequence
from dataclasses import dataclass

from ccpkit import cloze_syntax
from ccpkit.regex import regex

_RULE = regex(r" {0,3}---[ \t]*")
"""The line that opens and closes a section."""
_DECK = regex(r"Deck:[ \t]*\S.*")
_TAGS = regex(r"Tags:(?P<tags>.*)")
_ID = regex(r"[ \t]*<!--\s*ID:[^>]*-->[ \t]*")
"""The id inka writes over a note once it is in Anki (``<!--ID:1592491183406-->``)."""
_ITEM = regex(r"\d{1,9}\.(?:[ \t]|$)")
"""A numbered item's first line, at the margin as inka reads it: a note starts there."""


@dataclass(frozen=True, slots=True)
class InkaSection:
    """A section's lines (0-based): ``start`` its ``---``, ``end`` the next ``---`` (or past the last
    line); ``tags`` what its ``Tags:`` line lists, the tags of its cards."""

    start: int
    end: int
    tags: str = ""


def inka_section(sections: Sequence[InkaSection], line: int) -> InkaSection | None:
    """The section holding the 1-based ``line`` (a node's), if any."""
    return next((section for section in sections if section.start < line - 1 < section.end), None)


def fences_a_section(sections: Sequence[InkaSection], line: int) -> bool:
    """Whether the 1-based ``line`` is a section's ``---`` (opening or closing it): no other tool's
    separator (Mochi's sides)."""
    return any(line - 1 in (section.start, section.end) for section in sections)


def inka_sections(lines: Sequence[str], code: Container[int]) -> tuple[InkaSection, ...]:
    """Each section of the file: a ``---`` line outside code (``code``: line indexes) whose next line of
    words is ``Deck: …``, maybe a ``Tags:`` line, then its numbered notes, up to the next ``---`` line
    or the file's end (``Deck: 52 cards`` over ``Players: 2 to 10`` is a game's rules)."""
    rules = [number for number, line in enumerate(lines) if number not in code and _RULE.fullmatch(line)]
    sections = []
    for start, end in itertools.pairwise([*rules, len(lines)]):
        inside = [number for number in range(start + 1, end) if number not in code]
        head = list(itertools.takewhile(lambda number: not _ITEM.match(lines[number]), inside))
        said = [
            lines[number] for number in head if lines[number].strip() and not _ID.fullmatch(lines[number])
        ]
        if said and _DECK.fullmatch(said[0]) and all(_TAGS.fullmatch(line) for line in said[1:]):
            tags = (found["tags"] for number in inside if (found := _TAGS.fullmatch(lines[number])))
            sections.append(InkaSection(start, end, next(tags, "").strip()))
    return tuple(sections)


def inka_clozes(text: str, sections: Sequence[InkaSection], code: Container[int]) -> str:
    """``text`` with the clozes of each section's cloze notes written as Anki's
    (``short_braces_as_anki``): a numbered item with no quote below it, up to the next item. A basic
    card's braces are its words, as inka keeps them; what is in code is code. Every line keeps its
    number."""
    lines = text.split("\n")
    for section in sections:
        for start, end in _notes(lines, section, code):
            if not any(line.startswith(">") for line in lines[start:end]):
                _braces_as_anki(lines, range(start, end), code)
    return "\n".join(lines)


def _notes(lines: Sequence[str], section: InkaSection, code: Container[int]) -> Iterator[tuple[int, int]]:
    """Where each note of a section starts (its numbered item's line) and ends (the next one's, or the
    section's end), as inka parts them."""
    starts = [n for n in range(section.start + 1, section.end) if n not in code and _ITEM.match(lines[n])]
    return itertools.pairwise([*starts, section.end])


def _braces_as_anki(lines: list[str], note: range, code: Container[int]) -> None:
    """A cloze note's lines with its short clozes as Anki's, numbered over all its runs of lines
    around code."""
    places = itertools.count(1)
    for in_code, run in itertools.groupby(note, key=lambda number: number in code):
        if not in_code:
            numbers = list(run)
            rows = slice(numbers[0], numbers[-1] + 1)
            lines[rows] = cloze_syntax.short_braces_as_anki("\n".join(lines[rows]), places).split("\n")


def section_not_front_matter(text: str) -> str:
    """``text`` whose first ``---`` opens a section (over ``Deck: …`` and numbered items, which no YAML
    holds) indented a space: Markdown reads it as the same line, and no longer as a front matter's
    opening that would hide the section. Every line keeps its number."""
    lines = text.split("\n")
    end = next((n for n in range(1, len(lines)) if _RULE.fullmatch(lines[n])), len(lines))
    inside = [line for line in lines[1:end] if line.strip()]
    opens = bool(inside) and _DECK.fullmatch(inside[0]) is not None and any(map(_ITEM.match, inside))
    return f" {text}" if _RULE.fullmatch(lines[0]) and opens else text
