"""A notebook's cell output, as an export to Markdown writes it: an ``Out[4]:`` line over the table, code
block, HTML or picture the cell printed. It is what code printed, not notes: no card, no table to study,
no part of an answer above it. Claimed after the question rule, so a printed sheet still prints it."""

from __future__ import annotations

from collections.abc import Iterator

from ccpkit.errors import Problem
from ccpkit.model import Item
from ccpkit.parse.context import Context
from ccpkit.parse.document import only_pictures
from ccpkit.parse.tree import Node
from ccpkit.regex import regex

_OUTPUT_LABEL = regex(r"(?:\*\*|__)?Out[ \t]?\[\d*\][ \t]*:(?:\*\*|__)?[ \t]*")
"""``Out[4]:``, as Jupyter's exports (nbconvert, Jupytext, d2l's) label a cell's output."""
_PRINTED = frozenset({"table", "fence", "code_block", "html_block"})
"""The blocks a cell's output is written as: a data frame's table, printed text as code, a rich HTML view."""
_OUTPUT_CELL = regex(r"\{[^}\n]*\.output\b")
"""A code block's attributes that mark it a cell's output, as notedown writes it: ``{.json .output n=4}``."""


def opens_output(node: Node) -> bool:
    """Whether a block opens a cell's output: an ``Out[N]:`` line, or code marked as output."""
    if node.type == "fence":
        return _OUTPUT_CELL.match(node.info) is not None
    return node.type == "paragraph" and _OUTPUT_LABEL.fullmatch(node.children[0].content.strip()) is not None


def claim_notebook_outputs(ctx: Context) -> Iterator[Item | Problem]:
    """Claims each ``Out[N]:`` paragraph and the block right under it when that reads as printed (a table,
    code, HTML, a picture: the output itself), and each code cell an export marks as output (``{.json
    .output n=4}``). A paragraph of words under an empty ``Out[N]:`` is the notes' own: it stays."""
    blocks = ctx.doc.blocks
    for index, block in enumerate(blocks):
        node = block.node
        if ctx.is_claimed(node) or not opens_output(node):
            continue
        if node.type == "fence":
            ctx.claim(node)
            continue
        output = blocks[index + 1].node if index + 1 < len(blocks) else None
        if output is not None and _printed(output) and not ctx.is_claimed(output):
            ctx.claim(node, output)
        else:
            ctx.claim(node)
    yield from ()


def _printed(node: Node) -> bool:
    """Whether a block reads as what a cell printed, not as notes written under it."""
    return node.type in _PRINTED or (node.type == "paragraph" and only_pictures(node))
