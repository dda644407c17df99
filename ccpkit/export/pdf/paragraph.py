"""A reportlab ``Paragraph`` that remembers its line breaks for the width it was last wrapped to,
folds lines of code to that width itself, each line it goes on to under a continuation mark, breaks
a word longer than a line where a reader expects (``long_words``), and draws right-to-left text
(Hebrew) in the order it reads."""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.fonts import ps2tt, tt2ps
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont, stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus.paragraph import Paragraph as _Paragraph
from reportlab.platypus.paragraph import _handleBulletWidth, cleanBlockQuotedText

from ccpkit.export.pdf import cjk
from ccpkit.export.pdf.bidi import display_order, has_right_to_left, mirror
from ccpkit.export.pdf.cjk_lines import cjk_lines
from ccpkit.export.pdf.long_words import LONG_RUN, broken_words, unescaped
from ccpkit.regex import regex
from ccpkit.text_direction import starts_right_to_left

_TOKENS = regex(r"<[^>]*>|&#?\w+;|.", re.S)
"""Markup as tags, entities and single characters: a character or an entity is one column of code."""
_FACE = regex(r'<font\b[^>]*\bface="([^"]+)"')
_LINE_FACE = regex(r'(?:^|<br/>)(?:<[^>]*>)*?<font\b[^>]*\bface="([^"]+)"')
"""A face set at the start of a line: where a line of code may start (the rest is a sentence's code)."""
_BREAK = "<br/>"
_BREAK_AFTER = frozenset(" ,.;:/\\([{=-+*|&")
"""Where a line of code breaks best: after a space or a mark, never inside a name while one is near."""
_CONTINUED = "ccpkit-continued"
"""The callback that draws ↪ where a line of code goes on (at the margin it would read as a statement
of its own): drawn, not typed, so code copied from the PDF comes back as written."""


