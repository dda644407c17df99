"""The formats a build can make, by name: real objects (``Format``), in the order a build makes them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ccpkit.errors import UsageError
from ccpkit.export import Exported, ExportOptions, Format, export_deck
from ccpkit.export.anki import ANKI
from ccpkit.export.csv import CSV
from ccpkit.export.json import JSON
from ccpkit.export.pdf import PDF
from ccpkit.model import Deck

FORMATS: Mapping[str, Format[Any]] = {fmt.name: fmt for fmt in (ANKI, CSV, PDF, JSON)}


def format_named(name: str) -> Format[Any]:
    """The format called ``name``; an unknown name is a usage error."""
    if name not in FORMATS:
        raise UsageError(f"unknown output format {name!r}; choose from {', '.join(FORMATS)}")
    return FORMATS[name]


def export(name: str, deck: Deck, options: ExportOptions) -> Exported:
    """Every file of the format called ``name``, without a build (see ``export_deck``)."""
    return export_deck(format_named(name), deck, options)
