"""Question banks and flashcard notes written for other tools, built and imported into real Anki."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from ccpkit.cli import cli
from tests.conftest import REPO
from tests.export.anki.student import Student, visible_text

PACKAGE = "anki/aws-certified-cloud-practitioner.apkg"
FIRST_STEM_SLUG = "which-service-should-a-startup-use-to-serve-videos-with-low-latency-worldwide"
PRACTICE_EXAM = """\
# Practice Exam 2

1. Which service should a startup use to serve videos with low latency worldwide?
    - A. AWS Auto Scaling
    - B. Amazon CloudFront

    <details markdown=1><summary markdown="span">Answer</summary>

    Correct Answer: B

    </details>

1. Which services store data durably? (Select TWO)
    - A. Amazon S3
    - B. EC2 instance store
    - C. Amazon EFS

    <details markdown=1><summary markdown="span">Answer</summary>

    Correct Answer: AC

    </details>
"""
FLASHCARDS = """\
# Storage flashcards
status:: reviewing
created:: 2024-03-01

Amazon Route 53:::The AWS DNS service
What does S3 Glacier Deep Archive cost the least for?::Data kept for years [confidence:: low]

Q: What does S3 Versioning protect against?
A: Overwrites and deletes by mistake.
"""


@pytest.fixture
def student(tmp_path: Path) -> Iterator[Student]:
    notes = tmp_path / "notes" / "01-cloud"
    notes.mkdir(parents=True)
    (notes / "practice-exam-2.md").write_text(PRACTICE_EXAM, encoding="utf-8")
    (notes / "flashcards.md").write_text(FLASHCARDS, encoding="utf-8")
    out = tmp_path / "build"
    args = ["build", "--notes", str(tmp_path / "notes"), "--out", str(out), "--format", "anki"]
    result = CliRunner().invoke(cli, [*args, "--templates", str(REPO / "templates")])
    assert result.exit_code == 0, result.output
    student = Student.with_fresh_collection(tmp_path)
    student.import_package(out / PACKAGE)
    yield student
    student.close()


def test_a_practice_exam_s_questions_arrive_with_their_answers(student: Student) -> None:
    one = student.note(f"01-cloud/mcq/{FIRST_STEM_SLUG}")
    two = student.note("01-cloud/mcq/which-services-store-data-durably-select-two")
    assert one["Answers"] == "B" and "Amazon CloudFront" in visible_text(one["Correct"])
    assert two["Answers"] == "A C" and two["Choose"] == "Choose 2"


def test_a_reversible_flashcard_is_studied_both_ways(student: Student) -> None:
    forward = student.note("01-cloud/card/amazon-route-53")
    reverse = student.note("01-cloud/card/amazon-route-53/reverse")
    (front_card,) = forward.cards()
    (back_card,) = reverse.cards()
    assert visible_text(front_card.question()).endswith("Amazon Route 53")
    assert visible_text(front_card.answer()).endswith("The AWS DNS service")
    assert visible_text(back_card.question()).endswith("The AWS DNS service")
    assert visible_text(back_card.answer()).endswith("Amazon Route 53")
    assert len(list(student.notes())) == 2 + 2 + 1 + 1  # questions, the pair, the Q:/A: and :: cards


def test_dataview_fields_are_no_cards_and_leave_a_card_s_back(student: Student) -> None:
    (card,) = student.note("01-cloud/card/what-does-s3-glacier-deep-archive-cost-the-least-for").cards()
    assert visible_text(card.answer()).endswith("Data kept for years")
    texts = [visible_text(card.question()) for note in student.notes() for card in note.cards()]
    assert not [text for text in texts if "status" in text or "created" in text or "confidence" in text]
