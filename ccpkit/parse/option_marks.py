"""Options marked with circled numbers, kana, the letters of other scripts, or numbers in brackets or
in Roman, as Korean, Japanese, bubble-sheet, Russian, Greek, Hindi, Bengali, Arabic and Indian banks
write them.

``① … ② …`` then ``정답: ②``; ``ア … イ …`` then ``正解 イ``; ``Ⓐ … Ⓑ …`` (or ``🅰️ … 🅱️ …``)
then ``Answer: Ⓑ``; Cyrillic letters then ``Ответ: Б``; ``(क) … (ख) …`` then ``उत्तर: (ख)``. Each
mark is the letter of its place (①, ア and क are A; ②, イ, Б and ख are B …), written as such before
any rule reads the file, so the question rules read them as any lettered options. A run of such
lines from the first mark is rewritten, and the answer naming a mark below it. Circled numbers,
kana and numbers need that answer on the next line of words (elsewhere ① numbers a step, ア is a
word, and ``(ii)`` a law of a list). A letter needs its stop or bracket (``Б)``, ``Б.``, ``(Б)``: a
Cyrillic letter alone is a word) and keeps its case, so lower-case Cyrillic reads as ``a) … b) …``
does; its options (and options numbered in brackets) are rewritten when answered below, or under
words that ask (``…?``) in a file that answers such options elsewhere (a key: ``1-Б``, ``1. (2)``), as
a list in prose is not (it is printed as written).
An answer in parts (``(1) 19.6 m/s; (2) 19.6 m``) names no option.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Container, Sequence

from ccpkit.parse.answer_words import ANSWER_ABROAD, labels_options
from ccpkit.parse.roman import ROMAN_NUMBERS, alternation
from ccpkit.regex import regex

_MARKS = ("①②③④⑤⑥⑦⑧", "ⒶⒷⒸⒹⒺⒻⒼⒽ", "ⓐⓑⓒⓓⓔⓕⓖⓗ", "アイウエオカキク")
_LETTERS = (
    "АБВГДЕЖЗ",
    "абвгдежз",
    "ΑΒΓΔΕΖΗΘ",
    "αβγδεζηθ",
    "कखगघङचछज",
    "কখগঘঙচছজ",
    "أبجدهوزح",
    "กขคงจฉชซ",
    "אבגדהוזח",
    "가나다라마바사아",
)
"""Cyrillic, Greek (each in both cases), Devanagari, Bengali, Arabic in its abjad order, Thai, Hebrew,
and Korean's syllables in their dictionary order (``가. … 나. …``)."""
_NUMBERS = tuple(f"({number})" for number in range(1, 9))
"""``(1) … (2) …``, as Indian banks number their options (``Ans. (2)``)."""
_ROMAN = ROMAN_NUMBERS[:8]
"""``(i) … (ii) …``, ``i. … ii. …``, as other banks number them (``Answer: (ii)``); capitals too."""
_PLACE = {
    mark: (kind, place)
    for kind, marks in enumerate((*_MARKS, *_LETTERS, _NUMBERS, _ROMAN, tuple(map(str.upper, _ROMAN))))
    for place, mark in enumerate(marks)
}
_SQUARED = "\U0001f170\U0001f171\U0001f172\U0001f173\U0001f174\U0001f175\U0001f176\U0001f177"
"""The emoji letters 🅰 🅱 🅲 …, as generated quizzes letter options: the circled letters' places."""
_PLACE |= {squared: _PLACE[circled] for squared, circled in zip(_SQUARED, _MARKS[1], strict=True)}
_EMOJI_STYLE = "\ufe0f"
"""The variation selector that may follow a mark (``🅱️``): no part of it."""
_MARK = f"[{''.join(_MARKS)}{_SQUARED}]{_EMOJI_STYLE}?"
_LETTER = f"[{''.join(_LETTERS)}]"
_STOP = "[.)\uff0e\uff09]"
_ROMAN_NUMBER = f"(?:{alternation(_ROMAN)}|{alternation([number.upper() for number in _ROMAN])})"
_NAMED = rf"(?:{_MARK}|\(?{_LETTER}\)?|\(?[1-8]\)?|\(?{_ROMAN_NUMBER}\)?)"
_ANSWER = regex(
    rf"(?P<label>(?<!\w)(?:{ANSWER_ABROAD}|正答|correct\s+answer|answer|ans)\.?\s*[:\uff1a]?\s*(?:\*\*|__)?\s*)"
    rf"(?P<marks>{_NAMED}(?:\s*[,\u3001]\s*{_NAMED})*)(?!\w)",
    re.I,
)
"""An answer naming marks: ``정답: ②``, ``正解 イ`` (a full-width colon too), ``Answer: Ⓑ``,
``정답: ①, ③``, ``Ответ: Б``, ``উত্তর: (খ)``, ``Ans. (2)``."""
_LEADING = " \t>-*_\u2705\u2714"
"""What may open an answer's line before its label: a quote's or list's marker, bold, a tick."""
_OPTION = regex(
    rf"^(?P<lead>\s*(?:>\s*)*(?:[-*+]\s+)?)(?:(?P<mark>{_MARK})(?:[ \t\u3000]+|{_STOP}[ \t\u3000]*)"
    rf"|(?P<open>\()?(?P<letter>{_LETTER})(?P<close>(?(open)\)|{_STOP}))[ \t\u3000]*"
    r"|(?P<numbered>\([1-8]\))[ \t\u3000]+"
    rf"|(?P<roman>\({_ROMAN_NUMBER}\)|{_ROMAN_NUMBER}[.)])[ \t\u3000]+)(?=\S)"
)
"""A line opening with a mark and then its words (``② Amazon S3``, ``- イ. Amazon S3``, full-width
stops and brackets too), with a letter and its stop or brackets (``Б) Amazon S3``, ``(ख) …``), or with
a number in brackets (``(2) Amazon S3``), or a Roman one (``(ii) …``, ``ii. …``)."""
_OPENING = frozenset(f"{''.join(_MARKS)}{_SQUARED}{''.join(letters[0] for letters in _LETTERS)}")
"""Any mark, or the first letter of a script's run: with a look for ``(1)``, one scan tells that most
files hold no such options."""
_PAST_LATIN = regex(f"[^\\x00-{chr(ord(min(_OPENING)) - 1)}]")
"""A character from the first of ``_OPENING`` on (past Latin and most Greek): a file's few (a dash,
quotation marks) are all that may be one. Written as the class of those before it, which reads twice as
fast."""
_LINE_LEAD = r"^[^\S\n]*(?:>[^\S\n]*)*(?:[-*+][^\S\n]+)?"
"""A line's quote and list markers, read in that line alone: ``\\s`` would run on over the lines below,
and a long run of blank (or ``>``) lines was read again from each of its lines."""
_ROMAN_LINE = regex(rf"{_LINE_LEAD}(?:\([iI]\)|[iI][.)])[ \t]", re.M)
_LETTER_LINE = regex(rf"{_LINE_LEAD}\(?{_LETTER}{_STOP}", re.M)
_CHOICE_LINE = regex(rf"{_LINE_LEAD}\((?i:choice)[ \t]+[A-H]\)", re.M)
_WIDE_LINE = regex(rf"{_LINE_LEAD}[(\uff08]?[1\uff11A\uff21][\uff0e\uff09]", re.M)


