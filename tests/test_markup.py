"""One Markdown subset, three renderings: Anki HTML, plain text, reportlab markup."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ccpkit import markup
from ccpkit.markup import Grid, picture_names, split_tables, to_html, to_inline_html, to_reportlab, to_text


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


def test_a_br_tag_is_a_line_break_in_every_output_and_other_html_stays_text() -> None:
    """Table cells and stems write `<br>` for a line break; it must not show as `&lt;br&gt;`."""
    cell = "Stateful<br/>per instance <b>only</b>"
    assert to_inline_html(cell) == "Stateful<br />\nper instance &lt;b&gt;only&lt;/b&gt;"
    assert to_text(cell) == "Stateful\nper instance <b>only</b>"
    assert to_reportlab(cell) == "Stateful<br/>per instance &lt;b&gt;only&lt;/b&gt;"
    assert to_html("`a<BR>b`") == "<code>a&lt;BR&gt;b</code>"  # in code, as written


def test_an_obsidian_link_reads_as_the_words_it_shows_in_every_output() -> None:
    note = "**[[mfa|MFA]]** guards [[root-user]]"
    assert to_inline_html(note) == "<strong>MFA</strong> guards root-user"
    assert to_text(note) == "MFA guards root-user"
    assert to_reportlab(note) == "<b>MFA</b> guards root-user"
    assert to_text("an open [[bracket") == "an open [[bracket"


def test_an_obsidian_highlight_is_marked_in_every_output_and_its_equals_signs_never_show() -> None:
    cell = "==Adrenal cortex== (the **outer** layer)"
    assert to_inline_html(cell) == "<mark>Adrenal cortex</mark> (the <strong>outer</strong> layer)"
    assert to_html("one==two==three") == "one<mark>two</mark>three"
    assert to_text(cell) == "Adrenal cortex (the outer layer)"
    assert to_reportlab(cell) == "<b>Adrenal cortex</b> (the <b>outer</b> layer)"
    for kept in ("a == b", "x == y ==", "`a==b==c`", "== spaced =="):
        assert to_text(kept) == kept.strip("`")


def test_an_obsidian_block_id_at_a_line_s_end_shows_in_no_output() -> None:
    note = "A second factor at sign-in ^mfa-def\nkept on a device"
    assert to_html(note) == "A second factor at sign-in\nkept on a device"
    assert to_text(note) == "A second factor at sign-in kept on a device"
    assert to_reportlab("Spot ^s1x") == "Spot"


@pytest.mark.parametrize("kept", ["x^2 and a^b", "cost ^ 2", "area r ^2", "see `a ^b`"])
def test_a_caret_that_is_no_block_id_stays(kept: str) -> None:
    assert to_text(kept) == kept.replace("`", "")


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


NESTED_TABLE = (
    "- **Classes**: by access:\n\n  | Class | Retrieval |\n  |---|---|\n  | Standard | ms |\n\n"
    "  Rules move objects.\n- next"
)
FENCE = "Run:\n\n```bash\nif ready:\n    aws s3 ls <bucket>\n```"


def test_html_keeps_a_table_nested_in_a_list_item() -> None:
    html = to_html(NESTED_TABLE)
    assert "<li>\n<p><strong>Classes</strong>: by access:</p>\n<table>" in html
    assert "<td>Standard</td>" in html and "|" not in html


def test_html_keeps_a_fenced_block_as_code_escaped_with_its_keywords_coloured() -> None:
    code = '<span class="k">if</span> ready:\n    aws s3 ls &lt;bucket&gt;\n'
    assert f'<pre><code class="language-bash">{code}</code></pre>' in to_html(FENCE)


def test_text_prints_a_nested_table_row_per_line_under_its_item() -> None:
    assert to_text(NESTED_TABLE) == (
        "- Classes: by access:\n  Class | Retrieval\n  Standard | ms\n  Rules move objects.\n- next"
    )


def test_a_list_item_s_second_paragraph_starts_a_line_of_its_own() -> None:
    assert to_text("- first\n\n  second\n- third") == "- first\n  second\n- third"


def test_reportlab_code_is_monospace_line_for_line_with_its_indentation() -> None:
    assert to_reportlab(FENCE).endswith(
        '<font face="mono">if ready:<br/>&nbsp;&nbsp;&nbsp;&nbsp;aws s3 ls &lt;bucket&gt;</font>'
    )


def test_reportlab_code_indented_with_a_tab_keeps_its_indent_as_four_spaces() -> None:
    makefile = "```\nbuild:\n\tgcc -o app main.c\n```\n"
    assert (
        to_reportlab(makefile)
        == '<font face="mono">build:<br/>&nbsp;&nbsp;&nbsp;&nbsp;gcc -o app main.c</font>'
    )


def test_reportlab_table_header_cells_are_bold() -> None:
    assert "<b>Class</b> | <b>Retrieval</b><br/>" in to_reportlab(NESTED_TABLE)


def test_split_tables_gives_the_text_around_each_table_and_its_cells() -> None:
    before, grid, after = split_tables(NESTED_TABLE)
    assert before == "- **Classes**: by access:\n"
    assert grid == Grid(columns=("Class", "Retrieval"), rows=(("Standard", "ms"),))
    assert isinstance(after, str) and after.split() == ["Rules", "move", "objects.", "-", "next"]


@pytest.mark.parametrize("markdown", ["no table | here", "a\n\n- b", "", "Plain words, **bold**."])
def test_split_tables_leaves_text_without_a_table_whole(markdown: str) -> None:
    assert split_tables(markdown) == (markdown,)


def test_split_tables_finds_a_one_column_table_by_its_bars() -> None:
    assert split_tables("| A |\n|---|\n| 1 |") == (Grid(columns=("A",), rows=(("1",),)),)


PICTURE = "ccpkit-0123456789abcdef01234567.png"


@pytest.mark.parametrize(
    ("markdown", "names"),
    [
        (f"![a red box]({PICTURE}) under the text", (PICTURE,)),
        (f"![[{PICTURE}]] embedded", (PICTURE,)),
        (f"Escaped \\![not]({PICTURE}) a picture", ()),
        (f"A name {PICTURE} written, no picture", ()),
        ("Plain words", ()),
    ],
)
def test_picture_names_are_the_pictures_shown(markdown: str, names: tuple[str, ...]) -> None:
    assert picture_names(markdown) == names


_PLAIN_ALPHABET = "aZ09 ,.;:'\"?()/%+=@-é—→✅\u00a0\u2028\t\n*_`$&<>[]!\\~|#{}^"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_PLAIN_ALPHABET, max_size=24))
@example("Private Quilvelnex Engine")
@example(" - x")
@example("+ a")
@example("12) b")
@example("1234567890. c")
@example("1.5 GB, C++ and 50% (cheaper): \"yes\" or 'no' @ 3=3")
def test_text_without_markdown_renders_as_a_full_parse_would(markdown: str) -> None:
    """Text with no Markdown is rendered without parsing it: every rendering must equal the parse's."""
    _renders_as_parsed(markdown)


