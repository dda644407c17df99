"""Card layout in Debian's chromium at phone and desktop sizes, light and night: the small print stays
readable on a phone, and a wide table uses a desktop window's width instead of scrolling in a column."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from ccpkit.build import build
from ccpkit.export import ExportOptions
from tests.conftest import REPO
from tests.export.anki.browser import DESKTOP, PHONE, Client, Sides
from tests.export.anki.student import Student

TABLE_ROW = "05-networking/table/ways-to-connect-to-a-vpc/direct-connect"
TERM = "05-networking/card/subnet"
QUESTION = "05-networking/mcq/which-two-act-as-firewalls-for-resources-in-a-vpc-choose-two"


@pytest.mark.parametrize("night", [False, True], ids=["light", "night"])
@pytest.mark.parametrize("note", [TERM, TABLE_ROW, QUESTION])
def test_the_context_line_is_at_least_14_px_on_a_phone(
    browser: Browser, quiz: dict[str, Sides], note: str, night: bool
) -> None:
    phone = Client.open(browser, "droid", phone=True, night=night)
    try:
        phone.show(quiz[note].question)
        context = phone.page.locator(".context").first
        assert context.is_visible() and "05 Networking" in str(context.text_content())
        size = context.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
        assert size >= 14, f"context line is {size}px on a phone"
    finally:
        phone.close()


def table_geometry(client: Client) -> dict[str, float]:
    return dict(
        client.page.evaluate(
            """() => {
                const wrap = document.querySelector('.whole-table .table-wrap');
                const table = wrap.querySelector('table');
                const text = document.querySelector('.ccp.answer').getBoundingClientRect();
                const box = table.getBoundingClientRect();
                return {table: box.width, right: box.right,
                        hidden: wrap.scrollWidth - wrap.clientWidth, text: text.width,
                        page: document.scrollingElement.scrollWidth, window: window.innerWidth};
            }"""
        )
    )


@pytest.mark.parametrize("night", [False, True], ids=["light", "night"])
def test_a_wide_table_uses_the_window_width_on_desktop(
    browser: Browser, quiz: dict[str, Sides], night: bool
) -> None:
    desktop = Client.open(browser, "desktop", night=night)
    try:
        desktop.show(quiz[TABLE_ROW].question)
        desktop.show(quiz[TABLE_ROW].answer)
        seen = table_geometry(desktop)
        assert seen["window"] == DESKTOP["width"]
        assert seen["table"] > seen["text"] + 200, f"the table stays in the text column: {seen}"
        assert seen["hidden"] <= 0, f"part of the table is scrolled out of sight: {seen}"
        assert seen["right"] <= seen["window"] and seen["page"] <= seen["window"]
    finally:
        desktop.close()


def test_on_a_phone_a_wide_table_scrolls_inside_its_box_not_the_page(
    browser: Browser, quiz: dict[str, Sides]
) -> None:
    phone = Client.open(browser, "droid", phone=True)
    try:
        phone.show(quiz[TABLE_ROW].answer)
        seen = table_geometry(phone)
        assert seen["hidden"] > 0 and seen["page"] <= seen["window"], seen
    finally:
        phone.close()


def test_text_keeps_a_readable_column_on_desktop(browser: Browser, quiz: dict[str, Sides]) -> None:
    desktop = Client.open(browser, "desktop")
    try:
        desktop.show(quiz[QUESTION].question)
        width = desktop.page.locator("#ccp-front").evaluate("e => e.getBoundingClientRect().width")
        assert width <= 42 * 20 + 1
    finally:
        desktop.close()


LONG_NAMES = "05-networking/mcq/which-permission-lets-a-function-read-one-stored-secret"


@pytest.mark.parametrize("kind", ["desktop", "droid"])
@pytest.mark.parametrize("night", [False, True], ids=["light", "night"])
def test_long_names_in_options_wrap_on_a_phone_and_the_page_never_scrolls_sideways(
    browser: Browser, quiz: dict[str, Sides], night: bool, kind: str
) -> None:
    phone = Client.open(browser, kind, phone=True, night=night)
    try:
        for side in (quiz[LONG_NAMES].question, quiz[LONG_NAMES].answer):
            phone.show(side)
            if side == quiz[LONG_NAMES].question:  # chosen: the back labels it `your choice`
                phone.option("kms:DecryptEverythingEverywhereForEveryPrincipalInTheOrganization").tap()
            seen = phone.page.evaluate(
                """width => {
                    const boxes = [...document.querySelectorAll('ol.options .option, ol.options .mark')];
                    return {page: document.scrollingElement.scrollWidth,
                            outside: boxes.filter(e => e.getBoundingClientRect().right > width + 0.5).length};
                }""",
                PHONE["width"],
            )
            assert seen["page"] <= PHONE["width"] and seen["outside"] == 0, seen  # the phone's own width
    finally:
        phone.close()


@pytest.mark.parametrize("night", [False, True], ids=["light", "night"])
def test_a_highlight_keeps_the_cards_text_colour_and_code_in_it_stays_readable(
    browser: Browser, quiz: dict[str, Sides], night: bool
) -> None:
    phone = Client.open(browser, "droid", phone=True, night=night)
    try:
        phone.show(quiz[LONG_NAMES].answer)
        colours = phone.page.evaluate(
            """() => {
                const mark = document.querySelector('.explanation mark');
                const code = mark.querySelector('code');
                const card = getComputedStyle(document.querySelector('.card') || document.body);
                return {mark: getComputedStyle(mark).color, code: getComputedStyle(code).color,
                        text: card.color, ground: getComputedStyle(mark).backgroundColor};
            }"""
        )
        assert colours["mark"] == colours["text"] == colours["code"], colours
        assert colours["ground"] != "rgb(255, 255, 0)", colours  # not the browser's glaring default
    finally:
        phone.close()


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two CSS ``rgb(…)`` colours."""

    def luminance(colour: str) -> float:
        channels = [int(part) / 255 for part in colour[colour.index("(") + 1 : -1].split(",")[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


SMALL_PRINT = """selector => [...document.querySelectorAll(selector)].map(e => {
    let ground = e;
    while (ground && ['rgba(0, 0, 0, 0)', 'transparent'].includes(getComputedStyle(ground).backgroundColor))
        ground = ground.parentElement;
    const behind = getComputedStyle(ground || document.body).backgroundColor;
    return [e.textContent, getComputedStyle(e).color, behind];
})"""


@pytest.mark.parametrize("night", [False, True], ids=["light", "night"])
def test_a_questions_small_labels_read_at_4_5_to_1_or_more(
    browser: Browser, quiz: dict[str, Sides], night: bool
) -> None:
    """The `Choose 2` pill on the front, and each option's `your choice` or `missed` label on the back."""
    desktop = Client.open(browser, "desktop", night=night)
    try:
        desktop.show(quiz[QUESTION].question)
        labels = desktop.page.evaluate(SMALL_PRINT, ".choose")
        desktop.option("Security groups").click()
        desktop.show(quiz[QUESTION].answer)
        labels += desktop.page.evaluate(SMALL_PRINT, "ol.options .mark")
        assert len(labels) >= 3
        for text, colour, ground in labels:
            assert contrast(colour, ground) >= 4.5, (text, colour, ground)
    finally:
        desktop.close()


def test_a_hebrew_table_reads_from_the_right_and_an_english_one_from_the_left(
    browser: Browser, tmp_path: Path
) -> None:
    """A table whose header reads right to left shows its first column rightmost on the card, as its
    notes show it; an English table beside it keeps its first column at the left."""
    notes = tmp_path / "notes" / "01-harbors"
    notes.mkdir(parents=True)
    hebrew = "| נמל | עומק |\n|---|---|\n| חיפה | 12 מטר |\n| אשדוד | 15 מטר |\n"
    english = "| Wharf | Berth |\n|---|---|\n| Xanadu | nine metres |\n| Yarrow | ten metres |\n"
    (notes / "notes.md").write_text(f"## נמלים\n\n{hebrew}\n## Wharves\n\n{english}", encoding="utf-8")
    options = ExportOptions(templates=REPO / "templates")
    build(tmp_path / "notes", tmp_path / "build", formats=("anki",), options=options, title="Harbors")
    student = Student.with_fresh_collection(tmp_path)
    try:
        student.import_package(next((tmp_path / "build" / "anki").glob("*.apkg")))
        answers = [note.cards()[0].answer() for note in student.notes()]
    finally:
        student.close()
    desktop = Client.open(browser, "desktop")
    try:
        for first, second in [("נמל", "עומק"), ("Wharf", "Berth")]:
            desktop.show(next(answer for answer in answers if f"<th>{first}</th>" in answer))
            left = desktop.page.evaluate(
                """(names) => names.map(name => [...document.querySelectorAll('.whole-table th')]
                    .find(cell => cell.textContent.trim() === name).getBoundingClientRect().left)""",
                [first, second],
            )
            assert (left[0] > left[1]) == (first == "נמל"), (first, left)
    finally:
        desktop.close()
