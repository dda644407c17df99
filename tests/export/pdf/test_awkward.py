"""Awkward notes a student may well write: deep outlines, tables in questions, long identifiers.
Each test reads the PDF back as a student's viewer would."""

from __future__ import annotations

from pathlib import Path

from ccpkit.parse import parse_notes
from tests.export.pdf.conftest import build
from tests.export.pdf.reading import assert_in_order, text


def _sheet(tmp_path: Path, notes: str, name: str = "pdf/01-harbors.pdf") -> str:
    (tmp_path / "01-harbors").mkdir()
    (tmp_path / "01-harbors" / "notes.md").write_text(notes, encoding="utf-8")
    return text(build(parse_notes(tmp_path).deck).files[name])


def test_every_heading_of_a_deep_outline_prints_above_its_first_lines(tmp_path: Path) -> None:
    """Headings over nothing but deeper headings (`## Harbors` over `### Breakwaters` over … down
    to the notes) still print: the names a section opens under are its context, not only the last two."""
    sheet = _sheet(
        tmp_path,
        "# Lecture Notes\n\n## Harbors of the coast\n\n### Breakwaters\n\n#### Rubble mounds\n\n"
        "##### Armour units\n\n###### Tetrapods\n\n- **Tetrapod:** a four-legged concrete block.\n\n"
        "###### Accropodes\n\n- **Accropode:** a single-layer armour unit.\n",
    )
    assert_in_order(
        sheet,
        ["Harbors of the coast", "Breakwaters", "Rubble mounds", "Armour units", "Tetrapods", "Tetrapod:"],
    )
    assert_in_order(sheet, ["Armour units \u203a Accropodes", "Accropode:"])
