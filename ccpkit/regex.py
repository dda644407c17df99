"""Regular expressions compiled when first used, from a cache kept beside the bytecode. The parser
holds about a thousand; compiling them took every process 0.2 s (a one-card edit's build used a fifth
of them for 0.1 s), reading them compiled from the cache takes under 10 ms."""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # re's C engine
import contextlib
import importlib.util
import marshal
import re
import sys
from pathlib import Path, PurePosixPath
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any, AnyStr, cast

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

_Key = tuple[str | bytes, int]
"""A pattern's source and the flags it was asked with."""
_Compiled = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
"""What ``re`` hands its C engine for a pattern besides the source: flags, code and the groups."""


class _OnFirstUse:
    """Stands for a pattern until any of its attributes but ``pattern`` is first asked for, then holds
    the compiled pattern's own: a call from then on costs what it costs on the pattern itself."""

    def __init__(self, source: str | bytes, flags: int) -> None:
        self.pattern = source
        self._flags = flags
        _DECLARED.append(self)

    def __getattr__(self, name: str) -> object:  # asked only for what the instance does not hold yet
        compiled = _compile(self.pattern, self._flags)
        self.__dict__.update({each: getattr(compiled, each) for each in _PATTERN_ATTRIBUTES})
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"regex({self.pattern!r}, {self._flags})"


def regex(source: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """``re.compile(source, flags)``, done when the pattern is first used: for a module's patterns,
    made as it loads (the cache keeps those; one made from values met while running belongs to
    ``re``'s functions, which cache it themselves). Its ``pattern`` is there at once (to build other
    patterns from). It cannot be given to ``re``'s functions (call its methods), and a match's ``re``
    is the compiled pattern, not this: tell patterns apart by ``pattern``."""
    return cast("re.Pattern[AnyStr]", _OnFirstUse(source, int(flags)))


def first_at(pattern: re.Pattern[str], text: str, start: int) -> int:
    """Where ``pattern`` first matches in ``text`` from ``start`` on, or the end of ``text`` if nowhere."""
    found = pattern.search(text, start)
    return len(text) if found is None else found.start()


_DECLARED: list[_OnFirstUse] = []
_CACHE_FILE = Path(importlib.util.cache_from_source(__file__)).with_suffix(".patterns")
"""Beside ``regex``'s bytecode (``__pycache__``, or under ``sys.pycache_prefix``), named for this Python."""
_ENGINE = (sys.version, _sre.MAGIC, _sre.CODESIZE)
"""The cache holds code for one build of ``re``'s engine: another Python's finds it stale."""
_cache: dict[_Key, _Compiled] | None = None


def _compile(source: str | bytes, flags: int) -> re.Pattern[Any]:
    """The pattern compiled, its code read from the cache. A pattern missing from it has every pattern
    declared so far compiled and the cache written again, once per new Python or changed pattern (a
    mistaken one, which has no code, writes nothing)."""
    global _cache
    if _cache is None:
        _cache = _read_cache()
    key = (source, flags)
    if key not in _cache and (fresh := _code_of_declared(_cache)):
        _cache.update(fresh)
        _write_cache(_cache)
    if key in _cache:
        try:
            return cast("re.Pattern[Any]", _sre.compile(source, *_cache[key]))
        except (RuntimeError, TypeError, ValueError):  # a damaged entry, refused by the engine
            del _cache[key]
    return re.compile(source, flags)  # a mistaken pattern raises re.error


def _code_of_declared(cache: dict[_Key, _Compiled]) -> dict[_Key, _Compiled]:
    """The code of each pattern declared so far that the cache lacks (a mistaken one has none)."""
    compiled = {}
    for pattern in _DECLARED:
        key = (pattern.pattern, pattern._flags)
        if key not in cache:
            with contextlib.suppress(re.error):
                compiled[key] = _engine_code(*key)
    return compiled


def _engine_code(source: str | bytes, flags: int) -> _Compiled:
    """What ``re.compile`` passes ``_sre.compile`` (as ``re._compiler.compile`` does), in plain types."""
    parsed = _parser.parse(source, flags)
    state = parsed.state
    indexgroup: list[str | None] = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    code = [int(each) for each in _compiler._code(parsed, flags)]
    return int(flags | state.flags), code, state.groups - 1, dict(state.groupdict), tuple(indexgroup)


def _read_cache() -> dict[_Key, _Compiled]:
    """The cache, or nothing if it is missing, for another Python or unreadable."""
    try:
        engine, cache = marshal.loads(_CACHE_FILE.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return cache if engine == _ENGINE and isinstance(cache, dict) else {}


def _write_cache(cache: dict[_Key, _Compiled]) -> None:
    """Write the cache whole (helpers may write it at once), unless Python writes no bytecode or may
    not write here."""
    if sys.dont_write_bytecode:
        return
    from ccpkit.errors import WriteError
    from ccpkit.write import write_lines_atomically

    with contextlib.suppress(WriteError):
        name, data = PurePosixPath(_CACHE_FILE.name), marshal.dumps((_ENGINE, cache))
        write_lines_atomically(_CACHE_FILE.parent, name, (data,))
