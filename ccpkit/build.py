"""The one orchestrator: parse the notes, settle note identities, run the exporters, write atomically.

Order matters: the ledger is read (and refused if damaged) before anything is written, the outputs
are written next, and the ledger last — so a failed build never records identities nobody received.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, as_completed
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path, PurePosixPath

from ccpkit.errors import Problem, UsageError
from ccpkit.export import EXPORTERS, Exported, ExportOptions, Output, Unit, prepare, units
from ccpkit.incremental import (
    MANIFEST_NAME,
    Manifest,
    UnitRecord,
    digest,
    digest_files,
    dump_manifest,
    intact,
    load_manifest,
)
from ccpkit.ledger import LEDGER_NAME, Ledger, dump_ledger, load_ledger
from ccpkit.memo import FOLDER_NAME as MEMO_FOLDER
from ccpkit.memo import Memo
from ccpkit.model import Deck
from ccpkit.pool import helpers, warm
from ccpkit.progress import Progress
from ccpkit.report import BuildReport, OutputFiles, format_counts, format_total
from ccpkit.templates import template_roots
from ccpkit.write import write_atomically

DEFAULT_FORMATS = tuple(EXPORTERS)
LEDGER_FORMATS = frozenset({"anki", "csv"})
"""Formats carrying Anki GUIDs: building one reads the ledger first (so a damaged one stops the build
before anything is written, the memo included) and updates it last. They are built in this process,
after settling the ledger, whose rendering of every field they reuse."""


def build(
    notes: Path,
    out: Path,
    *,
    formats: Sequence[str] = DEFAULT_FORMATS,
    options: ExportOptions,
    title: str | None = None,
    highlight_clozes: bool = True,
    modules: Sequence[int] = (),
    clock: Callable[[], float] = time.time,
    progress: Progress | None = None,
) -> BuildReport:
    """Build ``formats`` from ``notes`` into ``out``, redoing only what changed since the last build.

    ``title`` names the course (default: after the notes folder); ``highlight_clozes`` makes
    ``==text==`` a cloze; ``modules`` limits the outputs to
    those module numbers (the ledger still sees every module); ``clock`` stamps changed notes;
    ``progress`` hears about the steps and each unit done.
    """
    progress = progress or Progress()
    try:
        parsing = _Parsing(title, highlight_clozes)
        return _build(notes, out, formats, options, parsing, modules, clock, progress)
    finally:
        progress.finish()


def _build(
    notes: Path,
    out: Path,
    formats: Sequence[str],
    options: ExportOptions,
    parsing: _Parsing,
    modules: Sequence[int],
    clock: Callable[[], float],
    progress: Progress,
) -> BuildReport:
    _check_folders(notes, out)
    templates = digest_files(template_roots(options.templates))
    settings = repr((sorted(formats), options, parsing, sorted(modules)))
    sources = digest(digest_files([notes]), templates, settings)
    previous = load_manifest(out)
    if previous.inputs == _with_ledger(sources, notes) and all(
        intact(out, record) for record in previous.units.values()
    ):
        return _nothing_changed(previous, out, formats)
    ledger = load_ledger(notes / LEDGER_NAME) if LEDGER_FORMATS.intersection(formats) else None
    progress.step("parsing notes")
    memo = Memo(out / MEMO_FOLDER)
    options = replace(options, memo=memo)
    helped = [name for name in formats if name not in LEDGER_FORMATS]  # built by the helpers
    with helpers(partial(prepare, helped, options)) as pool:
        if helped:
            warm(pool)  # helpers load reportlab and fonts…
        from ccpkit.export.anki.identities import (
            settle_identities,  # … while this process loads Markdown and genanki
        )
        from ccpkit.parse import parse_notes

        parsed = parse_notes(notes, title=parsing.title, highlight_clozes=parsing.highlight_clozes, memo=memo)
        deck, changes = only_modules(parsed.deck, modules), None
        run = _Run(out, previous, templates, progress)
        run.records.update(
            (key, unit) for key, unit in previous.units.items() if key.split(":")[0] not in formats
        )
        free = run.plan(_keyed(helped, deck, options))
        pending = [pool.submit(unit.run) for _, _, unit in free]  # the helpers lay out
        if ledger is not None:
            progress.step("settling note identities")
            changes, options = settle_identities(
                ledger, parsed.deck, options, now=int(clock()), formats=formats
            )
            bound = run.plan(_keyed([name for name in formats if name in LEDGER_FORMATS], deck, options))
            run.record(bound, [run.done(key, unit.run()) for key, _, unit in bound])  # reuses the fields
        run.record(free, _results(pending, lambda index: progress.done(free[index][0])))
    _remove_stale(out, previous, run.records)
    memo.keep_only(module.slug for module in parsed.deck.modules)
    if changes is not None:
        run.written += record_ledger(notes, changes.ledger)
    counts, total = format_counts(parsed.deck), format_total(parsed.deck)
    manifest = Manifest(_with_ledger(sources, notes), run.records, counts, parsed.problems, total)
    write_atomically(out, Output(PurePosixPath(MANIFEST_NAME), dump_manifest(manifest)))
    problems = tuple(dict.fromkeys((*parsed.problems, *run.problems)))  # units may report one place twice
    files = OutputFiles(out, _per_format(formats, run.made), _per_format(formats, run.kept))
    return BuildReport(
        counts,
        problems,
        tuple(run.written),
        len(parsed.errors),
        changes,
        tuple(run.unchanged),
        total,
        files,
        parsed.reread,
    )


@dataclass(frozen=True, slots=True)
class _Parsing:
    """What the parser is told besides the notes: part of what a no-op build compares."""

    title: str | None
    highlight_clozes: bool


@dataclass(slots=True)
class _Run:
    """One build's export step: redoes a unit only when its inputs changed or its outputs were touched.

    The units to redo run side by side on the machine's cores; their outputs are written in order.
    """

    out: Path
    previous: Manifest
    templates: str
    progress: Progress
    records: dict[str, UnitRecord] = field(default_factory=dict)
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    made: Counter[str] = field(default_factory=Counter)
    """Files written, per format."""
    kept: Counter[str] = field(default_factory=Counter)
    """Files up to date, per format."""

    def plan(self, keyed: Sequence[tuple[str, Unit]]) -> list[tuple[str, str, Unit]]:
        """The units to redo, heaviest first; the others keep their record and count as unchanged."""
        stale: list[tuple[str, str, Unit]] = []
        for key, unit in keyed:
            inputs, record = digest(unit.inputs, self.templates), self.previous.units.get(key)
            if record is None or record.inputs != inputs or not intact(self.out, record):
                stale.append((key, inputs, unit))
            else:
                self.unchanged += [self.out / path for path in record.outputs]
                self.kept[_format_of(key)] += len(record.outputs)
                self.records[key] = record
                self.problems += record.problems
        self.progress.planned(len(stale))
        return sorted(stale, key=lambda job: -job[2].weight)  # the cores then finish close together

    def done(self, key: str, exported: Exported) -> Exported:
        """Say a unit run here is done; gives back what it made."""
        self.progress.done(key)
        return exported

    def record(self, stale: Sequence[tuple[str, str, Unit]], done: Sequence[Exported]) -> None:
        """Write what the redone units produced and remember it for the next build."""
        for (key, inputs, _), exported in zip(stale, done, strict=True):
            self.written += [write_atomically(self.out, output) for output in exported.outputs]
            self.made[_format_of(key)] += len(exported.outputs)
            outputs = {str(o.path): hashlib.sha256(o.data).hexdigest() for o in exported.outputs}
            self.records[key] = UnitRecord(inputs, outputs, exported.problems)
            self.problems += exported.problems


def _results(pending: Sequence[Future[Exported]], each_done: Callable[[int], object]) -> list[Exported]:
    """The jobs' results in order, telling ``each_done`` each job's index as it finishes."""
    index = {future: number for number, future in enumerate(pending)}
    for future in as_completed(pending):
        each_done(index[future])
    return [future.result() for future in pending]


def _format_of(key: str) -> str:
    """The format of a unit key (``pdf:pdf/course.pdf``)."""
    return key.split(":", 1)[0]


def _per_format(formats: Sequence[str], files: Mapping[str, int]) -> dict[str, int]:
    return {name: files.get(name, 0) for name in formats}


def _keyed(formats: Sequence[str], deck: Deck, options: ExportOptions) -> list[tuple[str, Unit]]:
    return [(f"{name}:{unit.name}", unit) for name in formats for unit in units(name, deck, options)]


def _with_ledger(sources: str, notes: Path) -> str:
    """The build's input digest: sources plus the ledger as it is now (the build may have rewritten it).

    An unreadable ledger just makes the digest new; reading it for real then says what is wrong.
    """
    try:
        return digest(sources, (notes / LEDGER_NAME).read_bytes())
    except OSError as error:
        return digest(sources, f"unreadable: {error.errno}")


def _check_folders(notes: Path, out: Path) -> None:
    """Outputs written inside the notes folder would be read back as notes on the next build."""
    if out.resolve().is_relative_to(notes.resolve()):
        raise UsageError(f"output folder {out} is inside the notes folder {notes}: choose one outside it")


def _nothing_changed(manifest: Manifest, out: Path, formats: Sequence[str]) -> BuildReport:
    """The last build's report, as nothing was redone: no notes re-read, every output up to date."""
    problems = list(manifest.problems)
    kept: Counter[str] = Counter()
    for key, record in manifest.units.items():
        problems += record.problems
        kept[_format_of(key)] += len(record.outputs)
    outputs = tuple(out / path for record in manifest.units.values() for path in record.outputs)
    skipped = sum(problem.severity == "error" for problem in manifest.problems)
    files = OutputFiles(out, {}, _per_format(formats, kept))
    unique = tuple(dict.fromkeys(problems))
    return BuildReport(
        manifest.counts, unique, (), skipped, None, outputs, manifest.total, files, frozenset()
    )


