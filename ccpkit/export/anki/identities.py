"""Settling note identities: the ledger reconciled with the Anki notes of this build."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from ccpkit.export import ExportOptions, NoteIdentity
from ccpkit.export.anki.card_templates import AnkiTemplates, load_templates
from ccpkit.export.anki.notes import AnkiNote, course_notes, deck_name_for, default_guid, fingerprint
from ccpkit.ledger import Ledger, Reconciliation, reconcile, stamp_templates
from ccpkit.model import Deck


@dataclass(frozen=True, slots=True)
class Settlement:
    """What the ledger says now: the changes (``changes.ledger`` is the ledger to record), each note's
    identity, and when the card templates last changed (``None`` if they were not stamped)."""

    changes: Reconciliation
    identities: Mapping[str, NoteIdentity]
    templates_modified: int | None


def settle(
    ledger: Ledger, deck: Deck, notes: Sequence[AnkiNote], *, now: int, templates: AnkiTemplates | None
) -> Settlement:
    """Reconcile the ledger with ``notes`` (the deck's notes as rendered, before identities); stamp the
    ``templates`` when given (an .apkg is built: its note types need their change time)."""
    under_title = {module.slug: deck_name_for(deck.title, module) for module in deck.modules}
    fingerprints = [fingerprint(note, earlier_deck=under_title[note.module]) for note in notes]
    changes = reconcile(ledger, fingerprints, now=now, new_guid=default_guid)
    settled = changes.ledger
    if templates is not None:
        settled = stamp_templates(settled, templates.digest(), now=now)
    identities = {key: NoteIdentity(entry.guid, entry.modified) for key, entry in settled.notes.items()}
    templates_modified = settled.templates.modified if settled.templates else None
    return Settlement(replace(changes, ledger=settled), identities, templates_modified)


def settle_identities(
    ledger: Ledger, deck: Deck, options: ExportOptions, *, now: int
) -> tuple[Reconciliation, ExportOptions]:
    """Reconcile the ledger with this deck's Anki notes, stamping the templates; return the changes
    and options carrying the identities (for ``ccpkit sync``)."""
    notes = course_notes(deck, replace(options, identities={}))
    settlement = settle(ledger, deck, notes, now=now, templates=load_templates(options.templates))
    settled_options = replace(
        options, identities=settlement.identities, templates_modified=settlement.templates_modified
    )
    return settlement.changes, settled_options
