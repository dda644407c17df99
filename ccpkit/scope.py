"""What a build or a sync is asked to cover: some of the modules, from a notes folder it can list into
an output folder apart from it."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ccpkit.errors import UsageError

if TYPE_CHECKING:  # a build with nothing to do never loads the model
    from ccpkit.model import Deck


def require_listable(notes: Path) -> None:
    """A notes folder that is there but cannot be listed (no permission), or a file in its place: a
    usage error naming it, before anything reads the ledger or the notes in it (a ledger "in" a file
    would be reported damaged). One not there is the reader's to report."""
    try:
        os.scandir(notes).close()
    except FileNotFoundError:
        return
    except NotADirectoryError:
        raise UsageError(
            f"notes folder {notes} is a file, not a folder: pass the folder that holds the notes with "
            "--notes DIR (or set [paths] notes in ccpkit.toml)"
        ) from None
    except OSError as error:
        raise UsageError(f"notes folder {notes} cannot be read: {error.strerror}") from None


def require_outside(notes: Path, out: Path) -> None:
    """An output folder inside the notes folder would be read back as notes: a usage error."""
    if out.resolve().is_relative_to(notes.resolve()):
        raise UsageError(f"output folder {out} is inside the notes folder {notes}: choose one outside it")


def only_modules(deck: Deck, numbers: Sequence[int]) -> Deck:
    """The deck limited to the given module numbers; an unknown number is a usage error."""
    if not numbers:
        return deck
    known = {module.number for module in deck.modules}
    unknown = sorted(set(numbers) - known)
    if unknown:
        raise UsageError(
            f"no module numbered {unknown[0]}; the notes have {', '.join(map(str, sorted(known)))}"
        )
    return replace(deck, modules=tuple(m for m in deck.modules if m.number in numbers))
