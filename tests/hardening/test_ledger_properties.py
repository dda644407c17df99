"""Property test of ledger loading: any file at all gives a ledger or one ``LedgerError``, never
another exception (a damaged ledger must stop the build with a message, not a traceback)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ccpkit.ledger import LedgerError, load_ledger

SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
)
ENTRY = st.fixed_dictionaries(
    {
        "guid": SCALARS,
        "type": SCALARS,
        "key": SCALARS,
        "answer": SCALARS,
        "modified": SCALARS,
    },
    optional=dict.fromkeys(("study", "meta", "home", "deck", "orphaned", "content"), SCALARS),
)
LEDGERISH = st.fixed_dictionaries(
    {
        "version": st.sampled_from([1, 1.0, "1", True, 2]),
        "notes": st.dictionaries(st.text(max_size=6), ENTRY | JSON, max_size=3),
    },
    optional={"templates": JSON | st.fixed_dictionaries({"hash": SCALARS, "modified": SCALARS})},
)


LINE = st.fixed_dictionaries(
    {"id": SCALARS, "guid": SCALARS, "note_type": SCALARS, "key": SCALARS, "modified": SCALARS},
    optional={"answer": SCALARS, "content": SCALARS, "templates": SCALARS},
)
LINES = st.lists(LINE | JSON, max_size=4)
"""Format 2: the header line, then any JSON objects (or other values) one per line."""


def load(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ledger.json"
        path.write_bytes(data)
        try:
            load_ledger(path)
        except LedgerError as error:
            assert str(error).startswith(f"{path}: ")


@settings(max_examples=400, deadline=None)
@given(LEDGERISH | JSON)
def test_any_json_loads_or_is_refused_with_a_ledger_error(value: Any) -> None:
    load(json.dumps(value).encode())


@settings(max_examples=400, deadline=None)
@given(LINES, st.booleans())
def test_any_json_lines_load_or_are_refused_with_a_ledger_error(lines: list[Any], header: bool) -> None:
    text = "".join(json.dumps(line) + "\n" for line in ([{"ccpkit ledger": 2}] if header else []) + lines)
    load(text.encode())


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_load_or_are_refused_with_a_ledger_error(data: bytes) -> None:
    load(data)
