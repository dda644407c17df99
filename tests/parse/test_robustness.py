"""Whatever a user types, the parser answers with items and problems, never with a traceback."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ccpkit.cloze_syntax import hidden_parts, mistakes
from ccpkit.model import Card
from ccpkit.parse import parse_notes
from ccpkit.parse.context import Context, unblocked
from ccpkit.parse.document import _ATTRIBUTE_LINE, _ATTRIBUTES, _HEADING_ATTRIBUTES, HASHTAG, parse_document
from ccpkit.parse.footnotes import _rewritten
from ccpkit.parse.option_marks import _LETTER_LINE, _ROMAN_LINE, answers_by_mark
from ccpkit.parse.rules.answers import _RANGE_OF_ENTRIES, answer_line, details_text
from ccpkit.parse.rules.cards import _ENUMERATION, _FIRST_SEPARATOR, _QUOTED_WITH_SOURCE, _read_term
from ccpkit.parse.rules.flashcards import _NUMBER_TAG_ALONE, _PHRASE_ROW, _REDDIT_SPOILER, _hide_code
from ccpkit.parse.rules.matching import _LABELLED
from ccpkit.parse.rules.options import _BREAK_AT_END, _TRAILING_ANSWER, _wide_gap_ends
from ccpkit.parse.rules.separated import _TAGS
from ccpkit.parse.rules.terms import (
    _OPENING_DEFINITION,
    _closed,
    _hidden,
    _outside_brackets,
    only_asides,
    plain_term,
)
from ccpkit.parse.rules.unclosed import check_unclosed

FRAGMENTS = (
    "",
    "# Part",
    "### Question 1",
    "## Answers",
    "**Answers:**",
    "- **Term:** definition",
    "- **Term:**",
    "- **Focus:** label",
    "  - **Child:** nested",
    "1. **Numbered:** term",
    "1. Which option?",
    "Q1. Which one?",
    "- A) one",
    "- B) two",
    "- B) again",
    "A) line option",
    "- [x] ticked",
    "- [ ] not ticked",
    "**Answer:** B",
    "Answer: Z",
    "Correct answer: A, B",
    "Explanation: because",
    "1. B",
    "- H1: C.** why",
    "<details>",
    "<summary>Answer</summary>",
    "</details>",
    "| a | b |",
    "|---|---|",
    "| 1 | 2 | 3 |",
    "| 1 |",
    "{#pinned}",
    "---",
    "module_title: x",
    "Choose TWO",
    "$x^2$ and \\$5",
    "```",
    "> quoted - **Q:** x",
    "### What does this print?",
    "- **Answer:** 1",
    "\x0c",
    "- ## Heading bullet",
    "\t- child\tdefinition",
    "term\tdefinition",
    "goes on in lower case",
    "( ) True",
    "(x) False",
    "What is it? [1 mark]",
    "> [!question] Define it.",
    "> > [!success]- Answer",
    "<summary>Show example</summary>",
    "#### Answer: A",
    '<ol type="A">',
    "<li>A. first",
    "<li>second</li>",
    "</ol>",
    "<ul><li>A. one</li><li>B. two</li></ul>",
    "<p>Which one?</p>",
    "<details><summary>Answer</summary>B</details>",
    '<input type="radio" checked> pick<br>',
    "<!-- Answer: A -->",
    "- B) two <!-- correct -->",
    "Statement. ( ) True (x) False",
    "- [x] ticked -> why",
    "| A. Ohm | 1. Resistance |",
    "Answer: A-1, B-2",
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40), st.lists(st.sampled_from(FRAGMENTS), max_size=20))
def test_any_mix_of_notes_syntax_parses_without_an_exception(first: list[str], second: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        notes = Path(folder)
        (notes / "01-a").mkdir()
        (notes / "01-a" / "one.md").write_text("\n".join(first), encoding="utf-8")
        (notes / "01-a" / "two.md").write_text("\n".join(second), encoding="utf-8")
        parsed = parse_notes(notes)
    for problem in parsed.problems:
        assert problem.location.path in {"01-a/one.md", "01-a/two.md"}
        assert problem.location.line >= 1


def test_a_scenario_over_html_then_an_answer_parses_without_an_exception(tmp_path: Path) -> None:
    notes = {
        "one.md": "**Scenario:** s\n</table>\n\nkey:: value\n",
        "two.md": "**Scenario:** s\n<h3>Question 7: ok?</h3>\n<quiz>\n**Answer:** Z\n",
    }
    (tmp_path / "01-a").mkdir()
    for name, text in notes.items():
        (tmp_path / "01-a" / name).write_text(text, encoding="utf-8")
    parsed = parse_notes(tmp_path)
    assert [card.front for card in parsed.deck.cards] == []


FOUND_BY_FUZZING = {
    "a heading that asks over code, then a bold term": (
        "### What does this print?\n\n```python\nprint(1)\n```\n\n- **Answer:** 1\n"
    ),
    "a form feed alone after options": "Which one?\n\nA) one\nB) two\n\n\x0c\n",
    "a Quizlet set mixing separators": (
        "Acid\tProton donor\nBase\tProton acceptor\nBuffer\tResists pH change\nSalt - a compound\n"
    ),
    "a definition under a line break alone": "\\\n: x\n",
    "a line that announces one-line paragraphs that are no terms": "kind ::\n\nEBS?\n\ntype.\n",
    "a question run on into an answered one at a file's first line": (
        "A. Vit\n- B. C\nCorrect: C\nQ#2\nA.\nCorre\n"
    ),
}


def test_forms_fuzzing_found_parse_without_an_exception(tmp_path: Path) -> None:
    (tmp_path / "01-a").mkdir()
    for number, text in enumerate(FOUND_BY_FUZZING.values()):
        (tmp_path / "01-a" / f"{number}.md").write_text(text, encoding="utf-8")
    parsed = parse_notes(tmp_path)
    assert all(problem.location.path.startswith("01-a/") for problem in parsed.problems)


# Odd input read again and again: each test checks the work, never the time it takes.


@pytest.mark.parametrize(
    ("pattern", "option"), [(_ROMAN_LINE, "- (i) EBS"), (_LETTER_LINE, "- क) S3"), (_LETTER_LINE, "क. S3")]
)
def test_the_look_for_marked_options_reads_one_line_at_a_time(pattern: re.Pattern[str], option: str) -> None:
    """Read on over the blank or quoted lines above an option, it read a run of such lines again from
    each of them (10,000 `>>>` lines took 22 s). The file is looked at all the same."""
    text = f"Which?\n\n \n>\n>>\n-\n> > \n{option}\n\nAnswer: (i)\n"
    match = pattern.search(text)
    assert match is not None
    assert "\n" not in match[0]
    assert answers_by_mark(text)


def test_a_long_word_after_a_cards_second_percent_line_is_read_once_as_no_tags() -> None:
    """ankdown's third field is tags when it is words parted by commas or spaces; a word of sixty
    letters ending a sentence was tried cut in every way (2^60: a build that never ended)."""
    assert _TAGS.fullmatch("a" * 60 + ".") is None
    assert _TAGS.fullmatch("math, probability #exam aws::s3") is not None
    assert _TAGS.fullmatch("mathprobability") is not None


@pytest.mark.parametrize("piece", ["$x$ and ", "`f` and ", "\\(x\\) and "])
def test_a_cloze_never_closed_over_many_formulas_is_read_once(piece: str) -> None:
    """A cloze's answer reads a formula or code span whole, or else char by char: never closed, one
    over 60 formulas was tried cut in 2^60 ways (18 formulas took over a minute)."""
    text = "The {{c1::" + piece * 60 + "more"
    assert [part.answer for part in hidden_parts(text)] == []
    assert [mistake.start for mistake in mistakes(text)] == [4]


def test_a_cloze_reads_its_formulas_whole_or_else_char_by_char() -> None:
    found = hidden_parts("{{c1::$a::b$ and `std::vector`::a hint}} and {{c2::$5}} a month, $")
    assert [(part.answer, part.hint) for part in found] == [
        ("$a::b$ and `std::vector`", "a hint"),
        ("$5", ""),
    ]


def test_a_heading_or_a_list_of_many_attributes_never_closed_is_read_once() -> None:
    """An attribute's value quoted (``key=""``) was read both quoted and not: a heading of 60 such
    attributes and no ``}`` was tried in 2^60 ways (26 took 27 s)."""
    many = 'key="" ' * 60
    assert _HEADING_ATTRIBUTES.search(f"## Setup {{#setup {many}\n") is None
    assert _ATTRIBUTES.search(f"**bold**{{: {many}") is None
    assert _ATTRIBUTE_LINE.fullmatch(f"{{: {many}") is None
    assert _HEADING_ATTRIBUTES.fullmatch(f"## Setup {{#setup {many}}}")["heading"] == "## Setup"  # type: ignore[index]
    assert _HEADING_ATTRIBUTES.fullmatch('## Setup { id="a b" x="c"d }')["heading"] == "## Setup"  # type: ignore[index]
    assert _ATTRIBUTES.search(f"**bold**{{: {many}}}") is not None


def test_a_long_list_after_a_colon_with_no_and_is_read_once() -> None:
    """A set to recall (``… uses: A, B and C``) was looked for with spaces read before an item or in
    it: a line of 60 items and no ``and`` was tried in 2^60 ways (24 items took the parse 5 s)."""
    assert _ENUMERATION.search("Editors we use: " + ", ".join(["vim"] * 60)) is None
    assert _ENUMERATION.search("Editors we use: " + ", ".join(["vim"] * 60) + " and emacs") is not None
    assert _ENUMERATION.search("methods: **A**,  **B**, and **C**.") is not None


def test_an_answer_label_over_a_long_run_of_spaces_and_a_second_line_is_read_once() -> None:
    """A matching question's answer line is one line; the spaces after its label were cut in every
    way before finding a second line (n^3: 400 spaces took 7 s, a line of 2,000 hours)."""
    assert _LABELLED.fullmatch("Answer" + " " * 100_000 + "1-b\n2-a") is None
    assert _LABELLED.fullmatch("**Answer:**   1-b, 2-a")["said"] == "1-b, 2-a"  # type: ignore[index]


def test_a_long_line_of_kanji_is_read_once_for_a_word_and_its_reading() -> None:
    """A word before its reading in ``【】`` was looked for from every place of a line with no space in
    it, each time to the line's end (n^2: a line of 50,000 kanji took 28 s)."""
    assert _read_term("\u6f22" * 50_000 + " x") is None
    assert _read_term("\u6f22" * 50_000 + "\u3010\u304b\u3093\u3011 x") is None
    assert _read_term("\u5207\u308b \u3010\u304d\u308b\u3011 to cut") is not None


