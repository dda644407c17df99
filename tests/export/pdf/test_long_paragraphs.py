"""A paragraph running over dozens of columns builds in time proportional to its length: reportlab broke
the rest of a paragraph into lines again at every column it filled (a 20,000-word term took 40 seconds,
a 1.3 MB one over 18 minutes). Run as a real process with a timeout, so a relapse fails the test
instead of stalling the suite."""

from __future__ import annotations

from pathlib import Path

from ccpkit.export.pdf.chunks import CHUNK_LINES, in_chunks
from ccpkit.export.pdf.paragraph import Paragraph
from tests.conftest import REPO
from tests.export.pdf.reading import reader
from tests.hardening.test_hangs import ccpkit

TERM_WORDS = 40_000
"""A term's definition the old layout took minutes over."""
ITEM_WORDS = 80_000
"""A plain list item's words, the same."""


def _words(count: int) -> str:
    return " ".join(f"word{n}" for n in range(count))


def test_a_term_or_item_of_tens_of_thousands_of_words_prints_whole(tmp_path: Path) -> None:
    for folder, line in (
        ("01-term", f"- **Huge:** {_words(TERM_WORDS)}"),
        ("02-item", f"- {_words(ITEM_WORDS)}"),
    ):
        (tmp_path / "notes" / folder).mkdir(parents=True)
        (tmp_path / "notes" / folder / "cram-sheet.md").write_text(f"# Cram Sheet\n\n{line}\n", "utf-8")
    templates = str(REPO / "templates")
    args = ("build", "--notes", "notes", "--out", "build", "--templates", templates, "--format", "pdf")

    built = ccpkit(*args, cwd=tmp_path)

    assert built.returncode == 0, built.stdout + built.stderr
    pdf = tmp_path / "build" / "pdf"
    for name, last in (("01-term", TERM_WORDS - 1), ("02-item", ITEM_WORDS - 1), ("course", ITEM_WORDS - 1)):
        pages = reader((pdf / f"{name}.pdf").read_bytes()).pages
        assert f"word{last}" in pages[-1].extract_text()


def test_pieces_of_a_long_paragraph_print_its_lines_as_it_would(tmp_path: Path) -> None:
    """Cut at its own line breaks: the same lines, the bullet on the first piece alone, no space
    between pieces, and what the paragraph kept with kept by its last piece."""
    from reportlab.lib.styles import ParagraphStyle

    style = ParagraphStyle("item", fontName="Helvetica", fontSize=7, leading=8.4, spaceAfter=3, leftIndent=9)
    markup = f"<b>Huge:</b> {_words(3000)}"
    whole = Paragraph(markup, style, bulletText="\u2022")
    whole.wrap(200, 1e6)
    paragraph = Paragraph(markup, style, bulletText="\u2022")
    paragraph.keepWithNext = 1

    pieces = in_chunks([paragraph], 200, {})

    assert len(pieces) == len(whole.blPara.lines) // CHUNK_LINES > 2
    lines = [_text(line) for piece in pieces for line in _laid(piece, 200)]
    assert lines == [_text(line) for line in whole.blPara.lines]
    assert [piece.bulletText for piece in pieces[:2]] == ["\u2022", None]
    assert [piece.getSpaceAfter() for piece in pieces[-2:]] == [0, 3]
    assert [piece.getKeepWithNext() for piece in pieces[-2:]] == [0, 1]


def _laid(paragraph: Paragraph, width: float) -> list[object]:
    paragraph.wrap(width, 1e6)
    return list(paragraph.blPara.lines)


def _text(line: object) -> str:
    return "".join(getattr(word, "text", "") for word in getattr(line, "words", [])).strip()
