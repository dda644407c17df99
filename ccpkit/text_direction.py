"""Which way a text reads: the one test the PDFs and the Anki cards share (``export/pdf/bidi.py`` puts
right-to-left lines in display order for the PDFs)."""

from __future__ import annotations

import unicodedata

_RIGHT_TO_LEFT_CLASSES = ("R", "AL")
"""Unicode's bidirectional classes of letters read right to left (Hebrew; Arabic, Syriac, Thaana)."""


def starts_right_to_left(text: str) -> bool:
    """Whether the first letter with a direction reads right to left: the direction of a paragraph,
    or of a table by its header."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in _RIGHT_TO_LEFT_CLASSES:
            return True
        if kind == "L":
            return False
    return False
