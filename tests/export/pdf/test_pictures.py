"""Pictures print wherever the notes show them: below a card, in a comparison table's cells, in a
table nested in a card, in a wide table's records, under a question's stem, under an option and
under an explanation in the answer key, each fitted to the room it has there. An SVG is drawn from
its vectors; one that cannot be read prints as its alt text, and ``check`` says so at its line.

The raster pictures are drawn here (Pillow) into a copy of the fixture notes; the SVGs are files of
the fixture.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner
from PIL import Image
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Table

from ccpkit.cli import cli
from ccpkit.export.pdf.pictures import IN_CELL, FittedPicture, Pictures
from ccpkit.model import Picture
from tests.conftest import REPO
from tests.export.pdf.reading import MM, Placed, assert_in_order, placed_pictures, reader, text
from tests.hardening.commands import assert_clean_exit

FIXTURE = Path(__file__).parent.parent / "fixtures" / "pdf_pictures"
RED, WIDE, TALL, YELLOW = (40, 20), (1600, 200), (40, 1200), (30, 30)
"""Pixel sizes of the raster pictures: each size names one picture."""
CIRCLE = (45.0, 45.0)
"""The SVG circle's box in points: 60 SVG pixels."""
CRAM_SHEETS = ["pdf/01-shapes.pdf", "pdf/course.pdf"]
BINDING, GUTTER, CELL_PADDING = 12 * MM, 4.5 * MM, 2.0
"""The default style's page margin and gap between columns, and the padding inside a table cell."""


def draw_pictures(notes: Path) -> None:
    folder = notes / "01-shapes" / "img"
    Image.new("RGB", RED, (255, 0, 0)).save(folder / "red.png")
    Image.new("RGB", WIDE, (0, 160, 0)).save(folder / "wide.png")
    Image.new("RGB", TALL, (120, 0, 120)).save(folder / "tall.png")
    Image.new("RGB", YELLOW, (250, 200, 0)).save(folder / "yellow.png")


def run(command: str, notes: Path, out: Path | None = None) -> str:
    args = [command, "--notes", str(notes)]
    if out is not None:
        args += ["--out", str(out), "--title", "Shapes", "--templates", str(REPO / "templates")]
    result = CliRunner().invoke(cli, args)
    assert_clean_exit(result, 0)
    return result.output


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pdf-pictures") / "notes"
    shutil.copytree(FIXTURE, folder)
    draw_pictures(folder)
    return folder


@pytest.fixture(scope="module")
def built(notes: Path) -> Path:
    out = notes.parent / "build"
    run("build", notes, out)
    return out


def pictures(built: Path, pdf: str) -> list[Placed]:
    return placed_pictures((built / pdf).read_bytes())


def of_size(placed: list[Placed], size: tuple[float, float]) -> list[Placed]:
    return [picture for picture in placed if picture.size == size]


@pytest.mark.parametrize("pdf", CRAM_SHEETS)
def test_a_small_picture_prints_at_its_own_size_in_a_card_a_nested_table_and_a_record(
    built: Path, pdf: str
) -> None:
    reds = of_size(pictures(built, pdf), RED)
    assert [(red.width, red.height) for red in reds] == [(30.0, 15.0)] * 3  # 96 pixels an inch
    assert len({red.name for red in reds}) == 1  # the picture is stored once


@pytest.mark.parametrize("pdf", CRAM_SHEETS)
def test_an_svg_prints_from_its_vectors_in_a_card_and_a_table_cell_stored_once(built: Path, pdf: str) -> None:
    circles = [picture for picture in pictures(built, pdf) if picture.kind == "form"]
    assert [(circle.size, circle.width, circle.height) for circle in circles] == [(CIRCLE, *CIRCLE)] * 2
    assert len({circle.name for circle in circles}) == 1


@pytest.mark.parametrize("pdf", CRAM_SHEETS)
def test_a_wide_picture_in_a_cell_shrinks_to_the_cell_keeping_its_shape(built: Path, pdf: str) -> None:
    (wide,) = of_size(pictures(built, pdf), WIDE)
    page_width = float(reader((built / pdf).read_bytes()).pages[0].mediabox.width)
    left, right = next(
        (left, right)
        for left, right in column_frames(page_width, 3 if pdf == "pdf/01-shapes.pdf" else 2)
        if left <= wide.x < right
    )
    assert wide.x > left + 20  # in the table's second column, not its first
    assert wide.x + wide.width == pytest.approx(right - CELL_PADDING)  # as wide as the cell's room
    assert wide.width / wide.height == pytest.approx(WIDE[0] / WIDE[1], rel=0.01)


