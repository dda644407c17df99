"""Anki note identities (GUID and last change) settled: the ledger reconciled with this build's notes.

The item ids they are keyed by come from ``ccpkit.item_ids``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ccpkit.export import ExportOptions, NoteIdentity
from ccpkit.export.anki.card_templates import load_templates
from ccpkit.export.anki.notes import anki_notes, default_guid, fingerprint
from ccpkit.ledger import Ledger, Reconciliation, reconcile, stamp_templates
from ccpkit.model import Deck


def settle_identities(
    ledger: Ledger, deck: Deck, options: ExportOptions, *, now: int, formats: Sequence[str] = ("anki",)
) -> tuple[Reconciliation, ExportOptions]:
    """Reconcile the ledger with this deck; return the changes and options carrying the identities."""
    links = options.anki_link_tables
    notes = anki_notes(deck, root_deck=options.deck_name, memo=options.memo, link_tables=links)
    under_title = anki_notes(deck, memo=options.memo, link_tables=links) if options.deck_name else notes
    fingerprints = [
        fingerprint(note, earlier_deck=old.deck) for note, old in zip(notes, under_title, strict=True)
    ]
    changes = reconcile(ledger, fingerprints, now=now, new_guid=default_guid)
    settled = changes.ledger
    if "anki" in formats:
        digest = load_templates(options.templates).digest()
        settled = stamp_templates(settled, digest, now=now)
    identities = {key: NoteIdentity(entry.guid, entry.modified) for key, entry in settled.notes.items()}
    templates_modified = settled.templates.modified if settled.templates else None
    settled_options = replace(options, identities=identities, templates_modified=templates_modified)
    return replace(changes, ledger=settled), settled_options
