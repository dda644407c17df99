"""Exercises written for R/exams (an ``.Rmd`` file each), in its Markdown sections:

    Question
    ========
    Which layer holds most of the ozone?

    Answerlist
    ----------
    * Troposphere
    * Stratosphere

    Solution
    ========
    It lies 15 to 35 km up.

    Meta-information
    ================
    extype: schoice
    exsolution: 01

``exsolution`` marks the right options in order (``schoice``, ``mchoice``); the ``Solution``'s own
``Answerlist`` says why each is right or wrong. A ``num`` or ``string`` exercise's ``exsolution`` is
its answer: a card. An exercise whose words R computes (`` `r a` ``) is drawn afresh each time, so it
holds no one question to study: it is reported, as is a ``cloze`` one, not read."""

from __future__ import annotations

import itertools
import string
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ccpkit.errors import Problem
from ccpkit.model import Item
from ccpkit.parse.context import Context
from ccpkit.parse.document import Block, heading_text, item_words, paragraph_words
from ccpkit.parse.rules.options import DraftOption, reason_line
from ccpkit.parse.rules.questions import Draft
from ccpkit.parse.rules.typed_answers import within
from ccpkit.parse.tree import Node
from ccpkit.regex import regex

_SECTION = regex(r"(?i)(?P<name>question|solution|meta-?information)")
"""The headings R/exams parts an exercise by (``Answerlist`` is one's list, not a part)."""
_ANSWERLIST = regex(r"(?i)answer\s*list")
_META_LINE = regex(r"(?P<key>ex[a-z]+)[ \t]*:(?P<value>.*)")
"""A line of the meta-information: ``extype: schoice``, ``exsolution: 0100``."""
_COMPUTED = regex(r"`r[ \t]")
"""Inline R code (`` `r round(a, 2)` ``): words R writes anew each time the exercise is drawn."""
_CHOICES = ("schoice", "mchoice")
_TYPED = ("num", "string")


@dataclass(slots=True)
class _Part:
    """One part of an exercise: its heading, its words, and its ``Answerlist``'s items."""

    heading: Node
    section: tuple[str, ...]
    words: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    listed: Node | None = None
    nodes: list[Node] = field(default_factory=list)


def r_exercises(ctx: Context) -> Iterator[Draft | Item | Problem]:
    """A question (or a card) for each exercise of the file that its meta-information answers."""
    parts = _parts(ctx, ctx.doc.blocks)
    for index, (name, part) in enumerate(parts):
        if name != "question":
            continue
        following = itertools.islice(parts, index + 1, None)
        named = dict(itertools.takewhile(lambda found: found[0] != "question", following))
        meta = _meta(named["meta"]) if "meta" in named else {}
        if not meta:
            continue  # `## Question` over notes, as a flashcard's heading: no exercise without `ex…:` lines
        ctx.claim(*(node for used in (part, *named.values()) for node in (used.heading, *used.nodes)))
        yield from _exercise(ctx, part, named.get("solution"), meta)


def _parts(ctx: Context, blocks: Sequence[Block]) -> list[tuple[str, _Part]]:
    """The exercise parts of the file in order, by name (``question``, ``solution``, ``meta``), each
    with the blocks under its heading up to the next heading but an ``Answerlist`` (the
    meta-information only its paragraphs of ``ex…:`` lines): the notes go on after them."""
    parts: list[tuple[str, _Part]] = []
    taking = False
    for block in blocks:
        node = block.node
        named = _SECTION.fullmatch(heading_text(node)) if node.type == "heading" else None
        if named is not None and not ctx.is_claimed(node):
            name = named["name"].lower()
            parts.append(("meta" if name.startswith("meta") else name, _Part(node, block.section)))
            taking = True
        elif not parts or not taking or ctx.is_claimed(node) or _ends_part(parts[-1][0], node):
            taking = False  # `### Question 2` or a paragraph after the meta-information: the notes go on
        else:
            _add(ctx, parts[-1][1], node)
    return parts


def _ends_part(name: str, node: Node) -> bool:
    """Whether a block closes the part ``name``: a heading but ``Answerlist``, or, after the
    meta-information, any block but its ``ex…:`` lines."""
    if node.type == "heading":
        return not _ANSWERLIST.fullmatch(heading_text(node))
    lines = paragraph_words(node).split("\n")
    return name == "meta" and not all(_META_LINE.fullmatch(line.strip()) for line in lines)


