"""GitHub's emoji shortcodes (``:white_check_mark:``), as notes written for GitHub mark options,
answers and bullets: the emoji they stand for, so the rules read them as they read the emoji, and a
card shows a tick, not ``:white_check_mark:``. Only the shortcodes study notes use are known; any
other ``:word:`` stays as written."""

from __future__ import annotations

import re
from collections.abc import Callable

from ccpkit.regex import regex

EMOJI = {
    "white_check_mark": "\u2705",
    "heavy_check_mark": "\u2714\ufe0f",
    "ballot_box_with_check": "\u2611\ufe0f",
    "x": "\u274c",
    "heavy_multiplication_x": "\u2716\ufe0f",
    "negative_squared_cross_mark": "\u274e",
    "no_entry": "\u26d4",
    "no_entry_sign": "\U0001f6ab",
    "small_orange_diamond": "\U0001f538",
    "small_blue_diamond": "\U0001f539",
    "large_orange_diamond": "\U0001f536",
    "large_blue_diamond": "\U0001f537",
    "point_right": "\U0001f449",
    "arrow_right": "\u27a1\ufe0f",
    "bulb": "\U0001f4a1",
    "memo": "\U0001f4dd",
    "pushpin": "\U0001f4cc",
    "warning": "\u26a0\ufe0f",
    "star": "\u2b50",
    "question": "\u2753",
    "exclamation": "\u2757",
    "key": "\U0001f511",
    "book": "\U0001f4d6",
    "books": "\U0001f4da",
    "dart": "\U0001f3af",
    "fire": "\U0001f525",
    "rocket": "\U0001f680",
    "red_circle": "\U0001f534",
    "green_circle": "\U0001f7e2",
    "large_blue_circle": "\U0001f535",
}
"""Shortcode → emoji, as GitHub renders them."""

_SHORTCODE = regex(r"(?<![\w:/\[(]):(?P<name>[a-z][a-z_]*):(?![\w:/\])])")
"""A shortcode between spaces or punctuation: not part of a link (``…sharepoint.com/:x:/g/…``), a
slice (``a[:x:]``) or a word."""
_LONE = frozenset({"x"})
"""Shortcodes that are as often something else (Vim's ``:x:`` command): emoji only in a file that
writes other shortcodes too."""


def shortcodes(text: str) -> Callable[[str, str], str]:
    """The rewrite of ``text``'s lines: each known shortcode as its emoji (code spans left as written)."""
    named = {found["name"] for found in _SHORTCODE.finditer(text)} & EMOJI.keys()
    known = EMOJI if named - _LONE else {name: emoji for name, emoji in EMOJI.items() if name not in _LONE}

    def emoji(found: re.Match[str]) -> str:
        return known.get(found["name"], found[0])

    def rewrite(line: str, _above: str) -> str:
        if ":" not in line:
            return line
        pieces = re.split(r"(`+[^`]*`+)", line)
        return "".join(piece if piece.startswith("`") else _SHORTCODE.sub(emoji, piece) for piece in pieces)

    return rewrite
