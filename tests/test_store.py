"""The build's store: what goes in comes back equal, whatever it holds."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ccpkit.export import ExportOptions
from ccpkit.export.anki import ANKI
from ccpkit.parse import parse_notes
from ccpkit.store import Store
from tests.conftest import REPO

FIXTURE = Path(__file__).parent / "fixtures" / "notes"


def test_a_parsed_deck_and_its_anki_parts_come_back_equal(tmp_path: Path) -> None:
    parsed = parse_notes(FIXTURE)
    options = ANKI.read(ExportOptions(templates=REPO / "templates"))
    parts = tuple(ANKI.part(module, parsed.deck.title, options) for module in parsed.deck.modules)
    store = Store(tmp_path / "store")
    store.put("parsed", parsed)
    store.put("parts", parts)

    assert store.get("parsed", type(parsed)) == parsed
    assert store.get("parts", tuple) == parts


def test_an_unreadable_entry_is_none(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    store.put("kept", {"a": 1})
    (tmp_path / "store" / "kept.pickle").write_bytes(b"not a pickle")

    assert store.get("kept", dict) is None
    assert store.get("never filed", dict) is None


@dataclasses.dataclass(frozen=True, slots=True)
class OneField:
    value: str


@dataclasses.dataclass(frozen=True, slots=True)
class TwoFields:
    first: OneField
    second: tuple[OneField, ...]


def test_dataclasses_with_slots_of_one_field_or_more_come_back_equal(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    value = TwoFields(OneField("a"), (OneField("b"), OneField("c")))
    store.put("kept", value)

    assert store.get("kept", TwoFields) == value
