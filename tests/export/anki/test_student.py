"""The test student studies like a person: Anki's Check Database finds nothing to repair afterwards.

The sync tests assert that Check Database finds nothing after a sync; that only means something if
studying itself leaves nothing for it to repair, however fast the loop runs.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.export.anki.course import Course
from tests.export.anki.student import Student

PACKAGE = "anki/aws-certified-cloud-practitioner.apkg"


@pytest.fixture
def student(tmp_path: Path) -> Iterator[Student]:
    course = Course(tmp_path)
    course.build(1_700_000_000)
    student = Student.with_fresh_collection(tmp_path)
    student.import_package(course.out / PACKAGE)
    yield student
    student.close()


def test_studied_cards_leave_check_database_nothing_to_repair(student: Student) -> None:
    assert student.study_everything() == 8
    problems, clean = student.collection.fix_integrity()
    assert clean, problems


def test_cards_answered_within_one_millisecond_still_get_their_own_review_times(
    student: Student, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The clock stands still at the last millisecond of a second (a minute ago): a loop can answer
    # every card before it ticks. Anki would log all but one answer in the following seconds.
    last_millisecond = (int(time.time()) - 60) * 1000 + 999
    monkeypatch.setattr("anki.scheduler.v3.int_time", lambda scale=1: last_millisecond * scale // 1000)
    assert student.study_everything() == 8
    logged = student.collection.db.list("select id from revlog order by id")
    assert len(set(logged)) == 8
    for card in student.cards():
        [answered] = student.collection.db.list("select id from revlog where cid = ?", card.id)
        assert card.last_review_time == answered // 1000
    problems, clean = student.collection.fix_integrity()
    assert clean, problems
