"""The notes folder: modules from folders and files, front matter, merges across parts, bad files."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest

from ccpkit.errors import UsageError
from ccpkit.importer.save_notes import write_notes
from ccpkit.model import MCQ, Card
from ccpkit.parse import parse_notes
from ccpkit.parse.notes_folder import (
    _evicted,
    _is_latex,
    _nameable,
    _readable,
    _told_of,
    find_modules,
    is_notes_file,
)

CRAM = """---
module: 2
module_title: Compute in the Cloud (Amazon EC2)
part: Cram Sheet
---

# Cram Sheet

## Compute

- **Spot Instances:** Spare capacity, up to 90% off.
"""
SUMMARY = """---
module: 2
part: Summary
---

# Summary

- **Spot Instances:** Interruptible instances.
- **Security:** Patch the guest OS.
"""


def write(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        pytest.param(
            {
                "10-pricing/summary.md": "- **TCO:** Total cost of ownership.\n",
                "02-compute/cram-sheet.md": CRAM,
                "case-study.md": "- **Residency:** Data stays in the EU.\n",
                "extras/links.md": "- **Docs:** The AWS docs.\n",
            },
            [
                (2, "02-compute", "Compute in the Cloud (Amazon EC2)", "02-compute/card/spot-instances"),
                (10, "10-pricing", "Pricing", "10-pricing/card/tco"),
                # no H1: named after the file
                (0, "case-study", "Case study", "case-study/card/residency"),
                (0, "extras", "Extras", "extras/card/docs"),
            ],
            id="NN-slug",
        ),
        pytest.param(  # as notes apps name them; ids still come from the whole name, slugged
            {
                "03 - Storage/notes.md": "- **S3:** Object storage.\n",
                "1. Cloud Concepts/notes.md": "- **Elasticity:** Scale with demand.\n",
                "04_security/notes.md": "- **IAM:** Who may do what.\n",
                "05 Billing.md": "- **Budgets:** Alerts on spend.\n",
                "2024 review/notes.md": "- **Recap:** The year in review.\n",
                "1.5 beta/notes.md": "- **Preview:** Not a number.\n",
            },
            [
                (1, "1-cloud-concepts", "Cloud Concepts", "1-cloud-concepts/card/elasticity"),
                (3, "03-storage", "Storage", "03-storage/card/s3"),
                (4, "04security", "Security", "04security/card/iam"),
                (5, "05-billing", "Billing", "05-billing/card/budgets"),
                (2024, "2024-review", "Review", "2024-review/card/recap"),
                (0, "1-5-beta", "1.5 beta", "1-5-beta/card/preview"),
            ],
            id="numbered-as-notes-apps-name-them",
        ),
        pytest.param(  # a Notion export: a new export writes new page ids, which must not rename anything
            {
                "Cloud Basics 8c1fa2b3c4d5e6f7a8b9c0d1e2f3a4b5/Regions 3f2a9c1e0b8d4f6a9e7b2c1d0a9f8e7d.md": (
                    "- **AZ:** One or more data centres.\n"
                ),
                "02 Storage 0123456789abcdef0123456789abcdef.md": "- **S3:** Object storage.\n",
            },
            [
                (2, "02-storage", "Storage", "02-storage/card/s3"),
                (0, "cloud-basics", "Cloud Basics", "cloud-basics/card/az"),
            ],
            id="notion-page-ids",
        ),
        pytest.param(  # a Zettelkasten's ids and dates number no module: in time order, titled with them
            {
                "202103041215 Spaced repetition.md": "- **Spacing:** Reviews spread out.\n",
                "20210305-interleaving.md": "- **Interleaving:** Topics mixed.\n",
            },
            [
                (
                    0,
                    "202103041215-spaced-repetition",
                    "202103041215 Spaced repetition",
                    "202103041215-spaced-repetition/card/spacing",
                ),
                (
                    0,
                    "20210305-interleaving",
                    "20210305 interleaving",
                    "20210305-interleaving/card/interleaving",
                ),
            ],
            id="zettelkasten-ids",
        ),
    ],
)
def test_numbered_folders_and_files_are_modules_in_number_order_and_other_entries_follow(
    tmp_path: Path, files: dict[str, str | bytes], expected: list[tuple[int, str, str, str]]
) -> None:
    modules = parse_notes(write(tmp_path, files)).deck.modules
    assert [(m.number, m.slug, m.title, m.items[0].id) for m in modules] == expected


def test_folder_names_decomposed_as_a_mac_writes_them_title_modules_as_composed_ones(tmp_path: Path) -> None:
    """`Ü` as `U` and a combining diaeresis (a clone or zip made on a Mac): the same title, so the same
    decks, as the composed name a Linux clone has; the course named after its folder too."""
    notes = tmp_path / unicodedata.normalize("NFD", "Cours généraux")
    for name in ("01-Übersicht", "02-Café"):
        (notes / unicodedata.normalize("NFD", name)).mkdir(parents=True)
        (notes / unicodedata.normalize("NFD", name) / "notes.md").write_text("# Notes\n\nWords.\n")
    deck = parse_notes(notes).deck
    assert [module.title for module in deck.modules] == ["Übersicht", "Café"]
    assert deck.title == "Cours généraux"


def test_two_modules_of_one_number_are_both_read_with_a_warning_at_the_second(tmp_path: Path) -> None:
    """``--module 3`` and an exam's modules would take both: the author is told to renumber one."""
    parsed = parse_notes(write(tmp_path, {"03-networking/a.md": CRAM, "03-storage/b.md": CRAM}))
    assert [module.slug for module in parsed.deck.modules] == ["03-networking", "03-storage"]
    assert [str(problem) for problem in parsed.problems] == [
        "03-storage:1: warning: 03-networking/ is numbered 3 too: give one of them another number "
        "(`--module 3` takes both)"
    ]


