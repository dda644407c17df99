"""Comparison tables: GFM pipe tables, titled by the caption line or the heading above them."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from functools import cache

from markdown_it import MarkdownIt

from ccpkit import cloze_syntax
from ccpkit.errors import Problem
from ccpkit.item_ids import slug
from ccpkit.model import ComparisonTable, Item
from ccpkit.parse.context import Context, pinned_id
from ccpkit.parse.document import LISTS, Block, heading_text, only_links_within_page
from ccpkit.parse.html_tables import spans_cells, squeezed, unheaded
from ccpkit.parse.rules.answers import callout, plain
from ccpkit.parse.rules.matching import is_matching_table
from ccpkit.parse.rules.options import option_letters, table_cells
from ccpkit.parse.rules.terms import VERSUS, split_term
from ccpkit.parse.tree import Node, build_tree
from ccpkit.regex import regex

_UNESCAPED_PIPE = regex(r"(?<!\\)\|")
_BOLD_ONLY = regex(r"^(\*\*|__)(?P<title>(?:(?!\1)[^\n])+)\1:?$")
_DELIMITER_ROW = regex(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-+:?\s*)*\|?")
"""A table's second line: ``| --- | :---: |``."""
_HOLDERS = ("blockquote",)
"""Blocks whose tables are tables of their own: a quote or callout (a table in a list item is part of
what the item says: a term's definition, say)."""
_QUOTED = regex(r"^[ \t]*(?:>[ \t]?)+")
"""The quote marks opening a line of a table in a quote or callout."""
MAX_CAPTION = 120
"""A paragraph ending in ``:`` is a caption only when it is this short; longer ones are prose."""


def extract_tables(ctx: Context) -> Iterator[Item | Problem]:
    """Every table of the file, also in a quote or a callout; a row whose cell count differs from the
    header drops the table."""
    previous: Node | None = None
    for block in ctx.doc.blocks:
        yield from _tables_in(ctx, block, block.node, previous, "")
        previous = block.node


def _tables_in(
    ctx: Context, block: Block, node: Node, previous: Node | None, title: str
) -> Iterator[Item | Problem]:
    """The tables of ``node`` and of the blocks it holds (``previous``: the block above it, maybe a
    caption; ``title``: the callout's title it is in, if any)."""
    if ctx.is_claimed(node):
        return
    if node.type == "paragraph" and (table := _unseparated_table(ctx, node)):
        ctx.claim(node)
        yield from _read(ctx, block, table, previous, title)
        message = (
            "table without its `| --- |` line under the header row: read as a table here, but other "
            "Markdown tools show it as text; add a `| --- |` line (one `---` per column) under its first line"
        )
        yield Problem(ctx.at(node), message, "warning")
    elif node.type == "paragraph" and _writes_a_tabular(node):
        ctx.claim(node)
        if (table := _latex_table(node)) is not None:
            yield from _read(ctx, block, table, previous, title)
        else:
            message = (
                "LaTeX `tabular` table not read (its rows need as many `&` cells each, two or more, and "
                "its `\\end{tabular}`): no cards; write it as a Markdown table, `| A | B |` over "
                "`| --- | --- |` and a `| … |` line per row"
            )
            yield Problem(ctx.at(node), message, "warning")
    elif node.type == "table":
        yield from _read(ctx, block, node, previous, title)
    elif node.type in _HOLDERS:
        found = callout(node)
        title = found.title if found is not None and found.title else title
        above = None
        for child in node.children:
            yield from _tables_in(ctx, block, child, above, title)
            above = child
    elif node.type in LISTS:
        for item in node.children:
            words = item.children[0] if item.children else None
            if words is not None and _announces_a_table(words):
                for child in item.children[1:]:
                    yield from _tables_in(ctx, block, child, words, title)


