"""The few HTML tags notes write inside a line, as the Markdown they mean.

Every output shows raw HTML as the text it is (``markup``), so ``H<sub>2</sub>O`` would reach a card
as tags. Notes pasted from web pages, GitHub READMEs and Obsidian write these few everywhere: a
picture sized with ``<img src="vpc.png" width="300">``, ``<b>``, ``<kbd>Ctrl</kbd>``, ``<sub>``. Each is
written as its Markdown before any rule reads the file, so a picture is packaged, a bold option is the
marked one and an emphasised term is a term; anything else stays as written. Code spans are code.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from functools import partial

from ccpkit.embeds import PICTURE_SUFFIXES, URL_SCHEME
from ccpkit.parse.answer_words import ANSWER_ABROAD
from ccpkit.regex import regex

_PAIRED = r"b|strong|i|em|kbd|code|sub|sup|u|ins|mark|small|s|del|strike"
_TAG = regex(
    r"(?P<code>(?<!`)(`+)(?!`).+?(?<!`)\2(?!`))"
    rf"|(?<!\\)<(?P<tag>{_PAIRED})>(?P<inner>[^<`\n]+?)(?<!\\)</(?P=tag)>"
    r"|(?<!\\)<img\b(?P<attributes>[^<>\n]*)/?>",
    re.IGNORECASE,
)
"""A code span (kept), a tag of ``_PAIRED`` around text of no other tag or code, or an ``<img>``; a tag
escaped as ``\\<b>`` is text."""
_ATTRIBUTE = regex(
    r"""\b(?P<name>src|alt)\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s"'>]+))"""
)
_NESTED = 4
"""At most this many tags deep (``<b><i>…</i></b>``); deeper ones are written as they are."""
_FOLDED = regex(r"<(?:details|summary)\b", re.IGNORECASE)
_SMALL_PRINT = regex(r"<(sub|sup|small)>[^<\n]*</\1>", re.IGNORECASE)
_WRAPPED = regex(r"(?P<indent>[ \t]*)<div>(?P<inner>(?:(?!</?div\b).)*)</div>[ \t]*", re.IGNORECASE)
"""A line wholly in a plain ``<div>``, as Evernote and OneNote export every line of a note (a ``<p>``
line stays a block of its own)."""
_BREAK = regex(r"<br\s*/?>", re.IGNORECASE)
_OTHER_TAG = regex(r"</?[A-Za-z][\w-]*[^<>]*>")
"""A tag left in a ``<div>`` once its inline tags are Markdown (Evernote's ``<en-todo/>``, a styled
``<span>``): the line stays the HTML it is."""
_HEADING = regex(
    r"[ \t]{0,3}<h(?P<level>[1-6])(?:\s[^<>]*)?>(?P<inner>(?:(?!</?h[1-6]\b)[^\n])*?)</h(?P=level)>[ \t]*",
    re.IGNORECASE,
)
"""A heading written in HTML on a line of its own (``<h3> Question 7: …? </h3>``), as READMEs do."""
_HIDDEN_KEY = regex(
    rf"(?:answers?|ans\.?|correct(?:[ \t]+answers?)?|key|solution|{ANSWER_ABROAD})"
    r"[ \t]*[:=\-\u2013\u2014][ \t]*"
    r"\(?(?P<letters>[A-Ha-h](?:(?:[ \t]*[,&][ \t]*|[ \t]+and[ \t]+|[ \t]+)[A-Ha-h](?![A-Za-z]))*)\)?\.?",
    re.IGNORECASE,
)
"""What a comment alone on its line says when it holds a question's key (``<!-- Answer: A -->``,
``<!-- answer: B, D -->``, ``<!-- Ans - C -->``, ``<!-- correct: (C) -->``, ``<!-- Respuesta: A -->``),
as notes hide the answer from their rendered page: the answer it is."""
_OPTION_OPENING = regex(r"[ \t]*(?:[-*+][ \t]+(?![\[ \t])(?:\(?[A-Ha-h][.)][ \t]+)?|\(?[A-Ha-h][.)][ \t]+)\S")
"""How an option's line opens: ``- A) …``, ``b. …``, a plain bullet (not a checkbox's)."""
_MARKED_RIGHT = regex(
    r"<!--[ \t]*(?:correct|right|answer|\u2713|\u2714|\u2705)[ \t]*!?[ \t]*-->[ \t]*", re.IGNORECASE
)
"""A comment after an option's words marking it right (``<!-- correct -->``), as notes hide the
answer from their rendered page."""
_MAYBE = regex(rf"<(?:{_PAIRED}|img\b|div>|!--)", re.IGNORECASE)

