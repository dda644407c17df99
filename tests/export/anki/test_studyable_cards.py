"""Cards worth studying (SuperMemo's rules): no filler, one thing per card, every front answerable and
unambiguous. Written against a small fixture course holding each form, then imported into real Anki."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from ccpkit.cli import cli
from ccpkit.export import ExportOptions
from ccpkit.export.anki.notes import AnkiNote, anki_notes, card_problems
from ccpkit.export.formats import export
from ccpkit.model import Deck
from ccpkit.parse import parse_notes
from tests.conftest import REPO
from tests.export.anki.student import Student, visible_text

FIXTURE = Path(__file__).parent / "fixtures" / "studyable"
TEMPLATES = REPO / "templates"


@pytest.fixture(scope="module")
def course() -> Deck:
    return parse_notes(FIXTURE).deck


def deck_of(tmp_path: Path, notes: str) -> Deck:
    """The deck of one module, ``m``, whose notes file holds ``notes``."""
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "notes.md").write_text(notes, encoding="utf-8")
    return parse_notes(tmp_path).deck


def notes_by_id(deck: Deck, **options: bool) -> dict[str, AnkiNote]:
    return {note.id: note for note in anki_notes(deck, **options)}


def rows_asked(tmp_path: Path, notes: str) -> set[str]:
    """What the table notes of ``notes`` (one file) ask of, as their fronts name it."""
    return {visible_text(note.field("Row")) for note in anki_notes(deck_of(tmp_path, notes))}


def test_a_table_of_links_is_reference_not_cards(course: Deck) -> None:
    assert not [note_id for note_id in notes_by_id(course) if note_id.startswith("01-sample/table/resources")]


def test_ccpkit_toml_can_ask_for_link_tables_in_the_deck(course: Deck) -> None:
    opted_in = notes_by_id(course, link_tables=True)
    assert {"01-sample/table/resources/queues-overview", "01-sample/table/resources/storage-guide"} <= set(
        opted_in
    )


def test_the_spreadsheet_csv_keeps_the_link_table(course: Deck) -> None:
    exported = export("csv", course, ExportOptions(templates=TEMPLATES))
    (links,) = [output for output in exported.outputs if "resources" in str(output.path)]
    assert b"Storage guide" in links.data
    anki_rows = b"".join(output.data for output in exported.outputs if "csv/anki" in str(output.path))
    assert b"Storage guide" not in anki_rows


def test_a_front_read_with_another_answer_is_qualified_by_its_heading(course: Deck) -> None:
    notes = notes_by_id(course)
    first, second = notes["01-sample/card/storage"], notes["02-more/card/storage"]
    assert first.field("Term") != second.field("Term")
    assert first.field("Term").startswith("Storage \N{MIDDLE DOT} ")
    assert second.field("Term").endswith("Instance setup")


def test_a_front_repeated_with_the_same_answer_stays_as_written(course: Deck) -> None:
    notes = notes_by_id(course)
    assert (
        notes["01-sample/card/network"].field("Term")
        == notes["02-more/card/network"].field("Term")
        == "Network"
    )


def test_check_warns_on_fronts_that_stay_alike(course: Deck) -> None:
    first, second = course.modules
    twin = replace(second, number=first.number, title=first.title)  # a module folder copied and edited
    problems = [p for p in card_problems(replace(course, modules=(first, twin))) if "card front" in p.message]
    assert [str(problem.location) for problem in problems] == ["02-more/lecture-notes.md:11"]
    assert "reads the same as the one at 01-sample/lecture-notes.md:41" in problems[0].message


def test_ccpkit_check_prints_the_alike_fronts_with_file_and_line(tmp_path: Path) -> None:
    notes = Path(shutil.copytree(FIXTURE, tmp_path / "notes"))
    with (notes / "02-more" / "lecture-notes.md").open("a", encoding="utf-8") as more:
        more.write("\n{#network-peering}\n- **Network:** Peer two VPCs\n")  # pinned apart, not merged
    result = CliRunner().invoke(cli, ["check", "--notes", str(notes), "--strict"])
    assert (
        "02-more/lecture-notes.md:19: warning: the card front 'Network \N{MIDDLE DOT} 02 More"
        in result.output
    )
    assert result.exit_code == 1


def test_a_feature_first_table_of_three_things_asks_one_thing_one_feature_per_card(course: Deck) -> None:
    notes = notes_by_id(course)
    ids = [note_id for note_id in notes if note_id.startswith("01-sample/table/queue-vs-topic/")]
    assert len(ids) == 2 * 3  # two features, three things
    note = notes["01-sample/table/queue-vs-topic/retention/pub-sub-topic"]
    assert (note.field("Row"), note.field("Asks")) == ("Pub/Sub Topic", "Retention?")
    assert note.field("Answer") == '<dl class="cells"><dt>Retention</dt><dd>None</dd></dl>'


def test_a_feature_first_table_of_two_things_keeps_one_card_per_feature(course: Deck) -> None:
    note = notes_by_id(course)["01-sample/table/two-stores/scaling"]  # the id a row note always had
    assert (note.field("Row"), note.field("Asks")) == ("Scaling", "of Block Store and of File Store?")
    assert note.field("Answer").count("<dt>") == 2


def test_a_matrix_with_an_empty_corner_over_three_things_asks_one_thing_one_feature_per_card(
    tmp_path: Path,
) -> None:
    deck = deck_of(
        tmp_path,
        "# Storage\n\n## Drives\n\n| | S3 | EBS | EFS |\n|---|---|---|---|\n"
        "| Type | Object | Block | File |\n| Scope | Region | AZ | Region |\n",
    )
    asked = {(visible_text(note.field("Row")), note.field("Asks")) for note in anki_notes(deck)}
    things = ("S3", "EBS", "EFS")
    assert asked == {(thing, f"{feature}?") for thing in things for feature in ("Type", "Scope")}


def test_an_empty_corner_over_attributes_keeps_the_rows_as_the_things(tmp_path: Path) -> None:
    """``| | Price | Weight | Battery |`` heads rows of phones: the rows' labels are the names."""
    rows = rows_asked(
        tmp_path,
        "# Phones\n\n## Specs\n\n| | Price | Weight | Battery (mAh) |\n|---|---|---|---|\n"
        "| Pixel 8 | $699 | 187 g | 4575 |\n| iPhone 15 | $799 | 171 g | 3349 |\n",
    )
    assert rows == {"Pixel 8", "iPhone 15"}


