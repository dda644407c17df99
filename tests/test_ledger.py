"""The id ledger: GUIDs survive edits and fixed typos, mtimes move only with content, damage is refused."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from ccpkit.ledger import (
    Fingerprint,
    Ledger,
    Stamp,
    load_ledger,
    reconcile,
    stamp_templates,
)
from ccpkit.ledger.last import caught_up

T0, T1 = 1_700_000_000, 1_700_003_600


def note(
    note_id: str,
    key: str | tuple[str, ...],
    answer: str = "a",
    study: str = "s",
    note_type: str = "Term",
    *,
    meta: str = "m",
    deck: str = "Course::02 Compute",
    legacy: str = "",
    table: str = "",
) -> Fingerprint:
    return Fingerprint(
        id=note_id,
        note_type=note_type,
        key=key if isinstance(key, tuple) else (key,),
        answer=answer,
        study=study,
        meta=meta,
        deck=deck,
        legacy=legacy,
        module=note_id.split("/", 1)[0],
        table=table,
    )


def guid(note_id: str, attempt: int) -> str:
    return f"g:{note_id}:{attempt}"


def first_build(*notes: Fingerprint) -> Ledger:
    return reconcile(Ledger(), notes, now=T0, new_guid=guid).ledger


def test_first_build_adds_every_note_with_a_guid_from_its_id() -> None:
    result = reconcile(Ledger(), [note("m/card/ec2", "EC2")], now=T0, new_guid=guid)
    assert result.added == ("m/card/ec2",)
    entry = result.ledger.notes["m/card/ec2"]
    assert (entry.guid, entry.modified, entry.key) == ("g:m/card/ec2:0", T0, ("EC2",))


def test_unchanged_note_keeps_its_time_and_a_changed_one_moves_to_now() -> None:
    ledger = first_build(note("m/card/a", "A"), note("m/card/b", "B"))
    result = reconcile(
        ledger, [note("m/card/a", "A"), note("m/card/b", "B", study="new")], now=T1, new_guid=guid
    )
    assert result.updated == ("m/card/b",) and result.added == ()
    assert result.ledger.notes["m/card/a"].modified == T0
    assert result.ledger.notes["m/card/b"].modified == T1
    assert result.ledger.notes["m/card/b"].guid == ledger.notes["m/card/b"].guid


def test_a_change_within_the_same_second_still_moves_the_time_forward() -> None:
    ledger = first_build(note("m/card/a", "A"))
    result = reconcile(ledger, [note("m/card/a", "A", study="new")], now=T0, new_guid=guid)
    assert result.ledger.notes["m/card/a"].modified == T0 + 1


def test_fixed_typo_with_the_same_answer_keeps_the_guid() -> None:
    ledger = first_build(note("m/card/elastic-load-balacner", "Elastic Load Balacner", answer="spreads"))
    fixed = note("m/card/elastic-load-balancer", "Elastic Load Balancer", answer="spreads", study="s2")
    result = reconcile(ledger, [fixed], now=T1, new_guid=guid)
    assert result.renamed == (("m/card/elastic-load-balacner", "m/card/elastic-load-balancer"),)
    assert result.ledger.notes["m/card/elastic-load-balancer"].guid == "g:m/card/elastic-load-balacner:0"
    assert result.ledger.notes["m/card/elastic-load-balancer"].modified == T1
    assert result.orphaned == () and result.added == ()


def test_fixed_typo_with_an_edited_answer_is_matched_by_a_similar_name() -> None:
    stem = "Which service rotates database credentails automatically?"
    ledger = first_build(note("m/mcq/x", stem, answer="old", note_type="MCQ"))
    fixed = note("m/mcq/y", stem.replace("credentails", "credentials"), answer="new", note_type="MCQ")
    assert reconcile(ledger, [fixed], now=T1, new_guid=guid).renamed == (("m/mcq/x", "m/mcq/y"),)


def test_different_note_or_note_type_is_not_a_rename() -> None:
    ledger = first_build(note("m/card/s3", "Amazon S3", answer="objects"))
    others = [
        note("m/card/efs", "Amazon EFS", answer="files"),
        note("m/mcq/s3", "Amazon S3", note_type="MCQ"),
    ]
    result = reconcile(ledger, others, now=T1, new_guid=guid)
    assert result.renamed == () and set(result.added) == {"m/card/efs", "m/mcq/s3"}
    assert result.orphaned == ("m/card/s3",)


def test_a_name_one_letter_of_an_acronym_away_over_another_answer_is_another_note() -> None:
    """``Amazon SNS`` removed and ``Amazon SQS`` added in one build are two services: the SNS note's
    history must not move to SQS (names 90% alike exactly; a typo in a longer name is more alike)."""
    ledger = first_build(note("m/card/amazon-sns", "Amazon SNS", answer="pub/sub notifications"))
    result = reconcile(
        ledger, [note("m/card/amazon-sqs", "Amazon SQS", answer="queues")], now=T1, new_guid=guid
    )
    assert (result.renamed, result.added, result.orphaned) == (
        (),
        ("m/card/amazon-sqs",),
        ("m/card/amazon-sns",),
    )


def test_orphans_stay_in_the_ledger_and_get_their_guid_back_when_they_return() -> None:
    ledger = first_build(note("m/card/s3", "Amazon S3"), note("m/card/ec2", "EC2", answer="servers"))
    gone = reconcile(ledger, [note("m/card/ec2", "EC2", answer="servers")], now=T1, new_guid=guid)
    assert gone.orphaned == ("m/card/s3",) and "m/card/s3" in gone.ledger.notes
    back = reconcile(
        gone.ledger,
        [note("m/card/s3", "Amazon S3"), note("m/card/ec2", "EC2", answer="servers")],
        now=T1,
        new_guid=guid,
    )
    assert back.ledger.notes["m/card/s3"].guid == ledger.notes["m/card/s3"].guid
    assert back.orphaned == () and back.added == ()


def test_a_note_removed_builds_ago_comes_back_only_with_its_answer_never_as_a_new_fact() -> None:
    ledger = first_build(note("m/card/sns-topics", "Amazon SNS topics", answer="pub/sub channels"))
    gone = reconcile(ledger, [], now=T1, new_guid=guid).ledger
    other = note("m/card/sns-topic", "Amazon SNS topic", answer="billed per million requests")
    later = reconcile(gone, [other], now=T1 + 1, new_guid=guid)
    assert later.renamed == () and later.added == ("m/card/sns-topic",)
    worded = note("m/card/sns-topic", "Amazon SNS topic", answer="pub/sub channels")
    back = reconcile(gone, [worded], now=T1 + 1, new_guid=guid)
    assert back.renamed == (("m/card/sns-topics", "m/card/sns-topic"),) and back.restored == (
        "m/card/sns-topic",
    )


def test_a_new_note_never_takes_a_guid_already_in_use() -> None:
    ledger = first_build(note("m/card/old", "Old name", answer="x"))
    renamed = reconcile(ledger, [note("m/card/new", "New name", answer="x")], now=T1, new_guid=guid).ledger
    again = reconcile(
        renamed,
        [note("m/card/new", "New name", answer="x"), note("m/card/old", "Other", answer="y")],
        now=T1,
        new_guid=guid,
    )
    guids = [entry.guid for entry in again.ledger.notes.values()]
    assert len(set(guids)) == 2 and again.ledger.notes["m/card/old"].guid == "g:m/card/old:1"


def test_a_metadata_change_waits_for_the_next_study_change() -> None:
    ledger = first_build(note("m/card/a", "A"))
    heading = reconcile(ledger, [note("m/card/a", "A", meta="new context")], now=T1, new_guid=guid)
    assert heading.updated == () and heading.pending == ("m/card/a",) and heading.unchanged == 1
    assert heading.ledger.notes["m/card/a"].modified == T0  # not re-sent: the student's edits stay
    still = reconcile(heading.ledger, [note("m/card/a", "A", meta="new context")], now=T1 + 1, new_guid=guid)
    assert still.pending == ("m/card/a",) and still.ledger == heading.ledger
    sent = reconcile(
        heading.ledger, [note("m/card/a", "A", study="new", meta="new context")], now=T1 + 2, new_guid=guid
    )
    assert sent.updated == ("m/card/a",) and sent.pending == ()
    assert sent.ledger.notes["m/card/a"].modified == T1 + 2


def test_a_renamed_module_keeps_guids_and_sends_nothing_when_the_study_text_is_the_same() -> None:
    ledger = first_build(note("old/card/a", "A", answer="x"), note("old/card/b", "B", answer="y"))
    moved = [
        note("new/card/a", "A", answer="x", meta="m2", deck="Course::02 New"),
        note("new/card/b", "B", answer="y", meta="m2", deck="Course::02 New"),
    ]
    result = reconcile(ledger, moved, now=T1, new_guid=guid)
    assert set(result.renamed) == {("old/card/a", "new/card/a"), ("old/card/b", "new/card/b")}
    assert result.updated == () and result.unchanged == 2 and result.orphaned == ()
    assert result.ledger.notes["new/card/a"].guid == ledger.notes["old/card/a"].guid
    assert result.ledger.notes["new/card/a"].modified == T0
    assert [(move.home, move.deck) for move in result.moved] == [("Course::02 Compute", "Course::02 New")] * 2


def test_a_move_is_reported_once_and_its_cards_deck_is_remembered_through_updates() -> None:
    ledger = first_build(note("m/card/a", "A"))
    moved = reconcile(ledger, [note("m/card/a", "A", deck="Other")], now=T1, new_guid=guid)
    assert moved.moved[0].home == "Course::02 Compute" and moved.pending == ("m/card/a",)
    later = reconcile(moved.ledger, [note("m/card/a", "A", study="new", deck="Other")], now=T1, new_guid=guid)
    assert later.moved == () and later.updated == ("m/card/a",)
    assert later.pending == ("m/card/a",)  # re-sent, yet its cards stay in the old deck
    back = reconcile(later.ledger, [note("m/card/a", "A", study="new")], now=T1, new_guid=guid)
    assert back.moved == () and back.pending == ()


def test_an_orphan_is_reported_once_then_counted_and_a_restored_one_is_not_unchanged() -> None:
    ledger = first_build(note("m/card/s3", "Amazon S3", answer="objects"), note("m/card/ec2", "EC2"))
    gone = reconcile(ledger, [note("m/card/ec2", "EC2")], now=T1, new_guid=guid)
    assert gone.orphaned == ("m/card/s3",) and gone.standing_orphans == ()
    again = reconcile(gone.ledger, [note("m/card/ec2", "EC2")], now=T1, new_guid=guid)
    assert again.orphaned == () and again.standing_orphans == ("m/card/s3",)
    back = reconcile(
        again.ledger,
        [note("m/card/s3", "Amazon S3", answer="objects"), note("m/card/ec2", "EC2")],
        now=T1,
        new_guid=guid,
    )
    assert back.restored == ("m/card/s3",) and back.unchanged == 1 and back.standing_orphans == ()
    assert not back.ledger.notes["m/card/s3"].orphaned


def test_a_ledger_from_an_earlier_ccpkit_resends_only_notes_that_changed(tmp_path: Path) -> None:
    entry = {"guid": "g", "type": "Term", "key": "A", "answer": "a", "content": "whole", "modified": T0}
    path = tmp_path / "ledger.json"
    notes = {"m/card/a": entry, "m/card/b": {**entry, "guid": "h", "key": "B"}}
    path.write_text(json.dumps({"version": 1, "notes": notes}), encoding="utf-8")
    same, edited = note("m/card/a", "A", legacy="whole"), note("m/card/b", "B", legacy="edited")
    result = reconcile(load_ledger(path), [same, edited], now=T1, new_guid=guid)
    assert result.updated == ("m/card/b",) and result.pending == () and result.moved == ()
    assert result.ledger.notes["m/card/a"].modified == T0
    again = reconcile(result.ledger, [same, edited], now=T1 + 1, new_guid=guid)
    assert again.updated == () and again.ledger == result.ledger


def test_templates_time_moves_only_when_their_hash_changes() -> None:
    ledger = stamp_templates(Ledger(), "h1", now=T0)
    assert stamp_templates(ledger, "h1", now=T1).templates == Stamp("h1", T0)
    assert stamp_templates(ledger, "h2", now=T1).templates == Stamp("h2", T1)


def test_alike_notes_that_trade_ids_keep_their_own_guids() -> None:
    """Two modules merged (or two files reordered): the plain id now names the other note's text."""
    ledger = first_build(
        note("m/card/ec2", "EC2", answer="virtual servers", study="s1"),
        note("n/card/ec2", "EC2", answer="compute in the cloud", study="s2"),
    )
    merged = [
        note("m/card/ec2", "EC2", answer="compute in the cloud", study="s2"),
        note("m/card/ec2-basics", "EC2", answer="virtual servers", study="s1"),
    ]
    result = reconcile(ledger, merged, now=T1, new_guid=guid)
    assert result.ledger.notes["m/card/ec2-basics"].guid == ledger.notes["m/card/ec2"].guid
    assert result.ledger.notes["m/card/ec2"].guid == ledger.notes["n/card/ec2"].guid
    assert (result.added, result.updated, result.orphaned) == ((), (), ())