def test_a_numbered_module_folder_with_no_notes_file_is_a_module_warned_of(tmp_path: Path) -> None:
    """An empty module would count among the modules without a word; text files beside no notes are
    named (a Quizlet export saved as ``.txt``), pictures and other files are not."""
    write(
        tmp_path,
        {
            "01-bread/cram.md": CRAM,
            "02-cheese/words.txt": "rennet\tan enzyme that curdles milk\n",
            "02-cheese/rind.png": b"\x89PNG",
        },
    )
    (tmp_path / "03-wine").mkdir()
    parsed = parse_notes(tmp_path)
    assert [module.slug for module in parsed.deck.modules] == ["01-bread", "02-cheese", "03-wine"]
    assert [str(problem) for problem in parsed.problems] == [
        "02-cheese:1: warning: module folder 02-cheese/ holds no notes file (words.txt: not read, as notes "
        "are Markdown); write its notes in a .md file there",
        "03-wine:1: warning: module folder 03-wine/ holds no notes file; write its notes in a .md file there",
    ]


def test_daily_notes_named_by_their_date_are_not_modules_numbered_alike(tmp_path: Path) -> None:
    parsed = parse_notes(write(tmp_path, {"2024-01-16.md": CRAM, "2024-01-17.md": CRAM}))
    assert len(parsed.deck.modules) == 2 and parsed.problems == ()


def test_dot_files_other_suffixes_and_folders_without_notes_are_not_modules(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            ".ccpkit-ledger.json": "{}",
            ".drafts/x.md": "- **Hidden:** no\n",
            "02-compute/.scratch.md": "- **Hidden:** no\n",
            "02-compute/picture.png": b"\x89PNG",
            "02-compute/cram-sheet.md": CRAM,
            "images/diagrams/vpc.png": b"\x89PNG",  # a folder of pictures only: no module
        },
    )
    deck = parse_notes(tmp_path).deck
    assert [m.slug for m in deck.modules] == ["02-compute"]
    assert [item.id for item in deck.items()] == ["02-compute/card/spot-instances"]


def test_markdown_files_under_their_other_names_are_notes_files(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "01-basics/README.MD": "- **Region:** A geographic area.\n",
            "01-basics/zones.markdown": "- **AZ:** One or more data centres.\n",
            "01-basics/edge.mdown": "- **Edge location:** A CDN site.\n",
            "01-basics/notes.txt": "- **Plain:** not a notes file\n",
            "02-Pricing Plans.mkd": "- **Savings Plan:** A spend commitment.\n",
        },
    )
    deck = parse_notes(tmp_path).deck
    modules = [(m.slug, m.title) for m in deck.modules]
    assert modules == [("01-basics", "Basics"), ("02-pricing-plans", "Pricing Plans")]
    assert [(item.source.path, item.part) for item in deck.items()] == [
        ("01-basics/README.MD", "README"),
        ("01-basics/edge.mdown", "Edge"),
        ("01-basics/zones.markdown", "Zones"),
        ("02-Pricing Plans.mkd", "Pricing Plans"),
    ]


R_EXERCISE = """```{r, include = FALSE}
library("exams")
```

Question
========
Which blood cells carry oxygen?

Answerlist
----------
* Red blood cells
* White blood cells

Meta-information
================
extype: schoice
exsolution: 10
"""


