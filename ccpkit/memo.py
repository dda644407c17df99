"""A disk memo for slow work done per module (parsing it, rendering its Anki fields, laying out its
part of the course PDF), so a build after editing one module redoes that work for that module only.

Each entry sits in a slot (a name within a group: ``03-networking`` in ``course``) with the digest
of everything it was made from, and is reused only for an equal digest: a stale entry is never read.
Digests start from ccpkit's own code and the versions of the libraries it renders with, so a new
ccpkit, or an upgraded reportlab, never reads an older build's entries.
The memo lives in the build folder (``.ccpkit-cache/``) and may be deleted at any time.
Entries are Python pickles made by this build folder's own builds; like a virtualenv, the folder is
meant for its owner alone.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from ccpkit.incremental import digest
from ccpkit.model import Module

FOLDER_NAME = ".ccpkit-cache"
_SUFFIX = ".pickle"
_PARTIAL = ".tmp"

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Memo:
    """Slots of remembered results; a memo without a folder remembers nothing."""

    folder: Path | None = None

    @property
    def keeps(self) -> bool:
        """Whether what is kept can be recalled later (there is a folder)."""
        return self.folder is not None

    def recall(self, group: str, name: str, key: str, kind: type[T]) -> T | None:
        """The ``kind`` value kept in the slot for ``key``; ``None`` if there is none or it is unreadable."""
        if self.folder is None:
            return None
        try:
            with (self.folder / group / f"{name}{_SUFFIX}").open("rb") as stream:
                if stream.readline() != key.encode() + b"\n":
                    return None
                value = pickle.load(stream)
        except Exception:  # whatever an older or damaged entry raises: it is simply made again
            return None
        return value if isinstance(value, kind) else None

    def per_module(
        self, group: str, module: Module, make: Callable[[Module], T], kind: type[T], *context: str
    ) -> T:
        """``make(module)``, or what it gave in an earlier build for an equal module and ``context``
        (digests of whatever else ``make`` reads)."""
        key = _module_key(group, module, context)
        kept = self.recall(group, module.slug, key, kind)
        if kept is None:
            kept = make(module)
            self.keep(group, module.slug, key, kept)
        return kept

    def holds(self, group: str, module: Module, *context: str) -> bool:
        """Whether ``per_module`` would find a value for this module and context (reads one line)."""
        if self.folder is None:
            return False
        try:
            with (self.folder / group / f"{module.slug}{_SUFFIX}").open("rb") as stream:
                return stream.readline() == _module_key(group, module, context).encode() + b"\n"
        except OSError:
            return False

    def keep(self, group: str, name: str, key: str, value: object) -> None:
        """Remember ``value`` for ``key`` in the slot, replacing what the slot held.

        Written whole or not at all; a memo that cannot be written (full disk, say) is only slower.
        """
        if self.folder is None:
            return
        target = self.folder / group / f"{name}{_SUFFIX}"
        temporary = None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=_PARTIAL)
            with os.fdopen(handle, "wb") as stream:
                stream.write(key.encode() + b"\n")
                pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, target)
        except BaseException as error:
            if temporary is not None:
                Path(temporary).unlink(missing_ok=True)
            if not isinstance(error, OSError):
                raise

    def keep_only(self, names: Iterable[str]) -> None:
        """Forget every slot of every group but ``names`` (the entries of modules that are gone), and
        any half-written entry a stopped helper left. Call it when no build is writing the memo."""
        if self.folder is None:
            return
        wanted = {f"{name}{_SUFFIX}" for name in names}
        with suppress(OSError):
            for path in [*self.folder.glob(f"*/*{_SUFFIX}"), *self.folder.glob(f"*/.*{_PARTIAL}")]:
                if path.name not in wanted:
                    path.unlink(missing_ok=True)


def _module_key(group: str, module: Module, context: tuple[str, ...]) -> str:
    return digest(group, repr(module), *context)