def _add(ctx: Context, part: _Part, node: Node) -> None:
    """A block under a part's heading: an ``Answerlist`` heading, the list below it, or words (an R
    chunk, ```` ```{r} ````, as the `` `r …` `` R computes: its output is not in the file)."""
    part.nodes.append(node)
    if node.type == "heading" and _ANSWERLIST.fullmatch(heading_text(node)):
        part.listed = node
    elif part.listed is not None and node.type == "bullet_list" and not part.items:
        part.items = [item_words(item) for item in node.children]
        part.listed = node
    elif node.type == "fence" and node.info.lstrip().startswith("{r"):
        part.words.append("`r chunk`")
    else:
        part.words.append(paragraph_words(node) or ctx.doc.source(node))


def _meta(part: _Part) -> dict[str, str]:
    """The meta-information's ``exkey: value`` lines, by key."""
    lines = (line for words in part.words for line in words.split("\n"))
    found = (_META_LINE.fullmatch(line.strip()) for line in lines)
    return {match["key"].lower(): match["value"].strip() for match in found if match}


def _exercise(
    ctx: Context, question: _Part, solution: _Part | None, meta: dict[str, str]
) -> Iterator[Draft | Item | Problem]:
    """The exercise as a question or a card, or why it is not read."""
    kind = meta.get("extype", "").lower()
    stem = "\n\n".join(words.strip() for words in question.words if words.strip())
    said = meta.get("exsolution", "")
    written = [stem, *question.items, said, *(solution.words if solution else [])]
    if any(_COMPUTED.search(words) for words in written):
        message = (
            "R/exams exercise drawn by R (`r …` in its words, or an R chunk in its question) is not read: "
            "each drawing differs; "
            "write one drawing's numbers into the file to study it"
        )
        yield Problem(ctx.at(question.heading), message, "warning")
        return
    if kind not in (*_CHOICES, *_TYPED) or not stem or not said:
        message = (
            f"R/exams exercise of type `{kind or 'none'}` is not read: ccpkit reads `schoice`, "
            "`mchoice`, `num` and `string` exercises with a question and an `exsolution:`"
        )
        yield Problem(ctx.at(question.heading), message, "warning")
        return
    explanation = "\n\n".join(
        words.strip() for words in (solution.words if solution else []) if words.strip()
    )
    if kind in _TYPED:
        yield from _typed_card(ctx, question, stem, said, meta.get("extol", ""), explanation)
        return
    yield from _choice_question(ctx, question, stem, said, solution, explanation)


def _choice_question(
    ctx: Context, question: _Part, stem: str, said: str, solution: _Part | None, explanation: str
) -> Iterator[Draft | Problem]:
    """A question whose ``exsolution`` marks each option right (``1``) or wrong (``0``), in order."""
    marks = said.replace("|", "").strip()
    if len(marks) != len(question.items) or set(marks) - {"0", "1"} or not all(question.items):
        message = (
            f"R/exams `exsolution: {said}` does not mark each of the {len(question.items)} options of the "
            "`Answerlist` above with a 0 or a 1: the exercise is not read"
        )
        yield Problem(ctx.at(question.heading), message, "warning")
        return
    options_node = question.listed or question.heading
    options = [
        DraftOption(label, text, options_node, checked=mark == "1", boxed=True)
        for label, text, mark in zip(string.ascii_uppercase, question.items, marks, strict=False)
    ]
    reasons = solution.items if solution is not None and len(solution.items) == len(options) else []
    why = [
        reason_line(option, len(option.text), reason)
        for option, reason in zip(options, reasons, strict=False)
    ]
    draft = Draft(question.heading, "", stem, options, options_node, question.section, "")
    draft.explanation += [part for part in (explanation, "\n".join(why)) if part]
    yield draft


def _typed_card(
    ctx: Context, question: _Part, stem: str, said: str, tolerance: str, explanation: str
) -> Iterator[Item | Problem]:
    """A card asking the question, its back the answer (within its tolerance, ``±``), then why."""
    answer = within(said, tolerance)
    back = "\n\n".join(part for part in (answer, explanation) if part)
    fields = ctx.common("card", stem, question.heading, question.section)
    yield from ctx.cards(question.heading, fields, stem, back, both_ways=False)
