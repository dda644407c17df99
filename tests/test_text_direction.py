"""A text reads right to left when its first letter with a direction does: what sets a Hebrew paragraph
flush right in the PDFs and a Hebrew table's first column at the right, on paper and on the cards."""

from __future__ import annotations

import pytest

from ccpkit.text_direction import starts_right_to_left


@pytest.mark.parametrize(
    ("text", "right_to_left"),
    [
        ("נמל | עומק", True),  # Hebrew
        ("ميناء", True),  # Arabic
        ("12 - (נמל)", True),  # digits and marks have no direction of their own
        ("AWS Region נמל", False),  # English first
        ("Wharf | Berth", False),
        ("12 - 15", False),  # no letter at all: left to right, as by default
        ("", False),
    ],
)
def test_the_first_letter_with_a_direction_decides(text: str, right_to_left: bool) -> None:
    assert starts_right_to_left(text) is right_to_left
