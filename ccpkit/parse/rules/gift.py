"""Questions in Moodle's GIFT format, as question banks are exported and shared:
``::Title:: Which service stores objects? {~Amazon EBS =Amazon S3 ~Amazon EFS}``.

The braces say the kind: ``=`` marks a right option and ``~`` a wrong one (``~%50%`` one worth part
of the marks), ``T``/``F`` a statement to judge, ``=`` alone the accepted answers, ``=a -> b`` pairs to
match, ``#`` a number; text after the braces makes the question a sentence with a blank. ``#`` after
an answer is its feedback, ``####`` the question's: they explain. ``{}`` (an essay) has no answer to
study and is reported. ``\\~ \\= \\# \\{ \\} \\:`` are the characters themselves."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from ccpkit.errors import Problem
from ccpkit.model import Item, Option
from ccpkit.parse.context import Context
from ccpkit.parse.document import Block, paragraph_words
from ccpkit.parse.rules.typed_answers import within
from ccpkit.regex import regex

_QUESTION = regex(
    r"(?s)\A(?:::(?P<title>(?:[^:\\]|\\.|:(?!:))*)::)?\s*(?:\[(?P<format>html|moodle|plain|markdown)\]\s*)?"
    r"(?P<text>(?:[^{}\\]|\\.)*)\{(?P<answers>(?:[^{}\\]|\\.)*)\}(?P<after>(?:[^{}\\]|\\.)*)\Z"
)
_TRUE_FALSE = regex(r"(?i)(?P<value>T|TRUE|F|FALSE)\s*(?P<feedback>#.*)?", re.DOTALL)
_NUMBER = regex(r"#\s*=?\s*(?P<value>-?\d[\d.]*)(?:\s*(?P<sign>:|\.\.)\s*(?P<other>-?\d[\d.]*))?")
_MARKED = regex(r"(?P<mark>[=~])(?P<body>(?:[^=~\\]|\\.)*)")
"""One answer: its mark and what follows it up to the next unescaped mark."""
_WEIGHT = regex(r"\A\s*%(?P<percent>-?\d+(?:\.\d+)?)%")
_FEEDBACK = regex(r"(?<!\\)#")
_ESCAPED = regex(r"\\([~=#{}:\\n])")
_SEPARATE = regex(r"\A\s*(?://|\$CATEGORY:)")
"""A comment line or a category line: GIFT's own, nothing to study."""
_BLANK = "_____"
_OPENING = regex(r"(?i)\{\s*(?:[=~#}]|$|(?:T|F|TRUE|FALSE)\s*[#}])")
"""Braces as a GIFT question's open (or a line ending in one): a file with none holds no question."""


@dataclass(frozen=True, slots=True)
class _Answer:
    text: str
    right: bool
    feedback: str


def extract_gift_questions(ctx: Context) -> Iterator[Item | Problem]:
    """Every GIFT question of a file (and every sentence with Moodle's embedded answers); its comment
    and category lines are taken too, unread."""
    yield from _embedded_answers(ctx)
    if not any(_OPENING.search(line) for line in ctx.doc.lines):
        return
    questions = list(_questions(ctx))
    if not questions:
        return
    for block in ctx.doc.blocks:
        if block.node.type == "paragraph" and _SEPARATE.match(ctx.doc.source(block.node)):
            ctx.claim(block.node)
    for blocks, found in questions:
        ctx.claim(*(block.node for block in blocks))
        yield from _question(ctx, blocks[0], found)
    for block in ctx.doc.blocks:  # `::Q9:: … {~a =b` with no `}`: a question, but none to read
        node = block.node
        if node.type == "paragraph" and not ctx.is_claimed(node) and _TITLED.match(ctx.doc.source(node)):
            ctx.claim(node)
            yield Problem(ctx.at(node), _UNCLOSED, "warning")


def _questions(ctx: Context) -> Iterator[tuple[list[Block], re.Match[str]]]:
    """Each GIFT question: its blocks (a ``####`` feedback line in the braces is a heading to
    Markdown, so braces may close blocks further down) and its parts."""
    blocks = ctx.doc.blocks
    index = 0
    while index < len(blocks):
        first = blocks[index]
        taken = [first]
        if first.node.type == "paragraph" and not ctx.is_claimed(first.node):
            while index + len(taken) < len(blocks) and _unclosed(ctx, taken, blocks[index + len(taken)]):
                taken.append(blocks[index + len(taken)])
            found = _gift(ctx, taken)
            if found is not None:
                yield taken, found
                index += len(taken)
                continue
        index += 1


def _lines(ctx: Context, blocks: list[Block]) -> str:
    """The notes' lines from the first block to the last, but ``//`` comment lines."""
    start, end = blocks[0].node.map or (0, 0), blocks[-1].node.map or (0, 0)
    lines = ctx.doc.lines[start[0] : end[1]]
    return "\n".join(line for line in lines if not line.lstrip().startswith("//"))


