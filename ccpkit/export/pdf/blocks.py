"""Study items as flowables: a card is one "**Term** — definition" paragraph, a table a boxed grid."""

from __future__ import annotations

import math

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from ccpkit.export.pdf.glyphs import Typesetter
from ccpkit.export.pdf.paragraph import Paragraph
from ccpkit.export.pdf.typography import Typography
from ccpkit.markup import to_text
from ccpkit.model import Card, ComparisonTable, SourceLocation

_TITLE_LIMIT = 300
"""Characters of a heading or term kept whole; beyond this a title is cut (a layout must never fail)."""


class Blocks:
    """Makes flowables for one column width; every text goes through the typesetter."""

    def __init__(self, ty: Typography, setter: Typesetter, width: float) -> None:
        self.ty, self.setter, self.width = ty, setter, width

    def card(self, card: Card) -> Flowable:
        front = self.short(card.front, card.source)
        back = self.setter.markdown(card.back, card.source).replace("<br/><br/>", "<br/>")
        separator = "<br/>" if back.startswith("• ") else " — "
        return Paragraph(f"<b>{front}</b>{separator}{back}", self.ty.body)

    def box(self, cards: list[Flowable]) -> Table:
        """A run of cards in one thin box: sections stay visibly apart in a dense column."""
        tables = self.ty.style.tables
        box = Table([[card] for card in cards], colWidths=[self.width], splitInRow=1, hAlign="LEFT")
        box.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), self.ty.fonts.body, self.ty.style.text.size),
                    ("BOX", (0, 0), (-1, -1), tables.border_pt, self.ty.palette.grid),
                    ("LEFTPADDING", (0, 0), (-1, -1), tables.padding_pt),
                    ("RIGHTPADDING", (0, 0), (-1, -1), tables.padding_pt),
                    ("TOPPADDING", (0, 0), (-1, -1), tables.padding_pt * 0.3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), tables.padding_pt * 0.3),
                    ("TOPPADDING", (0, 0), (-1, 0), tables.padding_pt),
                    ("BOTTOMPADDING", (0, -1), (-1, -1), tables.padding_pt),
                ]
            )
        )
        box.spaceAfter = self.ty.style.text.size * 0.4
        return box

    def short(self, markdown: str, source: SourceLocation | None) -> str:
        """Markup for a term or title; an overlong one is cut (as plain text) so it cannot break a page."""
        if len(markdown) <= _TITLE_LIMIT:
            return self.setter.markdown(markdown, source)
        return self.setter.plain(to_text(markdown)[:_TITLE_LIMIT].rsplit(" ", 1)[0] + " …", source)

    def table(self, table: ComparisonTable) -> Flowable:
        """A grid while the table is narrow enough to read; otherwise one box per row."""
        if len(table.columns) >= self.ty.style.tables.stack_from_columns:
            return self._records(table)
        return self._grid(table)

    def _title_row(self, table: ComparisonTable) -> Paragraph:
        title = self.short(table.title, table.source)
        return Paragraph(f"<b>{title}</b>", self.ty.caption)

    def _grid(self, table: ComparisonTable) -> Table:
        cell, head, source = self.ty.cell, self.ty.head_cell, table.source
        header = [Paragraph(f"<b>{self.setter.markdown(text, source)}</b>", head) for text in table.columns]
        body = [
            [
                Paragraph(_bold_if(i == 0, self.setter.markdown(text, source)), cell)
                for i, text in enumerate(row)
            ]
            for row in table.rows
        ]
        title = [self._title_row(table)] + [""] * (len(table.columns) - 1)
        widths = column_widths(table, self.width, self.ty.style.tables.min_column_mm * mm)
        grid = Table([title, header, *body], colWidths=widths, repeatRows=2, splitInRow=1, hAlign="LEFT")
        grid.setStyle(self._table_style(header_rows=2))
        grid.setStyle(TableStyle([("SPAN", (0, 0), (-1, 0))]))
        return grid

    def _records(self, table: ComparisonTable) -> Table:
        """Wide tables as stacked records: the row label in bold, then one ``Column: value`` line each."""
        source = table.source
        labels = [self.setter.markdown(text, source) for text in table.columns]
        records = []
        for row in table.rows:
            lines = [f"<b>{self.setter.markdown(row[0], source)}</b>"]
            lines += [
                f"<i>{label}:</i> {self.setter.markdown(text, source)}"
                for label, text in zip(labels[1:], row[1:], strict=True)
                if text.strip()
            ]
            records.append([Paragraph("<br/>".join(lines), self.ty.cell)])
        box = Table(
            [[self._title_row(table)], *records],
            colWidths=[self.width],
            repeatRows=1,
            splitInRow=1,
            hAlign="LEFT",
        )
        box.setStyle(self._table_style(header_rows=1))
        return box

    def _table_style(self, *, header_rows: int) -> TableStyle:
        ty, palette, tables = self.ty, self.ty.palette, self.ty.style.tables
        commands: list[tuple[object, ...]] = [
            ("FONT", (0, 0), (-1, -1), ty.fonts.body, ty.style.text.table_size),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), tables.padding_pt),
            ("RIGHTPADDING", (0, 0), (-1, -1), tables.padding_pt),
            ("TOPPADDING", (0, 0), (-1, -1), tables.padding_pt * 0.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), tables.padding_pt * 0.75),
            ("BACKGROUND", (0, 0), (-1, 0), palette.tint),
            ("BOX", (0, 0), (-1, -1), tables.border_pt, palette.grid),
            ("INNERGRID", (0, 1), (-1, -1), tables.border_pt / 2, palette.grid),
            ("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [None, palette.zebra]),
        ]
        if header_rows == 2:
            commands.append(("BACKGROUND", (0, 1), (-1, 1), palette.band))
        return TableStyle(commands)


def column_widths(table: ComparisonTable, width: float, minimum: float) -> list[float]:
    """Widths in proportion to √(mean text length) per column, at least ``minimum`` each: long
    columns get room without starving short ones (equal widths waste space and lines)."""
    count = len(table.columns)
    if minimum * count >= width:
        return [width / count] * count
    weights = []
    for index, heading in enumerate(table.columns):
        texts = [heading, *(row[index] for row in table.rows)]
        weights.append(math.sqrt(max(sum(len(to_text(text)) for text in texts) / len(texts), 1.0)))
    spare = width - minimum * count
    return [minimum + spare * weight / sum(weights) for weight in weights]


def _bold_if(condition: bool, markup: str) -> str:
    return f"<b>{markup}</b>" if condition else markup
