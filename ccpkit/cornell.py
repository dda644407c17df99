"""The words of a Cornell page that both sides read alike: the parser, which keeps a page whose last
cue sums it up as a printed table, and the Anki export, which asks every row of that table but the
summary's. Spelt once, so the two never disagree on which table is such a page, nor which row sums it."""

from __future__ import annotations

from collections.abc import Sequence

from ccpkit.markup import to_text
from ccpkit.regex import regex

SUMMING_UP = regex(r"(?i)\W*(?:summary|recap|key\s+(?:points|takeaways?)|takeaways?)\W*")
"""A Cornell page's last cue (``Summary``, ``— Recap —``, ``Key takeaways:``), over the page summed up:
no one thing to recall."""
_CUE = r"(?:key\s+)?(?:cues?|questions?)"
CUE_COLUMN = regex(
    rf"(?i)\W*(?:{_CUE}(?:\s*[/&]\s*{_CUE}|\s+and\s+{_CUE})?|key\s*words?|main\s+ideas?|prompts?|topics?|recall)\W*"
)
"""The head of a Cornell page's left column (``Cue``, ``Cues/Questions``, ``Questions / Cues``, ``Key
questions``, ``Main ideas``): what each row's notes answer."""
NOTES_COLUMN = regex(
    r"(?i)\W*(?:notes?|note[- ]taking(?:\s+area)?|details)(?:\s+(?:column|area|section))?\W*"
)
"""The head of a Cornell page's right column, or of its section when cues and notes are written as
sections one after the other (``## Cues`` then ``## Notes``)."""
ROW_NUMBER_COLUMNS = frozenset({"#", "no", "no.", "number", "id"})
"""The head of a first column that only numbers the rows: no side of a card."""


def cue_column(headers: Sequence[str]) -> int | None:
    """Where the cues stand in a table headed ``headers`` (Markdown cells) if it is a Cornell page, a
    column of cues and one of notes (after a column numbering the rows); ``None`` for another table."""
    named = [to_text(header).strip() for header in headers]
    sides = [
        at for at, name in enumerate(named) if name and not (at == 0 and name.lower() in ROW_NUMBER_COLUMNS)
    ]
    return sides[0] if len(sides) == 2 and CUE_COLUMN.fullmatch(named[sides[0]]) else None


def sums_up_the_page(headers: Sequence[str], last_row: Sequence[str]) -> bool:
    """Whether ``last_row`` (Markdown cells) of a table headed ``headers`` is a Cornell page's summary
    (``| Summary | … |`` under ``| Cue | Notes |``): printed with the page, asked on no card."""
    at = cue_column(headers)
    return at is not None and at < len(last_row) and SUMMING_UP.fullmatch(to_text(last_row[at])) is not None
