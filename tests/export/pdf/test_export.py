"""The PDFs of the sample deck: what they hold, in what order, and that every character survives."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PageObject

from ccpkit.markup import to_text
from ccpkit.model import Card
from ccpkit.parse import parse_notes
from tests.export.pdf.conftest import Built, build
from tests.export.pdf.reading import (
    assert_in_order,
    char_boxes,
    char_places,
    fonts,
    outline,
    page_texts,
    reader,
    squashed,
    text,
)
from tests.export.pdf.synthetic import MISSING_GLYPH, large_deck


@pytest.fixture(scope="module")
def course() -> bytes:
    """The course PDF of six filled modules: enough pages to see how modules and pages meet."""
    return build(large_deck(modules=6)).files["pdf/course.pdf"]


CRAM = ("pdf/02-compute.pdf", "pdf/09-security.pdf")
ALL = (*CRAM, "pdf/course.pdf", "pdf/practice-exam.pdf")
LEAKS = ("\u25a0", "\ufffd", "<b>", "</b>", "&amp;", "&lt;", "&gt;", "**", "<br", "<font")


def test_one_cram_sheet_per_module_plus_course_and_exam(sample: Built) -> None:
    assert sorted(sample.files) == sorted(ALL)
    assert all(data.startswith(b"%PDF-") for data in sample.files.values())


def test_cram_sheets_list_every_term_and_table_title_in_notes_order(sample: Built) -> None:
    for module, path in zip(sample.deck.modules, CRAM, strict=True):
        expected = [
            to_text(item.front) if isinstance(item, Card) else item.title
            for item in module.items
            if item.kind != "mcq"
        ]
        assert_in_order(text(sample.files[path]), [f"Module {module.number}", *expected])


def test_course_holds_every_module_in_order_with_its_terms(sample: Built) -> None:
    course = text(sample.files["pdf/course.pdf"])
    assert_in_order(course, ["Contents", "Module 2 · Compute in the Cloud", "Module 9 · Security"])
    assert_in_order(course, ["EC2 (Elastic Compute Cloud)", "Auto Scaling", "EC2 pricing options", "#1 rule"])


def test_table_cells_print_escaped_html_as_text(sample: Built) -> None:
    sheet = text(sample.files["pdf/02-compute.pdf"])
    assert_in_order(sheet, ["Option", "Best for", "Discount", "Spot", "Interruptible jobs; <b>not</b> HTML"])


def test_a_star_in_a_cells_code_is_code_and_stars_outside_it_a_list(tmp_path: Path) -> None:
    """``SELECT * FROM`` in a cell's code prints as written, in one line; ``* a * b`` flattened into
    a cell prints as a list, a line an item."""
    (tmp_path / "01-sql").mkdir()
    (tmp_path / "01-sql" / "notes.md").write_text(
        "# SQL\n\n| Command | What it does |\n| --- | --- |\n"
        "| `SELECT * FROM t` | Reads rows |\n| Joins | * inner * outer |\n",
        encoding="utf-8",
    )
    lines = [
        line.strip() for line in text(build(parse_notes(tmp_path).deck).files["pdf/01-sql.pdf"]).splitlines()
    ]
    assert "SELECT * FROM t" in lines
    assert "• inner" in lines and "• outer" in lines


def test_a_long_item_before_a_lists_last_starts_under_its_heading(tmp_path: Path) -> None:
    """The last item goes along with the one above it only when that one is short: a long one starts
    right under its heading, not in the next column with white under the heading."""
    (tmp_path / "01-harbors").mkdir()
    long = " ".join(f"word{n}" for n in range(900))
    (tmp_path / "01-harbors" / "notes.md").write_text(
        f"# Cram Sheet\n\n## Intro\n\n- **Quay:** a landing place.\n\n## Charts\n\n"
        f"- **Soundings:** {long}\n- **Datum:** the level depths are measured from.\n",
        encoding="utf-8",
    )
    data = build(parse_notes(tmp_path).deck).files["pdf/01-harbors.pdf"]
    boxes = char_boxes(data, 0)
    printed = "".join(c for c, _, _ in boxes)
    heading, item = boxes[printed.index("Charts")], boxes[printed.index("Soundings")]
    assert abs(heading[1] - item[1]) < 20  # the same column


def test_a_module_title_too_long_for_the_running_header_is_cut_on_its_one_line(tmp_path: Path) -> None:
    """A second line would print across the header's rule: the title's first line and an ellipsis."""
    (tmp_path / "01-harbors").mkdir()
    title = (
        "Harbors, Quays, Breakwaters, Lighthouses, Pilots, Tugs, Moorings, Buoys, Tides, Currents, Anchorages"
    )
    title += ", Dredging, Customs, Cargo Handling and the Charts of the Whole Northern and Eastern Coast"
    (tmp_path / "01-harbors" / "notes.md").write_text(
        f"---\nmodule_title: {title}\n---\n\n# Cram Sheet\n\n- **Quay:** a landing place.\n",
        encoding="utf-8",
    )
    data = build(parse_notes(tmp_path).deck).files["pdf/01-harbors.pdf"]
    height = float(reader(data).pages[0].mediabox[3])
    header = [place for place in char_places(data, 0) if place[3] > height - 40 and place[0].strip()]
    assert "\u2026" in "".join(c for c, *_ in header)
    assert max(y for *_, y in header) - min(y for *_, y in header) < 6  # one line: a second is 8 pt below


def test_the_course_counts_one_module_and_one_card_in_the_singular(tmp_path: Path) -> None:
    (tmp_path / "01-harbors").mkdir()
    (tmp_path / "01-harbors" / "notes.md").write_text("# Cram Sheet\n\n- **Quay:** a landing place.\n")
    course = squashed(text(build(parse_notes(tmp_path).deck).files["pdf/course.pdf"]))
    assert squashed("1 module · 1 card · 0 comparison tables") in course


def test_no_black_boxes_replacement_characters_or_leaked_markup(sample: Built) -> None:
    for path, data in sample.files.items():
        extracted = text(data)
        shown = extracted.replace("<b>not</b>", "")  # a table cell says this literally, as text
        leaked = [leak for leak in LEAKS if leak in shown]
        assert leaked == [], f"{path} shows {leaked}"


def test_emoji_arrows_and_quotes_come_back_on_copy_paste(sample: Built) -> None:
    sheet = text(sample.files["pdf/09-security.pdf"])
    for char in ("🎯", "⌚", "'quotes'", "& < >"):
        assert char in sheet
    assert_in_order(text(sample.files["pdf/02-compute.pdf"]), ["→ pay for what you use ✅"])


def test_math_prints_typeset(sample: Built) -> None:
    sheet = text(sample.files["pdf/09-security.pdf"])
    assert_in_order(sheet, ["Math: x2; emoji"])
    assert "x^2" not in sheet


def test_every_font_is_embedded_and_none_is_a_base14_font(sample: Built) -> None:
    for path, data in sample.files.items():
        used = fonts(data)
        assert used and all(used.values()), f"{path}: {used}"
        assert not any(re.search(r"Helvetica|Times|Courier|Symbol$", name) for name in used), used


def test_fallback_font_is_used_for_emoji(sample: Built) -> None:
    assert any("Symbola" in name for name in fonts(sample.files["pdf/09-security.pdf"]))


def test_metadata_names_the_course_and_the_module(sample: Built) -> None:
    pdf = reader(sample.files["pdf/02-compute.pdf"])
    meta = pdf.metadata
    assert meta is not None
    assert meta.title == "AWS Certified Cloud Practitioner: Module 2 · Compute in the Cloud"
    assert meta.author and meta.subject and meta.creator.startswith("ccpkit")
    assert pdf.trailer["/Root"]["/Lang"] == "en-US"


def test_bookmarks_are_modules_then_parts_then_sections(sample: Built) -> None:
    marks = outline(sample.files["pdf/course.pdf"])
    assert [(level, title) for level, title, _ in marks if level == 0] == [
        (0, "Module 2 · Compute in the Cloud"),
        (0, "Module 9 · Security"),
    ]
    start = marks[0][2]
    assert (1, "Cram Sheet", start) in marks and (2, "Core services", start) in marks


def test_tables_are_bookmarked_under_their_part_or_section(sample: Built) -> None:
    marks = [(level, title) for level, title, _ in outline(sample.files["pdf/02-compute.pdf"])]
    assert marks[-2:] == [(1, "Summary"), (2, "EC2 pricing options")]  # the table titles its section


def test_each_course_module_starts_on_a_right_hand_page_after_the_contents(course: bytes) -> None:
    texts = page_texts(course)
    starts = [(title, page) for level, title, page in outline(course) if level == 0]
    assert starts[0][1] == 2  # the contents' back stays blank
    assert all(page % 2 == 0 for _, page in starts)  # indices from 0: pages 3, 5, 7 …
    for (before, _), (title, page) in itertools.pairwise(starts):
        assert title in texts[page] and before not in texts[page]


def test_bookmarks_point_at_the_page_that_shows_the_heading(course: bytes) -> None:
    pages = reader(course).pages
    modules = [(title, page) for level, title, page in outline(course) if level == 0]
    assert len(modules) == 6
    assert modules[-1][1] > 0
    for title, page in modules:
        assert title in pages[page].extract_text()


def test_pages_say_page_n_of_m(sample: Built, course: bytes) -> None:
    exam = reader(sample.files["pdf/practice-exam.pdf"])
    assert len(exam.pages) == 3  # questions, a blank back, then the key on a right-hand page
    for pdf in (sample.files["pdf/practice-exam.pdf"], course):
        texts = page_texts(pdf)
        for number, page in enumerate(texts, start=1):
            assert f"Page {number} of {len(texts)}" in page


def test_contents_give_the_page_each_module_starts_on(course: bytes) -> None:
    first_page = reader(course).pages[0].extract_text()
    for _, title, page in (mark for mark in outline(course) if mark[0] == 0):
        assert re.search(rf"{re.escape(title)}[\s.]*{page + 1}\b", first_page), title


def test_building_twice_gives_identical_bytes(sample: Built) -> None:
    again = build(sample.deck)
    assert again.files == sample.files


def test_letter_paper_is_letter_sized(sample: Built) -> None:
    letter = build(sample.deck, paper="Letter")
    sheet = reader(letter.files["pdf/02-compute.pdf"]).pages[0].mediabox
    exam = reader(letter.files["pdf/practice-exam.pdf"]).pages[0].mediabox
    assert (round(sheet.width), round(sheet.height)) == (792, 612)  # landscape
    assert (round(exam.width), round(exam.height)) == (612, 792)


def test_a_character_no_font_has_prints_a_placeholder_and_is_reported_where_it_is(sample: Built) -> None:
    assert sample.problems == ()
    deck = large_deck(modules=1, cards=3, tables=0, mcqs=0)
    module = deck.modules[0]
    odd = replace(module.items[1], back=f"melts {MISSING_GLYPH}")
    deck = replace(deck, modules=(replace(module, items=(module.items[0], odd, module.items[2])),))
    built = build(deck)
    assert "melts [U+1FAE0]" in text(built.files["pdf/01-topic-1.pdf"])
    assert [str(p).split(": ")[0] for p in built.problems] == ["01-topic-1/cram-sheet.md:11"]
    assert "U+1FAE0" in built.problems[0].message and built.problems[0].severity == "warning"


def test_links_out_of_the_notes_are_clickable_and_links_within_them_print_as_text() -> None:
    """A link to a heading or another notes file leads nowhere in a PDF (and reportlab would refuse
    to save it): its words are printed; web and mail links stay links."""
    built = build(parse_notes(LINKS).deck)

    for data in (built.files["pdf/01-links.pdf"], built.files["pdf/course.pdf"]):
        words = ["the pillars", "lecture notes", "AWS's own page", "back to the top", "the summary"]
        assert_in_order(text(data), [*words, "a picture", "mail the tutor"])
        assert set(_link_targets(data)) == {  # a link broken over two lines is two areas
            "https://aws.amazon.com/compliance/shared-responsibility-model/",
            "mailto:tutor@example.org",
        }


LINKS = Path(__file__).parent / "fixtures" / "links"


def test_a_resources_part_names_each_link_by_the_heading_above_it() -> None:
    """``## Pricing calculator`` over a bare link is what the link is: printed with it, in the
    compact list that link tables print as."""
    built = build(parse_notes(RESOURCES).deck)

    for data in (built.files["pdf/01-storage.pdf"], built.files["pdf/course.pdf"]):
        assert_in_order(
            text(data),
            [
                "Storage classes explained",
                "https://example.org/storage-classes",
                "Pricing calculator",
                "https://example.org/calculator",
                "Durability whitepaper",
                "Why eleven nines",
            ],
        )


RESOURCES = Path(__file__).parent / "fixtures" / "resources"


def test_a_long_cram_sheet_prints_on_its_module_sheet_where_a_long_transcript_is_left_out(
    tmp_path: Path,
) -> None:
    """Length alone makes no transcript: a Cram Sheet or a part of lists prints however long it is;
    a part of long prose is left out of the module sheet, and says so."""
    module = tmp_path / "01-harbors"
    module.mkdir()
    terms = "".join(
        f"- **Berth {n}:** a mooring place number {n} along the quay, for ships.\n" for n in range(400)
    )
    (module / "cram-sheet.md").write_text(f"# Cram Sheet\n\n{terms}", encoding="utf-8")
    (module / "glossary.md").write_text(
        f"# Harbor words\n\n{terms.replace('Berth', 'Pier')}", encoding="utf-8"
    )
    prose = " ".join(["The harbor master spoke about tides and berths at length."] * 400)
    (module / "lecture.md").write_text(f"# Lecture Notes\n\n{prose}\n", encoding="utf-8")

    sheet = text(build(parse_notes(tmp_path).deck).files["pdf/01-harbors.pdf"])

    assert "Berth 399" in sheet and "Pier 399" in sheet
    assert "Left out here (lecture transcript; see the notes): Lecture Notes" in " ".join(sheet.split())


def test_a_sheet_prints_what_a_details_block_asks_and_what_it_hides() -> None:
    """Paper cannot fold: the question of each ``<details>`` flashcard prints above its answer."""
    parsed = parse_notes(DETAILS)
    sheet = text(build(parsed.deck).files["pdf/01-details.pdf"])
    assert_in_order(
        sheet,
        [
            "Which purchase option suits a batch job that may stop?",
            "Spot Instances, at up to 90% off.",
            "Which plan commits to an hourly spend? Savings Plans",
            "Which tool estimates a monthly bill?",
            "AWS Pricing Calculator",
        ],
    )
    assert "Show answer" not in sheet
    assert [item.kind for item in parsed.deck.items()] == ["card", "card", "card"]


DETAILS = Path(__file__).parent / "fixtures" / "details"


def _link_targets(data: bytes) -> list[str]:
    annotations = (a.get_object() for page in reader(data).pages for a in page.get("/Annots", []))
    return [str(a["/A"]["/URI"]) for a in annotations if "/A" in a and "/URI" in a["/A"]]


def test_lettered_lists_and_to_do_lists_that_ask_nothing_print_as_notes_and_questions_do_not() -> None:
    """What only looks like a question's options (a list under "agrees that:", a checklist under "What
    I revised") is the notes as written: printed, and its term bullets are cards."""
    parsed = parse_notes(LISTS)
    built = build(parsed.deck)

    sheet = text(built.files["pdf/01-lists.pdf"])
    assert_in_order(sheet, ["the data they upload", "their access keys", "IAM policies", "Organizations"])
    assert "hypervisor" not in sheet
    assert [item.kind for item in parsed.deck.items()] == ["card", "mcq"]
    assert [problem.severity for problem in parsed.problems] == ["warning", "warning"]