def test_an_empty_corner_over_two_columns_keeps_the_rows_as_the_things(tmp_path: Path) -> None:
    deck = deck_of(
        tmp_path,
        "# Stores\n\n## Trade-offs\n\n| | Pros | Cons |\n|---|---|---|\n"
        "| Tape | Cheap | Slow to restore |\n| Disk | Fast | Costly |\n",
    )
    asked = {(visible_text(note.field("Row")), note.field("Asks")) for note in anki_notes(deck)}
    assert asked == {("Tape", "Pros and Cons?"), ("Disk", "Pros and Cons?")}


def test_a_wide_row_is_asked_two_cells_at_a_time_and_keeps_its_id_for_the_first_two(course: Deck) -> None:
    notes = notes_by_id(course)
    first, rest = (
        notes["01-sample/table/server-families/compute"],
        notes["01-sample/table/server-families/compute/processor"],
    )
    assert (first.field("Asks"), rest.field("Asks")) == (
        "Optimised For and Example Use?",
        "Processor and Price Band?",
    )
    assert all(note.field("Answer").count("<dt>") <= 2 for note in notes.values() if note.id.count("/table/"))


def test_a_row_naming_a_group_and_cells_left_empty_ask_nothing(course: Deck) -> None:
    notes = notes_by_id(course)
    asked = {note.id: note.field("Asks") for note in notes.values() if "/table/catalogue/" in note.id}
    assert asked == {
        "02-more/table/catalogue/quickbox": "Kind and Billing?",
        "02-more/table/catalogue/quickbox/region-scope": "Region Scope?",
        "02-more/table/catalogue/nimbus-run": "Kind and Billing?",
        "02-more/table/catalogue/deepvault": "Kind and Billing?",
    }
    started = [note.id for note in notes.values() if "/table/start-up/" in note.id]
    assert started == [
        "02-more/table/start-up/cold-start/quickbox",
        "02-more/table/start-up/cold-start/nimbus-run",
    ]


def test_a_column_of_examples_or_remarks_is_shown_on_the_back_but_never_asked(course: Deck) -> None:
    notes = notes_by_id(course)
    phrases = {id: note for id, note in notes.items() if "/table/phrases/" in id}
    assert sorted(phrases) == ["02-more/table/phrases/spin-up", "02-more/table/phrases/tear-down"]
    spin_up = phrases["02-more/table/phrases/spin-up"]
    assert spin_up.field("Asks") == "Meaning?"
    assert "We spin up a test box every morning." in spin_up.field("Whole table")
    only_tips = notes["02-more/table/shortcuts/ctrl-k"]  # nothing else to ask: the tips are the answer
    assert only_tips.field("Asks") == "Tips?"
    assert "opens the command bar" in only_tips.field("Answer")