def answers_by_mark(text: str) -> bool:
    """Whether the file may hold options so marked: most hold none."""
    if _CHOICE_LINE.search(text) or (("\uff0e" in text or "\uff09" in text) and _WIDE_LINE.search(text)):
        return True  # `(Choice A) …`, full-width marks: options their own pass writes as ASCII ones
    numbered = "(1)" in text or _ROMAN_LINE.search(text) is not None
    if not numbered and not _opens_marks(text):
        return False
    marked = numbered or any(mark in text for marks in (*_MARKS, _SQUARED) for mark in marks)
    answered = _ANSWER.search(text) is not None or (
        numbered and (_VALUE_ANSWER.search(text) is not None or _NUMBER_KEY_LINE.search(text) is not None)
    )
    return (marked and answered) or _LETTER_LINE.search(text) is not None


def _opens_marks(text: str) -> bool:
    """Whether ``text`` holds any of ``_OPENING``: looked for in the runs of characters that may be
    one (``_PAST_LATIN``), as a pattern of them all tried on every character took three times as long."""
    return any(found[0] in _OPENING for found in _PAST_LATIN.finditer(text))


def marks_as_letters(text: str, code: Container[int]) -> str:
    """The text with each run of marked options (on lines of their own, from the first mark of a set,
    not in ``code``) written with letters (``A. …``, ``B) …``), and the answer below naming marks
    (``정답: B``). Every line keeps its number."""
    lines = _wide_marks_as_ascii(_choices_as_letters(text.split("\n"), code), code)
    written = tuple(lines)  # as the file has them: answers elsewhere are read before any is rewritten
    number, lettered = 0, False
    answered: dict[int, bool] = {}  # by kind: whether the file answers any options of it
    while number < len(lines):
        run = _options_from(lines, number, code)
        if not run:
            number += 1
            continue
        answer = _answer_below(lines, run, code)
        kind = _run_kind(lines[run[0]])
        valued = _answered_by_value(lines, run) if kind == _NUMBERED_KIND else None
        if valued is not None:  # `(1) 7` … `(4) 81`, `Ans. 9`: the option that reads 9, not a ninth
            at, said = valued
            lines[at] = said
            answer = None
        asked = (_by_letters(lines[run[0]]) or kind == _NUMBERED_KIND) and _asked_above(lines, run[0])
        if asked and kind not in answered:
            answered[kind] = _answered_in(written, kind, code)
        if answer is not None or valued is not None or (asked and answered[kind]):
            lettered = lettered or _by_letters(lines[run[0]]) or kind == _NUMBERED_KIND
            for at in run:
                lines[at] = _OPTION.sub(_lettered_option, lines[at], 1)
        if answer is not None:
            lines[answer] = _ANSWER.sub(_letters, lines[answer])
        number = run[-1] + 1
    for at, line in enumerate(lines):
        inline = _inline_numbers(line) if "(1)" in line and at not in code else None
        answer = _answer_below(lines, [at], code) if inline else None
        if inline and answer is not None and _answers(lines[answer], _NUMBERED_KIND):
            lines[at] = inline  # `(1) Na (2) Mg (3) Al (4) Si` on one line, `Ans. (4)` below it
            lines[answer] = _ANSWER.sub(_letters, lines[answer])
    if lettered:  # an answer key's lines naming such letters (or numbers) name the options so lettered
        lines = [line if at in code else _keyed_letters(line) for at, line in enumerate(lines)]
    return "\n".join(lines)