def _read(
    ctx: Context, block: Block, node: Node, previous: Node | None, title: str
) -> Iterator[Item | Problem]:
    """A table's item (or why it gives none), and what the student should know of how it is asked."""
    made = _table(ctx, block, node, previous, title)
    if node is not block.node and not isinstance(made, Problem):
        ctx.claim(node)  # its quote prints without it: it prints as a table of its own
    yield made
    if isinstance(made, Problem):
        return
    if cloze_syntax.has_cloze(ctx.doc.source(node), highlights=False):
        message = (
            "cloze markers in a table's cells are not clozes (a table's rows are asked cell by cell "
            "already): the cells show their words; write the sentence outside the table to hide a part"
        )
        yield Problem(ctx.at(node), message, "warning")
    if isinstance(made, ComparisonTable) and _columns_are_lists(made.columns):
        sides = " or ".join(plain(column) for column in made.columns)
        message = (
            f"table whose columns are lists ({sides}): a row's cells are items set side by side, not facts "
            f"of one thing, so no card asks for a row's other cells; each item is asked which column it is "
            f"in ({sides}?). To be asked about an item itself, write it as a term with its definition "
            "(`- **Item:** what it means`) under a heading per column"
        )
        yield Problem(ctx.at(node), message, "warning")


def _unseparated_table(ctx: Context, paragraph: Node) -> Node | None:
    """A paragraph written as a table but for its ``| --- |`` line (``| Drug | Avoid in |`` over ``| Thiazide
    | Gout |`` …): each line opens and ends with ``|`` and has as many cells, two or more, and two lines
    or more follow the first. It is read as the table it is, its first line the header; any other
    paragraph is ``None``."""
    lines = paragraph.children[0].content.split("\n") if paragraph.children and paragraph.map else []
    framed = all(_FRAMED_ROW.fullmatch(line.strip()) for line in lines)
    if len(lines) < _UNSEPARATED_LINES or not framed or len({count_cells(line) for line in lines}) != 1:
        return None
    width = count_cells(lines[0])
    if width < 2:
        return None
    text = "\n".join([lines[0], "|" + " --- |" * width, *lines[1:]])
    root, _ = build_tree(_table_markdown().parse(text))
    table = root.children[0] if len(root.children) == 1 else None
    if table is None or table.type != "table":
        return None
    assert paragraph.map is not None
    _moved(table, paragraph.map[0], paragraph.line, paragraph.top)
    return table


def _writes_a_tabular(paragraph: Node) -> bool:
    """Whether a paragraph opens a LaTeX ``tabular`` and holds its cells or its end: not one that only
    names the command (``\\begin{tabular} is how LaTeX opens a table``)."""
    text = paragraph.children[0].content if paragraph.children else ""
    return _TABULAR_OPENS.match(text) is not None and ("&" in text or "\\end{tabular}" in text)


def _latex_table(paragraph: Node) -> Node | None:
    """A LaTeX ``tabular`` environment as converted notes keep it (``\\begin{tabular}{|l|l|}``, rows
    ending in ``\\\\``, cells parted by ``&``, ``\\hline`` rules): read as the Markdown table it
    writes, its first row the header; ``None`` unless it ends and every row has as many cells, two or
    more, over a header and a row at least."""
    text = _TABULAR_OPENS.sub("", paragraph.children[0].content, count=1)
    body, ended, _ = text.partition("\\end{tabular}")
    if not ended:
        return None
    rows = [
        [cell.strip().replace("|", "\\|") for cell in _LATEX_CELL_BREAK.split(row)]
        for row in _LATEX_ROW_END.split(_LATEX_RULE.sub(" ", body))
        if row.strip()
    ]
    if len(rows) < _TABULAR_ROWS or len({len(row) for row in rows}) != 1 or len(rows[0]) < 2:
        return None
    lines = [f"| {' | '.join(row)} |" for row in rows]
    root, _ = build_tree(
        _table_markdown().parse("\n".join([lines[0], "|" + " --- |" * len(rows[0]), *lines[1:]]))
    )
    table = root.children[0] if len(root.children) == 1 else None
    if table is None or table.type != "table" or paragraph.map is None:
        return None
    _moved(table, paragraph.map[0], paragraph.line, paragraph.top)
    for part in table.children:
        for row in part.children:
            row.map = None  # its lines are LaTeX's, no `| … |` row to count cells in
    return table


_TABULAR_OPENS = regex(r"[ \t]*\\begin\{tabular\*?\}(?:\{(?:[^{}\n]|\{[^{}\n]*\})*\})*")
"""How a LaTeX table opens, its columns' spec after it (``\\begin{tabular}{|l|p{3cm}|}``)."""
_LATEX_RULE = regex(r"\\(?:hline|toprule|midrule|bottomrule)\b|\\cline\{[^{}]*\}")
_LATEX_ROW_END = regex(r"\\\\(?:\[[^\]\n\\]*\])?")
"""A row's end: ``\\\\``, maybe with the space after it (``\\\\[2pt]``)."""
_LATEX_CELL_BREAK = regex(r"(?<!\\)&")
"""What parts cells: an ``&`` not escaped (``\\&`` is an ampersand in a cell)."""
_TABULAR_ROWS = 2


