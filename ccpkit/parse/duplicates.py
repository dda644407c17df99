"""Identity across the deck: one card per term in a module, and no two items sharing an id."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Iterator

from ccpkit.errors import Problem
from ccpkit.item_ids import derived_id, item_id, key_of, place_suffixes, place_texts, slug
from ccpkit.model import MCQ, Card, Item
from ccpkit.parse.rules.options import option_words
from ccpkit.regex import regex


def unique_items(items: Iterable[Item]) -> tuple[list[Item], list[Problem]]:
    """Merge a module's repeated terms where they are one card (a cram sheet or summary restating a
    term; the same term twice under one heading); give any other item whose derived id is taken a
    distinct one, with a note for ``check``; drop a repeated pinned id (the author chose it, so it is
    a mistake)."""
    items = list(items)
    if _ids_distinct(items):  # nothing to merge, rename or drop: the loop below would keep each as it is
        return items, []
    terms = _recap_terms(items)
    kept: dict[str, Item] = {}
    homes: dict[str, dict[_Place, str]] = {}
    """Per derived card id: where the term is defined (its place) → the id of that place's card."""
    problems: list[Problem] = []
    for item in items:
        first = kept.get(item.id)
        if isinstance(item, Card) and isinstance(first, Card) and _same_term(first, item):
            home = kept.get(_home(item, first, homes.get(item.id, {}), kept, terms) or "")
            if isinstance(home, Card):
                kept[home.id] = _merge(home, item, problems)
                _settle(item, home.id, homes)
                continue
        if first is None:
            kept[item.id] = item
            _settle(item, item.id, homes)
        elif _derived(item):
            distinct = dataclasses.replace(item, id=_distinct_id(item, first, kept))
            kept[distinct.id] = distinct
            _settle(item, distinct.id, homes)
            problems += _same_question(first, item) or [_disambiguated(first, distinct)]
        else:
            message = (
                f"duplicate id {item.id}: already used by the {first.kind} at {first.source}; "
                "reword one of them or pin a distinct id with `{#your-id}`; this one was left out"
            )
            problems.append(Problem(item.source, message))
    return list(kept.values()), problems


def _derived(item: Item) -> bool:
    """Whether ccpkit derived the item's id (no ``{#pin}``): from its key, or a question's from its own
    words, which its stem asks after the material it shares with other questions (``A car travels 100
    km …`` over ``What is its average speed?``)."""
    if derived_id(item):
        return True
    if not isinstance(item, MCQ):
        return False
    parts = item.stem.split("\n\n")
    return any(
        item.id == item_id(item.module, item.kind, "\n\n".join(parts[at:])) for at in range(1, len(parts))
    )


def _ids_distinct(items: list[Item]) -> bool:
    """Whether no two items share an id, as in most courses: then each is kept as it is, and the
    places and restatements the merging reads need not be looked at for any of its 50,000 cards."""
    return len({item.id for item in items}) == len(items)


_Place = tuple[str, tuple[str, ...], str]
"""Where a lecture defines a term: its part, the headings above it, and its list's lead-in."""


def _place(card: Card) -> _Place | None:
    """Where the card is defined, or ``None`` for a restatement (cram sheet, summary), which belongs
    to the card wherever the term is defined."""
    return None if _is_recap(card) else (card.part, card.section, card.lead_in)


def _home(
    card: Card, first: Card, defined: dict[_Place, str], kept: dict[str, Item], terms: _Terms
) -> str | None:
    """The id of the card this one repeats, or ``None`` when it is a card of its own: a generic term
    (``**Design Principles:**``) under another heading says something else there, and one card
    holding every heading's list could not be answered. A pinned id joins ``first``; so does a
    restatement, unless the term means other things in other places: then it joins the one whose
    words it shares most, or, when none stands out, is a card of its own; or unless it is one of the
    attributes a cram sheet gives each of several things alike (``terms``: ``_parallel``)."""
    place = _place(card)
    if derived_id(card) and place is None and _place(first) is None and _parallel(first, card, terms):
        return None  # a cram sheet's `Reversal:` under Warfarin, then under Heparin: two facts
    if not derived_id(card) or not defined:
        return first.id
    if place is not None:
        return defined.get(place)
    meanings = list(dict.fromkeys(defined.values()))
    if len(meanings) == 1:
        home = kept.get(meanings[0])
        return None if isinstance(home, Card) and _recaps_another_topic(card, home) else meanings[0]
    homes = {home: found for home in meanings if isinstance(found := kept.get(home), Card)}
    shared = {home: _shared_words(card, found) for home, found in homes.items()}
    best = max(shared.values(), default=0)
    closest = [home for home, count in shared.items() if count == best]
    return closest[0] if best and len(closest) == 1 else None


_Heads = tuple[str, tuple[str, ...], str]
_Terms = dict[_Heads, set[str]]
"""The terms of a module's restatements (cram sheets, summaries), by what they are said under."""