def test_a_cell_of_a_dash_or_n_a_is_no_fact_and_a_row_of_them_asks_nothing(course: Deck) -> None:
    answers = {id: note.field("Answer") for id, note in notes_by_id(course).items() if "/table/timers/" in id}
    assert sorted(answers) == ["02-more/table/timers/broadcast", "02-more/table/timers/point-to-point"]
    assert "<dd>n/a</dd>" in answers["02-more/table/timers/point-to-point"]  # beside a fact, as written


def test_a_hyphen_is_a_minus_sign_and_a_notes_column_a_fact_both_asked(course: Deck) -> None:
    chloride = notes_by_id(course)["02-more/table/ions/chloride"]
    assert chloride.field("Asks") == "Charge and Notes?"
    assert "<dd>-</dd>" in chloride.field("Answer")


def test_a_column_of_links_alone_is_never_asked(course: Deck) -> None:
    asked = {id: note.field("Asks") for id, note in notes_by_id(course).items() if "/table/exercises/" in id}
    assert asked == {
        "02-more/table/exercises/first-bucket": "Skill?",
        "02-more/table/exercises/first-function": "Skill?",
    }


def test_in_anki_rows_of_a_group_column_are_named_by_group_and_row_each_front_its_own(
    course: Deck, tmp_path: Path
) -> None:
    sides = sides_in_anki(course, tmp_path)
    grouped = {note_id: front for note_id, (front, _) in sides.items() if "/table/by-group/" in note_id}
    assert len(grouped) == len(set(grouped.values())) == 4
    front, back = sides["02-more/table/by-group/storage-sharebox"]  # the blank group is the one above
    assert f"Storage{ANGLE}Sharebox" in front and front.endswith("Use?")
    assert "Files many servers share" in back


def test_a_table_without_a_label_column_gives_no_cards_and_check_says_why(course: Deck) -> None:
    assert not [note_id for note_id in notes_by_id(course) if "/plans-at-a-glance/" in note_id]
    (problem,) = [problem for problem in card_problems(course) if "no label column" in problem.message]
    assert str(problem.location) == "01-sample/lecture-notes.md:34"


def test_a_first_column_of_commands_names_its_rows_however_long_they_are(tmp_path: Path) -> None:
    """A cheat sheet's commands are code, not sentences: each names the row it opens."""
    notes = (
        "## Deployments\n\n| Command | What it does |\n|---|---|\n"
        "| `kubectl create deploy web --image=nginx --replicas=3` | Create a deployment of 3 replicas |\n"
        "| `kubectl rollout undo deploy/web --to-revision=2` | Roll back to revision 2 |\n"
    )
    deck = deck_of(tmp_path, notes)
    assert not [problem for problem in card_problems(deck) if "no label column" in problem.message]
    assert {visible_text(note.field("Row")) for note in anki_notes(deck)} == {
        "kubectl create deploy web --image=nginx --replicas=3",
        "kubectl rollout undo deploy/web --to-revision=2",
    }


def test_in_anki_no_table_card_says_recall_its(course: Deck, tmp_path: Path) -> None:
    (package,) = export("anki", course, ExportOptions(templates=TEMPLATES)).outputs
    (tmp_path / "deck.apkg").write_bytes(package.data)
    student = Student.with_fresh_collection(tmp_path)
    student.import_package(tmp_path / "deck.apkg")
    fronts = [visible_text(card.question()) for card in student.cards() if "/table/" in card.note()["Id"]]
    student.close()
    # the catalogue: no card for a group row or an empty cell; phrases: a card a row, examples unasked
    assert len(fronts) == 6 + 2 + 4 + 4 + 2 + 4 + 2 + 1 + 2 + 2 + 1
    assert not [front for front in fronts if "Recall its" in front]
    assert "Queue vs Topic Event Bus Delivery?" in " | ".join(fronts)


GROW = "\N{UPWARDS BLACK ARROW}\N{VARIATION SELECTOR-16} Grow the one database server when:"
ANGLE = " \N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK} "


def sides_in_anki(deck: Deck, tmp_path: Path) -> dict[str, tuple[str, str]]:
    """Each note's front and back as a student reads them, rendered by the real Anki library."""
    (package,) = export("anki", deck, ExportOptions(templates=TEMPLATES)).outputs
    (tmp_path / "deck.apkg").write_bytes(package.data)
    student = Student.with_fresh_collection(tmp_path)
    student.import_package(tmp_path / "deck.apkg")
    sides = {
        card.note()["Id"]: (visible_text(card.question()), visible_text(card.answer()))
        for card in student.cards()
    }
    student.close()
    return sides


