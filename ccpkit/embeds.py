"""Obsidian's embeds: ``![[diagram.png]]`` shows a picture of the vault where it is written, found by
its name anywhere in the notes folder (``![[attachments/diagram.png|300]]`` gives a path and a width,
``![[diagram.png|Three tiers]]`` alt text). An embedded note (``![[Other note]]``, ``![[note#Heading]]``)
is not copied in: its name shows, as a link's would, and the parser warns.

The rule below reads an embed as markdown-it-py's own ``image`` token (its ``src`` the name as written),
so every renderer, and every check for pictures, treats it as ``![](diagram.png)``; only where the file
is looked for differs (``ccpkit/parse/pictures.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from ccpkit.regex import regex

EMBED = regex(r"!\[\[(?P<target>[^\]|#^\n]+)(?P<anchor>[#^][^\]|\n]*)?(?P<options>\\?\|[^\]\n]*)?\]\]")
_OPTION_SEPARATOR = regex(r"\\?\|")
_SIZE = regex(r"\d+(?:x\d+)?")
PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".avif")
"""What Obsidian shows as a picture; the parser then says which of them a deck can hold."""
URL_SCHEME = regex(r"[A-Za-z][A-Za-z0-9+.-]*:")
"""``https:``, ``mailto:`` …: a link or picture that leaves the notes (RFC 3986's scheme)."""


@dataclass(frozen=True, slots=True)
class Embed:
    target: str
    """The file or note as written: ``diagram.png``, ``attachments/diagram.png``, ``Other note``."""
    alt: str
    """The alt text given after a ``|`` (a width such as ``300`` or ``300x200`` is not alt text)."""

    @property
    def is_picture(self) -> bool:
        return self.target.lower().endswith(PICTURE_SUFFIXES)

    @property
    def shown(self) -> str:
        """What an embedded note shows instead of its content: its alt text, or its name."""
        return self.alt or self.target


def read_embed(found: re.Match[str]) -> Embed:
    """The embed ``EMBED`` matched."""
    options = _OPTION_SEPARATOR.split(found["options"] or "")[1:]
    alt = next((option.strip() for option in options if not _SIZE.fullmatch(option.strip())), "")
    return Embed(found["target"].strip(), alt)


def embeds_plugin(md: MarkdownIt) -> None:
    """Read ``![[…]]`` as a picture (an ``image`` token) or as an embedded note's name (``text``, whose
    ``meta["embedded"]`` is the note's name)."""
    md.inline.ruler.before("image", "embed", _embed)


def _embed(state: StateInline, silent: bool) -> bool:
    found = EMBED.match(state.src, state.pos) if state.src.startswith("![[", state.pos) else None
    if found is None:
        return False
    if not silent:
        embed = read_embed(found)
        if embed.is_picture:
            token = state.push("image", "img", 0)
            token.attrs = {"src": state.md.normalizeLink(embed.target), "alt": ""}
            token.content = embed.alt
            alt = Token("text", "", 0)
            alt.content = embed.alt
            token.children = [alt]
        else:
            token = state.push("text", "", 0)
            token.content = embed.shown
            token.meta = {"embedded": embed.target}
    state.pos = found.end()
    return True
