"""Problems written in Open edX's simple editor: the question between ``>>`` and ``<<`` (Markdown would
read its ``>>`` as a quote in a quote, as it reads an email's reply; the ``<<`` tells them apart),
then its choices, ``( )`` and ``(x)`` for one right answer, ``[ ]`` and ``[x]`` for several, or a
dropdown, ``[[wrong, (right), wrong]]``; or its typed answer, ``= Paris`` (``or= paris`` another it
takes). ``{{…}}`` after a choice says why it is right or wrong,
``||…||`` lines are hints and ``[explanation]`` lines hold why: each goes to the question's explanation.

Read line by line from the label on, as edX reads them: the quotes and paragraphs Markdown makes of
these lines say nothing of where a problem ends."""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ccpkit.errors import Problem
from ccpkit.model import Item
from ccpkit.parse.context import Context
from ccpkit.parse.document import Block
from ccpkit.parse.rules.options import DraftOption, asks, reason_line
from ccpkit.parse.rules.questions import Draft
from ccpkit.parse.tree import Node
from ccpkit.regex import regex

_CHOICE = regex(r"\s*(?:\((?P<radio>\s?[xX]?\s?)\)|\[(?P<box>\s?[xX]?\s?)\])\s+(?P<text>\S.*)")
_TYPED = regex(r"\s*(?P<kind>=|or=|not=)\s*(?P<text>\S.*)")
"""``= Paris`` (the answer), ``or= paris`` (another it takes), ``not= Lyon`` (a wrong one it explains)."""
_HINT = regex(r"\s*\|\|(?P<text>.+?)\|\|\s*")
_EXPLANATION = regex(r"\s*\[explanation\]\s*", re.I)
_DROPDOWN = regex(r"\s*\[\[(?P<inner>[^\]]*?(?:,|\(.+\))[^\]]*|\s*)(?P<closed>\]\])?\s*")
"""``[[Venus, (Mercury), Mars]]`` (entries parted by commas, or one in brackets), or ``[[`` alone over
an entry a line; ``[[Light]]`` is an Obsidian link."""
_FEEDBACK = regex(r"\s*\{\{(?P<why>.*?)\}\}\s*$", re.S)
"""A choice's feedback after its words; a checkbox's is ``{{ selected: …}, { unselected: …}}``."""
_RIGHT_IN_DROPDOWN = regex(r"\((?P<text>.+)\)")
_ENDS = ("heading", "hr")


@dataclass(slots=True)
class _Problem:
    """A problem's lines, sorted by what they are."""

    label: str
    description: list[str] = field(default_factory=list)
    choices: list[tuple[bool, str]] = field(default_factory=list)
    """(ticked, words) of each choice or dropdown entry, in order."""
    typed: list[tuple[str, str]] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)
    explanation: list[str] = field(default_factory=list)

    def answered(self) -> bool:
        return bool(self.choices or self.typed)

    def size(self) -> tuple[int, ...]:
        """How many of each part it has: a block that adds none is no part of it."""
        return len(self.choices), len(self.typed), len(self.hints), len(self.explanation)


def edx_problems(ctx: Context) -> Iterator[Draft | Item | Problem]:
    """A question for each label that asks over choices, a card for each over a typed answer (``>>Capital
    of Italy<<`` over ``= Rome``); a label over neither, or over choices asking nothing (``>> TODO <<``
    over a to-do list), is no problem's: it stays a quote."""
    blocks = ctx.doc.blocks
    index = 0
    while index < len(blocks):
        problem, used = _read(ctx, _problem_blocks(ctx, blocks, index))
        if problem is not None and problem.answered() and (problem.typed or _asks(problem)):
            ctx.claim(*(block.node for block in blocks[index : index + used]))
            yield from _made(ctx, blocks[index], problem)
            index += used
        else:
            index += 1


def _asks(problem: _Problem) -> bool:
    return asks(" ".join([problem.label, *problem.description]))


