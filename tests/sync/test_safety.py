"""A sync never costs the student their collection: locked collections are refused, --dry-run writes
nothing, a backup comes first, and a sync killed half-way leaves the collection as it was."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from anki._backend import RustBackend
from anki.collection import Collection
from anki.notes import NoteId
from click.testing import CliRunner

from ccpkit.cli import cli
from tests.conftest import REPO
from tests.export.anki.student import Student
from tests.sync.course import TITLE, Course, fargate_moved_to_storage


@pytest.fixture
def course(tmp_path: Path) -> Course:
    course = Course.fresh(tmp_path)
    assert course.sync().exit_code == 0
    student = course.student()
    student.study_everything()
    student.close()
    # The notes move on: one item added, one definition changed, one item removed, a new title.
    course.edit(
        "02-compute/cram-sheet.md",
        "- **AWS Fargate:",
        "- **AWS Batch:** Runs batch computing jobs at any scale.\n- **AWS Fargate:",
    )
    course.edit(
        "03-storage/cram-sheet.md", "attached to one EC2 instance", "attached to one EC2 instance in one AZ"
    )
    course.edit(
        "03-storage/cram-sheet.md",
        "- **Amazon EFS:** A shared file system many instances mount at once.\n",
        "",
    )
    return course


def snapshot(collection: Path) -> tuple[object, ...]:
    """What the student has: notes (fields, tags), cards (deck, schedule), decks and note types."""
    student = Student(Collection(str(collection)))
    try:
        col = student.collection
        notes = sorted((note.guid, tuple(note.fields), tuple(sorted(note.tags))) for note in student.notes())
        cards = sorted(
            (card.note().guid, card.ord, col.decks.name(card.did), card.queue, card.type, card.ivl, card.reps)
            for card in student.cards()
        )
        decks = sorted(deck.name for deck in col.decks.all_names_and_ids())
        note_types = sorted((model["name"], model["css"]) for model in col.models.all())
        return (notes, cards, decks, note_types)
    finally:
        student.close()


def test_a_collection_open_elsewhere_is_refused_and_nothing_is_written(course: Course) -> None:
    before = course.collection_hash()
    backups = sorted((course.collection.parent / "backups").iterdir())
    built = {path: path.read_bytes() for path in course.out.rglob("*") if path.is_file()}
    holder = Collection(str(course.collection))  # as Anki desktop holds it while the profile is open
    try:
        result = course.sync()
    finally:
        holder.close()
    assert result.exit_code == 1
    assert "is open in Anki or another program" in result.output
    assert "Nothing was written." in result.output
    assert "Traceback" not in result.output
    assert course.collection_hash() == before
    assert sorted((course.collection.parent / "backups").iterdir()) == backups
    assert {path: path.read_bytes() for path in course.out.rglob("*") if path.is_file()} == built


def test_dry_run_prints_the_plan_and_changes_no_byte(course: Course) -> None:
    before, ledger = course.collection_hash(), (course.notes / ".ccpkit-ledger.json").read_bytes()
    result = course.sync("--dry-run", title="AWS CCP 2026")
    assert result.exit_code == 0, result.output
    assert "1 added, 1 updated, 10 moved, 1 retired" in result.output
    assert "  added: 02-compute/card/aws-batch" in result.output
    assert "dry run: nothing was written" in result.output
    assert course.collection_hash() == before
    assert (course.notes / ".ccpkit-ledger.json").read_bytes() == ledger


def test_a_backup_in_the_profile_restores_the_collection_as_it_was(course: Course, tmp_path: Path) -> None:
    before = snapshot(course.collection)
    assert course.sync().exit_code == 0
    backups = sorted((course.collection.parent / "backups").glob("*.colpkg"), key=os.path.getmtime)
    restored = tmp_path / "restored" / "collection.anki2"
    restored.parent.mkdir()
    RustBackend().import_collection_package(  # what Anki's File → Open Backup does
        col_path=str(restored),
        backup_path=str(backups[-1]),
        media_folder=str(restored.parent / "collection.media"),
        media_db=str(restored.parent / "collection.media.db2"),
    )
    assert snapshot(restored) == before


def test_after_a_backup_is_put_back_the_next_sync_redoes_its_moves_and_edits_with_no_false_conflict(
    course: Course, tmp_path: Path
) -> None:
    assert course.sync().exit_code == 0
    course.edit("03-storage/cram-sheet.md", "attached to one EC2 instance", "attached to one instance")
    fargate_moved_to_storage(course)
    assert course.sync().exit_code == 0
    backups = sorted((course.collection.parent / "backups").glob("*.colpkg"), key=os.path.getmtime)
    course.collection.unlink()
    RustBackend().import_collection_package(  # File → Open Backup: the collection before that sync
        col_path=str(course.collection),
        backup_path=str(backups[-1]),
        media_folder=str(course.collection.parent / "collection.media"),
        media_db=str(course.collection.parent / "collection.media.db2"),
    )

    again = course.sync()

    assert again.exit_code == 0, again.output
    assert "0 added, 2 updated, 1 moved, 0 retired, 0 restored, 0 conflicts" in again.output
    student = course.student()
    try:
        decks = {
            student.collection.decks.name(card.did)
            for card in student.note("03-storage/card/aws-fargate").cards()
        }
        assert decks == {f"{TITLE}::03 Storage"}
        assert "attached to one instance" in student.note("03-storage/card/amazon-ebs")["Definition"]
    finally:
        student.close()


def test_a_collection_naming_a_sync_whose_record_is_gone_is_synced_by_times_and_says_so(
    course: Course,
) -> None:
    assert course.sync().exit_code == 0
    course.lose_records()

    again = course.sync()

    assert again.exit_code == 0, again.output
    assert "the collection names a sync whose record is gone" in again.output
    assert "record is gone" not in course.sync().output  # that sync wrote a record again


@pytest.mark.parametrize("step", ["adding notes", "moving cards", "committing"])
def test_a_sync_killed_half_way_leaves_the_collection_as_before(
    course: Course, tmp_path: Path, step: str
) -> None:
    before = snapshot(course.collection)
    finished = tmp_path / "finished"
    shutil.copytree(course.root, finished)  # the same sync, allowed to finish, gives the after state
    assert Course(finished).sync(title="AWS CCP 2026").exit_code == 0
    after = snapshot(Course(finished).collection)
    assert after != before

    child = subprocess.Popen(
        [sys.executable, "-m", "tests.sync.interrupted_sync", str(course.root), "AWS CCP 2026", step],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == f"paused at {step}"  # inside the transaction
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL

    collection = Collection(str(course.collection))
    try:
        problems, ok = collection.fix_integrity()
        assert ok, problems
        assert collection.db.scalar("pragma integrity_check") == "ok"
    finally:
        collection.close()
    assert snapshot(course.collection) == before
    assert course.sync(title="AWS CCP 2026").exit_code == 0  # and a sync run again gets the rest
    assert snapshot(course.collection) == after


def test_without_the_anki_library_sync_says_how_to_install_it(course: Course) -> None:
    blocked = (
        "import sys; sys.modules['anki'] = None; from ccpkit.cli import main; main()"  # as if not installed
    )
    arguments = ["sync", "--notes", str(course.notes), "--collection", str(course.collection)]
    result = subprocess.run(
        [sys.executable, "-c", blocked, *arguments], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert "ccpkit sync needs the Anki library: pip install 'ccpkit[sync]'" in result.stderr
    assert "Traceback" not in result.stderr


def mark_synced_with_ankiweb(collection: Path) -> None:
    """As after a sync with AnkiWeb: the schema's change time is the last sync's."""
    opened = Collection(str(collection))
    try:
        opened.db.execute("update col set ls = scm")
    finally:
        opened.close()


def needs_one_way_sync(collection: Path) -> bool:
    opened = Collection(str(collection))
    try:
        return bool(opened.schema_changed())
    finally:
        opened.close()


def test_adding_note_types_and_restyling_them_need_no_one_way_sync(tmp_path: Path) -> None:
    course = Course.fresh(tmp_path)
    mark_synced_with_ankiweb(course.collection)
    assert course.sync().exit_code == 0  # creates ccpkit's three note types
    assert not needs_one_way_sync(course.collection)
    style = course.templates / "anki" / "style.css"
    style.write_text(style.read_text(encoding="utf-8") + "\n.card { margin: 0; }\n", encoding="utf-8")
    assert "note type updated: ccpkit Term v1 (css)" in course.sync().output
    assert not needs_one_way_sync(course.collection)


def test_a_field_the_student_removed_comes_back_and_that_needs_a_one_way_sync(tmp_path: Path) -> None:
    course = Course.fresh(tmp_path)
    assert course.sync().exit_code == 0
    student = course.student()
    term = student.collection.models.by_name("ccpkit Term v1")
    student.collection.models.remove_field(term, next(f for f in term["flds"] if f["name"] == "Context"))
    student.collection.models.update_dict(term)
    student.close()
    mark_synced_with_ankiweb(course.collection)
    result = course.sync()
    assert "note type updated: ccpkit Term v1 (" in result.output and "Context)" in result.output
    student = course.student()
    try:
        assert "Core services" in student.note("02-compute/card/amazon-ec2")["Context"]
    finally:
        student.close()
    assert needs_one_way_sync(course.collection)


def test_the_command_alone_finds_the_only_profile_in_the_anki_data_folder(tmp_path: Path) -> None:
    course = Course.fresh(tmp_path)
    environment = {**os.environ, "ANKI_BASE": str(course.collection.parent.parent)}
    options = ["--notes", str(course.notes), "--out", str(course.out), "--templates", str(course.templates)]
    result = subprocess.run(
        [sys.executable, "-m", "ccpkit", "sync", *options],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert f"synced {course.collection}" in result.stdout
    assert "11 added, 0 updated" in result.stdout
    assert f"backup: {course.collection.parent / 'backups'}" in result.stdout


def test_a_file_that_is_no_collection_is_a_usage_error(course: Course) -> None:
    course.collection.write_bytes(b"just text, no SQLite database here" * 10)
    result = course.sync()
    assert result.exit_code == 2
    assert f"cannot open {course.collection} as an Anki collection: file is not a database" in result.output


def test_an_output_folder_inside_the_notes_folder_is_a_usage_error_and_nothing_is_written(
    course: Course,
) -> None:
    """A conflicts file written there would be read back as notes, as a build's outputs would."""
    before = sorted(course.notes.rglob("*"))
    collection = course.collection.read_bytes()
    result = course.sync("--out", str(course.notes / "build"))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"output folder {course.notes / 'build'} is inside the notes folder" in result.output
    assert sorted(course.notes.rglob("*")) == before and course.collection.read_bytes() == collection


