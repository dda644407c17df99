"""Identity across the deck: one card per term in a module, and no two items sharing an id."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from ccpkit.errors import Problem
from ccpkit.ids import slug
from ccpkit.model import Card, Item


def unique_items(items: Iterable[Item]) -> tuple[list[Item], list[Problem]]:
    """Merge a module's repeated terms (cram-sheet wording first); drop any other repeated id."""
    kept: dict[str, Item] = {}
    problems: list[Problem] = []
    for item in items:
        first = kept.get(item.id)
        if first is None:
            kept[item.id] = item
        elif isinstance(first, Card) and isinstance(item, Card) and _same_term(first, item):
            kept[item.id] = _merge(first, item, problems)
        else:
            message = (
                f"duplicate id {item.id}: already used by the {first.kind} at {first.source}; "
                "reword one of them or pin a distinct id with `{#your-id}`; this one was left out"
            )
            problems.append(Problem(item.source, message))
    return list(kept.values()), problems


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
