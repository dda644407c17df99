# ruff: noqa: RUF001  (Cyrillic and Greek letters that look Latin are what these tests are about)
"""Options marked with circled numbers or kana read as the letters of their places, where an answer
right below them names a mark; so do options lettered in other scripts, answered or asked."""

from __future__ import annotations

import pytest

from ccpkit.parse.option_marks import answers_by_mark, marks_as_letters


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("① Amazon EBS\n② Amazon S3\n\n정답: ②", "A. Amazon EBS\nB. Amazon S3\n\n정답: B"),
        ("- Ⓐ EBS\n- Ⓑ S3\n- Ⓒ EFS\n\n**Answer:** Ⓑ, Ⓒ", "- A. EBS\n- B. S3\n- C. EFS\n\n**Answer:** B, C"),
        (
            "ア\u3000EBS\nイ\uff0eS3\n正解\uff1aイ",
            "A. EBS\nB. S3\n正解\uff1aB",
        ),  # full-width space, stop, colon
        ("Какая?\n\nА) EBS\nБ) S3\n\nОтвет: Б", "Какая?\n\nA) EBS\nB) S3\n\nОтвет: B"),
        ("- а. EBS\n- б. S3\n\nSee below.\n\nОтвет: б", "- a. EBS\n- b. S3\n\nSee below.\n\nОтвет: B"),
        ("(क) EBS\n(ख) S3\nउत्तर: (ख)", "(A) EBS\n(B) S3\nउत्तर: (B)"),
        (  # asked, and answered in a key further down
            "Ποια;\nα) EBS\nβ) S3\n\nΑπαντήσεις: 1-β",
            "Ποια;\na) EBS\nb) S3\n\nΑπαντήσεις: 1-B",
        ),
        ("(1) EBS\n(2) S3\n\nAns. (2)", "A. EBS\nB. S3\n\nAns. B"),
        ("- (1) EBS\n- (2) S3\n\nAnswer: 2", "- A. EBS\n- B. S3\n\nAnswer: B"),
        ("(i) EBS\n(ii) S3\n(iii) EFS\n\nAnswer: (iii)", "A. EBS\nB. S3\nC. EFS\n\nAnswer: C"),
        ("i. EBS\nii. S3\n\nAns: ii", "A. EBS\nB. S3\n\nAns: B"),
        ("- I) EBS\n- II) S3\n\n**Answer:** II", "- A. EBS\n- B. S3\n\n**Answer:** B"),
    ],
)
def test_marked_options_answered_below_become_letters(text: str, written: str) -> None:
    assert marks_as_letters(text, ()) == written


@pytest.mark.parametrize(
    "text",
    [
        "① Install\n② Configure\n\nThen test.\n\n정답: ①",  # an answer not right below the steps
        "② Configure\n③ Run\n\n정답: ②",  # a run starts at the first mark
        "① Install\nThen ② Configure\n\n정답: ②",  # one marked line is no options
        "① One\n② Two\n\nThe plans ①",  # no answer label: `plans` is no `ans`
        "アマゾン\nイギリス\n\n正解\uff1aイ",  # words that open with kana
        "Этапы:\nа) оценка;\nб) перенос.",  # a list in prose: printed as written
        "Какая?\n\nА EBS\nБ S3\n\nОтвет: Б",  # a letter with no stop is a word
        "Какая?\n\nБ) S3\nВ) EFS",  # a run starts at the first letter
        "(1) S3 stores objects.\n(2) EBS stores blocks.\n\nWhich is correct?\n\nAnswer: 2",  # statements
        "(i) inertia\n(ii) force\n\nAnswer: (ii) is used most.",  # a remark on a list of laws
        "I. Introduction\nII. Methods\n\nAnswer: I think both.",  # an outline, and a sentence
        "(ii) S3\n(iii) EFS\n\nAnswer: (ii)",  # a run starts at the first number
    ],
)
def test_other_marks_stay(text: str) -> None:
    assert marks_as_letters(text, ()) == text


def test_marks_in_code_stay() -> None:
    text = "① a\n② b\n\n정답: ②"
    assert marks_as_letters(text, {0, 1}) == text


def test_only_files_that_answer_by_a_mark_are_looked_at() -> None:
    assert answers_by_mark("① Amazon EBS\n② Amazon S3\n\n정답: ②")
    assert not answers_by_mark("① Install\n② Configure\n\n정답은 없다")
    assert not answers_by_mark("Answer: B")
    assert answers_by_mark("Вопрос?\n\n- А) EBS\n- Б) S3")
    assert not answers_by_mark("В итоге всё работает.")


def test_a_key_naming_letters_of_the_options_script_names_them_in_latin() -> None:
    text = "Какая?\n\nА) EBS\nБ) S3\n\nОтветы: 1-Б, 2-а"
    assert marks_as_letters(text, ()) == "Какая?\n\nA) EBS\nB) S3\n\nОтветы: 1-B, 2-A"


def test_a_number_answers_no_option_lettered_in_another_script() -> None:
    text = "Какая?\n\nА) EBS\nБ) S3\n\nОтвет: 3"
    assert marks_as_letters(text, ()) == text


def test_a_list_under_words_that_ask_in_a_file_that_answers_none_so_is_prose() -> None:
    text = "Зачем нужны сети?\n\nа) для обмена данными;\nб) для доступа к ресурсам."
    assert marks_as_letters(text, ()) == text


def test_an_answer_in_parts_names_no_option() -> None:
    text = "Найдите:\n\nа) скорость;\nб) путь.\n\nОтвет: а) 19,6 м/с; б) 19,6 м."
    assert marks_as_letters(text, ()) == text
    numbered = "Find:\n\n(1) its speed;\n(2) the distance.\n\nAnswer: (1) 19.6 m/s; (2) 19.6 m."
    assert marks_as_letters(numbered, ()) == numbered
