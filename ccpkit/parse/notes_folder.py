"""The notes folder: which files make up which module, and reading each file safely."""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ccpkit.errors import Problem, UsageError
from ccpkit.item_ids import slug
from ccpkit.model import SourceLocation
from ccpkit.parse.document import NUMBERED_NAME, Document, humanise, parse_document, without_page_id
from ccpkit.regex import regex
from ccpkit.regular_files import wide_unicode
from ccpkit.scope import require_listable

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn")
"""The names Markdown files go by, in any case (``README.MD``, Jekyll's ``.markdown``): those an import
writes, and replaces."""
OTHER_TOOLS_SUFFIXES = (".rmd", ".qmd", ".mdx")
"""Markdown of other tools, read as notes but never written by an import, so kept through one: R
Markdown's and Quarto's (``.Rmd``, ``.qmd``: Markdown with R chunks, as R courses and R/exams exercises
are written) and MDX's (Markdown with components, as Docusaurus sites write quizzes)."""
LATEX_SUFFIXES = (".rnw",)
"""R's LaTeX (Sweave, as R/exams exercises are also written): not read, but told of."""
_LINE_END = regex(rb"\r\n|\r|\n")
"""Line ends as markdown-it-py counts them (a lone CR too), so every reported line number agrees."""
_CONTROL = regex("[\x00-\x1f\x7f-\x9f]")
MAX_FILE_BYTES = 4 * 2**20
"""Notes files are typed by people: the whole course export is under 1 MB. Larger files are refused
before they are read, so a stray dump or log file named ``.md`` cannot exhaust memory or time."""

_UNREAD = " (until then none of it is read)"
"""Said of a file that cannot be read as text: no item of it reaches the outputs."""


@dataclass(frozen=True, slots=True)
class ModuleFiles:
    """A module as found on disk: a ``NN-slug`` folder, or any other folder or file named after it."""

    number: int
    slug: str
    fallback_title: str
    files: tuple[Path, ...]
    name: str
    """The file name, or the folder name with a trailing ``/``."""
    single_file: bool = False
    """A module made of one file is titled by that file's H1 when it names no ``module_title``."""


def find_modules(notes: Path) -> list[ModuleFiles]:
    """Modules of a notes folder: numbered folders in number order, then the rest by name."""
    require_listable(notes)
    if not notes.is_dir():
        raise UsageError(
            f"notes folder {notes} does not exist: pass --notes DIR (or set [paths] notes in ccpkit.toml), "
            "or run `ccpkit import` first"
        )
    entries = sorted(notes.iterdir(), key=_name_of)  # siblings: in the order of their paths, found faster
    folders = {entry: _is_dir(entry) for entry in entries}  # each looked at once (it was six times)
    found = [entry for entry, folder in folders.items() if _is_notes(entry, folder=folder)]
    keys = _keys_beside([entry for entry in found if not folders[entry]])
    names = {entry: _name(entry, folder=folders[entry]) for entry in found}
    slugs = {entry: slug(without_page_id(name)) for entry, name in names.items()}
    shared = Counter(slugs.values())  # two pages of one name keep their ids apart
    modules = []
    for entry, name in slugs.items():
        if entry in keys.values():  # an answer key's file: its questions' module holds it
            continue
        module = _module(
            entry, names[entry], folder=folders[entry], keep_id=shared[name] > 1, key=keys.get(entry)
        )
        if module is not None:
            modules.append(module)
    return sorted(modules, key=lambda m: (m.number == 0, m.number, m.slug))


def _name_of(path: Path) -> str:
    return path.name


def course_title(notes: Path) -> str:
    """The title of a course whose ccpkit.toml names none: its notes folder's name, made readable, with
    no empty part between Anki's ``::`` (a folder ``x::`` would name a deck with no name)."""
    title = humanise(without_page_id(unicodedata.normalize("NFC", notes.resolve().name)))
    return "::".join(part.strip() for part in title.split("::") if part.strip()) or "Notes"


