"""Routing characters to fonts: the body font first, the symbol font next, a visible placeholder last."""

from __future__ import annotations

from ccpkit.export.pdf.glyphs import Typesetter, placeholder
from ccpkit.model import SourceLocation
from tests.export.pdf.synthetic import MISSING_GLYPH

HERE = SourceLocation(path="09-security/cram-sheet.md", line=7)


def test_text_the_body_font_has_passes_through_unchanged(setter: Typesetter) -> None:
    text = "Arrows → ↔ ≈ ≥, quotes “ok” \u2018ok\u2019, dash — and ✓ ⚠"
    assert setter.plain(text, HERE) == text
    assert setter.problems == ()


def test_emoji_go_to_the_fallback_font_in_one_run(setter: Typesetter) -> None:
    fallback = setter.fonts.fallback
    assert setter.plain("Tip 🎯💡 now", HERE) == f'Tip <font face="{fallback}">🎯💡</font> now'
    assert setter.plain("✅ done", HERE) == f'<font face="{fallback}">✅</font> done'


def test_presentation_selectors_and_joiners_are_dropped(setter: Typesetter) -> None:
    assert setter.plain("⚠\ufe0f trap", HERE) == "⚠ trap"


def test_markdown_marks_survive_and_entities_are_untouched(setter: Typesetter) -> None:
    markup = setter.markdown("**Term** & `code` ⌚", HERE)
    fallback = setter.fonts.fallback
    assert markup == (
        f'<b>Term</b> &amp; <font face="{setter.fonts.mono}">code</font> <font face="{fallback}">⌚</font>'
    )


def test_a_character_no_font_has_becomes_a_placeholder_and_a_located_warning(setter: Typesetter) -> None:
    assert (
        setter.plain(f"melts {MISSING_GLYPH}{MISSING_GLYPH}", HERE)
        == f"melts {placeholder(MISSING_GLYPH) * 2}"
    )
    (problem,) = setter.problems
    assert str(problem).startswith("09-security/cram-sheet.md:7: warning: character")
    assert "U+1FAE0" in problem.message and "[U+1FAE0]" in problem.message


def test_a_place_with_many_characters_no_font_has_is_one_warning_naming_a_few(setter: Typesetter) -> None:
    """A paragraph in Amharic (Ethiopic script, in none of the fonts) is one warning, not one per letter."""
    amharic = "ዋና መስቀለኛ መንገድ ውሂብ ያከማቻል"
    setter.plain(amharic, HERE)
    (problem,) = setter.problems
    missing = len(set(amharic.replace(" ", "")))
    assert f"and {missing - 5} more are in none of the PDF fonts" in problem.message
    assert "'ዋ' (U+12CB)" in problem.message


def test_tabs_and_control_characters_print_as_spaces(setter: Typesetter) -> None:
    assert setter.plain("a\tb\x07c", HERE) == "a b c"
    assert setter.problems == ()
