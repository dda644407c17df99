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

from ccpkit.errors import Problem
from ccpkit.model import Item
from ccpkit.parse.context import Context
from ccpkit.parse.document import Block, heading_text, paragraph_words
from ccpkit.parse.inka import fences_a_section
from ccpkit.parse.tree import Node
from ccpkit.regex import regex

_TAGS = regex(r"#?[\w:/-]+(?:\.[\w:/-]+)*(?:[ \t]*,?[ \t]*#?[\w:/-]+(?:\.[\w:/-]+)*)*")
"""A line of tags (``math, probability``, ``aws::s3 storage``), as ankdown's third field holds; words
that end a sentence (``Wipe them after use.``) are no tags."""


def extract_separated_cards(ctx: Context) -> Iterator[Item | Problem]:
    """Every card of a file whose sides a ``%`` line separates; none in a file with no such line."""
    blocks = ctx.doc.blocks
    if not any(_is_line(block.node, "%") for block in blocks):
        return
    headed = any(_is_line(block.node, "%") and _under_heading(block) for block in blocks)
    heading: Block | None = None
    run: list[Block] = []
    for block in blocks:
        node = block.node
        if node.type in ("hr", "heading") or _is_line(node, "%%"):
            yield from _card(ctx, heading, run, every_heading=headed)
            heading = block if node.type == "heading" and node.tag != "h1" else None
            run = []
        elif not ctx.is_claimed(node):
            run.append(block)
    yield from _card(ctx, heading, run, every_heading=headed)


def _card(
    ctx: Context, heading: Block | None, run: Sequence[Block], *, every_heading: bool
) -> Iterator[Item | Problem]:
    """The card of the blocks between two ends (``heading``: the one above them, if any)."""
    fields: list[list[Node]] = [[]]
    for block in run:
        if _is_line(block.node, "%"):
            fields.append([])
        else:
            fields[-1].append(block.node)
    if len(fields) == 1:  # no `%`: a card only under a heading of a file written as mdanki writes
        if not (every_heading and heading is not None and fields[0]):
            return
        fields.insert(0, [])
    first = heading.node if heading is not None else run[0].node
    front = "\n\n".join(
        [*([heading_text(heading.node)] if heading else []), *(ctx.doc.source(n) for n in fields[0])]
    ).strip()
    back = "\n\n".join(ctx.doc.source(node) for node in fields[1]).strip()
    tags = ""
    for extra in fields[2:]:
        text = "\n\n".join(ctx.doc.source(node) for node in extra).strip()
        if _TAGS.fullmatch(text):
            tags = f"{tags} {text}"
        elif text:
            back = f"{back}\n\n{text}"  # a field of ankdown's own note type: kept, on the back
    ctx.claim(*(block.node for block in run), *([heading.node] if heading else []))
    if not front or not back:
        missing = "its front above" if not front else "its back below"
        yield Problem(ctx.at(first), f"card `%` line without {missing}: write both sides", "warning")
        return
    section = heading.section[:-1] if heading is not None else run[0].section
    common = ctx.common("card", front, first, section).tagged(tags)
    yield ctx.build(first, lambda: common.card(front=front, back=back))


def _is_line(node: Node, text: str) -> bool:
    """A paragraph that is ``text`` alone (``%``, ``%%``)."""
    return node.type == "paragraph" and node.children[0].content.strip() == text


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