def unread_names(notes: Path) -> list[Problem]:
    """What the notes folder holds that is not read, in one walk of it: first an error at each notes file
    or folder whose name is not UTF-8 or holds a control character (a line break would split the
    problem's own line; inside such a folder, nothing more), then a warning at each LaTeX file of R
    (``.Rnw``, as R/exams writes exercises in LaTeX), no notes file, whose questions would otherwise be
    left out without a word."""
    misnamed, latex = [], []
    for path in sorted(_told_of(notes)):  # only these may be told of: the thousands of others are not sorted
        relative = path.relative_to(notes)
        if not all(_nameable(part) for part in relative.parent.parts):
            continue
        if not _nameable(relative.name):
            if _visible(path, notes) and (path.is_dir() or is_notes_file(path.name)):
                shown = _CONTROL.sub("?", os.fsencode(relative).decode("utf-8", "replace"))
                message = "name is not valid UTF-8 or holds a control character: rename it (it was left out)"
                misnamed.append(Problem(SourceLocation(path=shown, line=1), message))
        elif _is_latex(path.name) and _visible(path, notes):
            message = (
                "LaTeX exercises (.Rnw) are not read, so this file's questions are left out: write it as "
                "R Markdown (.Rmd, with Question, Answerlist, Solution and Meta-information sections)"
            )
            latex.append(Problem(SourceLocation(path=relative.as_posix(), line=1), message, "warning"))
    return misnamed + latex


def _told_of(notes: Path) -> Iterator[Path]:
    """The entries ``notes.rglob("*")`` gives whose name is not nameable or is LaTeX's, told by their
    names alone (a path made for each of the thousands of names cost three times as much): those in
    ``notes`` and in its folders at any depth, no link to a folder followed; a folder that cannot be
    listed is left out, as ``rglob`` leaves it, and any other error raised, as it raises it."""
    for folder, folders, files in os.walk(notes, onerror=_raise_unless_denied):
        yield from (
            Path(folder, name) for name in (*folders, *files) if not _nameable(name) or _is_latex(name)
        )


def _raise_unless_denied(error: OSError) -> None:
    if not isinstance(error, PermissionError):
        raise error


def _is_latex(name: str) -> bool:
    return name.lower().endswith(LATEX_SUFFIXES)


def numbered_twice(modules: list[ModuleFiles]) -> list[Problem]:
    """A warning at each module numbered as one before it (``03-networking/`` beside ``03-storage/``):
    ``--module 3`` and a practice exam's modules would take both, and their decks sort as one."""
    first: dict[int, ModuleFiles] = {}
    problems = []
    for module in modules:
        if not 0 < module.number < _YEARS:  # `2024-01-16.md`: a daily note's date, no module's number
            continue
        before = first.setdefault(module.number, module)
        if before is not module and before.slug != module.slug:  # one name twice has an error of its own
            message = (
                f"{before.name} is numbered {module.number} too: give one of them another number "
                f"(`--module {module.number}` takes both)"
            )
            problems.append(Problem(SourceLocation(path=module.name.rstrip("/"), line=1), message, "warning"))
    return problems


def empty_modules(notes: Path, modules: list[ModuleFiles]) -> list[Problem]:
    """A warning at each numbered module folder with no notes file in it, which would otherwise count
    as a module of nothing without a word: its text files (``.txt``, a Quizlet or Anki export, say) are
    named, as they are not read."""
    problems = []
    for module in modules:
        if module.files or not module.name.endswith("/"):
            continue
        folder = module.name.rstrip("/")
        try:
            names = os.listdir(notes / folder)
        except OSError:  # gone since it was listed: nothing more to say of it
            names = []
        if any(_is_latex(name) for name in names):  # told of as not read (``unread_names``)
            continue
        texts = sorted(name for name in names if name.lower().endswith(_TEXT_SUFFIXES))
        unread = f" ({', '.join(texts)}: not read, as notes are Markdown)" if texts else ""
        message = (
            f"module folder {module.name} holds no notes file{unread}; write its notes in a .md file there"
        )
        problems.append(Problem(SourceLocation(path=folder, line=1), message, "warning"))
    return problems


