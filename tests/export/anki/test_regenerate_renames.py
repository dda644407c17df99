"""Retitled tables and changed questions, in a real Anki collection with Anki's default import options.

The student studied every card, edited one note and marked it. Then the notes change: a table's bold
title and another table's heading are reworded (cells untouched), a row with an empty first cell is
deleted, one question becomes a different question ("public" → "private", other options, another
answer) and another gets a typo fixed. What must hold after `ccpkit build` and a re-import: no
duplicate notes, every row keeps its own history, the different question starts afresh without taking
the old one's schedule, the fixed question keeps its history, and the build report agrees with Anki.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from anki.import_export_pb2 import ImportResponse

from ccpkit.build import build
from ccpkit.export import ExportOptions
from ccpkit.ledger import Reconciliation
from tests.conftest import COURSE_TITLE, REPO
from tests.export.anki.student import Student, visible_text

if TYPE_CHECKING:  # importing anki.notes before anki.collection is a circular import
    from anki.notes import Note

FIXTURE = Path(__file__).parent / "fixtures" / "regenerate"
PACKAGE = "anki/aws-certified-cloud-practitioner.apkg"
FIRST_BUILD, SECOND_BUILD = 1_700_000_000, 1_700_086_400
MINE = " — my mnemonic: IGW = the VPC's front door"
CRAM, PRACTICE = "03-networking/cram-sheet.md", "03-networking/practice-questions.md"
PUBLIC = "03-networking/mcq/which-route-table-entry-makes-a-subnet-in-your-vpc-public"
PRIVATE = "03-networking/mcq/which-route-table-entry-makes-a-subnet-in-your-vpc-private"
TYPO = "03-networking/mcq/which-service-gives-instances-in-a-privte-subnet-outbound-internet-access"
FIXED = "03-networking/mcq/which-service-gives-instances-in-a-private-subnet-outbound-internet-access"
DELETED_ROW = "TCP traffic of legacy EC2-Classic apps"
PUBLIC_QUESTION = """Which route table entry makes a subnet in your VPC public?

- A) A route to an internet gateway
- B) A NAT gateway in the subnet
- C) A security group allowing all traffic
- D) A network ACL with open ports

**Answer:** A

**Explanation:** A subnet is public when its route table sends internet traffic to an internet gateway.
"""
PRIVATE_QUESTION = """Which route table entry makes a subnet in your VPC private?

- A) An Elastic IP address on each instance
- B) A bastion host in another subnet
- C) No route to an internet gateway
- D) A gateway VPC endpoint

**Answer:** C

**Explanation:** Without a route to an internet gateway, nothing on the internet can reach the subnet.
"""


class Course:
    def __init__(self, tmp_path: Path) -> None:
        self.notes, self.out = tmp_path / "notes", tmp_path / "build"
        shutil.copytree(FIXTURE, self.notes)

    def build(self, at: int) -> Reconciliation:
        options = ExportOptions(templates=REPO / "templates")
        report = build(
            self.notes, self.out, formats=("anki",), options=options, title=COURSE_TITLE, clock=lambda: at
        )
        assert report.changes is not None
        return report.changes

    def edit(self, file: str, old: str, new: str) -> None:
        path = self.notes / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {file}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def student(tmp_path: Path) -> Iterator[Student]:
    student = Student.with_fresh_collection(tmp_path)
    yield student
    student.close()


@dataclass(frozen=True)
class Regenerated:
    changes: Reconciliation
    """What the second build reported."""
    log: ImportResponse.Log
    """What Anki's re-import did."""
    before: dict[str, int]
    """Each note's study text → its Anki note id, before the re-import."""


@pytest.fixture
def regenerated(tmp_path: Path, student: Student) -> Regenerated:
    """Build, import, study everything, edit and mark a note; change the notes, build, re-import."""
    course = Course(tmp_path)
    course.build(FIRST_BUILD)
    student.import_package(course.out / PACKAGE)
    assert student.study_everything() == 2 + 6 + 3 + 2
    mine = student.note("03-networking/card/internet-gateway")
    mine["Definition"] += MINE
    mine.add_tag("marked")
    student.collection.update_note(mine)
    before = {study_text(note): note.id for note in student.notes()}

    course.edit(CRAM, "**Load balancers compared**", "**Elastic Load Balancing types**")
    course.edit(CRAM, "## VPC building blocks", "## The parts of a VPC")
    course.edit(CRAM, f"|  | 4 | {DELETED_ROW} |\n", "")
    course.edit(PRACTICE, PUBLIC_QUESTION, PRIVATE_QUESTION)
    course.edit(PRACTICE, "privte", "private")
    changes = course.build(SECOND_BUILD)
    return Regenerated(changes, student.import_package(course.out / PACKAGE), before)


def built_and_imported(notes: Path, out: Path, student: Student, at: int) -> Reconciliation:
    """`ccpkit build --format anki` of ``notes`` into ``out``, its clock at ``at``, then the package
    imported: what the build settled."""
    options = ExportOptions(templates=REPO / "templates")
    report = build(notes, out, formats=("anki",), options=options, title=COURSE_TITLE, clock=lambda: at)
    assert report.changes is not None
    student.import_package(next(out.glob("anki/*.apkg")))
    return report.changes


