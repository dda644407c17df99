"""The ledger file as a build reads and writes it, with the two copies the build folder's cache keeps:
the ledger as last written, read back far faster than the file's lines, and the file's own bytes
(``last.py``), kept before any output is written."""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path, PurePosixPath

from ccpkit.digest import content_digest, digest
from ccpkit.errors import WriteError
from ccpkit.export import Output
from ccpkit.ledger.entries import Ledger
from ccpkit.ledger.last import LAST_LEDGER, with_last
from ccpkit.ledger.storage import kept_ledger, ledger_lines, load_ledger, unkept_ledger
from ccpkit.regular_files import open_regular
from ccpkit.stamps import Stamps
from ccpkit.store import Store


class CachedLedger:
    """The ledger ``file`` of one build, whose cache is ``store`` and whose files ``stamps`` knows."""

    def __init__(self, file: Path, store: Store, stamps: Stamps) -> None:
        self.file, self.store, self.stamps = file, store, stamps
        self._read_as: tuple[str, Ledger] | None = None
        """The file's digest and the ledger it holds, when that was taken from the cache."""
        self._lines: list[bytes] = []
        self._digest = ""

    def read(self) -> Ledger:
        """The ledger in the file, caught up with the last one written here (``last.with_last``). Taken
        from the cache when the file holds bytes a build wrote (reading every line again would cost a
        one-card edit more than the edit); the file is read again only for its unchanged lines, at
        the end (its megabytes are not held through the build)."""
        found = self.stamps.found(self.file)
        kept = self.store.get(_key(found), tuple) if found is not None else None
        if kept is not None and found is not None:
            self._read_as = (found, unkept_ledger(kept))
            ledger = self._read_as[1]
        else:  # none yet, or unreadable: reading it for real says which
            ledger = load_ledger(self.file)
        return with_last(ledger, self.file, self.store.folder, self.stamps)

    def keep_last(self, ledger: Ledger) -> None:
        """Make ``ledger``'s lines and keep them in the cache as the last ledger written, before any
        output is written: a build cut short after writing the package is caught up with it, so the
        next sends no note again (an import would wipe what was edited in Anki since)."""
        self._lines = self._lines_of(ledger)
        self._digest = content_digest(*self._lines)
        with suppress(WriteError):  # a cache that cannot be written only makes the next build slower
            self.stamps.write(self.store.folder, LAST_LEDGER, self._lines, self._digest)

    def write(self, ledger: Ledger) -> tuple[Path | None, str]:
        """Write the lines ``keep_last`` made of ``ledger`` into the file, unless it holds them, and
        keep ``ledger`` for the next build. Returned: the path written, if any, and the store's key of
        the copy (to be kept when the store is tidied)."""
        fresh = self._read_as is None or self._read_as[0] != self._digest
        self._read_as = None  # the ledger as read: its unchanged lines are in the new ones now
        folder, name = self.file.parent, PurePosixPath(self.file.name)
        path = self.stamps.write(folder, name, self._lines, self._digest)
        self._lines, key = [], _key(self._digest)
        if fresh:
            self.store.put_pickled(key, kept_ledger(ledger))
        return path, key

    def _lines_of(self, ledger: Ledger) -> list[bytes]:
        """The lines of ``ledger``'s file, a note's line taken from the file as read if the note is
        unchanged; read back a line at a time, each fitting memory the deck and parts freed (the
        file's bytes in one piece would take megabytes more). A file changed since it was read (its
        stamp tells) is not taken from: every line is then made afresh."""
        if self._read_as is None:
            return ledger_lines(ledger)
        try:
            with open_regular(self.file) as stream:
                lines = stream.readlines()  # only "\n" ends a line: a key's U+2028 is a line's
        except OSError:
            lines = []
        unchanged = self.stamps.found(self.file) == self._read_as[0]
        return ledger_lines(ledger, self._read_as[1] if unchanged else None, lines)


def keep_written(data: bytes, store: Store, ledger: Ledger) -> None:
    """Keep ``ledger``, which a sync writes into the notes folder as ``data``, in the cache ``store`` as
    the last ledger written: the next build takes it whole, and a ledger file put back by git, or one
    that could not be written, is caught up with it."""
    from ccpkit.write import write_atomically

    store.put_pickled(_key(content_digest(data)), kept_ledger(ledger))
    with suppress(WriteError):  # a cache that cannot be written only makes the next build slower
        write_atomically(store.folder, Output(LAST_LEDGER, data))


def _key(file_digest: str) -> str:
    """The store's key of the ledger a file with that digest holds."""
    return digest("ledger", file_digest)
