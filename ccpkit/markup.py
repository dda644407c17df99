"""The one Markdown subset our fields use, rendered three ways: Anki HTML, plain text, reportlab markup.

Raw HTML in the notes is never passed through: markdown-it-py runs with ``html`` off, so ``<script>``
arrives in every output as literal, escaped text; only ``<br>`` is read, as a line break. Nothing
is fetched: a picture the parser found in the notes folder (its ``src`` is a content name,
``ccpkit-<digest>.png``) is an ``<img>`` of that media file; any other image stays a link to it.
``$…$`` and ``\\(…\\)`` are math (MathJax ``\\(…\\)`` in Anki), ``$$…$$`` and ``\\[…\\]`` display math
(``\\[…\\]``); a ``$`` before a digit is money. A table or fenced code block nested in an item's text
stays a table or code block: HTML tables and ``<pre>`` in fields (code of a known language in
coloured spans), rows and monospace lines elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from typing import ClassVar

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin

from ccpkit.bracket_runs import bracket_runs_plugin
from ccpkit.cloze_syntax import OPENING
from ccpkit.embeds import URL_SCHEME, embeds_plugin
from ccpkit.item_ids import WIKILINK
from ccpkit.markdown_defaults import MAX_NESTING, OFF_BY_DEFAULT
from ccpkit.printed_formulas import printed_formula
from ccpkit.regex import regex
from ccpkit.tex_delimiters import tex_delimiters_plugin

TOKENS_KEPT = 512
"""The last fields parsed, kept for the next rendering of the same text (an Anki part reads each
card's fields as plain text, then renders them as HTML: a module's worth). A parse costs about 3 KB:
keeping every field of a 10,000-card course (as 65,536 places did) held 15 MB for nothing."""
INLINE_KEPT = 4096
"""One-line texts rendered as HTML, kept for the next item that shows the same (the part and
headings above every card of a section); not every front of the course."""


def _highlighted(code: str, language: str, attributes: str = "") -> str:
    """``code_colours.highlighted``, imported with Pygments only for a fence that names a language."""
    if not language:
        return ""
    from ccpkit.code_colours import highlighted

    return highlighted(code, language, attributes)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    options = {
        **OFF_BY_DEFAULT,
        "html": False,
        "typographer": False,
        "highlight": _highlighted,
        "maxNesting": MAX_NESTING,
    }
    md = MarkdownIt("commonmark", options)
    md.disable(["heading", "lheading", "hr", "code"])  # field text: a stray `#` or indent is just text
    md.enable(["strikethrough", "table"])
    md.use(dollarmath_plugin, allow_space=False, allow_digits=False, double_inline=True)
    md.use(tex_delimiters_plugin)
    md.use(embeds_plugin)
    md.use(bracket_runs_plugin)
    md.inline.ruler.after("text", "line_break_tag", _line_break_tag)
    md.inline.ruler.before("link", "wikilink", _wikilink)
    md.inline.ruler.before("text", "block_id", _block_id)
    md.inline.ruler.before("emphasis", "highlight", _highlight)
    md.add_render_rule("math_inline", _html_math(r"\(", r"\)"))
    md.add_render_rule("math_inline_double", _html_math(r"\[", r"\]"))
    md.add_render_rule("math_block", _html_math(r"\[", r"\]"))
    md.add_render_rule("tex_unclosed", _html_text)
    md.add_render_rule("image", _html_image)
    return md


_LINE_BREAK_TAG = regex(r"<br\s*/?>", re.IGNORECASE)


def _line_break_tag(state: StateInline, silent: bool) -> bool:
    """``<br>`` (``<br/>``, ``<br />``): the one HTML tag notes write everywhere, in table cells
    above all, is a line break in every output; any other HTML shows as written."""
    found = _LINE_BREAK_TAG.match(state.src, state.pos) if state.src[state.pos] == "<" else None
    if found is None:
        return False
    if not silent:
        state.push("hardbreak", "br", 0)
    state.pos = found.end()
    return True


def _wikilink(state: StateInline, silent: bool) -> bool:
    """``[[mfa|MFA]]`` reads "MFA" and ``[[access-control]]`` "access-control" in every output: the
    page it points to is in the author's vault, not in the deck."""
    found = WIKILINK.match(state.src, state.pos) if state.src.startswith("[[", state.pos) else None
    if found is None:
        return False
    if not silent:
        state.push("text", "", 0).content = found["shown"].strip()
    state.pos = found.end()
    return True


