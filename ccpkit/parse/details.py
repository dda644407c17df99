"""Collapsed ``<details>`` blocks: the question a summary asks and the text the block hides.

Question banks written for GitHub fold their answers in them; the flashcard rule makes cards of them
and the passages print them (paper cannot fold)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import partial

from ccpkit.item_ids import HTML_TAG
from ccpkit.parse.answer_words import ANSWER_ABROAD
from ccpkit.regex import regex

SUMMARY = regex(r"^\s*<details\b[^>]*>\s*<summary\b[^>]*>(?P<front>.*?)</summary>(?P<rest>.*)$", re.S | re.I)
CLOSING = regex(r"</details\s*>", re.I)
_ONLY_CLOSING = regex(r"(?:</[a-z]+\s*>\s*)*</details\s*>", re.I)
_REVEAL = regex(
    rf"\b(?:answers?|solutions?|show|reveal|click|expand|hint|explanation|details|ver|mostrar|revelar"
    rf"|{ANSWER_ABROAD})\b|答案|解答|答え|解析|解説|정답|해설|查看|显示|展开|点击",
    re.I,
)
"""Words of a summary that only opens the block (``Show answer``, ``Ver resposta``, ``정답``, and in a
run of Chinese words with no spaces, ``第 1 题的答案``): the question is then written above it, not in the
summary."""


_SHOWS_AN_EXAMPLE = regex(
    r"(?i)(?:(?:show|see|view|expand|click\s+to\s+(?:see|show))\s+(?:an?\s+|the\s+)?)?"
    r"(?:examples?|demo|code|code\s+examples?|snippets?|illustrations?|diagrams?|usage)[.:]?"
)
"""A summary opening a block that shows something (``Show example``, ``Code``, ``See the diagram``),
no answer to reveal: words of its own (``Sample answer``, ``Code review``) name or ask."""


def shows_an_example(html: str) -> bool:
    """Whether a ``<details>`` block opens on a summary that shows something (``Show example``,
    ``Code``): what it folds goes with the notes above it, no flashcard's answer of its own."""
    opening = SUMMARY.match(html)
    words = " ".join(HTML_TAG.sub(" ", opening["front"]).split()) if opening else ""
    return _SHOWS_AN_EXAMPLE.fullmatch(words) is not None


SUMMARY_TAG = regex(r"<summary\b[^>]*>(?P<text>.*?)</summary>", re.S | re.I)
"""A ``<summary>`` anywhere, with its words."""


def _only_opens(summary: str) -> bool:
    """Whether a summary's words only open its block (``Show answer``); one that asks, ``Why …? Answer
    in two words``, is a question, and ``Know the answer? Check`` opens."""
    words = " ".join(HTML_TAG.sub(" ", summary).split())
    if not _REVEAL.search(words) or words.endswith("?"):
        return False
    asked, mark, _ = words.partition("?")
    return not mark or bool(_REVEAL.search(asked))


def _opens_inside(summary: str) -> bool:
    """Whether the summary of a fold within a fold only opens it (``Answer``), saying nothing after a
    label (``Hint: a letter`` says something)."""
    _, colon, said = HTML_TAG.sub(" ", summary).partition(":")
    return _only_opens(summary) and not (colon and said.strip())


def details_question(html: str) -> str:
    """What the ``<summary>`` of a ``<details>`` block asks (its tags dropped); "" when it has none or
    only opens the block."""
    opening = SUMMARY.match(html)
    if opening is None or _only_opens(opening["front"]):
        return ""
    return " ".join(_summary_markdown(opening["front"]).split())


def _summary_markdown(summary: str) -> str:
    """A summary's words with its tags dropped, its code kept as code: ``<code>-d</code>`` as ```-d```
    (its entities read: ``&lt;file&gt;`` is ``<file>``), and a code span's ``<file>`` no tag."""
    pieces, end = [], 0
    for code in _SUMMARY_CODE.finditer(summary):
        pieces.append(HTML_TAG.sub(" ", summary[end : code.start()]))
        pieces.append(code[0] if code["element"] is None else _code_span(html.unescape(code["element"])))
        end = code.end()
    return "".join([*pieces, HTML_TAG.sub(" ", summary[end:])])


