"""Cards worth studying (SuperMemo's rules): no filler, one thing per card, every front answerable and
unambiguous. Written against a small fixture course holding each form, then imported into real Anki."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from ccpkit.cli import cli
from ccpkit.export import ExportOptions
from ccpkit.export.anki_notes import AnkiNote, anki_notes, card_problems
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


def test_a_front_read_with_another_answer_is_qualified_by_its_heading(course: Deck) -> None:
    notes = notes_by_id(course)
    first, second = notes["01-sample/card/storage"], notes["02-more/card/storage"]
    assert first.field("Term") != second.field("Term")
    assert first.field("Term").startswith("Storage \N{MIDDLE DOT} ")
    assert second.field("Term").endswith("Instance setup")


def test_a_front_repeated_with_the_same_answer_stays_as_written(course: Deck) -> None:
    notes = notes_by_id(course)
    assert (
        notes["01-sample/card/network"].field("Term")
        == notes["02-more/card/network"].field("Term")
        == "Network"
    )


def test_check_warns_on_fronts_that_stay_alike(course: Deck) -> None:
    first, second = course.modules
    twin = replace(second, number=first.number, title=first.title)  # a module folder copied and edited
    problems = card_problems(replace(course, modules=(first, twin)))
    assert [str(problem.location) for problem in problems] == ["02-more/lecture-notes.md:11"]
    assert "reads the same as the one at 01-sample/lecture-notes.md:41" in problems[0].message


def test_ccpkit_check_prints_the_alike_fronts_with_file_and_line(tmp_path: Path) -> None:
    notes = Path(shutil.copytree(FIXTURE, tmp_path / "notes"))
    with (notes / "02-more" / "lecture-notes.md").open("a", encoding="utf-8") as more:
        more.write("\n{#network-peering}\n- **Network:** Peer two VPCs\n")  # pinned apart, not merged
    result = CliRunner().invoke(cli, ["check", "--notes", str(notes), "--strict"])
    assert (
        "02-more/lecture-notes.md:19: warning: the card front 'Network \N{MIDDLE DOT} 02 More"
        in result.output
    )
    assert result.exit_code == 1
