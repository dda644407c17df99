"""Fenced divs and PyMdown blocks nested thousands deep are read in time growing with the file."""

from __future__ import annotations

import pytest

from ccpkit.markdown_defaults import MAX_NESTING
from ccpkit.parse.document import parse_document


@pytest.mark.parametrize(
    ("opening", "closing"), [(":::: tip Remember", "::::"), ("/// tip | Remember", "///")]
)
def test_callouts_nested_thousands_deep_keep_their_body_readable(opening: str, closing: str) -> None:
    # each div quoted its whole body once more: 5,000 nested took 29 s and text growing with their square
    many = 6_000
    text = f"{opening}\n" * many + "Tides repeat.\n" + f"{closing}\n" * many
    document = parse_document("m/notes.md", text)
    callouts = MAX_NESTING // 2  # the outer ones are callouts, those deeper in only layout
    assert document.lines[0] == "> [!tip] Remember"
    assert document.lines[many] == "> " * callouts + "Tides repeat."
    read = [node.content for node in document.nodes if node.type == "inline"]
    assert read.count("Tides repeat.") == 1
