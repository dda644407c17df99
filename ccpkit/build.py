"""The one orchestrator, in the shape of make: a module's parsed findings and each format's part of it
are targets the build files in its store under the digest of what they read; formats are pure.

1. Nothing changed since the last build (every input digested alike, every output intact): stop.
2. Parse the modules whose files changed; take the others' findings from the store.
3. Map: every format's stale parts and wholes, the slow ones on helper processes.
4. Settle the ledger from the Anki parts.
5. Reduce: each format assembles its files; the changed ones are written atomically, the ledger last,
   so a failed build never records identities nobody received.
"""

from __future__ import annotations

import gc
import operator
import pickle
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ccpkit.config import FORMATS, LEDGER_NAME
from ccpkit.digest import content_digest, digest
from ccpkit.errors import WriteError
from ccpkit.export import Exported, ExportOptions, Settled, joined
from ccpkit.pool import Helpers, helpers
from ccpkit.progress import Progress
from ccpkit.report import BuildReport, OutputFiles, format_counts, format_total
from ccpkit.scope import only_modules, require_listable, require_outside
from ccpkit.stamps import Stamp, Stamps
from ccpkit.store import FOLDER_NAME, Store, pickled
from ccpkit.templates import template_roots

if TYPE_CHECKING:  # and imported where used: a build with nothing to do never loads them
    from concurrent.futures import Future

    from ccpkit.export import Format
    from ccpkit.ledger import Ledger, Reconciliation
    from ccpkit.model import Deck, Module
    from ccpkit.parse import Findings, ModuleSource, Parsed

_SHARED_WEIGHT = 1_000
"""From about a thousand items' worth of light work on, sharing it with the helpers repays starting them."""


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
    """The last build's record: the same inputs and intact outputs leave nothing to do."""

    inputs: str = ""
    """Digest of every input: notes, ledger, templates, options."""
    outputs: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """Per format, each output file (relative to the build folder) → the digest of its bytes."""
    report: BuildReport = field(default_factory=lambda: BuildReport("", (), ()))
    """What that build reported, but its changes to Anki notes: a no-op shows it again."""
    stamps: Mapping[str, Stamp] = field(default_factory=dict)
    """Each file looked at, as it was seen: the next build reads only those whose stamp changed."""


def build(
    notes: Path,
    out: Path,
    *,
    formats: Sequence[str] = FORMATS,
    options: ExportOptions,
    title: str | None = None,
    highlight_clozes: bool = True,
    modules: Sequence[int] = (),
    clock: Callable[[], float] = time.time,
    progress: Progress | None = None,
) -> BuildReport:
    """Build ``formats`` from ``notes`` into ``out``, redoing only what changed since the last build.
    ``title`` names the course (default: the notes folder's name); ``highlight_clozes`` makes
    ``==text==`` a cloze; ``modules`` limits the outputs (and the notes the ledger records as sent);
    ``clock`` dates changed notes."""
    progress = progress or Progress()
    chosen = tuple(dict.fromkeys(formats))  # `--format pdf --format pdf`: one pdf build
    request = Request(notes, out, chosen, options, title, highlight_clozes, tuple(modules))
    # Nearly all a build makes lives to its end: at the default threshold the collector would scan
    # those millions of objects thousands of times (a quarter of a cold build).
    thresholds = gc.get_threshold()
    gc.set_threshold(100_000, *thresholds[1:])
    try:
        return _build(request, clock, progress)
    finally:
        gc.set_threshold(*thresholds)
        progress.finish()


