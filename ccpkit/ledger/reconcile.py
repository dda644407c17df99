"""Matching a build's notes with the ledger: kept GUIDs, renames, changed mtimes, orphans."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from difflib import SequenceMatcher

from ccpkit.ledger.entries import Entry, Fingerprint, Ledger, Reconciliation, Stamp

RENAME_SIMILARITY = 0.9
"""How alike two names must be (difflib ratio) to count as one note renamed, when answers differ."""


def reconcile(
    ledger: Ledger, notes: Iterable[Fingerprint], *, now: int, new_guid: Callable[[str, int], str]
) -> Reconciliation:
    """Match this build's notes with the ledger: keep GUIDs, detect renames, bump changed mtimes."""
    current = {note.id: note for note in notes}
    entries = dict(ledger.notes)
    added, updated = [], []
    for note in current.values():
        old = entries.get(note.id)
        if old is not None and old.content != note.content:
            entries[note.id] = _entry(note, old.guid, _later(now, old.modified))
            updated.append(note.id)
    unknown = [note for note in current.values() if note.id not in entries]
    orphans = {key: entry for key, entry in entries.items() if key not in current}
    renamed = _match_renames(unknown, orphans)
    for old_id, new_id in renamed:
        old = entries.pop(old_id)
        entries[new_id] = _entry(current[new_id], old.guid, _later(now, old.modified))
    guids = {entry.guid for entry in entries.values()}
    for note in unknown:
        if note.id not in entries:
            entries[note.id] = _entry(note, _unused_guid(note.id, guids, new_guid), now)
            added.append(note.id)
    orphaned = tuple(key for key in entries if key not in current)
    result = Ledger(dict(sorted(entries.items())), ledger.templates)
    return Reconciliation(result, tuple(added), tuple(updated), tuple(renamed), orphaned)


def stamp_templates(ledger: Ledger, templates_hash: str, *, now: int) -> Ledger:
    """Record the templates' hash; their time moves only when they change (Anki: "update if newer")."""
    old = ledger.templates
    if old is not None and old.hash == templates_hash:
        return ledger
    modified = now if old is None else _later(now, old.modified)
    return Ledger(ledger.notes, Stamp(templates_hash, modified))


def _entry(note: Fingerprint, guid: str, modified: int) -> Entry:
    return Entry(
        guid=guid,
        note_type=note.note_type,
        key=note.key,
        answer=note.answer,
        content=note.content,
        modified=modified,
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
