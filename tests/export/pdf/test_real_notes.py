"""The real course notes (source_notes/): every term, title and question prints, every glyph exists."""

from __future__ import annotations

import pytest

from ccpkit.export.pdf import sheet_path
from ccpkit.markup import to_text
from ccpkit.model import MCQ, Card, ComparisonTable
from ccpkit.parse import parse_notes
from tests.conftest import REPO
from tests.export.pdf.conftest import Built, build
from tests.export.pdf.reading import assert_in_order, outline, page_texts, reader, text

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def real() -> Built:
    notes = REPO / "source_notes"
    if not notes.is_dir():
        pytest.fail(f"the course notes are missing: expected them at {notes}")
    return build(parse_notes(notes).deck)


def test_every_character_of_the_notes_has_a_glyph(real: Built) -> None:
    assert [str(p) for p in real.problems if "character" in p.message] == []


def test_each_cram_sheet_lists_its_module_terms_and_tables_in_order(real: Built) -> None:
    for module in real.deck.modules:
        crammed = [i for i in module.items if not isinstance(i, MCQ)]
        expected = [to_text(i.front if isinstance(i, Card) else i.title)[:200] for i in crammed]
        if expected:
            assert_in_order(text(real.files[str(sheet_path(module))]), expected)


def test_course_bookmarks_are_the_modules_with_something_to_cram(real: Built) -> None:
    marks = [title for level, title, _ in outline(real.files["pdf/course.pdf"]) if level == 0]
    with_content = [m for m in real.deck.modules if any(not isinstance(i, MCQ) for i in m.items)]
    assert len(marks) == len(with_content)
    assert all(module.title in mark for module, mark in zip(with_content, marks, strict=True))


def test_the_exam_asks_every_question_once(real: Built) -> None:
    pages = page_texts(real.files["pdf/practice-exam.pdf"])
    exam = "\n".join(pages)
    assert exam.count("Answer key · seed 0") == 1
    for mcq in real.deck.mcqs:
        assert_in_order(exam, [to_text(mcq.stem)[:120]])


def test_every_symbol_in_the_crammed_notes_comes_back_from_the_pdf(real: Built) -> None:
    course = text(real.files["pdf/course.pdf"])
    crammed = [i for i in real.deck.items() if not isinstance(i, MCQ)]
    symbols = {c for item in crammed for c in _texts(item) if ord(c) >= 0x2000 and ord(c) not in _INVISIBLE}
    assert {"✅", "→"} <= symbols  # the notes do use emoji and arrows
    assert sorted(c for c in symbols if c not in course) == []


_INVISIBLE = {0xFE0E, 0xFE0F, 0x200D}


def _texts(item: Card | ComparisonTable) -> str:
    if isinstance(item, Card):
        return item.front + item.back
    return item.title + "".join(item.columns) + "".join("".join(row) for row in item.rows)


def test_no_pdf_shows_black_boxes_replacement_characters_or_markup(real: Built) -> None:
    for path, data in real.files.items():
        extracted = text(data)
        leaked = [
            leak
            for leak in ("\u25a0", "\ufffd", "<b>", "</font>", "&amp;", "&lt;", "**")
            if leak in extracted
        ]
        assert leaked == [], f"{path} shows {leaked}"


def test_every_symbol_in_the_questions_comes_back_from_the_exam(real: Built) -> None:
    exam = text(real.files["pdf/practice-exam.pdf"])
    texts = [m.stem + m.explanation + "".join(o.text for o in m.options) for m in real.deck.mcqs]
    symbols = {c for t in texts for c in t if ord(c) >= 0x2000 and ord(c) not in _INVISIBLE}
    assert sorted(c for c in symbols if c not in exam) == []


def test_page_counts_stay_within_bounds(real: Built) -> None:
    counts = {path: len(reader(data).pages) for path, data in real.files.items()}
    sheets = {path: n for path, n in counts.items() if path[4:6].isdigit()}
    assert all(1 <= n <= 5 for n in sheets.values()), sheets  # budget 3; the biggest modules reach 4
    assert sum(n > 3 for n in sheets.values()) <= 4, sheets
    assert 15 <= counts["pdf/course.pdf"] <= 40
    assert len(real.deck.mcqs) / 12 <= counts["pdf/practice-exam.pdf"] <= len(real.deck.mcqs) / 4
    overflowing = {p.message.split(" has ")[0] for p in real.problems if "over the budget" in p.message}
    assert overflowing == {path for path, n in sheets.items() if n > 3}
