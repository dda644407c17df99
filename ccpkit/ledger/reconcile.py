"""Matching a build's notes with the ledger: kept GUIDs, renames, re-sent notes, moves, orphans."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from difflib import SequenceMatcher
from typing import Literal

from ccpkit.cloze_syntax import GONE, PARTS_APART, words_held
from ccpkit.item_ids import slug
from ccpkit.ledger.entries import SUPERSEDED_KEPT, Entry, Fingerprint, Ledger, Move, Reconciliation, Stamp
from ccpkit.regex import regex

APART_SIMILARITY = 0.8
"""How alike the words telling two names apart must be, at least, for a renamed note (a typo fixed:
``Balacner``, ``Balancer``) when its answer is brief or another: ``EBS volumes are replicated within
their zone`` and ``EFS file systems are replicated across zones`` (0.72) are two facts.
"""
GROWN_CLOZE_SIMILARITY = 0.6
"""How alike a cloze's sentence must read to a gone one that shares a hidden part with it, when a part
was added, taken out or reworded with the sentence: ``EBS attaches to one instance.`` and ``EBS
attaches to one instance, in one Availability Zone.``"""
RENAME_SIMILARITY = 0.9
"""How alike two names must be, at least, to count as one note renamed (difflib ratio) when answers
differ: more alike than this. A name of several texts (a question's stem, options and answers) must
be so in each. ``Amazon SNS`` and ``Amazon SQS`` (0.9 exactly) are two services."""


def reconcile(
    ledger: Ledger,
    notes: Iterable[Fingerprint],
    *,
    now: int,
    new_guid: Callable[[str, int], str],
    in_error: Collection[str] = (),
) -> Reconciliation:
    """Match this build's notes with the ledger: keep GUIDs, detect renames, move the mtimes of notes
    whose study text changed (and only theirs), note moves, pending metadata and new orphans.
    ``in_error``: the modules whose notes hold errors; their items were left out, so while there are
    any a missing note is no orphan, and one of those modules is neither renamed nor taken over."""
    current = {note.id: note for note in notes}
    entries = _under_earlier_ids(current, dict(ledger.notes))
    # a note whose entry records its answer keeps it (most notes): only the others are looked at for
    # swaps, displaced ids, reused names and renames
    unsettled = [
        note
        for note in current.values()
        if (entry := entries.get(note.id)) is None or entry.answer != note.answer
    ]
    vacant = [key for key in entries if key not in current]  # no note has these ids now: few
    entries = _unshifted(current, entries, unsettled, vacant)
    renamed = _displaced(current, entries, unsettled)
    freed = {old for old, _ in renamed}
    # a name whose note left earlier (an orphan) taken by another fact: maybe a note renamed to it
    reused = {note.id for note in unsettled if note.id in entries and _another_fact(entries[note.id], note)}
    retaken = freed | reused
    unknown = [note for note in unsettled if note.id not in entries or note.id in retaken]
    modules = {note.module for note in current.values()}
    gone = {key: entries[key] for key in vacant}
    for removed_before in (False, True):  # a note of the last build before one removed earlier
        paired = {new for _, new in renamed}
        vanished = {
            key: entry
            for key, entry in gone.items()
            if entry.orphaned == removed_before
            and (removed_before or entry.module not in in_error)  # maybe it only failed to parse
        }
        renamed += _renames([note for note in unknown if note.id not in paired], vanished, modules)
    renamed += _renamed_in_error(unknown, gone, current, renamed, in_error, modules)
    # a name reused is a note renamed to it only where the names read alike (`S3 Glacier Deep Archive`
    # → `S3 Glacier`): a new fact under it sharing a short answer with a note removed is no rename
    renamed = [
        (old, new)
        for old, new in renamed
        if new not in reused or _named_alike(current[new].key, entries[old].key)
    ]
    previous = {key: entries[key] for key in current if key in entries and key not in freed}
    aside: dict[str, Entry] = {}
    for old_id, new_id in renamed:  # Anki's copy keeps the id it was sent with until sent again
        if new_id in reused and new_id in entries:
            orphan = entries.pop(new_id)
            aside[_retired_key(new_id, f"answer {orphan.answer}")] = _set_aside(orphan, new_id)
        previous[new_id] = _sent_as(entries.pop(old_id), old_id, new_id)
    fresh_guid = _fresh_guids(ledger, new_guid)
    settled: dict[str, Entry] = dict(aside)  # the orphan whose name a renamed note took waits there
    added, updated, restored, pending, moved = [], [], [], [], []
    orphaned: list[str] = []
    standing: list[str] = list(aside)
    held: list[str] = []
    for note in current.values():
        old = previous.get(note.id)
        if old is not None and _as_recorded(note, old):  # most notes of most builds: kept as they are
            settled[note.id] = old
            if old.meta != note.meta or _away(note, old.home):
                pending.append(note.id)
            continue
        if old is not None and old.note_type != note.note_type:  # a pinned id on an item of another kind
            retired = _retired_key(note.id, old.note_type)
            settled[retired] = replace(_set_aside(old, note.id), orphaned=True)
            (standing if old.orphaned else orphaned).append(retired)
            old = entries.pop(_retired_key(note.id, note.note_type), None)  # that kind again: its note
        if old is not None and not old.orphaned and _asks_another(note, old):
            retired = _retired_key(note.id, f"answer {old.answer}")  # another question under its id
            settled[retired] = replace(_set_aside(old, note.id), orphaned=True)
            orphaned.append(retired)
            old = None
        if old is not None and _another_fact(old, note):
            retired = _retired_key(note.id, f"answer {old.answer}")  # another fact named alike: a new note
            settled[retired] = _set_aside(old, note.id)
            standing.append(retired)
            old = entries.pop(_retired_key(note.id, f"answer {note.answer}"), None)  # that fact again
        if old is None:
            settled[note.id] = _entry(note, fresh_guid(note.id), now)
            added.append(note.id)
            continue
        entry = settled[note.id] = _carried(note, old, now)
        if old.orphaned:
            restored.append(note.id)
        elif entry.modified != old.modified:
            updated.append(note.id)
        away = _away(note, entry.home)
        if old.deck and old.deck.casefold() != note.deck.casefold() and away:
            moved.append(Move(note.id, entry.home, note.deck))
        if entry.meta != note.meta or away:
            pending.append(note.id)
    for key, entry in gone.items():  # the entries no note took: renames and set-asides popped them
        if key not in entries or key in settled:
            continue
        if in_error and not entry.orphaned:
            held.append(key)
            settled[key] = entry
        elif entry.forgotten:  # counted no more, kept in case its item comes back
            settled[key] = entry
        else:
            (standing if entry.orphaned else orphaned).append(key)
            settled[key] = replace(entry, orphaned=True)
    return Reconciliation(
        Ledger({key: settled[key] for key in sorted(settled)}, ledger.templates, ledger.guid_scope),
        added=tuple(added),
        updated=tuple(updated),
        renamed=tuple(sorted(renamed)),
        restored=tuple(restored),
        pending=tuple(pending),
        moved=tuple(moved),
        orphaned=tuple(orphaned),
        standing_orphans=tuple(standing),
        held=tuple(held),
    )


def _renamed_in_error(
    unknown: Sequence[Fingerprint],
    gone: Mapping[str, Entry],
    current: Mapping[str, Fingerprint],
    renamed: Sequence[tuple[str, str]],
    in_error: Collection[str],
    modules: Collection[str],
) -> list[tuple[str, str]]:
    """Notes renamed in a module whose notes hold an error (or a warning that may hide items): a note
    missing there may only have failed to parse, so a new one takes it only by saying the very same,
    an equal answer no brief one (``AWS Fargate`` → ``AWS Fargate (ECS/EKS)`` over its definition, as a
    question written above the list holds the module's notes). ``gone``: the entries no note has now."""
    paired = {new for _, new in renamed}
    candidates = [note for note in unknown if note.id not in paired and not note.brief]
    said = {note.answer for note in candidates}
    hidden = {
        key: entry
        for key, entry in gone.items()
        if not entry.orphaned and entry.module in in_error and entry.answer in said
    }
    if not hidden:
        return []
    taken = {old for old, _ in renamed}
    found = _renames(candidates, hidden, modules)
    return [
        (old, new) for old, new in found if old not in taken and hidden[old].answer == current[new].answer
    ]


def entries_before(ledger: Ledger, changes: Reconciliation) -> dict[str, Entry]:
    """Each note's entry in ``ledger``, before ``changes`` settled it; a renamed note's under its new id."""
    before = dict(ledger.notes)
    for old, new in changes.renamed:
        if old in ledger.notes:
            before[new] = ledger.notes[old]
    return before


def only_sent(before: Mapping[str, Entry], settled: Ledger, modules: Collection[str]) -> Ledger:
    """The ``settled`` ledger, but a note of a module not sent now (a build or sync of some modules)
    keeps its entry as it was ``before`` (``entries_before``): nothing of it was sent, and the build or
    sync that sends it must see its change and date it then (a time from now would be older than
    what the student does in Anki meanwhile, and Anki's import would skip the note for good)."""
    kept = {
        key: before[key]
        for key, entry in settled.notes.items()
        if entry.module not in modules and key in before
    }
    return replace(settled, notes={**settled.notes, **kept})


def _unshifted(
    current: Mapping[str, Fingerprint],
    entries: dict[str, Entry],
    unsettled: Sequence[Fingerprint],
    vacant: Sequence[str],
) -> dict[str, Entry]:
    """``entries`` with the ids of alike notes told apart by their order swapped back where one took
    an id another left: when the first of two is deleted, moved away or fails to parse, the second
    takes the first's plain id, yet it keeps its own note, the one recorded with what it says. The
    first's entry is filed under the id the second left: an orphan (held while its module is in
    error), swapped back should it return, each then on its own id again. Where both changed too (no
    answer tells them apart), the note takes the entry under the one id its place gave it when it
    was second (``Fingerprint.twins``), named as it is. ``unsettled``: the notes, in their order, whose
    id has no entry or one of another answer (the others keep theirs: no swap takes an entry that
    records its note's answer); ``vacant``: the ids of entries no note has now."""
    left: dict[tuple[str, str, tuple[str, ...], str], list[str]] = {}
    # the entries under ids that say something else now, or nothing (in any order: only what was
    # left under one id is taken)
    for key in (*vacant, *(note.id for note in unsettled if note.id in entries)):
        left.setdefault(_said(entries[key]), []).append(key)
    for note in unsettled:
        note_id = note.id
        here = entries.get(note_id)
        if here is None or here.answer == note.answer:
            continue
        if here.module != note.module or here.note_type != note.note_type:
            continue  # a pinned id now on an item of another kind: its note is retired, not swapped
        recorded = left.get(_said(note), [])
        # the id it left is free, or holds what this one recorded: alike notes that traded ids back
        if len(recorded) == 1 and (recorded[0] not in current or _said(current[recorded[0]]) == _said(here)):
            vacated = recorded.pop()
        else:  # both changed as well: the id its place gave it when it was second, now free
            named = [
                twin
                for twin in note.twins
                if twin not in current
                and twin in entries
                and not entries[twin].orphaned  # an orphan set aside there is another fact's
                and _said(entries[twin])[:3] == _said(note)[:3]
            ]
            if len(named) != 1:
                continue
            vacated = named[0]
        entries[note_id], entries[vacated] = (
            _sent_as(entries[vacated], vacated, note_id),
            _sent_as(here, note_id, vacated),
        )
    return entries


def _under_earlier_ids(current: Mapping[str, Fingerprint], entries: dict[str, Entry]) -> dict[str, Entry]:
    """``entries`` with each one filed under an id an earlier ccpkit gave a note now known otherwise
    (``Fingerprint.earlier_ids``) filed under the note's id: the same note, whatever its answer shares
    with others (rows of pictures that all say ``Europe``)."""
    for note in current.values():
        if note.earlier_ids and note.id not in entries:
            earlier = [key for key in note.earlier_ids if key in entries and key not in current]
            if len(earlier) == 1:
                entries[note.id] = _sent_as(entries.pop(earlier[0]), earlier[0], note.id)
    return entries


def _another_fact(entry: Entry, note: Fingerprint) -> bool:
    """Whether an orphan's id now names another fact: another answer, or for a question other options
    or correct ones (a reworded explanation keeps its note, as it does through a rename)."""
    return entry.orphaned and bool(entry.answer) and _answers_otherwise(note, entry)


def _answers_otherwise(note: Fingerprint, old: Entry) -> bool:
    """Whether a note answers otherwise than its entry recorded: a question by its options and correct
    ones, as its key holds them after its stem (an older ledger's key holds the stem alone), any other
    note by its answer."""
    if len(note.key) > 1 and len(old.key) > 1 and not note.table:
        return old.key[1:] != note.key[1:]
    return old.answer != note.answer


def _asks_another(note: Fingerprint, old: Entry) -> bool:
    """Whether a note asks another question than the one its id recorded: a front or stem rewritten
    past the characters its id is cut at (``item_ids.MAX_SLUG``), as a shorter one rewritten would
    have a new id, with another answer (a question's options and correct ones, a term's definition).
    Not a table's row, nor a cloze (their names are told alike otherwise), nor a name its id keeps
    whole (``el nino`` → ``el niño``), nor a question whose stem alone was reworded."""
    if note.table or note.hidden or not old.key or old.key[0] == note.key[0] or old.module != note.module:
        return False
    cut = slug(note.key[0]) != slug(note.key[0], limit=None)
    return (
        cut
        and _answers_otherwise(note, old)
        and not _likeness(note.key[:1], old.key[:1], floor=RENAME_SIMILARITY)
    )


def _said(note: Fingerprint | Entry) -> tuple[str, str, tuple[str, ...], str]:
    """What a note says, as a build's note or as the ledger recorded it: its module, type, name and
    answer."""
    return note.module, note.note_type, note.key, note.answer


def _set_aside(entry: Entry, note_id: str) -> Entry:
    """``entry`` kept aside from ``note_id``, whose id Anki's copy holds unless it was renamed before:
    a search must ask for that one, not the key it waits under."""
    return replace(entry, sent=entry.sent or note_id)


def _sent_as(entry: Entry, old_id: str, new_id: str) -> Entry:
    """``entry`` filed under ``new_id``, remembering the id Anki's copy holds until it is sent again."""
    sent = entry.sent or old_id
    return replace(entry, sent="" if sent == new_id else sent)


def _retired_key(note_id: str, kept_for: str) -> str:
    """Where a pinned id's note of another note type is kept (``kept_for`` its type), or a removed note
    whose id a new fact took (``answer <its answer>``; an id never holds a space): Anki cannot turn a
    note into another type on import, and a fact must not take another's history, so the item gets a
    new note, and this one's history waits there in case the item turns back."""
    return f"{note_id} ({kept_for})"


def kept_aside(key: str) -> bool:
    """Whether a ledger key is one ``_retired_key`` made: a note kept aside, as its id names another
    note now (an id never holds a space)."""
    return " " in key


def _displaced(
    current: Mapping[str, Fingerprint], entries: Mapping[str, Entry], unsettled: Sequence[Fingerprint]
) -> list[tuple[str, str]]:
    """(old id, new id) pairs where a known id now names another note, while exactly one other note
    of its module is what the ledger recorded under it (same name and answer): alike fronts told
    apart by their order, whose files were renamed or reordered or whose modules were merged; then,
    where exactly one new id of its module holds what was recorded (its answer, under a name alike),
    a note renamed as a new item took its old name. The GUID, and with it the history, follows what
    the student studied; the freed id is matched like a new one. (A copy in another module is
    another card: an edit stays with its note.) ``unsettled``: the notes whose id has no entry or one
    of another answer, in their order (only they may have moved away)."""

    away = [
        note.id
        for note in unsettled
        if (entry := entries.get(note.id)) is not None and not entry.orphaned and entry.answer != note.answer
    ]
    if not away:  # no known id says anything else: nothing was displaced (most builds)
        return []
    moved_away = set(away)
    moved = _moved_modules(current, entries, {entries[note_id].module for note_id in away})
    # where a taker may be: most builds, none; a module renumbered, where its notes went
    modules = {module for note_id in away for module in _homes(current[note_id], entries[note_id], moved)}
    by_content: dict[tuple[str, str, tuple[str, ...], str], list[str]] = {}
    for note in current.values():
        if note.module in modules:
            by_content.setdefault((note.module, note.note_type, note.key, note.answer), []).append(note.id)
    pairs, taken = [], set()
    for note_id in away:
        entry = entries[note_id]
        takers = [
            taker
            for module in _homes(current[note_id], entry, moved)
            for taker in by_content.get((module, entry.note_type, entry.key, entry.answer), ())
            if taker not in entries or taker in moved_away
        ]
        if len(takers) == 1 and takers[0] not in taken:
            pairs.append((note_id, takers[0]))
            taken.add(takers[0])
    by_answer: dict[tuple[str, str, str], list[str]] = {}
    for note in unsettled:  # a note without an entry is unsettled
        if note.module in modules and note.id not in entries:
            by_answer.setdefault((note.module, note.note_type, note.answer), []).append(note.id)
    paired = {old for old, _ in pairs}
    for note_id in away:  # renamed, and a new item took its old name: `Pricing` → `EC2 Pricing`
        entry = entries[note_id]
        if note_id in paired:
            continue
        said_as = (current[note_id].module, entry.note_type, entry.answer)
        takers = [new for new in by_answer.get(said_as, ()) if _named_alike(current[new].key, entry.key)]
        if len(takers) == 1 and takers[0] not in taken:
            pairs.append((note_id, takers[0]))
            taken.add(takers[0])
    return pairs


def _homes(note: Fingerprint, entry: Entry, moved: Mapping[str, str]) -> tuple[str, ...]:
    """The modules where what ``entry`` recorded may be now: the module of the note that took its id,
    and the one its own module's notes went to, if they went elsewhere (``_moved_modules``)."""
    elsewhere = moved.get(entry.module, note.module)
    return (note.module,) if elsewhere == note.module else (note.module, elsewhere)


def _moved_modules(
    current: Mapping[str, Fingerprint], entries: Mapping[str, Entry], asked: Collection[str]
) -> dict[str, str]:
    """Each module of the ledger among ``asked`` whose notes went to another module: more than half of
    what it recorded (three notes or more) is now said in that one, more than in any other, and less
    than half in its own (a module copied keeps its notes: the copy's are new). Module folders named
    alike but for their number (``02-lecture``) swapped, or shifted by one inserted before them, trade
    ids whose names they share (``What is the key idea of this lecture?``); the notes follow what they
    say. A module's answer depends on its own entries alone: the others' are not looked at."""
    recorded_said = [
        (entry.module, (entry.note_type, entry.key, entry.answer))
        for entry in entries.values()
        if entry.module in asked and entry.module and not entry.orphaned
    ]
    answers = {answer for _, (_, _, answer) in recorded_said}
    held: dict[tuple[str, tuple[str, ...], str], set[str]] = {}
    for note in current.values():
        if note.answer in answers:  # only what those modules recorded is looked up
            held.setdefault((note.note_type, note.key, note.answer), set()).add(note.module)
    found: dict[str, Counter[str]] = {}
    recorded: Counter[str] = Counter()
    for module, said in recorded_said:
        recorded[module] += 1
        found.setdefault(module, Counter()).update(held.get(said, ()))
    moved = {}
    for module, counts in found.items():
        (best, most), (_, runner_up) = [*counts.most_common(2), ("", 0), ("", 0)][:2]
        left = counts[module] * 2 < recorded[module]  # a module copied still holds its own: no move
        if best != module and most * 2 > recorded[module] >= _MOVED_NOTES and most > runner_up and left:
            moved[module] = best
    return moved


_MOVED_NOTES = 3
"""A module of fewer notes is never taken for moved: a note or two said again elsewhere are copies."""


def _named_alike(new: tuple[str, ...], old: tuple[str, ...]) -> bool:
    """Whether each text of one name holds the other's words, or reads at least 60 % alike: ``EC2
    Pricing`` and ``Pricing``, ``Spot Instances`` and ``Spot``, ``T4 instances`` and ``T3 instances``."""
    for new_text, old_text in zip(new, old, strict=False):
        held = words_held(new_text, old_text)
        if not held and not _likeness((new_text,), (old_text,), floor=GROWN_CLOZE_SIMILARITY):
            return False
    return True


def stamp_templates(ledger: Ledger, templates_hash: str, *, now: int) -> Ledger:
    """Record the templates' hash; their time moves only when they change (Anki: "update if newer")."""
    old = ledger.templates
    if old is not None and old.hash == templates_hash:
        return ledger
    modified = now if old is None else _later(now, old.modified)
    return replace(ledger, templates=Stamp(templates_hash, modified))


def _entry(note: Fingerprint, guid: str, modified: int) -> Entry:
    """A note Anki has not seen: all of it is sent, its cards go to its deck."""
    return Entry(
        guid=guid,
        note_type=note.note_type,
        key=note.key,
        answer=note.answer,
        study=note.study,
        meta=note.meta,
        home=note.deck,
        deck=note.deck,
        modified=modified,
        module=note.module,
        table=note.table,
        row=note.row,
    )


def _carried(note: Fingerprint, old: Entry, now: int) -> Entry:
    """A known note: re-sent (a later mtime, its metadata along) only when its study text changed."""
    if _as_recorded(note, old):
        return old  # what the rest would make, without making it: most notes of most builds
    if not old.study:  # an earlier ccpkit hashed the whole note: unchanged means all of it was sent
        changed = old.content != note.legacy
        old = replace(old, meta=note.meta, home=old.home or note.deck, deck=old.deck or note.deck)
    else:
        changed = old.study != note.study and old.study not in note.earlier_study  # an earlier ccpkit's
    return Entry(
        guid=old.guid,
        note_type=note.note_type,
        key=note.key,
        answer=note.answer,
        study=note.study,
        meta=note.meta if changed else old.meta,
        home=old.home,
        deck=note.deck,
        modified=_later(now, old.modified) if changed else old.modified,
        module=note.module,
        table=note.table,
        row=note.row,
        clozes=old.clozes,
        sent="" if changed else old.sent,  # re-sent: Anki's copy holds its id now
        superseded=_superseded(old) if changed else old.superseded,
    )


def _superseded(old: Entry) -> tuple[str, ...]:
    """The study texts sent before, newest first, as a note is sent again."""
    earlier = (old.study, *old.superseded) if old.study else old.superseded
    return tuple(dict.fromkeys(earlier))[:SUPERSEDED_KEPT]


def _as_recorded(note: Fingerprint, old: Entry) -> bool:
    """Whether the entry already says all the note says, its study text unchanged."""
    return (
        bool(old.study)
        and old.study == note.study
        and not old.orphaned
        and not old.content
        and old.note_type == note.note_type
        and old.key == note.key
        and old.answer == note.answer
        and old.deck == note.deck
        and old.module == note.module
        and old.table == note.table
        and old.row == note.row
    )


def _away(note: Fingerprint, home: str) -> bool:
    """Whether the note belongs in another deck than ``home``, where its cards are (Anki's deck names
    ignore case)."""
    return note.deck != home and note.deck.casefold() != home.casefold()


def _later(now: int, previous: int) -> int:
    return max(now, previous + 1)


def _fresh_guids(ledger: Ledger, new_guid: Callable[[str, int], str]) -> Callable[[str], str]:
    """A new note's GUID, by its id: none the ledger holds, nor one given before. The ledger's GUIDs
    are gathered when a first note needs one (most edits add none)."""
    taken: set[str] | None = None

    def fresh(note_id: str) -> str:
        nonlocal taken
        if taken is None:
            taken = {entry.guid for entry in ledger.notes.values()}
        return _unused_guid(note_id, taken, new_guid)

    return fresh


def _unused_guid(note_id: str, taken: set[str], new_guid: Callable[[str, int], str]) -> str:
    attempt = 0
    while (guid := new_guid(note_id, attempt)) in taken:
        attempt += 1
    taken.add(guid)
    return guid


def _renames(
    unknown: list[Fingerprint], vanished: Mapping[str, Entry], modules: Collection[str]
) -> list[tuple[str, str]]:
    """(old id, new id) pairs of notes whose id changed: retitled tables' rows, then any note alike.

    Called first with the notes the last build had and this one has not, then with those removed
    earlier: a module renamed and renamed back takes its notes of the last build back, not the rows
    of a table removed from it long ago that read the same. ``modules``: the modules built now."""
    renamed = _match_tables(unknown, vanished)
    paired_old, paired_new = {old for old, _ in renamed}, {new for _, new in renamed}
    rest = {key: entry for key, entry in vanished.items() if key not in paired_old}
    return renamed + _match_renames([note for note in unknown if note.id not in paired_new], rest, modules)


def _match_tables(unknown: list[Fingerprint], orphans: Mapping[str, Entry]) -> list[tuple[str, str]]:
    """Rows of a table whose id changed (a new title) keep their identities, table by table.

    A new table takes the rows of the orphaned table of its module whose rows it shares most, if it
    shares more than half of them: rows pair by their own key (label or content), then by equal cells.
    So a retitled table keeps every row, even one whose cells were edited at the same time. A new
    table all of whose rows are rows of an old one, keyed and written alike, takes them too (the old
    table split in two). A table of another module is taken only by rows alike in both key and cells
    (one moved there as it was retitled): rows keyed alike in other modules say other things (``Spot``
    of RDS pricing, of EC2's).
    """
    new_tables: dict[str, list[Fingerprint]] = {}
    for note in unknown:
        if note.table:
            new_tables.setdefault(note.table, []).append(note)
    old_tables: dict[tuple[str, str], dict[str, Entry]] = {}
    for old_id, entry in orphans.items():
        if entry.table and entry.module:
            old_tables.setdefault((entry.module, entry.table), {})[old_id] = entry
    sizes = {key: len(old_rows) for key, old_rows in old_tables.items()}
    pairs = []
    while new_tables:  # the best match of all first: two tables retitled at once keep their own rows
        candidates = [
            candidate
            for table in sorted(new_tables)
            for key in sorted(old_tables)
            if (candidate := _table_match(new_tables[table], old_tables[key], key, sizes[key])) is not None
        ]
        if not candidates:
            break
        _, table, key, paired = max(candidates, key=lambda candidate: candidate[0])
        pairs += paired
        del new_tables[table]
        for old, _ in paired:  # the rest may be another part's, split off as written
            del old_tables[key][old]
    return pairs


def _table_match(
    rows: list[Fingerprint], old_rows: Mapping[str, Entry], key: tuple[str, str], size: int
) -> tuple[tuple[int, int, bool], str, tuple[str, str], list[tuple[str, str]]] | None:
    """How well one new table (``rows``) takes the rows of an old one (``key``: its module and id, of
    ``size`` rows when recorded): its (old id, new id) pairs, scored by the rows whose cells are the
    same, then by the rows paired, then by the module; ``None`` if it may not take them."""
    old_module, old_table = key
    table, module = rows[0].table, rows[0].module
    by_id = {row.id: row for row in rows}
    paired = _paired_rows(rows, old_rows, old_table)
    alike = [
        (old, new)
        for old, new in paired
        if old_rows[old].answer == by_id[new].answer
        or (old_rows[old].row and old_rows[old].row == by_id[new].row)
    ]
    as_written = [(old, new) for old, new in alike if _row_key(old, old_table) == _row_key(new, table)]
    if old_module != module:
        paired = as_written
    if 2 * len(paired) > size or len(as_written) == len(rows):
        return (len(alike), len(paired), old_module == module), table, key, paired
    return None


def _paired_rows(
    rows: list[Fingerprint], old_rows: Mapping[str, Entry], old_table: str
) -> list[tuple[str, str]]:
    """(old id, new id) pairs of one new table's rows with an old table's: same row key, then the same
    answer, then the same row as written (the table read another way: its groups gone, or new ones),
    when that row is one note on either side (the notes of a row asked a cell at a time ask other
    cells once read another way)."""
    old_by_key = {_row_key(old_id, old_table): old_id for old_id in old_rows}
    pairs = [
        (old_by_key[_row_key(row.id, row.table)], row.id)
        for row in rows
        if _row_key(row.id, row.table) in old_by_key
    ]
    taken_old, taken_new = {old for old, _ in pairs}, {new for _, new in pairs}
    counted = Counter(entry.row for entry in old_rows.values()), Counter(row.row for row in rows)
    alone = {written for written, count in counted[0].items() if count == 1 and counted[1][written] == 1}

    def same_row(row: Fingerprint, entry: Entry) -> bool:
        return bool(entry.row) and entry.row == row.row and row.row in alone

    for alike in (_same_answer, same_row):
        for row in rows:
            if row.id in taken_new:
                continue
            same = sorted(
                old for old, entry in old_rows.items() if old not in taken_old and alike(row, entry)
            )
            if same:
                pairs.append((same[0], row.id))
                taken_old.add(same[0])
                taken_new.add(row.id)
    return pairs


def _same_answer(note: Fingerprint, entry: Entry) -> bool:
    """Whether ``note`` says what ``entry`` said, so that it may be that note renamed: an equal answer,
    and if it is brief (``True``, ``Yes``, ``15 minutes``: many facts share it), a name alike too
    where they differ (``_alike_where_apart``). Else a new fact would take a removed one's history, and
    hide for weeks from a student who never saw it."""
    return entry.answer == note.answer and (not note.brief or _alike_where_apart(note.key, entry.key))


def _alike_where_apart(new: tuple[str, ...], old: tuple[str, ...]) -> bool:
    """Whether two names are alike in the words that tell them apart, those both open and end with
    set aside: words held (``EC2`` and ``Amazon EC2``), shortened (``Max dose`` and ``Maximum daily
    dose``) or respelled (``Balacner``, ``Balancer``: ``APART_SIMILARITY``). Not ``CloudFront is a
    global service`` and ``IAM is a global service``, nor the rows ``IAM`` and ``Route 53`` of one table
    (its title opens both names), nor ``el perro`` and ``el can`` (both ``dog``)."""
    for new_text, old_text in zip(new, old, strict=False):
        new_words, old_words = _WORD.findall(new_text.casefold()), _WORD.findall(old_text.casefold())
        while new_words and old_words and new_words[0] == old_words[0]:
            new_words, old_words = new_words[1:], old_words[1:]
        while new_words and old_words and new_words[-1] == old_words[-1]:
            new_words, old_words = new_words[:-1], old_words[:-1]
        if not new_words or not old_words or _shortened(new_words, old_words):
            continue
        told, said = " ".join(new_words), " ".join(old_words)
        if not words_held(told, said) and not _likeness((told,), (said,), floor=APART_SIMILARITY):
            return False
    return True


def _shortened(new: list[str], old: list[str]) -> bool:
    """Whether each word of one opens a word of the other (``max`` of ``maximum``)."""
    return any(
        all(any(word.startswith(part) for word in long) for part in short)
        for short, long in ((new, old), (old, new))
    )


def _row_key(note_id: str, table: str) -> str:
    """A row's own part of its id: what is left after the table's id."""
    return note_id.removeprefix(f"{table}/")


def _match_renames(
    unknown: list[Fingerprint], orphans: dict[str, Entry], modules: Collection[str]
) -> list[tuple[str, str]]:
    """Pair new ids with orphans of the same note type: same answer, or a very similar name. The most
    alike pairs first; of equally alike ones, a new id in the orphan's own module first (renumbered,
    ``02-more`` → ``03-more``: not a copy in a module inserted before it), then the notes' order,
    then the orphans' natural order (``row-2`` before ``row-10``)."""
    scored = []
    for place, note in enumerate(unknown):
        for old_id, entry in orphans.items():
            if entry.note_type == note.note_type and (score := _similarity(note, entry, modules)):
                elsewhere = _module_name(note.id) != _module_name(old_id)
                scored.append((-score, elsewhere, place, _natural(old_id), old_id, note.id))
    pairs: dict[str, str] = {}  # new id → old id
    taken: set[str] = set()
    for *_, old_id, new_id in sorted(scored):
        if new_id not in pairs and old_id not in taken:
            pairs[new_id] = old_id
            taken.add(old_id)
    return [(pairs[note.id], note.id) for note in unknown if note.id in pairs]


def _module_name(note_id: str) -> str:
    """An id's module without its number: ``more`` of ``03-more/card/omega``."""
    return re.sub(r"^\d+[-_ ]*", "", note_id.partition("/")[0])


def _natural(note_id: str) -> tuple[tuple[int, str], ...]:
    """Ids in natural order: the numbers in them compared as numbers."""
    return tuple((int(part), "") if part.isdigit() else (0, part) for part in re.split(r"(\d+)", note_id))


def _similarity(note: Fingerprint, entry: Entry, modules: Collection[str]) -> float:
    """1 + name likeness when the answers are equal; the likeness if it is high enough; else 0.

    A note named alike with another answer is looked for among the notes of the last build (one
    removed before comes back with its answer only), in its own module, or in a module no longer
    built (renamed): ``Pricing`` in a new Lambda module is another fact than the orphaned ``Pricing``
    of the S3 module, and taking that one's history would hide the new card for days.

    A table row's answer is its cells: equal ones pair in one table, or rows named alike (a module
    renamed), as rows of yes/no cells are alike everywhere. A row with other cells is looked for in
    its own module, or in the table of the same title of a module no longer built (renamed with it):
    rows named alike ("On-Demand", "Spot") in another module's table are other rows (RDS pricing is
    not EC2 pricing). A brief answer is the same answer only with a name alike (``_same_answer``)."""
    if _same_answer(note, entry):
        likeness = _likeness(note.key, entry.key, floor=0.0)
        in_its_table = note.table == entry.table or _in_renamed_module(note, entry, modules)
        if not note.table or in_its_table or likeness >= RENAME_SIMILARITY:
            return 1.0 + likeness
    if entry.orphaned:  # removed builds ago: what comes back with another answer is another fact
        return 0.0
    if entry.module and note.module != entry.module and not _in_renamed_module(note, entry, modules):
        return 0.0
    shared = _shared_parts(note.hidden, entry.clozes) if note.hidden else None
    if shared is not None:
        likeness = _likeness(note.key, entry.key, floor=GROWN_CLOZE_SIMILARITY)
        reordered = shared == "all" and _reordered(note.key, entry.key)
        return likeness or (GROWN_CLOZE_SIMILARITY if reordered else 0.0)
    new, old = _as_compared(note.key), _as_compared(entry.key)
    likeness = _likeness(new, old, floor=RENAME_SIMILARITY)
    return likeness if likeness > RENAME_SIMILARITY and _alike_where_apart(new, old) else 0.0


_QUESTION_TEXTS = 3
"""A question's name holds this many texts: its stem, its options (``B) AWS Lambda`` a line), its
correct options' words (a line each)."""


def _as_compared(key: tuple[str, ...]) -> tuple[str, ...]:
    """A name as a rename compares it: a question's options without their letters and, as its card
    shuffles them, in no order (its correct ones too): options reordered as the stem is reworded leave
    the question the one the student studied. The ledger keeps them as built, letters and order."""
    if len(key) != _QUESTION_TEXTS:
        return key
    stem, options, correct = key
    unlettered = (line.partition(") ")[2] or line for line in options.splitlines())
    return stem, "\n".join(sorted(unlettered)), "\n".join(sorted(correct.splitlines()))


def _in_renamed_module(note: Fingerprint, entry: Entry, modules: Collection[str]) -> bool:
    """Whether ``note`` may be ``entry`` edited as its module was renamed: that module is built no more,
    and a table row sits in the table of the same title (its id but the module's slug)."""
    same_table = not note.table or note.table.partition("/")[2] == entry.table.partition("/")[2]
    return entry.module not in modules and same_table


def _shared_parts(hidden: tuple[str, ...], recorded: tuple[str, ...]) -> Literal["all", "some"] | None:
    """How a cloze's hidden parts meet the parts a note was last sent with (``recorded``:
    ``Entry.clozes``): ``all`` when one side holds every part of the other (a part added to the
    sentence, or taken out), ``some`` when they share one (a part reworded: ``buckets`` → ``containers
    called buckets``). A part that opens a sentence moved elsewhere changes case (``Network ACLs``):
    case does not count."""
    sent = {
        part.casefold()
        for parts in recorded
        if parts and not parts.startswith(GONE)
        for part in parts.split(PARTS_APART)
    }
    own = {part.casefold() for part in hidden}
    if sent and (sent <= own or own <= sent):
        return "all"
    return "some" if sent & own else None


def _reordered(new: tuple[str, ...], old: tuple[str, ...]) -> bool:
    """Whether two names hold the same words in another order (``A are stateful, while B are
    stateless.`` and ``B are stateless, while A are stateful.``), case aside."""
    return bool(new) and all(
        Counter(_WORD.findall(new_text.casefold())) == Counter(_WORD.findall(old_text.casefold()))
        for new_text, old_text in zip(new, old, strict=False)
    )


_WORD = regex(r"\w+")


def _likeness(new: tuple[str, ...], old: tuple[str, ...], *, floor: float) -> float:
    """The lowest ratio over the texts both names have (a ledger from before format 2 has only the
    first); 0 as soon as one falls below ``floor``, without computing the rest."""
    lowest = 1.0
    for new_text, old_text in zip(new, old, strict=False):
        matcher = SequenceMatcher(None, new_text.casefold(), old_text.casefold())
        if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
            return 0.0
        lowest = min(lowest, matcher.ratio())
        if lowest < floor:
            return 0.0
    return lowest
