"""Questions answered by typing, as text2qti (and quiz tools after it) write them for Canvas: the
question, then its answer on a line of its own after ``=``:

    3.  How many bones are in the adult human body?
    =   206

``= 9.81 +- 0.01`` is a number and its tolerance (shown ``9.81 ± 0.01``), ``= [1.2, 1.4]`` a range
(``1.2 to 1.4``); several ``=`` lines are answers each accepted. Each is a card: the question its front,
the answer its back. Read as a paragraph, the ``=`` line would be the question's last words."""

from __future__ import annotations

from collections.abc import Iterator

from ccpkit.errors import Problem
from ccpkit.model import Item
from ccpkit.parse.context import Context
from ccpkit.parse.document import paragraph_words
from ccpkit.parse.rules.answers import plain
from ccpkit.parse.rules.options import asks
from ccpkit.parse.rules.questions import Draft
from ccpkit.parse.rules.review_pastes import results_questions
from ccpkit.parse.tree import Node
from ccpkit.regex import regex

_TYPED = regex(r"=[ \t]+(?P<answer>\S.*)")
"""An answer's line: ``=   206``, ``= 9.81 +- 0.01``, ``= [1.2, 1.4]``."""
_TOLERANCE = regex(r"(?P<value>[-+]?\d[\d.,]*)[ \t]*\+-[ \t]*(?P<tolerance>\d[\d.,]*)")
_RANGE = regex(r"\[[ \t]*(?P<low>[-+]?\d[\d.,]*)[ \t]*,[ \t]*(?P<high>[-+]?\d[\d.,]*)[ \t]*\]")


def typed_answers(ctx: Context) -> Iterator[Item | Problem | Draft]:
    """A card for each question of the file answered on ``=`` lines below it, at the top level or as
    a numbered list's item; and each of a results page's questions (``results_questions``), answered
    in words too."""
    yield from results_questions(ctx)
    for block in ctx.doc.blocks:
        node = block.node
        paragraphs = [node] if node.type == "paragraph" else _items_paragraphs(node)
        for paragraph in paragraphs:
            if ctx.is_claimed(paragraph) or ctx.is_claimed(node):
                continue
            found = _typed(paragraph_words(paragraph))
            if found is None:
                continue
            ctx.claim(paragraph)
            question, answers = found
            fields = ctx.common("card", question, paragraph, block.section)
            yield from ctx.cards(paragraph, fields, question, " or ".join(answers), both_ways=False)


def _items_paragraphs(node: Node) -> list[Node]:
    """The paragraph each item of a numbered list opens with (``1.  How many …?``)."""
    if node.type != "ordered_list":
        return []
    return [
        item.children[0] for item in node.children if item.children and item.children[0].type == "paragraph"
    ]


def _typed(words: str) -> tuple[str, list[str]] | None:
    """The question and its answers when ``words`` end in ``=`` lines under a question; ``None``
    otherwise."""
    if "=" not in words:  # no answer's line: most paragraphs, passed over at once
        return None
    lines = words.split("\n")
    asked, answered = [], []
    for line in lines:
        if found := _TYPED.fullmatch(line.strip()):
            answered.append(found["answer"].strip())
        else:
            asked.append(line)
    question = " ".join(line.strip() for line in asked)
    if not answered or lines[: len(asked)] != asked or not asks(plain(question)):
        return None
    return question, [_shown(answer) for answer in answered]


def within(value: str, tolerance: str) -> str:
    """A number and the tolerance an answer may miss it by (``100 ± 0.5``); the number alone when there
    is none (no tolerance, or ``0``)."""
    return f"{value} \u00b1 {tolerance}" if tolerance.strip() not in ("", "0") else value


def _shown(answer: str) -> str:
    """An answer as a student reads it: a tolerance as ``±``, a range as ``low to high``."""
    if found := _TOLERANCE.fullmatch(answer):
        return f"{found['value']} \u00b1 {found['tolerance']}"
    if found := _RANGE.fullmatch(answer):
        return f"{found['low']} to {found['high']}"
    return answer
