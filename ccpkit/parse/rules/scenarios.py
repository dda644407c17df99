"""A scenario shared by several questions (``**Scenario:** A retailer …``, ``## Case study 2``, "Use the
following scenario to answer questions 3 and 4."): each of its questions is asked with it, or would
read "Which pricing model suits the steady base load?" with nothing to answer from."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from ccpkit.errors import Problem
from ccpkit.parse.context import Context
from ccpkit.parse.document import Block, heading_level, heading_text
from ccpkit.parse.tree import Node
from ccpkit.regex import regex

if TYPE_CHECKING:
    from ccpkit.parse.rules.questions import Draft

_LABEL = regex(
    r"^(?:scenario|case study|case)(?:\s+(?:\d+|[a-z]))?(?:\s*[:.]|\s+[-\u2013\u2014](?:\s|$)|$)", re.I
)
"""How a scenario is titled, once emphasis is off: ``Scenario:``, ``Case study 2 - MediCorp``,
``Scenario B.`` (not ``Scenario-based questions``)."""
_NUMBERS = (
    r"(\d+)(?:\s*,\s*(?:q\s*)?\d+){0,8}\s*(?:,\s*)?(?:-|\u2013|\u2014|to|and|&|through)\s*(?:q\s*)?(\d+)"
)
"""The numbers of the questions material is handed to, first and last captured: a range (``1-3``,
``Q1-Q3``, ``5 to 6``) or a list (``1, 2 and 3``, ``1, 2, and 3``, ``7 & 8``); ``_numbers_named`` reads
which."""
_INSTRUCTION = regex(
    r"^(?:(?:use|read|refer to|consider) the (?:following|scenario|case study|case|information|text)\b"
    r"|(?:the following|this) (?:scenario|case study|case|information) (?:applies|refers|relates)\b"
    rf"|questions?\s+{_NUMBERS}\s+(?:refer|relate|are based)\b)"
    r"[^.:\n]*[.:]?\s*",
    re.I,
)
"""The sentence that hands a scenario to the questions after it; it is no part of the scenario."""
_ANNOUNCEMENT = regex(
    rf"^[^.:\n]*?\b(?:questions?|q)\s*{_NUMBERS}[^.:\n]*[.:]?\s*",
    re.I,
)
"""A sentence naming a range of questions (``For questions 3 and 4, study the graph below.``, ``Q1-Q2
refer to the passage below.``): with words of ``_HANDS`` and a ``_MATERIAL`` in it, it hands what
follows to them, and is no part of it."""
_HANDS = regex(
    r"\b(?:(?:are|is)\s+based\s+on|(?:refer|relate)s?\s+to"
    r"|uses?\s+the\s+(?:following|[\w -]{1,30}?\s+below))\b"
    r"|^\W*for\s+(?:questions?|q)\b.*\b(?:study|read|look\s+at|examine|use|consult)\b",
    re.I,
)
"""How a sentence hands material over to the questions it names: ``are based on``, ``refer to``, ``use
the table below``, ``For questions 3 and 4, study …``; not ``Answer questions 1-3 in the spaces below``
(a rubric) nor ``Questions 1 and 2 both test the table below`` (a remark)."""
_MATERIAL = regex(
    r"\b(?:passage|excerpt|extract|information|table|graph|chart|figure|diagram|map|picture|image"
    r"|photo(?:graph)?|article|poem|source|scenario|case\s+study|story|cartoon|timeline|code|program"
    r"|listing|snippet)s?\b",
    re.I,
)
"""What may be handed to questions; ``below``, ``text``, ``data`` or ``case`` alone name nothing."""
_SHARED = frozenset({"paragraph", "blockquote", "table", "fence", "code_block", "html_block"})
"""Blocks a scenario goes on into: its words, a quoted passage, a table, code, a picture in HTML."""
_RANGE = regex(rf"\b(?:questions?|q)\s*{_NUMBERS}", re.I)
_COUNT = regex(r"\bnext\s+(two|three|four|five|\d+)\s+questions\b", re.I)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5}
_EMPHASIS = regex(r"[*_]+")
_PART = regex(
    r"(?P<label>(?:\*\*|__)?Q?\d+\s*\((?P<numbered>[a-h])\)(?:\*\*|__)?\s)|\(?(?P<letter>[a-h])\)\s"
)
"""A question's lettered part: ``(a) How long …?``, ``a) …``, or numbered with its question, as banks
label parts in bold (``**Q1(a)** How long …?``, shown as ``(a) …``)."""


def opens_scenario(markdown: str, above: str = "") -> bool:
    """Whether a paragraph starts a scenario for the questions after it (so it ends the explanation of
    the one before): not when it names the question ``above`` (``Questions 1 and 2 …`` in the
    explanation of question 1 speaks of it, and what it shows is its explanation's)."""
    first = _EMPHASIS.sub("", markdown.split("\n", 1)[0]).strip()
    return bool(_LABEL.match(first) or _instruction(first)) and not _names_number(first, _number(above))


def _instruction(line: str) -> re.Match[str] | None:
    """The sentence of ``line`` (emphasis off) that hands a scenario to questions, if it opens with one."""
    instructed = _INSTRUCTION.match(line)
    if instructed:
        return instructed
    found = _ANNOUNCEMENT.match(line)
    return found if found and _HANDS.search(found[0]) and _MATERIAL.search(found[0]) else None


def share_scenarios(ctx: Context, drafts: Sequence[Draft]) -> Iterator[Problem]:
    """Give each question of a scenario the scenario's text (``Draft.scenario``) and claim it. Its
    questions follow it up to the next scenario, the next heading of its level or above after the
    first of them, or a deeper heading of another topic after it; an instruction may name them
    (``questions 3 and 4``, ``the next two questions``): numbers it names that no question after it
    has are warned of at it, and when none has, questions numbered otherwise do not get it."""
    blocks = ctx.doc.blocks
    starts = {index for index in range(len(blocks)) if drafts and _starts(ctx, blocks[index], drafts)}
    index = 0
    while index < len(blocks):
        if index not in starts:
            index += 1
            continue
        block, end = blocks[index], index + 1
        while end < len(blocks) and _goes_on(ctx, blocks[end], end not in starts, _ranged(blocks[index:end])):
            end += 1
        said = blocks[index if block.node.type != "heading" else index + 1 : end]
        text = "\n\n".join(part for b in said if (part := _without_instruction(ctx.doc.source(b.node))))
        after = blocks[end - 1].node.line
        following = [draft for draft in drafts if draft.start.line > after]
        level = heading_level(block.node if block.node.type == "heading" else block.heading)
        first = following[0].start if following else None
        asking = {id(draft.start) for draft in drafts}
        bound = next(
            (
                b.node.line
                for at, b in enumerate(blocks[end:], start=end)
                if at in starts or (b.node.type == "heading" and _ends(b.node, level, first, asking))
            ),
            None,
        )
        asked, missing = _named([d for d in following if bound is None or d.start.line < bound], said)
        if not _reaches(blocks[end:], following, said):
            index = end  # `Homework questions 3-4 use the table below` over `### Self-check`: the lecture's
            continue
        if text and missing:
            numbers = ", ".join(str(number) for number in missing)
            message = (
                f"shared material for questions that are not below it ({numbers}): check the numbers it names"
            )
            yield Problem(ctx.at(block.node), message, "warning")
        if text and asked:
            for draft in asked:
                draft.scenario = "\n\n".join(part for part in (text, draft.scenario) if part)
            ctx.claim(*(b.node for b in said))
        index = end


def share_setups(drafts: Sequence[Draft]) -> None:
    """A question in lettered parts with options of their own (``A ball is dropped from 20 m.`` over
    ``(a) How long …?``, its options, ``(b) How fast …?``, its options): the words set above the
    first part are its stem's; each later part, lettered in turn, is asked with them too."""
    for index, draft in enumerate(drafts):
        *setup, asked = draft.stem.split("\n\n")
        if not setup or _part(asked) != "a":
            continue
        draft.stem = "\n\n".join([*setup, _lettered(asked)])
        for letter, later in zip("bcdefgh", drafts[index + 1 :], strict=False):
            if _part(later.stem) != letter:
                break
            later.stem = _lettered(later.stem)
            later.scenario = later.scenario or "\n\n".join(setup)


def _part(stem: str) -> str:
    """The letter of the part a stem opens with (``(b) …``, ``**Q1(b)** …``); "" for none."""
    found = _PART.match(stem)
    return (found["numbered"] or found["letter"]) if found else ""


def _lettered(stem: str) -> str:
    """A part's stem opening with its letter alone: ``**Q1(b)** What …?`` reads ``(b) What …?``."""
    found = _PART.match(stem)
    return f"({found['numbered']}) {stem[found.end() :]}" if found and found["label"] else stem


def _ends(heading: Node, level: int, first: Node | None, asking: set[int]) -> bool:
    """Whether a heading below a scenario ends its questions: one of its level or above (but the first
    question's own), or, after its first question, a title of another topic (no question's own)."""
    if heading_level(heading) <= level:
        return heading is not first
    return first is not None and heading.line > first.line and id(heading) not in asking


def _goes_on(ctx: Context, block: Block, unopened: bool, ranged: bool) -> bool:
    """Whether a scenario's text goes on into ``block``: a block no question took (a paragraph, a quoted
    passage, a table, a picture) that opens no other scenario (``unopened``), or an instruction saying
    which questions it is for, when no range is named yet (``ranged``): one naming another range opens
    material of its own."""
    if block.node.type not in _SHARED or ctx.is_claimed(block.node):
        return False
    if block.node.type != "paragraph":
        return unopened
    line = _EMPHASIS.sub("", block.node.children[0].content).strip()
    return unopened or (_instruction(line) is not None and not (ranged and _RANGE.search(line)))


def _ranged(said: Sequence[Block]) -> bool:
    return _RANGE.search(_words(said)) is not None


def _words(said: Sequence[Block]) -> str:
    return " ".join(block.node.children[0].content for block in said if block.node.type == "paragraph")


def _reaches(after: Sequence[Block], following: Sequence[Draft], said: Sequence[Block]) -> bool:
    """Whether material naming a range of questions is right over the first of them: the first question
    after it is the first it names (when numbered), with no heading between but that question's own."""
    numbered = _RANGE.search(_words(said))
    if numbered is None or not following:
        return True
    first = following[0]
    number = _number(first.question)
    if number is not None and number != int(numbered[1]):
        return False
    between = [b.node for b in after if b.node.line < first.start.line]
    return all(
        node.type != "heading" or (node is between[-1] and _names_number(heading_text(node), number))
        for node in between
    )


def _numbers_named(found: re.Match[str]) -> frozenset[int]:
    """The question numbers a ``_RANGE`` match names: every one of a range (``1-3``), only those listed
    (``1, 3 and 5``)."""
    first, last = int(found[1]), int(found[2])
    if _RANGE_END.search(found[0]):
        return frozenset(range(first, last + 1))
    return frozenset(map(int, _DIGITS.findall(found[0])))


_RANGE_END = regex(r"(?:-|\u2013|\u2014|\bto|\bthrough)\s*(?:q\s*)?\d+$", re.I)


def _number(question: str) -> int | None:
    """A question's number (``3`` of ``Q3``, ``N3``), if it has one."""
    found = _DIGITS.search(question)
    return int(found[0]) if found else None


_DIGITS = regex(r"\d+")


def _names_number(words: str, number: int | None) -> bool:
    """Whether ``words`` name question ``number``: in a range (``Questions 1 and 2``) or alone."""
    if number is None:
        return False
    ranged = _RANGE.search(words)
    if ranged:
        return number in _numbers_named(ranged)
    return number in map(int, _DIGITS.findall(words))


def _starts(ctx: Context, block: Block, drafts: Sequence[Draft]) -> bool:
    """Whether ``block`` opens a scenario: a labelled heading or paragraph, or an instruction naming no
    question above it (one that does speaks of a question asked already: see ``opens_scenario``)."""
    node = block.node
    if node.type == "heading":
        return _LABEL.match(_EMPHASIS.sub("", heading_text(node)).strip()) is not None
    if node.type != "paragraph" or ctx.is_claimed(node) or not opens_scenario(node.children[0].content):
        return False
    ranged = _RANGE.search(node.children[0].content)
    return ranged is None or not any(
        draft.start.line < node.line and _names_number(ranged[0], _number(draft.question)) for draft in drafts
    )


def _without_instruction(markdown: str) -> str:
    plain = _EMPHASIS.sub("", markdown).lstrip()
    found = _instruction(plain)
    return plain[found.end() :].strip() if found else markdown.strip()


def _named(drafts: list[Draft], said: Sequence[Block]) -> tuple[list[Draft], list[int]]:
    """The questions the scenario's words name, by number or count; all of them when they name none.
    Then the numbers named that no question has: when the questions are numbered and none is named,
    none gets the scenario (it is not theirs)."""
    words = _words(said)
    numbered, counted = _RANGE.search(words), _COUNT.search(words)
    if numbered:
        wanted = _numbers_named(numbered)
        numbers = {id(d): number for d in drafts if (number := _number(d.question)) is not None}
        named = [d for d in drafts if numbers.get(id(d)) in wanted]
        missing = sorted(wanted - {numbers[id(d)] for d in named})
        if named or not numbers:
            return named or drafts[: len(wanted)], missing if named else []
        return [], missing
    if counted:
        word = counted[1].lower()
        return drafts[: _COUNTS.get(word) or int(word)], []
    return drafts, []
