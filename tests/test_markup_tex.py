"""LaTeX's delimiters written in the notes, ``\\(…\\)`` and ``\\[…\\]``, reach fields as Anki's MathJax
delimiters, the formula as written (HTML-escaped only, as the ``$`` forms are); other backslash
escapes keep their Markdown meaning."""

from __future__ import annotations

import pytest

from ccpkit.markup import to_html, to_reportlab, to_text, unclosed_formulas


@pytest.mark.parametrize(
    ("markdown", "html"),
    [
        (r"grows as \(A = P(1 + r)^n\) yearly", r"grows as \(A = P(1 + r)^n\) yearly"),
        (r"\(a_1 * b_2 * c\)", r"\(a_1 * b_2 * c\)"),  # no emphasis inside a formula
        (r"\(a < b \& c\)", r"\(a &lt; b \&amp; c\)"),  # escaped as HTML, read back as TeX
        (r"\(x \\ y\)", r"\(x \\ y\)"),  # a TeX line break is not an escaped backslash
        (r"\(\text{a \) b}\) end", r"\(\text{a\) b}) end"),  # the first closing ends it, as in TeX
        (r"sum \[ \sum_i i \] inline", r"sum \[\sum_i i\] inline"),
        (r"\*not emphasis\* and \_plain\_", r"*not emphasis* and _plain_"),
        (r"\\(not math\\)", r"\(not math\)"),  # an escaped backslash, then a parenthesis
        (r"costs $5 or \(x\) for $10", r"costs $5 or \(x\) for $10"),
        ("`\\(code\\)` stays code", "<code>\\(code\\)</code> stays code"),
    ],
)
def test_inline_delimiters_reach_the_field_as_mathjax(markdown: str, html: str) -> None:
    assert to_html(markdown) == html


def test_the_dollar_and_the_backslash_forms_give_the_same_field() -> None:
    assert to_html(r"\(a<b\) and \[c^2\]") == to_html("$a<b$ and $$c^2$$")


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        (r"see reference \[1\] and \[2\].", "see reference [1] and [2]."),
        (r"the first is array\[i\], not \[Edit\]", "the first is array[i], not [Edit]"),
        (r"the range \[0, 1\] is closed", "the range [0, 1] is closed"),
        (r"Type {string\[]} or {number\[]}", "Type {string[]} or {number[]}"),
        (r"write \[a\_b\](https://example.com) here", "write [a_b](https://example.com) here"),
        (r"supports \[arm, x86\_64] only", "supports [arm, x86_64] only"),
        (r"left open \[x^2 + 1 in a sentence", "left open [x^2 + 1 in a sentence"),
    ],
)
def test_an_escaped_bracket_around_text_is_a_bracket(markdown: str, text: str) -> None:
    """Web clippers and careful writers escape every ``[`` as Markdown allows; only what looks like TeX
    (a command, or ``^ _ { } = + < >``) between ``\\[`` and ``\\]`` is a formula, so no warning and no
    MathJax for these."""
    assert to_html(markdown) == text
    assert to_text(markdown) == text
    assert unclosed_formulas(markdown) == ()


@pytest.mark.parametrize(
    "markdown",
    [r"is \[\pi r^2\] here", r"is \[a+b\] here", r"is \[x_1\] here", r"is \[\sqrt{a}\] here"],
)
def test_an_escaped_bracket_around_tex_is_a_display_formula(markdown: str) -> None:
    assert to_html(markdown).startswith("is \\[") and to_html(markdown).endswith("\\] here")


def test_a_display_formula_on_its_own_lines_is_a_block() -> None:
    html = to_html("The sides obey\n\n\\[\na^2 + b^2 = c^2 \\quad c < a + b\n\\]\n\nfor every triangle.")
    assert html == (
        "<p>The sides obey</p>\n\\[a^2 + b^2 = c^2 \\quad c &lt; a + b\\]<p>for every triangle.</p>"
    )


def test_a_display_formula_in_a_list_item_drops_the_item_s_indentation() -> None:
    html = to_html("- **Area**: of a circle\n\n  \\[\n  \\pi r^2\n  \\]\n\n  where \\(r\\) is the radius.")
    assert "\\[\\pi r^2\\]" in html and "<p>where \\(r\\) is the radius.</p>" in html


def test_a_formula_in_a_table_cell_stays_in_its_cell() -> None:
    html = to_html("| Growth | Formula |\n|---|---|\n| linear | \\(f(n) = a n\\) |")
    assert "<td>\\(f(n) = a n\\)</td>" in html


@pytest.mark.parametrize(
    ("markdown", "html"),
    [
        (r"the text \(x + 1 runs on", r"the text \(x + 1 runs on"),
        (r"an empty \(\) pair", r"an empty \(\) pair"),
        ("\\[\na + b\n\nmore text", "<p>\\[\na + b</p>\n<p>more text</p>"),
        ("\\[ a^2 \\] then text", "\\[a^2\\] then text"),
    ],
)
def test_an_unclosed_or_empty_opening_stays_text_as_written(markdown: str, html: str) -> None:
    """Nothing is swallowed: the student sees the delimiter they left open (MathJax leaves a lone
    ``\\(`` alone too), and the rest of the text after it."""
    assert to_html(markdown) == html


@pytest.mark.parametrize(
    ("markdown", "unclosed"),
    [
        (r"the text \(x + 1 runs on", ("\\(",)),
        ("\\[\na + b\n\nmore \\(y", ("\\[", "\\(")),
        (r"closed \(x\) and \[y^2\], escaped \\(z, empty \(\)", ()),
        ("`\\(` in code", ()),
    ],
)
def test_unclosed_openings_are_found_for_check_to_report(markdown: str, unclosed: tuple[str, ...]) -> None:
    assert unclosed_formulas(markdown) == unclosed


def test_plain_text_shows_the_formula_source_and_paper_the_formula_as_the_dollar_form_does() -> None:
    assert to_text(r"so \(A > P\) holds") == to_text("so $A > P$ holds") == "so A > P holds"
    assert to_reportlab(r"so \(A > P\) holds") == to_reportlab("so $A > P$ holds")
    assert to_reportlab("so $A > P$ holds") == "so <i>A</i> &gt; <i>P</i> holds"
    assert to_text("lead\n\n\\[\nx^2\n\\]") == "lead\n\nx^2"
