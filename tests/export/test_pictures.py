"""Pictures in the notes (``![alt](path)``) reach every output: media files of the .apkg that every
``<img>`` of a note resolves to, images drawn in the PDFs, and a media folder beside the Anki CSV files.

The pictures are drawn here (Pillow) into a copy of the fixture notes, so a test can change one.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from anki.import_export_pb2 import ImportCsvRequest
from click.testing import CliRunner
from PIL import Image
from pypdf.generic import ContentStream

from ccpkit.cli import cli
from tests.conftest import REPO
from tests.export.anki.student import Student
from tests.export.pdf.reading import placed_pictures, reader, text
from tests.hardening.commands import assert_clean_exit

FIXTURE = Path(__file__).parent / "fixtures" / "pictures"
PACKAGE = "anki/pictures.apkg"
THREE_TIERS = "01-diagrams/card/three-tier-web-app"
HUB = "01-diagrams/card/hub-and-spoke-network"
LOAD_BALANCER = "01-diagrams/card/load-balancer"
IMG = re.compile(r'<img src="([^"]+)"')
PLAIN_NOTES = """# Module 1: Other

- **Term**: words only

## Kinds

| Kind | Use |
|---|---|
| A | first |
| B | second |

## Quiz

1. Which is first?
   - A. A
   - B. B

   **Answer:** A