def _heads(card: Card) -> _Heads:
    """What a card is said under: its file, the headings above it and its list's lead-in."""
    return card.source.path, card.section, card.lead_in


def _recap_terms(items: Iterable[Item]) -> _Terms:
    terms: _Terms = {}
    for item in items:
        if isinstance(item, Card) and _is_recap(item):
            terms.setdefault(_heads(item), set()).add(item.id)
    return terms


def _parallel(first: Card, card: Card, terms: _Terms) -> bool:
    """Whether two restatements of a term in one file are one attribute of two things (``Mechanism``,
    ``Monitoring``, ``Reversal`` under Warfarin, then under Heparin): their headings (or lead-ins) differ
    and give ``_PARALLEL`` terms or more alike. A term restated under one other heading is one fact."""
    here, there = _heads(first), _heads(card)
    return here[0] == there[0] and here != there and len(terms[here] & terms[there]) >= _PARALLEL


_PARALLEL = 2


def _shared_words(card: Card, other: Card) -> int:
    """How many words of a card's back (of three letters or more: not `of`, `a`) the other's holds."""

    def words(back: str) -> set[str]:
        return {word for word in slug(back, None).split("-") if len(word) >= 3}

    return len(words(card.back) & words(other.back))


def _recaps_another_topic(card: Card, other: Card) -> bool:
    """Whether a summary's title names a topic (``# Thermodynamics — summary for the final``) that the
    other card's part, headings and words never mention: its ``First law`` is another law."""
    topic = set(slug(card.part, None).split("-")) - _RECAP_WORDS
    other_words = set(slug(" ".join((other.part, *other.section, other.front, other.back)), None).split("-"))
    named = {word for word in topic if len(word) >= 4}
    return bool(named) and not named & other_words


_RECAP_WORDS = frozenset(
    {
        "summary",
        "summaries",
        "cram",
        "sheet",
        "final",
        "exam",
        "exams",
        "revision",
        "notes",
        "module",
        "quick",
    }
    | {"review", "recap", "key", "points", "chapter", "lecture", "week", "unit", "test", "midterm", "study"}
)
"""Words a summary's title names itself with, not its topic."""


def _settle(card: Item, home: str, homes: dict[str, dict[_Place, str]]) -> None:
    """Remember where a defined term's card lives, so the same term at the same place joins it."""
    if isinstance(card, Card) and (place := _place(card)) is not None:
        homes.setdefault(card.id, {}).setdefault(place, home)


def _disambiguated(first: Item, distinct: Item) -> Problem:
    """A note (not a warning) for ``check``: nothing is wrong, but the author may prefer to choose the id."""
    message = (
        f"id {first.id} is taken by the {first.kind} at {first.source} ({_shown(key_of(first))}): "
        f"this one is {distinct.id}; pin `{{#your-id}}` to choose another"
    )
    return Problem(distinct.source, message, "info")


def _shown(key: str) -> str:
    text = " ".join(key.split())
    return repr(text if len(text) <= 60 else f"{text[:59]}…")


def _distinct_id(item: Item, first: Item, taken: dict[str, Item]) -> str:
    """The first free id of: a digest of the whole key (when its slug was cut at 80 characters), the
    headings around the item (innermost first), a card's lead-in, its part — each only where it is not
    ``first``'s too, as it would tell nothing apart — a digest of the whole key when it differs from
    ``first``'s in what the slug leaves out (``C++`` and ``C``, pictures alike in alt text), then
    ``-2``, ``-3`` … (its position: for keys written alike). The item seen first keeps the plain id,
    so ids already in use (and their review history in Anki) never move."""
    base = item.id
    for suffix in _suffixes(item, first):
        candidate = f"{base}-{suffix}"
        if candidate not in taken:
            return candidate
    raise AssertionError("unreachable: the numbered suffixes never run out")  # pragma: no cover


def _suffixes(item: Item, first: Item) -> Iterator[str]:
    shared = {slug(text) for text in place_texts(first)}
    full = " ".join(key_of(item).split())
    yield from (suffix for suffix, place in place_suffixes(item) if not place or slug(place) not in shared)
    if full != " ".join(key_of(first).split()):  # told apart by signs alone (C, C++) or by a picture
        yield hashlib.sha256(full.encode()).hexdigest()[:8]
    number = 2
    while True:
        yield str(number)
        number += 1


def _same_question(first: Item, second: Item) -> list[Problem]:
    """A question repeated word for word (stem, options, answers) is kept, with a word from ``check``."""
    same = isinstance(first, MCQ) and isinstance(second, MCQ) and first.options == second.options
    if same and " ".join(key_of(first).split()) == " ".join(key_of(second).split()):
        message = f"the same question as at {first.source}: it is kept as a second note"
        return [Problem(second.source, message, "warning")]
    if isinstance(first, MCQ) and isinstance(second, MCQ) and _answered_otherwise(first, second):
        message = (
            f"the same question as at {first.source} wants another answer ({_right(second)} here, "
            f"{_right(first)} there): one of them is wrong, so a learner is taught both; correct it"
        )
        return [Problem(second.source, message, "warning")]
    return []