LISTS = Path(__file__).parent / "fixtures" / "lists"


CALLOUTS = Path(__file__).parent / "fixtures" / "callouts"
DEFINITIONS = Path(__file__).parent / "fixtures" / "definitions"


@pytest.mark.parametrize(
    ("notes", "printed", "never_printed", "cards"),
    [
        pytest.param(
            CALLOUTS,
            [
                "Bucket names A Quill bucket's name is unique across every account.",
                "It cannot be renamed later.",
                "Which tier keeps data for a decade? The Frost tier.",
                "Tip Tag buckets by team.",
                "Deleting a bucket Empty it first.",
                '!!! note "shown as code"',
            ],
            "[!",
            [("Which tier keeps data for a decade?", "The Frost tier.")],
            id="callouts and admonitions under their titles, not their markers; one that asks is a card; "
            "an admonition in fenced code stays code",
        ),
        pytest.param(
            DEFINITIONS,
            [
                "Quill Bucket: Object storage with no limit on size.",
                "Ember Disk: A block volume one server mounts.",
                "Its snapshots go to Quill buckets.",
                "Data stays in the region you choose.",
            ],
            " : ",
            [
                ("Quill Bucket", "Object storage with no limit on size."),
                ("Ember Disk", "A block volume one server mounts.\n\nIts snapshots go to Quill buckets."),
            ],
            id="a definition list's terms before their definitions, as glossary lines; each term is a card",
        ),
    ],
)
def test_a_sheet_prints_callouts_and_definition_lists_as_paper_shows_them(
    notes: Path, printed: list[str], never_printed: str, cards: list[tuple[str, str]]
) -> None:
    """What a folded callout or a definition list says prints in order, without the markup that only
    a screen reads; the cards they hold are made as well."""
    parsed = parse_notes(notes)
    sheet = text(build(parsed.deck).files[f"pdf/01-{notes.name}.pdf"])
    assert_in_order(sheet, printed)
    assert never_printed not in sheet
    assert [(card.front, card.back) for card in parsed.deck.cards] == cards


