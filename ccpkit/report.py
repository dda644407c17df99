"""Human-readable summaries: counts per module and kind (`check`, `build`) and what a build did."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, assert_never, get_args

from ccpkit.errors import Problem

if TYPE_CHECKING:  # imported where used: a build with nothing to do counts no items, reports no changes
    from ccpkit.ledger import Reconciliation
    from ccpkit.model import Deck, Kind

LISTED = 20
"""At most this many ids are listed per kind of change; the rest are counted."""
_OPTIONAL_KINDS: frozenset[Kind] = frozenset({"cloze"})
"""Counted only in a deck that has some, so notes without clozes report as they always did."""


def _plural(kind: Kind) -> str:
    """What a count of ``kind`` is called; exhaustive, so a new kind cannot go uncounted."""
    match kind:
        case "card":
            return "cards"
        case "table":
            return "tables"
        case "mcq":
            return "MCQs"
        case "cloze":
            return "clozes"
        case _:
            assert_never(kind)


def format_counts(deck: Deck, course: Deck | None = None, *, left: str = "not rebuilt") -> str:
    """One line per module with its items per kind, then a total line; for ``deck``, some modules of
    ``course`` (``--module``), a line counting the others, ``left`` as they were (their outputs not
    rebuilt, their notes not synced)."""
    lines = []
    totals: Counter[Kind] = Counter(item.kind for item in deck.items())
    kinds = _counted(totals)
    width = max((len(module.title) for module in deck.modules), default=5)
    for module in deck.modules:
        counts = Counter(item.kind for item in module.items)
        lines.append(f"{module.number:>3} {module.title:<{width}}  {_kinds(counts, kinds)}")
    lines.append(f"{'':>3} {'total':<{width}}  {_kinds(totals, kinds)}")
    if others := _left_out(deck, course):
        lines.append(f"{'':>3} {left}: {counted(len(others), 'other module')}")
    return "\n".join(line.rstrip() for line in lines)


def _left_out(deck: Deck, course: Deck | None) -> list[str]:
    """The slugs of ``course``'s modules that ``deck`` (some of them) leaves out."""
    built = {module.slug for module in deck.modules}
    return [module.slug for module in course.modules if module.slug not in built] if course else []


def _numbered(numbers: Sequence[int]) -> str:
    """``module 2``, ``modules 1, 3`` (the course-level files' modules, all numbered 0, named once)."""
    shown = list(dict.fromkeys(numbers))
    return f"module{'s' if len(shown) != 1 else ''} {', '.join(map(str, shown))}"


