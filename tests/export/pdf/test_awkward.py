"""Awkward notes a student may well write: deep outlines, tables in questions, long identifiers.
Each test reads the PDF back as a student's viewer would."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pypdfium2 as pdfium

from ccpkit.parse import parse_notes
from tests.export.pdf.conftest import build
from tests.export.pdf.reading import assert_in_order, char_places, reader, rendered, squashed, text


def _sheet(tmp_path: Path, notes: str, name: str = "pdf/01-harbors.pdf") -> str:
    (tmp_path / "01-harbors").mkdir()
    (tmp_path / "01-harbors" / "notes.md").write_text(notes, encoding="utf-8")
    return text(build(parse_notes(tmp_path).deck).files[name])


def test_every_heading_of_a_deep_outline_prints_above_its_first_lines(tmp_path: Path) -> None:
    """Headings over nothing but deeper headings (`## Harbors` over `### Breakwaters` over … down
    to the notes) still print: the names a section opens under are its context, not only the last two."""
    sheet = _sheet(
        tmp_path,
        "# Lecture Notes\n\n## Harbors of the coast\n\n### Breakwaters\n\n#### Rubble mounds\n\n"
        "##### Armour units\n\n###### Tetrapods\n\n- **Tetrapod:** a four-legged concrete block.\n\n"
        "###### Accropodes\n\n- **Accropode:** a single-layer armour unit.\n",
    )
    assert_in_order(
        sheet,
        ["Harbors of the coast", "Breakwaters", "Rubble mounds", "Armour units", "Tetrapods", "Tetrapod:"],
    )
    assert_in_order(sheet, ["Armour units \u203a Accropodes", "Accropode:"])


TIERS = (
    "# Practice Questions\n\n### Question 1\n\nA team compares two storage tiers:\n\n"
    "| Tier | Latency | Minimum days |\n|---|---|---|\n"
    "| Hot | milliseconds | none |\n| Frozen | hours | 180 |\n\n"
    "Which tier suits an archive read once a year?\n\n- A) Hot\n- B) Frozen\n\n**Answer:** B\n\n"
    "**Explanation:** Compare what each costs:\n\n| Tier | Storage price | Retrieval price |\n|---|---|---|\n"
    "| Hot | high | free |\n| Frozen | lowest | per gigabyte |\n\n"
    "A yearly read makes the retrieval price small.\n"
)


def test_a_table_in_a_question_or_its_explanation_prints_as_a_grid_not_as_pipes(tmp_path: Path) -> None:
    """The exam draws a stem's table (and an explanation's, in the key) as the cram sheets draw
    tables: a grid of cells, the question's words above and below it in the notes' order."""
    exam = _sheet(tmp_path, TIERS, "pdf/practice-exam.pdf")
    assert "|" not in exam
    assert_in_order(
        exam,
        ["A team compares", "Tier", "Latency", "Frozen", "hours", "180", "Which tier suits", "Hot", "Frozen"],
    )
    assert_in_order(
        exam, ["Answer key", "Compare what each costs", "Retrieval price", "per gigabyte", "small."]
    )


CODE = (
    "# Cram Sheet\n\n## Handler\n\n```python\ndef handler(event, context):\n"
    '    return {"statusCode": 200, "body": json.dumps({"message": "hello from a long line of code", '
    '"requestId": context.aws_request_id})}\n\nprint(handler({}, None))\n```\n'
)


def _code_lines(printed: str) -> list[str]:
    """The printed lines from the code's first line to its last."""
    lines = [line.strip() for line in printed.splitlines()]
    start = next(index for index, line in enumerate(lines) if line.startswith("def handler"))
    end = next(index for index, line in enumerate(lines) if line.startswith("print(handler"))
    return lines[start : end + 1]


