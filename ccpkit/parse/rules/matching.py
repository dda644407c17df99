"""Matching exercises, as quiz sheets set them: words that ask to match (``Match each service to its
use.``), a numbered list, a lettered one (each maybe under a caption, ``Column A:``), or the two side by
side in a table (``| 1. Tug | A. Pushes ships |``), and the pairs as the answer (``Answer: 1-b, 2-a,
3-c``). Each pair is one thing to recall, so each is a card: the numbered item asks, its letter's item
answers."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial

from ccpkit.errors import Problem
from ccpkit.model import Item
from ccpkit.parse.context import Context
from ccpkit.parse.document import LISTS, heading_text, item_words, paragraph_words
from ccpkit.parse.roman import ROMAN_NUMBER, ROMAN_NUMBERS
from ccpkit.parse.rules.options import table_cells
from ccpkit.parse.tree import Node
from ccpkit.regex import regex

_ASKS_TO_MATCH = regex(
    r"(?:(?:\*\*|__)?(?i:q(?:uestion)?\s*)?\d+[.):]?(?:\*\*|__)?\s+|\*\*|__)?(?P<asked>(?i:match)\b[^\n]*)"
)
"""Words that ask to match, maybe after the question's number (``**Question 5.** Match each …``) or in
bold."""
_LETTERED = regex(r"[ \t]*(?:[-*+][ \t]+)?\(?(?P<letter>[A-Ha-h])[.)][ \t]+(?P<text>\S.*)")
"""An item of the lettered list: ``a. Message queue``, ``B) Streaming``, ``- c. …``."""
_LABELLED = regex(
    r"(?=.*\Z)(?:\*\*|__)?(?i:answers?|ans|key|solutions?)\.?[ \t]*:?(?:\*\*|__)?[ \t]*:?[ \t]*(?P<said>.+)"
)
"""The answer's line: ``**Answer:** …``, ``Key: …``. One line: text of several is told at once (the
spaces after the label were cut in every way first: 400 spaces before a second line took 7 s)."""
_MARK = rf"\d{{1,2}}|(?i:{ROMAN_NUMBER})(?![A-Za-z])|[A-Za-z]"
"""How an item of a list is marked: a number, a Roman one in either case (``ii``, ``III``), or a
letter."""
_PAIR = regex(
    rf"\(?(?P<left>{_MARK})\)?\s*(?:(?:[-\u2013\u2014:=>)]|->|\u2192)\s*)?\(?(?P<right>{_MARK})\)?(?![A-Za-z])",
    re.I,
)
"""One pair of the answer: ``1-b``, ``2 → a``, ``3:c``, ``1b``, and as Indian papers pair List I with
List II, ``A-2``, ``(i)-(q)``."""


_CAPTION = regex(r"[^\n]{1,30}:(?:\*\*|__)?|(?:\*\*|__)[^*_\n]{1,30}(?:\*\*|__)")
"""A list's caption on a line of its own: ``Column A:``, ``**List I**``."""
_MOST_BLOCKS = 5
"""An exercise's blocks at most: a caption over each list, the two lists, the answer."""


@dataclass(frozen=True, slots=True)
class _Exercise:
    """What a matching exercise is written as: its blocks, the items asked (each with the block it is
    written in) and those that answer, by their marks in lower case (``1``, ``a``, ``ii``), and the block
    that answers."""

    blocks: tuple[Node, ...]
    left: dict[str, tuple[str, Node]]
    right: dict[str, str]
    answer: Node


