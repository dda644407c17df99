"""A file's title written as other tools open a file with it: the part the cards are filed under, and
no words of notes of its own."""

from __future__ import annotations

from pathlib import Path

from ccpkit.parse import parse_notes
from ccpkit.parse.document import parse_document

TERMS = (
    "\n## Currents\n\n**Gyre**: A large system of rotating currents.\n\n"
    "**Rip**: A strong current away from a beach.\n"
)


def _parts(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    """Each item's part and front, as the deck files them."""
    (tmp_path / "m").mkdir(exist_ok=True)
    (tmp_path / "m" / "notes.md").write_text(text, encoding="utf-8")
    return [(item.part, getattr(item, "front", "")) for item in parse_notes(tmp_path).deck.items()]


def _paragraphs(text: str) -> list[str]:
    document = parse_document("m/notes.md", text)
    return [block.node.children[0].content for block in document.blocks if block.node.type == "paragraph"]


def test_a_pandoc_title_block_titles_the_part_and_is_no_paragraph(tmp_path: Path) -> None:
    text = f"% Ocean currents\n% A. Marlow;\n  B. Penrose\n% 2024-03-01\n{TERMS}"
    assert _parts(tmp_path, text) == [("Ocean currents", "Gyre"), ("Ocean currents", "Rip")]
    assert not any("%" in words or "Marlow" in words for words in _paragraphs(text))


def test_org_keywords_opening_a_file_title_the_part_and_are_no_paragraph(tmp_path: Path) -> None:
    text = f"#+TITLE: Ocean currents\n#+AUTHOR: A. Marlow\n#+OPTIONS: toc:nil\n{TERMS}"
    assert _parts(tmp_path, text) == [("Ocean currents", "Gyre"), ("Ocean currents", "Rip")]
    assert not any("#+" in words for words in _paragraphs(text))


def test_a_heading_still_titles_the_part_over_a_title_block(tmp_path: Path) -> None:
    text = f"% Ocean currents\n\n# Currents of the Atlantic\n{TERMS}"
    assert {part for part, _ in _parts(tmp_path, text)} == {"Currents of the Atlantic"}


def test_a_percent_line_further_down_or_an_ankdown_sides_line_titles_nothing(tmp_path: Path) -> None:
    assert {part for part, _ in _parts(tmp_path, f"Gyres\n\n% Ocean currents\n{TERMS}")} == {"Notes"}
    assert _parts(tmp_path, "What turns a gyre?\n\n%\n\nThe Coriolis effect.\n\n%%\n") == [
        ("Notes", "What turns a gyre?")
    ]


def test_a_front_matter_title_as_yaml_reads_it_its_comment_and_lines_below_it(tmp_path: Path) -> None:
    """YAML ends a plain value at `` #`` (a comment) and takes a value on the lines below its key,
    folded (``>-``), literal (``|``) or plain: the part is titled by what YAML reads, with no error."""
    for front in (
        "title: Ocean currents # the unit's name",
        "title: >-\n  Ocean\n  currents",
        "title: |\n  Ocean currents",
        "title:\n  Ocean currents",
    ):
        text = f"---\n{front}\ndate: 2024-03-01\n---\n{TERMS}"
        (tmp_path / "m").mkdir(exist_ok=True)
        (tmp_path / "m" / "notes.md").write_text(text, encoding="utf-8")
        parsed = parse_notes(tmp_path)
        assert {item.part for item in parsed.deck.items()} == {"Ocean currents"}, front
        assert parsed.problems == (), front


def test_a_title_in_c_sharp_keeps_its_sign(tmp_path: Path) -> None:
    assert {part for part, _ in _parts(tmp_path, f"---\ntitle: C# basics\n---\n{TERMS}")} == {"C# basics"}


def test_hugo_json_front_matter_titles_the_part_and_is_no_paragraph(tmp_path: Path) -> None:
    text = f'{{\n  "title": "Ocean currents",\n  "tags": ["sea"],\n  "draft": false\n}}\n{TERMS}'
    assert _parts(tmp_path, text) == [("Ocean currents", "Gyre"), ("Ocean currents", "Rip")]
    assert not any('"title"' in words for words in _paragraphs(text))


def test_a_file_opening_with_braces_of_no_json_keeps_them(tmp_path: Path) -> None:
    text = "{\nnot json: here\n}\n" + TERMS
    assert {part for part, _ in _parts(tmp_path, text)} == {"Notes"}
    assert any("not json" in words for words in _paragraphs(text))


def test_templater_commands_left_unrun_title_nothing_and_are_no_words(tmp_path: Path) -> None:
    """A note made from a template Templater never ran keeps its commands: code for Obsidian. A title of
    nothing else titles the part as no title would (the front matter's, else the file's name); the
    commands are in no paragraph; a command shown in code stays, and so does ERB's ``<%=`` in a file of
    no Templater command."""
    text = (
        "---\ntitle: Ocean currents\ncreated: <% tp.file.creation_date() %>\n---\n# <% tp.file.title %>\n\n"
        '<%* const unit = "Oceans" %>\nSee `<% tp.date.now() %>` for the date.\n\n'
        f"{TERMS}"
    )
    assert _parts(tmp_path, text) == [("Ocean currents", "Gyre"), ("Ocean currents", "Rip")]
    assert _paragraphs(text)[0] == "See `<% tp.date.now() %>` for the date."
    assert _paragraphs("Rails prints <%= @name %> in a view.\n") == ["Rails prints <%= @name %> in a view."]


def test_a_logseq_page_title_property_titles_the_part(tmp_path: Path) -> None:
    """Logseq writes a page's title as ``title::`` among the properties over its first block."""
    text = f"tags:: oceans\ntitle:: Ocean currents\n{TERMS}"
    assert _parts(tmp_path, text) == [("Ocean currents", "Gyre"), ("Ocean currents", "Rip")]


def test_a_title_field_below_the_pages_opening_titles_nothing(tmp_path: Path) -> None:
    """Only the page's opening lines are its properties: a ``title::`` field further down (a book's, in
    reading notes) is a fact of the notes, and a heading still titles the part over the property."""
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    below = f"Read this week.\ntitle:: The Sea Around Us\n{TERMS}"
    headed = f"title:: Ocean currents\n\n# Tides and currents\n{TERMS}"
    assert {part for part, _ in _parts(tmp_path / "a", below)} == {"Notes"}
    assert {part for part, _ in _parts(tmp_path / "b", headed)} == {"Tides and currents"}
