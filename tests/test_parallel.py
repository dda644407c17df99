"""Units run side by side give the same results, in the same order, as one after another."""

from __future__ import annotations

import os
from functools import partial

import pytest

from ccpkit.errors import UsageError
from ccpkit.parallel import run_all


def square(number: int) -> tuple[int, int]:
    return number * number, os.getpid()


def fail() -> None:
    raise UsageError("style.toml: unknown key 'colour'")


def test_results_come_back_in_order_from_other_processes() -> None:
    results = run_all([partial(square, n) for n in range(6)], jobs=2)
    assert [value for value, _ in results] == [0, 1, 4, 9, 16, 25]
    assert os.getpid() not in {pid for _, pid in results}


def test_one_job_runs_here() -> None:
    ((value, pid),) = run_all([partial(square, 3)], jobs=2)
    assert (value, pid) == (9, os.getpid())


def test_a_users_error_in_a_worker_reaches_the_caller_as_itself() -> None:
    with pytest.raises(UsageError, match="unknown key 'colour'"):
        run_all([partial(square, 1), fail], jobs=2)
