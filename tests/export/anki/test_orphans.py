"""Orphans, in a real Anki collection: named once when they arise, then counted; listed with searches
that find exactly them in Anki's browser; forgotten on request; and a restored one said to be restored."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from ccpkit.cli import cli
from ccpkit.config import LEDGER_NAME
from ccpkit.ledger.browser_search import id_search
from ccpkit.report import BuildReport
from tests.export.anki.course import Course
from tests.export.anki.student import Student

PACKAGE = "anki/aws-certified-cloud-practitioner.apkg"
S3_LINE = "- **Amazon S3:** Object storage with 11 nines of durability.\n"
S3 = "02-compute/card/amazon-s3"
OWN_DECKS = "-(" + " OR ".join(f'"deck:*::{digit}_ *"' for digit in "0123456789") + ")"
S3_SEARCH = f'("deck:AWS Certified Cloud Practitioner::02 Compute in the Cloud" OR {OWN_DECKS}) "Id:{S3}"'
DAY = 86_400
START = int(time.time()) - 10 * DAY


class Loop:
    """Edit, build (a day later each time), import; the student studied everything after the first."""

    def __init__(self, tmp_path: Path, questions: str = "") -> None:
        """``questions``: more practice questions, there from the first build on."""
        self.course = Course(tmp_path)
        with (self.course.module / "practice-questions.md").open("a", encoding="utf-8") as notes:
            notes.write(questions)
        self.student = Student.with_fresh_collection(tmp_path)
        self.builds = 0
        self.build_and_import()
        self.student.study_everything()

    def build_and_import(self) -> BuildReport:
        report = self.course.build(START + self.builds * DAY)
        self.builds += 1
        self.log = self.student.import_package(self.course.out / PACKAGE)
        return report

    def orphans(self, *options: str) -> str:
        result = CliRunner().invoke(cli, ["orphans", "--notes", str(self.course.notes), *options])
        assert result.exit_code == 0, result.output
        return result.output

    def delete_in_anki(self, search: str) -> None:
        found = self.student.collection.find_notes(search)
        assert len(found) == 1, search
        self.student.collection.remove_notes(found)


@pytest.fixture
def loop(tmp_path: Path) -> Iterator[Loop]:
    state = Loop(tmp_path)
    yield state
    state.student.close()


def test_an_orphan_is_named_once_then_counted_until_forgotten(loop: Loop) -> None:
    loop.course.cut("cram-sheet.md", S3_LINE)
    gone = loop.build_and_import()
    assert gone.changes is not None and gone.changes.orphaned == (S3,)
    assert f"{S3}  (find it in Anki: {S3_SEARCH})" in gone.summary()

    loop.course.edit("cram-sheet.md", "billed per second", "billed per second or per hour")
    later = loop.build_and_import()
    assert later.changes is not None and later.changes.orphaned == ()
    assert S3 not in later.summary()
    assert "1 note removed at earlier builds is still in Anki: `ccpkit orphans` lists them" in later.summary()

    listed = loop.orphans()
    assert f"{S3}  Amazon S3  (find it in Anki: {S3_SEARCH})" in listed
    loop.delete_in_anki(S3_SEARCH)
    assert loop.orphans("--forget").strip() == "forgot 1 orphan"
    assert "no orphans to list: 1 forgotten with `ccpkit orphans --forget`" in loop.orphans()

    loop.course.edit("cram-sheet.md", "or per hour", "or per minute")
    after = loop.build_and_import()
    assert after.changes is not None and after.changes.standing_orphans == ()
    assert "earlier builds" not in after.summary()


def test_a_forgotten_orphan_is_not_counted_among_the_packages_unchanged_notes(loop: Loop) -> None:
    """The build's counts say what the import does: a forgotten orphan is in no package, so Anki's
    log never finds it unchanged, and neither does the report."""
    loop.course.cut("cram-sheet.md", S3_LINE)
    loop.build_and_import()
    assert loop.orphans("--forget").strip() == "forgot 1 orphan"

    loop.course.edit("cram-sheet.md", "billed per second", "billed per second or per hour")
    later = loop.build_and_import()

    assert "anki notes: 0 added, 1 updated, 6 unchanged, 0 orphaned" in later.summary()
    assert (len(loop.log.updated), len(loop.log.duplicate)) == (1, 6)


def test_an_item_put_back_after_its_orphan_was_forgotten_takes_its_note_again(loop: Loop) -> None:
    """Forgotten while still in Anki (the student kept it), then written again: the same note, its
    history and tags, not a second note beside it; nothing re-sent, as its words did not change."""
    note = loop.student.note(S3)
    note.tags.append("mine")
    loop.student.collection.update_note(note)
    reviews = loop.student.reviews_of(note)
    loop.course.cut("cram-sheet.md", S3_LINE)
    loop.build_and_import()
    assert loop.orphans("--forget").strip() == "forgot 1 orphan"
    assert "no orphans" in loop.orphans()

    loop.course.edit("cram-sheet.md", "## Core services\n\n", "## Core services\n\n" + S3_LINE)
    back = loop.build_and_import()
    assert back.changes is not None and (back.changes.added, back.changes.restored) == ((), (S3,))
    assert len(loop.log.new) == 0 and len(loop.log.updated) == 0
    [again] = [note for note in loop.student.notes() if note["Id"] == S3]
    assert again.guid == note.guid and "mine" in again.tags
    assert loop.student.reviews_of(again) == reviews


@pytest.mark.parametrize("deleted_in_anki", [True, False], ids=["deleted-in-anki", "kept-in-anki"])
def test_a_restored_item_is_reported_restored_not_unchanged(loop: Loop, deleted_in_anki: bool) -> None:
    loop.course.cut("cram-sheet.md", S3_LINE)
    loop.build_and_import()
    reviews = loop.student.reviews_of(loop.student.note(S3))
    if deleted_in_anki:
        loop.delete_in_anki(id_search(S3))
    loop.course.edit("cram-sheet.md", "## Core services\n\n", "## Core services\n\n" + S3_LINE)
    back = loop.build_and_import()
    assert back.changes is not None and back.changes.restored == (S3,)
    assert back.changes.unchanged == 7 and back.changes.added == ()
    assert "anki notes: 0 added, 0 updated, 1 restored, 7 unchanged, 0 orphaned" in back.summary()
    assert f"restored (Anki adds it again if you deleted it there): {S3}" in back.summary()
    # Anki's log agrees: a new note when deleted there, else the one it has (history kept)
    assert len(loop.log.new) == (1 if deleted_in_anki else 0)
    assert len(loop.log.duplicate) == (7 if deleted_in_anki else 8)
    assert loop.student.reviews_of(loop.student.note(S3)) == (0 if deleted_in_anki else reviews)


def test_orphan_searches_escape_anki_wildcards(loop: Loop) -> None:
    pinned = "{#s3_storage}\n- **S3 storage classes:** Standard, IA, Glacier.\n\n"
    lookalike = "{#s3xstorage}\n- **S3 storage lens:** Usage metrics.\n\n"
    loop.course.edit("cram-sheet.md", "## Core services\n\n", "## Core services\n\n" + pinned + lookalike)
    loop.build_and_import()
    collection = loop.student.collection
    assert len(collection.find_notes('"Id:s3_storage"')) == 2  # typed as is, `_` matches the `x` too
    loop.course.cut("cram-sheet.md", pinned)
    gone = loop.build_and_import()
    assert gone.changes is not None and gone.changes.orphaned == ("s3_storage",)
    assert '"Id:s3\\_storage"' in gone.summary()
    found = collection.find_notes(id_search("s3_storage"))
    assert [collection.get_note(note_id)["Id"] for note_id in found] == ["s3_storage"]
    assert id_search("a*b_c\\d") == '"Id:a\\*b\\_c\\\\d"'


def test_orphans_without_a_ledger_says_where_it_looked(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["orphans", "--notes", str(tmp_path / "elsewhere")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"no ledger at {tmp_path / 'elsewhere' / '.ccpkit-ledger.json'}" in result.output


def test_an_item_left_out_by_an_error_is_held_not_orphaned_and_comes_back_as_it_was(loop: Loop) -> None:
    loop.course.edit("practice-questions.md", "**Answer:** B\n", "**Answer:**\n")  # now an error
    broken = loop.build_and_import()
    assert broken.failed and broken.changes is not None
    (held,) = broken.changes.held
    assert held.startswith("02-compute/mcq/") and broken.changes.orphaned == ()
    assert "0 orphaned, 1 held" in broken.summary()
    assert (
        "held, as the notes around them hold an error or a warning that may hide them (the problems "
        "reported say which: a missing picture, a code fence or <details> left open …; fix them: not "
        f"orphaned, nothing to delete in Anki): {held}" in (broken.summary())
    )
    listed = loop.orphans()  # nothing listed for deletion, and the held note not said to be in the notes
    assert "no orphans" in listed and "or held those it could not" in listed

    loop.course.edit("practice-questions.md", "**Answer:**\n", "**Answer:** B\n")
    fixed = loop.build_and_import()
    assert fixed.changes is not None and (fixed.changes.held, fixed.changes.restored) == ((), ())
    assert held not in fixed.changes.added and fixed.changes.orphaned == ()


def test_one_search_finds_all_the_orphans_and_no_other_note(loop: Loop) -> None:
    loop.course.cut("cram-sheet.md", S3_LINE)
    loop.course.cut("cram-sheet.md", "- **AWS Lambda:** Runs code without servers; pay per request.\n")
    loop.build_and_import()
    listed = loop.orphans()
    search = listed.split("all of them in Anki's browser: ", 1)[1].split("\n", 1)[0]
    found = loop.student.collection.find_notes(search)
    assert sorted(loop.student.collection.get_note(note)["Id"] for note in found) == [
        "02-compute/card/amazon-s3",
        "02-compute/card/aws-lambda",
    ]


def test_an_orphan_renamed_before_it_left_is_found_by_the_id_anki_holds(loop: Loop) -> None:
    """A renamed module renames its notes' ids, but an import re-sends only study changes: Anki's copy
    keeps the id it came with, and the search for the orphan asks for that one."""
    loop.course.rename_module("02-compute-services")
    renamed = loop.build_and_import()
    assert renamed.changes is not None and renamed.changes.updated == () and not loop.log.updated
    loop.course.cut("cram-sheet.md", S3_LINE)
    gone = loop.build_and_import()
    assert gone.changes is not None and gone.changes.orphaned == ("02-compute-services/card/amazon-s3",)
    search = gone.summary().split("02-compute-services/card/amazon-s3  (find it in Anki: ", 1)[1]
    search = search.split(")\n", 1)[0]
    assert search == S3_SEARCH
    assert f"(find it in Anki: {S3_SEARCH})" in loop.orphans()
    loop.delete_in_anki(search)


_SHARED = (
    "A retailer runs a nightly batch job that reads every order of the day and must finish by morning"
    " at the lowest cost."
)
_ALIKE_STEMS = f"""
### Question 7

