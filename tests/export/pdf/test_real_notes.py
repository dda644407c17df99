"""The real course notes (source_notes/): every term, title and question prints, every glyph exists."""

from __future__ import annotations

import html
import re

import pytest

from ccpkit.export.pdf import sheet_path
from ccpkit.export.pdf.contents import contents, is_link_table
from ccpkit.export.pdf.style import load_style
from ccpkit.markup import to_reportlab, to_text
from ccpkit.model import MCQ, Card, ComparisonTable, Passage
from ccpkit.parse import parse_notes
from tests.conftest import REPO
from tests.export.pdf.conftest import TEMPLATES, Built, build
from tests.export.pdf.reading import (
    MM,
    assert_in_order,
    column_fill,
    ink_at_sides,
    outline,
    page_texts,
    reader,
    squashed,
    text,
    text_colours,
)

STYLE = load_style(TEMPLATES)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def real() -> Built:
    notes = REPO / "source_notes"
    if not notes.is_dir():
        pytest.fail(f"the course notes are missing: expected them at {notes}")
    return build(parse_notes(notes).deck)


@pytest.fixture(scope="module")
def course(real: Built) -> str:
    """The course PDF's text (extracting it takes a while: once for every test)."""
    return text(real.files["pdf/course.pdf"])


def test_every_character_of_the_notes_has_a_glyph(real: Built) -> None:
    assert [str(p) for p in real.problems if "character" in p.message] == []


def test_each_cram_sheet_prints_its_parts_whole_in_study_order(real: Built) -> None:
    """Every paragraph and plain list item of a printed part is on the sheet, in study order."""
    for module in real.deck.modules:
        plan = contents(module, STYLE.cram)
        if not plan.parts:
            continue
        sheet = text(real.files[str(sheet_path(module))])
        known = [part.title for part in plan.parts if part.title in STUDY_ORDER]
        assert known == sorted(known, key=STUDY_ORDER.index)
        expected = [_first_line(p) for part in plan.parts for p in part.entries if isinstance(p, Passage)]
        assert_in_order(sheet, [part.title for part in plan.parts])
        assert_in_order(sheet, expected)


STUDY_ORDER = ["Cram Sheet", "Summary", "Lecture Notes"]


def test_the_sections_the_issue_names_print_whole(real: Built) -> None:
    compute = text(real.files["pdf/02-compute-in-the-cloud-amazon-ec2.pdf"])
    assert_in_order(
        compute,
        [
            "1. AWS Management Console",
            "Browser-based graphical interface",
            "Cons:",
            "3. Software Development",
        ],
    )
    intro = text(real.files["pdf/01-introduction-to-the-cloud.pdf"])
    assert_in_order(intro, ["six primary business benefits", "Trade fixed costs", "Quick study checklist"])


def test_plain_list_items_of_every_printed_section_are_in_the_course(real: Built, course: str) -> None:
    printed = 0
    for module in real.deck.modules:
        for part in contents(module, STYLE.course).parts:
            items = [_first_line(p) for p in part.entries if isinstance(p, Passage) and p.marker]
            assert_in_order(course, items)
            printed += len(items)
    assert printed > 800


_LIST_MARKER = re.compile(r"^[-*+][ \t]+")


def test_every_card_and_table_of_the_notes_is_in_the_course(real: Built, course: str) -> None:
    flat = squashed(course)
    for item in real.deck.items():
        if isinstance(item, Card):  # a facet's front names its heading (`Amazon EFS — protocol`)
            opening = _LIST_MARKER.sub("", item.back.split("\n")[0])  # a back may open with its bullets
            said = (squashed(to_text(side))[:60] for side in (item.front, opening))
            assert any(words in flat for words in said), item.source
        elif isinstance(item, ComparisonTable):
            assert _cell(item.rows[0][0]) in flat.replace("•", ""), item.source


def test_every_table_cell_prints_with_its_column_header(real: Built, course: str) -> None:
    flat = squashed(course.replace("•", " "))
    assert "BasicSupport" in flat and "Threatdetectionandpreventiontools" in flat
    checked = 0
    for table in real.deck.tables:
        if is_link_table(table):
            continue  # printed as a compact list of links
        for row in table.rows:
            for header, cell in zip(table.columns, row, strict=True):
                if not cell.strip():
                    continue
                value = _cell(cell)
                if len(table.columns) >= STYLE.tables.stack_from_columns:  # records: "Header: value"
                    assert squashed(to_text(header)) + ":" + value in flat, (table.source, header)
                else:  # a grid: the header row, then the cell
                    assert squashed(to_text(header)) in flat and value in flat, (table.source, header)
                checked += 1
    assert checked > 500


