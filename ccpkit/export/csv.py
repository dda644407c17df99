"""The CSV exporter: Anki text-import files (the same notes as the ``.apkg``) and plain spreadsheet files."""

from __future__ import annotations

from ccpkit.export import Exported, ExportOptions
from ccpkit.export.anki.csv_files import anki_csv_files, media_files
from ccpkit.export.anki.media import pictures_shown
from ccpkit.export.anki.notes import course_notes
from ccpkit.export.spreadsheet import spreadsheet_files
from ccpkit.model import Deck


def export(deck: Deck, options: ExportOptions) -> Exported:
    """``csv/anki/<note type>.csv`` with the ledger's GUIDs from ``options.identities``, the pictures
    they show in ``csv/anki/media/``, and ``csv/*.csv``."""
    notes = course_notes(deck, options)
    pictures = media_files(pictures_shown(deck.pictures, notes))
    return Exported((*anki_csv_files(notes), *pictures, *spreadsheet_files(deck, options.memo)))
