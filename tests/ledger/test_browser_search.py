"""The searches that find a note in Anki's browser ask for the id Anki's copy holds, and say when
another note's copy holds it too."""

from __future__ import annotations

from ccpkit.ledger import Ledger
from ccpkit.ledger.browser_search import note_searches
from ccpkit.ledger.entries import Entry

OWN_DECKS = "-(" + " OR ".join(f'"deck:*::{digit}_ *"' for digit in "0123456789") + ")"
"""Decks of no course's module (``NN Title`` below a course's deck): the student's own, at any level."""


def entry(*, sent: str = "", orphaned: bool = False) -> Entry:
    return Entry(
        guid="g",
        note_type="ccpkit Term v1",
        key=("Pricing",),
        answer="a",
        modified=1,
        home="Course::01 Aws",
        sent=sent,
        orphaned=orphaned,
    )


def test_a_note_renamed_since_anki_received_it_is_searched_by_the_id_anki_holds() -> None:
    ledger = Ledger({"02-more/card/s3": entry(sent="01-more/card/s3", orphaned=True)})
    found = note_searches(ledger, ["02-more/card/s3"])["02-more/card/s3"]
    assert str(found) == f'("deck:Course::01 Aws" OR {OWN_DECKS}) "Id:01-more/card/s3"' and not found.shared


def test_twins_whose_ids_swapped_are_said_to_share_the_id_their_search_finds() -> None:
    ledger = Ledger(
        {
            "01-aws/card/pricing": entry(),  # sent again under the id its twin had
            "01-aws/card/pricing-storage": entry(sent="01-aws/card/pricing", orphaned=True),
            "01-aws/card/ec2": entry(),
        }
    )
    found = note_searches(ledger, ["01-aws/card/pricing-storage", "01-aws/card/ec2"])
    twin = found["01-aws/card/pricing-storage"]
    assert twin.search.endswith('"Id:01-aws/card/pricing"') and twin.shared
    assert "another note in Anki holds that id too" in str(twin) and not found["01-aws/card/ec2"].shared
