"""Plain CSV files for spreadsheets and other apps: cards, MCQs, and one file per comparison table.

RFC 4180 (comma, double quotes, CRLF), UTF-8 with a byte-order mark so spreadsheet programs detect
the encoding, one header row, plain text (Markdown markup stripped). A cell a spreadsheet would run
as a formula gets one leading apostrophe, so it is shown as typed and never evaluated. The rule is
reversible: a cell that starts with apostrophes followed by ``=``, ``+``, ``-``, ``@``, TAB or CR
carries exactly one extra apostrophe in front; drop that first character to get the notes' text back.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from pathlib import PurePosixPath

from ccpkit.export import Output
from ccpkit.markup import to_text
from ccpkit.model import MCQ, ComparisonTable, Deck

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet evaluate a cell (OWASP's CSV injection list)."""
FOLDER = PurePosixPath("csv")
_UNSAFE_IN_FILE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def neutralise(cell: str) -> str:
    """Prefix an apostrophe to a cell a spreadsheet would evaluate, or that merely looks neutralised
    (``'=x`` becomes ``''=x``), so that dropping the first apostrophe always restores the text."""
    return "'" + cell if cell.lstrip("'").startswith(FORMULA_STARTS) else cell


def restore(cell: str) -> str:
    """The text before :func:`neutralise`; what a program reading these files should do per cell."""
    return cell[1:] if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_STARTS) else cell


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """One RFC 4180 file with a header row; every cell neutralised."""
    stream = io.StringIO(newline="")
    writer = csv.writer(stream, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([neutralise(cell) for cell in header])
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return ("\ufeff" + stream.getvalue()).encode("utf-8")


def spreadsheet_files(deck: Deck) -> tuple[Output, ...]:
    """``csv/cards.csv``, ``csv/mcqs.csv`` and ``csv/tables/<table id>.csv`` for every table."""
    tables = deck.tables
    names = table_file_names(table.id for table in tables)
    return (
        Output(FOLDER / "cards.csv", _cards(deck)),
        Output(FOLDER / "mcqs.csv", _mcqs(deck.mcqs)),
        *(Output(FOLDER / "tables" / name, _table(table)) for name, table in zip(names, tables, strict=True)),
    )


def table_file_names(ids: Iterable[str]) -> list[str]:
    """A file name per table id, safe on every file system: ``/`` becomes ``--``, other unusual
    characters ``-``; a name that clashes (also by case only) with an earlier one gets ``-2``, ``-3`` …"""
    names: list[str] = []
    taken: set[str] = set()
    for table_id in ids:
        stem = _UNSAFE_IN_FILE_NAME.sub("-", table_id.replace("/", "--")).strip(".") or "table"
        name, number = stem, 1
        while name.casefold() in taken:
            number += 1
            name = f"{stem}-{number}"
        taken.add(name.casefold())
        names.append(f"{name}.csv")
    return names


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
