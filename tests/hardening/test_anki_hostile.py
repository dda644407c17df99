"""Hostile notes imported into the real Anki library: the text shows literally, none of the notes'
scripts is in any card, and Anki reports no template error (field text is never template syntax)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.export.anki.student import Student, visible_text
from tests.hardening.commands import Commands, assert_clean_exit

HOSTILE = Path(__file__).parent / "corpus" / "hostile"
PACKAGE = "anki/notes.apkg"
SCRIPT = re.compile(r"<script\b.*?</script>", re.S | re.I)
HANDLER = re.compile(r"<[^>]*\son\w+\s*=", re.I)
"""An event-handler attribute (``onerror=``) inside a real tag."""
TEMPLATE_FOLDER = Path(__file__).resolve().parents[2] / "templates" / "anki"


@pytest.fixture(scope="module")
def shown(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[tuple[str, str]]]:
    """(question HTML, answer HTML) of every card, as Anki renders them after importing the deck."""
    folder = tmp_path_factory.mktemp("hostile")
    shutil.copytree(HOSTILE, folder / "notes")
    commands = Commands(folder / "notes", folder / "build")
    assert_clean_exit(commands.build("anki"), 0)
    student = Student.with_fresh_collection(folder)
    student.import_package(commands.out / PACKAGE)
    yield [(card.question(), card.answer()) for card in student.cards()]
    student.close()


def every_side(shown: list[tuple[str, str]]) -> list[str]:
    return [side for card in shown for side in card]


def test_every_item_became_a_card(shown: list[tuple[str, str]]) -> None:
    assert len(shown) == 5 + 2 + 1  # cards, table rows, the question


@pytest.mark.parametrize(
    "literal",
    [
        "<script>alert('term')</script>",
        "Runs <script>alert(1)</script> nothing.",
        '<a href="javascript:alert(2)">raw</a>',
        "[click me](javascript:alert(1))",
        "and {{Front}} and {{#Back}}x{{/Back}} and {{FrontSide}}",
        "<img src=x onerror=alert(3)>",
        "<style>body{display:none}</style>",
        '<iframe src="https://example.com"></iframe>',
        "Which is bold {{Options}}?",  # `<b>` is written as Markdown's bold: no tag of the notes' own
        "<img src=x onerror=alert(7)> {{Explanation}}",
    ],
)
def test_hostile_text_shows_literally(shown: list[tuple[str, str]], literal: str) -> None:
    assert any(literal in visible_text(side) for side in every_side(shown))


def test_a_cloze_in_a_table_cell_shows_its_words_and_no_marker(shown: list[tuple[str, str]]) -> None:
    """A table row is no cloze note: ``{{c2::cloze}}`` in its cell reaches Anki as the word alone."""
    rows = [visible_text(answer) for _, answer in shown if "Attack" in visible_text(answer)]
    assert rows and all("{{c2::" not in side for side in every_side(shown))
    assert any("cloze" in row.split() for row in rows)


def test_a_cloze_beside_template_syntax_hides_its_answer_and_shows_the_rest(
    shown: list[tuple[str, str]],
) -> None:
    """``{{c1::hidden}}`` in a bullet is a cloze (#19): Anki hides it; ``{{Front}}`` beside it stays text."""
    rest = "and {{Front}} and {{#Back}}x{{/Back}} and {{FrontSide}}"
    ((question, answer),) = [(q, a) for q, a in shown if rest in visible_text(q)]
    assert f"Cloze: [...] {rest}" in visible_text(question)
    assert f"Cloze: hidden {rest}" in visible_text(answer)


def test_no_script_but_the_templates_own_and_nothing_to_fetch(shown: list[tuple[str, str]]) -> None:
    ours = {
        script
        for template in TEMPLATE_FOLDER.glob("*.html")
        for script in SCRIPT.findall(template.read_text())
    }
    for side in every_side(shown):
        assert set(SCRIPT.findall(side)) <= ours
        assert not HANDLER.search(side)
        assert "<img" not in side and "<iframe" not in side
        assert 'href="javascript:' not in side.lower()


def test_anki_reports_no_template_error(shown: list[tuple[str, str]]) -> None:
    for side in every_side(shown):
        text = visible_text(side)
        assert "docs.ankiweb.net/templates/errors" not in side  # where Anki links every template error
        assert "card is blank" not in text and "no field called" not in text and "Found '{{" not in text
