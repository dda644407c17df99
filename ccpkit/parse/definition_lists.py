"""HTML definition lists (``<dl><dt>Amazon S3</dt><dd>Object storage.</dd></dl>``), as glossaries
copied from web pages and wiki exports keep them, written as the list of bold terms they mean: the
card rules then read them as any other glossary."""

from __future__ import annotations

import re
from collections.abc import Container

from ccpkit.regex import regex

_LIST = regex(r"^[ \t]*<dl\b[^>]*>.*?</dl\s*>[ \t]*$", re.I | re.S | re.M)
"""A definition list from the start of its first line to the end of its last."""
_ENTRY = regex(
    r"<dt\b[^>]*>(?P<term>.*?)</dt\s*>(?P<definitions>(?:\s*<dd\b[^>]*>.*?</dd\s*>)+)", re.I | re.S
)
"""A term and its definitions (one or more ``<dd>``)."""
_DEFINITION = regex(r"<dd\b[^>]*>(?P<text>.*?)</dd\s*>", re.I | re.S)
_SPACES = regex(r"\s+")
_PARAGRAPH = regex(r"</?p\b[^>]*>", re.I)
"""A definition's paragraph tags (``<dd><p>…</p></dd>``, as Sphinx writes a glossary): its words stay."""


def markdown_definition_lists(text: str, code: Container[int]) -> str:
    """``text`` with each definition list written as a list of bold terms on its first lines (``- **Amazon
    S3:** Object storage.``), blank lines after it, so every line keeps its number. A list in code
    (``code``: line indexes), on too few lines to hold a term per line, or holding anything but terms and
    their definitions, stays as written."""

    def written(found: re.Match[str]) -> str:
        block = found[0]
        entries = list(_ENTRY.finditer(block))
        inner = block[block.index(">") + 1 : block.lower().rindex("</dl")]
        span = block.count("\n") + 1
        if text.count("\n", 0, found.start()) in code or not entries or span < len(entries):
            return block
        if _ENTRY.sub("", inner).strip():
            return block  # other tags or words between the entries: not a glossary this can say
        lines = [
            f"- **{_words(entry['term'])}:** "
            + " ".join(_words(d["text"]) for d in _DEFINITION.finditer(entry["definitions"]))
            for entry in entries
        ]
        return "\n".join(lines + [""] * (span - len(lines)))

    return _LIST.sub(written, text)


def _words(html: str) -> str:
    """A term's or definition's HTML on one line (its inline tags are read later, as any line's)."""
    return _SPACES.sub(" ", _PARAGRAPH.sub(" ", html)).strip()
