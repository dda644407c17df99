"""The one orchestrator, in the shape of Sphinx or make: each module's parts are targets the build owns;
formats are pure.

1. Nothing changed since the last build (one digest of every input, every output intact): stop.
2. Parse each module, or take its findings from the store when its files did not change.
3. Map: every format's part of every module, and its wholes, from the store or made afresh; slow ones
   on helper processes, the others here meanwhile (a large build's parses and parts on both).
4. Settle the ledger (read before parsing: a damaged one stops the build) from the Anki parts.
5. Reduce: each format assembles its files; those that changed are written atomically, the ledger
   last, so a failed build never records identities nobody received.
"""

from __future__ import annotations

import gc
import operator
import pickle
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from ccpkit.config import FORMATS, LEDGER_NAME
from ccpkit.digest import content_digest, digest
from ccpkit.errors import UsageError
from ccpkit.export import Exported, ExportOptions, Output, Settled, joined
from ccpkit.progress import Progress
from ccpkit.report import BuildReport, OutputFiles, format_counts, format_total
from ccpkit.stamps import Stamp, Stamps
from ccpkit.store import FOLDER_NAME, Store, pickled
from ccpkit.templates import template_roots

if TYPE_CHECKING:  # and imported where used: a build with nothing to do never loads them
    from concurrent.futures import Future, ProcessPoolExecutor

    from ccpkit.export import Format
    from ccpkit.ledger import Ledger, Reconciliation
    from ccpkit.ledger.storage import LedgerText
    from ccpkit.model import Deck, Module
    from ccpkit.parse import Findings, Parsed

DEFAULT_FORMATS = FORMATS

_SHARED_WEIGHT = 1_000
"""From this much work on (about a thousand items' worth) that is not slow, making it on the helpers
too repays starting them."""


