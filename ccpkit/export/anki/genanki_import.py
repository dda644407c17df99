"""genanki, imported without asyncio or YAML: a tenth of a thousand-card build went on starting them.

genanki takes its ``cached_property`` decorator from the package of that name, whose module imports
asyncio (and with it ssl and sockets) for coroutines genanki never has: about 70 ms before any work.
The standard library's ``functools.cached_property`` does the same for genanki's two plain properties
(computed once, then kept in the instance's ``__dict__``). genanki imports PyYAML (25 ms) to read note
type fields and templates given as YAML text; ours are lists, and a YAML text would still be read by
PyYAML, imported then. These stand in while genanki is imported, and only then; the package imports
this first, before any of its modules imports genanki.
"""

from __future__ import annotations

import functools
import importlib
import sys
import types
from typing import Any


def _full_load(text: str) -> Any:
    return importlib.import_module("yaml").full_load(text)


_STAND_INS: dict[str, dict[str, object]] = {
    "cached_property": {"cached_property": functools.cached_property},
    "yaml": {"full_load": _full_load},
}
"""Module name → what genanki takes from it."""


def _import_genanki() -> None:
    if "genanki" in sys.modules or not _STAND_INS.keys().isdisjoint(sys.modules):  # nothing to spare
        return
    for name, attributes in _STAND_INS.items():
        sys.modules[name] = stand_in = types.ModuleType(name)
        vars(stand_in).update(attributes)
    try:
        import genanki  # noqa: F401
    finally:
        for name in _STAND_INS:  # whatever else imports them gets the real ones
            del sys.modules[name]


_import_genanki()
