"""Cloze notes, built by the CLI from a notes folder with every cloze form and imported into real Anki.

The fixture (``fixtures/clozes``) writes Anki's syntax with and without a hint and with several
numbers, highlights beside explicit numbers, a term bullet with clozes in its definition and in its
nested bullets, a cloze bullet with plain nested bullets (its extra) and a cloze in a quote.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from anki.notes import Note
from click.testing import CliRunner
from playwright.sync_api import Browser

from ccpkit.cli import cli
from ccpkit.export import BREADCRUMB
from tests.conftest import REPO
from tests.export.anki.browser import Client
from tests.export.anki.student import Student, visible_text
from tests.export.anki.test_csv_files import import_csv, snapshot

FIXTURE = Path(__file__).parent.parent / "fixtures" / "clozes"
PACKAGE = "anki/cloze-course.apkg"
EBS = "01-storage/cloze/ebs-volumes-attach-to-one-ec2-instance-at-a-time"
S3 = "01-storage/cloze/amazon-s3-stores-objects-in-buckets"
S3_REWORDED = "01-storage/cloze/amazon-s3-keeps-objects-in-buckets"
GLACIER = "01-storage/cloze/s3-glacier-deep-archive-is-the-cheapest-class-restores-take-up-to-12-hours"
EFS = "01-storage/cloze/efs-a-shared-file-system-for-linux-instances"
INSTANCE_STORE = "01-storage/cloze/instance-store-lost-when-the-instance-stops-lives-on-the-host"
SNOWBALL = "01-storage/cloze/snowball-moves-data-offline"


@dataclass
class Course:
    root: Path

    @property
    def notes(self) -> Path:
        return self.root / "notes"

    @property
    def out(self) -> Path:
        return self.root / "build"

    def build(self, *formats: str) -> None:
        arguments = ["build", "--notes", str(self.notes), "--out", str(self.out), "--title", "Cloze Course"]
        arguments += ["--templates", str(REPO / "templates"), *(f"--format={name}" for name in formats)]
        result = CliRunner().invoke(cli, arguments)
        assert result.exit_code == 0, result.output

    def reword(self, old: str, new: str) -> None:
        path = self.notes / "01-storage" / "cram-sheet.md"
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def course(tmp_path: Path) -> Course:
    course = Course(tmp_path)
    shutil.copytree(FIXTURE, course.notes)
    course.build("anki", "csv")
    return course


@pytest.fixture
def student(course: Course) -> Iterator[Student]:
    student = Student.with_fresh_collection(course.root)
    student.import_package(course.out / PACKAGE)
    yield student
    student.close()


def sides(note: Note) -> list[tuple[str, str]]:
    """(front, back) of each card as a student reads them, in cloze-number order (``visible_text``
    puts a space where a tag was: ``[...] .`` reads ``[...].``)."""
    return [
        (visible_text(card.question()).replace(" .", "."), visible_text(card.answer()).replace(" .", "."))
        for card in note.cards()
    ]


def test_each_cloze_number_is_a_card_hiding_its_part_with_the_hint_if_any(student: Student) -> None:
    ebs = student.note(EBS)
    assert ebs.note_type()["name"] == "ccpkit Cloze v1"  # type: ignore[index]
    (front_1, back_1), (front_2, back_2) = sides(ebs)
    context = BREADCRUMB.join(("01 Storage", "Cram Sheet", "Object storage"))
    assert front_1 == f"{context} [...] volumes attach to one EC2 instance at a time."
    assert back_1 == f"{context} EBS volumes attach to one EC2 instance at a time."
    assert front_2 == f"{context} EBS volumes attach to [how many?] at a time."
    assert back_2 == back_1


def test_highlights_are_numbered_after_the_explicit_clozes(student: Student) -> None:
    fronts = [front for front, _ in sides(student.note(GLACIER))]
    assert [front.split(" Object storage ")[1] for front in fronts] == [
        "S3 Glacier Deep Archive is the cheapest class, restores take [...].",
        "[...] is the cheapest class, restores take up to 12 hours.",
    ]


def test_a_term_bullet_with_clozes_is_one_note_with_its_term_in_the_sentence(student: Student) -> None:
    (front_1, _), (front_2, back_2) = sides(student.note(EFS))
    assert front_1.endswith("EFS: a [...] file system for Linux instances")
    assert front_2.endswith("EFS: a shared file system for [...] instances")
    assert back_2.endswith("EFS: a shared file system for Linux instances")
    (front, back), *_ = sides(student.note(INSTANCE_STORE))
    assert front.endswith("Instance store: [...] when the instance stops lives on the host")
    assert back.endswith("Instance store: lost when the instance stops lives on the host")
    assert [note["Id"] for note in student.notes() if "kind::card" in note.tags] == ["01-storage/card/fsx"]


def test_a_formula_ending_in_nested_braces_is_hidden_whole(tmp_path: Path) -> None:
    """``{{c2::$10^{10^{1}}$}}``: Anki ends a cloze at the first ``}}``, so the formula's are ``} }``."""
    course = Course(tmp_path)
    (course.notes / "01-maths").mkdir(parents=True)
    sentence = "Eleven nines is {{c1::$1 - 10^{-11}$}} a year, {{c2::$10^{10^{1}}$}} more than a disk.\n"
    (course.notes / "01-maths" / "notes.md").write_text(f"# Nines\n\n{sentence}", encoding="utf-8")
    course.build("anki")
    student = Student.with_fresh_collection(course.root)
    try:
        student.import_package(course.out / PACKAGE)
        ((front_1, back_1), (front_2, _)) = sides(next(iter(student.notes())))
    finally:
        student.close()
    assert front_1.endswith("is [...] a year, \\(10^{10^{1} }\\) more than a disk.")
    assert front_2.endswith("is \\(1 - 10^{-11}\\) a year, [...] more than a disk.")
    assert "\\(10^{10^{1} }\\)" in back_1 and "{{" not in back_1 and "}}" not in back_1


