"""The one orchestrator: parse the notes, run the exporters, write build/ atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ccpkit.errors import Problem
from ccpkit.export import EXPORTERS, ExportOptions, Output, exporter
from ccpkit.parse import DEFAULT_TITLE, parse_notes
from ccpkit.report import format_counts

DEFAULT_FORMATS = tuple(EXPORTERS)


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build did, for the CLI to print."""

    counts: str
    problems: tuple[Problem, ...]
    written: tuple[Path, ...]

    def summary(self) -> str:
        lines = [self.counts, *(str(p) for p in self.problems)]
        lines += [f"wrote {path}" for path in self.written]
        return "\n".join(lines)


def build(
    notes: Path,
    out: Path,
    *,
    formats: Sequence[str] = DEFAULT_FORMATS,
    options: ExportOptions,
    title: str = DEFAULT_TITLE,
) -> BuildReport:
    """Build the requested formats from ``notes`` into ``out``."""
    parsed = parse_notes(notes, title=title)
    problems = list(parsed.problems)
    written: list[Path] = []
    for name in formats:
        exported = exporter(name)(parsed.deck, options)
        problems += exported.problems
        written += [write_atomically(out, output) for output in exported.outputs]
    return BuildReport(format_counts(parsed.deck), tuple(problems), tuple(written))


def write_atomically(out: Path, output: Output) -> Path:
    """Write through a temporary file in the same folder, so a crash never leaves half a file."""
    target = out / output.path
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(output.data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
