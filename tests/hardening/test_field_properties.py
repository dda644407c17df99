"""Property tests of the whole way from notes to outputs: whatever hostile text a card, a table or a
question holds, every Anki field holds only tags ccpkit writes, and every exporter writes its files."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ccpkit.config import FORMATS
from ccpkit.export import ExportOptions
from ccpkit.export.anki.notes import anki_notes
from ccpkit.export.formats import export
from ccpkit.model import Deck
from ccpkit.parse import parse_notes
from tests.conftest import REPO
from tests.hardening.test_markup_properties import HOSTILE

SAFE = st.lists(
    st.sampled_from([h for h in HOSTILE if "\n" not in h and "|" not in h]), min_size=1, max_size=6
)
CELL = SAFE.map(lambda parts: "".join(parts).replace("\r", " ").replace("\0", " "))
WORD = st.sampled_from(["EC2", "S3", "IAM", "VPC"])

TAGS = "p|strong|em|code|pre|a|ul|ol|li|br|s|blockquote|table|caption|thead|tbody|tr|th|td|dl|dt|dd|span"
OURS = re.compile(
    rf'</?(?:{TAGS})(?: (?:href|title|start|class|data-label)="[^"<>]*"| data-fixed-order)*\s*/?>'
)
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


def parse_text(text: str) -> Deck:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "01-a").mkdir()
        (Path(folder) / "01-a" / "notes.md").write_text(text, encoding="utf-8")
        return parse_notes(Path(folder)).deck


@settings(max_examples=150, deadline=None)
@given(hostile_notes())
def test_every_anki_field_holds_only_our_tags(text: str) -> None:
    for note in anki_notes(parse_text(text)):
        for field in note.fields:
            assert "<" not in OURS.sub("", field), (note.id, field)


@settings(max_examples=25, deadline=None)
@given(hostile_notes())
def test_every_exporter_takes_any_hostile_deck(text: str) -> None:
    deck = parse_text(text)
    options = ExportOptions(templates=REPO / "templates")
    for name in FORMATS:
        exported = export(name, deck, options)
        assert exported.outputs and all(output.data for output in exported.outputs)
