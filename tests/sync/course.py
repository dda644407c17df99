"""A student's notes folder, templates and Anki profile in a temporary folder, synced with the CLI."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from anki.collection import Collection
from click.testing import CliRunner, Result

from ccpkit.build import build
from ccpkit.cli import cli
from ccpkit.export import ExportOptions
from tests.conftest import REPO
from tests.export.anki.student import Student

FIXTURE_NOTES = Path(__file__).parent / "fixtures" / "notes"
TITLE = "AWS Certified Cloud Practitioner"


@dataclass
class Course:
    """The notes, the templates and a collection in an Anki profile folder (backups beside it)."""

    root: Path

    @classmethod
    def fresh(cls, root: Path) -> Course:
        course = cls(root)
        shutil.copytree(FIXTURE_NOTES, course.notes)
        shutil.copytree(REPO / "templates", course.templates)
        course.collection.parent.mkdir(parents=True)
        Collection(str(course.collection)).close()  # the empty collection a new Anki profile has
        return course

    @property
    def notes(self) -> Path:
        return self.root / "notes"

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def out(self) -> Path:
        return self.root / "build"

    @property
    def collection(self) -> Path:
        return self.root / "Anki2" / "Student" / "collection.anki2"

    def sync(self, *options: str, title: str = TITLE) -> Result:
        """``ccpkit sync`` on this course; the result holds the exit code and the report."""
        arguments = ["sync", "--notes", str(self.notes), "--out", str(self.out)]
        arguments += ["--templates", str(self.templates), "--collection", str(self.collection)]
        return CliRunner().invoke(cli, [*arguments, "--title", title, *options])

    def edit(self, path: str, old: str, new: str) -> None:
        """Replace ``old`` (which must be there) by ``new`` in a notes file."""
        file = self.notes / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        file.write_text(text.replace(old, new, 1), encoding="utf-8")

    def lose_records(self) -> None:
        """Delete the sync records beside the collection: as on another computer, where the collection
        arrived through AnkiWeb, or after a backup older than the records sync keeps was put back."""
        for record in self.collection.parent.glob("collection.ccpkit-sync-*.json"):
            record.unlink()

    def build(self, at: int) -> None:
        """``ccpkit build --format anki`` of the course (its package for an import), the clock at ``at``."""
        options = ExportOptions(templates=self.templates)
        build(self.notes, self.out, formats=("anki",), options=options, title=TITLE, clock=lambda: at)

    def student(self) -> Student:
        return Student(Collection(str(self.collection)))

    def collection_hash(self) -> str:
        return hashlib.sha256(self.collection.read_bytes()).hexdigest()


def fargate_moved_to_storage(course: Course) -> None:
    """The Fargate card cut from the compute module's cram sheet and pasted into the storage one's."""
    line = "- **AWS Fargate:** Runs containers without managing servers or clusters.\n"
    course.edit("02-compute/cram-sheet.md", line, "")
    course.edit(
        "03-storage/cram-sheet.md",
        "## Object and block storage\n\n",
        f"## Object and block storage\n\n{line}",
    )
