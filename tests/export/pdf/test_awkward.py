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


TIERS = (
    "# Practice Questions\n\n### Question 1\n\nA team compares two storage tiers:\n\n"
    "| Tier | Latency | Minimum days |\n|---|---|---|\n"
    "| Hot | milliseconds | none |\n| Frozen | hours | 180 |\n\n"
    "Which tier suits an archive read once a year?\n\n- A) Hot\n- B) Frozen\n\n**Answer:** B\n\n"
    "**Explanation:** Compare what each costs:\n\n| Tier | Storage price | Retrieval price |\n|---|---|---|\n"
    "| Hot | high | free |\n| Frozen | lowest | per gigabyte |\n\n"
    "A yearly read makes the retrieval price small.\n"
)


def test_a_table_in_a_question_or_its_explanation_prints_as_a_grid_not_as_pipes(tmp_path: Path) -> None:
    """The exam draws a stem's table (and an explanation's, in the key) as the cram sheets draw
    tables: a grid of cells, the question's words above and below it in the notes' order."""
    exam = _sheet(tmp_path, TIERS, "pdf/practice-exam.pdf")
    assert "|" not in exam
    assert_in_order(
        exam,
        ["A team compares", "Tier", "Latency", "Frozen", "hours", "180", "Which tier suits", "Hot", "Frozen"],
    )
    assert_in_order(
        exam, ["Answer key", "Compare what each costs", "Retrieval price", "per gigabyte", "small."]
    )
