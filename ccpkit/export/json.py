"""The whole model as one JSON document, for other tools and for debugging (``ccpkit dump --json``)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, ClassVar, assert_never

from ccpkit.cloze_syntax import numbers
from ccpkit.export import Exported, ExportOptions, Format, Output, Settled
from ccpkit.model import MCQ, Card, Cloze, ComparisonTable, Deck, Item, Module

PATH = PurePosixPath("json/deck.json")


@dataclass(frozen=True, slots=True)
class JsonModule:
    """A module's objects in the document: the module itself, then its items by kind."""

    module: dict[str, Any]
    cards: tuple[dict[str, Any], ...]
    tables: tuple[dict[str, Any], ...]
    mcqs: tuple[dict[str, Any], ...]
    clozes: tuple[dict[str, Any], ...]


class Json(Format[JsonModule]):
    """``json/deck.json``: modules, cards, tables, MCQs and clozes in notes order; UTF-8, stable key order."""

    name: ClassVar[str] = "json"

    def part(self, module: Module, title: str, options: ExportOptions) -> JsonModule:
        cards: list[dict[str, Any]] = []
        tables: list[dict[str, Any]] = []
        mcqs: list[dict[str, Any]] = []
        clozes: list[dict[str, Any]] = []
        for item in module.items:
            match item:
                case Card():
                    cards.append(_card(item))
                case ComparisonTable():
                    tables.append(_table(item))
                case MCQ():
                    mcqs.append(_mcq(item))
                case Cloze():
                    clozes.append(_cloze(item))
                case _:
                    assert_never(item)
        return JsonModule(_module(module), tuple(cards), tuple(tables), tuple(mcqs), tuple(clozes))

    def assemble(self, deck: Deck, parts: Sequence[JsonModule], settled: Settled | None) -> Exported:
        document = {
            "title": deck.title,
            "modules": [part.module for part in parts],
            "cards": [card for part in parts for card in part.cards],
            "tables": [table for part in parts for table in part.tables],
            "mcqs": [mcq for part in parts for mcq in part.mcqs],
            "clozes": [cloze for part in parts for cloze in part.clozes],
        }
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        return Exported((Output(PATH, text.encode("utf-8")),))


JSON = Json()


def _module(module: Module) -> dict[str, Any]:
    return {"number": module.number, "slug": module.slug, "title": module.title, "items": len(module.items)}


def _common(item: Item) -> dict[str, Any]:
    return {
        "id": item.id,
        "module": item.module,
        "source": str(item.source),
        "part": item.part,
        "section": list(item.section),
        "tags": list(item.tags),
    }


def _card(card: Card) -> dict[str, Any]:
    return {**_common(card), "front": card.front, "back": card.back, "lead_in": card.lead_in}


def _table(table: ComparisonTable) -> dict[str, Any]:
    rows = [list(row) for row in table.rows]
    return {**_common(table), "title": table.title, "columns": list(table.columns), "rows": rows}


def _mcq(mcq: MCQ) -> dict[str, Any]:
    options = [{"label": o.label, "text": o.text, "correct": o.correct} for o in mcq.options]
    return {
        **_common(mcq),
        "stem": mcq.stem,
        "options": options,
        "answers": list(mcq.answers),
        "explanation": mcq.explanation,
    }


def _cloze(cloze: Cloze) -> dict[str, Any]:
    """The text as written with Anki's markers (highlights numbered); ``numbers``: one card each."""
    return {**_common(cloze), "text": cloze.text, "extra": cloze.extra, "numbers": list(numbers(cloze.text))}
