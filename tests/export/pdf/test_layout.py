"""Layout limits: course-sized decks stay within page bounds, and oversized text never breaks a page; a
cram sheet balanced on a second try is laid out again from the same flowables (each layout undoes its
edits to them) and prints byte for byte as a story made afresh."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer

from ccpkit.export import ExportOptions
from ccpkit.export.pdf import PDF, documents
from ccpkit.export.pdf.contents import contents
from ccpkit.export.pdf.cram import module_story
from ccpkit.export.pdf.flowables import Blocks, column_widths
from ccpkit.export.pdf.fonts import register_fonts
from ccpkit.export.pdf.glyphs import Typesetter
from ccpkit.export.pdf.layout import Meta, column_width, page_size, render
from ccpkit.export.pdf.style import load_style
from ccpkit.export.pdf.typography import typography
from ccpkit.model import Card, ComparisonTable, Deck, Module, Passage, SourceLocation
from ccpkit.parse import parse_notes
from tests.export.pdf.conftest import TEMPLATES, Built, build
from tests.export.pdf.reading import assert_in_order, page_texts, reader, squashed, text
from tests.export.pdf.synthetic import large_deck, sentence


def pages(data: bytes) -> int:
    return len(reader(data).pages)


def test_module_sheets_fit_their_budget_and_the_course_stays_compact(large: Built) -> None:
    sheets = {path: pages(data) for path, data in large.files.items() if path[4:6].isdigit()}
    assert len(sheets) == 13
    assert all(1 <= count <= 3 for count in sheets.values()), sheets
    assert 10 <= pages(large.files["pdf/course.pdf"]) <= 45
    assert large.problems == ()


def test_exam_pages_grow_with_the_questions(large: Built) -> None:
    questions = len(large.deck.mcqs)
    assert questions / 12 <= pages(large.files["pdf/practice-exam.pdf"]) <= questions / 3


def with_items(*items: Card | ComparisonTable) -> Deck:
    deck = large_deck(modules=1, cards=1, tables=0, mcqs=1)
    module = deck.modules[0]
    return replace(deck, modules=(replace(module, items=(*module.items, *items)),))


def test_overlong_cells_terms_and_words_are_laid_out_without_error() -> None:
    base = large_deck(modules=1, cards=1, tables=1, mcqs=0).modules[0].items
    card, table = base[0], base[1]
    assert isinstance(card, Card) and isinstance(table, ComparisonTable)
    huge_cell = sentence(1, 1500) + " END-OF-CELL"
    url = "https://example.com/" + "x" * 400
    items = (
        replace(card, id="01-topic-1/card/long-term", front="Term " + sentence(2, 400), back="short"),
        replace(card, id="01-topic-1/card/long-back", back=sentence(3, 2500) + " END-OF-BACK"),
        replace(table, rows=((huge_cell, url, "x"), ("b", "c", "d")), columns=("One", "Two", "Three")),
        replace(
            table,
            id="01-topic-1/table/wide",
            columns=tuple("ABCDEF"),
            rows=(("x", huge_cell, "y", huge_cell, "z", "w"),),
        ),
    )
    built = build(with_items(*items))
    sheet = text(built.files["pdf/01-topic-1.pdf"])
    assert "END-OF-CELL" in sheet and "END-OF-BACK" in sheet
    assert squashed(url)[:60] in squashed(sheet)
    assert " …" in sheet  # the 400-word term was cut
    (warning,) = built.problems
    assert "pdf/01-topic-1.pdf has" in warning.message and "over the budget of 3" in warning.message
    assert str(warning).startswith("01-topic-1/cram-sheet.md:10: warning:")


def test_wide_tables_print_as_stacked_records_with_every_value() -> None:
    table = large_deck(modules=1, cards=1, tables=1, mcqs=0).modules[0].items[1]
    assert isinstance(table, ComparisonTable)
    wide = replace(
        table,
        columns=("Service", "Kind", "Scope", "Billing", "Use"),
        rows=(("Amazon S3", "object", "regional", "per GB", "files"),),
    )
    sheet = text(build(with_items(wide)).files["pdf/01-topic-1.pdf"])
    for line in ("Amazon S3", "Kind: object", "Scope: regional", "Billing: per GB", "Use: files"):
        assert line in sheet


def test_a_table_that_breaks_prints_its_title_once_and_repeats_its_header_row() -> None:
    table = large_deck(modules=1, cards=1, tables=1, mcqs=0).modules[0].items[1]
    assert isinstance(table, ComparisonTable)
    rows = tuple((f"Row {r}", sentence(r, 12), sentence(r + 1, 6)) for r in range(120))
    long = replace(table, title="Long comparison", columns=("Name", "Meaning", "Note"), rows=rows)
    sheet = text(build(with_items(long)).files["pdf/01-topic-1.pdf"])
    assert sheet.count("Long comparison") == 1 and sheet.count("Meaning") >= 3
    assert "Row 119" in sheet


def test_every_page_of_a_sheet_names_the_course_and_the_module() -> None:
    cards = [
        replace(c, id=f"{c.id}-{n}")
        for n in range(6)
        for c in large_deck(modules=1).modules[0].items
        if isinstance(c, Card)
    ]
    sheet = build(with_items(*cards)).files["pdf/01-topic-1.pdf"]
    pdf = reader(sheet)
    assert len(pdf.pages) >= 2
    for page in pdf.pages:
        head = page.extract_text()
        assert "AWS Certified Cloud Practitioner" in head and "Module 1 · Topic 1" in head


def test_column_widths_fill_the_width_favour_long_columns_and_respect_the_minimum() -> None:
    table = large_deck(modules=1, cards=1, tables=1, mcqs=0).modules[0].items[1]
    assert isinstance(table, ComparisonTable)
    table = replace(table, columns=("Id", "Long text", "Note"), rows=(("a", sentence(1, 40), "short"),))
    widths = column_widths(table.columns, table.rows, 250.0, 30.0)
    assert sum(widths) == pytest.approx(250.0)
    assert min(widths) >= 30.0 and widths[1] == max(widths)
    too_narrow = column_widths(table.columns, table.rows, 60.0, 30.0)
    assert too_narrow == [20.0, 20.0, 20.0]  # equal shares


def test_an_empty_course_still_gives_a_course_file_and_an_exam() -> None:
    built = build(Deck(title="Empty course"))
    assert sorted(built.files) == ["pdf/course.pdf", "pdf/practice-exam.pdf"]
    exam = built.files["pdf/practice-exam.pdf"]
    assert "The notes hold no practice questions yet." in text(exam)
    assert len(reader(exam).pages) == 1 and "Answer key" not in text(exam)  # no key to tear off


def test_an_overlong_module_title_is_cut_not_a_layout_error() -> None:
    deck = large_deck(modules=1, cards=3, tables=0, mcqs=0)
    title = "Topic " + sentence(4, 900)
    built = build(replace(deck, modules=(replace(deck.modules[0], title=title),)))
    assert title[:100] in text(built.files["pdf/course.pdf"]).replace("\n", " ")


def test_an_overlong_heading_is_cut_in_the_course_contents_too(tmp_path: Path) -> None:
    """A paragraph typed after a stray ``#`` is a heading the contents list: cut, like the heading
    itself, rather than a contents line taller than a page (once a usage error blaming the style)."""
    heading = "Topic " + " ".join(f"point{n}" for n in range(3_000))
    (tmp_path / "01-a").mkdir()
    (tmp_path / "01-a" / "notes.md").write_text(f"# {heading}\n\n- **EC2:** Virtual servers.\n", "utf-8")
    built = build(parse_notes(tmp_path).deck)
    course = text(built.files["pdf/course.pdf"])
    assert "Topic point0 point1 point2" in course and "point2999" not in course


def test_an_overlong_course_title_is_cut_on_the_title_page_and_in_the_running_headers() -> None:
    """A title pasted by mistake (a whole paragraph in ``--title``) takes one title, not pages of it."""
    deck = large_deck(modules=1, cards=3, tables=0, mcqs=2)
    title = " ".join(f"word{n}" for n in range(5_000))
    built = build(replace(deck, title=title))
    for name in ("pdf/course.pdf", "pdf/practice-exam.pdf", "pdf/01-topic-1.pdf"):
        printed = text(built.files[name])
        assert "word0 word1" in printed and "word4999" not in printed, name


@pytest.mark.parametrize(
    ("rows", "short_by", "parts"),
    [
        pytest.param(7, 0.5, (5, 2), id="the last row alone: the break comes a row earlier"),
        pytest.param(4, 0.5, (2, 2), id="the last row alone, two above: two and two"),
        pytest.param(7, 2.5, (4, 3), id="three go on: as reportlab made it"),
        pytest.param(3, 0.5, None, id="two and one cannot be helped: the grid goes on whole"),
        pytest.param(4, 2.5, None, id="its header and one row at the foot: the grid goes on whole"),
        pytest.param(7, 5.5, None, id="its header and one row of seven: the grid goes on whole"),
    ],
)
def test_a_grid_breaks_between_columns_only_with_two_rows_on_either_side(
    rows: int, short_by: float, parts: tuple[int, int] | None
) -> None:
    """Neither its header over one row at a column's foot nor one row under the repeated header in the
    next: either reads as a table of its own. Where no such break fits, the grid starts the next column."""
    style = load_style(TEMPLATES)
    ty = typography(style, register_fonts(style))
    blocks = Blocks(ty, Typesetter(ty.fonts), 200)
    body = [(f"Option {n}", f"Billed per {n} unit") for n in range(rows)]
    grid = blocks.grid(("Option", "Billing"), body, SourceLocation(path="m/notes.md", line=1))
    _, height = grid.wrap(200, 1_000)
    split = grid.split(200, height - grid._rowHeights[-1] * short_by)
    assert (tuple(len(part._cellvalues) - 1 for part in split) if split else None) == parts


def test_an_item_that_introduces_nested_ones_never_ends_a_page_without_the_first_of_them() -> None:
    """``Amazon Neptune:`` (or a passage's own line over its nested items) moves to the next page with
    them rather than stand alone at the foot of this one."""
    style = load_style(TEMPLATES)
    ty = typography(style, register_fonts(style))
    blocks = Blocks(ty, Typesetter(ty.fonts), 200)
    where = SourceLocation(path="m/notes.md", line=1)
    passage = Passage(
        text="**Graph stores:**\n  - **Neptune:** graphs.\n  - **Neo4j:** also.", marker="•", source=where
    )
    parent, *children = blocks.passage(passage)
    _, parent_height = parent.wrap(200, 1_000)
    _, child_height = children[0].wrap(200, 1_000)
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out, pagesize=(260, 320), leftMargin=30, rightMargin=30, topMargin=10, bottomMargin=10
    )
    room = document.height - 12  # the frame's padding, 6 points above and below
    filler = Spacer(200, room - parent_height - child_height / 2)  # the parent fits, not its first child
    document.build([filler, *blocks.passage(passage)])
    first, second = (page.extract_text() for page in reader(out.getvalue()).pages)
    assert "Graph stores" not in first and "Graph stores" in second and "Neptune" in second


@pytest.mark.parametrize(
    "items",
    ["- Item A\n- Item B\n- Item Last", "- Item A\n- Item B\n  - Item Nested\n  - Item Last"],
    ids=["flat", "nested"],
)
def test_a_list_s_last_item_never_opens_a_page_alone(tmp_path: Path, items: str) -> None:
    """Wherever the page breaks in a list, the item above its last one (or the nested one above
    it) goes over with it: a list never ends in a lone item at the top of a page."""
    broken = 0
    for pages in _after_fillers(tmp_path, f"{items}\n\nAfter the list."):
        last = _page_of(pages, "Item Last")
        assert ("Item Nested" if "Nested" in items else "Item B") in pages[last], pages[last][:200]
        broken += "Item A" in pages[0] and last == 1
    assert broken  # some break fell inside the list


def test_a_table_s_title_stays_with_its_header_and_two_rows_and_its_heading_with_it(tmp_path: Path) -> None:
    """Wherever the page breaks in or above a titled grid, its title and header row end a page over
    two rows at least, or go over with the grid; the section heading right above goes with them."""
    rows = "\n".join(f"| Quill row {n} | billed per {n} unit |" for n in range(1, 7))
    table = f"## Quill storage\n\n**Quill classes:**\n\n| Class | Billing |\n|---|---|\n{rows}"
    broken = 0
    for pages in _after_fillers(tmp_path, table):
        title = _page_of(pages, "Quill classes")
        assert _page_of(pages, "Quill storage") == title == _page_of(pages, "Quill row 2"), pages[title]
        assert _page_of(pages, "Quill row 5") == _page_of(pages, "Quill row 6")
        broken += _page_of(pages, "Quill row 1") != _page_of(pages, "Quill row 6")
    assert broken  # some break fell inside the grid


def test_a_wide_table_s_title_stays_with_its_first_record_and_its_heading_with_it(tmp_path: Path) -> None:
    """A table printed as records (one box of ``Column: value`` lines per row): its title never ends a
    page without the first record under it, nor its heading without it."""
    rows = "\n".join(f"| Quill row {n} | per {n} GB | {n} zones | {n} days |" for n in range(1, 5))
    columns = "| Class | Billing | Copies | Kept |\n|---|---|---|---|"
    broken = 0
    for pages in _after_fillers(tmp_path, f"## Quill storage\n\n**Quill classes:**\n\n{columns}\n{rows}"):
        title = _page_of(pages, "Quill classes")
        assert _page_of(pages, "Quill storage") == title == _page_of(pages, "Quill row 1"), pages[title]
        broken += _page_of(pages, "Quill row 1") != _page_of(pages, "Quill row 4")
    assert broken  # some break fell between the records


def _after_fillers(tmp_path: Path, markdown: str) -> Iterator[list[str]]:
    """The page texts of one-column sheets of ``markdown`` after 34, 35 … 49 one-line paragraphs (a
    page holds 46): a page breaks at each line of it in turn. Lines after it fill the second page
    halfway, so setting the sheet smaller never saves that page."""
    for filler in range(34, 50):
        yield page_texts(_one_column(tmp_path, _fillers(filler), markdown, _fillers(35, "Closing")))


def _one_column(tmp_path: Path, *markdown: str) -> bytes:
    """A module's sheet of these blocks of Markdown, in one column (46 lines of body text a page)."""
    (tmp_path / "templates" / "pdf").mkdir(parents=True, exist_ok=True)
    (tmp_path / "templates" / "pdf" / "style.toml").write_text("[cram]\ncolumns = 1\n", "utf-8")
    notes = tmp_path / "notes" / "01-fillers"
    notes.mkdir(parents=True, exist_ok=True)
    (notes / "notes.md").write_text("# Filler notes\n\n" + "\n\n".join(markdown) + "\n", "utf-8")
    built = build(parse_notes(tmp_path / "notes").deck, templates=tmp_path / "templates")
    return built.files["pdf/01-fillers.pdf"]


def _fillers(count: int, word: str = "Filler") -> str:
    return "\n\n".join(f"{word} line {n}." for n in range(count))


def _page_of(pages: list[str], words: str) -> int:
    return next(index for index, page in enumerate(pages) if words in page)


@pytest.mark.parametrize(
    ("lines", "pages", "size"),
    [
        pytest.param(46, 1, 7.2, id="a full page as the style sets it"),
        pytest.param(48, 1, 6.8, id="two lines over: set smaller, on one page"),
        pytest.param(56, 2, 7.2, id="ten lines over: two pages as the style sets them"),
    ],
)
def test_a_sheet_a_few_lines_over_a_page_is_set_a_little_smaller_on_one(
    tmp_path: Path, lines: int, pages: int, size: float
) -> None:
    """A few lines alone on a last page waste a sheet of paper: the sheet is set five per cent smaller
    where that saves the page, and as the style says where it does not."""
    sheet = reader(_one_column(tmp_path, _fillers(lines)))
    sizes: set[float] = set()

    def visit(chunk: str, cm: list[float], tm: list[float], _font: object, font_size: float) -> None:
        if chunk.startswith("Filler line"):
            sizes.add(round(font_size * tm[3] * cm[3], 1))

    for page in sheet.pages:
        page.extract_text(visitor_text=visit)
    assert (len(sheet.pages), sizes) == (pages, {size})


@pytest.mark.parametrize(
    "code",
    [
        "```text\nSteps:\n1. Open the console\n2) Click Launch\n```",
        "    Steps:\n    1. Open the console\n    2) Click Launch",
    ],
    ids=["fenced", "indented"],
)
def test_lines_of_code_that_open_as_list_items_print_as_code(tmp_path: Path, code: str) -> None:
    (tmp_path / "01-a").mkdir()
    (tmp_path / "01-a" / "notes.md").write_text(
        f"# Part\n\n- **EC2:** Virtual servers.\n\nTo start one:\n\n{code}\n", encoding="utf-8"
    )
    built = build(parse_notes(tmp_path).deck)
    printed = squashed(text(built.files["pdf/01-a.pdf"]))
    assert squashed("Steps: 1. Open the console 2) Click Launch") in printed


def test_a_table_right_under_its_part_s_bar_is_not_captioned_with_the_part_s_title_again(
    tmp_path: Path,
) -> None:
    """A table with no heading above it is titled by its part, whose bar right above prints that title
    already: the sheet and the course print it once. A table under a heading keeps its own caption."""
    module = tmp_path / "notes" / "01-vaults"
    module.mkdir(parents=True)
    table = "| Vault | Lock |\n|---|---|\n| Quill | brass |\n| Wren | steel |\n"
    below = "## Spare keys\n\n**Key rings:**\n\n| Ring | Keys |\n|---|---|\n| Amber | 3 |\n"
    (module / "vault-locks.md").write_text(f"{table}\n{below}", encoding="utf-8")
    (module / "summary.md").write_text("- **Fern**: a vault by the river.\n", encoding="utf-8")
    built = build(parse_notes(tmp_path / "notes").deck)
    for path in ("pdf/01-vaults.pdf", "pdf/course.pdf"):
        printed = text(built.files[path])
        assert_in_order(
            printed, ["Vault locks", "Vault Lock", "Quill brass", "Spare keys", "Key rings", "Ring"]
        )
        body = printed[printed.index("Fern") :]  # after the course's contents, which list the part too
        assert squashed(body).count("Vaultlocks") == 1, body


def _sheet(module: Module, story: list[Flowable] | None = None) -> tuple[bytes, list[Flowable]]:
    """The module's cram sheet, its last page balanced, from ``story`` or from one made now."""
    options = PDF.read(ExportOptions(templates=TEMPLATES))
    documents.prepare(options)
    style, ty = documents._setup(options)
    size = page_size(options.paper, style.cram.orientation)
    blocks = Blocks(ty, Typesetter(ty.fonts), column_width(ty, size, style.cram.columns))
    story = story or module_story(module, blocks, contents(module, style.cram))
    meta = Meta("Title", "Subject", "Course", "Course", "Cram sheet", "00000000")
    laid = render(story, ty=ty, size=size, columns=[style.cram.columns], meta=meta, balance_last_page=True)
    return laid.pdf, story


def test_a_story_laid_out_again_prints_as_one_made_afresh() -> None:
    module = large_deck().modules[0]
    first, story = _sheet(module)
    kept = [flowable.__dict__.get("keepWithNext") for flowable in story]
    again, _ = _sheet(module, story)
    fresh, _ = _sheet(module)
    assert again == fresh == first
    assert [flowable.__dict__.get("keepWithNext") for flowable in story] == kept
    assert not any(hasattr(flowable, "_postponed") for flowable in story)


def test_a_question_numbered_in_a_list_prints_in_the_exam_not_on_the_sheet(tmp_path: Path) -> None:
    """A question written as a numbered item (``1)``, ``2.``) over its options is the practice exam's:
    the sheet prints none of it, as it prints no other question. A numbered step prints."""
    module = tmp_path / "notes" / "01-geology"
    module.mkdir(parents=True)
    (module / "quiz.md").write_text(
        "# Geology\n\n## Method\n\n1. Heat the sample.\n2. Weigh it again.\n\n## Quiz\n\n"
        "1) Which rock forms from lava?\n\na) Basalt\nb) Marble\n\nAnswer: a\n\n"
        "2. Which mineral is hardest?\n\na) Talc\nb) Diamond\n\nAnswer: b\n",
        encoding="utf-8",
    )
    built = build(parse_notes(tmp_path / "notes").deck)
    sheet = text(built.files["pdf/01-geology.pdf"])
    assert "Heat the sample" in sheet and "Weigh it again" in sheet
    assert "Which rock" not in sheet and "Which mineral" not in sheet
    exam = text(built.files["pdf/practice-exam.pdf"])
    assert "Which rock forms from lava?" in exam and "Which mineral is hardest?" in exam
