"""Formats by name: every name a user may give finds its format; any other is a usage error. A format
reads its templates once, before any part: its parts and files are made from the options alone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ccpkit import templates
from ccpkit.config import FORMATS
from ccpkit.errors import UsageError
from ccpkit.export import ExportOptions
from ccpkit.export.anki.notes import settled_without_ledger
from ccpkit.export.formats import format_named
from ccpkit.export.pdf import style
from ccpkit.parse import parse_notes

REPO = Path(__file__).resolve().parents[2]
NOTES = REPO / "tests" / "export" / "golden" / "notes"


@pytest.mark.parametrize("name", FORMATS)
def test_each_format_name_finds_the_format_of_that_name(name: str) -> None:
    assert format_named(name).name == name


def test_an_unknown_format_name_lists_the_known_ones() -> None:
    with pytest.raises(UsageError, match="unknown output format 'docx'; choose from anki, csv, pdf, json"):
        format_named("docx")


@pytest.mark.parametrize("name", FORMATS)
def test_a_formats_parts_and_files_read_no_template_file(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Templates of the project's own, read once, then taken away with ccpkit's defaults: every part
    and file is made as from the templates still there."""
    deck = parse_notes(NOTES).deck
    fmt = format_named(name)
    taken_away, kept = own_templates(tmp_path / "taken-away"), own_templates(tmp_path / "kept")
    expected = fmt.read(ExportOptions(templates=kept))
    read = fmt.read(ExportOptions(templates=taken_away))
    shutil.rmtree(taken_away)
    for module in (templates, style):
        monkeypatch.setattr(module, "DEFAULTS", tmp_path / "no-defaults")

    def files(options: ExportOptions) -> list[tuple[str, bytes]]:
        parts = [fmt.part(module, deck.title, options) for module in deck.modules]
        settled = settled_without_ledger(deck, options) if fmt.carries_identities else None
        wholes = [whole.make() for whole in fmt.wholes(deck, options)]
        made = [fmt.assemble(deck, parts, settled), *wholes]
        return [(str(output.path), output.data) for exported in made for output in exported.outputs]

    assert files(read) == files(expected)


def own_templates(folder: Path) -> Path:
    """The templates with a card style and a PDF colour of their own."""
    shutil.copytree(REPO / "templates", folder)
    with (folder / "anki" / "style.css").open("a", encoding="utf-8") as css:
        css.write(".card { letter-spacing: 0.01em; }\n")
    toml = folder / "pdf" / "style.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('accent = "#000000"', 'accent = "#102030"'))
    return folder
