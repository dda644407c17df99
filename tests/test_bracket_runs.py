"""Brackets that close nothing are text at once; brackets that close something still open links."""

from __future__ import annotations

from ccpkit.markup import to_html, to_text
from ccpkit.parse.document import parse_document


def test_a_run_of_brackets_closing_nothing_is_text_as_written() -> None:
    run = "[" * 20_000
    assert to_text(f"Before {run} after ![[ !") == f"Before {run} after ![[ !"
    assert to_html(f"A {run}") == f"A {run}"


def test_brackets_before_a_link_that_closes_leave_the_link_a_link() -> None:
    assert to_html("[[ [docs](https://example.org) ![[") == '[[ <a href="https://example.org">docs</a> ![['


def test_the_parser_reads_a_term_whose_definition_holds_an_unclosed_run() -> None:
    document = parse_document("m/notes.md", "# Part\n\n- **Brackets:** open " + "[" * 5_000 + "\n")
    (paragraph,) = [node for node in document.nodes if node.type == "inline"][1:]
    assert paragraph.content.endswith("[" * 5_000)
