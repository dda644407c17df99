"""The notes as written, for the printed sheets: what a section prints besides its cards and tables."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt
from PIL import Image

from ccpkit.model import ComparisonTable, Module
from ccpkit.parse import parse_notes


def parsed(tmp_path: Path, notes: str) -> Module:
    """The one module of a notes folder holding ``notes``."""
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "notes.md").write_text(notes, encoding="utf-8")
    return parse_notes(tmp_path).deck.modules[0]


def printed(tmp_path: Path, notes: str) -> list[str]:
    """What the sheets print of a notes folder holding ``notes``: each passage's text."""
    return [passage.text for passage in parsed(tmp_path, notes).passages]


def tables(module: Module) -> list[ComparisonTable]:
    return [item for item in module.items if isinstance(item, ComparisonTable)]


def test_a_table_in_a_callout_prints_once_as_a_table_of_its_own(tmp_path: Path) -> None:
    module = parsed(
        tmp_path,
        "# Compute\n\n> [!tip] Pricing\n> Pick by how long the work runs.\n>\n"
        "> | Model | Discount |\n> |---|---|\n> | Spot | up to 90% |\n",
    )
    assert [p.text for p in module.passages] == ["> **Pricing**\n> Pick by how long the work runs."]
    assert [(t.title, t.rows) for t in tables(module)] == [("Pricing", (("Spot", "up to 90%"),))]


def test_a_table_a_list_item_introduces_prints_once_as_a_table_of_its_own(tmp_path: Path) -> None:
    module = parsed(
        tmp_path,
        "# Storage\n\n- Classes compared:\n\n  | Class | Retrieval |\n  |---|---|\n  | Glacier | hours |\n\n"
        "- Lifecycle rules move objects.\n",
    )
    assert [p.text for p in module.passages] == ["Classes compared:", "Lifecycle rules move objects."]
    assert [(t.title, t.rows) for t in tables(module)] == [("Classes compared", (("Glacier", "hours"),))]


def test_a_quoted_table_no_rule_took_prints_in_its_quote(tmp_path: Path) -> None:
    """A table in a nested quote is a table, printed once; a header alone is no table: the quote
    prints it as written."""
    module = parsed(
        tmp_path,
        "# Mail\n\n> Prices below.\n>\n> > | Plan | Price |\n> > |---|---|\n> > | Pro | 12 |\n\n"
        "> | Never share your root keys |\n> |---|\n",
    )
    assert [p.text for p in module.passages] == [
        "> Prices below.",
        "> | Never share your root keys |\n> |---|",
    ]
    assert [t.rows for t in tables(module)] == [(("Pro", "12"),)]


def test_a_line_that_reads_like_an_answer_keys_title_over_prose_prints(tmp_path: Path) -> None:
    """`Simple answer.` and `Key answers to your questions:` open no key when no entry follows: the
    notes' own words, on the sheet like any paragraph."""
    notes = (
        "# Tides\n\n## Why two tides a day\n\nSimple answer.\n\nThe Moon pulls the near and far sides.\n\n"
        "## Recap\n\nKey answers to your questions:\n\nSpring tides follow full and new moons.\n"
    )
    assert printed(tmp_path, notes) == [
        "Simple answer.",
        "The Moon pulls the near and far sides.",
        "Key answers to your questions:",
        "Spring tides follow full and new moons.",
    ]


