"""The one module that talks to Anki: open a collection (refusing a locked one), read it into plain
values, back it up, and apply a plan in a single database transaction.

One transaction makes a sync all-or-nothing: SQLite rolls an interrupted one back when the collection
is next opened, so a crash (even ``kill -9``) leaves the collection as it was before the sync.
"""

from __future__ import annotations

import math
import os
import re
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, cast

from anki.buildinfo import version as anki_version
from anki.collection import AddNoteRequest, Collection
from anki.consts import REVLOG_RESCHED
from anki.dbproxy import DBProxy
from anki.decks import DeckId
from anki.errors import AnkiException, CardTypeError, DBError
from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.models import NotetypeDict, NotetypeId
from anki.notes import NoteId

from ccpkit.errors import CcpkitError, UsageError
from ccpkit.export.anki.apkg import write_package
from ccpkit.export.anki.card_templates import AnkiTemplates
from ccpkit.export.anki.notes import AnkiNote
from ccpkit.export.anki.notetypes import ID_FIELD, NOTE_TYPES
from ccpkit.model import Picture
from ccpkit.progress import Progress
from ccpkit.sync.decisions import ORPHAN_TAG, Plan
from ccpkit.sync.record import CONFIG_KEY, SUSPENDED_KEY
from ccpkit.sync.state import CollectionState, FoundCard, FoundNote, FoundNoteType, PicturesCopied

if TYPE_CHECKING:  # importing anki.cards before anki.collection is a circular import in anki
    from anki.cards import CardId

SUSPENDED = -1
"""Anki's queue number of a suspended card."""


class CollectionLockedError(CcpkitError):
    """Anki (or another program) has the collection open; writing now could lose the student's work."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path} is open in Anki or another program. Close Anki (or switch it to another profile) "
            f"and run ccpkit sync again. Nothing was written."
        )


class CollectionTooNewError(UsageError):
    """Anki desktop, updated, saved the collection in a format the older ``anki`` library here cannot
    read: the library must catch up with it, never the other way round."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path} was saved by a newer Anki than the Anki library ccpkit sync uses (anki "
            f"{anki_version}): upgrade the library to your Anki's version (pip install --upgrade anki) "
            "and run ccpkit sync again. Nothing was written."
        )


@contextmanager
def opened(path: Path) -> Iterator[Collection]:
    """The collection, opened exclusively (Anki locks it while open); closed whatever happens."""
    try:
        collection = Collection(str(path))
    except DBError as error:
        if not str(error).startswith("DbError"):  # Anki words only a locked collection for people
            raise CollectionLockedError(path) from error
        if "FileTooNew" in str(error):
            raise CollectionTooNewError(path) from error
        if path.is_file() and not os.access(path, os.W_OK):  # SQLite says only "disk I/O error"
            raise UsageError(f"cannot open {path}: it is read-only; give it write permission") from error
        raise UsageError(f"cannot open {path} as an Anki collection: {_sqlite_reason(error)}") from error
    except AnkiException as error:
        raise UsageError(f"cannot open {path} as an Anki collection: {error}") from error
    try:
        yield collection
    finally:
        collection.close()


def _sqlite_reason(error: DBError) -> str:
    """SQLite's own words inside Anki's error (``… Some("file is not a database") …``)."""
    text = str(error)
    start = text.find('Some(\\"')
    return text[start + 7 : text.find('\\"', start + 7)] if start >= 0 else text


