"""The status line a build draws on a terminal: a step, then a bar that fills as units finish."""

from __future__ import annotations

import io
import os

import pytest

from ccpkit.progress import TerminalProgress


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> io.StringIO:
    monkeypatch.setattr("shutil.get_terminal_size", lambda: os.terminal_size((60, 24)))
    return io.StringIO()


def lines(stream: io.StringIO) -> list[str]:
    """What the terminal showed, one redraw at a time."""
    return [line.removeprefix("\x1b[K") for line in stream.getvalue().split("\r")[1:]]


def test_a_step_then_a_bar_that_fills_target_by_target(terminal: io.StringIO) -> None:
    progress = TerminalProgress(terminal)
    progress.step("parsing notes")
    progress.planned(3)
    progress.done("pdf pdf/course.pdf")
    progress.planned(1)
    progress.done("anki 02-compute")
    assert lines(terminal) == [
        "parsing notes …",
        "building [--------------------]  0/3",
        "building [######--------------]  1/3  pdf pdf/course.pdf",
        "building [#####---------------]  1/4",
        "building [##########----------]  2/4  anki 02-compute",
    ]


def test_the_line_never_wraps_and_is_erased_at_the_end(terminal: io.StringIO) -> None:
    progress = TerminalProgress(terminal)
    progress.planned(1)
    progress.done("pdf 10-monitoring-compliance-and-governance-in-the-aws-cloud")
    progress.finish()
    *drawn, last = lines(terminal)
    assert all(len(line) <= 59 for line in drawn)
    assert last == ""
