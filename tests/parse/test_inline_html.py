"""The few HTML tags notes write inside a line read as the Markdown they mean; anything else as written."""

from __future__ import annotations

import pytest

from ccpkit.parse.inline_html import html_as_markdown, mentions_inline_html


@pytest.mark.parametrize(
    ("line", "markdown"),
    [
        ("- **H<sub>2</sub>O:** Water.", "- **H₂O:** Water."),
        ("E = mc<sup>2</sup>, x<sup>-1</sup>", "E = mc², x⁻¹"),
        ("T<sub>max</sub> and e<sup>iπ</sup> and log<sub>b</sub>x", "T\\_(max) and e^(iπ) and log\\_(b)x"),
        ("<code>&lt;div&gt;</code> and <kbd>&uarr;</kbd>", "`<div>` and `↑`"),
        ("Press <kbd>Ctrl</kbd>+<kbd>P</kbd>", "Press `Ctrl`+`P`"),
        ("- B. <b>Amazon S3</b>", "- B. **Amazon S3**"),
        ("<strong>Bold</strong>, <em>leaning</em>, <mark>marked</mark>", "**Bold**, *leaning*, **marked**"),
        ("<s>gone</s> and <u>under</u>", "~~gone~~ and under"),
        ('A VPC <img src="img/vpc.png" width="300" alt="VPC [v2]">', "A VPC ![VPC v2](img/vpc.png)"),
        ("<img src='my diagram.PNG'/>", "![](<my diagram.PNG>)"),
        ("a <b>bold <i>and</i> leaning</b> run", "a **bold *and* leaning** run"),
        ("<div><b>Amazon S3</b>: Object storage.</div>", "**Amazon S3**: Object storage."),  # Evernote
        ("  <div>Plain words</div>", "  Plain words"),
        ("<div><br/></div>", ""),
    ],
)
def test_tags_become_the_markdown_they_mean(line: str, markdown: str) -> None:
    assert mentions_inline_html(line)
    assert html_as_markdown(line) == markdown


@pytest.mark.parametrize(
    "line",
    [
        "Write `<b>bold</b>` in HTML",  # code is code
        "Write `` `x` <i>y</i> `` in HTML",
        "Escaped: \\<b>hello\\</b>",
        "<b> spaced</b> emphasis would not read as emphasis",
        "<b class='x'>with attributes</b>",
        '<div class="note">styled</div>',  # a styled block: its HTML
        "<div>one</div><div>two</div>",  # two blocks on a line: left as written
        '<div><en-todo checked="true"/>Buy milk</div>',  # a tag with no Markdown: the line is HTML
        "<p>A paragraph of its own</p>",
        "<sub>Domain: Security · Level: easy</sub>",  # a line of small print: the question rules read it
        "<details><summary><b>Q3.</b> What is a VPC?</summary>A network.</details>",
        '<img src="https://example.com/badge.svg">',  # never fetched
        "<img src=x onerror=alert(1)>",  # no picture
        "1 < 2 and 3 > 2",
    ],
)
def test_other_html_stays_as_written(line: str) -> None:
    assert html_as_markdown(line) == line


def test_a_hidden_key_or_mark_padded_with_a_long_run_of_spaces_is_read_through() -> None:
    # the spaces after a key's letters were split between two runs every way: 40,000 took 3 s
    run = " " * 100_000
    assert html_as_markdown(f"<!-- answer: A{run}x -->") == f"<!-- answer: A{run}x -->"
    assert html_as_markdown(f"<!-- answer: A{run}-->") == "Answer: A"
    assert html_as_markdown(f"- A) Oxygen{run}<!-- correct -->") == "- A) Oxygen \u2705"
    assert html_as_markdown(f"-{run}<!-- correct -->") == f"-{run}<!-- correct -->"