_TEXT_SUFFIXES = (".txt", ".text")
"""Plain text files: notes written or exported (Quizlet, Anki) in a file Markdown readers leave alone."""


_YEARS = 1000
"""From this number on, a name's number is a year (``2024-cloud``, a daily note), no module's."""


def one_module_folder(notes: Path, modules: list[ModuleFiles]) -> list[Problem]:
    """``notes`` as one module's ``NN-slug`` folder beside others (``--notes source_notes/03-storage``),
    where each of its files would be read as a module of its own: a usage error when the folder
    around it holds a course's ledger, whatever its files (every other note of the course would leave
    it, and a sync would retire them all), else a warning for two files or more (numbered folders side
    by side may be courses)."""
    resolved = notes.resolve()
    numbered = NUMBERED_NAME.match(resolved.name)
    if numbered is None or int(numbered["number"]) >= _YEARS:  # 2024-cloud: a course of a year
        return []
    from ccpkit.config import LEDGER_NAME

    number = int(numbered["number"])
    parent = notes.parent if notes.name not in ("", ".", "..") else resolved.parent
    advice = f"pass its parent, --notes {parent} (build, watch and sync take --module {number} for it alone)"
    if (resolved.parent / LEDGER_NAME).is_file() and not (resolved / LEDGER_NAME).is_file():
        # the only module of a course (as `ccpkit init` starts one), or one with folders of its own
        raise UsageError(f"the notes folder {notes} is one module's folder (module {number}): {advice}")
    if len(modules) < 2 or not all(module.single_file for module in modules):
        return []  # one file: a course of one module, as likely as a module
    siblings = [
        entry
        for entry in resolved.parent.iterdir()
        if entry != resolved and entry.is_dir() and NUMBERED_NAME.match(entry.name)
    ]
    if not siblings:
        return []
    message = (
        f"the notes folder {notes} looks like one module's folder (module {number}), so each of its "
        f"files is read as a module of its own: if it is, {advice}"
    )
    return [Problem(SourceLocation(path=modules[0].name, line=1), message, "warning")]


def modules_one_level_down(notes: Path, modules: list[ModuleFiles]) -> list[Problem]:
    """A warning at each unnumbered folder holding two or more numbered folders (``course/02-compute/``,
    ``course/03-storage/``; a numbered one is a module even while empty): modules one level too deep,
    read as the parts of one module, unless the notes folder should be that folder. A numbered
    module's numbered folders are its lessons."""
    problems = []
    for module in modules:
        name = module.name.rstrip("/")
        folder = notes / name
        if not module.name.endswith("/") or _numbered_below_years(name):
            continue
        try:
            entries = list(folder.iterdir())
        except OSError:  # a link to a drive not there: said where its files are read
            continue
        numbered = sorted(
            entry.name for entry in entries if _is_dir(entry) and _numbered_below_years(entry.name)
        )
        if len(numbered) >= 2:
            message = (
                f"{module.name} holds numbered folders ({', '.join(numbered)}), read as parts of one "
                f"module, {name}: if they are modules, pass --notes {folder}"
            )
            problems.append(Problem(SourceLocation(path=name, line=1), message, "warning"))
    return problems


def _numbered_below_years(name: str) -> bool:
    numbered = NUMBERED_NAME.match(name)
    return numbered is not None and int(numbered["number"]) < _YEARS