def counted(count: int, noun: str) -> str:
    """``1 module``, ``13 modules``: a count and its noun, plural but for one."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def format_total(deck: Deck, course: Deck | None = None) -> str:
    """The counts in one line: ``13 modules, 973 cards, 72 tables, 106 MCQs``; for ``deck``, some
    modules of ``course`` (``--module``), what they hold: ``module 2 of 13 (the others not rebuilt),
    …``."""
    counts = Counter(item.kind for item in deck.items())
    kinds = ", ".join(f"{counts[kind]} {_named(kind, counts[kind])}" for kind in _counted(counts))
    if not (others := _left_out(deck, course)):
        return f"{counted(len(deck.modules), 'module')}, {kinds}"
    built = _numbered([module.number for module in deck.modules])
    of = len(deck.modules) + len(others)
    return f"{built} of {of} (the other{'s' if len(others) != 1 else ''} not rebuilt), {kinds}"


def _counted(totals: Counter[Kind]) -> tuple[Kind, ...]:
    """Every item kind in the order the model lists them, but the optional ones none of ``totals`` is."""
    from ccpkit.model import Kind  # loaded with the deck that was counted

    return tuple(kind for kind in get_args(Kind) if kind not in _OPTIONAL_KINDS or totals[kind])


def _named(kind: Kind, count: int) -> str:
    return _plural(kind) if count != 1 else _plural(kind)[:-1]


def _kinds(counts: Counter[Kind], kinds: Sequence[Kind]) -> str:
    """``  12 cards     1 table      3 MCQs``: a column per kind, singular for one."""
    return "  ".join(
        f"{counts[kind]:>4} {_named(kind, counts[kind]):<{len(_plural(kind))}}" for kind in kinds
    )


Verbosity = Literal["quiet", "normal", "verbose"]
"""How much a build says: errors only; what a person needs to read; everything."""


@dataclass(frozen=True, slots=True)
class OutputFiles:
    """How many output files of each format a build wrote into ``folder``, and how many it found up
    to date there (formats in build order)."""

    folder: Path
    written: Mapping[str, int] = field(default_factory=dict)
    kept: Mapping[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        """One line: ``anki 1 file, csv 77, pdf 16, json 1 → build/``."""
        if not any(self.written.values()):
            return f"up to date: {_per_format(self.kept)} in {self.folder}/"
        kept = sum(self.kept.values())
        return f"{_per_format(self.written)} → {self.folder}/" + (f" ({kept} up to date)" if kept else "")


def _per_format(files: Mapping[str, int]) -> str:
    shown = [(name, count) for name, count in files.items() if count]
    if not shown:
        return "no files"
    first, *rest = shown
    return ", ".join([f"{first[0]} {counted(first[1], 'file')}", *(f"{n} {c}" for n, c in rest)])


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
    unchanged: tuple[Path, ...] = ()
    """Outputs that were up to date, so nothing was redone for them."""
    total: str = ""
    """The counts in one line (``format_total``)."""
    files: OutputFiles | None = None
    """Output files per format, written and up to date."""
    reread: frozenset[str] | None = None
    """The notes files this build parsed afresh (``None``: all). Their problems are shown in full;
    the other notes' warnings are counted, as the last build showed them already."""
    remade: tuple[str, ...] = ()
    """The targets this build made afresh rather than took from its store: ``parse 02-compute``,
    ``pdf 02-compute`` (a format's part of a module), ``pdf pdf/course.pdf`` (a whole)."""

    @property
    def failed(self) -> bool:
        """The notes hold errors: the outputs were written without the rejected items."""
        return any(problem.severity == "error" for problem in self.problems)

    def summary(self, verbosity: Verbosity = "normal") -> str:
        """What to print: every error always; in ``normal`` the warnings of the notes this build
        re-read, a count of the others, one line per kind of output; in ``verbose`` everything (the
        infos too)."""
        if verbosity == "quiet":
            return "\n".join(str(p) for p in self.problems if p.severity == "error")
        verbose = verbosity == "verbose"
        lines = problem_lines(self.problems, self._reread, every_warning=verbose, infos=verbose)
        if self.skipped:
            named = "they name" if self.skipped != 1 else "it names"
            lines.append(
                f"{counted(self.skipped, 'error')}: what {named} is left out of the outputs, see above"
            )
        lines.append(self.counts if verbose or not self.total else self.total)
        if self.changes is not None:
            lines += describe_changes(self.changes)
        folder = self.files.folder if self.files is not None else None
        lines += [
            f"wrote {p}" for p in self.written if verbose or folder is None or not p.is_relative_to(folder)
        ]
        if self.files is not None:
            lines.append(self.files.summary())
        return "\n".join(lines)

    def _reread(self, problem: Problem) -> bool:
        """Whether the problem is in the notes this build re-read (the others' the last build showed): at
        a file re-read, or at a folder (a module's) holding one."""
        if self.reread is None or problem.location.path in self.reread:
            return True
        folder = f"{problem.location.path.rstrip('/')}/"
        return any(path.startswith(folder) for path in self.reread)


def problem_lines(
    problems: Iterable[Problem], news: Callable[[Problem], bool], *, every_warning: bool, infos: bool
) -> list[str]:
    """Every error; the warnings that are ``news`` (all of them if ``every_warning``) or may hide items,
    then one line counting the others, so that running again does not repeat what the last run said;
    the infos (ids ccpkit chose, which wait for ``check``) only if ``infos``."""
    lines, hidden = [], 0
    for problem in problems:
        match problem.severity:
            case "error":
                lines.append(str(problem))
            case "warning" if every_warning or problem.hides or news(problem):
                lines.append(str(problem))
            case "warning":
                hidden += 1
            case "info" if infos:
                lines.append(str(problem))
    if hidden:
        many = "s" if hidden != 1 else ""
        lines.append(f"{hidden} warning{many} in unchanged notes — `-v` lists them")
    return lines


