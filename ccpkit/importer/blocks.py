"""The Markdown blocks an export part becomes, before heading levels are known."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ccpkit.importer.tab_tables import Table

HeadingStyle = Literal["toggle", "numbered", "plain", "title"]


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading line; its level is decided later from its style and the part it sits in."""

    text: str
    style: HeadingStyle
    line: int
    number: int | None = None  # the number of a ``3. Title`` heading


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class ListItem:
    level: int  # 0 = top level, 1 = child of the item above
    marker: str  # "-" or "3."
    text: str  # may hold continuation lines separated by "\n"
    line: int


@dataclass(frozen=True, slots=True)
class ListBlock:
    items: tuple[ListItem, ...]


@dataclass(frozen=True, slots=True)
class TableBlock:
    table: Table


@dataclass(frozen=True, slots=True)
class CodeBlock:
    lines: tuple[str, ...]
    line: int
    info: str = ""  # the fence's info string, e.g. "text"


@dataclass(frozen=True, slots=True)
class Question:
    """A multiple-choice question; ``answer`` is a letter once resolved (inline, by key, or inferred)."""

    qid: str  # the set's own id: "3", "Q7", "N1", "H12", "KC1"
    stem: tuple[str, ...]  # paragraphs
    options: tuple[str, ...]  # option texts, lettered A, B, C … in order
    line: int
    answer: str | None = None
    explanation: str | None = None


Block = Heading | Paragraph | ListBlock | TableBlock | CodeBlock | Question
