"""The ledger's values: what it records per note, and the error for a ledger that cannot be trusted."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ccpkit.errors import CcpkitError

LEDGER_NAME = ".ccpkit-ledger.json"
"""The ledger's file name inside the notes folder (committed with the notes)."""


class LedgerError(CcpkitError):
    """The ledger file cannot be trusted; building on would silently give notes fresh GUIDs."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(
            f"{path}: {problem}\n"
            f"The ledger keeps your Anki notes' identities, so nothing was built. Restore it from git "
            f"(`git checkout HEAD -- {path}`), or delete it to start a new one: notes whose id is unchanged "
            f"keep their GUID, notes renamed since the last good ledger are duplicated in Anki, and every "
            f"note counts as changed once (edits made inside Anki are overwritten by the next import)."
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