def only_modules(deck: Deck, numbers: Sequence[int]) -> Deck:
    """The deck limited to the given module numbers; an unknown number is a usage error."""
    if not numbers:
        return deck
    known = {module.number for module in deck.modules}
    unknown = sorted(set(numbers) - known)
    if unknown:
        raise UsageError(f"no module numbered {unknown[0]}; the notes have {sorted(known)}")
    return replace(deck, modules=tuple(m for m in deck.modules if m.number in numbers))


def _remove_stale(out: Path, previous: Manifest, current: Mapping[str, UnitRecord]) -> None:
    """Delete outputs the last build wrote that no unit produces any more (a removed module's PDF)."""
    kept = {path for record in current.values() for path in record.outputs}
    for record in previous.units.values():
        for path in set(record.outputs) - kept:
            (out / path).unlink(missing_ok=True)


def record_ledger(notes: Path, ledger: Ledger) -> tuple[Path, ...]:
    """Write ``ledger`` into the notes folder, only when it differs (an unchanged ledger stays
    untouched for git and for the no-op check); the path written, if any. Build, sync and
    ``orphans --forget`` all record it here."""
    data = dump_ledger(ledger)
    try:
        if (notes / LEDGER_NAME).read_bytes() == data:
            return ()
    except FileNotFoundError:
        pass
    return (write_atomically(notes, Output(PurePosixPath(LEDGER_NAME), data)),)
