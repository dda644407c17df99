"""Find the questions of a file: each option block, the stem above it and the answer below it."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from markdown_it.tree import SyntaxTreeNode

from ccpkit.parse.context import Context, pinned_id
from ccpkit.parse.document import heading_text
from ccpkit.parse.rules.answers import Answer, answer_in_details, answer_line, explanation_start, question_id
from ccpkit.parse.rules.options import DraftOption, read_options

_HEADED = re.compile(
    r"^(?:(?i:question|q)\s*#?\s*(?P<id>[A-Z]?\d+)[.):]?|(?P<number>[A-Z]?\d+)[.):])(?:\s+(?P<rest>.*))?$",
    re.S,
)
_NUMBERED_STEM = re.compile(
    r"^(?:\*\*)?(?:(?i:question)\s*#?\s*|Q)?(?P<id>[A-Z]?\d+)[.):](?:\*\*)?\s+(?P<rest>\S.*)$", re.S
)


_ENDS = ("heading", "hr")
"""What ends a question's answer and explanation: a heading or a thematic break (``---``)."""


@dataclass(slots=True)
class Draft:
    """A question as found, before its answer is checked against its options."""

    start: SyntaxTreeNode
    question: str
    """Its id inside its set (``3``, ``N3``), for matching an answer key."""
    stem: str
    options: list[DraftOption]
    options_node: SyntaxTreeNode
    section: tuple[str, ...]
    pinned: str
    answer: Answer | None = None
    answer_node: SyntaxTreeNode | None = None
    explanation: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Stem:
    first: int
    anchor: SyntaxTreeNode
    question: str
    text: str
    nodes: tuple[SyntaxTreeNode, ...]


def find_questions(
    ctx: Context, nodes: Sequence[SyntaxTreeNode], sections: Sequence[tuple[str, ...]], default_id: str = ""
) -> Iterator[Draft]:
    """Questions in a run of sibling blocks (a file's top level, or a numbered list item)."""
    marks: list[tuple[int, list[DraftOption]]] = []
    for index, node in enumerate(nodes):
        if ctx.is_claimed(node):
            continue
        if node.type == "ordered_list" and _holds_questions(ctx, node):
            yield from _numbered_items(ctx, node, sections[index])
        elif options := read_options(ctx.doc, node):
            marks.append((index, options))
    floors = [0] + [index + 1 for index, _ in marks]
    stems = [
        _stem(ctx, nodes, index, floor, default_id) for (index, _), floor in zip(marks, floors, strict=False)
    ]
    ends = [*(stem.first for stem in stems[1:]), len(nodes)][: len(stems)]
    for (index, options), stem, end in zip(marks, stems, ends, strict=True):
        section = sections[stem.first]
        if stem.anchor.type == "heading":
            section = section[:-1]
        draft = Draft(
            stem.anchor, stem.question, stem.text, options, nodes[index], section, pinned_id(stem.anchor)
        )
        ctx.claim(nodes[index], *stem.nodes)
        _read_tail(ctx, draft, nodes[index + 1 : end])
        yield draft


def _holds_questions(ctx: Context, node: SyntaxTreeNode) -> bool:
    return any(read_options(ctx.doc, child) for item in node.children for child in item.children[1:])


def _numbered_items(ctx: Context, node: SyntaxTreeNode, section: tuple[str, ...]) -> Iterator[Draft]:
    """``1. stem`` items with their options (and answers) nested inside them."""
    ctx.claim(node)
    start = int(node.attrs.get("start", 1))
    for number, item in enumerate(node.children, start=start):
        children = item.children
        yield from find_questions(ctx, children, [section] * len(children), default_id=str(number))


