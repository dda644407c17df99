"""Cloze syntax in inline Markdown: Anki's ``{{c1::answer::hint}}`` and highlights ``==answer==``.

One place reads the markers, for the parser (which text is a cloze, what is wrong with it, numbering
highlights), for ids (the sentence without markers) and for the exporters (hidden parts, a printed
sentence with them in bold). Code spans are never read: ```{{c1::x}}``` in backticks is code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from ccpkit.model import MAX_CLOZE
from ccpkit.regex import regex

_TOKEN = regex(
    r"(?P<code>(?<!`)(`+)(?!`)[\s\S]+?\2)"
    r"|\{\{c(?P<number>\d+)::(?P<answer>"
    r"(?:(?>(?P<inner>`+)[^`]+?(?P=inner)|\$[^$\n]+?\$|\\\([\s\S]+?\\\)|(?!\{\{|\}\}|::)[\s\S]))*"
    r"(?=(?:::(?:(?!\{\{|\}\})[\s\S])*)?\}\})"
    r"|(?:(?!\{\{|\}\}|::)[\s\S])*)"
    r"(?:::(?P<hint>(?:(?!\{\{|\}\})[\s\S])*))?\}\}"
    r"|(?<![=\\])==(?P<highlight>[^\s=](?:(?:(?!==)[^\n])*?[^\s=\\])??)==(?!=)"
)
"""A code span (skipped), an Anki cloze (number, answer, optional hint), or a highlight. A cloze's
answer may hold code or a formula whose ``::`` or ``}}`` ends nothing (``{{c1::`std::vector`}}``).
Each piece of the answer is read one way (atomic): a cloze never closed that held n formulas was
tried cut in 2^n ways (each formula read whole, then char by char). If the cloze does not close
read so, its answer is read char by char up to the first ``::`` or ``}}``."""
_BRACED = regex(
    r"(?P<code>(?<!`)(`+)(?!`)[\s\S]+?\2)|\{\{(?!c\d+::)(?P<answer>(?![\w.]*_[\w.]*\}\})[^{}\s](?:[^{}\n]*[^{}\s])?)\}\}"
)
"""A code span (skipped), or RemNote's cloze: ``{{Paris}}``; not a template's field (``{{ score }}``,
spaced inside, or ``{{first_name}}``, a name in code's style)."""


@dataclass(frozen=True, slots=True)
class Hidden:
    """One hidden part: its cloze number, the answer and the hint (empty when none)."""

    number: int
    answer: str
    hint: str = ""
    start: int = 0
    """Offset of the marker in the text (for a problem's line)."""
    highlight: bool = False
    """Written as ``==answer==``; numbered by :func:`numbered`."""


@dataclass(frozen=True, slots=True)
class Mistake:
    """A marker Anki would show as raw text or as an empty card; ``start`` is its offset in the text."""

    start: int
    message: str


def may_hide(text: str, *, highlights: bool = True) -> bool:
    """Whether ``text`` holds the start of any marker: most text holds none, and is read no further."""
    return "{{" in text or "{c" in text or (highlights and "==" in text)


def hidden_parts(text: str, *, highlights: bool = True) -> tuple[Hidden, ...]:
    """Every cloze of ``text`` in order; highlights count only when ``highlights`` (number 0 until
    :func:`numbered` gives them one)."""
    if not may_hide(text, highlights=highlights):
        return ()
    found = []
    for match in _TOKEN.finditer(text):
        if match["number"] is not None:
            found.append(Hidden(int(match["number"]), match["answer"], match["hint"] or "", match.start()))
        elif match["highlight"] is not None and highlights:
            found.append(Hidden(0, match["highlight"], "", match.start(), highlight=True))
    return tuple(found)


def mistakes(text: str) -> tuple[Mistake, ...]:
    """Unclosed ``{{c1::``, empty answers, ``c0``, numbers past Anki's last and single braces
    (``{c1::…}``): each with what to write instead."""
    if "{{" not in text and "{c" not in text:  # every mistake is in an Anki marker: most text holds none
        return ()
    found = []
    end = 0
    for match in [*_TOKEN.finditer(text), None]:
        gap = text[end : match.start() if match else len(text)]
        for opening in OPENING.finditer(gap):
            message = f"cloze {opening[0]!r} is never closed: end it with '}}}}' (like {{{{c1::S3}}}})"
            found.append(Mistake(end + opening.start(), message))
        for single in _ONE_BRACE.finditer(gap):
            message = f"cloze {single[0]!r} has one brace on each side: write two, {{{single[0]}}}"
            found.append(Mistake(end + single.start(), message))
        if match is None:
            break
        end = match.end()
        if match["number"] is None:
            continue
        if not match["answer"].strip():
            message = f"cloze {match[0]!r} hides nothing: write the answer after '::' or remove the marker"
            found.append(Mistake(match.start(), message))
        elif int(match["number"]) == 0:
            message = f"cloze {match[0]!r}: numbers start at c1 (Anki makes no card for c0)"
            found.append(Mistake(match.start(), message))
        elif int(match["number"]) > MAX_CLOZE:
            message = f"cloze {match[0]!r}: numbers go up to c{MAX_CLOZE} (Anki's last cloze card)"
            found.append(Mistake(match.start(), message))
    return tuple(found)


def numbered(text: str, *, highlights: bool = True) -> str:
    """``text`` with each highlight written as an Anki cloze: c1, c2 … in order, skipping the numbers
    the explicit clozes of the text use (explicit numbers win)."""
    taken = _free_numbers(text)

    def replace(match: re.Match[str]) -> str:
        if match["highlight"] is None or not highlights:
            return match[0]
        return f"{{{{c{next(taken)}::{match['highlight']}}}}}"

    return _TOKEN.sub(replace, text)


def braces_numbered(text: str) -> str:
    """``text`` with each of RemNote's clozes (``{{Paris}}``) written as an Anki cloze of its own,
    numbered after those the text has (``{{c1::Paris}}``)."""
    if "{{" not in text:
        return text
    taken = _free_numbers(text)

    def replace(match: re.Match[str]) -> str:
        return match[0] if match["answer"] is None else f"{{{{c{next(taken)}::{match['answer']}}}}}"

    return _BRACED.sub(replace, text)


def short_braces_as_anki(text: str, places: Iterator[int]) -> str:
    """``text`` with inka's short clozes written as Anki's: ``{2::Rhine}`` and ``{c2::Rhine}`` as
    ``{{c2::Rhine}}``, and ``{Rhine}`` numbered by its place among the note's clozes (Anki's counted),
    as inka numbers it; ``places`` counts those places over the note's lines. Braces in code, in a
    formula or escaped (``\\{``) are text."""

    def replace(match: re.Match[str]) -> str:
        if match["text"] is not None:
            return match[0]
        place = next(places)
        if match["explicit"] is not None:
            return f"{{{{c{match['number']}::{match['explicit']}}}}}"
        return match[0] if match["implicit"] is None else f"{{{{c{place}::{match['implicit']}}}}}"

    return _SHORT_BRACES.sub(replace, text)


_SHORT_BRACES = regex(
    r"(?P<text>(?<!`)(`+)(?!`)[\s\S]+?(?<!`)\2(?!`)|\$\$[\s\S]+?\$\$|(?<![\w$\\])\$(?=\S)[^$\n]*?(?<=\S)\$"
    r"|\\\([\s\S]+?\\\)|\\\[[\s\S]+?\\\]|\\[{}])"
    r"|\{\{c\d+::(?:(?!\}\})[\s\S])*\}\}"
    r"|(?<!\{)\{c?(?P<number>\d+)::(?P<explicit>[^{}]*)\}(?!\})"
    r"|(?<!\{)\{(?P<implicit>[^{}]*[^{}\s][^{}]*)\}(?!\})"
)
"""Text whose braces hide nothing (a code span, a formula, an escaped brace), an Anki cloze (counted),
or inka's short cloze: explicit (``{1::Rhine}``, ``{c1::Rhine}``) or implicit (``{Rhine}``)."""


def _free_numbers(text: str) -> Iterator[int]:
    """The cloze numbers ``text``'s explicit clozes leave free, ascending."""
    used = {part.number for part in hidden_parts(text, highlights=False)}
    return (number for number in range(1, len(text) + 2) if number not in used)


def numbers(text: str) -> tuple[int, ...]:
    """The distinct cloze numbers of a numbered text, ascending: one Anki card each."""
    return tuple(sorted({part.number for part in hidden_parts(text, highlights=False)}))


def kept_numbers(hidden: Sequence[str], recorded: Sequence[str]) -> tuple[str, ...]:
    """What each cloze number hides, to send: ``hidden`` is a numbered text's ``answers`` (``c1: x``),
    ``recorded`` the same as last sent (a number's parts joined by ``\x1f``; ``""``: unused; ``GONE``
    and the parts: gone, remembered). Anki keeps a card's history by its number, so parts recorded keep
    their number (the same words twice keep both); a part reworded takes the number of the gone part
    it reads most like; a part put back takes the number it had; a new part takes the next number
    never used (past Anki's last, a number left unused or gone). A number whose parts are gone stays
    unused, remembering them: a part added later never takes its card (until Anki's last number is
    used), the same part put back does."""
    left: dict[str, list[int]] = {}
    remembered: dict[str, list[int]] = {}
    for number, text in enumerate(recorded, start=1):
        if text.startswith(GONE):
            remembered.setdefault(text.removeprefix(GONE), []).append(number)
        elif text:
            left.setdefault(text, []).append(number)
    kept = {number: text if text.startswith(GONE) else "" for number, text in enumerate(recorded, start=1)}
    changed: list[tuple[int, str]] = []
    for written, text in _groups(hidden).items():
        if left.get(text):
            kept[left[text].pop(0)] = text
        elif remembered.get(text):
            kept[remembered[text].pop(0)] = text  # put back: its card, and its history, return
        else:
            changed.append((written, text))
    gone = {number: text for text, numbers in left.items() for number in numbers}
    reworded = _reworded(changed, gone)
    for number, text in gone.items():
        if number not in reworded.values():
            kept[number] = f"{GONE}{text}"  # before new parts are placed: past Anki's last, one may take it
    for index, (_, text) in enumerate(changed):
        kept[reworded[index] if index in reworded else _unused(kept)] = text
    return tuple(kept.values())


GONE = "\x1e"
"""Marks a cloze number whose parts left the note: its card stays empty until the same parts return."""
PARTS_APART = "\x1f"
"""Between the parts one cloze number hides, as recorded."""


_ALIKE = 0.4
"""How alike (``difflib``'s ratio) a part must read to a gone one to be that part reworded: ``100
degrees`` and ``100 °C`` are, and ``S3`` and ``Amazon S3`` (``_likeness``); ``heart`` and ``blood`` are
not."""


def _reworded(changed: Sequence[tuple[int, str]], gone: dict[int, str]) -> dict[int, int]:
    """Each changed part (by its place in ``changed``, with the number written) that rewords a gone one,
    with that one's number: a part joining the gone ones of the number written keeps it (``{{c1::S3}}``
    and ``{{c2::buckets}}`` made one card as ``c1``), then the most alike pairs first."""
    taken: dict[int, int] = {
        index: written
        for index, (written, text) in enumerate(changed)
        if written in gone and set(gone[written].split(PARTS_APART)) < set(text.split(PARTS_APART))
    }
    pairs = sorted(
        (
            (_likeness(text, was), index, number)
            for index, (_, text) in enumerate(changed)
            for number, was in gone.items()
        ),
        reverse=True,
    )
    for likeness, index, number in pairs:
        if likeness >= _ALIKE and index not in taken and number not in taken.values():
            taken[index] = number
    return taken


def edits(text: str, was: str) -> bool:
    """Whether a hidden part reads as another one edited (``cells`` for ``cell``, ``Amazon S3`` for
    ``S3``), closer than a part reworded has to (``_ALIKE``)."""
    return words_held(text, was) or SequenceMatcher(None, text.casefold(), was.casefold()).ratio() >= _EDITED


_EDITED = 0.6


def _likeness(text: str, was: str) -> float:
    """How alike a part reads to a gone one: ``difflib``'s ratio, and at least ``_ALIKE`` when the words
    of one are all words of the other (``S3`` and ``Amazon S3``: the same part, said more fully)."""
    ratio = SequenceMatcher(None, text.casefold(), was.casefold()).ratio()
    return max(ratio, _ALIKE) if words_held(text, was) else ratio


def words_held(text: str, other: str) -> bool:
    """Whether the words of one text are all words of the other (``S3`` in ``Amazon S3``, ``Pricing`` in
    ``EC2 Pricing``), case aside; never for a text of no words."""
    words, others = set(_WORD.findall(text.casefold())), set(_WORD.findall(other.casefold()))
    return bool(words) and bool(others) and (words <= others or others <= words)


_WORD = regex(r"\w+")


def _unused(kept: dict[int, str]) -> int:
    """The next number never used, or past Anki's last one the lowest left unused."""
    if len(kept) < MAX_CLOZE:
        return len(kept) + 1
    return next((number for number, text in kept.items() if not text or text.startswith(GONE)), MAX_CLOZE)


def renumbered(text: str, hidden: Sequence[str], kept: Sequence[str]) -> str:
    """``text`` (a numbered text's HTML, whose ``answers`` are ``hidden``) with each cloze number the
    one ``kept_numbers`` gave its parts; code shown in it (``<code>{{c1::x}}</code>``) as written."""
    places: dict[str, list[int]] = {}
    for number, parts in enumerate(kept, start=1):
        places.setdefault(parts, []).append(number)
    moves = {number: places[parts].pop(0) for number, parts in _groups(hidden).items() if places.get(parts)}
    return _moved(text, moves)


def in_order(text: str) -> str:
    """``text`` (a numbered text's HTML) with its cloze numbers given in the order they first appear:
    the same for an author's renumbering alone (``{{c2::Lima}} … {{c1::Santiago}}``), which sends
    nothing new, as each part keeps the number it was sent with (``kept_numbers``)."""
    pieces = _SHOWN_CODE.split(text)[::2]
    first = dict.fromkeys(int(number) for piece in pieces for number in OPENING.findall(piece))
    return _moved(text, {number: place for place, number in enumerate(first, start=1)})


def _moved(text: str, moves: dict[int, int]) -> str:
    """``text`` with each cloze number ``moves`` names changed to its place; code shown in it as written."""
    if all(number == place for number, place in moves.items()):
        return text
    pieces = _SHOWN_CODE.split(text)  # text, code, text …: the code is every other piece
    for place in range(0, len(pieces), 2):
        pieces[place] = OPENING.sub(
            lambda found: f"{{{{c{moves.get(int(found[1]), int(found[1]))}::", pieces[place]
        )
    return "".join(pieces)


def _groups(hidden: Sequence[str]) -> dict[int, str]:
    """Each cloze number's parts (``c1: x`` lines of ``answers``), joined by ``\x1f``, by number."""
    parts: dict[int, list[str]] = {}
    for line in hidden:
        number, _, answer = line.partition(": ")
        parts.setdefault(int(number[1:]), []).append(answer)
    return {number: PARTS_APART.join(texts) for number, texts in sorted(parts.items())}


_ONE_BRACE = regex(r"(?<!\{)\{c\d+::[^{}\n]*\}(?!\})")
"""A cloze written with single braces (``{c1::20,000}``): Anki shows it as typed."""
OPENING = regex(r"\{\{c(\d+)::")
"""An Anki cloze's opening, its number the group: ``{{c2::``."""
_SHOWN_CODE = regex(r"(<code\b.*?</code>)", re.S)


def has_cloze(text: str, *, highlights: bool = True) -> bool:
    return bool(hidden_parts(text, highlights=highlights))


def revealed(text: str, *, mark: str = "") -> str:
    """The sentence as a reader sees it after the answer: markers gone, answers in place, each
    wrapped in ``mark`` (``**`` prints them bold; empty: plain, as ids and plain CSV want)."""

    def replace(match: re.Match[str]) -> str:
        if match["code"] is not None:
            return match[0]
        answer = match["answer"] if match["number"] is not None else match["highlight"]
        return f"{mark}{answer}{mark}" if mark and not answer.startswith(("*", "_")) else answer

    return _TOKEN.sub(replace, text)


def answers(text: str) -> tuple[str, ...]:
    """``c1: answer`` per hidden part, in order: what a student must recall from a numbered text."""
    return tuple(f"c{part.number}: {part.answer}" for part in hidden_parts(text, highlights=False))