def test_in_anki_a_lists_lead_in_is_on_the_front_of_each_of_its_cards(course: Deck, tmp_path: Path) -> None:
    sides = sides_in_anki(course, tmp_path)
    front, back = sides["01-sample/card/strict-licensing"]
    assert front.endswith("Choose Scaling Up (Vertical) When: Strict Licensing")  # licensing → scale up
    assert back.endswith("The software is licensed per server")
    assert sides["01-sample/card/single-writer"][0].endswith(f"{GROW} Single Writer")
    # the `3.` item starts another Markdown list, but goes on with the same list in the notes
    assert sides["01-sample/card/legacy-monolith"][0].endswith(f"{GROW} Legacy Monolith")
    assert sides["01-sample/card/spiky-traffic"][0].endswith("Spread out across servers: Spiky Traffic")
    assert not [front for front, _ in sides.values() if "The exceptions are few" in front]


def test_the_spreadsheet_csv_puts_the_lead_in_before_the_term(course: Deck) -> None:
    exported = export("csv", course, ExportOptions(templates=TEMPLATES))
    (cards,) = [output for output in exported.outputs if str(output.path) == "csv/cards.csv"]
    assert b"Choose Scaling Up (Vertical) When: Strict Licensing," in cards.data


def test_in_anki_a_list_without_a_lead_in_asks_its_term_alone(course: Deck, tmp_path: Path) -> None:
    front, _ = sides_in_anki(course, tmp_path)["01-sample/card/dead-letter-queue"]
    assert front == ANGLE.join(("01 Sample Module", "Lecture Notes", "Queues")) + " Dead-letter Queue"


def test_in_anki_a_generic_term_under_three_headings_is_three_cards_named_by_their_heading(
    course: Deck, tmp_path: Path
) -> None:
    sides = sides_in_anki(course, tmp_path)
    principles = {note_id: side for note_id, side in sides.items() if "design-principles" in note_id}
    assert sorted(principles) == [  # the first keeps the id (and the history) the merged card had
        "01-sample/card/design-principles",
        "01-sample/card/design-principles-cost-pillar",
        "01-sample/card/design-principles-speed-pillar",
    ]
    reliability, cost, speed = (principles[note_id] for note_id in sorted(principles))
    assert reliability[0].endswith("Design Principles \N{MIDDLE DOT} Reliability pillar")
    assert cost[0].endswith("Design Principles \N{MIDDLE DOT} Cost pillar")
    assert speed[0].endswith("Design Principles \N{MIDDLE DOT} Speed pillar")
    assert reliability[1].endswith("Recover automatically; test recovery procedures")
    assert cost[1].endswith("Pay only for what you use; measure efficiency") and "Go global" not in cost[1]
    assert speed[1].endswith("Go global in minutes")


def test_ccpkit_check_names_each_id_it_made_distinct_as_info_not_a_warning(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    shutil.copytree(FIXTURE / "01-sample", notes / "01-sample")
    (notes / "01-sample" / "resources.md").unlink()
    lecture = notes / "01-sample" / "lecture-notes.md"
    text = lecture.read_text(encoding="utf-8")
    plans = text[text.index("**Plans at a glance**") : text.index("## Instance setup")]
    lecture.write_text(text.replace(plans, "\n" * plans.count("\n")), encoding="utf-8")  # a warning
    result = CliRunner().invoke(cli, ["check", "--notes", str(notes), "--strict"])
    infos = [line for line in result.output.splitlines() if ": info: " in line]
    taken = (
        "01-sample/lecture-notes.md:{} ('{}'): this one is 01-sample/card/{}; "
        "pin `{{#your-id}}` to choose another"
    )
    assert infos == [
        "01-sample/lecture-notes.md:46: info: id 01-sample/card/storage is taken by the card at "
        + taken.format(41, "Storage", "storage-image-building"),
        "01-sample/lecture-notes.md:61: info: id 01-sample/card/design-principles is taken by the card at "
        + taken.format(57, "Design Principles", "design-principles-cost-pillar"),
        "01-sample/lecture-notes.md:65: info: id 01-sample/card/design-principles is taken by the card at "
        + taken.format(57, "Design Principles", "design-principles-speed-pillar"),
    ]
    assert result.exit_code == 0, result.output  # nothing is wrong: even --strict passes


@pytest.fixture(scope="module")
def versus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Deck, dict[str, tuple[str, str]]]:
    """The `A vs B` fixture notes, and each of their notes' sides as Anki shows them."""
    deck = parse_notes(Path(__file__).parent / "fixtures" / "versus").deck
    return deck, sides_in_anki(deck, tmp_path_factory.mktemp("versus"))


