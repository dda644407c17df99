"""The practice exam: numbered questions, each kept on one page, then an answer key on a new page.
A question's pictures print under its stem and options, an explanation's under it in the key; a table
in a stem or an explanation prints as a grid, as on the cram sheets."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, NextPageTemplate, Table, TableStyle

from ccpkit.export.pdf import module_label
from ccpkit.export.pdf.exam_questions import Question
from ccpkit.export.pdf.flowables import Blocks
from ccpkit.export.pdf.glyphs import Typesetter
from ccpkit.export.pdf.layout import template_id
from ccpkit.export.pdf.paging import Heading, RectoBreak
from ccpkit.export.pdf.paragraph import Paragraph
from ccpkit.export.pdf.pictures import IN_CELL
from ccpkit.export.pdf.typography import Typography
from ccpkit.markup import Grid, split_tables
from ccpkit.model import Deck
from ccpkit.regex import regex
from ccpkit.report import counted

_COUNT_WORDS = {2: "TWO", 3: "THREE", 4: "FOUR", 5: "FIVE"}
_SAYS_HOW_MANY = regex(r"(?i)\b(?:choose|select|pick|mark)\s+(?:any\s+)?(?:two|three|four|five|\d+|all)\b")
"""A stem's own instruction (``(Select TWO)``, ``Choose 2``, ``Mark all that apply``): a second would
say it twice."""


def choose_note(question: Question) -> str:
    """``(Choose TWO.)`` for a multi-answer question whose stem does not say so already."""
    count = len(question.answers)
    if count < 2 or _SAYS_HOW_MANY.search(question.mcq.stem):
        return ""
    return f" (Choose {_COUNT_WORDS.get(count, str(count))}.)"


def exam_story(
    deck: Deck,
    questions: Sequence[Question],
    ty: Typography,
    setter: Typesetter,
    *,
    blocks: Blocks,
    key_blocks: Blocks,
    seed: int,
) -> list[Flowable]:
    """Cover lines, the questions, a page break, then the answer grid and the explanations.
    ``blocks`` make what fits a column of questions, ``key_blocks`` a column of the answer key."""
    labels = {module.slug: _unbroken_number(module_label(module)) for module in deck.modules}
    intro = (
        f"Seed {seed}: the same seed gives the same questions in the same order. Choose the best answer; "
        "questions marked (Choose TWO.) have several. The answer key starts on a right-hand page at the end, "
        "so it can be torn off."
    )
    story: list[Flowable] = [
        _band(
            f"Practice exam · {counted(len(questions), 'question')}",
            ty,
            setter,
            bookmark="Practice exam",
            key="questions",
            label="Questions",
        ),
        Paragraph(setter.plain(intro), ty.body),
    ]
    story += [_question(question, ty, setter, labels, blocks) for question in questions]
    if not questions:  # no key to tear off: one page says so
        return [*story, Paragraph(setter.plain("The notes hold no practice questions yet."), ty.question)]
    # The key starts on a right-hand page: printed duplex, it can still be torn off whole.
    story += [NextPageTemplate(template_id(ty.style.exam.key_columns)), RectoBreak()]
    return story + _answer_key(questions, ty, setter, key_blocks, seed=seed)


def _band(text: str, ty: Typography, setter: Typesetter, *, bookmark: str, key: str, label: str) -> Heading:
    """A part of the exam: a bold band that is also a bookmark and sets the running-header label."""
    band = Paragraph(f"<b>{setter.plain(text)}</b>", ty.band)
    return Heading(band, title=bookmark, key=key, level=0, label=setter.plain(label))


def _unbroken_number(label: str) -> str:
    """``Module 12 · Migrating …`` with no line break before its title: a break inside ``· Module
    12 ·`` would leave the number on another line than the word it counts."""
    number, dot, title = label.partition(" \u00b7 ")
    unbroken = number.replace(" ", "\u00a0")
    return f"{unbroken}\u00a0\u00b7 {title}" if dot else label


def _question(
    question: Question, ty: Typography, setter: Typesetter, labels: dict[str, str], blocks: Blocks
) -> Flowable:
    mcq, source = question.mcq, question.mcq.source
    tag = setter.plain(labels.get(mcq.module, mcq.module))
    after = setter.plain(choose_note(question)) + (
        f'\u00a0<font size="{ty.tag.fontSize}" color="{ty.style.colours.muted}">·\u00a0{tag}</font>'
    )
    parts = _with_grids(
        mcq.stem,
        blocks,
        question=question,
        before=f"<b>{question.number}.</b> ",
        after=after,
        styles=(ty.question, ty.stem),
        gap=ty.option.fontSize * 0.4,
    )
    mark = "☐" if len(question.answers) > 1 else "○"
    for option in question.options:
        line = setter.plain(f"{mark} {option.label}. ") + setter.markdown(option.text, source)
        parts.append(Paragraph(line, ty.option))
        parts += blocks.pictures.shown(option.text, tallest=IN_CELL, indent=ty.option.leftIndent)
    return KeepTogether(parts)


def _with_grids(
    markdown: str,
    blocks: Blocks,
    *,
    question: Question,
    before: str,
    after: str,
    styles: tuple[ParagraphStyle, ParagraphStyle],
    gap: float,
) -> list[Flowable]:
    """A stem's or an explanation's text as paragraphs (``before`` the first, ``after`` the last, in
    ``styles[0]`` the first and ``styles[1]`` the rest), each with its pictures ``gap`` below it, and
    each table in it as a grid (as a cram sheet draws one), not as lines of cells between bars."""
    source = question.mcq.source
    pieces = list(split_tables(markdown))
    if not pieces or isinstance(pieces[0], Grid):
        pieces.insert(0, "")  # the number opens the question even above a table
    if isinstance(pieces[-1], Grid):
        pieces.append("")  # what follows the last words follows the table
    last = len(pieces) - 1
    flowables: list[Flowable] = []
    for index, piece in enumerate(pieces):
        if isinstance(piece, Grid):
            flowables.append(blocks.grid(piece.columns, piece.rows, source))
            continue
        markup = blocks.setter.markdown(piece, source)
        markup = (before if index == 0 else "") + markup + (after if index == last else "")
        flowables.append(Paragraph(markup, styles[0] if index == 0 else styles[1]))
        flowables += blocks.pictures.shown(piece, after=gap)
    return flowables


def _answer_key(
    questions: Sequence[Question],
    ty: Typography,
    setter: Typesetter,
    blocks: Blocks,
    *,
    seed: int,
) -> list[Flowable]:
    story: list[Flowable] = [
        _band(
            f"Answer key · seed {seed}",
            ty,
            setter,
            bookmark="Answer key",
            key="answer-key",
            label="Answer key",
        )
    ]
    story.append(_grid(questions, ty, setter))
    story += [KeepTogether(_explanation(question, ty, blocks)) for question in questions]
    return story


def _grid(questions: Sequence[Question], ty: Typography, setter: Typesetter) -> Table:
    """Compact answers, ``12 B`` per cell, row by row, for marking at a glance."""
    per_row = ty.style.exam.grid_columns
    cells: list[Flowable | str] = [
        Paragraph(f"<b>{q.number}</b> {setter.plain(', '.join(q.answers))}", ty.key) for q in questions
    ]
    rows = [cells[start : start + per_row] for start in range(0, len(cells), per_row)]
    rows[-1] += [""] * (per_row - len(rows[-1]))
    grid = Table(rows, hAlign="LEFT", repeatRows=0)
    grid.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), ty.fonts.body, ty.style.exam.key_size),
                ("GRID", (0, 0), (-1, -1), ty.style.tables.border_pt / 2, ty.palette.grid),
                ("ROWBACKGROUNDS", (0, 0), (-1, -1), [None, ty.palette.zebra]),
                ("TOPPADDING", (0, 0), (-1, -1), ty.style.tables.padding_pt * 0.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), ty.style.tables.padding_pt * 0.5),
            ]
        )
    )
    grid.spaceAfter = ty.style.exam.key_size
    return grid


def _explanation(question: Question, ty: Typography, blocks: Blocks) -> list[Flowable]:
    """The right option(s), the explanation (its tables as grids, its pictures under its words), and
    where the question is in the notes."""
    mcq, source, setter = question.mcq, question.mcq.source, blocks.setter
    right = " · ".join(
        f"<b>{option.label}</b> {setter.markdown(option.text, source)}"
        for option in question.options
        if option.correct
    )
    text = f"<b>{question.number}.</b> {right}" + (" — " if mcq.explanation.strip() else "")
    # Only a word longer than a line is broken (code, a web address): a path moves to the next line
    # whole, and one too long for any line breaks after its folder.
    where = setter.plain(str(source))
    if stringWidth(f"({source})", ty.key.fontName, ty.key.fontSize) > blocks.width:
        folder, name = str(source).rsplit("/", 1)
        where = f"{setter.plain(folder)}/<br/>{setter.plain(name)}"
    where = f' <font color="{ty.style.colours.muted}">({where})</font>'
    return _with_grids(
        mcq.explanation,
        blocks,
        question=question,
        before=text,
        after=where,
        styles=(ty.key, ty.key),
        gap=ty.key.fontSize,
    )
