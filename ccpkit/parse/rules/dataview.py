"""Obsidian Dataview inline fields (``key:: value``), which share their ``::`` with flashcards.

Dataview reads a field in two ways: wrapped anywhere in a line, ``[key:: value]`` or ``(key:: value)``,
with a key free of brackets; or as a whole line ``key:: value`` whose key (markup such as ``**`` around
it aside) is made of letters, digits, spaces, ``_``, ``-`` and ``/`` only. A flashcard plugin reads the
same whole line as ``Front::Back``, so the flashcard rule asks these questions to tell them apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ccpkit.regex import regex

_WRAPPED = regex(r"\[[^\[\]()\n]*?::[^\[\]\n]*\]|\([^\[\]()\n]*?::[^()\n]*\)")
"""``[key:: value]`` and ``(key:: value)``: the key holds no bracket, the value no bracket of its kind."""
_KEY = regex(r"^[^\w]*(?P<key>[\w\s/-]+?)[_*~`]*$")
"""A whole-line key as Dataview reads it: leading markup, the key, trailing emphasis or code marks."""
_METADATA = regex(
    r"""^(?:
        \d{4}-\d{2}-\d{2}(?:[T\s]\d{2}:\d{2}(?::\d{2})?)?   # a date, or a date and time
      | true | false                                    # a yes/no flag
      | (?:!?\[\[[^\]]+\]\](?:\s*,\s*)?)+               # links to notes: [[Note]], [[A]], [[B]]
      | !?\[\[[^\]]+\]\]\s*[\u2014\u2013-]\s.*            # a link and why: [[metrics]] — what it adds
      | (?:\#[\w/-]+[\s,]*)+                            # tags: #aws #storage
      | https?://\S+                                    # a web address
    )$""",
    re.VERBOSE | re.IGNORECASE,
)
"""Values only metadata holds: no flashcard answers with a date, a tag list or a link to a note
(with a dash and a word on why, as notes linking to their neighbours write it)."""
_KEY_LIKE = regex(r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+")
"""A key written as programs name things (``builds-on``, ``due_date``): a field's, not a card's front,
even in a deck of cards (a lower-case word alone, ``hablar``, is a vocabulary card's)."""
NAME_WORDS = 3
"""A field key is a name of at most this many words (``status``, ``Date read``, ``Date of birth``);
a longer front is a phrase, the way questions and definitions read."""


def without_wrapped_fields(line: str, hidden: str) -> str:
    """``line`` without its ``[key:: value]`` and ``(key:: value)`` fields (metadata, never a card's
    words), found in ``hidden``: the line with its code blanked out, so a field shown in code stays."""
    kept, start = [], 0
    for match in _WRAPPED.finditer(hidden):
        kept.append(line[start : match.start()].rstrip(" \t") if match.start() else "")
        start = match.end()
    return "".join(kept) + line[start:] if kept else line


def field_key(front: str) -> str | None:
    """The key Dataview would read from the text before a line's ``::``, or ``None`` if it reads none."""
    match = _KEY.match(front.strip())
    key = match["key"].strip("_") if match is not None else ""
    return " ".join(key.split()) if any(char.isalnum() for char in key) else None


def is_name(key: str) -> bool:
    """Whether a field key is short enough to be a name rather than a question or a phrase."""
    return len(key.split()) <= NAME_WORDS


def is_key_like(key: str) -> bool:
    """Whether ``key`` is written as a program's name (see ``_KEY_LIKE``)."""
    return _KEY_LIKE.fullmatch(key) is not None


def is_metadata(value: str) -> bool:
    """Whether a field's value is one only metadata holds (a date, a flag, note links, tags, a URL)."""
    return not value.strip() or _METADATA.match(value.strip()) is not None


def wrapped_fields(hidden: str) -> Iterator[re.Match[str]]:
    """Each ``[key:: value]`` and ``(key:: value)`` field of a line, found in ``hidden``: the line with
    its code blanked out."""
    return _WRAPPED.finditer(hidden)
