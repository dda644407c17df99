"""Embedded TrueType fonts: find, register once, and know which characters each one can print."""

from __future__ import annotations

import os
import re
import struct
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ccpkit.errors import UsageError
from ccpkit.export.pdf import cjk
from ccpkit.export.pdf.arabic import ARABIC_SCRIPT, base_letters
from ccpkit.export.pdf.style import Style, setting_error
from ccpkit.regex import regex

BUNDLED = Path(__file__).resolve().parent.parent.parent / "fonts"
"""``ccpkit/fonts``: DejaVu and Symbola, shipped with the package (licences alongside)."""


@dataclass(frozen=True, slots=True)
class FontSet:
    """Registered reportlab font names, and the characters every font of a family covers."""

    body: str
    """Family name for text; ``<b>`` and ``<i>`` resolve to its bold and italic files."""
    mono: str
    fallback: str
    body_chars: frozenset[int]
    """What prints in every face of the text family; Arabic letters only the upright faces have count
    too (``paragraph`` prints them upright in italics, as DejaVu's oblique faces have none)."""
    mono_chars: frozenset[int]
    fallback_chars: frozenset[int]


def register_fonts(style: Style) -> FontSet:
    """Register the style's fonts with reportlab (once per file), and the CJK fonts viewers supply,
    and return their names."""
    _mend_to_unicode_map()
    cjk.register()
    body = [_register(_find(style, key)) for key in ("regular", "bold", "italic", "bold_italic")]
    mono = [_register(_find(style, key)) for key in ("mono", "mono_bold")]
    fallback = _register(_find(style, "fallback"))
    pdfmetrics.registerFontFamily(body[0], normal=body[0], bold=body[1], italic=body[2], boldItalic=body[3])
    pdfmetrics.registerFontFamily(mono[0], normal=mono[0], bold=mono[1], italic=mono[0], boldItalic=mono[1])
    pdfmetrics.registerFontFamily(
        fallback, normal=fallback, bold=fallback, italic=fallback, boldItalic=fallback
    )
    return FontSet(
        body=body[0],
        mono=mono[0],
        fallback=fallback,
        body_chars=_body_chars(body),
        mono_chars=frozenset.intersection(*(_chars(name) for name in mono)),
        fallback_chars=_chars(fallback),
    )


def _find(style: Style, key: str) -> Path:
    """The file ``[fonts] key`` names: in the project's ``templates/pdf/``, else among the bundled."""
    name: str = getattr(style.fonts, key)
    for folder in (style.folder, BUNDLED):
        if (folder / name).is_file():
            return (folder / name).resolve()
        if os.path.lexists(folder / name):  # a folder of that name, or a link to nothing
            raise UsageError(f"{folder / name}: not a font file, which style.toml names: put the font there")
    message = f"font file {name!r} is neither in {style.folder} nor in {BUNDLED}"
    raise setting_error(style.folder, "fonts", key, message)


@cache
def _register(path: Path) -> str:
    """Load a font file under a name derived from its path; loading is the slow part, so only once."""
    name = f"ccpkit-{path.stem}"
    if not os.access(path, os.R_OK):
        raise UsageError(f"{path}: cannot read this font file (permission denied)")
    try:
        pdfmetrics.registerFont(TTFont(name, str(path)))
    except (TTFError, struct.error, ValueError, IndexError, KeyError) as error:  # a cut or damaged file
        raise UsageError(f"{path}: not a usable TrueType font ({error})") from None
    return name


def _body_chars(body: list[str]) -> frozenset[int]:
    """The characters every face of the text family (regular, bold, italic, bold italic) prints, and
    the Arabic script its upright faces print, which italics borrow: Arabic is written without
    italics, and DejaVu's oblique faces have none of it (its regular and bold do)."""
    every = frozenset.intersection(*(_chars(name) for name in body))
    upright = _chars(body[0]) & _chars(body[1])
    return every | frozenset(code for code in upright - every if _ARABIC.match(chr(code)))


@cache
def _chars(name: str) -> frozenset[int]:
    font = pdfmetrics.getFont(name)
    return frozenset(font.face.charToGlyph)


_ARABIC = regex(f"[{ARABIC_SCRIPT}]")
_BFCHAR = regex(r"^(<[0-9A-F]+>) <([0-9A-F]{5,6})>$", re.MULTILINE)


def _utf16(match: re.Match[str]) -> str:
    code_units = chr(int(match[2], 16)).encode("utf-16-be").hex().upper()
    return f"{match[1]} <{code_units}>"


def _mend_to_unicode_map() -> None:
    """Make copy and paste give back what the notes hold, by mending the ToUnicode CMap reportlab writes
    for each embedded font, once per process:
    - emoji: reportlab ≤ 5.1 writes code points above U+FFFF as 5 hex digits, where PDF wants UTF-16 (a
      surrogate pair); mended only while reportlab still has the bug, so an upgrade that fixes it is
      left alone;
    - Arabic: each presentation form ``arabic`` prints a letter in is mapped to that letter (a reader
      that does not fold them back finds them in no search). A lam-alef ligature keeps its own code
      point, which viewers fold to lam and alef themselves; given as the two letters, PDFium turned
      them round with the line."""
    original = ttfonts.makeToUnicodeCMap
    if getattr(original, "ccpkit_mended", False):
        return
    astral_bug = "<1F3AF>" in original("probe", [0x1F3AF])

    def mended(fontname: str, subset: list[int]) -> str:
        cmap = original(fontname, subset)
        cmap = _BFCHAR.sub(_utf16, cmap) if astral_bug else cmap
        return _PRESENTATION_FORM.sub(_letters_of, cmap)

    mended.ccpkit_mended = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = mended


_PRESENTATION_FORM = regex(r"^(<[0-9A-F]+>) <(F[B-E][0-9A-F]{2})>$", re.MULTILINE)


def _letters_of(match: re.Match[str]) -> str:
    letter = base_letters(chr(int(match[2], 16)))
    return f"{match[1]} <{ord(letter):04X}>" if len(letter) == 1 else match[0]