_FRAMED_ROW = regex(r"\|.*[^\\]\|")
_UNSEPARATED_LINES = 3
"""A header and two rows: a header over one row is as likely a line or two of prose with pipes."""


@cache
def _table_markdown() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def _moved(node: Node, start: int, line: int, top: int) -> None:
    """Give the nodes of a table parsed with its ``| --- |`` line added (line 1) the file's lines
    of the paragraph it was written as (from line ``start``, 0-based)."""
    if node.map is not None:
        first, end = node.map
        node.map = (start + first - (first >= 2), start + end - (end >= 2))
        line = node.map[0] + 1
    node.line, node.top = line, top
    for child in node.children:
        _moved(child, start, line, top)


def _announces_a_table(paragraph: Node) -> bool:
    """A list item's words that only introduce the table below them (``S3 classes compared:``,
    ``Court fees depend on the claim value:``), no term a table would define: the table is one of its
    own, where under a term (``**S3 classes:** …``) it is part of the term's definition."""
    if paragraph.type != "paragraph":
        return False
    words = paragraph.children[0].content.strip()
    return words.endswith(":") and split_term(paragraph.children[0]) is None


def check_broken_tables(ctx: Context) -> Iterator[Item | Problem]:
    """An error at each paragraph that opens as a table whose ``| --- |`` line has another number of
    cells than its header: Markdown reads it as text, so the table is in no deck, and nothing else
    would say why; a warning at each HTML table left unread."""
    for node in ctx.doc.nodes:
        if node.type == "html_block" and "<table" in node.content.lower() and squeezed(node.content):
            message = "HTML table on too few lines to read: put each `<tr>` row on a line of its own"
            yield Problem(ctx.at(node), message, "warning")  # the others are read as Markdown tables
        if node.type == "html_block" and "<table" in node.content.lower() and spans_cells(node.content):
            message = (
                "HTML table with a cell spanning rows or columns (`rowspan`, `colspan`) is not read: no "
                "cards; write each cell out, or write the table as a Markdown table"
            )
            yield Problem(ctx.at(node), message, "warning")
        if node.type == "html_block" and "<table" in node.content.lower() and unheaded(node.content):
            message = (
                "HTML table without a header row is not read: no cards; make its first row's cells "
                "`<th>` cells naming the columns, or write the table as a Markdown table"
            )
            yield Problem(ctx.at(node), message, "warning")
        if node.map and (kind := _pandoc_table(ctx, node)):
            message = (
                f"a Pandoc {kind} table is not read: no cards; write it as a Markdown table, `| A | B |` "
                "over `| --- | --- |` and a `| … |` line per row"
            )
            yield Problem(ctx.at(node), message, "warning")
        if node.type != "inline" or "|" not in node.content or not node.map:
            continue
        header, _, rest = node.content.partition("\n")
        delimiter = rest.partition("\n")[0]
        if "|" in header and _DELIMITER_ROW.fullmatch(delimiter.strip()):
            columns, dashes = _cell_count(header), _cell_count(delimiter)
            message = (
                f"table's `| --- |` line has {dashes} cells but its header {columns}: give it one `---` per "
                "column, or the table is read as text"
            )
            yield Problem(ctx.at(node), message)


def _dittos_filled(rows: list[list[str]]) -> tuple[tuple[str, ...], ...]:
    """The rows with each ditto mark (``"``, ``〃``, ``ditto``) read as the cell above it says, and each
    merged-cell mark (``^``, as exported from a spreadsheet's merged cells) in a column of words."""
    merged = {at for at in range(len(rows[0])) if _merged_cells_marked(row[at] for row in rows)}
    for above, row in itertools.pairwise(rows):
        row[:] = [
            above[at] if _says_as_above(cell.strip(), at in merged) and at < len(above) else cell
            for at, cell in enumerate(row)
        ]
    return tuple(map(tuple, rows))


