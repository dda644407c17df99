"""A pattern made with ``regex`` is compiled when first used, and then is the compiled pattern's equal."""

import importlib
import pkgutil
import re
from collections.abc import Iterator

import pytest

import ccpkit
from ccpkit.regex import regex


def test_a_pattern_finds_what_re_compile_finds() -> None:
    words = regex(r"(?P<word>\w+)", re.ASCII)
    compiled = re.compile(r"(?P<word>\w+)", re.ASCII)
    text = "café au lait"
    found, expected = words.search(text), compiled.search(text)
    assert found is not None and expected is not None and found[0] == expected[0] == "caf"
    assert words.findall(text) == compiled.findall(text)
    assert words.sub("-", text) == compiled.sub("-", text)
    assert words.split(text) == compiled.split(text)
    assert words.fullmatch("lait") is not None and words.match(" lait") is None
    assert [m.span() for m in words.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert (words.groups, words.groupindex, words.flags) == (1, {"word": 1}, compiled.flags)


def test_its_source_is_there_before_it_is_compiled_to_build_other_patterns_from() -> None:
    digits = regex(r"\d+")
    dated = regex(rf"{digits.pattern}-{digits.pattern}")
    assert dated.fullmatch("2026-12") is not None
    assert digits.fullmatch("12") is not None


def test_a_bytes_pattern_reads_bytes() -> None:
    assert regex(rb"\r\n|\n").split(b"a\r\nb\nc") == [b"a", b"b", b"c"]


def test_a_mistaken_pattern_fails_when_first_used() -> None:
    unclosed = regex(r"(a")
    with pytest.raises(re.error):
        unclosed.search("a")


def _patterns(value: object) -> Iterator[object]:
    if type(value).__name__ == "_OnFirstUse":
        yield value
    elif isinstance(value, tuple | list | frozenset | set):
        for each in value:
            yield from _patterns(each)
    elif isinstance(value, dict):
        for each in value.values():
            yield from _patterns(each)


def test_every_pattern_of_ccpkit_compiles() -> None:
    """No pattern waits for the build that first uses it to find it mistyped."""
    found = 0
    for module_info in pkgutil.walk_packages(ccpkit.__path__, "ccpkit."):
        if module_info.name == "ccpkit.__main__":  # runs the command line
            continue
        module = importlib.import_module(module_info.name)
        for value in vars(module).values():
            for pattern in _patterns(value):
                assert isinstance(pattern.groups, int), pattern  # type: ignore[attr-defined]
                found += 1
    assert found > 400
