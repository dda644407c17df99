"""From Markdown files to a real Anki collection and back: edit the notes, `ccpkit build`, re-import."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from ccpkit.cli import cli
from tests.conftest import COURSE_TITLE, NO_SETTINGS, REPO
from tests.export.anki.course import Course
from tests.export.anki.student import Student

PACKAGE = "anki/aws-certified-cloud-practitioner.apkg"
FIRST_BUILD, SECOND_BUILD = 1_700_000_000, 1_700_086_400

LEFT_OUT = "1 error: what it names is left out of the outputs, see above"


def anki_build(course: Course) -> list[str]:
    """``ccpkit build --format anki`` of the course, titled on the command line: no ccpkit.toml is read
    (not the repository's own)."""
    build = ["build", "--notes", str(course.notes), "--out", str(course.out), "--format", "anki"]
    return ["--config", str(NO_SETTINGS), *build, "--title", COURSE_TITLE]


@pytest.fixture
def course(tmp_path: Path) -> Course:
    return Course(tmp_path)


@pytest.fixture
def student(tmp_path: Path) -> Iterator[Student]:
    student = Student.with_fresh_collection(tmp_path)
    yield student
    student.close()


def test_edit_build_reimport_updates_in_place(course: Course, student: Student) -> None:
    course.build(FIRST_BUILD)
    student.import_package(course.out / PACKAGE)
    assert len(list(student.notes())) == 4 + 2 + 2  # cards, table rows, questions
    assert student.study_everything() == 8
    lambda_card = student.note("02-compute/card/aws-lambda")
    student.edit("02-compute/card/aws-lambda", "Definition", "mine")

    course.edit("cram-sheet.md", "billed per second", "billed per **second**, Linux and Windows")
    course.edit("cram-sheet.md", "Balacner", "Balancer")
    course.edit("cram-sheet.md", "- **Amazon S3:** Object storage with 11 nines of durability.\n", "")
    course.edit(
        "cram-sheet.md", "pay per request.\n", "pay per request.\n- **AWS Fargate:** Serverless containers.\n"
    )
    course.edit("practice-questions.md", "provisionning", "provisioning")
    course.edit("summary.md", "| up to 90% |", "| up to 90% off On-Demand |")
    report = course.build(SECOND_BUILD)
    log = student.import_package(course.out / PACKAGE)

    assert (len(log.new), len(log.conflicting)) == (1, 0)
    assert len(list(student.notes())) == 9  # S3 stays in Anki, reported as an orphan
    assert report.changes is not None and report.changes.orphaned == ("02-compute/card/amazon-s3",)
    ec2 = student.note("02-compute/card/ec2-elastic-compute-cloud")
    assert ec2["Definition"].endswith("billed per <strong>second</strong>, Linux and Windows.")
    balancer = student.note("02-compute/card/elastic-load-balancer")
    assert student.reviews_of(balancer) == 1
    question = student.note("02-compute/mcq/which-aws-service-runs-code-without-provisioning-servers")
    assert student.reviews_of(question) == 1 and "provisioning" in question["Stem"]
    assert "off On-Demand" in student.note("02-compute/table/ec2-pricing-options/spot")["Answer"]
    after = student.note("02-compute/card/aws-lambda")
    assert (after["Definition"], after.id) == ("mine", lambda_card.id)


def test_cli_build_reports_changes_and_skipped_items(course: Course) -> None:
    (course.notes / "02-compute" / "practice-questions.md").open("a", encoding="utf-8").write(
        "\n### Question 3\n\nWhich one has no answer?\n\n- A) This\n- B) That\n"
    )
    result = CliRunner().invoke(cli, [*anki_build(course), "--templates", str(REPO / "templates")])
    assert result.exit_code == 1, result.output  # the notes hold an error; the rest is still built
    assert "practice-questions.md:" in result.output and LEFT_OUT in result.output
    assert "anki notes: 8 added" in result.output
    assert (course.out / PACKAGE).is_file() and (course.notes / ".ccpkit-ledger.json").is_file()


def test_cli_refuses_a_broken_ledger_without_a_traceback(course: Course) -> None:
    (course.notes / ".ccpkit-ledger.json").write_text("{ not json", encoding="utf-8")
    result = CliRunner().invoke(cli, [*anki_build(course), "--templates", str(REPO / "templates")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert ".ccpkit-ledger.json: line 1: not valid JSON" in result.output
    assert not (course.out / PACKAGE).exists()