def test_an_answer_line_s_label_over_a_long_run_of_spaces_is_read_once() -> None:
    """The spaces after an answer's label were cut in every way, each cut's look ahead reading the rest
    of the run (n^2: 20,000 spaces before a word took 38 s)."""
    assert answer_line("Answer" + " " * 50_000 + "x") is None
    assert answer_line("R\u00e9ponse(s) correcte(s)" + " \t" * 25_000 + "(s)") is None
    assert answer_line("Answer   is B").letters == ("B",)  # type: ignore[union-attr]
    assert answer_line("Answer  . C").letters == ("C",)  # type: ignore[union-attr]


def test_a_card_number_over_a_long_run_of_spaces_is_read_once() -> None:
    """A card's number line (``Card 1``) was tried with a run of blanks after it split in every way
    between two runs with only optional marks between them (20,000 spaces took the parse 4 s)."""
    assert _NUMBER_TAG_ALONE.fullmatch("Card 1" + " " * 100_000 + "x") is None
    assert _NUMBER_TAG_ALONE.fullmatch("card" + " \t" * 50_000 + "x") is None
    assert _NUMBER_TAG_ALONE.fullmatch("**Card 12:**  ") is not None
    assert _NUMBER_TAG_ALONE.fullmatch("Question  # 3 \u2014") is not None