NESTED = Path(__file__).parent / "fixtures" / "nested"


def test_nested_list_items_hang_from_their_markers_wrapped_lines_and_all() -> None:
    """A wrapped line of a nested item starts under its own first word, not back at its parent's."""
    sheet = reader(build(parse_notes(NESTED).deck).files["pdf/01-networks.pdf"])
    lines: list[tuple[str, float]] = []

    def visit(chunk: str, _cm: object, tm: Sequence[float], _font: object, _size: object) -> None:
        if chunk.strip():
            lines.append((chunk.strip(), round(tm[4], 1)))

    sheet.pages[0].extract_text(visitor_text=visit)
    items: list[list[float]] = []  # per item: where each of its lines starts
    for (before, _), (words, start) in itertools.pairwise(lines):
        if re.fullmatch(r"•|\d+\.", before):
            items.append([start])
        elif items and not re.fullmatch(r"•|\d+\.", words):
            items[-1].append(start)
    body = [starts for starts in items[:-1] if len(starts) > 1]  # wrapped ones; the last meets the footer
    assert len(body) == 7
    assert all(len(set(starts)) == 1 for starts in body)
    assert sorted({starts[0] for starts in body}) == [10.8, 21.6, 32.4]  # a step further in per level


def test_nested_list_items_are_set_off_from_each_other_as_top_level_ones_are() -> None:
    """Every item, nested or not, is one item's space below the one before it (nested ones were set
    solid, so a sub-list read as one paragraph); only the wrapped lines of one item are set solid."""
    lines = _lines(reader(build(parse_notes(NESTED).deck).files["pdf/01-networks.pdf"]).pages[0])
    items: list[float] = []
    wrapped: list[float] = []
    listed = False
    for (_, above, _), (_, y, words) in itertools.pairwise(lines):
        gap, marker = round(above - y, 1), _MARKER.fullmatch(words) is not None
        if gap == 0:
            continue  # the same line: a marker and its words, or a run in bold
        down = 0 < gap < 20  # the next line down the same column
        if listed and down:
            (items if marker else wrapped).append(gap)
        listed = marker or (listed and down)
    assert len(items) >= 5 and max(items) - min(items) < 0.3  # one space between items, at every level
    assert min(items) > max(wrapped) + 0.5


