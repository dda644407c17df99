"""Words longer than a line (a web address, an ARN, a path, a run of placeholders) broken where a reader
expects: reportlab cut them wherever the line ended (``cheat-sh`` / ``eet``, ``[U+970`` / ``0]``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth

from ccpkit.export.pdf.cjk import CJK
from ccpkit.regex import regex

LONG_RUN = regex(r"(?:^|>)[^<]*?[^\s<>&]{20}")
"""Twenty characters of text (outside tags) with no space or entity: a word that may be longer than a
line (a cheap first look)."""
_BREAK_AFTER = frozenset("/\\:,;?&=#])|@~")
"""What a long word breaks after: its address's slashes, an ARN's colons, a code point's ``]``."""
_BREAK_BEFORE = frozenset("-._")
"""What a long word breaks before: a dash or point ending a line would read as a hyphen (and a PDF
reader copying the text drops such a dash)."""
_UNESCAPED = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&nbsp;": " ", "&#160;": " "}
"""The entities of the markup as the characters they stand for (a no-break space as a space: in code it
indents and breaks as one, and it parts words as one)."""
_HYPHEN = "-"
_WIDEST = 1.5
"""No character of the bundled fonts is wider than this many times its size (an emoji is 1.3)."""


def broken_words(tokens: Sequence[str], faces: Callable[[], Sequence[str]], room: float, size: float) -> str:
    """``tokens`` (tags, entities and characters of markup, each set in the face ``faces()`` gives
    beside it, asked only when a word may be too long) joined,
    with a ``<br/>`` in each word wider than ``room`` points: at the last mark a reader breaks at in
    the second half of what fits, else where it fits, with a hyphen in a word of letters only (none
    is added to an address or a name, which a reader copies)."""
    long = [word for word in _words(tokens) if len(word) * size * _WIDEST > room]  # others surely fit
    breaks: dict[int, str] = {}
    faced = faces() if long else []
    for word in long:
        breaks |= _breaks(tokens, faced, word, room, size)
    return "".join(breaks.get(at, "") + token for at, token in enumerate(tokens))


def _words(tokens: Sequence[str]) -> list[list[int]]:
    """The indices of each word's characters: runs with no space or line break (tags inside a word,
    a link's ``<u>``, are no part of it and do not end it). A CJK character is no part of a word:
    a line may break before and after it (``paragraph`` wraps such text by character)."""
    words: list[list[int]] = [[]]
    for at, token in enumerate(tokens):
        if token == "<br/>" or unescaped(token).isspace() or CJK.match(token):
            words.append([])
        elif not token.startswith("<"):
            words[-1].append(at)
    return [word for word in words if word]


def _breaks(
    tokens: Sequence[str], faces: Sequence[str], word: list[int], room: float, size: float
) -> dict[int, str]:
    """Where the word's lines start (token index → the markup that ends the line before)."""
    widths = [_width(unescaped(tokens[at]), faces[at], size) for at in word]
    hyphens = all(unescaped(tokens[at]).isalpha() for at in word)  # a word: no address or name
    breaks: dict[int, str] = {}
    start = 0
    while sum(widths[start:]) > room:
        end, used = start, 0.0
        while end < len(word) and used + widths[end] <= room:
            used, end = used + widths[end], end + 1
        at = _after_mark(tokens, word, widths, start, max(end, start + 1))
        hyphen = ""
        if at is None:
            at = max(end, start + 1)
            if hyphens and at - start > 2 and at < len(word):
                at, hyphen = at - 1, _HYPHEN  # the hyphen takes the room of the letter moved on
        if at >= len(word):  # the rest fits after all (sums rounded differently)
            break
        breaks[word[at]] = hyphen + "<br/>"
        start = at
    return breaks


def _after_mark(
    tokens: Sequence[str], word: list[int], widths: list[float], start: int, end: int
) -> int | None:
    """The last place among ``start:end`` where a word breaks at a mark (after a ``/``, before a ``-``),
    if it leaves the line at least half full."""
    half = sum(widths[start:end]) / 2
    for at in range(min(end, len(word) - 1), start, -1):
        if sum(widths[start:at]) < half:
            return None
        if unescaped(tokens[word[at - 1]]) in _BREAK_AFTER or unescaped(tokens[word[at]]) in _BREAK_BEFORE:
            return at
    return None


def _width(char: str, face: str, size: float) -> float:
    return float(stringWidth(char, face, size))


def unescaped(token: str) -> str:
    """A markup token (``&amp;``, ``a``) as the character it stands for (``_UNESCAPED``)."""
    return _UNESCAPED.get(token, token)
