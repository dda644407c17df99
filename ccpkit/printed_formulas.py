"""Formulas on paper: the TeX of a formula as reportlab markup, so that a cram sheet reads as the card
shows it (``\\approx`` → ≈, ``x^2`` → x raised 2, ``\\frac{a+b}{2}`` → (a + b)/2, ``\\text{…}`` upright).
A formula using anything not known here (a matrix, an unknown command, an unbalanced brace) prints its
source as written: a printout never shows a formula half read."""

# ruff: noqa: RUF001 (the tables hold the very symbols TeX names, which look like letters)
from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from ccpkit.regex import regex


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_GREEK = _words(
    "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau "
    "upsilon phi chi psi omega"
)
_SYMBOLS: dict[str, str] = {
    **{name: chr(0x3B1 + index + (index > 16)) for index, name in enumerate(_GREEK)},  # no final sigma
    **{name.capitalize(): chr(0x391 + index + (index > 16)) for index, name in enumerate(_GREEK)},
    "varepsilon": "ε",
    "vartheta": "ϑ",
    "varphi": "φ",
    "varpi": "ϖ",
    "varrho": "ϱ",
    "varsigma": "ς",
    "infty": "∞",
    "partial": "∂",
    "nabla": "∇",
    "forall": "∀",
    "exists": "∃",
    "emptyset": "∅",
    "varnothing": "∅",
    "neg": "¬",
    "lnot": "¬",
    "ldots": "…",
    "dots": "…",
    "cdots": "⋯",
    "angle": "∠",
    "square": "□",
    "Box": "□",
    "blacksquare": "■",
    "qed": "∎",
    "hbar": "ℏ",
    "ell": "ℓ",
    "prime": "′",
    "degree": "°",
    "sum": "∑",
    "prod": "∏",
    "int": "∫",
    "oint": "∮",
    "langle": "⟨",
    "rangle": "⟩",
    "lfloor": "⌊",
    "rfloor": "⌋",
    "lceil": "⌈",
    "rceil": "⌉",
    "vert": "|",
    "Vert": "‖",
    "|": "‖",
    "{": "{",
    "}": "}",
    "%": "%",
    "$": "$",
    "&": "&",
    "#": "#",
    "_": "_",
}
_OPERATORS: dict[str, str] = {
    "approx": "≈",
    "sim": "∼",
    "simeq": "≃",
    "cong": "≅",
    "equiv": "≡",
    "neq": "≠",
    "ne": "≠",
    "le": "≤",
    "leq": "≤",
    "ge": "≥",
    "geq": "≥",
    "ll": "≪",
    "gg": "≫",
    "propto": "∝",
    "in": "∈",
    "notin": "∉",
    "subset": "⊂",
    "subseteq": "⊆",
    "supset": "⊃",
    "supseteq": "⊇",
    "to": "→",
    "rightarrow": "→",
    "leftarrow": "←",
    "gets": "←",
    "Rightarrow": "⇒",
    "Leftarrow": "⇐",
    "leftrightarrow": "↔",
    "Leftrightarrow": "⇔",
    "implies": "⟹",
    "iff": "⟺",
    "mapsto": "↦",
    "perp": "⊥",
    "parallel": "∥",
    "mid": "∣",
    "times": "×",
    "cdot": "·",
    "div": "÷",
    "pm": "±",
    "mp": "∓",
    "cup": "∪",
    "cap": "∩",
    "wedge": "∧",
    "land": "∧",
    "vee": "∨",
    "lor": "∨",
    "oplus": "⊕",
    "otimes": "⊗",
    "circ": "∘",
    "setminus": "∖",
    "ast": "∗",
    "bmod": "mod",
    "=": "=",
    "<": "&lt;",
    ">": "&gt;",
    "+": "+",
    "-": "−",
}
"""Relations and binary operators, spaced from what they stand between (as TeX spaces them)."""
_FUNCTIONS = frozenset(
    _words(
        "sin cos tan cot sec csc arcsin arccos arctan sinh cosh tanh log ln lg exp min max sup inf lim "
        "det gcd arg deg dim ker Pr"
    )
)
"""Named functions, printed upright."""
_PLAIN = ("", "")
_ITALIC = ("<i>", "</i>")
_BOLD = ("<b>", "</b>")
_MONO = ('<font face="mono">', "</font>")
_TEXT_STYLES = {"text": _PLAIN, "textrm": _PLAIN, "textnormal": _PLAIN, "mbox": _PLAIN}
_TEXT_STYLES |= {"textit": _ITALIC, "textbf": _BOLD, "texttt": _MONO}
"""Commands whose argument is text, spaces and all, in a style."""
_MATH_STYLES = {
    "mathrm": _PLAIN,
    "operatorname": _PLAIN,
    "mathsf": _PLAIN,
    "mathit": _ITALIC,
    "mathbf": _BOLD,
    "boldsymbol": _BOLD,
    "mathtt": _MONO,
}
"""Commands whose argument is upright math in a style."""
_BLACKBOARD = {"N": "ℕ", "Z": "ℤ", "Q": "ℚ", "R": "ℝ", "C": "ℂ"}
_SPACES = {",": " ", ":": " ", ";": " ", " ": " ", "quad": " ", "qquad": " ", "!": ""}
_SIZES = frozenset(_words("left right middle big Big bigg Bigg bigl bigr Bigl Bigr displaystyle textstyle"))
"""Commands that only size or set out what follows: nothing of their own to print."""
_SCRIPTS = {"^": "super", "_": "sub"}
_TEXT_ESCAPES = frozenset("{}%$&#_ ")

