"""Property tests of the Markdown → HTML / text / reportlab renderers over hostile field text.

Whatever the notes say, the HTML holds only tags our renderer makes (never one typed in the notes),
no script link and nothing that loads from the network; the reportlab markup always parses.
"""

from __future__ import annotations

import re
from html import unescape

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from ccpkit.markup import to_html, to_inline_html, to_reportlab, to_text

HOSTILE = (
    "<script>alert(1)</script>", "<b>", "</p>", "<img src=x onerror=alert(1)>", "<a href='javascript:x'>",
    "<style>*{}</style>", "<!-- c -->", "<![CDATA[x]]>", "<iframe src=//e.com>", "&lt;b&gt;", "&#60;i&#62;",
    "&amp;", "&", "<", ">", '"', "'", "[x](javascript:alert(1))", "[x](JAVASCRIPT:a)", "[x](vbscript:a)",
    "[x](data:text/html,a)", "[x](https://e.com)", "![i](https://e.com/t.png)", "<https://e.com>",
    "<javascript:alert(1)>", "{{c1::x}}", "{{Front}}", "{{#Back}}", "**", "*", "_", "`", "~~", "$", "$$",
    "\\", "\n", "\n\n", "  \n", "- ", "1. ", "> ", "    ", "```", "# ", "|", "\t", "\0", "\r", "é", "💰",
    "```python\n", "```json\n", "```html\n", "\\(", "\\)", "\\[", "\\]",
)  # fmt: skip
TEXT = st.lists(st.sampled_from(HOSTILE) | st.text(max_size=4), max_size=24).map("".join)

OURS = re.compile(
    r"</?(?:p|strong|em|code|pre|a|ul|ol|li|br|s|blockquote|table|thead|tbody|tr|th|td|span|mark)"
    r'(?: (?:href|title|start|class)="[^"<>]*"| style="text-align:(?:left|right|center)")*\s*/?>'
)
"""Every tag ``to_html`` may write, with the only attributes it may give them."""
SCRIPT_LINK = re.compile(r"^\s*(?:javascript|vbscript|data|file):", re.I)
STYLE = ParagraphStyle("field", fontName="Helvetica")
MONO = 'face="mono"'


@settings(max_examples=1000, deadline=None)
@given(TEXT)
@example("| <script>alert(1)</script> | [x](javascript:a) |\n|:--|--:|\n| <b onclick=x()> | <img src=x> |")
def test_html_holds_only_our_tags_and_no_script_links(text: str) -> None:
    for html in (to_html(text), to_inline_html(text)):
        assert "<" not in OURS.sub("", html), html
        for href in re.findall(r'href="([^"]*)"', html):
            assert not SCRIPT_LINK.match(unescape(href)), html
        assert "<img" not in html  # an image would be fetched from the network when the card shows


@settings(max_examples=1000, deadline=None)
@given(TEXT)
def test_reportlab_markup_always_parses(text: str) -> None:
    markup = to_reportlab(text).replace(MONO, 'face="Courier"')
    Paragraph(markup, STYLE)  # reportlab raises ValueError on markup it cannot parse


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab <>&\"'/=", max_size=40).filter(lambda text: not text.lstrip().startswith(">")))
def test_plain_text_keeps_html_characters_literally(text: str) -> None:
    """A leading ``>`` would be a quote, so it is left out, and ``==…==`` is a highlight; every other
    ``<>&"'`` comes through as is."""
    assume("==" not in text)
    assert to_text(text) == text.strip()  # for CSV and spreadsheets: no escaping, nothing dropped


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_any_unicode_renders_three_ways(text: str) -> None:
    for render in (to_html, to_inline_html, to_text, to_reportlab):
        assert isinstance(render(text), str)
