"""Plain CSV files: RFC 4180, UTF-8, one header row, plain text, formulas neutralised."""

from __future__ import annotations

import csv
import io
from pathlib import PurePosixPath

import pytest

from ccpkit.export.spreadsheet import csv_bytes, neutralise, spreadsheet_files
from ccpkit.markup import to_text
from ccpkit.model import Deck


def read(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def restore(cell: str) -> str:
    """What the docs tell a user to do to get the notes' text back."""
    return cell[1:] if cell.startswith("'") and cell[1:2] in ("=", "+", "-", "@", "\t", "\r") else cell


def files(deck: Deck) -> dict[PurePosixPath, bytes]:
    return dict(spreadsheet_files(deck))


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=b", "a=b"),
        ("'quoted'", "'quoted'"),
    ],
)
def test_formula_cells_are_neutralised(cell: str, safe: str) -> None:
    assert neutralise(cell) == safe


def test_files_are_utf8_with_bom_crlf_and_one_header_row() -> None:
    data = csv_bytes(["a", "b"], [["1", 'x, "y"\nz']])
    assert data.startswith("\ufeff".encode())
    assert data.decode("utf-8-sig") == 'a,b\r\n1,"x, ""y""\nz"\r\n'


def test_cards_read_back_as_the_models_plain_text(deck: Deck) -> None:
    header, *rows = read(files(deck)[PurePosixPath("csv/cards.csv")])
    assert header == ["term", "definition", "module", "tags", "id"]
    assert [[restore(cell) for cell in row[:2]] for row in rows] == [
        [to_text(card.front), to_text(card.back)] for card in deck.cards
    ]
    assert rows[0][1] == "Resizable virtual servers, billed per second → pay for what you use ✅"


def test_mcqs_have_a_column_per_option_and_the_answer_letters(deck: Deck) -> None:
    header, first, second = read(files(deck)[PurePosixPath("csv/mcqs.csv")])
    assert header == [
        "stem",
        "option A",
        "option B",
        "option C",
        "option D",
        "answers",
        "explanation",
        "module",
        "id",
    ]
    assert first[0] == "Which service rotates database credentials automatically? <script>alert(1)</script>"
    assert first[2] == "AWS Secrets Manager"
    assert first[5] == "B"
    assert second[4] == ""
    assert second[5] == "A, C"


def test_each_table_gets_its_own_file_with_its_own_columns(deck: Deck) -> None:
    table = deck.tables[0]
    data = files(deck)[PurePosixPath("csv/tables/02-compute--table--ec2-pricing.csv")]
    header, *rows = read(data)
    assert tuple(header) == table.columns
    assert [tuple(row) for row in rows] == [tuple(to_text(cell) for cell in row) for row in table.rows]
