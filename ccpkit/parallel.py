"""Sharing a build's work between this process and helper processes, one per core.

A build starts its helpers before it knows their work, with a ``warm_up`` (importing reportlab,
loading fonts) that runs on the other cores while this process parses and plans. ``map`` then hands
them a list of jobs (an importable function and picklable arguments) and returns at once; this
process takes jobs from the same list when it has done its own work and asks for the results. Jobs
are claimed one at a time from a shared counter, so the cores finish close together. Where ``fork``
is missing, every job runs here.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import queue
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar

A = TypeVar("A")
T = TypeVar("T")

_POLL_SECONDS = 1.0
"""How often a wait for helpers checks that they are still alive."""
_NONE_LEFT = sys.maxsize
"""What claiming a job of a ``map`` that is over gives: an index past any list."""


class Pending(Generic[T]):
    """Jobs handed out by ``Workers.map``; ``results()`` does this process's share and waits for the
    helpers', telling ``each_done`` the index of every job as it finishes; it gives the results in
    order, or raises a job's error."""

    def __init__(self, results: Callable[[Callable[[int], object]], list[T]]) -> None:
        self._results = results
        self._done: list[T] | None = None

    def results(self, each_done: Callable[[int], object] = lambda _index: None) -> list[T]:
        if self._done is None:
            self._done = self._results(each_done)
        return self._done


class Workers:
    """Helper processes (default: one per core), started on the first ``map`` that needs them, or at
    once when there is a ``warm_up`` for each of them to run first."""

    def __init__(self, *, helpers: int | None = None, warm_up: Callable[[], object] | None = None) -> None:
        self.helpers = (os.cpu_count() or 1) if helpers is None else helpers
        self._warm_up = warm_up
        self._context = multiprocessing.get_context("fork") if _can_fork() else None
        self._processes: list[BaseProcess] = []
        self._inboxes: list[Any] = []
        """One queue of job lists per helper: handing work over never waits for a busy helper."""
        self._counter: Any = None
        """Shared ``[generation, next job]``: a helper claims jobs of the current ``map`` only."""
        self._results: Any = None
        if warm_up is not None:
            self._start()

    def map(self, function: Callable[[A], T], arguments: Sequence[A], *, here: bool = True) -> Pending[T]:
        """Hand ``function(argument)`` for every argument to the helpers now; see ``Pending``.

        With ``here`` off this process takes no job: it has work of its own meanwhile, and the jobs
        need what the helpers' warm-up loaded, which it would have to load first."""
        jobs = list(arguments)
        if (here and len(jobs) < 2) or not self._start():
            return Pending(lambda each_done: _run_here(function, jobs, each_done))
        with self._counter.get_lock():
            self._counter[0] += 1
            self._counter[1] = 0
            generation = self._counter[0]
        message = pickle.dumps((generation, function, jobs), protocol=pickle.HIGHEST_PROTOCOL)  # fails here
        for inbox in self._inboxes:
            inbox.put(message)
        return Pending(lambda each_done: self._collect(generation, function, jobs, here, each_done))

    def stop(self) -> None:
        """Stop every helper, whatever it is doing (after an error, say)."""
        for process in self._processes:
            process.terminate()
        for process in self._processes:
            process.join()
        for inbox in self._inboxes:
            inbox.cancel_join_thread()  # a job list no helper will read must not hold up the exit
            inbox.close()
        self._processes, self._inboxes = [], []

    def _start(self) -> bool:
        """Start the helpers unless they run already; ``False`` when there can be none."""
        if self._processes:
            return True
        if self._context is None or self.helpers < 1:
            return False
        self._counter = self._context.Array("i", [0, 0])
        self._results = self._context.Queue()
        try:
            for _ in range(self.helpers):
                inbox = self._context.Queue()
                self._inboxes.append(inbox)
                serving = (inbox, self._counter, self._results, self._warm_up, os.getpid())
                process = self._context.Process(target=_serve, args=serving, daemon=True)
                process.start()
                self._processes.append(process)
        except BaseException:
            self.stop()
            raise
        return True

    def _collect(
        self,
        generation: int,
        function: Callable[[A], T],
        jobs: list[A],
        here: bool,
        each_done: Callable[[int], object],
    ) -> list[T]:
        done: dict[int, T] = {}
        try:
            while here and (index := _claim(self._counter, generation)) < len(jobs):
                done[index] = function(jobs[index])
                each_done(index)
            while len(done) < len(jobs):
                result_generation, index, failed, value = self._next_result()
                if result_generation != generation:
                    continue  # the rest of a map that failed earlier
                if failed:
                    raise value
                done[index] = value
                each_done(index)
        except BaseException:
            with self._counter.get_lock():  # the helpers take no more of this map's jobs
                if self._counter[0] == generation:
                    self._counter[0] += 1
            raise
        return [done[index] for index in range(len(jobs))]

    def _next_result(self) -> tuple[int, int, bool, Any]:
        while True:
            with suppress(queue.Empty):
                result: tuple[int, int, bool, Any] = pickle.loads(self._results.get(timeout=_POLL_SECONDS))
                return result
            if not all(process.is_alive() for process in self._processes):
                raise RuntimeError("a helper process died before finishing its jobs")


