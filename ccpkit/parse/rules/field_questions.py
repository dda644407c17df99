"""Questions written as Obsidian Dataview fields, as vaults that query their questions keep them:
a paragraph of ``question:: …``, ``options:: Helicase; Ligase; Primase`` (``choices::``) and
``answer:: Helicase`` lines, maybe ``explanation:: …`` — one question, its options lettered A, B …
in order and its answer named by their words or letter."""

from __future__ import annotations

from collections.abc import Iterator

from ccpkit.parse.context import Context
from ccpkit.parse.rules.answers import Answer
from ccpkit.parse.rules.options import DraftOption
from ccpkit.parse.rules.questions import Draft
from ccpkit.regex import regex

_FIELD = regex(r"(?i)^\s*(?P<key>question|options|choices|answer|explanation)\s*::\s*(?P<value>.*?)\s*$")
_PARTED = regex(r"\s*[;|]\s*")
"""What parts the options on their line: a semicolon or a bar (a comma may be in an option's words)."""
_LABELS = "ABCDEFGH"


def field_questions(ctx: Context) -> Iterator[Draft]:
    """A question of each paragraph of nothing but such fields, with a question, two options or more
    and an answer."""
    for block in ctx.doc.blocks:
        node = block.node
        if node.type != "paragraph" or ctx.is_claimed(node) or "::" not in node.children[0].content:
            continue
        found = [_FIELD.match(line) for line in node.children[0].content.split("\n")]
        fields = {match["key"].casefold(): match["value"] for match in found if match is not None}
        if None in found or len(fields) != len(found):
            continue  # another line, or a field twice: no question of these fields
        options = [
            option for option in _PARTED.split(fields.get("options") or fields.get("choices") or "") if option
        ]
        if not fields.get("question") or not fields.get("answer") or not 2 <= len(options) <= len(_LABELS):
            continue
        ctx.claim(node)
        lettered = [DraftOption(label, text, node) for label, text in zip(_LABELS, options, strict=False)]
        draft = Draft(node, "", fields["question"], lettered, node, block.section, "")
        said = fields["answer"]
        if said.upper() in _LABELS[: len(options)] and len(said) == 1:  # `answer:: B`
            draft.answer = Answer((said.upper(),), "")
        else:
            draft.worded = Answer((), "", said)
        draft.answer_node = node
        draft.explanation += [fields["explanation"]] if fields.get("explanation") else []
        yield draft
