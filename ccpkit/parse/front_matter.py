"""YAML front matter: the one-line ``key: value`` pairs ccpkit reads (``module_title``, ``part``,
``title``).

A value is read as YAML reads a scalar: plain, ``"double-quoted"`` (with ``\\"`` and ``\\\\``) or
``'single-quoted'`` (with ``''``). A value YAML would not read as one line of text — an open quote,
a list ``[…]``, a ``{…}`` — is a mistake at its line, and the key counts as absent: a module titled
``[oops`` in every deck and PDF would be worse than its default title."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ccpkit.regex import regex

READ_KEYS = ("module_title", "part", "title")
"""The keys whose values ccpkit uses; the others (tags, dates, aliases …) belong to other tools."""
_STUDY_KEYS = ("cards", "flashcards", "questions", "quiz")
"""Keys over a block of study items (``cards:`` then ``- front: …`` lines), as some repositories keep
their flashcards in the front matter."""

_DOUBLE = regex(r'^"((?:[^"\\]|\\.)*)"\s*(?:#.*)?$')
_SINGLE = regex(r"^'((?:[^']|'')*)'\s*(?:#.*)?$")
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", " ": " "}
"""The escapes that stand for printable text; ``\\n``, ``\\t`` and the like have no place in a title."""
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}
_INDICATORS = {
    "[": "starts a YAML list",
    "{": "starts a YAML mapping",
    "&": "starts a YAML anchor",
    "*": "starts a YAML alias",
    "!": "starts a YAML tag",
    "|": "starts a block of lines below the key",
    ">": "starts a block of lines below the key",
    "%": "is reserved in YAML",
    "@": "is reserved in YAML",
    "`": "is reserved in YAML",
}
"""Signs a plain YAML value may not start with, and what each means there."""


@dataclass(frozen=True, slots=True)
class FrontMatter:
    values: dict[str, str]
    """Each top-level key with its value as text (unquoted, for the keys ccpkit reads; a block list's
    items joined with commas)."""
    mistakes: tuple[tuple[int, str], ...]
    """(line in the file, what to fix) for each key ccpkit reads whose value is no line of text."""
    unread: tuple[tuple[int, str], ...] = ()
    """(line, what to do) for study items kept in the front matter (``cards:``), which ccpkit does not
    read: a warning, so they are not lost unsaid."""


def read_front_matter(content: str, first_line: int) -> FrontMatter:
    """The top-level pairs of the front matter's ``content``, whose first line is ``first_line``."""
    values: dict[str, str] = {}
    mistakes: list[tuple[int, str]] = []
    unread: list[tuple[int, str]] = []
    said: list[int] = []
    listing = ""  # the key a block list below it goes with (`tags:` over `- flashcards`)
    below = ""  # the key of ccpkit's whose value is on the lines below it (`title: >-` over `  Ocean`)
    for number, line in enumerate(content.splitlines(), start=first_line):
        if below and line[:1] in (" ", "\t") and line.strip() and not _LIST_ITEM.match(line):
            values[below] = " ".join(filter(None, (values.get(below, ""), line.strip())))
            continue
        below = ""
        if _SAID.match(line):
            said.append(number)
        item = _LIST_ITEM.match(line)
        if listing in READ_KEYS and item is not None:  # `module_title:` over `- a`: a list, no title
            message = (
                f"`{listing}:` is over a YAML list, not one line of text: write the text after the colon"
            )
            mistakes += [] if mistakes and mistakes[-1][1] == message else [(number - 1, message)]
            values.pop(listing, None)
            continue
        if listing and item is not None:
            values[listing] = ", ".join(filter(None, (values[listing], item["value"].strip("\"'"))))
            continue
        listing = ""
        key, colon, raw = line.partition(":")
        if not colon or not key.strip() or key.startswith((" ", "\t", "#", "-")):
            continue
        key, value = key.strip(), raw.strip()
        if key.lower() in _STUDY_KEYS and not value:
            unread.append((number, _unread_study_items(key)))
        if key not in READ_KEYS:
            values[key] = value.strip("\"'")  # not ccpkit's to judge: kept about as written
            listing = key if not value else ""
            continue
        if _BLOCK_SCALAR.fullmatch(value):  # `title: >-`: a folded or literal block, a title all the same
            value = ""
        read = _scalar(value)
        listing = key if not value else ""
        below = key if not value else below
        if isinstance(read, _Mistake):
            mistakes.append(
                (number, f"`{key}: {value}` is not one line of text in YAML ({read.why}): {read.fix}")
            )
        else:
            values[key] = read
    if len(said) >= _SAID_LINES and not set(map(str.lower, values)) & _KNOWN_KEYS:
        message = (
            "the front matter reads as notes (`Name: what it is` lines) that ccpkit skips: if they are "
            "notes, remove the `---` lines around them"
        )
        unread.append((said[0], message))
    return FrontMatter(values, tuple(mistakes), tuple(unread))


