"""Parse the lines of one export part into Markdown blocks, reporting every line it drops."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ccpkit.importer import choice_questions
from ccpkit.importer.blocks import Block, Paragraph, Question, TableBlock
from ccpkit.importer.headings import heading
from ccpkit.importer.import_report import ImportReport
from ccpkit.importer.lines import NUMBERED, Line, clean_inline, noise_reason
from ccpkit.importer.lists import is_item, parse_list
from ccpkit.importer.tab_tables import (
    build_table,
    complete_orphan,
    is_empty,
    is_noise_grid,
    orphan_tail,
    table_span,
)
from ccpkit.importer.verbatim import VERBATIM_RULES
from ccpkit.regex import regex

_MARKDOWN_START = regex(r"^([*+>#=]|\d+[.)])(\s|$)")


@dataclass
class _State:
    """The parse of one part: its lines, the blocks so far (questions wait there for a later key)."""

    lines: Sequence[Line]
    report: ImportReport
    blocks: list[Block] = field(default_factory=list)
    unlettered: int = 0

    def consumed(self, start: int, end: int, reason: str | None = None) -> None:
        """Report the lines in ``start:end`` that were used up without being carried over."""
        for line in self.lines[start:end]:
            why = noise_reason(line.text) or reason
            if why and not line.blank:
                self.report.drop(line, why)

    def kept_as_text(self, start: int, end: int) -> None:
        """Report lines kept as plain text although they look like part of a question."""
        for line in self.lines[start:end]:
            if choice_questions.looks_like_question_part(line.text):
                self.report.unclassify(line, "looks like part of a question, but no question was found")


def parse_part(lines: Sequence[Line], report: ImportReport) -> list[Block]:
    """Blocks for a part; noise lines are dropped and reported, everything else is kept."""
    state = _State(lines, report)
    index = 0
    while index < len(lines):
        index = _step(state, index)
    return state.blocks


def _step(state: _State, index: int) -> int:
    line = state.lines[index]
    if line.blank:
        return index + 1
    if noise_reason(line.text):
        state.consumed(index, index + 1)
        return index + 1
    for rule in RULES:
        end = rule(state, index)
        if end is not None:
            return end
    raise AssertionError("the paragraph rule always matches")  # pragma: no cover


def _verbatim(state: _State, index: int) -> int | None:
    for rule in VERBATIM_RULES:
        found = rule(state.lines, index, state.report)
        if found is not None:
            block, end = found
            if block is not None:
                state.blocks.append(block)
            return end
    return None


def _table(state: _State, index: int) -> int | None:
    if not state.lines[index].has_tab:
        return None
    end = table_span(state.lines, index)
    block = state.lines[index:end]
    if is_noise_grid(block):
        state.consumed(index, end, "numeric grid (image remnant), not a table")
        return end
    if is_empty(block):
        state.consumed(index, end, "table with no text in any cell")
        return end
    table, separators = build_table(block)
    for line in separators:
        state.report.drop(line, "table separator row")
    tail = [n for n in range(end, len(state.lines)) if not state.lines[n].blank][: orphan_tail(table)]
    if tail:
        table = complete_orphan(table, [state.lines[n].text for n in tail])
        end = tail[-1] + 1
    state.blocks.append(TableBlock(table))
    return end


def _answer_key(state: _State, index: int) -> int | None:
    parsed = choice_questions.parse_answer_key(state.lines, index)
    if parsed is None:
        return None
    entries, end = parsed
    waiting = [(n, b) for n, b in enumerate(state.blocks) if isinstance(b, Question) and not b.answer]
    answered, unmatched = choice_questions.apply_key([question for _, question in waiting], entries)
    for (position, _), question in zip(waiting, answered, strict=True):
        state.blocks[position] = question
    state.consumed(index, end, "answer key (moved next to its question)")
    for entry in unmatched:
        state.report.unclassify(Line(entry.line, ""), f"answer key entry {entry.qid} matches no question")
        state.blocks.append(Paragraph(f"{entry.qid}: {entry.answer}", entry.line))
    return end


def _question(state: _State, index: int) -> int | None:
    parsed = choice_questions.parse_question(state.lines, index)
    if parsed is None:
        return None
    question, end = parsed
    state.blocks.append(question)
    state.consumed(index, end)
    return end


def _unlettered(state: _State, index: int) -> int | None:
    if is_item(state.lines[index].text):
        return None
    parsed = choice_questions.parse_unlettered(state.lines, index, f"KC{state.unlettered + 1}")
    if parsed is None:
        return None
    state.unlettered += 1
    state.blocks.append(parsed[0])
    state.consumed(index, parsed[1])
    return parsed[1]


def _list(state: _State, index: int) -> int | None:
    if not is_item(state.lines[index].text):
        return None
    block, end = parse_list(state.lines, index)
    state.blocks.append(block)
    state.consumed(index, end)
    state.kept_as_text(index, end)
    return end


def _heading(state: _State, index: int) -> int | None:
    lines = state.lines
    if index + 1 < len(lines) and not lines[index + 1].blank:
        return None
    if choice_questions.looks_like_question_part(lines[index].text):
        return None
    following = next((line for line in lines[index + 1 :] if not line.blank), None)
    if NUMBERED.match(lines[index].text) and following is not None and NUMBERED.match(following.text):
        return None  # a numbered list with a blank line between its items
    found = heading(lines[index].text, lines[index].number)
    if found is None:
        return None
    state.blocks.append(found)
    return index + 1


def _paragraph(state: _State, index: int) -> int:
    lines = state.lines
    end = index + 1
    while end < len(lines) and _continues_paragraph(lines[end].text):
        end += 1
    text = clean_inline("\n".join(line.text.strip() for line in lines[index:end]))
    escaped = "\n".join("\\" + part if _MARKDOWN_START.match(part) else part for part in text.split("\n"))
    state.blocks.append(Paragraph(escaped, lines[index].number))
    state.kept_as_text(index, end)
    return end


def _continues_paragraph(text: str) -> bool:
    return bool(text.strip()) and "\t" not in text and not is_item(text) and noise_reason(text) is None


RULES: tuple[Callable[[_State, int], int | None], ...] = (
    _verbatim,
    _table,
    _answer_key,
    _question,
    _unlettered,
    _heading,
    _list,
    _paragraph,
)
"""Tried in order at the first line of each block; the paragraph rule takes whatever is left."""