def read_state(collection: Collection, guids: Iterable[str]) -> CollectionState:
    """The notes with these GUIDs, ccpkit's note types, and every deck with its card count."""
    asked = set(guids)
    decks = {entry.name: entry.id for entry in collection.decks.all_names_and_ids()}
    names = {deck_id: name for name, deck_id in decks.items()}
    filtered = frozenset(
        name for name, deck_id in decks.items() if collection.decks.is_filtered(DeckId(deck_id))
    )
    field_names: dict[int, list[str]] = {}
    as_ours: dict[int, int] = {}
    rows = [
        row
        for row in _db(collection).all("select id, guid, mid, mod, tags, flds from notes")
        if row[1] in asked
    ]
    cards: dict[int, list[FoundCard]] = defaultdict(list)
    cards_in: dict[str, int] = defaultdict(int)
    wanted_ids = {row[0] for row in rows}
    retired = {row[0] for row in rows if ORPHAN_TAG in row[4].split()}
    last_logged = _last_logged(collection, retired)
    for card_id, note_id, deck_id, home_id, queue, kind, modified in _db(collection).all(
        "select id, nid, did, odid, queue, type, mod from cards order by id"
    ):
        home = names.get(home_id or deck_id, "")
        cards_in[home] += 1
        if home_id:
            cards_in[names.get(deck_id, "")] += 1
        if note_id in wanted_ids:
            reset = queue == kind == 0 and _reset_last(last_logged.get(card_id), modified)
            cards[note_id].append(FoundCard(card_id, home, queue == SUSPENDED, bool(home_id), reset))
    notes = {}
    for note_id, guid, note_type, modified, tags, fields in rows:
        if note_type not in field_names:
            data = _note_type(collection, note_type)
            field_names[note_type] = [field["name"] for field in data["flds"]]
            as_ours[note_type] = _ours_or_copied(data)
        notes[guid] = FoundNote(
            id=note_id,
            guid=guid,
            note_type=as_ours[note_type],
            fields=dict(zip(field_names[note_type], fields.split("\x1f"), strict=False)),
            tags=tuple(tags.split()),
            modified=modified,
            cards=tuple(cards[note_id]),
        )
    return CollectionState(
        notes=notes,
        note_types=_note_types(collection),
        note_type_copies=_note_type_copies(collection),
        decks=decks,
        filtered_decks=filtered,
        cards_in=dict(cards_in),
        suspended_by_sync={
            guid: tuple(cards) for guid, cards in _suspended_by_sync(collection).items() if guid in asked
        },
    )


def _last_logged(collection: Collection, note_ids: set[int]) -> dict[int, tuple[int, int, int]]:
    """Card id → its latest revlog row (milliseconds, type, interval), for the cards of these notes."""
    if not note_ids:
        return {}
    rows = _db(collection).all(  # SQLite takes the other columns from the row of max(id)
        "select cid, max(id), type, ivl from revlog where cid in (select id from cards where nid in "
        f"({','.join(map(str, sorted(note_ids)))})) group by cid"
    )
    return {card: (logged, kind, interval) for card, logged, kind, interval in rows}


def _reset_last(row: tuple[int, int, int] | None, modified: int) -> bool:
    """Whether a card's last change (``modified``, in seconds) is Anki's *Reset*: it logs a
    rescheduling row (type 4, interval 0) just after writing the card, in that second or the next;
    *Set Due Date* logs one with its interval, and an unsuspend by hand dates the card later, logging
    nothing."""
    return row is not None and row[1] == REVLOG_RESCHED and row[2] == 0 and row[0] // 1000 >= modified


def guids_by_id(collection: Collection) -> dict[str, list[str]]:
    """The GUIDs of ccpkit's notes in the collection (of its note types, or copies of them) by the
    item id their ``Id`` field holds: where a lost ledger no longer knows a note, Anki's copy does."""
    ours = {note_type.id for note_type in NOTE_TYPES}
    id_fields = {}
    for entry in collection.models.all_names_and_ids():
        data = _note_type(collection, entry.id)
        names = [field["name"] for field in data["flds"]]
        if _ours_or_copied(data) in ours and ID_FIELD in names:
            id_fields[int(entry.id)] = names.index(ID_FIELD)
    found: dict[str, list[str]] = defaultdict(list)
    for guid, note_type, fields in _db(collection).all("select guid, mid, flds from notes"):
        if note_type in id_fields:
            values = fields.split("\x1f")
            if id_fields[note_type] < len(values):
                found[values[id_fields[note_type]]].append(guid)
    return dict(found)


def _suspended_by_sync(collection: Collection) -> dict[str, list[int]]:
    found = collection.get_config(SUSPENDED_KEY, {})
    return dict(found) if isinstance(found, dict) else {}


def _ours_or_copied(data: NotetypeDict) -> int:
    """A note type's id, or the id of ccpkit's note type it is a copy of: an import adds its new notes
    to a copy (``ccpkit Term v1+``, its ``originalId`` ours) when the student changed ours in Anki
    (added a field or a card type). Holding our fields, its notes are ccpkit's all the same."""
    copied = next((ours for ours in NOTE_TYPES if ours.id == data.get("originalId")), None)
    has = {field["name"] for field in data["flds"]}
    return copied.id if copied is not None and set(copied.fields) <= has else int(data["id"])


def _note_types(collection: Collection) -> dict[int, FoundNoteType]:
    found = {}
    for note_type in NOTE_TYPES:
        data = collection.models.get(NotetypeId(note_type.id))
        if data is not None:
            found[note_type.id] = _found_note_type(data)
    return found