def _stem(ctx: Context, nodes: Sequence[SyntaxTreeNode], at: int, floor: int, default_id: str) -> _Stem:
    """Walk up from the options over stem paragraphs, to a numbered start or a heading."""
    parts: list[str] = []
    taken: list[SyntaxTreeNode] = []
    question, index = default_id, at - 1
    while index >= floor and (piece := _stem_piece(ctx, nodes[index])) is not None:
        number, text = piece
        parts.insert(0, text)
        taken.insert(0, nodes[index])
        index -= 1
        if number:
            question = question_id(number)
            break
    first = index + 1
    anchor = taken[0] if taken else nodes[at]
    if index >= floor and _may_head(nodes[index]) and question == default_id:
        headed = _HEADED.match(heading_text(nodes[index]))
        if headed or not parts:
            anchor, first = nodes[index], index
            question = question_id(headed["id"] or headed["number"]) if headed else question
            parts = parts or ([headed["rest"] or ""] if headed else [heading_text(nodes[index])])
    return _Stem(first, anchor, question, "\n\n".join(p for p in parts if p).strip(), tuple(taken))


def _may_head(node: SyntaxTreeNode) -> bool:
    """A heading can hold a stem, except the file's H1: that is the part title, never a question."""
    return node.type == "heading" and node.tag != "h1"


def _stem_piece(ctx: Context, node: SyntaxTreeNode) -> tuple[str, str] | None:
    """(question number or "", text) of a block that can be part of a stem; ``None`` stops the walk."""
    if ctx.is_claimed(node):
        return None
    if node.type == "paragraph":
        text = node.children[0].content
        if answer_line(text) or explanation_start(text) is not None:
            return None
        numbered = _NUMBERED_STEM.match(text)
        return (numbered["id"], numbered["rest"]) if numbered else ("", text)
    if node.type == "ordered_list" and len(node.children) == 1:
        item = node.children[0]
        if item.children and all(child.type == "paragraph" for child in item.children):
            text = "\n\n".join(child.children[0].content for child in item.children)
            return str(node.attrs.get("start", 1)), text
    return None


def _read_tail(ctx: Context, draft: Draft, nodes: Sequence[SyntaxTreeNode]) -> None:
    """The answer and explanation after the options, up to the next heading, ``---`` or question."""
    explaining, index = False, 0
    while index < len(nodes) and nodes[index].type not in _ENDS and not ctx.is_claimed(nodes[index]):
        node = nodes[index]
        if node.type == "html_block" and "<details" in node.content.lower():
            index = _read_details(ctx, draft, nodes, index)
        elif explaining:
            draft.explanation.append(ctx.doc.source(node))
            ctx.claim(node)
        elif node.type == "paragraph":
            explaining = _read_paragraph(ctx, draft, node)
        index += 1


def _read_paragraph(ctx: Context, draft: Draft, node: SyntaxTreeNode) -> bool:
    """Answer and explanation lines of a paragraph; returns whether an explanation has started."""
    lines = node.children[0].content.split("\n")
    for number, line in enumerate(lines):
        answer = answer_line(line)
        if answer is not None and draft.answer is None:
            draft.answer, draft.answer_node = answer, node
            draft.explanation += [answer.rest] if answer.rest else []
            ctx.claim(node)
            continue
        explanation = explanation_start(line)
        if explanation is not None:
            draft.explanation.append("\n".join([explanation, *lines[number + 1 :]]).strip())
            ctx.claim(node)
            return True
    return False


def _read_details(ctx: Context, draft: Draft, nodes: Sequence[SyntaxTreeNode], index: int) -> int:
    """A collapsed ``<details>`` answer, possibly spread over several blocks; returns its last index."""
    html: list[str] = []
    for end in range(index, len(nodes)):
        node = nodes[end]
        html.append(node.content if node.type == "html_block" else ctx.doc.source(node))
        ctx.claim(node)
        if node.type == "html_block" and "</details>" in node.content.lower():
            break
    answer = answer_in_details("\n".join(html))
    if answer is not None and draft.answer is None:
        draft.answer, draft.answer_node = answer, nodes[index]
        draft.explanation += [answer.rest] if answer.rest else []
    return end