def test_a_block_of_html_prints_as_its_words_a_paragraph_per_block_tag(tmp_path: Path) -> None:
    """Notes pasted from web pages and READMEs wrap lines in `<div>`, `<center>` and lists of their own:
    Markdown leaves them raw, and the sheet would otherwise lose them without a word. A `<pre>` block
    prints as code; a style or a script prints nothing."""
    notes = (
        '# Cells\n\n<div style="color:red">Exam on <b>14 May</b> &amp; bring a &lt;pen&gt;.</div>\n\n'
        "<center>Figure 1: a neuron</center>\n\n"
        "<ul>\n<li>Dendrites receive</li>\n<li>Axons send</li>\n</ul>\n\n"
        "<!-- a note to self -->\n\n<table><tr><td>no header</td></tr></table>\n\n"
        "<style>\n.red { color: red; }\n</style>\n\n"
        "<pre><code>for i in range(3):\n    print(i &lt; 3)</code></pre>\n"
    )
    assert printed(tmp_path, notes) == [
        "Exam on **14 May** &amp; bring a &lt;pen&gt;.",  # as Markdown, which shows `& bring a <pen>.`
        "Figure 1: a neuron",
        "Dendrites receive\n\nAxons send",
        "no header",
        "````\nfor i in range(3):\n    print(i < 3)\n````",
    ]


def test_an_html_table_left_unread_prints_its_words_a_paragraph_per_row(tmp_path: Path) -> None:
    """A table with no header row, on one line, or with a cell spanning others is no Markdown table:
    its words still print, a row to a paragraph, its cells parted by a dot."""
    notes = (
        "# Tides\n\n<table><tr><td>Spring tide</td><td>Full and new moon</td></tr></table>\n\n"
        "<table>\n<tr><th>Tide</th><th>When</th></tr>\n"
        '<tr><td colspan="2">Neap tide: <b>quarter</b> moons</td></tr>\n</table>\n'
    )
    assert printed(tmp_path, notes) == [
        "Spring tide · Full and new moon",
        "Tide · When\n\nNeap tide: **quarter** moons",
    ]


def test_a_fold_without_a_summary_prints_what_it_holds(tmp_path: Path) -> None:
    notes = "# Tides\n\n<details>\nTwo high tides a day, about 12 hours 25 minutes apart.\n</details>\n"
    assert printed(tmp_path, notes) == ["Two high tides a day, about 12 hours 25 minutes apart."]


def test_a_picture_centred_in_html_prints_and_a_missing_one_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "m").mkdir()
    Image.new("RGB", (30, 20), (0, 90, 200)).save(tmp_path / "m" / "neuron.png")
    notes = (
        '# Cells\n\n<p align="center"><img src="neuron.png" width="300"></p>\n\n<p><img src="axon.png"></p>\n'
    )
    (tmp_path / "m" / "notes.md").write_text(notes, encoding="utf-8")
    parsed_notes = parse_notes(tmp_path)
    module = parsed_notes.deck.modules[0]
    assert [passage.text for passage in module.passages] == [
        f"![]({module.pictures[0].name})",
        "![](axon.png)",
    ]
    assert [(str(p.location), p.severity) for p in parsed_notes.problems] == [("m/notes.md:5", "error")]
    assert "axon.png does not exist" in parsed_notes.problems[0].message


def test_a_heading_over_nothing_prints_as_its_words_under_the_headings_above_it(tmp_path: Path) -> None:
    """An outline written in headings says its notes in them: with no section under them to head, the
    sheet prints their words (a rule between them changes nothing); a heading over more, or over itself
    written again, prints none."""
    notes = (
        "# Cells\n\n## Mitochondria\n\n### They hold their own circular DNA\n\n---\n\n"
        "### They are inherited from the mother\n\n## Chloroplasts\n\nThey make sugar from light.\n\n"
        '## Ribosomes\n\n## Ribosomes\n\nThey make proteins.\n\n##\n\n## Open questions <a id="open"></a>\n'
    )
    placed = [(passage.section, passage.text) for passage in parsed(tmp_path, notes).passages]
    assert placed == [
        (("Mitochondria",), "**They hold their own circular DNA**"),
        (("Mitochondria",), "**They are inherited from the mother**"),
        (("Chloroplasts",), "They make sugar from light."),
        (("Ribosomes",), "They make proteins."),
        ((), "**Open questions**"),
    ]