_HIGHLIGHT = regex(r"==(?![\s=])[^\n]*?(?<![\s=])==")


def _highlight(state: StateInline, silent: bool) -> bool:
    """``==words==``, Obsidian's highlight (where the notes do not make it a cloze or an option's mark):
    ``<mark>`` on a card, bold on paper, the words alone as text, never the ``==`` shown."""
    start = state.pos
    found = _HIGHLIGHT.match(state.src, start) if state.src.startswith("==", start) else None
    if found is None:
        return False
    if not silent:
        state.push("mark_open", "mark", 1)
        limit = state.posMax
        state.pos, state.posMax = start + 2, found.end() - 2
        state.md.inline.tokenize(state)
        state.posMax = limit
        state.push("mark_close", "mark", -1)
    state.pos = found.end()
    return True


_BLOCK_ID = regex(r"\^(?=[\w-]*[A-Za-z])[A-Za-z0-9-]+[ \t]*(?=\n|$)")


def _block_id(state: StateInline, silent: bool) -> bool:
    """``^mfa-definition`` at the end of a line: an Obsidian block's id, for links to it, which no
    output shows."""
    start = state.pos
    if state.src[start] != "^" or (start and state.src[start - 1] not in " \t\n"):
        return False
    found = _BLOCK_ID.match(state.src, start)
    if found is None:
        return False
    if not silent:
        state.pending = state.pending.rstrip(" \t")  # the space before the id goes with it
    state.pos = found.end()
    return True


_ONLY_A_LINK = regex(r"\s*(?:<?https?://\S+?>?|\[[^\]\n]*\]\([^)\s]*\))\s*")


def is_only_a_link(markdown: str) -> bool:
    """Whether ``markdown`` is one link and nothing else (``https://…``, ``[Docs](guide.md)``): where
    to read more, nothing to learn."""
    return _ONLY_A_LINK.fullmatch(markdown) is not None


_PICTURE_NAME = regex(r"ccpkit-[0-9a-f]{24}\.(?:png|jpg|gif|svg)")


def is_picture_name(source: str) -> bool:
    """Whether an image ``src`` names a picture the parser read (a media file), not a path or URL."""
    return _PICTURE_NAME.fullmatch(source) is not None


def _html_image(_self: object, tokens: Sequence[Token], idx: int, *_args: object) -> str:
    """A picture of the notes is an ``<img>`` of its media file; any other image is a link to it (an
    ``<img>`` of a URL would make Anki fetch it from the network)."""
    source, alt = str(tokens[idx].attrs.get("src", "")), tokens[idx].content
    if is_picture_name(source):
        return f'<img src="{source}" alt="{escape(alt)}">'
    text = escape(alt or source, quote=False)
    return f'<a href="{escape(source)}">{text}</a>' if source else text


def picture_sources(markdown: str) -> tuple[tuple[str, str], ...]:
    """Each image's ``src`` (as markdown-it normalised it) and alt text, in order."""
    if "![" not in markdown:  # every picture, ``![alt](name)`` or ``![[name]]``, opens so: no parse
        return ()
    images = (child for child in _inline(markdown) if child.type == "image")
    return tuple((str(image.attrs.get("src", "")), image.content) for image in images)


def embedded_notes(markdown: str) -> tuple[str, ...]:
    """The notes ``markdown`` embeds (``![[Other note]]``), whose names show instead of their content."""
    return tuple(child.meta["embedded"] for child in _inline(markdown) if "embedded" in child.meta)


def _inline(markdown: str) -> Iterator[Token]:
    """Every inline token of ``markdown`` (text, images, emphasis …), in order."""
    for token in _tokens(markdown):
        if token.type == "inline":
            yield from token.children or ()


def picture_names(markdown: str) -> tuple[str, ...]:
    """The media names of the pictures ``markdown`` shows, each once, in order."""
    names = (source for source, _alt in picture_sources(markdown) if is_picture_name(source))
    return tuple(dict.fromkeys(names))


def _html_text(_self: object, tokens: Sequence[Token], idx: int, *_args: object) -> str:
    return escape(tokens[idx].content, quote=False)


def unclosed_formulas(markdown: str) -> tuple[str, ...]:
    """Each ``\\(`` or ``\\[`` that opens a formula its paragraph never closes (it shows as text)."""
    if "\\(" not in markdown and "\\[" not in markdown:  # no opening: no need to parse (most text)
        return ()
    return tuple(child.content for child in _inline(markdown) if child.type == "tex_unclosed")


