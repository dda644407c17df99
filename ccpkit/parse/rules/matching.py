"""Matching exercises, as quiz sheets set them: words that ask to match (``Match each service to its
use.``), a numbered list, a lettered one, and the pairs as the answer (``Answer: 1-b, 2-a, 3-c``). Each
pair is one thing to recall, so each is a card: the numbered item asks, its letter's item answers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial

from ccpkit.errors import Problem
from ccpkit.model import Item
from ccpkit.parse.context import Context
from ccpkit.parse.document import LISTS, item_words, paragraph_words
from ccpkit.parse.tree import Node
from ccpkit.regex import regex

_ASKS_TO_MATCH = regex(
    r"(?:(?:\*\*|__)?(?i:q(?:uestion)?\s*)?\d+[.):]?(?:\*\*|__)?\s+)?(?P<asked>(?i:match)\b[^\n]*)"
)
"""Words that ask to match, maybe after the question's number: ``**Question 5.** Match each …``."""
_LETTERED = regex(r"[ \t]*(?:[-*+][ \t]+)?\(?(?P<letter>[A-Ha-h])[.)][ \t]+(?P<text>\S.*)")
"""An item of the lettered list: ``a. Message queue``, ``B) Streaming``, ``- c. …``."""
_LABELLED = regex(
    r"(?:\*\*|__)?(?i:answers?|ans|key|solutions?)\.?[ \t]*:?(?:\*\*|__)?[ \t]*:?[ \t]*(?P<said>.+)"
)
"""The answer's line: ``**Answer:** …``, ``Key: …``."""
_PAIR = regex(r"(?P<number>\d{1,2})\s*(?:[-\u2013\u2014:=>)]|->|\u2192)?\s*\(?(?P<letter>[A-Ha-h])\b")
"""One pair of the answer: ``1-b``, ``2 → a``, ``3:c``, ``1b``."""


def extract_matching(ctx: Context) -> Iterator[Item | Problem]:
    """A card per pair of every matching exercise in the file."""
    nodes = [block.node for block in ctx.doc.blocks]
    sections = [block.section for block in ctx.doc.blocks]
    for index, node in enumerate(nodes):
        asked = _ASKS_TO_MATCH.fullmatch(paragraph_words(node).strip())
        exercise = nodes[index + 1 : index + 4]
        if asked is None or len(exercise) < 3 or any(map(ctx.is_claimed, (node, *exercise))):
            continue
        numbered, lettered, answer = exercise
        left = [item_words(item) for item in numbered.children] if numbered.type == "ordered_list" else []
        right = _lettered_items(lettered)
        pairs = _pairs(paragraph_words(answer))
        if len(left) < 2 or not all(left) or len(right) < 2 or not pairs:
            continue
        ctx.claim(node, *exercise)
        lead_in = asked["asked"].rstrip(" .:")
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
                common = ctx.common("card", front, numbered.children[number - 1], sections[index])
                yield ctx.build(node, partial(common.card, front=front, back=back, lead_in=lead_in))


def _lettered_items(node: Node) -> dict[str, str]:
    """The lettered list's items by lower-case letter, written as lines or as bullets; none for any
    other block."""
    lines = paragraph_words(node).split("\n") if node.type == "paragraph" else []
    if node.type in LISTS:
        lines = [item_words(item) for item in node.children]
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
