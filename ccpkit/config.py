"""Project configuration from ``ccpkit.toml``: one place for titles, paths, outputs and exam defaults."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ccpkit.errors import UsageError
from ccpkit.export import ExportOptions

CONFIG_FILE = "ccpkit.toml"
FORMATS = ("anki", "csv", "pdf", "json")


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """Settings a user may put in ``ccpkit.toml``; command-line options override them."""

    title: str | None = None
    """Course title: PDF headers and the Anki parent deck name (unless ``deck`` is set). ``None``: the
    notes folder's name, so no course is built into ccpkit."""
    deck: str = ""
    """Anki parent deck name; empty means the course title."""
    notes: str = "source_notes"
    out: str = "build"
    templates: str = "templates"
    formats: tuple[str, ...] = FORMATS
    paper: str = "A4"
    exam_count: int | None = None
    exam_seed: int = 0
    exam_modules: tuple[int, ...] = ()
    anki_link_tables: bool = False

    def merged(self, **overrides: Any) -> Config:
        """This configuration with the command-line values that were given (not ``None`` or empty)."""
        given = {key: value for key, value in overrides.items() if value not in (None, ())}
        return replace(self, **given)

    def export_options(self) -> ExportOptions:
        return ExportOptions(
            templates=Path(self.templates),
            deck_name=self.deck,
            paper="Letter" if self.paper == "Letter" else "A4",
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
}


def _text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)  # TOML `true` is not the number 1


_VALID: dict[str, tuple[Any, str]] = {
    "title": (_text, "a non-empty string"),
    "deck": (_text, "a non-empty string"),
    "notes": (_text, "a folder path"),
    "out": (_text, "a folder path"),
    "templates": (_text, "a folder path"),
    "formats": (
        lambda v: isinstance(v, list) and all(f in FORMATS for f in v),
        f"a list drawn from {list(FORMATS)}",
    ),
    "paper": (lambda v: v in ("A4", "Letter"), '"A4" or "Letter"'),
    "exam_count": (lambda v: _whole(v) and v >= 1, "a whole number, 1 or more"),
    "exam_seed": (_whole, "a whole number"),
    "exam_modules": (lambda v: isinstance(v, list) and all(map(_whole, v)), "a list of module numbers"),
    "anki_link_tables": (lambda v: isinstance(v, bool), "true or false"),
}


def load_config(path: Path) -> Config:
    """Read ``path`` if it exists (defaults otherwise); unknown sections or keys are errors naming them."""
    if not path.is_file():
        return Config()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: not valid TOML: {error}") from None
    values: dict[str, Any] = {}
    for section, table in raw.items():
        keys = _SECTIONS.get(section)
        if keys is None or not isinstance(table, dict):
            known = ", ".join(f"[{name}]" for name in _SECTIONS)
            raise UsageError(f"{path}: unknown section [{section}]; known sections: {known}")
        for key, value in table.items():
            if key not in keys:
                raise UsageError(f"{path}: unknown key {key!r} in [{section}]; known: {', '.join(keys)}")
            valid, expected = _VALID[keys[key]]
            if not valid(value):
                raise UsageError(f"{path}: {section}.{key} = {value!r} is invalid; expected {expected}")
            values[keys[key]] = tuple(value) if isinstance(value, list) else value
    return Config(**values)
