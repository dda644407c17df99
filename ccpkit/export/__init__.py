"""Exporters: pure functions from the model to output files, registered by format name."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path, PurePosixPath
from types import ModuleType
from typing import Literal

from ccpkit.errors import Problem, UsageError
from ccpkit.incremental import digest
from ccpkit.memo import Memo
from ccpkit.model import Deck

Paper = Literal["A4", "Letter"]


@dataclass(frozen=True, slots=True)
class NoteIdentity:
    """What Anki knows a note by: its GUID, and when its content last changed (epoch seconds)."""

    guid: str
    modified: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ExportOptions:
    """Everything an exporter may read besides the deck; exporters never touch the disk otherwise."""

    templates: Path
    """Folder holding ``anki/`` and ``pdf/`` templates and styles."""
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
    memo: Memo = field(default_factory=Memo, repr=False, compare=False)
    """Where slow per-module work is remembered between builds; it never changes an output."""


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


Exporter = Callable[[Deck, ExportOptions], Exported]


@dataclass(frozen=True, slots=True)
class Unit:
    """A piece of an export that can be redone alone: what it reads (as a digest) and the work itself.

    An exporter module may define ``units(deck, options) -> tuple[Unit, ...]`` to split its work
    (one PDF per module, say), so a build after editing one module redoes only what reads it.
    """

    name: str
    inputs: str
    """Digest of everything the unit reads; equal digests promise equal outputs."""
    run: Callable[[], Exported]
    """The work; picklable (a ``functools.partial`` of a module's function), as it may run in a helper."""
    weight: int = 0
    """Rough amount of work (e.g. items laid out); the heaviest units start first when run side by side."""


def prepare(names: Iterable[str], options: ExportOptions) -> None:
    """Get a worker ready for the formats' units while the build parses: import their code and let
    each load what it needs (fonts). A failure is left for the unit to meet and report."""
    with suppress(Exception):
        for name in names:
            getattr(_exporter_module(name), "prepare", _nothing)(options)


def _nothing(_options: ExportOptions) -> None:
    """An exporter with nothing to load ahead."""


def inputs_digest(*values: object) -> str:
    """Digest of the ``repr`` of frozen model values and options (their reprs hold every field)."""
    return digest(*(repr(value) for value in values))


EXPORTERS: dict[str, str] = {
    "anki": "ccpkit.export.anki",
    "csv": "ccpkit.export.csv",
    "pdf": "ccpkit.export.pdf",
    "json": "ccpkit.export.json",
}
"""Format name → module defining ``export(deck, options) -> Exported``; imported on first use."""


def exporter(name: str) -> Exporter:
    """The exporter for a format name; an unknown name is a usage error."""
    export: Exporter = _exporter_module(name).export
    return export


def units(name: str, deck: Deck, options: ExportOptions) -> tuple[Unit, ...]:
    """The format's units of work: its own split, or one unit that reads the whole deck."""
    module = _exporter_module(name)
    split = getattr(module, "units", None)
    if split is not None:
        own: tuple[Unit, ...] = split(deck, options)
        return own
    export: Exporter = module.export
    return (Unit(name, inputs_digest(deck, options), partial(export, deck, options)),)


def _exporter_module(name: str) -> ModuleType:
    if name not in EXPORTERS:
        known = ", ".join(EXPORTERS)
        raise UsageError(f"unknown output format {name!r}; choose from {known}")
    try:
        module = importlib.import_module(EXPORTERS[name])
    except ModuleNotFoundError as missing:
        if missing.name != EXPORTERS[name]:
            raise
        raise UsageError(f"output format {name!r} is not available in this version of ccpkit") from None
    return module
