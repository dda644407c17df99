"""Questions answered further down the file, as textbooks and study guides end a chapter: a numbered
list of questions, then under a title naming answers (``## Answers``, ``Solutions``, a line
``**Answers:**``) a numbered list answering them in words. Each question and the answer of its number
make a card; an answer list of letters is an answer key, the multiple-choice rule's."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ccpkit.errors import Problem
from ccpkit.model import Item
from ccpkit.parse.context import Context
from ccpkit.parse.document import Block, heading_text
from ccpkit.parse.rules.answers import is_key_title, key_entry, plain
from ccpkit.parse.rules.flashcards import listed_question
from ccpkit.parse.rules.questions import item_numbers
from ccpkit.parse.tree import Node

_TASK = re.compile(
    r"(?i)^(?:explain|describe|define|compare|contrast|distinguish|differentiate|outline|summari[sz]e"
    r"|discuss|state|identify|give|name|calculate)\s+\S"
)
"""A review question set as a task: ``Define elasticity.``, ``Explain how a tide gauge is read.``"""


def extract_listed_answers(ctx: Context) -> Iterator[Item | Problem]:
    """A card per question answered in a numbered list under an answers title below it; an answer
    whose number no question above has, or a question of those lists left unanswered, is a warning."""
    blocks = ctx.doc.blocks
    for index in range(1, len(blocks)):
        title, answers = blocks[index - 1].node, blocks[index].node
        if answers.type != "ordered_list" or ctx.is_claimed(answers) or not _names_answers(title):
            continue
        worded = _worded_answers(ctx, answers)
        asked = _questions_above(ctx, blocks[: index - 1]) if worded else {}
        if not asked.keys() & worded.keys():
            continue
        ctx.claim(answers)
        answered: set[str] = set()
        for number, (item, answer) in worded.items():
            found = asked.get(number)
            if found is None:
                message = f"answer {number} matches no numbered question above it: check its number"
                yield Problem(ctx.at(item), message, "warning")
                continue
            question, text, section = found
            answered.add(number)
            ctx.claim(question, *question.children)
            fields = ctx.common("card", text, question, section)
            yield from ctx.cards(question, fields, text, answer, both_ways=False)
        for number, (question, _, _) in asked.items():
            if number not in answered and answered:
                message = f"question {number} has no answer in the list under {_title(title)!r}"
                yield Problem(ctx.at(question), message, "warning")


def _names_answers(node: Node) -> bool:
    """``## Answers``, ``### Solutions``, or a line ``**Answers:**`` of its own."""
    if node.type == "heading":
        return is_key_title(heading_text(node))
    return node.type == "paragraph" and is_key_title(node.children[0].content, line=True)


def _title(node: Node) -> str:
    """An answers title as read: ``Answers`` for ``## Answers`` and ``**Answers:**`` alike."""
    written = heading_text(node) if node.type == "heading" else node.children[0].content
    return plain(written).rstrip(":").strip()


def _worded_answers(ctx: Context, answers: Node) -> dict[str, tuple[Node, str]]:
    """Number → (item, answer as written) of a list that answers in words; empty for a list that
    names letters (``1. B``: an answer key) or holds an item with nothing in it."""
    worded = {}
    for item, number in zip(answers.children, item_numbers(answers), strict=True):
        if not item.children or item.children[0].type != "paragraph" or ctx.is_claimed(item):
            return {}
        first = item.children[0].children[0].content
        if key_entry(first, number, item) is not None:
            return {}
        worded[number] = (item, "\n\n".join(ctx.doc.written(block) for block in item.children).strip())
    return worded if len(worded) >= 2 else {}


def _questions_above(ctx: Context, blocks: Sequence[Block]) -> dict[str, tuple[Node, str, tuple[str, ...]]]:
    """Number → (item, question, section) of the numbered lists of questions above, up to the answers
    before them; none when two lists share a number (each section numbered from 1: which one the
    answers mean is for their own titles to say, and those are not read here)."""
    asked: dict[str, tuple[Node, str, tuple[str, ...]]] = {}
    for block in reversed(blocks):
        node = block.node
        if _names_answers(node):
            break
        if node.type != "ordered_list" or ctx.is_claimed(node):
            continue
        questions = [_question(item) for item in node.children]
        if not all(questions):
            continue
        for item, number, question in zip(node.children, item_numbers(node), questions, strict=True):
            if number in asked:
                return {}
            asked[number] = (item, question, block.section)
    return asked


def _question(item: Node) -> str:
    """A lone item's question (``What does …?``) or task (``Explain how …``), with nothing below it;
    empty if it is neither."""
    if len(item.children) != 1 or item.children[0].type != "paragraph":
        return ""
    asked = listed_question(item)
    if asked is not None:
        return asked
    written = item.children[0].children[0].content.strip()
    return written if "\n" not in written and _TASK.match(written) else ""
