"""A question in lettered parts answered part by part, as exam papers and homework write it:

    **Q3.** Answer the following.
    (a) Define elasticity.
    (b) Give two benefits of the cloud.
    **Answer:**
    (a) The ability to grow and shrink with demand.
    (b) No upfront cost, and global reach in minutes.

The parts look like a multiple-choice question's options, the answers like a lettered list; read as
that, the question has no answer. Each part and its model answer is a card instead."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ccpkit.errors import Problem
from ccpkit.model import Item
from ccpkit.parse.context import Context
from ccpkit.parse.document import heading_text
from ccpkit.parse.rules.answers import ANSWER_ABROAD, plain
from ccpkit.parse.rules.options import DraftOption, asks, instructs
from ccpkit.parse.rules.questions import Draft
from ccpkit.parse.tree import Node

_ANSWERS_LABEL = re.compile(
    rf"(?i)(?:(?:model|suggested|sample|expected|possible)\s+)?(?:answers?|solutions?|{ANSWER_ABROAD})"
    r"\s*[:\uff1a]?"
)
"""A line or heading that labels the answers below it and says nothing else: ``**Answer:**``, ``Model
answers``, ``### Answers``."""
_ONLY_INSTRUCTS = re.compile(
    r"(?i)^(?:(?:question|exercise|problem|task|q)\s*\d+[.:)]?\s+)?(?:answer|attempt|respond\s+to|complete)\b"
    r".*\b(?:following|all|both|each|any|parts?|questions?)\W*$"
)
"""A question's words that only say to answer its parts (``Answer the following.``, ``Exercise 5.
Answer all parts.``): no context."""
_MARKS = re.compile(r"\s*[\[(]\d+\s*(?:marks?|points?|pts)[\])]\s*$", re.I)
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
        found += _cards(ctx, asked, answers.options)
        index += 2
    return left, found


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


def _cards(ctx: Context, asked: Draft, answers: Sequence[DraftOption]) -> Iterator[Item | Problem]:
    """A card per answered part, asking it under the question's own words when they say more than
    "answer the following"."""
    by_label = {option.label: option.text for option in answers}
    stem = "" if _ONLY_INSTRUCTS.match(plain(asked.stem).strip()) else asked.stem
    for part in asked.options:
        answer = by_label.get(part.label)
        if answer is None:
            message = f"part ({part.label.lower()}) has no answer in the list below: add one, or drop it"
            yield Problem(ctx.at(part.node), message, "warning")
            continue
        words = _MARKS.sub("", part.text)
        front = f"{stem}\n\n{words}" if stem else words
        pinned = f"{asked.pinned}/{part.label.lower()}" if asked.pinned else ""
        fields = ctx.common("card", front, asked.start, asked.section, pinned)
        yield from ctx.cards(asked.start, fields, front, answer, both_ways=False)
