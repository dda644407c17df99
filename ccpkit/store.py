"""The build's one cache (``.ccpkit-cache/`` in the build folder, safe to delete): parsed modules and
parts under the digest of all they were made from, ccpkit's code included (an entry is never stale,
only unused); the ledger as last written (also as its file's bytes, ``ledger/last.py``); the last
build's record. Entries are pickles of this folder's own builds: like a virtualenv, the folder is its
owner's alone."""

from __future__ import annotations

import dataclasses
import io
import operator
import pickle
from collections.abc import Callable, Iterable
from contextlib import suppress
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

from ccpkit.errors import WriteError
from ccpkit.export import Output

FOLDER_NAME = ".ccpkit-cache"
_SUFFIX = ".pickle"

T = TypeVar("T")


class Store:
    """Values filed by key (a digest) in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get(self, key: str, kind: type[T]) -> T | None:
        """The ``kind`` value filed under ``key``; ``None`` if there is none or it is unreadable."""
        try:
            value = pickle.loads((self.folder / f"{key}{_SUFFIX}").read_bytes())
        except Exception:  # whatever an older or damaged entry raises: it is simply made again
            return None
        return value if isinstance(value, kind) else None

    def put(self, key: str, value: object) -> None:
        self.put_pickled(key, pickled(value))

    def put_pickled(self, key: str, data: bytes) -> None:
        """File a value ``pickled`` (on a helper, say), whole or not at all; a store that cannot be
        written (a full disk) only makes the next build slower."""
        from ccpkit.write import write_atomically  # tempfile and its imports: not for a no-op build

        with suppress(WriteError):
            write_atomically(self.folder, Output(PurePosixPath(f"{key}{_SUFFIX}"), data))

    def keep_only(self, keys: Iterable[str], *, names: Iterable[str] = ()) -> None:
        """Forget every entry but those of ``keys`` and the files ``names`` (and any a killed build
        half wrote)."""
        wanted = {f"{key}{_SUFFIX}" for key in keys} | set(names)
        with suppress(OSError):
            for path in self.folder.iterdir():
                if path.name not in wanted:
                    path.unlink(missing_ok=True)


def pickled(value: object) -> bytes:
    """``value`` as the store files it (``pickle.loads`` reads it back)."""
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return buffer.getvalue()


class _Pickler(pickle.Pickler):
    """Files a dataclass with slots (the model) as its class and field values: read back in a third of
    the time pickle's default takes, which looks the fields up for every object."""

    def reducer_override(self, obj: object) -> Any:
        kind: type = type(obj)  # mypy does not see type[object] as hashable
        values = _values_getter(kind)
        if values is None:
            return NotImplemented
        return rebuilt, (kind, values(obj))


@cache
def _values_getter(kind: type) -> Callable[[object], tuple[object, ...]] | None:
    """A function giving the field values of a dataclass with slots, in field order, made once per
    class (``attrgetter`` gets them all in one call: pickling takes two thirds of the time of a loop);
    ``None`` for any other class."""
    names = _slot_fields(kind)
    if not names:
        return None
    values = operator.attrgetter(*names)
    return values if len(names) > 1 else lambda obj: (values(obj),)  # one name: attrgetter gives no tuple


@cache
def _slot_fields(kind: type) -> tuple[str, ...]:
    """The field names of a dataclass with slots; none for any other class."""
    if dataclasses.is_dataclass(kind) and "__slots__" in kind.__dict__:
        return tuple(field.name for field in dataclasses.fields(kind))
    return ()


def rebuilt(kind: type[T], values: tuple[object, ...]) -> T:
    """A dataclass with slots from its field values, without its ``__init__``, as pickle makes objects."""
    cls: type = kind  # mypy does not see type[T] as hashable
    made: T = maker(cls)(values)
    return made


@cache
def maker(kind: type) -> Callable[[tuple[object, ...]], Any]:
    """A function setting each of ``kind``'s slots in a line of its own, as ``dataclasses`` writes
    ``__init__``: twice as fast as a loop, for the hundreds of thousands of objects read back."""
    names = _slot_fields(kind)
    scope: dict[str, Any] = {"new": object.__new__, "kind": kind}
    lines = ["def make(values):", f"    if len(values) != {len(names)}: raise ValueError(values)"]
    lines.append("    made = new(kind)")
    for index, name in enumerate(names):
        scope[f"set_{index}"] = getattr(kind, name).__set__  # the slot itself: no frozen __setattr__
        lines.append(f"    set_{index}(made, values[{index}])")
    lines.append("    return made")
    exec("\n".join(lines), scope)  # code made here from the field positions alone
    maker: Callable[[tuple[object, ...]], Any] = scope["make"]
    return maker
