"""Questions answered by typing, as text2qti (and quiz tools after it) write them for Canvas: the
question, then its answer on a line of its own after ``=``:

    3.  How many bones are in the adult human body?
    =   206

``= 9.81 +- 0.01`` is a number and its tolerance (shown ``9.81 ± 0.01``), ``= [1.2, 1.4]`` a range
(``1.2 to 1.4``); several ``=`` lines are answers each accepted. Each is a card: the question its front,
the answer its back. Read as a paragraph, the ``=`` line would be the question's last words."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ccpkit.errors import Problem
from ccpkit.model import Item
from ccpkit.parse.context import Context
from ccpkit.parse.document import heading_text, paragraph_words
from ccpkit.parse.rules.answers import plain
from ccpkit.parse.rules.options import asks
from ccpkit.parse.rules.questions import FORM_SCORE, Draft, stem_number, without_score
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
    yield from _graded_answers(ctx)
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


def _graded_answers(ctx: Context) -> Iterator[Item | Problem]:
    """A card for each numbered question heading of a graded form's results that asks in words (``## 4. The
    fluid inside the cell is the ______. *   1/1``) over the answer typed, judged right (``cytoplasm
    ✓``, or no mark under a full score): the question its front (no number, no score), the answer its
    back. An answer judged wrong (``✗``, or a score short of full) is the respondent's, no card's: the
    ``Correct answer`` under it, when the form shows one, is the back; else a warning says none was
    given. Only in a file that reads as a graded form (a score on a heading, a ``Correct answer``
    label): in one's own notes, ``No ✗`` under ``## 1. Can penguins fly?`` is the answer as written."""
    blocks = ctx.doc.blocks
    graded: bool | None = None
    for index, block in enumerate(blocks[:-1]):
        heading, below = block.node, blocks[index + 1].node
        if heading.type != "heading" or below.type != "paragraph" or ctx.is_claimed(below):
            continue
        said = paragraph_words(below).strip()
        typed = _GRADED.fullmatch(said)
        number, words = stem_number(heading_text(heading))
        score = _SCORE.search(words)
        if typed is None and (score is None or "\n" in said or len(said) > _TYPED_LENGTH):
            continue
        question = without_score(words).strip()
        if not number or ctx.is_claimed(heading) or not asks(question):
            continue
        graded = _graded_form(ctx) if graded is None else graded
        if not graded:
            continue
        right = typed["right"] if typed is not None else _full(score)
        answer, used = (typed["answer"] if typed is not None else said).strip(), [heading, below]
        if not right:
            answer, used = (
                _shown_key(ctx, index + 2),
                [*used, *(key.node for key in blocks[index + 2 : index + 4])],
            )
            if not answer:
                ctx.claim(heading, below)
                yield Problem(ctx.at(below), _WRONG_UNKEYED, "warning")
                continue
        ctx.claim(*used)
        fields = ctx.common("card", question, heading, block.section)
        yield from ctx.cards(heading, fields, question, answer, both_ways=False)


def _full(score: re.Match[str] | None) -> bool:
    """Whether a heading's score is full (``1/1``): its answer typed was judged right."""
    return score is not None and float(score["got"]) >= float(score["of"])


def _graded_form(ctx: Context) -> bool:
    """Whether a file reads as a graded form's results: a heading scored (``… ? *   0/1``) or a
    ``Correct answer`` label of its own."""
    for block in ctx.doc.blocks:
        node = block.node
        if node.type == "heading" and _SCORE.search(heading_text(node)):
            return True
        if node.type == "paragraph" and _KEY_LABEL.fullmatch(paragraph_words(node).strip()):
            return True
    return False


_SCORE = regex(FORM_SCORE)
"""A graded form's score after a heading's question, as ``without_score`` takes it away."""
_TYPED_LENGTH = 80
"""At most this many characters in a typed answer with no mark under a scored heading."""


_WRONG_UNKEYED = (
    "answer judged wrong with no correct answer below it, so no card was made: write the right answer "
    "under a `Correct answer` line"
)


def _shown_key(ctx: Context, index: int) -> str:
    """The answer under a graded form's ``Correct answer`` label at block ``index`` (the label, then a
    paragraph of the answer), or ``""``."""
    blocks = ctx.doc.blocks
    if index + 1 >= len(blocks) or any(ctx.is_claimed(blocks[at].node) for at in (index, index + 1)):
        return ""
    label, key = blocks[index].node, blocks[index + 1].node
    if label.type != "paragraph" or key.type != "paragraph":
        return ""
    if not _KEY_LABEL.fullmatch(paragraph_words(label).strip()):
        return ""
    return paragraph_words(key).strip()


_GRADED = regex(
    r"(?P<answer>[^\n]{1,80}?)[ \t]+(?:(?P<right>\u2713|\u2714\ufe0f?|\u2705)|\u2717|\u2718|\u274c)"
)
"""A typed answer as a graded form shows it, judged: ``cytoplasm ✓``, ``cytosol ✗``."""
_KEY_LABEL = regex(r"(?:\*\*|__)?(?i:correct\s+answers?)(?:\*\*|__)?:?(?:\*\*|__)?")


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
