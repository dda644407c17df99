"""The .apkg as a student sees it after importing it into a fresh collection of the real Anki."""

from __future__ import annotations

import itertools
import json
import re
import sqlite3
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from io import BytesIO
from pathlib import Path, PurePosixPath

import genanki
import pytest

from ccpkit.errors import UsageError
from ccpkit.export import BREADCRUMB, ExportOptions, NoteIdentity
from ccpkit.export.anki import ANKI, apkg
from ccpkit.export.anki.notes import anki_notes, settled_without_ledger
from ccpkit.export.formats import export
from ccpkit.model import Deck
from ccpkit.parse import parse_notes
from tests.conftest import REPO
from tests.export.anki.student import Student, visible_text

TEMPLATES = REPO / "templates"
MARKDOWN_LEFTOVERS = re.compile(r"\*\*|`|\|\s*-{3,}|\{\{|\}\}")


def package(
    deck: Deck, tmp_path: Path, templates_modified: int | None = None, **identities: NoteIdentity
) -> Path:
    options = ExportOptions(templates=TEMPLATES, identities=identities, templates_modified=templates_modified)
    exported = export("anki", deck, options)
    (output,) = exported.outputs
    assert output.path == PurePosixPath("anki/aws-certified-cloud-practitioner.apkg")
    path = tmp_path / "deck.apkg"
    path.write_bytes(output.data)
    return path


@pytest.fixture
def student(tmp_path: Path, deck: Deck) -> Iterator[Student]:
    student = Student.with_fresh_collection(tmp_path)
    student.import_package(package(deck, tmp_path))
    yield student
    student.close()


def test_one_note_per_item_in_subdecks_per_module(student: Student, deck: Deck) -> None:
    assert len(list(student.notes())) == len(anki_notes(deck)) == 8
    decks = {student.collection.decks.name(card.did) for card in student.cards()}
    assert decks == {
        "AWS Certified Cloud Practitioner::02 Compute in the Cloud",
        "AWS Certified Cloud Practitioner::09 Security",
    }


def test_a_deck_setting_with_double_colons_nests_the_course_as_anki_does(tmp_path: Path, deck: Deck) -> None:
    titled = replace(deck, modules=(replace(deck.modules[0], title="Compute::EC2"), *deck.modules[1:]))
    options = ExportOptions(templates=TEMPLATES, deck_name="Certs:: AWS CCP ::::Exam")
    ((_, data),) = ((output.path, output.data) for output in export("anki", titled, options).outputs)
    (tmp_path / "deck.apkg").write_bytes(data)
    student = Student.with_fresh_collection(tmp_path)
    student.import_package(tmp_path / "deck.apkg")
    decks = {student.collection.decks.name(card.did) for card in student.cards()}
    assert decks == {"Certs::AWS CCP::Exam::02 Compute:EC2", "Certs::AWS CCP::Exam::09 Security"}
    assert student.collection.decks.id_for_name("Certs") is not None  # a parent deck of its own
    student.close()


def test_every_card_renders_a_front_and_back_without_markdown_or_template_errors(student: Student) -> None:
    for card in student.cards():
        question, answer = visible_text(card.question()), visible_text(card.answer())
        assert question and answer and answer != question
        for text in (question, answer):
            assert not MARKDOWN_LEFTOVERS.search(text), text
            assert "unknown field" not in text.lower() and "blank" not in text.lower(), text


def test_notes_html_is_shown_as_text_never_run(student: Student) -> None:
    note = student.note("09-security/mcq/which-service-rotates-database-credentials")
    (card,) = note.cards()
    assert "<script>alert(1)</script>" in visible_text(card.question())
    assert "alert(1)</script>" not in card.question()


def test_term_card_shows_term_with_context_then_definition(student: Student) -> None:
    (card,) = student.note("02-compute/card/ec2").cards()
    context = BREADCRUMB.join(("02 Compute in the Cloud", "Cram Sheet", "Core services"))
    assert visible_text(card.question()) == f"{context} EC2 (Elastic Compute Cloud)"
    assert visible_text(card.answer()).endswith("billed per second → pay for what you use ✅")
    assert "<strong>virtual servers</strong>" in card.answer()