{_SHARED} Which option fits when the job can be interrupted?

- A) Spot Instances
- B) Dedicated Hosts

**Answer:** A

**Explanation:** Spot is cheapest for interruptible work.

### Question 8

{_SHARED} Which option fits when the job must never stop?

- A) Spot Instances
- B) Reserved Instances

**Answer:** B
"""


def _first_alike(loop: Loop) -> str:
    """The id of the first of two questions whose stems share their first 80 characters' slug."""
    ids = [note["Id"] for note in loop.student.notes() if "nightly-batch-job" in note["Id"]]
    return min(ids, key=len)


@pytest.fixture
def alike(tmp_path: Path) -> Iterator[Loop]:
    state = Loop(tmp_path, _ALIKE_STEMS)
    yield state
    state.student.close()


def test_a_question_left_out_by_an_error_keeps_its_note_from_the_next_alike_one(alike: Loop) -> None:
    """Alike stems are told apart by their order: while the first fails to parse, the second takes its
    plain id. Neither note changes in Anki; the student's edits and tags on the first stay."""
    loop = alike
    first = _first_alike(loop)
    loop.student.edit(first, "Explanation", "Spot is cheapest for interruptible work. MY NOTE")
    note = loop.student.note(first)
    note.tags.append("mine")
    loop.student.collection.update_note(note)
    reviews = loop.student.reviews_of(note)

    loop.course.edit(
        "practice-questions.md",
        "**Answer:** A\n\n**Explanation:** Spot",
        "**Answer:**\n\n**Explanation:** Spot",
    )
    broken = loop.build_and_import()
    assert broken.failed and broken.changes is not None
    assert (broken.changes.added, broken.changes.updated, len(broken.changes.held)) == ((), (), 1)
    assert len(loop.log.updated) == 0

    loop.course.edit(
        "practice-questions.md",
        "**Answer:**\n\n**Explanation:** Spot",
        "**Answer:** A\n\n**Explanation:** Spot",
    )
    fixed = loop.build_and_import()
    assert fixed.changes is not None and (fixed.changes.added, fixed.changes.updated) == ((), ())
    kept = loop.student.note(first)
    assert kept["Explanation"] == "Spot is cheapest for interruptible work. MY NOTE" and "mine" in kept.tags
    assert loop.student.reviews_of(kept) == reviews


