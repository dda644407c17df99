"""Roman numbers as lists, parts, columns and options are numbered with them (``i``, ``ii`` … ``x``),
known in one place so each rule reads the same ones."""

from __future__ import annotations

from collections.abc import Sequence

ROMAN_NUMBERS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")
"""The Roman numbers from 1 to 10, in lower case and in order."""


def alternation(numbers: Sequence[str]) -> str:
    """A regex alternation of ``numbers``, the longest first, so ``viii`` is not read as ``v``."""
    return "|".join(sorted(numbers, key=len, reverse=True))


ROMAN_NUMBER = alternation(ROMAN_NUMBERS)
"""Any of them, in lower case: wrap it as ``(?i:…)`` to take ``IV`` too."""