GUARDS = "01-network/table/firewalls-instance-guards-vs-subnet-gates"
DOORS = "01-network/table/doors-sliding-doors-vs-swing-doors"


@pytest.mark.parametrize(
    ("table", "note", "asks", "shows", "notes"),
    [
        pytest.param(  # a cell under both columns would ask the same and want two answers: none
            GUARDS,
            "/sits-in-front-of-one-virtual-machine-at-a-time/subnet-gate",
            "Sits at the edge of a whole subnet of machines Instance Guard or Subnet Gate?",
            "Subnet Gate Sits at the edge of a whole subnet of machines",
            [
                "/remembers-a-request-and-lets-its-reply-back-in/instance-guard",
                "/remembers-a-request-and-lets-its-reply-back-in/subnet-gate",
                "/sits-in-front-of-one-virtual-machine-at-a-time/instance-guard",
                "/sits-in-front-of-one-virtual-machine-at-a-time/subnet-gate",
            ],
            id="sentences",
        ),
        pytest.param(  # not a first column naming rows, which asked `Slides` / `Swing Door?` → `Swings`
            DOORS,
            "/track/sliding-door",
            "Track Sliding Door or Swing Door?",
            "Sliding Door Track",
            ["/slides/sliding-door", "/slides/swing-door", "/track/sliding-door", "/track/swing-door"],
            id="short cells under headers that are the title's things",
        ),
    ],
)
def test_in_anki_an_a_vs_b_table_asks_which_thing_each_cell_describes(
    versus: tuple[Deck, dict[str, tuple[str, str]]],
    table: str,
    note: str,
    asks: str,
    shows: str,
    notes: list[str],
) -> None:
    _, sides = versus
    front, back = sides[table + note]
    assert front.endswith(asks)
    assert shows in back
    assert sorted(note_id.removeprefix(table) for note_id in sides if note_id.startswith(table)) == notes


def test_a_table_of_sentences_not_titled_a_vs_b_gives_no_cards_and_check_says_how_to_title_it(
    versus: tuple[Deck, dict[str, tuple[str, str]]],
) -> None:
    deck, sides = versus
    assert not [note_id for note_id in sides if "/plans-at-a-glance/" in note_id]
    (problem,) = card_problems(deck)
    assert "title the table 'A vs B'" in problem.message
    assert str(problem.location) == "01-network/lecture-notes.md:13"


def test_in_anki_alike_fronts_under_a_recurring_heading_are_told_apart_by_the_topic_above_it(
    tmp_path: Path,
) -> None:
    """`### Key Characteristics` under both IaaS and PaaS: the nearest heading tells nothing apart."""
    deck = parse_notes(Path(__file__).parent / "fixtures" / "alike").deck
    sides = sides_in_anki(deck, tmp_path)
    iaas, paas = (
        sides["02-fundamentals/card/location"][0],
        sides["02-fundamentals/card/location-platform-as-a-service-paas"][0],
    )
    assert iaas.endswith(
        f"Location \N{MIDDLE DOT} Infrastructure as a Service (IaaS){ANGLE}Key Characteristics"
    )
    assert paas.endswith(f"Location \N{MIDDLE DOT} Platform as a Service (PaaS){ANGLE}Key Characteristics")
    assert not [problem for problem in card_problems(deck) if "card front" in problem.message]


def test_in_anki_alike_fronts_under_the_same_headings_of_two_files_are_told_apart_by_the_files_titles(
    tmp_path: Path,
) -> None:
    """A file per service, each with its `## Key facts`: the file's title tells them apart."""
    deck = parse_notes(Path(__file__).parent / "fixtures" / "alike-files").deck
    sides = sides_in_anki(deck, tmp_path)
    ec2, s3 = sides["01-services/card/billing"][0], sides["01-services/card/billing-amazon-s3"][0]
    assert ec2.endswith(f"Billing \N{MIDDLE DOT} Amazon EC2{ANGLE}Key facts")
    assert s3.endswith(f"Billing \N{MIDDLE DOT} Amazon S3{ANGLE}Key facts")
    assert not [problem for problem in card_problems(deck) if "card front" in problem.message]


