"""Markdown notes folder → the model (``Deck``), plus every problem found on the way."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from ccpkit.config import names_every_deck
from ccpkit.digest import digest
from ccpkit.errors import NoNotesError, Problem, UsageError
from ccpkit.model import Deck, Item, Module, Passage, Picture, SourceLocation
from ccpkit.parse.context import Context
from ccpkit.parse.document import Block, Document, heading_text
from ccpkit.parse.duplicates import unique_items
from ccpkit.parse.notes_folder import (
    ModuleFiles,
    course_title,
    document_of,
    empty_modules,
    find_modules,
    key_file_stem,
    modules_one_level_down,
    naming,
    numbered_twice,
    one_module_folder,
    read_notes_file,
    unread_names,
)
from ccpkit.parse.passages import passages
from ccpkit.parse.pictures import with_pictures
from ccpkit.parse.rules import RULES
from ccpkit.parse.rules.answers import is_key_title
from ccpkit.parse.rules.flashcards import (
    NUMBERED_HEADING,
    asked_over_answer,
    asks_over_a_quote,
    asks_unmarked,
    numbered_label,
    remnote_card,
    remnote_descriptor,
)
from ccpkit.parse.rules.terms import answered_on_its_line
from ccpkit.regex import regex

_DECK_TAG = regex(r"\s*(?:#[\w/-]+\s+)*#flashcards(?:/[\w/-]+)?(?:\s+#[\w/-]+)*\s*")
"""Obsidian Spaced Repetition's tag for a file of cards on a line of tags (``#flashcards``,
``#flashcards/biology``), as that plugin's users write it at the top of a note."""
_HEADING_DECK_TAG = regex(r"#{1,6}[ \t].*[ \t]#flashcards(?:/[\w/-]+)?[ \t]*")
_FRONT_MATTER_DECK_TAG = regex(r"(?:^|[\s,\[#])flashcards(?:/[\w/-]+)?(?=$|[\s,\]])")


def _tagged_a_deck(document: Document) -> bool:
    """Whether the file is tagged for Obsidian Spaced Repetition, whose cards it then holds: on a line of
    tags, at a heading's end (``# Anticoagulants #flashcards``) or in the front matter's tags."""
    tags = document.front_matter.get("tags", "")
    if "flashcards" in tags and _FRONT_MATTER_DECK_TAG.search(tags):
        return True
    return any(
        "#flashcards" in line and (_DECK_TAG.fullmatch(line) or _HEADING_DECK_TAG.fullmatch(line))
        for line in document.lines
    )