def _note_type_copies(collection: Collection) -> dict[int, tuple[FoundNoteType, ...]]:
    """Anki's copies of ccpkit's note types (``ccpkit Term v1+``, where an import put new notes when the
    student had changed ours), by the id of ours each copies: their cards are ccpkit's to style too."""
    ours = {note_type.id for note_type in NOTE_TYPES}
    copies: dict[int, list[FoundNoteType]] = defaultdict(list)
    for entry in collection.models.all_names_and_ids():
        data = _note_type(collection, entry.id)
        copied = _ours_or_copied(data)
        if copied in ours and copied != int(data["id"]):
            copies[copied].append(_found_note_type(data))
    return {copied: tuple(found) for copied, found in copies.items()}


def _found_note_type(data: NotetypeDict) -> FoundNoteType:
    template = data["tmpls"][0]
    return FoundNoteType(
        id=int(data["id"]),
        name=data["name"],
        fields=tuple(field["name"] for field in data["flds"]),
        front=template["qfmt"],
        back=template["afmt"],
        css=data["css"],
        modified=data["mod"],
    )


def record_generation(collection: Collection) -> object:
    return collection.get_config(CONFIG_KEY, None)


def back_up(collection: Collection, folder: Path) -> Path | None:
    """Anki's own backup (a ``.colpkg`` that File → Open Backup restores); the newest one's path. Anki
    names a backup by the second it starts in: a sync right after another waits for the next second,
    or its backup would replace the one made before the other (the state it could put back)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        last = max((path.stat().st_mtime for path in folder.glob("*.colpkg")), default=0.0)
        wait = math.floor(last) + 1 - time.time()
        if wait > 0:
            time.sleep(min(wait, 1.0))
        collection.create_backup(backup_folder=str(folder), force=True, wait_for_completion=True)
    except OSError as error:
        raise BackupError(folder, error.strerror or str(error)) from None
    except DBError as error:  # Anki's words for a full disk, or a file it cannot create
        raise BackupError(folder, _sqlite_reason(error)) from None
    backups = sorted(folder.glob("*.colpkg"), key=lambda path: path.stat().st_mtime)
    return backups[-1] if backups else None


class BackupError(CcpkitError):
    """The collection's backup could not be written: a sync never writes one it could not put back."""

    def __init__(self, folder: Path, reason: str) -> None:
        super().__init__(
            f"cannot write a backup of the collection in {folder}: {reason}. Nothing was written: free some "
            "space or give that folder write permission, then run ccpkit sync again"
        )


def apply(
    collection: Collection,
    plan: Plan,
    state: CollectionState,
    templates: AnkiTemplates,
    templates_modified: int,
    generation: str,
    progress: Progress,
) -> None:
    """Apply the whole plan in one transaction; any error rolls all of it back."""

    def steps() -> None:
        progress.step("updating note types")
        _update_note_types(collection, plan)
        progress.step("adding notes")
        _add(collection, plan.added, state, templates, templates_modified)
        progress.step("updating notes")
        _update(collection, plan)
        progress.step("moving cards")
        _move(collection, plan)
        progress.step("retiring orphans")
        _retire(collection, plan)
        progress.step("removing empty decks")
        _remove_decks(collection, plan.removed_decks)
        collection.set_config(CONFIG_KEY, generation)
        progress.step("committing")

    try:
        _db(collection).transact(steps)
    except DBError as error:  # rolled back: the collection is as it was
        raise CcpkitError(
            f"the collection could not be written: {_sqlite_reason(error)}. Nothing was written: Anki's "
            "Tools → Check Database may mend a damaged collection; then run ccpkit sync again"
        ) from None


def add_pictures(collection: Collection, pictures: Iterable[Picture]) -> PicturesCopied:
    """Put the pictures the notes show into ``collection.media``; a name already there holds the same
    bytes (names come from the bytes), so it is left alone. A picture the system refuses stops the
    copying, never the sync: its collection is written already, and its ledger must follow."""
    media = Path(collection.media.dir())
    missing = [picture for picture in pictures if not (media / picture.name).exists()]
    for copied, picture in enumerate(missing):
        try:
            collection.media.write_data(picture.name, picture.data)
        except (AnkiException, OSError) as error:
            reason = str(error) or getattr(error, "strerror", None) or type(error).__name__
            return PicturesCopied(copied, len(missing) - copied, reason)
    return PicturesCopied(len(missing))


def media_shown(collection: Collection, anki_id: int, text: str) -> tuple[Path, ...]:
    """The files of ``collection.media`` that a field's ``text`` in the note ``anki_id`` shows or plays,
    read as Anki's *Check Media* reads it (pictures, sounds, a formula's image): a text sync replaces
    leaves them unused. Read with the note's own note type (Anki's copy, ``… v1+``, perhaps): ccpkit's
    may be one the student deleted, and Anki fails on a note type it does not hold."""
    folder = Path(collection.media.dir())
    note_type = collection.get_note(NoteId(anki_id)).mid
    names = dict.fromkeys(collection.media.files_in_str(note_type, text))
    return tuple(folder / name for name in names if Path(name).name == name and (folder / name).is_file())