def test_one_blank_cell_in_a_first_column_of_names_is_a_gap_not_a_group(tmp_path: Path) -> None:
    deck = deck_of(
        tmp_path,
        "# Boats\n\n| Boat | Builder | Launched |\n| --- | --- | --- |\n| Tug | Marlow | 1990 |\n"
        "| Ferry | Penrose | 1995 |\n| | Quayle | 2001 |\n| Barge | Holt | 2010 |\n",
    )
    rows = {note.field("Row"): note.field("Asks") for note in anki_notes(deck)}
    assert rows == {
        "Tug": "Builder and Launched?",
        "Ferry": "Builder and Launched?",
        "Row 3": "Builder and Launched?",
        "Barge": "Builder and Launched?",
    }


def test_rows_grouped_by_one_or_two_blank_columns_are_named_by_their_groups_and_their_own_name() -> None:
    """A name may repeat under two groups (a heron in both habitats), and two columns may group the
    rows, the second within the first."""
    deck = parse_notes(Path(__file__).parent / "fixtures" / "grouped-tables").deck
    asks = {visible_text(note.field("Row")): note.field("Asks") for note in anki_notes(deck)}
    assert {row: asked for row, asked in asks.items() if "Heron" in row or "Kingfisher" in row} == {
        f"Wetland{ANGLE}Heron": "Call?",
        f"Wetland{ANGLE}Kingfisher": "Call?",
        f"Woodland{ANGLE}Heron": "Call?",
    }
    assert asks[f"Coastal{ANGLE}Harbour yard{ANGLE}Osprey"] == "Top speed?"
    assert asks[f"Coastal{ANGLE}Quay shed{ANGLE}Puffin"] == "Top speed?"  # a depot within the line
    assert asks[f"Mountain{ANGLE}Ridge shed{ANGLE}Ibex"] == "Top speed?"
    assert not [row for row in asks if row.startswith(("Row ", "Branch"))]  # nothing but dashes to ask


def test_a_hyphen_alone_among_words_is_nothing_to_ask_and_among_signs_a_fact() -> None:
    deck = parse_notes(Path(__file__).parent / "fixtures" / "grouped-tables").deck
    notes = {visible_text(note.field("Row")): note for note in anki_notes(deck)}
    assert "Mallet" not in notes  # nothing but hyphens to ask
    assert notes["Awl"].field("Asks") == "Material and Used for?"
    assert "<dd>-</dd>" in notes["Awl"].field("Answer")  # beside a fact, as written
    assert notes["Minus"].field("Asks") == "Sign and Meaning?"


def test_a_table_with_a_column_for_the_reader_to_fill_in_is_a_form_and_asks_nothing() -> None:
    deck = parse_notes(Path(__file__).parent / "fixtures" / "grouped-tables").deck
    assert not [note.id for note in anki_notes(deck) if "/table/self-check/" in note.id]
    assert any(note.id.startswith("01-field-guide/table/workshop-tools/") for note in anki_notes(deck))


def test_a_totals_row_is_printed_but_never_asked() -> None:
    deck = parse_notes(Path(__file__).parent / "fixtures" / "grouped-tables").deck
    rows = [
        visible_text(note.field("Row")) for note in anki_notes(deck) if "/table/catch-by-boat/" in note.id
    ]
    assert rows == ["Gull", "Tern"]  # `| **Total** | **150** | **175** |` adds them up: nothing of its own


def test_a_row_named_as_a_total_that_states_a_fact_is_asked_wherever_it_stands(tmp_path: Path) -> None:
    """Mean, Sum or Total as a measure a table defines is a fact like its other rows; only rows that
    add up the rows above them, numbers at the table's end, ask nothing."""
    rows = rows_asked(
        tmp_path,
        "# Statistics\n\n## Measures\n\n| Measure | Formula |\n|---|---|\n"
        "| Range | largest minus smallest value |\n| Mean | sum of the values divided by n |\n"
        "| Variance | mean squared distance from the mean |\n\n## Scores\n\n"
        "| Pupil | Maths | Art |\n|---|---|---|\n| Ada | 7 | 9 |\n| Ben | 5 | 8 |\n"
        "| Average | 6 | 8.5 |\n| Overall | 13 | — |\n",
    )
    assert rows == {"Range", "Mean", "Variance", "Ada", "Ben"}


def test_a_cornell_pages_summary_row_is_printed_but_never_asked(tmp_path: Path) -> None:
    rows = rows_asked(
        tmp_path,
        "# Lecture 5\n\n| Cue | Notes |\n|---|---|\n"
        "| Schlieffen Plan | Germany's plan to defeat France quickly |\n"
        "| Summary: | Alliances built tension until one assassination sparked the war. |\n",
    )
    assert rows == {"Schlieffen Plan"}


