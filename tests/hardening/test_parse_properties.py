"""Property tests of the parser: arbitrary text never raises, and ids are unique and survive
whitespace-only edits (so re-saving a file in another editor never orphans a student's notes)."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ccpkit.parse import Parsed, parse_notes

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789 -()/&.,'", min_size=1, max_size=24)
KEY = WORD.filter(lambda text: any(char.isalnum() for char in text)).map(str.strip)


@st.composite
def card(draw: st.DrawFn) -> str:
    return f"- **{draw(KEY)}:** {draw(WORD)}"


@st.composite
def table(draw: st.DrawFn) -> str:
    width = draw(st.integers(2, 4))
    rows = draw(st.lists(st.lists(KEY, min_size=width, max_size=width), min_size=1, max_size=4))
    lines = ["| " + " | ".join(f"Column {n}" for n in range(width)) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return f"**{draw(KEY)}**\n\n" + "\n".join(lines)


@st.composite
def question(draw: st.DrawFn) -> str:
    options = draw(st.lists(KEY, min_size=2, max_size=4))
    letters = "ABCD"[: len(options)]
    lines = [f"- {letter}) {text}" for letter, text in zip(letters, options, strict=True)]
    return f"{draw(KEY)}?\n\n" + "\n".join(lines) + f"\n\n**Answer:** {draw(st.sampled_from(letters))}"


@st.composite
def notes_file(draw: st.DrawFn) -> list[str]:
    """Blocks of one file: cards, tables and questions, each under its own heading."""
    blocks = draw(st.lists(st.one_of(card(), table(), question()), min_size=1, max_size=8))
    return ["# Cram Sheet", *(f"## Section {n}\n\n{block}" for n, block in enumerate(blocks))]


def parse_file(text: str) -> Parsed:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "01-a").mkdir()
        (Path(folder) / "01-a" / "notes.md").write_bytes(text.encode("utf-8", "surrogatepass"))
        return parse_notes(Path(folder))


def ids(parsed: Parsed) -> list[str]:
    return [item.id for module in parsed.deck.modules for item in module.items]


WHITESPACE_EDITS: dict[str, Callable[[list[str]], str]] = {
    "trailing spaces": lambda blocks: "\n\n".join(blocks).replace("\n", " \n") + "\n",
    "CRLF": lambda blocks: "\r\n\r\n".join(blocks).replace("\n", "\r\n"),
    "extra blank lines": lambda blocks: "\n\n\n\n".join(blocks) + "\n\n\n",
    "tabs after markers": lambda blocks: "\n\n".join(blocks).replace("- ", "-\t").replace("** ", "**\t"),
}


@settings(max_examples=150, deadline=None)
@given(notes_file())
def test_ids_are_unique_and_survive_whitespace_only_edits(blocks: list[str]) -> None:
    original = parse_file("\n\n".join(blocks) + "\n")
    assert len(set(ids(original))) == len(ids(original))
    for edit in WHITESPACE_EDITS.values():
        assert ids(parse_file(edit(blocks))) == ids(original)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_at_all_gives_items_and_problems_never_an_exception(text: str) -> None:
    parsed = parse_file(text)
    lines = len(re.split(r"\r\n|\r|\n", text))  # a lone CR ends a line too, as in editors
    for problem in parsed.problems:
        assert problem.location.path == "01-a/notes.md"
        assert 1 <= problem.location.line <= lines
        assert problem.message
