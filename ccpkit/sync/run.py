"""``ccpkit sync``: the build's Anki notes applied to a student's collection in place.

The notes get the same identities as in the .apkg (the ledger is settled and recorded exactly as a
build does), so sync and .apkg imports can be mixed. Order: read and settle everything, refuse a
locked collection, plan; then save the conflicts and a backup, write the record, apply the plan in
one transaction, and record the ledger last.
"""

from __future__ import annotations

import itertools
import shlex
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import cache, partial
from pathlib import Path, PurePosixPath
from types import ModuleType
from typing import Any

from ccpkit.build import keep_ledger
from ccpkit.cloze_syntax import GONE, PARTS_APART, Hidden, edits, hidden_parts
from ccpkit.errors import CcpkitError, UsageError, WriteError
from ccpkit.export import ExportOptions, Output
from ccpkit.export.anki.card_templates import read_templates, templates_of
from ccpkit.export.anki.identities import settle_identities
from ccpkit.export.anki.media import pictures_shown
from ccpkit.export.anki.notes import (
    AnkiNote,
    card_problems,
    course_draft,
    fingerprint,
    study_digests,
)
from ccpkit.export.anki.notetypes import CLOZE
from ccpkit.ledger import (
    LEDGER_NAME,
    Entry,
    Ledger,
    Reconciliation,
    dump_ledger,
    entries_before,
    load_ledger,
    only_sent,
    record_ledger,
)
from ccpkit.ledger.last import LAST_LEDGER, OtherCourseLedgerError, with_last
from ccpkit.ledger.reconcile import kept_aside
from ccpkit.ledger.scope import require_named
from ccpkit.parse import Parsed, parse_notes
from ccpkit.progress import Progress
from ccpkit.report import format_counts
from ccpkit.scope import only_modules, require_outside
from ccpkit.stamps import Stamps
from ccpkit.store import FOLDER_NAME
from ccpkit.sync.conflicts import conflicts_markdown, deleted_markdown
from ccpkit.sync.decisions import Choices, Plan, Wanted, plan_sync, reads_as, with_parents
from ccpkit.sync.locate import Located
from ccpkit.sync.record import (
    SyncRecord,
    Written,
    dump_record,
    load_record,
    named_generation,
    remove_other_records,
    resave_record,
    save_record,
)
from ccpkit.sync.state import CollectionState, FoundNote
from ccpkit.sync.summary import SyncReport
from ccpkit.write import write_atomically

INSTALL_HINT = "ccpkit sync needs the Anki library: pip install 'ccpkit[sync]' (or pip install anki)"


@dataclass(frozen=True, slots=True, kw_only=True)
class SyncOptions:
    choices: Choices = field(default_factory=Choices)
    dry_run: bool = False
    modules: tuple[int, ...] = ()


def sync(
    notes: Path,
    out: Path,
    located: Located,
    *,
    options: ExportOptions,
    title: str | None,
    highlight_clozes: bool = True,
    settings: SyncOptions | None = None,
    clock: Callable[[], float] = time.time,
    progress: Progress | None = None,
    before_writing: Callable[[Plan], object] = lambda _plan: None,
    finishing: HeldInterrupts | None = None,
) -> SyncReport:
    """Bring the collection at ``located`` up to date with ``notes``; ``out`` (the build folder) receives a
    conflicts file, and the synced ledger for the next build (``keep_ledger``).

    ``before_writing`` sees the plan before anything is written (the CLI says how many orphans it is
    about to delete); it is not called on a dry run or when there is nothing to write. ``finishing``
    holds Ctrl-C from the transaction on: given, the caller stops it once it has shown the report (a
    Ctrl-C cannot cut the report of a finished sync off); else the sync stops it as it returns."""
    require_outside(notes, out)  # a conflicts file there would be read back as notes
    progress = progress or Progress()
    held = finishing or HeldInterrupts()
    try:
        settings = settings or SyncOptions()
        parse = partial(parse_notes, notes, title=title, highlight_clozes=highlight_clozes)
        named = title is not None or bool(options.deck_name)
        return _sync(
            notes, out, located, options, parse, named, settings, clock, progress, before_writing, held
        )
    finally:
        progress.finish()
        if finishing is None:
            held.stop()


