"""The MCQ template's JavaScript, run by Node on cards rendered by the real Anki: pick, carry, score."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ccpkit.export import ExportOptions
from ccpkit.export.anki import export
from ccpkit.model import Deck
from tests.conftest import REPO
from tests.export.anki.student import Student

HARNESS = Path(__file__).parent / "fixtures" / "mcq_harness.js"
SINGLE = "09-security/mcq/which-service-rotates-database-credentials"
DOUBLE = "09-security/mcq/which-two-are-customer-responsibilities"


@pytest.fixture
def student(tmp_path: Path, deck: Deck) -> Iterator[Student]:
    (output,) = export(deck, ExportOptions(templates=REPO / "templates")).outputs
    (tmp_path / "deck.apkg").write_bytes(output.data)
    student = Student.with_fresh_collection(tmp_path)
    student.import_package(tmp_path / "deck.apkg")
    yield student
    student.close()


def answer(student: Student, tmp_path: Path, item_id: str, clicks: str, storage: str = "session") -> Any:
    node = shutil.which("node")
    assert node, "Node.js is needed to run the MCQ template's script (apt-get install nodejs)"
    (card,) = student.note(item_id).cards()
    front, back = tmp_path / "front.html", tmp_path / "back.html"
    front.write_text(card.question(), encoding="utf-8")
    back.write_text(card.answer(), encoding="utf-8")
    done = subprocess.run(
        [node, HARNESS, front, back, clicks, storage], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def test_right_answer_is_marked_and_scored(student: Student, tmp_path: Path) -> None:
    seen = answer(student, tmp_path, SINGLE, "B")
    assert seen["front"] == {"A": "option", "B": "option chosen", "C": "option", "D": "option"}
    assert seen["back"]["B"] == "option correct chosen" and seen["verdict"] == "✓ Correct"


def test_single_answer_keeps_only_the_last_tap(student: Student, tmp_path: Path) -> None:
    seen = answer(student, tmp_path, SINGLE, "A,C")
    assert seen["front"]["A"] == "option" and seen["front"]["C"] == "option chosen"
    assert seen["back"]["C"] == "option chosen wrong" and seen["back"]["B"] == "option correct missed"
    assert seen["verdict"] == "✗ 0 of 1 correct"


def test_choose_two_scores_every_choice(student: Student, tmp_path: Path) -> None:
    assert answer(student, tmp_path, DOUBLE, "A,C")["verdict"] == "✓ Correct"
    half = answer(student, tmp_path, DOUBLE, "A,B")
    assert half["verdict"] == "✗ 1 of 2 correct"
    assert half["back"] == {
        "A": "option correct chosen",
        "B": "option chosen wrong",
        "C": "option correct missed",
    }


def test_choice_reaches_the_back_through_the_window_when_storage_is_blocked(
    student: Student, tmp_path: Path
) -> None:
    assert answer(student, tmp_path, DOUBLE, "C,A", storage="window")["verdict"] == "✓ Correct"


def test_back_without_a_choice_marks_the_correct_options_and_no_verdict(
    student: Student, tmp_path: Path
) -> None:
    seen = answer(student, tmp_path, SINGLE, "")
    assert seen["back"]["B"] == "option correct" and seen["verdict"] is None
