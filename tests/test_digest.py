"""The build's digest: a new ccpkit is new code, and every cached part made by the old one is unused."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from ccpkit import digest


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A stand-in for ccpkit's own source folder."""
    folder = tmp_path / "ccpkit"
    (folder / "export").mkdir(parents=True)
    (folder / "digest.py").write_text("DIGEST = 1\n", encoding="utf-8")
    (folder / "export" / "csv.py").write_text("ROWS = 1\n", encoding="utf-8")
    monkeypatch.setattr(digest, "__file__", str(folder / "digest.py"))
    digest._code.cache_clear()
    yield folder
    digest._code.cache_clear()


def code_now() -> bytes:
    """ccpkit's code as a new process finds it."""
    digest._code.cache_clear()
    return digest._code()


def test_the_same_source_is_the_same_code(package: Path) -> None:
    assert code_now() == code_now()


def test_an_edited_source_file_is_new_code(package: Path) -> None:
    before = code_now()
    source = package / "export" / "csv.py"
    status = source.stat()
    source.write_text("ROWS = 2\n", encoding="utf-8")  # the same size
    os.utime(source, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000))
    assert code_now() != before


def test_a_new_source_file_is_new_code(package: Path) -> None:
    before = code_now()
    (package / "export" / "json.py").write_text("", encoding="utf-8")
    assert code_now() != before