def test_a_course_left_untitled_here_is_not_renamed_after_its_notes_folder(
    course: Course, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run from another folder, no ccpkit.toml names the course: it would take its notes folder's
    name and every card would move to a deck of that name. The ledger knows its name: a usage error."""
    monkeypatch.chdir(course.root)  # no ccpkit.toml here
    before, ledger = course.collection_hash(), (course.notes / ".ccpkit-ledger.json").read_bytes()
    arguments = ["sync", "--notes", str(course.notes), "--out", str(course.out)]
    result = CliRunner().invoke(cli, [*arguments, "--collection", str(course.collection)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"names this course '{TITLE}'" in result.output and f"--title '{TITLE}'" in result.output
    assert course.collection_hash() == before
    assert (course.notes / ".ccpkit-ledger.json").read_bytes() == ledger


@pytest.mark.parametrize("stop", ["SIGINT", "SIGTERM", "SIGHUP"])
def test_ctrl_c_or_a_request_to_end_while_a_sync_writes_lets_it_finish_the_collection_and_the_ledger(
    course: Course, tmp_path: Path, stop: str
) -> None:
    """Stopped between its transaction and the ledger, a sync would leave Anki ahead of the ledger (the
    next build would send its notes again, and an import would wipe what the student did since)."""
    finished = tmp_path / "finished"
    shutil.copytree(course.root, finished)
    assert Course(finished).sync(title="AWS CCP 2026").exit_code == 0
    ledger = (course.notes / ".ccpkit-ledger.json").read_bytes()

    child = subprocess.Popen(
        [sys.executable, "-m", "tests.sync.interrupted_sync", str(course.root), "AWS CCP 2026", "committing"],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdin is not None
    assert child.stdout.readline().strip() == "paused at committing"
    os.kill(child.pid, getattr(signal, stop))
    child.stdin.write("\n")
    child.stdin.close()
    assert child.wait() == 0
    assert snapshot(course.collection) == snapshot(Course(finished).collection)
    assert (course.notes / ".ccpkit-ledger.json").read_bytes() != ledger  # written as well


def test_syncs_back_to_back_each_keep_their_own_backup(course: Course) -> None:
    """Anki names a backup by its second: the second sync's must not replace the first's, which holds
    the collection as it was before both."""
    folder = course.collection.parent / "backups"
    for _ in range(2):
        assert course.sync().exit_code == 0
    assert len(list(folder.glob("*.colpkg"))) == 2


def test_a_ledger_sync_cannot_write_is_caught_up_by_the_next_build_and_sends_nothing_again(
    course: Course, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The notes folder refuses the ledger after the collection was synced (a read-only folder, a full
    disk): sync fails saying so, and the next build takes the synced ledger kept beside its cache, so
    the package it makes sends no note again over what the student edits in Anki meanwhile."""
    from ccpkit.build import build
    from ccpkit.errors import WriteError
    from ccpkit.export import ExportOptions
    from ccpkit.sync import run

    def refused(notes: Path, ledger: object, data: bytes | None = None) -> tuple[Path, ...]:
        raise WriteError(notes / ".ccpkit-ledger.json", OSError(30, "Read-only file system"))

    monkeypatch.setattr(run, "record_ledger", refused)
    failed = course.sync()
    assert failed.exit_code == 1 and "Read-only file system" in failed.output
    monkeypatch.undo()

    options = ExportOptions(templates=course.templates)
    report = build(course.notes, course.out, formats=("anki",), options=options, title=TITLE)

    assert report.changes is not None
    assert report.changes.updated == () and report.changes.added == ()


def test_a_notes_folder_that_refuses_new_files_stops_the_sync_before_the_collection_is_written(
    course: Course, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only notes folder could not take the synced ledger: the sync says so and writes nothing,
    rather than leave a synced collection whose ledger the next build does not know."""
    from ccpkit.sync import run

    def refused(**_: object) -> object:
        raise OSError(30, "Read-only file system")

    before = course.collection_hash()
    monkeypatch.setattr(run.tempfile, "TemporaryFile", refused)

    result = course.sync()

    monkeypatch.undo()
    assert result.exit_code == 1 and "Read-only file system" in result.output
    assert course.collection_hash() == before
    assert course.sync().exit_code == 0  # once the folder takes files again


def test_a_backup_that_cannot_be_written_stops_the_sync_before_the_collection_is_written(
    course: Course,
) -> None:
    """No sync without a backup to put back: a backups folder that cannot be made (a file in its place,
    a full disk, no permission) is one error, and the collection stays as it was."""
    backups = course.collection.parent / "backups"
    shutil.rmtree(backups)
    backups.write_text("not a folder", encoding="utf-8")
    before = course.collection_hash()

    result = course.sync()

    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"cannot write a backup of the collection in {backups}" in result.output
    assert course.collection_hash() == before
    backups.unlink()
    assert course.sync().exit_code == 0


def test_a_collection_damaged_inside_is_one_error_not_a_traceback(course: Course) -> None:
    with course.collection.open("r+b") as damaged:  # its header kept: Anki opens it, writing fails
        damaged.seek(50_000)
        damaged.write(b"\0" * 3 * 4096)

    result = course.sync()

    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "the collection could not be written: database disk image is malformed" in result.output


def test_a_collection_a_newer_anki_saved_asks_for_that_version_of_the_library(course: Course) -> None:
    """Anki desktop updates itself more often than a student updates pip: its collection may be of a
    version the `anki` library here cannot open. The student is told what to upgrade, and nothing is
    written."""
    with sqlite3.connect(course.collection) as database:  # as a future Anki would mark its format
        database.execute("update col set ver = ver + 1")
    database.close()
    before = course.collection_hash()

    result = course.sync()

    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "DbError" not in result.output and "a newer Anki" in result.output
    assert "pip install --upgrade anki" in result.output and "Nothing was written" in result.output
    assert course.collection_hash() == before


def test_a_filtered_deck_named_as_a_module_deck_stops_the_sync_before_cards_go_astray(tmp_path: Path) -> None:
    """Anki puts no card into a filtered deck: with one of the student's holding a module deck's name,
    new cards would land in a deck named with a number tacked on, or in Anki's Default deck."""
    course = Course.fresh(tmp_path)
    student = course.student()
    try:
        student.collection.decks.new_filtered(f"{TITLE}::02 Compute")
    finally:
        student.close()
    before = course.collection_hash()

    result = course.sync()

    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"filtered deck '{TITLE}::02 Compute'" in result.output and "Nothing was written" in result.output
    assert course.collection_hash() == before


@pytest.mark.parametrize(
    "own_deck", ["", "Mine", "Mine::Hard ones"], ids=["course-deck", "own", "own-nested"]
)
def test_a_ledger_lost_with_the_build_folder_finds_a_renamed_note_by_its_id_in_anki(
    tmp_path: Path, own_deck: str
) -> None:
    """A note renamed and synced keeps the GUID of its first name, which a new ledger would not give
    it: Anki's copy holds its id, so the sync takes it as the note, with its history and tags, not
    a second note beside it; also where the student moved its cards into a deck of their own,
    top-level or nested (the collection's sync record knows ccpkit wrote that note for this course)."""
    course = Course.fresh(tmp_path)
    assert course.sync().exit_code == 0
    course.edit("03-storage/cram-sheet.md", "**Amazon EBS:**", "**Amazon Elastic Block Store:**")
    assert course.sync().exit_code == 0
    student = course.student()
    renamed = student.note("03-storage/card/amazon-elastic-block-store")
    student.study_everything()
    renamed.add_tag("mine")
    student.collection.update_note(renamed)
    if own_deck:
        student.collection.set_deck(
            [card.id for card in renamed.cards()], student.collection.decks.id(own_deck)
        )
    decks, notes = student.decks_of(renamed), len(list(student.notes()))
    student.close()
    (course.notes / ".ccpkit-ledger.json").unlink()
    shutil.rmtree(course.out)

    result = course.sync()

    assert result.exit_code == 0, result.output
    assert "0 added" in result.output and "0 retired" in result.output
    header = (course.notes / ".ccpkit-ledger.json").read_text(encoding="utf-8").splitlines()[0]
    assert f'"guid scope": "{TITLE}"' in header  # a note added later gets the GUID it had before
    student = course.student()
    try:
        assert len(list(student.notes())) == notes
        kept = student.note("03-storage/card/amazon-elastic-block-store")
        assert kept.id == renamed.id and "mine" in kept.tags and student.reviews_of(kept) == 1
        assert student.decks_of(kept) == decks
    finally:
        student.close()


MINE = "Mine: my own example of a block device."


def _copy_of_ebs(student: Student) -> NoteId:
    """A copy the student made in Anki of the EBS note (the original's Id and deck), with a definition
    of their own: its id."""
    original = student.note("03-storage/card/amazon-ebs")
    copy = student.collection.new_note(original.note_type())
    copy.fields = [*original.fields]
    copy["Definition"] = MINE
    student.collection.add_note(copy, original.cards()[0].did)
    return copy.id


def test_a_note_the_student_copied_in_anki_is_never_taken_for_a_new_item_of_its_id(tmp_path: Path) -> None:
    """The copy holds the original's Id; a new item written later under that id is a note of its own
    (only a ledger lost whole looks for notes by their Id)."""
    course = Course.fresh(tmp_path)
    assert course.sync().exit_code == 0
    student = course.student()
    copy = _copy_of_ebs(student)
    student.close()
    course.edit("03-storage/cram-sheet.md", "**Amazon EBS:**", "**Amazon Elastic Block Store:**")
    assert course.sync().exit_code == 0  # the original renamed: only the copy holds the old Id now
    course.edit(
        "03-storage/cram-sheet.md", "- **Amazon EFS:", "- **Amazon EBS:** Another fact.\n- **Amazon EFS:"
    )

    result = course.sync()

    assert result.exit_code == 0, result.output
    assert "1 added" in result.output
    student = course.student()
    try:
        assert student.collection.get_note(copy)["Definition"] == MINE
    finally:
        student.close()


def _another_courses_ledger(tmp_path: Path, course: Course) -> None:
    """The ledger of another course built from notes of the same ids, copied over ``course``'s."""
    other = Course.fresh(tmp_path / "other")
    paths = ["--notes", str(other.notes), "--out", str(other.out), "--templates", str(other.templates)]
    result = CliRunner().invoke(cli, ["build", "--format", "anki", *paths, "--title", "Another Course"])
    assert result.exit_code == 0, result.output
    shutil.copyfile(other.notes / ".ccpkit-ledger.json", course.notes / ".ccpkit-ledger.json")


@pytest.mark.parametrize("build_folder", ["kept", "deleted"])
def test_another_courses_ledger_copied_over_this_ones_is_refused_and_nothing_is_written(
    tmp_path: Path, build_folder: str
) -> None:
    """Its GUIDs are not those of the studied notes: synced on, every note would be added beside its
    studied copy. The build folder's last ledger names another course; without it, the collection
    holds this course's notes under the same ids, none of them known to the ledger."""
    course = Course.fresh(tmp_path / "course")
    assert course.sync().exit_code == 0
    student = course.student()
    student.study_everything()
    student.close()
    _another_courses_ledger(tmp_path, course)
    if build_folder == "deleted":
        shutil.rmtree(course.out)
    before = course.collection_hash()

    result = course.sync()

    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "git checkout HEAD -- " in result.output and "second time" in result.output
    assert ("'Another Course'" in result.output) is (build_folder == "kept")
    assert course.collection_hash() == before


@pytest.mark.parametrize("build_folder", ["kept", "deleted"])
def test_the_courses_ledger_put_back_as_the_refusal_says_syncs_with_nothing_added(
    tmp_path: Path, build_folder: str
) -> None:
    """Put back, the ledger names this course while the build folder's copy (written by a build on the
    other's) names the other: the collection holds this one's notes, so the sync goes on with it."""
    course = Course.fresh(tmp_path / "course")
    assert course.sync().exit_code == 0
    own = (course.notes / ".ccpkit-ledger.json").read_bytes()
    _another_courses_ledger(tmp_path, course)
    if build_folder == "deleted":
        shutil.rmtree(course.out)
        build = ["build", "--format", "anki", "--notes", str(course.notes), "--out", str(course.out)]
        assert (
            CliRunner()
            .invoke(cli, [*build, "--templates", str(course.templates), "--title", TITLE])
            .exit_code
            == 0
        )
    assert course.sync().exit_code == 2
    (course.notes / ".ccpkit-ledger.json").write_bytes(own)

    result = course.sync()

    assert result.exit_code == 0, result.output
    assert "0 added" in result.output
    student = course.student()
    try:
        assert len({note["Id"] for note in student.notes()}) == len(list(student.notes()))
    finally:
        student.close()


def test_a_copy_the_student_made_of_a_deleted_note_is_no_sign_of_another_courses_ledger(
    tmp_path: Path,
) -> None:
    course = Course.fresh(tmp_path)
    assert course.sync().exit_code == 0
    student = course.student()
    copy = _copy_of_ebs(student)
    storage = [
        note.id for note in student.notes() if note["Id"].startswith("03-storage/") and note.id != copy
    ]
    student.collection.remove_notes(storage)
    student.close()

    result = course.sync("--module", "3")

    assert result.exit_code == 0, result.output
    student = course.student()
    try:
        assert student.collection.get_note(copy)["Definition"] == MINE
    finally:
        student.close()


def test_a_build_on_another_courses_ledger_is_refused_when_the_build_folder_knows_this_ones(
    tmp_path: Path,
) -> None:
    course = Course.fresh(tmp_path / "course")
    paths = ["--notes", str(course.notes), "--out", str(course.out), "--templates", str(course.templates)]
    build = ["build", "--format", "anki", *paths, "--title", TITLE]
    assert CliRunner().invoke(cli, build).exit_code == 0
    _another_courses_ledger(tmp_path, course)
    packages = {path: path.read_bytes() for path in (course.out / "anki").glob("*.apkg")}

    result = CliRunner().invoke(cli, build)

    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "'Another Course'" in result.output and f"'{TITLE}'" in result.output
    assert {path: path.read_bytes() for path in (course.out / "anki").glob("*.apkg")} == packages


def test_a_second_course_sharing_the_collection_and_ids_is_synced_beside_the_first(tmp_path: Path) -> None:
    """Another course's notes of the same ids sit in that course's decks: no sign of a wrong ledger."""
    first = Course.fresh(tmp_path / "first")
    assert first.sync().exit_code == 0
    second = Course.fresh(tmp_path / "second")
    shutil.copyfile(first.collection, second.collection)
    assert second.sync(title="Another Course").exit_code == 0
    (second.notes / "02-compute" / "cram-sheet.md").write_text(
        (second.notes / "02-compute" / "cram-sheet.md").read_text(encoding="utf-8")
        + "\n- **Spot:** Spare.\n",
        encoding="utf-8",
    )

    result = second.sync(title="Another Course")

    assert result.exit_code == 0, result.output
    assert "1 added" in result.output


def test_ctrl_c_pressed_again_as_a_sync_ends_still_shows_what_the_finished_sync_did(
    course: Course, tmp_path: Path
) -> None:
    """The first Ctrl-C, inside the transaction, cannot stop the sync; more as it reports and as the
    command ends must not cut off the report of a sync that is done, nor exit as if it was stopped."""
    finished = tmp_path / "finished"
    shutil.copytree(course.root, finished)
    assert Course(finished).sync().exit_code == 0
    ledger = (course.notes / ".ccpkit-ledger.json").read_bytes()
    arguments = ["sync", "--notes", str(course.notes), "--out", str(course.out), "--title", TITLE]
    arguments += ["--templates", str(course.templates), "--collection", str(course.collection)]

    ended = subprocess.run(
        [sys.executable, "-m", "tests.sync.ctrl_c_sync", *arguments],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )

    assert ended.returncode == 0, ended.stdout + ended.stderr
    assert "anki notes: 1 added, 1 updated, 0 moved, 1 retired" in ended.stdout, ended.stdout
    assert "Aborted" not in ended.stderr
    assert "Ctrl-C came while the sync was finishing: it finished first" in ended.stderr, ended.stderr
    assert snapshot(course.collection) == snapshot(Course(finished).collection)
    assert (course.notes / ".ccpkit-ledger.json").read_bytes() != ledger


def test_a_sync_run_in_the_callers_process_gives_ctrl_c_back(course: Course) -> None:
    """Only the console script's process ends with the sync holding Ctrl-C; a caller's goes on."""
    before = {held: signal.getsignal(held) for held in (signal.SIGINT, signal.SIGTERM)}
    assert course.sync().exit_code == 0
    assert {held: signal.getsignal(held) for held in before} == before
