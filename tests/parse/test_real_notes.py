"""End to end on the real notes in ``source_notes/`` (written by ``ccpkit import``)."""

from __future__ import annotations

import pytest

from ccpkit.parse import Parsed, parse_notes
from tests.conftest import REPO

SOURCE_NOTES = REPO / "source_notes"


@pytest.fixture(scope="module")
def parsed() -> Parsed:
    if not any(SOURCE_NOTES.glob("*/*.md")):
        pytest.fail(f"the real notes are missing: run `ccpkit import` to write them into {SOURCE_NOTES}")
    return parse_notes(SOURCE_NOTES)


def test_every_question_of_the_export_is_found_with_its_answer(parsed: Parsed) -> None:
    mcqs = parsed.deck.mcqs
    assert len(mcqs) == 106
    assert all(mcq.answers and len(mcq.options) == 4 for mcq in mcqs)
    assert sum(1 for mcq in mcqs if mcq.explanation) >= 91
    assert not [p for p in parsed.errors if "question" in p.message or "answer" in p.message]


def test_two_paragraph_stems_are_kept_whole(parsed: Parsed) -> None:
    stems = [mcq.stem for mcq in parsed.deck.mcqs]
    assert any(stem.endswith("Which service allows this?") and "\n\n" in stem for stem in stems)
    assert any(stem.endswith("Which service is the best fit?") and "\n\n" in stem for stem in stems)


def test_every_comparison_table_is_found(parsed: Parsed) -> None:
    tables = parsed.deck.tables
    assert len(tables) == 72
    assert all(len(row) == len(table.columns) for table in tables for row in table.rows)
    assert sum(1 for table in tables if table.part == "Resources") == 12


def test_cram_sheet_terms_are_cards_and_labels_are_not(parsed: Parsed) -> None:
    cards = parsed.deck.cards
    assert sum(1 for card in cards if card.part == "Cram Sheet") >= 181
    fronts = {card.front.lower() for card in cards}
    assert not fronts & {"use case", "function", "action", "why this is best", "focus", "result"}


def test_module_numbers_follow_the_folders(parsed: Parsed) -> None:
    numbered = [module.number for module in parsed.deck.modules if module.number]
    assert numbered == list(range(1, 14))


def test_sources_point_at_real_lines(parsed: Parsed) -> None:
    for item in parsed.deck.items():
        lines = (SOURCE_NOTES / item.source.path).read_text(encoding="utf-8").split("\n")
        assert lines[item.source.line - 1].strip(), f"{item.source} is a blank line"


def test_lecture_names_over_their_defining_paragraph_are_cards(parsed: Parsed) -> None:
    """``- **Amazon FSx**``, a blank line, then what it is: a card, as the indented form is."""
    backs = {(card.module, card.front): card.back for card in parsed.deck.cards}
    assert backs["06-aws-storage-services", "Amazon FSx"].startswith("A fully managed file storage services")
    assert backs["10-monitoring-compliance-and-governance-in-the-aws-cloud", "CloudWatch alarms"].startswith(
        "With CloudWatch alarms, you can **define thresholds**"
    )


def test_named_terms_under_a_defined_term_are_cards_of_their_own(parsed: Parsed) -> None:
    """``Foundation Models (FMs)`` under ``Generative AI``: asked under its name, not on its back."""
    cards = {card.front: card for card in parsed.deck.cards if card.module == "08-ai-ml-and-data-analytics"}
    assert cards["Foundation Models (FMs)"].lead_in == "Generative AI:"
    assert "Foundation Models" not in cards["Generative AI"].back
