"""genanki, imported without asyncio: a tenth of a thousand-card build was spent starting it.

genanki takes its ``cached_property`` decorator from the package of that name, whose module imports
asyncio (and with it ssl and sockets) for coroutines genanki never has: about 70 ms before any work.
The standard library's ``functools.cached_property`` does the same for genanki's two plain properties
(computed once, then kept in the instance's ``__dict__``), so it stands in while genanki is imported,
and only then. The package imports this first, before any of its modules imports genanki.
"""

from __future__ import annotations

import functools
import sys
import types


def _import_genanki() -> None:
    if "genanki" in sys.modules or "cached_property" in sys.modules:  # nothing left to spare
        return
    stand_in = types.ModuleType("cached_property")
    stand_in.cached_property = functools.cached_property  # type: ignore[attr-defined]
    sys.modules["cached_property"] = stand_in
    try:
        import genanki  # noqa: F401
    finally:
        del sys.modules["cached_property"]  # whatever else imports it gets the real one


_import_genanki()
