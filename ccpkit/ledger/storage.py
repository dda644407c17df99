"""The ledger file: one note per line, so two clones that add notes merge as text.

Format 2 (JSON Lines): a header line, an optional templates line, then one JSON object per note,
sorted by id. No line depends on its neighbours (no commas between entries, no closing brace), so
"keep both sides" of a git conflict is still a ledger (unless both sides kept one GUID), and
``ccpkit ledger merge`` (a git merge driver) settles the rest. Loading is strict: a damaged ledger is
refused, never guessed at.

Entry fields are read from the ``Entry`` dataclass itself, so a new field needs no change here; a field
with a default may be absent from a line, so adding one reads older ledgers as they are. Format 1 (one
indented JSON object) is still read, and rewritten as format 2 by the next build.
"""

from __future__ import annotations

import dataclasses
import io
import json
import pickle
import typing
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import cache
from operator import attrgetter
from pathlib import Path, PurePosixPath
from typing import Any

from ccpkit.export import Output
from ccpkit.ledger.entries import LEDGER_NAME, Entry, Ledger, LedgerError, NewerLedgerError, Stamp
from ccpkit.regular_files import linked_to_nothing, read_regular
from ccpkit.store import maker
from ccpkit.write import holds, write_atomically

FORMAT, SCOPE = "ccpkit ledger", "guid scope"
FORMAT_VERSION = 2
HEADER = {FORMAT: FORMAT_VERSION}
"""The first line. It names the format, so a merged or hand-edited file is recognised as a ledger;
a ledger started since GUIDs are made per course names its course there too (``guid scope``)."""
CONFLICT_MARKERS = ("<<<<<<<", "|||||||", "=======", ">>>>>>>")
_V1_NAMES = {"type": "note_type"}
"""Format 1 spelled one field differently."""
_REPEATED = ("note_type", "home", "deck", "module", "table")
"""Entry fields whose values repeat from note to note (a module's deck, a note type): a ledger read
from its file holds one copy of each value, as a build's own entries do (16 MB less at 50,000 notes,
and a smaller ledger in the build's store)."""
_SHARED_WHEN_KEPT = (*_REPEATED, "modified")
"""The fields the build's cache keeps as distinct values and each note's place among them: the
``_REPEATED`` ones, and the times, a few for many notes (each build dates what it sends alike), read
back as one number each (1.6 MB less at 50,000 notes)."""


def load_ledger(path: Path) -> Ledger:
    """The ledger at ``path``; an empty one if the file does not exist yet (the first build)."""
    try:
        text = read_regular(path).decode("utf-8")
    except FileNotFoundError as error:
        if (gone := linked_to_nothing(path)) is not None:  # a new ledger would give every note a new GUID
            raise LedgerError(path, gone) from error
        return Ledger()
    except UnicodeDecodeError as error:
        raise LedgerError(path, f"not UTF-8 text ({error.reason})") from error
    except OSError as error:
        raise LedgerError(path, f"cannot be read ({error.strerror})") from error
    # Only "\n" ends a line: a note's key may hold U+2028 or U+0085, which JSON leaves as they are.
    numbered = enumerate(text.split("\n"), start=1)
    lines = [(number, line) for number, line in numbered if line.strip()]
    if not lines:  # a ledger always has its header: a tool, a full disk or a cloud folder emptied it
        raise LedgerError(path, "the file is empty")
    for number, line in lines:
        if line.startswith(CONFLICT_MARKERS):
            raise LedgerError(
                path,
                f"line {number}: git left a merge conflict here ({line.split()[0]}). Install the ledger's "
                f"merge driver (README, 'Two computers') and run `git checkout -m -- {path.name}` in its "
                f"folder to redo the merge; or keep both sides' lines and delete the marker lines",
            )
    header = _header(lines[0][1]) if lines else None
    scope = header.get(SCOPE, "") if header is not None else ""
    if header is not None and header.get(FORMAT) == FORMAT_VERSION and isinstance(scope, str):
        return replace(_format_2(path, lines[1:]), guid_scope=scope)
    if header is not None:
        raise LedgerError(path, f"line 1: a ledger of another format ({_line(header)}); upgrade ccpkit")
    if lines and _note_or_templates(lines[0][1]):  # the header was cut off
        raise LedgerError(path, f"line {lines[0][0]}: the ledger's first line, {_line(HEADER)} …, is missing")
    return _format_1(path, text)


def dump_ledger(ledger: Ledger) -> bytes:
    """Format 2: the header, the templates, then one line per note sorted by id."""
    return b"".join(ledger_lines(ledger))


