"""Plain CSV files: RFC 4180, UTF-8, one header row, plain text, formulas neutralised."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import PurePosixPath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ccpkit.export import BREADCRUMB
from ccpkit.export.spreadsheet import csv_bytes, neutralise, restore, spreadsheet_files, table_file_names
from ccpkit.markup import to_text
from ccpkit.model import MCQ, Card, Cloze, ComparisonTable, Deck, Module, Option, SourceLocation


def read(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def files(deck: Deck) -> dict[PurePosixPath, bytes]:
    return {output.path: output.data for output in spreadsheet_files(deck)}


def one_module(*items: Card | ComparisonTable | MCQ | Cloze) -> Deck:
    return Deck(title="Course", modules=(Module(number=1, slug="01-m", title="M", items=items),))


def card(front: str, back: str) -> Card:
    at = SourceLocation("01-m/notes.md", 1)
    return Card(id=f"01-m/card/{len(front)}", module="01-m", source=at, front=front, back=back)


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'=already quoted", "''=already quoted"),
        ("a=b", "a=b"),
        ("'quoted'", "'quoted'"),
        ("", ""),
    ],
)
def test_formula_cells_are_neutralised(cell: str, safe: str) -> None:
    assert neutralise(cell) == safe


@given(st.text(alphabet=st.sampled_from("'=+-@\t\rab ,\"\n#"), max_size=8))
def test_dropping_the_added_apostrophe_always_gives_the_text_back(cell: str) -> None:
    assert restore(neutralise(cell)) == cell
    assert not neutralise(cell).startswith(("=", "+", "-", "@", "\t", "\r"))


def test_files_are_utf8_with_bom_crlf_and_one_header_row() -> None:
    data = csv_bytes(["a", "b"], [["1", 'x, "y"\nz']])
    assert data.startswith("\ufeff".encode())
    assert data.decode("utf-8-sig") == 'a,b\r\n1,"x, ""y""\nz"\r\n'


def test_cards_read_back_as_the_models_plain_text(deck: Deck) -> None:
    header, *rows = read(files(deck)[PurePosixPath("csv/cards.csv")])
    assert header == ["term", "definition", "module", "tags", "id", "section"]
    assert [[restore(cell) for cell in row[:2]] for row in rows] == [
        [to_text(card.front), to_text(card.back)] for card in deck.cards
    ]
    assert rows[0][1] == "Resizable virtual servers, billed per second → pay for what you use ✅"
    assert rows[1][1] == 'Adds/removes instances:\n\n- scale out on demand\n- min, max, "desired"'
    assert rows[2][:2] == ["#1 rule, tab\there", "Math: x^2; emoji 🎯 ⌚; =SUM(A1) is text; & < > 'quotes'"]
    assert rows[0][2:5] == ["02-compute", "cram-sheet", "02-compute/card/ec2"]
    assert rows[2][2:5] == ["09-security", "", "09-security/card/hash-term"]
    assert [row[5] for row in rows] == [BREADCRUMB.join(card.section) for card in deck.cards]


def test_cards_that_read_alike_under_different_headings_are_told_apart_by_their_section() -> None:
    liver = replace(card("What is its main function?", "Makes bile"), section=("Organs", "Liver"))
    kidney = replace(card("What is its main function?", "Filters blood"), section=("Organs", "Kidney"))
    kidney = replace(kidney, id=f"{kidney.id}-kidney")
    _, first, second = read(files(one_module(liver, kidney))[PurePosixPath("csv/cards.csv")])
    assert first[0] == second[0] and first[1] != second[1]
    assert (first[5], second[5]) == (BREADCRUMB.join(liver.section), BREADCRUMB.join(kidney.section))


def test_a_definition_that_opens_with_a_formula_character_is_shown_as_text() -> None:
    deck = one_module(card("Minus", "- a bullet"), card("Sum", "=1+1"))
    _, first, second = read(files(deck)[PurePosixPath("csv/cards.csv")])
    assert (first[1], second[1]) == ("'- a bullet", "'=1+1")
    assert (restore(first[1]), restore(second[1])) == ("- a bullet", "=1+1")


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
        "section",
    ]
    assert first[0] == "Which service rotates database credentials automatically? <script>alert(1)</script>"
    assert first[2] == "AWS Secrets Manager"
    assert first[5] == "B"
    assert first[6] == "Secrets Manager rotates secrets; costs $0.40 per secret & month."
    assert second[4] == ""
    assert second[5] == "A, C"


def test_each_table_gets_its_own_file_with_its_own_columns(deck: Deck) -> None:
    table = deck.tables[0]
    data = files(deck)[PurePosixPath("csv/tables/02-compute--table--ec2-pricing.csv")]
    header, *rows = read(data)
    assert tuple(header) == table.columns
    assert [tuple(row) for row in rows] == [tuple(to_text(cell) for cell in row) for row in table.rows]
    assert rows[2][1] == "Interruptible jobs; <b>not</b> HTML"


def test_table_file_names_are_safe_and_distinct_even_for_odd_pinned_ids() -> None:
    ids = ["02-compute/table/ec2", "my:pinned\\id*", "My:Pinned\\Id*", "../up", "a/b"]
    assert table_file_names(ids) == [
        "02-compute--table--ec2.csv",
        "my-pinned-id-.csv",
        "My-Pinned-Id--2.csv",
        "--up.csv",
        "a--b.csv",
    ]


def test_a_deck_without_questions_still_gets_both_files_with_their_headers(deck: Deck) -> None:
    no_questions = replace(deck, modules=deck.modules[:1])
    written = files(no_questions)
    header_only = [["stem", "answers", "explanation", "module", "id", "section"]]
    assert read(written[PurePosixPath("csv/mcqs.csv")]) == header_only
    assert len(read(written[PurePosixPath("csv/cards.csv")])) == 1 + len(no_questions.cards)


def test_options_missing_from_a_question_leave_their_cells_empty() -> None:
    at = SourceLocation("01-m/q.md", 1)
    question = MCQ(
        id="01-m/mcq/q",
        module="01-m",
        source=at,
        stem="Pick",
        options=(Option(label="A", text="x", correct=True), Option(label="E", text="y")),
    )
    header, row = read(files(one_module(question))[PurePosixPath("csv/mcqs.csv")])
    assert header[1:3] == ["option A", "option E"]
    assert row[:4] == ["Pick", "x", "y", "A"]


def test_every_question_reads_back_as_the_models_plain_text(deck: Deck) -> None:
    header, *rows = read(files(deck)[PurePosixPath("csv/mcqs.csv")])
    records = [dict(zip(header, [restore(cell) for cell in row], strict=True)) for row in rows]
    assert records == [
        {
            "stem": to_text(question.stem),
            **{f"option {label}": "" for label in ("A", "B", "C", "D")},
            **{f"option {option.label}": to_text(option.text) for option in question.options},
            "answers": ", ".join(question.answers),
            "explanation": to_text(question.explanation),
            "module": question.module,
            "id": question.id,
            "section": BREADCRUMB.join(question.section),
        }
        for question in deck.mcqs
    ]


def test_clozes_have_the_marked_text_the_sentence_the_answers_and_the_extra() -> None:
    at = SourceLocation("01-m/notes.md", 3)
    cloze = Cloze(
        id="01-m/cloze/ebs",
        module="01-m",
        source=at,
        tags=("01-m", "cloze"),
        text="**{{c1::EBS}}** attaches to {{c2::one instance::how many?}}",
        extra="- block storage",
    )
    rows = read(files(one_module(cloze))[PurePosixPath("csv/clozes.csv")])
    assert rows == [
        ["cloze", "sentence", "answers", "extra", "module", "tags", "id", "section"],
        [
            "{{c1::EBS}} attaches to {{c2::one instance::how many?}}",
            "EBS attaches to one instance",
            "c1: EBS; c2: one instance",
            "'- block storage",
            "01-m",
            "01-m cloze",
            "01-m/cloze/ebs",
            "",
        ],
    ]


def test_a_deck_without_clozes_still_gets_the_cloze_file_with_its_header(deck: Deck) -> None:
    assert read(files(deck)[PurePosixPath("csv/clozes.csv")]) == [
        ["cloze", "sentence", "answers", "extra", "module", "tags", "id", "section"]
    ]
