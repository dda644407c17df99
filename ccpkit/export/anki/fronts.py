"""Term fronts that read alike: the same front with another answer is qualified by its section.

Two cards that both read "Storage" but want different answers interfere: whichever the student
learns first makes the other look wrong. So a front shared by notes with different answers gets
the heading it sits under ("Storage · Instance setup"); if that still leaves two alike (the same
heading under two topics), every heading above it, outermost first; then the file's title above
them (the same headings in two files); and if even that does (the same headings in two modules),
the module comes first too. Whatever stays alike, ``ccpkit check`` names.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ccpkit.errors import Problem
from ccpkit.markup import picture_names, to_text
from ccpkit.model import Card, Module

QUALIFIER = " \N{MIDDLE DOT} "
SECTION_SEPARATOR = " \N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK} "


@dataclass(frozen=True, slots=True)
class Front:
    """A term card, the module it sits in, and how its front reads (``read_front``)."""

    module: Module
    card: Card
    reads: str
    """The lead-in and front as a student reads them: text only, case and spacing aside."""


def read_front(card: Card) -> str:
    """``Front.reads`` of a card: made with its module's Anki part, so a build compares every front
    of the course without rendering the unchanged modules' cards again."""
    return _plain(f"{card.lead_in} {card.front}")


def front_of(module: Module, card: Card) -> Front:
    """The card's front, read now."""
    return Front(module, card, read_front(card))


def _heading(module: Module, card: Card) -> str:
    """The nearest heading above the card, else its part, else its module (inline Markdown)."""
    for text in (*reversed(card.section), card.part):
        if text.strip():
            return text
    return module.title


def _section_path(module: Module, card: Card) -> str:
    """Every heading above the card, outermost first, for when the nearest (``Key Characteristics``)
    recurs under each thing the notes describe (IaaS, PaaS)."""
    return _headings(card) or _heading(module, card)


def _part_and_section(module: Module, card: Card) -> str:
    """The file's title above every heading, for the same headings in two files of a module (a file
    per service, each with its ``Key facts``)."""
    above = (card.part, _headings(card))
    return SECTION_SEPARATOR.join(text for text in above if text.strip()) or module.title


def _headings(card: Card) -> str:
    return SECTION_SEPARATOR.join(text.rstrip(":") for text in card.section)


def _module_and_section(module: Module, card: Card) -> str:
    return f"{module.number:02d} {module.title}{QUALIFIER}{_section_path(module, card)}"


QUALIFIERS: tuple[Callable[[Module, Card], str], ...] = (
    _heading,
    _section_path,
    _part_and_section,
    _module_and_section,
)
"""Ever longer qualifiers, tried in turn until a group of alike fronts reads apart."""


def _plain(markdown: str) -> str:
    """What a student reads: the text, case and spacing aside, and the pictures it shows (one question
    asked of several pictures reads apart by them)."""
    text = " ".join(to_text(markdown).split()).casefold()
    return f"{text} {' '.join(picture_names(markdown))}" if "![" in markdown else text


def distinct_fronts(fronts: Sequence[Front]) -> list[str]:
    """Each front (inline Markdown), qualified where another reads the same but wants another answer."""
    result = [front.card.front for front in fronts]
    for qualify in QUALIFIERS:
        groups = _alike(fronts, result)
        if not groups:  # nothing qualified, so the next qualifier would find none either
            break
        for group in groups:
            for index in group:
                front = fronts[index]
                result[index] = f"{front.card.front}{QUALIFIER}{qualify(front.module, front.card)}"
    return result


def alike_fronts(fronts: Sequence[Front], shown: Sequence[str]) -> tuple[Problem, ...]:
    """A warning at each front that still reads like an earlier one with another answer."""
    problems = []
    for group in _alike(fronts, shown):
        first = fronts[group[0]]
        for index in group[1:]:
            problems.append(
                Problem(
                    fronts[index].card.source,
                    f"the card front {to_text(shown[index])!r} reads the same as the one at "
                    f"{first.card.source} but wants another answer: reword one front, or put the "
                    "cards under headings of their own",
                    "warning",
                )
            )
    return tuple(problems)


def _alike(fronts: Sequence[Front], shown: Sequence[str]) -> list[list[int]]:
    """Groups (indexes, in notes order) of fronts that read the same and hold more than one answer."""
    groups: dict[str, list[int]] = {}
    for index, markdown in enumerate(shown):
        front = fronts[index]  # with its lead-in: "Choose up when: Cost" and "… out when: Cost" differ
        reads = front.reads if markdown == front.card.front else _plain(f"{front.card.lead_in} {markdown}")
        groups.setdefault(reads, []).append(index)
    return [
        group
        for group in groups.values()
        if len(group) > 1 and len({_answer(fronts[index].card) for index in group}) > 1
    ]


def _answer(card: Card) -> str:
    """The back as a student reads it: fronts alike with one answer between them do not clash. Read
    only for fronts alike, a few of a course: no part keeps it for every card."""
    return _plain(card.back)
