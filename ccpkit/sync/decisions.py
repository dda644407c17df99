"""Sync's decisions, made on plain values: what to add, write, keep, move, retire and remove.

Pure: the collection is read into a ``CollectionState`` first and the plan applied afterwards, so
``--dry-run`` prints exactly what a sync would do.

Ownership rules:
- Study fields are merged field by field against what ccpkit last wrote (``SyncRecord``): a field
  only the notes changed is written, one only the student changed is kept, one both changed is a
  conflict (the notes win unless ``keep_anki``). The other fields (``Context``, ``Id``, a table's
  title) are ccpkit's and follow the notes (the ``Id`` always), but words the student wrote into a
  context or a title after a sync (the record tells) are merged as a study field is. Without a record
  (a collection filled by .apkg imports) the note's modification time stands in for the student's
  edits: a time other than the ledger's for that note means edited in Anki (an older one: a build
  since was never imported, so whether the student edited cannot be told, and a field the notes
  changed is a conflict, never overwritten);
  the ledger's digest of the text sent tells the fields apart when a mix of Anki's and the notes'
  fields reads as it (``_sent_fields``).
- Tags: ccpkit owns its namespaces (``module::``, ``kind::``, ``part::``, ``ccpkit::``) one level
  deep; the notes' own tags are added, and removed only if ccpkit added them; every other tag,
  nested under one of ccpkit's too, is the student's.
- A card is moved to its item's deck unless the student moved it away from where ccpkit put it (as
  the record says, or without one the ledger: the deck an import first put it in).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from ccpkit import cloze_syntax
from ccpkit.export.anki.card_templates import AnkiTemplates
from ccpkit.export.anki.notes import SHUFFLED, AnkiNote, reads_alike, same_rows, study_digests
from ccpkit.export.anki.notetypes import BY_KIND, ID_FIELD, MULTIPLE_CHOICE, NOTE_TYPES, NoteType
from ccpkit.sync.record import SyncRecord, Written, text_hash
from ccpkit.sync.state import CollectionState, FoundNote, FoundNoteType

OWNED_TAG_NAMESPACES = ("module::", "kind::", "part::", "ccpkit::")
ORPHAN_TAG = "ccpkit::orphan"
DEFAULT_DECK = "Default"


@dataclass(frozen=True, slots=True, kw_only=True)
class Wanted:
    """What the notes say the collection should hold, with what the ledger knew before this sync."""

    notes: tuple[AnkiNote, ...]
    templates: AnkiTemplates
    templates_modified: int = 0
    """When the notes' card templates last changed (the ledger's time): a note type changed in Anki
    after it, and never written by a sync, was restyled by the student."""
    orphans: Mapping[str, str] = field(default_factory=dict)
    """GUID → ccpkit id of notes whose item left the notes (within the modules being synced)."""
    previous: Mapping[str, int] = field(default_factory=dict)
    """Note id → the ledger's modification time before this sync (absent: the ledger did not know it)."""
    changed: frozenset[str] = frozenset()
    """Note ids whose content changed in the notes since the last build or sync."""
    homes: Mapping[str, str] = field(default_factory=dict)
    """Note id → the deck the ledger says an import first put its cards in (where ccpkit put them)."""
    sent: Mapping[str, str] = field(default_factory=dict)
    """Note id → the digest of its study text as the ledger says it was last sent (``study_digests``):
    a copy in Anki that reads so came from an import, however the record remembers it."""
    superseded: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Note id → the digests of the study texts sent before the last (``Entry.superseded``): a copy in
    Anki that reads as one came from an older package, the later one skipped by an import."""
    waiting: frozenset[str] = frozenset()
    """Note ids whose other lines (context, id, a table's title, tags) or deck are not as the last
    package sent them (``Reconciliation.pending``): Anki's copy holds them as they were."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Choices:
    keep_anki: bool = False
    """On a conflict keep Anki's text (default: the notes' text wins, Anki's is saved to a file)."""
    delete_orphans: bool = False
    retire: bool = True
    """Retire orphans; off when the notes hold errors, or a block left open (an item that failed to parse,
    or hides in it, is not gone)."""


@dataclass(frozen=True, slots=True)
class Update:
    note: AnkiNote
    anki_id: int
    fields: Mapping[str, str]
    """Field name → new text."""
    tags: tuple[str, ...] | None
    """The note's new tags, or ``None`` to leave them."""

    @property
    def changed(self) -> tuple[str, ...]:
        return (*self.fields, *(("tags",) if self.tags is not None else ()))


@dataclass(frozen=True, slots=True)
class Conflict:
    note: AnkiNote
    field: str
    anki: str
    notes: str


@dataclass(frozen=True, slots=True)
class Move:
    note: AnkiNote
    cards: tuple[int, ...]
    filtered: tuple[int, ...]
    """Cards now in a filtered deck: their home deck changes, they stay where the student put them."""
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class Retire:
    guid: str
    note_id: str
    anki_id: int
    suspend: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Restore:
    note: AnkiNote
    anki_id: int
    unsuspend: tuple[int, ...]
    left_suspended: tuple[int, ...] = ()
    """Suspended cards nothing tells whose suspension they are (no record, no entry in the collection):
    left as they are, and listed in the report."""


@dataclass(frozen=True, slots=True)
class NoteTypeUpdate:
    id: int
    name: str
    front: str
    back: str
    css: str
    changed: tuple[str, ...]
    """What differs: ``front``, ``back``, ``css``, or a field name missing from the student's copy."""
    missing_fields: tuple[str, ...] = ()
    ours: int = 0
    """The id of ccpkit's note type whose templates these are (``id`` itself, or the one Anki's copy,
    ``ccpkit Term v1+``, copies)."""


@dataclass(frozen=True, slots=True)
class Restyled:
    """A part of a note type (``front``, ``back``, ``css``) as the student styled it in Anki, which the
    notes' templates replace: saved with the conflicts, as a field's losing text is."""

    name: str
    part: str
    anki: str
    notes: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Plan:
    added: tuple[AnkiNote, ...] = ()
    readded: tuple[str, ...] = ()
    """Ids of the notes added that an earlier sync wrote: the student deleted them in Anki, the notes
    still hold them (a fresh card, its history went with the deleted one)."""
    updated: tuple[Update, ...] = ()
    kept: tuple[tuple[AnkiNote, tuple[str, ...]], ...] = ()
    """Notes whose fields the student edited (and the notes did not): those fields are left alone. Only
    the edits this sync keeps first (the fields named); ``kept_earlier`` holds the others."""
    kept_earlier: tuple[tuple[AnkiNote, tuple[str, ...]], ...] = ()
    """Notes whose edits kept are all as an earlier sync kept them (the record tells): news no more."""
    retyped: tuple[AnkiNote, ...] = ()
    """Notes the student gave another note type in Anki: theirs now, left alone."""
    conflicts: tuple[Conflict, ...] = ()
    moved: tuple[Move, ...] = ()
    retired: tuple[Retire, ...] = ()
    restored: tuple[Restore, ...] = ()
    deleted: tuple[Retire, ...] = ()
    resuspended: tuple[Retire, ...] = ()
    """Retired notes whose cards sync suspended Anki's *Reset* put back among the new ones: suspended
    again (``Retire.suspend``), as the student did not take them back to study."""
    not_retired: int = 0
    """Orphans left alone because the notes hold errors (or a block left open)."""
    note_types: tuple[NoteTypeUpdate, ...] = ()
    kept_styles: tuple[str, ...] = ()
    """``ccpkit Term v1 (css)``: the student's restyling in Anki, kept as ccpkit's did not change (those
    this sync keeps first; ``kept_styles_earlier`` counts the others, the record knowing them)."""
    kept_styles_earlier: int = 0
    replaced_styles: tuple[str, ...] = ()
    """The student's restyled parts that show a field of ours renamed or removed in Anki: replaced."""
    restyled: tuple[Restyled, ...] = ()
    """The student's styling this sync replaces (those of ``replaced_styles`` too), to save."""
    removed_decks: tuple[str, ...] = ()
    unchanged: int = 0
    record: SyncRecord = field(default_factory=SyncRecord)

    @property
    def writes(self) -> bool:
        """Anything to change in the collection (a plan without changes leaves it untouched)."""
        return any(
            (self.added, self.updated, self.moved, self.retired, self.restored, self.deleted, self.note_types)
        ) or bool(self.removed_decks or self.resuspended)


def plan_sync(wanted: Wanted, state: CollectionState, record: SyncRecord, choices: Choices) -> Plan:
    """Everything a sync does, decided from the notes, the collection and the record."""
    notes = tuple(_normalized(note) for note in wanted.notes)
    written = dict(record.notes)
    added, updated, kept, kept_earlier, conflicts, moved, restored, retyped = [], [], [], [], [], [], [], []
    readded: list[str] = []
    unchanged = 0
    for note in notes:
        found = state.notes.get(note.guid)
        if found is None:
            added.append(note)
            readded += [note.id] if note.guid in record.notes else []
            written[note.guid] = _written(note, note.deck)
            continue
        if found.note_type != note.note_type.id:  # *Change Note Type* in Anki: none of our fields
            retyped.append(note)
            continue
        before = record.notes.get(note.guid)
        update, kept_fields, clashes = _merge(note, found, before, wanted, choices)
        move = _move(note, found, before, wanted.homes.get(note.id, ""))
        restore = _restore(note, found, before, state.suspended_by_sync.get(note.guid))
        updated += [update] if update else []
        kept_now = {name: text_hash(found.fields[name]) for name in kept_fields}
        fresh = tuple(
            name for name in kept_fields if before is None or before.kept.get(name) != kept_now[name]
        )
        kept += [(note, fresh)] if fresh else []
        kept_earlier += [(note, kept_fields)] if kept_fields and not fresh else []
        conflicts += clashes
        moved += [move] if move else []
        restored += [restore] if restore else []
        unchanged += not (update or move or restore)
        deck = note.deck if move or before is None or _home(found) == before.deck else before.deck
        written[note.guid] = replace(_written(note, deck, found, before), kept=kept_now)
    retired, deleted, not_retired = _orphans(wanted, state, record, choices, written)
    resuspended = _reset_orphans(wanted, state, record) if choices.retire and not deleted else ()
    for gone in deleted:
        written.pop(gone.guid, None)
    for guid in wanted.orphans.keys() - state.notes.keys():  # deleted in Anki: nothing to remember
        written.pop(guid, None)
    styles = _styles(wanted.templates)
    note_types, kept_styles, replaced_styles, restyled = _note_type_updates(wanted, state, record, styles)
    styles_kept = {key: text_hash(text) for key, (_, text) in kept_styles.items()}
    restyled_first = [
        name for key, (name, _) in kept_styles.items() if record.kept_styles.get(key) != styles_kept[key]
    ]
    _emptied_fields(written, note_types, {note.guid for note in notes})
    plan = Plan(
        added=tuple(added),
        readded=tuple(readded),
        updated=tuple(updated),
        kept=tuple(kept),
        kept_earlier=tuple(kept_earlier),
        retyped=tuple(retyped),
        conflicts=tuple(conflicts),
        moved=tuple(moved),
        retired=retired,
        restored=tuple(restored),
        deleted=deleted,
        resuspended=resuspended,
        not_retired=not_retired,
        note_types=note_types,
        kept_styles=tuple(restyled_first),
        kept_styles_earlier=len(kept_styles) - len(restyled_first),
        replaced_styles=replaced_styles,
        restyled=restyled,
        unchanged=unchanged,
    )
    removed = _emptied_decks(plan, notes, state, record, wanted.homes.values())
    decks = (set(record.decks) | {note.deck for note in notes}) - set(removed)
    record = SyncRecord(written, tuple(sorted(decks)), styles, styles_kept)
    return replace(plan, removed_decks=removed, record=record)


def _normalized(note: AnkiNote) -> AnkiNote:
    """Anki stores field text in NFC; comparing and recording the same form avoids false edits."""
    return replace(note, fields=tuple(unicodedata.normalize("NFC", text) for text in note.fields))


def _written(
    note: AnkiNote, deck: str, found: FoundNote | None = None, before: Written | None = None
) -> Written:
    """What sync writes to ``note`` (``found`` in Anki as it was, ``before`` as the record had it): the
    notes' own tags it adds are recorded, never one the note already had that sync did not add; a
    table's rows only reordered in the notes, which sync leaves as Anki holds them, as Anki holds them
    (recorded in the notes' order, they would read as the student's edit at the table's next change)."""
    fields = {
        name: text_hash(reads_alike(_as_left(note, name, text, found)))
        for name, text in zip(note.note_type.fields, note.fields, strict=True)
    }
    had = {tag.casefold() for tag in found.tags} if found is not None else set()
    added = {tag.casefold() for tag in before.tags} if before is not None else set()
    tags = tuple(tag for tag in _own_tags(note.tags) if tag.casefold() not in had - added)
    clozes = cloze_syntax.numbers(note.field("Text")) if note.note_type.cloze else ()
    return Written(id=note.id, fields=fields, tags=tags, deck=deck, clozes=clozes)


def _as_left(note: AnkiNote, name: str, text: str, found: FoundNote | None) -> str:
    """A field's text as the collection holds it after this sync: Anki's own where it holds the notes'
    rows in another order (``_merge`` leaves it), else the notes'."""
    held = found.fields.get(name) if found is not None and name in note.note_type.unordered_fields else None
    return held if held is not None and held != text and same_rows(held, text) else text


Decision = Literal["same", "write", "keep", "conflict"]


def _merge(
    note: AnkiNote, found: FoundNote, before: Written | None, wanted: Wanted, choices: Choices
) -> tuple[Update | None, tuple[str, ...], list[Conflict]]:
    """The fields to write, the student's edits kept, and the conflicts, for one existing note."""
    previous = wanted.previous.get(note.id, 0)
    # an .apkg brought it since the last sync: no edit of theirs; or an older .apkg's text, the later one
    # skipped as the note was touched since (marked, a leech), where no record of what sync wrote tells
    # otherwise (a text typed back to an older one is an edit)
    study_fields = note.note_type.study_fields
    theirs = study_digests(note.note_type, [found.fields.get(name, "") for name in study_fields])
    imported, sent_before = _as_sent(note, theirs, wanted)
    outdated = before is None and not imported and sent_before
    # reading as no text ccpkit sent, it was edited, though in the second its note was dated
    retyped = note.id in wanted.sent and not sent_before
    touched = (found.modified != previous or retyped) and not imported and not outdated
    # older than the ledger: the notes changed after the copy Anki holds (a build never imported)
    changed = (
        outdated or note.id in wanted.changed or note.id not in wanted.previous or found.modified < previous
    )
    writes: dict[str, str] = {}
    kept: list[str] = []
    conflicts: list[Conflict] = []
    # Anki's copy studies as the notes' (options or rows in any order, white space aside): no field of
    # it to send, and none the student's edit
    same_study = (
        all(name in found.fields for name in study_fields)
        and theirs[0] == (study_digests(note.note_type, [note.field(name) for name in study_fields])[0])
    )
    # the same, but for what the student wrote in the other fields (an explanation of their own)
    mixed = [note.field(name) if name in SHUFFLED else found.fields.get(name, "") for name in study_fields]
    same_options = note.note_type is MULTIPLE_CHOICE and theirs[0] == study_digests(note.note_type, mixed)[0]
    # the notes' question the same as last sent but for its options' order (the ledger's digests read
    # options in any order): the reordered fields are no change of the notes', whatever Anki's copy says
    reordered_only = note.note_type is MULTIPLE_CHOICE and note.id in wanted.previous and not changed
    sent_fields = _sent_fields(note, found, wanted) if before is None and not imported else {}
    rewritten = imported and before is not None and not _as_recorded(found, before, study_fields)
    # no record, but the notes' other lines are as the package Anki's copy came from sent them
    lines_as_sent = before is None and not changed and note.id not in wanted.waiting
    for name, text in zip(note.note_type.fields, note.fields, strict=True):
        if name not in found.fields:  # renamed or removed in Anki: added back, it holds nothing yet
            writes[name] = text
            continue
        current, study = found.fields[name], name in note.note_type.study_fields
        if study and (same_study or (same_options and name in SHUFFLED)):
            continue  # options only reordered in the notes: the same question on a card that shuffles
        if name in note.note_type.unordered_fields and same_rows(current, text):
            continue  # rows only reordered in the notes: the same table on the card
        # a study field an import brought reads otherwise than the record; so does every line of a note
        # an import rewrote since the sync (its study text changed), none of it the student's edit
        recorded = before.fields.get(name) if before and not (imported if study else rewritten) else None
        if recorded is None and name in sent_fields:
            recorded = text_hash(reads_alike(sent_fields[name]))
        if reordered_only and name in SHUFFLED:
            recorded = None  # its hash counts the old order: the notes' change is none
        if not study and name != ID_FIELD and lines_as_sent:
            recorded = text_hash(reads_alike(text))  # Anki's copy reading otherwise: the student's words
        # context, table title: ccpkit's, but words the student wrote there (as the record, or the
        # ledger, tells) are theirs until the notes change that line, as an import leaves them; the
        # id is ccpkit's alone
        owned = not study and (name == ID_FIELD or recorded is None)
        match _decide(owned, text, current, recorded, touched=touched, changed=changed):
            case "write":
                writes[name] = text
            case "keep":
                kept.append(name)
            case "conflict":
                conflicts.append(Conflict(note, name, current, text))
                if not choices.keep_anki:
                    writes[name] = text
            case "same":
                pass
    tags = _merged_tags(note.tags, found.tags, before)
    update = Update(note, found.id, writes, tags) if writes or tags is not None else None
    return update, tuple(kept), conflicts


def _as_recorded(found: FoundNote, before: Written, names: Iterable[str]) -> bool:
    """Whether Anki's copy holds these fields as the sync that recorded ``before`` wrote them."""
    recorded = ((found.fields.get(name, ""), before.fields.get(name)) for name in names)
    return all(hashed is None or reads_as(text, hashed) for text, hashed in recorded)


def _as_sent(note: AnkiNote, theirs: Sequence[str], wanted: Wanted) -> tuple[bool, bool]:
    """Whether Anki's copy of the note, its study text digested as ``theirs`` (``study_digests``), holds
    the text the ledger says was last sent, and whether one it says was sent before the last
    (``Entry.superseded``)."""
    sent, earlier = wanted.sent.get(note.id), wanted.superseded.get(note.id, ())
    return sent is not None and sent in theirs, not set(earlier).isdisjoint(theirs)


def _sent_fields(note: AnkiNote, found: FoundNote, wanted: Wanted) -> dict[str, str]:
    """With no record of what sync wrote, each study field as it was sent, where the ledger's digests
    tell: every field as either Anki's copy or the notes hold it, the mix whose digest is one the
    ledger says was sent, taking some field from Anki's copy where the notes moved on (so that copy
    came from the package that sent that text, and was edited after it). The last text sent is tried
    for a note sent once; the earlier ones (``Entry.superseded``) find an older package's copy that
    the student edited, its update then skipped by an import. A field only the notes changed (or a
    new version of ccpkit renders anew) is then written, and the student's edit of another kept,
    where the note as a whole would be both sides' change. None found (both changed one field): {}."""
    names = note.note_type.study_fields
    theirs = [found.fields.get(name, "") for name in names]
    ours = [note.field(name) for name in names]
    apart = [index for index, (text, own) in enumerate(zip(theirs, ours, strict=True)) if text != own]
    sent, earlier = wanted.sent.get(note.id), wanted.superseded.get(note.id, ())
    edited_since = found.modified >= wanted.previous.get(note.id, found.modified + 1)
    # the last text only for a note sent once: a copy of an earlier package (its update skipped by an
    # import) may share fields with the last one, and its others would read as the student's edits
    candidates = [*([sent] if sent is not None and edited_since and not earlier else []), *earlier]
    if not candidates or not 1 < len(apart) <= _MIXED_FIELDS:
        return {}
    mixes = []
    for picks in itertools.product((False, True), repeat=len(apart)):
        if all(picks):
            continue  # nothing of Anki's copy: no sign it came from that package
        mixed = list(theirs)
        for index in itertools.compress(apart, picks):
            mixed[index] = ours[index]
        mixes.append((mixed, study_digests(note.note_type, mixed)))
    for digest in candidates:  # the newest first
        for mixed, digests in mixes:
            if digest in digests:
                return dict(zip(names, mixed, strict=True))
    return {}


_MIXED_FIELDS = 6
"""At most this many study fields that differ between Anki and the notes are mixed (64 digests)."""


def _decide(
    owned: bool, desired: str, current: str, recorded: str | None, *, touched: bool, changed: bool
) -> Decision:
    if current == desired or reads_alike(current) == reads_alike(desired):
        return "same"  # a line re-wrapped in the notes: the student's copy reads the same
    if owned:
        return "write"
    if recorded is not None:
        touched, changed = not reads_as(current, recorded), not reads_as(desired, recorded)
    if not touched:
        # With no record, a copy dated as the ledger says but reading otherwise, the notes unchanged
        # since: text the student chose to keep (``--keep-anki``, on another computer), kept.
        return "write" if changed or recorded is not None else "keep"
    return "conflict" if changed else "keep"


def reads_as(text: str, recorded: str) -> bool:
    """Whether ``text`` reads as the field whose hash was ``recorded``: a sync records it of the text as
    it reads (``reads_alike``), an earlier ccpkit's of the text as written."""
    return recorded in (text_hash(reads_alike(text)), text_hash(text))


def _owned(tag: str) -> bool:
    """ccpkit's tags sit one level under its namespaces (``module::02-compute``); Anki's sidebar shows
    them as folders, and a tag the student files in one (``module::02-compute::weak``) is theirs."""
    namespace, _, name = tag.casefold().partition("::")
    return f"{namespace}::" in OWNED_TAG_NAMESPACES and "::" not in name


def _own_tags(tags: Iterable[str]) -> tuple[str, ...]:
    return tuple(tag for tag in tags if not _owned(tag))


def _merged_tags(
    desired: Sequence[str], current: Sequence[str], before: Written | None
) -> tuple[str, ...] | None:
    """The note's tags after sync, or ``None`` when they stay as they are."""
    own = {tag.casefold() for tag in _own_tags(desired)}
    dropped = {tag.casefold() for tag in (before.tags if before else ())} - own
    kept = [tag for tag in current if tag == ORPHAN_TAG or not (_owned(tag) or tag.casefold() in dropped)]
    have = {tag.casefold() for tag in kept}
    result = [
        *(tag for tag in desired if _owned(tag)),
        *kept,
        *(tag for tag in desired if not _owned(tag) and tag.casefold() not in have),
    ]
    result = [tag for tag in result if tag != ORPHAN_TAG]  # a restored note loses it (see _restore)
    same = {tag.casefold() for tag in result} == {tag.casefold() for tag in current if tag != ORPHAN_TAG}
    return None if same else tuple(result)


def _home(found: FoundNote) -> str:
    return found.cards[0].deck if found.cards else ""


def _move(note: AnkiNote, found: FoundNote, before: Written | None, home: str) -> Move | None:
    """Cards to move to the item's deck: those still where ccpkit put them, by the record or else by
    the ledger's ``home`` (any card, when neither knows), or in that module's deck under the course's
    deck as it is named now (the student renamed it in Anki, and the notes' title with it). Anki's
    deck names ignore case, so a deck named anew in other case is the same deck."""
    put = (before.deck if before is not None and before.deck else home).casefold()
    wanted = note.deck.casefold()
    course, _, module = put.rpartition("::")
    renamed = f"{wanted.rpartition('::')[0]}::{module}" if course else put
    movable = [
        card
        for card in found.cards
        if card.deck.casefold() != wanted and (not put or card.deck.casefold() in (put, renamed))
    ]
    if not movable:
        return None
    plain = tuple(card.id for card in movable if not card.filtered)
    filtered = tuple(card.id for card in movable if card.filtered)
    return Move(note, plain, filtered, movable[0].deck, note.deck)


def _restore(
    note: AnkiNote, found: FoundNote, before: Written | None, suspended_by_sync: tuple[int, ...] | None
) -> Restore | None:
    """A retired note whose item is back: untag it and unsuspend the cards ccpkit suspended (as the
    record says, or else the collection); the student's stay suspended, and so do cards nothing tells
    whose suspension they are (a note retired by a ccpkit before the collection remembered them)."""
    suspended = {card.id for card in found.cards if card.suspended}
    if ORPHAN_TAG not in found.tags and suspended_by_sync is None:
        return None  # never retired, or so long ago that only its tag told
    if ORPHAN_TAG not in found.tags:  # the student untagged it: sync's suspensions are still to undo
        return Restore(note, found.id, tuple(sorted(suspended & set(suspended_by_sync or ()))))
    if before is None and suspended_by_sync is None:
        return Restore(note, found.id, (), tuple(sorted(suspended)))
    ours = set(before.suspended) if before is not None else set(suspended_by_sync or ())
    return Restore(note, found.id, tuple(sorted(suspended & ours)))


def _orphans(
    wanted: Wanted,
    state: CollectionState,
    record: SyncRecord,
    choices: Choices,
    written: dict[str, Written],
) -> tuple[tuple[Retire, ...], tuple[Retire, ...], int]:
    """Notes whose item left the notes: newly retired ones, and (``delete_orphans``) all to delete. One
    sync retired before (the collection lists it) whose tag the student removed is theirs to study:
    neither retired again nor deleted."""
    retired, deleted = [], []
    found = [  # a note the student gave another note type, or took back to study, is theirs
        (guid, note_id, note)
        for guid, note_id in wanted.orphans.items()
        if (note := state.notes.get(guid)) is not None
        and note.note_type in _types_of(note_id)
        and not (ORPHAN_TAG not in note.tags and guid in state.suspended_by_sync)  # untagged after retiring
    ]
    if not choices.retire:
        return (), (), sum(ORPHAN_TAG not in note.tags for _, _, note in found)
    for guid, note_id, note in found:
        suspend = tuple(card.id for card in note.cards if not card.suspended)
        orphan = Retire(guid, note_id, note.id, suspend)
        if choices.delete_orphans:
            deleted.append(orphan)
        elif ORPHAN_TAG not in note.tags:
            retired.append(orphan)
            before = written.get(guid) or Written(id=note_id, fields={})
            written[guid] = replace(before, suspended=suspend)
    return tuple(retired), tuple(deleted), 0


def _reset_orphans(wanted: Wanted, state: CollectionState, record: SyncRecord) -> tuple[Retire, ...]:
    """Retired notes (still tagged) whose cards sync suspended Anki's *Reset* unsuspended, those cards
    to suspend again: a Reset of the whole course is no choice to study a note that left the notes,
    while a card the student unsuspended by hand (or studied since) is theirs."""
    again = []
    for guid, note_id in wanted.orphans.items():
        note = state.notes.get(guid)
        if note is None or ORPHAN_TAG not in note.tags or note.note_type not in _types_of(note_id):
            continue
        before = record.notes.get(guid)
        ours = set(before.suspended) if before is not None else set(state.suspended_by_sync.get(guid, ()))
        reset = tuple(card.id for card in note.cards if card.id in ours and card.reset and not card.suspended)
        again += [Retire(guid, note_id, note.id, reset)] if reset else []
    return tuple(again)


def _types_of(note_id: str) -> set[int]:
    """The note types an item's note may have: its kind's, by the kind its id names
    (``02-compute/mcq/…``), or any of ours for a pinned id."""
    kind = note_id.split("/")[1] if note_id.count("/") >= 2 else ""
    own = BY_KIND.get(kind)
    return {note_type.id for note_type in NOTE_TYPES if own is None or note_type is own}


def _note_type_updates(
    wanted: Wanted, state: CollectionState, record: SyncRecord, styles: Mapping[str, str]
) -> tuple[tuple[NoteTypeUpdate, ...], dict[str, tuple[str, str]], tuple[str, ...], tuple[Restyled, ...]]:
    """ccpkit's note types already in the collection (and Anki's copies of them, ``ccpkit Term v1+``)
    whose templates or CSS differ, or that lack a field (a field the student added is kept; ours are
    matched by name); the parts the student restyled in Anki while ccpkit's stayed as the record has
    them (or, none recorded, as an import brought them: unchanged since, older than the note type's
    change), which are kept; those of them that name a field of ours gone missing, which are replaced
    (Anki rewrote them on the rename); and every part of the student's replaced, also as ccpkit's
    changed since the sync that recorded them (Anki's then reads as none it wrote), to save. ``styles``:
    what ccpkit's templates hold now (``_styles``)."""
    updates, replaced, restyled = [], [], []
    kept: dict[str, tuple[str, str]] = {}  # `<id>/css` → its name in the report, the student's text
    for note_type in NOTE_TYPES:
        own = state.note_types.get(note_type.id)  # none: added with the notes that use it, as an import
        for found in (*([own] if own else []), *state.note_type_copies.get(note_type.id, ())):
            styled = _styled(note_type, found, wanted, record, styles)
            updates += [styled.update] if styled.update else []
            kept.update(styled.kept)
            replaced += styled.replaced
            restyled += styled.restyled
    return tuple(updates), kept, tuple(replaced), tuple(restyled)


@dataclass(frozen=True, slots=True)
class _Styled:
    """One note type in Anki (ours, or Anki's copy of it) against the notes' templates."""

    update: NoteTypeUpdate | None
    kept: dict[str, tuple[str, str]]
    replaced: list[str]
    restyled: list[Restyled]


def _styled(
    note_type: NoteType, found: FoundNoteType, wanted: Wanted, record: SyncRecord, styles: Mapping[str, str]
) -> _Styled:
    """What ``_note_type_updates`` decides for ``found``, ``note_type`` as Anki holds it (ours, or Anki's
    copy of it): its update (or none), the student's styling kept, replaced, and to save. A copy's parts
    are compared with what ccpkit's templates were at the last sync, as ours are: its cards are
    ccpkit's to style as well."""
    templates = wanted.templates
    card = templates.cards[note_type.key]
    missing = tuple(name for name in note_type.fields if name not in found.fields)
    parts = {
        "front": (found.front, card.front),
        "back": (found.back, card.back),
        "css": (found.css, templates.css),
    }
    styled = _Styled(None, {}, [], [])
    written: dict[str, str] = {}
    for what, (old, new) in parts.items():
        sent = record.styles.get(f"{note_type.id}/{what}")
        ours_unchanged = (  # since Anki last had them: as sync wrote them, or older than its change
            found.modified > wanted.templates_modified
            if sent is None
            else sent == styles[f"{note_type.id}/{what}"]
        )
        theirs = old != new and ours_unchanged
        # a field re-added: Anki rewrote the templates that named it when it was renamed or removed
        renamed = any(_names_field(new, name) for name in missing)
        written[what] = old if theirs and not renamed else new
        students = theirs or (sent is not None and text_hash(old) != sent)
        styled.restyled.extend(
            [Restyled(found.name, what, old, new)] if students and written[what] != old else []
        )
        if theirs and not renamed:
            styled.kept[f"{found.id}/{what}"] = (f"{found.name} ({what})", old)
        styled.replaced.extend([f"{found.name} ({what})"] if theirs and renamed else [])
    changed = [what for what, (old, _) in parts.items() if old != written[what]]
    if not (changed or missing):
        return styled
    update = NoteTypeUpdate(
        found.id,
        found.name,
        written["front"],
        written["back"],
        written["css"],
        (*changed, *missing),
        missing,
        note_type.id,
    )
    return replace(styled, update=update)


def _names_field(template: str, name: str) -> bool:
    """Whether a card template shows field ``name`` (``{{Definition}}``, ``{{cloze:Text}}``)."""
    return re.search(rf"\{{\{{[^{{}}]*?\b{re.escape(name)}\s*\}}\}}", template) is not None


def _emptied_fields(
    written: dict[str, Written], note_types: Sequence[NoteTypeUpdate], synced: set[str]
) -> None:
    """Record a field this sync adds back to a note type as empty on the notes of that type it does not
    write (another module's, or one the notes' errors hold): the next sync that covers them sees no
    edit of the student's in it, and writes the notes' text."""
    for update in note_types:
        if not update.missing_fields:
            continue
        fields = next(set(note_type.fields) for note_type in NOTE_TYPES if note_type.id == update.ours)
        for guid, before in written.items():
            if guid not in synced and set(before.fields) == fields:
                emptied = dict.fromkeys(update.missing_fields, text_hash(""))
                written[guid] = replace(before, fields={**before.fields, **emptied})


def _styles(templates: AnkiTemplates) -> dict[str, str]:
    """What ccpkit's templates hold now, as the record keeps it (``SyncRecord.styles``)."""
    return {
        f"{note_type.id}/{what}": text_hash(text)
        for note_type in NOTE_TYPES
        for what, text in (
            ("front", templates.cards[note_type.key].front),
            ("back", templates.cards[note_type.key].back),
            ("css", templates.css),
        )
    }


def _emptied_decks(
    plan: Plan, notes: Sequence[AnkiNote], state: CollectionState, record: SyncRecord, homes: Iterable[str]
) -> tuple[str, ...]:
    """ccpkit's decks (those the record or the ledger's ``homes`` name, and their parents) that this
    sync leaves without cards or other decks; a deck of the student's is theirs, empty or not."""
    counts: Counter[str] = Counter(state.cards_in)
    for move in plan.moved:
        moving = len(move.cards) + len(move.filtered)
        counts[move.old] -= moving
        counts[move.new] += moving
    deleted = {orphan.guid for orphan in plan.deleted}
    for guid in deleted:
        for card in state.notes[guid].cards:
            counts[card.deck] -= 1
    ours = {*record.decks, *(home for home in homes if home)}
    wanted = {note.deck for note in notes}
    candidates = {name for deck in ours for name in with_parents(deck)} & set(state.decks)
    keep = {name for deck in wanted for name in with_parents(deck)} | {DEFAULT_DECK}
    removable: set[str] = set()
    for name in sorted(candidates, key=lambda deck: -deck.count("::")):  # children first
        children = [
            deck
            for deck in state.decks
            if deck.startswith(f"{name}::") and deck.count("::") == name.count("::") + 1
        ]
        if (
            name not in keep
            and name not in state.filtered_decks
            and counts[name] <= 0
            and all(child in removable for child in children)
        ):
            removable.add(name)
    return tuple(sorted(removable))


def with_parents(deck: str) -> list[str]:
    """``A::B::C`` and the decks above it, ``A`` and ``A::B``."""
    parts = deck.split("::")
    return ["::".join(parts[:end]) for end in range(1, len(parts) + 1)]
