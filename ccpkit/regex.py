"""Regular expressions compiled when first used. The parser holds some five hundred; compiling them
all took every build about 90 ms before any work, and a build (a one-card edit, say) uses a fifth."""

from __future__ import annotations

import re
from typing import AnyStr, cast

_PATTERN_ATTRIBUTES = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "scanner",
    "flags",
    "groups",
    "groupindex",
)


class _OnFirstUse:
    """Stands for a pattern until any of its attributes but ``pattern`` is first asked for, then holds
    the compiled pattern's own: a call from then on costs what it costs on the pattern itself."""

    def __init__(self, source: str | bytes, flags: int) -> None:
        self.pattern = source
        self._flags = flags

    def __getattr__(self, name: str) -> object:  # asked only for what the instance does not hold yet
        compiled = re.compile(self.pattern, self._flags)
        self.__dict__.update({each: getattr(compiled, each) for each in _PATTERN_ATTRIBUTES})
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"regex({self.pattern!r}, {self._flags})"


def regex(source: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """``re.compile(source, flags)``, done when the pattern is first used. Its ``pattern`` is there at
    once (to build other patterns from). It cannot be given to ``re``'s functions (call its methods),
    and a match's ``re`` is the compiled pattern, not this: tell patterns apart by ``pattern``."""
    return cast("re.Pattern[AnyStr]", _OnFirstUse(source, flags))


def first_at(pattern: re.Pattern[str], text: str, start: int) -> int:
    """Where ``pattern`` first matches in ``text`` from ``start`` on, or the end of ``text`` if nowhere."""
    found = pattern.search(text, start)
    return len(text) if found is None else found.start()