def _code_span(code: str) -> str:
    """``code`` as a Markdown code span, fenced by more backticks than it holds in a run."""
    ticks = "`" * (max(map(len, re.findall("`+", code)), default=0) + 1)
    return f"{ticks} {code} {ticks}" if "`" in code else f"{ticks}{code}{ticks}"


def hidden_text(html: str) -> str:
    """The text a one-block ``<details>`` hides after its summary, tags dropped."""
    opening = SUMMARY.match(html)
    return " ".join(HTML_TAG.sub(" ", opening["rest"]).split()) if opening else ""


_INLINE_TAGS = {"strong": "**", "b": "**", "em": "*", "i": "*", "code": "`"}


def hidden_markdown(html: str) -> str:
    """What a ``<details>`` block hides, as Markdown: its own HTML tags (``<p>``, ``<br>``,
    ``<strong>`` …, which the cards would show as text) turned into Markdown, lines dedented (a code
    block's to its fence's margin, its indents kept). A line of tags alone styles no words: a ``<b>``
    there opens the paragraphs below it (``</summary><br><b>``, as large interview-question
    repositories write every answer), and bold cannot span them. A fold within it that only opens
    (``<details><summary>Answer</summary>``) says nothing; another's summary is a line of its own."""

    def markdown(tag: re.Match[str], *, styled: bool = True) -> str:
        name = tag["name"].lower()
        if name in _INLINE_TAGS:
            return _INLINE_TAGS[name] if styled else ""
        return "\n" if name == "br" else "\n\n" if name in ("p", "div") else ""

    def outside_code(text: str, styles: Callable[[re.Match[str]], str]) -> str:
        said = SUMMARY_TAG.sub(
            lambda inner: "" if _opens_inside(inner["text"]) else f"{inner['text']}\n\n", text
        )
        return HTML_TAG.sub(styles, said)

    def line_markdown(line: str) -> str:
        styles = markdown if HTML_TAG.sub("", line).strip() else partial(markdown, styled=False)
        pieces, end = [], 0
        for code in CODE_SPAN.finditer(line):  # `git reset <file>` keeps its `<file>`
            pieces += [outside_code(line[end : code.start()], styles), code[0]]
            end = code.end()
        return "".join([*pieces, outside_code(line[end:], styles)])

    lines: list[str] = []
    fence, margin = "", 0  # an open code block's marks and margin: its lines keep their indents
    for line in "\n".join(map(line_markdown, html.split("\n"))).split("\n"):
        opened = _FENCE.match(line)
        if fence and opened and opened["marks"].startswith(fence):
            fence = ""
        elif not fence and opened:
            fence, margin = opened["marks"], len(line) - len(line.lstrip())
            lines.append(line.strip())
            continue
        lines.append(line[min(margin, len(line) - len(line.lstrip())) :].rstrip() if fence else line.strip())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


_FENCE = regex(r"^\s*(?P<marks>`{3,}|~{3,})")


CODE_SPAN = regex(r"(?<![\\`])(`+)[^`].*?(?<!`)\1(?!`)")
"""A code span: its run of backticks (not an escaped one, ``\\```) and the same run closing it."""
_SUMMARY_CODE = regex(
    r"<code\b[^>]*>(?P<element>[^<]*(?:<(?!/code\s*>)[^<]*)*)</code\s*>|(?<![\\`])(?P<ticks>`+)[^`].*?(?<!`)(?P=ticks)(?!`)",
    re.I,
)
"""Code in a summary: a ``<code>`` element (what it holds) or a code span."""


def closes_details(html: str) -> bool:
    """A block that only ends a ``<details>``: ``</details>``, or ``</b></details>`` after a summary
    that opened a ``<b>`` over the answer."""
    return _ONLY_CLOSING.fullmatch(html.strip()) is not None
