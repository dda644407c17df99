"""Property test of the whole way from notes to Anki fields: whatever hostile text a card, a table or
a question holds, every field of every note holds only tags ccpkit writes, never one from the notes."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ccpkit.export.anki_notes import anki_notes
from ccpkit.parse import parse_notes
from tests.hardening.test_markup_properties import HOSTILE

SAFE = st.lists(
    st.sampled_from([h for h in HOSTILE if "\n" not in h and "|" not in h]), min_size=1, max_size=6
)
CELL = SAFE.map(lambda parts: "".join(parts).replace("\r", " ").replace("\0", " "))
WORD = st.sampled_from(["EC2", "S3", "IAM", "VPC"])

TAGS = "p|strong|em|code|pre|a|ul|ol|li|br|s|blockquote|table|caption|thead|tbody|tr|th|td|dl|dt|dd|span"
OURS = re.compile(rf'</?(?:{TAGS})(?: (?:href|title|start|class|data-label)="[^"<>]*")*\s*/?>')
"""Every tag the Anki fields may hold: the renderer's, and the ones the note types build around them."""


@st.composite
def hostile_notes(draw: st.DrawFn) -> str:
    term, back, cell, stem, option = (draw(CELL) for _ in range(5))
    return (
        f"# Part {draw(CELL)}\n\n## Section {draw(CELL)}\n\n"
        f"- **{draw(WORD)} {term}:** {back}\n\n"
        f"**Table {draw(CELL)}**\n\n| Name | Value |\n|---|---|\n| {draw(WORD)} {cell} | {draw(CELL)} |\n\n"
        f"### Question 1\n\nWhich {stem}?\n\n- A) {option}\n- B) {draw(CELL)}\n\n**Answer:** A\n\n"
        f"**Explanation:** {draw(CELL)}\n"
    )


@settings(max_examples=150, deadline=None)
@given(hostile_notes())
def test_every_anki_field_holds_only_our_tags(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "01-a").mkdir()
        (Path(folder) / "01-a" / "notes.md").write_text(text, encoding="utf-8")
        deck = parse_notes(Path(folder)).deck
    for note in anki_notes(deck):
        for field in note.fields:
            assert "<" not in OURS.sub("", field), (note.id, field)
