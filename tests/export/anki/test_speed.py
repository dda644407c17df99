"""Writing the deck for a course-sized model stays well under half a second (median of 5 runs)."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest

from ccpkit.build import settle_identities
from ccpkit.export import ExportOptions
from ccpkit.export.anki import export
from ccpkit.export.anki_notes import anki_notes
from ccpkit.model import MCQ, Card, ComparisonTable, Deck, Module, Option, SourceLocation
from tests.conftest import REPO

BUDGET_SECONDS = 0.5


def course_sized_deck() -> Deck:
    """13 modules of 80 cards, 8 five-row tables and 30 questions: 1,950 notes, like the real course."""
    return Deck(
        title="AWS Certified Cloud Practitioner", modules=tuple(_module(number) for number in range(1, 14))
    )


def _module(number: int) -> Module:
    slug = f"{number:02d}-module"
    at = SourceLocation(f"{slug}/notes.md", 1)
    cards = [
        Card(
            id=f"{slug}/card/t{i}",
            module=slug,
            source=at,
            part="Cram Sheet",
            front=f"Term **{i}**",
            back=f"Definition with `code`, *emphasis* and $x^{i}$\n\n- one\n- two",
        )
        for i in range(80)
    ]
    tables = [
        ComparisonTable(
            id=f"{slug}/table/t{i}",
            module=slug,
            source=at,
            part="Summary",
            title=f"Table {i}",
            columns=("Service", "Use", "Cost"),
            rows=tuple((f"Row {r}", f"use **{r}**", "low") for r in range(5)),
        )
        for i in range(8)
    ]
    questions = [
        MCQ(
            id=f"{slug}/mcq/q{i}",
            module=slug,
            source=at,
            part="Practice Questions",
            stem=f"Question {i}?",
            options=tuple(
                Option(label=label, text=f"Option {label}", correct=label == "B") for label in "ABCD"
            ),
            explanation="Because B.",
        )
        for i in range(30)
    ]
    return Module(number=number, slug=slug, title=f"Module {number}", items=(*cards, *tables, *questions))


@pytest.mark.slow
def test_writing_the_whole_course_takes_under_half_a_second(tmp_path: Path) -> None:
    deck = course_sized_deck()
    assert len(anki_notes(deck)) == 1_950
    _, options = settle_identities(
        tmp_path, deck, ExportOptions(templates=REPO / "templates"), now=1_700_000_000
    )
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        export(deck, options)
        timings.append(time.perf_counter() - start)
    assert statistics.median(timings) < BUDGET_SECONDS, timings
