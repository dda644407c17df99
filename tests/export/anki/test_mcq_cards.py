"""MCQ cards as a student uses them: rendered by the real Anki library, driven in Debian's chromium.

Tap (a phone with touch), click and keys; single answer and Choose TWO; the back as Anki desktop shows it
(same page, scripts run again) and as AnkiDroid does (a fresh page; only sessionStorage survives).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from tests.export.anki.browser import Client, Sides

SINGLE = "05-networking/mcq/which-service-gives-a-private-dedicated-line-from-a-data-centre-to-aws"
DOUBLE = "05-networking/mcq/which-two-act-as-firewalls-for-resources-in-a-vpc-choose-two"
NAMES_LETTERS = (
    "05-networking/mcq/which-component-lets-instances-in-a-private-subnet-reach-the-internet-without"
)
NONE_OF_THE_ABOVE = "05-networking/mcq/which-of-these-resolve-domain-names-for-aws-resources"
CLIENTS = ("desktop", "droid")


@pytest.fixture(params=CLIENTS)
def client(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Client]:
    client = Client.open(browser, request.param)
    yield client
    client.close()


@pytest.fixture(params=CLIENTS)
def phone(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Client]:
    client = Client.open(browser, request.param, phone=True)
    yield client
    client.close()


def letter_of(options: list[dict[str, object]], text: str) -> str:
    (letter,) = [option["letter"] for option in options if str(option["text"]) == text]
    return str(letter)


# Options are controls a phone passes taps to


def test_every_point_of_an_option_is_a_button_ankimobile_passes_the_tap_to(
    phone: Client, quiz: dict[str, Sides]
) -> None:
    phone.show(quiz[DOUBLE].question)
    hits = phone.page.evaluate(
        """() => Array.from(document.querySelectorAll('#ccp-front .option')).flatMap(option => {
            const box = option.getBoundingClientRect();
            return [4, box.width / 2, box.width - 4].map(x => {
                const hit = document.elementFromPoint(box.left + x, box.top + box.height / 2);
                return hit.tagName === 'BUTTON' || hit.tagName === 'A' || typeof hit.onclick === 'function'
                    || hit.classList.contains('tappable');
            });
        })"""
    )
    assert len(hits) == 5 * 3 and all(hits)
    assert {option["tag"] for option in phone.front()} == {"BUTTON"}
    assert phone.page.locator("#ccp-front button.option.tappable").count() == 5


def test_tapping_the_right_option_is_scored_correct(phone: Client, quiz: dict[str, Sides]) -> None:
    phone.show(quiz[SINGLE].question)
    phone.option("AWS Direct Connect").tap()
    letter = letter_of(phone.front(), "AWS Direct Connect")
    assert [option["text"] for option in phone.front() if option["chosen"]] == ["AWS Direct Connect"]
    phone.show(quiz[SINGLE].answer)
    assert phone.verdict() == f"Correct — you chose {letter}"
    (chosen,) = [option for option in phone.back() if option["text"] == "AWS Direct Connect"]
    assert chosen["mark"] == "your choice ✓" and chosen["letter"] == letter


def test_a_wrong_click_names_both_letters_as_the_student_saw_them(
    client: Client, quiz: dict[str, Sides]
) -> None:
    client.show(quiz[SINGLE].question)
    client.option("Amazon CloudFront").click()
    seen = client.front()
    client.show(quiz[SINGLE].answer)
    wrong, right = letter_of(seen, "Amazon CloudFront"), letter_of(seen, "AWS Direct Connect")
    assert client.verdict() == f"Wrong — you chose {wrong}; the answer is {right}"
    marks = {option["text"]: option["mark"] for option in client.back()}
    assert marks == {
        "Amazon CloudFront": "your choice ✗",
        "AWS Direct Connect": "missed",
        "AWS Site-to-Site VPN": "",
        "Amazon Route 53": "",
    }


def test_a_second_tap_on_a_single_answer_question_moves_the_choice(
    phone: Client, quiz: dict[str, Sides]
) -> None:
    phone.show(quiz[SINGLE].question)
    phone.option("Amazon Route 53").tap()
    phone.option("AWS Direct Connect").tap()
    assert [option["text"] for option in phone.front() if option["chosen"]] == ["AWS Direct Connect"]
    phone.option("AWS Direct Connect").tap()
    assert not any(option["chosen"] for option in phone.front())


def test_choose_two_refuses_a_third_tap_with_a_hint_and_keeps_the_first_two(
    phone: Client, quiz: dict[str, Sides]
) -> None:
    phone.show(quiz[DOUBLE].question)
    phone.option("Security groups").tap()
    phone.option("Internet gateway").tap()
    phone.option("Network ACLs").tap()
    chosen = [option["text"] for option in phone.front() if option["chosen"]]
    assert sorted(chosen) == ["Internet gateway", "Security groups"]
    assert "You have chosen 2" in phone.hint()
    phone.option("Internet gateway").tap()
    phone.option("Network ACLs").tap()
    assert "You have chosen" not in phone.hint()
    seen = phone.front()
    phone.show(quiz[DOUBLE].answer)
    expected = sorted([letter_of(seen, "Security groups"), letter_of(seen, "Network ACLs")])
    assert phone.verdict() == f"Correct — you chose {expected[0]} and {expected[1]}"


def test_choose_two_half_right_marks_every_option_in_words(client: Client, quiz: dict[str, Sides]) -> None:
    client.show(quiz[DOUBLE].question)
    client.option("Security groups").click()
    client.option("NAT gateway").click()
    seen = client.front()
    client.show(quiz[DOUBLE].answer)
    chose = sorted([letter_of(seen, "Security groups"), letter_of(seen, "NAT gateway")])
    right = sorted([letter_of(seen, "Security groups"), letter_of(seen, "Network ACLs")])
    assert (
        client.verdict() == f"Wrong — you chose {' and '.join(chose)}; the answers are {' and '.join(right)}"
    )
    marks = {option["text"]: option["mark"] for option in client.back()}
    assert marks["Security groups"] == "your choice ✓"
    assert marks["NAT gateway"] == "your choice ✗"
    assert marks["Network ACLs"] == "missed"
    assert marks["Internet gateway"] == marks["Route table"] == ""


# Keys


def test_digits_and_letters_pick_the_option_shown_at_that_place(
    client: Client, quiz: dict[str, Sides]
) -> None:
    client.show(quiz[DOUBLE].question)
    client.page.keyboard.press("2")
    client.page.keyboard.press("d")
    chosen = [option["letter"] for option in client.front() if option["chosen"]]
    assert chosen == ["B", "D"]
    client.page.keyboard.press("E")
    assert [option["letter"] for option in client.front() if option["chosen"]] == ["B", "D"]
    assert "You have chosen 2" in client.hint()
    client.page.keyboard.press("b")
    client.page.keyboard.press("5")
    assert [option["letter"] for option in client.front() if option["chosen"]] == ["D", "E"]


def test_keys_with_ctrl_or_beyond_the_options_are_left_alone(client: Client, quiz: dict[str, Sides]) -> None:
    client.show(quiz[SINGLE].question)
    client.page.keyboard.press("Control+1")
    client.page.keyboard.press("9")
    client.page.keyboard.press("e")
    assert not any(option["chosen"] for option in client.front())


def test_enter_after_a_click_reaches_the_app_and_leaves_the_choice_alone(
    browser: Browser, quiz: dict[str, Sides]
) -> None:
    desktop = Client.open(browser, "desktop")
    try:
        desktop.show(quiz[SINGLE].question)
        desktop.option("Amazon Route 53").click()
        for presses, key in enumerate(("Enter", " "), start=1):
            desktop.page.keyboard.press(key)
            assert desktop.page.evaluate("window.revealRequests") == presses
            assert [option["text"] for option in desktop.front() if option["chosen"]] == ["Amazon Route 53"]
    finally:
        desktop.close()


@pytest.mark.parametrize("key", ["Enter", " "])
def test_an_option_reached_with_tab_is_picked_by_its_key_and_the_next_enter_shows_the_answer(
    browser: Browser, quiz: dict[str, Sides], key: str
) -> None:
    desktop = Client.open(browser, "desktop")
    try:
        desktop.show(quiz[DOUBLE].question)
        desktop.page.keyboard.press("Tab")
        desktop.page.keyboard.press(key)
        desktop.page.keyboard.press("Tab")
        desktop.page.keyboard.press(key)
        assert [option["letter"] for option in desktop.front() if option["chosen"]] == ["A", "B"]
        assert desktop.page.evaluate("window.revealRequests") == 0
        desktop.page.keyboard.press("Enter")
        assert desktop.page.evaluate("window.revealRequests") == 1
        assert [option["letter"] for option in desktop.front() if option["chosen"]] == ["A", "B"]
    finally:
        desktop.close()


def test_keys_on_the_back_do_nothing_to_the_card(browser: Browser, quiz: dict[str, Sides]) -> None:
    desktop = Client.open(browser, "desktop")
    try:
        desktop.show(quiz[SINGLE].question)
        desktop.page.keyboard.press("1")
        desktop.show(quiz[SINGLE].answer)
        before = desktop.back()
        desktop.page.keyboard.press("2")
        assert desktop.back() == before
    finally:
        desktop.close()


# Carrying the choice to the back


def test_a_back_shown_twice_still_shows_the_verdict(client: Client, quiz: dict[str, Sides]) -> None:
    client.show(quiz[SINGLE].question)
    client.option("AWS Direct Connect").click()
    client.show(quiz[SINGLE].answer)
    first = client.verdict()
    assert first is not None and first.startswith("Correct")
    client.show(quiz[SINGLE].answer)
    assert client.verdict() == first


def test_the_next_review_starts_with_nothing_chosen(client: Client, quiz: dict[str, Sides]) -> None:
    client.show(quiz[SINGLE].question)
    client.option("AWS Direct Connect").click()
    client.show(quiz[SINGLE].answer)
    client.show(quiz[SINGLE].question)
    assert not any(option["chosen"] for option in client.front())
    client.show(quiz[SINGLE].answer)
    assert client.verdict() is None


def test_a_choice_on_another_question_is_not_carried_over(client: Client, quiz: dict[str, Sides]) -> None:
    client.show(quiz[DOUBLE].question)
    client.option("Security groups").click()
    client.show(quiz[SINGLE].answer)
    assert client.verdict() is None
    assert [option["mark"] for option in client.back() if option["mark"]] == ["correct answer"]


def test_choice_reaches_the_desktop_back_through_the_window_when_storage_is_blocked(
    browser: Browser, quiz: dict[str, Sides]
) -> None:
    desktop = Client.open(browser, "desktop")
    try:
        desktop.page.evaluate(
            "() => Object.defineProperty(window, 'sessionStorage', {get() { throw new Error('blocked'); }})"
        )
        desktop.show(quiz[SINGLE].question)
        desktop.option("AWS Direct Connect").click()
        desktop.show(quiz[SINGLE].answer)
        assert str(desktop.verdict()).startswith("Correct — you chose")
    finally:
        desktop.close()


# Shuffling


def review_orders(client: Client, sides: Sides, reviews: int) -> list[tuple[list[str], list[str]]]:
    """(front order, back order) of option texts over several reviews of one card."""
    orders = []
    for _ in range(reviews):
        client.show(sides.question)
        front = [str(option["text"]) for option in client.front()]
        client.show(sides.answer)
        back = [str(option["text"]) for option in client.back()]
        assert [option["letter"] for option in client.back()] == ["A", "B", "C", "D", "E"][: len(back)]
        orders.append((front, back))
    return orders


def test_option_order_changes_between_reviews_and_the_back_follows_it(
    client: Client, quiz: dict[str, Sides]
) -> None:
    orders = review_orders(client, quiz[SINGLE], 12)
    assert all(front == back for front, back in orders)
    assert len({tuple(front) for front, _ in orders}) > 1


def test_the_correct_answer_list_uses_the_letters_shown(client: Client, quiz: dict[str, Sides]) -> None:
    client.show(quiz[DOUBLE].question)
    seen = client.front()
    client.show(quiz[DOUBLE].answer)
    listed = client.page.locator(".correct-answers li").all_text_contents()
    expected = sorted(f"{letter_of(seen, text)} {text}" for text in ("Security groups", "Network ACLs"))
    assert [" ".join(item.split()) for item in listed] == expected


@pytest.mark.parametrize("question", [NAMES_LETTERS, NONE_OF_THE_ABOVE])
def test_a_question_that_points_at_options_by_letter_or_place_keeps_its_order(
    client: Client, quiz: dict[str, Sides], question: str
) -> None:
    orders = review_orders(client, quiz[question], 4)
    written = orders[0][0]
    assert all(front == back == written for front, back in orders)
    assert written[0] in ("Internet gateway", "Amazon Route 53")


# Without JavaScript


def test_without_javascript_the_back_still_shows_the_correct_answers(
    browser: Browser, quiz: dict[str, Sides]
) -> None:
    plain = Client.open(browser, "droid", javascript=False)
    try:
        plain.show(quiz[DOUBLE].question)
        assert plain.page.locator("#ccp-front .option").count() == 5
        plain.show(quiz[DOUBLE].answer)
        answer = plain.page.locator(".correct-answers").inner_text()
        assert plain.page.locator(".correct-answers .heading").inner_text().lower() == "correct answers"
        assert "Security groups" in answer and "Network ACLs" in answer and "NAT gateway" not in answer
        assert not plain.page.locator(".verdict").is_visible()
    finally:
        plain.close()