@dataclass(frozen=True, slots=True)
class Request:
    """What ``build`` was asked for."""

    notes: Path
    out: Path
    formats: tuple[str, ...]
    options: ExportOptions
    title: str | None
    highlight_clozes: bool
    modules: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Manifest:
    """What the last build read and wrote, filed in the store: equal inputs and intact outputs mean
    there is nothing to do, and the last report is shown again."""

    inputs: str = ""
    """Digest of every input: notes, ledger, templates, options (and ccpkit's code, as every digest)."""
    outputs: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """Per format, each output file (relative to the build folder) and the digest of its bytes."""
    report: BuildReport = field(default_factory=lambda: BuildReport("", (), ()))
    """What the build reported, but the changes to the Anki notes (the ledger holds those)."""
    stamps: Mapping[str, Stamp] = field(default_factory=dict)
    """Each file the build looked at, as it saw it: the next reads only those whose stamp changed."""


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
    ``title`` names the course (default: the notes folder); ``highlight_clozes`` makes ``==text==`` a
    cloze; ``modules`` limits the outputs (the ledger still sees every module); ``clock`` stamps
    changed notes; ``progress`` hears of each step and target."""
    progress = progress or Progress()
    request = Request(notes, out, tuple(formats), options, title, highlight_clozes, tuple(modules))
    # A build makes millions of objects that live to its end and little cyclic garbage: at Python's
    # default threshold the collector would scan them thousands of times (a quarter of a cold build).
    thresholds = gc.get_threshold()
    gc.set_threshold(100_000, *thresholds[1:])
    try:
        return _build(request, clock, progress)
    finally:
        gc.set_threshold(*thresholds)
        progress.finish()


def _build(request: Request, clock: Callable[[], float], progress: Progress) -> BuildReport:
    notes, out = request.notes, request.out
    if out.resolve().is_relative_to(notes.resolve()):  # outputs would be read back as notes
        raise UsageError(f"output folder {out} is inside the notes folder {notes}: choose one outside it")
    store = Store(out / FOLDER_NAME)
    previous = store.get(digest("manifest"), Manifest) or Manifest()
    stamps = Stamps(previous.stamps)
    templates = stamps.digest_files(template_roots(request.options.templates))
    title = request.title if request.title is not None else notes.resolve().name
    asked = (
        sorted(request.formats),
        request.options,
        title,
        request.highlight_clozes,
        sorted(request.modules),
    )
    sources = digest(stamps.digest_files([notes]), templates, repr(asked))
    built = {name: previous.outputs.get(name, {}) for name in request.formats}
    if previous.inputs == _with_ledger(sources, notes, stamps) and _intact(out, built, stamps):
        if stamps.seen != previous.stamps:  # files stamped for the first time: read none next time
            store.put(digest("manifest"), replace(previous, stamps=stamps.seen))
        unchanged = tuple(out / path for paths in built.values() for path in paths)
        files = OutputFiles(out, dict.fromkeys(built, 0), {name: len(paths) for name, paths in built.items()})
        return replace(previous.report, written=(), unchanged=unchanged, files=files, reread=frozenset())
    from ccpkit.export.formats import format_named
    from ccpkit.ledger import load_ledger
    from ccpkit.ledger.storage import kept_ledger, ledger_text

    chosen = [format_named(name) for name in request.formats]
    anki = _notes_format(chosen)
    targets = _Targets(store, digest(templates, repr(request.options)), progress)
    earlier, ledger = None, None
    if anki is not None:
        earlier = _kept_ledger(notes, store)
        ledger = earlier.ledger if earlier is not None else load_ledger(notes / LEDGER_NAME)
    made, outputs, changes = _make(request, chosen, anki, targets, ledger, clock, previous, stamps)
    written = made.written
    if changes is not None:
        text = ledger_text(changes.ledger, earlier)
        fresh = earlier is None or earlier.data != text.data
        del earlier, ledger  # the ledger as read: its unchanged lines are in the new text now
        ledger_digest = content_digest(text.data)
        path = _written(notes, Output(PurePosixPath(LEDGER_NAME), text.data), ledger_digest, stamps)
        written += (path,) if path is not None else ()
        key = digest("ledger", ledger_digest)  # kept in the store as it is written, beside the targets
        targets.used.add(key)
        if fresh:
            store.put(key, kept_ledger(text))
    if not request.modules:  # a build of some modules leaves the others' parts for the next full one
        store.keep_only(targets.used)
    report = replace(made, written=written, changes=changes, remade=tuple(targets.remade))
    kept = replace(report, changes=None, written=(), unchanged=(), remade=())  # what a no-op shows again
    store.put(digest("manifest"), Manifest(_with_ledger(sources, notes, stamps), outputs, kept, stamps.seen))
    return report


def _intact(out: Path, outputs: Mapping[str, Mapping[str, str]], stamps: Stamps) -> bool:
    """Every output is still on disk with the bytes the build wrote (a hand edit shows)."""
    return all(
        _on_disk(out / path, stamps) == expected
        for paths in outputs.values()
        for path, expected in paths.items()
    )


def _on_disk(path: Path, stamps: Stamps) -> str | None:
    """The digest of the file at ``path`` (by its stamp when that did not change); ``None`` if it
    is not there or cannot be read."""
    try:
        return stamps.file_digest(path)
    except OSError:
        return None


def _make(
    request: Request,
    chosen: Sequence[Format[Any]],
    notes: Format[Any] | None,
    targets: _Targets,
    ledger: Ledger | None,
    clock: Callable[[], float],
    previous: Manifest,
    stamps: Stamps,
) -> tuple[BuildReport, dict[str, Mapping[str, str]], Reconciliation | None]:
    """Parse, map, settle ``ledger`` from the parts of ``notes``, assemble every format's files and
    write those not on disk already (``stamps`` tell). Returned: the report (the ledger's file not yet
    among the written), the outputs to record and what settling the ledger changed (``changes.ledger``
    is the ledger to record); the deck, parts and files are freed, so recording the ledger needs no
    room for them."""
    from ccpkit.pool import helpers  # the process pool: not for a build with nothing to do

    helped = [fmt for fmt in chosen if fmt.slow]
    with helpers(partial(_prepare, helped, request.options)) as pool:
        targets.progress.step("parsing notes")
        passages = any(fmt.reads_passages for fmt in chosen)
        parsed, modules = _parse(request, targets, pool, warm=bool(helped), passages=passages)
        whole_deck = parsed.deck
        deck = only_modules(whole_deck, request.modules)
        # The parts of ``notes`` are made for every module: the ledger sees the whole deck.
        for fmt in [*chosen, notes] if notes is not None and notes not in chosen else chosen:
            targets.plan(fmt, whole_deck if fmt is notes else deck, modules, request.options)
        targets.start(pool, [target for target in targets.planned if target not in targets.done])
        targets.finish(slow=False)
        # While the helpers lay out pages, settle the ledger and assemble the formats needing no helper.
        changes, settled = None, None
        if notes is not None and ledger is not None:
            from ccpkit.export.anki.identities import settle_parts

            targets.progress.step("settling note identities")
            changes, settled = settle_parts(
                ledger,
                whole_deck,
                deck,
                targets.parts(notes.name),
                request.options,
                now=int(clock()),
                with_templates="anki" in request.formats,
            )
        files = {fmt.name: targets.assemble(fmt, deck, settled) for fmt in chosen if not fmt.slow}
        targets.finish()
        files = {
            fmt.name: files[fmt.name] if fmt.name in files else targets.assemble(fmt, deck, settled)
            for fmt in chosen
        }
    targets.forget_parts()
    written, unchanged, outputs = _write(request, previous, files, stamps)
    problems = (*parsed.problems, *(problem for exported in files.values() for problem in exported.problems))
    report = BuildReport(
        format_counts(whole_deck),
        tuple(dict.fromkeys(problems)),  # a sheet and the course may report one place twice
        tuple(path for paths in written.values() for path in paths),
        sum(problem.severity == "error" for problem in parsed.problems),
        unchanged=tuple(path for paths in unchanged.values() for path in paths),
        total=format_total(whole_deck),
        files=OutputFiles(
            request.out,
            {name: len(paths) for name, paths in written.items()},
            {name: len(paths) for name, paths in unchanged.items()},
        ),
        reread=parsed.reread,
    )
    return report, {**previous.outputs, **outputs}, changes


@dataclass(frozen=True, slots=True, eq=False)
class _Target:
    """A module's findings, a format's part of one module or one of its wholes, filed in the store
    under ``key`` (none: not filed)."""

    kind: str
    """``parse``, or the format's name."""
    name: str
    """The module's slug, or the whole's name."""
    key: str
    work: Callable[[], object]
    weight: int
    """Rough amount of work, in items: the heaviest start first, so the helpers finish close together."""
    slow: bool
    """Made on a helper process, always (the layout code is loaded there alone); others may be too."""
    whole: bool = False

    def __str__(self) -> str:
        """How progress and the report name it: ``parse 02-compute``, ``pdf pdf/course.pdf``."""
        return f"{self.kind} {self.name}"


