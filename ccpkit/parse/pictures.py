"""Pictures in the notes (``![alt](path)``): each local file read once, named after its bytes, and the
item's text rewritten to that name, so a field's HTML stays a pure function of the item's text.

This runs after the (cached) parse of a module's Markdown, on every build: a picture that changed while
its notes did not is read afresh. Nothing is fetched: a remote picture stays a link, with a warning.
A path that leads outside the notes folder is an error, as is a missing, unreadable or damaged file.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, TypeVar, assert_never
from urllib.parse import quote, unquote

from ccpkit.embeds import EMBED, URL_SCHEME, read_embed
from ccpkit.errors import Problem, Severity
from ccpkit.markup import embedded_notes, picture_sources
from ccpkit.model import MCQ, Card, Cloze, ComparisonTable, Item, Passage, Picture, SourceLocation
from ccpkit.regex import regex
from ccpkit.regular_files import read_regular

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

_DESTINATION = regex(r"(!\[(?:[^\]\\\n]|\\.)*\]\(\s*)(<[^<>\n]*>|(?:[^\s()\\]|\\.)+)")
"""An image's destination as written (``path`` or ``<path with spaces>``), to rewrite in place."""
_SIZE_IN_ALT = regex(r"\\?\|\d+(?:x\d+)?(?=\]\()")
"""Obsidian's width after an image's alt text (``![tree|200](tree.png)``): no words of it."""
_ESCAPED = regex(r"\\([!-/:-@\[-`{-~])")
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
)
NAME_PREFIX = "ccpkit-"


