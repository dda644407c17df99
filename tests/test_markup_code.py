"""Fenced code of a known language gets syntax colours in fields: each token in a span with Pygments'
short class (the note types' CSS colours them); anything else stays escaped plain code."""

from __future__ import annotations

import re
from html import unescape

import pytest

from ccpkit.markup import to_html, to_reportlab, to_text

PYTHON = 'Reads:\n\n```python\ndef read(path):\n    return open(path).read()  # "<all>" & more\n```'
LANGUAGES = {
    "python": "def area(r):\n    return 3.14 * r ** 2  # circle\n",
    "json": '{"retries": 3, "verbose": true, "name": "nightly"}\n',
    "yaml": "job: nightly  # at two\nretries: 3\n",
    "bash": 'for f in *.txt; do echo "$f"; done\n',
}


def _code(html: str) -> str:
    (inside,) = re.findall(r"<pre><code[^>]*>(.*?)</code></pre>", html, re.S)
    return inside


def _classes(html: str) -> set[str]:
    return set(re.findall(r'<span class="([a-z0-9]+)">', html))


def test_a_python_block_has_keyword_function_string_and_comment_spans() -> None:
    html = to_html(PYTHON)
    assert html.startswith('<p>Reads:</p>\n<pre><code class="language-python">')
    assert '<span class="k">def</span> <span class="nf">read</span>' in html
    assert '<span class="c1"># &quot;&lt;all&gt;&quot; &amp; more</span>' in html


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_the_coloured_code_reads_exactly_as_written(language: str) -> None:
    """Tags stripped and entities decoded, the field holds the code character for character."""
    code = LANGUAGES[language]
    html = to_html(f"```{language}\n{code}```")
    assert unescape(re.sub(r"<[^>]+>", "", _code(html))) == code
    assert _classes(html), f"no token of {language} coloured"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("json", {"nt", "mi", "kc", "s2"}), ("yaml", {"nt", "c1"}), ("bash", {"k", "nb", "s2", "nv"})],
)
def test_each_language_marks_its_own_kinds_of_token(language: str, expected: set[str]) -> None:
    assert expected <= _classes(to_html(f"```{language}\n{LANGUAGES[language]}```"))


@pytest.mark.parametrize("info", ["", "pseudo", "{.python}", "no-such-language extra words"])
def test_an_unknown_or_missing_language_stays_escaped_plain_code(info: str) -> None:
    html = to_html(f"```{info}\nif a < b: print('&')\n```")
    assert "<span" not in html
    assert _code(html) == "if a &lt; b: print('&amp;')\n"


def test_the_language_name_is_read_case_blind() -> None:
    assert '<span class="k">def</span>' in to_html("```Python\ndef f(): pass\n```")


def test_an_unclosed_fence_runs_to_the_end_of_the_field_and_keeps_every_line() -> None:
    """Markdown's rule: the code goes on to the end (``check`` warns at the fence); nothing is lost."""
    html = to_html("Try:\n\n```python\nx = 1\n\nAnd this sentence.")
    code = unescape(re.sub(r"<[^>]+>", "", _code(html)))
    assert code == "x = 1\n\nAnd this sentence."


def test_plain_text_and_paper_keep_the_code_uncoloured() -> None:
    assert to_text(PYTHON).endswith('def read(path):\n    return open(path).read()  # "<all>" & more')
    assert "span" not in to_reportlab(PYTHON) and '<font face="mono">def read(path):' in to_reportlab(PYTHON)
