"""Sync's ownership rules, decided on plain values: which fields, tags and cards are ccpkit's."""

from __future__ import annotations

from dataclasses import replace

from ccpkit.export.anki.card_templates import load_templates
from ccpkit.export.anki.notes import AnkiNote, anki_notes
from ccpkit.sync.decisions import Choices, Wanted, plan_sync
from ccpkit.sync.record import SyncRecord, Written, text_hash
from ccpkit.sync.state import CollectionState, FoundCard, FoundNote
from tests.conftest import REPO, sample_deck

TEMPLATES = load_templates(REPO / "templates")


def ec2() -> AnkiNote:
    return next(note for note in anki_notes(sample_deck()) if note.id == "02-compute/card/ec2")


def found(note: AnkiNote, *, tags: tuple[str, ...], deck: str, **fields: str) -> FoundNote:
    texts = dict(zip(note.note_type.fields, note.fields, strict=True)) | fields
    card = FoundCard(id=7, deck=deck, suspended=False, filtered=False)
    return FoundNote(
        id=1, guid=note.guid, note_type=note.note_type.id, fields=texts, tags=tags, modified=0, cards=(card,)
    )


def written(note: AnkiNote, *, tags: tuple[str, ...] = (), deck: str = "", **fields: str) -> Written:
    texts = dict(zip(note.note_type.fields, note.fields, strict=True)) | fields
    return Written(
        id=note.id, fields={name: text_hash(text) for name, text in texts.items()}, tags=tags, deck=deck
    )


def test_ccpkit_owns_its_tag_namespaces_and_the_tags_it_added_nothing_else() -> None:
    note = replace(ec2(), tags=("module::02-compute", "kind::card", "part::cram-sheet", "cram-sheet"))
    current = ("module::01-old", "kind::card", "marked", "leech", "my-mnemonics", "dropped-from-notes")
    state = CollectionState(notes={note.guid: found(note, tags=current, deck=note.deck)})
    record = SyncRecord({note.guid: written(note, tags=("dropped-from-notes",), deck=note.deck)})
    plan = plan_sync(Wanted(notes=(note,), templates=TEMPLATES), state, record, Choices())
    [update] = plan.updated
    assert update.fields == {}
    assert update.tags is not None
    assert sorted(update.tags) == sorted(
        [
            "module::02-compute",
            "kind::card",
            "part::cram-sheet",
            "marked",
            "leech",
            "my-mnemonics",
            "cram-sheet",
        ]
    )


def test_each_field_goes_to_the_side_that_changed_it() -> None:
    note = ec2()
    old_back = "Old definition"
    state = CollectionState(
        notes={
            note.guid: found(note, tags=note.tags, deck=note.deck, Definition=old_back, Term="My own term")
        }
    )
    record = SyncRecord({note.guid: written(note, deck=note.deck, Definition=old_back)})  # notes changed it
    plan = plan_sync(Wanted(notes=(note,), templates=TEMPLATES), state, record, Choices())
    [update] = plan.updated
    assert update.fields == {"Definition": note.field("Definition")}  # changed only in the notes: written
    assert plan.kept == ((plan.updated[0].note, ("Term",)),)  # changed only in Anki: kept
    assert plan.conflicts == ()


def test_a_card_the_student_moved_stays_and_one_where_ccpkit_put_it_moves() -> None:
    note = ec2()
    record = SyncRecord({note.guid: written(note, tags=(), deck="Old::02 Compute")})
    for deck, moves in (("Old::02 Compute", True), ("My deck", False)):
        state = CollectionState(
            notes={note.guid: found(note, tags=note.tags, deck=deck)}, decks={deck: 5, note.deck: 6}
        )
        plan = plan_sync(Wanted(notes=(note,), templates=TEMPLATES), state, record, Choices())
        assert bool(plan.moved) is moves


def test_a_tag_the_student_had_before_the_notes_took_it_up_stays_when_the_notes_drop_it() -> None:
    """``hard`` was the student's before the notes tagged the item ``#hard`` too: sync never added it,
    so the notes dropping it later leaves it on the note."""
    note = ec2()
    own = ("module::02-compute", "kind::card", "part::cram-sheet")
    tagged = replace(note, tags=(*own, "hard"))
    state = CollectionState(notes={note.guid: found(note, tags=(*own, "Hard"), deck=note.deck)})
    first = plan_sync(Wanted(notes=(tagged,), templates=TEMPLATES), state, SyncRecord(), Choices())
    assert first.record.notes[note.guid].tags == ()  # the student's already: not sync's to take away

    second = plan_sync(Wanted(notes=(note,), templates=TEMPLATES), state, first.record, Choices())

    assert not second.updated or "Hard" in (second.updated[0].tags or ())