def test_the_nested_bullets_without_clozes_are_shown_on_the_back(student: Student) -> None:
    ((front, back),) = sides(student.note(SNOWBALL))
    assert "rugged device" not in front
    assert back.endswith("Snowball moves data offline a rugged device shipped to you")


def test_every_card_of_the_deck_is_one_cloze_number_or_the_one_term(student: Student) -> None:
    clozes = [note for note in student.notes() if "kind::cloze" in note.tags]
    assert len(clozes) == 7
    assert sum(len(note.cards()) for note in clozes) == 10  # EBS, Glacier and EFS have two numbers


def test_rewording_a_cloze_sentence_keeps_the_note_and_its_review_history(
    course: Course, student: Student
) -> None:
    assert student.study_everything() == 11
    guid = student.note(S3).guid
    course.reword("stores objects in buckets", "keeps objects in buckets")
    course.build("anki")
    log = student.import_package(course.out / PACKAGE)
    assert len(log.new) == 0 and len(log.updated) == 1
    reworded = student.note(S3_REWORDED)
    assert reworded.guid == guid and student.reviews_of(reworded) == 1
    assert sides(reworded)[0][0].endswith("[...] keeps objects in buckets.")
    assert len(list(student.notes())) == 8


def test_a_part_added_as_the_sentence_is_reworded_keeps_the_note_and_each_cards_history(
    course: Course, student: Student
) -> None:
    """Too unlike to pass for the same words, the sentence still holds every part it hid: the same
    note, its studied cards asking what they asked, the new part a card of its own."""
    student.study_everything()
    ebs = student.note(EBS)
    studied = fronts_by_card(ebs)
    course.reword("at a time.", "at a time, and both live in {{c3::one Availability Zone}}.")
    course.build("anki")
    log = student.import_package(course.out / PACKAGE)
    assert len(log.new) == 0 and len(log.updated) == 1
    (grown,) = [note for note in student.notes() if note.guid == ebs.guid]
    now = fronts_by_card(grown)
    assert set(studied) < set(now) and len(now) == 3
    added = ", and both live in one Availability Zone ."  # (a tag's place reads as a space)
    assert all(now[card].replace(added, ".") == studied[card] for card in studied)
    (new_card,) = set(now) - set(studied)
    assert now[new_card].endswith("at a time, and both live in [...] .")
    assert student.reviews_of(grown) == 2
    assert len(list(student.notes())) == 8  # none added beside it


