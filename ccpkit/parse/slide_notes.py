"""A slide deck's speaker notes written as reveal.js reads them: a ``Note:`` line and the rest of its
slide. They are for the speaker, not the study (as Quarto's ``::: notes``): no explanation of the
question on the slide, nor a card."""

from __future__ import annotations

import re
from collections.abc import Container

from ccpkit.regex import regex

_FRONT_MATTER = regex(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_DECK_KEY = regex(r"^(?:marp[ \t]*:[ \t]*true|revealOptions[ \t]*:|.*\brevealjs\b)", re.M | re.I)
"""Front matter that makes a file a deck: Marp's ``marp: true``, reveal-md's ``revealOptions:``,
Quarto's ``format: revealjs``."""
_SLIDE_BREAK = regex(r"-{2,}|\*{3,}")
"""A line that parts slides: reveal.js's ``---`` (``----`` or ``--`` for a vertical one), ``***``."""
NOTE_LINE = regex(r"(?i:notes?):(?:[ \t]|$)")
"""reveal.js's marker of a slide's speaker notes, at a line's start."""


def is_deck(text: str) -> bool:
    """Whether a file is a slide deck by its own word: front matter naming Marp, reveal.js or Quarto's
    revealjs. Notes parted by ``---`` under headings are as often a vault's page as slides, and there a
    ``Note:`` line is study matter: it stays."""
    front = _FRONT_MATTER.match(text)
    return front is not None and _DECK_KEY.search(front["body"]) is not None


def without_speaker_notes(lines: list[str], code: Container[int]) -> list[str]:
    """A deck's lines with each ``Note:`` line and the rest of its slide blank (every line keeps its
    number)."""
    kept, noting = [], False
    for number, line in enumerate(lines):
        if number not in code and _SLIDE_BREAK.fullmatch(line.strip()):
            noting = False
        noting = noting or (number not in code and NOTE_LINE.match(line) is not None)
        kept.append("" if noting else line)
    return kept
