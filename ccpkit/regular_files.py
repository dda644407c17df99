"""Files a user names or puts in place, opened only when they are regular files: a pipe or a device
where a template, a picture, the ledger or an output should be would block a command for ever (a pipe
waits for a writer), or stream without end (``/dev/zero``)."""

from __future__ import annotations

import codecs
import errno
import io
import os
import stat
from pathlib import Path

_NOT_REGULAR = "not a regular file (a pipe or a device): put a file there"
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def open_regular(path: Path | str) -> io.BufferedReader:
    """``path`` opened for reading bytes; an ``OSError`` (``strerror`` saying what is wrong) if it cannot
    be, or is a folder, a pipe or a device."""
    descriptor = os.open(path, os.O_RDONLY | _NONBLOCK)  # a pipe opens at once
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(mode):
            raise OSError(errno.EINVAL, _NOT_REGULAR, str(path))
        if _NONBLOCK:  # (Windows has no such flag, nor, before Python 3.12, os.set_blocking)
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read_regular(path: Path | str) -> bytes:
    """The bytes of the regular file at ``path`` (``open_regular``)."""
    with open_regular(path) as stream:
        return stream.read()


def wide_unicode(data: bytes) -> str | None:
    """The name of the Unicode encoding wider than UTF-8 that ``data`` opens with the mark of (Windows
    tools save text so), or ``None``: UTF-32's mark begins as UTF-16's, so it is told first."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "UTF-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "UTF-16"
    return None


def linked_to_nothing(path: Path) -> str | None:
    """What ``path`` is when it is a link that leads nowhere (a drive not mounted, a folder moved), for
    a message to say: ``a link to …, which does not exist``; else ``None``."""
    if not path.is_symlink() or path.exists():
        return None
    return f"a link to {os.readlink(path)}, which does not exist"
