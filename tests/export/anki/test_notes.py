"""Per-item Anki rendering: one note per card and question, one per table row; safe HTML; stable GUIDs."""

from __future__ import annotations

from dataclasses import replace

from ccpkit.export import NoteIdentity
from ccpkit.export.anki.notes import AnkiNote, anki_notes, default_guid, tags_for
from ccpkit.export.anki.notetypes import COMPARISON, MULTIPLE_CHOICE, NOTE_TYPES, TERM
from ccpkit.model import MCQ, Card, ComparisonTable, Deck, Module, SourceLocation


def by_id(deck: Deck) -> dict[str, AnkiNote]:
    return {note.id: note for note in anki_notes(deck)}


def test_one_note_per_card_and_question_and_one_per_table_row(deck: Deck) -> None:
    notes = anki_notes(deck)
    assert [note.note_type for note in notes] == [TERM, TERM, *[COMPARISON] * 3, *[MULTIPLE_CHOICE] * 2, TERM]
    assert notes[2].id == "02-compute/table/ec2-pricing/on-demand"
    assert all(len(note.fields) == len(note.note_type.fields) for note in notes)


def test_deck_is_course_then_numbered_module_and_tags_name_module_kind_part(deck: Deck) -> None:
    note = by_id(deck)["02-compute/card/ec2"]
    assert note.deck == "AWS Certified Cloud Practitioner::02 Compute in the Cloud"
    assert note.tags == ("module::02-compute", "kind::card", "part::cram-sheet")
    tagged = replace(deck.modules[0].items[0], tags=("02-compute", "card", "exam-tip"))
    assert tags_for(tagged) == ("module::02-compute", "kind::card", "part::cram-sheet", "exam-tip")


def test_a_tag_nested_as_obsidian_nests_it_is_nested_in_anki_too(deck: Deck) -> None:
    """``#aws/compute`` is a tag under ``aws`` in Obsidian; Anki writes that ``aws::compute``."""
    tagged = replace(deck.modules[0].items[0], tags=("aws/compute/ec2", "aws::storage"))
    assert tags_for(tagged)[-2:] == ("aws::compute::ec2", "aws::storage")


def test_guid_comes_from_the_id_not_the_content(deck: Deck) -> None:
    card = deck.modules[0].items[0]
    assert isinstance(card, Card)
    edited = replace(deck, modules=(replace(deck.modules[0], items=(replace(card, back="New text"),)),))
    assert by_id(edited)[card.id].guid == by_id(deck)[card.id].guid == default_guid(card.id)


def test_identities_from_the_ledger_win(deck: Deck) -> None:
    notes = anki_notes(deck, {"02-compute/card/ec2": NoteIdentity("kept-guid", 1_700_000_000)})
    assert (notes[0].guid, notes[0].modified) == ("kept-guid", 1_700_000_000)


def test_html_in_the_notes_is_escaped_and_markdown_rendered(deck: Deck) -> None:
    notes = by_id(deck)
    question = notes["09-security/mcq/which-service-rotates-database-credentials"]
    assert "&lt;script&gt;" in question.field("Stem") and "<script" not in question.field("Stem")
    assert notes["02-compute/card/ec2"].field("Definition").startswith("Resizable <strong>virtual servers")
    assert r"\(x^2\)" in notes["09-security/card/hash-term"].field("Definition")
    spot = notes["02-compute/table/ec2-pricing/spot"]
    assert "&lt;b&gt;not&lt;/b&gt;" in spot.field("Answer")


def test_table_row_asks_for_the_other_columns_and_highlights_its_row(deck: Deck) -> None:
    row = by_id(deck)["02-compute/table/ec2-pricing/savings-plans"]
    assert row.field("Asks") == "Best for and Discount?"
    assert "<dt>Discount</dt><dd>up to 72%</dd>" in row.field("Answer")
    assert '<tr class="current"><td>Savings Plans</td>' in row.field("Whole table")
    assert row.field("Whole table").count('class="current"') == 1


def test_multi_answer_question_says_choose_n_and_lists_its_answers(deck: Deck) -> None:
    notes = by_id(deck)
    two = notes["09-security/mcq/which-two-are-customer-responsibilities"]
    one = notes["09-security/mcq/which-service-rotates-database-credentials"]
    assert (two.field("Choose"), two.field("Answers")) == ("Choose 2", "A C")
    assert (one.field("Choose"), one.field("Answers")) == ("", "B")
    assert "AWS Secrets Manager" in one.field("Correct") and "AWS IAM" not in one.field("Correct")


