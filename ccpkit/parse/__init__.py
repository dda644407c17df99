"""Markdown notes folder → the model (``Deck``), plus every problem found on the way."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ccpkit.errors import NoNotesError, Problem, UsageError
from ccpkit.incremental import digest
from ccpkit.memo import Memo
from ccpkit.model import Deck, Item, Module, Passage, SourceLocation
from ccpkit.parse.context import Context
from ccpkit.parse.document import Document
from ccpkit.parse.duplicates import unique_items
from ccpkit.parse.notes_folder import (
    ModuleFiles,
    course_title,
    document_of,
    find_modules,
    misnamed,
    read_notes_file,
)
from ccpkit.parse.passages import passages
from ccpkit.parse.pictures import with_pictures
from ccpkit.parse.rules import RULES

MEMO_GROUP = "parse"


@dataclass(frozen=True, slots=True)
class Parsed:
    """A deck of every item that parsed, and the problems (errors drop an item; warnings don't)."""

    deck: Deck
    problems: tuple[Problem, ...] = ()
    reread: frozenset[str] | None = None
    """The notes files parsed afresh (paths as in problems); the others' findings came from the memo.
    ``None``: every file was parsed. A build shows the problems of these files in full."""

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")


@dataclass(frozen=True, slots=True)
class _Found:
    """What one module's files hold: its title, its items in file order, and their problems."""

    title: str
    items: tuple[Item, ...]
    problems: tuple[Problem, ...]
    passages: tuple[Passage, ...] = ()


def parse_notes(
    notes: Path,
    *,
    title: str | None = None,
    highlight_clozes: bool = True,
    memo: Memo | None = None,
) -> Parsed:
    """Parse every Markdown file under ``notes`` into one deck titled ``title`` (default: after the
    notes folder). ``memo`` keeps each module's findings, so a module whose files did not change is
    not parsed again. ``highlight_clozes``: whether ``==text==`` is a cloze (``[notes] highlight_clozes``)."""
    if title is not None and not title.strip():
        raise UsageError("the course title is empty: pass --title TEXT or set [course] title in ccpkit.toml")
    modules_found = find_modules(notes)
    problems: list[Problem] = misnamed(notes)
    if not problems and not any(files.files for files in modules_found):
        raise NoNotesError(notes)
    distinct = _distinct(modules_found, notes, problems)
    settings = _Settings(notes, highlight_clozes)
    found, reread = _found(settings, distinct, memo or Memo())
    problems += [problem for module in found for problem in module.problems]
    unique, duplicates = unique_items(item for module in found for item in module.items)
    problems += duplicates
    by_module: dict[str, list[Item]] = {}
    for item in unique:
        by_module.setdefault(item.module, []).append(item)
    modules = tuple(
        _module(notes, files, module.title, tuple(by_module.get(files.slug, ())), module.passages, problems)
        for files, module in zip(distinct, found, strict=True)
    )
    deck = Deck(title=course_title(notes) if title is None else title, modules=modules)
    return Parsed(deck, tuple(sorted(problems)), reread)


def _module(
    notes: Path,
    files: ModuleFiles,
    title: str,
    items: tuple[Item, ...],
    written: tuple[Passage, ...],
    problems: list[Problem],
) -> Module:
    """The module, its pictures read now (a changed picture in unchanged notes is seen)."""
    items, written, pictures, found = with_pictures(notes, items, written)
    problems += found
    return Module(
        number=files.number, slug=files.slug, title=title, items=items, passages=written, pictures=pictures
    )


def _distinct(modules: list[ModuleFiles], notes: Path, problems: list[Problem]) -> list[ModuleFiles]:
    """Modules with distinct slugs; a second ``foo`` (file ``foo.md`` beside folder ``foo/``) is left out."""
    seen: dict[str, ModuleFiles] = {}
    for files in modules:
        first = seen.setdefault(files.slug, files)
        if first is not files and files.files:
            where = SourceLocation(path=files.files[0].relative_to(notes).as_posix(), line=1)
            message = f"module {files.slug} is already named by {first.name}: rename this file or folder"
            problems.append(Problem(where, message))
    return list(seen.values())


@dataclass(frozen=True, slots=True)
class _Read:
    """A module's files, each read once: the memo key digests exactly what is then parsed."""

    files: ModuleFiles
    contents: tuple[bytes | Problem, ...]
    key: str
    """Digest of the paths and bytes; empty (never kept) when a file could not be read."""


@dataclass(frozen=True, slots=True)
class _Settings:
    """What parsing a module reads besides its files: part of the memo key."""

    notes: Path
    highlight_clozes: bool


def _found(
    settings: _Settings, modules: list[ModuleFiles], memo: Memo
) -> tuple[list[_Found], frozenset[str]]:
    """Each module's findings, kept ones from the memo, the others parsed; and the files parsed."""
    notes = settings.notes
    read = [_read(settings, files) for files in modules]
    found = [memo.recall(MEMO_GROUP, one.files.slug, one.key, _Found) if one.key else None for one in read]
    stale = [one for one, module in zip(read, found, strict=True) if module is None]
    parsed = iter([_parse_module(settings, one) for one in stale])
    for index, one in enumerate(read):
        if found[index] is None:
            found[index] = next(parsed)
            if one.key:
                memo.keep(MEMO_GROUP, one.files.slug, one.key, found[index])
    reread = frozenset(path.relative_to(notes).as_posix() for one in stale for path in one.files.files)
    return [module for module in found if module is not None], reread


def _read(settings: _Settings, files: ModuleFiles) -> _Read:
    contents = tuple(read_notes_file(settings.notes, path) for path in files.files)
    readable = all(isinstance(data, bytes) for data in contents)
    read = (data for data in contents if isinstance(data, bytes))
    key = digest(repr(files), repr(settings.highlight_clozes), *read) if readable else ""
    return _Read(files, contents, key)


def _parse_module(settings: _Settings, read: _Read) -> _Found:
    """A module's title (front matter ``module_title`` of its first file that has one), items, problems."""
    notes = settings.notes
    files = read.files
    title, titled_by = "", None
    items: list[Item] = []
    problems: list[Problem] = []
    written: list[Passage] = []
    for path, data in zip(files.files, read.contents, strict=True):
        document = (
            data if isinstance(data, Problem) else document_of(path.relative_to(notes).as_posix(), data)
        )
        if isinstance(document, Problem):
            problems.append(document)
            continue
        named = document.front_matter.get("module_title", "").strip()
        if named and titled_by is None:
            title, titled_by = named, _front_matter_location(document, "module_title")
        elif named and titled_by is not None and named != title:
            problems.append(_disagreeing_title(document, named, title, titled_by))
        title = title or (document.part if files.single_file else "")
        ctx = Context(files.slug, document, highlight_clozes=settings.highlight_clozes)
        questions = _extract(ctx, items, problems)
        written += passages(ctx, questions)
    return _Found(title or files.fallback_title, tuple(items), tuple(problems), tuple(written))


def _disagreeing_title(document: Document, named: str, title: str, titled_by: SourceLocation) -> Problem:
    """A file moved in from another module keeps that module's title: it must not go unnoticed."""
    return Problem(
        _front_matter_location(document, "module_title"),
        f"module_title {named!r} disagrees with {title!r} at {titled_by}, which titles this module "
        f"(its files are read in name order): give both the same title, or remove this one",
        "warning",
    )


def _front_matter_location(document: Document, key: str) -> SourceLocation:
    """Where ``key:`` sits in the front matter (which starts at line 1), for the message."""
    line = next(
        (number for number, text in enumerate(document.lines, start=1) if text.startswith(f"{key}:")), 1
    )
    return SourceLocation(document.path, line)


def _extract(ctx: Context, items: list[Item], problems: list[Problem]) -> frozenset[int]:
    """Run every rule over one file, adding its items in the file's order; returns the blocks the
    question rule claimed (printed outputs leave questions out)."""
    found: list[Item] = []
    questions: frozenset[int] = frozenset()
    for name, rule in RULES:
        for result in rule(ctx):
            if isinstance(result, Problem):
                problems.append(result)
            else:
                found.append(result)
        if name == "mcq":
            questions = frozenset(ctx.claimed)
    items += sorted(found, key=lambda item: item.source.line)
    return questions