def test_numbers_swapped_in_the_notes_send_nothing_and_leave_the_students_edits(
    course: Course, student: Student
) -> None:
    """Each part keeps the number it was sent with, so the card Anki holds is the one it would get:
    the package leaves it alone, and with it the student's mnemonic and tag."""
    student.study_everything()
    student.annotate(student.note(EBS), " MNEMONIC")
    course.reword("{{c1::EBS}} volumes attach to {{c2::", "{{c2::EBS}} volumes attach to {{c1::")
    course.build("anki")
    log = student.import_package(course.out / PACKAGE)
    assert len(log.new) == 0 and len(log.updated) == 0
    kept = student.note(EBS)
    assert "MNEMONIC" in kept["Extra"] and "marked" in kept.tags
    assert [front.rpartition("Object storage ")[2] for front, _ in sides(kept)] == [
        "[...] volumes attach to one EC2 instance at a time.",
        "EBS volumes attach to [how many?] at a time.",
    ]


def test_changing_a_hidden_part_re_sends_the_note_in_place(course: Course, student: Student) -> None:
    student.study_everything()
    guid = student.note(EBS).guid
    course.reword("{{c2::one EC2 instance::how many?}}", "{{c2::a single EC2 instance::how many?}}")
    course.build("anki")
    log = student.import_package(course.out / PACKAGE)
    assert len(log.new) == 0 and len(log.updated) == 1
    reworded = student.note("01-storage/cloze/ebs-volumes-attach-to-a-single-ec2-instance-at-a-time")
    assert reworded.guid == guid and student.reviews_of(reworded) == 2


def test_a_hidden_part_reworded_in_a_short_sentence_keeps_the_note_and_each_cards_history(
    course: Course, student: Student
) -> None:
    """Rewording one part of a short sentence leaves it too unlike to pass for the same words, but the
    unchanged part says it is the same note: re-sent in place, neither card restarting."""
    student.study_everything()
    ebs = student.note(EBS)
    course.reword("{{c2::one EC2 instance::how many?}}", "{{c2::just one running EC2 instance::how many?}}")
    course.build("anki")
    log = student.import_package(course.out / PACKAGE)
    assert len(log.new) == 0 and len(log.updated) == 1
    reworded = student.note("01-storage/cloze/ebs-volumes-attach-to-just-one-running-ec2-instance-at-a-time")
    assert reworded.guid == ebs.guid and student.reviews_of(reworded) == 2
    context = BREADCRUMB.join(("01 Storage", "Cram Sheet", "Object storage"))
    assert [front for front, _ in sides(reworded)] == [
        f"{context} [...] volumes attach to just one running EC2 instance at a time.",
        f"{context} EBS volumes attach to [how many?] at a time.",
    ]
    assert len(list(student.notes())) == 8


def fronts_by_card(note: Note) -> dict[int, str]:
    return {card.id: visible_text(card.question()) for card in note.cards()}


def test_a_highlight_added_before_studied_ones_leaves_each_card_hiding_what_it_hid(
    course: Course, student: Student
) -> None:
    """Anki keeps a card's history by its cloze number: a new highlight before the others must not
    shift their numbers, or "Linux"'s history would ask for "file system"."""
    student.study_everything()
    studied = fronts_by_card(student.note(EFS))
    course.reword("a ==shared== file system", "a ==shared== ==file system==")
    course.build("anki")
    log = student.import_package(course.out / PACKAGE)
    assert len(log.new) == 0 and len(log.updated) == 1
    efs = student.note(EFS)
    now = fronts_by_card(efs)
    assert {card: now[card] for card in studied} == studied
    (added,) = set(now) - set(studied)
    assert now[added].endswith("EFS: a shared [...] for Linux instances")
    assert student.reviews_of(efs) == 2


