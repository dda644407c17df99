"""A notes file as the rules read it: what Obsidian hides is gone, every line keeps its number."""

from __future__ import annotations

from ccpkit.parse.document import parse_document

NOTES = """# Part

Object storage. %%to check%% %% and this %%

%%
- **Draft:** hidden
%%

Written `%%so%%` in a line.

```text
%%kept as code%%
```
"""


def test_obsidian_comments_are_blanked_and_lines_keep_their_numbers() -> None:
    document = parse_document("m/notes.md", NOTES)
    assert len(document.lines) == len(NOTES.split("\n"))
    assert document.lines[2] == "Object storage."
    assert document.lines[4:7] == ("", "", "")
    assert document.lines[8] == "Written `%%so%%` in a line."
    assert document.lines[11] == "%%kept as code%%"
    assert [block.node.line for block in document.blocks] == [1, 3, 9, 11]


def test_percent_signs_that_open_no_comment_are_left_as_written() -> None:
    notes = "# Part\n\nA 100%% sure line, then 5%% more.\n\nIn MATLAB a line with %% starts a section.\n"
    document = parse_document("m/notes.md", notes)
    assert document.lines[2] == "A 100%% sure line, then 5%% more."
    assert document.lines[4] == "In MATLAB a line with %% starts a section."


def test_a_fenced_div_is_read_as_a_callout_and_lines_keep_their_numbers() -> None:
    notes = '# Part\n\n::: {.callout-tip collapse="true"}\n## Answer\nB\n:::\n\n::: unclosed\nText\n'
    document = parse_document("m/notes.md", notes)
    assert document.lines[2:6] == ("", "> [!tip]- Answer", "> B", "")
    assert document.lines[7] == "::: unclosed"
    assert len(document.lines) == len(notes.split("\n"))


def test_a_slides_speaker_notes_are_no_part_of_the_notes() -> None:
    notes = "# Part\n\nA reliable byte stream.\n\n::: notes\nAsk who has used netcat.\n:::\n"
    document = parse_document("m/notes.md", notes)
    assert document.lines[4:7] == ("", "", "")


def test_hugos_toml_front_matter_names_the_part_and_keeps_every_line_number() -> None:
    text = (
        '+++\ntitle = "Cell biology"\ntags = ["cells"]\n[params]\nauthor = "Sam"\n+++\n\n- **ATP**: energy\n'
    )
    doc = parse_document("01-cells/notes.md", text)
    assert doc.part == "Cell biology"
    assert doc.lines[7] == "- **ATP**: energy"
    assert not doc.problems


def test_tags_ending_a_heading_are_no_part_of_the_part_or_section_titles() -> None:
    text = "# Anticoagulants #flashcards\n\n## Warfarin #pharm/haem\n\n### C# and #1 ranks\n\n- **INR:** 2\n"
    doc = parse_document("01-drugs/notes.md", text)
    assert doc.part == "Anticoagulants"
    assert doc.blocks[-1].section == ("Warfarin", "C# and #1 ranks")


def test_hierarchical_tags_ending_a_heading_are_no_part_of_its_title() -> None:
    doc = parse_document("01-drugs/notes.md", "# Drugs\n\n## Warfarin #pharm::haem\n\n- **INR:** 2\n")
    assert doc.blocks[-1].section == ("Warfarin",)


def test_a_heading_set_wholly_in_bold_titles_without_its_marks() -> None:
    """As Google Docs exports headings: the marks would name the deck (`T::00 **Geography…**`)."""
    text = "# **Geography Unit 2**\n\n## **2.1 River processes**\n\n- **Erosion:** x\n"
    doc = parse_document("notes.md", text)
    assert doc.part == "Geography Unit 2"
    assert doc.blocks[-1].section == ("2.1 River processes",)


def test_a_heading_in_a_folded_block_heads_that_block_alone() -> None:
    """``#### Answer: A`` in one question's ``<details>`` must not head the next question (its card
    would show another question's answer as its context)."""
    text = (
        "# Quiz\n\n## Types\n\n<details><summary>Answer</summary>\n\n#### Answer: A\n\n"
        "`NaN` is a number.\n\n</details>\n\n- **Next:** after the block\n"
    )
    doc = parse_document("notes.md", text)
    inside = next(block for block in doc.blocks if block.node.type == "paragraph")
    assert inside.section == ("Types", "Answer: A")
    assert doc.blocks[-1].section == ("Types",) and doc.blocks[-1].heading is doc.blocks[1].node
