"""Obsidian's embeds (``![[name.png]]``, ``![[path/name.png|alt|300]]``) show their pictures in every
output, found by name anywhere in the notes folder; an embedded note shows its name, with a warning.

The pictures are drawn here (Pillow) into a copy of the fixture notes.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from tests.export.anki.student import Student, visible_text
from tests.export.test_pictures import PACKAGE, build, drawn_images

FIXTURE = Path(__file__).parent / "export" / "fixtures" / "embeds"
IMG = re.compile(r'<img src="([^"]+)" alt="([^"]*)"')
SIZES = {"subnet": (40, 20), "routes": (30, 30), "bucket": (16, 48)}


def draw_pictures(notes: Path) -> None:
    """Each picture in a folder of its own, none beside the note that shows it; and a second
    ``routes.png``, of another size, in the other module."""
    places = {
        "subnet": notes / "01-networking" / "diagrams" / "subnet layout.png",
        "routes": notes / "01-networking" / "attachments" / "routes.png",
        "bucket": notes / "assets" / "bucket.png",
    }
    for name, path in places.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", SIZES[name], (200, 0, 0)).save(path)
    (notes / "02-storage" / "attachments").mkdir()
    Image.new("RGB", (99, 99), (0, 0, 200)).save(notes / "02-storage" / "attachments" / "routes.png")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("embeds")
    shutil.copytree(FIXTURE, root / "notes")
    draw_pictures(root / "notes")
    return root / "build", build(root / "notes", root / "build")


@pytest.fixture
def student(built: tuple[Path, str], tmp_path: Path) -> Iterator[Student]:
    student = Student.with_fresh_collection(tmp_path)
    student.import_package(built[0] / PACKAGE)
    yield student
    student.close()


def note_showing(student: Student, field: str, words: str) -> str:
    """The ``Id`` of the note whose ``field`` shows ``words``."""
    (found,) = [note["Id"] for note in student.notes() if field in note and words in note[field]]
    return found


def picture_size(student: Student, item_id: str, field: str) -> tuple[int, int]:
    (name, _alt), *_ = IMG.findall(student.note(item_id)[field])
    with Image.open(Path(student.collection.media.dir()) / name) as picture:
        return picture.size


def test_an_embedded_picture_found_in_any_folder_is_in_the_note_and_the_media(student: Student) -> None:
    assert picture_size(student, "01-networking/card/subnet", "Definition") == SIZES["subnet"]
    assert picture_size(student, "02-storage/card/bucket", "Definition") == SIZES["bucket"]


def test_a_path_and_alt_text_are_read_and_a_width_is_not_alt_text(student: Student) -> None:
    definition = student.note("01-networking/card/route-table")["Definition"]
    assert IMG.findall(definition)[0][1] == "Routes out of the subnet"
    assert picture_size(student, "01-networking/card/route-table", "Definition") == SIZES["routes"]
    assert "300" not in visible_text(definition)


def test_of_two_files_of_one_name_the_one_nearest_the_note_is_shown(student: Student) -> None:
    """The table's ``![[routes.png\\|240]]`` (the pipe escaped inside a table) is module 1's picture."""
    row = note_showing(student, "Row", "Internet gateway")
    assert picture_size(student, row, "Answer") == SIZES["routes"]


def test_a_question_shows_its_embedded_picture(student: Student) -> None:
    question = note_showing(student, "Stem", "Which layout")
    assert picture_size(student, question, "Stem") == SIZES["subnet"]


def test_an_embedded_note_shows_its_name_with_a_warning(student: Student, built: tuple[Path, str]) -> None:
    definition = visible_text(student.note("01-networking/card/peering")["Definition"])
    assert definition == "joins two virtual networks privately. Peering checklist"
    assert "01-networking/notes.md:7: warning: embedded note Peering checklist is not copied in" in built[1]


def test_an_embed_written_as_code_stays_code(student: Student) -> None:
    definition = student.note("01-networking/card/embed-syntax")["Definition"]
    assert "<code>![[routes.png]]</code>" in definition and "<img" not in definition


def test_the_pdfs_draw_the_embedded_pictures(built: tuple[Path, str]) -> None:
    drawn = drawn_images((built[0] / "pdf" / "course.pdf").read_bytes())
    assert {(width, height) for width, height, _w, _h in drawn} == set(SIZES.values())


def test_an_embedded_picture_found_nowhere_is_an_error_at_its_line(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    (notes / "01-intro").mkdir(parents=True)
    (notes / "01-intro" / "notes.md").write_text(
        "# Module 1: Intro\n\n- **Gone**: ![[lost.png]]\n- **Escape**: ![[../outside.png]]\n"
    )
    Image.new("RGB", (8, 8)).save(tmp_path / "outside.png")
    output = build(notes, tmp_path / "build", expected=1, command="check")
    assert "01-intro/notes.md:3: picture lost.png is not in the notes folder: save it there" in output
    assert "01-intro/notes.md:4: picture ../outside.png is outside the notes folder" in output