def _wide_marks_as_ascii(lines: list[str], code: Container[int]) -> list[str]:
    """Options marked full-width (``\uff11\uff0e…``, ``1\uff0e…``, ``\uff21\uff0e…``,
    ``\uff08\uff21\uff09…``),
    as Japanese and Chinese banks write them, two or more in a row from the first (``1``, ``A``), written
    as ASCII ones: a letter ``A. …``, a number ``(1) …`` (a number and a stop alone would be a list's);
    and the answer line below them (``正解\uff1a\uff12``) in ASCII too. Every line keeps its number."""
    lines = list(lines)
    number = 0
    while number < len(lines):
        run: list[tuple[int, re.Match[str]]] = []
        for at in range(number, len(lines)):
            found = _WIDE_OPTION.match(lines[at]) if at not in code else None
            if found is None or _wide_mark(found) != _nth_mark(_wide_mark(found), len(run)):
                break
            run.append((at, found))
        if len(run) >= 2 and any(not found[0].isascii() for _, found in run):
            for at, found in run:
                mark = _wide_mark(found)
                named = f"({mark}) " if mark.isdigit() else f"{mark}. "
                lines[at] = f"{found['lead']}{named}{lines[at][found.end() :]}"
            below = next((at for at in range(run[-1][0] + 1, len(lines)) if lines[at].strip()), None)
            opens = _ANSWER_OPENS.match(lines[below]) if below is not None and below not in code else None
            if below is not None and opens is not None and _WIDE_MARKS.fullmatch(lines[below][opens.end() :]):
                lines[below] = _ascii(lines[below])  # its marks alone: words after them are no option's
        number = run[-1][0] + 1 if len(run) >= 2 else number + 1
    return lines


def _wide_mark(found: re.Match[str]) -> str:
    """The ASCII letter or digit an option's full-width mark stands for."""
    return _ascii(found["inner"] or found["bare"])


def _ascii(text: str) -> str:
    """``text`` with its full-width letters and digits (and colon) as ASCII ones."""
    return text.translate(_WIDE_TO_ASCII)


def _nth_mark(mark: str, place: int) -> str:
    """The mark at ``place`` of the series ``mark`` belongs to (``1 2 3 …`` or ``A B C …``)."""
    return str(place + 1) if mark.isdigit() else chr(ord("A") + place)


