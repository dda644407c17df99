"""Options marked with circled numbers or kana read as the letters of their places where answers name
them."""

from __future__ import annotations

import pytest

from ccpkit.parse.option_marks import answers_by_mark, marks_as_letters


@pytest.mark.parametrize(
    ("line", "written"),
    [
        ("② Amazon S3", "B. Amazon S3"),
        ("- ④ Amazon FSx", "- D. Amazon FSx"),
        ("イ\u3000Amazon S3", "B. Amazon S3"),
        ("エ\uff0eAmazon FSx", "D. Amazon FSx"),  # a full-width full stop
        ("Ⓒ Amazon EFS", "C. Amazon EFS"),
        ("정답: ②", "정답: B"),
        ("正解\uff1aイ", "正解\uff1aB"),
        ("**Answer:** Ⓑ", "**Answer:** B"),
        ("정답: ①, ③", "정답: A, C"),
    ],
)
def test_marks_become_letters(line: str, written: str) -> None:
    assert marks_as_letters(line) == written


@pytest.mark.parametrize("line", ["①を押してから②を押す", "アマゾンのサービス", "The answer is ② if …", "ア"])
def test_marks_in_words_stay(line: str) -> None:
    assert marks_as_letters(line) == line


def test_only_files_that_answer_by_a_mark_are_rewritten() -> None:
    assert answers_by_mark("① Amazon EBS\n② Amazon S3\n\n정답: ②")
    assert not answers_by_mark("① Install\n② Configure\n\n정답은 없다")
    assert not answers_by_mark("Answer: B")
