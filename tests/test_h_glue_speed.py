"""The build's faster paths give what the general ones give: findings filed with their passages apart."""

from __future__ import annotations

import dataclasses
import os
import pickle
from pathlib import Path

from ccpkit.build import build
from ccpkit.export import ExportOptions
from ccpkit.parse.notes_folder import _evicted, _readable, find_modules, is_notes_file
from ccpkit.report import BuildReport
from ccpkit.store import FOLDER_NAME, Store, pickled
from tests.conftest import REPO

PICTURED = (
    "# Cram Sheet\n\n## Buckets\n\nA bucket looks like this: ![bucket](bucket.png)\n\n"
    "- **Bucket:** a container of objects.\n"
)


@dataclasses.dataclass(frozen=True, slots=True)
class OneField:
    value: str


@dataclasses.dataclass(frozen=True, slots=True)
class TwoFields:
    first: OneField
    second: tuple[OneField, ...]


def test_dataclasses_with_slots_of_one_field_or_more_come_back_equal(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    value = TwoFields(OneField("a"), (OneField("b"), OneField("c")))
    store.put("kept", value)

    assert store.get("kept", TwoFields) == value


def json_build(notes: Path, out: Path) -> BuildReport:
    return build(notes, out, formats=("json",), options=ExportOptions(templates=REPO / "templates"))


def write_notes(notes: Path) -> None:
    for path, text in {
        "01-storage/cram-sheet.md": PICTURED,
        "02-compute/cram-sheet.md": "- **EC2:** Virtual servers.\n",
    }.items():
        (notes / path).parent.mkdir(parents=True, exist_ok=True)
        (notes / path).write_text(text, encoding="utf-8")


def test_findings_whose_filed_passages_are_damaged_are_parsed_again(tmp_path: Path) -> None:
    notes, out = tmp_path / "notes", tmp_path / "out"
    write_notes(notes)
    json_build(notes, out)
    for entry in (out / FOLDER_NAME).glob("*.pickle"):
        value = pickle.loads(entry.read_bytes())
        if isinstance(getattr(value, "passages", None), bytes):  # a module's findings as filed
            entry.write_bytes(pickled(dataclasses.replace(value, passages=b"not a pickle")))
    (notes / "02-compute" / "cram-sheet.md").write_text("- **EC2:** Servers.\n", encoding="utf-8")

    report = json_build(notes, out)

    assert set(report.remade) >= {"parse 01-storage", "parse 02-compute"}
    assert "01-storage/cram-sheet.md:5: picture bucket.png does not exist" in report.summary()
    fresh = json_build(notes, tmp_path / "fresh")
    assert (out / "json" / "deck.json").read_bytes() == (
        tmp_path / "fresh" / "json" / "deck.json"
    ).read_bytes()
    assert report.problems == fresh.problems


def test_a_rebuild_from_the_store_reports_the_pictures_of_the_prose_it_does_not_print(tmp_path: Path) -> None:
    notes, out = tmp_path / "notes", tmp_path / "out"
    write_notes(notes)
    first = json_build(notes, out)
    (notes / "02-compute" / "cram-sheet.md").write_text("- **EC2:** Servers.\n", encoding="utf-8")

    again = json_build(notes, out)

    assert "parse 01-storage" not in again.remade
    assert "01-storage/cram-sheet.md:5: picture bucket.png does not exist" in again.summary()
    assert [p for p in again.problems if "bucket" in p.message] == [
        p for p in first.problems if "bucket" in p.message
    ]


def test_a_module_folder_walked_by_names_holds_the_files_every_path_checked_would_give(
    tmp_path: Path,
) -> None:
    module = tmp_path / "notes" / "03-storage"
    for relative in (
        "cram-sheet.md",
        "lectures/week-1.markdown",
        "lectures/.draft.md",
        "lectures/picture.png",
        ".obsidian/workspace.md",
        ".obsidian/deep/notes.md",
        ".summary.md.icloud",
        "lectures/.week-2.md.icloud",
        ".gone.md.icloud/inside.md",
        "tab\tname/notes.md",
        "bell\x07.md",
        "quiz.Rmd",
    ):
        (module / relative).parent.mkdir(parents=True, exist_ok=True)
        (module / relative).write_text("- **Term:** text\n", encoding="utf-8")
    (module / "lectures" / "week-2.md.icloud").write_text("not a placeholder", encoding="utf-8")
    undecodable = os.fsencode(module / "lectures") + b"/caf\xe9.md"
    with open(undecodable, "wb") as stream:
        stream.write(b"- **Term:** text\n")

    (found,) = find_modules(tmp_path / "notes")

    every = [Path(folder, name) for folder, _, names in os.walk(module) for name in names]
    listed = [path for path in every if is_notes_file(path.name) or _evicted(path)]
    assert found.files == tuple(sorted(path for path in listed if _readable(path, module)))
    assert {path.name for path in found.files} == {
        "cram-sheet.md",
        "week-1.markdown",
        ".summary.md.icloud",
        ".week-2.md.icloud",
        "quiz.Rmd",
    }
