"""Cards worth studying (SuperMemo's rules): no filler, one thing per card, every front answerable and
unambiguous. Written against a small fixture course holding each form, then imported into real Anki."""

from __future__ import annotations

from pathlib import Path

import pytest

from ccpkit.export import ExportOptions
from ccpkit.export.anki_notes import AnkiNote, anki_notes
from ccpkit.export.csv import export as export_csv
from ccpkit.model import Deck
from ccpkit.parse import parse_notes
from tests.conftest import REPO

FIXTURE = Path(__file__).parent / "fixtures" / "studyable"
TEMPLATES = REPO / "templates"


@pytest.fixture(scope="module")
def course() -> Deck:
    return parse_notes(FIXTURE).deck


def notes_by_id(deck: Deck, **options: bool) -> dict[str, AnkiNote]:
    return {note.id: note for note in anki_notes(deck, **options)}


def test_a_table_of_links_is_reference_not_cards(course: Deck) -> None:
    assert not [note_id for note_id in notes_by_id(course) if note_id.startswith("01-sample/table/resources")]


def test_ccpkit_toml_can_ask_for_link_tables_in_the_deck(course: Deck) -> None:
    opted_in = notes_by_id(course, link_tables=True)
    assert {"01-sample/table/resources/queues-overview", "01-sample/table/resources/storage-guide"} <= set(
        opted_in
    )


def test_the_spreadsheet_csv_keeps_the_link_table(course: Deck) -> None:
    exported = export_csv(course, ExportOptions(templates=TEMPLATES))
    (links,) = [output for output in exported.outputs if "resources" in str(output.path)]
    assert b"Storage guide" in links.data
    anki_rows = b"".join(output.data for output in exported.outputs if "csv/anki" in str(output.path))
    assert b"Storage guide" not in anki_rows