_ANSWER_OPENS = regex(rf"[ \t>*_-]*(?:{ANSWER_ABROAD}|正答|correct\s+answer|answer|ans)", re.I)
_WIDE_MARK = r"[1-8\uff11-\uff18A-H\uff21-\uff28]"
_WIDE_MARKS = regex(
    rf"[ \t\u3000]*[:\uff1a]?[ \t\u3000]*{_WIDE_MARK}"
    rf"(?:[ \t\u3000]*[,\u3001\uff0c\u30fb&][ \t\u3000]*{_WIDE_MARK})*[ \t\u3000.\u3002]*"
)
"""What an answer line naming full-width options says after its label: their marks alone (``\uff1a\uff12``,
``\uff1a\uff21\u3001\uff23``); ``\uff1a\uff13\uff10\u5206`` (30 minutes) is words, kept as written."""
_WIDE_TO_ASCII = {code: code - 0xFEE0 for code in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF29)]}
_WIDE_OPTION = regex(
    r"(?P<lead>[ \t]*(?:[-*+][ \t]+)?)"
    r"(?:[(\uff08](?P<inner>[1-8\uff11-\uff18A-H\uff21-\uff28])[)\uff09]"
    r"|(?P<bare>[1-8\uff11-\uff18A-H\uff21-\uff28])[\uff0e\uff09.)])[ \t\u3000]*(?=\S)"
)
"""An option's full-width mark (or an ASCII one with a full-width stop or brackets): ``\uff11\uff0e``,
``1\uff0e``, ``\uff21\uff0e``, ``\uff08\uff21\uff09``; a run of them needs one full-width character."""


def _choices_as_letters(lines: list[str], code: Container[int]) -> list[str]:
    """Options named ``(Choice A) …``, ``(Choice B) …`` on lines of their own, two or more in a row, as
    Khan Academy's exercises copy out, written ``A) …``; the ``Choose 1 answer:`` right above them (a
    blank line between or not) goes, as it says nothing a card asks (``Choose all answers that apply:``
    stays: it says how many). Every line keeps its number."""
    lines = list(lines)
    chosen = [at for at, line in enumerate(lines) if at not in code and _CHOICE.match(line)]
    for at in chosen:
        if at - 1 in chosen or at + 1 in chosen:
            lines[at] = _CHOICE.sub(r"\g<lead>\g<letter>)", lines[at], 1)
            above = at - 1 - (at >= 2 and not lines[at - 1].strip())
            if above >= 0 and _CHOOSE_ONE.fullmatch(lines[above]):
                lines[above] = ""
    return lines


_CHOICE = regex(r"(?P<lead>[ \t]*(?:[-*+][ \t]+)?)\((?i:choice)[ \t]+(?P<letter>[A-H])\)(?=[ \t]+\S)")
_CHOOSE_ONE = regex(r"[ \t]*(?i:choose|select)[ \t]+(?:1|one)[ \t]+answer:?[ \t]*")


def _inline_numbers(line: str) -> str | None:
    """A line of options numbered in brackets, one after another (``(1) Na (2) Mg (3) Al (4) Si``), as
    they read lettered (``(a) Na (b) Mg …``); ``None`` for any other line."""
    marks = list(_INLINE_MARK.finditer(line))
    numbers = [int(mark["number"]) for mark in marks]
    if len(marks) < 2 or numbers != list(range(1, len(marks) + 1)) or line[: marks[0].start()].strip():
        return None
    if any(not line[a.end() : b.start()].strip() for a, b in itertools.pairwise(marks)):
        return None  # `(1) (2)`: marks with no words between them
    return _INLINE_MARK.sub(lambda mark: f"{mark['space']}({'abcdefgh'[int(mark['number']) - 1]})", line)


_INLINE_MARK = regex(r"(?P<space>^|(?<=\s))\((?P<number>[1-8])\)(?=\s+\S)")


def _keyed_letters(line: str) -> str:
    return _NUMBER_KEY_LINE.sub(_key_letters, _KEY_LINE.sub(_key_letters, line))


_KEY_ENTRY = rf"\d+\s*[.):=\u2013\u2014-]\s*\(?{_LETTER}\)?(?!\w)"
_KEY_LINE = regex(
    rf"^(?P<head>\s*(?:[-*+]\s+)?(?:(?:\*\*|__)?[^\n:\uff1a]{{1,40}}[:\uff1a](?:\*\*|__)?\s*)?)"
    rf"(?P<entries>{_KEY_ENTRY}(?:[\s,;|]+{_KEY_ENTRY})*)(?P<tail>[\s,;|.]*)$"
)
"""A line of an answer key naming letters of another script: ``1-Б, 2-Г``, ``Ответы: 1) Б 2) Г``, ``1. Б``;
a stop or dash between number and letter (a number and a letter apart are a quantity and its unit)."""
_NUMBER_KEY_ENTRY = r"\d+\s*[.):=\u2013\u2014-]?\s*\([1-8]\)(?![\w)])"
_NUMBER_KEY_LINE = regex(
    rf"^(?P<head>\s*(?:[-*+]\s+)?(?:(?:\*\*|__)?[^\n:\uff1a]{{1,40}}[:\uff1a](?:\*\*|__)?\s*)?)"
    rf"(?P<entries>{_NUMBER_KEY_ENTRY}(?:[\s,;|]+{_NUMBER_KEY_ENTRY})*)(?P<tail>[\s,;|.]*)$",
    re.M,
)
"""A line of an answer key naming options numbered in brackets: ``1. (2)``, ``1-(3), 2-(1)``."""


