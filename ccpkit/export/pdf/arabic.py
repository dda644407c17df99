"""Arabic-script letters (Arabic, Persian, Urdu) in the forms they print in. A letter takes one of up
to four shapes by whether it joins the letters beside it, and lam before alef makes one ligature;
reportlab draws each character's own glyph and shapes nothing, so the notes' base letters (U+0600
block) printed as separate letters, which readers find hard to read. Here each letter becomes its
presentation form (U+FB50 to FDFF, U+FE70 to FEFF), which the font draws joined; ``bidi`` then orders them
right to left. The forms come from Unicode's own decompositions of the presentation forms (``<final>
0628`` …), so no table is typed in; only forms the font has are used."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ccpkit.regex import regex

ARABIC_SCRIPT = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc"
"""The Arabic blocks: letters, harakat, digits, presentation forms."""
_LETTER = regex("[\u0620-\u064a\u066e-\u06d5\u06ee\u06ef\u06fa-\u06ff\u0750-\u077f\u08a0-\u08c9]")
"""A letter that may join: text without one needs no shaping."""
_PRESENTATION = [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)]
_LAM = "\u0644"
_TATWEEL = "\u0640"
_JOINER, _NON_JOINER = "\u200d", "\u200c"
_FORMS = ("isolated", "final", "initial", "medial")


@dataclass(frozen=True, slots=True)
class _Letter:
    """A letter's presentation forms by name (``isolated``, ``final``, and for a letter that joins on
    both sides ``initial`` and ``medial``)."""

    forms: dict[str, str]

    @property
    def joins_left(self) -> bool:
        """Whether it joins the letter after it (to its left): dual-joining, not right-joining."""
        return "medial" in self.forms


def has_arabic_letters(text: str) -> bool:
    return _LETTER.search(text) is not None


def shaped(pieces: Iterable[str], available: frozenset[int]) -> list[str]:
    """``pieces`` of one text (joined across their ends, as ``<b>`` inside a word leaves them) with
    each Arabic letter in its presentation form, of those ``available`` in the font; lam before
    alef within a piece as one ligature. Harakat (vowel marks) are kept, after their letter."""
    pieces = list(pieces)
    text = "".join(pieces)
    if not has_arabic_letters(text):
        return pieces
    letters = _letters(available)
    forms = _contextual_forms(text, letters)
    out: list[str] = []
    start = 0
    for piece in pieces:
        end = start + len(piece)
        out.append(_ligated(text, forms, start, end, available))
        start = end
    return out


def _contextual_forms(text: str, letters: dict[str, _Letter]) -> list[str]:
    """Each character of ``text`` as it prints: a joining letter in the form its neighbours ask for
    (marks between letters are looked through), anything else as it is."""
    kinds = [_joining(char, letters) for char in text]
    forms = list(text)
    for at, char in enumerate(text):
        letter = letters.get(char)
        if letter is None:
            continue
        before = _neighbour(kinds, range(at - 1, -1, -1))
        after = _neighbour(kinds, range(at + 1, len(text)))
        joined_right = before in ("D", "C")
        joined_left = letter.joins_left and after in ("D", "R", "C")
        name = _FORMS[int(joined_right) + 2 * int(joined_left)]
        forms[at] = letter.forms.get(name, char)
    return forms


def _joining(char: str, letters: dict[str, _Letter]) -> str:
    """Unicode's joining type as shaping needs it: ``D`` joins both sides, ``R`` only the letter
    before it, ``C`` (tatweel, joiner) makes its neighbours join, ``T`` (a mark) is looked through,
    ``U`` joins nothing."""
    letter = letters.get(char)
    if letter is not None:
        return "D" if letter.joins_left else "R"
    if char in (_TATWEEL, _JOINER):
        return "C"
    if char != _NON_JOINER and unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return "T"
    return "U"


def _neighbour(kinds: list[str], places: Iterable[int]) -> str:
    """The joining type of the nearest character at ``places`` that is no mark, ``U`` at the end."""
    return next((kinds[at] for at in places if kinds[at] != "T"), "U")


def _ligated(text: str, forms: list[str], start: int, end: int, available: frozenset[int]) -> str:
    """``forms[start:end]`` as one string, each lam before an alef (harakat between them aside) and
    the alef one ligature: isolated, or final when the lam joins the letter before it."""
    ligatures = _lam_alef(available)
    out: list[str] = []
    at = start
    while at < end:
        found = _ligature_at(text, forms, at, end, ligatures) if text[at] == _LAM else None
        if found is None:
            out.append(forms[at])
            at += 1
            continue
        ligature, alef = found
        out.append(ligature + "".join(forms[at + 1 : alef]))  # the lam's harakat after the ligature
        at = alef + 1
    return "".join(out)


def _ligature_at(
    text: str, forms: list[str], at: int, end: int, ligatures: dict[tuple[str, bool], str]
) -> tuple[str, int] | None:
    """The ligature of the lam at ``at`` and the alef after it, and where that alef is; None when no
    alef follows within ``end`` or the font has no such ligature."""
    alef = _next_letter(text, at, end)
    if alef is None:
        return None
    ligature = ligatures.get((text[alef], _joined_right(forms[at])))
    return None if ligature is None else (ligature, alef)


def _next_letter(text: str, at: int, end: int) -> int | None:
    """Where the character after ``at`` that is no mark is, before ``end``."""
    return next((place for place in range(at + 1, end) if unicodedata.category(text[place]) != "Mn"), None)


def _joined_right(form: str) -> bool:
    """Whether a presentation form joins the letter before it (a final or medial form)."""
    return unicodedata.decomposition(form).split(" ", 1)[0] in ("<final>", "<medial>")


@cache
def _letters(available: frozenset[int]) -> dict[str, _Letter]:
    """Every letter whose forms (for its way of joining) the font has, by its base character: a
    letter missing one prints as written and joins nothing, rather than as a placeholder."""
    forms: dict[str, dict[str, str]] = {}
    for code in _PRESENTATION:
        name, base = _decomposed(chr(code))
        if name in _FORMS and len(base) == 1 and code in available:
            forms.setdefault(base, {})[name] = chr(code)
    complete = ({"isolated", "final"}, set(_FORMS))
    return {base: _Letter(found) for base, found in forms.items() if set(found) in complete}


@cache
def _lam_alef(available: frozenset[int]) -> dict[tuple[str, bool], str]:
    """The lam-alef ligatures the font has, by their alef and whether the lam joins the letter before."""
    found: dict[tuple[str, bool], str] = {}
    for code in range(0xFEF5, 0xFEFD):
        name, base = _decomposed(chr(code))
        if code in available and base[:1] == _LAM and name in ("isolated", "final"):
            found[(base[1], name == "final")] = chr(code)
    return found


def _decomposed(form: str) -> tuple[str, str]:
    """A presentation form's kind (``final`` …) and the base characters it stands for."""
    tag, *codes = unicodedata.decomposition(form).split() or [""]
    return tag.strip("<>"), "".join(chr(int(code, 16)) for code in codes)


def base_letters(text: str) -> str:
    """``text`` with presentation forms back as the letters they stand for: what copying should give."""
    return "".join(_decomposed(char)[1] if _is_presentation(char) else char for char in text)


def _is_presentation(char: str) -> bool:
    code = ord(char)
    return (0xFB50 <= code < 0xFE00 or 0xFE70 <= code < 0xFEFF) and _decomposed(char)[0] in _FORMS