def column_frames(page_width: float, columns: int) -> list[tuple[float, float]]:
    """Left and right edge of each column, from the default style's margins."""
    width = (page_width - 2 * BINDING - GUTTER * (columns - 1)) / columns
    return [(BINDING + i * (width + GUTTER), BINDING + i * (width + GUTTER) + width) for i in range(columns)]


@pytest.mark.parametrize("pdf", CRAM_SHEETS)
def test_a_tall_picture_is_capped_in_height_below_a_card_and_lower_in_a_cell(built: Path, pdf: str) -> None:
    below_card, in_cell = of_size(pictures(built, pdf), TALL)
    assert below_card.height == pytest.approx(90 * MM)
    assert in_cell.height == pytest.approx(30 * MM)
    for tall in (below_card, in_cell):
        assert tall.width / tall.height == pytest.approx(TALL[0] / TALL[1], rel=0.01)


@pytest.mark.parametrize("pdf", CRAM_SHEETS)
def test_the_text_around_the_pictures_is_intact_with_their_alt_text(built: Path, pdf: str) -> None:
    printed = text((built / pdf).read_bytes())
    assert_in_order(
        printed,
        [
            "Red square: a card's own picture small red stays at its size",
            "Blue circle: drawn from its vectors blue circle and kept round",
            "Broken drawing: the file is cut short broken drawing so its alt text prints",
        ],
    )
    for cell in ("wide banner four sides", "cell circle no corners", "cell tower very tall", "record square"):
        assert cell in printed


def test_the_practice_exam_draws_the_stem_and_option_pictures_and_the_key_the_explanations(
    built: Path,
) -> None:
    exam = (built / "pdf" / "practice-exam.pdf").read_bytes()
    placed = placed_pictures(exam)
    stem, option, explained = placed
    assert (stem.page, stem.kind, stem.width) == (0, "form", CIRCLE[0])
    assert (option.page, option.size, option.width) == (0, YELLOW, 22.5)
    assert option.x > stem.x  # under its option, indented as the option's text
    assert option.y < stem.y
    assert (explained.kind, explained.name) == ("form", stem.name)
    assert explained.page == len(reader(exam).pages) - 1  # the answer key
    assert "Which shape has no corners? stem circle" in text(exam)
    assert "a circle explained circle is round all the way" in text(exam)


def test_the_svg_paints_its_colour_where_it_is_placed(built: Path) -> None:
    """Rendered as a viewer shows it: the circle's blue fills the middle of its box."""
    data = (built / "pdf" / "01-shapes.pdf").read_bytes()
    circle = next(picture for picture in placed_pictures(data) if picture.kind == "form")
    page = pdfium.PdfDocument(data)[circle.page]
    scale = 2.0
    image = page.render(scale=scale).to_pil().convert("RGB")
    centre = (
        (circle.x + circle.width / 2) * scale,
        (float(page.get_height()) - circle.y - circle.height * 0.25) * scale,  # below the letter
    )
    assert image.getpixel((round(centre[0]), round(centre[1]))) == (0, 0, 255)


def test_check_warns_at_the_line_of_an_svg_it_cannot_read_and_keeps_its_card(
    notes: Path, built: Path
) -> None:
    output = run("check", notes)
    assert (
        "01-shapes/notes.md:8: warning: picture img/broken.svg is not well-formed SVG (unclosed token: "
        "line 1, column 63): the PDFs show its alt text instead"
    ) in output
    assert "Traceback" not in output
    deck = json.loads((built / "json" / "deck.json").read_text())
    assert "Broken drawing" in [card["front"] for card in deck["cards"]]
    for pdf in [*CRAM_SHEETS, "pdf/practice-exam.pdf"]:
        forms = [picture for picture in pictures(built, pdf) if picture.kind == "form"]
        assert forms and all(form.size == CIRCLE for form in forms)  # the broken one is not drawn