class Paragraph(_Paragraph):  # type: ignore[misc]
    """Tables wrap every cell to measure it and again to draw it; breaking lines is most of a build's
    time, and the result depends only on the width, so a repeat at the same width reuses it.

    A line of code (a code block's line, in a fixed-pitch face from its line's start to its end)
    wider than the paragraph is folded here rather than by reportlab, which broke it anywhere and
    went on at the margin: it breaks after a space or a mark where one is near, and each line it
    goes on to starts as far in as the line did, under ``↪``."""

    blPara: Any  # noqa: N815 (reportlab's name): the lines as laid out, which ``wrap`` sets
    frags: Any
    style: ParagraphStyle
    bulletText: Any  # noqa: N815 (reportlab's name)
    flush_right_when_right_to_left = True
    """False where the place, not the text, decides the side (a running header's left half)."""
    _wrapped: tuple[float, float, float] | None = None
    _written: str | None = None
    """The markup as made, if a line of it may be code or a word longer than a line; folded anew
    for each width."""
    _checked = False
    _split_part = False

    def _setup(self, text: Any, style: Any, bullet_text: Any, frags: Any, cleaner: Any) -> None:
        """reportlab's parse, then Arabic in italics upright (see ``upright_where_italics_lack``)."""
        super()._setup(text, style, bullet_text, frags, cleaner)
        self._split_part = frags is not None  # a part a split made, from the whole's laid-out words
        if frags is None:
            self.frags = upright_where_italics_lack(self.frags)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._wrapped is not None and self._wrapped[0] == avail_width and hasattr(self, "blPara"):
            return self._wrapped[1], self._wrapped[2]
        self._fold(avail_width)
        width, height = super().wrap(avail_width, avail_height)
        self._wrapped = (avail_width, width, height)
        return width, height

    def breakLines(self, width: Any) -> Any:  # noqa: N802 (reportlab's name)
        """reportlab's lines; a line with an exponent or an index (a formula's ``x²``, ``aᵢ``) is set
        that much further from its neighbours, which reportlab's leading ignores (they printed into
        the lines above and below). Text in a CJK font, which has no spaces, breaks between any two
        characters (``cjk_lines``): breaking at spaces only, a line of it ran off the column."""
        laid = self._break_cjk(width) if _sets_cjk(self.frags) else super().breakLines(width)
        if self._split_part and laid.kind == 1 and len(laid.lines) > 1 and _only_a_break(laid.lines[0]):
            laid.lines = laid.lines[1:]  # a part a split made, opening on the line break ending the last
        if laid.kind == 1 and any(getattr(piece, "rise", 0) for line in laid.lines for piece in line.words):
            self.autoLeading = "max"  # each line as tall as its ascent and descent say (set below)
            for line in laid.lines:
                _make_room_for_scripts(line, self.style.leading)
        return laid

    def _break_cjk(self, width: Any) -> Any:
        """As reportlab's ``breakLinesCJK``, with ``cjk_lines`` breaking: a part a split made keeps
        its lines; a bullet wider than its indent takes room from the first line."""
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            return self.blPara
        widths = list(width) if isinstance(width, list | tuple) else [width]
        _handleBulletWidth(self.bulletText, self.style, widths)
        self.height = 0
        auto_leading = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        return cjk_lines(self.frags, widths, auto_leading not in ("", "off"))

    def drawPara(self, debug: int = 0) -> None:  # noqa: N802 (reportlab's name)
        """Lines holding right-to-left letters are drawn in display order (see ``bidi``); the lines as
        laid out stay in the order the notes wrote them, so a column break still splits them right.
        A paragraph that starts right to left is set flush right."""
        if self.canv.getNamedCB(_CONTINUED) is None:
            self.canv.setNamedCB(_CONTINUED, _draw_continued)
        laid: Any = self.blPara
        written = _laid_text(laid)
        if not has_right_to_left(written):
            super().drawPara(debug)
            return
        right_to_left = starts_right_to_left(written)
        style: ParagraphStyle = self.style
        bullet = self.bulletText
        self.blPara = laid.clone(lines=[_displayed(line, laid.kind, right_to_left) for line in laid.lines])
        flush_right = right_to_left and style.alignment == TA_LEFT and self.flush_right_when_right_to_left
        if flush_right:
            self.style = ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT)
        mirrored = flush_right and isinstance(bullet, str) and bool(bullet)
        try:
            if mirrored:  # the text as far from the right as it hung from the left, its bullet right of it
                self.bulletText = None
                self.canv.saveState()
                self.canv.translate(style.rightIndent - style.leftIndent, 0)
            super().drawPara(debug)
        finally:
            if mirrored:
                self.canv.restoreState()
            self.blPara, self.style, self.bulletText = laid, style, bullet
        if mirrored:
            self._draw_bullet_at_right(bullet, laid)

    def _draw_bullet_at_right(self, bullet: str, laid: Any) -> None:
        """The bullet where a right-to-left item starts: as far from the right as it was from the left,
        on the first line's baseline."""
        style, canvas = self.style, self.canv
        first = laid if laid.kind == 0 else laid.lines[0]
        canvas.saveState()
        canvas.setFont(style.bulletFontName, style.bulletFontSize)
        canvas.setFillColor(getattr(style, "bulletColor", style.textColor))
        baseline = self.height - getattr(first, "ascent", style.fontSize) + getattr(style, "bulletOffsetY", 0)
        canvas.drawRightString(self.width - style.bulletIndent, baseline, bullet)
        canvas.restoreState()

    def _fold(self, avail_width: float) -> None:
        """Set the markup again with its lines of code and its long words folded to ``avail_width``."""
        if not self._checked:
            self._checked = True
            text = getattr(self, "text", None)  # None in the parts a split makes: they are folded
            foldable = isinstance(text, str) and (_opens_code(text) or LONG_RUN.search(text) is not None)
            self._written = text if foldable else None
        if self._written is None:
            return
        style = self.style
        room = avail_width - style.leftIndent - style.rightIndent - max(style.firstLineIndent, 0)
        folded = fold(self._written, room, style.fontSize, style.fontName)
        if folded != self.text:
            self._setup(folded, style, self.bulletText, None, cleanBlockQuotedText)


def upright_where_italics_lack(frags: list[Any]) -> list[Any]:
    """``frags`` with each run of characters an italic face lacks and its upright face has set
    upright: Arabic, which DejaVu's oblique faces lack (``fonts.body_chars``) and which is written
    without italics, prints upright and as bold as the text around it, not as empty boxes."""
    return [run for frag in frags for run in _upright_runs(frag)]


def _upright_runs(frag: Any) -> list[Any]:
    text = getattr(frag, "text", None)
    if not text or not isinstance(text, str) or not getattr(frag, "italic", 0):
        return [frag]
    italic = _glyphs(frag.fontName)
    if italic is None or italic.issuperset(map(ord, text)):
        return [frag]
    upright = _upright(frag.fontName)
    if upright is None:
        return [frag]
    runs: list[tuple[str, str]] = []
    for char in text:
        face = upright if ord(char) not in italic and ord(char) in (_glyphs(upright) or ()) else frag.fontName
        if runs and runs[-1][0] == face:
            runs[-1] = (face, runs[-1][1] + char)
        else:
            runs.append((face, char))
    return [frag.clone(fontName=face, text=run) for face, run in runs]


@cache
def _glyphs(face: str) -> frozenset[int] | None:
    """The characters an embedded font has (None for another kind of font, such as a CJK one)."""
    font = getFont(face)
    return frozenset(font.face.charToGlyph) if isinstance(font, TTFont) else None


