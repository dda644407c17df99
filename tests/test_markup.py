"""One Markdown subset, three renderings: Anki HTML, plain text, reportlab markup."""

from __future__ import annotations

import pytest

from ccpkit.markup import to_html, to_reportlab, to_text


@pytest.mark.parametrize(
    ("markdown", "html"),
    [
        ("**EC2** is *fast*", "<strong>EC2</strong> is <em>fast</em>"),
        ("use `aws s3 ls`", "use <code>aws s3 ls</code>"),
        ("[docs](https://aws.amazon.com)", '<a href="https://aws.amazon.com">docs</a>'),
        ("rate $r = \\frac{a}{b}$", "rate \\(r = \\frac{a}{b}\\)"),
        ("costs $5 or $10", "costs $5 or $10"),
        ("A & B < C", "A &amp; B &lt; C"),
        ("→ ✅ “quoted”", "→ ✅ “quoted”"),
    ],
)
def test_html_renders_the_inline_subset(markdown: str, html: str) -> None:
    assert to_html(markdown) == html


def test_html_escapes_raw_html_and_scripts() -> None:
    html = to_html('<script>alert(1)</script> <b onclick="x()">hi</b>')
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<b " not in html


def test_html_refuses_javascript_links() -> None:
    assert "href" not in to_html("[click](javascript:alert(1))")


@pytest.mark.parametrize(
    ("markdown", "html"),
    [
        ("![diagram](https://example.com/vpc.png)", '<a href="https://example.com/vpc.png">diagram</a>'),
        ("![](vpc.png)", '<a href="vpc.png">vpc.png</a>'),
        ("![a <b> & c](x.png)", '<a href="x.png">a &lt;b&gt; &amp; c</a>'),
    ],
)
def test_html_turns_images_into_links_so_nothing_is_fetched(markdown: str, html: str) -> None:
    assert to_html(markdown) == html


def test_html_keeps_lists_in_a_back() -> None:
    html = to_html("Adds instances:\n\n- scale **out**\n  - nested")
    assert html.startswith("<p>Adds instances:</p>")
    assert "<ul>" in html
    assert html.count("<li>") == 2


def test_heading_and_hr_syntax_stay_text() -> None:
    assert to_html("# 1 rule") == "# 1 rule"


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("**EC2** is *fast*", "EC2 is fast"),
        ("[docs](https://aws.amazon.com)", "docs (https://aws.amazon.com)"),
        ("<i>x</i> & y", "<i>x</i> & y"),
        ("Adds:\n\n- one\n  - two", "Adds:\n\n- one\n  - two"),
        ("$x^2$", "x^2"),
    ],
)
def test_text_strips_markup_and_keeps_content(markdown: str, text: str) -> None:
    assert to_text(markdown) == text


@pytest.mark.parametrize(
    ("markdown", "markup"),
    [
        ("**EC2** & `cli`", '<b>EC2</b> &amp; <font face="mono">cli</font>'),
        ("<script>", "&lt;script&gt;"),
        ("- a\n  - b", "• a<br/>&nbsp;&nbsp;&nbsp;• b"),
    ],
)
def test_reportlab_markup_is_escaped_paragraph_markup(markdown: str, markup: str) -> None:
    assert to_reportlab(markdown) == markup
