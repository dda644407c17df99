"""What a sync did (or, with ``--dry-run``, would do), in the build report's words."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ccpkit.errors import Problem
from ccpkit.report import LISTED, counted, problem_lines
from ccpkit.sync.decisions import ORPHAN_TAG, Plan
from ccpkit.sync.record import KEPT_RECORDS
from ccpkit.sync.state import PicturesCopied


@dataclass(frozen=True, slots=True, kw_only=True)
class SyncReport:
    counts: str
    problems: tuple[Problem, ...]
    collection: Path
    plan: Plan
    notes: Path
    """The notes folder (conflicts name ``notes/path:line``)."""
    dry_run: bool = False
    keep_anki: bool = False
    record_lost: bool = False
    """The collection names a sync whose record is gone: edits were told apart by times alone."""
    pictures: PicturesCopied = field(default_factory=PicturesCopied)
    backup: Path | None = None
    conflicts_file: Path | None = None
    deleted_file: Path | None = None
    """The fields of the notes ``--delete-orphans`` deleted, as Anki held them."""
    written: tuple[Path, ...] = ()

    @property
    def failed(self) -> bool:
        """The notes hold errors (those items were left out, and orphans were not retired), or a
        picture could not be copied into the collection's media."""
        return any(problem.severity == "error" for problem in self.problems) or bool(self.pictures.left)

    def summary(self, *, verbose: bool = False) -> str:
        """Every error, the warnings of the notes files whose Anki notes this sync changes (a count
        of the others, as a build counts those of unchanged notes), then what changed. ``verbose``:
        every warning. The info lines (ids ccpkit chose) are ``check``'s, as in a build's report."""
        plan = self.plan
        touched = _touched_files(plan)
        lines = [
            self.counts,
            *problem_lines(
                self.problems, lambda p: p.location.path in touched, every_warning=verbose, infos=False
            ),
        ]
        doing = "would sync" if self.dry_run else "synced"
        lines.append(f"{doing} {self.collection}")
        if self.record_lost:
            lines.append(
                "the collection names a sync whose record is gone (the backup of a sync more than "
                f"{KEPT_RECORDS} syncs ago, or another computer's sync): your edits were told from the "
                "notes' by times alone, so a conflict below may be none, and a card sync moved since "
                "may stay in the deck it had then"
            )
        conflicts = len({(c.note.guid) for c in plan.conflicts})
        retired = "deleted" if plan.deleted else "retired"
        lines.append(
            f"anki notes: {len(plan.added)} added, {len(plan.updated)} updated, {_moved(plan)} moved, "
            f"{len(plan.deleted or plan.retired)} {retired}, {len(plan.restored)} restored, "
            f"{counted(conflicts, 'conflict')}, {plan.unchanged} unchanged"
        )
        if plan.updated or plan.moved or plan.unchanged:  # on a first sync every note is new: no list
            again = set(plan.readded)
            lines += _listed("added", [note.id for note in plan.added if note.id not in again])
        lines += _listed(
            "added again, deleted in Anki but still in the notes (remove it there to keep it out)",
            plan.readded,
        )
        lines += _listed("updated", [f"{u.note.id} ({', '.join(u.changed)})" for u in plan.updated])
        lines += _listed("kept your edits", [f"{note.id} ({', '.join(names)})" for note, names in plan.kept])
        lines += _kept_earlier(plan, verbose=verbose)
        lines += _listed(
            "left alone, as you changed its note type in Anki", [note.id for note in plan.retyped]
        )
        pairs = Counter(_moves(plan).values())  # notes, as the count above
        lines += _listed("moved", [f"{old} → {new} ({count})" for (old, new), count in pairs.items()])
        lines += _listed(f"retired (tagged {ORPHAN_TAG}, suspended)", [o.note_id for o in plan.retired])
        lines += _listed("deleted", [orphan.note_id for orphan in plan.deleted])
        lines += _listed(
            "suspended again, as Anki's Reset put it back among your new cards (to study it, unsuspend it)",
            [orphan.note_id for orphan in plan.resuspended],
        )
        lines += _listed("restored", [restore.note.id for restore in plan.restored])
        lines += _listed(
            "restored, its cards left suspended (no record tells which sync suspended: unsuspend them in "
            "Anki's browser)",
            [restore.note.id for restore in plan.restored if restore.left_suspended],
        )
        winner = "Anki's text kept" if self.keep_anki else "the notes' text won"
        lines += _listed(
            f"conflict ({winner})",
            [
                f"{self.notes / c.note.source.path}:{c.note.source.line} {c.note.id} ({c.field})"
                for c in plan.conflicts
            ],
        )
        if plan.not_retired:
            lines.append(
                f"  {plan.not_retired} orphan(s) not retired: the notes hold errors (or warnings that may "
                "hide notes: a block left open, notes read into a question), fix them and sync again"
            )
        lines += _listed("note type updated", [f"{t.name} ({', '.join(t.changed)})" for t in plan.note_types])
        lines += _listed("kept your styling", list(plan.kept_styles))
        if count := plan.kept_styles_earlier:
            verb = "keeps" if count == 1 else "keep"
            lines.append(f"  {counted(count, 'note type part')} {verb} your styling from earlier syncs")
        lines += _listed(
            "replaced your styling, as it showed a field of ours renamed or removed in Anki",
            list(plan.replaced_styles),
        )
        restyled = [f"{part.name} ({part.part})" for part in plan.restyled]
        lines += _listed(
            "replaced your styling, as the notes' templates changed",
            [name for name in restyled if name not in plan.replaced_styles],
        )
        lines += _listed("empty deck removed", list(plan.removed_decks))
        if self.pictures.copied:
            lines.append(f"  pictures copied into collection.media: {self.pictures.copied}")
        if self.pictures.left:
            lines.append(
                f"  {counted(self.pictures.left, 'picture')} not copied into collection.media "
                f"({self.pictures.reason}): cards show no picture there until a sync copies it (free "
                "some space, then run ccpkit sync again)"
            )
        if self.conflicts_file:
            lines.append(f"conflicts saved in {self.conflicts_file}")
        if self.deleted_file:
            lines.append(f"deleted notes saved in {self.deleted_file}")
        if self.backup:
            lines.append(f"backup: {self.backup}")
        lines += [f"wrote {path}" for path in self.written]
        if self.dry_run:
            lines.append("dry run: nothing was written")
        elif plan.conflicts and not plan.writes:  # --keep-anki: the notes and Anki still differ
            lines.append("the collection was left as it is: the conflicts above kept Anki's text")
        elif not plan.writes and self.backup:  # a first sync: the record's name is all it wrote
            lines.append("the collection's notes were already up to date: sync wrote only its record's name")
        elif not plan.writes and not self.pictures.copied and not self.pictures.left:
            lines.append("the collection was already up to date")
        return "\n".join(lines)