def test_a_definitions_indented_paragraphs_print_as_words_and_indented_code_as_code(tmp_path: Path) -> None:
    module = parsed(
        tmp_path,
        "# IPs\n\nElastic IP\n: A static address.\n\n    You pay for it while idle.\n\n"
        "The call reads:\n\n    aws ec2 allocate-address\n\n"
        "Constructor\n: Sets up an object.\n\n    class Point:\n        x = 0\n",
    )
    assert [p.text for p in module.passages] == [
        "**Elastic IP**: A static address.",
        "You pay for it while idle.",
        "The call reads:",
        "```\naws ec2 allocate-address\n```",
        "**Constructor**: Sets up an object.",
        "```\nclass Point:\n    x = 0\n```",
    ]


def test_lines_each_naming_a_term_print_a_line_each_not_one_run_of_words(tmp_path: Path) -> None:
    notes = (
        "# Rights\n\nArt. 15 — Right of access\nArt. 17 — Right to erasure\n\n"
        "The regulation took effect in 2018\nand applies across the union.\n"
    )
    assert printed(tmp_path, notes) == [
        "Art. 15 — Right of access\n\nArt. 17 — Right to erasure",
        "The regulation took effect in 2018\nand applies across the union.",
    ]


def test_a_card_written_with_its_sides_apart_prints_as_a_term_and_what_it_says(tmp_path: Path) -> None:
    """The marks a flashcard plugin parts a card's sides with (``::``, ``:::``, a ``?`` or ``??`` line)
    are for the plugin, not the reader: the sheet prints the front in bold, then the back. Prose with
    ``::`` that is no card, and a cloze's ``{{c1::…}}``, print as written."""
    notes = (
        "# Cells\n\nPhotosynthesis::Light, water and CO2 into glucose.\n\n"
        "Cell wall (plants) :: made of cellulose\n\n**Osmosis**:::Water crossing a membrane.\n\n"
        "What does the Golgi apparatus do?\n?\nIt packages proteins.\n\n"
        "What does the nucleus hold?\n??\nThe cell's DNA.\n\n"
        "Use std::vector for arrays in C++ code, not raw pointers.\n\n"
        "The {{c1::mitochondrion}} makes most of the cell's ATP.\n"
    )
    assert printed(tmp_path, notes) == [
        "**Photosynthesis**: Light, water and CO2 into glucose.",
        "**Cell wall (plants)**: made of cellulose",
        "**Osmosis**: Water crossing a membrane.",
        "**What does the Golgi apparatus do?** It packages proteins.",
        "**What does the nucleus hold?** The cell's DNA.",
        "Use std::vector for arrays in C++ code, not raw pointers.",
        "The {{c1::mitochondrion}} makes most of the cell's ATP.",
    ]


def test_cards_written_a_line_each_print_a_line_each_as_terms(tmp_path: Path) -> None:
    """``Front::Back`` lines one under another are as many cards: each prints on its own line, its
    front in bold, not one run of words with the plugin's marks in it. Lines with ``::`` in prose, and
    clozes, make no such card and print as written."""
    notes = (
        "# Scales\n\nNotes in a major scale::seven\nSharps in E major:::four\n"
        "Relative minor of F major::D minor\n\n"
        "Use std::sort here\nand std::map there.\n\n"
        "A {{c1::tritone}} spans six semitones.\nAn {{c1::octave}} spans twelve.\n"
    )
    assert printed(tmp_path, notes) == [
        "**Notes in a major scale**: seven\n\n**Sharps in E major**: four\n\n"
        "**Relative minor of F major**: D minor",
        "Use std::sort here\nand std::map there.",
        "A {{c1::tritone}} spans six semitones.\nAn {{c1::octave}} spans twelve.",
    ]


def test_a_callout_nested_in_a_callout_prints_its_title_in_bold_too(tmp_path: Path) -> None:
    notes = (
        "# Cells\n\n> [!question] Which organelle holds chlorophyll?\n"
        "> > [!success]- Answer\n> > The chloroplast.\n"
    )
    assert printed(tmp_path, notes) == [
        "> **Which organelle holds chlorophyll?**\n> > **Answer**\n> > The chloroplast."
    ]