def _problem_blocks(ctx: Context, blocks: Sequence[Block], start: int) -> Sequence[Block]:
    """The blocks that may be the problem whose label opens ``blocks[start]``: up to a heading, a rule,
    the next label or another section (none: no label there)."""
    first = blocks[start]
    if ctx.is_claimed(first.node) or not _opens_with_label(ctx, first.node):
        return []
    end = start + 1
    while end < len(blocks) and not (
        blocks[end].node.type in _ENDS
        or ctx.is_claimed(blocks[end].node)
        or blocks[end].section != first.section
        or _opens_with_label(ctx, blocks[end].node)
    ):
        end += 1
    return blocks[start:end]


def _opens_with_label(ctx: Context, node: Node) -> bool:
    return node.map is not None and ctx.doc.lines[node.map[0]].lstrip().startswith(">>")


def _lines(ctx: Context, node: Node) -> list[str]:
    if node.map is None:
        return []
    start, end = node.map
    return [line.rstrip() for line in ctx.doc.lines[start:end]]


def _read(ctx: Context, blocks: Sequence[Block]) -> tuple[_Problem | None, int]:
    """The problem the blocks' lines write, and how many blocks it takes: up to the first block after
    its choices or typed answer that is none of its parts (the notes go on there)."""
    if not blocks:
        return None, 0
    lines = _lines(ctx, blocks[0].node)
    closing = next((at for at, line in enumerate(_label_lines(lines)) if line.endswith("<<")), None)
    if closing is None:
        return None, 0  # `>> Which prompt are you choosing?`: a reply's quote in a quote, not a label
    label = lines[: closing + 1]
    words = " ".join(line.strip() for line in label).removeprefix(">>").removesuffix("<<")
    title, _, described = words.partition("||")
    problem = _Problem(title.strip(), [described.strip()] if described.strip() else [])
    explaining = _read_lines(problem, lines[len(label) :], explaining=False)
    for used, block in enumerate(blocks[1:], start=1):
        if used >= _REACH and not problem.answered():
            return None, 0  # no choices near it: a quote in a quote, its words the notes' own
        before = problem.size()
        open_before = explaining
        problem.explanation += [""] if explaining else []  # the paragraphs of why stay apart
        explaining = _read_lines(problem, _lines(ctx, block.node), explaining=explaining)
        if problem.answered() and problem.size() == before and not (open_before or explaining):
            return problem, used
    return problem, len(blocks)


def _label_lines(lines: Sequence[str]) -> Iterator[str]:
    """The lines a label may span: up to the first of the problem's parts (a choice ``(x) <<`` ends no
    label; ``<<`` inside one, ``cout << x``, ends none either)."""
    yield lines[0]
    parts = (_CHOICE, _TYPED, _HINT, _EXPLANATION, _DROPDOWN)
    yield from itertools.takewhile(lambda line: not any(part.fullmatch(line) for part in parts), lines[1:])


_REACH = 3
"""A label reaches its choices within this many blocks (its own among them)."""


def _read_lines(problem: _Problem, lines: Sequence[str], *, explaining: bool) -> bool:
    """Sort one block's ``lines`` into ``problem``; returned: whether an ``[explanation]`` is still open
    after them. A line right under a choice that is none of the problem's parts goes on with its words
    or its feedback."""
    dropdown: list[str] | None = None
    under_choice = False
    for line in lines:
        if _EXPLANATION.fullmatch(line):
            explaining = not explaining
        elif explaining:
            problem.explanation.append(line)
        elif dropdown is not None:
            if line.strip().startswith("]]"):
                _dropdown(problem, dropdown)
                dropdown = None
            elif line.strip():
                dropdown.append(line.strip())
        elif (found := _DROPDOWN.fullmatch(line)) and (found["closed"] or not found["inner"].strip()):
            if found["closed"]:
                _dropdown(problem, found["inner"].split(","))
            else:
                dropdown = []  # `[[` alone: an entry a line, up to `]]`
        elif found := _CHOICE.fullmatch(line):
            ticked = found["radio"] if found["radio"] is not None else found["box"]
            problem.choices.append((ticked.strip() != "", found["text"].strip()))
            under_choice = True
            continue
        elif found := _TYPED.fullmatch(line):
            problem.typed.append((found["kind"], found["text"].strip()))
        elif found := _HINT.fullmatch(line):
            problem.hints.append(found["text"].strip())
        elif under_choice and line.strip():
            ticked, words = problem.choices[-1]
            problem.choices[-1] = (ticked, f"{words} {line.strip()}")
            continue
        elif line.strip() and not problem.answered():
            problem.description.append(line.strip())
        under_choice = False
    return explaining