def extract_matching(ctx: Context) -> Iterator[Item | Problem]:
    """A card per pair of every matching exercise in the file."""
    nodes = [block.node for block in ctx.doc.blocks]
    sections = [block.section for block in ctx.doc.blocks]
    for index, node in enumerate(nodes):
        if (missing := _headings_without_parts(ctx, nodes, index)) is not None:
            yield missing
            continue
        asked = _ASKS_TO_MATCH.fullmatch(_asking_words(node).strip())
        exercise = _exercise(nodes[index + 1 : index + 1 + _MOST_BLOCKS]) if asked is not None else None
        if asked is None or exercise is None or any(map(ctx.is_claimed, (node, *exercise.blocks))):
            continue
        left, right, answer = exercise.left, exercise.right, exercise.answer
        pairs = _pairs(paragraph_words(answer))
        if not pairs:
            continue
        ctx.claim(*([node] if node.type == "paragraph" else []), *exercise.blocks)
        lead_in = asked["asked"].rstrip(" .:*_")
        wrong = [
            f"{asking}-{answering}"
            for asking, answering in pairs
            if asking not in left or answering not in right
        ]
        if wrong or len(pairs) < len(left):
            told = f"names no item of the lists: {', '.join(wrong)}" if wrong else "leaves some item unpaired"
            message = f"matching exercise's answer {told}: give each numbered item its letter (`1-b, 2-a`)"
            yield ctx.problem(answer, message)
        for asking, answering in pairs:
            if asking in left and answering in right:
                (front, item), back = left[asking], right[answering]
                common = ctx.common("card", front.strip(), item, sections[index])
                yield ctx.build(node, partial(common.card, front=front.strip(), back=back, lead_in=lead_in))


def _headings_without_parts(ctx: Context, nodes: Sequence[Node], index: int) -> Problem | None:
    """A warning at the key of an exercise matching headings to a passage's parts (a Roman-numbered
    list of headings, ``6. Paragraph A`` items, ``Answers: 6. ii 7. iii``) when the notes do not hold
    those parts: each item asks about a paragraph the notes lack, so no card can be made. Its blocks
    are claimed, so no rule reads the key as a term or the headings as notes."""
    named = _parts_named(nodes[index])
    if named is None or not 0 < index < len(nodes) - 1:
        return None
    headings, key = nodes[index - 1], nodes[index + 1]
    pairs = _headings_keyed(paragraph_words(key))
    marks = [(found["mark"].lower() if found else "") for found in map(_MARKED.fullmatch, _lines(headings))]
    if (
        _run_kind(marks) != "roman"
        or not pairs
        or any(asked not in named or heading not in marks for asked, heading in pairs)
        or any(map(ctx.is_claimed, (headings, nodes[index], key)))
        or _holds_parts(ctx, set(named.values()))
    ):
        return None
    if index < 2 or not _ASKS_FOR_HEADINGS.search(paragraph_words(nodes[index - 2])):
        return None  # no words ask to choose headings: a recipe's steps over `1. Section A` are notes
    letters = ", ".join(sorted(set(named.values())))
    message = (
        f"matching exercise's answers pair headings with paragraphs ({letters}) that are not in the "
        "notes, so no card was made from it: a card needs the paragraph it asks about"
    )
    return Problem(ctx.at(key), message, "warning")


def _headings_keyed(text: str) -> list[tuple[str, str]]:
    """The pairs a key of headings gives (``**Answers:** 6. ii 7. iii``, ``6-ii, 7-iii``): each item's
    number and its heading's Roman number in lower case; none unless the line holds such pairs alone."""
    labelled = _HEADINGS_KEY_LABEL.fullmatch(text.strip())
    said = labelled["said"] if labelled else ""
    found = list(_HEADING_KEY_ENTRY.finditer(said))
    if not found or re.sub(r"[\s,;.]", "", _HEADING_KEY_ENTRY.sub("", said).replace("*", "")):
        return []
    return [(entry["number"], entry["heading"].lower()) for entry in found]