def _spreadsheet_blanks_dropped(
    columns: tuple[str, ...], rows: tuple[tuple[str, ...], ...]
) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """A spreadsheet's table as pandas writes it to Markdown (markitdown's ``.xlsx``: ``NaN`` in every
    empty cell, ``Unnamed: 2`` over a column with no header) without those marks: ``NaN`` cells and
    ``Unnamed`` headers empty, rows and columns left with nothing in them dropped. Only where the table
    is such a dump, which its ``Unnamed`` header shows: elsewhere ``NaN`` is a value, a column of them
    too (``| 0.0 / 0.0 | NaN |``, a floating-point lesson's)."""
    width = len(columns)
    unnamed = [_UNNAMED_COLUMN.fullmatch(column.strip()) is not None for column in columns]
    if not any(unnamed):
        return columns, rows
    nan = [[cell.strip() == "NaN" for cell in row] for row in rows]
    columns = tuple("" if blank else column for column, blank in zip(columns, unnamed, strict=True))
    kept = [
        tuple("" if blank else cell for cell, blank in zip(row, blanks, strict=True))
        for row, blanks in zip(rows, nan, strict=True)
        if not all(blanks)
    ]
    filled = [at for at in range(width) if columns[at] or any(row[at].strip() for row in kept)]
    return tuple(columns[at] for at in filled), tuple(tuple(row[at] for at in filled) for row in kept)


_UNNAMED_COLUMN = regex(r"Unnamed: \d{1,4}")
"""pandas' header of a column whose header cell was empty."""


def _says_as_above(cell: str, merged: bool) -> bool:
    return _DITTO.fullmatch(cell) is not None or (merged and cell == "^")


def _merged_cells_marked(column: Iterable[str]) -> bool:
    """A column whose ``^`` cells mark merged cells: all its other cells hold words. In a cheat sheet
    of symbols (``| ^ | Start of line |`` under ``| $ | … |``, ``| ^ | XOR |`` under ``| & | … |``) a
    ``^`` is one of them."""
    cells = [cell.strip() for cell in column]
    others = [cell for cell in cells if cell != "^" and cell and not _DITTO.fullmatch(cell)]
    return "^" in cells[1:] and bool(others) and all(_WORDED.search(cell) for cell in others)


_WORDED = regex(r"^[^`]*[^\W\d_]{2}")
"""A cell with a word of two letters or more, not in code first."""


_DITTO = regex(r"[\"\u201d\u2033\u3003]|(?i:ditto|do\.)")
"""A cell saying "the same as the one above": ``"``, ``〃``, ``ditto``, ``do.``."""


def _pandoc_table(ctx: Context, node: Node) -> str:
    """``grid`` for a paragraph of a Pandoc grid table (``+------+-----+`` lines), ``simple`` for a
    rule of its columns' dashes (``------  -----``, Markdown's thematic break) right under their names
    and over the rows; empty for any other block."""
    if node.type == "inline" and _GRID_RULE.fullmatch(node.content.partition("\n")[0].strip()):
        return "grid"
    assert node.map is not None
    at = node.map[0]
    if node.type != "hr" or not 0 < at < len(ctx.doc.lines) - 1:
        return ""
    named, rule, row = ctx.doc.lines[at - 1 : at + 2]
    return "simple" if _SIMPLE_RULE.fullmatch(rule.strip()) and len(named.split()) > 1 and row.strip() else ""


_GRID_RULE = regex(r"\+(?:[-=:]{3,}\+){2,}")
_SIMPLE_RULE = regex(r"-{3,}(?:[ \t]+-{3,})+")
"""A simple table's rule: a run of dashes per column, a space or more between (Pandoc writes one)."""


_PIPE_INSIDE = regex(r"\$[^$\n]*(?<!\\)\|[^$\n]*\$|`[^`\n]*(?<!\\)\|[^`\n]*`")
"""An unescaped ``|`` inside a formula or a code span, which Markdown still reads as a cell's end."""


def _cell_count(row: str) -> int:
    return len(_UNESCAPED_PIPE.split(row.strip().removeprefix("|").removesuffix("|")))


