"""Raw plain-text notes export → clean Markdown source notes, one folder per module."""

from __future__ import annotations

from pathlib import Path

from ccpkit.importer.import_report import ImportReport
from ccpkit.importer.note_files import build_files
from ccpkit.importer.read import read_export
from ccpkit.importer.save_notes import check_out, report_text, summary, write_notes, write_report
from ccpkit.importer.structure import split


def import_export(export: Path, out: Path, *, force: bool = False, report: Path) -> str:
    """Import ``export`` into ``out`` and write the full report to ``report``; returns its summary.

    Everything is checked and built in memory first, so a bad export or a refused ``out`` writes nothing.
    """
    lines = read_export(export)
    check_out(export, out, force, report)
    notes_report = ImportReport()
    files = build_files(split(lines, notes_report), notes_report)
    text = summary(export, out, report, files, notes_report)
    write_notes(out, files)
    write_report(report, report_text(text, notes_report))
    return text