def test_a_question_added_while_an_alike_one_is_in_error_is_a_new_note(loop: Loop) -> None:
    """A variant pasted in while the original fails to parse does not take the original's note: it
    may only have failed to parse, and comes back to its own history."""
    original = loop.student.note("02-compute/mcq/which-aws-service-runs-code-without-provisionning-servers")
    reviews = loop.student.reviews_of(original)
    variant = "\n### Question 9\n\nWhich AWS service runs your code without provisioning servers?\n\n"
    variant += "- A) Amazon EC2\n- B) AWS Lambda\n- C) Amazon Lightsail\n\n**Answer:** B\n"
    loop.course.edit(
        "practice-questions.md",
        "**Answer:** B\n\n**Explanation:** Lambda",
        "**Answer:**\n\n**Explanation:** Lambda",
    )
    loop.course.edit("practice-questions.md", "### Question 2\n", variant + "\n### Question 2\n")
    broken = loop.build_and_import()
    assert broken.changes is not None and broken.changes.renamed == ()
    assert broken.changes.added == (
        "02-compute/mcq/which-aws-service-runs-your-code-without-provisioning-servers",
    )

    loop.course.edit(
        "practice-questions.md",
        "**Answer:**\n\n**Explanation:** Lambda",
        "**Answer:** B\n\n**Explanation:** Lambda",
    )
    fixed = loop.build_and_import()
    assert fixed.changes is not None and (fixed.changes.added, fixed.changes.updated) == ((), ())
    assert loop.student.reviews_of(loop.student.note(original["Id"])) == reviews


