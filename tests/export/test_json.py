"""``ccpkit dump --json``: the model's JSON shape, which other tools read."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import Any

from ccpkit.export import ExportOptions
from ccpkit.export.formats import export
from ccpkit.model import Cloze, Deck, Module, SourceLocation
from tests.conftest import sample_deck

OPTIONS = ExportOptions(templates=Path("templates"))


def dumped(deck: Deck) -> dict[str, Any]:
    (output,) = export("json", deck, OPTIONS).outputs
    assert output.path == PurePosixPath("json/deck.json")
    result: dict[str, Any] = json.loads(output.data.decode("utf-8"))
    return result


def test_top_level_holds_modules_and_every_item_kind(deck: Deck) -> None:
    document = dumped(deck)
    assert list(document) == ["title", "modules", "cards", "tables", "mcqs", "clozes"]
    assert document["modules"] == [
        {"number": 2, "slug": "02-compute", "title": "Compute in the Cloud", "items": 3},
        {"number": 9, "slug": "09-security", "title": "Security", "items": 3},
    ]


def test_a_card_has_id_module_source_front_back_and_lead_in(deck: Deck) -> None:
    card = dumped(deck)["cards"][0]
    assert card == {
        "id": "02-compute/card/ec2",
        "module": "02-compute",
        "source": "02-compute/cram-sheet.md:5",
        "part": "Cram Sheet",
        "section": ["Core services"],
        "tags": ["cram-sheet"],
        "front": "EC2 (Elastic Compute Cloud)",
        "back": "Resizable **virtual servers**, billed per second → pay for what you use ✅",
        "lead_in": "",
    }


def test_a_table_has_title_columns_and_rows_of_cell_strings(deck: Deck) -> None:
    (table,) = dumped(deck)["tables"]
    assert table["title"] == "EC2 pricing options"
    assert table["columns"] == ["Option", "Best for", "Discount"]
    assert table["rows"][2] == ["Spot", "Interruptible jobs; <b>not</b> HTML", "up to 90%"]


def test_an_mcq_has_stem_labelled_options_answers_and_explanation(deck: Deck) -> None:
    first, second = dumped(deck)["mcqs"]
    assert first["source"] == "09-security/practice-questions.md:3"
    assert first["options"][1] == {"label": "B", "text": "AWS Secrets Manager", "correct": True}
    assert first["answers"] == ["B"]
    assert first["explanation"].startswith("Secrets Manager rotates secrets")
    assert second["answers"] == ["A", "C"]
    assert second["explanation"] == ""


def test_output_is_utf8_without_escapes_and_identical_on_every_run() -> None:
    first = export("json", sample_deck(), OPTIONS).outputs[0].data
    again = export("json", sample_deck(), OPTIONS).outputs[0].data
    assert first == again
    assert "✅".encode() in first and "🎯".encode() in first
    assert b"\\u" not in first
    assert first.endswith(b"}\n")


def test_a_cloze_has_its_marked_text_its_extra_and_one_number_per_card() -> None:
    cloze = Cloze(
        id="01-m/cloze/ebs",
        module="01-m",
        source=SourceLocation("01-m/notes.md", 3),
        text="{{c2::EBS}} attaches to {{c1::one instance::how many?}} in {{c2::one AZ}}",
        extra="block storage",
    )
    deck = Deck(title="Course", modules=(Module(number=1, slug="01-m", title="M", items=(cloze,)),))
    assert dumped(deck)["clozes"] == [
        {
            "id": "01-m/cloze/ebs",
            "module": "01-m",
            "source": "01-m/notes.md:3",
            "part": "",
            "section": [],
            "tags": [],
            "text": "{{c2::EBS}} attaches to {{c1::one instance::how many?}} in {{c2::one AZ}}",
            "extra": "block storage",
            "numbers": [1, 2],
        }
    ]