_ISOLATES = dict.fromkeys((0x2068, 0x2069))
"""Anki's messages set names apart with Unicode's first-strong and pop isolates: no words of theirs."""


def _update_note_types(collection: Collection, plan: Plan) -> None:
    for update in plan.note_types:
        data = _note_type(collection, update.id)
        for name in update.missing_fields:
            collection.models.add_field(data, collection.models.new_field(name))
        data["tmpls"][0]["qfmt"] = update.front
        data["tmpls"][0]["afmt"] = update.back
        data["css"] = update.css
        try:
            collection.models.update_dict(data)
        except CardTypeError as error:  # a check of Anki's own that ccpkit's missed: rolled back
            key = next((kind.key for kind in NOTE_TYPES if kind.id == update.ours), "")
            said = " ".join(re.sub(r"<br\s*/?>", " ", str(error).translate(_ISOLATES)).split())
            raise UsageError(
                f"Anki refuses the card templates of {update.name!r} ({said}); nothing was written: fix "
                f"templates/anki/{key}.front.html or {key}.back.html, then run ccpkit sync again"
            ) from None
    collection.models._clear_cache()


def _add(
    collection: Collection,
    notes: Sequence[AnkiNote],
    state: CollectionState,
    templates: AnkiTemplates,
    templates_modified: int,
) -> None:
    """New notes of a note type the collection lacks come through Anki's importer, exactly as the
    .apkg would bring them (the note type keeps ccpkit's id); the rest are added directly."""
    imported = [note for note in notes if note.note_type.id not in state.note_types]
    direct = [note for note in notes if note.note_type.id in state.note_types]
    if imported:
        _import(collection, imported, templates, templates_modified)
    requests = []
    for note in direct:
        new = collection.new_note(_note_type(collection, note.note_type.id))
        new.guid = note.guid
        for name, text in zip(note.note_type.fields, note.fields, strict=True):
            if name in new:
                new[name] = text
        new.tags = list(note.tags)
        requests.append(AddNoteRequest(new, _deck_id(collection, note.deck)))
    if requests:
        collection.add_notes(requests)


def _import(
    collection: Collection, notes: Sequence[AnkiNote], templates: AnkiTemplates, templates_modified: int
) -> None:
    with tempfile.TemporaryDirectory(prefix="ccpkit-sync-") as folder:
        package = Path(folder) / "new-notes.apkg"
        package.write_bytes(write_package(notes, templates, templates_modified))
        request = ImportAnkiPackageRequest(package_path=str(package), options=ImportAnkiPackageOptions())
        log = collection.import_anki_package(request).log
    collection.models._clear_cache()
    if len(log.new) != len(notes):
        raise CcpkitError(
            f"Anki added {len(log.new)} of {len(notes)} new notes "
            f"({len(log.conflicting)} conflicting, {len(log.duplicate)} already there); nothing was written"
        )


def _update(collection: Collection, plan: Plan) -> None:
    """Write the updated notes. A cloze note gains a card for a new cloze number, which Anki puts in a
    deck of its choosing: it goes to the note's deck, as an import puts it."""
    notes, had = [], {}
    for update in plan.updated:
        note = collection.get_note(NoteId(update.anki_id))
        for name, text in update.fields.items():
            if name in note:
                note[name] = text
        if update.tags is not None:
            note.tags = list(update.tags)
        notes.append(note)
        if update.note.note_type.cloze:
            had[note.id] = (update.note.deck, set(note.card_ids()))
    if notes:
        collection.update_notes(notes)
    for note_id, (deck, cards) in had.items():
        new = [card for card in collection.card_ids_of_note(note_id) if card not in cards]
        if new:
            collection.set_deck(new, _deck_id(collection, deck))


def _move(collection: Collection, plan: Plan) -> None:
    _decks_like_theirs(collection, [(move.old, move.new) for move in plan.moved])
    by_deck: dict[str, list[CardId]] = defaultdict(list)
    for move in plan.moved:
        by_deck[move.new] += _card_ids(move.cards)
        for card_id in move.filtered:  # stays in the filtered deck; returns to its new home later
            card = collection.get_card(_card_ids([card_id])[0])
            card.odid = _deck_id(collection, move.new)
            collection.update_card(card)
    for deck, cards in by_deck.items():
        if cards:
            collection.set_deck(cards, _deck_id(collection, deck))