KeptLedger = tuple[
    tuple[str, int] | None,
    str,
    tuple[str, ...],
    tuple[tuple[Any, ...] | tuple[tuple[str, ...], tuple[int, ...]], ...],
]
"""A ledger in plain tuples, as the build's cache keeps it: the templates stamp, the GUID scope, the note
ids in the order of their lines, and each ``Entry`` field's values in that order (for a field of
``_SHARED_WHEN_KEPT``, its distinct values and each note's place among them)."""


def ledger_lines(ledger: Ledger, earlier: Ledger | None = None, lines: Sequence[bytes] = ()) -> list[bytes]:
    """The ledger's file, format 2, a line (with its line break) at a time: the build writes and digests
    them as they are, so the file is never one more block of megabytes. A note equal to one of
    ``earlier`` takes its line from ``lines``, the lines of the file ``earlier`` was written as (lines
    of another length are of another file: every line is then made afresh)."""
    head = [_line({**HEADER, SCOPE: ledger.guid_scope} if ledger.guid_scope else HEADER)]
    if ledger.templates is not None:
        head.append(_line({"templates": ledger.templates.hash, "modified": ledger.templates.modified}))
    skipped = 1 if earlier is None or earlier.templates is None else 2  # its header and templates lines
    known: Mapping[str, Entry] = {}
    if earlier is not None and len(lines) == skipped + len(earlier.notes):
        known = earlier.notes
    kept = dict(zip(known, lines[skipped:], strict=True)) if known else {}
    made = [f"{line}\n".encode() for line in head]
    for key, entry in sorted(ledger.notes.items()):
        if (old := known.get(key)) is not None and (old is entry or old == entry):
            made.append(kept[key])
        else:
            made.append(f"{_note_line(key, entry)}\n".encode())
    return made


def kept_ledger(ledger: Ledger) -> bytes:
    """``ledger`` pickled for the build's cache (its lines are in its file). Without pickle's memo,
    which would hold a reference to every value (35 MB more at 50,000 notes, at the end of a build);
    a repeated field's values are shared by hand instead, as the file's reader shares them."""
    stamp = ledger.templates
    keys = sorted(ledger.notes)
    entries = list(map(ledger.notes.__getitem__, keys))
    columns: list[Any] = []
    for name in _entry_fields():
        values = tuple(map(attrgetter(name), entries))  # a field of every note, without a loop of ours
        if name in _SHARED_WHEN_KEPT:
            distinct = {value: place for place, value in enumerate(dict.fromkeys(values))}
            columns.append((tuple(distinct), tuple(map(distinct.__getitem__, values))))
        else:
            columns.append(values)
    kept: KeptLedger = (
        None if stamp is None else (stamp.hash, stamp.modified),
        ledger.guid_scope,
        tuple(keys),
        tuple(columns),
    )
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True  # plain values, none holding another twice
    pickler.dump(kept)
    return buffer.getvalue()


def unkept_ledger(kept: KeptLedger) -> Ledger:
    """The ledger ``kept_ledger`` made ``kept`` of, its notes in the order of their lines."""
    stamp, guid_scope, keys, kept_columns = kept
    columns = [
        [column[0][place] for place in column[1]] if name in _SHARED_WHEN_KEPT else column
        for name, column in zip(_entry_fields(), kept_columns, strict=True)
    ]
    made = maker(Entry)  # under half Entry(**fields)'s time
    entries = dict(zip(keys, map(made, zip(*columns, strict=True)), strict=True))
    return Ledger(entries, None if stamp is None else Stamp(*stamp), guid_scope)


def record_ledger(notes: Path, ledger: Ledger, data: bytes | None = None) -> tuple[Path, ...]:
    """Write ``ledger`` (as ``data``, when dumped already) into the notes folder, only when it differs
    (an unchanged ledger stays untouched for git and for the no-op check); the path written, if any.
    Build, sync and ``orphans --forget`` all record it here."""
    data = dump_ledger(ledger) if data is None else data
    if holds(notes / LEDGER_NAME, data):
        return ()
    return (write_atomically(notes, Output(PurePosixPath(LEDGER_NAME), data)),)


def _note_line(key: str, entry: Entry) -> str:
    """A note's line: its id, then each field that does not hold its default, in ``Entry``'s order."""
    defaults = _defaults()
    line = {"id": key}
    for name in _entry_fields():
        value = getattr(entry, name)
        if name not in defaults or value != defaults[name]:
            line[name] = value
    return _line(line)


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))
"""What ``json.dumps`` makes afresh for every line given these options."""


