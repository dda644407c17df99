"""Read and validate the export: a UTF-8 text file that looks like a notes export."""

from __future__ import annotations

import re
from pathlib import Path

from ccpkit.errors import CcpkitError, UsageError
from ccpkit.importer.lines import Line
from ccpkit.regex import regex
from ccpkit.regular_files import read_regular, wide_unicode

_MODULE_HEADING = regex(r"^Module \d+ ?- ?\S", re.MULTILINE)


class ExportError(CcpkitError):
    """The export file cannot be imported; the message names the file and what to do."""


def read_export(path: Path) -> list[Line]:
    """The export's lines, numbered from 1; any problem is one clear ``ExportError``."""
    if not path.exists():
        raise UsageError(f"{path}: no such file; pass the path of the plain-text notes export")
    if path.is_dir():
        raise UsageError(f"{path}: is a folder; pass the plain-text notes export file")
    try:
        data = read_regular(path)
    except OSError as error:
        raise ExportError(f"{path}: cannot be read ({error.strerror})") from None
    if not data.strip():
        raise ExportError(f"{path}: the file is empty; export the notes again")
    if (encoding := wide_unicode(data)) is not None:
        raise ExportError(f"{path}: is {encoding} text; save the export as UTF-8")
    if b"\x00" in data:
        raise ExportError(f"{path}: holds binary data, not a plain-text notes export")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ExportError(f"{path}:{line}: not valid UTF-8 text; save the export as UTF-8") from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")  # Windows, old Mac
    if not _MODULE_HEADING.search(text):
        raise ExportError(f"{path}: does not look like a notes export (no 'Module N - Title' heading line)")
    return [Line(number, content) for number, content in enumerate(text.split("\n"), start=1)]