_HEADINGS_KEY_LABEL = regex(
    r"(?=.*\Z)(?:\*\*|__)?(?i:answers?(?:[ \t]+key)?|ans|key|solutions?)\.?[ \t]*:?(?:\*\*|__)?[ \t]*:?[ \t]*"
    r"(?P<said>.+)"
)
"""A key's line, as ``_LABELLED`` reads it, or titled ``Answer key:``."""
_HEADING_KEY_ENTRY = regex(
    rf"(?P<number>\d{{1,2}})[ \t]*(?:[-.):=\u2013\u2014][ \t]*)?"
    rf"\(?(?P<heading>(?i:{ROMAN_NUMBER}))\)?(?![\w])"
)
"""An entry of a key pairing an item's number with a heading's Roman number: ``6. ii``, ``7-iii``."""


def _parts_named(node: Node) -> dict[str, str] | None:
    """A numbered list's items each naming a lettered part of a passage (``6. Paragraph A``), the part's
    letter by the item's number; ``None`` for any other block."""
    if node.type != "ordered_list" or len(node.children) < 2:
        return None
    found = [(item.info or "1", _NAMES_A_PART.fullmatch(item_words(item).strip())) for item in node.children]
    if not all(part for _, part in found):
        return None
    return {number: part["letter"].upper() for number, part in found if part}


_NAMES_A_PART = regex(r"(?i:paragraph|section|part)\s+(?P<letter>[A-Za-z])")
"""An item naming a lettered part of a reading passage: ``Paragraph A``, ``Section C``."""
_ASKS_FOR_HEADINGS = regex(r"(?i)\bheadings?\b")
"""Words over such an exercise naming its headings (``Choose the correct heading for each paragraph``)."""


def _lines(node: Node) -> list[str]:
    """A paragraph's lines, or a list's items' words."""
    if node.type in LISTS:
        return [item_words(item) for item in node.children]
    return paragraph_words(node).split("\n") if node.type == "paragraph" else []


def _holds_parts(ctx: Context, letters: set[str]) -> bool:
    """Whether a line of the notes opens with one of ``letters`` as a part's label, alone (``**B**``,
    ``### Paragraph C``) or over a paragraph's words (``A. Tea reached Europe …``): the passage is there.
    An option's few words (``A. Paris``) are no paragraph."""
    for line in ctx.doc.lines:
        found = _PART_LABEL.match(line)
        if found is not None and found["letter"].upper() in letters:
            words = len(line[found.end() :].split())
            if words == 0 or words >= _PARAGRAPH_WORDS:
                return True
    return False


_PARAGRAPH_WORDS = 12
"""A passage's paragraph has this many words at least; an option fewer."""


_PART_LABEL = regex(
    r"[ \t]*(?:#{1,6}[ \t]+|>[ \t]*)?(?:\*\*|__)?(?:(?i:paragraph|section|part)[ \t]+)?"
    r"\(?(?P<letter>[A-Za-z])(?:\*\*|__)?(?:[.):](?:[ \t]|$)|[ \t]*$)"
)
"""How a passage's part opens its line: ``A.``, ``(B)``, ``**C**``, ``Paragraph D``, ``### E``."""


def _asking_words(node: Node) -> str:
    """The words that may ask to match: a paragraph's, or a heading's (``## Match the units`` over the
    table, asked by its heading alone, which still titles its section)."""
    return heading_text(node) if node.type == "heading" else paragraph_words(node)


def _exercise(following: Sequence[Node]) -> _Exercise | None:
    """The matching exercise the blocks below its words hold: a table of numbered and lettered items,
    or a numbered list and a lettered one, each maybe under its caption, then the answer; ``None`` for
    any other blocks."""
    if len(following) >= 2 and (table := _table_items(following[0])) is not None:
        return _Exercise(tuple(following[:2]), table[0], table[1], following[1])
    blocks = list(following)
    numbered = _after_caption(blocks)
    lettered = _after_caption(blocks)
    answer = blocks.pop(0) if blocks else None
    if numbered is None or lettered is None or answer is None or numbered.type != "ordered_list":
        return None
    left = {str(number): (item_words(item), item) for number, item in enumerate(numbered.children, 1)}
    right = _lettered_items(lettered)
    if len(left) < 2 or not all(words for words, _ in left.values()) or len(right) < 2:
        return None
    return _Exercise(tuple(following[: len(following) - len(blocks)]), left, right, answer)


