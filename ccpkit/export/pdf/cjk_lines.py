"""Lines of text holding Chinese, Japanese or Korean, which has no spaces to break at: broken between
any two characters, within the line's width. reportlab's own CJK wrapping let a comma or a small kana
that may not start a line hang past the line's end, into the gutter or across a table's rule; here
such a character takes the one before it along to the next line instead (JIS X 4051's "oidashi"), and
a Latin word is kept whole where a space or a CJK character in the line's second half allows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.platypus.paragraph import ParaLines, cjkU, makeCJKParaLine

from ccpkit.export.pdf.cjk import CJK

_FUZZ = 1e-6


def cjk_lines(frags: Sequence[Any], widths: Sequence[float], calc_bounds: bool) -> Any:
    """reportlab's laid-out lines (``kind`` 1) of ``frags``, the n-th line ``widths[n]`` points wide
    at most (the last width for the rest), as its ``cjkFragSplit`` makes them."""
    units = [cjkU(char, frag, "utf8") for frag in frags for char in (frag.text or [""])]
    lines: list[Any] = []
    start = 0
    while start < len(units):
        room = widths[min(len(lines), len(widths) - 1)]
        end = _line_end(units, start, room)
        shown = sum(unit.width for unit in units[start:end]) - _trailing_space(units, start, end)
        broken = hasattr(units[end - 1].frag, "lineBreak")
        lines.append(makeCJKParaLine(units[start:end], room, shown, room - shown, broken, calc_bounds))
        start = end
    return ParaLines(kind=1, lines=lines)


def _line_end(units: Sequence[Any], start: int, room: float) -> int:
    """Where the line from ``start`` ends: after a ``<br/>``, else before the first character that
    passes ``room`` (a space may: it prints nothing), moved back as ``_break_before`` says."""
    used = 0.0
    for at in range(start, len(units)):
        if hasattr(units[at].frag, "lineBreak"):
            return at + 1
        used += units[at].width
        if used > room + _FUZZ and not units[at].isspace():
            return _break_before(units, start, at)
    return len(units)


def _break_before(units: Sequence[Any], start: int, at: int) -> int:
    """The first character of the next line when ``units[at]`` no longer fits: after the last space
    or CJK character in the line's second half when ``at`` is inside a Latin word; else ``at``, moved
    back past characters that may not start a line (``、``, ``ょ``) or end one (``「``)."""
    if at == start:
        return at + 1  # one character wider than the line: it has the line to itself
    if _in_word(units[at]) and _in_word(units[at - 1]):
        for before in range(at - 1, (start + at) // 2, -1):
            if not _in_word(units[before]):
                return before + 1
    end = at
    while end > start + 1 and (units[end] in ALL_CANNOT_START or units[end - 1] in ALL_CANNOT_END):
        end -= 1
    return end


def _in_word(char: str) -> bool:
    """Part of a Latin (or other spaced) word: neither a space nor a CJK character nor a picture."""
    return bool(char) and not char.isspace() and CJK.match(char) is None


def _trailing_space(units: Sequence[Any], start: int, end: int) -> float:
    """The width of the spaces a line ends with, which print nothing and take no room."""
    width = 0.0
    for at in range(end - 1, start - 1, -1):
        if not units[at].isspace():
            break
        width += units[at].width
    return width
