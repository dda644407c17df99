"""The CSV exporter: Anki text-import files (the same notes as the ``.apkg``) and plain spreadsheet files."""

from __future__ import annotations

from ccpkit.export import Exported, ExportOptions, Unit, inputs_digest
from ccpkit.export.anki_csv import anki_csv_files
from ccpkit.export.anki_notes import anki_notes
from ccpkit.export.spreadsheet import spreadsheet_files
from ccpkit.model import Deck


def export(deck: Deck, options: ExportOptions) -> Exported:
    """``csv/anki/<note type>.csv`` with the ledger's GUIDs from ``options.identities``, and ``csv/*.csv``."""
    return Exported(tuple(output for unit in units(deck, options) for output in unit.run().outputs))


def units(deck: Deck, options: ExportOptions) -> tuple[Unit, ...]:
    """The Anki files wait for the ledger's GUIDs; the spreadsheet files need none, so they start sooner."""

    def anki() -> Exported:
        notes = anki_notes(deck, options.identities, root_deck=options.deck_name, memo=options.memo)
        return Exported(anki_csv_files(notes))

    def sheets() -> Exported:
        return Exported(spreadsheet_files(deck, options.memo))

    return (
        Unit("csv/anki", inputs_digest(deck, options), anki, needs_identities=True),
        Unit("csv/sheets", inputs_digest(deck), sheets, weight=len(deck.cards)),
    )