def formulas(markdown: str) -> tuple[str, ...]:
    """The TeX of each formula written inline in ``markdown`` (``$…$``, ``\\(…\\)``, ``$$…$$`` …)."""
    if "$" not in markdown and "\\(" not in markdown and "\\[" not in markdown:  # most text: no parse
        return ()
    found = []
    for token in _tokens(markdown):
        children = token.children if token.type == "inline" else [token]
        found += [child.content for child in children or () if child.type in _FORMULAS]
    return tuple(found)


_FORMULAS = frozenset({"math_inline", "math_inline_double", "math_block"})


def _html_math(opening: str, closing: str) -> Callable[..., str]:
    """A formula as MathJax reads it in Anki (``_braces_spaced``)."""

    def render(_self: object, tokens: Sequence[Token], idx: int, *_args: object) -> str:
        return f"{opening}{_braces_spaced(escape(tokens[idx].content.strip(), quote=False))}{closing}"

    return render


def _braces_spaced(tex: str) -> str:
    r"""TeX's ``}}`` written ``} }`` (the same to TeX), as Anki's manual advises: in a cloze,
    ``{{c1::\(x^{y^{2}}\)}}``, Anki would end the cloze there. A cloze written inside the formula
    (``E = {{c1::mc^2}}``) keeps its own closing ``}}``, spaced from a brace of the formula before it
    (``{{c1::\sqrt{2} }}``)."""
    pieces: list[str] = []
    opened: list[int] = []  # the formula's open braces inside each cloze opened in it
    at = 0
    while at < len(tex):
        cloze = OPENING.match(tex, at) if "{{c" in tex else None
        if cloze is not None:
            pieces.append(cloze[0])
            opened.append(0)
            at = cloze.end()
        elif opened and opened[-1] == 0 and tex.startswith("}}", at):
            pieces.append(_CLOZE_CLOSING)
            opened.pop()
            at += 2
        else:
            if opened and tex[at] in "{}":
                opened[-1] += 1 if tex[at] == "{" else -1
            pieces.append(tex[at])
            at += 1
    spaced = "".join(pieces)
    while "}}" in spaced:
        spaced = spaced.replace("}}", "} }")
    return spaced.replace("}" + _CLOZE_CLOSING, "} }}").replace(_CLOZE_CLOSING, "}}")


_CLOZE_CLOSING = "\x00"
"""Stands for a cloze's own ``}}`` while the formula's are spaced."""


@lru_cache(maxsize=TOKENS_KEPT)
def _tokens(markdown: str) -> tuple[Token, ...]:
    return tuple(_parser().parse(markdown))


