"""The parser's tree of a notes file holds what markdown-it-py's own syntax tree says, node for node."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from markdown_it.tree import SyntaxTreeNode

from ccpkit.parse.document import _markdown, parse_document
from ccpkit.parse.tree import Node, build_tree

TESTS = Path(__file__).resolve().parent.parent
NOTES_FILES = sorted(TESTS.rglob("*.md"))


def _reference_line(node: SyntaxTreeNode) -> int:
    """The line markdown-it-py's tree gives a node: its own map's, else the nearest ancestor's."""
    current: SyntaxTreeNode | None = node
    while current is not None and current.type != "root":
        if current.map is not None:
            return current.map[0] + 1
        current = current.parent
    return 1


def _pairs(ours: Node, reference: SyntaxTreeNode) -> Iterator[tuple[Node, SyntaxTreeNode]]:
    yield ours, reference
    assert len(ours.children) == len(reference.children), reference.type
    for mine, theirs in zip(ours.children, reference.children, strict=True):
        yield from _pairs(mine, theirs)


@pytest.mark.parametrize("path", NOTES_FILES, ids=lambda path: str(path.relative_to(TESTS)))
def test_every_node_matches_markdown_it_pys_syntax_tree(path: Path) -> None:
    text = path.read_bytes().decode("utf-8", "replace")
    tokens = _markdown().parse(text)
    root, nodes = build_tree(tokens)
    reference = SyntaxTreeNode(tokens)
    for ours, theirs in _pairs(root, reference):
        assert ours.type == theirs.type
        assert ours.line == _reference_line(theirs)
        if theirs.type == "root":
            continue
        fields = (theirs.tag, theirs.attrs, theirs.map, theirs.content, theirs.markup, theirs.info)
        assert (ours.tag, ours.attrs, ours.map, ours.content, ours.markup, ours.info) == fields
        top = theirs
        while top.parent is not None and top.parent.type != "root":
            top = top.parent
        assert ours.top == reference.children.index(top)
    inside_inline = {
        id(child) for inline in root.walk() if inline.type == "inline" for child in list(inline.walk())[1:]
    }
    assert list(nodes) == [
        node for node in root.walk() if node.type != "root" and id(node) not in inside_inline
    ]


def test_a_cell_and_inline_text_take_the_line_of_what_holds_them() -> None:
    document = parse_document("m/notes.md", "# Part\n\nIntro\n\n| A | B |\n|---|---|\n| **x** | y |\n")
    table = document.blocks[2].node
    row = table.children[1].children[0]
    cell = row.children[0]
    bold = next(node for node in cell.walk() if node.type == "strong")
    assert (row.line, cell.line, bold.line) == (7, 7, 7)
    assert document.line_of(bold) == 7


def test_the_tree_holds_no_cycles_so_a_file_is_freed_without_the_collector() -> None:
    text = "# Part\n\n- **Term:** a *definition*\n  - child\n\n| A | B |\n|---|---|\n| 1 | 2 |\n"
    gc.disable()
    try:
        before = _nodes_alive()
        document = parse_document("m/notes.md", text)
        assert _nodes_alive() > before
        del document
        assert _nodes_alive() == before
    finally:
        gc.enable()


def _nodes_alive() -> int:
    return sum(isinstance(thing, Node) for thing in gc.get_objects())