def test_r_markdown_files_are_notes_files_and_an_r_exams_exercise_in_one_is_a_question(
    tmp_path: Path,
) -> None:
    write(
        tmp_path,
        {
            "03-blood/cells.Rmd": R_EXERCISE,
            "03-blood/plasma.qmd": "- **Plasma:** The liquid part of blood.\n",
        },
    )
    parsed = parse_notes(tmp_path)
    assert parsed.problems == ()
    mcq, card = parsed.deck.items()
    assert isinstance(mcq, MCQ) and isinstance(card, Card)
    assert (mcq.source.path, mcq.stem) == ("03-blood/cells.Rmd", "Which blood cells carry oxygen?")
    assert [(option.text, option.correct) for option in mcq.options] == [
        ("Red blood cells", True),
        ("White blood cells", False),
    ]
    assert (card.source.path, card.front, card.back) == (
        "03-blood/plasma.qmd",
        "Plasma",
        "The liquid part of blood.",
    )


R_LATEX_EXERCISE = r"""\begin{question}
Which vessels carry blood back to the heart?
<<echo=FALSE, results=tex>>=
answerlist(c("Veins", "Arteries"))
@
\end{question}

%% \extype{schoice}
%% \exsolution{10}
"""


def test_an_r_exams_exercise_in_latex_is_warned_of_at_its_file_as_not_read(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "03-blood/veins.Rnw": R_LATEX_EXERCISE,
            "03-blood/plasma.qmd": "- **Plasma:** The liquid part of blood.\n",
            "04-heart/valves.RNW": R_LATEX_EXERCISE,
        },
    )
    parsed = parse_notes(tmp_path)
    assert [item.source.path for item in parsed.deck.items()] == ["03-blood/plasma.qmd"]
    told = [(p.location.path, p.location.line, p.severity) for p in parsed.problems]
    assert told == [("03-blood/veins.Rnw", 1, "warning"), ("04-heart/valves.RNW", 1, "warning")]
    for problem in parsed.problems:
        assert "not read" in problem.message and "LaTeX" in problem.message and ".Rmd" in problem.message


def test_an_import_replaces_markdown_notes_but_keeps_r_markdown_quarto_and_mdx_files(tmp_path: Path) -> None:
    kept = {
        "03-stats/week3.Rmd": R_EXERCISE,
        "03-stats/plots.qmd": "# Plots\n",
        "04-organs/quiz.mdx": "# Quiz\n",
    }
    write(tmp_path / "notes", {**kept, "03-stats/old.md": "- **Old:** Replaced by the import.\n"})
    write_notes(tmp_path / "notes", [])
    assert sorted(path for path in kept if (tmp_path / "notes" / path).is_file()) == sorted(kept)
    assert not (tmp_path / "notes" / "03-stats/old.md").exists()


def test_an_mdx_page_is_a_notes_file_and_its_quiz_component_a_question(tmp_path: Path) -> None:
    page = (
        "import Quiz from '@site/src/components/Quiz';\n\n"
        '<Quiz question="Which organ filters blood?" options={["Kidney", "Lung"]} answer={0} />\n'
    )
    write(tmp_path, {"04-organs/quiz.mdx": page})
    parsed = parse_notes(tmp_path)
    assert parsed.problems == ()
    (mcq,) = parsed.deck.items()
    assert isinstance(mcq, MCQ)
    assert (mcq.source.path, mcq.stem) == ("04-organs/quiz.mdx", "Which organ filters blood?")
    assert [(option.text, option.correct) for option in mcq.options] == [("Kidney", True), ("Lung", False)]


def test_front_matter_is_read_never_shown_and_lines_count_from_the_top_of_the_file(tmp_path: Path) -> None:
    write(tmp_path, {"02-compute/cram-sheet.md": CRAM})
    (card,) = parse_notes(tmp_path).deck.items()
    assert isinstance(card, Card)
    assert str(card.source) == "02-compute/cram-sheet.md:11"
    assert (card.part, card.section) == ("Cram Sheet", ("Compute",))
    assert card.tags == ("02-compute", "card", "cram-sheet")
    assert "module_title" not in card.back


def test_a_file_without_an_h1_is_the_part_its_front_matter_names_else_its_file_name(tmp_path: Path) -> None:
    term = "- **NACL**: A stateless subnet firewall.\n"
    write(
        tmp_path,
        {
            "03-network/a.md": '---\ntitle: "AWS: Security groups vs NACLs"\n---\n\n' + term,
            "03-network/b.md": "---\npart: Firewalls\ntitle: Ignored\n---\n\n" + term.replace("NACL", "WAF"),
            "03-network/c-route-tables.md": term.replace("NACL", "Route table"),
            "03-network/Week 5 - ARM Assembly.md": term.replace("NACL", "Register"),
            "03-network/d-peering 3f2a9c1e0b8d4f6a9e7b2c1d0a9f8e7d.md": term.replace("NACL", "Peering"),
        },
    )
    parts = [item.part for item in parse_notes(tmp_path).deck.items()]
    assert parts == [
        "Week 5 ARM Assembly",
        "AWS: Security groups vs NACLs",
        "Firewalls",
        "C route tables",
        "D peering",
    ]