_TOKEN = regex(r"\\(?:[A-Za-z]+|.)|\s+|.", re.S)
_TAG = regex(r"<[^>]*>")
_COMPOUND = regex(r"[\s+−*/×·=<>≈≤≥]")


class _UnknownTeXError(Exception):
    """A formula with something not known here: its source prints instead."""


def printed_formula(tex: str) -> str | None:
    """Reportlab markup for ``tex``; ``None`` when it uses anything not known here."""
    try:
        reader = _Reader(_TOKEN.findall(tex))
        markup = reader.group(closed=False)
    except (_UnknownTeXError, RecursionError):  # braces nested hundreds deep: printed as written
        return None
    return " ".join(markup.replace("</i><i>", "").split())


@dataclass(slots=True)
class _Reader:
    """Reads TeX tokens in order; math mode, where spaces in the source print nothing."""

    tokens: list[str]
    at: int = 0
    upright: bool = False
    scripted: bool = False
    """Inside a raised or lowered script: a script within it prints its source."""
    operand: bool = False
    """Whether what came last is something an operator may follow: ``-1`` is no subtraction."""

    def group(self, *, closed: bool) -> str:
        """Atoms up to the ``}`` closing a group (``closed``) or to the end."""
        out: list[str] = []
        while self.at < len(self.tokens):
            token = self._next()
            if token == "}":
                if closed:
                    return "".join(out)
                raise _UnknownTeXError
            out.append(self._atom(token))
        if closed:
            raise _UnknownTeXError
        return "".join(out)

    def _next(self) -> str:
        if self.at >= len(self.tokens):
            raise _UnknownTeXError
        token = self.tokens[self.at]
        self.at += 1
        return token

    def _peek(self) -> str:
        while self.at < len(self.tokens) and self.tokens[self.at].isspace():
            self.at += 1
        return self.tokens[self.at] if self.at < len(self.tokens) else ""

    def argument(self) -> str:
        """A command's argument: a group, or the one token after it."""
        token = self._peek()
        if not token:
            raise _UnknownTeXError
        self.at += 1
        if token == "{":
            return self.group(closed=True)
        return self._atom(token)

    def _atom(self, token: str) -> str:
        if token.isspace():
            return ""
        if token == "{":
            return self.group(closed=True)
        if token in _SCRIPTS:
            return self._script(_SCRIPTS[token])
        if token.startswith("\\"):
            return self._command(token[1:])
        if token in _OPERATORS:
            return self._operator(_OPERATORS[token])
        if token in "&$}":  # alignment, a nested formula, a brace closing nothing: not a line's formula
            raise _UnknownTeXError
        if token == "~":
            return " "
        self.operand = token not in "([,"
        if token == ",":
            return ", " if not self._peek().isdigit() else ","
        if token == "'":
            return "′"
        if token.isalpha() and token.isascii() and not self.upright:
            return f"<i>{token}</i>"
        return escape(token, quote=False)

    def _operator(self, symbol: str) -> str:
        spaced = not self.scripted and (self.operand or symbol not in "−+±∓")
        self.operand = False
        return f" {symbol} " if spaced else symbol

    def _script(self, tag: str) -> str:
        if self.scripted:
            raise _UnknownTeXError
        if self._peek() in ("\\circ", "\\degree"):  # 90^\circ: a degree sign, not raised
            self.at += 1
            return "°"
        self.scripted, self.operand = True, False  # `e^{\frac{a}{b}}`: nothing multiplies it in there
        try:
            raised = self.argument()
        finally:
            self.scripted = False
        self.operand = True
        return f"<{tag}>{raised}</{tag}>"

    def _command(self, name: str) -> str:
        if name in _SYMBOLS:
            self.operand = name not in ("sum", "prod", "int", "oint", "langle", "lfloor", "lceil")
            return escape(_SYMBOLS[name], quote=False)
        if name in _OPERATORS:
            return self._operator(_OPERATORS[name])
        if name in _SPACES:
            return _SPACES[name]
        if name in _SIZES:
            following = self._peek()
            if name in ("left", "right", "middle") or following in "()[]|.":
                self.at += following == "."  # \left. opens nothing
            return ""
        if name in _FUNCTIONS:  # n \log n: spaced from a term on either side
            before, self.operand = " " if self.operand else "", True
            following = self._peek()
            return before + name + (" " if following and following not in "(^_{[" else "")
        if name in _TEXT_STYLES:
            opening, closing = _TEXT_STYLES[name]
            self.operand = True
            return opening + escape(self._text_argument(), quote=False) + closing
        if name in _MATH_STYLES:
            return self._upright(*_MATH_STYLES[name])
        if name in ("frac", "dfrac", "tfrac"):
            return self._fraction()
        if name == "ce":
            self.operand = True
            return _chemical(self._raw_argument())
        if name == "sqrt":
            index = self._index()
            radicand = self.argument()
            self.operand = True
            return f"{index}√{_bracketed(radicand)}"
        if name == "mathbb":
            letter = self._text_argument()
            if letter not in _BLACKBOARD:
                raise _UnknownTeXError
            return _BLACKBOARD[letter]
        if name == "pmod":
            return f" (mod {self.argument()})"
        raise _UnknownTeXError

    def _fraction(self) -> str:
        """``a/b``, or ``½`` for a common one; bracketed whole beside a term it multiplies, since
        ``\\frac{u+v}{2}t`` read ``(u + v)/2t`` would divide by ``2t``."""
        term_before, whole_before = self.operand, self._number_before()
        numerator, denominator = self.argument(), self.argument()
        self.operand = True
        common = _COMMON_FRACTIONS.get((numerator.strip(), denominator.strip()))
        if common is not None:
            return common
        if whole_before and numerator.strip().isdigit() and denominator.strip().isdigit():
            return f" {numerator.strip()}/{denominator.strip()}"  # `2\frac{3}{5}`: a mixed number, 2 3/5
        fraction = f"{_bracketed(numerator)}/{_bracketed(denominator)}"
        return f"({fraction})" if term_before or self._term_follows() else fraction

    def _number_before(self) -> bool:
        """Whether a number's digit comes right before the command just read (``2\\frac{3}{5}``)."""
        before = self.at - 2
        while before >= 0 and self.tokens[before].isspace():
            before -= 1
        return before >= 0 and self.tokens[before].isdigit()

    def _term_follows(self) -> bool:
        """Whether a term comes next, multiplying what came before: a letter, a number, a bracket, a
        symbol or another fraction, not an operator, a script or a closing bracket."""
        following = self._peek()
        if following.startswith("\\"):
            name = following[1:]
            return name in _SYMBOLS or name in _FUNCTIONS or name in ("frac", "dfrac", "tfrac", "sqrt")
        return following[:1].isalnum() or following in ("(", "[", "{")

    def _raw_argument(self) -> str:
        """A group's source as written, braces within it kept (``\\ce{SO4^{2-}}``)."""
        if self._peek() != "{":
            raise _UnknownTeXError
        self.at += 1
        depth, out = 1, list[str]()
        while True:
            token = self._next()
            depth += (token == "{") - (token == "}")
            if depth == 0:
                return "".join(out)
            out.append(token)

    def _upright(self, opening: str, closing: str) -> str:
        upright, self.upright = self.upright, True
        try:
            argument = self.argument()
        finally:
            self.upright = upright
        self.operand = True
        return opening + argument + closing

    def _text_argument(self) -> str:
        """A ``\\text{…}`` argument as written, its spaces kept, ``\\%`` and the like as their sign."""
        if self._peek() != "{":
            raise _UnknownTeXError
        self.at += 1
        out: list[str] = []
        while (token := self._next()) != "}":
            if token.startswith("\\") and token[1:] in _TEXT_ESCAPES:
                out.append(token[1:])
            elif token.startswith("\\") or token in "{$":
                raise _UnknownTeXError
            else:
                out.append(token)
        return "".join(out)

    def _index(self) -> str:
        """A root's index, ``\\sqrt[3]{x}``, raised before the sign; none for a square root."""
        if self._peek() != "[":
            return ""
        self.at += 1
        out: list[str] = []
        while (token := self._next()) != "]":
            out.append(self._atom(token))
        return f"<super>{''.join(out)}</super>"


