"""Chinese, Japanese and Korean text, which none of the bundled fonts has (a CJK font is tens of
megabytes), printed with Adobe's CJK fonts that PDF viewers supply: reportlab knows their metrics, so
lines break right, and the PDF names them without embedding them (no file ships). A character goes to
the font of its script: kana to Japanese, Hangul to Korean, and Han characters, CJK punctuation and
fullwidth forms to the script of the text around them (Japanese where it holds kana, Korean where it
holds Hangul, Chinese else)."""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont

from ccpkit.regex import regex

JAPANESE = "HeiseiKakuGo-W5"
KOREAN = "HYGothic-Medium"
CHINESE = "STSong-Light"
"""Simplified Chinese (Adobe-GB1, which holds traditional characters too): the one Chinese font of
reportlab's list that reads Unicode as GB text does; a sans face for Japanese and Korean, as the text's."""
FACES = (JAPANESE, KOREAN, CHINESE)

_KANA = "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f"
_HANGUL = "\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7ff\uffa0-\uffdc"
_SHARED = (
    "\u2e80-\u2fdf\u3000-\u303f\u3100-\u312f\u3190-\u31ef\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff65\uffe0-\uffee"
)
"""Han characters (with their radicals, strokes and compatibility forms), CJK punctuation, bopomofo,
enclosed and squared CJK signs, and fullwidth forms: written in all three scripts. Only the Basic
Multilingual Plane: the fonts read two-byte Unicode, so a rarer Han character above it has no glyph."""
_KANA_FOUND = regex(f"[{_KANA}]")
_HANGUL_FOUND = regex(f"[{_HANGUL}]")
CJK = regex(f"[{_KANA}{_HANGUL}{_SHARED}]")
"""A character one of the CJK fonts prints."""


def register() -> None:
    """Name the CJK fonts to reportlab (no file is read: viewers supply the glyphs), each its own
    bold and italic: these fonts come in one weight and upright only."""
    for face in FACES:
        _register(face)


@cache
def _register(face: str) -> None:
    pdfmetrics.registerFont(UnicodeCIDFont(face))
    pdfmetrics.registerFontFamily(face, normal=face, bold=face, italic=face, boldItalic=face)


def face_for(char: str, context: str) -> str | None:
    """The CJK font that prints ``char`` in ``context`` (the text it is part of), or None when it is no
    CJK character or a symbol an emoji font draws better (㊗, ㊙)."""
    if CJK.match(char) is None:
        return None
    if _KANA_FOUND.match(char):
        return JAPANESE
    if _HANGUL_FOUND.match(char):
        return KOREAN
    return _script_face(context)


def is_symbol(char: str) -> bool:
    """An enclosed or squared sign rather than a letter or punctuation: another font may have it."""
    return unicodedata.category(char) == "So"


@lru_cache(maxsize=64)
def _script_face(context: str) -> str:
    """The font of the Han characters, punctuation and fullwidth forms of one text: a text holding
    kana is Japanese, one holding Hangul Korean, any other Chinese."""
    if _KANA_FOUND.search(context):
        return JAPANESE
    if _HANGUL_FOUND.search(context):
        return KOREAN
    return CHINESE