def test_a_highlight_removed_leaves_its_own_card_empty_and_put_back_takes_that_card_again(
    course: Course, student: Student
) -> None:
    student.study_everything()
    shared, linux = student.note(EFS).cards()
    studied = visible_text(linux.question())
    course.reword("a ==shared== file system", "a shared file system")
    course.build("anki")
    student.import_package(course.out / PACKAGE)
    now = fronts_by_card(student.note(EFS))
    assert now[linux.id] == studied and now[linux.id].endswith(
        "EFS: a shared file system for [...] instances"
    )
    assert "[...]" not in now[shared.id]  # Anki's empty card ("No cloze 1 found"), its history its own
    assert list(student.collection.get_empty_cards().notes[0].card_ids) == [shared.id]
    course.reword("a shared file system", "a ==shared== file system")  # put back: its own card again
    course.build("anki")
    student.import_package(course.out / PACKAGE)
    now = fronts_by_card(student.note(EFS))
    assert now[linux.id] == studied
    assert now[shared.id].endswith("EFS: a [...] file system for Linux instances") and len(now) == 2
    assert student.reviews_of(student.note(EFS)) == 2  # both cards' history, none lost, none new


def test_the_anki_csv_gives_the_same_cloze_notes_and_cards_as_the_apkg(
    course: Course, student: Student
) -> None:
    from_apkg = snapshot(student)
    cards = len(list(student.cards()))
    student.collection.remove_notes(list(student.collection.find_notes("")))
    folder = course.out / "csv" / "anki"
    log = import_csv(student, [folder / "cloze.csv", folder / "term.csv"])  # the others have no rows
    assert len(log.new) == 8
    assert snapshot(student) == from_apkg
    assert len(list(student.cards())) == cards == 11


@pytest.mark.parametrize("night", [False, True], ids=["light", "night"])
def test_on_a_phone_the_hidden_part_stands_out_in_the_accent_colour_light_and_night(
    browser: Browser, student: Student, night: bool
) -> None:
    """Anki wraps a hidden part in ``span.cloze``; our CSS colours it with the mode's accent."""
    card = student.note(EBS).cards()[1]
    phone = Client.open(browser, "droid", phone=True, night=night)
    accent = "rgb(110, 168, 254)" if night else "rgb(23, 92, 211)"  # --accent in style.css
    try:
        for html, shown in ((card.question(), "[how many?]"), (card.answer(), "one EC2 instance")):
            phone.show(html)
            hidden = phone.page.locator(".sentence .cloze").first
            assert hidden.text_content() == shown
            assert hidden.evaluate("e => getComputedStyle(e).color") == accent
            context = phone.page.locator(".context").first
            assert context.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 14
            width = phone.page.evaluate("() => document.scrollingElement.scrollWidth - window.innerWidth")
            assert width <= 0, "the card is wider than the phone"
    finally:
        phone.close()


ALIKE = Path(__file__).parent / "fixtures" / "clozes-alike"
VESSELS = "01-blood/cloze/blood-travels-through-arteries-and-veins"
PARIS = "01-blood/cloze/paris-is-the-capital-of-france-and-paris-hosted-the-1900-olympics"


@pytest.fixture
def alike(tmp_path: Path) -> Iterator[tuple[Course, Student]]:
    course = Course(tmp_path)
    shutil.copytree(ALIKE, course.notes)
    course.build("anki")
    student = Student.with_fresh_collection(course.root)
    student.import_package(course.out / PACKAGE)
    student.study_everything()
    yield course, student
    student.close()


def test_parts_that_trade_places_keep_their_note_and_each_its_card(alike: tuple[Course, Student]) -> None:
    course, student = alike
    studied = fronts_by_card(student.note(VESSELS))
    path = course.notes / "01-blood" / "notes.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("==arteries== and ==veins==", "==veins== and ==arteries=="), "utf-8")
    course.build("anki")
    log = student.import_package(course.out / PACKAGE)
    assert len(log.new) == 0 and len(list(student.notes())) == 3
    now = fronts_by_card(student.note("01-blood/cloze/blood-travels-through-veins-and-arteries"))
    assert now.keys() == studied.keys()
    for card, front in studied.items():  # each card hides the same vessel, wherever it now stands
        hidden = "arteries" if "[...] and veins" in front else "veins"
        assert hidden not in now[card] and "[...]" in now[card]