@dataclass(frozen=True, slots=True)
class Grid:
    """A table written inside an item's text: header cells and rows, each cell inline Markdown."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def split_tables(markdown: str) -> tuple[str | Grid, ...]:
    """The text around its tables, and the tables: for outputs that draw a table as a grid of its own
    (a PDF) rather than as lines of text. Text without a table comes back whole."""
    if "|" not in markdown:  # a table's header row holds one: most text is no table, and needs no parse
        return (markdown,)
    lines = markdown.split("\n")
    pieces: list[str | Grid] = []
    start = 0
    rows: list[list[str]] = []
    for token in _tokens(markdown):
        match token.type:
            case "table_open" if token.map:
                pieces.append("\n".join(lines[start : token.map[0]]))
                start, rows = token.map[1], []
            case "tr_open":
                rows.append([])
            case "inline" if rows:
                rows[-1].append(token.content)
            case "table_close":
                pieces.append(Grid(tuple(rows[0]), tuple(tuple(row) for row in rows[1:])))
                rows = []
    if not pieces:
        return (markdown,)
    pieces.append("\n".join(lines[start:]))
    return tuple(piece for piece in pieces if isinstance(piece, Grid) or piece.strip())


_WORDS = r"[A-Za-z0-9 ,.;:'\"?()/%+@\-\x80-\U0010ffff]"
_PLAIN = regex(rf"(?![-+](?: |$)|[0-9]{{1,9}}[.)](?: |$)){_WORDS}*")
"""Text in which no Markdown rule can fire: letters, digits, spaces and punctuation no rule starts at
(``-``, ``+`` or ``1.`` at the start would open a list, ``=`` a highlight; ``#``, ``{``, ``^`` are kept
out in case a rule ever takes them). The non-ASCII characters must be printable, which keeps out line
breaks and spaces other than `` `` (markdown-it folds or trims those). One character class (ASCII
letters and digits, that punctuation, anything beyond ASCII), which the regex engine scans far faster
than alternatives."""
_TEXT = rf"(?:{_WORDS}|&(?![#A-Za-z0-9]))"
"""Words as in ``_PLAIN``, or an ``&`` that starts no character reference (``Billing & budgets``)."""
_SEGMENT = regex(
    rf"(?P<text>{_TEXT}+)|(?<!\*)\*\*(?P<strong>{_TEXT}+)\*\*(?!\*)|(?<!\*)\*(?P<em>{_TEXT}+)\*(?!\*)"
    r"|(?<!`)`(?P<code_inline>[^`\n]+)`(?!`)"
)
"""A piece of one line of text with simple marks, named as markdown-it-py names its token: words as in
``_PLAIN``, ``**bold**`` or ``*italic*`` words, or code between single backticks; no mark's run
touching another of its kind (``***``, or code right after code, reads otherwise)."""

_Segments = tuple[tuple[str, str], ...]


def _simple(markdown: str) -> _Segments | None:
    """The text, trimmed, as its pieces (``_SEGMENT``: kind and words) when it is one line of words,
    bold, italics and code only: most terms and definitions. Rendering it is escaping each piece and
    marking it, which spares a parse (tests check both ways agree). ``None`` for any other text.

    Bold or italic words start with a letter or digit, or follow a space or the start of the text, and
    end with one or come before a space or the end (``**Free.** Protects …``): their marks then open
    and close them (CommonMark's flanking rules). Code has no space at either end (which a parse
    would trim)."""
    text = markdown.strip(" ")
    if _PLAIN.fullmatch(text):
        return (("text", text),) if text.isprintable() else None
    if not text.isprintable() or _PLAIN.match(text) is None:  # a line break, or a list's marker first
        return None
    segments = []
    at = 0
    while at < len(text):
        found = _SEGMENT.match(text, at)
        kind = found.lastgroup if found is not None else None
        if found is None or kind is None:
            return None
        words = found[kind]
        if " " in words[0] + words[-1] and kind != "text":
            return None
        if kind in ("strong", "em") and not _flanked(text, found.start(), found.end(), words):
            return None
        segments.append((kind, words))
        at = found.end()
    return tuple(segments)


def _flanked(text: str, start: int, end: int, words: str) -> bool:
    """Whether the marks around ``words``, from ``start`` to ``end`` in ``text``, open and close them."""
    opens = words[0].isalnum() or start == 0 or text[start - 1] == " "
    return opens and (words[-1].isalnum() or end == len(text) or text[end] == " ")


def _marked(segments: _Segments, inline: _Inline) -> str:
    """The pieces of simple text as ``inline`` renders their tokens."""
    pieces = []
    for kind, words in segments:
        opening, closing = inline.marks.get(kind, ("", ""))
        pieces.append(opening + inline.literal(words) + closing)
    return "".join(pieces)


_Blocks = tuple[tuple[str, tuple[_Segments, ...]], ...]


def _simple_blocks(markdown: str) -> _Blocks | None:
    """The text as its blocks when it is lines of simple text (``_simple``) parted by blank lines: a
    paragraph of one line, or a tight list of ``- `` items one line each, never right after another
    (two lists parted by a blank line are one loose list). Each block is its kind, ``paragraph_open``
    or ``bullet_list_open`` as markdown-it-py names it, and its lines' pieces. ``None`` for any other
    text: a line led or ended by a space, a paragraph of two lines, a list right under a paragraph."""
    if "\n" not in markdown or markdown != markdown.strip():
        return None
    blocks: list[tuple[str, tuple[_Segments, ...]]] = []
    for lines in (chunk.split("\n") for chunk in markdown.split("\n\n")):
        listed = all(line.startswith("- ") for line in lines)
        if any(line[:1] == " " or line[-1:] in ("", " ") for line in lines) or not (
            listed or len(lines) == 1
        ):
            return None
        pieces = [_simple(line[2:] if listed else line) for line in lines]
        if None in pieces or (listed and blocks and blocks[-1][0] == "bullet_list_open"):
            return None
        blocks.append(("bullet_list_open" if listed else "paragraph_open", tuple(filter(None, pieces))))
    return tuple(blocks)


def _blocks_html(blocks: _Blocks) -> str:
    """Simple blocks (``_simple_blocks``) as markdown-it-py renders them."""
    html = _HtmlInline()
    pieces = []
    for kind, lines in blocks:
        if kind == "paragraph_open":
            pieces.append(f"<p>{_marked(lines[0], html)}</p>\n")
        else:
            pieces.append(
                "<ul>\n" + "".join(f"<li>{_marked(item, html)}</li>\n" for item in lines) + "</ul>\n"
            )
    return "".join(pieces).strip()


def to_html(markdown: str) -> str:
    """Safe HTML for an Anki field; a single paragraph is not wrapped in ``<p>``."""
    if (simple := _simple(markdown)) is not None:
        return _marked(simple, _HtmlInline())
    if (blocks := _simple_blocks(markdown)) is not None:
        return _blocks_html(blocks)
    tokens = list(_tokens(markdown))
    html: str = _parser().renderer.render(tokens, _parser().options, {})
    if _single_paragraph(tokens):
        html = html.removeprefix("<p>").removesuffix("</p>\n")
    return html.strip()


@lru_cache(maxsize=INLINE_KEPT)
def to_inline_html(markdown: str) -> str:
    """Safe HTML for one-line text (a term, a title, a cell): block syntax such as ``1. Intro`` stays text."""
    if (simple := _simple(markdown)) is not None:
        return _marked(simple, _HtmlInline())
    html: str = _parser().renderInline(markdown)
    return html.strip()


def _single_paragraph(tokens: Sequence[Token]) -> bool:
    return len(tokens) == 3 and tokens[0].type == "paragraph_open"


def to_text(markdown: str) -> str:
    """Plain text: markup removed, list items as ``- `` lines, links as ``text (url)``."""
    if (simple := _simple(markdown)) is not None:
        return _marked(simple, _TextInline())
    return _render_blocks(markdown, _TextInline(), bullet="- ", newline="\n", indent="  ").strip()


@lru_cache(maxsize=1 << 16)  # a module's notes print on its sheet and in the course
def to_reportlab(markdown: str) -> str:
    """Markup for a reportlab ``Paragraph``: ``<b>``, ``<i>``, code in the ``mono`` font, escaped text."""
    if (simple := _simple(markdown)) is not None:
        return _marked(simple, _ReportlabInline())
    return _render_blocks(
        markdown, _ReportlabInline(), bullet="• ", newline="<br/>", indent="&nbsp;&nbsp;&nbsp;"
    )


def _render_blocks(markdown: str, inline: _Inline, *, bullet: str, newline: str, indent: str) -> str:
    """Blocks as lines: list items under their marker, a table row per line with its cells separated
    by ``|`` (header cells strong), code on lines of its own as written."""
    blocks = _simple_blocks(markdown)
    parts = (
        _simple_lines(blocks, inline, bullet, newline)
        if blocks
        else _lines(markdown, inline, bullet, newline, indent)
    )
    text = "".join(parts).replace(newline * 3, newline * 2)
    while text.endswith(newline):
        text = text.removesuffix(newline)
    return text.removeprefix(newline)


def _simple_lines(blocks: _Blocks, inline: _Inline, bullet: str, newline: str) -> list[str]:
    """``_lines`` of simple blocks (``_simple_blocks``), without their tokens."""
    parts = []
    for kind, lines in blocks:
        if kind == "paragraph_open":
            parts += [_marked(lines[0], inline), newline]
        else:
            parts += [newline + bullet + _marked(item, inline) for item in lines]
    return parts


def _lines(markdown: str, inline: _Inline, bullet: str, newline: str, indent: str) -> list[str]:
    """The pieces of ``_render_blocks``' lines, read from the tokens of ``markdown``."""
    parts: list[str] = []
    depth = 0
    cells = 0
    strong = inline.marks.get("strong", ("", ""))
    in_head = False
    previous = ""
    for token in _tokens(markdown):
        match token.type:
            case "bullet_list_open" | "ordered_list_open":
                depth += 1
            case "bullet_list_close" | "ordered_list_close":
                depth -= 1
            case "list_item_open":
                marker = f"{token.info}{token.markup} " if token.info else bullet
                parts.append(newline + indent * (depth - 1) + marker)
            case "paragraph_open" if depth > 0 and previous != "list_item_open":
                parts.append(newline + indent * depth)  # a list item's second paragraph
            case "paragraph_close" | "table_close" if depth == 0:
                parts.append(newline)
            case "thead_open" | "thead_close":
                in_head = token.type == "thead_open"
            case "tr_open":
                parts.append(newline + indent * depth)
                cells = 0
            case "th_open" | "td_open":
                parts.append(inline.literal(" | ") if cells else "")
                cells += 1
            case "inline" if in_head:
                parts.append(strong[0] + inline.render(token.children or []) + strong[1])
            case "inline":
                parts.append(inline.render(token.children or []))
            case "fence" | "code_block":
                parts.append(newline + inline.code(token.content.rstrip("\n")) + newline)
            case "math_block":
                parts.append(newline + inline.formula(token.content.strip()) + newline)
        previous = token.type
    return parts