def _run_here(function: Callable[[A], T], jobs: list[A], each_done: Callable[[int], object]) -> list[T]:
    done = []
    for index, job in enumerate(jobs):
        done.append(function(job))
        each_done(index)
    return done


def call(work: Callable[[], T]) -> T:
    """Run a job that is a callable taking nothing (a ``functools.partial``, say)."""
    return work()


@contextmanager
def workers(*, helpers: int | None = None, warm_up: Callable[[], object] | None = None) -> Iterator[Workers]:
    """``Workers`` that are stopped when the block is left, normally or not."""
    started = Workers(helpers=helpers, warm_up=warm_up)
    try:
        yield started
    finally:
        started.stop()


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _claim(counter: Any, generation: int) -> int:
    """The next unclaimed job of ``generation``; past the end once that ``map`` is over."""
    with counter.get_lock():
        if counter[0] != generation:
            return _NONE_LEFT
        index: int = counter[1]
        counter[1] += 1
        return index


def _serve(inbox: Any, counter: Any, results: Any, warm_up: Callable[[], object] | None, caller: int) -> None:
    """A helper's life: warm up, then take jobs from each list it is sent until none is left.

    Ctrl-C is the caller's to handle (it stops the helpers), so a helper ignores it. A helper whose
    caller is gone (killed, so it could not stop them) ends by itself, without waiting to hand over
    results nobody will read."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    results.cancel_join_thread()
    if warm_up is not None:
        with suppress(Exception):  # a failure here is met again, and reported, by the job itself
            warm_up()
    while os.getppid() == caller:
        try:
            generation, function, jobs = pickle.loads(inbox.get(timeout=_POLL_SECONDS))
        except queue.Empty:
            continue
        while (index := _claim(counter, generation)) < len(jobs):
            try:
                outcome = _pickled(generation, index, False, function(jobs[index]))
            except Exception as error:  # the caller raises it, as if the job had run there
                outcome = _pickled(generation, index, True, error)
            results.put(outcome)


def _pickled(generation: int, index: int, failed: bool, value: object) -> bytes:
    """A result, pickled here rather than in the queue's background thread, where a failure would be
    lost and the caller would wait for ever. What cannot be sent back whole (a result holding a lock,
    an exception whose arguments do not rebuild it) becomes an error that says what it was."""
    try:
        data = pickle.dumps((generation, index, failed, value), protocol=pickle.HIGHEST_PROTOCOL)
        pickle.loads(data)
    except Exception as error:
        shown = f"{type(value).__name__}: {value}" if failed else f"cannot be sent back: {error}"
        return pickle.dumps((generation, index, True, RuntimeError(f"job {index}: {shown}")))
    return data
