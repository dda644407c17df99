"""Merging two clones' ledgers: every note either side added is kept, and each disagreement has one
documented outcome, whichever side is "ours"."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from click.testing import CliRunner

from ccpkit.cli import cli
from ccpkit.ledger import Entry, Ledger, Stamp, dump_ledger, load_ledger, merge_ledgers
from tests.conftest import NO_SETTINGS

T0 = 1_700_000_000


def entry(guid: str, content: str = "c", modified: int = T0) -> Entry:
    return Entry(guid=guid, note_type="T", key="k", answer="a", content=content, modified=modified)


BASE = Ledger({"m/card/a": entry("ga"), "m/card/z": entry("gz")}, Stamp("t", T0))


def with_notes(ledger: Ledger, **changes: Entry | None) -> Ledger:
    notes = dict(ledger.notes)
    for name, value in changes.items():
        key = name.replace("__", "/")
        if value is None:
            del notes[key]
        else:
            notes[key] = value
    return replace(ledger, notes=notes)


def both_ways(base: Ledger, one: Ledger, other: Ledger) -> Ledger:
    """The merged ledger, checked to be the same with either side as "ours"."""
    merged = merge_ledgers(base, one, other).ledger
    assert merge_ledgers(base, other, one).ledger == merged
    return merged


def test_notes_added_on_each_side_are_all_kept() -> None:
    ours = with_notes(BASE, m__card__b=entry("gb"))
    theirs = with_notes(BASE, m__card__c=entry("gc"))
    merged = both_ways(BASE, ours, theirs)
    assert {key: value.guid for key, value in merged.notes.items()} == {
        "m/card/a": "ga",
        "m/card/b": "gb",
        "m/card/c": "gc",
        "m/card/z": "gz",
    }


def test_a_change_on_one_side_wins_over_the_base() -> None:
    ours = with_notes(BASE, m__card__a=entry("ga", "edited", T0 + 5))
    assert both_ways(BASE, ours, BASE).notes["m/card/a"].content == "edited"


def test_a_note_changed_on_both_sides_keeps_the_later_change() -> None:
    ours = with_notes(BASE, m__card__a=entry("ga", "ours", T0 + 9))
    theirs = with_notes(BASE, m__card__a=entry("ga", "theirs", T0 + 5))
    result = merge_ledgers(BASE, ours, theirs)
    assert result.ledger.notes["m/card/a"].content == "ours" and result.both_changed == ("m/card/a",)
    assert both_ways(BASE, ours, theirs).notes["m/card/a"].content == "ours"


def test_changes_at_the_same_second_are_settled_by_their_content_not_by_the_side() -> None:
    ours = with_notes(BASE, m__card__a=entry("ga", "x", T0 + 5))
    theirs = with_notes(BASE, m__card__a=entry("ga", "y", T0 + 5))
    assert both_ways(BASE, ours, theirs).notes["m/card/a"].content == "y"


def test_a_note_dropped_on_one_side_stays_dropped_unless_the_other_changed_it() -> None:
    dropped = with_notes(BASE, m__card__z=None)
    assert "m/card/z" not in both_ways(BASE, dropped, BASE).notes
    changed = with_notes(BASE, m__card__z=entry("gz", "edited", T0 + 5))
    assert both_ways(BASE, dropped, changed).notes["m/card/z"].content == "edited"


def test_a_guid_held_twice_stays_with_the_renamed_note() -> None:
    """Ours renamed z to y (y took z's GUID) while theirs edited z: one GUID, two notes."""
    ours = with_notes(BASE, m__card__z=None, m__card__y=entry("gz", "renamed", T0 + 1))
    theirs = with_notes(BASE, m__card__z=entry("gz", "edited", T0 + 9))
    result = merge_ledgers(BASE, ours, theirs)
    assert result.ledger.notes["m/card/y"].guid == "gz" and "m/card/z" not in result.ledger.notes
    assert result.dropped == (("m/card/z", "m/card/y"),)
    assert both_ways(BASE, ours, theirs) == result.ledger


def test_templates_changed_on_both_sides_keep_the_later_stamp() -> None:
    ours = Ledger(BASE.notes, Stamp("t-ours", T0 + 9))
    theirs = Ledger(BASE.notes, Stamp("t-theirs", T0 + 3))
    assert both_ways(BASE, ours, theirs).templates == Stamp("t-ours", T0 + 9)


def test_the_command_writes_the_result_into_ours(tmp_path: Path) -> None:
    files = {
        "base": BASE,
        "ours": with_notes(BASE, m__card__b=entry("gb")),
        "theirs": with_notes(BASE, m__card__c=entry("gc")),
    }
    for name, ledger in files.items():
        (tmp_path / name).write_bytes(dump_ledger(ledger))
    paths = [str(tmp_path / name) for name in files]
    result = CliRunner().invoke(cli, ["--config", str(NO_SETTINGS), "ledger", "merge", *paths])
    assert result.exit_code == 0, result.output
    assert set(load_ledger(tmp_path / "ours").notes) == {"m/card/a", "m/card/b", "m/card/c", "m/card/z"}


def test_the_course_a_ledger_makes_guids_in_survives_the_merge_and_the_file(tmp_path: Path) -> None:
    scoped = Ledger(BASE.notes, BASE.templates, "AWS Developer")
    ours, theirs = with_notes(scoped, m__card__b=entry("gb")), with_notes(scoped, m__card__c=entry("gc"))
    merged = both_ways(replace(scoped, guid_scope=""), replace(ours, guid_scope="AWS Developer"), theirs)
    assert merged.guid_scope == "AWS Developer"
    (tmp_path / "ledger").write_bytes(dump_ledger(merged))
    loaded = load_ledger(tmp_path / "ledger")
    assert (loaded.guid_scope, set(loaded.notes)) == ("AWS Developer", set(merged.notes))


def test_an_empty_base_is_an_empty_ledger_and_a_damaged_side_is_refused(tmp_path: Path) -> None:
    """Git passes an empty base when both sides added the file; damage must leave the conflict to git."""
    (tmp_path / "base").write_bytes(b"")
    (tmp_path / "ours").write_bytes(dump_ledger(BASE))
    (tmp_path / "theirs").write_bytes(dump_ledger(with_notes(BASE, m__card__c=entry("gc"))))
    merge = ["--config", str(NO_SETTINGS), "ledger", "merge"]
    paths = [str(tmp_path / name) for name in ("base", "ours", "theirs")]
    assert CliRunner().invoke(cli, [*merge, *paths]).exit_code == 0
    assert "m/card/c" in load_ledger(tmp_path / "ours").notes
    (tmp_path / "theirs").write_text('{"ccpkit ledger": 2}\n{"id": "m/card/x"}\n', encoding="utf-8")
    before = (tmp_path / "ours").read_bytes()
    result = CliRunner().invoke(cli, [*merge, *paths])
    assert result.exit_code == 1  # git then reports a conflict; its copy's name tells the student nothing
    assert "error: ledger merge: the ledger of the branch merged in is damaged (line 2: note m/card/x" in (
        result.output
    )
    assert str(tmp_path / "theirs") not in result.output
    assert (tmp_path / "ours").read_bytes() == before