def describe_changes(changes: Reconciliation) -> list[str]:
    """What the ``.apkg`` does to each note on re-import, then what it cannot do and what to run then."""
    from ccpkit.ledger.browser_search import note_searches

    counts = [
        f"{len(changes.added)} added",
        f"{len(changes.updated)} updated",
        *([f"{len(changes.restored)} restored"] if changes.restored else []),
        f"{changes.unchanged} unchanged",
        f"{len(changes.orphaned)} orphaned",
        *([f"{len(changes.held)} held"] if changes.held else []),
    ]
    lines = [f"anki notes: {', '.join(counts)}"]
    present = changes.unchanged + len(changes.added) + len(changes.updated) + len(changes.restored)
    if len(changes.added) < present:  # on a first build every note is new: no list
        lines += _listed("added", changes.added)
    lines += _listed("updated", changes.updated)
    lines += _listed("renamed (history kept)", [f"{old} -> {new}" for old, new in changes.renamed])
    lines += _listed("restored (Anki adds it again if you deleted it there)", changes.restored)
    searches = note_searches(changes.ledger, changes.orphaned[:LISTED])  # the rest are counted
    orphans = [f"{key}  (find it in Anki: {search})" for key, search in searches.items()]
    orphans += changes.orphaned[LISTED:]
    lines += _listed("orphaned, removed from the notes but still in Anki (import never deletes)", orphans)
    held = (
        "held, as the notes around them hold an error or a warning that may hide them (the problems "
        "reported say which: a missing picture, a code fence or <details> left open …; fix them: not "
        "orphaned, nothing to delete in Anki)"
    )
    lines += _listed(held, changes.held)
    if changes.waiting:
        count = len(changes.waiting)
        lines.append(
            f"{counted(count, 'note')} of modules not built changed since sent: "
            f"{'it waits' if count == 1 else 'they wait'} for a build that includes them"
        )
    lines += _cannot_do(changes)
    return lines


def _cannot_do(changes: Reconciliation) -> list[str]:
    """What an import of this ``.apkg`` leaves undone, said when it happens, with the way out."""
    lines = []
    if changes.standing_orphans:
        count = len(changes.standing_orphans)
        lines.append(
            f"{counted(count, 'note')} removed at earlier builds {'is' if count == 1 else 'are'} still in "
            "Anki: `ccpkit orphans` lists them, `ccpkit orphans --forget` stops counting them"
        )
    if changes.moved:
        lines.append(
            f"{counted(len(changes.moved), 'note')} moved to another deck: Anki never moves an existing "
            "card, so their cards stay in the old deck (`ccpkit sync` moves them)"
        )
        pairs = Counter((move.home, move.deck) for move in changes.moved)
        lines += _listed("moved", [f"{n} from {old!r} to {new!r}" for (old, new), n in pairs.items()])
    if changes.pending:
        lines.append(
            f"{counted(len(changes.pending), 'note')} with a new context, id, tag or deck that no .apkg "
            "has sent, as their study text did not change (so your edits and tags in Anki stay): they go "
            "with its next change; `ccpkit sync` applies them in place"
        )
        lines += _listed("waiting", changes.pending)
    if changes.restyled:
        lines.append(
            "card templates changed since the last build: importing the package restyles ccpkit's note "
            "types, history kept; if you chose a note type's sort field in Anki, `ccpkit sync` instead (an "
            "import puts it back, which makes AnkiWeb ask for a one-way sync, and skips this build's updates)"
        )
    if changes.updated:
        lines.append(
            "notes changed since the last build: importing the package replaces them, your edits in Anki "
            "included, but skips any you touch there after this build (studying does not count, unless "
            "Anki tags a leech; editing or marking does) \N{EM DASH} `ccpkit sync` keeps your edits and "
            "brings such updates in"
        )
    return lines


def _listed(what: str, ids: Sequence[str]) -> list[str]:
    lines = [f"  {what}: {text}" for text in ids[:LISTED]]
    if len(ids) > LISTED:
        lines.append(f"  {what}: … and {len(ids) - LISTED} more")
    return lines
