"""Blocks left open by mistake: a code fence, an HTML comment (``<pre>``, ``<style>``) or ``<details>``
that swallows the rest of the file.

Markdown never fails on them, it just hides everything below (as code, or collapsed), so nothing
else would tell the author why their cards or questions vanished.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from ccpkit.errors import Problem
from ccpkit.model import Item
from ccpkit.parse.context import Context
from ccpkit.parse.details import CODE_SPAN
from ccpkit.parse.tree import Node
from ccpkit.regex import regex

_DETAILS = regex(r"<(/?)details\b", re.I)
_QUOTE_MARKERS = regex(r"^(?:[ \t]*>)+")


def check_unclosed(ctx: Context) -> Iterator[Item | Problem]:
    """A warning at each code fence, HTML comment, ``<pre>`` (``<style>``, ``<script>``) or ``<details>``
    that is opened and never closed."""
    open_details: list[Node] = []
    for node in _fences_and_html(ctx):
        if node.type == "fence" and not _closed(ctx, node):
            message = "code fence is never closed: everything below it is shown as code; add a closing "
            yield Problem(ctx.at(node), f"{message}{node.markup}", "warning", hides=True)
        elif node.type == "html_block" and (closing := _left_open(node.content)) and _to_the_end(ctx, node):
            message = f"{closing[0]} is never closed: everything below it is hidden; add {closing[1]}"
            yield Problem(ctx.at(node), message, "warning", hides=True)
        elif node.type in ("html_block", "html_inline"):
            for match in _DETAILS.finditer(CODE_SPAN.sub("", node.content)):  # not `<details>` in code
                if not match[1]:
                    open_details.append(node)
                elif open_details:
                    open_details.pop()
    closings = _indented_closings(ctx.doc.lines) if open_details else []
    for node in open_details:
        yield Problem(ctx.at(node), _unclosed_details(closings, ctx.doc.line_of(node)), "warning", hides=True)


def _left_open(html: str) -> tuple[str, str] | None:
    """What an HTML block opens and never closes, and what would close it: a comment (``<!--``) or a
    ``<pre>``, ``<style>``, ``<script>`` or ``<textarea>``, which Markdown reads to the end of the file
    when their end is missing."""
    opened = _OPENS_TO_ITS_END.match(html)
    if opened is None:
        return None
    if opened["comment"]:
        return None if "-->" in html else ("HTML comment", "-->")
    tag, lowered = opened["tag"].lower(), html.lower()
    closed = any(f"</{other}" in lowered for other in ("pre", "style", "script", "textarea"))  # any ends it
    return None if closed else (f"<{tag}>", f"</{tag}>")


_OPENS_TO_ITS_END = regex(r"[ \t]*(?:(?P<comment><!--)|<(?P<tag>pre|style|script|textarea)(?=[\s>]|$))", re.I)


def _to_the_end(ctx: Context, node: Node) -> bool:
    """Whether a block runs on to the file's end (nothing but blank lines after it): a block that ends
    before, with its list item or quote, hides nothing of the notes below."""
    return node.map is not None and not any(line.strip() for line in ctx.doc.lines[node.map[1] :])


def _indented_closings(lines: Sequence[str]) -> list[int]:
    """The (1-based) numbers of the indented ``</details>`` lines, found once for all the openings: a
    look below each one read the rest of the file again for each."""
    return [
        number
        for number, line in enumerate(lines, start=1)
        if line[:1].isspace() and line.strip().lower().startswith("</details")
    ]


def _unclosed_details(closings: Sequence[int], first: int) -> str:
    """Why a ``<details>`` opened at line ``first`` is open: no ``</details>`` below it, or one the
    Markdown reads as code or text (the first of ``closings`` below it), because a line less indented
    than the block (at the left margin, say) ended its list item."""
    below = bisect.bisect_right(closings, first)
    if below < len(closings):
        return (
            f"<details> is never closed: the </details> at line {closings[below]} does not close it, as a "
            "line between them is less indented than the block and ends the list item it sits in; "
            "indent the lines between like the answer they belong to"
        )
    return "<details> is never closed: add </details> after the answer it hides"


def _fences_and_html(ctx: Context) -> Iterator[Node]:
    """Every node of the file in order, looking inside inline text only where it names ``details``
    (an HTML tag there is a piece of that text)."""
    for node in ctx.doc.nodes:
        yield node
        if node.type == "inline" and _DETAILS.search(node.content):
            for child in node.children:
                yield from child.walk()


def _closed(ctx: Context, fence: Node) -> bool:
    """Whether the fence's last line is its closing ``````` (or ``~~~``) line (in a quote, after its
    ``>`` markers)."""
    if fence.map is None:
        return True
    start, end = fence.map
    last = _QUOTE_MARKERS.sub("", ctx.doc.lines[end - 1]).strip() if end - start >= 2 else ""
    return last.startswith(fence.markup) and set(last) == {fence.markup[0]}
