"""A question file's answer key in a file of its own, beside it in the module (``quiz-1_key.md``)."""

from __future__ import annotations

import shutil
from pathlib import Path

from ccpkit.model import MCQ, Module
from ccpkit.parse import parse_notes

FIXTURE = Path(__file__).parent / "fixtures" / "key-files"


def test_each_key_file_answers_the_questions_of_the_file_it_is_named_after() -> None:
    parsed = parse_notes(FIXTURE)
    assert _answers(parsed.deck.modules[0]) == {
        ("01-quizzes/quiz-1.md", "Which knot makes a fixed loop?"): ("B",),
        ("01-quizzes/quiz-1.md", "Which knot joins two ropes?"): ("A",),
        ("01-quizzes/quiz-2.md", "Which knot stops a rope running out of a block?"): ("A",),
        ("01-quizzes/quiz-2.md", "Which hitch ties a boat to a ring?"): ("A",),
    }
    assert not parsed.problems  # no question unanswered, no key entry left over


def test_a_key_filed_in_a_folder_of_answers_answers_the_file_of_its_name_in_another_folder() -> None:
    assert _answers(parse_notes(FIXTURE).deck.modules[1]) == {
        ("02-filed/questions/set-1.md", "Which light marks a harbour mouth?"): ("B",),
        ("02-filed/questions/set-1.md", "Which rope moors a ship?"): ("A",),
    }


def _answers(module: Module) -> dict[tuple[str, str], tuple[str, ...]]:
    """Each question's file and stem → its correct letters."""
    return {
        (mcq.source.path, mcq.stem): tuple(option.label for option in mcq.options if option.correct)
        for mcq in module.items
        if isinstance(mcq, MCQ)
    }


def test_a_key_entry_s_words_explain_its_question() -> None:
    (joins,) = [
        item
        for item in parse_notes(FIXTURE).deck.modules[0].items
        if isinstance(item, MCQ) and item.stem == "Which knot joins two ropes?"
    ]
    assert joins.explanation == "the sheet bend joins ropes of two sizes."


def test_a_key_file_beside_another_question_file_answers_nothing_there(tmp_path: Path) -> None:
    module = tmp_path / "01-quizzes"
    module.mkdir()
    for name in ("quiz-1.md", "quiz-2.md", "quiz-1_key.md"):
        shutil.copy(FIXTURE / "01-quizzes" / name, module / name)
    parsed = parse_notes(tmp_path)
    unanswered = [problem for problem in parsed.problems if "question has no answer" in problem.message]
    assert {problem.location.path for problem in unanswered} == {"01-quizzes/quiz-2.md"}


def test_a_key_naming_a_file_the_module_lacks_answers_no_other_file(tmp_path: Path) -> None:
    module = tmp_path / "01-quizzes"
    module.mkdir()
    shutil.copy(FIXTURE / "01-quizzes" / "quiz-1.md", module / "quiz-1.md")
    shutil.copy(FIXTURE / "01-quizzes" / "quiz-2_key.md", module / "quiz-3_key.md")
    unanswered = [p for p in parse_notes(tmp_path).problems if "question has no answer" in p.message]
    assert len(unanswered) == 2


def test_a_key_that_disagrees_with_an_answer_written_beside_the_questions_answers_none(
    tmp_path: Path,
) -> None:
    module = tmp_path / "01-quizzes"
    module.mkdir()
    quiz = (FIXTURE / "01-quizzes" / "quiz-1.md").read_text(encoding="utf-8")
    (module / "quiz-1.md").write_text(quiz.replace("   - B) Bowline\n", "   - B) Bowline\n\n   Answer: A\n"))
    shutil.copy(FIXTURE / "01-quizzes" / "quiz-1_key.md", module / "quiz-1_key.md")
    parsed = parse_notes(tmp_path)
    (warning,) = [p for p in parsed.problems if "disagrees" in p.message]
    assert str(warning.location) == "01-quizzes/quiz-1_key.md:3"
    assert [p.message for p in parsed.problems if "question has no answer" in p.message]  # Q2 not taken


def test_an_untitled_key_file_of_entries_alone_is_read(tmp_path: Path) -> None:
    module = tmp_path / "01-quizzes"
    module.mkdir()
    shutil.copy(FIXTURE / "01-quizzes" / "quiz-2.md", module / "quiz-2.md")
    (module / "quiz-2_key.md").write_text("1. A\n2. A\n", encoding="utf-8")
    parsed = parse_notes(tmp_path)
    assert not parsed.problems
    assert set(_answers(parsed.deck.modules[0]).values()) == {("A",)}


