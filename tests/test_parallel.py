"""Units run side by side give the same results, in the same order, as one after another."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from functools import partial
from typing import TypeVar

import pytest

from ccpkit.errors import UsageError
from ccpkit.parallel import started

T = TypeVar("T")


def square(number: int) -> tuple[int, int]:
    return number * number, os.getpid()


def fail() -> None:
    raise UsageError("style.toml: unknown key 'colour'")


def results(work: Sequence[Callable[[], T]]) -> list[T]:
    with started(work, jobs=2) as pending:
        return pending.results()


def test_results_come_back_in_order_from_other_processes() -> None:
    done = results([partial(square, n) for n in range(6)])
    assert [value for value, _ in done] == [0, 1, 4, 9, 16, 25]
    assert os.getpid() not in {pid for _, pid in done}


def test_one_job_runs_here() -> None:
    ((value, pid),) = results([partial(square, 3)])
    assert (value, pid) == (9, os.getpid())


def test_the_caller_works_while_the_jobs_run() -> None:
    begun = time.monotonic()
    with started([partial(time.sleep, 0.3), partial(time.sleep, 0.3)], jobs=2) as pending:
        time.sleep(0.3)  # the caller's own share of the work
        pending.results()
    assert time.monotonic() - begun < 0.55


def test_a_users_error_in_a_worker_reaches_the_caller_as_itself() -> None:
    with pytest.raises(UsageError, match="unknown key 'colour'"):
        results([partial(square, 1), fail])


def test_an_error_in_the_caller_stops_the_workers() -> None:
    with pytest.raises(RuntimeError, match="ledger"), started([partial(time.sleep, 30)] * 2, jobs=2):
        raise RuntimeError("ledger is damaged")
