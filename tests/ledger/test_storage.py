"""The ledger file: one note per line, sorted, read back exactly; format 1 still read; damage refused."""

from __future__ import annotations

import json
import pickle
from dataclasses import replace
from pathlib import Path

import pytest

from ccpkit.ledger import Entry, Ledger, LedgerError, Stamp, dump_ledger, load_ledger
from ccpkit.ledger.entries import NewerLedgerError
from ccpkit.ledger.storage import kept_ledger, ledger_lines, unkept_ledger

FORMAT_1 = Path(__file__).parent / "fixtures" / "format-1.json"


def entry(guid: str, key: str = "EC2", modified: int = 1_700_000_000) -> Entry:
    return Entry(
        guid=guid, note_type="ccpkit Term v1", key=(key,), answer="a1", content="c1", modified=modified
    )


def ledger(**notes: Entry) -> Ledger:
    return Ledger({key.replace("__", "/"): value for key, value in notes.items()}, Stamp("t1", 1_700_000_000))


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / ".ccpkit-ledger.json"
    path.write_text(text, encoding="utf-8")
    return path


def test_each_note_is_one_line_sorted_by_id_after_a_header_and_the_templates(tmp_path: Path) -> None:
    data = dump_ledger(ledger(m__card__s3=entry("g2", "Amazon S3"), m__card__ec2=entry("g1", "EC2 ✓")))
    lines = data.decode().splitlines()
    assert lines[0] == '{"ccpkit ledger": 2}'
    assert json.loads(lines[1]) == {"templates": "t1", "modified": 1_700_000_000}
    assert [json.loads(line)["id"] for line in lines[2:]] == ["m/card/ec2", "m/card/s3"]
    assert "EC2 ✓" in lines[2]  # readable in a diff, not \u escapes
    assert data.endswith(b"}\n") and len(lines) == 4


def test_dump_then_load_gives_the_same_ledger_and_the_same_bytes(tmp_path: Path) -> None:
    original = ledger(m__card__a=entry("g1"), m__card__b=entry("g2", "B\nwith a line break"))
    path = write(tmp_path, dump_ledger(original).decode())
    assert load_ledger(path) == original
    assert dump_ledger(load_ledger(path)) == path.read_bytes()


def test_a_ledger_read_from_its_file_holds_one_copy_of_each_deck_and_note_type(tmp_path: Path) -> None:
    """Tens of thousands of notes name a few hundred decks: one string each, not one per note."""
    placed = {"home": "Course::01 Cloud", "deck": "Course::01 Cloud", "module": "01-cloud"}
    notes = {f"m__card__{n}": replace(entry(f"g{n}", f"T{n}"), **placed) for n in range(3)}
    loaded = load_ledger(write(tmp_path, dump_ledger(ledger(**notes)).decode())).notes.values()

    assert len({id(value) for note in loaded for value in (note.home, note.deck)}) == 1
    assert len({id(note.module) for note in loaded}) == len({id(note.note_type) for note in loaded}) == 1
    assert len({id(note.guid) for note in loaded}) == 3


def test_the_ledger_a_build_keeps_reads_back_as_written_with_one_copy_of_each_deck() -> None:
    """The build keeps the ledger it wrote in its store, so the next build need not parse the file."""
    placed = {"home": "Course::01 Cloud", "deck": "Course::01 Cloud", "module": "01-cloud"}
    notes = {f"m__card__{n}": replace(entry(f"g{n}", f"T{n}"), **placed) for n in range(3)}
    notes["m__card__moved"] = replace(entry("g9", "T9"), deck="Course::02 Compute", orphaned=True)
    written = replace(ledger(**notes), templates=Stamp("t1", 1_700_000_000), guid_scope="Course")

    again = unkept_ledger(pickle.loads(kept_ledger(written)))

    assert again == written
    assert list(again.notes) == sorted(written.notes)  # in the order of the file's lines
    assert len({id(note.deck) for note in again.notes.values()}) == 2


@pytest.mark.parametrize("templates", [None, Stamp("t1", 1_700_000_000)])
def test_a_ledger_written_from_an_earlier_one_is_the_same_file_as_one_written_afresh(
    templates: Stamp | None,
) -> None:
    """A build writes the new ledger taking the unchanged notes' lines from the file of the one it read."""
    before = replace(
        ledger(**{f"m__card__{n}": entry(f"g{n}", f"T{n}") for n in range(6)}), templates=templates
    )
    lines = dump_ledger(before).splitlines(keepends=True)
    notes = dict(before.notes)
    notes["m/card/2"] = replace(notes["m/card/2"], answer="a2")  # changed in the middle
    notes["m/card/9"] = entry("g9", "T9")  # added at the end
    del notes["m/card/0"]  # removed at the start
    after = replace(before, notes=notes)

    made = ledger_lines(after, before, lines)

    assert made == ledger_lines(after)
    assert b"".join(made) == dump_ledger(after)
    assert sum(line is old for line in made for old in lines) == 4  # the unchanged notes' own lines
    assert ledger_lines(after, before, lines[:-1]) == made  # the lines of another file: made afresh
    assert not any(line is old for line in ledger_lines(after, before, lines[:-1]) for old in lines)


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_a_key_holding_a_character_python_counts_as_a_line_break_loads_back(
    tmp_path: Path, separator: str
) -> None:
    """JSON leaves these characters unescaped, inside a note's line: only a newline ends one."""
    original = ledger(m__card__a=entry("g1", f"Amazon{separator}EC2"), m__card__b=entry("g2"))
    path = write(tmp_path, dump_ledger(original).decode())
    assert load_ledger(path) == original


