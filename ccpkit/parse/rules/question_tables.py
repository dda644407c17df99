"""A question bank written as one table, a question per row: ``| # | Question | A | B | C | D | Answer |``
(as banks kept in a spreadsheet are pasted into Markdown)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from ccpkit.errors import Problem
from ccpkit.parse.context import Context
from ccpkit.parse.rules.answers import (
    ANSWER_COLUMN,
    QUESTION,
    Answer,
    answer_line,
    explanation_start,
    key_cell_answer,
    plain,
    question_id,
)
from ccpkit.parse.rules.options import (
    DraftOption,
    cell_lines,
    cell_options,
    lettered_lines,
    marked,
    table_cells,
    with_named_options,
)
from ccpkit.parse.rules.questions import Draft
from ccpkit.parse.rules.terms import BOLD_TEXT
from ccpkit.parse.tree import Node
from ccpkit.regex import regex

_QUESTION = regex(rf"(?:{QUESTION}s?|q|stem|prompt)(?:\s+text)?", re.I)
_ID = regex(r"#|no\.?|n\.?º|number|id|q\s*#|q\.?\s*no\.?", re.I)
_OPTION = regex(r"(?:(?:options?|choices?|answer)\s*)?\(?(?:(?P<letter>[A-H])|(?P<number>[1-8]))[.):]?", re.I)
"""An option's column: ``A``, ``B)``, ``Option C``, ``Choice 1``, Kahoot's ``Answer 1``; numbered ones only
after a word."""
_LISTED = regex(r"options|choices|answer\s+(?:options|choices)", re.I)
_ANSWER = regex(rf"{ANSWER_COLUMN}|correct\s+choices?|correct\s+answer\(s\)", re.I)
"""The answer column: never a bare ``A``, which is option A's."""
_PLATFORM = regex(r"time(?:\s+limit)?(?:\s*\((?:sec|seconds|s)\))?|image(?:\s+link)?|points?", re.I)
"""A quiz game's columns (Kahoot's ``Time limit (sec)``): how it plays a question, nothing to learn."""
_ANSWER_NUMBERED = regex(r"answer\s*\(?[1-8][.):]?", re.I)
"""Kahoot's option column (``Answer 1``): a survey's or a study log's answers too, so an option's only
beside a column that keys them (``_KEYS_ANSWERS``)."""
_KEYS_ANSWERS = regex(r"correct\s+answers?|correct\s+answer\(s\)|time\s+limit(?:\s*\(.*\))?", re.I)
"""A column that makes ``Answer 1`` … columns options: one naming the correct ones, or Kahoot's ``Time
limit (sec)``."""
_NUMBERS_NAMED = regex(r"[1-8](?:\s*[,;/]\s*[1-8])*")
"""An answer cell naming numbered options' columns (``2``, ``1,3``), as Kahoot's sheet keys them."""


@dataclass(frozen=True, slots=True)
class Columns:
    """Where a question table keeps each part of a question (indexes of its columns)."""

    question: int
    options: tuple[tuple[str, int], ...]
    """Each option's letter and column, in order."""
    listed: int | None
    """The column holding every option in one cell (``A) …<br>B) …``), when none has a column; the
    question's own, when its cells hold the stem over the options (``Which …? <br> A. … <br> B. …``)."""
    answer: int | None
    ids: int | None
    others: tuple[int, ...]
    """Columns read into the explanation (``Explanation``, ``Domain`` …), in order."""


def question_columns(header: Sequence[str]) -> Columns | None:
    """The columns of a question table from its header; ``None`` for any other table. It needs a
    question column and options: columns lettered from ``A`` in order, two at least, or one column
    of them all (``Options``, ``Choices``)."""
    words, question, answer, ids = _named_columns(header)
    options = [(i, match) for i, word in enumerate(words) if (match := _option_column(word)) is not None]
    if not any(_KEYS_ANSWERS.fullmatch(word) for word in words):
        options = [(i, match) for i, match in options if not _ANSWER_NUMBERED.fullmatch(words[i])]
    letters = [letter for _, letter in options]
    lettered = len(options) >= 2 and letters == [chr(ord("A") + n) for n in range(len(letters))]
    listed = None if lettered else next((i for i, word in enumerate(words) if _LISTED.fullmatch(word)), None)
    if question is None or not (lettered or listed is not None):
        return None
    lettered_columns = tuple((letter, i) for i, letter in options) if lettered else ()
    taken = {question, answer, ids, listed, *(i for _, i in lettered_columns)}
    others = tuple(i for i in range(len(words)) if i not in taken and not _PLATFORM.fullmatch(words[i]))
    return Columns(question, lettered_columns, listed, answer, ids, others)


def _named_columns(header: Sequence[str]) -> tuple[list[str], int | None, int | None, int | None]:
    """A question table's header as words, and where its question, answer and number columns are."""
    words = [plain(cell).strip().replace("_", " ") for cell in header]  # `option_a`, as exports name them
    named = [i for i, word in enumerate(words) if _QUESTION.fullmatch(word)]
    # `| Q | Question | …`: the column of words asks, the `Q` beside it numbers
    question = next((i for i in named if words[i].lower() != "q"), named[0] if named else None)
    answer = next((i for i, word in enumerate(words) if _ANSWER.fullmatch(word)), None)
    ids = next(
        (i for i, word in enumerate(words) if _ID.fullmatch(word) or (i in named and i != question)), None
    )
    return words, question, answer, ids


def _option_column(word: str) -> str | None:
    match = _OPTION.fullmatch(word)
    if match is None:
        return None
    if match["letter"] is not None:
        return match["letter"].upper()
    named = word[: match.start("number")].strip("( ")
    return chr(ord("A") + int(match["number"]) - 1) if named else None