def _answered_by_value(lines: list[str], run: list[int]) -> tuple[int, str] | None:
    """The answer line right below options numbered in brackets that gives a number past the last
    option, which one option's words are (``(4) 81`` … ``Ans. 9`` for ``(3) 9``): its line, and that
    line naming the option's letter."""
    below = next((at for at in range(run[-1] + 1, len(lines)) if lines[at].strip()), len(lines))
    said = _VALUE_ANSWER.fullmatch(lines[below]) if below < len(lines) else None
    if said is None or int(said["value"]) <= len(run):
        return None
    texts = [_OPTION.sub("", lines[at], count=1).strip().rstrip(".") for at in run]
    if texts.count(said["value"]) != 1:
        return None
    return below, f"{said['label']}{chr(ord('A') + texts.index(said['value']))}"


_VALUE_ANSWER = regex(
    r"(?P<label>(?<!\s)\s*(?:\*\*|__)?(?i:correct\s+answer|answer|ans)\.?\s*[:\uff1a]?\s*(?:\*\*|__)?\s*)"
    r"(?P<value>\d+)\.?\s*"
)


def _key_letters(found: re.Match[str]) -> str:
    entries = re.sub(rf"{_LETTER}|\([1-8]\)", lambda letter: _letter(letter[0]), found["entries"])
    return f"{found['head']}{entries}{found['tail']}"


def _answer_below(lines: list[str], run: list[int], code: Container[int]) -> int | None:
    """The line of the answer to the options of ``run``: the next line of words, or for letters any
    line before the next options, heading or question (a few lines down at most)."""
    letters, kind = _by_letters(lines[run[0]]), _run_kind(lines[run[0]])
    words = 0
    for at in range(run[-1] + 1, len(lines)):
        if not lines[at].strip() or at in code:
            continue
        if _answers(lines[at], kind):
            return at
        line = lines[at].lstrip(_LEADING)
        words += 1
        asks = line.rstrip().endswith(("?", "\uff1f"))
        if not letters or _OPTION.match(lines[at]) or line.startswith("#") or asks or words > _ANSWER_LINES:
            return None
    return None


_ANSWER_LINES = 4
"""How many lines of words may part lettered options from their answer: a folded block's tags, a label."""


def _names_options(said: re.Match[str], rest: str, kind: int) -> bool:
    """Whether an answer names options of the run's kind (``Ответ: 3`` names no Cyrillic one), one
    answer, not one of several parts (``(1) 19.6 m/s; (2) 19.6 m``), and a number no more than that
    (``Answer: 2 C₂H₆ + 7 O₂ → …`` is a formula, ``Ans. (2) is optional …`` says what a step is)."""
    named = re.findall(_NAMED, said["marks"])
    if not all(_kind(_mark(mark)) == _family(kind) for mark in named):
        return False
    if _ANOTHER_PART.search(rest):
        return False
    if kind in _OUTLINED or kind > _NUMBERED_KIND:
        return not rest.strip(" \t.*_")  # `정답: 다 맞음` (all correct), `Answer: v = u + at …`: words
    if kind < _NUMBERED_KIND:
        return True
    return not re.match(r"\s*\w", rest) and not re.search(r"\(?[1-8]\)", rest)  # `(1) + (2) gives …`


_NUMBERED_KIND = len(_MARKS) + len(_LETTERS)
_OUTLINED = frozenset(range(_NUMBERED_KIND - 3, _NUMBERED_KIND))
"""Thai, Hebrew and Korean letters, which number a document's outline as often as a question's options:
read as marks are, answered on the next line of words by the letter alone (so are Roman numbers)."""
"""The first kind of numbers (bracketed, then Roman): an answer naming one says nothing more."""
_CASES = {2: 1, 5: 4, 7: 6, _NUMBERED_KIND + 2: _NUMBERED_KIND + 1}
"""Kinds that are another's small letters (ⓐ, Cyrillic, Greek, Roman numbers): an answer names either
case."""


def _family(kind: int) -> int:
    return _CASES.get(kind, kind)