def test_notes_between_start_and_end_print_as_cards_and_the_plugins_settings_do_not(tmp_path: Path) -> None:
    """Obsidian_to_Anki's notes print as the cards they are (a card's front in bold before its back, a
    cloze as its text), so a file with other words keeps them on its sheet; its ``TARGET DECK`` and
    ``FILE TAGS`` settings say where the notes go in Anki, nothing to study. Prose naming the settings
    prints."""
    notes = (
        "TARGET DECK: History::Rome\n\nFILE TAGS\nrome republic\n\n# The Republic\n\n"
        "The Senate advised the magistrates.\n\n"
        "START\nBasic\nFront: How many consuls ruled at once?\nBack: Two\nEND\n\n"
        "START\nBasic\nWho could veto a consul?\nBack: A tribune\n- of the plebs\nEND\n\n"
        "START\nCloze\nText: The {{c1::Forum}} was the city's centre.\nEND\n\n"
        "TARGET DECK is where the plugin files the notes.\n"
    )
    assert printed(tmp_path, notes) == [
        "The Senate advised the magistrates.",
        "**How many consuls ruled at once?** Two",
        "**Who could veto a consul?** A tribune\n\n- of the plebs",
        "The {{c1::Forum}} was the city's centre.",
        "TARGET DECK is where the plugin files the notes.",
    ]


def test_styled_highlights_print_as_their_words_highlighted(tmp_path: Path) -> None:
    """Zotero and Obsidian's highlighters colour a quote with ``<mark style=…>`` or ``<span style=…>``:
        paper shows the words (a mark's highlighted), not the tags. Tags in code print as written (a span of
    one tick closed by one tick only)."""
    notes = (
        '# Enzymes\n\n<mark style="background-color: #ffd400">"Enzymes lower the activation energy"</mark>'
        " [@lee2021, p. 5]\n\n"
        '- <span style="color: #2ea8e5">Most enzymes are proteins</span> (Lee, 2021)\n'
        '- <font color="red">Heat</font> denatures them\n\n'
        'Write `a <span style="color: red">x</span>` to colour a word.\n\n'
        "A span may hold a longer run of ticks: `a `` <mark>b</mark> `` c` is one span.\n\n"
        '```html\n<mark style="background: yellow">hi</mark>\n```\n'
    )
    assert printed(tmp_path, notes) == [
        '=="Enzymes lower the activation energy"== [@lee2021, p. 5]',
        "Most enzymes are proteins (Lee, 2021)",
        "Heat denatures them",
        'Write `a <span style="color: red">x</span>` to colour a word.',
        "A span may hold a longer run of ticks: `a `` <mark>b</mark> `` c` is one span.",
        '```html\n<mark style="background: yellow">hi</mark>\n```',
    ]


def test_dataview_fields_and_queries_print_nothing(tmp_path: Path) -> None:
    """Dataview's fields beside a note's own (``servings:: 8`` over ``source:: [[Bread book]]``) and its
    queries are a note's metadata and code for Obsidian, nothing to study: the sheet leaves them out. A
    field of another key prints, alone as a term; a line's words, a field in code and other code blocks
    print."""
    notes = (
        "# Sourdough\n\nservings:: 8\n[prep:: 30 min] [bake:: 45 min]\nsource:: [[Bread book]]\n\n"
        "A starter needs daily feeding. [tried:: yes]\n\n- hydration:: 75%\n- baked:: 2024-05-01\n"
        "- Salt tightens the dough.\n\n"
        "```dataview\nLIST FROM #bread SORT file.name\n```\n\n"
        "Write `rating:: 5` to rate a loaf.\n\n```python\nflour = 500\n```\n"
    )
    assert printed(tmp_path, notes) == [
        "A starter needs daily feeding. [tried:: yes]",
        "**hydration**: 75%",
        "**baked**: 2024-05-01",
        "Salt tightens the dough.",
        "Write `rating:: 5` to rate a loaf.",
        "```python\nflour = 500\n```",
    ]