@dataclass
class _Resolver:
    """Resolves one module's pictures; a file used by several items is read once."""

    notes: Path
    pictures: dict[str, Picture] = field(default_factory=dict)
    problems: dict[Problem, None] = field(default_factory=dict)
    _files: dict[Path, Picture | str] = field(default_factory=dict)
    failed: bool = False
    """Whether an error was found since this was last reset (an error leaves its item out)."""
    _vault: list[Path] | None = None
    """Every file of the notes folder, listed when an embed names a file found nowhere nearer."""

    def text(self, markdown: str, source: SourceLocation) -> str:
        """``markdown`` with each local picture's path (or embedded name) replaced by the picture's
        content name."""
        if "![" not in markdown:
            return markdown
        for name in embedded_notes(markdown) if "![[" in markdown else ():
            message = f"embedded note {name} is not copied in: its name shows; write here what to learn"
            self._problem(source, message, "warning")
        parsed = {unquote(src) for src, _alt in picture_sources(markdown)}
        if "" in parsed:
            self._problem(
                source, "picture with no file (`![…]()`): write its path between the brackets", "warning"
            )
        if not parsed - {""}:
            return markdown

        def rewrite(match: re.Match[str]) -> str:
            written = match.group(2)
            path = unquote(_ESCAPED.sub(r"\1", written.removeprefix("<").removesuffix(">")))
            if path not in parsed:
                return match.group(0)
            picture = self._picture(path, source)
            if picture is None:
                return match.group(0)
            return _SIZE_IN_ALT.sub("", match.group(1)) + picture.name

        def rewrite_embed(match: re.Match[str]) -> str:
            embed = read_embed(match)
            if not embed.is_picture or embed.target not in parsed:  # an embedded note, or in code
                return match.group(0)
            picture = self._picture(embed.target, source, embedded=True)
            if picture is None:
                return match.group(0)
            return "![[" + picture.name + match.group(0)[match.end("target") - match.start() :]

        return EMBED.sub(rewrite_embed, _DESTINATION.sub(rewrite, markdown))

    def _picture(self, written: str, source: SourceLocation, *, embedded: bool = False) -> Picture | None:
        if written[:5].lower() == "data:":
            self._shown_wrong(
                written,
                source,
                f"picture {written[:30]}… is written into the notes as a data: address, which no output "
                "reads: save it as a file beside the notes and link the file",
                "warning",
            )
            return None
        if URL_SCHEME.match(written):
            self._shown_wrong(
                written,
                source,
                f"picture {written} is not fetched (builds are offline): it shows as a link; "
                "save the picture beside the notes and link the file to have it in the deck",
                "warning",
            )
            return None
        root = self.notes.resolve()
        folder = root / PurePosixPath(source.path).parent
        try:
            path = self._in_vault(written, folder, root) if embedded else _local_file(folder, written)
        except (OSError, RuntimeError, ValueError):  # a link that leads to itself; a NUL in the name
            self._shown_wrong(
                written,
                source,
                f"picture {written.replace(chr(0), '%00')} cannot be looked up (a link on its path "
                "leads to itself, or its name holds a NUL, `%00`): fix its path",
            )
            return None
        if path is None:
            self._shown_wrong(
                written,
                source,
                f"picture {written} is not in the notes folder: save it there (in any folder) or fix "
                "its name",
            )
            return None
        if not path.is_relative_to(root):
            self._shown_wrong(
                written, source, f"picture {written} is outside the notes folder: move it inside"
            )
            return None
        if any(part.startswith(".") for part in path.relative_to(root).parts):
            self._shown_wrong(
                written,
                source,
                f"picture {written} is hidden (a name on its path starts with a dot), so builds do not "
                "see it change: rename that folder or file",
            )
            return None
        found = self._files.get(path)
        if found is None:
            found = self._files[path] = _read(path, written)
        if isinstance(found, str):
            self._shown_wrong(written, source, found)
            return None
        self.pictures.setdefault(found.name, found)
        if found.name.endswith(".svg"):
            from ccpkit.svg import svg_problem  # XML parsing: only for a course with SVG pictures

            undrawable = svg_problem(found.data)
            if undrawable:
                message = f"picture {written} {undrawable}: the PDFs show its alt text instead"
                self._shown_wrong(written, source, message, "warning")
        return found

    def _shown_wrong(
        self, written: str, source: SourceLocation, message: str, severity: Severity = "error"
    ) -> None:
        """A problem with the picture ``written`` of the item at ``source``, at the line that shows it:
        the first from the item's start that holds it (a table's row, a question's option), else the
        nearest above it (a picture over a question, asked with it)."""
        try:
            lines = (self.notes / source.path).read_text(encoding="utf-8", errors="replace").split("\n")
        except OSError:
            lines = []
        below, above = range(source.line - 1, len(lines)), range(source.line - 2, -1, -1)
        found = (n for n in (*below, *above) if written in lines[n] or quote(written) in lines[n])
        line = next(found, None)  # above it: a picture a question asks about (`the figure above`)
        self._problem(source if line is None else SourceLocation(source.path, line + 1), message, severity)

    def _in_vault(self, written: str, folder: Path, root: Path) -> Path | None:
        """Where an embed's file is, as Obsidian finds it: beside the note, at that path from the notes
        folder ``root``, or else the file of that name nearest the note anywhere in the notes folder."""
        for path in ((folder / written).resolve(), (root / written).resolve()):
            if path.is_file():
                return path
        if self._vault is None:
            self._vault = sorted(
                path.resolve()
                for path in root.rglob("*")
                if not any(part.startswith(".") for part in path.relative_to(root).parts) and path.is_file()
            )
        suffix = PurePosixPath(written).parts
        named = [path for path in self._vault if path.parts[-len(suffix) :] == suffix]
        return max(named, key=lambda path: _shared_length(path, folder), default=None)

    def _problem(self, source: SourceLocation, message: str, severity: Severity = "error") -> None:
        self.problems[Problem(source, message, severity)] = None
        self.failed = self.failed or severity == "error"


def _local_file(folder: Path, written: str) -> Path:
    """The file a picture's path names from ``folder``; a query or fragment after it (GitHub's
    ``image.png?raw=true``) is no part of a file's name, unless a file is named so."""
    path = (folder / written).resolve()
    plain = re.split(r"[?#]", written, maxsplit=1)[0]
    return path if plain == written or path.exists() else (folder / plain).resolve()


