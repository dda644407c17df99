"""Cloze syntax: numbering highlights, the sentence without markers, the hidden parts, mistakes."""

from __future__ import annotations

import itertools

import pytest

from ccpkit.cloze_syntax import (
    GONE,
    MAX_CLOZE,
    answers,
    braces_numbered,
    has_cloze,
    kept_numbers,
    mistakes,
    numbered,
    numbers,
    renumbered,
    revealed,
    short_braces_as_anki,
)


def test_highlights_take_the_numbers_no_explicit_cloze_uses_in_order() -> None:
    text = "==A== then {{c1::B}} then ==C== and {{c3::D}} and ==E=="
    assert numbered(text) == "{{c2::A}} then {{c1::B}} then {{c4::C}} and {{c3::D}} and {{c5::E}}"
    assert numbers(numbered(text)) == (1, 2, 3, 4, 5)


def test_inkas_short_braces_are_anki_clozes_and_other_braces_text() -> None:
    text = "{Oslo}, {c3::Bergen}, not {{Paris}}, {}, \\{x\\}, `{y}` nor $\\{z\\}$; {{c1::Rome}}, {Turin}"
    assert short_braces_as_anki(text, itertools.count(1)) == (
        "{{c1::Oslo}}, {{c3::Bergen}}, not {{Paris}}, {}, \\{x\\}, `{y}` nor $\\{z\\}$; "
        "{{c1::Rome}}, {{c4::Turin}}"
    )


def test_remnotes_braces_take_the_numbers_no_explicit_cloze_uses_and_code_keeps_its_braces() -> None:
    text = "{{Mitochondria}} and {{c1::ribosomes}} sit in {{the cell}}; `{{x}}` is code, {{}} nothing"
    assert braces_numbered(text) == (
        "{{c2::Mitochondria}} and {{c1::ribosomes}} sit in {{c3::the cell}}; `{{x}}` is code, {{}} nothing"
    )


def test_highlights_stay_text_when_switched_off() -> None:
    assert numbered("==S3== stores objects", highlights=False) == "==S3== stores objects"
    assert not has_cloze("==S3== stores objects", highlights=False)
    assert has_cloze("==S3== stores objects")


@pytest.mark.parametrize(
    "text",
    ["`{{c1::x}}` in code", "a == b == c", "x ==  y ==", "`==x==`", "====", r"\==not==", "=== x ==="],
)
def test_code_comparisons_and_loose_equals_are_not_clozes(text: str) -> None:
    assert not has_cloze(text)
    assert numbered(text) == text


def test_the_sentence_read_after_the_answer_has_no_markers_and_no_hints() -> None:
    text = "{{c1::EBS}} attaches to {{c2::one instance::how many?}}, `{{c3::code}}` stays"
    assert revealed(text) == "EBS attaches to one instance, `{{c3::code}}` stays"
    assert revealed(text, mark="**") == "**EBS** attaches to **one instance**, `{{c3::code}}` stays"
    assert revealed("{{c1::**S3**}} is bold already", mark="**") == "**S3** is bold already"


def test_answers_name_each_hidden_part_with_its_number() -> None:
    assert answers("{{c2::A}}, {{c1::B::hint}} and {{c2::C}}") == ("c2: A", "c1: B", "c2: C")
    assert numbers("{{c2::A}}, {{c1::B::hint}} and {{c2::C}}") == (1, 2)


@pytest.mark.parametrize(
    ("text", "start", "says"),
    [
        ("S3 {{c1::objects", 3, "never closed: end it with '}}'"),
        ("{{c1::a}} and {{c2::b and {{c3::c}}", 14, "'{{c2::' is never closed"),
        ("an {{c1::}} cloze", 3, "hides nothing: write the answer"),
        ("a {{c1::  ::hint}} cloze", 2, "hides nothing"),
        ("{{c0::x}}", 0, "numbers start at c1"),
        ("a {{c501::x}}", 2, "numbers go up to c500"),
        ("{{c99999999999999999999::x}}", 0, "numbers go up to c500"),
        ("about ~{c1::20,000} genes", 7, "one brace on each side: write two, {{c1::20,000}}"),
    ],
)
def test_mistakes_say_where_and_what_to_write(text: str, start: int, says: str) -> None:
    (mistake,) = mistakes(text)
    assert mistake.start == start
    assert says in mistake.message


def test_well_formed_clozes_have_no_mistakes() -> None:
    assert mistakes("{{c1::S3}} and {{c500::EBS::block}} and ==EFS== and `{{c1::`") == ()
    assert mistakes("`{c1::x}` in code, and {c} or {x::y}") == ()


def test_parts_keep_the_numbers_they_were_sent_under() -> None:
    recorded = kept_numbers(("c1: star", "c2: planet", "c3: moon"), ())
    assert recorded == ("star", "planet", "moon")
    added = ("c1: comet", "c2: star", "c3: planet", "c4: moon")
    assert kept_numbers(added, recorded) == ("star", "planet", "moon", "comet")
    assert kept_numbers(("c1: planet", "c2: moon"), recorded) == (f"{GONE}star", "planet", "moon")
    reworded = ("c1: star", "c2: the planet", "c3: moon")
    assert kept_numbers(reworded, recorded) == ("star", "the planet", "moon")


