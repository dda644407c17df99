"""genanki is loaded without asyncio or PyYAML, which it would import for what ccpkit never asks of it.

Each check runs in a fresh interpreter: this test process may have imported genanki already. That the
decks genanki writes this way are unchanged is the golden files' check (they are built by a fresh
``ccpkit`` process)."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


def test_the_anki_format_starts_without_asyncio_or_yaml() -> None:
    code = "import sys, ccpkit.export.anki; print(sorted({'asyncio', 'ssl', 'yaml'} & sys.modules.keys()))"
    assert _run(code).strip() == "[]"


def test_a_program_that_imports_cached_property_after_ccpkit_gets_the_real_package() -> None:
    code = "import ccpkit.export.anki, cached_property; print(cached_property.threaded_cached_property)"
    assert "threaded_cached_property" in _run(code)


@pytest.mark.parametrize(
    ("code", "printed"),
    [
        pytest.param(
            "note = genanki.Note(model=genanki.BASIC_AND_REVERSED_CARD_MODEL, fields=['front', 'back']); "
            "print(len(note.cards), note.cards is note.cards)",
            "2 True",
            id="notes, with functools.cached_property",
        ),
        pytest.param(
            "model = genanki.Model(1, 'M', fields='- name: Front', templates='- name: Card 1'); "
            "print(model.fields, model.templates)",
            "[{'name': 'Front'}] [{'name': 'Card 1'}]",
            id="a note type given as YAML, read by PyYAML",
        ),
    ],
)
def test_genanki_works_as_with_what_it_imports_itself(code: str, printed: str) -> None:
    assert _run(f"import ccpkit.export.anki, genanki; {code}").strip() == printed
