"""Cards whose sides a line alone separates.

- ``%``, as ankdown, mdanki and md-to-anki write them: the front, a ``%`` line, the back, and maybe
  another ``%`` line and the card's tags (ankdown). A card ends at ``---``, a ``%%`` line or a heading.
  Under a heading the heading opens the front, and then, as mdanki reads a file that separates sides
  so, every heading with words below it is a card: its words the back, or the front's rest up to the
  ``%``.
- ``---``, as Mochi writes them (a rule is four dashes or more there): a file that is nothing but
  sides is a card, its front a question or a thing's name; in a file of notes holding two or more,
  each question alone over a ``---`` line and its answer, up to the next, a heading or a rule of
  other dashes (``----``, ``***``). Sides after the second go on the back.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from ccpkit.errors import Problem
from ccpkit.model import Item, SourceLocation
from ccpkit.parse.context import Context
from ccpkit.parse.document import Block, heading_text, paragraph_words
from ccpkit.parse.inka import fences_a_section
from ccpkit.parse.tree import Node
from ccpkit.regex import regex

_TAGS = regex(r"#?[\w:/-]+(?:\.[\w:/-]+)*(?:(?:[ \t]*,[ \t]*|[ \t]+)#?[\w:/-]+(?:\.[\w:/-]+)*)*")
"""A line of tags (``math, probability``, ``aws::s3 storage``), as ankdown's third field holds; words
that end a sentence (``Wipe them after use.``) are no tags. Tags are parted by a comma or a space:
with both optional, a long word that is no tag was tried cut in every way (2^n tries)."""


def extract_separated_cards(ctx: Context) -> Iterator[Item | Problem]:
    """Every card of a file whose sides a ``%`` line separates; none in a file with no such line."""
    if not any(line.strip() == "%" for line in ctx.doc.lines):
        return
    blocks = ctx.doc.blocks
    pieces = {id(block.node): _pieces(ctx, block) for block in blocks}
    if not any(piece.text == "%" for split in pieces.values() for piece in split):
        return  # `%` only in code, or in a table's cell
    headed = any(
        piece.text == "%" and _under_heading(piece.block) for split in pieces.values() for piece in split
    )
    heading: Block | None = None
    run: list[_Piece] = []
    for block in blocks:
        node = block.node
        if node.type in ("hr", "heading"):
            yield from _card(ctx, heading, run, every_heading=headed)
            heading = block if node.type == "heading" and node.tag != "h1" else None
            run = []
        elif not ctx.is_claimed(node):
            for piece in pieces[id(node)]:
                if piece.text == "%%":
                    yield from _card(ctx, heading, run, every_heading=headed)
                    heading, run = None, []
                else:
                    run.append(piece)
    yield from _card(ctx, heading, run, every_heading=headed)


@dataclass(frozen=True)
class _Piece:
    """A block's Markdown, or a part of a paragraph between its ``%`` (``%%``) lines, or such a line
    alone (its ``text`` ``%`` or ``%%``): what a card's fields are made of, from its ``line``."""

    block: Block
    text: str
    line: int


def _pieces(ctx: Context, block: Block) -> list[_Piece]:
    """A block as its pieces: a paragraph parted at each line that is ``%`` or ``%%`` alone (ankdown
    needs them alone on their lines, blank lines around them or not), any other block whole."""
    node, source = block.node, ctx.doc.source(block.node)
    if node.type != "paragraph" or not any(line.strip() in _SEPARATORS for line in source.split("\n")):
        return [_Piece(block, source, node.line)]
    pieces: list[_Piece] = []
    lines: list[str] = []
    for at, line in enumerate([*source.split("\n"), "%%"]):  # the last part ends as a card's end would
        if line.strip() not in _SEPARATORS:
            lines.append(line)
            continue
        if "\n".join(lines).strip():
            pieces.append(_Piece(block, "\n".join(lines).strip(), node.line + at - len(lines)))
        pieces.append(_Piece(block, line.strip(), node.line + at))
        lines = []
    return pieces[:-1]


_SEPARATORS = ("%", "%%")


def _card(
    ctx: Context, heading: Block | None, run: Sequence[_Piece], *, every_heading: bool
) -> Iterator[Item | Problem]:
    """The card of the pieces between two ends (``heading``: the one above them, if any)."""
    fields: list[list[str]] = [[]]
    for piece in run:
        if piece.text == "%":
            fields.append([])
        else:
            fields[-1].append(piece.text)
    if len(fields) == 1:  # no `%`: a card only under a heading of a file written as mdanki writes
        if not (every_heading and heading is not None and fields[0]):
            return
        fields.insert(0, [])
    first = heading.node if heading is not None else run[0].block.node
    line = heading.node.line if heading is not None else run[0].line
    front = "\n\n".join([*([heading_text(heading.node)] if heading else []), *fields[0]]).strip()
    back = "\n\n".join(fields[1]).strip()
    tags = ""
    for extra in fields[2:]:
        text = "\n\n".join(extra).strip()
        if _TAGS.fullmatch(text):
            tags = f"{tags} {text}"
        elif text:
            back = f"{back}\n\n{text}"  # a field of ankdown's own note type: kept, on the back
    ctx.claim(*(piece.block.node for piece in run), *([heading.node] if heading else []))
    at = SourceLocation(ctx.doc.path, line)
    if not front or not back:
        missing = "its front above" if not front else "its back below"
        yield Problem(at, f"card `%` line without {missing}: write both sides", "warning")
        return
    section = heading.section[:-1] if heading is not None else run[0].block.section
    common = replace(ctx.common("card", front, first, section), source=at).tagged(tags)
    yield ctx.build(first, lambda: common.card(front=front, back=back))