def test_no_table_title_repeats_mid_column(real: Built) -> None:
    for module in real.deck.modules:
        tables = [t for part in contents(module, STYLE.cram).parts for t in part.entries]
        lines = text(real.files[str(sheet_path(module))]).splitlines() if tables else []
        for table in tables:
            if isinstance(table, ComparisonTable) and not is_link_table(table):
                title = to_text(table.title).strip()
                headings = sum(title == to_text(s[-1]).strip() for t in tables for s in [t.section] if s)
                assert lines.count(title) <= 1 + headings, (module.slug, title)


def test_module_sheets_fit_three_pages_and_fill_their_columns_before_the_last(real: Built) -> None:
    for module in real.deck.modules:
        path = str(sheet_path(module))
        if path not in real.files:
            continue
        data = real.files[path]
        pages = len(reader(data).pages)
        assert pages <= STYLE.cram.page_budget, path
        for index in range(pages - 1):
            fills = column_fill(data, index, frames(data, STYLE.cram.columns))
            assert min(fills) >= 0.85, (path, index + 1, fills)


def test_last_pages_are_balanced(real: Built) -> None:
    for module in real.deck.modules:
        data = real.files.get(str(sheet_path(module)))
        if data is not None:
            last = len(reader(data).pages) - 1
            fills = column_fill(data, last, frames(data, STYLE.cram.columns))
            assert max(fills) - min(fills) <= 0.2, (module.slug, fills)


def test_every_text_is_pure_black_or_white_on_the_black_bands(real: Built) -> None:
    for path, data in real.files.items():
        if path != "pdf/course.pdf":  # the same code draws it; its 50 pages take long to parse
            assert text_colours(data) <= {(0.0, 0.0, 0.0), (1.0, 1.0, 1.0)}, path


def test_nothing_prints_in_the_binding_margins(real: Built) -> None:
    assert STYLE.page.binding_mm >= 12  # room for a two-hole punch on either side of a duplex sheet
    for path, data in real.files.items():
        for index in range(len(reader(data).pages)):
            assert not ink_at_sides(data, index, STYLE.page.binding_mm), (path, index + 1)


def test_the_answer_key_and_each_course_module_start_on_a_right_hand_page(real: Built) -> None:
    key = [page for _, title, page in outline(real.files["pdf/practice-exam.pdf"]) if title == "Answer key"]
    assert len(key) == 1 and key[0] % 2 == 0  # page indices count from 0: page 1, 3, 5 …
    starts = [page for level, _, page in outline(real.files["pdf/course.pdf"]) if level == 0]
    assert starts and all(page % 2 == 0 for page in starts)


def test_the_contents_page_links_to_every_module_and_part(real: Built) -> None:
    pdf = reader(real.files["pdf/course.pdf"])
    links = [a.get_object() for a in pdf.pages[0].get("/Annots", [])]
    pages = {page.indirect_reference.idnum: index for index, page in enumerate(pdf.pages)}
    targets = [pages[link["/Dest"][0].idnum] for link in links if link["/Subtype"] == "/Link"]
    marks = [page for level, _, page in outline(real.files["pdf/course.pdf"]) if level <= 1]
    assert len(marks) > 40 and targets == marks  # a line per module and per part, each to its page


def test_the_course_file_shares_its_fonts_and_stays_small(real: Built) -> None:
    assert len(real.files["pdf/course.pdf"]) <= 500 * 1024


def test_answer_key_source_paths_never_break_inside_a_name(real: Built) -> None:
    key = text(real.files["pdf/practice-exam.pdf"]).split("Answer key · seed 0")[1]
    for mcq in real.deck.mcqs:
        folder, name = str(mcq.source).rsplit("/", 1)
        assert folder in key and name in key, mcq.source


def test_a_question_s_module_tag_never_breaks_before_its_number(real: Built) -> None:
    questions = text(real.files["pdf/practice-exam.pdf"]).split("Answer key · seed 0")[0]
    lines = [line.strip() for line in questions.splitlines()]
    assert not [line for line in lines if line.endswith("Module") or re.match(r"\d+\s·", line)]
    assert sum(bool(re.search(r"·\sModule\s12\s·", line)) for line in lines) >= 5  # the tags are there