def study_text(note: Note) -> str:
    """What tells notes apart across builds: a row's cells, else the first field."""
    return visible_text(note["Answer"] if "Answer" in note else note.fields[0])


def test_nothing_is_duplicated_and_only_the_new_question_is_new(
    regenerated: Regenerated, student: Student
) -> None:
    changes, log = regenerated.changes, regenerated.log
    assert (len(log.new), len(log.conflicting)) == (1, 0)
    assert [entry.fields[-1] for entry in log.new] == [PRIVATE]
    ids = [note["Id"] for note in student.notes()]
    assert len(ids) == len(set(ids)) == 13 + 1  # the removed row and question stay: import never deletes
    guids = [note.guid for note in student.notes()]
    assert len(set(guids)) == len(guids)
    assert changes.added == (PRIVATE,)
    assert len(log.updated) == len(changes.updated) == 5 + 1  # rows whose table lost a row; the fixed stem
    deleted_row = "03-networking/table/load-balancers-compared/row-4-tcp-traffic-of-legacy-ec2-classic-apps"
    assert set(changes.orphaned) == {PUBLIC, deleted_row}


def test_every_row_of_the_retitled_tables_keeps_its_own_history(
    regenerated: Regenerated, student: Student
) -> None:
    changes, before = regenerated.changes, regenerated.before
    rows = [note for note in student.notes() if "Answer" in note]
    assert len(rows) == 9
    for note in rows:
        assert note.id == before[study_text(note)], f"{study_text(note)} moved to another note"
        assert student.reviews_of(note) == 1
    assert len(changes.renamed) == 5 + 3 + 1  # two tables' rows, and the fixed question
    titles = {visible_text(note["Table"]) for note in rows if DELETED_ROW not in note["Answer"]}
    # The load balancers' rows were re-sent (a row left their table); the VPC rows' study text is the
    # same, so Anki keeps them as they are and the new title waits as pending metadata.
    assert titles == {"Elastic Load Balancing types", "VPC building blocks"}
    assert {new for _, new in changes.renamed if "/the-parts-of-a-vpc/" in new} <= set(changes.pending)


@pytest.mark.usefixtures("regenerated")
def test_the_deleted_rows_note_keeps_its_content(student: Student) -> None:
    deleted = [note for note in student.notes() if "Answer" in note and DELETED_ROW in note["Answer"]]
    assert len(deleted) == 1 and visible_text(deleted[0]["Table"]) == "Load balancers compared"


def test_a_different_question_does_not_inherit_the_old_ones_schedule(
    regenerated: Regenerated, student: Student
) -> None:
    before = regenerated.before
    private, public = student.note(PRIVATE), student.note(PUBLIC)
    assert student.reviews_of(private) == 0 and all(card.type == 0 for card in private.cards())
    assert "VPC public?" in visible_text(public["Stem"]) and student.reviews_of(public) == 1
    assert public.id == before[study_text(public)]


def test_a_fixed_typo_keeps_the_questions_history(regenerated: Regenerated, student: Student) -> None:
    before = regenerated.before
    fixed = student.note(FIXED)
    assert "private subnet" in visible_text(fixed["Stem"]) and student.reviews_of(fixed) == 1
    assert fixed.id == before[visible_text(fixed["Stem"]).replace("private", "privte")]


@pytest.mark.usefixtures("regenerated")
def test_the_students_edit_and_mark_survive_on_an_untouched_note(student: Student) -> None:
    note = student.note("03-networking/card/internet-gateway")
    assert note["Definition"].endswith(MINE) and note.has_tag("marked")


DOCS_TABLE = """
**Load balancer guides**

| Load balancer | Guide |
| --- | --- |
| Application | the ALB user guide |
| Network | the NLB user guide |
| Gateway | the GWLB user guide |
"""


def test_a_module_renamed_and_renamed_back_keeps_every_notes_history(
    tmp_path: Path, student: Student
) -> None:
    """The module once had a table whose rows share the load balancers' labels; removed, its rows stay
    orphans in the ledger and notes in Anki. Renamed and renamed back, the module's notes must come
    back to themselves, not take those old rows' identities (which would duplicate them in Anki)."""
    course = Course(tmp_path)
    (course.notes / CRAM).write_text((course.notes / CRAM).read_text(encoding="utf-8") + DOCS_TABLE)
    course.build(FIRST_BUILD)
    student.import_package(course.out / PACKAGE)
    studied = student.study_everything()
    before = {note.guid: note.id for note in student.notes()}
    course.edit(CRAM, DOCS_TABLE, "")
    steps = [course.build(SECOND_BUILD)]
    for name in ("03-net", "03-networking"):
        next(course.notes.iterdir()).rename(course.notes / name)
        steps.append(course.build(SECOND_BUILD))
        log = student.import_package(course.out / PACKAGE)
        assert (len(log.new), len(log.conflicting)) == (0, 0)
    assert steps[-1].restored == () and steps[-1].added == ()
    assert {note.guid: note.id for note in student.notes()} == before
    assert sum(student.reviews_of(note) for note in student.notes()) == studied
    shown = [study_text(note) for note in student.notes()]
    assert len(shown) == len(set(shown))  # no old guide's note overwritten with a load balancer's row


