"""Cards whose sides a line ``%`` alone separates, as ankdown, mdanki and md-to-anki write them: the
front, a ``%`` line, the back, and maybe another ``%`` line and the card's tags (ankdown). A card ends
at ``---``, a ``%%`` line or a heading. Under a heading the heading opens the front, and then, as
mdanki reads a file that separates sides so, every heading with words below it is a card: its words
the back, or the front's rest up to the ``%``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ccpkit.errors import Problem
from ccpkit.model import Item
from ccpkit.parse.context import Context
from ccpkit.parse.document import Block, heading_text
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
