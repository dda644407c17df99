"""The pictures Anki needs: those a note's fields show, by the content names the parser gave them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ccpkit.export.anki.notes import AnkiNote
from ccpkit.model import Picture


def pictures_shown(pictures: Sequence[Picture], notes: Iterable[AnkiNote]) -> tuple[Picture, ...]:
    """The ``pictures`` some note's field shows (a picture only a PDF prints stays out of Anki). Only
    the fields showing a picture are looked through: all fields joined would be tens of megabytes
    in a large course."""
    if not pictures:
        return ()
    showing = [field for note in notes for field in note.fields if 'src="' in field]
    return tuple(picture for picture in pictures if any(f'src="{picture.name}"' in one for one in showing))
