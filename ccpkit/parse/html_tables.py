"""HTML tables, as notes exported from Notion, Confluence or web pages keep them, written as the Markdown
tables they mean: the table rules, the cards and the cram sheets then read them as any other table.
HTML lists, as question banks copied from web pages keep their options, read as the lines they show."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Container
from dataclasses import dataclass
from html.parser import HTMLParser

from ccpkit.regex import regex

_TABLE = regex(r"^[ \t]*<table\b.*?</table\s*>[ \t]*$", re.I | re.S | re.M)
"""An HTML table from the start of its first line to the end of its last."""
_SPACES = regex(r"\s+")
_LINE_END = regex(r"\n")
_MARKS = {"b": "**", "strong": "**", "i": "*", "em": "*", "code": "`", "sup": "^"}
"""Inline tags kept as the Markdown they mean (``πr<sup>2</sup>`` as ``πr^2``); any other tag is
dropped, its text kept."""
_SPANNING = regex(r"\b(?:rowspan|colspan)\s*=", re.I)
_NOT_A_GRID = regex(rf"{_SPANNING.pattern}|<pre\b", re.I)
_FOOTER = regex(r"<tfoot\b.*?</tfoot\s*>", re.I | re.S)
_BLOCKS = frozenset({"p", "li", "div"})
"""Tags that open a line of their own in a cell."""


def markdown_tables(text: str, code: Container[int]) -> str:
    """``text`` with each HTML table written as a Markdown table on its first lines, blank lines after
    it, so every line keeps its number. A table in code (``code``: line indexes), or one on too few
    lines to hold a line per row and the ``|---|`` line, stays as written."""

    def written(found: re.Match[str]) -> str:
        table = found[0]
        rows = _text_rows(table)
        span = table.count("\n") + 1
        if text.count("\n", 0, found.start()) in code or not rows or span < len(rows) + 1:
            return table
        width = max(len(row) for row in rows)
        lines = [_line([*row, *[""] * (width - len(row))]) for row in rows]
        lines.insert(1, _line(["---"] * width))
        return "\n".join(lines + [""] * (span - len(lines)))

    return _TABLE.sub(written, text)


def _line(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def spans_cells(html: str) -> bool:
    """Whether ``html`` holds a table with header cells that is not read for a cell spanning rows or
    columns (a page laid out with a table, no ``<th>`` in it, is not one to read)."""
    return "<th" in html.lower() and _SPANNING.search(html) is not None


def squeezed(html: str) -> bool:
    """Whether ``html`` holds a table of text whose rows share lines, which cannot be read line for line."""
    rows = _text_rows(html)
    return bool(rows) and html.count("\n") + 1 < len(rows) + 1


def unheaded(html: str) -> bool:
    """Whether ``html`` holds a table of words, every cell filled, that is not read for want of a header
    row (``<th>`` cells, a ``<thead>``, or a first row all in bold over rows that are not); a page laid
    out with a table, pictures in it, is none."""
    rows = _rows(html) if "<th" not in html.lower() else []  # (`<thead` holds `<th`)
    pictured = "<img" in html.lower() or any(_PICTURE.search(cell) for row in rows for cell in row)
    worded = all(len(row) >= 2 and all(_WORD.search(_ADDRESS.sub("", cell)) for cell in row) for row in rows)
    return len(rows) >= 2 and worded and not pictured and not _header_named(rows)


def _text_rows(table: str) -> list[list[str]]:
    """The rows of a plain table of text: a header row (``<th>`` cells, or a ``<thead>`` row) with words,
    or a first row all in bold over rows that are not, one row at least under it, no cell spanning rows
    or columns, no code block and no other table in it (a page laid out with a table, or a table a grid
    cannot hold, is left as written). A footer's rows are no rows."""
    rows = _rows(table)
    if "<th" not in table.lower():  # (`<thead` holds `<th`)
        rows = _header_named(rows)
    return rows if len(rows) >= 2 and any(rows[0]) else []


def _header_named(rows: list[list[str]]) -> list[list[str]]:
    """``rows`` with the first as the header it is when all its cells, and not all below, are in bold
    (``<td><b>Knot</b></td>``); none when it is not."""
    bold = [_BOLD_CELL.fullmatch(cell) for cell in rows[0]] if rows else []
    if not bold or not all(bold) or all(_BOLD_CELL.fullmatch(cell) for row in rows[1:] for cell in row):
        return []
    return [[found["inner"] for found in bold if found], *rows[1:]]