_LIST_ITEM = regex(r"[ \t]*-[ \t]+(?P<value>\S.*?)[ \t]*$")
_SAID = regex(r"[A-Z][\w ()'-]{0,40}:[ \t]+(?:[a-z]|(?:an?|the)\s)\S*(?:[ \t]+\S+){2,}")
"""A line of notes: a capitalised name, then what it is in three words or more, in lower case
(``Entropy: a measure of …``), where front matter's values name things (``Lecturer: Dr Okafor``)."""
_SAID_LINES = 2
_KNOWN_KEYS = frozenset(
    {*READ_KEYS, "aliases", "author", "authors", "category", "categories", "created", "date", "description",
     "draft", "id", "lang", "language", "layout", "modified", "slug", "summary", "tags", "type", "updated"}
)  # fmt: skip
"""Keys front matter holds, which no notes' line is: with one, the block is front matter."""


@dataclass(frozen=True, slots=True)
class _Mistake:
    """What is wrong with a value, and how to write it."""

    why: str
    fix: str


def _scalar(value: str) -> str | _Mistake:
    if value.startswith('"'):
        double = _DOUBLE.match(value)
        if double is None:
            return _Mistake('the `"` that opens it is never closed', 'end it with `"` on the same line')
        return _unescape(double[1])
    if value.startswith("'"):
        single = _SINGLE.match(value)
        if single is None:
            return _Mistake("the `'` that opens it is never closed", "end it with `'` on the same line")
        return single[1].replace("''", "'")
    value = _without_comment(value)
    sign = value[:1]
    if sign and sign in _INDICATORS:
        quoted = value.replace("\\", "\\\\").replace('"', '\\"')
        return _Mistake(
            f"a `{sign}` {_INDICATORS[sign]}",
            f'put the text in double quotes ("{quoted}") or drop the `{sign}`',
        )
    return value


def _without_comment(value: str) -> str:
    """A plain value without the comment YAML ends it with (``Ocean currents # the unit``): a ``#`` at
    its start or after a space (``C# basics`` keeps its sign)."""
    if value.startswith("#"):
        return ""
    cuts = [at for at in (value.find(" #"), value.find("\t#")) if at != -1]
    return value[: min(cuts)].rstrip() if cuts else value


_BLOCK_SCALAR = regex(r"[|>][-+]?[1-9]?|[|>][1-9][-+]")
"""A YAML block scalar's header, its value on the indented lines below: ``>-``, ``|``, ``>2``."""


def _unescape(text: str) -> str | _Mistake:
    """A double-quoted YAML scalar's escapes of printable text (``\\"``, ``\\\\``, ``\\u00e9`` …) read."""
    pieces: list[str] = []
    index = 0
    while index < len(text):
        if text[index] != "\\":
            pieces.append(text[index])
            index += 1
            continue
        escaped = text[index + 1]
        width = _HEX_ESCAPES.get(escaped, 0)
        digits = text[index + 2 : index + 2 + width]
        if escaped in _ESCAPES:
            pieces.append(_ESCAPES[escaped])
        elif width and re.fullmatch(f"[0-9A-Fa-f]{{{width}}}", digits) and _printable(int(digits, 16)):
            pieces.append(chr(int(digits, 16)))
        else:
            return _Mistake(f"`\\{escaped}` is no escape for printable text", "write `\\\\` for a backslash")
        index += 2 + width
    return "".join(pieces)


def _printable(code: int) -> bool:
    return code <= 0x10FFFF and chr(code).isprintable()


_PANDOC_LINE = regex(r"%[ \t]+(?P<value>\S.*)")
"""A line of Pandoc's title block: ``% Ocean currents``, then ``% A. Marlow``, ``% 2024-03-01``."""
_PANDOC_FIELDS = ("title", "author", "date")
_ORG_KEYWORD = regex(r"#\+(?P<key>[A-Za-z_]+):[ \t]*(?P<value>.*)")
"""An org-mode keyword line, as exporters leave them over a file: ``#+TITLE: Ocean currents``."""


