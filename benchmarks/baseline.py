"""Baseline: only the library work a build cannot avoid, on the same content as the real build.

Reads the deck dump (``ccpkit dump --json``) for the texts, then: markdown-it-py parses every notes
file, genanki writes one note per item, and reportlab lays out the paragraphs and tables the PDFs
print, set as they print them: each card as "**term** — definition" in DejaVu Sans Condensed at the
body size, in the column widths of the page they go on. That is every module's sheet (three columns,
landscape), every module's pages of the course (two columns, portrait) and every question with its
options and explanation (one column). No ids, no ledger, no templates, no headings, boxes, headers or
page numbers, no checks: the floor to compare with.
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
from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table

FONTS = Path(__file__).resolve().parent.parent / "ccpkit" / "fonts"
MARGIN, GUTTER = 8 * mm, 4.5 * mm
"""templates/pdf/style.toml: margins and the space between columns."""


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


def body_style() -> ParagraphStyle:
    """The cram sheets' body text (templates/pdf/style.toml ``[text]``), bold from the same family."""
    pdfmetrics.registerFont(TTFont("Body", str(FONTS / "DejaVuSansCondensed.ttf")))
    pdfmetrics.registerFont(TTFont("Body-Bold", str(FONTS / "DejaVuSansCondensed-Bold.ttf")))
    pdfmetrics.registerFontFamily(
        "Body", normal="Body", bold="Body-Bold", italic="Body", boldItalic="Body-Bold"
    )
    return ParagraphStyle("body", fontName="Body", fontSize=7.2, leading=8.6)


def lay_out(dump: dict[str, list[dict[str, Any]]], style: ParagraphStyle) -> int:
    """Module sheets, the course's module pages and the exam: the paragraphs and tables a build sets."""
    modules = sorted({item["module"] for kind in ("cards", "tables") for item in dump[kind]})
    size = sum(_document(_cram_story(dump, module, style), landscape(A4), 3) for module in modules)
    size += sum(_document(_cram_story(dump, module, style), portrait(A4), 2) for module in modules)
    exam = [
        Paragraph(escape(str(text)), style)
        for q in dump["mcqs"]
        for text in (q["stem"], *(o["text"] for o in q["options"]), q["explanation"])
    ]
    return size + _document(exam, portrait(A4), 1)


def _cram_story(dump: dict[str, list[dict[str, Any]]], module: str, style: ParagraphStyle) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(f"<b>{escape(str(c['front']))}</b> — {escape(str(c['back']))}", style)
        for c in dump["cards"]
        if c["module"] == module
    ]
    for table in (t for t in dump["tables"] if t["module"] == module):
        rows = [table["columns"], *table["rows"]]
        story.append(Table([[Paragraph(escape(str(cell)), style) for cell in row] for row in rows]))
    return story


def _document(story: list[Flowable], size: tuple[float, float], columns: int) -> int:
    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN)
    width = (doc.width - GUTTER * (columns - 1)) / columns
    frames = [
        Frame(doc.leftMargin + i * (width + GUTTER), doc.bottomMargin, width, doc.height)
        for i in range(columns)
    ]
    doc.addPageTemplates([PageTemplate(frames=frames)])
    doc.build(story)
    return len(buffer.getvalue())


def main() -> None:
    notes, dump_file = Path(sys.argv[1]), Path(sys.argv[2])
    dump = json.loads(dump_file.read_text(encoding="utf-8"))
    parse_notes(notes)
    write_deck(dump)
    lay_out(dump, body_style())


if __name__ == "__main__":
    main()
