"""The committed id ledger: note id → Anki GUID and the time the note's content last changed.

It is what lets a re-import update notes in place: GUIDs survive a fixed typo (rename detection),
and modification times move only when a note's content moves, so Anki's default "update if newer"
applies our edits and leaves untouched notes (and the student's own edits to them) alone.
Removed notes stay in the ledger as orphans: Anki keeps them, and they keep their GUID if they return.
"""

from ccpkit.ledger.entries import (
    BRIEF_ANSWER_WORDS,
    LEDGER_NAME,
    Entry,
    Fingerprint,
    Ledger,
    LedgerError,
    Move,
    Reconciliation,
    Stamp,
)
from ccpkit.ledger.merge import Merged, merge_ledgers
from ccpkit.ledger.reconcile import entries_before, only_sent, reconcile, stamp_templates
from ccpkit.ledger.storage import dump_ledger, load_ledger, record_ledger

__all__ = [
    "BRIEF_ANSWER_WORDS",
    "LEDGER_NAME",
    "Entry",
    "Fingerprint",
    "Ledger",
    "LedgerError",
    "Merged",
    "Move",
    "Reconciliation",
    "Stamp",
    "dump_ledger",
    "entries_before",
    "load_ledger",
    "merge_ledgers",
    "only_sent",
    "reconcile",
    "record_ledger",
    "stamp_templates",
]
