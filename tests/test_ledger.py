"""The id ledger: GUIDs survive edits and fixed typos, mtimes move only with content, damage is refused."""

from __future__ import annotations

from ccpkit.ledger import (
    Fingerprint,
    Ledger,
    Stamp,
    reconcile,
    stamp_templates,
)

T0, T1 = 1_700_000_000, 1_700_003_600


def note(
    note_id: str, key: str, answer: str = "a", content: str = "c", note_type: str = "Term"
) -> Fingerprint:
    return Fingerprint(id=note_id, note_type=note_type, key=key, answer=answer, content=content)


def guid(note_id: str, attempt: int) -> str:
    return f"g:{note_id}:{attempt}"


def first_build(*notes: Fingerprint) -> Ledger:
    return reconcile(Ledger(), notes, now=T0, new_guid=guid).ledger


def test_first_build_adds_every_note_with_a_guid_from_its_id() -> None:
    result = reconcile(Ledger(), [note("m/card/ec2", "EC2")], now=T0, new_guid=guid)
    assert result.added == ("m/card/ec2",)
    entry = result.ledger.notes["m/card/ec2"]
    assert (entry.guid, entry.modified, entry.key) == ("g:m/card/ec2:0", T0, "EC2")


def test_unchanged_note_keeps_its_time_and_a_changed_one_moves_to_now() -> None:
    ledger = first_build(note("m/card/a", "A"), note("m/card/b", "B"))
    result = reconcile(
        ledger, [note("m/card/a", "A"), note("m/card/b", "B", content="new")], now=T1, new_guid=guid
    )
    assert result.updated == ("m/card/b",) and result.added == ()
    assert result.ledger.notes["m/card/a"].modified == T0
    assert result.ledger.notes["m/card/b"].modified == T1
    assert result.ledger.notes["m/card/b"].guid == ledger.notes["m/card/b"].guid


def test_a_change_within_the_same_second_still_moves_the_time_forward() -> None:
    ledger = first_build(note("m/card/a", "A"))
    result = reconcile(ledger, [note("m/card/a", "A", content="new")], now=T0, new_guid=guid)
    assert result.ledger.notes["m/card/a"].modified == T0 + 1


def test_fixed_typo_with_the_same_answer_keeps_the_guid() -> None:
    ledger = first_build(note("m/card/elastic-load-balacner", "Elastic Load Balacner", answer="spreads"))
    fixed = note("m/card/elastic-load-balancer", "Elastic Load Balancer", answer="spreads", content="c2")
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


def test_templates_time_moves_only_when_their_hash_changes() -> None:
    ledger = stamp_templates(Ledger(), "h1", now=T0)
    assert stamp_templates(ledger, "h1", now=T1).templates == Stamp("h1", T0)
    assert stamp_templates(ledger, "h2", now=T1).templates == Stamp("h2", T1)
