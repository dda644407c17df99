"""The PDF look, read from ``templates/pdf/style.toml``: every size, colour, margin and font lives there."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Literal, get_args, get_type_hints

from ccpkit.errors import UsageError
from ccpkit.templates import template_file

STYLE_FILE = "style.toml"
Orientation = Literal["portrait", "landscape"]
Transcripts = Literal["omit", "lists", "whole"]
"""What a sheet does with a part longer than its ``transcript_chars`` (a lecture transcript): leave it
out whole; print only its sections that hold a table or a card's source or are lists for a third of
their text or more (each whole); or print it all."""
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")


@dataclass(frozen=True, slots=True)
class Page:
    """Margins and gutters shared by every PDF, in millimetres."""

    margin_mm: float
    """Top and bottom edge to the text."""
    binding_mm: float
    """Left and right edge to the text: room for a hole punch on either side of a duplex sheet."""
    header_mm: float
    footer_mm: float
    gutter_mm: float
    column_rule_pt: float
    header_rule_pt: float


@dataclass(frozen=True, slots=True)
class Text:
    """Type sizes of the cram sheets, in points."""

    size: float
    leading: float
    heading_size: float
    band_size: float
    table_size: float
    running_size: float
    title_size: float


@dataclass(frozen=True, slots=True)
class Sheet:
    """How one kind of cram sheet is laid out."""

    orientation: Orientation
    columns: int
    page_budget: int
    """A sheet longer than this is reported as overflowing (a warning, never an error)."""
    transcript_chars: int
    """A part of the notes longer than this (in characters of Markdown) is a lecture transcript."""
    transcripts: Transcripts


@dataclass(frozen=True, slots=True)
class Tables:
    """Comparison tables: grids up to a width, stacked records beyond it (grids get unreadable)."""

    stack_from_columns: int
    min_column_mm: float
    padding_pt: float
    """Space between a cell's (or a card box's) border and its text."""
    border_pt: float
    """Outer border of tables and card boxes; inner grid lines are half as thick."""


@dataclass(frozen=True, slots=True)
class Exam:
    """The practice exam's layout and sizes, in points."""

    orientation: Orientation
    columns: int
    size: float
    leading: float
    key_columns: int
    key_size: float
    grid_columns: int


@dataclass(frozen=True, slots=True)
class Fonts:
    """TrueType files: in the project's ``templates/pdf/`` first, then among ccpkit's bundled fonts."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    mono: str
    mono_bold: str
    fallback: str
    """Font for characters the body font lacks (emoji, dingbats)."""


@dataclass(frozen=True, slots=True)
class Colours:
    """``#RRGGBB`` colours."""

    text: str
    muted: str
    accent: str
    band: str
    band_text: str
    rule: str
    tint: str
    zebra: str
    grid: str


@dataclass(frozen=True, slots=True)
class Style:
    """Everything ``style.toml`` holds, one field per ``[section]``."""

    page: Page
    text: Text
    cram: Sheet
    course: Sheet
    tables: Tables
    exam: Exam
    fonts: Fonts
    colours: Colours
    folder: Path
    """The project's ``templates/pdf`` folder; font files are looked up there first."""


def load_style(templates: Path) -> Style:
    """Read ``pdf/style.toml`` from the ``templates`` folder, or ccpkit's default when the folder has
    none; a missing, unknown or ill-typed key is a ``UsageError``."""
    path = template_file(templates, f"pdf/{STYLE_FILE}")
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except FileNotFoundError:
        raise UsageError(f"{path}: not found; the PDF styles live there (see docs/pdf.md)") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise UsageError(f"{path}: cannot read the PDF style: {error}") from None
    sections = {f.name: _section(path, text, data, f.name, hints) for f, hints in _schema()}
    _reject_unknown(path, text, set(data) - set(sections), "section")
    return Style(**sections, folder=templates / "pdf")


def _schema() -> list[tuple[Any, type]]:
    hints = get_type_hints(Style)
    return [(f, hints[f.name]) for f in fields(Style) if f.name != "folder"]


def _section(path: Path, text: str, data: dict[str, Any], name: str, kind: type) -> Any:
    table = data.get(name)
    if not isinstance(table, dict):
        raise UsageError(f"{path}: missing section [{name}]")
    hints = get_type_hints(kind)
    _reject_unknown(path, text, set(table) - set(hints), f"key in [{name}]", name)
    values = {}
    for key, expected in hints.items():
        if key not in table:
            raise UsageError(f"{path}: missing key `{key}` in [{name}]")
        values[key] = _checked(path, text, f"{name}.{key}", table[key], expected)
    return kind(**values)


def _checked(path: Path, text: str, key: str, value: Any, expected: Any) -> Any:
    where = f"{path}:{_line_of(text, key)}"
    choices = get_args(expected)
    if choices:
        if value not in choices:
            raise UsageError(f"{where}: `{key}` must be one of {', '.join(choices)}, not {value!r}")
        return value
    if expected is float and isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
        return float(value)
    if expected is int and isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    if expected is str and isinstance(value, str) and value:
        if key.startswith("colours.") and not _COLOUR.fullmatch(value):
            raise UsageError(f'{where}: `{key}` must be a colour like "#1A2B3C", not {value!r}')
        return value
    wanted = {float: "a positive number", int: "a whole number ≥ 1", str: "a non-empty string"}[expected]
    raise UsageError(f"{where}: `{key}` must be {wanted}, not {value!r}")


def _reject_unknown(path: Path, text: str, unknown: set[str], what: str, section: str = "") -> None:
    if unknown:
        name = min(unknown)
        line = _line_of(text, f"{section}.{name}" if section else name)
        raise UsageError(f"{path}:{line}: unknown {what} `{name}`; check its spelling")


def _line_of(text: str, dotted: str) -> int:
    """The line defining ``section`` or ``section.key`` (tomllib gives no positions), for messages."""
    section, _, key = dotted.partition(".")
    header = re.compile(rf"^\s*\[\s*{re.escape(section)}\s*\]", re.MULTILINE).search(text)
    if header is None:
        return 1
    found = (
        re.compile(rf"^\s*{re.escape(key)}\s*=", re.MULTILINE).search(text, header.end()) if key else header
    )
    return text.count("\n", 0, (found or header).start()) + 1
