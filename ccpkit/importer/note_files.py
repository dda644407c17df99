"""Assemble the Markdown files of ``source_notes/`` from the export's sections."""

from __future__ import annotations

from dataclasses import dataclass

from ccpkit.importer.blocks import Block, Heading, ListBlock, Question, TableBlock
from ccpkit.importer.import_report import ImportReport
from ccpkit.importer.parts import parse_part
from ccpkit.importer.render import render_blocks
from ccpkit.importer.structure import Layout, Section, module_title
from ccpkit.item_ids import slug
from ccpkit.regex import regex

PART_FILES = {
    "summary": ("summary.md", "Summary"),
    "cram-sheet": ("cram-sheet.md", "Cram Sheet"),
    "practice-questions": ("practice-questions.md", "Practice Questions"),
    "lecture-notes": ("lecture-notes.md", "Lecture Notes"),
    "resources": ("resources.md", "Resources"),
    "case-study": ("case-study-medivault-eu.md", "Case Study: MediVault EU — A Real-World Scenario"),
    "course-summary": ("course-summary.md", "Course Summary"),
    "useful-links": ("useful-links.md", "Useful Links"),
}
"""Part kind → (file name, H1 part title); module parts live in ``NN-slug/``, the rest at the top."""

_TERM = regex(r"^\*\*[^*]+?\*\*")
_YAML_PLAIN = regex(r"^[A-Za-z0-9][^:#\n]*$")


@dataclass(frozen=True, slots=True)
class NoteFile:
    """One file to write, with what it holds (for the report)."""

    path: str
    text: str
    module: int | None
    kind: str
    tables: int
    questions: int
    answered: int
    terms: int


def build_files(layout: Layout, report: ImportReport) -> list[NoteFile]:
    """Every notes file, in a stable order: modules by number and part, then course-level documents."""
    groups: dict[tuple[int | None, str], list[Section]] = {}
    for section in layout.sections:
        groups.setdefault((section.target.module, section.target.kind), []).append(section)
    kinds = list(PART_FILES)

    def order(key: tuple[int | None, str]) -> tuple[bool, int, int]:
        module, kind = key
        return module is None, module or 0, kinds.index(kind)

    files = []
    for module, kind in sorted(groups, key=order):
        blocks = [block for section in groups[module, kind] for block in _section_blocks(section, report)]
        if blocks:
            files.append(_note_file(module, kind, blocks, layout))
    return files


def _section_blocks(section: Section, report: ImportReport) -> list[Block]:
    blocks = parse_part(section.lines, report)
    if section.title and blocks:
        first = section.lines[0].number if section.lines else 0
        blocks.insert(0, Heading(section.title, "title", first))
    return blocks


def _note_file(module: int | None, kind: str, blocks: list[Block], layout: Layout) -> NoteFile:
    name, part = PART_FILES[kind]
    front = [f"part: {_yaml(part)}"]
    path = name
    if module is not None:
        title = module_title(layout.titles.get(module, [f"Module {module}"]))
        front = [f"module: {module}", f"module_title: {_yaml(title)}", *front]
        path = f"{module:02d}-{slug(title)}/{name}"
    chunks = ["---\n" + "\n".join(front) + "\n---", f"# {part}", *render_blocks(blocks, kind, part)]
    questions = [block for block in blocks if isinstance(block, Question)]
    return NoteFile(
        path=path,
        text="\n\n".join(chunks) + "\n",
        module=module,
        kind=kind,
        tables=sum(isinstance(block, TableBlock) for block in blocks),
        questions=len(questions),
        answered=sum(bool(q.answer) for q in questions),
        terms=sum(_terms(block) for block in blocks if isinstance(block, ListBlock)),
    )


def _terms(block: ListBlock) -> int:
    return sum(bool(_TERM.match(item.text)) for item in block.items)


def _yaml(text: str) -> str:
    """A YAML scalar: plain when safe, else double-quoted."""
    if _YAML_PLAIN.match(text):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
