"""Pictures the notes show: a missing one is an error at the line that shows it."""

from __future__ import annotations

from pathlib import Path

from ccpkit.parse import parse_notes

QUESTIONS_UNDER_A_DIAGRAM = """# Rocks

**Q1.** Which rock forms from cooled lava?

- (A) basalt
- (B) marble

**Answer:** A

![Cross-section of a volcano](img/volcano.png)

**Q2.** In the diagram above, which layer is the magma chamber?

- (A) P
- (B) Q

**Answer:** B
"""


def test_a_missing_picture_a_question_asks_about_above_it_is_an_error_at_the_pictures_line(
    tmp_path: Path,
) -> None:
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "notes.md").write_text(QUESTIONS_UNDER_A_DIAGRAM, encoding="utf-8")

    parsed = parse_notes(tmp_path)

    (error,) = parsed.errors
    assert str(error.location) == "m/notes.md:10"
    assert "img/volcano.png does not exist" in error.message
    assert [mcq.stem for mcq in parsed.deck.mcqs] == ["Which rock forms from cooled lava?"]
