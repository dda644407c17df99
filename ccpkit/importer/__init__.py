"""Raw plain-text notes export → clean Markdown source notes, one folder per module."""

from __future__ import annotations

from pathlib import Path

from ccpkit.errors import NotImplementedYetError


def import_export(export: Path, out: Path, *, force: bool = False, report: Path) -> str:
    """Import ``export`` into ``out`` and write the full report to ``report``; returns its summary."""
    raise NotImplementedYetError("import")
