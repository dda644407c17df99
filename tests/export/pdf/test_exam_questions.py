"""Drawing a practice exam: seeded, filtered by module, options shuffled with their correctness."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from ccpkit.errors import UsageError
from ccpkit.export.pdf.exam_questions import draw_questions
from ccpkit.model import MCQ, Option
from tests.export.pdf.synthetic import large_deck

DECK = large_deck(modules=4, cards=2, tables=0, mcqs=6)


def stems(questions: tuple[object, ...]) -> list[str]:
    return [q.mcq.stem for q in questions]  # type: ignore[attr-defined]


def test_all_questions_by_default_each_once_numbered_from_one() -> None:
    questions = draw_questions(DECK, count=None, seed=0, modules=())
    assert sorted(stems(questions)) == sorted(m.stem for m in DECK.mcqs)
    assert [q.number for q in questions] == list(range(1, len(DECK.mcqs) + 1))


def test_the_same_seed_gives_the_same_exam_and_another_seed_another() -> None:
    first = draw_questions(DECK, count=10, seed=7, modules=())
    assert draw_questions(DECK, count=10, seed=7, modules=()) == first
    assert stems(draw_questions(DECK, count=10, seed=8, modules=())) != stems(first)


def test_count_and_modules_limit_the_pool() -> None:
    questions = draw_questions(DECK, count=4, seed=1, modules=(2, 3))
    assert len(questions) == 4
    assert {q.mcq.module for q in questions} <= {"02-topic-2", "03-topic-3"}


def test_shuffled_options_keep_their_text_with_their_correctness_and_get_new_letters() -> None:
    for question in draw_questions(DECK, count=None, seed=3, modules=()):
        assert [o.label for o in question.options] == list("ABCD")[: len(question.options)]
        original = {o.text: o.correct for o in question.mcq.options}
        assert {o.text: o.correct for o in question.options} == original
        assert len(question.answers) == len(question.mcq.answers)


def test_options_are_really_shuffled_somewhere() -> None:
    questions = draw_questions(DECK, count=None, seed=0, modules=())
    assert any([o.text for o in q.options] != [o.text for o in q.mcq.options] for q in questions)


def test_options_that_refer_to_other_options_keep_their_order() -> None:
    mcq = DECK.mcqs[0]
    options = (*mcq.options[:3], Option(label="D", text="All of the above", correct=False))
    deck = replace(DECK, modules=(replace(DECK.modules[0], items=(replace(mcq, options=options),)),))
    for seed in range(10):
        (question,) = draw_questions(deck, count=None, seed=seed, modules=())
        assert [o.text for o in question.options] == [o.text for o in options]


def test_a_question_whose_explanation_names_an_option_by_letter_keeps_its_order_as_on_its_card() -> None:
    mcq = replace(DECK.mcqs[0], explanation="Option B is correct; A and C are wrong.")
    deck = replace(DECK, modules=(replace(DECK.modules[0], items=(mcq,)),))
    for seed in range(10):
        (question,) = draw_questions(deck, count=None, seed=seed, modules=())
        assert [(o.label, o.text) for o in question.options] == [(o.label, o.text) for o in mcq.options]


@pytest.mark.parametrize(
    "verdicts", [("True", "False"), ("TRUE", "FALSE"), ("true", "false"), ("False", "True")]
)
def test_true_false_options_keep_their_order_whatever_their_case(verdicts: tuple[str, str]) -> None:
    options = tuple(
        Option(label=label, text=text, correct=index == 1)
        for index, (label, text) in enumerate(zip("AB", verdicts, strict=True))
    )
    mcq = replace(DECK.mcqs[0], stem="Honey never spoils.", options=options, explanation="")
    deck = replace(DECK, modules=(replace(DECK.modules[0], items=(mcq,)),))
    for seed in range(10):
        (question,) = draw_questions(deck, count=None, seed=seed, modules=())
        assert [o.text for o in question.options] == list(verdicts)


def test_two_options_that_are_not_both_verdicts_are_still_shuffled() -> None:
    options = (
        Option(label="A", text="True", correct=True),
        Option(label="B", text="Partly true", correct=False),
    )
    mcq = replace(DECK.mcqs[0], stem="Honey never spoils.", options=options, explanation="")
    deck = replace(DECK, modules=(replace(DECK.modules[0], items=(mcq,)),))
    orders = {
        tuple(o.text for o in draw_questions(deck, count=None, seed=seed, modules=())[0].options)
        for seed in range(20)
    }
    assert len(orders) == 2


@pytest.mark.parametrize(
    ("count", "modules", "message"),
    [
        (
            500,
            (),
            r"count 500 \(--exam-count, or \[exam\] count in ccpkit.toml\) asks for more .* 24 available",
        ),
        (
            None,
            (42,),
            r"module 42 \(--exam-module, or \[exam\] modules in ccpkit.toml\) is not among this build's "
            r"modules \(1, 2, 3, 4\); modules with questions: 1, 2, 3, 4",
        ),
    ],
)
def test_impossible_requests_are_usage_errors(
    count: int | None, modules: tuple[int, ...], message: str
) -> None:
    with pytest.raises(UsageError, match=message):
        draw_questions(DECK, count=count, seed=0, modules=modules)


def test_a_module_built_without_questions_is_named_so() -> None:
    deck = large_deck(modules=2, cards=2, tables=0, mcqs=0)
    with pytest.raises(UsageError, match=r"module 2 .* has no questions; modules with questions: none"):
        draw_questions(deck, count=None, seed=0, modules=(2,))


def test_a_deck_without_questions_gives_an_empty_exam() -> None:
    deck = large_deck(modules=1, cards=2, tables=0, mcqs=0)
    assert draw_questions(deck, count=None, seed=0, modules=()) == ()
    assert all(not isinstance(item, MCQ) for item in deck.items())


def test_the_default_shuffle_spreads_single_answers_evenly_over_the_letters() -> None:
    deck = large_deck(modules=13, cards=1, tables=0, mcqs=8)  # 104 questions of four options
    for seed in (0, 1, 2):
        drawn = draw_questions(deck, count=None, seed=seed, modules=())
        letters = Counter(q.answers[0] for q in drawn if len(q.answers) == 1)
        assert sorted(letters) == list("ABCD")
        assert max(letters.values()) - min(letters.values()) <= 1, letters