def test_alike_terms_keep_their_own_history_when_their_files_swap_order(
    tmp_path: Path, student: Student
) -> None:
    """Two files of a module hold the same term under other headings; the first in file order keeps the
    plain id. Renaming the first file so it sorts last hands the plain id to the other term: each
    studied note must keep its own text and history, not take the other's."""
    notes, out = tmp_path / "alike", tmp_path / "alike-build"
    module = notes / "01-compute"
    module.mkdir(parents=True)
    (module / "a-servers.md").write_text(
        "# Servers\n\n## Picking servers\n\n- **Design rules:** Match the server family to the load.\n"
    )
    (module / "b-storage.md").write_text(
        "# Storage\n\n## Picking storage\n\n- **Design rules:** Match the storage class to the reads.\n"
    )
    build_and_import = partial(built_and_imported, notes, out, student)
    build_and_import(FIRST_BUILD)
    student.study_everything()
    servers = next(note for note in student.notes() if "server family" in note["Definition"])
    servers.add_tag("hard")
    student.collection.update_note(servers)
    student.collection.sched.set_due_date([card.id for card in servers.cards()], "0")
    student.study_everything()  # studied twice: its history tells it apart
    history = {note.guid: (note["Definition"], student.reviews_of(note)) for note in student.notes()}

    (module / "a-servers.md").rename(module / "c-servers.md")
    changes = build_and_import(SECOND_BUILD)

    assert (changes.added, changes.updated, changes.orphaned) == ((), (), ())
    assert {note.guid: (note["Definition"], student.reviews_of(note)) for note in student.notes()} == history
    assert "hard" in student.collection.get_note(servers.id).tags


LECTURES = {
    name: f"# {name.title()}\n\nQ: What is the key idea of this lecture?\nA: {idea}\n\n{terms}"
    for name, idea, terms in [
        (
            "energy",
            "Cells store energy as ATP.",
            "- **Glycolysis:** Splits glucose into pyruvate.\n- **Krebs cycle:** Oxidises acetyl groups.",
        ),
        (
            "genes",
            "Genes code for proteins.",
            "- **Codon:** Three bases naming one amino acid.\n- **Allele:** One form of a gene.",
        ),
        (
            "membranes",
            "Membranes control what enters.",
            "- **Osmosis:** Water crossing a membrane.\n- **Diffusion:** Spreading from high to low.",
        ),
    ]
}


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (["energy", "genes"], ["genes", "energy"]),  # two lectures swapped
        (["energy", "genes"], ["membranes", "energy", "genes"]),  # a lecture inserted before them
    ],
    ids=["swapped", "inserted"],
)
def test_lectures_renumbered_keep_each_notes_text_history_and_tags(
    tmp_path: Path, student: Student, before: list[str], after: list[str]
) -> None:
    """Module folders named alike but for their number (``01-lecture``, ``02-lecture``) hold terms of
    the same name. Swapped, or shifted by a lecture inserted before them, each module's notes take
    another's ids: each studied note must keep its own text, history and tags, not take what another
    module now holds under its old id."""
    notes, out = tmp_path / "lectures", tmp_path / "lectures-build"
    build_and_import = partial(built_and_imported, notes, out, student)

    def write(order: list[str]) -> None:
        shutil.rmtree(notes, ignore_errors=True)
        for number, name in enumerate(order, start=1):
            (notes / f"{number:02}-lecture").mkdir(parents=True)
            (notes / f"{number:02}-lecture" / "notes.md").write_text(LECTURES[name], encoding="utf-8")

    write(before)
    ledger = notes / ".ccpkit-ledger.json"
    build_and_import(FIRST_BUILD)
    student.study_everything()
    energy = next(note for note in student.notes() if "ATP" in note.joined_fields())
    energy.add_tag("hard")
    student.collection.update_note(energy)
    student.collection.sched.set_due_date([card.id for card in energy.cards()], "0")
    student.study_everything()  # studied twice: its history tells it apart
    history = {note.guid: (study_text(note), student.reviews_of(note)) for note in student.notes()}
    kept = ledger.read_bytes()

    write(after)
    ledger.write_bytes(kept)
    changes = build_and_import(SECOND_BUILD)

    new = [name for name in after if name not in before]
    assert len(changes.added) == 3 * len(new) and changes.orphaned == ()
    now = {note.guid: (study_text(note), student.reviews_of(note)) for note in student.notes()}
    assert {guid: now[guid] for guid in history} == history
    assert len(now) == len(history) + 3 * len(new)
    assert "hard" in student.collection.get_note(energy.id).tags
