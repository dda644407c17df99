"""Question-like blocks no question took: an answer line, a collapsed answer or a ``Question N``
heading with no lettered options to belong to. Without a word here the question would just vanish."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ccpkit.errors import Problem
from ccpkit.model import Item
from ccpkit.parse.context import Context
from ccpkit.parse.document import Block, heading_text
from ccpkit.parse.rules.answers import answer_in_details, answer_line, plain
from ccpkit.parse.tree import Node

_QUESTION_HEADING = re.compile(r"^[^\w]*(?:question|q)\s*#?\s*\d+\b", re.I)
_NESTING = ("bullet_list", "ordered_list", "list_item", "blockquote")
_NO_OPTIONS = (
    "no options found for this {what}: write the question's options as lines `A) …`, `B) …` "
    "(or a list `- A) …`) between its text and its answer"
)


def check_strays(ctx: Context) -> Iterator[Item | Problem]:
    """A warning at each answer or question heading that no question found (it was left out)."""
    blocks = ctx.doc.blocks
    for index, block in enumerate(blocks):
        if not _titles_question_below(ctx, blocks, index):
            yield from _strays(ctx, block.node)


def _titles_question_below(ctx: Context, blocks: Sequence[Block], index: int) -> bool:
    """Whether the block is a heading over a question written under headings of its own
    (``## Question 3`` over ``### Question``, ``### Options``): that question's title."""
    heading = blocks[index].node
    if heading.type != "heading" or ctx.is_claimed(heading):
        return False
    if not _QUESTION_HEADING.match(plain(heading_text(heading))):
        return False
    for block in blocks[index + 1 :]:
        if block.node.type == "heading" and _level(block.node) <= _level(heading):
            return False
        if block.node.type == "heading" and ctx.is_claimed(block.node):
            return True
    return False


def _level(heading: Node) -> int:
    return int(heading.tag[1:])


def _strays(ctx: Context, node: Node) -> Iterator[Problem]:
    if ctx.is_claimed(node):
        if node.type in ("bullet_list", "ordered_list"):  # a list of questions: an item none of them took
            for item in node.children:
                untaken = not any(ctx.is_claimed(child) for child in item.children)
                if len(item.children) > 1 and untaken and not ctx.is_claimed(item):
                    yield from _strays(ctx, item)
        return
    if node.type in _NESTING:
        for child in node.children:
            yield from _strays(ctx, child)
    elif node.type == "paragraph" and _answers(node.children[0].content):
        yield Problem(ctx.at(node), _NO_OPTIONS.format(what="answer"), "warning")
    elif node.type == "html_block" and "<details" in node.content.lower():
        answer = answer_in_details(node.content)
        if answer is not None and answer.letters:
            yield Problem(ctx.at(node), _NO_OPTIONS.format(what="collapsed answer"), "warning")
    elif node.type == "heading" and _QUESTION_HEADING.match(plain(heading_text(node))):
        yield Problem(ctx.at(node), _NO_OPTIONS.format(what="question heading"), "warning")


def _answers(text: str) -> bool:
    return any((answer := answer_line(line)) is not None and answer.letters for line in text.split("\n"))