def _kept_earlier(plan: Plan, *, verbose: bool) -> list[str]:
    """The edits earlier syncs kept, still kept: listed with ``verbose``, else counted (the sync that
    first kept each listed it), as a build counts the warnings of unchanged notes."""
    if verbose:
        return _listed(
            "kept your edits at earlier syncs",
            [f"{note.id} ({', '.join(names)})" for note, names in plan.kept_earlier],
        )
    count = len(plan.kept_earlier)
    verb = "keeps" if count == 1 else "keep"
    return (
        [f"  {counted(count, 'note')} {verb} your edits from earlier syncs — `-v` lists them"]
        if count
        else []
    )


def _touched_files(plan: Plan) -> frozenset[str]:
    """The notes files (paths inside the notes folder) of the notes this sync adds, updates, moves,
    restores or finds in conflict: its "changed notes", whose warnings are news."""
    notes = [
        *plan.added,
        *(update.note for update in plan.updated),
        *(note for note, _ in plan.kept),
        *(conflict.note for conflict in plan.conflicts),
        *(move.note for move in plan.moved),
        *(restore.note for restore in plan.restored),
    ]
    return frozenset(note.source.path for note in notes)


def _moved(plan: Plan) -> int:
    return len(_moves(plan))


def _moves(plan: Plan) -> dict[str, tuple[str, str]]:
    """Each note sync moves (by id, once however many of its cards move) → its old and new deck."""
    return {move.note.id: (move.old, move.new) for move in plan.moved}


def _listed(what: str, texts: Sequence[str]) -> list[str]:
    lines = [f"  {what}: {text}" for text in texts[:LISTED]]
    if len(texts) > LISTED:
        lines.append(f"  {what}: … and {len(texts) - LISTED} more")
    return lines
