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
_HEADING = regex(r"#{1,6}[ \t]")
NOTE_LINE = regex(r"(?i:notes?):(?:[ \t]|$)")
"""reveal.js's marker of a slide's speaker notes, at a line's start."""
_SLIDES = 2
"""At least this many slides, each opening with a heading, make a file with no deck's front matter a deck."""


def is_deck(text: str, lines: list[str], code: Container[int]) -> bool:
    """Whether a file is a slide deck: its front matter says so, or its slides (parted by ``---``
    lines) each open with a heading, as reveal.js and Marp decks are written."""
    front = _FRONT_MATTER.match(text)
    if front is not None and _DECK_KEY.search(front["body"]):
        return True
    start = text.count("\n", 0, front.end()) if front else 0
    slides: list[list[str]] = [[]]
    for number in range(start, len(lines)):
        if number in code:
            slides[-1].append("code")
        elif _SLIDE_BREAK.fullmatch(lines[number].strip()) and not lines[number].startswith((" ", "\t")):
            slides.append([])
        elif lines[number].strip():
            slides[-1].append(lines[number])
    shown = [slide for slide in slides if slide]
    return (
        len(shown) >= _SLIDES and len(slides) > _SLIDES and all(_HEADING.match(slide[0]) for slide in shown)
    )


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
