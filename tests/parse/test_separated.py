"""Cards whose sides a `%` line separates (ankdown, mdanki): what the fixture pictures do not show."""

from __future__ import annotations

from pathlib import Path

from ccpkit.export.anki.notes import tags_for
from ccpkit.parse import parse_notes

ANKDOWN = "Which tool digs small holes?\n\n%\n\nA trowel.\n\n%\n\ngarden, tools::hand #spring\n"


def test_the_tags_field_of_an_ankdown_card_tags_its_anki_note(tmp_path: Path) -> None:
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "notes.md").write_text(ANKDOWN, encoding="utf-8")
    (card,) = parse_notes(tmp_path).deck.items()
    assert tags_for(card) == ("module::m", "kind::card", "part::notes", "garden", "tools::hand", "spring")


def test_a_tag_that_repeats_the_module_or_kind_is_not_written_twice(tmp_path: Path) -> None:
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "notes.md").write_text(ANKDOWN.replace("garden", "m, card"), encoding="utf-8")
    (card,) = parse_notes(tmp_path).deck.items()
    assert tags_for(card) == ("module::m", "kind::card", "part::notes", "tools::hand", "spring")
