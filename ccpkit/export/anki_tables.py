"""Comparison-table rows as Anki notes: one note per row, asking for that row's cells.

Each row's note shows the table around it (the row highlighted), so a card never lacks the context
the row's cells only make sense in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ccpkit.ids import row_key
from ccpkit.markup import to_inline_html
from ccpkit.model import ComparisonTable

LINK_HEADER = re.compile(r"\b(links?|resources?|urls?|references?)\b", re.IGNORECASE)
"""A first header naming links (``Resource link``, ``URL``, ``Reference``): where to read more."""


def is_link_table(table: ComparisonTable) -> bool:
    """A two-column list of links with blurbs: reference to look things up in, not facts to recall, so
    it leaves the Anki deck by default (the PDF and the spreadsheet CSV keep it)."""
    return len(table.columns) == 2 and LINK_HEADER.search(table.columns[0]) is not None


def table_rows(table: ComparisonTable) -> Iterator[tuple[str, tuple[str, ...], str]]:
    """Each row's note id, field HTML and label (its first cell); none for a one-column table."""
    if len(table.columns) < 2:
        return  # nothing to ask about a row; the exporter reports it
    seen: set[str] = set()
    whole = _WholeTable(table)
    for number, row in enumerate(table.rows):
        key = row_key(row)
        while key in seen:
            key += "-2"
        seen.add(key)
        label = to_inline_html(row[0]) if row[0].strip() else f"Row {number + 1}"
        fields = (
            label,
            to_inline_html(table.title),
            ", ".join(to_inline_html(column) for column in table.columns[1:]),
            _labelled_cells(table, row),
            whole.highlighting(number),
        )
        yield f"{table.id}/{key}", fields, row[0]


def _labelled_cells(table: ComparisonTable, row: tuple[str, ...]) -> str:
    cells = "".join(
        f"<dt>{to_inline_html(column)}</dt><dd>{to_inline_html(cell) if cell.strip() else '—'}</dd>"
        for column, cell in zip(table.columns[1:], row[1:], strict=True)
    )
    return f'<dl class="cells">{cells}</dl>'


SHOWN_ROWS = 30
"""A row's note shows at most this many rows of its table, around the row itself. Showing every row
in every row's note grows with rows squared: a 5,000-row table made a 125 MB package."""


class _WholeTable:
    """The table as HTML, rendered once; each row's note shows it with that row highlighted."""

    def __init__(self, table: ComparisonTable) -> None:
        head = "".join(f"<th>{to_inline_html(column)}</th>" for column in table.columns)
        self._head = f"<thead><tr>{head}</tr></thead>"
        self._cells = ["".join(f"<td>{to_inline_html(cell)}</td>" for cell in row) for row in table.rows]

    def highlighting(self, highlight: int) -> str:
        total = len(self._cells)
        first = max(0, min(highlight - SHOWN_ROWS // 2, total - SHOWN_ROWS))
        shown = range(first, min(total, first + SHOWN_ROWS))
        body = "".join(
            ('<tr class="current">' if number == highlight else "<tr>") + self._cells[number] + "</tr>"
            for number in shown
        )
        caption = (
            ""
            if len(shown) == total
            else f"<caption>rows {first + 1}\N{EN DASH}{shown[-1] + 1} of {total}</caption>"
        )
        return f'<table class="comparison">{caption}{self._head}<tbody>{body}</tbody></table>'