def test_a_line_of_options_ending_in_a_long_run_of_spaces_is_read_once() -> None:
    """The answer after a line's options (``C) Edge — Answer: A``) was looked for cutting a run of
    spaces in every way from each of them (n^3: 600 spaces took the parse 4 s)."""
    assert _TRAILING_ANSWER.search("C) Edge" + " \t" * 50_000 + "x") is None
    assert _TRAILING_ANSWER.search("C) Edge" + " " * 50_000 + "\u2014 Answer: A") is not None
    assert _TRAILING_ANSWER.search("C) Zephyr Edge \u2014 Answer: A").span() == (14, 17)  # type: ignore[union-attr]


def test_a_run_of_spaces_or_bars_before_a_key_range_is_read_from_its_start() -> None:
    """Looked for from each place in a run of spaces (or `|`), a key's range read the rest of the run
    again from each (20,000 `|` took 20 s)."""
    line = "1-2: A B ,| \t 3\u20134 C D"
    assert [at for at in range(len(line)) if _RANGE_OF_ENTRIES.match(line, at)] == [0, 8]
    assert [entry["first"] for entry in _RANGE_OF_ENTRIES.finditer(line)] == ["1", "3"]


def test_a_run_of_spaces_before_a_break_ending_a_line_is_read_from_its_start() -> None:
    """As for a key's range (a paragraph of 80,000 spaces took 13 s)."""
    line = "A. S3 \t <br/>  "
    assert [at for at in range(len(line)) if _BREAK_AT_END.match(line, at)] == [5]
    assert _BREAK_AT_END.sub("", line) == "A. S3"