def test_parts_that_trade_places_and_case_keep_their_note_and_each_its_history(
    alike: tuple[Course, Student],
) -> None:
    """The sentence turned round: the part that now opens it takes a capital, the other loses its own."""
    course, student = alike
    cells = student.note("01-blood/cloze/red-cells-carry-oxygen-while-white-cells-fight-infection")
    reviews = {card.ord: card.reps for card in cells.cards()}
    path = course.notes / "01-blood" / "notes.md"
    text = path.read_text(encoding="utf-8")
    turned = "==White cells== fight infection, while ==red cells== carry oxygen."
    path.write_text(
        text.replace("==Red cells== carry oxygen, while ==white cells== fight infection.", turned)
    )
    course.build("anki")
    log = student.import_package(course.out / PACKAGE)
    assert len(log.new) == 0 and len(list(student.notes())) == 3
    now = student.collection.get_note(cells.id)
    assert "White cells" in now["Text"] and {card.ord: card.reps for card in now.cards()} == reviews
    for card in now.cards():  # each card still hides the part it was studied with
        hidden = "red cells" if card.ord == 0 else "White cells"
        assert hidden not in visible_text(card.question())


def test_the_same_words_hidden_twice_stay_on_their_cards_build_after_build(
    alike: tuple[Course, Student],
) -> None:
    course, student = alike
    studied = fronts_by_card(student.note(PARIS))
    for build in range(3):  # nothing about the sentence changes: other notes come and go
        more = course.notes / "01-blood" / f"more-{build}.md"
        more.write_text(f"- **Plasma {build}:** the liquid part\n", encoding="utf-8")
        course.build("anki")
        student.import_package(course.out / PACKAGE)
    paris = student.note(PARIS)
    assert fronts_by_card(paris) == studied and student.reviews_of(paris) == 2


CODE_AND_FORMULAS = """\
# Clozes of code and formulas

- In C++ a growable array is {{c1::`std::vector<int>`}}.
- A nested dict is {{c1::`{"a": {"b": 1}}`}} in Python.
- The map's type is {{c1::$f :: A \\to B$}}.
- Mass and energy: $E = {{c1::mc^2}}$.
- Anki writes `{{c1::text}}` to make a ==cloze deletion==.
"""


def test_code_and_formulas_in_a_cloze_are_hidden_whole_and_cloze_syntax_in_code_stays_text(
    tmp_path: Path,
) -> None:
    """Anki's cloze reader ends a cloze at any ``::`` or ``}}``: code and a formula inside one must hide
    whole, a cloze written in a formula must still be one, and cloze syntax shown as code is text."""
    course = Course(tmp_path)
    (course.notes / "01-code").mkdir(parents=True)
    (course.notes / "01-code" / "notes.md").write_text(CODE_AND_FORMULAS, encoding="utf-8")
    course.build("anki")
    student = Student.with_fresh_collection(course.root)
    try:
        student.import_package(course.out / "anki/cloze-course.apkg")
        cards = {visible_text(card.question()): visible_text(card.answer()) for card in student.cards()}
    finally:
        student.close()
    assert len(cards) == 5  # one card a note: none lost, none split by a `::` or `}}` in its answer
    backs = " | ".join(cards.values())
    for shown in ("std::vector<int>", '{"a": {"b": 1}}', "\\(f :: A \\to B\\)", "\\(E = mc^2\\)"):
        assert shown in backs
    assert "[...]" in next(front for front in cards if "Mass and energy" in front)
    written = next(back for back in cards.values() if "Anki writes" in back)
    assert "{{c1::text}}" in written and "cloze deletion" in written
    assert all("{{" not in front.replace("{{c1::text}}", "") for front in cards)
