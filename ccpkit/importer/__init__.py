"""Raw plain-text notes export → clean Markdown source notes, one folder per module."""

from __future__ import annotations

from pathlib import Path

from ccpkit.errors import NotImplementedYetError


def import_export(export: Path, out: Path, *, force: bool = False) -> str:
    """Import ``export`` into ``out``; returns the printed summary of the import report."""
    raise NotImplementedYetError("import")
