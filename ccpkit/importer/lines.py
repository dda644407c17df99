"""Classify single export lines: noise to drop, structural markers, list items, and inline clean-up."""

from __future__ import annotations

from dataclasses import dataclass

from ccpkit.regex import regex

NOTION_TAGS = frozenset(
    {
        "AWS CCP",
        "CCP AWS",
        "CCP",
        "AWS",
        "AWS CCP AI",
        "IT CCP AWS Database",
        "CCP IT AWS Database",
        "Related Project",
        "Related Ideas",
        "Cloud Certified Practitioner Essentials note",
        "AWS Workflows",
        "IT common knowledge",
    }
)
"""Notion property/backlink lines pasted under headings: tags, not content."""

CODE_LABELS = frozenset({"Text", "Python", "SQL", "{} JSON", "⌚ SQL"})
"""Code-language labels that leaked from the code widget into the text."""

CHATTER = regex(
    r"^(Here is (the|a) comprehensive summary"
    r"|Done — I removed the"
    r"|Below are the \*\*15 advanced practice questions\*\*"
    r"|Got it — here are \*\*30"
    r"|Now let me create a full architecture diagram"
    r"|Would you like these converted"
    r"|Which output would you like next\?)"
)
"""Sentences a chat assistant addressed to the student, not study content."""

IMAGE_PLACEHOLDER = regex(r"^(\[Image of [^\]]*\]|[a-z]+(_[a-z]+)+)$")
"""``[Image of …]`` placeholders and bare image alt names such as ``medivault_architecture``."""

BULLET = regex(r"^( ?)- (.*)$")
NUMBERED = regex(r"^( ?)(\d+)\. (.*)$")
LONE_DASH = "-"


@dataclass(frozen=True, slots=True)
class Line:
    """One export line and its 1-based line number."""

    number: int
    text: str

    @property
    def blank(self) -> bool:
        """Empty and single-space lines separate blocks; they carry nothing."""
        return not self.text.strip()

    @property
    def has_tab(self) -> bool:
        return "\t" in self.text


def noise_reason(text: str) -> str | None:
    """Why a whole line is noise (to drop and report), or ``None`` when it is content."""
    stripped = text.strip()
    if stripped == LONE_DASH:
        return "lone '-' list terminator"
    if stripped in NOTION_TAGS:
        return "Notion property/tag line"
    if stripped in CODE_LABELS:
        return "leaked code-language label"
    if CHATTER.match(stripped):
        return "chat-assistant chatter"
    if IMAGE_PLACEHOLDER.match(stripped):
        return "image placeholder / alt name"
    return None


_OPENS_TAB = regex(r"\s*\\?\((?:\[)?ope ?n ?s in a new tab(?:\]\(#\))?\\?\)")
_TAB_FRAGMENT = regex(r"^new tab\)\s*")
_ANCHOR = regex(r'<a data-bbox="[^"]*" href="#">')
_UL = regex(r'\s*<ul style="list-style-type: none">\s*')
_ITALIC = regex(r"<i>(.*?)</i>")
_CODE = regex(r"<code>(.*?)</code>")
_DEAD_LINK = regex(r"\[([^\]]+)\]\(#\)")
_BROKEN_LATEX = regex(r"\\\$((?:[^$\\]|\\[a-zA-Z])*?\\[a-zA-Z]+(?:[^$\\]|\\[a-zA-Z{}])*?)\\\$(?:\\\$)?")


def clean_inline(text: str) -> str:
    """Remove inline noise and turn inline HTML and broken LaTeX into Markdown.

    ``(opens in a new tab)`` suffixes (and their typo variants) and ``<a data-bbox…>`` anchors are
    link-widget residue; ``<i>``/``<code>`` become ``*…*``/`` `…` ``; a flattened ``<ul>`` loses its
    tag (its items are already inline); dead ``[text](#)`` links keep their text; ``\\$…\\$\\$`` math
    escaped by the exporter becomes ``$…$`` again.
    """
    text = _ANCHOR.sub("", text)
    text = _OPENS_TAB.sub("", text)
    text = _TAB_FRAGMENT.sub("", text)
    text = _UL.sub(" ", text)
    text = _ITALIC.sub(r"*\1*", text)
    text = _CODE.sub(r"`\1`", text)
    text = _DEAD_LINK.sub(r"\1", text)
    return _BROKEN_LATEX.sub(lambda m: "$" + m.group(1).strip() + "$", text)
