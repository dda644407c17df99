"""Headings: plain lines become ATX headings at the level their part and numbering give them."""

from __future__ import annotations

import re

from tests.importer.conftest import Imported


def _headings(text: str) -> list[str]:
    return re.findall(r"^#+ .*$", text, re.MULTILINE)


def test_summary_sections_and_their_restarted_numbering(imported: Imported) -> None:
    summary = imported("numbered-sections")["04-going-global/summary.md"]
    assert _headings(summary) == [
        "# Summary",
        "## 1. Introduction to Global Expansion",
        "## 2. Choosing AWS Regions",
        "### 1. Compliance (Priority #1):",
        "### 2. Proximity:",
        "### 3. Feature Availability:",
        "## 3. High Availability and Redundancy",
        "### Edge locations",
    ]


def test_lecture_notes_toggles_are_h2_and_plain_headings_h3(imported: Imported) -> None:
    notes = imported("numbered-sections")["04-going-global/lecture-notes.md"]
    assert _headings(notes) == [
        "# Lecture Notes",
        "## Choosing AWS Regions",
        "### 1: Compliance",
        "### Round Robin",
    ]


def test_sentences_stay_paragraphs(imported: Imported) -> None:
    notes = imported("numbered-sections")["04-going-global/lecture-notes.md"]
    assert "\n\nWelcome back! Here are four key factors.\n\n" in notes
    assert "\n\nOkay, time to dive into more networking concepts. Good luck!\n" in notes


def test_console_screen_text_is_a_text_block_not_a_stack_of_headings(imported: Imported) -> None:
    notes = imported("numbered-sections")["04-going-global/lecture-notes.md"]
    assert notes.endswith(
        "```text\nBilling and Cost Management\nCost summary\n"
        "Total cost: $46,967.19\nNo recommended actions\n```\n"
    )
