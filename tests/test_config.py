"""ccpkit.toml: one place for settings; every mistake names the key and what it should be."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from ccpkit.cli import cli
from ccpkit.config import Config, load_config
from ccpkit.errors import UsageError

SETTINGS_FIXTURES = Path(__file__).parent / "fixtures" / "settings"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "ccpkit.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path / "ccpkit.toml") == Config()


def test_every_section_is_read(tmp_path: Path) -> None:
    (tmp_path / "tpl").mkdir()
    config = load_config(
        write(
            tmp_path,
            '[course]\ntitle = "My Course"\ndeck = "CCP"\n'
            f'[paths]\nnotes = "notes"\nout = "out"\ntemplates = "{tmp_path / "tpl"}"\n'
            '[build]\nformats = ["anki", "pdf"]\npaper = "Letter"\n'
            "[exam]\ncount = 20\nseed = 7\nmodules = [2, 9]\n",
        )
    )
    assert config == Config(
        title="My Course",
        deck="CCP",
        notes=str(tmp_path / "notes"),
        out=str(tmp_path / "out"),
        templates=str(tmp_path / "tpl"),
        formats=("anki", "pdf"),
        paper="Letter",
        exam_count=20,
        exam_seed=7,
        exam_modules=(2, 9),
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[course]\ntitel = "x"\n', r"ccpkit.toml:2: unknown key `titel` in \[course\]; known: title, deck"),
        ("[pdfs]\npaper = 'A4'\n", r"ccpkit.toml:1: unknown section \[pdfs\]; known sections: \[course\]"),
        (
            '\ntitle = "x"\n',
            r"ccpkit.toml:2: `title` is a setting outside any section; move it below the \[course\]",
        ),
        ('[build]\n\npaper = "A5"\n', r"ccpkit.toml:3: `build.paper` must be \"A4\" or \"Letter\", not 'A5'"),
        (
            '[build]\nformats = ["docx"]\n',
            r"ccpkit.toml:2: `build.formats` must be a list of one or more drawn",
        ),
        (
            "[build]\nformats = []\n",
            r"ccpkit.toml:2: `build.formats` must be a list of one or more drawn from",
        ),
        (
            '[course]\ndeck = "AWS::"\n',
            r"ccpkit.toml:2: `course.deck` must be a deck name, each part between",
        ),
        ('[course]\ntitle = "AWS::"\n', r"ccpkit.toml:2: `course.title` must be a non-empty title, each"),
        ("[exam]\ncount = 0\n", r"ccpkit.toml:2: `exam.count` must be a whole number, 1 or more, not 0"),
        ("[exam]\ncount = true\n", r"`exam.count` must be a whole number, 1 or more, not True"),
        ("[exam]\nmodules = [true]\n", r"`exam.modules` must be a list of module numbers"),
        ('[course]\ntitle = "x"\n[course\n', r"ccpkit.toml:3: not valid TOML: "),
        ("[exam]\nmodules = " + "[" * 2000 + "]" * 2000 + "\n", r"ccpkit.toml: not valid TOML for ccpkit"),
    ],
)
def test_mistakes_name_the_line_the_key_and_what_it_should_be(
    tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(UsageError, match=message):
        load_config(write(tmp_path, text))


def test_text_that_is_not_utf8_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "ccpkit.toml"
    path.write_bytes('[course]\ntitle = "Caf\xe9"\n'.encode("latin-1"))
    with pytest.raises(UsageError, match=r"ccpkit.toml: not valid TOML: not UTF-8 text"):
        load_config(path)


def test_a_byte_order_mark_before_the_settings_is_read_past(tmp_path: Path) -> None:
    """As some Windows editors save a file, and as notes files are read."""
    path = tmp_path / "ccpkit.toml"
    path.write_bytes('\ufeff[course]\ntitle = "Café"\n'.encode())
    assert load_config(path).title == "Café"


def test_link_tables_opt_in_reaches_the_exporters(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "[anki]\nlink_tables = true\n"))
    assert config.anki_link_tables and config.export_options().anki_link_tables
    assert not Config().export_options().anki_link_tables


def test_link_tables_must_be_true_or_false(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"`anki\.link_tables` must be true or false, not 'yes'"):
        load_config(write(tmp_path, '[anki]\nlink_tables = "yes"\n'))


def test_highlight_clozes_is_on_unless_switched_off(tmp_path: Path) -> None:
    assert Config().highlight_clozes
    assert not load_config(write(tmp_path, "[notes]\nhighlight_clozes = false\n")).highlight_clozes


def test_highlight_clozes_must_be_true_or_false(tmp_path: Path) -> None:
    with pytest.raises(
        UsageError, match=r"ccpkit\.toml:2: `notes\.highlight_clozes` must be true or false, not 'no'"
    ):
        load_config(write(tmp_path, '[notes]\nhighlight_clozes = "no"\n'))


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        (
            "setting_above_every_header",
            "ccpkit.toml:2: `paper` is a setting outside any section; move it below the [build] header",
        ),
        (
            "section_written_as_a_setting",
            "ccpkit.toml:1: `course` is a setting outside any section, but [course] is a section: "
            "write `[course]` on a line of its own, then its settings",
        ),
        (
            "unknown_setting_above_every_header",
            "ccpkit.toml:1: `colour` is a setting outside any section, and no section has such a setting; "
            "settings go below a header, one of [course], [paths], [build], [exam], [anki], [notes]",
        ),
        (
            "quote_not_closed",
            "ccpkit.toml:2: not valid TOML: a quoted value is not closed: end it with the quote mark it "
            "starts with (TOML reader: Illegal character '\\n' at column 27)",
        ),
        (
            "quote_not_closed_at_the_end",
            "ccpkit.toml:8: not valid TOML: a quoted value is not closed: end it with the quote mark it "
            'starts with (TOML reader: Expected "\'" at the end of the file)',
        ),
        (
            "text_without_quotes",
            "ccpkit.toml:2: not valid TOML: a value is missing or not one TOML knows: text goes in quotes "
            '(title = "My course"), numbers and true/false do not, lists go in [ ] '
            "(TOML reader: Invalid value at column 9)",
        ),
        (
            "backslash_in_double_quotes",
            'ccpkit.toml:2: not valid TOML: a backslash inside "…" starts an escape: write \\\\, or put the '
            "text in single quotes ('C:\\notes') (TOML reader: Invalid hex value at column 14)",
        ),
        (
            "setting_given_twice",
            "ccpkit.toml:4: not valid TOML: this setting is given twice: keep one "
            "(TOML reader: Cannot overwrite a value at column 11)",
        ),
    ],
)
def test_a_broken_settings_file_is_an_error_at_its_line_saying_what_to_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fixture: str, message: str
) -> None:
    (tmp_path / "ccpkit.toml").write_bytes((SETTINGS_FIXTURES / f"{fixture}.toml").read_bytes())
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 2
    assert result.output == f"error: {message}\n"


def test_the_files_folders_are_read_from_the_folder_that_holds_it(tmp_path: Path) -> None:
    """`ccpkit --config course/ccpkit.toml build` from anywhere builds that course, into its folder."""
    (tmp_path / "course" / "tpl").mkdir(parents=True)
    config = load_config(write(tmp_path / "course", '[paths]\nnotes = "notes"\ntemplates = "tpl"\n'))
    assert (config.notes, config.out) == (
        str(tmp_path / "course" / "notes"),
        str(tmp_path / "course" / "build"),
    )
    assert config.templates == str(tmp_path / "course" / "tpl")


def test_a_templates_folder_that_does_not_exist_is_an_error_at_its_line(tmp_path: Path) -> None:
    """As ``--templates`` is: silently falling back to the default templates would hide a typo."""
    with pytest.raises(UsageError, match=r"ccpkit.toml:3: templates folder nope_tpl does not exist"):
        load_config(write(tmp_path, '[paths]\nnotes = "notes"\ntemplates = "nope_tpl"\n'))


def test_the_paper_size_is_understood_in_any_case_as_on_the_command_line(tmp_path: Path) -> None:
    assert load_config(write(tmp_path, '[build]\npaper = "letter"\n')).export_options().paper == "Letter"
    assert load_config(write(tmp_path, '[build]\npaper = "a4"\n')).export_options().paper == "A4"
