"""The broken-notes corpus: every case gives correct output or a ``path:line: message``, never a traceback.

Each folder under ``corpus/`` is a notes folder a user could have typed, pasted or exported. Every
case goes through ``check``, ``build`` (all formats) and ``dump --json``, on a copy in ``tmp_path``.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from ccpkit.export.anki.notes import anki_notes
from ccpkit.parse import parse_notes
from tests.hardening.commands import Commands, assert_clean_exit, problem_lines

CORPUS = Path(__file__).parent / "corpus"

ERRORS: dict[str, list[str]] = {
    "mcq-no-answer": ["01-compute/questions.md:3: question has no answer"],
    "mcq-answer-not-an-option": ["01-compute/questions.md:11: answer E is not one of the options (A, B, C)"],
    "mcq-duplicate-letters": ["01-compute/questions.md:7: option letter B is used twice"],
    "options-without-stem": ["01-compute/questions.md:3: options without a question"],
    "table-ragged-rows": ["01-compute/cram-sheet.md:7: table row has 2 cells but the header has 3"],
    "invalid-utf8": ["01-compute/cram-sheet.md:3: not valid UTF-8 (byte 0xff"],
    "utf16": ["01-compute/cram-sheet.md:1: file is UTF-16 text: save it as UTF-8 (until then none of it is"],
    "nul-bytes": ["01-compute/cram-sheet.md:3: NUL byte in the text"],
    "binary-named-md": ["01-compute/image.md:3: not valid UTF-8 (byte 0x80"],
    "path-ids": [
        "01-paths/cram-sheet.md:4: pinned id '../../../../outside/table' cannot be used",
        "01-paths/cram-sheet.md:9: pinned id '/etc/passwd' cannot be used",
    ],
    "duplicate-ids": [
        "01-compute/cram-sheet.md:7: duplicate id pinned: already used by the card at "
        "01-compute/cram-sheet.md:4",
        "01-compute/questions.md:13: info: id 01-compute/mcq/which-service-runs-virtual-servers is taken "
        "by the mcq at 01-compute/questions.md:3",
    ],
}
"""Cases whose notes hold errors: exit 1 and exactly these problems (each a prefix of its line)."""

WARNINGS: dict[str, list[str]] = {
    "answer-key-without-questions": [
        "01-compute/questions.md:5: warning: answer key entry 1 matches no question above it",
        "01-compute/questions.md:6: warning: answer key entry 2 matches no question above it",
        "01-compute/questions.md:7: warning: answer key entry 3 matches no question above it",
    ],
    "table-header-only": ["01-compute/cram-sheet.md:5: warning: table has a header but no rows"],
    "unclosed-fence": ["01-compute/cram-sheet.md:5: warning: code fence is never closed"],
    "unclosed-details": ["01-compute/questions.md:11: warning: <details> is never closed"],
    "unclosed-formula": [
        "01-maths/cram-sheet.md:3: warning: formula \\( is never closed in this paragraph: add \\) after it",
        "01-maths/cram-sheet.md:4: warning: formula \\[ is never closed in this paragraph: add \\] after it",
        "01-maths/cram-sheet.md:12: warning: formula \\( is never closed in this paragraph",
    ],
    "broken-tex": [
        "01-maths/cram-sheet.md:3: warning: formula `\\frac{a}{b` has a { never closed: add }",
        "01-maths/cram-sheet.md:6: warning: formula `\\sqrt{x` has a { never closed: add }",
        "01-maths/cram-sheet.md:8: warning: formula `\\begin{matrix} 1 & 0 \\\\ 0 & 1 \\end{pmat…` ends "
        "\\begin{matrix} with \\end{pmatrix}: make the two names agree",
        "01-maths/cram-sheet.md:9: warning: formula `\\sqrt{2` has a { never closed: add }",
        "01-maths/cram-sheet.md:10: warning: formula `a + b}` has a } that closes nothing: remove it",
        "01-maths/cram-sheet.md:12: warning: formula \\[ is never closed in this paragraph: add \\] after it",
    ],
    "invisible-characters": [
        "01-compute/cram-sheet.md:4: warning: invisible character U+001B (a control character) at column 18; "
        "3 in this file: delete it"
    ],
    "hostile": [
        "01-hostile/cram-sheet.md:6: warning: picture https://example.com/track.png is not fetched",
        "01-hostile/cram-sheet.md:11: warning: cloze markers in a table's cells are not clozes",
    ],
    "lettered-list-in-prose": [
        "01-compute/lecture-notes.md:5: warning: lettered list with no answer under words that ask no"
    ],
    "unread-pins": [
        "01-pins/cram-sheet.md:3: warning: this pin was not read, so the item below keeps its derived id",
        "01-pins/cram-sheet.md:6: warning: this pin was not read, so the item below keeps its derived id",
    ],
}
"""Cases that build (exit 0) but deserve a word: exactly these warnings."""

CLEAN = [
    "bom",
    "cr",
    "crlf",
    "csv-formula",
    "empty-file",
    "markup-in-titles",
    "odd-names",
    "odd-titles",
    "web-clipped-brackets",
]


def test_every_corpus_case_has_an_expectation() -> None:
    cases = {path.name for path in CORPUS.iterdir() if path.is_dir()}
    assert cases == {*ERRORS, *WARNINGS, *CLEAN}


def commands_for(case: str, tmp_path: Path) -> Commands:
    notes = tmp_path / "notes"
    shutil.copytree(CORPUS / case, notes)
    return Commands(notes, tmp_path / "build")


def expected_problems(case: str) -> tuple[int, list[str]]:
    if case in ERRORS:
        return 1, ERRORS[case]
    return 0, WARNINGS.get(case, [])


def assert_problems(output: str, expected: list[str]) -> None:
    reported = problem_lines(output)
    assert len(reported) == len(expected), reported
    for line, prefix in zip(reported, expected, strict=True):
        assert line.startswith(prefix), (line, prefix)


@pytest.mark.parametrize("case", sorted({*ERRORS, *WARNINGS, *CLEAN}))
def test_check_build_and_dump_report_problems_by_line(case: str, tmp_path: Path) -> None:
    commands = commands_for(case, tmp_path)
    exit_code, expected = expected_problems(case)

    checked = commands.check()
    assert_clean_exit(checked, exit_code)
    assert_problems(checked.output, expected)

    built = commands.build()
    assert_clean_exit(built, exit_code)
    assert_problems(
        built.stdout, [line for line in expected if ": info: " not in line]
    )  # --verbose shows them
    written = sorted(p.relative_to(commands.out).as_posix() for p in commands.out.rglob("*") if p.is_file())
    assert "anki/notes.apkg" in written  # the course is named after its notes folder
    assert "json/deck.json" in written
    assert "pdf/course.pdf" in written

    dumped = commands.dump()
    assert_clean_exit(dumped, 0)  # dump prints whatever parsed; problems go to stderr
    assert_problems(dumped.stderr, expected)
    assert json.loads(dumped.stdout)["title"]


def dump(case: str, tmp_path: Path) -> dict[str, list[dict[str, object]]]:
    result = commands_for(case, tmp_path).dump()
    assert_clean_exit(result, 0)
    deck: dict[str, list[dict[str, object]]] = json.loads(result.stdout)
    return deck


@pytest.mark.parametrize("case", ["cr", "crlf"])
def test_old_mac_and_windows_line_endings_read_like_unix_ones(case: str, tmp_path: Path) -> None:
    deck = dump(case, tmp_path)
    cards = [(card["front"], card["back"], card["source"]) for card in deck["cards"]]
    assert cards == [
        ("EC2", "Virtual servers.", "01-compute/cram-sheet.md:3"),
        ("S3", "Object storage.", "01-compute/cram-sheet.md:4"),
    ]


def test_a_byte_order_mark_is_not_part_of_the_text(tmp_path: Path) -> None:
    deck = dump("bom", tmp_path)
    assert deck["cards"][0]["part"] == "Cram Sheet"
    assert deck["cards"][0]["source"] == "01-compute/cram-sheet.md:3"


def test_empty_files_make_empty_modules(tmp_path: Path) -> None:
    deck = dump("empty-file", tmp_path)
    assert [module["items"] for module in deck["modules"]] == [0, 0]


def test_a_pin_that_was_read_names_the_item_and_the_others_keep_derived_ids(tmp_path: Path) -> None:
    deck = dump("unread-pins", tmp_path)
    assert [card["id"] for card in deck["cards"]] == ["01-pins/card/ec2", "01-pins/card/s3", "good-pin"]


def test_dots_spaces_and_emoji_in_names_become_safe_slugs(tmp_path: Path) -> None:
    deck = dump("odd-names", tmp_path)
    assert [module["slug"] for module in deck["modules"]] == ["01-compute-and-more", "02-a-b", "dots-in-name"]
    assert deck["cards"][0]["source"] == "01-compute ☁️ and more/cram sheet 🚀.md:3"


def test_a_module_title_like_a_path_stays_a_title_and_writes_nothing_outside_the_output(
    tmp_path: Path,
) -> None:
    commands = commands_for("odd-names", tmp_path)
    before = set(tmp_path.rglob("*"))
    assert_clean_exit(commands.build(), 0)
    created = set(tmp_path.rglob("*")) - before
    notes_files = {p for p in created if p.is_relative_to(commands.notes)}
    assert {p.name for p in notes_files} == {".ccpkit-ledger.json"}
    assert all(p.is_relative_to(commands.out) for p in created - notes_files)
    pdfs = sorted(p.name for p in (commands.out / "pdf").iterdir())
    modules = ["00-dots-in-name.pdf", "01-compute-and-more.pdf", "02-a-b.pdf"]
    assert pdfs == [*modules, "course.pdf", "practice-exam.pdf"]


def test_formula_text_is_neutralised_in_the_spreadsheet_csvs_and_kept_for_anki(tmp_path: Path) -> None:
    commands = commands_for("csv-formula", tmp_path)
    assert_clean_exit(commands.build("csv"), 0)
    plain = [commands.out / "csv" / "cards.csv", *(commands.out / "csv" / "tables").glob("*.csv")]
    cells = [cell for path in plain for row in csv.reader(path.open(encoding="utf-8-sig")) for cell in row]
    assert '\'=HYPERLINK("http://evil","x")' in cells and "'-C1" in cells
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    anki = (commands.out / "csv" / "anki" / "term.csv").read_text(encoding="utf-8")
    assert '"=1+2"' in anki  # Anki never evaluates formulas: its fields keep the notes' text


def test_brackets_a_web_clipper_escaped_stay_brackets_and_tex_between_them_is_a_formula(
    tmp_path: Path,
) -> None:
    commands = commands_for("web-clipped-brackets", tmp_path)
    assert_clean_exit(commands.build("csv"), 0)
    rows = csv.DictReader((commands.out / "csv" / "cards.csv").open(encoding="utf-8-sig"))
    assert {row["definition"] for row in rows} == {
        "The name of an object in a bucket, such as photos[0].jpg [citation needed].",
        "A JSON document; its Statement is a list {Statement[]} [Edit]",
        "Keeps every version of an object, see [the user guide](https://example.com/guide).",
        "Eleven nines, written  1 - 10^{-11}  as a formula.",
    }
    anki = (commands.out / "csv" / "anki" / "term.csv").read_text(encoding="utf-8")
    assert "photos[0].jpg [citation needed]" in anki and "written \\[1 - 10^{-11}\\] as" in anki


def test_markup_in_titles_and_headings_prints_literally_in_the_pdf(tmp_path: Path) -> None:
    commands = commands_for("markup-in-titles", tmp_path)
    assert_clean_exit(commands.build_with("--format", "pdf", "--title", 'Course <b> & </i> "x"'), 0)
    text = PdfReader(commands.out / "pdf" / "01-a.pdf").pages[0].extract_text()
    # `<b>x</b>` is the one pair written as Markdown (bold x); every other tag shows as typed
    for literal in ("A & B <script> </font> {{Front}}", "Part x & </para>", 'Course <b> & </i> "x"'):
        assert literal in text


def test_blank_and_colon_titles_give_one_deck_level_per_module() -> None:
    deck = parse_notes(CORPUS / "odd-titles").deck
    assert [module.title for module in deck.modules] == ["Blank", "Storage::::Deep::Deeper"]
    decks = sorted({note.deck for note in anki_notes(deck)})
    assert decks == [
        "Odd titles::01 Blank",  # the course is named after its notes folder, odd-titles
        "Odd titles::02 Storage:Deep:Deeper",
    ]