def test_the_first_of_two_alike_questions_deleted_leaves_the_second_its_own_note(alike: Loop) -> None:
    """The second takes the first's plain id once the first is gone, but not its note: the second's
    note keeps its history and the student's tags; the first's note is the orphan. Put back, the
    first finds its own note again."""
    loop = alike
    first = _first_alike(loop)
    second = next(note["Id"] for note in loop.student.notes() if "nightly-batch-job" in note["Id"] != first)
    for item_id, tag in ((first, "interruptible"), (second, "never-stops")):
        note = loop.student.note(item_id)
        note.tags.append(tag)
        loop.student.collection.update_note(note)
    guids = {item_id: loop.student.note(item_id).guid for item_id in (first, second)}
    reviews = {item_id: loop.student.reviews_of(loop.student.note(item_id)) for item_id in (first, second)}
    notes = loop.course.module / "practice-questions.md"
    text = notes.read_text("utf-8")
    deleted = text[text.index("### Question 7") : text.index("### Question 8")]
    notes.write_text(text.replace(deleted, ""), "utf-8")

    gone = loop.build_and_import()
    assert gone.changes is not None and len(gone.changes.orphaned) == 1
    by_guid = {note.guid: note for note in loop.student.notes()}
    survivor, orphan = by_guid[guids[second]], by_guid[guids[first]]
    assert gone.changes.updated == () and len(loop.log.updated) == 0  # the plain id is the second's now
    assert "must never stop" in survivor["Stem"] and "never-stops" in survivor.tags
    assert loop.student.reviews_of(survivor) == reviews[second]
    assert "can be interrupted" in orphan["Stem"] and "interruptible" in orphan.tags

    notes.write_text(text, "utf-8")
    back = loop.build_and_import()
    assert back.changes is not None and back.changes.added == () and back.changes.restored == (first,)
    assert back.changes.updated == ()  # each note on its own id again: nothing to re-send
    for item_id in (first, second):
        note = loop.student.note(item_id)
        assert note.guid == guids[item_id] and loop.student.reviews_of(note) == reviews[item_id]