def _sync(
    notes: Path,
    out: Path,
    located: Located,
    options: ExportOptions,
    parse: Callable[[], Parsed],
    named: bool,
    settings: SyncOptions,
    clock: Callable[[], float],
    progress: Progress,
    before_writing: Callable[[Plan], object],
    finishing: HeldInterrupts,
) -> SyncReport:
    anki_collection = _anki()
    try:
        ledger, two_courses = _ledger_caught_up(notes, out / FOLDER_NAME), None
    except OtherCourseLedgerError as error:
        ledger, two_courses = error.ledger, error  # which is the course's, the collection tells
    progress.step("parsing notes")
    parsed = parse()
    require_named(ledger, notes, parsed.deck.title, named=named)
    deck = only_modules(parsed.deck, settings.modules)  # usage errors before the collection is opened
    options = read_templates(options)
    templates = templates_of(options)
    now = int(clock())
    progress.step("reading the collection")
    with anki_collection.opened(located.collection) as collection:
        ids_in_anki = cache(partial(anki_collection.guids_by_id, collection))  # read at most once
        if two_courses is not None:
            _require_the_files_notes_in_anki(two_courses, ids_in_anki())
        found = load_record(located.collection, anki_collection.record_generation(collection))
        record = found or SyncRecord()
        read_state = partial(anki_collection.read_state, collection)
        ledger = _students_clozes_kept(ledger, record, read_state)
        in_error = parsed.in_error
        draft = course_draft(parsed.deck, options)  # rendered once: settled, then the notes made from it
        settle = partial(
            settle_identities, deck=parsed.deck, options=options, now=now, in_error=in_error, draft=draft
        )
        changes, settled = settle(ledger)
        if changes.added and not ledger.notes:  # lost with the build folder, or never kept
            known = _known_in_anki(ledger, changes, ids_in_anki(), read_state, record)
            if known is not ledger:
                ledger = known
                changes, settled = settle(ledger)
        slugs = {module.slug for module in deck.modules}
        wanted_notes = draft.notes_of(settled.identities, slugs)
        previous = entries_before(ledger, changes)
        synced_ledger = only_sent(previous, changes.ledger, slugs) if settings.modules else changes.ledger
        choices = replace(settings.choices, retire=settings.choices.retire and not parsed.in_error)
        desired = {note.guid for note in wanted_notes}
        held = set(changes.held)  # missing while the notes hold errors (or hide notes): never retired
        alive = {e.guid for key, e in changes.ledger.notes.items() if not e.orphaned and key not in held}
        orphans = {  # an item moved to a module not synced now is no orphan: it is alive there
            guid: note_id
            for guid, note_id in _orphans(changes, record)
            if guid not in alive and (not settings.modules or note_id.split("/", 1)[0] in slugs)
        }
        templates_modified = settled.templates_modified or max(
            (n.modified for n in wanted_notes), default=now
        )
        wanted = Wanted(
            notes=wanted_notes,
            templates=templates,
            templates_modified=templates_modified,
            orphans=orphans,
            previous={key: entry.modified for key, entry in previous.items()},
            changed=frozenset((*changes.updated, *changes.added, *changes.restored)),
            homes={key: entry.home for key, entry in previous.items()},
            sent={key: entry.study for key, entry in previous.items() if entry.study},
            superseded={key: entry.superseded for key, entry in previous.items() if entry.superseded},
            waiting=frozenset(changes.pending),
        )
        state = anki_collection.read_state(collection, [*desired, *orphans])
        _require_no_filtered_deck_in_the_way(wanted_notes, state)
        if ledger.notes and desired and not desired & state.notes.keys():  # none of them in Anki
            _require_the_courses_ledger(notes, out, wanted_notes, ids_in_anki(), read_state)
        plan = plan_sync(wanted, state, record, choices)
        if plan.deleted and not wanted_notes:
            raise EveryNoteDeletedError(len(plan.deleted), notes, some_modules=bool(settings.modules))
        report = SyncReport(
            counts=format_counts(deck, parsed.deck, left="not synced"),
            problems=tuple(sorted((*parsed.problems, *card_problems(parsed.deck)))),
            collection=located.collection,
            plan=plan,
            notes=notes,
            dry_run=settings.dry_run,
            keep_anki=choices.keep_anki,
            record_lost=found is None,
        )
        if settings.dry_run:
            return report
        pictures = pictures_shown(parsed.deck.pictures, wanted_notes)
        shown = partial(anki_collection.media_shown, collection)
        generation = named_generation(anki_collection.record_generation(collection))
        recorded = dump_record(plan.record) == dump_record(record)
        if not plan.writes and (recorded or generation):
            conflicts_file = _conflicts_saved(
                plan, state, notes, out, located.collection, choices, now, shown
            )
            if generation and not recorded:
                resave_record(located.collection, generation, plan.record)  # no backup: Anki's unchanged
            copied = anki_collection.add_pictures(collection, pictures)  # those a sync cut short left out
            written = _recorded(notes, out, _as_synced(synced_ledger, wanted_notes, plan, state))
            return replace(report, conflicts_file=conflicts_file, written=written, pictures=copied)
        before_writing(plan)
        _require_writable(notes)  # the ledger goes there after the collection: refused, nothing is synced
        conflicts_file = _conflicts_saved(plan, state, notes, out, located.collection, choices, now, shown)
        deleted_file = _deleted_saved(plan, state, out, located.collection, now, shown)
        progress.step("backing up the collection")
        backup = anki_collection.back_up(collection, located.backups)
        generation = save_record(located.collection, plan.record)
        finishing.start()  # from here on the collection and the ledger are written together
        anki_collection.apply(collection, plan, state, templates, templates_modified, generation, progress)
        copied = anki_collection.add_pictures(collection, pictures)
        dated = anki_collection.note_times(collection, _written_guids(plan))
    remove_other_records(located.collection, generation)
    written = _recorded(notes, out, _as_synced(synced_ledger, wanted_notes, plan, state, dated))
    return replace(
        report,
        backup=backup,
        conflicts_file=conflicts_file,
        deleted_file=deleted_file,
        written=written,
        pictures=copied,
    )


