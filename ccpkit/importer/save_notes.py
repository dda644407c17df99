"""Write the notes folder atomically, and the import report (summary + every dropped line)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from pathlib import Path

from ccpkit.errors import CcpkitError, UsageError
from ccpkit.importer.import_report import ImportReport, Note
from ccpkit.importer.note_files import NoteFile
from ccpkit.parse.notes_folder import is_markdown
from ccpkit.report import counted


def check_out(export: Path, out: Path, force: bool, report: Path) -> None:
    """Refuse to clobber a folder of notes the user may have edited, unless ``force``.

    The report path is checked too, so a bad one fails before any note is written; the export, the
    student's own data, is never overwritten by it.
    """
    if report.is_dir():
        raise CcpkitError(f"{report}: is a folder; pass a file path to --report")
    if report.exists() and os.path.samefile(report, export):
        raise UsageError(f"{report}: is the export being imported; pass another file path to --report")
    if out.exists() and not out.is_dir():
        raise CcpkitError(f"{out}: exists and is not a folder; choose another --out")
    if out.is_dir() and any(out.iterdir()) and not force:
        raise UsageError(f"{out}: folder is not empty; pass --force to replace the notes in it")


def write_notes(out: Path, files: Sequence[NoteFile]) -> None:
    """Build the folder next to ``out`` and swap it in, so ``out`` is never half-written.

    Every file of an existing ``out`` but its Markdown notes is kept: dot-files (the id ledger
    ``.ccpkit-ledger.json``: losing it would break card identity in Anki), pictures and anything else
    the user put there; only notes are replaced.
    """
    staging = out.parent / f".{out.name}.importing"
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        _fresh_dir(staging)
        for file in files:
            target = staging / file.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(file.text, encoding="utf-8", newline="\n")
        _swap(staging, out)
    except OSError as error:
        raise CcpkitError(f"{out}: could not write the notes ({error}); nothing was changed") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _fresh_dir(path: Path) -> Path:
    """An empty folder at ``path`` with the user's usual permissions (``mkdtemp`` would make it private)."""
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir()
    return path


def _swap(staging: Path, out: Path) -> None:
    """Put ``staging`` in place of ``out``; on failure ``out`` is left as it was."""
    if not out.exists():
        staging.rename(out)
        return
    for kept in sorted(out.rglob("*")):
        relative = kept.relative_to(out)
        hidden = any(part.startswith(".") for part in relative.parts)
        if kept.is_file() and (hidden or not is_markdown(kept.name)) and not (staging / relative).exists():
            (staging / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(kept, staging / relative)
    old = _fresh_dir(out.parent / f".{out.name}.replaced")
    old.rmdir()
    out.rename(old)
    try:
        staging.rename(out)
    except OSError:
        old.rename(out)
        raise
    shutil.rmtree(old, ignore_errors=True)


def summary(
    export: Path, out: Path, report_path: Path, files: Sequence[NoteFile], report: ImportReport
) -> str:
    """The printed summary: counts per module and part, totals, and where the full report is."""
    lines = [f"Imported {export} → {out}/ ({len(files)} files)"]
    width = max((len(file.path) for file in files), default=0)
    for file in files:
        counts = f"{file.terms:3d} terms {file.tables:2d} tables {file.questions:3d} MCQs"
        lines.append(f"  {file.path:<{width}}  {counts}")
    tables = counted(sum(file.tables for file in files), "table")
    questions = counted(sum(file.questions for file in files), "MCQ")
    answered = sum(file.answered for file in files)
    terms = counted(sum(file.terms for file in files), "term bullet")
    lines.append(f"Total: {_modules(files)}, {tables}, {questions} ({answered} with an answer), {terms}")
    lines.append(
        f"{len(report.dropped)} lines dropped, {len(report.unclassified)} unclassified "
        f"(blank lines not counted); full list: {report_path}"
    )
    return "\n".join(lines)


def _modules(files: Sequence[NoteFile]) -> str:
    """The modules made, as ``ccpkit check`` will count them: a course-level file (the case study, the
    course summary) is a module of its own there, numbered 0."""
    numbered = len({file.module for file in files if file.module is not None})
    own = sum(file.module is None for file in files)
    if not own:
        return counted(numbered, "module")
    each = "each a module" if own > 1 else "a module"
    return (
        f"{counted(numbered, 'numbered module')} and {counted(own, 'course-level file')} ({each} of its own, "
        f"numbered 0, in `ccpkit check`: {counted(numbered + own, 'module')})"
    )


def report_text(summary_text: str, report: ImportReport) -> str:
    """The full report file: the summary, then every dropped and unclassified line by export line."""
    parts = [summary_text, "", f"Dropped lines ({len(report.dropped)}):"]
    parts.extend(_note_line(note) for note in sorted(report.dropped))
    parts.extend(["", f"Unclassified lines ({len(report.unclassified)}):"])
    parts.extend(_note_line(note) for note in sorted(report.unclassified))
    return "\n".join(parts) + "\n"


def _note_line(note: Note) -> str:
    return f"  line {note.line}: {note.reason}: {note.text.strip()!r}"


def write_report(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    except OSError as error:
        raise CcpkitError(
            f"{path}: could not write the import report ({error}); the notes were written"
        ) from None
