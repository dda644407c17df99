"""Fixture files in markdown-it-py's style, and a plain-text picture of what the parser found.

A fixture file holds cases; each is a title line, then ``.``, the notes file, ``.``, the expected
picture, ``.``. Blank lines separate cases.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ccpkit.model import MCQ, Card, Cloze, ComparisonTable, Item
from ccpkit.parse import Parsed


@dataclass(frozen=True, slots=True)
class Case:
    line: int
    title: str
    notes: str
    expected: str


def read_fixture_file(path: Path) -> list[Case]:
    """Every case of a fixture file, with the line its title is on (for pytest ids)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    cases, index = [], 0
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        title, start = lines[index], index
        if lines[index + 1] != ".":
            raise ValueError(f"{path}:{index + 2}: expected '.' after the title {title!r}")
        notes, index = _until_dot(lines, index + 2)
        expected, index = _until_dot(lines, index)
        cases.append(Case(start + 1, title, notes, expected))
    return cases


def _until_dot(lines: list[str], index: int) -> tuple[str, int]:
    end = lines.index(".", index)
    return "\n".join(lines[index:end]) + "\n", end + 1


def picture(parsed: Parsed) -> str:
    """What the parser found, one block per item and one line per problem, in a readable form."""
    lines = [line for item in parsed.deck.items() for line in _item(item)]
    lines += [f"problem {problem}" for problem in parsed.problems]
    return "\n".join(lines) + "\n"


def _item(item: Item) -> list[str]:
    head = f"{item.kind} {item.source} {item.id}"
    match item:
        case Card():
            lead_in = [f"  lead-in: {_q(item.lead_in)}"] if item.lead_in else []
            return [head, *lead_in, f"  front: {_q(item.front)}", f"  back: {_q(item.back)}"]
        case ComparisonTable():
            rows = [f"  row: {_q(list(row))}" for row in item.rows]
            return [head, f"  title: {_q(item.title)}", f"  columns: {_q(list(item.columns))}", *rows]
        case MCQ():
            options = [f"  {'*' if o.correct else ' '}{o.label}: {_q(o.text)}" for o in item.options]
            tail = [f"  explanation: {_q(item.explanation)}"] if item.explanation else []
            return [head, f"  stem: {_q(item.stem)}", *options, *tail]
        case Cloze():
            extra = [f"  extra: {_q(item.extra)}"] if item.extra else []
            return [head, f"  text: {_q(item.text)}", *extra]


def _q(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)