class _CountedLines(tuple[str, ...]):
    """A file's lines, counting how many are read, one by one or in slices."""

    read = 0

    def __iter__(self) -> Iterator[str]:
        self.read += len(self)
        return super().__iter__()

    def __getitem__(self, at: Any) -> Any:
        part = super().__getitem__(at)
        self.read += len(part) if isinstance(at, slice) else 1
        return part


def _lines_read(text: str) -> int:
    """How many lines the check for blocks left open reads in a file of ``text``."""
    document = parse_document("01-a/x.md", text)
    lines = _CountedLines(document.lines)
    problems = list(check_unclosed(Context("01-a", replace(document, lines=lines))))
    assert len(problems) == text.count("<details>")
    return lines.read


def test_details_left_open_are_told_in_one_read_of_the_file() -> None:
    """Each ``<details>`` left open looked below it, to the file's end, for a ``</details>`` that does
    not close it: twice as many read four times the lines (5,000 took 6 s)."""
    few, many = _lines_read("<details>\n" * 500), _lines_read("<details>\n" * 1000)
    assert many < 3 * few


LINK_ALPHABET = "[]()`$a :\n"
_LINK_OR_CODE = re.compile(
    r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)|\[\[[^\]\n]*\]\]|\[[^\]\n]*\]\([^)\n]*\)|\$[^$\n]+\$"
)
"""What ``_hidden`` blanks, as one pattern: exact, but it looks for a link's end again from every ``[``."""


@settings(max_examples=500, deadline=None)
@given(st.text(LINK_ALPHABET, max_size=30))
def test_links_code_and_formulas_are_hidden_where_the_one_pattern_finds_them(line: str) -> None:
    assert _hidden(line) == _LINK_OR_CODE.sub(lambda found: "x" * len(found[0]), line)