_SUPERSCRIPT = str.maketrans("0123456789+-\u2212=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱ")  # U+2212: a minus sign
_SUBSCRIPT = str.maketrans("0123456789+-\u2212=()", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎")
_MARKS = dict.fromkeys(("b", "strong", "mark"), "**") | dict.fromkeys(("i", "em"), "*")
_MARKS |= dict.fromkeys(("s", "del", "strike"), "~~")
"""Tags written as emphasis; a highlight is bold, not ``==…==`` (a cloze in these notes)."""


def mentions_inline_html(text: str) -> bool:
    """Whether the text may hold a tag this module rewrites: most files hold none."""
    return "<" in text and _MAYBE.search(text) is not None


def html_as_markdown(line: str, _above: str = "") -> str:
    """The line with each such tag written as Markdown: ``**…**``, ``*…*``, ``~~…~~``, a code span,
    ``H₂O`` (``_(…)``, ``^(…)`` where no Unicode sub- or superscript exists), ``![alt](src)`` of a
    picture in the notes folder; a comment holding a key (``<!-- Answer: A -->``) is the answer line it
    hides. A ``<details>`` block's line, and a line of small print (``<sub>Domain: Security</sub>``
    alone), are left as the rules that read them expect."""
    if "<!--" in line and (said := _hidden_key(line) or _marked_right(line)) is not None:
        return said
    if "<" not in line or _FOLDED.search(line) or _SMALL_PRINT.fullmatch(line.strip()):
        return line
    wrapped = _WRAPPED.fullmatch(line)
    if wrapped is not None:  # `<div><b>S3</b>: Object storage.</div>`; `<div><br/></div>` is a blank line
        inner = _BREAK.sub(" ", _inline_markdown(wrapped["inner"])).strip()  # a line's own break: a space
        return line if _OTHER_TAG.search(inner) else f"{wrapped['indent']}{inner}" if inner else ""
    return _inline_markdown(line)


def _hidden_key(line: str) -> str | None:
    """A comment alone on its line holding a question's key, as the answer line it hides (``<!--
    Answer: A -->`` as ``Answer: A``); ``None`` for any other line."""
    inner = line.strip()
    if not (inner.startswith("<!--") and inner.endswith("-->")):
        return None
    letters = hidden_key(inner[4:-3])
    return answer_line(line[: len(line) - len(line.lstrip())], letters) if letters else None


def hidden_key(words: str) -> str | None:
    """The letters a comment's words give as a question's key (``Answer: A``, ``correct: B, D``);
    ``None`` for any other words."""
    key = _HIDDEN_KEY.fullmatch(words.strip())
    return key["letters"] if key else None


def key_taken(lines: Sequence[str]) -> tuple[str, list[str]] | None:
    """The letters of the first of a comment's ``lines`` that gives a question's key, and its other
    lines (the reason); ``None`` when none gives one."""
    for at, line in enumerate(lines):
        if letters := hidden_key(line):
            return letters, [*lines[:at], *lines[at + 1 :]]
    return None


def answer_line(indent: str, letters: str) -> str:
    """The answer line a hidden key stands for: ``Answer: B``, at ``indent``."""
    return f"{indent}Answer: {letters}"


def _marked_right(line: str) -> str | None:
    """An option's line whose comment marks it right (``- A) A refrigerant <!-- correct -->``), ticked
    as a bank marks its answer (``- A) A refrigerant ✅``); ``None`` for any other line."""
    comment = line.rfind("<!--")
    words = line[:comment].rstrip()
    if not words or not _MARKED_RIGHT.fullmatch(line, comment) or not _OPTION_OPENING.match(words):
        return None
    return f"{words} \u2705"


def mentions_html_headings(text: str) -> bool:
    return _HEADING_OPENING.search(text) is not None


_HEADING_OPENING = regex(r"<h[1-6]\b", re.IGNORECASE)


def html_heading(line: str, above: str = "") -> str:
    """The line as a Markdown heading when it is a heading in HTML alone on its line under a blank one
    (``<h3> Question 7: …? </h3>`` → ``### Question 7: …?``; its inline tags are read later, as any
    line's); under words, as a quiz's ``content:`` field writes HTML, it stays HTML."""
    heading = _HEADING.fullmatch(line) if not above.strip() else None
    if heading is None:
        return line
    inner = _BREAK.sub(" ", heading["inner"]).strip()
    return (
        f"{'#' * int(heading['level'])} {inner}"
        if inner and not _OTHER_TAG.search(_TAG.sub("", inner))
        else line
    )


def _inline_markdown(line: str) -> str:
    for _ in range(_NESTED):  # nested tags, the innermost first
        written = _TAG.sub(partial(_written, line=line), line)
        if written == line:
            break
        line = written
    return line


def _written(found: re.Match[str], *, line: str) -> str:
    if found["code"]:
        return found[0]
    if found["attributes"] is not None:
        return _picture(found[0], found["attributes"])
    tag, inner = found["tag"].lower(), found["inner"]
    if not inner.strip():
        return inner
    if tag in _MARKS:
        mark = _MARKS[tag]
        if mark == "**" and line.count("**", 0, found.start()) % 2:
            return inner  # `**Café <b>Crème</b>:**`: bold already, where `**` would end the bold
        return f"{mark}{inner}{mark}" if inner == inner.strip() else found[0]  # `<b> x</b>`: no emphasis
    if tag in ("kbd", "code"):
        shown = html.unescape(inner)  # `<code>&lt;div&gt;</code>`: a code span shows `<div>` as typed
        return f"`{shown}`" if "`" not in shown else found[0]
    if tag in ("sup", "sub"):
        return _script(inner, sup=tag == "sup")
    return inner  # underlined, inserted, small: the words


def _script(inner: str, *, sup: bool) -> str:
    """``²``, ``₂``: the Unicode characters when each has one, else ``^(…)`` / ``\\_(…)``."""
    table, mark = (_SUPERSCRIPT, "^") if sup else (_SUBSCRIPT, "\\_")
    if all(character.translate(table) != character for character in inner):
        return inner.translate(table)
    return f"{mark}({inner})"


def _picture(written: str, attributes: str) -> str:
    """``<img src="vpc.png" width="300" alt="VPC">`` as ``![VPC](vpc.png)``."""
    values = {
        match["name"].lower(): match["double"] or match["single"] or match["bare"] or ""
        for match in _ATTRIBUTE.finditer(attributes)
    }
    source = values.get("src", "").strip()
    if not source.lower().endswith(PICTURE_SUFFIXES) or URL_SCHEME.match(source):
        return written  # no picture of the notes: one on the web is never fetched, so shown as written
    alt = re.sub(r"[\[\]\\]", "", values.get("alt", ""))
    target = f"<{source}>" if re.search(r"[\s()]", source) else source
    return f"![{alt}]({target})"