def _table(ctx: Context, block: Block, node: Node, previous: Node | None, held_by: str) -> Item | Problem:
    rows = [row for part in node.children for row in part.children]
    header, body = rows[0], rows[1:]
    columns = tuple(table_cells(header))
    if not body:
        message = (
            "table has a header but no rows: no cards, and not printed; add its rows under the `|---|` line"
        )
        return Problem(ctx.at(node), message, "warning")  # as Markdown shows it: a callout written as a table
    held = node is not block.node  # in a quote: its lines open with its marks
    for row in rows:
        line = ctx.doc.lines[row.map[0]] if row.map else ""
        written = count_cells(_QUOTED.sub("", line) if held else line) if row.map else len(columns)
        if written != len(columns) and "|" not in line:
            return ctx.problem(  # Markdown takes a line written right under a table into it
                row, "this line is read as a row of the table above it: leave a blank line between them"
            )
        if written != len(columns):
            hint = (  # `$|a + b| \le |a| + |b|$`: Markdown parts cells at every `|`, in formulas and code too
                "; a `|` inside a formula or code parts cells too: write it `\\|`"
                if written > len(columns) and _PIPE_INSIDE.search(line)
                else ""
            )
            return ctx.problem(
                row,
                f"table row has {written} cell{'s' * (written != 1)} but the header has {len(columns)}: "
                f"add or remove cells (write an empty cell as `| |`){hint}",
            )
    cells = _dittos_filled([table_cells(row) for row in body])
    columns, cells = _spreadsheet_blanks_dropped(columns, cells)
    if not cells:
        return Problem(
            ctx.at(node), "table of a spreadsheet's empty cells only: nothing in it, left out", "info"
        )
    if _navigation(cells):
        message = "table of links within the page (a table of contents): no comparison table, left out"
        return Problem(ctx.at(node), message, "info")
    if _tracks_work(columns):
        message = (
            "table that tracks work (status, owners, dates): nothing to learn in it, so no comparison "
            "table, left out"
        )
        return Problem(ctx.at(node), message, "info")
    if option_letters(columns[0], cells):
        message = (
            "table whose rows are options (A, B, …) with no question above them: no comparison table, "
            "left out; write the question right above it to make it one"
        )
        return Problem(ctx.at(node), message, "info")
    if is_matching_table(ctx, node) or _headed_as_lists_to_match(columns):
        message = (
            "table pairs two lists to match (List I beside List II, or items labelled 1, 2 … beside A, B …, "
            "i, ii … or p, q …: a matching exercise): each row's cells do not belong together, so it gives "
            "no cards; ask to match above it (`Match List I with List II.`) and answer under it (`Answer: "
            "A-2, B-1`), or write each pair on one row"
        )
        return Problem(ctx.at(node), message, "warning")
    if _numbers_rows(columns[0], cells):
        columns, cells = columns[1:], tuple(row[1:] for row in cells)
    lists = _columns_are_lists(columns)
    if not lists:
        columns, cells = _headed_twice(columns, cells)
        columns, cells = _side_by_side(columns, cells)
        cells = _continued(cells)
    caption = _caption(previous)
    heading = heading_text(block.heading) if block.heading and not caption and not held_by else ""
    title = caption or held_by or _heading_title(heading, columns) or ctx.doc.part
    pinned = pinned_id(node, previous if caption else None)
    fields = ctx.common("table", title, node, block.section, pinned)
    if lists:
        title = _titled_by_lists(title, columns)
    return ctx.build(node, lambda: fields.table(title=title, columns=columns, rows=_revealed(cells)))


def _columns_are_lists(columns: tuple[str, ...]) -> bool:
    """A header of opposite sides, every column one (``| Pros | Cons |``, ``| ✅ Do | ❌ Don't |``,
    ``| Strengths | Weaknesses | Opportunities | Threats |``): each column lists items of its side, and
    a row's cells are no record of one thing (``No fuel cost`` beside ``Intermittent``). A first
    header naming the rows (``| Option | Pros | Cons |``) makes each row a record."""
    sides = [
        _SIDE.fullmatch(_LETTERS_ONLY.sub(" ", plain(column).replace("\u2019", "'")).strip())
        for column in columns
    ]
    found = [side.lastgroup for side in sides if side]
    return len(columns) >= 2 and len(found) == len(columns) and {"good", "bad"} <= set(found)


_SIDE = regex(
    r"(?i)(?P<good>pros?|advantages?|benefits?|strengths?|do'?s?|upsides?|opportunit(?:y|ies)"
    r"|good(?: practices?)?)"
    r"|(?P<bad>cons?|disadvantages?|drawbacks?|weaknesses?|don'?t'?s?|downsides?|limitations?|threats?"
    r"|risks?|bad(?: practices?)?|avoid)"
)
"""A heading of the good side of something or of its bad side."""
_LETTERS_ONLY = regex(r"[^\w'\s]+|_")