def _shared_length(path: Path, folder: Path) -> int:
    """How many folders ``path`` shares with ``folder`` from the top: the nearer, the more."""
    shared = 0
    for mine, theirs in zip(path.parent.parts, folder.parts, strict=False):
        if mine != theirs:
            break
        shared += 1
    return shared


def _read(path: Path, written: str) -> Picture | str:
    """The picture at ``path``, or what is wrong with it."""
    try:
        data = read_regular(path)
    except FileNotFoundError:
        return f"picture {written} does not exist: fix the path (relative to this notes file)"
    except OSError as error:
        return f"picture {written} cannot be read: {error.strerror or error}"
    kind = _kind(data, path)
    if kind is None:
        return f"picture {written} is not a PNG, JPEG, GIF or SVG file"
    damage = _damage(data) if kind in ("png", "gif") else None
    if damage:
        return f"picture {written} is damaged ({damage}): save it again from the program that made it"
    return Picture(f"{NAME_PREFIX}{hashlib.sha256(data).hexdigest()[:24]}.{kind}", data, path.name)


def _damage(data: bytes) -> str | None:
    """What stops a PNG or GIF from decoding whole (a cut-off download, a broken copy): the PDFs
    decode it, and Anki could not show it either. A JPEG goes into a PDF as it is, undecoded."""
    from PIL import Image  # 40 ms to import: only when the notes show a PNG or GIF

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
    except Exception as error:  # Pillow raises OSError, SyntaxError, ValueError … by what is broken
        return _IN_MEMORY.sub("", str(error)).strip() or type(error).__name__
    return None


_IN_MEMORY = regex(r"\s*<[^<>\n]* object at 0x[0-9a-fA-F]+>")
"""Pillow's name for the bytes it was given (``<_io.BytesIO object at 0x7f…>``): no part of what to fix."""


def _kind(data: bytes, path: Path) -> str | None:
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    if path.suffix.lower() == ".svg" and b"<svg" in data[:4096]:
        return "svg"
    return None


def with_pictures(
    notes: Path, items: tuple[Item, ...], passages: tuple[Passage, ...]
) -> tuple[tuple[Item, ...], tuple[Passage, ...], tuple[Picture, ...], tuple[Problem, ...]]:
    """A module's items and passages with their pictures named by content, the pictures, and the
    problems (missing, outside the notes folder, not a picture; a remote picture and an SVG the PDFs
    cannot draw warn). An item with a picture error is left out, as any item with an error; a passage
    prints as written."""
    resolver = _Resolver(notes)
    kept: list[Item] = []
    for item in items:
        resolver.failed = False
        pictured = _item(item, resolver)
        if not resolver.failed:
            kept.append(pictured)
    items = tuple(kept)
    passages = tuple(_changed(p, text=resolver.text(p.text, p.source)) for p in passages)
    return items, passages, tuple(resolver.pictures.values()), tuple(resolver.problems)


def _item(item: Item, resolver: _Resolver) -> Item:
    def text(markdown: str) -> str:
        return resolver.text(markdown, item.source)

    match item:
        case Card():
            return _changed(item, front=text(item.front), back=text(item.back), lead_in=text(item.lead_in))
        case ComparisonTable():
            rows = tuple(tuple(text(cell) for cell in row) for row in item.rows)
            return _changed(item, title=text(item.title), columns=tuple(map(text, item.columns)), rows=rows)
        case Cloze():
            return _changed(item, text=text(item.text), extra=text(item.extra))
        case MCQ():
            options = tuple(_changed(option, text=text(option.text)) for option in item.options)
            return _changed(item, stem=text(item.stem), options=options, explanation=text(item.explanation))
        case _:
            assert_never(item)


T = TypeVar("T", bound="DataclassInstance")


def _changed(value: T, **texts: object) -> T:
    """``value`` with these texts, or ``value`` itself when none changed (most show no picture): this
    runs over every item on every build, and a new item would be checked again field by field."""
    if all(getattr(value, name) == text for name, text in texts.items()):
        return value
    return replace(value, **texts)
