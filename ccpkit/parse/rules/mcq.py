"""Multiple-choice questions: stems, options, answers (inline, collapsed or in an answer key)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it.tree import SyntaxTreeNode

from ccpkit.errors import Problem
from ccpkit.model import MCQ, Item, Option
from ccpkit.parse.context import Context
from ccpkit.parse.document import heading_text
from ccpkit.parse.rules.answers import KeyEntry, is_key_title, key_entry
from ccpkit.parse.rules.questions import Draft, find_questions

_CHOOSE = re.compile(r"\b(?:choose|select)\s+(?P<n>two|three|four|2|3|4)\b", re.I)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}


def extract_mcqs(ctx: Context) -> Iterator[Item | Problem]:
    """Every question of the file, checked: answers among the options, option letters unique."""
    keys = list(_answer_keys(ctx))
    blocks = ctx.doc.blocks
    drafts = list(find_questions(ctx, [b.node for b in blocks], [b.section for b in blocks]))
    drafts.sort(key=lambda draft: ctx.doc.line_of(draft.start))
    for entry in keys:
        if not _apply_key(ctx, drafts, entry):
            message = f"answer key entry {entry.question} matches no question above it: check its number"
            yield Problem(ctx.at(entry.node), message, "warning")
    for draft in drafts:
        yield from _finish(ctx, draft)


def _answer_keys(ctx: Context) -> Iterator[KeyEntry]:
    """Entries of answer-key sections (``## Answers`` or an ``Answers:`` line, up to the next heading)."""
    in_key = False
    for block in ctx.doc.blocks:
        node = block.node
        if node.type == "heading":
            in_key = is_key_title(heading_text(node))
        elif node.type == "paragraph" and is_key_title(node.children[0].content):
            in_key = True
            ctx.claim(node)
        elif in_key:
            entries = list(_entries(node))
            if entries:
                ctx.claim(node)
            yield from entries


def _entries(node: SyntaxTreeNode) -> Iterator[KeyEntry]:
    if node.type == "paragraph":
        for line in node.children[0].content.split("\n"):
            entry = key_entry(line, "", node)
            if entry is not None:
                yield entry
    elif node.type in ("bullet_list", "ordered_list"):
        start = int(node.attrs.get("start", 1))
        for number, item in enumerate(node.children, start=start):
            first = item.children[0] if item.children else None
            if first is not None and first.type == "paragraph":
                label = str(number) if node.type == "ordered_list" else ""
                entry = key_entry(first.children[0].content, label, item)
                if entry is not None:
                    yield entry


def _apply_key(ctx: Context, drafts: list[Draft], entry: KeyEntry) -> bool:
    """Give the entry to the nearest question above it with the same id and no answer yet.

    Returns whether a question with that id exists above (answered inline or not)."""
    line = ctx.doc.line_of(entry.node)
    above = [d for d in drafts if d.question == entry.question and ctx.doc.line_of(d.start) < line]
    for draft in reversed(above):
        if draft.answer is None:
            draft.answer, draft.answer_node = entry.answer, entry.node
            if entry.answer.rest and not draft.explanation:
                draft.explanation.append(entry.answer.rest)
            break
    return bool(above)


def _finish(ctx: Context, draft: Draft) -> Iterator[Item | Problem]:
    if not draft.stem:
        message = "options without a question: write the question's text right above its options"
        yield ctx.problem(draft.options_node, message)
        return
    labels = [option.label for option in draft.options]
    repeated = sorted({label for label in labels if labels.count(label) > 1})
    if repeated:
        message = f"option letter {repeated[0]} is used twice: letter the options A, B, C … once each"
        yield ctx.problem(draft.options_node, message)
        return
    letters = draft.answer.letters if draft.answer else tuple(o.label for o in draft.options if o.checked)
    if not letters:
        message = "question has no answer: add `**Answer:** X` after its options (or tick its checkbox)"
        yield ctx.problem(draft.start, message)
        return
    unknown = [letter for letter in letters if letter not in labels]
    if unknown:
        message = (
            f"answer {unknown[0]} is not one of the options ({', '.join(labels)}): fix the answer letter"
        )
        yield ctx.problem(draft.answer_node or draft.start, message)
        return
    yield from _choose_warning(ctx, draft, len(letters))
    yield ctx.build(draft.start, lambda: _mcq(ctx, draft, letters))


def _mcq(ctx: Context, draft: Draft, letters: tuple[str, ...]) -> MCQ:
    options = tuple(Option(label=o.label, text=o.text, correct=o.label in letters) for o in draft.options)
    fields = ctx.common("mcq", draft.stem, draft.start, draft.section, draft.pinned)
    explanation = "\n\n".join(part for part in draft.explanation if part.strip())
    return MCQ(**fields, stem=draft.stem, options=options, explanation=explanation)


def _choose_warning(ctx: Context, draft: Draft, answers: int) -> Iterator[Problem]:
    choose = _CHOOSE.search(draft.stem)
    if choose and _NUMBERS[choose["n"].lower()] != answers:
        message = f"the stem says {choose[0]!r} but {answers} answer(s) are given"
        yield Problem(ctx.at(draft.start), message, "warning")
