"""ccpkit.toml: one place for settings; every mistake names the key and what it should be."""

from __future__ import annotations

from pathlib import Path

import pytest

from ccpkit.config import Config, load_config
from ccpkit.errors import UsageError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "ccpkit.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path / "ccpkit.toml") == Config()


def test_every_section_is_read(tmp_path: Path) -> None:
    config = load_config(
        write(
            tmp_path,
            '[course]\ntitle = "My Course"\ndeck = "CCP"\n'
            '[paths]\nnotes = "notes"\nout = "out"\ntemplates = "tpl"\n'
            '[build]\nformats = ["anki", "pdf"]\npaper = "Letter"\n'
            "[exam]\ncount = 20\nseed = 7\nmodules = [2, 9]\n",
        )
    )
    assert config == Config(
        title="My Course",
        deck="CCP",
        notes="notes",
        out="out",
        templates="tpl",
        formats=("anki", "pdf"),
        paper="Letter",
        exam_count=20,
        exam_seed=7,
        exam_modules=(2, 9),
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[course]\ntitel = "x"\n', "unknown key 'titel' in \\[course\\]"),
        ("[pdfs]\npaper = 'A4'\n", "unknown section \\[pdfs\\]"),
        ('[build]\npaper = "A5"\n', 'build.paper = \'A5\' is invalid; expected "A4" or "Letter"'),
        ('[build]\nformats = ["docx"]\n', "build.formats"),
        ("[exam]\ncount = 0\n", "exam.count = 0 is invalid"),
        ("[exam]\ncount = true\n", "exam.count = True is invalid"),
        ("[exam]\nmodules = [true]\n", "exam.modules"),
        ("[course\n", "not valid TOML"),
    ],
)
def test_mistakes_name_the_key(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        load_config(write(tmp_path, text))


def test_link_tables_opt_in_reaches_the_exporters(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "[anki]\nlink_tables = true\n"))
    assert config.anki_link_tables and config.export_options().anki_link_tables
    assert not Config().export_options().anki_link_tables


def test_link_tables_must_be_true_or_false(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"anki\.link_tables = 'yes' is invalid; expected true or false"):
        load_config(write(tmp_path, '[anki]\nlink_tables = "yes"\n'))
