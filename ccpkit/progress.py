"""What a running build tells the person waiting: a status line that moves on a terminal.

The build says which step it starts and when each target (a module parsed, a format's part) is
done; ``Progress`` ignores it all (tests, pipes), ``TerminalProgress`` draws one line and redraws it
in place.
"""

from __future__ import annotations

from typing import TextIO

_BAR = 20
"""Characters in the bar."""


class Progress:
    """A build's progress, heard and ignored."""

    def step(self, message: str) -> None:
        """A step without a count starts ("parsing notes")."""

    def planned(self, count: int) -> None:
        """``count`` more targets are to be made."""

    def done(self, name: str) -> None:
        """The target ``name`` (``pdf 02-compute``, ``pdf pdf/course.pdf``) is done."""

    def finish(self) -> None:
        """The build is over, whether it succeeded or not."""


class TerminalProgress(Progress):
    """One line, redrawn in place: ``building [########------------]  7/18  pdf/course.pdf``.

    It is erased when the build is over, so the report that follows starts on a clean line."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.total = self.count = 0

    def step(self, message: str) -> None:
        self._draw(f"{message} …")

    def planned(self, count: int) -> None:
        self.total += count
        self._draw(self._bar("building"))

    def done(self, name: str) -> None:
        self.count += 1
        self._draw(f"{self._bar('building')}  {name}")

    def finish(self) -> None:
        self._draw("")

    def _bar(self, label: str) -> str:
        filled = _BAR * self.count // max(self.total, 1)
        return f"{label} [{'#' * filled}{'-' * (_BAR - filled)}] {self.count:>2}/{self.total}"

    def _draw(self, line: str) -> None:
        import shutil  # with its archive modules: not for a quiet build

        width = shutil.get_terminal_size().columns - 1
        self.stream.write(f"\r\x1b[K{line[:width]}")
        self.stream.flush()
