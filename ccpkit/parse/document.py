"""One notes file, parsed: its tree of blocks, source lines, front matter and headings."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Container, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import PurePosixPath
from typing import Any, Final

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_block_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from ccpkit import cloze_syntax
from ccpkit.bracket_runs import bracket_runs_plugin
from ccpkit.embeds import embeds_plugin
from ccpkit.errors import Problem
from ccpkit.markdown_defaults import MAX_NESTING, OFF_BY_DEFAULT
from ccpkit.model import SourceLocation
from ccpkit.parse.card_wrappers import UNENDED, unended_card_starts
from ccpkit.parse.definition_lists import markdown_definition_lists
from ccpkit.parse.definitions import as_run_in, is_definition, latex_definitions
from ccpkit.parse.emoji_shortcodes import shortcodes
from ccpkit.parse.footnotes import SUPERSCRIPT_MARK, inline_footnotes, without_superscript_marks
from ccpkit.parse.front_matter import FrontMatter, page_title, read_front_matter, title_block
from ccpkit.parse.html_tables import list_lines, markdown_tables
from ccpkit.parse.inka import InkaSection, inka_clozes, inka_sections, section_not_front_matter
from ccpkit.parse.inline_html import (
    answer_line,
    hidden_key,
    html_as_markdown,
    html_heading,
    key_taken,
    mentions_html_headings,
    mentions_inline_html,
)
from ccpkit.parse.option_marks import answers_by_mark, glyph_boxes_as_tasks, marks_as_letters, radios_as_boxes
from ccpkit.parse.page_marks import MAY_HOLD_PAGE_MARKS, PAGE_MARKS_LEFT_OUT, page_mark_lines
from ccpkit.parse.references import inline_references
from ccpkit.parse.slide_notes import (
    MAY_HOLD_SPEAKER_NOTES,
    SPEAKER_NOTES_LEFT_OUT,
    is_deck,
    speaker_note_lines,
)
from ccpkit.parse.tree import Node, build_tree
from ccpkit.regex import regex

_COMMENT = regex(r"<!--.*?-->", re.S)
_OBSIDIAN_COMMENT = regex(
    r"(?<!`)(`+)(?!`)[\s\S]*?\1|^[ \t]*%%[ \t]*\n[\s\S]*?\n[ \t]*%%[ \t]*$"
    r"|[ \t]*(?:^|(?<=\s))%%(?P<words>(?:(?!%%)[^\n])+)%%(?=\s|$|[.,;:!?)])",
    re.M,
)
"""An Obsidian comment, ``%%to check this%%`` or ``%% add an example %%`` within a line (words, after
a space or at the line's start) or ``%%`` lines around some, or a code span (kept: a comment in code
is code). ``40%%``, ``'%%an%%'`` (SQL), ``%%PATH%%`` (batch files, one word) and MATLAB's
``%% section`` open none."""
_VALUE = r"(?>\"[^\"\n]*\"(?=[\s}])|'[^'\n]*'(?=[\s}])|[^\s}]+)"
"""An attribute's value, quoted or not, read one way (atomic): ``x=""`` was also read unquoted, so a
heading of n such attributes and no ``}`` was tried in 2^n ways. Quoted only where a space or ``}`` ends
it (``x="a"b`` is read unquoted); a quote otherwise read in words ends where its closing quote does."""
_CODE_KEPT = r"(?P<code>(?<!`)(`+)(?!`)[^`]+?\2)"
"""A code span, the first alternative of a pattern that rewrites a line: what it matches is left as it
is (``_code_kept``), so nothing inside code is read as the marks around it."""
_COMMAND_LINE = r"(?:[^%<\n]|%(?!>)|<(?!%))*%>"
"""The rest of a command on its line, to its ``%>``: not over another ``<%`` (each opening would read
the rest of the line again)."""
_SCRIPT = r"(?:[^%<]|%(?!>)|<(?!%))*%>"
"""The rest of a script block, over lines, to its ``%>`` (not over another ``<%``)."""
_TEMPLATER = regex(rf"(?<![ \t])[ \t]*<%[_-]?(?:\*{_SCRIPT}|\+?[ \t]*tp\.{_COMMAND_LINE})")
"""A Templater command: ``<% tp.date.now() %>`` on its line, ``<%* tR += "x" %>`` over lines (the ``<%=``
of ERB and EJS, which name no ``tp``, is another language's)."""
_TEMPLATER_OR_CODE = regex(
    rf"{_CODE_KEPT}|{_TEMPLATER.pattern}"
    rf"|(?<![ \t])[ \t]*<%(?:[_-]{_COMMAND_LINE}|[ \t]*[A-Za-z_$][\w$.]*[ \t]*[_-]?%>)"
)
"""A code span, or a Templater command, or in a file of Templater's commands one of its own on a line:
trimming the spaces around it (``<%_ } _%>``), or naming a variable set above (``<% course %>``). ERB's
``<%= @name %>`` or ``<% if admin %>``, and a ``<%`` of prose (``kept <%2``), are no such command."""
_ATTRIBUTE = rf"(?:[.#][A-Za-z_-][\w-]*|[\w-]+={_VALUE})"
"""One attribute of a kramdown attribute list: ``.note``, ``#intro``, ``target="_blank"`` (a class
opens with a letter: ``.2f`` is a format's precision)."""
_ATTRIBUTE_LIST = rf"\{{:(?:toc|\s*{_ATTRIBUTE}(?:\s+{_ATTRIBUTE})*\s*)\}}"
"""A kramdown attribute list: ``{: .note }``, ``{: #intro .lead }``, ``{: target="_blank" }``,
``{:toc}``; not code such as ``'{:>10}'.format(x)`` or ``{:a => 1}``."""
_ATTRIBUTES = regex(_CODE_KEPT + rf"|(?<=[*_`)\]]){_ATTRIBUTE_LIST}")
"""A kramdown attribute list right after the end of a span (``**S3**{: .label }``, ``[S3](…){:
.ext}``), or a code span (kept); after a quote it is a format string's (``"{:#x}"``)."""
_ATTRIBUTE_LINE = regex(rf"(?P<quoted>[ \t]*(?:>[ \t]*)*)(?:{_ATTRIBUTE_LIST}[ \t]*)+")
"""A line of kramdown attribute lists alone: ``{: .note }``, ``{:toc}``, maybe in a quote (``>
{: .solution}`` closing a lesson's solution)."""
_QUOTED_SOLUTION = regex(
    r"^(?P<quoted>[ \t]*(?:>[ \t]*)+)#{1,6}[ \t]+(?P<title>(?i:solutions?|answers?))[ \t]*#*[ \t]*$", re.M
)
"""A heading titled ``Solution`` opening a quote in a quote, as lesson sites nest a challenge's solution
(``> > ## Solution``): a folded callout, the solution to what the quote around it asks."""
_QUOTE_OVER_HEADING = regex(r">[ \t]*#")
"""What every ``_QUOTED_SOLUTION`` holds, its last ``>`` to its first ``#``: found at once or not at all,
where ``_QUOTED_SOLUTION`` is tried at each line of a file."""
_HEADING_ATTRIBUTES = regex(
    rf"^(?P<heading> {{0,3}}#{{1,6}}[ \t].*?)[ \t]+"
    rf"\{{:?[ \t]*(?:-|[.#][A-Za-z_-][\w-]*|(?:id|class)={_VALUE})"
    rf"(?:[ \t]+{_ATTRIBUTE})*[ \t]*\}}[ \t]*$",
    re.M,
)
"""A heading ending in its attributes, as Pandoc, kramdown and MkDocs write them: ``## S3 {#s3}``,
``## EBS { #ebs .important }``, ``## Summary {-}``, ``## S3 {: #s3 }``, ``## S3 { id="s3" }`` (an id or
class first: ``{#1}`` or ``{x}`` is text)."""
_SIDES_LINE = regex(r"^%[ \t]*$", re.M)
"""A ``%`` line alone: ankdown's separator of a card's sides, in whose files a ``%%`` line ends a card."""
LIST_MARKER = regex(r"^\s*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
"""A list item's marker, opening its first line."""
LISTS = ("bullet_list", "ordered_list")
"""The types of a list's node in the tree."""
_NO_NOTE = "has no note in this file: add one below it (`[^label]: …`), or delete the reference"
_CONTAINER = regex(r"^(?P<indent>[ \t]*):{3,}[ \t]*(?P<info>\S(?:.*\S)?)?[ \t]*$")
"""A fenced div's line (Pandoc, Quarto, VuePress, Docusaurus): ``::: {.callout-tip}``, ``::: details
Answer``, ``:::note[Title]`` open one; ``:::`` alone closes it. Its words end at their last non-space,
read in one pass (looked for at each space of a long run, 10,000 took 0.4 s)."""
_CONTAINER_INFO = regex(
    r"^(?:\{(?P<attributes>[^}]*)\}|(?P<kind>[\w-]+)(?:\[(?P<bracketed>[^\]]*)\])?)[ \t]*(?P<title>.*)$"
)
_DIRECTIVE = regex(r"[A-Za-z][\w:-]*")
"""A MyST directive's name: ``note``, ``prf:definition`` (in a fenced div's braces, ``{note}``)."""
_DIRECTIVE_OPTION = regex(r"[ \t]*:[\w-]+:(?:[ \t].*)?")
"""A MyST directive's option line: ``:class: dropdown``, ``:label: def-group``."""
_MYST_ADMONITIONS = frozenset({"admonition", "seealso", "dropdown", "margin", "sidebar", "topic", "toggle"})
"""MyST's (and sphinx-design's) directives of notes beside the callouts' kinds: what they hold is notes."""
_MYST_KINDS = {"admonition": "note", "dropdown": "details"}
"""The callouts MyST's titled admonition and sphinx-design's dropdown are (``{dropdown} Answer`` folds)."""
_ANSWER_KINDS = ("solution", "answer")
"""Fenced divs of these classes (``::: {.solution}``) hold the answer to what is asked above them."""
_FOLDING_DIRECTIVES = {"solution": "Solution", "toggle": ""}
"""Directives that fold what they hold away, an exercise's answer (sphinx-exercise's ``{solution}
ex-energy``, whose words name the exercise; sphinx-togglebutton's ``{toggle}``), by their callout's title."""
_ANSWER_TITLE = regex(r"(?i)(?:show\s+|click\s+for\s+)?(?:the\s+)?(?:answers?|solutions?)\W*")
"""A MyST directive's title naming the answer it holds: it is the answer's callout; any other directive
of notes holds notes as they are written outside it."""
_DIRECTIVE_INFO = regex(rf"\{{(?P<directive>{_DIRECTIVE.pattern})\}}[ \t]*(?P<title>.*)")
"""A fence's info that names a MyST directive: ```` ```{note} ````, ```` ```{prf:definition} Group ````."""
_CALLOUT_KINDS = frozenset({
    "note", "tip", "info", "warning", "caution", "danger", "important", "details", "question", "answer",
    "hint", "solution", "exercise", "example", "success", "failure", "bug", "quote", "abstract", "summary",
    "todo", "attention", "error", "check", "faq", "help",
})  # fmt: skip
"""The kinds of fenced div that are callouts (Pandoc's and Quarto's ``callout-*`` too); any other
(``columns``, ``content-visible``, ``panel-tabset``) only lays out what it holds."""
_HEADING_LINE = regex(r"^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$")
_ADMONITION = regex(
    r"^(?P<indent> {0,3})(?P<marker>!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]+)(?:[ \t]+[\w-]+)*"
    r'(?:[ \t]+"(?P<title>[^"]*)")?[ \t]*$'
)
"""A MkDocs admonition's first line: ``!!! note "Title"``, ``??? question "Which …?"``, ``???+ tip``."""
_CONTENT_TAB = regex(r'^(?P<indent> {0,3})===[!+]?[ \t]+"(?P<title>[^"\n]*)"[ \t]*$')
"""A MkDocs content tab's first line: ``=== "Amazon EC2"`` (``===!`` and ``===+`` choose the tab shown)."""
_SITE_BLOCK = regex(
    r"^[ \t]*(?:\{%\s*(?P<hint>hint|endhint|tabs|endtabs|tab|endtab)\b"
    r"(?:\s+(?:style|title)=\"(?P<named>[^\"\n]*)\")?\s*%\}"
    r"|<(?P<aside>/?aside)>|<(?P<tabs>/?Tabs)\b[^>\n]*>|<(?P<item>/?TabItem)\b(?P<attributes>[^>\n]*)>"
    r"|<(?P<quiz>/?quiz)\b[^>\n]*>"
    r"|\{\{[%<]\s*(?P<hugo>/?(?:notice|hint|expand|details|spoiler))\b"
    r"(?:\s+(?:style=)?\"?(?P<argument>[\w-]+)\"?)?(?:\s+(?:title=)?\"(?P<quoted>[^\"\n]*)\")?"
    r"(?:\s+[\w-]+=(?:\"[^\"\n]*\"|[\w.-]+))*\s*[%>]\}\}|\{\{[%<]\s*(?P<wrapper>/?[\w-]+)\s*[%>]\}\})"
    r"[ \t]*$",
    re.M,
)
"""A line that opens or closes a block as other sites write them: GitBook's ``{% hint style="info" %}``
and ``{% tab title="…" %}``, Notion's ``<aside>``, Docusaurus' ``<TabItem label="…">``, Hugo's
``{{% notice tip "Title" %}}`` (or ``style="tip" title="…"``), ``{{% expand "…" %}}`` and ``{{% details
title="…" open=false %}}`` (folded; and their closing lines), and any other Hugo shortcode of no
arguments, which only wraps what it holds (``{{< quizdown >}}``), as mkdocs-quiz's ``<quiz>`` does (its
``</quiz>`` a rule)."""
_BULLETED_TOPIC = regex(r"^[-*][ \t]+(?P<topic>\((?i:exam topic) \d+\)[ \t]*$)")
_BLOCK_PROPERTY = regex(r"[ \t]+[a-z][\w.-]*:: \S.*")
"""A Logseq block property, indented under its bullet: ``  type:: service``, ``  logseq.order-list-type::
number``."""
_DUMP_NUMBER = regex(r"(?i:(?:new\s+)?question)\s*(?:no\.?\s*)?[:#]?\s*\d+")
"""The line a dump's ``- (Exam Topic 1)`` is pasted under: ``NEW QUESTION 12``, ``QUESTION NO: 5``."""
_LOGSEQ_CLOZE = regex(_CODE_KEPT + r"|\{\{cloze\s+(?P<hidden>[^{}\n]+?)\s*\}\}")
"""A Logseq cloze, ``{{cloze Amazon S3}}``, or a code span (where it is code)."""
_LABEL_ATTRIBUTE = regex(r"\b(?P<name>label|value)=[\"'{]+(?P<label>[^\"'}]*)")
"""A Docusaurus tab's ``label="…"`` or ``value="…"``."""


@cache
def _markdown() -> MarkdownIt:
    """CommonMark + GFM tables; front matter and ``{#pinned-id}`` block attributes; Obsidian's picture
    embeds, so a paragraph of them is one of pictures; no math plugin, so ``$…$`` stays plain text."""
    return (
        MarkdownIt("commonmark", {**OFF_BY_DEFAULT, "maxNesting": MAX_NESTING})
        .enable("table")
        .use(front_matter_plugin)
        .use(attrs_block_plugin)
        .use(embeds_plugin)
        .use(bracket_runs_plugin)
    )


@dataclass(frozen=True, slots=True)
class Block:
    """A top-level block of a file, with the headings above it (below the part's H1)."""

    node: Node
    section: tuple[str, ...]
    heading: Node | None
    """The nearest heading above the block (the H1 included), or ``None``."""


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed notes file. Lines are the file's own; ``node.map`` indexes them (front matter included)."""

    path: str
    """Path relative to the notes folder, ``/``-separated."""
    lines: tuple[str, ...]
    root: Node
    nodes: tuple[Node, ...]
    """Every node of the tree outside inline text (blocks and ``inline`` nodes), depth first."""
    front_matter: dict[str, str]
    part: str
    blocks: tuple[Block, ...]
    problems: tuple[Problem, ...]
    """A value of the front matter that ccpkit reads but YAML would not (``module_title: [oops``)."""
    inka_sections: tuple[InkaSection, ...] = ()
    """The file's sections of inka's cards (``---`` over ``Deck: …``): their items are notes to Anki."""
    quiz_questions: frozenset[int] = frozenset()
    """The lines (0-based) of quizdown's question headings: each asks, with a ``?`` or without."""

    def quizzed(self, node: Node) -> bool:
        """Whether ``node`` is one of quizdown's question headings."""
        return node.type == "heading" and node.map is not None and node.map[0] in self.quiz_questions

    def line_of(self, node: Node) -> int:
        """1-based line where ``node`` starts (cells have no map of their own: use their row)."""
        return node.line

    def written(self, node: Node) -> str:
        """A block as the author wrote it: a paragraph's own text (without the list marker that may
        share its first line), any other block's source."""
        return node.children[0].content if node.type == "paragraph" else self.source(node)

    def source(self, node: Node) -> str:
        """The Markdown source of a block, dedented to the block's own indentation, blank ends trimmed;
        an indented code block as a fenced one, since dedented it would read as prose."""
        if node.type == "code_block":
            return f"```\n{node.content.rstrip()}\n```"
        if node.map is None:
            return node.content
        start, end = node.map
        lines = list(self.lines[start:end])
        while lines and not lines[-1].strip():
            lines.pop()
        if any(line.lstrip().startswith(">") for line in lines):
            lines = _out_of_quotes(lines, own=node.type == "blockquote")
        indent = min((len(x) - len(x.lstrip()) for x in lines if x.strip()), default=0)
        return "\n".join(line[indent:] for line in lines)


def _out_of_quotes(lines: list[str], *, own: bool) -> list[str]:
    """A quoted block's lines without the ``>`` marks of the quotes around it (the least every line
    has, less the block's own if ``own``): a list in a callout reads as a list."""
    depths = [line[: len(line) - len(line.lstrip(" \t>"))].count(">") for line in lines if line.strip()]
    around = min(depths, default=0) - own
    if around <= 0:
        return lines
    return [re.sub(rf"^[ \t]*(?:>[ \t]?){{{around}}}", "", line) for line in lines]


def parse_document(path: str, text: str) -> Document:
    """Parse one file's text; the part title is its first H1, else its front matter's ``part`` or
    ``title`` (as Obsidian, Jekyll and Hugo write it), else the file name."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    found: dict[str, Any] = {}
    if text.startswith("+++"):
        text = _toml_front_matter_as_yaml(text)
    titled, text = _without_title_block(text)
    if text.startswith("---") and "Deck:" in text:
        text = section_not_front_matter(text)
    tokens = _markdown().parse(text, found)
    if "<table" in text or "<TABLE" in text:
        text, tokens = _with_markdown_tables(text, tokens)
    if "<dl" in text or "<DL" in text:
        text, tokens = _reparsed(text, tokens, markdown_definition_lists(text, _code_lines(tokens)))
    quiz_questions: frozenset[int] = frozenset()
    sequences: list[int] = []
    if "quizdown" in text:  # before the sites' blocks, which drop a shortcode's lines
        quiz_questions, sequences = _quizdown_headings(text, tokens)
        text, tokens = _reparsed(text, tokens, _quizdown_hints(text, tokens))
    if ("<" in text or "{%" in text or "{{" in text) and _SITE_BLOCK.search(text):  # what each opens with
        text, tokens = _site_blocks(text, tokens)
    if mentions_html_headings(text):
        text, tokens = _rewritten(text, tokens, html_heading)
    if "<?quiz?>" in text or "quiz-start" in text:
        text, tokens = _reparsed(text, tokens, _quiz_fields(text, _code_lines(tokens)))
    if "<!--" in text:
        text, tokens = _hidden_keys_shown(text, tokens)
    if mentions_inline_html(text):
        text, tokens = _rewritten(text, tokens, html_as_markdown)
    if "<p" in text or "<P" in text:
        text, tokens = _html_paragraphs_as_text(text, tokens)
    if "( )" in text:
        text, tokens = _reparsed(text, tokens, radios_as_boxes(text, _code_lines(tokens)))
    if "\u2610" in text:  # an empty ballot box: lines of them may be a question's options
        text, tokens = _reparsed(text, tokens, glyph_boxes_as_tasks(text, _code_lines(tokens)))
    if answers_by_mark(text):
        text, tokens = _reparsed(text, tokens, marks_as_letters(text, _code_lines(tokens)))
    if _may_hold_pasted_bullets(text) and _PASTED_BULLET.search(text):
        text, tokens = _rewritten(text, tokens, _as_list_item)
    if "****" in text or "]{" in text or any(toggle in text for toggle in _TOGGLES):
        text, tokens = _rewritten(text, tokens, _export_marks_undone)
    if _BOLD_LEFT_OPEN.search(text) and _BOLD_TERM_UNCLOSED.search(text):
        text, tokens = _rewritten(text, tokens, _bold_term_closed)
    if "{{cloze" in text or ("::" in text and _NUMBERED_CLOZE_OPENING.search(text)):
        text, tokens = _rewritten(text, tokens, _as_anki_clozes)
    inka: tuple[InkaSection, ...] = ()
    if "Deck:" in text:
        inka = inka_sections(text.split("\n"), _code_lines(tokens))
        text, tokens = _reparsed(text, tokens, inka_clozes(text, inka, _code_lines(tokens)))
    if "(Exam Topic" in text:
        text, tokens = _rewritten(text, tokens, _exam_topic_unbulleted)
    if ">!" in text:
        text, tokens = _rewritten(text, tokens, _spoiler_unquoted)
    if ":: " in text:
        text, tokens = _reparsed(text, tokens, _property_cards(text, _code_lines(tokens)))
        text, tokens = _rewritten(text, tokens, _without_block_properties)
    if _QUOTE_OVER_HEADING.search(text) and _QUOTED_SOLUTION.search(text):
        text, tokens = _rewritten(text, tokens, _solution_callout)
    if "!!!" in text or "???" in text or '=== "' in text:
        text, tokens = _mkdocs_blocks(text, tokens)
    solved = _solutions_by_label(text) if "{solution" in text else {}
    if "```{" in text or "~~~{" in text:
        text, tokens = _directive_fences(text, tokens)
    if "admonish" in text:
        text, tokens = _admonish_fences(text, tokens)
    if "quizdown" in text:
        text, tokens = _reparsed(text, tokens, _quizdown_unfenced(text, tokens))
    if "///" in text:
        text, tokens = _reparsed(text, tokens, _pymdown_blocks(text, _code_lines(tokens)))
    if ":::" in text:
        text, tokens = _containers_as_callouts(text, tokens)
    # a listed heading's marks follow a space or a tab: a file of none is passed over at once
    if (" ##" in text or "\t##" in text) and len(_LISTED_HEADING.findall(text)) >= _LISTED_HEADINGS:
        text, tokens = _reparsed(text, tokens, _headings_out_of_lists(text, _code_lines(tokens)))
    if (" #" in text or "\t#" in text) and _MAY_BE_A_HEADING_BULLET.search(text):
        text, tokens = _reparsed(text, tokens, _outline_headings(text, _code_lines(tokens)))
    if "\\begin{definition}" in text:
        text, tokens = _reparsed(
            text, tokens, "\n".join(latex_definitions(text.split("\n"), _code_lines(tokens)))
        )
    if _MAY_HOLD_SHORTCODES.search(text):  # after the sites' blocks: their bodies are no code
        text, tokens = _rewritten(text, tokens, shortcodes(text))
    unended: list[tuple[int, str]] = []
    if "<!--" in text:
        unended = list(unended_card_starts(text, tokens))
        text, tokens = _without_comments(text, tokens)
    if "<" in text and _WRAPPER_LINE.search(text):  # a tag's `<` opens each such line
        text, tokens = _rewritten(text, tokens, _without_wrapper)
    if "></" in text:
        text, tokens = _rewritten(text, tokens, _without_empty_anchors)
    if _TOC_LINE.search(text):
        text, tokens = _rewritten(text, tokens, _without_toc)
    if "){" in text:
        text, tokens = _rewritten(text, tokens, _without_link_attributes)
    if "((" in text and _BLOCK_REFERENCE.search(text):
        text, tokens = _rewritten(text, tokens, _without_block_references)
    if "\ntype_: " in text and (joplin := _joplin_metadata_lines(text.split("\n"), _code_lines(tokens))):
        text, tokens = _reparsed(text, tokens, _blanked_lines(text, joplin))
    if _WORTH_OPENING.search(text) and _WORTH.search(text):
        text, tokens = _rewritten(text, tokens, _without_worth)
    spoken: list[int] = []
    if is_deck(text) and MAY_HOLD_SPEAKER_NOTES.search(text):
        spoken = speaker_note_lines(text.split("\n"), _code_lines(tokens))
        text, tokens = _reparsed(text, tokens, _blanked_lines(text, spoken))
    paged: list[int] = []
    if MAY_HOLD_PAGE_MARKS.search(text) and (
        paged := page_mark_lines(text.split("\n"), _code_lines(tokens), _code_lines(tokens, ("fence",)))
    ):
        first_mark = text.split("\n")[paged[0]].strip()
        text, tokens = _reparsed(text, tokens, _blanked_lines(text, paged))
    if "<details" in text:
        text, tokens = _details_over_summaries(text, tokens)
    if "{:" in text or ("{" in text and _HEADING_ATTRIBUTES.search(text)):
        text, tokens = _rewritten(text, tokens, _without_attribute_lists)
    if "%%" in text and not _SIDES_LINE.search(text):
        text, tokens = _without_obsidian_comments(text, tokens)
    if "<%" in text and _TEMPLATER.search(text):
        text, tokens = _without_templater(text, tokens)
    if SUPERSCRIPT_MARK.search(text):
        text, tokens = _reparsed(text, tokens, without_superscript_marks(text, tokens))
    unknown: tuple[tuple[int, str], ...] = ()
    if "^" in text:
        footnotes = inline_footnotes(text, tokens)
        if footnotes.text != text:
            found = {}  # the references of the text as it is now
            text, tokens = footnotes.text, _markdown().parse(footnotes.text, found)
        unknown = footnotes.unknown
    if found.get("references"):
        inlined = inline_references(text, tokens, found["references"])
        text, tokens = _reparsed(text, tokens, inlined)
    root, nodes = build_tree(_solutions_under_exercises(tokens, solved) if solved else tokens)
    lines = tuple(text.split("\n"))
    yaml = _front_matter(root)
    front = FrontMatter({**titled.values, **yaml.values}, yaml.mistakes, titled.unread + yaml.unread)
    blocks = tuple(_blocks(root))
    heading = next((title_of(b.node) for b in blocks if _is_h1(b.node)), "")
    part = heading or front.values.get("part", "") or front.values.get("title", "") or page_title(lines)
    problems = (
        tuple(Problem(SourceLocation(path=path, line=line), message) for line, message in front.mistakes)
        + tuple(
            Problem(SourceLocation(path=path, line=line), f"footnote [^{label}] {_NO_NOTE}", "warning")
            for line, label in unknown
        )
        + tuple(
            Problem(SourceLocation(path=path, line=line), message, "warning")
            for line, message in front.unread
        )
    )
    problems += tuple(
        Problem(SourceLocation(path=path, line=line + 1), _SEQUENCE_LEFT_OUT, "warning") for line in sequences
    )
    problems += tuple(
        Problem(SourceLocation(path=path, line=line + 1), UNENDED.format(where=where), "warning")
        for line, where in unended
    )
    if spoken:
        said = SPEAKER_NOTES_LEFT_OUT.format(count=len(spoken))
        problems += (Problem(SourceLocation(path=path, line=spoken[0] + 1), said, "info"),)
    if paged:
        left_out = PAGE_MARKS_LEFT_OUT.format(count=len(paged), first=first_mark)
        problems += (Problem(SourceLocation(path=path, line=paged[0] + 1), left_out, "warning"),)
    if (lost := _swallowed(tokens, lines)) is not None:
        problems += (Problem(SourceLocation(path=path, line=lost + 1), _TOO_DEEP),)
    title = part or _title_from_name(path)
    return Document(path, lines, root, nodes, front.values, title, blocks, problems, inka, quiz_questions)


def _swallowed(tokens: list[Token], lines: tuple[str, ...]) -> int | None:
    """The first line at the margin that a list or quote nested as deep as Markdown reads took in
    unread (``## After`` under a list nested fifty levels deep); ``None`` if none."""
    for deepest in tokens:
        if deepest.level >= MAX_NESTING - 1 and deepest.type in _NESTS and deepest.map is not None:
            start, end = deepest.map  # a quote that deep may take in nothing, a list after it does
            margin = (at for at in range(start + 1, end) if lines[at][:1] not in ("", " ", "\t", ">"))
            if (lost := next(margin, None)) is not None:
                return lost
    return None


_NESTS = ("list_item_open", "blockquote_open")
"""Tokens whose content is one level further in: at the deepest level, markdown-it-py reads none of it."""
_TOO_DEEP = (
    f"this line and those below it are left out: a list above nests {MAX_NESTING // 2} levels deep (or "
    f"a quote {MAX_NESTING}), where Markdown stops reading and takes the rest of its outermost block "
    "in with it; nest it less deeply"
)


_WRAPPER_LINE = regex(
    r"^</?(?i:div|section|article|main|aside|header|footer|nav|center|v-clicks?|v-after)\b[^<>\n]*>[ \t]*$",
    re.M,
)
"""A line at the margin that only opens or closes an HTML box around notes (``<div class="question"
markdown="1">``, ``</div>``), as sites' quiz pages wrap each question, or Slidev's ``<v-click>`` that
shows what it wraps on a click (a question's answer): layout, no part of a question or its answer."""


_EMPTY_ANCHOR = regex(
    _CODE_KEPT + r"|(?:^|(?<=\s))<(?P<tag>span|a)\b(?=[^<>\n]*\b(?:id|name)=)[^<>\n]*>[ \t]*</(?P=tag)>[ \t]*"
    r"|<(?P<inner>span|a)\b(?=[^<>\n]*\b(?:id|name)=)[^<>\n]*>[ \t]*</(?P=inner)>",
    re.I,
)
"""An empty anchor, a place for links to point at (``<span id="page-14-0"></span>`` that Marker writes
before a paragraph or in a heading, ``<a id="intro"></a>``, ``<a name="q1"></a>``): no word of the notes.
Spaces after one opening a line or a word go with it; a code span is kept as it is."""


def _without_empty_anchors(line: str, above: str) -> str:
    """A line without its empty anchors; one of nothing else is blank between blocks only (a blank
    line above it), as a wrapper's (``_without_wrapper``): blanking it inside a paragraph would cut it."""
    kept = _EMPTY_ANCHOR.sub(_code_kept, line)
    return kept if kept.strip() or not above.strip() else line


_TOC_LINE = regex(r"^[ \t]*(?:\[toc\]|\[\[_?toc_?\]\])[ \t]*$", re.M | re.I)
"""A line that asks the editor for a table of contents there: Typora's ``[toc]``, ``[TOC]``,
``[[toc]]``, GitLab's ``[[_TOC_]]``."""


def _without_toc(line: str, _above: str) -> str:
    """A table of contents' mark as a blank line: the editor lists the headings there, no notes."""
    return "" if _TOC_LINE.fullmatch(line) else line


_UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
_BLOCK_REFERENCE = regex(
    _CODE_KEPT + rf"|(?<![ \t])[ \t]*(?:\(\({_UUID}\)\)|\{{\{{embed[ \t]+\(\({_UUID}\)\)[ \t]*\}}\}})"
)
"""Logseq's reference to another block, ``((64f1a2b3-0c4d-4e5f-8a9b-1c2d3e4f5a6b))`` (or its embed,
``{{embed ((…))}}``), with the spaces before it; or a code span (kept)."""


def _without_block_references(line: str, _above: str) -> str:
    """A line without Logseq's references to other blocks: Logseq shows the block referred to, which an
    export cannot find, and a raw id is no words of the notes."""
    return _BLOCK_REFERENCE.sub(_code_kept, line)


_LINK_ATTRIBUTE = r"(?:[.#][A-Za-z_-][\w-]*|[\w-]+=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s}\"'{]+))"
"""One attribute of a picture or a link: ``.external``, ``#fig1``, ``width="4.5in"``, ``width=50%`` (a
value unquoted stops at a brace: read from each ``{`` it would read the rest of the line again)."""
_LINK_ATTRIBUTES = regex(
    _CODE_KEPT
    + rf"|(?<=\]\()(?P<target>[^()\s]*)\)\{{[ \t]*{_LINK_ATTRIBUTE}(?:[ \t]+{_LINK_ATTRIBUTE})*[ \t]*\}}"
)
"""A picture's or a link's attributes as Pandoc writes them after it (``![](media/image1.png){width="4.5in"
height="2.1in"}``, ``[site](https://…){.external}``), or a code span (kept)."""


def _without_link_attributes(line: str, _above: str) -> str:
    """A line without the attributes after its pictures and links: how a page sizes or styles them,
    no words of the notes."""
    return _LINK_ATTRIBUTES.sub(_target_kept, line) if "){" in line else line


def _target_kept(found: re.Match[str]) -> str:
    """A code span as it is; a link's or picture's target with its bracket, its attributes gone."""
    return found[0] if found["code"] else f"{found['target']})"


_JOPLIN_ID = regex(r"id: [0-9a-f]{32}")
_JOPLIN_TYPE = regex(r"type_: \d{1,2}")
_JOPLIN_FIELD = regex(r"[a-z][a-z_]*:(?: .*)?")


def _joplin_metadata_lines(lines: Sequence[str], code: Container[int]) -> range:
    """The lines of the block Joplin's RAW export ends a note with (``id: 0f3c…`` over ``created_time:
    …`` down to ``type_: 1``): the app's record of the note, no words of it. Empty if the file ends
    otherwise."""
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    if not end or end - 1 in code or not _JOPLIN_TYPE.fullmatch(lines[end - 1]):
        return range(0)
    start = end - 1
    while start and _JOPLIN_FIELD.fullmatch(lines[start - 1]):
        start -= 1
    return range(start, end) if _JOPLIN_ID.fullmatch(lines[start]) else range(0)


def _without_worth(line: str, _above: str) -> str:
    """A question's line without what it is worth at its end (``What is …? [1 mark]``, ``Define ….
    (2 marks)``), as past papers write it: no part of the question, nor of a card's front."""
    return _WORTH.sub(_bold_kept, line)


def _bold_kept(found: re.Match[str]) -> str:
    """What of the worth is kept: the bold mark that closes the question around or before it
    (``**What …? [1 mark]**``, ``**What …?** [1 mark]``), not the worth's own bold (``**[4 marks]**``).
    After a ``.`` or ``:`` only ``2 marks`` or a bold ``**[2]**`` is worth (``Define …. [2]`` may cite a
    reference)."""
    if (
        found.string[found.start() - 1] in ".:"
        and not found["unit"]
        and not (found["open"] and found["after"])
    ):
        return found[0]
    return (found["close"] or "") + ("" if found["open"] else found["after"] or "")


_WORTH = regex(
    r"(?<=[?\uff1f.:])(?P<close>\*\*|__)?[ \t]*(?P<open>\*\*|__)?[\[(][ \t]*\d{1,2}"
    r"(?P<unit>[ \t]*(?i:marks?|pts?\.?|points?))?[ \t]*[\])](?P<after>\*\*|__)?[ \t]*$",
    re.M,
)
_WORTH_OPENING = regex(r"[?\uff1f.:](?:\*\*|__)?[ \t]*(?:\*\*|__)?[\[(][ \t]*\d")
"""What every ``_WORTH`` holds, from the character its lookbehind reads to its first digit: looked for
alone, it passes over a file of none six times as fast (``_WORTH`` tries both lookbehinds everywhere)."""


def _without_wrapper(line: str, above: str) -> str:
    """Blank between blocks (a blank line above it); inside a paragraph or an item its box styles it."""
    return "" if not above.strip() and _WRAPPER_LINE.match(line) else line


def _blanked_lines(text: str, numbers: Container[int]) -> str:
    """The text with those lines blank: each other line keeps its number."""
    return "\n".join("" if number in numbers else line for number, line in enumerate(text.split("\n")))


def _reparsed(text: str, tokens: list[Token], changed: str) -> tuple[str, list[Token]]:
    """``changed`` and its tokens, parsed anew; ``text`` and its ``tokens`` as they are if it is the same."""
    return (changed, _markdown().parse(changed)) if changed != text else (text, tokens)


def _with_markdown_tables(text: str, tokens: list[Token]) -> tuple[str, list[Token]]:
    """The text with its HTML tables written as Markdown tables (``markdown_tables``), and its tokens."""
    converted = markdown_tables(text, _code_lines(tokens))
    return _reparsed(text, tokens, converted)


_PASTED_BULLETS = "\u2022\u25aa\u25e6\u2219\u27a2\u2023\u2043"
_PASTED_BULLET = regex(
    rf"^(?P<indent>[ \t]*)(?:[{_PASTED_BULLETS}][ \t\u00a0]|-\u00a0|\\[-*][ \t]"
    r"|(?P<number>\d{1,3})\\\.[ \t])[ \t\u00a0]*(?=\S)",
    re.M,
)
"""A bullet pasted from a word processor or a PDF (``•``, ``▪``, ``◦``, ``∙``, ``➢``; ``-`` before a
no-break space), or one an exporter escaped (``\\-``, ``\\*``, ``1\\.``): a Markdown list item, as the
author meant it."""


def _may_hold_pasted_bullets(text: str) -> bool:
    """Whether ``text`` holds what every ``_PASTED_BULLET`` does, one of its bullets, a no-break space or a
    backslash: most files hold none, found at once where ``_PASTED_BULLET`` is tried at each line."""
    return "\\" in text or "\u00a0" in text or any(bullet in text for bullet in _PASTED_BULLETS)


_BOLD_TERM_UNCLOSED = regex(
    r"^(?P<start>[ \t]*(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+)?)\*\*(?P<term>[^*\n]*[^*\s])"
    r":(?:[ \t]+\*\*|\*\*(?=\w))",
    re.M,
)
"""A bold term whose bold Markdown does not close: its closing ``**`` after a space (``**Alkane: **a …``,
as Google Docs exports it) or right before a word (``**Alkane:**a …``)."""
_BOLD_LEFT_OPEN = regex(r":(?:[ \t]+\*\*|\*\*(?=\w))")
"""How every ``_BOLD_TERM_UNCLOSED`` ends: found at once or not at all, where ``_BOLD_TERM_UNCLOSED`` is
tried at each line of a file."""


_SPLIT_BOLD = regex(_CODE_KEPT + r"|(?<=\w)\*\*\*\*(?=\w)")
"""Bold closed and opened again inside a word (``**Infl****ation**``), as Google Docs exports bold split
across runs of text: one bold word; or a code span (kept)."""
_PANDOC_SPAN = regex(_CODE_KEPT + r"|(?<![!\]\\])\[(?P<words>[^\[\]\n]+)\]\{[.#][^{}\n]*\}")
"""A Pandoc span, words in brackets and their attributes (``[Alcohol]{.underline}``, as Pandoc writes
a Word document's underline): its words, as the page shows them; or a code span (kept)."""
_TOGGLES = "\u25b8\u25b6\u25ba"
_TOGGLE = regex(rf"^(?P<start>[ \t]*(?:[-*+][ \t]+)?)[{_TOGGLES}][ \t]+(?=\S)")
"""A toggle's triangle opening a line or its bullet (``- ▸ What cells make antibodies?``), as Notion
exports a toggle: a control on the page, no word of the note."""


def _export_marks_undone(line: str, _above: str) -> str:
    """A line without what an editor's export added around its words (``_SPLIT_BOLD``,
    ``_PANDOC_SPAN``, ``_TOGGLE``)."""
    if "****" in line:
        line = _SPLIT_BOLD.sub(_code_kept, line)
    if "]{" in line:
        line = _PANDOC_SPAN.sub(_span_words, line)
    return _TOGGLE.sub(r"\g<start>", line, count=1)


def _span_words(found: re.Match[str]) -> str:
    return found[0] if found["code"] else found["words"]


def _bold_term_closed(line: str, _above: str) -> str:
    return _BOLD_TERM_UNCLOSED.sub(r"\g<start>**\g<term>:** ", line, count=1)


def _without_title_block(text: str) -> tuple[FrontMatter, str]:
    """The pairs of the JSON front matter or the Pandoc or org-mode title block opening the text
    (``title_block``), and the text with its lines blank: they title the file and show no notes. Every
    line keeps its number."""
    if not text.startswith(("%", "#+", "{")):
        return FrontMatter({}, ()), text
    lines = text.split("\n")
    values, count = title_block(lines)
    return values, "\n".join([""] * count + lines[count:])


def _toml_front_matter_as_yaml(text: str) -> str:
    """Hugo's TOML front matter (``+++`` lines around ``title = "…"``) as the YAML front matter that is
    read: each ``key = value`` line as ``key: value``, a table's header a comment; every line kept."""
    lines = text.split("\n")
    end = next((number for number in range(1, len(lines)) if lines[number].strip() == "+++"), 0)
    if lines[0].strip() != "+++" or not end:
        return text
    inner = [_TOML_SETTING.sub(r"\g<key>: \g<value>", line) for line in lines[1:end]]
    inner = [line if _TOML_SETTING_AS_YAML.match(line) or not line.strip() else f"# {line}" for line in inner]
    return "\n".join(["---", *inner, "---", *lines[end + 1 :]])


_TOML_SETTING = regex(r"^(?P<key>[A-Za-z_][\w-]*)\s*=\s*(?P<value>.*)$")
_TOML_SETTING_AS_YAML = regex(r"^[A-Za-z_][\w-]*: ")


def _as_list_item(line: str, _above: str) -> str:
    return _PASTED_BULLET.sub(_list_marker, line, count=1)


def _list_marker(bullet: re.Match[str]) -> str:
    return f"{bullet['indent']}{bullet['number'] + '.' if bullet['number'] else '-'} "


def _rewritten(text: str, tokens: list[Token], rewrite: Callable[[str, str], str]) -> tuple[str, list[Token]]:
    """The text with each line outside code as ``rewrite`` makes it (from the line and the one above
    it), and its tokens. Every line keeps its number."""
    code = _code_lines(tokens)
    lines = text.split("\n")
    rewritten = [
        line if number in code else rewrite(line, lines[number - 1] if number else "")
        for number, line in enumerate(lines)
    ]
    return _reparsed(text, tokens, "\n".join(rewritten))


_NUMBERED_CLOZE = regex(_CODE_KEPT + r"|\{\{(?P<number>\d{1,2})::(?=[^}\n]*\}\})")
"""Mochi's numbered cloze, ``{{1::CBP}}`` (Anki writes ``{{c1::CBP}}``), or a code span (where it is code)."""
_NUMBERED_CLOZE_OPENING = regex(r"\{\{\d{1,2}::")


def _as_anki_number(found: re.Match[str]) -> str:
    return found[0] if found["code"] else f"{{{{c{found['number']}::"


def _as_anki_clozes(line: str, _above: str) -> str:
    """A line with Logseq's clozes (``{{cloze Amazon S3}}``) written as Anki's, one card hiding them
    all as Logseq asks them (``{{c1::Amazon S3}}``), and Mochi's numbered ones (``{{1::CBP}}``) as the
    same numbers' (``{{c1::CBP}}``); one in a code span is code."""
    line = _NUMBERED_CLOZE.sub(_as_anki_number, line) if "::" in line else line
    return _LOGSEQ_CLOZE.sub(_as_anki_cloze, line) if "{{cloze" in line else line


def _spoiler_unquoted(line: str, _above: str) -> str:
    """A line that is a Reddit spoiler alone (``>!443!<``), which Markdown reads as a quote of
    ``!443!<``, written as Discord's (``||443||``), the spoiler every rule reads."""
    return _SPOILER_LINE.sub(r"\g<indent>||\g<hidden>||", line)


_SPOILER_LINE = regex(r"^(?P<indent>[ \t]*)>!(?P<hidden>[^!\n]+)!<[ \t]*$")


def _exam_topic_unbulleted(line: str, above: str) -> str:
    """A dump's ``- (Exam Topic 1)`` line right under its question's number (a bullet only as its PDF
    is pasted) as a line of the question's paragraph: the number above then numbers the question."""
    return _BULLETED_TOPIC.sub(r"\g<topic>", line) if _DUMP_NUMBER.fullmatch(above.strip()) else line


def _property_cards(text: str, code: Container[int]) -> str:
    """Logseq blocks that are a card's two properties (``- term:: Negligence`` over ``definition::
    Failure to …``; ``front``/``back``, ``question``/``answer``, ``word``/``meaning``) written as the
    bold term they mean (``- **Negligence**: Failure to …``), the second line left blank. Every line keeps
    its number."""
    lines = text.split("\n")
    for number in range(len(lines) - 1):
        named = None if number in code else _NAMING_PROPERTY.fullmatch(lines[number])
        said = _SAYING_PROPERTY.fullmatch(lines[number + 1]) if named else None
        if named is not None and said is not None and number + 1 not in code:
            lines[number] = f"{named['bullet']}**{named['value'].strip()}**: {said['value'].strip()}"
            lines[number + 1] = ""
    return "\n".join(lines)


_NAMING_PROPERTY = regex(r"(?P<bullet>[ \t]*[-*+][ \t]+)(?i:term|front|question|word):: (?P<value>\S.*)")
_SAYING_PROPERTY = regex(r"[ \t]+(?i:definition|back|answer|meaning):: (?P<value>\S.*)")


def _without_block_properties(line: str, above: str) -> str:
    """A Logseq block's properties, ``type:: service`` lines right under its bullet's line (or under
    another such line), as no part of the block: blank, so every line keeps its number."""
    if _BLOCK_PROPERTY.fullmatch(line) and (LIST_MARKER.match(above) or _BLOCK_PROPERTY.fullmatch(above)):
        return ""
    return line


def _as_anki_cloze(found: re.Match[str]) -> str:
    return found[0] if found["code"] else f"{{{{c1::{found['hidden']}}}}}"


def _site_blocks(text: str, tokens: list[Token]) -> tuple[str, list[Token]]:
    """The text with other sites' blocks (``_SITE_BLOCK``) written as the fenced divs and content tabs
    they mean, for the steps after this one: a hint, an aside or a notice is a callout (``::: info``),
    an expand a folded one (``::: details Show answer``), a tab a content tab (``=== "Amazon EC2"``
    over its body, indented). What is in code is code; every line keeps its number."""
    code = _code_lines(tokens)
    lines = text.split("\n")
    in_tab, open_blocks = False, 0
    quiz: bool | None = None  # in a `<quiz>`: whether its answers were listed yet
    closed = _last_quiz_end(lines, code)
    for number, line in enumerate(lines):
        found = None if number in code else _SITE_BLOCK.match(line)
        if quiz is not None and found is None and number not in code:
            quiz = quiz or _QUIZ_ANSWER.match(line) is not None
            if quiz and _RULE_LINE.fullmatch(line) and number:  # a rule, or a heading's underline
                line, lines[number - 1] = "", _underlined_as_words(lines[number - 1], line)
            line = _heading_as_words(line) if quiz else line
        if found is None:
            lines[number] = f"    {line}" if in_tab and line.strip() else line
            continue
        tag = found["hint"] or found["aside"] or found["tabs"] or found["item"] or found["hugo"] or ""
        closing = tag.startswith(("/", "end"))
        opened = tag.lstrip("/").removeprefix("end")
        if opened in ("tab", "TabItem"):
            named = found["named"] or _label(found["attributes"] or "")
            lines[number], in_tab = ("", False) if closing else (f'=== "{named}"', True)
        elif found["quiz"]:  # a quiz's end ends its explanation: a rule, as between questions
            ended = found["quiz"].startswith("/")
            lines[number], quiz = ("***", None) if ended else ("", False if number < closed else None)
        elif opened in ("tabs", "Tabs") or found["wrapper"]:
            lines[number] = ""
        elif closing and open_blocks:  # a closing line of no block opened here stays as written
            lines[number], open_blocks = ":::", open_blocks - 1
        elif not closing:  # `hint style="info"`, `aside`, `notice tip "Title"`, `expand "Show answer"`
            folds = opened in ("expand", "details", "spoiler")  # `details title="Answer"` too
            kind = "details" if folds else found["named"] or found["argument"] or "note"
            title = found["quoted"] or (found["argument"] if folds else "") or ""
            lines[number], open_blocks = f"::: {kind} {title}".rstrip(), open_blocks + 1
    converted = "\n".join(lines)
    return _reparsed(text, tokens, converted)


_QUIZ_ANSWER = regex(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX]\]")
"""An answer of a ``<quiz>`` or of quizdown's: ``- [x] Two``, ``1. [ ] One``."""


def _last_quiz_end(lines: list[str], code: Container[int]) -> int:
    """The line of the last ``</quiz>`` outside code; -1 for none. A ``<quiz>`` after it is never
    closed, so the headings after it stay sections of the notes."""
    ends = (
        number
        for number, line in enumerate(lines)
        if "</quiz" in line and number not in code and (found := _SITE_BLOCK.match(line)) and found["quiz"]
    )
    return max(ends, default=-1)


_RULE_LINE = regex(r" {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)")
"""A rule (``---``, ``* * *``) or a heading's underline (``=====``): in a quiz's content, neither ends it."""


def _underlined_as_words(above: str, underline: str) -> str:
    """The line over a heading's underline in a quiz's content (``Why clay holds water`` over
    ``-----``), as the bold words it shows there; any other line (a rule's) as it is."""
    setext = above.strip() and not _NOT_HEADING_TEXT.match(above) and underline.strip()[0] in "-="
    return f"**{above.strip()}**" if setext else above


_NOT_HEADING_TEXT = regex(r" {0,3}(?:[-*+>#|]|\d{1,9}[.)]|`{3}|~{3}|<)")
"""A line no underline makes a heading of: a list item, a quote, a heading, a table row, code, HTML."""


def _heading_as_words(line: str) -> str:
    """A heading in a quiz's content, after its answers (``## Why two bulges``), as the bold words it
    shows there: part of what explains the question, no section of the notes that ends it."""
    heading = _HEADING_LINE.match(line)
    return f"**{heading[1]}**" if heading else line


_QUIZ_FIELD = regex(
    r"^[ \t]*(?:quiz-)?(?P<name>question|answer-correct|answer|content):[ \t]*(?P<value>.*)$", re.I
)
_QUIZ_OPENING = ("<?quiz?>", "quiz-start")
_QUIZ_CLOSING = ("<?/quiz?>", "quiz-end")


def _quiz_fields(text: str, code: Container[int]) -> str:
    """The text with mkdocs-quiz's first blocks (``<?quiz?>``, then ``question: …``, ``answer-correct:
    …``, ``answer: …`` and ``content:`` over what explains it, up to ``<?/quiz?>``; or its oldest
    ``quiz-start`` over ``quiz-question: …`` … up to ``quiz-end``) written as a question over its
    checkboxes: ``- [x] …`` for the right answers, ``- [ ] …`` for the others, and its content's HTML
    as the text it shows. Every line keeps its number."""
    lines = text.split("\n")
    opened: int | None = None
    content: int | None = None
    closings = [number for number, line in enumerate(lines) if line.strip() in _QUIZ_CLOSING]
    last = max((number for number in closings if number not in code), default=-1)
    for number, line in enumerate(lines):
        if number in code:
            continue
        if line.strip() in _QUIZ_OPENING and number < last:  # one no closing line follows opens none
            opened, content = number, None
            lines[number] = "***"  # a rule before each: its content may be HTML
        elif line.strip() in _QUIZ_CLOSING and opened is not None:
            if content is not None:
                lines[content:number] = _labelled_content(lines[content:number])
            lines[number], opened = "***", None  # its end ends its explanation, as `</quiz>` does
        elif opened is not None and (field := _QUIZ_FIELD.match(line)) is not None:
            name = field["name"].lower()
            box = {"answer-correct": "- [x] ", "answer": "- [ ] "}.get(name, "")
            lines[number] = f"{box}{field['value']}"
            content = number if name == "content" else content
    return "\n".join(lines)


def _labelled_content(content: list[str]) -> list[str]:
    """A quiz's content (its ``content:`` line's value, then the lines below it) as the text it shows,
    labelled as the explanation it is: written right under the answers, with no blank line between,
    it would otherwise run on as the last answer's words."""
    first, *rest = _shown_as_text(content)
    return [f"Explanation: {first}" if first.strip() else first, *rest]


def _shown_as_text(html: list[str]) -> list[str]:
    """Lines of HTML (``<p>The Danube ends in a <strong>delta</strong>.</p>``) as the text they show,
    each on the line it opens on (``The Danube ends in a **delta**.``); lines of no tag as they are."""
    if not any("<" in line for line in html):
        return html
    shown = [""] * len(html)
    for line in list_lines("\n".join(html)):
        shown[line.line] = f"{shown[line.line]} {line.text}".strip()
    return shown


def _label(attributes: str) -> str:
    """A Docusaurus tab's title: its ``label``, else its ``value``."""
    found = {match["name"]: match["label"] for match in _LABEL_ATTRIBUTE.finditer(attributes)}
    return found.get("label", found.get("value", "")).strip()


def _mkdocs_blocks(text: str, tokens: list[Token]) -> tuple[str, list[Token]]:
    """The text with each MkDocs admonition (``!!! note "Title"``, ``??? question "Which …?"`` folded,
    ``???+`` open, its body indented four spaces) written as the Obsidian callout it means
    (``> [!question]- Which …?``), and each content tab (``=== "Amazon EC2"`` over its indented body)
    as a callout titled with it (``> [!tab] Amazon EC2``), and its tokens: one form for the rules and
    the printed sheets. What is in fenced code is code. Every line keeps its number."""
    fenced = {line for t in tokens if t.type == "fence" and t.map for line in range(*t.map)}
    converted = "\n".join(_as_callouts(text.split("\n"), fenced))
    return _reparsed(text, tokens, converted)


def _as_callouts(lines: list[str], fenced: Container[int]) -> list[str]:
    """``lines`` with their admonitions and tabs as callouts, and those in their bodies too."""
    lines = list(lines)
    index = 0
    while index < len(lines):
        found = (
            None if index in fenced else _ADMONITION.match(lines[index]) or _CONTENT_TAB.match(lines[index])
        )
        index += 1
        if found is None:
            continue
        kind, fold = "tab", ""
        if "marker" in found.re.groupindex:
            kind, fold = found["kind"], {"!!!": "", "???": "-", "???+": "+"}[found["marker"]]
        indent = found["indent"]
        lines[index - 1] = f"{indent}> [!{kind}]{fold} {found['title'] or ''}".rstrip()
        body = indent + " " * 4
        end = index
        while end < len(lines) and (not lines[end].strip() or lines[end].startswith(body)):
            end += 1
        while end > index and not lines[end - 1].strip():
            end -= 1  # blank lines after the body end the callout
        inner = _as_callouts([line[len(body) :] for line in lines[index:end]], ())
        defined = as_run_in(inner, found["title"] or "") if is_definition(kind) else None
        if defined is not None:  # `!!! definition "Group"`: a lecture's definition, no callout
            lines[index - 1 : end] = ["", *(f"{indent}{line}".rstrip() for line in defined)]
        else:
            lines[index:end] = [f"{indent}> {line}".rstrip() for line in inner]
        index = end
    return lines


def _code_lines(tokens: list[Token], kinds: Container[str] = ("fence", "code_block")) -> set[int]:
    """The lines of the fenced and indented code blocks (or of ``kinds`` of them): their ``:::`` and
    ``%%`` are code."""
    return {line for t in tokens if t.type in kinds and t.map for line in range(*t.map)}


def _admonish_fences(text: str, tokens: list[Token]) -> tuple[str, list[Token]]:
    """The text with each mdbook-admonish block (```` ```admonish question title="Why …?" ````, closed)
    written as the fenced div it means (``::: question Why …?`` … ``:::``), and its tokens. Every line
    keeps its number."""
    lines = text.split("\n")
    for token in tokens:
        found = _ADMONISH_INFO.fullmatch(token.info.strip()) if token.type == "fence" and token.map else None
        start, end = token.map or (0, 0)
        if found is None or end - 1 <= start or not lines[end - 1].strip().startswith(token.markup):
            continue
        indent = lines[start][: len(lines[start]) - len(lines[start].lstrip())]
        titled = re.search(r'title="([^"]*)"', found["attributes"])
        kind = found["kind"] or "note"
        lines[start] = f"{indent}::: {kind} {titled[1] if titled else ''}".rstrip()
        lines[end - 1] = f"{indent}:::"
    return _reparsed(text, tokens, "\n".join(lines))


_ADMONISH_INFO = regex(r"admonish(?![\w-])(?:[ \t]+(?P<kind>[a-z][\w-]*)(?![\w=-]))?(?P<attributes>.*)")
"""An mdbook-admonish fence's info: ``admonish``, ``admonish tip``, ``admonish question title="…"``."""


def _directive_fences(text: str, tokens: list[Token]) -> tuple[str, list[Token]]:
    """The text with each MyST directive of notes written as a fence (```` ```{note} ````,
    ```` ```{prf:definition} Group ````, closed) written as the fenced div it means (``:::{note}`` …
    ``:::``), for the step that reads those, and its tokens. Any other fence (```` ```{code-cell} ````)
    is code. Every line keeps its number."""
    lines = text.split("\n")
    for token in tokens:
        found = _DIRECTIVE_INFO.fullmatch(token.info.strip()) if token.type == "fence" and token.map else None
        start, end = token.map or (0, 0)
        closed = end - 1 > start and lines[end - 1].strip().startswith(token.markup)
        kind = found["directive"].lower() if found else ""
        notes = kind in _CALLOUT_KINDS or kind in _MYST_ADMONITIONS or kind.startswith("prf:")
        gated = _GATED.fullmatch(kind)
        if found and closed and (notes or gated):
            indent = lines[start][: len(lines[start]) - len(lines[start].lstrip())]
            directive = gated["directive"] if gated else found["directive"]
            opening = f"{indent}:::{{{directive}}} {found['title']}".rstrip()
            lines[start] = f"{indent}:::" if gated and gated["end"] else opening
            lines[end - 1] = "" if gated else f"{indent}:::"  # a gate's body is its options alone
    return _reparsed(text, tokens, "\n".join(lines))


def _quizdown_unfenced(text: str, tokens: list[Token]) -> str:
    """The text with each quizdown fence (```` ```quizdown ```` … ```` ``` ````, as the MkDocs and Docsify
    plugins read it) written as the questions it holds, without its settings between ``---`` lines
    (``shuffle_answers: false``) and its fence's lines. Every line keeps its number."""
    lines = text.split("\n")
    for start, end in _quizdown_fences(lines, tokens):
        lines[start], lines[end - 1] = "", "***"  # its end ends the last explanation, as `</quiz>` does
        body = [at for at in range(start + 1, end - 1) if lines[at].strip()]
        if body and lines[body[0]].strip() == "---":
            close = next((at for at in body[1:] if lines[at].strip() == "---"), None)
            if close is not None and all(_SETTING.fullmatch(lines[at]) for at in body[1:] if at < close):
                lines[body[0] : close + 1] = [""] * (close + 1 - body[0])
    return "\n".join(lines)


def _quizdown_fences(lines: Sequence[str], tokens: list[Token]) -> Iterator[tuple[int, int]]:
    """The first and past-the-last lines of each closed quizdown fence; one never closed is code to the
    file's end, as Markdown shows it."""
    for token in tokens:
        if token.type != "fence" or token.map is None or token.info.strip().lower() != "quizdown":
            continue
        start, end = token.map
        if end - 1 > start and lines[end - 1].strip().startswith(token.markup):
            yield start, end


def _quizdowns(lines: Sequence[str], tokens: list[Token]) -> Iterator[tuple[int, int]]:
    """The first and past-the-last lines of each quizdown: a closed fence, or a Hugo shortcode's pair
    (``{{< quizdown >}}`` … ``{{< /quizdown >}}``) outside code."""
    yield from _quizdown_fences(lines, tokens)
    code, opened = _code_lines(tokens), None
    for number, line in enumerate(lines):
        found = None if number in code or "quizdown" not in line else _QUIZDOWN_SHORTCODE.fullmatch(line)
        if found is not None and not found["close"]:
            opened = number
        elif found is not None and opened is not None:
            yield opened, number + 1
            opened = None


_QUIZDOWN_SHORTCODE = regex(r"[ \t]*\{\{[<%][ \t]*(?P<close>/?)quizdown[ \t]*[>%]\}\}[ \t]*")
"""Hugo's quizdown shortcode, opening or closing: ``{{< quizdown >}}``, ``{{< /quizdown >}}``."""


def _quizdown_hints(text: str, tokens: list[Token]) -> str:
    """The text with each quizdown's hints labelled (``_hints_labelled``). Every line keeps its number."""
    lines = text.split("\n")
    for start, end in _quizdowns(lines, tokens):
        _hints_labelled(lines, start + 1, end - 1)
    return "\n".join(lines)


def _hints_labelled(lines: list[str], start: int, end: int) -> None:
    """Each quizdown hint (the quote between a question's heading and its answers) labelled as the hint
    it is (``> Hint: Think of …``): quizdown shows it on request, no part of the question."""
    asking = False
    for at in _outside_code(lines, start, end):  # a session's `> ls` prompts are no hint
        quoted = _QUOTE_LINE.match(lines[at])
        heading = _HEADING_LINE.match(lines[at]) is not None
        if heading or _QUIZ_ANSWER.match(lines[at]):
            asking = heading
        elif asking and quoted is not None:
            hinted = HINT_LABEL.match(quoted["words"]) is not None
            lines[at] = lines[at] if hinted else f"{quoted['mark']}Hint: {quoted['words']}"
            asking = False  # its other lines go on with it


def _outside_code(lines: Sequence[str], start: int, end: int) -> Iterator[int]:
    """The lines from ``start`` to ``end`` outside the code fences a quizdown fence holds."""
    fence = ""
    for at in range(start, end):
        fence, was = _code_fence_after(lines[at], fence), fence
        if not fence and not was:
            yield at


def _code_fence_after(line: str, fence: str) -> str:
    """The marks of the code fence open after ``line`` (``""`` for none), ``fence`` open before it."""
    found = _INNER_FENCE.match(line)
    if found is None:
        return fence
    if not fence:
        return found["marks"]
    closes = found["marks"][0] == fence[0] and len(found["marks"]) >= len(fence) and not found["info"].strip()
    return "" if closes else fence


def _quizdown_headings(text: str, tokens: list[Token]) -> tuple[frozenset[int], list[int]]:
    """The heading lines of quizdown's questions: those over boxes to tick, each a question whether it
    ends in ``?`` or not (``# Name the …``), and those of its sequence questions (a heading over a plain
    numbered list, which the reader puts in order): no card asks for a list to recall, so each of these
    is told rather than lost."""
    lines = text.split("\n")
    asking: set[int] = set()
    sequences: list[int] = []
    for start, end in _quizdowns(lines, tokens):
        heading: int | None = None
        for at in _outside_code(lines, start + 1, end - 1):
            if _HEADING_LINE.match(lines[at]):
                heading = at
            elif heading is not None and (
                (numbered := _PLAIN_NUMBERED.match(lines[at])) is not None or _QUIZ_ANSWER.match(lines[at])
            ):
                if numbered is None:
                    asking.add(heading)
                else:
                    sequences.append(heading)
                heading = None
    return frozenset(asking), sequences


_INNER_FENCE = regex(r" {0,3}(?P<marks>`{3,}|~{3,})(?P<info>.*)")
"""A code fence's line inside a quizdown fence (written with more backticks, or tildes)."""
_QUOTE_LINE = regex(r"(?P<mark>[ \t]*>[ \t]?)(?P<words>\S.*)")
HINT_LABEL = regex(r"(?i)[*_]*hints?[*_]*[ \t]*[:\u2013\u2014-]")
"""A hint's label: ``Hint:``, ``**Hint:**``, ``Hint -``."""
_PLAIN_NUMBERED = regex(r"[ \t]*\d{1,9}[.)][ \t]+(?!\[[ xX]\])\S")
"""A numbered item with no box: a step of a quizdown sequence question (``1. The Tagus``)."""
_SEQUENCE_LEFT_OUT = (
    "quizdown sequence question (a list to put in order) is left out: a card cannot ask for a list to "
    "recall; ask for one step at a time (`Which … comes first?`) or write it as a card (`Q: …` then "
    "`A: …`) with the list in order on its back"
)


_SETTING = regex(r"[ \t]*[A-Za-z_][\w-]*:[ \t]*\S.*")
"""A quizdown setting: ``shuffle_answers: false``, ``primary_color: orange``."""


_GATED = regex(r"(?P<directive>exercise|solution)-(?:start|(?P<end>end))")
"""sphinx-exercise's gated directives (```` ```{solution-start} ex1 ```` … ```` ```{solution-end} ````),
which hold the notes between them, code cells and all."""


def _headings_out_of_lists(text: str, code: Container[int]) -> str:
    """The text with each numbered item that is a heading (``25. ### What is Hoisting``, its body
    indented under it), as interview handbooks number their questions (three or more), written as the
    numbered heading it means (``### 25. What is Hoisting``) over its body at the margin. Every line
    keeps its number."""
    lines = text.split("\n")
    width = 0
    for number, line in enumerate(lines):
        found = None if number in code else _LISTED_HEADING.match(line)
        if found is not None:
            lines[number] = f"{found['marks']} {found['number']} {found['words']}"
            width = found.start("marks")
            continue
        indent = len(line) - len(line.lstrip(" "))
        if width and line.strip() and indent < min(width, _LEAST_INDENT):
            width = 0  # back at the margin: the item has ended
        elif width:
            lines[number] = line[min(indent, width) :]
    return "\n".join(lines)


_LISTED_HEADING = regex(r"^(?P<number>\d{1,4}[.)])[ \t]+(?P<marks>#{2,6})[ \t]+(?P<words>\S.*)$", re.M)
_LISTED_HEADINGS = 3
"""Numbered items that are headings in a handbook of questions (one alone is an outline's, and ``1. #
apt update`` a root prompt)."""
_LEAST_INDENT = 2
"""Spaces that keep a line inside the numbered item above it."""


def _outline_headings(text: str, code: Container[int]) -> str:
    """The text with each of an outline's headings written as a bullet over the blocks indented under
    it (``- ## Heart``, as Logseq writes them; two or more) set as the heading it is, one level down
    (an outline's ``- # Heart`` is no title of the file), over those blocks one level out: the headings
    then head the notes under them, as the outline shows them. A heading nested in another comes out
    in turn; a bullet after a heading's blocks starts a list of its own. Every line keeps its number."""
    lines = text.split("\n")
    if sum(_heading_bullet(lines, number, code) is not None for number in range(len(lines))) < 2:
        return text
    for number in range(len(lines)):
        found = _heading_bullet(lines, number, code)
        if found is None:
            continue
        lines[number] = f"{'#' * min(len(found['marks']) + 1, 6)} {found['words']}"
        end = next(
            (below for below in range(number + 1, len(lines)) if lines[below][:1] not in ("", " ", "\t")),
            len(lines),
        )
        block = range(number + 1, end)
        step = next((_indent(lines[below]) for below in block if _LIST_LINE.match(lines[below])), "")
        after = _LIST_LINE.match(lines[end]) if end < len(lines) else None
        apart = after["marker"] if after is not None and not _BULLETED_HEADING.match(lines[end]) else ""
        for below in block:
            outdented = lines[below].removeprefix(step) if step else lines[below]
            outdented = outdented if outdented != lines[below] else lines[below].lstrip(" \t")
            item = _LIST_LINE.match(outdented) if apart else None
            if item is not None and item.start("marker") == 0 and item["marker"] == apart:
                # `- TODO` after the heading's blocks, and so under it: a list of its own
                outdented = ("*" if apart != "*" else "-") + outdented[1:]
            lines[below] = outdented
    return "\n".join(lines)


def _heading_bullet(lines: list[str], number: int, code: Container[int]) -> re.Match[str] | None:
    """An outline's heading at the margin, ``- ## Heart`` over blocks indented under it; not a list's
    ``- # of followers`` or a Markdown lesson's ``- # Heading 1 - the largest heading``."""
    found = None if number in code else _BULLETED_HEADING.match(lines[number])
    if found is None or found["words"].startswith("of "):
        return None
    below = next((line for line in itertools.islice(lines, number + 1, None) if line.strip()), "")
    return found if below[:1] in (" ", "\t") else None


_BULLETED_HEADING = regex(r"^[-*+][ \t]+(?P<marks>#{1,6})[ \t]+(?P<words>\S.*)$")
_LIST_LINE = regex(r"^[ \t]*(?P<marker>[-*+])[ \t]")
_MAY_BE_A_HEADING_BULLET = regex(r"^[-*+][ \t]+#", re.M)
"""A bullet over a heading's marks, which follow a space or a tab: a file holding neither `` #`` nor a
tab before a ``#`` holds none, found at once where this is tried at each line."""


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def _pymdown_blocks(text: str, code: Container[int]) -> str:
    """The text with each of PyMdown's blocks (``/// details | Answer`` … ``///``, ``/// admonition |
    Remember`` over its ``type: tip`` option) written as the fenced div it means (``::: details Answer``
    … ``:::``), for the step that reads those; its options are no notes. A block that never closes is
    left as written, and one in code is code. Every line keeps its number."""
    lines = text.split("\n")
    opened: list[tuple[int, re.Match[str]]] = []
    for number, line in enumerate(lines):
        if number in code:
            continue
        if (opening := _PYMDOWN_OPENING.fullmatch(line)) is not None:
            opened.append((number, opening))
        elif _PYMDOWN_CLOSING.fullmatch(line) and opened:
            slashes = line.strip()
            while opened and opened[-1][1]["slashes"] != slashes:
                opened.pop()  # a block closed by no line of its own slashes is left as written
            if opened:
                start, opening = opened.pop()
                _pymdown_as_container(lines, start, opening)
                lines[number] = f"{opening['indent']}:::"
    return "\n".join(lines)


def _pymdown_as_container(lines: list[str], start: int, opening: re.Match[str]) -> None:
    """A PyMdown block's first line as a fenced div's (its kind: an admonition's ``type:``, else its
    name), its option lines under it blank, in place."""
    options: dict[str, str] = {}
    below = start + 1
    while below < len(lines) and (option := _PYMDOWN_OPTION.fullmatch(lines[below])) is not None:
        options[option["key"].lower()] = option["value"].strip()
        lines[below], below = "", below + 1
    name = opening["name"].lower()
    kind = options.get("type", "note") if name == "admonition" else name
    lines[start] = f"{opening['indent']}::: {kind} {opening['title'] or ''}".rstrip()


_PYMDOWN_OPENING = regex(
    r"(?P<indent>[ \t]{0,3})(?P<slashes>/{3,})[ \t]*(?P<name>[A-Za-z][\w-]*)"
    r"(?:[ \t]*\|[ \t]*(?P<title>\S(?:.*\S)?)?)?[ \t]*"
)
"""A PyMdown block's first line: ``/// details | Answer``, ``/// note``, ``//// tab | EC2`` (more slashes
around a block that holds others)."""
_PYMDOWN_CLOSING = regex(r"[ \t]{0,3}/{3,}[ \t]*")
_PYMDOWN_OPTION = regex(r"[ \t]+(?P<key>[A-Za-z][\w-]*):[ \t]*(?P<value>.*)")
"""A PyMdown block's option, indented right under its first line: ``    type: tip``, ``    open: true``."""


_EXERCISE_OR_SOLUTION = regex(
    r"[ \t]{0,3}(?P<fence>`{3,}|~{3,}|:{3,})[ \t]*"
    r"\{(?P<directive>exercise|solution)(?P<gated>-start)?\}[ \t]*(?P<title>\S*).*",
    re.I,
)
"""A Jupyter Book exercise's first line (```` ```{exercise} ````, sphinx-exercise's ```` ```{exercise-start}
````), or a solution's naming the label of the exercise it solves (``:::{solution} ex-store``)."""
_EXERCISE_END = regex(r"[ \t]{0,3}(?:`{3,}|~{3,}|:{3,})[ \t]*\{exercise-end\}[ \t]*")
_LABEL_OPTION = regex(r"[ \t]*:label:[ \t]*(?P<label>\S+)[ \t]*")


def _solutions_by_label(text: str) -> dict[int, int]:
    """Each solution's first line (0-based) by the closing line of the exercise its label names:
    solutions collected under ``## Solutions`` at the end still answer their own exercise."""
    lines = text.split("\n")
    exercises: dict[str, int] = {}
    solved: dict[int, int] = {}
    for number, line in enumerate(lines):
        opening = _EXERCISE_OR_SOLUTION.fullmatch(line)
        if opening is None:
            continue
        if opening["directive"].lower() == "solution":
            if (exercise := exercises.get(opening["title"])) is not None:
                solved[number] = exercise
            continue
        below, label = number + 1, ""
        while below < len(lines) and _DIRECTIVE_OPTION.fullmatch(lines[below]):
            labelled = _LABEL_OPTION.fullmatch(lines[below])
            label, below = labelled["label"] if labelled else label, below + 1
        fence = None if opening["gated"] else opening["fence"]
        if label and (end := _exercise_end(lines, below, fence)) is not None:
            exercises[label] = end
    return solved


def _exercise_end(lines: Sequence[str], below: int, fence: str | None) -> int | None:
    """The line closing an exercise's fence (``` ``` ``` or ``:::``, at least as long; for a gated one,
    ``fence`` ``None``, its ```` ```{exercise-end} ````), looked for up to the next exercise or solution:
    an unclosed one ends nowhere, and no line is looked at twice."""
    for at in range(below, len(lines)):
        line = lines[at].strip()
        if fence is None and _EXERCISE_END.fullmatch(lines[at]):
            return at
        if fence is not None and line.startswith(fence) and set(line) == {fence[0]}:
            return at
        if _EXERCISE_OR_SOLUTION.fullmatch(lines[at]):
            return None
    return None


def _solutions_under_exercises(tokens: list[Token], solved: dict[int, int]) -> list[Token]:
    """The tokens with each top-level block of a solution moved right after its exercise's (and the
    solutions moved there before it): read after it, it answers it as a solution written there does.
    Lines keep their numbers; only the order the rules read the blocks in changes."""
    blocks: list[list[Token]] = []
    for token in tokens:
        if not blocks or (token.level == 0 and token.nesting >= 0):  # a top-level block opens
            blocks.append([])
        blocks[-1].append(token)
    starts = list(itertools.accumulate((block[0].map[0] if block[0].map else -1 for block in blocks), max))
    at = {start: index for index, start in reversed(list(enumerate(starts)))}
    moves = {
        at[solution]: last
        for solution, closing in solved.items()
        if solution in at
        and at[solution] > (last := bisect.bisect_left(starts, closing) - 1) + 1
        and last >= 0
    }
    after: dict[int, list[list[Token]]] = {}
    for solution, exercise in moves.items():
        after.setdefault(exercise, []).append(blocks[solution])
    ordered: list[Token] = []
    for index, block in enumerate(blocks):
        if index not in moves:
            ordered += block
            ordered += [token for moved in after.get(index, []) for token in moved]
    return ordered


def _containers_as_callouts(text: str, tokens: list[Token]) -> tuple[str, list[Token]]:
    """The text with each fenced div (``::: {.callout-tip collapse="true"}`` … ``:::`` as Pandoc and
    Quarto write them, ``::: details Answer`` as VuePress does) written as the Obsidian callout it
    means (``> [!tip]- …``), and its tokens; a heading opening its body (``## Answer``) is its title.
    An unclosed one is left as written, and one in code is code. Every line keeps its number."""
    code = _code_lines(tokens)
    lines = text.split("\n")
    opened: list[int] = []
    for number, line in enumerate(lines):
        fence = None if number in code else _CONTAINER.match(line)
        if fence is not None and fence["info"]:
            opened.append(number)
        elif fence is not None and opened and len(opened) > _MOST_NESTED_CALLOUTS:
            lines[opened.pop()] = lines[number] = ""  # its body is read as the callout's around it
        elif fence is not None and opened:
            _as_callout(lines, opened.pop(), number)
    converted = "\n".join(lines)
    return _reparsed(text, tokens, converted)


_MOST_NESTED_CALLOUTS: Final = MAX_NESTING // 2
"""How many fenced divs nested in each other become callouts: each quotes every line of its body once
more, so thousands nested would take time and text growing with their square, and quotes nested past
Markdown's reach (``MAX_NESTING``) would be left unread; the divs deeper in are layout."""


def _as_callout(lines: list[str], start: int, end: int) -> None:
    """The fenced div from ``lines[start]`` to its closing ``lines[end]`` as a callout, in place."""
    fence = _CONTAINER.match(lines[start])
    info = _CONTAINER_INFO.match(fence["info"]) if fence else None
    if fence is None or info is None:
        return
    attributes = info["attributes"] or ""
    classes = re.findall(r"(?<![\w-])\.([\w-]+)", attributes)
    directive = attributes.strip() if _DIRECTIVE.fullmatch(attributes.strip()) else ""  # MyST: `{note}`
    kind = (classes[0] if classes else info["kind"] or "").lower()
    quarto = re.search(r"(?<![\w-])#def-[\w-]+", attributes)  # `{#def-group}` over `## Group`
    if is_definition(kind or directive) or quarto:
        named = re.search(r'name="([^"]*)"', attributes)
        heading = _HEADING_LINE.match(lines[start + 1]) if quarto and start + 1 < end else None
        name = heading[1] if heading else named[1] if named else info["title"]
        inner = lines[start + 2 if heading else start + 1 : end]
        body = as_run_in(inner, name) if name else None
        if body is not None:
            lines[start : end + 1] = ["", *([""] if heading else []), *body, ""]
            return
    dropdown = solution = False
    if directive:  # a MyST directive's options (`:class: dropdown`) under its name: none of the notes
        option = start + 1
        while option < end and _DIRECTIVE_OPTION.fullmatch(lines[option]):
            dropdown = dropdown or "dropdown" in lines[option]
            lines[option], option = "", option + 1
        if _ANSWER_TITLE.fullmatch(info["title"].strip()):  # `{admonition} Answer`: a callout folding it
            kind = _MYST_KINDS.get(directive.lower(), directive.lower())
        if solution := directive.lower() in _FOLDING_DIRECTIVES:  # the answer to the exercise above
            kind, dropdown = "solution", True
    if kind == "notes":  # a slide's speaker notes: for the speaker, not the study
        lines[start : end + 1] = [""] * (end + 1 - start)
        return
    if not kind.startswith("callout") and kind not in _CALLOUT_KINDS:
        lines[start] = lines[end] = ""  # `::: {.columns}`, `::: {.content-visible …}`: layout only
        return
    kind = kind.removeprefix("callout-").removeprefix("callout") or "note"
    titled = re.search(r'title="([^"]*)"', attributes)
    title = (titled[1] if titled else info["bracketed"] or info["title"] or "").strip()
    title = _FOLDING_DIRECTIVES[directive.lower()] if solution else title
    first = next((at for at in range(start + 1, end) if lines[at].strip()), end)  # its first words
    heading = _HEADING_LINE.match(lines[first]) if first < end and not title else None
    if heading is not None:  # the callout opens on the heading's line, its title
        lines[start:first], start, title = [""] * (first - start), first, heading[1]
    if kind in _ANSWER_KINDS and not title:  # `::: {.solution}`: the answer to the question above, folded
        title, dropdown = kind.capitalize(), True
    folded = kind == "details" or dropdown or 'collapse="true"' in attributes
    indent = fence["indent"]
    lines[start] = f"{indent}> [!{kind}]{'-' if folded else ''} {title}".rstrip()
    lines[start + 1 : end] = [
        f"{indent}> {line.removeprefix(indent)}".rstrip() for line in lines[start + 1 : end]
    ]
    lines[end] = ""


def _without_comments(text: str, tokens: list[Token]) -> tuple[str, list[Token]]:
    """The text without its HTML comments, and its tokens: a comment (Obsidian's review schedule
    ``<!--SR:…-->``, a note to self) is never study content, and left in it would show on a card as
    text, raw HTML being escaped there. A comment in code is code. Every line keeps its number."""
    lines = text.split("\n")
    for token in tokens:
        if token.map is None:
            continue
        start, end = token.map
        if token.type == "html_block" and not _uncommented(token.content).strip():
            lines[start:end] = [""] * (end - start)
        inline = token.children if token.type == "inline" and token.children else []
        for comment in (
            c.content for c in inline if c.type == "html_inline" and _COMMENT.fullmatch(c.content)
        ):
            block = "\n".join(lines[start:end]).replace(comment, "\n" * comment.count("\n"), 1)
            lines[start:end] = block.split("\n")
    cleared = "\n".join(lines)
    return _reparsed(text, tokens, cleared)


def _html_paragraphs_as_text(text: str, tokens: list[Token]) -> tuple[str, list[Token]]:
    """The text with each HTML block of paragraphs alone (``<p>A wave that runs …</p>`` on lines of
    their own, as READMEs write an answer under an HTML heading) written as the text they show, on
    their lines: Markdown would keep them as raw HTML, which no rule reads. A ``<p>`` holding other
    blocks (``<video>``, ``<table>``) stays HTML. Every line keeps its number."""
    lines = text.split("\n")
    for token in tokens:
        if token.type != "html_block" or token.map is None:
            continue
        start, end = token.map
        block = [line for line in lines[start:end] if line.strip()]
        if block and all(_HTML_PARAGRAPH.fullmatch(line) for line in block):
            lines[start:end] = _shown_as_text(lines[start:end])
    return _reparsed(text, tokens, "\n".join(lines))


_HTML_PARAGRAPH = regex(
    r"[ \t]{0,3}<[pP](?:\s[^<>]*)?>"
    r"(?:[^<]|<(?!/?(?:[pP]|div|table|video|audio|iframe|pre|ul|ol)\b))*</[pP]>[ \t]*"
)
"""A paragraph in HTML on a line of its own, holding text and inline tags only (``<b>``, ``<a>``)."""


def _hidden_keys_shown(text: str, tokens: list[Token]) -> tuple[str, list[Token]]:
    """The text with each comment over several lines that holds a question's key (``<!--`` over
    ``Answer: B`` over ``-->``, ``<!-- Answer: B`` over the reason, or the reason over ``Correct: A``)
    written as the answer it hides, first, its other lines the explanation: the author hid the answer
    from the page, as ``<!-- Answer: B -->`` hides it on one line. Any other comment stays hidden.
    Every line keeps its number."""
    lines = text.split("\n")
    for token in tokens:
        if token.type != "html_block" or token.map is None or token.map[1] - token.map[0] < 2:
            continue
        start, end = token.map
        while end > start + 1 and not lines[end - 1].strip():
            end -= 1
        opening, closing = lines[start].lstrip(), lines[end - 1].rstrip()
        if not opening.startswith("<!--") or not closing.endswith("-->"):
            continue
        inner = [lines[start].replace("<!--", "", 1), *lines[start + 1 : end - 1], closing[:-3]]
        if "<!--" in "".join(inner) or "-->" in "".join(inner):
            continue  # comments after one another, or words after one
        if (keyed := key_taken(inner)) is None:
            continue
        first = next(at for at, line in enumerate(inner) if line.strip())
        letters, inner = keyed  # the answer first, its reason after it, as an answer line is written
        inner.insert(first, answer_line(lines[start][: len(lines[start]) - len(opening)], letters))
        lines[start:end] = [line if line.strip() else "" for line in inner]
    return _reparsed(text, tokens, "\n".join(lines))


def _uncommented(html: str) -> str:
    """``html`` without its comments. None ends after the last ``-->``, so what follows is left as it is,
    not searched again from every ``<!--`` in it for a close that is not there (10,000 lines of ``<!--``
    never closed took 6 s, the square of their length)."""
    last = html.rfind("-->")
    if last == -1:
        return html
    end = last + len("-->")
    return _COMMENT.sub("", html[:end]) + html[end:]


_SPACER = regex(r"(?:\s|<br\s*/?>|&nbsp;|&#160;)*", re.I)


def is_spacer(node: Node) -> bool:
    """A block that only adds space between others (``<br>`` or ``&nbsp;`` alone on its lines, as notes
    on GitHub space their terms out): the blocks around it read as neighbours, as the page shows them."""
    if node.type == "html_block":
        return _SPACER.fullmatch(node.content) is not None
    return node.type == "paragraph" and _SPACER.fullmatch(node.children[0].content) is not None


def _details_over_summaries(text: str, tokens: list[Token]) -> tuple[str, list[Token]]:
    """The text with a ``<details>`` tag alone on its line moved onto its ``<summary>`` line below a
    blank line or two (which would make them blocks apart, the question lost), and its tokens. Every
    line keeps its number; in code nothing moves."""
    code = _code_lines(tokens)
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if number in code or not _LONE_DETAILS.fullmatch(line):
            continue
        below = next((n for n in range(number + 1, len(lines)) if lines[n].strip()), None)
        if below is None or below == number + 1 or below in code or not _SUMMARY_LINE.match(lines[below]):
            continue
        indent = line[: len(line) - len(line.lstrip())]
        if lines[below].startswith(indent) and not lines[below][len(indent)].isspace():  # one container
            lines[below] = f"{line.rstrip()}{lines[below][len(indent) :]}"
            lines[number] = ""
    return _reparsed(text, tokens, "\n".join(lines))


_MAY_HOLD_SHORTCODES = regex(r":[a-z][a-z_]*:")
_LONE_DETAILS = regex(r"[ \t]*<details\b[^>]*>[ \t]*", re.I)
_SUMMARY_LINE = regex(r"[ \t]*<summary\b", re.I)


def _without_attribute_lists(line: str, _above: str) -> str:
    """A line without its attribute lists (kramdown's ``{: .note }`` on a line of its own and
    ``**S3**{: .label }`` after a span, a heading's ``{#s3}``): sites style a block or a word and anchor
    a heading with them, and they are no study content."""
    if "{" not in line:
        return line
    if heading := _HEADING_ATTRIBUTES.fullmatch(line):
        line = heading["heading"]
    if "{:" in line:
        alone = _ATTRIBUTE_LINE.fullmatch(line)
        line = alone["quoted"].rstrip() if alone else _ATTRIBUTES.sub(_code_kept, line)
    return line


def _solution_callout(line: str, above: str) -> str:
    """A ``> > ## Solution`` heading opening its quote as the title of a folded callout."""
    found = _QUOTED_SOLUTION.fullmatch(line)
    depth = found["quoted"].count(">") if found else 0
    if found is None or depth < 2 or above[: len(above) - len(above.lstrip(" \t>"))].count(">") >= depth:
        return line  # a heading inside the quote, not opening it
    return f"{found['quoted']}[!solution]- {found['title']}"


def _code_kept(found: re.Match[str]) -> str:
    return found[0] if found["code"] else ""


def _without_obsidian_comments(text: str, tokens: list[Token]) -> tuple[str, list[Token]]:
    """The text without Obsidian's comments (``%%to check%%`` in a line, or ``%%`` lines around a
    draft), and its tokens: as with HTML comments, what Obsidian hides is no study content."""
    return _replaced_outside_code(text, tokens, _OBSIDIAN_COMMENT, _blanked)


def _without_templater(text: str, tokens: list[Token]) -> tuple[str, list[Token]]:
    """The text without the Templater commands a template left unrun (``# <% tp.file.title %>``,
    ``<%* const x = 1 %>``), and its tokens: code for Obsidian, not the notes' words, in a title, a tag or
    a sheet."""
    return _replaced_outside_code(text, tokens, _TEMPLATER_OR_CODE, _code_or_breaks)


def _replaced_outside_code(
    text: str, tokens: list[Token], pattern: re.Pattern[str], replacement: Callable[[re.Match[str]], str]
) -> tuple[str, list[Token]]:
    """The text with ``pattern`` replaced in its lines outside code blocks (what a code block shows is
    code), and its tokens; ``replacement`` keeps every line break, so every line keeps its number."""
    code = _code_lines(tokens)
    runs = itertools.groupby(enumerate(text.split("\n")), key=lambda numbered: numbered[0] in code)
    cleared = "\n".join(
        "\n".join(lines) if in_code else pattern.sub(replacement, "\n".join(lines))
        for in_code, lines in ((in_code, [line for _, line in run]) for in_code, run in runs)
    )
    return _reparsed(text, tokens, cleared)


def _code_or_breaks(found: re.Match[str]) -> str:
    """A code span as it is; a command as the line breaks it spans."""
    return found[0] if found["code"] else "\n" * found[0].count("\n")


def _blanked(found: re.Match[str]) -> str:
    """A comment as the line breaks it spans; a code span, or one word between ``%%`` in a line
    (``%%PATH%%``), as it is. Digits alone are a comment: the id a flashcard plugin writes after a
    card's words (``%%1712345678%%``); so is a word alone on its line (``%%tana%%``, the mark Tana's
    export opens with)."""
    words = (found["words"] or "").strip()
    one_word = found["words"] is not None and " " not in words and not words.isdigit() and not _alone(found)
    if found[1] or one_word:
        return found[0]
    key = _obsidian_key(found)
    return key if key is not None else "\n" * found[0].count("\n")


def _alone(found: re.Match[str]) -> bool:
    """Whether a match is all its line holds."""
    text = found.string
    return text[found.start() - 1 : found.start()] in ("", "\n") and text[found.end() : found.end() + 1] in (
        "",
        "\n",
    )


def _obsidian_key(found: re.Match[str]) -> str | None:
    """An Obsidian comment holding a question's key (``%% Answer: B %%`` alone on its line, or ``%%``
    lines around ``Answer: B`` and its reason) as the answer it hides, first, the reason after it,
    as an HTML comment's; ``None`` for any other comment, or one inside a line."""
    written = found[0]
    indent = written[: len(written) - len(written.lstrip(" \t"))]
    if found["words"] is not None:
        letters = hidden_key(found["words"]) if _alone(found) else None
        return answer_line(indent, letters) if letters else None
    if (keyed := key_taken(written.split("\n")[1:-1])) is None:
        return None
    letters, reason = keyed
    return "\n".join(["", answer_line(indent, letters), *reason, ""])


def nodes_below(blocks: Sequence[Block], index: int) -> list[Node]:
    """The nodes of the blocks after ``blocks[index]`` up to the next heading: what it heads, or what
    follows it in its section."""
    below = itertools.takewhile(lambda block: block.node.type != "heading", blocks[index + 1 :])
    return [block.node for block in below]


def heading_level(heading: Node | None) -> int:
    """A heading's level (``h2`` is 2); 0 for no heading: the file's top, above every section."""
    return int(heading.tag[1:]) if heading is not None else 0


def heading_text(node: Node) -> str:
    """The inline Markdown source of a heading (or of any block holding one inline child); a heading's
    badges from the web (``![Easy](https://img.shields.io/…)``) are no part of it. A heading's is read
    once and kept on it: the rules ask for it a dozen times each."""
    if node.type != "heading":
        return _inline_source(node)
    if node.heading_text is None:
        text = _inline_source(node)
        node.heading_text = _WEB_PICTURE.sub(_unless_badge, text).strip() if "](http" in text else text
    return node.heading_text


def _inline_source(node: Node) -> str:
    return "".join(child.content for child in node.children if child.type == "inline").strip()


def _unless_badge(found: re.Match[str]) -> str:
    return "" if _BADGE.search(found["linked"] or found["shown"]) else found[0]


def only_pictures(paragraph: Node) -> bool:
    """Whether a paragraph shows pictures and nothing else (blank text and line breaks between them,
    maybe a link around a picture); words in emphasis are no picture."""
    found = False
    stack = list(paragraph.children[0].children)
    while stack:
        node = stack.pop()
        if node.type == "image":
            found = True
        elif node.type == "link":
            stack.extend(node.children)
        elif node.type not in ("softbreak", "hardbreak") and (node.children or node.content.strip()):
            return False
    return found


def only_links_within_page(markdown: str) -> bool:
    """Whether ``markdown`` is nothing but links to places in the page (``[Back to top](#top)``, a
    table of contents' ``[Which service …?](#which-service)``), with separators or emphasis between."""
    return "](#" in markdown and _PAGE_LINKS.fullmatch(markdown.strip()) is not None


def leads_up_the_page(markdown: str) -> bool:
    """Whether ``markdown`` is a link back up the page and nothing else (``**[⬆ Back to Top](#table-of-
    contents)**``, ``[↑ Top](#top)``), as interview repos put one after each answer."""
    return "](#" in markdown and _UP_THE_PAGE.fullmatch(markdown.strip()) is not None


_UP_THE_PAGE = regex(
    r"(?:\*\*|__|\*|_)?\[\W*(?:(?i:(?:back\s+to\s+)?(?:the\s+)?(?:top|contents|table\s+of\s+contents|index))\W*"
    r"|[\u2b06\u2191\u2934\U0001f51d]\W*)\]\(#[^)\s]*\)(?:\*\*|__|\*|_)?"
)


def navigates(markdown: str) -> bool:
    """Whether ``markdown`` is nothing but links within the page or to the previous, next or parent
    page (``[⬅ Previous](q1.md) | [Next ➡](q3.md)``): a way around the notes, nothing to learn."""
    return only_links_within_page(markdown) or _NAVIGATION.fullmatch(markdown.strip()) is not None


_PAGE_LINKS = regex(r"(?:\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(#[^)\s]*\)|[\s*_,;·|])+")
"""Links to places in the page, their words maybe holding brackets (``[… only through [...].](#…)``)."""
_NAVIGATION = regex(
    r"(?:\[[^\]]*\b(?:prev(?:ious)?|next|back|home|up|index|contents)\b[^\]]*\]\([^)\s]*\)|[\s*_,;·|])+",
    re.I,
)


def title_of(heading: Node) -> str:
    """A heading's text as a title (a part's, a section's): without the tags Obsidian's users end it
    with (``# Anticoagulants #flashcards``, ``## Warfarin #pharm/haem``), which would name decks and
    sections (a heading of tags alone keeps them), nor the bold a whole heading is set in."""
    text = heading_text(heading)
    if "#" in text:  # every tag holds its `#`
        text = TRAILING_TAGS.sub("", text) or text
    if cloze_syntax.hidden_parts(text, highlights=False):  # a cloze card of its own: its words title
        text = cloze_syntax.revealed(text)
    bold = _WHOLLY_BOLD.fullmatch(text)  # `# **Geography Unit 2**`, as Google Docs exports a heading
    return bold["inner"].strip() if bold else text


HASHTAG = r"#[^\W\d][\w/-]*(?:::[\w/-]+)*"
"""A tag as notes write it: ``#`` and a word (``#1`` is a rank), in Obsidian's nesting (``#aws/s3``) or
Anki's (``#aws::s3``)."""
TRAILING_TAGS = regex(rf"(?<![ \t])(?:[ \t]+{HASHTAG})+[ \t]*$")
"""Tags ending a heading or a card's side, after a space (``C#`` is no tag), looked for from the start
of a run of spaces only: from each of its places, a long run was read again from each."""
_WHOLLY_BOLD = regex(r"\*\*(?P<inner>[^*]+)\*\*")
"""A heading set in bold with asterisks (``# **Unit 2**``); ``__init__`` is a name, not bold."""


def _is_h1(node: Node) -> bool:
    return node.type == "heading" and node.tag == "h1"


def _blocks(root: Node) -> Iterator[Block]:
    """Each top-level block with the headings it is under: the file's first ``# H1`` is its part's
    title, no section; a later one (a file of several notes, one per H1) opens a section as an H2 does."""
    path: list[tuple[int, str]] = []
    heading: Node | None = None
    titled = False
    folded, before = 0, (path, heading)  # a heading in a `<details>` block heads its blocks alone
    for node in root.children:
        if node.type == "html_block" and "details" in node.content.lower():
            lowered = node.content.lower()
            depth = max(folded + lowered.count("<details") - lowered.count("</details"), 0)
            if not folded and depth:
                before = (path, heading)
            elif folded and not depth:  # `#### Answer: A` in it heads no question after it
                path, heading = before
            folded = depth
        elif node.type == "heading":
            level = heading_level(node)
            path = [(lv, text) for lv, text in path if lv < level]
            if level > 1 or titled:
                path.append((level, title_of(node)))
            titled = titled or level == 1
            heading = node
        yield Block(node, tuple(text for _, text in path), heading)


def _front_matter(root: Node) -> FrontMatter:
    """The YAML front matter's top-level pairs (its content starts on the line below its ``---``)."""
    if not root.children or root.children[0].type != "front_matter":
        return FrontMatter({}, ())
    block = root.children[0]
    return read_front_matter(block.content, block.line + 1)


NUMBERED_NAME = regex(r"^(?P<number>\d{1,7})(?:[-_]|\s*[-_.]\s+|\s+)(?P<name>\S.*)$")
"""A file or folder name led by a number, as notes apps write them: ``02-compute``, ``03 - Storage``,
``1. Cloud Concepts``, ``04_security``, ``05 Billing``; not by a date or a Zettelkasten id of eight
digits or more (``20240116 notes``, ``202103041215 Spaced repetition``), which is part of its name:
daily notes of one name stay apart."""


_WEB_PICTURE = regex(
    r"[ \t]*(?:\[!\[[^\]\n]*\]\((?P<linked>https?://[^)\s]*)(?:\s+\"[^\"\n]*\")?\)\]\([^)\n]*\)"
    r"|!\[[^\]\n]*\]\((?P<shown>https?://[^)\s]*)(?:\s+\"[^\"\n]*\")?\))"
)
"""A picture from the web, maybe linked (``[![build](https://…/badge.svg)](https://… "CI")``)."""
_BADGE = regex(r"(?i)shields\.io|badgen\.net|/badges?[/.?-]|badge\.svg")
"""Where badges come from: a difficulty or a build status, no part of what a heading says."""
_PAGE_ID = regex(r"\s+[0-9a-f]{32}$")


def without_page_id(name: str) -> str:
    """A file or folder name without the page id Notion's export writes after each one (``S3 Storage
    3f2a…``): the next export writes new ids, which must not rename the module, the part or any id."""
    return _PAGE_ID.sub("", name)


def _title_from_name(path: str) -> str:
    stem = without_page_id(PurePosixPath(path).stem)
    numbered = NUMBERED_NAME.match(stem)
    return humanise(numbered["name"] if numbered else stem)


def humanise(name: str) -> str:
    """A file or folder name as a title: dashes and underscores as single spaces, the first letter a
    capital and the others as written (``cram-sheet`` is "Cram sheet", ``Week 5 - ARM Assembly``
    keeps its capitals)."""
    words = " ".join(re.sub(r"[-_]+", " ", name).split())
    return words[:1].upper() + words[1:] if words else name


def paragraph_words(node: Node) -> str:
    """A paragraph's words; none for any other block."""
    return node.children[0].content if node.type == "paragraph" else ""


def first_inline(item: Node) -> str | None:
    """The Markdown of a list item's opening paragraph; none for an item opening otherwise (code, a list)."""
    if not item.children or item.children[0].type != "paragraph":
        return None
    return item.children[0].children[0].content


def item_words(item: Node) -> str:
    """The words of a list item that is one paragraph; none for any other item."""
    return paragraph_words(item.children[0]) if len(item.children) == 1 else ""


def item_text(source: str) -> str:
    """A list item's Markdown without its marker; its other lines dedented to match, in columns, as
    Markdown reads a tab (Logseq indents its outlines with tabs: a child left behind a tab reads as
    the words of the line above, and an outline prints as one run-on line). Lines in a code fence keep
    their tabs (a Makefile's); the others are indented as deep as in the note (``_reindented``)."""
    first, *rest = source.split("\n")
    found = LIST_MARKER.match(first)
    width = found.end() if found else 0
    lines = [first[width:]]
    columns = len(first[:width].expandtabs(_TAB_STOP))
    fence = ""
    for line in rest:
        fence, was = _code_fence_after(line.lstrip(" \t"), fence), fence
        lines.append(_dedented(line, columns) if fence and was else _reindented(line, columns))
    return "\n".join(lines).strip()


def _reindented(line: str, columns: int) -> str:
    r"""``line`` less ``columns`` columns of indentation, indented as deep as it was in the note: a tab
    left at another column reaches another stop (``  \t- child`` under ``- Parent`` is a child in
    the note, its tab two columns wide; dedented to ``\t- child``, four, the child would read as
    words run on after the parent), so such an indentation is written in spaces."""
    dedented = _dedented(line, columns)
    indent = len(line) - len(line.lstrip(" \t"))
    deep = max(len(line[:indent].expandtabs(_TAB_STOP)) - columns, 0)
    kept = len(dedented) - len(dedented.lstrip(" \t"))
    if len(dedented[:kept].expandtabs(_TAB_STOP)) == deep:
        return dedented
    return " " * deep + line[indent:]


_TAB_STOP = 4
"""How far a tab indents in Markdown: to the next multiple of four columns."""


def _dedented(line: str, columns: int) -> str:
    """``line`` less up to ``columns`` columns of its indentation; a tab that reaches past them leaves
    the spaces it still stands for."""
    column = 0
    for at, character in enumerate(line):
        if column >= columns or character not in " \t":
            return line[at:]
        step = 1 if character == " " else _TAB_STOP - column % _TAB_STOP
        if column + step > columns:
            return " " * (column + step - columns) + line[at + 1 :]
        column += step
    return ""
