"""Formats by name: format ``x`` is ``ccpkit.export.x.X``, imported when first asked for (an Anki-only
build loads no other exporter)."""

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
    """Every file of format ``name`` without a build: no cache, no ledger (identities come from
    ``options``). For ``ccpkit dump`` and tests."""
    fmt = format_named(name)
    options = fmt.read(options)
    wholes = fmt.wholes(deck, options)  # first: a wrong --exam-* option fails before any layout work
    parts = [fmt.part(module, deck.title, options) for module in deck.modules]
    settled = None
    if fmt.carries_identities:
        from ccpkit.export.anki.notes import settled_without_ledger

        settled = settled_without_ledger(deck, options)
    return joined([fmt.assemble(deck, parts, settled), *(whole.make() for whole in wholes)])