@cache
def _upright(face: str) -> str | None:
    """The upright face of an italic one, as bold as it (None when reportlab knows no such face)."""
    try:
        family, bold, _ = ps2tt(face)
        upright: str = tt2ps(family, bold, 0)
    except ValueError:
        return None
    return None if upright == face else upright


def _sets_cjk(frags: Any) -> bool:
    return any(getattr(frag, "fontName", None) in cjk.FACES for frag in frags)


def _only_a_break(line: Any) -> bool:
    """Whether a laid-out line holds nothing but a line break: how the part after a column break
    opens when a long word was broken there, and which reportlab cannot split again (an
    ``IndexError`` on a paragraph of thousands of characters with no space)."""
    return bool(getattr(line, "lineBreak", False)) and not any(
        getattr(word, "text", "") or getattr(word, "cbDefn", None) for word in getattr(line, "words", ())
    )


@dataclass(slots=True)
class _Line:
    """One printed line of markup: its tokens, and which of them are columns of code."""

    tokens: list[str]
    code: list[bool]
    face: str = ""
    """The fixed-pitch face its code is set in."""


def fold(markup: str, room: float, size: float, font: str) -> str:
    """``markup`` (set in ``font`` at ``size``) with each line of code wider than ``room`` points
    folded, and then each word wider than ``room`` broken (see ``Paragraph``)."""
    lines = _lines(markup) if _opens_code(markup) else []
    if any(_is_code(line) for line in lines):
        markup = _BREAK.join(
            _folded(line, room, size) if _is_code(line) else "".join(line.tokens) for line in lines
        )
    if LONG_RUN.search(markup) is None:
        return markup
    tokens = _TOKENS.findall(markup)
    return broken_words(tokens, lambda: _faces(tokens, font), room, size)


def _faces(tokens: list[str], font: str) -> list[str]:
    """The face each token prints in: the innermost ``<font face>`` around it (else ``font``), bold
    inside ``<b>`` and italic inside ``<i>``."""
    faces: list[str] = []
    opened: list[str] = []
    styled = {"b": 0, "i": 0}  # how many <b> and <i> are open
    for token in tokens:
        if token.startswith("<font"):
            found = _FACE.match(token)
            opened.append(found[1] if found else (opened[-1] if opened else font))
        elif token == "</font>" and opened:
            opened.pop()
        elif token in ("<b>", "<i>", "</b>", "</i>"):
            styled[token.strip("</>")] += -1 if token.startswith("</") else 1
        faces.append(tt2ps(opened[-1] if opened else font, int(styled["b"] > 0), int(styled["i"] > 0)))
    return faces


def _lines(markup: str) -> list[_Line]:
    """The markup's lines (between ``<br/>`` tags), each token marked as code or not: a character or
    entity is code when some open ``<font>`` around it names a fixed-pitch face."""
    faces: list[str] = []  # per open <font>: the fixed-pitch face in force inside it ("" for none)
    lines = [_Line([], [])]
    for token in _TOKENS.findall(markup):
        if token == _BREAK:
            lines.append(_Line([], []))
            continue
        if token.startswith("<font"):
            found = _FACE.match(token)
            named = found[1] if found and _fixed_pitch(found[1]) else ""
            faces.append(named or (faces[-1] if faces else ""))
        elif token == "</font>" and faces:
            faces.pop()
        line, fixed = lines[-1], faces[-1] if faces else ""
        line.tokens.append(token)
        line.code.append(bool(fixed) and not token.startswith("<"))
        line.face = line.face or fixed
    return lines


def _opens_code(markup: str) -> bool:
    """Whether a line of ``markup`` may be code: it opens in a fixed-pitch face (a cheap look first)."""
    return "face=" in markup and any(_fixed_pitch(face) for face in _LINE_FACE.findall(markup))


@cache
def _fixed_pitch(face: str) -> bool:
    try:
        return bool(getFont(face).face.flags & 1)  # the PDF font flag FixedPitch
    except (KeyError, AttributeError):
        return False


def _is_code(line: _Line) -> bool:
    """A line whose every column is code (tags aside): a code block's line, not code in a sentence."""
    columns = [code for token, code in zip(line.tokens, line.code, strict=True) if not token.startswith("<")]
    return bool(columns) and all(columns)