def _under_heading(block: Block) -> bool:
    return block.heading is not None and block.heading.tag != "h1"


_MOCHI_SIDES = 4
"""At most this many sides, each of at most this many blocks, make a file that is one Mochi card."""
_TERM_WORDS = 6
"""A front that does not ask names a thing in at most this many words (``Shiba Inu``), no sentence."""
_MOCHI_CARDS = 2
"""A file of notes holds at least this many questions over ``---``, a deck written in one file, for any
to be a card: a lone one is a question closing a section over a rule (``Open questions?``)."""


def extract_mochi_cards(ctx: Context) -> Iterator[Item | Problem]:
    """The cards whose sides Mochi's ``---`` lines part: the file's one card if it is nothing but sides,
    else each question over such a line, up to the next or a heading or a rule of other dashes. Run
    after the question and cloze rules: a question's options or a cloze above a rule are theirs."""
    blocks = ctx.doc.blocks
    if not any(_parts_sides(ctx, block.node) for block in blocks):
        return
    sides = _sides(ctx, [block.node for block in blocks])
    if _one_card(ctx, sides):
        yield from _sided_card(ctx, blocks[0], sides)
        return
    cards: list[list[Block]] = []
    for index, block in enumerate(blocks):
        node = block.node
        if node.type == "heading" or (node.type == "hr" and not _parts_sides(ctx, node)):
            cards.append([])  # the card above ends here
        elif _asks_over_a_rule(ctx, blocks, index):
            cards.append([block])
        elif cards and cards[-1] and not ctx.is_claimed(node):
            cards[-1].append(block)
    cards = [card for card in cards if card]
    sided = [_sides(ctx, [block.node for block in card]) for card in cards]
    sided_cards = [card for card, sides in zip(cards, sided, strict=True) if len(sides) >= 2 and all(sides)]
    deck = sum(not _titled_a_card(card[0]) for card in sided_cards) >= _MOCHI_CARDS  # a deck of its own
    for card, sides in zip(cards, sided, strict=True):
        if len(sides) >= 2 and all(sides) and (deck or _titled_a_card(card[0])):
            yield from _sided_card(ctx, card[0], sides)


def _titled_a_card(block: Block) -> bool:
    """Whether the heading over a question says it is a flashcard (``## Flashcard: GTD's creator``, as
    The NoteWriter titles one): its ``---`` parts the sides, though it is the file's only one."""
    return bool(block.section) and _CARD_TITLE.fullmatch(block.section[-1]) is not None


_CARD_TITLE = regex(r"(?i)\W*(?:flash\s*card|card)(?:\s*#?\d+)?\s*(?::.*)?")
"""A heading naming a flashcard: ``Flashcard: GTD's creator``, ``Card 3``."""


def _one_card(ctx: Context, sides: Sequence[Sequence[Node]]) -> bool:
    """Whether a file's ``sides`` are one Mochi card: no front matter or heading (a post's or a slide
    deck's), a paragraph that asks or names a thing over two to four sides of a few blocks, nothing
    another rule took (a cloze, a question)."""
    nodes = [node for side in sides for node in side]
    front = sides[0][0] if len(sides[0]) == 1 and sides[0][0].type == "paragraph" else None
    words = paragraph_words(front).strip() if front is not None else ""
    names = len(words.split()) <= _TERM_WORDS and not words.endswith((".", ":", "!", ";"))
    return (
        bool(words)
        and (words.endswith("?") or names)
        and 2 <= len(sides) <= _MOCHI_SIDES
        and all(0 < len(side) <= _MOCHI_SIDES for side in sides)
        and not any(node.type in ("heading", "front_matter") or ctx.is_claimed(node) for node in nodes)
    )


def _asks_over_a_rule(ctx: Context, blocks: Sequence[Block], index: int) -> bool:
    """Whether ``blocks[index]`` is a paragraph that asks right over Mochi's ``---``: a card's front."""
    node = blocks[index].node
    over = index + 1 < len(blocks) and _parts_sides(ctx, blocks[index + 1].node)
    return over and node.type == "paragraph" and not ctx.is_claimed(node) and _asks(paragraph_words(node))


def _asks(words: str) -> bool:
    return words.rstrip().endswith("?")


def _sided_card(ctx: Context, first: Block, sides: Sequence[Sequence[Node]]) -> Iterator[Item | Problem]:
    """The card of ``sides``, the first its front, the others its back; ``first``: where it starts."""
    front = ctx.doc.source(sides[0][0]).strip()
    back = "\n\n".join(ctx.doc.source(node) for side in sides[1:] for node in side).strip()
    ctx.claim(*(node for side in sides for node in side))
    common = ctx.common("card", front, first.node, first.section)
    yield ctx.build(first.node, lambda: common.card(front=front, back=back))


def _sides(ctx: Context, run: Sequence[Node]) -> list[list[Node]]:
    """``run`` parted at Mochi's ``---`` lines."""
    sides: list[list[Node]] = [[]]
    for node in run:
        if _parts_sides(ctx, node):
            sides.append([])
        else:
            sides[-1].append(node)
    return sides


def _parts_sides(ctx: Context, node: Node) -> bool:
    """A rule of three dashes exactly, which parts a Mochi card's sides (``----`` is a rule there); not
    one that fences inka's section."""
    dashes = node.type == "hr" and ctx.doc.source(node).strip() == "---"
    return dashes and not fences_a_section(ctx.doc.inka_sections, node.line)