def _build(request: Request, clock: Callable[[], float], progress: Progress) -> BuildReport:
    notes, out = request.notes, request.out
    require_outside(notes, out)
    require_listable(notes)
    store, manifest = Store(out / FOLDER_NAME), digest("manifest")
    previous = store.get(manifest, Manifest) or Manifest()
    stamps = Stamps(previous.stamps)
    templates = stamps.digest_files(template_roots(request.options.templates))
    title = request.title if request.title is not None else notes.resolve().name
    settings = _settings(request.options)
    asked = (
        sorted(request.formats),
        settings,
        title,
        request.highlight_clozes,
        sorted(request.modules),
    )
    sources = digest(stamps.digest_files([notes]), templates, repr(asked))
    built = {name: previous.outputs.get(name, {}) for name in request.formats}
    if previous.inputs == _with_ledger(sources, notes, stamps) and all(
        stamps.found(out / path) == expected for paths in built.values() for path, expected in paths.items()
    ):
        if stamps.seen != previous.stamps:  # files stamped for the first time: read none next time
            store.put(manifest, replace(previous, stamps=stamps.seen))
        unchanged = tuple(out / path for paths in built.values() for path in paths)
        files = OutputFiles(out, dict.fromkeys(built, 0), {name: len(paths) for name, paths in built.items()})
        return replace(previous.report, written=(), unchanged=unchanged, files=files, reread=frozenset())
    from ccpkit.export.formats import format_named
    from ccpkit.ledger.cached import CachedLedger
    from ccpkit.ledger.last import LAST_LEDGER

    chosen = [format_named(name) for name in request.formats]
    targets = _Targets(store, digest(templates, settings), progress)
    cached = CachedLedger(notes / LEDGER_NAME, store, stamps)
    ledger = cached.read() if any(fmt.carries_identities for fmt in chosen) else None
    made, exported, changes = _make(request, chosen, targets, ledger, clock)
    del ledger  # as read: its unchanged lines are in the new ones now
    if changes is not None:
        cached.keep_last(changes.ledger)
    written, kept, outputs = _write(request, previous, exported, stamps)
    del exported
    ledger_file: tuple[Path, ...] = ()
    if changes is not None:
        try:
            path, key = cached.write(changes.ledger)
        except WriteError as error:  # the outputs are out: say so, or the next build's report hides them
            raise error.and_then(_LEDGER_LATER) from None
        ledger_file = (path,) if path is not None else ()
        targets.used.add(key)
    if not request.modules:  # a build of some modules leaves the others' parts for the next full one
        store.keep_only(targets.used, names=(LAST_LEDGER.name,))
    inputs = _with_ledger(sources, notes, stamps)
    store.put(manifest, Manifest(inputs, {**previous.outputs, **outputs}, made, stamps.seen))
    return replace(
        made,
        written=(*(path for paths in written.values() for path in paths), *ledger_file),
        unchanged=tuple(path for paths in kept.values() for path in paths),
        files=OutputFiles(
            out,
            {name: len(paths) for name, paths in written.items()},
            {name: len(paths) for name, paths in kept.items()},
        ),
        changes=changes,
        remade=tuple(targets.remade),
    )


_LEDGER_LATER = (
    "the build's outputs were written (import them as usual), and the next build writes the ledger "
    "from its copy in the build folder once it can"
)


def keep_ledger(out: Path, ledger: Ledger, data: bytes) -> None:
    """Keep ``ledger``, which a sync writes into the notes folder as ``data``, in the cache of the build
    folder ``out`` (``cached.keep_written``), before the notes' file: one that cannot be written is
    caught up from it. The next build must then look at its inputs again."""
    from ccpkit.ledger.cached import keep_written

    store, manifest = Store(out / FOLDER_NAME), digest("manifest")
    keep_written(data, store, ledger)
    previous = store.get(manifest, Manifest) or Manifest()  # a folder no build has used yet too
    store.put(manifest, replace(previous, inputs=""))


