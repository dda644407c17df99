"""Formats by name: every name a user may give finds its format; any other is a usage error."""

from __future__ import annotations

import pytest

from ccpkit.config import FORMATS
from ccpkit.errors import UsageError
from ccpkit.export.formats import format_named


@pytest.mark.parametrize("name", FORMATS)
def test_each_format_name_finds_the_format_of_that_name(name: str) -> None:
    assert format_named(name).name == name


def test_an_unknown_format_name_lists_the_known_ones() -> None:
    with pytest.raises(UsageError, match="unknown output format 'docx'; choose from anki, csv, pdf, json"):
        format_named("docx")
