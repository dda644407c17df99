"""Cards in a real browser engine (Debian's chromium, driven by Playwright), shown the way Anki clients do.

Anki desktop keeps one page: ``#qa``'s HTML is replaced by the question, then by the answer, and the
card's scripts run again each time (window state persists). AnkiDroid loads a fresh page for each side
(only sessionStorage persists). Both put the card in a body with class ``card`` (and the night-mode
classes), and ``card.question()`` / ``card.answer()`` carry the note type's CSS in a ``<style>``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Route, sync_playwright

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1600, "height": 1000}
ORIGIN = "https://card.test/"

_DESKTOP_SHELL = """<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body class="{classes}"><div id="qa"></div>
<script>
/* What Anki desktop's reviewer does with a side: replace #qa's HTML and run its scripts again. */
function _updateQA(html) {{
  var qa = document.getElementById("qa");
  qa.innerHTML = html;
  Array.prototype.slice.call(qa.querySelectorAll("script")).forEach(function (old) {{
    var fresh = document.createElement("script");
    fresh.textContent = old.textContent;
    old.parentNode.replaceChild(fresh, old);
  }});
}}
/* Enter or Space that the card leaves alone is the app's: it shows the answer. The app hears a key
   after the page (on window, the last place an event bubbles to). */
window.revealRequests = 0;
window.addEventListener("keydown", function (event) {{
  var reveal = event.key === "Enter" || event.key === " ";
  if (reveal && !event.defaultPrevented) {{ window.revealRequests += 1; }}
}});
</script></body></html>"""

_FRESH_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body class="{classes}"><div id="qa">{html}</div></body></html>"""


def chromium_path() -> str:
    """Debian's chromium; its absence is a failure, never a skip (CI installs it in ``.ci/run``)."""
    found = os.environ.get("CCPKIT_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found or not Path(found).exists():
        pytest.fail("Debian's chromium is needed for the card tests: apt-get install -y chromium")
    return found


@contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        engine = playwright.chromium.launch(executable_path=chromium_path())
        try:
            yield engine
        finally:
            engine.close()


@dataclass(frozen=True)
class Sides:
    """A card's two sides as the real Anki library renders them (CSS included)."""

    question: str
    answer: str


def body_classes(night: bool) -> str:
    return "card card1 nightMode night_mode" if night else "card card1"


@dataclass
class Client:
    """One Anki client showing cards: ``desktop`` (same page) or ``droid`` (fresh page per side)."""

    page: Page
    kind: str
    night: bool = False
    _served: str = ""

    @classmethod
    def open(
        cls, browser: Browser, kind: str, *, phone: bool = False, night: bool = False, javascript: bool = True
    ) -> Client:
        context = browser.new_context(
            viewport=PHONE if phone else DESKTOP,
            has_touch=phone,
            is_mobile=phone,
            java_script_enabled=javascript,
        )
        client = cls(context.new_page(), kind, night)
        client.page.route(f"{ORIGIN}**", client._serve)
        if kind == "desktop":
            client._served = _DESKTOP_SHELL.format(classes=body_classes(night))
            client.page.goto(ORIGIN + "reviewer")
        return client

    def _serve(self, route: Route) -> None:
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=self._served)

    def show(self, html: str) -> None:
        """Show one side of a card, as this client does."""
        if self.kind == "desktop":
            self.page.evaluate("html => _updateQA(html)", html)
        else:
            self._served = _FRESH_PAGE.format(classes=body_classes(self.night), html=html)
            self.page.goto(ORIGIN + "card")

    def close(self) -> None:
        self.page.context.close()

    # What the student sees

    def front(self) -> list[dict[str, Any]]:
        """The front's options in screen order: letter, text, chosen."""
        return list(
            self.page.eval_on_selector_all(
                "#ccp-front ol.options .option",
                """options => options.map(o => ({
                    letter: o.querySelector('.label').textContent,
                    text: o.querySelector('.text').textContent.trim(),
                    chosen: o.getAttribute('aria-pressed') === 'true',
                    tag: o.tagName}))""",
            )
        )

    def back(self) -> list[dict[str, Any]]:
        """The back's options in screen order: letter, text, the words next to it, classes."""
        return list(
            self.page.eval_on_selector_all(
                "#ccp-back ol.options .option",
                """options => options.map(o => ({
                    letter: o.querySelector('.label').textContent,
                    text: o.querySelector('.text').textContent.trim(),
                    mark: o.querySelector('.mark') ? o.querySelector('.mark').textContent : '',
                    classes: o.className}))""",
            )
        )

    def verdict(self) -> str | None:
        verdict = self.page.locator("#ccp-back .verdict")
        return verdict.text_content() if verdict.is_visible() else None

    def hint(self) -> str:
        return str(self.page.locator("#ccp-front .hint").text_content())

    def option(self, text: str) -> Any:
        return self.page.locator("#ccp-front .option", has_text=text)