def test_a_cards_deck_tags_print_on_neither_side(tmp_path: Path) -> None:
    """A tag ending a card's side files the card in a deck (``#flashcards/botany``): the card is asked
    without it, and the sheet prints it without it too. ``C#`` and ``#1`` are no tags."""
    notes = (
        "#flashcards\n\n# Leaves\n\nWhich gas do leaves release? #flashcards/botany\n?\nOxygen\n\n"
        "Stomata::pores on a leaf #flashcards/botany\n\n"
        "Language of Unity scripts::C#\n\nMost grown crop::maize, rank #1\n"
    )
    assert printed(tmp_path, notes) == [  # the tags alone on the first line file the note: no words
        "**Which gas do leaves release?** Oxygen",
        "**Stomata**: pores on a leaf",
        "**Language of Unity scripts**: C#",
        "**Most grown crop**: maize, rank #1",
    ]


def test_a_dataview_field_under_a_key_of_no_metadata_prints_whatever_its_value(tmp_path: Path) -> None:
    """Only a key a note's metadata goes under (``author``, ``status``, ``due_date``, ``tags``) makes a
    field metadata: a fact written as a field prints, a date too, and so do fields a line each with no
    such key among them; a field within a sentence prints as Dataview shows it (``(key:: value)`` as its
    value), unless its key is metadata's."""
    notes = (
        "# Rivers\n\n## Nile\n\nFirst bridged:: 1902-12-10\n\n"
        "The river floods [flood month:: August] each year, cresting (crest:: mid-September) at Cairo."
        " [author:: Reyes]\n\n## Danube\n\nSource reached:: 1857\nDelta mapped:: 1862-04-01\n\n"
        "- status:: draft\n- due_date:: 2025-01-05\n- Salt flats lie east of it. [tags:: #geo]\n"
    )
    assert printed(tmp_path, notes) == [
        "**First bridged**: 1902-12-10",
        "The river floods [flood month:: August] each year, cresting mid-September at Cairo.",
        "**Source reached**: 1857\n\n**Delta mapped**: 1862-04-01",
        "Salt flats lie east of it.",
    ]


def test_a_word_between_percent_marks_alone_on_its_line_prints_nothing(tmp_path: Path) -> None:
    """``%%tana%%`` opening a note pasted from Tana is an Obsidian comment, as is any word between
    ``%%`` alone on its line; one word between ``%%`` within a line (a batch file's ``%%PATH%%``) prints."""
    notes = (
        "# Cells\n\n%%review%%\nCells divide by mitosis.\n\n%%draft%%\n\nA batch file reads %%TEMP%% first.\n"
    )
    assert printed(tmp_path, notes) == ["Cells divide by mitosis.", "A batch file reads %%TEMP%% first."]


def test_a_table_of_contents_mark_alone_on_its_line_prints_nothing(tmp_path: Path) -> None:
    """Typora's ``[toc]`` (``[TOC]``, ``[[_TOC_]]``) asks the editor for the headings there: no words
    of the notes. Within a line it is words."""
    notes = "[TOC]\n\n# Soups\n\n[[_TOC_]]\n\nA roux thickens a soup.\n\nPress [toc] in the menu bar.\n"
    assert printed(tmp_path, notes) == ["A roux thickens a soup.", "Press [toc] in the menu bar."]


def test_a_pictures_attributes_as_pandoc_writes_them_print_nothing(tmp_path: Path) -> None:
    """Pandoc writes a picture's size after it (``![](media/image1.png){width="4.5in"}``) and a link's
    class: how a page shows them, no words. Braces after other text, or in code, print."""
    notes = (
        '# Bread\n\n![](media/image1.png){width="4.5in" height="2.1in"}\n\n'
        "See [the guide](https://example.org/bread){.external} for times.\n\n"
        "Weigh it (in grams){about 500} first.\n\n"
        'Write `![](a.png){width="2in"}` to size a picture.\n'
    )
    assert printed(tmp_path, notes) == [
        "![](media/image1.png)",
        "See [the guide](https://example.org/bread) for times.",
        "Weigh it (in grams){about 500} first.",
        'Write `![](a.png){width="2in"}` to size a picture.',
    ]


