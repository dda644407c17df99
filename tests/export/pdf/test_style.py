"""templates/pdf/style.toml: laid over the default key by key; every mistake names the key and its line."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ccpkit.errors import UsageError
from ccpkit.export.pdf.fonts import BUNDLED
from ccpkit.export.pdf.style import load_style
from tests.export.pdf.conftest import TEMPLATES, build
from tests.export.pdf.reading import reader
from tests.export.pdf.synthetic import large_deck


def edit(templates: Path, old: str, new: str) -> None:
    path = templates / "pdf" / "style.toml"
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_the_shipped_style_loads() -> None:
    style = load_style(TEMPLATES)
    assert (style.cram.orientation, style.cram.columns) == ("landscape", 3)
    assert (style.course.orientation, style.course.columns) == ("portrait", 2)
    assert style.colours.band.startswith("#")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "columns = 3",
            "colums = 3",
            r"style.toml:\d+: unknown key `colums` in \[cram\]; known: orient",
        ),
        ("[exam]", "[exams]", r"style.toml:\d+: unknown section \[exams\]; known sections: \[page\]"),
        ("[exam]", "[exam\n", r"style.toml:\d+: not valid TOML: "),
        ('band = "#000000"', 'band = "navy"', r"`colours.band` must be a colour like"),
        ('transcripts = "omit"', 'transcripts = "some"', r"`cram.transcripts` must be one of omit, lists"),
        ('orientation = "landscape"', 'orientation = "sideways"', r"must be one of portrait, landscape"),
        ("columns = 3", "columns = 0", r"`cram.columns` must be a whole number"),
        ("size = 7.2", 'size = "big"', r"`text.size` must be a positive number"),
    ],
)
def test_mistakes_are_usage_errors_naming_the_key(
    templates_copy: Path, old: str, new: str, message: str
) -> None:
    edit(templates_copy, old, new)
    with pytest.raises(UsageError, match=message):
        load_style(templates_copy)


def test_unknown_key_error_gives_its_line(templates_copy: Path) -> None:
    edit(templates_copy, "columns = 3", "colums = 3")
    text = (templates_copy / "pdf" / "style.toml").read_text("utf-8")
    line = text.splitlines().index("colums = 3") + 1
    with pytest.raises(UsageError, match=rf"style.toml:{line}: "):
        load_style(templates_copy)


def test_a_setting_above_every_header_is_told_the_sections_that_hold_it(templates_copy: Path) -> None:
    edit(templates_copy, "\n[page]", "\nsize = 9\n\n[page]")
    with pytest.raises(UsageError) as raised:
        load_style(templates_copy)
    assert str(raised.value).endswith(
        "style.toml:4: `size` is a setting outside any section; move it below the [text] or [exam] header"
    )


def test_a_syntax_error_says_what_to_fix_at_its_line(templates_copy: Path) -> None:
    edit(templates_copy, "columns = 3", "columns = three")
    lines = (templates_copy / "pdf" / "style.toml").read_text("utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, 1) if text.startswith("columns = three"))
    with pytest.raises(
        UsageError, match=rf"style.toml:{line}: not valid TOML: a value is missing or not one"
    ):
        load_style(templates_copy)


def test_a_file_of_the_changed_keys_alone_is_laid_over_the_default(templates_copy: Path) -> None:
    (templates_copy / "pdf" / "style.toml").write_text(
        '[text]\nsize = 8.5\n\n[cram]\norientation = "portrait"\ncolumns = 2\n', "utf-8"
    )
    default = load_style(TEMPLATES)
    style = load_style(templates_copy)
    assert (style.text.size, style.cram.orientation, style.cram.columns) == (8.5, "portrait", 2)
    assert style.text.leading == default.text.leading
    assert (style.course, style.exam, style.colours) == (default.course, default.exam, default.colours)


def test_a_mistake_in_a_partial_file_is_at_its_own_line(templates_copy: Path) -> None:
    (templates_copy / "pdf" / "style.toml").write_text("[text]\nsize = 8.5\nleadin = 10\n", "utf-8")
    with pytest.raises(UsageError, match=r"pdf/style.toml:3: unknown key `leadin` in \[text\]"):
        load_style(templates_copy)


def test_without_a_style_file_the_default_style_is_read(tmp_path: Path) -> None:
    default = load_style(tmp_path)
    assert default.folder == tmp_path / "pdf"  # the project's fonts would still be found first
    assert replace(default, folder=TEMPLATES / "pdf") == load_style(TEMPLATES)


def test_a_missing_font_file_is_a_usage_error(templates_copy: Path) -> None:
    """Named at the line of its key, as every other mistake in style.toml is."""
    edit(templates_copy, '"Symbola.ttf"', '"NoSuchFont.ttf"')
    lines = (templates_copy / "pdf" / "style.toml").read_text("utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, 1) if "NoSuchFont" in text)
    with pytest.raises(UsageError, match=rf"style.toml:{line}: font file 'NoSuchFont\.ttf' is neither in"):
        build(large_deck(modules=1, cards=1, tables=0, mcqs=0), templates=templates_copy)


@pytest.mark.parametrize("kept", [0, 3000, 40_000])
def test_a_truncated_font_file_is_a_usage_error_naming_it(templates_copy: Path, kept: int) -> None:
    font = templates_copy / "pdf" / "Cut.ttf"
    font.write_bytes((BUNDLED / "DejaVuSansMono.ttf").read_bytes()[:kept])
    edit(templates_copy, '"Symbola.ttf"', '"Cut.ttf"')
    with pytest.raises(UsageError, match=r"Cut\.ttf: not a usable TrueType font"):
        build(large_deck(modules=1, cards=1, tables=0, mcqs=0), templates=templates_copy)


def test_a_folder_named_as_the_font_is_named_as_no_font_file(templates_copy: Path) -> None:
    (templates_copy / "pdf" / "Mine.ttf").mkdir()
    edit(templates_copy, '"Symbola.ttf"', '"Mine.ttf"')
    with pytest.raises(UsageError, match=r"Mine\.ttf: not a font file, which style.toml names"):
        build(large_deck(modules=1, cards=1, tables=0, mcqs=0), templates=templates_copy)


def test_restyling_changes_the_pdf(templates_copy: Path) -> None:
    edit(templates_copy, 'orientation = "landscape"', 'orientation = "portrait"')
    deck = large_deck(modules=1, cards=5, tables=1, mcqs=1)
    sheet = build(deck, templates=templates_copy).files["pdf/01-topic-1.pdf"]
    box = reader(sheet).pages[0].mediabox
    assert box.width < box.height


def test_errors_point_at_the_key_in_its_own_section(templates_copy: Path) -> None:
    edit(templates_copy, 'orientation = "portrait"\ncolumns = 2', 'orientation = "portrait"\ncolumns = 0')
    text = (templates_copy / "pdf" / "style.toml").read_text("utf-8")
    line = text.splitlines().index("columns = 0") + 1
    with pytest.raises(UsageError, match=rf"style.toml:{line}: `course.columns` must be a whole number"):
        load_style(templates_copy)


def test_sizes_that_leave_no_room_are_a_usage_error_not_a_crash(templates_copy: Path) -> None:
    (templates_copy / "pdf" / "style.toml").write_text("[text]\nsize = 200\nleading = 240\n", "utf-8")
    with pytest.raises(
        UsageError, match=r"style.toml:3: the margins leave \S+ mm for the text of cram pages"
    ):
        load_style(templates_copy)


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("[page]\nmargin_mm = 200\n", r"style.toml:2: the margins leave 0.0 mm for the text of cram pages"),
        (
            "[exam]\nsize = 60\nleading = 80\n",
            r"style.toml:3: the margins leave 269.0 mm for the text of exam",
        ),
    ],
)
def test_margins_that_leave_a_column_fewer_than_ten_lines_are_refused_before_layout(
    templates_copy: Path, setting: str, message: str
) -> None:
    (templates_copy / "pdf" / "style.toml").write_text(setting, "utf-8")
    with pytest.raises(UsageError, match=message):
        load_style(templates_copy)


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        (
            "[cram]\ncolumns = 100\n",
            r"style.toml:2: 100 columns of cram pages are 0.0 mm wide, narrower than",
        ),
        ("[cram]\ncolumns = 40\n", r"style.toml:2: 40 columns of cram pages are 2.4 mm wide"),
        ("[tables]\npadding_pt = 500\n", r"style.toml:2: 3 columns of cram pages are \S+ mm wide, narrower"),
        ("[exam]\nkey_columns = 12\n", r"style.toml:2: 12 columns of exam pages are \S+ mm wide"),
    ],
)
def test_columns_or_padding_that_leave_no_width_are_refused_before_layout(
    templates_copy: Path, setting: str, message: str
) -> None:
    (templates_copy / "pdf" / "style.toml").write_text(setting, "utf-8")
    with pytest.raises(UsageError, match=message):
        load_style(templates_copy)


def test_letter_paper_is_measured_as_letter(templates_copy: Path) -> None:
    """Letter is 18 mm shorter than A4: margins that leave an A4 page ten lines may leave Letter fewer."""
    setting = '[page]\nmargin_mm = 120\n\n[cram]\norientation = "portrait"\n'
    (templates_copy / "pdf" / "style.toml").write_text(setting, "utf-8")
    load_style(templates_copy, "A4")
    with pytest.raises(UsageError, match=r"style.toml:2: the margins leave 27.4 mm for the text of cram"):
        load_style(templates_copy, "Letter")


def test_an_endless_margin_is_refused_at_its_line(templates_copy: Path) -> None:
    (templates_copy / "pdf" / "style.toml").write_text("[page]\nmargin_mm = inf\n", "utf-8")
    with pytest.raises(UsageError, match=r"style.toml:2: `page.margin_mm` must be a positive number"):
        load_style(templates_copy)


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("[exam]\nsize = 500\n", r"style.toml:2: leading 11 is less than size 500: lines would print over"),
        ("[text]\nleading = 5\n", r"style.toml:2: leading 5 is less than size 7.2: lines would print over"),
        ("[text]\nrunning_size = 100\n", r"style.toml:2: running_size 100 pt is taller than the header"),
    ],
)
def test_sizes_that_would_print_lines_over_each_other_are_refused_at_their_line(
    templates_copy: Path, setting: str, message: str
) -> None:
    (templates_copy / "pdf" / "style.toml").write_text(setting, "utf-8")
    with pytest.raises(UsageError, match=message):
        load_style(templates_copy)
