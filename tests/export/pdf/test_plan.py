"""Planning the PDF units without laying anything out: what each unit depends on."""

from __future__ import annotations

from dataclasses import replace

from ccpkit.export import ExportOptions, Unit
from ccpkit.export.pdf import units
from ccpkit.model import Card, Deck
from tests.conftest import sample_deck
from tests.export.pdf.conftest import TEMPLATES


def planned(deck: Deck) -> dict[str, Unit]:
    return {unit.name: unit for unit in units(deck, ExportOptions(templates=TEMPLATES))}


def test_one_unit_per_sheet_then_the_course_and_the_exam() -> None:
    assert list(planned(sample_deck())) == [
        "pdf/02-compute.pdf",
        "pdf/09-security.pdf",
        "pdf/course.pdf",
        "pdf/practice-exam.pdf",
    ]


def test_an_edit_to_one_card_redoes_its_module_sheet_and_the_course_only() -> None:
    deck = sample_deck()
    module = deck.modules[0]
    card = next(item for item in module.items if isinstance(item, Card))
    edited_items = tuple(replace(item, back="Edited.") if item is card else item for item in module.items)
    edited = replace(deck, modules=(replace(module, items=edited_items), *deck.modules[1:]))
    before, after = planned(deck), planned(edited)
    changed = sorted(name for name in before if before[name].inputs != after[name].inputs)
    assert changed == ["pdf/02-compute.pdf", "pdf/course.pdf"]