def _dropdown(problem: _Problem, entries: Sequence[str]) -> None:
    for entry in (entry.strip() for entry in entries):
        right = _RIGHT_IN_DROPDOWN.fullmatch(entry)
        if entry:
            problem.choices.append((right is not None, right["text"].strip() if right else entry))


def _made(ctx: Context, block: Block, problem: _Problem) -> Iterator[Draft | Item | Problem]:
    stem = "\n\n".join(filter(None, [problem.label, " ".join(problem.description)]))
    hints = [f"Hint: {hint}" for hint in problem.hints]
    explained = "\n".join(problem.explanation).strip()
    if not problem.choices:
        yield from _typed_card(ctx, block, problem, stem, [*hints, *filter(None, [explained])])
        return
    options, reasons = [], []
    for label, (ticked, words) in zip(string.ascii_uppercase, problem.choices, strict=False):
        feedback = _FEEDBACK.search(words)
        text = words[: feedback.start()].strip() if feedback else words
        option = DraftOption(label, text, block.node, checked=ticked, boxed=True)
        options.append(option)
        if feedback is not None:
            reasons.append(reason_line(option, len(text), _plain_feedback(feedback["why"])))
    draft = Draft(block.node, "", stem, options, block.node, block.section, "")
    draft.explanation += [*filter(None, [explained, "\n".join(reasons)]), *hints]
    yield draft


def _plain_feedback(why: str) -> str:
    """A checkbox's ``{ selected: …}, { unselected: …}`` as ``selected: … unselected: …``."""
    parts = [part.strip(" \t\n{},") for part in re.split(r"\}\s*,\s*\{", why)]
    return " ".join(part for part in parts if part)


def _typed_card(
    ctx: Context, block: Block, problem: _Problem, stem: str, explanation: Sequence[str]
) -> Iterator[Item | Problem]:
    """A card asking the label, its back the answer (a number's tolerance as ``±``), then the others
    it takes, the wrong ones it explains, and why."""
    said = [(kind, *_said(text)) for kind, text in problem.typed]
    right = [(text, why) for kind, text, why in said if kind == "="]
    if not right:
        yield ctx.problem(block.node, "edX problem with no `= answer` line: add the answer its label asks")
        return
    answer, why = right[0]
    others = [text for kind, text, _ in said if kind == "or="]
    back = [f"{answer} \u2014 {why}" if why else answer]
    back += [f"Also accepted: {', '.join(others)}"] if others else []
    back += [f"Not {text}" + (f" \u2014 {why}" if why else "") for kind, text, why in said if kind == "not="]
    back += explanation
    fields = ctx.common("card", stem, block.node, block.section)
    yield from ctx.cards(block.node, fields, stem, "\n\n".join(back), both_ways=False)


def _said(text: str) -> tuple[str, str]:
    """A typed answer's words (``+-`` as ``±``) and the feedback after them."""
    feedback = _FEEDBACK.search(text)
    words = text[: feedback.start()].strip() if feedback else text
    return _TOLERANCE.sub(" \u00b1 ", words), _plain_feedback(feedback["why"]) if feedback else ""


_TOLERANCE = regex(r"\s*\+-\s*")