def _after_caption(blocks: list[Node]) -> Node | None:
    """The next block of ``blocks`` (taken from them), past a caption over it (taken too)."""
    if len(blocks) >= 2 and _CAPTION.fullmatch(paragraph_words(blocks[0]).strip()):
        blocks.pop(0)
    return blocks.pop(0) if blocks else None


def is_matching_table(ctx: Context, node: Node) -> bool:
    """Whether a table sets two lists side by side to match (``| A. Ohm | 1. Electric potential |``):
    its rows' cells are no pairs, so it is no comparison table, answered or not. Numbered from past 1
    (``| 3. Methods | a. Sampling |``) it is one only where the file shows it numbers on: asked to match
    above it, a key naming its numbers below it, or the number before its first above it (questions 1-5
    before a part numbered 6, 7, 8); else it is an outline's numbered rows, a comparison table."""
    items = _table_items(node)
    if items is None or node.map is None:
        return False
    numbers = sorted(int(mark) for mark in (*items[0], *items[1]) if mark.isdigit())
    if not numbers or numbers[0] == 1:
        return True
    start, end = node.map
    return (
        _asked_above(ctx.doc.lines[:start])
        or _keyed(ctx.doc.lines[end:], numbers)
        or _numbered_before(ctx.doc.lines[:start], numbers[0] - 1)
    )


def _asked_above(above: Sequence[str]) -> bool:
    """Whether the nearest line written above asks to match (``Match each tool to its use.``)."""
    written = [line.strip().lstrip("#").strip() for line in above if line.strip()]
    return bool(written) and _ASKS_TO_MATCH.fullmatch(written[-1]) is not None


_KEY_ENTRY = regex(r"(?P<number>\d{1,2})[ \t]*(?:[-.):=\u2013\u2014][ \t]*)?\(?[A-Za-z]\)?(?![\w])")
"""An entry of a key pairing a number with a letter: ``6. b``, ``7-a``, ``8: (c)``."""


def _keyed(below: Sequence[str], numbers: Sequence[int]) -> bool:
    """Whether lines below name each of ``numbers`` with a letter, each entry on a line of entries alone
    (``6. b``, ``Answer: 6-b, 7-a, 8-c``)."""
    named: set[int] = set()
    for line in below:
        labelled = _LABELLED.fullmatch(line.strip())
        said = labelled["said"] if labelled else line.strip().lstrip("-*+ \t")
        entries = list(_KEY_ENTRY.finditer(said))
        if entries and not re.sub(r"[\s,;.]", "", _KEY_ENTRY.sub("", said).replace("*", "")):
            named.update(int(entry["number"]) for entry in entries)
    return set(numbers) <= named


_NUMBERED_LINE = regex(
    r"[ \t]*(?:(?:[-*+]|#{1,6})[ \t]*)?(?:\*\*|__)?(?i:q(?:uestion)?[ \t]*)?(?P<number>\d{1,3})[.):]"
)
"""A line numbered as a list item or a question is: ``5. The boundary …``, ``**Q5.** …``."""


def _numbered_before(above: Sequence[str], number: int) -> bool:
    """Whether a line above is numbered ``number``: the file numbers on into the table."""
    return any((found := _NUMBERED_LINE.match(line)) and int(found["number"]) == number for line in above)