def test_a_code_line_wider_than_its_column_goes_on_under_a_continuation_mark(tmp_path: Path) -> None:
    """A wrapped line of code must not read as a line of its own (at the margin, in Python, a new
    statement): each line it goes on to starts further in than it did, after a drawn ↪, and it
    breaks after a space or a mark of punctuation, never inside a name, while there is one to break
    at. The mark is drawn, not typed: the code copied from the page is the code as written."""
    (tmp_path / "01-harbors").mkdir()
    (tmp_path / "01-harbors" / "notes.md").write_text(CODE, encoding="utf-8")
    data = build(parse_notes(tmp_path).deck).files["pdf/01-harbors.pdf"]
    lines = _code_lines(text(data))
    assert len(lines) > 3  # the long line was folded
    assert lines[0] == "def handler(event, context):" and lines[1].startswith("return {")
    written = (
        'return {"statusCode": 200, "body": json.dumps({"message": "hello from a long line of code", '
        '"requestId": context.aws_request_id})}'
    )
    pieces = lines[1:-1]
    assert squashed(" ".join(pieces)) == squashed(written)
    for before, after in itertools.pairwise(pieces):  # a name goes on whole: a break is at a space or a mark
        assert not (_in_name(before[-1]) and _in_name(after[0])) or f"{before[-6:]} {after[:6]}" in written
    chars = pdfium.PdfDocument(data)[0].get_textpage()
    everything = chars.get_text_range()
    start = chars.get_charbox(everything.index("return {"))[0]
    for piece in pieces[1:]:
        left, bottom, _, _ = chars.get_charbox(everything.index(piece[:12]))
        assert left > start + 5  # further in than the line it goes on
        assert _ink(data, start, left - 1, bottom, bottom + 5)  # the mark before it


def _ink(data: bytes, left: float, right: float, bottom: float, top: float) -> bool:
    """Whether anything dark prints in a box of the first page (points from its bottom left)."""
    width, height, pixels = rendered(data, 0, dpi=150)
    scale = 150 / 72
    rows = range(int(height - top * scale), int(height - bottom * scale))
    return any(
        pixels[row * width + x] < 128 for row in rows for x in range(int(left * scale), int(right * scale))
    )


def _in_name(char: str) -> bool:
    return char.isalnum() or char == "_"


def _left_edges(data: bytes, chars: str) -> list[float]:
    """The left edge of the first place each of ``chars`` prints on the first page, on the line of
    the first of them."""
    places = char_places(data, 0)
    line = next(bottom for char, _, _, bottom in places if char == chars[0])
    on_line = [(char, left) for char, left, _, bottom in places if abs(bottom - line) < 2]
    return [next(left for char, left in on_line if char == wanted) for wanted in chars]


def test_hebrew_prints_right_to_left_with_its_numbers_and_english_words_left_to_right(tmp_path: Path) -> None:
    """A word in Hebrew reads from the right: its first letter prints rightmost. Numbers and Latin
    words inside it read on from the left, and a paragraph in Hebrew starts at the right: its term
    (first in the notes) prints right of its definition."""
    (tmp_path / "01-harbors").mkdir()
    (tmp_path / "01-harbors" / "notes.md").write_text(
        "# Cram Sheet\n\n- **נמל:** מקום עגינה לספינות, AWS Region 2024 בקירוב\n", encoding="utf-8"
    )
    data = build(parse_notes(tmp_path).deck).files["pdf/01-harbors.pdf"]
    nun, mem, lamed, ayin, aleph, whiskey, two, four = _left_edges(data, "נמלעAW24")
    assert nun > mem > lamed  # נמל from the right
    assert lamed > ayin  # the term right of its definition
    assert aleph < whiskey and two < four  # "AWS" and "2024" from the left


def test_a_hebrew_module_title_reads_right_to_left_in_the_running_header_too(tmp_path: Path) -> None:
    (tmp_path / "01-harbors").mkdir()
    (tmp_path / "01-harbors" / "notes.md").write_text(
        "---\nmodule_title: נמלים\n---\n\n# Cram Sheet\n\n- **Quay:** a landing place.\n", encoding="utf-8"
    )
    data = build(parse_notes(tmp_path).deck).files["pdf/01-harbors.pdf"]
    height = float(reader(data).pages[0].mediabox[3])
    header = [(char, left) for char, left, _, bottom in char_places(data, 0) if bottom > height - 40]
    nun, lamed = (next(left for char, left in header if char == wanted) for wanted in "נל")
    assert nun > lamed


