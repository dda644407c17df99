"""Term bullets a question's explanation takes in: an explanation runs to the next heading or ``---``,
so a list of terms written after the last question of a set reads as that question's explanation.
Bullets about the options, or a list a line ending in ``:`` introduces (a paragraph, or a bullet of its
own over the list), are plainly explanation; any other term bullet may be a card meant to stand alone,
and ``check`` says so at its line; so is a table under a bold caption of its own."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ccpkit.parse.document import LISTS
from ccpkit.parse.rules.answers import plain
from ccpkit.parse.rules.options import DraftOption
from ccpkit.parse.rules.terms import split_term
from ccpkit.parse.tree import Node
from ccpkit.regex import regex


def unexplained_term(list_node: Node, above: Node | None, options: Sequence[DraftOption]) -> Node | None:
    """The first item of ``list_node`` (a block of an explanation) that is a term naming none of the
    ``options``, unless the block ``above`` it introduces the list with a colon."""
    if list_node.type not in LISTS or _introduces(above):
        return None
    for item in list_node.children:
        first = item.children[0] if item.children else None
        term = split_term(first.children[0]) if first is not None and first.type == "paragraph" else None
        if (
            term is not None
            and term.separated
            and not term.is_label
            and not _names_an_option(term.front, options)
            and not (len(item.children) > 1 and _introduces(first))  # `**Wrong options:**` over a list
        ):
            return item
    return None


def captioned_table(node: Node, above: Node | None) -> Node | None:
    """A table under a bold caption of its own (``**EC2 pricing options**``) in an explanation: a
    comparison of its own, not why an option is right."""
    if node.type != "table" or above is None or above.type != "paragraph":
        return None
    return node if _CAPTION.fullmatch(above.children[0].content.strip()) else None


_CAPTION = regex(r"(\*\*|__)[^*_:\n]+\1")
"""A bold caption alone on its line, ending in no colon (``**Why the others are wrong:**`` explains)."""


def _introduces(above: Node | None) -> bool:
    """A paragraph ending in ``:`` (``**Explanation:**``, ``Why the others are wrong:``) announces the
    list below it as its own."""
    if above is None or above.type != "paragraph":
        return False
    return plain(above.children[0].content.rstrip().split("\n")[-1]).endswith(":")


def _names_an_option(term: str, options: Sequence[DraftOption]) -> bool:
    """``**B) Amazon S3:**``, ``**Why not C:**``, ``**Spot:**`` beside "Spot Instances": the bullet
    explains an option."""
    words = f" {_words(term)} "
    for option in options:
        letters = {option.label, option.label.lower()} if option.lower else {option.label}
        if any(re.search(rf"(?<!\w){re.escape(letter)}(?!\w)", term) for letter in letters):
            return True
        text = f" {_words(option.text)} "
        if words.strip() and text.strip() and (words in text or text in words):
            return True
    return False


def _words(text: str) -> str:
    return " ".join(re.sub(r"[*_`()\[\].,:;!?]", " ", text).lower().split())
