"""The PDF look, read from ``templates/pdf/style.toml``: every size, colour, margin and font lives there."""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Literal, get_args, get_type_hints

from ccpkit.errors import UsageError
from ccpkit.export import Paper
from ccpkit.regex import regex
from ccpkit.templates import DEFAULTS, require_known
from ccpkit.toml_file import Expected, TomlFile, read_toml, whole_number

STYLE_FILE = "style.toml"
Orientation = Literal["portrait", "landscape"]
Transcripts = Literal["omit", "lists", "whole"]
"""What a sheet does with a part longer than its ``transcript_chars`` (a lecture transcript): leave it
out whole; print only its sections that hold a table or a card's source or are lists for a third of
their text or more (each whole); or print it all."""
_COLOUR_CODE = regex(r"#[0-9A-Fa-f]{6}")
_POSITIVE = Expected(
    lambda v: isinstance(v, int | float) and not isinstance(v, bool) and 0 < v < math.inf, "a positive number"
)
_COUNT = Expected(lambda v: whole_number(v) and v >= 1, "a whole number ≥ 1")
_TEXT = Expected(lambda v: isinstance(v, str) and v != "", "a non-empty string")
_COLOUR = Expected(
    lambda v: isinstance(v, str) and _COLOUR_CODE.fullmatch(v) is not None, 'a colour like "#1A2B3C"'
)


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


def load_style(templates: Path, paper: Paper = "A4") -> Style:
    """ccpkit's ``pdf/style.toml`` with the project's ``templates/pdf/style.toml`` laid over it, key by
    key, so a project writes only what it changes; an unknown or ill-typed key, or sizes that leave
    ``paper`` no room for the text, is a ``UsageError`` at its line (``toml_file``)."""
    require_known(templates / "pdf", [STYLE_FILE])
    default = _read(DEFAULTS / "pdf" / STYLE_FILE)
    own_path = templates / "pdf" / STYLE_FILE
    own = _read(own_path) if os.path.lexists(own_path) else default
    schema = _schema()
    for settings in (default, own):
        settings.only_sections({name: keys for name, _, keys in schema})
        for name, _, keys in schema:
            settings.section(name, keys, required=settings is default)
    sections = {name: _section(default, own, name, kind, keys) for name, kind, keys in schema}
    style = Style(**sections, folder=templates / "pdf")

    def blame(*places: tuple[str, str]) -> _Place:
        """The file, section and key to name in an error about ``places`` (section, key): the first
        the project's file sets, else the first."""
        return next(
            ((own, *place) for place in places if place[1] in own.data.get(place[0], {})),
            (default, *places[0]),
        )

    _require_room(style, blame)
    _require_columns(style, paper, blame)
    return style


_Place = tuple[TomlFile, str, str]
"""A settings file, and the section and key in it an error names."""


_POINTS_PER_MM = 72 / 25.4


def _require_room(style: Style, blame: Callable[..., _Place]) -> None:
    """Sizes the pages cannot hold are usage errors at a key that sets them (``blame``): lines set
    closer than their size print over each other, and a running header or footer taller than its band
    covers the text."""
    for section, text in (("text", style.text), ("exam", style.exam)):
        if text.leading < text.size:
            file, _, key = blame((section, "size"), (section, "leading"))
            message = f"leading {text.leading:g} is less than size {text.size:g}: lines would print over"
            raise file.error(f"{message} each other; make leading at least the size", section, key)
    band = min(style.page.header_mm, style.page.footer_mm) * _POINTS_PER_MM
    if style.text.running_size > band:
        file, _, key = blame(("text", "running_size"))
        message = (
            f"running_size {style.text.running_size:g} pt is taller than the header and footer bands "
            f"({band:.1f} pt, from header_mm and footer_mm): make it smaller or the bands taller"
        )
        raise file.error(message, "text", key)


_PAPER_MM = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}
"""Each paper's width and height, portrait."""
_FEWEST_LINES = 10
"""Lines a column holds at least: fewer hold no heading with its first lines, or a table's header
with its first rows, and the layout stops at the first thing taller than a column."""


def _require_columns(style: Style, paper: Paper, blame: Callable[..., _Place]) -> None:
    """Page sizes and column counts that leave a PDF's columns no room are usage errors before any
    layout (``ccpkit check`` finds them too): a column shorter than ``_FEWEST_LINES`` lines, or
    narrower than a table's column, or than the padding of a grid's widest row."""
    cram, course, exam, leading = style.cram, style.course, style.exam, style.text.leading
    for section, key, orientation, columns, lines in (
        ("cram", "columns", cram.orientation, cram.columns, leading),
        ("course", "columns", course.orientation, course.columns, leading),
        ("exam", "columns", exam.orientation, exam.columns, exam.leading),
        ("exam", "key_columns", exam.orientation, exam.key_columns, exam.leading),
    ):
        width, height = _paper(paper, orientation)
        _require_height(style, section, height, lines, blame)
        _require_width(style, (section, key), columns, width, blame)


