"""A slide deck's speaker notes written as reveal.js reads them: a ``Note:`` line and the rest of its
slide. They are for the speaker, not the study (as Quarto's ``::: notes``): no explanation of the
question on the slide, nor a card."""

from __future__ import annotations

import re
from collections.abc import Container

from ccpkit.regex import regex

_FRONT_MATTER = regex(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_DECK_KEY = regex(r"^revealOptions[ \t]*:", re.M | re.I)
"""Front matter that makes a file a deck whose ``Note:`` lines are speaker notes: reveal-md's
``revealOptions:``. Not Marp's ``marp: true`` (its notes are HTML comments) nor Quarto's
``format: revealjs`` (its notes are ``::: notes``): there a ``Note:`` line is on the slide."""
_SLIDE_BREAK = regex(r"-{2,}|\*{3,}")
"""A line that parts slides: reveal.js's ``---`` (``----`` or ``--`` for a vertical one), ``***``."""
_NOTE = r"(?i:notes?):(?:[ \t]|$)"
_NOTE_LINE = regex(_NOTE)
"""reveal.js's marker of a slide's speaker notes, at a line's start."""
MAY_HOLD_SPEAKER_NOTES = regex(rf"^{_NOTE}", re.M)
"""What a deck's speaker notes open with: a file of none is never asked whether it is a deck."""
SPEAKER_NOTES_LEFT_OUT = (
    "a slide's speaker notes left out ({count} lines, from each `Note:` line to the end of its slide): "
    "in a reveal.js deck they are for the speaker, not the study"
)


def is_deck(text: str) -> bool:
    """Whether a file is a reveal.js deck by its own word: front matter with reveal-md's options. Notes
    parted by ``---`` under headings are as often a vault's page as slides, and there a ``Note:`` line is
    study matter: it stays."""
    front = _FRONT_MATTER.match(text)
    return front is not None and _DECK_KEY.search(front["body"]) is not None


def speaker_note_lines(lines: list[str], code: Container[int]) -> list[int]:
    """The numbers of a deck's lines that are speaker notes: each ``Note:`` line and the rest of its
    slide, blank lines left out of the count."""
    found, noting = [], False
    for number, line in enumerate(lines):
        if number not in code and _SLIDE_BREAK.fullmatch(line.strip()):
            noting = False
        noting = noting or (number not in code and _NOTE_LINE.match(line) is not None)
        if noting and line.strip():
            found.append(number)
    return found
