"""The conflicts file: each note edited in Anki whose study text also changed in the notes, with
both versions, so the side that lost is never lost."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ccpkit.sync.decisions import Conflict


def conflicts_markdown(
    conflicts: Sequence[Conflict], *, notes: Path, collection: Path, keep_anki: bool, when: str
) -> bytes:
    """A Markdown page: per conflicting field, ``path:line`` of the item, Anki's and the notes' text."""
    kept = "Anki's text was kept (--keep-anki)" if keep_anki else "the notes' text was written to Anki"
    lines = [
        f"# Sync conflicts, {when}",
        "",
        f"Collection: `{collection}`. These fields were edited in Anki since the last sync, and their",
        f"study text also changed in the notes: {kept}. The other version is here.",
        "If the sync did not finish, the collection was left as it was (see the sync's output).",
    ]
    for conflict in conflicts:
        note = conflict.note
        lines += [
            "",
            f"## {notes / note.source.path}:{note.source.line} — {note.id} ({conflict.field})",
            "",
            "Anki's text:",
            "",
            *_fenced(conflict.anki),
            "",
            "The notes' text:",
            "",
            *_fenced(conflict.notes),
        ]
    return ("\n".join(lines) + "\n").encode()


def _fenced(text: str) -> list[str]:
    fence = "```"
    while fence in text:
        fence += "`"
    return [f"{fence}html", text, fence]
