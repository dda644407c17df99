"""Writing outputs so that a crash, a full disk or Ctrl-C never leaves half a file behind."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from ccpkit.digest import content_digest, file_digest
from ccpkit.errors import WriteError
from ccpkit.export import Output

_BUFFER = 1 << 20
"""A ledger's 50,000 lines go out in a megabyte's writes, not thousands of a few kilobytes."""


def write_atomically(out: Path, output: Output) -> Path:
    """Write through a temporary file in the same folder, so a crash never leaves half a file.

    A write the system refuses (full disk, no permission, a file where a folder should be) is a
    ``WriteError`` naming the file; the previous version of the file is left as it was.
    """
    return write_lines_atomically(out, output.path, (output.data,))


def write_lines_atomically(out: Path, path: PurePosixPath, lines: Iterable[bytes]) -> Path:
    """``write_atomically`` for a file given in pieces (a ledger's lines), never joined in memory. A
    link is written through: the file it leads to is replaced, the link stays (a ledger kept in a
    synced folder, linked from the notes)."""
    target = out / path
    if target.is_symlink():
        target = target.resolve()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except FileExistsError as error:  # not the folder: a file, or a link to nothing, is in its place
        blocking = next(
            (folder for folder in (target.parent, *target.parent.parents) if _in_the_way(folder)), None
        )
        fix = f"{blocking} is no folder (a file, or a link to nothing): move it away" if blocking else ""
        raise WriteError(target, error, fix=fix) from None
    except OSError as error:
        raise WriteError(target, error) from None
    try:
        os.fchmod(handle, _file_mode())  # mkstemp makes 0600 files; outputs and the ledger are shared
        with os.fdopen(handle, "wb", buffering=_BUFFER) as stream:
            stream.writelines(lines)
        os.replace(temporary, target)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise WriteError(target, error) from None
        raise
    return target


def holds(path: Path, data: bytes) -> bool:
    """Whether the file at ``path`` holds exactly ``data``. A file that is not there or cannot be read
    holds nothing: writing it says what is wrong, if anything."""
    try:
        return file_digest(path) == content_digest(data)
    except OSError:
        return False


def _in_the_way(path: Path) -> bool:
    """Whether ``path`` stands where a folder must be, and is none: a file, or a link that leads nowhere."""
    return path.is_symlink() if not path.exists() else not path.is_dir()


def _file_mode() -> int:
    """The mode a plain ``open()`` would give a new file: 0666 less the process umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
