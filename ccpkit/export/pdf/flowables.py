"""Study items as flowables: a card is one "**Term** — definition" paragraph, a table a boxed grid, a
cloze its sentence with the hidden parts in bold; each text's pictures follow it, a cell's in the cell."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from typing import assert_never

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from ccpkit.cloze_syntax import revealed
from ccpkit.export.pdf.glyphs import Typesetter
from ccpkit.export.pdf.paragraph import Paragraph
from ccpkit.export.pdf.pictures import IN_CELL, Pictures
from ccpkit.export.pdf.typography import Typography
from ccpkit.markup import Grid, split_tables, to_reportlab, to_text
from ccpkit.model import Card, Cloze, ComparisonTable, Passage, Picture, SourceLocation
from ccpkit.regex import regex
from ccpkit.text_direction import starts_right_to_left

_CELL_BULLET = regex(r"(?:^|\s+)[*\u2022](?=\s)")
"""A list flattened into a table cell (`` * a * b``, ``• a • b``): each item prints on a line of its own."""
_CODE_SPAN = regex(r"`[^`\n]+`")


def _flattened_items(text: str) -> list[str]:
    """A cell's text parted at the list markers flattened into it, none inside code (``SELECT * FROM``)."""
    pieces, start = [], 0
    for marker in _outside_code(_CELL_BULLET, _CODE_SPAN, text):
        pieces.append(text[start : marker.start()])
        start = marker.end()
    return [*pieces, text[start:]]


def _items(markup: str) -> list[str]:
    """``_NESTED_ITEM.split(markup)``, none inside code (a line of code may open as an item does: ``1.``)."""
    pieces, start = [], 0
    for item in _outside_code(_NESTED_ITEM, _CODE, markup):
        pieces += [markup[start : item.start()], item[1], item[2]]
        start = item.end()
    return [*pieces, markup[start:]]