def _folded(line: _Line, room: float, size: float) -> str:
    """A line of code broken into pieces that fit ``room``, each piece after the first indented as the
    line is, under ``↪``."""
    width = math.floor(room / stringWidth("0", line.face, size) + 1e-6)
    columns = [index for index, token in enumerate(line.tokens) if not token.startswith("<")]
    if len(columns) <= width or width < 8:
        return "".join(line.tokens)
    indent = min(_indent(line, columns), width // 2)
    opening = _BREAK + "&nbsp;" * indent + f'<onDraw name="{_CONTINUED}"/>' + "&nbsp;" * 2
    breaks, start, fits = set(), 0, width
    while len(columns) - start > fits:
        end = _break_at(line, columns, start, fits)
        breaks.add(columns[end])
        start, fits = end, width - indent - 2
    return "".join((opening if index in breaks else "") + token for index, token in enumerate(line.tokens))


def _indent(line: _Line, columns: list[int]) -> int:
    """How many columns of blank open the line: its indentation as written."""
    return len(list(itertools.takewhile(lambda index: unescaped(line.tokens[index]) == " ", columns)))


def _break_at(line: _Line, columns: list[int], start: int, fits: int) -> int:
    """The column the next piece starts at: right after the last space or mark among the ``fits``
    columns from ``start``, when that leaves the piece at least half full; else after ``fits``."""
    for end in range(start + fits, start + fits // 2, -1):
        if unescaped(line.tokens[columns[end - 1]]) in _BREAK_AFTER:
            return end
    return start + fits


def _draw_continued(canvas: Any, _kind: str, _label: str | None) -> None:
    """↪ in the two columns before a line of code goes on: a stroke down and along, and its head."""
    at = canvas._curr_tx_info
    x, y, size = at["cur_x"], at["cur_y"], at["tx"]._fontsize or at["xs"].style.fontSize
    canvas.saveState()
    canvas.setLineWidth(size * 0.07)
    canvas.setStrokeColor(at["xs"].style.textColor)
    path = canvas.beginPath()
    path.moveTo(x + size * 0.2, y + size * 0.6)
    path.lineTo(x + size * 0.2, y + size * 0.25)
    path.lineTo(x + size * 0.85, y + size * 0.25)
    path.moveTo(x + size * 0.65, y + size * 0.4)
    path.lineTo(x + size * 0.85, y + size * 0.25)
    path.lineTo(x + size * 0.65, y + size * 0.1)
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()


_ABOVE = 5 / 6
"""The share of a line's leading above its baseline, where reportlab's ``autoLeading`` puts it."""


def _make_room_for_scripts(line: Any, leading: float) -> None:
    """Set a laid-out line's ascent and descent so that reportlab's ``autoLeading="max"`` spaces it
    ``leading`` from its neighbours, plus what its raised or lowered pieces reach beyond that."""
    top, bottom = max(leading * _ABOVE, line.ascent), min(-leading * (1 - _ABOVE), line.descent)
    for piece in line.words:
        rise = getattr(piece, "rise", 0)
        if rise and isinstance(getattr(piece, "text", None), str):
            ascent, descent = getAscentDescent(piece.fontName, piece.fontSize)
            top, bottom = max(top, rise + ascent), min(bottom, rise + descent)
    line.ascent, line.descent = top, bottom


_OBJECT = "\ufffc"
"""Stands for a piece of a line that is no text (an anchor, an image) while the line is reordered."""


def _laid_text(laid: Any) -> str:
    """The text of a laid-out paragraph's lines (``kind`` 0: lists of words; 1: lines of pieces)."""
    if laid.kind == 0:
        return " ".join(word for _, words in laid.lines for word in words)
    return "".join(getattr(piece, "text", "") for line in laid.lines for piece in line.words)


def _displayed(line: Any, kind: int, right_to_left: bool) -> Any:
    """One laid-out line in display order: a line of words as one string, a line of styled pieces
    as pieces again, each cut where the order leaves the piece it came from."""
    if kind == 0:
        extra, words = line
        text = " ".join(words)
        return extra, ["".join(_shown(text, right_to_left))]
    units = [(char, index) for index, piece in enumerate(line.words) for char in _piece_text(piece)]
    order = display_order([char for char, _ in units], right_to_left=right_to_left)
    pieces: list[Any] = []
    run: list[str] = []
    for position, (at, reversed_) in enumerate(order):
        char, index = units[at]
        run.append(mirror(char) if reversed_ else char)
        following = units[order[position + 1][0]][1] if position + 1 < len(order) else None
        if following != index:
            piece = line.words[index]
            pieces.append(piece if char == _OBJECT else piece.clone(text="".join(run)))
            run = []
    return line.clone(words=pieces)


def _piece_text(piece: Any) -> str:
    return (
        _OBJECT
        if hasattr(piece, "cbDefn") or not isinstance(getattr(piece, "text", None), str)
        else piece.text
    )


def _shown(text: str, right_to_left: bool) -> list[str]:
    return [
        mirror(text[at]) if reversed_ else text[at]
        for at, reversed_ in display_order(text, right_to_left=right_to_left)
    ]
