"""Bad input gives one clear line, a non-zero exit and no files; edited notes are never clobbered."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from ccpkit.cli import cli
from tests.importer.conftest import FIXTURES, run_import


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "the file is empty"),
        (b"Module 1 - Intro\n\x00\x01\x02", "binary data"),
        ("Module 1 - Intro\n".encode("utf-16"), "is UTF-16 text; save the export as UTF-8"),
        ("Module 1 - Intro\n".encode("utf-32"), "is UTF-32 text; save the export as UTF-8"),
        (b"Module 1 - Intro\n\nCaf\xe9 au lait\n", ":3: not valid UTF-8"),
        ((FIXTURES / "not-an-export.txt").read_bytes(), "does not look like a notes export"),
    ],
    ids=["missing", "empty", "binary", "utf-16", "utf-32", "invalid-utf8", "not-an-export"],
)
def test_bad_export_files_give_one_line_and_write_nothing(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    export = tmp_path / "export.txt"
    if content is not None:
        export.write_bytes(content)
    code, output = run_import(tmp_path, export)
    assert code == (2 if content is None else 1)  # a wrong path is a usage error; a bad file, bad input
    assert message in output
    assert str(export) in output
    assert len(output.strip().splitlines()) == 1
    assert "Traceback" not in output
    assert not (tmp_path / "notes").exists()
    assert not (tmp_path / "report.txt").exists()


def test_a_folder_given_as_the_export_is_a_usage_error(tmp_path: Path) -> None:
    code, output = run_import(tmp_path, tmp_path)
    assert (code, output.strip()) == (
        2,
        f"error: {tmp_path}: is a folder; pass the plain-text notes export file",
    )


def test_an_unreadable_export_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    export = tmp_path / "export.txt"
    export.write_bytes((FIXTURES / "split-header.txt").read_bytes())

    def denied(_path: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("ccpkit.importer.read.read_regular", denied)
    code, output = run_import(tmp_path, export)
    assert (code, output.strip()) == (1, f"error: {export}: cannot be read (Permission denied)")


@pytest.mark.parametrize("newline", [b"\r\n", b"\r"], ids=["windows", "old-mac"])
def test_any_line_endings_import_like_unix_ones(tmp_path: Path, newline: bytes) -> None:
    unix = (FIXTURES / "split-header.txt").read_bytes().replace(b"\r\n", b"\n")
    other = tmp_path / "other"
    other.mkdir()
    (other / "export.txt").write_bytes(unix.replace(b"\n", newline))
    (tmp_path / "export.txt").write_bytes(unix)
    assert run_import(tmp_path, tmp_path / "export.txt")[0] == 0
    assert run_import(other, other / "export.txt")[0] == 0
    written = sorted((tmp_path / "notes").rglob("*.md"))
    assert written
    for path in written:
        twin = other / "notes" / path.relative_to(tmp_path / "notes")
        assert twin.read_bytes() == path.read_bytes()


def test_a_directory_is_not_an_export(tmp_path: Path) -> None:
    code, output = run_import(tmp_path, tmp_path)
    assert code != 0
    assert "is a folder" in output
    assert not (tmp_path / "notes").exists()


def test_a_non_empty_out_folder_is_refused_without_force(tmp_path: Path) -> None:
    edited = tmp_path / "notes" / "02-compute" / "summary.md"
    edited.parent.mkdir(parents=True)
    edited.write_text("my edits\n")
    code, output = run_import(tmp_path, FIXTURES / "split-header.txt")
    assert code == 2  # a usage error: --force, or another --out
    assert "--force" in output
    assert edited.read_text() == "my edits\n"


def test_force_replaces_the_notes_but_keeps_dot_files_pictures_and_other_files(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    (notes / "02-compute" / "img").mkdir(parents=True)
    (notes / "02-compute" / "summary.md").write_text("stale\n")
    (notes / "02-compute" / "img" / "vpc.png").write_bytes(b"\x89PNG picture")
    (notes / "todo.txt").write_text("mine\n")
    (notes / ".ccpkit-ledger.json").write_text("{}\n")
    code, output = run_import(tmp_path, FIXTURES / "split-header.txt", "--force")
    assert code == 0, output
    assert sorted(p.relative_to(notes).as_posix() for p in notes.rglob("*")) == [
        ".ccpkit-ledger.json",
        "02-compute",
        "02-compute/img",
        "02-compute/img/vpc.png",
        "11-pricing",
        "11-pricing/summary.md",
        "todo.txt",
    ]
    assert (notes / "02-compute" / "img" / "vpc.png").read_bytes() == b"\x89PNG picture"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".notes")]


def test_a_report_path_that_is_a_folder_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    (tmp_path / "report.txt").mkdir()
    code, output = run_import(tmp_path, FIXTURES / "split-header.txt")
    assert code != 0
    assert "--report" in output
    assert not (tmp_path / "notes").exists()


def test_a_table_of_separators_and_tabs_only_is_dropped_and_reported(tmp_path: Path) -> None:
    export = tmp_path / "export.txt"
    export.write_bytes(b"Module 1 - Intro\n\nSummary\n\n---------\t-------\n\t\t\n\n**EC2:** Servers\n")
    code, output = run_import(tmp_path, export)
    assert code == 0, output
    notes = "".join(path.read_text("utf-8") for path in (tmp_path / "notes").rglob("*.md"))
    assert "|" not in notes
    assert "**EC2:** Servers" in notes
    assert "line 5: table with no text in any cell" in (tmp_path / "report.txt").read_text("utf-8")


def test_an_out_folder_where_no_folder_can_be_made_is_one_line(tmp_path: Path) -> None:
    export, blocked = tmp_path / "export.txt", tmp_path / "file"
    export.write_bytes((FIXTURES / "split-header.txt").read_bytes())
    blocked.write_text("a file where the notes' parent folder would go", encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(export), "--out", str(blocked / "notes")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"error: {blocked / 'notes'}: could not write the notes" in result.output
    assert "nothing was changed" in result.output


def test_a_report_path_that_is_the_export_is_refused_and_the_export_kept(tmp_path: Path) -> None:
    export = tmp_path / "report.txt"  # where run_import writes its report
    export.write_bytes((FIXTURES / "split-header.txt").read_bytes())
    code, output = run_import(tmp_path, export)
    assert code == 2
    assert "is the export being imported; pass another file path to --report" in output
    assert export.read_bytes() == (FIXTURES / "split-header.txt").read_bytes()
    assert not (tmp_path / "notes").exists()
