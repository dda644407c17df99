"""Run a sync that stops at one step, inside its transaction, until it is killed (by the test)."""

from __future__ import annotations

import sys
from pathlib import Path

from ccpkit.export import ExportOptions
from ccpkit.progress import Progress
from ccpkit.sync.locate import Located
from ccpkit.sync.run import sync
from tests.sync.course import Course


class PauseAt(Progress):
    def __init__(self, step: str) -> None:
        self.pause = step

    def step(self, message: str) -> None:
        if message == self.pause:
            print(f"paused at {message}", flush=True)
            sys.stdin.readline()  # never answered: the test kills this process here


def main() -> None:
    root, title, step = sys.argv[1:4]
    course = Course(Path(root))
    located = Located(course.collection, course.collection.parent / "backups")
    options = ExportOptions(templates=course.templates)
    sync(course.notes, course.out, located, options=options, title=title, progress=PauseAt(step))


if __name__ == "__main__":
    main()
