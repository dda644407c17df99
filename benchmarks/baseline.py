"""Baseline: only the library work a build cannot avoid, on the same content as the real build.

Reads the deck dump (``ccpkit dump --json``) for the texts, then: markdown-it-py parses every notes
file, genanki writes one note per item, and reportlab lays out the documents a build prints: each
module's cards and tables, the whole course's cards and tables once more, and every question with its
options and explanation. No ids, no ledger, no templates, no checks: the floor to compare with.
"""

from __future__ import annotations

import io
import json
import sys
import tempfile
from html import escape
from pathlib import Path
from typing import Any

import genanki
from markdown_it import MarkdownIt
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table


def parse_notes(notes: Path) -> int:
    md = MarkdownIt("commonmark").enable("table")
    return sum(len(md.parse(path.read_text(encoding="utf-8"))) for path in sorted(notes.rglob("*.md")))


def write_deck(dump: dict[str, list[dict[str, object]]]) -> int:
    model = genanki.Model(
        1607392319,
        "Baseline",
        fields=[{"name": "Front"}, {"name": "Back"}],
        templates=[{"name": "Card", "qfmt": "{{Front}}", "afmt": "{{Back}}"}],
    )
    deck = genanki.Deck(2059400110, "Baseline")
    texts = [(c["front"], c["back"]) for c in dump["cards"]]
    texts += [(q["stem"], q["explanation"]) for q in dump["mcqs"]]
    texts += [(t["title"], json.dumps(t["rows"])) for t in dump["tables"]]
    for front, back in texts:
        deck.add_note(genanki.Note(model=model, fields=[escape(str(front)), escape(str(back))]))
    with tempfile.TemporaryDirectory() as folder:
        genanki.Package(deck).write_to_file(Path(folder) / "baseline.apkg", timestamp=0)
    return len(texts)


def lay_out(dump: dict[str, list[dict[str, Any]]]) -> int:
    """Module sheets, the course sheet and the exam: the same paragraphs and tables a build lays out."""
    modules = sorted({item["module"] for kind in ("cards", "tables") for item in dump[kind]})
    size = sum(_document(_cram_story(dump, {module})) for module in modules)
    size += _document(_cram_story(dump, set(modules)))
    exam = [
        text
        for q in dump["mcqs"]
        for text in (q["stem"], *(o["text"] for o in q["options"]), q["explanation"])
    ]
    return size + _document([Paragraph(escape(str(text)), STYLE) for text in exam])


STYLE = getSampleStyleSheet()["BodyText"]


def _cram_story(dump: dict[str, list[dict[str, Any]]], modules: set[str]) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(escape(f"{c['front']} — {c['back']}"), STYLE)
        for c in dump["cards"]
        if c["module"] in modules
    ]
    for table in (t for t in dump["tables"] if t["module"] in modules):
        rows = [table["columns"], *table["rows"]]
        story.append(Table([[Paragraph(escape(str(cell)), STYLE) for cell in row] for row in rows]))
    return story


def _document(story: list[Flowable]) -> int:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=landscape(A4)).build(story)
    return len(buffer.getvalue())


def main() -> None:
    notes, dump_file = Path(sys.argv[1]), Path(sys.argv[2])
    dump = json.loads(dump_file.read_text(encoding="utf-8"))
    parse_notes(notes)
    write_deck(dump)
    lay_out(dump)


if __name__ == "__main__":
    main()