def _unclosed(ctx: Context, blocks: list[Block], following: Block) -> bool:
    """Whether the blocks open braces they do not close, with no blank line between them and the
    ``following`` block (a GIFT question holds none)."""
    text = _ESCAPED.sub("", _lines(ctx, blocks))
    last, after = blocks[-1].node.map, following.node.map
    return (
        text.count("{") > text.count("}") and last is not None and after is not None and after[0] == last[1]
    )


def _gift(ctx: Context, blocks: list[Block]) -> re.Match[str] | None:
    """The parts of a paragraph written as a GIFT question: text, then answers in braces that open
    with a mark, a truth value or a number (``{x}`` in a formula or a template is none)."""
    if any(ctx.is_claimed(block.node) for block in blocks):
        return None
    found = _QUESTION.match(_lines(ctx, blocks).strip())
    if found is None or not _unescaped(found["text"]).strip() or found["text"].count("`") % 2:
        return None  # no words to ask, or braces in code: `{=A1+B1}`
    answers = found["answers"].strip()
    if not answers:
        return found if found["title"] is not None else None
    opens = answers[0] in "=~" or _TRUE_FALSE.fullmatch(answers) is not None
    return found if opens or _NUMBER.match(answers) else None


def _question(ctx: Context, block: Block, found: re.Match[str]) -> Iterator[Item | Problem]:
    node = block.node
    read = _html_text if found["format"] == "html" else _unescaped
    text, after = read(found["text"]).strip(), read(found["after"]).strip()
    asked = f"{text} {_BLANK} {after}" if after else text
    body, _, general = found["answers"].partition("####")
    body, general = body.strip(), read(general).strip()
    if not body:
        message = "GIFT essay question (`{}`): no answer to study; write its answer as `{=…}` to make a card"
        yield Problem(ctx.at(node), message, "warning")
        return
    if (truth := _TRUE_FALSE.fullmatch(body)) is not None:
        right = truth["value"][0].upper() == "T"
        feedback = [read(part).strip() for part in _FEEDBACK.split(truth["feedback"] or "")[1:]]
        options = (
            Option(label="A", text="True", correct=right),
            Option(label="B", text="False", correct=not right),
        )
        explanation = "\n\n".join(part for part in (*feedback, general) if part)
        fields = ctx.common("mcq", asked, node, block.section)
        yield ctx.build(node, lambda: fields.mcq(stem=asked, options=options, explanation=explanation))
        return
    if (number := _NUMBER.fullmatch(body)) is not None:
        yield from _card(ctx, block, asked, _number(number), general)
        return
    answers = [_answer(marked, read) for marked in _MARKED.finditer(body)]
    if not answers or _MARKED.sub("", body).strip():
        yield ctx.problem(node, _MALFORMED)
        return
    if not all(answer.text for answer in answers):
        yield ctx.problem(node, _EMPTY_ANSWER)
        return
    if all("->" in answer.text for answer in answers):
        for answer in answers:
            left, _, right = answer.text.partition("->")
            yield from _card(ctx, block, left.strip(), right.strip(), general, lead_in=asked)
        return
    if all(answer.right for answer in answers):
        shown = " or ".join(answer.text for answer in answers)
        explained = "\n\n".join(part for part in (*(a.feedback for a in answers), general) if part)
        yield from _card(ctx, block, asked, shown, explained)
        return
    yield from _choice(ctx, block, asked, answers, general)


_TITLED = regex(r"\A::(?:[^:\\]|\\.|:(?!:))*::")
"""A GIFT question's name opening a paragraph."""
_UNCLOSED = "GIFT question with no `{…}` of answers (or one never closed with `}`): it was left out"
_EMPTY_ANSWER = (
    "GIFT question with an empty answer (`~` or `=` with no words after it): write its words or remove "
    "the mark"
)
_MALFORMED = (
    "GIFT question whose answers cannot be read: mark each answer with `=` (right) or `~` (wrong), "
    "escaping `=`, `~`, `#`, `{`, `}` in its words with `\\`"
)


def _choice(
    ctx: Context, block: Block, asked: str, answers: list[_Answer], general: str
) -> Iterator[Item | Problem]:
    node = block.node
    if not any(answer.right for answer in answers):
        yield ctx.problem(node, "GIFT question with no right answer: mark the right one with `=`, not `~`")
        return
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    if len(answers) > len(letters):
        yield ctx.problem(node, f"GIFT question with {len(answers)} options: ask with {len(letters)} at most")
        return
    options = tuple(
        Option(label=letter, text=answer.text, correct=answer.right)
        for letter, answer in zip(letters, answers, strict=False)
    )
    feedback = [
        answer.feedback if answer.right else f"{answer.text}: {answer.feedback}"
        for answer in answers
        if answer.feedback
    ]
    explanation = "\n\n".join([*feedback, general] if general else feedback)
    fields = ctx.common("mcq", asked, node, block.section)
    yield ctx.build(node, lambda: fields.mcq(stem=asked, options=options, explanation=explanation))


def _card(
    ctx: Context, block: Block, front: str, back: str, explained: str, *, lead_in: str = ""
) -> Iterator[Item | Problem]:
    node = block.node
    shown = f"{back}\n\n{explained}" if explained else back
    fields = ctx.common("card", f"{lead_in} {front}".strip(), node, block.section)
    yield ctx.build(node, lambda: fields.card(front=front, back=shown, lead_in=lead_in))


