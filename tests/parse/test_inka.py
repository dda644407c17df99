"""inka's sections: the ``Tags:`` line tags the section's cards and clozes, and nothing outside it."""

from __future__ import annotations

from pathlib import Path

from ccpkit.parse import parse_notes

NOTES = """# Birds

---

Deck: Nature::Birds

Tags: birds migration

1. The {Arctic tern} migrates furthest.

2. Which bird lays the largest egg?

> The ostrich

---

- **Owl:** a bird of the night.
"""


def test_the_tags_line_tags_the_sections_items_only(tmp_path: Path) -> None:
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "notes.md").write_text(NOTES, encoding="utf-8")
    items = parse_notes(tmp_path).deck.items()
    assert [(item.kind, item.tags) for item in items] == [
        ("cloze", ("m", "cloze", "birds", "migration")),
        ("card", ("m", "card", "birds", "migration")),
        ("card", ("m", "card", "birds")),
    ]
