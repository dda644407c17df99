"""Passages: the notes as written, block by block, for the outputs that print a section whole.

Cards and tables are what a student reviews; a printed sheet also needs the plain bullets and short
paragraphs between them, or a section prints as fragments. Every top-level paragraph, quote and code
block is one passage, and so is every item of a top-level list (with what is nested in it), so a long
list can run on into the next column. Headings and tables are not passages (the printed outputs make
their own), nor is anything the question rule took (a cram sheet does not quiz). A block of raw HTML
prints as its words and pictures; a ``<details>`` block as its summary's question in bold and the text
it hides (paper cannot fold); an Obsidian callout, nested ones too, with its title in bold in place of
its ``[!kind]`` marker (a table in it prints as a table of its own); a definition list with each term
in bold before its definitions; a card whose sides a flashcard plugin's marks part (``Osmosis::…``,
a ``?`` line alone) as its front in bold before its back.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence

from ccpkit.item_ids import HTML_TAG
from ccpkit.model import Passage, SourceLocation
from ccpkit.parse.context import Context
from ccpkit.parse.details import CODE_SPAN, details_question, hidden_text
from ccpkit.parse.document import (
    HASHTAG,
    LIST_MARKER,
    TRAILING_TAGS,
    Block,
    heading_level,
    item_text,
    title_of,
)
from ccpkit.parse.rules.dataview import (
    field_key,
    is_name,
    without_wrapped_fields,
    wrapped_fields,
)
from ccpkit.parse.rules.start_end import printed_note
from ccpkit.parse.rules.terms import (
    defines,
    definition_list,
    goes_on_defining,
    line_term,
    names_a_field,
    names_a_note_field,
    plain_term,
    undecorated,
)
from ccpkit.parse.tree import Node
from ccpkit.regex import regex

_SKIPPED = frozenset({"heading", "table", "front_matter", "hr"})
_BLOCK_TAG = regex(
    r"</?(?:p|div|center|blockquote|section|article|aside|figure|figcaption|header|footer|h[1-6]|ul|ol|li"
    r"|dl|dt|dd|pre|hr)\b[^>]*>|<br\s*/?>",
    re.IGNORECASE,
)
"""A tag that starts a line of its own on a page: its words print as a paragraph apart."""
_UNPRINTED = regex(r"\s*<(?:style|script|template|svg|iframe|video|audio)\b", re.IGNORECASE)
"""Raw HTML whose words a page does not show as text (a style, a script)."""
_TABLE = regex(r"\s*<table\b", re.IGNORECASE)
_ROW = regex(r"<tr\b[^>]*>", re.IGNORECASE)
_CELL = regex(r"<t[dh]\b[^>]*>", re.IGNORECASE)
_PREFORMATTED = regex(r"\s*<pre\b", re.IGNORECASE)
_CALLOUT_TITLE = regex(
    r"^(?P<quote>[ \t]*(?:>[ \t]*)+)\[!(?P<kind>[\w-]+)\][+-]?[ \t]*(?P<title>[^\n]*)", re.MULTILINE
)
"""A callout's first line, nested ones' too (``> > [!success]- Answer``)."""
_INLINE_SIDES = regex(r"(?P<front>[^\n]*?\S)[ \t]*:{2,3}[ \t]*(?P<back>\S[^\n]*)")
"""A card written on its line with its sides apart at ``::`` or ``:::`` (``Osmosis::Water moving …``)."""
_SIDES_APART = frozenset({"?", "??"})
"""A line alone between a card's sides (``What does the nucleus hold?``, ``?``, ``The cell's DNA.``)."""
_STYLED = regex(r"<(?P<tag>mark|span|font)\b[^<>\n]*>(?P<inner>[^<>`\n]+)</(?P=tag)>", re.IGNORECASE)
"""A tag colouring some words, as Zotero's and Obsidian's highlighters write them (``<mark
style="background-color: #ffd400">…</mark>``, ``<span style=…>``, ``<font color=…>``); not in code."""
_FIELD_LINE = regex(r"(?P<key>[^:\n]*[^:\s])::(?:[ \t]|$)")
"""A line opening with a field as Dataview's users write it, ``key:: value`` (``std::vector`` is code)."""
_QUERIES = frozenset({"dataview", "dataviewjs"})
"""The code blocks that are Dataview's queries, which Obsidian runs and paper cannot."""
_PLUGIN_SETTINGS = regex(r"(?:(?:TARGET DECK|FILE TAGS)[ \t]*(?::[ \t]*\S[^\n]*|\n[^\n]*\S[^\n]*)\n?)+")
"""Obsidian_to_Anki's settings, each with its value after a colon or on the line below
(``TARGET DECK: Biology::Cells``, ``FILE TAGS`` over ``biology cells``)."""
_TAGS_LINE = regex(rf"{HASHTAG}(?:[ \t,]+{HASHTAG})*")
"""A line of tags alone, as a Zettelkasten note files itself: ``#law #civil-liberties``."""
_LABELLED = regex(r"(?P<label>[^:\n]{1,40}):(?P<value>[^\n]*)")
_WIKI_LINKS = regex(r"!?\[\[[^\[\]\n]+\]\](?:[ \t,;]*!?\[\[[^\[\]\n]+\]\])*")
"""Links to notes and nothing else: ``[[Law MOC]]``, ``[[Rule of law]], [[Due process]]``."""
_NEIGHBOURS = frozenset({"down", "prev", "previous", "next", "child", "children", "sibling", "siblings"})
"""Keys a note's field links it to its neighbours under (``up::`` and ``related::`` are a note's fields)."""
_LINK_SECTIONS = frozenset({"backlinks", "links", "references", "related", "related notes", "see also"})
"""Headings a note lists the notes it links to under, as a vault writes them."""
BULLET = "\u2022"
"""How a bullet list's items are marked in print, whatever the notes used (``-``, ``*``, ``+``)."""


