"""Bundled fonts: present with their licences, registered once, and emoji copy-paste fixed."""

from __future__ import annotations

from reportlab.pdfbase import ttfonts

from ccpkit.export.pdf.fonts import BUNDLED, register_fonts
from ccpkit.export.pdf.style import load_style
from tests.export.pdf.conftest import TEMPLATES


def test_every_font_the_style_names_ships_with_ccpkit_with_a_licence() -> None:
    fonts = load_style(TEMPLATES).fonts
    for name in (fonts.regular, fonts.bold, fonts.italic, fonts.bold_italic, fonts.mono, fonts.mono_bold):
        assert (BUNDLED / name).is_file(), name
    assert (BUNDLED / fonts.fallback).is_file()
    assert "Bitstream" in (BUNDLED / "LICENSE-DejaVu.txt").read_text("utf-8")
    assert "redistributed" in (BUNDLED / "LICENSE-Symbola.txt").read_text("utf-8")


def test_the_fonts_cover_the_characters_real_notes_use() -> None:
    fonts = register_fonts(load_style(TEMPLATES))
    everything = fonts.body_chars | fonts.fallback_chars
    for char in "→↓↔—“”\u2018\u2019✓⚠😎✅⌚⏳💰🤔📚🎯🔍○☐":
        assert ord(char) in everything, char


def test_registering_twice_gives_the_same_names() -> None:
    style = load_style(TEMPLATES)
    assert register_fonts(style) == register_fonts(style)


def test_to_unicode_maps_astral_characters_to_utf16_surrogate_pairs() -> None:
    register_fonts(load_style(TEMPLATES))
    cmap = ttfonts.makeToUnicodeCMap("probe", [0x41, 0x1F3AF])
    assert "<00> <0041>" in cmap
    assert "<01> <D83CDFAF>" in cmap  # 🎯 as UTF-16, which every PDF reader decodes
