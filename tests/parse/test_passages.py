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


def test_a_quoted_table_no_rule_took_prints_in_its_quote(tmp_path: Path) -> None:
    """A table in a nested quote is a table, printed once; a header alone is no table: the quote
    prints it as written."""
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "notes.md").write_text(
        "# Mail\n\n> Prices below.\n>\n> > | Plan | Price |\n> > |---|---|\n> > | Pro | 12 |\n\n"
        "> | Never share your root keys |\n> |---|\n",
        encoding="utf-8",
    )
    module = parse_notes(tmp_path).deck.modules[0]
    assert [p.text for p in module.passages] == [
        "> Prices below.",
        "> | Never share your root keys |\n> |---|",
    ]
    assert [item.rows for item in module.items if isinstance(item, ComparisonTable)] == [(("Pro", "12"),)]
