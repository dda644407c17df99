"""Watch mode: poll the inputs and rebuild when something was saved.

Polling (not OS events) keeps ccpkit dependency-free and behaves the same on every platform and
editor; a few hundred small files are stat-ed in well under a millisecond each round.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

from ccpkit.stamps import input_files

Snapshot = dict[Path, tuple[int, int]]
SETTLE_POLLS = 5
"""At most this many more polls wait for a save to finish before building what is there."""


def snapshot(roots: Iterable[Path]) -> Snapshot:
    """Modification time and size of every input file under ``roots`` (missing roots are skipped)."""
    state: Snapshot = {}
    for path, _ in input_files(roots):
        try:
            stat = path.stat()
        except OSError:  # deleted or unreadable between listing and stat: seen next round
            continue
        state[path] = (stat.st_mtime_ns, stat.st_size)
    return state


def watch(
    roots: Iterable[Path],
    on_change: Callable[[], None],
    *,
    interval: float = 0.5,
    rounds: int | None = None,
) -> None:
    """Call ``on_change`` once now and again after every change under ``roots``.

    ``rounds`` bounds the number of polls (for tests); ``None`` polls until interrupted.
    """
    paths = tuple(roots)
    seen = snapshot(paths)
    on_change()
    polled = 0
    while rounds is None or polled < rounds:
        time.sleep(interval)
        polled += 1
        current = snapshot(paths)
        if current != seen:
            seen = settled(paths, current, interval)
            on_change()


def settled(paths: tuple[Path, ...], current: Snapshot, interval: float) -> Snapshot:
    """The inputs once a poll finds them as the one before did: a save still being written (an editor
    writing in chunks, a cloud client filling the file) is built whole, not cut off half-way, which
    would send its notes to Anki again and have the next import replace the student's edits on them.
    Files that never stop changing are built after ``SETTLE_POLLS`` polls all the same."""
    for _ in range(SETTLE_POLLS):
        time.sleep(interval)
        again = snapshot(paths)
        if again == current:
            break
        current = again
    return current
