"""Counts per module and kind, aligned whatever the module titles' lengths."""

from __future__ import annotations

from ccpkit.model import Deck
from ccpkit.report import format_counts


def test_counts_list_each_module_then_the_total(deck: Deck) -> None:
    lines = format_counts(deck).splitlines()
    assert lines[0].startswith("  2 Compute in the Cloud ")
    assert lines[0].split()[-6:] == ["2", "cards", "1", "table", "0", "MCQs"]
    assert lines[1].split()[:2] == ["9", "Security"]
    assert lines[2].split() == ["total", "3", "cards", "1", "table", "2", "MCQs"]
    assert len({line.index("card") for line in lines}) == 1
    assert len({line.rindex("MCQ") for line in lines}) == 1  # "1 table" keeps the columns
