"""Write blocks as canonical Markdown: ATX headings, nested lists, GFM tables, canonical MCQs."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ccpkit.importer.blocks import Block, CodeBlock, Heading, ListBlock, Paragraph, Question, TableBlock
from ccpkit.importer.headings import leveled
from ccpkit.importer.tab_tables import Table, render_table
from ccpkit.regex import regex

COMPARISON_FIRST_COLUMNS = frozenset({"feature", "aspect", "metric", "feature / purpose"})
"""A table whose first column names these compares its other columns; it is captioned ``B vs. C``."""
ATTRIBUTE_COLUMNS = frozenset(
    {"benefit", "benefits", "description", "details", "example", "simple explanation"}
)
"""Columns that describe the rows rather than name things being compared."""
_NUMBER_PREFIX = regex(r"^\d+[.):] ")


def render_blocks(blocks: Iterable[Block], kind: str, part_title: str) -> list[str]:
    """Markdown chunks (to be joined by blank lines) for a part's blocks, below its ``# part_title``."""
    chunks: list[str] = []
    last_heading = part_title
    previous: Block | None = None
    for block, level in leveled(blocks, kind):
        if isinstance(block, Heading):
            chunks.append(f"{'#' * level} {block.text}")
            last_heading = _NUMBER_PREFIX.sub("", block.text)
        elif isinstance(block, TableBlock):
            if previous is not None and not isinstance(previous, Heading):
                chunks.append(f"**{_caption(block.table, last_heading)}**")
            chunks.append(render_table(block.table))
        elif isinstance(block, Question):
            chunks.extend(render_question(block, min(level + 1, 6)))
        else:
            chunks.append(_render_plain(block))
        previous = block
    return chunks


def _caption(table: Table, heading: str) -> str:
    """The heading above, unless the table compares named things that the heading does not name."""
    if re.search(r"\bvs\b|comparison", heading, re.IGNORECASE):
        return heading
    return _comparison(table) or heading


def _comparison(table: Table) -> str | None:
    """``B vs. C`` for a table whose first column is ``Feature``, ``Aspect`` … and whose others are things."""
    compared = table.header[1:]
    if table.header[0].lower() not in COMPARISON_FIRST_COLUMNS or len(compared) < 2:
        return None
    if any(column.lower() in ATTRIBUTE_COLUMNS for column in compared):
        return None
    return " vs. ".join(compared)


def _render_plain(block: Paragraph | ListBlock | CodeBlock) -> str:
    if isinstance(block, Paragraph):
        return block.text
    if isinstance(block, ListBlock):
        return render_list(block)
    return "\n".join([f"```{block.info}", *block.lines, "```"])


def render_list(block: ListBlock) -> str:
    """Items at their levels; a child is indented by its parent's marker width so it nests in CommonMark."""
    lines: list[str] = []
    indent = ""
    for item in block.items:
        prefix = indent if item.level else ""
        marker = f"{item.marker} "
        first, *rest = item.text.split("\n")
        lines.append(f"{prefix}{marker}{first}")
        lines.extend(f"{prefix}{' ' * len(marker)}{part}" for part in rest)
        if item.level == 0:
            indent = " " * len(marker)
    return "\n".join(lines)


def render_question(question: Question, level: int) -> list[str]:
    """The canonical MCQ form (see docs/import.md)."""
    chunks = [f"{'#' * level} Question {question.qid}", *question.stem]
    letters = [chr(ord("A") + n) for n in range(len(question.options))]
    chunks.append(
        "\n".join(f"- {letter}) {text}" for letter, text in zip(letters, question.options, strict=True))
    )
    if question.answer:
        chunks.append(f"**Answer:** {question.answer.replace(',', ', ')}")
    if question.explanation:
        chunks.append(f"**Explanation:** {question.explanation}")
    return chunks
