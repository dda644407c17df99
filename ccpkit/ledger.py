"""The committed id ledger: note id → Anki GUID and the time the note's content last changed.

It is what lets a re-import update notes in place: GUIDs survive a fixed typo (rename detection),
and modification times move only when a note's content moves, so Anki's default "update if newer"
applies our edits and leaves untouched notes (and the student's own edits to them) alone.
Removed notes stay in the ledger as orphans: Anki keeps them, and they keep their GUID if they return.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from ccpkit.errors import CcpkitError

LEDGER_NAME = ".ccpkit-ledger.json"
FORMAT_VERSION = 1
RENAME_SIMILARITY = 0.9
"""How alike two names must be (difflib ratio) to count as one note renamed, when answers differ."""


class LedgerError(CcpkitError):
    """The ledger file cannot be trusted; building on would silently give notes fresh GUIDs."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(
            f"{path}: {problem}\n"
            f"The ledger keeps your Anki notes' identities, so nothing was built. Restore it from git "
            f"(`git checkout -- {path}`), or delete it to start a new one: notes whose id is unchanged "
            f"keep their GUID, renamed notes since the last good ledger will be duplicated in Anki."
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Fingerprint:
    """What the ledger needs to know about one note of the current build."""

    id: str
    note_type: str
    key: str
    """Text naming the note (term, stem, table and row), compared to detect a rename."""
    answer: str
    """Hash of the answer fields: equal answers under a new id mean a renamed note."""
    content: str
    """Hash of everything Anki stores for the note; a change bumps ``modified``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """One note the ledger knows, present in the notes or orphaned."""

    guid: str
    note_type: str
    key: str
    answer: str
    content: str
    modified: int
    """Epoch seconds when the content last changed: the note's mtime in the .apkg."""


@dataclass(frozen=True, slots=True)
class Stamp:
    """A hash of some content and when it last changed (used for the templates)."""

    hash: str
    modified: int


@dataclass(frozen=True, slots=True)
class Ledger:
    notes: Mapping[str, Entry] = field(default_factory=dict)
    templates: Stamp | None = None


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """The new ledger and what changed since the previous one, for the build report."""

    ledger: Ledger
    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    renamed: tuple[tuple[str, str], ...] = ()
    """(old id, new id) pairs: the new id kept the old GUID."""
    orphaned: tuple[str, ...] = ()
    """Ids in the ledger but no longer in the notes: still in Anki, since import never deletes."""


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


def load_ledger(path: Path) -> Ledger:
    """The ledger at ``path``; an empty one if the file does not exist yet (the first build)."""
    if not path.exists():
        return Ledger()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as error:
        raise LedgerError(path, f"not UTF-8 text ({error.reason})") from error
    except json.JSONDecodeError as error:
        raise LedgerError(path, f"line {error.lineno}: not valid JSON ({error.msg})") from error
    except OSError as error:
        raise LedgerError(path, f"cannot be read ({error.strerror})") from error
    return _validated(path, data)


def _validated(path: Path, data: Any) -> Ledger:
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
        raise LedgerError(path, f'not a ccpkit ledger of version {FORMAT_VERSION} (no "version": 1)')
    notes, templates = data.get("notes"), data.get("templates")
    if not isinstance(notes, dict):
        raise LedgerError(path, '"notes" must map note ids to entries')
    entries = {key: _validated_entry(path, key, value) for key, value in notes.items()}
    guids: dict[str, str] = {}
    for key, entry in entries.items():
        if entry.guid in guids:
            raise LedgerError(path, f"notes {guids[entry.guid]} and {key} share the GUID {entry.guid!r}")
        guids[entry.guid] = key
    stamp = None
    if templates is not None:
        if not isinstance(templates, dict) or not _fields_ok(templates, {"hash": str, "modified": int}):
            raise LedgerError(path, '"templates" must hold a "hash" text and a "modified" number')
        stamp = Stamp(templates["hash"], templates["modified"])
    return Ledger(entries, stamp)


_ENTRY_FIELDS = {"guid": str, "type": str, "key": str, "answer": str, "content": str, "modified": int}


def _validated_entry(path: Path, key: str, value: Any) -> Entry:
    if not isinstance(value, dict) or not _fields_ok(value, _ENTRY_FIELDS) or not value["guid"]:
        wanted = ", ".join(f'"{name}"' for name in _ENTRY_FIELDS)
        raise LedgerError(path, f"entry {key!r} is damaged: it needs {wanted} (non-empty GUID)")
    return Entry(
        guid=value["guid"],
        note_type=value["type"],
        key=value["key"],
        answer=value["answer"],
        content=value["content"],
        modified=value["modified"],
    )


def _fields_ok(value: dict[str, Any], types: Mapping[str, type]) -> bool:
    return all(
        isinstance(value.get(name), kind) and not isinstance(value.get(name), bool)
        for name, kind in types.items()
    )


def dump_ledger(ledger: Ledger) -> bytes:
    """Stable, diff-friendly JSON: sorted ids, one field per line, so git shows what changed."""
    notes = {
        key: {
            "guid": entry.guid,
            "type": entry.note_type,
            "key": entry.key,
            "answer": entry.answer,
            "content": entry.content,
            "modified": entry.modified,
        }
        for key, entry in sorted(ledger.notes.items())
    }
    data: dict[str, Any] = {"version": FORMAT_VERSION}
    if ledger.templates is not None:
        data["templates"] = {"hash": ledger.templates.hash, "modified": ledger.templates.modified}
    data["notes"] = notes
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode()
