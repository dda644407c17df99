"""Bullet and numbered lists, with real nesting recovered from the export's lying indentation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ccpkit.importer.blocks import ListBlock, ListItem
from ccpkit.importer.lines import BULLET, LONE_DASH, NUMBERED, Line, clean_inline
from ccpkit.regex import regex

_LABEL_ONLY = regex(r"^\*\*[^*]+:\*\*$|^[^*]+:$")
_BROKEN_BOLD = regex(r"^([^*]{1,60}):\*\* ")
_COLON_INSIDE = regex(r"^\*\*([^*:]{1,60}): ([^*]+)\*\*")


@dataclass(frozen=True, slots=True)
class _Raw:
    column: int
    numbered: bool
    marker: str
    text: list[str]
    line: int
    gap_before: bool  # a blank line separates it from the item above


def is_item(text: str) -> bool:
    return bool(BULLET.match(text) or NUMBERED.match(text)) and text.strip() != LONE_DASH


def _raw_item(line: Line, gap_before: bool) -> _Raw:
    numbered = NUMBERED.match(line.text)
    if numbered:
        text = [numbered.group(3)]
        return _Raw(len(numbered.group(1)), True, f"{numbered.group(2)}.", text, line.number, gap_before)
    bullet = BULLET.match(line.text)
    assert bullet is not None
    return _Raw(len(bullet.group(1)), False, "-", [bullet.group(2)], line.number, gap_before)


def _lazy(text: str) -> bool:
    """A non-blank line without a marker right under an item continues that item's text."""
    return bool(text.strip()) and "\t" not in text and not is_item(text) and text.strip() != LONE_DASH


def parse_list(lines: Sequence[Line], start: int) -> tuple[ListBlock, int]:
    """The list starting at ``start`` and the index after it (and after its lone ``-`` terminator)."""
    raws: list[_Raw] = []
    index = start
    terminated = False
    while index < len(lines):
        text = lines[index].text
        if is_item(text):
            raws.append(_raw_item(lines[index], index > start and lines[index - 1].blank))
        elif raws and _lazy(text) and not lines[index - 1].blank:
            raws[-1].text.append(text.strip())
        elif text.strip() == LONE_DASH:
            terminated = True
            index += 1
            break
        elif not lines[index].blank or not _continues_after_blank(lines, index):
            break
        index += 1
    return ListBlock(items=tuple(_nest(raws, terminated))), index


def _continues_after_blank(lines: Sequence[Line], index: int) -> bool:
    """After a blank line the list goes on only if an item follows that is not a numbered heading."""
    while index < len(lines) and lines[index].blank:
        index += 1
    return index < len(lines) and is_item(lines[index].text) and not numbered_heading(lines, index)


def numbered_heading(lines: Sequence[Line], index: int) -> bool:
    """``2. Command Line Interface (CLI):`` alone between blank lines is a section heading, not an item."""
    match = NUMBERED.match(lines[index].text)
    alone = index + 1 == len(lines) or lines[index + 1].blank
    return match is not None and alone and not match.group(3).startswith("**")


def _is_label(text: str) -> bool:
    return bool(_LABEL_ONLY.match(text.strip()))


def _nest(raws: list[_Raw], terminated: bool) -> list[ListItem]:
    """Decide each item's level (0 or 1).

    In a list closed by a lone ``-`` whose items 2..n all sit at column 1, the column lies: they are
    siblings, except that the items after a label-only item such as ``**Presenters:**`` are its
    children. Elsewhere column 1 is real nesting, and a label-only item followed by a blank line
    adopts the column-0 bullets after it (``**Language Services:**``, blank, ``- **Amazon Polly:** …``).
    Bullets under a numbered item are its children.
    """
    lying = terminated and len(raws) > 1 and raws[0].column == 0 and all(r.column == 1 for r in raws[1:])
    items: list[ListItem] = []
    parent: str | None = None  # "numbered" or "label": the open item that adopts the bullets after it
    for position, raw in enumerate(raws):
        label = _is_label(raw.text[0])
        if raw.numbered:
            level = 0
            parent = "label" if label and _gap_follows(raws, position) else "numbered"
        elif lying:
            level = 0 if label else int(parent is not None)
            parent = "label" if label else parent
        elif (raw.column == 1 and position) or (parent == "label" and not label):
            level = 1
        else:
            level = 0
            parent = "label" if label and _gap_follows(raws, position) else None
        items.append(ListItem(level, raw.marker, _item_text(raw.text), raw.line))
    return items


def _gap_follows(raws: list[_Raw], position: int) -> bool:
    """The next item is a column-0 bullet after a blank line."""
    if position + 1 >= len(raws):
        return False
    following = raws[position + 1]
    return following.gap_before and following.column == 0 and not following.numbered


def _item_text(parts: list[str]) -> str:
    first = parts[0]
    if "**" not in first.split(":**")[0]:
        first = _BROKEN_BOLD.sub(r"**\1:** ", first, count=1)
    first = _COLON_INSIDE.sub(r"**\1:** **\2**", first, count=1)
    return "\n".join(clean_inline(part.strip()) for part in [first, *parts[1:]])
