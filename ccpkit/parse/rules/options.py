"""The options of a multiple-choice question: lettered list items or lines, or task-list checkboxes."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from markdown_it.tree import SyntaxTreeNode

from ccpkit.parse.document import Document

_LETTERED = re.compile(
    r"^(?:\*\*)?(?:\((?P<paren>[A-H])\)|(?P<letter>[A-H])[.)])(?:\*\*)?[ \t]+(?P<text>\S.*)$", re.S
)
_TASK = re.compile(r"^\[(?P<mark>[ xX])\][ \t]+(?P<text>\S.*)$", re.S)


@dataclass(frozen=True, slots=True)
class DraftOption:
    """An option as written: its letter, its Markdown text, and its checkbox if it had one."""

    label: str
    text: str
    node: SyntaxTreeNode
    checked: bool | None = None
    """``True``/``False`` for a task-list checkbox; ``None`` for a lettered option."""


def read_options(doc: Document, node: SyntaxTreeNode) -> list[DraftOption] | None:
    """The options ``node`` holds, or ``None`` when it is not an option block (at least two options)."""
    if node.type in ("bullet_list", "ordered_list"):
        options = _lettered_items(doc, node) or _task_items(doc, node)
    elif node.type == "paragraph":
        options = _lettered_lines(node)
    else:
        options = None
    return options if options and len(options) >= 2 else None


def _item_text(doc: Document, item: SyntaxTreeNode, first: str) -> str:
    rest = [doc.source(child) for child in item.children[1:]]
    return "\n\n".join([first.strip(), *rest]).strip()


def _first_inline(item: SyntaxTreeNode) -> str | None:
    if not item.children or item.children[0].type != "paragraph":
        return None
    return item.children[0].children[0].content


def _lettered_items(doc: Document, node: SyntaxTreeNode) -> list[DraftOption] | None:
    options = []
    for item in node.children:
        match = _LETTERED.match(_first_inline(item) or "")
        if match is None:
            return None
        label = match["paren"] or match["letter"]
        options.append(DraftOption(label, _item_text(doc, item, match["text"]), item))
    return options


def _task_items(doc: Document, node: SyntaxTreeNode) -> list[DraftOption] | None:
    options = []
    for label, item in zip(string.ascii_uppercase, node.children, strict=False):
        match = _TASK.match(_first_inline(item) or "")
        if match is None:
            return None
        text = _item_text(doc, item, match["text"])
        options.append(DraftOption(label, text, item, checked=match["mark"] != " "))
    return options


def _lettered_lines(node: SyntaxTreeNode) -> list[DraftOption] | None:
    """``A) …`` lines written as one paragraph (no list markers)."""
    options = []
    for line in node.children[0].content.split("\n"):
        match = _LETTERED.match(line.strip())
        if match is None:
            return None
        options.append(DraftOption(match["paren"] or match["letter"], match["text"].strip(), node))
    return options
