"""Human-readable summaries: counts per module and kind (`check`, `build`) and what a build did."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ccpkit.errors import Problem
from ccpkit.export.anki_search import id_search
from ccpkit.ledger import Reconciliation
from ccpkit.model import Deck, Kind

LISTED = 20
"""At most this many ids are listed per kind of change; the rest are counted."""
_KINDS: tuple[tuple[Kind, str], ...] = (("card", "cards"), ("table", "tables"), ("mcq", "MCQs"))


def format_counts(deck: Deck) -> str:
    """One line per module with its items per kind, then a total line."""
    lines = []
    totals: Counter[Kind] = Counter()
    width = max((len(module.title) for module in deck.modules), default=5)
    for module in deck.modules:
        counts = Counter(item.kind for item in module.items)
        totals.update(counts)
        lines.append(f"{module.number:>3} {module.title:<{width}}  {_kinds(counts)}")
    lines.append(f"{'':>3} {'total':<{width}}  {_kinds(totals)}")
    return "\n".join(lines)


def _kinds(counts: Counter[Kind]) -> str:
    return "  ".join(f"{counts[kind]:>4} {label}" for kind, label in _KINDS)


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

    @property
    def failed(self) -> bool:
        """The notes hold errors: the outputs were written without the rejected items."""
        return any(problem.severity == "error" for problem in self.problems)

    def summary(self) -> str:
        lines = [self.counts, *(str(p) for p in self.problems)]
        if self.skipped:
            lines.append(f"{self.skipped} item{'s' if self.skipped != 1 else ''} skipped, see above")
        if self.changes is not None:
            lines += describe_changes(self.changes)
        lines += [f"wrote {path}" for path in self.written]
        if self.unchanged:
            count, folder = len(self.unchanged), _common(self.unchanged)
            lines.append(f"{count} output{'s' if count != 1 else ''} already up to date in {folder}")
        return "\n".join(lines)


def describe_changes(changes: Reconciliation) -> list[str]:
    """What the ``.apkg`` does to each note on re-import, then what it cannot do and what to run then."""
    counts = [
        f"{len(changes.added)} added",
        f"{len(changes.updated)} updated",
        *([f"{len(changes.restored)} restored"] if changes.restored else []),
        f"{changes.unchanged} unchanged",
        f"{len(changes.orphaned)} orphaned",
    ]
    lines = [f"anki notes: {', '.join(counts)}"]
    present = len(changes.ledger.notes) - len(changes.orphaned) - len(changes.standing_orphans)
    if len(changes.added) < present:  # on a first build every note is new: no list
        lines += _listed("added", changes.added)
    lines += _listed("updated", changes.updated)
    lines += _listed("renamed (history kept)", [f"{old} -> {new}" for old, new in changes.renamed])
    lines += _listed("restored (Anki adds it again if you deleted it there)", changes.restored)
    orphans = [f"{key}  (find it in Anki: {id_search(key)})" for key in changes.orphaned]
    lines += _listed("orphaned, removed from the notes but still in Anki (import never deletes)", orphans)
    lines += _cannot_do(changes)
    return lines


def _cannot_do(changes: Reconciliation) -> list[str]:
    """What an import of this ``.apkg`` leaves undone, said when it happens, with the way out."""
    lines = []
    if changes.standing_orphans:
        count = len(changes.standing_orphans)
        lines.append(
            f"{_notes(count)} removed at earlier builds {'is' if count == 1 else 'are'} still in Anki: "
            "`ccpkit orphans` lists them, `ccpkit orphans --forget` stops counting them"
        )
    if changes.moved:
        lines.append(
            f"{_notes(len(changes.moved))} moved to another deck: Anki never moves an existing card, so "
            "their cards stay in the old deck (`ccpkit sync` moves them)"
        )
        pairs = Counter((move.home, move.deck) for move in changes.moved)
        lines += _listed("moved", [f"{n} from {old!r} to {new!r}" for (old, new), n in pairs.items()])
    if changes.pending:
        lines.append(
            f"{_notes(len(changes.pending))} with a new context, id, tag or deck that no .apkg has sent, "
            "as their study text did not change (so your edits and tags in Anki stay): they go with its "
            "next change; `ccpkit sync` applies them in place"
        )
    if changes.updated:
        lines.append(
            "notes changed since the last build: Anki skips any you touched there since "
            "(studying does not count, editing or marking does) \N{EM DASH} `ccpkit sync` checks"
        )
    return lines


def _notes(count: int) -> str:
    return f"{count} note{'s' if count != 1 else ''}"


def _listed(what: str, ids: Sequence[str]) -> list[str]:
    lines = [f"  {what}: {text}" for text in ids[:LISTED]]
    if len(ids) > LISTED:
        lines.append(f"  {what}: … and {len(ids) - LISTED} more")
    return lines


def _common(paths: Sequence[Path]) -> Path:
    """The folder holding all of ``paths``."""
    return Path(os.path.commonpath([path.parent for path in paths])) if paths else Path()
