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
_INSTRUCTION = regex(
    r"^(?:(?:use|read|refer to|consider) the (?:following|scenario|case study|case|information|text)\b"
    r"|(?:the following|this) (?:scenario|case study|case|information) (?:applies|refers|relates)\b"
    r"|questions?\s+\d+\s*(?:-|\u2013|to|and|through)\s*\d+\s+(?:refer|relate|are based)\b)"
    r"[^.:\n]*[.:]?\s*",
    re.I,
)
"""The sentence that hands a scenario to the questions after it; it is no part of the scenario."""
_ANNOUNCEMENT = regex(
    r"^[^.:\n]*?\bquestions?\s*\d+\s*(?:-|\u2013|\u2014|to|and|through)\s*\d+[^.:\n]*[.:]?\s*", re.I
)
"""A sentence naming a range of questions (``For questions 3 and 4, study the graph below.``): with
words of ``_MATERIAL`` in it, it hands what follows to them, and is no part of it."""
_MATERIAL = regex(
    r"\b(?:following|below|passage|excerpt|extract|text|information|data|table|graph|chart|figure"
    r"|diagram|map|picture|image|scenario|case)\b",
    re.I,
)
_SHARED = frozenset({"paragraph", "blockquote", "table", "fence", "code_block", "html_block"})
"""Blocks a scenario goes on into: its words, a quoted passage, a table, code, a picture in HTML."""
_RANGE = regex(r"\b(?:questions?|q)\s*(\d+)\s*(?:-|\u2013|\u2014|to|and|through)\s*(?:q\s*)?(\d+)", re.I)
_COUNT = regex(r"\bnext\s+(two|three|four|five|\d+)\s+questions\b", re.I)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5}
_EMPHASIS = regex(r"[*_]+")
_PART = regex(
    r"(?P<label>(?:\*\*|__)?Q?\d+\s*\((?P<numbered>[a-h])\)(?:\*\*|__)?\s)|\(?(?P<letter>[a-h])\)\s"
)
"""A question's lettered part: ``(a) How long …?``, ``a) …``, or numbered with its question, as banks
label parts in bold (``**Q1(a)** How long …?``, shown as ``(a) …``)."""


def opens_scenario(markdown: str) -> bool:
    """Whether a paragraph starts a scenario for the questions after it (so it ends the explanation of
    the one before)."""
    first = _EMPHASIS.sub("", markdown.split("\n", 1)[0]).strip()
    return bool(_LABEL.match(first) or _instruction(first))


def _instruction(line: str) -> re.Match[str] | None:
    """The sentence of ``line`` (emphasis off) that hands a scenario to questions, if it opens with one."""
    found = _INSTRUCTION.match(line) or _ANNOUNCEMENT.match(line)
    return found if found and (found.re is _INSTRUCTION or _MATERIAL.search(found[0])) else None


def share_scenarios(ctx: Context, drafts: Sequence[Draft]) -> Iterator[Problem]:
    """Give each question of a scenario the scenario's text (``Draft.scenario``) and claim it. Its
    questions follow it up to the next scenario, the next heading of its level or above after the
    first of them, or a deeper heading of another topic after it; an instruction may name them
    (``questions 3 and 4``, ``the next two questions``): numbers it names that no question after it
    has are warned of at it, and when none has, questions numbered otherwise do not get it."""
    blocks = ctx.doc.blocks
    starts = {index for index in range(len(blocks)) if drafts and _starts(ctx, blocks[index])}
    index = 0
    while index < len(blocks):
        if index not in starts:
            index += 1
            continue
        block, end = blocks[index], index + 1
        while end < len(blocks) and _goes_on(ctx, blocks[end], end not in starts):
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


def _goes_on(ctx: Context, block: Block, unopened: bool) -> bool:
    """Whether a scenario's text goes on into ``block``: a block no question took (a paragraph, a quoted
    passage, a table, a picture) that opens no other scenario (``unopened``), or an instruction saying
    which questions it is for."""
    if block.node.type not in _SHARED or ctx.is_claimed(block.node):
        return False
    if block.node.type != "paragraph":
        return unopened
    return unopened or _instruction(_EMPHASIS.sub("", block.node.children[0].content).strip()) is not None


def _starts(ctx: Context, block: Block) -> bool:
    node = block.node
    if node.type == "heading":
        return _LABEL.match(_EMPHASIS.sub("", heading_text(node)).strip()) is not None
    return node.type == "paragraph" and not ctx.is_claimed(node) and opens_scenario(node.children[0].content)


def _without_instruction(markdown: str) -> str:
    plain = _EMPHASIS.sub("", markdown).lstrip()
    found = _instruction(plain)
    return plain[found.end() :].strip() if found else markdown.strip()


def _named(drafts: list[Draft], said: Sequence[Block]) -> tuple[list[Draft], list[int]]:
    """The questions the scenario's words name, by number or count; all of them when they name none.
    Then the numbers named that no question has: when the questions are numbered and none is named,
    none gets the scenario (it is not theirs)."""
    words = " ".join(block.node.children[0].content for block in said if block.node.type == "paragraph")
    numbered, counted = _RANGE.search(words), _COUNT.search(words)
    if numbered:
        first, last = int(numbered[1]), int(numbered[2])
        numbers = {id(d): int(n[0]) for d in drafts if (n := re.search(r"\d+", d.question))}
        named = [d for d in drafts if first <= numbers.get(id(d), 0) <= last]
        missing = sorted(set(range(first, last + 1)) - {numbers[id(d)] for d in named})
        if named or not numbers:
            return named or drafts[: last - first + 1], missing if named else []
        return [], missing
    if counted:
        word = counted[1].lower()
        return drafts[: _COUNTS.get(word) or int(word)], []
    return drafts, []
