"""A pattern made with ``regex`` is compiled when first used, and then is the compiled pattern's equal."""

import ast
import importlib
import marshal
import pkgutil
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import ccpkit
from ccpkit import regex as regex_module
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
        if module_info.name in ("ccpkit.__main__", "ccpkit.regex"):  # the command line; every pattern made
            continue
        module = importlib.import_module(module_info.name)
        for value in vars(module).values():
            for pattern in _patterns(value):
                assert isinstance(pattern.groups, int), pattern  # type: ignore[attr-defined]
                found += 1
    assert found > 400


@pytest.fixture
def cache_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The compiled patterns' cache in a folder of the test's own, read afresh on first use; Python
    writes bytecode (and so the cache) as a user's does."""
    path = tmp_path / "__pycache__" / "regex.patterns"
    monkeypatch.setattr(regex_module, "_CACHE_FILE", path)
    monkeypatch.setattr(regex_module, "_cache", None)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return path


def _cached(path: Path) -> dict[tuple[str | bytes, int], object]:
    _, cache = marshal.loads(path.read_bytes())
    assert isinstance(cache, dict)
    return cache


def test_a_first_use_writes_every_declared_pattern_to_the_cache(cache_file: Path) -> None:
    words, digits = regex(r"\w+ unique-to-this-test"), regex(rb"\d+ unique-to-this-test", re.ASCII)
    assert words.search("say unique-to-this-test") is not None
    assert {(words.pattern, 0), (digits.pattern, int(re.ASCII))} <= set(_cached(cache_file))
    assert digits.findall(b"12 unique-to-this-test") == [b"12 unique-to-this-test"]


def test_a_pattern_is_read_from_the_cache_when_the_cache_holds_it(cache_file: Path) -> None:
    """The cache is what the engine runs: here one planted to make ``a`` find ``b``."""
    regex(r"b").search("b")
    planted = _cached(cache_file)
    planted[("a", 0)] = planted[("b", 0)]
    cache_file.write_bytes(marshal.dumps((regex_module._ENGINE, planted)))
    regex_module._cache = None
    assert regex(r"a").fullmatch("b") is not None


@pytest.mark.parametrize(
    "written",
    [b"not marshal data", marshal.dumps(("another Python", {("a", 0): (0, [1, 2], 0, {}, ())})), b""],
    ids=["damaged", "another Python", "empty"],
)
def test_a_damaged_or_foreign_cache_is_written_again(cache_file: Path, written: bytes) -> None:
    cache_file.parent.mkdir()
    cache_file.write_bytes(written)
    letters = regex(r"[a-c]+")
    assert letters.findall("abc d ca") == ["abc", "ca"]
    engine, _ = marshal.loads(cache_file.read_bytes())
    assert engine == regex_module._ENGINE


def test_a_cached_entry_the_engine_refuses_is_compiled_afresh(cache_file: Path) -> None:
    regex(r"x+").search("x")
    damaged = _cached(cache_file)
    damaged[("x+", 0)] = (0, [99999, 1], 0, {}, ())
    cache_file.write_bytes(marshal.dumps((regex_module._ENGINE, damaged)))
    regex_module._cache = None
    assert regex(r"x+").findall("xx y x") == ["xx", "x"]


def test_nothing_is_written_where_python_writes_no_bytecode(
    cache_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert regex(r"q+").fullmatch("qq") is not None
    assert not cache_file.exists()


def test_a_mistaken_pattern_fails_with_a_cache_too(cache_file: Path) -> None:
    regex(r"ok").search("ok")
    with pytest.raises(re.error):
        regex(r"[unclosed").search("a")


def test_patterns_are_made_at_import_time() -> None:
    """The cache holds the patterns modules make as they load; one made while running (from the notes'
    words, say) would be compiled and the cache written again each time: ``re``'s functions are for those."""
    made_in_functions = []
    for path in Path(ccpkit.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                made_in_functions += [
                    f"{path.name}:{call.lineno}"
                    for call in ast.walk(function)
                    if isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Name)
                    and call.func.id == "regex"
                ]
    assert made_in_functions == []