def test_the_record_joplins_raw_export_ends_a_note_with_prints_nothing(tmp_path: Path) -> None:
    """Joplin's RAW export ends each note with the app's record of it (``id:`` … ``type_: 1``): no
    words of the notes. Lines of fields that end otherwise, or open with no such id, print."""
    record = (
        "id: 7a1e0c9b3d5f4e2a8c6b1d0f9e8a7b6c\nparent_id: 1b2c3d4e5f60718293a4b5c6d7e8f901\n"
        "created_time: 2025-02-11T08:00:00.000Z\nauthor: \nis_todo: 0\nmarkup_language: 1\ntype_: 1"
    )
    notes = f"Knife skills\n\n# Knife skills\n\nA julienne is a matchstick cut.\n\n{record}\n"
    assert printed(tmp_path, notes) == ["Knife skills", "A julienne is a matchstick cut."]
    unlike = "# Knife skills\n\nA julienne is a matchstick cut.\n\nid: 12\ntype_: 1\n"
    (tmp_path / "other").mkdir()
    assert "type_: 1" in printed(tmp_path / "other", unlike)[-1]


def test_an_outline_indented_with_tabs_prints_nested_as_one_indented_with_spaces(tmp_path: Path) -> None:
    """Logseq indents its outlines with tabs, and Markdown reads a tab as four columns: the children
    of an item print as a list under it, not as words run on after it ("Knots - Bowline - …")."""
    (tmp_path / "tabs").mkdir(), (tmp_path / "spaces").mkdir()
    tabs = printed(
        tmp_path / "tabs", "- Knots\n\t- Bowline\n\t\t- a fixed loop at the end of a rope\n\t- Clove hitch\n"
    )
    spaces = printed(
        tmp_path / "spaces",
        "- Knots\n  - Bowline\n    - a fixed loop at the end of a rope\n  - Clove hitch\n",
    )
    assert tabs == ["Knots\n  - Bowline\n      - a fixed loop at the end of a rope\n  - Clove hitch"]
    assert spaces == ["Knots\n- Bowline\n  - a fixed loop at the end of a rope\n- Clove hitch"]
    assert [_rendered(text) for text in tabs] == [_rendered(text) for text in spaces]


def test_an_outline_indented_with_spaces_and_tabs_mixed_prints_as_deep_as_in_the_note(tmp_path: Path) -> None:
    """An editor that mixes them (``  \t- child``, ``\t\t - grandchild``) indents by Markdown's columns,
    a tab to the next multiple of four: the children print nested as the same outline in spaces does,
    not run on after their parent ("Cell - Nucleus - …"). One indented too deep for a child
    (``\t  - …``, six columns under ``- …``) goes on the line above as it does in spaces."""
    mixed = (
        "- Cell\n  \t- Nucleus\n  \t\t- holds the DNA\n"
        "- Virus\n\t- Capsid\n\t\t - a protein shell\n- Prion\n\t  - misfolded\n"
    )
    spaced = (
        "- Cell\n    - Nucleus\n        - holds the DNA\n"
        "- Virus\n    - Capsid\n         - a protein shell\n- Prion\n      - misfolded\n"
    )
    (tmp_path / "mixed").mkdir(), (tmp_path / "spaced").mkdir()
    printed_mixed, printed_spaced = printed(tmp_path / "mixed", mixed), printed(tmp_path / "spaced", spaced)
    assert [_rendered(text) for text in printed_mixed] == [_rendered(text) for text in printed_spaced]
    assert "<li>holds the DNA" in _rendered(printed_mixed[0]) and "<li>a protein shell" in _rendered(
        printed_mixed[1]
    )
    assert "<ul>" not in _rendered(printed_mixed[2])


