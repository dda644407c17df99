"""Matching exercises, as quiz sheets set them: words that ask to match (``Match each service to its
use.``), a numbered list, a lettered one (each maybe under a caption, ``Column A:``), or the two side by
side in a table (``| 1. Tug | A. Pushes ships |``), and the pairs as the answer (``Answer: 1-b, 2-a,
3-c``). Each pair is one thing to recall, so each is a card: the numbered item asks, its letter's item
answers."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial

from ccpkit.errors import Problem
from ccpkit.model import Item
from ccpkit.parse.context import Context
from ccpkit.parse.document import LISTS, item_words, paragraph_words
from ccpkit.parse.rules.options import table_cells
from ccpkit.parse.tree import Node
from ccpkit.regex import regex

_ASKS_TO_MATCH = regex(
    r"(?:(?:\*\*|__)?(?i:q(?:uestion)?\s*)?\d+[.):]?(?:\*\*|__)?\s+|\*\*|__)?(?P<asked>(?i:match)\b[^\n]*)"
)
"""Words that ask to match, maybe after the question's number (``**Question 5.** Match each …``) or in
bold."""
_LETTERED = regex(r"[ \t]*(?:[-*+][ \t]+)?\(?(?P<letter>[A-Ha-h])[.)][ \t]+(?P<text>\S.*)")
"""An item of the lettered list: ``a. Message queue``, ``B) Streaming``, ``- c. …``."""
_LABELLED = regex(
    r"(?:\*\*|__)?(?i:answers?|ans|key|solutions?)\.?[ \t]*:?(?:\*\*|__)?[ \t]*:?[ \t]*(?P<said>.+)"
)
"""The answer's line: ``**Answer:** …``, ``Key: …``."""
_PAIR = regex(r"(?P<number>\d{1,2})\s*(?:[-\u2013\u2014:=>)]|->|\u2192)?\s*\(?(?P<letter>[A-Ha-h])\b")
"""One pair of the answer: ``1-b``, ``2 → a``, ``3:c``, ``1b``."""


_CAPTION = regex(r"[^\n]{1,30}:(?:\*\*|__)?|(?:\*\*|__)[^*_\n]{1,30}(?:\*\*|__)")
"""A list's caption on a line of its own: ``Column A:``, ``**List I**``."""
_MOST_BLOCKS = 5
"""An exercise's blocks at most: a caption over each list, the two lists, the answer."""


@dataclass(frozen=True, slots=True)
class _Exercise:
    """What a matching exercise is written as: its blocks, the numbered items (each with the block it
    is written in) and the lettered ones by lower-case letter, and the block that answers."""

    blocks: tuple[Node, ...]
    left: list[tuple[str, Node]]
    right: dict[str, str]
    answer: Node


def extract_matching(ctx: Context) -> Iterator[Item | Problem]:
    """A card per pair of every matching exercise in the file."""
    nodes = [block.node for block in ctx.doc.blocks]
    sections = [block.section for block in ctx.doc.blocks]
    for index, node in enumerate(nodes):
        asked = _ASKS_TO_MATCH.fullmatch(paragraph_words(node).strip())
        exercise = _exercise(nodes[index + 1 : index + 1 + _MOST_BLOCKS]) if asked is not None else None
        if asked is None or exercise is None or any(map(ctx.is_claimed, (node, *exercise.blocks))):
            continue
        left, right, answer = [words for words, _ in exercise.left], exercise.right, exercise.answer
        pairs = _pairs(paragraph_words(answer))
        if not pairs:
            continue
        ctx.claim(node, *exercise.blocks)
        lead_in = asked["asked"].rstrip(" .:*_")
        wrong = [
            f"{number}-{letter}" for number, letter in pairs if number > len(left) or letter not in right
        ]
        if wrong or len(pairs) < len(left):
            told = f"names no item of the lists: {', '.join(wrong)}" if wrong else "leaves some item unpaired"
            message = f"matching exercise's answer {told}: give each numbered item its letter (`1-b, 2-a`)"
            yield ctx.problem(answer, message)
        for number, letter in pairs:
            if number <= len(left) and letter in right:
                front, back = left[number - 1].strip(), right[letter]
                common = ctx.common("card", front, exercise.left[number - 1][1], sections[index])
                yield ctx.build(node, partial(common.card, front=front, back=back, lead_in=lead_in))


