"""The practice exam PDF: questions whole on one page, in the drawn order, and a key that agrees."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from ccpkit.export.pdf.exam import choose_note
from ccpkit.export.pdf.exam_questions import Question, draw_questions
from ccpkit.export.pdf.style import load_style
from ccpkit.parse import parse_notes
from tests.export.pdf.conftest import TEMPLATES, Built, build
from tests.export.pdf.reading import MM, assert_in_order, char_boxes, page_texts, reader, squashed
from tests.export.pdf.synthetic import large_deck

SEED, COUNT = 11, 30


@pytest.fixture(scope="module")
def exam() -> tuple[tuple[Question, ...], list[str]]:
    deck = large_deck(modules=6, cards=2, tables=0, mcqs=8)
    built: Built = build(deck, exam_seed=SEED, exam_count=COUNT)
    questions = draw_questions(deck, count=COUNT, seed=SEED, modules=())
    return questions, page_texts(built.files["pdf/practice-exam.pdf"])


def key_start(pages: list[str]) -> int:
    return next(i for i, page in enumerate(pages) if "Answer key · seed" in page)


def test_stems_appear_in_the_drawn_order(exam: tuple[tuple[Question, ...], list[str]]) -> None:
    questions, pages = exam
    assert_in_order("\n".join(pages[: key_start(pages)]), [q.mcq.stem for q in questions])


def test_each_question_and_its_options_share_one_page(exam: tuple[tuple[Question, ...], list[str]]) -> None:
    questions, pages = exam
    for question in questions:
        holding = [page for page in pages if squashed(question.mcq.stem) in squashed(page)]
        assert len(holding) >= 1
        page = squashed(holding[0])
        for option in question.options:
            assert squashed(f"{option.label}. {option.text}") in page, (question.number, option.label)


def test_multi_answer_questions_say_how_many_to_choose(exam: tuple[tuple[Question, ...], list[str]]) -> None:
    questions, pages = exam
    multi = [q for q in questions if len(q.answers) > 1]
    assert multi, "the fixture must hold multi-answer questions"
    body = squashed("\n".join(pages))
    for question in multi:
        assert squashed(f"{question.mcq.stem} (Choose TWO.)") in body


def test_the_key_starts_on_its_own_page_after_every_question(
    exam: tuple[tuple[Question, ...], list[str]],
) -> None:
    questions, pages = exam
    start = key_start(pages)
    assert start > 0
    assert "Answer key" not in "\n".join(pages[:start]).replace("The answer key starts", "")
    assert not any(squashed(q.mcq.stem) in squashed(pages[start]) for q in questions)


def test_the_answer_grid_agrees_with_the_shuffled_questions(
    exam: tuple[tuple[Question, ...], list[str]],
) -> None:
    questions, pages = exam
    key = "\n".join(pages[key_start(pages) :])
    grid = key.split("1.", 1)[0]  # the grid comes before the first explanation
    printed = dict(re.findall(r"(\d+) ([A-D](?:, [A-D])*)", grid))
    assert printed == {str(q.number): ", ".join(q.answers) for q in questions}


def test_explanations_name_the_right_option_and_where_it_is_in_the_notes(
    exam: tuple[tuple[Question, ...], list[str]],
) -> None:
    questions, pages = exam
    key = "\n".join(pages[key_start(pages) :])
    right = [
        f"{q.number}. " + " · ".join(f"{o.label} {o.text}" for o in q.options if o.correct) for q in questions
    ]
    assert_in_order(key, right)
    assert_in_order(key, [f"({q.mcq.source})" for q in questions])


def test_choose_note_only_when_the_stem_does_not_say_it(exam: tuple[tuple[Question, ...], list[str]]) -> None:
    questions, _ = exam
    multi = next(q for q in questions if len(q.answers) > 1)
    single = next(q for q in questions if len(q.answers) == 1)
    assert choose_note(multi) == " (Choose TWO.)"
    assert choose_note(single) == ""
    for stem in (
        "Pick two (Choose TWO.)",
        "Which services scale? (Select TWO)",
        "Select 2 answers.",
        "Mark all that apply.",
    ):
        said = Question(multi.number, replace(multi.mcq, stem=stem), multi.options)
        assert choose_note(said) == "", stem
    chosen = Question(
        multi.number, replace(multi.mcq, stem="Which service should you select?"), multi.options
    )
    assert choose_note(chosen) == " (Choose TWO.)"


def test_code_and_web_addresses_in_the_key_wrap_inside_their_column(tmp_path: Path) -> None:
    """A long code option or web address breaks where it must: nothing runs into the gutter or
    off the page."""
    module = tmp_path / "01-harbors"
    module.mkdir()
    policy = (
        '{"Effect":"Deny","Principal":"*","Action":"s3:*",'
        + '"Condition":{"Bool":{"aws:SecureTransport":"false"}}}'
    )
    address = (
        "https://example.org/harbors/pilotage/regulations/boarding-ladders-and-transfer-arrangements#annex"
    )
    questions = "".join(
        f"### Question {n}\n\nWhich policy refuses plain requests?\n\n- A) `{policy}`\n- B) `{{}}`\n\n"
        f"**Answer:** A\n\n**Explanation:** See {address}.\n\n"
        for n in range(1, 9)
    )
    (module / "quiz.md").write_text(f"# Quiz\n\n{questions}", encoding="utf-8")
    data = build(parse_notes(tmp_path).deck).files["pdf/practice-exam.pdf"]
    pages = page_texts(data)
    width = float(reader(data).pages[0].mediabox[2])
    page = load_style(TEMPLATES).page
    side, gutter = page.binding_mm * MM, page.gutter_mm * MM
    column = (width - 2 * side - gutter) / 2
    gap = (side + column, side + column + gutter)
    for index in range(key_start(pages), len(pages)):
        printed = [(c, left, right) for c, left, right in char_boxes(data, index) if c.strip()]
        assert printed
        assert all(right <= width - side + 1 for _, _, right in printed), index
        assert not [c for c, left, right in printed if left < gap[1] - 1 and right > gap[0] + 1], index


def test_an_exam_of_one_question_says_one_question() -> None:
    deck = large_deck(modules=1, cards=1, tables=0, mcqs=1)
    pages = page_texts(build(deck, exam_seed=SEED, exam_count=1).files["pdf/practice-exam.pdf"])
    assert "Practice exam · 1 question\n" in pages[0] + "\n"
    assert "1 questions" not in pages[0]