_PIECES = st.sampled_from(
    ["Amazon", " ", "S3", "é", "—", "(", ")", ",", ".", "'", '"', "-", "+", "1.", "2)", "%", "@", "*", "**"]
)
_OTHERS = st.sampled_from(
    ["`", "_", "<", "&", "[", "]", "\\", "~", "=", "$", "#", "\n", "\t", "\u00a0", "→", "²", "x\u0301"]
)
_MARKED = st.builds(
    lambda mark, inner: f"{mark}{inner}{mark[::-1]}",
    st.sampled_from(["**", "*", "`", "``", "***", "_"]),
    st.lists(st.one_of(_PIECES, _OTHERS), min_size=1, max_size=5).map("".join),
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.one_of(_PIECES, _OTHERS, _MARKED), max_size=8).map("".join))
@example("**EC2** is *fast* and `ls -la` lists **all** files.")
@example("a **b****c** d")
@example("`a``b`")
@example("*a* *b*")
@example("**a**b**c**")
@example("x**y**z and 2*3*4")
@example("** a** and *b *")
@example("`` `x` ``")
@example("` x `")
@example("- **a**")
@example("**(a)**")
@example("*é*")
@example("**Free.** Protects you, and **Yes:** at the end: **(a)**")
@example("**a.**b and *x:*, then Billing & budgets &amp; &#65; &x")
def test_text_with_simple_marks_renders_as_a_full_parse_would(markdown: str) -> None:
    """One line of words, bold, italics and code is rendered without parsing it: every rendering must
    equal the parse's, whatever pieces stand around the marks."""
    _renders_as_parsed(markdown)


