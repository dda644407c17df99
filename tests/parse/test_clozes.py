"""The highlight switch: ``==text==`` is a cloze by default, plain text when switched off."""

from __future__ import annotations

from pathlib import Path

from ccpkit.model import Card, Cloze
from ccpkit.parse import parse_notes

NOTES = """# Storage

- **S3:** ==object== storage

==Glacier== is for archives.

{{c1::EBS}} is block storage.
"""


def parsed_items(tmp_path: Path, *, highlight_clozes: bool) -> list[Card | Cloze]:
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "notes.md").write_text(NOTES, encoding="utf-8")
    items = list(parse_notes(tmp_path, highlight_clozes=highlight_clozes).deck.items())
    assert all(isinstance(item, Card | Cloze) for item in items)
    return items  # type: ignore[return-value]


def test_highlights_are_clozes_by_default(tmp_path: Path) -> None:
    items = parsed_items(tmp_path, highlight_clozes=True)
    assert [(item.kind, item.source.line) for item in items] == [("cloze", 3), ("cloze", 5), ("cloze", 7)]


def test_switched_off_a_highlight_is_emphasis_and_anki_syntax_is_still_a_cloze(tmp_path: Path) -> None:
    items = parsed_items(tmp_path, highlight_clozes=False)
    card, cloze = items
    assert isinstance(card, Card) and card.back == "==object== storage"
    assert isinstance(cloze, Cloze) and cloze.text == "{{c1::EBS}} is block storage."


def test_what_a_heading_hiding_words_heads_is_under_its_words_revealed(tmp_path: Path) -> None:
    """The context line of the cards below shows the sentence, not Anki's braces."""
    (tmp_path / "m").mkdir()
    notes = "# Cells\n\n## The {{c1::cell membrane}} is selective\n\n- **Osmosis:** water crossing it.\n"
    (tmp_path / "m" / "notes.md").write_text(notes, encoding="utf-8")
    cloze, card = parse_notes(tmp_path).deck.items()
    assert isinstance(cloze, Cloze) and cloze.section == ()
    assert card.section == ("The cell membrane is selective",)
