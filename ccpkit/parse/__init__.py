"""Markdown notes folder → the model (``Deck``), plus every problem found on the way."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ccpkit.errors import Problem, UsageError
from ccpkit.incremental import digest
from ccpkit.memo import Memo
from ccpkit.model import DEFAULT_TITLE, Deck, Item, Module, SourceLocation
from ccpkit.parallel import Workers, workers
from ccpkit.parse.context import Context
from ccpkit.parse.merge import unique_items
from ccpkit.parse.notes import MAX_FILE_BYTES, ModuleFiles, find_modules, misnamed, read_document
from ccpkit.parse.rules import RULES

PARALLEL_FROM = 256 * 1024
"""Notes larger than this (bytes) are parsed module by module on every core."""
MEMO_GROUP = "parse"


@dataclass(frozen=True, slots=True)
class Parsed:
    """A deck of every item that parsed, and the problems (errors drop an item; warnings don't)."""

    deck: Deck
    problems: tuple[Problem, ...] = ()

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


def parse_notes(
    notes: Path, *, title: str = DEFAULT_TITLE, memo: Memo | None = None, on: Workers | None = None
) -> Parsed:
    """Parse every Markdown file under ``notes`` into one deck, large notes on the workers ``on``
    (default: workers of its own). ``memo`` keeps each module's findings, so a module whose files did
    not change is not parsed again."""
    if not title.strip():
        raise UsageError("the course title is empty: pass --title TEXT or set [course] title in ccpkit.toml")
    modules_found = find_modules(notes)
    problems: list[Problem] = misnamed(notes)
    distinct = _distinct(modules_found, notes, problems)
    if on is None:
        with workers() as own:
            found = _found(notes, distinct, memo or Memo(), own)
    else:
        found = _found(notes, distinct, memo or Memo(), on)
    problems += [problem for module in found for problem in module.problems]
    unique, duplicates = unique_items(item for module in found for item in module.items)
    problems += duplicates
    by_module: dict[str, list[Item]] = {}
    for item in unique:
        by_module.setdefault(item.module, []).append(item)
    modules = tuple(
        Module(
            number=files.number,
            slug=files.slug,
            title=module.title,
            items=tuple(by_module.get(files.slug, ())),
        )
        for files, module in zip(distinct, found, strict=True)
    )
    return Parsed(Deck(title=title, modules=modules), tuple(sorted(problems)))


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


def _found(notes: Path, modules: list[ModuleFiles], memo: Memo, on: Workers) -> list[_Found]:
    """Each module's findings: kept ones from the memo, the others parsed (by the workers if large)."""
    keys = [_memo_key(files) for files in modules]
    found = [
        memo.recall(MEMO_GROUP, files.slug, key, _Found) if key else None
        for files, key in zip(modules, keys, strict=True)
    ]
    stale = [index for index, module in enumerate(found) if module is None]
    size = sum(path.stat().st_size for index in stale for path in modules[index].files)
    parse = partial(_parse_module, notes)
    if size > PARALLEL_FROM:  # below, sending the work costs more than it saves
        parsed = on.map(parse, [modules[index] for index in stale]).results()
    else:
        parsed = [parse(modules[index]) for index in stale]
    for index, module in zip(stale, parsed, strict=True):
        if keys[index]:
            memo.keep(MEMO_GROUP, modules[index].slug, keys[index], module)
        found[index] = module
    return [module for module in found if module is not None]


def _memo_key(files: ModuleFiles) -> str:
    """Digest of a module's files (paths and bytes); empty, so never kept, if one cannot be read."""
    parts: list[str | bytes] = [repr(files)]
    try:
        for path in files.files:
            size = path.stat().st_size
            parts.append(path.read_bytes() if size <= MAX_FILE_BYTES else f"too large: {size}".encode())
    except OSError:
        return ""
    return digest(*parts)


def _parse_module(notes: Path, files: ModuleFiles) -> _Found:
    """A module's title (front matter ``module_title`` of its first file that has one), items, problems."""
    title = ""
    items: list[Item] = []
    problems: list[Problem] = []
    for path in files.files:
        document = read_document(notes, path)
        if isinstance(document, Problem):
            problems.append(document)
            continue
        title = title or document.front_matter.get("module_title", "").strip()
        title = title or (document.part if files.single_file else "")
        items += _extract(Context(files.slug, document), problems)
    return _Found(title or files.fallback_title, tuple(items), tuple(problems))


def _extract(ctx: Context, problems: list[Problem]) -> list[Item]:
    """Run every rule over one file; items come back in the file's order."""
    items: list[Item] = []
    for _, rule in RULES:
        for result in rule(ctx):
            if isinstance(result, Problem):
                problems.append(result)
            else:
                items.append(result)
    return sorted(items, key=lambda item: item.source.line)
