"""Matching a build's notes with the ledger: kept GUIDs, renames, re-sent notes, moves, orphans."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from difflib import SequenceMatcher

from ccpkit.ledger.entries import Entry, Fingerprint, Ledger, Move, Reconciliation, Stamp

RENAME_SIMILARITY = 0.9
"""How alike two names must be (difflib ratio) to count as one note renamed, when answers differ."""


def reconcile(
    ledger: Ledger, notes: Iterable[Fingerprint], *, now: int, new_guid: Callable[[str, int], str]
) -> Reconciliation:
    """Match this build's notes with the ledger: keep GUIDs, detect renames, move the mtimes of notes
    whose study text changed (and only theirs), note moves, pending metadata and new orphans."""
    current = {note.id: note for note in notes}
    entries = dict(ledger.notes)
    unknown = [note for note in current.values() if note.id not in entries]
    vanished = {key: entry for key, entry in entries.items() if key not in current}
    renamed = _match_renames(unknown, vanished)
    previous = {key: entries[key] for key in current if key in entries}
    for old_id, new_id in renamed:
        previous[new_id] = entries.pop(old_id)
    guids = {entry.guid for entry in ledger.notes.values()}
    settled: dict[str, Entry] = {}
    added, updated, restored, pending, moved = [], [], [], [], []
    for note in current.values():
        old = previous.get(note.id)
        if old is None:
            settled[note.id] = _entry(note, _unused_guid(note.id, guids, new_guid), now)
            added.append(note.id)
            continue
        entry = settled[note.id] = _carried(note, old, now)
        if old.orphaned:
            restored.append(note.id)
        elif entry.modified != old.modified:
            updated.append(note.id)
        if old.deck and old.deck != note.deck != entry.home:
            moved.append(Move(note.id, entry.home, note.deck))
        if entry.meta != note.meta or entry.home != note.deck:
            pending.append(note.id)
    orphaned: list[str] = []
    standing: list[str] = []
    for key, entry in entries.items():
        if key not in current:
            (standing if entry.orphaned else orphaned).append(key)
            settled[key] = replace(entry, orphaned=True)
    return Reconciliation(
        Ledger(dict(sorted(settled.items())), ledger.templates),
        added=tuple(added),
        updated=tuple(updated),
        renamed=tuple(renamed),
        restored=tuple(restored),
        pending=tuple(pending),
        moved=tuple(moved),
        orphaned=tuple(orphaned),
        standing_orphans=tuple(standing),
    )


def stamp_templates(ledger: Ledger, templates_hash: str, *, now: int) -> Ledger:
    """Record the templates' hash; their time moves only when they change (Anki: "update if newer")."""
    old = ledger.templates
    if old is not None and old.hash == templates_hash:
        return ledger
    modified = now if old is None else _later(now, old.modified)
    return Ledger(ledger.notes, Stamp(templates_hash, modified))


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
    )


def _carried(note: Fingerprint, old: Entry, now: int) -> Entry:
    """A known note: re-sent (a later mtime, its metadata along) only when its study text changed."""
    if not old.study:  # an earlier ccpkit hashed the whole note: unchanged means all of it was sent
        changed = old.content != note.legacy
        old = replace(old, meta=note.meta, home=old.home or note.deck, deck=old.deck or note.deck)
    else:
        changed = old.study != note.study
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
    )


def _later(now: int, previous: int) -> int:
    return max(now, previous + 1)


def _unused_guid(note_id: str, taken: set[str], new_guid: Callable[[str, int], str]) -> str:
    attempt = 0
    while (guid := new_guid(note_id, attempt)) in taken:
        attempt += 1
    taken.add(guid)
    return guid


def _match_renames(unknown: list[Fingerprint], orphans: dict[str, Entry]) -> list[tuple[str, str]]:
    """Pair new ids with orphans of the same note type: same answer, or a very similar name."""
    pairs = []
    candidates = dict(orphans)
    for note in unknown:
        best, best_score = None, 0.0
        for old_id, entry in candidates.items():
            if entry.note_type == note.note_type:
                score = _similarity(note, entry)
                if score > best_score:
                    best, best_score = old_id, score
        if best is not None:
            pairs.append((best, note.id))
            del candidates[best]
    return pairs


def _similarity(note: Fingerprint, entry: Entry) -> float:
    """1 + name ratio when the answers are equal; the name ratio if it is high enough; else 0."""
    matcher = SequenceMatcher(None, note.key.casefold(), entry.key.casefold())
    if note.answer == entry.answer:
        return 1.0 + matcher.ratio()
    if matcher.real_quick_ratio() < RENAME_SIMILARITY or matcher.quick_ratio() < RENAME_SIMILARITY:
        return 0.0
    ratio = matcher.ratio()
    return ratio if ratio >= RENAME_SIMILARITY else 0.0
