"""Where a question's answer is written: an ``Answer:`` line, a ``<details>`` block, or an answer key."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it.tree import SyntaxTreeNode

_LETTERS = r"[A-H](?:\s*(?:,|/|&|\band\b)\s*[A-H])*"
_ANSWER_LINE = re.compile(
    rf"^(?:correct\s+)?answers?\s*[:\uff1a]\s*(?P<letters>{_LETTERS})(?![\w])[.):]?(?P<rest>.*)$", re.I | re.S
)
_BARE_LETTERS = re.compile(rf"^(?P<letters>{_LETTERS})(?![\w])[.):]?(?P<rest>.*)$", re.S)
_KEY_ENTRY = re.compile(
    rf"^(?:(?:(?i:question)\s*)?(?P<id>[A-Z]?\d+)\s*[:.)\u2013\u2014-]\s*)?(?P<letters>{_LETTERS})(?![\w])[.):]?(?P<rest>.*)$",
    re.S,
)
_EXPLANATION = re.compile(r"^\s*(?:\*\*|__)?explanation\s*:?\s*(?:\*\*|__)?\s*:?\s*", re.I)
_KEY_TITLE = re.compile(r"^answers?\b(?:\s+key)?[^\n]{0,60}$", re.I)
_QUESTION_ID = re.compile(r"^(?:question\s*|q)?(?P<id>[A-Z]?\d+)$", re.I)
_BOLD = re.compile(r"\*\*|__")
_TAGS = re.compile(r"<[^>]*>")
_LEAD = " \t\n.:;-\u2013\u2014"


@dataclass(frozen=True, slots=True)
class Answer:
    """Correct letters, and any words written after them (they explain the answer)."""

    letters: tuple[str, ...]
    rest: str


def plain(text: str) -> str:
    """Text with bold markers dropped, for matching labels such as ``**Answer:**``."""
    return _BOLD.sub("", text).strip()


def answer_line(text: str) -> Answer | None:
    """``Answer: C``, ``Correct answer: B, E``, ``**Answer:** C — because …``."""
    match = _ANSWER_LINE.match(plain(text))
    return _answer(match) if match else None


def answer_in_details(html: str) -> Answer | None:
    """The answer inside a collapsed ``<details>`` block: an answer line or the letters first."""
    body = _TAGS.sub("\n", re.sub(r"<summary>.*?</summary>", "", html, flags=re.S | re.I))
    text = plain(body)
    match = _ANSWER_LINE.match(text) or _BARE_LETTERS.match(text)
    return _answer(match) if match else None


def explanation_start(text: str) -> str | None:
    """The text after an ``Explanation:`` label, or ``None`` if ``text`` does not start with one."""
    match = _EXPLANATION.match(text)
    if match is None or not plain(text).lower().startswith("explanation"):
        return None
    return text[match.end() :].strip()


@dataclass(frozen=True, slots=True)
class KeyEntry:
    """One line of an answer key: which question, its letters, and an optional explanation."""

    question: str
    answer: Answer
    node: SyntaxTreeNode


def key_entry(text: str, number: str, node: SyntaxTreeNode) -> KeyEntry | None:
    """``1. B`` (``number`` from the list), ``Q3: C``, ``**N1: B.** Root has …``."""
    match = _KEY_ENTRY.match(plain(text))
    if match is None or not (match["id"] or number):
        return None
    return KeyEntry(question_id(match["id"] or number), _answer(match), node)


def is_key_title(text: str) -> bool:
    """A heading or caption that opens an answer key: ``Answers``, ``Answer key (Q1-Q15)`` …"""
    return answer_line(text) is None and bool(_KEY_TITLE.match(plain(text).rstrip(":")))


def question_id(text: str) -> str:
    """A question's id inside its set: ``Question 3`` → ``3``, ``Q7`` → ``7``, ``N3`` → ``N3``."""
    match = _QUESTION_ID.match(text.strip())
    return match["id"].upper() if match else text.strip().upper()


def _answer(match: re.Match[str]) -> Answer:
    letters = tuple(dict.fromkeys(re.findall(r"\b[A-H]\b", match["letters"].upper())))
    return Answer(letters, match["rest"].lstrip(_LEAD).strip())