_MARKER = re.compile(r"•|\d+\.")


def _lines(page: PageObject) -> list[tuple[float, float, str]]:
    """Each piece of text a page draws: where it starts (x, baseline y, in points) and its words."""
    found: list[tuple[float, float, str]] = []

    def visit(chunk: str, cm: Sequence[float], tm: Sequence[float], _font: object, _size: object) -> None:
        if chunk.strip():
            found.append((round(cm[4] + tm[4], 1), round(cm[5] + tm[5], 1), chunk.strip()))

    page.extract_text(visitor_text=visit)
    return found


NUMBERED = Path(__file__).parent / "fixtures" / "numbered"


def test_a_list_numbered_past_nine_hangs_every_item_s_text_as_far_in_as_its_widest_number() -> None:
    """``10.`` needs more room than ``9.``: every item of its list, wrapped lines too, starts where the
    text after ``10.`` does (it was pushed right of the other items' text), nested lists likewise.
    (The page's last four pieces of text are its running header and footer.)"""
    lines = _lines(reader(build(parse_notes(NUMBERED).deck).files["pdf/01-steps.pdf"]).pages[0])[:-4]
    hangs: dict[float, set[float]] = {}  # where a list's numbers start → where its items' lines do
    number: tuple[float, float] | None = None  # where the last number starts, and its line
    for x, y, words in lines:
        if re.fullmatch(r"\d+\.", words):
            number = (x, y)
        elif number and x > number[0] and y <= number[1]:  # its item's lines
            hangs.setdefault(number[0], set()).add(x)
    assert len(hangs) >= 3  # numbers in two columns, and nested ones
    assert all(len(starts) == 1 for starts in hangs.values()), hangs


SHORT = Path(__file__).parent / "fixtures" / "short"


def test_the_module_band_of_a_short_sheet_heads_its_first_lines_never_a_column_alone() -> None:
    """The last page's columns are balanced: made as short as a few lines, they had left the band
    alone in the first column, its part and terms in the next."""
    lines = _lines(reader(build(parse_notes(SHORT).deck).files["pdf/01-short.pdf"]).pages[0])
    band = next(x for x, _, words in lines if words == "Module 1 · Short")  # before the running header
    part = next(x for x, _, words in lines if words == "Cram Sheet")
    assert abs(band - part) < 5  # one column's left edge
