"""Finding the student's collection: an explicit path, or a profile in Anki desktop's data folder.

Anki desktop keeps every profile in one data folder (``<base>/<profile>/collection.anki2``, backups in
``<base>/<profile>/backups``). The base is ``$ANKI_BASE`` when set, else ``%APPDATA%\\Anki2`` on
Windows, ``~/Library/Application Support/Anki2`` on macOS and ``$XDG_DATA_HOME/Anki2`` (default
``~/.local/share/Anki2``) elsewhere, the same rule Anki's own profile manager follows.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Mapping
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from ccpkit.errors import UsageError

COLLECTION_FILE = "collection.anki2"
BACKUP_FOLDER = "backups"


@dataclass(frozen=True, slots=True)
class Located:
    """The collection file to sync, and the folder its backups go to (Anki's own for a profile)."""

    collection: Path
    backups: Path


def anki_base(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> Path:
    """Anki desktop's data folder on this system."""
    if environ.get("ANKI_BASE"):
        return Path(environ["ANKI_BASE"]).expanduser()
    home = Path(environ.get("HOME") or Path.home())
    if platform.startswith("win"):
        appdata = environ.get("APPDATA")
        return Path(appdata) / "Anki2" if appdata else home / "AppData" / "Roaming" / "Anki2"
    if platform == "darwin":
        return home / "Library" / "Application Support" / "Anki2"
    data = environ.get("XDG_DATA_HOME") or str(home / ".local" / "share")
    return Path(data) / "Anki2"


def profiles(base: Path) -> list[str]:
    """Names of the profiles in a data folder: its subfolders holding a collection."""
    if not base.is_dir():
        return []
    return sorted(entry.name for entry in base.iterdir() if (entry / COLLECTION_FILE).is_file())


def locate(
    collection: Path | None,
    profile: str | None,
    environ: Mapping[str, str] = os.environ,
    platform: str = sys.platform,
) -> Located:
    """The collection named by ``--collection`` or ``--profile``; without either, the only profile."""
    if collection is not None and profile is not None:
        raise UsageError("give --collection or --profile, not both")
    if collection is not None:
        path = collection / COLLECTION_FILE if collection.is_dir() else collection
        if not path.is_file():
            raise UsageError(f"no Anki collection at {path}: give the path of a collection.anki2 file")
        if (wrong := _not_a_collection(path)) is not None:
            raise UsageError(
                f"{path} is {wrong}, not an Anki collection: give the path of a collection.anki2 file"
            )
        return Located(path, path.parent / BACKUP_FOLDER)
    base = anki_base(environ, platform)
    if not base.is_dir():
        raise UsageError(
            f"Anki's data folder {base} does not exist: open Anki desktop once to create it, set "
            "ANKI_BASE to the folder your Anki uses, or give --collection PATH"
        )
    found = profiles(base)
    if profile is None:
        if len(found) != 1:
            raise UsageError(_which_profile(base, found))
        profile = found[0]
    if profile not in found:
        if (base / profile).is_dir():
            raise UsageError(
                f"Anki profile {profile!r} in {base} has no collection yet: open it in Anki once"
            )
        known = ", ".join(found) if found else "none"
        raise UsageError(f"no Anki profile {profile!r} in {base} (profiles there: {known})")
    folder = base / profile
    return Located(folder / COLLECTION_FILE, folder / BACKUP_FOLDER)


def _not_a_collection(path: Path) -> str | None:
    """What the file at ``path`` is when it is no Anki collection (an empty file, another program's
    database), which Anki's library would otherwise turn into one, adding its tables; ``None`` for a
    collection, or a file it cannot read (the sync says why)."""
    try:
        with path.open("rb") as stream:
            head = stream.read(len(_SQLITE))
    except OSError:
        return None
    if not head:
        return "an empty file"
    if head != _SQLITE:
        return None  # damaged, or no database at all: Anki's library says which
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as database:
            tables = {
                name for (name,) in database.execute("select name from sqlite_master where type = 'table'")
            }
    except sqlite3.Error:
        return None
    return None if "col" in tables else "another program's database"


_SQLITE = b"SQLite format 3\x00"
"""How every SQLite database file opens."""


def _which_profile(base: Path, found: list[str]) -> str:
    if not found:
        return (
            f"no Anki profile found in {base}: open Anki once to create one, set ANKI_BASE to your "
            f"Anki data folder, or give --collection PATH"
        )
    return f"{len(found)} Anki profiles in {base} ({', '.join(found)}): choose one with --profile NAME"
