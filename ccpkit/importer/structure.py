"""Split the export into parts and route each to its module (by number) or to a course-level document."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ccpkit.importer.import_report import ImportReport
from ccpkit.importer.lines import Line
from ccpkit.regex import regex

MODULE = regex(r"^Module (\d+) ?- ?(.+)$")
MODULE_PART = regex(r"^Module (\d+): (.+)$")
LINKS_MODULE = regex(r"^[▼►] Module (\d+) - (.+)$")
PART_KINDS = {"Cram Cheat Sheet": "cram-sheet", "Exam-Style Practice Questions": "practice-questions"}

INSERTED: dict[str, tuple[int | None, str, str]] = {
    "15 Hard Questions - Data Pipelines": (8, "practice-questions", "15 Hard Questions - Data Pipelines"),
    "30 CCP-style exam questions - Security": (
        9,
        "practice-questions",
        "30 CCP-style exam questions - Security",
    ),
    "A MediVault EU - A realworld scenario": (None, "case-study", ""),
    "▼ Module Summary": (None, "course-summary", "Module Summary"),
    "▼ Useful Links:": (None, "useful-links", ""),
}
"""Documents pasted into the export, by their title line: (module or course-level, part kind, set title).

The question sets go to the module of their topic (data pipelines → 8, security → 9), not to the
module they were pasted into; a set title becomes a heading inside the target part.
"""

MARKERS = frozenset({"▼ Summaries - From AWS skill builder + Links"})
"""Structural lines that open no part of their own (the resource-link parts follow them)."""


@dataclass(frozen=True, slots=True)
class Target:
    """Where a part lands: a module number (or ``None`` for a course-level document) and a part kind."""

    module: int | None
    kind: str


@dataclass
class Section:
    """A run of export lines bound for one target; ``title`` is a set heading to open it with."""

    target: Target
    title: str
    lines: list[Line] = field(default_factory=list)


@dataclass
class Layout:
    """The export cut into sections, plus every title variant seen for each module."""

    sections: list[Section] = field(default_factory=list)
    titles: dict[int, list[str]] = field(default_factory=dict)


def split(lines: Sequence[Line], report: ImportReport) -> Layout:
    """Cut the export at its structural lines; lines before the first module are the page title block."""
    layout = Layout()
    current: Section | None = None
    for line in lines:
        opened = _open(line, layout)
        if opened is not None:
            report.drop(line, "structure: module/part heading (used for folder, file and title)")
            current = opened if opened.target.kind else None
            if current is not None:
                layout.sections.append(current)
        elif current is None:
            if not line.blank:
                report.drop(line, "Notion page title block / structure marker")
        else:
            current.lines.append(line)
    return layout


def _open(line: Line, layout: Layout) -> Section | None:
    """The section a structural line opens (kind ``""`` = none), or ``None`` for a content line."""
    text = line.text.strip()
    if text in INSERTED:
        module, kind, title = INSERTED[text]
        return Section(Target(module, kind), title)
    if text in MARKERS:
        return Section(Target(None, ""), "")
    for pattern, kind in ((LINKS_MODULE, "resources"), (MODULE, ""), (MODULE_PART, "part")):
        match = pattern.match(text)
        if match:
            return _module_section(int(match.group(1)), match.group(2).strip(), kind, layout)
    return None


def _module_section(number: int, rest: str, kind: str, layout: Layout) -> Section:
    if kind == "part":
        part_kind = PART_KINDS.get(rest)
        if part_kind is None:  # ``Module 5: Networking``: a repeated title, not a part
            return _module_section(number, rest, "", layout) if not layout.sections else _continue(layout)
        title = rest if part_kind == "practice-questions" else ""
        return Section(Target(number, part_kind), title)
    layout.titles.setdefault(number, []).append(rest)
    if kind == "resources":
        return Section(Target(number, "resources"), "")
    seen = any(s.target == Target(number, "summary") for s in layout.sections)
    return Section(Target(number, "lecture-notes" if seen else "summary"), "")


def _continue(layout: Layout) -> Section:
    """A section that merely continues the current one (same target, no title)."""
    return Section(layout.sections[-1].target, "")


def module_title(variants: Sequence[str]) -> str:
    """The clearest title: the longest variant that is not a ``Part - Title`` compound."""
    plain = [v for v in variants if " - " not in v] or list(variants)
    return max(plain, key=len)