def test_parts_given_one_number_keep_the_number_written_and_the_others_card_goes_empty() -> None:
    recorded = ("star", "planet")
    assert kept_numbers(("c1: star", "c1: planet"), recorded) == ("star\x1fplanet", f"{GONE}planet")
    assert kept_numbers(("c2: star", "c2: planet"), recorded) == (f"{GONE}star", "star\x1fplanet")


def test_a_number_whose_parts_are_gone_is_never_given_again() -> None:
    assert kept_numbers(("c1: moon", "c2: comet"), ("", "", "moon")) == ("", "", "moon", "comet")
    remembered = (f"{GONE}star", "", "moon")
    assert kept_numbers(("c1: moon", "c2: comet"), remembered) == (f"{GONE}star", "", "moon", "comet")


def test_a_part_put_back_takes_its_number_again_and_the_text_is_renumbered_to_it() -> None:
    recorded = kept_numbers(("c1: star", "c2: planet"), ())
    removed = kept_numbers(("c1: planet",), recorded)
    assert removed == (f"{GONE}star", "planet")
    hidden = ("c1: planet", "c2: star")
    assert kept_numbers(hidden, removed) == ("star", "planet")
    text = "{{c1::planet}} around a {{c2::star}}"
    assert renumbered(text, hidden, ("star", "planet")) == "{{c2::planet}} around a {{c1::star}}"


def test_parts_of_one_number_stay_one_card_and_the_text_is_renumbered_as_kept() -> None:
    hidden = ("c1: comet", "c2: star", "c2: sun")
    kept = kept_numbers(hidden, ("star\x1fsun",))
    assert kept == ("star\x1fsun", "comet")
    text = "{{c1::comet}}, {{c2::star}} and {{c2::sun}}"
    assert renumbered(text, hidden, kept) == "{{c2::comet}}, {{c1::star}} and {{c1::sun}}"
    assert renumbered(text, hidden, kept_numbers(hidden, ())) == text


def test_the_same_words_hidden_twice_keep_both_their_numbers_build_after_build() -> None:
    hidden = ("c1: France", "c2: France")
    recorded = kept_numbers(hidden, ())
    assert recorded == ("France", "France")
    assert kept_numbers(hidden, recorded) == recorded


def test_a_reworded_part_takes_the_number_of_the_gone_part_it_reads_most_like() -> None:
    recorded = ("hart", "blood", "chst")
    assert kept_numbers(("c1: warm blood", "c2: chst"), recorded) == (f"{GONE}hart", "warm blood", "chst")
    assert kept_numbers(("c1: chest", "c2: heart", "c3: blood"), recorded) == ("heart", "blood", "chest")
    assert kept_numbers(("c1: lungs", "c2: chst"), ("heart", "", "chst")) == (
        f"{GONE}heart",
        "",
        "chst",
        "lungs",
    )


def test_a_part_said_more_fully_or_more_briefly_keeps_its_number_though_it_reads_little_alike() -> None:
    """``S3`` → ``Amazon S3`` is the same blank said in full: its card, and its history, stay; ``11
    nines`` → ``eleven 9s`` shares no word, so it is another answer."""
    recorded = ("S3", "buckets", "11 nines")
    hidden = ("c1: Amazon S3", "c2: buckets", "c3: eleven 9s")
    assert kept_numbers(hidden, recorded) == ("Amazon S3", "buckets", f"{GONE}11 nines", "eleven 9s")
    assert kept_numbers(("c1: S3", "c2: buckets"), ("Amazon S3", "buckets")) == ("S3", "buckets")


def test_past_ankis_last_number_a_new_part_takes_one_left_unused() -> None:
    recorded = ("", *(f"part {number}" for number in range(2, MAX_CLOZE + 1)))
    hidden = (*(f"c{number}: part {number}" for number in range(2, MAX_CLOZE + 1)), "c501: new")
    assert kept_numbers(hidden, recorded)[0] == "new"


def test_past_ankis_last_number_a_new_part_takes_the_number_a_part_just_left() -> None:
    recorded = tuple(f"part {number}" for number in range(1, MAX_CLOZE + 1))
    hidden = [f"c{number}: part {number}" for number in range(1, MAX_CLOZE + 1) if number != 3]
    kept = kept_numbers([*hidden, "c501: new"], recorded)
    assert kept[2] == "new" and len(kept) == MAX_CLOZE  # no part lost, none sharing a number


def test_code_shown_in_a_cloze_keeps_its_markers_as_written() -> None:
    html = "<code>{{c1::x}}</code> and {{c1::comet}}, {{c2::star}}"
    hidden = ("c1: comet", "c2: star")
    shown = "<code>{{c1::x}}</code> and {{c2::comet}}, {{c1::star}}"
    assert renumbered(html, hidden, ("star", "comet")) == shown
