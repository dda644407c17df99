"""Plain CSV files for spreadsheets and other apps: cards, MCQs, and one file per comparison table.

RFC 4180 (comma, double quotes, CRLF), UTF-8 with a byte-order mark so spreadsheet programs detect
the encoding, one header row, plain text. A cell a spreadsheet would run as a formula (first
character ``=``, ``+``, ``-``, ``@``, TAB or CR) gets a leading apostrophe: spreadsheets show the text
as typed and never evaluate it. To get the notes' text back, drop the ``'`` of a cell that starts
with ``'`` followed by one of those characters.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import PurePosixPath

from ccpkit.markup import to_text
from ccpkit.model import MCQ, ComparisonTable, Deck

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FOLDER = PurePosixPath("csv")


def neutralise(cell: str) -> str:
    """Prefix an apostrophe to a cell a spreadsheet would otherwise evaluate as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """One RFC 4180 file with a header row; every cell neutralised."""
    stream = io.StringIO(newline="")
    writer = csv.writer(stream, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([neutralise(cell) for cell in header])
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return ("\ufeff" + stream.getvalue()).encode("utf-8")


def spreadsheet_files(deck: Deck) -> tuple[tuple[PurePosixPath, bytes], ...]:
    """Every plain CSV file of the deck, as (path relative to the build folder, bytes)."""
    files = [(FOLDER / "cards.csv", _cards(deck)), (FOLDER / "mcqs.csv", _mcqs(deck.mcqs))]
    files += [(FOLDER / "tables" / _table_name(table), _table(table)) for table in deck.tables]
    return tuple(files)


def _cards(deck: Deck) -> bytes:
    rows = (
        (to_text(card.front), to_text(card.back), card.module, " ".join(card.tags), card.id)
        for card in deck.cards
    )
    return csv_bytes(("term", "definition", "module", "tags", "id"), rows)


def _mcqs(questions: Sequence[MCQ]) -> bytes:
    labels = list(dict.fromkeys(option.label for question in questions for option in question.options))
    header = ["stem", *(f"option {label}" for label in labels), "answers", "explanation", "module", "id"]
    rows = []
    for question in questions:
        texts = {option.label: to_text(option.text) for option in question.options}
        rows.append(
            [
                to_text(question.stem),
                *(texts.get(label, "") for label in labels),
                ", ".join(question.answers),
                to_text(question.explanation),
                question.module,
                question.id,
            ]
        )
    return csv_bytes(header, rows)


def _table(table: ComparisonTable) -> bytes:
    return csv_bytes(
        [to_text(column) for column in table.columns],
        ([to_text(cell) for cell in row] for row in table.rows),
    )


def _table_name(table: ComparisonTable) -> str:
    """The table's id as a file name (ids are unique, so names are too)."""
    return table.id.replace("/", "--") + ".csv"