@pytest.mark.parametrize(
    ("copy_id", "copy_name"),
    [("m/card/s3-standard", "S3 Standard"), ("n/card/s3", "Amazon S3")],
    ids=["another name in its module", "the same name in another module"],
)
def test_an_edited_note_keeps_its_guid_when_a_new_note_says_what_it_said(
    copy_id: str, copy_name: str
) -> None:
    ledger = first_build(note("m/card/s3", "Amazon S3", answer="object storage"))
    edited = [
        note("m/card/s3", "Amazon S3", answer="object storage, eleven nines"),
        note(copy_id, copy_name, answer="object storage"),
    ]
    result = reconcile(ledger, edited, now=T1, new_guid=guid)
    assert result.ledger.notes["m/card/s3"].guid == ledger.notes["m/card/s3"].guid
    assert result.added == (copy_id,)


def test_a_note_renamed_to_a_name_removed_earlier_keeps_its_history_and_the_orphan_waits_aside() -> None:
    """`S3 Glacier` removed (its note an orphan), then `S3 Glacier Deep Archive` renamed `S3 Glacier`:
    the renamed fact keeps its note by its answer, not a new one beside an orphan holding the name."""
    glacier = note("m/card/s3-glacier", "S3 Glacier", answer="archive, minutes to hours")
    deep = note("m/card/s3-glacier-deep-archive", "S3 Glacier Deep Archive", answer="cheapest archive")
    removed = reconcile(first_build(glacier, deep), [deep], now=T1, new_guid=guid).ledger
    renamed = note("m/card/s3-glacier", "S3 Glacier", answer="cheapest archive")

    result = reconcile(removed, [renamed], now=T1 + 1, new_guid=guid)

    assert result.added == () and result.renamed == (("m/card/s3-glacier-deep-archive", "m/card/s3-glacier"),)
    assert (
        result.ledger.notes["m/card/s3-glacier"].guid == removed.notes["m/card/s3-glacier-deep-archive"].guid
    )
    kept = [
        entry
        for entry in result.ledger.notes.values()
        if entry.guid == removed.notes["m/card/s3-glacier"].guid
    ]
    assert len(kept) == 1 and kept[0].orphaned


