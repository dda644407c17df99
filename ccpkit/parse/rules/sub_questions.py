"""A question in lettered parts answered part by part, as exam papers and homework write it:

    **Q3.** Answer the following.
    (a) Define elasticity.
    (b) Give two benefits of the cloud.
    **Answer:**
    (a) The ability to grow and shrink with demand.
    (b) No upfront cost, and global reach in minutes.

The parts look like a multiple-choice question's options, the answers like a lettered list; read as
that, the question has no answer. Each part and its model answer is a card instead. Parts numbered
``(i)``, ``(ii)`` (or ``i.``, ``ii.``) are read here alone: they are no options to any other rule."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence

from ccpkit.errors import Problem
from ccpkit.model import Item
from ccpkit.parse.answer_words import ANSWER_ABROAD
from ccpkit.parse.context import Context, pinned_id
from ccpkit.parse.document import Block, heading_text
from ccpkit.parse.roman import ROMAN_NUMBER, ROMAN_NUMBERS
from ccpkit.parse.rules.answers import plain
from ccpkit.parse.rules.options import DraftOption, asks, instructs
from ccpkit.parse.rules.questions import Draft
from ccpkit.parse.tree import Node
from ccpkit.regex import regex

_ANSWERS_LABEL = regex(
    rf"(?i)(?:(?:model|suggested|sample|expected|possible)\s+)?(?:answers?|solutions?|{ANSWER_ABROAD})"
    r"\s*[:\uff1a]?"
)
"""A line or heading that labels the answers below it and says nothing else: ``**Answer:**``, ``Model
answers``, ``### Answers``."""
_ONLY_INSTRUCTS = regex(
    r"(?i)^(?:(?:question|exercise|problem|task|q)\s*\d+[.:)]?\s+)?(?:answer|attempt|respond\s+to|complete)\b"
    r".*\b(?:following|all|both|each|any|parts?|questions?)\W*$"
)
"""A question's words that only say to answer its parts (``Answer the following.``, ``Exercise 5.
Answer all parts.``): no context."""
_ROMAN_PART = regex(rf"(?:\((?P<bracketed>{ROMAN_NUMBER})\)|(?P<dotted>{ROMAN_NUMBER})[.)])\s+(?P<text>\S.*)")
"""A part numbered in lower-case roman numerals: ``(ii) Why …?``, ``ii. Define …``."""
_MARKS = regex(r"\s*[\[(]\d+\s*(?:marks?|points?|pts)[\])]\s*$", re.I)
"""What a part is worth, after its words: ``[10 marks]``, ``(4 points)``; nothing to recall."""


def answered_parts(ctx: Context, drafts: Sequence[Draft]) -> tuple[list[Draft], list[Item | Problem]]:
    """The drafts left once each question in parts, followed by its parts' answers, is taken out; and
    the cards of the parts (a part with no answer is a warning)."""
    left: list[Draft] = []
    found: list[Item | Problem] = []
    index = 0
    while index < len(drafts):
        asked = drafts[index]
        answers = drafts[index + 1] if index + 1 < len(drafts) else None
        label = _answers_label(ctx, asked, answers) if answers is not None else None
        if answers is None or label is None:
            left.append(asked)
            index += 1
            continue
        ctx.claim(label)  # read as an answer key's title (`**Model answers:**`), it is no draft's
        found += _cards(
            ctx, asked.stem, asked.options, answers.options, asked.start, asked.section, asked.pinned
        )
        index += 2
    return left, found


def roman_parts(ctx: Context) -> Iterator[Item | Problem]:
    """The cards of questions in roman-numbered parts (``(i)``, ``(ii)`` lines, below the question's
    words or in a paragraph of their own) whose parts are answered below an answers label (``**Answer:**``
    over ``(i) …`` lines, in its paragraph or the next)."""
    blocks = ctx.doc.blocks
    index = 0
    while index < len(blocks):
        asked = _numbered_parts(blocks, index, _asks_in_parts)
        answered = _numbered_parts(blocks, asked[0], _labels_answers) if asked is not None else None
        if (
            asked is None
            or answered is None
            or not all(_asks(part.text) for part in asked[2].values())
            or not set(answered[2]) <= set(asked[2])
            or any(ctx.is_claimed(block.node) for block in blocks[index : asked[0]])  # not the label: a key's
        ):
            index += 1
            continue
        start = blocks[index]
        ctx.claim(*(block.node for block in blocks[index : answered[0]]))
        parts, answers = asked[2].values(), answered[2].values()
        yield from _cards(ctx, asked[1], parts, answers, start.node, start.section, pinned_id(start.node))
        index = answered[0]


