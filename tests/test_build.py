"""The build orchestrator: skipped items are counted, the ledger is read first and written last."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from ccpkit.build import build
from ccpkit.errors import Problem, UsageError
from ccpkit.export import ExportOptions
from ccpkit.ledger import LEDGER_NAME, LedgerError, load_ledger
from ccpkit.model import Deck, SourceLocation
from ccpkit.parse import Parsed
from tests.conftest import REPO
from tests.export.anki.course import build_deck, first_version

T0 = 1_700_000_000
PACKAGE = Path("anki/aws-certified-cloud-practitioner.apkg")


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    folder = tmp_path / "notes"
    folder.mkdir()
    return folder


def test_rejected_items_are_listed_then_counted(
    monkeypatch: pytest.MonkeyPatch, deck: Deck, notes: Path
) -> None:
    problems = (
        Problem(SourceLocation("02-compute/practice.md", 7), "question has no answer"),
        Problem(SourceLocation("02-compute/practice.md", 19), "answer E is not an option"),
        Problem(SourceLocation("02-compute/summary.md", 3), "empty heading", "warning"),
    )
    monkeypatch.setattr("ccpkit.parse.combine", lambda *_args, **_kwargs: Parsed(deck, problems))
    (notes / "stand-in.md").write_text("- **Stand-in:** the notes that parse to ``deck``\n", encoding="utf-8")
    report = build(
        notes, notes.parent / "out", formats=("anki",), options=ExportOptions(templates=REPO / "templates")
    )
    lines = report.summary().splitlines()
    assert "02-compute/practice.md:7: question has no answer" in lines
    assert lines.index("2 errors: what they name is left out of the outputs, see above") > lines.index(
        "02-compute/practice.md:19: answer E is not an option"
    )


def test_first_build_writes_the_package_then_the_ledger(monkeypatch: pytest.MonkeyPatch, notes: Path) -> None:
    out = notes.parent / "out"
    report = build_deck(monkeypatch, first_version(), notes, out, at=T0)
    assert report.written == (out / PACKAGE, notes / LEDGER_NAME)
    ledger = load_ledger(notes / LEDGER_NAME)
    assert len(ledger.notes) == 12 and ledger.templates is not None and ledger.templates.modified == T0
    assert "anki notes: 12 added, 0 updated, 0 unchanged, 0 orphaned" in report.summary()


def test_building_twice_from_the_same_notes_gives_the_same_package(
    monkeypatch: pytest.MonkeyPatch, notes: Path
) -> None:
    out = notes.parent / "out"
    build_deck(monkeypatch, first_version(), notes, out, at=T0)
    package, ledger = (out / PACKAGE).read_bytes(), (notes / LEDGER_NAME).read_bytes()
    report = build_deck(monkeypatch, first_version(), notes, out, at=T0 + 3600)
    assert (out / PACKAGE).read_bytes() == package
    assert (notes / LEDGER_NAME).read_bytes() == ledger
    assert notes / LEDGER_NAME not in report.written  # nothing changed: git stays clean


def test_damaged_ledger_stops_the_build_before_anything_is_written(
    monkeypatch: pytest.MonkeyPatch, notes: Path
) -> None:
    (notes / LEDGER_NAME).write_text('{"version": 1, "notes": {"a": 1}}', encoding="utf-8")
    out = notes.parent / "out"
    with pytest.raises(LedgerError, match="entry 'a' is damaged"):
        build_deck(monkeypatch, first_version(), notes, out, at=T0)
    assert not out.exists()


def test_restyled_templates_move_the_note_type_time_only(
    monkeypatch: pytest.MonkeyPatch, notes: Path
) -> None:
    templates = notes.parent / "templates"
    shutil.copytree(REPO / "templates" / "anki", templates / "anki")
    out = notes.parent / "out"
    build_deck(monkeypatch, first_version(), notes, out, at=T0, templates=templates)
    with (templates / "anki" / "style.css").open("a", encoding="utf-8") as css:
        css.write(".prompt { color: teal; }\n")
    build_deck(monkeypatch, first_version(), notes, out, at=T0 + 60, templates=templates)
    ledger = load_ledger(notes / LEDGER_NAME)
    assert ledger.templates is not None and ledger.templates.modified == T0 + 60
    assert {entry.modified for entry in ledger.notes.values()} == {T0}


def test_formats_without_anki_identities_leave_the_ledger_alone(
    monkeypatch: pytest.MonkeyPatch, deck: Deck, notes: Path
) -> None:
    monkeypatch.setattr("ccpkit.parse.combine", lambda *_args, **_kwargs: Parsed(deck))
    (notes / "stand-in.md").write_text("- **Stand-in:** the notes that parse to ``deck``\n", encoding="utf-8")
    report = build(
        notes, notes.parent / "out", formats=("json",), options=ExportOptions(templates=REPO / "templates")
    )
    assert report.changes is None and not (notes / LEDGER_NAME).exists()


def test_written_files_follow_the_umask_like_any_new_file(
    monkeypatch: pytest.MonkeyPatch, notes: Path
) -> None:
    out = notes.parent / "out"
    previous = os.umask(0o022)
    try:
        build_deck(monkeypatch, first_version(), notes, out, at=T0)
    finally:
        os.umask(previous)
    assert ((out / PACKAGE).stat().st_mode & 0o777) == ((notes / LEDGER_NAME).stat().st_mode & 0o777) == 0o644


def test_switching_highlight_clozes_off_rebuilds_highlights_as_cards(tmp_path: Path) -> None:
    """The switch is part of what a build compares and what the parse cache is keyed by."""
    notes = tmp_path / "notes" / "01-storage"
    notes.mkdir(parents=True)
    (notes / "cram-sheet.md").write_text("# Cram Sheet\n\n- **S3:** ==object== storage\n", encoding="utf-8")
    options = ExportOptions(templates=REPO / "templates")
    out = tmp_path / "out"
    on = build(notes.parent, out, formats=("json",), options=options)
    off = build(notes.parent, out, formats=("json",), options=options, highlight_clozes=False)
    assert on.total == "1 module, 0 cards, 0 tables, 0 MCQs, 1 cloze"
    assert off.total == "1 module, 1 card, 0 tables, 0 MCQs"
    assert '"clozes": []' in (out / "json" / "deck.json").read_text(encoding="utf-8")


def test_a_csv_only_build_reads_no_card_template(monkeypatch: pytest.MonkeyPatch, notes: Path) -> None:
    """The Anki CSV files carry GUIDs but no note type: a card template the .apkg would refuse is
    no concern of theirs."""
    templates = notes.parent / "templates"
    shutil.copytree(REPO / "templates" / "anki", templates / "anki")
    (templates / "anki" / "term.front.html").write_text("{{NoSuchField}}\n", encoding="utf-8")
    out = notes.parent / "out"
    report = build_deck(
        monkeypatch, first_version(), notes, out, at=T0, templates=templates, formats=("csv",)
    )
    assert "anki notes: 12 added" in report.summary() and (notes / LEDGER_NAME).exists()
    with pytest.raises(UsageError, match=r"term\.front\.html:1"):
        build_deck(monkeypatch, first_version(), notes, out, at=T0, templates=templates)


def test_a_build_of_unprinted_formats_still_reports_pictures_of_the_prose(notes: Path) -> None:
    """Anki, CSV and JSON hold no passages, yet a picture missing from the prose is still reported."""
    module = notes / "01-storage"
    module.mkdir()
    (module / "cram-sheet.md").write_text(
        "# Cram Sheet\n\n## Buckets\n\nA bucket looks like this: ![bucket](bucket.png)\n\n"
        "- **Bucket:** a container of objects.\n",
        encoding="utf-8",
    )
    options = ExportOptions(templates=REPO / "templates")
    for formats in (("anki", "csv", "json"), ("json",)):
        report = build(notes, notes.parent / "-".join(formats), formats=formats, options=options)
        assert "01-storage/cram-sheet.md:5: picture bucket.png does not exist" in report.summary()


def test_a_format_asked_twice_is_built_once(notes: Path) -> None:
    (notes / "01-intro").mkdir()
    (notes / "01-intro" / "cram.md").write_text("- **EC2:** Virtual servers.\n", encoding="utf-8")
    options = ExportOptions(templates=REPO / "templates")
    report = build(notes, notes.parent / "out", formats=("csv", "csv"), options=options)
    assert "csv 7 files → " in report.summary() and "up to date" not in report.summary()


def test_a_build_of_some_modules_reports_their_notes_and_counts_the_others_changes_as_waiting(
    notes: Path,
) -> None:
    for folder, line in (("01-storage", "- **S3:** Objects.\n"), ("02-compute", "- **EC2:** Servers.\n")):
        (notes / folder).mkdir()
        (notes / folder / "cram.md").write_text(line, encoding="utf-8")
    options, out = ExportOptions(templates=REPO / "templates"), notes.parent / "out"
    build(notes, out, formats=("anki",), options=options, title="Course")
    (notes / "02-compute" / "cram.md").write_text("- **EC2:** Virtual servers.\n", encoding="utf-8")
    (notes / "01-storage" / "cram.md").write_text("- **S3:** Objects.\n- **EFS:** Files.\n", encoding="utf-8")

    some = build(notes, out, formats=("anki",), options=options, title="Course", modules=(1,)).summary()
    whole = build(notes, out, formats=("anki",), options=options, title="Course").summary()

    assert "anki notes: 1 added, 0 updated, 1 unchanged, 0 orphaned" in some
    assert "02-compute/card/ec2" not in some
    assert "1 note of modules not built changed since sent: it waits for a build that includes them" in some
    assert "anki notes: 0 added, 1 updated, 2 unchanged, 0 orphaned" in whole
    assert "updated: 02-compute/card/ec2" in whole and "wait" not in whole


def test_a_build_of_some_modules_counts_what_its_outputs_hold_and_names_the_modules_not_rebuilt(
    notes: Path,
) -> None:
    """``--module 1`` writes module 1's outputs: its counts are those, not the whole course's, and the
    report says the other modules were not rebuilt (their outputs are as the last build left them)."""
    for folder, text in (
        ("01-storage", "- **S3:** Objects.\n- **EFS:** Files.\n"),
        ("02-compute", "- **EC2:** Servers.\n"),
    ):
        (notes / folder).mkdir()
        (notes / folder / "cram.md").write_text(text, encoding="utf-8")
    options, out = ExportOptions(templates=REPO / "templates"), notes.parent / "out"

    report = build(notes, out, formats=("csv",), options=options, title="Course", modules=(1,))

    short, every = report.summary(), report.summary("verbose")
    assert "module 1 of 2 (the other not rebuilt), 2 cards" in short and "3 cards" not in short
    assert "Compute" not in every and "3 cards" not in every
    assert "not rebuilt: 1 other module" in every
    whole = build(notes, out, formats=("csv",), options=options, title="Course").summary()
    assert "2 modules, 3 cards" in whole and "rebuilt" not in whole
