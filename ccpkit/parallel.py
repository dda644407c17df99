"""Run independent export units side by side in forked worker processes.

Forking lets every worker share the parsed deck and the units' closures as they are in memory:
nothing is pickled on the way in, only the finished bytes come back. Where ``fork`` is not
available, or there is one job or one core, the work simply runs in this process, in order.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import TypeVar, cast

T = TypeVar("T")

_adopted: Sequence[Callable[[], object]] = ()
"""The work list, set only inside a forked worker by ``_adopt``."""


def run_all(work: Sequence[Callable[[], T]], *, jobs: int | None = None) -> list[T]:
    """Every callable's result, in order; on up to ``jobs`` cores (default: all of them)."""
    workers = min(jobs or os.cpu_count() or 1, len(work))
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [job() for job in work]
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_adopt, initargs=(work,)) as pool:
        results = pool.map(_run, range(len(work)), chunksize=1)
    return cast(list[T], results)


def _adopt(work: Sequence[Callable[[], object]]) -> None:
    global _adopted
    _adopted = work


def _run(index: int) -> object:
    return _adopted[index]()