def _line(value: Mapping[str, Any]) -> str:
    return _ENCODER.encode(value)


def _format_2(path: Path, lines: list[tuple[int, str]]) -> Ledger:
    """The lines after the header: the templates line and note lines, in any order."""
    notes: dict[str, Entry] = {}
    where: dict[str, int] = {}
    shared: dict[str, str] = {}
    templates = None
    for number, line in lines:
        value = _parsed(path, number, line)
        if "templates" in value:
            if templates is not None or not _typed(value, {"templates": str, "modified": int}):
                raise LedgerError(
                    path, f'line {number}: one templates line, with a "templates" hash and a "modified" time'
                )
            templates = Stamp(value["templates"], value["modified"])
            continue
        key = value.pop("id", None)
        if not isinstance(key, str) or not key:
            raise LedgerError(path, f'line {number}: a note line needs its "id"')
        if key in notes:
            raise LedgerError(
                path,
                f"line {number}: note {key} is listed twice (lines {where[key]} and {number}), as keeping "
                f"both sides of a git conflict leaves it. Delete one of the two lines, or merge with "
                f"`ccpkit ledger merge` (README, 'Two computers')",
            )
        notes[key], where[key] = _entry(path, f"line {number}: note {key}", value, shared), number
    return _checked(path, Ledger(dict(sorted(notes.items())), templates), where)


def _header(line: str) -> dict[str, Any] | None:
    """The first line if it names a ledger format (ours or another), else None (format 1 or damage)."""
    try:
        value = json.loads(line)
    except (json.JSONDecodeError, RecursionError):
        return None
    return value if isinstance(value, dict) and FORMAT in value and set(value) <= {FORMAT, SCOPE} else None


def _note_or_templates(line: str) -> bool:
    """Whether the line is a note's or the templates' line of format 2 (format 1 is one object holding
    ``version``, mostly over many lines)."""
    try:
        value = json.loads(line)
    except (json.JSONDecodeError, RecursionError):
        return False
    return isinstance(value, dict) and "version" not in value and ("id" in value or "templates" in value)


def _parsed(path: Path, number: int, line: str) -> dict[str, Any]:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as error:
        raise LedgerError(path, f"line {number}: not valid JSON ({error.msg})") from error
    except RecursionError:
        raise LedgerError(path, f"line {number}: not a ledger line (its JSON nests too deep)") from None
    if not isinstance(value, dict):
        raise LedgerError(path, f"line {number}: each line must be one JSON object")
    return value


def _format_1(path: Path, text: str) -> Ledger:
    """The indented single-object format of earlier versions, read as it was written."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise LedgerError(path, f"line {error.lineno}: not valid JSON ({error.msg})") from error
    except RecursionError:
        raise LedgerError(path, "not a ccpkit ledger (its JSON nests too deep)") from None
    if not isinstance(data, dict) or data.get("version") != 1 or isinstance(data.get("version"), bool):
        raise LedgerError(path, f"not a ccpkit ledger (its first line must be {_line(HEADER)})")
    notes, templates = data.get("notes"), data.get("templates")
    if not isinstance(notes, dict):
        raise LedgerError(path, '"notes" must map note ids to entries')
    entries = {}
    for key, value in notes.items():
        if not isinstance(value, dict):
            raise LedgerError(path, f"entry {key!r} is damaged: it must be an object")
        entries[key] = _entry(path, f"entry {key!r}", _from_format_1(value))
    stamp = None
    if templates is not None:
        if not isinstance(templates, dict) or not _typed(templates, {"hash": str, "modified": int}):
            raise LedgerError(path, '"templates" must hold a "hash" text and a "modified" number')
        stamp = Stamp(templates["hash"], templates["modified"])
    return _checked(path, Ledger(dict(sorted(entries.items())), stamp))


def _from_format_1(value: Mapping[str, Any]) -> dict[str, Any]:
    """A format 1 entry's fields as format 2 names them (``type`` was ``note_type``)."""
    return {_V1_NAMES.get(str(name), str(name)): field for name, field in value.items()}