def _conflicts_saved(
    plan: Plan,
    state: CollectionState,
    notes: Path,
    out: Path,
    collection: Path,
    choices: Choices,
    now: int,
    shown: Callable[[int, str], tuple[Path, ...]],
) -> Path | None:
    """The file holding both sides of each conflict and the student's styling replaced (``None``: none
    to save), written before anything else: what a side loses is never lost. Anki's text that loses
    keeps the pictures (and sounds) it shows, from ``collection.media`` (``shown``: by the student's
    note in Anki and text), copied into a folder of the file's name (``_copied_beside``)."""
    if not (plan.conflicts or plan.restyled):
        return None
    losing = () if choices.keep_anki else plan.conflicts
    files = {conflict.anki: shown(state.notes[conflict.note.guid].id, conflict.anki) for conflict in losing}
    page = partial(
        conflicts_markdown,
        plan.conflicts,
        plan.restyled,
        notes=notes,
        collection=collection,
        keep_anki=choices.keep_anki,
    )
    return _page_saved(out, "conflicts", now, files, page)


def _deleted_saved(
    plan: Plan,
    state: CollectionState,
    out: Path,
    collection: Path,
    now: int,
    shown: Callable[[int, str], tuple[Path, ...]],
) -> Path | None:
    """The file holding the fields of each note ``--delete-orphans`` deletes (``None``: none deleted),
    and the pictures they show copied beside it, written before anything else: words the student wrote
    into one (a mnemonic, a sketch) are not lost with it, and its item renamed past recognition may
    want them back."""
    if not plan.deleted:
        return None
    found = {orphan.note_id: state.notes[orphan.guid] for orphan in plan.deleted}
    files = {
        note_id: tuple(path for text in note.fields.values() for path in shown(note.id, text))
        for note_id, note in found.items()
    }
    page = partial(
        deleted_markdown, [(note_id, note.fields) for note_id, note in found.items()], collection=collection
    )
    return _page_saved(out, "deleted", now, files, page)