def _kind(mark: str) -> int:
    """The kind of a mark, as its family: a small letter's and its capital's alike; -1 for none."""
    return _family(_PLACE[mark][0]) if mark in _PLACE else -1


def _answered_in(lines: Sequence[str], kind: int, code: Container[int]) -> bool:
    """Whether the file answers options of ``kind`` anywhere: an answer line naming one, or a key's
    line naming such letters (a quiz's options, where a list under words that ask is prose)."""
    for at, line in enumerate(lines):
        if at in code:
            continue
        if _answers(line, kind):
            return True
        keyed = _KEY_LINE.match(line)
        if keyed and any(_kind(letter) == _family(kind) for letter in re.findall(_LETTER, keyed["entries"])):
            return True
        if kind == _NUMBERED_KIND and _NUMBER_KEY_LINE.match(line):
            return True
    return False


def _answers(line: str, kind: int) -> bool:
    """Whether ``line`` is an answer naming options of ``kind`` (after a list's or quote's marker)."""
    stripped = line.lstrip(_LEADING)
    said = _ANSWER.match(stripped)
    return said is not None and _names_options(said, stripped[said.end() :], kind)


_ANOTHER_PART = regex(rf"[;,\uff1b\uff0c]\s*\(?(?:{_MARK}|{_LETTER}|[1-8])\)")
"""A later part of an answer in parts: ``; (2) …``, ``; Б) …``, a full-width semicolon too."""


def _run_kind(line: str) -> int:
    """The kind of the mark opening a run's first line."""
    found = _OPTION.match(line)
    return _PLACE[_opening(found)][0] if found else -1


def _opening(found: re.Match[str]) -> str:
    """The mark, letter or number an option's line opens with (a Roman one without its brackets)."""
    mark = found["mark"] or found["letter"] or found["numbered"] or found["roman"].strip("(.)")
    return str(mark).rstrip(_EMOJI_STYLE)


def _by_letters(line: str) -> bool:
    """Whether ``line`` opens an option with a letter (not a circled number, kana or an outline's letter)."""
    found = _OPTION.match(line)
    return found is not None and found["letter"] is not None and _PLACE[found["letter"]][0] not in _OUTLINED


def _asked_above(lines: list[str], first: int) -> bool:
    """Whether the line of words above a run of lettered options asks (``… ?``, Greek's ``;``, ``؟``):
    its question's answer may be given elsewhere, where a list under words that ask nothing is prose."""
    above = next((line.strip() for line in reversed(lines[:first]) if line.strip()), "").rstrip("*_ ")
    greek = above.endswith((";", "\u037e")) and re.search("[\u0370-\u03ff]", above) is not None
    return greek or above.endswith(("?", "\uff1f", "\u061f"))


def _options_from(lines: list[str], number: int, code: Container[int]) -> list[int]:
    """The lines of a run of marked options starting at ``number`` (its first mark of a set, the next
    ones in order), blank lines between them allowed; none with fewer than two."""
    run: list[int] = []
    expected: tuple[int, int] | None = None
    for at in range(number, len(lines)):
        if not lines[at].strip() and run:
            continue
        found = _OPTION.match(lines[at]) if at not in code else None
        place = _PLACE[_opening(found)] if found else None
        if place is None or place != (expected or (place[0], 0)):
            break
        run.append(at)
        expected = (place[0], place[1] + 1)
    return run if len(run) >= 2 else []


def _lettered_option(found: re.Match[str]) -> str:
    if found["mark"] or found["numbered"] or found["roman"]:
        return f"{found['lead']}{_letter(_opening(found))}. "
    letter = _letter(found["letter"])
    cased = letter.lower() if found["letter"].islower() else letter
    return f"{found['lead']}{found['open'] or ''}{cased}{found['close']} "


def _mark(named: str) -> str:
    """The mark an answer names: ``②``, ``Б``, ``ii`` for ``(ii)``, or ``(2)`` for ``2`` as well."""
    bare = named.strip("()").rstrip(_EMOJI_STYLE)
    return f"({bare})" if bare in "12345678" else bare


def _letter(mark: str) -> str:
    return "ABCDEFGH"[_PLACE[mark][1]]


def _letters(found: re.Match[str]) -> str:
    named = re.sub(r"\(?([1-8])\)?", lambda number: _letter(f"({number[1]})"), found["marks"])
    named = re.sub(rf"\(?\b({_ROMAN_NUMBER})\b\)?", lambda roman: _letter(roman[1].lower()), named)
    return found["label"] + re.sub(
        f"{_MARK}|{_LETTER}", lambda mark: _letter(mark[0].rstrip(_EMOJI_STYLE)), named
    )