def _entry(path: Path, what: str, value: Mapping[str, Any], shared: dict[str, str] | None = None) -> Entry:
    """An ``Entry`` from its stored fields; unknown names are refused, absent ones need a default. The
    values of ``_REPEATED`` fields are taken from ``shared`` when an earlier line held them."""
    fields, shapes = _entry_fields(), _shapes()
    unknown = sorted(set(value) - set(fields))
    missing = [name for name, (_, required) in fields.items() if required and name not in value]
    values = {name: _widened(field, shapes[name][0]) for name, field in value.items() if name in shapes}
    wrong = [name for name in fields if name in values and not _fits(values[name], *shapes[name])]
    if unknown and not missing and not wrong and value.get("guid"):
        raise NewerLedgerError(path, f"{what} records {', '.join(f'{name!r}' for name in unknown)}")
    if unknown or missing or wrong or not value.get("guid"):
        problems = [
            *(f'"{name}" is missing' for name in missing),
            *(f'"{name}" {_wrong(values[name])}' for name in wrong),
            *(f'"{name}" is unknown' for name in unknown),
        ]
        raise LedgerError(path, f"{what} is damaged: {'; '.join(problems) or 'its GUID is empty'}")
    if shared is not None:
        for name in _REPEATED:
            if isinstance(text := values.get(name), str):
                values[name] = shared.setdefault(text, text)
    return Entry(**values)


def _wrong(value: Any) -> str:
    """What is wrong with a value that does not fit its field: a whole number beyond Anki's, or a type."""
    whole = isinstance(value, int) and not isinstance(value, bool)
    return "is out of range" if whole else "has the wrong type"


def _checked(path: Path, ledger: Ledger, where: Mapping[str, int] | None = None) -> Ledger:
    """Two notes with one GUID would make Anki update one with the other's content: refused, naming
    their lines (``where``, by note) when the file has lines."""
    owners: dict[str, str] = {}
    for key, entry in ledger.notes.items():
        if entry.guid in owners:
            other = owners[entry.guid]
            lines = f"lines {where[other]} and {where[key]}: " if where else ""
            raise LedgerError(
                path,
                f"{lines}notes {other} and {key} share the GUID {entry.guid!r}, as keeping both sides of a "
                f"git conflict leaves it when one computer renamed a note the other changed. Redo the merge "
                f"with the ledger's merge driver (README, 'Two computers': "
                f"`git checkout -m -- {path.name}`), or delete the line of the id your notes no longer have",
            )
        owners[entry.guid] = key
    return ledger


@cache
def _entry_fields() -> dict[str, tuple[Any, bool]]:
    """Each ``Entry`` field's type and whether a line must give it (it has no default)."""
    hints = typing.get_type_hints(Entry)
    return {
        field.name: (
            hints[field.name],
            field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING,
        )
        for field in dataclasses.fields(Entry)
    }


@cache
def _defaults() -> dict[str, Any]:
    """Each optional ``Entry`` field's default: a line leaves a field out when it holds its default."""
    return {
        field.name: field.default
        for field in dataclasses.fields(Entry)
        if field.default is not dataclasses.MISSING
    }


@cache
def _shapes() -> dict[str, tuple[bool, type]]:
    """Each ``Entry`` field: whether it holds a tuple, and the type of its value (or of each item),
    worked out once rather than for every field of every line."""
    shapes = {}
    for name, (hint, _) in _entry_fields().items():
        many = typing.get_origin(hint) is tuple
        shapes[name] = (many, typing.get_args(hint)[0] if many else hint)
    return shapes


def _widened(value: Any, many: bool) -> Any:
    """A stored value as the field holds it: a list as a tuple, and one text where texts are wanted
    (a field widened from one text to several reads older ledgers as they are)."""
    if many:
        return (value,) if isinstance(value, str) else tuple(value) if isinstance(value, list) else value
    return value


def _fits(value: Any, many: bool, kind: type) -> bool:
    """Whether a value fits a field of this shape (``_shapes``)."""
    if many:
        return isinstance(value, tuple) and all(_conforms(one, kind) for one in value)
    return _conforms(value, kind)


def _conforms(value: Any, hint: Any) -> bool:
    """Whether a value fits a field type: ``str``, ``int``, ``bool`` or ``tuple[str, ...]``."""
    if hint is int:  # a time or count as Anki's database holds it (a 64-bit integer)
        return (
            isinstance(value, int)
            and not isinstance(value, bool)
            and -_INTEGER_LIMIT <= value < _INTEGER_LIMIT
        )
    if isinstance(hint, type):
        return isinstance(value, hint)
    if typing.get_origin(hint) is tuple:
        (item, _) = typing.get_args(hint)
        return isinstance(value, tuple) and all(_conforms(one, item) for one in value)
    return False


_INTEGER_LIMIT = 2**63


def _typed(value: Mapping[str, Any], types: Mapping[str, type]) -> bool:
    return all(_conforms(value.get(name), kind) for name, kind in types.items())