def test_front_matter_values_are_read_as_yaml_reads_them(tmp_path: Path) -> None:
    quoted = CRAM.replace(
        "module_title: Compute in the Cloud (Amazon EC2)", 'module_title: "[Draft] \\"Compute\\" Caf\\u00e9"'
    ).replace("part: Cram Sheet", "part: 'It''s the cram sheet'")
    write(tmp_path, {"02-compute/cram-sheet.md": quoted.replace("# Cram Sheet\n", "")})
    parsed = parse_notes(tmp_path)
    assert parsed.problems == ()
    assert parsed.deck.modules[0].title == '[Draft] "Compute" Café'
    assert [item.part for item in parsed.deck.items()] == ["It's the cram sheet"]


def test_hugo_json_front_matter_names_the_module_and_the_part_as_yaml_does(tmp_path: Path) -> None:
    front = '{\n  "module_title": "Compute in the Cloud",\n  "part": "Cram Sheet",\n  "weight": 2\n}\n'
    write(tmp_path, {"02-compute/cram-sheet.md": front + "\n- **AMI**: A template for an instance.\n"})
    parsed = parse_notes(tmp_path)
    assert parsed.problems == ()
    assert parsed.deck.modules[0].title == "Compute in the Cloud"
    assert [(item.part, item.front) for item in parsed.deck.cards] == [("Cram Sheet", "AMI")]


def test_a_module_title_yaml_cannot_read_is_an_error_and_the_module_keeps_its_default_title(
    tmp_path: Path,
) -> None:
    broken = CRAM.replace("module_title: Compute in the Cloud (Amazon EC2)", "module_title: [oops")
    write(tmp_path, {"02-compute/cram-sheet.md": broken})
    parsed = parse_notes(tmp_path)
    assert [str(error) for error in parsed.errors] == [
        "02-compute/cram-sheet.md:3: `module_title: [oops` is not one line of text in YAML (a `[` starts a "
        'YAML list): put the text in double quotes ("[oops") or drop the `[`'
    ]
    assert parsed.deck.modules[0].title == "Compute"
    assert [item.id for item in parsed.deck.items()] == ["02-compute/card/spot-instances"]


def test_a_term_in_two_parts_of_a_module_is_one_card_cram_sheet_wording_first(tmp_path: Path) -> None:
    cram = CRAM.replace("# Cram Sheet", "# Cram")
    write(tmp_path, {"02-compute/summary.md": SUMMARY, "02-compute/z-cram.md": cram})
    parsed = parse_notes(tmp_path)
    spot = next(card for card in parsed.deck.cards if card.front == "Spot Instances")
    assert spot.back == "Spare capacity, up to 90% off.\n\nInterruptible instances."
    assert str(spot.source) == "02-compute/z-cram.md:11"
    assert [str(p) for p in parsed.problems] == [
        "02-compute/z-cram.md:11: warning: merged duplicate term 'Spot Instances' into the card at "
        "02-compute/summary.md:8 (this cram-sheet wording comes first)"
    ]
    assert parsed.errors == ()


def test_a_term_defined_under_two_lecture_headings_is_two_cards_a_recap_joins_the_one_it_restates(
    tmp_path: Path,
) -> None:
    lecture = (
        "# Lecture Notes\n\n## Uptime pillar\n\n- **Guiding ideas:** Recover on its own.\n\n"
        "## Spending pillar\n\n- **Guiding ideas:** Pay only for what you use.\n"
    )
    cram = "# Cram Sheet\n\n- **Guiding ideas:** Automate, measure, right-size.\n"
    summary = "# Summary\n\n- **Guiding ideas:** Pay only for what you need.\n"
    files = {
        "13-arch/cram-sheet.md": cram,
        "13-arch/lecture-notes.md": lecture,
        "13-arch/summary.md": summary,
    }
    parsed = parse_notes(write(tmp_path, files))
    backs = {card.id: card.back for card in parsed.deck.cards}
    assert backs == {  # the cram sheet came first: the first lecture heading's card joins it
        "13-arch/card/guiding-ideas": "Automate, measure, right-size.\n\nRecover on its own.",
        "13-arch/card/guiding-ideas-spending-pillar": "Pay only for what you use.\n\n"
        "Pay only for what you need.",
    }
    assert [(str(p.location), p.severity) for p in parsed.problems] == [
        ("13-arch/lecture-notes.md:5", "warning"),  # merged into the cram sheet's card
        ("13-arch/lecture-notes.md:9", "info"),  # its own card: the id it got is named
        ("13-arch/summary.md:3", "warning"),
    ]


