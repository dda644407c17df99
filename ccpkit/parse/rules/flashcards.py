"""Flashcards as note-to-Anki tools write them: ``Question::Answer``, a ``?`` line, ``Q:``/``A:`` pairs.

A reversible pair (``Front:::Back``, or ``??`` between the sides) is two cards: the forward one with
the id of its front, and the reverse one (back → front) with that id plus ``/reverse``, so both keep
their review history when either side is reworded on its own line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from markdown_it.tree import SyntaxTreeNode

from ccpkit.errors import Problem
from ccpkit.model import Item, SourceLocation
from ccpkit.parse.context import Context
from ccpkit.parse.rules.terms import split_term

_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1|\{\{.*?\}\}")
"""Where ``::`` is not a separator: code spans, and Anki's own ``{{c1::cloze}}`` and ``{{Field}}``."""
_INLINE = re.compile(r"^(?P<front>.*?[^:])(?P<sep>:::?)(?P<back>[^:].*)$")
_QUESTION = re.compile(r"^(?:\*\*|__)?Q(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(?P<text>.*)$")
_ANSWER = re.compile(r"^(?:\*\*|__)?A(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(?P<text>.*)$")
_CODE_LIKE = re.compile(r"^[A-Za-z_]\w*(?:\(|\.[A-Za-z_]|<)")
"""``Foo::Bar()``, ``Foo::bar.baz``, ``Foo::Vec<T>``: a C++ or Rust path written in prose."""
_SEPARATORS = ("?", "??")
_NESTING = ("bullet_list", "ordered_list", "list_item", "blockquote")


@dataclass(frozen=True, slots=True)
class _Pair:
    front: str
    back: str
    reversible: bool = False
    line: int = 0
    """Its line inside the paragraph (0: the first)."""


@dataclass(frozen=True, slots=True)
class _Missing:
    message: str
    line: int = 0


def extract_flashcards(ctx: Context) -> Iterator[Item | Problem]:
    """Every flashcard of the file, in notes order; a half-written one is a warning at its line."""
    blocks = ctx.doc.blocks
    yield from _in(ctx, [block.node for block in blocks], [block.section for block in blocks])


def _in(
    ctx: Context, siblings: Sequence[SyntaxTreeNode], sections: Sequence[tuple[str, ...]]
) -> Iterator[Item | Problem]:
    """The flashcards of a run of sibling blocks, and of the paragraphs in their lists and quotes."""
    index = 0
    while index < len(siblings):
        child = siblings[index]
        if ctx.is_claimed(child):
            pass
        elif child.type in _NESTING:
            yield from _in(ctx, child.children, [sections[index]] * len(child.children))
        elif child.type == "paragraph":
            following = siblings[index + 1] if index + 1 < len(siblings) else None
            used, results = _paragraph(ctx, child, following)
            for result in results:
                yield from _items(ctx, sections[index], child, result)
            index += used
        index += 1


def _paragraph(
    ctx: Context, node: SyntaxTreeNode, following: SyntaxTreeNode | None
) -> tuple[int, list[_Pair | _Missing]]:
    """Pairs (or what is missing) of one paragraph, and how many blocks after it they used (0 or 1)."""
    lines = node.children[0].content.split("\n")
    stripped = [line.strip() for line in lines]
    for index, line in enumerate(stripped):
        if line in _SEPARATORS:
            front = "\n".join(lines[:index]).strip()
            back = "\n".join(lines[index + 1 :]).strip()
            used = 0
            if not back and following is not None and following.type != "heading":
                back, used = ctx.doc.source(following), 1
                ctx.claim(following)
            ctx.claim(node)
            if not front or not back:
                missing = "its question above" if not front else "its answer below"
                message = f"flashcard `{line}` line without {missing}: write both sides"
                return used, [_Missing(message, index)]
            return used, [_Pair(front, back, reversible=line == "??")]
    if _QUESTION.match(stripped[0]):
        return _questions_and_answers(ctx, node, lines, following)
    if split_term(node.children[0]) is not None:
        return 0, []  # `**Term:** …` is a card of the cards rule, whatever follows it
    pairs: list[_Pair | _Missing] = [
        pair for number, line in enumerate(lines) if (pair := _inline_pair(line, number)) is not None
    ]
    if pairs:
        ctx.claim(node)
    return 0, pairs


def _inline_pair(line: str, number: int) -> _Pair | None:
    """``Front::Back`` (``:::`` both ways), the ``::`` outside code; ``std::vector`` is code, not a card."""
    hidden = _CODE_SPAN.sub(lambda match: "x" * len(match[0]), line)
    match = _INLINE.match(hidden)
    if match is None or "::" in match["back"]:
        return None
    front = line[: match.end("front")].strip()
    back = line[match.start("back") :].strip()
    if not front or not back or (" " not in front and " " not in back) or _CODE_LIKE.match(back):
        return None
    return _Pair(front, back, reversible=match["sep"] == ":::", line=number)


def _questions_and_answers(
    ctx: Context, node: SyntaxTreeNode, lines: list[str], following: SyntaxTreeNode | None
) -> tuple[int, list[_Pair | _Missing]]:
    """``Q:`` lines and the ``A:`` line after each (the ``A:`` may open the paragraph below)."""
    sides: list[tuple[int, list[str], list[str]]] = []
    for number, line in enumerate(lines):
        asks, answers = _QUESTION.match(line.strip()), _ANSWER.match(line.strip())
        if asks is not None:
            sides.append((number, [asks["text"]], []))
        elif answers is not None and not sides[-1][2]:
            sides[-1][2].append(answers["text"] or " ")
        else:
            (sides[-1][2] or sides[-1][1]).append(line)
    used = 0
    if not sides[-1][2] and following is not None and following.type == "paragraph":
        text = following.children[0].content.strip()
        answers = _ANSWER.match(text)
        if answers is not None:
            sides[-1][2].append(text[answers.start("text") :])
            used = 1
            ctx.claim(following)
    ctx.claim(node)
    results: list[_Pair | _Missing] = []
    for number, front, back in sides:
        asked, answered = "\n".join(front).strip(), "\n".join(back).strip()
        if asked and answered:
            results.append(_Pair(asked, answered, line=number))
        else:
            message = "flashcard `Q:` without an `A:` line: write its answer on a line `A: …` below it"
            results.append(_Missing(message, number))
    return used, results


def _items(
    ctx: Context, section: tuple[str, ...], node: SyntaxTreeNode, result: _Pair | _Missing
) -> Iterator[Item | Problem]:
    where = SourceLocation(path=ctx.doc.path, line=ctx.doc.line_of(node) + result.line)
    if isinstance(result, _Missing):
        yield Problem(where, result.message, "warning")
        return
    fields = replace(ctx.common("card", result.front, node, section), source=where)
    yield ctx.build(node, lambda: fields.card(front=result.front, back=result.back))
    if result.reversible:
        reverse = replace(fields, id=f"{fields.id}/reverse")
        yield ctx.build(node, lambda: reverse.card(front=result.back, back=result.front))