class _Inline:
    """Renders inline tokens; subclasses say how each mark looks in their target."""

    marks: ClassVar[dict[str, tuple[str, str]]] = {}

    def literal(self, text: str) -> str:
        return text

    def code(self, text: str) -> str:
        """A code block's lines as written."""
        return self.literal(text)

    def formula(self, tex: str) -> str:
        """A formula's TeX, as written."""
        return self.literal(tex)

    def link(self, text: str, href: str) -> str:
        return text if text == href or not href else f"{text} ({href})"

    def render(self, children: Sequence[Token]) -> str:
        out: list[str] = []
        link_start: list[tuple[int, str]] = []
        for child in children:
            kind = child.type
            if kind in ("text", "html_inline", "tex_unclosed"):
                out.append(self.literal(child.content))
            elif kind == "code_inline":
                opening, closing = self.marks.get(kind, ("", ""))
                out.append(opening + self.literal(child.content) + closing)
            elif kind in ("math_inline", "math_inline_double"):
                out.append(self.formula(child.content))
            elif kind in ("softbreak", "hardbreak"):
                out.append(self.marks.get(kind, (" ", ""))[0])
            elif kind == "link_open":
                link_start.append((len(out), str(child.attrs.get("href", ""))))
            elif kind == "link_close":
                start, href = link_start.pop()
                out[start:] = [self.link("".join(out[start:]), href)]
            elif kind.endswith("_open") or kind.endswith("_close"):
                opening, closing = self.marks.get(kind.rsplit("_", 1)[0], ("", ""))
                out.append(opening if kind.endswith("_open") else closing)
            elif kind == "image":
                out.append(self.literal(child.content))
        return "".join(out)


