"""Item ids, every rule in one place: slugs, and the stable id of each item and table row.

What Anki knows a note by (its GUID) is settled from the ledger in ``ccpkit.export.anki.identities``."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from pathlib import PurePosixPath
from typing import assert_never
from urllib.parse import unquote

from ccpkit.cloze_syntax import revealed
from ccpkit.model import MCQ, Card, Cloze, ComparisonTable, Item, Kind
from ccpkit.regex import regex

_NOT_WORD = regex(r"[^a-z0-9]+")
_MARKUP = regex(r"[*_`~]|\\(?=\S)|(?<=\])\([^)]*\)")
"""Emphasis and escape signs, and where a link or picture points (``[S3](../s3.md)`` is known by its
words: moving the file it links to must not change the id)."""
WIKILINK = regex(r"\[\[(?:[^\[\]|\n]*\|)?(?P<shown>[^\[\]|\n]+)\]\]")
"""An Obsidian or Logseq link, ``[[target]]`` or ``[[target|shown words]]``: known, and printed, by
the words it shows (the page it points to is in the author's vault, not in the deck). No bracket is in
it (Obsidian allows none in a page's name), so a run of ``[`` is not read again from each one."""
HTML_TAG = regex(r"</?(?P<name>[A-Za-z][\w-]*)(?:\s[^<>]*)?/?>")
"""An HTML tag (``<br/>``, ``<summary markdown="span">``), not an autolink (``<https://…>``). In a key,
``<b>S3</b>`` is known as S3, and a tag parts words as a space does (``storage<br>classes``). Its
attributes end at the next ``<`` too: thousands of ``<a `` never closed are read once, not each to
the text's end."""
_UNNAMED_PICTURE = regex(r"!\[\s*\]\(\s*(?:<(?P<angled>[^<>\n]*)>|(?P<path>[^\s()]*))[^)]*\)")
"""A picture with no alt text (``![](img/red.png)``): known by its file's name, the only name it has."""
MAX_SLUG = 80
"""Slugs are cut here (at a word boundary) so ids stay readable; long stems are still distinct."""


@lru_cache(maxsize=4096)  # a part's, module's or title's slug is asked for with every item of it
def slug(text: str, limit: int | None = MAX_SLUG) -> str:
    """Lower-case ASCII words joined by ``-``: ``"**EC2** (Elastic…)"`` → ``"ec2-elastic"``, cut at
    ``limit`` characters (``None``: whole); ``x-`` and a digest for words in another script."""
    named = _UNNAMED_PICTURE.sub(_file_words, text) if "![" in text else text
    plain = _MARKUP.sub("", HTML_TAG.sub(" ", named) if "<" in named else named)
    plain = WIKILINK.sub(r"\g<shown>", plain) if "[[" in plain else plain
    ascii_text = unicodedata.normalize("NFKD", plain).encode("ascii", "ignore").decode()
    words = _NOT_WORD.sub("-", ascii_text.lower()).strip("-")
    if limit is not None and len(words) > limit:
        words = words[:limit].rsplit("-", 1)[0]
    return words or _unspelled(plain)


def _file_words(picture: re.Match[str]) -> str:
    """A picture with no alt text as the words of its file's name (``img/red-light.png``: ``red-light``)."""
    return f" {PurePosixPath(unquote(picture['angled'] or picture['path'])).stem} "


def _unspelled(text: str) -> str:
    """The slug of words with no Latin letters (``собака``, ``你好``) or of signs alone (``&&``): ``x``
    and a digest of them, so that each has its own id (and keeps it wherever it moves), as ids must stay
    ASCII; ``x`` alone for nothing at all."""
    words = " ".join(unicodedata.normalize("NFC", text).casefold().split())
    return "x-" + hashlib.blake2b(words.encode(), digest_size=5).hexdigest() if words else "x"


def item_id(module_slug: str, kind: Kind, key: str) -> str:
    """The id of an item: ``module/kind/slug(key)``; the key is the term, row or question stem."""
    return f"{module_slug}/{kind}/{slug(key)}"


def row_key(row: tuple[str, ...]) -> str:
    """A table row's part of its note id: its label (first cell), or, when that is empty, its cells.

    Never its position: deleting a row would move the rows below onto their neighbours' history."""
    if row[0].strip():
        return slug(row[0])
    return f"row-{slug(' '.join(row[1:]))}"


def key_of(item: Item) -> str:
    """The text an item's derived id is the slug of."""
    match item:
        case Card():
            return item.front
        case ComparisonTable():
            return item.title
        case MCQ():
            return item.stem
        case Cloze():
            return revealed(item.text)
        case _:
            assert_never(item)


def derived_id(item: Item) -> bool:
    """Whether the id is the one ccpkit derives from the item's key (not a ``{#pin}``)."""
    return item.id == item_id(item.module, item.kind, key_of(item))


def place_texts(item: Item) -> tuple[str, ...]:
    """What says where an item is: its headings (innermost first), a card's lead-in, its part."""
    lead_in = item.lead_in.rstrip(":") if isinstance(item, Card) else ""
    return (*reversed(item.section), lead_in, item.part)


def place_suffixes(item: Item) -> list[tuple[str, str]]:
    """What may tell an item's id from another's of its key, each with the place text it comes from
    (none for the first): a digest of the whole key when its slug was cut at ``MAX_SLUG``
    characters, then the slugs of its place's texts but its own."""
    key = " ".join(key_of(item).split())
    cut = slug(key) != slug(key, limit=None)
    own = slug(key_of(item))
    places = [(slug(text), text) for text in place_texts(item) if text and slug(text) != own]
    return [*([(hashlib.sha256(key.encode()).hexdigest()[:8], "")] if cut else []), *places]


def twin_ids(item: Item) -> tuple[str, ...]:
    """The ids an item with a derived id would take were another of its key before it (its number
    aside): the ledger tells twins apart by them when their order flips and both change."""
    if not derived_id(item):
        return ()
    return tuple(dict.fromkeys(f"{item.id}-{suffix}" for suffix, _ in place_suffixes(item)))