def test_a_new_fact_under_a_removed_notes_name_is_a_new_note_and_the_old_one_waits(loop: Loop) -> None:
    """`Amazon S3` removed, then `Amazon S3` written again about something else: a new fact, so a new
    note, studied from the start; the removed note keeps its history, and is taken back with its
    answer."""
    removed = loop.student.note(S3)
    reviews = loop.student.reviews_of(removed)
    loop.course.cut("cram-sheet.md", S3_LINE)
    loop.build_and_import()
    other = "- **Amazon S3:** The storage class chosen per object by its access pattern.\n"
    loop.course.edit("cram-sheet.md", "## ", other + "\n## ")
    again = loop.build_and_import()
    assert again.changes is not None and again.changes.added == (S3,) and again.changes.restored == ()
    new = [note for note in loop.student.notes() if note["Id"] == S3]
    fresh = next(note for note in new if "access pattern" in note["Definition"])
    assert loop.student.reviews_of(fresh) == 0 and fresh.guid != removed.guid
    kept = loop.student.collection.get_note(removed.id)
    assert "11 nines" in kept["Definition"] and loop.student.reviews_of(kept) == reviews
    (waiting,) = [line for line in loop.orphans().splitlines() if "(find it in Anki: " in line]
    search = waiting.split("(find it in Anki: ", 1)[1].split("; another note in Anki holds that id too")[0]
    assert removed.id in loop.student.collection.find_notes(search)  # with the new fact, as it says


_STEM = "Which AWS service runs code without provisionning servers?"
_KEY = "- C) Amazon Lightsail\n\n**Answer:** B\n\n**Explanation:** Lambda is serverless."


def test_a_question_put_back_with_its_explanation_reworded_takes_its_own_note_again(loop: Loop) -> None:
    """A question's identity is its stem, options and correct ones: put back after it became another
    question, with a new explanation, it takes back its note and history."""
    studied = next(note for note in loop.student.notes() if note["Id"].endswith("provisionning-servers"))
    reviews = loop.student.reviews_of(studied)
    other_stem, other_key = "Which AWS service rents virtual servers?", _KEY.replace("** B", "** A")
    loop.course.edit("practice-questions.md", _STEM, other_stem)
    loop.course.edit("practice-questions.md", _KEY, other_key)
    changed = loop.build_and_import()
    assert changed.changes is not None and changed.changes.orphaned == (studied["Id"],)
    loop.course.edit("practice-questions.md", other_stem, _STEM)
    loop.course.edit("practice-questions.md", other_key, _KEY.replace("serverless.", "run on demand."))
    back = loop.build_and_import()
    assert back.changes is not None and back.changes.restored == (studied["Id"],) and back.changes.added == ()
    kept = loop.student.collection.get_note(studied.id)
    assert "on demand" in kept["Explanation"] and loop.student.reviews_of(kept) == reviews
    assert [note["Id"] for note in loop.student.notes()].count(studied["Id"]) == 1


def test_orphans_come_back_with_a_lost_ledger_and_a_new_fact_of_their_name_takes_no_history(
    loop: Loop,
) -> None:
    """The ledger file lost, with the build folder kept: the orphans are still listed, and another fact
    written later under an orphan's name is a note of its own, never the orphan's note and history."""
    old = loop.student.note(S3)
    reviews = loop.student.reviews_of(old)
    loop.course.cut("cram-sheet.md", S3_LINE)
    loop.build_and_import()
    (loop.course.notes / LEDGER_NAME).unlink()
    loop.build_and_import()
    assert S3 in loop.orphans()

    another = "- **Amazon S3:** A bucket.\n"
    loop.course.edit("cram-sheet.md", "## Core services\n\n", f"## Core services\n\n{another}")
    loop.build_and_import()
    assert len(loop.log.new) == 1 and not loop.log.updated
    kept = loop.student.collection.get_note(old.id)
    assert "11 nines" in kept["Definition"] and loop.student.reviews_of(kept) == reviews