"""
"""Notes without pictures whose .apkg brings our three note types (Anki's CSV import needs them)."""


def draw_pictures(notes: Path, tiers_colour: tuple[int, int, int] = (200, 0, 0)) -> None:
    """The fixture's pictures: two different files both named ``architecture.png``, a wide JPEG with a
    space in its name, and a GIF."""
    module = notes / "01-diagrams"
    for folder in ("img", "spokes", "photos"):
        (module / folder).mkdir(exist_ok=True)
    Image.new("RGB", (120, 60), tiers_colour).save(module / "img" / "architecture.png")
    Image.new("RGB", (60, 60), (0, 0, 200)).save(module / "spokes" / "architecture.png")
    Image.new("RGB", (2000, 400), (0, 160, 0)).save(module / "photos" / "edge site.jpg")
    Image.new("P", (10, 10)).save(module / "photos" / "spinner.gif")


def build(notes: Path, out: Path, *, expected: int = 0, command: str = "build") -> str:
    args = [command, "--notes", str(notes)]
    if command == "build":
        args += ["--out", str(out), "--title", "Pictures", "--templates", str(REPO / "templates")]
    result = CliRunner().invoke(cli, args)
    assert_clean_exit(result, expected)
    return result.output


def intro_notes(tmp_path: Path, text: str) -> Path:
    """A notes folder of one module, ``01-intro``, whose ``notes.md`` holds ``text`` after its title."""
    notes = tmp_path / "notes"
    (notes / "01-intro").mkdir(parents=True)
    (notes / "01-intro" / "notes.md").write_text(f"# Module 1: Intro\n\n{text}")
    return notes


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    root = tmp_path_factory.mktemp("pictures")
    shutil.copytree(FIXTURE, root / "notes")
    draw_pictures(root / "notes")
    output = build(root / "notes", root / "build")
    return root / "notes", root / "build", output


@pytest.fixture
def student(built: tuple[Path, Path, str], tmp_path: Path) -> Iterator[Student]:
    student = Student.with_fresh_collection(tmp_path)
    student.import_package(built[1] / PACKAGE)
    yield student
    student.close()


def pictures_shown(student: Student) -> list[str]:
    """Every ``src`` of every ``<img>`` in every field of every note."""
    return [src for note in student.notes() for field in note.fields for src in IMG.findall(field)]


def test_every_picture_a_note_shows_is_in_the_collection_media(student: Student) -> None:
    shown = pictures_shown(student)
    media = Path(student.collection.media.dir())
    assert len(shown) == 11  # seven cards, the question, the table row's answer and both rows' whole table
    assert all((media / src).is_file() for src in shown)
    assert {path.suffix for path in media.iterdir()} == {".png", ".jpg", ".gif"}


def test_the_same_picture_used_twice_is_one_file_and_same_named_files_do_not_collide(
    student: Student,
) -> None:
    (tiers,) = IMG.findall(student.note(THREE_TIERS)["Definition"])
    (again,) = IMG.findall(student.note(LOAD_BALANCER)["Definition"])
    (hub,) = IMG.findall(student.note(HUB)["Definition"])
    assert tiers == again and hub != tiers
    media = Path(student.collection.media.dir())
    assert len(list(media.iterdir())) == 4  # two PNGs, the JPEG, the GIF
    with Image.open(media / tiers) as first, Image.open(media / hub) as second:
        assert first.size == (120, 60) and second.size == (60, 60)


def test_obsidian_s_width_after_the_alt_text_is_no_part_of_it(student: Student) -> None:
    assert 'alt="hub and spoke"' in student.note(HUB)["Definition"]


def test_a_picture_written_as_an_html_img_tag_is_in_the_deck_as_any_other(student: Student) -> None:
    (shown,) = IMG.findall(student.note("01-diagrams/card/transit-hub")["Definition"])
    assert shown == IMG.findall(student.note(HUB)["Definition"])[0]
    assert "&lt;img" not in student.note("01-diagrams/card/transit-hub")["Definition"]


def test_a_query_after_a_pictures_path_is_no_part_of_its_file_name(student: Student) -> None:
    assert IMG.findall(student.note("01-diagrams/card/spoke-network")["Definition"]) == IMG.findall(
        student.note(HUB)["Definition"]
    )


def test_a_remote_picture_stays_a_link_with_a_warning(
    student: Student, built: tuple[Path, Path, str]
) -> None:
    definition = student.note("01-diagrams/card/vendor-diagram")["Definition"]
    assert '<a href="https://example.com/diagram.png">vendor</a>' in definition
    assert "<img" not in definition
    assert (
        "01-diagrams/notes.md:10: warning: picture https://example.com/diagram.png is not fetched" in built[2]
    )


def test_a_changed_picture_is_a_new_file_and_updates_its_notes_keeping_their_history(
    built: tuple[Path, Path, str], tmp_path: Path
) -> None:
    notes = tmp_path / "notes"
    shutil.copytree(built[0], notes)
    build(notes, tmp_path / "build")
    student = Student.with_fresh_collection(tmp_path)
    try:
        student.import_package(tmp_path / "build" / PACKAGE)
        (before,) = IMG.findall(student.note(THREE_TIERS)["Definition"])
        student.study_everything()
        draw_pictures(notes, tiers_colour=(250, 200, 0))
        build(notes, tmp_path / "build")
        log = student.import_package(tmp_path / "build" / PACKAGE)
        (after,) = IMG.findall(student.note(THREE_TIERS)["Definition"])
        assert after != before
        media = Path(student.collection.media.dir())
        with Image.open(media / after) as picture:
            assert picture.getpixel((0, 0)) == (250, 200, 0)
        updated = student.guids(log.updated)
        assert {student.note(THREE_TIERS).guid, student.note(LOAD_BALANCER).guid} <= updated
        assert student.note(HUB).guid not in updated
        assert student.reviews_of(student.note(THREE_TIERS)) == 1
    finally:
        student.close()


def drawn_images(data: bytes) -> list[tuple[int, int, float, float]]:
    """Each image drawn on a page: its pixel size and the size it prints at (points)."""
    pdf = reader(data)
    drawn = []
    for page in pdf.pages:
        objects = page["/Resources"].get("/XObject")
        if objects is None:
            continue
        images = {name: ref.get_object() for name, ref in objects.get_object().items()}
        scale: list[Any] = []
        for operands, operator in ContentStream(page.get_contents(), pdf).operations:
            if operator == b"cm":
                scale = operands
            elif operator == b"Do" and images.get(operands[0], {}).get("/Subtype") == "/Image":
                image = images[operands[0]]
                drawn.append((int(image["/Width"]), int(image["/Height"]), float(scale[0]), float(scale[3])))
    return drawn


@pytest.mark.parametrize("pdf", ["pdf/01-diagrams.pdf", "pdf/course.pdf"])
def test_the_pdfs_draw_the_pictures_scaled_to_the_column(built: tuple[Path, Path, str], pdf: str) -> None:
    drawn = drawn_images((built[1] / pdf).read_bytes())
    pixels = {(width, height) for width, height, _w, _h in drawn}
    assert pixels == {(120, 60), (60, 60), (2000, 400), (10, 10)}
    page_width = float(reader((built[1] / pdf).read_bytes()).pages[0].mediabox.width)
    for width, height, printed_width, printed_height in drawn:
        assert 0 < printed_width <= page_width / 2
        assert printed_width / printed_height == pytest.approx(width / height, rel=0.01)
        if width < 200:  # small pictures print at their own size (96 pixels an inch)
            assert printed_width == pytest.approx(width * 0.75)


def test_the_anki_csv_files_import_with_their_media_folder(
    built: tuple[Path, Path, str], tmp_path: Path
) -> None:
    plain = tmp_path / "plain"
    (plain / "01-other").mkdir(parents=True)
    (plain / "01-other" / "notes.md").write_text(PLAIN_NOTES)
    build(plain, tmp_path / "plain-build")
    student = Student.with_fresh_collection(tmp_path)
    try:
        student.import_package(next((tmp_path / "plain-build" / "anki").glob("*.apkg")))  # our note types
        media = Path(student.collection.media.dir())
        for picture in (built[1] / "csv" / "anki" / "media").iterdir():
            shutil.copy(picture, media / picture.name)  # as the README tells a student to
        for path in sorted((built[1] / "csv" / "anki").glob("*.csv")):
            if all(line.startswith("#") for line in path.read_text().splitlines()):
                continue  # a note type without notes: headers only, which Anki refuses as empty
            metadata = student.collection.get_csv_metadata(str(path), None)
            student.collection.import_csv(ImportCsvRequest(path=str(path), metadata=metadata))
        shown = pictures_shown(student)
        assert len(shown) == 11
        assert all((media / src).is_file() for src in shown)
    finally:
        student.close()


def test_check_names_missing_outside_and_hidden_pictures_as_errors(tmp_path: Path) -> None:
    """A hidden picture (a dot on its path) is an error too: no build would see it change."""
    notes = tmp_path / "notes"
    (notes / "01-intro" / ".attachments").mkdir(parents=True)
    for picture in (tmp_path / "secret.png", notes / "01-intro" / ".attachments" / "chart.png"):
        Image.new("RGB", (8, 8)).save(picture)
    (notes / "01-intro" / "notes.md").write_text(
        "# Module 1: Intro\n\n"
        "- **Gone**: ![lost](img/lost.png)\n"
        "- **Escape**: ![secret](../../secret.png)\n"
        "- **Hidden**: ![chart](.attachments/chart.png)\n"
        "- **Fine**: no picture\n"
    )
    output = build(notes, tmp_path / "build", expected=1, command="check")
    assert "01-intro/notes.md:3: picture img/lost.png does not exist" in output
    assert "01-intro/notes.md:4: picture ../../secret.png is outside the notes folder" in output
    assert "01-intro/notes.md:5: picture .attachments/chart.png is hidden" in output
    assert "rename that folder or file" in output


def test_a_picture_path_no_file_can_have_is_an_error_at_its_line_not_a_crash(tmp_path: Path) -> None:
    """A link that leads to itself, and a NUL (``%00``) in a name, made every command a traceback."""
    notes = tmp_path / "notes"
    (notes / "01-intro" / "img").mkdir(parents=True)
    (notes / "01-intro" / "img" / "loop.png").symlink_to("loop.png")
    (notes / "01-intro" / "notes.md").write_text(
        "# Module 1: Intro\n\n"
        "- **Loop**: ![loop](img/loop.png)\n"
        "- **Embedded loop**: ![[img/loop.png]]\n"
        "- **Nul**: ![nul](img/z%00.png)\n"
        '- **Tag**: <img src="img/z%00.png">\n'
    )
    for command in ("check", "build"):
        output = build(notes, tmp_path / "build", expected=1, command=command)
        for line in (3, 4):
            assert f"01-intro/notes.md:{line}: picture img/loop.png cannot be looked up" in output
        for line in (5, 6):
            assert f"01-intro/notes.md:{line}: picture img/z%00.png cannot be looked up" in output
        assert "Traceback" not in output


def test_a_file_that_is_not_a_picture_is_an_error(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    (notes / "01-intro").mkdir(parents=True)
    (notes / "01-intro" / "notes.png").write_text("not a picture")
    (notes / "01-intro" / "notes.md").write_text("# Module 1: Intro\n\n- **Odd**: ![odd](notes.png)\n")
    output = build(notes, tmp_path / "build", expected=1, command="check")
    assert "01-intro/notes.md:3: picture notes.png is not a PNG, JPEG, GIF or SVG file" in output


def test_a_damaged_png_or_gif_is_an_error_at_its_line_not_a_crash(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    (notes / "01-intro").mkdir(parents=True)
    Image.new("RGB", (50, 50), (0, 0, 200)).save(notes / "01-intro" / "whole.png")
    whole = (notes / "01-intro" / "whole.png").read_bytes()
    (notes / "01-intro" / "cut.png").write_bytes(whole[:60])  # a download cut short
    (notes / "01-intro" / "odd.gif").write_bytes(b"GIF89a" + b"\x00" * 20)
    (notes / "01-intro" / "notes.md").write_text(
        "# Module 1: Intro\n\n"
        "- **Cut**: ![cut](cut.png)\n- **Odd**: ![odd](odd.gif)\n- **Whole**: ![whole](whole.png)\n"
    )
    output = build(notes, tmp_path / "build", expected=1, command="check")
    assert "01-intro/notes.md:3: picture cut.png is damaged (image file is truncated)" in output
    assert "01-intro/notes.md:4: picture odd.gif is damaged (cannot identify image file)" in output
    assert "whole.png" not in output and "BytesIO" not in output
    output = build(notes, tmp_path / "build", expected=1)
    assert "Traceback" not in output
    (drawn,) = drawn_images((tmp_path / "build" / "pdf" / "01-intro.pdf").read_bytes())
    assert drawn[:2] == (50, 50)


def test_an_svg_reaches_anki_as_it_is_and_the_pdfs_draw_it(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    (notes / "01-intro").mkdir(parents=True)
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="20" height="10"/></svg>'
    )
    (notes / "01-intro" / "box.svg").write_text(svg)
    (notes / "01-intro" / "notes.md").write_text(
        "# Module 1: Intro\n\n- **Box**: a shape ![a black box](box.svg)\n"
    )
    output = build(notes, tmp_path / "build")
    assert "warning" not in output
    student = Student.with_fresh_collection(tmp_path)
    try:
        student.import_package(tmp_path / "build" / PACKAGE)
        (name,) = IMG.findall(student.note("01-intro/card/box")["Definition"])
        assert name.endswith(".svg")
        assert (Path(student.collection.media.dir()) / name).read_text() == svg
    finally:
        student.close()
    sheet = (tmp_path / "build" / "pdf" / "01-intro.pdf").read_bytes()
    (box,) = placed_pictures(sheet)
    assert (box.kind, box.width, box.height) == ("form", 15.0, 7.5)  # 20 by 10 SVG pixels
    assert "a black box" in text(sheet)


def test_a_picture_with_no_file_or_written_into_the_notes_is_a_warning_that_says_what_to_do(
    tmp_path: Path,
) -> None:
    notes = intro_notes(
        tmp_path,
        "- **Empty**: ![a chart]()\n"
        f"- **Inline**: ![dot](data:image/png;base64,{'iVBORw0KGgoAAAANSUhEUg' * 4})\n",
    )
    output = build(notes, tmp_path / "build", command="check")
    assert "01-intro/notes.md:3: warning: picture with no file (`![…]()`): write its path" in output
    assert (
        "01-intro/notes.md:4: warning: picture data:image/png;base64,iVBORw0K… is written into the notes"
        in output
    )
    assert "iVBORw0KGgoAAAANSUhEUgiVBORw0K" not in output  # the address, cut short


def test_a_picture_problem_names_the_line_that_shows_it_not_the_items_first(tmp_path: Path) -> None:
    notes = intro_notes(
        tmp_path,
        "| Light | Meaning |\n| --- | --- |\n| Red | stop |\n"
        "| Green | go ![](img/green%20light.png) |\n\n1. Which sign means stop?\n"
        "   - A. ![](img/octagon.png)\n   - B. A triangle\n\n   **Answer:** A\n",
    )
    output = build(notes, tmp_path / "build", expected=1, command="check")
    assert "01-intro/notes.md:6: picture img/green light.png does not exist" in output
    assert "01-intro/notes.md:9: picture img/octagon.png does not exist" in output