def _numbered_parts(
    blocks: Sequence[Block], index: int, opening: Callable[[str], bool]
) -> tuple[int, str, dict[str, DraftOption]] | None:
    """Lines ``(i) …``, ``(ii) …`` in order, below words that pass ``opening`` in the same paragraph
    (or a heading or paragraph of their own above theirs): the index past them, the words, the parts."""
    if index >= len(blocks) or blocks[index].node.type not in ("paragraph", "heading"):
        return None
    node = blocks[index].node
    words, *lines = (heading_text(node) if node.type == "heading" else node.children[0].content).split("\n")
    below = index + 1
    if not lines and below < len(blocks) and blocks[below].node.type == "paragraph":
        node, below = blocks[below].node, below + 1
        lines = node.children[0].content.split("\n")
    parts: dict[str, DraftOption] = {}
    for line in lines:
        match = _ROMAN_PART.fullmatch(line.strip())
        number = match and (match["bracketed"] or match["dotted"])
        if not match or len(parts) == len(ROMAN_NUMBERS) or number != ROMAN_NUMBERS[len(parts)]:
            return None
        parts[number] = DraftOption(number, match["text"], node)
    return (below, words, parts) if parts and opening(words) else None


def _asks_in_parts(words: str) -> bool:
    """Words over parts that ask each on its own (a question of its own over them is a quiz's)."""
    return not asks(words)


def _labels_answers(words: str) -> bool:
    return _ANSWERS_LABEL.fullmatch(plain(words).strip()) is not None


def _answers_label(ctx: Context, asked: Draft, answers: Draft) -> Node | None:
    """The label over ``answers`` when they are a lettered list under it right below ``asked``'s parts,
    answering some of them and nothing else; ``None`` when they are not."""
    blocks = ctx.doc.blocks
    if answers.start.top < (1 if answers.stem else 2):
        return None
    label = answers.start if answers.stem else blocks[answers.start.top - 1].node
    if label.type not in ("paragraph", "heading"):
        return None
    if (
        asked.answer is not None
        or asks(asked.stem)  # `Which …?` over options that ask (a grammar quiz's): a question
        or asked.worded is not None
        or any(option.checked for option in asked.options)
        or not all(_asks(option.text) for option in asked.options)
        or answers.answer is not None
        or answers.question
        or blocks[label.top - 1].node is not asked.options_node  # nothing between
        or not {option.label for option in answers.options} <= {option.label for option in asked.options}
    ):
        return None
    written = answers.stem or (heading_text(label) if label.type == "heading" else label.children[0].content)
    return label if _ANSWERS_LABEL.fullmatch(plain(written).strip()) else None


def _asks(part: str) -> bool:
    text = plain(part).strip()
    return len(text.split()) >= 2 and (text.endswith("?") or instructs(text))


def _cards(
    ctx: Context,
    asked: str,
    parts: Iterable[DraftOption],
    answers: Iterable[DraftOption],
    start: Node,
    section: tuple[str, ...],
    pinned: str,
) -> Iterator[Item | Problem]:
    """A card per answered part, asking it under the question's words (``asked``) when they say more
    than "answer the following"."""
    by_label = {option.label: option.text for option in answers}
    stem = "" if _ONLY_INSTRUCTS.match(plain(asked).strip()) else asked
    for part in parts:
        answer = by_label.get(part.label)
        if answer is None:
            message = f"part ({part.label.lower()}) has no answer in the list below: add one, or drop it"
            yield Problem(ctx.at(part.node), message, "warning")
            continue
        words = _MARKS.sub("", part.text)
        front = f"{stem}\n\n{words}" if stem else words
        fields = ctx.common("card", front, start, section, f"{pinned}/{part.label.lower()}" if pinned else "")
        yield from ctx.cards(start, fields, front, answer, both_ways=False)
