"""The normalised study model every exporter reads: cards, comparison tables, MCQs and clozes.

Standard library only. Values are frozen and hold tuples, so a parsed deck can be shared and
compared freely; constructors check the invariants an exporter relies on and raise
``ModelError`` with a message a person can act on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Literal

Kind = Literal["card", "table", "mcq", "cloze"]
"""The item kinds, as used in ids, tags and reports."""


class ModelError(ValueError):
    """A value breaks one of the model's invariants."""


MAX_CLOZE = 500
"""Anki's last cloze card number: it makes cards for c1 to c500; a higher number shares c500's card (or
none, past 65,535)."""
_CLOZE_NUMBER = re.compile(r"\{\{c(\d+)::")
_CODE_SPAN = re.compile(r"(`+)[^`].*?\1", re.S)
"""Code in the text, shown as written (`` `{{c0::x}}` `` teaches the syntax): no cloze of its own."""


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise ModelError(message)


def _require_text(value: str, what: str) -> None:
    _require(isinstance(value, str) and value.strip() != "", f"{what} must not be empty")


def _one_word(text: str) -> bool:
    """Non-empty and without a whitespace character (``split`` knows the same whitespace as
    ``isspace``, and checks a whole course's ids and tags many times faster than a loop over them)."""
    return text.split() == [text]


