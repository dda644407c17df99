"""A formula on paper reads as the card shows it; one using TeX not known here prints as written."""
# ruff: noqa: RUF001 (what prints holds the symbols TeX names, which look like letters)

from __future__ import annotations

import pytest

from ccpkit.markup import to_reportlab
from ccpkit.printed_formulas import printed_formula

TYPESET = {
    "symbols and text": (r"\approx 60 \text{ seconds}", "≈ 60 seconds"),
    "relations spaced": (r"x\le y\neq z", "<i>x</i> ≤ <i>y</i> ≠ <i>z</i>"),
    "a sum of products": (r"\text{Cost} = 3 \times 2", "Cost = 3 × 2"),
    "variables in italics, as TeX sets them": ("E = mc^2", "<i>E</i> = <i>mc</i><super>2</super>"),
    "a unary minus stays close": (r"-1 + (-x)", "−1 + (−<i>x</i>)"),
    "indices lowered, scripts tight": (
        r"\sum_{i=1}^{n} i",
        "∑<sub><i>i</i>=1</sub><super><i>n</i></super><i>i</i>",
    ),
    "a common fraction as its own character": (r"\tfrac{1}{2}mv^2", "½<i>mv</i><super>2</super>"),
    "a simple fraction": (r"\frac{x}{2}", "<i>x</i>/2"),
    "a fraction of sums is bracketed": (r"\frac{a+b}{c d}", "(<i>a</i> + <i>b</i>)/<i>cd</i>"),
    "a side in brackets of its own is not bracketed twice": (
        r"\frac{(u+v)}{2} + 1",
        "(<i>u</i> + <i>v</i>)/2 + 1",
    ),
    "a fraction multiplying a term is bracketed whole": (
        r"\frac{(u+v)}{2}t",
        "((<i>u</i> + <i>v</i>)/2)<i>t</i>",
    ),
    "a term multiplying a fraction too": (r"3x\frac{1}{y}", "3<i>x</i>(1/<i>y</i>)"),
    "a number over a fraction of numbers is a mixed number": (r"2\frac{3}{5}", "2 3/5"),
    "a fraction alone in a script is not bracketed": (
        r"e^{\frac{a+b}{2}}",
        "<i>e</i><super>(<i>a</i>+<i>b</i>)/2</super>",
    ),
    "a chemical equation": (
        r"\ce{2H2 + O2 -> 2H2O}",
        "2H<sub>2</sub> + O<sub>2</sub> → 2H<sub>2</sub>O",
    ),
    "ions, an equilibrium and a hydrate": (
        r"\ce{SO4^{2-}} \text{ and } \ce{Na+ + Cl- <=> NaCl} \text{ and } \ce{CuSO4.5H2O}",
        "SO<sub>4</sub><super>2−</super> and Na<super>+</super> + Cl<super>−</super> ⇌ NaCl and "
        "CuSO<sub>4</sub>·5H<sub>2</sub>O",
    ),
    "a chemical's coefficient with a decimal point": (r"\ce{0.5 O2 (g)}", "0.5 O<sub>2</sub> (g)"),
    "a root with its index": (r"\sqrt[3]{x+1}", "<super>3</super>√(<i>x</i> + 1)"),
    "functions upright and spaced": (r"O(n \log n)", "<i>O</i>(<i>n</i> log <i>n</i>)"),
    "a degree sign": (r"90^\circ", "90°"),
    "sizing commands print nothing": (r"\left( \frac{a}{b} \right)", "(<i>a</i>/<i>b</i>)"),
    "upright units": (r"9.8\,\mathrm{m/s^2}", "9.8 m/s<super>2</super>"),
    "bold text keeps its spaces": (r"\textbf{big deal}", "<b>big deal</b>"),
    "escaped signs": (r"50\% \text{ of } \$10", "50% of $10"),
    "reportlab markup escaped": (r"a < b", "<i>a</i> &lt; <i>b</i>"),
    "greek and blackboard letters": (r"\Delta t \in \mathbb{R}", "Δ<i>t</i> ∈ ℝ"),
    "a thousands comma": (r"1,000", "1,000"),
    "a list's comma": (r"x_1, x_2, \ldots", "<i>x</i><sub>1</sub>, <i>x</i><sub>2</sub>, …"),
    "a proof's end": (r"\square \; \blacksquare", "□ ■"),
}

AS_WRITTEN = {
    "a matrix": r"\begin{pmatrix} 1 & 0 \\ 0 & 1 \end{pmatrix}",
    "a command not known": r"\overbrace{a+b}",
    "a script within a script": r"x^{y^2}",
    "a line break": r"a \\ b",
    "a brace never closed": r"\frac{1}{2",
    "a brace closing nothing": r"a}",
    "a fraction missing its denominator": r"\frac{1}",
    "a blackboard letter not known": r"\mathbb{X}",
    "a command inside text": r"\text{\alpha}",
    "a command inside a chemical formula": r"\ce{\alpha + H2}",
    "a charge not known here": r"\ce{Fe^{x}}",
    "a precipitate's sign": r"\ce{AgNO3 + NaCl -> AgCl v + NaNO3}",
    "an arrow's label": r"\ce{H2O ->[H+] OH-}",
    "braces nested hundreds deep": "{" * 600 + "x" + "}" * 600,
    "fractions nested hundreds deep": r"\frac{" * 300 + "1" + "}{2}" * 300,
}


@pytest.mark.parametrize(("tex", "markup"), TYPESET.values(), ids=TYPESET.keys())
def test_a_formula_known_here_is_typeset(tex: str, markup: str) -> None:
    assert printed_formula(tex) == markup


@pytest.mark.parametrize("tex", AS_WRITTEN.values(), ids=AS_WRITTEN.keys())
def test_a_formula_with_tex_not_known_here_is_not_typeset(tex: str) -> None:
    assert printed_formula(tex) is None


def test_paper_shows_a_formula_typeset_or_else_its_source() -> None:
    assert to_reportlab(r"Lowest buffer is $\approx 60 \text{ seconds}$") == "Lowest buffer is ≈ 60 seconds"
    assert to_reportlab(r"Area: \(\overbrace{a}\) & more") == r"Area: \overbrace{a} &amp; more"
    assert to_reportlab("$$\n\\frac{1}{2}\n$$") == "½"
