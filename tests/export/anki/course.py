"""A small course as a student's notes: as model versions before and after an editing session, and as
Markdown files to edit, move and rename between builds."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from ccpkit.build import build
from ccpkit.export import ExportOptions
from ccpkit.item_ids import item_id
from ccpkit.model import MCQ, Card, ComparisonTable, Deck, Item, Option, SourceLocation
from ccpkit.parse import Parsed
from ccpkit.report import BuildReport
from tests.conftest import COURSE_TITLE, REPO, sample_deck

TEMPLATES = REPO / "templates"
FIXTURE = Path(__file__).parent / "fixtures" / "notes"
TYPO_TERM, FIXED_TERM = "Elastic Load Balacner", "Elastic Load Balancer"
TYPO_STEM = "Which AWS service is a managed, serverless compute servcie?"
FIXED_STEM = "Which AWS service is a managed, serverless compute service?"


def card(front: str, back: str, line: int) -> Card:
    return Card(
        id=item_id("02-compute", "card", front),
        module="02-compute",
        source=SourceLocation("02-compute/cram-sheet.md", line),
        part="Cram Sheet",
        front=front,
        back=back,
    )


def question(stem: str) -> MCQ:
    return MCQ(
        id=item_id("02-compute", "mcq", stem),
        module="02-compute",
        source=SourceLocation("02-compute/practice-questions.md", 3),
        part="Practice Questions",
        stem=stem,
        options=(Option(label="A", text="AWS Lambda", correct=True), Option(label="B", text="Amazon EC2")),
        explanation="Lambda runs code without servers.",
    )


def first_version() -> Deck:
    """The sample deck plus a card and a question with typos, a card the student edits, one to remove."""
    deck = sample_deck()
    extra = (
        card(TYPO_TERM, "Spreads traffic across targets", 20),
        card("AWS Lambda", "Runs code **without servers**", 21),
        card("Amazon S3", "Object storage", 22),
        question(TYPO_STEM),
    )
    compute = deck.modules[0]
    return replace(deck, modules=(replace(compute, items=compute.items + extra), *deck.modules[1:]))


def second_version() -> Deck:
    """Three definitions, an explanation and a cell edited; two typos fixed; two added; S3 removed."""
    deck = first_version()
    new_backs = {
        "02-compute/card/ec2": "Virtual servers, billed **per second**",
        "02-compute/card/auto-scaling": "Adds or removes instances to match demand",
        "09-security/card/hash-term": "Edited: the rule with a $y^3$ formula",
    }
    added = (
        card("Amazon Lightsail", "Simple virtual private servers", 30),
        card("AWS Outposts", "AWS on premises", 31),
    )
    modules = []
    for module in deck.modules:
        kept = [item for item in module.items if not (isinstance(item, Card) and item.front == "Amazon S3")]
        items = [edited(item, new_backs) for item in kept]
        modules.append(replace(module, items=tuple(items) + (added if module.number == 2 else ())))
    return replace(deck, modules=tuple(modules))


def edited(item: Item, new_backs: dict[str, str]) -> Item:
    match item:
        case Card() if item.id in new_backs:
            return replace(item, back=new_backs[item.id])
        case Card() if item.front == TYPO_TERM:
            return replace(item, front=FIXED_TERM, id=item_id("02-compute", "card", FIXED_TERM))
        case MCQ() if item.stem == TYPO_STEM:
            return replace(item, stem=FIXED_STEM, id=item_id("02-compute", "mcq", FIXED_STEM))
        case MCQ() if item.id.endswith("rotates-database-credentials"):
            return replace(item, explanation="Secrets Manager rotates RDS credentials on a schedule.")
        case ComparisonTable():
            rows = tuple(
                (*row[:2], "up to 90% off On-Demand") if row[0] == "Spot" else row for row in item.rows
            )
            return replace(item, rows=rows)
    return item


def build_deck(
    monkeypatch: pytest.MonkeyPatch,
    deck: Deck,
    notes: Path,
    out: Path,
    *,
    at: int,
    templates: Path = TEMPLATES,
    formats: tuple[str, ...] = ("anki",),
) -> BuildReport:
    """``ccpkit build --format anki`` (or ``formats``) on notes that parse to ``deck``, with the clock
    at ``at``."""
    monkeypatch.setattr("ccpkit.parse.combine", lambda *_args, **_kwargs: Parsed(deck))
    # Notes that parse to another deck differ on disk too; the build relies on that to skip work.
    (notes / "stand-in.md").write_text(repr(deck), encoding="utf-8")
    options = ExportOptions(templates=templates)
    return build(notes, out, formats=formats, options=options, clock=lambda: at)


class Course:
    """A copy of the Markdown fixture course (module ``02-compute``), built with ``ccpkit build``."""

    def __init__(self, tmp_path: Path) -> None:
        self.notes, self.out = tmp_path / "notes", tmp_path / "build"
        shutil.copytree(FIXTURE, self.notes)

    def build(
        self, at: int, *, title: str | None = None, deck: str = "", modules: tuple[int, ...] = ()
    ) -> BuildReport:
        """``ccpkit build --format anki`` with the clock at ``at`` (and ``[course] title`` / ``deck``,
        ``--module``)."""
        options = ExportOptions(templates=TEMPLATES, deck_name=deck)
        return build(
            self.notes,
            self.out,
            formats=("anki",),
            options=options,
            title=title or COURSE_TITLE,
            clock=lambda: at,
            modules=modules,
        )

    def edit(self, file: str, old: str, new: str) -> None:
        """Replace ``old`` by ``new`` in ``file`` (a path under module 02's folder)."""
        path = self.module / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {file}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def cut(self, file: str, text: str) -> str:
        """Remove ``text`` from ``file`` and give it back, to paste elsewhere."""
        self.edit(file, text, "")
        return text

    def write(self, file: str, text: str) -> None:
        (self.module / file).write_text(text, encoding="utf-8")

    def remove(self, file: str) -> None:
        (self.module / file).unlink()

    def rename_module(self, folder: str) -> None:
        """Rename module 02's folder (its number and ``module_title`` stay)."""
        self.module.rename(self.notes / folder)

    @property
    def module(self) -> Path:
        return next(self.notes.glob("02-*"))