def _decks_like_theirs(collection: Collection, moves: Sequence[tuple[str, str]]) -> None:
    """The decks cards move into take the options preset and the description of the decks they replace
    (``Course::02 Compute`` → ``Certs::Course::02 Compute``, and ``Course`` → ``Certs::Course``), which
    the student may have set, when they do not exist yet or still have Anki's defaults (made by this
    sync's new cards, or by an import); one the student set up keeps its own."""
    replaced: dict[str, str] = {}
    for old, new in moves:
        before, after = old.split("::"), new.split("::")
        while before and after:
            replaced.setdefault("::".join(after), "::".join(before))
            if before[-1] != after[-1]:
                break
            before, after = before[:-1], after[:-1]
    for new, old in sorted(replaced.items(), key=lambda pair: pair[0].count("::")):  # parents first
        old_id = collection.decks.id_for_name(old)
        if old_id is None:
            continue
        source, made = collection.decks.get(old_id), collection.decks.get(_deck_id(collection, new))
        if source is None or made is None or source.get("dyn") or made.get("dyn"):
            continue
        if made.get("conf", _DEFAULT_PRESET) != _DEFAULT_PRESET or made.get("desc"):
            continue  # set up by the student
        made["conf"], made["desc"] = source["conf"], source.get("desc", "")
        collection.decks.save(made)


_DEFAULT_PRESET = 1
"""The id of Anki's Default options preset, which every deck it makes starts with."""


def _retire(collection: Collection, plan: Plan) -> None:
    if plan.retired:
        collection.tags.bulk_add([NoteId(orphan.anki_id) for orphan in plan.retired], ORPHAN_TAG)
        suspend = _card_ids(card for orphan in (*plan.retired, *plan.resuspended) for card in orphan.suspend)
        if suspend:
            collection.sched.suspend_cards(suspend)
    if plan.restored:
        collection.tags.bulk_remove([NoteId(note.anki_id) for note in plan.restored], ORPHAN_TAG)
        unsuspend = _card_ids(card for note in plan.restored for card in note.unsuspend)
        if unsuspend:
            collection.sched.unsuspend_cards(unsuspend)
    if plan.deleted:
        collection.remove_notes([NoteId(orphan.anki_id) for orphan in plan.deleted])
    _remember_suspended(collection, plan)


def _remember_suspended(collection: Collection, plan: Plan) -> None:
    """Keep in the collection which cards sync suspended, by note, for the notes still retired in it."""
    before = _suspended_by_sync(collection)
    suspended = {**before, **{orphan.guid: list(orphan.suspend) for orphan in plan.retired}}
    for gone in (*(note.note.guid for note in plan.restored), *(orphan.guid for orphan in plan.deleted)):
        suspended.pop(gone, None)
    if suspended:  # notes the student deleted in Anki since: nothing left to unsuspend
        alive = {guid for guid in _db(collection).list("select guid from notes") if guid in suspended}
        suspended = {guid: cards for guid, cards in suspended.items() if guid in alive}
    if suspended != before:
        collection.set_config(SUSPENDED_KEY, suspended)


def note_times(collection: Collection, guids: Sequence[str]) -> dict[str, int]:
    """The time Anki dated each of these notes (by GUID), in seconds, as it last wrote them."""
    wanted = set(guids)
    rows = _db(collection).all("select guid, mod from notes")
    return {guid: modified for guid, modified in rows if guid in wanted}


def _remove_decks(collection: Collection, names: Sequence[str]) -> None:
    """Remove the planned decks, each only if it really holds no card (removing a deck removes its cards)."""
    for name in sorted(names, key=lambda deck: -deck.count("::")):
        deck_id = collection.decks.id_for_name(name)
        if deck_id is None or collection.decks.children(deck_id):
            continue
        returning = _db(collection).scalar(
            "select count() from cards where did = ? or odid = ?", deck_id, deck_id
        )
        if returning == 0:
            collection.decks.remove([deck_id])


def _deck_id(collection: Collection, name: str) -> DeckId:
    deck_id = collection.decks.id(name, create=True)
    assert deck_id is not None  # create=True always gives one
    return deck_id


def _note_type(collection: Collection, note_type_id: int) -> NotetypeDict:
    data = collection.models.get(NotetypeId(note_type_id))
    assert data is not None  # asked only for note types the collection holds
    return data


def _db(collection: Collection) -> DBProxy:
    assert collection.db is not None  # open from ``opened`` until it closes
    return collection.db


def _card_ids(ids: Iterable[int]) -> list[CardId]:
    return cast("list[CardId]", list(ids))  # CardId is a NewType of int