def test_a_hebrew_table_has_its_first_column_at_the_right(tmp_path: Path) -> None:
    """A table whose header reads right to left prints its columns from the right, as its notes show
    it: the column naming each row is rightmost on every line, and a cell of digits sits flush right
    under its header. A table in English beside it keeps its first column at the left."""
    (tmp_path / "01-harbors").mkdir()
    hebrew = "| נמל | עומק |\n|---|---|\n| חיפה | 12 |\n| אשדוד | 15 |\n"
    english = "| Wharf | Berth |\n|---|---|\n| Xanadu | 9 |\n"
    (tmp_path / "01-harbors" / "notes.md").write_text(
        f"# Cram Sheet\n\n## נמלים\n\n{hebrew}\n## Quays\n\n{english}", encoding="utf-8"
    )
    data = build(parse_notes(tmp_path).deck).files["pdf/01-harbors.pdf"]
    for depth, name in ("קנ", "2ח", "5ש"):  # the header's, then each row's, on its line
        depth_at, name_at = _left_edges(data, depth + name)
        assert name_at > depth_at + 20
    places = char_places(data, 0)
    ayin_right = next(right for char, _, right, _ in places if char == "ע")
    for number in "25":  # a depth, no letter in it: flush right in its column, as the header over it
        assert abs(next(right for char, _, right, _ in places if char == number) - ayin_right) < 3
    wharf, berth = _left_edges(data, "WB")
    xanadu, nine = _left_edges(data, "X9")
    assert wharf < berth and xanadu < nine


def _overprinted(data: bytes) -> list[tuple[str, str]]:
    """Pairs of characters of the first page whose glyph boxes overlap, neighbours in the text aside
    (a letter and its exponent may touch): ink printed over other ink."""
    chars = pdfium.PdfDocument(data)[0].get_textpage()
    boxes = [(at, chars.get_text_range(at, 1), chars.get_charbox(at)) for at in range(chars.count_chars())]
    printed = [box for box in boxes if box[1].strip()]
    return [
        (first, second)
        for (at, first, (l1, b1, r1, t1)), (other, second, (l2, b2, r2, t2)) in itertools.combinations(
            printed, 2
        )
        if other - at > 1 and min(r1, r2) - max(l1, l2) > 0.3 and min(t1, t2) - max(b1, b2) > 0.3
    ]


def test_exponents_and_indices_never_print_over_the_lines_above_and_below(tmp_path: Path) -> None:
    """A line with a subscript (∑ with i=1 under it) over a line with a superscript (x²): each line
    with scripts takes the room they need, so neither prints into the other."""
    sheet = (
        "# Cram Sheet\n\n## Formulas\n\n- **Sum:** $C = \\sum_{i=1}^{n} p_i \\times h_i$\n"
        "- **Square:** $x^2 + y_1 \\le z^{10}$\n- **Energy:** $E = mc^2$ and $a_{n+1} = a_n^2$\n"
    )
    (tmp_path / "01-harbors").mkdir()
    (tmp_path / "01-harbors" / "notes.md").write_text(sheet, encoding="utf-8")
    data = build(parse_notes(tmp_path).deck).files["pdf/01-harbors.pdf"]
    assert "Sum" in text(data) and _overprinted(data) == []


def _letter_height(data: bytes, index: int, word: str, letter: str) -> float:
    """How tall ``letter`` prints in the first ``word`` on page ``index`` (from 0)."""
    chars = pdfium.PdfDocument(data)[index].get_textpage()
    at = chars.get_text_range().index(word) + word.index(letter)
    _, bottom, _, top = chars.get_charbox(at)
    return float(top - bottom)


