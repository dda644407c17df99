"""The formats a build can make, by name (``config.FORMATS``): format ``x`` is the object ``X`` of the
module ``ccpkit.export.x``, imported when the format is first asked for, so an Anki-only build does
not load the CSV, JSON or PDF exporters."""

from __future__ import annotations

import importlib
from typing import Any

from ccpkit.config import FORMATS
from ccpkit.errors import UsageError
from ccpkit.export import Exported, ExportOptions, Format, joined
from ccpkit.model import Deck


def format_named(name: str) -> Format[Any]:
    """The format called ``name``; an unknown name is a usage error."""
    if name not in FORMATS:
        raise UsageError(f"unknown output format {name!r}; choose from {', '.join(FORMATS)}")
    fmt: Format[Any] = getattr(importlib.import_module(f"ccpkit.export.{name}"), name.upper())
    return fmt


def export(name: str, deck: Deck, options: ExportOptions) -> Exported:
    """Every file of the format called ``name`` in one go, without a build: no cache, no ledger
    (identities come from ``options.identities``). For ``ccpkit dump`` and tests."""
    fmt = format_named(name)
    wholes = fmt.wholes(deck, options)  # first: a wrong --exam-* option fails before any layout work
    parts = [fmt.part(module, deck.title, options) for module in deck.modules]
    settled = None
    if fmt.carries_identities:
        from ccpkit.export.anki.notes import settled_without_ledger

        settled = settled_without_ledger(deck, options)
    return joined([fmt.assemble(deck, parts, settled), *(whole.make() for whole in wholes)])