def _make(
    request: Request,
    chosen: Sequence[Format[Any]],
    targets: _Targets,
    ledger: Ledger | None,
    clock: Callable[[], float],
) -> tuple[BuildReport, dict[str, Exported], Reconciliation | None]:
    """Parse, map, settle ``ledger`` and assemble. Returned: the report, as a build with nothing to do
    shows it again, each format's files, and what settling changed; the parts are freed."""
    from ccpkit.ledger.scope import require_named

    options = request.options
    for fmt in chosen:  # the templates, read once for every part: a bad one is reported before any work
        options = fmt.read(options)
    helped = [fmt for fmt in chosen if fmt.slow]
    notes = _notes_format(chosen) if ledger is not None else None
    with helpers(partial(_prepare, helped, options)) as pool:
        targets.progress.step("parsing notes")
        passages = any(fmt.reads_passages for fmt in chosen)
        parsed, modules = _parse(request, targets, pool, warm=bool(helped), passages=passages)
        whole_deck = parsed.deck
        if ledger is not None:
            named = request.title is not None or bool(request.options.deck_name)
            require_named(ledger, request.notes, whole_deck.title, named=named)
        deck = only_modules(whole_deck, request.modules)
        for fmt in chosen if notes is None or notes in chosen else [*chosen, notes]:  # notes: all modules
            targets.plan(fmt, whole_deck if fmt is notes else deck, modules, options)
        targets.make(pool, targets.planned)
        targets.finish(slow=False)
        changes, settled = None, None
        if notes is not None and ledger is not None:  # while the helpers lay out pages
            from ccpkit.export.anki.identities import settle_parts

            targets.progress.step("settling note identities")
            parts, now, with_templates = targets.parts(notes.name), int(clock()), "anki" in request.formats
            changes, settled = settle_parts(
                ledger,
                whole_deck,
                deck,
                parts,
                options,
                now=now,
                with_templates=with_templates,
                in_error=parsed.in_error,
            )
        files = {fmt.name: targets.assemble(fmt, deck, settled) for fmt in chosen if not fmt.slow}
        targets.finish()
        files = {fmt.name: files.get(fmt.name) or targets.assemble(fmt, deck, settled) for fmt in chosen}
    targets.planned, targets.done = [], {}  # free the parts, and the deck their work reads
    problems = (*parsed.problems, *(problem for exported in files.values() for problem in exported.problems))
    report = BuildReport(
        format_counts(deck, whole_deck),
        tuple(dict.fromkeys(problems)),  # a sheet and the course may report one place twice
        (),
        sum(problem.severity == "error" for problem in parsed.problems),
        total=format_total(deck, whole_deck),
        reread=parsed.reread,
    )
    return report, files, changes


@dataclass(frozen=True, slots=True, eq=False)
class _Target:
    """A module's findings, a format's part of a module or one of its wholes, filed in the store under
    ``key`` (empty: never filed)."""

    kind: str
    """``parse``, or the format's name."""
    name: str
    """The module's slug, or the whole's name."""
    key: str
    work: Callable[[], object]
    weight: int
    """Rough amount of work, in items: the heaviest start first, so the helpers end close together."""
    slow: bool
    """Always made on a helper (only they load the layout code); the others may be."""
    whole: bool = False
    taken: Callable[[Any], Any] = lambda value: value
    """What the build uses of the value made or filed; ``None``: nothing (an unreadable entry's)."""

    def __str__(self) -> str:
        """As progress and the report name it: ``parse 02-compute``, ``pdf pdf/course.pdf``."""
        return f"{self.kind} {self.name}"