def _bracketed(markup: str) -> str:
    """A fraction's side or a root's radicand: in brackets when it is more than one term and not
    already in brackets of its own (``\\frac{(u+v)}{2}``)."""
    side = markup.strip()
    plain = _TAG.sub("", side)
    return f"({side})" if _COMPOUND.search(plain) and not _in_brackets(plain) else side


def _in_brackets(text: str) -> bool:
    """Whether ``text`` is one bracketed group, ``(a + b)``, not ``(a) + (b)``."""
    if not (text.startswith("(") and text.endswith(")")):
        return False
    depth = 0
    for index, character in enumerate(text):
        depth += (character == "(") - (character == ")")
        if depth == 0 and index < len(text) - 1:
            return False
    return depth == 0


_COMMON_FRACTIONS = {
    ("1", "2"): "½",
    ("1", "3"): "⅓",
    ("2", "3"): "⅔",
    ("1", "4"): "¼",
    ("3", "4"): "¾",
    ("1", "8"): "⅛",
}
"""Fractions with a character of their own: ``\\tfrac{1}{2}mv^2`` prints ``½mv²``, not ``1/2mv²``."""

_CHEMICAL_TOKEN = regex(r"<=>|<->|->|<-|\^\{[^{}]*\}|\^[0-9]*[+\-]?|\s+|[A-Za-z]+|[0-9]+|.")
_ARROWS = {"->": "→", "<-": "←", "<->": "↔", "<=>": "⇌"}


