"""The memo: a value is reused only for the digest it was kept under, and a broken memo is only slower."""

from __future__ import annotations

from pathlib import Path

import pytest

from ccpkit.memo import Memo
from ccpkit.model import Card, Module, SourceLocation


def module(term: str = "EC2") -> Module:
    card = Card(
        id=f"02-compute/card/{term.lower()}",
        module="02-compute",
        source=SourceLocation("02-compute/cram-sheet.md", 3),
        front=term,
        back="Virtual servers.",
    )
    return Module(number=2, slug="02-compute", title="Compute", items=(card,))


def test_a_kept_value_comes_back_for_its_key_only(tmp_path: Path) -> None:
    memo = Memo(tmp_path)
    memo.keep("course", "02-compute", "key-1", ("laid", "out"))
    assert memo.recall("course", "02-compute", "key-1", tuple) == ("laid", "out")
    assert memo.recall("course", "02-compute", "key-2", tuple) is None
    assert memo.recall("course", "09-security", "key-1", tuple) is None
    assert memo.recall("course", "02-compute", "key-1", dict) is None  # not the kind asked for


def test_keeping_again_replaces_the_slot(tmp_path: Path) -> None:
    memo = Memo(tmp_path)
    memo.keep("parse", "02-compute", "old", "old value")
    memo.keep("parse", "02-compute", "new", "new value")
    assert memo.recall("parse", "02-compute", "old", str) is None
    assert memo.recall("parse", "02-compute", "new", str) == "new value"
    assert [path.name for path in (tmp_path / "parse").iterdir()] == ["02-compute.pickle"]


def test_per_module_makes_a_value_once_per_module_content(tmp_path: Path) -> None:
    made: list[str] = []

    def make(subject: Module) -> str:
        made.append(subject.items[0].front)
        return subject.items[0].front.upper()

    for memo in (Memo(tmp_path), Memo(tmp_path)):  # a second build: a new process, the same folder
        assert memo.per_module("anki", module(), make, str) == "EC2"
    assert Memo(tmp_path).per_module("anki", module("S3"), make, str) == "S3"
    assert Memo(tmp_path).per_module("anki", module("S3"), make, str, "other context") == "S3"
    assert made == ["EC2", "S3", "S3"]


@pytest.mark.parametrize(
    "damage",
    [b"", b"key-1\n", b"key-1\nnot a pickle", b"key-1\n\x80\x05\x95"],
    ids=["empty", "key-only", "garbage", "truncated"],
)
def test_a_damaged_entry_is_a_miss_not_an_error(tmp_path: Path, damage: bytes) -> None:
    (tmp_path / "course").mkdir()
    (tmp_path / "course" / "02-compute.pickle").write_bytes(damage)
    assert Memo(tmp_path).recall("course", "02-compute", "key-1", tuple) is None


def test_a_file_where_the_memo_folder_should_be_only_remembers_nothing(tmp_path: Path) -> None:
    (tmp_path / "cache").write_text("not a folder", encoding="utf-8")
    memo = Memo(tmp_path / "cache")
    memo.keep("course", "02-compute", "key-1", ("laid",))
    assert memo.recall("course", "02-compute", "key-1", tuple) is None
    assert sorted(path.name for path in tmp_path.iterdir()) == ["cache"]


def test_keep_only_forgets_the_modules_that_are_gone_and_half_written_entries(tmp_path: Path) -> None:
    memo = Memo(tmp_path)
    for group in ("parse", "course"):
        for name in ("02-compute", "03-renamed", "09-security"):
            memo.keep(group, name, "key", name)
    (tmp_path / "course" / ".half-written.tmp").write_bytes(b"key\n")  # a helper stopped mid-write
    memo.keep_only(["02-compute", "09-security"])
    assert sorted(
        path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*") if path.is_file()
    ) == [
        "course/02-compute.pickle",
        "course/09-security.pickle",
        "parse/02-compute.pickle",
        "parse/09-security.pickle",
    ]


def test_a_memo_without_a_folder_remembers_nothing(tmp_path: Path) -> None:
    memo = Memo()
    memo.keep("course", "02-compute", "key-1", ("laid",))
    memo.keep_only([])
    assert memo.recall("course", "02-compute", "key-1", tuple) is None
