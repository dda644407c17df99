"""Formulas and code in notes, built by the CLI and imported into real Anki, then shown in chromium.

The fixture (``fixtures/code_and_math``) writes ``\\(…\\)`` in a sentence, a table cell, a comparison
table and a question's stem, ``\\[…\\]`` on its own lines in a list item and inside a sentence, an
unclosed ``\\(``, backslash escapes that are not math, money, and fenced code in Python, JSON, YAML,
Bash, an unknown language and plain text (in a card's back and a question's explanation).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from playwright.sync_api import Browser

from ccpkit.cli import cli
from tests.conftest import REPO
from tests.export.anki.browser import Client
from tests.export.anki.student import Student, visible_text
from tests.export.anki.test_csv_files import import_csv, snapshot

FIXTURE = Path(__file__).parent.parent / "fixtures" / "code_and_math"
PACKAGE = "anki/code-and-math.apkg"
MODULE = "01-formulas-and-code"
QUESTION = f"{MODULE}/mcq/which-value-does-2-10-have"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("code-and-math")
    shutil.copytree(FIXTURE, root / "notes")
    arguments = ["build", "--notes", str(root / "notes"), "--out", str(root / "build")]
    arguments += ["--title", "Code and math", "--templates", str(REPO / "templates")]
    result = CliRunner().invoke(cli, [*arguments, "--format=anki", "--format=csv"])
    assert result.exit_code == 0, result.output
    return root / "build"


@pytest.fixture
def student(out: Path, tmp_path: Path) -> Iterator[Student]:
    student = Student.with_fresh_collection(tmp_path)
    student.import_package(out / PACKAGE)
    yield student
    student.close()


def answer(student: Student, term: str) -> str:
    (card,) = student.note(f"{MODULE}/card/{term}").cards()
    return str(card.answer())


def test_inline_formulas_reach_the_card_with_mathjax_delimiters(student: Student) -> None:
    shown = answer(student, "compound-interest")
    assert r"\(A = P(1 + r)^n\)" in shown and r"\(n\)" in shown
    assert r"\(A &gt; P\)" in shown and r"\(n \ge 1\)" in shown  # the browser reads "A > P" back


def test_a_display_formula_on_its_own_lines_is_one_display_block(student: Student) -> None:
    shown = answer(student, "right-triangle")
    assert r"\[a^2 + b^2 = c^2 \quad \text{with } c &lt; a + b\]" in shown
    assert r"where \(c\) is the longest side." in shown
    assert r"\[\sum_{i=1}^{n} i = \frac{n(n+1)}{2}\]" in answer(student, "triangular-numbers")


def test_other_escapes_and_money_stay_text(student: Student) -> None:
    text = visible_text(answer(student, "escaped-stars"))
    assert text.endswith("*not emphasis* stays as written, and a room costs $5 per hour.")
    assert "\\" not in text


def test_an_unclosed_opening_is_shown_as_written_with_the_rest_of_its_sentence(student: Student) -> None:
    text = visible_text(answer(student, "unclosed-formula"))
    assert text.endswith(r"the text \(x + 1 runs on without a closing delimiter.")


def test_formulas_in_table_cells_and_a_question_s_stem(student: Student) -> None:
    assert r"<td>\(f(n) = a \cdot 2^n\)</td>" in answer(student, "growth-rates")
    hertz = student.note(f"{MODULE}/table/units-of-measure/hertz")
    assert r"\(1\,\mathrm{Hz} = 1/\mathrm{s}\) per second" in hertz["Answer"]
    (card,) = student.note(QUESTION).cards()
    assert r"Which value does \(2^{10}\) have?" in card.question()


def test_known_languages_are_coloured_on_the_card(student: Student) -> None:
    python = answer(student, "reading-lines")
    opening = '<pre><code class="language-python"><span class="k">def</span> <span class="nf">read_lines'
    assert opening in python
    assert '<span class="c1"># no tags</span>' in python
    assert '<span class="nt">&quot;retries&quot;</span>' in answer(student, "retry-settings")
    assert '<span class="nt">job</span>' in answer(student, "job-definition")
    assert '<span class="k">for</span>' in answer(student, "counting-files")
    (card,) = student.note(QUESTION).cards()
    assert '<span class="nb">print</span>' in card.answer()


def test_code_a_card_asks_about_is_a_code_block_on_its_front(student: Student) -> None:
    (card,) = student.note(f"{MODULE}/card/what-does-this-print-python-for-i-in-range-2-print-i").cards()
    front = str(card.question())
    assert '<pre><code class="language-python"><span class="k">for</span>' in front
    assert '\n    <span class="nb">print</span>' in front  # its lines and indents as written


def test_an_unknown_language_and_plain_text_stay_plain_code(student: Student) -> None:
    pseudo = answer(student, "pseudo-code")
    assert '<pre><code class="language-pseudo">repeat &lt;step&gt; until done\n</code></pre>' in pseudo
    assert not re.search(r"<pre>.*<span", answer(student, "long-line"), re.S)


def test_the_anki_csv_gives_the_same_notes_as_the_apkg(out: Path, student: Student) -> None:
    from_apkg = snapshot(student)
    student.collection.remove_notes(list(student.collection.find_notes("")))
    folder = out / "csv" / "anki"
    import_csv(student, [folder / f"{kind}.csv" for kind in ("term", "comparison", "mcq")])
    assert snapshot(student) == from_apkg


def _token_contrasts(client: Client) -> list[dict[str, object]]:
    """Each coloured token of the code blocks shown: its class, colour, and WCAG contrast ratio
    against its block's background."""
    return list(
        client.page.evaluate(
            """() => {
                const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
                const lum = c => {
                    const [r, g, b] = rgb(c).map(v => v / 255)
                        .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
                    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
                };
                return [...document.querySelectorAll('pre code span[class]')].map(span => {
                    const colour = getComputedStyle(span).color;
                    const ground = getComputedStyle(span.closest('pre')).backgroundColor;
                    const [hi, lo] = [lum(colour), lum(ground)].sort((a, b) => b - a);
                    return {token: span.className, colour, contrast: (hi + 0.05) / (lo + 0.05)};
                });
            }"""
        )
    )


@pytest.mark.parametrize("night", [False, True], ids=["light", "night"])
def test_coloured_code_is_readable_in_light_and_night_mode(
    browser: Browser, student: Student, night: bool
) -> None:
    """Every token at least 4.5:1 against the code's background (WCAG AA), in several colours: the
    light palette on a night background (or the reverse) fails this."""
    client = Client.open(browser, "droid", night=night)
    try:
        client.show(answer(student, "reading-lines"))
        tokens = _token_contrasts(client)
        assert {"k", "nf", "s2", "c1"} <= {str(token["token"]) for token in tokens}
        faint = [token for token in tokens if float(str(token["contrast"])) < 4.5]
        assert not faint, f"tokens too faint on the code's background: {faint}"
        assert len({token["colour"] for token in tokens}) >= 4
    finally:
        client.close()


def test_the_browser_hands_mathjax_the_formula_as_written(browser: Browser, student: Student) -> None:
    """The text MathJax reads in the card (entities decoded by the browser) is the TeX source."""
    client = Client.open(browser, "droid")
    try:
        client.show(answer(student, "right-triangle"))
        shown = str(client.page.evaluate("() => document.getElementById('qa').textContent"))
        assert r"\[a^2 + b^2 = c^2 \quad \text{with } c < a + b\]" in shown
    finally:
        client.close()