def _chemical(formula: str) -> str:
    """An mhchem ``\\ce{…}`` formula as printed: ``2H2 + O2 -> 2H2O`` is 2H₂ + O₂ → 2H₂O, a number
    after an element or a bracket a subscript, one opening a term a coefficient, ``^{2-}`` and a
    sign ending a species (``Na+``) raised, ``*`` or ``.`` between parts of a hydrate a dot. Anything
    else (a command, a brace) is not known here: the formula prints as written."""
    tokens = _CHEMICAL_TOKEN.findall(formula)
    out: list[str] = []
    coefficient = False  # the last token a number opening a term: `0.5 H2`'s point is a decimal one
    for index, token in enumerate(tokens):
        before = tokens[index - 1] if index else " "
        after = tokens[index + 1] if index + 1 < len(tokens) else " "
        in_species = not before.isspace() and before not in _ARROWS and before not in ("*", ".", "+")
        if token in ("v", "^") and before.isspace() and after.isspace():
            raise _UnknownTeXError  # a precipitate's or a gas's sign, `AgCl v`: no letter to print
        if token.isspace():
            out.append(" ")
        elif token == "[" and before in _ARROWS:
            raise _UnknownTeXError  # an arrow's label, `->[heat]`: printed above it, not here
        elif token in _ARROWS:
            out.append(f" {_ARROWS[token]} ")
        elif token.startswith("^"):
            charge = token[1:].strip("{}").replace("-", "−")
            if not charge or not all(character.isdigit() or character in "+−" for character in charge):
                raise _UnknownTeXError
            out.append(f"<super>{charge}</super>")
        elif token.isdigit():
            lowered = in_species and (before[-1].isalpha() or before in ")]")
            out.append(f"<sub>{token}</sub>" if lowered else token)
            coefficient = not lowered
            continue
        elif token in "+-" and in_species and after.isspace():
            out.append(f"<super>{'+' if token == '+' else '−'}</super>")
        elif token == "+":
            out.append(" + ")
        elif token == "." and coefficient and after.isdigit():
            out.append(".")
        elif token in ("*", "."):
            out.append("·")
        elif token.isalpha() or token in "()[]":
            out.append(token)
        else:
            raise _UnknownTeXError
        coefficient = False
    return " ".join("".join(out).split())
