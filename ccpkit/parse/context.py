"""What a rule knows while it reads one file: the module, the document, and which blocks are taken."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ccpkit.errors import Problem
from ccpkit.item_ids import item_id, slug
from ccpkit.model import MCQ, Card, Cloze, ComparisonTable, Item, Kind, ModelError, Option, SourceLocation
from ccpkit.parse.document import TRAILING_TAGS, Document
from ccpkit.parse.inka import inka_section
from ccpkit.parse.tree import Node
from ccpkit.regex import regex

if TYPE_CHECKING:
    from ccpkit.parse.rules.answers import Answer

USABLE_ID = regex(r"^[A-Za-z0-9][\w.-]*(?:/[A-Za-z0-9][\w.-]*)*$", re.ASCII)
"""What a pinned id may look like: ids end up in file names, tags and search queries, so no ``..``,
no leading ``/``, no spaces."""


_BLOCK_ID = regex(r"(?<![ \t])[ \t]+\^[A-Za-z0-9][A-Za-z0-9-]*[ \t]*$", re.MULTILINE)
"""An Obsidian block's id ending its line (``… make ATP. ^mito1``, the Flashcards plugin's ``#card
^1234567``): where links point, no part of what the line says. Looked for from the start of each run
of spaces alone, not again from each of its spaces."""


def unblocked(text: str) -> str:
    """``text`` without the Obsidian block ids ending its lines."""
    return _BLOCK_ID.sub("", text) if "^" in text else text


def _trailing_tags(side: str) -> re.Match[str] | None:
    """The Obsidian tags ending a card's side; every tag holds its ``#``, so a side of none (most) is
    not searched."""
    return TRAILING_TAGS.search(side) if "#" in side else None


@dataclass(frozen=True, slots=True, kw_only=True)
class CommonFields:
    """The fields every item shares, worked out by ``Context.common``; a rule adds its kind's own
    fields by building the item from here, so every field is named and type-checked."""

    id: str
    module: str
    source: SourceLocation
    part: str
    section: tuple[str, ...]
    tags: tuple[str, ...]

    def tagged(self, text: str) -> CommonFields:
        """These fields with the tags an author listed in ``text`` (``garden, tools #spring``: words
        parted by spaces or commas, a ``#`` before one dropped) after the file's, each once."""
        listed = (word.lstrip("#") for word in re.split(r"[\s,]+", text))
        return replace(
            self, tags=(*self.tags, *(t for t in dict.fromkeys(listed) if t and t not in self.tags))
        )

    def card(self, *, front: str, back: str, lead_in: str = "") -> Card:
        """A card; Obsidian tags ending a side (``Simple servers. #compute #beginner``) are its tags."""
        front, back = unblocked(front), unblocked(back)
        front_tags, back_tags = _trailing_tags(front), _trailing_tags(back)
        listed = " ".join(found[0] for found in (front_tags, back_tags) if found)
        return Card(
            id=self.id,
            module=self.module,
            source=self.source,
            part=self.part,
            section=self.section,
            tags=self.tagged(listed).tags if listed else self.tags,
            front=front[: front_tags.start()] if front_tags else front,
            back=back[: back_tags.start()] if back_tags else back,
            lead_in=lead_in,
        )

    def table(
        self, *, title: str, columns: tuple[str, ...], rows: tuple[tuple[str, ...], ...]
    ) -> ComparisonTable:
        return ComparisonTable(
            id=self.id,
            module=self.module,
            source=self.source,
            part=self.part,
            section=self.section,
            tags=self.tags,
            title=title,
            columns=columns,
            rows=rows,
        )

    def mcq(self, *, stem: str, options: tuple[Option, ...], explanation: str) -> MCQ:
        return MCQ(
            id=self.id,
            module=self.module,
            source=self.source,
            part=self.part,
            section=self.section,
            tags=self.tags,
            stem=unblocked(stem),
            options=options,
            explanation=unblocked(explanation),
        )

    def cloze(self, *, text: str, extra: str) -> Cloze:
        return Cloze(
            id=self.id,
            module=self.module,
            source=self.source,
            part=self.part,
            section=self.section,
            tags=self.tags,
            text=unblocked(text),
            extra=unblocked(extra),
        )


@dataclass(frozen=True, slots=True)
class Context:
    """Per-file state shared by the rules; ``claimed`` lets an earlier rule keep a block to itself."""

    module: str
    doc: Document
    claimed: set[int] = field(default_factory=set)
    claims: list[int] = field(default_factory=list)
    """``claimed`` in the order of claiming, so a rule can give back what it took since a point."""
    made_at: set[int] = field(default_factory=set)
    """The lines where the items made so far start: a section holding one is no question left unanswered."""
    highlight_clozes: bool = True
    """Whether ``==text==`` is a cloze (``[notes] highlight_clozes`` in ``ccpkit.toml``)."""
    tags: dict[Kind, tuple[str, ...]] = field(default_factory=dict)
    """Each kind's tags in this file, made once: every item of a kind shares the tuple."""
    in_a_deck: bool = False
    """The file is a flashcard tool's: it carries Obsidian Spaced Repetition's deck tag (``#flashcards``)
    or RemNote's cards (``- a >> b``); its ``Term :: Definition`` lines are cards, not Dataview fields."""
    remnote: bool = False
    """The file holds RemNote's cards (two bullets or more of ``a >> b``, ``a <> b``): their separators
    are read, which elsewhere are shell redirects, streams and menus."""
    asked_in_headings: bool = False
    """The file asks in headings as interview handbooks do (three or more like ``### What is
    Hoisting``, with their ``?`` or without): such a heading asks, as one with its ``?`` does anywhere,
    and so does a prompt (``### Explain decorators``)."""
    numbered_questions: frozenset[str] = frozenset()
    """The heading levels (``h5``) whose numbered headings are questions, as a handbook numbers them:
    three or more of them, at least half, ask with their question mark (``##### 3.&和&&的区别``, a
    full-width one), so the others ask too (``##### 2.Static Nested Class 和 Inner Class的不同``)."""
    numbered_labels: bool = False
    """The file is a bank of questions labelled in bold with their numbers (three or more lines like
    ``**7. Soru:** …``): such a line over an answer's line is a card even when it does not ask."""
    answered_in_quotes: bool = False
    """The file answers its questions in quotes, as question catalogues do (three or more lines that
    ask over a plain quote): each such pair is a card, where an essay's lone question over a quotation
    is rhetoric."""
    answered_on_lines: bool = False
    """The file is a quiz sheet of one-line paragraphs, each a question and its answer after it in bold
    or code (three or more: ``Who wrote Middlemarch? **George Eliot**``): each is a card, where a
    lecture's lone ``What's next? **Storage.**`` is its own rhetoric."""
    answered_below_lines: frozenset[int] = frozenset()
    """The sections (by their heading's id) that are sheets of review questions, each a paragraph of its
    question's line over its answer's line (three or more: ``What is osmosis?`` over ``The movement of
    water …``): each is a card under any title, where a lecture's lone such pair may be its rhetoric."""
    key_elsewhere: Document | None = None
    """A file of the module that holds the answer key of this file's questions (``test-1_key.md`` for
    ``test-1.md``): questions this file leaves unanswered take its entries."""
    answers_elsewhere: bool = False
    """This file is such a key: its entries answer another file's questions, not ones above them."""
    worded_key: dict[str, Answer] = field(default_factory=dict)
    """What this file's answer keys say, as words, by question number (``unpadded``), read before its
    questions: plain bullets closing a numbered question are its options when its entry names one of
    them by its words (``1. Jupiter``, ``1. A/B test, because …``); a key's letter alone does not (it
    may answer another list's question of that number)."""

    def at(self, node: Node) -> SourceLocation:
        return SourceLocation(path=self.doc.path, line=self.doc.line_of(node))

    def problem(self, node: Node, message: str) -> Problem:
        return Problem(self.at(node), message)

    def claim(self, *nodes: Node) -> None:
        ids = [id(node) for node in nodes]
        self.claimed.update(ids)
        self.claims.extend(ids)

    def give_back(self, claims: list[int]) -> None:
        """Unclaim blocks a rule took and does not use after all: the others may read them."""
        self.claimed.difference_update(claims)

    def is_claimed(self, node: Node) -> bool:
        return id(node) in self.claimed

    def common(
        self, kind: Kind, key: str, node: Node, section: tuple[str, ...], pinned: str = ""
    ) -> CommonFields:
        """The fields every item shares: id (pinned or derived from ``key``), module, part, tags (and
        those of the section of inka's cards it is in) …"""
        fields = CommonFields(
            id=pinned or item_id(self.module, kind, unblocked(key)),
            module=self.module,
            source=self.at(node),
            part=self.doc.part,
            section=section,
            tags=self.tags.setdefault(kind, (self.module, kind, slug(self.doc.part))),
        )
        inka = inka_section(self.doc.inka_sections, node.line) if self.doc.inka_sections else None
        return fields.tagged(inka.tags) if inka is not None else fields

    def build(self, node: Node, make: Callable[[], Item]) -> Item | Problem:
        """Construct an item; a model invariant it breaks becomes a problem at the item, not a crash."""
        try:
            item = make()
        except ModelError as error:
            return self.problem(node, f"{error}; this item was left out")
        if not USABLE_ID.match(item.id):
            message = (
                f"pinned id {item.id!r} cannot be used: write words of letters, digits, '-', '_' or '.' "
                "joined by '/', like {#ec2-pricing}"
            )
            return self.problem(node, message)
        return item

    def cards(
        self, node: Node, fields: CommonFields, front: str, back: str, *, both_ways: bool
    ) -> list[Item | Problem]:
        """The card asking ``front``, and with ``both_ways`` the reverse one, whose id is the forward
        one's plus ``/reverse``: each keeps its history while the other side alone is reworded."""
        forward = self.build(node, lambda: fields.card(front=front, back=back))
        if not both_ways:
            return [forward]
        reverse = replace(fields, id=f"{fields.id}/reverse")
        return [forward, self.build(node, lambda: reverse.card(front=back, back=front))]


def pinned_id(*nodes: Node | None) -> str:
    """An author's ``{#id}`` on the first of ``nodes`` that has one."""
    for node in nodes:
        if node is not None and node.type != "root":
            value = node.attrs.get("id")
            if isinstance(value, str) and value:
                return value
    return ""