def test_note_types_have_distinct_fixed_ids_and_an_id_field() -> None:
    assert len({note_type.id for note_type in NOTE_TYPES}) == len(NOTE_TYPES)
    assert all(note_type.fields[-1] == "Id" for note_type in NOTE_TYPES)
    assert (TERM.id, COMPARISON.id, MULTIPLE_CHOICE.id) == (1_597_326_841, 1_858_203_177, 1_290_487_365)


def test_one_line_fields_never_turn_into_lists_or_quotes(deck: Deck) -> None:
    card = deck.modules[0].items[0]
    assert isinstance(card, Card)
    numbered = replace(card, front="1. AMI", section=("1. Course intro & presenters", "> not a quote"))
    edited = replace(deck, modules=(replace(deck.modules[0], items=(numbered,)), *deck.modules[1:]))
    note = by_id(edited)[card.id]
    assert note.field("Term") == "1. AMI"
    assert "1. Course intro &amp; presenters" in note.field("Context")
    assert "&gt; not a quote" in note.field("Context")
    assert "<ol>" not in "".join(note.fields) and "<blockquote>" not in "".join(note.fields)


def test_table_cells_and_options_render_inline(deck: Deck) -> None:
    table = deck.tables[0]
    first = replace(table, rows=(("1. On-Demand", "- short jobs", "none"), *table.rows[1:]))
    edited = replace(deck, modules=(replace(deck.modules[0], items=(first,)), *deck.modules[1:]))
    row = by_id(edited)["02-compute/table/ec2-pricing/1-on-demand"]
    assert "<ol>" not in "".join(row.fields) and "<ul>" not in "".join(row.fields)
    assert "<td>- short jobs</td>" in row.field("Whole table")


def test_only_a_question_that_points_at_options_by_letter_keeps_its_written_order(deck: Deck) -> None:
    notes = by_id(deck)
    question = notes["09-security/mcq/which-service-rotates-database-credentials"]
    assert question.field("Options").startswith('<ol class="options"><li class="option" data-label="A">')
    security = deck.modules[1]
    mcq = security.items[0]
    assert isinstance(mcq, MCQ)
    naming = replace(mcq, explanation="B rotates secrets; A only manages identities.")
    edited = replace(deck, modules=(deck.modules[0], replace(security, items=(naming,))))
    assert by_id(edited)[mcq.id].field("Options").startswith('<ol class="options" data-fixed-order>')


def test_a_row_whose_asked_cells_are_empty_is_asked_what_it_says_in_its_aside() -> None:
    """``| Defamation | | Newspaper libel |``: the example is all the row holds; leaving the row out
    would drop it with no word."""
    table = ComparisonTable(
        id="01-torts/table/torts",
        module="01-torts",
        source=SourceLocation("01-torts/notes.md", 3),
        title="Torts",
        columns=("Tort", "Definition", "Example"),
        rows=(
            ("Negligence", "Failing to take reasonable care", "A driver hits a cyclist"),
            ("Defamation", "", "Newspaper libel"),
        ),
    )
    deck = Deck(title="Law", modules=(Module(number=1, slug="01-torts", title="Torts", items=(table,)),))
    notes = by_id(deck)
    negligence, defamation = (notes[f"01-torts/table/torts/{row}"] for row in ("negligence", "defamation"))
    assert (negligence.field("Asks"), defamation.field("Asks")) == ("Definition?", "Example?")
    assert "Newspaper libel" in defamation.field("Answer")


def test_rows_alike_get_ids_of_their_own_that_stay_as_ledgers_know_them() -> None:
    """Rows that read the same (a copy pasted twice) each get a note: the row's key, then ``-2`` added
    for each earlier one, as the ledgers of earlier builds hold them; a row keyed ``mars-2`` of its
    own, which a copy took, goes past it too. (A table of thousands of copies takes no longer.)"""
    rows = (("Mars", "Red"), ("Mars", "Red"), ("Mars-2", "Red"), ("Mars", "Red"))
    table = ComparisonTable(
        id="01-planets/table/planets",
        module="01-planets",
        source=SourceLocation("01-planets/notes.md", 3),
        title="Planets",
        columns=("Planet", "Colour"),
        rows=rows,
    )
    deck = Deck(title="Sky", modules=(Module(number=1, slug="01-planets", title="Planets", items=(table,)),))
    assert [note.id.rsplit("/", 1)[1] for note in anki_notes(deck)] == [
        "mars",
        "mars-2",
        "mars-2-2",
        "mars-2-2-2",
    ]
