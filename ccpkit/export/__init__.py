"""Formats: pure functions from the model to files, in two steps the build can cache and share: a
*part* per module (its Anki fields, CSV rows, cram sheet, JSON objects), pure and picklable, and the
files *assembled* from the parts; work that reads every module (the course PDF) is a *whole*."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, ClassVar, Literal, Protocol, TypeVar

from ccpkit.errors import Problem

if TYPE_CHECKING:
    from ccpkit.export.anki.card_templates import AnkiTemplates
    from ccpkit.export.anki.notes import AnkiNote
    from ccpkit.export.pdf.style import Style
    from ccpkit.model import Deck, Module

Paper = Literal["A4", "Letter"]
BREADCRUMB = " \N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK} "
"""Between the module, part and headings an item sits under, where a format names them all."""


@dataclass(frozen=True, slots=True)
class NoteIdentity:
    """What Anki knows a note by: its GUID, and when its content last changed (epoch seconds)."""

    guid: str
    modified: int
    clozes: tuple[str, ...] = ()
    """A cloze note's hidden parts by the cloze number they keep (``cloze_syntax.kept_numbers``)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ExportOptions:
    """Everything a format may read besides the deck; formats never touch the disk otherwise."""

    templates: Path
    """Folder holding ``anki/`` and ``pdf/`` templates and styles, read once per build (``Format.read``)."""
    anki_templates: AnkiTemplates | None = None
    """The card templates and CSS, as ``Anki.read`` read them."""
    pdf_style: Style | None = None
    """``pdf/style.toml``, as ``Pdf.read`` read it (the fonts it names are read where pages are laid out)."""
    identities: Mapping[str, NoteIdentity] = field(default_factory=dict)
    """Note id (item id, or ``<table id>/<row key>`` for table rows) → Anki identity, from the ledger."""
    templates_modified: int | None = None
    """When ``templates/anki`` last changed (from the ledger): the Anki note types' modification time."""
    deck_name: str = ""
    """Anki parent deck of the module subdecks; empty means the course title."""
    paper: Paper = "A4"
    anki_link_tables: bool = False
    """Whether tables of links with blurbs (``Resources``) become Anki notes; the PDF and CSV keep them."""
    exam_count: int | None = None
    """Practice exam: how many questions (``None``: all)."""
    exam_seed: int = 0
    """Practice exam: seed for a reproducible question and option order."""
    exam_modules: tuple[int, ...] = ()
    """Practice exam: module numbers to draw from (empty: all)."""


@dataclass(frozen=True, slots=True)
class Output:
    """One file an exporter produced: a path relative to the build folder, and its bytes."""

    path: PurePosixPath
    data: bytes


@dataclass(frozen=True, slots=True)
class Exported:
    """An exporter's result: its files, and what it could not render (e.g. a missing glyph)."""

    outputs: tuple[Output, ...]
    problems: tuple[Problem, ...] = ()


P = TypeVar("P")


@dataclass(frozen=True, slots=True)
class Settled:
    """The Anki notes of the deck being exported, with the identities the ledger settled for them."""

    notes: tuple[AnkiNote, ...]
    templates: AnkiTemplates | None
    """The note types' card templates and style (``None`` when no .apkg is built)."""
    templates_modified: int
    """When the card templates last changed: the note types' modification time."""


@dataclass(frozen=True, slots=True)
class Whole:
    """A format's work that reads every module (the course PDF): made like a part, beside them."""

    name: str
    make: Callable[[], Exported]
    """The work, pure and picklable (a ``functools.partial`` of a module's function)."""


class Format(Protocol[P]):
    """An output format; a subclass keeps the defaults it has no use for."""

    name: ClassVar[str]
    carries_identities: ClassVar[bool] = False
    """Its files carry Anki GUIDs: building it reads the ledger first and settles it before assembly."""
    slow: ClassVar[bool] = False
    """Its parts are slow enough (laying pages out) to be made on helper processes."""
    reads_passages: ClassVar[bool] = False
    """It prints the notes as written (``Module.passages``); a build for no such format holds none."""

    def read(self, options: ExportOptions) -> ExportOptions:
        """``options`` with the templates the parts need, read once per build: a part reads no file."""
        return options

    def prepare(self, options: ExportOptions) -> None:
        """Load what the parts need (fonts) ahead, on a helper before its first part."""
        return None

    def part(self, module: Module, title: str, options: ExportOptions) -> P:
        """The module's share of the files; ``title`` is the course's. Pure and picklable."""
        ...

    def wholes(self, deck: Deck, options: ExportOptions) -> tuple[Whole, ...]:
        """The work that reads every module."""
        return ()

    def assemble(self, deck: Deck, parts: Sequence[P], settled: Settled | None) -> Exported:
        """The files from the parts, one per module of ``deck``; ``settled`` if it carries identities."""
        ...


def joined(results: Iterable[Exported]) -> Exported:
    """Several results as one: their files in order, each problem once."""
    done = list(results)
    return Exported(
        tuple(output for exported in done for output in exported.outputs),
        tuple(dict.fromkeys(problem for exported in done for problem in exported.problems)),
    )
