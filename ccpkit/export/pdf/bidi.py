"""Right-to-left text (Hebrew, and any script Unicode writes so) in display order. reportlab sets every
line left to right in the order the characters are stored, which prints Hebrew backwards; its own
right-to-left support needs a library ccpkit does not ship. So each laid-out line is put in display
order here, as Unicode's bidirectional algorithm does for text without explicit embeddings: runs of
right-to-left letters reversed, numbers and left-to-right words inside them kept reading on, brackets
mirrored; a paragraph whose first strong letter is right-to-left reads from the right."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from ccpkit.regex import regex

_RIGHT_TO_LEFT = regex("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")
"""Blocks of scripts written right to left (Hebrew, Arabic, Syriac, Thaana …): a quick first look."""
_ARABIC_MARK = regex("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u08d3-\u08ff]")
_MIRRORED = str.maketrans("()[]{}<>«»\u2039\u203a", ")(][}{><»«\u203a\u2039")
_STRONG = {"L": "L", "R": "R", "AL": "R", "EN": "N", "AN": "N", "ES": "S", "CS": "S", "ET": "T"}
"""Bidirectional classes as this module needs them: left, right, number, a separator within a number
(``.``, ``,``, ``:``, ``-``), a sign next to one (``$``, ``%``); the rest is neutral."""


def has_right_to_left(text: str) -> bool:
    return _RIGHT_TO_LEFT.search(text) is not None


def display_order(text: Sequence[str], *, right_to_left: bool) -> list[tuple[int, bool]]:
    """Each of a line's characters (a string, or a character per item) from left to right as it
    prints, in a paragraph that reads ``right_to_left`` or not: its index, and whether it reads right
    to left there (a bracket then faces the other way). A combining mark stays after its letter."""
    clusters: list[list[int]] = []
    for index, char in enumerate(text):
        if clusters and unicodedata.bidirectional(char[:1]) == "NSM":
            clusters[-1].append(index)  # W1: a mark goes with the letter before it
        else:
            clusters.append([index])
    found = _levels([_kind(text[cluster[0]][:1]) for cluster in clusters], base=int(right_to_left))
    order = list(range(len(clusters)))
    for level in range(max(found, default=0), 0, -1):  # L2: reverse each run at this level or above
        start: int | None = None
        for place in range(len(order) + 1):
            inside = place < len(order) and found[order[place]] >= level
            if inside and start is None:
                start = place
            elif not inside and start is not None:
                order[start:place] = order[start:place][::-1]
                start = None
    return [
        (index, found[cluster] % 2 == 1)
        for cluster in order
        for index in _drawn(clusters[cluster], text, reversed_=found[cluster] % 2 == 1)
    ]


def _drawn(cluster: list[int], text: Sequence[str], *, reversed_: bool) -> list[int]:
    """A letter and its marks in the order they are drawn: an Arabic haraka in a right-to-left run
    before its letter, as DejaVu draws an Arabic mark over the glyph after it (a Hebrew mark over
    the glyph before it, so after its letter)."""
    if reversed_ and len(cluster) > 1 and _ARABIC_MARK.match(text[cluster[1]][:1]):
        return [*cluster[1:], cluster[0]]
    return cluster


def mirror(char: str) -> str:
    """A bracket as it prints in right-to-left text: ``(`` faces the other way."""
    return char.translate(_MIRRORED)


def _kind(char: str) -> str:
    """``L``, ``R``, ``N`` (a digit) or ``-`` (neutral) for one character."""
    return _STRONG.get(unicodedata.bidirectional(char), "-") if char else "-"


def _levels(kinds: list[str], *, base: int) -> list[int]:
    """Resolved levels (rules W1 to W7, N1, N2, I1 and I2 without explicit embeddings): a letter reads its
    way, a number as left-to-right text inside right-to-left text, a neutral as the letters on both
    sides of it when they agree (numbers count as right-to-left there) and as the paragraph else."""
    edge = "R" if base else "L"
    before, resolved = edge, []
    for kind in _numbers(kinds):  # a number after a left-to-right letter is left-to-right text (W7)
        resolved.append("L" if kind == "N" and before == "L" else kind)
        before = kind if kind in "LR" else before
    after, following = edge, []
    for kind in reversed(resolved):
        following.append(after)
        after = "R" if kind in "RN" else "L" if kind == "L" else after
    following.reverse()
    found: list[int] = []
    before = edge
    for kind, next_strong in zip(resolved, following, strict=True):
        if kind == "-":
            kind = before if before == next_strong else edge
        found.append(_level(kind, base))
        before = "R" if kind in "RN" else "L" if kind == "L" else before
    return found


def _numbers(kinds: list[str]) -> list[str]:
    """W4 and W5: one separator between two digits (``9.7``, ``16:48``, ``3-5``) and signs next to
    digits (``9.7$``, ``50%``) are part of the number; other separators and signs are neutral."""
    found = list(kinds)
    for at in range(1, len(found) - 1):
        if found[at] == "S" and found[at - 1] == "N" and kinds[at + 1] == "N":
            found[at] = "N"
    for at in _signs_by_numbers(found):
        found[at] = "N"
    return [kind if kind in "LRN" else "-" for kind in found]


def _signs_by_numbers(kinds: list[str]) -> list[int]:
    """The places of the runs of signs (``T``) right before or after a digit."""
    places: list[int] = []
    start = 0
    while start < len(kinds):
        end = start
        while end < len(kinds) and kinds[end] == "T":
            end += 1
        if end > start and (
            (start > 0 and kinds[start - 1] == "N") or (end < len(kinds) and kinds[end] == "N")
        ):
            places += range(start, end)
        start = end + 1 if end == start else end
    return places


def _level(kind: str, base: int) -> int:
    if kind == "R":
        return 1
    if kind == "N":
        return 2
    return base + base % 2  # left to right: the paragraph's level, or the next even one