def passages(ctx: Context, questions: frozenset[int]) -> Iterator[Passage]:
    """Every printable block of the file in notes order; ``questions`` are the ids of the nodes the
    question rule claimed."""
    blocks = ctx.doc.blocks
    for index, block in enumerate(blocks):
        node = block.node
        if id(node) in questions:
            yield from _marked_note(ctx, node, index, block.section)
            continue
        if node.type == "html_block":
            yield from _html(ctx, node, block.section)
        elif node.type == "heading" and block.section and _heads_nothing(ctx, blocks, index):
            words = " ".join(HTML_TAG.sub(" ", title_of(node)).split())  # `<a id="…"></a>` anchors none
            yield from _printed(ctx, node, block.section[:-1], f"**{words}**" if words else "", "")
        elif node.type in _SKIPPED:
            continue
        elif node.type in ("bullet_list", "ordered_list"):
            for number, item in enumerate(node.children):
                yield from _passage(ctx, item, block.section, _marker(node, item, number))
        elif node.type == "code_block" and index and _goes_on_defining(blocks[index - 1].node, node):
            yield from _printed(ctx, node, block.section, node.content.strip(), "")
        else:
            yield from _passage(ctx, node, block.section, "")


def _marked_note(ctx: Context, node: Node, index: int, section: tuple[str, ...]) -> Iterator[Passage]:
    """A note between ``START`` and ``END`` that made its card or cloze, as that prints: a card's front
    in bold before its back, a cloze's text (and its extra); a file with other words prints no card."""
    note = printed_note(ctx, index) if ctx.doc.line_of(node) in ctx.made_at else None
    if note is not None:
        kind, first, second = note
        text = _as_term(first, second) if kind == "card" else "\n\n".join(filter(None, (first, second)))
        yield from _printed(ctx, node, section, text, "")


def _goes_on_defining(above: Node, code: Node) -> bool:
    """Whether an indented block is the paragraphs of the definition above it (``terms.defines``)."""
    return above.type == "paragraph" and defines(above.children[0].content) and goes_on_defining(code.content)


def _heads_nothing(ctx: Context, blocks: Sequence[Block], index: int) -> bool:
    """Whether the heading ``blocks[index]`` is over nothing, the next heading at its level or above (or
    the file's end) right under it: an outline written in headings (``### Inherited from the mother``)
    says its notes in them, and the sheet would lose the words, which head no section, with no card
    made of them."""
    if ctx.is_claimed(blocks[index].node):
        return False
    level = heading_level(blocks[index].node)
    following = (block.node for block in blocks[index + 1 :] if block.node.type != "hr")
    below = next(following, None)
    if below is None:
        return True
    heads = below.type == "heading" and heading_level(below) <= level
    return heads and title_of(below) != title_of(blocks[index].node)  # a heading written twice prints once


