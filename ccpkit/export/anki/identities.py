"""Settling note identities: the ledger reconciled with the Anki notes of this build."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from functools import partial

from ccpkit.cloze_syntax import kept_numbers
from ccpkit.export import ExportOptions, NoteIdentity, Settled
from ccpkit.export.anki.card_templates import AnkiTemplates, templates_of
from ccpkit.export.anki.notes import UNRECORDED, AnkiPart, Draft, course_draft, default_guid
from ccpkit.ledger import Ledger, Reconciliation, entries_before, only_sent, reconcile, stamp_templates
from ccpkit.model import Deck


@dataclass(frozen=True, slots=True)
class Settlement:
    """What the ledger says now: the changes (``changes.ledger`` is the ledger to record), each note's
    identity, and when the card templates last changed (``None`` if they were not stamped)."""

    changes: Reconciliation
    templates_modified: int | None

    @property
    def identities(self) -> dict[str, NoteIdentity]:
        """Each note's identity, by note id, as the settled ledger records it."""
        return {
            key: NoteIdentity(entry.guid, entry.modified, entry.clozes)
            for key, entry in self.changes.ledger.notes.items()
        }


def settle(
    ledger: Ledger,
    draft: Draft,
    *,
    now: int,
    templates: AnkiTemplates | None,
    in_error: Collection[str],
) -> Settlement:
    """Reconcile the ledger with the whole deck's notes (``course_draft``); stamp the ``templates``
    when given (an .apkg is built: its note types need their change time). ``in_error``: the
    modules whose notes hold errors, so a missing note may only have failed to parse."""
    new_guid = partial(default_guid, scope=ledger.guid_scope)
    changes = reconcile(
        ledger, draft.fingerprints_for(ledger.notes), now=now, new_guid=new_guid, in_error=in_error
    )
    settled = _kept_cloze_numbers(changes.ledger, draft.hidden())
    if templates is not None:
        settled = stamp_templates(settled, templates.digest(), now=now)
        restyled = ledger.templates is not None and ledger.templates != settled.templates
        changes = replace(changes, restyled=restyled)
    templates_modified = settled.templates.modified if settled.templates else None
    return Settlement(replace(changes, ledger=settled), templates_modified)


def _kept_cloze_numbers(ledger: Ledger, hidden: Mapping[str, tuple[str, ...]]) -> Ledger:
    """The ledger with each cloze note's parts under the numbers they keep (``kept_numbers``)."""
    kept = {}
    for key, parts in hidden.items():
        entry = ledger.notes.get(key)
        if entry is not None and (numbers := kept_numbers(parts, entry.clozes)) != entry.clozes:
            kept[key] = replace(entry, clozes=numbers)
    return replace(ledger, notes={**ledger.notes, **kept}) if kept else ledger


def settle_identities(
    ledger: Ledger,
    deck: Deck,
    options: ExportOptions,
    *,
    now: int,
    in_error: Collection[str],
    draft: Draft | None = None,
) -> tuple[Reconciliation, ExportOptions]:
    """Reconcile the ledger with this deck's Anki notes, stamping the templates; return the changes
    and options carrying the identities (for ``ccpkit sync``). ``draft``: the deck's ``course_draft``
    when the caller made it (to take the notes from it), so the course is rendered once."""
    draft = draft or course_draft(deck, options)
    templates = templates_of(options)
    settlement = settle(
        _in_course(ledger, deck, options),
        draft,
        now=now,
        templates=templates,
        in_error=in_error,
    )
    settled_options = replace(
        options, identities=settlement.identities, templates_modified=settlement.templates_modified
    )
    return settlement.changes, settled_options


def settle_parts(
    ledger: Ledger,
    whole_deck: Deck,
    deck: Deck,
    parts: Mapping[str, AnkiPart],
    options: ExportOptions,
    *,
    now: int,
    with_templates: bool,
    in_error: Collection[str],
) -> tuple[Reconciliation, Settled]:
    """Reconcile the ledger with the notes of the whole deck, from the modules' ``parts`` (by slug),
    stamping the card templates when ``with_templates`` (an .apkg is built); return the changes and
    the notes of ``deck``, the modules being built, with their identities (no other copy is kept).
    The ledger to record keeps the other modules' notes as they were: the build that sends them dates
    their changes (``only_sent``)."""
    templates = templates_of(options) if with_templates else None
    draft = course_draft(whole_deck, options, [parts[module.slug] for module in whole_deck.modules])
    ledger = _in_course(ledger, whole_deck, options)
    settlement = settle(ledger, draft, now=now, templates=templates, in_error=in_error)
    changes = settlement.changes
    identities = changes.ledger.notes  # the entries themselves: no copy of each as a NoteIdentity
    if deck is whole_deck:
        shown = draft.notes(identities)
    else:
        sent = {module.slug for module in deck.modules}
        shown = draft.notes_of(identities, sent)
        changes = replace(changes, ledger=only_sent(entries_before(ledger, changes), changes.ledger, sent))
        changes = changes.of_modules(sent, built=len(shown))
    newest_note = max((note.modified for note in shown), default=UNRECORDED)
    return changes, Settled(shown, templates, settlement.templates_modified or newest_note)


def _in_course(ledger: Ledger, deck: Deck, options: ExportOptions) -> Ledger:
    """A ledger starting now makes its notes' GUIDs in this course (named as its Anki deck), so another
    course's notes of the same ids are other notes in a shared collection."""
    if ledger.notes or ledger.guid_scope:
        return ledger
    return replace(ledger, guid_scope=options.deck_name or deck.title)