def test_a_recap_of_a_term_with_two_meanings_that_restates_neither_is_a_card_of_its_own(
    tmp_path: Path,
) -> None:
    lectures = {
        "01-mix/a-security.md": "# Security\n\n## Key terms\n\n- **Reach:** Users get data when needed.\n",
        "01-mix/b-cloud.md": "# Cloud\n\n## Key terms\n\n- **Reach:** Share of the time a service is up.\n",
        "01-mix/c-summary.md": "# Summary\n\n- **Reach:** Uptime of a system.\n",
    }
    parsed = parse_notes(write(tmp_path, lectures))
    backs = {card.id: card.back for card in parsed.deck.cards}
    assert backs == {
        "01-mix/card/reach": "Users get data when needed.",
        "01-mix/card/reach-cloud": "Share of the time a service is up.",
        "01-mix/card/reach-summary": "Uptime of a system.",
    }
    assert [p.severity for p in parsed.problems] == ["info", "info"]  # nothing merged: ids named


def test_a_summary_titled_with_another_topic_keeps_its_terms_apart_from_the_lectures_same_names(
    tmp_path: Path,
) -> None:
    files = {
        "01-physics/mechanics.md": "# Mechanics\n\n## Newton's laws\n\n"
        "- **First law:** A body keeps its velocity unless a resultant force acts.\n",
        "01-physics/thermo.md": "# Thermodynamics — summary for the final\n\n## Laws\n\n"
        "1. **First law:** $\\Delta U = Q - W$ — energy is conserved.\n",
        "01-physics/summary.md": "# Summary\n\n- **First law:** Velocity stays the same with no net force.\n",
    }
    parsed = parse_notes(write(tmp_path, files))
    backs = {card.id: card.back for card in parsed.deck.cards}
    assert backs == {  # the plain summary restates the mechanics law; the thermodynamics one is another law
        "01-physics/card/first-law": "A body keeps its velocity unless a resultant force acts.\n\n"
        "Velocity stays the same with no net force.",
        "01-physics/card/first-law-laws": "$\\Delta U = Q - W$ — energy is conserved.",
    }


def test_homonyms_in_different_modules_stay_separate(tmp_path: Path) -> None:
    write(tmp_path, {"02-compute/summary.md": SUMMARY, "09-security/summary.md": SUMMARY})
    parsed = parse_notes(tmp_path)
    security = [card.id for card in parsed.deck.cards if card.front == "Security"]
    assert security == ["02-compute/card/security", "09-security/card/security"]
    assert parsed.problems == ()


def test_a_pinned_id_used_twice_is_an_error_naming_both_places(tmp_path: Path) -> None:
    pinned = "{#shared}\n- **A:** one\n"
    write(tmp_path, {"01-a/notes.md": pinned, "02-b/notes.md": pinned})
    parsed = parse_notes(tmp_path)
    assert [item.id for item in parsed.deck.items()] == ["shared"]
    (error,) = parsed.errors
    assert str(error.location) == "02-b/notes.md:2"
    assert "already used by the card at 01-a/notes.md:2" in error.message


def test_a_file_that_is_not_utf8_is_a_problem_at_line_1_and_the_rest_still_parses(tmp_path: Path) -> None:
    write(tmp_path, {"02-compute/bad.md": b"- **Caf\xe9:** latin-1\n", "02-compute/cram-sheet.md": CRAM})
    parsed = parse_notes(tmp_path)
    (error,) = parsed.errors
    assert str(error) == (
        "02-compute/bad.md:1: not valid UTF-8 (byte 0xe9 at offset 7): save the file as UTF-8 "
        "(until then none of it is read)"
    )
    assert len(parsed.deck.cards) == 1


def test_a_missing_notes_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="does not exist"):
        parse_notes(tmp_path / "nowhere")


def test_one_module_folder_of_a_course_given_as_the_notes_folder_is_a_usage_error(tmp_path: Path) -> None:
    """Its files would each be a module, and every other note would leave the course's ledger."""
    write(tmp_path, {"01-intro/cram.md": CRAM, "02-compute/cram.md": CRAM, "02-compute/summary.md": SUMMARY})
    (tmp_path / ".ccpkit-ledger.json").write_text('{"ccpkit ledger": 2}\n', "utf-8")
    with pytest.raises(
        UsageError, match=rf"pass its parent, --notes {tmp_path} \(build, watch and sync take --module 2"
    ):
        parse_notes(tmp_path / "02-compute")
    assert parse_notes(tmp_path).deck.modules


def test_one_module_folder_of_one_file_given_as_the_notes_folder_is_a_usage_error_too(tmp_path: Path) -> None:
    write(tmp_path, {"01-intro/cram.md": CRAM, "02-compute/cram.md": CRAM})
    (tmp_path / ".ccpkit-ledger.json").write_text('{"ccpkit ledger": 2}\n', "utf-8")
    with pytest.raises(UsageError, match="is one module's folder \\(module 2\\)"):
        parse_notes(tmp_path / "02-compute")


