"""Settings files (``ccpkit.toml``, ``style.toml``) read and checked one way: an unknown section or
key, a missing one or a value of the wrong kind stops with the file, the line, and what was expected.

tomllib gives no positions for the data it returns, so the line is found in the text: the ``[section]``
header, then the first ``key =`` after it. Its syntax errors carry "(at line N, column M)" in their
message (Python 3.11 has no ``lineno``), which is read back and given a hint in plain words."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ccpkit.errors import UsageError
from ccpkit.regex import regex
from ccpkit.regular_files import read_regular

_TOML_POSITION = regex(r" \(at (?:line (\d+), column (\d+)|end of document)\)$")


@dataclass(frozen=True, slots=True)
class Expected:
    """What a setting must hold: a test of its value, and the words an error says it with."""

    test: Callable[[Any], bool]
    words: str
    """Completes "`exam.count` must be …": ``"a whole number, 1 or more"``."""


def whole_number(value: Any) -> bool:
    """An integer, not a boolean (TOML's ``true`` is no number, though Python's ``True == 1``)."""
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True, slots=True)
class TomlFile:
    """A settings file read whole: its tables, and its text for the line an error points at."""

    path: Path
    text: str
    data: Mapping[str, Any]

    def only_sections(self, known: Mapping[str, Collection[str]]) -> None:
        """Every top-level name must be one of the ``known`` sections (each mapped to its keys) and a
        table. A setting above every ``[section]`` header is told which section holds it."""
        listed = ", ".join(f"[{section}]" for section in known)
        for name, table in self.data.items():
            if not isinstance(table, dict):
                raise self.error(_outside_any_section(name, known, listed), name)
            if name not in known:
                raise self.error(f"unknown section [{name}]; known sections: {listed}", name)

    def section(self, name: str, known: Collection[str], *, required: bool) -> Mapping[str, Any]:
        """The keys of ``[name]`` (none if it is absent and not ``required``); each must be ``known``."""
        table = self.data.get(name)
        if not isinstance(table, dict):
            if required:
                raise UsageError(f"{self.path}: missing section [{name}]")
            return {}
        for key in table:
            if key not in known:
                raise self.error(f"unknown key `{key}` in [{name}]; known: {', '.join(known)}", name, key)
        return table

    def value(self, section: str, key: str, expected: Expected) -> Any:
        """The value of ``section.key``, which must be there and pass ``expected``."""
        table = self.data.get(section)
        if not isinstance(table, dict) or key not in table:
            raise self.error(f"missing key `{key}` in [{section}]", section)
        value = table[key]
        if not expected.test(value):
            raise self.error(f"`{section}.{key}` must be {expected.words}, not {value!r}", section, key)
        return value

    def error(self, message: str, section: str, key: str = "") -> UsageError:
        """A usage error at the line of ``[section]``, or of ``key =`` in it."""
        return UsageError(f"{self.path}:{self._line_of(section, key)}: {message}")

    def _line_of(self, section: str, key: str) -> int:
        header = re.compile(rf"^[ \t]*\[[ \t]*{re.escape(section)}[ \t]*\]", re.MULTILINE).search(self.text)
        found = self._assignment(key or section, header.end() if header else 0)
        line = found if found and (key or not header) else header
        return self.text.count("\n", 0, line.start()) + 1 if line else 1

    def _assignment(self, key: str, start: int) -> re.Match[str] | None:
        """The first ``key =`` line from ``start`` on (a top-level key, when there is no section)."""
        return re.compile(rf"^[ \t]*{re.escape(key)}[ \t]*=", re.MULTILINE).search(self.text, start)


def read_toml(path: Path) -> TomlFile:
    """Parse ``path`` (a BOM before it aside); broken TOML is a usage error at its line. A missing or
    unreadable file is the caller's to report (``OSError``), as only the caller knows whether the file
    may be absent."""
    try:
        text = read_regular(path).decode("utf-8-sig")  # a BOM, as some Windows editors save, read past
    except UnicodeDecodeError as error:
        raise UsageError(
            f"{path}: not valid TOML: not UTF-8 text ({error.reason} at byte {error.start})"
        ) from None
    import tomllib  # only where there is a file to read: most builds have none

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise UsageError(_syntax_error(path, text, str(error))) from None
    except RecursionError:  # `[[[[…]]]]` hundreds deep: no setting nests so
        raise UsageError(f"{path}: not valid TOML for ccpkit (its values nest too deep)") from None
    return TomlFile(path, text, data)


def _outside_any_section(name: str, known: Mapping[str, Collection[str]], listed: str) -> str:
    """What to say of ``name = …`` written before the first ``[section]`` header."""
    stray = f"`{name}` is a setting outside any section"
    if name in known:
        return f"{stray}, but [{name}] is a section: write `[{name}]` on a line of its own, then its settings"
    holders = [f"[{section}]" for section, keys in known.items() if name in keys]
    if holders:
        return f"{stray}; move it below the {' or '.join(holders)} header"
    return f"{stray}, and no section has such a setting; settings go below a header, one of {listed}"


_BACKSLASH = (
    "a backslash inside \"…\" starts an escape: write \\\\, or put the text in single quotes ('C:\\notes')"
)
_UNCLOSED = "a quoted value is not closed: end it with the quote mark it starts with"
_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    ("Illegal character '\\n'", _UNCLOSED),
    ("Unterminated string", _UNCLOSED),
    ("Expected \"'", _UNCLOSED),
    ("Illegal character", "a quoted value holds a control character: delete it, or write a tab as \\t"),
    (
        "Invalid value",
        'a value is missing or not one TOML knows: text goes in quotes (title = "My course"), '
        "numbers and true/false do not, lists go in [ ]",
    ),
    ("Expected '=' after a key", "write each setting as `key = value`"),
    ("Expected ']'", "close the section header: `[section]` on a line of its own"),
    ("Cannot overwrite a value", "this setting is given twice: keep one"),
    ("Cannot declare", "this section is given twice: keep one header and put all its settings below it"),
    ("Unclosed array", 'a list is not closed, or its items lack commas: write ["a", "b"]'),
    ("Unclosed inline table", "close the { … } on the same line, with commas between its settings"),
    ("Expected newline", "one setting per line: anything after a value must be a # comment"),
    (
        "Invalid statement",
        "a line must be a [section] header, a `key = value` setting or a # comment",
    ),
    ("Invalid initial character for a key", "a setting's name is letters, digits, _ or -, then ` = value`"),
    ("Unescaped '\\'", _BACKSLASH),
    ("Unrecognized escape", _BACKSLASH),
    ("Invalid hex value", _BACKSLASH),
)
"""tomllib's message (its start) → what to fix, for someone who has not read the TOML spec."""