def test_a_tab_inside_an_items_code_stays_as_written(tmp_path: Path) -> None:
    """Only the item's own indentation goes: a tab deeper in its code block is the code's."""
    notes = "- Makefile rule:\n\n  ```\n  all:\n  \tcc main.c\n  ```\n"
    assert printed(tmp_path, notes) == ["Makefile rule:\n\n```\nall:\n\tcc main.c\n```"]


def _rendered(text: str) -> str:
    """``text`` as Markdown renders it (the sheets render each passage)."""
    return MarkdownIt("commonmark").render(text)


def test_a_logseq_block_reference_prints_nothing_where_it_stands(tmp_path: Path) -> None:
    """``((uuid))`` stands for another block, which Logseq shows and an export cannot find: its id is
    no words of the notes. Words in double brackets are kept."""
    notes = (
        "- Tides\n\t- see ((5e0c2a11-7d4b-4c8e-9f1a-2b3c4d5e6f70)) for spring tides\n"
        "\t- ((5e0c2a11-7d4b-4c8e-9f1a-2b3c4d5e6f71))\n\t- neap tides ((weaker)) at half moon\n"
    )
    assert printed(tmp_path, notes) == [
        "Tides\n  - see for spring tides\n  -\n  - neap tides ((weaker)) at half moon"
    ]


def test_a_zettelkasten_notes_metadata_prints_nothing(tmp_path: Path) -> None:
    """A note's tags, its fields of tags or of links to the notes around it and a section listing the
    notes that link to it are how a vault files it, no words of its own; a line with a word of its
    own beside the links stays (``Related:`` may name what a student wants)."""
    notes = (
        "# Glaciers\n\nA glacier is ice that moves under its own weight.\n\n"
        "Related: [[Ice age]], [[Moraine]]\n#geography #ice\nup:: [[Landforms MOC]]\n\nnext:: [[Fjords]]\n\n"
        "Status: #seedling\nTags: #geography, #ice\n\n## Backlinks\n\n- [[Erosion]]\n- [[Valleys]]\n"
    )
    assert printed(tmp_path, notes) == [
        "A glacier is ice that moves under its own weight.",
        "Related: [[Ice age]], [[Moraine]]",
    ]


def test_tags_and_links_among_words_print_as_written(tmp_path: Path) -> None:
    """Near misses: a field of links under a key that names a fact (``Capital:: [[Lima]]``), a line of
    tags with a word, issue numbers and ranks (``#12``), links with words beside them, and links under a
    heading that is no list of links print as before; code is code."""
    notes = (
        "# Andes\n\nCapital:: [[Lima]]\n\nFixed in #12 and #15\n#1 #2 #3\n\n"
        "See [[Inca Empire]] for the roads #history\n\n## Regions\n\n- [[Altiplano]]\n\n"
        "## See also\n\n- [[Atacama]]: the driest desert\n\n```\n#include <stdio.h>\n#pragma once\n```\n"
    )
    assert printed(tmp_path, notes) == [
        "**Capital**: [[Lima]]",
        "Fixed in #12 and #15\n#1 #2 #3",
        "See [[Inca Empire]] for the roads #history",
        "[[Altiplano]]",
        "[[Atacama]]: the driest desert",
        "```\n#include <stdio.h>\n#pragma once\n```",
    ]


def test_headings_to_match_with_paragraphs_the_notes_lack_still_print(tmp_path: Path) -> None:
    notes = (
        "# Reading\n\nChoose the correct heading for each paragraph.\n\n"
        "i. Where silk began\nii. Silk on the road west\n\n1. Paragraph A\n2. Paragraph B\n\n"
        "**Answers:** 1. ii 2. i\n"
    )
    text = "\n".join(printed(tmp_path, notes))
    assert "Choose the correct heading" in text
    assert "Silk on the road west" in text
    assert "Paragraph B" in text
    assert "1. ii 2. i" in text