def _nameable(name: str) -> bool:
    """Whether a file name decoded cleanly (Python keeps undecodable bytes as lone surrogates) and
    prints on one line."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return not _CONTROL.search(name)


def _is_notes(entry: Path, *, folder: bool) -> bool:
    """Whether an entry of the notes folder (``folder``: whether it is one) holds or is notes."""
    if _evicted(entry):
        return True
    named = _nameable(entry.name) and not entry.name.startswith(".")
    return named and (folder or is_notes_file(entry.name) or _linked_away(entry))


_EVICTED = regex(r"\.(?P<name>.+)\.icloud")


def _evicted_name(path: Path) -> str | None:
    """The name of the notes file ``path`` stands for when it is what iCloud Drive leaves of one it
    moved to the cloud to save room (``.cram-sheet.md.icloud`` for ``cram-sheet.md``, while the file
    itself is not there): read as the file, it says so, and its notes are held rather than orphaned."""
    named = _EVICTED.fullmatch(path.name)
    if named is None or not (_nameable(named["name"]) and is_notes_file(named["name"])):
        return None
    return None if path.with_name(named["name"]).exists() else named["name"]


def _evicted(path: Path) -> bool:
    return _evicted_name(path) is not None


def _linked_away(path: Path) -> bool:
    """A link in the notes folder to a module's folder (numbered, ``03-storage``) that is not there (a
    drive not mounted, a synced folder offline): read as a file, it says so, and its notes are held
    rather than orphaned. A link to anything else (``assets``) is no module's."""
    return NUMBERED_NAME.match(path.name) is not None and path.is_symlink() and not path.exists()


def _is_dir(path: Path) -> bool:
    """Whether ``path`` is a folder; one that cannot be looked at (a link into a folder closed to the
    user) is not: as a notes file, reading it says why."""
    try:
        return path.is_dir()
    except OSError:
        return False


def is_markdown(name: str) -> bool:
    """Whether a file of this name is Markdown as an import writes it (and so replaces it)."""
    return name.lower().endswith(MARKDOWN_SUFFIXES)


def is_notes_file(name: str) -> bool:
    """Whether a file of this name is a notes file: Markdown, or another tool's (``.Rmd``, ``.mdx``)."""
    return name.lower().endswith((*MARKDOWN_SUFFIXES, *OTHER_TOOLS_SUFFIXES))


def _name(entry: Path, *, folder: bool) -> str:
    """A module's file or folder (``folder``) name, composed (NFC) as its notes' text is: a clone made on
    a Mac, whose names come decomposed, names its decks alike."""
    if (evicted := _evicted_name(entry)) is not None:
        entry, folder = entry.with_name(evicted), False  # a file that is not there (`_evicted_name`)
    name = entry.name if folder or not is_notes_file(entry.name) else entry.stem
    return unicodedata.normalize("NFC", name)


_KEY_FILE = regex(
    r"(?i)(?P<stem>.*?)[-_ .]*(?<![a-z])(?:answer[-_ ]?key|answers|key|solutions?|mark(?:ing)?[-_ ]?schemes?)"
)
"""A file named for an answer key: ``test-1_key``, ``Practice Test 2 - Answers``, ``answers``,
``paper-1-mark-scheme``."""


def key_file_stem(name: str) -> str | None:
    """The name of the file whose questions a file named for an answer key answers (``test-1`` for
    ``test-1_key``), "" when it names none (``answers``, ``2-answers``: a number orders, names
    nothing), ``None`` for a name of no key."""
    named = _KEY_FILE.fullmatch(name)
    return naming(named["stem"]) if named is not None else None


def naming(stem: str) -> str:
    """``stem`` when it names something; "" when it only orders (``2``, ``03``: no letter in it)."""
    return stem if re.search(r"[^\W\d_]", stem) else ""


def _keys_beside(files: list[Path]) -> dict[Path, Path]:
    """Top-level files of answer keys, by the file whose questions each answers: one named for its
    answers after it (``practice-exam-1-answers.md`` beside ``practice-exam-1.md``, not ``ssh-key.md``
    beside ``ssh.md`` nor ``storage-solutions.md`` beside ``storage.md``), or, of two files, one that
    names none beside one named for questions (``answers.md`` beside ``questions.md``, not beside
    ``01-compute.md``). Its questions' module holds it."""
    found: dict[Path, Path] = {}
    for key in files:
        stem = key_file_stem(key.stem) if _ANSWERS_NAME.search(key.stem) else None
        if stem is None:
            continue
        others = [path for path in files if path != key]
        if stem:
            answered = [path for path in others if path.stem == stem]
        else:
            answered = [path for path in others if len(others) == 1 and _QUESTIONS_NAME.search(path.stem)]
        if len(answered) == 1 and answered[0] not in found.values():
            found[answered[0]] = key
    return found