def test_a_cornell_summary_row_however_punctuated_is_never_asked(tmp_path: Path) -> None:
    """The parse side keeps a Cornell page whose last cue sums it up (``— Recap —``, ``Key takeaways.``)
    as a printed table; its notes must not then ask that row as a thing of its own."""
    for number, label in enumerate(("\u2014 Recap \u2014", "Key takeaways.")):
        (tmp_path / str(number)).mkdir()
        rows = rows_asked(
            tmp_path / str(number),
            "# Lecture 6\n\n| Cue | Notes |\n|---|---|\n"
            "| Treaty of Ghent | Ended the war of 1812 with borders unchanged |\n"
            f"| {label} | Neither side gained land; trade and pride were what changed. |\n",
        )
        assert rows == {"Treaty of Ghent"}, label


def test_a_cornell_summary_row_is_never_asked_however_the_cue_column_is_headed(tmp_path: Path) -> None:
    """The parser keeps a Cornell page summed up as a printed table whatever its cue column's head
    (``Cues/Questions``, ``Questions / Cues``, ``Key questions``, after a column of row numbers): its
    notes ask each cue, and never the summary as a thing of its own."""
    for number, head in enumerate(("Cues/Questions", "Questions / Cues", "Key questions", "# | Cue")):
        (tmp_path / str(number)).mkdir()
        numbered = head.startswith("#")
        cells = ("| 1 ", "| 2 ") if numbered else ("", "")
        rows = rows_asked(
            tmp_path / str(number),
            f"# Lecture 7\n\n| {head} | Notes |\n|---{'|---' * numbered}|---|\n"
            f"{cells[0]}| Why did the canal close? | Silt filled its locks. |\n"
            f"{cells[1]}| Summary | Trade moved to the railway. |\n",
        )
        assert not any("Summary" in row for row in rows), head
        assert any("Why did the canal close?" in row for row in rows), head


def test_a_conclusion_or_summary_that_a_table_names_as_a_thing_is_asked(tmp_path: Path) -> None:
    """Only a Cornell page's last row of cues sums the page up; a report's `Conclusion` section and an
    issue's `Summary` field are things of their own."""
    rows = rows_asked(
        tmp_path,
        "# Writing\n\n## Lab report\n\n| Section | Purpose |\n|---|---|\n| Method | How it was done |\n"
        "| Conclusion | Whether the hypothesis held |\n\n## Jira\n\n| Field | Purpose |\n|---|---|\n"
        "| Summary | A one-line title of the issue |\n| Assignee | Who works on it |\n",
    )
    assert {"Conclusion", "Summary"} <= rows


def test_a_hyphen_among_signs_is_asked_though_a_word_stands_beside_them() -> None:
    deck = parse_notes(Path(__file__).parent / "fixtures" / "grouped-tables").deck
    notes = {visible_text(note.field("Row")): note for note in anki_notes(deck)}
    assert "<dd>-</dd>" in notes["Coli"].field("Answer")  # `+`, `-`, `none`: a Gram stain's signs


def test_short_names_of_letters_and_digits_name_a_group_s_rows() -> None:
    deck = parse_notes(Path(__file__).parent / "fixtures" / "grouped-tables").deck
    asks = {visible_text(note.field("Row")): note.field("Asks") for note in anki_notes(deck)}
    assert asks[f"Storage{ANGLE}S3"] == asks[f"Compute{ANGLE}EC2"] == "Use?"


def test_a_row_whose_group_is_a_dash_is_named_by_its_own_name_alone(tmp_path: Path) -> None:
    """A dash in the group column says the row has no group: no dash and angle before its name."""
    rows = rows_asked(
        tmp_path,
        "# Pills\n\n| Class | Drug | Use |\n| --- | --- | --- |\n"
        "| Beta blocker | Atenolol | Blood pressure |\n| Beta blocker | Propranolol | Tremor |\n"
        "| - | Aspirin | Pain |\n| - | Caffeine | Alertness |\n",
    )
    assert rows == {f"Beta blocker{ANGLE}Atenolol", f"Beta blocker{ANGLE}Propranolol", "Aspirin", "Caffeine"}


def test_rows_a_dash_would_name_alike_are_named_by_the_column_after_it() -> None:
    """Two anticoagulants, no suffix for either: named by the class alone they would read the same
    and want different answers, so the drug's own column names them."""
    deck = parse_notes(Path(__file__).parent / "fixtures" / "grouped-tables").deck
    rows = [
        visible_text(note.field("Row")) for note in anki_notes(deck) if "/table/drugs-by-class/" in note.id
    ]
    assert rows == [
        f"ACE inhibitors{ANGLE}-pril{ANGLE}lisinopril",
        f"Anticoagulant{ANGLE}warfarin",
        f"Anticoagulant{ANGLE}heparin",
    ]


