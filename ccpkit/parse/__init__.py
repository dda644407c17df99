"""Markdown notes folder → the model (``Deck``), plus every problem found on the way."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ccpkit.errors import NotImplementedYetError, Problem
from ccpkit.model import Deck

DEFAULT_TITLE = "AWS Certified Cloud Practitioner"


@dataclass(frozen=True, slots=True)
class Parsed:
    """A deck of every item that parsed, and the problems (errors drop an item; warnings don't)."""

    deck: Deck
    problems: tuple[Problem, ...] = ()

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")


def parse_notes(notes: Path, *, title: str = DEFAULT_TITLE) -> Parsed:
    """Parse every Markdown file under ``notes`` into one deck."""
    raise NotImplementedYetError("check")