_BULLET = regex(r"\s*[-*+]\s+")
_IMG_TAG = regex(rb"<img\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Parsed:
    """A deck of every item that parsed, and the problems (errors drop an item; warnings don't)."""

    deck: Deck
    problems: tuple[Problem, ...] = ()
    reread: frozenset[str] | None = None
    """The notes files parsed afresh (paths as in problems); the others' findings were kept from the
    last build. ``None``: every file was parsed. A build shows the problems of these files in full."""
    in_error: frozenset[str] = frozenset()
    """The modules (slugs) whose files hold errors: every module for an error in no module's file."""

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")


@dataclass(frozen=True, slots=True)
class Findings:
    """What one module's files hold: its title, its items in file order, and their problems."""

    title: str
    items: tuple[Item, ...]
    problems: tuple[Problem, ...]
    passages: tuple[Passage, ...] = ()


@dataclass(frozen=True, slots=True)
class ModuleSource:
    """A module's files, each read once: ``key`` digests exactly what is then parsed."""

    files: ModuleFiles
    contents: tuple[bytes | Problem, ...]
    highlight_clozes: bool
    """Whether ``==text==`` is a cloze (``[notes] highlight_clozes``): the one setting parsing reads."""
    key: str
    """Digest of the paths (within the notes folder, however its own path is spelled), bytes and setting;
    empty (never to be cached) when a file could not be read."""
    shows_pictures: bool
    """Whether any of its notes holds picture syntax (``![``, ``<img``): most modules show none, and
    then none of their items and passages needs looking at for pictures. Found once, as the files are
    read: a build asks it of each module twice, and a 50,000-card course holds 30 MB of notes."""

    def paths(self, notes: Path) -> frozenset[str]:
        """The module's files, as problems name them."""
        return frozenset(path.relative_to(notes).as_posix() for path in self.files.files)

    @property
    def size(self) -> int:
        """How many bytes of notes the module holds: roughly, how long it takes to parse."""
        return sum(len(data) for data in self.contents if isinstance(data, bytes))


@dataclass(frozen=True, slots=True)
class Sources:
    """A notes folder read: each module's files, and the problems of the folder's layout."""

    modules: tuple[ModuleSource, ...]
    problems: tuple[Problem, ...]


def parse_notes(notes: Path, *, title: str | None = None, highlight_clozes: bool = True) -> Parsed:
    """Parse every Markdown file under ``notes`` into one deck titled ``title`` (default: after the
    notes folder). ``highlight_clozes``: whether ``==text==`` is a cloze (``[notes] highlight_clozes``)."""
    check_title(title)
    sources = read_sources(notes, highlight_clozes=highlight_clozes)
    return combine(notes, sources, [parse_module(notes, module) for module in sources.modules], title=title)


def check_title(title: str | None) -> None:
    """An empty title is a usage error (``None`` means: after the notes folder), and so is one with an
    empty part between Anki's ``::`` (``::``, ``AWS::``): it would name a deck with no name."""
    if title is not None and not title.strip():
        raise UsageError("the course title is empty: pass --title TEXT or set [course] title in ccpkit.toml")
    if title is not None and not names_every_deck(title):
        raise UsageError(
            f"the course title {title!r} has an empty part between `::` (which nests Anki decks), or one "
            "opening or ending with `:`: name every part (`AWS::Cloud Practitioner`), with no `:` at its ends"
        )


def read_sources(notes: Path, *, highlight_clozes: bool = True) -> Sources:
    """Every module's files and their bytes; a folder without notes is an error."""
    modules_found = find_modules(notes)
    problems: list[Problem] = [
        *one_module_folder(notes, modules_found),
        *numbered_twice(modules_found),
        *modules_one_level_down(notes, modules_found),
        *unread_names(notes),
    ]
    if not problems and not any(files.files for files in modules_found):
        raise NoNotesError(notes)
    problems += empty_modules(notes, modules_found)  # beside others' notes: said of each folder
    distinct = _distinct(modules_found, notes, problems)
    return Sources(tuple(_read(notes, files, highlight_clozes) for files in distinct), tuple(problems))


def combine(
    notes: Path,
    sources: Sources,
    found: list[Findings],
    *,
    title: str | None = None,
    reread: frozenset[str] | None = None,
) -> Parsed:
    """One deck from each module's findings: ids made unique across modules, problems sorted.

    ``reread`` names the files parsed afresh when the others' findings were kept from a last build."""
    check_title(title)
    problems = [*sources.problems, *(problem for module in found for problem in module.problems)]
    unique, duplicates = unique_items(item for module in found for item in module.items)
    problems += duplicates
    by_module: dict[str, list[Item]] = {}
    for item in unique:
        by_module.setdefault(item.module, []).append(item)
    modules = tuple(
        _module(
            notes,
            source,
            module.title,
            tuple(by_module.get(source.files.slug, ())),
            module.passages,
            problems,
        )
        for source, module in zip(sources.modules, found, strict=True)
    )
    deck = Deck(title=course_title(notes) if title is None else title, modules=modules)
    return Parsed(deck, tuple(sorted(problems)), reread, _in_error(notes, sources, problems))


def _in_error(notes: Path, sources: Sources, problems: list[Problem]) -> frozenset[str]:
    """The modules whose files the errors (and the warnings that may hide items) are in; all of them for
    an error in none (a file left out)."""
    paths = [problem.location.path for problem in problems if problem.severity == "error" or problem.hides]
    if not paths:  # the common case: no module's files need naming
        return frozenset()
    modules = {path: source.files.slug for source in sources.modules for path in source.paths(notes)}
    named = [modules.get(path) for path in paths]
    return frozenset(modules.values() if None in named else (slug for slug in named if slug))


def _module(
    notes: Path,
    source: ModuleSource,
    title: str,
    items: tuple[Item, ...],
    written: tuple[Passage, ...],
    problems: list[Problem],
) -> Module:
    """The module, its pictures read now (a changed picture in unchanged notes is seen)."""
    pictures: tuple[Picture, ...] = ()
    if source.shows_pictures:
        items, written, pictures, found = with_pictures(notes, items, written)
        problems += found
    files = source.files
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


def _read(notes: Path, files: ModuleFiles, highlight_clozes: bool) -> ModuleSource:
    contents = tuple(read_notes_file(notes, path) for path in files.files)
    readable = all(isinstance(data, bytes) for data in contents)
    read = (data for data in contents if isinstance(data, bytes))
    located = replace(files, files=tuple(path.relative_to(notes) for path in files.files))
    key = digest(repr(located), repr(highlight_clozes), *read) if readable else ""
    return ModuleSource(files, contents, highlight_clozes, key, _shows_pictures(contents))


def _shows_pictures(contents: tuple[bytes | Problem, ...]) -> bool:
    return any(  # `![` found as bytes: a pattern of both, ignoring case, scans four times slower
        b"![" in data or _IMG_TAG.search(data) for data in contents if isinstance(data, bytes)
    )


def parse_module(notes: Path, read: ModuleSource) -> Findings:
    """A module's title (front matter ``module_title`` of its first file that has one), items, problems."""
    files = read.files
    title, titled_by = "", None
    items: list[Item] = []
    problems: list[Problem] = []
    written: list[Passage] = []
    documents = [
        data if isinstance(data, Problem) else document_of(path.relative_to(notes).as_posix(), data)
        for path, data in zip(files.files, read.contents, strict=True)
    ]
    keys = _keys_elsewhere([document for document in documents if isinstance(document, Document)])
    for document in documents:
        if isinstance(document, Problem):
            problems.append(document)
            continue
        problems += document.problems
        named = document.front_matter.get("module_title", "").strip()
        if named and titled_by is None:
            title, titled_by = named, _front_matter_location(document, "module_title")
        elif named and titled_by is not None and named != title:
            problems.append(_disagreeing_title(document, named, title, titled_by))
        title = title or (document.part if files.single_file else "")
        remnote = sum(map(_remnote_card, document.lines)) >= 2
        in_a_deck = remnote or _tagged_a_deck(document)
        ctx = Context(
            files.slug,
            document,
            highlight_clozes=read.highlight_clozes,
            in_a_deck=in_a_deck,
            remnote=remnote,
            asked_in_headings=sum(map(_asked_heading, document.blocks)) >= _ALIKE,
            numbered_questions=_numbered_questions(document.blocks),
            numbered_labels=sum(map(numbered_label, document.lines)) >= _ALIKE,
            answered_in_quotes=_quoted_answers(document.blocks) >= _ALIKE,
            answered_on_lines=sum(map(_answered_on_its_line, document.blocks)) >= _ALIKE,
            answered_below_lines=_review_sheets(document.blocks),
            key_elsewhere=keys.get(document.path),
            answers_elsewhere=any(key is document for key in keys.values()),
        )
        questions = _extract(ctx, items, problems)
        written += passages(ctx, questions)
    return Findings(title or files.fallback_title, tuple(items), tuple(problems), tuple(written))


def _keys_elsewhere(documents: list[Document]) -> dict[str, Document]:
    """The module's files of answer keys, by the file whose questions each answers: a file named for a
    key (``test-1_key.md``, ``answers.md``), filed as one (``answers/set-2.md``) or titled as one
    (``# Answers``) answers the file it is named after (``test-1.md``, ``questions/set-2.md``); one
    that names no file (``answers.md``) answers the module's one other file."""
    found: dict[str, Document] = {}
    for key in documents:
        path = PurePosixPath(key.path)
        named = key_file_stem(path.stem)
        filed = len(path.parts) > 2 and key_file_stem(path.parent.name) is not None
        if not (named is not None or filed or is_key_title(key.part)):
            continue
        stem = named if named is not None else naming(path.stem) if filed else ""  # `answers/2.md`: none
        others = [document for document in documents if document is not key]
        after = [document for document in others if stem and PurePosixPath(document.path).stem == stem]
        answered = after if stem else (others if len(others) == 1 else [])  # `set-3_key.md`: set-3's alone
        if len(answered) == 1:
            found[answered[0].path] = key
    return found


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


_ALIKE = 3
"""How many of one form make a file of them: headings that ask without their ``?`` (``### What are
closures``) an interview handbook, lines asking over quotes a question catalogue, lines answered in
bold after their question a quiz sheet."""


def _quoted_answers(blocks: Sequence[Block]) -> int:
    """How many lines that ask stand right over a plain quote (``Was ist …?`` over ``> …``)."""
    return sum(
        asked.node.type == "paragraph"
        and below.node.type == "blockquote"
        and asks_over_a_quote(asked.node.children[0].content.strip())
        for asked, below in itertools.pairwise(blocks)
    )


def _answered_on_its_line(block: Block) -> bool:
    """A paragraph of one line asking and answering on it (``Who wrote Middlemarch? **George Eliot**``)."""
    node = block.node
    return node.type == "paragraph" and answered_on_its_line(node.children[0].content) is not None


def _review_sheets(blocks: Sequence[Block]) -> frozenset[int]:
    """The sections (their heading's id) holding three or more paragraphs each of a question's line over
    its answer's line (``What is osmosis?`` over ``The …``)."""
    counted = Counter(
        id(block.heading)
        for block in blocks
        if block.node.type == "paragraph" and asked_over_answer(block.node)
    )
    return frozenset(heading for heading, pairs in counted.items() if pairs >= _ALIKE)


def _asked_heading(block: Block) -> bool:
    """A heading (not the title) that asks, with its ``?`` or without (``### What are closures``)."""
    node = block.node
    if node.type != "heading" or node.tag == "h1":
        return False
    title = heading_text(node)
    return title.rstrip().endswith("?") or asks_unmarked(title)


def _numbered_questions(blocks: Sequence[Block]) -> frozenset[str]:
    """The heading levels whose numbered headings mostly ask with their ``?`` (see
    ``Context.numbered_questions``)."""
    numbered: dict[str, list[bool]] = {}
    for block in blocks:
        node = block.node
        if node.type == "heading" and node.tag != "h1" and NUMBERED_HEADING.match(text := heading_text(node)):
            numbered.setdefault(node.tag, []).append(text.rstrip().endswith(("?", "\uff1f")))
    return frozenset(
        tag for tag, asks in numbered.items() if sum(asks) >= _ALIKE and 2 * sum(asks) >= len(asks)
    )


def _remnote_card(line: str) -> bool:
    """A bullet of RemNote's cards forward or both ways (``- Metformin >> …``, ``- le chat <> the cat``,
    ``- Bones of the forearm >>`` over its answer's bullets), or a descriptor's written tight
    (``- Heparin antidote;;Protamine``): what marks a file of them (a ``;;`` after a space is OCaml's
    and Lisp's too: read in such a file, it marks none)."""
    bullet = (">>" in line or "<>" in line or ";;" in line) and _BULLET.match(line)  # most lines hold none
    if not bullet:
        return False
    rest = line[bullet.end() :]
    if (found := remnote_card(rest)) is not None:
        return found["way"] in (">>", "<>", ">>>", ">>1.", ">>A)")
    return " ;;" not in rest and remnote_descriptor(rest) is not None


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
                ctx.made_at.add(result.source.line)
        if name == "mcq":
            questions = frozenset(ctx.claimed)
    items += sorted(found, key=lambda item: item.source.line)
    return questions