class _TextInline(_Inline):
    marks: ClassVar[dict[str, tuple[str, str]]] = {"hardbreak": ("\n", "")}


class _HtmlInline(_Inline):
    """How markdown-it-py renders the tokens of simple text (``_simple``) as HTML."""

    marks: ClassVar[dict[str, tuple[str, str]]] = {
        "strong": ("<strong>", "</strong>"),
        "em": ("<em>", "</em>"),
        "code_inline": ("<code>", "</code>"),
    }

    def literal(self, text: str) -> str:
        return escapeHtml(text)


class _ReportlabInline(_Inline):
    marks: ClassVar[dict[str, tuple[str, str]]] = {
        "strong": ("<b>", "</b>"),
        "em": ("<i>", "</i>"),
        "s": ("<strike>", "</strike>"),
        "mark": ("<b>", "</b>"),  # a highlight prints in black and white
        "code_inline": ('<font face="mono">', "</font>"),
        "hardbreak": ("<br/>", ""),
    }

    def literal(self, text: str) -> str:
        return escape(text, quote=False)

    def code(self, text: str) -> str:
        """Monospace, line for line, indentation kept (a paragraph would fold it into one line), a tab
        as four spaces (a Makefile's or Go's indent)."""
        lines = (
            _indentation(line) + escape(line.lstrip(" "), quote=False)
            for line in text.expandtabs(_TAB).split("\n")
        )
        return '<font face="mono">' + "<br/>".join(lines) + "</font>"

    def formula(self, tex: str) -> str:
        """Typeset as far as ``printed_formula`` knows TeX (``\\approx`` as ≈), else as written."""
        printed = printed_formula(tex)
        return printed if printed is not None else self.literal(tex)

    def link(self, text: str, href: str) -> str:
        """Underlined, not blue: blue text prints as a pale grey on a black-and-white printer. A
        target without a scheme (``#a-heading``, ``summary.md``) leads nowhere in the PDF, and
        reportlab refuses to save a link to it: its text is printed alone."""
        return f'<a href="{escape(href)}"><u>{text}</u></a>' if URL_SCHEME.match(href) else text


_TAB = 4
"""Spaces a tab in printed code stands for."""


def _indentation(line: str) -> str:
    return "&nbsp;" * (len(line) - len(line.lstrip(" ")))
