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


def _heading_sections(text: str) -> dict[str, tuple[str, ...]]:
    """Each heading's line, with the section path of the blocks under it."""
    doc = parse_document("notes.md", text)
    return {doc.lines[block.node.map[0]]: block.section for block in doc.blocks if block.node.map}


def test_a_facet_heading_whose_words_name_the_subject_beside_it_is_read_under_it() -> None:
    """``### Uses`` after ``### Penicillin``, saying "Penicillin treats …", is Penicillin's uses: the
    path names the subject, or every drug's ``Uses`` would read alike; a facet after a detail of it
    (``### Forms``) is still the one its words name, and a new subject heading opens its own."""
    text = (
        "# Pharmacology\n\n## Antibiotics\n\n### Penicillin\n\nKills bacteria.\n\n### Forms\n\nTablets.\n\n"
        "### Uses\n\nPenicillin treats throat infections.\n\n### Aspirin\n\nThins blood.\n\n"
        "### Side effects\n\nAspirin can make the stomach bleed.\n"
    )
    sections = _heading_sections(text)
    assert sections["### Penicillin"] == ("Antibiotics", "Penicillin")
    assert sections["### Uses"] == ("Antibiotics", "Penicillin", "Uses")
    assert sections["### Side effects"] == ("Antibiotics", "Aspirin", "Side effects")


def test_a_facet_heading_whose_words_name_no_one_subject_stays_as_written() -> None:
    """A facet of a chapter or of several subjects is none of theirs alone: its words name none of the
    headings beside it (a list of services, then ``### Pricing``), several of them, or the heading
    over them all."""
    text = (
        "## Services\n\n### Compute\n\nMachines.\n\n### Functions\n\nCode.\n\n"
        "### Pricing\n\nYou pay by the hour or by the call.\n\n"
        "## Storage\n\n### Disks\n\nBlocks.\n\n### Buckets\n\nObjects.\n\n"
        "### Use cases\n\nDisks hold databases; Buckets hold backups.\n\n"
        "## Gateways\n\n### Tape gateway\n\nTapes.\n\n### Benefits\n\nGateways cut costs.\n"
    )
    sections = _heading_sections(text)
    assert sections["### Pricing"] == ("Services", "Pricing")
    assert sections["### Use cases"] == ("Storage", "Use cases")
    assert sections["### Benefits"] == ("Gateways", "Benefits")


def test_facet_headings_with_no_subject_beside_them_stay_as_written() -> None:
    """First at its level, after a heading that names no subject (``## Summary``), or right after a
    heading of a deeper level, a facet heading has no subject; one word lower-case names no heading."""
    text = (
        "# Storage\n\n## Use cases\n\nStorage for backups.\n\n## Disks\n\n### Solid state\n\nFast.\n\n"
        "## Summary\n\nAll of it.\n\n## Limitations\n\nSummary disks wear.\n\n"
        "## Relational Database Service\n\nTables.\n\n## Benefits\n\nA managed service.\n"
    )
    sections = _heading_sections(text)
    assert sections["## Use cases"] == ("Use cases",)
    assert sections["## Limitations"] == ("Limitations",)
    assert sections["## Benefits"] == ("Benefits",)