def _page_saved(
    out: Path, kind: str, now: int, files: Mapping[str, Sequence[Path]], page: Callable[..., bytes]
) -> Path:
    """``page`` (given ``when`` and the ``media`` copied beside it) written to ``out`` as
    ``sync-<kind>-<time>.md``, with ``files`` copied into the folder of its name."""
    stamp = datetime.fromtimestamp(now, UTC)
    name = _unused(out, f"sync-{kind}-{stamp.strftime('%Y%m%d-%H%M%S')}")
    data = page(when=stamp.strftime("%Y-%m-%d %H:%M:%S UTC"), media=_copied_beside(out, name, files))
    return write_atomically(out, Output(PurePosixPath(f"{name}.md"), data))


def _copied_beside(out: Path, name: str, files: Mapping[str, Sequence[Path]]) -> dict[str, tuple[str, ...]]:
    """The files of ``collection.media`` (by what shows them) copied into the folder ``name`` beside the
    page of that name: shown by no note once the sync is done, Anki's *Check Media* would offer to
    delete them, and its backups hold no media. Each copy's path from the page, by what shows it."""
    for path in {path.name: path for paths in files.values() for path in paths}.values():
        _copied(path, out, PurePosixPath(name, path.name))
    return {key: tuple(f"{name}/{path.name}" for path in paths) for key, paths in files.items()}


def _unused(out: Path, stem: str) -> str:
    """``stem``, or ``stem-2``, ``stem-3`` … where a sync in the same second saved its conflicts under it
    (two ``--module`` syncs from a script): that file may be the only copy of the student's words."""
    names = itertools.chain([stem], (f"{stem}-{number}" for number in itertools.count(2)))
    return next(name for name in names if not (out / f"{name}.md").exists() and not (out / name).exists())


