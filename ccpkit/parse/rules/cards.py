"""Cards: list items ``**Term:** definition``; attribute labels join the card of the item or heading above."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from markdown_it.tree import SyntaxTreeNode

from ccpkit.errors import Problem
from ccpkit.model import Card, Item
from ccpkit.parse.context import Context, pinned_id
from ccpkit.parse.document import heading_text
from ccpkit.parse.rules.terms import Term, is_label, split_term

LISTS = ("bullet_list", "ordered_list")
_LIST_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])\s")


@dataclass(slots=True)
class _Pending:
    """A card whose back may still grow: sibling label bullets that follow it belong to it."""

    item: SyntaxTreeNode
    term: Term
    pinned: str
    labels: list[str] = field(default_factory=list)
    nested: list[Item | Problem] = field(default_factory=list)


def extract_cards(ctx: Context) -> Iterator[Item | Problem]:
    """Every term → definition card of the file, in notes order."""
    heading: SyntaxTreeNode | None = None
    heading_section: tuple[str, ...] = ()
    labels: list[str] = []
    for block in ctx.doc.blocks:
        if block.heading is not heading:
            yield from _heading_card(ctx, heading, heading_section, labels)
            heading, heading_section, labels = block.heading, block.section[:-1], []
        if ctx.is_claimed(block.node):
            continue
        if block.node.type in LISTS:
            yield from _list_cards(ctx, block.node, block.section, labels)
        elif block.node.type == "paragraph" and _is_label_paragraph(block.node):
            labels.append(ctx.doc.source(block.node))
    yield from _heading_card(ctx, heading, heading_section, labels)


def _list_cards(
    ctx: Context, node: SyntaxTreeNode, section: tuple[str, ...], orphans: list[str]
) -> Iterator[Item | Problem]:
    """Cards of one list; label items go to the term item above them, else to ``orphans``."""
    pending: _Pending | None = None
    for index, item in enumerate(node.children):
        term = _item_term(item)
        if term is not None and term.is_label:
            (pending.labels if pending else orphans).append(ctx.doc.source(item))
            continue
        if pending is not None:
            yield from _flush(ctx, pending, section)
            pending = None
        nested = [card for child in item.children[1:] if child.type in LISTS
                  for card in _list_cards(ctx, child, section, [])]  # fmt: skip
        if term is None:
            yield from nested
            continue
        pinned = pinned_id(node) if index == 0 else ""
        pending = _Pending(item, term, pinned, nested=nested)
    if pending is not None:
        yield from _flush(ctx, pending, section)


def _flush(ctx: Context, pending: _Pending, section: tuple[str, ...]) -> Iterator[Item | Problem]:
    term = pending.term
    parts = [term.rest] if term.rest else []
    parts += [ctx.doc.source(child) for child in pending.item.children[1:]]
    if pending.labels:
        parts.append(_join(pending.labels))
    back = "\n\n".join(part for part in parts if part.strip())
    if back:
        yield _card(ctx, pending.item, section, term.front, back, pending.pinned)
    elif term.separated:
        message = f"card {term.front!r} has an empty back: write its definition after the term"
        yield ctx.problem(pending.item, message)
    yield from pending.nested


def _heading_card(
    ctx: Context, heading: SyntaxTreeNode | None, section: tuple[str, ...], labels: list[str]
) -> Iterator[Item | Problem]:
    """Label lines right under a heading describe the heading: together they make one card."""
    if heading is None or not labels:
        return
    yield _card(ctx, heading, section, heading_text(heading), _join(labels), pinned_id(heading))


def _card(
    ctx: Context, node: SyntaxTreeNode, section: tuple[str, ...], front: str, back: str, pinned: str
) -> Item | Problem:
    fields = ctx.common("card", front, node, section, pinned)
    return ctx.build(node, lambda: Card(**fields, front=front, back=back))


def _item_term(item: SyntaxTreeNode) -> Term | None:
    first = item.children[0] if item.children else None
    if first is None or first.type != "paragraph":
        return None
    return split_term(first.children[0])


def _is_label_paragraph(node: SyntaxTreeNode) -> bool:
    """``**Benefits:** …`` or ``Use cases: …`` as a paragraph of its own."""
    inline = node.children[0]
    term = split_term(inline)
    if term is not None:
        return term.is_label and term.separated
    head, colon, _ = inline.content.partition(":")
    return bool(colon) and "\n" not in head and is_label(head)


def _join(blocks: list[str]) -> str:
    """Label items stay one tight list; label paragraphs stay paragraphs."""
    text = blocks[0]
    for previous, block in itertools.pairwise(blocks):
        text += ("\n" if _LIST_ITEM.match(previous) and _LIST_ITEM.match(block) else "\n\n") + block
    return text