def test_fronts_alike_in_words_but_showing_other_pictures_read_apart(tmp_path: Path) -> None:
    """An image-recognition deck asks one question of many pictures: each front reads apart by its
    picture, so none is qualified, and check warns of none."""
    module = tmp_path / "notes" / "01-flags"
    (module / "img").mkdir(parents=True)
    for name, colour in (("red", (200, 0, 0)), ("green", (0, 160, 0)), ("blue", (0, 0, 200))):
        Image.new("RGB", (20, 20), colour).save(module / "img" / f"{name}.png")
    names = ("red", "green", "blue")
    cards = "".join(f"Q: Which colour is this? ![](img/{name}.png)\nA: {name}\n\n" for name in names)
    (module / "notes.md").write_text(f"# Flags\n\n{cards}")
    result = CliRunner().invoke(cli, ["check", "--notes", str(tmp_path / "notes")])
    assert result.exit_code == 0, result.output
    assert "reads the same" not in result.output
    notes = anki_notes(parse_notes(tmp_path / "notes").deck)
    assert all(note.field("Term").startswith("Which colour is this? <img") for note in notes)
    assert len(notes) == 3


def test_rows_of_a_table_asking_the_same_for_other_answers_are_a_warning_at_the_table(tmp_path: Path) -> None:
    """Two rows named alike (a word with two meanings) make cards that read the same and want different
    answers; a row written twice alike is only said twice."""
    deck = deck_of(
        tmp_path,
        "# Words\n\n| Word | Meaning |\n| --- | --- |\n| bark | a dog's call |\n| Bark | a tree's skin |\n"
        "| oak | a tree |\n\n| Word | Meaning |\n| --- | --- |\n| elm | a tree |\n| elm | a tree |\n",
    )
    problems = [problem for problem in card_problems(deck) if "rows" in problem.message]
    assert [str(problem.location) for problem in problems] == ["m/notes.md:3"]
    assert problems[0].severity == "warning"
    assert "'bark'" in problems[0].message and "tell the rows apart" in problems[0].message


def test_a_table_whose_first_column_asks_questions_is_asked_row_by_row(tmp_path: Path) -> None:
    """Cornell notes' cues are questions in sentences: each row is a card, its cue on the front."""
    deck = deck_of(
        tmp_path,
        "# Lecture 4\n\n| Cues | Notes |\n| --- | --- |\n"
        "| Why do harbors keep tugs in every port? | Big ships turn slowly in narrow water. |\n"
        "| What does a pilot do at the harbor mouth? | Steers each ship past the shoals. |\n",
    )
    cards = {
        visible_text(note.field("Term")): visible_text(note.field("Definition")) for note in anki_notes(deck)
    }
    assert cards == {
        "Why do harbors keep tugs in every port?": "Big ships turn slowly in narrow water.",
        "What does a pilot do at the harbor mouth?": "Steers each ship past the shoals.",
    }
    assert not [problem for problem in card_problems(deck) if "label column" in problem.message]


def test_names_with_a_year_or_citation_in_brackets_name_their_rows(tmp_path: Path) -> None:
    """Law notes name each case with its year: the brackets are no part of the name's length."""
    notes = (
        "## Offer and acceptance\n\n| Case | Principle |\n|---|---|\n"
        "| *Marlow v Penhallow Steam Laundry Co* [1901] | An advertised reward is an offer to anyone |\n"
        "| *Greaves v Tull* (1872) | A reply that changes the terms rejects the offer |\n"
        "| *Oakham v Brindle* (1868) | Saying nothing is not agreeing |\n"
    )
    deck = deck_of(tmp_path, notes)
    assert not [problem for problem in card_problems(deck) if "no label column" in problem.message]
    assert len([note_id for note_id in notes_by_id(deck) if "/table/" in note_id]) == 3


def test_a_long_aside_in_brackets_is_part_of_a_sentence_that_names_no_row(tmp_path: Path) -> None:
    notes = (
        "## Lab safety\n\n| Instruction | Reason |\n|---|---|\n"
        "| Stir slowly (never faster than the dye can mix in) | Fast stirring splashes the dye about |\n"
        "| Label tubes (before anything is poured into them) | Unlabelled tubes are easily mixed up |\n"
    )
    deck = deck_of(tmp_path, notes)
    assert [problem for problem in card_problems(deck) if "no label column" in problem.message]
