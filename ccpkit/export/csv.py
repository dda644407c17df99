"""The CSV format: Anki text-import files (the same notes as the ``.apkg``) and plain spreadsheet files."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from ccpkit.export import Exported, ExportOptions, Format, Settled
from ccpkit.export.anki.csv_files import anki_csv_files, media_files
from ccpkit.export.anki.media import pictures_shown
from ccpkit.export.spreadsheet import PlainModule, plain_module, spreadsheet_files
from ccpkit.model import Deck, Module


class Csv(Format[PlainModule]):
    """``csv/anki/<note type>.csv`` with the ledger's GUIDs, the pictures they show in
    ``csv/anki/media/``, and ``csv/*.csv`` for spreadsheets.

    A part is a module's plain-text rows; the Anki files come from the settled notes."""

    name: ClassVar[str] = "csv"
    carries_identities: ClassVar[bool] = True

    def part(self, module: Module, title: str, options: ExportOptions) -> PlainModule:
        return plain_module(module)

    def assemble(self, deck: Deck, parts: Sequence[PlainModule], settled: Settled | None) -> Exported:
        if settled is None:
            raise ValueError("the Anki CSV files need the settled identities of their notes")
        pictures = media_files(pictures_shown(deck.pictures, settled.notes))
        return Exported((*anki_csv_files(settled.notes), *pictures, *spreadsheet_files(deck, parts)))


CSV = Csv()