def _exercise(following: Sequence[Node]) -> _Exercise | None:
    """The matching exercise the blocks below its words hold: a table of numbered and lettered items,
    or a numbered list and a lettered one, each maybe under its caption, then the answer; ``None`` for
    any other blocks."""
    if len(following) >= 2 and (table := _table_items(following[0])) is not None:
        return _Exercise(tuple(following[:2]), table[0], table[1], following[1])
    blocks = list(following)
    numbered = _after_caption(blocks)
    lettered = _after_caption(blocks)
    answer = blocks.pop(0) if blocks else None
    if numbered is None or lettered is None or answer is None or numbered.type != "ordered_list":
        return None
    left = [(item_words(item), item) for item in numbered.children]
    right = _lettered_items(lettered)
    if len(left) < 2 or not all(words for words, _ in left) or len(right) < 2:
        return None
    return _Exercise(tuple(following[: len(following) - len(blocks)]), left, right, answer)


def _after_caption(blocks: list[Node]) -> Node | None:
    """The next block of ``blocks`` (taken from them), past a caption over it (taken too)."""
    if len(blocks) >= 2 and _CAPTION.fullmatch(paragraph_words(blocks[0]).strip()):
        blocks.pop(0)
    return blocks.pop(0) if blocks else None


def _table_items(node: Node) -> tuple[list[tuple[str, Node]], dict[str, str]] | None:
    """The numbered items of a table's first column (``| 1. Tug |``) and the lettered ones of its
    second (``| A. Pushes ships |``), lettered in a run from ``a``; ``None`` for any other block."""
    body = node.children[1].children if node.type == "table" and len(node.children) > 1 else []
    rows = [(table_cells(row), row) for row in body]
    if len(rows) < 2 or any(len(cells) != 2 for cells, _ in rows):
        return None
    left = [(_NUMBERED.fullmatch(cells[0]), row) for cells, row in rows]
    right = _lettered_items_of([cells[1] for cells, _ in rows])
    numbers = [found["number"] if found else "" for found, _ in left]
    counted = numbers == [str(count) for count in range(1, len(rows) + 1)]
    if not counted or sorted(right) != list("abcdefgh"[: len(rows)]):
        return None
    return [(found["text"], row) for found, row in left if found], right


_NUMBERED = regex(r"(?P<number>\d{1,2})[.)][ \t]+(?P<text>\S.*)")
"""A numbered item in a table's cell: ``1. Tug``."""


def _lettered_items(node: Node) -> dict[str, str]:
    """The lettered list's items by lower-case letter, written as lines (maybe under their caption's,
    ``Column B:``) or as bullets; none for any other block."""
    lines = paragraph_words(node).split("\n") if node.type == "paragraph" else []
    if len(lines) > 2 and _CAPTION.fullmatch(lines[0].strip()) and not _LETTERED.fullmatch(lines[0]):
        lines = lines[1:]
    if node.type in LISTS:
        lines = [item_words(item) for item in node.children]
    return _lettered_items_of(lines)


def _lettered_items_of(lines: Sequence[str]) -> dict[str, str]:
    """Lines each lettered (``a. Message queue``) by lower-case letter; none unless every one is."""
    found = [_LETTERED.fullmatch(line) for line in lines]
    if not found or not all(found):
        return {}
    return {match["letter"].lower(): match["text"].strip() for match in found if match}


def _pairs(text: str) -> list[tuple[int, str]]:
    """The pairs an answer line gives (``**Answer:** 1-b, 2-a, 3-c``), each number once; none unless
    the line holds pairs alone."""
    labelled = _LABELLED.fullmatch(text.strip())
    words = labelled["said"] if labelled else ""
    found = list(_PAIR.finditer(words))
    rest = re.sub(r"[\s,;.&]|and", "", _PAIR.sub("", words))
    numbers = [int(match["number"]) for match in found]
    if not found or rest or len(set(numbers)) < len(numbers):
        return []
    return [(int(match["number"]), match["letter"].lower()) for match in found]
