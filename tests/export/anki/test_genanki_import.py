"""genanki is loaded without asyncio or PyYAML, which it would import for what ccpkit never asks of it.

Each check runs in a fresh interpreter: this test process may have imported genanki already. That the
decks genanki writes this way are unchanged is the golden files' check (they are built by a fresh
``ccpkit`` process)."""

from __future__ import annotations

import subprocess
import sys


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


def test_the_anki_format_starts_without_asyncio_or_yaml() -> None:
    code = "import sys, ccpkit.export.anki; print(sorted({'asyncio', 'ssl', 'yaml'} & sys.modules.keys()))"
    assert _run(code).strip() == "[]"


def test_a_program_that_imports_cached_property_after_ccpkit_gets_the_real_package() -> None:
    code = "import ccpkit.export.anki, cached_property; print(cached_property.threaded_cached_property)"
    assert "threaded_cached_property" in _run(code)


def test_notes_made_by_genanki_work_as_with_its_own_cached_property() -> None:
    code = (
        "import ccpkit.export.anki, genanki; "
        "note = genanki.Note(model=genanki.BASIC_AND_REVERSED_CARD_MODEL, fields=['front', 'back']); "
        "print(len(note.cards), note.cards is note.cards)"
    )
    assert _run(code).strip() == "2 True"


def test_a_note_type_given_as_yaml_is_still_read() -> None:
    code = (
        "import ccpkit.export.anki, genanki; "
        "model = genanki.Model(1, 'M', fields='- name: Front', templates='- name: Card 1'); "
        "print(model.fields, model.templates)"
    )
    assert _run(code).strip() == "[{'name': 'Front'}] [{'name': 'Card 1'}]"
