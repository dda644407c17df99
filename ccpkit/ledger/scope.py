"""Which course a ledger belongs to: its GUID scope, the title (or deck) its first build was named."""

from __future__ import annotations

import shlex
from pathlib import Path

from ccpkit.errors import UsageError
from ccpkit.ledger.entries import Ledger


def require_named(ledger: Ledger, notes: Path, title: str, *, named: bool) -> None:
    """A course that nothing names here (no ccpkit.toml, no ``--title``: ``named`` is false), whose
    title from its notes folder is not the one its ledger recorded, is a usage error: run from
    elsewhere, the build or sync would move every card to a deck of that folder's name."""
    scope = ledger.guid_scope
    if named or not scope or scope == title:
        return
    raise UsageError(
        f"the ledger in {notes} names this course {scope!r}, but no ccpkit.toml or --title names it "
        f"here, so it would be {title!r}, after its notes folder, and every card would "
        "move to a deck of that name: run ccpkit in the course's folder (beside its ccpkit.toml), or "
        f"pass --title {shlex.quote(scope)}"
    )
