"""Spoilers, Reddit's (``>!Canberra!<``) and Discord's (``||Canberra||``): an answer hidden until the
reader looks. One definition for every rule that reads them: what one rule takes for a spoiler, every
rule does."""

from __future__ import annotations

import re

from ccpkit.regex import regex

HIDDEN_WORDS = r"(?=[^!]*[^!\s])[^!]*+"
"""What a Reddit spoiler hides: its words up to the next ``!``, some not blank (a spoiler that hides
nothing hides no answer). Read once: the word it needs looked ahead for, not backtracked to."""

SPOILER = regex(r">!(?P<hidden>[^!]+)!<|\|\|(?P<barred>[^|]+)\|\|")
"""A spoiler, Reddit's (``>!C!<``) or Discord's (``||C||``), maybe over several lines of a paragraph;
to embed in a pattern (``… scurvy? >!C!<``), its groups ``hidden`` and ``barred``. One that hides
only spaces is one still: the rule that reads it says its answer is missing, never drops it."""


def hidden_words(text: str) -> str | None:
    """The words ``text`` hides, where it is a spoiler alone (``||Nitrogen||``, ``>!C!<``), else ``None``."""
    found = SPOILER.fullmatch(text.strip())
    return spoiled(found) if found is not None else None


def spoiled(found: re.Match[str]) -> str:
    """The words a match of ``SPOILER`` (alone or embedded) hides."""
    return (found["hidden"] or found["barred"]).strip()


def barred_norm(found: re.Match[str]) -> bool:
    """Whether a spoiler found is Discord's bars around what a formula's norm holds (``||v||``, ``||x -
    y||``), not a number, a capital letter maybe with a small one (``||K||``, a vitamin; ``||Na||``,
    an element's symbol) or a word. Rules that read a spoiler with no question's options around it
    ask this; under options, ``||b||`` is their letter."""
    barred = found["barred"]
    return barred is not None and not (_NUMBER_OR_SYMBOL.fullmatch(barred) or _WORD.search(barred))


_NUMBER_OR_SYMBOL = regex(r"\d+|[A-Z][a-z]?")
_WORD = regex(r"[^\W\d_]{3}")