@pytest.mark.parametrize(
    "files",
    [
        {"01-getting-started/notes.md": CRAM},  # the only module, as `ccpkit init` starts a course
        {"01-intro/cram.md": CRAM, "02-compute/cram.md": CRAM, "02-compute/labs/lab-1.md": SUMMARY},
    ],
    ids=["only-module", "with-a-folder-of-its-own"],
)
def test_a_module_folder_of_a_course_is_refused_whatever_it_holds(
    tmp_path: Path, files: dict[str, str]
) -> None:
    """A sync of it would retire every other note of the course: the folder around it holds its ledger."""
    write(tmp_path, files)
    (tmp_path / ".ccpkit-ledger.json").write_text('{"ccpkit ledger": 2}\n', "utf-8")
    module = tmp_path / sorted(files)[-1].split("/")[0]
    with pytest.raises(UsageError, match=r"is one module's folder \(module \d\): pass its parent"):
        parse_notes(module)


def test_a_numbered_folder_of_one_file_and_no_course_around_it_is_a_course(tmp_path: Path) -> None:
    write(tmp_path, {"01-aws/ec2.md": CRAM, "02-gcp/gce.md": CRAM})
    parsed = parse_notes(tmp_path / "01-aws")
    assert parsed.problems == () and len(parsed.deck.modules) == 1


def test_numbered_folders_side_by_side_with_no_course_around_them_are_warned_of(tmp_path: Path) -> None:
    """``01-aws/`` and ``02-gcp/`` may be two courses: read, with a warning in case they are not."""
    write(tmp_path, {"01-aws/ec2.md": CRAM, "01-aws/s3.md": SUMMARY, "02-gcp/gce.md": CRAM})
    parsed = parse_notes(tmp_path / "01-aws")
    [warning] = [problem for problem in parsed.problems if "one module's folder" in problem.message]
    assert (
        warning.severity == "warning"
        and f"--notes {tmp_path} (build, watch and sync take --module 1" in warning.message
    )
    assert len(parsed.deck.modules) == 2


def test_a_course_folder_of_a_year_beside_others_is_no_module_folder(tmp_path: Path) -> None:
    write(tmp_path, {"2023-cloud/ec2.md": CRAM, "2024-cloud/ec2.md": CRAM, "2024-cloud/s3.md": SUMMARY})
    assert parse_notes(tmp_path / "2024-cloud").problems == ()


EC2 = "# Compute\n\n- **EC2:** Virtual servers you rent by the second.\n"
S3 = "# Storage\n\n- **S3:** Object storage for any amount of data.\n"


def test_module_folders_one_level_down_are_read_as_one_module_with_a_warning(tmp_path: Path) -> None:
    """``notes/course/02-compute/`` and ``notes/course/03-storage/``: the numbered folders are one level
    too deep to be modules, so ``course/`` is one module of both; the warning says which folder to pass."""
    write(tmp_path, {"course/02-compute/cram.md": EC2, "course/03-storage/cram.md": S3})
    parsed = parse_notes(tmp_path)
    [warning] = parsed.problems
    assert warning.location.path == "course" and warning.severity == "warning"
    assert "02-compute, 03-storage" in warning.message
    assert f"--notes {tmp_path / 'course'}" in warning.message
    assert len(parsed.deck.modules) == 1


def test_numbered_folders_inside_a_numbered_module_are_its_parts(tmp_path: Path) -> None:
    """``02-compute/01-ec2/`` and ``02-compute/02-lambda/``: a module's lessons, no warning."""
    write(tmp_path, {"02-compute/01-ec2/cram.md": EC2, "02-compute/02-lambda/cram.md": S3})
    assert parse_notes(tmp_path).problems == ()


def test_ordinary_prose_yields_nothing_and_no_problem(tmp_path: Path) -> None:
    prose = "# Lecture notes\n\nRudy: Welcome back. **EC2** is where it starts.\n\nAlan: Indeed.\n"
    write(tmp_path, {"02-compute/lecture-notes.md": prose})
    parsed = parse_notes(tmp_path)
    assert list(parsed.deck.items()) == []
    assert parsed.problems == ()


def test_a_file_and_a_folder_with_the_same_name_are_reported_not_merged(tmp_path: Path) -> None:
    write(tmp_path, {"extras.md": "- **A:** one\n", "extras/more.md": "- **B:** two\n"})
    parsed = parse_notes(tmp_path)
    assert [m.slug for m in parsed.deck.modules] == ["extras"]
    (error,) = parsed.errors
    assert str(error) == "extras.md:1: module extras is already named by extras/: rename this file or folder"


