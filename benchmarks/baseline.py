"""Baseline: only the library work a build cannot avoid, on the same content as the real build.

Reads the deck dump (``ccpkit dump --json``) for the texts, then: markdown-it-py parses every notes
file, genanki writes one note per item, reportlab lays out one paragraph per card and question and
one table per comparison table. No ids, no ledger, no templates, no checks: the floor to compare with.
"""

from __future__ import annotations

import io
import json
import sys
import tempfile
from html import escape
from pathlib import Path

import genanki
from markdown_it import MarkdownIt
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table


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


def lay_out(dump: dict[str, list[dict[str, object]]]) -> int:
    style = getSampleStyleSheet()["BodyText"]
    story: list[object] = [Paragraph(escape(f"{c['front']} — {c['back']}"), style) for c in dump["cards"]]
    story += [Paragraph(escape(str(q["stem"])), style) for q in dump["mcqs"]]
    for table in dump["tables"]:
        rows = [table["columns"], *table["rows"]]  # type: ignore[list-item]
        story.append(Table([[Paragraph(escape(str(cell)), style) for cell in row] for row in rows]))
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
