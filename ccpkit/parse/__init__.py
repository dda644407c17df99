"""Markdown notes folder → the model (``Deck``), plus every problem found on the way."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ccpkit.errors import Problem, UsageError
from ccpkit.model import Deck, Item, Module, SourceLocation
from ccpkit.parallel import started
from ccpkit.parse.context import Context
from ccpkit.parse.merge import unique_items
from ccpkit.parse.notes import ModuleFiles, find_modules, misnamed, read_document
from ccpkit.parse.rules import RULES

DEFAULT_TITLE = "AWS Certified Cloud Practitioner"
PARALLEL_FROM = 256 * 1024
"""Notes larger than this (bytes) are parsed module by module on every core."""


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


def parse_notes(notes: Path, *, title: str = DEFAULT_TITLE) -> Parsed:
    """Parse every Markdown file under ``notes`` into one deck."""
    if not title.strip():
        raise UsageError("the course title is empty: pass --title TEXT or set [course] title in ccpkit.toml")
    modules_found = find_modules(notes)
    problems: list[Problem] = misnamed(notes)
    distinct = _distinct(modules_found, notes, problems)
    size = sum(path.stat().st_size for files in distinct for path in files.files)
    jobs = None if size > PARALLEL_FROM else 1  # a pool costs a few tens of milliseconds to start
    with started([partial(_parse_module, notes, files) for files in distinct], jobs=jobs) as pending:
        parsed = pending.results()
    found = [(files, title, items) for files, (title, items, _) in zip(distinct, parsed, strict=True)]
    problems += [problem for _, _, module_problems in parsed for problem in module_problems]
    unique, duplicates = unique_items(item for _, _, items in found for item in items)
    problems += duplicates
    by_module: dict[str, list[Item]] = {}
    for item in unique:
        by_module.setdefault(item.module, []).append(item)
    modules = tuple(
        Module(
            number=files.number,
            slug=files.slug,
            title=module_title,
            items=tuple(by_module.get(files.slug, ())),
        )
        for files, module_title, _ in found
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


def _parse_module(notes: Path, files: ModuleFiles) -> tuple[str, list[Item], list[Problem]]:
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
    return title or files.fallback_title, items, problems


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
