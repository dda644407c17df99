"""A table or a fenced code block written inside a card's definition or a question's explanation stays a
table or a code block in every output: Anki fields, both kinds of CSV, and the printed sheets."""

from __future__ import annotations

import csv
import io
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from ccpkit.cli import cli
from tests.conftest import REPO
from tests.export.anki.student import Student, visible_text
from tests.export.pdf.reading import assert_in_order, text

FIXTURE = Path(__file__).parent / "fixtures" / "nested_blocks"
PACKAGE = "anki/nested-blocks.apkg"
TABLE_CARD = "01-storage/card/storage-classes"
CODE_CARD = "01-storage/card/listing-a-bucket"
QUESTION = "01-storage/mcq/which-class-restores-data-within-12-hours-at-the-lowest-cost"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("nested")
    shutil.copytree(FIXTURE, root / "nested-blocks")
    built = root / "build"
    args = ["build", "--notes", str(root / "nested-blocks"), "--out", str(built), "--title", "Nested blocks"]
    result = CliRunner().invoke(cli, [*args, "--templates", str(REPO / "templates")])
    assert result.exit_code == 0, result.output
    return built


@pytest.fixture
def student(out: Path, tmp_path: Path) -> Iterator[Student]:
    student = Student.with_fresh_collection(tmp_path)
    student.import_package(out / PACKAGE)
    yield student
    student.close()


def test_a_table_in_a_definition_is_a_table_on_the_card(student: Student) -> None:
    (card,) = student.note(TABLE_CARD).cards()
    answer = card.answer()
    assert answer.count("<tr>") == 3 and "<th>Retrieval</th>" in answer
    assert "<td>S3 Glacier Deep Archive</td>" in answer
    assert "|" not in visible_text(answer)
    assert visible_text(answer).endswith("Lifecycle rules move objects between them.")


def test_a_code_block_keeps_its_lines_on_the_card(student: Student) -> None:
    (card,) = student.note(CODE_CARD).cards()
    answer = card.answer()
    (code,) = re.findall(r'<pre><code class="language-bash">(.*?)</code></pre>', answer, re.S)
    assert '<span class="se">\\\n</span>' in code  # the line continuation, coloured
    assert re.sub(r"<[^>]+>", "", code) == "aws s3 ls s3://notes-bucket/ \\\n    --recursive\n"


def test_an_explanation_table_shows_on_the_question_s_back(student: Student) -> None:
    (card,) = student.note(QUESTION).cards()
    assert "<td>S3 One Zone-IA</td>" in card.answer()


def test_dollar_amounts_stay_money_not_math(student: Student) -> None:
    definition = student.note("01-storage/card/request-pricing")["Definition"]
    assert "$0.0004 per 1,000" in definition and "$5 per million" in definition
    assert "\\(" not in definition


def test_the_anki_csv_carries_the_table_as_html(out: Path) -> None:
    rows = _csv_rows(out / "csv" / "anki" / "term.csv")
    (definition,) = [row[4] for row in rows if row[-2] == TABLE_CARD]
    assert "<td>within 12 hours</td>" in definition


def test_the_spreadsheet_csv_prints_a_table_row_per_line(out: Path) -> None:
    rows = _csv_records(out / "csv" / "cards.csv")
    (definition,) = [row["definition"] for row in rows if row["id"] == TABLE_CARD]
    assert definition.splitlines()[2:5] == [
        "Class | Retrieval",
        "S3 Standard | milliseconds",
        "S3 Glacier Deep Archive | within 12 hours",
    ]
    (code,) = [row["definition"] for row in rows if row["id"] == CODE_CARD]
    assert code.endswith("aws s3 ls s3://notes-bucket/ \\\n    --recursive")


def test_the_cram_sheet_draws_the_table_as_a_grid_and_the_code_in_order(out: Path) -> None:
    sheet = text((out / "pdf" / "01-storage.pdf").read_bytes())
    assert_in_order(
        sheet,
        ["Storage classes", "Class", "Retrieval", "S3 Glacier Deep Archive", "within 12 hours", "Lifecycle"],
    )
    assert_in_order(sheet, ["aws s3 ls s3://notes-bucket/ \\", "--recursive"])
    assert "|" not in sheet  # a grid, not the source's pipes
    assert "$5 per million" in sheet


def _csv_rows(path: Path) -> list[list[str]]:
    """An Anki CSV file's notes, its `#` header lines left out."""
    lines = path.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    return list(csv.reader(io.StringIO("".join(line for line in lines if not line.startswith("#")))))


def _csv_records(path: Path) -> list[dict[str, str]]:
    """A plain CSV file's rows by its header's names."""
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