def title_block(lines: list[str]) -> tuple[FrontMatter, int]:
    """The pairs of the title block opening a file, and its number of lines: Hugo's JSON front matter
    (``{`` over ``"title": "…"`` lines and ``}``), Pandoc's title block (``% Title``,
    ``% Author``, ``% Date``, a field going on in lines led by a space) or org-mode's keywords
    (``#+TITLE: …``, ``#+AUTHOR: …``); none, 0 for a file opening otherwise. They title the file, and
    are no words of notes."""
    if lines and lines[0].strip() == "{":
        return _json_front_matter(lines)
    values, count = _pandoc_or_org(lines)
    return FrontMatter(values, ()), count


def _pandoc_or_org(lines: list[str]) -> tuple[dict[str, str], int]:
    values: dict[str, str] = {}
    count = 0
    if lines and _PANDOC_LINE.fullmatch(lines[0]):
        while count < len(lines) and len(values) < len(_PANDOC_FIELDS):
            field = _PANDOC_LINE.fullmatch(lines[count])
            if field is None:
                break
            count += 1
            while count < len(lines) and lines[count][:1] in (" ", "\t") and lines[count].strip():
                count += 1  # `  B. Penrose`: the field goes on
            values[_PANDOC_FIELDS[len(values)]] = field["value"].strip()
        return values, count
    while count < len(lines) and (keyword := _ORG_KEYWORD.fullmatch(lines[count].strip())):
        values.setdefault(keyword["key"].lower(), keyword["value"].strip())
        count += 1
    return values, count


def _json_front_matter(lines: list[str]) -> tuple[FrontMatter, int]:
    """Hugo's JSON front matter, read as the YAML's is: its top-level values of text, numbers or truth
    as text, a list of them joined with commas (``"tags": ["sea", "flashcards"]``), study items kept in
    it (``"cards": [{…}]``) told of; and its lines (up to the ``}`` alone on its line). None, 0 for
    braces of no JSON object."""
    end = next((at for at, line in enumerate(lines) if line.rstrip() == "}"), None)
    if end is None:
        return FrontMatter({}, ()), 0
    try:
        found = json.loads("\n".join(lines[: end + 1]))
    except ValueError:
        return FrontMatter({}, ()), 0
    if not isinstance(found, dict):
        return FrontMatter({}, ()), 0
    values = {str(key): text for key, value in found.items() if (text := _json_text(value)) is not None}
    unread = tuple(
        (_key_line(lines[:end], key), _unread_study_items(key))
        for key, value in found.items()
        if key.lower() in _STUDY_KEYS and isinstance(value, list) and value
    )
    return FrontMatter(values, (), unread), end + 1


def _json_text(value: object) -> str | None:
    """A JSON value as front matter's text: a scalar as written, a list of scalars joined with commas,
    ``None`` for anything else (an object, a list holding one)."""
    if isinstance(value, str | int | float):
        return str(value)
    if isinstance(value, list) and all(isinstance(each, str | int | float) for each in value):
        return ", ".join(str(each) for each in value)
    return None


def _key_line(lines: list[str], key: str) -> int:
    """The 1-based line of the JSON object's ``lines`` where ``key`` is written (its first, if not found)."""
    written = json.dumps(key)
    return next((at for at, line in enumerate(lines, 1) if line.lstrip().startswith(written)), 1)


def _unread_study_items(key: str) -> str:
    return (
        f"`{key}:` in the front matter holds {key.lower()} ccpkit does not read: "
        "write each in the notes below it (`Q: …` over `A: …`) to study it"
    )


_PAGE_PROPERTY = regex(r"(?P<key>[a-z][\w-]*):: (?P<value>\S.*)")
"""A Logseq page property, on a line of its own over a page's first block: ``title:: Causes of WWI``."""


def page_title(lines: Sequence[str]) -> str:
    """The ``title::`` among the page properties opening a Logseq page (its lines of ``key:: value``,
    as ``title:`` front matter titles a file); none for a file opening otherwise."""
    for line in lines:
        found = _PAGE_PROPERTY.fullmatch(line.strip())
        if found is None:
            return ""
        if found["key"] == "title":
            return found["value"].strip()
    return ""
