"""Multiple-choice questions: numbered stems with lettered options, unlettered checks, far-away keys."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ccpkit.importer.blocks import Question
from ccpkit.importer.lines import BULLET, LONE_DASH, Line, clean_inline
from ccpkit.regex import regex

STEM = regex(r"^([A-Z]{0,2}\d+)\. (.+)$")
OPTION = regex(r"^ ?- ([A-H])[.)] (.*)$")
CORRECT = regex(r"^Correct Answer: ([A-H](?:, ?[A-H])*)$")
EXPLANATION = regex(r"^Explanation: (.+)$")
KEY_HEADING = regex(r"^Answers\b")
KEY_LINES = (
    regex(r"^ ?(?P<id>\d+)\. (?P<answer>[A-H])$"),  # 1. B
    regex(r"^ ?\d+\. \*\*(?P<id>[A-Z]+\d+): (?P<answer>[A-H])\.\*\* ?(?P<why>.*)$"),  # 1. **N1: B.** why
    regex(r"^ ?- (?P<id>[A-Z]+\d+): (?P<answer>[A-H])\.\*\* ?(?P<why>.*)$"),  # - H1: C.** why
)
MAX_OPTION = 80
_LEADING_NAME = regex(r"^(AWS|Amazon) ")
_PARENTHESIS = regex(r"\s*\([^)]*\)")


@dataclass(frozen=True, slots=True)
class KeyEntry:
    """One answer-key line: a question id (or bare number), its answer letter and explanation."""

    qid: str
    answer: str
    explanation: str | None
    line: int


def _skip_blank(lines: Sequence[Line], index: int) -> int:
    while index < len(lines) and (lines[index].blank or lines[index].text.strip() == LONE_DASH):
        index += 1
    return index


def _options(lines: Sequence[Line], index: int) -> tuple[list[str], int]:
    """Lettered options A, B, C … from ``index`` (blank lines may sit between them)."""
    options: list[str] = []
    while True:
        nxt = index
        while options and nxt < len(lines) and lines[nxt].blank:
            nxt += 1
        match = OPTION.match(lines[nxt].text) if nxt < len(lines) else None
        if not match or match.group(1) != chr(ord("A") + len(options)):
            return options, index
        options.append(clean_inline(match.group(2).strip()))
        index = nxt + 1


def parse_question(lines: Sequence[Line], start: int) -> tuple[Question, int] | None:
    """A numbered stem (``3.``, ``Q3.``, ``N3.``), up to two more stem paragraphs, then options."""
    stem_match = STEM.match(lines[start].text)
    if not stem_match:
        return None
    stem = [stem_match.group(2)]
    index = _skip_blank(lines, start + 1)
    for _ in range(3):
        options, end = _options(lines, index)
        if len(options) >= 2:
            return _with_inline_answer(lines, stem_match.group(1), stem, options, start, end)
        if index >= len(lines) or BULLET.match(lines[index].text) or STEM.match(lines[index].text):
            return None
        stem.append(lines[index].text)
        index = _skip_blank(lines, index + 1)
    return None


def _with_inline_answer(
    lines: Sequence[Line], qid: str, stem: list[str], options: list[str], start: int, end: int
) -> tuple[Question, int]:
    question = Question(
        qid=qid,
        stem=tuple(clean_inline(part) for part in stem),
        options=tuple(options),
        line=lines[start].number,
    )
    index = _skip_blank(lines, end)
    correct = CORRECT.match(lines[index].text) if index < len(lines) else None
    if not correct:
        return question, end
    question = replace(question, answer=correct.group(1).replace(" ", ""))
    end = index + 1
    index = _skip_blank(lines, end)
    explanation = EXPLANATION.match(lines[index].text) if index < len(lines) else None
    if explanation:
        question = replace(question, explanation=clean_inline(explanation.group(1)))
        end = index + 1
    return question, end


def parse_unlettered(lines: Sequence[Line], start: int, qid: str) -> tuple[Question, int] | None:
    """A question whose options are plain bullets and whose answer is the one option its explanation names.

    The stem is one or two paragraphs ending in ``?``; the explanation is the paragraph after the list.
    """
    stem, index = _question_stem(lines, start)
    options, index = _plain_options(lines, index)
    if not stem or not 3 <= len(options) <= 6 or index >= len(lines) or BULLET.match(lines[index].text):
        return None
    explanation = lines[index].text
    named = [n for n, option in enumerate(options) if _short_name(option) in explanation]
    if len(named) != 1:
        return None
    question = Question(
        qid=qid,
        stem=tuple(clean_inline(part) for part in stem),
        options=tuple(options),
        line=lines[start].number,
        answer=chr(ord("A") + named[0]),
        explanation=clean_inline(explanation),
    )
    return question, index + 1


def _question_stem(lines: Sequence[Line], index: int) -> tuple[list[str], int]:
    """One or two one-line paragraphs, the last ending in ``?`` (else no stem)."""
    stem: list[str] = []
    while len(stem) < 2 and index < len(lines) and not BULLET.match(lines[index].text):
        stem.append(lines[index].text)
        index = _skip_blank(lines, index + 1)
        if stem[-1].rstrip().endswith("?"):
            return stem, index
    return [], index


def _plain_options(lines: Sequence[Line], index: int) -> tuple[list[str], int]:
    """Short bullets without bold (a bold bullet is a term, so the list is not a set of options)."""
    options: list[str] = []
    while index < len(lines) and (match := BULLET.match(lines[index].text)):
        if "**" in match.group(2) or len(match.group(2)) > MAX_OPTION:
            return [], index
        options.append(clean_inline(match.group(2).strip()))
        index = _skip_blank(lines, index + 1)
    return options, index


def _short_name(option: str) -> str:
    """``AWS Secrets Manager`` → ``Secrets Manager``: how an explanation names a service."""
    return _PARENTHESIS.sub("", _LEADING_NAME.sub("", option)).strip()


def parse_answer_key(lines: Sequence[Line], start: int) -> tuple[list[KeyEntry], int] | None:
    """An ``Answers …`` heading followed by key lines in any of the three key syntaxes."""
    if not KEY_HEADING.match(lines[start].text):
        return None
    entries: list[KeyEntry] = []
    index = _skip_blank(lines, start + 1)
    while index < len(lines):
        entry = _key_entry(lines[index])
        if entry is None:
            break
        entries.append(entry)
        index = _skip_blank(lines, index + 1)
    return (entries, index) if entries else None


def _key_entry(line: Line) -> KeyEntry | None:
    for pattern in KEY_LINES:
        match = pattern.match(line.text)
        if match:
            why = match.groupdict().get("why")
            explanation = clean_inline(why.strip()) if why else None
            return KeyEntry(match.group("id"), match.group("answer"), explanation, line.number)
    return None


def apply_key(
    questions: list[Question], entries: Sequence[KeyEntry]
) -> tuple[list[Question], list[KeyEntry]]:
    """Answer unanswered questions from a key, matching by id (``N3``) or bare number (``3``).

    Returns the updated questions and the key entries that matched no question.
    """
    updated = list(questions)
    unmatched: list[KeyEntry] = []
    for entry in entries:
        candidates = [
            n
            for n, question in enumerate(updated)
            if question.answer is None and _same_id(question.qid, entry.qid)
        ]
        if len(candidates) != 1:
            unmatched.append(entry)
            continue
        position = candidates[0]
        updated[position] = replace(updated[position], answer=entry.answer, explanation=entry.explanation)
    return updated, unmatched


def _same_id(qid: str, key: str) -> bool:
    if key.isdigit():
        return qid.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == key
    return qid == key


def looks_like_question_part(text: str) -> bool:
    """A lettered option, a ``Correct Answer:`` line or an answer-key line."""
    patterns = (OPTION, CORRECT, *KEY_LINES[1:])
    return any(pattern.match(text) for pattern in patterns)
