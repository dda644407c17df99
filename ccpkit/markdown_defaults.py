"""Options markdown-it-py reads with a default of off, set to off for both of ccpkit's parsers."""

from __future__ import annotations

from typing import Final

OFF_BY_DEFAULT: Final = {
    "tasklists": False,
    "tasklists_editable": False,
    "alerts": False,
    "inline_definitions": False,
    "store_labels": False,
    "strikethrough_single_tilde": False,
}
"""The same parse as leaving them out: markdown-it-py reads each with ``options.get(name, False)``,
and a name its options do not hold costs a ``KeyError`` raised and caught inside that ``get`` (once
for every list item, every emphasis run)."""

MAX_NESTING: Final = 100
"""How deep lists and quotes may nest (a list takes two levels, its list and its item) before
markdown-it-py reads no further in them: 20 by default, which a ten-level outline reaches and with it
loses the rest of its list; far deeper would exhaust Python's recursion on quotes."""
