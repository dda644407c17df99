"""A new fact that shares a brief answer (``True``, ``Yes``, ``15 minutes``) with one the student
studied and removed starts afresh in Anki: taking the removed fact's history would hide a card the
student never saw for weeks. A fact renamed with its brief answer kept still keeps its history."""

from __future__ import annotations

from pathlib import Path

import pytest

from ccpkit.build import build
from ccpkit.export import ExportOptions
from tests.conftest import COURSE_TITLE, REPO
from tests.export.anki.student import Student

PACKAGE = "anki/aws-certified-cloud-practitioner.apkg"
OPTIONS = ExportOptions(templates=REPO / "templates")
START = 1_700_000_000
NOTES = """# Facts

## Limits

- **Maximum Lambda timeout:** 15 minutes
- **S3 bucket names are globally unique:** True
- **EC2:** Yes

## Global or regional

| Service | Global |
| --- | --- |
| IAM | Yes |
| EC2 | No |

Lambda functions can run for 20 minutes.

- A) True
- B) False

**Answer:** B
"""


class Course:
    """A notes folder of one file of facts, built for Anki alone."""

    def __init__(self, folder: Path) -> None:
        self.facts, self.out = folder / "notes" / "01-facts" / "facts.md", folder / "build"
        self.facts.parent.mkdir(parents=True)
        self.facts.write_text(NOTES, encoding="utf-8")

    def build(self, at: int) -> Path:
        build(
            self.facts.parents[1],
            self.out,
            formats=("anki",),
            options=OPTIONS,
            title=COURSE_TITLE,
            clock=lambda: at,
        )
        return self.out / PACKAGE

    def rebuilt_with(self, old: str, new: str) -> Path:
        """The package built a day later, with ``old`` replaced by ``new`` in the notes."""
        text = self.facts.read_text(encoding="utf-8")
        assert old in text
        self.facts.write_text(text.replace(old, new), encoding="utf-8")
        return self.build(START + 86_400)


@pytest.fixture
def studied(tmp_path: Path) -> tuple[Course, Student]:
    course = Course(tmp_path)
    student = Student.with_fresh_collection(tmp_path)
    student.import_package(course.build(START))
    assert student.study_everything() == 6
    return course, student


@pytest.mark.parametrize(
    ("old", "new", "made"),
    [
        (
            "Maximum Lambda timeout:** 15",
            "Minimum Savings Plan billing period:** 15",
            "card/minimum-savings-plan-billing-period",
        ),
        (
            "S3 bucket names are globally unique:** True",
            "IAM is a global service:** True",
            "card/iam-is-a-global-service",
        ),
        ("| IAM | Yes |", "| Route 53 | Yes |", "table/global-or-regional/route-53"),
        (
            "Lambda functions can run for 20 minutes.",
            "Security groups are stateless.",
            "mcq/security-groups-are-stateless",
        ),
    ],
)
def test_a_new_fact_sharing_a_removed_ones_brief_answer_starts_afresh(
    studied: tuple[Course, Student], old: str, new: str, made: str
) -> None:
    course, student = studied
    student.import_package(course.rebuilt_with(old, new))

    assert student.reviews_of(student.note(f"01-facts/{made}")) == 0
    assert len(list(student.notes())) == 7  # the removed fact stays in Anki with its history


@pytest.mark.parametrize(
    ("old", "new", "made"),
    [
        (
            "Maximum Lambda timeout:**",
            "Maximum timeout of a Lambda function:**",
            "card/maximum-timeout-of-a-lambda-function",
        ),
        ("**EC2:** Yes", "**Amazon EC2:** Yes", "card/amazon-ec2"),
        ("| EC2 | No |", "| Amazon EC2 | No |", "table/global-or-regional/amazon-ec2"),
    ],
)
def test_a_fact_renamed_with_its_brief_answer_kept_keeps_its_history(
    studied: tuple[Course, Student], old: str, new: str, made: str
) -> None:
    course, student = studied
    student.import_package(course.rebuilt_with(old, new))

    assert student.reviews_of(student.note(f"01-facts/{made}")) == 1
    assert len(list(student.notes())) == 6


def test_a_rows_cells_are_its_answer_not_the_column_names_every_row_repeats(tmp_path: Path) -> None:
    """`| EC2 | No | Yes |` under `| Service | Global? | Free tier? |` answers in two words: brief."""
    from ccpkit.export.anki.notes import course_notes, fingerprint
    from ccpkit.parse import parse_notes

    (tmp_path / "01-scope").mkdir()
    table = "# Scope\n\n| Service | Global? | Free tier? |\n| --- | --- | --- |\n| EC2 | No | Yes |\n"
    (tmp_path / "01-scope" / "notes.md").write_text(
        table + "| S3 | No | 5 GB for a year |\n", encoding="utf-8"
    )
    notes = course_notes(parse_notes(tmp_path).deck, OPTIONS)
    assert [(note.id, fingerprint(note).brief) for note in notes] == [
        ("01-scope/table/scope/ec2", True),
        ("01-scope/table/scope/s3", False),
    ]
