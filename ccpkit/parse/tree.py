"""A notes file's markdown-it-py token stream as a tree of blocks, read by every extraction rule.

markdown-it-py's own ``SyntaxTreeNode`` works each field out from its token on every read (``type``,
``map``, ``content`` are properties) and links every node to its parent, so a file's tree is a web of
cycles that only the garbage collector frees. The rules read those fields hundreds of thousands of
times per course: here each node holds them as plain values, knows its line and its top-level block
instead of its parent, and a tree is freed as soon as the rules are done with it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from markdown_it.token import Token


class Node:
    """A token (``text``, ``fence``, ``inline`` …) or an ``_open``/``_close`` pair with what it holds.

    The fields mirror markdown-it-py's ``SyntaxTreeNode``: a pair's ``type`` is its opening token's
    without ``_open``, its other fields are the opening token's; an ``inline`` token's (or an
    image's) children are its inline tokens."""

    __slots__ = (
        "attrs", "children", "content", "heading_text", "info", "line", "map", "markup", "tag", "top", "type",
    )  # fmt: skip

    def __init__(self, token: Token | None, kind: str, line: int, top: int) -> None:
        self.type = kind
        self.children: list[Node] = []
        self.top = top
        """Index of the top-level block that holds the node (itself at the top level; -1 for the root)."""
        self.heading_text: str | None = None
        """A heading's text once ``document.heading_text`` has read it: rules ask for it again and again."""
        if token is None:
            self.line = line
            self.tag, self.attrs, self.map, self.content, self.markup, self.info = "", {}, None, "", "", ""
            return
        self.tag = token.tag
        self.attrs = token.attrs
        self.content = token.content
        self.markup = token.markup
        self.info = token.info
        found = token.map
        self.map = (found[0], found[1]) if found else None
        self.line = found[0] + 1 if found else line
        """1-based line where the node starts: its own map's, or the nearest enclosing node's (a
        table cell or an inline child has none of its own), 1 if none has one."""

    def walk(self) -> Iterator[Node]:
        """This node and every node below it, depth first, in the order of the token stream."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))


def build_tree(tokens: Sequence[Token]) -> tuple[Node, tuple[Node, ...]]:
    """The root of a file's tree, and every node in it outside inline text (blocks and ``inline``
    nodes, depth first): what the rules that look at the whole file go through."""
    root = Node(None, "root", 1, -1)
    blocks: list[Node] = []
    _add(root, tokens, blocks)
    return root, tuple(blocks)


def _add(parent: Node, tokens: Sequence[Token], blocks: list[Node] | None) -> None:
    """Nest ``tokens`` (balanced, as markdown-it-py makes them) under ``parent``; ``blocks`` collects
    the nodes made, or is ``None`` inside inline text."""
    stack = [parent]
    for token in tokens:
        nesting = token.nesting
        if nesting < 0:
            stack.pop()
            continue
        above = stack[-1]
        top = len(above.children) if above.type == "root" else above.top
        kind = token.type.removesuffix("_open") if nesting else token.type
        node = Node(token, kind, above.line, top)
        above.children.append(node)
        if blocks is not None:
            blocks.append(node)
        if nesting:
            stack.append(node)
        elif token.children:
            _add(node, token.children, None)