@pytest.mark.parametrize("repeated", ["[", "[a](", "![a](", "^[", "[a"])
def test_a_line_of_brackets_never_closed_is_read_through(repeated: str) -> None:
    # a link's end was looked for again from every `[`: 50,000 of them took 48 s, the square of the length
    many = 100_000
    line = "Word: " + repeated * many
    term = plain_term(line)
    assert term is not None
    assert (term.front, term.rest) == ("Word", repeated * many)
    assert _hidden("[" * many + "](x)") == "x" * (many + 4)


_CODE_FIELD_OR_TAG = re.compile(
    r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)|\{\{.*?\}\}|(?<![\w$])\$(?=\S)[^$\n]*?(?<=\S)\$(?!\d)|\\\(.*?\\\)"
    rf"|(?<!\S){HASHTAG}"
)
"""What ``_hide_code`` blanks, as one pattern: exact, but it looks for a close again from every ``{{``."""


@settings(max_examples=500, deadline=None)
@given(st.text("{}\\()`$#a :1\n", max_size=30))
def test_code_fields_formulas_and_tags_are_hidden_where_the_one_pattern_finds_them(line: str) -> None:
    assert _hide_code(line) == _CODE_FIELD_OR_TAG.sub(lambda found: "x" * len(found[0]), line)


@pytest.mark.parametrize("repeated", ["{", "{{a}", "\\(", "a::{{"])
def test_a_line_of_braces_never_closed_is_read_through(repeated: str) -> None:
    # a close was looked for again from every `{{`: 50,000 `{` took 47 s, the square of the length
    many = 100_000
    assert _hide_code(repeated * many) == repeated * many
    closed = "{" * many + "}} " + "\\(" * many + "\\)"
    assert _hide_code(closed) == "x" * (many + 2) + " " + "x" * (2 * many + 2)


@pytest.mark.parametrize("repeated", ["<!--", "<!-- draft\n"])
def test_comments_never_closed_are_read_through(repeated: str) -> None:
    # a comment's close was looked for again from every `<!--`: 10,000 lines of them took 6 s
    many = 50_000
    opened = parse_document("m/notes.md", "Text.\n\n" + repeated * many)
    assert "\n".join(opened.lines[2:]) == repeated * many
    closed = parse_document("m/notes.md", "Text.\n\n" + repeated * many + "-->\n")
    assert set(closed.lines[2:]) == {""}


def test_a_line_of_notes_never_closed_is_read_through() -> None:
    # a reference's `]` was looked for again from every `[^`, to the line's end: 100,000 took 3 minutes
    many = 100_000
    unknown: list[tuple[int, str]] = []
    line = "a" + "^[" * many + " [^1] b"
    assert _rewritten(line, {"1": "one"}, set(), unknown, 1) == "a" + "^[" * many + " (one) b"
    assert unknown == []


_WIDE_GAP = re.compile(r"(?:\s{2,}|\t|\s*[;|]\s*)$")
"""What ``_wide_gap_ends`` tells, as one pattern: exact, but it reads a run of spaces again from each."""


@settings(max_examples=500, deadline=None)
@given(st.text(" \t;|a\u00a0", max_size=20))
def test_a_wide_gap_ends_text_where_the_one_pattern_finds_it(text: str) -> None:
    assert _wide_gap_ends(text) == (_WIDE_GAP.search(text) is not None)


def test_options_spread_over_a_long_run_of_spaces_are_read_through() -> None:
    # the gap before an option was looked for from every space: 20,000 of them took 6 s
    assert _wide_gap_ends("A. Spot" + " " * 100_000)
    assert not _wide_gap_ends(" " * 100_000 + "A. Spot")


@settings(max_examples=500, deadline=None)
@given(st.text("()\uff08\uff09a-: ", max_size=30))
def test_separators_outside_brackets_are_those_with_every_bracket_before_them_closed(line: str) -> None:
    found = list(re.finditer(r"-|:", line))
    closed = [match for match in found if _closed(line[: match.start()])]
    assert _outside_brackets(line, iter(found)) == closed