def test_lines_in_any_order_and_blank_lines_load_the_same(tmp_path: Path) -> None:
    """What "keep both sides" of a git conflict leaves: each side's new lines, not in sorted order."""
    original = ledger(m__card__a=entry("g1"), m__card__b=entry("g2"), m__card__c=entry("g3"))
    header, templates, a, b, c = dump_ledger(original).decode().splitlines()
    path = write(tmp_path, "\n".join([header, c, "", a, templates, b]) + "\n")
    assert load_ledger(path) == original


def test_the_format_1_ledger_is_still_read_with_every_guid_kept() -> None:
    old = load_ledger(FORMAT_1)
    assert old.templates == Stamp("ffefdb6c2c43ca29", 1795751279)
    assert {key: value.guid for key, value in old.notes.items()} == {
        "01-introduction-to-the-cloud/card/actors": "sHbhSx9cs1",
        "01-introduction-to-the-cloud/card/aws": "k]tEsfnwV,",
        "09-security/mcq/which-two-are-customer-responsibilities": "#Hk5(s3^b!",
    }
    assert old.notes["01-introduction-to-the-cloud/card/aws"].note_type == "ccpkit Term v1"


def test_a_format_1_ledger_is_rewritten_in_format_2_with_nothing_lost(tmp_path: Path) -> None:
    path = write(tmp_path, dump_ledger(load_ledger(FORMAT_1)).decode())
    assert path.read_text(encoding="utf-8").startswith('{"ccpkit ledger": 2}\n')
    assert load_ledger(path) == load_ledger(FORMAT_1)


def test_missing_ledger_is_an_empty_one(tmp_path: Path) -> None:
    assert load_ledger(tmp_path / "absent.json") == Ledger()


GOOD = (
    '{"id": "m/card/a", "guid": "x", "note_type": "T", "key": "k", "answer": "a", "content": "c", '
    '"modified": 1}'
)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"version": 1, "notes": {', "line 1: not valid JSON"),
        ("", "the file is empty"),  # emptied by a tool or a cloud folder: not JSON at line 1, nor 3
        ("\n \n", "the file is empty"),
        ("[]", "not a ccpkit ledger"),
        ('{"version": 1}', '"notes" must map note ids to entries'),
        ('{"version": 1, "notes": {"m/card/a": {"guid": "x"}}}', "entry 'm/card/a' is damaged"),
        ('{"ccpkit ledger": 2}\n{"id": "m/card/a", "guid": "x"', "line 2: not valid JSON"),
        ('{"ccpkit ledger": 2}\n[1, 2]', "line 2: each line must be one JSON object"),
        (
            '{"ccpkit ledger": 2}\n' + GOOD.replace('"modified": 1', '"modified": "soon"'),
            '"modified" has the wrong',
        ),
        (
            '{"ccpkit ledger": 2}\n' + GOOD.replace('"modified": 1', '"modified": 99999999999999999999999'),
            '"modified" is out of range',  # Anki's database holds a 64-bit number
        ),
        (
            '{"ccpkit ledger": 2}\n' + GOOD.replace('"key": "k", ', ""),
            'note m/card/a is damaged: "key" is missing',
        ),
        ('{"ccpkit ledger": 2}\n' + GOOD.replace('"id"', '"ID"'), 'line 2: a note line needs its "id"'),
        ('{"ccpkit ledger": 2}\n' + GOOD.replace('"guid": "x"', '"guid": ""'), "its GUID is empty"),
        ('{"ccpkit ledger": 2}\n' + GOOD.replace('"key": "k", ', '"colour": 1, '), '"colour" is unknown'),
        ('{"ccpkit ledger": 2}\n' + GOOD + "\n" + GOOD, r"listed twice \(lines 2 and 3\)"),
        ('{"ccpkit ledger": 2}\n{"templates": "h"}', "line 2: one templates line"),
        (GOOD + "\n", r'line 1: the ledger\'s first line, \{"ccpkit ledger": 2\} …, is missing'),
        (
            '{"ccpkit ledger": 2}\n<<<<<<< HEAD\n' + GOOD + "\n=======\n>>>>>>> other\n",
            r"line 2: git left a merge conflict here \(<<<<<<<\).*git checkout -m",
        ),
    ],
)
def test_damaged_ledger_is_refused_with_the_way_to_recover(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(LedgerError, match=message) as caught:
        load_ledger(path)
    assert str(path) in str(caught.value) and f"git checkout HEAD -- {path}" in str(caught.value)


def test_a_ledger_a_newer_ccpkit_wrote_asks_for_an_upgrade_never_its_deletion(tmp_path: Path) -> None:
    """A note line with a field this ccpkit does not know (written on a computer with a newer one)."""
    path = write(tmp_path, '{"ccpkit ledger": 2}\n' + GOOD.replace('"key"', '"colour": 1, "key"'))
    with pytest.raises(NewerLedgerError, match="note m/card/a records 'colour', which this ccpkit") as caught:
        load_ledger(path)
    assert "Upgrade ccpkit" in str(caught.value) and "do not delete it" in str(caught.value)
    assert "delete it to start a new one" not in str(caught.value)


def test_two_notes_sharing_a_guid_are_refused(tmp_path: Path) -> None:
    path = write(
        tmp_path, dump_ledger(Ledger({"m/card/a": entry("same"), "m/card/b": entry("same")})).decode()
    )
    with pytest.raises(
        LedgerError, match="lines 2 and 3: notes m/card/a and m/card/b share the GUID 'same'"
    ) as caught:
        load_ledger(path)
    assert "delete the line of the id your notes no longer have" in str(caught.value)
