"""Exports built once per test session: the tricky sample deck and a course-sized synthetic one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from ccpkit.errors import Problem
from ccpkit.export import ExportOptions
from ccpkit.export.formats import export
from ccpkit.export.pdf.fonts import register_fonts
from ccpkit.export.pdf.glyphs import Typesetter
from ccpkit.export.pdf.style import load_style
from ccpkit.model import Deck
from ccpkit.parse import parse_notes
from tests.conftest import REPO, sample_deck
from tests.export.pdf.synthetic import large_deck

TEMPLATES = REPO / "templates"


@dataclass(frozen=True)
class Built:
    """An export's files by path (``pdf/course.pdf`` …), its problems, and the deck it came from."""

    deck: Deck
    files: dict[str, bytes]
    problems: tuple[Problem, ...]


def build(deck: Deck, **options: object) -> Built:
    options.setdefault("templates", TEMPLATES)
    exported = export("pdf", deck, ExportOptions(**options))  # type: ignore[arg-type]
    return Built(deck, {str(o.path): o.data for o in exported.outputs}, exported.problems)


def built_from(tmp_path: Path, notes: str) -> Built:
    """The PDFs of one module, ``01-words``, whose one file holds ``notes``."""
    (tmp_path / "01-words").mkdir()
    (tmp_path / "01-words" / "cram-sheet.md").write_text(notes, encoding="utf-8")
    return build(parse_notes(tmp_path).deck)


@pytest.fixture
def setter() -> Typesetter:
    """The shipped style's typesetter, which routes each character to a font that has it."""
    return Typesetter(register_fonts(load_style(TEMPLATES)))


@pytest.fixture(scope="session")
def sample() -> Built:
    return build(sample_deck())


@pytest.fixture(scope="session")
def large() -> Built:
    return build(large_deck())


@pytest.fixture
def templates_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped templates, for tests that restyle."""
    target = tmp_path / "templates" / "pdf"
    target.mkdir(parents=True)
    (target / "style.toml").write_text((TEMPLATES / "pdf" / "style.toml").read_text("utf-8"), "utf-8")
    return tmp_path / "templates"
