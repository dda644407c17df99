"""A card that asks to recall a set (SuperMemo: avoid sets and enumerations), a plural term or a
question asking for several, is still made, and ``ccpkit check`` says where it is and how to split it;
a card asking for one thing is left alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from ccpkit.cli import cli
from ccpkit.export.anki.sets import set_members, set_problems
from ccpkit.model import Card, Deck
from ccpkit.parse import parse_notes

FIXTURE = Path(__file__).parent / "fixtures" / "sets"


@pytest.fixture(scope="module")
def cards() -> dict[str, Card]:
    deck: Deck = parse_notes(FIXTURE).deck
    return {item.front: item for item in deck.items() if isinstance(item, Card)}


@pytest.mark.parametrize(
    ("front", "members"),
    [
        ("Types of rock", ("igneous", "sedimentary", "metamorphic")),
        ("Layers of the Earth", ("crust", "mantle", "core")),
        ("Dating methods", ("stratigraphy", "radiometric dating", "dendrochronology", "varve counting")),
        ("Agents of weathering", ("water", "wind", "ice")),
    ],
)
def test_a_plural_term_over_three_short_members_asks_for_a_set(
    cards: dict[str, Card], front: str, members: tuple[str, ...]
) -> None:
    assert set_members(cards[front]) == members


@pytest.mark.parametrize(
    "front",
    [
        "Basalt",  # one thing, described with commas
        "Granite",
        "Plate boundaries",  # a clause: where …
        "Hardness scales",  # two members are no set to forget
        "Securing samples",  # a sentence: its first word alone is capitalised
        "Sedimentary layers",  # facts, each a sentence of its own
    ],
)
def test_a_card_that_asks_for_one_thing_is_no_set(cards: dict[str, Card], front: str) -> None:
    assert set_members(cards[front]) == ()


@pytest.mark.parametrize(
    ("front", "members"),
    [
        ("Which three rocks form from magma?", ("Granite", "basalt", "obsidian")),  # a count
        (
            "What are the layers of the ocean floor?",
            ("continental shelf", "continental slope", "abyssal plain"),
        ),
        ("Name the four kinds of volcano.", ("shield", "cinder cone", "composite", "lava dome")),
        ("What are the main agents of erosion?", ("water", "wind", "ice", "gravity")),  # wrapped on two lines
        ("What are the main minerals in granite?", ("quartz", "feldspar", "mica")),
    ],
)
def test_a_question_asking_for_several_over_three_short_members_asks_for_a_set(
    cards: dict[str, Card], front: str, members: tuple[str, ...]
) -> None:
    assert set_members(cards[front]) == members


@pytest.mark.parametrize(
    "front",
    [
        "What is obsidian?",  # one thing, described with commas
        "Which rock cools slowly, deep underground, into large crystals?",  # one rock, its answer with commas
        "What are fossils?",  # asks what they are: a description
        "What are the two kinds of plate boundary that raise mountains?",  # a pair
        "What are the stages of the rock cycle?",  # facts, each a sentence of its own
    ],
)
def test_a_question_asking_for_one_thing_is_no_set(cards: dict[str, Card], front: str) -> None:
    assert set_members(cards[front]) == ()


@pytest.mark.parametrize(
    ("front", "members"),
    [
        ("Herbs", ("Basil", "Cumin", "Saffron", "Cinnamon")),  # a plural over glossed members
        (
            "The knife cuts it takes",  # a plural with words around it, over mostly short bullets
            (
                "Julienne",
                "Brunoise dice",
                "Chiffonade of leafy herbs",
                "Tourné cuts that shape root vegetables into little barrels",
            ),
        ),
        (
            "Mother sauces (French classical cooking)",  # a glossed plural; the labelled tip is no member
            ("Béchamel, velouté, and espagnole", "Tomato sauce", "Hollandaise"),
        ),
        (
            "Leavening agents",
            ("yeast", "baking soda", "baking powder", "steam"),
        ),  # what a plural's sentence ends on
        ("Sourdough", ("mixing", "proving", "baking")),  # counted before its members, bold as one run
    ],
)
def test_sets_written_in_other_forms_are_sets(
    cards: dict[str, Card], front: str, members: tuple[str, ...]
) -> None:
    assert set_members(cards[front]) == members


@pytest.mark.parametrize(
    "front",
    [
        "Roux",  # a definition, commas in it
        "Brioche",  # a description of one thing, its words not capitalised
        "Umami",  # one thing, its definition ending on examples
        "Emulsions",  # a pair
        "Kneading",  # a sentence, its first word alone capitalised
        "Caramelisation",  # a sentence of clauses
        "Omelette",  # a count of two is no set, nor its count the members'
        "Proving stages",  # facts, each a clause
        "Panettone",  # one thing's facts, capitalised
        "Bouquet garni",  # one thing, a sentence of capitalised names
        "Salt and pepper",  # a word's translations
        "Romeo and Juliet",  # one work's facts, its title joined by `and`
    ],
)
def test_near_misses_of_those_forms_are_no_set(cards: dict[str, Card], front: str) -> None:
    assert set_members(cards[front]) == ()


def test_each_set_is_a_warning_at_its_card_naming_its_members(cards: dict[str, Card]) -> None:
    problems = set_problems(cards.values())
    assert [str(problem.location) for problem in problems] == [
        "01-geology/cram-sheet.md:5",
        "01-geology/cram-sheet.md:6",
        "01-geology/cram-sheet.md:10",
        "01-geology/cram-sheet.md:15",
        "01-geology/questions.md:5",
        "01-geology/questions.md:8",
        "01-geology/questions.md:14",
        "01-geology/questions.md:17",
        "01-geology/questions.md:22",
        "02-kitchen/cram-sheet.md:5",
        "02-kitchen/cram-sheet.md:6",
        "02-kitchen/cram-sheet.md:11",
        "02-kitchen/cram-sheet.md:16",
        "02-kitchen/cram-sheet.md:17",
    ]
    assert all(problem.severity == "warning" for problem in problems)
    assert (
        "'Dating methods' asks to recall a set of 4 (stratigraphy, radiometric dating, dendrochronology …)"
        in (problems[2].message)
    )


def test_check_lists_the_sets_and_the_build_still_makes_their_cards(tmp_path: Path) -> None:
    checked = CliRunner().invoke(cli, ["check", "--notes", str(FIXTURE)])
    assert checked.exit_code == 0, checked.output
    assert (
        "01-geology/cram-sheet.md:5: warning: the card 'Types of rock' asks to recall a set of 3"
        in checked.output
    )
    assert (
        "01-geology/questions.md:5: warning: the card 'Which three rocks form from magma?' asks to recall a "
        "set of 3 (Granite, basalt, obsidian)" in checked.output
    )
    assert "Basalt" not in checked.output
    assert "What is obsidian?" not in checked.output
    built = CliRunner().invoke(
        cli, ["build", "--notes", str(FIXTURE), "--out", str(tmp_path / "out"), "--format", "json", "--quiet"]
    )
    assert built.exit_code == 0, built.output
    assert '"front": "Types of rock"' in (tmp_path / "out" / "json" / "deck.json").read_text(encoding="utf-8")