@dataclass(slots=True)
class _Targets:
    """The build's targets, each taken from the store or made: shared ones on the helpers, the rest here."""

    store: Store
    context: str
    """Digest of what every part reads besides its module: templates and options."""
    progress: Progress
    used: set[str] = field(default_factory=set)
    remade: list[str] = field(default_factory=list)
    """The targets made afresh, in order, named as ``str(target)``."""
    planned: list[_Target] = field(default_factory=list)
    done: dict[_Target, Any] = field(default_factory=dict)
    """A target → its findings, its part, or its whole's files."""
    pending: dict[Future[bytes], _Target] = field(default_factory=dict)

    def plan(self, fmt: Format[Any], deck: Deck, modules: Mapping[str, str], options: ExportOptions) -> None:
        """``fmt``'s part of each module of ``deck`` (``modules``: each one's digest, by slug) and its
        wholes, which read them all; the store's are taken."""
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
        self.planned += targets

    def make(self, pool: Helpers, targets: Sequence[_Target], *, warm: bool = False) -> list[_Target]:
        """Take the targets the store holds, and make the stale rest: the slow ones on the helpers,
        heaviest first, the others here. Enough light work is queued for the helpers too, and this
        process takes back, lightest first, what no helper has started: every core works, none waits.
        Helpers not yet started are forked after this process made the lightest: they share what that
        warmed (the patterns the rules compile on first use, 0.1 s in each process). With ``warm``, the
        helpers start (and warm up) even if no work goes to them. Returned: the stale."""
        stale = []
        for target in targets:
            value = self.store.get(target.key, object) if target.key else None
            value = target.taken(value) if value is not None else None
            self.used.add(target.key)
            if value is None:
                stale.append(target)
            else:
                self.done[target] = value
        self.progress.planned(len(stale))
        self.remade += [str(target) for target in stale]
        ordered = sorted(stale, key=lambda target: (not target.slow, -target.weight))
        sharing = sum(target.weight for target in stale if not target.slow) >= _SHARED_WEIGHT
        if sharing and not pool.started:
            lightest = ordered.pop()
            self._made(lightest, lightest.work())
        if warm and stale:
            pool.submit(int)  # a job that does nothing, to start the helpers now
        shared = ordered if sharing else [target for target in ordered if target.slow]
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
        return stale

    def finish(self, *, slow: bool = True) -> None:
        """Take each target from the helpers as it comes (``slow=False``: only those not slow)."""
        waited = {future: target for future, target in self.pending.items() if slow or not target.slow}
        if not waited:
            return
        from concurrent.futures import as_completed

        for future in as_completed(waited):
            target, data = self.pending.pop(future), future.result()
            if target.key:
                self.store.put_pickled(target.key, data)
            self.done[target] = target.taken(pickle.loads(data))
            self.progress.done(str(target))

    def _made(self, target: _Target, value: object) -> None:
        if target.key:
            self.store.put(target.key, value)
        self.done[target] = target.taken(value)
        self.progress.done(str(target))

    def parts(self, name: str) -> dict[str, Any]:
        """The parts of format ``name`` done so far, by module slug."""
        return {t.name: self.done[t] for t in self.planned if t.kind == name and not t.whole}

    def assemble(self, fmt: Format[Any], deck: Deck, settled: Settled | None) -> Exported:
        """``fmt``'s files: assembled from its parts of ``deck``'s modules, then its wholes' files."""
        parts = self.parts(fmt.name)
        assembled = fmt.assemble(
            deck, [parts[module.slug] for module in deck.modules], settled if fmt.carries_identities else None
        )
        return joined([assembled, *(self.done[t] for t in self.planned if t.kind == fmt.name and t.whole)])


def _pickled(work: Callable[[], object]) -> bytes:
    """A helper's job: the target made, pickled as the store files it."""
    return pickled(work())


