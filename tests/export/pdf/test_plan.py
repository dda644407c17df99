"""Planning the PDF units without laying anything out: who lays out the course's missing pages."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path

from ccpkit.export import ExportOptions, Unit
from ccpkit.export.pdf import export, units
from ccpkit.memo import Memo
from ccpkit.model import Card, Deck
from tests.conftest import sample_deck
from tests.export.pdf.conftest import TEMPLATES

COURSE = "pdf/course.pdf"


def planned(deck: Deck, memo: Memo) -> dict[str, Unit]:
    return {unit.name: unit for unit in units(deck, ExportOptions(templates=TEMPLATES, memo=memo))}


def lays_out_its_part(unit: Unit) -> bool:
    assert isinstance(unit.run, partial)
    return bool(unit.run.keywords["with_part"])


def sheets(plan: dict[str, Unit]) -> list[Unit]:
    return [unit for name, unit in plan.items() if name not in (COURSE, "pdf/practice-exam.pdf")]


def test_a_first_build_spreads_the_course_pages_over_the_sheet_units_and_binds_last(tmp_path: Path) -> None:
    plan = planned(sample_deck(), Memo(tmp_path))
    assert sheets(plan) and all(lays_out_its_part(unit) for unit in sheets(plan))
    assert plan[COURSE].weight == 0  # taken last, once the parts are in the memo


def test_after_an_edit_to_one_module_the_course_unit_lays_out_its_pages_first(tmp_path: Path) -> None:
    deck, memo = sample_deck(), Memo(tmp_path)
    export(deck, ExportOptions(templates=TEMPLATES, memo=memo))  # every part kept
    module = deck.modules[0]
    card = next(item for item in module.items if isinstance(item, Card))
    edited_items = tuple(replace(item, back="Edited.") if item is card else item for item in module.items)
    edited = replace(deck, modules=(replace(module, items=edited_items), *deck.modules[1:]))

    plan = planned(edited, memo)
    assert not any(lays_out_its_part(unit) for unit in sheets(plan))
    assert plan[COURSE].weight > max(unit.weight for unit in sheets(plan))
    assert not any(lays_out_its_part(unit) for unit in sheets(planned(deck, memo)))  # nothing missing


def test_without_a_memo_no_sheet_unit_lays_out_course_pages() -> None:
    assert not any(lays_out_its_part(unit) for unit in sheets(planned(sample_deck(), Memo())))
