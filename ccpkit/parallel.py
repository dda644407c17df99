"""Run independent export units side by side in forked worker processes.

Forking lets every worker share the parsed deck and the units' closures as they are in memory:
nothing is pickled on the way in, only the finished bytes come back. Where ``fork`` is not
available, or there is one job or one core, the work runs in this process when its results are asked for.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Generic, TypeVar, cast

T = TypeVar("T")

_adopted: Sequence[Callable[[], object]] = ()
"""The work list, set only inside a forked worker by ``_adopt``."""


class Pending(Generic[T]):
    """Work started by ``started``; ``results()`` waits for it and gives the results in order."""

    def __init__(self, results: Callable[[], list[T]]) -> None:
        self._results = results

    def results(self) -> list[T]:
        return self._results()


@contextmanager
def started(work: Sequence[Callable[[], T]], *, jobs: int | None = None) -> Iterator[Pending[T]]:
    """Start every callable now on up to ``jobs`` cores (default: all), so the caller can do other work.

    Leaving the block stops any worker still running (after an error, say).
    """
    workers = min(jobs or os.cpu_count() or 1, len(work))
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield Pending(lambda: [job() for job in work])
        return
    pool = multiprocessing.get_context("fork").Pool(workers, initializer=_adopt, initargs=(work,))
    try:
        running = pool.map_async(_run, range(len(work)), chunksize=1)
        yield Pending(lambda: cast(list[T], running.get()))
    finally:
        pool.terminate()
        pool.join()


def _adopt(work: Sequence[Callable[[], object]]) -> None:
    global _adopted
    _adopted = work


def _run(index: int) -> object:
    return _adopted[index]()