def frames(data: bytes, columns: int) -> list[tuple[float, float, float, float]]:
    """The column frames of a page of ``data``, from the style: left, top, width, height in points."""
    width, height = (float(v) for v in reader(data).pages[0].mediabox[2:])
    page = STYLE.page
    side, top = page.binding_mm * MM, (page.margin_mm + page.header_mm) * MM
    column = (width - 2 * side - page.gutter_mm * MM * (columns - 1)) / columns
    tall = height - top - (page.margin_mm + page.footer_mm) * MM
    return [(side + i * (column + page.gutter_mm * MM), top, column, tall) for i in range(columns)]


def _first_line(passage: Passage) -> str:
    """What the passage's first printed line starts with (a nested list's own marker aside)."""
    return _MARKERS.sub("", to_text(passage.text).split("\n")[0])[:80]


def _cell(markdown: str) -> str:
    """A cell's text as printed, without list markers (a list flattened into a cell prints as lines)."""
    markup = to_reportlab(_CELL_MARKERS.sub(" ", markdown)).replace("<br/>", "\n")  # formulas typeset
    printed = html.unescape(_TAG.sub("", markup)).replace("\ufe0f", "")  # emoji variation selector
    return squashed(_MARKERS.sub("", printed))[:40]


_MARKERS = re.compile(r"^(?:(?:[-*•]|\d+[.)])\s+)+")
_CELL_MARKERS = re.compile(r"(?:^|\s)[*•](?=\s)")
_TAG = re.compile(r"<[^>]*>")


def test_the_exam_asks_every_question_once(real: Built) -> None:
    pages = page_texts(real.files["pdf/practice-exam.pdf"])
    exam = "\n".join(pages)
    assert exam.count("Answer key · seed 0") == 1
    for mcq in real.deck.mcqs:
        assert_in_order(exam, [to_text(mcq.stem)[:120]])


def test_every_symbol_in_the_crammed_notes_comes_back_from_the_pdf(real: Built, course: str) -> None:
    crammed = [i for i in real.deck.items() if not isinstance(i, MCQ)]
    symbols = {c for item in crammed for c in _texts(item) if ord(c) >= 0x2000 and ord(c) not in _INVISIBLE}
    assert {"✅", "→"} <= symbols  # the notes do use emoji and arrows
    assert sorted(c for c in symbols if c not in course) == []


_INVISIBLE = {0xFE0E, 0xFE0F, 0x200D}


def _texts(item: Card | ComparisonTable) -> str:
    if isinstance(item, Card):
        return item.front + item.back
    return item.title + "".join(item.columns) + "".join("".join(row) for row in item.rows)


def test_no_pdf_shows_black_boxes_replacement_characters_or_markup(real: Built) -> None:
    for path, data in real.files.items():
        extracted = text(data)
        leaked = [
            leak
            for leak in ("\u25a0", "\ufffd", "<b>", "</font>", "&amp;", "&lt;", "**")
            if leak in extracted
        ]
        assert leaked == [], f"{path} shows {leaked}"


def test_every_symbol_in_the_questions_comes_back_from_the_exam(real: Built) -> None:
    exam = text(real.files["pdf/practice-exam.pdf"])
    texts = [m.stem + m.explanation + "".join(o.text for o in m.options) for m in real.deck.mcqs]
    symbols = {c for t in texts for c in t if ord(c) >= 0x2000 and ord(c) not in _INVISIBLE}
    assert sorted(c for c in symbols if c not in exam) == []


def test_page_counts_stay_within_bounds(real: Built) -> None:
    counts = {path: len(reader(data).pages) for path, data in real.files.items()}
    sheets = {path: n for path, n in counts.items() if path[4:6].isdigit()}
    assert all(1 <= n <= 3 for n in sheets.values()), sheets
    assert 30 <= counts["pdf/course.pdf"] <= STYLE.course.page_budget
    assert len(real.deck.mcqs) / 16 <= counts["pdf/practice-exam.pdf"] <= len(real.deck.mcqs) / 4
    assert [p for p in real.problems if "over the budget" in p.message] == []


def test_a_paragraph_that_mentions_solutions_prints_and_opens_no_answer_key(real: Built) -> None:
    """ "Data requires different storage solutions …" was once taken for an answer key's title and
    left out of the sheet."""
    (storage,) = [module for module in real.deck.modules if module.slug == "06-aws-storage-services"]
    sheet = squashed(text(real.files[str(sheet_path(storage))]))
    assert squashed("Data requires different storage solutions based on how it is accessed") in sheet
