"""Formulas and code outside Anki: the plain CSV files show a formula's source, the PDFs the formula
typeset (its source when it uses TeX not known on paper), both code as uncoloured lines, and a code
line wider than a column wraps inside it."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner

from ccpkit.cli import cli
from tests.conftest import REPO
from tests.export.pdf.reading import assert_in_order, text

FIXTURE = Path(__file__).parent / "fixtures" / "code_and_math"
MODULE = "01-formulas-and-code"
LONG_LINE = "https://example.invalid/an/address/with/no/spaces/at/all/that/goes/on/and/on/and/on/well/past/the/right/edge"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("code-and-math-outputs")
    shutil.copytree(FIXTURE, root / "notes")
    arguments = ["build", "--notes", str(root / "notes"), "--out", str(root / "build")]
    arguments += ["--title", "Code and math", "--templates", str(REPO / "templates")]
    result = CliRunner().invoke(cli, [*arguments, "--format=csv", "--format=pdf", "--format=json"])
    assert result.exit_code == 0, result.output
    return root / "build"


def _backs(out: Path) -> dict[str, str]:
    lines = (out / "csv" / "cards.csv").read_text(encoding="utf-8-sig").splitlines(keepends=True)
    rows = csv.DictReader(io.StringIO("".join(line for line in lines if not line.startswith("#"))))
    return {row["id"].rsplit("/", 1)[-1]: row["definition"] for row in rows}


def test_the_plain_csv_shows_formula_source_without_delimiters(out: Path) -> None:
    backs = _backs(out)
    assert backs["compound-interest"] == (
        "a balance grows to A = P(1 + r)^n after n years, so A > P whenever r > 0 and n \\ge 1."
    )
    assert backs["right-triangle"].splitlines() == [
        "its three sides obey",
        "",
        "a^2 + b^2 = c^2 \\quad \\text{with } c < a + b",
        "where c is the longest side.",
    ]
    assert backs["unclosed-formula"] == "the text \\(x + 1 runs on without a closing delimiter."
    assert backs["escaped-stars"] == "*not emphasis* stays as written, and a room costs $5 per hour."


def test_the_plain_csv_and_json_keep_code_uncoloured(out: Path) -> None:
    assert _backs(out)["retry-settings"].endswith(
        '{"retries": 3, "verbose": true, "name": "nightly", "delay": 1.5}'
    )
    deck = (out / "json" / "deck.json").read_text(encoding="utf-8")
    assert "<span" not in deck and "<span" not in (out / "csv" / "cards.csv").read_text(encoding="utf-8")
    (card,) = [card for card in json.loads(deck)["cards"] if card["id"].endswith("/compound-interest")]
    assert "\\(A = P(1 + r)^n\\)" in card["back"]  # the notes' Markdown, as written


def test_the_cram_sheet_prints_formulas_typeset_and_code_as_lines(out: Path) -> None:
    sheet = text((out / "pdf" / f"{MODULE}.pdf").read_bytes())
    formulas = ["A = P(1 + r)n", "n ≥ 1", "a2 + b2 = c2 with c < a + b", "∑i=1ni = (n(n + 1))/2"]
    assert_in_order(sheet, [*formulas, "f(n) = a · 2n", "1 N = 1 kg m/s2"])
    assert not [
        tex for tex in ("\\ge", "\\frac", "\\sum", "\\cdot", "\\quad", "\\text", "\\mathrm") if tex in sheet
    ]
    assert_in_order(sheet, ["I = \\begin{pmatrix} 1 & 0 \\\\ 0 & 1 \\end{pmatrix}"])  # not known: as written
    assert_in_order(sheet, ["the text \\(x + 1 runs on"])
    assert_in_order(sheet, ["def read_lines(path):", "with open(path) as handle:", '{"retries": 3'])
    assert "$5 per hour" in " ".join(sheet.split()) and "<span" not in sheet


def test_an_exponent_prints_raised(out: Path) -> None:
    """``(1 + r)^n``: the n sits above the line the r stands on."""
    printed = pdfium.PdfDocument(out / "pdf" / f"{MODULE}.pdf")[0].get_textpage()
    everything = printed.get_text_range()
    at = everything.index("r)")
    exponent = next(index for index in range(at + 2, len(everything)) if not everything[index].isspace())
    assert everything[exponent] == "n"
    assert printed.get_charbox(exponent)[1] > printed.get_charbox(at)[1] + 2


def test_a_code_line_wider_than_the_column_wraps_inside_it(out: Path) -> None:
    """The line has no space to break at; printed whole it would be far wider than a third of the
    landscape page (one column), so it must break across lines within the column."""
    page = pdfium.PdfDocument(out / "pdf" / f"{MODULE}.pdf")[0]
    width = page.get_width()
    printed = page.get_textpage()
    everything = printed.get_text_range()
    start = everything.index(LONG_LINE[:30])
    boxes, seen = [], ""
    for index in range(start, len(everything)):
        if everything[index].isspace():
            continue
        boxes.append(printed.get_charbox(index))
        seen += everything[index]
        if seen == LONG_LINE:
            break
    assert seen == LONG_LINE
    left, right = min(box[0] for box in boxes), max(box[2] for box in boxes)
    assert right - left < width / 3, f"the code line spans {right - left:.0f} of {width:.0f} points"
    assert len({round(box[1]) for box in boxes}) >= 2, "the line did not wrap"
