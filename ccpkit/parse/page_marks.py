"""A PDF's page headers and footers pasted with its text (``Page 6 of 80 www.site.com``, ``- 6 -``):
lines of layout that cut a question's options, stem or explanation apart, no part of any of them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container

from ccpkit.regex import regex

_SITE = (
    r"(?:(?:https?://|www\.)[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,6}"
    r"|[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|edu|gov|io|info|biz|co|uk|us|in|de|fr))/?"
)
"""A site's address alone, no path: ``www.certs-example.com``, ``https://example.org/``, ``examdumps.net``;
not a file's name (``Node.js``, ``config.yaml``), whose ending is no common site's."""
_DASH = r"[-\u2013\u2014]"
_PAGE_NUMBER = rf"page[ \t]*\d{{1,4}}(?:[ \t]*(?:of|/)[ \t]*\d{{1,4}})?|{_DASH}[ \t]*\d{{1,4}}[ \t]*{_DASH}"
"""``Page 6``, ``Page 6 of 80``, ``Page 6/80``, ``- 6 -`` (not ``p. 42``: a note of where to read)."""
_BETWEEN = r"[ \t]*[|\u2013\u2014\u00b7-]?[ \t]*"
_TITLED = r"[^\n]{1,80}?[ \t][|\u2013\u2014-][ \t]*(?=page)"
"""A document's title and a dash before its page's number."""
_PAGE_MARK = regex(
    rf"(?:{_SITE}{_BETWEEN}|{_TITLED})?(?:{_PAGE_NUMBER})(?:{_BETWEEN}{_SITE})?[ \t]*",
    re.I,
)
"""A line at the margin that is a page's number, maybe with the site's address before or after it, or
the document's title and a dash before it (``CompTIA Exam Questions - Page 6``); an item's line is its
own words."""
_SITE_LINE = regex(rf"{_SITE}[ \t]*", re.I)
MAY_HOLD_PAGE_MARKS = regex(
    rf"(?i:page)[ \t]*\d|^{_DASH}[ \t]*\d{{1,4}}[ \t]*{_DASH}[ \t]*$"
    r"|^\S+\.[a-z]{2,6}/?[ \t]*$",
    re.M,
)
"""What any page mark holds: looked for first, it passes over a file of none at once."""
PAGE_MARKS_LEFT_OUT = (
    "a PDF's page header or footer left out (`{first}`), and every one below it ({count} in all): a page's "
    "number or the site's address alone on a line is no part of the questions it cuts"
)


def page_mark_lines(lines: list[str], code: Container[int]) -> list[int]:
    """The numbers of the lines that are a page's header or footer: a page's number (with the site or
    not), or a site's address alone on its line next to one, or on lines of its own more than once (a
    footer repeats on each page; one address alone is a link to read)."""
    paged = {number for number, line in enumerate(lines) if number not in code and _PAGE_MARK.fullmatch(line)}
    sites = Counter(
        line.strip().casefold() for number, line in enumerate(lines) if _is_site(line, number, code)
    )
    return sorted(
        paged
        | {
            number
            for number, line in enumerate(lines)
            if _is_site(line, number, code)
            and (sites[line.strip().casefold()] > 1 or number - 1 in paged or number + 1 in paged)
        }
    )


def _is_site(line: str, number: int, code: Container[int]) -> bool:
    return number not in code and "." in line and _SITE_LINE.fullmatch(line) is not None