_ANSWERS_NAME = regex(r"(?i)(?<![a-z])(?:answers|answer[-_ ]?key)$")
"""A name for answers (``storage-solutions.md`` may hold solution patterns, ``ssh-key.md`` is on keys)."""
_QUESTIONS_NAME = regex(
    r"(?i)(?<![a-z])(?:questions?|quiz(?:zes)?|exams?|tests?|practice|exercises?|problems?)"
)


def _module(
    entry: Path, named: str, *, folder: bool, keep_id: bool, key: Path | None = None
) -> ModuleFiles | None:
    """A top-level file is a module on its own (with ``key``, its answer key's file), a folder one of
    every notes file below it; either is numbered when its name starts with a number (``NUMBERED_NAME``:
    not a date's or a Zettelkasten id's), and titled by the rest. An unnumbered folder with no notes
    file (``images/``) is no module; a numbered one is, still empty. A Notion page id after the name
    is no part of it, unless another page has the name (``keep_id``). ``named``: its ``_name``;
    ``folder``: whether it is one."""
    name = named if keep_id else without_page_id(named)
    numbered = NUMBERED_NAME.match(name)
    number = int(numbered["number"]) if numbered else 0
    title = humanise(numbered["name"] if numbered else name)
    if not folder:  # with the file of its answer key beside it, if any
        beside = (entry, key) if key is not None else (entry,)
        return ModuleFiles(number, slug(name), title, beside, entry.name, single_file=True)
    closed: list[Path] = []  # folders that cannot be listed, its own too: read as files, they say why
    walked = os.walk(entry, onerror=lambda error: closed.append(Path(str(error.filename))))
    listed = [path for folder, _, names in walked for path in _notes_files(entry, folder, names)]
    files = tuple(sorted([*listed, *(path for path in closed if path == entry or _readable(path, entry))]))
    if not files and not numbered:
        return None
    return ModuleFiles(number, slug(name), title, files, f"{entry.name}/")


def _notes_files(root: Path, folder: str, names: list[str]) -> Iterator[Path]:
    """The notes files among ``names``, found in ``folder`` by the walk of the module at ``root``,
    that ``_readable`` keeps: a path made only for a name that may be one (a path made and taken
    apart for every name cost a 50,000-card course 60 ms)."""
    inside = folder[len(os.fspath(root)) + 1 :]  # relative to root: "" at its top
    for name in names:
        notes_file = is_notes_file(name)
        if notes_file or name.startswith("."):  # a notes file, or what iCloud left of one
            path = Path(folder, name)
            if (notes_file or _evicted(path)) and _kept(f"{inside}/{name}" if inside else name, path):
                yield path


def _readable(path: Path, root: Path) -> bool:
    """A notes file of the module at ``root`` (one that cannot be read is one still: reading it says
    why), or a folder in it that cannot be listed: not hidden, properly named."""
    return _kept(path.relative_to(root).as_posix(), path)


def _kept(relative: str, path: Path) -> bool:
    """``_readable`` of ``path``, named ``relative`` from its module's folder."""
    return _visible_at(relative, path) and _nameable(relative)


def _visible(path: Path, root: Path) -> bool:
    return _visible_at(path.relative_to(root).as_posix(), path)


def _visible_at(relative: str, path: Path) -> bool:
    """Neither ``path`` (named ``relative`` from a folder) nor a folder between is hidden; what iCloud
    leaves of a notes file shows."""
    *folders, name = relative.split("/")
    return not any(part.startswith(".") for part in folders) and (not name.startswith(".") or _evicted(path))