def test_a_key_file_may_answer_by_an_option_s_words() -> None:
    assert _answers(parse_notes(FIXTURE).deck.modules[2]) == {
        ("03-true-false/quiz.md", "A pilot boat carries the pilot out to the ship."): ("A",),
    }


def test_a_key_s_sections_answer_the_questions_of_the_sections_of_their_names() -> None:
    """Numbers start again in each section and every item is written `1.`; the true/false answers
    are words: each entry answers its own section's question, none another section's."""
    (module,) = [m for m in parse_notes(FIXTURE).deck.modules if m.slug == "04-sections"]
    assert _answers(module) == {
        ("04-sections/questions.md", "Fog is a cloud that touches the ground."): ("A",),
        ("04-sections/questions.md", "Hail only falls in winter."): ("B",),
        ("04-sections/questions.md", "Which cloud brings thunderstorms?"): ("B",),
        ("04-sections/questions.md", "Which instrument measures air pressure?"): ("A",),
    }


def test_a_key_file_at_the_top_of_the_notes_answers_the_file_it_is_named_after(tmp_path: Path) -> None:
    """Top-level files are modules of their own, but a key beside its questions joins their module."""
    shutil.copy(FIXTURE / "01-quizzes" / "quiz-1.md", tmp_path / "quiz-1.md")
    shutil.copy(FIXTURE / "01-quizzes" / "quiz-1_key.md", tmp_path / "quiz-1-answers.md")
    shutil.copy(FIXTURE / "01-quizzes" / "quiz-2.md", tmp_path / "quiz-2.md")
    parsed = parse_notes(tmp_path)
    assert [module.slug for module in parsed.deck.modules] == ["quiz-1", "quiz-2"]
    assert _answers(parsed.deck.modules[0]) == {
        ("quiz-1.md", "Which knot makes a fixed loop?"): ("B",),
        ("quiz-1.md", "Which knot joins two ropes?"): ("A",),
    }
    unanswered = {p.location.path for p in parsed.problems if "question has no answer" in p.message}
    assert unanswered == {"quiz-2.md"}


def test_a_key_file_naming_no_file_at_the_top_answers_the_one_other_file_there(tmp_path: Path) -> None:
    shutil.copy(FIXTURE / "01-quizzes" / "quiz-2.md", tmp_path / "questions.md")
    (tmp_path / "answers.md").write_text("# Answers\n\n1. A\n2. A\n", encoding="utf-8")
    parsed = parse_notes(tmp_path)
    assert not parsed.problems
    assert [module.slug for module in parsed.deck.modules] == ["questions"]
    assert set(_answers(parsed.deck.modules[0]).values()) == {("A",)}


def test_a_key_file_naming_no_file_beside_several_files_at_the_top_joins_none(tmp_path: Path) -> None:
    shutil.copy(FIXTURE / "01-quizzes" / "quiz-1.md", tmp_path / "quiz-1.md")
    shutil.copy(FIXTURE / "01-quizzes" / "quiz-2.md", tmp_path / "quiz-2.md")
    (tmp_path / "answers.md").write_text("# Answers\n\n1. A\n2. A\n", encoding="utf-8")
    assert [module.slug for module in parse_notes(tmp_path).deck.modules] == ["answers", "quiz-1", "quiz-2"]


def test_files_named_like_keys_at_the_top_that_answer_no_questions_stay_modules(tmp_path: Path) -> None:
    """``ssh-key.md`` is about keys, ``solutions.md`` beside notes may hold reference designs."""
    for name in ("ssh.md", "ssh-key.md", "01-compute.md", "solutions.md", "networking.md"):
        (tmp_path / name).write_text(f"# {name}\n\n- **Term:** A definition.\n", encoding="utf-8")
    assert len(parse_notes(tmp_path).deck.modules) == 5


def test_a_key_file_answers_over_an_option_written_in_bold(tmp_path: Path) -> None:
    """`D. **Wet chemical**` is emphasis here: the key beside the quiz says C, and C it is."""
    module = tmp_path / "01-fire"
    module.mkdir()
    (module / "quiz.md").write_text(
        "# Fire safety\n\n1. Which extinguisher suits electrical fires?\n   - A. Water\n   - B. Foam\n"
        "   - C. CO2\n   - D. **Wet chemical**\n",
        encoding="utf-8",
    )
    (module / "answers.md").write_text("# Answers\n\n1. C\n", encoding="utf-8")
    parsed = parse_notes(tmp_path)
    assert _answers(parsed.deck.modules[0]) == {
        ("01-fire/quiz.md", "Which extinguisher suits electrical fires?"): ("C",)
    }
    assert not parsed.problems
