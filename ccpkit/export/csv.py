"""The CSV exporter: Anki text-import files (the same notes as the ``.apkg``) and plain spreadsheet files."""

from __future__ import annotations

from ccpkit.export import Exported, ExportOptions
from ccpkit.export.anki_csv import anki_csv_files
from ccpkit.export.anki_notes import anki_notes
from ccpkit.export.spreadsheet import spreadsheet_files
from ccpkit.model import Deck


def export(deck: Deck, options: ExportOptions) -> Exported:
    """``csv/anki/<note type>.csv`` with the ledger's GUIDs from ``options.identities``, and ``csv/*.csv``."""
    notes = anki_notes(
        deck,
        options.identities,
        root_deck=options.deck_name,
        memo=options.memo,
        link_tables=options.anki_link_tables,
    )
    return Exported((*anki_csv_files(notes), *spreadsheet_files(deck, options.memo)))