@dataclass(frozen=True, slots=True, order=True)
class SourceLocation:
    """Where something starts in the notes; prints as ``path:line`` so editors can jump to it."""

    path: str
    """Path of the notes file, relative to the notes folder, with ``/`` separators."""
    line: int
    """1-based line number."""

    def __post_init__(self) -> None:
        _require_text(self.path, "source path")
        _require(self.line >= 1, f"source line must be 1 or more, got {self.line}")

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True, slots=True, kw_only=True)
class _Item:
    """Attributes every study item shares."""

    id: str
    """Stable identity (``module-slug/kind/key-slug``); survives edits of the item's content."""
    module: str
    """Slug of the module the item belongs to."""
    source: SourceLocation
    part: str = ""
    """Title of the notes part the item comes from (``Cram Sheet``, ``Practice Questions`` …)."""
    section: tuple[str, ...] = ()
    """Headings above the item inside its part, outermost first."""
    tags: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _require_text(self.id, "item id")
        _require(_one_word(self.id), f"item id {self.id!r} contains whitespace")
        _require_text(self.module, f"module of {self.id}")
        for tag in self.tags:
            _require(_one_word(tag), f"tag {tag!r} of {self.id}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Card(_Item):
    """A term and its definition. Text is inline Markdown; the back may hold a nested list."""

    front: str
    back: str
    lead_in: str = ""
    """The line that introduces the card's list (``Choose scaling up when:``), or empty. It is part of
    what the card asks: "Strict licensing" alone does not say what licensing decides."""
    kind: Kind = field(default="card", init=False)

    def __post_init__(self) -> None:
        _Item.__post_init__(self)
        _require_text(self.front, f"front of card {self.id}")
        _require_text(self.back, f"back of card {self.id}")

    @property
    def prompt(self) -> str:
        """What the card asks, as one line of inline Markdown: its lead-in, then its front."""
        return f"{self.lead_in} {self.front}" if self.lead_in else self.front


@dataclass(frozen=True, slots=True, kw_only=True)
class ComparisonTable(_Item):
    """A table that compares things row by row; the first column names each row."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    kind: Kind = field(default="table", init=False)

    def __post_init__(self) -> None:
        _Item.__post_init__(self)
        _require_text(self.title, f"title of table {self.id}")
        _require(len(self.columns) >= 1, f"table {self.id} needs at least one column")
        _require(len(self.rows) >= 1, f"table {self.id} needs at least one row")
        for number, row in enumerate(self.rows, start=1):
            _require(
                len(row) == len(self.columns),
                f"row {number} of table {self.id} has {len(row)} cells, "
                f"expected {len(self.columns)} (one per column)",
            )


@dataclass(frozen=True, slots=True, kw_only=True)
class Option:
    """One answer option of a multiple-choice question."""

    label: str
    """The option's letter as written in the notes (``A``, ``B`` …)."""
    text: str
    correct: bool = False

    def __post_init__(self) -> None:
        _require_text(self.label, "option label")
        _require_text(self.text, f"text of option {self.label}")


@dataclass(frozen=True, slots=True, kw_only=True)
class MCQ(_Item):
    """A multiple-choice question with one or more correct options."""

    stem: str
    options: tuple[Option, ...]
    explanation: str = ""
    kind: Kind = field(default="mcq", init=False)

    def __post_init__(self) -> None:
        _Item.__post_init__(self)
        _require_text(self.stem, f"stem of question {self.id}")
        _require(len(self.options) >= 2, f"question {self.id} needs at least two options")
        labels = [option.label for option in self.options]
        _require(len(set(labels)) == len(labels), f"question {self.id} repeats an option label")
        _require(self.answers != (), f"question {self.id} has no correct option")

    @property
    def answers(self) -> tuple[str, ...]:
        """Labels of the correct options, in option order."""
        return tuple(option.label for option in self.options if option.correct)


@dataclass(frozen=True, slots=True, kw_only=True)
class Cloze(_Item):
    """A sentence with parts to recall: Anki's ``{{c1::answer}}`` / ``{{c1::answer::hint}}`` markers in
    inline Markdown (highlights ``==x==`` already numbered by the parser). One Anki card per number."""

    text: str
    """The sentence (or whole list item) holding at least one cloze marker."""
    extra: str = ""
    """What the notes say under it without a cloze (a list item's nested bullets): shown on the back."""
    kind: Kind = field(default="cloze", init=False)

    def __post_init__(self) -> None:
        _Item.__post_init__(self)
        _require_text(self.text, f"text of cloze {self.id}")
        _require("{{c" in self.text, f"cloze {self.id} hides nothing: mark a part with {{{{c1::…}}}}")
        numbers = [int(number) for number in _CLOZE_NUMBER.findall(self.text)]
        if not all(0 < number <= MAX_CLOZE for number in numbers):  # rare: is it shown as code?
            numbers = [int(number) for number in _CLOZE_NUMBER.findall(_CODE_SPAN.sub("", self.text))]
        _require(
            all(0 < number <= MAX_CLOZE for number in numbers),
            f"cloze {self.id} numbers a card Anki has not (c1 to c{MAX_CLOZE})",
        )


Item = Card | ComparisonTable | MCQ | Cloze


@dataclass(frozen=True, slots=True, kw_only=True)
class Passage:
    """A block of the notes as written: a paragraph, or one list item with what is nested in it.

    Printed outputs show a section whole, so they need the plain bullets and paragraphs between the
    cards too; the study items stay the only thing Anki, CSV and JSON read."""

    source: SourceLocation
    part: str = ""
    section: tuple[str, ...] = ()
    text: str
    """Inline and nested Markdown of the block (a list item without its own marker)."""
    marker: str = ""
    """The item's list marker as printed (``•``, ``3.``); empty for a paragraph."""

    def __post_init__(self) -> None:
        _require_text(self.text, f"text of the passage at {self.source}")


@dataclass(frozen=True, slots=True)
class Picture:
    """A picture the notes show, named after its bytes: the same picture used twice is one file, and a
    changed picture is a new file (Anki never shows a stale copy under an old name)."""

    name: str
    """``ccpkit-<digest>.<png|jpg|gif|svg>``: the ``src`` the item's text uses for it."""
    data: bytes = field(repr=False)
    """Left out of ``repr``: the name already says which bytes these are."""
    file_name: str = ""
    """The name of the file it was read from (``red.png``): a table's row labelled by the picture alone
    is known by it, whatever its bytes (``item_ids.row_key``)."""

    def __post_init__(self) -> None:
        _require_text(self.name, "picture name")
        _require("/" not in self.name and "\\" not in self.name, f"picture name {self.name!r} is a path")


@dataclass(frozen=True, slots=True, kw_only=True)
class Module:
    """One course module: a numbered group of items, one Anki subdeck, one cram sheet."""

    number: int
    slug: str
    """Folder-derived identifier, e.g. ``02-compute-in-the-cloud``; prefixes every item id."""
    title: str
    items: tuple[Item, ...] = ()
    passages: tuple[Passage, ...] = ()
    """The module's notes as written, in notes order, except tables and questions (printed outputs)."""
    pictures: tuple[Picture, ...] = ()
    """The pictures its items and passages show, each once, under the names their text uses. In its
    ``repr``, which digests of a module read, by those names and their files' names (a table's row
    labelled by a picture is known by its file's name), never by their bytes."""

    def __post_init__(self) -> None:
        _require(self.number >= 0, f"module number must be 0 or more, got {self.number}")
        _require_text(self.slug, "module slug")
        _require_text(self.title, f"title of module {self.slug}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Deck:
    """The whole course: every module in order. Item ids are unique across it."""

    title: str
    modules: tuple[Module, ...] = ()

    def __post_init__(self) -> None:
        _require_text(self.title, "deck title")
        ids = [item.id for module in self.modules for item in module.items]
        if len(set(ids)) != len(ids):  # a deck may hold 50,000 items: which repeats is looked for only then
            self._reused_id()
        slugs = [module.slug for module in self.modules]
        _require(len(set(slugs)) == len(slugs), "two modules share a slug")

    def _reused_id(self) -> None:
        """Raise at the first item whose id an item before it has."""
        seen: dict[str, SourceLocation] = {}
        for item in self.items():
            if item.id in seen:
                raise ModelError(f"id {item.id} is used at {seen[item.id]} and {item.source}")
            seen[item.id] = item.source

    def items(self) -> Iterator[Item]:
        """Every item of every module, in notes order."""
        for module in self.modules:
            yield from module.items

    def without_passages(self) -> Deck:
        """The deck without the notes as written, for formats that read only its items: the prose
        between the items may hold as much text as they do."""
        return replace(self, modules=tuple(replace(module, passages=()) for module in self.modules))

    @property
    def pictures(self) -> tuple[Picture, ...]:
        """Every module's pictures, each name once, in notes order."""
        named = {picture.name: picture for module in self.modules for picture in module.pictures}
        return tuple(named.values())

    @property
    def cards(self) -> tuple[Card, ...]:
        return tuple(item for item in self.items() if isinstance(item, Card))

    @property
    def tables(self) -> tuple[ComparisonTable, ...]:
        return tuple(item for item in self.items() if isinstance(item, ComparisonTable))

    @property
    def mcqs(self) -> tuple[MCQ, ...]:
        return tuple(item for item in self.items() if isinstance(item, MCQ))

    @property
    def clozes(self) -> tuple[Cloze, ...]:
        return tuple(item for item in self.items() if isinstance(item, Cloze))