def _copied(path: Path, out: Path, copy: PurePosixPath) -> None:
    """``path`` copied to ``out / copy``; a file that cannot be read stops the sync as one that cannot be
    written does, before the collection is touched."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise WriteError(out / copy, error, fix=f"{path} cannot be read") from None
    write_atomically(out, Output(copy, data))


def _students_clozes_kept(
    ledger: Ledger, record: SyncRecord, read_state: Callable[[list[str]], CollectionState]
) -> Ledger:
    """The ledger with the cloze numbers the student added to a note in Anki (``{{c3::…}}`` in its
    Text, a number the ledger never gave a part) remembered as taken: a part the notes add takes the
    next free number, never the card (and history) of the student's own cloze; the student's very words
    put in the notes take it, as a part put back does (``kept_numbers``). So do the numbers of a copy
    ccpkit sent from another clone of the notes that this ledger never gave (the parts at its own
    numbers are its own, reworded since maybe). ``read_state`` reads the collection's notes of the
    GUIDs given."""
    clozed = {key: entry for key, entry in ledger.notes.items() if entry.clozes and not entry.orphaned}
    found = read_state([entry.guid for entry in clozed.values()]).notes
    taken = {}
    for key, entry in clozed.items():
        note = found.get(entry.guid)
        written = record.notes.get(entry.guid)
        if note is None:
            continue
        sent = _as_ccpkit_sent(note, entry, written)  # an older copy's numbers are ours, or a clone's
        recorded = list(entry.clozes)
        for part in hidden_parts(note.fields.get("Text", ""), highlights=False):
            recorded += [""] * (part.number - len(recorded))
            given = recorded[part.number - 1]
            ours = given.split(PARTS_APART) if given and not given.startswith(GONE) else []
            if (
                not sent
                and ours
                and part.answer not in ours
                and _never_sent(part, ours, note, entry, written)
            ):
                recorded.append(given)  # a build's new part, on the student's number: to a free one
                given = ""
            if not given:
                recorded[part.number - 1] = f"{GONE}{part.answer}"
        if tuple(recorded) != entry.clozes:
            taken[key] = replace(entry, clozes=tuple(recorded))
    return replace(ledger, notes={**ledger.notes, **taken}) if taken else ledger


def _known_in_anki(
    ledger: Ledger,
    changes: Reconciliation,
    guids_by_id: dict[str, list[str]],
    read_state: Callable[[list[str]], CollectionState],
    record: SyncRecord,
) -> Ledger:
    """The ledger, empty as lost with the build folder (or never committed), knowing the notes Anki
    holds under the ids it would add anew: it forgot the GUIDs of notes renamed since they were first
    sent, while Anki's copy of each holds its item's id (``Id``). Such a note, the only one of that
    id, is taken as the note, sent before at no date the ledger knows, where it is this course's: its
    cards are in the course's decks or in top-level decks of the student's own (a course puts cards in
    subdecks only), or the collection's sync record says ccpkit wrote it, under that id, into the
    course's decks (the student may have moved it anywhere since). Its fields are merged as after
    imports (an edit of the student's that differs from the notes is a conflict, saved), never a
    second note beside it."""
    candidates = {
        note_id: guids[0] for note_id in changes.added if len(guids := guids_by_id.get(note_id, [])) == 1
    }
    if not candidates:
        return ledger
    found = read_state(list(candidates.values())).notes
    adopted = {}
    for note_id, guid in candidates.items():
        entry, note = changes.ledger.notes[note_id], found.get(guid)
        course = entry.deck.rpartition("::")[0] + "::"  # the parent deck of the course's module decks
        written = record.notes.get(guid)
        synced_here = written is not None and written.id == note_id and written.deck.startswith(course)
        if (
            note is not None
            and note.cards
            and (
                synced_here
                or all(card.deck.startswith(course) or "::" not in card.deck for card in note.cards)
            )
        ):
            adopted[note_id] = replace(entry, guid=guid, modified=0, study=_NEVER_SENT, superseded=())
    if not adopted:
        return ledger
    # the course's scope a new ledger starts with, kept: a note added later gets the GUID it had before
    return replace(ledger, notes={**ledger.notes, **adopted}, guid_scope=changes.ledger.guid_scope)


def _require_the_files_notes_in_anki(
    error: OtherCourseLedgerError, guids_by_id: dict[str, list[str]]
) -> None:
    """``error`` unless the collection holds more of the notes of the ledger file than of the build
    folder's copy: then the file is the course's (pulled with git, the copy a stale or another course's
    build's), and the sync goes on with it, as read."""
    in_anki = {guid for guids in guids_by_id.values() for guid in guids}

    def held(ledger: Ledger) -> int:
        return sum(entry.guid in in_anki for entry in ledger.notes.values())

    if held(error.ledger) <= held(error.written):
        raise error


def _require_the_courses_ledger(
    notes: Path,
    out: Path,
    wanted: Sequence[AnkiNote],
    guids_by_id: dict[str, list[str]],
    read_state: Callable[[list[str]], CollectionState],
) -> None:
    """A usage error when the ledger knows none of the notes Anki holds under this course's ids in its
    decks, for half its notes or more: it is not the one they were synced with (another course's
    copied over it, or one kept from before the course was first synced elsewhere), and every note
    would be added beside them. A copy the student made of a note or two is no such sign."""
    held = {note.guid: note for note in wanted}
    others = {guid: note for note in wanted for guid in guids_by_id.get(note.id, ()) if guid not in held}
    found = read_state(list(others)).notes
    alike = sorted(
        {
            others[guid].id
            for guid, note in found.items()
            if note.cards and all(card.deck == others[guid].deck for card in note.cards)
        }
    )
    if not alike or len(alike) * 2 < len(wanted):
        return
    file, copy = notes / LEDGER_NAME, out / FOLDER_NAME / LAST_LEDGER
    raise UsageError(
        f"the ledger {file} knows none of the {len(alike)} notes the collection holds under this "
        f"course's ids in its decks (such as {alike[0]}): it is not the ledger they were synced with "
        "(another course's copied over it?), and synced on, each would be added a second time. Put "
        f"the course's own ledger back (git checkout HEAD -- {shlex.quote(str(file))}), or delete it and "
        f"{copy}: sync then finds each note by its id."
    )


_NEVER_SENT = "?"
"""The study digest of a note whose sent text is unknown: no text reads as it, so the note is changed."""


def _as_ccpkit_sent(note: FoundNote, entry: Entry, written: Written | None) -> bool:
    """Whether Anki's copy of a cloze note reads as a text ccpkit sent: as the record has it, or, with
    none, as the ledger's last or earlier texts."""
    if written is not None and "Text" in written.fields:
        return reads_as(note.fields.get("Text", ""), written.fields["Text"])
    theirs = study_digests(CLOZE, [note.fields.get(name, "") for name in CLOZE.study_fields])
    return not {entry.study, *entry.superseded}.isdisjoint(theirs)


def _never_sent(
    part: Hidden, ours: Sequence[str], note: FoundNote, entry: Entry, written: Written | None
) -> bool:
    """Whether the ledger's part at the number of the student's ``part`` is one a build gave since the
    last sync, never sent: the record's numbers tell; with no record of them (another computer's
    collection, an older ccpkit's record), a part of the notes changed after Anki's copy that the
    student's is no edit of."""
    if written is not None and written.clozes:
        return part.number not in written.clozes
    return note.modified < entry.modified and not any(edits(part.answer, own) for own in ours)


class HeldInterrupts:
    """From ``start`` to ``stop`` neither Ctrl-C nor a request to end (``SIGTERM``, a closed terminal's
    ``SIGHUP``) stops the sync: stopped after its transaction but before the ledger is written, it
    would leave Anki ahead of the ledger. A crash or ``kill -9`` in the transaction still rolls it
    back. Each one is noted instead, for the report to say the sync finished first (``said``)."""

    def __init__(self) -> None:
        self.previous: dict[int, Any] = {}
        self.received: list[int] = []

    def start(self) -> None:
        if threading.current_thread() is threading.main_thread():
            self.previous = {held: signal.signal(held, self._note) for held in _HELD_SIGNALS}
            for held in self.previous:  # a system call it lands in goes on, as when ignored (no EINTR)
                if hasattr(signal, "siginterrupt"):  # not on Windows
                    signal.siginterrupt(held, False)

    @property
    def holding(self) -> bool:
        """Started and not stopped: what comes is noted, not acted on."""
        return bool(self.previous)

    def stop(self) -> None:
        for held, handler in self.previous.items():
            signal.signal(held, handler)
        self.previous = {}

    def said(self) -> str:
        """What came while held, and that the sync finished first ("" when nothing came)."""
        if not self.received:
            return ""
        asked = "Ctrl-C" if signal.SIGINT in self.received else "a request to end"
        return (
            f"{asked} came while the sync was finishing: it finished first, as reported above "
            "(the collection and the ledger agree)"
        )

    def _note(self, signum: int, _frame: object) -> None:
        self.received.append(signum)


_HELD_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)  # no SIGHUP on Windows


def _ledger_caught_up(notes: Path, cache: Path) -> Ledger:
    """The ledger file, caught up with the last one a build or sync wrote beside the build folder's
    cache (a file lost, or put back by git, keeps the notes' dates, decks and fields as synced)."""
    return with_last(load_ledger(notes / LEDGER_NAME), notes / LEDGER_NAME, cache, Stamps({}))


def _require_writable(notes: Path) -> None:
    """A ``WriteError`` when the notes folder refuses a new file (read-only, no permission), before the
    collection is written: a synced collection whose ledger cannot follow would have its notes sent
    again by the next build."""
    try:
        with tempfile.TemporaryFile(dir=notes):
            pass
    except OSError as error:
        raise WriteError(notes / LEDGER_NAME, error) from None


def _recorded(notes: Path, out: Path, ledger: Ledger) -> tuple[Path, ...]:
    """Keep the synced ledger for the next build (``keep_ledger``), then write it into the notes folder:
    the collection is already synced, so a notes file that could not be written after all (a disk just
    filled) is caught up from the kept copy by the next build, the notes' texts as synced."""
    data = dump_ledger(ledger)
    keep_ledger(out, ledger, data)
    return record_ledger(notes, ledger, data)


def _anki() -> ModuleType:
    """The Anki-facing module; a clear message instead of a traceback when ``anki`` is missing."""
    try:
        from ccpkit.sync import anki_collection
    except ModuleNotFoundError as missing:
        if missing.name and missing.name.split(".")[0] == "anki":
            raise UsageError(INSTALL_HINT) from None
        raise
    return anki_collection


def _orphans(changes: Reconciliation, record: SyncRecord) -> list[tuple[str, str]]:
    """GUID and id of every note of this course ccpkit knows (the ledger's orphans, and the notes the
    record says ccpkit wrote that the ledger holds); those not in this sync's notes are orphans. A
    note the ledger does not hold is never this course's to retire or delete, whatever its deck:
    another course synced into the same collection may keep its deck under this one's, or under a
    title this course once had (a line lost from the ledger comes back from the build folder). Each is
    named by the id sync last wrote (the one Anki's copy holds), or by its ledger key where its id
    now names another note."""
    gone = (*changes.orphaned, *changes.standing_orphans)
    ours = {entry.guid for entry in changes.ledger.notes.values()}
    named = {guid: written.id for guid, written in record.notes.items() if guid in ours}
    for key in gone:
        guid = changes.ledger.notes[key].guid
        if guid not in named or kept_aside(key):  # as a build names it: `fsx (ccpkit Term v1)`
            named[guid] = key
    return list(named.items())


class FilteredDeckInTheWayError(CcpkitError):
    """A filtered deck of the student's holds the name of a deck ccpkit puts cards in: Anki puts no card
    into a filtered deck, so new cards would go to a deck of another name, or to Anki's Default."""

    def __init__(self, decks: Sequence[str]) -> None:
        named = ", ".join(f"'{deck}'" for deck in decks)
        super().__init__(
            f"Anki's filtered deck {named} has the name of a deck ccpkit puts this course's cards in, and "
            "Anki puts no card into a filtered deck. Rename it in Anki (or delete it: its cards go back "
            "to their own decks), then run ccpkit sync again. Nothing was written."
        )


class EveryNoteDeletedError(CcpkitError):
    """``--delete-orphans`` with notes that give no note at all: emptied files or the wrong folder far
    more often than a course the student means to delete, with every card's history."""

    def __init__(self, count: int, notes: Path, *, some_modules: bool) -> None:
        which = "of the modules synced" if some_modules else "of this course"
        super().__init__(
            f"the notes in {notes} give no note {which}, so --delete-orphans would delete all {count} "
            f"notes {which} in Anki, with their review history. Are its files empty, or is it another "
            "folder? Run sync without --delete-orphans to suspend them instead. Nothing was written."
        )


def _require_no_filtered_deck_in_the_way(wanted: Sequence[AnkiNote], state: CollectionState) -> None:
    """Stop before writing when a filtered deck holds the name of a deck (or a parent of one) that
    ccpkit's cards belong in: the student would find them elsewhere, with no word said."""
    filtered = {deck.casefold(): deck for deck in state.filtered_decks}  # Anki's names ignore case
    homes = {deck.casefold() for note in wanted for deck in with_parents(note.deck)}
    if in_the_way := sorted(filtered[deck] for deck in homes & filtered.keys()):
        raise FilteredDeckInTheWayError(in_the_way)


def _written_guids(plan: Plan) -> list[str]:
    """The notes whose copy in Anki the plan writes (and Anki dates as it writes them)."""
    return [
        *(note.guid for note in plan.added),
        *(update.note.guid for update in plan.updated),
        *(restore.note.guid for restore in plan.restored),
    ]


def _as_synced(
    ledger: Ledger,
    synced: Sequence[AnkiNote],
    plan: Plan,
    state: CollectionState,
    dated: Mapping[str, int] | None = None,
) -> Ledger:
    """The settled ledger, knowing that Anki now holds every synced note's metadata (sync writes it, its
    id too) and its cards in its deck (unless the student keeps them elsewhere): a later build then
    reports no pending change or move that sync already made. A note whose conflict kept Anki's text
    (``--keep-anki``) is dated no later than Anki's copy: the next .apkg's copy of it is then no newer,
    and an import leaves the text the student chose alone; so is a note sync left as Anki holds it
    (the notes' words, or the student's edits and tags kept), though a build since the last sync
    dated it later (a change the notes undid since), as nothing of it is to send. Any other note
    sync wrote is dated no earlier than Anki dated its copy (``dated``: Anki's time for each, taken
    after writing, seconds after the sync read its clock on a large collection): the next change the
    notes send is then newer than that copy, even from a build in the very second it was written. An
    orphan sync deleted is dropped, and one the student deleted in Anki forgotten (``ccpkit orphans``
    lists it no more)."""
    dated = dated or {}
    deleted = {orphan.guid for orphan in plan.deleted}  # gone from Anki: no orphan left to list
    notes = {
        key: entry for key, entry in ledger.notes.items() if not (entry.orphaned and entry.guid in deleted)
    }
    for key, orphan in notes.items():
        if orphan.orphaned and not orphan.forgotten and orphan.guid not in state.notes:
            notes[key] = replace(orphan, forgotten=True)
    sent = {(update.note.guid, name) for update in plan.updated for name in update.fields}
    kept_in_anki = {
        conflict.note.guid for conflict in plan.conflicts if (conflict.note.guid, conflict.field) not in sent
    }
    for note in synced:
        entry, written = notes.get(note.id), plan.record.notes.get(note.guid)
        if entry is not None and written is not None:
            found = state.notes.get(note.guid)
            home = (
                note.deck if written.deck == note.deck or _placed_by_student(found, written) else entry.home
            )
            modified = entry.modified
            if note.guid in dated and note.guid not in kept_in_anki:
                modified = max(modified, dated[note.guid])
            elif found is not None:  # left as Anki holds it: the notes' words, the student's edits
                modified = min(modified, found.modified)
            notes[note.id] = replace(
                entry, meta=fingerprint(note).meta, home=home, modified=modified, sent=""
            )
    return replace(ledger, notes=notes)


def _placed_by_student(found: FoundNote | None, written: Written) -> bool:
    """Whether the student put every card of the note in a deck of their own (none is where ccpkit
    put it): sync leaves them there, so no deck change waits for a later sync or import to send."""
    put = written.deck.casefold()
    return (
        found is not None and bool(found.cards) and all(card.deck.casefold() != put for card in found.cards)
    )
