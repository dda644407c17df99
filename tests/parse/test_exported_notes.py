"""Notes exported from Anki as plain text: what the fixture pictures do not show, their tags."""

from __future__ import annotations

from pathlib import Path

from ccpkit.export.anki.notes import tags_for
from ccpkit.model import Card
from ccpkit.parse import parse_notes

EXPORT = (
    "#separator:tab\n#html:true\n#tags column:3\n"
    "What does S3 stand for?\tSimple Storage Service\taws::storage exam\n"
    "What is the longest Lambda timeout?\t15 minutes\t\n"
)


def test_each_exported_note_keeps_its_own_tags(tmp_path: Path) -> None:
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "notes.md").write_text(EXPORT, encoding="utf-8")
    tagged, untagged = parse_notes(tmp_path).deck.items()
    assert tags_for(tagged) == ("module::m", "kind::card", "part::notes", "aws::storage", "exam")
    assert tags_for(untagged) == ("module::m", "kind::card", "part::notes")


def test_a_tags_column_files_each_rows_card(tmp_path: Path) -> None:
    """``| Front | Back | Tags |``, as Notion and Anki exports write a deck: the row's tags are its own
    (a tag of several words one Anki tag)."""
    table = (
        "| Front | Back | Tags |\n|---|---|---|\n"
        "| Which city became Constantinople? | Byzantium | history, #medieval |\n"
        "| Who crowned Charlemagne? | Pope Leo III | |\n"
        "| Who wrote the Alexiad? | Anna Komnene | Byzantine history |\n"
    )
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "notes.md").write_text(table, encoding="utf-8")
    tagged, untagged, one_tag = parse_notes(tmp_path).deck.items()
    assert tags_for(tagged) == ("module::m", "kind::card", "part::notes", "history", "medieval")
    assert tags_for(untagged) == ("module::m", "kind::card", "part::notes")
    assert tags_for(one_tag)[-1] == "Byzantine_history"  # the column parts tags by commas: one tag
    assert isinstance(tagged, Card) and isinstance(untagged, Card)
    assert (tagged.back, untagged.back) == ("Byzantium", "Pope Leo III")
