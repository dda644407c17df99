"""Project configuration from ``ccpkit.toml``: one place for titles, paths, outputs and exam defaults."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ccpkit.export import ExportOptions
from ccpkit.toml_file import Expected, read_toml, whole_number

CONFIG_FILE = "ccpkit.toml"
LEDGER_NAME = ".ccpkit-ledger.json"
"""The ledger's file name inside the notes folder (committed with the notes)."""
FORMATS = ("anki", "csv", "pdf", "json")


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """Settings a user may put in ``ccpkit.toml``; command-line options override them."""

    title: str | None = None
    """Course title: PDF headers and the Anki parent deck name (unless ``deck`` is set). ``None``: the
    notes folder's name, so no course is built into ccpkit."""
    deck: str = ""
    """Anki parent deck name (``::`` nests it, as in Anki); empty means the course title."""
    notes: str = "source_notes"
    out: str = "build"
    templates: str = "templates"
    formats: tuple[str, ...] = FORMATS
    paper: str = "A4"
    exam_count: int | None = None
    exam_seed: int = 0
    exam_modules: tuple[int, ...] = ()
    anki_link_tables: bool = False
    highlight_clozes: bool = True
    """Whether ``==text==`` in the notes is a cloze (``[notes] highlight_clozes``); off for people who
    highlight for emphasis. Anki's own ``{{c1::…}}`` is a cloze either way."""

    def merged(self, **overrides: Any) -> Config:
        """This configuration with the command-line values that were given (not ``None`` or empty)."""
        given = {key: value for key, value in overrides.items() if value not in (None, ())}
        return replace(self, **given)

    def export_options(self) -> ExportOptions:
        return ExportOptions(
            templates=Path(self.templates),
            deck_name=self.deck,
            paper="Letter" if self.paper.casefold() == "letter" else "A4",  # in any case, as --paper
            exam_count=self.exam_count,
            exam_seed=self.exam_seed,
            exam_modules=self.exam_modules,
            anki_link_tables=self.anki_link_tables,
        )


_SECTIONS: dict[str, dict[str, str]] = {
    "course": {"title": "title", "deck": "deck"},
    "paths": {"notes": "notes", "out": "out", "templates": "templates"},
    "build": {"formats": "formats", "paper": "paper"},
    "exam": {"count": "exam_count", "seed": "exam_seed", "modules": "exam_modules"},
    "anki": {"link_tables": "anki_link_tables"},
    "notes": {"highlight_clozes": "highlight_clozes"},
}


def _text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _deck_name(value: Any) -> bool:
    """Text that names an Anki deck: the course's title names its parent deck unless ``deck`` does."""
    return _text(value) and names_every_deck(value)


def names_every_deck(name: str) -> bool:
    """Whether each part of an Anki deck name between ``::`` (which nests decks) has a name, neither
    opening nor ending with a colon: ``AWS::`` would make a deck with none, and ``Biology:`` over its
    modules ``Biology:::01 Cells``, which Anki reads as another name than ccpkit's."""
    return all(
        part.strip() and not part.strip().startswith(":") and not part.endswith(":")
        for part in name.split("::")
    )


_EXPECTED: dict[str, Expected] = {
    "title": Expected(_deck_name, "a non-empty title, each part between `::` named, ending in no `:`"),
    "deck": Expected(_deck_name, "a deck name, each part between `::` named, ending in no `:`"),
    "notes": Expected(_text, "a folder path"),
    "out": Expected(_text, "a folder path"),
    "templates": Expected(_text, "a folder path"),
    "formats": Expected(
        lambda v: isinstance(v, list) and bool(v) and all(f in FORMATS for f in v),
        f"a list of one or more drawn from {list(FORMATS)}",
    ),
    "paper": Expected(lambda v: isinstance(v, str) and v.casefold() in ("a4", "letter"), '"A4" or "Letter"'),
    "exam_count": Expected(lambda v: whole_number(v) and v >= 1, "a whole number, 1 or more"),
    "exam_seed": Expected(whole_number, "a whole number"),
    "exam_modules": Expected(
        lambda v: isinstance(v, list) and all(map(whole_number, v)), "a list of module numbers"
    ),
    "anki_link_tables": Expected(lambda v: isinstance(v, bool), "true or false"),
    "highlight_clozes": Expected(lambda v: isinstance(v, bool), "true or false"),
}
"""What each setting (by its ``Config`` field) must hold."""


def load_config(path: Path) -> Config:
    """Read ``path`` if it exists (defaults otherwise); a mistake is an error at its line (``toml_file``).
    Its folders are relative to the folder holding it, wherever ccpkit runs from."""
    if not path.is_file():
        return Config()
    settings = read_toml(path)
    settings.only_sections(_SECTIONS)
    values: dict[str, Any] = {}
    for section, keys in _SECTIONS.items():
        for key in settings.section(section, keys, required=False):
            value = settings.value(section, key, _EXPECTED[keys[key]])
            values[keys[key]] = tuple(value) if isinstance(value, list) else value
    written = values.get("templates")
    defaults = Config()
    for folder in ("notes", "out", "templates"):  # written or not, from the file's folder
        values[folder] = str(path.parent / values.get(folder, getattr(defaults, folder)))
    if written is not None and not Path(values["templates"]).is_dir():  # as --templates is checked
        raise settings.error(f"templates folder {written} does not exist", "paths", "templates")
    return Config(**values)
