"""Comparison tables as Anki notes, each asking at most two facts a student can answer from its front.

How a table is read depends on its shape (the rules are explained in ``docs/anki.md``):

- *Row-first* (the first column names the things, e.g. ``| Family | Optimised for | Use cases |``):
  one note per row asking for two of its cells; a row with more cells gives more notes (``…/row/<column>``).
- *Feature-first* (the first header is ``Feature``, ``Aspect``, ``Factor``, ``Criteria``, ``Metric``,
  ``Category`` …, and the other columns are the things compared): with two things, one note per
  row asks that feature of both; with three or more, one note per thing and feature.
- *No label column* (the first column holds sentences like the others, so no cell names its row):
  titled ``A vs B``, each cell asks which column it belongs to; otherwise a one-row table gives one
  note per column, and a longer one none (``ccpkit check`` says why).
- *Links with blurbs* (``| Resource link | Description |``) are reference, not facts (see ``notes``).

Each note shows the table around it (its row highlighted) on the back, so the answer keeps its context.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate

from ccpkit.cornell import sums_up_the_page
from ccpkit.digest import text_digest
from ccpkit.errors import Problem
from ccpkit.item_ids import row_key, slug
from ccpkit.markup import is_only_a_link, to_inline_html, to_text
from ccpkit.model import ComparisonTable
from ccpkit.regex import regex
from ccpkit.text_direction import starts_right_to_left

LINK_HEADER = regex(r"\b(links?|resources?|urls?|references?)\b", re.IGNORECASE)
"""A first header naming links (``Resource link``, ``URL``, ``Reference``): where to read more."""
FEATURE_HEADER = regex(
    r"^\s*(features?|aspects?|factors?|criteri(a|on)|metrics?|categor(y|ies)|dimensions?|"
    r"characteristics?|attributes?|propert(y|ies)|comparison)\b",
    re.IGNORECASE,
)
"""A first header saying the rows are attributes, so the columns after it are the things compared."""
ASIDE_HEADER = regex(
    r"\s*(?:usage\s+)?(?:examples?(?:\s+sentences?)?|e\.\s*g\.|remarks?|comments?|tips?|mnemonics?)\s*",
    re.IGNORECASE,
)
"""A column of asides (``Example``, ``Remarks``, ``Mnemonic``): shown with its row on the back, never
asked (a student cannot recall an example sentence word for word). ``Notes`` may be the fact itself
(a chord's notes): it is asked."""
_WHOLLY_CODE = regex(r"(`+)[^`].*?\1")
_READERS_COLUMN = regex(r"(?i)\s*your\s")
"""``| Your Score |``, ``| Your notes |``: a column the reader may fill in."""
VERSUS = regex(r"\b(?:vs\.?|versus)(?:\s|$)", re.IGNORECASE)
"""A title that sets its columns against each other: ``Security Groups vs NACLs``."""
MOST_ASKED = 2
"""At most this many facts per card (SuperMemo: minimum information, no enumerations)."""
LABEL_WORDS = 5
"""A first column whose cells average this many words or more, and at least half as many as the other
cells, reads as sentences: the table has no label column."""


@dataclass(frozen=True, slots=True)
class TableNote:
    """One note a table gives: its id, its field HTML (Row, Table, Asks, Answer, Whole table), and the
    plain text that names it for rename detection."""

    id: str
    fields: tuple[str, ...]
    name: str
    rows: str = ""
    """For a table longer than its notes show (``SHOWN_ROWS``), what the ledger reads instead of the
    ``Whole table`` field, whose rows move with the row: ``_WholeTable.moved_rows``. Empty otherwise."""
    row: str = ""
    """The digest of the row's cells as written, however the table is read: a row whose note asks from
    another cell after an edit elsewhere in the table (its groups gone) is still that note."""


def is_link_table(table: ComparisonTable) -> bool:
    """A two-column list of links with blurbs: reference to look things up in, not facts to recall, so
    it leaves the Anki deck by default (the PDF and the spreadsheet CSV keep it)."""
    return len(table.columns) == 2 and LINK_HEADER.search(table.columns[0]) is not None


def is_feature_first(table: ComparisonTable) -> bool:
    """The first header names attributes (``Feature``, ``Aspect`` …) and two or more things follow; or
    it is left empty over three or more things whose names read more as names than the rows' labels
    do (``| | S3 | EBS | EFS |`` over ``| Type | …``, where ``| | Price | Weight | Battery |`` heads
    rows of phones, ``| Pixel 8 | …``)."""
    corner = to_text(table.columns[0])
    if not corner.strip():
        headers = [to_text(column) for column in table.columns[1:]]
        labels = [to_text(row[0]) for row in table.rows]
        named = [sum(map(_reads_as_a_name, texts)) / max(len(texts), 1) for texts in (headers, labels)]
        return len(table.columns) >= 4 and named[0] > named[1]
    return len(table.columns) >= 3 and FEATURE_HEADER.match(corner) is not None


def _reads_as_a_name(text: str) -> bool:
    """A product's or a person's name, not an attribute's: a digit, a capital past the first letter
    (``S3``, ``EBS``, ``iPhone``, ``Dr Smith``, ``Henry VIII``), where ``Price`` or ``Atomic number``
    has none, nor ``Battery (mAh)`` outside its unit."""
    unbracketed = _BRACKETED.sub("", text).strip()
    return any(char.isdigit() or (char.isupper() and at) for at, char in enumerate(unbracketed))


_BRACKETED = regex(r"\([^()]*\)|\[[^\[\]]*\]")
"""An aside in brackets: a unit, a year, a citation (``[1893]``)."""
_SHORT_ASIDE_WORDS = 3


def _short_aside_left_out(aside: re.Match[str]) -> str:
    """A short aside is no part of what a cell names (``Hyde v Wrench (1840)``); a long one is part of
    its sentence (``Heat gently (never above 80 °C, or the enzyme denatures)``)."""
    return "" if len(aside[0].split()) <= _SHORT_ASIDE_WORDS else aside[0]


def has_no_label_column(table: ComparisonTable) -> bool:
    """No cell names its row: the first column reads like the others (sentences, not names, their
    short asides in brackets not counted: a case is named ``Hyde v Wrench (1840)``). A column
    of questions (Cornell notes' cues: ``Why did the Estates-General meet?``) or of code names each row
    it asks."""
    if all(to_text(row[0]).rstrip().endswith(("?", "\uff1f")) for row in table.rows):
        return False
    if all(_WHOLLY_CODE.fullmatch(row[0].strip()) for row in table.rows):
        return False  # a cheat sheet's commands: `kubectl rollout undo deploy/web` names its row
    first_mean = _mean_words([_BRACKETED.sub(_short_aside_left_out, to_text(row[0])) for row in table.rows])
    rest_mean = _mean_words([cell for row in table.rows for cell in row[1:]])
    return len(table.columns) >= 2 and first_mean >= LABEL_WORDS and first_mean >= rest_mean / 2


def is_versus(table: ComparisonTable) -> bool:
    """The title sets the columns against each other (``A vs B``): each column is one of the things."""
    return VERSUS.search(to_text(table.title)) is not None


def heads_the_things(table: ComparisonTable) -> bool:
    """The header row is the things an ``A vs B`` title sets against each other (``Security Groups vs
    Network ACLs`` over ``| Security Group | Network ACL |``): its columns are those things, whatever
    the first column holds (``Stateful`` against ``Stateless``), and no cell names its row."""
    things = [slug(side) for side in VERSUS.split(to_text(table.title)) if side.strip()]
    headers = [slug(to_text(column)) for column in table.columns]
    same = len(things) == len(headers) and all(map(_same_thing, headers, things))
    return len(things) >= 2 and same


def _same_thing(header: str, side: str) -> bool:
    """``security-group`` and ``security-groups`` (or ``firewalls-security-groups``, the title's topic
    first): one thing, named once and in the plural."""
    header, side = header.rstrip("s"), side.rstrip("s")
    return side == header or side.endswith(f"-{header}")


def grouping_width(table: ComparisonTable) -> int:
    """How many leading columns group the rows (0: none). The first column groups them and the second
    names them (``| Category | Service | Use |`` over ``| Storage | Amazon S3 | …`` and ``| Storage |
    Amazon EBS | …``, or ``| | Amazon EBS | …`` under the group's first row): a group's name repeats or
    is left blank (twice or more: one blank cell is a gap in the notes), and each row's name (or a dash
    for none) is its own within its group (a number, in the whole table). Two columns may group the
    rows, the second within the first: a row leaves blank the first, or both (``| | DNA polymerase |
    Acyclovir |``). Named by the group alone, a group's rows would ask the same and want different
    answers."""
    for width in (1, 2):
        if len(table.columns) < width + MOST_ASKED:
            return 0
        groups = [tuple(_plain(cell) for cell in row[:width]) for row in table.rows]
        names = [_plain(row[width]) for row in table.rows]
        if not all(names):
            continue  # two columns may be the groups, and the next one the names
        filled = list(accumulate(groups, _below))
        named = [group for group in groups if all(group)]
        nested = all(map(_blanks_lead, groups))
        repeated = len(set(named)) < len(named) or len(groups) - len(named) >= MOST_ASKED
        # a dash names none: two such rows of one group would be named alike
        rows = [
            ("" if _blank(name, True) else name, group) for group, name in zip(filled, names, strict=True)
        ]
        named_rows = [name for name, _ in rows if name]
        worded = all(_LETTER.search(name) for name in named_rows)  # `S3` names, `4` (a layer) may repeat
        distinct = len(set(rows)) == len(rows)
        unique = distinct and (worded or len(set(named_rows)) == len(named_rows))
        short = _mean_words(names) < LABEL_WORDS
        if all(groups[0]) and nested and repeated and unique and short:
            return width
        dashed_alike = not distinct and len({row for row in rows if row[0]}) == len(named_rows)
        if not dashed_alike:
            return 0  # only rows a dash names alike send the names to the next column
    return 0


def _blanks_lead(group: tuple[str, ...]) -> bool:
    """A row's group cells are blank only before its filled ones (``| | DNA polymerase |``): the rows
    above it name the outer groups."""
    filled = [bool(cell) for cell in group]
    return filled == sorted(filled)


def _below(above: tuple[str, ...], group: tuple[str, ...]) -> tuple[str, ...]:
    """A row's group: its own cells, a blank one being the one above it."""
    return tuple(cell or last for cell, last in zip(group, above, strict=True))


def _named_in_groups(table: ComparisonTable, width: int) -> ComparisonTable:
    """The table read with each row named by its group and its own name (``Storage`` and ``Amazon S3``), a
    blank group being the one above it; a dash names none (``| - | MDMA |``: no class, its name alone)."""
    rows, group = [], ("",) * width
    for row in table.rows:
        group = _below(group, tuple(cell if cell.strip() else "" for cell in row[:width]))
        named = [cell for cell in group if not _blank(cell, True)]
        rows.append(
            (" \N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK} ".join([*named, row[width]]), *row[width + 1 :])
        )
    return replace(table, columns=table.columns[width:], rows=tuple(rows))


def _is_a_form(table: ComparisonTable) -> bool:
    """A column for the reader to fill in (``| Your score |`` over ``/18`` or nothing): a self-check,
    no facts. ``| Your responsibility |`` over what it is, is a fact."""
    return any(
        _READERS_COLUMN.match(to_text(header))
        and not any(_WORD.search(to_text(row[column])) for row in table.rows)
        for column, header in enumerate(table.columns)
    )


def _mean_words(cells: Sequence[str]) -> float:
    return sum(len(to_text(cell).split()) for cell in cells) / max(1, len(cells))


def table_notes(table: ComparisonTable, files: Mapping[str, str] | None = None) -> Iterator[TableNote]:
    """The notes of one table, in row order; none for a one-column table or a long unlabelled one.
    ``files``: the module's pictures' file names by content name, which name the rows they label."""
    files = files or {}
    if len(table.columns) < 2 or _is_a_form(table):
        return  # nothing to ask about a row (the exporter reports it), or a form the reader fills in
    whole = _WholeTable(table)
    if width := grouping_width(table):
        table = _named_in_groups(table, width)
    elif has_no_label_column(table) or heads_the_things(table):
        if is_versus(table):
            yield from _which_column_notes(table, whole, files)
        elif len(table.rows) == 1:
            yield from _column_notes(table, whole)
        return  # ``table_problems`` says why
    slugs = _row_slugs(table, files)
    hyphens = _hyphen_columns(table)
    asked_columns = _asked_columns(table, hyphens)
    for number, row in enumerate(table.rows):
        row_id = f"{table.id}/{slugs[number]}"
        label = row[0] if row[0].strip() else f"Row {number + 1}"
        if is_feature_first(table) and len(table.columns) > MOST_ASKED + 1:
            for column, (thing, cell) in enumerate(zip(table.columns[1:], row[1:], strict=True), start=1):
                if _blank(cell, column in hyphens):
                    continue  # an empty cell is no fact to recall
                yield TableNote(
                    f"{row_id}/{slug(thing) or f'column-{column + 1}'}",
                    _fields(table, thing, _question([label]), [(label, cell)], whole, number),
                    _name(thing, label),
                    rows=whole.moved_rows(number),
                    row=whole.row(number),
                )
        elif all(_blank(cell, column in hyphens) for column, cell in enumerate(row) if column):
            continue  # `| **Compute** | | |`: a heading over the rows below, nothing to recall
        elif _adds_up(table, number) or (
            number == len(table.rows) - 1 and sums_up_the_page(table.columns, row)
        ):
            continue  # `| **Total** | 150 | 175 |`, a Cornell page's `| Summary | … |`: no fact of its own
        elif is_feature_first(table):
            asked = list(zip(table.columns[1:], row[1:], strict=True))
            question = _question([thing for thing, _ in asked], before="of ")
            yield TableNote(
                row_id,
                _fields(table, label, question, asked, whole, number),
                _name(table.title, row[0]),
                rows=whole.moved_rows(number),
                row=whole.row(number),
            )
        else:
            columns = asked_columns
            if all(_blank(row[column], column in hyphens) for column in columns):
                # `| Defamation | | Newspaper libel |`: the aside is all the row says, so it is asked
                columns = [c for c in range(1, len(row)) if not _blank(row[c], c in hyphens)]
            for start in range(0, len(columns), MOST_ASKED):
                chosen = columns[start : start + MOST_ASKED]
                if all(_blank(row[column], column in hyphens) for column in chosen):
                    continue
                asked = [(table.columns[column], row[column]) for column in chosen]
                note_id = row_id if start == 0 else f"{row_id}/{slug(asked[0][0]) or f'column-{start + 2}'}"
                name = _name(table.title, row[0]) if start == 0 else _name(row[0], asked[0][0])
                question = _question([column for column, _ in asked])
                yield TableNote(
                    note_id,
                    _fields(table, label, question, asked, whole, number),
                    name,
                    rows=whole.moved_rows(number),
                    row=whole.row(number),
                )


def table_problems(table: ComparisonTable) -> Iterator[Problem]:
    """Why a table gives fewer cards than it has cells (for ``ccpkit check``)."""
    if (
        len(table.columns) >= 2
        and has_no_label_column(table)
        and len(table.rows) > 1
        and not is_versus(table)
    ):
        yield Problem(
            table.source,
            f"table {to_text(table.title)!r} has no label column (its first column holds sentences like "
            "the others), so no card could say which row it asks about: no Anki cards; add a first "
            "column naming each row, e.g. | Feature | …, or, if each column is one of the things "
            "compared, title the table 'A vs B' to be asked which one each cell describes",
            "warning",
        )


def alike_rows(table: ComparisonTable) -> Iterator[Problem]:
    """A warning for rows whose notes ask the same with other answers (``bark``: a dog's call, a
    tree's skin), once per front."""
    answers: dict[tuple[str, ...], set[str]] = {}
    for note in table_notes(table):
        row, _, asks, answer = note.fields[:4]
        answers.setdefault((to_text(row).casefold(), asks), set()).add(to_text(answer))
    for (row, _), different in answers.items():
        if len(different) > 1:
            yield Problem(
                table.source,
                f"table {to_text(table.title)!r} has rows named {row!r} whose cards read the same and want "
                "different answers: tell the rows apart in the first column (a word or two on which is "
                "meant), or make them one row",
                "warning",
            )


def _column_notes(table: ComparisonTable, whole: _WholeTable) -> Iterator[TableNote]:
    """A one-row table without labels: each column header is a term, its cell the answer."""
    (row,) = table.rows
    for column, (header, cell) in enumerate(zip(table.columns, row, strict=True), start=1):
        yield TableNote(
            f"{table.id}/{slug(header) or f'column-{column}'}",
            _fields(table, header, "", [(header, cell)], whole, 0),
            _name(table.title, header),
            rows=whole.moved_rows(0),
            row=whole.row(0),
        )


def _which_column_notes(
    table: ComparisonTable, whole: _WholeTable, files: Mapping[str, str]
) -> Iterator[TableNote]:
    """An ``A vs B`` table of sentences: each cell asks which of the things it describes. A cell found
    under two columns would ask the same and want two answers: it asks nothing."""
    columns_of: dict[str, set[int]] = {}
    for row in table.rows:
        for column, cell in enumerate(row):
            columns_of.setdefault(_plain(cell), set()).add(column)
    question = _either([to_inline_html(column) for column in table.columns])
    for number, (row_slug, row) in enumerate(zip(_row_slugs(table, files), table.rows, strict=True)):
        for column, (thing, cell) in enumerate(zip(table.columns, row, strict=True), start=1):
            if cell.strip() and len(columns_of[_plain(cell)]) == 1:
                yield TableNote(
                    f"{table.id}/{row_slug}/{slug(thing) or f'column-{column}'}",
                    _fields(table, cell, question, [(thing, cell)], whole, number),
                    _name(thing, cell),
                    rows=whole.moved_rows(number),
                    row=whole.row(number),
                )


def _asked_columns(table: ComparisonTable, hyphens: frozenset[int]) -> list[int]:
    """The columns after a row's label that its notes ask: all but the asides, unless only asides
    follow, and never one of links alone (``[Solution](…)``: where to read more, nothing to recall)."""
    after_label = [
        column
        for column in range(1, len(table.columns))
        if not all(
            is_only_a_link(row[column]) or _blank(row[column], column in hyphens) for row in table.rows
        )
    ]
    facts = [
        column for column in after_label if ASIDE_HEADER.fullmatch(to_text(table.columns[column])) is None
    ]
    return facts or after_label


def _blank(cell: str, hyphen: bool) -> bool:
    """An empty cell, or one of a long dash or ``n/a`` alone (nothing applies): no fact to recall; with
    ``hyphen``, a hyphen alone too."""
    return cell.strip() in _NOTHING or (hyphen and cell.strip() == "-")


def _hyphen_columns(table: ComparisonTable) -> frozenset[int]:
    """The columns where a hyphen alone stands for nothing: another of their cells holds a word
    (``Indications`` over ``Acromegaly`` and ``-``), and none a sign (a Gram stain's ``+``: there the
    hyphen is one too, as is a chloride ion's charge)."""
    cells = [[row[column].strip() for row in table.rows] for column in range(len(table.columns))]
    return frozenset(
        column
        for column, written in enumerate(cells)
        if any(_WORD.search(to_text(cell)) for cell in written)
        and not any(_SIGN.fullmatch(cell) for cell in written if cell != "-")
    )


_WORD = regex(r"[^\W\d_]{2}")
_LETTER = regex(r"[^\W\d_]")
_SIGN = regex(r"[^\w\s]+")


_NOTHING = frozenset({"", "\u2013", "\u2014", "n/a", "N/A"})
_TOTAL = regex(r"(?i)(?:grand\s+|sub-?)?totals?|sum|average|mean|overall")
"""The label of a row that adds up or averages the rows above it."""
_DIGIT = regex(r"\d")


def _adds_up(table: ComparisonTable, number: int) -> bool:
    """Whether row ``number`` adds up or averages the rows above it (``| **Total** | 150 | 175 |``):
    labelled so, its cells numbers, and no row below it but such rows. A row of the mean's own
    definition (``| Mean | sum of values divided by n |``) is a fact to ask, wherever it stands."""
    return all(_is_total(row) for row in table.rows[number:])


def _is_total(row: tuple[str, ...]) -> bool:
    return _TOTAL.fullmatch(_plain(row[0])) is not None and all(
        _DIGIT.search(cell) for cell in row[1:] if to_text(cell).strip() not in _NOTHING
    )


def _plain(cell: str) -> str:
    return " ".join(to_text(cell).lower().split())


def _either(things: Sequence[str]) -> str:
    """``A or B?``, ``A, B or C?``."""
    return ", ".join(things[:-1]) + f" or {things[-1]}?"


def earlier_row_ids(table: ComparisonTable, files: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """The id an earlier ccpkit gave each note of a row labelled by a picture alone, by the note's id
    now: it knew the row by the picture's content name, which changes with its bytes (``files``: each
    picture's file name by its content name, as ``_row_slugs`` reads them)."""
    if not any(name in row[0] for row in table.rows for name in files):
        return {}
    now, then = table_notes(table, files), table_notes(table)
    return {note.id: (earlier.id,) for note, earlier in zip(now, then, strict=True) if note.id != earlier.id}


def _as_written(cell: str, files: Mapping[str, str]) -> str:
    """``cell`` with each picture's content name back to its file's name."""
    for name in (name for name in files if name in cell):
        cell = cell.replace(name, files[name])
    return cell


def _row_slugs(table: ComparisonTable, files: Mapping[str, str]) -> list[str]:
    """Each row's key (its label, or its cells; never its position), made unique in the table; a
    picture in it known by its file's name (``files``, by content name), as the notes wrote it."""
    seen: set[str] = set()
    last: dict[str, str] = {}
    """A key → the last slug given a row of it: the next such row goes on from there, not from the
    start of the chain (a table of thousands of alike rows)."""
    slugs = []
    for row in table.rows:
        key = row_key((_as_written(row[0], files), *row[1:]) if files else row)
        row_slug = last.get(key, key)
        while row_slug in seen:
            row_slug += "-2"
        seen.add(row_slug)
        last[key] = row_slug
        slugs.append(row_slug)
    return slugs


def _question(asked: Sequence[str], *, before: str = "") -> str:
    """``A and B?`` (``of A and of B?``); a header that is already a question keeps its one mark."""
    return " and ".join(before + to_inline_html(text.strip().rstrip("?")) for text in asked) + "?"


def _name(*labels: str) -> str:
    """A note's name for rename detection. A row note is named by table and row; a note asking part of
    a row or column leaves the table's title out, or its likeness to the old row note's name would pass
    for a rename and hand the whole row's history to a card asking something else."""
    return " \N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK} ".join(to_text(text) for text in labels)


def _fields(
    table: ComparisonTable,
    prompt: str,
    question: str,
    asked: Sequence[tuple[str, str]],
    whole: _WholeTable,
    highlight: int,
) -> tuple[str, ...]:
    cells = "".join(
        f"<dt>{to_inline_html(column)}</dt><dd>{to_inline_html(cell) if cell.strip() else '—'}</dd>"
        for column, cell in asked
    )
    return (
        to_inline_html(prompt),
        to_inline_html(table.title),
        question,
        f'<dl class="cells">{cells}</dl>',
        whole.highlighting(highlight),
    )


SHOWN_ROWS = 30
"""A row's note shows at most this many rows of its table, around the row itself. Showing every row
in every row's note grows with rows squared: a 5,000-row table made a 125 MB package."""


class _WholeTable:
    """The table as HTML, rendered once; each row's note shows it with that row highlighted."""

    def __init__(self, table: ComparisonTable) -> None:
        head = "".join(f"<th>{to_inline_html(column)}</th>" for column in table.columns)
        self._opening = (  # a Hebrew table reads from the right, its first column rightmost
            '<table class="comparison" dir="rtl">'
            if starts_right_to_left(" ".join(table.columns))
            else '<table class="comparison">'
        )
        self._head_row = f"<tr>{head}</tr>"
        self._head = f"<thead>{self._head_row}</thead>"
        self._cells = ["".join(f"<td>{to_inline_html(cell)}</td>" for cell in row) for row in table.rows]
        self._every = ""
        """The digest of every row in any order, made when a long table's first note asks for it."""
        self._written = [text_digest(map(_plain, row)) for row in table.rows]

    def row(self, number: int) -> str:
        """``TableNote.row`` of the row ``number``."""
        return self._written[number]

    def moved_rows(self, highlight: int) -> str:
        """What a long table's row note holds for the ledger in place of its ``Whole table`` field,
        whose 30 rows move with the row: every row in any order (one digest for the table) and its
        own. Empty for a table shown whole: the ledger reads that field's rows in any order itself."""
        if len(self._cells) <= SHOWN_ROWS:
            return ""
        if not self._every:
            rows = "\x1f".join(sorted([self._head_row, *self._cells]))
            self._every = hashlib.sha256(rows.encode()).hexdigest()
        return f"{self._every}\x1f{self._cells[highlight]}"

    def highlighting(self, highlight: int) -> str:
        total = len(self._cells)
        first = max(0, min(highlight - SHOWN_ROWS // 2, total - SHOWN_ROWS))
        shown = range(first, min(total, first + SHOWN_ROWS))
        body = "".join(
            ('<tr class="current">' if number == highlight else "<tr>") + self._cells[number] + "</tr>"
            for number in shown
        )
        caption = (
            ""
            if len(shown) == total
            else f"<caption>rows {first + 1}\N{EN DASH}{shown[-1] + 1} of {total}</caption>"
        )
        return f"{self._opening}{caption}{self._head}<tbody>{body}</tbody></table>"
