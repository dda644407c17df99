"""Reviewable text forms of built outputs, for golden files: what an exporter made, as a diff can show it.

The .apkg is read as it was written (its SQLite collection, no Anki import in between); a PDF as the
text of each page and the pictures drawn on it. CSV and JSON files are text already and are kept byte
for byte; a picture of the CSV media folder by its size and digest.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from tests.export.pdf.reading import placed_pictures


def readable_outputs(folder: Path) -> dict[str, bytes]:
    """Each output file under ``folder`` (one format's folder) → its reviewable forms, by relative path."""
    made: dict[str, bytes] = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(folder).as_posix()
        match path.suffix:
            case ".apkg":
                notes, note_types = anki_package_text(path)
                made[f"{name}.notes.json"] = notes.encode()
                made[f"{name}.note-types.txt"] = note_types.encode()
            case ".pdf":
                made[f"{name}.txt"] = pdf_text(path).encode()
            case ".csv" | ".json":
                made[name] = path.read_bytes()
            case ".png" | ".jpg" | ".gif" | ".svg":
                data = path.read_bytes()
                made[f"{name}.txt"] = (
                    f"{len(data)} bytes, sha256 {hashlib.sha256(data).hexdigest()}\n".encode()
                )
            case _:
                raise AssertionError(f"no reviewable form for {path}: add one to tests/export/readable.py")
    return made


def anki_package_text(package: Path) -> tuple[str, str]:
    """The package's notes (note type, decks, GUID, tags, every field's HTML) as JSON, and its note
    types (ids, fields, card templates, CSS) as text."""
    with _collection(package) as collection, closing(collection):
        models: dict[str, Any] = json.loads(collection.execute("SELECT models FROM col").fetchone()[0])
        decks: dict[str, Any] = json.loads(collection.execute("SELECT decks FROM col").fetchone()[0])
        card_decks: dict[int, set[str]] = {}
        for note_id, deck_id in collection.execute("SELECT nid, did FROM cards"):
            card_decks.setdefault(note_id, set()).add(decks[str(deck_id)]["name"])
        notes = []
        # Rows in the order they were written (the deck's order); the ids themselves are not shown.
        for note_id, guid, model_id, tags, fields in collection.execute(
            "SELECT id, guid, mid, tags, flds FROM notes ORDER BY id"
        ):
            model = models[str(model_id)]
            names = [field["name"] for field in model["flds"]]
            notes.append(
                {
                    "note type": model["name"],
                    "decks": sorted(card_decks.get(note_id, ())),
                    "guid": guid,
                    "tags": tags.split(),
                    "fields": dict(zip(names, fields.split("\x1f"), strict=True)),
                }
            )
        deck_ids = {deck["name"]: deck["id"] for deck in decks.values()}
        with zipfile.ZipFile(package) as archive:
            media = json.loads(archive.read("media"))
    notes_json = {"decks": dict(sorted(deck_ids.items())), "media": media, "notes": notes}
    note_types = "".join(_note_type_text(model) for model in sorted(models.values(), key=lambda m: m["name"]))
    return json.dumps(notes_json, ensure_ascii=False, indent=2) + "\n", note_types


def _note_type_text(model: dict[str, Any]) -> str:
    lines = [
        f"=== note type {model['name']!r} (id {model['id']}, type {model['type']}, "
        f"sort field {model['sortf']})",
        "fields: " + ", ".join(field["name"] for field in model["flds"]),
    ]
    for template in model["tmpls"]:
        lines += [f"--- card {template['name']!r}: front", template["qfmt"].rstrip("\n")]
        lines += [f"--- card {template['name']!r}: back", template["afmt"].rstrip("\n")]
    lines += ["--- css", model["css"].rstrip("\n"), ""]
    return "\n".join(lines) + "\n"


@contextmanager
def _collection(package: Path) -> Iterator[sqlite3.Connection]:
    with tempfile.TemporaryDirectory() as folder, zipfile.ZipFile(package) as archive:
        yield sqlite3.connect(archive.extract("collection.anki2", folder))


def pdf_text(pdf: Path) -> str:
    """The page count, then each page's extracted text under a marker line, then a line for each
    picture drawn on the page (its kind and size, and the size it prints at)."""
    pages = PdfReader(pdf).pages
    pictures = placed_pictures(pdf.read_bytes())
    parts = [f"pages: {len(pages)}"]
    for number, page in enumerate(pages, start=1):
        parts += [f"=== page {number} of {len(pages)}", page.extract_text().rstrip("\n")]
        parts += [
            f"[picture: {p.kind} {p.size[0]:g}x{p.size[1]:g}{' px' if p.kind == 'image' else ' pt'}, "
            f"printed {p.width:.1f}x{p.height:.1f} pt]"
            for p in pictures
            if p.page == number - 1
        ]
    return "\n".join(parts) + "\n"
