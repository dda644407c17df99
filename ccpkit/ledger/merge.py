"""Merging two clones' ledgers against their common base, as a git merge driver does.

Each note is merged on its own (three-way): a side that left a note as it was in the base takes the
other side's version. When both sides changed one note, the version changed later wins (its
``modified`` time; on a tie, the one whose entry sorts last), so the result is the same whichever
side is "ours". A note changed on one side and dropped on the other is kept. Two notes left holding
one GUID (one side renamed a note the other changed) keep the GUID on the note the base did not
know (the rename's result), else on the one changed later; the other entry is dropped, and its note,
if still in the notes, is matched or added again by the next build.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import astuple, dataclass
from pathlib import Path, PurePosixPath
from typing import TypeVar

from ccpkit.errors import CcpkitError
from ccpkit.export import Output
from ccpkit.ledger.entries import LEDGER_NAME, Entry, Ledger, LedgerError, NewerLedgerError, Stamp
from ccpkit.ledger.storage import dump_ledger, load_ledger
from ccpkit.write import write_atomically

T = TypeVar("T", Entry, Stamp)

DRIVER = "ccpkit-ledger"
"""The merge driver's name in ``.gitattributes`` and git's settings."""
GIT_ATTRIBUTES = f"{LEDGER_NAME} merge={DRIVER}\n"
"""The ``.gitattributes`` line that hands the ledger (in any folder) to the driver; committed."""
GIT_CONFIG = (
    f'git config merge.{DRIVER}.name "ccpkit ledger: keep both clones\' notes"',
    f'git config merge.{DRIVER}.driver "ccpkit ledger merge %O %A %B"',
)
"""The commands that install the driver: git keeps them per clone, so each clone runs them once."""


@dataclass(frozen=True, slots=True)
class Merged:
    """The merged ledger and the decisions worth telling the user."""

    ledger: Ledger
    both_changed: tuple[str, ...] = ()
    """Notes both sides changed: the later change was kept."""
    dropped: tuple[tuple[str, str], ...] = ()
    """(dropped, kept) pairs of notes that held one GUID: the first entry was dropped."""


def merge_ledgers(base: Ledger, ours: Ledger, theirs: Ledger) -> Merged:
    """The union of both sides' notes; see the module docstring for the rule on each disagreement."""
    notes: dict[str, Entry] = {}
    both_changed = []
    for key in sorted({*base.notes, *ours.notes, *theirs.notes}):
        entry, disputed = _three_way(base.notes.get(key), ours.notes.get(key), theirs.notes.get(key))
        if entry is not None:
            notes[key] = entry
        if disputed:
            both_changed.append(key)
    templates, _ = _three_way(base.templates, ours.templates, theirs.templates)
    kept, dropped = _one_note_per_guid(notes, base.notes)
    scope = ours.guid_scope or theirs.guid_scope  # one course's ledger: the same on every side
    return Merged(Ledger(kept, templates, scope), tuple(both_changed), dropped)


def merge_files(base: Path, ours: Path, theirs: Path) -> list[str]:
    """Merge the ledger files into ``ours`` (git's ``%O %A %B``); return what to tell the user.

    An empty ``base`` is an empty ledger: git passes one when both sides added the file.
    """
    merged = merge_ledgers(
        _side(base, "the common ancestor") if base.stat().st_size else Ledger(),
        _side(ours, "this branch"),
        _side(theirs, "the branch merged in"),
    )
    write_atomically(ours.parent, Output(PurePosixPath(ours.name), dump_ledger(merged.ledger)))
    return [
        *(f"ledger merge: {key} changed on both sides; kept the later change" for key in merged.both_changed),
        *(f"ledger merge: dropped {key}, whose GUID {kept} holds" for key, kept in merged.dropped),
    ]


def _side(path: Path, side: str) -> Ledger:
    """One side's ledger, read from the copy git made of it (``.merge_file_…``): a damaged one is named
    by its side, as the copy's name tells the student nothing and is gone once git stops."""
    try:
        return load_ledger(path)
    except NewerLedgerError as error:
        raise CcpkitError(
            f"ledger merge: the ledger of {side} {error.problem}, which this ccpkit does not know: a "
            "newer ccpkit wrote it. Upgrade ccpkit here, then redo the merge of the ledger "
            "(`git checkout -m -- <notes>/.ccpkit-ledger.json`)"
        ) from None
    except LedgerError as error:
        raise CcpkitError(
            f"ledger merge: the ledger of {side} is damaged ({error.problem}), so nothing was merged and "
            "git reports a conflict on it. Repair that side's ledger (`ccpkit check` on its branch names "
            "the line), commit it, and merge again"
        ) from None


def _three_way(base: T | None, ours: T | None, theirs: T | None) -> tuple[T | None, bool]:
    """One value merged, and whether both sides changed it differently."""
    if ours == theirs or theirs == base:
        return ours, False
    if ours == base:
        return theirs, False
    if ours is None or theirs is None:
        return ours or theirs, False  # changed on one side, dropped on the other: keep the change
    return max(ours, theirs, key=_recency), True


def _recency(value: Entry | Stamp) -> tuple[int, tuple[str, ...]]:
    return value.modified, tuple(map(str, astuple(value)))


def _one_note_per_guid(
    notes: Mapping[str, Entry], base: Mapping[str, Entry]
) -> tuple[dict[str, Entry], tuple[tuple[str, str], ...]]:
    owners: dict[str, list[str]] = {}
    for key, entry in notes.items():
        owners.setdefault(entry.guid, []).append(key)
    dropped: dict[str, str] = {}
    for keys in owners.values():
        keeper = max(keys, key=lambda key: (key not in base, notes[key].modified, key))
        dropped |= {key: keeper for key in keys if key != keeper}
    kept = {key: entry for key, entry in notes.items() if key not in dropped}
    return kept, tuple(sorted(dropped.items()))
