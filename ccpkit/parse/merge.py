"""Identity across the deck: one card per term in a module, and no two items sharing an id."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Iterator
from typing import assert_never

from ccpkit.errors import Problem
from ccpkit.item_ids import item_id, slug
from ccpkit.model import MCQ, Card, ComparisonTable, Item


def unique_items(items: Iterable[Item]) -> tuple[list[Item], list[Problem]]:
    """Merge a module's repeated terms (cram-sheet wording first); give any other item whose derived
    id is taken a distinct one; drop a repeated pinned id (the author chose it, so it is a mistake)."""
    kept: dict[str, Item] = {}
    problems: list[Problem] = []
    for item in items:
        first = kept.get(item.id)
        if first is None:
            kept[item.id] = item
        elif isinstance(first, Card) and isinstance(item, Card) and _same_term(first, item):
            kept[item.id] = _merge(first, item, problems)
        elif _derived(item):
            distinct = dataclasses.replace(item, id=_distinct_id(item, kept))
            kept[distinct.id] = distinct
            problems += _same_question(first, item)
        else:
            message = (
                f"duplicate id {item.id}: already used by the {first.kind} at {first.source}; "
                "reword one of them or pin a distinct id with `{#your-id}`; this one was left out"
            )
            problems.append(Problem(item.source, message))
    return list(kept.values()), problems


def key_of(item: Item) -> str:
    """The text an item's derived id is the slug of."""
    match item:
        case Card():
            return item.front
        case ComparisonTable():
            return item.title
        case MCQ():
            return item.stem
        case _:
            assert_never(item)


def _derived(item: Item) -> bool:
    """Whether the id is the one ccpkit derives from the item's key (not a ``{#pin}``)."""
    return item.id == item_id(item.module, item.kind, key_of(item))


def _distinct_id(item: Item, taken: dict[str, Item]) -> str:
    """The first free id of: a digest of the whole key (when its slug was cut at 80 characters), the
    headings around the item (innermost first), its part, then ``-2``, ``-3`` … The item seen first
    keeps the plain id, so ids already in use (and their review history in Anki) never move."""
    base = item.id
    for suffix in _suffixes(item):
        candidate = f"{base}-{suffix}"
        if candidate not in taken:
            return candidate
    raise AssertionError("unreachable: the numbered suffixes never run out")  # pragma: no cover


def _suffixes(item: Item) -> Iterator[str]:
    key = key_of(item)
    full = " ".join(key.split())
    if slug(full) != slug(full, limit=None):
        yield hashlib.sha256(full.encode()).hexdigest()[:8]
    own = slug(key)
    for text in (*reversed(item.section), item.part):
        if text and slug(text) != own:
            yield slug(text)
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
    return []


def _same_term(first: Card, second: Card) -> bool:
    """One module, one term; a pinned id shared by two different terms is a clash, not a merge."""
    return first.module == second.module and slug(first.front) == slug(second.front)


def _merge(first: Card, second: Card, problems: list[Problem]) -> Card:
    primary, other = (second, first) if _is_cram(second) and not _is_cram(first) else (first, second)
    message = f"merged duplicate term {second.front!r} into the card at {first.source}"
    if primary is second:
        message += " (this cram-sheet wording comes first)"
    problems.append(Problem(second.source, message, "warning"))
    if " ".join(other.back.split()) in " ".join(primary.back.split()):
        return primary
    return dataclasses.replace(primary, back=f"{primary.back}\n\n{other.back}")


def _is_cram(card: Card) -> bool:
    return "cram" in slug(card.part)
