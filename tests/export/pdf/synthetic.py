"""A course-sized deck built by hand: enough cards, tables and questions to fill real pages."""

from __future__ import annotations

from ccpkit.model import MCQ, Card, ComparisonTable, Deck, Item, Module, Option, SourceLocation

WORDS = [
    "elastic",
    "compute",
    "storage",
    "network",
    "region",
    "zone",
    "latency",
    "durable",
    "scalable",
    "managed",
    "serverless",
    "encryption",
    "identity",
    "policy",
    "billing",
    "pricing",
    "support",
    "migration",
    "database",
    "analytics",
    "monitoring",
]
MISSING_GLYPH = "\U0001fae0"
"""🫠 (Unicode 14): newer than every bundled font, so it must print as a placeholder."""


def sentence(seed: int, length: int) -> str:
    return " ".join(WORDS[(seed * 7 + i * 3) % len(WORDS)] for i in range(length)).capitalize()


def large_deck(modules: int = 13, cards: int = 45, tables: int = 6, mcqs: int = 8) -> Deck:
    """``modules`` modules of ``cards`` cards, ``tables`` tables (2 to 6 columns) and ``mcqs`` questions."""
    return Deck(
        title="AWS Certified Cloud Practitioner",
        modules=tuple(_module(n, cards, tables, mcqs) for n in range(1, modules + 1)),
    )


def _module(number: int, cards: int, tables: int, mcqs: int) -> Module:
    slug = f"{number:02d}-topic-{number}"
    items: list[Item] = []
    for i in range(cards):
        items.append(_card(slug, i))
        if i % (cards // max(tables, 1) or 1) == 0 and len([x for x in items if x.kind == "table"]) < tables:
            items.append(_table(slug, i, columns=2 + i % 5))
    items += [_mcq(slug, i, multi=i % 4 == 3) for i in range(mcqs)]
    return Module(
        number=number, slug=slug, title=f"Topic {number}: {sentence(number, 3)}", items=tuple(items)
    )


def _where(slug: str, line: int, part: str = "cram-sheet") -> SourceLocation:
    return SourceLocation(path=f"{slug}/{part}.md", line=line)


def _card(slug: str, i: int) -> Card:
    back = f"{sentence(i, 8 + i % 25)} → **{WORDS[i % len(WORDS)]}** ✅"
    if i % 9 == 4:
        back += "\n\n- first *detail* of the term\n- second detail with `code`"
    return Card(
        id=f"{slug}/card/term-{i}",
        module=slug,
        source=_where(slug, 10 + i),
        part="Cram Sheet" if i < 30 else "Lecture Notes",
        section=(f"Section {i // 8}",),
        front=f"Term {slug[:2]}.{i} {WORDS[i % len(WORDS)].title()}",
        back=back,
    )


def _table(slug: str, i: int, columns: int) -> ComparisonTable:
    heads = tuple(f"Column {c}" for c in range(columns))
    rows = tuple(
        tuple(sentence(i + r + c, 2 + (r * c) % 9) for c in range(columns)) for r in range(3 + i % 5)
    )
    return ComparisonTable(
        id=f"{slug}/table/table-{i}",
        module=slug,
        source=_where(slug, 200 + i, "summary"),
        part="Summary",
        title=f"Table {slug[:2]}.{i} compared",
        columns=heads,
        rows=rows,
    )


def _mcq(slug: str, i: int, *, multi: bool) -> MCQ:
    stem = f"Question {slug[:2]}.{i}: which {sentence(i, 10)}?"
    options = tuple(
        Option(
            label=label, text=f"Choice {k + 1} {sentence(i + k, 4)}", correct=k == i % 4 or (multi and k == 0)
        )
        for k, label in enumerate("ABCD")
    )
    return MCQ(
        id=f"{slug}/mcq/question-{i}",
        module=slug,
        source=_where(slug, 300 + i * 8, "practice-questions"),
        part="Practice Questions",
        stem=stem,
        options=options,
        explanation=f"Because {sentence(i, 12)}.",
    )