def test_comparison_card_names_table_and_row_and_shows_labelled_cells(student: Student) -> None:
    (card,) = student.note("02-compute/table/ec2-pricing/spot").cards()
    question = visible_text(card.question())
    assert "EC2 pricing options" in question and "Spot" in question and "Best for and Discount?" in question
    assert "up to 90%" not in question
    answer = visible_text(card.answer())
    assert "Best for Interruptible jobs; <b>not</b> HTML Discount up to 90%" in answer
    assert '<tr class="current"><td>Spot</td>' in card.answer()


def test_mcq_front_has_clickable_options_and_back_lists_correct_ones_without_js(student: Student) -> None:
    (card,) = student.note("09-security/mcq/which-two-are-customer-responsibilities").cards()
    assert 'class="option" data-label="A"' in card.question() and "addEventListener" in card.question()
    assert "Choose 2" in visible_text(card.question())
    without_js = visible_text(card.answer())
    assert "Correct answers A Patching the guest OS C Encrypting data at rest" in without_js
    assert 'data-answers="A C"' in card.answer()


def test_math_becomes_mathjax(student: Student) -> None:
    (card,) = student.note("09-security/card/hash-term").cards()
    assert r"\(x^2\)" in card.answer() and "$x^2$" not in card.answer()


def test_same_notes_and_identities_give_identical_bytes(deck: Deck, tmp_path: Path) -> None:
    first = package(deck, tmp_path).read_bytes()
    assert package(deck, tmp_path).read_bytes() == first
    with zipfile.ZipFile(BytesIO(first)) as archive:
        assert archive.namelist() == ["collection.anki2", "media"]


def test_the_collection_records_no_sqlite_version_nor_count_of_writes(deck: Deck, tmp_path: Path) -> None:
    """Another machine's SQLite writes the same notes to the same bytes: the file header's change
    counter, version-valid-for number and library version (offsets 24, 92, 96) are left zero."""
    with zipfile.ZipFile(package(deck, tmp_path)) as archive:
        header = archive.read("collection.anki2")[:100]
    assert header.startswith(b"SQLite format 3\0")
    assert (header[24:28], header[92:100]) == (bytes(4), bytes(8))


def test_note_and_note_type_mtimes_come_from_the_identities(deck: Deck, tmp_path: Path) -> None:
    path = package(
        deck,
        tmp_path,
        templates_modified=1_640_000_000,
        **{"02-compute/card/ec2": NoteIdentity("guid-ec2", 1_650_000_000)},
    )
    with zipfile.ZipFile(path) as archive:
        (tmp_path / "db").write_bytes(archive.read("collection.anki2"))
    with sqlite3.connect(tmp_path / "db") as db:
        assert db.execute("select mod from notes where guid = 'guid-ec2'").fetchone() == (1_650_000_000,)
        models = db.execute("select models from col").fetchone()[0]
    assert '"mod": 1640000000' in models


def test_a_project_template_overrides_its_default_file_by_file(deck: Deck, tmp_path: Path) -> None:
    """A project keeps only the files it changes; every other card template is ccpkit's own."""
    own = tmp_path / "templates"
    (own / "anki").mkdir(parents=True)
    (own / "anki" / "term.back.html").write_text("{{FrontSide}}<hr>Means: {{Definition}}\n", "utf-8")
    (output,) = export("anki", deck, ExportOptions(templates=own)).outputs
    (tmp_path / "deck.apkg").write_bytes(output.data)
    student = Student.with_fresh_collection(tmp_path)
    try:
        student.import_package(tmp_path / "deck.apkg")
        answers = {visible_text(card.answer()) for card in student.cards()}
        assert any("Means: Resizable virtual servers" in answer for answer in answers)
        mcq = next(card for card in student.cards() if "Secrets Manager" in visible_text(card.question()))
        assert "Means:" not in visible_text(mcq.answer())  # the MCQ keeps the default back
    finally:
        student.close()


def test_templates_come_from_ccpkit_when_the_project_has_none(deck: Deck, tmp_path: Path) -> None:
    missing = tmp_path / "no-templates-here"
    assert (
        export("anki", deck, ExportOptions(templates=missing)).outputs[0].data
        == export("anki", deck, ExportOptions(templates=TEMPLATES)).outputs[0].data
    )