def test_a_new_fact_under_a_name_removed_earlier_takes_no_unrelated_note_sharing_its_short_answer() -> None:
    spot = note("m/card/spot", "Spot", answer="cheap, can be interrupted")
    timeout = note("m/card/lambda-timeout", "Lambda max timeout", answer="15 minutes")
    removed = reconcile(first_build(spot, timeout), [timeout], now=T1, new_guid=guid).ledger
    reused = note("m/card/spot", "Spot", answer="15 minutes")

    result = reconcile(removed, [reused], now=T1 + 1, new_guid=guid)

    assert result.renamed == () and result.added == ("m/card/spot",)
    assert result.orphaned == ("m/card/lambda-timeout",)


def test_a_module_copied_while_one_of_its_notes_is_edited_keeps_every_note_on_its_own_module() -> None:
    """The copy says what the edited note said, and holds all the module's notes: still a copy, as the
    module holds most of its own; its notes are new, the edited one keeps its history."""
    terms = {"idea": "Cells store energy as ATP.", "glycolysis": "Splits glucose.", "krebs": "Oxidises."}
    ledger = first_build(*(note(f"m/card/{name}", name, answer=said) for name, said in terms.items()))
    copied = [note(f"n/card/{name}", name, answer=said) for name, said in terms.items()]
    edited = [note(f"m/card/{name}", name, answer=said) for name, said in terms.items() if name != "idea"]
    edited.append(note("m/card/idea", "idea", answer="Cells store energy mainly as ATP.", study="s2"))
    result = reconcile(ledger, [*edited, *copied], now=T1, new_guid=guid)
    assert result.renamed == () and result.updated == ("m/card/idea",)
    assert sorted(result.added) == sorted(note.id for note in copied)
    assert all(result.ledger.notes[key].guid == entry.guid for key, entry in ledger.notes.items())


