"""The ledger file: strict loading (a damaged ledger is refused, never guessed at) and stable dumping."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ccpkit.ledger.entries import Entry, Ledger, LedgerError, Stamp

FORMAT_VERSION = 1


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
    if (
        not isinstance(data, dict)
        or not _fields_ok(data, {"version": int})
        or data["version"] != FORMAT_VERSION
    ):
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
