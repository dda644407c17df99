"""Options marked with circled numbers or kana, as Korean, Japanese and bubble-sheet banks write them.

``① … ② …`` then ``정답: ②``; ``ア … イ …`` then ``正解 イ``; ``Ⓐ … Ⓑ …`` then ``Answer: Ⓑ``. Each mark is
the letter of its place (① and ア are A, ② and イ are B …), written as such before any rule reads the
file, so the question rules read them as any lettered options. Only a file whose answers name such
marks is rewritten: elsewhere ① numbers a step, and ア is a word.
"""

from __future__ import annotations

import re

_MARKS = ("①②③④⑤⑥⑦⑧", "ⒶⒷⒸⒹⒺⒻⒼⒽ", "ⓐⓑⓒⓓⓔⓕⓖⓗ", "アイウエオカキク")
_LETTER = {mark: "ABCDEFGH"[place] for marks in _MARKS for place, mark in enumerate(marks)}
_MARK = f"[{''.join(_MARKS)}]"
_ANSWER = re.compile(
    rf"(?P<label>(?:정답|답|正解|正答|答え|解答|(?i:correct\s+answer|answer|ans))\s*[:\uff1a]?\s*(?:\*\*|__)?\s*)"
    rf"(?P<marks>{_MARK}(?:\s*[,\u3001]\s*{_MARK})*)(?!\w)"
)
"""An answer naming marks: ``정답: ②``, ``正解 イ`` (a full-width colon too), ``Answer: Ⓑ``,
``정답: ①, ③``."""
_OPTION = re.compile(
    rf"^(?P<lead>\s*(?:>\s*)*(?:[-*+]\s+)?)(?P<mark>{_MARK})"
    r"(?:[ \t\u3000]+|[.)\uff0e\uff09][ \t\u3000]*)(?=\S)"
)
"""A line opening with a mark and then its words (``② Amazon S3``, ``- イ. Amazon S3``, full-width
stops and brackets too)."""


def answers_by_mark(text: str) -> bool:
    """Whether the file answers a question by such a mark: most hold none."""
    return any(mark in text for mark in _LETTER) and _ANSWER.search(text) is not None


def marks_as_letters(line: str, _above: str = "") -> str:
    """The line with its option mark written as a letter (``② Amazon S3`` → ``B. Amazon S3``), or the
    marks an answer names (``정답: ②`` → ``정답: B``)."""
    line = _OPTION.sub(lambda found: f"{found['lead']}{_LETTER[found['mark']]}. ", line, count=1)
    return _ANSWER.sub(_letters, line)


def _letters(found: re.Match[str]) -> str:
    return found["label"] + re.sub(_MARK, lambda mark: _LETTER[mark[0]], found["marks"])
