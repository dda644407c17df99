"""The build's helper processes: they warm up before their first job, report a job's error as itself,
and end by themselves when their parent is killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from ccpkit.errors import UsageError
from ccpkit.pool import helpers

WARM = "CCPKIT_TEST_WARM"


def warm_up() -> None:
    os.environ[WARM] = "warm"  # only in a helper: this process never runs the warm-up


def warmth(_number: int) -> tuple[str, int]:
    return os.environ.get(WARM, "cold"), os.getpid()


def fail(number: int) -> int:
    if number == 3:
        raise UsageError("style.toml: unknown key 'colour'")
    return number


def test_helpers_warm_up_before_their_first_job() -> None:
    with helpers(warm_up) as pool:
        done = [job.result() for job in [pool.submit(warmth, number) for number in range(4)]]
    assert {state for state, _ in done} == {"warm"}
    assert os.getpid() not in {pid for _, pid in done}
    assert WARM not in os.environ


def test_a_warm_up_that_fails_leaves_the_jobs_to_run_and_report() -> None:
    with helpers(lambda: fail(3)) as pool:
        assert [pool.submit(fail, 1).result(), pool.submit(fail, 2).result()] == [1, 2]
        with pytest.raises(UsageError, match="unknown key 'colour'"):
            pool.submit(fail, 3).result()


CALLER = """
import os, signal, sys
from concurrent.futures import wait
from ccpkit.pool import helpers
def pid():
    return os.getpid()
with helpers() as pool:
    done = [pool.submit(pid) for _ in range(8)]
    wait(done)
    print(" ".join(sorted({str(job.result()) for job in done})), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)  # no chance to shut the pool down
"""


def test_helpers_end_by_themselves_when_their_parent_is_killed() -> None:
    # The helpers share the caller's stdout: the run returns only once every helper has ended.
    ended = subprocess.run([sys.executable, "-c", CALLER], capture_output=True, text=True, timeout=60)
    assert ended.returncode == -signal.SIGKILL
    assert ended.stdout.split()  # the helpers had started (and have ended, or the run would not return)


INTERRUPTED = """
import time
from ccpkit.pool import helpers
with helpers() as pool:
    running = pool.submit(time.sleep, 120)
    time.sleep(1)  # the job is under way on a helper
    raise KeyboardInterrupt
"""


def test_a_build_cut_short_ends_at_once_without_waiting_for_the_jobs_under_way() -> None:
    """Ctrl-C leaves the block: the helpers' jobs, pages being laid out, are not waited for at exit."""
    start = time.monotonic()
    ended = subprocess.run([sys.executable, "-c", INTERRUPTED], capture_output=True, text=True, timeout=100)
    assert "KeyboardInterrupt" in ended.stderr and time.monotonic() - start < 30


FORKS: list[int] = []
os.register_at_fork(after_in_parent=lambda: FORKS.append(os.getpid()))


def test_nothing_is_started_without_a_job() -> None:
    before = len(FORKS)
    with helpers(warm_up):
        pass
    assert len(FORKS) == before
