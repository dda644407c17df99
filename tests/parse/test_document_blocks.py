"""Blocks other sites write around notes, read as the callouts they mean, in one pass."""

from __future__ import annotations

from ccpkit.parse.document import parse_document


def _first_line_of_each_quote(text: str) -> list[str]:
    document = parse_document("m/notes.md", text)
    return [
        document.lines[block.node.line - 1] for block in document.blocks if block.node.type == "blockquote"
    ]


def test_a_fenced_div_or_pymdown_block_titled_over_a_long_run_of_spaces_is_read_through() -> None:
    # each space of the run was a place to end the title from, the rest read again: 10,000 took 0.4 s
    run = " " * 100_000
    text = f"::: details Show{run}answer\nB\n:::\n\n/// details | Show{run}answer\nB\n///\n"
    assert _first_line_of_each_quote(text) == [f"> [!details]- Show{run}answer"] * 2


def test_a_pymdown_block_is_the_callout_it_means_its_options_no_notes() -> None:
    text = "/// admonition | Remember\n    type: tip\n\nTides repeat.\n///\n"
    document = parse_document("m/notes.md", text)
    assert document.lines[:4] == ("> [!tip] Remember", ">", ">", "> Tides repeat.")
