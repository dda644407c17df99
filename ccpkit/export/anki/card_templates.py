"""The card templates and CSS (``templates/anki/``, each file the project's or ccpkit's default), read and
checked once per build."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

from ccpkit.errors import UsageError
from ccpkit.export import ExportOptions
from ccpkit.export.anki.notetypes import NOTE_TYPES, NoteType
from ccpkit.regex import regex
from ccpkit.regular_files import linked_to_nothing, read_regular
from ccpkit.templates import require_known, template_file

STYLE_FILE = "style.css"
_FIELD_REFERENCE = regex(r"\{\{[#^/]?([^{}]+?)\}\}")
_EMPTY_TAG = regex(r"\{\{[#^/]?\s*\}\}")
_SPECIAL = {"FrontSide", "Tags", "Type", "Deck", "Subdeck", "Card", "CardFlag"}


@dataclass(frozen=True, slots=True)
class CardTemplate:
    front: str
    back: str


@dataclass(frozen=True, slots=True)
class AnkiTemplates:
    """Front and back per note type key, and the CSS every note type shares."""

    cards: dict[str, CardTemplate]
    css: str

    def digest(self) -> str:
        """A hash of every template and the CSS: it changes exactly when the look changes."""
        parts = [self.css, *(f"{key}\0{t.front}\0{t.back}" for key, t in sorted(self.cards.items()))]
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]


def load_templates(project: Path) -> AnkiTemplates:
    """Read ``anki/<key>.front.html``, ``anki/<key>.back.html`` per note type and ``anki/style.css``:
    each from the ``project`` templates folder when it has that file, else ccpkit's default."""
    names = [f"{note_type.key}.{side}.html" for note_type in NOTE_TYPES for side in ("front", "back")]
    require_known(project / "anki", [*names, STYLE_FILE])
    cards = {
        note_type.key: CardTemplate(
            front=_checked(template_file(project, f"anki/{note_type.key}.front.html"), note_type, front=True),
            back=_checked(template_file(project, f"anki/{note_type.key}.back.html"), note_type),
        )
        for note_type in NOTE_TYPES
    }
    return AnkiTemplates(cards, _read(template_file(project, f"anki/{STYLE_FILE}")))


def read_templates(options: ExportOptions) -> ExportOptions:
    """``options`` with the card templates read (``load_templates``), unless they are already."""
    if options.anki_templates is not None:
        return options
    return replace(options, anki_templates=load_templates(options.templates))


def templates_of(options: ExportOptions) -> AnkiTemplates:
    """The card templates ``read_templates`` put in ``options``: a part or a settlement reads no file."""
    if options.anki_templates is None:
        raise ValueError("the card templates are not read: read_templates(options) first")
    return options.anki_templates


def _read(path: Path) -> str:
    try:
        return read_regular(path).decode("utf-8")
    except FileNotFoundError as error:
        if (gone := linked_to_nothing(path)) is not None:
            raise UsageError(f"{path}: {gone}: fix or delete it") from error
        raise UsageError(f"{path}: Anki template missing; reinstall ccpkit") from error
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: cannot read this Anki template ({error})") from error


def _checked(path: Path, note_type: NoteType, *, front: bool = False) -> str:
    """A template Anki would refuse or render as an error on every card is a usage error, at its line:
    an unknown field, an unbalanced ``{{#section}}`` and, on a front, no field at all (a blank card)."""
    text = _read(path)
    opened: list[tuple[str, int]] = []
    used: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        if _EMPTY_TAG.search(line):
            raise UsageError(f"{path}:{number}: an empty {{{{}}}}: write a field's name in it, or delete it")
        for tag in _FIELD_REFERENCE.finditer(line):
            field = tag[1].strip().split(":")[-1]
            if field not in note_type.fields and field not in _SPECIAL:
                known = ", ".join(note_type.fields)
                raise UsageError(f"{path}:{number}: no field {field!r} in {note_type.name}; fields: {known}")
            used.add(field)
            _balance(path, number, tag[0][2:3], field, opened)
    if opened:
        field, number = opened[-1]
        raise UsageError(f"{path}:{number}: {{{{#{field}}}}} is never closed: add {{{{/{field}}}}}")
    _parsed(path, text)  # `{{Term}`: a tag left open, before it reads as no field shown
    if front and not used.intersection(note_type.fields):
        raise UsageError(f"{path}: the front shows no field, so Anki would show every card as blank")
    if note_type.cloze and not _shows_clozes(text, note_type.fields[0]):  # the clozes' field
        wanted = f"{{{{cloze:{note_type.fields[0]}}}}}"
        message = (
            f"the front shows no {wanted}, so Anki would make no card of any cloze"
            if front
            else f"the back shows no {wanted}, so Anki would refuse the note type (it reveals the clozes)"
        )
        raise UsageError(f"{path}: {message}: show it as the default template does")
    return text


def _shows_clozes(text: str, field: str) -> bool:
    """Whether a template shows ``field`` through Anki's ``cloze:`` filter (maybe among others, as in
    ``{{text:cloze:Text}}``): Anki asks it of both sides of a cloze note type, and makes the cards of
    the clozes in the field the front shows so."""
    return any(tag["field"].strip() == field for tag in _CLOZE_FIELD.finditer(text))


def _parsed(path: Path, text: str) -> None:
    """genanki reads a front with chevron to know which fields a card needs: a template chevron cannot
    parse (an unclosed ``{{!comment``) would end the build in a traceback."""
    from chevron import ChevronError
    from chevron.tokenizer import tokenize

    try:
        for _ in tokenize(text):
            pass
    except (ChevronError, IndexError) as error:
        reason = " ".join(str(error).split())
        raise UsageError(
            f"{path}: not a template genanki can read ({reason}): check its {{{{ and }}}}"
        ) from error


_CLOZE_FIELD = regex(r"\{\{\s*(?:[\w-]+:)*cloze:(?P<field>[^}]+)\}\}")
"""A field a template shows through Anki's ``cloze:`` filter (maybe among others)."""


def _balance(path: Path, number: int, sigil: str, field: str, opened: list[tuple[str, int]]) -> None:
    """Track ``{{#field}}``/``{{^field}}`` … ``{{/field}}`` pairs, which must nest properly."""
    if sigil in "#^":
        opened.append((field, number))
    elif sigil == "/":
        if not opened:
            message = f"{{{{/{field}}}}} closes a section never opened with {{{{#{field}}}}}"
            raise UsageError(f"{path}:{number}: {message}")
        if opened[-1][0] != field:
            inner, line = opened[-1]
            message = (
                f"{{{{/{field}}}}} comes before {{{{/{inner}}}}} (opened at line {line}): close that first"
            )
            raise UsageError(f"{path}:{number}: {message}")
        opened.pop()
