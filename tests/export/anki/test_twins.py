"""Terms of one name in two files of a module, told apart by their order: each keeps its own note and
history in Anki whatever happens to the order, also when both definitions change in the same build."""

from __future__ import annotations

from pathlib import Path

from anki.notes import Note

from tests.export.anki.course import Course
from tests.export.anki.student import Student

PACKAGE = "anki/aws-certified-cloud-practitioner.apkg"
START = 1_700_000_000
EC2 = "# EC2 notes\n\n## EC2\n\n- **Billing:** EC2 is billed per second for Linux.\n"
S3 = "# S3 notes\n\n## S3\n\n- **Billing:** S3 is billed per GB stored each month.\n"


def billing(student: Student, service: str) -> Note:
    terms = [note for note in student.notes() if "Term" in note and note["Term"].startswith("Billing")]
    [note] = [note for note in terms if service in note["Context"]]
    return note


def test_twins_whose_order_flips_as_both_definitions_change_keep_their_own_notes(tmp_path: Path) -> None:
    course = Course(tmp_path)
    course.write("a-ec2.md", EC2)
    course.write("b-s3.md", S3)
    student = Student.with_fresh_collection(tmp_path)
    course.build(START)
    student.import_package(course.out / PACKAGE)
    student.study_everything()
    ec2, s3 = billing(student, "EC2"), billing(student, "S3")  # each studied once: its history

    course.remove("a-ec2.md")  # renamed: S3's file now comes first
    course.write("z-ec2.md", EC2.replace("for Linux", "for Linux, per hour for others"))
    course.edit("b-s3.md", "stored each month", "stored each month, plus requests")
    course.build(START + 86_400)
    student.import_package(course.out / PACKAGE)

    assert student.collection.get_note(ec2.id)["Definition"].endswith("per hour for others.")
    assert student.collection.get_note(s3.id)["Definition"].endswith("plus requests.")
    assert student.reviews_of(student.collection.get_note(ec2.id)) == 1
    assert sum("Term" in note and note["Term"].startswith("Billing") for note in student.notes()) == 2
