"""Options marked with circled numbers or kana, as Korean, Japanese and bubble-sheet banks write them.

``① … ② …`` then ``정답: ②``; ``ア … イ …`` then ``正解 イ``; ``Ⓐ … Ⓑ …`` then ``Answer: Ⓑ``. Each mark is
the letter of its place (① and ア are A, ② and イ are B …), written as such before any rule reads the
file, so the question rules read them as any lettered options. Only a run of such lines from the
first mark, with an answer naming a mark on the next line of words, is rewritten: elsewhere ① numbers
a step, and ア is a word.
"""

from __future__ import annotations

import re
from collections.abc import Container

_MARKS = ("①②③④⑤⑥⑦⑧", "ⒶⒷⒸⒹⒺⒻⒼⒽ", "ⓐⓑⓒⓓⓔⓕⓖⓗ", "アイウエオカキク")
_PLACE = {mark: (kind, place) for kind, marks in enumerate(_MARKS) for place, mark in enumerate(marks)}
_MARK = f"[{''.join(_MARKS)}]"
_ANSWER = re.compile(
    r"(?P<label>(?<!\w)(?:정답|답|正解|正答|答え|解答|(?i:correct\s+answer|answer|ans))\s*[:\uff1a]?\s*"
    r"(?:\*\*|__)?\s*)"
    rf"(?P<marks>{_MARK}(?:\s*[,\u3001]\s*{_MARK})*)(?!\w)"
)
"""An answer naming marks: ``정답: ②``, ``正解 イ`` (a full-width colon too), ``Answer: Ⓑ``,
``정답: ①, ③``."""
_LEADING = " \t>-*_\u2705\u2714"
"""What may open an answer's line before its label: a quote's or list's marker, bold, a tick."""
_OPTION = re.compile(
    rf"^(?P<lead>\s*(?:>\s*)*(?:[-*+]\s+)?)(?P<mark>{_MARK})"
    r"(?:[ \t\u3000]+|[.)\uff0e\uff09][ \t\u3000]*)(?=\S)"
)
"""A line opening with a mark and then its words (``② Amazon S3``, ``- イ. Amazon S3``, full-width
stops and brackets too)."""


def answers_by_mark(text: str) -> bool:
    """Whether the file may answer a question by such a mark: most hold none."""
    return any(mark in text for mark in _PLACE) and _ANSWER.search(text) is not None


def marks_as_letters(text: str, code: Container[int]) -> str:
    """The text with each run of marked options (``① …``, ``② …`` on lines of their own, from the first
    mark of a set, not in ``code``) whose next line of words is an answer naming a mark (its label
    opening the line) written with letters (``A. …``, ``B. …``), and that answer too (``정답: B``).
    Every line keeps its number."""
    lines = text.split("\n")
    number = 0
    while number < len(lines):
        run = _options_from(lines, number, code)
        if not run:
            number += 1
            continue
        answer = next((at for at in range(run[-1] + 1, len(lines)) if lines[at].strip()), None)
        if answer is not None and answer not in code and _ANSWER.match(lines[answer].lstrip(_LEADING)):
            for at in run:
                lines[at] = _OPTION.sub(_lettered_option, lines[at], 1)
            lines[answer] = _ANSWER.sub(_letters, lines[answer])
        number = run[-1] + 1
    return "\n".join(lines)


def _options_from(lines: list[str], number: int, code: Container[int]) -> list[int]:
    """The lines of a run of marked options starting at ``number`` (its first mark of a set, the next
    ones in order), blank lines between them allowed; none with fewer than two."""
    run: list[int] = []
    expected: tuple[int, int] | None = None
    for at in range(number, len(lines)):
        if not lines[at].strip() and run:
            continue
        found = _OPTION.match(lines[at]) if at not in code else None
        place = _PLACE[found["mark"]] if found else None
        if place is None or place != (expected or (place[0], 0)):
            break
        run.append(at)
        expected = (place[0], place[1] + 1)
    return run if len(run) >= 2 else []


def _lettered_option(found: re.Match[str]) -> str:
    return f"{found['lead']}{_letter(found['mark'])}. "


def _letter(mark: str) -> str:
    return "ABCDEFGH"[_PLACE[mark][1]]


def _letters(found: re.Match[str]) -> str:
    return found["label"] + re.sub(_MARK, lambda mark: _letter(mark[0]), found["marks"])