def test_a_link_to_a_file_that_is_gone_and_a_pipe_are_errors_at_their_names(tmp_path: Path) -> None:
    write(tmp_path, {"01-a/notes.md": "# A\n\n- **EC2:** Servers.\n- **S3:** Objects.\n"})
    (tmp_path / "01-a" / "shared.md").symlink_to(tmp_path / "unmounted" / "shared.md")
    os.mkfifo(tmp_path / "01-a" / "pipe.md")
    parsed = parse_notes(tmp_path)  # a pipe is never read: that would wait for a writer
    assert [card.front for card in parsed.deck.cards] == ["EC2", "S3"]
    assert [(str(p.location), p.severity) for p in parsed.problems] == [
        ("01-a/pipe.md:1", "error"),
        ("01-a/shared.md:1", "error"),
    ]
    gone = tmp_path / "unmounted" / "shared.md"
    assert (
        parsed.problems[1].message
        == f"a link to {gone}, which is not there: its notes are held until it is back"
    )


def test_a_file_icloud_drive_keeps_in_the_cloud_is_an_error_at_its_name_and_holds_its_module(
    tmp_path: Path,
) -> None:
    """macOS leaves ``.cram.md.icloud`` where it evicted ``cram.md`` to save room: once passed over as a
    hidden file, its notes were orphaned (and ``sync --delete-orphans`` deleted them, history and all)."""
    write(tmp_path, {"01-a/notes.md": "# A\n\n- **EC2:** Servers.\n", "01-a/.cram.md.icloud": "bplist00"})
    write(tmp_path, {".02-storage.md.icloud": "bplist00", "01-a/.photo.png.icloud": "bplist00"})
    write(tmp_path, {"01-a/.notes.md.icloud": "bplist00"})  # downloaded already: the file is there
    parsed = parse_notes(tmp_path)
    assert [card.front for card in parsed.deck.cards] == ["EC2"]
    assert [module.slug for module in parsed.deck.modules] == ["01-a", "02-storage"]
    assert [(str(p.location), p.severity) for p in parsed.problems] == [
        (".02-storage.md.icloud:1", "error"),
        ("01-a/.cram.md.icloud:1", "error"),
    ]
    assert all(p.message.startswith("iCloud Drive keeps this file in the cloud") for p in parsed.problems)
    assert parsed.in_error == {"01-a", "02-storage"}


def test_a_module_folder_linked_to_a_folder_that_is_gone_is_an_error_at_its_name(tmp_path: Path) -> None:
    """A drive not mounted: the module is still there, in error, so that its notes are held."""
    write(tmp_path, {"01-a/notes.md": "# A\n\n- **EC2:** Servers.\n"})
    (tmp_path / "02-storage").symlink_to(tmp_path / "unmounted" / "02-storage")
    (tmp_path / "3. Networking").symlink_to(tmp_path / "unmounted" / "3. Networking")
    (tmp_path / "assets").symlink_to(tmp_path / "unmounted" / "assets")  # no module's: passed over
    (tmp_path / "01-a" / "images").symlink_to(tmp_path / "unmounted" / "images")
    parsed = parse_notes(tmp_path)
    assert [module.slug for module in parsed.deck.modules] == ["01-a", "02-storage", "3-networking"]
    assert [(str(p.location), p.severity) for p in parsed.problems] == [
        ("02-storage:1", "error"),
        ("3. Networking:1", "error"),
    ]


def test_lines_parted_by_unicode_line_separators_read_as_lines(tmp_path: Path) -> None:
    """U+2028 and U+2029, as some word processors and scripts end lines: Markdown reads neither, so
    the whole file was one heading, its title, and nothing in it a card or printed."""
    parted = CRAM.replace("\n\n", "\u2029").replace("\n", "\u2028")
    write(tmp_path, {"02-compute/cram.md": CRAM, "03-more/cram.md": parted.replace("module: 2", "module: 3")})
    parsed = parse_notes(tmp_path)
    assert not parsed.problems
    read, parted_read = parsed.deck.modules
    assert [(item.kind, item.source.line) for item in parted_read.items] == [
        (item.kind, item.source.line) for item in read.items
    ]
    assert [passage.text for passage in parted_read.passages] == [passage.text for passage in read.passages]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_a_file_saved_in_a_wider_unicode_is_named_so(tmp_path: Path, encoding: str) -> None:
    write(tmp_path, {"02-compute/cram.md": CRAM})
    (tmp_path / "02-compute" / "wide.md").write_bytes(CRAM.encode(encoding))
    (error,) = parse_notes(tmp_path).errors
    assert str(error).startswith(f"02-compute/wide.md:1: file is {encoding.upper()} text: save it as UTF-8")


def test_a_file_git_left_a_conflict_in_is_an_error_at_the_marker_and_none_of_it_is_read(
    tmp_path: Path,
) -> None:
    """Both sides' words would become cards side by side, or sync into Anki; the module is held."""
    conflicted = (
        "- **EC2:** Servers.\n<<<<<<< HEAD\n- **S3:** Objects.\n=======\n- **S3:** Storage.\n>>>>>>> b\n"
    )
    write(tmp_path, {"02-compute/cram.md": CRAM, "02-compute/merged.md": conflicted})
    parsed = parse_notes(tmp_path)
    (error,) = parsed.errors
    assert str(error).startswith("02-compute/merged.md:2: git left a merge conflict here (<<<<<<<)")
    assert all(card.source.path != "02-compute/merged.md" for card in parsed.deck.cards)
    assert "02-compute" in parsed.in_error


