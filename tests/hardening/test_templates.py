"""Broken user templates are refused before anything is built, at their line: Anki would reject them at
import, or show a template error on every card."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.hardening.commands import Commands, assert_clean_exit

CRLF = Path(__file__).parent / "corpus" / "crlf"
FRONT = "anki/term.front.html"


@pytest.mark.parametrize(
    ("front", "said"),
    [
        ("{{#Context}}{{Context}}\n{{Term}}\n", ":1: {{#Context}} is never closed: add {{/Context}}"),
        ("{{Term}}\n{{/Context}}\n", ":2: {{/Context}} closes a section never opened with {{#Context}}"),
        (
            "{{#Term}}{{#Context}}x{{/Term}}{{/Context}}",
            ":1: {{/Term}} comes before {{/Context}} (opened at line 1)",
        ),
        ("<div>no field here</div>\n", ": the front shows no field, so Anki would show every card as blank"),
        ("{{Term}}\n{{Definiton}}\n", ":2: no field 'Definiton' in ccpkit Term v1; fields: Term, Definition"),
        (b"{{Term}} caf\xe9", ": cannot read this Anki template"),
        ("{{Term}}\n{{}}\n", ":2: an empty {{}}: write a field's name in it, or delete it"),
        ("{{Term}}{{!a comment never closed\n", ": not a template genanki can read (unclosed tag at line 1)"),
        ("<div>{{Term}</div>\n", ": not a template genanki can read (unclosed tag at line 1)"),
    ],
    ids=[
        "unclosed-section",
        "unopened-section",
        "crossed-sections",
        "blank-front",
        "misspelt-field",
        "latin-1",
        "empty-tag",
        "unclosed-tag",
        "one-brace-short",
    ],
)
def test_a_broken_template_is_named_by_line_and_nothing_is_built(
    tmp_path: Path, front: str | bytes, said: str
) -> None:
    shutil.copytree(REPO / "templates", tmp_path / "templates")
    shutil.copytree(CRLF, tmp_path / "notes")
    template = tmp_path / "templates" / FRONT
    template.write_bytes(front if isinstance(front, bytes) else front.encode())
    commands = Commands(tmp_path / "notes", tmp_path / "build")

    result = commands.build_with("--templates", str(tmp_path / "templates"))

    assert_clean_exit(result, 2)
    assert f"error: {template}{said}" in result.stderr
    assert not (commands.out / "anki").exists()


def test_a_template_linked_to_itself_is_named_not_passed_over_for_the_default(tmp_path: Path) -> None:
    """The project meant to override that file: building with ccpkit's own instead would hide it."""
    (tmp_path / "templates" / "anki").mkdir(parents=True)
    shutil.copytree(CRLF, tmp_path / "notes")
    template = tmp_path / "templates" / FRONT
    template.symlink_to(template.name)
    commands = Commands(tmp_path / "notes", tmp_path / "build")

    result = commands.build_with("--templates", str(tmp_path / "templates"))

    assert_clean_exit(result, 2)
    assert f"error: {template}: cannot read this Anki template" in result.stderr


@pytest.mark.parametrize(
    ("side", "written", "said"),
    [
        ("front", "<div>{{Text}}</div>", "the front shows no {{cloze:Text}}, so Anki would make no card"),
        (
            "front",
            "{{Text}} {{cloze:Context}}",
            "the front shows no {{cloze:Text}}, so Anki would make no card",
        ),
        ("back", "<div>{{Text}}</div>{{Extra}}", "the back shows no {{cloze:Text}}, so Anki would refuse"),
    ],
)
def test_a_cloze_template_that_shows_its_text_without_the_cloze_filter_is_refused(
    tmp_path: Path, side: str, written: str, said: str
) -> None:
    """Anki asks `{{cloze:Text}}` of both sides: a front without it makes no cloze card (one naming
    another field makes the cards of that field's clozes: none), a back without it is a note type Anki
    refuses, on import and on a sync alike."""
    shutil.copytree(REPO / "templates", tmp_path / "templates")
    shutil.copytree(CRLF, tmp_path / "notes")
    template = tmp_path / "templates" / "anki" / f"cloze.{side}.html"
    template.write_text(f"{written}\n", encoding="utf-8")
    commands = Commands(tmp_path / "notes", tmp_path / "build")

    result = commands.build_with("--templates", str(tmp_path / "templates"))

    assert_clean_exit(result, 2)
    assert f"error: {template}: {said}" in result.stderr


