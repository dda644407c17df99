"""Brackets that close nothing, read as text at once by both of ccpkit's parsers.

markdown-it-py's link and image rules look from every ``[`` to the end of the text for the ``]`` that
would close a label, so a line of thousands of ``[`` never closed took time in the square of its
length. Where no ``]`` follows, no link, picture, footnote or wiki link can open: the run is text.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline


def bracket_runs_plugin(md: MarkdownIt) -> None:
    """Read a run of ``[`` (and ``!``) with no ``]`` after it as text, before any rule looks for one."""
    md.inline.ruler.before("link", "unclosed_brackets", _unclosed_brackets)


def _unclosed_brackets(state: StateInline, silent: bool) -> bool:
    start, end = state.pos, state.pos
    while end < state.posMax and state.src[end] in "![":
        end += 1
    if "[" not in state.src[start:end] or state.src.find("]", end, state.posMax) != -1:
        return False
    if not silent:
        state.pending += state.src[start:end]
    state.pos = end
    return True