def radios_as_boxes(text: str, code: Container[int]) -> str:
    """Radio buttons under a label naming options (``**Opções:**`` over ``( ) window`` and ``(X)
    undefined`` lines, blank lines between them or not) written as the checkboxes they mean (``- [ ]
    window``, ``- [x] undefined``), two at least, or over a reason below them (``# reason``, as quiz files
    explain their answer); elsewhere a form's radio buttons are a survey's. Every line keeps its number."""
    lines = _graded_radios_as_options(text.split("\n"), code)
    for number, line in enumerate(lines):
        if number in code:
            continue
        if not (
            labels_options(line) or _judged_by_radios(lines, number) or _explained_radios(lines, number, code)
        ):
            continue
        radios, _ = _radios_below(lines, number, code)
        for at, radio in radios if len(radios) >= 2 else []:
            box = "x" if _filled(radio) else " "
            lines[at] = f"{radio['indent']}- [{box}] {radio['text'] or ''}".rstrip()
    return "\n".join(lines)


def _graded_radios_as_options(lines: list[str], code: Container[int]) -> list[str]:
    """A graded form's radio buttons (``( ) tRNA``, ``(•) mRNA ✗``, as Google Forms' results show a
    quiz), two or more in a row, the one filled judged ``✓`` or ``✗``, written as plain options: the
    filled button is the respondent's pick, no key; a ``✓`` on it says it is right, a ``✗`` only that
    the pick was wrong (the options left are no answers), so it goes and the ``Correct answer`` below
    (a button restating the right option) says which. Every line keeps its number."""
    lines = list(lines)
    number = 0
    while number < len(lines):
        radios: list[tuple[int, re.Match[str]]] = []
        while number + len(radios) < len(lines) and number + len(radios) not in code:
            radio = _FORM_RADIO.fullmatch(lines[number + len(radios)])
            if radio is None:
                break
            radios.append((number + len(radios), radio))
        filled = [radio for _, radio in radios if _filled(radio)]
        if len(radios) >= 2 and len(filled) == 1 and _GRADE.search(filled[0]["text"]):
            for at, radio in radios:
                lines[at] = _plain_option(radio)
            _restated_key(lines, radios[-1][0] + 1, code)
            _unscored_above(lines, number, code)
        number += len(radios) or 1
    return lines


def _restated_key(lines: list[str], at: int, code: Container[int]) -> None:
    """The buttons under the ``Correct answer`` label right below a graded form's (a blank line or two
    between), written as plain options too, so they restate the right one."""
    while at < len(lines) and not lines[at].strip():
        at += 1
    if at >= len(lines) or at in code or not _KEY_LABEL.fullmatch(lines[at]):
        return
    at += 1
    while at < len(lines) and not lines[at].strip():
        at += 1
    while at < len(lines) and at not in code and (radio := _FORM_RADIO.fullmatch(lines[at])) is not None:
        lines[at] = _plain_option(radio)
        at += 1


def _unscored_above(lines: list[str], at: int, code: Container[int]) -> None:
    """The question's line above a graded form's buttons without the score after its ``?`` (``*   0/1``),
    so that, left unanswered, it still reads as a question (and is warned about)."""
    at -= 1
    while at >= 0 and not lines[at].strip():
        at -= 1
    if at >= 0 and at not in code:
        lines[at] = _SCORE.sub("", lines[at])


def _plain_option(radio: re.Match[str]) -> str:
    """A graded button's line as a list's option, its words kept, a ``✗`` on them dropped."""
    return f"{radio['indent']}- {_GRADE_CROSS.sub('', radio['text'])}"


_FORM_RADIO = regex(
    r"(?P<indent>[ \t]*)(?:[-*+][ \t]+)?\((?P<mark>[ \u2022\u25cf\u25c9\u29bf\u25cb]?)\)[ \t]+(?P<text>\S.*)"
)
"""A form's radio button and its words: ``( ) tRNA``, ``- (•) mRNA ✗`` (``○`` empty, ``•●◉⦿`` filled)."""


def _filled(radio: re.Match[str]) -> bool:
    """Whether a form's radio button is filled in: ``(•)``, not ``( )`` or ``(○)``."""
    return radio["mark"].strip(" \u25cb") != ""