def _rows(table: str) -> list[list[str]]:
    """The rows of a single table no cell of which spans others, but its footer's; none for another."""
    if table.lower().count("<table") != 1 or _NOT_A_GRID.search(table):
        return []
    reader = _TableReader()
    reader.feed(_FOOTER.sub("", table))
    reader.close()
    return [row for row in reader.rows if row]


_PICTURE = regex(r"!\[[^\]]*\]\(")
"""A picture in a cell (``<img>`` reaches the table as ``![](…)``)."""
_ADDRESS = regex(r"\]\([^)]*\)")
"""A link's address: no words of a cell."""
_WORD = regex(r"\w")
_BOLD_CELL = regex(r"\*\*(?P<inner>[^*]+)\*\*")


class _TableReader(HTMLParser):
    """Each row's cells as Markdown text: bold, italics, code, links and ``<br>`` kept, pipes escaped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None
        self.link = ""
        """The address of the link being read, written after its words (``[AWS](https://…)``)."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th") and self.rows:
            self.cell = []
        elif self.cell is not None and (tag == "br" or (tag in _BLOCKS and "".join(self.cell).strip())):
            self.cell.append("<br>")  # a line break, or a paragraph or list item after another
        elif self.cell is not None and tag in _MARKS:
            self.cell.append(_MARKS[tag])
        elif self.cell is not None and tag == "a":
            self.link = dict(attrs).get("href") or ""
            self.cell.append("[" if self.link else "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(_SPACES.sub(" ", "".join(self.cell)).strip())
            self.cell = None
        elif self.cell is not None and tag in _MARKS and tag != "sup":
            self.cell.append(_MARKS[tag])
        elif self.cell is not None and tag == "a" and self.link:
            self.cell.append(f"]({self.link})")
            self.link = ""

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data.replace("|", "\\|"))


_LINE_TAGS = frozenset({"p", "div", "br", "li", "ol", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"})
"""Tags that open (or end) a line of their own in a list's lines."""
_LETTERING = ("A", "a")
"""An ``<ol type="A">``'s items are lettered as the page shows them (``A.``, ``B.`` …)."""


@dataclass(frozen=True, slots=True)
class ShownLine:
    """A line of text an HTML block shows: its words (as Markdown), the line of the block it opens on
    (from 0), and the list that holds it with no list in it (numbered as the lists open; -1 for none:
    a list of questions over their options holds lists)."""

    text: str
    line: int
    listed: int
    item: bool = False
    """It opens an item of its list (the lines after it in the item go on with it)."""
    folded: bool = False
    """It is a ``<details>`` block, as written (``text``): the answer folded under a question."""


def list_lines(html: str) -> list[ShownLine]:
    """The lines an HTML block shows, as question banks copied from web pages write their options:
    ``<p>Which …?</p>`` over ``<ol type="A"><li>EC2</li>…</ol>`` shows ``Which …?``, ``A. EC2`` …, and
    ``<ol><li>Which …?<ul><li>A. EC2</li>…</ul></li></ol>`` shows ``1. Which …?``, ``A. EC2`` …; bold,
    italics and code kept, a form's buttons as boxes (``[x] Jupiter``), a ``<details>`` block as written,
    a line of its own. None for a block holding a table (which the table rules read)."""
    if "<table" in html.lower():
        return []
    reader = _ListReader(html)
    reader.feed(html)
    reader.close()
    reader.fold_left_open()
    return reader.shown()


_START = regex(r"[0-9]{1,6}")
"""An ``<ol start="7">``'s number: a few ASCII digits (``²`` or a thousand digits number nothing)."""
_BOXES = {"radio": ("[ ] ", "[x] "), "checkbox": ("[ ] ", "[x] ")}
"""A form's radio button or checkbox as a checklist's box, empty or ticked (``checked``): the answer
of a quiz saved from a form."""


@dataclass(slots=True)
class _List:
    number: int
    lettering: str
    """``A`` or ``a`` for a list the page letters, ``1`` for numbers, ``""`` for bullets."""
    items: list[int]
    """The line each of its items opens on."""
    start: int = 1
    """The number of its first item (``<ol start="7">``)."""


class _ListReader(HTMLParser):
    """Each line of text an HTML block shows; an ordered list's item holding a list of its own (a
    question over its options) keeps its number."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.line_starts = [0, *(found.end() for found in _LINE_END.finditer(html))]
        self.folding: list[int] = []
        """Where each open ``<details>`` starts (an offset in ``html``): what it holds is kept as written."""
        self.folds: set[int] = set()
        """The lines that are a ``<details>`` block."""
        self.lines: list[tuple[list[str], int, int]] = [([], 0, -1)]
        """Each line's pieces, the line of the block it opens on, and its list."""
        self.open: list[_List] = []
        self.read: list[_List] = []
        self.holding: set[int] = set()
        """The lists that hold a list."""
        self.numbered: dict[int, int] = {}
        """The line of each numbered item that holds a list, and its number."""

    def _new_line(self) -> None:
        listed = self.open[-1].number if self.open else -1
        self.lines.append(([], self.getpos()[0] - 1, listed))

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "details":
            self.folding.append(self._offset())
        if self.folding:
            return
        if tag in ("ol", "ul"):
            if self.open:
                self.holding.add(self.open[-1].number)
                if self.open[-1].lettering == "1" and self.open[-1].items:
                    holder = self.open[-1]
                    self.numbered[holder.items[-1]] = holder.start + len(holder.items) - 1
            given = dict(attrs)
            lettering = (given.get("type") or "1") if tag == "ol" else ""
            start = _START.fullmatch((given.get("start") or "").strip())
            number = int(start[0]) if start else 1
            kind = lettering if lettering in (*_LETTERING, "1") else ""  # `type="i"`: not lettered here
            self.open.append(_List(len(self.read) + len(self.open), kind, [], number))
        if tag in _LINE_TAGS:
            self._new_line()
        if tag == "li" and self.open:
            listed = self.open[-1]
            listed.items.append(len(self.lines) - 1)
            if listed.lettering in _LETTERING:
                self.lines[-1][0].append(f"{chr(ord(listed.lettering) + len(listed.items) - 1)}. ")
        elif tag in _MARKS and tag != "sup":
            self.lines[-1][0].append(_MARKS[tag])
        elif tag == "input" and (box := _BOXES.get(dict(attrs).get("type") or "")) is not None:
            self.lines[-1][0].append(box[1] if any(name == "checked" for name, _ in attrs) else box[0])

    def handle_endtag(self, tag: str) -> None:
        if tag == "details" and self.folding:
            start = self.folding.pop()
            if not self.folding:  # the outermost fold closes: a line of its own, as written
                end = self.html.find(">", self._offset()) + 1
                self.lines.append(([self.html[start:end]], bisect_right(self.line_starts, start) - 1, -1))
                self.folds.add(len(self.lines) - 1)
                self._new_line()
            return
        if self.folding:
            return
        if tag in ("ol", "ul") and self.open:
            self.read.append(self.open.pop())
        if tag in _LINE_TAGS:
            self._new_line()
        elif tag in _MARKS and tag != "sup":
            self.lines[-1][0].append(_MARKS[tag])

    def fold_left_open(self) -> None:
        """A ``<details>`` the block leaves open (its answer below a blank line, ``</details>`` further
        down): a line of its own, as written to the block's end, for the rules that read one so."""
        if self.folding:
            start = self.folding[0]
            self.lines.append(([self.html[start:]], bisect_right(self.line_starts, start) - 1, -1))
            self.folds.add(len(self.lines) - 1)
            self.folding.clear()

    def handle_data(self, data: str) -> None:
        if not self.folding:
            self.lines[-1][0].append(data)

    def shown(self) -> list[ShownLine]:
        """The lines with words; an item whose words open on a line below its tag (``<li><p>…``)
        opens there."""
        items = {line for listed in (*self.read, *self.open) for line in listed.items}
        lines, opening = [], False
        for number, (pieces, line, listed) in enumerate(self.lines):
            folded = number in self.folds
            text = "".join(pieces) if folded else _SPACES.sub(" ", "".join(pieces)).strip()
            opening = opening or number in items
            if text:
                text = f"{self.numbered[number]}. {text}" if number in self.numbered else text
                leaf = -1 if listed in self.holding or folded else listed
                lines.append(ShownLine(text, line, leaf, item=opening and not folded, folded=folded))
                opening = opening and folded
        return lines
