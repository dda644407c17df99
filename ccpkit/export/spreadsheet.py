"""Plain CSV files for spreadsheets and other apps: cards, MCQs, clozes, one file per comparison table.

RFC 4180 (comma, double quotes, CRLF), UTF-8 with a byte-order mark so spreadsheet programs detect
the encoding, one header row, plain text (Markdown markup stripped). A cell a spreadsheet would run
as a formula gets one leading apostrophe, so it is shown as typed and never evaluated. The rule is
reversible: a cell that starts with apostrophes followed by ``=``, ``+``, ``-``, ``@``, TAB or CR
carries exactly one extra apostrophe in front; drop that first character to get the notes' text back.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import assert_never

from ccpkit.cloze_syntax import answers, revealed
from ccpkit.export import BREADCRUMB, Output
from ccpkit.markup import to_text
from ccpkit.model import MCQ, Card, Cloze, ComparisonTable, Deck, Module
from ccpkit.regex import regex

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet evaluate a cell (OWASP's CSV injection list)."""
FOLDER = PurePosixPath("csv")
_UNSAFE_IN_FILE_NAME = regex(r"[^A-Za-z0-9._-]+")


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


def spreadsheet_files(deck: Deck, parts: Sequence[PlainModule] | None = None) -> tuple[Output, ...]:
    """``csv/cards.csv``, ``csv/mcqs.csv``, ``csv/clozes.csv`` and ``csv/tables/<table id>.csv`` for
    every table, from each module's plain text (``parts``; made here when not given)."""
    plain = parts if parts is not None else [plain_module(module) for module in deck.modules]
    names = table_file_names(table.id for table in deck.tables)
    tables = [data for module in plain for data in module.tables]
    return (
        Output(FOLDER / "cards.csv", csv_bytes(_CARD_HEADER, [row for m in plain for row in m.cards])),
        Output(FOLDER / "mcqs.csv", _mcqs([question for module in plain for question in module.mcqs])),
        Output(FOLDER / "clozes.csv", csv_bytes(_CLOZE_HEADER, [row for m in plain for row in m.clozes])),
        *(Output(FOLDER / "tables" / name, data) for name, data in zip(names, tables, strict=True)),
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


_CARD_HEADER = ("term", "definition", "module", "tags", "id", "section")
_CLOZE_HEADER = ("cloze", "sentence", "answers", "extra", "module", "tags", "id", "section")
"""``cloze``: the text with Anki's markers (markup stripped); ``sentence``: as read after the answer;
``answers``: ``c1: S3; c2: …``; ``section``: the headings over it (``_section``)."""


@dataclass(frozen=True, slots=True)
class _Question:
    """An MCQ in plain text; options by label, since the file has one column per label in use."""

    stem: str
    options: tuple[tuple[str, str], ...]
    answers: str
    explanation: str
    module: str
    id: str
    section: str


@dataclass(frozen=True, slots=True)
class PlainModule:
    """One module's share of the files, markup stripped (most of the work): card rows, questions,
    whole table files."""

    cards: tuple[tuple[str, ...], ...]
    mcqs: tuple[_Question, ...]
    tables: tuple[bytes, ...]
    clozes: tuple[tuple[str, ...], ...]


def plain_module(module: Module) -> PlainModule:
    cards, questions, tables, clozes = [], [], [], []
    for item in module.items:
        match item:
            case Card():
                tags = " ".join(item.tags)
                cards.append(
                    (to_text(item.prompt), to_text(item.back), item.module, tags, item.id, _section(item))
                )
            case MCQ():
                options = tuple((option.label, to_text(option.text)) for option in item.options)
                answers, explanation = ", ".join(item.answers), to_text(item.explanation)
                stem = to_text(item.stem)
                questions.append(
                    _Question(stem, options, answers, explanation, item.module, item.id, _section(item))
                )
            case ComparisonTable():
                tables.append(_table(item))
            case Cloze():
                clozes.append(_cloze(item))
            case _:
                assert_never(item)
    return PlainModule(tuple(cards), tuple(questions), tuple(tables), tuple(clozes))


def _cloze(cloze: Cloze) -> tuple[str, ...]:
    hidden = "; ".join(answers(to_text(cloze.text)))
    tags = " ".join(cloze.tags)
    return (
        to_text(cloze.text),
        to_text(revealed(cloze.text)),
        hidden,
        to_text(cloze.extra),
        cloze.module,
        tags,
        cloze.id,
        _section(cloze),
    )


def _section(item: Card | MCQ | Cloze) -> str:
    """The headings over an item, outermost first: two items that read alike
    under different headings (``What is its main function?`` under ``Liver`` and ``Kidney``) are told
    apart by them, as a card's context tells them apart in Anki."""
    return BREADCRUMB.join(to_text(heading) for heading in item.section if heading.strip())


def _mcqs(questions: Sequence[_Question]) -> bytes:
    labels = list(dict.fromkeys(label for question in questions for label, _ in question.options))
    header = ["stem", *(f"option {label}" for label in labels), "answers", "explanation", "module", "id"]
    header.append("section")
    rows = []
    for question in questions:
        texts = dict(question.options)
        rows.append(
            [
                question.stem,
                *(texts.get(label, "") for label in labels),
                question.answers,
                question.explanation,
                question.module,
                question.id,
                question.section,
            ]
        )
    return csv_bytes(header, rows)


def _table(table: ComparisonTable) -> bytes:
    return csv_bytes(
        [to_text(column) for column in table.columns],
        ([to_text(cell) for cell in row] for row in table.rows),
    )