def _answered_otherwise(first: MCQ, second: MCQ) -> bool:
    """Whether two questions read the same (stem, and options' words in any order) but want different
    answers: a card that cannot be learnt both ways."""
    stems = [" ".join(key_of(question).split()).casefold() for question in (first, second)]
    words = [sorted(option_words(option.text) for option in question.options) for question in (first, second)]
    rights = [
        {option_words(option.text) for option in question.options if option.correct}
        for question in (first, second)
    ]
    return stems[0] == stems[1] and words[0] == words[1] and rights[0] != rights[1]


def _right(question: MCQ) -> str:
    """A question's right options, as labelled: ``B``, ``A, C``."""
    return ", ".join(option.label for option in question.options if option.correct) or "none"


def _same_term(first: Card, second: Card) -> bool:
    """One module, one term (all its words: two long questions alike in their first words are two;
    and the symbols that make another name: ``B-tree`` and ``B+ tree``, ``C`` and ``C++``, ``i++`` and
    ``i--`` share a slug, not a term); a pinned id shared by two different terms is a clash, not a
    merge."""
    same_slug = slug(first.front, None) == slug(second.front, None)
    return first.module == second.module and same_slug and _spelled(first.front) == _spelled(second.front)


def _spelled(front: str) -> list[str]:
    """A front's words as a name is told apart: case, markup and punctuation aside (``Auto Scaling``
    is ``auto-scaling``), but other symbols kept (``C`` and ``C++``, ``Δ > 0`` and ``Δ < 0``)."""
    return _WORD_OR_SYMBOL.findall(front.casefold().replace("_", " "))


_WORD_OR_SYMBOL = regex(r"\w+|[^\w\s\-.,:;'\"`*()\[\]{}?!\u00bf\u00a1\u2013\u2014]")
"""A word, or a symbol that names (``+``, ``#``, ``<``, ``=``): punctuation and markup are no part of
a name."""


def _merge(first: Card, second: Card, problems: list[Problem]) -> Card:
    """One card of a term defined twice: both definitions on its back, the cram sheet's first; one
    that says nothing the other does not (``_says_within``) is left out, as the card would say it
    twice."""
    primary, other = (second, first) if _is_cram(second) and not _is_cram(first) else (first, second)
    written_within = " ".join(other.back.split()) in " ".join(primary.back.split())
    said = written_within or _says_within(other.back, primary.back)
    restated = not said and _says_within(primary.back, other.back)
    message = f"merged duplicate term {second.front!r} into the card at {first.source}"
    if primary is second and not restated:
        message += " (this cram-sheet wording comes first)"
    problems.append(Problem(second.source, message, "warning"))
    if said:
        return primary
    if restated:
        return dataclasses.replace(primary, back=other.back)
    return dataclasses.replace(primary, back=f"{primary.back}\n\n{other.back}")


def _says_within(part: str, whole: str) -> bool:
    """Whether the definition ``part`` says nothing ``whole`` does not: its words and the symbols that
    name (as ``_spelled`` reads a name: case, markup and punctuation aside) run on in ``whole``, up to
    where a clause of it ends (``Flour cooked in fat.`` within ``… flour cooked in fat, then …``, not
    within ``Flour cooked in fat until golden``, which may say less). No guess at meaning: words
    reordered or reworded are another statement, kept. No picture is read so: its alt text is no words
    the card shows."""
    words = _spelled(part)
    if not words or any(picture in text for text in (part, whole) for picture in _PICTURES):
        return False
    found = list(_WORD_OR_SYMBOL.finditer(whole.replace("_", " ")))
    spelled = [match[0].casefold() for match in found]
    return any(
        spelled[start : start + len(words)] == words
        and _CLAUSE_END.match(whole, found[start + len(words) - 1].end())
        for start in range(len(spelled) - len(words) + 1)
        if spelled[start] == words[0]
    )


_PICTURES = ("![", "<img")
_CLAUSE_END = regex(r"[ \t*_`~]*(?:$|[.,;:!?)\]}\u2026\u2013\u2014]|\n[ \t]*(?:\n|[-*+>#|]|\d+[.)]))")
"""Where a clause ends after a word, markup aside: the text's end, a stop, comma, bracket or dash, a
blank line, or a line opening a list item, quote, heading or table row."""


def _is_cram(card: Card) -> bool:
    return "cram" in slug(card.part)


def _is_recap(card: Card) -> bool:
    """A module's cram sheet or summary: it restates terms the lecture defines."""
    return _is_cram(card) or "summary" in slug(card.part)