def read_notes_file(notes: Path, path: Path) -> bytes | Problem:
    """A notes file's bytes; an unreadable or oversized file is a problem at its line 1, not a crash."""

    def problem(message: str) -> Problem:  # its path made only then: most files are read
        return Problem(SourceLocation(path=path.relative_to(notes).as_posix(), line=1), message)

    if _evicted(path):
        message = (
            "iCloud Drive keeps this file in the cloud, not on this computer: download it (Finder: "
            "Download Now) to read its notes; until then they are held"
        )
        return problem(message)
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):  # only a folder that could not be listed is read
            message = "cannot read this folder: permission denied; its notes are left out"
            return problem(message)
        if not stat.S_ISREG(status.st_mode):
            message = "not a file of notes (a pipe or a device): make it a file, or rename it"
            return problem(message)
        size = status.st_size
        if size > MAX_FILE_BYTES:
            megabytes = f"{size / 2**20:.0f} MB"
            message = f"file is {megabytes}, over the {MAX_FILE_BYTES // 2**20} MB limit: split it into parts"
            return problem(message)
        return path.read_bytes()
    except FileNotFoundError as error:
        message = (
            f"a link to {os.readlink(path)}, which is not there: its notes are held until it is back"
            if path.is_symlink()
            else f"cannot read this file: {error.strerror}"  # gone since it was listed
        )
        return problem(message)
    except OSError as error:
        return problem(f"cannot read this file: {error.strerror}")


def document_of(relative: str, data: bytes) -> Document | Problem:
    """Parse a notes file's bytes; text that is not UTF-8 is a problem at the line it breaks."""
    text = _decode(data)
    if isinstance(text, _Undecodable):
        return Problem(SourceLocation(path=relative, line=text.line), text.message)
    return parse_document(relative, text)


def _conflict_line(text: str) -> int | None:
    """The line of the first of git's markers around a conflict it left in a file (``<<<<<<< HEAD`` …
    ``>>>>>>> theirs``), outside code (a tutorial shows one in a fence): both sides' words would become
    cards side by side, or sync into Anki."""
    opened, fence = None, ""
    for number, line in enumerate(text.split("\n"), start=1):
        marks = _FENCE.match(line)
        if marks is not None and (not fence or marks["marks"].startswith(fence)):
            fence = "" if fence else marks["marks"]
        elif not fence and _CONFLICT_MARK.match(line):
            if line.startswith("<") and opened is None:
                opened = number
            elif line.startswith(">") and opened is not None:
                return opened
    return None


_FENCE = regex(r" {0,3}(?P<marks>`{3,}|~{3,})")
_CONFLICT_MARK = regex(r"(?:<{7}|>{7})(?: .*)?$")


@dataclass(frozen=True, slots=True)
class _Undecodable:
    line: int
    message: str


def _decode(data: bytes) -> str | _Undecodable:
    """UTF-8 text (a BOM is dropped), composed as most editors save it (NFC): a file saved decomposed
    (NFD, as some macOS tools write it) reads the same, so no note is sent again for it and an
    import never overwrites a student's edits over nothing. UTF-16, NUL bytes and invalid bytes are
    named with their line. Unicode's line and paragraph separators (U+2028, U+2029), which Markdown
    reads as neither, end a line and a paragraph."""
    if (encoding := wide_unicode(data)) is not None:
        return _Undecodable(1, f"file is {encoding} text: save it as UTF-8{_UNREAD}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        byte = data[error.start]
        line = len(_LINE_END.split(data[: error.start]))
        where = f"byte {byte:#04x} at offset {error.start}"
        message = f"not valid UTF-8 ({where}): save the file as UTF-8{_UNREAD}"
        return _Undecodable(line, message)
    if "\0" in text:
        line = len(_LINE_END.split(text[: text.index("\0")].encode()))
        message = f"NUL byte in the text: is this a binary or UTF-16 file? save it as UTF-8{_UNREAD}"
        return _Undecodable(line, message)
    if "\u2028" in text or "\u2029" in text:
        text = text.replace("\u2029", "\n\n").replace("\u2028", "\n")
    if "<<<<<<<" in text and (marker := _conflict_line(text)) is not None:
        message = f"git left a merge conflict here (<<<<<<<): keep one side and delete the markers{_UNREAD}"
        return _Undecodable(marker, message)
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)
