"""Items named by no word: a term that is an operator (``&&``), a picture with no alt text as a table's
row label or in a question. In a real Anki collection, after the student studied every card, the notes
change twice in one edit (one such item removed, another reworded): each note keeps its own history,
and the removed one is the orphan. Their ids come from what names them (the symbols, the picture's
file), never from their position."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PIL import Image

from tests.export.anki.course import Course
from tests.export.anki.student import Student

if TYPE_CHECKING:  # importing anki.notes before anki.collection is a circular import
    from anki.notes import Note

PACKAGE = "anki/aws-certified-cloud-practitioner.apkg"
DAY = 86_400
START = int(time.time()) - 10 * DAY
OPERATORS = """# Shell operators

- **`&&`:** runs the next command only if the last one succeeded
- **`||`:** runs the next command only if the last one failed
- **`;`:** runs the next command whatever happened
"""
LIGHTS = """# Signals

## Lights

| Light | Meaning | Action |
| --- | --- | --- |
| ![](img/red.png) | stop | wait behind the line |
| ![](img/amber.png) | prepare | stop if safe |
| ![](img/green.png) | go | proceed with care |

## Which colour

Q: Which colour is this? ![](img/red.png)
A: Red

Q: Which colour is this? ![](img/green.png)
A: Green

Q: Which colour is this? ![](img/blue.png)
A: Blue
"""
FLAGS = """# Flags

| Flag | Continent |
| --- | --- |
| ![](img/fr.png) | Europe |
| ![](img/de.png) | Europe |
| ![](img/it.png) | Europe |
| ![[jp.png]] | Asia |
"""
PICTURE = re.compile(r'src="([^"]+)"')
SHOWN_BY_ROW = ("wait behind the line", "proceed with care")
COLOURS = {"red": (200, 0, 0), "amber": (230, 150, 0), "green": (0, 160, 0), "blue": (0, 0, 200)}
FLAG_COLOURS = {"fr": (0, 35, 149), "de": (221, 0, 0), "it": (0, 146, 70), "jp": (188, 0, 45)}


class Loop:
    def __init__(self, tmp_path: Path) -> None:
        self.course = Course(tmp_path)
        self.course.write("operators.md", OPERATORS)
        self.course.write("signals.md", LIGHTS)
        self.course.write("flags.md", FLAGS)
        (self.course.module / "img").mkdir()
        for name, colour in {**COLOURS, **FLAG_COLOURS}.items():
            Image.new("RGB", (40, 40), colour).save(self.course.module / "img" / f"{name}.png")
        self.student = Student.with_fresh_collection(tmp_path)
        self.builds = 0
        self.build_and_import()
        self.student.study_everything()

    def build_and_import(self) -> None:
        report = self.course.build(START + self.builds * DAY)
        assert not report.failed, report.summary()
        self.builds += 1
        self.student.import_package(self.course.out / PACKAGE)

    def note(self, shown: str) -> Note:
        """The one note that shows ``shown`` (in a field of its own, not the whole table it is in)."""
        found = [
            note
            for note in self.student.notes()
            if any(shown in text for field, text in note.items() if field not in ("Whole table", "Context"))
        ]
        assert len(found) == 1, (shown, [note.fields for note in found])
        return found[0]

    def history(self, shown: str) -> tuple[int, list[str]]:
        """The reviews of the note that shows ``shown``, and its tags."""
        note = self.note(shown)
        return self.student.reviews_of(note), list(note.tags)

    def flags(self) -> dict[int, tuple[int, ...]]:
        """Each flag row's Anki note, by its id, and the colour of the picture it shows."""
        media = Path(self.student.collection.media.dir())
        shown = {}
        for note in self.student.notes():
            fields = dict(note.items())
            if fields.get("Table") == "Flags":
                picture = PICTURE.search(fields["Row"])
                assert picture is not None, fields
                with Image.open(media / picture[1]) as image:
                    shown[note.id] = tuple(image.convert("RGB").getpixel((0, 0)))
        return shown

    def tag(self, shown: str, tag: str) -> None:
        note = self.note(shown)
        note.tags.append(tag)
        self.student.collection.update_note(note)


@pytest.fixture
def loop(tmp_path: Path) -> Iterator[Loop]:
    state = Loop(tmp_path)
    yield state
    state.student.close()


def test_an_operator_term_removed_leaves_the_next_its_own_history(loop: Loop) -> None:
    reviews, tags = loop.history("||")
    loop.course.edit("operators.md", "- **`&&`:** runs the next command only if the last one succeeded\n", "")
    loop.course.edit("operators.md", "last one failed", "last one failed (short-circuit)")
    loop.build_and_import()
    assert loop.history("||") == (reviews, tags)
    assert "short-circuit" in loop.note("||")["Definition"]
    removed = loop.note("succeeded")  # the orphan, left as it was
    assert removed["Term"] == "<code>&amp;&amp;</code>"


def test_picture_labelled_rows_keep_their_own_history_when_reordered_under_a_new_heading(loop: Loop) -> None:
    loop.tag("wait behind the line", "mine-red")
    before = {meaning: loop.history(meaning) for meaning in SHOWN_BY_ROW}
    loop.course.edit("signals.md", "## Lights", "## Traffic lights")
    red_row = "| ![](img/red.png) | stop | wait behind the line |\n"
    green_row = "| ![](img/green.png) | go | proceed with care |\n"
    loop.course.edit("signals.md", red_row, "RED")
    loop.course.edit("signals.md", green_row, red_row)
    loop.course.edit("signals.md", "RED", green_row)
    loop.build_and_import()
    assert {meaning: loop.history(meaning) for meaning in SHOWN_BY_ROW} == before
    assert "mine-red" in before["wait behind the line"][1]


def test_picture_cards_alike_in_words_keep_their_own_history_when_one_goes_and_one_changes(
    loop: Loop,
) -> None:
    green = loop.history("Green")
    loop.course.edit("signals.md", "Q: Which colour is this? ![](img/red.png)\nA: Red\n", "")
    loop.course.edit("signals.md", "A: Green", "A: Lime green")
    loop.build_and_import()
    assert loop.history("Lime green") == green
    assert loop.history("Blue")[0] > 0


def test_picture_labelled_rows_keep_their_notes_when_their_pictures_are_redrawn(loop: Loop) -> None:
    """Rows sharing an answer (three flags of Europe), their pictures exported again at another size:
    each note shows its own flag still, with its history; none is added."""
    before = loop.flags()
    for name, colour in FLAG_COLOURS.items():
        Image.new("RGB", (48, 32), colour).save(loop.course.module / "img" / f"{name}.png")
    loop.build_and_import()
    assert loop.flags() == before
    assert len(before) == len(FLAG_COLOURS)