def _answer(marked: re.Match[str], read: Callable[[str], str]) -> _Answer:
    body = marked["body"]
    weight = _WEIGHT.match(body)
    if weight is not None:
        body = body[weight.end() :]
    words, *feedback = _FEEDBACK.split(body, maxsplit=1)
    right = marked["mark"] == "=" if weight is None else float(weight["percent"]) > 0
    return _Answer(read(words).strip(), right, read("".join(feedback)).strip())


def _number(found: re.Match[str]) -> str:
    """``3.14``, ``3.14 ± 0.01`` or ``1 to 5``, as GIFT's ``#3.14``, ``#3.14:0.01``, ``#1..5`` say."""
    value, other = found["value"], found["other"]
    if other is None or (found["sign"] == ":" and float(other) == 0):
        return value
    return f"{value} ± {other}" if found["sign"] == ":" else f"{value} to {other}"


def _unescaped(text: str) -> str:
    """GIFT's text with its escapes read, its line breaks (``\\n``) as Markdown's."""
    return _ESCAPED.sub(lambda m: "\n" if m[1] == "n" else m[1], text)


_PARAGRAPH_TAG = regex(r"(?i)</?(?:p|div)(?:\s[^<>]*)?>")
_BREAK_TAG = regex(r"(?i)<br\s*/?>")
_PARAGRAPH_BREAK = regex(r"(?i)</(?:p|div)>\s*<(?:p|div)(?:\s[^<>]*)?>")


def _html_text(text: str) -> str:
    """The text of an ``[html]`` question or answer (as Moodle exports every one) as Markdown: its
    ``<p>`` wrappers gone, one paragraph from the next a blank line apart, ``<br>`` a line break; its
    inline tags are read as any notes' are."""
    text = _PARAGRAPH_BREAK.sub("\n\n", _unescaped(text))
    lines = _PARAGRAPH_TAG.sub("", _BREAK_TAG.sub("\n", text)).split("\n")
    return "\n".join(line.strip() for line in lines)


_EMBEDDED = regex(r"\{(?P<weight>\d*):(?P<kind>[A-Z_]+):(?P<body>(?:[^{}\\]|\\.)*)\}")
"""One of Moodle's embedded answers (its Cloze question type): ``{1:SHORTANSWER:=Canberra~Sydney}``,
``{1:MULTICHOICE:Atlantic~=Pacific}``, ``{2:NUMERICAL:=100:0.5}`` (``SA``, ``MC``, ``NM`` … for short)."""
_NUMERICAL_KINDS = ("NUMERICAL", "NM")


def _embedded_answers(ctx: Context) -> Iterator[Item | Problem]:
    """A cloze for each paragraph holding Moodle's embedded answers, each blank hiding its right
    answers (the wrong ones are the quiz's distractors, nothing to recall); a blank with no right
    answer is an error at its paragraph."""
    if not any("{" in line and _EMBEDDED.search(line) for line in ctx.doc.lines):
        return
    for block in ctx.doc.blocks:
        node = block.node
        words = "" if ctx.is_claimed(node) else paragraph_words(node)
        if not _EMBEDDED.search(words):
            continue
        ctx.claim(node)
        blanks = [_embedded_right(found) for found in _EMBEDDED.finditer(words)]
        if not all(blanks):
            message = (
                "Moodle embedded answer with no right answer (`=` or `%100%`): mark one, or it is left out"
            )
            yield ctx.problem(node, message)
            continue
        text = _with_blanks(words, [f"{{{{c{number}::{right}}}}}" for number, right in enumerate(blanks, 1)])
        fields = ctx.common("cloze", _with_blanks(words, blanks), node, block.section)
        yield ctx.build(node, partial(fields.cloze, text=text, extra=""))


def _with_blanks(words: str, filled: list[str]) -> str:
    """``words`` with each embedded answer in turn replaced by ``filled``'s."""
    parts = _EMBEDDED.split(words)[:: _EMBEDDED.groups + 1]
    return "".join(part + (filled[at] if at < len(filled) else "") for at, part in enumerate(parts))


def _embedded_right(found: re.Match[str]) -> str:
    """What a blank takes: its right answers (full marks, ``=`` or ``%100%``), joined by "or"; a
    number with its tolerance (``100 ± 0.5``)."""
    numerical = found["kind"] in _NUMERICAL_KINDS
    right = []
    for answer in _ANSWER_PARTED.split(found["body"]):
        weight = _WEIGHT.match(answer.removeprefix("="))
        words = answer.removeprefix("=")[weight.end() :] if weight else answer.removeprefix("=")
        if answer.startswith("=") or (weight is not None and float(weight["percent"]) == 100):
            said = _unescaped(_FEEDBACK.split(words, maxsplit=1)[0]).strip()
            value, _, tolerance = said.partition(":") if numerical else (said, "", "")
            right.append(within(value, tolerance))
    return " or ".join(filter(None, right))


_ANSWER_PARTED = regex(r"(?<!\\)~")
"""What parts an embedded blank's answers: a ``~`` not escaped."""