def test_template_naming_an_unknown_field_points_at_its_line(deck: Deck, tmp_path: Path) -> None:
    folder = tmp_path / "anki"
    folder.mkdir()
    for source in (TEMPLATES / "anki").iterdir():
        (folder / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "term.back.html").write_text("{{FrontSide}}\n<div>{{Defintion}}</div>\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"term\.back\.html:2: no field 'Defintion' in ccpkit Term v1"):
        export("anki", deck, ExportOptions(templates=tmp_path))


def test_new_cards_come_up_in_notes_order(student: Student, deck: Deck) -> None:
    ordered = student.collection.db.list(
        "select n.flds from cards c join notes n on n.id = c.nid order by c.due"
    )
    assert [fields.split("\x1f")[-1] for fields in ordered] == [note.id for note in anki_notes(deck)]


def test_notes_replayed_from_their_parts_give_the_bytes_genanki_writes_note_by_note() -> None:
    deck = parse_notes(REPO / "source_notes").deck  # every kind of note, fronts told apart
    options = ANKI.read(ExportOptions(templates=TEMPLATES))
    parts = [ANKI.part(module, deck.title, options) for module in deck.modules]
    settled = settled_without_ledger(deck, options)
    assert sum(len(part.written) for part in parts) == len(settled.notes) > 100

    replayed = ANKI.assemble(deck, parts, settled)
    written_afresh = ANKI.assemble(deck, [replace(part, written=()) for part in parts], settled)

    assert replayed.outputs == written_afresh.outputs


def test_the_collection_holds_what_genanki_writes_deck_by_deck(tmp_path: Path) -> None:
    """The decks and note types are written once, yet exactly as genanki leaves them after writing
    deck by deck: a note type's deck is the last one holding its notes, whatever the order."""
    basic = genanki.Model(1_111, "basic", fields=[{"name": "Front"}, {"name": "Back"}], templates=_CARD)
    other = genanki.Model(2_222, "other", fields=[{"name": "Front"}, {"name": "Back"}], templates=_CARD)
    decks = [genanki.Deck(100 + number, f"Course::Module {number}") for number in (1, 2, 3)]
    for deck, models in zip(decks, [(basic, other), (other,), (basic,)], strict=True):
        for model in models:
            deck.add_note(genanki.Note(model=model, fields=[f"{deck.name} front", "back"], guid=deck.name))

    apkg._write_database(tmp_path / "collection.anki2", decks, 1_700_000_000)
    ours = sqlite3.connect(tmp_path / "collection.anki2")
    genankis = sqlite3.connect(":memory:")
    genanki.Package(decks).write_to_db(genankis.cursor(), 1_700_000_000, itertools.count(1_700_000_000_000))

    assert list(ours.iterdump()) == list(genankis.iterdump())
    (models,) = ours.execute("select models from col").fetchone()
    note_type_decks = {entry["name"]: entry["did"] for entry in json.loads(models).values()}
    assert note_type_decks == {"basic": 103, "other": 102}


_CARD = [{"name": "Card", "qfmt": "{{Front}}", "afmt": "{{Back}}"}]


def test_a_unit_separator_left_in_the_notes_splits_no_field_and_the_package_imports(tmp_path: Path) -> None:
    """U+001F parts Anki's fields: one pasted into a definition (the check warns of it) made the note
    one field too long, and Anki refused the whole package."""
    (tmp_path / "notes" / "01-storage").mkdir(parents=True)
    notes = "# Storage\n\n- **EBS:** Block\x1fstorage volumes\n- **S3:** Object storage\n"
    (tmp_path / "notes" / "01-storage" / "notes.md").write_text(notes, encoding="utf-8")
    student = Student.with_fresh_collection(tmp_path)
    try:
        deck = replace(parse_notes(tmp_path / "notes").deck, title="AWS Certified Cloud Practitioner")
        student.import_package(package(deck, tmp_path))
        assert sorted(note["Definition"] for note in student.notes()) == [
            "Blockstorage volumes",
            "Object storage",
        ]
    finally:
        student.close()
