"""Footnotes (``fact[^1]`` with ``[^1]: why`` further down, Pandoc's ``^[why]``) written where they are
referenced, in brackets: an item is read on its own, on a card or in a cell, where the file's
footnotes are not, and would show ``[^1]`` as typed while its note went nowhere."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial

from markdown_it.token import Token

from ccpkit.parse.references import outside_code
from ccpkit.regex import regex

_DEFINITION = regex(r"^ {0,3}\[\^(?P<label>[^\]\s]+)\]:[ \t]*(?P<text>.*)$")
_LABEL = r"(?:[^\]\s\[]|\[(?!\^))+"
"""A footnote's label: no ``]``, space or ``[^`` in it. Were a ``[^`` in it, a line of ``^[^[…`` would be
read again from every one to the line's end: time in the square of its length."""
_REFERENCE = regex(
    rf"(?P<bold>\*\*|__)\[\^(?P<termed>{_LABEL})\](?=:)"
    rf"|(?<!\\)\[\^(?P<label>{_LABEL})\](?![:(\[])|(?<![\\\]])\^\[(?P<inline>[^\[\]\n]+)\]"
)
"""``[^label]`` (not a definition's start, but after a bold term's end: ``**EBS**[^1]: …``), or a
note written in place: ``^[note]``."""
_URL = regex(r"https?://\S+")
SUPERSCRIPT_MARK = regex(
    '(?P<stop>[.!?][)"\u201d\u2019]?)(?:[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]{1,4}|<sup>[0-9]{1,4}</sup>)(?=\\s|$)'
)
"""A footnote's number in superscript right after a sentence's stop (``… fibres.¹²``, a converter's
``… fibres.<sup>12</sup>``): a mark pointing to a note elsewhere in the book, no part of the sentence
(a power, ``m²``, stands before the stop, never after it)."""
_CODE = frozenset({"fence", "code_block", "html_block", "front_matter"})


@dataclass(frozen=True, slots=True)
class Footnotes:
    """A file's text with its footnotes written in place, and the references that name no footnote
    (1-based line, label)."""

    text: str
    unknown: tuple[tuple[int, str], ...]


def inline_footnotes(text: str, tokens: list[Token]) -> Footnotes:
    """``text`` with each footnote's definition blanked and its note in brackets where it is referenced
    (never in code); every line keeps its number. A definition nothing references stays as written."""
    lines = text.split("\n")
    code = {n for token in tokens if token.type in _CODE and token.map for n in range(*token.map)}
    notes: dict[str, str] = {}
    spans: dict[str, range] = {}
    number = 0
    while number < len(lines):
        found = None if number in code else _DEFINITION.match(lines[number])
        if found is None:
            number += 1
            continue
        end = _definition_end(lines, number + 1)
        words = [found["text"], *(line.strip() for line in lines[number + 1 : end])]
        notes.setdefault(found["label"], " ".join(word for word in words if word))
        spans.setdefault(found["label"], range(number, end))
        number = end
    defined = {n for span in spans.values() for n in span}
    prose = sorted({n for t in tokens if t.type == "inline" and t.map for n in range(*t.map)} - defined)
    used: set[str] = set()
    unknown: list[tuple[int, str]] = []
    for number in prose:
        if "^" in lines[number]:
            rewrite = partial(_rewritten, notes=notes, used=used, unknown=unknown, number=number + 1)
            lines[number] = outside_code(lines[number], rewrite)
    for label in used:
        for number in spans[label]:
            lines[number] = ""
    return Footnotes("\n".join(lines), tuple(unknown))


def _definition_end(lines: list[str], number: int) -> int:
    """Where a definition's note ends: its lines go on while indented, also past a blank line."""
    while number < len(lines):
        line = lines[number] if lines[number].strip() else "".join(lines[number + 1 : number + 2])
        if not line.startswith(("  ", "\t")):  # a blank line goes on if the line after it does
            break
        number += 1
    return number


def _rewritten(
    piece: str, notes: dict[str, str], used: set[str], unknown: list[tuple[int, str]], number: int
) -> str:
    def written(match: re.Match[str]) -> str:
        label = match["label"] or match["termed"]
        note = match["inline"] or notes.get(label)
        if note is None:
            unknown.append((number, label))
            return match.group(0)
        if label:
            used.add(label)
        note = f"<{note}>" if _URL.fullmatch(note) else re.sub(r"(?<!\\)\|", r"\\|", note.removesuffix("."))
        if match["bold"]:  # `**EBS**[^1]: …`: the term's, inside its bold
            return f" ({note}){match['bold']}"
        space = "" if match.start() == 0 or piece[match.start() - 1] in " \t(" else " "
        return f"{space}({note})"

    return _REFERENCE.sub(written, piece)


def without_superscript_marks(text: str, tokens: list[Token]) -> str:
    """``text`` with the superscript footnote numbers after its prose sentences' stops dropped (never
    in code): the note they point to is not in the notes, so on a card they would be a stray number
    glued to the answer (``… bradycardia.¹³``) or keep a term's line from reading as a definition."""
    lines = text.split("\n")
    prose = {n for token in tokens if token.type == "inline" and token.map for n in range(*token.map)}
    for number in sorted(prose):
        lines[number] = outside_code(lines[number], lambda piece: SUPERSCRIPT_MARK.sub(r"\g<stop>", piece))
    return "\n".join(lines)