def _paper(paper: Paper, orientation: Orientation) -> tuple[float, float]:
    width, height = _PAPER_MM[paper]
    return (height, width) if orientation == "landscape" else (width, height)


def _require_height(
    style: Style, sheet: str, paper_height: float, leading: float, blame: Callable[..., _Place]
) -> None:
    page = style.page
    height = paper_height - 2 * page.margin_mm - page.header_mm - page.footer_mm
    if height * _POINTS_PER_MM >= leading * _FEWEST_LINES:
        return
    sizes = ("text", "leading") if sheet in ("cram", "course") else ("exam", "leading")
    file, section, key = blame(("page", "margin_mm"), ("page", "header_mm"), ("page", "footer_mm"), sizes)
    message = (
        f"the margins leave {max(height, 0):.1f} mm for the text of {sheet} pages, less than "
        f"{_FEWEST_LINES} lines of {leading:g} pt: make margin_mm, header_mm or footer_mm or the leading "
        "smaller"
    )
    raise file.error(message, section, key)


def _require_width(
    style: Style, place: tuple[str, str], columns: int, paper_width: float, blame: Callable[..., _Place]
) -> None:
    page, tables = style.page, style.tables
    width = (paper_width - 2 * page.binding_mm - page.gutter_mm * (columns - 1)) / columns
    padded = (tables.stack_from_columns - 1) * 2 * tables.padding_pt / _POINTS_PER_MM
    narrowest = max(tables.min_column_mm, padded)
    if width >= narrowest:
        return
    file, section, key = blame(
        place,
        ("page", "binding_mm"),
        ("page", "gutter_mm"),
        ("tables", "min_column_mm"),
        ("tables", "padding_pt"),
    )
    message = (
        f"{columns} column{'s' * (columns != 1)} of {place[0]} pages are {max(width, 0):.1f} mm wide, "
        f"narrower than a table needs ({narrowest:.1f} mm: tables.min_column_mm, or padding_pt on either "
        f"side of {tables.stack_from_columns - 1} cells): use fewer columns, or smaller margins or gutters"
    )
    raise file.error(message, section, key)


def setting_error(folder: Path, section: str, key: str, message: str) -> UsageError:
    """A usage error at the line of ``section.key`` in the project's style.toml (in ``folder``) when
    it sets that key, else in ccpkit's own: for what only proves wrong after loading (a font file)."""
    own_path = folder / STYLE_FILE
    own = _read(own_path) if os.path.lexists(own_path) else None
    settings = (
        own if own is not None and key in own.data.get(section, {}) else _read(DEFAULTS / "pdf" / STYLE_FILE)
    )
    return settings.error(message, section, key)


def _read(path: Path) -> TomlFile:
    try:
        return read_toml(path)
    except OSError as error:
        raise UsageError(f"{path}: cannot read the PDF style: {error}") from None


def _schema() -> list[tuple[str, type, dict[str, Any]]]:
    """Each ``[section]``, the dataclass it fills and the type of each of its keys, in ``Style``'s
    order: read once per load (``get_type_hints`` compiles every annotation anew each time it is asked:
    asked per section and file, it was two thirds of loading the style)."""
    hints = get_type_hints(Style)
    sections = [f.name for f in fields(Style) if f.name != "folder"]
    return [(name, hints[name], get_type_hints(hints[name])) for name in sections]


def _section(default: TomlFile, own: TomlFile, name: str, kind: type, keys: dict[str, Any]) -> Any:
    """A section's ``keys``, each from the project's file where it sets it, else from the default."""
    written = own.data.get(name, {})
    return kind(
        **{key: _value(own if key in written else default, name, key, hint) for key, hint in keys.items()}
    )


def _value(settings: TomlFile, section: str, key: str, hint: Any) -> Any:
    choices = get_args(hint)
    if choices:
        return settings.value(section, key, Expected(lambda v: v in choices, f"one of {', '.join(choices)}"))
    if hint is float:
        return float(settings.value(section, key, _POSITIVE))
    if hint is int:
        return settings.value(section, key, _COUNT)
    return settings.value(section, key, _COLOUR if section == "colours" else _TEXT)
