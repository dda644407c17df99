"""LaTeX's own math delimiters in the notes: ``\\(…\\)`` inline and ``\\[…\\]`` for display.

CommonMark reads ``\\(`` as an escaped ``(`` and would drop the backslash, so a formula copied from a
LaTeX document reached Anki as ``(x^2)``. These rules run before the escape rule and make the same
tokens as the ``$`` forms (``math_inline``, ``math_inline_double``, ``math_block``), so every output
treats both spellings alike. The formula between the delimiters is kept as written (no Markdown inside
it). An opening with no closing in its paragraph stays text, backslash and all (a ``tex_unclosed``
token, which ``check`` reports): nothing disappears, and the student sees what to fix.

``\\[`` is also how Markdown writes a literal ``[`` (web clippers escape every bracket: ``\\[1\\]``,
``array\\[i\\]``, ``\\[Edit\\]``), so inside a paragraph it opens a formula only when what it holds
looks like TeX (a command such as ``\\pi``, or one of ``^ _ { } = + < >``); otherwise it is the bracket,
as CommonMark reads it. On lines of its own it is always a display formula.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline

from ccpkit.regex import regex

_CLOSING = {"\\(": "\\)", "\\[": "\\]"}
_INLINE_KIND = {"\\(": "math_inline", "\\[": "math_inline_double"}
_TEX_SIGN = regex(r"\\[A-Za-z]|[\^_{}=+<>]")
_ESCAPED_CHARACTER = regex(r"\\[^A-Za-z]")


def _looks_like_tex(text: str) -> bool:
    """Whether ``text`` holds a TeX command or a sign only formulas use (escaped characters aside:
    ``x86\\_64`` is Markdown for ``x86_64``)."""
    return _TEX_SIGN.search(_ESCAPED_CHARACTER.sub("", text)) is not None


def tex_delimiters_plugin(md: MarkdownIt) -> None:
    """Add the inline and the display rules (before the escape and fence rules that would claim them)."""
    md.inline.ruler.before("escape", "tex_math_inline", _inline_math)
    md.block.ruler.before("fence", "tex_math_block", _display_block)


def _closing_at(text: str, start: int, end: int, closing: str) -> int:
    """Where ``closing`` first appears in ``text[start:end]``, or -1. A backslash pair is one TeX
    token (``\\\\`` is a line break), so ``\\\\)`` is no closing."""
    global _UNCLOSED
    if _UNCLOSED is not None and _UNCLOSED.covers(text, start, end, closing):
        return -1  # a paragraph of thousands of openings: each would look to its end again
    position = start
    while position < end - 1:
        if text[position] == "\\":
            if text[position + 1] == closing[1]:
                return position
            position += 2
        else:
            position += 1
    _UNCLOSED = _Unclosed(text, start, end, closing)
    return -1


@dataclass(frozen=True, slots=True)
class _Unclosed:
    """A stretch of text looked through for a closing delimiter in vain: from any later token in it, the
    same search would find none either."""

    text: str
    start: int
    end: int
    closing: str

    def covers(self, text: str, start: int, end: int, closing: str) -> bool:
        """Whether a search of ``text[start:end]`` is this one's tail: the same text, end and closing,
        from a place the search stepped on (after an even run of backslashes, not inside a pair)."""
        if text is not self.text or end != self.end or closing != self.closing:
            return False
        if not self.start <= start < end:
            return False
        run = start
        while run > self.start and text[run - 1] == "\\":
            run -= 1
        return (start - run) % 2 == 0


_UNCLOSED: _Unclosed | None = None


def _inline_math(state: StateInline, silent: bool) -> bool:
    opening = state.src[state.pos : state.pos + 2]
    if opening not in _CLOSING:
        return False
    start = state.pos + 2
    end = _closing_at(state.src, start, state.posMax, _CLOSING[opening])
    if opening == "\\[" and _escaped_bracket(state, start, end):
        if not silent:
            state.pending += "["
        state.pos = start
        return True
    if end < 0:
        if not silent:
            state.push("tex_unclosed", "", 0).content = opening
        state.pos = start
        return True
    formula = state.src[start:end]
    if not formula.strip():  # an empty pair: text as written
        if not silent:
            state.pending += state.src[state.pos : end + 2]
        state.pos = end + 2
        return True
    if not silent:
        token = state.push(_INLINE_KIND[opening], "math", 0)
        token.content = formula
        token.markup = opening
    state.pos = end + 2
    return True


def _escaped_bracket(state: StateInline, start: int, end: int) -> bool:
    """Whether the ``\\[`` before ``start`` is Markdown's escaped bracket, not a formula. Closed at
    ``end``: what it holds does not look like TeX or opens another bracket, or escaped link text
    follows (``\\[text\\](url)``). Never closed: unless it opens its line alone or over TeX, as a
    display formula's opening does (one left open, which ``check`` reports)."""
    if end >= 0:
        content = state.src[start:end]
        return "\\[" in content or not _looks_like_tex(content) or state.src.startswith("(", end + 2)
    line_start = state.src.rfind("\n", 0, start - 2) + 1
    line_end = state.src.find("\n", start, state.posMax)
    return not _opens_a_display(state.src, line_start, line_end if line_end >= 0 else state.posMax)


@lru_cache(maxsize=4)
def _opens_a_display(text: str, start: int, end: int) -> bool:
    """Whether the line ``text[start:end]`` opens a display formula: ``\\[`` alone, or before TeX (asked
    once a line: a line of thousands of ``\\[`` asks for each)."""
    line = text[start:end].strip()
    return line == "\\[" or (line.startswith("\\[") and _looks_like_tex(line[2:]))


def _display_block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """``\\[`` at the start of a line up to the ``\\]`` that ends a line of the same block (no blank
    line between): a display formula of its own, as ``$$`` on its own lines is. Its lines lose their
    indentation (a list's, a quote's ``>``, and the author's own, which TeX ignores)."""
    if state.is_code_block(start_line):
        return False
    begin = state.bMarks[start_line] + state.tShift[start_line]
    if not state.src.startswith("\\[", begin):
        return False
    line, search_from = start_line, begin + 2
    lines: list[str] = []
    while True:
        line_end = state.eMarks[line]
        close = _closing_at(state.src, search_from, line_end, "\\]")
        if close >= 0:
            if state.src[close + 2 : line_end].strip():
                return False  # text after the closing: a formula inside a paragraph
            lines.append(state.src[search_from:close].strip())
            break
        lines.append(state.src[search_from:line_end].strip())
        line += 1
        if line >= end_line or state.isEmpty(line) or state.sCount[line] < state.blkIndent:
            return False  # no closing before the block ends: the paragraph shows it as text
        search_from = state.bMarks[line] + state.tShift[line]  # past a list's indent or a quote's >
    if silent:
        return True
    token = state.push("math_block", "math", 0)
    token.block = True
    token.content = "\n".join(lines).strip("\n")
    token.markup = "\\["
    token.map = [start_line, line + 1]
    state.line = line + 1
    return True
