"""Rebuild GFM tables from the export's TAB-separated blocks (wrapped cells, split headers, blanks)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ccpkit.importer.lines import Line, clean_inline
from ccpkit.regex import regex

_SEPARATOR_CELL = regex(r"^-*$")
_NUMBER = regex(r"^\d+$")
_LABELLED = regex(r"^([^:]{1,60}): (.+)$")
_LINK_CELL = regex(r"\(ope ?n ?s in a new tab\)")

HEADER_OVERRIDES: dict[tuple[str, ...], tuple[str, ...]] = {
    # 6282-6285: the header was split over two lines *and* misaligned; the rows are
    # Service | Category | What it does, so the cell-wise merge would label columns wrongly.
    ("Service", "What It Does / Key Features Category / Use Case", ""): (
        "Service",
        "Category / Use Case",
        "What It Does / Key Features",
    ),
}
"""Headers no rule can repair, keyed by the header the rules produce; see docs/import.md."""

ORPHAN_ROWS: dict[tuple[str, ...], int] = {
    # 1029: the S3 Glacier Deep Archive row lost its name and use case; they follow the table as
    # plain lines ("S3 Glacier Deep Archive", "Lowest cost.", "Compliance", "archives.").
    ("", "Extremely Rare", "12-48 Hours", ""): 4,
}
"""Broken last rows, by their cells, and how many plain lines after the table complete them."""

LINK_HEADER = ("Resource link", "Description")
"""Header given to a headerless link table (its first cells carry ``(opens in a new tab)``)."""


@dataclass(frozen=True, slots=True)
class Table:
    """A rebuilt table: header cells and body rows, all of the same width, as inline Markdown."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    line: int  # export line of the first row


def table_span(lines: Sequence[Line], start: int) -> int:
    """End index (exclusive) of the TAB block starting at ``start``: TAB lines and blanks between them."""
    end = start
    index = start
    while index < len(lines) and (lines[index].has_tab or lines[index].blank):
        if lines[index].has_tab:
            end = index + 1
        index += 1
    return end


def is_noise_grid(block: Sequence[Line]) -> bool:
    """A grid of bare numbers (an image-grid remnant such as 1..15) is not a table."""
    cells = [cell for line in block if line.has_tab for cell in line.text.split("\t")]
    return all(_NUMBER.match(cell.strip()) for cell in cells)


def _is_separator(cells: Sequence[str]) -> bool:
    return all(_SEPARATOR_CELL.match(cell.strip()) for cell in cells)


def _is_continuation(cells: Sequence[str], after_blank: bool) -> bool:
    """A line after a blank continues the row above when its first cell is empty or it starts mid-sentence.

    Without a blank before it, a line with an empty first cell is a new row under the same
    (merged) first cell, so it is not a continuation.
    """
    if not after_blank:
        return False
    if not cells[0].strip():
        return True
    rest = [cell.strip() for cell in cells[1:] if cell.strip()]
    return bool(rest) and rest[0][0].islower()


def _merge(row: list[str], cells: Sequence[str]) -> None:
    offset = _best_offset(row, cells)
    for index, cell in enumerate(cells, start=offset):
        if index >= len(row):
            row.append("")
        if cell.strip():
            row[index] = f"{row[index].strip()} {cell.strip()}".strip()


def _best_offset(row: Sequence[str], cells: Sequence[str]) -> int:
    """Where a continuation with fewer cells than its row belongs: under the cells it finishes.

    The export sometimes drops a leading TAB, shifting the tails left; the right place is the one
    whose target cells end mid-phrase (``…, performance`` + ``optimization, and …``).
    """
    spare = len(row) - len(cells)
    if spare <= 0:
        return 0
    filled = [n for n, cell in enumerate(cells) if cell.strip()]

    def unfinished(offset: int) -> int:
        return sum(_mid_phrase(row[n + offset]) for n in filled)

    return max(range(spare + 1), key=lambda offset: (unfinished(offset), -offset))


def _mid_phrase(text: str) -> bool:
    """Ends with a comma or a lower-case word: the sentence goes on."""
    words = text.split()
    return bool(words) and (words[-1].endswith(",") or words[-1][0].islower())


def _collect_rows(block: Sequence[Line]) -> tuple[list[list[str]], list[Line]]:
    """Rows as lists of raw cells, and the separator lines that were dropped."""
    rows: list[list[str]] = []
    separators: list[Line] = []
    after_blank = False
    for line in block:
        if line.blank:
            after_blank = True
            continue
        cells = line.text.split("\t")
        if _is_separator(cells):
            separators.append(line)
            after_blank = False
            continue
        cells = [clean_inline(cell) for cell in cells]
        if rows and _is_continuation(cells, after_blank):
            _merge(rows[-1], cells)
        else:
            rows.append(list(cells))
        after_blank = False
    return rows, separators


def _cell(text: str) -> str:
    return clean_inline(text.strip()).strip().replace("|", "\\|")


def _square(rows: list[list[str]]) -> list[tuple[str, ...]]:
    """Pad every row to the widest one, then drop columns that are empty everywhere."""
    width = max(len(row) for row in rows)
    padded = [[_cell(cell) for cell in row] + [""] * (width - len(row)) for row in rows]
    keep = [col for col in range(width) if any(row[col] for row in padded)]
    return [tuple(row[col] for col in keep) for row in padded]


def is_empty(block: Sequence[Line]) -> bool:
    """A TAB block with no text in any cell (only separators and tabs): there is no table to build."""
    rows, _ = _collect_rows(block)
    return not any(_cell(cell) for row in rows for cell in row)


def build_table(block: Sequence[Line]) -> tuple[Table, list[Line]]:
    """The table of a TAB block, plus the separator lines it dropped."""
    raw, separators = _collect_rows(block)
    rows = _square(raw)
    header, body = rows[0], rows[1:]
    header = HEADER_OVERRIDES.get(header, header)
    if not body and all(_LABELLED.match(cell) for cell in header):
        header, body = _split_labels(header)
    if _LINK_CELL.search(block[0].text) and len(header) == len(LINK_HEADER):
        header, body = LINK_HEADER, rows
    first = next(line.number for line in block if line.has_tab)
    return Table(header=header, rows=tuple(body), line=first), separators


def _split_labels(cells: tuple[str, ...]) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """A lone row of ``Label: text`` cells is a header of labels over one row of texts."""
    matches = [_LABELLED.match(cell) for cell in cells]
    labels = tuple(match.group(1) for match in matches if match)
    texts = tuple(match.group(2) for match in matches if match)
    return labels, [texts]


def render_table(table: Table) -> str:
    """GFM pipe table text."""
    lines = [_pipe_row(table.header), _pipe_row(tuple("---" for _ in table.header))]
    lines.extend(_pipe_row(row) for row in table.rows)
    return "\n".join(lines)


def _pipe_row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(cells) + " |"


def orphan_tail(table: Table) -> int:
    """How many plain lines after ``table`` belong to its broken last row (see ``ORPHAN_ROWS``)."""
    return ORPHAN_ROWS.get(table.rows[-1], 0) if table.rows else 0


def complete_orphan(table: Table, tail: Sequence[str]) -> Table:
    """Fill the broken last row: the first tail line is its first cell, the rest its last cell."""
    row = list(table.rows[-1])
    row[0] = _cell(tail[0])
    row[-1] = _cell(" ".join(part.strip() for part in tail[1:]))
    return Table(header=table.header, rows=(*table.rows[:-1], tuple(row)), line=table.line)
