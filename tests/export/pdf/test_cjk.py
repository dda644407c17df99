# ruff: noqa: RUF001  (fullwidth brackets and commas are CJK punctuation, which these tests print)
"""Chinese, Japanese and Korean notes print as text in the CJK fonts viewers supply, not as code points;
their lines break inside the column; emoji and characters no font has are routed as before."""

from __future__ import annotations

from pathlib import Path

from ccpkit.export.pdf import cjk
from ccpkit.export.pdf.fonts import register_fonts
from ccpkit.export.pdf.glyphs import Typesetter
from ccpkit.export.pdf.layout import column_width, page_size
from ccpkit.export.pdf.style import load_style
from ccpkit.export.pdf.typography import typography
from ccpkit.model import SourceLocation
from tests.export.pdf.conftest import TEMPLATES, built_from
from tests.export.pdf.reading import assert_in_order, char_places, fonts, squashed, text
from tests.export.pdf.synthetic import MISSING_GLYPH

HERE = SourceLocation(path="01-words/cram-sheet.md", line=3)
VOCABULARY = """# Cram Sheet

## Cloud words

- **云计算:** cloud computing, 按需使用的计算资源。
- **東京タワー:** とうきょうタワー, a tower in Tokyo; 漢字とかなの文です。
- **클라우드:** 인터넷을 통해 컴퓨팅 자원을 제공하는 것.

## Weather

| English | 中文 | 日本語 | 한국어 |
| --- | --- | --- | --- |
| cloud | 云 | 雲（くも） | 구름 |
| rain | 雨 | 雨（あめ） | 비 |
"""
WORDS = [
    "云计算",
    "按需使用的计算资源。",
    "東京タワー",
    "とうきょうタワー",
    "漢字とかなの文です。",
    "클라우드",
]
LONG_CHINESE = (
    "云计算是一种通过互联网按需提供计算资源的模式，用户无需管理底层硬件即可使用服务器、存储和数据库。" * 3
)


def test_chinese_japanese_and_korean_terms_and_table_cells_print_as_text_without_a_warning(
    tmp_path: Path,
) -> None:
    built = built_from(tmp_path, VOCABULARY)
    sheet = text(built.files["pdf/01-words.pdf"])
    assert "[U+" not in sheet
    assert_in_order(sheet, [*WORDS, "인터넷을 통해", "cloud", "云", "雲（くも）", "구름", "rain", "雨", "비"])
    assert built.problems == ()
    assert "云计算" in squashed(text(built.files["pdf/course.pdf"]))


def test_the_cjk_fonts_are_named_in_the_pdf_not_embedded(tmp_path: Path) -> None:
    """Viewers supply Adobe's CJK fonts (a CJK font file would be tens of megabytes); the text fonts
    stay embedded."""
    used = fonts(built_from(tmp_path, VOCABULARY).files["pdf/01-words.pdf"])
    named = {f"/{face}" for face in cjk.FACES}
    assert {name: used.get(name) for name in named} == dict.fromkeys(named, False)
    assert all(embedded for name, embedded in used.items() if name not in named)


def test_kana_is_japanese_hangul_korean_and_han_follows_the_script_of_its_text(setter: Typesetter) -> None:
    """Han characters alone read as Chinese; beside kana as Japanese; beside Hangul as Korean."""
    assert setter.plain("cloud 云计算", HERE) == f'cloud <font face="{cjk.CHINESE}">云计算</font>'
    assert setter.plain("雲（くも）", HERE) == f'<font face="{cjk.JAPANESE}">雲（くも）</font>'
    assert (
        setter.plain("雲 구름", HERE)
        == f'<font face="{cjk.KOREAN}">雲</font> <font face="{cjk.KOREAN}">구름</font>'
    )
    assert setter.problems == ()


def test_bold_cjk_prints_in_the_one_weight_its_font_has(setter: Typesetter) -> None:
    """The CJK fonts have no bold or italic: inside ``**…**`` they print regular, the Latin around
    them bold."""
    assert setter.markdown("**東京:** Tokyo", HERE) == f'<b><font face="{cjk.CHINESE}">東京</font>:</b> Tokyo'