def _syntax_error(path: Path, text: str, message: str) -> str:
    """``path:line: not valid TOML: hint (tomllib's own words)``. An error "at end of document" (a
    string, list or table left open) is put at the first line from which the file cannot be read."""
    position = _TOML_POSITION.search(message)
    words = _TOML_POSITION.sub("", message)
    hint = next((hint for start, hint in _SYNTAX_HINTS if words.startswith(start)), "")
    if position and position[1]:
        where, detail = f"{path}:{position[1]}", f"{words} at column {position[2]}"
    elif position:
        where, detail = f"{path}:{_first_unreadable_line(text)}", f"{words} at the end of the file"
    else:
        where, detail = str(path), words
    explained = f"{hint} (TOML reader: {detail})" if hint else f"{detail}; see https://toml.io"
    return f"{where}: not valid TOML: {explained}"


def _first_unreadable_line(text: str) -> int:
    """The line after the longest start of the file that is TOML on its own: where what is still open
    at the end of the file was opened (a list over several lines that closes is no culprit)."""
    import tomllib

    lines = text.splitlines(keepends=True)
    readable = 0
    for count in range(1, len(lines) + 1):
        try:
            tomllib.loads("".join(lines[:count]))
        except tomllib.TOMLDecodeError:
            continue
        readable = count
    return min(readable + 1, max(len(lines), 1))
