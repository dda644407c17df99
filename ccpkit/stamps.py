"""Which files changed since the last build, told by their stamps (size, times, inode): a build with
nothing to do reads no megabytes of notes, outputs and ledger."""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import suppress
from pathlib import Path, PurePosixPath

from ccpkit.digest import digest, file_digest


def input_files(roots: Iterable[Path]) -> Iterator[tuple[Path, str]]:
    """Every file under ``roots`` (each a folder, a file or absent) with its path from the root's folder,
    in that path's order. Dot-files below a root (the ledger, swap files, ``.git``) are not inputs; as
    when notes are read, a link to a folder is followed at the top of a root only."""
    return ((Path(path), relative) for path, relative in _input_paths(roots) if not relative.endswith("/"))


def _input_paths(roots: Iterable[Path]) -> Iterator[tuple[str, str]]:
    """``input_files`` as strings, and each folder as its path ending in ``/`` (an empty module is one)."""
    for root in roots:
        try:
            folder, file = root.is_dir(), root.is_file()
        except OSError:  # in a folder that cannot be searched: digested as unreadable, and reported so
            folder, file = False, True
        if folder:
            yield from sorted(_files_below(str(root), root.name, links=True), key=lambda file: file[1])
        elif file:
            yield str(root), root.name


def _files_below(folder: str, relative: str, *, links: bool = False) -> Iterator[tuple[str, str]]:
    """One listing per folder, whose entries know what they are: no ``stat`` per file. ``links``: follow
    links to folders here."""
    try:
        entries = list(os.scandir(folder))
    except OSError:  # unreadable: its files cannot be read as notes either
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        inner = f"{relative}/{entry.name}"
        try:
            folder_below, file = entry.is_dir(follow_symlinks=links), entry.is_file()
        except OSError:  # a link to itself: digested as unreadable, as the notes' reader reports it
            folder_below, file = False, True
        if folder_below:
            yield entry.path, f"{inner}/"
            yield from _files_below(entry.path, inner)
        elif file:
            yield entry.path, inner


Stamp = tuple[int, int, int, int, str]
"""A file as a build last saw it: size, modification and change times (ns), inode, and its digest."""

_COARSE_NS = 2_000_000_000
"""How long a file must be unchanged before its stamp is kept, where timestamps are whole seconds (FAT
keeps two): a change within that would not show in the stamp."""
_FINE_NS = 20_000_000
"""The same where timestamps have fractions: a kernel's file clock ticks at least every 10 ms (by this
machine's clock; a network share whose clock lags it is not covered)."""


class Stamps:
    """Each file's digest, read again only when its size, times or inode changed since it was stamped."""

    def __init__(self, known: Mapping[str, Stamp]) -> None:
        self.known = known
        self.seen: dict[str, Stamp] = {}
        """The stamps for the next build: every file looked at, but those changed just now."""

    def file_digest(self, path: Path | str) -> str:
        """SHA-256 of the file's bytes; an ``OSError`` if it cannot be read."""
        name = str(path)
        status = os.stat(name)
        now = _stamped(status)
        known = self.seen.get(name) or self.known.get(name)
        found = known[4] if known is not None and known[:4] == now else file_digest(name)
        changed = max(status.st_mtime_ns, status.st_ctime_ns)
        if changed < time.time_ns() - (_FINE_NS if changed % 1_000_000_000 else _COARSE_NS):
            self.seen[name] = (*now, found)
        return found

    def found(self, path: Path | str) -> str | None:
        """``file_digest``, or ``None`` for a file that is not there or cannot be read."""
        try:
            return self.file_digest(path)
        except OSError:
            return None

    def wrote(self, path: Path, digest: str) -> None:
        """Stamp a file just written atomically (a new file nothing else has changed yet) with ``digest``."""
        with suppress(OSError):  # gone already: the next build reads it for real
            self.seen[str(path)] = (*_stamped(os.stat(path)), digest)

    def write(self, folder: Path, path: PurePosixPath, pieces: Sequence[bytes], digest: str) -> Path | None:
        """Write the file of ``pieces`` (its bytes whole, or a ledger's lines) atomically, unless its
        stamp tells it holds them already; the path written, if any."""
        if self.found(folder / path) == digest:
            return None
        from ccpkit.write import write_lines_atomically  # tempfile and its imports: not for a no-op build

        written = write_lines_atomically(folder, path, pieces)
        self.wrote(written, digest)
        return written

    def digest_files(self, roots: Iterable[Path]) -> str:
        """Digest of every input file's path and bytes, and every folder's path, under ``roots``."""
        return digest(
            *(
                part
                for path, relative in _input_paths(roots)
                for part in (relative, "" if relative.endswith("/") else self.found(path) or "unreadable")
            )
        )


def _stamped(status: os.stat_result) -> tuple[int, int, int, int]:
    return (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)
