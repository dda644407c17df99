"""The one orchestrator: parse the notes, settle note identities, run the exporters, write atomically.

Order matters: the ledger is read (and refused if damaged) before anything is written, the outputs
are written next, and the ledger last — so a failed build never records identities nobody received.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from ccpkit.errors import Problem
from ccpkit.export import EXPORTERS, ExportOptions, NoteIdentity, Output, exporter
from ccpkit.export.anki_notes import anki_notes, default_guid, fingerprint
from ccpkit.export.anki_templates import load_templates
from ccpkit.ledger import (
    LEDGER_NAME,
    Reconciliation,
    dump_ledger,
    load_ledger,
    reconcile,
    stamp_templates,
)
from ccpkit.model import Deck
from ccpkit.parse import DEFAULT_TITLE, parse_notes
from ccpkit.report import format_counts

DEFAULT_FORMATS = tuple(EXPORTERS)
IDENTITY_FORMATS = frozenset({"anki", "csv"})
"""Formats that carry Anki GUIDs, so building them consults and updates the ledger."""
LISTED = 20
"""At most this many ids are listed per kind of change; the rest are counted."""


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build did, for the CLI to print."""

    counts: str
    problems: tuple[Problem, ...]
    written: tuple[Path, ...]
    skipped: int = 0
    """Items the parser rejected (each has an error among ``problems``)."""
    changes: Reconciliation | None = None
    """How the Anki notes changed since the last build (``None`` when no Anki format was built)."""

    def summary(self) -> str:
        lines = [self.counts, *(str(p) for p in self.problems)]
        if self.skipped:
            lines.append(f"{self.skipped} item{'s' if self.skipped != 1 else ''} skipped, see above")
        if self.changes is not None:
            lines += describe_changes(self.changes)
        lines += [f"wrote {path}" for path in self.written]
        return "\n".join(lines)


def build(
    notes: Path,
    out: Path,
    *,
    formats: Sequence[str] = DEFAULT_FORMATS,
    options: ExportOptions,
    title: str = DEFAULT_TITLE,
    clock: Callable[[], float] = time.time,
) -> BuildReport:
    """Build the requested formats from ``notes`` into ``out``; ``clock`` stamps changed notes."""
    parsed = parse_notes(notes, title=title)
    problems = list(parsed.problems)
    changes = None
    if IDENTITY_FORMATS.intersection(formats):
        changes, options = settle_identities(notes, parsed.deck, options, now=int(clock()), formats=formats)
    written: list[Path] = []
    for name in formats:
        exported = exporter(name)(parsed.deck, options)
        problems += exported.problems
        written += [write_atomically(out, output) for output in exported.outputs]
    if changes is not None:
        ledger = Output(PurePosixPath(LEDGER_NAME), dump_ledger(changes.ledger))
        if _differs(notes / LEDGER_NAME, ledger.data):
            written.append(write_atomically(notes, ledger))
    return BuildReport(
        format_counts(parsed.deck), tuple(problems), tuple(written), len(parsed.errors), changes
    )


def settle_identities(
    notes: Path, deck: Deck, options: ExportOptions, *, now: int, formats: Sequence[str] = ("anki",)
) -> tuple[Reconciliation, ExportOptions]:
    """Reconcile the ledger with this deck; return the changes and options carrying the identities."""
    ledger = load_ledger(notes / LEDGER_NAME)
    fingerprints = [fingerprint(note) for note in anki_notes(deck)]
    changes = reconcile(ledger, fingerprints, now=now, new_guid=default_guid)
    settled = changes.ledger
    if "anki" in formats:
        digest = load_templates(options.templates / "anki").digest()
        settled = stamp_templates(settled, digest, now=now)
    identities = {key: NoteIdentity(entry.guid, entry.modified) for key, entry in settled.notes.items()}
    templates_modified = settled.templates.modified if settled.templates else None
    settled_options = replace(options, identities=identities, templates_modified=templates_modified)
    return replace(changes, ledger=settled), settled_options


def describe_changes(changes: Reconciliation) -> list[str]:
    """Counts of added, updated, renamed and orphaned notes, then the ids worth a look."""
    unchanged = len(changes.ledger.notes) - len(changes.orphaned) - len(changes.added)
    unchanged -= len(changes.updated) + len(changes.renamed)
    lines = [
        f"anki notes: {len(changes.added)} added, {len(changes.updated)} updated, "
        f"{len(changes.renamed)} renamed (history kept), {unchanged} unchanged, "
        f"{len(changes.orphaned)} orphaned"
    ]
    if len(changes.added) < len(changes.ledger.notes):  # on a first build every note is new: no list
        lines += _listed("added", changes.added)
    lines += _listed("updated", changes.updated)
    lines += _listed("renamed", [f"{old} -> {new}" for old, new in changes.renamed])
    orphans = [f'{key}  (find it in Anki: "Id:{key}")' for key in changes.orphaned]
    lines += _listed("orphaned, removed from the notes but still in Anki (import never deletes)", orphans)
    return lines


def _listed(what: str, ids: Sequence[str]) -> list[str]:
    lines = [f"  {what}: {text}" for text in ids[:LISTED]]
    if len(ids) > LISTED:
        lines.append(f"  {what}: … and {len(ids) - LISTED} more")
    return lines


def _differs(path: Path, data: bytes) -> bool:
    try:
        return path.read_bytes() != data
    except FileNotFoundError:
        return True


def write_atomically(out: Path, output: Output) -> Path:
    """Write through a temporary file in the same folder, so a crash never leaves half a file."""
    target = out / output.path
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        os.fchmod(handle, _file_mode())  # mkstemp makes 0600 files; outputs and the ledger are shared
        with os.fdopen(handle, "wb") as stream:
            stream.write(output.data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def _file_mode() -> int:
    """The mode a plain ``open()`` would give a new file: 0666 less the process umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
