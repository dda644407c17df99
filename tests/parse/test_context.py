"""A model invariant broken by an item becomes a problem at the item, never a traceback."""

from __future__ import annotations

from ccpkit.errors import Problem
from ccpkit.model import Card
from ccpkit.parse.context import CommonFields, Context
from ccpkit.parse.document import parse_document


def test_a_model_error_becomes_a_problem_at_the_items_line() -> None:
    document = parse_document("m/notes.md", "# Part\n\n- **Term:** x\n")
    ctx = Context("m", document)
    item = document.blocks[1].node.children[0]
    fields = ctx.common("card", "Term", item, ())
    result = ctx.build(item, lambda: fields.card(front="Term", back="  "))
    assert result == Problem(
        ctx.at(item), "back of card m/card/term must not be empty; this item was left out"
    )
    assert str(result.location) == "m/notes.md:3"


def test_common_fields_carry_module_part_and_tags() -> None:
    document = parse_document("m/cram-sheet.md", "# Cram Sheet\n\n- **EC2:** servers\n")
    ctx = Context("02-compute", document)
    node = document.blocks[1].node
    assert ctx.common("card", "EC2", node, ("Core",)) == CommonFields(
        id="02-compute/card/ec2",
        module="02-compute",
        source=ctx.at(node),
        part="Cram Sheet",
        section=("Core",),
        tags=("02-compute", "card", "cram-sheet"),
    )
    assert ctx.common("card", "EC2", node, (), pinned="my-id").id == "my-id"


def test_an_item_built_from_common_fields_keeps_them_all() -> None:
    document = parse_document("m/cram-sheet.md", "# Cram Sheet\n\n## Core\n\n- **EC2:** servers\n")
    ctx = Context("02-compute", document)
    node = document.blocks[2].node
    card = ctx.common("card", "EC2", node, ("Core",)).card(front="EC2", back="servers")
    assert card == Card(
        id="02-compute/card/ec2",
        module="02-compute",
        source=ctx.at(node),
        part="Cram Sheet",
        section=("Core",),
        tags=("02-compute", "card", "cram-sheet"),
        front="EC2",
        back="servers",
    )


def test_obsidian_tags_ending_a_cards_side_become_its_tags() -> None:
    document = parse_document("m/notes.md", "# Part\n\n- **Lite:** Simple servers. #compute #beginner\n")
    ctx = Context("m", document)
    fields = ctx.common("card", "Lite", document.blocks[1].node, ())
    card = fields.card(front="Lite #servers", back="Simple servers. #compute #beginner")
    assert (card.front, card.back) == ("Lite", "Simple servers.")
    assert card.tags == ("m", "card", "part", "servers", "compute", "beginner")
    ranked = fields.card(front="Rank", back="Ranked #1 by users.")
    assert (ranked.back, ranked.tags) == ("Ranked #1 by users.", ("m", "card", "part"))


def test_anki_hierarchical_and_unaccented_tags_end_a_side_too() -> None:
    """``#aws::storage`` is how Anki writes a tag in a hierarchy; ``#géo`` a tag in French."""
    document = parse_document("m/notes.md", "# Part\n\n- **Vault:** Objects. #exam #aws::storage\n")
    fields = Context("m", document).common("card", "Vault", document.blocks[1].node, ())
    card = fields.card(front="Vault", back="Objects. #exam #aws::storage #géo")
    assert card.back == "Objects."
    assert card.tags == ("m", "card", "part", "exam", "aws::storage", "géo")