def _passage(ctx: Context, node: Node, section: tuple[str, ...], marker: str) -> Iterator[Passage]:
    text = item_text(_without_tables(ctx, node, ctx.doc.source(node))) if marker else ctx.doc.source(node)
    if node.type not in ("fence", "code_block") and "<" in text:
        text = _unstyled_outside_code(text)
    if node.type in ("paragraph", "list_item") and "::" in text:
        text = _without_fields(ctx, node, text)
    if node.type == "paragraph" and ("#" in text or "::" in text) and not _made_a_card(ctx, node, text):
        text = "\n".join(line for line in text.split("\n") if not _metadata_line(line))
    if section and "[[" in text and _lists_links(section[-1], text):
        text = ""  # a `## Backlinks` section's links to other notes: none of this note's words
    if node.type == "blockquote":
        text = _CALLOUT_TITLE.sub(_titled, _without_tables(ctx, node, text))
    elif node.type == "fence" and node.info.strip().split(" ", 1)[0].lower() in _QUERIES:
        text = ""  # a query Obsidian runs: code, not notes
    elif node.type == "paragraph" and ctx.doc.line_of(node) in ctx.made_at and (sides := _card_sides(text)):
        text = _as_term(*sides)
    elif node.type == "paragraph" and (cards := _cards_a_line_each(ctx, node, text)):
        text = cards
    elif node.type == "paragraph" and _PLUGIN_SETTINGS.fullmatch(text):
        text = ""  # where Obsidian_to_Anki files the notes, nothing to study
    elif node.type == "paragraph" and (terms := definition_list(node.children[0].content.split("\n"))):
        text = "\n\n".join(f"**{term.front}**: {term.rest}" for _, term in terms)  # as a glossary prints
    elif node.type == "paragraph" and _lines_of_terms(lines := text.split("\n")):
        text = "\n\n".join(lines)  # `Art. 15 — Right of access` over `Art. 16 — …`: not one run of words
    yield from _printed(ctx, node, section, text, marker)


def _made_a_card(ctx: Context, node: Node, text: str) -> bool:
    """Whether a line of ``node``'s ``text`` made a card: the sheet prints it as the card does."""
    first = ctx.doc.line_of(node)
    return any(first + at in ctx.made_at for at in range(text.count("\n") + 1))


def _metadata_line(line: str) -> bool:
    """Whether a paragraph's line is a Zettelkasten note's metadata, no words of its own: its tags
    (``#law #civil-liberties``), a note's field of tags only (``Status: #evergreen``), or a field of
    links to the notes around it (``up:: [[Law MOC]]``, ``related:: [[Due process]]``). A line with a
    word beside its links stays (``Related: [[Due process]]``, ``see [[Due process]]``)."""
    bare = line.strip()
    if _TAGS_LINE.fullmatch(bare):
        return True
    labelled = _LABELLED.fullmatch(bare)
    if (
        labelled
        and names_a_note_field(labelled["label"])
        and _TAGS_LINE.fullmatch(labelled["value"].strip(" *_"))
    ):
        return True
    field = _field(bare) if "::" in bare else None
    return field is not None and _links_notes(*field)


def _links_notes(key: str, value: str) -> bool:
    """Whether a field links the note to others: its key says so (``up``, ``related``, ``next``) and its
    value is only links to notes."""
    neighbours = names_a_note_field(key) or key.casefold() in _NEIGHBOURS
    return neighbours and _WIKI_LINKS.fullmatch(value) is not None


def _lists_links(heading: str, text: str) -> bool:
    """Whether ``text`` is only links to notes (a bullet's, or lines of them) under a heading a note
    lists its links under (``## Backlinks``, ``## See also``)."""
    if " ".join(heading.split()).strip(" :").casefold() not in _LINK_SECTIONS:
        return False
    lines = [
        line[len(found[0]) :] if (found := LIST_MARKER.match(line)) else line for line in text.split("\n")
    ]
    return all(_WIKI_LINKS.fullmatch(line.strip()) for line in lines if line.strip())


def _without_fields(ctx: Context, node: Node, text: str) -> str:
    """``text`` as a sheet prints Dataview's fields in it. A field under a key a note's metadata goes
    under (``author::``, ``rating::``, ``due_date::``) prints nothing, and so does a paragraph of fields
    one of which is such a key (the note's properties). Any other field is a fact, whatever its value
    (``Hastings:: 1066-10-14``): a field alone on its line prints as a term, one within a line as Dataview
    shows it. Lines that made a card print as the card does."""
    lines = text.split("\n")
    first = ctx.doc.line_of(node)
    if any(first + at in ctx.made_at for at in range(len(lines))):
        return text
    fields = [_fields_only(line) for line in lines if line.strip()]
    if all(each is not None for each in fields):
        found = [(key, value) for each in fields for key, value in each or ()]
        if any(names_a_field(key) for key, _ in found):
            return ""
        return "\n\n".join(
            _as_term(key, value) for key, value in found if value and not _links_notes(key, value)
        )
    return "\n".join(_without_metadata_fields(line) for line in lines)