def _outside_code(markers: re.Pattern[str], code: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """The ``markers`` found in ``text`` that start outside its ``code``."""
    spans = [found.span() for found in code.finditer(text)]
    return [found for found in markers.finditer(text) if not any(a <= found.start() < b for a, b in spans)]


_NESTED_ITEM = regex(r"(?:<br/>)+((?:&nbsp;){0,300})(\u2022|\d{1,9}[.)]) ")
"""A nested list item in a passage's markup (``markup.to_reportlab`` indents each level by three
spaces): a paragraph of its own, hanging from its marker under its parent's text."""
_CODE = regex(r'<font face="mono">.*?</font>', re.S)
"""Code in a passage's markup, before its characters are sent to fonts: none of its lines is an item."""
_LEVEL = len("&nbsp;") * 3
_INTRODUCES = regex(r":(?:</[a-z]+>)*\s*$")
"""An item's markup ending in a colon (``<b>Amazon Neptune:</b>``): it introduces the items after it."""
_TITLE_LIMIT = 300
"""Characters of a heading or term kept whole; beyond this a title is cut (a layout must never fail)."""
_FEWEST_ROWS = 2
"""Body rows a grid keeps on either side of a break between columns."""
_ROOMY = 1e6
"""A height no flowable reaches: measuring, not fitting."""


class Blocks:
    """Makes flowables for one column width; every text goes through the typesetter."""

    def __init__(
        self, ty: Typography, setter: Typesetter, width: float, pictures: Iterable[Picture] = ()
    ) -> None:
        self.ty, self.setter, self.width = ty, setter, width
        self.pictures = Pictures(pictures, ty.fonts.body)
        self._styles: dict[str, ParagraphStyle] = {}

    def card(self, card: Card) -> list[Flowable]:
        """ "**Term** — definition"; a table written in the definition follows as a grid."""
        pieces = list(split_tables(card.back))
        front = f"<b>{self.short(card.front, card.source)}</b>"
        first = pieces[0]
        if isinstance(first, Grid):
            head = [Paragraph(front, self.ty.body), *self._pictures(card.front)]
        else:
            del pieces[0]
            back = self.setter.markdown(first, card.source).replace("<br/><br/>", "<br/>")
            separator = "<br/>" if back.startswith("• ") else " — "
            head = [Paragraph(f"{front}{separator}{back}", self.ty.body)]
            head += _with_pictures(head[-1], self._pictures(f"{card.front}\n\n{first}"))
        return [*head, *self._text_and_grids(pieces, card)]

    def cloze(self, cloze: Cloze) -> list[Flowable]:
        """The sentence with its hidden parts in bold, then what the notes say under it."""
        text = revealed(cloze.text, mark="**")
        return self._text_and_grids(split_tables(f"{text}\n\n{cloze.extra}".strip()), cloze)

    def passage(self, passage: Passage, widest: str = "") -> list[Flowable]:
        """A paragraph, or a list item hanging from its marker (as far in as the ``widest`` marker of
        its list needs), as the notes wrote it, each nested item hanging one step further in; a table
        written in it follows as a grid. Cloze markers and highlights print as bold answers."""
        pieces = list(split_tables(revealed(passage.text, mark="**")))
        first, head = pieces[0], []
        if not isinstance(first, Grid):
            del pieces[0]
            sign, first = _boxed(passage.marker, first)
            text, *nested = (
                self.setter.route(piece, passage.source) if place % 3 == 0 else piece
                for place, piece in enumerate(_items(to_reportlab(first)))
            )
            marker = self.setter.plain(sign) if sign else None
            style = self._fitted(self.ty.item, widest or passage.marker) if marker else self.ty.body
            levels = [len(indent) // _LEVEL + 1 for indent in nested[::3]]
            items = list(zip(nested[2::3], levels, nested[1::3], strict=True))
            lines = [(text, 0, marker), *items]
            shifts = [  # per level: what its widest number needs beyond one digit
                max((self._wider(bullet) for _, at, bullet in items if at == level), default=0.0)
                for level in range(1, max(levels, default=0) + 1)
            ]
            for number, (words, level, bullet) in enumerate(lines, 1):
                shape = self._hanging(style, level, tuple(shifts[:level]), last=number == len(lines))
                paragraph = Paragraph(words, shape, bulletText=bullet)
                if number < len(lines) and _INTRODUCES.search(words):
                    paragraph.keepWithNext = 1  # `Amazon Neptune:` over the items it names
                head.append(paragraph)
            head += _with_pictures(head[-1], self._pictures(first))
        return [*head, *self._text_and_grids(pieces, passage)]

    def _fitted(self, item: ParagraphStyle, widest: str) -> ParagraphStyle:
        """``item`` with its text hung further in by what the ``widest`` number of its list needs
        beyond one digit: ``10.`` pushed its item's first line right of the lines under it."""
        wider = self._wider(widest)
        return (
            self._style(f"{item.name}+{wider:.2f}", item, leftIndent=item.leftIndent + wider)
            if wider
            else item
        )

    def _wider(self, marker: str) -> float:
        """How much wider a list item's ``marker`` (``12.``) is than a number of one digit (``1.``)."""
        if not marker[:-1].isdigit():
            return 0.0
        item = self.ty.item
        one = stringWidth(f"0{marker[-1]}", item.bulletFontName, item.bulletFontSize)
        return max(float(stringWidth(marker, item.bulletFontName, item.bulletFontSize) - one), 0.0)

    def _hanging(
        self, parent: ParagraphStyle, level: int, shifts: tuple[float, ...], *, last: bool
    ) -> ParagraphStyle:
        """``parent`` for an item ``level`` steps below it (its marker under the text one step up, each
        level's text further in by its ``shifts``: what its widest number needs), set off from the next
        as top-level items are, the ``last`` of a passage by the passage's own space; the passage's own
        first paragraph (level 0), when items hang below it, is kept with the first (no parent alone at
        a column's foot)."""
        if level == 0 and last:
            return parent
        step = self.ty.item.leftIndent
        bullet = (
            parent.leftIndent + sum(step + shift for shift in shifts[:-1]) if level else parent.bulletIndent
        )
        return self._style(
            f"{parent.name}-{level}{''.join(f'+{shift:.2f}' for shift in shifts)}{'-last' if last else ''}",
            self.ty.item if level else parent,
            bulletIndent=bullet,
            leftIndent=bullet + step + shifts[-1] if level else parent.leftIndent,
            spaceAfter=parent.spaceAfter if last else self.ty.item.spaceAfter,
            keepWithNext=0 if level else 1,
        )

    def _style(self, name: str, parent: ParagraphStyle, **changes: object) -> ParagraphStyle:
        """A style derived from ``parent``, made once per name (the name says every change)."""
        if name not in self._styles:
            self._styles[name] = ParagraphStyle(name, parent=parent, **changes)
        return self._styles[name]

    def _pictures(self, markdown: str) -> list[Flowable]:
        """The pictures a text shows, below it (its line keeps their alt text)."""
        return self.pictures.shown(markdown, after=self.ty.style.text.size * 0.4)

    def _text_and_grids(self, pieces: Sequence[str | Grid], entry: Card | Cloze | Passage) -> list[Flowable]:
        """Each piece of a text: a grid (its pictures in their cells), or a paragraph and its pictures."""
        flowables: list[Flowable] = []
        for piece in pieces:
            if isinstance(piece, Grid):
                flowables.append(self.grid(piece.columns, piece.rows, entry.source))
            else:
                flowables.append(Paragraph(self.setter.markdown(piece, entry.source), self.ty.body))
                flowables += self._pictures(piece)
        return flowables

    def links(self, entry: Passage | Card | Cloze | ComparisonTable) -> list[Flowable]:
        """A compact line per link (name — blurb); what is not a link table prints as usual."""
        match entry:
            case Passage():
                return self.passage(entry)
            case Card():
                return self.card(entry)
            case Cloze():
                return self.cloze(entry)
            case ComparisonTable():
                return [line for row in entry.rows for line in self._link(entry, row)]
            case _:
                assert_never(entry)

    def _link(self, table: ComparisonTable, row: tuple[str, ...]) -> list[Flowable]:
        """Name — blurb: the row's cells that hold text, the first column's in bold; then their pictures."""
        cells = (
            _bold_if(column == 0, self.cell_markup(text, table.source))
            for column, text in enumerate(row)
            if text.strip()
        )
        return [Paragraph(" — ".join(cells), self.ty.link), *self._cell_pictures(*row)]

    def cell_markup(self, text: str, source: SourceLocation) -> str:
        """A cell's markup; list markers flattened into it become line breaks again."""
        pieces = _flattened_items(text)
        if len(pieces) == 1:
            return self.setter.markdown(text, source)
        head, items = pieces[0].strip(), [piece.strip() for piece in pieces[1:] if piece.strip()]
        lines = ([self.setter.markdown(head, source)] if head else []) + [
            "• " + self.setter.markdown(item, source) for item in items
        ]
        return "<br/>".join(lines)

    def short(self, markdown: str, source: SourceLocation | None) -> str:
        """Markup for a term or title; an overlong one is cut (as plain text) so it cannot break a page."""
        if len(markdown) <= _TITLE_LIMIT:
            return self.setter.markdown(markdown, source)
        return self.setter.plain(cut_title(to_text(markdown)), source)

    def table(self, table: ComparisonTable, *, captioned: bool = True) -> list[Flowable]:
        """Its title (unless not ``captioned``: a table titled only by the part bar right above it),
        then a grid while the table is narrow enough to read, else one record per row. Only a grid's
        header row repeats in the next column; the title prints once."""
        title = Paragraph(f"<b>{self.short(table.title, table.source)}</b>", self.ty.caption)
        caption = [title] if captioned else []
        if len(table.columns) >= self.ty.style.tables.stack_from_columns:
            return [*caption, *self._records(table)]
        return [*caption, self.grid(table.columns, table.rows, table.source)]

    def opening(self, table: Sequence[Flowable]) -> float:
        """The height of a ``table``'s title, if it has one (``table`` made the flowables), and what must
        share its column: a grid's header and first two rows (the whole of one too short to break), or
        the first record (records are boxes of several lines each: a title over one reads as a whole)."""
        captioned = bool(table) and isinstance(table[0], Paragraph)
        height = _height(table[0], self.width) if captioned else 0.0
        body = table[1:] if captioned else table
        if len(body) == 1 and isinstance(body[0], Table):
            grid = body[0]
            grid.wrap(self.width, _ROOMY)
            rows: list[float] = grid._rowHeights
            whole = len(rows) - grid.repeatRows < 2 * _FEWEST_ROWS
            return height + sum(rows if whole else rows[: grid.repeatRows + _FEWEST_ROWS])
        first = body[0]._content if body else []  # a record and its pictures
        return height + sum(_height(part, self.width) for part in first)

    def grid(self, columns: Sequence[str], rows: Sequence[Sequence[str]], source: SourceLocation) -> Table:
        """A boxed grid whose header row repeats when it breaks across columns or pages. A table whose
        header reads right to left (Hebrew) has its first column at the right, as its notes show it, and
        every cell flush right, numbers and English words too."""
        right_to_left = starts_right_to_left(" ".join(columns))
        cell, head = (
            _flush_right(style) if right_to_left else style for style in (self.ty.cell, self.ty.head_cell)
        )
        header = [self._cell(f"<b>{self.cell_markup(text, source)}</b>", text, head) for text in columns]
        body = [
            [
                self._cell(_bold_if(i == 0, self.cell_markup(text, source)), text, cell)
                for i, text in enumerate(row)
            ]
            for row in rows
        ]
        widths = column_widths(columns, rows, self.width, self.ty.style.tables.min_column_mm * mm)
        if right_to_left:
            header, body, widths = header[::-1], [row[::-1] for row in body], widths[::-1]
        grid = _Grid([header, *body], colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
        grid.setStyle(self._table_style())
        grid.spaceAfter = self.ty.style.text.size * 0.4
        return grid

    def _cell(self, markup: str, text: str, style: ParagraphStyle) -> Paragraph | list[Flowable]:
        """A cell's paragraph, and the pictures its text shows below it, fitted to the cell."""
        pictures = self._cell_pictures(text)
        return [Paragraph(markup, style), *pictures] if pictures else Paragraph(markup, style)

    def _cell_pictures(self, *texts: str) -> list[Flowable]:
        gap = self.ty.style.text.table_size * 0.3
        return [p for text in texts for p in self.pictures.shown(text, tallest=IN_CELL, before=gap)]

    def _records(self, table: ComparisonTable) -> list[Flowable]:
        """Wide tables as stacked records, one paragraph each: every cell on a ``Column: value`` line,
        the first (which names the row) in bold, so no cell prints without its column's name."""
        source = table.source
        labels = [self.setter.markdown(text, source) for text in table.columns]
        records = []
        for row in table.rows:
            lines = [
                f"<i>{label}:</i> {_bold_if(i == 0, self.cell_markup(text, source))}"
                for i, (label, text) in enumerate(zip(labels, row, strict=True))
                if text.strip()
            ]
            pictures = self._cell_pictures(*row)
            records.append(KeepTogether([Paragraph("<br/>".join(lines), self.ty.record), *pictures]))
        return records

    def _table_style(self) -> TableStyle:
        ty, palette, tables = self.ty, self.ty.palette, self.ty.style.tables
        commands: list[tuple[object, ...]] = [
            ("FONT", (0, 0), (-1, -1), ty.fonts.body, ty.style.text.table_size),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), tables.padding_pt),
            ("RIGHTPADDING", (0, 0), (-1, -1), tables.padding_pt),
            ("TOPPADDING", (0, 0), (-1, -1), tables.padding_pt * 0.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), tables.padding_pt * 0.75),
            ("BACKGROUND", (0, 0), (-1, 0), palette.band),
            ("BOX", (0, 0), (-1, -1), tables.border_pt, palette.grid),
            ("INNERGRID", (0, 0), (-1, -1), tables.border_pt / 2, palette.grid),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, palette.zebra]),
        ]
        return TableStyle(commands)


