"""Helper processes for a build's slow parts: a standard ``ProcessPoolExecutor``, one helper per core.

The pool starts with the first job given it: a build that gives none (a one-card edit) loads no
``multiprocessing`` and starts no process (some 40 ms). Helpers are forked where the system can (they
start in milliseconds, sharing what this process has imported). A small watchdog ends a helper whose
parent was killed (and so could not shut the pool down); Ctrl-C is the parent's to handle, so helpers
ignore it.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from functools import partial
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

T = TypeVar("T")

WATCH_SECONDS = 0.5
"""How often a helper checks that its parent is still there."""

_ENDING_SECONDS = 0.5
"""How long the pool's own thread has to see its helpers ended and fail their jobs (it may wait for
one ended as it sent its part: the command then ends without it)."""


class Helpers:
    """The helpers of one ``helpers`` block, started by the first job submitted."""

    def __init__(self, warm_up: Callable[[], object] | None) -> None:
        self._warm_up = warm_up
        self.pool: ProcessPoolExecutor | None = None

    @property
    def started(self) -> bool:
        return self.pool is not None

    def submit(self, work: Callable[..., T], /, *args: object) -> Future[T]:
        if self.pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            fork = "fork" in multiprocessing.get_all_start_methods()
            self.pool = ProcessPoolExecutor(
                os.cpu_count() or 1,
                mp_context=multiprocessing.get_context("fork") if fork else None,
                initializer=_begin,
                initargs=(os.getpid(), self._warm_up),
            )
        return self.pool.submit(work, *args)


@contextmanager
def helpers(warm_up: Callable[[], object] | None = None) -> Iterator[Helpers]:
    """Helpers that run ``warm_up`` first. Leaving the block normally waits for the jobs; leaving it
    on an error (Ctrl-C) cancels those not started and ends the helpers, whose jobs under way the
    interpreter would otherwise wait for as it exits."""
    started = Helpers(warm_up)
    try:
        yield started
    except BaseException:
        if started.pool is not None:
            _end_now(started.pool)
        raise
    if started.pool is not None:
        started.pool.shutdown()


def _end_now(pool: ProcessPoolExecutor) -> None:
    """The pool forgets its helpers and its queue of jobs as it shuts down: taken first, the helpers are
    ended here (the standard pool ends none by itself), and the jobs no helper will read are no longer
    waited for at exit (their feeder thread would wait on a pipe no one empties)."""
    under_way = list((pool._processes or {}).values())
    jobs = getattr(pool, "_call_queue", None)  # typeshed lists it not
    manager: threading.Thread | None = getattr(pool, "_executor_manager_thread", None)
    hook = threading.excepthook
    threading.excepthook = partial(_unless_cancelled, hook)
    try:
        pool.shutdown(wait=False, cancel_futures=True)
        for helper in under_way:
            helper.terminate()
        if jobs is not None:
            jobs.cancel_join_thread()
        if manager is not None:
            manager.join(_ENDING_SECONDS)
    finally:
        threading.excepthook = hook


def _unless_cancelled(
    hook: Callable[[threading.ExceptHookArgs], object], args: threading.ExceptHookArgs
) -> None:
    """``hook``, but for the pool's thread failing a job already cancelled as it sees its helpers
    ended (Python 3.11 tries to, and prints a traceback after the build's own message)."""
    from concurrent.futures import InvalidStateError

    if args.exc_type is not InvalidStateError:
        hook(args)


def _begin(parent: int, warm_up: Callable[[], object] | None) -> None:
    """A helper's start: ignore Ctrl-C, watch the parent, warm up. A warm-up failure is met again,
    and reported, by the job that needs what it loads."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch, args=(parent,), name="watchdog", daemon=True).start()
    if warm_up is not None:
        with suppress(Exception):
            warm_up()


def _watch(parent: int) -> None:
    """End this helper at once when its parent is gone (it is then adopted by another process)."""
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)
