"""Notes between a ``START`` and an ``END`` line, as the Obsidian_to_Anki plugin writes them: the note
type on the line after ``START``, then its fields, the first one unnamed, the others after their
names (``Back: …``), and maybe a ``Tags: …`` line::

    START
    Basic
    Which tool waters beds?
    Back: A hose.
    Tags: garden
    END

``Basic`` is a card (``Basic (and reversed card)``: asked both ways), ``Cloze`` a cloze whose
``Back Extra`` is its extra; any other note type is a warning, its note left out. The plugin's inline
notes say the same anywhere on a line, a bullet list of them too: ``STARTI [Basic] Which tool waters
beds? Back: A hose. ENDI``."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ccpkit import cloze_syntax
from ccpkit.errors import Problem
from ccpkit.model import Item
from ccpkit.parse.context import Context
from ccpkit.parse.document import paragraph_words
from ccpkit.parse.tree import Node
from ccpkit.regex import regex

_FIELD = regex(r"(?P<name>[A-Za-z][A-Za-z ]{0,20}):(?:\s|$)(?P<rest>.*)")
_CARD_TYPES = {"basic": False, "basic (and reversed card)": True, "basic (optional reversed card)": False}
_OPENS = r"(?:^[ \t]*|(?<=[.!?:])[ \t]+)STARTI[ \t]*\["
"""Where an inline note opens: a line's start, or after a sentence or a label (`Remember: STARTI …`; not
``type STARTI [Basic] …`` in a sentence about the plugin)."""
_INLINE_NOTE = regex(rf"{_OPENS}(?P<type>[^\]\n]+)\][ \t]*(?P<body>.*?)[ \t]*ENDI", re.S | re.M)
"""An inline note: ``STARTI [Basic] Which tool waters beds? Back: A hose. ENDI``."""
_LINE_OPENS = regex(r"^[ \t]*STARTI[ \t]*\[", re.M)
"""An inline note opening its line: one never ended there is a warning."""
_CODE_SPAN = regex(r"(?<!`)(`+)(?!`)[^`]+?\1")
"""Code in a line (the plugin's own syntax shown in notes about it): no note."""
_ID_COMMENT = regex(r"<!--\s*ID:\s*\d+\s*-->")
"""The id the plugin writes into a note it sent to Anki: no words of the notes."""
_INLINE_FIELD = regex(r"\s+(?=(?:Back Extra|Back|Tags):\s)")
"""Where an inline note's next field starts: the text before it is the field before."""
_FIELDS = {"card": ("front", "back"), "cloze": ("text", "back extra")}
"""Each kind's two fields: the first may go unnamed; a line ``Name: …`` of any other name is text."""


def extract_marked_notes(ctx: Context) -> Iterator[Item | Problem]:
    """Every note of the file between ``START`` and ``END`` lines, or ``STARTI`` and ``ENDI`` in a
    block's lines, in notes order."""
    if not any("START" in line for line in ctx.doc.lines):
        return
    blocks = [block.node for block in ctx.doc.blocks]
    index = 0
    while index < len(blocks):
        node = blocks[index]
        if not ctx.is_claimed(node) and any(
            _notes_in(text) or _LINE_OPENS.search(_no_code(text)) for text in _paragraph_texts(node)
        ):
            yield from _inline_notes(ctx, node, ctx.doc.blocks[index].section)
        if _first_line(node) != "START" or ctx.is_claimed(node):
            index += 1
            continue
        end = _note_end(ctx, blocks, index)
        if end is None:
            message = "note `START` line with no `END` line after it: end the note with END"
            yield Problem(ctx.at(node), message, "warning")
            return
        ctx.claim(*blocks[index : end + 1])
        yield from _note(ctx, node, ctx.doc.blocks[index].section, _note_lines(ctx, blocks[index : end + 1]))
        index = end + 1


def _note_end(ctx: Context, blocks: Sequence[Node], index: int) -> int | None:
    """The block that ends the note whose ``START`` opens ``blocks[index]``, if any."""
    return next((n for n in range(index, len(blocks)) if _last_line(ctx, blocks[n]) == "END"), None)


def _note_lines(ctx: Context, blocks: Sequence[Node]) -> list[str]:
    """The lines of a note's blocks, all but its ``START`` and ``END``."""
    return "\n\n".join(ctx.doc.source(node) for node in blocks).split("\n")[1:-1]


def printed_note(ctx: Context, index: int) -> tuple[str, str, str] | None:
    """The kind (``card``, ``cloze``) and two fields of the note between ``START`` and ``END`` that opens
    the file's block ``index``, as a sheet prints it; ``None`` for any other block or note."""
    blocks = [block.node for block in ctx.doc.blocks]
    end = _note_end(ctx, blocks, index) if _first_line(blocks[index]) == "START" else None
    lines = _note_lines(ctx, blocks[index : end + 1]) if end is not None else []
    kind = _kind(lines[0]) if lines else ""
    if not kind:
        return None
    fields = _fields(kind, lines)
    first, second = _FIELDS[kind]
    return kind, fields[first], fields.get(second, "")


def _inline_notes(ctx: Context, block: Node, section: tuple[str, ...]) -> Iterator[Item | Problem]:
    """The inline notes of a block's paragraphs (one, a list's items, a quote's lines), each from its
    own line; words beside them, or a ``STARTI`` never ended, are a warning (they would be lost)."""
    ctx.claim(block)
    for node in block.walk():
        text = "" if node.type != "paragraph" else node.children[0].content
        notes = _notes_in(text)
        for found in notes:
            body = text[found.start("body") : found.end("body")]
            fields = _INLINE_FIELD.sub("\n", _ID_COMMENT.sub("", body)).split("\n")
            yield from _note(ctx, node, section, [found["type"], *fields])
        rest = "".join(text[start:end] for start, end in _between(notes, len(text)))
        rest = _no_code(_ID_COMMENT.sub("", rest))
        if _LINE_OPENS.search(rest):
            yield Problem(
                ctx.at(node), "inline note `STARTI` with no `ENDI` after it: end it with ENDI", "warning"
            )
        elif rest.strip() or node.type in _HOLDS_WORDS:
            message = (
                "words beside an inline note (`STARTI` … `ENDI`) are not read: give each note its own line"
            )
            yield Problem(ctx.at(node), message, "warning")


def _notes_in(text: str) -> list[re.Match[str]]:
    """The inline notes of a paragraph's text, found with its code blanked (the same places): those
    opening a line, and those after a sentence or a label that hold a note's fields (``Remember:
    STARTI [Basic] … Back: … ENDI``; ``STARTI [Basic] opens a note and ENDI …`` tells of the plugin)."""
    shown = _no_code(text)
    return [
        found
        for found in _INLINE_NOTE.finditer(shown)
        if found.start() == 0
        or shown[found.start() - 1] == "\n"
        or _INLINE_FIELD.search(found["body"])
        or found["type"].lower() == "cloze"
    ]


def _no_code(text: str) -> str:
    """``text`` with its code spans blanked out, every other character in its place."""
    return _CODE_SPAN.sub(lambda code: " " * len(code[0]), text) if "`" in text else text


def _between(found: list[re.Match[str]], length: int) -> Iterator[tuple[int, int]]:
    """The spans of a text outside the ``found`` matches."""
    start = 0
    for match in found:
        yield start, match.start()
        start = match.end()
    yield start, length


_HOLDS_WORDS = frozenset(("fence", "code_block", "table", "html_block", "heading", "math_block"))
"""What a block of inline notes may hold beside their paragraphs, and is then not read."""


def _paragraph_texts(node: Node) -> Iterator[str]:
    """The text of each paragraph of a block, in a list or a quote too."""
    if node.type == "paragraph":
        yield node.children[0].content
    elif node.type in ("bullet_list", "ordered_list", "blockquote", "list_item"):
        for child in node.children:
            yield from _paragraph_texts(child)


def _note(
    ctx: Context, node: Node, section: tuple[str, ...], lines: Sequence[str]
) -> Iterator[Item | Problem]:
    """The note whose type is ``lines[0]`` and whose fields are the lines after it."""
    note_type = lines[0].strip() if lines else ""
    kind = _kind(note_type)
    if not kind:
        message = (
            f"note type {note_type!r} is not one ccpkit reads (Obsidian_to_Anki's START or STARTI): write "
            "Basic or Cloze"
        )
        yield Problem(ctx.at(node), message, "warning")
        return
    first, second = _FIELDS[kind]
    text = _fields(kind, lines)
    reverse = _CARD_TYPES.get(note_type.lower(), False)
    yield from _made(
        ctx, node, section, kind, text[first], text.get(second, ""), text.get("tags", ""), reverse=reverse
    )


def _kind(note_type: str) -> str:
    """What a note type makes: ``card``, ``cloze``, or nothing ccpkit reads."""
    named = note_type.strip().lower()
    return "card" if named in _CARD_TYPES else "cloze" if named == "cloze" else ""


def _fields(kind: str, lines: Sequence[str]) -> dict[str, str]:
    """The fields of a note of ``kind`` whose type is ``lines[0]``, by name (``front``, ``tags``)."""
    first, second = _FIELDS[kind]
    fields: dict[str, list[str]] = {first: []}
    name = first
    for line in lines[1:]:
        found = _FIELD.fullmatch(line.strip())
        named = found["name"].lower() if found is not None else ""
        if found is not None and named in (first, second, "tags") and not (named == first and fields[first]):
            name = named
            fields[name] = [found["rest"]]
        else:
            fields[name].append(line)
    return {key: "\n".join(value).strip() for key, value in fields.items()}


def _made(
    ctx: Context,
    node: Node,
    section: tuple[str, ...],
    kind: str,
    first: str,
    second: str,
    tags: str,
    *,
    reverse: bool = False,
) -> Iterator[Item | Problem]:
    if not first or (kind == "card" and not second):
        missing = "its front" if not first else "its Back: field"
        yield Problem(ctx.at(node), f"note between START and END without {missing}: write it", "warning")
        return
    key = cloze_syntax.revealed(first) if kind == "cloze" else first  # a cloze is known by its words
    fields = ctx.common("cloze" if kind == "cloze" else "card", key, node, section).tagged(tags)
    if kind == "cloze":
        yield ctx.build(node, lambda: fields.cloze(text=first, extra=second))
        return
    yield from ctx.cards(node, fields, first, second, both_ways=reverse)


def _first_line(node: Node) -> str:
    return paragraph_words(node).split("\n", 1)[0].strip()


def _last_line(ctx: Context, node: Node) -> str:
    """The last line of a paragraph, or of a list: ``END`` right under a back's last bullet goes on that
    bullet in Markdown, yet it ends the note."""
    if node.type in ("bullet_list", "ordered_list"):
        return ctx.doc.source(node).rsplit("\n", 1)[-1].strip()
    return node.children[0].content.rsplit("\n", 1)[-1].strip() if node.type == "paragraph" else ""