def test_an_svg_without_a_size_warns_and_prints_as_its_alt_text(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    (notes / "01-intro").mkdir(parents=True)
    (notes / "01-intro" / "dot.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><circle cx="5" cy="5" r="4"/></svg>'
    )
    (notes / "01-intro" / "notes.md").write_text("# Module 1: Intro\n\n- **Dot**: a mark ![a dot](dot.svg)\n")
    output = run("build", notes, tmp_path / "build")
    assert (
        "01-intro/notes.md:3: warning: picture dot.svg has no size to draw at (no width and height, "
        "nor a viewBox) or one too large to draw (an infinite or huge size, shape or scale): the PDFs "
        "show its alt text instead"
    ) in output
    sheet = (tmp_path / "build" / "pdf" / "01-intro.pdf").read_bytes()
    assert placed_pictures(sheet) == []
    assert "Dot: a mark a dot" in text(sheet)


@pytest.mark.parametrize(
    "svg",
    [
        '<svg xmlns="http://www.w3.org/2000/svg" width="inf" height="10"><rect width="5" height="5"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg" width="1e300" height="1e300">'
        '<rect width="5" height="5"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="inf" height="5"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        '<g transform="scale(1e309)"><rect width="5" height="5"/></g></svg>',
    ],
    ids=["infinite width", "huge size", "infinite shape", "infinite scale"],
)
def test_an_svg_too_large_for_any_page_warns_and_the_build_goes_on(tmp_path: Path, svg: str) -> None:
    """reportlab cannot write such numbers: drawn, it failed the whole build with a traceback."""
    notes = tmp_path / "notes"
    (notes / "01-intro").mkdir(parents=True)
    (notes / "01-intro" / "dot.svg").write_text(svg)
    (notes / "01-intro" / "notes.md").write_text("# Module 1: Intro\n\n- **Dot**: a mark ![a dot](dot.svg)\n")
    output = run("build", notes, tmp_path / "build")
    assert "01-intro/notes.md:3: warning: picture dot.svg has no size to draw at" in output
    assert "Dot: a mark a dot" in text((tmp_path / "build" / "pdf" / "01-intro.pdf").read_bytes())
    assert list((tmp_path / "build" / "anki").glob("*.apkg"))


def test_a_row_split_between_columns_carries_its_picture_whole_into_the_part_it_fits() -> None:
    """A row splits between columns: the cell's line fits and stays, the picture moves on with the rest
    of the row (a picture that stayed would print below the row's border, over the next text)."""
    png = io.BytesIO()
    Image.new("RGB", (40, 40), (255, 0, 0)).save(png, "PNG")
    shown = Pictures([Picture("ccpkit-" + "0" * 24 + ".png", png.getvalue())], "Helvetica")
    picture = shown.shown(f"![red](ccpkit-{'0' * 24}.png)", tallest=IN_CELL)
    style = ParagraphStyle("cell", fontName="Helvetica", fontSize=8, leading=10)
    cell = [Paragraph("a red square", style), *picture]
    table = Table([["Head"], [cell]], colWidths=[120], repeatRows=1, splitInRow=1)  # as grids are
    table.wrap(120, 1000)
    first, rest = table.split(120, 40)  # room for the header and the line, not the picture
    assert not any(isinstance(f, FittedPicture) for f in _flowables(first))
    assert any(isinstance(f, FittedPicture) for f in _flowables(rest))


def _flowables(table: Table) -> list[object]:
    return [f for row in table._cellvalues for value in row if isinstance(value, list | tuple) for f in value]


def test_a_term_never_ends_a_column_with_its_picture_at_the_top_of_the_next(tmp_path: Path) -> None:
    """Wherever a term with a picture falls in its column (after 0 to 58 lines of other terms), the
    picture prints in the same column as its term's line."""
    for module in range(30):
        folder = tmp_path / "notes" / f"{module + 1:02d}-m{module}"
        folder.mkdir(parents=True)
        Image.new("RGB", (300, 200), "red").save(folder / "picture.png")
        filler = "".join(f"- **Term {n}:** a line of filler text.\n" for n in range(2 * module))
        (folder / "notes.md").write_text(
            f"# Sheet\n\n{filler}- **Pictured:** ![a box](picture.png)\n", "utf-8"
        )
    run("build", tmp_path / "notes", tmp_path / "out")
    for pdf in sorted((tmp_path / "out" / "pdf").glob("[0-9]*.pdf")):
        data = pdf.read_bytes()
        (picture,) = [placed for placed in placed_pictures(data) if placed.size == (300.0, 200.0)]
        term = [(page, x) for page, x, words in _words_at(data) if words.startswith("Pictured")]
        assert term == [(picture.page, pytest.approx(picture.x, abs=20))], pdf.name


def _words_at(data: bytes) -> list[tuple[int, float, str]]:
    """Each piece of text on each page: its page, where it starts across, its words."""
    found: list[tuple[int, float, str]] = []
    for index, page in enumerate(reader(data).pages):

        def visit(chunk: str, cm: list[float], tm: list[float], _font: object, _size: object) -> None:
            if chunk.strip():
                found.append((index, cm[4] + tm[4], chunk.strip()))  # noqa: B023 (called right here)

        page.extract_text(visitor_text=visit)
    return found
