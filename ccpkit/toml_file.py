"""Settings files (``ccpkit.toml``, ``style.toml``) read and checked one way: an unknown section or
key, a missing one or a value of the wrong kind stops with the file, the line, and what was expected.

tomllib gives no positions, so the line is found in the text: the ``[section]`` header, then the first
``key =`` after it."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ccpkit.errors import UsageError

_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)$")


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

    def only_sections(self, known: Collection[str]) -> None:
        """Every top-level name must be one of the ``known`` sections (and a table)."""
        for name, table in self.data.items():
            if name not in known or not isinstance(table, dict):
                listed = ", ".join(f"[{section}]" for section in known)
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
    """Parse ``path``; broken TOML is a usage error at its line. A missing or unreadable file is the
    caller's to report (``OSError``), as only the caller knows whether the file may be absent."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise UsageError(
            f"{path}: not valid TOML: not UTF-8 text ({error.reason} at byte {error.start})"
        ) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        line = _TOML_LINE.search(message)
        where = f"{path}:{line[1]}" if line else str(path)
        raise UsageError(f"{where}: not valid TOML: {_TOML_LINE.sub('', message).strip()}") from None
    return TomlFile(path, text, data)
