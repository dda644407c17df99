"""Paragraph markup in which every character has a glyph: a CJK font, the fallback font, or a visible
placeholder."""

from __future__ import annotations

from html import escape

from ccpkit.errors import Problem
from ccpkit.export.pdf import arabic, cjk
from ccpkit.export.pdf.fonts import FontSet
from ccpkit.markup import to_reportlab
from ccpkit.model import SourceLocation
from ccpkit.regex import regex

_INVISIBLE = dict.fromkeys([0xFE0E, 0xFE0F, 0x200D, *range(0x1F3FB, 0x1F400)])
"""Emoji presentation selectors, joiners and skin tones: they shape colour emoji, print nothing."""
_CONTROL = dict.fromkeys([*range(0x00, 0x0A), *range(0x0B, 0x20), 0x7F], " ")
_TOKENS = regex(r"(<[^>]*>|&#?\w+;)")
_FONT_FACE = regex(r'<font face="(\w+)"')
_INLINE_TAG = regex(r"</?(?:b|i|u|strike|strong|em|font|span|a)\b[^>]*>")
"""A tag that styles text inside a line: Arabic letters on both sides of it still join."""


def placeholder(char: str) -> str:
    """What prints instead of a character no font has: its code point, so a reader can look it up."""
    return f"[U+{ord(char):04X}]"


class Typesetter:
    """Renders note text as reportlab markup and collects the characters no font has, by place: one
    problem per place (a page of Korean is one warning, not hundreds)."""

    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts
        self._missing: dict[SourceLocation, dict[str, None]] = {}
        self._faces = {"mono": fonts.mono}
        spaces = {ord(" "), ord("\n")}  # a line's spaces and breaks need no glyph
        self._fits = {False: fonts.body_chars | spaces, True: fonts.mono_chars | spaces}
        """Per face (mono or not), what text needs no other font: one set test per run of text."""

    @property
    def problems(self) -> tuple[Problem, ...]:
        return tuple(sorted(_missing_glyphs(source, list(chars)) for source, chars in self._missing.items()))

    def markdown(self, text: str, source: SourceLocation | None) -> str:
        """Inline Markdown from the notes → markup (bold, italic, code, line breaks)."""
        return self.route(to_reportlab(text), source)

    def plain(self, text: str, source: SourceLocation | None = None) -> str:
        """Text we wrote ourselves or that is not Markdown (titles, labels) → escaped markup."""
        return self.route(escape(text, quote=False), source)

    def route(self, markup: str, source: SourceLocation | None) -> str:
        """Send each character to the first font that has it; tags and entities pass through."""
        out: list[str] = []
        fonts: list[bool] = []  # open <font> tags: is each the mono face?
        markup = markup.translate(_INVISIBLE).translate(_CONTROL)
        tokens = _TOKENS.split(markup)
        if arabic.has_arabic_letters(markup):
            tokens = self._shaped(tokens)
        for token in tokens:
            if token.startswith("<font"):
                fonts.append(token.startswith('<font face="mono"'))
            elif token == "</font>" and fonts:
                fonts.pop()
            if token.startswith("<"):
                out.append(self._rename_face(token))
            elif token.startswith("&"):
                out.append(token)
            elif token:
                out.append(self._route_text(token, any(fonts), source, markup))
        return "".join(out)

    def _shaped(self, tokens: list[str]) -> list[str]:
        """The text among ``tokens`` with its Arabic letters in the forms they print in, joined across
        a styling tag (a word half in bold) but not across a line break, an entity or a picture."""
        stand_ins = [
            "" if _INLINE_TAG.fullmatch(token) else " " if token.startswith(("<", "&")) else token
            for token in tokens
        ]
        shaped = arabic.shaped(stand_ins, self.fonts.body_chars)
        return [
            token if token.startswith(("<", "&")) else text
            for token, text in zip(tokens, shaped, strict=True)
        ]

    def _rename_face(self, tag: str) -> str:
        found = _FONT_FACE.match(tag)
        if found and found[1] in self._faces:
            return tag.replace(f'"{found[1]}"', f'"{self._faces[found[1]]}"', 1)
        return tag

    def _route_text(self, text: str, in_mono: bool, source: SourceLocation | None, context: str) -> str:
        """``text``, a piece of ``context`` (the whole markup, whose script picks a Han character's
        font), with each run of characters the face lacks in a ``<font>`` that has them."""
        if self._fits[in_mono].issuperset(map(ord, text)):
            return text
        primary = self.fonts.mono_chars if in_mono else self.fonts.body_chars
        runs: list[tuple[str | None, str]] = []
        for char in text:
            face, shown = self._place(char, primary, in_mono, source, context)
            if runs and runs[-1][0] == face:
                runs[-1] = (face, runs[-1][1] + shown)
            else:
                runs.append((face, shown))
        return "".join(
            shown if face is None else f'<font face="{face}">{shown}</font>' for face, shown in runs
        )

    def _place(
        self, char: str, primary: frozenset[int], in_mono: bool, source: SourceLocation | None, context: str
    ) -> tuple[str | None, str]:
        """The face a character prints in (None: the one in force) and what prints: the text font,
        else the body font (in code), a CJK font (before the fallback font, whose odd kana and Han
        characters are symbols; its CJK emoji ㊗ ㊙ it keeps), the fallback font, a placeholder."""
        code = ord(char)
        if code in primary or char in " \n":
            return None, char
        if in_mono and code in self.fonts.body_chars:
            return self.fonts.body, char
        eastern = cjk.face_for(char, context)
        if eastern is not None and not (code in self.fonts.fallback_chars and cjk.is_symbol(char)):
            return eastern, char
        if code in self.fonts.fallback_chars:
            return self.fonts.fallback, char
        if source is not None:
            self._missing.setdefault(source, {})[char] = None
        return None, placeholder(char)


NAMED = 5
"""At most this many of a place's missing characters are named; the rest are counted."""


def _missing_glyphs(source: SourceLocation, chars: list[str]) -> Problem:
    named = ", ".join(f"{char!r} (U+{ord(char):04X})" for char in chars[:NAMED])
    more = f" and {len(chars) - NAMED} more" if len(chars) > NAMED else ""
    what = f"character {named} is" if len(chars) == 1 else f"characters {named}{more} are"
    message = (
        f"{what} in none of the PDF fonts; printed as code points ({placeholder(chars[0])} …). Replace "
        "them in the notes, or add a font that has them in templates/pdf/style.toml"
    )
    return Problem(source, message, "warning")