def _fields_only(line: str) -> list[tuple[str, str]] | None:
    """The key and value of each field of a line that holds fields only (``rating:: 5``, ``[prep:: 30
    min] [bake:: 45 min]``), or ``None`` for a line of other words."""
    hidden = _code_blanked(line)
    wrapped = list(wrapped_fields(hidden))
    if wrapped and not without_wrapped_fields(line, hidden).strip():
        return [_wrapped_sides(line[field.start() + 1 : field.end() - 1]) for field in wrapped]
    whole = _field(line)
    return None if whole is None else [whole]


def _wrapped_sides(inner: str) -> tuple[str, str]:
    """The key and value of a field written inside brackets (``prep:: 30 min``)."""
    key, value = inner.split("::", 1)
    return " ".join(key.split()), value.strip()


def _without_metadata_fields(line: str) -> str:
    """``line`` without its ``[key:: value]`` fields under a metadata key; another field as Dataview
    shows it: ``(key:: value)`` as its value, ``[key:: value]`` as written."""
    pieces, end = [], 0
    for field in wrapped_fields(_code_blanked(line)):
        written = line[field.start() : field.end()]
        key, value = _wrapped_sides(written[1:-1])
        shown = "" if names_a_field(key) else value if written.startswith("(") else written
        before = line[end : field.start()]
        pieces += [before if shown else before.rstrip(" \t"), shown]
        end = field.end()
    return "".join([*pieces, line[end:]])


def _field(line: str) -> tuple[str, str] | None:
    """The key and value of a line that is a Dataview field (``rating:: 5``), if it is one."""
    found = _FIELD_LINE.match(_code_blanked(line))
    key = field_key(line[: found.end("key")]) if found is not None else None
    return (key, line[found.end() :].strip()) if found is not None and key and is_name(key) else None


def _code_blanked(line: str) -> str:
    """``line`` with its code spans as spaces, so nothing in code is read as a field."""
    return CODE_SPAN.sub(lambda code: " " * len(code[0]), line)


def _unstyled_outside_code(text: str) -> str:
    """``text`` with its styled tags as their words (``_unstyled``); a tag in a code span is code."""
    pieces, end = [], 0
    for code in CODE_SPAN.finditer(text):
        pieces += [_STYLED.sub(_unstyled, text[end : code.start()]), code[0]]
        end = code.end()
    return "".join([*pieces, _STYLED.sub(_unstyled, text[end:])])


def _unstyled(styled: re.Match[str]) -> str:
    """A styled tag's words as paper shows them: a mark's highlighted, a span's or a font's plain."""
    return f"=={styled['inner']}==" if styled["tag"].lower() == "mark" else styled["inner"]


def _card_sides(text: str) -> tuple[str, str] | None:
    """A card's paragraph written with its sides apart (``Osmosis::Water …``, or a ``?`` line alone
    between them): its front and back, which print as a term and what it says, not with the marks
    that part them for a flashcard plugin. ``None`` for any other paragraph (``{{c1::…}}`` clozes)."""
    lines = text.split("\n")
    apart = [at for at, line in enumerate(lines) if line.strip() in _SIDES_APART]
    if len(apart) == 1 and 0 < apart[0] < len(lines) - 1:
        return " ".join(lines[: apart[0]]).strip(), "\n".join(lines[apart[0] + 1 :]).strip()
    found = _INLINE_SIDES.fullmatch(text) if len(lines) == 1 and "{{" not in text else None
    return None if found is None else (found["front"], found["back"])


def _cards_a_line_each(ctx: Context, node: Node, text: str) -> str:
    """A paragraph of cards a line each, their sides apart at ``::`` (``Sharps in E major:::four`` over
    the next): each card as a term prints, a line each; nothing unless every line made a card so."""
    lines = text.split("\n")
    first = ctx.doc.line_of(node)
    if len(lines) < 2 or any(first + at not in ctx.made_at or "{{" in line for at, line in enumerate(lines)):
        return ""
    sides = [_INLINE_SIDES.fullmatch(line) for line in lines]
    cards = [_as_term(found["front"], found["back"]) for found in sides if found is not None]
    return "\n\n".join(cards) if len(cards) == len(lines) else ""


