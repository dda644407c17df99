"""Arabic, Persian and Urdu notes print joined and right to left: each letter in the presentation form
its neighbours ask for (DejaVu has them), lam and alef as one ligature, in italics upright; copying
gives the letters back. Hebrew prints as before."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
from reportlab.lib.styles import ParagraphStyle

from ccpkit.export.pdf.bidi import display_order
from ccpkit.export.pdf.glyphs import Typesetter
from ccpkit.export.pdf.paragraph import Paragraph
from ccpkit.model import SourceLocation
from tests.export.pdf.conftest import built_from
from tests.export.pdf.reading import char_places, text

HERE = SourceLocation(path="01-words/cram-sheet.md", line=3)
GLOSSARY = """# Cram Sheet

## المصطلحات

- **الحوسبة السحابية:** تقديم موارد الحوسبة عبر الشبكة عند الطلب.
- **لا مركزية:** السلام عليكم، كِتَابٌ جَمِيلٌ.
- **رایانش ابری:** پردازش و ذخیره‌سازی در ژوئن ۱۴۰۳.

## Words

| English | العربية |
| --- | --- |
| cloud | سحابة |
| storage | تخزين البيانات |
"""


def _viewer_text(data: bytes) -> str:
    """The first page's text as PDFium (Chrome's viewer) copies it: in reading order."""
    return str(pdfium.PdfDocument(data)[0].get_textpage().get_text_range())


def test_arabic_terms_and_table_cells_print_without_placeholders_or_warnings(tmp_path: Path) -> None:
    """They printed as ``[U+0627]…`` with a warning a line: DejaVu's oblique faces have no Arabic."""
    built = built_from(tmp_path, GLOSSARY)
    data = built.files["pdf/01-words.pdf"]
    assert built.problems == ()
    assert "[U+" not in text(data)
    copied = _viewer_text(data)
    for words in ("الحوسبة السحابية", "تخزين البيانات", "سحابة", "السلام عليكم", "رایانش ابری", "۱۴۰۳"):
        assert words in copied


def test_copying_gives_the_letters_not_their_presentation_forms(tmp_path: Path) -> None:
    """The PDF's text map names each form's letter; a lam-alef ligature keeps its own code point,
    which viewers fold to lam and alef (PDFium does)."""
    data = built_from(tmp_path, GLOSSARY).files["pdf/01-words.pdf"]
    read = text(data)  # pypdf folds nothing: what the text map says
    assert "تخزين" in read and "ﺗﺨﺰﻳﻦ" not in read
    assert "\ufefb" in read and "السلام" in unicodedata.normalize("NFKC", read)
    assert "لا مركزية" in _viewer_text(data)


def test_letters_take_the_form_their_neighbours_ask_for(setter: Typesetter) -> None:
    """كتاب: kaf initial, teh medial, alef final (it joins no letter after it), so beh isolated."""
    assert setter.plain("كتاب", HERE) == "\ufedb\ufe98\ufe8e\ufe8f"
    assert setter.plain("پژوهش", HERE) == "\ufb58\ufb8b\ufeed\ufeeb\ufeb6"  # Persian's own letters too
    assert setter.problems == ()


def test_lam_and_alef_print_as_one_ligature(setter: Typesetter) -> None:
    """Alone (لا) the isolated ligature; after a letter that joins it (سلام) the final one."""
    assert setter.plain("لا سلام", HERE) == "\ufefb \ufeb3\ufefc\ufee1"


def test_harakat_are_kept_and_looked_through(setter: Typesetter) -> None:
    """A vowel mark stays after its letter and the letters around it still join; drawn right to left
    it goes before its letter, as DejaVu draws an Arabic mark over the glyph after it."""
    shaped = setter.plain("كِتَاب", HERE)
    assert shaped == "\ufedb\u0650\ufe98\u064e\ufe8e\ufe8f"
    assert [at for at, _ in display_order(shaped, right_to_left=True)] == [5, 4, 3, 2, 1, 0]
    assert display_order(shaped[:2], right_to_left=True) == [(1, True), (0, True)]


def test_letters_join_across_bold_but_not_across_a_line_break(setter: Typesetter) -> None:
    assert setter.route("<b>كت</b>اب", HERE) == "<b>\ufedb\ufe98</b>\ufe8e\ufe8f"
    assert setter.route("ب<br/>ب", HERE) == "\ufe8f<br/>\ufe8f"


def test_arabic_in_italics_prints_upright_and_as_bold_as_its_text(setter: Typesetter) -> None:
    """DejaVu's oblique faces have no Arabic: italic Arabic takes the upright face of its weight,
    the Latin beside it stays italic."""
    fonts = setter.fonts
    style = ParagraphStyle("body", fontName=fonts.body, fontSize=9, leading=11)
    markup = setter.markdown("*مائل* and ***كلاهما***", HERE)
    faces = {frag.text: frag.fontName for frag in Paragraph(markup, style).frags}
    assert faces == {
        setter.plain("مائل"): fonts.body,
        " and ": fonts.body,
        setter.plain("كلاهما"): f"{fonts.body}-Bold",
    }
    assert Paragraph("<i>and</i>", style).frags[0].fontName == f"{fonts.body}-Oblique"


def _left_edges(data: bytes, chars: str) -> list[float]:
    """Where each of ``chars`` starts on the line of the first of them (the running header aside)."""
    places = char_places(data, 0)
    line = next(bottom for char, _, _, bottom in places if char == chars[0])
    on_line = [(char, left) for char, left, _, bottom in places if abs(bottom - line) < 3]
    return [next(left for char, left in on_line if char == wanted) for wanted in chars]


def test_a_mixed_line_reads_from_the_right_with_its_english_words_in_order(tmp_path: Path) -> None:
    """Arabic words from the right, the term right of its definition; ``AWS Lambda`` and ``2024``
    read from the left inside it."""
    notes = "# Cram Sheet\n\n- **خدمة:** تشغيل AWS Lambda عام ٢٠٢٤ بسرعة\n"
    data = built_from(tmp_path, notes).files["pdf/01-words.pdf"]
    kha, teh, aleph, whiskey, sierra, lima, two, four, beh = _left_edges(data, "ختAWSL٢٤ب")
    assert kha > teh  # the term, then its first word from the right
    assert aleph < whiskey < sierra < lima  # AWS Lambda from the left
    assert two < four  # ٢٠٢٤ from the left
    assert beh < two  # بسرعة, the last word, leftmost


def test_hebrew_is_left_as_it_was(setter: Typesetter) -> None:
    """Shaping touches no Hebrew letter, and a Hebrew mark still follows its letter when drawn."""
    assert setter.plain("שָׁלוֹם", HERE) == "שָׁלוֹם"
    assert [at for at, _ in display_order("בָ", right_to_left=True)] == [0, 1]