def test_a_table_in_a_question_prints_as_large_as_the_question_and_in_the_key_as_the_key(
    tmp_path: Path,
) -> None:
    """The cram sheets' small table type would leave the table a question is about the hardest part of
    it to read: a question's table is set at the question's size, an explanation's at the key's."""
    (tmp_path / "01-harbors").mkdir()
    (tmp_path / "01-harbors" / "practice-questions.md").write_text(TIERS, encoding="utf-8")
    data = build(parse_notes(tmp_path).deck).files["pdf/practice-exam.pdf"]
    assert abs(_letter_height(data, 0, "compares", "o") - _letter_height(data, 0, "milliseconds", "o")) < 0.2
    key = len(pdfium.PdfDocument(data)) - 1
    assert (
        abs(_letter_height(data, key, "Compare what", "o") - _letter_height(data, key, "lowest", "o")) < 0.2
    )


def test_a_number_with_a_point_a_dash_or_a_currency_sign_reads_left_to_right_in_hebrew(
    tmp_path: Path,
) -> None:
    """``9.7$``, ``16:48`` and ``3-5`` are one number each: inside Hebrew they still print as written,
    never reversed around their point, colon or dash (``$7.9``)."""
    (tmp_path / "01-harbors").mkdir()
    (tmp_path / "01-harbors" / "notes.md").write_text(
        "# Cram Sheet\n\nבערך 9.7$ לשעה, בשעה 16:48, למשך 3-5 ימים\n", encoding="utf-8"
    )
    data = build(parse_notes(tmp_path).deck).files["pdf/01-harbors.pdf"]
    nine, point, seven, dollar, one, six, colon, four, three, dash, five = _left_edges(data, "9.7$16:43-5")
    assert nine < point < seven < dollar
    assert one < six < colon < four
    assert three < dash < five


def test_a_hebrew_list_item_hangs_from_a_bullet_at_its_right(tmp_path: Path) -> None:
    """Flush right, a Hebrew item's bullet belongs at its right, where its words start, not a column's
    width away at the left."""
    (tmp_path / "01-harbors").mkdir()
    (tmp_path / "01-harbors" / "notes.md").write_text("# Cram Sheet\n\n- נמל קטן\n- מעגן\n", encoding="utf-8")
    data = build(parse_notes(tmp_path).deck).files["pdf/01-harbors.pdf"]
    places = char_places(data, 0)
    _, nun, _, line = next(place for place in places if place[0] == "נ")
    bullet = min((place for place in places if place[0] == "\u2022"), key=lambda place: abs(place[3] - line))
    assert 0 < bullet[1] - nun < 20


ADDRESS = "https://docs.example.org/harbors/northern-coast/breakwaters/rubble-mound-design-guide-2024?lang=en"
ARN = "arn:aws:iam::123456789012:role/service-role/HarborPilotSchedulerExecutionRole-2024-northern"


def test_a_word_longer_than_a_line_breaks_after_a_slash_colon_or_dash_not_inside_a_name(
    tmp_path: Path,
) -> None:
    """A web address or an ARN longer than the column goes on after one of its ``/`` or ``:``, or
    before a ``-`` (a dash ending a line reads as a hyphen), never in the middle of a name; it comes
    back whole on copy."""
    sheet = _sheet(tmp_path, f"# Cram Sheet\n\n- **Guide:** {ADDRESS}\n- **Pilot role:** {ARN}\n")
    for word in (ADDRESS, ARN):
        assert word in squashed(sheet)
        first = word[:12]
        lines = [line.strip() for line in sheet.splitlines()]
        start = next(at for at, line in enumerate(lines) if first in line)
        pieces = [lines[start][lines[start].index(first) :]]
        while squashed("".join(pieces)) != word:
            pieces.append(lines[start + len(pieces)])
        assert len(pieces) > 1
        for before, after in itertools.pairwise(pieces):  # after a slash or colon, or before a dash
            assert before[-1] in "/:" or after[0] in "-.", pieces


