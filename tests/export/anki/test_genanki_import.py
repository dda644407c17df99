"""genanki is loaded without asyncio, which its ``cached_property`` package would import for nothing.

Each check runs in a fresh interpreter: this test process may have imported genanki already. That the
decks genanki writes this way are unchanged is the golden files' check (they are built by a fresh
``ccpkit`` process)."""

from __future__ import annotations

import subprocess
import sys


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


def test_the_anki_format_starts_without_asyncio() -> None:
    code = "import sys, ccpkit.export.anki; print(sorted({'asyncio', 'ssl'} & sys.modules.keys()))"
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
