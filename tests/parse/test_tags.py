"""Tags written in the notes, as Obsidian and Anki users write them, become the Anki notes' tags."""

from __future__ import annotations

from pathlib import Path

from ccpkit.export.anki.notes import tags_for
from ccpkit.model import Card, Cloze
from ccpkit.parse import parse_notes

NOTES = """# Cards

- **Quarry Store:** Objects kept for years. #exam #aws::storage
- **Lantern Run:** Functions run on demand. #aws/compute #exam

What holds backups?::Harbor Vault #aws::storage

The capital of Peru is ==Lima==. #geo::capitals

#aws::security #flashcards
What guards the door?
?
The Gatekeeper
"""


def _own_tags(tmp_path: Path) -> dict[str, tuple[str, ...]]:
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "notes.md").write_text(NOTES, encoding="utf-8")
    parsed = parse_notes(tmp_path)
    assert not parsed.problems
    return {
        item.front if isinstance(item, Card) else item.text: tags_for(item)[3:]
        for item in parsed.deck.items()
        if isinstance(item, (Card, Cloze))
    }


def test_tags_nested_either_way_end_a_line_and_file_its_card(tmp_path: Path) -> None:
    tags = _own_tags(tmp_path)
    assert tags["Quarry Store"] == ("exam", "aws::storage")
    assert tags["Lantern Run"] == ("aws::compute", "exam")
    assert tags["What holds backups?"] == ("aws::storage",)


def test_the_tags_ending_a_cloze_file_it(tmp_path: Path) -> None:
    assert _own_tags(tmp_path)["The capital of Peru is {{c1::Lima}}."] == ("geo::capitals",)


def test_a_line_of_nested_tags_over_a_card_is_its_tags_not_a_card_of_its_own(tmp_path: Path) -> None:
    tags = _own_tags(tmp_path)
    assert tags["What guards the door?"] == ("aws::security", "flashcards")
    assert "#aws" not in tags


def test_a_database_pages_tags_property_tags_its_card(tmp_path: Path) -> None:
    """A Notion database page's ``Tags:`` property sorts its card; its other properties are dropped."""
    (tmp_path / "m").mkdir()
    page = "# Photosynthesis\n\nDefinition: Making sugar from light.\nSubject: Botany\nTags: plants, energy"
    (tmp_path / "m" / "notes.md").write_text(page + "\n", encoding="utf-8")
    (card,) = parse_notes(tmp_path).deck.items()
    assert isinstance(card, Card)
    assert card.back == "Making sugar from light."
    assert card.tags[-2:] == ("plants", "energy")
