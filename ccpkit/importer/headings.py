"""Which plain lines are headings, and at which ATX level each heading sits in its part."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ccpkit.importer.blocks import Block, Heading, HeadingStyle
from ccpkit.importer.lines import clean_inline
from ccpkit.regex import regex

TOGGLE = regex(r"^[▼►] (.+)$")
NUMBERED_HEADING = regex(r"^(\d+)[.):] (.+)$")
MAX_PLAIN = 80
MAX_NUMBERED = 120
MAX_SENTENCE_CASE = 6
"""Longer heading candidates must not be mostly lower-case words (those are sentences)."""
_BOLD_WRAP = regex(r"^\*\*(.+)\*\*$")


def heading(text: str, line: int) -> Heading | None:
    """The heading a line is, judged alone (the caller checks a blank line follows it)."""
    text = text.strip()
    toggle = TOGGLE.match(text)
    if toggle:
        return Heading(_unbold(toggle.group(1)), "toggle", line)
    numbered = NUMBERED_HEADING.match(text)
    if numbered:
        if numbered.group(2).startswith("**") or len(text) > MAX_NUMBERED:
            return None
        return Heading(clean_inline(text), "numbered", line, int(numbered.group(1)))
    if _plain_heading(text):
        return Heading(clean_inline(text), "plain", line)
    return None


def _unbold(text: str) -> str:
    match = _BOLD_WRAP.match(text.strip())
    return clean_inline(match.group(1) if match else text.strip())


def _plain_heading(text: str) -> bool:
    """Short, starts like a title, does not end like a sentence or a label, and is not mostly lower case."""
    if len(text) > MAX_PLAIN or text[-1] in ".,;:!" or "\t" in text or "**" in text:
        return False
    if text[0].islower() or text[0] in "*([<\"'`-$\\":
        return False
    words = text.split()
    lower = sum(word[0].islower() for word in words)
    return len(words) <= MAX_SENTENCE_CASE or lower <= len(words) * 0.6


LEVELS: dict[str, dict[HeadingStyle, int]] = {
    "cram-sheet": {"title": 2, "toggle": 2, "numbered": 2, "plain": 2},
    "practice-questions": {"title": 2, "toggle": 3, "numbered": 3, "plain": 3},
    "case-study": {"title": 2, "toggle": 2, "numbered": 3, "plain": 2},
}
"""Fixed levels per part kind; summaries and toggle-structured parts are computed below."""


@dataclass
class _Numbering:
    """Tracks ``1.`` … ``n.`` section headings and the nested restarts inside them (``3.`` → ``1.``)."""

    top: int | None = None
    nested: int | None = None

    def level(self, number: int, label: bool) -> int:
        """2 for a section, 3 for a sub-section; ``label`` = the heading ends in ``:`` as sub-sections do."""
        follows_nested = self.nested is not None and number == self.nested + 1
        if follows_nested and (label or self.top is None or number != self.top + 1):
            self.nested = number
            return 3
        if self.top is None or number == self.top + 1 or number != 1:
            self.top, self.nested = number, None
            return 2
        self.nested = number
        return 3


def leveled(blocks: Iterable[Block], kind: str) -> Iterator[tuple[Block, int]]:
    """Each block with the level of the heading it is (or of the last heading above it; 1 = none)."""
    numbering = _Numbering()
    toggled = False
    current = 1
    for block in blocks:
        if isinstance(block, Heading):
            current = _level(block, kind, numbering, toggled)
            toggled = toggled or block.style == "toggle"
        yield block, current


def _level(block: Heading, kind: str, numbering: _Numbering, toggled: bool) -> int:
    if kind in LEVELS:
        return LEVELS[kind][block.style]
    if block.style in ("title", "toggle"):
        return 2
    if kind == "summary":
        if block.style == "numbered" and block.number is not None:
            return numbering.level(block.number, block.text.endswith(":"))
        return 3 if numbering.top is not None else 2
    return 3 if toggled else 2