@pytest.mark.parametrize("template", [FRONT, "pdf/style.toml"])
def test_a_template_linked_to_nothing_is_named_not_passed_over_for_the_default(
    tmp_path: Path, template: str
) -> None:
    (tmp_path / "templates" / "anki").mkdir(parents=True)
    (tmp_path / "templates" / "pdf").mkdir()
    shutil.copytree(CRLF, tmp_path / "notes")
    link = tmp_path / "templates" / template
    link.symlink_to(tmp_path / "moved-away")
    commands = Commands(tmp_path / "notes", tmp_path / "build")

    result = commands.build_with("--templates", str(tmp_path / "templates"))

    assert_clean_exit(result, 2)
    assert str(link) in result.stderr and "reinstall" not in result.stderr


@pytest.mark.parametrize(
    ("misplaced", "said"),
    [
        (
            "style.css",
            "ccpkit reads templates from the anki/ and pdf/ folders alone, so this file would be ignored",
        ),
        (
            "style.toml",
            "ccpkit reads templates from the anki/ and pdf/ folders alone, so this file would be ignored",
        ),
        (
            "Anki/term.front.html",
            "ccpkit reads templates from anki/ alone (in lower case), so the files in it would be ignored",
        ),
    ],
)
def test_a_template_outside_the_anki_and_pdf_folders_is_named_not_ignored(
    tmp_path: Path, misplaced: str, said: str
) -> None:
    templates = tmp_path / "templates"
    (templates / misplaced).parent.mkdir(parents=True, exist_ok=True)
    (templates / misplaced).write_text("{{Term}}\n", encoding="utf-8")
    (templates / "ccpkit.toml").write_text(
        "", encoding="utf-8"
    )  # a project's settings beside them: no template
    shutil.copytree(CRLF, tmp_path / "notes")

    result = Commands(tmp_path / "notes", tmp_path / "build").build_with("--templates", str(templates))

    assert_clean_exit(result, 2)
    assert f"error: {templates / misplaced.split('/')[0]}: {said}" in result.stderr


@pytest.mark.parametrize(
    ("misspelt", "formats"),
    [
        ("anki/term.frnt.html", ["anki"]),
        ("anki/styles.css", ["anki", "csv"]),
        ("pdf/styles.toml", ["pdf"]),
        ("anki/term.front.HTML", ["anki"]),
        ("anki/term.front.htm", ["anki"]),
        ("pdf/term.front.html", ["pdf"]),
    ],
)
def test_a_misspelt_template_file_is_named_not_ignored(
    tmp_path: Path, misspelt: str, formats: list[str]
) -> None:
    """Read by nothing, it would leave the student wondering why the cards look as before."""
    (tmp_path / "templates" / misspelt).parent.mkdir(parents=True)
    (tmp_path / "templates" / misspelt).write_text("{{Term}}\n", encoding="utf-8")
    (tmp_path / "templates" / "pdf").mkdir(exist_ok=True)
    (tmp_path / "templates" / "pdf" / "MyFont.ttf").write_bytes(b"")  # not a template: left alone
    shutil.copytree(CRLF, tmp_path / "notes")
    commands = Commands(tmp_path / "notes", tmp_path / "build")

    result = commands.build_with(
        "--templates", str(tmp_path / "templates"), *(f"--format={f}" for f in formats)
    )

    assert_clean_exit(result, 2)
    assert (
        f"error: {tmp_path / 'templates' / misspelt}: ccpkit reads no template of that name" in result.stderr
    )


def test_a_template_folder_named_in_another_case_that_ccpkit_reads_anyway_is_no_mistake(
    tmp_path: Path,
) -> None:
    """On a Mac, `Anki/` is `anki/` (file names ignore case there): ccpkit reads it, as it reads one that
    `anki` links to anywhere."""
    templates = tmp_path / "templates"
    (templates / "Anki").mkdir(parents=True)
    (templates / "anki").symlink_to("Anki")
    (templates / "Anki" / "style.css").write_text(".card { color: #123456; }\n", encoding="utf-8")
    shutil.copytree(CRLF, tmp_path / "notes")

    result = Commands(tmp_path / "notes", tmp_path / "build").build_with("--templates", str(templates))

    assert result.exit_code == 0, result.output