def test_a_line_of_thousands_of_separators_is_read_through() -> None:
    # the brackets before each separator were counted again from the line's start: 40,000 took 8 s
    assert plain_term("a -> " * 40_000 + "b") is None
    assert plain_term("Tap -> " + "(b -> " * 40_000) is not None


def test_a_card_padded_with_a_long_run_of_spaces_keeps_its_tags_and_is_read_through(tmp_path: Path) -> None:
    # tags ending a side were looked for from every space of the run: 40,000 took 3 s
    (tmp_path / "m").mkdir()
    run = " " * 100_000
    spaced = f"- **Alpha:** first{run}letter #greek\n- **Beta:** second{run}x\n"
    (tmp_path / "m" / "notes.md").write_text(f"# Letters\n\n{spaced}", encoding="utf-8")
    alpha, beta = parse_notes(tmp_path).deck.items()
    assert "greek" in alpha.tags and "greek" not in beta.tags


def test_a_long_run_of_spaces_before_a_caret_is_read_through() -> None:
    # a block id (` ^mito1`) was looked for again from every space of the run: 80,000 took 16 s
    run = " \t" * 50_000
    assert unblocked(f"Makes ATP.{run}^.") == f"Makes ATP.{run}^."
    assert unblocked(f"Makes ATP.{run}^mito1\nNext.") == "Makes ATP.\nNext."


@pytest.mark.parametrize("opened", ['<a href="x" ' * 20_000, "<a " * 40_000])
def test_links_never_closed_in_a_folded_answer_are_read_through(opened: str) -> None:
    # a link's or a tag's `>` was looked for from every `<a ` to the block's end: 40,000 took 76 s;
    # never closed, they are words as written
    folded = f"<details><summary>Answer</summary>B {opened}</details>"
    assert details_text(folded) == f"B {opened}".strip()


def test_a_list_of_thousands_of_terms_and_asides_is_read_through(tmp_path: Path) -> None:
    # each aside was looked for every term of its list by a pattern of its own: 2,000 took 5 minutes
    (tmp_path / "m").mkdir()
    many = 3_000
    lines = "".join(
        f"- **Term{i}:** meaning {i}\n- Remember: Term{i - 1} lasts longer.\n" for i in range(many)
    )
    (tmp_path / "m" / "notes.md").write_text(f"# Glossary\n\n{lines}", encoding="utf-8")
    cards = list(parse_notes(tmp_path).deck.items())
    assert len(cards) == many
    assert "Remember" in cards[0].back  # `Term-1` names no term of the list
    assert not any(isinstance(card, Card) and "Remember" in card.back for card in cards[1:])


def test_a_glossary_of_thousands_of_headings_with_asides_is_read_through(tmp_path: Path) -> None:
    # the glossary's headings were read again for each aside: 2,000 entries took 24 s
    (tmp_path / "m").mkdir()
    many = 2_000
    entries = "".join(
        f"### Term{i}\n\nA thing numbered {i} that does work.\n\nRemember: Term{i - 1} lasts longer.\n\n"
        for i in range(many)
    )
    (tmp_path / "m" / "notes.md").write_text(f"# Glossary\n\n{entries}", encoding="utf-8")
    cards = [item for item in parse_notes(tmp_path).deck.items() if isinstance(item, Card)]
    assert len(cards) == many
    assert [card.front for card in cards if "Remember" in card.back] == ["Term0"]  # `Term-1` is none


def test_thousands_of_clozes_left_open_are_each_told_at_their_line(tmp_path: Path) -> None:
    # the lines above each were counted again from the paragraph's start: 40,000 took 2 s more
    (tmp_path / "m").mkdir()
    opened = "{{c1::a " * 20_000
    notes = f"# Part\n\nFirst {opened}\nsecond {{{{c2::b\n"
    (tmp_path / "m" / "notes.md").write_text(notes, encoding="utf-8")
    lines = [problem.location.line for problem in parse_notes(tmp_path).problems]
    assert lines == [3] * 20_000 + [4]


