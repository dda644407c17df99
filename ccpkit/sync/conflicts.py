"""The conflicts file: each note edited in Anki whose study text also changed in the notes, with
both versions, so the side that lost is never lost; and the student's styling of a note type that the
notes' templates replaced."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path, PurePosixPath

from ccpkit.sync.decisions import Conflict, Restyled


def conflicts_markdown(
    conflicts: Sequence[Conflict],
    restyled: Sequence[Restyled] = (),
    *,
    notes: Path,
    collection: Path,
    keep_anki: bool,
    when: str,
    media: Mapping[str, Sequence[str]] | None = None,
) -> bytes:
    """A Markdown page: per conflicting field, ``path:line`` of the item, Anki's and the notes' text
    (with the pictures Anki's shows, where ``media`` gives, by Anki's text, their copies' paths beside
    the page); then per note type part restyled in Anki and replaced, Anki's and the notes' templates."""
    kept = "Anki's text was kept (--keep-anki)" if keep_anki else "the notes' text was written to Anki"
    lines = [f"# Sync conflicts, {when}", "", f"Collection: `{collection}`."]
    if conflicts:
        lines += [
            "These fields were edited in Anki since the last sync, and their study text also changed",
            f"in the notes: {kept}. The other version is here.",
        ]
    if restyled:
        lines += [
            "The styling you gave ccpkit's note types in Anki, below, was replaced as the notes'",
            "templates changed: to keep it, put it into the notes' templates/anki/ files.",
        ]
    lines.append("If the sync did not finish, the collection was left as it was (see the sync's output).")
    for conflict in conflicts:
        note = conflict.note
        heading = f"{notes / note.source.path}:{note.source.line} — {note.id} ({conflict.field})"
        lines += _both(heading, conflict.anki, conflict.notes, "html", (media or {}).get(conflict.anki, ()))
    for part in restyled:
        heading = f"{part.name} ({part.part}): your styling in Anki, replaced by the notes' templates"
        lines += _both(heading, part.anki, part.notes, "css" if part.part == "css" else "html")
    return ("\n".join(lines) + "\n").encode()


def deleted_markdown(
    deleted: Sequence[tuple[str, Mapping[str, str]]],
    *,
    collection: Path,
    when: str,
    media: Mapping[str, Sequence[str]] | None = None,
) -> bytes:
    """A Markdown page: per note ``--delete-orphans`` deletes, its ccpkit id and each field's text as
    Anki held it (the student's words in it too), fenced, and the pictures it shows (``media``: their
    copies' paths beside the page, by the note's id)."""
    lines = [
        f"# Notes deleted by sync, {when}",
        "",
        f"Collection: `{collection}`.",
        "`ccpkit sync --delete-orphans` deleted these notes, whose item left the notes, with their review",
        "history. Their fields, as Anki held them (with any words of yours), are here.",
        "If the sync did not finish, the collection was left as it was (see the sync's output).",
    ]
    for note_id, fields in deleted:
        lines += ["", f"## {note_id}"]
        for name, text in fields.items():
            lines += ["", f"{name}:", "", *_fenced(text, "html")]
        lines += _shown((media or {}).get(note_id, ()))
    return ("\n".join(lines) + "\n").encode()


def _both(heading: str, anki: str, notes: str, language: str, copies: Sequence[str] = ()) -> list[str]:
    """A section: its heading, then Anki's text (and the copies of what it shows) and the notes' text,
    each fenced."""
    return [
        "",
        f"## {heading}",
        "",
        "Anki's text:",
        "",
        *_fenced(anki, language),
        *_shown(copies),
        "",
        "The notes' text:",
        "",
        *_fenced(notes, language),
    ]


def _shown(copies: Sequence[str]) -> list[str]:
    """Lines showing the pictures copied beside the page (none: no lines)."""
    if not copies:
        return []
    pictures = (f"![{PurePosixPath(copy).name}](<{copy}>)" for copy in copies)
    return ["", "What it shows, copied beside this file:", "", *pictures]


def _fenced(text: str, language: str) -> list[str]:
    fence = "```"
    while fence in text:
        fence += "`"
    return [f"{fence}{language}", text, fence]
