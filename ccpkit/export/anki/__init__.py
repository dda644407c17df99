"""The Anki exporter: the whole course as one ``.apkg`` that updates in place when re-imported."""

from __future__ import annotations

from pathlib import PurePosixPath

from ccpkit.errors import Problem
from ccpkit.export import Exported, ExportOptions, Output
from ccpkit.export.anki.apkg import write_package
from ccpkit.export.anki.card_templates import load_templates
from ccpkit.export.anki.media import pictures_shown
from ccpkit.export.anki.notes import UNRECORDED, course_notes
from ccpkit.export.anki.table_notes import table_problems
from ccpkit.item_ids import slug
from ccpkit.model import Deck


def export(deck: Deck, options: ExportOptions) -> Exported:
    """``anki/<course>.apkg``: subdecks per module, our note types, GUIDs and mtimes from the ledger."""
    templates = load_templates(options.templates)
    notes = course_notes(deck, options)
    newest_note = max((note.modified for note in notes), default=UNRECORDED)
    templates_modified = options.templates_modified or newest_note
    data = write_package(notes, templates, templates_modified, pictures_shown(deck.pictures, notes))
    path = PurePosixPath("anki") / f"{slug(deck.title)}.apkg"
    return Exported((Output(path, data),), _skipped_tables(deck))


def _skipped_tables(deck: Deck) -> tuple[Problem, ...]:
    return tuple(
        Problem(
            item.source,
            f"table {item.title!r} has one column: nothing to ask per row, no Anki cards",
            "warning",
        )
        for item in deck.tables
        if len(item.columns) < 2
    ) + tuple(problem for table in deck.tables for problem in table_problems(table))