def test_kana_and_han_that_symbola_draws_as_symbols_go_to_the_cjk_font(setter: Typesetter) -> None:
    """Symbola has の and 中 (as signs): in a sentence they must look like the letters around them."""
    assert setter.plain("中のもの", HERE) == f'<font face="{cjk.JAPANESE}">中のもの</font>'


def test_emoji_still_go_to_symbola_and_cjk_emoji_too(setter: Typesetter) -> None:
    fallback = setter.fonts.fallback
    assert setter.plain("試験 🎯 ㊗", HERE) == (
        f'<font face="{cjk.CHINESE}">試験</font> <font face="{fallback}">🎯</font> '
        f'<font face="{fallback}">㊗</font>'
    )


def test_characters_no_font_has_keep_their_placeholder_and_one_warning_without_cjk(tmp_path: Path) -> None:
    """A melting face (newer than Symbola) and a Han character beyond the fonts' two-byte range still
    print as code points and are warned of; the CJK around them is no part of the warning."""
    built = built_from(tmp_path, f"# Cram Sheet\n\n- **化石 𠀋:** melts {MISSING_GLYPH}, 🎯 lands.\n")
    sheet = text(built.files["pdf/01-words.pdf"])
    assert_in_order(sheet, ["化石", "[U+2000B]", "melts", "[U+1FAE0]", "🎯", "lands"])
    (problem,) = built.problems
    assert problem.message.startswith(
        "characters '𠀋' (U+2000B), '🫠' (U+1FAE0) are in none of the PDF fonts"
    )
    assert any("Symbola" in name for name in fonts(built.files["pdf/01-words.pdf"]))


def test_a_long_cjk_paragraph_breaks_between_characters_inside_its_column(tmp_path: Path) -> None:
    """Text without spaces broke nowhere and ran off the column; now its lines fill the column and
    stop at its edge, and the text comes back whole."""
    data = built_from(tmp_path, f"# Cram Sheet\n\n{LONG_CHINESE}\n").files["pdf/01-words.pdf"]
    assert squashed(LONG_CHINESE) in squashed(text(data))
    style = load_style(TEMPLATES)
    room = column_width(
        typography(style, register_fonts(style)), page_size("A4", style.cram.orientation), style.cram.columns
    )
    placed = [place for place in char_places(data, 0) if place[0] in LONG_CHINESE]
    lines = {round(baseline) for *_, baseline in placed}
    assert len(lines) >= 3
    left = min(left for _, left, _, _ in placed)
    assert max(right for _, _, right, _ in placed) - left <= room  # no comma hangs into the gutter
    starts = [min(places, key=lambda place: place[1])[0] for places in _by_line(placed).values()]
    assert not set(starts) & set("、，。")  # a comma never starts a line: it takes a character along


def _by_line(
    places: list[tuple[str, float, float, float]],
) -> dict[int, list[tuple[str, float, float, float]]]:
    lines: dict[int, list[tuple[str, float, float, float]]] = {}
    for place in places:
        lines.setdefault(round(place[3]), []).append(place)
    return lines


MIXED = (
    "A region holds several availability zones, 可用区 in the Chinese console, and each zone is one or "
    "more data centres with their own power, 独立的电源和网络, so that one failure never takes a whole "
    "region down."
)


def test_latin_words_in_a_cjk_paragraph_stay_whole_across_lines(tmp_path: Path) -> None:
    """A line of mixed text breaks between CJK characters or at a space, never inside an English word."""
    sheet = text(built_from(tmp_path, f"# Cram Sheet\n\n{MIXED * 2}\n").files["pdf/01-words.pdf"])
    lines = [line.strip() for line in sheet.splitlines()]
    start = next(at for at, line in enumerate(lines) if line.startswith("A region"))
    end = next(at for at in range(start, len(lines)) if lines[at].endswith("region down.")) + 1
    printed = lines[start:end]
    assert squashed(MIXED * 2) in squashed(" ".join(printed)) and len(printed) > 3
    words = {word.strip(",.") for word in MIXED.split() if word.isascii()}
    for line in printed:
        ends = [line.split()[0].strip(",."), line.split()[-1].strip(",.")] if line else []
        assert all(end in words or not end.isascii() for end in ends), line
