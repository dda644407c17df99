"""A PDF's page headers and footers pasted with its text (``Page 6 of 80 www.site.com``, ``- 6 -``):
lines of layout that cut a question's options, stem or explanation apart, no part of any of them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container

from ccpkit.regex import regex

_SITE = (
    r"(?:(?:https?://|www\.)[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,6}"
    r"|[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|edu|gov|io|info|biz|co|uk|us|de|fr))/?"
)
"""A site's address alone, no path: ``www.certs-example.com``, ``https://example.org/``, ``examdumps.net``;
not a file's name (``Node.js``, ``config.yaml``, ``requirements.in``), whose ending is no common site's."""
_DASH = r"[-\u2013\u2014]"
_PAGE_NUMBER = r"page[ \t]*\d{1,4}(?:[ \t]*(?:of|/)[ \t]*\d{1,4})?"
"""``Page 6``, ``Page 6 of 80``, ``Page 6/80`` (not ``p. 42``: a note of where to read)."""
_DASHED = regex(rf"[ \t]*{_DASH}[ \t]*\d{{1,3}}[ \t]*{_DASH}[ \t]*")
"""``- 6 -``: a page's number between dashes (not a year's divider, ``— 1914 —``)."""
_BETWEEN = r"[ \t]*[|\u2013\u2014\u00b7-]?[ \t]*"
_TITLED = regex(
    rf"(?P<title>[^\s#>*+\d-][^\n]{{0,79}}?)[ \t][|\u2013\u2014-][ \t]*"
    rf"{_PAGE_NUMBER}(?:{_BETWEEN}{_SITE})?[ \t]*",
    re.I,
)
"""A document's title and a dash before its page's number (``Botany Exam - Page 6``); never a heading's,
quote's or list item's line (``## Osmosis - page 112``), which is the notes' own."""
_PAGE_MARK = regex(rf"(?:{_SITE}{_BETWEEN})?(?:{_PAGE_NUMBER})(?:{_BETWEEN}{_SITE})?[ \t]*", re.I)
"""A line at the margin that is a page's number, maybe with the site's address before or after it."""
_SITE_LINE = regex(rf"{_SITE}[ \t]*", re.I)
MAY_HOLD_PAGE_MARKS = regex(
    rf"page[ \t]*\d|^{_DASH}[ \t]*\d{{1,3}}[ \t]*{_DASH}[ \t]*$|^\S+\.[a-z]{{2,6}}/?[ \t]*$",
    re.M | re.I,
)
"""What any page mark holds: looked for first, it passes over a file of none at once."""
PAGE_MARKS_LEFT_OUT = (
    "a PDF's page header or footer left out (`{first}`), and every one below it ({count} in all): a page's "
    "number or the site's address alone on a line is no part of the questions it cuts"
)


def page_mark_lines(lines: list[str], code: Container[int], fenced: Container[int] = ()) -> list[int]:
    """The numbers of the lines that are a page's header or footer: a page's number (with the site or
    not), or a site's address alone on its line next to one, or on lines of its own more than once (a
    footer repeats on each page; one address alone is a link to read). A titled or dashed number
    (``Botany Exam - Page 6``, ``- 6 -``) is one only where its form repeats or a plain page mark is in
    the file too: once alone, it is a note of where to read, or a divider."""
    shown = [(number, line) for number, line in enumerate(lines) if number not in code]
    paged = {number for number, line in shown if _PAGE_MARK.fullmatch(line)}
    weak = {number: form for number, line in shown if (form := _weak_mark_form(line))}
    forms = Counter(weak.values())
    paged |= {number for number, form in weak.items() if paged or forms[form] > 1}
    sited = {number: line.strip().casefold() for number, line in shown if _is_site(line)}
    sites = Counter(sited.values())
    return sorted(
        paged
        | {number for number, site in sited.items() if sites[site] > 1 or {number - 1, number + 1} & paged}
        | _laid_out_marks(lines, code, fenced)
    )


def _laid_out_marks(lines: list[str], code: Container[int], fenced: Container[int]) -> set[int]:
    """A page's number set off to the right by spaces (``                Page 2 of 9``, as ``pdftotext
    -layout`` keeps a footer; Markdown reads the indented line as code), and a running header's line
    right beside it whose parts stand apart in columns (``BIOL 110 - Plant Biology      Lecture 6``):
    a page's layout, as a page mark at the margin is; in a fenced block, or going on from an indented
    line above it, it is code that prints pages."""
    marks = {
        number
        for number, line in enumerate(lines)
        if line.startswith(_INDENT)
        and number not in fenced
        and not (number and lines[number - 1].startswith(_INDENT))
        and _COUNTED_PAGE.fullmatch(line.strip())
    }
    return marks | {
        number
        for mark in marks
        for number in (mark - 1, mark + 1)
        if 0 <= number < len(lines) and number not in code and _COLUMNS.search(lines[number].strip())
    }


_INDENT = "    "
_COUNTED_PAGE = regex(r"page[ \t]*\d{1,4}[ \t]*(?:of|/)[ \t]*\d{1,4}", re.I)
"""``Page 2 of 9``, ``Page 2/9``: a page's number among the pages', which no code's line is alone."""
_COLUMNS = regex(r"\S {8}")
"""Words then eight spaces or more before more words: a laid-out page's columns, not a sentence's."""


def _weak_mark_form(line: str) -> str:
    """A titled or dashed page mark's form (its title, casefolded, or ``-``), or ``""`` for any other line."""
    if _DASHED.fullmatch(line):
        return "-"
    titled = _TITLED.fullmatch(line)
    return titled["title"].strip().casefold() if titled else ""


def _is_site(line: str) -> bool:
    """Whether a line is a site's address alone (``.`` first: most lines hold none)."""
    return "." in line and _SITE_LINE.fullmatch(line) is not None