@dataclass(slots=True)
class _Targets:
    """The build's targets (parsed modules, parts, wholes), each from the store under the digest of
    what it reads, or made: shared ones on the helpers, the others here."""

    store: Store
    context: str
    """Digest of what every part reads besides its module: templates and options."""
    progress: Progress
    used: set[str] = field(default_factory=set)
    remade: list[str] = field(default_factory=list)
    """The targets made afresh, in order: ``parse 02-compute``, ``pdf 02-compute``, ``pdf pdf/course.pdf``."""
    planned: list[_Target] = field(default_factory=list)
    done: dict[_Target, Any] = field(default_factory=dict)
    """A target → its findings, its part, or its whole's files."""
    pending: dict[Future[bytes], _Target] = field(default_factory=dict)

    def take_kept(self, targets: Sequence[_Target]) -> list[_Target]:
        """Take the targets the store holds (a target filed under no key never is); the stale rest."""
        stale = []
        for target in targets:
            value = self.store.get(target.key, object) if target.key else None
            self.used.add(target.key)
            if value is None:
                stale.append(target)
            else:
                self.done[target] = value
        return stale

    def plan(self, fmt: Format[Any], deck: Deck, modules: Mapping[str, str], options: ExportOptions) -> None:
        """The parts of ``deck``'s modules in ``fmt`` (``modules``: the digest of each, by slug) and
        its wholes (which read every module of ``deck``), taking those the store holds."""
        reads = [deck.title, self.context]
        targets = [
            _Target(
                fmt.name,
                module.slug,
                digest("part", fmt.name, modules[module.slug], *reads),
                partial(fmt.part, module, deck.title, options),
                len(module.items),
                fmt.slow,
            )
            for module in deck.modules
        ]
        reads += [modules[module.slug] for module in deck.modules]
        weight = sum(target.weight for target in targets)
        targets += [
            _Target(
                fmt.name,
                whole.name,
                digest("whole", fmt.name, whole.name, *reads),
                whole.make,
                weight,
                fmt.slow,
                True,
            )
            for whole in fmt.wholes(deck, options)
        ]
        self.take_kept(targets)
        self.planned += targets

    def start(self, pool: ProcessPoolExecutor, stale: Sequence[_Target]) -> None:
        """Make the stale targets: the slow ones on the helpers, heaviest first, the others here. When
        there are several others, they are queued for the helpers too, and this process makes those no
        helper has started yet, lightest first: every core works, and none waits for another."""
        self.progress.planned(len(stale))
        self.remade += [str(target) for target in stale]
        ordered = sorted(stale, key=lambda target: (not target.slow, -target.weight))
        light = sum(target.weight for target in stale if not target.slow)
        shared = ordered if light >= _SHARED_WEIGHT else [target for target in ordered if target.slow]
        futures = {target: pool.submit(_pickled, target.work) for target in shared}
        for target in ordered:
            if target not in futures:
                self._made(target, target.work())
        for target in reversed(shared):
            if not target.slow:
                if not futures[target].cancel():  # a helper has it, and every heavier one
                    break
                del futures[target]
                self._made(target, target.work())
        self.pending.update({future: target for target, future in futures.items()})

    def finish(self, *, slow: bool = True) -> None:
        """Wait for the helpers, taking each target as it comes (with ``slow=False``, only the targets
        that are not slow)."""
        from concurrent.futures import as_completed

        waited = {future: target for future, target in self.pending.items() if slow or not target.slow}
        for future in as_completed(waited):
            target, data = self.pending.pop(future), future.result()
            if target.key:
                self.store.put_pickled(target.key, data)
            self.done[target] = pickle.loads(data)
            self.progress.done(str(target))

    def _made(self, target: _Target, value: object) -> None:
        if target.key:
            self.store.put(target.key, value)
        self.done[target] = value
        self.progress.done(str(target))

    def forget_parts(self) -> None:
        """Free the parts, and the deck their work reads, once the files are assembled."""
        self.planned, self.done, self.pending = [], {}, {}

    def parts(self, name: str) -> dict[str, Any]:
        """The parts of format ``name`` done so far, by module slug."""
        return {t.name: self.done[t] for t in self.planned if t.kind == name and not t.whole}

    def assemble(self, fmt: Format[Any], deck: Deck, settled: Settled | None) -> Exported:
        """A format's files: assembled from its parts of ``deck``'s modules, then its wholes' files."""
        parts = self.parts(fmt.name)
        assembled = fmt.assemble(
            deck, [parts[module.slug] for module in deck.modules], settled if fmt.carries_identities else None
        )
        wholes = [self.done[t] for t in self.planned if t.kind == fmt.name and t.whole]
        return joined([assembled, *wholes])


