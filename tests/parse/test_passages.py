"""The notes as written, for the printed sheets: what a section prints besides its cards and tables."""

from __future__ import annotations

from pathlib import Path

from ccpkit.model import ComparisonTable
from ccpkit.parse import parse_notes


def test_a_table_in_a_callout_prints_once_as_a_table_of_its_own(tmp_path: Path) -> None:
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "notes.md").write_text(
        "# Compute\n\n> [!tip] Pricing\n> Pick by how long the work runs.\n>\n"
        "> | Model | Discount |\n> |---|---|\n> | Spot | up to 90% |\n",
        encoding="utf-8",
    )
    module = parse_notes(tmp_path).deck.modules[0]
    assert [p.text for p in module.passages] == ["> **Pricing**\n> Pick by how long the work runs."]
    tables = [item for item in module.items if isinstance(item, ComparisonTable)]
    assert [(t.title, t.rows) for t in tables] == [("Pricing", (("Spot", "up to 90%"),))]
