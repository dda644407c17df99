"""The Anki format: the whole course as one ``.apkg`` that updates in place when re-imported."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import chain
from pathlib import PurePosixPath
from typing import ClassVar

from ccpkit.errors import Problem
from ccpkit.export import Exported, ExportOptions, Format, Output, Settled
from ccpkit.export.anki import genanki_import  # noqa: F401  (before any module imports genanki)
from ccpkit.export.anki.apkg import recorded_notes, write_package
from ccpkit.export.anki.card_templates import read_templates, templates_of
from ccpkit.export.anki.media import pictures_shown
from ccpkit.export.anki.notes import AnkiPart, card_problems, module_part
from ccpkit.item_ids import slug
from ccpkit.model import Deck, Module


class Anki(Format[AnkiPart]):
    """``anki/<course>.apkg``: subdecks per module, our note types, GUIDs and mtimes from the ledger.

    A part is a module's rendered notes; the build settles the ledger from them and hands the notes,
    with their identities, to ``assemble``."""

    name: ClassVar[str] = "anki"
    carries_identities: ClassVar[bool] = True

    def read(self, options: ExportOptions) -> ExportOptions:
        return read_templates(options)

    def part(self, module: Module, title: str, options: ExportOptions) -> AnkiPart:
        part = module_part(module, title, options)
        return replace(part, written=recorded_notes(part.notes(), templates_of(options)))

    def assemble(self, deck: Deck, parts: Sequence[AnkiPart], settled: Settled | None) -> Exported:
        if settled is None or settled.templates is None:
            raise ValueError("an .apkg needs its notes' settled identities and its card templates")
        pictures = pictures_shown(deck.pictures, settled.notes)
        recorded = {  # a part without recorded rows has its notes written by genanki afresh
            rendered[0]: written  # the note's id
            for part in parts
            if part.written
            for rendered, written in zip(chain.from_iterable(part.items), part.written, strict=True)
        }
        data = write_package(settled.notes, settled.templates, settled.templates_modified, pictures, recorded)
        path = PurePosixPath("anki") / f"{slug(deck.title)}.apkg"
        return Exported((Output(path, data),), (*_one_column_tables(deck), *card_problems(deck, parts)))


class AnkiNotes(Format[AnkiPart]):
    """The course's Anki notes and nothing more: what the ledger is settled from when a build writes
    Anki CSV files but no .apkg. It reads no card template and records no genanki rows, and it makes
    no file of its own."""

    name: ClassVar[str] = "anki-notes"

    def part(self, module: Module, title: str, options: ExportOptions) -> AnkiPart:
        return module_part(module, title, options)

    def assemble(self, deck: Deck, parts: Sequence[AnkiPart], settled: Settled | None) -> Exported:
        return Exported(())


ANKI = Anki()
ANKI_NOTES = AnkiNotes()


def _one_column_tables(deck: Deck) -> tuple[Problem, ...]:
    return tuple(
        Problem(
            item.source,
            f"table {item.title!r} has one column: nothing to ask per row, no Anki cards",
            "warning",
        )
        for item in deck.tables
        if len(item.columns) < 2
    )