def _titled_by_lists(title: str, columns: tuple[str, ...]) -> str:
    """A table of lists titled by its columns set against each other (``Solar power: Pros vs Cons``):
    each item is asked which column it is in, never a row's other cells."""
    sides = " vs ".join(plain(column) for column in columns)
    return sides if VERSUS.search(title) else f"{title}: {sides}"


def _heading_title(heading: str, columns: tuple[str, ...]) -> str:
    """The heading's text, or the things the table's header sets side by side (``| | Cloud Run | Cloud
    Functions |``) when the heading sets others against each other (``Bigtable vs BigQuery``): a table
    written under the last of several ``A vs B`` sections compares its own things."""
    things = [plain(column) for column in columns[1:]]
    compared = [side for side in VERSUS.split(heading) if side.strip()]
    if plain(columns[0]) or len(things) < 2 or not all(things) or len(compared) < 2:
        return heading
    named = any(_names(side, thing) for side in compared for thing in things)
    return heading if named else " vs ".join(things)


def _names(side: str, thing: str) -> bool:
    """``Security Groups`` names ``Security group``, ``EC2`` names ``Amazon EC2``: one slug in the other."""
    one, other = slug(side).rstrip("s"), slug(thing).rstrip("s")
    return bool(one and other) and (one in other or other in one)


def _headed_twice(
    columns: tuple[str, ...], rows: tuple[tuple[str, ...], ...]
) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """A header of two rows, as a spreadsheet's merged cells paste (``| | Aerobic | | Anaerobic | |`` over
    ``| | Glycolysis | Krebs cycle | Glycolysis | Fermentation |``): two header names or more each over
    blank cells after it, and a first row that names every column but the first. Each column is named
    by both (``Aerobic \u2013 Krebs cycle``); any other table as it is."""
    spans = [at for at in range(1, len(columns) - 1) if columns[at].strip() and not columns[at + 1].strip()]
    if len(spans) < 2 or len(rows) < 2 or rows[0][0].strip() or not all(cell.strip() for cell in rows[0][1:]):
        return columns, rows  # one name over blank cells: an unnamed column as often
    named, above = [columns[0]], ""
    for top, sub in zip(columns[1:], rows[0][1:], strict=True):
        above = top.strip() or above
        named.append(f"{above} \u2013 {sub.strip()}" if above else sub)
    return tuple(named), rows[1:]