def test_placeholders_and_long_words_break_whole_or_with_a_hyphen(tmp_path: Path) -> None:
    """A line of characters no font has prints as code points, each whole on its line (``[U+970`` over
    ``0]`` names another character); a word of letters longer than a line breaks with a hyphen."""
    amharic = "የወደብ መከላከያ ግድብ መርከቦችን ከማዕበል ይጠብቃል" * 3  # Ethiopic: in none of the fonts
    word = "Hafendampfschifffahrtsgesellschaftskapitaensmuetzenabzeichen" * 2
    sheet = _sheet(tmp_path, f"# Cram Sheet\n\n{amharic}\n\n{word}\n")
    lines = [line.strip() for line in sheet.splitlines()]
    coded = [line for line in lines if "[U+" in line]
    assert len(coded) > 2 and all(re.fullmatch(r"(?:\[U\+[0-9A-F]{4,6}\]| )+", line) for line in coded)
    pieces = [line for line in lines if re.fullmatch(r"[A-Za-z]+-?", line)]
    assert "".join(piece.removesuffix("-") for piece in pieces) == word
    assert all(piece.endswith("-") for piece in pieces[:-1]) and len(pieces) > 1


def test_a_word_longer_than_a_column_breaks_over_several_columns_of_the_course(tmp_path: Path) -> None:
    """A word thousands of characters long goes on over columns and pages: the part after a column
    break opened on the line break ending the last, which reportlab could not split again (an
    ``IndexError`` ended the build)."""
    word = "\\[" * 8_000  # escaped brackets, as a web clipper writes them: one long word of `[`
    (tmp_path / "01-harbors").mkdir()
    (tmp_path / "01-harbors" / "notes.md").write_text(
        f"# Cram Sheet\n\n- **Display:** {word}\n", encoding="utf-8"
    )

    course = text(build(parse_notes(tmp_path).deck).files["pdf/course.pdf"])

    assert squashed(course).count("[") >= 8_000


def test_a_hebrew_title_in_the_course_contents_keeps_its_dot_leaders_to_its_page(tmp_path: Path) -> None:
    """The contents lead every title to its page number with dots, a Hebrew one too: set flush right
    it lost them and stood apart from the other lines."""
    (tmp_path / "01-harbors").mkdir()
    (tmp_path / "01-harbors" / "notes.md").write_text("# סיכום\n\n- **Quay:** a landing place.\n")
    course = build(parse_notes(tmp_path).deck).files["pdf/course.pdf"]
    places = char_places(course, 0)
    samekh = next(place for place in places if place[0] == "\u05e1")  # samekh
    dots = [place for place in places if place[0] == "." and abs(place[3] - samekh[3]) < 2]
    assert len(dots) > 10 and min(place[1] for place in dots) > samekh[2]


def test_a_to_do_item_prints_its_box_ticked_or_not_instead_of_a_bullet_and_brackets(tmp_path: Path) -> None:
    sheet = _sheet(
        tmp_path, "# Cram Sheet\n\n## Before the exam\n\n- [ ] book the test centre\n- [x] read the FAQ\n"
    )
    assert_in_order(sheet, ["\u2610 book the test centre", "\u2611 read the FAQ"])
    assert "[ ]" not in sheet and "[x]" not in sheet


def test_a_part_titled_as_its_module_prints_no_bar_saying_the_band_again(tmp_path: Path) -> None:
    """A module of one file whose heading names the module (`# Harbors` in the module Harbors) shows
    its title once, in the band, not again in a part bar right below it; a later part of that title
    keeps its bar, or its notes would read as the part's above."""
    (tmp_path / "01-harbors").mkdir()
    notes = "# Harbors\n\n- **Breakwater:** a wall against waves.\n\n## Quays\n\n- **Quay:** a platform.\n"
    (tmp_path / "01-harbors" / "notes.md").write_text(notes, encoding="utf-8")
    (tmp_path / "02-tides").mkdir()
    (tmp_path / "02-tides" / "cram-sheet.md").write_text("# Cram Sheet\n\n- **Neap:** a low tide.\n", "utf-8")
    (tmp_path / "02-tides" / "tides.md").write_text("# Tides\n\n- **Spring:** a high tide.\n", "utf-8")
    files = build(parse_notes(tmp_path).deck).files
    assert squashed(text(files["pdf/01-harbors.pdf"])).startswith(
        squashed("Module 1 · Harbors • Breakwater:")
    )
    assert_in_order(
        text(files["pdf/02-tides.pdf"]), ["Module 2 · Tides", "Cram Sheet", "Neap:", "Tides", "Spring:"]
    )
