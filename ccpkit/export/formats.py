"""The formats a build can make, by name: real objects (``Format``), in the order a build makes them.

Each format's module is imported when the format is first asked for: an Anki-only build does not
load the CSV, JSON or PDF exporters."""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import Any

from ccpkit.errors import UsageError
from ccpkit.export import Exported, ExportOptions, Format, export_deck
from ccpkit.model import Deck

_WHERE = {
    "anki": ("ccpkit.export.anki", "ANKI"),
    "csv": ("ccpkit.export.csv", "CSV"),
    "pdf": ("ccpkit.export.pdf", "PDF"),
    "json": ("ccpkit.export.json", "JSON"),
}
"""Each format's module and the name of its object there."""


class _Formats(Mapping[str, "Format[Any]"]):
    """Format name → the format, its module imported on first use."""

    def __getitem__(self, name: str) -> Format[Any]:
        module, attribute = _WHERE[name]
        fmt: Format[Any] = getattr(importlib.import_module(module), attribute)
        return fmt

    def __iter__(self) -> Iterator[str]:
        return iter(_WHERE)

    def __len__(self) -> int:
        return len(_WHERE)


FORMATS: Mapping[str, Format[Any]] = _Formats()


def format_named(name: str) -> Format[Any]:
    """The format called ``name``; an unknown name is a usage error."""
    if name not in FORMATS:
        raise UsageError(f"unknown output format {name!r}; choose from {', '.join(FORMATS)}")
    return FORMATS[name]


def export(name: str, deck: Deck, options: ExportOptions) -> Exported:
    """Every file of the format called ``name``, without a build (see ``export_deck``)."""
    return export_deck(format_named(name), deck, options)