def _parse(
    request: Request, targets: _Targets, pool: Helpers, *, warm: bool, passages: bool
) -> tuple[Parsed, dict[str, str]]:
    """The deck, and each module's digest by slug. With ``warm``, the helpers start while this process
    parses; without ``passages``, the deck holds none."""
    from ccpkit import parse  # markdown-it-py: not for a build with nothing to do

    parse.check_title(request.title)  # before anything is kept in the store
    sources = parse.read_sources(request.notes, highlight_clozes=request.highlight_clozes)
    parses = [
        _Target(
            "parse",
            source.files.slug,
            digest("parse", source.key) if source.key else "",  # an unreadable file: never kept
            partial(_filed_findings, request.notes, source),
            source.size // 100,  # about one per item
            slow=False,
            taken=partial(_unfiled, with_passages=passages or source.shows_pictures),  # pictures: reported
        )
        for source in sources.modules
    ]
    read = {target.name for target in targets.make(pool, parses, warm=warm)}
    targets.finish()
    found = [targets.done.pop(target) for target in parses]
    reread = frozenset(p for s in sources.modules if s.files.slug in read for p in s.paths(request.notes))
    parsed = parse.combine(request.notes, sources, found, title=request.title, reread=reread)
    if not passages and any(module.passages for module in parsed.deck.modules):  # else it is without
        parsed = replace(parsed, deck=parsed.deck.without_passages())
    by_slug = {target.name: (target.key, findings) for target, findings in zip(parses, found, strict=True)}
    return parsed, {
        module.slug: _module_digest(module, *by_slug.get(module.slug, ("", None)), passages)
        for module in parsed.deck.modules
    }


@dataclass(frozen=True, slots=True)
class _Filed:
    """A module's findings as the store files them: their passages pickled apart, which a build that
    prints none (all but the PDF's) never unpickles: they are half of what reading findings back costs."""

    findings: Findings
    """Without passages."""
    passages: bytes


def _filed_findings(notes: Path, source: ModuleSource) -> _Filed:
    """A parse target's work: the module's findings, as filed."""
    from ccpkit import parse

    findings = parse.parse_module(notes, source)
    return _Filed(replace(findings, passages=()), pickled(findings.passages))


def _unfiled(value: object, *, with_passages: bool) -> Findings | None:
    """The findings ``value`` files, with their passages or none; ``None`` if it files none."""
    if not isinstance(value, _Filed):
        return None
    if not with_passages:
        return value.findings
    try:
        passages = pickle.loads(value.passages)
    except Exception:  # a damaged entry: the module is parsed again
        return None
    return replace(value.findings, passages=passages) if isinstance(passages, tuple) else None


def _module_digest(module: Module, key: str, found: Findings | None, passages: bool) -> str:
    """The digest of what a module's parts read: its findings' key when it is those very items (no
    pictures read since), else its ``repr``'s, which would cost a one-card edit of a large course a tenth
    of its time."""
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


def _notes_format(chosen: Sequence[Format[Any]]) -> Format[Any]:
    """The format the ledger is settled from: the .apkg's when it is built (its parts also hold what
    genanki writes), else the Anki notes alone."""
    from ccpkit.export.anki import ANKI, ANKI_NOTES

    return ANKI if ANKI in chosen else ANKI_NOTES


def _prepare(formats: Sequence[Format[Any]], options: ExportOptions) -> None:
    """A helper's warm-up: load what the slow formats' parts need."""
    for fmt in formats:
        fmt.prepare(options)


def _write(
    request: Request, previous: Manifest, files: Mapping[str, Exported], stamps: Stamps
) -> tuple[dict[str, list[Path]], dict[str, list[Path]], dict[str, dict[str, str]]]:
    """Write the files whose bytes changed; per format, those written, those up to date, and each with
    its digest. A full build deletes the files the last one wrote and none makes now (a removed
    module's sheet); a build of some modules keeps the others'."""
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
            written_digest = recorded[name][str(output.path)]
            fresh = stamps.write(out, output.path, (output.data,), written_digest) is not None
            (written[name] if fresh else unchanged[name]).append(out / output.path)
        for path in set(before) - set(recorded[name]):
            (out / path).unlink(missing_ok=True)
    return written, unchanged, recorded


def _settings(options: ExportOptions) -> str:
    """The options as the build's digests take them: the templates by their files (digested apart), not
    by how their folder's path is spelled, so ``--templates templates`` and its absolute path share parts."""
    return repr(replace(options, templates=Path()))


def _with_ledger(sources: str, notes: Path, stamps: Stamps) -> str:
    """The build's input digest: the sources and the ledger as it is now (a build may rewrite it)."""
    return digest(sources, stamps.digest_files([notes / LEDGER_NAME]))
