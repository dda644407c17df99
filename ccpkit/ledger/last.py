"""The ledger as the last build or sync wrote it, kept in the build folder's cache as the ledger file's
own bytes, which every version of ccpkit reads (the cache's other entries are a version's own): a
ledger file lost, put back by git, merged or cut by hand is caught up with it, after an upgrade too."""

from __future__ import annotations

import shlex
from dataclasses import replace
from pathlib import Path, PurePosixPath

from ccpkit.errors import UsageError
from ccpkit.ledger.entries import Ledger, LedgerError
from ccpkit.ledger.storage import load_ledger
from ccpkit.stamps import Stamps

LAST_LEDGER = PurePosixPath("last-ledger.json")
"""Its name in the cache folder."""


def with_last(ledger: Ledger, file: Path, cache: Path, stamps: Stamps) -> Ledger:
    """``ledger``, read from ``file``, caught up with the last one written in the build's ``cache``
    when that one holds other bytes (their digests as ``stamps`` tell); as it is when none is kept."""
    last = stamps.found(cache / LAST_LEDGER)
    if last is None or last == stamps.found(file):
        return ledger
    try:
        written = load_ledger(cache / LAST_LEDGER)
    except LedgerError:  # damaged: the ledger file as read stands
        return ledger
    if ledger.guid_scope and written.guid_scope and ledger.guid_scope != written.guid_scope:
        raise OtherCourseLedgerError(file, cache / LAST_LEDGER, ledger, written)
    return caught_up(ledger, written)


class OtherCourseLedgerError(UsageError):
    """The ledger file and the build folder's last ledger name two courses: one of them is another
    course's, whose notes would go to Anki a second time, beside those studied. A sync tells which by
    the collection (``ledger`` is the file's, ``written`` the copy's); a build cannot."""

    def __init__(self, file: Path, copy: Path, ledger: Ledger, written: Ledger) -> None:
        self.ledger, self.written = ledger, written
        restore = f"git checkout HEAD -- {shlex.quote(str(file))}"
        super().__init__(
            f"{file} is the ledger of the course {ledger.guid_scope!r}, but the build folder's copy of "
            f"the last one written ({copy}) is of {written.guid_scope!r}: built on one of them, notes "
            f"would go to Anki a second time, beside those studied. If another course's ledger was "
            f"copied over this one, put it back ({restore}); if this one is right (pulled with git, "
            f"or that build folder is another course's), delete {copy}, or build into another folder "
            "(--out)."
        )


def caught_up(ledger: Ledger, last: Ledger) -> Ledger:
    """The ledger read from a file other than the last one written (``last``): git reverted it or
    checked out an older one, merged two clones', or a hand edited it. A note the last one says was
    sent later with other text (under its id, or under the id a rename gave it: one GUID) takes that
    entry, so text put back in the notes is sent again, dated after the copy Anki holds (an import
    skips an older one); a note it still knows that the file lost comes back, and with a file lost
    whole its orphans too (as they were, forgotten or not): else another fact written under an
    orphan's name would take its GUID, and an import would write that fact over the orphan's note
    and history. An orphan's line gone from a file that holds others was dropped on purpose (sync
    deleted its note on another computer)."""
    sent = last.notes
    by_guid = {entry.guid: entry for entry in sent.values()}
    notes = {
        key: later
        if (later := sent.get(key) or by_guid.get(entry.guid)) is not None
        and later.guid == entry.guid
        and later.modified > entry.modified
        and later.study != entry.study
        else entry
        for key, entry in ledger.notes.items()
    }
    held = {entry.guid for entry in notes.values()}
    notes |= {  # lines cut by hand; the file lost whole, its orphans too
        key: entry
        for key, entry in sent.items()
        if key not in notes and entry.guid not in held and (not entry.orphaned or not ledger.notes)
    }
    return replace(
        ledger,
        notes=notes,
        templates=ledger.templates or last.templates,
        guid_scope=ledger.guid_scope or last.guid_scope,  # a file lost whole keeps its course's
    )