@pytest.mark.parametrize("start", ["\u00b2", "9" * 5_000])
def test_an_html_list_numbered_from_no_number_reads_from_one(tmp_path: Path, start: str) -> None:
    # `int()` took a superscript two as a digit, and refuses numbers of thousands of digits
    (tmp_path / "m").mkdir()
    question = (
        f'<ol start="{start}"><li>Which gas is inert?<ul><li>A. Neon</li><li>B. Oxygen</li></ul></li></ol>'
    )
    (tmp_path / "m" / "notes.md").write_text(f"{question}\n\nAnswer: A\n", encoding="utf-8")
    (mcq,) = parse_notes(tmp_path).deck.items()
    assert mcq.stem == "Which gas is inert?"


def test_a_label_paragraph_going_on_after_a_long_run_of_tabs_is_read_once(tmp_path: Path) -> None:
    # a PDF's run of tabs under a label was cut in every way among the margin, the bullet's gap and
    # the label's name: 400 tabs took the parse 5 to 10 s, 1,000 of them two and a half minutes
    run = "\t" * 5_000
    assert only_asides(f"**Tip:** cheap\n{run}continued")
    assert not only_asides(f"- Note: x\n{run}- Rate: fast")
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "notes.md").write_text(
        f"# Part\n\n## Widget\n\nUse cases:\n\n- a\n{run}b\n", encoding="utf-8"
    )
    assert len(list(parse_notes(tmp_path).deck.items())) == 1


@pytest.mark.parametrize("gap", [" ", "\t"])
def test_an_answer_padded_to_the_margin_by_a_pdf_is_read_through(tmp_path: Path, gap: str) -> None:
    # two runs of spaces side by side (between an answer's letters, before a key's next number) tried
    # every split of a long run: 5,000 spaces after `Answers: A` took 4 s, 20,000 a minute
    (tmp_path / "m").mkdir()
    question = "Which gas is inert?\n\nA. Neon\nB. Oxygen\n\n"
    (tmp_path / "m" / "notes.md").write_text(
        f"{question}Answers: A{gap * 20_000}(see page 4)\n", encoding="utf-8"
    )
    (mcq,) = parse_notes(tmp_path).deck.items()
    assert [option.correct for option in mcq.options] == [True, False]


def test_a_false_friend_line_padded_with_spaces_on_both_sides_is_read_once(tmp_path: Path) -> None:
    # runs of spaces on both sides of `≠` and no arrow were cut every way: 1,600 each took six seconds
    run = " " * 8_000
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "notes.md").write_text(f"librairie{run}\u2260 library{run}bookshop\n", encoding="utf-8")
    assert list(parse_notes(tmp_path).deck.items()) == []


def test_a_box_answered_over_a_long_run_of_spaces_is_read_once(tmp_path: Path) -> None:
    # the answer was taken a character at a time, each time reading the spaces after it: 8,000 spaces
    # inside a box's answer took a second, 40,000 half a minute
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "notes.md").write_text(
        "A loaf rises overnight.\n\n1. Yeast makes the gas.\n2. Salt speeds the yeast up.\n\n"
        f"**Correct Answer:**\n\nBox 1: Yes{' ' * 40_000}(page 4)\nBox 2: No - salt slows it down.\n",
        encoding="utf-8",
    )
    parsed = parse_notes(tmp_path)
    assert list(parsed.deck.items()) == []
    (problem,) = parsed.problems
    assert str(problem).startswith(
        "m/notes.md:8: warning: box 1 of a grid answered box by box is answered in words"
    )


def test_a_long_line_of_words_with_no_equals_sign_is_read_once_as_no_phrase() -> None:
    # each letter of a phrasebook's line was tried against every character after it, looking for the
    # sentence's stop and its `=`: 8,000 characters took 0.4 s, 70,000 of them half a minute
    words = "word " * 14_000
    assert _PHRASE_ROW.fullmatch(words) is None
    assert _PHRASE_ROW.fullmatch(words + "= x =") is None
    found = _PHRASE_ROW.fullmatch(f"{words}end. =  I am hungry.")
    assert found is not None
    assert (found["front"], found["back"]) == (f"{words}end.", "I am hungry.")