def _pickled(work: Callable[[], object]) -> bytes:
    """A helper's job: the target made, as the store files it (this process files and reads it)."""
    return pickled(work())


def _kept_ledger(notes: Path, store: Store) -> LedgerText | None:
    """The ledger from the store when its file holds bytes a build wrote or read before: reading
    every note's line again would cost a one-card edit more than the edit. ``None``: read the file."""
    try:
        data = (notes / LEDGER_NAME).read_bytes()
    except OSError:  # none yet, or unreadable: reading it for real says which
        return None
    from ccpkit.ledger.storage import unkept_ledger

    kept = store.get(digest("ledger", content_digest(data)), tuple)
    return unkept_ledger(kept, data) if kept is not None else None


def _parse(
    request: Request, targets: _Targets, pool: ProcessPoolExecutor, *, warm: bool, passages: bool
) -> tuple[Parsed, dict[str, str]]:
    """The deck, each module's findings taken from the store when its files did not change, and the
    digest of each module by slug (what its parts are made from). With ``warm``, the helpers start (and
    warm up) while this process parses, in any case; without ``passages``, those parsed are freed."""
    from ccpkit import parse  # markdown-it-py: not for a build with nothing to do

    parse.check_title(request.title)  # before anything is kept in the store
    sources = parse.read_sources(request.notes, highlight_clozes=request.highlight_clozes)
    parses = [
        _Target(
            "parse",
            source.files.slug,
            digest("parse", source.key) if source.key else "",  # an unreadable file: never kept
            partial(parse.parse_module, request.notes, source),
            source.size // 100,  # about one per item
            slow=False,
        )
        for source in sources.modules
    ]
    stale = targets.take_kept(parses)
    if warm and stale:
        from ccpkit.pool import warm_up

        warm_up(pool)  # while the modules are parsed
    targets.start(pool, stale)
    targets.finish()
    found = [targets.done.pop(target) for target in parses]
    read = {target.name for target in stale}
    reread = frozenset(p for s in sources.modules if s.files.slug in read for p in s.paths(request.notes))
    parsed = parse.combine(request.notes, sources, found, title=request.title, reread=reread)
    if not passages:
        parsed = replace(parsed, deck=parsed.deck.without_passages())
    by_slug = {target.name: (target.key, findings) for target, findings in zip(parses, found, strict=True)}
    return parsed, {
        module.slug: _module_digest(module, *by_slug.get(module.slug, ("", None)), passages)
        for module in parsed.deck.modules
    }


