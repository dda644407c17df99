"""Reference-style links and pictures (``[text][label]``, ``[label]``, ``![alt][logo]``, with
``[label]: https://…`` elsewhere in the file) written inline: an item's text is read on its own, on a
card or in a cell, where the file's definitions are not, and would show the brackets as typed."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import partial

from markdown_it.common.utils import normalizeReference
from markdown_it.token import Token

from ccpkit.regex import regex

_REFERENCE = regex(
    r"(?<![\\\[\]])(?:(?P<bang>!)|(?<!!))\[(?P<text>[^\[\]\n]*)\]"
    r"(?:\[(?P<label>[^\[\]\n]*)\]|(?![(\[:]))"
)
"""``[text][label]``, ``[text][]`` or ``[label]`` alone (not a link written inline, a definition, a
wikilink ``[[…]]`` or an escaped ``\\[``), maybe a picture's (``!``)."""
_CODE_SPAN = regex(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)")


def inline_references(text: str, tokens: list[Token], references: Mapping[str, Mapping[str, str]]) -> str:
    """``text`` with each reference to one of its ``references`` (as markdown-it-py found them while
    parsing it into ``tokens``) written inline, on the lines of its prose alone (never in code), so
    every line keeps its number."""
    lines = text.split("\n")
    prose = sorted({n for token in tokens if token.type == "inline" and token.map for n in range(*token.map)})
    for number in prose:
        if "[" in lines[number]:
            lines[number] = outside_code(lines[number], partial(_inline, references=references))
    return "\n".join(lines)


def outside_code(line: str, rewrite: Callable[[str], str]) -> str:
    """``line`` with ``rewrite`` applied to its text between code spans, the code left as it is."""
    pieces, start = [], 0
    for code in _CODE_SPAN.finditer(line):
        pieces += [rewrite(line[start : code.start()]), code.group(0)]
        start = code.end()
    return "".join([*pieces, rewrite(line[start:])])


def _inline(text: str, references: Mapping[str, Mapping[str, str]]) -> str:
    def written(match: re.Match[str]) -> str:
        label = match["label"] or match["text"]
        found = references.get(normalizeReference(label)) if label.strip() else None
        if found is None:
            return match.group(0)  # no such definition: Markdown shows the brackets too
        title = found.get("title", "")
        quoted = ' "{}"'.format(title.replace("\\", "\\\\").replace('"', '\\"')) if title else ""
        return f"{match['bang'] or ''}[{match['text']}](<{found['href']}>{quoted})"

    return _REFERENCE.sub(written, text)