def _table_items(node: Node) -> tuple[dict[str, tuple[str, Node]], dict[str, str]] | None:
    """The items of a table's first column (``| 1. Tug |``, ``| A. Ohm |``, ``| (i) Hertz |``) and
    those of its second (``| A. Pushes ships |``, ``| 2. Resistance |``, ``| (q) Frequency |``), each
    column marked in a run of its own kind (numbers from any, letters from ``a`` or ``p``, Roman numbers
    from ``i``); ``None`` for any other block."""
    body = node.children[1].children if node.type == "table" and len(node.children) > 1 else []
    rows = [(table_cells(row), row) for row in body]
    if len(rows) < 2 or any(len(cells) != 2 for cells, _ in rows):
        return None
    left = [(_MARKED.fullmatch(cells[0]), row) for cells, row in rows]
    right = [_MARKED.fullmatch(cells[1]) for cells, _ in rows]
    lefts = [found["mark"].lower() if found else "" for found, _ in left]
    rights = [found["mark"].lower() if found else "" for found in right]
    if _run_kind(lefts) is None or _run_kind(rights) is None or _run_kind(lefts) == _run_kind(rights):
        return None
    return (
        {found["mark"].lower(): (found["text"], row) for found, row in left if found},
        {found["mark"].lower(): found["text"].strip() for found in right if found},
    )


_MARKED = regex(rf"\(?(?P<mark>{_MARK})[.)][ \t]+(?P<text>\S.*)")
"""An item in a table's cell: ``1. Tug``, ``A. Ohm``, ``(i) Hertz``, ``III. Photosynthesis``."""
_RUNS = {
    "number": [str(count) for count in range(1, 100)],
    "letter": list("abcdefghijklmnopqrstuvwxyz"),
    "roman": list(ROMAN_NUMBERS),
}
"""The runs a list's marks may follow: numbers from any (a question bank numbers on, ``6. Magma`` after
five questions), letters from ``a`` (or from ``p``, as Indian papers letter List II), Roman numbers
from ``i``."""
_LETTER_STARTS = ("a", "p")


def _run_kind(marks: Sequence[str]) -> str | None:
    """Which run ``marks`` are, each once, in any order (``1, 2, 3``; ``6, 7, 8``; ``a, c, b``; ``p, q,
    r``; ``i, ii``), ``None`` if none."""
    for kind, run in _RUNS.items():
        starts = {"number": run, "letter": _LETTER_STARTS}.get(kind, run[:1])
        for start in starts:
            at = run.index(start)
            if len(set(marks)) == len(marks) and set(marks) == set(run[at : at + len(marks)]):
                return kind
    return None


def _lettered_items(node: Node) -> dict[str, str]:
    """The lettered list's items by lower-case letter, written as lines (maybe under their caption's,
    ``Column B:``) or as bullets; none for any other block."""
    lines = paragraph_words(node).split("\n") if node.type == "paragraph" else []
    if len(lines) > 2 and _CAPTION.fullmatch(lines[0].strip()) and not _LETTERED.fullmatch(lines[0]):
        lines = lines[1:]
    if node.type in LISTS:
        lines = [item_words(item) for item in node.children]
    return _lettered_items_of(lines)


def _lettered_items_of(lines: Sequence[str]) -> dict[str, str]:
    """Lines each lettered (``a. Message queue``) by lower-case letter; none unless every one is."""
    found = [_LETTERED.fullmatch(line) for line in lines]
    if not found or not all(found):
        return {}
    return {match["letter"].lower(): match["text"].strip() for match in found if match}


def _pairs(text: str) -> list[tuple[str, str]]:
    """The pairs an answer line gives (``**Answer:** 1-b, 2-a, 3-c``, ``A-2``, ``(i)-(q)``), by their
    marks in lower case, each item asked once; none unless the line holds pairs alone."""
    labelled = _LABELLED.fullmatch(text.strip())
    words = labelled["said"] if labelled else ""
    found = list(_PAIR.finditer(words))
    rest = re.sub(r"[\s,;.&]|and", "", _PAIR.sub("", words))
    asked = [match["left"].lower() for match in found]
    if not found or rest or len(set(asked)) < len(asked):
        return []
    return [(match["left"].lower(), match["right"].lower()) for match in found]
