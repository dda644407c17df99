"""Human-readable summaries of a deck, shared by `check` and `build`."""

from __future__ import annotations

from collections import Counter

from ccpkit.model import Deck, Kind

_KINDS: tuple[tuple[Kind, str], ...] = (("card", "cards"), ("table", "tables"), ("mcq", "MCQs"))


def format_counts(deck: Deck) -> str:
    """One line per module with its items per kind, then a total line."""
    lines = []
    totals: Counter[Kind] = Counter()
    width = max((len(module.title) for module in deck.modules), default=5)
    for module in deck.modules:
        counts = Counter(item.kind for item in module.items)
        totals.update(counts)
        lines.append(f"{module.number:>3} {module.title:<{width}}  {_kinds(counts)}")
    lines.append(f"{'':>3} {'total':<{width}}  {_kinds(totals)}")
    return "\n".join(lines)


def _kinds(counts: Counter[Kind]) -> str:
    return "  ".join(f"{counts[kind]:>4} {label}" for kind, label in _KINDS)
