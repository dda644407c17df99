"""What the PDF format makes beside its module sheets."""

from __future__ import annotations

from ccpkit.export import ExportOptions, Whole
from ccpkit.export.pdf import PDF
from ccpkit.model import Deck
from tests.conftest import sample_deck
from tests.export.pdf.conftest import TEMPLATES


def wholes(deck: Deck) -> dict[str, Whole]:
    return {whole.name: whole for whole in PDF.wholes(deck, ExportOptions(templates=TEMPLATES))}


def test_the_course_and_the_exam_are_made_whole_beside_the_sheets() -> None:
    assert list(wholes(sample_deck())) == ["pdf/course.pdf", "pdf/practice-exam.pdf"]