def _numbers_as_letters(said: str, header: Sequence[str], columns: Columns) -> str:
    """An answer cell of numbers (``2``, ``1,3``) as the letters of the options' columns it names, where
    those columns are numbered (``Answer 1`` … ``Answer 4``, as Kahoot's sheet has them); else as
    written."""
    numbered = [i for _, i in columns.options]
    if not numbered or not _NUMBERS_NAMED.fullmatch(said.strip()):
        return said
    if not all(re.search(r"\d", header[i]) for i in numbered):
        return said
    letters = [chr(ord("A") + int(number) - 1) for number in re.findall(r"\d", said)]
    return ", ".join(letters)


def table_questions(ctx: Context) -> Iterator[Draft | Problem]:
    """A question per row of every question table (see ``question_columns``) that no rule took; a row
    missing its question, or its answer where the table has an answer column, is a problem."""
    for block in ctx.doc.blocks:
        node = block.node
        if node.type != "table" or ctx.is_claimed(node):
            continue
        columns = table_columns(node)
        if columns is None:
            continue
        header, *body = [row for part in node.children for row in part.children]
        header_cells = table_cells(header)
        ctx.claim(node)
        for number, row in enumerate(body, 1):
            cells = dict(enumerate(table_cells(row)))
            if not any(cells.values()):
                continue
            if not cells.get(columns.question):
                yield ctx.problem(row, "question row has no question: fill in its question cell")
            elif columns.answer is not None and not cells.get(columns.answer):
                yield ctx.problem(row, "question row has no answer: fill in its answer cell")
            else:
                yield _row_question(row, cells, number, header_cells, columns, block.section)


def table_columns(table: Node) -> Columns | None:
    """A table's question columns: named in its header (``question_columns``), or a question column
    whose cells hold the options too (``_options_in_questions``); ``None`` for any other table."""
    header, *body = [row for part in table.children for row in part.children]
    header_cells = table_cells(header)
    return question_columns(header_cells) or _options_in_questions(header_cells, body)


def _options_in_questions(header: Sequence[str], body: Sequence[Node]) -> Columns | None:
    """The columns of a bank whose question cells each hold the stem over its lettered options
    (``| 1 | Which …? <br> A. … <br> B. … | B |``), an answer column beside them giving letters alone;
    ``None`` for a table of questions answered in words (a card each) or any other."""
    words, question, answer, ids = _named_columns(header)
    if question is None or answer is None:
        return None
    rows = [cells for cells in map(table_cells, body) if question < len(cells) and cells[question].strip()]
    stated = all(_stem_and_options(cells[question], body[0]) for cells in rows)
    if (
        not rows
        or not stated
        or not all(_letters(cells[answer] if answer < len(cells) else "") for cells in rows)
    ):
        return None
    others = tuple(i for i in range(len(words)) if i not in {question, answer, ids})
    return Columns(question, (), question, answer, ids, others)


def _letters(cell: str) -> bool:
    """Whether an answer cell names options by their letters alone (``B``, ``A, C``): a card's answer in
    words (``a. mitosis, b. meiosis``) names none."""
    answer = key_cell_answer(cell)
    return answer is not None and bool(answer.letters) and not re.search(r"\w{2,}", answer.rest)


def _stem_and_options(cell: str, node: Node) -> tuple[str, list[DraftOption]] | None:
    """A question cell's stem and the lettered options below it, on lines of their own (``<br>``)."""
    found = lettered_lines(cell_lines(cell), node)
    if found is None or not found.head.strip() or found.tail or len(found.options) < 2:
        return None
    return found.head.strip(), found.options


def _row_question(
    row: Node,
    cells: Mapping[int, str],
    number: int,
    header: Sequence[str],
    columns: Columns,
    section: tuple[str, ...],
) -> Draft:
    """A row's question, its id the row's own (``| 7 |``) or its ``number`` in the table (an answer
    key below matches either)."""
    stem = cells[columns.question]
    if columns.listed == columns.question and (split := _stem_and_options(stem, row)) is not None:
        stem, options = split
    elif columns.listed is not None:
        options = cell_options(cells.get(columns.listed, ""), row)
    else:
        options = [
            DraftOption(letter, text, row, bold=BOLD_TEXT.fullmatch(text) is not None)
            for letter, i in columns.options
            if (text := cells.get(i))
        ]
    options = marked(options)  # `✅ Amazon S3`, or the one option in bold, where no column answers
    written_id = cells.get(columns.ids, "") if columns.ids is not None else ""
    question = question_id(written_id) if written_id else str(number)
    draft = Draft(row, question, stem, options, row, section, "")
    said = cells.get(columns.answer, "") if columns.answer is not None else ""
    said = _numbers_as_letters(said, header, columns)
    answer = (key_cell_answer(said) or answer_line(said)) if said else None  # `B`, `Answer: B`
    if answer is not None and answer.letters:
        draft.answer, draft.answer_node = with_named_options(options, answer), row  # `B) Amazon S3`
        if re.search(r"\w", draft.answer.rest):  # `A ✅`: the mark says nothing more
            draft.explanation.append(draft.answer.rest)
    elif said:
        draft.worded, draft.answer_node = Answer((), "", answer.text if answer else plain(said)), row
    for i in columns.others:
        if text := cells.get(i):
            label = plain(header[i])  # `Domain: Security`, where the column names what a cell is
            draft.explanation.append(
                f"{label}: {text}" if label and explanation_start(label) is None else text
            )
    return draft