def test_a_long_quote_opened_as_a_spoiler_and_cut_by_a_late_bang_is_read_once() -> None:
    # a spoiler's words were found by backtracking, every word tried against every later one before a
    # `!` that no `!<` follows: 8,000 characters took 1.3 s, 40,000 of them half a minute
    words = "word " * 8_000
    assert _REDDIT_SPOILER.fullmatch(f"!{words}! x") is None
    assert _REDDIT_SPOILER.fullmatch(f"!{words}!!<") is None
    found = _REDDIT_SPOILER.fullmatch(f"!{words}Na!<")
    assert found is not None
    assert found["hidden"] == f"{words}Na"
    assert _REDDIT_SPOILER.fullmatch("!  !<") is None


def test_a_definition_over_thousands_of_full_stops_before_a_bracket_is_read_once() -> None:
    # each full stop looked for a closing bracket up to the line's end: 8,000 of them before one `]`
    # took 0.4 s, 80,000 about forty
    line = "**Ion** is a charged atom" + " A." * 80_000 + " ]"
    found = _OPENING_DEFINITION.match(line)
    assert found is not None and found["rest"] == "a charged atom A."


@pytest.mark.parametrize("repeated", ["<% ", "<%* ", "<%_ x", "<% tp.", " "])
def test_templater_commands_never_closed_are_read_through(repeated: str) -> None:
    # a command's `%>` was looked for again from every `<%` (and from every space before one) to the
    # file's end: 16,000 `<% ` took 10 s
    many = 50_000 // len(repeated)
    line = repeated * many + "<"
    opened = parse_document("m/notes.md", "Text.\n\n" + line + "\n\n<% tp.file.title %>\n")
    assert opened.lines[2] == line


@pytest.mark.parametrize("repeated", ['<span id="a">', "<a id=x> ", "<a name= "])
def test_empty_anchors_never_closed_are_read_through(repeated: str) -> None:
    line = repeated * (50_000 // len(repeated))
    opened = parse_document("m/notes.md", "Text.\n\n" + line + "\n\nMore <a id=x></a>text.\n")
    assert opened.lines[2:] == (line, "", "More text.", "")


def test_a_long_run_of_spaces_after_a_name_is_read_once_for_its_first_separator() -> None:
    # the name before a high-yield bullet's first separator ended anywhere in a run of spaces, each
    # end reading the rest of the run for an `=`: 50,000 spaces took 10 s
    assert _FIRST_SEPARATOR.match("A" + " " * 50_000 + "x") is None
    found = _FIRST_SEPARATOR.match("Graves disease  \u2192 \u2191 T4 \u2192 tremor")
    assert found is not None and (found["front"], found["rest"]) == (
        "Graves disease",
        "\u2191 T4 \u2192 tremor",
    )
    assert _FIRST_SEPARATOR.match("Storm = fever")["front"] == "Storm"  # type: ignore[index]
    assert _FIRST_SEPARATOR.match("Storm: fever")["front"] == "Storm"  # type: ignore[index]
    assert _FIRST_SEPARATOR.match("a= b") is None


def test_a_long_line_of_quotation_marks_and_dashes_is_read_once_as_no_lone_quotation() -> None:
    # each closing mark tried who said the words after it up to the line's end, where a line break
    # failed them all: 50,000 characters took 6 s
    assert _QUOTED_WITH_SOURCE.fullmatch('"-' * 25_000 + "\n") is None
    assert _QUOTED_WITH_SOURCE.fullmatch('"We did not inherit it." \u2014 Proverb') is not None
    assert _QUOTED_WITH_SOURCE.fullmatch('"Brevity is the soul of wit" (p. 83)') is not None
    assert _QUOTED_WITH_SOURCE.fullmatch('"One"\n"Two"') is None
