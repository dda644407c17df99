"""The model's invariants: every exporter may rely on them."""

from __future__ import annotations

import dataclasses

import pytest

from ccpkit.model import MCQ, Card, Cloze, ComparisonTable, Deck, ModelError, Module, Option, SourceLocation
from tests.conftest import at, sample_deck


def mcq(*options: Option, **overrides: object) -> MCQ:
    fields: dict[str, object] = {
        "id": "m/mcq/q",
        "module": "m",
        "source": at("m/q.md", 1),
        "stem": "Which?",
        "options": options,
    }
    fields.update(overrides)
    return MCQ(**fields)  # type: ignore[arg-type]


def test_source_location_prints_as_path_colon_line() -> None:
    assert str(SourceLocation(path="02-compute/cram-sheet.md", line=7)) == "02-compute/cram-sheet.md:7"


def test_source_line_is_one_based() -> None:
    with pytest.raises(ModelError, match="source line"):
        SourceLocation(path="a.md", line=0)


def test_items_are_frozen() -> None:
    card = sample_deck().cards[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        card.front = "changed"  # type: ignore[misc]


@pytest.mark.parametrize("number", ["0", "501", "99999999999999999999"])
def test_a_cloze_numbers_only_cards_anki_has(number: str) -> None:
    """Anki's cloze cards run c1 to c500: a number past them would be a card no collection can hold
    (a row SQLite refuses, as a huge one did)."""
    with pytest.raises(ModelError, match="c1 to c500"):
        Cloze(
            id="m/cloze/x",
            module="m",
            source=at("m/x.md", 1),
            text=f"Water boils at {{{{c{number}::100 °C}}}}.",
        )


def test_a_cloze_may_show_any_number_as_code() -> None:
    """Notes teaching Anki's syntax show ``{{c0::…}}`` in code, which hides nothing."""
    text = "In Anki, {{c1::a cloze}} is written `{{c1::text}}`; there is no `{{c0::text}}` card."
    assert Cloze(id="m/cloze/x", module="m", source=at("m/x.md", 1), text=text).text == text


def test_a_cloze_may_number_its_last_card_500() -> None:
    assert Cloze(id="m/cloze/x", module="m", source=at("m/x.md", 1), text="{{c500::Last}} one").text


def test_mcq_needs_two_options() -> None:
    with pytest.raises(ModelError, match="at least two options"):
        mcq(Option(label="A", text="Only", correct=True))


def test_mcq_needs_a_correct_option() -> None:
    with pytest.raises(ModelError, match="no correct option"):
        mcq(Option(label="A", text="One"), Option(label="B", text="Two"))


def test_mcq_rejects_repeated_labels() -> None:
    with pytest.raises(ModelError, match="repeats an option label"):
        mcq(Option(label="A", text="One", correct=True), Option(label="A", text="Two"))


def test_mcq_answers_list_every_correct_label_in_order() -> None:
    question = mcq(
        Option(label="A", text="One", correct=True),
        Option(label="B", text="Two"),
        Option(label="C", text="Three", correct=True),
    )
    assert question.answers == ("A", "C")


def test_table_rows_must_match_column_count() -> None:
    with pytest.raises(ModelError, match="row 2 of table t has 1 cells, expected 2"):
        ComparisonTable(
            id="t",
            module="m",
            source=at("m.md", 3),
            title="T",
            columns=("Service", "Use"),
            rows=(("S3", "objects"), ("EBS",)),
        )


def test_card_needs_front_and_back() -> None:
    with pytest.raises(ModelError, match="back of card c must not be empty"):
        Card(id="c", module="m", source=at("m.md", 1), front="Term", back="  ")


def test_ids_and_tags_have_no_whitespace() -> None:
    with pytest.raises(ModelError, match="contains whitespace"):
        Card(id="a b", module="m", source=at("m.md", 1), front="T", back="D")
    with pytest.raises(ModelError, match="tag"):
        Card(id="c", module="m", source=at("m.md", 1), front="T", back="D", tags=("two words",))


def test_deck_rejects_duplicate_ids_naming_both_places() -> None:
    card = Card(id="m/card/x", module="m", source=at("m/a.md", 1), front="X", back="D")
    twin = dataclasses.replace(card, source=at("m/b.md", 9))
    module = Module(number=1, slug="m", title="M", items=(card, twin))
    with pytest.raises(ModelError, match=r"m/a\.md:1 and m/b\.md:9"):
        Deck(title="Course", modules=(module,))


def test_deck_lists_items_by_kind_in_notes_order() -> None:
    deck = sample_deck()
    assert [card.front for card in deck.cards] == [
        "EC2 (Elastic Compute Cloud)",
        "Auto Scaling",
        "#1 rule, tab\there",
    ]
    assert len(deck.tables) == 1
    assert len(deck.mcqs) == 2
    assert [item.kind for item in deck.items()][:3] == ["card", "card", "table"]


def test_a_deck_names_the_first_id_used_twice_and_both_places() -> None:
    first = Module(number=1, slug="a", title="A", items=(_card("a", "EC2", 1), _card("a", "S3", 2)))
    second = Module(number=2, slug="b", title="B", items=(_card("b", "S3", 4, pinned="a/card/s3"),))

    with pytest.raises(ModelError, match=r"^id a/card/s3 is used at a/notes\.md:2 and b/notes\.md:4$"):
        Deck(title="T", modules=(first, second))
    assert len(list(Deck(title="T", modules=(first,)).items())) == 2


def _card(module: str, term: str, line: int, *, pinned: str = "") -> Card:
    return Card(
        id=pinned or f"{module}/card/{term.lower()}",
        module=module,
        source=SourceLocation(f"{module}/notes.md", line),
        part="Lecture",
        front=term,
        back=f"What {term} means.",
    )