def _module_digest(module: Module, key: str, found: Findings | None, passages: bool) -> str:
    """The digest of what a module's parts read. A module that is its findings as parsed (the very
    items, no pictures read since) is named by its findings' key: digesting the ``repr`` of every
    module would cost a one-card edit of a large course a tenth of its time."""
    as_found = (
        key
        and found is not None
        and not module.pictures
        and (module.passages is found.passages if passages else not module.passages)
        and len(module.items) == len(found.items)
        and all(map(operator.is_, module.items, found.items))
    )
    if as_found:
        return digest("module", key, str(module.number), module.slug, module.title, str(passages))
    return digest(repr(module))


def _notes_format(chosen: Sequence[Format[Any]]) -> Format[Any] | None:
    """The format whose parts the ledger is settled from: the .apkg's when it is built (its parts also
    hold what genanki writes), else the Anki notes alone; none when no format carries identities."""
    if not any(fmt.carries_identities for fmt in chosen):
        return None
    from ccpkit.export.anki import ANKI, ANKI_NOTES

    return ANKI if ANKI in chosen else ANKI_NOTES


def _prepare(formats: Sequence[Format[Any]], options: ExportOptions) -> None:
    """A helper's warm-up: load what the slow formats' parts need."""
    for fmt in formats:
        fmt.prepare(options)


def _write(
    request: Request, previous: Manifest, files: Mapping[str, Exported], stamps: Stamps
) -> tuple[dict[str, list[Path]], dict[str, list[Path]], dict[str, dict[str, str]]]:
    """Write the files whose bytes changed. Per format: the files written, those already holding their
    bytes, and each file with its digest, to record. A build of some modules leaves the others' files
    (their sheets) where they are, recording those still there; a full build deletes those the last
    build wrote and no format makes now (a removed module's sheet)."""
    out = request.out
    written: dict[str, list[Path]] = {name: [] for name in files}
    unchanged: dict[str, list[Path]] = {name: [] for name in files}
    recorded: dict[str, dict[str, str]] = {}
    for name, exported in files.items():
        before = previous.outputs.get(name, {})
        recorded[name] = {
            path: digest for path, digest in before.items() if request.modules and (out / path).is_file()
        }
        for output in exported.outputs:
            recorded[name][str(output.path)] = content_digest(output.data)
            fresh = _written(out, output, recorded[name][str(output.path)], stamps) is not None
            (written[name] if fresh else unchanged[name]).append(out / output.path)
        for path in set(before) - set(recorded[name]):
            (out / path).unlink(missing_ok=True)
    return written, unchanged, recorded


def _written(folder: Path, output: Output, data_digest: str, stamps: Stamps) -> Path | None:
    """Write ``output`` (``data_digest`` the digest of its bytes) unless its file holds them already,
    as its stamp tells without reading it; the path written, stamped as written."""
    if _on_disk(folder / output.path, stamps) == data_digest:
        return None
    from ccpkit.write import write_atomically  # tempfile and its imports: not for a no-op build

    path = write_atomically(folder, output)
    stamps.wrote(path, data_digest)
    return path


def _with_ledger(sources: str, notes: Path, stamps: Stamps) -> str:
    """The build's input digest: sources plus the ledger as it is now (the build may have rewritten it).
    An unreadable ledger just makes the digest new; reading it for real then says what is wrong."""
    try:
        return digest(sources, stamps.file_digest(notes / LEDGER_NAME))
    except OSError as error:
        return digest(sources, f"unreadable: {error.errno}")


def only_modules(deck: Deck, numbers: Sequence[int]) -> Deck:
    """The deck limited to the given module numbers; an unknown number is a usage error."""
    if not numbers:
        return deck
    known = {module.number for module in deck.modules}
    unknown = sorted(set(numbers) - known)
    if unknown:
        raise UsageError(f"no module numbered {unknown[0]}; the notes have {sorted(known)}")
    return replace(deck, modules=tuple(m for m in deck.modules if m.number in numbers))
