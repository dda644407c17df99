"""Jobs shared with helper processes give the same results, in the same order, as run one by one."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import threading
import time
from functools import partial
from pathlib import Path

import pytest

from ccpkit.errors import UsageError, WriteError
from ccpkit.parallel import Workers, call, workers

WARM = "warm"


def square(number: int) -> tuple[int, int]:
    return number * number, os.getpid()


def slow_square(number: int) -> tuple[int, int]:
    time.sleep(0.05)  # long enough for the helpers to take some
    return square(number)


def warmed(number: int) -> tuple[str, int]:
    time.sleep(0.05)  # long enough for the helpers to take some
    return os.environ.get(WARM, "cold"), os.getpid()


def warm_up() -> None:
    os.environ[WARM] = "warm"  # only in the helper: this process never runs the warm-up


def fail(number: int) -> int:
    if number == 3:
        raise UsageError("style.toml: unknown key 'colour'")
    return number


def die(caller: int) -> int:
    if os.getpid() != caller:  # a helper, not this test's process
        os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(0.3)  # leaving the other job to the helper
    return caller


def test_results_come_back_in_order_and_the_work_is_shared() -> None:
    with workers(helpers=2) as on:
        done = on.map(slow_square, range(8)).results()
    assert [value for value, _ in done] == [n * n for n in range(8)]
    assert len({pid for _, pid in done} - {os.getpid()}) >= 1  # helpers took some of it


def test_jobs_can_be_left_to_the_helpers_alone() -> None:
    with workers(helpers=2) as on:
        done = on.map(slow_square, range(4), here=False).results()
    assert os.getpid() not in {pid for _, pid in done}


def test_one_job_runs_here_and_starts_no_helper() -> None:
    on = Workers(helpers=2)
    ((value, pid),) = on.map(square, [3]).results()
    assert (value, pid) == (9, os.getpid())
    on.stop()


def test_helpers_warm_up_before_their_first_job() -> None:
    with workers(helpers=2, warm_up=warm_up) as on:
        done = on.map(warmed, range(4), here=False).results()
    assert {state for state, _ in done} == {"warm"}
    assert WARM not in os.environ  # the warm-up ran in the helpers only


def test_a_warm_up_that_fails_leaves_the_jobs_to_run_and_report() -> None:
    with workers(helpers=1, warm_up=partial(fail, 3)) as on:
        assert on.map(fail, [1, 2]).results() == [1, 2]


def test_jobs_are_any_picklable_callables() -> None:
    with workers(helpers=2) as on:
        assert on.map(call, [partial(pow, 2, n) for n in range(5)]).results() == [1, 2, 4, 8, 16]


def test_a_users_error_in_a_helper_reaches_the_caller_as_itself() -> None:
    with pytest.raises(UsageError, match="unknown key 'colour'"), workers(helpers=2) as on:
        on.map(fail, range(6)).results()


def unpicklable(number: int) -> object:
    return (n for n in range(number))  # a generator cannot be pickled


def test_a_result_that_cannot_be_sent_back_is_an_error_not_a_hang() -> None:
    with pytest.raises(RuntimeError, match="cannot be sent back"), workers(helpers=1) as on:
        on.map(unpicklable, [1, 2], here=False).results()


def fail_fast_or_wait(number: int) -> str:
    if number == 0:
        raise UsageError("the first job fails")
    time.sleep(0.3)
    return f"late {number}"


def test_a_map_that_failed_leaks_nothing_into_the_next() -> None:
    with workers(helpers=2) as on:
        with pytest.raises(UsageError, match="first job fails"):
            on.map(fail_fast_or_wait, [0, 1, 2], here=False).results()
        assert on.map(slow_square, [5, 6], here=False).results()[0][0] == 25
        assert [value for value, _ in on.map(slow_square, [7, 8]).results()] == [49, 64]


def test_jobs_that_cannot_be_sent_fail_in_the_caller_not_hang() -> None:
    with pytest.raises(TypeError), workers(helpers=1) as on:
        on.map(square, [1, threading.Lock()], here=False)  # type: ignore[list-item]


def write_error(number: int) -> int:
    raise WriteError(Path("build/pdf/course.pdf"), OSError(errno.ENOSPC, "No space left on device"))


def test_ccpkits_own_errors_cross_over_whole() -> None:
    with (
        pytest.raises(WriteError, match=r"cannot write build/pdf/course\.pdf: No space left"),
        workers(helpers=1) as on,
    ):
        on.map(write_error, [1, 2], here=False).results()


CALLER = """
import os, signal, sys, time
from pathlib import Path
from ccpkit.parallel import Workers
started = Path(sys.argv[1])
def say_started():
    os.write(1, f"{os.getpid()}\\n".encode())  # one write: the helpers' lines never interleave
    with started.open("a") as file:
        file.write("started\\n")
Workers(helpers=2, warm_up=say_started)
deadline = time.monotonic() + 15
while started.read_text().count("started") < 2 and time.monotonic() < deadline:
    time.sleep(0.01)  # both helpers start, however busy the machine
os.kill(os.getpid(), signal.SIGKILL)  # no chance to stop them
"""


def test_helpers_end_by_themselves_when_their_caller_is_killed(tmp_path: Path) -> None:
    # The helpers share the caller's stdout: the run returns only once every helper has ended.
    started = tmp_path / "started"
    started.touch()
    command = [sys.executable, "-c", CALLER, str(started)]
    ended = subprocess.run(command, capture_output=True, text=True, timeout=30)
    assert ended.returncode == -signal.SIGKILL
    assert len(ended.stdout.split()) == 2  # both helpers had started


def test_a_helper_that_dies_is_an_error_not_a_hang() -> None:
    with pytest.raises(RuntimeError, match="helper process died"), workers(helpers=1) as on:
        on.map(die, [os.getpid()] * 2).results()


def test_leaving_the_block_after_an_error_stops_the_helpers() -> None:
    began = time.monotonic()
    with pytest.raises(RuntimeError, match="ledger"), workers(helpers=2) as on:
        on.map(time.sleep, [30, 30])
        raise RuntimeError("ledger is damaged")
    assert time.monotonic() - began < 5


def test_a_second_map_gets_only_its_own_results() -> None:
    with workers(helpers=2) as on:
        first = on.map(square, range(5)).results()
        second = on.map(square, range(10, 13)).results()
    assert [value for value, _ in first] == [0, 1, 4, 9, 16]
    assert [value for value, _ in second] == [100, 121, 144]
