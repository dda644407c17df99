"""What the PDF format makes beside its module sheets, and what each of those reads."""

from __future__ import annotations

from dataclasses import replace

from ccpkit.export import ExportOptions, Whole
from ccpkit.export.pdf import PDF
from ccpkit.model import Card, Deck
from tests.conftest import sample_deck
from tests.export.pdf.conftest import TEMPLATES


def wholes(deck: Deck) -> dict[str, Whole]:
    return {whole.name: whole for whole in PDF.wholes(deck, ExportOptions(templates=TEMPLATES))}


def test_the_course_and_the_exam_read_the_whole_deck() -> None:
    assert list(wholes(sample_deck())) == ["pdf/course.pdf", "pdf/practice-exam.pdf"]


def test_an_edit_to_one_card_changes_what_both_read() -> None:
    deck = sample_deck()
    module = deck.modules[0]
    card = next(item for item in module.items if isinstance(item, Card))
    edited_items = tuple(replace(item, back="Edited.") if item is card else item for item in module.items)
    edited = replace(deck, modules=(replace(module, items=edited_items), *deck.modules[1:]))
    before, after = wholes(deck), wholes(edited)
    changed = sorted(name for name in before if before[name].reads != after[name].reads)
    assert changed == ["pdf/course.pdf", "pdf/practice-exam.pdf"]  # the exam's footer digests every module