def _as_term(front: str, back: str) -> str:
    """A card's sides as a term prints (``**Osmosis**: Water moving …``), a question's with no colon; a
    front with bold words of its own as written (bold inside bold would undo them). Tags ending a side
    file the card in a deck (``#flashcards/botany``): the card is asked without them, and so it prints."""
    front, back = TRAILING_TAGS.sub("", front) or front, TRAILING_TAGS.sub("", back) or back
    bold = front if "**" in front or "__" in front else f"**{front}**"
    return f"{bold}{' ' if front.rstrip('*_').endswith(('?', '.', '!')) else ': '}{back}"


def _lines_of_terms(lines: Sequence[str]) -> bool:
    """Whether each of two lines or more names a term and says what it is, as a glossary's lines do."""
    return len(lines) > 1 and all(line_term(line) or plain_term(undecorated(line)) for line in lines)


def _without_tables(ctx: Context, quote: Node, text: str) -> str:
    """A quote's or list item's ``text`` (its source, a line per line of the file) without the lines of
    the tables in it that the table rule took: each prints as a table of its own, as one outside a
    quote does."""
    tables = {line for table in _tables_taken(ctx, quote) if table.map for line in range(*table.map)}
    if not tables or quote.map is None:
        return text
    start = quote.map[0]
    lines = [line for offset, line in enumerate(text.split("\n")) if start + offset not in tables]
    while lines and not lines[-1].strip(" \t>"):
        lines.pop()  # the quote's blank line above its last table
    return "\n".join(lines)


def _tables_taken(ctx: Context, quote: Node) -> Iterator[Node]:
    for child in quote.children:
        if child.type == "table" and ctx.is_claimed(child):
            yield child
        elif child.type == "blockquote":
            yield from _tables_taken(ctx, child)


def _titled(callout: re.Match[str]) -> str:
    """An Obsidian callout's first line as paper shows it: its title (or its kind) in bold."""
    title = callout["title"].strip() or callout["kind"].replace("-", " ").capitalize()
    return f"{callout['quote']}**{title}**"


def _html(ctx: Context, node: Node, section: tuple[str, ...]) -> Iterator[Passage]:
    """A block of raw HTML as paper shows it. A ``<details>`` block: the question its summary asks, in
    bold, and the text it hides in the same block (an answer over the blocks below prints as those
    blocks). A table left unread: its words, a paragraph per row. Any other (``<p align="center">``,
    ``<div>``, ``<center>``, a ``<details>`` with no summary): its words, a paragraph per block tag,
    and its pictures, which reading the file wrote as Markdown; a ``<pre>`` block as code."""
    content = node.content
    folded = _folded(content) if "<details" in content.lower() else ""
    if folded:
        text = folded
    elif _UNPRINTED.match(content):
        return
    elif _TABLE.match(content):  # one left unread (the others are Markdown tables by now)
        rows = (" · ".join(filter(None, map(_words, _CELL.split(row)))) for row in _ROW.split(content))
        text = "\n\n".join(row for row in rows if row)
    elif _PREFORMATTED.match(content):  # `<pre><code>`: its lines as code, entities as the page shows them
        code = html.unescape(HTML_TAG.sub("", content)).strip("\n")
        text = f"````\n{code}\n````" if code.strip() else ""
    else:  # Markdown reads the entities left (`&lt;br&gt;` shows `<br>`)
        text = "\n\n".join(paragraph for part in _BLOCK_TAG.split(content) if (paragraph := _words(part)))
    yield from _printed(ctx, node, section, text, "")


def _folded(content: str) -> str:
    """A ``<details>`` block's summary in bold and what it hides; nothing if it has no summary."""
    asked = details_question(content)
    return " ".join(part for part in (f"**{asked}**" if asked else "", hidden_text(content)) if part)


def _words(html_text: str) -> str:
    """The words of some HTML, its tags dropped, its spaces one."""
    return " ".join(HTML_TAG.sub(" ", html_text).split())


def _printed(ctx: Context, node: Node, section: tuple[str, ...], text: str, marker: str) -> Iterator[Passage]:
    """``text`` as the passage of ``node``, unless it is blank."""
    if text.strip():
        where = SourceLocation(path=ctx.doc.path, line=ctx.doc.line_of(node))
        yield Passage(source=where, part=ctx.doc.part, section=section, text=text, marker=marker)


def _marker(node: Node, item: Node, number: int) -> str:
    if node.type == "bullet_list":
        return BULLET
    start = int(node.attrs.get("start", 1))
    return f"{item.info or start + number}{item.markup or '.'}"
