"""Inputs too big or too odd to commit, generated in ``tmp_path``: huge files, deep nesting, wide
tables, symlink loops, empty folders. Each ends in output or a ``path:line: message``, quickly."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ccpkit.cli import cli
from tests.hardening.commands import Commands, assert_clean_exit, problem_lines


def notes_with(tmp_path: Path, files: dict[str, str]) -> Commands:
    notes = tmp_path / "notes"
    for name, text in files.items():
        path = notes / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    notes.mkdir(exist_ok=True)
    return Commands(notes, tmp_path / "build")


def dumped(commands: Commands) -> dict[str, Any]:
    result = commands.dump()
    assert_clean_exit(result, 0)
    deck: dict[str, Any] = json.loads(result.stdout)
    return deck


def write_50_mb(path: Path) -> None:
    block = "".join(f"- **Term {n}:** definition {n} with **bold** and `code`.\n" for n in range(1000))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as stream:
        stream.write("# Huge\n\n")
        while stream.tell() < 50_000_000:
            stream.write(block)


def test_a_50_mb_notes_file_is_refused_by_name_and_the_rest_still_builds(tmp_path: Path) -> None:
    commands = notes_with(tmp_path, {"02-small/cram-sheet.md": "# Cram\n\n- **EC2:** Servers.\n"})
    write_50_mb(commands.notes / "01-huge" / "dump.md")

    built = commands.build("json")
    assert_clean_exit(built, 1)
    assert problem_lines(built.stdout) == [
        "01-huge/dump.md:1: file is 48 MB, over the 4 MB limit: split it into parts"
    ]
    deck = json.loads((commands.out / "json" / "deck.json").read_text(encoding="utf-8"))
    assert [card["front"] for card in deck["cards"]] == ["EC2"]


def test_200_levels_of_nested_bullets_stay_on_one_card(tmp_path: Path) -> None:
    bullets = "".join("  " * depth + f"- **Level {depth}:** item {depth}\n" for depth in range(200))
    commands = notes_with(tmp_path, {"01-deep/notes.md": f"# Deep\n\n{bullets}"})
    assert_clean_exit(commands.build(), 0)
    (card,) = dumped(commands)["cards"]
    assert card["front"] == "Level 0"
    assert "**Level 199:** item 199" in str(card["back"])


def test_200_levels_of_nested_quotes_and_lists_parse(tmp_path: Path) -> None:
    quotes = "".join(">" * depth + f" - **Quote {depth}:** text\n" for depth in range(1, 201))
    commands = notes_with(tmp_path, {"01-deep/notes.md": f"# Deep\n\n{quotes}"})
    assert_clean_exit(commands.build(), 0)
    fronts = [card["front"] for card in dumped(commands)["cards"]]
    # Terms in quotes are cards, in order, as deep as Markdown nests blocks (deeper lines stay text).
    assert len(fronts) >= 10 and fronts == [f"Quote {depth}" for depth in range(1, len(fronts) + 1)]


@pytest.mark.parametrize(("levels", "read"), [(10, ["Before", "EC2", "S3"]), (49, ["Before", "EC2", "S3"])])
def test_an_outline_nested_deeply_leaves_the_notes_after_it_read(
    tmp_path: Path, levels: int, read: list[str]
) -> None:
    outline = "".join("  " * depth + f"- level {depth + 1}\n" for depth in range(levels))
    notes = (
        f"# Deep\n\n- **Before:** above.\n\n{outline}\n## After\n\n- **EC2:** Servers.\n- **S3:** Objects.\n"
    )
    commands = notes_with(tmp_path, {"01-deep/notes.md": notes})
    assert_clean_exit(commands.build(), 0)
    assert [card["front"] for card in dumped(commands)["cards"]] == read


@pytest.mark.parametrize("quoted_above", [False, True], ids=["alone", "after-a-quote-as-deep"])
def test_an_outline_nested_past_what_markdown_reads_names_the_lines_it_takes_in(
    tmp_path: Path, quoted_above: bool
) -> None:
    """Also after a quote nested as deep, which takes in nothing but its own lines."""
    quote = ">" * 100 + " deep\n\n" if quoted_above else ""
    outline = "".join("  " * depth + f"- level {depth + 1}\n" for depth in range(60))
    notes = f"# Deep\n\n{quote}{outline}\n## After\n\n- **EC2:** Servers.\n"
    commands = notes_with(tmp_path, {"01-deep/notes.md": notes})
    result = commands.check()
    assert_clean_exit(result, 1)
    assert problem_lines(result.output) == [
        f"01-deep/notes.md:{66 if quoted_above else 64}: this line and those below it are left out: a list "
        "above nests 50 levels deep (or a quote 100), where Markdown stops reading and takes the rest of "
        "its outermost block in with it; nest it less deeply"
    ]


def test_a_20000_character_cell_reaches_every_output_whole(tmp_path: Path) -> None:
    cell = ("word " * 4000).strip() + "!"
    table = f"# Big\n\n**Big table**\n\n| Name | Text |\n|---|---|\n| one | {cell} |\n| two | short |\n"
    commands = notes_with(tmp_path, {"01-big/notes.md": table})
    assert_clean_exit(commands.build(), 0)
    (table_item,) = dumped(commands)["tables"]
    assert table_item["rows"] == [["one", cell], ["two", "short"]]
    assert (commands.out / "pdf" / "01-big.pdf").stat().st_size > 0


def test_a_50_column_table_gives_notes_of_two_cells_each_25_per_row(tmp_path: Path) -> None:
    header = "|" + "|".join(f"Column {n}" for n in range(50)) + "|\n|" + "---|" * 50 + "\n"
    rows = "".join("|" + "|".join(f"r{r}c{n}" for n in range(50)) + "|\n" for r in range(3))
    commands = notes_with(tmp_path, {"01-wide/notes.md": f"# Wide\n\n**Wide**\n\n{header}{rows}"})
    built = commands.build()
    assert_clean_exit(built, 0)
    assert "anki notes: 75 added" in built.stdout
    (table_item,) = dumped(commands)["tables"]
    assert len(table_item["columns"]) == 50 and len(table_item["rows"]) == 3


def test_a_symlink_loop_is_not_followed(tmp_path: Path) -> None:
    commands = notes_with(tmp_path, {"01-loop/notes.md": "# Loop\n\n- **EC2:** Servers.\n"})
    os.symlink("..", commands.notes / "01-loop" / "parent")
    os.symlink(".", commands.notes / "01-loop" / "itself")
    assert_clean_exit(commands.build(), 0)
    assert [card["source"] for card in dumped(commands)["cards"]] == ["01-loop/notes.md:3"]


def test_an_empty_notes_folder_is_an_error_and_nothing_is_built(tmp_path: Path) -> None:
    commands = notes_with(tmp_path, {})
    built = commands.build()
    assert_clean_exit(built, 1)
    assert f"no Markdown notes found in {commands.notes}" in built.output
    assert not commands.out.exists() and list(commands.notes.iterdir()) == []


def test_empty_module_folders_give_empty_modules(tmp_path: Path) -> None:
    commands = notes_with(tmp_path, {"02-small/cram-sheet.md": "# Cram\n\n- **EC2:** Servers.\n"})
    (commands.notes / "01-empty" / "sub").mkdir(parents=True)
    assert_clean_exit(commands.build(), 0)
    assert [module["items"] for module in dumped(commands)["modules"]] == [0, 1]


def test_a_notes_folder_that_is_missing_is_a_usage_error(tmp_path: Path) -> None:
    commands = Commands(tmp_path / "nowhere", tmp_path / "build")
    for result in (commands.check(), commands.build(), commands.dump()):
        assert_clean_exit(result, 2)
        assert f"notes folder {commands.notes} does not exist" in result.stderr
    assert not commands.out.exists()


def with_undecodable_names(tmp_path: Path) -> Commands:
    commands = notes_with(tmp_path, {"01-a/good.md": "# Good\n\n- **EC2:** Servers.\n"})
    notes = os.fsencode(commands.notes)
    Path(os.fsdecode(notes + b"/01-a/caf\xe9.md")).write_bytes(b"# Cafe\n\n- **S3:** Storage.\n")
    Path(os.fsdecode(notes + b"/01-a/two\nlines.md")).write_bytes(b"# Two\n\n- **VPC:** Network.\n")
    os.mkdir(notes + b"/02-b\xff")
    Path(os.fsdecode(notes + b"/02-b\xff/x.md")).write_bytes(b"# X\n\n- **IAM:** Users.\n")
    return commands


def test_names_that_are_not_utf8_or_hold_line_breaks_are_reported_and_left_out(tmp_path: Path) -> None:
    commands = with_undecodable_names(tmp_path)
    checked = commands.check()
    assert_clean_exit(checked, 1)
    message = "name is not valid UTF-8 or holds a control character: rename it (it was left out)"
    assert problem_lines(checked.output) == [
        f"01-a/caf\N{REPLACEMENT CHARACTER}.md:1: {message}",
        f"01-a/two?lines.md:1: {message}",
        f"02-b\N{REPLACEMENT CHARACTER}:1: {message}",
    ]
    assert [card["front"] for card in dumped(commands)["cards"]] == ["EC2"]


def test_names_that_are_not_utf8_do_not_stop_a_build(tmp_path: Path) -> None:
    commands = with_undecodable_names(tmp_path)
    assert_clean_exit(commands.build(), 1)


@pytest.mark.parametrize("command", ["check", "build", "orphans"])
def test_an_unreadable_notes_folder_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """A notes folder that cannot be listed (no permission): named, before its ledger is read."""
    commands = notes_with(tmp_path, {"01-a/good.md": "# Good\n"})
    assert_clean_exit(commands.build("anki"), 0)
    listed = os.scandir

    def denied(path: Any = ".") -> Any:
        if Path(path) == commands.notes:
            raise PermissionError(13, "Permission denied")
        return listed(path)

    monkeypatch.setattr(os, "scandir", denied)
    result = {
        "check": commands.check,
        "build": commands.build,
        "orphans": lambda: commands.invoke("orphans", "--notes", str(commands.notes)),
    }[command]()
    assert_clean_exit(result, 2)
    assert f"error: notes folder {commands.notes} cannot be read: Permission denied" in result.stderr


def test_a_module_folder_that_cannot_be_listed_is_an_error_and_orphans_none_of_its_notes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its notes are not gone: the build says why they are left out, and keeps their Anki notes."""
    commands = notes_with(tmp_path, {"01-a/n.md": "- **Alpha:** one.\n", "02-b/n.md": "- **Delta:** four.\n"})
    assert_clean_exit(commands.build("anki"), 0)
    listed = os.scandir

    def denied(path: Any = ".") -> Any:
        if not isinstance(path, int) and Path(path) == commands.notes / "02-b":  # not a folder's handle
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return listed(path)

    monkeypatch.setattr(os, "scandir", denied)
    for result in (commands.check(), commands.build("anki")):
        assert_clean_exit(result, 1)
        assert "02-b:1: cannot read this folder: permission denied" in result.stdout + result.stderr
    assert (
        "0 orphaned, 1 held" in result.stdout
        and "nothing to delete in Anki): 02-b/card/delta" in result.stdout
    )


@pytest.mark.parametrize("command", ["check", "build", "orphans"])
def test_a_file_set_as_the_notes_folder_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """Not a damaged ledger "in" it, nor a folder said to be missing: the file is named as one."""
    (tmp_path / "ccpkit.toml").write_text('[paths]\nnotes = "ccpkit.toml"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, [command])
    assert_clean_exit(result, 2)
    assert "error: notes folder ccpkit.toml is a file, not a folder" in result.stderr


def test_a_notes_file_linked_to_itself_is_reported_by_a_build_too(tmp_path: Path) -> None:
    commands = notes_with(tmp_path, {"01-a/good.md": "# Good\n\n- **EC2:** virtual servers\n"})
    (commands.notes / "01-a" / "self.md").symlink_to("self.md")
    result = commands.build("anki")
    assert_clean_exit(result, 1)
    assert "01-a/self.md:1: cannot read this file" in result.output
