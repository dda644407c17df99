"""Runs of lines taken whole: fenced code, console screen text, and chat-assistant blocks (dropped)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ccpkit.importer.blocks import CodeBlock
from ccpkit.importer.import_report import ImportReport
from ccpkit.importer.lines import CODE_LABELS, Line

FENCE = "```"

CHATTER_BLOCKS = {"How to use these": "Which output would you like next?"}
"""Chat-assistant blocks dropped whole: first line → last line."""

SCREEN_DUMPS = {"Billing and Cost Management": ("No recommended actions", "Download as CSV")}
"""Text copied off a console screenshot, by first line → possible last lines; kept as a text block,
because its short lines would otherwise read as a stack of empty headings."""

Found = tuple[CodeBlock | None, int] | None
"""A rule's result: the block (``None`` when the run is dropped) and the index after the run."""


def chatter_block(lines: Sequence[Line], index: int, report: ImportReport) -> Found:
    last = CHATTER_BLOCKS.get(lines[index].text.strip())
    if last is None:
        return None
    end = next((n + 1 for n in range(index, len(lines)) if lines[n].text == last), index + 1)
    for line in lines[index:end]:
        if not line.blank:
            report.drop(line, "chat-assistant chatter")
    return None, end


def screen_dump(lines: Sequence[Line], index: int, report: ImportReport) -> Found:
    last = SCREEN_DUMPS.get(lines[index].text.strip())
    if last is None:
        return None
    end = next((n for n in range(index, len(lines)) if lines[n].text.strip() in last), index) + 1
    dump = tuple(line.text.strip().replace("\\$", "$") for line in lines[index:end] if not line.blank)
    return CodeBlock(dump, lines[index].number, "text"), end


def fenced_code(lines: Sequence[Line], index: int, report: ImportReport) -> Found:
    """A fenced block, verbatim except for the code-language labels that leaked into it."""
    if not lines[index].text.strip().startswith(FENCE):
        return None
    closing = (n for n in range(index + 1, len(lines)) if lines[n].text.strip().startswith(FENCE))
    end = next(closing, len(lines) - 1)
    body = lines[index + 1 : end]
    for line in body:
        if line.text.strip() in CODE_LABELS:
            report.drop(line, "leaked code-language label")
    code = tuple(line.text for line in body if line.text.strip() not in CODE_LABELS)
    return CodeBlock(_trim_blank(code), lines[index].number), end + 1


def _trim_blank(code: tuple[str, ...]) -> tuple[str, ...]:
    filled = [n for n, line in enumerate(code) if line.strip()]
    return code[filled[0] : filled[-1] + 1] if filled else ()


VERBATIM_RULES: tuple[Callable[[Sequence[Line], int, ImportReport], Found], ...] = (
    chatter_block,
    screen_dump,
    fenced_code,
)
