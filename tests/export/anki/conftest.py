"""Fixtures for the Anki tests that look at cards in a browser."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from ccpkit.build import build
from ccpkit.export import ExportOptions
from tests.conftest import COURSE_TITLE, REPO
from tests.export.anki.browser import Sides, chromium
from tests.export.anki.student import Student

QUIZ = Path(__file__).parent / "fixtures" / "quiz"
PACKAGE = "anki/aws-certified-cloud-practitioner.apkg"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless chromium for the whole run; each test opens its own context (a fresh profile)."""
    with chromium() as engine:
        yield engine


@pytest.fixture(scope="session")
def quiz(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Sides]:
    """Each note of the quiz notes (questions, a wide table, a term) by its Id: built by ccpkit,
    imported into a fresh collection, rendered by the real Anki library."""
    folder = tmp_path_factory.mktemp("quiz")
    shutil.copytree(QUIZ, folder / "notes")
    options = ExportOptions(templates=REPO / "templates")
    build(folder / "notes", folder / "build", formats=("anki",), options=options, title=COURSE_TITLE)
    student = Student.with_fresh_collection(folder)
    try:
        student.import_package(folder / "build" / PACKAGE)
        sides = {}
        for note in student.notes():
            (card,) = note.cards()
            sides[note["Id"]] = Sides(card.question(), card.answer())
        return sides
    finally:
        student.close()