_GRADE = regex(r"[ \t](?:\u2713|\u2714\ufe0f?|\u2717|\u2718|\u274c|\u2705)[ \t]*$")
_GRADE_CROSS = regex(r"(?<![ \t])[ \t]+(?:\u2717|\u2718|\u274c)[ \t]*$")
_SCORE = regex(r"(?<=[?\uff1f])(?:[ \t]+\*)?[ \t]+\d+(?:\.\d+)?[ \t]?/[ \t]?\d+(?:\.\d+)?[ \t]*$")
"""A graded form's score after its question: ``*   0/1``, ``   1/1``."""
_KEY_LABEL = regex(r"[ \t]*(?:\*\*|__)?(?i:correct\s+answers?)(?:\*\*|__)?:?(?:\*\*|__)?[ \t]*")


def _radios_below(
    lines: list[str], number: int, code: Container[int]
) -> tuple[list[tuple[int, re.Match[str]]], int]:
    """The radio buttons on the lines below line ``number`` (blank lines between them or not; a button
    with no words over its code, ``- (x)`` over a fenced block, as quiz files write code options), and
    the first line past them."""
    radios: list[tuple[int, re.Match[str]]] = []
    at = number + 1
    while at < len(lines):
        if at in code and not (radios and radios[-1][1]["text"] is None):
            break  # code is an option's only below a button with no words
        radio = RADIO.fullmatch(lines[at]) if at not in code else None
        if radio is None and lines[at].strip() and at not in code:
            break
        radios += [(at, radio)] if radio is not None else []
        at += 1
    return radios, at


def _judged_by_radios(lines: list[str], number: int) -> bool:
    """A statement over two radio buttons, ``( ) True`` and ``(x) False`` (in either order, one of them
    marked; a blank line between it and them or not): the way to judge it, as a form asks it. A
    heading, a label (``Notes on the form:``) or radios left blank (a survey's) judge nothing."""
    statement = lines[number].strip()
    if not statement or statement.startswith(("#", "(", "-", "*", "+")) or statement.endswith(":"):
        return False
    at = number + 1 + (number + 1 < len(lines) and not lines[number + 1].strip())
    radios = [RADIO.fullmatch(line) for line in lines[at : at + 2]]
    judged = sorted((found["text"] or "").strip().lower() for found in radios if found) == ["false", "true"]
    return judged and sum(bool(found and _filled(found)) for found in radios) == 1


def _explained_radios(lines: list[str], number: int, code: Container[int]) -> bool:
    """Words over two radio buttons or more (blank lines between or not), one of them marked, a reason
    right below them (``# reason``, ``**Explanation:**``): a question and its answer, explained as a
    quiz file writes one. A survey's buttons say no why."""
    if number in code or not lines[number].strip() or RADIO.fullmatch(lines[number]):
        return False
    radios, at = _radios_below(lines, number, code)
    marked = sum(bool(radio["mark"].strip()) for _, radio in radios)
    return len(radios) >= 2 and marked >= 1 and at < len(lines) and _REASON_BELOW.match(lines[at]) is not None


_REASON_BELOW = regex(
    r"[ \t]*(?:#{1,6}[ \t]+(?:\*\*|__)?(?i:reason|explanation|rationale|why\??)(?:\*\*|__)?[ \t]*$"
    r"|(?:\*\*|__)?(?i:reason|explanation|rationale)(?:\*\*|__)?[ \t]*:)"
)
"""A reason's heading or label under an answer: ``# reason``, ``### Explanation``, ``**Explanation:**``."""


def glyph_boxes_as_tasks(text: str, code: Container[int]) -> str:
    """Lines opening with a ballot box (``☐ The Flight to Varennes``, ``☑ The storming of the Bastille``,
    ``☒``), two or more in a row, written as the task list they mean (``- [ ] …``, ``- [x] …``): a
    question's options and its ticked answer, as a list of checkboxes is. Every line keeps its number."""
    lines = text.split("\n")
    run: list[tuple[int, re.Match[str]]] = []
    for number, line in enumerate([*lines, ""]):
        box = _GLYPH_BOX.fullmatch(line) if number not in code else None
        if box is not None:
            run.append((number, box))
            continue
        for at, found in run if len(run) >= 2 else []:
            ticked = "x" if found["box"] != "\u2610" else " "
            lines[at] = f"{found['indent']}- [{ticked}] {found['text']}"
        run = []
    return "\n".join(lines)


_GLYPH_BOX = regex(r"(?P<indent>[ \t]{0,3})(?P<box>[\u2610\u2611\u2612])\ufe0f?[ \t]+(?P<text>\S.*)")
RADIO = regex(r"(?P<indent>[ \t]*)(?:[-*+][ \t]+)?\((?P<mark>[ xX]?)\)(?:[ \t]+(?P<text>\S.*)|[ \t]*)")
"""A radio button's line, ``( ) window`` or ``- (X) undefined`` (its words maybe none, over code)."""