def _revealed(rows: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """The rows with Anki's cloze markers shown as their words (``{{c1::Cytosine}}`` → ``Cytosine``)."""
    return tuple(
        tuple(cloze_syntax.revealed(cell) if "{{c" in cell else cell for cell in row) for row in rows
    )


def _side_by_side(
    columns: tuple[str, ...], rows: tuple[tuple[str, ...], ...]
) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """A cheat sheet set side by side to fill the page (``| Command | Description | Command |
    Description |``): its columns once, and the rows of each side in turn (the left side's first);
    a row's empty side is no row. Any other table as it is."""
    width = next(
        (
            size
            for size in range(2, len(columns) // 2 + 1)
            if columns == columns[:size] * (len(columns) // size)
        ),
        0,
    )
    if not width or not any(columns[:width]):
        return columns, rows
    sides = [row[start : start + width] for start in range(0, len(columns), width) for row in rows]
    return columns[:width], tuple(side for side in sides if any(side))


def _continued(rows: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """The table's rows, each row whose first cell is empty and that fills one other cell joined to
    the row above (as converters write a cell too long for one line, ``| | Supports Multi-AZ |``, or
    a second side effect under a drug's, ``| | | GI upset |``): its words after a line break in that
    cell. A cell in bold alone titles the rows below it, and a row filling several cells under an
    empty first one groups the rows: both are kept."""
    joined: list[tuple[str, ...]] = []
    for row in rows:
        filled = [at for at, cell in enumerate(row) if cell]
        if (
            joined
            and not row[0]
            and len(filled) == 1
            and joined[-1][0]
            and not _BOLD_ONLY.fullmatch(row[filled[0]])
        ):
            at, above = filled[0], list(joined[-1])
            above[at] = f"{above[at]}<br>{row[at]}" if above[at] else row[at]
            joined[-1] = tuple(above)
        else:
            joined.append(row)
    return tuple(joined)


def _navigation(rows: tuple[tuple[str, ...], ...]) -> bool:
    """Rows of links to headings of the page, numbered or not (``| 12 | [Which service …?](#which-…) |``),
    maybe grouped under bold rows (``| | **Trees** |``): a question bank's table of contents, with
    nothing to learn in it."""
    cells = [cell for row in rows for cell in row if cell and not _INDEX.fullmatch(cell)]
    links = [cell for cell in cells if only_links_within_page(cell)]
    return bool(links) and all(cell in links or _BOLD_ONLY.fullmatch(cell) for cell in cells)


def _tracks_work(columns: tuple[str, ...]) -> bool:
    """A task board's or a decision log's columns (``| Task | Status | Assignee | Due |``, ``| Decision
    | Owner | Date |``): after the first, two or more, only who, how far and when, one of them who or
    how far. A history's ``| Battle | Date |`` is a date to learn, a course's ``| Document | Owner |``
    whose it is."""
    kinds = [_TRACKING.fullmatch(plain(column).strip()) for column in columns[1:]]
    return len(kinds) >= 2 and all(kinds) and any(kind and kind["who"] for kind in kinds)


_TRACKING = regex(
    r"(?i)(?P<who>status|state|assignee|assigned\s+to|owner|owners|priority|progress|reviewer|sprint"
    r"|due|due\s+date|deadline|eta|estimate|story\s+points)|date|created|updated|last\s+updated|done"
)
_INDEX = regex(r"#?\d{1,4}[.)]?")
_NUMBER_HEADER = regex(r"#|(?:s\.?\s*|sr\.?\s*|sl\.?\s*)?(?:no|nr|num|number)\.?|", re.I)
"""A header over row numbers: ``#``, ``No.``, ``S.No``, ``Sr. No.``, ``Number``, or none."""


def _headed_as_lists_to_match(columns: tuple[str, ...]) -> bool:
    """``| List I | List II |`` (``List-I (Scientist)``, ``List 1``): as exam papers head two lists whose
    items are to be matched, in an order that pairs none of them."""
    found = [_LIST_HEADER.fullmatch(plain(column).strip()) for column in columns]
    numbers = [named["number"].lower() if named else "" for named in found]
    return numbers in (["i", "ii"], ["1", "2"])


_LIST_HEADER = regex(r"(?i:list)[ \t]*(?:[-\u2013][ \t]*)?(?P<number>(?i:i{1,2})|[12])(?:[ \t]*\(.*\))?")


def _numbers_rows(header: str, rows: tuple[tuple[str, ...], ...]) -> bool:
    """A first column that only counts the rows, 1, 2, 3 … (``| # | Service | Use |`` over ``| 1 | Amazon
    EC2 | …``): no name of a row, so it is left out and the next column names them. Other numbers
    (years, atomic numbers, status codes) are what the rows are about."""
    numbers = [re.sub(r"\D", "", row[0]) if _INDEX.fullmatch(row[0].strip()) else "" for row in rows]
    counted = all(number == str(count) for count, number in enumerate(numbers, start=int(numbers[0] or 1)))
    return (
        len(rows[0]) >= 2
        and numbers[0] in ("0", "1")
        and counted
        and _NUMBER_HEADER.fullmatch(header.strip()) is not None
    )


def count_cells(line: str) -> int:
    """Cells written on a table's source line; GFM silently pads or cuts rows, so count them here."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return len(_UNESCAPED_PIPE.split(text))


def _caption(node: Node | None) -> str:
    """The title a paragraph right above a table gives it: bold-only, or short, one sentence and
    ending in ``:`` (``Arrow keys move one cell. With Ctrl they jump:`` is prose leading to it)."""
    if node is None or node.type != "paragraph":
        return ""
    text = node.children[0].content.strip()
    bold = _BOLD_ONLY.match(text)
    if bold:
        return bold["title"].strip().rstrip(":").strip()
    if (
        text.endswith(":")
        and len(text) <= MAX_CAPTION
        and "\n" not in text
        and not _SENTENCE_END.search(text)
    ):
        return text[:-1].strip()
    return ""


_SENTENCE_END = regex(r"(?:[a-z]{4}|\))[.!?]\s+[A-Z]")
"""A sentence ending inside a paragraph: a word (not ``vs.``, ``Dr.`` or ``e.g.``), a stop, then the
next one's capital."""