def test_a_table_row_recorded_with_its_rows_in_order_is_unchanged_when_only_the_hash_now_ignores_it() -> None:
    recorded = first_build(note("m/table/t/earth", "Earth", study="rows in order"))
    now = note("m/table/t/earth", "Earth", study="rows in any order")._replace(
        earlier_study=("rows in order",)
    )
    result = reconcile(recorded, [now], now=T1, new_guid=guid)
    entry = result.ledger.notes["m/table/t/earth"]
    assert result.updated == () and (entry.study, entry.modified) == ("rows in any order", T0)
    moved = now._replace(earlier_study=("rows moved",))
    assert reconcile(result.ledger, [moved], now=T1, new_guid=guid).updated == ()


def test_a_ledger_lost_whole_is_caught_up_with_its_orphans_and_one_cut_of_an_orphan_is_not() -> None:
    """Lost whole, the orphans come back from the last ledger written (a new fact of an orphan's name
    must not take its GUID); an orphan's line gone from a file that holds the others was dropped on
    purpose (sync deleted its note on another computer)."""
    last = reconcile(
        first_build(note("m/card/ec2", "EC2"), note("m/card/s3", "S3")),
        [note("m/card/ec2", "EC2")],
        now=T1,
        new_guid=guid,
    ).ledger
    assert last.notes["m/card/s3"].orphaned
    assert set(caught_up(Ledger(), last).notes) == {"m/card/ec2", "m/card/s3"}
    cut = replace(last, notes={"m/card/ec2": last.notes["m/card/ec2"]})
    assert set(caught_up(cut, last).notes) == {"m/card/ec2"}
