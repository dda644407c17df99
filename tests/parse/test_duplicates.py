"""A term defined twice in a module is merged; items of distinct ids are kept as they are; a pinned id
used twice is an error."""

from __future__ import annotations

from dataclasses import replace

from ccpkit.model import Card, SourceLocation
from ccpkit.parse.duplicates import unique_items


def _card(module: str, term: str, line: int, *, part: str = "Lecture", pinned: str = "") -> Card:
    return Card(
        id=pinned or f"{module}/card/{term.lower()}",
        module=module,
        source=SourceLocation(f"{module}/notes.md", line),
        part=part,
        front=term,
        back=f"What {term} means.",
    )


def test_items_of_distinct_ids_are_kept_as_they_are_with_no_problem() -> None:
    items = [_card("a", "EC2", 1), _card("a", "S3", 2, part="Cram Sheet"), _card("b", "EC2", 1)]

    kept, problems = unique_items(iter(items))

    assert kept == items and problems == []


def test_a_repeated_id_still_merges_and_a_pinned_one_is_still_left_out() -> None:
    lecture, cram = _card("a", "EC2", 1), _card("a", "EC2", 9, part="Cram Sheet")
    pinned = _card("b", "Lambda", 3, pinned="a/card/s3")
    taken = _card("a", "S3", 2)

    kept, problems = unique_items([lecture, taken, cram, pinned])

    assert [item.id for item in kept] == ["a/card/ec2", "a/card/s3"]
    assert [(str(problem.location), problem.severity) for problem in problems] == [
        ("a/notes.md:9", "warning"),
        ("b/notes.md:3", "error"),
    ]


def test_a_cram_sheet_wording_the_lecture_says_whole_gives_way_to_it_and_the_warning_stays() -> None:
    lecture = replace(_card("a", "Roux", 3), back="Flour cooked in **fat**, the base of most white sauces.")
    cram = replace(_card("a", "Roux", 9, part="Cram Sheet"), back="flour cooked in fat")

    kept, problems = unique_items([lecture, cram])

    assert [item.back for item in kept if isinstance(item, Card)] == [lecture.back]
    assert [problem.message for problem in problems] == [
        "merged duplicate term 'Roux' into the card at a/notes.md:3"
    ]


def test_words_only_a_picture_s_alt_text_holds_are_no_restatement() -> None:
    lecture = replace(_card("a", "Mitosis", 3), back="![Cell division](img/mitosis.png)")
    cram = replace(_card("a", "Mitosis", 9, part="Cram Sheet"), back="Cell division.")

    kept, _ = unique_items([lecture, cram])

    assert [item.back for item in kept if isinstance(item, Card)] == [
        "Cell division.\n\n![Cell division](img/mitosis.png)"
    ]