def test_a_setext_heading_underline_or_a_conflict_shown_in_code_is_no_conflict(tmp_path: Path) -> None:
    conflict = "<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> b"
    shown = f"- **Merge conflict:** git marks both sides.\n\n```\n{conflict}\n```\n"
    write(
        tmp_path,
        {"02-compute/cram.md": "Compute\n=======\n\n- **EC2:** Servers.\n", "02-compute/git.md": shown},
    )
    parsed = parse_notes(tmp_path)
    assert parsed.errors == () and len(parsed.deck.cards) == 2


def test_a_module_folder_walked_by_names_holds_the_files_every_path_checked_would_give(
    tmp_path: Path,
) -> None:
    module = tmp_path / "notes" / "03-storage"
    for relative in (
        "cram-sheet.md",
        "lectures/week-1.markdown",
        "lectures/.draft.md",
        "lectures/picture.png",
        ".obsidian/workspace.md",
        ".obsidian/deep/notes.md",
        ".summary.md.icloud",
        "lectures/.week-2.md.icloud",
        ".gone.md.icloud/inside.md",
        "tab\tname/notes.md",
        "bell\x07.md",
        "quiz.Rmd",
    ):
        (module / relative).parent.mkdir(parents=True, exist_ok=True)
        (module / relative).write_text("- **Term:** text\n", encoding="utf-8")
    (module / "lectures" / "week-2.md.icloud").write_text("not a placeholder", encoding="utf-8")
    undecodable = os.fsencode(module / "lectures") + b"/caf\xe9.md"
    with open(undecodable, "wb") as stream:
        stream.write(b"- **Term:** text\n")

    (found,) = find_modules(tmp_path / "notes")

    every = [Path(folder, name) for folder, _, names in os.walk(module) for name in names]
    listed = [path for path in every if is_notes_file(path.name) or _evicted(path)]
    assert found.files == tuple(sorted(path for path in listed if _readable(path, module)))
    assert {path.name for path in found.files} == {
        "cram-sheet.md",
        "week-1.markdown",
        ".summary.md.icloud",
        ".week-2.md.icloud",
        "quiz.Rmd",
    }


def test_modules_of_one_slug_are_found_in_the_order_their_paths_sort_in(tmp_path: Path) -> None:
    """A file and a folder of one name (``b.md``, ``b/``) keep the order of their paths: the first is
    the module, the second a problem."""
    for name in ("b.md", "B.md", "a.md", "b-c.md"):
        (tmp_path / name).write_text("- **Term:** text\n", encoding="utf-8")
    for name in ("b", "a-b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "notes.md").write_text("- **Term:** text\n", encoding="utf-8")

    found = find_modules(tmp_path)

    paths = sorted(tmp_path.iterdir())
    by_slug = sorted(paths, key=lambda path: path.stem.lower())  # stable: ties in the paths' order
    assert [module.name for module in found] == [
        f"{path.name}/" if path.is_dir() else path.name for path in by_slug
    ]
    assert [module.name for module in found][2:5] == ["B.md", "b/", "b.md"]


def test_the_names_told_of_are_those_a_recursive_glob_finds(tmp_path: Path) -> None:
    """Every depth, hidden folders too, no link to a folder followed (its LaTeX file is not told of)."""
    outside = tmp_path / "outside"
    (outside / "linked").mkdir(parents=True)
    (outside / "linked" / "behind-a-link.Rnw").write_text("x", encoding="utf-8")
    notes = tmp_path / "notes"
    for relative in ("01-a/ex.Rnw", "01-a/deep/er/two.RNW", ".hidden/three.rnw", "tab\tname/x.md", "b.md"):
        (notes / relative).parent.mkdir(parents=True, exist_ok=True)
        (notes / relative).write_text("- **Term:** text\n", encoding="utf-8")
    (notes / "bell\x07folder").mkdir()
    (notes / "01-a" / "link").symlink_to(outside / "linked", target_is_directory=True)
    (notes / "latex-link.Rnw").symlink_to(outside / "linked" / "behind-a-link.Rnw")

    found = sorted(_told_of(notes))

    globbed = sorted(path for path in notes.rglob("*") if not _nameable(path.name) or _is_latex(path.name))
    assert found == globbed
    assert {path.name for path in found} == {
        "ex.Rnw",
        "two.RNW",
        "three.rnw",
        "tab\tname",
        "bell\x07folder",
        "latex-link.Rnw",
    }