_LINE = st.lists(st.one_of(_PIECES, _MARKED), min_size=1, max_size=5).map("".join)
_BLOCK = st.one_of(
    _LINE,
    st.lists(_LINE.map(lambda line: f"- {line}"), min_size=1, max_size=3).map("\n".join),
    st.lists(
        st.sampled_from(["- a", "* b", "1. c", " - d", "    e", "f ", "- ", "> g"]), min_size=1, max_size=2
    ).map("\n".join),
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.tuples(_BLOCK, st.sampled_from(["\n\n", "\n\n", "\n", "\n\n\n"])), max_size=4))
@example([("A **bold** start.", "\n\n"), ("- one `ls`\n- *two*", "")])
@example([("- a", "\n\n"), ("- b", "")])
@example([("a", "\n"), ("- b", "")])
@example([("- a", "\n\n"), ("after", "")])
@example([("- a", "\n"), ("  b", "")])
def test_lines_of_simple_text_render_as_a_full_parse_would(blocks: list[tuple[str, str]]) -> None:
    """Paragraphs of one line and lists of ``- `` items of simple text, parted by blank lines, are
    rendered without parsing them: every rendering must equal the parse's."""
    _renders_as_parsed("".join(block + after for block, after in blocks).strip())


def test_words_bold_italics_and_code_on_one_line_are_rendered_without_a_parse() -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(markup, "_tokens", None)  # any parse would fail
        html = to_html(' **Amazon S3** stores *objects*; `ls <dir> && echo "ok"` lists them. ')
        text = to_text("**Amazon S3** stores *objects*")
    assert html == (
        "<strong>Amazon S3</strong> stores <em>objects</em>; "
        "<code>ls &lt;dir&gt; &amp;&amp; echo &quot;ok&quot;</code> lists them."
    )
    assert text == "Amazon S3 stores objects"


def test_a_paragraph_over_a_list_of_simple_items_is_rendered_without_a_parse() -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(markup, "_tokens", None)  # any parse would fail
        html = to_html("Two kinds:\n\n- **Standard**: ms\n- *Glacier*: hours")
        text = to_text("Two kinds:\n\n- **Standard**: ms\n- *Glacier*: hours")
    items = "<li><strong>Standard</strong>: ms</li>\n<li><em>Glacier</em>: hours</li>"
    assert html == f"<p>Two kinds:</p>\n<ul>\n{items}\n</ul>"
    assert text == "Two kinds:\n\n- Standard: ms\n- Glacier: hours"


def _renders_as_parsed(markdown: str) -> None:
    renderers = (to_html, to_text, to_inline_html.__wrapped__, to_reportlab.__wrapped__)
    shortcut = [render(markdown) for render in renderers]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(markup, "_simple", lambda _markdown: None)
        patch.setattr(markup, "_simple_blocks", lambda _markdown: None)
        parsed = [render(markdown) for render in renderers]
    assert shortcut == parsed