def _flush_right(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-right", parent=style, alignment=TA_RIGHT)


class _Grid(Table):  # type: ignore[misc]
    """A grid that breaks only with two body rows on either side: its header and one row at a
    column's foot, or one row alone under the repeated header, read as tables of their own."""

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(avail_width, avail_height)
        frame = getattr(self, "_frame", None)
        if len(parts) != 2 or (frame is not None and frame._atTop):
            return parts  # whole, or at a column's top: any break beats none
        kept, carried = (len(part._cellvalues) - self.repeatRows for part in parts)
        if kept + carried + self.repeatRows != len(self._cellvalues):
            return parts  # a row split inside: its lines go on
        if kept < _FEWEST_ROWS or kept + carried < 2 * _FEWEST_ROWS:
            return []  # the grid starts the next column
        if carried >= _FEWEST_ROWS:
            return parts
        rows = self.repeatRows + kept - (_FEWEST_ROWS - carried)
        earlier: list[Flowable] = super().split(avail_width, sum(self._rowHeights[:rows]) + 0.01)
        return earlier if len(earlier) == 2 else parts


def cut_title(text: str) -> str:
    """``text`` as a title prints it: beyond ``_TITLE_LIMIT`` characters, cut after a word."""
    return text if len(text) <= _TITLE_LIMIT else text[:_TITLE_LIMIT].rsplit(" ", 1)[0] + " …"


def column_widths(
    columns: Sequence[str], rows: Sequence[Sequence[str]], width: float, minimum: float
) -> list[float]:
    """Widths in proportion to √(mean text length) per column, at least ``minimum`` each: long
    columns get room without starving short ones (equal widths waste space and lines)."""
    count = len(columns)
    if minimum * count >= width:
        return [width / count] * count
    weights = []
    for index, heading in enumerate(columns):
        texts = [heading, *(row[index] if index < len(row) else "" for row in rows)]
        weights.append(math.sqrt(max(sum(len(to_text(text)) for text in texts) / len(texts), 1.0)))
    spare = width - minimum * count
    return [minimum + spare * weight / sum(weights) for weight in weights]


def _height(flowable: Flowable, width: float) -> float:
    """A flowable's height at ``width``, with the space above and below it."""
    _, height = flowable.wrap(width, _ROOMY)
    return float(height + flowable.getSpaceBefore() + flowable.getSpaceAfter())


_TO_DO = regex(r"\[([ xX])\] ")
"""A to-do item's box, as a list item's text opens with it: ``[ ]`` open, ``[x]`` done."""


def _boxed(marker: str, text: str) -> tuple[str, str]:
    """A to-do item's marker and text: its box as the marker (☐ open, ☑ done), where a bullet and
    brackets would print; any other item as it is."""
    box = _TO_DO.match(text) if marker == "\u2022" else None
    if box is None:
        return marker, text
    return ("\u2611" if box[1] in "xX" else "\u2610"), text[box.end() :]


def _bold_if(condition: bool, markup: str) -> str:
    return f"<b>{markup}</b>" if condition else markup


def _with_pictures(line: Paragraph, pictures: list[Flowable]) -> list[Flowable]:
    """``pictures``, and ``line`` above them kept with the first when it is a few lines: a term never
    ends a column with its picture at the top of the next."""
    if pictures:
        line.keepWithNext = int(len(line.text) <= MOVABLE_CHARS)
    return pictures


MOVABLE_CHARS = 400
"""Characters of markup, at most, of a paragraph that moves to the next column along with what follows
it (its picture, a list's last item): a few lines; a long one would leave a column of white."""
