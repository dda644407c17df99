"""The PDF exporter's shortcuts agree with the general path they spare: text that cannot hold a table
or a picture is not parsed for one, and text that may is parsed as before."""

from __future__ import annotations

import pytest

from ccpkit.export.pdf.flowables import text_and_tables
from ccpkit.export.pdf.pictures import Pictures
from ccpkit.markup import picture_names, split_tables
from ccpkit.model import Picture

PICTURE = "ccpkit-0123456789abcdef01234567.png"
_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
    "0000000c4944415408d763f8cfc000000301010018dd8db00000000049454e44ae426082"
)
"""A one-pixel PNG."""
TEXTS = [
    "Plain words, **bold** and `code`.",
    "A list:\n\n- one\n- two",
    "Before\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\nAfter",
    "| A |\n|---|\n| 1 |",
    "A bar | in a sentence, no table",
    f"![a red box]({PICTURE}) under the text",
    f"![[{PICTURE}]] embedded",
    f"Escaped \\![not]({PICTURE}) a picture",
    f"A name {PICTURE} written, no picture",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_text_and_tables_is_split_tables(text: str) -> None:
    assert text_and_tables(text) == split_tables(text)


@pytest.mark.parametrize("text", TEXTS)
def test_pictures_shown_are_the_pictures_named(text: str) -> None:
    pictures = Pictures([Picture(PICTURE, _PNG)], "Helvetica")
    shown = pictures.shown(text)
    assert len(shown) == len(picture_names(text))
