"""The pictures Anki needs: those a note's fields show, by the content names the parser gave them."""

from __future__ import annotations

from collections.abc import Iterable

from ccpkit.export.anki.notes import AnkiNote
from ccpkit.model import Picture


def pictures_shown(pictures: Iterable[Picture], notes: Iterable[AnkiNote]) -> tuple[Picture, ...]:
    """The ``pictures`` some note's field shows (a picture only a PDF prints stays out of Anki)."""
    fields = "\n".join(field for note in notes for field in note.fields)
    return tuple(picture for picture in pictures if f'src="{picture.name}"' in fields)
